"""The home window's reminders (issue 12 item 8) as of a fixed day: periodic reviews and Art. 9 changes, filing
clocks near or overdue (from the tracker), reports whose retention ends soon; the most urgent first."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from pia_wizard.context import AppContext
from pia_wizard.services import archive, assessments
from pia_wizard.services.reminders import SEVERITIES, Reminder, reminders
from pia_wizard.store import reports as store_reports
from pia_wizard.store.db import open_store

TODAY = date(2026, 11, 26)


@pytest.fixture
def ctx(tmp_path) -> AppContext:
    return AppContext(tmp_path / "data", actor="tester", fixed_today=TODAY)


def saved(ctx: AppContext, *, processor: str = "锦程酒店", system: str = "前台自助入住", **answers: object):
    a = assessments.read_assessment(assessments.example_path("hotel-checkin"))
    a.id = str(uuid.uuid4())
    a.processor = {**a.processor, "name": processor}
    a.system = {**a.system, "name": system}
    for qid, value in answers.items():
        a.answers[qid.replace("__", ".")] = value
    return a, assessments.save_draft(ctx, a)


def only(items: list[Reminder], kind: str) -> list[Reminder]:
    return [r for r in items if r.kind == kind]


def test_an_empty_archive_has_no_reminders(ctx):
    assert reminders(ctx) == []


def test_periodic_review_overdue_soon_and_far(ctx):
    late, _ = saved(ctx, system="<b>过期</b>", conclusion__next_review="2026-11-01")
    soon, _ = saved(ctx, system="Soon", conclusion__next_review="2026-12-10")
    saved(ctx, system="Far", conclusion__next_review="2027-11-20")
    found = only(reminders(ctx), "reassessment_due")
    assert [(r.target, r.severity, r.on) for r in found] == [
        (late.id, "overdue", date(2026, 11, 1)), (soon.id, "due_soon", date(2026, 12, 10))]
    assert found[0].target_kind == "assessment"
    assert found[0].text.en == "The periodic re-assessment of “<b>过期</b>” is overdue: it was planned for 1 Nov 2026."
    assert found[0].text.zh == "“<b>过期</b>”的定期复评已逾期：计划于2026年11月1日复评。"
    assert found[1].text.en.endswith("is due on 10 Dec 2026.")
    # A longer horizon brings the far one in.
    assert len(only(reminders(ctx, review_within=400), "reassessment_due")) == 3


def test_filing_clocks_overdue_and_due(ctx):
    archive.log_stored_count(ctx, 120_000, "2026-09-01", processor="Late Ltd")
    archive.log_stored_count(ctx, 150_000, "2026-11-20", processor="Fresh Ltd")
    archive.log_stored_count(ctx, 90_000, "2026-11-20", processor="Small Ltd")
    archive.log_stored_count(ctx, 130_000, "2026-09-01", processor="Filed Ltd")
    archive.record_filing(ctx, "2026-09-20", "沪备-1", processor="Filed Ltd")
    found = reminders(ctx)
    assert [(r.kind, r.target, r.severity) for r in found] == [
        ("filing_overdue", "Late Ltd", "overdue"), ("filing_due", "Fresh Ltd", "info")]
    late, fresh = found
    status = archive.filing_status(ctx, "Late Ltd").data["filing"]["clock"]
    assert late.on == date.fromisoformat(status["deadline"]) and late.target_kind == "processor"
    assert late.text.en == (f"Late Ltd: the filing is overdue by {status['days_overdue']} calendar days; the deadline "
                            f"was {late.on.day} Oct 2026.")
    assert "已逾期" in late.text.zh and "个自然日" in late.text.zh
    clock = archive.filing_status(ctx, "Fresh Ltd").data["filing"]["clock"]
    assert f"{clock['workdays_left']} working days left" in fresh.text.en
    assert ("(estimate)" in fresh.text.en) == clock["estimated"]
    # Later, the same clock is due soon, then overdue: the tracker's own states.
    due_soon = [r for r in reminders(ctx, date(2027, 1, 4)) if r.target == "Fresh Ltd"]
    assert due_soon and due_soon[0].severity in ("due_soon", "overdue")


def test_a_change_after_approval_asks_for_a_reassessment_under_art_9(ctx):
    a, _ = saved(ctx, processor="Hotel Co", system="Kiosk")
    assessments.transition(ctx, a.id, "submit")
    assessments.transition(ctx, a.id, "approve")
    archive.log_stored_count(ctx, 120_000, "2026-09-01", processor="Hotel Co")
    archive.record_filing(ctx, "2026-09-10", "沪备-2", processor="Hotel Co")
    decided = date.fromisoformat(assessments.versions(ctx, a.id)[-1].decided_at[:10])
    assert not only(reminders(ctx), "reassessment_due")
    event = archive.add_filing_event(ctx, "change", decided.isoformat(), "new camera vendor", processor="Hotel Co")
    found = reminders(ctx, max(decided, TODAY))
    art9 = only(found, "reassessment_due")
    assert len(art9) == 1 and art9[0].target == a.id and art9[0].severity == "due_soon"
    assert "Measures Art. 9" in art9[0].text.en and "第九条" in art9[0].text.zh
    change = only(found, "filing_due") + only(found, "filing_overdue")
    assert len(change) == 1 and "change filing" in change[0].text.en
    # Once done, the change filing leaves the list; a withdrawn change is no trigger either.
    archive.filing_event_done(ctx, event, decided.isoformat())
    assert not only(reminders(ctx, max(decided, TODAY)), "filing_due")
    archive.withdraw_filing_event(ctx, event, "entered by mistake")
    assert not only(reminders(ctx, max(decided, TODAY)), "reassessment_due")


def test_an_old_change_before_approval_is_no_trigger(ctx):
    a, _ = saved(ctx, processor="Hotel Co", system="Kiosk")
    archive.log_stored_count(ctx, 120_000, "2026-09-01", processor="Hotel Co")
    archive.record_filing(ctx, "2026-09-10", "沪备-2", processor="Hotel Co")
    archive.add_filing_event(ctx, "change", "2026-09-15", "", processor="Hotel Co")
    assessments.transition(ctx, a.id, "submit")
    assessments.transition(ctx, a.id, "approve")
    decided = date.fromisoformat(assessments.versions(ctx, a.id)[-1].decided_at[:10])
    assert decided > date(2026, 9, 15)
    assert not only(reminders(ctx), "reassessment_due")


def test_reports_whose_retention_ends_soon(ctx):
    _, version = saved(ctx)
    with open_store(ctx.data_dir, "tester") as store:
        row = store_reports.archive(store, version_id=version.id, pdf=b"%PDF-1.7 test", report_id="PIA-<i>1</i>")
    until = date.fromisoformat(row["retain_until"])
    assert not only(reminders(ctx), "retention_ending")
    near = reminders(ctx, date(until.year, until.month, 1))
    found = only(near, "retention_ending")
    assert [(r.target_kind, r.target, r.on, r.severity) for r in found] == [("report", row["id"], until, "info")]
    assert "PIA-<i>1</i>" in found[0].text.en and "purge" in found[0].text.en
    past = only(reminders(ctx, date(until.year + 1, 1, 1)), "retention_ending")
    assert "was kept until" in past[0].text.en and "届满" in past[0].text.zh


def test_the_most_urgent_come_first(ctx):
    saved(ctx, system="Soon", conclusion__next_review="2026-12-10")
    saved(ctx, system="Late", conclusion__next_review="2026-10-10")
    archive.log_stored_count(ctx, 150_000, "2026-11-20", processor="Fresh Ltd")
    archive.log_stored_count(ctx, 120_000, "2026-09-01", processor="Late Ltd")
    found = reminders(ctx)
    keys = [(SEVERITIES.index(r.severity), r.on) for r in found]
    assert keys == sorted(keys) and found[0].severity == "overdue"
    assert {r.severity for r in found} == {"overdue", "due_soon", "info"}
    assert all(r.text.zh and r.text.en for r in found)
