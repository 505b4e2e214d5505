"""The audit log: every write to the archive, newest first, filterable by entity, entity ID and text (the archive
filters, so a large log is never loaded whole), each entry in full below the table, and Verify: the hash chain is
walked as a job with progress and Cancel, and the result says "intact (N entries)" or names the first broken entry
and selects it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.ui.archive_models import OVERDUE_RED, ROW_ROLE, AuditModel, audit_text, entity_labels
from pia_wizard.ui.dialogs import show_error
from pia_wizard.ui.editors import locale_for
from pia_wizard.ui.records_view import JobBar, plain_label, run_job


class AuditView(QWidget):
    """``AuditView(state)``; ``verify()`` runs the chain check (also the Verify button)."""

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.check: Any = None  # the last AuditCheck
        self.model = AuditModel(state, state.lang, self)
        self.model.loaded.connect(self._loaded)
        self.model.pageLoaded.connect(lambda _: self._show_count())
        self.model.failed.connect(lambda exc: show_error(self, self.tr("Cannot read the audit log"), exc,
                                                         self.state.lang))
        self.entity = QComboBox()
        self.entity_id = QLineEdit()
        self.search = QLineEdit()
        for edit in (self.entity_id, self.search):
            edit.setClearButtonEnabled(True)
            edit.returnPressed.connect(self.apply_filters)
        self.labels = [QLabel(), QLabel(), QLabel()]
        self.apply_button, self.clear_button, self.verify_button = QPushButton(), QPushButton(), QPushButton()
        self.apply_button.clicked.connect(self.apply_filters)
        self.clear_button.clicked.connect(self.clear_filters)
        self.verify_button.clicked.connect(self.verify)
        bar = QHBoxLayout()
        for label, widget in zip(self.labels, (self.entity, self.entity_id, self.search), strict=True):
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget, 1)
        bar.addWidget(self.apply_button)
        bar.addWidget(self.clear_button)
        actions = QHBoxLayout()
        actions.addWidget(self.verify_button)
        self.result = plain_label(selectable=True)
        self.result.setObjectName("audit-result")
        actions.addWidget(self.result, 1)
        self.count = plain_label(wrap=False)
        actions.addWidget(self.count)
        self.job = JobBar()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in zip(range(6), (70, 150, 110, 110, 130, 220), strict=True):
            header.resizeSection(column, width)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setTabChangesFocus(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(self.job)
        layout.addWidget(splitter, 1)
        self._fill_entities()
        self.retranslate()
        state.languageChanged.connect(self._language_changed)
        self.model.reload()

    # --- text ---------------------------------------------------------------------------------------------------
    def _fill_entities(self) -> None:
        current = self.entity.currentData()
        self.entity.blockSignals(True)
        self.entity.clear()
        self.entity.addItem(self.tr("Any"), None)
        for key, label in entity_labels().items():
            self.entity.addItem(label, key)
        self.entity.setCurrentIndex(max(self.entity.findData(current), 0))
        self.entity.blockSignals(False)

    def retranslate(self) -> None:
        for label, text in zip(self.labels, (self.tr("&Entity:"), self.tr("I&D:"), self.tr("&Text:")), strict=True):
            label.setText(text)
        self.entity.setAccessibleName(self.tr("Filter by entity"))
        self.entity_id.setAccessibleName(self.tr("Filter by entity ID (exact)"))
        self.entity_id.setPlaceholderText(self.tr("exact ID"))
        self.search.setAccessibleName(self.tr("Filter by text in the entry"))
        self.search.setPlaceholderText(self.tr("text anywhere in the entry"))
        self.apply_button.setText(self.tr("&Apply filter"))
        self.clear_button.setText(self.tr("&Clear filter"))
        self.verify_button.setText(self.tr("&Verify the chain"))
        self.verify_button.setToolTip(self.tr("Check every entry's hash and link, from the first entry"))
        self.table.setAccessibleName(self.tr("Audit log entries"))
        self.details.setAccessibleName(self.tr("The selected entry in full"))
        self._fill_entities()
        self._show_check()
        self._show_count()
        self._show_details()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_changed(self, lang: str) -> None:
        self.model.set_language(lang)
        self.retranslate()

    def _show_count(self) -> None:
        n = locale_for(self.state.lang).toString(self.model.rowCount())
        more = self.model.has_more
        self.count.setText((self.tr("Entries shown: %1 (more load as you scroll)") if more else
                            self.tr("Entries: %1")).replace("%1", n))

    def _show_details(self) -> None:
        index = self.table.selectionModel().currentIndex()
        entry = self.model.data(index, ROW_ROLE) if index.isValid() else None
        self.details.setPlainText(audit_text(entry, self.state.lang) if entry is not None else "")

    def _show_check(self) -> None:
        c = self.check
        if c is None:
            self.result.setText("")
            self.result.setStyleSheet("")
            return
        loc = locale_for(self.state.lang)
        if c.ok:
            text = self.tr("✓ Intact (%1 entries). Head: entry %2, hash %3. Note the head somewhere else: the "
                           "chain cannot show that its newest entries were cut off.").replace(
                "%1", loc.toString(c.entries)).replace("%2", str(c.head_seq or 0)).replace("%3", c.head_hash or "—")
            self.result.setStyleSheet("color: #1e6b34;")
        else:
            text = self.tr("✗ Broken at entry %1: %2. The %3 entries before it are intact.").replace(
                "%1", str(c.broken_seq)).replace("%2", c.problem or "").replace("%3", loc.toString(c.entries))
            self.result.setStyleSheet(f"color: {OVERDUE_RED}; font-weight: bold;")
        self.result.setText(text)

    # --- data ---------------------------------------------------------------------------------------------------
    def apply_filters(self) -> None:
        self.model.set_filters(self.entity.currentData(), self.entity_id.text().strip(), self.search.text().strip())

    def clear_filters(self) -> None:
        self.entity.setCurrentIndex(0)
        self.entity_id.clear()
        self.search.clear()
        self.apply_filters()

    def refresh(self) -> None:
        self.model.reload()

    def _loaded(self) -> None:
        self._show_count()
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self._show_details()

    def verify(self) -> None:
        from pia_wizard.services import archive

        self.check = None
        self._show_check()
        run_job(self, self.state, self.job, archive.prepare_audit_verify, self._verified, self._verify_failed)

    def _verify_failed(self, exc: BaseException) -> None:
        from pia_wizard.services.errors import Cancelled

        if isinstance(exc, Cancelled):
            self.result.setStyleSheet("")
            self.result.setText(self.tr("Verification cancelled."))
        else:
            show_error(self, self.tr("Cannot verify the audit log"), exc, self.state.lang)

    def _verified(self, check: Any) -> None:
        self.check = check
        self._show_check()
        self.model.set_broken(None if check.ok else check.broken_seq)
        if check.ok or check.broken_seq is None:
            return
        # The broken entry is selected in the unfiltered log, loaded down to it.
        if any((self.entity.currentData(), self.entity_id.text().strip(), self.search.text().strip())):
            self.entity.setCurrentIndex(0)
            self.entity_id.clear()
            self.search.clear()
            self.model.set_filters(None, None, None)
            self.model.loaded.connect(self._select_broken_once)
        else:
            self._select_broken()

    def _select_broken_once(self) -> None:
        self.model.loaded.disconnect(self._select_broken_once)
        self._select_broken()

    def _select_broken(self) -> None:
        seq = self.check.broken_seq if self.check is not None else None
        if seq is None:
            return
        self.model.set_broken(seq)
        self.model.load_down_to(seq, self._broken_loaded)

    def _broken_loaded(self, row: int | None) -> None:
        self._show_count()
        if row is None:
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        self.table.setFocus()
        self._show_details()

