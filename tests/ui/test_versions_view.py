"""The versions of an assessment (issue 12 item 7): states, reasons, notes, dates and short content hashes from a real
archive; two versions selected and compared (the DiffView opens); a new version asked for; errors in one line."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from pia_wizard.services import assessments, drafts
from pia_wizard.ui.app import build_state
from pia_wizard.ui.diff_view import DiffView
from pia_wizard.ui.settings import UiSettings
from pia_wizard.ui.versions_view import HASH_CHARS, VersionsView

TODAY = date(2026, 11, 26)
WAIT = 15_000
NOTE = "新增门店 <b>x</b><script>alert(1)</script> مرحبا \u202eRTL\u202c 👩\u200d👩\u200d👧"


@pytest.fixture
def state(tmp_path, monkeypatch):
    monkeypatch.setattr(UiSettings, "save", lambda self, store=None: None)  # never the user's QSettings
    s = build_state(UiSettings(language="en"), data_dir=str(tmp_path / "data"))
    s.ctx = s.ctx.with_(fixed_today=TODAY)
    yield s
    s.worker.shutdown(wait=True)


@pytest.fixture
def archived(state):
    """Version 1 approved; version 2 started for a changed method (a hostile note) and edited."""
    ctx = state.ctx
    a = assessments.read_assessment(assessments.example_path("hotel-checkin"))
    assessments.save_draft(ctx, a)
    assessments.transition(ctx, a.id, "submit")
    assessments.transition(ctx, a.id, "approve", note="同意")
    assessments.new_version(ctx, a.id, "method_changed", note=NOTE)
    session = drafts.open_draft(ctx, a.id)
    session.set_answer("scope.private_space", "yes")
    session.checkpoint()
    session.close()
    return a


def view(qtbot, state, assessment_id: str) -> VersionsView:
    w = VersionsView(state, assessment_id)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    return w


def loaded(qtbot, state, assessment_id: str) -> VersionsView:
    w = view(qtbot, state, assessment_id)
    qtbot.waitUntil(lambda: len(w.versions) > 0, timeout=WAIT)
    return w


def cell(w: VersionsView, row: int, column: str) -> str:
    from pia_wizard.ui.versions_view import COLUMNS

    return w.table.item(row, COLUMNS.index(column)).text()


def test_the_versions_with_state_reason_note_and_hash(qtbot, state, archived):
    w = loaded(qtbot, state, archived.id)
    assert w.table.rowCount() == 2
    assert [cell(w, r, "version") for r in range(2)] == ["Version 2", "Version 1"]  # the newest first
    assert [cell(w, r, "state") for r in range(2)] == ["Draft", "Approved"]
    assert cell(w, 0, "reason") == "method changed (from version 1)"
    assert cell(w, 1, "reason") == "first version"
    assert cell(w, 0, "note") == NOTE  # verbatim
    assert cell(w, 1, "decision_note") == "同意"
    hashes = {v.version: v.content_sha256 for v in w.versions}
    assert cell(w, 0, "hash") == hashes[2][:HASH_CHARS] and len(cell(w, 0, "hash")) == HASH_CHARS
    assert cell(w, 1, "decided")  # when, and by whom
    assert w.title.text() == "Versions of " + archived.title  # the assessment's title, not its ID
    assert w.table.accessibleName()


def test_two_selected_versions_are_compared(qtbot, state, archived):
    w = loaded(qtbot, state, archived.id)
    assert not w.compare_button.isEnabled()
    # select the two rows as a user does: click one, Ctrl+click the other
    for row in (0, 1):
        rect = w.table.visualRect(w.table.model().index(row, 0))
        qtbot.mouseClick(w.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                         rect.center())
    assert w.selected_versions() == [1, 2]
    assert w.compare_button.isEnabled()
    with qtbot.waitSignal(w.compared, timeout=WAIT) as opened:
        qtbot.mouseClick(w.compare_button, Qt.MouseButton.LeftButton)
    diff_view = opened.args[0]
    assert isinstance(diff_view, DiffView) and diff_view.isVisible()
    d = diff_view.diff
    assert (d.old.version.version, d.new.version.version) == (1, 2)
    assert [c.qid for c in d.answers.answers] == ["scope.private_space"]
    assert d.evaluation.findings[0].new == "prohibited"
    assert diff_view.header.text() == "Before: Version 1 (Approved)  →  After: Version 2 (Draft)"
    diff_view.close()


def test_compare_needs_exactly_two(qtbot, state, archived):
    w = loaded(qtbot, state, archived.id)
    w.select_versions(2)
    assert not w.compare_button.isEnabled()
    w.compare()  # nothing happens
    assert not w.busy and w.diff_views == []
    w.table.selectionModel().select(w.table.model().index(1, 0),
                                    QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert w.compare_button.isEnabled()


def test_a_new_version_is_asked_for_only_when_one_can_start(qtbot, state, archived):
    w = loaded(qtbot, state, archived.id)
    assert not w.new_button.isEnabled()  # version 2 is still a draft
    assessments.transition(state.ctx, archived.id, "submit")
    assessments.transition(state.ctx, archived.id, "approve")
    with qtbot.waitSignal(w.loaded, timeout=WAIT):
        qtbot.mouseClick(w.refresh_button, Qt.MouseButton.LeftButton)
    assert [cell(w, r, "state") for r in range(2)] == ["Approved", "Superseded"]
    assert w.new_button.isEnabled()
    with qtbot.waitSignal(w.newVersionRequested, timeout=WAIT):
        qtbot.mouseClick(w.new_button, Qt.MouseButton.LeftButton)


def test_an_assessment_the_archive_does_not_hold(qtbot, state):
    w = view(qtbot, state, "no-such-assessment")
    qtbot.waitUntil(lambda: w.message.isVisible(), timeout=WAIT)
    assert "no-such-assessment" in w.message.text() and "\n" not in w.message.text()
    assert not w.compare_button.isEnabled() and not w.new_button.isEnabled()


def test_the_view_follows_the_language(qtbot, state, archived):
    w = loaded(qtbot, state, archived.id)
    state.with_language("zh")
    assert cell(w, 0, "reason").startswith("处理方式发生变化")
    state.with_language("en")
    assert cell(w, 0, "reason").startswith("method changed")


def test_every_input_has_an_accessible_name(qtbot, state, archived):
    from PySide6.QtWidgets import QAbstractButton, QTableView, QWidget

    w = loaded(qtbot, state, archived.id)
    for child in w.findChildren(QWidget):
        if isinstance(child, QTableView):
            assert child.accessibleName()
        elif isinstance(child, QAbstractButton) and child.parent() is w:
            assert child.accessibleName() or child.text().replace("&", "").strip()
