"""Consistency checks (issue 10, item 4): a conclusion that contradicts a prohibited finding, the options for live
systems, and cross-answer checks that used to pass silently. Tested on the realistic example files."""

import json
from pathlib import Path

from pia_wizard.core.approval import approval_dict, approval_problems
from pia_wizard.core.assessment import parse
from pia_wizard.core.bank import default_bank
from tests.core.helpers import evaluated, example

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def assessment(data: dict):
    return parse(json.dumps(data, ensure_ascii=False).encode("utf-8"))


def by_rule(ev, rule: str) -> list:
    return [f for f in ev.findings if f.rule == rule]


def rows(name: str, qid: str) -> list[dict]:
    return json.loads(json.dumps(example(name)["answers"][qid]))


# --- (a) a prohibited finding and a conclusion to go ahead ------------------------------------------------------

CONTRA = "consistency.prohibited-vs-conclusion"


def test_the_residential_gate_concludes_to_go_ahead_over_a_prohibited_practice():
    """The gate charges a deposit for a card instead of a face (Measures Art. 12, prohibited), and the conclusion is
    a conditional go-ahead: `check` reports the contradiction on PIPL Art. 56(1)."""
    ev = evaluated(example("residential-gate"))
    assert ev.has_prohibited
    (f,) = by_rule(ev, CONTRA)
    assert (f.obligation, f.verdict) == ("PIPL-56-CONTENT-LAWFUL", "gap")
    assert "conclusion.decision" in f.questions
    prohibited = [p for p in ev.findings if p.verdict == "prohibited"]
    assert set(prohibited[0].questions) <= set(f.questions)  # it points at both sides
    assert f.explanation.zh.startswith("结论与评估的发现相矛盾：本评估认定存在法律绝对禁止的做法"
                                       "（《人脸识别技术应用安全管理办法》第十二条）")
    assert "“满足所列条件后实施”" in f.explanation.zh
    assert "yet the conclusion is “Go ahead only once the listed conditions are met”" in f.explanation.en
    assert "PIPL Art. 56(1)" in f.explanation.en


def test_a_private_space_camera_with_a_lawful_judgement_and_a_go_ahead_names_every_contradicting_answer():
    ev = evaluated(example("hotel-checkin", scope__private_space="yes",
                           places__private_space_remediation="2026-11-18 已拆除客房内设备并删除数据，经法务核实。"))
    (f,) = by_rule(ev, CONTRA)
    assert f.verdict == "gap"
    assert {"scope.private_space", "conclusion.decision", "conclusion.lawful_judgement"} <= set(f.questions)
    assert "评估人认为处理目的和方式合法、正当、必要" in f.explanation.zh
    assert "the assessor judges the purpose and method lawful, legitimate and necessary" in f.explanation.en


def test_no_contradiction_when_the_conclusion_stops_the_processing():
    for decision in ("do_not_proceed", "suspend_and_reassess"):
        ev = evaluated(example("residential-gate", conclusion__decision=decision))
        assert ev.has_prohibited
        assert by_rule(ev, CONTRA) == [], decision


def test_no_contradiction_without_a_prohibited_finding():
    for name in ("hotel-checkin", "school-canteen", "factory-attendance"):
        assert by_rule(evaluated(example(name)), CONTRA) == [], name


def test_a_measures_ban_does_not_count_when_the_measures_do_not_apply():
    """Outside the Measures (Art. 2), their prohibitions are restated as not applicable: nothing to contradict."""
    ev = evaluated(example("hotel-checkin", scope__private_space="yes", scope__in_prc="no",
                           places__private_space_remediation="2026-11-18 已拆除客房内设备并删除数据，经法务核实。"))
    assert not ev.has_prohibited
    assert by_rule(ev, CONTRA) == []


