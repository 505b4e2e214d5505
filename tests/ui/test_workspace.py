"""The desktop app end to end (issue 11, "Tests"): an assessment created from the home window, answered through the
widgets (radio buttons and check boxes found by their text, Chinese typed as an input method commits it), findings
that appear and disappear as answers change, show_if, required messages, the risk grid and its heat map, undo, find,
and every answer found again after closing and reopening. Offscreen; no fixed sleeps."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QDialog

from pia_wizard.core import labels
from pia_wizard.core.assessment import Assessment
from pia_wizard.core.bank import default_bank
from pia_wizard.services import assessments, drafts
from pia_wizard.ui.app import build_state
from pia_wizard.ui.editors import DateEditor, MultiEditor, NumberEditor, SingleComboEditor, TextEditor
from pia_wizard.ui.home import HomeWindow
from pia_wizard.ui.settings import UiSettings
from pia_wizard.ui.workspace import RISK_PAGE, WorkspaceWindow

WAIT = 15_000  # ms; a generous ceiling on a busy 2-core machine, never a sleep
PRIVATE_BAN = "FRM-13-PRIVATE-SPACE-BAN"
HOSTILE = {
    "html": "<b>x</b><script>alert(1)</script>&amp; &lt; <img src=x onerror=alert(2)>",
    "100k": "人" * 50_000 + "x" * 50_000,
    "rtl": "مرحبا بالعالم \u202eRTL override\u202c עברית",
    "emoji": "👩\u200d👩\u200d👧\u200d👦 🇨🇳 😀 \U0001F9D1\U0001F3FD\u200d\U0001F4BB",
}


# --- fixtures -------------------------------------------------------------------------------------------------------
@pytest.fixture
def state(tmp_path):
    s = build_state(UiSettings(language="en"), data_dir=str(tmp_path / "data"))
    yield s
    s.worker.shutdown(wait=True)


@pytest.fixture
def home(qtbot, state, dialogs):
    w = HomeWindow(state)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()  # closes (and checkpoints) the workspaces it opened, before the worker stops
    assert dialogs == [], dialogs  # no error dialog in a test that expects none


def settle(qtbot, ws: WorkspaceWindow) -> None:
    """Wait until every answer is in the journal and the findings shown are those of the answers now given."""
    ws.commit_editors()
    qtbot.waitUntil(lambda: ws.pending_writes == 0 and not ws.timer.isActive() and ws.assessment is not None
                    and ws.assessment.answers == ws.answers, timeout=WAIT)


def opened(qtbot, home: HomeWindow, assessment_id: str | None = None) -> WorkspaceWindow:
    """The workspace the home window opened (for assessment_id, or the only one), once its findings are shown."""
    qtbot.waitUntil(lambda: (assessment_id in home.workspaces) if assessment_id else len(home.workspaces) == 1,
                    timeout=WAIT)
    ws = home.workspaces[assessment_id] if assessment_id else next(iter(home.workspaces.values()))
    qtbot.waitUntil(lambda: ws.evaluation is not None, timeout=WAIT)
    return ws


def new_blank(qtbot, home: HomeWindow, monkeypatch) -> WorkspaceWindow:
    """New > blank assessment through the home window's dialog (filled in as a user would, Chinese included)."""
    from pia_wizard.ui import home as home_module

    def fill(dialog):
        dialog.processor.setText("锦程酒店管理（上海）有限公司")
        dialog.system.setText("前台自助入住核验终端")
        dialog.title_edit.setText("人脸识别个人信息保护影响评估")
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(home_module.NewAssessmentDialog, "exec", fill)
    home.act_new.trigger()
    return opened(qtbot, home)


def from_example(qtbot, home: HomeWindow, name: str = "hotel-checkin") -> WorkspaceWindow:
    home.new_from_example(name)
    return opened(qtbot, home)


def goto(ws: WorkspaceWindow, section: str) -> None:
    for row in range(ws.nav.count()):
        if ws.nav.item(row).data(Qt.ItemDataRole.UserRole) == section:
            assert not ws.nav.item(row).isHidden(), section
            ws.nav.setCurrentRow(row)
            return
    raise AssertionError(section)


def section_of(ws: WorkspaceWindow) -> str:
    return ws.nav.currentItem().data(Qt.ItemDataRole.UserRole)


