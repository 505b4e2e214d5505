"""Legal basis and consent rules: Measures Art. 6, PIPL Arts. 13-15 and 29, NDSR Art. 22, SPC Arts. 4 and 11.

Whether consent is voluntary is judged from the Alternatives answers (what declining costs, how face recognition
is presented) plus bundling and inducements asked here."""

from __future__ import annotations

import random

import pytest

from pia_wizard.core.bank import default_bank
from pia_wizard.core.rules.consent import CONSENT_ONLY
from tests.core.helpers import findings, run, verdicts
from tests.core.rules.test_minors import _random_answer, assert_always_decided

GOOD = {
    "scope.in_prc": "yes",
    "scope.rnd_only": "no",
    "scope.off_device": "no",
    "notice.timing": "before_capture",
    "consent.basis": "consent",
    "consent.separate": "yes",
    "consent.method": "active_click",
    "consent.record": "yes",
    "consent.pressure_practices": ["none"],
    "consent.withdrawal": "self_service",
    "consent.reprompt": "never",
    "consent.scope_control": "yes",
    "consent.reconsent_on_change": "yes",
    "consent.written_required": "not_required",
    "consent.terms": ["none_found"],
    "alternatives.offered": ["card", "qr_code"],
    "alternatives.convenience": "same",
    "alternatives.refusal_consequences": ["nothing"],
    "alternatives.presentation": ["nothing"],
}
DUTY = "《旅馆业治安管理办法》第六条及本省公安厅关于入住人证核验的规定，要求比对住客本人与证件照片。"
CONTRACT = "会员合同约定刷脸入场，不刷脸就无法核实持卡人为会员本人，会员卡经常被转借。"
EMERGENCY = "疫情期间为追踪密切接触者，在封控期间临时使用，结束后立即删除。"
REASON = "员工考勤制度规定以刷脸方式记录上下班时间，防止代打卡；该制度经职工代表大会讨论通过并已公示。"
STATE_RULE = "某部门规章第十二条：对某类人员进行人脸比对核验（原文已摘录附后）。"
# Face recognition is the only way, and no State rule requires it.
FACE_ONLY = {"alternatives__offered": ["face_only"], "alternatives__state_rule": "no",
             "alternatives__why_face_only": "刷脸更快"}
# ... or a named State rule does.
STATE = {**FACE_ONLY, "alternatives__state_rule": "yes", "alternatives__state_rule_citation": STATE_RULE}
PENDING = {**FACE_ONLY, "alternatives__state_rule": None}
VOLUNTARINESS = ("FRM-06-SEPARATE-CONSENT", "PIPL-14-CONSENT-QUALITY", "NDSR-22-NECESSARY-NO-MISLEAD",
                 "SPC-04-CONSENT-DEFENCE")


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


def test_hr_basis_with_separate_consent_already_obtained_does_not_ask_for_it_again():
    hr = {"consent__basis": "hr_management", "consent__basis_reason": REASON, "consent__hr_rules": "yes"}
    # consent.separate is asked under an HR basis when data leaves the device.
    [f] = findings(with_(scope__off_device="yes", consent__separate="yes", **hr), "PIPL-13-LEGAL-BASIS")
    assert f.verdict == "advisory"  # the HR basis itself is still contested
    assert "is debated" in f.explanation.en and "separate consent has also been obtained" in f.explanation.en
    assert "also obtain" not in f.action.en and "同时取得" not in f.action.zh
    assert "withdraws" in f.action.en and "consent.separate" in f.questions
    # Not obtained, or not asked (data stays on the device): the advice to obtain it stands.
    for changes in ({"scope__off_device": "yes", "consent__separate": "no"},
                    {"scope__off_device": "yes", "consent__separate": "unknown"},
                    {"scope__off_device": "no", "consent__separate": "yes"}):
        [f] = findings(with_(**changes, **hr), "PIPL-13-LEGAL-BASIS")
        assert f.verdict == "advisory" and "also obtain each employee's separate consent" in f.action.en, changes
        assert "consent.separate" not in f.questions


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
                    consent__separate="no", consent__withdrawal="none",
                    alternatives__refusal_consequences=["service_refused", "penalised"],
                    alternatives__presentation=["says_mandatory"])
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


