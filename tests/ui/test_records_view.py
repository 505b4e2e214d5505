"""The processing-records view (issue 12 item 7): 100,000 records page in as the table scrolls, filters, a record's
fields verbatim, the add form with the archive's refusals beside the fields, import (CSV and JSON, the bad rows
listed, Cancel), export (never into the data folder), and the language switch."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QModelIndex, Qt

from pia_wizard.services import archive
from pia_wizard.ui.app import build_state
from pia_wizard.ui.records_view import RecordsView
from pia_wizard.ui.settings import UiSettings
from tests.ui.archive_fixtures import FIELDS, HOSTILE, N_RECORDS, big_archive, copy_archive, write_records_csv

WAIT = 30_000


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return big_archive(tmp_path_factory.mktemp("big"))


@pytest.fixture
def state(tmp_path, monkeypatch):
    monkeypatch.setattr(UiSettings, "save", lambda self, store=None: None)  # never the user's QSettings
    s = build_state(UiSettings(language="en"), data_dir=str(tmp_path / "data"))
    yield s
    s.worker.shutdown(wait=True)


@pytest.fixture
def big_state(template, tmp_path):
    copy_archive(template, tmp_path / "big")
    s = build_state(UiSettings(language="en"), data_dir=str(tmp_path / "big"))
    yield s
    s.worker.shutdown(wait=True)


def make_view(qtbot, state) -> RecordsView:
    view = RecordsView(state)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitUntil(lambda: view.model.total is not None, timeout=WAIT)
    return view


def test_100000_records_page_in_as_the_table_scrolls(qtbot, big_state, dialogs):
    view = make_view(qtbot, big_state)
    assert view.model.rowCount() == 100
    assert view.count.text() == "100 of 100,000 records shown (more load as you scroll)"
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() >= 200, timeout=WAIT)
    assert view.model.rowCount() < N_RECORDS  # never the whole table
    view.system.setText("系统-3")
    view.apply_button.click()
    qtbot.waitUntil(lambda: view.model.total == N_RECORDS // 50, timeout=WAIT)
    assert {r.system for r in view.model.rows} == {"系统-3"}
    view.clear_button.click()
    qtbot.waitUntil(lambda: view.model.total == N_RECORDS, timeout=WAIT)
    assert dialogs == []


def test_filters_and_a_backwards_date_range(qtbot, state):
    archive.add_record(state.ctx, {**FIELDS, "record_date": "2025-03-01", "note": "march"})
    archive.add_record(state.ctx, {**FIELDS, "record_date": "2026-01-05", "note": "january"})
    view = make_view(qtbot, state)
    assert view.model.total == 2
    view.date_from.show_iso("2026-01-01")
    view.apply_filters()
    qtbot.waitUntil(lambda: view.model.total == 1, timeout=WAIT)
    assert view.model.rows[0].note == "january"
    view.date_to.show_iso("2025-12-31")
    view.apply_filters()
    assert view.filter_error.isVisible() and view.filter_error.text() == "The start date is after the end date."
    view.date_from.show_iso(None)
    view.search.setText("MARCH")  # any descriptive field, case-insensitive
    view.apply_filters()
    qtbot.waitUntil(lambda: view.model.total == 1 and view.model.rows[0].note == "march", timeout=WAIT)


def test_hostile_text_is_shown_verbatim(qtbot, state):
    for name, text in HOSTILE.items():
        archive.add_record(state.ctx, {**FIELDS, "system": text, "note": name})
    view = make_view(qtbot, state)
    for row in range(view.model.rowCount()):
        view.table.selectRow(row)
        record = view.selected()
        assert f"System: {record.system}\n" in view.details.toPlainText() + "\n"
    view.resize(1366, 768)
    view.table.selectRow(0)
    assert view.details.isReadOnly()


def test_add_a_record_with_errors_beside_the_fields(qtbot, state):
    view = make_view(qtbot, state)
    dialog = view.add_record()
    qtbot.addWidget(dialog)
    inputs = dialog.inputs
    inputs["system"].setText("<b>门禁</b>")
    inputs["pi_types"].setText("人脸图像")
    inputs["quantity"].setText("many")
    inputs["sources"].setText("长" * 100_000)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.errors["quantity"].isVisible(), timeout=WAIT)
    assert dialog.errors["quantity"].text() == "'many' is not a whole number"
    assert dialog.errors["sources"].text() == "is 100,000 characters long; the limit is 10,000"
    assert dialog.errors["purposes"].text() == "must not be empty"
    assert not dialog.errors["system"].isVisible() and dialog.isVisible()
    assert inputs["system"].text() == "<b>门禁</b>"  # nothing lost
    assert inputs["quantity"].accessibleDescription() == "'many' is not a whole number"
    inputs["quantity"].setText("12,000")
    inputs["sources"].setText("现场")
    inputs["purposes"].setText("通行")
    inputs["scenarios"].setText("出入口")
    with qtbot.waitSignal(dialog.added, timeout=WAIT) as blocker:
        dialog.submit()
    record = blocker.args[0]
    assert record.system == "<b>门禁</b>" and record.quantity == 12000
    qtbot.waitUntil(lambda: view.model.total == 1, timeout=WAIT)
    assert view.result.text().startswith("Record added: <b>门禁</b>")


def test_import_lists_every_bad_row_and_imports_nothing(qtbot, state, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("record_date,system,pi_types,quantity,sources,purposes,scenarios\n"
                    "2026-01-01,a,b,1,c,d,e\n"
                    "2026-13-01,a,b,-3,c,d,e\n"
                    "2026-01-02,a,b\n", encoding="utf-8")
    view = make_view(qtbot, state)
    view.import_from(str(path))
    qtbot.waitUntil(lambda: view.problems_box.isVisible(), timeout=WAIT)
    model = view.problems_model
    rows = [[model.data(model.index(r, c)) for c in range(3)] for r in range(model.rowCount())]
    assert rows[0][:2] == ["3", "Date"] and rows[1][:2] == ["3", "Quantity"] and rows[1][2] == "-3 is negative"
    assert rows[2] == ["4", "—", "3 fields, but the header has 7"]
    assert view.problems_title.text() == "Import refused and nothing was imported. Rows with problems: 2; problems: 3."
    assert archive.list_records(state.ctx).total == 0


def test_import_json_and_export_csv(qtbot, state, tmp_path, dialogs):
    source = tmp_path / "in.json"
    source.write_text(json.dumps([{**FIELDS, "note": HOSTILE["html"]}]), encoding="utf-8")
    view = make_view(qtbot, state)
    view.import_from(str(source))
    qtbot.waitUntil(lambda: view.model.total == 1, timeout=WAIT)
    assert view.result.text() == "Records imported from in.json: 1 (one audit entry)."
    out = tmp_path / "out.csv"
    view.export_to(str(out), "csv")
    qtbot.waitUntil(lambda: out.exists() and not view.job.running(), timeout=WAIT)
    assert HOSTILE["html"] in out.read_text(encoding="utf-8-sig")
    assert view.result.text() == f"Records exported to {out}: 1."
    view.export_to(str(state.ctx.data_dir / "x.csv"), "json")
    qtbot.waitUntil(lambda: dialogs != [], timeout=WAIT)
    assert dialogs[0][0] == "Cannot export" and "inside the data folder" in dialogs[0][1]
    assert not (state.ctx.data_dir / "x.csv").exists()


def test_cancel_an_import_imports_nothing(qtbot, state, tmp_path):
    source = write_records_csv(tmp_path / "big.csv", 60_000)
    view = make_view(qtbot, state)
    view.import_from(str(source))
    assert view.job.isVisible() and view.job.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: view.job.bar.value() > 0, timeout=WAIT)
    view.job.cancel_button.click()
    qtbot.waitUntil(lambda: not view.job.running(), timeout=WAIT)
    assert view.result.text() in ("Import cancelled: nothing was imported.",
                                  "Records imported from big.csv: 60,000 (one audit entry).")  # a cancel too late
    if view.result.text().startswith("Import cancelled"):
        assert archive.list_records(state.ctx).total == 0


def test_language_switch_relabels_the_view(qtbot, state):
    archive.add_record(state.ctx, FIELDS)
    view = make_view(qtbot, state)
    note = view.model.COLUMNS.index("note")
    assert view.model.headerData(note, Qt.Orientation.Horizontal) == "Note"
    view.table.selectRow(0)
    assert "System: 门禁" in view.details.toPlainText()
    state.with_language("zh")
    assert view.model.headerData(note, Qt.Orientation.Horizontal) == "备注"
    assert "关联系统：门禁" in view.details.toPlainText()
    assert view.model.canFetchMore(QModelIndex()) is False
