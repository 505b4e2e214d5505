"""Key files opened in a child process (signing/apart.py): the same identity and the same errors as in-process, and
the work done elsewhere (the reason it exists: cryptography holds the GIL through the key file's 600,000 KDF
rounds, which froze the window while signing)."""

from __future__ import annotations

import pytest

from pia_wizard.signing import SigningError, WrongPassphraseError, keys
from pia_wizard.signing.apart import load_pkcs12_apart

PASS = "口令 apart-2026!"


@pytest.fixture(scope="module")
def key_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("apart") / "dpo.p12"
    keys.create_certificate(path, "陈启航", "锦程酒店", PASS)
    return path


def test_the_same_identity_as_in_process(key_file):
    here = keys.load_pkcs12(key_file, PASS)
    apart = load_pkcs12_apart(key_file, PASS)
    assert apart.fingerprint == here.fingerprint and apart.source == key_file
    assert apart.private_key.private_numbers() == here.private_key.private_numbers()
    assert apart.chain == here.chain


def test_the_same_errors(key_file, tmp_path):
    with pytest.raises(WrongPassphraseError) as wrong:
        load_pkcs12_apart(key_file, "not it")
    assert wrong.value.path == str(key_file) and "not it" not in str(wrong.value)
    not_p12 = tmp_path / "x.p12"
    not_p12.write_bytes(b"%PDF-1.7 not a key")
    with pytest.raises(SigningError, match="not a PKCS#12"):
        load_pkcs12_apart(not_p12, PASS)
    with pytest.raises(SigningError, match="cannot read"):
        load_pkcs12_apart(tmp_path / "missing.p12", PASS)


def test_the_key_is_opened_in_another_process(key_file, monkeypatch):
    """Not in this one: an in-process opening here would fail. (How long the window is held is bench/sign.py's.)"""
    def refuse(*_args, **_kw):
        raise AssertionError("opened in the calling process")

    monkeypatch.setattr(keys, "load_pkcs12", refuse)
    monkeypatch.setattr(keys.pkcs12, "load_key_and_certificates", refuse)
    assert load_pkcs12_apart(key_file, PASS).name == "陈启航"