NOT_VOLUNTARY = [("gap", "Consent is not voluntary")]
DOUBTFUL = [("advisory", "Voluntariness is doubtful")]
ALL_GOOD = [("compliant", "Consent is separate, voluntary, explicit and informed, and it is recorded.")]


@pytest.mark.parametrize(("changes", "expected"), [
    ({"consent__separate": "no"}, [("gap", "Consent is not separate")]),
    ({"consent__separate": "unknown"}, [("gap", "It is not confirmed that consent is separate.")]),
    ({"consent__pressure_practices": ["bundled"]}, [("gap", "Consent is not separate")]),
    ({"alternatives__refusal_consequences": ["service_refused"]}, NOT_VOLUNTARY),
    (FACE_ONLY, NOT_VOLUNTARY),
    (STATE, NOT_VOLUNTARY),
    (PENDING, NOT_VOLUNTARY),
    ({"alternatives__refusal_consequences": ["penalised"]}, NOT_VOLUNTARY),
    ({"alternatives__refusal_consequences": ["extra_fee"]}, NOT_VOLUNTARY),
    ({"alternatives__presentation": ["says_mandatory"]}, NOT_VOLUNTARY),
    ({"alternatives__presentation": ["false_claims"]}, NOT_VOLUNTARY),
    ({"alternatives__presentation": ["alternative_hidden"]}, NOT_VOLUNTARY),
    ({"alternatives__presentation": ["default_nudge"]}, NOT_VOLUNTARY),
    ({"alternatives__presentation": ["pressure"]}, NOT_VOLUNTARY),
    ({"alternatives__convenience": "much_less"}, DOUBTFUL),
    ({"alternatives__refusal_consequences": ["must_justify"]}, DOUBTFUL),
    ({"alternatives__refusal_consequences": ["lose_benefit"]}, DOUBTFUL),
    ({"consent__pressure_practices": ["inducement"]}, DOUBTFUL),
    ({"alternatives__convenience": "slightly_less"}, ALL_GOOD),
    ({"alternatives__offered": ["other_biometric"]}, ALL_GOOD),
    ({"consent__method": "implied"}, [("gap", "Consent is not explicit")]),
    ({"consent__method": "default_on"}, [("gap", "Consent is not explicit")]),
    ({"notice__timing": "after_capture"}, [("gap", "Consent is not given with full knowledge")]),
    ({"consent__record": "no"}, [("advisory", "Consents are not recorded one by one, so they are hard to prove in "
                                              "a dispute.")]),
])
def test_art6_each_defect(changes, expected):
    assert art6(with_(**changes)) == expected


def test_art6_defects_are_separate_findings():
    answers = with_(consent__separate="no", alternatives__refusal_consequences=["service_refused"],
                    consent__method="implied")
    assert [v for v, _ in art6(answers)] == ["gap", "gap", "gap"]
    assert verdicts(answers, "PIPL-14-CONSENT-QUALITY") == ["gap"]


def test_not_voluntary_lists_every_reason_from_the_alternatives_answers():
    [f] = findings(with_(alternatives__refusal_consequences=["penalised", "lose_benefit"],
                         alternatives__presentation=["pressure"]), "FRM-06-SEPARATE-CONSENT")
    assert f.verdict == "gap"
    for part in ("disciplined", "keep urging", "lose discounts"):
        assert part in f.explanation.en, part
    assert "alternatives.refusal_consequences" in f.questions and "alternatives.presentation" in f.questions


def test_face_only_under_a_state_rule_points_to_the_legal_duty_basis():
    [f] = findings(with_(**STATE), "FRM-06-SEPARATE-CONSENT")
    assert f.verdict == "gap" and "only way" in f.explanation.en and "statutory duty" in f.explanation.en
    [f] = findings(with_(**FACE_ONLY), "FRM-06-SEPARATE-CONSENT")
    assert "statutory duty" not in f.explanation.en


def test_art6_waits_for_inputs():
    [f] = findings(with_(consent__record=None), "FRM-06-SEPARATE-CONSENT")
    assert f.rule == "completeness"


@pytest.mark.parametrize("missing", ["consent.pressure_practices", "alternatives.offered", "alternatives.convenience",
                                     "alternatives.refusal_consequences", "alternatives.presentation"])
def test_voluntariness_waits_for_every_input(missing):
    """An unanswered input - in this section or in Alternatives - leaves the obligation 'not answered yet'."""
    for ob in VOLUNTARINESS:
        [f] = findings({**GOOD, missing: None}, ob)
        assert (f.rule, f.verdict) == ("completeness", "gap"), ob
        assert missing in f.questions, ob


