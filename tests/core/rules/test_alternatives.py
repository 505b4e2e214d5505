"""Alternatives and no coercion: Measures Arts. 10-12; PIPL Art. 16; SPC Art. 10; GB/T 41819."""

import pytest

from tests.core.helpers import findings, rec, verdicts
from tests.core.rules.test_minors import assert_always_decided

SOLE = "FRM-10-NOT-SOLE-METHOD"
EXC = "FRM-10-STATE-EXCEPTION"
REFUSAL = "FRM-10-ALTERNATIVE-ON-REFUSAL"
COERCION = "FRM-12-NO-COERCION"
PIPL16 = "PIPL-16-NO-SERVICE-REFUSAL"
GBT = "GBT41819-ALTERNATIVE"
SPC = "SPC-10-PROPERTY-ALTERNATIVE"

GOOD = {
    "scope.deployment": "residential_access",
    "alternatives.offered": ["card", "qr_code"],
    "alternatives.convenience": "same",
    "alternatives.refusal_consequences": ["nothing"],
    "alternatives.presentation": ["nothing"],
    "alternatives.national_channels": "considered_not_suitable",
    "alternatives.residents_alternative": "all_entrances",
}
CITATION = "某部门规章第十二条：对某类人员进行人脸比对核验（原文已摘录附后）。"
FACE_ONLY = {**GOOD, "alternatives.offered": ["face_only"], "alternatives.state_rule": "no",
             "alternatives.non_face_exists": "no", "alternatives.why_face_only": None,
             "alternatives.refusal_consequences": ["service_refused"]}
STATE = {**FACE_ONLY, "alternatives.state_rule": "yes", "alternatives.state_rule_citation": CITATION}


def one(answers, obligation):
    found = findings(answers, obligation)
    assert len(found) == 1, found
    return found[0]


# ------------------------------------------------------------------ the compliant path


@pytest.mark.parametrize("obligation", [SOLE, REFUSAL, COERCION, PIPL16, GBT, SPC, "FRM-11-NATIONAL-CHANNELS"])
def test_equal_alternatives_are_compliant(obligation):
    assert verdicts(GOOD, obligation) == ["compliant"]


def test_state_exception_not_needed_when_alternatives_exist():
    f = one(GOOD, EXC)
    assert f.verdict == "not_applicable" and f.rule == "alternatives.not-sole-method"


def test_alternative_listed_in_explanation():
    assert "QR code" in one(GOOD, SOLE).explanation.en


# ------------------------------------------------------------------ Art. 10: face as the only way


def test_face_only_without_state_rule_or_reason_is_a_gap():
    f = one({**FACE_ONLY, "alternatives.why_face_only": "刷脸更快"}, SOLE)
    assert f.verdict == "gap" and "no State rule requires it" in f.explanation.en
    assert verdicts(FACE_ONLY, EXC) == ["not_applicable"]
    assert verdicts({**FACE_ONLY, "alternatives.why_face_only": "刷脸更快"}, REFUSAL) == ["gap"]


def test_face_only_with_argued_reason_is_advisory():
    """Only when the assessment answers that no non-face method exists; the reasons are quoted."""
    why = "系统用于核验远程开户者本人，证件、卡片和人工方式均无法在线确认是本人操作。"
    answers = {**FACE_ONLY, "alternatives.why_face_only": why}
    f = one(answers, SOLE)
    assert f.verdict == "advisory" and why in f.explanation.zh and why in f.explanation.en
    assert "alternatives.non_face_exists" in f.questions


def test_face_only_reason_unanswered_falls_to_the_engine():
    f = one(FACE_ONLY, SOLE)
    assert f.rule == "completeness" and "alternatives.why_face_only" in f.questions


def test_face_only_under_a_named_state_rule_is_compliant():
    assert verdicts(STATE, SOLE) == ["compliant"]
    assert verdicts(STATE, EXC) == ["compliant"]
    assert verdicts(STATE, REFUSAL) == ["not_applicable"]
    assert verdicts(STATE, GBT) == ["not_applicable"]
    assert verdicts(STATE, PIPL16) == ["compliant"]
    # Refusing the service is lawful when a State rule requires face recognition.
    assert verdicts(STATE, COERCION) == ["compliant"]


def test_state_rule_not_named_is_a_gap():
    answers = {**STATE, "alternatives.state_rule_citation": "国家规定"}
    assert verdicts(answers, SOLE) == ["gap"]
    assert verdicts(answers, EXC) == ["gap"]
    assert verdicts(answers, COERCION) == ["prohibited"]


def test_state_rule_citation_unanswered_falls_to_the_engine():
    f = one({**STATE, "alternatives.state_rule_citation": None}, EXC)
    assert f.rule == "completeness"


