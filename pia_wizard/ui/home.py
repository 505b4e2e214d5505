"""The home window: every assessment in the archive, and what can be done with one."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.ui.dialogs import NewAssessmentDialog, NewVersionDialog, show_error
from pia_wizard.ui.models import SORT_ROLE, AssessmentListModel
from pia_wizard.ui.ops import Op
from pia_wizard.ui.state import AppState


class _Services:
    """``services.assessments``, imported on first use: it loads the core (the bank, the rules), which the window
    does not need before it is painted."""

    def __getattr__(self, name: str) -> Any:
        from pia_wizard.services import assessments as module

        return getattr(module, name)


assessments = _Services()

EXAMPLES = ("hotel-checkin", "residential-gate", "school-canteen", "factory-attendance")


class HomeWindow(QMainWindow):
    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state
        self.workspaces: dict[str, QMainWindow] = {}
        self._warmed = False
        self.model = AssessmentListModel(state.lang, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)

        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.status = QLabel()

        from pia_wizard.ui.reminders import RemindersPanel

        self.reminders = RemindersPanel(state)
        self.reminders.activated.connect(self.follow_reminder)
        self.reminders.setMaximumHeight(140)
        self.views: dict[str, QWidget] = {}  # the archive's windows, one of each (versions: one per assessment)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.reminders)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self.setCentralWidget(central)
        self.statusBar().addWidget(self.status, 1)

        self._make_actions()
        self.retranslate()
        self.resize(1100, 640)
        state.languageChanged.connect(self._language_changed)
        self.refresh()

    # --- actions ---------------------------------------------------------------------------------------------
    def _make_actions(self) -> None:
        def action(slot: Callable[[], Any], shortcut: QKeySequence | str | None = None) -> QAction:
            a = QAction(self)
            a.triggered.connect(slot)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
            return a

        self.act_new = action(self.new_blank, QKeySequence.StandardKey.New)
        self.example_menu = QMenu(self)
        self.example_actions = {}
        for name in EXAMPLES:
            a = QAction(self)
            a.triggered.connect(lambda _=False, n=name: self.new_from_example(n))
            self.example_menu.addAction(a)
            self.example_actions[name] = a
        self.act_example = QAction(self)
        self.act_example.setMenu(self.example_menu)
        self.act_open = action(self.open_selected, QKeySequence.StandardKey.Open)
        self.act_version = action(self.new_version)
        self.act_import = action(self.ask_import_json, "Ctrl+I")
        self.act_import_pdf = action(self.ask_import_pdf)
        self.act_export = action(self.export_selected, "Ctrl+E")
        self.act_delete = action(self.delete_selected, QKeySequence.StandardKey.Delete)
        self.act_refresh = action(self.refresh, QKeySequence.StandardKey.Refresh)
        self.act_settings = action(self.open_settings, QKeySequence.StandardKey.Preferences)
        self.act_language = action(self.toggle_language, "Ctrl+L")
        self.act_filter = action(lambda: self.filter.setFocus(), QKeySequence.StandardKey.Find)
        self.act_quit = action(self.close, QKeySequence.StandardKey.Quit)
        self.act_versions = action(self.show_versions, "Ctrl+Shift+V")
        self.act_reports = action(lambda: self.show_view("reports"), "Ctrl+Shift+R")
        self.act_verify = action(lambda: self.show_view("verify"), "Ctrl+Shift+Y")
        self.act_keys = action(self.show_keys, "Ctrl+Shift+K")
        self.act_records = action(lambda: self.show_view("records"), "Ctrl+Shift+P")
        self.act_filing = action(lambda: self.show_view("filing"), "Ctrl+Shift+F")
        self.act_audit = action(lambda: self.show_view("audit"), "Ctrl+Shift+A")

        bar = self.menuBar()
        self.menu_assessment = bar.addMenu("")
        for a in (self.act_new, self.act_example, self.act_open, self.act_version, self.act_versions):
            self.menu_assessment.addAction(a)
        self.menu_assessment.addSeparator()
        for a in (self.act_import, self.act_import_pdf, self.act_export, self.act_delete):
            self.menu_assessment.addAction(a)
        self.menu_assessment.addSeparator()
        self.menu_assessment.addAction(self.act_quit)
        self.menu_reports = bar.addMenu("")
        for a in (self.act_reports, self.act_verify, self.act_keys):
            self.menu_reports.addAction(a)
        self.menu_records = bar.addMenu("")
        for a in (self.act_records, self.act_filing, self.act_audit):
            self.menu_records.addAction(a)
        self.menu_settings = bar.addMenu("")
        for a in (self.act_settings, self.act_language):
            self.menu_settings.addAction(a)

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("home-toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        for a in (self.act_new, self.act_example, self.act_open, self.act_version, self.act_versions,
                  self.act_import, self.act_export, self.act_delete):
            self.toolbar.addAction(a)
        self.toolbar.addSeparator()
        for a in (self.act_reports, self.act_verify, self.act_records, self.act_filing):
            self.toolbar.addAction(a)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_language)
        for a in (self.act_refresh, self.act_filter):
            self.addAction(a)
        button = self.toolbar.widgetForAction(self.act_example)
        if button is not None:
            from PySide6.QtWidgets import QToolButton

            if isinstance(button, QToolButton):
                button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

    def retranslate(self) -> None:
        zh = self.state.lang == "zh"
        self.setWindowTitle(self.tr("pia-wizard: personal information protection impact assessments"))
        self.act_new.setText(self.tr("&New"))
        self.act_new.setToolTip(self.tr("New blank assessment (Ctrl+N)"))
        self.act_example.setText(self.tr("New from e&xample"))
        examples = {"hotel-checkin": self.tr("Hotel self check-in kiosk"),
                    "residential-gate": self.tr("Residential community gate"),
                    "school-canteen": self.tr("School canteen payment"),
                    "factory-attendance": self.tr("Factory attendance")}
        for name, a in self.example_actions.items():
            a.setText(examples[name])
        self.act_open.setText(self.tr("&Open"))
        self.act_version.setText(self.tr("New &version…"))
        self.act_import.setText(self.tr("&Import JSON…"))
        self.act_import_pdf.setText(self.tr("Import &report PDF…"))
        self.act_export.setText(self.tr("&Export JSON…"))
        self.act_delete.setText(self.tr("&Delete draft"))
        self.act_settings.setText(self.tr("&Settings…"))
        self.act_versions.setText(self.tr("Versions and &comparison…"))
        self.act_versions.setToolTip(self.tr("The versions of the selected assessment, and what changed between two"))
        self.act_reports.setText(self.tr("Archived &reports…"))
        self.act_verify.setText(self.tr("&Verify a report…"))
        self.act_verify.setToolTip(self.tr("Check the signatures and the embedded data of any report PDF"))
        self.act_keys.setText(self.tr("Signing &keys…"))
        self.act_records.setText(self.tr("&Processing records…"))
        self.act_filing.setText(self.tr("&Filing tracker…"))
        self.act_audit.setText(self.tr("&Audit log…"))
        self.act_quit.setText(self.tr("&Quit"))
        self.menu_assessment.setTitle(self.tr("&Assessment"))
        self.menu_reports.setTitle(self.tr("&Reports"))
        self.menu_records.setTitle(self.tr("Re&cords"))
        self.menu_settings.setTitle(self.tr("&Settings"))
        for key, view in self.views.items():
            view.setWindowTitle(self._view_title(key))
        self.act_language.setText("English" if zh else "中文")
        self.act_language.setToolTip(self.tr("Switch the language (Ctrl+L)"))
        self.filter.setPlaceholderText(self.tr("Filter by system, processor, state… (Ctrl+F)"))
        self.filter.setAccessibleName(self.tr("Filter assessments"))
        self.table.setAccessibleName(self.tr("Assessments in the archive"))
        self.empty.setText(self.tr("No assessment yet. Start a new one, start from an example, or import a file."))
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_changed(self, lang: str) -> None:
        self.model.set_language(lang)
        self.retranslate()

    def _show_count(self) -> None:
        n = self.model.rowCount()
        self.status.setText(self.tr("%n assessment(s) · data folder: %1", "", n).replace(
            "%1", str(self.state.ctx.data_dir)))
        self.empty.setVisible(n == 0)

    def _enable(self) -> None:
        row = self.selected()
        for a in (self.act_open, self.act_export, self.act_version, self.act_delete, self.act_versions):
            a.setEnabled(row is not None)
        if row is not None:
            self.act_delete.setEnabled(row.state == "draft")
            self.act_version.setEnabled(row.state == "approved")

    # --- data ------------------------------------------------------------------------------------------------
    def run(self, fn: Callable[..., Any], done: Callable[[Any], None], title: str, *args: Any) -> Op:
        return Op(self, self.state.worker, fn).success(done).failure(
            lambda exc: show_error(self, title, exc, self.state.lang)).run(*args)

    def refresh(self) -> None:
        self.run(lambda ctx: assessments.list_assessments(ctx), self._loaded, self.tr("Cannot read the archive"),
                 self.state.ctx)
        if not self._warmed:
            # The question bank for the first workspace, loaded on the worker while the DPO reads the list.
            self._warmed = True
            Op(self, self.state.worker, _warm_up).run()

    def _loaded(self, rows: list) -> None:
        self.reminders.refresh()  # a save or a new version may change what is due
        selected = self.selected()
        self.model.set_rows(rows)
        self._show_count()
        if selected is not None:
            self.select(selected.assessment_id)
        self._enable()
        # every column to its contents but the last, which keeps stretching to the window's edge (resizing it too
        # would leave it narrow after the first refresh)
        for column in range(self.proxy.columnCount() - 1):
            self.table.resizeColumnToContents(column)

    def selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        source = self.proxy.mapToSource(rows[0])
        return self.model.rows[source.row()]

    def select(self, assessment_id: str) -> None:
        for r, row in enumerate(self.model.rows):
            if row.assessment_id == assessment_id:
                index = self.proxy.mapFromSource(self.model.index(r, 0))
                self.table.selectRow(index.row())
                return

    # --- commands ----------------------------------------------------------------------------------------------
    def new_blank(self) -> None:
        dialog = NewAssessmentDialog(self, self.state.settings.assessor_name)
        if dialog.exec() != NewAssessmentDialog.DialogCode.Accepted:
            return
        from pia_wizard.core.assessment import Assessment
        from pia_wizard.core.bank import default_bank

        a = Assessment(processor={"name": dialog.processor.text().strip()},
                       system={"name": dialog.system.text().strip()}, bank_version=default_bank().version,
                       title=dialog.title_edit.text().strip(), language=self.state.lang,
                       assessor={"name": dialog.assessor.text().strip()} if dialog.assessor.text().strip() else {})
        self.run(assessments.save_draft, lambda info: self._created(a.id), self.tr("Cannot create the assessment"),
                 self.state.ctx, a)

    def new_from_example(self, name: str) -> None:
        def make(ctx: Any) -> str:
            a = assessments.read_assessment(assessments.example_path(name))
            a.id = str(uuid.uuid4())
            assessments.save_draft(ctx, a)
            return a.id

        self.run(make, self._created, self.tr("Cannot create the assessment"), self.state.ctx)

    def _created(self, assessment_id: str) -> None:
        self.refresh()
        self.open_assessment(assessment_id)

    def open_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.open_assessment(row.assessment_id)

    def open_assessment(self, assessment_id: str) -> None:
        window = self.workspaces.get(assessment_id)
        if window is not None and window.isVisible():
            window.raise_()
            window.activateWindow()
            return
        from pia_wizard.ui.workspace import WorkspaceWindow

        window = WorkspaceWindow(self.state, assessment_id)
        window.closed.connect(lambda: (self.workspaces.pop(assessment_id, None), self.refresh()))
        window.saved.connect(self.refresh)
        window.newVersionRequested.connect(self.new_version_of)
        window.openReport.connect(self.preview_file)
        self.workspaces[assessment_id] = window
        window.show()

    def ask_import_json(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import an assessment file"), "",
                                              self.tr("Assessment files (*.json);;All files (*)"))
        if path:
            self.import_json(path)

    def import_json(self, path: str) -> None:
        self.run(assessments.save_file, lambda result: self._created(result[0].id),
                 self.tr("Cannot import the file"), self.state.ctx, path)

    def ask_import_pdf(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import the assessment inside a report"), "",
                                              self.tr("Report PDF (*.pdf);;All files (*)"))
        if not path:
            return

        def restore(ctx: Any, pdf: str) -> str:
            from pia_wizard.services import report

            a = report.import_report(ctx, pdf)
            if assessments.exists(ctx, a.id):
                a.id = str(uuid.uuid4())  # a copy beside the archived original, never over it
            assessments.save_draft(ctx, a)
            return a.id

        self.run(restore, self._created, self.tr("Cannot import the report"), self.state.ctx, path)

    def export_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the assessment"),
                                              f"{row.system or 'assessment'}.json",
                                              self.tr("Assessment files (*.json)"))
        if not path:
            return

        def export(ctx: Any, assessment_id: str, out: str) -> str:
            _, a = assessments.load_version(ctx, assessment_id)
            assessments.export_json(ctx, a, out, overwrite=True)
            return out

        self.run(export, lambda out: self.status.setText(self.tr("Exported to %1").replace("%1", out)),
                 self.tr("Cannot export"), self.state.ctx, row.assessment_id, path)

    def new_version(self) -> None:
        row = self.selected()
        if row is not None:
            self.new_version_of(row.assessment_id)

    def new_version_of(self, assessment_id: str) -> None:
        """The next draft of an approved assessment, with the reason recorded; a window showing the approved
        version is closed first and the new draft opens in its place."""
        dialog = NewVersionDialog(assessments.version_reasons(), self.state.lang, self)
        if dialog.exec() != NewVersionDialog.DialogCode.Accepted:
            return
        window = self.workspaces.pop(assessment_id, None)
        if window is not None:
            window.close()
        self.run(assessments.new_version, lambda info: self._created(assessment_id),
                 self.tr("Cannot start a new version"), self.state.ctx, assessment_id,
                 dialog.reason.currentData(), dialog.note.text().strip())

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        if row.state != "draft":
            QMessageBox.information(self, self.tr("Cannot delete"), self.tr(
                "Only a draft can be deleted. Submitted and approved versions are records the law requires you to "
                "keep for at least three years (Measures Art. 9, PIPL Art. 56)."))
            return
        answer = QMessageBox.question(self, self.tr("Delete draft"), self.tr(
            "Delete the draft “%1”? Its answers cannot be recovered.").replace("%1", row.system or row.title))
        if answer != QMessageBox.StandardButton.Yes:
            return
        window = self.workspaces.pop(row.assessment_id, None)
        if window is not None:
            window.close()
        self.run(assessments.delete_draft, lambda _: self.refresh(), self.tr("Cannot delete the draft"),
                 self.state.ctx, row.assessment_id)

    # --- the archive's views ------------------------------------------------------------------------------------
    def _view_title(self, key: str) -> str:
        kind, _, assessment_id = key.partition(":")
        titles = {"reports": self.tr("Archived reports"), "verify": self.tr("Verify a report"),
                  "records": self.tr("Processing records"), "filing": self.tr("Filing tracker (Measures Art. 15)"),
                  "audit": self.tr("Audit log")}
        if kind == "versions":
            row = next((r for r in self.model.rows if r.assessment_id == assessment_id), None)
            return self.tr("Versions: %1").replace("%1", (row.system or row.title) if row else assessment_id)
        return titles[kind]

    def _make_view(self, key: str) -> QWidget:
        kind, _, assessment_id = key.partition(":")
        if kind == "reports":
            from pia_wizard.ui.reports_view import ReportsView

            view: QWidget = ReportsView(self.state)
            view.openReport.connect(self.preview_archived)
        elif kind == "verify":
            from pia_wizard.ui.verify_view import VerifyView

            view = VerifyView(self.state)
        elif kind == "records":
            from pia_wizard.ui.records_view import RecordsView

            view = RecordsView(self.state)
        elif kind == "filing":
            from pia_wizard.ui.filing_tracker import FilingTracker

            view = FilingTracker(self.state)
        elif kind == "audit":
            from pia_wizard.ui.audit_view import AuditView

            view = AuditView(self.state)
        else:
            from pia_wizard.ui.versions_view import VersionsView

            view = VersionsView(self.state, assessment_id)
            view.newVersionRequested.connect(lambda: self.new_version_of(assessment_id))
        view.setParent(self, Qt.WindowType.Window)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.destroyed.connect(lambda *_: self.views.pop(key, None))
        view.resize(1100, 700)
        return view

    def show_view(self, key: str) -> QWidget:
        """One window per view (versions: per assessment), raised if already open."""
        view = self.views.get(key)
        if view is None:
            view = self.views[key] = self._make_view(key)
        view.setWindowTitle(self._view_title(key))
        view.show()
        view.raise_()
        view.activateWindow()
        return view

    def show_versions(self) -> None:
        row = self.selected()
        if row is not None:
            self.show_view(f"versions:{row.assessment_id}")

    def show_keys(self) -> None:
        from pia_wizard.ui.keys_dialog import KeysDialog

        KeysDialog(self.state, self).exec()

    def follow_reminder(self, reminder: Any) -> None:
        """A reminder leads to what it is about: the assessment, the processor's filing, or the report."""
        if reminder.target_kind == "assessment":
            self.open_assessment(reminder.target)
        elif reminder.target_kind == "processor":
            tracker = self.show_view("filing")
            tracker.show_processor(reminder.target)  # type: ignore[attr-defined]
        elif reminder.target_kind == "report":
            self.show_view("reports")

    # --- reports -----------------------------------------------------------------------------------------------
    def _preview_window(self) -> Any:
        from pia_wizard.ui.pdf_preview import PdfPreview

        window = PdfPreview(self.state, self)
        window.setWindowFlag(Qt.WindowType.Window)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.resize(1000, 760)
        window.loadFailed.connect(lambda text: QMessageBox.warning(self, self.tr("Cannot show the report"), text))
        return window

    def preview_file(self, path: str) -> None:
        """A report PDF from a file, in a preview window of its own."""
        window = self._preview_window()
        if window.open_path(path):
            window.show()

    def preview_archived(self, archive_id: int) -> None:
        """An archived report's exact bytes, read on the worker, in a preview window."""
        def read(ctx: Any, pk: int) -> tuple[bytes, str]:
            from pia_wizard.services import archive

            return archive.report_pdf(ctx, pk), archive.get_report(ctx, pk).report_id

        def show(result: tuple[bytes, str]) -> None:
            window = self._preview_window()
            if window.open_bytes(result[0], result[1]):
                window.show()

        self.run(read, show, self.tr("Cannot read the report"), self.state.ctx, archive_id)

    def open_settings(self) -> None:
        from pia_wizard.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.state, self)
        dialog.exec()

    def toggle_language(self) -> None:
        self.state.with_language("en" if self.state.lang == "zh" else "zh")

    def closeEvent(self, event: Any) -> None:
        for window in list(self.workspaces.values()):
            window.close()
        for view in list(self.views.values()):
            view.close()
        super().closeEvent(event)


def _warm_up() -> None:
    """What the first workspace needs, loaded on the worker while the DPO reads the list: the question bank, the
    rules, and the modules of the workspace's own views (importing is not a widget operation; the widgets are made
    on the UI thread)."""
    import importlib

    from pia_wizard.core.bank import default_bank
    from pia_wizard.core.rules import load_all

    default_bank()
    load_all()
    for module in ("pia_wizard.services.drafts", "pia_wizard.ui.editors", "pia_wizard.ui.findings_panel",
                   "pia_wizard.ui.workspace", "pia_wizard.ui.risk_view", "pia_wizard.ui.filing_view"):
        importlib.import_module(module)
