"""Filing rules: Measures Art. 15 and the CAC filing announcement, in PRC working days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pia_wizard.core import filing
from pia_wizard.core.rules import Context, rule

NEAR_THRESHOLD = 90_000
Q_COUNT = ["filing.stored_count", "filing.count_date"]


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _days(n: int, unit: str) -> str:
    """'1 working day', '2 working days': English count with the right number."""
    return f"{n} {unit}" + ("" if n == 1 else "s")


def _notes(clock: filing.Clock) -> tuple[str, str]:
    """Only the estimate note: the rule notes repeat what the explanation already says."""
    extra = [n for n in clock.notes if n is not filing.NOTE_WORKDAY_METHOD and clock.estimated
             and n.obligation == "FILING-15-WORKDAY-CALC"]
    return "".join(n.zh for n in extra), " ".join(n.en for n in extra)


# --- the clocks as data: the rules below judge them, the GUI's filing clock shows them ----------------------------


@dataclass(frozen=True)
class ThresholdClock:
    """The Art. 15 filing clock as this assessment's answers give it."""

    count: int
    reached: bool  # the count is 100,000 or more
    reached_on: date | None  # the day it was first reached (None: not recorded)
    problem: str | None  # why no clock can be shown: "no_date" | "future_date" | "filed_without_date"
    clock: filing.Clock | None
    done_on: date | None  # the filing date when the filing was made (never a future date)
    status: filing.ClockStatus | None


@dataclass(frozen=True)
class EventClock:
    """A change-filing or cancellation clock (30 working days from the change or the end of use)."""

    kind: filing.ClockKind
    start: date
    clock: filing.Clock | None  # None when the event predates the Measures (see not_in_force)
    not_in_force: filing.Note | None
    done_on: date | None
    status: filing.ClockStatus | None


@dataclass(frozen=True)
class FilingClocks:
    filing: ThresholdClock | None  # None: the stored count is not answered
    change: EventClock | None  # None: no change date, or one in the future
    cancellation: EventClock | None  # None: no end of use yet (or one in the future)
    filed: bool  # filing.filed == "yes": a cancellation clock only runs for a filing that was made


def _done(ctx: Context, value: str | None) -> date | None:
    done = _d(value)
    return done if done is not None and done <= ctx.today else None  # a planned date is not done


def threshold_clock(ctx: Context) -> ThresholdClock | None:
    count = ctx.answer("filing.stored_count")
    if count is None:
        return None
    count = int(count)
    if not filing.threshold_reached(count):
        return ThresholdClock(count, False, None, None, None, None, None)
    reached = _d(ctx.answer("filing.reached_on"))
    if reached is None:
        return ThresholdClock(count, True, None, "no_date", None, None, None)
    if reached > ctx.today:
        return ThresholdClock(count, True, reached, "future_date", None, None, None)
    clock = filing.filing_deadline(reached, ctx.assessment.overrides())
    filed = ctx.answer("filing.filed")
    if filed == "yes" and _d(ctx.answer("filing.filed_on")) is None:
        return ThresholdClock(count, True, reached, "filed_without_date", clock, None, None)
    done_on = _done(ctx, ctx.answer("filing.filed_on")) if filed == "yes" else None
    return ThresholdClock(count, True, reached, None, clock, done_on, clock.status(ctx.today, done_on))


def _event_clock(ctx: Context, kind: filing.ClockKind, start_q: str, done_q: str) -> EventClock | None:
    start = _d(ctx.answer(start_q))
    if start is None or start > ctx.today:
        return None
    make = filing.change_deadline if kind == filing.ClockKind.CHANGE else filing.cancellation_deadline
    try:
        clock = make(start, ctx.assessment.overrides())
    except filing.NotInForceError as exc:
        return EventClock(kind, start, None, exc.note, None, None)
    done_on = _done(ctx, ctx.answer(done_q))
    return EventClock(kind, start, clock, None, done_on, clock.status(ctx.today, done_on))


def change_clock(ctx: Context) -> EventClock | None:
    return _event_clock(ctx, filing.ClockKind.CHANGE, "filing.change_on", "filing.change_filed_on")


