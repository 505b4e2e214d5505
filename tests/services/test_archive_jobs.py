"""The archive's long jobs: records export and import, audit verify report progress per chunk and stop on a cancel,
leaving no file, no imported row and an archive that still verifies."""

import io
import itertools
import json
import shutil
import threading

import pytest

from pia_wizard.context import AppContext
from pia_wizard.services import archive
from pia_wizard.services.errors import BadInput, Cancelled, OutputRefused
from pia_wizard.services.jobs import CancelToken
from pia_wizard.store import audit, records
from pia_wizard.store.db import open_store

N = 30_000  # three chunks of records.CHUNK_ROWS / audit.VERIFY_CHUNK, six of records.EXPORT_CHUNK
ROW = ("2024-01-01", "门禁", None, "人脸图像", 1, "现场", "通行", "出入口", "", "", "", "", "", "", "", "", "", None)


def _append_entries(store, n):
    """n audit entries in one transaction (audit.append re-reads the head per entry: too slow for a fixture)."""
    with store.write():
        seq, prev = store.conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        rows = []
        for i in range(n):
            seq += 1
            entry = audit.make_entry(seq, prev, store.timestamp(), store.actor, audit.UPDATE, "test", str(i),
                                     None, {"i": i})
            prev = audit.entry_hash(entry)
            rows.append((seq, entry, prev))
        store.conn.executemany("INSERT INTO audit_log (seq, entry, hash) VALUES (?, ?, ?)", rows)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """An archive with N records (one bulk insert) and more than N audit entries, built once."""
    folder = tmp_path_factory.mktemp("template") / "data"
    with open_store(folder, "tester") as store:
        records.bulk_insert(store, [(*ROW[:4], i, *ROW[5:]) for i in range(N)], source="fixture")
        _append_entries(store, N)
    return folder


@pytest.fixture
def ctx(template, tmp_path):
    shutil.copytree(template, tmp_path / "data")
    return AppContext(data_dir=tmp_path / "data", actor="tester")


def _count(ctx):
    with open_store(ctx.data_dir, "checker") as store:
        return records.count(store), audit.entries(store.conn, limit=1)[0]


def _assert_progress(events, total):
    fractions = [p.fraction for p in events]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    counted = [p for p in events if p.done is not None]
    assert len(counted) >= 3, counted
    assert all(a.fraction < b.fraction and a.done < b.done for a, b in itertools.pairwise(counted))
    assert {p.total for p in counted} == {total} and counted[-1].done == total


def _cancel_after_first_chunk(events, token):
    def progress(p):
        events.append(p)
        if p.done:
            token.cancel()

    return progress


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name != "data")


# --- export --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_reports_progress_per_chunk(ctx, tmp_path, fmt):
    out = tmp_path / f"records.{fmt}"
    job = archive.prepare_records_export(ctx, fmt, out)
    assert job.title.en == "Exporting processing records"
    events = []
    summary = job.run(events.append)
    _assert_progress(events, N)
    assert summary.rows == N and summary.path == out and summary.destination == str(out)
    data = out.read_bytes()
    if fmt == "json":
        assert len(json.loads(data)) == N
    else:
        assert data.count(b"\r\n") == N + 1
    assert _leftovers(tmp_path) == [out.name]
    assert json.loads(_count(ctx)[1]["after"])["rows"] == N  # the export is audited


def test_cancelled_export_leaves_no_file_and_no_audit_entry(ctx, tmp_path):
    before = _count(ctx)
    out = tmp_path / "records.csv"
    events, token = [], CancelToken()
    with pytest.raises(Cancelled):
        archive.prepare_records_export(ctx, "csv", out).run(_cancel_after_first_chunk(events, token), token)
    assert [p.done for p in events if p.done] == [records.EXPORT_CHUNK]
    assert _leftovers(tmp_path) == []  # neither the file nor its temporary part
    assert _count(ctx) == before
    assert archive.verify_audit(ctx).ok


def test_export_to_a_stream_or_to_memory(ctx):
    stream = io.BytesIO()
    summary = archive.export_records(ctx, "json", stream, archive.RecordFilters(search="无此文本"))
    assert summary.rows == 0 and json.loads(stream.getvalue()) == [] and summary.destination == "stdout"
    summary = archive.export_records(ctx, "csv", None, archive.RecordFilters(date_from="2024-01-01"))
    assert summary.rows == N and summary.data.startswith(b"\xef\xbb\xbfid,") and summary.destination == "memory"
    assert summary.filters == {"date_from": "2024-01-01"}


