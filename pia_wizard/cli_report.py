"""Report commands of the command line: ``report`` and ``import-report``. cli.py only registers them.

Errors arrive as ReportError/AssessmentError, which cli.main turns into one line and exit 2. A report is
rendered whatever the findings (a prohibited finding is part of what the report says), so success is 0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK = 0
LANGS = ("zh", "en", "bilingual")


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="render the PDF/A-3b report of an assessment (the assessment file inside)")
    p.add_argument("file", help="assessment JSON file")
    p.add_argument("--out", required=True, help="the PDF to write")
    p.add_argument("--lang", choices=LANGS, default="zh", help="zh (default), en, or bilingual (zh with en)")
    p = sub.add_parser("import-report", help="restore the assessment file embedded in a report PDF")
    p.add_argument("pdf", help="a report PDF made by `pia-wizard report`")
    p.add_argument("--out", help="write the assessment JSON here (default: standard output)")


def _warn(lines: list[str]) -> None:
    for line in lines:
        sys.stderr.write(f"pia-wizard: warning: {' '.join(line.split())}\n")


def cmd_report(args: argparse.Namespace) -> int:
    from pia_wizard import services

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


def demo_report(out: Path, lang: str) -> str:
    """The demo's report of the hotel example; returns the lines to print."""
    from pia_wizard import services

    name = f"hotel-checkin-report-{lang}.pdf"
    result = services.write_report(services.example_path("hotel-checkin"), out / name, lang)
    _warn(result.warnings)
    return f"  {out / name} ({result.pages} pages, report ID {result.report_id})\n"


COMMANDS = {"report": cmd_report, "import-report": cmd_import_report}
