"""`pia-wizard keys`: the signing key of the PI protection officer, kept only as a passphrase-protected PKCS#12.

    keys create --name N --organisation O --passphrase-env VAR [--rsa] [--email E] [--years Y] [--out P12]
    keys import FILE.p12 --passphrase-env VAR [--out P12]
    keys show [P12] --passphrase-env VAR
    keys export-cert [P12] --passphrase-env VAR --out CERT.pem

The key file defaults to <data dir>/keys/signing-key.p12. Passphrases come only from environment variables (a
command-line argument would show in `ps` and the shell history). Errors: one line, exit 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("keys", help="the signing key and certificate (PKCS#12, passphrase-protected)")
    ks = p.add_subparsers(dest="keys_command", required=True, metavar="COMMAND")
    q = ks.add_parser("create", help="create a self-signed signing certificate for the PI protection officer")
    q.add_argument("--name", required=True, help="the signer's name (certificate CN)")
    q.add_argument("--organisation", required=True, help="the PI processor (certificate O)")
    q.add_argument("--email")
    q.add_argument("--rsa", action="store_true", help="RSA-3072 instead of ECDSA P-256")
    q.add_argument("--years", type=int, default=5, help="validity in years (default 5)")
    q.add_argument("--passphrase-env", required=True, metavar="VAR", help="environment variable with the passphrase")
    q.add_argument("--out", help="where to keep it (default: <data dir>/keys/signing-key.p12)")
    q = ks.add_parser("import", help="check a .p12/.pfx from a CA and keep it, re-encrypted, in the data dir")
    q.add_argument("file")
    q.add_argument("--passphrase-env", required=True, metavar="VAR")
    q.add_argument("--out", help="where to keep it (default: <data dir>/keys/signing-key.p12)")
    q = ks.add_parser("show", help="who the key signs as, its certificate and validity")
    q.add_argument("file", nargs="?", help="default: <data dir>/keys/signing-key.p12")
    q.add_argument("--passphrase-env", required=True, metavar="VAR")
    q = ks.add_parser("export-cert", help="write the public certificate (PEM) for a regulator or auditor to trust")
    q.add_argument("file", nargs="?", help="default: <data dir>/keys/signing-key.p12")
    q.add_argument("--passphrase-env", required=True, metavar="VAR")
    q.add_argument("--out", required=True, help="the .pem file to write")


def _describe(identity: Any) -> str:
    kind = "self-signed (trusted only where its certificate is imported)" if identity.self_signed else \
        "issued by " + identity.certificate.issuer.rfc4514_string()
    return (f"  signer:       {identity.name}\n  organisation: {identity.organisation or '—'}\n"
            f"  key:          {identity.key_description}\n"
            f"  valid:        {identity.certificate.not_valid_before_utc:%Y-%m-%d} to "
            f"{identity.not_valid_after:%Y-%m-%d}\n  certificate:  {kind}\n"
            f"  SHA-256:      {identity.fingerprint}\n")


def cmd_keys(args: argparse.Namespace) -> int:
    from pia_wizard.paths import data_dir
    from pia_wizard.signing import SigningError, keys

    default = keys.default_key_path(data_dir())
    try:
        passphrase = keys.passphrase_from_env(args.passphrase_env)
        if args.keys_command == "create":
            dest = Path(args.out) if args.out else default
            dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            identity = keys.create_certificate(dest, args.name, args.organisation, passphrase,
                                               key_type="rsa" if args.rsa else "ec", years=args.years,
                                               email=args.email)
            sys.stdout.write(f"{dest}: signing key created\n{_describe(identity)}"
                             f"Export the certificate for others to trust: pia-wizard keys export-cert {dest} "
                             f"--passphrase-env {args.passphrase_env} --out certificate.pem\n")
        elif args.keys_command == "import":
            dest = Path(args.out) if args.out else default
            dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            identity = keys.import_pkcs12(args.file, passphrase, dest)
            sys.stdout.write(f"{dest}: imported from {args.file}\n{_describe(identity)}")
        elif args.keys_command == "show":
            identity = keys.load_pkcs12(Path(args.file) if args.file else default, passphrase)
            sys.stdout.write(f"{identity.source}\n{_describe(identity)}")
        else:
            source = Path(args.file) if args.file else default
            if Path(args.out).resolve() == source.resolve():
                raise SigningError(f"the output {args.out} is the key file itself; choose a .pem name")
            identity = keys.load_pkcs12(source, passphrase)
            out = keys.export_certificate(identity, args.out)
            sys.stdout.write(f"{out}: certificate of {identity.name}, SHA-256 {identity.fingerprint}\n")
    except SigningError as exc:
        sys.stderr.write(f"pia-wizard: {' '.join(str(exc).split())}\n")
        return EXIT_BAD_INPUT
    except OSError as exc:
        sys.stderr.write(f"pia-wizard: {exc.strerror or exc}: {exc.filename or ''}\n")
        return EXIT_BAD_INPUT
    except ValueError as exc:  # e.g. cryptography refusing a non-ASCII e-mail address
        sys.stderr.write(f"pia-wizard: {' '.join(str(exc).split())[:300]}\n")
        return EXIT_BAD_INPUT
    return EXIT_OK


COMMANDS = {"keys": cmd_keys}
