"""Retention is enforced by the database: raw SQL through the plain sqlite3 module, none of our code."""

import sqlite3
from datetime import UTC, date, datetime

import pytest

from pia_wizard.store import audit, purge, records, reports
from pia_wizard.store.db import open_store, plus_years
from pia_wizard.store.errors import RetentionError
from tests.store.conftest import RECORD, db_path, raw

PDF = b"%PDF-1.7\n% a report\n%%EOF\n"
FP = "ab" * 32


def _approved_version(store):
    from pia_wizard.core.assessment import Assessment
    from pia_wizard.core.bank import default_bank
    from pia_wizard.store import assessments

    a = Assessment.from_dict({"format_version": 1, "bank_version": default_bank().version,
                              "processor": {"name": "某物业服务有限公司"}, "system": {"name": "小区门禁"},
                              "answers": {}})
    v = assessments.save(store, a)
    assessments.transition(store, v["id"], "submit")
    return assessments.transition(store, v["id"], "approve")


def test_record_delete_refused_by_raw_sql(store, data_dir):
    r = records.add(store, RECORD)
    conn = raw(db_path(data_dir))
    with pytest.raises(sqlite3.IntegrityError, match="retention"):
        conn.execute("DELETE FROM processing_records WHERE id = ?", (r["id"],))
    with pytest.raises(sqlite3.IntegrityError, match="retention"):
        conn.execute("DELETE FROM processing_records")
    with pytest.raises(sqlite3.IntegrityError, match="only be extended"):
        conn.execute("UPDATE processing_records SET retain_until = '2026-12-01' WHERE id = ?", (r["id"],))
    assert conn.execute("SELECT count(*) FROM processing_records").fetchone() == (1,)


def test_report_delete_refused_by_raw_sql_and_bytes_frozen(store, data_dir):
    v = _approved_version(store)
    rep = reports.archive(store, version_id=v["id"], pdf=PDF, report_id="R-1",
                          signatures=[reports.Signature("陈启航", FP, "2026-11-26T08:00:00+08:00", "DPO")])
    conn = raw(db_path(data_dir))
    with pytest.raises(sqlite3.IntegrityError, match="retention"):
        conn.execute("DELETE FROM reports WHERE id = ?", (rep["id"],))
    with pytest.raises(sqlite3.IntegrityError, match="retention"):
        conn.execute("DELETE FROM report_signatures")
    with pytest.raises(sqlite3.IntegrityError, match="cannot be changed"):
        conn.execute("UPDATE reports SET pdf = x'00', size = 1 WHERE id = ?", (rep["id"],))
    with pytest.raises(sqlite3.IntegrityError, match="cannot be changed"):
        conn.execute("UPDATE report_signatures SET signer = 'someone else'")
    assert reports.pdf_bytes(store, rep["id"]) == PDF


def test_retention_shorter_than_three_years_refused_by_check(store, data_dir):
    conn = raw(db_path(data_dir))
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        conn.execute(
            "INSERT INTO processing_records (record_date, system, pi_types, quantity, sources, purposes, scenarios, "
            "created_at, created_by, retain_until) VALUES ('2026-11-01', 's', 't', 1, 's', 'p', 'c', "
            "'2026-11-26T00:00:00.000Z', 'x', '2029-11-25')")
    with pytest.raises(RetentionError, match="at least three years"):
        v = _approved_version(store)
        reports.archive(store, version_id=v["id"], pdf=PDF, report_id="R-2", retain_until="2027-01-01")


def test_default_and_longer_retention(store):
    r = records.add(store, RECORD)
    assert r["retain_until"] == plus_years(store.today(), 3).isoformat()
    r = records.add(store, {**RECORD, "retain_until": "2040-01-01"})
    assert r["retain_until"] == "2040-01-01"
    longer = records.update(store, r["id"], {"retain_until": "2041-06-30"})
    assert longer["retain_until"] == "2041-06-30"
    with pytest.raises(RetentionError):
        records.update(store, r["id"], {"retain_until": "2040-01-01"})


def test_refused_delete_is_audited(store):
    r = records.add(store, RECORD)
    with pytest.raises(RetentionError, match="kept until"):
        records.delete(store, r["id"])
    last = audit.entries(store.conn, limit=1)[0]
    assert (last["action"], last["entity"], last["entity_id"]) == ("delete_refused", "processing_record", str(r["id"]))
    assert records.count(store) == 1
    assert audit.verify(store.conn).ok


