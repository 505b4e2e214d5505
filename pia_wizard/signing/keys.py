"""Signing keys: create a self-signed certificate for the DPO, import a PKCS#12, export the public certificate.

The private key exists on disk only inside a passphrase-protected PKCS#12 (PBES2 / PBKDF2-HMAC-SHA256 /
AES-256-CBC, SHA-256 MAC), written atomically with mode 0600. An imported file is re-encrypted the same way:
files exported by Windows or older OpenSSL often still use RC2 or 3DES with SHA-1.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from pia_wizard.signing import SigningError, WrongPassphraseError

KEY_TYPES = ("ec", "rsa")
RSA_BITS = 3072
DEFAULT_YEARS = 5
# OWASP (2023) for PBKDF2-HMAC-SHA256. Unlocking derives three keys (key bag, cert bag, MAC): ~0.6 s on the
# 2-core reference machine, once per signing session.
KDF_ROUNDS = 600_000
MIN_PASSPHRASE = 8
# Written into the subject (OU) of certificates this app creates, so that any viewer (Acrobat, pdfsig, openssl)
# shows where the certificate came from; verify.py detects self-signing from the certificate itself, not from this.
SELF_SIGNED_MARKER = "Self-signed by pia-wizard / pia-wizard 自签名"
KEY_FILE_NAME = "signing-key.p12"

Passphrase = str | bytes


def _secret(passphrase: Passphrase | None) -> bytes | None:
    if passphrase is None:
        return None
    return passphrase.encode("utf-8") if isinstance(passphrase, str) else bytes(passphrase)


def fingerprint(cert: x509.Certificate) -> str:
    """SHA-256 of the DER certificate, lower-case hex (``openssl x509 -fingerprint -sha256`` without colons)."""
    return cert.fingerprint(hashes.SHA256()).hex()


def _attr(name: x509.Name, oid: x509.ObjectIdentifier) -> str | None:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else None


def is_self_signed(cert: x509.Certificate) -> bool:
    """Issuer equals subject and the certificate's own key verifies its signature."""
    if cert.issuer != cert.subject:
        return False
    try:
        cert.verify_directly_issued_by(cert)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


@dataclass(frozen=True, repr=False)
class SigningIdentity:
    """A private key with its certificate (and any chain from the PKCS#12). Never holds the passphrase."""

    private_key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()
    source: Path | None = None

    @property
    def name(self) -> str:
        return _attr(self.certificate.subject, NameOID.COMMON_NAME) or self.certificate.subject.rfc4514_string()

    @property
    def organisation(self) -> str | None:
        return _attr(self.certificate.subject, NameOID.ORGANIZATION_NAME)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.certificate)

    @property
    def self_signed(self) -> bool:
        return is_self_signed(self.certificate)

    @property
    def not_valid_after(self) -> datetime:
        return self.certificate.not_valid_after_utc

    @property
    def key_description(self) -> str:
        key = self.private_key
        if isinstance(key, ec.EllipticCurvePrivateKey):
            return f"ECDSA {key.curve.name}"
        return f"RSA-{key.key_size}"

    def certificate_pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)

    def __repr__(self) -> str:
        return (f"SigningIdentity(name={self.name!r}, organisation={self.organisation!r}, "
                f"key={self.key_description!r}, self_signed={self.self_signed}, fingerprint={self.fingerprint!r})")


def default_key_path(data_dir: str | os.PathLike[str]) -> Path:
    return Path(data_dir) / "keys" / KEY_FILE_NAME


# ------------------------------------------------------------------ create


