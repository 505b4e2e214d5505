"""Sign the report: the lead assessor first (optional), then the PI protection officer; render, sign, archive and
write as one services job on the worker, with its steps and fraction in a progress bar and a Cancel that leaves no
file and nothing archived.

Passphrases are read from their fields when Sign is pressed and the fields are cleared at once; the keys are opened
on the worker (``prepare_issue``), never on the UI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.core.assessment import Assessment
from pia_wizard.services import approval as approval_service
from pia_wizard.services import files
from pia_wizard.services import report as report_service
from pia_wizard.services.errors import (
    ApprovalIncomplete,
    BadInput,
    Cancelled,
    KeyProblem,
    OutputRefused,
    ServiceError,
    WrongPassphrase,
)
from pia_wizard.services.jobs import CancelToken, Progress
from pia_wizard.ui.approve_dialog import OK_STYLE, PROBLEM_STYLE, plain_label, problem_label
from pia_wizard.ui.dialogs import error_text
from pia_wizard.ui.keys_dialog import field_stack, key_path, password_field, take
from pia_wizard.ui.ops import Op
from pia_wizard.ui.state import AppState

REPORT_LANGS = ("zh", "en")
STEPS = 1000  # the progress bar's range: the job's fraction in thousandths


class SignerBox(QGroupBox):
    """One signer: the key file (changeable) and its passphrase, with a problem line under each."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = QLineEdit(str(path))
        self.choose = QPushButton()
        self.choose.clicked.connect(self.choose_file)
        self.path_error = problem_label()
        self.passphrase = password_field()
        self.passphrase_error = problem_label()
        self.path_label, self.passphrase_label = QLabel(), QLabel()
        self.path_label.setBuddy(self.path)
        self.passphrase_label.setBuddy(self.passphrase)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.choose)
        form = QFormLayout(self)
        form.addRow(self.path_label, field_stack(row, self.path_error))
        form.addRow(self.passphrase_label, field_stack(self.passphrase, self.passphrase_error))
        self.path.textChanged.connect(lambda _: self.path_error.hide())
        self.passphrase.textChanged.connect(lambda _: self.passphrase_error.hide() if self.passphrase.text() else None)

    def retranslate(self, title: str, who: str) -> None:
        self.setTitle(title)
        self.path_label.setText(self.tr("Key file:"))
        self.passphrase_label.setText(self.tr("Passphrase:"))
        self.path.setAccessibleName(self.tr("Key file of the %1").replace("%1", who))
        self.passphrase.setAccessibleName(self.tr("Passphrase of the %1").replace("%1", who))
        self.passphrase.setPlaceholderText(self.tr("Asked each time, never stored"))
        self.choose.setText(self.tr("Choose…"))
        self.choose.setAccessibleName(self.tr("Choose the key file of the %1").replace("%1", who))

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a key file"), self.path.text(),
                                              self.tr("Key files (*.p12 *.pfx);;All files (*)"))
        if path:
            self.path.setText(path)

    def key(self) -> Path:
        return Path(self.path.text().strip())

    def show_path_error(self, text: str) -> None:
        self.path_error.setText("✗ " + text)
        self.path_error.show()

    def show_passphrase_error(self, text: str) -> None:
        self.passphrase_error.setText("✗ " + text)
        self.passphrase_error.show()
        self.passphrase.setFocus()

    def clear_errors(self) -> None:
        self.path_error.hide()
        self.passphrase_error.hide()


