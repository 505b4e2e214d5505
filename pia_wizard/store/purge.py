"""Purge: the only way reports and processing records leave the archive, and only after ``retain_until``.

"Expired" is decided by SQLite's ``date('now')`` (UTC), the same expression the retention triggers use, so
the plan never lists a row the database would refuse to delete. ``execute`` deletes only rows of the plan
the user confirmed, and writes one audit entry per report and one for all purged records (with their ids
and a digest of their content), with ``secure_delete`` on so the freed pages are zeroed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pia_wizard.store import audit
from pia_wizard.store.db import Store
from pia_wizard.store.records import digest_where


@dataclass
class Plan:
    reports: list[dict[str, Any]] = field(default_factory=list)
    record_ids: list[int] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.reports and not self.record_ids


def plan(store: Store) -> Plan:
    reports = [dict(zip(("id", "report_id", "sha256", "retain_until"), r, strict=True)) for r in store.conn.execute(
        "SELECT id, report_id, sha256, retain_until FROM reports WHERE retain_until < date('now') ORDER BY id")]
    ids = [r[0] for r in store.conn.execute(
        "SELECT id FROM processing_records WHERE retain_until < date('now') ORDER BY id")]
    return Plan(reports, ids)


def ranges(ids: list[int]) -> list[list[int]]:
    """[1, 2, 3, 7] -> [[1, 3], [7, 7]]: how purged ids are recorded without a million-item list."""
    out: list[list[int]] = []
    for i in ids:
        if out and i == out[-1][1] + 1:
            out[-1][1] = i
        else:
            out.append([i, i])
    return out


def execute(store: Store, confirmed: Plan) -> dict[str, Any]:
    store.conn.execute("PRAGMA secure_delete = ON")
    try:
        with store.write():
            current = plan(store)
            report_ids = {r["id"] for r in confirmed.reports} & {r["id"] for r in current.reports}
            record_ids = sorted(set(confirmed.record_ids) & set(current.record_ids))
            for r in current.reports:
                if r["id"] not in report_ids:
                    continue
                store.conn.execute("UPDATE filing_materials SET report_id = NULL WHERE report_id = ?", (r["id"],))
                store.conn.execute("DELETE FROM reports WHERE id = ?", (r["id"],))
                audit.append(store, audit.PURGE, "report", r["report_id"],
                             before={"id": r["id"], "sha256": r["sha256"], "retain_until": r["retain_until"]})
            if record_ids:
                store.conn.execute("CREATE TEMP TABLE IF NOT EXISTS purge_ids (id INTEGER PRIMARY KEY)")
                store.conn.execute("DELETE FROM temp.purge_ids")
                store.conn.executemany("INSERT INTO temp.purge_ids (id) VALUES (?)", ((i,) for i in record_ids))
                digest = digest_where(store, "id IN (SELECT id FROM temp.purge_ids)")
                store.conn.execute("DELETE FROM processing_records WHERE id IN (SELECT id FROM temp.purge_ids)")
                store.conn.execute("DELETE FROM temp.purge_ids")
                audit.append(store, audit.PURGE, "processing_record", "*",
                             before={"rows": len(record_ids), "ids": ranges(record_ids), "rows_sha256": digest})
    finally:
        store.conn.execute("PRAGMA secure_delete = OFF")
    return {"reports": len(report_ids), "records": len(record_ids)}
