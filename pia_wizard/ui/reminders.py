"""The home window's reminders: re-assessments due, filing deadlines near or overdue, reports whose retention ends
soon (services.reminders), the most urgent first, each with its severity as an icon *and* a word. Activating one
(click, Enter or Space) emits ``activated(Reminder)``: its ``target_kind`` and ``target`` say what to open.

Each reminder is a focusable label, not a list item: a list view lays out wrapped text that mixes Chinese and Latin
script with a height that does not fit what it paints (the text was cut off), a label wraps it exactly."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from pia_wizard.ui.ops import Op

SEVERITY_ICON = {"overdue": "✗", "due_soon": "⚠", "info": "◷"}
SEVERITY_COLOUR = {"overdue": "#a61b1b", "due_soon": "#8a5a00", "info": "#1f4e79"}


class ReminderRow(QLabel):
    """One reminder: plain text, wrapped, focusable; click, Enter or Space activates it."""

    activated = Signal(object)

    def __init__(self, text: str, reminder: Any, colour: str | None, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.reminder = reminder
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAccessibleName(text)
        self.setContentsMargins(6, 3, 6, 3)
        style = f"color: {colour};" if colour else "color: palette(placeholder-text);"
        if reminder is not None:
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            style += " border-bottom: 1px solid #e2e2e2;"
        self.setStyleSheet(f"ReminderRow {{ {style} }} ReminderRow:focus {{ background: #e8f0fb; }}")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.reminder is not None and event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.reminder)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.reminder is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.reminder)
            return
        super().keyPressEvent(event)


def _reminders(ctx: Any) -> list[Any]:
    # Imported here, on the worker: the services load the core, which the home window does not need to be painted.
    from pia_wizard.services.reminders import reminders

    return reminders(ctx)


class RemindersPanel(QWidget):
    """``RemindersPanel(state)``; ``refresh()`` asks the archive again (call it after anything that may change a
    reminder: a save, a filing, a purge)."""

    activated = Signal(object)  # the services.reminders.Reminder

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.reminders: list[Any] = []
        self.loaded = False
        self.rows: list[ReminderRow] = []
        self.error: str | None = None
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.body_layout.setSpacing(2)
        self.body_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.scroll, 1)
        self.retranslate()
        state.languageChanged.connect(lambda _: self.retranslate())
        self.refresh()

    def retranslate(self) -> None:
        n = len(self.reminders)
        count = (f"（{n}）" if self.state.lang == "zh" else f" ({n})") if n else ""
        self.title.setText(self.tr("Reminders") + count)
        self.scroll.setAccessibleName(self.tr("Reminders: re-assessments, filing deadlines, retention"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        Op(self, self.state.worker, _reminders).success(self._loaded).failure(self._failed).run(self.state.ctx)

    def _loaded(self, items: list[Any]) -> None:
        self.loaded = True
        self.reminders = list(items)
        self.error = None
        self.retranslate()

    def _failed(self, exc: BaseException) -> None:
        from pia_wizard.ui.dialogs import error_text

        self.loaded = True
        self.reminders = []
        self.error = error_text(exc, self.state.lang)
        self.retranslate()

    def _fill(self) -> None:
        lang = self.state.lang
        for row in self.rows:
            self.body_layout.removeWidget(row)
            row.deleteLater()
        self.rows = []
        if self.error is not None:
            self._add(ReminderRow(self.tr("Cannot read the reminders: %1").replace("%1", self.error), None,
                                  SEVERITY_COLOUR["overdue"]))
        elif not self.loaded:
            self._add(ReminderRow(self.tr("Looking for what is due…"), None, None))
        elif not self.reminders:
            self._add(ReminderRow(self.tr("Nothing due: no re-assessment, filing deadline or end of retention is "
                                          "near."), None, None))
        if self.reminders:
            from pia_wizard.services.reminders import SEVERITY_LABELS  # loaded with the reminders, on the worker
        for r in self.reminders:
            word = SEVERITY_LABELS[r.severity].get(lang)
            text = f"{SEVERITY_ICON[r.severity]} {word}{'：' if lang == 'zh' else ': '}{r.text.get(lang)}"
            row = ReminderRow(text, r, SEVERITY_COLOUR[r.severity])
            row.activated.connect(self.activated)
            self._add(row)

    def _add(self, row: ReminderRow) -> None:
        self.body_layout.insertWidget(len(self.rows), row)
        self.rows.append(row)
