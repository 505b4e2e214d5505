"""The reports archive: the exact PDF bytes as issued (signed or not), kept at least three years.

For the signing work (issue 5): ``archive(..., signatures=[...], approve=True)`` stores the signed bytes,
their SHA-256, each signature (signer, role, organisation, certificate SHA-256 fingerprint, time,
self-signed or not), moves the assessment version to approved and writes the audit entries, all in one
transaction. ``find_by_sha256`` answers "does the archive hold these exact bytes?" for ``verify``.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import asdict, dataclass
from datetime import date
from hashlib import sha256
from typing import Any

from pia_wizard.store import assessments, audit, values
from pia_wizard.store.db import Store, plus_years
from pia_wizard.store.errors import InvalidInput, NotFound, RetentionError, StateError

ENTITY = "report"
RETENTION_YEARS = 3
_COLUMNS = ("id", "report_id", "version_id", "language", "sha256", "size", "signed", "signer", "cert_fingerprint",
            "created_at", "created_by", "retain_until")
_HEX64 = re.compile(r"[0-9a-f]{64}")


def fingerprint(value: str) -> str:
    """Normalise a SHA-256 certificate fingerprint: 'AB:CD:...' or 'abcd...' -> 64 lowercase hex digits."""
    fp = value.replace(":", "").replace(" ", "").lower()
    if not _HEX64.fullmatch(fp):
        raise InvalidInput(f"{value!r} is not a SHA-256 fingerprint (64 hex digits)")
    return fp


@dataclass(frozen=True)
class Signature:
    signer: str
    cert_fingerprint: str
    signed_at: str  # ISO 8601, as the signing time in the PDF
    role: str = ""
    organisation: str = ""
    self_signed: bool = False


def _row(r: tuple[Any, ...]) -> dict[str, Any]:
    return dict(zip(_COLUMNS, r, strict=True))


def get(store: Store, pk: int) -> dict[str, Any]:
    r = store.conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM reports WHERE id = ?", (pk,)).fetchone()
    if r is None:
        raise NotFound(f"no archived report with id {pk}")
    out = _row(r)
    out["signatures"] = signatures(store, pk)
    return out


def signatures(store: Store, pk: int) -> list[dict[str, Any]]:
    cols = ("position", "signer", "role", "organisation", "cert_fingerprint", "self_signed", "signed_at")
    rows = store.conn.execute(f"SELECT {', '.join(cols)} FROM report_signatures WHERE report_id = ? ORDER BY position",
                              (pk,))
    return [dict(zip(cols, r, strict=True)) for r in rows]


def pdf_bytes(store: Store, pk: int) -> bytes:
    r = store.conn.execute("SELECT pdf FROM reports WHERE id = ?", (pk,)).fetchone()
    if r is None:
        raise NotFound(f"no archived report with id {pk}")
    return bytes(r[0])


def find_by_sha256(store: Store, digest: str) -> list[dict[str, Any]]:
    rows = store.conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM reports WHERE sha256 = ?", (digest.lower(),))
    return [_row(r) for r in rows]


def find_by_report_id(store: Store, report_id: str) -> list[dict[str, Any]]:
    rows = store.conn.execute("SELECT id FROM reports WHERE report_id = ? ORDER BY id", (report_id,)).fetchall()
    return [get(store, r[0]) for r in rows]


def list_reports(store: Store, version_id: int | None = None) -> list[dict[str, Any]]:
    sql = f"SELECT {', '.join(_COLUMNS)} FROM reports"
    params: tuple[Any, ...] = ()
    if version_id is not None:
        sql += " WHERE version_id = ?"
        params = (version_id,)
    return [_row(r) for r in store.conn.execute(sql + " ORDER BY id", params)]


def archive(store: Store, *, version_id: int, pdf: bytes, report_id: str, language: str = "",
            signatures: list[Signature] | tuple[Signature, ...] = (), retain_until: date | str | None = None,
            approve: bool = False, approval_note: str = "", content_sha256: str | None = None) -> dict[str, Any]:
    """Archive issued PDF bytes. With ``approve``, the version moves to approved in the same transaction.
    ``content_sha256``: the SHA-256 of the assessment JSON the report was made from; the version must still hold
    exactly that (another window may have changed the draft while the report was rendered and signed)."""
    if not isinstance(pdf, (bytes, bytearray)) or not pdf:
        raise InvalidInput("the report has no bytes")
    try:
        report_id = values.text(report_id, required=True, max_len=200)
    except ValueError as exc:
        raise InvalidInput(f"report_id {exc}") from None
    sigs = [Signature(**{**asdict(s), "cert_fingerprint": fingerprint(s.cert_fingerprint)}) for s in signatures]
    digest = sha256(pdf).hexdigest()
    with store.write():
        version = assessments.get_version(store, version_id)
        if content_sha256 is not None and version["content_sha256"] != content_sha256:
            raise StateError(f"version {version['version']} of assessment {version['assessment_id']} changed while "
                             "the report was made: it no longer holds the content that was signed; sign again")
        created = store.timestamp()
        minimum = plus_years(store.today(), RETENTION_YEARS).isoformat()
        if retain_until is None:
            keep = minimum
        else:
            try:
                keep = values.iso_date(retain_until)
            except ValueError as exc:
                raise InvalidInput(f"retain_until: {exc}") from None
            if keep < minimum:
                raise RetentionError(f"retain_until {keep} is too early: a report is kept at least three years "
                                     f"(PIPL Art. 56), until {minimum} or later")
        if approve:
            if version["state"] == "draft":
                version = assessments.transition(store, version_id, "submit")
            if version["state"] != "approved":
                version = assessments.transition(store, version_id, "approve", approval_note)
        last = sigs[-1] if sigs else None
        try:
            cur = store.conn.execute(
                "INSERT INTO reports (report_id, version_id, language, pdf, sha256, size, signed, signer, "
                "cert_fingerprint, created_at, created_by, retain_until) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (report_id, version_id, language, bytes(pdf), digest, len(pdf), int(bool(sigs)),
                 last.signer if last else None, last.cert_fingerprint if last else None, created, store.actor, keep))
        except sqlite3.IntegrityError as exc:
            if "UNIQUE" in str(exc):
                raise InvalidInput(f"a report with id {report_id!r} is already archived") from None
            raise InvalidInput(f"report {report_id}: {exc}") from None
        pk = cur.lastrowid
        for position, s in enumerate(sigs, start=1):
            store.conn.execute(
                "INSERT INTO report_signatures (report_id, position, signer, role, organisation, cert_fingerprint, "
                "self_signed, signed_at) VALUES (?,?,?,?,?,?,?,?)",
                (pk, position, s.signer, s.role, s.organisation, s.cert_fingerprint, int(s.self_signed), s.signed_at))
            audit.append(store, audit.SIGN, ENTITY, report_id,
                         after={"position": position, **asdict(s), "sha256": digest,
                                "version": f"{version['assessment_id']}/v{version['version']}"})
        audit.append(store, audit.ARCHIVE, ENTITY, report_id,
                     after={"id": pk, "sha256": digest, "size": len(pdf), "signed": bool(sigs),
                            "version": f"{version['assessment_id']}/v{version['version']}",
                            "retain_until": keep, "language": language})
        return get(store, pk)


def extend_retention(store: Store, pk: int, until: date | str) -> dict[str, Any]:
    try:
        keep = values.iso_date(until)
    except ValueError as exc:
        raise InvalidInput(f"retain_until: {exc}") from None
    with store.write():
        current = get(store, pk)
        if keep == current["retain_until"]:
            return current
        try:
            store.conn.execute("UPDATE reports SET retain_until = ? WHERE id = ?", (keep, pk))
        except sqlite3.IntegrityError:
            raise RetentionError(f"report {current['report_id']}: retain_until can only be extended (now "
                                 f"{current['retain_until']})") from None
        audit.append(store, audit.UPDATE, ENTITY, current["report_id"],
                     before={"retain_until": current["retain_until"]}, after={"retain_until": keep})
        return get(store, pk)


def delete(store: Store, pk: int) -> None:
    """Refused (by trigger, and audited) until retain_until has passed; afterwards only ``purge`` removes it."""
    current = get(store, pk)
    try:
        with store.write():
            store.conn.execute("SAVEPOINT probe")
            store.conn.execute("DELETE FROM reports WHERE id = ?", (pk,))
            store.conn.execute("ROLLBACK TO probe")
            store.conn.execute("RELEASE probe")
    except sqlite3.IntegrityError as exc:
        if "retention" not in str(exc):
            raise store.translate(exc) from None
        with store.write():
            audit.append(store, audit.DELETE_REFUSED, ENTITY, current["report_id"],
                         before={"retain_until": current["retain_until"], "sha256": current["sha256"]},
                         after={"reason": "retention", "by": "trigger reports_retention"})
        raise RetentionError(f"report {current['report_id']} is kept until {current['retain_until']} (PIPL Art. 56: "
                             "at least three years); it cannot be deleted before then") from None
    raise RetentionError(f"report {current['report_id']} is past its retention date ({current['retain_until']}): "
                         "remove it with a purge, which asks for confirmation and is audited")
