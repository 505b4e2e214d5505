"""Verify a report PDF and compare it with the archive: the use case behind ``pia-wizard verify`` (no Qt, no
printing; cli_verify.py prints, a GUI can show the same ``ReportCheck``).

``verify_report`` reads the file (one-line ``VerifyError`` for a missing file, a folder, no permission, too large,
not a PDF, an unreadable trust file), runs ``signing.verify.verify_pdf`` and then asks the archive in the data dir
whether it holds these exact bytes (SHA-256 of the whole file, and the stored bytes re-hashed).

The archive is only ever read: a missing data folder or database is reported as "no archive in <dir>" and never
created (a regulator verifying a file received by e-mail has no archive), the database is opened read-only after
``store.db.inspect_existing`` has checked it, and a locked, damaged or newer archive is a failed archive check
with the store's one-line message, not an exception.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pia_wizard import files
from pia_wizard.signing.verify import TrustSource, VerifyResult

MAX_PDF_BYTES = files.MAX_PDF_BYTES

# ArchiveCheck.status
HELD = "held"  # the archive holds these exact bytes
NOT_HELD = "not_held"  # an archive exists and holds neither these bytes nor the report ID
DIFFERENT_BYTES = "different_bytes"  # the archive holds the report ID with other bytes
NO_ARCHIVE = "no_archive"  # no database in the data dir (nothing was created)
NOT_CHECKED = "not_checked"  # check_archive=False
ERROR = "error"  # locked, damaged, newer, unreadable: the store's message
ARCHIVE_STATUSES = (HELD, NOT_HELD, DIFFERENT_BYTES, NO_ARCHIVE, NOT_CHECKED, ERROR)


class VerifyError(Exception):
    """Bad input (the file or a trust file cannot be used): one line, safe to print; the CLI exits 2."""


@dataclass(frozen=True)
class ArchivedReport:
    id: int  # the row in the archive (`pia-wizard reports extract ID`)
    report_id: str
    sha256: str
    size: int
    assessment_id: str | None
    version: int | None
    version_state: str | None
    language: str
    created_at: str
    created_by: str
    retain_until: str
    signatures: tuple[dict[str, Any], ...]  # position, signer, role, organisation, cert_fingerprint, ...

    @property
    def signers(self) -> tuple[str, ...]:
        return tuple(s["signer"] + (f" ({s['role']})" if s.get("role") else "") for s in self.signatures)


@dataclass(frozen=True)
class ArchiveCheck:
    status: str  # one of ARCHIVE_STATUSES
    message: str  # one line, plain words
    data_dir: str | None = None
    database: str | None = None
    reports: tuple[ArchivedReport, ...] = ()  # held: the rows with these bytes; different_bytes: the same report ID

    @property
    def ok(self) -> bool:
        return self.status in (HELD, NOT_CHECKED)


@dataclass(frozen=True)
class ReportCheck:
    path: Path
    result: VerifyResult
    archive: ArchiveCheck
    trust_files: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.result.ok and self.archive.ok

    @property
    def failed(self) -> tuple[str, ...]:
        """Every reason, in plain words: the signature checks', then the archive's (prefixed "archive: ")."""
        extra = () if self.archive.ok else (f"archive: {self.archive.message}",)
        return (*self.result.failed, *extra)


def read_pdf(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a file that claims to be a PDF; VerifyError with a one-line reason otherwise."""
    p = Path(path)
    data = files.read_bytes(p, VerifyError, limit=MAX_PDF_BYTES)
    if not data:
        raise VerifyError(f"{p} is empty, not a PDF")
    if not data.startswith(b"%PDF-"):
        raise VerifyError(f"{p} is not a PDF (it does not start with %PDF-)")
    return data


def _trust(trust: Iterable[TrustSource] | TrustSource | None) -> tuple[list[Any] | None, tuple[str, ...]]:
    from cryptography import x509

    from pia_wizard.signing import SigningError
    from pia_wizard.signing.keys import load_certificates

    if trust is None:
        return None, ()
    if isinstance(trust, str | Path | x509.Certificate):
        trust = [trust]
    certs: list[Any] = []
    files: list[str] = []
    for item in trust:
        if isinstance(item, x509.Certificate):
            certs.append(item)
            continue
        if Path(item).is_dir():
            raise VerifyError(f"trust certificate {item} is a folder, not a PEM or DER file")
        try:
            certs.extend(load_certificates(item))
        except SigningError as exc:
            raise VerifyError(f"trust certificate: {exc}") from None
        files.append(str(item))
    return certs, tuple(files)


