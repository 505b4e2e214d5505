"""A version-1 database built only from frozen text: fixtures/schema-v1.sql and the audit entry format as
documented in pia_wizard/store/audit.py (re-implemented here on purpose, so a silent format change fails)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

FROZEN_SQL = (Path(__file__).parent / "fixtures" / "schema-v1.sql").read_text(encoding="utf-8")
APPLICATION_ID = 0x50494157
AID = "11111111-2222-4333-8444-555555555555"


def _audit(conn: sqlite3.Connection, at: str, action: str, entity: str, entity_id: str, after: dict | None) -> None:
    row = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, "0" * 64)
    rest = json.dumps({"at": at, "actor": "fixture", "action": action, "entity": entity, "entity_id": entity_id,
                       "before": None, "after": after}, ensure_ascii=False, separators=(",", ":"))
    entry = f'{{"seq":{seq},"prev_hash":"{prev}",' + rest[1:]
    conn.execute("INSERT INTO audit_log (seq, entry, hash) VALUES (?, ?, ?)",
                 (seq, entry, hashlib.sha256(entry.encode("utf-8")).hexdigest()))


def build_v1(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(FROZEN_SQL)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    t = "2026-01-05T09:00:00.000Z"
    conn.execute("BEGIN")
    conn.execute("INSERT INTO schema_version VALUES (1, 'v1', '0.1.0', ?)", (t,))
    _audit(conn, t, "create", "database", "pia-wizard.sqlite3", {"schema_version": 1})
    conn.execute("INSERT INTO assessments VALUES (?, '某物业服务有限公司', '小区门禁', '门禁评估', ?, 'fixture')",
                 (AID, t))
    content = json.dumps({"id": AID, "answers": {}}, ensure_ascii=False)
    conn.execute(
        "INSERT INTO assessment_versions (assessment_id, version, content, content_sha256, bank_version, created_at, "
        "created_by, updated_at, updated_by) VALUES (?, 1, ?, ?, '1', ?, 'fixture', ?, 'fixture')",
        (AID, content, hashlib.sha256(content.encode()).hexdigest(), t, t))
    conn.execute("UPDATE assessment_versions SET state = 'in_review' WHERE assessment_id = ?", (AID,))
    conn.execute("UPDATE assessment_versions SET state = 'approved' WHERE assessment_id = ?", (AID,))
    _audit(conn, t, "create", "assessment_version", f"{AID}/v1", {"state": "draft"})
    conn.execute(
        "INSERT INTO processing_records (record_date, system, assessment_id, pi_types, quantity, sources, purposes, "
        "scenarios, created_at, created_by, retain_until) VALUES ('2026-01-04', '小区门禁', ?, '人脸图像', 800, "
        "'现场采集', '通行', '出入口', ?, 'fixture', '2029-01-05')", (AID, t))
    _audit(conn, t, "create", "processing_record", "1", {"quantity": 800})
    conn.execute("COMMIT")
    conn.close()
