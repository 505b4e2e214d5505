"""PRC working days: weekends and public holidays are days off, make-up working days (调休) count.

Where a day's kind comes from, in order of precedence:

1. ``override``: a date the user entered from the State Council General Office notice.
2. ``chinese_calendar``: the official arrangement as packaged by chinese-calendar (see ``data_years()``).
3. ``entered_notice``: a day in a year the user has marked as fully entered (``Overrides.complete_years``)
   that the notice does not list, so the plain Monday-to-Friday week applies.
4. ``estimate``: any other day. Only Saturdays and Sundays are taken as days off. That is deliberate:
   a back-test over 2015-2026 (docs/calendar.md) showed that also removing the statutory holidays,
   without knowing the make-up working days, more often produced a deadline later than the real one
   (by up to 7 days, just before Golden Week or Spring Festival), and a late estimate can make a filer
   miss a legal deadline. Weekends-only errs early.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Literal

import chinese_calendar

HOLIDAY = "holiday"
WORKDAY = "workday"
OverrideKind = Literal["holiday", "workday"]

SOURCE_OVERRIDE = "override"
SOURCE_CHINESE_CALENDAR = "chinese_calendar"
SOURCE_ENTERED_NOTICE = "entered_notice"
SOURCE_ESTIMATE = "estimate"

# chinese_calendar has no public "which years" call; probing its public API over a wide window finds the
# range without reading its private tables, and follows the package when it is upgraded.
_PROBE_YEARS = range(1949, 2201)


def require_date(value: object, name: str) -> date:
    # datetime is a subclass of date but does not compare equal to one, so it would silently miss
    # overrides keyed by date; reject it rather than guess a time zone.
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValueError(f"{name} must be a datetime.date (not a datetime or {type(value).__name__}): got {value!r}")
    return value


class Overrides(Mapping[date, str]):
    """Dates entered from the State Council notice: date -> "holiday" | "workday" (make-up working day).

    An entry always wins over any packaged calendar. ``complete_years`` are the years whose whole notice
    the user has entered: in those years an unlisted day follows the normal week and results are no
    longer estimates. Entering a few dates of a year without marking it complete keeps it an estimate.
    """

    __slots__ = ("_complete_years", "_days")

    def __init__(
        self,
        days: Mapping[date, str] | Iterable[tuple[date, str]] | None = None,
        *,
        complete_years: Iterable[int] = (),
    ) -> None:
        items = days.items() if isinstance(days, Mapping) else (days or ())
        checked: dict[date, str] = {}
        for key, kind in items:
            require_date(key, "override date")
            if kind not in (HOLIDAY, WORKDAY):
                raise ValueError(
                    f"override for {key.isoformat()} must be 'holiday' or 'workday' (make-up working day): got {kind!r}"
                )
            checked[key] = kind
        years: set[int] = set()
        for year in complete_years:
            if isinstance(year, bool) or not isinstance(year, int):
                raise ValueError(f"complete_years must hold integer years: got {year!r}")
            years.add(year)
        self._days = checked
        self._complete_years = frozenset(years)

    @property
    def complete_years(self) -> frozenset[int]:
        return self._complete_years

    def __getitem__(self, key: date) -> str:
        return self._days[key]

    def __iter__(self) -> Iterator[date]:
        return iter(self._days)

    def __len__(self) -> int:
        return len(self._days)

    def __repr__(self) -> str:
        return f"Overrides({self._days!r}, complete_years={sorted(self._complete_years)!r})"


_NO_OVERRIDES = Overrides()


def as_overrides(overrides: Mapping[date, str] | None) -> Overrides:
    if overrides is None:
        return _NO_OVERRIDES
    if isinstance(overrides, Overrides):
        return overrides
    if isinstance(overrides, Mapping):
        return Overrides(overrides)
    raise ValueError(f"overrides must be an Overrides or a mapping of date -> 'holiday'/'workday': got {overrides!r}")


@dataclass(frozen=True)
class DayInfo:
    is_workday: bool
    source: str


@dataclass(frozen=True)
class WorkdayResult:
    date: date
    estimated: bool
    estimated_years: tuple[int, ...]
    note_zh: str
    note_en: str


@cache
def data_years() -> tuple[int, ...]:
    """Years covered by installed official data (chinese-calendar)."""
    years = []
    for year in _PROBE_YEARS:
        try:
            chinese_calendar.is_workday(date(year, 1, 1))
        except NotImplementedError:
            continue
        years.append(year)
    return tuple(years)


def _day_kind(d: date, ov: Overrides) -> DayInfo:
    kind = ov.get(d)
    if kind is not None:
        return DayInfo(kind == WORKDAY, SOURCE_OVERRIDE)
    if d.year in data_years():
        return DayInfo(chinese_calendar.is_workday(d), SOURCE_CHINESE_CALENDAR)
    weekday = d.weekday() < 5
    if d.year in ov.complete_years:
        return DayInfo(weekday, SOURCE_ENTERED_NOTICE)
    return DayInfo(weekday, SOURCE_ESTIMATE)


def day_kind(d: date, overrides: Mapping[date, str] | None = None) -> DayInfo:
    return _day_kind(require_date(d, "d"), as_overrides(overrides))


def _years_zh(years: tuple[int, ...]) -> str:
    return "、".join(str(y) for y in years) + "年"


def _years_en(years: tuple[int, ...]) -> str:
    names = [str(y) for y in years]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def estimate_notes(years: tuple[int, ...]) -> tuple[str, str]:
    """(zh, en) explanation for a date that depends on days in ``years`` without an official calendar."""
    if not years:
        return "", ""
    y_zh, y_en = _years_zh(years), _years_en(years)
    which_zh, is_en = ("该年", "is") if len(years) == 1 else ("各年", "are")
    notice_zh = "、".join(f"《国务院办公厅关于{y}年部分节假日安排的通知》" for y in years)
    notice_en = "; ".join(f"国务院办公厅关于{y}年部分节假日安排的通知" for y in years)
    zh = (
        f"此日期为估算：本软件没有{y_zh}的官方放假安排，{y_zh}只按周六、周日休息计算。"
        "法定节假日通常会使实际期限推后；调休上班的周末也可能使实际期限提前几天。"
        f"要得到准确日期，请按{notice_zh}录入{y_zh}的放假日期和调休上班日期，"
        f"全部录入后确认{which_zh}已录完整；也可以更新本软件。该通知一般在上一年10月底至12月初发布。"
    )
    en = (
        f"This date is an estimate: the app has no official holiday calendar for {y_en}, so for {y_en} "
        "it counted only Saturdays and Sundays as days off. Public holidays usually make the real deadline "
        "later; make-up working weekends (调休) can make it a few days earlier. To get the exact date, "
        f"enter the {y_en} public holidays and make-up working days from the State Council General Office "
        f"notice on holiday arrangements ({notice_en}), then confirm that {y_en} {is_en} complete; or update "
        "the app. The notice is usually published between late October and early December of the year "
        "before."
    )
    return zh, en


def add_workdays(start: date, n: int, overrides: Mapping[date, str] | None = None) -> WorkdayResult:
    """The n-th working day after ``start``; ``start`` itself is never counted."""
    require_date(start, "start")
    if isinstance(n, bool) or not isinstance(n, int):
        raise ValueError(f"n must be an integer number of working days (>= 1): got {n!r}")
    if n < 1:
        raise ValueError(f"n must be at least 1 working day: got {n}")
    ov = as_overrides(overrides)
    d = start
    counted = 0
    estimated: set[int] = set()
    while counted < n:
        try:
            d += timedelta(days=1)
        except OverflowError:
            raise ValueError(f"{n} working days after {start.isoformat()} is past year 9999") from None
        info = _day_kind(d, ov)
        if info.source == SOURCE_ESTIMATE:
            estimated.add(d.year)
        if info.is_workday:
            counted += 1
    years = tuple(sorted(estimated))
    note_zh, note_en = estimate_notes(years)
    return WorkdayResult(d, bool(years), years, note_zh, note_en)


def workdays_between(start: date, end: date, overrides: Mapping[date, str] | None = None) -> int:
    """Working days d with start < d <= end (0 if end <= start); the inverse of ``add_workdays``."""
    require_date(start, "start")
    require_date(end, "end")
    ov = as_overrides(overrides)
    count = 0
    d = start
    while d < end:
        d += timedelta(days=1)
        if _day_kind(d, ov).is_workday:
            count += 1
    return count
