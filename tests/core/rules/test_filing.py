from datetime import date

from tests.core.helpers import findings, verdicts

REACHED = {"filing.stored_count": 120_000, "filing.count_date": "2026-10-01", "filing.reached_on": "2026-09-20"}


def only(answers, obligation, today=date(2026, 11, 26), **fields):
    found = findings(answers, obligation, today=today, **fields)
    assert len(found) == 1, found
    return found[0]


def test_below_threshold_no_duty():
    f = only({"filing.stored_count": 99_999}, "FILING-15-THRESHOLD")
    assert f.verdict == "not_applicable"
    assert "99,999" in f.explanation.en


def test_exactly_100000_reaches_the_threshold():
    f = only({"filing.stored_count": 100_000}, "FILING-15-THRESHOLD")
    assert f.verdict == "gap"
    assert "not recorded" in f.explanation.en


def test_near_threshold_warns():
    assert verdicts({"filing.stored_count": 95_000}, "FILING-15-COUNT-DEDUP") == ["advisory"]
    assert verdicts({"filing.stored_count": 50_000, "filing.projected_count": 100_000},
                    "FILING-15-COUNT-DEDUP") == ["advisory"]
    assert verdicts({"filing.stored_count": 50_000, "filing.projected_count": 60_000}, "FILING-15-COUNT-DEDUP") == []


def test_overdue_against_today():
    f = only({**REACHED, "filing.filed": "no"}, "FILING-15-THRESHOLD")
    assert f.verdict == "gap"
    assert "due by 2026-11-06" in f.explanation.en  # 30 PRC working days after 2026-09-20
    assert "20 calendar days overdue" in f.explanation.en


def test_open_before_the_deadline():
    f = only({**REACHED, "filing.filed": "no"}, "FILING-15-THRESHOLD", today=date(2026, 10, 9))
    assert f.verdict == "advisory"
    assert "due by 2026-11-06" in f.explanation.en
    assert "working days left" in f.explanation.en


def test_filed_in_time_and_late():
    ok = only({**REACHED, "filing.filed": "yes", "filing.filed_on": "2026-11-06"}, "FILING-15-THRESHOLD")
    assert ok.verdict == "compliant"
    late = only({**REACHED, "filing.filed": "yes", "filing.filed_on": "2026-11-09"}, "FILING-15-THRESHOLD")
    assert late.verdict == "advisory"
    assert "3 calendar days after the deadline of 2026-11-06" in late.explanation.en
    undated = only({**REACHED, "filing.filed": "yes"}, "FILING-15-THRESHOLD")
    assert undated.verdict == "gap"


def test_legacy_cases_use_2025_07_14():
    answers = {"filing.stored_count": 300_000, "filing.reached_on": "2025-03-01", "filing.filed": "no"}
    f = only(answers, "FILING-15-THRESHOLD")
    assert f.verdict == "gap"
    assert "due by 2025-07-14" in f.explanation.en
    answers.update({"filing.filed": "yes", "filing.filed_on": "2025-07-14"})
    assert only(answers, "FILING-15-THRESHOLD").verdict == "compliant"


def test_2027_deadline_is_an_estimate_and_overrides_apply():
    answers = {"filing.stored_count": 100_000, "filing.reached_on": "2027-01-04", "filing.filed": "no"}
    f = only(answers, "FILING-15-THRESHOLD", today=date(2027, 1, 5))
    assert "estimate" in f.explanation.en and "2027" in f.explanation.en
    assert "估算" in f.explanation.zh
    base = f.explanation.en.split("due by ")[1][:10]
    # Declaring a working day inside the window a holiday pushes the deadline one working day later.
    moved = only(answers, "FILING-15-THRESHOLD", today=date(2027, 1, 5),
                 calendar_overrides=[{"date": "2027-01-05", "kind": "holiday", "note": "test"}])
    later = moved.explanation.en.split("due by ")[1][:10]
    assert date.fromisoformat(later) > date.fromisoformat(base)


def test_future_reached_date_is_questioned():
    f = only({"filing.stored_count": 100_000, "filing.reached_on": "2026-12-01"}, "FILING-15-THRESHOLD")
    assert f.verdict == "gap" and "future" in f.explanation.en


def test_change_clock():
    answers = {**REACHED, "filing.filed": "yes", "filing.filed_on": "2026-10-30", "filing.change_on": "2026-09-20"}
    f = only(answers, "FILING-15-CHANGE")
    assert f.verdict == "gap" and "2026-11-06" in f.explanation.en
    answers["filing.change_filed_on"] = "2026-11-02"
    assert only(answers, "FILING-15-CHANGE").verdict == "compliant"


