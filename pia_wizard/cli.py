"""The headless command line. Parses, calls a service, prints. Exit codes: 0 ok, 1 found, 2 bad input."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

from pia_wizard import cli_archive, cli_keys, cli_report, cli_verify

EXIT_OK, EXIT_FOUND, EXIT_BAD_INPUT = 0, 1, 2

LEVEL_ZH = {"low": "低", "medium": "中", "high": "高", "severe": "严重", "very_high": "很高", None: "未评"}
RISK_ZH = {"leak": "泄露", "tamper": "篡改", "loss": "丢失", "destruction": "毁损", "illegal_acquisition": "非法获取",
           "illegal_sale": "非法出售", "illegal_use": "非法使用"}


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, no usage dump
        raise UsageError(message)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None


def build_parser() -> argparse.ArgumentParser:
    from pia_wizard import __version__

    parser = _Parser(prog="pia-wizard", description="PIPIA for facial-recognition deployments (China).")
    parser.add_argument("--version", action="version", version=f"pia-wizard {__version__}")
    parser.add_argument("--data-dir", help="data folder (default: $PIA_WIZARD_DATA_DIR or the user data dir)")
    parser.add_argument("--actor", help="who is acting, for the audit log (default: the OS user name)")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("check", help="evaluate an assessment file: findings and risk levels")
    p.add_argument("file", help="assessment JSON file")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--lang", choices=("zh", "en"), help="language of the text output (default: the file's)")
    p.add_argument("--all", action="store_true", help="also list compliant and not-applicable findings")
    p.add_argument("--today", type=_date, help="evaluate deadlines as of this date (default: today)")

    sub.add_parser("schema", help="print the JSON Schema of the assessment file")

    p = sub.add_parser("demo", help="run the built-in hotel check-in example end to end")
    p.add_argument("--out", default=None, help="folder for the demo's output files (default: ./pia-wizard-demo)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")

    cli_archive.add_parsers(sub)
    cli_report.add_parsers(sub)
    cli_verify.add_parsers(sub)
    cli_keys.add_parsers(sub)
    return parser


def _print_check(a: Any, ev: Any, lang: str, show_all: bool, out: Any) -> None:
    from pia_wizard.core.findings import VERDICT_LABELS

    zh = lang == "zh"
    w = out.write
    w(f"{'评估' if zh else 'Assessment'}: {a.title or a.system.get('name')} — {a.processor.get('name')}\n")
    if not ev.measures_apply and ev.measures_reason:
        w(("《办法》不适用：" if zh else "FRT Measures do not apply: ") + ev.measures_reason.get(lang) + "\n")
    counts = ev.counts
    w(" · ".join(f"{VERDICT_LABELS[v].get(lang)} {n}" for v, n in counts.items()) + "\n")
    if ev.unanswered:
        shown = ", ".join(ev.unanswered[:12]) + (" ..." if len(ev.unanswered) > 12 else "")
        n = len(ev.unanswered)
        w((f"未回答的必答题（{n}）：" if zh else f"Required questions not answered ({n}): ") + shown + "\n")
    for wmsg in ev.warnings:
        w(("注意：" if zh else "Warning: ") + wmsg + "\n")
    w("\n")
    for f in ev.findings:
        if not show_all and f.verdict in ("compliant", "not_applicable"):
            continue
        w(f"[{VERDICT_LABELS[f.verdict].get(lang)}] {f.obligation} — {f.citation(lang)}\n")
        w(f"    {f.explanation.get(lang)}\n")
        if f.action:
            w(f"    {'建议' if zh else 'Action'}: {f.action.get(lang)}\n")
    r = ev.risk
    w("\n" + ("风险（固有 → 剩余，GB/T 39335）" if zh else "Risks (inherent → residual, GB/T 39335)") + "\n")
    for rid, res in r.results.items():
        inh = res.inherent.level if res.inherent else None
        resid = res.residual.level if res.residual else None
        name = RISK_ZH[rid] if zh else rid.replace("_", " ")
        shown = (lambda v: LEVEL_ZH[v]) if zh else (lambda v: v or "not rated")
        w(f"  {name:<22}{shown(inh)} → {shown(resid)}\n")
    overall = ((lambda v: LEVEL_ZH[v]) if zh else (lambda v: v or "incomplete"))
    w(("  总体（取最高值，本软件约定）：" if zh else "  Overall (maximum, a pia-wizard convention): ")
      + f"{overall(r.overall_inherent)} → {overall(r.overall_residual)}\n")
    if r.unacceptable:
        w(("  不可接受的剩余风险：" if zh else "  Unacceptable residual risks: ") + ", ".join(r.unacceptable) + "\n")


def cmd_check(args: argparse.Namespace) -> int:
    from pia_wizard import services

    a, ev = services.check(args.file, today=args.today)
    if args.format == "json":
        json.dump(services.evaluation_dict(a, ev), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print_check(a, ev, args.lang or a.language, args.all, sys.stdout)
    return EXIT_FOUND if ev.has_prohibited else EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from pia_wizard.core.bank import default_bank
    from pia_wizard.core.schema import assessment_schema

    json.dump(assessment_schema(default_bank()), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from pia_wizard import services

    out = Path(args.out or "pia-wizard-demo")
    out.mkdir(parents=True, exist_ok=True)
    src = services.example_path("hotel-checkin")
    a, ev = services.check(src)
    (out / "hotel-checkin.json").write_text(a.to_json(), encoding="utf-8")
    (out / "check.json").write_text(
        json.dumps(services.evaluation_dict(a, ev), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    with open(out / "check.txt", "w", encoding="utf-8") as fh:
        _print_check(a, ev, args.lang, False, fh)
    _print_check(a, ev, args.lang, False, sys.stdout)
    zh = args.lang == "zh"
    sys.stdout.write(("\n演示输出已写入 " if zh else "\nDemo output written to ") + f"{out.resolve()}:\n")
    for name in ("hotel-checkin.json", "check.json", "check.txt"):
        sys.stdout.write(f"  {out / name}\n")
    stored = cli_archive.demo_store(args, a, services.evaluation_dict(a, ev))
    if stored is None:
        return EXIT_BAD_INPUT
    sys.stdout.write(stored)
    sys.stdout.write(cli_report.demo_report(out, args.lang, getattr(args, "actor", None)))
    return EXIT_OK


COMMANDS = {"check": cmd_check, "schema": cmd_schema, "demo": cmd_demo}
COMMANDS.update(cli_archive.COMMANDS)
COMMANDS.update(cli_report.COMMANDS)
COMMANDS.update(cli_verify.COMMANDS)
COMMANDS.update(cli_keys.COMMANDS)


def main(argv: list[str] | None = None) -> int:
    from pia_wizard.core.assessment import AssessmentError
    from pia_wizard.core.bank import BankError

    try:
        args = build_parser().parse_args(argv)
        if args.data_dir:
            os.environ["PIA_WIZARD_DATA_DIR"] = args.data_dir
        if args.command is None:
            sys.stderr.write("pia-wizard: the desktop app is not part of this build yet; "
                             "try `pia-wizard demo` or `pia-wizard --help`\n")
            return EXIT_BAD_INPUT
        return COMMANDS[args.command](args)
    except UsageError as exc:
        sys.stderr.write(f"pia-wizard: {exc}\n")
        return EXIT_BAD_INPUT
    except AssessmentError as exc:
        sys.stderr.write(f"pia-wizard: {_one_line(str(exc))}\n")
        return EXIT_BAD_INPUT
    except BankError as exc:
        sys.stderr.write(f"pia-wizard: the installed question bank is broken ({len(exc.problems)} problems, first: "
                         f"{_one_line(str(exc.problems[0]))}); reinstall pia-wizard\n")
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 500 else text[:497] + "..."


if __name__ == "__main__":
    sys.exit(main())
