"""The Art. 15 filing clocks (备案, 备案变更, 注销备案) of the FRT Measures, in PRC working days."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from pia_wizard.core.workdays import (
    Overrides,
    add_workdays,
    as_overrides,
    require_date,
    workdays_between,
)

THRESHOLD = 100_000
LEGACY_CUTOFF = date(2025, 6, 1)
LEGACY_DEADLINE = date(2025, 7, 14)
WORKDAYS_ALLOWED = 30
DUE_SOON_WORKDAYS = 5


@dataclass(frozen=True)
class Note:
    zh: str
    en: str
    obligation: str | None = None  # id in shared obligations.csv


class ClockKind(StrEnum):
    FILING = "filing"
    CHANGE = "change"
    CANCELLATION = "cancellation"


class Status(StrEnum):
    DONE = "done"
    DONE_LATE = "done_late"
    OPEN = "open"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class ClockStatus:
    state: Status
    days_overdue: int = 0  # calendar days past the deadline, for OVERDUE and DONE_LATE
    workdays_left: int | None = None  # for OPEN and DUE_SOON: working days from today to the deadline

    def __str__(self) -> str:
        return self.state.value


class NotInForceError(ValueError):
    """A change or end of use before 2025-06-01: no filing existed yet, so there is no clock."""

    def __init__(self, note: Note) -> None:
        super().__init__(note.en)
        self.note = note


NOTE_WORKDAY_METHOD = Note(
    "工作日按本软件约定计算（无官方说明）：自事件发生之日的次日起算，不含周末和法定节假日，调休上班日计入。",
    "Working days follow the app's convention (no official method exists): counting starts the day after "
    "the event; weekends and public holidays are excluded and make-up working days (调休) count.",
    "FILING-15-WORKDAY-CALC",
)
NOTE_FILING = Note(
    "自人脸信息存储数量达到10万人之日起30个工作日内，向所在地省级以上网信部门履行备案手续。",
    "File within 30 working days from the day the stored facial information reached 100,000 individuals, "
    "with the provincial (or higher) cyberspace department where the processor is located.",
    "FILING-15-DEADLINE-30WD",
)
NOTE_LEGACY = Note(
    "2025年6月1日前存储数量已达到10万人的，应于2025年7月14日前履行备案手续（本软件将7月14日视为最后一天）。",
    "The count reached 100,000 before 2025-06-01, so the filing was due by 2025-07-14 (the CAC "
    "announcement's transition rule; the app treats 14 July as the last day).",
    "FILING-15-LEGACY-DEADLINE",
)
NOTE_CHANGE = Note(
    "备案信息发生实质性变化的，应当自变化之日起30个工作日内办理备案变更手续。",
    "After a substantive change, file the change (备案变更) within 30 working days of the change.",
    "FILING-15-CHANGE",
)
NOTE_CANCEL = Note(
    "停止应用人脸识别技术的，应当自停止之日起30个工作日内办理注销备案手续。",
    "After FRT use ends, cancel the filing (注销备案) within 30 working days.",
    "FILING-15-CANCEL",
)
NOTE_DISPOSE = Note(
    "提醒：停止应用后还须依法处理人脸信息（参见《个人信息保护法》第四十七条关于删除的规定），并保留处理记录。",
    "Reminder: after use ends, the facial information must also be disposed of according to law (see "
    "PIPL Art. 47 on deletion); keep a record of how it was done.",
    "FILING-15-CANCEL-DISPOSE",
)


@dataclass(frozen=True)
class Clock:
    kind: ClockKind
    start: date
    deadline: date
    estimated: bool
    estimated_years: tuple[int, ...]
    legacy: bool
    notes: tuple[Note, ...]
    overrides: Overrides = field(default_factory=Overrides, repr=False, compare=False)

    def status(self, today: date, done_on: date | None = None) -> ClockStatus:
        require_date(today, "today")
        if done_on is not None:
            require_date(done_on, "done_on")
            if done_on > today:
                raise ValueError(
                    f"done_on ({done_on.isoformat()}) is after today ({today.isoformat()}): a planned date is not done"
                )
            if done_on <= self.deadline:
                return ClockStatus(Status.DONE)
            return ClockStatus(Status.DONE_LATE, days_overdue=(done_on - self.deadline).days)
        if today > self.deadline:
            return ClockStatus(Status.OVERDUE, days_overdue=(today - self.deadline).days)
        # Today counts while it is a working day: on the deadline itself one working day is left.
        left = workdays_between(today - timedelta(days=1), self.deadline, self.overrides)
        state = Status.DUE_SOON if left <= DUE_SOON_WORKDAYS else Status.OPEN
        return ClockStatus(state, workdays_left=left)


def threshold_reached(count: int) -> bool:
    """Art. 15 says 达到 (reaches): exactly 100,000 stored individuals already triggers filing."""
    if isinstance(count, bool) or not isinstance(count, int):
        raise ValueError(f"count must be a whole number of individuals: got {count!r}")
    if count < 0:
        raise ValueError(f"count cannot be negative: got {count}")
    return count >= THRESHOLD


def _thirty_workday_clock(kind: ClockKind, start: date, rule_notes: tuple[Note, ...], ov: Overrides) -> Clock:
    result = add_workdays(start, WORKDAYS_ALLOWED, ov)
    notes = [*rule_notes, NOTE_WORKDAY_METHOD]
    if result.estimated:
        notes.append(Note(result.note_zh, result.note_en, "FILING-15-WORKDAY-CALC"))
    return Clock(
        kind=kind,
        start=start,
        deadline=result.date,
        estimated=result.estimated,
        estimated_years=result.estimated_years,
        legacy=False,
        notes=tuple(notes),
        overrides=ov,
    )


def filing_deadline(reached_on: date, overrides: Mapping[date, str] | None = None) -> Clock:
    require_date(reached_on, "reached_on")
    ov = as_overrides(overrides)
    if reached_on < LEGACY_CUTOFF:
        return Clock(
            kind=ClockKind.FILING,
            start=reached_on,
            deadline=LEGACY_DEADLINE,
            estimated=False,
            estimated_years=(),
            legacy=True,
            notes=(NOTE_LEGACY,),
            overrides=ov,
        )
    return _thirty_workday_clock(ClockKind.FILING, reached_on, (NOTE_FILING,), ov)


def _check_in_force(event_on: date, what_zh: str, what_en: str, extra: Note | None = None) -> None:
    if event_on >= LEGACY_CUTOFF:
        return
    zh = (
        f"{what_zh}发生在{event_on.isoformat()}，早于《人脸识别技术应用安全管理办法》施行日（2025年6月1日），"
        "当时还没有可变更或注销的备案，因此没有30个工作日的期限。"
        "如果存储数量在2025年6月1日前已达到10万人，首次备案（应于2025年7月14日前完成）应反映当时的实际情况。"
    )
    en = (
        f"The {what_en} on {event_on.isoformat()} predates the FRT Measures (in force 2025-06-01). No filing "
        "could exist then, so there is nothing to change or cancel and no 30-working-day clock. If the count "
        "had reached 100,000 before 2025-06-01, the first filing (due by 2025-07-14) had to reflect the "
        "situation as it then was."
    )
    if extra is not None:
        zh += extra.zh
        en += " " + extra.en
    raise NotInForceError(Note(zh, en, "FILING-15-LEGACY-DEADLINE"))


def change_deadline(changed_on: date, overrides: Mapping[date, str] | None = None) -> Clock:
    """Raises NotInForceError (a ValueError) for a change before 2025-06-01."""
    require_date(changed_on, "changed_on")
    ov = as_overrides(overrides)
    _check_in_force(changed_on, "变化", "change")
    return _thirty_workday_clock(ClockKind.CHANGE, changed_on, (NOTE_CHANGE,), ov)


def cancellation_deadline(ended_on: date, overrides: Mapping[date, str] | None = None) -> Clock:
    """Raises NotInForceError (a ValueError, still carrying the disposal reminder) before 2025-06-01."""
    require_date(ended_on, "ended_on")
    ov = as_overrides(overrides)
    _check_in_force(ended_on, "停止应用", "end of FRT use", NOTE_DISPOSE)
    return _thirty_workday_clock(ClockKind.CANCELLATION, ended_on, (NOTE_CANCEL, NOTE_DISPOSE), ov)