def test_face_only_needs_no_convenience_answer():
    answers = with_(**STATE)
    assert "alternatives.convenience" not in run(answers).unanswered
    assert verdicts(answers, "PIPL-14-CONSENT-QUALITY") == ["gap"]


def test_facts_of_the_alternatives_section_are_not_asked_again_here():
    bank = default_bank()
    assert "consent.refusal_consequence" not in bank.questions
    assert bank.question("consent.pressure_practices").option_values() == ("bundled", "inducement", "none")


# --- FRM-06-WITHDRAW / PIPL-15 (data check) ---------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    ("self_service", "compliant"), ("easy_contact", "compliant"), ("burdensome", "gap"), ("none", "gap"),
])
def test_withdrawal(value, expected):
    assert verdicts(with_(consent__withdrawal=value), "FRM-06-WITHDRAW") == [expected]
    assert verdicts(with_(consent__withdrawal=value), "PIPL-15-WITHDRAWAL") == [expected]


# --- PIPL-14-CONSENT-QUALITY -------------------------------------------------------------------------------


def test_pipl14_advisory_only_for_doubts_and_ignores_records():
    assert verdicts(with_(alternatives__convenience="much_less"), "PIPL-14-CONSENT-QUALITY") == ["advisory"]
    assert verdicts(with_(consent__pressure_practices=["inducement"]), "PIPL-14-CONSENT-QUALITY") == ["advisory"]
    assert verdicts(with_(consent__record="no"), "PIPL-14-CONSENT-QUALITY") == ["compliant"]
    assert verdicts(with_(alternatives__presentation=["says_mandatory"]), "PIPL-14-CONSENT-QUALITY") == ["gap"]


# --- PIPL-29 / NDSR-22(2) separate consent ----------------------------------------------------------------


@pytest.mark.parametrize(("changes", "expected"), [
    ({"consent__separate": "no"}, "gap"),
    ({"consent__separate": "unknown"}, "gap"),
    ({"consent__pressure_practices": ["bundled"]}, "gap"),
])
def test_separate_consent(changes, expected):
    assert verdicts(with_(**changes), "PIPL-29-SEPARATE-CONSENT") == [expected]
    assert verdicts(with_(**changes), "NDSR-22-BIOMETRIC-SEPARATE-CONSENT") == [expected]


def test_separate_consent_waits_for_the_bundling_answer():
    for ob in ("PIPL-29-SEPARATE-CONSENT", "NDSR-22-BIOMETRIC-SEPARATE-CONSENT"):
        [f] = findings(with_(consent__pressure_practices=None), ob)
        assert (f.rule, f.verdict) == ("completeness", "gap") and "consent.pressure_practices" in f.questions


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
    ({"alternatives__presentation": ["says_mandatory"]}, "gap"),
    ({"alternatives__presentation": ["false_claims"]}, "gap"),
    ({"alternatives__presentation": ["alternative_hidden"]}, "gap"),
    ({"alternatives__presentation": ["default_nudge"]}, "gap"),
    ({"alternatives__presentation": ["pressure"]}, "gap"),
    ({"alternatives__refusal_consequences": ["service_refused"]}, "gap"),
    (FACE_ONLY, "gap"),
    ({**FACE_ONLY, "alternatives__state_rule": "unknown"}, "gap"),
    ({**STATE, "alternatives__state_rule_citation": "国家规定"}, "gap"),
    ({"alternatives__refusal_consequences": ["penalised"]}, "gap"),
    ({"alternatives__refusal_consequences": ["extra_fee"]}, "gap"),
    ({"consent__pressure_practices": ["inducement"]}, "advisory"),
    ({"alternatives__refusal_consequences": ["lose_benefit"]}, "advisory"),
    ({"alternatives__refusal_consequences": ["must_justify"]}, "advisory"),
    ({"alternatives__convenience": "much_less"}, "advisory"),
    ({"alternatives__convenience": "slightly_less"}, "compliant"),
    ({"consent__pressure_practices": ["bundled"]}, "compliant"),
    (STATE, "compliant"),
    ({**PENDING, "alternatives__presentation": ["pressure"]}, "gap"),
])
def test_no_misleading(changes, expected):
    assert verdicts(with_(**changes), "NDSR-22-NECESSARY-NO-MISLEAD") == [expected]


