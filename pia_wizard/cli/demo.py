"""``demo``: the built-in hotel check-in example end to end, in a data folder of its own (``<out>/archive``)
unless ``--data-dir`` or PIA_WIZARD_DATA_DIR names one."""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pia_wizard.cli.check import print_check
from pia_wizard.cli.common import EXIT_OK, run_job, warn
from pia_wizard.context import AppContext

if TYPE_CHECKING:
    from pia_wizard.services.demo import DemoReport
    from pia_wizard.services.jobs import CancelToken, ProgressFn


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="run the built-in hotel check-in example end to end")
    p.add_argument("--out", default=None, help="folder for the demo's output files (default: ./pia-wizard-demo); "
                   "its archive goes to OUT/archive unless --data-dir is given")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")


def command_name() -> str:
    """How to run pia-wizard again, as it can be typed in the user's shell: the plain name when it is on PATH and
    is this installation, else the full path of this program."""
    import shutil

    argv0 = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    found = shutil.which("pia-wizard")
    if argv0 is not None and argv0.name == "pia-wizard":
        if found and Path(found).resolve() == argv0.resolve():
            return "pia-wizard"
        return shlex.quote(str(argv0.resolve()))
    if found:
        return "pia-wizard"
    return shlex.quote(sys.executable) + " -m pia_wizard"


class _Job:
    """The demo's signing step as a job, for the CLI's progress bar and Ctrl+C."""

    def __init__(self, ctx: AppContext, out: Path, lang: str) -> None:
        from pia_wizard.core.bank import Text

        self.ctx, self.out, self.lang = ctx, out, lang
        self.title = Text("演示报告", "Demo report")

    def run(self, progress: ProgressFn | None = None, cancel: CancelToken | None = None) -> DemoReport:
        from pia_wizard.services import demo

        return demo.demo_signed_report(self.ctx, self.out, self.lang, progress, cancel)


def cmd_demo(args: argparse.Namespace, ctx: AppContext) -> int:
    from pia_wizard.services import archive, assessments, demo

    out = Path(args.out or "pia-wizard-demo")
    explicit = bool(args.data_dir or os.environ.get("PIA_WIZARD_DATA_DIR"))
    if not explicit:
        ctx = ctx.with_(data_dir=demo.demo_data_dir(out))
    zh = args.lang == "zh"
    out.mkdir(parents=True, exist_ok=True)
    a, ev = assessments.check(ctx, assessments.example_path("hotel-checkin"))
    (out / "hotel-checkin.json").write_text(a.to_json(), encoding="utf-8")
    (out / "check.json").write_text(
        json.dumps(assessments.evaluation_dict(a, ev), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    with open(out / "check.txt", "w", encoding="utf-8") as fh:
        print_check(a, ev, args.lang, False, fh)
    print_check(a, ev, args.lang, False, sys.stdout)
    w = sys.stdout.write
    w(("\n演示输出已写入 " if zh else "\nDemo output written to ") + f"{out.resolve()}:\n")
    for name in ("hotel-checkin.json", "check.json", "check.txt"):
        w(f"  {out / name}\n")

    stored = archive.store_demo(ctx, a, assessments.evaluation_dict(a, ev))
    w(("已存入档案 " if zh else "Stored in the archive ") + str(stored.database) + ":\n")
    if not explicit:
        w("  （演示使用自己的数据文件夹，不会写入您的正式档案；删除该文件夹即可清除演示数据）\n" if zh else
           "  (the demo keeps its own data folder, apart from your real archive; delete the folder to remove it)\n")
    w(f"  {'评估' if zh else 'assessment'} {stored.assessment_id} v{stored.version} ({stored.version_state})\n")
    w(f"  {'处理情况记录' if zh else 'processing record'} #{stored.record_id}\n")
    prog = command_name()
    data_opt = f"--data-dir {shlex.quote(str(ctx.data_dir))} "
    if stored.processor:
        w(f"  {'备案跟踪' if zh else 'filing tracker'}: {stored.processor} ({prog} {data_opt}filing status)\n")
    for wmsg in stored.warnings:
        w(f"  {'注意' if zh else 'warning'}: {wmsg}\n")

    d = run_job(_Job(ctx, out, args.lang), ctx)
    line = f"  {d.path}"
    if d.issued is None:
        day = d.created_at[:10]
        line += (f"（档案中已有该报告，写出的是 {day} 签署的存档副本）" if zh else
                 f" (the archive already held this report: this is the copy signed on {day})")
        w(line + "\n")
    else:
        issued = d.issued
        warn(list(issued.warnings))
        line += (f"（{issued.pages} 页，报告编号 {d.report_id}，评估负责人和个人信息保护负责人以演示证书签署，"
                 f"已存档至 {d.retain_until}）" if zh else
                 f" ({issued.pages} pages, report ID {d.report_id}, signed by the assessor and the PI protection "
                 f"officer with demo certificates, archived until {d.retain_until})")
        w(line + "\n")
        v = issued.version
        w(f"  评估 v{v.version} 已审批（{v.state}）\n" if zh else f"  assessment v{v.version} is now {v.state}\n")
    for c in d.certificates:
        w(f"  {c}\n")
    certs = d.certificates
    w(("  核验签名：" if zh else "  Check the signatures: ")
      + f"{prog} {data_opt}verify {shlex.quote(str(d.path))} --trust {shlex.quote(str(certs[-1]))} "
      f"--trust {shlex.quote(str(certs[0]))}\n")
    return EXIT_OK


COMMANDS = {"demo": cmd_demo}
