"""The archived reports: each with the assessment and version it was issued from, its language, when it was archived,
until when it is kept and who signed it. Open one in the preview (``openReport``), save a copy (never into the data
folder), keep one longer (never earlier than the legal minimum: the archive refuses, and its words are shown), and
purge what is past its retention after a confirmation that lists what would go (the archive audits both)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.core.bank import Text
from pia_wizard.ui.archive_models import ROW_ROLE, ReportsModel, iso_day, signer_line
from pia_wizard.ui.dialogs import show_error
from pia_wizard.ui.editors import locale_for
from pia_wizard.ui.filing_tracker import ActionDialog
from pia_wizard.ui.models import SORT_ROLE, local_datetime
from pia_wizard.ui.ops import Op
from pia_wizard.ui.records_view import plain_label

ROLES = {"assessor": Text("评估人", "assessor"), "dpo": Text("个人信息保护负责人", "DPO")}


class PurgeDialog(QDialog):
    """What a purge would delete, listed, with Delete permanently / Cancel (Cancel is the default)."""

    def __init__(self, plan: Any, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Purge what is past its retention"))
        self.intro = plain_label(self.tr(
            "These are past their retain-until date. Deleting them cannot be undone; the purge is recorded in the "
            "audit log and the freed space is overwritten."))
        lines = [self.tr("Report %1, kept until %2").replace("%1", r.report_id).replace("%2", iso_day(
            r.retain_until, lang)) for r in plan.reports]
        if plan.record_ids:
            lines.append(self.tr("Processing records: %1").replace(
                "%1", locale_for(lang).toString(len(plan.record_ids))))
        self.items = QPlainTextEdit("\n".join(lines))
        self.items.setReadOnly(True)
        self.items.setAccessibleName(self.tr("What would be deleted"))
        self.buttons = QDialogButtonBox()
        self.delete_button = self.buttons.addButton(self.tr("&Delete permanently"),
                                                    QDialogButtonBox.ButtonRole.DestructiveRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.delete_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        self.delete_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 360)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.cancel_button.setFocus()  # Enter cancels: deleting takes a deliberate click or Alt+D


class ReportsView(QWidget):
    """``ReportsView(state)``. ``openReport(archive_id)`` asks for the archived PDF in the preview."""

    openReport = Signal(int)

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.model = ReportsModel(state.lang, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.open_button, self.save_button = QPushButton(), QPushButton()
        self.retain_button, self.purge_button = QPushButton(), QPushButton()
        self.open_button.clicked.connect(self.open_selected)
        self.save_button.clicked.connect(self.ask_save)
        self.retain_button.clicked.connect(self.keep_longer)
        self.purge_button.clicked.connect(self.purge_expired)
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        for b in (self.open_button, self.save_button, self.retain_button, self.purge_button):
            bar.addWidget(b)
        self.status = plain_label(selectable=True)
        self.status.hide()
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ReportsModel.COLUMNS.index("created"), Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setTabChangesFocus(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        self.retranslate()
        state.languageChanged.connect(self._language_changed)
        self.refresh()

    # --- text ---------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter by report ID, assessment, signer…"))
        self.filter.setAccessibleName(self.tr("Filter reports"))
        self.open_button.setText(self.tr("&Open in the preview"))
        self.save_button.setText(self.tr("&Save a copy…"))
        self.retain_button.setText(self.tr("&Keep longer…"))
        self.purge_button.setText(self.tr("&Purge expired…"))
        self.purge_button.setToolTip(self.tr("Lists what is past its retain-until date and asks before deleting"))
        self.table.setAccessibleName(self.tr("Archived reports"))
        self.details.setAccessibleName(self.tr("The selected report's details and signatures"))
        self._selection_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_changed(self, lang: str) -> None:
        self.model.set_language(lang)
        self.retranslate()

    # --- data ---------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        from pia_wizard.services import archive

        Op(self, self.state.worker, archive.list_report_listings).success(self._loaded).failure(
            lambda exc: show_error(self, self.tr("Cannot read the archived reports"), exc, self.state.lang)).run(
            self.state.ctx)

    def _loaded(self, rows: list) -> None:
        selected = self.selected()
        self.model.set_rows(rows, self.state.ctx.today())
        if selected is not None:
            self.select(selected.report.id)
        elif rows:
            self.table.selectRow(0)
        for c in range(self.model.columnCount() - 1):  # the last column stretches
            self.table.resizeColumnToContents(c)
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), 320))
        if not rows:
            self._say(self.tr("No report is archived yet: a report is archived when it is signed."))
        self._selection_changed()

    def selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.data(rows[0], ROW_ROLE) if rows else None

    def select(self, archive_id: int) -> None:
        for r, row in enumerate(self.model.rows):
            if row.report.id == archive_id:
                self.table.selectRow(self.proxy.mapFromSource(self.model.index(r, 0)).row())
                return

    def _selection_changed(self) -> None:
        row = self.selected()
        for b in (self.open_button, self.save_button, self.retain_button):
            b.setEnabled(row is not None)
        if row is None:
            self.details.setPlainText("")
            return
        r, lang = row.report, self.state.lang
        sep = "：" if lang == "zh" else ": "
        lines = [
            self.tr("Report ID") + sep + r.report_id,
            self.tr("Assessment") + sep + f"{row.system or row.title} (v{row.version}) — {row.assessment_id}",
            self.tr("Archived") + sep + local_datetime(r.created_at, lang) + f" ({r.created_by})",
            self.tr("Kept until") + sep + iso_day(r.retain_until, lang),
            self.tr("Size") + sep + locale_for(lang).toString(r.size) + " " + self.tr("bytes"),
            "SHA-256" + sep + r.sha256,
            self.tr("Signatures") + sep + (signer_line(row) if r.signatures else self.tr("none (not signed)")),
        ]
        for s in r.signatures:
            role = ROLES[s.role].get(lang) if s.role in ROLES else s.role
            kind = self.tr("self-signed") if s.self_signed else self.tr("CA-issued")
            lines.append(f"  {s.position}. {s.signer} ({role}, {s.organisation}) {s.signed_at}")
            lines.append("     " + self.tr("certificate %1, %2").replace("%1", s.cert_fingerprint).replace("%2", kind))
        self.details.setPlainText("\n".join(lines))

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    # --- commands ---------------------------------------------------------------------------------------------
    def open_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.openReport.emit(row.report.id)

    def ask_save(self) -> None:
        row = self.selected()
        if row is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy of the report"), f"{row.report.report_id}.pdf",
                                              self.tr("PDF (*.pdf)"))
        if path:
            self.save_copy(path)

    def save_copy(self, path: str) -> None:
        from pia_wizard.services import archive

        row = self.selected()
        if row is None:
            return
        Op(self, self.state.worker, archive.extract_report).success(
            lambda out: self._say(self.tr("Saved a copy to %1").replace("%1", str(out)))).failure(
            lambda exc: show_error(self, self.tr("Cannot save the copy"), exc, self.state.lang)).run(
            self.state.ctx, row.report.id, path)

    def keep_longer(self) -> ActionDialog | None:
        from pia_wizard.services import archive

        row = self.selected()
        if row is None:
            return None
        aid = row.report.id
        d = ActionDialog(self.state, self.tr("Keep the report longer"),
                         lambda ctx, v: archive.retain_report(ctx, aid, v["until"] or ""), self)
        d.date("until", self.tr("Keep &until:"), row.report.retain_until)
        d.error.setText(self.tr("Now kept until %1. The date can only move later: at least three years after the "
                                "report (PIPL Art. 56).").replace("%1", iso_day(row.report.retain_until,
                                                                               self.state.lang)))
        d.error.setStyleSheet("")
        d.error.show()
        d.done.connect(lambda r: (self._say(self.tr("Report %1 is now kept until %2.").replace(
            "%1", r.report_id).replace("%2", iso_day(r.retain_until, self.state.lang))), self.refresh()))
        d.open()
        return d

    def purge_expired(self) -> None:
        from pia_wizard.services import archive

        Op(self, self.state.worker, archive.purge_plan).success(self._plan).failure(
            lambda exc: show_error(self, self.tr("Cannot purge"), exc, self.state.lang)).run(self.state.ctx)

    def _plan(self, plan: Any) -> None:
        from pia_wizard.services import archive

        if plan.empty:
            self._say(self.tr("Nothing to purge: no report or record is past its retain-until date."))
            return
        dialog = PurgeDialog(plan, self.state.lang, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self._say(self.tr("Purge cancelled: nothing was deleted."))
            return
        Op(self, self.state.worker, archive.purge).success(self._purged).failure(
            lambda exc: show_error(self, self.tr("Cannot purge"), exc, self.state.lang)).run(self.state.ctx, plan)

    def _purged(self, result: Any) -> None:
        self._say(self.tr("Purged. Reports: %1; processing records: %2 (recorded in the audit log).")
                            .replace("%1", str(result.reports)).replace("%2", str(result.records)))
        self.refresh()
