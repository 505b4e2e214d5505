"""The signing key of the PI protection officer (or the assessor), kept only as a passphrase-protected PKCS#12:
create a self-signed one, import a CA-issued .p12/.pfx, show who it signs as, export its certificate as PEM.

The default key file is <data folder>/keys/signing-key.p12 (the folder is created 0700). Passphrases are passed
through to the key functions and never stored, logged or put into a message.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pia_wizard.context import AppContext
from pia_wizard.core.bank import Text
from pia_wizard.services import files
from pia_wizard.services.errors import BadInput, OutputRefused, translated

KEY_TYPES = ("ec", "rsa")


@dataclass(frozen=True)
class CertificateInfo:
    path: Path | None  # the key file it was read from
    signer: str
    organisation: str | None
    key: str  # "ECDSA secp256r1", "RSA-3072"
    issuer: str  # RFC 4514
    self_signed: bool
    not_valid_before: datetime
    not_valid_after: datetime
    fingerprint: str  # SHA-256 of the DER certificate, lower-case hex


def _info(identity: object, path: Path | None) -> CertificateInfo:
    cert = identity.certificate  # type: ignore[attr-defined]
    return CertificateInfo(path=path, signer=identity.name, organisation=identity.organisation,  # type: ignore[attr-defined]
                           key=identity.key_description, issuer=cert.issuer.rfc4514_string(),  # type: ignore[attr-defined]
                           self_signed=identity.self_signed, not_valid_before=cert.not_valid_before_utc,  # type: ignore[attr-defined]
                           not_valid_after=cert.not_valid_after_utc, fingerprint=identity.fingerprint)  # type: ignore[attr-defined]


def default_key_path(ctx: AppContext) -> Path:
    from pia_wizard.signing.keys import default_key_path as _default

    return _default(ctx.data_dir)


def _key_dest(ctx: AppContext, out: str | os.PathLike[str] | None) -> Path:
    dest = Path(out) if out else default_key_path(ctx)
    if dest.is_dir():
        raise OutputRefused("output_is_folder", path=dest)
    try:
        dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputRefused("output_write_failed", path=dest, detail=exc.strerror or exc) from None
    return dest


def create_key(ctx: AppContext, *, name: str, organisation: str, passphrase: str, key_type: str = "ec",
               years: int = 5, email: str | None = None, out: str | os.PathLike[str] | None = None) -> CertificateInfo:
    """A new self-signed signing certificate, kept at ``out`` (default: the data folder's key file)."""
    from pia_wizard.signing import keys

    if key_type not in KEY_TYPES:
        raise BadInput("bad_value", detail=f"unknown key type {key_type!r}; use ec or rsa")
    dest = _key_dest(ctx, out)
    with translated():
        try:
            identity = keys.create_certificate(dest, name, organisation, passphrase, key_type=key_type, years=years,
                                               email=email)
        except ValueError as exc:  # e.g. cryptography refusing a non-ASCII e-mail address
            raise BadInput("bad_value", detail=" ".join(str(exc).split())[:300]) from None
    return _info(identity, dest)


def import_key(ctx: AppContext, src: str | os.PathLike[str], passphrase: str,
               out: str | os.PathLike[str] | None = None) -> CertificateInfo:
    """Check a CA-issued .p12/.pfx and keep it, re-encrypted, at ``out`` (default: the data folder's key file)."""
    from pia_wizard.signing import keys

    dest = _key_dest(ctx, out)
    with translated():
        identity = keys.import_pkcs12(src, passphrase, dest)
    return _info(identity, dest)


def show_key(ctx: AppContext, passphrase: str, path: str | os.PathLike[str] | None = None, *,
             apart: bool = False) -> CertificateInfo:
    """Open the key file (checking the passphrase) and describe its certificate; ``apart``: in a child process
    (see services.report.prepare_issue)."""
    from pia_wizard.signing import keys
    from pia_wizard.signing.apart import load_pkcs12_apart

    source = Path(path) if path else default_key_path(ctx)
    with translated():
        identity = (load_pkcs12_apart if apart else keys.load_pkcs12)(source, passphrase)
    return _info(identity, source)


def export_certificate(ctx: AppContext, passphrase: str, out: str | os.PathLike[str],
                       path: str | os.PathLike[str] | None = None) -> tuple[Path, CertificateInfo]:
    """Write the key's public certificate as PEM (what a regulator or an auditor imports as trusted)."""
    from pia_wizard.signing import keys

    source = Path(path) if path else default_key_path(ctx)
    if Path(out).resolve() == source.resolve():
        raise OutputRefused("output_is_key_file", path=out)
    dest = files.check_output(out, keys=(source,))
    with translated():
        identity = keys.load_pkcs12(source, passphrase)
    files.write_atomic(dest, identity.certificate_pem())
    return dest, _info(identity, source)


@dataclass(frozen=True)
class PassphraseHint:
    acceptable: bool  # long enough to protect a key (passphrase_problem is None)
    strength: str  # "too_short" | "weak" | "fair" | "strong"
    text: Text


def passphrase_hint(passphrase: str) -> PassphraseHint:
    """How strong a new passphrase looks, for a dialog to show as the user types: refused below the minimum
    length, then a rough estimate from its length and the kinds of characters in it (a hint, not a measure)."""
    import math

    from pia_wizard.signing.keys import MIN_PASSPHRASE

    if passphrase_problem(passphrase) is not None:
        return PassphraseHint(False, "too_short", Text(f"太短：至少 {MIN_PASSPHRASE} 个字符",
                                                       f"too short: at least {MIN_PASSPHRASE} characters"))
    pool = 0
    kinds = ((str.islower, 26), (str.isupper, 26), (str.isdigit, 10), (lambda c: c.isspace(), 1),
             (lambda c: c.isascii() and not c.isalnum() and not c.isspace(), 33), (lambda c: not c.isascii(), 3000))
    for test, size in kinds:
        if any(test(c) for c in passphrase):
            pool += size
    bits = len(passphrase) * math.log2(max(pool, 2))
    if bits < 60:
        return PassphraseHint(True, "weak", Text("强度：弱（加长或混用多种字符更好）",
                                                 "strength: weak (longer, or more kinds of characters, is better)"))
    if bits < 90:
        return PassphraseHint(True, "fair", Text("强度：中等", "strength: fair"))
    return PassphraseHint(True, "strong", Text("强度：强", "strength: strong"))


def passphrase_problem(passphrase: str) -> str | None:
    """Why a new passphrase is refused (None: acceptable); for a dialog that checks as the user types."""
    from pia_wizard.signing.keys import MIN_PASSPHRASE

    if len(passphrase) < MIN_PASSPHRASE:
        return f"at least {MIN_PASSPHRASE} characters"
    return None
