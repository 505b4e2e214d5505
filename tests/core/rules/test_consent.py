"""Legal basis and consent rules: Measures Art. 6, PIPL Arts. 13-15 and 29, NDSR Art. 22, SPC Arts. 4 and 11."""

from __future__ import annotations

import pytest

from pia_wizard.core.rules.consent import CONSENT_ONLY
from tests.core.helpers import findings, run, verdicts

GOOD = {
    "scope.in_prc": "yes",
    "scope.rnd_only": "no",
    "scope.off_device": "no",
    "notice.timing": "before_capture",
    "consent.basis": "consent",
    "consent.separate": "yes",
    "consent.method": "active_click",
    "consent.record": "yes",
    "consent.refusal_consequence": "no_disadvantage",
    "consent.pressure_practices": ["none"],
    "consent.withdrawal": "self_service",
    "consent.reprompt": "never",
    "consent.scope_control": "yes",
    "consent.reconsent_on_change": "yes",
    "consent.written_required": "not_required",
    "consent.terms": ["none_found"],
}
DUTY = "《旅馆业治安管理办法》第六条及本省公安厅关于入住人证核验的规定，要求比对住客本人与证件照片。"
CONTRACT = "会员合同约定刷脸入场，不刷脸就无法核实持卡人为会员本人，会员卡经常被转借。"
EMERGENCY = "疫情期间为追踪密切接触者，在封控期间临时使用，结束后立即删除。"
REASON = "员工考勤制度规定以刷脸方式记录上下班时间，防止代打卡；该制度经职工代表大会讨论通过并已公示。"


def with_(**changes):
    answers = dict(GOOD)
    for key, value in changes.items():
        answers[key.replace("__", ".")] = value
    return answers


def by_obligation(answers):
    out: dict[str, list[str]] = {}
    for f in run(answers).findings:
        out.setdefault(f.obligation, []).append(f.verdict)
    return out


def test_everything_compliant():
    got = by_obligation(GOOD)
    for ob in (*CONSENT_ONLY, "PIPL-13-LEGAL-BASIS", "SPC-11-STANDARD-TERMS"):
        assert got[ob] == ["compliant"], ob


# --- PIPL-13-LEGAL-BASIS -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("changes", "expected"), [
    ({"consent__basis": "not_determined"}, "gap"),
    ({"consent__basis": "news"}, "gap"),
    ({"consent__basis": "public_info"}, "gap"),
    ({"consent__basis": "legal_duty", "consent__basis_reason": "法律规定"}, "gap"),
    ({"consent__basis": "legal_duty", "consent__basis_reason": DUTY}, "compliant"),
    ({"consent__basis": "other_law", "consent__basis_reason": DUTY}, "compliant"),
    ({"consent__basis": "contract", "consent__basis_reason": CONTRACT}, "advisory"),
    ({"consent__basis": "emergency", "consent__basis_reason": EMERGENCY}, "advisory"),
    ({"consent__basis": "hr_management", "consent__basis_reason": REASON, "consent__hr_rules": "yes"}, "advisory"),
    ({"consent__basis": "hr_management", "consent__basis_reason": REASON, "consent__hr_rules": "no"}, "gap"),
    ({"consent__basis": "hr_management", "consent__basis_reason": REASON, "consent__hr_rules": "unknown"}, "gap"),
    ({"consent__basis": "hr_management", "consent__basis_reason": "管理需要", "consent__hr_rules": "yes"}, "gap"),
])
def test_legal_basis(changes, expected):
    assert verdicts(with_(**changes), "PIPL-13-LEGAL-BASIS") == [expected]


def test_legal_basis_waits_for_reason_and_rules():
    [f] = findings(with_(consent__basis="hr_management", consent__basis_reason=REASON), "PIPL-13-LEGAL-BASIS")
    assert f.rule == "completeness" and "consent.hr_rules" in f.questions
    [f] = findings(with_(consent__basis="legal_duty"), "PIPL-13-LEGAL-BASIS")
    assert f.rule == "completeness"
    [f] = findings(with_(consent__basis=None), "PIPL-13-LEGAL-BASIS")
    assert f.rule == "completeness"


# --- the consent gate ---------------------------------------------------------------------------------------


def test_other_basis_makes_consent_rules_not_applicable():
    answers = with_(consent__basis="hr_management", consent__basis_reason=REASON, consent__hr_rules="yes",
                    consent__separate="no", consent__withdrawal="none")
    got = by_obligation(answers)
    for ob in CONSENT_ONLY:
        assert got[ob] == ["not_applicable"], ob
    # Standard terms are checked whatever the basis.
    assert got["SPC-11-STANDARD-TERMS"] == ["compliant"]