def block(ws: WorkspaceWindow, qid: str):
    goto(ws, ws.bank.question(qid).section)
    return ws.question_block(qid)


def label(ws: WorkspaceWindow, qid: str, value: str) -> str:
    return next(o.label.get(ws.state.lang) for o in ws.bank.question(qid).options if o.value == value)


def button(ws: WorkspaceWindow, qid: str, value: str) -> QAbstractButton:
    """The radio button or check box of an option, found among the editor's children by its text."""
    text = label(ws, qid, value)
    editor = block(ws, qid).editor
    found = [b for b in editor.findChildren(QAbstractButton)
             if text in (b.text().replace("&&", "&"), b.accessibleName())]
    assert len(found) == 1, (qid, value, found)
    return found[0]


def commit_text(widget, text: str) -> None:
    """Type text the way an input method delivers it (QTest key clicks are ASCII-only)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def answer(qtbot, ws: WorkspaceWindow, qid: str, value) -> None:
    """Give an answer through the question's widgets; returns once the editor has reported it."""
    b = block(ws, qid)
    assert not b.isHidden(), f"{qid} is not shown"
    editor = b.editor
    with qtbot.waitSignal(editor.changed, timeout=WAIT):
        if isinstance(editor, TextEditor):
            commit_text(editor.edit, value)
        elif isinstance(editor, NumberEditor):
            editor.edit.setFocus()
            editor.edit.selectAll()
            qtbot.keyClicks(editor.edit, str(value))
        elif isinstance(editor, DateEditor):
            editor.edit.setDate(QDate.fromString(value, Qt.DateFormat.ISODate))
        elif isinstance(editor, SingleComboEditor):
            editor.combo.setCurrentIndex(editor.combo.findText(label(ws, qid, value)))
        elif isinstance(editor, MultiEditor):
            for v in value:
                box = button(ws, qid, v)
                assert isinstance(box, QCheckBox)
                box.click()  # a click at the centre of a stretched check box misses it (field notes)
        else:
            qtbot.mouseClick(button(ws, qid, value), Qt.MouseButton.LeftButton)
    assert ws.answers.get(qid) == value


def issues_citing(ws: WorkspaceWindow, obligation: str, severity: str | None = None) -> list:
    return [c for c in ws.findings.cards
            if obligation in c.issue.bases and (severity is None or c.issue.severity == severity)]


def prohibited_private_space(ws: WorkspaceWindow) -> bool:
    return bool(issues_citing(ws, PRIVATE_BAN, "prohibited"))


def close(qtbot, home: HomeWindow, ws: WorkspaceWindow) -> None:
    with qtbot.waitSignal(ws.closed, timeout=WAIT):
        ws.close()
    qtbot.waitUntil(lambda: ws.assessment_id not in home.workspaces, timeout=WAIT)


# --- 1. end to end --------------------------------------------------------------------------------------------------
# A representative answer in every section (the scope gate questions first), of every widget kind but rows.
SCRIPT = [
    ("scope.in_prc", "yes"),
    ("scope.rnd_only", "no"),
    ("scope.deployment", "hotel_checkin"),  # many options: a drop-down list
    ("scope.description", "锦程酒店在三家门店大堂启用11台自助入住终端，对住客做1:1人证核验。"),
    ("scope.data_subjects", ["customers", "passers_by"]),
    ("scope.public_place", "yes"),
    ("scope.private_space", "no"),
    ("scope.minors_u14", "yes"),  # shows the minors section
    ("purpose.categories", ["identity_verification"]),
    ("purpose.description", "在前台办理入住时核验住客与身份证件是否为同一人。"),
    ("notice.timing", "before_capture"),
    ("consent.basis", "consent"),
    ("minors.recognised", "excluded"),
    ("storage.separate_from_identity", "separate"),
    ("alternatives.national_channels", "using"),
    ("places.bystanders", "discarded"),
    ("security.mlps_status", "filed"),
    ("sharing.public_disclosure", "not_disclosed"),
    ("filing.stored_count", 1200),
    ("filing.count_date", "2026-11-02"),
    ("mapping.data_flow", "Terminal -> on-device match -> result only; 人脸图像不出设备。"),
    ("risk.mitigation_effective", "effective"),
    ("conclusion.form", "self"),
]


