"""The certificates this data folder trusts: what the desktop app's verify view checks signers against, and where
"Trust this certificate" puts a signer's certificate (taken from the signed report itself, after the user compared
its fingerprint). One PEM file per certificate in ``<data folder>/trust/``, named by its SHA-256 fingerprint; each
change is audited when the folder has an archive.

The CLI keeps its explicit ``--trust FILE``; these files are ordinary PEM files a user can pass there too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from pia_wizard.context import AppContext
from pia_wizard.core.bank import Text
from pia_wizard.services import files
from pia_wizard.services.errors import BadInput, OutputRefused, one_line, translated

TRUST_FOLDER = "trust"
ENTITY = "trusted_certificate"


@dataclass(frozen=True)
class TrustedCertificate:
    path: Path | None  # the PEM in the trust folder (None: not trusted yet, e.g. read from a report)
    fingerprint: str  # SHA-256 of the DER certificate, lower-case hex
    signer: str  # the subject's common name (or the whole subject)
    organisation: str | None
    subject: str  # RFC 4514
    issuer: str
    self_signed: bool
    not_valid_before: datetime
    not_valid_after: datetime


def trust_dir(ctx: AppContext) -> Path:
    return ctx.data_dir / TRUST_FOLDER


def _describe(cert: x509.Certificate, path: Path | None) -> TrustedCertificate:
    from pia_wizard.signing.keys import fingerprint, is_self_signed

    def attr(oid: x509.ObjectIdentifier) -> str | None:
        values = cert.subject.get_attributes_for_oid(oid)
        return str(values[0].value) if values else None

    return TrustedCertificate(
        path=path, fingerprint=fingerprint(cert),
        signer=attr(x509.NameOID.COMMON_NAME) or cert.subject.rfc4514_string(),
        organisation=attr(x509.NameOID.ORGANIZATION_NAME), subject=cert.subject.rfc4514_string(),
        issuer=cert.issuer.rfc4514_string(), self_signed=is_self_signed(cert),
        not_valid_before=cert.not_valid_before_utc, not_valid_after=cert.not_valid_after_utc)


def _load(folder: Path) -> list[tuple[Path, x509.Certificate]]:
    """Every readable certificate in the folder; a file that is not one is skipped (it cannot make a signer
    trusted, and must not stop a verification)."""
    from pia_wizard.signing import SigningError
    from pia_wizard.signing.keys import load_certificates

    out: list[tuple[Path, x509.Certificate]] = []
    try:
        paths = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".pem" and p.is_file())
    except OSError:
        return out
    for p in paths:
        try:
            out.extend((p, c) for c in load_certificates(p))
        except SigningError:
            continue
    return out


def trusted_certificates(ctx: AppContext) -> list[TrustedCertificate]:
    return [_describe(cert, path) for path, cert in _load(trust_dir(ctx))]


def trust_sources(ctx: AppContext) -> list[x509.Certificate] | None:
    """For ``verify.prepare_verify(trust=...)``: the trusted certificates, or None when there are none (trust is
    then reported, not judged, as by ``verify`` without ``--trust``)."""
    certs = [cert for _, cert in _load(trust_dir(ctx))]
    return certs or None


def _signer_certificate(pdf_path: str | os.PathLike[str], fp: str) -> x509.Certificate:
    from pia_wizard.signing.keys import fingerprint
    from pia_wizard.signing.verify import signer_certificates

    data = files.read_pdf(pdf_path, what=files.REPORT_PDF)
    with translated():
        certs = signer_certificates(data)
    wanted = fp.strip().lower()
    for cert in certs:
        if fingerprint(cert) == wanted:
            return cert
    raise BadInput("trust_problem", detail=Text(f"{pdf_path} 中没有 SHA-256 指纹为 {wanted} 的签名证书",
                                                f"{pdf_path} holds no signature certificate with SHA-256 "
                                                f"fingerprint {wanted}"))


def signer_certificate(pdf_path: str | os.PathLike[str], fp: str) -> TrustedCertificate:
    """The certificate of the signature with fingerprint ``fp`` in a report, described (for a confirmation)."""
    return _describe(_signer_certificate(pdf_path, fp), None)


def _audit(ctx: AppContext, action: str, fp: str, detail: dict[str, object]) -> None:
    from pia_wizard.services.assessments import open_archive
    from pia_wizard.store import audit
    from pia_wizard.store.db import DB_NAME

    if not (ctx.data_dir / DB_NAME).is_file():
        return  # a folder without an archive (e.g. only used to verify): nothing to audit into
    with open_archive(ctx) as store, store.write():
        audit.append(store, action, ENTITY, fp, **detail)


def trust_signer(ctx: AppContext, pdf_path: str | os.PathLike[str], fp: str) -> TrustedCertificate:
    """Trust the certificate of the signature with fingerprint ``fp`` in the report at ``pdf_path``: its PEM is
    written to the trust folder (atomically; again the same file when it is already trusted)."""
    from pia_wizard.store import audit

    cert = _signer_certificate(pdf_path, fp)
    folder = trust_dir(ctx)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputRefused("output_write_failed", path=folder, detail=one_line(exc.strerror or exc)) from None
    info = _describe(cert, folder / f"{fp.strip().lower()}.pem")
    assert info.path is not None
    already = info.path.is_file()
    files.write_atomic(info.path, cert.public_bytes(Encoding.PEM))
    if not already:
        _audit(ctx, audit.CREATE, info.fingerprint,
               {"after": {"subject": info.subject, "issuer": info.issuer, "self_signed": info.self_signed,
                          "from": str(pdf_path)}})
    return info


def untrust(ctx: AppContext, fp: str) -> bool:
    """Stop trusting the certificate with fingerprint ``fp``; False when it was not trusted."""
    from pia_wizard.store import audit

    wanted = fp.strip().lower()
    removed = False
    for path, cert in _load(trust_dir(ctx)):
        info = _describe(cert, path)
        if info.fingerprint != wanted:
            continue
        try:
            path.unlink()
        except OSError as exc:
            raise OutputRefused("output_write_failed", path=path, detail=one_line(exc.strerror or exc)) from None
        _audit(ctx, audit.DELETE, wanted, {"before": {"subject": info.subject, "issuer": info.issuer}})
        removed = True
    return removed