def create_identity(name: str, organisation: str, *, key_type: str = "ec", years: int = DEFAULT_YEARS,
                    email: str | None = None, now: datetime | None = None) -> SigningIdentity:
    """A new key and a self-signed certificate for it, in memory only (save it with :func:`save_pkcs12`)."""
    name, organisation = (name or "").strip(), (organisation or "").strip()
    if not name:
        raise SigningError("the signer's name is empty")
    if not organisation:
        raise SigningError("the organisation is empty")
    if key_type not in KEY_TYPES:
        raise SigningError(f"unknown key type {key_type!r}; expected one of {', '.join(KEY_TYPES)}")
    if not 1 <= years <= 30:
        raise SigningError(f"validity of {years} years is out of range (1-30)")
    key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
    key = ec.generate_private_key(ec.SECP256R1()) if key_type == "ec" else rsa.generate_private_key(65537, RSA_BITS)
    attrs = [
        x509.NameAttribute(NameOID.COMMON_NAME, name[:64]),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation[:64]),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, SELF_SIGNED_MARKER),
    ]
    if email:
        attrs.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email))
    subject = x509.Name(attrs)
    start = (now or datetime.now(UTC)).replace(microsecond=0) - timedelta(minutes=5)  # tolerate clock skew
    public = key.public_key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=365 * years + years // 4))
        # keyCertSign + CA (path length 0) because the key verifies the certificate's own signature (RFC 5280
        # 4.2.1.3, 4.2.1.9), and NSS (pdfsig, LibreOffice, Thunderbird) accepts a self-signed certificate as a
        # trust anchor only then: with CA:FALSE pdfsig says "issuer is unknown" even after certutil -t CT,C,C.
        # Trusting this certificate therefore also trusts end-entity certificates the DPO's key might issue.
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=True, key_encipherment=False, data_encipherment=False,
            key_agreement=False, key_cert_sign=True, crl_sign=False, encipher_only=False, decipher_only=False,
        ), critical=True)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
    )
    if email:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False)
    cert = builder.sign(key, hashes.SHA256())
    return SigningIdentity(key, cert)


def save_pkcs12(identity: SigningIdentity, path: str | os.PathLike[str], passphrase: Passphrase, *,
                overwrite: bool = False, kdf_rounds: int = KDF_ROUNDS) -> Path:
    """Write the identity as an encrypted PKCS#12, atomically (temp file + rename), mode 0600."""
    secret = _secret(passphrase)
    if not secret:
        raise SigningError("a passphrase is required to protect the signing key")
    path = Path(path)
    if path.exists() and not overwrite:
        raise SigningError(f"{path} already exists; refusing to overwrite a signing key")
    encryption = (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(kdf_rounds)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(secret)
    )
    data = pkcs12.serialize_key_and_certificates(
        identity.name.encode("utf-8"), identity.private_key, identity.certificate, list(identity.chain) or None,
        encryption,
    )
    try:
        _write_private(path, data)
    except OSError as e:
        raise SigningError(f"cannot write the signing key to {path}: {e.strerror or e}") from None
    return path


def _write_private(path: Path, data: bytes) -> None:
    if not path.parent.exists():
        path.parent.mkdir(parents=True)
        with contextlib.suppress(OSError):  # best effort where there are no POSIX modes
            os.chmod(path.parent, 0o700)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".p12", dir=path.parent)  # mkstemp creates it 0600
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):
        os.chmod(path, 0o600)


def create_certificate(path: str | os.PathLike[str], name: str, organisation: str, passphrase: Passphrase, *,
                       key_type: str = "ec", years: int = DEFAULT_YEARS, email: str | None = None,
                       overwrite: bool = False, kdf_rounds: int = KDF_ROUNDS) -> SigningIdentity:
    """Create the DPO's self-signed signing certificate and keep it only as an encrypted PKCS#12 at ``path``."""
    secret = _secret(passphrase)
    if secret is None or len(secret) < MIN_PASSPHRASE:
        raise SigningError(f"the passphrase must be at least {MIN_PASSPHRASE} characters long")
    if Path(path).exists() and not overwrite:
        raise SigningError(f"{path} already exists; refusing to overwrite a signing key")
    identity = create_identity(name, organisation, key_type=key_type, years=years, email=email)
    save_pkcs12(identity, path, secret, overwrite=overwrite, kdf_rounds=kdf_rounds)
    return SigningIdentity(identity.private_key, identity.certificate, identity.chain, Path(path))


# ------------------------------------------------------------------ load and import


