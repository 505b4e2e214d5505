"""Verify a signed report: every signature, what was added after it, trust, the PDF/A claim and the embedded
assessment JSON against the SHA-256 each signature states. Offline: pyHanko never fetches anything here.

Policy (what makes ``ok`` false), in plain words in ``VerifyResult.failed``:

- no signature; a signature whose signed bytes changed or whose value does not verify; a signature that does not
  cover a whole revision;
- a later revision that does more than add signatures or archival data (pyHanko's diff analysis, modification
  level above FORM_FILLING): e.g. a changed page, a swapped attachment, a new annotation;
- with a trust list: a signer certificate that does not chain to it (without one, trust is reported, not judged);
- no PDF/A claim in the XMP; no embedded JSON; a signature stating no assessment SHA-256 or one that differs
  from the JSON now in the file.

Certificates are validated at the signing time the signature states (/M): PAdES B-B carries no trusted timestamp,
so this is the signer's claim, but a report must stay verifiable after the certificate expires.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from pia_wizard.logcapture import capture
from pia_wizard.signing import SigningError
from pia_wizard.signing._pdf import _text, assessment_attachment, pdfa_claim
from pia_wizard.signing._pdf import attachments as attachments_of
from pia_wizard.signing.keys import fingerprint, is_self_signed, load_certificates
from pia_wizard.signing.sign import HASH_KEY

HASH_RE = re.compile(r"assessment-sha256=([0-9a-fA-F]{64})")
REPORT_RE = re.compile(r"report-id=([^;]+)")
TrustSource = str | Path | x509.Certificate


@dataclass(frozen=True)
class SignatureCheck:
    field_name: str
    signer: str
    subject: str
    organisation: str | None
    signing_time: datetime | None
    revision: int  # 1-based: revision 1 is the file as first written, each incremental update adds one
    intact: bool  # the signed bytes hash to the digest inside the signature
    valid: bool  # ... and the signature value verifies with the certificate's key
    covers_whole_file: bool
    later_revisions: tuple[str, ...]  # e.g. "revision 3: signature 'PIA-Signature-DPO'", "revision 4: other update"
    modification: str  # none | signatures added | archival data added | modified
    modification_detail: str | None
    self_signed: bool
    trusted: bool | None  # None: no trust list was given
    certificate_fingerprint: str
    reason: str | None
    assessment_sha256: str | None  # as stated in /Reason
    report_id: str | None
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class VerifyResult:
    sha256: str  # of the whole file: compare with the archive
    size: int
    revisions: int
    signatures: tuple[SignatureCheck, ...]
    pdfa: str | None  # e.g. "PDF/A-3B"
    assessment_name: str | None
    assessment_sha256: str | None
    json_attachments: tuple[str, ...]
    trust_checked: bool
    failed: tuple[str, ...]
    notes: tuple[str, ...] = ()
    messages: tuple[str, ...] = ()  # pyHanko's own warnings, for debugging

    @property
    def ok(self) -> bool:
        return not self.failed


def _trust_certs(trust: Iterable[TrustSource] | TrustSource | None) -> list[x509.Certificate] | None:
    if trust is None:
        return None
    if isinstance(trust, str | Path | x509.Certificate):
        trust = [trust]
    certs: list[x509.Certificate] = []
    for item in trust:
        certs.extend([item] if isinstance(item, x509.Certificate) else load_certificates(item))
    return certs


def verify_pdf(pdf: bytes, *, trust: Iterable[TrustSource] | TrustSource | None = None) -> VerifyResult:
    """Check a signed report. ``trust``: certificates (or PEM/DER files) that signers must chain to; when None,
    trust is only reported. Raises SigningError only for input that is not a PDF at all, or an unreadable
    trust file; anything wrong inside a PDF is a failed check."""
    trust_certs = _trust_certs(trust)
    if not pdf.startswith(b"%PDF-"):
        raise SigningError("not a PDF (it does not start with %PDF-)")
    from pia_wizard.signing import _speedup

    _speedup.install()
    # pyHanko logs every untrusted self-signed certificate as a WARNING with a traceback; keep those out of the
    # user's terminal and hand them back in ``VerifyResult.messages``.
    with capture("pyhanko", "pyhanko_certvalidator") as messages:
        result = _verify(pdf, trust_certs)
    return replace(result, messages=tuple(messages))


def _verify(pdf: bytes, trust_certs: list[x509.Certificate] | None) -> VerifyResult:
    from pyhanko.pdf_utils.reader import PdfFileReader

    file_hash = hashlib.sha256(pdf).hexdigest()
    failed: list[str] = []
    notes: list[str] = []
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        revisions = reader.xrefs.total_revisions
        # A reader of its own: decoding the XMP stream through the signatures' reader breaks pyHanko's diff
        # analysis later ("No container reference available").
        root = PdfFileReader(io.BytesIO(pdf), strict=False).root
    except Exception as e:
        return VerifyResult(file_hash, len(pdf), 0, (), None, None, None, (), trust_certs is not None,
                            (f"the file is not a readable PDF: {_short(e)}",))

    pdfa = pdfa_claim(root)
    if pdfa is None:
        failed.append("no PDF/A claim (pdfaid part and conformance) in the document's XMP metadata")
    found = assessment_attachment(root)
    attachment, json_names = found.attachment, found.json_names
    attachment_hash = hashlib.sha256(attachment.data).hexdigest() if attachment else None
    if found.ambiguous:
        failed.append(f"the file holds {found.conflicting} different assessment.json attachments: which one was "
                      "assessed and signed cannot be told")
    elif attachment is None:
        failed.append("no embedded assessment JSON (no assessment.json attachment)"
                      + (f"; other JSON attachments: {', '.join(json_names)}" if json_names else ""))
    elif len(json_names) > 1:
        notes.append(f"{len(json_names)} JSON attachments ({', '.join(json_names)}); checked {attachment.name}")

    embedded: list[Any] = []
    try:
        embedded = list(reader.embedded_regular_signatures)
    except Exception as e:
        failed.append(f"the signatures cannot be read: {_short(e)}")
    else:
        if not embedded:
            failed.append("the PDF has no signature")

    signed_revisions = {}
    for sig in embedded:
        with contextlib.suppress(Exception):  # an unreadable one is reported by _check_signature
            signed_revisions[sig.signed_revision] = _field_name(sig)
    checks = [_check_signature(pdf, sig, revisions, signed_revisions, trust_certs, attachment, attachment_hash)
              for sig in embedded]
    for check in checks:
        failed.extend(check.problems)
        if check.self_signed:
            notes.append(f"signature {check.field_name!r} ({check.signer}): self-signed certificate")
        if check.trusted is None:
            notes.append(f"signature {check.field_name!r}: trust not checked (no trust certificate given)")
    last_signed = max((c.revision for c in checks), default=0)
    if checks and revisions > last_signed:
        notes.append(f"{revisions - last_signed} revision(s) were added after the last signature")
    return VerifyResult(
        sha256=file_hash, size=len(pdf), revisions=revisions, signatures=tuple(checks), pdfa=pdfa,
        assessment_name=attachment.name if attachment else None, assessment_sha256=attachment_hash,
        json_attachments=tuple(json_names), trust_checked=trust_certs is not None, failed=tuple(failed),
        notes=tuple(notes),
    )


def verify_file(path: str | Path, *, trust: Iterable[TrustSource] | TrustSource | None = None) -> VerifyResult:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise SigningError(f"cannot read {path}: {e.strerror or e}") from None
    return verify_pdf(data, trust=trust)


def signer_certificates(pdf: bytes) -> list[x509.Certificate]:
    """The certificate of every signature in the file, in the file's order (one that cannot be read is left out);
    for trusting a signer seen in a report. Raises SigningError for a file that is not a readable PDF."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        signatures = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures
    except Exception as e:
        raise SigningError(f"the file is not a readable PDF: {_short(e)}") from None
    certs = []
    for sig in signatures:
        try:
            certs.append(x509.load_der_x509_certificate(sig.signer_cert.dump()))
        except Exception:
            continue
    return certs


