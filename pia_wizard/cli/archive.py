"""Archive commands of the command line: records, audit, filing, purge, reports.

Each handler calls ``pia_wizard.services.archive`` and prints what it returns. Errors are ServiceErrors, printed
by ``cli.main`` (one line, exit 2; an import's bad rows one line each); exit 1 means the command found what it
looks for (a broken audit chain, an overdue filing clock). Records export, records import and audit verify run as
jobs: a progress bar on a terminal, and Ctrl+C cancels cleanly (no file, nothing imported).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from dataclasses import asdict
from datetime import date
from typing import IO, TYPE_CHECKING, Any, BinaryIO, cast

from pia_wizard.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_FOUND,
    EXIT_OK,
    actor_parent,
    err,
    json_out,
    positive_int,
    run_job,
    shorten,
)
from pia_wizard.context import AppContext

if TYPE_CHECKING:
    from pia_wizard.services.archive import Record, RecordFilters


def _date_arg(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None



class _TextSink:
    """Bytes to a text stream without a binary buffer (stdout redirected to StringIO in tests); export writes
    whole UTF-8 chunks, so decoding chunk by chunk never splits a character."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, data: bytes) -> int:
        return self.stream.write(data.decode("utf-8"))

    def flush(self) -> None:
        self.stream.flush()



# --- parsers ---------------------------------------------------------------------------------------------------

