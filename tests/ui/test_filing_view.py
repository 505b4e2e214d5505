"""The Art. 15 filing clock (issue 11 item 6): the hotel (filed in time), a variant past the threshold and not
filed (overdue), one still open with an estimated deadline, and the "not applicable" line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from pia_wizard.context import AppContext
from pia_wizard.services.assessments import evaluate_assessment, filing_clocks, parse_assessment
from pia_wizard.ui.filing_view import FilingClock, format_date

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TODAY = date(2026, 12, 3)


def load(name: str, **answers: object) -> dict:
    data = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    for key, value in answers.items():
        qid = "filing." + key
        if value is None:
            data["answers"].pop(qid, None)
        else:
            data["answers"][qid] = value
    return data


@pytest.fixture
def ctx(tmp_path) -> AppContext:
    return AppContext(tmp_path / "data", fixed_today=TODAY)


def show(qtbot, ctx: AppContext, data: dict, lang: str = "en"):
    a = parse_assessment(json.dumps(data, ensure_ascii=False))
    ev = evaluate_assessment(ctx, a)
    w = FilingClock(today=ctx.today)
    qtbot.addWidget(w)
    w.set_evaluation(a, ev, lang)
    w.show()
    return w, a, ev


def finding(ev, obligation: str):
    return next(f for f in ev.findings if f.obligation == obligation)


def test_hotel_filed_in_time(qtbot, ctx):
    w, _a, ev = show(qtbot, ctx, load("hotel-checkin"))
    assert w.applies()
    assert w.state.text() == "✓ Filed on time (on 30 Oct 2026, deadline 6 Nov 2026)."
    assert w.fields["count"][1].text() == "128,460"
    assert w.fields["reached"][1].text() in ("20 Sept 2026", "20 Sep 2026")  # CLDR versions differ
    assert w.fields["deadline"][1].text() == "6 Nov 2026"
    assert w.fields["filed"][1].text().startswith("30 Oct 2026 (沪网信人脸备")
    assert w.action.isHidden() and w.note.isHidden()
    # The clock is the one the rule judged: compliant.
    assert finding(ev, "FILING-15-THRESHOLD").verdict == "compliant"
    w.set_language("zh")
    assert w.state.text().startswith("✓") and "2026年11月6日" in w.state.text()
    assert w.fields["count"][1].text() == "128,460"


def test_threshold_crossed_and_not_filed_is_overdue(qtbot, ctx):
    data = load("hotel-checkin", filed="no", filed_on=None, number=None)
    w, a, ev = show(qtbot, ctx, data)
    assert w.state.text() == "✗ Overdue by 27 calendar days: the deadline was 6 Nov 2026."
    assert w.fields["filed"][1].text() == "not filed yet"
    assert w.action.text().startswith("Next step: Make the filing now")
    f = finding(ev, "FILING-15-THRESHOLD")
    assert f.verdict == "gap" and "27 calendar days overdue" in f.explanation.en  # the rule says the same
    clocks = filing_clocks(a, TODAY)
    assert clocks.filing.status.state == "overdue" and clocks.filing.status.days_overdue == 27


def test_open_clock_counts_working_days_and_marks_an_estimate(qtbot, ctx):
    data = load("hotel-checkin", filed="no", filed_on=None, number=None, reached_on="2026-11-25")
    w, a, ev = show(qtbot, ctx, data)
    clock = filing_clocks(a, TODAY).filing
    assert clock.clock.estimated  # 30 working days run into 2027, past the official calendar
    n = clock.status.workdays_left
    assert w.state.text() == f"◷ Due in {n} working days, by {format_date(clock.clock.deadline, 'en')}."
    assert w.fields["deadline"][1].text().endswith("(estimate)")
    assert w.note.isVisible() and w.note.text().startswith("This date is an estimate")
    assert finding(ev, "FILING-15-THRESHOLD").verdict == "advisory"


def test_due_soon_says_so_in_words(qtbot, ctx):
    data = load("hotel-checkin", filed="no", filed_on=None, number=None, reached_on="2026-10-28")
    w, _a, _ev = show(qtbot, ctx, data)
    assert w.state.text().startswith("⚠ Due soon: ") and "working day" in w.state.text()


def test_below_the_threshold_is_one_line(qtbot, ctx):
    w, _a, _ev = show(qtbot, ctx, load("school-canteen"))
    assert not w.applies()
    assert w.state.text() == "Not applicable: 1,953 people stored, below the 100,000 filing threshold."
    assert all(value.isHidden() for _name, value in w.fields.values())


def test_measures_not_applying_is_one_line(qtbot, ctx):
    a = parse_assessment(json.dumps(load("hotel-checkin"), ensure_ascii=False))
    ev = SimpleNamespace(measures_apply=False, measures_reason=None, findings=[])
    w = FilingClock(today=ctx.today)
    qtbot.addWidget(w)
    w.set_evaluation(a, ev, "en")
    assert not w.applies()
    assert w.state.text() == "Not applicable: the Measures do not apply (Art. 2)."


def test_a_change_after_filing_has_its_own_clock(qtbot, ctx):
    data = load("hotel-checkin", change_on="2026-11-20")
    w, _a, _ev = show(qtbot, ctx, data)
    assert w.events.isVisible()
    assert w.events.text().startswith("◷ Change filing (20 Nov 2026)") and "working days" in w.events.text()
