"""Signing keys: show the certificate of a key file (the officer's default one, the assessor's, or any .p12 picked),
create a self-signed identity, import a CA-issued .p12/.pfx, export the certificate as PEM for others to trust.

Passphrases are read from password fields at the moment they are used, passed to the service call, and the fields
are cleared at once; nothing keeps them (no attribute, no setting, no log). The slow parts (opening a key file
derives its keys: ~0.6 s; creating one also generates the key) run on the worker.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.services import keys as key_service
from pia_wizard.services.errors import OutputRefused, WrongPassphrase
from pia_wizard.ui.approve_dialog import OK_STYLE, PROBLEM_STYLE, plain_label, problem_label
from pia_wizard.ui.dialogs import error_text
from pia_wizard.ui.editors import date_format, locale_for
from pia_wizard.ui.ops import Op
from pia_wizard.ui.state import AppState

ROLES = ("dpo", "assessor")
HINT_STYLE = "color:#555;"
# The mark says it; the colour repeats it.
STRENGTH_MARKS = {"too_short": ("✗ ", PROBLEM_STYLE), "weak": ("! ", "color:#9a5b00;"), "fair": ("✓ ", OK_STYLE),
                  "strong": ("✓ ", OK_STYLE)}
ASSESSOR_KEY_FILE = "assessor-key.p12"


def key_path(state: AppState, role: str = "dpo") -> Path:
    """Where the key of ``role`` is kept by default: the officer's is the services' default key file, the lead
    assessor's sits beside it."""
    default = key_service.default_key_path(state.ctx)
    return default if role == "dpo" else default.with_name(ASSESSOR_KEY_FILE)


def grouped_fingerprint(fingerprint: str) -> str:
    """A SHA-256 fingerprint in groups of four, two lines of eight groups: easy to read out and compare."""
    hexes = fingerprint.upper()
    groups = [hexes[i:i + 4] for i in range(0, len(hexes), 4)]
    return "\n".join(" ".join(groups[i:i + 8]) for i in range(0, len(groups), 8))


def password_field() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhSensitiveData
                             | Qt.InputMethodHint.ImhNoPredictiveText)
    return edit


def take(edit: QLineEdit) -> str:
    """The passphrase typed, and the field emptied at once (Python cannot wipe a str; the field can be)."""
    text = edit.text()
    edit.clear()
    return text


def field_stack(first: QWidget | QHBoxLayout, *below: QWidget) -> QVBoxLayout:
    """A field with its hint or problem under it (one form row: no gap between them)."""
    box = QVBoxLayout()
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(2)
    if isinstance(first, QWidget):
        box.addWidget(first)
    else:
        box.addLayout(first)
    for w in below:
        box.addWidget(w)
    return box


