"""The filing tracker reuses pia_wizard.core.filing for every clock."""

import csv
from datetime import date

import pytest

from pia_wizard.core import filing as clocks
from pia_wizard.paths import asset
from pia_wizard.store import audit, filing
from pia_wizard.store.errors import InvalidInput
from pia_wizard.store.schema import MATERIAL_ITEMS
from tests.test_cli import run_cli

P = "锦程酒店管理（上海）有限公司"


def test_checklist_is_the_eight_system_files_of_the_obligations_catalogue():
    with asset("obligations.csv").open(encoding="utf-8") as fh:
        ids = [r["id"] for r in csv.DictReader(fh) if r["id"].startswith("FILING-15-FILE-") and r["verified"] == "yes"]
    assert tuple(ids) == MATERIAL_ITEMS and len(ids) == 8
    assert set(filing.MATERIAL_LABELS) == set(MATERIAL_ITEMS)


def test_threshold_from_count_log_and_deadline_from_core(store):
    filing.record_count(store, P, "2026-08-31", 95_000)
    st = filing.status(store, P, date(2026, 9, 1))
    assert not st["threshold"]["reached"] and st["threshold"]["near"] and st["filing"]["clock"] is None
    filing.record_count(store, P, "2026-09-20", 100_000)  # "reaches": exactly 100,000 triggers
    filing.record_count(store, P, "2026-10-15", 99_000)   # dropping below later does not undo "first reached"
    st = filing.status(store, P, date(2026, 10, 20))
    th = st["threshold"]
    assert th["reached_on"] == "2026-09-20" and th["source"] == "count_log"
    assert th["last_count_below_on"] == "2026-08-31"
    expected = clocks.filing_deadline(date(2026, 9, 20))
    assert st["filing"]["clock"]["deadline"] == expected.deadline.isoformat() == "2026-11-06"
    assert st["filing"]["clock"]["status"] == "open"
    assert any("may have been reached earlier" in r["en"] for r in st["reminders"])
    # an entered exact day wins over the count log
    filing.set_reached(store, P, "2026-09-10")
    st = filing.status(store, P, date(2026, 10, 20))
    assert st["threshold"]["source"] == "entered"
    assert st["filing"]["clock"]["deadline"] == clocks.filing_deadline(date(2026, 9, 10)).deadline.isoformat()


def test_overdue_filing_is_flagged_and_done_in_time_is_not(store):
    filing.record_count(store, P, "2026-09-20", 128_460)
    st = filing.status(store, P, date(2026, 11, 26))
    assert st["filing"]["clock"]["status"] == "overdue" and st["filing"]["clock"]["days_overdue"] == 20
    assert st["overdue"] and "overdue by 20 calendar days" in st["overdue"][0]["en"]
    filing.record_filing(store, P, "2026-10-30", "沪网信人脸备〔2026〕第0417号", "上海市网信办")
    st = filing.status(store, P, date(2026, 11, 26))
    assert st["filing"]["clock"]["status"] == "done" and not st["overdue"]


def test_legacy_threshold_uses_the_2025_07_14_deadline(store):
    filing.record_count(store, P, "2025-03-01", 150_000)
    st = filing.status(store, P, date(2025, 8, 1))
    assert st["filing"]["clock"]["deadline"] == "2025-07-14" and st["filing"]["clock"]["legacy"]


