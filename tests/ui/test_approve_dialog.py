"""The officer's approval through the dialog (issue 12 item 2): the hotel example approved by ticking, choosing and
typing as a user does, the refusal to go ahead over a prohibited practice until its stop is stated, problems beside
their fields from the core's check, an existing approval edited, hostile text kept verbatim. Offscreen."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from pia_wizard.core import approval as core
from pia_wizard.services import approval as approval_service
from pia_wizard.services.assessments import example_path, read_assessment
from pia_wizard.services.demo import demo_approval
from pia_wizard.ui.app import build_state
from pia_wizard.ui.approve_dialog import ApproveDialog
from pia_wizard.ui.settings import UiSettings

REASONS = "整体剩余风险为中，低于不可接受等级；告知页保存期限和入侵检测两项条件落实后同意上线。"
CONDITIONS = "2026-12-15 上线前完成告知页保存期限的修改；2027-03-31 前部署入侵检测。"
STOPPED = "2026-11-25 撤回“尽快录入人脸”通知，取消补办门禁卡押金和书面审批，物业已在各出入口公告并经法务核实。"
HOSTILE = {
    "html": "<b>x</b><script>alert(1)</script>&amp; &lt; <img src=x onerror=alert(2)>",
    "100k": "人" * 50_000 + "x" * 50_000,
    "rtl": "مرحبا بالعالم \u202eRTL override\u202c עברית",
    "emoji": "👩\u200d👩\u200d👧\u200d👦 🇨🇳 😀 \U0001F9D1\U0001F3FD\u200d\U0001F4BB",
}


@pytest.fixture
def state(tmp_path, monkeypatch):
    monkeypatch.setattr(UiSettings, "save", lambda self, store=None: None)  # never the user's QSettings
    s = build_state(UiSettings(language="en", assessor_name="周雅琳"), data_dir=str(tmp_path / "data"))
    yield s
    s.worker.shutdown(wait=True)


@pytest.fixture(scope="module")
def hotel():
    return read_assessment(example_path("hotel-checkin"))


@pytest.fixture(scope="module")
def gate():
    return read_assessment(example_path("residential-gate"))


def dialog(qtbot, state, a, **kw) -> ApproveDialog:
    d = ApproveDialog(state, a, **kw)
    qtbot.addWidget(d)
    d.show()
    return d


def type_into(qtbot, edit, text: str) -> None:
    """Type text as an input method commits it (QTest key clicks are ASCII-only)."""
    edit.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def click(qtbot, button) -> None:
    """A click on the button's indicator (a radio button spans the row; its text takes the click only where it is)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))


def shown(label: QLabel) -> str:
    return label.text() if label.isVisibleTo(label.window()) else ""


def test_the_hotel_is_approved_through_the_dialog(qtbot, state, hotel):
    d = dialog(qtbot, state, hotel)
    assert not d.ok.isEnabled()
    assert "6 thing(s)" in d.summary.text()
    # the views of the people concerned are the assessment's answers, shown read-only with where to change them
    assert d.views_text.isReadOnly() and d.views_text.toPlainText().startswith("①向三家门店会员发放线上问卷")
    assert "Yes" in d.views_sought.text() and "Survey" in d.views_lists.text()
    # a system not yet live is not offered the decisions for a live one
    assert set(d.opinion_buttons) == {"proceed", "proceed_with_conditions", "do_not_proceed"}
    # the approver is the officer the assessment names (not the assessor of the settings)
    assert d.approver_edits["name"].text() == "陈启航"
    assert d.date.date() == QDate.currentDate()

    for key, check in d.attest_checks.items():
        assert shown(d.attest_problems[key]) == "✗ Not confirmed yet"
        click(qtbot, check)
        assert not d.attest_problems[key].isVisible()
    assert "Choose a decision" in shown(d.opinion_problem)
    click(qtbot, d.opinion_buttons["proceed_with_conditions"])
    assert d.conditions.isVisible() and "conditions" in shown(d.conditions_problem)
    assert not d.ok.isEnabled()
    type_into(qtbot, d.conditions, CONDITIONS)
    assert not d.conditions_problem.isVisible()
    type_into(qtbot, d.reasons, "同意。")
    assert "at least 15 characters" in shown(d.reasons_problem)
    d.reasons.selectAll()
    type_into(qtbot, d.reasons, REASONS)
    assert not d.reasons_problem.isVisible()
    d.date.setDate(QDate(2026, 11, 26))
    assert d.problems == [] and d.ok.isEnabled() and "complete" in d.summary.text()

    with qtbot.waitSignal(d.accepted, timeout=2000):
        click(qtbot, d.ok)
    ap = d.approval()
    assert ap == core.approval_dict(
        opinion="proceed_with_conditions", reasons=REASONS, conditions=CONDITIONS, date="2026-11-26",
        approver={"name": "陈启航", "role": "个人信息保护负责人、法务合规总监",
                  "organisation": "锦程酒店管理（上海）有限公司"})
    approved = approval_service.with_approval(hotel, ap)  # what the integrator writes into the draft
    assert core.approval_problems(approved) == []


