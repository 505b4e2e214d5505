"""``check`` (findings and risk levels of an assessment file) and ``schema`` (the file's JSON Schema)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import IO, TYPE_CHECKING

from pia_wizard.cli.common import EXIT_FOUND, EXIT_OK, json_out
from pia_wizard.context import AppContext

if TYPE_CHECKING:
    from pia_wizard.core.assessment import Assessment
    from pia_wizard.core.engine import Evaluation


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="evaluate an assessment file: findings and risk levels")
    p.add_argument("file", help="assessment JSON file")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--lang", choices=("zh", "en"), help="language of the text output (default: the file's)")
    p.add_argument("--by", choices=("issue", "obligation"), default="issue",
                   help="group the text output by issue (findings that share a cause; the default) or list one "
                        "finding per obligation")
    p.add_argument("--all", action="store_true",
                   help="with --by obligation: also list compliant and not-applicable findings")
    p.add_argument("--today", type=_date, help="evaluate deadlines as of this date (default: today)")
    sub.add_parser("schema", help="print the JSON Schema of the assessment file")


def print_check(a: Assessment, ev: Evaluation, lang: str, show_all: bool, out: IO[str],
                by: str = "issue") -> None:
    from pia_wizard.core import labels

    zh = lang == "zh"
    w = out.write
    w(f"{'评估' if zh else 'Assessment'}: {a.title or a.system.get('name')} — {a.processor.get('name')}\n")
    if not ev.measures_apply and ev.measures_reason:
        w(("《办法》不适用：" if zh else "FRT Measures do not apply: ") + ev.measures_reason.get(lang) + "\n")
    w(" · ".join(f"{labels.verdict_label(v).get(lang)} {n}" for v, n in ev.counts.items()) + "\n")
    if ev.unanswered:
        shown = ", ".join(ev.unanswered[:12]) + (" ..." if len(ev.unanswered) > 12 else "")
        n = len(ev.unanswered)
        w((f"未回答的必答题（{n}）：" if zh else f"Required questions not answered ({n}): ") + shown + "\n")
    for wmsg in ev.warnings:
        w(("注意：" if zh else "Warning: ") + wmsg + "\n")
    w("\n")
    if by == "issue":
        _print_issues(ev, lang, w)
    else:
        for f in ev.findings:
            if not show_all and f.verdict in ("compliant", "not_applicable"):
                continue
            w(f"[{labels.verdict_label(f.verdict).get(lang)}] {f.obligation} — {f.citation(lang)}\n")
            w(f"    {f.explanation.get(lang)}\n")
            if f.action:
                w(f"    {'建议' if zh else 'Action'}: {f.action.get(lang)}\n")
    r = ev.risk
    w("\n" + ("风险（固有 → 当前剩余（已落实措施）→ 目标（整改计划完成后），GB/T 39335）" if zh
              else "Risks (inherent → current residual, measures in place → target, after the plan; "
                   "GB/T 39335)") + "\n")
    for rid, res in r.results.items():
        inh = labels.level_name(res.inherent.level if res.inherent else None).get(lang)
        cur = labels.level_name(res.current.level if res.current else None).get(lang)
        tgt = labels.level_name(res.target_level).get(lang)
        name = labels.risk_name(rid).get(lang)
        w(f"  {name:<22}{inh} → {cur} → {tgt}\n")
    overall = [labels.level_name(x, missing=labels.INCOMPLETE).get(lang)
               for x in (r.overall_inherent, r.overall_current, r.overall_target)]
    w(("  总体（取最高值，本软件约定）：" if zh else "  Overall (maximum, a pia-wizard convention): ")
      + " → ".join(overall) + "\n")
    if r.unacceptable:
        w(("  不可接受的当前剩余风险：" if zh else "  Unacceptable current residual risks: ")
          + ", ".join(labels.risk_name(x).get(lang) for x in r.unacceptable) + "\n")
        if still := [x for x in r.unacceptable if x in r.unacceptable_target]:
            w(("  整改计划完成后仍不可接受：" if zh else "  Still unacceptable after the action plan: ")
              + ", ".join(labels.risk_name(x).get(lang) for x in still) + "\n")


def _print_issues(ev: Evaluation, lang: str, w) -> None:
    from pia_wizard.core import labels

    zh = lang == "zh"
    issues = ev.issues
    w((f"问题（{len(issues)}，同一原因的发现合并为一项；逐项义务见 --by obligation）" if zh else
       f"Issues ({len(issues)}; findings with one cause are one issue; --by obligation lists each obligation)")
      + "\n")
    for n, issue in enumerate(issues, start=1):
        w(f"\n{n}. [{labels.verdict_label(issue.severity).get(lang)}] {issue.statement.get(lang)}\n")
        if issue.remedy:
            w(f"   {'整改' if zh else 'Remedy'}: {issue.remedy.get(lang)}\n")
        cited = dict.fromkeys(f.citation(lang) for f in issue.findings)  # two findings, one article: once
        bases = ("；" if zh else "; ").join(cited)
        w(f"   {'依据' if zh else 'Legal basis'}: {bases}\n")


def cmd_check(args: argparse.Namespace, ctx: AppContext) -> int:
    from pia_wizard.services import assessments

    a, ev = assessments.check(ctx, args.file)
    if args.format == "json":
        json_out(assessments.evaluation_dict(a, ev))
    else:
        print_check(a, ev, args.lang or a.language, args.all, sys.stdout, by=args.by)
    return EXIT_FOUND if ev.has_prohibited else EXIT_OK


def cmd_schema(args: argparse.Namespace, ctx: AppContext) -> int:
    from pia_wizard.services import assessments

    json_out(assessments.assessment_schema())
    return EXIT_OK


COMMANDS = {"check": cmd_check, "schema": cmd_schema}
