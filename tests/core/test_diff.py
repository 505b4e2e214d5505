"""The diff of two assessments and of their evaluations (issue 12 item 7): answers in the bank's order, rendered as a
reader sees them, tables row by row, the file's other fields, findings and issues that appeared, went away or changed
verdict, and risk levels that moved."""

from __future__ import annotations

import copy
import json
import random
import time
from pathlib import Path

import pytest

from pia_wizard.core import diff
from pia_wizard.core.assessment import Assessment
from pia_wizard.core.bank import default_bank
from pia_wizard.core.engine import evaluate
from tests.core.helpers import TODAY

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
HOSTILE = "<b>x</b><script>alert(1)</script>&amp; مرحبا \u202eRTL\u202c 👩\u200d👩\u200d👧"


def hotel() -> Assessment:
    return Assessment.from_dict(json.loads((EXAMPLES / "hotel-checkin.json").read_text(encoding="utf-8")))


def edited(a: Assessment) -> Assessment:
    """Three answers edited (a yes/no, a multiple choice, a text), a row removed from the middle of the action plan
    and another row's owner changed; the private-space answer brings a prohibited finding."""
    b = copy.deepcopy(a)
    b.answers["scope.private_space"] = "yes"
    b.answers["notice.channels"] = ["signage"]
    b.answers["purpose.necessity"] = b.answers["purpose.necessity"].replace("17起", "23起")
    del b.answers["risk.measures"][1]
    b.answers["risk.measures"][0]["owner"] = "张三"
    return b


@pytest.fixture(scope="module")
def pair():
    a = hotel()
    b = edited(a)
    return a, b, evaluate(a, today=TODAY), evaluate(b, today=TODAY)


def by_qid(d: diff.AssessmentDiff) -> dict[str, diff.AnswerChange]:
    return {c.qid: c for c in d.answers}


# --- answers ---------------------------------------------------------------------------------------------------------
def test_the_same_assessment_has_no_differences(pair):
    a, _, ev, _ = pair
    assert diff.diff_assessments(a, copy.deepcopy(a)).empty
    assert diff.diff_evaluations(ev, evaluate(copy.deepcopy(a), today=TODAY)).empty


def test_three_edited_answers_and_the_plan_in_the_banks_order(pair):
    a, b, _, _ = pair
    d = diff.diff_assessments(a, b)
    assert [c.qid for c in d.answers] == ["scope.private_space", "purpose.necessity", "notice.channels",
                                          "risk.measures"]
    assert all(c.kind == diff.CHANGED for c in d.answers)
    assert d.meta == ()
    sections = [sid for sid, _, _ in d.by_section()]
    assert sections == ["scope", "purpose", "notice", "risk"]
    titles = {sid: title for sid, title, _ in d.by_section()}
    bank = default_bank()
    assert titles["notice"] == next(s.title for s in bank.sections if s.id == "notice")


def test_options_are_shown_by_their_labels_in_both_languages(pair):
    a, b, _, _ = pair
    c = by_qid(diff.diff_assessments(a, b))["scope.private_space"]
    assert (c.old.zh, c.old.en, c.new.zh, c.new.en) == ("否", "No", "是", "Yes")
    assert c.question == default_bank().question("scope.private_space").text
    assert c.section_title.en and c.section_title.zh


def test_a_multiple_choice_says_which_options_went_and_which_stayed(pair):
    a, b, _, _ = pair
    c = by_qid(diff.diff_assessments(a, b))["notice.channels"]
    q = default_bank().question("notice.channels")
    label = {o.value: o.label for o in q.options}
    assert [(op, t.en) for op, t in c.choices] == [
        (diff.SAME, label["signage"].en), (diff.DELETED, label["device_screen"].en),
        (diff.DELETED, label["staff_verbal"].en)]
    assert c.new.en == label["signage"].en
    assert c.old.zh == "；".join(label[v].zh for v in a.answers["notice.channels"])


def test_a_text_answer_gives_the_words_removed_and_added(pair):
    a, b, _, _ = pair
    c = by_qid(diff.diff_assessments(a, b))["purpose.necessity"]
    changed = [(op, text) for op, text in c.segments if op != diff.SAME]
    assert changed == [(diff.DELETED, "17"), (diff.INSERTED, "23")]
    old = "".join(t for op, t in c.segments if op != diff.INSERTED)
    new = "".join(t for op, t in c.segments if op != diff.DELETED)
    assert (old, new) == (a.answers["purpose.necessity"], b.answers["purpose.necessity"])


