"""Verify a report PDF and compare it with the archive: the use case behind ``pia-wizard verify`` (no Qt, no
printing; cli/verify.py prints, a GUI can show the same ``ReportCheck``).

``prepare_verify`` reads the file and the trust certificates (a one-line ``BadInput`` for a missing file, a folder,
no permission, too large, not a PDF, an unreadable trust file); its job runs ``signing.verify.verify_pdf`` and then
asks the archive in the data folder whether it holds these exact bytes (SHA-256 of the whole file, and the stored
bytes re-hashed).

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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography import x509

from pia_wizard.context import AppContext
from pia_wizard.core.bank import Text
from pia_wizard.services import files
from pia_wizard.services.errors import BadInput, one_line
from pia_wizard.services.jobs import CancelToken, ProgressFn, Steps
from pia_wizard.signing.verify import SignatureCheck, TrustSource, VerifyResult

if TYPE_CHECKING:
    from pia_wizard.store.db import Store

MAX_PDF_BYTES = files.MAX_PDF_BYTES

# ArchiveCheck.status
HELD = "held"  # the archive holds these exact bytes
NOT_HELD = "not_held"  # an archive exists and holds neither these bytes nor the report ID
DIFFERENT_BYTES = "different_bytes"  # the archive holds the report ID with other bytes
NO_ARCHIVE = "no_archive"  # no database in the data dir (nothing was created)
NOT_CHECKED = "not_checked"  # check_archive=False
ERROR = "error"  # locked, damaged, newer, unreadable: the store's message
ARCHIVE_STATUSES = (HELD, NOT_HELD, DIFFERENT_BYTES, NO_ARCHIVE, NOT_CHECKED, ERROR)


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
    signatures: tuple[dict[str, object], ...]  # position, signer, role, organisation, cert_fingerprint, ...

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
        extra = () if self.archive.ok else (f"archive: {self.archive.message}",)  # front ends add their hints
        return (*self.result.failed, *extra)


def _trust(trust: Iterable[TrustSource] | TrustSource | None) -> tuple[list[x509.Certificate] | None, tuple[str, ...]]:

    from pia_wizard.signing import SigningError
    from pia_wizard.signing.keys import load_certificates

    if trust is None:
        return None, ()
    if isinstance(trust, str | Path | x509.Certificate):
        trust = [trust]
    certs: list[x509.Certificate] = []
    files: list[str] = []
    for item in trust:
        if isinstance(item, x509.Certificate):
            certs.append(item)
            continue
        if Path(item).is_dir():
            raise BadInput("trust_is_folder", path=item)
        try:
            certs.extend(load_certificates(item))
        except SigningError as exc:
            raise BadInput("trust_problem", detail=one_line(exc)) from None
        files.append(str(item))
    return certs, tuple(files)


VERIFY_STEPS = {"signatures": (3.0, Text("核验签名", "Checking the signatures")),
                "archive": (0.5, Text("与档案比对", "Comparing with the archive"))}


@dataclass
class VerifyJob:
    ctx: AppContext
    path: Path
    data: bytes = field(repr=False)
    certs: list[x509.Certificate] | None
    trust_files: tuple[str, ...]
    check_archive: bool
    title: Text = field(default_factory=lambda: Text("核验报告", "Verify the report"))

    def run(self, progress: ProgressFn | None = None, cancel: CancelToken | None = None) -> ReportCheck:
        from pia_wizard.signing import SigningError
        from pia_wizard.signing.verify import verify_pdf

        steps = Steps(VERIFY_STEPS, progress, cancel)
        steps.start("signatures")
        try:
            result = verify_pdf(self.data, trust=self.certs)
        except SigningError as exc:  # not reached after read_pdf's checks; kept so no SigningError escapes
            raise BadInput("verify_problem", detail=f"{self.path}: {one_line(exc)}") from None
        steps.start("archive")
        if self.check_archive:
            archive = find_in_archive(self.ctx, self.data, result)
        else:
            archive = ArchiveCheck(NOT_CHECKED, "not checked")
        steps.finish()
        return ReportCheck(self.path, result, archive, self.trust_files)


def prepare_verify(ctx: AppContext, pdf_path: str | os.PathLike[str], *,
                   trust: Iterable[TrustSource] | TrustSource | None = None, check_archive: bool = True) -> VerifyJob:
    """Read the report at ``pdf_path`` and the ``trust`` certificates (PEM/DER files or certificates the signers
    must chain to; None: trust is reported, not judged). With ``check_archive`` the job also looks for these exact
    bytes in the archive of the context's data folder. Raises BadInput only for input that cannot be checked."""
    certs, trust_files = _trust(trust)
    path = Path(pdf_path)
    return VerifyJob(ctx, path, files.read_pdf(path), certs, trust_files, check_archive)


