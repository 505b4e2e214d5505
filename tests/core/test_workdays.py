from datetime import date, datetime, timedelta

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pia_wizard.core.workdays import (
    DayInfo,
    Overrides,
    add_workdays,
    data_years,
    day_kind,
    workdays_between,
)

# chinese-calendar 1.11 stops at 2026. If a newer one ships the 2027 notice, these exact estimate dates no
# longer apply; the tests on "the first year after the data" below still run.
NO_2027_DATA = pytest.mark.usefixtures("no_2027_data")  # conftest.py: 2027 without official data, always


def test_pinned_example_30_workdays_after_2026_09_20():
    result = add_workdays(date(2026, 9, 20), 30)
    assert result.date == date(2026, 11, 6)
    assert result.estimated is False
    assert result.estimated_years == ()
    assert result.note_zh == result.note_en == ""


def test_count_starts_the_day_after_start():
    assert add_workdays(date(2026, 11, 23), 1).date == date(2026, 11, 24)  # Mon -> Tue
    assert add_workdays(date(2026, 11, 20), 1).date == date(2026, 11, 23)  # Fri -> Mon


def test_make_up_saturday_counts():
    assert day_kind(date(2026, 10, 10)) == DayInfo(True, "chinese_calendar")
    assert add_workdays(date(2026, 10, 9), 1).date == date(2026, 10, 10)


def test_make_up_sunday_counts():
    assert day_kind(date(2026, 9, 20)) == DayInfo(True, "chinese_calendar")
    assert add_workdays(date(2026, 9, 19), 1).date == date(2026, 9, 20)


def test_golden_week_is_skipped():
    assert day_kind(date(2026, 10, 5)) == DayInfo(False, "chinese_calendar")  # a Monday off
    assert add_workdays(date(2026, 9, 30), 1).date == date(2026, 10, 8)


def test_non_workday_start_differs_from_find_workday():
    # 2025-06-01 is a Sunday and 06-02 the Dragon Boat holiday. find_workday counts the first working
    # day on or after a non-working start as day 0, one day more than "from the next day".
    assert add_workdays(date(2025, 6, 1), 30).date == date(2025, 7, 14)
    assert chinese_calendar.find_workday(30, date(2025, 6, 1)) == date(2025, 7, 15)


@given(
    start=st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 9, 30)),
    n=st.integers(min_value=1, max_value=60),
)
def test_agrees_with_chinese_calendar_and_inverts(start, n):
    result = add_workdays(start, n)
    assert not result.estimated
    assert chinese_calendar.is_workday(result.date)
    assert workdays_between(start, result.date) == n
    assert workdays_between(start, result.date - timedelta(days=1)) == n - 1
    if chinese_calendar.is_workday(start):
        assert result.date == chinese_calendar.find_workday(n, start)


def test_data_years_cover_2004_to_2026_contiguously():
    years = data_years()
    assert set(range(2004, 2027)) <= set(years)
    assert list(years) == list(range(years[0], years[-1] + 1))


@NO_2027_DATA
def test_2027_deadline_is_an_estimate_naming_2027():
    result = add_workdays(date(2026, 12, 1), 30)
    assert result.date == date(2027, 1, 12)  # 2027-01-01 counted as a working day: weekends only
    assert result.estimated is True
    assert result.estimated_years == (2027,)
    assert "2027" in result.note_en and "estimate" in result.note_en
    assert "2027年" in result.note_zh and "估算" in result.note_zh
    assert "国务院办公厅关于2027年部分节假日安排的通知" in result.note_zh


@NO_2027_DATA
def test_2027_days_are_weekend_only_estimates():
    assert day_kind(date(2027, 1, 1)) == DayInfo(True, "estimate")  # Friday
    assert day_kind(date(2027, 1, 2)) == DayInfo(False, "estimate")  # Saturday


def test_first_year_after_data_is_estimated_weekends_only():
    year = data_years()[-1] + 1
    start = date(year, 3, 1)
    expected, left = start, 20
    while left:
        expected += timedelta(days=1)
        left -= expected.weekday() < 5
    result = add_workdays(start, 20)
    assert result.date == expected
    assert result.estimated_years == (year,)
    assert str(year) in result.note_en and str(year) in result.note_zh