def test_a_row_removed_from_the_middle_is_one_removal_and_a_field_change_names_the_field(pair):
    a, b, _, _ = pair
    c = by_qid(diff.diff_assessments(a, b))["risk.measures"]
    assert (c.old.en, c.new.en) == ("13 rows", "12 rows")
    assert [(r.kind, r.old_index, r.new_index) for r in c.rows] == [(diff.CHANGED, 1, 1), (diff.REMOVED, 2, None)]
    owner = c.rows[0].cells
    assert [(x.column, x.old.zh, x.new.zh, x.label.en) for x in owner] == [
        ("owner", a.answers["risk.measures"][0]["owner"], "张三", "Owner")]
    removed = {x.column: x for x in c.rows[1].cells}
    assert removed["measure"].old.zh == a.answers["risk.measures"][1]["measure"] and removed["measure"].new is None
    assert removed["status"].old.en == "Planned"  # a column's option by its label
    assert removed["due"].old.en == a.answers["risk.measures"][1]["due"]


def test_rows_added_at_the_start_and_rows_rewritten_in_place():
    q = default_bank().question("risk.measures")
    rows = [{"measure": f"措施{i}", "risks": ["leak"], "status": "planned", "owner": "甲", "due": "2027-01-01"}
            for i in range(4)]
    new = [{"measure": "新措施", "risks": ["loss"], "status": "in_place"}, *rows]
    assert [(r.kind, r.old_index, r.new_index) for r in diff.diff_rows(q, rows, new)] == [(diff.ADDED, None, 1)]
    rewritten = copy.deepcopy(rows)
    rewritten[2] = {"measure": "完全不同", "risks": ["illegal_sale"], "status": "in_place"}
    changes = diff.diff_rows(q, rows, rewritten)
    assert [(r.kind, r.old_index, r.new_index) for r in changes] == [(diff.CHANGED, 3, 3)]
    assert {x.column for x in changes[0].cells} == {"measure", "risks", "status", "owner", "due"}
    risks = next(x for x in changes[0].cells if x.column == "risks")
    assert [(op, t.en) for op, t in risks.choices] == [(diff.DELETED, "Leak"), (diff.INSERTED, "Illegal sale")]
    # an empty cell is no answer: None and "" are the same
    blanked = copy.deepcopy(rows)
    blanked[0]["owner"] = ""
    rows_none = copy.deepcopy(rows)
    rows_none[0]["owner"] = None
    assert diff.diff_rows(q, blanked, rows_none) == ()


def test_answers_added_and_removed_and_a_question_the_bank_does_not_know():
    bank = default_bank()
    changes = diff.diff_answers({"scope.in_prc": "yes", "gone.question": "x"},
                                {"scope.rnd_only": "no", "new.question": [1, 2]}, bank)
    assert [(c.qid, c.kind) for c in changes] == [("scope.in_prc", diff.REMOVED), ("scope.rnd_only", diff.ADDED),
                                                   ("gone.question", diff.REMOVED), ("new.question", diff.ADDED)]
    assert changes[0].new is None and changes[0].old.en == "Yes"
    assert changes[3].new.en == "[1, 2]" and changes[3].section == ""
    # an empty answer and no answer are the same
    assert diff.diff_answers({"scope.description": ""}, {}, bank) == ()


def test_numbers_are_shown_with_their_unit():
    q = default_bank().question("filing.stored_count")
    shown = diff.render_answer(q, 128460)
    assert "128,460" in shown.en and "128,460" in shown.zh


def test_the_order_does_not_depend_on_the_order_of_the_file(pair):
    a, b, _, _ = pair
    keys = list(b.answers)
    random.Random(7).shuffle(keys)
    shuffled = copy.deepcopy(b)
    shuffled.answers = {k: b.answers[k] for k in keys}
    assert diff.diff_assessments(a, shuffled) == diff.diff_assessments(a, b)


def test_hostile_text_is_kept_verbatim(pair):
    a, _, _, _ = pair
    b = copy.deepcopy(a)
    b.answers["purpose.necessity"] = HOSTILE
    b.processor["name"] = HOSTILE
    d = diff.diff_assessments(a, b)
    c = by_qid(d)["purpose.necessity"]
    assert "".join(t for op, t in c.segments if op != diff.DELETED) == HOSTILE
    assert next(m for m in d.meta if m.path == "processor.name").new.en == HOSTILE


def test_a_100k_character_text_is_diffed_quickly():
    old = "人" * 50_000 + "x" * 50_000
    new = "人" * 50_000 + "改" + "x" * 49_999
    start = time.perf_counter()
    segments = diff.text_segments(old, new)
    assert time.perf_counter() - start < 2
    assert [op for op, _ in segments] == [diff.SAME, diff.DELETED, diff.INSERTED]
    assert "".join(t for op, t in segments if op != diff.INSERTED) == old
    assert "".join(t for op, t in segments if op != diff.DELETED) == new
    # two unrelated long texts: the middle is one replacement, not a quadratic search
    start = time.perf_counter()
    segments = diff.text_segments("a " * 40_000, "b " * 40_000)
    assert time.perf_counter() - start < 2
    assert "".join(t for op, t in segments if op != diff.DELETED) == "b " * 40_000


