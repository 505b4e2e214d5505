"""Archive commands of the command line: records, audit, filing, purge, assessments, reports.

Kept apart from cli.py so that cli.py only registers them (``add_parsers``, ``COMMANDS``). Every handler
turns a StoreError (and any stray sqlite3 error) into one line on stderr and exit 2; exit 1 means the
command found what it looks for (a broken audit chain, an overdue filing clock).
"""

from __future__ import annotations

import argparse
import functools
import json
import sqlite3
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_FOUND, EXIT_BAD_INPUT = 0, 1, 2


def _err(message: str) -> None:
    text = " ".join(str(message).split())
    sys.stderr.write(f"pia-wizard: {text if len(text) <= 500 else text[:497] + '...'}\n")


def _handler(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    @functools.wraps(func)
    def run(args: argparse.Namespace) -> int:
        from pia_wizard.store import ImportRejected, StoreError

        try:
            return func(args)
        except ImportRejected as exc:
            _err(str(exc).split(" (first:")[0])
            for line, problem in exc.problems:
                sys.stderr.write(f"  line {line}: {' '.join(problem.split())}\n")
            return EXIT_BAD_INPUT
        except StoreError as exc:
            _err(str(exc))
            return EXIT_BAD_INPUT
        except sqlite3.Error as exc:
            from pia_wizard.paths import data_dir
            from pia_wizard.store.db import DB_NAME, translate

            _err(str(translate(exc, data_dir() / DB_NAME, 0)))
            return EXIT_BAD_INPUT
        except BrokenPipeError:
            raise
        except OSError as exc:
            _err(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
            return EXIT_BAD_INPUT

    return run


def _open(args: argparse.Namespace) -> Any:
    from pia_wizard.archive import open_archive

    return open_archive(getattr(args, "actor", None))


def _date_arg(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return value


class _TextSink:
    """Bytes to a text stream without a binary buffer (stdout redirected to StringIO in tests); export writes
    whole UTF-8 chunks, so decoding chunk by chunk never splits a character."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, data: bytes) -> int:
        return self.stream.write(data.decode("utf-8"))

    def flush(self) -> None:
        self.stream.flush()


def _json_out(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _short(text: Any, width: int) -> str:
    s = " ".join(str(text or "").split())
    return s if len(s) <= width else s[: width - 1] + "…"


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


def add_parsers(sub: Any) -> None:
    """Register the archive commands on cli.py's subparsers."""
    actor = argparse.ArgumentParser(add_help=False)
    actor.add_argument("--actor", default=argparse.SUPPRESS,
                       help="who is acting, for the audit log (default: the OS user name)")

    # records
    p = sub.add_parser("records", help="the register of processing records (处理情况记录)")
    rs = p.add_subparsers(dest="records_command", required=True, parser_class=type(p))
    q = rs.add_parser("add", parents=[actor], help="add one processing record")
    for dest, flag, text in RECORD_OPTIONS:
        q.add_argument(flag, dest=dest, help=text, type=_date_arg if dest in ("record_date", "retain_until") else str)
    q.add_argument("--format", choices=("text", "json"), default="text")
    q = rs.add_parser("list", parents=[actor], help="list processing records, newest first")
    _filter_options(q)
    q.add_argument("--limit", type=_positive, default=50, help="rows per page (default 50)")
    q.add_argument("--page", type=_positive, default=1)
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
    q.add_argument("--limit", type=_positive, default=20)
    q.add_argument("--format", choices=("text", "json"), default="text")

    # filing
    p = sub.add_parser("filing", help="the Art. 15 filing tracker")
    fs = p.add_subparsers(dest="filing_command", required=True, parser_class=type(p))
    q = fs.add_parser("status", parents=[actor], help="threshold, deadlines, events and materials; exit 1 if overdue")
    q.add_argument("--processor")
    q.add_argument("--today", type=_date_arg, help="evaluate the clocks as of this date")
    q.add_argument("--lang", choices=("zh", "en"), default="zh")
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

    # assessments
    p = sub.add_parser("assessments", help="archived assessments and their versions")
    asub = p.add_subparsers(dest="assessments_command", required=True, parser_class=type(p))
    asub.add_parser("list", parents=[actor], help="assessments with their newest version")
    q = asub.add_parser("versions", parents=[actor], help="all versions of an assessment")
    q.add_argument("assessment_id")
    q = asub.add_parser("save", parents=[actor], help="store an assessment file (new, or into its draft)")
    q.add_argument("file")
    for name, text in (("submit", "send a draft for review"), ("approve", "approve a version in review"),
                       ("reject", "reject a version in review"), ("reopen", "return a version to draft")):
        q = asub.add_parser(name, parents=[actor], help=text)
        q.add_argument("assessment_id")
        q.add_argument("--version", type=_positive, help="default: the newest")
        q.add_argument("--note", default="")
    q = asub.add_parser("new-version", parents=[actor], help="start a new draft from the approved version")
    q.add_argument("assessment_id")
    q.add_argument("--reason", required=True, choices=("purpose_changed", "method_changed", "major_incident",
                                                        "filing_threshold", "vendor_or_algorithm_changed",
                                                        "periodic_review"))
    q.add_argument("--note", default="")

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

    for group in (rs, au, fs, asub, rps):  # "required: {add,list,...}" rather than the internal dest name
        group.metavar = "{" + ",".join(group.choices) + "}"


def _filter_options(q: argparse.ArgumentParser) -> None:
    q.add_argument("--system")
    q.add_argument("--from", dest="date_from", type=_date_arg)
    q.add_argument("--to", dest="date_to", type=_date_arg)
    q.add_argument("--search", help="text in any descriptive field")
    q.add_argument("--assessment", dest="assessment_id")


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    return {k: getattr(args, k) for k in ("system", "date_from", "date_to", "search", "assessment_id")}


# --- records ---------------------------------------------------------------------------------------------------

def _print_record(r: dict[str, Any]) -> None:
    from pia_wizard.store.records import BY_NAME

    for key, value in r.items():
        f = BY_NAME.get(key)
        label = f"{f.zh} {f.en}" if f else key
        sys.stdout.write(f"{label}: {value if value is not None else ''}\n")


@_handler
def cmd_records(args: argparse.Namespace) -> int:
    from pia_wizard.store import records

    with _open(args) as store:
        c = args.records_command
        if c == "add":
            fields = {dest: getattr(args, dest) for dest, _, _ in RECORD_OPTIONS if getattr(args, dest) is not None}
            r = records.add(store, fields)
            if args.format == "json":
                _json_out(r)
            else:
                sys.stdout.write(f"processing record {r['id']} added; kept until {r['retain_until']}\n")
            return EXIT_OK
        if c == "list":
            page = records.list_page(store, **_filters(args), limit=args.limit, offset=(args.page - 1) * args.limit,
                                     with_total=True)
            if args.format == "json":
                _json_out({"page": args.page, "total": page.total, "has_more": page.has_more, "rows": page.rows})
                return EXIT_OK
            if not page.rows:
                sys.stdout.write("no processing records\n")
                return EXIT_OK
            sys.stdout.write(f"{'id':>7}  {'date':<10}  {'quantity':>9}  {'system':<24}  {'PI types':<30}  purposes\n")
            for r in page.rows:
                sys.stdout.write(f"{r['id']:>7}  {r['record_date']:<10}  {r['quantity']:>9,}  "
                                 f"{_short(r['system'], 24):<24}  {_short(r['pi_types'], 30):<30}  "
                                 f"{_short(r['purposes'], 40)}\n")
            first = (args.page - 1) * args.limit + 1
            more = f"; next: --page {args.page + 1}" if page.has_more else ""
            sys.stdout.write(f"rows {first}-{first + len(page.rows) - 1} of {page.total}{more}\n")
            return EXIT_OK
        if c == "show":
            _print_record(records.get(store, args.id))
            return EXIT_OK
        if c == "export":
            if args.out:
                out_path = Path(args.out)
                tmp = out_path.with_name(out_path.name + ".part")
                with open(tmp, "wb") as fh:
                    summary = records.export(store, args.format, fh, destination=str(out_path), **_filters(args))
                tmp.replace(out_path)
                sys.stdout.write(f"{summary['rows']} records written to {out_path} (sha256 {summary['sha256']})\n")
            else:
                sys.stdout.flush()
                sink = getattr(sys.stdout, "buffer", None) or _TextSink(sys.stdout)
                records.export(store, args.format, sink, **_filters(args))
                sink.flush()
            return EXIT_OK
        if c == "import":
            summary = records.import_csv(store, args.file)
            sys.stdout.write(f"{summary['rows']} processing records imported (ids {summary['first_id']}-"
                             f"{summary['last_id']}); one audit entry with the rows' digest {summary['rows_sha256']}\n")
            return EXIT_OK
        if c == "delete":
            records.delete(store, args.id)
            return EXIT_OK  # not reached: delete always raises (refused, or "use purge")
        if c == "retain":
            r = records.update(store, args.id, {"retain_until": args.until})
            sys.stdout.write(f"processing record {r['id']} is kept until {r['retain_until']}\n")
            return EXIT_OK
    raise AssertionError(c)


# --- audit -----------------------------------------------------------------------------------------------------

@_handler
def cmd_audit(args: argparse.Namespace) -> int:
    from pia_wizard.store import audit

    with _open(args) as store:
        if args.audit_command == "verify":
            result = audit.verify(store.conn)
            if args.format == "json":
                _json_out({"ok": result.ok, "entries": result.entries, "head_seq": result.head_seq,
                           "head_hash": result.head_hash, "broken_seq": result.broken_seq, "problem": result.problem,
                           "database": str(store.path)})
            elif result.ok:
                sys.stdout.write(f"audit log intact: {result.entries} entries; head: sequence {result.head_seq}, "
                                 f"hash {result.head_hash}\n")
            else:
                sys.stdout.write(f"audit log BROKEN at sequence {result.broken_seq}: {result.problem}\n"
                                 f"({result.entries} entries before it are intact)\n")
            return EXIT_OK if result.ok else EXIT_FOUND
        rows = audit.entries(store.conn, entity=args.entity, entity_id=args.entity_id, limit=args.limit)
        if args.format == "json":
            _json_out(rows)
            return EXIT_OK
        for e in rows:
            detail = e["after"] if e["after"] is not None else e["before"]
            sys.stdout.write(f"{e['seq']:>7}  {e['at']}  {_short(e['actor'], 16):<16}  {e['action']:<14}  "
                             f"{e['entity']} {_short(e['entity_id'], 40)}  {_short(detail, 80)}\n")
        return EXIT_OK


# --- filing ----------------------------------------------------------------------------------------------------

def _print_filing(st: dict[str, Any], lang: str) -> None:
    from pia_wizard.store.filing import STATUS_LABELS

    zh = lang == "zh"
    w = sys.stdout.write
    state_zh = {"done": "已按期办理", "done_late": "逾期办理", "open": "未到期", "due_soon": "即将到期",
                "overdue": "已逾期"}

    def clock_line(clock: dict[str, Any]) -> str:
        s = clock["status"]
        label = state_zh[s] if zh else s.replace("_", " ")
        extra = ""
        if s in ("open", "due_soon"):
            extra = f"，还剩{clock['workdays_left']}个工作日" if zh else f", {clock['workdays_left']} working days left"
        elif s in ("overdue", "done_late"):
            extra = f"，逾期{clock['days_overdue']}天" if zh else f", {clock['days_overdue']} days late"
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
        status = STATUS_LABELS[m["status"]][0 if zh else 1]
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


@_handler
def cmd_filing(args: argparse.Namespace) -> int:
    from pia_wizard.store import filing

    with _open(args) as store:
        c = args.filing_command
        if c == "status":
            name = filing.resolve(store, args.processor)
            today = date.fromisoformat(args.today) if args.today else None
            st = filing.status(store, name, today)
            if args.format == "json":
                _json_out(st)
            else:
                _print_filing(st, args.lang)
            return EXIT_FOUND if st["overdue"] else EXIT_OK
        if c == "count":
            name = args.processor or filing.resolve(store, None)
            r = filing.record_count(store, name, args.on, args.count, args.note)
            sys.stdout.write(f"{r['processor']}: {r['stored_count']:,} stored on {r['counted_on']}\n")
        elif c == "reached":
            filing.set_reached(store, filing.resolve(store, args.processor), None if args.clear else args.on)
        elif c == "filed":
            filing.record_filing(store, filing.resolve(store, args.processor), args.on, args.number, args.authority)
        elif c == "event":
            eid = filing.add_event(store, filing.resolve(store, args.processor), args.kind, args.on, args.description)
            sys.stdout.write(f"event {eid} recorded\n")
        elif c == "event-done":
            filing.update_event(store, args.id, done_on=args.on, reference=args.reference)
        elif c == "disposed":
            filing.update_event(store, args.id, disposed_on=args.on, disposal_note=args.how)
        elif c == "withdraw":
            filing.update_event(store, args.id, withdrawn_reason=args.reason)
        elif c == "material":
            r = filing.set_material(store, filing.resolve(store, args.processor), args.item, status=args.status,
                                    note=args.note, file=args.file, report_pk=args.report)
            sys.stdout.write(f"{r['item']} updated\n")
        return EXIT_OK


# --- purge -----------------------------------------------------------------------------------------------------

@_handler
def cmd_purge(args: argparse.Namespace) -> int:
    from pia_wizard.store import purge

    with _open(args) as store:
        plan = purge.plan(store)
        if plan.empty:
            sys.stdout.write("nothing to purge: no report or record is past its retain_until date\n")
            return EXIT_OK
        sys.stdout.write(f"past their retain_until date: {len(plan.reports)} reports, {len(plan.record_ids)} "
                         "processing records\n")
        for r in plan.reports[:20]:
            sys.stdout.write(f"  report {r['report_id']} (kept until {r['retain_until']})\n")
        if not args.yes:
            sys.stdout.write("Delete them permanently? This is recorded in the audit log. Type yes to confirm: ")
            sys.stdout.flush()
            answer = sys.stdin.readline()
            if not answer:
                _err("no confirmation (standard input is closed); run `pia-wizard purge --yes` to purge "
                     "without asking")
                return EXIT_BAD_INPUT
            if answer.strip().lower() not in ("yes", "y", "是"):
                sys.stdout.write("cancelled: nothing deleted\n")
                return EXIT_OK
        done = purge.execute(store, plan)
        sys.stdout.write(f"purged {done['reports']} reports and {done['records']} processing records "
                         "(recorded in the audit log)\n")
        return EXIT_OK


# --- assessments and reports -----------------------------------------------------------------------------------

@_handler
def cmd_assessments(args: argparse.Namespace) -> int:
    from pia_wizard import services
    from pia_wizard.core.engine import evaluate
    from pia_wizard.store import assessments

    with _open(args) as store:
        c = args.assessments_command
        if c == "list":
            for a in assessments.list_assessments(store):
                sys.stdout.write(f"{a['assessment_id']}  v{a['version']} {a['state']:<10}  {_short(a['title'], 40)}  "
                                 f"{_short(a['processor'], 30)}\n")
            return EXIT_OK
        if c == "versions":
            for v in assessments.versions(store, args.assessment_id):
                why = f"  {v['reason']}: {v['reason_note']}" if v["reason"] else ""
                sys.stdout.write(f"v{v['version']} {v['state']:<10} {v['updated_at']}  {v['updated_by']}{why}\n")
            return EXIT_OK
        if c == "save":
            a = services.read_assessment(args.file)
            v = assessments.save(store, a, services.evaluation_dict(a, evaluate(a)))
            sys.stdout.write(f"{a.id} v{v['version']} ({v['state']}) saved\n")
            return EXIT_OK
        if c == "new-version":
            v = assessments.new_version(store, args.assessment_id, args.reason, args.note)
            sys.stdout.write(f"{args.assessment_id} v{v['version']} started as a draft ({args.reason})\n")
            return EXIT_OK
        row = assessments.find_version(store, args.assessment_id, args.version)
        v = assessments.transition(store, row["id"], c, args.note)
        sys.stdout.write(f"{args.assessment_id} v{v['version']} is now {v['state'].replace('_', ' ')}\n")
        return EXIT_OK


@_handler
def cmd_reports(args: argparse.Namespace) -> int:
    from pia_wizard.store import reports

    with _open(args) as store:
        c = args.reports_command
        if c == "list":
            for r in reports.list_reports(store):
                signed = f"signed by {r['signer']}" if r["signed"] else "unsigned"
                sys.stdout.write(f"{r['id']:>4}  {r['report_id']}  {r['size']:,} bytes  sha256 {r['sha256']}  "
                                 f"{signed}  kept until {r['retain_until']}\n")
            return EXIT_OK
        if c == "extract":
            Path(args.out).write_bytes(reports.pdf_bytes(store, args.id))
            return EXIT_OK
        if c == "retain":
            r = reports.extend_retention(store, args.id, args.until)
            sys.stdout.write(f"report {r['report_id']} is kept until {r['retain_until']}\n")
            return EXIT_OK
        reports.delete(store, args.id)
        return EXIT_OK


def demo_store(args: argparse.Namespace, a: Any, evaluation: dict[str, Any]) -> str | None:
    """The demo's archive step: returns the lines to print, or None after printing an error."""
    from pia_wizard.archive import store_demo
    from pia_wizard.store import StoreError

    try:
        r = store_demo(a, evaluation, actor=getattr(args, "actor", None))
    except StoreError as exc:
        _err(str(exc))
        return None
    zh = getattr(args, "lang", "zh") == "zh"
    lines = [("已存入档案 " if zh else "Stored in the archive ") + r["database"] + ":",
             f"  {'评估' if zh else 'assessment'} {r['assessment_id']} v{r['version']} ({r['version_state']})",
             f"  {'处理情况记录' if zh else 'processing record'} #{r['record_id']}"]
    if r["processor"]:
        lines.append(f"  {'备案跟踪' if zh else 'filing tracker'}: {r['processor']} "
                     f"(pia-wizard filing status)")
    lines += [f"  {'注意' if zh else 'warning'}: {w}" for w in r["warnings"]]
    return "\n".join(lines) + "\n"


COMMANDS = {
    "records": cmd_records,
    "audit": cmd_audit,
    "filing": cmd_filing,
    "purge": cmd_purge,
    "assessments": cmd_assessments,
    "reports": cmd_reports,
}