def test_two_estimated_years_are_both_named():
    year = data_years()[-1] + 1
    result = add_workdays(date(year, 12, 1), 100)
    assert result.estimated_years == (year, year + 1)
    assert f"{year} and {year + 1}" in result.note_en
    assert f"{year}、{year + 1}年" in result.note_zh


def test_crossing_from_data_into_estimate_only_names_the_estimated_year():
    year = data_years()[-1]
    result = add_workdays(date(year, 12, 1), 30)
    assert result.estimated_years == (year + 1,)


@NO_2027_DATA
def test_declaring_a_2027_holiday_pushes_the_deadline_one_working_day():
    result = add_workdays(date(2026, 12, 1), 30, {date(2027, 1, 1): "holiday"})
    assert result.date == date(2027, 1, 13)
    assert result.estimated is True  # one date entered; the year is not marked complete


@NO_2027_DATA
def test_declaring_a_saturday_a_workday_pulls_the_deadline_in():
    result = add_workdays(date(2026, 12, 1), 30, Overrides({date(2027, 1, 9): "workday"}))
    assert result.date == date(2027, 1, 11)
    assert day_kind(date(2027, 1, 9), {date(2027, 1, 9): "workday"}) == DayInfo(True, "override")


@NO_2027_DATA
def test_a_complete_entered_year_is_no_longer_an_estimate():
    ov = Overrides({date(2027, 1, 1): "holiday"}, complete_years=[2027])
    result = add_workdays(date(2026, 12, 1), 30, ov)
    assert result.date == date(2027, 1, 13)
    assert result.estimated is False
    assert result.estimated_years == ()
    assert result.note_en == result.note_zh == ""
    assert day_kind(date(2027, 1, 4), ov) == DayInfo(True, "entered_notice")


def test_override_wins_over_chinese_calendar():
    ov = {date(2026, 10, 8): "holiday", date(2026, 10, 11): "workday"}
    assert day_kind(date(2026, 10, 8), ov) == DayInfo(False, "override")
    assert add_workdays(date(2026, 9, 30), 1, ov).date == date(2026, 10, 9)
    assert add_workdays(date(2026, 10, 9), 2, ov).date == date(2026, 10, 11)  # Sat 10th, Sun 11th


def test_workdays_between():
    assert workdays_between(date(2026, 9, 30), date(2026, 10, 10)) == 3  # 10-08, 10-09, make-up 10-10
    assert workdays_between(date(2026, 10, 10), date(2026, 10, 1)) == 0


@pytest.mark.parametrize("n", [0, -1])
def test_n_below_one_is_rejected(n):
    with pytest.raises(ValueError, match="at least 1"):
        add_workdays(date(2026, 9, 20), n)


@pytest.mark.parametrize("n", [1.5, True, "30", None])
def test_n_must_be_an_integer(n):
    with pytest.raises(ValueError, match="n must be an integer"):
        add_workdays(date(2026, 9, 20), n)


@pytest.mark.parametrize("start", ["2026-09-20", None, 20260920, datetime(2026, 9, 20, 9, 0)])
def test_start_must_be_a_date(start):
    with pytest.raises(ValueError, match=r"start must be a datetime\.date"):
        add_workdays(start, 30)


def test_day_kind_rejects_a_non_date():
    with pytest.raises(ValueError, match=r"d must be a datetime\.date"):
        day_kind("2026-10-10")


def test_bad_overrides_are_rejected():
    with pytest.raises(ValueError, match="'holiday' or 'workday'"):
        Overrides({date(2027, 1, 1): "weekend"})
    with pytest.raises(ValueError, match=r"override date must be a datetime\.date"):
        Overrides({"2027-01-01": "holiday"})
    with pytest.raises(ValueError, match="complete_years"):
        Overrides({}, complete_years=["2027"])
    with pytest.raises(ValueError, match="overrides must be"):
        add_workdays(date(2026, 9, 20), 30, [date(2027, 1, 1)])


def test_past_year_9999_is_a_value_error():
    with pytest.raises(ValueError, match="past year 9999"):
        add_workdays(date(9999, 12, 30), 5)