@pytest.mark.parametrize(("old", "new"), [("", "abc"), ("abc", ""), ("同一句话。", "同一句话。"),
                                          ("the quick brown fox", "the slow brown dog"), ("甲乙丙丁", "甲丙丁戊")])
def test_text_segments_rebuild_both_texts(old, new):
    segments = diff.text_segments(old, new)
    assert "".join(t for op, t in segments if op != diff.INSERTED) == old
    assert "".join(t for op, t in segments if op != diff.DELETED) == new
    assert all(t for _, t in segments)


# --- the rest of the file --------------------------------------------------------------------------------------------
def test_the_files_other_fields_with_labels_and_readable_values(pair):
    a, _, _, _ = pair
    b = copy.deepcopy(a)
    b.approval = {"opinion": "do_not_proceed", "attestations": {"description_accurate": True}}
    b.risks["leak"]["inherent"]["impact"]["reputation"]["level"] = "severe"
    b.sites = [*copy.deepcopy(a.sites), {"name": "新门店"}]
    d = diff.diff_assessments(a, b)
    paths = [m.path for m in d.meta]
    assert paths == sorted(paths, key=lambda p: ["sites", "risks", "approval"].index(p.split(".")[0].split("[")[0]))
    meta = {m.path: m for m in d.meta}
    assert meta["approval.opinion"].new.en == "Do not proceed" and meta["approval.opinion"].kind == diff.ADDED
    assert meta["approval.attestations.description_accurate"].new.zh == "是"
    level = meta["risks.leak.inherent.impact.reputation.level"]
    assert (level.old.en, level.new.en) == ("High", "Severe")
    assert level.label.en.startswith("Risk ratings · Leak · Inherent risk") and "等级" in level.label.zh
    site = meta[f"sites[{len(b.sites)}].name"]
    assert site.new.zh == "新门店" and site.label.en == f"Sites · #{len(b.sites)} · name"


# --- the evaluation --------------------------------------------------------------------------------------------------
def test_a_new_prohibited_finding_appears_first(pair):
    _, _, ev_a, ev_b = pair
    d = diff.diff_evaluations(ev_a, ev_b)
    first = d.findings[0]
    assert (first.obligation, first.kind, first.old, first.new) == ("FRM-13-PRIVATE-SPACE-BAN", diff.CHANGED,
                                                                    "compliant", "prohibited")
    assert first.worse and first.citation.en.startswith("FRT Measures Art. 13")
    assert "scope.private_space" in first.questions
    issue = d.issues[0]
    assert (issue.kind, issue.new, issue.cause) == (diff.APPEARED, "prohibited", "scope.private_space")
    assert "FRM-13-PRIVATE-SPACE-BAN" in issue.obligations
    assert d.unanswered_added == ("places.private_space_remediation",) and d.unanswered_removed == ()
    # the reverse comparison: the same changes the other way round
    back = diff.diff_evaluations(ev_b, ev_a)
    assert (back.findings[0].old, back.findings[0].new, back.findings[0].worse) == ("prohibited", "compliant", False)
    assert back.issues[0].kind == diff.GONE


def test_findings_are_ordered_most_serious_first(pair):
    _, _, ev_a, ev_b = pair
    d = diff.diff_evaluations(ev_a, ev_b)
    from pia_wizard.core.findings import VERDICT_ORDER

    worst = [min(VERDICT_ORDER[v] for v in (c.old, c.new) if v) for c in d.findings]
    assert worst == sorted(worst)
    assert diff.diff_evaluations(ev_a, ev_b) == d  # deterministic


def test_risk_levels_that_moved_per_stage_and_overall(pair):
    a, _, ev_a, _ = pair
    b = copy.deepcopy(a)
    for dim in ("autonomy", "discrimination", "reputation", "property"):
        b.risks["leak"]["inherent"]["impact"][dim]["level"] = "severe"
    b.risks["tamper"].pop("current")
    d = diff.diff_evaluations(ev_a, evaluate(b, today=TODAY))
    moves = {(m.risk, m.stage): m for m in d.risks}
    leak = moves[("leak", "inherent")]
    assert (leak.old, leak.new, leak.direction) == ("high", "severe", "up")
    assert leak.name.en == "Leak"
    gone = moves[("tamper", "current")]
    assert (gone.new, gone.direction) == (None, "unrated")
    assert moves[(diff.OVERALL, "inherent")].new == "severe"
    assert moves[(diff.OVERALL, "current")].new is None  # incomplete once one current rating is missing
    assert [m.risk for m in d.risks][-1] == diff.OVERALL
