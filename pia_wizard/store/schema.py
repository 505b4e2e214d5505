"""The database schema as an ordered list of migrations.

Rules for whoever adds migration 2:

* Never edit a migration that has shipped; append ``Migration(2, ...)`` to ``MIGRATIONS``. A test rebuilds
  a version-1 database from a frozen copy of ``V1_SQL`` and checks that migration 1 still produces it.
* A migration runs inside the migrator's write transaction (``BEGIN IMMEDIATE``), after a backup copy of
  the database has been written; it must not COMMIT. SQLite DDL is transactional, so a failing migration
  leaves the database as it was.
* The ``BEFORE UPDATE OF <columns>`` triggers list columns explicitly: a migration that adds a column to
  ``assessment_versions`` or ``reports`` must recreate the freeze trigger with the new column, or the new
  column stays writable on approved versions and archived reports.

Retention is enforced here, not only in Python: the delete triggers compare ``retain_until`` with
``date('now')`` (UTC), so a report or record is deletable from the day after its ``retain_until``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

APPLICATION_ID = 0x50494157  # "PIAW" in the SQLite header: tells our database from any other SQLite file
GENESIS_HASH = "0" * 64

STATES = ("draft", "in_review", "approved", "rejected", "superseded")
MATERIAL_ITEMS = (
    "FILING-15-FILE-PROCESSOR-FORM",
    "FILING-15-FILE-FRT-FORM",
    "FILING-15-FILE-PIPIA-REPORT",
    "FILING-15-FILE-USCC",
    "FILING-15-FILE-LEGALREP-ID",
    "FILING-15-FILE-AGENT-ID",
    "FILING-15-FILE-POA",
    "FILING-15-FILE-COMMITMENT",
)
MATERIAL_STATUSES = ("missing", "in_progress", "ready", "submitted", "not_applicable")

V1_SQL = """
CREATE TABLE schema_version (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    app_version TEXT NOT NULL,
    applied_at  TEXT NOT NULL
);

-- Append-only, hash-chained. Each entry is stored once, as its canonical serialisation (``entry``, JSON text;
-- format in pia_wizard/store/audit.py); hash = SHA-256 of its UTF-8 bytes. The other columns are generated from
-- ``entry``, so they can never disagree with what the hash covers.
CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,
    entry     TEXT NOT NULL CHECK (json_valid(entry)),
    hash      TEXT NOT NULL CHECK (length(hash) = 64),
    at        TEXT GENERATED ALWAYS AS (json_extract(entry, '$.at')) VIRTUAL,
    actor     TEXT GENERATED ALWAYS AS (json_extract(entry, '$.actor')) VIRTUAL,
    action    TEXT GENERATED ALWAYS AS (json_extract(entry, '$.action')) VIRTUAL,
    entity    TEXT GENERATED ALWAYS AS (json_extract(entry, '$.entity')) VIRTUAL,
    entity_id TEXT GENERATED ALWAYS AS (json_extract(entry, '$.entity_id')) VIRTUAL,
    before    TEXT GENERATED ALWAYS AS (json_extract(entry, '$.before')) VIRTUAL,
    after     TEXT GENERATED ALWAYS AS (json_extract(entry, '$.after')) VIRTUAL,
    prev_hash TEXT GENERATED ALWAYS AS (json_extract(entry, '$.prev_hash')) VIRTUAL
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: an entry cannot be changed'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: an entry cannot be deleted'); END;
CREATE TRIGGER audit_log_append_only BEFORE INSERT ON audit_log
WHEN NEW.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM audit_log)
  OR json_extract(NEW.entry, '$.seq') IS NOT NEW.seq
  OR json_extract(NEW.entry, '$.prev_hash') IS NOT
     coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1),
              '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN SELECT RAISE(ABORT, 'audit_log: a new entry must follow the last one (next seq, its hash as prev_hash)'); END;

CREATE TABLE assessments (
    id         TEXT PRIMARY KEY,
    processor  TEXT NOT NULL,
    system     TEXT NOT NULL,
    title      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);