def _looks_like_pkcs12(data: bytes) -> bool:
    from asn1crypto import pkcs12 as asn1_pkcs12

    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        pfx["auth_safe"]["content_type"].native  # noqa: B018 - parses lazily; touch it to force the parse
    except (ValueError, TypeError, KeyError):
        return False
    return True


def load_pkcs12(path: str | os.PathLike[str], passphrase: Passphrase | None) -> SigningIdentity:
    """Open a .p12/.pfx and check that it can sign: a private key, its certificate, a key usage that allows
    signing, inside its validity period."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise SigningError(f"cannot read {path}: {e.strerror or e}") from None
    return _load_pkcs12_data(data, passphrase, path)


def _load_pkcs12_data(data: bytes, passphrase: Passphrase | None, path: Path) -> SigningIdentity:
    loaded = None
    failed = False
    try:
        loaded = pkcs12.load_key_and_certificates(data, _secret(passphrase))
    except (ValueError, TypeError):
        failed = True
    # Raised outside the except block: no library exception is chained to ours (see the package docstring).
    if failed or loaded is None:
        if not _looks_like_pkcs12(data):
            raise SigningError(f"{path} is not a PKCS#12 (.p12/.pfx) file")
        raise WrongPassphraseError(path)
    key, cert, extra = loaded
    if key is None:
        raise SigningError(f"{path} holds no private key (only certificates); export the key with the certificate")
    if cert is None:
        raise SigningError(f"{path} holds a private key but no certificate for it")
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise SigningError(f"{path}: unsupported key type {type(key).__name__}; use an RSA or ECDSA key")
    if isinstance(key, rsa.RSAPrivateKey) and key.key_size < 2048:
        raise SigningError(f"{path}: RSA key of {key.key_size} bits is too weak; at least 2048 are needed")
    if key.public_key().public_numbers() != cert.public_key().public_numbers():
        raise SigningError(f"{path}: the private key does not belong to the certificate")
    _check_usable(cert, path)
    return SigningIdentity(key, cert, tuple(extra), path)


def _check_usable(cert: x509.Certificate, path: Path, now: datetime | None = None) -> None:
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        usage = None  # RFC 5280: no KeyUsage extension means no restriction
    if usage is not None and not (usage.digital_signature or usage.content_commitment):
        raise SigningError(f"{path}: the certificate's key usage does not allow signing "
                           "(needs digitalSignature or nonRepudiation)")
    now = now or datetime.now(UTC)
    if now < cert.not_valid_before_utc:
        raise SigningError(f"{path}: the certificate is not valid before {cert.not_valid_before_utc:%Y-%m-%d}")
    if now > cert.not_valid_after_utc:
        raise SigningError(f"{path}: the certificate expired on {cert.not_valid_after_utc:%Y-%m-%d}")


def import_pkcs12(src: str | os.PathLike[str], passphrase: Passphrase, dest: str | os.PathLike[str], *,
                  overwrite: bool = False, kdf_rounds: int = KDF_ROUNDS) -> SigningIdentity:
    """Check an existing .p12/.pfx and store it at ``dest`` under the same passphrase with our encryption."""
    identity = load_pkcs12(src, passphrase)
    save_pkcs12(identity, dest, passphrase, overwrite=overwrite, kdf_rounds=kdf_rounds)
    return SigningIdentity(identity.private_key, identity.certificate, identity.chain, Path(dest))


# ------------------------------------------------------------------ export


def export_certificate(identity: SigningIdentity, dest: str | os.PathLike[str]) -> Path:
    """Write the public certificate as PEM (what a regulator or auditor imports as trusted)."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(identity.certificate_pem())
    return dest


def load_certificates(path: str | os.PathLike[str]) -> list[x509.Certificate]:
    """Certificates from a PEM (one or more) or DER file, e.g. a trust list given to ``verify``."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise SigningError(f"cannot read {path}: {e.strerror or e}") from None
    try:
        if b"-----BEGIN" in data:
            certs = x509.load_pem_x509_certificates(data)
        else:
            certs = [x509.load_der_x509_certificate(data)]
    except ValueError:
        certs = []
    if not certs:
        raise SigningError(f"{path} holds no certificate (expected PEM or DER)")
    return certs