@pytest.mark.parametrize("changes", [PENDING, {**PENDING, "consent__pressure_practices": ["inducement"]},
                                     {**STATE, "alternatives__state_rule_citation": None}])
def test_face_only_waits_for_the_state_rule(changes):
    """Face recognition is the only way: whether refusing the service is lawful turns on a State rule."""
    for ob in ("NDSR-22-NECESSARY-NO-MISLEAD", "SPC-04-CONSENT-DEFENCE"):
        [f] = findings(with_(**changes), ob)
        assert (f.rule, f.verdict) == ("completeness", "gap"), ob
        assert set(f.questions) & {"alternatives.state_rule", "alternatives.state_rule_citation"}, ob


# --- SPC Art. 4 --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("changes", "expected"), [
    ({"alternatives__refusal_consequences": ["service_refused"]}, "gap"),
    (FACE_ONLY, "gap"),
    ({"consent__separate": "no"}, "gap"),
    ({"consent__separate": "unknown"}, "gap"),
    ({"consent__pressure_practices": ["bundled"]}, "gap"),
    ({"alternatives__refusal_consequences": ["penalised"]}, "gap"),
    ({"alternatives__refusal_consequences": ["extra_fee"]}, "gap"),
    ({"alternatives__presentation": ["says_mandatory"]}, "gap"),
    ({"alternatives__presentation": ["pressure"]}, "gap"),
    ({"alternatives__presentation": ["alternative_hidden"]}, "advisory"),
    ({"alternatives__presentation": ["default_nudge"]}, "advisory"),
    ({"consent__pressure_practices": ["inducement"]}, "advisory"),
    ({"alternatives__refusal_consequences": ["lose_benefit"]}, "advisory"),
    ({"alternatives__refusal_consequences": ["must_justify"]}, "advisory"),
    ({"alternatives__convenience": "much_less"}, "advisory"),
    # Deception is not one of the three Art. 4 cases (NDSR-22 and Measures Art. 12 catch it).
    ({"alternatives__presentation": ["false_claims"]}, "compliant"),
    # Art. 4(1) spares processing that is necessary for the service, as under a named State rule.
    (STATE, "compliant"),
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


# --- every answer path -------------------------------------------------------------------------------------

ALT_IDS = [q.id for q in default_bank() if q.section == "alternatives"]


def test_every_answer_path_decides_every_consent_obligation():
    """Random answers to this section and the Alternatives answers it reads: one finding per obligation (FRM-06
    may have several, one per defect; the table test below checks it), never the engine's fallback."""
    single = tuple(ob for ob in CONSENT_ONLY if ob != "FRM-06-SEPARATE-CONSENT")
    assert_always_decided("consent", (*single, "PIPL-13-LEGAL-BASIS", "SPC-11-STANDARD-TERMS"),
                          [*ALT_IDS, "notice.timing", "scope.off_device"], runs=300)


STEER = {"says_mandatory", "false_claims", "alternative_hidden", "default_nudge", "pressure", "not_asked"}


