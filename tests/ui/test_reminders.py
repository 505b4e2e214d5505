"""The home window's reminders panel (issue 12 item 8): the services' reminders, most urgent first, severity as an
icon and a word (not colour alone), hostile names as plain text, click or Enter emits activated(Reminder)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pia_wizard.services import archive
from pia_wizard.ui.app import build_state
from pia_wizard.ui.reminders import RemindersPanel
from pia_wizard.ui.settings import UiSettings
from tests.ui.archive_fixtures import HOSTILE, TODAY

WAIT = 20_000


@pytest.fixture
def state(tmp_path, monkeypatch):
    monkeypatch.setattr(UiSettings, "save", lambda self, store=None: None)
    s = build_state(UiSettings(language="en"), data_dir=str(tmp_path / "data"))
    s.ctx = s.ctx.with_(fixed_today=TODAY)
    yield s
    s.worker.shutdown(wait=True)


def make(qtbot, state) -> RemindersPanel:
    w = RemindersPanel(state)
    qtbot.addWidget(w)
    w.resize(480, 300)
    w.show()
    return w


def test_nothing_due(qtbot, state):
    w = make(qtbot, state)
    assert w.rows[0].text() == "Looking for what is due…"  # not "nothing due" before the archive has said so
    qtbot.waitUntil(lambda: w.loaded, timeout=WAIT)
    assert len(w.rows) == 1 and w.rows[0].text().startswith("Nothing due") and w.title.text() == "Reminders"
    assert w.rows[0].focusPolicy() == Qt.FocusPolicy.NoFocus  # nothing to activate


def test_reminders_in_words_and_activated(qtbot, state):
    from tests.ui.archive_fixtures import saved_assessment

    archive.log_stored_count(state.ctx, 120_000, "2026-09-01", processor=HOSTILE["html"])
    archive.log_stored_count(state.ctx, 150_000, "2026-11-20", processor="Fresh Ltd")
    saved_assessment(state.ctx, system="Kiosk")  # next review 2027-11-20: not due
    w = make(qtbot, state)
    qtbot.waitUntil(lambda: len(w.reminders) == 2, timeout=WAIT)
    first = w.rows[0]
    assert first.text().startswith(f"✗ Overdue: {HOSTILE['html']}: the filing is overdue by ")
    assert first.textFormat() == Qt.TextFormat.PlainText and first.accessibleName() == first.text()
    assert w.rows[1].text().startswith("◷ Reminder: Fresh Ltd: the filing is due by ")
    assert w.title.text() == "Reminders (2)"
    with qtbot.waitSignal(w.activated, timeout=WAIT) as blocker:
        QTest.mouseClick(w.rows[1], Qt.MouseButton.LeftButton)
    assert blocker.args[0].target == "Fresh Ltd" and blocker.args[0].target_kind == "processor"
    w.rows[0].setFocus()
    with qtbot.waitSignal(w.activated, timeout=WAIT) as blocker:
        QTest.keyClick(w.rows[0], Qt.Key.Key_Return)
    assert blocker.args[0].target == HOSTILE["html"]
    state.with_language("zh")
    assert w.rows[0].text().startswith(f"✗ 已逾期：{HOSTILE['html']}：备案已逾期")
    assert w.title.text() == "Reminders（2）"  # the word is translated once the catalogue has it
    archive.record_filing(state.ctx, "2026-10-01", "N-1", processor=HOSTILE["html"])
    w.refresh()
    qtbot.waitUntil(lambda: len(w.reminders) == 1, timeout=WAIT)