def test_start_from_the_assessments_conclusion_fills_only_empty_fields(qtbot, state, hotel):
    d = dialog(qtbot, state, hotel)
    type_into(qtbot, d.reasons, "我自己的看法：风险可控，条件落实后同意上线。")
    d.use_conclusion.click()
    assert d.opinion() == "proceed_with_conditions"
    assert d.reasons.text() == "我自己的看法：风险可控，条件落实后同意上线。"
    assert d.conditions.text() == hotel.answers["conclusion.conditions"]


def test_proceeding_over_a_prohibited_practice_is_refused_until_its_stop_is_stated(qtbot, state, gate):
    d = dialog(qtbot, state, gate)
    # the live system is offered the live decisions; the prohibited practice has its field from the start
    assert "continue_after_remediation" in d.opinion_buttons
    assert d.stopped_box.isVisible() and list(d.stopped_edits) == ["FRM-12-NO-COERCION"]
    assert "FRT Measures Art. 12" in d.stopped_titles["FRM-12-NO-COERCION"].text()
    assert "Prohibited" in d.stopped_titles["FRM-12-NO-COERCION"].text()
    for check in d.attest_checks.values():
        check.setChecked(True)
    type_into(qtbot, d.reasons, "住户投诉后补做评估，强制刷脸的做法已停止，其余问题限期整改。")
    for opinion in ("proceed", "proceed_with_conditions", "continue_after_remediation"):
        click(qtbot, d.opinion_buttons[opinion])
        if opinion in core.WITH_CONDITIONS:
            d.conditions.load("12月5日前取消门禁卡押金和审批，恢复当场办卡（刘建国）。")
            d.validate()
        assert "approval.stopped" in [p.field for p in d.problems], opinion
        assert "when and how it stopped" in shown(d.stopped_problem)
        assert not d.ok.isEnabled()
    # the one thing left is far up the form: "Show the first" scrolls to it
    d.scroll.verticalScrollBar().setValue(d.scroll.verticalScrollBar().maximum())
    d.first_problem.click()
    top = d.stopped_problem.mapTo(d.scroll.widget(), d.stopped_problem.rect().topLeft()).y()
    bar = d.scroll.verticalScrollBar().value()
    assert bar <= top <= bar + d.scroll.viewport().height()
    # too short a statement does not count
    type_into(qtbot, d.stopped_edits["FRM-12-NO-COERCION"], "已停")
    assert "approval.stopped" in [p.field for p in d.problems] and not d.ok.isEnabled()
    d.stopped_edits["FRM-12-NO-COERCION"].selectAll()
    type_into(qtbot, d.stopped_edits["FRM-12-NO-COERCION"], STOPPED)
    assert d.problems == [] and d.ok.isEnabled()
    assert d.approval()["stopped"] == {"FRM-12-NO-COERCION": STOPPED}
    assert d.approval()["opinion"] == "continue_after_remediation"
    # refusing to go ahead needs no statement
    d.stopped_edits["FRM-12-NO-COERCION"].clear()
    click(qtbot, d.opinion_buttons["do_not_proceed"])
    assert d.problems == [] and "stopped" not in d.approval() and "conditions" not in d.approval()