def test_prepare_refuses_bad_input_before_opening_the_archive(tmp_path):
    ctx = AppContext(data_dir=tmp_path / "data")
    with pytest.raises(OutputRefused) as exc:
        archive.prepare_records_export(ctx, "csv", tmp_path)
    assert exc.value.code == "output_is_folder"
    with pytest.raises(OutputRefused) as exc:
        archive.prepare_records_export(ctx, "csv", tmp_path / "data" / "out.csv")
    assert exc.value.code in ("output_in_data_dir", "output_no_folder")
    with pytest.raises(BadInput) as exc:
        archive.prepare_records_export(ctx, "xlsx", tmp_path / "out.xlsx")
    assert exc.value.code == "export_format" and "xlsx" in exc.value.message("zh")
    with pytest.raises(BadInput, match=r"date_to: .2024-13-01. is not a real calendar date"):
        archive.prepare_records_export(ctx, "csv", None, archive.RecordFilters(date_to="2024-13-01"))
    with pytest.raises(BadInput) as exc:
        archive.prepare_records_import(ctx, tmp_path / "missing.csv")
    assert exc.value.code == "file_missing"
    with pytest.raises(BadInput) as exc:
        archive.prepare_records_import(ctx, tmp_path)
    assert str(exc.value) == f"{tmp_path} is a folder, not a CSV file"
    assert not ctx.data_dir.exists()


def test_export_into_the_data_folder_is_refused(ctx):
    with pytest.raises(OutputRefused) as exc:
        archive.prepare_records_export(ctx, "csv", ctx.data_dir / "records.csv")
    assert exc.value.code == "output_in_data_dir"


# --- import --------------------------------------------------------------------------------------------------

@pytest.fixture
def csv_file(ctx, tmp_path):
    p = tmp_path / "in" / "records.csv"
    p.parent.mkdir()
    archive.export_records(ctx, "csv", p)
    return p


def test_import_reports_progress_per_chunk(csv_file, tmp_path):
    target = AppContext(data_dir=tmp_path / "target", actor="importer")
    events = []
    summary = archive.prepare_records_import(target, csv_file).run(events.append)
    _assert_progress(events, N)
    assert summary.rows == N and (summary.first_id, summary.last_id) == (1, N)
    assert summary.source == "records.csv"
    count, last = _count(target)
    assert count == N and last["action"] == "import"


def test_cancelled_import_imports_nothing(csv_file, tmp_path):
    target = AppContext(data_dir=tmp_path / "target", actor="importer")
    assert archive.verify_audit(target).ok  # creates the archive
    before = _count(target)
    events, token = [], CancelToken()
    with pytest.raises(Cancelled):
        archive.prepare_records_import(target, csv_file).run(_cancel_after_first_chunk(events, token), token)
    assert [p.done for p in events if p.done] == [records.CHUNK_ROWS]
    assert _count(target) == before and before[0] == 0
    assert archive.verify_audit(target).ok


def test_bad_rows_are_reported_with_their_lines(tmp_path):
    ctx = AppContext(data_dir=tmp_path / "data")
    p = tmp_path / "bad.csv"
    p.write_text("record_date,system,pi_types,quantity,sources,purposes,scenarios\n"
                 "2024-01-01,门禁,人脸图像,1,现场,通行,出入口\n2024-01-01,,人脸图像,x,现场,通行,出入口\n",
                 encoding="utf-8")
    with pytest.raises(BadInput) as exc:
        archive.import_records(ctx, p)
    assert exc.value.code == "archive_import_rejected"
    assert exc.value.problems == [(3, "system: must not be empty"), (3, "quantity: 'x' is not a whole number")]
    assert archive.list_records(ctx).total == 0


def test_bulk_insert_reports_progress(tmp_path):
    seen = []
    with open_store(tmp_path / "data", "tester") as store:
        records.bulk_insert(store, [ROW] * 25_000, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(10_000, 25_000), (20_000, 25_000), (25_000, 25_000)]


# --- audit verify ----------------------------------------------------------------------------------------------

def test_verify_reports_progress_per_chunk(ctx):
    events = []
    result = archive.prepare_audit_verify(ctx).run(events.append)
    assert result.ok and result.entries > N and result.database.endswith("pia-wizard.sqlite3")
    _assert_progress(events, result.entries)


def test_cancelled_verify_just_stops(ctx):
    events, token = [], CancelToken()
    with pytest.raises(Cancelled):
        archive.prepare_audit_verify(ctx).run(_cancel_after_first_chunk(events, token), token)
    assert [p.done for p in events if p.done] == [audit.VERIFY_CHUNK]
    assert archive.verify_audit(ctx).ok


def test_a_job_cancelled_before_it_runs_does_nothing(ctx, tmp_path):
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        archive.prepare_records_export(ctx, "csv", tmp_path / "r.csv").run(None, token)
    assert _leftovers(tmp_path) == []


def test_cancel_interrupts_the_running_statement(ctx):
    """A cancel from another thread stops the SQLite statement under way (Connection.interrupt): the error it
    raises becomes Cancelled, and the token no longer holds the closed connection."""
    token = CancelToken()
    with pytest.raises(Cancelled), archive._interruptible(ctx, token) as store:
        cursor = store.conn.execute("SELECT * FROM processing_records")
        cursor.fetchone()
        worker = threading.Thread(target=token.cancel)
        worker.start()
        worker.join()
        cursor.fetchall()
    assert token._callbacks == []
    assert archive.verify_audit(ctx).ok