def test_change_and_cancellation_each_have_their_own_clock(store):
    filing.record_count(store, P, "2026-09-20", 128_460)
    filing.record_filing(store, P, "2026-10-30", "No. 1")
    change = filing.add_event(store, P, "change", "2026-10-09", "算法供应商更换")
    cancel = filing.add_event(store, P, "cancellation", "2026-11-02", "停止使用终端")
    st = filing.status(store, P, date(2026, 11, 26))
    ev = {e["id"]: e for e in st["events"]}
    assert ev[change]["clock"]["deadline"] == clocks.change_deadline(date(2026, 10, 9)).deadline.isoformat()
    assert ev[cancel]["clock"]["deadline"] == clocks.cancellation_deadline(date(2026, 11, 2)).deadline.isoformat()
    assert ev[change]["clock"]["status"] == "overdue" and ev[cancel]["clock"]["status"] == "open"
    assert any(f"event {cancel}" in r["en"] and "disposed of" in r["en"] for r in st["reminders"])
    filing.update_event(store, change, done_on="2026-11-10", reference="变更回执")
    filing.update_event(store, cancel, disposed_on="2026-11-20", disposal_note="终端存储已擦除并留存记录")
    st = filing.status(store, P, date(2026, 11, 26))
    ev = {e["id"]: e for e in st["events"]}
    assert ev[change]["clock"]["status"] == "done" and not st["overdue"]
    assert not any("disposed of" in r["en"] for r in st["reminders"])
    with pytest.raises(InvalidInput, match="belongs to a cancellation"):
        filing.update_event(store, change, disposed_on="2026-11-20")
    filing.update_event(store, change, withdrawn_reason="entered twice")
    assert filing.status(store, P, date(2026, 11, 26))["events"][0]["clock"] is None


def test_event_before_the_measures_has_no_clock(store):
    filing.record_count(store, P, "2025-03-01", 150_000)
    filing.add_event(store, P, "change", "2025-05-01")
    ev = filing.status(store, P, date(2025, 8, 1))["events"][0]
    assert ev["clock"] is None and "predates the FRT Measures" in ev["not_in_force"]["en"]


def test_materials_checklist_with_attachment(store, tmp_path):
    filing.record_count(store, P, "2026-09-20", 128_460)
    scan = tmp_path / "承诺书.pdf"
    scan.write_bytes(b"%PDF scan")
    filing.set_material(store, P, "commitment", status="ready", file=scan)
    filing.set_material(store, P, "FILING-15-FILE-POA", status="in_progress", note="等待盖章")
    st = filing.status(store, P, date(2026, 10, 1))
    by_item = {m["item"]: m for m in st["materials"]}
    assert [m["item"] for m in st["materials"]] == list(MATERIAL_ITEMS)
    assert by_item["FILING-15-FILE-COMMITMENT"]["file_name"] == "承诺书.pdf"
    assert by_item["FILING-15-FILE-POA"]["status"] == "in_progress"
    assert filing.attachment(store, P, "commitment") == ("承诺书.pdf", b"%PDF scan")
    assert any("7 filing materials are not ready" in r["en"] for r in st["reminders"])
    with pytest.raises(InvalidInput, match="unknown material"):
        filing.set_material(store, P, "passport", status="ready")
    assert audit.verify(store.conn).ok


def test_validation(store):
    with pytest.raises(InvalidInput, match="in the future"):
        filing.record_count(store, P, "2999-01-01", 1)
    with pytest.raises(InvalidInput, match="whole number"):
        filing.record_count(store, P, "2026-01-01", "lots")
    with pytest.raises(InvalidInput, match="no processor"):
        filing.resolve(store, None)


def test_cli_filing_flow_and_overdue_exit_code():
    assert run_cli("filing", "count", "128460", "--on", "2026-09-20", "--processor", P)[0] == 0
    code, out, err = run_cli("filing", "status", "--today", "2026-11-26", "--lang", "en")
    assert code == 1, err
    assert "due 2026-11-06" in out and "[!! OVERDUE]" in out and "!! OVERDUE: filing overdue by 20 calendar days" in out
    assert out.count("[missing]") == 8
    assert run_cli("filing", "filed", "--on", "2026-10-30", "--number", "沪网信人脸备〔2026〕第0417号")[0] == 0
    assert run_cli("filing", "event", "cancellation", "--on", "2026-11-02")[0] == 0
    assert run_cli("filing", "material", "pipia-report", "--status", "submitted")[0] == 0
    code, out, err = run_cli("filing", "status", "--today", "2026-11-26")
    assert code == 0, err
    assert "已按期办理" in out and "注销备案" in out and "依法处理人脸信息" in out and "[已提交]" in out
    code, out, err = run_cli("filing", "event", "meltdown", "--on", "2026-11-02")
    assert code == 2 and err.startswith("pia-wizard: argument kind")