def _short(e: BaseException, limit: int = 200) -> str:
    text = " ".join(str(e).split()) or type(e).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _name_attr(cert: x509.Certificate, oid: x509.ObjectIdentifier) -> str | None:
    values = cert.subject.get_attributes_for_oid(oid)
    return str(values[0].value) if values else None


def _check_signature(pdf: bytes, sig: Any, revisions: int, signed_revisions: dict[int, str],
                     trust_certs: list[x509.Certificate] | None, attachment: Any,
                     attachment_hash: str | None) -> SignatureCheck:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    name = _field_name(sig)
    problems: list[str] = []
    try:
        cert = x509.load_der_x509_certificate(sig.signer_cert.dump())
    except Exception as e:
        return _unreadable(name, f"signature {name!r}: its certificate cannot be read: {_short(e)}")
    signer = _name_attr(cert, x509.NameOID.COMMON_NAME) or cert.subject.rfc4514_string()
    label = f"signature {name!r} ({signer})"
    reason = _text(sig.sig_object.get("/Reason"))
    # The last occurrence: sign.py appends these after the role, which is free text.
    hashes = HASH_RE.findall(reason or "")
    stated_hash = hashes[-1].lower() if hashes else None
    ids = REPORT_RE.findall(reason or "")
    report_id = ids[-1].strip() if ids else None
    when = sig.self_reported_timestamp

    from asn1crypto import x509 as asn1_x509

    roots = [asn1_x509.Certificate.load(c.public_bytes(Encoding.DER)) for c in (trust_certs or [])]
    context = ValidationContext(trust_roots=roots, allow_fetching=False, moment=when, revocation_mode="soft-fail")
    usage = KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False)
    try:
        status = validate_pdf_signature(sig, signer_validation_context=context, key_usage_settings=usage)
    except Exception as e:
        return _unreadable(name, f"{label}: cannot be checked: {_short(e)}", cert=cert, reason=reason,
                           stated_hash=stated_hash, report_id=report_id, when=when)

    revision = sig.signed_revision + 1
    if not status.intact:
        problems.append(f"{label}: the signed content was changed after signing (digest mismatch)")
    elif not status.valid:
        problems.append(f"{label}: the signature value does not verify against its certificate")
    coverage = status.coverage
    if coverage not in (SignatureCoverageLevel.ENTIRE_FILE, SignatureCoverageLevel.ENTIRE_REVISION):
        problems.append(f"{label}: does not cover a whole revision of the file")
    later = tuple(
        f"revision {rev + 1}: signature {signed_revisions[rev]!r}" if rev in signed_revisions
        else f"revision {rev + 1}: update without a signature"
        for rev in range(sig.signed_revision + 1, revisions)
    )
    level = status.modification_level
    detail = None
    if isinstance(status.diff_result, Exception):
        detail = _short(status.diff_result, 300)
    if level is None or level == ModificationLevel.NONE:
        modification = "none"
    elif level == ModificationLevel.LTA_UPDATES:
        modification = "archival data added"
    elif level == ModificationLevel.FORM_FILLING:
        modification = "signatures added"
    else:
        modification = "modified"
        what = describe_changes(pdf, sig.signed_revision)
        problems.append(f"the file was modified after {label} was applied: {what}")
    if status.docmdp_ok is False and modification != "modified":
        problems.append(f"{label}: later changes break the signature's modification policy")

    trusted = None
    if trust_certs is not None:
        trusted = bool(status.trusted)
        if not trusted and status.intact and status.valid:  # pyHanko does not judge trust of a broken signature
            problems.append(f"{label}: the certificate is not trusted by the given trust certificate(s)"
                            f" (certificate SHA-256 {fingerprint(cert)[:16]}…)")

    if stated_hash is None:
        problems.append(f"{label}: states no {HASH_KEY} of the assessment it signs")
    elif attachment_hash is not None and stated_hash != attachment_hash:
        problems.append(f"the embedded {attachment.name} does not match {label}: it hashes to "
                        f"{attachment_hash[:16]}…, the signature states {stated_hash[:16]}…")
    return SignatureCheck(
        field_name=name, signer=signer, subject=cert.subject.rfc4514_string(),
        organisation=_name_attr(cert, x509.NameOID.ORGANIZATION_NAME), signing_time=when, revision=revision,
        intact=bool(status.intact), valid=bool(status.valid),
        covers_whole_file=coverage == SignatureCoverageLevel.ENTIRE_FILE, later_revisions=later,
        modification=modification, modification_detail=detail, self_signed=is_self_signed(cert), trusted=trusted,
        certificate_fingerprint=fingerprint(cert), reason=reason, assessment_sha256=stated_hash,
        report_id=report_id, problems=tuple(problems),
    )