RECORD_OPTIONS = (
    ("record_date", "--date", "date of the record (YYYY-MM-DD)"),
    ("system", "--system", "the system the processing belongs to"),
    ("assessment_id", "--assessment", "ID of the linked assessment"),
    ("pi_types", "--pi-types", "types of personal information"),
    ("quantity", "--quantity", "quantity (number of individuals)"),
    ("sources", "--sources", "where the information comes from"),
    ("purposes", "--purposes", "purposes of processing"),
    ("scenarios", "--scenarios", "scenarios of use"),
    ("entrusted_processing", "--entrusted", "entrusted processing (who, what)"),
    ("sharing", "--sharing", "sharing with other processors"),
    ("transfer", "--transfer", "transfer (转让)"),
    ("public_disclosure", "--public-disclosure", "public disclosure"),
    ("cross_border", "--cross-border", "cross-border transfer"),
    ("related_systems", "--related-systems", "related information systems"),
    ("related_organisations", "--related-organisations", "related organisations"),
    ("related_staff", "--related-staff", "related staff"),
    ("note", "--note", "a note"),
    ("retain_until", "--retain-until", "keep until (at least 3 years; default: the minimum)"),
)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Register the archive commands on cli.py's subparsers."""
    actor = actor_parent()

    # records
    p = sub.add_parser("records", help="the register of processing records (处理情况记录)")
    rs = p.add_subparsers(dest="records_command", required=True, parser_class=type(p))
    q = rs.add_parser("add", parents=[actor], help="add one processing record")
    for dest, flag, text in RECORD_OPTIONS:
        q.add_argument(flag, dest=dest, help=text, type=_date_arg if dest in ("record_date", "retain_until") else str)
    q.add_argument("--format", choices=("text", "json"), default="text")
    q = rs.add_parser("list", parents=[actor], help="list processing records, newest first")
    _filter_options(q)
    q.add_argument("--limit", type=positive_int, default=50, help="rows per page (default 50)")
    q.add_argument("--page", type=positive_int, default=1)
    q.add_argument("--format", choices=("text", "json"), default="text")
    q = rs.add_parser("show", parents=[actor], help="show one processing record")
    q.add_argument("id", type=int)
    q = rs.add_parser("export", parents=[actor], help="export processing records (audited)")
    q.add_argument("--format", choices=("csv", "json"), required=True)
    q.add_argument("--out", help="write to this file (default: standard output)")
    _filter_options(q)
    q = rs.add_parser("import", parents=[actor], help="import a CSV file: all rows or none")
    q.add_argument("file")
    q = rs.add_parser("delete", parents=[actor], help="delete a record (refused before its retain_until)")
    q.add_argument("id", type=int)
    q = rs.add_parser("retain", parents=[actor], help="keep a record longer")
    q.add_argument("id", type=int)
    q.add_argument("--until", type=_date_arg, required=True)

    # audit
    p = sub.add_parser("audit", help="the hash-chained audit log")
    au = p.add_subparsers(dest="audit_command", required=True, parser_class=type(p))
    q = au.add_parser("verify", parents=[actor], help="walk the hash chain; exit 1 at the first broken link")
    q.add_argument("--format", choices=("text", "json"), default="text")
    q = au.add_parser("list", parents=[actor], help="the newest audit entries")
    q.add_argument("--entity")
    q.add_argument("--id", dest="entity_id")
    q.add_argument("--limit", type=positive_int, default=20)
    q.add_argument("--format", choices=("text", "json"), default="text")

    # filing
    p = sub.add_parser("filing", help="the Art. 15 filing tracker")
    fs = p.add_subparsers(dest="filing_command", required=True, parser_class=type(p))
    q = fs.add_parser("status", parents=[actor], help="threshold, deadlines, events and materials; exit 1 if overdue")
    q.add_argument("--processor")
    q.add_argument("--today", type=_date_arg, help="evaluate the clocks as of this date")
    # no default here, so that a missing --lang leaves the language of errors to the locale; the text is zh then
    q.add_argument("--lang", choices=("zh", "en"), help="language of the status (default zh)")
    q.add_argument("--format", choices=("text", "json"), default="text")
    q = fs.add_parser("count", parents=[actor], help="log the de-duplicated stored count on a day")
    q.add_argument("count", help="number of individuals whose facial information is stored")
    q.add_argument("--on", type=_date_arg, required=True)
    q.add_argument("--processor")
    q.add_argument("--note", default="")
    q = fs.add_parser("reached", parents=[actor], help="the exact day the count first reached 100,000")
    g = q.add_mutually_exclusive_group(required=True)
    g.add_argument("--on", type=_date_arg)
    g.add_argument("--clear", action="store_true", help="derive it from the count log again")
    q.add_argument("--processor")
    q = fs.add_parser("filed", parents=[actor], help="record the filing (date and number)")
    q.add_argument("--on", type=_date_arg, required=True)
    q.add_argument("--number", required=True)
    q.add_argument("--authority", default="")
    q.add_argument("--processor")
    q = fs.add_parser("event", parents=[actor],
                      help="a substantive change or the end of FRT use (30-working-day clock)")
    q.add_argument("kind", choices=("change", "cancellation"))
    q.add_argument("--on", type=_date_arg, required=True, help="day of the change / day FRT use ended")
    q.add_argument("--description", default="")
    q.add_argument("--processor")
    q = fs.add_parser("event-done", parents=[actor], help="the change filing / cancellation was made")
    q.add_argument("id", type=int)
    q.add_argument("--on", type=_date_arg, required=True)
    q.add_argument("--reference", default=None)
    q = fs.add_parser("disposed", parents=[actor], help="facial data disposed of after a cancellation")
    q.add_argument("id", type=int)
    q.add_argument("--on", type=_date_arg, required=True)
    q.add_argument("--how", default=None, help="how it was disposed of (method, evidence)")
    q = fs.add_parser("withdraw", parents=[actor], help="withdraw an event entered by mistake")
    q.add_argument("id", type=int)
    q.add_argument("--reason", required=True)
    q = fs.add_parser("material", parents=[actor], help="update an item of the materials checklist")
    q.add_argument("item", help="e.g. pipia-report, uscc, poa (or the full FILING-15-FILE-... id)")
    q.add_argument("--status", choices=("missing", "in_progress", "ready", "submitted", "not_applicable"))
    q.add_argument("--file", help="attach a copy of the document")
    q.add_argument("--report", type=int, help="link an archived report (its archive id)")
    q.add_argument("--note")
    q.add_argument("--processor")

    # purge
    p = sub.add_parser("purge", parents=[actor], help="delete reports and records whose retain_until has passed")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    # reports
    p = sub.add_parser("reports", help="the archive of issued reports")
    rps = p.add_subparsers(dest="reports_command", required=True, parser_class=type(p))
    rps.add_parser("list", parents=[actor], help="archived reports")
    q = rps.add_parser("extract", parents=[actor], help="write an archived PDF to a file")
    q.add_argument("id", type=int)
    q.add_argument("--out", required=True)
    q = rps.add_parser("retain", parents=[actor], help="keep a report longer")
    q.add_argument("id", type=int)
    q.add_argument("--until", type=_date_arg, required=True)
    q = rps.add_parser("delete", parents=[actor], help="delete a report (refused before its retain_until)")
    q.add_argument("id", type=int)

    for group in (rs, au, fs, rps):  # "required: {add,list,...}" rather than the internal dest name
        group.metavar = "{" + ",".join(group.choices) + "}"


