"""CLI exit codes and one-line errors for a locked, a corrupt and a newer database; purge and demo."""

import io
import json
import os

import pytest

from pia_wizard.store import audit
from pia_wizard.store.db import open_store
from tests.store.conftest import db_path, raw, sha256_file
from tests.store.v1fixture import build_v1
from tests.test_cli import run_cli

ADD = ("records", "add", "--date", "2026-10-01", "--system", "门禁", "--pi-types", "人脸图像", "--quantity", "5",
       "--sources", "现场", "--purposes", "通行", "--scenarios", "出入口")


def one_line_error(code, out, err, *fragments):
    assert code == 2, (out, err)
    assert err.count("\n") == 1 and err.startswith("pia-wizard: "), err
    assert "Traceback" not in err
    for f in fragments:
        assert f in err, err


def test_locked_database_is_a_one_line_error_and_reads_still_work(data_dir, monkeypatch):
    open_store(data_dir, "setup").close()
    monkeypatch.setenv("PIA_WIZARD_BUSY_TIMEOUT", "0.2")
    holder = raw(db_path(data_dir))
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        code, out, err = run_cli(*ADD)
        one_line_error(code, out, err, "is busy", "write lock", "try again")
        code, out, _ = run_cli("audit", "verify")  # WAL: readers are not blocked by a writer
        assert code == 0 and "intact" in out
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert run_cli(*ADD)[0] == 0


@pytest.mark.parametrize("command", [("records", "list"), ("audit", "verify"), ("filing", "status"), ADD])
def test_corrupt_database_is_a_one_line_error_and_untouched(data_dir, tmp_path, command, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data_dir.mkdir(parents=True)
    db_path(data_dir).write_bytes(b"PK\x03\x04 this is a zip file, not a database" * 100)
    before = sha256_file(db_path(data_dir))
    code, _, err = run_cli(*command)
    assert code == 2 and err.count("\n") == 1 and "not a pia-wizard database" in err and "left untouched" in err
    assert sha256_file(db_path(data_dir)) == before


def test_newer_database_is_a_one_line_error_naming_the_version(data_dir):
    build_v1(db_path(data_dir))
    raw(db_path(data_dir)).execute("INSERT INTO schema_version VALUES (3, 'future', '0.4.0', '2027-01-01T00:00:00Z')")
    before = sha256_file(db_path(data_dir))
    code, out, err = run_cli("records", "list")
    one_line_error(code, out, err, "schema version 3", "pia-wizard 0.4.0 or later")
    assert sha256_file(db_path(data_dir)) == before


def test_purge_asks_for_confirmation(data_dir, monkeypatch):
    open_store(data_dir, "setup").close()
    conn = raw(db_path(data_dir))
    conn.execute("INSERT INTO processing_records (record_date, system, pi_types, quantity, sources, purposes, "
                 "scenarios, created_at, created_by, retain_until) VALUES ('2020-03-01', 'old', 't', 1, 's', 'p', "
                 "'c', '2020-03-02T00:00:00.000Z', 'x', '2023-03-02')")
    monkeypatch.setattr("sys.stdin", io.StringIO("no\n"))
    code, out, _ = run_cli("purge")
    assert code == 0 and "1 processing records" in out and "cancelled" in out
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, out, err = run_cli("purge")
    assert code == 2 and "--yes" in err
    assert conn.execute("SELECT count(*) FROM processing_records").fetchone() == (1,)
    monkeypatch.setattr("sys.stdin", io.StringIO("yes\n"))
    code, out, _ = run_cli("--actor", "DPO 陈", "purge")
    assert code == 0 and "purged 0 reports and 1 processing records" in out
    code, out, _ = run_cli("purge", "--yes")
    assert code == 0 and "nothing to purge" in out
    entry = audit.entries(conn, limit=1)[0]
    assert entry["action"] == "purge" and entry["actor"] == "DPO 陈"


class _NoReport:
    path, report_id, certificates, issued, created_at, retain_until = "-", "-", ("a", "b"), None, "2026-01-01", "-"


def test_demo_stores_example_findings_record_and_filing_state(tmp_path, monkeypatch):
    from pia_wizard.cli import demo as cli_demo

    monkeypatch.chdir(tmp_path)
    # the report step of the demo is tested with the report; here only what the demo keeps in the archive
    monkeypatch.setattr(cli_demo, "run_job", lambda job, ctx: _NoReport())
    code, out, err = run_cli("demo", "--out", str(tmp_path / "demo"), "--lang", "en")
    assert code == 0, err
    assert "Stored in the archive" in out
    with open_store(os.environ["PIA_WIZARD_DATA_DIR"], "checker") as s:
        versions = s.conn.execute("SELECT state, evaluation FROM assessment_versions").fetchall()
        assert len(versions) == 1 and versions[0][0] == "draft"
        assert json.loads(versions[0][1])["findings"]  # the findings are stored with the version
        assert s.conn.execute("SELECT count(*) FROM processing_records").fetchone() == (1,)
        assert s.conn.execute("SELECT stored_count FROM filing_counts").fetchone() == (128460,)
        entries = audit.verify(s.conn).entries
    code, out, _ = run_cli("filing", "status", "--lang", "en")
    assert code == 0 and "2026-09-20" in out and "沪网信人脸备" in out
    # storing the demo again adds nothing (the same use case the demo command calls)
    from pia_wizard.context import AppContext
    from pia_wizard.services import archive, assessments

    ctx = AppContext(data_dir=os.environ["PIA_WIZARD_DATA_DIR"])
    a, ev = assessments.check(ctx, assessments.example_path("hotel-checkin"))
    archive.store_demo(ctx, a, assessments.evaluation_dict(a, ev))
    with open_store(os.environ["PIA_WIZARD_DATA_DIR"], "checker") as s:
        assert audit.verify(s.conn).entries == entries
        assert s.conn.execute("SELECT count(*) FROM processing_records").fetchone() == (1,)


def test_assessment_commands(tmp_path):
    from pia_wizard.services.assessments import example_path

    code, out, err = run_cli("assessments", "save", str(example_path("hotel-checkin")))
    assert code == 0, err
    aid = out.split()[0]
    assert run_cli("assessments", "submit", aid)[0] == 0
    assert run_cli("assessments", "approve", aid, "--note", "同意")[0] == 0
    code, out, err = run_cli("assessments", "save", str(example_path("hotel-checkin")))
    one_line_error(code, out, err, "approved and cannot change")
    code, out, err = run_cli("assessments", "new-version", aid, "--reason", "major_incident", "--note", "泄露事件")
    assert code == 0 and "v2 started" in out
    code, out, _ = run_cli("assessments", "versions", aid)
    assert "v1 approved" in out and "v2 draft" in out and "major_incident" in out
