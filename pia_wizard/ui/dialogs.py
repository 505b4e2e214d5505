"""Small dialogs shared by the windows: errors in one line, a new assessment, a new version's reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)


def error_text(exc: BaseException, lang: str) -> str:
    """The one-line reason the services give (in the UI language); never a traceback."""
    from pia_wizard.core.assessment import AssessmentError
    from pia_wizard.services.errors import ServiceError

    if isinstance(exc, ServiceError):
        return exc.message(lang)
    if isinstance(exc, AssessmentError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc)
    return f"{type(exc).__name__}: {exc}"


def show_error(parent: QWidget, title: str, exc: BaseException, lang: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, error_text(exc, lang), QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


class NewAssessmentDialog(QDialog):
    """The two names an assessment file cannot do without (processor and system), and a title."""

    def __init__(self, parent: QWidget | None = None, assessor: str = "") -> None:
        super().__init__(parent)
        self.processor = QLineEdit()
        self.system = QLineEdit()
        self.title_edit = QLineEdit()
        self.assessor = QLineEdit(assessor)
        form = QFormLayout(self)
        self.labels = [QLabel(), QLabel(), QLabel(), QLabel()]
        for label, edit in zip(self.labels, (self.processor, self.system, self.title_edit, self.assessor),
                               strict=True):
            label.setBuddy(edit)
            form.addRow(label, edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        for edit in (self.processor, self.system):
            edit.textChanged.connect(self._enable)
        self.retranslate()
        self._enable()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New assessment"))
        for label, text in zip(self.labels, (self.tr("Personal information &processor:"),
                                             self.tr("&System assessed:"), self.tr("&Title (optional):"),
                                             self.tr("&Assessor:")), strict=True):
            label.setText(text)
        self.processor.setAccessibleName(self.tr("Personal information processor"))
        self.system.setAccessibleName(self.tr("System assessed"))
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.assessor.setAccessibleName(self.tr("Assessor"))

    def _enable(self) -> None:
        ok = bool(self.processor.text().strip() and self.system.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


class NewVersionDialog(QDialog):
    """Why a new version of an approved assessment is started (the store's reasons)."""

    def __init__(self, reasons: list, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reason = QComboBox()
        for r in reasons:
            self.reason.addItem(r.label.get(lang), r.id)
        self.note = QLineEdit()
        form = QFormLayout(self)
        self.reason_label, self.note_label = QLabel(), QLabel()
        self.reason_label.setBuddy(self.reason)
        self.note_label.setBuddy(self.note)
        form.addRow(self.reason_label, self.reason)
        form.addRow(self.note_label, self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setWindowTitle(self.tr("New version"))
        self.reason_label.setText(self.tr("&Reason:"))
        self.note_label.setText(self.tr("&Note:"))
        self.reason.setAccessibleName(self.tr("Reason for the new version"))
        self.note.setAccessibleName(self.tr("Note"))