def _filter_options(q: argparse.ArgumentParser) -> None:
    q.add_argument("--system")
    q.add_argument("--from", dest="date_from", type=_date_arg)
    q.add_argument("--to", dest="date_to", type=_date_arg)
    q.add_argument("--search", help="text in any descriptive field")
    q.add_argument("--assessment", dest="assessment_id")


def _filters(args: argparse.Namespace) -> RecordFilters:
    from pia_wizard.services.archive import RecordFilters

    return RecordFilters(args.system, args.date_from, args.date_to, args.search, args.assessment_id)


# --- records ---------------------------------------------------------------------------------------------------

def _print_record(r: Record) -> None:
    from pia_wizard.services.archive import RECORD_FIELD_LABELS

    for key, value in r.as_dict().items():
        label = RECORD_FIELD_LABELS.get(key)
        sys.stdout.write(f"{f'{label.zh} {label.en}' if label else key}: {value if value is not None else ''}\n")


def cmd_records(args: argparse.Namespace, ctx: AppContext) -> int:
    from pia_wizard.services import archive

    w = sys.stdout.write
    c = args.records_command
    if c == "add":
        fields = {dest: getattr(args, dest) for dest, _, _ in RECORD_OPTIONS if getattr(args, dest) is not None}
        r = archive.add_record(ctx, fields)
        if args.format == "json":
            json_out(r.as_dict())
        else:
            w(f"processing record {r.id} added; kept until {r.retain_until}\n")
        return EXIT_OK
    if c == "list":
        page = archive.list_records(ctx, _filters(args), page=args.page, limit=args.limit, with_total=True)
        if args.format == "json":
            json_out({"page": page.page, "total": page.total, "has_more": page.has_more,
                      "rows": [r.as_dict() for r in page.rows]})
            return EXIT_OK
        if not page.rows:
            w("no processing records\n")
            return EXIT_OK
        w(f"{'id':>7}  {'date':<10}  {'quantity':>9}  {'system':<24}  {'PI types':<30}  purposes\n")
        for r in page.rows:
            w(f"{r.id:>7}  {r.record_date:<10}  {r.quantity:>9,}  {shorten(r.system, 24):<24}  "
              f"{shorten(r.pi_types, 30):<30}  {shorten(r.purposes, 40)}\n")
        more = f"; next: --page {page.page + 1}" if page.has_more else ""
        w(f"rows {page.first}-{page.first + len(page.rows) - 1} of {page.total}{more}\n")
        return EXIT_OK
    if c == "show":
        _print_record(archive.get_record(ctx, args.id))
        return EXIT_OK
    if c == "export":
        if args.out:
            summary = run_job(archive.prepare_records_export(ctx, args.format, args.out, _filters(args)), ctx)
            w(f"{summary.rows} records written to {summary.path} (sha256 {summary.sha256})\n")
        else:
            job = archive.prepare_records_export(ctx, args.format, _stdout_sink(), _filters(args))
            if sys.stdout.isatty():
                job.run()  # the records scroll by on the terminal: no progress bar across them
            else:
                run_job(job, ctx)
            sys.stdout.flush()
        return EXIT_OK
    if c == "import":
        s = run_job(archive.prepare_records_import(ctx, args.file), ctx)
        w(f"{s.rows} processing records imported (ids {s.first_id}-{s.last_id}); one audit entry with the rows' "
          f"digest {s.rows_sha256}\n")
        return EXIT_OK
    if c == "delete":
        archive.delete_record(ctx, args.id)
        return EXIT_OK  # not reached: deleting is always refused (before retain_until, or "use purge")
    if c == "retain":
        r = archive.retain_record(ctx, args.id, args.until)
        w(f"processing record {r.id} is kept until {r.retain_until}\n")
        return EXIT_OK
    raise AssertionError(c)