def test_refusal_under_a_pending_state_rule_is_not_judged_yet():
    answers = {**FACE_ONLY, "alternatives.state_rule": None}
    for ob in (COERCION, PIPL16, GBT):
        f = one(answers, ob)
        assert f.rule == "completeness" and f.verdict == rec(ob, "gap"), ob
        assert "alternatives.state_rule" in f.questions, ob


def test_state_rule_unknown_is_a_gap():
    answers = {**FACE_ONLY, "alternatives.state_rule": "unknown", "alternatives.why_face_only": "刷脸更快"}
    assert verdicts(answers, EXC) == ["gap"]
    assert verdicts(answers, SOLE) == ["gap"]


def test_state_rule_unanswered_falls_to_the_engine():
    answers = {**FACE_ONLY, "alternatives.state_rule": None}
    assert one(answers, EXC).rule == "completeness"
    assert one(answers, REFUSAL).rule == "completeness"


def test_face_only_ticked_with_a_method_counts_as_alternatives():
    answers = {**GOOD, "alternatives.offered": ["face_only", "card"]}
    assert verdicts(answers, SOLE) == ["compliant"]


def test_offered_unanswered_falls_to_the_engine():
    for ob in (SOLE, EXC, REFUSAL, GBT):
        f = one({}, ob)
        assert f.rule == "completeness" and f.verdict == rec(ob, "gap"), ob


# ------------------------------------------------------------------ Art. 10: reasonable and convenient


def test_much_less_convenient_alternative_is_a_gap():
    f = one({**GOOD, "alternatives.convenience": "much_less"}, REFUSAL)
    assert f.verdict == "gap" and "not a reasonable and convenient" in f.explanation.en


def test_slightly_less_convenient_alternative_is_advisory():
    assert verdicts({**GOOD, "alternatives.convenience": "slightly_less"}, REFUSAL) == ["advisory"]


@pytest.mark.parametrize("consequence", ["extra_fee", "must_justify", "service_refused", "penalised"])
def test_alternative_with_strings_attached_is_a_gap(consequence):
    assert verdicts({**GOOD, "alternatives.refusal_consequences": [consequence]}, REFUSAL) == ["gap"]


def test_only_another_biometric_is_advisory():
    f = one({**GOOD, "alternatives.offered": ["other_biometric"]}, REFUSAL)
    assert f.verdict == "advisory" and "non-biometric" in f.explanation.en


def test_convenience_unanswered_falls_to_the_engine():
    f = one({**GOOD, "alternatives.convenience": None}, REFUSAL)
    assert f.rule == "completeness"


# ------------------------------------------------------------------ Art. 12: no coercion (absolute)


@pytest.mark.parametrize("practice", ["says_mandatory", "false_claims"])
def test_misleading_presentation_is_prohibited(practice):
    f = one({**GOOD, "alternatives.presentation": [practice]}, COERCION)
    assert f.verdict == "prohibited" and "absolute ban" in f.action.en


@pytest.mark.parametrize("consequence", ["service_refused", "extra_fee", "penalised"])
def test_refusing_service_charging_more_or_penalising_is_prohibited(consequence):
    assert verdicts({**GOOD, "alternatives.refusal_consequences": [consequence]}, COERCION) == ["prohibited"]


@pytest.mark.parametrize("practice", ["alternative_hidden", "default_nudge", "pressure"])
def test_nudging_is_a_gap(practice):
    f = one({**GOOD, "alternatives.presentation": [practice]}, COERCION)
    assert f.verdict == "gap" and "absolute ban" not in f.action.en


@pytest.mark.parametrize("consequence", ["lose_benefit", "must_justify"])
def test_losing_benefits_or_justifying_is_a_gap(consequence):
    assert verdicts({**GOOD, "alternatives.refusal_consequences": [consequence]}, COERCION) == ["gap"]


def test_worst_practice_decides_and_all_are_listed():
    f = one({**GOOD, "alternatives.presentation": ["pressure", "says_mandatory"]}, COERCION)
    assert f.verdict == "prohibited"
    assert "Repeated urging" in f.explanation.en and "presented as required" in f.explanation.en


def test_penalties_for_declining():
    f = one({**GOOD, "alternatives.refusal_consequences": ["penalised"]}, COERCION)
    assert f.verdict == "prohibited" and "penalising" in f.explanation.en
    # Not a refusal of the service: PIPL Art. 16 is not the provision that catches it.
    assert verdicts({**GOOD, "alternatives.refusal_consequences": ["penalised"]}, PIPL16) == ["compliant"]
    # GB/T 41819: an alternative that costs a penalty is not one people can freely choose.
    assert verdicts({**GOOD, "alternatives.refusal_consequences": ["penalised"]}, GBT) == ["advisory"]


