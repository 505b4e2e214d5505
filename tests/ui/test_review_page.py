"""The review before approval (issue 12 item 1): the decision asked for, the issues with their legal bases, the risks
with the heat map, the action plan, unanswered questions and consistency warnings, each leading back to its
question; "Approve…" disabled with the reasons listed while something required is missing. Offscreen, with
keyboard and mouse as a user works, hostile text, zh and en."""

from __future__ import annotations

import copy
import time
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from pia_wizard.core import labels
from pia_wizard.core.engine import evaluate
from pia_wizard.services.assessments import example_path, read_assessment
from pia_wizard.ui.app import build_state
from pia_wizard.ui.review_page import JumpRow, ReviewPage
from pia_wizard.ui.settings import UiSettings

TODAY = date(2026, 11, 26)
WAIT = 5_000
HOSTILE = {
    "html": "<b>x</b><script>alert(1)</script>&amp; &lt; <img src=x onerror=alert(2)>",
    "100k": "人" * 50_000 + "x" * 50_000,
    "rtl": "مرحبا بالعالم \u202eRTL override\u202c עברית",
    "emoji": "👩\u200d👩\u200d👧\u200d👦 🇨🇳 😀 \U0001F9D1\U0001F3FD\u200d\U0001F4BB",
}


@pytest.fixture
def state(tmp_path, monkeypatch):
    monkeypatch.setattr(UiSettings, "save", lambda self, store=None: None)  # never the user's QSettings
    s = build_state(UiSettings(language="en"), data_dir=str(tmp_path / "data"))
    s.ctx = s.ctx.with_(fixed_today=TODAY)
    yield s
    s.worker.shutdown(wait=True)


@pytest.fixture(scope="module")
def hotel():
    return read_assessment(example_path("hotel-checkin"))


def page(qtbot, state, a=None) -> ReviewPage:
    p = ReviewPage(state)
    qtbot.addWidget(p)
    p.resize(1366, 768)
    p.show()
    if a is not None:
        p.show_assessment(a, evaluate(a, today=TODAY))
    return p


def incomplete(hotel):
    a = copy.deepcopy(hotel)
    a.answers.pop("scope.in_prc")
    a.answers["scope.private_space"] = "yes"  # a prohibited finding, and a follow-up question left unanswered
    a.risks.pop("leak")
    return a


def texts(widget) -> list[str]:
    return [w.text() for w in widget.findChildren(QLabel) if w.isVisibleTo(widget)]


# --- what it shows -----------------------------------------------------------------------------------------------
def test_nothing_to_review_yet(qtbot, state):
    p = page(qtbot, state)
    assert not p.approve_button.isEnabled()
    assert p.summary.text() == "Nothing to review yet."


def test_the_hotel_is_shown_and_can_be_approved(qtbot, state, hotel):
    p = page(qtbot, state, hotel)
    ev = p.evaluation
    assert p.decision.text() == "Go ahead only once the listed conditions are met"
    assert p.conditions.text() == hotel.answers["conclusion.conditions"]
    assert p.reason.text() == hotel.answers["conclusion.decision_reason"]
    assert len(p.cards) == len(ev.issues) > 0
    card = p.cards[0]
    assert card.issue.findings[0].citation("en") in " ".join(texts(card))  # the legal bases in words
    assert p.risk_table.rowCount() == 8
    names = [p.risk_table.item(r, 0).text() for r in range(8)]
    assert names[0] == "1. Leak" and names[-1] == "Overall (the highest of the seven)"
    assert p.risk_table.item(0, 1).text() == "High" and p.risk_table.item(0, 2).text() == "Medium"
    assert "<svg" in p.heatmap.markup
    measures = hotel.answers["risk.measures"]
    assert p.plan_table.rowCount() == len(measures)
    assert [p.plan_table.item(0, c).text() for c in (1, 5, 6)] == [measures[0]["measure"], measures[0]["owner"],
                                                                   measures[0]["due"]]
    assert not p.unanswered.isVisible() and p.unanswered_empty.isVisible()
    assert p.blockers.count() == 0 and p.approve_button.isEnabled()
    with qtbot.waitSignal(p.approveRequested, timeout=WAIT):
        qtbot.mouseClick(p.approve_button, Qt.MouseButton.LeftButton)