def verify_report(ctx: AppContext, pdf_path: str | os.PathLike[str], *,
                  trust: Iterable[TrustSource] | TrustSource | None = None, check_archive: bool = True) -> ReportCheck:
    """``prepare_verify`` and run it without progress."""
    return prepare_verify(ctx, pdf_path, trust=trust, check_archive=check_archive).run()


def _report_ids(result: VerifyResult) -> list[str]:
    ids: list[str] = []
    for sig in result.signatures:
        if sig.report_id and sig.report_id not in ids:
            ids.append(sig.report_id)
    return ids


def find_in_archive(ctx: AppContext, pdf: bytes, result: VerifyResult) -> ArchiveCheck:
    """Does the archive in the context's data folder hold these exact bytes? Never creates a folder or a database
    and never raises for an archive problem (it becomes an ``error`` status with the store's message)."""
    from pia_wizard.store import StoreError
    from pia_wizard.store.db import DB_NAME, open_readonly, translate

    folder = ctx.data_dir
    path = folder / DB_NAME
    where = {"data_dir": str(folder), "database": str(path)}
    timeout = ctx.settings.busy_timeout or 0.0
    try:
        if not path.exists():
            return ArchiveCheck(NO_ARCHIVE, f"no archive in {folder} (no {DB_NAME})", data_dir=str(folder))
        if not path.is_file():
            return ArchiveCheck(ERROR, f"{path} is not a file", **where)
        if path.stat().st_size == 0:
            return ArchiveCheck(NOT_HELD, f"the archive {path} is empty: it does not hold this file", **where)
        try:
            store = open_readonly(path, ctx.actor or "pia-wizard verify", busy_timeout=ctx.settings.busy_timeout)
        except StoreError as exc:
            if "is empty" in str(exc):
                return ArchiveCheck(NOT_HELD, f"the archive {path} is empty: it does not hold this file", **where)
            raise
        try:
            store.conn.execute("BEGIN")  # one snapshot for every read below
            return _lookup(store, path, pdf, result, where)
        finally:
            store.close()
    except StoreError as exc:
        return ArchiveCheck(ERROR, " ".join(str(exc).split()), **where)
    except sqlite3.Error as exc:
        return ArchiveCheck(ERROR, " ".join(str(translate(exc, path, timeout)).split()), **where)
    except OSError as exc:
        return ArchiveCheck(ERROR, f"cannot read {path}: {exc.strerror or exc}", **where)


def _lookup(store: Store, path: Path, pdf: bytes, result: VerifyResult, where: dict[str, str]) -> ArchiveCheck:
    from pia_wizard.store import reports

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
    others = [_archived(store, row["id"]) for report_id in ids for row in reports.find_by_report_id(store, report_id)]
    if others:
        names = ", ".join(f"{r.report_id} (#{r.id}, SHA-256 {r.sha256[:16]}…)" for r in others)
        return ArchiveCheck(DIFFERENT_BYTES, f"the archive holds report {names} with different bytes: this file "
                                             "is not the archived copy", reports=tuple(others), **where)
    named = f" nor a report with ID {', '.join(ids)}" if ids else ""
    return ArchiveCheck(NOT_HELD, f"the archive {path} does not hold this file (SHA-256 {result.sha256[:16]}…){named}",
                        **where)


def _archived(store: Store, pk: int) -> ArchivedReport:
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


def hash_match(sig: SignatureCheck, result: VerifyResult) -> bool | None:
    """Does the signature's stated assessment SHA-256 match the embedded JSON? None: nothing to compare."""
    if sig.assessment_sha256 is None or result.assessment_sha256 is None:
        return None
    return sig.assessment_sha256 == result.assessment_sha256