def test_an_approval_that_names_the_practice_as_stopped_turns_the_contradiction_into_an_advisory():
    data = example("residential-gate")
    data["approval"] = {"stopped": {"FRM-12-NO-COERCION": "2026-11-25 撤回录入人脸通知并取消补卡押金，物业已公告。"}}
    (f,) = by_rule(evaluated(data), CONTRA)
    assert f.verdict == "advisory"
    assert "审批意见记载该做法已经停止" in f.explanation.zh
    assert "The approval records that the practice has stopped" in f.explanation.en


# --- (b) the conclusion options for a live system -----------------------------------------------------------------


def test_the_live_options_are_offered_only_for_a_live_system():
    bank = default_bank()
    live = example("residential-gate")["answers"]
    planned = example("hotel-checkin")["answers"]
    assert live["scope.started"] == "yes" and planned["scope.started"] == "no"
    assert [o.value for o in bank.offered("conclusion.decision", live)] == [
        "proceed", "proceed_with_conditions", "continue_after_remediation", "suspend_and_reassess", "do_not_proceed"]
    assert [o.value for o in bank.offered("conclusion.decision", planned)] == [
        "proceed", "proceed_with_conditions", "do_not_proceed"]
    for o in bank.question("conclusion.decision").options:
        assert o.label.zh and o.label.en


def test_continue_after_remediation_needs_the_items_and_is_judged_like_a_conditional_go_ahead():
    ev = evaluated(example("school-canteen", conclusion__decision="continue_after_remediation"))
    (f,) = [f for f in ev.findings if f.rule == "conclusion.decision"]
    assert f.verdict in ("compliant", "advisory")
    assert "conclusion.conditions" not in ev.unanswered  # the school's conditions carry over
    ev = evaluated(example("school-canteen", conclusion__decision="continue_after_remediation",
                           conclusion__conditions="无"))
    (f,) = [f for f in ev.findings if f.rule == "conclusion.decision"]
    assert "the items, deadlines and interim controls are not stated" in f.explanation.en
    assert "没有写明整改事项、期限和过渡期控制措施" in f.explanation.zh


def test_suspend_and_reassess_on_a_live_system_takes_on_no_risk():
    ev = evaluated(example("residential-gate", conclusion__decision="suspend_and_reassess"))
    (f,) = [f for f in ev.findings if f.rule == "conclusion.decision"]
    assert "The conclusion is to suspend the processing and assess again after the fixes" in f.explanation.en \
        or f.verdict == "advisory"
    assert "unacceptable level" not in f.explanation.en


def test_a_live_only_option_on_a_system_not_yet_live_is_reported():
    ev = evaluated(example("hotel-checkin", conclusion__decision="suspend_and_reassess"))
    (f,) = [f for f in ev.findings if f.rule == "conclusion.decision"]
    assert f.verdict == "advisory"  # GB/T 35273 11.4 e) is a recommended standard
    assert "which is for a system already live, but the assessment records that processing has not started" \
        in f.explanation.en
    assert "scope.started" in f.questions


def test_the_approval_takes_the_live_options_only_for_a_live_system():
    a = assessment(example("hotel-checkin"))
    data = a.to_dict()
    data["approval"] = approval_dict(opinion="continue_after_remediation",
                                     reasons="整改期间继续运行，理由见评估结论部分。",
                                     conditions="2026-12-31前完成告知页修订", approver={"name": "陈启航"},
                                     date="2026-11-20")
    fields = [p.field for p in approval_problems(assessment(data))]
    assert "approval.opinion" in fields


# --- (c) cross-answer checks --------------------------------------------------------------------------------------


def test_passers_by_captured_while_capture_needs_the_person_to_step_up():
    ev = evaluated(example("hotel-checkin", places__bystanders="not_captured"))
    (f,) = by_rule(ev, "consistency.passers-by")
    assert (f.obligation, f.verdict) == ("PIPL-13-LEGAL-BASIS", "advisory")
    assert {"scope.data_subjects", "places.bystanders", "purpose.least_impact_measures"} <= set(f.questions)
    assert f.explanation.en.startswith("Inconsistent answers: the scope section lists passers-by")
    assert "the basis is consent, which passers-by never give" in f.explanation.en
    assert f.explanation.zh.startswith("回答前后矛盾：“适用范围”部分把路过的公众列为被采集人")