def _stdout_sink() -> BinaryIO:
    sys.stdout.flush()  # the export's bytes go under what was printed before
    return cast(BinaryIO, getattr(sys.stdout, "buffer", None) or _TextSink(sys.stdout))


# --- audit -----------------------------------------------------------------------------------------------------

def cmd_audit(args: argparse.Namespace, ctx: AppContext) -> int:
    from pia_wizard.services import archive

    w = sys.stdout.write
    if args.audit_command == "verify":
        result = run_job(archive.prepare_audit_verify(ctx), ctx)
        if args.format == "json":
            json_out({"ok": result.ok, "entries": result.entries, "head_seq": result.head_seq,
                      "head_hash": result.head_hash, "broken_seq": result.broken_seq, "problem": result.problem,
                      "database": result.database})
        elif result.ok:
            w(f"audit log intact: {result.entries} entries; head: sequence {result.head_seq}, "
              f"hash {result.head_hash}\n")
        else:
            w(f"audit log BROKEN at sequence {result.broken_seq}: {result.problem}\n"
              f"({result.entries} entries before it are intact)\n")
        return EXIT_OK if result.ok else EXIT_FOUND
    rows = archive.audit_entries(ctx, entity=args.entity, entity_id=args.entity_id, limit=args.limit)
    if args.format == "json":
        json_out([asdict(e) for e in rows])
        return EXIT_OK
    for e in rows:
        detail = e.after if e.after is not None else e.before
        w(f"{e.seq:>7}  {e.at}  {shorten(e.actor, 16):<16}  {e.action:<14}  {e.entity} {shorten(e.entity_id, 40)}  "
          f"{shorten(detail, 80)}\n")
    return EXIT_OK


# --- filing ----------------------------------------------------------------------------------------------------

