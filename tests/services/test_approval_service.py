"""services.approval: what the approval dialog offers for an assessment, and the core's check of an approval being
filled in (issue 12 item 2). No Qt."""

from __future__ import annotations

import pytest

from pia_wizard.core.approval import ATTESTATION_KEYS, approval_dict
from pia_wizard.core.bank import TEXT_LIMIT
from pia_wizard.services import approval
from pia_wizard.services.assessments import example_path, read_assessment
from pia_wizard.services.demo import demo_approval
from pia_wizard.services.errors import BadInput

REASONS = "整体剩余风险为中，可以接受；两项整改完成前不得上线。"
STOPPED = "2026-11-25 撤回“尽快录入人脸”通知，取消补办门禁卡押金和书面审批，物业已在各出入口公告并经法务核实。"


@pytest.fixture(scope="module")
def hotel():
    return read_assessment(example_path("hotel-checkin"))


@pytest.fixture(scope="module")
def gate():
    return read_assessment(example_path("residential-gate"))


def complete(opinion: str = "proceed_with_conditions", **extra) -> dict:
    extra.setdefault("approver", {"name": "陈启航"})
    return approval_dict(opinion=opinion, reasons=REASONS, conditions="上线前完成告知页修改并部署入侵检测。",
                         date="2026-11-26", **extra)


def test_the_form_of_a_system_not_yet_live(hotel):
    form = approval.approval_form(hotel)
    assert not form.live
    assert [c.id for c in form.opinions] == ["proceed", "proceed_with_conditions", "do_not_proceed"]
    assert [c.id for c in form.attestations] == list(ATTESTATION_KEYS)
    assert form.prohibited == ()
    assert form.views.sought == "yes" and form.views.sought_label.en == "Yes"
    assert form.views.groups[0].zh.startswith("被采集人脸的人") and "survey" not in [m.en for m in form.views.methods]
    assert form.views.result.startswith("①向三家门店会员发放线上问卷")
    assert form.conclusion.decision == "proceed_with_conditions"
    assert form.conclusion.decision_label.en == "Proceed with conditions"
    assert form.approver == {"name": "陈启航", "role": "个人信息保护负责人、法务合规总监",
                             "organisation": "锦程酒店管理（上海）有限公司"}
    assert form.approval == {}


def test_a_live_system_offers_the_live_decisions_and_names_its_prohibited_practice(gate):
    form = approval.approval_form(gate)
    assert form.live
    assert "continue_after_remediation" in [c.id for c in form.opinions]
    (practice,) = form.prohibited
    assert practice.obligation == "FRM-12-NO-COERCION"
    assert practice.citation.zh == "《人脸识别技术应用安全管理办法》第十二条"
    assert form.views.sought == "no" and form.views.why_not


def test_a_live_only_decision_already_recorded_is_still_offered(hotel):
    a = demo_approval(hotel)
    data = a.to_dict()
    data["approval"]["opinion"] = "suspend_and_reassess"
    from pia_wizard.core.assessment import Assessment

    form = approval.approval_form(Assessment.from_dict(data))
    assert "suspend_and_reassess" in [c.id for c in form.opinions]
    problems = approval.check_approval(hotel, data["approval"])
    assert [p.field for p in problems] == ["approval.opinion"]


def test_check_approval_is_the_cores_check(hotel):
    assert approval.check_approval(hotel, complete()) == []
    fields = [p.field for p in approval.check_approval(hotel, {"attestations": {}})]
    assert fields[:4] == [f"approval.attestations.{k}" for k in ATTESTATION_KEYS]
    assert {"approval.opinion", "approval.reasons", "approval.approver.name", "approval.date"} <= set(fields)
    # the assessment itself is left as it was
    assert hotel.approval == {}


def test_do_not_proceed_needs_no_plan_attestations(hotel):
    ap = complete("do_not_proceed", attestations={"description_accurate": True, "risks_understood": True})
    assert approval.check_approval(hotel, ap) == []
    assert approval.required_attestations("do_not_proceed") == ("description_accurate", "risks_understood")


def test_going_ahead_over_a_prohibited_practice_needs_the_stopped_statement(gate):
    ev = approval.evaluation_for(gate)
    refused = approval.check_approval(gate, complete("proceed"), ev)
    assert [p.field for p in refused if p.field.startswith("approval.stopped")] == ["approval.stopped"]
    assert approval.check_approval(gate, complete("proceed", stopped={"FRM-12-NO-COERCION": STOPPED}), ev) == []
    assert approval.check_approval(gate, complete("do_not_proceed"), ev) == []
    short = approval.check_approval(gate, complete("proceed", stopped={"FRM-12-NO-COERCION": "已停"}), ev)
    assert "approval.stopped" in [p.field for p in short]


def test_a_text_too_long_for_the_file_is_a_problem_beside_its_field(hotel):
    ap = complete(approver={"name": "名" * 2001})
    ap["reasons"] = "理" * (TEXT_LIMIT + 1)
    fields = [p.field for p in approval.check_approval(hotel, ap)]
    assert "approval.reasons" in fields and "approval.approver.name" in fields


def test_with_approval_validates_the_file(hotel):
    ap = complete()
    a = approval.with_approval(hotel, ap)
    assert a.approval == ap and a.id == hotel.id and hotel.approval == {}
    with pytest.raises(BadInput):
        approval.with_approval(hotel, {**ap, "opinion": "maybe"})