def _expected(a):
    """The voluntariness findings, from a plain table of the answers (visibility worked out by hand).
    Returns {obligation: sorted verdicts} with "wait" for the engine's 'not answered yet'."""
    basis = a.get("consent.basis")
    if basis is None:
        return {ob: ["wait"] for ob in VOLUNTARINESS}
    if basis not in ("consent", "not_determined"):
        return {ob: ["not_applicable"] for ob in VOLUNTARINESS}
    offered = a.get("alternatives.offered")
    alts = [o for o in offered or [] if o not in ("face_only", "everyone_captured")]
    passive = "everyone_captured" in (offered or [])  # everyone in view is recognised: nobody chooses
    face_only = offered is not None and not alts and not passive
    no_choice = face_only or passive
    convenience = a.get("alternatives.convenience") if alts else None
    state = a.get("alternatives.state_rule") if no_choice else None
    citation = a.get("alternatives.state_rule_citation") if state == "yes" else None
    state_ok = no_choice and state == "yes" and citation not in (None, "无")
    pending = no_choice and (state is None or (state == "yes" and citation is None))
    conseq, present = a.get("alternatives.refusal_consequences"), a.get("alternatives.presentation")
    practices = a.get("consent.pressure_practices")
    if None in (offered, conseq, present, practices) or (alts and not passive and convenience is None):
        return {ob: ["wait"] for ob in VOLUNTARINESS}
    denied = no_choice or bool({"service_refused", "cannot_refuse"} & set(conseq))
    coerced = bool({"penalised", "extra_fee"} & set(conseq))
    steering = set(present) & STEER
    doubts = (convenience == "much_less" or bool({"must_justify", "lose_benefit"} & set(conseq))
              or "inducement" in practices)
    bundled = "bundled" in practices
    separate, method, record = a.get("consent.separate"), a.get("consent.method"), a.get("consent.record")
    out = {}

    if None in (separate, method):
        out["FRM-06-SEPARATE-CONSENT"] = out["PIPL-14-CONSENT-QUALITY"] = ["wait"]
    else:
        defects = []
        if separate in ("no", "unknown") or bundled:
            defects.append("gap")
        if denied or coerced or steering:
            defects.append("gap")
        elif doubts:
            defects.append("advisory")
        if method in ("implied", "default_on"):
            defects.append("gap")
        if a.get("notice.timing") in ("during_capture", "after_capture", "none"):
            defects.append("gap")
        pipl14 = "gap" if "gap" in defects else "advisory" if defects else "compliant"
        if record != "yes":
            defects.append("advisory")
        out["FRM-06-SEPARATE-CONSENT"] = ["wait"] if record is None else sorted(defects) or ["compliant"]
        out["PIPL-14-CONSENT-QUALITY"] = [pipl14]  # whether consents are recorded is not a PIPL Art. 14 matter

    unnecessary = denied and not state_ok and not pending
    ndsr_gap = bool(steering) or unnecessary or coerced
    if pending and not ndsr_gap:
        out["NDSR-22-NECESSARY-NO-MISLEAD"] = ["wait"]
    else:
        out["NDSR-22-NECESSARY-NO-MISLEAD"] = ["gap" if ndsr_gap else "advisory" if doubts else "compliant"]

    if separate is None:
        out["SPC-04-CONSENT-DEFENCE"] = ["wait"]
    else:
        spc_gap = (unnecessary or separate in ("no", "unknown") or bundled or coerced
                   or bool(steering & {"says_mandatory", "pressure", "not_asked"}))
        spc_soft = doubts or bool(steering & {"alternative_hidden", "default_nudge"})
        if pending and not spc_gap:
            out["SPC-04-CONSENT-DEFENCE"] = ["wait"]
        else:
            out["SPC-04-CONSENT-DEFENCE"] = ["gap" if spc_gap else "advisory" if spc_soft else "compliant"]
    return out


def test_random_paths_match_the_voluntariness_table():
    bank = default_bank()
    rng = random.Random(2026)
    questions = [bank.question(q) for q in ("consent.separate", "consent.method", "consent.record",
                                            "consent.pressure_practices", "notice.timing", *ALT_IDS)]
    seen = set()
    for _ in range(600):
        answers = {"scope.in_prc": "yes", "scope.rnd_only": "no", "scope.off_device": "no",
                   "consent.basis": rng.choice(["consent", "consent", "not_determined", "contract", None])}
        for q in questions:
            if rng.random() < 0.08:
                continue  # unanswered
            value = GOOD.get(q.id) if rng.random() < 0.5 else None  # often the clean answer, to reach compliant
            while value is None:
                value = _random_answer(q, rng)
            answers[q.id] = value
        if answers.get("alternatives.state_rule_citation") is not None:
            answers["alternatives.state_rule_citation"] = rng.choice(["无", STATE_RULE])
        got: dict[str, list[str]] = {}
        for f in run(answers).findings:
            if f.obligation in VOLUNTARINESS:
                got.setdefault(f.obligation, []).append(
                    "wait" if (f.rule, f.verdict) == ("completeness", "gap") else f.verdict)
                assert not (f.rule == "completeness" and f.verdict != "gap"
                            and answers["consent.basis"] is not None), (f, answers)
        got = {ob: sorted(v) for ob, v in got.items()}
        assert got == _expected(answers), answers
        seen.update((ob, tuple(v)) for ob, v in got.items())
    # The sample reaches every verdict of every obligation.
    for ob in VOLUNTARINESS:
        for verdict in ("wait", "not_applicable", "gap", "advisory", "compliant"):
            assert any(o == ob and verdict in v for o, v in seen), (ob, verdict)
