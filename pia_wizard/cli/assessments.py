"""``assessments``: the archive's assessments and their versions (list, versions, save, submit / approve /
reject / reopen, new-version)."""

from __future__ import annotations

import argparse
import sys

from pia_wizard.cli.common import EXIT_OK, actor_parent, positive_int, shorten
from pia_wizard.context import AppContext


def add_parsers(sub: argparse._SubParsersAction) -> None:
    from pia_wizard.services.assessments import TRANSITIONS, version_reasons

    actor = actor_parent()
    p = sub.add_parser("assessments", help="archived assessments and their versions")
    asub = p.add_subparsers(dest="assessments_command", required=True, parser_class=type(p))
    asub.add_parser("list", parents=[actor], help="assessments with their newest version")
    q = asub.add_parser("versions", parents=[actor], help="all versions of an assessment")
    q.add_argument("assessment_id")
    q = asub.add_parser("save", parents=[actor], help="store an assessment file (new, or into its draft)")
    q.add_argument("file")
    texts = {"submit": "send a draft for review", "approve": "approve a version in review",
             "reject": "reject a version in review", "reopen": "return a version to draft"}
    for name in TRANSITIONS:
        q = asub.add_parser(name, parents=[actor], help=texts[name])
        q.add_argument("assessment_id")
        q.add_argument("--version", type=positive_int, help="default: the newest")
        q.add_argument("--note", default="")
    q = asub.add_parser("new-version", parents=[actor], help="start a new draft from the approved version")
    q.add_argument("assessment_id")
    q.add_argument("--reason", required=True, choices=[r.id for r in version_reasons()])
    q.add_argument("--note", default="")
    asub.metavar = "{" + ",".join(asub.choices) + "}"


def cmd_assessments(args: argparse.Namespace, ctx: AppContext) -> int:
    from pia_wizard.services import assessments

    w = sys.stdout.write
    c = args.assessments_command
    if c == "list":
        for a in assessments.list_assessments(ctx):
            w(f"{a.assessment_id}  v{a.version} {a.state:<10}  {shorten(a.title, 40)}  {shorten(a.processor, 30)}\n")
    elif c == "versions":
        for v in assessments.versions(ctx, args.assessment_id):
            why = f"  {v.reason}: {v.reason_note}" if v.reason else ""
            w(f"v{v.version} {v.state:<10} {v.updated_at}  {v.updated_by}{why}\n")
    elif c == "save":
        a, v = assessments.save_file(ctx, args.file)
        w(f"{a.id} v{v.version} ({v.state}) saved\n")
    elif c == "new-version":
        v = assessments.new_version(ctx, args.assessment_id, args.reason, args.note)
        w(f"{args.assessment_id} v{v.version} started as a draft ({args.reason})\n")
    else:
        v = assessments.transition(ctx, args.assessment_id, c, args.version, args.note)
        w(f"{args.assessment_id} v{v.version} is now {v.state.replace('_', ' ')}\n")
    return EXIT_OK


COMMANDS = {"assessments": cmd_assessments}