CREATE TABLE assessment_versions (
    id             INTEGER PRIMARY KEY,
    assessment_id  TEXT NOT NULL REFERENCES assessments (id),
    version        INTEGER NOT NULL CHECK (version >= 1),
    state          TEXT NOT NULL DEFAULT 'draft'
                   CHECK (state IN ('draft', 'in_review', 'approved', 'rejected', 'superseded')),
    based_on       INTEGER REFERENCES assessment_versions (id),
    reason         TEXT CHECK (reason IN ('purpose_changed', 'method_changed', 'major_incident', 'filing_threshold',
                                          'vendor_or_algorithm_changed', 'periodic_review')),
    reason_note    TEXT NOT NULL DEFAULT '',
    content        TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    bank_version   TEXT NOT NULL,
    evaluation     TEXT,
    evaluated_at   TEXT,
    created_at     TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL,
    decided_at     TEXT,
    decided_by     TEXT,
    decision_note  TEXT NOT NULL DEFAULT '',
    UNIQUE (assessment_id, version),
    CHECK ((based_on IS NULL) = (reason IS NULL))
);
CREATE UNIQUE INDEX assessment_versions_one_open ON assessment_versions (assessment_id)
    WHERE state IN ('draft', 'in_review');
CREATE UNIQUE INDEX assessment_versions_one_approved ON assessment_versions (assessment_id)
    WHERE state = 'approved';
CREATE TRIGGER assessment_versions_new_is_draft BEFORE INSERT ON assessment_versions
WHEN NEW.state <> 'draft'
BEGIN SELECT RAISE(ABORT, 'a new assessment version starts as a draft'); END;
CREATE TRIGGER assessment_versions_transition BEFORE UPDATE OF state ON assessment_versions
WHEN NEW.state IS NOT OLD.state AND NOT (
       (OLD.state = 'draft' AND NEW.state = 'in_review')
    OR (OLD.state = 'in_review' AND NEW.state IN ('approved', 'rejected', 'draft'))
    OR (OLD.state = 'rejected' AND NEW.state = 'draft')
    OR (OLD.state = 'approved' AND NEW.state = 'superseded'))
BEGIN SELECT RAISE(ABORT, 'assessment version: this state change is not allowed'); END;
CREATE TRIGGER assessment_versions_frozen
BEFORE UPDATE OF id, assessment_id, version, based_on, reason, reason_note, content, content_sha256, bank_version,
                 evaluation, evaluated_at, created_at, created_by, updated_at, updated_by, decided_at, decided_by,
                 decision_note
ON assessment_versions
WHEN OLD.state IN ('approved', 'superseded')
BEGIN SELECT RAISE(ABORT, 'an approved assessment version is immutable: create a new version'); END;
CREATE TRIGGER assessment_versions_draft_only
BEFORE UPDATE OF content, content_sha256, bank_version, evaluation, evaluated_at, based_on, reason
ON assessment_versions
WHEN OLD.state IN ('in_review', 'rejected')
BEGIN SELECT RAISE(ABORT, 'only a draft assessment version can be edited'); END;
CREATE TRIGGER assessment_versions_keep BEFORE DELETE ON assessment_versions
WHEN OLD.state <> 'draft'
BEGIN SELECT RAISE(ABORT, 'only a draft assessment version can be deleted'); END;
CREATE TRIGGER assessments_keep BEFORE DELETE ON assessments
WHEN EXISTS (SELECT 1 FROM assessment_versions v WHERE v.assessment_id = OLD.id AND v.state <> 'draft')
BEGIN SELECT RAISE(ABORT, 'an assessment with a submitted, approved or rejected version cannot be deleted'); END;

-- One row per archived PDF. signer/cert_fingerprint: the last (approving) signature; every signature of
-- the file is in report_signatures, in signing order.
CREATE TABLE reports (
    id               INTEGER PRIMARY KEY,
    report_id        TEXT NOT NULL UNIQUE,
    version_id       INTEGER NOT NULL REFERENCES assessment_versions (id),
    language         TEXT NOT NULL DEFAULT '',
    pdf              BLOB NOT NULL,
    sha256           TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    size             INTEGER NOT NULL,
    signed           INTEGER NOT NULL DEFAULT 0 CHECK (signed IN (0, 1)),
    signer           TEXT,
    cert_fingerprint TEXT CHECK (cert_fingerprint IS NULL OR
                                 (length(cert_fingerprint) = 64 AND cert_fingerprint NOT GLOB '*[^0-9a-f]*')),
    created_at       TEXT NOT NULL,
    created_by       TEXT NOT NULL,
    retain_until     TEXT NOT NULL CHECK (retain_until = date(retain_until)),
    CHECK (size = length(pdf)),
    CHECK (retain_until >= date(created_at, '+3 years')),
    CHECK (signed = 0 OR (signer IS NOT NULL AND cert_fingerprint IS NOT NULL))
);
CREATE INDEX reports_version ON reports (version_id);
CREATE TRIGGER reports_frozen
BEFORE UPDATE OF id, report_id, version_id, language, pdf, sha256, size, signed, signer, cert_fingerprint,
                 created_at, created_by
