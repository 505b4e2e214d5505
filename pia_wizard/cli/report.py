"""``report`` and ``import-report``.

A report is rendered whatever the findings (a prohibited finding is part of what the report says), so success is
0; bad input or output is 2 with one line; Ctrl+C cancels (130) and leaves no file and nothing archived.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pia_wizard.cli.common import EXIT_OK, run_job, warn
from pia_wizard.context import AppContext
from pia_wizard.services.errors import BadInput

LANGS = ("zh", "en", "bilingual")


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="render the PDF/A-3b report of an assessment (the assessment file inside)")
    p.add_argument("file", help="assessment JSON file")
    p.add_argument("--out", required=True, help="the PDF to write")
    p.add_argument("--lang", choices=LANGS, default="zh", help="zh (default), en, or bilingual (zh with en)")
    p.add_argument("--sign", metavar="P12", help="sign as the PI protection officer with this PKCS#12 file; needs the "
                   "approval recorded in the assessment file; archives the signed report and approves the version")
    p.add_argument("--passphrase-env", metavar="VAR", help="the environment variable holding the --sign passphrase")
    p.add_argument("--assessor-sign", metavar="P12", help="also sign as the lead assessor first (optional)")
    p.add_argument("--assessor-passphrase-env", metavar="VAR",
                   help="the environment variable holding the --assessor-sign passphrase")
    p = sub.add_parser("import-report", help="restore the assessment file embedded in a report PDF")
    p.add_argument("pdf", help="a report PDF made by `pia-wizard report`")
    p.add_argument("--out", help="write the assessment JSON here (default: standard output)")


def passphrase_from_env(variable: str) -> str:
    """The passphrase from an environment variable (never a command-line argument, which ``ps`` and the shell
    history would show)."""
    value = os.environ.get(variable)
    if value is None:
        raise BadInput("bad_value", detail=f"the environment variable {variable} that should hold the passphrase is "
                       f"not set (export {variable}=... first)")
    if not value:
        raise BadInput("bad_value", detail=f"the environment variable {variable} is empty")
    return value


def _key(path: str | None, variable: str | None, option: str) -> object:
    from pia_wizard.services.report import SignerKey

    if path is None:
        if variable:
            signer = "--sign" if option == "passphrase" else "--assessor-sign"
            raise BadInput("bad_value", detail=f"--{option}-env is given without {signer}")
        return None
    if not variable:
        raise BadInput("bad_value", detail=f"give the passphrase of {path} in an environment variable and name it "
                       f"with --{option}-env VAR (never on the command line)")
    return SignerKey(Path(path), passphrase_from_env(variable))


def _print_issued(r: object, out: Path) -> None:
    w = sys.stdout.write
    w(f"{out}: {r.pages} pages, report ID {r.report_id}, {r.lang}, PDF/A-3b with the assessment "
      f"attached, signed\n")
    for s in r.signatures:
        kind = "self-signed certificate" if s.self_signed else "certificate"
        when = f"{s.signed_at:%Y-%m-%d %H:%M:%S %Z}" if s.signed_at else "time not stated"
        w(f"  {s.role}: {s.signer} ({s.organisation}), {when}, {kind} SHA-256 {s.certificate_fingerprint}\n")
    w(f"  assessment JSON SHA-256 {r.signatures[-1].assessment_sha256}\n")
    v = r.version
    w(f"  archived as report #{r.archived.id} (SHA-256 {r.sha256}), kept until {r.archived.retain_until}; "
      f"assessment {v.assessment_id} v{v.version} is {v.state} (decision: {v.decision_note or '—'})\n")


def cmd_report(args: argparse.Namespace, ctx: AppContext) -> int:
    from pia_wizard.services import report

    dpo = _key(args.sign, args.passphrase_env, "passphrase")
    assessor = _key(args.assessor_sign, args.assessor_passphrase_env, "assessor-passphrase")
    if assessor is not None and dpo is None:
        raise BadInput("bad_value", detail="--assessor-sign needs --sign: the PI protection officer signs after the "
                       "assessor")
    if dpo is not None:
        job = report.prepare_issue(ctx, args.file, args.out, args.lang, dpo=dpo, assessor=assessor)  # type: ignore[arg-type]
        issued = run_job(job, ctx)
        warn(list(issued.warnings))
        _print_issued(issued, Path(args.out))
        return EXIT_OK
    result = run_job(report.prepare_report(ctx, args.file, args.out, args.lang), ctx)
    warn(list(result.warnings))
    sys.stdout.write(f"{Path(args.out)}: {result.pages} pages, report ID {result.report_id}, "
                     f"{args.lang}, PDF/A-3b with the assessment attached\n")
    return EXIT_OK


def cmd_import_report(args: argparse.Namespace, ctx: AppContext) -> int:
    from pia_wizard.services import report

    a = report.import_report(ctx, args.pdf, args.out)
    if args.out:
        sys.stdout.write(f"{args.out}: assessment {a.id} restored from {args.pdf}\n")
    else:
        sys.stdout.write(a.to_json())
    return EXIT_OK


COMMANDS = {"report": cmd_report, "import-report": cmd_import_report}
