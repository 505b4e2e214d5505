"""Comparing two versions in a real archive (saved, submitted, approved, a new version started with a reason, edited
through the draft journal and saved), two files, and the failures a user can meet; and the review before approval
(services.review): the decision, the action plan, what stands in the way."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest

from pia_wizard.context import AppContext
from pia_wizard.core import diff as core_diff
from pia_wizard.core.engine import evaluate
from pia_wizard.services import assessments, drafts, review
from pia_wizard.services.diff import diff_assessments, diff_versions
from pia_wizard.services.errors import BadInput, ServiceError

TODAY = date(2026, 11, 26)


def hotel():
    return assessments.read_assessment(assessments.example_path("hotel-checkin"))


@pytest.fixture
def archive(tmp_path):
    """Version 1 approved, version 2 started for a changed method and edited: private space yes, a notice channel
    dropped, the second measure removed."""
    ctx = AppContext(data_dir=tmp_path / "data", fixed_today=TODAY)
    a = hotel()
    assessments.save_draft(ctx, a)
    assessments.transition(ctx, a.id, "submit")
    assessments.transition(ctx, a.id, "approve", note="同意")
    assessments.new_version(ctx, a.id, "method_changed", note="新增私密场所终端")
    session = drafts.open_draft(ctx, a.id)
    session.set_answer("scope.private_space", "yes")
    session.set_answer("notice.channels", ["signage"])
    measures = session.assessment.answers["risk.measures"]
    session.set_answer("risk.measures", measures[:1] + measures[2:])
    session.checkpoint()
    session.close()
    return ctx, a


def test_two_versions_of_the_archive(archive):
    ctx, a = archive
    d = diff_versions(ctx, a.id, 1, 2)
    assert (d.old.version.version, d.old.version.state) == (1, "approved")
    assert (d.new.version.version, d.new.version.state, d.new.version.reason) == (2, "draft", "method_changed")
    assert d.new.version.reason_note == "新增私密场所终端"
    assert d.old.title == a.title and d.old.assessment_id == d.new.assessment_id == a.id
    assert not d.same_content and not d.empty
    assert [c.qid for c in d.answers.answers] == ["scope.private_space", "notice.channels", "risk.measures"]
    rows = d.answers.answers[-1].rows
    assert [(r.kind, r.old_index) for r in rows] == [(core_diff.REMOVED, 2)]
    first = d.evaluation.findings[0]
    assert (first.obligation, first.old, first.new) == ("FRM-13-PRIVATE-SPACE-BAN", "compliant", "prohibited")
    assert d.evaluation.unanswered_added == ("places.private_space_remediation",)
    # the newer side first: the same changes the other way round
    back = diff_versions(ctx, a.id, 2, 1)
    assert back.evaluation.findings[0].new == "compliant"


def test_both_sides_are_evaluated_as_of_the_same_day(archive):
    ctx, a = archive
    d = diff_versions(ctx, a.id, 1, 1)
    assert d.empty and d.same_content
    later = diff_versions(ctx.with_(fixed_today=date(2027, 6, 1)), a.id, 1, 1)
    assert later.empty  # the calendar moving on is not a change between versions


def test_a_version_the_archive_does_not_hold(archive):
    ctx, a = archive
    with pytest.raises(ServiceError) as info:
        diff_versions(ctx, a.id, 1, 9)
    assert "9" in info.value.message("en") and info.value.message("zh")
    with pytest.raises(ServiceError):
        diff_versions(ctx, "no-such-assessment", 1, 2)


def test_two_files(tmp_path):
    ctx = AppContext(data_dir=tmp_path / "data", fixed_today=TODAY)
    a = hotel()
    b = copy.deepcopy(a)
    b.answers["scope.private_space"] = "yes"
    old, new = tmp_path / "v1.json", tmp_path / "v2.json"
    old.write_text(a.to_json(), encoding="utf-8")
    new.write_text(b.to_json(), encoding="utf-8")
    d = diff_assessments(ctx, old, new)
    assert (d.old.path, d.new.path) == (old, new)
    assert d.old.version is None and [c.qid for c in d.answers.answers] == ["scope.private_space"]
    assert diff_assessments(ctx, a, b).answers == d.answers  # assessments in memory too
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(BadInput) as info:
        diff_assessments(ctx, old, broken)
    assert "\n" not in info.value.message("en")


# --- the review before approval ----------------------------------------------------------------------------------
def test_the_hotel_is_ready_for_approval():
    a = hotel()
    ev = evaluate(a, today=TODAY)
    rv = review.review(a, ev, today=TODAY)
    assert rv.ready and rv.blockers == ()
    assert (rv.decision.value, rv.decision.label.en) == ("proceed_with_conditions",
                                                         "Go ahead only once the listed conditions are met")
    assert rv.decision.conditions == a.answers["conclusion.conditions"]
    assert rv.decision.reason == a.answers["conclusion.decision_reason"]
    measures = a.answers["risk.measures"]
    assert [p.measure for p in rv.plan] == [m["measure"] for m in measures]
    first = rv.plan[0]
    assert (first.n, first.owner, first.due, first.status, first.status_label.zh) == (
        1, measures[0]["owner"], measures[0]["due"], measures[0]["status"], "计划中")
    assert first.risks.en == "Illegal use" and not first.overdue
    assert all(f.rule.startswith("consistency.") for f in rv.consistency)


def test_planned_measures_past_their_due_date_are_overdue():
    a = hotel()
    rv = review.review(a, evaluate(a, today=TODAY), today=date(2027, 12, 31))
    planned = [p for p in rv.plan if p.status == "planned"]
    assert planned and all(p.overdue for p in planned)
    assert not any(p.overdue for p in rv.plan if p.status == "in_place")


def test_what_stands_in_the_way_of_approval():
    a = hotel()
    a.answers.pop("scope.in_prc")
    a.answers.pop("conclusion.consult_result")
    a.risks.pop("leak")
    ev = evaluate(a, today=TODAY)
    rv = review.review(a, ev, today=TODAY)
    assert not rv.ready
    kinds = [(b.kind, b.question, b.risk, b.stage) for b in rv.blockers]
    assert ("unanswered", "scope.in_prc", None, None) in kinds
    assert ("risk", None, "leak", "inherent") in kinds and ("risk", None, "leak", "current") in kinds
    # the approval's own check asks for the views of the people concerned; said once
    assert [k for k in kinds if k[1] == "conclusion.consult_result"] in (
        [("unanswered", "conclusion.consult_result", None, None)], [("answer", "conclusion.consult_result", None,
                                                                       None)])
    leak = next(b for b in rv.blockers if b.risk == "leak")
    assert "Leak" in leak.text.en and "泄露" in leak.text.zh
    # the officer's own fields (attestations, opinion...) are what the approval dialog asks for: not blockers
    assert not any((b.question or "").startswith("approval") for b in rv.blockers)


def test_a_blank_assessment_has_no_decision_and_no_plan():
    from pia_wizard.core.bank import default_bank

    a = assessments.parse_assessment(json.dumps({"format_version": 2, "bank_version": default_bank().version,
                                                 "processor": {"name": "甲"}, "system": {"name": "乙"},
                                                 "answers": {}}))
    rv = review.review(a, evaluate(a, today=TODAY))
    assert rv.decision.value is None and rv.decision.label is None and rv.plan == ()
    assert not rv.ready and rv.blockers[0].kind == "unanswered"
