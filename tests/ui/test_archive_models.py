"""The archive views' Qt models, without windows: the records page in lazily over 100,000 rows (never the whole
table), filters go to the archive, the audit log pages back and loads down to a given entry, hostile text stays
verbatim in the row and is escaped in tooltips, clocks speak in words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from pia_wizard.context import AppContext
from pia_wizard.services import archive
from pia_wizard.services.archive import RecordFilters
from pia_wizard.ui.app import build_state
from pia_wizard.ui.archive_models import (
    ROW_ROLE,
    AuditModel,
    EventsModel,
    ImportProblemsModel,
    MaterialsModel,
    RecordsModel,
    ReportsModel,
    cell,
    clock_words,
    split_problem,
)
from pia_wizard.ui.settings import UiSettings
from tests.ui.archive_fixtures import FIELDS, HOSTILE, N_RECORDS, big_archive, copy_archive

WAIT = 20_000


@pytest.fixture(scope="session")
def template(tmp_path_factory):
    return big_archive(tmp_path_factory.mktemp("big"))


@pytest.fixture
def state(tmp_path):
    s = build_state(UiSettings(language="en"), data_dir=str(tmp_path / "data"))
    yield s
    s.worker.shutdown(wait=True)


@pytest.fixture
def big_state(template, tmp_path):
    copy_archive(template, tmp_path / "big")
    s = build_state(UiSettings(language="en"), data_dir=str(tmp_path / "big"))
    yield s
    s.worker.shutdown(wait=True)


def loaded(qtbot, model) -> None:
    with qtbot.waitSignal(model.loaded, timeout=WAIT):
        model.reload()


def test_records_page_in_lazily_over_100000_rows(qtbot, big_state):
    model = RecordsModel(big_state, "en")
    with qtbot.waitSignal(model.totalChanged, timeout=WAIT, check_params_cb=lambda n: n is not None):
        loaded(qtbot, model)
    assert model.rowCount() == model.page_size == 100
    assert model.total == N_RECORDS
    assert model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(model.pageLoaded, timeout=WAIT):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 200
    assert not model.canFetchMore(model.index(0, 0))  # a table has no children
    # Newest first, as the store orders them, and no row twice.
    dates = [r.record_date for r in model.rows]
    assert dates == sorted(dates, reverse=True) and len({r.id for r in model.rows}) == 200
    # Filters go to the archive: one system out of fifty.
    with qtbot.waitSignal(model.totalChanged, timeout=WAIT, check_params_cb=lambda n: n is not None), \
            qtbot.waitSignal(model.loaded, timeout=WAIT):
        model.set_filters(RecordFilters(system="系统-7"))
    assert model.total == N_RECORDS // 50 and {r.system for r in model.rows} == {"系统-7"}


def test_a_page_for_an_old_filter_is_dropped(qtbot, big_state):
    model = RecordsModel(big_state, "en")
    model.set_filters(RecordFilters(system="系统-1"))
    with qtbot.waitSignal(model.loaded, timeout=WAIT):
        model.set_filters(RecordFilters(system="系统-2"))
    qtbot.waitUntil(lambda: model.total is not None, timeout=WAIT)
    assert {r.system for r in model.rows} == {"系统-2"} and model.rowCount() == 100


def test_record_cells_keep_hostile_text(qtbot, state):
    for name, text in HOSTILE.items():
        archive.add_record(state.ctx, {**FIELDS, "system": name, "note": text})
    model = RecordsModel(state, "en")
    loaded(qtbot, model)
    note = model.COLUMNS.index("note")
    by_system = {model.rows[r].system: r for r in range(model.rowCount())}
    for name, text in HOSTILE.items():
        index = model.index(by_system[name], note)
        assert model.data(index, ROW_ROLE).note == text  # verbatim in the row
        shown = model.data(index)
        assert shown == cell(text) and len(shown) <= 201 and "\n" not in shown
        tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
        assert "<script>" not in tip and ("&lt;script&gt;" in tip or name != "html")
    assert model.headerData(note, Qt.Orientation.Horizontal) == "Note"
    model.set_language("zh")
    assert model.headerData(note, Qt.Orientation.Horizontal) == "备注"
    quantity = model.index(0, model.COLUMNS.index("quantity"))
    assert model.data(quantity) == "3"


def test_a_failed_page_is_reported(qtbot, state, monkeypatch):
    from pia_wizard.services.errors import ArchiveBusy

    def busy(*_a, **_k):
        raise ArchiveBusy("archive_busy", detail="locked")

    monkeypatch.setattr(archive, "list_records", busy)
    model = RecordsModel(state, "en")
    with qtbot.waitSignal(model.failed, timeout=WAIT) as blocker:
        model.reload()
    assert isinstance(blocker.args[0], ArchiveBusy) and not model.pending and not model.canFetchMore()


def test_import_problems_name_the_field():
    assert split_problem("quantity: -3 is negative") == ("quantity", "-3 is negative")
    assert split_problem("3 fields, but the header has 8") == (None, "3 fields, but the header has 8")
    assert split_problem("colour: no such thing") == (None, "colour: no such thing")
    model = ImportProblemsModel("en")
    model.set_problems([(3, "record_date: '2026-13-01' is not a real calendar date"), (5, "2 fields, but 8")])
    first = [model.data(model.index(0, c)) for c in range(3)]
    assert first == ["3", "Date", "'2026-13-01' is not a real calendar date"]
    assert [model.data(model.index(1, c)) for c in range(3)] == ["5", "—", "2 fields, but 8"]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Line"
    model.set_problems([(2, "x")], json_file=True)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Record no."


def test_audit_log_pages_back_and_loads_down_to_an_entry(qtbot, state):
    for i in range(30):
        archive.add_record(state.ctx, {**FIELDS, "system": f"s{i}"})
    model = AuditModel(state, "en", page_size=10)
    loaded(qtbot, model)
    assert model.rowCount() == 10 and model.canFetchMore()
    newest = model.rows[0].seq
    with qtbot.waitSignal(model.pageLoaded, timeout=WAIT):
        model.fetchMore()
    assert [e.seq for e in model.rows] == list(range(newest, newest - 20, -1))
    rows = []
    model.load_down_to(3, rows.append)
    qtbot.waitUntil(lambda: rows != [], timeout=WAIT)
    assert model.rows[rows[0]].seq == 3
    model.set_broken(3)
    index = model.index(rows[0], 0)
    assert model.data(index) == "✗ 3"
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == "The chain breaks at this entry"
    assert model.data(index, Qt.ItemDataRole.ForegroundRole) is not None
    with qtbot.waitSignal(model.loaded, timeout=WAIT):
        model.set_filters("processing_record", None, "s17")
    assert model.rowCount() == 1 and '"s17"' in model.rows[0].after
    assert model.data(model.index(0, model.COLUMNS.index("entity"))) == "Processing record"
    assert model.data(model.index(0, model.COLUMNS.index("action"))) == "created"


def test_reports_model_marks_ended_retention_in_words(qtbot, tmp_path):
    from datetime import date

    from tests.ui.archive_fixtures import archive_report, saved_assessment

    ctx = AppContext(tmp_path / "data", actor="t")
    _aid, vid = saved_assessment(ctx, system="<b>Kiosk</b>")
    archive_report(ctx, vid, "R-<1>", signers=[("王", "assessor"), ("陈", "dpo")])
    model = ReportsModel("en")
    rows = archive.list_report_listings(ctx)
    until = date.fromisoformat(rows[0].report.retain_until)
    model.set_rows(rows, today=until)
    values = [model.data(model.index(0, c)) for c in range(len(model.COLUMNS))]
    assert values[0] == "R-<1>" and values[1] == "<b>Kiosk</b>" and values[2] == "v1" and values[3] == "中文"
    assert values[6] == "王 (assessor); 陈 (DPO)"
    assert "(ended)" not in values[5]
    model.set_rows(rows, today=date(until.year + 1, 1, 1))
    retain = model.index(0, model.COLUMNS.index("retain_until"))
    assert model.data(retain).endswith("(ended)") and model.data(retain, Qt.ItemDataRole.ForegroundRole) is not None


def test_clock_words():
    overdue = {"status": "overdue", "deadline": "2026-11-06", "estimated": False, "days_overdue": 27,
               "workdays_left": None}
    assert clock_words(overdue, "en") == "✗ Overdue by 27 calendar days: the deadline was 6 Nov 2026."
    soon = {"status": "due_soon", "deadline": "2027-01-08", "estimated": True, "days_overdue": 0, "workdays_left": 1}
    assert clock_words(soon, "en") == "⚠ Due soon: 1 working day left, by 8 Jan 2027 (estimate)."
    done = {"status": "done", "deadline": "2026-11-06", "estimated": False}
    assert clock_words(done, "en") == "✓ Done on time (deadline 6 Nov 2026)."
    assert "2026年11月6日" in clock_words(done, "zh")


def test_filing_tables_show_state_in_words_and_colour(qtbot, state):
    ctx = state.ctx
    archive.log_stored_count(ctx, 120_000, "2026-09-01", processor="P")
    eid = archive.add_filing_event(ctx, "cancellation", "2026-09-20", "<i>ended</i>", processor="P")
    archive.add_filing_event(ctx, "change", "2026-09-21", "mistake", processor="P")
    ev2 = archive.filing_status(ctx, "P").data["events"][1]["id"]
    archive.withdraw_filing_event(ctx, ev2, "entered twice")
    data = archive.filing_status(ctx.with_(fixed_today=__import__("datetime").date(2026, 12, 3)), "P").data
    events = EventsModel("en")
    events.set_rows(data["events"])
    state_col = events.COLUMNS.index("state")
    first = events.index(0, state_col)
    assert events.data(first).startswith("✗ Overdue by") and events.data(first, Qt.ItemDataRole.ForegroundRole)
    assert events.data(events.index(0, events.COLUMNS.index("description"))) == "<i>ended</i>"
    assert events.data(events.index(0, events.COLUMNS.index("disposed"))) == "not recorded yet"
    assert events.data(events.index(1, state_col)) == "Withdrawn: entered twice"
    assert events.rows[0]["id"] == eid
    materials = MaterialsModel("en")
    materials.set_rows(data["materials"])
    assert materials.rowCount() == 8
    assert materials.data(materials.index(0, 1)) == "✗ missing"
    assert materials.data(materials.index(0, 1), Qt.ItemDataRole.ForegroundRole) is not None
    materials.lang = "zh"
    assert materials.data(materials.index(0, 1)) == "✗ 缺"