class SignDialog(QDialog):
    """``SignDialog(state, assessment, parent=None)``: the assessment as it is to be signed (its approval recorded).
    ``issued(IssuedReport)`` when the report is signed and archived; ``openReport(path)`` when the user asks to open
    it; ``progressed(Progress)`` as the job reports its steps."""

    issued = Signal(object)
    openReport = Signal(str)
    progressed = Signal(object)  # each services.jobs.Progress of the job, as shown

    def __init__(self, state: AppState, assessment: Assessment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.assessment = assessment
        self.result_report: Any = None
        self.token: CancelToken | None = None
        self.problems: list[Any] | None = None  # the approval's problems (None: not checked yet)
        self.last_progress: Progress | None = None
        self._close_when_done = False

        self.header = plain_label()
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.approval_state = plain_label()

        self.use_assessor = QCheckBox()
        self.use_assessor.toggled.connect(self._enable)
        self.assessor = SignerBox(key_path(state, "assessor"))
        self.dpo = SignerBox(key_path(state, "dpo"))

        self.lang = QComboBox()
        for code in REPORT_LANGS:
            self.lang.addItem("", code)
        report_lang = state.settings.report_language
        self.lang.setCurrentIndex(REPORT_LANGS.index(report_lang) if report_lang in REPORT_LANGS else 0)
        self.lang_label = QLabel()
        self.lang_label.setBuddy(self.lang)
        self.out = QLineEdit()
        self.out.textChanged.connect(self._out_changed)
        self.out_choose = QPushButton()
        self.out_choose.clicked.connect(self.choose_output)
        self.out_error = problem_label()
        self.out_label = QLabel()
        self.out_label.setBuddy(self.out)
        report_box = QGroupBox()
        self.report_box = report_box
        form = QFormLayout(report_box)
        form.addRow(self.lang_label, self.lang)
        row = QHBoxLayout()
        row.addWidget(self.out, 1)
        row.addWidget(self.out_choose)
        form.addRow(self.out_label, field_stack(row, self.out_error))

        self.progress = QProgressBar()
        self.progress.setRange(0, STEPS)
        self.progress.setValue(0)
        self.progress.hide()  # shown from the first Sign on
        self.step = plain_label()
        self.status = plain_label()
        self.result = plain_label()
        self.result.hide()

        self.sign_button = QPushButton()
        self.sign_button.setDefault(True)
        self.sign_button.clicked.connect(self.sign)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._open)
        self.open_button.hide()
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.approval_state)
        layout.addWidget(self.use_assessor)
        layout.addWidget(self.assessor)
        layout.addWidget(self.dpo)
        layout.addWidget(report_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.step)
        layout.addWidget(self.status)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.resize(760, 640)
        state.languageChanged.connect(self._language_changed)
        self.retranslate()
        self._enable()
        self._check_approval()

    # --- language --------------------------------------------------------------------------------------------------
    def _language_changed(self, _lang: str) -> None:
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "close_button"):
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign the report"))
        system = str(self.assessment.system.get("name") or "")
        self.header.setText(self.tr("Sign and archive the report: %1").replace("%1", system))
        self.header.setAccessibleName(self.tr("Assessment to sign"))
        self.use_assessor.setText(self.tr("The lead &assessor signs first"))
        self.assessor.retranslate(self.tr("Lead assessor (signs first)"), self.tr("lead assessor"))
        self.dpo.retranslate(self.tr("PI protection officer (signs the approval)"), self.tr("PI protection officer"))
        self.lang.setItemText(0, self.tr("Chinese"))
        self.lang.setItemText(1, self.tr("English"))
        self.lang.setAccessibleName(self.tr("Report language"))
        self.lang_label.setText(self.tr("Report &language:"))
        self.report_box.setTitle(self.tr("Report"))
        self.out_label.setText(self.tr("Save &to:"))
        self.out.setAccessibleName(self.tr("Where to save the signed report"))
        self.out.setPlaceholderText(self.tr("Choose where to save the signed PDF (outside the data folder)"))
        self.out_choose.setText(self.tr("Choose…"))
        self.out_choose.setAccessibleName(self.tr("Choose where to save the signed report"))
        self.progress.setAccessibleName(self.tr("Progress of signing"))
        self.sign_button.setText(self.tr("&Sign"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop: nothing is written and nothing is archived"))
        self.open_button.setText(self.tr("&Open the report"))
        self.close_button.setText(self.tr("Close"))
        self._show_approval()
        if self.last_progress is not None and self.running:
            self._progress(self.last_progress)
        if self.result_report is not None:
            self._show_result(self.result_report)

    # --- state -----------------------------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.token is not None

    def _enable(self, *_: object) -> None:
        running = self.running
        self.assessor.setVisible(self.use_assessor.isChecked())
        for w in (self.use_assessor, self.assessor, self.dpo, self.report_box):
            w.setEnabled(not running and self.result_report is None)
        ready = self.problems == [] and self.result_report is None
        self.sign_button.setEnabled(ready and not running)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)

    def _check_approval(self) -> None:
        """The approval's problems, checked on the worker (it evaluates the assessment)."""
        Op(self, self.state.worker, approval_service.check_approval).success(self._approval_checked).failure(
            lambda exc: self._approval_checked(None, exc)).run(self.assessment, self.assessment.approval or {})

    def _approval_checked(self, problems: list[Any] | None, exc: BaseException | None = None) -> None:
        if exc is not None:
            self.status.setText("✗ " + error_text(exc, self.state.lang))
            self.status.setStyleSheet(PROBLEM_STYLE)
            problems = None
        self.problems = problems
        self._show_approval()
        self._enable()

    def _show_approval(self) -> None:
        lang = self.state.lang
        if self.problems is None:
            self.approval_state.setText(self.tr("Checking the approval…"))
            self.approval_state.setStyleSheet("")
        elif self.problems:
            lines = [self.tr("✗ The approval is not complete; the report cannot be signed yet:")]
            lines += ["  • " + (p.zh if lang == "zh" else p.en) for p in self.problems]
            self.approval_state.setText("\n".join(lines))
            self.approval_state.setStyleSheet(PROBLEM_STYLE)
        else:
            opinion = (self.assessment.approval or {}).get("opinion")
            form = {c.id: c.label for c in approval_service.approval_form(self.assessment).opinions} \
                if opinion else {}
            decided = form[opinion].get(lang) if opinion in form else str(opinion)
            self.approval_state.setText(self.tr("✓ Approved: %1").replace("%1", decided))
            self.approval_state.setStyleSheet(OK_STYLE)

    def _out_changed(self, *_: object) -> None:
        self.out_error.hide()
        self._enable()

    def check_output(self) -> Path | None:
        """The output path if the services accept it (never inside the data folder), else None and the reason
        beside the field."""
        text = self.out.text().strip()
        if not text:
            self.out_error.setText("✗ " + self.tr("Choose where to save the signed report"))
            self.out_error.show()
            return None
        try:
            return files.check_output(text, data_dir=self.state.ctx.data_dir)
        except BadInput as exc:
            self.out_error.setText("✗ " + exc.message(self.state.lang))
            self.out_error.show()
            return None

    def choose_output(self) -> None:
        code = self.lang.currentData()
        system = str(self.assessment.system.get("name") or "report")
        name = "".join(c for c in system if c not in '\\/:*?"<>|').strip()[:60] or "report"
        start = self.out.text().strip() or str(Path.home() / f"{name}-{code}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the signed report"), start,
                                              self.tr("PDF files (*.pdf)"))
        if path:
            self.out.setText(path)
            self.check_output()

    # --- signing ---------------------------------------------------------------------------------------------------
    def sign(self) -> None:
        if not self.sign_button.isEnabled():
            return
        self.dpo.clear_errors()
        self.assessor.clear_errors()
        self.status.clear()
        out = self.check_output()
        assessor_signs = self.use_assessor.isChecked()
        missing = False
        for box in ((self.assessor, self.dpo) if assessor_signs else (self.dpo,)):
            if not box.passphrase.text():
                box.show_passphrase_error(self.tr("Enter the passphrase"))
                missing = True
        if out is None or missing:
            return
        dpo = report_service.SignerKey(self.dpo.key(), take(self.dpo.passphrase))
        assessor = report_service.SignerKey(self.assessor.key(), take(self.assessor.passphrase)) \
            if assessor_signs else None
        self.assessor.passphrase.clear()
        token = CancelToken()
        self.token = token
        self.last_progress = None
        self.progress.setValue(0)
        self.progress.show()
        self.step.setText(self.tr("Opening the keys…"))
        self.status.setStyleSheet("")
        self._enable()
        holder: list[Op] = []

        def work(ctx: Any, a: Assessment, dest: Path, lang: str) -> Any:
            # The keys open in a child process: cryptography holds the GIL through their 600,000 KDF rounds.
            job = report_service.prepare_issue(ctx, a, dest, lang, dpo=dpo, assessor=assessor, keys_apart=True)
            return job.run(holder[0].emit_progress, token)

        op = Op(self, self.state.worker, work).progress(self._progress).success(self._done).failure(self._failed)
        holder.append(op)
        op.run(self.state.ctx, self.assessment, out, self.lang.currentData())

    def _progress(self, p: Progress) -> None:
        self.last_progress = p
        self.progress.setValue(round(p.fraction * STEPS))
        text = p.label.get(self.state.lang)
        if p.done is not None and p.total:
            text += f" ({p.done}/{p.total})"
        if self.token is not None and self.token.cancelled:
            text = self.tr("Cancelling…")
        self.step.setText(text)
        self.progressed.emit(p)

    def cancel(self) -> None:
        if self.token is not None:
            self.token.cancel()
            self.step.setText(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)

    def _finished(self) -> None:
        self.token = None
        self._enable()
        if self._close_when_done:
            super().reject()

    def _done(self, issued: Any) -> None:
        self.result_report = issued
        self.progress.setValue(STEPS)
        self.step.setText(self.tr("Done"))
        self._show_result(issued)
        self._finished()
        self.issued.emit(issued)

    def _show_result(self, r: Any) -> None:
        names = {"assessor": self.tr("Lead assessor"), "dpo": self.tr("PI protection officer")}
        roles = {text: names[key] for key, text in report_service.ROLE_TEXT.items()}  # the stamp's role text
        signers = "\n".join("  • " + self.tr("%1: %2").replace("%1", roles.get(s.role, s.role)).replace("%2", s.signer)
                            + (self.tr(" (self-signed)") if s.self_signed else "") for s in r.signatures)
        text = (self.tr("✓ Signed and archived. Report %1, %n page(s), saved to %2", "", r.pages)
                .replace("%1", r.report_id).replace("%2", str(r.path)) + "\n" + self.tr("Signed by:") + "\n"
                + signers)
        if r.warnings:
            text += "\n" + self.tr("Notes:") + "\n" + "\n".join("  • " + w for w in r.warnings)
        self.result.setText(text)
        self.result.setStyleSheet(OK_STYLE)
        self.result.show()
        self.open_button.show()
        self.status.clear()

    def _failed(self, exc: BaseException) -> None:
        lang = self.state.lang
        self.progress.setValue(0)
        self.step.clear()
        text = error_text(exc, lang)
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("Cancelled: nothing was written and nothing was archived"))
            self.status.setStyleSheet("")
        elif isinstance(exc, WrongPassphrase | KeyProblem):
            self._beside_key(exc, text)
        elif isinstance(exc, OutputRefused):
            self.out_error.setText("✗ " + text)
            self.out_error.show()
        elif isinstance(exc, ApprovalIncomplete):
            self.problems = exc.items
            self._show_approval()
        else:  # AlreadyArchived, a render that failed, a busy archive, ...: one line, in the UI language
            self.status.setText("✗ " + text)
            self.status.setStyleSheet(PROBLEM_STYLE)
        self._finished()

    def _beside_key(self, exc: ServiceError, text: str) -> None:
        """A key's error beside the signer it concerns (the passphrase field for a wrong passphrase); an error that
        names neither key file (the same certificate twice) in the status line."""
        named = str(exc.params.get("path") or exc.params.get("detail") or "")
        boxes = [*([self.assessor] if self.use_assessor.isChecked() else []), self.dpo]
        for box in boxes:
            if named and (named == str(box.key()) or str(box.key()) in named):
                if isinstance(exc, WrongPassphrase):
                    box.show_passphrase_error(text)
                else:
                    box.show_path_error(text)
                return
        self.status.setText("✗ " + text)
        self.status.setStyleSheet(PROBLEM_STYLE)

    def _open(self) -> None:
        if self.result_report is not None:
            self.openReport.emit(str(self.result_report.path))

    def reject(self) -> None:
        """Closing while the job runs cancels it; the dialog closes once the job has stopped."""
        if self.running:
            self._close_when_done = True
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: Any) -> None:
        if self.running:
            self._close_when_done = True
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)

