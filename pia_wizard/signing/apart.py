"""A key file opened in a short-lived process of its own.

Opening a .p12 runs 600,000 PBKDF2 rounds (keys.KDF_ROUNDS) inside ``cryptography``, which holds the GIL for all of
them: about 0.2 s per key in which no other Python thread runs, so a window whose worker thread opens the keys
freezes (0.2-0.4 s for the assessor's and the officer's, measured by bench/sign.py). Here the rounds run in a spawned
child, and the parent waits on a pipe with the GIL released.

The child gets the path and the passphrase through the pipe once it has started (never as Process arguments), opens
and checks the key with ``keys.load_pkcs12`` and sends back the private key (PKCS#8 DER, not encrypted) and the
certificates (DER). They cross an anonymous pipe between two processes of the same user and end up in the parent's
memory, where the key opened in-process would be anyway; nothing is written to disk. A problem comes back as the
same exception ``load_pkcs12`` raises.

Uses the ``spawn`` start method, like the render worker (report/worker.py): a frozen app calls
``multiprocessing.freeze_support()`` first thing.
"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path
from typing import Any

from pia_wizard.signing import SigningError, WrongPassphraseError
from pia_wizard.signing.keys import Passphrase, SigningIdentity

WAIT_SECONDS = 60.0  # a child that neither answers nor exits in this time is stopped


def _child(conn: Any) -> None:
    from cryptography.hazmat.primitives import serialization

    from pia_wizard.signing.keys import load_pkcs12

    try:
        path, passphrase = conn.recv()
        identity = load_pkcs12(path, passphrase)
        der = serialization.Encoding.DER
        key = identity.private_key.private_bytes(der, serialization.PrivateFormat.PKCS8,
                                                 serialization.NoEncryption())
        conn.send(("ok", key, identity.certificate.public_bytes(der),
                   [c.public_bytes(der) for c in identity.chain]))
    except WrongPassphraseError as exc:
        conn.send(("wrong_passphrase", exc.path))
    except SigningError as exc:
        conn.send(("signing_error", str(exc)))
    except BaseException as exc:  # never leave the parent waiting
        conn.send(("signing_error", f"cannot open the key file: {type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def load_pkcs12_apart(path: str | os.PathLike[str], passphrase: Passphrase | None) -> SigningIdentity:
    """``keys.load_pkcs12`` in a child process: the same result, the same errors, no GIL held meanwhile."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    path = Path(path)
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe(duplex=True)
    proc = ctx.Process(target=_child, args=(child,), name="pia-wizard-key", daemon=True)
    proc.start()
    child.close()
    try:
        secret = passphrase.decode("utf-8") if isinstance(passphrase, bytes) else passphrase
        parent.send((str(path), secret))
        del secret
        if not parent.poll(WAIT_SECONDS):
            raise SigningError(f"opening {path} took longer than {WAIT_SECONDS:.0f} s; try again")
        try:
            message = parent.recv()
        except EOFError:
            raise SigningError(f"opening {path} failed: the helper process stopped (exit code "
                               f"{proc.exitcode})") from None
    finally:
        parent.close()
        proc.join(5)
        if proc.is_alive():
            proc.kill()
            proc.join(5)
    if message[0] == "wrong_passphrase":
        raise WrongPassphraseError(message[1])
    if message[0] != "ok":
        raise SigningError(message[1])
    _, key_der, cert_der, chain_der = message
    key = serialization.load_der_private_key(key_der, password=None)
    return SigningIdentity(key, x509.load_der_x509_certificate(cert_der),  # type: ignore[arg-type]
                           tuple(x509.load_der_x509_certificate(c) for c in chain_der), path)