def test_passers_by_in_the_frame_and_discarded_are_consistent():
    """The hotel as written: passers-by may enter the frame, and their faces are discarded at once."""
    assert by_rule(evaluated(example("hotel-checkin")), "consistency.passers-by") == []


def test_a_late_rule_does_not_stand_in_for_an_unanswered_obligation():
    ev = evaluated(example("hotel-checkin", places__bystanders="not_captured", consent__basis=None))
    pipl13 = [f for f in ev.findings if f.obligation == "PIPL-13-LEGAL-BASIS"]
    assert "completeness" in [f.rule for f in pipl13] and "consistency.passers-by" in [f.rule for f in pipl13]


def test_a_measure_marked_in_place_but_due_after_the_assessment_date():
    """The hotel's front-desk training is marked in place but due 2026-12-05; the assessment is dated 2026-11-20.
    The accepted risk dated 2027-11-20 is a review date, not a measure."""
    ev = evaluated(example("hotel-checkin"))
    (f,) = by_rule(ev, "consistency.measure-dates")
    assert (f.obligation, f.verdict, f.questions) == ("PIPL-56-CONTENT-MEASURES", "advisory", ("risk.measures",))
    assert "row 12" in f.explanation.en and "due 2026-12-05" in f.explanation.en
    assert "assessment date (2026-11-20)" in f.explanation.en
    assert "第12行" in f.explanation.zh and "2027-11-20" not in f.explanation.zh
    measures = rows("hotel-checkin", "risk.measures")
    measures[11]["due"] = "2026-11-14"
    assert by_rule(evaluated(example("hotel-checkin", risk__measures=measures)), "consistency.measure-dates") == []


def test_a_retention_row_with_no_necessity_finding():
    ev = evaluated(example("hotel-checkin"))
    (f,) = by_rule(ev, "consistency.retention-necessity")
    assert (f.obligation, f.verdict) == ("FRM-08-SHORTEST-RETENTION", "advisory")
    assert "row 2 (Live capture images)" in f.explanation.en
    assert "row 5 (Other data with face images)" in f.explanation.en
    assert "row 6" not in f.explanation.en  # match logs without images are not facial information
    assert "第2行（现场采集的人脸图像）" in f.explanation.zh
    retention = rows("hotel-checkin", "storage.retention")
    for i in (1, 4):
        retention[i]["necessary"] = "yes"
    assert by_rule(evaluated(example("hotel-checkin", storage__retention=retention)),
                   "consistency.retention-necessity") == []


def test_the_retention_check_stays_on_the_pipl_track_when_the_measures_do_not_apply():
    ev = evaluated(example("hotel-checkin", scope__in_prc="no"))
    (f,) = by_rule(ev, "consistency.retention-necessity")
    assert (f.obligation, f.verdict) == ("GBT35273-6.1-SHORTEST-STORAGE", "advisory")


def test_public_security_only_while_images_are_kept_for_member_recognition():
    ev = evaluated(example("hotel-checkin", purpose__categories=["identity_verification", "member_recognition"]))
    (f,) = by_rule(ev, "consistency.public-security-only")
    assert (f.obligation, f.verdict) == ("PIPL-26-PURPOSE-LIMIT", "advisory")
    assert {"places.other_use", "storage.retention", "purpose.categories"} <= set(f.questions)
    assert "serve public security only, but the retention table keeps face images" in f.explanation.en
    assert "只用于维护公共安全" in f.explanation.zh and "第26条" not in f.explanation.zh
    assert by_rule(evaluated(example("hotel-checkin")), "consistency.public-security-only") == []