def test_cancellation_and_disposal():
    answers = {**REACHED, "filing.filed": "yes", "filing.filed_on": "2026-10-30", "filing.ended_on": "2026-09-20",
               "filing.disposed": "no"}
    assert verdicts(answers, "FILING-15-CANCEL") == ["gap"]
    assert verdicts(answers, "FILING-15-CANCEL-DISPOSE") == ["gap"]
    answers.update({"filing.cancelled_on": "2026-11-01", "filing.disposed": "yes"})
    assert verdicts(answers, "FILING-15-CANCEL") == ["compliant"]
    assert verdicts(answers, "FILING-15-CANCEL-DISPOSE") == ["compliant"]


def test_cancellation_without_filing_is_not_applicable():
    answers = {"filing.stored_count": 10_000, "filing.ended_on": "2026-10-01", "filing.disposed": "yes"}
    assert verdicts(answers, "FILING-15-CANCEL") == ["not_applicable"]


def test_a_year_entered_in_full_is_no_longer_an_estimate():
    answers = {"filing.stored_count": 100_000, "filing.reached_on": "2027-03-01", "filing.filed": "no"}
    estimated = only(answers, "FILING-15-THRESHOLD", today=date(2027, 3, 2))
    assert "estimate" in estimated.explanation.en
    entered = only(answers, "FILING-15-THRESHOLD", today=date(2027, 3, 2),
                   calendar_overrides=[{"date": "2027-04-05", "kind": "holiday", "note": "清明节"}],
                   calendar_complete_years=[2027])
    assert "estimate" not in entered.explanation.en
    assert "due by 2027-04-13" in entered.explanation.en  # 30 working days, 2027-04-05 off


# The hotel case: the group filed on 2026-10-30 for its existing terminals; this assessment is of new kiosks that go
# live on 2026-12-15.
FILED = {**REACHED, "filing.filed": "yes", "filing.filed_on": "2026-10-30",
         "filing.number": "沪网信人脸备〔2026〕第0417号"}


def test_new_system_after_filing_reminds_of_a_change_filing():
    f = only({**FILED, "conclusion.reason": ["initial"], "scope.started": "no"}, "FILING-15-CHANGE")
    assert (f.verdict, f.rule) == ("advisory", "filing.change")
    assert "filed on 2026-10-30 (沪网信人脸备〔2026〕第0417号)" in f.explanation.en
    assert "new system that is not live yet" in f.explanation.en
    assert "within 30 working days" in f.explanation.en and "备案变更" in f.explanation.zh
    assert set(f.questions) == {"filing.filed", "conclusion.reason", "scope.started"}


def test_assessed_change_after_filing_reminds_of_a_change_filing():
    for reason in ("purpose_changed", "method_changed", "vendor_changed", "business_change"):
        f = only({**FILED, "conclusion.reason": ["periodic", reason], "scope.started": "yes"}, "FILING-15-CHANGE")
        assert f.verdict == "advisory" and "covers a change of purpose, method, vendor or system" in f.explanation.en


def test_no_change_filing_reminder_without_a_filing_or_a_change():
    # A running system assessed for the first time, or periodically, after filing: nothing new to file.
    assert verdicts({**FILED, "conclusion.reason": ["initial"], "scope.started": "yes"}, "FILING-15-CHANGE") == []
    assert verdicts({**FILED, "conclusion.reason": ["periodic"], "scope.started": "no"}, "FILING-15-CHANGE") == []
    # Not filed: the filing itself is the issue, not a change.
    answers = {**REACHED, "filing.filed": "no", "conclusion.reason": ["method_changed"], "scope.started": "no"}
    assert verdicts(answers, "FILING-15-CHANGE") == []
    below = {"filing.stored_count": 5_000, "conclusion.reason": ["method_changed"]}
    assert verdicts(below, "FILING-15-CHANGE") == []
    # Reasons not answered yet.
    assert verdicts({**FILED, "scope.started": "no"}, "FILING-15-CHANGE") == []


def test_planned_change_date_gives_the_expected_deadline_and_a_past_one_starts_the_clock():
    planned = {**FILED, "conclusion.reason": ["initial"], "scope.started": "no", "filing.change_on": "2026-12-15"}
    f = only(planned, "FILING-15-CHANGE")
    assert f.verdict == "advisory" and "(2026-12-15; deadline about 2027-" in f.explanation.en
    happened = {**planned, "filing.change_on": "2026-10-09"}
    g = only(happened, "FILING-15-CHANGE")
    assert g.verdict == "gap" and "overdue" in g.explanation.en  # the clock, not the reminder
