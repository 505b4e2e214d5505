"""Archives for the archive views' tests: 100,000 processing records imported through the services' CSV import (one
transaction, a few seconds, built once per test session and copied), hostile text, archived reports, a broken audit
chain."""

from __future__ import annotations

import csv
import shutil
import sqlite3
import uuid
from datetime import date
from pathlib import Path

from pia_wizard.context import AppContext
from pia_wizard.services import archive, assessments

N_RECORDS = 100_000
HOSTILE = {
    "html": "<b>bold</b> <script>alert(1)</script> &amp; <img src=x>",
    "rtl": "مرحبا بالعالم \u202eRTL override\u202c עברית",
    "emoji": "👩\u200d👩\u200d👧\u200d👦 🇨🇳 😀",
    "long": "长" * 10_000,  # the archive's limit for a text field (100,000 characters are refused, see the dialog test)
}
FIELDS = {"record_date": "2026-10-01", "system": "门禁", "pi_types": "人脸图像", "quantity": 3, "sources": "现场采集",
          "purposes": "通行核验", "scenarios": "小区出入口"}


def write_records_csv(path: Path, n: int) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["record_date", "system", "pi_types", "quantity", "sources", "purposes", "scenarios", "note"])
        for i in range(n):
            w.writerow([f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}", f"系统-{i % 50}", "人脸图像", i, "现场采集",
                        "通行核验", "出入口", f"row {i}"])
    return path


def big_archive(folder: Path) -> Path:
    """A data folder with N_RECORDS records, imported through services.archive (one job, one transaction)."""
    data = folder / "data"
    ctx = AppContext(data, actor="fixture")
    source = write_records_csv(folder / "records.csv", N_RECORDS)
    summary = archive.prepare_records_import(ctx, source).run()
    assert summary.rows == N_RECORDS
    return data


def copy_archive(template: Path, dest: Path) -> Path:
    shutil.copytree(template, dest)
    return dest


def saved_assessment(ctx: AppContext, **names: str) -> tuple[str, int]:
    """The hotel example under a new id (``system``, ``processor`` replace its names); (id, version row id)."""
    a = assessments.read_assessment(assessments.example_path("hotel-checkin"))
    a.id = str(uuid.uuid4())
    if "system" in names:
        a.system = {**a.system, "name": names["system"]}
    if "processor" in names:
        a.processor = {**a.processor, "name": names["processor"]}
    info = assessments.save_draft(ctx, a)
    return a.id, info.id


def archive_report(ctx: AppContext, version_id: int, report_id: str, *, signers=(), clock=None) -> dict:
    """A report row through the store (tests only: the UI never reaches the store); ``clock`` backdates it."""
    from pia_wizard.store import reports as store_reports
    from pia_wizard.store.db import open_store

    sigs = [store_reports.Signature(name, "ab" * 32, "2026-11-01T10:00:00+08:00", role, "锦程", True)
            for name, role in signers]
    kwargs = {"clock": clock} if clock is not None else {}
    with open_store(ctx.data_dir, "tester", **kwargs) as store:
        return store_reports.archive(store, version_id=version_id, pdf=b"%PDF-1.7\n% test report\n",
                                     report_id=report_id, signatures=sigs, language="zh")


def break_audit_chain(data_dir: Path, seq: int) -> None:
    """Change entry ``seq`` behind the archive's back (what someone with raw write access could do)."""
    from pia_wizard.store.db import DB_NAME

    conn = sqlite3.connect(data_dir / DB_NAME)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET entry = replace(entry, '\"actor\":', '\"actor\":\"x\",\"was\":') WHERE seq = ?",
                 (seq,))
    conn.commit()
    conn.close()


TODAY = date(2026, 11, 26)