def test_separate_question_shown_for_off_device_storage_under_another_basis():
    answers = with_(consent__basis="legal_duty", scope__off_device="yes", consent__separate="no",
                    consent__basis_reason=DUTY)
    evaluation = run(answers)
    assert "consent.separate" not in evaluation.unanswered
    assert verdicts(answers, "PIPL-29-SEPARATE-CONSENT") == ["not_applicable"]


def test_basis_unanswered_leaves_consent_obligations_open():
    [f] = findings(with_(consent__basis=None), "FRM-06-SEPARATE-CONSENT")
    assert f.verdict == "gap" and f.rule == "completeness"


def test_not_determined_still_asks_consent_questions():
    answers = with_(consent__basis="not_determined", consent__method="default_on")
    assert "gap" in verdicts(answers, "FRM-06-SEPARATE-CONSENT")


# --- FRM-06-SEPARATE-CONSENT: one finding per defect ------------------------------------------------------


def art6(answers):
    return sorted((f.verdict, f.explanation.en.split(":")[0]) for f in findings(answers, "FRM-06-SEPARATE-CONSENT"))


@pytest.mark.parametrize(("changes", "expected"), [
    ({"consent__separate": "no"}, [("gap", "Consent is not separate")]),
    ({"consent__separate": "unknown"}, [("gap", "It is not confirmed that consent is separate.")]),
    ({"consent__pressure_practices": ["bundled"]}, [("gap", "Consent is not separate")]),
    ({"consent__refusal_consequence": "service_denied"}, [("gap", "Consent is not voluntary")]),
    ({"consent__refusal_consequence": "penalised"}, [("gap", "Consent is not voluntary")]),
    ({"consent__pressure_practices": ["staff_pressure"]}, [("gap", "Consent is not voluntary")]),
    ({"consent__pressure_practices": ["hidden_refusal"]}, [("gap", "Consent is not voluntary")]),
    ({"consent__refusal_consequence": "burdensome"}, [("advisory", "Voluntariness is doubtful")]),
    ({"consent__pressure_practices": ["inducement"]}, [("advisory", "Voluntariness is doubtful")]),
    ({"consent__method": "implied"}, [("gap", "Consent is not explicit")]),
    ({"consent__method": "default_on"}, [("gap", "Consent is not explicit")]),
    ({"notice__timing": "after_capture"}, [("gap", "Consent is not given with full knowledge")]),
    ({"consent__record": "no"}, [("advisory", "Consents are not recorded one by one, so they are hard to prove in "
                                              "a dispute.")]),
])
def test_art6_each_defect(changes, expected):
    assert art6(with_(**changes)) == expected


def test_art6_defects_are_separate_findings():
    answers = with_(consent__separate="no", consent__refusal_consequence="service_denied", consent__method="implied")
    assert [v for v, _ in art6(answers)] == ["gap", "gap", "gap"]
    assert verdicts(answers, "PIPL-14-CONSENT-QUALITY") == ["gap"]


def test_art6_waits_for_inputs():
    [f] = findings(with_(consent__record=None), "FRM-06-SEPARATE-CONSENT")
    assert f.rule == "completeness"


# --- FRM-06-WITHDRAW / PIPL-15 (data check) ---------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    ("self_service", "compliant"), ("easy_contact", "compliant"), ("burdensome", "gap"), ("none", "gap"),
])
def test_withdrawal(value, expected):
    assert verdicts(with_(consent__withdrawal=value), "FRM-06-WITHDRAW") == [expected]
    assert verdicts(with_(consent__withdrawal=value), "PIPL-15-WITHDRAWAL") == [expected]


# --- PIPL-14-CONSENT-QUALITY -------------------------------------------------------------------------------


def test_pipl14_advisory_only_for_doubts_and_ignores_records():
    assert verdicts(with_(consent__refusal_consequence="burdensome"), "PIPL-14-CONSENT-QUALITY") == ["advisory"]
    assert verdicts(with_(consent__record="no"), "PIPL-14-CONSENT-QUALITY") == ["compliant"]


# --- PIPL-29 / NDSR-22(2) separate consent ----------------------------------------------------------------


@pytest.mark.parametrize(("changes", "expected"), [
    ({"consent__separate": "no"}, "gap"),
    ({"consent__separate": "unknown"}, "gap"),
    ({"consent__pressure_practices": ["bundled"]}, "gap"),
])
def test_separate_consent(changes, expected):
    assert verdicts(with_(**changes), "PIPL-29-SEPARATE-CONSENT") == [expected]
    assert verdicts(with_(**changes), "NDSR-22-BIOMETRIC-SEPARATE-CONSENT") == [expected]


# --- explicit consent (data check) ------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    ("active_click", "compliant"), ("signature", "compliant"), ("verbal_recorded", "compliant"),
    ("implied", "advisory"), ("default_on", "advisory"),
])
def test_explicit_consent(value, expected):
    assert verdicts(with_(consent__method=value), "GBT35273-5.4C-EXPLICIT-CONSENT") == [expected]
    assert verdicts(with_(consent__method=value), "GBT41819-EXPLICIT-CONSENT") == [expected]


