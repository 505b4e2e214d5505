"""The register of processing records (处理情况记录): a paged table with filters, a record's fields in full, adding
one record (a form generated from the record's fields, the archive's refusals beside the fields), importing a CSV
or JSON file (a job with progress and Cancel; a refused import lists every bad row) and exporting (CSV or JSON, never
into the data folder)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.services.archive import RECORD_FIELDS, Record, RecordFilters
from pia_wizard.ui.archive_models import (
    ROW_ROLE,
    ImportProblemsModel,
    RecordsModel,
    record_header,
    split_problem,
)
from pia_wizard.ui.dialogs import error_text, show_error
from pia_wizard.ui.editors import _DateEdit as DateEdit
from pia_wizard.ui.editors import locale_for
from pia_wizard.ui.ops import Op

ERROR_STYLE = "color: #a61b1b;"
MAX_INPUT = 1_000_000  # far above the archive's limit: an over-long value is refused with a message, never cut
# The archive joins a record's problems with "; ", and a message may hold "; " itself: split before a field name only.
PROBLEM_SPLIT = re.compile("; (?=(?:" + "|".join((*(f.name for f in RECORD_FIELDS), "retain_until")) + "): )")


def plain_label(text: str = "", *, wrap: bool = True, selectable: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def error_label() -> QLabel:
    label = plain_label()
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


# --- jobs with progress --------------------------------------------------------------------------------------------

class JobBar(QWidget):
    """What a running job shows: its label, a progress bar (steps and fraction) and Cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = plain_label(wrap=False)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.cancel_button = QPushButton()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self.token: Any = None
        self.cancel_button.clicked.connect(self.cancel)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the running job"))
        self.bar.setAccessibleName(self.tr("Progress"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def cancel(self) -> None:
        if self.token is not None:
            self.token.cancel()
            self.cancel_button.setEnabled(False)

    def running(self) -> bool:
        return self.token is not None


def run_job(owner: QObject, state: Any, bar: JobBar, make: Callable[[Any], Any], done: Callable[[Any], None],
            failed: Callable[[BaseException], None]) -> Op | None:
    """Run the services job ``make(ctx)`` returns on the worker, its progress on ``bar``, Cancel on the bar."""
    from pia_wizard.services.jobs import CancelToken

    if bar.running():
        return None
    token = CancelToken()
    bar.token = token
    bar.bar.setValue(0)
    bar.label.setText("")
    bar.cancel_button.setEnabled(True)
    bar.show()
    op: Op

    def work(ctx: Any) -> Any:
        job = make(ctx)
        return job.run(op.emit_progress, token)

    def progress(p: Any) -> None:
        bar.bar.setValue(int(p.fraction * 1000))
        text = p.label.get(state.lang)
        if p.done is not None:
            text += f" ({locale_for(state.lang).toString(p.done)}"
            text += f" / {locale_for(state.lang).toString(p.total)})" if p.total else ")"
        bar.label.setText(text)

    def end() -> None:
        bar.token = None
        bar.hide()

    op = Op(owner, state.worker, work).progress(progress).success(lambda r: (end(), done(r))).failure(
        lambda exc: (end(), failed(exc)))
    return op.run(state.ctx)


# --- adding a record ---------------------------------------------------------------------------------------------

class RecordDialog(QDialog):
    """A new processing record: one input per field of the register (RECORD_FIELDS), required ones marked, and
    what the archive refuses shown beside the field it concerns."""

    added = Signal(object)  # the Record as stored

    def __init__(self, state: Any, assessments: list[tuple[str, str]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.inputs: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for f in (*RECORD_FIELDS, None):
            name = f.name if f is not None else "retain_until"
            kind = f.kind if f is not None else "date"
            widget: QWidget
            if kind == "date":
                widget = DateEdit()
                widget.use_locale(locale_for(state.lang))
                if name == "record_date":
                    widget.show_iso(state.ctx.today().isoformat())
            elif kind == "ref":
                widget = QComboBox()
                widget.addItem("", None)
                for aid, label in assessments or []:
                    widget.addItem(label, aid)
            else:
                widget = QLineEdit()
                widget.setMaxLength(MAX_INPUT)
            label = QLabel()
            label.setBuddy(widget)
            error = error_label()
            error.setObjectName(f"error-{name}")
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(1)
            column.addWidget(widget)
            column.addWidget(error)
            form.addRow(label, box)
            self.inputs[name], self.labels[name], self.errors[name] = widget, label, error
        self.general = error_label()
        self.required_note = plain_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.addWidget(self.required_note)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New processing record"))
        required = {f.name for f in RECORD_FIELDS if f.required}
        for name, label in self.labels.items():
            text = record_header(name, self.state.lang)
            label.setText(text + (" *" if name in required else "") + ("：" if self.state.lang == "zh" else ":"))
            self.inputs[name].setAccessibleName(text)
        self.inputs["retain_until"].setToolTip(self.tr("Optional: at least three years after the record "
                                                       "(PIPL Art. 56); the minimum when not set"))
        self.inputs["quantity"].setToolTip(self.tr("A whole number, e.g. 12000"))
        self.required_note.setText(self.tr("Fields marked * are required."))
        for widget in self.inputs.values():
            if isinstance(widget, DateEdit):
                widget.setSpecialValueText(self.tr("Not set"))

    def values(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, DateEdit):
                value = widget.iso()
                if value is not None:
                    out[name] = value
            elif isinstance(widget, QComboBox):
                if widget.currentData():
                    out[name] = widget.currentData()
            elif isinstance(widget, QLineEdit) and widget.text().strip():
                out[name] = widget.text()
        return out

    def submit(self) -> None:
        from pia_wizard.services import archive

        self.show_errors({})
        self.buttons.setEnabled(False)
        Op(self, self.state.worker, archive.add_record).success(self._added).failure(self._refused).run(
            self.state.ctx, self.values())

    def _added(self, record: Record) -> None:
        self.buttons.setEnabled(True)
        self.added.emit(record)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        detail = getattr(exc, "params", {}).get("detail") if getattr(exc, "code", "") == "bad_value" else None
        by_field: dict[str, list[str]] = {}
        rest: list[str] = []
        if isinstance(detail, str):
            for part in PROBLEM_SPLIT.split(detail):
                name, message = split_problem(part)
                if name in self.inputs:
                    by_field.setdefault(name, []).append(message)
                else:
                    rest.append(part)
        else:
            rest.append(error_text(exc, self.state.lang))
        self.show_errors(by_field, "; ".join(rest))

    # The archive states a field's problem in English; the common ones are said in the UI language.
    PATTERNS = (
        (re.compile(r"^must not be empty$"), "must not be empty"),
        (re.compile(r"^(.+) is not a whole number$"), "%1 is not a whole number"),
        (re.compile(r"^(-?\d+) is negative$"), "%1 is negative"),
        (re.compile(r"^(.+) is not a date \(use YYYY-MM-DD\)$"), "%1 is not a date (use YYYY-MM-DD)"),
        (re.compile(r"^(.+) is not a real calendar date$"), "%1 is not a real calendar date"),
        (re.compile(r"^(\S+) is in the future$"), "%1 is in the future"),
        (re.compile(r"^is ([\d,]+) characters long; the limit is ([\d,]+)$"),
         "is %1 characters long; the limit is %2"),
        (re.compile(r"^contains a control character$"), "contains a control character"),
    )

    def field_message(self, message: str) -> str:
        texts = {"must not be empty": self.tr("must not be empty"),
                 "%1 is not a whole number": self.tr("%1 is not a whole number"),
                 "%1 is negative": self.tr("%1 is negative"),
                 "%1 is not a date (use YYYY-MM-DD)": self.tr("%1 is not a date (use YYYY-MM-DD)"),
                 "%1 is not a real calendar date": self.tr("%1 is not a real calendar date"),
                 "%1 is in the future": self.tr("%1 is in the future"),
                 "is %1 characters long; the limit is %2": self.tr("is %1 characters long; the limit is %2"),
                 "contains a control character": self.tr("contains a control character")}
        for pattern, key in self.PATTERNS:
            m = pattern.match(message)
            if m:
                text = texts[key]
                for i, group in enumerate(m.groups(), start=1):
                    text = text.replace(f"%{i}", group)
                return text
        return message

    def show_errors(self, by_field: dict[str, list[str]], general: str = "") -> None:
        first = None
        for name, label in self.errors.items():
            messages = by_field.get(name)
            label.setText("; ".join(self.field_message(m) for m in messages) if messages else "")
            label.setVisible(bool(messages))
            self.inputs[name].setAccessibleDescription(label.text())
            if messages and first is None:
                first = self.inputs[name]
        self.general.setText(general)
        self.general.setVisible(bool(general))
        if first is not None:
            first.setFocus()


# --- the register ----------------------------------------------------------------------------------------------

class RecordsView(QWidget):
    """The processing records. ``RecordsView(state)``; ``refresh()`` reloads; it reloads itself after an add or an
    import."""

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.assessments: list[tuple[str, str]] = []  # (id, what users call it)
        self.model = RecordsModel(state, state.lang, self)
        self.model.loaded.connect(self._loaded)
        self.model.pageLoaded.connect(lambda _: self._show_count())
        self.model.totalChanged.connect(lambda _: self._show_count())
        self.model.failed.connect(lambda exc: show_error(self, self.tr("Cannot read the records"), exc,
                                                         self.state.lang))

        self.system = QLineEdit()
        self.search = QLineEdit()
        for edit in (self.system, self.search):
            edit.setClearButtonEnabled(True)
            edit.returnPressed.connect(self.apply_filters)
        self.date_from, self.date_to = DateEdit(), DateEdit()
        self.assessment = QComboBox()
        self.assessment.addItem("", None)
        self.apply_button, self.clear_button = QPushButton(), QPushButton()
        self.apply_button.clicked.connect(self.apply_filters)
        self.clear_button.clicked.connect(self.clear_filters)
        self.filter_labels = [QLabel() for _ in range(5)]
        filters = QGridLayout()
        # Row 0: the text filters; row 1: the dates and the buttons (date edits keep their natural width).
        places = ((0, 0), (0, 2), (1, 0), (1, 2), (0, 4))
        for (row, col), label, widget in zip(places, self.filter_labels, (self.system, self.search, self.date_from,
                                                                          self.date_to, self.assessment), strict=True):
            label.setBuddy(widget)
            filters.addWidget(label, row, col)
            align = Qt.AlignmentFlag.AlignLeft if isinstance(widget, DateEdit) else Qt.AlignmentFlag(0)
            filters.addWidget(widget, row, col + 1, alignment=align)
        for edit in (self.date_from, self.date_to):
            edit.setMinimumWidth(150)
        for col in (1, 3, 5):
            filters.setColumnStretch(col, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        filters.addLayout(buttons, 1, 4, 1, 2)
        self.filter_error = error_label()

        self.add_button, self.import_button = QPushButton(), QPushButton()
        self.export_csv_button, self.export_json_button = QPushButton(), QPushButton()
        self.add_button.clicked.connect(self.add_record)
        self.import_button.clicked.connect(self.ask_import)
        self.export_csv_button.clicked.connect(lambda: self.ask_export("csv"))
        self.export_json_button.clicked.connect(lambda: self.ask_export("json"))
        actions = QHBoxLayout()
        for b in (self.add_button, self.import_button, self.export_csv_button, self.export_json_button):
            actions.addWidget(b)
        actions.addStretch(1)
        self.count = plain_label(wrap=False)
        actions.addWidget(self.count)

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
        header.setDefaultSectionSize(140)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setTabChangesFocus(True)

        self.job = JobBar()
        self.result = plain_label(selectable=True)
        self.result.hide()
        self.problems_model = ImportProblemsModel(state.lang, self)
        self.problems = QTableView()
        self.problems.setModel(self.problems_model)
        self.problems.verticalHeader().hide()
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setWordWrap(False)
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems_title = plain_label()
        self.problems_title.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        self.problems_close = QPushButton()
        self.problems_close.clicked.connect(self.hide_problems)
        self.problems_box = QWidget()
        box = QVBoxLayout(self.problems_box)
        box.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.problems_title, 1)
        head.addWidget(self.problems_close)
        box.addLayout(head)
        box.addWidget(self.problems)
        self.problems_box.hide()

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.addWidget(self.problems_box)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.filter_error)
        layout.addLayout(actions)
        layout.addWidget(self.job)
        layout.addWidget(self.result)
        layout.addWidget(self.splitter, 1)
        self.retranslate()
        state.languageChanged.connect(self._language_changed)
        self.refresh()

    # --- text ---------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        for label, text in zip(self.filter_labels, (self.tr("S&ystem:"), self.tr("&Text:"), self.tr("&From:"),
                                                    self.tr("T&o:"), self.tr("Asse&ssment:")), strict=True):
            label.setText(text)
        self.system.setAccessibleName(self.tr("Filter by system (exact name)"))
        self.system.setPlaceholderText(self.tr("exact name"))
        self.search.setAccessibleName(self.tr("Filter by text in any field"))
        self.search.setPlaceholderText(self.tr("text in any descriptive field"))
        for edit, name in ((self.date_from, self.tr("Records dated from")),
                           (self.date_to, self.tr("Records dated to"))):
            edit.use_locale(locale_for(self.state.lang))
            edit.setSpecialValueText(self.tr("Any"))
            edit.setAccessibleName(name)
        self.assessment.setItemText(0, self.tr("Any"))
        self.assessment.setAccessibleName(self.tr("Filter by assessment"))
        self.apply_button.setText(self.tr("&Apply filter"))
        self.clear_button.setText(self.tr("&Clear filter"))
        self.add_button.setText(self.tr("A&dd record…"))
        self.import_button.setText(self.tr("&Import CSV or JSON…"))
        self.export_csv_button.setText(self.tr("Export C&SV…"))
        self.export_json_button.setText(self.tr("Export &JSON…"))
        self.table.setAccessibleName(self.tr("Processing records"))
        self.details.setAccessibleName(self.tr("The selected record, every field"))
        self.problems.setAccessibleName(self.tr("Rows the import refused"))
        self.problems_close.setText(self.tr("Close the list"))
        self._show_count()
        self._show_details()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_changed(self, lang: str) -> None:
        self.model.set_language(lang)
        self.problems_model.lang = lang
        self.problems_model.layoutChanged.emit()
        self.retranslate()

    def _show_count(self) -> None:
        loc = locale_for(self.state.lang)
        shown, total = self.model.rowCount(), self.model.total
        if total is None:
            text = self.tr("Records shown: %1").replace("%1", loc.toString(shown))
        elif total == 0:
            text = self.tr("No processing records match.") if self._filtering() else self.tr(
                "No processing records yet: add one or import a file.")
        else:
            text = self.tr("%1 of %2 records shown (more load as you scroll)").replace(
                "%1", loc.toString(shown)).replace("%2", loc.toString(total)) if shown < total else self.tr(
                "Records: %1").replace("%1", loc.toString(total))
        self.count.setText(text)

    def _show_details(self) -> None:
        record = self.selected()
        if record is None:
            self.details.setPlainText("")
            self.details.setPlaceholderText(self.tr("Select a record to see all its fields."))
            return
        lines = []
        for name in (*self.model.COLUMNS, "created_at", "created_by"):
            if name == "created_at":
                label, value = self.tr("Entered"), record.created_at
            elif name == "created_by":
                label, value = self.tr("Entered by"), record.created_by
            else:
                label, value = record_header(name, self.state.lang), self.model.value(record, name)
            lines.append(f"{label}{'：' if self.state.lang == 'zh' else ': '}{value}")
        self.details.setPlainText("\n".join(lines))

    # --- data ---------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        from pia_wizard.services import assessments

        def names(ctx: Any) -> list[tuple[str, str]]:
            return [(s.assessment_id, f"{s.system or s.title} (v{s.version})")
                    for s in assessments.list_assessments(ctx)]

        Op(self, self.state.worker, names).success(self._assessments).failure(lambda exc: None).run(self.state.ctx)
        self.apply_filters()

    def _assessments(self, rows: list[tuple[str, str]]) -> None:
        self.assessments = rows
        self.model.assessment_names = dict(rows)
        current = self.assessment.currentData()
        self.assessment.blockSignals(True)
        while self.assessment.count() > 1:
            self.assessment.removeItem(1)
        for aid, label in rows:
            self.assessment.addItem(label, aid)
        index = self.assessment.findData(current)
        self.assessment.setCurrentIndex(max(index, 0))
        self.assessment.blockSignals(False)
        if self.model.rows:
            self.model.set_language(self.state.lang)

    def filters(self) -> RecordFilters:
        return RecordFilters(system=self.system.text().strip() or None, date_from=self.date_from.iso(),
                             date_to=self.date_to.iso(), search=self.search.text().strip() or None,
                             assessment_id=self.assessment.currentData() or None)

    def _filtering(self) -> bool:
        return any(v for v in self.filters().as_dict().values())

    def apply_filters(self) -> None:
        f = self.filters()
        if f.date_from and f.date_to and f.date_from > f.date_to:
            self.filter_error.setText(self.tr("The start date is after the end date."))
            self.filter_error.show()
            return
        self.filter_error.hide()
        self.model.set_filters(f)
        self._show_count()

    def clear_filters(self) -> None:
        self.system.clear()
        self.search.clear()
        self.date_from.show_iso(None)
        self.date_to.show_iso(None)
        self.assessment.setCurrentIndex(0)
        self.apply_filters()

    def _loaded(self) -> None:
        self._show_count()
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self._show_details()

    def selected(self) -> Record | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.data(index, ROW_ROLE) if index.isValid() else None

    # --- commands ---------------------------------------------------------------------------------------------
    def add_record(self) -> RecordDialog:
        dialog = RecordDialog(self.state, self.assessments, self)
        dialog.added.connect(lambda r: (self.show_result(self.tr("Record added: %1 (%2).").replace(
            "%1", r.system).replace("%2", r.record_date)), self.apply_filters()))
        dialog.open()
        return dialog

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import processing records"), "",
                                              self.tr("Records (*.csv *.json);;CSV (*.csv);;JSON (*.json)"))
        if path:
            self.import_from(path)

    def import_from(self, path: str) -> None:
        from pia_wizard.services import archive

        self.hide_problems()
        json_file = Path(path).suffix.lower() == ".json"
        run_job(self, self.state, self.job, lambda ctx: archive.prepare_records_import(ctx, path),
                self._imported, lambda exc: self._import_failed(exc, json_file))

    def _imported(self, summary: Any) -> None:
        loc = locale_for(self.state.lang)
        self.show_result(self.tr("Records imported from %2: %1 (one audit entry).").replace(
            "%1", loc.toString(summary.rows)).replace("%2", summary.source or ""))
        self.apply_filters()

    def _import_failed(self, exc: BaseException, json_file: bool) -> None:
        from pia_wizard.services.errors import Cancelled

        if isinstance(exc, Cancelled):
            self.show_result(self.tr("Import cancelled: nothing was imported."))
            return
        problems = getattr(exc, "problems", None)
        if not problems:
            show_error(self, self.tr("Cannot import"), exc, self.state.lang)
            return
        self.problems_model.lang = self.state.lang
        self.problems_model.set_problems(problems, json_file)
        rows = len({n for n, _ in problems})
        title = self.tr("Import refused and nothing was imported. Rows with problems: %2; problems: %1.")
        self.problems_title.setText(title.replace("%1", str(len(problems))).replace("%2", str(rows)))
        self.problems.resizeColumnToContents(0)
        self.problems.resizeColumnToContents(1)
        self.problems_box.show()
        self.problems.setFocus()

    def hide_problems(self) -> None:
        self.problems_box.hide()

    def ask_export(self, fmt: str) -> None:
        title = self.tr("Export processing records as CSV") if fmt == "csv" else self.tr(
            "Export processing records as JSON")
        filter_ = self.tr("CSV (*.csv)") if fmt == "csv" else self.tr("JSON (*.json)")
        path, _ = QFileDialog.getSaveFileName(self, title, f"processing-records.{fmt}", filter_)
        if path:
            self.export_to(path, fmt)

    def export_to(self, path: str, fmt: str) -> None:
        from pia_wizard.services import archive

        filters = self.model.filters
        run_job(self, self.state, self.job,
                lambda ctx: archive.prepare_records_export(ctx, fmt, path, filters, overwrite=True),
                self._exported, self._export_failed)

    def _exported(self, summary: Any) -> None:
        loc = locale_for(self.state.lang)
        self.show_result(self.tr("Records exported to %2: %1.").replace("%1", loc.toString(summary.rows)).replace(
            "%2", str(summary.path or summary.destination)))

    def _export_failed(self, exc: BaseException) -> None:
        from pia_wizard.services.errors import Cancelled

        if isinstance(exc, Cancelled):
            self.show_result(self.tr("Export cancelled: no file was written."))
        else:
            show_error(self, self.tr("Cannot export"), exc, self.state.lang)

    def show_result(self, text: str) -> None:
        self.result.setText(text)
        self.result.show()