def test_consent_answers_are_not_read_here():
    """The Alternatives section alone decides its obligations, whatever the legal basis; the consent section
    asks only about bundling and inducements, which are consent matters."""
    answers = {**GOOD, "consent.basis": "consent", "consent.pressure_practices": ["bundled", "inducement"]}
    for ob in (SOLE, REFUSAL, COERCION, PIPL16, GBT):
        assert verdicts(answers, ob) == ["compliant"], ob
    assert "consent.pressure_practices" not in one(answers, COERCION).questions


def test_one_question_answered_with_a_problem_decides():
    answers = {**GOOD, "alternatives.presentation": None, "alternatives.refusal_consequences": ["extra_fee"]}
    assert verdicts(answers, COERCION) == ["prohibited"]


def test_one_question_answered_without_problem_falls_to_the_engine():
    f = one({**GOOD, "alternatives.presentation": None}, COERCION)
    assert f.rule == "completeness" and f.questions == ("alternatives.presentation",)


# ------------------------------------------------------------------ PIPL Art. 16


def test_service_refused_is_a_gap():
    f = one({**GOOD, "alternatives.refusal_consequences": ["service_refused"]}, PIPL16)
    assert f.verdict == "gap"


def test_face_only_without_state_rule_refuses_service_implicitly():
    answers = {**FACE_ONLY, "alternatives.refusal_consequences": ["nothing"]}
    f = one(answers, PIPL16)
    assert f.verdict == "gap" and "only way" in f.explanation.en


@pytest.mark.parametrize("consequence", ["extra_fee", "lose_benefit"])
def test_worse_terms_are_advisory_under_pipl16(consequence):
    f = one({**GOOD, "alternatives.refusal_consequences": [consequence]}, PIPL16)
    assert f.verdict == "advisory" and "worse terms" in f.explanation.en


def test_consequences_unanswered_falls_to_the_engine():
    f = one({**GOOD, "alternatives.refusal_consequences": None}, PIPL16)
    assert f.rule == "completeness"


# ------------------------------------------------------------------ GB/T 41819


def test_gbt_face_only_is_advisory():
    assert verdicts({**FACE_ONLY, "alternatives.why_face_only": "刷脸更快"}, GBT) == ["advisory"]


def test_gbt_service_refused_is_advisory():
    assert verdicts({**GOOD, "alternatives.refusal_consequences": ["service_refused"]}, GBT) == ["advisory"]


@pytest.mark.parametrize(("consequence", "reason"), [
    ("extra_fee", "pay extra or a deposit"),
    ("must_justify", "apply in writing or get approval"),
    ("lose_benefit", "lose discounts or benefits"),
])
def test_gbt_alternative_behind_a_fee_or_application_is_advisory_with_the_reason(consequence, reason):
    f = one({**GOOD, "alternatives.refusal_consequences": [consequence]}, GBT)
    assert f.verdict == "advisory"
    assert reason in f.explanation.en and "not an alternative people can freely choose" in f.explanation.en
    assert "recommended standard" in f.explanation.en and "Art. 10 and 12" in f.explanation.en


def test_gbt_residential_gate_deposit_and_approval_both_named():
    f = one({**GOOD, "alternatives.refusal_consequences": ["extra_fee", "must_justify"]}, GBT)
    assert f.verdict == "advisory"
    assert "押金" in f.explanation.zh and "书面申请" in f.explanation.zh
    # Service refusal and a fee together: the refusal leads, the fee is still named.
    f = one({**GOOD, "alternatives.refusal_consequences": ["service_refused", "extra_fee"]}, GBT)
    assert f.verdict == "advisory" and "refused the service" in f.explanation.en and "deposit" in f.explanation.en


# ------------------------------------------------------------------ SPC Art. 10 and Art. 11 (data checks)


@pytest.mark.parametrize(("answer", "expected"), [("all_entrances", "compliant"), ("limited", "gap"), ("no", "gap")])
def test_residents_alternative(answer, expected):
    assert verdicts({**GOOD, "alternatives.residents_alternative": answer}, SPC) == [expected]


def test_residents_question_only_for_residential_gates():
    f = one({**GOOD, "scope.deployment": "hotel_checkin"}, SPC)
    assert f.verdict == "not_applicable" and f.questions == ("alternatives.residents_alternative",)
    assert "住宅小区门禁" in f.explanation.zh and "Residential community access" in f.explanation.en


def test_deployment_unanswered_names_the_gate_for_residents():
    f = one({}, SPC)
    assert f.rule == "alternatives.residents-gate" and f.verdict == "gap"


def test_national_channels_never_block():
    assert verdicts({"alternatives.national_channels": "not_considered"}, "FRM-11-NATIONAL-CHANNELS") == ["advisory"]


def test_every_answer_path_decides_every_alternatives_obligation():
    obligations = (SOLE, EXC, REFUSAL, COERCION, PIPL16, GBT, SPC, "FRM-11-NATIONAL-CHANNELS")
    assert_always_decided("alternatives", obligations, ["scope.deployment", "consent.basis",
                                                        "consent.pressure_practices"], runs=200)