def verify_report(pdf_path: str | os.PathLike[str], *, trust: Iterable[TrustSource] | TrustSource | None = None,
                  check_archive: bool = True, data_dir: str | os.PathLike[str] | None = None,
                  actor: str | None = None) -> ReportCheck:
    """Verify the report at ``pdf_path``; with ``check_archive`` also look for its exact bytes in the archive of
    ``data_dir`` (default: --data-dir / PIA_WIZARD_DATA_DIR / the user data dir). ``trust``: certificates or
    PEM/DER files the signers must chain to (None: trust is reported, not judged). ``actor`` is accepted for
    symmetry with the other use cases; verifying writes nothing, so it is recorded nowhere.

    Raises VerifyError (one line) only for input that cannot be checked at all."""
    from pia_wizard.signing import SigningError
    from pia_wizard.signing.verify import verify_pdf

    certs, trust_files = _trust(trust)
    path = Path(pdf_path)
    data = read_pdf(path)
    try:
        result = verify_pdf(data, trust=certs)
    except SigningError as exc:  # not reached after read_pdf's checks; kept so no SigningError escapes
        raise VerifyError(f"{path}: {exc}") from None
    if check_archive:
        archive = find_in_archive(data, result, data_dir=data_dir, actor=actor)
    else:
        archive = ArchiveCheck(NOT_CHECKED, "not checked (--no-archive)")
    return ReportCheck(path, result, archive, trust_files)


def _report_ids(result: VerifyResult) -> list[str]:
    ids: list[str] = []
    for sig in result.signatures:
        if sig.report_id and sig.report_id not in ids:
            ids.append(sig.report_id)
    return ids


def find_in_archive(pdf: bytes, result: VerifyResult, *, data_dir: str | os.PathLike[str] | None = None,
                    actor: str | None = None) -> ArchiveCheck:
    """Does the archive in ``data_dir`` hold these exact bytes? Never creates a folder or a database and never
    raises for an archive problem (it becomes an ``error`` status with the store's message)."""
    from pia_wizard.paths import data_dir as resolve_data_dir
    from pia_wizard.store import StoreError
    from pia_wizard.store.db import DB_NAME, _busy_timeout, inspect_existing, translate

    folder = resolve_data_dir(data_dir)
    path = folder / DB_NAME
    where = {"data_dir": str(folder), "database": str(path)}
    timeout = 0.0
    try:
        if not path.exists():
            return ArchiveCheck(NO_ARCHIVE, f"no archive in {folder} (no {DB_NAME}); to verify a copy received "
                                            "from elsewhere, use --no-archive", data_dir=str(folder))
        if not path.is_file():
            return ArchiveCheck(ERROR, f"{path} is not a file", **where)
        if path.stat().st_size == 0:
            return ArchiveCheck(NOT_HELD, f"the archive {path} is empty: it does not hold this file", **where)
        timeout = _busy_timeout(None)
        if inspect_existing(path, timeout) == 0:
            return ArchiveCheck(NOT_HELD, f"the archive {path} is empty: it does not hold this file", **where)
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=timeout,
                               isolation_level=None)
        try:
            conn.execute("BEGIN")  # one snapshot for every read below
            return _lookup(conn, path, actor, timeout, pdf, result, where)
        finally:
            conn.close()
    except StoreError as exc:
        return ArchiveCheck(ERROR, " ".join(str(exc).split()), **where)
    except sqlite3.Error as exc:
        return ArchiveCheck(ERROR, " ".join(str(translate(exc, path, timeout)).split()), **where)
    except OSError as exc:
        return ArchiveCheck(ERROR, f"cannot read {path}: {exc.strerror or exc}", **where)


def _lookup(conn: sqlite3.Connection, path: Path, actor: str | None, timeout: float, pdf: bytes,
            result: VerifyResult, where: dict[str, str]) -> ArchiveCheck:
    from pia_wizard.store import reports
    from pia_wizard.store.db import Store

    store = Store(path, conn, actor or "pia-wizard verify", lambda: datetime.now(UTC), timeout)  # read-only
    held = []
    for row in reports.find_by_sha256(store, result.sha256):
        stored = hashlib.sha256(reports.pdf_bytes(store, row["id"])).hexdigest()
        if stored != result.sha256:
            return ArchiveCheck(ERROR, f"the archive {path} is damaged: report {row['report_id']} (#{row['id']}) "
                                       f"states SHA-256 {result.sha256} but its stored bytes hash to {stored}",
                                **where)
        held.append(_archived(store, row["id"]))
    if held:
        names = ", ".join(f"report {r.report_id} (#{r.id})" for r in held)
        return ArchiveCheck(HELD, f"the archive holds these exact bytes: {names}", reports=tuple(held), **where)
    ids = _report_ids(result)
    others = []
    for report_id in ids:
        row = conn.execute("SELECT id FROM reports WHERE report_id = ?", (report_id,)).fetchone()
        if row:
            others.append(_archived(store, row[0]))
    if others:
        names = ", ".join(f"{r.report_id} (#{r.id}, SHA-256 {r.sha256[:16]}…)" for r in others)
        return ArchiveCheck(DIFFERENT_BYTES, f"the archive holds report {names} with different bytes: this file "
                                             "is not the archived copy", reports=tuple(others), **where)
    named = f" nor a report with ID {', '.join(ids)}" if ids else ""
    return ArchiveCheck(NOT_HELD, f"the archive {path} does not hold this file (SHA-256 {result.sha256[:16]}…){named}",
                        **where)


