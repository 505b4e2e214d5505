"""The Art. 15 filing tracker of the archive, per processor: the stored-count log, the day the 100,000 threshold was
reached, the deadline in PRC working days (marked as an estimate where the official calendar ends), the filing,
change and cancellation events, and the eight materials the filing system asks for. What is overdue is red *and*
says so in words. Every clock comes from ``services.archive.filing_status`` (core/filing.py): nothing is counted
here. (The workspace's FilingClock shows the clocks an assessment's answers start; this is the tracker's record.)"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.services.archive import MATERIAL_STATUS_LABELS
from pia_wizard.ui.archive_models import (
    OVERDUE_RED,
    ROW_ROLE,
    CountsModel,
    EventsModel,
    MaterialsModel,
    clock_colour,
    clock_words,
    gap,
    iso_day,
)
from pia_wizard.ui.dialogs import error_text, show_error
from pia_wizard.ui.editors import _DateEdit as DateEdit
from pia_wizard.ui.editors import locale_for
from pia_wizard.ui.ops import Op
from pia_wizard.ui.records_view import ERROR_STYLE, MAX_INPUT, error_label, plain_label


class ActionDialog(QDialog):
    """A few inputs and OK: ``action(ctx, values)`` runs on the worker; a refusal is shown in the dialog (one
    line, in the UI language) and the inputs keep what was typed."""

    done = Signal(object)  # what the action returned

    def __init__(self, state: Any, title: str, action: Callable[[Any, dict[str, Any]], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.action = action
        self.inputs: dict[str, QWidget] = {}
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def add(self, key: str, label: str, widget: QWidget) -> QWidget:
        name = QLabel(label)
        name.setBuddy(widget)
        widget.setAccessibleName(label.replace("&", "").rstrip(":："))
        if isinstance(widget, QLineEdit):
            widget.setMaxLength(MAX_INPUT)
        if isinstance(widget, DateEdit):
            widget.use_locale(locale_for(self.state.lang))
        self.form.addRow(name, widget)
        self.inputs[key] = widget
        return widget

    def date(self, key: str, label: str, value: str | None = None) -> DateEdit:
        edit = DateEdit()
        edit.setSpecialValueText(self.tr("Not set"))
        edit.show_iso(value or self.state.ctx.today().isoformat())
        return self.add(key, label, edit)  # type: ignore[return-value]

    def text(self, key: str, label: str, value: str = "") -> QLineEdit:
        return self.add(key, label, QLineEdit(value))  # type: ignore[return-value]

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, w in self.inputs.items():
            if isinstance(w, DateEdit):
                out[key] = w.iso()
            elif isinstance(w, QLineEdit):
                out[key] = w.text()
            elif isinstance(w, QComboBox):
                out[key] = w.currentData()
            elif isinstance(w, QCheckBox):
                out[key] = w.isChecked()
        return out

    def submit(self) -> None:
        self.error.hide()
        self.buttons.setEnabled(False)
        Op(self, self.state.worker, self.action).success(self._done).failure(self._refused).run(
            self.state.ctx, self.values())

    def _done(self, result: Any) -> None:
        self.buttons.setEnabled(True)
        self.done.emit(result)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(error_text(exc, self.state.lang))
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.show()


class FilingTracker(QWidget):
    """``FilingTracker(state)``: the tracker of the processor chosen in its combo. ``show_processor(name)`` chooses
    one (e.g. from a reminder); ``refresh()`` reads the archive again."""

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.data: dict[str, Any] | None = None
        self.reports: list[tuple[int, str]] = []  # (archive id, report ID) for linking a material
        self._wanted: str | None = None

        self.processor = QComboBox()
        self.processor.currentIndexChanged.connect(lambda _: self.load())
        self.processor_label = QLabel()
        self.processor_label.setBuddy(self.processor)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.as_of = plain_label(wrap=False)
        top = QHBoxLayout()
        top.addWidget(self.processor_label)
        top.addWidget(self.processor, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.as_of)

        self.empty = plain_label()
        self.state_line = plain_label(selectable=True)
        self.state_line.setObjectName("tracker-state")
        font = self.state_line.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.state_line.setFont(font)
        self.summary = QFormLayout()
        self.summary.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.fields: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("count", "reached", "deadline", "filed"):
            name, value = QLabel(), plain_label(selectable=True)
            value.setObjectName(f"tracker-{key}")
            self.summary.addRow(name, value)
            self.fields[key] = (name, value)
        self.flags = plain_label(selectable=True)
        self.flags.setObjectName("tracker-flags")
        self.notes = plain_label(selectable=True)
        self.notes.setObjectName("tracker-notes")

        self.count_button, self.reached_button, self.filed_button = QPushButton(), QPushButton(), QPushButton()
        self.count_button.clicked.connect(self.log_count)
        self.reached_button.clicked.connect(self.set_reached)
        self.filed_button.clicked.connect(self.record_filing)
        actions = QHBoxLayout()
        for b in (self.count_button, self.reached_button, self.filed_button):
            actions.addWidget(b)
        actions.addStretch(1)

        self.counts_model = CountsModel(state.lang, self)
        self.events_model = EventsModel(state.lang, self)
        self.materials_model = MaterialsModel(state.lang, self)
        self.counts = self._table(self.counts_model)
        self.events = self._table(self.events_model)
        self.materials = self._table(self.materials_model)
        self.materials.verticalHeader().show()
        self.events.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.materials.selectionModel().selectionChanged.connect(lambda *_: self._enable())

        self.event_buttons = {k: QPushButton() for k in ("change", "cancellation", "done", "disposed", "withdraw")}
        self.event_buttons["change"].clicked.connect(lambda: self.add_event("change"))
        self.event_buttons["cancellation"].clicked.connect(lambda: self.add_event("cancellation"))
        self.event_buttons["done"].clicked.connect(self.event_done)
        self.event_buttons["disposed"].clicked.connect(self.event_disposed)
        self.event_buttons["withdraw"].clicked.connect(self.withdraw_event)
        self.material_buttons = {k: QPushButton() for k in ("edit", "attach", "save")}
        self.material_buttons["edit"].clicked.connect(self.edit_material)
        self.material_buttons["attach"].clicked.connect(self.ask_attach)
        self.material_buttons["save"].clicked.connect(self.ask_save_attachment)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.counts, "")
        self.tabs.addTab(self._with_buttons(self.events, self.event_buttons.values()), "")
        self.tabs.addTab(self._with_buttons(self.materials, self.material_buttons.values()), "")

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.state_line)
        body.addLayout(self.summary)
        body.addWidget(self.flags)
        body.addWidget(self.notes)
        body.addWidget(self.tabs, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addLayout(actions)
        layout.addWidget(self.body, 1)
        self.retranslate()
        state.languageChanged.connect(self._language_changed)
        self.refresh()

    def _table(self, model: Any) -> QTableView:
        t = QTableView()
        t.setModel(model)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setWordWrap(False)
        t.verticalHeader().hide()
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        t.horizontalHeader().setStretchLastSection(True)
        return t

    @staticmethod
    def _with_buttons(table: QTableView, buttons: Any) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        row = QHBoxLayout()
        for b in buttons:
            row.addWidget(b)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(table, 1)
        return page

    # --- text ---------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.processor_label.setText(self.tr("&Processor:"))
        self.processor.setAccessibleName(self.tr("Personal information processor"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.count_button.setText(self.tr("Log stored &count…"))
        self.reached_button.setText(self.tr("&Threshold date…"))
        self.filed_button.setText(self.tr("Record the &filing…"))
        labels = {"count": self.tr("Latest stored count (de-duplicated)"),
                  "reached": self.tr("100,000 first reached on"),
                  "deadline": self.tr("Filing deadline (30 PRC working days)"),
                  "filed": self.tr("Filed")}
        for key, (name, value) in self.fields.items():
            name.setText(labels[key])
            value.setAccessibleName(labels[key])
        self.state_line.setAccessibleName(self.tr("Filing state"))
        self.flags.setAccessibleName(self.tr("Overdue and reminders"))
        self.tabs.setTabText(0, self.tr("Stored counts"))
        self.tabs.setTabText(1, self.tr("Change and cancellation events"))
        self.tabs.setTabText(2, self.tr("Materials (8 files)"))
        self.counts.setAccessibleName(self.tr("Stored-count log"))
        self.events.setAccessibleName(self.tr("Change and cancellation events"))
        self.materials.setAccessibleName(self.tr("Filing materials checklist"))
        texts = {"change": self.tr("Add a &change…"), "cancellation": self.tr("Add the &end of use…"),
                 "done": self.tr("&Done…"), "disposed": self.tr("Facial data dis&posed of…"),
                 "withdraw": self.tr("&Withdraw…")}
        for key, b in self.event_buttons.items():
            b.setText(texts[key])
        self.material_buttons["edit"].setText(self.tr("&State and note…"))
        self.material_buttons["attach"].setText(self.tr("&Attach a file…"))
        self.material_buttons["save"].setText(self.tr("Sa&ve the attached file…"))
        self.empty.setText(self.tr("No processor is tracked yet. Log the first stored count: it names the processor "
                                   "and starts the tracker."))
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_changed(self, lang: str) -> None:
        for model in (self.counts_model, self.events_model, self.materials_model):
            model.lang = lang
            model.layoutChanged.emit()
        self.retranslate()

    # --- data ---------------------------------------------------------------------------------------------------
    def current(self) -> str | None:
        return self.processor.currentData()

    def show_processor(self, name: str) -> None:
        index = self.processor.findData(name)
        if index >= 0:
            self.processor.setCurrentIndex(index)
        else:
            self._wanted = name
            self.refresh()

    def refresh(self) -> None:
        from pia_wizard.services import archive

        def read(ctx: Any) -> tuple[list[str], list[tuple[int, str]]]:
            return archive.filing_processors(ctx), [(r.id, r.report_id) for r in archive.list_reports(ctx)]

        Op(self, self.state.worker, read).success(self._processors).failure(
            lambda exc: show_error(self, self.tr("Cannot read the filing tracker"), exc, self.state.lang)).run(
            self.state.ctx)

    def _processors(self, result: tuple[list[str], list[tuple[int, str]]]) -> None:
        names, self.reports = result
        self.materials_model.report_names = dict(self.reports)
        wanted = self._wanted or self.current()
        self._wanted = None
        self.processor.blockSignals(True)
        self.processor.clear()
        for name in names:
            self.processor.addItem(name, name)
        index = self.processor.findData(wanted) if wanted else 0
        self.processor.setCurrentIndex(max(index, 0))
        self.processor.blockSignals(False)
        self.load()

    def load(self) -> None:
        from pia_wizard.services import archive

        name = self.current()
        if name is None:
            self.data = None
            self._show()
            return
        Op(self, self.state.worker, archive.filing_status).success(self._loaded).failure(
            lambda exc: show_error(self, self.tr("Cannot read the filing tracker"), exc, self.state.lang)).run(
            self.state.ctx, name)

    def _loaded(self, status: Any) -> None:
        if status.processor != self.current():
            return  # the user chose another processor meanwhile
        self.data = status.data
        self.counts_model.set_rows(self.data["counts"])
        self.events_model.set_rows(self.data["events"])
        self.materials_model.set_rows(self.data["materials"])
        for table in (self.counts, self.events, self.materials):
            table.resizeColumnsToContents()
            for c in range(table.model().columnCount() - 1):
                table.setColumnWidth(c, max(120, min(table.columnWidth(c), 360)))
        self._show()

    def _show(self) -> None:
        d, lang = self.data, self.state.lang
        self.empty.setVisible(self.processor.count() == 0)
        self.body.setVisible(d is not None)
        for b in (self.reached_button, self.filed_button):
            b.setEnabled(d is not None)
        self._enable()
        if d is None:
            return
        self.as_of.setText(self.tr("as of %1").replace("%1", iso_day(d["today"], lang)))
        th, filing = d["threshold"], d["filing"]
        loc = locale_for(lang)
        count = self.fields["count"][1]
        if th["latest_count"] is None:
            count.setText(self.tr("none logged yet"))
        else:
            count.setText(self.tr("%1 (counted on %2)").replace("%1", loc.toString(th["latest_count"])).replace(
                "%2", iso_day(th["latest_count_on"], lang)))
        reached = self.fields["reached"][1]
        if th["reached_on"]:
            source = self.tr("entered") if th["source"] == "entered" else self.tr("from the count log")
            source = "（" + source + "）" if lang == "zh" else f" ({source})"
            reached.setText(iso_day(th["reached_on"], lang) + source)
        else:
            reached.setText(self.tr("not reached"))
        clock = filing["clock"]
        deadline = self.fields["deadline"][1]
        if clock:
            text = iso_day(clock["deadline"], lang)
            if clock["legacy"]:
                text += gap(lang) + self.tr("(transition rule for counts reached before 1 June 2025)")
            if clock["estimated"]:
                text += gap(lang) + self.tr("(estimate)")
            deadline.setText(text)
        else:
            deadline.setText(self.tr("no clock: the threshold is not reached"))
        filed = self.fields["filed"][1]
        if filing["filed_on"]:
            parts = [iso_day(filing["filed_on"], lang), self.tr("number %1").replace("%1", filing["filing_number"])]
            if filing["authority"]:
                parts.append(filing["authority"])
            filed.setText(("，" if lang == "zh" else ", ").join(parts))
        else:
            filed.setText(self.tr("not filed yet"))
        if clock:
            words = self.tr("Filing: %1").replace("%1", clock_words(clock, lang))
            colour = clock_colour(clock)
        elif th["near"]:
            words, colour = self.tr("⚠ Close to the 100,000 filing threshold: no filing due yet."), "#8a5a00"
        else:
            words, colour = self.tr("Below the 100,000 filing threshold: no filing due."), None
        self.state_line.setText(words)
        self.state_line.setStyleSheet(f"color: {colour};" if colour else "")
        flags = [self.tr("Overdue: %1").replace("%1", f[lang]) for f in d["overdue"]]
        self.flags.setText("\n".join(flags))
        self.flags.setStyleSheet(f"color: {OVERDUE_RED}; font-weight: bold;" if flags else "")
        self.flags.setVisible(bool(flags))
        notes = [self.tr("Reminder: %1").replace("%1", r[lang]) for r in d["reminders"]]
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self.setAccessibleDescription(" ".join(x for x in (words, *flags) if x))

    def _enable(self) -> None:
        has = self.data is not None
        ev = self.selected_event()
        live = ev is not None and not ev.get("withdrawn_reason")
        self.event_buttons["change"].setEnabled(has)
        self.event_buttons["cancellation"].setEnabled(has)
        self.event_buttons["done"].setEnabled(live)
        self.event_buttons["disposed"].setEnabled(live and ev is not None and ev["kind"] == "cancellation")
        self.event_buttons["withdraw"].setEnabled(live)
        m = self.selected_material()
        self.material_buttons["edit"].setEnabled(m is not None)
        self.material_buttons["attach"].setEnabled(m is not None)
        self.material_buttons["save"].setEnabled(m is not None and bool(m["file_name"]))

    def selected_event(self) -> dict[str, Any] | None:
        index = self.events.selectionModel().currentIndex() if self.events.selectionModel().hasSelection() else None
        return self.events_model.data(index, ROW_ROLE) if index is not None and index.isValid() else None

    def selected_material(self) -> dict[str, Any] | None:
        sel = self.materials.selectionModel()
        index = sel.currentIndex() if sel.hasSelection() else None
        return self.materials_model.data(index, ROW_ROLE) if index is not None and index.isValid() else None

    # --- commands ---------------------------------------------------------------------------------------------
    def _dialog(self, title: str, action: Callable[[Any, dict[str, Any]], Any]) -> ActionDialog:
        dialog = ActionDialog(self.state, title, action, self)
        dialog.done.connect(lambda _: self.refresh())
        return dialog

    def log_count(self) -> ActionDialog:
        from pia_wizard.services import archive

        def act(ctx: Any, v: dict[str, Any]) -> Any:
            return archive.log_stored_count(ctx, v["count"], v["on"] or "", processor=v["processor"], note=v["note"])

        d = self._dialog(self.tr("Log the stored count"), act)
        d.text("processor", self.tr("&Processor:"), self.current() or "")
        d.date("on", self.tr("Counted &on:"))
        d.text("count", self.tr("&Stored (de-duplicated):")).setPlaceholderText(self.tr("e.g. 120000"))
        d.text("note", self.tr("&Note:"))
        d.done.connect(lambda r: setattr(self, "_wanted", r.processor))
        d.open()
        return d

    def set_reached(self) -> ActionDialog:
        from pia_wizard.services import archive

        name = self.current()

        def act(ctx: Any, v: dict[str, Any]) -> Any:
            return archive.set_threshold_reached(ctx, None if v["clear"] else v["on"] or "", processor=name)

        d = self._dialog(self.tr("The day the threshold was reached"), act)
        reached = self.data["threshold"]["reached_on"] if self.data else None
        d.date("on", self.tr("100,000 first &reached on:"), reached)
        d.add("clear", self.tr("&Use the count log:"), QCheckBox(self.tr("take the first count of 100,000 or more")))
        d.open()
        return d

    def record_filing(self) -> ActionDialog:
        from pia_wizard.services import archive

        name = self.current()

        def act(ctx: Any, v: dict[str, Any]) -> Any:
            return archive.record_filing(ctx, v["on"] or "", v["number"], v["authority"], processor=name)

        d = self._dialog(self.tr("Record the filing"), act)
        f = self.data["filing"] if self.data else {}
        d.date("on", self.tr("Filed &on:"), f.get("filed_on"))
        d.text("number", self.tr("Filing &number:"), f.get("filing_number") or "")
        d.text("authority", self.tr("&Authority:"), f.get("authority") or "")
        d.open()
        return d

    def add_event(self, kind: str) -> ActionDialog:
        from pia_wizard.services import archive

        name = self.current()

        def act(ctx: Any, v: dict[str, Any]) -> Any:
            return archive.add_filing_event(ctx, kind, v["on"] or "", v["description"], processor=name)

        if kind == "change":
            d = self._dialog(self.tr("A substantive change (change filing)"), act)
            d.date("on", self.tr("Changed &on:"))
        else:
            d = self._dialog(self.tr("The end of FRT use (cancellation of the filing)"), act)
            d.date("on", self.tr("Use &ended on:"))
        d.text("description", self.tr("&Description:"))
        d.open()
        return d

    def _event_dialog(self, title: str, act: Callable[[Any, int, dict[str, Any]], Any]) -> ActionDialog | None:
        ev = self.selected_event()
        if ev is None:
            return None
        eid = ev["id"]
        return self._dialog(title, lambda ctx, v: act(ctx, eid, v))

    def event_done(self) -> ActionDialog | None:
        from pia_wizard.services import archive

        d = self._event_dialog(self.tr("The change filing or cancellation was made"),
                               lambda ctx, eid, v: archive.filing_event_done(ctx, eid, v["on"] or "",
                                                                             v["reference"] or None))
        if d is not None:
            d.date("on", self.tr("Done &on:"))
            d.text("reference", self.tr("&Reference:"))
            d.open()
        return d

    def event_disposed(self) -> ActionDialog | None:
        from pia_wizard.services import archive

        d = self._event_dialog(self.tr("The facial data was disposed of"),
                               lambda ctx, eid, v: archive.filing_event_disposed(ctx, eid, v["on"] or "",
                                                                                 v["how"] or None))
        if d is not None:
            d.date("on", self.tr("Disposed of &on:"))
            d.text("how", self.tr("&How, and the evidence:"))
            d.open()
        return d

    def withdraw_event(self) -> ActionDialog | None:
        from pia_wizard.services import archive

        d = self._event_dialog(self.tr("Withdraw an event entered by mistake"),
                               lambda ctx, eid, v: archive.withdraw_filing_event(ctx, eid, v["reason"]))
        if d is not None:
            d.text("reason", self.tr("&Reason:"))
            d.error.setText(self.tr("Events are never deleted: a withdrawn event stays in the list with its reason."))
            d.error.setStyleSheet("")
            d.error.show()
            d.open()
        return d

    def edit_material(self) -> ActionDialog | None:
        from pia_wizard.services import archive

        m = self.selected_material()
        if m is None:
            return None
        name, item = self.current(), m["item"]

        def act(ctx: Any, v: dict[str, Any]) -> Any:
            return archive.set_filing_material(ctx, item, status=v["status"], note=v["note"],
                                               report=v.get("report"), processor=name)

        d = self._dialog(m["label_zh"] if self.state.lang == "zh" else m["label_en"], act)
        status = QComboBox()
        for key, label in MATERIAL_STATUS_LABELS.items():
            status.addItem(label.get(self.state.lang), key)
        status.setCurrentIndex(max(status.findData(m["status"]), 0))
        d.add("status", self.tr("&State:"), status)
        d.text("note", self.tr("&Note:"), m["note"] or "")
        report = QComboBox()
        report.addItem(self.tr("(none)"), None)
        for rid, label in self.reports:
            report.addItem(label, rid)
        report.setCurrentIndex(max(report.findData(m["report_id"]), 0) if m["report_id"] else 0)
        d.add("report", self.tr("&Linked report:"), report)
        d.open()
        return d

    def ask_attach(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Attach a file to the material"), "",
                                              self.tr("All files (*)"))
        if path:
            self.attach(path)

    def attach(self, path: str) -> None:
        from pia_wizard.services import archive

        m = self.selected_material()
        if m is None:
            return
        Op(self, self.state.worker, archive.set_filing_material).success(lambda _: self.refresh()).failure(
            lambda exc: show_error(self, self.tr("Cannot attach the file"), exc, self.state.lang)).run(
            self.state.ctx, m["item"], file=path, processor=self.current())

    def ask_save_attachment(self) -> None:
        m = self.selected_material()
        if m is None or not m["file_name"]:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the attached file"), m["file_name"],
                                              self.tr("All files (*)"))
        if path:
            self.save_attachment(path)

    def save_attachment(self, path: str) -> None:
        from pia_wizard.services import archive

        m = self.selected_material()
        if m is None:
            return
        Op(self, self.state.worker, archive.extract_filing_attachment).success(
            lambda out: self.notes_message(self.tr("Saved to %1").replace("%1", str(out)))).failure(
            lambda exc: show_error(self, self.tr("Cannot save the file"), exc, self.state.lang)).run(
            self.state.ctx, m["item"], path, processor=self.current())

    def notes_message(self, text: str) -> None:
        self.notes.setText(text)
        self.notes.show()