def test_approval_is_refused_with_the_reasons_listed(qtbot, state, hotel):
    p = page(qtbot, state, incomplete(hotel))
    assert not p.approve_button.isEnabled()
    listed = p.blockers.texts()
    assert "Required question not answered: Does the processing of facial information take place in mainland " \
           "China?" in listed
    assert any("Leak" in t and "inherent" in t for t in listed)
    assert f"{len(listed)} thing(s) required are missing" in p.blockers_heading.text()
    assert p.cards[0].issue.severity == "prohibited"  # prohibited first
    assert p.cards[0].title.text().startswith("[prohibited]")  # in words, not by colour alone
    # the same assessment, completed: the page refreshes and approval becomes possible
    p.show_assessment(hotel, evaluate(hotel, today=TODAY))
    assert p.approve_button.isEnabled() and p.blockers.count() == 0


# --- every item leads back ---------------------------------------------------------------------------------------
def test_a_missing_answer_and_a_missing_rating_lead_there_by_keyboard(qtbot, state, hotel):
    p = page(qtbot, state, incomplete(hotel))
    rows = p.blockers.rows
    first = next(r for r in rows if "mainland China" in r.text())
    first.setFocus()
    with qtbot.waitSignal(p.jumpTo, timeout=WAIT, check_params_cb=lambda q: q == "scope.in_prc"):
        qtbot.keyClick(first, Qt.Key.Key_Return)
    # the arrow keys move within the list
    qtbot.keyClick(first, Qt.Key.Key_Down)
    assert p.window().focusWidget() is rows[rows.index(first) + 1]
    risk = next(r for r in rows if "Leak" in r.text())
    with qtbot.waitSignal(p.jumpToRisk, timeout=WAIT, check_params_cb=lambda r: r == "leak"):
        qtbot.mouseClick(risk, Qt.MouseButton.LeftButton)
    unanswered = p.unanswered.rows
    assert any("private space" in r.text() for r in unanswered)
    with qtbot.waitSignal(p.jumpTo, timeout=WAIT, check_params_cb=lambda q: q == "scope.in_prc"):
        unanswered[0].setFocus()
        qtbot.keyClick(unanswered[0], Qt.Key.Key_Space)


def test_the_decision_issues_plan_risks_and_warnings_lead_to_their_questions(qtbot, state, hotel):
    p = page(qtbot, state, incomplete(hotel))
    with qtbot.waitSignal(p.jumpTo, timeout=WAIT, check_params_cb=lambda q: q == "conclusion.decision"):
        qtbot.mouseClick(p.decision_go, Qt.MouseButton.LeftButton)
    card = p.cards[0]
    with qtbot.waitSignal(p.jumpTo, timeout=WAIT, check_params_cb=lambda q: q == card.issue.cause):
        qtbot.mouseClick(card.go, Qt.MouseButton.LeftButton)
    p.plan_table.setFocus()
    p.plan_table.setCurrentCell(2, 1)
    with qtbot.waitSignal(p.jumpTo, timeout=WAIT, check_params_cb=lambda q: q == "risk.measures"):
        qtbot.keyClick(p.plan_table, Qt.Key.Key_Return)
    p.risk_table.setFocus()
    p.risk_table.setCurrentCell(4, 0)
    with qtbot.waitSignal(p.jumpToRisk, timeout=WAIT, check_params_cb=lambda r: r == "illegal_acquisition"):
        qtbot.keyClick(p.risk_table, Qt.Key.Key_Return)
    warnings = p.warnings.rows
    conflict = next(r for r in warnings if r.text().startswith("[gap] The conclusion contradicts"))
    first_question = next(f for f in p.review.consistency if f.explanation.en in conflict.text()).questions[0]
    with qtbot.waitSignal(p.jumpTo, timeout=WAIT, check_params_cb=lambda q: q == first_question):
        qtbot.mouseClick(conflict, Qt.MouseButton.LeftButton)