def test_plus_years_agrees_with_sqlite(store):
    for d in (date(2024, 2, 29), date(2025, 12, 31), date(2026, 1, 1)):
        ours = plus_years(d, 3).isoformat()
        theirs = store.conn.execute("SELECT date(?, '+3 years')", (d.isoformat(),)).fetchone()[0]
        assert ours == theirs


def _old_rows(data_dir):
    """Rows made in 2020 whose retention has passed, inserted with raw SQL (the CHECKs still hold)."""
    conn = raw(db_path(data_dir))
    for i in range(3):
        conn.execute(
            "INSERT INTO processing_records (record_date, system, pi_types, quantity, sources, purposes, scenarios, "
            "created_at, created_by, retain_until) VALUES ('2020-03-01', 'old', 't', ?, 's', 'p', 'c', "
            "'2020-03-02T00:00:00.000Z', 'x', '2023-03-02')", (i,))
    return conn


def test_purge_removes_only_expired_rows_and_is_audited(store, data_dir):
    keep = records.add(store, RECORD)
    _old_rows(data_dir)
    plan = purge.plan(store)
    assert len(plan.record_ids) == 3 and keep["id"] not in plan.record_ids
    done = purge.execute(store, plan)
    assert done == {"reports": 0, "records": 3}
    assert [r["id"] for r in records.list_page(store).rows] == [keep["id"]]
    last = audit.entries(store.conn, limit=1)[0]
    assert last["action"] == "purge" and '"rows":3' in last["before"]
    assert audit.verify(store.conn).ok


def test_purge_deletes_only_what_was_confirmed(store, data_dir):
    conn = _old_rows(data_dir)
    confirmed = purge.plan(store)
    conn.execute(
        "INSERT INTO processing_records (record_date, system, pi_types, quantity, sources, purposes, scenarios, "
        "created_at, created_by, retain_until) VALUES ('2020-03-01', 'late', 't', 9, 's', 'p', 'c', "
        "'2020-03-02T00:00:00.000Z', 'x', '2023-03-02')")
    assert purge.execute(store, confirmed)["records"] == 3
    assert records.count(store) == 1


def test_expired_record_is_not_deleted_by_delete_but_by_purge(store, data_dir):
    _old_rows(data_dir)
    with pytest.raises(RetentionError, match="purge"):
        records.delete(store, 1)
    assert records.count(store) == 3


def test_clock_injection_for_created_at(data_dir):
    fixed = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    with open_store(data_dir, "x", clock=lambda: fixed) as s:
        r = records.add(s, {**RECORD, "record_date": "2026-02-27"})
        assert r["created_at"] == "2026-03-01T12:00:00.000Z"
        assert r["retain_until"] == "2029-03-01"


def test_editing_an_old_record_does_not_demand_a_longer_retention(data_dir):
    made = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)
    with open_store(data_dir, "x", clock=lambda: made) as s:
        r = records.add(s, {**RECORD, "record_date": "2026-01-09"})
    later = datetime(2027, 6, 1, 9, 0, tzinfo=UTC)
    with open_store(data_dir, "x", clock=lambda: later) as s:
        fixed = records.update(s, r["id"], {"purposes": "门禁通行核验（更正）"})
        assert fixed["retain_until"] == "2029-01-10" and fixed["purposes"].endswith("（更正）")


def test_archive_refuses_a_version_whose_content_changed_meanwhile(store):
    from pia_wizard.core.assessment import Assessment
    from pia_wizard.core.bank import default_bank
    from pia_wizard.store import assessments
    from pia_wizard.store.errors import StateError

    a = Assessment.from_dict({"format_version": 1, "bank_version": default_bank().version,
                              "processor": {"name": "某物业服务有限公司"}, "system": {"name": "小区门禁"},
                              "answers": {}})
    v = assessments.save(store, a)
    signed = v["content_sha256"]
    a.title = "another window changed the draft"
    assessments.save(store, a)
    with pytest.raises(StateError, match="changed while the report was made"):
        reports.archive(store, version_id=v["id"], pdf=PDF, report_id="R-X", approve=True, content_sha256=signed)
    assert reports.list_reports(store) == [] and assessments.get_version(store, v["id"])["state"] == "draft"
    row = reports.archive(store, version_id=v["id"], pdf=PDF, report_id="R-X", approve=True,
                          content_sha256=assessments.get_version(store, v["id"])["content_sha256"])
    assert row["report_id"] == "R-X" and assessments.get_version(store, v["id"])["state"] == "approved"
