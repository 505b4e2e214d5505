"""The officer's approval: what the file holds, what signing requires, and how the report context shows it."""

from __future__ import annotations

import json

import pytest

from pia_wizard import paths
from pia_wizard.core import approval
from pia_wizard.core.assessment import Assessment, AssessmentError, parse
from pia_wizard.core.engine import evaluate
from pia_wizard.report.context import build_context, report_id

REASONS = "整体剩余风险为中，可以接受；两项整改完成前不得上线新门店。"


def hotel(**approval_fields) -> dict:
    data = json.loads(paths.example("hotel-checkin.json").read_text(encoding="utf-8"))
    if approval_fields is not None:
        data["approval"] = approval.approval_dict(**{
            "opinion": "proceed", "reasons": REASONS, "approver": {"name": "陈启航", "role": "个人信息保护负责人"},
            "date": "2026-11-26", **approval_fields})
    return data


def problems_of(data: dict) -> list[str]:
    return approval.problems(Assessment.from_dict(data))


def test_complete_approval_has_no_problems_and_round_trips():
    a = Assessment.from_dict(hotel())
    assert approval.problems(a) == [] and approval.complete(a)
    again = parse(a.to_json())
    assert again == a and again.approval["attestations"] == dict.fromkeys(approval.ATTESTATION_KEYS, True)


def test_a_file_without_approval_writes_no_approval_key():
    data = json.loads(paths.example("hotel-checkin.json").read_text(encoding="utf-8"))
    a = Assessment.from_dict(data)
    assert "approval" not in a.to_dict() and not approval.recorded(a)
    assert approval.problems(a) == [approval.problems(a)[0]] and "no approval is recorded" in approval.problems(a)[0]


@pytest.mark.parametrize("key", approval.ATTESTATION_KEYS)
def test_each_attestation_is_required(key):
    attest = dict.fromkeys(approval.ATTESTATION_KEYS, True) | {key: False}
    assert problems_of(hotel(attestations=attest)) == [
        next(p for p in problems_of(hotel(attestations=attest)) if key in p)]
    attest.pop(key)
    assert any(key in p for p in problems_of(hotel(attestations=attest)))


@pytest.mark.parametrize(("fields", "expected"), [
    ({"reasons": "同意。"}, "approval.reasons"),
    ({"reasons": "   "}, "approval.reasons"),
    ({"opinion": "proceed_with_conditions"}, "approval.conditions"),
    ({"opinion": "proceed_with_conditions", "conditions": "整改"}, "approval.conditions"),
    ({"approver": {"role": "DPO"}}, "approval.approver.name"),
])
def test_incomplete_fields_are_named(fields, expected):
    found = problems_of(hotel(**fields))
    assert len(found) == 1 and found[0].startswith(expected), found


def test_the_date_is_required():
    data = hotel()
    del data["approval"]["date"]
    assert problems_of(data) == ["approval.date: the date of the approval"]


def test_do_not_proceed_needs_no_ratified_plan_but_the_facts():
    attest = dict.fromkeys(approval.ATTESTATION_KEYS, True) | {"plan_ratified": False, "will_implement": False}
    assert problems_of(hotel(opinion="do_not_proceed", attestations=attest)) == []
    assert [p.split(":")[0] for p in problems_of(hotel(opinion="proceed", attestations=attest))] == [
        "approval.attestations.plan_ratified", "approval.attestations.will_implement"]
    attest["risks_understood"] = False
    assert [p.split(":")[0] for p in problems_of(hotel(opinion="do_not_proceed", attestations=attest))] == [
        "approval.attestations.risks_understood"]
    ctx = context(hotel(opinion="do_not_proceed", attestations=attest))
    assert [(x["confirmed"], x["required"]) for x in ctx["approval"]["attestations"]] == [
        (True, True), (False, True), (False, False), (False, False)]


def test_conditions_are_not_needed_for_other_opinions():
    assert problems_of(hotel(opinion="do_not_proceed")) == []
    assert problems_of(hotel(opinion="proceed_with_conditions", conditions="上线前完成告知页保存期限的修改")) == []


@pytest.mark.parametrize(("answers", "expected"), [
    ({"conclusion.consulted": None}, "answers.conclusion.consulted"),
    ({"conclusion.consulted": "unknown"}, "answers.conclusion.consulted"),
    ({"conclusion.consult_result": None}, "answers.conclusion.consult_result"),
    ({"conclusion.consulted": "no"}, "answers.conclusion.consult_why_not"),
])
def test_the_views_of_the_people_concerned_must_be_recorded(answers, expected):
    data = hotel()
    for k, v in answers.items():
        if v is None:
            data["answers"].pop(k, None)
        else:
            data["answers"][k] = v
    found = problems_of(data)
    assert len(found) == 1 and found[0].startswith(expected), found
    data["answers"]["conclusion.consulted"] = "no"
    data["answers"]["conclusion.consult_why_not"] = ("上线时间所限，已通过投诉和客服记录了解住客意见；"
                                                     "计划在上线后三个月内补做问卷。")
    assert problems_of(data) == []


@pytest.mark.parametrize(("change", "where"), [
    ({"opinion": "maybe"}, "approval.opinion"),
    ({"extra": 1}, "approval"),
    ({"attestations": {"description_accurate": "yes"}}, "approval.attestations.description_accurate"),
    ({"date": "26/11/2026"}, "approval.date"),
])
def test_schema_rejects_malformed_approvals(change, where):
    data = hotel()
    data["approval"].update(change)
    with pytest.raises(AssessmentError) as err:
        Assessment.from_dict(data)
    assert str(err.value).startswith(where), str(err.value)


def context(data: dict, lang: str = "zh", signers: tuple[str, ...] = ()) -> dict:
    a = Assessment.from_dict(data)
    return build_context(a, evaluate(a), lang, signers=signers)


def test_status_wording_follows_the_approval_and_the_signing():
    plain = json.loads(paths.example("hotel-checkin.json").read_text(encoding="utf-8"))
    assert context(plain)["status"].zh == "待审批，未签署"
    assert context(hotel())["status"].zh == "审批意见已记录（同意实施），未签署"
    signed = context(hotel(), "en", ("assessor", "dpo"))
    assert signed["status"].zh == "审批意见：同意实施；电子签名见审批页"
    assert signed["status"].en == "Decision: Proceed; see the electronic signatures on the approval page"
    assert "未签署" not in signed["status"].zh


def test_signature_boxes_follow_the_signers():
    assert [b["role"] for b in context(hotel())["sign_boxes"]] == ["assessor", "dpo"]  # handwritten: both
    assert [b["role"] for b in context(hotel(), signers=("dpo",))["sign_boxes"]] == ["dpo"]
    boxes = context(hotel(), signers=("assessor", "dpo"))["sign_boxes"]
    assert boxes[1]["person"]["name"] == "陈启航" and boxes[0]["person"]["name"]
    with pytest.raises(ValueError, match="unknown signer"):
        context(hotel(), signers=("ceo",))


def test_report_ids_differ_by_language_and_content():
    a = Assessment.from_dict(hotel())
    ids = {lang: report_id(a, lang) for lang in ("zh", "en", "bilingual")}
    assert [i[-3:] for i in ids.values()] == ["-ZH", "-EN", "-BI"]
    assert len({i[:-3] for i in ids.values()}) == 1
    b = Assessment.from_dict(hotel(opinion="do_not_proceed"))
    assert report_id(b, "zh") != ids["zh"]  # the approval is part of the content the ID stands for