def cancellation_clock(ctx: Context) -> EventClock | None:
    return _event_clock(ctx, filing.ClockKind.CANCELLATION, "filing.ended_on", "filing.cancelled_on")


def filing_clocks(ctx: Context) -> FilingClocks:
    """Every Art. 15 clock this assessment's answers start, as the rules below judge them."""
    return FilingClocks(threshold_clock(ctx), change_clock(ctx), cancellation_clock(ctx),
                        ctx.answer("filing.filed") == "yes")


def _status_finding(ctx: Context, obligation: str, clock: filing.Clock, done_on: date | None, what: tuple[str, str],
                    questions: list[str]):
    """One finding for a 30-working-day clock: compliant when done in time, advisory while open, gap when late."""
    if done_on is not None and done_on > ctx.today:
        done_on = None  # a planned date is not done
    st = clock.status(ctx.today, done_on)
    dl = clock.deadline.isoformat()
    est_zh, est_en = _notes(clock)
    # The note already opens with "This date is an estimate:" / "此日期为估算：".
    est_zh = ("（" + est_zh + "）") if est_zh else ""
    est_en = (f" ({est_en})") if est_en else ""
    zh_what, en_what = what
    if st.state == filing.Status.DONE:
        return ctx.finding(obligation, "compliant",
                           (f"{zh_what}已于{done_on.isoformat()}办理，期限为{dl}。",
                            f"The {en_what} was made on {done_on.isoformat()}, within the deadline of {dl}."),
                           None, questions)
    if st.state == filing.Status.DONE_LATE:
        return ctx.finding(obligation, "advisory",
                           (f"{zh_what}于{done_on.isoformat()}办理，晚于期限{dl}，逾期{st.days_overdue}个自然日。{est_zh}",
                            f"The {en_what} was made on {done_on.isoformat()}, "
                            f"{_days(st.days_overdue, 'calendar day')} after the "
                            f"deadline of {dl}.{est_en}"),
                           ("保留逾期原因的书面说明，并检查内部流程，避免再次逾期。",
                            "Keep a written explanation of the delay and fix the internal process so it does not "
                            "happen again."), questions)
    if st.state == filing.Status.OVERDUE:
        return ctx.finding(obligation, "gap",
                           (f"{zh_what}期限为{dl}，截至{ctx.today.isoformat()}已逾期{st.days_overdue}个自然日仍未办理。{est_zh}",
                            f"The {en_what} was due by {dl} and is {_days(st.days_overdue, 'calendar day')} overdue "
                            f"as of {ctx.today.isoformat()}.{est_en}"),
                           (f"立即通过个人信息保护业务系统办理{zh_what}，并记录逾期原因。",
                            f"Make the {en_what} now through the 个人信息保护业务系统 and record why it is late."),
                           questions)
    soon_zh = "，即将到期" if st.state == filing.Status.DUE_SOON else ""
    soon_en = " - due soon" if st.state == filing.Status.DUE_SOON else ""
    return ctx.finding(obligation, "advisory",
                       (f"须在{dl}前办理{zh_what}，还剩{st.workdays_left}个工作日{soon_zh}。{est_zh}",
                        f"The {en_what} is due by {dl}: {_days(st.workdays_left, 'working day')} left"
                        f"{soon_en}.{est_en}"),
                       (f"在{dl}前准备材料并办理{zh_what}。", f"Prepare the materials and make the {en_what} by {dl}."),
                       questions)


