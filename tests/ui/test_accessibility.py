"""Accessible names and keyboard reach: every input of the workspace can be named by a screen reader, and Tab
moves from the section list through a section's questions to Next."""

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableView,
    QWidget,
)

from pia_wizard.services import assessments
from pia_wizard.ui.app import build_state
from pia_wizard.ui.settings import UiSettings
from pia_wizard.ui.workspace import RISK_PAGE, WorkspaceWindow

INPUTS = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QTableView, QListWidget)


def workspace(qtbot, tmp_path, lang="en") -> WorkspaceWindow:
    state = build_state(UiSettings(language=lang), data_dir=str(tmp_path))
    a = assessments.read_assessment(assessments.example_path("hotel-checkin"))
    a.id = str(uuid.uuid4())
    assessments.save_draft(state.ctx, a)
    ws = WorkspaceWindow(state, a.id)
    qtbot.addWidget(ws)
    with qtbot.waitSignal(ws.evaluated, timeout=20000):
        ws.show()
    return ws


def _inside_calendar(w: QWidget) -> bool:
    """Qt's own date-picker popup (QCalendarWidget) names its parts itself."""
    from PySide6.QtWidgets import QCalendarWidget

    while w is not None:
        if isinstance(w, QCalendarWidget):
            return True
        w = w.parentWidget()
    return False


def name_of(w: QWidget) -> str:
    if w.accessibleName().strip():
        return w.accessibleName()
    if isinstance(w, QAbstractButton):
        return w.text().replace("&", "").strip() or w.toolTip()
    return ""


def test_every_input_of_every_section_and_the_risk_grid_has_an_accessible_name(qtbot, tmp_path):
    ws = workspace(qtbot, tmp_path)
    for q in ws.bank:
        ws.question_block(q.id)
    ws._page(RISK_PAGE)
    nameless = []
    for w in ws.findChildren(QWidget):
        if isinstance(w, INPUTS) and w.isEnabled() and w.focusPolicy() != Qt.FocusPolicy.NoFocus \
                and not name_of(w) and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox)) \
                and not _inside_calendar(w):
            nameless.append(f"{type(w).__name__} in {type(w.parent()).__name__}")
    assert sorted(set(nameless)) == [], sorted(set(nameless))


def test_tab_walks_from_the_sections_into_the_questions_and_to_next(qtbot, tmp_path):
    ws = workspace(qtbot, tmp_path)
    qtbot.waitUntil(lambda: not ws._unbuilt.get("scope"))  # the page's last blocks come a turn of the loop later
    ws.activateWindow()
    ws.nav.setFocus()
    seen = []
    for _ in range(200):
        qtbot.keyClick(ws.focusWidget() or ws, Qt.Key.Key_Tab)
        w = ws.focusWidget()
        seen.append(w)
        if w is ws.next:
            break
    assert ws.next in seen, [type(w).__name__ for w in seen][:40]
    first = ws.question_block("scope.in_prc")
    assert any(w is not None and first.isAncestorOf(w) for w in seen), [
        (type(w).__name__, name_of(w)[:20]) for w in seen][:30]