def _print_filing(st: Mapping[str, Any], lang: str) -> None:
    from pia_wizard.services.archive import MATERIAL_STATUS_LABELS

    zh = lang == "zh"
    w = sys.stdout.write
    state_zh = {"done": "已按期办理", "done_late": "逾期办理", "open": "未到期", "due_soon": "即将到期",
                "overdue": "已逾期"}

    def clock_line(clock: dict[str, Any]) -> str:
        s = clock["status"]
        label = state_zh[s] if zh else s.replace("_", " ")
        extra = ""
        if s in ("open", "due_soon"):
            n = clock["workdays_left"]
            extra = f"，还剩{n}个工作日" if zh else f", {n} working day{'' if n == 1 else 's'} left"
        elif s in ("overdue", "done_late"):
            n = clock["days_overdue"]  # calendar days past a deadline counted in working days
            extra = f"，逾期{n}个自然日" if zh else f", {n} calendar day{'' if n == 1 else 's'} late"
        flag = "  [!! 逾期]" if zh and s == "overdue" else ("  [!! OVERDUE]" if s == "overdue" else "")
        est = ("（估算）" if zh else " (estimate)") if clock["estimated"] else ""
        return f"{'期限' if zh else 'due'} {clock['deadline']}{est} — {label}{extra}{flag}"

    w(f"{'个人信息处理者' if zh else 'Processor'}: {st['processor']}    "
      f"({'截至' if zh else 'as of'} {st['today']})\n\n")
    th = st["threshold"]
    w(("存储数量（去重）" if zh else "Stored count (de-duplicated)") + ":\n")
    for c in st["counts"][-10:]:
        mark = " ≥ 100,000" if c["stored_count"] >= th["threshold"] else ""
        w(f"  {c['counted_on']}  {c['stored_count']:>12,}{mark}  {c['note']}\n")
    if not st["counts"]:
        w("  " + ("（尚无记录）" if zh else "(none yet)") + "\n")
    if th["reached_on"]:
        src = {"entered": "录入" if zh else "entered", "count_log": "取自计数记录" if zh else "from the count log"}
        w(("首次达到10万人：" if zh else "Threshold of 100,000 first reached: ")
          + f"{th['reached_on']} ({src[th['source']]})\n")
    else:
        w("尚未达到10万人的备案门槛\n" if zh else "The 100,000 filing threshold has not been reached\n")
    f = st["filing"]
    if f["clock"]:
        w(("备案：" if zh else "Filing: ") + clock_line(f["clock"]) + "\n")
        if f["filed_on"]:
            w(("  已备案：" if zh else "  filed on ") + f"{f['filed_on']}  {'编号' if zh else 'number'} "
              f"{f['filing_number']}  {f['authority']}\n")
    if st["events"]:
        w("\n" + ("变更和注销事件" if zh else "Change and cancellation events") + ":\n")
    for ev in st["events"]:
        kind = ({"change": "备案变更", "cancellation": "注销备案"} if zh else
                {"change": "change filing", "cancellation": "cancellation"})[ev["kind"]]
        w(f"  [{ev['id']}] {ev['event_on']} {kind}  {ev['description']}\n")
        if ev["withdrawn_reason"]:
            w(("      已撤回：" if zh else "      withdrawn: ") + ev["withdrawn_reason"] + "\n")
            continue
        if ev["clock"]:
            w("      " + clock_line(ev["clock"]) + "\n")
        if ev["not_in_force"]:
            w("      " + ev["not_in_force"][lang] + "\n")
        if ev["done_on"]:
            w(("      已办理：" if zh else "      done on ") + f"{ev['done_on']} {ev['reference']}\n")
        if ev["kind"] == "cancellation":
            if ev["disposed_on"]:
                w(("      人脸信息已处理：" if zh else "      facial data disposed of on ") +
                  f"{ev['disposed_on']} {ev['disposal_note']}\n")
            else:
                w("      " + st["disposal_note"][lang] + "\n")
    w("\n" + ("备案材料清单（备案系统要求的8项文件）" if zh
              else "Materials checklist (the 8 files the filing system asks for)") + ":\n")
    for i, m in enumerate(st["materials"], start=1):
        status = MATERIAL_STATUS_LABELS[m["status"]].get(lang)
        attached = f"  [{m['file_name']} sha256 {m['file_sha256'][:12]}…]" if m["file_name"] else ""
        report = (f"  [{'报告' if zh else 'report'} #{m['report_id']}]") if m["report_id"] else ""
        w(f"  {i}. [{status}] {m['label_zh'] if zh else m['label_en']}{attached}{report}"
          f"{'  ' + m['note'] if m['note'] else ''}\n")
    if st["overdue"] or st["reminders"]:
        w("\n")
    for flag in st["overdue"]:
        w(("!! 逾期：" if zh else "!! OVERDUE: ") + flag[lang] + "\n")
    for note in st["reminders"]:
        w(("提醒：" if zh else "Reminder: ") + note[lang] + "\n")


