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
from typing import Any

from pia_wizard.cli.common import EXIT_OK
from pia_wizard.cli.demo import command_name
from pia_wizard.cli.report import passphrase_from_env
from pia_wizard.context import AppContext


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("keys", help="the signing key and certificate (PKCS#12, passphrase-protected)")
    ks = p.add_subparsers(dest="keys_command", required=True, metavar="COMMAND")
    q = ks.add_parser("create", help="create a self-signed signing certificate for the PI protection officer")
    q.add_argument("--name", required=True, help="the signer's name (certificate CN)")
    q.add_argument("--organisation", required=True, help="the PI processor (certificate O)")
    q.add_argument("--email")
    q.add_argument("--rsa", action="store_true", help="RSA-3072 instead of ECDSA P-256")
    q.add_argument("--years", type=int, default=5, help="validity in years (default 5)")
    q.add_argument("--passphrase-env", required=True, metavar="VAR",
                   help="environment variable with the passphrase (export it first: export VAR=...)")
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


def _describe(info: Any) -> str:
    kind = "self-signed (trusted only where its certificate is imported)" if info.self_signed else \
        "issued by " + info.issuer
    return (f"  signer:       {info.signer}\n  organisation: {info.organisation or '—'}\n"
            f"  key:          {info.key}\n"
            f"  valid:        {info.not_valid_before:%Y-%m-%d} to {info.not_valid_after:%Y-%m-%d}\n"
            f"  certificate:  {kind}\n  SHA-256:      {info.fingerprint}\n")


def cmd_keys(args: argparse.Namespace, ctx: AppContext) -> int:
    from pia_wizard.services import keys

    passphrase = passphrase_from_env(args.passphrase_env)
    w = sys.stdout.write
    if args.keys_command == "create":
        info = keys.create_key(ctx, name=args.name, organisation=args.organisation, passphrase=passphrase,
                               key_type="rsa" if args.rsa else "ec", years=args.years, email=args.email,
                               out=args.out)
        w(f"{info.path}: signing key created\n{_describe(info)}"
          f"Export the certificate for others to trust: {command_name()} keys export-cert {info.path} "
          f"--passphrase-env {args.passphrase_env} --out certificate.pem\n")
    elif args.keys_command == "import":
        info = keys.import_key(ctx, args.file, passphrase, args.out)
        w(f"{info.path}: imported from {args.file}\n{_describe(info)}")
    elif args.keys_command == "show":
        info = keys.show_key(ctx, passphrase, args.file)
        w(f"{info.path}\n{_describe(info)}")
    else:
        out, info = keys.export_certificate(ctx, passphrase, args.out, args.file)
        w(f"{out}: certificate of {info.signer}, SHA-256 {info.fingerprint}\n")
    return EXIT_OK


COMMANDS = {"keys": cmd_keys}
