"""`pia-wizard keys`: create, import, show, export-cert; passphrases only from the environment, never echoed."""

from __future__ import annotations

import os
import stat

import pytest
from cryptography import x509

from pia_wizard import cli
from pia_wizard.signing import keys

PASS = "口令 keys-cli passphrase 9"


def run(capsys, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    saved = dict(os.environ)
    os.environ.update(env or {"KP": PASS})
    try:
        code = cli.main(list(args))
    finally:
        os.environ.clear()
        os.environ.update(saved)
    out, err = capsys.readouterr()
    return code, out, err


def test_create_show_export_in_the_data_dir(tmp_path, capsys):
    data = str(tmp_path / "data")
    code, out, _ = run(capsys, "--data-dir", data, "keys", "create", "--name", "陈启航", "--organisation", "锦程酒店",
                       "--passphrase-env", "KP")
    key = tmp_path / "data" / "keys" / "signing-key.p12"
    assert code == 0 and str(key) in out and "self-signed" in out and PASS not in out
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    identity = keys.load_pkcs12(key, PASS)
    assert identity.name == "陈启航" and identity.key_description == "ECDSA secp256r1"
    code, out, _ = run(capsys, "--data-dir", data, "keys", "show", "--passphrase-env", "KP")
    assert code == 0 and identity.fingerprint in out and "陈启航" in out
    pem = tmp_path / "dpo.pem"
    code, out, _ = run(capsys, "--data-dir", data, "keys", "export-cert", "--passphrase-env", "KP", "--out", str(pem))
    assert code == 0 and x509.load_pem_x509_certificate(pem.read_bytes()) == identity.certificate
    assert b"PRIVATE" not in pem.read_bytes()


def test_rsa_and_import_reencrypts(tmp_path, capsys):
    src = tmp_path / "ca.p12"
    code, _, _ = run(capsys, "keys", "create", "--name", "Zhou", "--organisation", "Org", "--rsa",
                     "--passphrase-env", "KP", "--out", str(src))
    assert code == 0 and keys.load_pkcs12(src, PASS).key_description == "RSA-3072"
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "d"), "keys", "import", str(src), "--passphrase-env", "KP")
    dest = tmp_path / "d" / "keys" / "signing-key.p12"
    assert code == 0 and "imported" in out and keys.load_pkcs12(dest, PASS).name == "Zhou"


@pytest.mark.parametrize(("args", "env", "expected"), [
    (["keys", "show", "--passphrase-env", "KP"], {"KP": "wrong one!"}, "wrong passphrase"),
    (["keys", "show", "--passphrase-env", "NOPE_XYZ"], {}, "NOPE_XYZ"),
    (["keys", "create", "--name", "a", "--organisation", "b", "--passphrase-env", "KP"], {"KP": "short"},
     "at least"),
    (["keys", "import", "missing.p12", "--passphrase-env", "KP"], {"KP": PASS}, "missing.p12"),
])
def test_errors_are_one_line_and_never_show_the_passphrase(tmp_path, capsys, args, env, expected):
    data = str(tmp_path / "data")
    run(capsys, "--data-dir", data, "keys", "create", "--name", "a", "--organisation", "b", "--passphrase-env", "KP")
    code, out, err = run(capsys, "--data-dir", data, *args, env=env)
    assert code == 2 and expected in err and len(err.strip().splitlines()) == 1, err
    assert "wrong one!" not in err + out and PASS not in err + out


def test_a_non_ascii_email_is_one_line(tmp_path, capsys):
    out = tmp_path / "k.p12"
    code, _, err = run(capsys, "keys", "create", "--name", "a", "--organisation", "b", "--email", "陈@例子.cn",
                       "--passphrase-env", "KP", "--out", str(out))
    assert code == 2 and err.startswith("pia-wizard: ") and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_export_cert_never_overwrites_the_key(tmp_path, capsys):
    data = str(tmp_path / "data")
    run(capsys, "--data-dir", data, "keys", "create", "--name", "a", "--organisation", "b", "--passphrase-env", "KP")
    key = tmp_path / "data" / "keys" / "signing-key.p12"
    before = key.read_bytes()
    code, _, err = run(capsys, "--data-dir", data, "keys", "export-cert", "--passphrase-env", "KP", "--out", str(key))
    assert code == 2 and "is the key file itself" in err and key.read_bytes() == before
    assert stat.S_IMODE(key.parent.stat().st_mode) == 0o700


def test_create_refuses_to_overwrite(tmp_path, capsys):
    data = str(tmp_path / "data")
    args = ["--data-dir", data, "keys", "create", "--name", "a", "--organisation", "b", "--passphrase-env", "KP"]
    assert run(capsys, *args)[0] == 0
    before = (tmp_path / "data" / "keys" / "signing-key.p12").read_bytes()
    code, _, err = run(capsys, *args)
    assert code == 2 and "refusing to overwrite" in err
    assert (tmp_path / "data" / "keys" / "signing-key.p12").read_bytes() == before
