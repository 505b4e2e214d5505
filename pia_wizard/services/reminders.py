"""What the home window reminds the DPO of: re-assessments due (the planned periodic review, and a substantive
change recorded in the filing tracker after an assessment was approved: Measures Art. 9), filing deadlines near or
overdue (the tracker's own clocks, in PRC working days), and archived reports whose retention ends soon (they leave
the archive only through a confirmed, audited purge).

Nothing is counted here that the archive or the rules do not already count: the filing clocks come from
``archive.filing_status`` (core/filing.py), the review date from the assessment's answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from pia_wizard.context import AppContext
from pia_wizard.core.bank import Text
from pia_wizard.services import archive, assessments

KINDS = ("reassessment_due", "filing_due", "filing_overdue", "retention_ending")
SEVERITIES = ("overdue", "due_soon", "info")  # most urgent first
SEVERITY_LABELS = {"overdue": Text("已逾期", "Overdue"), "due_soon": Text("即将到期", "Due soon"),
                   "info": Text("提醒", "Reminder")}
TARGET_KINDS = ("assessment", "processor", "report")
REVIEW_WITHIN_DAYS = 30  # a periodic review this close is "due soon"
RETENTION_WITHIN_DAYS = 90  # a report whose retention ends this soon is listed
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Reminder:
    kind: str  # one of KINDS
    text: Text  # one line in each language
    on: date  # the day it is about: the review date, the deadline, the end of retention, the change
    severity: str  # one of SEVERITIES
    target_kind: str  # one of TARGET_KINDS: what activating the reminder opens
    target: str | int  # the assessment id, the processor's name, or the report's archive id


def _day(d: date) -> Text:
    return Text(f"{d.year}年{d.month}月{d.day}日", f"{d.day} {_MONTHS[d.month - 1]} {d.year}")


def _parse(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _workdays(n: int) -> Text:
    return Text(f"还剩{n}个工作日", "1 working day left" if n == 1 else f"{n} working days left")


def _calendar_days(n: int) -> Text:
    return Text(f"{n}个自然日", "1 calendar day" if n == 1 else f"{n} calendar days")


def _name(s: assessments.AssessmentSummary) -> str:
    return s.system or s.title or s.processor


def _review(s: assessments.AssessmentSummary, today: date, within: int) -> Reminder | None:
    due = _parse(s.next_review)
    if due is None or due > today + timedelta(days=within):
        return None
    d, name = _day(due), _name(s)
    if due < today:
        text = Text(f"“{name}”的定期复评已逾期：计划于{d.zh}复评。",
                    f"The periodic re-assessment of “{name}” is overdue: it was planned for {d.en}.")
        severity = "overdue"
    else:
        text = Text(f"“{name}”的定期复评将于{d.zh}到期。", f"The periodic re-assessment of “{name}” is due on {d.en}.")
        severity = "due_soon"
    return Reminder("reassessment_due", text, due, severity, "assessment", s.assessment_id)


def _clock_reminder(processor: str, what: Text, clock: dict[str, object], start: date | None) -> Reminder | None:
    state = clock.get("status")
    deadline = _parse(clock.get("deadline"))
    if deadline is None or state not in ("open", "due_soon", "overdue"):
        return None
    d = _day(deadline)
    est = Text("（估算）", " (estimate)") if clock.get("estimated") else Text("", "")
    since = Text(f"（{_day(start).zh}起算）", f" (from {_day(start).en})") if start else Text("", "")
    if state == "overdue":
        late = _calendar_days(int(clock.get("days_overdue") or 0))  # type: ignore[call-overload]
        text = Text(f"{processor}：{what.zh}{since.zh}已逾期{late.zh}，期限为{d.zh}{est.zh}。",
                    f"{processor}: the {what.en}{since.en} is overdue by {late.en}; the deadline was {d.en}{est.en}.")
        return Reminder("filing_overdue", text, deadline, "overdue", "processor", processor)
    left = _workdays(int(clock.get("workdays_left") or 0))  # type: ignore[call-overload]
    text = Text(f"{processor}：{what.zh}{since.zh}须于{d.zh}{est.zh}前办理，{left.zh}。",
                f"{processor}: the {what.en}{since.en} is due by {d.en}{est.en}, {left.en}.")
    return Reminder("filing_due", text, deadline, "due_soon" if state == "due_soon" else "info", "processor",
                    processor)


FILING = Text("备案", "filing")
EVENT_WHAT = {"change": Text("备案变更", "change filing"),
              "cancellation": Text("注销备案", "cancellation of the filing")}


def _filing(data: dict[str, object]) -> tuple[list[Reminder], list[tuple[date, str]]]:
    """The clocks of one processor's tracker, and its substantive changes (day, description) for Art. 9."""
    processor = str(data["processor"])
    out: list[Reminder] = []
    filing = data.get("filing") or {}
    assert isinstance(filing, dict)
    if filing.get("clock") and not filing.get("filed_on"):
        r = _clock_reminder(processor, FILING, filing["clock"], None)
        if r is not None:
            out.append(r)
    changes = []
    for ev in data.get("events") or []:  # type: ignore[attr-defined]
        if ev.get("withdrawn_reason"):
            continue
        start = _parse(ev.get("event_on"))
        if ev.get("clock") and not ev.get("done_on"):
            r = _clock_reminder(processor, EVENT_WHAT[ev["kind"]], ev["clock"], start)
            if r is not None:
                out.append(r)
        if ev.get("kind") == "change" and start is not None:
            changes.append((start, str(ev.get("description") or "")))
    return out, changes