def _archived(store: Any, pk: int) -> ArchivedReport:
    from pia_wizard.store import assessments, reports

    row = reports.get(store, pk)
    try:
        version = assessments.get_version(store, row["version_id"])
    except Exception:  # a damaged archive: show the report anyway
        version = {}
    return ArchivedReport(
        id=row["id"], report_id=row["report_id"], sha256=row["sha256"], size=row["size"],
        assessment_id=version.get("assessment_id"), version=version.get("version"),
        version_state=version.get("state"), language=row["language"] or "", created_at=row["created_at"],
        created_by=row["created_by"], retain_until=row["retain_until"],
        signatures=tuple({**s, "self_signed": bool(s["self_signed"])} for s in row["signatures"]),
    )


# --- a plain dict of everything (JSON output, GUI) --------------------------------------------------------------

def role_of(field_name: str, reason: str | None) -> str:
    """The role the signature states in /Reason (text before '; report-id='), else one named by the field."""
    from pia_wizard.signing.sign import ASSESSOR_FIELD, DPO_FIELD, REPORT_KEY

    if reason:
        stated = reason.rsplit(f"; {REPORT_KEY}=", 1)[0].strip() if f"; {REPORT_KEY}=" in reason else ""
        if stated:
            return stated
    return {ASSESSOR_FIELD: "lead assessor", DPO_FIELD: "PI protection officer"}.get(field_name, "")


def trust_label(sig: Any) -> str:
    if sig.trusted is None:
        return "trust not checked (no --trust given)"
    return "trusted (chains to --trust)" if sig.trusted else "not trusted (does not chain to --trust)"


def hash_match(sig: Any, result: VerifyResult) -> bool | None:
    """Does the signature's stated assessment SHA-256 match the embedded JSON? None: nothing to compare."""
    if sig.assessment_sha256 is None or result.assessment_sha256 is None:
        return None
    return sig.assessment_sha256 == result.assessment_sha256


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def check_dict(check: ReportCheck) -> dict[str, Any]:
    """Everything in ``check`` as JSON-ready data with stable keys (datetimes ISO 8601)."""
    r = check.result
    sigs = []
    for s in r.signatures:
        sigs.append({
            "field_name": s.field_name, "role": role_of(s.field_name, s.reason), "signer": s.signer,
            "organisation": s.organisation, "subject": s.subject, "signing_time": _iso(s.signing_time),
            "revision": s.revision, "ok": s.ok, "valid": s.intact and s.valid, "intact": s.intact,
            "covers_whole_file": s.covers_whole_file, "later_revisions": list(s.later_revisions),
            "modification": s.modification, "modification_detail": s.modification_detail,
            "certificate_fingerprint": s.certificate_fingerprint, "self_signed": s.self_signed,
            "trusted": s.trusted, "trust": trust_label(s), "report_id": s.report_id,
            "assessment_sha256": s.assessment_sha256, "assessment_matches": hash_match(s, r),
            "problems": list(s.problems),
        })
    a = check.archive
    return {
        "file": str(check.path), "ok": check.ok, "sha256": r.sha256, "size": r.size, "revisions": r.revisions,
        "signatures": sigs, "pdfa": r.pdfa,
        "assessment": {"name": r.assessment_name, "sha256": r.assessment_sha256,
                       "json_attachments": list(r.json_attachments)},
        "trust_checked": r.trust_checked, "trust_files": list(check.trust_files),
        "archive": {
            "status": a.status, "ok": a.ok, "message": a.message, "data_dir": a.data_dir, "database": a.database,
            "reports": [{"id": x.id, "report_id": x.report_id, "sha256": x.sha256, "size": x.size,
                         "assessment_id": x.assessment_id, "version": x.version, "version_state": x.version_state,
                         "language": x.language, "created_at": x.created_at, "created_by": x.created_by,
                         "retain_until": x.retain_until, "signatures": [dict(s) for s in x.signatures]}
                        for x in a.reports],
        },
        "failed": list(check.failed), "notes": list(r.notes),
    }
