"""Verify a report PDF in the app, as plainly as ``pia-wizard verify`` prints it: per signature the verdict (valid /
modified after signing), who signed, in which role, when, the trust in the certificate, the embedded assessment data
against the hash the signature states; the PDF/A claim; whether the archive holds these exact bytes.

The check (``services.verify``) runs on an executor of this view, not on the database worker (it only reads the
archive, through a read-only connection of its own). Trusting a certificate writes the trust folder and the audit
log, so that goes through ``state.worker``. Every verdict is a word and an icon; colour only repeats it.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.ui.dialogs import error_text, show_error
from pia_wizard.ui.ops import Op
from pia_wizard.ui.state import AppState

# verdict kind -> (standard icon, colour); the word is always in the text beside it
KINDS = {
    "ok": (QStyle.StandardPixmap.SP_DialogApplyButton, "#2e6b30"),
    "bad": (QStyle.StandardPixmap.SP_MessageBoxCritical, "#b3261e"),
    "warn": (QStyle.StandardPixmap.SP_MessageBoxWarning, "#9a5b00"),
    "info": (QStyle.StandardPixmap.SP_MessageBoxInformation, "#35618f"),
}


def _label(text: str, style: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


def grouped(fingerprint: str) -> str:
    """A SHA-256 fingerprint in groups of four, easier to compare aloud."""
    fp = fingerprint.lower()
    return " ".join(fp[i:i + 4] for i in range(0, len(fp), 4))


def local_file(urls: list[QUrl]) -> str | None:
    for url in urls:
        if url.isLocalFile() and url.toLocalFile():
            return url.toLocalFile()
    return None


class Verdict(QWidget):
    """An icon and a word (and the rest of the sentence), coloured as a second signal only."""

    def __init__(self, kind: str, text: str, parent: QWidget | None = None, *, big: bool = False) -> None:
        super().__init__(parent)
        self.kind = kind
        pixmap, colour = KINDS[kind]
        icon = QLabel()
        size = 24 if big else 16
        icon.setPixmap(self.style().standardIcon(pixmap).pixmap(size, size))
        icon.setFixedSize(size + 4, size + 4)
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = _label(text, f"color: {colour};" + (" font-weight: bold; font-size: 13pt;" if big else
                                                        " font-weight: bold;"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        self.setAccessibleName(text)


class Card(QFrame):
    """A titled block of rows: a name on the left, a value (text or a verdict) on the right."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("verify-card")
        self.setStyleSheet("QFrame#verify-card { background: #fcfcfa; }")
        self.layout_ = QVBoxLayout(self)
        self.title = _label(title, "font-weight: bold; font-size: 12pt;")
        self.layout_.addWidget(self.title)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.grid.setHorizontalSpacing(12)
        self.layout_.addLayout(self.grid)
        self.rows: dict[str, QWidget] = {}
        self.setAccessibleName(title)

    def add(self, name: str, value: str | QWidget, key: str = "") -> QWidget:
        row = self.grid.rowCount()
        head = _label(name, "color: #444;")
        head.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        widget = value if isinstance(value, QWidget) else _label(value)
        self.grid.addWidget(head, row, 0, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(widget, row, 1)
        if key:
            self.rows[key] = widget
        return widget


class VerifyView(QWidget):
    """Open a report PDF (button, or drop a file on the view) and see what ``verify`` says about it.

    ``verified(check)`` with the services' ReportCheck; ``failed(message)`` when the file cannot be checked at all
    (one line); ``trusted(fingerprint)`` after a certificate was trusted from a signature row."""

    verified = Signal(object)
    failed = Signal(str)
    trusted = Signal(str)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.path: Path | None = None
        self.check: Any = None
        self.error = ""
        self.busy = False
        self.previews: list[QWidget] = []
        self.trust_buttons: dict[str, QPushButton] = {}  # fingerprint -> button
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pia-verify")
        self._token: Any = None
        self._generation = 0
        self.setAcceptDrops(True)

        self.open_button = QPushButton()
        self.open_button.clicked.connect(lambda: self.ask_open())
        self.open_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        self.again_button = QPushButton()
        self.again_button.clicked.connect(lambda: self.verify(self.path) if self.path else None)
        self.again_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.preview_button = QPushButton()
        self.preview_button.clicked.connect(self.open_preview)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setMaximumWidth(200)
        self.step = _label("")
        top = QHBoxLayout()
        for w in (self.open_button, self.again_button, self.preview_button, self.cancel_button):
            top.addWidget(w)
        top.addWidget(self.bar)
        top.addWidget(self.step, 1)

        self.hint = _label("", "QLabel { border: 2px dashed #999; padding: 24px; color: #444; font-size: 12pt; }")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = _label("", "QLabel { background: #fdecea; border: 1px solid #b3261e; padding: 6px; }")
        self.message.hide()
        self.results = QWidget()
        self.results_layout = QVBoxLayout(self.results)
        self.results_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.results)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.hint, 1)
        layout.addWidget(self.scroll, 1)
        self.scroll.hide()  # until there is a result: the drop hint fills the view
        state.languageChanged.connect(lambda _: self.retranslate())
        self.retranslate()
        self._show_busy(False)

    # --- text ------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Verify a report") + (f" — {self.path.name}" if self.path else ""))
        self.open_button.setText(self.tr("&Open a report PDF…"))
        self.open_button.setToolTip(self.tr("Choose a report PDF to verify (Ctrl+O), or drop one on this window"))
        self.again_button.setText(self.tr("Verify &again"))
        self.preview_button.setText(self.tr("Open in &preview"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.bar.setAccessibleName(self.tr("Verification progress"))
        self.scroll.setAccessibleName(self.tr("Verification result"))
        self.hint.setText(self.tr("Drop a report PDF here, or open one, to check its signatures, its embedded "
                                  "data, its PDF/A claim and whether the archive holds this exact file."))
        if self.check is not None:
            self._show(self.check)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- opening ---------------------------------------------------------------------------------------------
    def ask_open(self) -> None:
        start = str(self.path.parent) if self.path else str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Verify a report PDF"), start,
                                                self.tr("PDF files (*.pdf);;All files (*)"))
        if chosen:
            self.verify(chosen)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and local_file(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls() and local_file(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = local_file(event.mimeData().urls()) if event.mimeData().hasUrls() else None
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.verify(path)  # any file: the services say in one line why it is not a report PDF

    # --- the check -------------------------------------------------------------------------------------------
    def verify(self, path: str | Path) -> None:
        """Check the file at ``path`` off the UI thread; ``verified`` or ``failed`` follows."""
        from pia_wizard.services import trust
        from pia_wizard.services import verify as verify_service
        from pia_wizard.services.jobs import CancelToken

        self.cancel(quiet=True)
        self._generation += 1
        generation = self._generation
        self.path = Path(path)
        self.retranslate()
        token = CancelToken()
        self._token = token
        ctx = self.state.ctx
        self._show_busy(True)
        self.bar.setValue(0)
        op: Op | None = None

        def work() -> Any:
            assert op is not None
            job = verify_service.prepare_verify(ctx, self.path, trust=trust.trust_sources(ctx))
            return job.run(op.emit_progress, token)

        op = Op(self, self._executor, work).progress(lambda p: self._progress(generation, p)).success(
            lambda check: self._done(generation, check)).failure(lambda exc: self._failed(generation, exc))
        op.run()

    def cancel(self, quiet: bool = False) -> None:
        if self._token is not None:
            self._token.cancel()
            self._token = None
            self._generation += 1
            self._show_busy(False)
            if not quiet:
                self.step.setText(self.tr("Cancelled."))

    def _progress(self, generation: int, p: Any) -> None:
        if generation == self._generation:
            self.bar.setValue(round(p.fraction * 100))
            self.step.setText(p.label.get(self.state.lang))

    def _show_busy(self, busy: bool) -> None:
        self.busy = busy
        self.bar.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.open_button.setEnabled(not busy)
        self.again_button.setEnabled(not busy and self.path is not None)
        self.preview_button.setEnabled(not busy and self.check is not None and self.check.result.revisions > 0)
        if not busy:
            self.step.setText("")

    def _done(self, generation: int, check: Any) -> None:
        if generation != self._generation:
            return
        self._token = None
        if check.result.revisions == 0 and not check.result.signatures:  # not a readable PDF at all
            reason = check.result.failed[0] if check.result.failed else ""
            reason = reason.split("not a readable PDF:", 1)[-1].strip()
            self._error(self.tr("%1 cannot be checked: it is not a readable PDF (%2).").replace(
                "%1", str(check.path)).replace("%2", reason))
            return
        self.check = check
        self.error = ""
        self.message.hide()
        self._show(check)
        self._show_busy(False)
        self.verified.emit(check)

    def _failed(self, generation: int, exc: BaseException) -> None:
        from pia_wizard.services.errors import Cancelled

        if generation != self._generation:
            return
        self._token = None
        if isinstance(exc, Cancelled):
            self._show_busy(False)
            self.step.setText(self.tr("Cancelled."))
            return
        self._error(error_text(exc, self.state.lang))

    def _error(self, message: str) -> None:
        self.check = None
        self.error = " ".join(message.split())
        self._clear()
        self.message.setText(self.error)
        self.message.show()
        self.scroll.hide()
        self.hint.show()
        self._show_busy(False)
        self.failed.emit(self.error)

    # --- the result ------------------------------------------------------------------------------------------
    def _clear(self) -> None:
        self.trust_buttons = {}
        while self.results_layout.count() > 1:
            item = self.results_layout.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()

    def _add(self, widget: QWidget) -> None:
        self.results_layout.insertWidget(self.results_layout.count() - 1, widget)

    def _when(self, value: datetime | None) -> str:
        if value is None:
            return self.tr("not stated")
        return value.strftime("%Y-%m-%d %H:%M:%S %Z").strip() + " " + self.tr(
            "(as stated by the signer; no trusted timestamp)")

    def _show(self, check: Any) -> None:
        from pia_wizard.services.verify import hash_match

        self._clear()
        self.hint.hide()
        self.scroll.show()
        r = check.result
        if check.ok:
            head = Verdict("ok", self.tr("Verified: every signature is valid, the embedded data matches what was "
                                         "signed, and the archive holds this exact file."), big=True)
        else:
            reasons = self._reasons(check)
            head = Verdict("bad", self.tr("Not verified: %n problem(s) found.", "", len(reasons)), big=True)
        head.setObjectName("verify-headline")
        self.headline = head
        self._add(head)
        if not check.ok:
            box = Card(self.tr("What is wrong"))
            for reason in self._reasons(check):
                box.add("•", reason)
            self.problems_card = box
            self._add(box)

        file_card = Card(self.tr("File"))
        file_card.add(self.tr("Path"), str(check.path))
        file_card.add(self.tr("SHA-256"), r.sha256)
        file_card.add(self.tr("Size"), self.tr("%1 bytes, %n revision(s)", "", r.revisions).replace(
            "%1", f"{r.size:,}"))
        self._add(file_card)

        total = len(r.signatures)
        if not total:
            none = Card(self.tr("Signatures"))
            none.add(self.tr("Verdict"), Verdict("bad", self.tr("Not signed: the file holds no signature.")))
            self._add(none)
        self.signature_cards: list[Card] = []
        for n, s in enumerate(r.signatures, start=1):
            card = self._signature_card(n, total, s, hash_match(s, r))
            self.signature_cards.append(card)
            self._add(card)

        doc = Card(self.tr("Document"))
        if r.pdfa:
            doc.add(self.tr("PDF/A"), Verdict("ok", self.tr("PDF/A claimed: %1").replace("%1", r.pdfa)), "pdfa")
        else:
            doc.add(self.tr("PDF/A"), Verdict("bad", self.tr("No PDF/A claim in the document's metadata")), "pdfa")
        if r.assessment_name:
            doc.add(self.tr("Embedded data"), Verdict("ok", self.tr("%1 embedded, SHA-256 %2").replace(
                "%1", r.assessment_name).replace("%2", r.assessment_sha256 or "")), "data")
        else:
            doc.add(self.tr("Embedded data"), Verdict("bad", self.tr("No embedded assessment data")), "data")
        if check.trust_files:
            doc.add(self.tr("Trusted certificates"), ", ".join(check.trust_files))
        self._add(doc)
        self._add(self._archive_card(check.archive))
        self._show_busy(False)

    def _reasons(self, check: Any) -> list[str]:
        """The verify command's own reasons (in English, as it prints them), the archive's first in our words."""
        reasons = list(check.result.failed)
        if not check.archive.ok:
            reasons.append(self._archive_verdict(check.archive)[1])
        return reasons

    def _signature_card(self, n: int, total: int, s: Any, matches: bool | None) -> Card:
        from pia_wizard.services.verify import role_of

        role = role_of(s.field_name, s.reason)
        title = self.tr("Signature %1 of %2").replace("%1", str(n)).replace("%2", str(total))
        card = Card(title + (("：" if self.state.lang == "zh" else ": ") + role if role else ""))
        if not s.intact:
            verdict = Verdict("bad", self.tr("Modified after signing: the signed bytes were changed"))
        elif not s.valid:
            verdict = Verdict("bad", self.tr("Invalid: the signature does not verify with its certificate"))
        elif s.modification == "modified":
            verdict = Verdict("bad", self.tr("Modified after signing: the file was changed after this signature"))
        else:
            verdict = Verdict("ok", self.tr("Valid: the signed bytes are unchanged and the signature verifies"))
        card.add(self.tr("Verdict"), verdict, "verdict")
        card.add(self.tr("Signer"), s.signer + (f", {s.organisation}" if s.organisation else ""), "signer")
        card.add(self.tr("Role"), role or self.tr("not stated"), "role")
        card.add(self.tr("Signing time"), self._when(s.signing_time), "time")
        if s.covers_whole_file:
            coverage = self.tr("covers the whole file")
        elif s.modification in ("signatures added", "archival data added"):
            coverage = self.tr("only signatures or archival data were added after it (allowed)")
        elif s.later_revisions:
            coverage = self.tr("changes after it: %1").replace("%1", "; ".join(s.later_revisions))
        else:
            coverage = self.tr("does not cover the whole file")
        card.add(self.tr("Coverage"), coverage, "coverage")

        kind = self.tr("self-signed") if s.self_signed else self.tr("issued by a certificate authority")
        fingerprint = grouped(s.certificate_fingerprint) or self.tr("unknown")
        card.add(self.tr("Certificate"), kind + "\n" + self.tr("SHA-256 fingerprint: %1").replace("%1", fingerprint),
                 "certificate")
        if s.trusted is True:
            trust = Verdict("ok", self.tr("Trusted: a certificate you trust"))
        elif s.trusted is False:
            trust = Verdict("bad", self.tr("Untrusted self-signed: not a certificate you trust") if s.self_signed
                            else self.tr("Untrusted: it does not chain to a certificate you trust"))
        elif s.self_signed:
            trust = Verdict("warn", self.tr("Untrusted self-signed: you trust no certificate yet, so trust is "
                                            "not checked"))
        else:
            trust = Verdict("warn", self.tr("Not checked: you trust no certificate yet"))
        card.add(self.tr("Trust"), trust, "trust")

        if matches is True:
            data = Verdict("ok", self.tr("Matches the embedded assessment data"))
        elif matches is False:
            data = Verdict("bad", self.tr("Does not match the embedded assessment data: the data was changed"))
        elif s.assessment_sha256 is None:
            data = Verdict("bad", self.tr("The signature states no hash of the assessment data"))
        else:
            data = Verdict("bad", self.tr("No embedded assessment data to compare with"))
        card.add(self.tr("Embedded data"), data, "data")
        if s.report_id:
            card.add(self.tr("Report ID"), s.report_id, "report_id")
        for p in s.problems:
            card.add(self.tr("Problem"), p)

        if s.trusted is not True and s.certificate_fingerprint:
            button = QPushButton(self.tr("Trust this certificate…"))
            button.setAccessibleName(self.tr("Trust the certificate of %1").replace("%1", s.signer))
            button.clicked.connect(lambda _=False, sig=s: self.ask_trust(sig))
            row = QHBoxLayout()
            row.addWidget(button)
            row.addStretch(1)
            card.layout_.addLayout(row)
            self.trust_buttons[s.certificate_fingerprint] = button
        return card

    def _archive_verdict(self, a: Any) -> tuple[str, str]:
        from pia_wizard.services import verify as v

        folder = a.data_dir or str(self.state.ctx.data_dir)
        if a.status == v.HELD:
            return "ok", self.tr("In the archive: the archive holds these exact bytes")
        if a.status == v.NOT_HELD:
            return "bad", self.tr("Not in the archive: the archive in %1 does not hold this file").replace(
                "%1", folder)
        if a.status == v.DIFFERENT_BYTES:
            return "bad", self.tr("Not the archived copy: the archive holds this report with different bytes")
        if a.status == v.NO_ARCHIVE:
            return "warn", self.tr("Not in the archive: there is no archive in %1").replace("%1", folder)
        if a.status == v.NOT_CHECKED:
            return "info", self.tr("The archive was not checked")
        return "bad", self.tr("The archive could not be checked: %1").replace("%1", a.message)

    def _state_name(self, state: str | None) -> str:
        names = {"draft": self.tr("draft"), "in_review": self.tr("in review"), "approved": self.tr("approved"),
                 "rejected": self.tr("rejected"), "superseded": self.tr("superseded")}
        return names.get(state or "", state or self.tr("unknown"))

    def _archive_card(self, a: Any) -> Card:
        card = Card(self.tr("Archive"))
        kind, text = self._archive_verdict(a)
        card.add(self.tr("Verdict"), Verdict(kind, text), "verdict")
        for x in a.reports:
            version = (self.tr("assessment %1, version %2 (%3)").replace("%1", x.assessment_id or "").replace(
                "%2", str(x.version)).replace("%3", self._state_name(x.version_state)) if x.assessment_id
                else self.tr("assessment version unknown"))
            lines = [version,
                     self.tr("archived %1 by %2; kept until %3").replace("%1", x.created_at).replace(
                         "%2", x.created_by).replace("%3", x.retain_until),
                     f"SHA-256 {x.sha256}"]
            if x.signers:
                lines.append(self.tr("signed by %1").replace("%1", "; ".join(x.signers)))
            lines.insert(0, self.tr("%1 (archive #%2)").replace("%1", x.report_id).replace("%2", str(x.id)))
            card.add(self.tr("Archived report"), "\n".join(lines))
        self.archive_card = card
        return card

    # --- trust -----------------------------------------------------------------------------------------------
    def confirm_trust(self, sig: Any) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Trust this certificate?"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("Trust the certificate of %1?").replace("%1", sig.signer))
        groups = grouped(sig.certificate_fingerprint).split()
        fingerprint = " ".join(groups[:8]) + "\n" + " ".join(groups[8:])  # two lines of eight, read aloud
        lines = [self.tr("Subject: %1").replace("%1", sig.subject),
                 self.tr("SHA-256 fingerprint: %1").replace("%1", "\n" + fingerprint),
                 "",
                 self.tr("Compare this fingerprint with the one the signer gives you in person or by phone. Once "
                         "trusted, every report this certificate signs is shown as trusted.")]
        if sig.self_signed:
            lines.insert(1, self.tr("The certificate is self-signed: nobody but its holder vouches for it."))
        box.setInformativeText("\n".join(lines))
        box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 460px; }")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == int(QMessageBox.StandardButton.Yes)

    def ask_trust(self, sig: Any) -> None:
        if self.path is None or not self.confirm_trust(sig):
            return
        self.trust(sig.certificate_fingerprint)

    def trust(self, fingerprint: str) -> Op | None:
        """Trust the certificate with ``fingerprint`` from the file shown, then verify it again."""
        from pia_wizard.services import trust

        if self.path is None:
            return None
        path, ctx = self.path, self.state.ctx

        def done(info: Any) -> None:
            self.trusted.emit(info.fingerprint)
            self.verify(path)

        return Op(self, self.state.worker, lambda: trust.trust_signer(ctx, path, fingerprint)).success(done).failure(
            lambda exc: show_error(self, self.tr("Cannot trust the certificate"), exc, self.state.lang)).run()

    # --- preview ---------------------------------------------------------------------------------------------
    def open_preview(self) -> QWidget | None:
        """The verified file in the in-app preview (a window of its own)."""
        from pia_wizard.ui.pdf_preview import PdfPreview

        if self.path is None:
            return None
        preview = PdfPreview(self.state, self)
        preview.setWindowFlag(Qt.WindowType.Window)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.destroyed.connect(lambda *_: self.previews.remove(preview) if preview in self.previews else None)
        preview.resize(1100, 760)
        self.previews.append(preview)
        preview.open_path(self.path)
        preview.show()
        return preview

    def shutdown(self) -> None:
        self.cancel(quiet=True)
        self._executor.shutdown(wait=False, cancel_futures=True)

    def closeEvent(self, event: Any) -> None:
        self.cancel(quiet=True)
        super().closeEvent(event)