ON reports
BEGIN SELECT RAISE(ABORT, 'an archived report cannot be changed (only its retain_until can be extended)'); END;
CREATE TRIGGER reports_keep_longer BEFORE UPDATE OF retain_until ON reports
WHEN NEW.retain_until < OLD.retain_until
BEGIN SELECT RAISE(ABORT, 'retention: retain_until of a report can only be extended'); END;
CREATE TRIGGER reports_retention BEFORE DELETE ON reports
WHEN OLD.retain_until >= date('now')
BEGIN SELECT RAISE(ABORT, 'retention: a report cannot be deleted before its retain_until date'); END;

CREATE TABLE report_signatures (
    report_id        INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL CHECK (position >= 1),
    signer           TEXT NOT NULL,
    role             TEXT NOT NULL DEFAULT '',
    organisation     TEXT NOT NULL DEFAULT '',
    cert_fingerprint TEXT NOT NULL CHECK (length(cert_fingerprint) = 64 AND cert_fingerprint NOT GLOB '*[^0-9a-f]*'),
    self_signed      INTEGER NOT NULL DEFAULT 0 CHECK (self_signed IN (0, 1)),
    signed_at        TEXT NOT NULL,
    PRIMARY KEY (report_id, position)
);
CREATE TRIGGER report_signatures_frozen BEFORE UPDATE ON report_signatures
BEGIN SELECT RAISE(ABORT, 'a recorded signature cannot be changed'); END;
CREATE TRIGGER report_signatures_retention BEFORE DELETE ON report_signatures
WHEN (SELECT retain_until FROM reports WHERE id = OLD.report_id) >= date('now')
BEGIN SELECT RAISE(ABORT, 'retention: a signature of a retained report cannot be deleted'); END;

-- 处理情况记录 with the fields of GB/T 35273-2020 11.3.
CREATE TABLE processing_records (
    id                    INTEGER PRIMARY KEY,
    record_date           TEXT NOT NULL CHECK (record_date = date(record_date)),
    system                TEXT NOT NULL CHECK (system <> ''),
    assessment_id         TEXT REFERENCES assessments (id),
    pi_types              TEXT NOT NULL CHECK (pi_types <> ''),
    quantity              INTEGER NOT NULL CHECK (typeof(quantity) = 'integer' AND quantity >= 0),
    sources               TEXT NOT NULL CHECK (sources <> ''),
    purposes              TEXT NOT NULL CHECK (purposes <> ''),
    scenarios             TEXT NOT NULL CHECK (scenarios <> ''),
    entrusted_processing  TEXT NOT NULL DEFAULT '',
    sharing               TEXT NOT NULL DEFAULT '',
    transfer              TEXT NOT NULL DEFAULT '',
    public_disclosure     TEXT NOT NULL DEFAULT '',
    cross_border          TEXT NOT NULL DEFAULT '',
    related_systems       TEXT NOT NULL DEFAULT '',
    related_organisations TEXT NOT NULL DEFAULT '',
    related_staff         TEXT NOT NULL DEFAULT '',
    note                  TEXT NOT NULL DEFAULT '',
    created_at            TEXT NOT NULL,
    created_by            TEXT NOT NULL,
    retain_until          TEXT NOT NULL CHECK (retain_until = date(retain_until)),
    CHECK (retain_until >= date(created_at, '+3 years') AND retain_until >= date(record_date, '+3 years'))
);
CREATE INDEX processing_records_date ON processing_records (record_date);
CREATE INDEX processing_records_system ON processing_records (system, record_date);
CREATE TRIGGER processing_records_frozen BEFORE UPDATE OF id, created_at, created_by ON processing_records
BEGIN SELECT RAISE(ABORT, 'the id and creation of a processing record cannot be changed'); END;
CREATE TRIGGER processing_records_keep_longer BEFORE UPDATE OF retain_until ON processing_records
WHEN NEW.retain_until < OLD.retain_until
BEGIN SELECT RAISE(ABORT, 'retention: retain_until of a processing record can only be extended'); END;
CREATE TRIGGER processing_records_retention BEFORE DELETE ON processing_records
WHEN OLD.retain_until >= date('now')
BEGIN SELECT RAISE(ABORT, 'retention: a processing record cannot be deleted before its retain_until date'); END;