def test_every_jump_is_reachable_with_tab(qtbot, state, hotel):
    p = page(qtbot, state, incomplete(hotel))
    for w in [p.decision_go, p.plan_go, p.approve_button, p.risk_table, p.plan_table, *p.blockers.rows,
              *p.unanswered.rows, *p.warnings.rows, *(c.go for c in p.cards)]:
        assert w.focusPolicy() & Qt.FocusPolicy.TabFocus, w
    for w in [p.risk_table, p.plan_table, p.approve_button, p.decision_go, p.plan_go]:
        assert w.accessibleName(), w


def test_overdue_measures_say_so_in_words(qtbot, state, hotel):
    state.ctx = state.ctx.with_(fixed_today=date(2027, 12, 31))
    p = page(qtbot, state, hotel)
    dues = [p.plan_table.item(r, 6).text() for r in range(p.plan_table.rowCount())]
    statuses = [p.plan_table.item(r, 3).text() for r in range(p.plan_table.rowCount())]
    assert all(d.endswith("(overdue)") for d, s in zip(dues, statuses, strict=True) if s == "Planned")
    assert not any(d.endswith("(overdue)") for d, s in zip(dues, statuses, strict=True) if s == "In place")


# --- hostile text, languages ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", list(HOSTILE))
def test_hostile_text_is_shown_verbatim(qtbot, state, hotel, kind):
    text = HOSTILE[kind]
    a = copy.deepcopy(hotel)
    a.answers["conclusion.conditions"] = text
    a.answers["conclusion.decision_reason"] = text + " reason"
    a.answers["risk.measures"][0]["measure"] = text
    a.answers["risk.measures"][0]["owner"] = text[:2000]
    a.title = text[:2000]
    start = time.perf_counter()
    p = page(qtbot, state, a)
    assert time.perf_counter() - start < 10
    assert p.conditions.text() == text and p.reason.text() == text + " reason"
    assert p.plan_table.item(0, 1).text() == text and p.plan_table.item(0, 5).text() == text[:2000]
    assert p.title.text().endswith(text[:2000])
    for label in p.findChildren(QLabel):
        if label.text() and ("<b>" in label.text() or "<script>" in label.text()):
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()[:80]
    if kind == "100k":
        assert p.conditions.box.isVisible() and not p.conditions.label.isVisible()


def test_the_page_follows_the_language(qtbot, state, hotel):
    p = page(qtbot, state, incomplete(hotel))
    assert p.risk_table.item(0, 0).text() == "1. Leak"
    state.with_language("zh")
    assert p.risk_table.item(0, 0).text() == "1. " + labels.risk_name("leak").zh
    assert p.decision.text() == "满足所列条件后实施"
    assert any(r.text().startswith("必答问题尚未回答") for r in p.blockers.rows)
    assert p.cards[0].title.text().startswith("【禁止】")
    assert p.heatmap.lang == "zh"
    state.with_language("en")
    assert p.decision.text() == "Go ahead only once the listed conditions are met"
    assert all(isinstance(r, JumpRow) for r in p.blockers.rows)


def test_every_input_has_an_accessible_name(qtbot, state, hotel):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QPlainTextEdit, QTableView, QWidget

    p = page(qtbot, state, incomplete(hotel))
    nameless = []
    for w in p.findChildren(QWidget):
        if not isinstance(w, (QAbstractButton, QPlainTextEdit, QComboBox, QTableView, JumpRow)):
            continue
        name = w.accessibleName().strip() or (w.text().replace("&", "").strip()
                                              if isinstance(w, QAbstractButton) else "")
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus and not name:
            nameless.append(type(w).__name__)
    assert nameless == []


def test_a_hidden_page_is_drawn_when_it_is_shown(qtbot, state, hotel):
    p = ReviewPage(state)
    qtbot.addWidget(p)
    p.show_assessment(hotel, evaluate(hotel, today=TODAY))  # e.g. after each evaluation, another page in front
    assert p.cards == []
    p.show()
    assert len(p.cards) == len(p.evaluation.issues) and p.approve_button.isEnabled()