def test_a_blank_assessment_answered_through_the_widgets_is_all_there_after_reopening(qtbot, home, monkeypatch):
    bank = default_bank()
    sections = {bank.question(qid).section for qid, _ in SCRIPT}
    assert sections == {s.id for s in bank.sections}, "the script covers every section"
    for qid, value in SCRIPT:  # the script only uses options the bank offers
        q = bank.question(qid)
        for v in (value if isinstance(value, list) else [value]):
            assert q.type in ("text", "number", "date") or v in q.option_values(), (qid, v)

    ws = new_blank(qtbot, home, monkeypatch)
    assert ws.windowTitle().endswith("前台自助入住核验终端")
    minors_row = next(r for r in range(ws.nav.count()) if ws.nav.item(r).data(Qt.ItemDataRole.UserRole) == "minors")
    assert ws.nav.item(minors_row).isHidden()  # nothing in it is asked until children may be concerned
    for qid, value in SCRIPT:
        answer(qtbot, ws, qid, value)
        if qid == "scope.minors_u14":
            assert not ws.nav.item(minors_row).isHidden()
    settle(qtbot, ws)
    clicks = sum(len(v) if isinstance(v, list) else 1 for _, v in SCRIPT)
    assert ws.undo.count() == clicks  # one undo step per change (each box ticked is one)
    assert all(ws.answers[qid] == value for qid, value in SCRIPT)
    # The navigator counts what is answered in each section.
    scope_row = ws.nav.item(0).text()
    assert "8/" in scope_row, scope_row
    assert ws.saved_label.text() == "All answers kept"

    assessment_id = ws.assessment_id
    close(qtbot, home, ws)
    # Closing checkpointed the journal into the archive: the stored version has every answer.
    _, stored = assessments.load_version(home.state.ctx, assessment_id)
    assert {qid: stored.answers.get(qid) for qid, _ in SCRIPT} == dict(SCRIPT)

    home.open_assessment(assessment_id)
    again = opened(qtbot, home, assessment_id)
    assert again is not ws
    assert again.draft.recovered == 0  # from the archive checkpoint, not a replayed journal
    for qid, value in SCRIPT:
        b = block(again, qid)
        assert not b.isHidden(), qid
        assert b.editor.value() == value, qid
    assert again.undo.count() == 0


