"""Keys: creation, PKCS#12 protection, import, export, and secrets that never leak."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import traceback
from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from pia_wizard.signing import SigningError, keys
from tests.signing.conftest import NAME, ORG, PASSPHRASE, need

FAST = 2048  # PBKDF2 rounds for throw-away files; the session identity uses the real default


def _legacy_p12(tmp_path, key, cert, passphrase: bytes, name="legacy.p12", *, chain=None):
    """What Windows or old OpenSSL export: 3DES + SHA-1."""
    enc = (serialization.PrivateFormat.PKCS12.encryption_builder()
           .key_cert_algorithm(pkcs12.PBES.PBESv1SHA1And3KeyTripleDESCBC).hmac_hash(hashes.SHA1()).build(passphrase))
    path = tmp_path / name
    path.write_bytes(pkcs12.serialize_key_and_certificates(b"legacy", key, cert, chain, enc))
    return path


def _cert(key, *, usage: x509.KeyUsage | None, days=(-1, 365), cn="Legacy Signer"):
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    now = datetime.now(UTC)
    builder = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
               .serial_number(x509.random_serial_number()).not_valid_before(now + timedelta(days=days[0]))
               .not_valid_after(now + timedelta(days=days[1])))
    if usage is not None:
        builder = builder.add_extension(usage, critical=True)
    return builder.sign(key, hashes.SHA256())


def _usage(**on):
    flags = dict.fromkeys(("digital_signature", "content_commitment", "key_encipherment", "data_encipherment",
                           "key_agreement", "key_cert_sign", "crl_sign", "encipher_only", "decipher_only"), False)
    flags.update(on)
    return x509.KeyUsage(**flags)


# ------------------------------------------------------------------ the created certificate


def test_created_certificate_subject_usage_validity_and_marker(identity):
    cert = identity.certificate
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == NAME
    assert cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == ORG
    assert keys.SELF_SIGNED_MARKER in cert.subject.rfc4514_string()
    assert cert.issuer == cert.subject and identity.self_signed
    ku = cert.extensions.get_extension_for_class(x509.KeyUsage)
    assert ku.critical and ku.value.digital_signature and ku.value.content_commitment
    assert not ku.value.key_encipherment and not ku.value.crl_sign
    # keyCertSign and CA with path length 0: what NSS needs to take a self-signed certificate as a trust anchor
    assert ku.value.key_cert_sign
    bc = cert.extensions.get_extension_for_class(x509.BasicConstraints)
    assert bc.critical and bc.value.ca and bc.value.path_length == 0
    years = (cert.not_valid_after_utc - cert.not_valid_before_utc).days / 365.25
    assert 4.99 < years < 5.01
    assert isinstance(identity.private_key, ec.EllipticCurvePrivateKey)
    assert identity.private_key.curve.name == "secp256r1"
    assert identity.key_description == "ECDSA secp256r1"


def test_rsa_3072_option(tmp_path):
    ident = keys.create_certificate(tmp_path / "rsa.p12", "Li Wei", "Example Ltd", "long enough pw", key_type="rsa",
                                    kdf_rounds=FAST)
    assert isinstance(ident.private_key, rsa.RSAPrivateKey) and ident.private_key.key_size == 3072
    assert keys.load_pkcs12(tmp_path / "rsa.p12", "long enough pw").fingerprint == ident.fingerprint


def test_key_file_is_0600_and_round_trips(identity, key_dir):
    path = key_dir / "dpo.p12"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    loaded = keys.load_pkcs12(path, PASSPHRASE)
    assert loaded.fingerprint == identity.fingerprint
    assert loaded.certificate == identity.certificate
    assert not [p for p in key_dir.iterdir() if p.name.startswith(".tmp-")]  # atomic write left nothing behind


def test_private_key_is_never_written_unencrypted(identity, key_dir, cert_pem):
    key = identity.private_key
    raw_scalar = key.private_numbers().private_value.to_bytes(32, "big")
    pkcs8 = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption())
    traditional = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.TraditionalOpenSSL,
                                    serialization.NoEncryption())
    for path in key_dir.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        assert b"PRIVATE KEY" not in data, path
        assert raw_scalar not in data and pkcs8 not in data and traditional not in data, path
    assert b"BEGIN CERTIFICATE" in cert_pem.read_bytes()


def test_pkcs12_uses_pbes2_aes256_with_many_rounds(key_dir):
    need("openssl")  # ./dev setup installs it (packaging/debian-packages.txt): missing is a failure, not a skip
    out = subprocess.run(["openssl", "pkcs12", "-info", "-noout", "-in", str(key_dir / "dpo.p12"),
                          "-passin", "env:P12PASS"], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "P12PASS": PASSPHRASE})
    assert out.returncode == 0, out.stderr
    assert "Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 600000, PRF hmacWithSHA256" in out.stderr
    assert "MAC: sha256" in out.stderr


def test_export_pem_and_fingerprint(identity, cert_pem):
    cert = x509.load_pem_x509_certificate(cert_pem.read_bytes())
    assert cert == identity.certificate
    assert identity.fingerprint == cert.fingerprint(hashes.SHA256()).hex()
    assert len(identity.fingerprint) == 64
    assert keys.load_certificates(cert_pem) == [cert]


# ------------------------------------------------------------------ errors, and the passphrase in none of them


def test_wrong_passphrase_is_a_clear_error(key_dir):
    path = key_dir / "dpo.p12"
    for wrong in ("not the passphrase", "", None, b"\xff\xfe"):
        with pytest.raises(SigningError) as err:
            keys.load_pkcs12(path, wrong)
        assert str(err.value) == f"wrong passphrase for {path}"


def test_not_a_pkcs12_file(tmp_path):
    junk = tmp_path / "junk.p12"
    junk.write_bytes(b"-----BEGIN CERTIFICATE-----\nnot really\n")
    with pytest.raises(SigningError, match="is not a PKCS#12"):
        keys.load_pkcs12(junk, "whatever")
    with pytest.raises(SigningError, match="cannot read"):
        keys.load_pkcs12(tmp_path / "missing.p12", "whatever")


def test_passphrase_never_in_errors_reprs_or_logs(identity, key_dir, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    secret = "S3cret-passphrase-看不见-42"
    path = keys.save_pkcs12(identity, tmp_path / "secret.p12", secret, kdf_rounds=FAST)
    errors: list[BaseException] = []
    attempts = [
        lambda: keys.load_pkcs12(path, secret + "x"),  # wrong passphrase
        lambda: keys.load_pkcs12(key_dir / "dpo.p12", secret),
        lambda: keys.create_certificate(tmp_path / "short.p12", "A", "B", secret[:5]),  # too short
        lambda: keys.create_certificate(path, "A", "B", secret),  # exists
        lambda: keys.save_pkcs12(identity, tmp_path / "no" / "dir" / "\0bad.p12", secret),  # OS error
        lambda: keys.import_pkcs12(path, secret + "y", tmp_path / "imported.p12"),
        lambda: keys.save_pkcs12(identity, path, secret),  # exists
    ]
    for attempt in attempts:
        with pytest.raises((SigningError, ValueError)) as err:
            attempt()
        errors.append(err.value)
    loaded = keys.load_pkcs12(path, secret)
    texts = [str(e) for e in errors] + [repr(e) for e in errors]
    texts += ["".join(traceback.format_exception(e)) for e in errors]
    texts += [repr(loaded), str(loaded), repr(identity), caplog.text]
    for text in texts:
        assert secret not in text and secret[:5] not in text, text
    assert all(e.__context__ is None or secret not in str(e.__context__) for e in errors)


# ------------------------------------------------------------------ import


def test_import_legacy_p12_is_reencrypted(tmp_path):
    key = rsa.generate_private_key(65537, 2048)
    cert = _cert(key, usage=_usage(digital_signature=True))
    src = _legacy_p12(tmp_path, key, cert, b"legacy-pass")
    dest = tmp_path / "data" / "keys" / keys.KEY_FILE_NAME
    ident = keys.import_pkcs12(src, "legacy-pass", dest, kdf_rounds=FAST)
    assert ident.source == dest and ident.certificate == cert
    assert stat.S_IMODE(os.stat(dest).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(dest.parent).st_mode) == 0o700
    assert not ident.self_signed or ident.certificate.issuer == ident.certificate.subject
    assert keys.load_pkcs12(dest, "legacy-pass").fingerprint == ident.fingerprint
    need("openssl")
    out = subprocess.run(["openssl", "pkcs12", "-info", "-noout", "-in", str(dest), "-passin", "pass:legacy-pass"],
                         capture_output=True, text=True, timeout=60)
    assert "AES-256-CBC" in out.stderr and "3DES" not in out.stderr.upper().replace("-", "")


def test_import_refuses_unusable_files(tmp_path):
    key = ec.generate_private_key(ec.SECP256R1())
    cases = {
        "no signing usage": (_cert(key, usage=_usage(key_agreement=True)), "key usage does not allow signing"),
        "expired": (_cert(key, usage=None, days=(-400, -1)), "expired on"),
        "not yet valid": (_cert(key, usage=None, days=(10, 400)), "not valid before"),
    }
    for label, (cert, message) in cases.items():
        src = _legacy_p12(tmp_path, key, cert, b"pw", f"{label}.p12")
        with pytest.raises(SigningError, match=message):
            keys.load_pkcs12(src, "pw")
    only_cert = tmp_path / "cert-only.p12"
    only_cert.write_bytes(pkcs12.serialize_key_and_certificates(
        b"x", None, _cert(key, usage=None), None, serialization.BestAvailableEncryption(b"pw")))
    with pytest.raises(SigningError, match="holds no private key"):
        keys.load_pkcs12(only_cert, "pw")


def test_no_usage_extension_means_no_restriction(tmp_path):
    key = ec.generate_private_key(ec.SECP256R1())
    src = _legacy_p12(tmp_path, key, _cert(key, usage=None), b"pw")
    assert keys.load_pkcs12(src, "pw").name == "Legacy Signer"


def test_creation_input_errors(tmp_path):
    with pytest.raises(SigningError, match="at least 8"):
        keys.create_certificate(tmp_path / "a.p12", NAME, ORG, "short")
    with pytest.raises(SigningError, match="name is empty"):
        keys.create_certificate(tmp_path / "a.p12", "  ", ORG, PASSPHRASE)
    with pytest.raises(SigningError, match="organisation is empty"):
        keys.create_certificate(tmp_path / "a.p12", NAME, "", PASSPHRASE)
    with pytest.raises(SigningError, match="unknown key type"):
        keys.create_certificate(tmp_path / "a.p12", NAME, ORG, PASSPHRASE, key_type="dsa")
    assert not (tmp_path / "a.p12").exists()


def test_default_key_path_is_in_the_data_dir(tmp_path):
    assert keys.default_key_path(tmp_path) == tmp_path / "keys" / "signing-key.p12"


def test_passphrase_from_env_is_read_by_the_cli_only(monkeypatch):
    from pia_wizard.cli.report import passphrase_from_env
    from pia_wizard.services.errors import BadInput

    assert not hasattr(keys, "passphrase_from_env")  # nothing below the CLI reads the environment
    monkeypatch.setenv("PIA_TEST_PASS", PASSPHRASE)
    assert passphrase_from_env("PIA_TEST_PASS") == PASSPHRASE
    monkeypatch.delenv("PIA_TEST_PASS")
    with pytest.raises(BadInput, match=r"PIA_TEST_PASS .* is not set"):
        passphrase_from_env("PIA_TEST_PASS")
    monkeypatch.setenv("PIA_TEST_PASS", "")
    with pytest.raises(BadInput, match="is empty"):
        passphrase_from_env("PIA_TEST_PASS")
