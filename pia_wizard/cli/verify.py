"""The ``verify`` command of the command line. cli.py only registers it (``add_parsers``, ``COMMANDS``).

Exit codes: 0 when every check holds (signatures, integrity, coverage, PDF/A claim, embedded assessment JSON,
trust when --trust is given, the archive holding these bytes unless --no-archive); 1 when any fails, each reason
printed; 2 for input that cannot be checked at all (missing file, not a PDF, unreadable --trust), one line on
stderr. The work is done by pia_wizard.services.verify; this module only prints (text or JSON).
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import Any

from pia_wizard.cli.common import EXIT_FOUND, EXIT_OK, json_out, run_job
from pia_wizard.context import AppContext


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("verify", help="check a signed report: signatures, integrity, trust, PDF/A, archive copy")
    p.add_argument("pdf", help="the report PDF to check")
    p.add_argument("--trust", action="append", metavar="CERT.pem",
                   help="a certificate (PEM or DER) the signers must chain to; repeat for several")
    p.add_argument("--no-archive", action="store_true",
                   help="do not look for the file in the archive (a copy received from elsewhere)")
    p.add_argument("--format", choices=("text", "json"), default="text")


def cmd_verify(args: argparse.Namespace, ctx: AppContext) -> int:
    from pia_wizard.services.verify import prepare_verify

    check = run_job(prepare_verify(ctx, args.pdf, trust=args.trust, check_archive=not args.no_archive), ctx)
    if args.format == "json":
        json_out(check_dict(check))
    else:
        sys.stdout.write(render_text(check))
    return EXIT_OK if check.ok else EXIT_FOUND


def trust_label(sig: Any) -> str:
    if sig.trusted is None:
        return "trust not checked (no --trust given)"
    return "trusted (chains to --trust)" if sig.trusted else "not trusted (does not chain to --trust)"


def archive_message(a: Any) -> str:
    from pia_wizard.services.verify import NO_ARCHIVE, NOT_CHECKED

    if a.status == NOT_CHECKED:
        return "not checked (--no-archive)"
    if a.status == NO_ARCHIVE:
        return f"{a.message}; to verify a copy received from elsewhere, use --no-archive"
    return a.message


def failed(check: Any) -> list[str]:
    extra = [] if check.archive.ok else [f"archive: {archive_message(check.archive)}"]
    return [*check.result.failed, *extra]


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def check_dict(check: Any) -> dict[str, Any]:
    """Everything in ``check`` as JSON-ready data with stable keys (datetimes ISO 8601)."""
    from pia_wizard.services.verify import hash_match, role_of

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
            "status": a.status, "ok": a.ok, "message": archive_message(a), "data_dir": a.data_dir,
            "database": a.database,
            "reports": [{"id": x.id, "report_id": x.report_id, "sha256": x.sha256, "size": x.size,
                         "assessment_id": x.assessment_id, "version": x.version, "version_state": x.version_state,
                         "language": x.language, "created_at": x.created_at, "created_by": x.created_by,
                         "retain_until": x.retain_until, "signatures": [dict(s) for s in x.signatures]}
                        for x in a.reports],
        },
        "failed": failed(check), "notes": list(r.notes),
    }


def _when(value: Any) -> str:
    if value is None:
        return "not stated"
    return value.strftime("%Y-%m-%d %H:%M:%S %Z").strip() + " (as stated by the signer; no trusted timestamp)"


def render_text(check: Any) -> str:
    """The English report of ``pia-wizard verify``: one block per signature, the document, the archive, and a
    final verdict (``OK: ...`` or one ``FAILED: ...`` line per reason)."""
    from pia_wizard.services.verify import HELD, NOT_CHECKED, hash_match, role_of

    r = check.result
    lines = [f"File: {check.path}",
             f"  SHA-256 {r.sha256}, {r.size:,} bytes, {r.revisions} revision{'s' if r.revisions != 1 else ''}"]
    total = len(r.signatures)
    if not total:
        lines += ["", "Signatures: none"]
    for n, s in enumerate(r.signatures, start=1):
        role = role_of(s.field_name, s.reason)
        lines += ["", f"Signature {n} of {total}: {s.field_name}{f' ({role})' if role else ''} — "
                      f"{'OK' if s.ok else 'FAILED'}"]
        signer = s.signer + (f", {s.organisation}" if s.organisation else "")
        if s.intact and s.valid:
            value = "VALID (the signed bytes are unchanged and the signature verifies with the certificate)"
        elif s.intact:
            value = "INVALID (the signature value does not verify with the certificate)"
        else:
            value = "INVALID (the signed bytes were changed after signing)"
        if s.covers_whole_file:
            coverage = "covers the whole file"
        elif s.later_revisions:
            coverage = "revisions added after it: " + "; ".join(s.later_revisions)
        else:
            coverage = "does not cover the whole file"
        modification = {"none": "none", "signatures added": "only signatures added after it (allowed)",
                        "archival data added": "only archival data (DSS, timestamps) added after it (allowed)",
                        "modified": "MODIFIED after signing (see the problem below)"}.get(s.modification,
                                                                                          s.modification)
        matches = hash_match(s, r)
        if s.assessment_sha256 is None:
            stated = "states no assessment SHA-256"
        elif matches is None:
            stated = f"states SHA-256 {s.assessment_sha256}; the file has no embedded assessment JSON to compare"
        else:
            stated = (f"states SHA-256 {s.assessment_sha256}: "
                      + ("matches the embedded JSON" if matches else "DOES NOT MATCH the embedded JSON"))
        lines += [
            f"  signer:        {signer}",
            f"  signing time:  {_when(s.signing_time)}",
            f"  signature:     {value}",
            f"  integrity:     {'intact' if s.intact else 'BROKEN: digest mismatch'}",
            f"  coverage:      revision {s.revision}, {coverage}",
            f"  modification:  {modification}",
            f"  certificate:   {'self-signed' if s.self_signed else 'issued by a CA'}, "
            f"SHA-256 fingerprint {s.certificate_fingerprint or 'unknown'}",
            f"  trust:         {trust_label(s)}",
            f"  assessment:    {stated}",
        ]
        if s.report_id:
            lines.append(f"  report ID:     {s.report_id}")
        lines += [f"  problem:       {p}" for p in s.problems]

    lines += ["", "Document"]
    lines.append(f"  PDF/A claim:   {r.pdfa or 'NONE (no pdfaid part and conformance in the XMP metadata)'}")
    if r.assessment_name:
        lines.append(f"  assessment:    {r.assessment_name}, SHA-256 {r.assessment_sha256}")
    else:
        lines.append("  assessment:    NONE (no embedded assessment JSON)")
    if check.trust_files:
        lines.append(f"  trusted certs: {', '.join(check.trust_files)}")
    # verify.py's per-signature notes (self-signed, trust not checked) are already in each signature's block
    lines += [f"  note:          {note}" for note in r.notes if not note.startswith("signature '")]

    a = check.archive
    lines += ["", "Archive"]
    lines.append(f"  {archive_message(a)}" if a.status in (HELD, NOT_CHECKED) else f"  FAILED: {archive_message(a)}")
    for x in a.reports:
        version = f"assessment {x.assessment_id} v{x.version} ({x.version_state})" if x.assessment_id else \
            "assessment version unknown"
        lines += [f"  report {x.report_id} (archive #{x.id}): {version}",
                  f"    archived {x.created_at} by {x.created_by}; kept until {x.retain_until}",
                  f"    SHA-256 {x.sha256}, {x.size:,} bytes"]
        if x.signers:
            lines.append(f"    signed by {'; '.join(x.signers)}")

    lines.append("")
    if check.ok:
        lines.append("OK: " + _summary(check))
    else:
        lines += [f"FAILED: {reason}" for reason in failed(check)]
    return "\n".join(lines) + "\n"


def _summary(check: Any) -> str:
    from pia_wizard.services.verify import HELD

    r = check.result
    n = len(r.signatures)
    parts = [f"{n} signature{'s' if n != 1 else ''} valid and intact",
             f"{r.pdfa} claimed", f"{r.assessment_name} matches every signature"]
    if r.trust_checked:
        parts.append("every signer trusted")
    else:
        parts.append("signer trust not checked (no --trust given)")
    if check.archive.status == HELD:
        parts.append("the archive holds these exact bytes (" + ", ".join(
            f"report {x.report_id}" for x in check.archive.reports) + ")")
    else:
        parts.append("archive not checked (--no-archive)")
    return "; ".join(parts)


COMMANDS = {"verify": cmd_verify}