def cmd_filing(args: argparse.Namespace, ctx: AppContext) -> int:
    from pia_wizard.services import archive

    w = sys.stdout.write
    c = args.filing_command
    if c == "status":
        st = archive.filing_status(ctx, args.processor)
        if args.format == "json":
            json_out(st.data)
        else:
            _print_filing(st.data, args.lang or "zh")
        return EXIT_FOUND if st.overdue else EXIT_OK
    if c == "count":
        r = archive.log_stored_count(ctx, args.count, args.on, processor=args.processor, note=args.note)
        w(f"{r.processor}: {r.stored_count:,} stored on {r.counted_on}\n")
    elif c == "reached":
        archive.set_threshold_reached(ctx, None if args.clear else args.on, processor=args.processor)
    elif c == "filed":
        archive.record_filing(ctx, args.on, args.number, args.authority, processor=args.processor)
    elif c == "event":
        eid = archive.add_filing_event(ctx, args.kind, args.on, args.description, processor=args.processor)
        w(f"event {eid} recorded\n")
    elif c == "event-done":
        archive.filing_event_done(ctx, args.id, args.on, args.reference)
    elif c == "disposed":
        archive.filing_event_disposed(ctx, args.id, args.on, args.how)
    elif c == "withdraw":
        archive.withdraw_filing_event(ctx, args.id, args.reason)
    elif c == "material":
        m = archive.set_filing_material(ctx, args.item, status=args.status, note=args.note, file=args.file,
                                        report=args.report, processor=args.processor)
        w(f"{m.item} updated\n")
    return EXIT_OK


# --- purge -----------------------------------------------------------------------------------------------------

def cmd_purge(args: argparse.Namespace, ctx: AppContext) -> int:
    from pia_wizard.services import archive

    w = sys.stdout.write
    plan = archive.purge_plan(ctx)
    if plan.empty:
        w("nothing to purge: no report or record is past its retain_until date\n")
        return EXIT_OK
    w(f"past their retain_until date: {len(plan.reports)} reports, {len(plan.record_ids)} processing records\n")
    for r in plan.reports[:20]:
        w(f"  report {r.report_id} (kept until {r.retain_until})\n")
    if not args.yes:
        w("Delete them permanently? This is recorded in the audit log. Type yes to confirm: ")
        sys.stdout.flush()
        answer = sys.stdin.readline()
        if not answer:
            err("no confirmation (standard input is closed); run `pia-wizard purge --yes` to purge without asking")
            return EXIT_BAD_INPUT
        if answer.strip().lower() not in ("yes", "y", "是"):
            w("cancelled: nothing deleted\n")
            return EXIT_OK
    done = archive.purge(ctx, plan)
    w(f"purged {done.reports} reports and {done.records} processing records (recorded in the audit log)\n")
    return EXIT_OK


# --- reports ---------------------------------------------------------------------------------------------------

def cmd_reports(args: argparse.Namespace, ctx: AppContext) -> int:
    from pia_wizard.services import archive

    w = sys.stdout.write
    c = args.reports_command
    if c == "list":
        for r in archive.list_reports(ctx):
            signed = f"signed by {r.signer}" if r.signed else "unsigned"
            w(f"{r.id:>4}  {r.report_id}  {r.size:,} bytes  sha256 {r.sha256}  {signed}  kept until "
              f"{r.retain_until}\n")
        return EXIT_OK
    if c == "extract":
        archive.extract_report(ctx, args.id, args.out)
        return EXIT_OK
    if c == "retain":
        r = archive.retain_report(ctx, args.id, args.until)
        w(f"report {r.report_id} is kept until {r.retain_until}\n")
        return EXIT_OK
    archive.delete_report(ctx, args.id)
    return EXIT_OK  # not reached: deleting is always refused (before retain_until, or "use purge")


COMMANDS = {
    "records": cmd_records,
    "audit": cmd_audit,
    "filing": cmd_filing,
    "purge": cmd_purge,
    "reports": cmd_reports,
}
