"""Settings: UI language, the data folder (shown), the default report language, the assessor's name."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from pia_wizard.ui.state import AppState

LANGUAGE_NAMES = {"zh": "中文（简体）", "en": "English"}


class SettingsDialog(QDialog):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        s = state.settings
        self.language = QComboBox()
        self.report_language = QComboBox()
        for combo, current in ((self.language, s.language), (self.report_language, s.report_language)):
            for code, name in LANGUAGE_NAMES.items():
                combo.addItem(name, code)
            combo.setCurrentIndex(combo.findData(current))
        self.assessor = QLineEdit(s.assessor_name)
        self.data_dir = QLabel(str(state.ctx.data_dir))
        self.data_dir.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.data_dir.setWordWrap(True)
        form = QFormLayout(self)
        self.labels = [QLabel() for _ in range(4)]
        for label, field in zip(self.labels, (self.language, self.report_language, self.assessor, self.data_dir),
                                strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setWindowTitle(self.tr("Settings"))
        texts = (self.tr("&Language of the app:"), self.tr("Default &report language:"),
                 self.tr("&Assessor's name:"), self.tr("Data folder:"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.language.setAccessibleName(self.tr("Language of the app"))
        self.report_language.setAccessibleName(self.tr("Default report language"))
        self.assessor.setAccessibleName(self.tr("Assessor's name"))
        self.data_dir.setAccessibleName(self.tr("Data folder"))
        self.data_dir.setToolTip(self.tr("Set PIA_WIZARD_DATA_DIR to use another folder"))

    def accept(self) -> None:
        self.state.update_settings(replace(self.state.settings, language=self.language.currentData(),
                                           report_language=self.report_language.currentData(),
                                           assessor_name=self.assessor.text().strip()))
        super().accept()