def _field_name(sig: Any) -> str:
    try:
        return str(sig.field_name)
    except Exception:
        return "(unnamed)"


def _unreadable(name: str, problem: str, *, cert: x509.Certificate | None = None, reason: str | None = None,
                stated_hash: str | None = None, report_id: str | None = None,
                when: datetime | None = None) -> SignatureCheck:
    signer = (_name_attr(cert, x509.NameOID.COMMON_NAME) if cert else None) or "?"
    return SignatureCheck(
        field_name=name, signer=signer, subject=cert.subject.rfc4514_string() if cert else "?",
        organisation=_name_attr(cert, x509.NameOID.ORGANIZATION_NAME) if cert else None, signing_time=when,
        revision=0, intact=False, valid=False, covers_whole_file=False, later_revisions=(), modification="unknown",
        modification_detail=None, self_signed=is_self_signed(cert) if cert else False, trusted=None,
        certificate_fingerprint=fingerprint(cert) if cert else "", reason=reason, assessment_sha256=stated_hash,
        report_id=report_id, problems=(problem,),
    )


def describe_changes(pdf: bytes, signed_revision: int) -> str:
    """What the revisions after ``signed_revision`` (0-based) change, in words: pages whose content or resources
    differ, the embedded files, other objects. Reads with a reader of its own (see ``_verify``)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        last = reader.xrefs.total_revisions - 1
        rewritten: set[Any] = set()
        for rev in range(signed_revision + 1, last + 1):
            rewritten |= set(reader.xrefs.explicit_refs_in_revision(rev))
        before = _page_keys(reader.get_historical_resolver(signed_revision).root)
        after = _page_keys(reader.get_historical_resolver(last).root)
        parts = []
        if len(before) != len(after):
            parts.append(f"the number of pages went from {len(before)} to {len(after)}")
        changed = [i + 1 for i, (old, new) in enumerate(zip(before, after, strict=False))
                   if old[0] != new[0] or new[1] & rewritten]
        if changed:
            shown = ", ".join(map(str, changed[:10])) + (" …" if len(changed) > 10 else "")
            parts.append(f"page{'s' if len(changed) > 1 else ''} {shown} changed")
        old_files = {(a.name, a.data) for a in attachments_of(reader.get_historical_resolver(signed_revision).root)}
        new_files = {(a.name, a.data) for a in attachments_of(reader.get_historical_resolver(last).root)}
        if old_files != new_files:
            parts.append("the embedded files changed")
        if not parts:
            parts.append("objects outside the pages and attachments changed (e.g. annotations or document-level "
                         "entries)")
    except Exception as e:
        return f"the later revisions could not be analysed ({_short(e)})"
    count = last - signed_revision
    return f"{'; '.join(parts)} (in {count} later revision{'s' if count > 1 else ''})"


def _page_keys(root: Any) -> list[tuple[str, set[Any]]]:
    """For each page: a comparable key of its raw /Contents and /Resources, and the references they point to."""
    from pyhanko.pdf_utils import generic

    pages: list[tuple[str, set[Any]]] = []

    def refs(value: Any) -> set[Any]:
        if isinstance(value, generic.IndirectObject):
            return {value.reference}
        if isinstance(value, generic.ArrayObject):
            return {v.reference for v in value if isinstance(v, generic.IndirectObject)}
        return set()

    def walk(node: Any, depth: int) -> None:
        if depth > 64:
            return
        for kid in node.get_object()["/Kids"]:
            obj = kid.get_object()
            if obj.get("/Type") == "/Pages":
                walk(obj, depth + 1)
                continue
            contents = obj.raw_get("/Contents") if "/Contents" in obj else None
            resources = obj.raw_get("/Resources") if "/Resources" in obj else None
            pages.append((repr((contents, resources)), refs(contents) | refs(resources)))

    walk(root.raw_get("/Pages"), 0)
    return pages