@rule("filing.threshold", "FILING-15-THRESHOLD", "FILING-15-COUNT-DEDUP")
def threshold(ctx: Context):
    """Art. 15: reaching 100,000 stored people starts a 30-working-day filing clock (legacy: 2025-07-14)."""
    state = threshold_clock(ctx)
    if state is None:
        return
    count = state.count
    if not state.reached:
        projected = ctx.answer("filing.projected_count")
        yield ctx.finding("FILING-15-THRESHOLD", "not_applicable",
                          (f"当前存储{count:,}人，未达到10万人，暂无备案义务。",
                           f"{count:,} people stored, below 100,000: no filing duty yet."), None, Q_COUNT)
        if count >= NEAR_THRESHOLD or (projected is not None and projected >= filing.THRESHOLD):
            yield ctx.finding("FILING-15-COUNT-DEDUP", "advisory",
                              (f"存储数量（{count:,}人，预计最多{projected or count:,}人）接近或将达到10万人。",
                               f"The stored count ({count:,}, projected up to {projected or count:,}) is close to or "
                               "will reach 100,000."),
                              ("每月统计去重后的存储人数；及时删除不再需要的人脸信息；提前准备备案材料。",
                               "Count the de-duplicated stored people monthly, delete facial information no longer "
                               "needed, and prepare the filing materials in advance."),
                              ["filing.stored_count", "filing.projected_count"])
        return
    reached = state.reached_on
    qs = ["filing.stored_count", "filing.reached_on", "filing.filed", "filing.filed_on"]
    if state.problem == "no_date":
        yield ctx.finding("FILING-15-THRESHOLD", "gap",
                          (f"存储数量{count:,}人已达到10万人，但没有记录首次达到的日期，无法计算备案期限。",
                           f"{count:,} people stored, so the 100,000 threshold is reached, but the day it was "
                           "first reached is not recorded, so the filing deadline cannot be computed."),
                          ("根据存储记录确定首次达到10万人的日期并填写。",
                           "Work out from the storage records the day the count first reached 100,000 and enter it."),
                          qs)
        return
    if state.problem == "future_date":
        assert reached is not None
        yield ctx.finding("FILING-15-THRESHOLD", "gap",
                          (f"首次达到10万人的日期{reached.isoformat()}晚于今天，请核对。",
                           f"The day the threshold was reached ({reached.isoformat()}) is in the future; check it."),
                          ("填写实际达到的日期。", "Enter the day it was actually reached."), qs)
        return
    if state.problem == "filed_without_date":
        yield ctx.finding("FILING-15-THRESHOLD", "gap",
                          ("已备案但没有填写备案日期，无法确认是否按期。",
                           "A filing is reported but without its date, so timeliness cannot be shown."),
                          ("填写备案日期和备案编号。", "Enter the filing date and number."), qs)
        return
    assert state.clock is not None
    yield _status_finding(ctx, "FILING-15-THRESHOLD", state.clock, state.done_on, ("备案", "filing"), qs)


# conclusion.reason values that mean the processing has changed (14-conclusion.yaml); a major change of business
# model or information system can change the filed information as much as a new purpose or method.
CHANGE_REASONS = ("purpose_changed", "method_changed", "vendor_changed", "business_change")


def _change_expected(ctx: Context) -> tuple[str, str] | None:
    """Why this assessment suggests a filed processor will need a change filing, or None.

    A filing describes the purposes, methods, volume and security measures at the time; this assessment being
    about a change, or about a new system that is not live yet, means the filing will probably no longer match."""
    if "conclusion.reason" not in ctx.bank.questions:
        return None
    reasons = ctx.answer("conclusion.reason") or []
    changed = [r for r in reasons if r in CHANGE_REASONS]
    if changed:
        label = ctx.bank.question("conclusion.reason").option_label
        return ("本次评估针对处理目的、方式、供应商或系统的变化（" + "、".join(label(r, "zh") for r in changed) + "）",
                "this assessment covers a change of purpose, method, vendor or system ("
                + "; ".join(label(r, "en") for r in changed) + ")")
    if "initial" in reasons and ctx.answer("scope.started") == "no":
        return ("本次评估针对尚未上线的新系统，系统上线后，实际处理情况将与备案内容不同",
                "this assessment covers a new system that is not live yet, so the processing will differ from "
                "what was filed once it goes live")
    return None


