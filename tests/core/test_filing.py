from datetime import date

import pytest

from pia_wizard.core.filing import (
    LEGACY_CUTOFF,
    LEGACY_DEADLINE,
    THRESHOLD,
    ClockKind,
    NotInForceError,
    Status,
    cancellation_deadline,
    change_deadline,
    filing_deadline,
    threshold_reached,
)

NO_2027_DATA = pytest.mark.usefixtures("no_2027_data")  # conftest.py: 2027 without official data, always


def obligations(clock):
    return [note.obligation for note in clock.notes]


def test_constants():
    assert THRESHOLD == 100_000
    assert date(2025, 6, 1) == LEGACY_CUTOFF
    assert date(2025, 7, 14) == LEGACY_DEADLINE


@pytest.mark.parametrize(("count", "reached"), [(100_000, True), (99_999, False), (100_001, True), (0, False)])
def test_reaching_the_threshold(count, reached):
    assert threshold_reached(count) is reached


@pytest.mark.parametrize("count", [-1, 100_000.0, True, "100000", None])
def test_bad_counts_are_rejected(count):
    with pytest.raises(ValueError, match="count"):
        threshold_reached(count)


def test_reached_the_day_before_the_cutoff_is_legacy():
    clock = filing_deadline(date(2025, 5, 31))
    assert clock.deadline == date(2025, 7, 14)
    assert clock.legacy is True
    assert clock.estimated is False
    assert obligations(clock) == ["FILING-15-LEGACY-DEADLINE"]


def test_reached_long_before_the_cutoff_is_legacy():
    assert filing_deadline(date(2023, 1, 3)).deadline == date(2025, 7, 14)


def test_reached_on_the_cutoff_runs_30_working_days():
    clock = filing_deadline(date(2025, 6, 1))
    assert clock.legacy is False
    # Sunday, then the Dragon Boat holiday: the 30 working days land on the CAC's own legacy date.
    assert clock.deadline == date(2025, 7, 14)
    assert "FILING-15-DEADLINE-30WD" in obligations(clock)


def test_reached_after_the_cutoff_runs_30_working_days():
    clock = filing_deadline(date(2025, 6, 3))
    assert clock.legacy is False
    assert clock.deadline == date(2025, 7, 15)


def test_pinned_filing_deadline():
    clock = filing_deadline(date(2026, 9, 20))
    assert clock.kind is ClockKind.FILING
    assert clock.deadline == date(2026, 11, 6)
    assert clock.estimated is False
    assert obligations(clock) == ["FILING-15-DEADLINE-30WD", "FILING-15-WORKDAY-CALC"]


@NO_2027_DATA
def test_2027_filing_deadline_is_estimated_with_a_note_naming_2027():
    clock = filing_deadline(date(2026, 12, 1))
    assert clock.deadline == date(2027, 1, 12)
    assert clock.estimated is True
    assert clock.estimated_years == (2027,)
    estimate = clock.notes[-1]
    assert "2027" in estimate.en and "estimate" in estimate.en
    assert "2027年" in estimate.zh and "估算" in estimate.zh


@NO_2027_DATA
def test_overrides_reach_the_filing_clock():
    assert filing_deadline(date(2026, 12, 1), {date(2027, 1, 1): "holiday"}).deadline == date(2027, 1, 13)


def test_change_clock():
    clock = change_deadline(date(2026, 9, 20))
    assert clock.kind is ClockKind.CHANGE
    assert clock.deadline == date(2026, 11, 6)
    assert "FILING-15-CHANGE" in obligations(clock)


def test_cancellation_clock_carries_the_disposal_reminder():
    clock = cancellation_deadline(date(2026, 9, 20))
    assert clock.kind is ClockKind.CANCELLATION
    assert clock.deadline == date(2026, 11, 6)
    dispose = next(n for n in clock.notes if n.obligation == "FILING-15-CANCEL-DISPOSE")
    assert "依法处理人脸信息" in dispose.zh
    assert "disposed of according to law" in dispose.en


def test_change_before_the_measures_has_no_clock():
    with pytest.raises(NotInForceError, match="2025-06-01") as info:
        change_deadline(date(2025, 5, 31))
    assert "2025年6月1日" in info.value.note.zh
    assert isinstance(info.value, ValueError)
    assert change_deadline(LEGACY_CUTOFF).deadline == date(2025, 7, 14)


def test_cancellation_before_the_measures_has_no_clock_but_keeps_the_reminder():
    with pytest.raises(NotInForceError, match="disposed of according to law") as info:
        cancellation_deadline(date(2025, 3, 1))
    assert "依法处理人脸信息" in info.value.note.zh


@pytest.mark.parametrize(
    "fn", [filing_deadline, change_deadline, cancellation_deadline], ids=["filing", "change", "cancel"]
)
def test_clocks_reject_non_dates(fn):
    with pytest.raises(ValueError, match=r"must be a datetime\.date"):
        fn("2026-09-20")


# Deadline Friday 2026-11-06; working days 11-02..11-06 are the last five.
CLOCK = filing_deadline(date(2026, 9, 20))


@pytest.mark.parametrize(
    ("today", "state", "left"),
    [
        (date(2026, 10, 9), Status.OPEN, 22),
        (date(2026, 10, 30), Status.OPEN, 6),
        (date(2026, 10, 31), Status.DUE_SOON, 5),
        (date(2026, 11, 2), Status.DUE_SOON, 5),
        (date(2026, 11, 6), Status.DUE_SOON, 1),
    ],
)
def test_open_and_due_soon(today, state, left):
    status = CLOCK.status(today)
    assert status.state is state
    assert status.workdays_left == left
    assert status.days_overdue == 0


@pytest.mark.parametrize(("today", "days"), [(date(2026, 11, 7), 1), (date(2026, 11, 26), 20)])
def test_overdue(today, days):
    status = CLOCK.status(today)
    assert status.state == "overdue"
    assert str(status) == "overdue"
    assert status.days_overdue == days


def test_done_on_time_and_late():
    assert CLOCK.status(date(2026, 11, 26), done_on=date(2026, 11, 6)).state is Status.DONE
    late = CLOCK.status(date(2026, 11, 26), done_on=date(2026, 11, 9))
    assert late.state is Status.DONE_LATE
    assert late.days_overdue == 3


def test_legacy_clock_overdue_today():
    status = filing_deadline(date(2025, 3, 1)).status(date(2026, 11, 26))
    assert status.state is Status.OVERDUE
    assert status.days_overdue == 500


@NO_2027_DATA
def test_status_counts_with_the_clock_overrides():
    clock = filing_deadline(date(2026, 12, 1), {date(2027, 1, 11): "holiday"})
    assert clock.deadline == date(2027, 1, 13)
    status = clock.status(date(2027, 1, 6))  # 01-06, 07, 08, 12, 13 left
    assert status.state is Status.DUE_SOON
    assert status.workdays_left == 5


def test_status_rejects_bad_dates():
    with pytest.raises(ValueError, match="after today"):
        CLOCK.status(date(2026, 11, 1), done_on=date(2026, 11, 2))
    with pytest.raises(ValueError, match=r"today must be a datetime\.date"):
        CLOCK.status("2026-11-26")
    with pytest.raises(ValueError, match=r"done_on must be a datetime\.date"):
        CLOCK.status(date(2026, 11, 26), done_on="2026-11-06")