def test_do_not_proceed_does_not_ask_to_ratify_the_plan(qtbot, state, hotel):
    d = dialog(qtbot, state, hotel)
    click(qtbot, d.opinion_buttons["do_not_proceed"])
    assert [k for k, label in d.attest_problems.items() if shown(label)] == ["description_accurate",
                                                                            "risks_understood"]
    assert d.attest_checks["plan_ratified"].toolTip()


def test_the_views_of_the_people_concerned_are_changed_in_the_workspace(qtbot, state, gate):
    data = gate.to_dict()
    del data["answers"]["conclusion.consult_why_not"]
    from pia_wizard.core.assessment import Assessment

    d = dialog(qtbot, state, Assessment.from_dict(data))
    assert "why the views" in shown(d.views_problem)
    assert "edit those answers" in d.views_note.text()
    with qtbot.waitSignal(d.jumpTo, timeout=2000) as got:
        d.go_views.click()
    assert got.args == ["conclusion.consulted"] and not d.isVisible()


def test_an_existing_approval_is_edited(qtbot, state, hotel):
    a = demo_approval(hotel)
    a.approval["approver"]["contact"] = "dpo@example.cn"
    d = dialog(qtbot, state, a)
    assert d.problems == [] and d.ok.isEnabled()
    assert d.approval() == a.approval  # nothing lost, the contact kept though the dialog does not show it
    d.approver_edits["name"].clear()
    assert "name the PI protection officer" in shown(d.approver_problems["name"]) and not d.ok.isEnabled()
    # an approval given explicitly wins over the one the file holds
    other = dict(a.approval, opinion="do_not_proceed")
    assert dialog(qtbot, state, a, approval=other).opinion() == "do_not_proceed"


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_text_is_kept_verbatim_and_shown_as_text(qtbot, state, hotel, kind):
    text = HOSTILE[kind]
    a = replace(hotel, system={"name": text})
    d = dialog(qtbot, state, a, approval=demo_approval(hotel).approval)
    d.reasons.load(text)
    d.approver_edits["role"].setText(text[:2000])
    d.validate()
    assert d.header.textFormat() == Qt.TextFormat.PlainText and text[:50] in d.header.text()
    ap = d.approval()
    assert ap["reasons"] == text and ap["approver"]["role"] == text[:2000]
    long_enough = len("".join(text.split())) >= core.MIN_REASONS  # the core counts characters, spaces left out
    assert [p.field for p in d.problems] == ([] if long_enough else ["approval.reasons"])
    for label in d.findChildren(QLabel):
        if text[:20] in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText


def test_the_dialog_follows_the_ui_language(qtbot, state, hotel):
    d = dialog(qtbot, state, hotel)
    assert d.attest_checks["plan_ratified"].text() == "I ratify the action plan in this report."
    state.with_language("zh")
    assert d.attest_checks["plan_ratified"].text() == "本人批准报告中的整改计划。"
    assert d.opinion_buttons["proceed"].text() == "同意实施"
    assert "请说明审批意见的理由" in shown(d.reasons_problem)
    assert d.date.locale().language() == d.date.locale().Language.Chinese


def test_every_input_has_an_accessible_name(qtbot, state, gate):
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QLineEdit, QPlainTextEdit

    d = dialog(qtbot, state, gate)
    nameless = [type(w).__name__ for w in d.findChildren(QWidget)
                if isinstance(w, QLineEdit | QPlainTextEdit | QAbstractSpinBox | QAbstractButton)
                and w.isVisibleTo(d) and not isinstance(w.parent(), QAbstractSpinBox)
                and not (w.accessibleName().strip() or (isinstance(w, QAbstractButton) and w.text().strip()))]
    assert nameless == []