# --- NDSR-22(1) no misleading -----------------------------------------------------------------------------


@pytest.mark.parametrize(("changes", "expected"), [
    ({"consent__pressure_practices": ["presented_mandatory"]}, "gap"),
    ({"consent__pressure_practices": ["hidden_refusal"]}, "gap"),
    ({"consent__pressure_practices": ["staff_pressure"]}, "gap"),
    ({"consent__refusal_consequence": "service_denied"}, "gap"),
    ({"consent__refusal_consequence": "penalised"}, "gap"),
    ({"consent__pressure_practices": ["inducement"]}, "advisory"),
    ({"consent__refusal_consequence": "burdensome"}, "advisory"),
    ({"consent__pressure_practices": ["bundled"]}, "compliant"),
])
def test_no_misleading(changes, expected):
    assert verdicts(with_(**changes), "NDSR-22-NECESSARY-NO-MISLEAD") == [expected]


# --- SPC Art. 4 --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("changes", "expected"), [
    ({"consent__refusal_consequence": "service_denied"}, "gap"),
    ({"consent__separate": "no"}, "gap"),
    ({"consent__separate": "unknown"}, "gap"),
    ({"consent__pressure_practices": ["bundled"]}, "gap"),
    ({"consent__refusal_consequence": "penalised"}, "gap"),
    ({"consent__pressure_practices": ["presented_mandatory"]}, "gap"),
    ({"consent__pressure_practices": ["hidden_refusal"]}, "advisory"),
    ({"consent__pressure_practices": ["inducement"]}, "advisory"),
    ({"consent__refusal_consequence": "burdensome"}, "advisory"),
])
def test_spc4(changes, expected):
    assert verdicts(with_(**changes), "SPC-04-CONSENT-DEFENCE") == [expected]


# --- repeated requests ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "ndsr", "gbt"), [
    ("never", "compliant", "compliant"), ("occasional", "compliant", "compliant"),
    ("each_use", "gap", "advisory"), ("frequent_push", "gap", "advisory"),
])
def test_repeated_requests(value, ndsr, gbt):
    assert verdicts(with_(consent__reprompt=value), "NDSR-22-NO-REPEATED-REQUESTS") == [ndsr]
    assert verdicts(with_(consent__reprompt=value), "GBT41819-NO-REPEAT-PROMPT") == [gbt]


def test_repeated_requests_unanswered():
    [f] = findings(with_(consent__reprompt=None), "NDSR-22-NO-REPEATED-REQUESTS")
    assert f.rule == "completeness"


# --- scope, change and written consent --------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [("yes", "compliant"), ("no", "gap"), ("unknown", "gap")])
def test_within_scope_check(value, expected):
    assert verdicts(with_(consent__scope_control=value), "NDSR-22-WITHIN-CONSENT-SCOPE") == [expected]


@pytest.mark.parametrize(("changes", "pipl14", "ndsr"), [
    ({"consent__reconsent_on_change": "no"}, "gap", "gap"),
    ({"consent__reconsent_on_change": "unknown"}, "gap", "gap"),
    ({"consent__written_required": "required_missing"}, "compliant", "gap"),
    ({"consent__written_required": "not_checked"}, "compliant", "gap"),
    ({"consent__written_required": "required_obtained"}, "compliant", "compliant"),
])
def test_reconsent(changes, pipl14, ndsr):
    assert verdicts(with_(**changes), "PIPL-14-RECONSENT-ON-CHANGE") == [pipl14]
    assert verdicts(with_(**changes), "NDSR-22-RECONSENT-ON-CHANGE") == [ndsr]


@pytest.mark.parametrize(("value", "expected"), [
    ("not_required", "compliant"), ("required_obtained", "compliant"), ("required_missing", "gap"),
    ("not_checked", "gap"),
])
def test_written_consent_check(value, expected):
    assert verdicts(with_(consent__written_required=value), "PIPL-29-WRITTEN-CONSENT") == [expected]


# --- SPC Art. 11 standard terms ---------------------------------------------------------------------------


@pytest.mark.parametrize(("terms", "expected"), [
    (["none_found"], "compliant"),
    (["unlimited_term"], "gap"),
    (["irrevocable"], "gap"),
    (["sublicensable"], "gap"),
    (["not_reviewed"], "gap"),
])
def test_standard_terms(terms, expected):
    assert verdicts(with_(consent__terms=terms), "SPC-11-STANDARD-TERMS") == [expected]


def test_standard_terms_unanswered():
    [f] = findings(with_(consent__terms=None), "SPC-11-STANDARD-TERMS")
    assert f.rule == "completeness"