@rule("filing.change", "FILING-15-CHANGE")
def change(ctx: Context):
    """Art. 15: a substantive change after filing has its own 30-working-day clock; an assessment of a change or of
    a new system by a processor that has filed is a reminder that a change filing is likely due."""
    changed = _d(ctx.answer("filing.change_on"))
    qs = ["filing.change_on", "filing.change_filed_on"]
    if changed is None or changed > ctx.today:
        expected = _change_expected(ctx) if ctx.answer("filing.filed") == "yes" else None
        if expected is None:
            return
        filed_on, number = ctx.answer("filing.filed_on"), ctx.answer("filing.number")
        ref_zh = "".join(("已于" + filed_on if filed_on else "已", "备案", f"（{number}）" if number else ""))
        ref_en = "The processor filed" + (f" on {filed_on}" if filed_on else "") + (f" ({number})" if number else "")
        when_zh, when_en = "变化发生", "the change takes effect"
        if changed is not None:
            try:
                deadline = filing.change_deadline(changed, ctx.assessment.overrides()).deadline.isoformat()
                when_zh = f"变化发生（{changed.isoformat()}，期限约为{deadline}）"
                when_en = f"the change takes effect ({changed.isoformat()}; deadline about {deadline})"
            except filing.NotInForceError:
                pass
        yield ctx.finding(
            "FILING-15-CHANGE", "advisory",
            (f"{ref_zh}，而{expected[0]}。备案信息（处理目的和方式、存储数量、安全保护措施、影响评估报告等）如因此发生"
             f"实质性变化，须自{when_zh}之日起30个工作日内办理备案变更。",
             f"{ref_en}, and {expected[1]}. If the filed information (purposes and methods, volume stored, security "
             f"measures, the impact assessment report) changes substantively as a result, a change filing is due "
             f"within 30 working days of the day {when_en}."),
            ("对照备案内容判断是否属于实质性变化；属于的，变化发生后在30个工作日内通过个人信息保护业务系统办理备案变更，"
             "并在“备案变更日期”中记录变化日期和办理日期。",
             "Compare the filing with the new processing to decide whether the change is substantive; if it is, file "
             "the change through the 个人信息保护业务系统 within 30 working days of it, and record the dates of the "
             "change and of the change filing."),
            [q for q in ("filing.filed", "filing.change_on", "conclusion.reason", "scope.started")
             if ctx.answered(q)])
        return
    state = change_clock(ctx)
    assert state is not None
    if state.clock is None:
        assert state.not_in_force is not None
        yield ctx.finding("FILING-15-CHANGE", "not_applicable", (state.not_in_force.zh, state.not_in_force.en), None,
                          qs)
        return
    yield _status_finding(ctx, "FILING-15-CHANGE", state.clock, state.done_on, ("备案变更", "change filing"), qs)


@rule("filing.cancellation", "FILING-15-CANCEL", "FILING-15-CANCEL-DISPOSE")
def cancellation(ctx: Context):
    """Art. 15: end of use -> cancel the filing within 30 working days and dispose of the facial information."""
    ended = _d(ctx.answer("filing.ended_on"))
    if ended is None or ended > ctx.today:
        return
    qs = ["filing.ended_on", "filing.cancelled_on"]
    state = cancellation_clock(ctx)
    assert state is not None
    clock = state.clock
    if state.not_in_force is not None:
        yield ctx.finding("FILING-15-CANCEL", "not_applicable", (state.not_in_force.zh, state.not_in_force.en), None,
                          qs)
    if clock is not None and ctx.answer("filing.filed") == "yes":
        yield _status_finding(ctx, "FILING-15-CANCEL", clock, state.done_on, ("注销备案", "cancellation of the filing"),
                              qs)
    elif clock is not None:
        yield ctx.finding("FILING-15-CANCEL", "not_applicable",
                          ("没有已办理的备案，无需注销。", "No filing was made, so there is none to cancel."), None, qs)
    disposed = ctx.answer("filing.disposed")
    if disposed == "yes":
        yield ctx.finding("FILING-15-CANCEL-DISPOSE", "compliant",
                          ("停止使用后人脸信息已依法处理。", "The facial information was disposed of after use ended."),
                          None, ["filing.disposed"])
    elif disposed is not None:
        yield ctx.finding("FILING-15-CANCEL-DISPOSE", "gap",
                          (f"已于{ended.isoformat()}停止使用人脸识别，但人脸信息尚未确认删除或依法处理。",
                           f"Facial recognition stopped on {ended.isoformat()}, but the facial information has not "
                           "been confirmed deleted or otherwise disposed of."),
                          ("删除设备、服务器、备份和供应商处的全部人脸信息，保留删除记录（《个人信息保护法》第四十七条）。",
                           "Delete the facial information on devices, servers, backups and at vendors, and keep a "
                           "record of the deletion (PIPL Art. 47)."), ["filing.disposed"])