def test_a_camera_in_a_private_space_is_prohibited_then_undone_redone_and_removed(qtbot, home):
    ws = from_example(qtbot, home)
    assert ws.answers["scope.private_space"] == "no"
    assert not prohibited_private_space(ws)
    assert not ws.visible.get("places.private_space_remediation")

    answer(qtbot, ws, "scope.private_space", "yes")
    qtbot.waitUntil(lambda: prohibited_private_space(ws), timeout=WAIT)
    card = issues_citing(ws, PRIVATE_BAN, "prohibited")[0]
    assert ws.findings.cards[0] is card  # prohibited comes first
    word = labels.verdict_label("prohibited").en
    assert card.title.text().lstrip("【[").startswith(word)  # in words, not only in red
    assert ws.visible["places.private_space_remediation"]  # the follow-up question is asked at once
    assert f"{word} 0" not in ws.findings.counts.text()

    # The card jumps to the question it comes from.
    goto(ws, "security")
    card.go.click()
    assert section_of(ws) == "scope"

    # Undo restores the previous answer in the editor and the findings; redo brings the prohibition back.
    editor = ws.question_block("scope.private_space").editor
    ws.undo.undo()
    assert editor.value() == "no" and button(ws, "scope.private_space", "no").isChecked()
    settle(qtbot, ws)
    assert not prohibited_private_space(ws)
    ws.undo.redo()
    assert editor.value() == "yes"
    settle(qtbot, ws)
    assert prohibited_private_space(ws)

    # Ctrl+Z, as the user presses it (focus on the radio button just used, in the active window).
    ws.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is ws, timeout=WAIT)
    radio = button(ws, "scope.private_space", "yes")
    radio.setFocus()
    qtbot.keyClick(radio, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.value() == "no"
    settle(qtbot, ws)
    assert not prohibited_private_space(ws)
    qtbot.keyClick(radio, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert editor.value() == "yes"
    settle(qtbot, ws)
    assert prohibited_private_space(ws)

    # Answering "no" removes it.
    answer(qtbot, ws, "scope.private_space", "no")
    qtbot.waitUntil(lambda: not prohibited_private_space(ws), timeout=WAIT)
    assert not ws.visible["places.private_space_remediation"]
    assert ws.answers["scope.private_space"] == "no"


def test_ctrl_z_in_a_text_field_takes_back_the_answer_not_only_the_typing(qtbot, home):
    """One history: Ctrl+Z in a field being typed in hands the typing in as an answer and takes it back, in the
    field and in the journal; Ctrl+Shift+Z gives it again."""
    ws = from_example(qtbot, home)
    qid = "mapping.data_flow"
    before = ws.answers[qid]
    editor = block(ws, qid).editor
    ws.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is ws, timeout=WAIT)
    editor.edit.moveCursor(editor.edit.textCursor().MoveOperation.End)
    commit_text(editor.edit, "，另经专线同步至总部")
    assert ws.answers[qid] == before  # still being typed: not handed in yet
    qtbot.keyClick(editor.edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ws.answers[qid] == before and editor.value() == before
    assert editor.edit.toPlainText() == before
    qtbot.keyClick(editor.edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert ws.answers[qid] == before + "，另经专线同步至总部" == editor.edit.toPlainText()
    settle(qtbot, ws)
    assert ws.draft.data["answers"][qid] == before + "，另经专线同步至总部"


def test_the_measures_do_not_apply_outside_mainland_china_is_shown_prominently(qtbot, home):
    ws = from_example(qtbot, home)
    banner = ws.findings.banner
    assert banner.isHidden()
    answer(qtbot, ws, "scope.in_prc", "no")
    qtbot.waitUntil(lambda: not banner.isHidden(), timeout=WAIT)
    assert banner.text().startswith("The FRT Measures do not apply: ")
    assert not ws.evaluation.measures_apply
    answer(qtbot, ws, "scope.in_prc", "yes")
    qtbot.waitUntil(banner.isHidden, timeout=WAIT)


def test_show_if_hides_blocks_at_once_and_keeps_their_answers_which_no_longer_count(qtbot, home, monkeypatch):
    ws = new_blank(qtbot, home, monkeypatch)

    def prior_pipia_findings():
        return [f for f in ws.evaluation.findings if f.obligation == "FRM-09-PIPIA-BEFORE"
                and "scope.prior_pipia" in f.questions and f.rule != "completeness"]

    prior = block(ws, "scope.prior_pipia")
    ref = ws.question_block("scope.prior_pipia_ref")
    assert prior.isHidden() and ref.isHidden()
    answer(qtbot, ws, "scope.started", "yes")
    assert not prior.isHidden()  # at once, before any evaluation comes back
    answer(qtbot, ws, "scope.prior_pipia", "no")
    settle(qtbot, ws)
    assert prior_pipia_findings(), [f.obligation for f in ws.evaluation.findings]

    answer(qtbot, ws, "scope.prior_pipia", "yes")
    assert not ref.isHidden()
    settle(qtbot, ws)
    assert {"scope.prior_pipia_ref", "scope.prior_pipia_date", "scope.first_processing_date"} <= set(
        ws.evaluation.unanswered)
    answer(qtbot, ws, "scope.prior_pipia_ref", "PIA-2025-007 第1版")
    answer(qtbot, ws, "scope.prior_pipia", "no")
    assert ref.isHidden()  # the reference belongs to a "yes"
    settle(qtbot, ws)
    assert prior_pipia_findings()
    assert ws.answers["scope.prior_pipia_ref"] == "PIA-2025-007 第1版"  # kept while hidden
    assert "scope.prior_pipia_date" not in ws.evaluation.unanswered  # hidden: not asked, not counted

    # Collecting has not started after all: the whole follow-up hides at once; the answers stay.
    answer(qtbot, ws, "scope.started", "no")
    assert prior.isHidden() and ref.isHidden()
    settle(qtbot, ws)
    assert ws.answers["scope.prior_pipia"] == "no" and ws.answers["scope.prior_pipia_ref"] == "PIA-2025-007 第1版"
    assert not prior_pipia_findings()  # the hidden "no" no longer counts
    assert not any(q.startswith("scope.prior_pipia") for q in ws.evaluation.unanswered)
    assert not any(q.startswith("scope.prior_pipia") for f in ws.evaluation.findings for q in f.questions
                   if f.verdict in ("prohibited", "gap"))

    # Shown again: the answers come back in the editors, and count again.
    answer(qtbot, ws, "scope.started", "yes")
    assert not prior.isHidden() and prior.editor.value() == "no"
    settle(qtbot, ws)
    assert prior_pipia_findings()
    answer(qtbot, ws, "scope.prior_pipia", "yes")
    assert not ref.isHidden() and ref.editor.value() == "PIA-2025-007 第1版"

    assessment_id = ws.assessment_id
    answer(qtbot, ws, "scope.started", "no")
    settle(qtbot, ws)
    close(qtbot, home, ws)
    draft = drafts.open_draft(home.state.ctx, assessment_id)  # the archived draft keeps the hidden answers too
    try:
        kept = draft.data["answers"]
    finally:
        draft.close()
    assert kept["scope.started"] == "no"
    assert kept["scope.prior_pipia"] == "yes" and kept["scope.prior_pipia_ref"] == "PIA-2025-007 第1版"


# --- 2. required answers --------------------------------------------------------------------------------------------
def test_a_required_unanswered_question_says_so_next_to_the_field(qtbot, home, monkeypatch):
    ws = new_blank(qtbot, home, monkeypatch)
    b = block(ws, "scope.in_prc")
    assert ws.bank.question("scope.in_prc").required
    assert b.title.text().endswith(" *") and b.title.toolTip() == "Required"
    qtbot.waitUntil(lambda: not b.message.isHidden(), timeout=WAIT)
    assert b.message.text() == "Required: answer this question."
    # The message sits under the question's own editor, in its block.
    layout = b.layout()
    assert layout.indexOf(b.message) == layout.indexOf(b.editor) + 1
    optional = ws.question_block("scope.pipl55_triggers")
    assert not ws.bank.question("scope.pipl55_triggers").required
    assert optional.message.isHidden() and not optional.title.text().endswith("*")

    answer(qtbot, ws, "scope.in_prc", "yes")
    qtbot.waitUntil(b.message.isHidden, timeout=WAIT)
    assert "scope.in_prc" not in ws.evaluation.unanswered
    b.editor.clear_button.click()  # cleared: required again
    qtbot.waitUntil(lambda: not b.message.isHidden(), timeout=WAIT)
    assert "scope.in_prc" not in ws.answers


# --- the risk grid and the heat map ---------------------------------------------------------------------------------
def test_rating_a_risk_changes_the_heat_map_and_is_kept(qtbot, home):
    ws = from_example(qtbot, home)
    ws.open_page(RISK_PAGE)
    assert section_of(ws) == RISK_PAGE
    qtbot.waitUntil(lambda: bool(ws.heatmap.markup), timeout=WAIT)
    before_svg = ws.heatmap.markup
    assert ws.evaluation.risk.results["leak"].current.level == "medium"

    editor = ws.risk_editor
    editor.show_risk("leak", "current")
    combo = editor.stages["current"].cells[("impact", "reputation")].combo
    assert combo.currentData() == "high"
    combo.setFocus()
    with qtbot.waitSignal(editor.risksChanged, timeout=WAIT):
        qtbot.keyClick(combo, Qt.Key.Key_Down)  # High -> Severe, as a keyboard user does it
    qtbot.waitUntil(lambda: ws.heatmap.markup != before_svg, timeout=WAIT)
    assert ws.evaluation.risk.results["leak"].current.level == "high"
    assert ws.heatmap.markup.lstrip().startswith(("<svg", "<?xml"))
    # The same move in words beside the drawing (not by colour or position alone).
    legend = ws.heatmap.legend.text().splitlines()
    assert len(legend) == 7 and not ws.heatmap.legend.isHidden()
    leak = next(line for line in legend if line.startswith(f"{list(ws.evaluation.risk.results).index('leak') + 1}."))
    assert leak.endswith("→ High"), leak

    assessment_id = ws.assessment_id
    qtbot.waitUntil(lambda: ws.pending_writes == 0, timeout=WAIT)
    close(qtbot, home, ws)
    _, stored = assessments.load_version(home.state.ctx, assessment_id)
    assert stored.risks["leak"]["current"]["impact"]["reputation"]["level"] == "severe"


# --- find -----------------------------------------------------------------------------------------------------------
def test_find_jumps_to_the_section_of_the_matching_question(qtbot, home):
    ws = from_example(qtbot, home)
    assert section_of(ws) == "scope"
    q = ws.bank.question("storage.encryption")
    words = q.text.en.split()[:4]  # e.g. "Is facial information encrypted"
    ws.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is ws, timeout=WAIT)
    qtbot.keyClick(ws.nav, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Ctrl+F puts the cursor in find
    assert ws.find.hasFocus()
    qtbot.keyClicks(ws.find, " ".join(words))
    qtbot.keyClick(ws.find, Qt.Key.Key_Return)
    first = section_of(ws)
    found = [x for x in ws.bank if ws.visible.get(x.id) and " ".join(words).casefold() in x.text.en.casefold()]
    assert found and first == found[0].section
    # Return again goes to the next match, and finally wraps around.
    for match in found[1:] + found[:1]:
        qtbot.keyClick(ws.find, Qt.Key.Key_Return)
        assert section_of(ws) == match.section
    ws.find.clear()
    qtbot.keyClicks(ws.find, "no such question text xyz")
    qtbot.keyClick(ws.find, Qt.Key.Key_Return)
    assert "No question matches" in ws.saved_label.text()


# --- 3. hostile text ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_typed_into_the_workspace_is_kept_verbatim(qtbot, home, monkeypatch, name):
    text = HOSTILE[name]
    ws = new_blank(qtbot, home, monkeypatch)
    answer(qtbot, ws, "scope.description", text)
    qtbot.waitUntil(lambda: ws.pending_writes == 0, timeout=WAIT)
    assessment_id = ws.assessment_id
    close(qtbot, home, ws)

    session = drafts.open_draft(home.state.ctx, assessment_id)
    try:
        assert session.recovered == 0
        assert session.data["answers"]["scope.description"] == text
    finally:
        session.close()
    home.open_assessment(assessment_id)
    again = opened(qtbot, home, assessment_id)
    assert block(again, "scope.description").editor.value() == text


def test_hostile_text_in_the_journal_survives_without_a_checkpoint(qtbot, state, dialogs):
    """The same text read back from the journal alone (the window never closed, nothing checkpointed)."""
    a = Assessment(processor={"name": "P"}, system={"name": "S"}, bank_version=default_bank().version,
                   language="en", id=str(uuid.uuid4()))
    assessments.save_draft(state.ctx, a)
    ws = WorkspaceWindow(state, a.id)
    qtbot.addWidget(ws)
    ws.show()
    qtbot.waitUntil(lambda: ws.evaluation is not None, timeout=WAIT)
    text = "".join(HOSTILE[k] for k in ("html", "rtl", "emoji"))
    answer(qtbot, ws, "scope.ethics_reason", text)
    qtbot.waitUntil(lambda: ws.pending_writes == 0, timeout=WAIT)
    # Read the journal from another "process" (a fresh session), as a crash recovery would.
    future = state.worker.submit(lambda: drafts.DraftSession(state.ctx, a))
    session = future.result(timeout=30)
    try:
        assert session.recovered == 1
        assert session.data["answers"]["scope.ethics_reason"] == text
    finally:
        session.close()
    ws.close()
    assert dialogs == []


def test_a_report_pdf_imports_as_a_copy_beside_the_archived_original(qtbot, home, state, monkeypatch, tmp_path,
                                                                     fast_render):
    from PySide6.QtWidgets import QFileDialog

    from pia_wizard.services import report

    a = assessments.read_assessment(assessments.example_path("hotel-checkin"))
    assessments.save_draft(state.ctx, a)
    pdf = tmp_path / "hotel.pdf"
    report.prepare_report(state.ctx, a, pdf).run()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kw: (str(pdf), ""))
    home.ask_import_pdf()
    qtbot.waitUntil(lambda: home.model.rowCount() == 2 and len(home.workspaces) == 1, timeout=WAIT)
    ids = {row.assessment_id for row in home.model.rows}
    assert a.id in ids  # the original is untouched
    copy_id = (ids - {a.id}).pop()
    _, copy = assessments.load_version(state.ctx, copy_id)
    assert copy.answers == a.answers
