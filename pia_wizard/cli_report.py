"""Report commands of the command line: ``report`` and ``import-report``. cli.py only registers them.

Errors arrive as ReportError/AssessmentError, which cli.main turns into one line and exit 2. A report is
rendered whatever the findings (a prohibited finding is part of what the report says), so success is 0.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

EXIT_OK = 0
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


def _warn(lines: list[str]) -> None:
    for line in lines:
        sys.stderr.write(f"pia-wizard: warning: {' '.join(line.split())}\n")


def _key(path: str | None, variable: str | None, option: str) -> object:
    from pia_wizard import services
    from pia_wizard.report import ReportError
    from pia_wizard.signing import SigningError
    from pia_wizard.signing.keys import passphrase_from_env

    if path is None:
        if variable:
            signer = "--sign" if option == "passphrase" else "--assessor-sign"
            raise ReportError(f"--{option}-env is given without {signer}")
        return None
    if not variable:
        raise ReportError(f"give the passphrase of {path} in an environment variable and name it with "
                          f"--{option}-env VAR (never on the command line)")
    try:
        return services.SignerKey(Path(path), passphrase_from_env(variable))
    except SigningError as exc:
        raise ReportError(str(exc)) from None


def _print_issued(r: object, out: object) -> None:
    sys.stdout.write(f"{out}: {r.pages} pages, report ID {r.report_id}, {r.lang}, PDF/A-3b with the assessment "
                     f"attached, signed\n")
    for s in r.signatures:
        kind = "self-signed certificate" if s.self_signed else "certificate"
        when = f"{s.signed_at:%Y-%m-%d %H:%M:%S %Z}" if s.signed_at else "time not stated"
        sys.stdout.write(f"  {s.role}: {s.signer} ({s.organisation}), {when}, {kind} "
                         f"SHA-256 {s.certificate_fingerprint}\n")
    sys.stdout.write(f"  assessment JSON SHA-256 {r.signatures[-1].assessment_sha256}\n")
    sys.stdout.write(f"  archived as report #{r.archived['id']} (SHA-256 {r.sha256}), kept until "
                     f"{r.archived['retain_until']}; assessment {r.version['assessment_id']} v{r.version['version']} "
                     f"is {r.version['state']} (decision: {r.version.get('decision_note') or '—'})\n")


def cmd_report(args: argparse.Namespace) -> int:
    from pia_wizard import services

    dpo = _key(args.sign, args.passphrase_env, "passphrase")
    assessor = _key(args.assessor_sign, args.assessor_passphrase_env, "assessor-passphrase")
    if assessor is not None and dpo is None:
        from pia_wizard.report import ReportError

        raise ReportError("--assessor-sign needs --sign: the PI protection officer signs after the assessor")
    if dpo is not None:
        issued = services.issue_report(args.file, args.out, args.lang, dpo=dpo, assessor=assessor,
                                       actor=getattr(args, "actor", None))
        _warn(issued.warnings)
        _print_issued(issued, Path(args.out))
        return EXIT_OK
    result = services.write_report(args.file, args.out, args.lang)
    _warn(result.warnings)
    sys.stdout.write(f"{Path(args.out)}: {result.pages} pages, report ID {result.report_id}, "
                     f"{args.lang}, PDF/A-3b with the assessment attached\n")
    return EXIT_OK


def cmd_import_report(args: argparse.Namespace) -> int:
    from pia_wizard import services

    a = services.import_report(args.pdf, args.out)
    if args.out:
        sys.stdout.write(f"{args.out}: assessment {a.id} restored from {args.pdf}\n")
    else:
        sys.stdout.write(a.to_json())
    return EXIT_OK


def demo_report(out: Path, lang: str, actor: str | None = None) -> str:
    """The demo's signed report of the hotel example; returns the lines to print."""
    from pia_wizard import services

    d = services.demo_signed_report(out, lang, actor)
    zh = lang == "zh"
    lines = [f"  {d.path}"]
    if d.issued is None:
        day = d.archived["created_at"][:10]
        lines[0] += (f"（档案中已有该报告，写出的是 {day} 签署的存档副本）" if zh else
                     f" (the archive already held this report: this is the copy signed on {day})")
    else:
        _warn(d.issued.warnings)
        lines[0] += (f"（{d.issued.pages} 页，报告编号 {d.report_id}，评估负责人和个人信息保护负责人以演示证书签署，"
                     f"已存档至 {d.archived['retain_until']}）" if zh else
                     f" ({d.issued.pages} pages, report ID {d.report_id}, signed by the assessor and the PI protection "
                     f"officer with demo certificates, archived until {d.archived['retain_until']})")
        v = d.issued.version
        lines.append(f"  评估 v{v['version']} 已审批（{v['state']}）" if zh else
                      f"  assessment v{v['version']} is now {v['state']}")
    lines += [f"  {c}" for c in d.certificates]
    data = os.environ.get("PIA_WIZARD_DATA_DIR")
    lines.append(("  核验签名：" if zh else "  Check the signatures: ")
                 + "pia-wizard " + (f"--data-dir {data} " if data else "")
                 + f"verify {d.path} --trust {d.certificates[-1]} --trust {d.certificates[0]}")
    return "\n".join(lines) + "\n"


COMMANDS = {"report": cmd_report, "import-report": cmd_import_report}