-- Filing tracker (Measures Art. 15). The clocks are computed by pia_wizard.core.filing, never stored.
CREATE TABLE processors (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE CHECK (name <> ''),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE TABLE filing_counts (
    id           INTEGER PRIMARY KEY,
    processor_id INTEGER NOT NULL REFERENCES processors (id),
    counted_on   TEXT NOT NULL CHECK (counted_on = date(counted_on)),
    stored_count INTEGER NOT NULL CHECK (typeof(stored_count) = 'integer' AND stored_count >= 0),
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    UNIQUE (processor_id, counted_on)
);
CREATE TABLE filings (
    processor_id  INTEGER PRIMARY KEY REFERENCES processors (id),
    reached_on    TEXT CHECK (reached_on IS NULL OR reached_on = date(reached_on)),
    authority     TEXT NOT NULL DEFAULT '',
    filed_on      TEXT CHECK (filed_on IS NULL OR filed_on = date(filed_on)),
    filing_number TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL
);
CREATE TABLE filing_events (
    id               INTEGER PRIMARY KEY,
    processor_id     INTEGER NOT NULL REFERENCES processors (id),
    kind             TEXT NOT NULL CHECK (kind IN ('change', 'cancellation')),
    event_on         TEXT NOT NULL CHECK (event_on = date(event_on)),
    description      TEXT NOT NULL DEFAULT '',
    done_on          TEXT CHECK (done_on IS NULL OR done_on = date(done_on)),
    reference        TEXT NOT NULL DEFAULT '',
    disposed_on      TEXT CHECK (disposed_on IS NULL OR (kind = 'cancellation' AND disposed_on = date(disposed_on))),
    disposal_note    TEXT NOT NULL DEFAULT '',
    withdrawn_reason TEXT,
    created_at       TEXT NOT NULL,
    created_by       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    updated_by       TEXT NOT NULL
);
CREATE TABLE filing_materials (
    processor_id INTEGER NOT NULL REFERENCES processors (id),
    item         TEXT NOT NULL CHECK (item IN ('FILING-15-FILE-PROCESSOR-FORM', 'FILING-15-FILE-FRT-FORM',
                                               'FILING-15-FILE-PIPIA-REPORT', 'FILING-15-FILE-USCC',
                                               'FILING-15-FILE-LEGALREP-ID', 'FILING-15-FILE-AGENT-ID',
                                               'FILING-15-FILE-POA', 'FILING-15-FILE-COMMITMENT')),
    status       TEXT NOT NULL DEFAULT 'missing'
                 CHECK (status IN ('missing', 'in_progress', 'ready', 'submitted', 'not_applicable')),
    note         TEXT NOT NULL DEFAULT '',
    file_name    TEXT,
    file_sha256  TEXT,
    file_bytes   BLOB,
    report_id    INTEGER REFERENCES reports (id),
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    PRIMARY KEY (processor_id, item),
    CHECK ((file_bytes IS NULL) = (file_sha256 IS NULL))
);
CREATE TRIGGER processors_keep BEFORE DELETE ON processors
BEGIN SELECT RAISE(ABORT, 'filing history is kept: a processor cannot be deleted'); END;
CREATE TRIGGER filing_counts_keep BEFORE DELETE ON filing_counts
BEGIN SELECT RAISE(ABORT, 'filing history is kept: correct a count instead of deleting it'); END;
CREATE TRIGGER filing_events_keep BEFORE DELETE ON filing_events
BEGIN SELECT RAISE(ABORT, 'filing history is kept: withdraw an event instead of deleting it'); END;
CREATE TRIGGER filing_materials_keep BEFORE DELETE ON filing_materials
BEGIN SELECT RAISE(ABORT, 'filing history is kept: set a material to not_applicable instead'); END;
"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]


def _executescript_in_transaction(sql: str) -> Callable[[sqlite3.Connection], None]:
    # sqlite3.Connection.executescript() COMMITs first, which would break the migrator's transaction (and the
    # promise that a failed migration leaves nothing behind); run the statements one by one instead.
    def apply(conn: sqlite3.Connection) -> None:
        for statement in split_sql(sql):
            conn.execute(statement)

    return apply


def split_sql(sql: str) -> list[str]:
    """Split a script into complete statements (trigger bodies hold ';' too)."""
    statements, current = [], ""
    for line in sql.splitlines(keepends=True):
        if not current and (not line.strip() or line.lstrip().startswith("--")):
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        raise ValueError(f"incomplete SQL statement: {current.strip()[:80]}")
    return statements


MIGRATIONS: list[Migration] = [
    Migration(1, "v1: assessments, reports, processing records, filing tracker, audit log",
              _executescript_in_transaction(V1_SQL)),
]


def latest_version() -> int:
    return MIGRATIONS[-1].version
