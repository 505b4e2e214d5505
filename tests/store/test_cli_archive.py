"""`reports` commands through the services: extract goes through the output guard and writes atomically; the
services' record type follows the store's columns."""

from dataclasses import fields

from pia_wizard.context import AppContext
from pia_wizard.services import archive
from pia_wizard.store import records, reports
from pia_wizard.store.db import open_store
from tests.store.test_retention import FP, PDF, _approved_version
from tests.test_cli import run_cli


def test_the_service_record_has_the_export_columns():
    assert tuple(f.name for f in fields(archive.Record)) == records.EXPORT_COLUMNS
    assert tuple(archive.RECORD_FIELD_LABELS) == records.NAMES


def test_reports_commands(data_dir, tmp_path):
    with open_store(data_dir, "tester") as store:
        v = _approved_version(store)
        sig = reports.Signature("张三", FP, "2026-11-26T10:00:00+08:00", role="dpo")
        pk = reports.archive(store, version_id=v["id"], pdf=PDF, report_id="PIPIA-1", signatures=[sig])["id"]
    code, out, err = run_cli("reports", "list")
    assert code == 0, err
    assert out.startswith(f"{pk:>4}  PIPIA-1  {len(PDF):,} bytes  sha256 ") and "signed by 张三" in out

    out_file = tmp_path / "r.pdf"
    out_file.write_bytes(b"old")
    assert run_cli("reports", "extract", str(pk), "--out", str(out_file)) == (0, "", "")
    assert out_file.read_bytes() == PDF
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "r.pdf"]  # no temporary file left
    for refused, fragment in ((data_dir / "r.pdf", "inside the data folder"), (tmp_path, "is a folder"),
                              (tmp_path / "none" / "r.pdf", "does not exist")):
        code, out, err = run_cli("reports", "extract", str(pk), "--out", str(refused))
        assert code == 2 and out == "" and err.count("\n") == 1 and fragment in err, err
    assert not (data_dir / "r.pdf").exists()
    code, _, err = run_cli("reports", "extract", "99", "--out", str(tmp_path / "x.pdf"))
    assert code == 2 and "no archived report with id 99" in err and not (tmp_path / "x.pdf").exists()

    code, out, _ = run_cli("reports", "retain", str(pk), "--until", "2040-01-01")
    assert code == 0 and out == "report PIPIA-1 is kept until 2040-01-01\n"
    code, out, err = run_cli("reports", "delete", str(pk))
    assert code == 2 and out == "" and "kept until 2040-01-01" in err
    got = archive.get_report(AppContext(data_dir=data_dir), pk)
    assert got.signed is True and got.signatures[0].signer == "张三" and got.signatures[0].self_signed is False