def _art9(summary: assessments.AssessmentSummary, approved_on: date,
          changes: list[tuple[date, str]]) -> Reminder | None:
    after = [day for day, _ in changes if day >= approved_on]
    if not after:
        return None
    day = max(after)
    d, name = _day(day), _name(summary)
    text = Text(f"{summary.processor}于{d.zh}记录了人脸识别应用的实质性变化，晚于“{name}”评估的批准日期："
                "处理目的或处理方式变化的，《人脸识别技术应用安全管理办法》第九条要求重新评估。",
                f"{summary.processor} recorded a substantive change of the FRT application on {d.en}, after "
                f"“{name}” was approved: Measures Art. 9 asks for a new assessment when the purpose or method of "
                "processing changes.")
    return Reminder("reassessment_due", text, day, "due_soon", "assessment", summary.assessment_id)


def _retention(listing: archive.ArchivedReport, today: date, within: int) -> Reminder | None:
    until = _parse(listing.retain_until)
    if until is None or until > today + timedelta(days=within):
        return None
    d = _day(until)
    if until < today:
        text = Text(f"报告 {listing.report_id} 的保存期限已于{d.zh}届满：可延长保存，"
                    "或经确认后清理（清理会记入审计日志）。",
                    f"Report {listing.report_id} was kept until {d.en}: keep it longer, or purge it after "
                    "confirming (the purge is recorded in the audit log).")
    else:
        text = Text(f"报告 {listing.report_id} 的保存期限将于{d.zh}届满；届满后只能经确认清理，并记入审计日志。",
                    f"Report {listing.report_id} is kept until {d.en}; after that it can be purged only after "
                    "confirming, and the purge is recorded in the audit log.")
    return Reminder("retention_ending", text, until, "info", "report", listing.id)


def reminders(ctx: AppContext, today: date | None = None, *, review_within: int = REVIEW_WITHIN_DAYS,
              retention_within: int = RETENTION_WITHIN_DAYS) -> list[Reminder]:
    """Every reminder as of ``today`` (default: the context's day), the most urgent first, then by date."""
    today = today or ctx.today()
    as_of = ctx.with_(fixed_today=today)
    summaries = assessments.list_assessments(ctx)
    out = [r for s in summaries if (r := _review(s, today, review_within)) is not None]
    for processor in archive.filing_processors(ctx):
        clocks, changes = _filing(archive.filing_status(as_of, processor).data)
        out.extend(clocks)
        if not changes:
            continue
        for s in summaries:
            if s.processor != processor or s.state != "approved":
                continue
            decided = _parse(assessments.versions(ctx, s.assessment_id)[-1].decided_at)
            r = _art9(s, decided, changes) if decided is not None else None
            if r is not None:
                out.append(r)
    out.extend(r for rep in archive.list_reports(ctx) if (r := _retention(rep, today, retention_within)) is not None)
    out.sort(key=lambda r: (SEVERITIES.index(r.severity), r.on, r.kind))
    return out


__all__ = ["KINDS", "RETENTION_WITHIN_DAYS", "REVIEW_WITHIN_DAYS", "SEVERITIES", "SEVERITY_LABELS", "TARGET_KINDS",
           "Reminder", "reminders"]