def _path_row(edit: QLineEdit, *buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    for b in buttons:
        row.addWidget(b)
    return row


class KeysDialog(QDialog):
    """``KeysDialog(state, parent=None, role="dpo")``. ``identityChanged(CertificateInfo)`` after a key was created
    or imported."""

    identityChanged = Signal(object)

    def __init__(self, state: AppState, parent: QWidget | None = None, role: str = "dpo") -> None:
        super().__init__(parent)
        self.state = state
        self.info: Any = None  # the CertificateInfo shown
        self.busy = False
        self.role = QComboBox()
        for r in ROLES:
            self.role.addItem("", r)
        self.role.setCurrentIndex(ROLES.index(role))
        self.role.currentIndexChanged.connect(self._role_changed)
        self.role_label = QLabel()
        self.role_label.setBuddy(self.role)
        self.tabs = QTabWidget()

        # --- the certificate of a key file -------------------------------------------------------------------
        self.show_page = QWidget()
        self.path = QLineEdit(str(key_path(state, role)))
        self.path.textChanged.connect(self._path_changed)
        self.choose = QPushButton()
        self.choose.clicked.connect(self.choose_key_file)
        self.path_state = plain_label()
        self.passphrase = password_field()
        self.passphrase.returnPressed.connect(self.show_certificate)
        self.passphrase_error = problem_label()
        self.show_button = QPushButton()
        self.show_button.clicked.connect(self.show_certificate)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_pem)
        self.details = QWidget()
        self.detail_labels: dict[str, QLabel] = {}
        self.detail_values: dict[str, QLabel] = {}
        details = QFormLayout(self.details)
        for key in ("signer", "organisation", "kind", "issuer", "valid", "key", "fingerprint"):
            label, value = QLabel(), plain_label()
            if key == "fingerprint":
                value.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
            self.detail_labels[key], self.detail_values[key] = label, value
            details.addRow(label, value)
        self.details.hide()
        self.show_status = plain_label()
        form = QFormLayout()
        self.path_label, self.passphrase_label = QLabel(), QLabel()
        self.path_label.setBuddy(self.path)
        self.passphrase_label.setBuddy(self.passphrase)
        form.addRow(self.path_label, field_stack(_path_row(self.path, self.choose), self.path_state))
        form.addRow(self.passphrase_label, field_stack(self.passphrase, self.passphrase_error))
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        page = QVBoxLayout(self.show_page)
        page.addLayout(form)
        page.addWidget(self.show_status)
        page.addWidget(self.details)
        page.addStretch(1)

        # --- create a self-signed identity ---------------------------------------------------------------------
        self.create_page = QWidget()
        self.name = QLineEdit()
        self.organisation = QLineEdit()
        for edit in (self.name, self.organisation):
            edit.setMaxLength(64)  # what a certificate's name fields hold
            edit.textChanged.connect(self._check_create)
        self.create_path = QLineEdit(str(key_path(state, role)))
        self.create_path.textChanged.connect(self._check_create)
        self.create_choose = QPushButton()
        self.create_choose.clicked.connect(lambda: self._choose_new(self.create_path))
        self.create_path_error = problem_label()
        self.new_passphrase = password_field()
        self.repeat_passphrase = password_field()
        self.new_passphrase.textChanged.connect(self._check_create)
        self.repeat_passphrase.textChanged.connect(self._check_create)
        self.strength = plain_label()
        self.repeat_error = problem_label()
        self.create_button = QPushButton()
        self.create_button.clicked.connect(self.create_identity)
        self.create_status = plain_label()
        self.create_labels = [QLabel() for _ in range(5)]
        form = QFormLayout(self.create_page)
        for label, field in zip(self.create_labels, (self.name, self.organisation, self.create_path,
                                                     self.new_passphrase, self.repeat_passphrase), strict=True):
            label.setBuddy(field)
        form.addRow(self.create_labels[0], self.name)
        form.addRow(self.create_labels[1], self.organisation)
        form.addRow(self.create_labels[2], field_stack(_path_row(self.create_path, self.create_choose),
                                                  self.create_path_error))
        form.addRow(self.create_labels[3], field_stack(self.new_passphrase, self.strength))
        form.addRow(self.create_labels[4], field_stack(self.repeat_passphrase, self.repeat_error))
        row = QHBoxLayout()
        row.addWidget(self.create_button)
        row.addStretch(1)
        form.addRow("", row)
        form.addRow("", self.create_status)

        # --- import a CA-issued .p12/.pfx ----------------------------------------------------------------------
        self.import_page = QWidget()
        self.import_source = QLineEdit()
        self.import_source.textChanged.connect(self._check_import)
        self.import_choose = QPushButton()
        self.import_choose.clicked.connect(self.choose_import_file)
        self.import_passphrase = password_field()
        self.import_passphrase.textChanged.connect(self._check_import)
        self.import_passphrase_error = problem_label()
        self.import_dest = QLineEdit(str(key_path(state, role)))
        self.import_dest.textChanged.connect(self._check_import)
        self.import_dest_choose = QPushButton()
        self.import_dest_choose.clicked.connect(lambda: self._choose_new(self.import_dest))
        self.import_dest_error = problem_label()
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.import_identity)
        self.import_status = plain_label()
        self.import_labels = [QLabel() for _ in range(3)]
        for label, field in zip(self.import_labels, (self.import_source, self.import_passphrase, self.import_dest),
                                strict=True):
            label.setBuddy(field)
        form = QFormLayout(self.import_page)
        form.addRow(self.import_labels[0], _path_row(self.import_source, self.import_choose))
        form.addRow(self.import_labels[1], field_stack(self.import_passphrase, self.import_passphrase_error))
        form.addRow(self.import_labels[2], field_stack(_path_row(self.import_dest, self.import_dest_choose),
                                                  self.import_dest_error))
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addStretch(1)
        form.addRow("", row)
        form.addRow("", self.import_status)

        self.tabs.addTab(self.show_page, "")
        self.tabs.addTab(self.create_page, "")
        self.tabs.addTab(self.import_page, "")
        self.tabs.currentChanged.connect(lambda _: self._refresh_path_state())
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.role_label)
        top.addWidget(self.role, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(self.tabs, 1)
        outer.addWidget(self.close_buttons)
        self.resize(820, 560)
        state.languageChanged.connect(self._language_changed)
        self.retranslate()
        if not Path(self.path.text()).exists():
            self.tabs.setCurrentWidget(self.create_page)

    # --- language ------------------------------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.state.lang

    def _language_changed(self, _lang: str) -> None:
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "close_buttons"):
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Signing keys"))
        self.role_label.setText(self.tr("&Whose key:"))
        self.role.setItemText(0, self.tr("The PI protection officer (signs the approval)"))
        self.role.setItemText(1, self.tr("The lead assessor (signs first, optional)"))
        self.role.setAccessibleName(self.tr("Whose key"))
        self.tabs.setTabText(0, self.tr("&Certificate"))
        self.tabs.setTabText(1, self.tr("C&reate a self-signed identity"))
        self.tabs.setTabText(2, self.tr("&Import a CA-issued .p12/.pfx"))
        self.path_label.setText(self.tr("&Key file:"))
        self.path.setAccessibleName(self.tr("Key file"))
        self.choose.setText(self.tr("Choose…"))
        self.choose.setAccessibleName(self.tr("Choose a key file"))
        self.passphrase_label.setText(self.tr("&Passphrase:"))
        self.passphrase.setAccessibleName(self.tr("Passphrase of the key file"))
        self.passphrase.setPlaceholderText(self.tr("Asked each time, never stored"))
        self.show_button.setText(self.tr("&Show the certificate"))
        self.export_button.setText(self.tr("&Export the certificate (PEM)…"))
        self.export_button.setToolTip(self.tr(
            "Write the public certificate for a regulator, an auditor or a colleague to trust"))
        for key, text in (("signer", self.tr("Signer:")), ("organisation", self.tr("Organisation:")),
                          ("kind", self.tr("Certificate:")), ("issuer", self.tr("Issuer:")),
                          ("valid", self.tr("Valid:")), ("key", self.tr("Key:")),
                          ("fingerprint", self.tr("SHA-256 fingerprint:"))):
            self.detail_labels[key].setText(text)
        self.create_labels[0].setText(self.tr("&Name:"))
        self.create_labels[1].setText(self.tr("&Organisation:"))
        self.create_labels[2].setText(self.tr("&Keep it in:"))
        self.create_labels[3].setText(self.tr("&Passphrase:"))
        self.create_labels[4].setText(self.tr("Passphrase a&gain:"))
        self.name.setAccessibleName(self.tr("Signer's name"))
        self.name.setPlaceholderText(self.tr("As it should appear on the signature"))
        self.organisation.setAccessibleName(self.tr("Organisation"))
        self.create_path.setAccessibleName(self.tr("Where to keep the new key file"))
        self.create_choose.setText(self.tr("Choose…"))
        self.create_choose.setAccessibleName(self.tr("Choose where to keep the new key file"))
        self.new_passphrase.setAccessibleName(self.tr("New passphrase"))
        self.repeat_passphrase.setAccessibleName(self.tr("New passphrase again"))
        self.create_button.setText(self.tr("C&reate"))
        self.import_labels[0].setText(self.tr("&File (.p12/.pfx):"))
        self.import_labels[1].setText(self.tr("&Passphrase:"))
        self.import_labels[2].setText(self.tr("&Keep it in:"))
        self.import_source.setAccessibleName(self.tr("The .p12 or .pfx file to import"))
        self.import_choose.setText(self.tr("Choose…"))
        self.import_choose.setAccessibleName(self.tr("Choose the .p12 or .pfx file"))
        self.import_passphrase.setAccessibleName(self.tr("Passphrase of the file to import"))
        self.import_passphrase.setPlaceholderText(self.tr("It protects the imported key from now on as well"))
        self.import_dest.setAccessibleName(self.tr("Where to keep the imported key file"))
        self.import_dest_choose.setText(self.tr("Choose…"))
        self.import_dest_choose.setAccessibleName(self.tr("Choose where to keep the imported key file"))
        self.import_button.setText(self.tr("&Import"))
        self.close_buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self._path_changed()
        self._check_create()
        self._check_import()
        if self.info is not None:
            self._show_info(self.info)

    # --- which key file --------------------------------------------------------------------------------------------
    def current_role(self) -> str:
        return str(self.role.currentData())

    def _role_changed(self) -> None:
        path = str(key_path(self.state, self.current_role()))
        for edit in (self.path, self.create_path, self.import_dest):
            edit.setText(path)

    def _path_changed(self, *_: object) -> None:
        self.info = None
        self.details.hide()
        self.show_status.clear()
        self.passphrase_error.hide()
        self._refresh_path_state()

    def _refresh_path_state(self) -> None:
        """Whether the key file is there (it may have been made or removed since the path was typed)."""
        p = Path(self.path.text().strip()) if self.path.text().strip() else None
        if p is not None and p.is_file():
            self.path_state.setText(self.tr("✓ A key file is here"))
            self.path_state.setStyleSheet(OK_STYLE)
        else:
            self.path_state.setText(self.tr("✗ No key file here yet: create one or import one"))
            self.path_state.setStyleSheet(PROBLEM_STYLE)
        self._enable()

    def choose_key_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a key file"), self.path.text(),
                                              self.tr("Key files (*.p12 *.pfx);;All files (*)"))
        if path:
            self.path.setText(path)

    def _choose_new(self, edit: QLineEdit) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Where to keep the key file"), edit.text(),
                                              self.tr("Key files (*.p12)"))
        if path:
            edit.setText(path)

    def choose_import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a key file"), "",
                                              self.tr("Key files (*.p12 *.pfx);;All files (*)"))
        if path:
            self.import_source.setText(path)

    # --- state -----------------------------------------------------------------------------------------------------
    def _enable(self) -> None:
        has_file = Path(self.path.text().strip()).is_file() if self.path.text().strip() else False
        for w in (self.show_button, self.export_button):
            w.setEnabled(has_file and not self.busy)
        self.role.setEnabled(not self.busy)
        self._check_create()
        self._check_import()

    def _set_busy(self, busy: bool, status: QLabel | None = None, text: str = "") -> None:
        self.busy = busy
        if status is not None:
            status.setStyleSheet("")
            status.setText(text)
        self._enable()

    def _check_create(self, *_: object) -> None:
        if not hasattr(self, "create_button"):
            return
        new, again = self.new_passphrase.text(), self.repeat_passphrase.text()
        hint = key_service.passphrase_hint(new)
        mark, style = STRENGTH_MARKS[hint.strength]
        self.strength.setText(mark + hint.text.get(self.lang) if new else self.tr(
            "A short sentence is easy to remember and hard to guess"))
        self.strength.setStyleSheet(style if new else HINT_STYLE)
        mismatch = bool(again) and again != new
        self.repeat_error.setText(self.tr("✗ The two passphrases differ") if mismatch else "")
        self.repeat_error.setVisible(mismatch)
        dest = self.create_path.text().strip()
        exists = bool(dest) and Path(dest).exists()
        self.create_path_error.setText(self.tr(
            "✗ A key file is already there; it is never overwritten: choose another file") if exists else "")
        self.create_path_error.setVisible(exists)
        ready = (bool(self.name.text().strip() and self.organisation.text().strip() and dest) and not exists
                 and hint.acceptable and again == new)
        self.create_button.setEnabled(ready and not self.busy)

    def _check_import(self, *_: object) -> None:
        if not hasattr(self, "import_button"):
            return
        dest = self.import_dest.text().strip()
        exists = bool(dest) and Path(dest).exists()
        self.import_dest_error.setText(self.tr(
            "✗ A key file is already there; it is never overwritten: choose another file") if exists else "")
        self.import_dest_error.setVisible(exists)
        ready = bool(self.import_source.text().strip() and self.import_passphrase.text() and dest) and not exists
        self.import_button.setEnabled(ready and not self.busy)

    # --- commands --------------------------------------------------------------------------------------------------
    def _op(self, fn: Any, done: Any, failed: Any, *args: Any) -> Op:
        return Op(self, self.state.worker, fn).success(done).failure(failed).run(*args)

    def show_certificate(self) -> None:
        if not self.show_button.isEnabled():
            return
        passphrase = take(self.passphrase)
        self.passphrase_error.hide()
        self._set_busy(True, self.show_status, self.tr("Opening the key file…"))
        # In a child process: cryptography holds the GIL through the key file's 600,000 KDF rounds.
        self._op(functools.partial(key_service.show_key, apart=True), self._shown,
                 lambda exc: self._failed(exc, self.show_status, self.passphrase_error),
                 self.state.ctx, passphrase, self.path.text().strip())

    def _shown(self, info: Any) -> None:
        self._set_busy(False, self.show_status, "")
        self._show_info(info)

    def _show_info(self, info: Any) -> None:
        self.info = info
        lang = self.lang
        v = self.detail_values
        v["signer"].setText(info.signer)
        v["organisation"].setText(info.organisation or "—")
        if info.self_signed:
            v["kind"].setText(self.tr("Self-signed: trusted only where this certificate is imported"))
        else:
            v["kind"].setText(self.tr("Issued by a certification authority"))
        v["issuer"].setText(info.issuer)
        locale = locale_for(lang)

        def day(when: Any) -> str:
            d = when.date()
            return locale.toString(QDate(d.year, d.month, d.day), date_format(locale))

        v["valid"].setText(self.tr("%1 to %2").replace("%1", day(info.not_valid_before)).replace(
            "%2", day(info.not_valid_after)))
        v["key"].setText(info.key)
        v["fingerprint"].setText(grouped_fingerprint(info.fingerprint))
        v["fingerprint"].setAccessibleName(self.tr("SHA-256 fingerprint"))
        self.details.show()

    def export_pem(self) -> None:
        if not self.export_button.isEnabled():
            return
        if not self.passphrase.text():
            self.passphrase_error.setText(self.tr("✗ Enter the passphrase of the key file to export its certificate"))
            self.passphrase_error.show()
            self.passphrase.setFocus()
            return
        source = Path(self.path.text().strip())
        out, _ = QFileDialog.getSaveFileName(self, self.tr("Export the certificate"),
                                             str(Path.home() / (source.stem + "-certificate.pem")),
                                             self.tr("Certificates (*.pem)"))
        passphrase = take(self.passphrase)
        if not out:
            return
        self.passphrase_error.hide()
        self._set_busy(True, self.show_status, self.tr("Exporting…"))
        self._op(key_service.export_certificate, self._exported,
                 lambda exc: self._failed(exc, self.show_status, self.passphrase_error),
                 self.state.ctx, passphrase, out, str(source))

    def _exported(self, result: Any) -> None:
        dest, info = result
        self._set_busy(False, self.show_status, self.tr("✓ Certificate written to %1").replace("%1", str(dest)))
        self.show_status.setStyleSheet(OK_STYLE)
        self._show_info(info)

    def create_identity(self) -> None:
        self._check_create()  # the file may have appeared since the path was typed
        if not self.create_button.isEnabled():
            return
        passphrase = take(self.new_passphrase)
        self.repeat_passphrase.clear()
        self._set_busy(True, self.create_status, self.tr("Creating the key and its certificate…"))
        self._op(lambda ctx, name, org, secret, out: key_service.create_key(
            ctx, name=name, organisation=org, passphrase=secret, out=out), self._made(self.create_status),
            lambda exc: self._failed(exc, self.create_status, self.create_path_error),
            self.state.ctx, self.name.text().strip(), self.organisation.text().strip(), passphrase,
            self.create_path.text().strip())

    def import_identity(self) -> None:
        self._check_import()
        if not self.import_button.isEnabled():
            return
        passphrase = take(self.import_passphrase)
        self.import_passphrase_error.hide()
        self._set_busy(True, self.import_status, self.tr("Importing…"))
        self._op(key_service.import_key, self._made(self.import_status),
                 lambda exc: self._failed(exc, self.import_status, self.import_passphrase_error),
                 self.state.ctx, self.import_source.text().strip(), passphrase, self.import_dest.text().strip())

    def _made(self, status: QLabel) -> Any:
        def done(info: Any) -> None:
            self._set_busy(False, status, self.tr("✓ Kept in %1").replace("%1", str(info.path)))
            status.setStyleSheet(OK_STYLE)
            self.path.setText(str(info.path))
            self._path_changed()
            self._show_info(info)
            self.tabs.setCurrentWidget(self.show_page)
            self.show_status.setText(self.tr("✓ Kept in %1").replace("%1", str(info.path)))
            self.show_status.setStyleSheet(OK_STYLE)
            self.identityChanged.emit(info)

        return done

    def _failed(self, exc: BaseException, status: QLabel, beside: QLabel) -> None:
        """A wrong passphrase in one line beside its field; an output refused beside the path; else the status."""
        self._set_busy(False, status, "")
        text = "✗ " + error_text(exc, self.lang)
        if isinstance(exc, WrongPassphrase) or (isinstance(exc, OutputRefused) and beside is not self.passphrase_error):
            beside.setText(text)
            beside.show()
        else:
            status.setText(text)
            status.setStyleSheet(PROBLEM_STYLE)
        self._enable()
