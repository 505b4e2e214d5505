"""Issue 10, items 1, 3 and 7: verdicts that follow from the facts, tested on the realistic example files.

1. Measures Art. 10, first sentence: whether a non-face method could achieve the same purpose is asked as a
   structured question, not read from the length of the reasons text.
3. A child's own consent is not valid for children under 14 (PIPL Art. 31, Measures Art. 7): every consent-based
   verdict follows from who gave the consent.
7. Passive capture (a camera that recognises everyone in view) has fitting answers, and the verdicts follow:
   nobody can refuse, so the consent, alternative and coercion duties are gaps; an opt-in gate with an equal
   alternative in a public place is the unsettled zone (advisory plus a written legal opinion).
"""

from pathlib import Path

import pytest

from tests.core.helpers import evaluated, example

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"

SOLE = "FRM-10-NOT-SOLE-METHOD"
EXC = "FRM-10-STATE-EXCEPTION"
REFUSAL = "FRM-10-ALTERNATIVE-ON-REFUSAL"
COERCION = "FRM-12-NO-COERCION"
PIPL16 = "PIPL-16-NO-SERVICE-REFUSAL"
ART6 = "FRM-06-SEPARATE-CONSENT"
PIPL14 = "PIPL-14-CONSENT-QUALITY"
PIPL29 = "PIPL-29-SEPARATE-CONSENT"
NDSR_BIO = "NDSR-22-BIOMETRIC-SEPARATE-CONSENT"
SPC4 = "SPC-04-CONSENT-DEFENCE"
LOCAL = "FRM-08-LOCAL-STORAGE"
GUARDIAN = ("FRM-07-GUARDIAN-CONSENT", "PIPL-31-GUARDIAN-CONSENT", "NDSR-22-MINOR-GUARDIAN")
NECESSITY = ("FRM-13-PUBLIC-SECURITY-NECESSITY", "PIPL-26-PUBLIC-PLACE-NECESSITY")


def all_of(data: dict, obligation: str) -> list:
    return [f for f in evaluated(data).findings if f.obligation == obligation]


def only(data: dict, obligation: str):
    found = all_of(data, obligation)
    assert len(found) == 1, found
    return found[0]


# ============================================================ 1. Art. 10: a structured question, not text length

# The hotel's kiosks, were face recognition the only way in and no State rule to require it.
HOTEL_FACE_ONLY = {"alternatives__offered": ["face_only"], "alternatives__state_rule": "no",
                   "alternatives__convenience": None}
CANDID = "前台员工完全可以人工核验身份证件完成入住，只是自助终端更快、能节省前台人手。"
REASONS = ("无人值守的自助入住终端须确认持证人是证件本人；柜台已撤除、夜间无员工在场，证件目视核对、卡片、二维码都无法"
           "确认持证人即本人，公安机关的接入要求也只认可人证一致核验。")


def test_a_candid_answer_that_another_method_exists_is_a_gap_not_an_advisory():
    """Before: any substantive why_face_only text, even one saying staff could check IDs, became an advisory."""
    data = example("hotel-checkin", **HOTEL_FACE_ONLY, alternatives__non_face_exists="yes",
                   alternatives__why_face_only=CANDID)
    f = only(data, SOLE)
    assert f.verdict == "gap" and f.rule == "alternatives.not-sole-method"
    assert "can achieve the same purpose" in f.explanation.en
    assert "first sentence of Measures Art. 10" in f.explanation.en
    assert "《办法》第十条第一句" in f.explanation.zh
    assert "alternatives.non_face_exists" in f.questions
    # The reasons text is not asked, and not read, once a non-face method is said to exist.
    assert "alternatives.why_face_only" not in f.questions
    assert CANDID not in f.explanation.zh


def test_reasons_text_alone_no_longer_decides_the_verdict():
    """Before: the same file (no structured answer) got an advisory from the length of a candid text."""
    data = example("hotel-checkin", **HOTEL_FACE_ONLY, alternatives__why_face_only=CANDID)
    f = only(data, SOLE)
    assert f.verdict != "advisory" and f.rule == "completeness"


def test_not_sure_whether_another_method_exists_is_a_gap():
    data = example("hotel-checkin", **HOTEL_FACE_ONLY, alternatives__non_face_exists="unknown")
    f = only(data, SOLE)
    assert f.verdict == "gap" and "not established" in f.explanation.en
    assert "逐一核查" in f.action.zh


def test_no_other_method_with_reasons_is_an_advisory_quoting_them():
    data = example("hotel-checkin", **HOTEL_FACE_ONLY, alternatives__non_face_exists="no",
                   alternatives__why_face_only=REASONS)
    f = only(data, SOLE)
    assert f.verdict == "advisory"
    assert REASONS[:40] in f.explanation.zh and REASONS[:40] in f.explanation.en
    assert f.questions[-2:] == ("alternatives.non_face_exists", "alternatives.why_face_only")


def test_no_other_method_without_reasons_is_a_gap():
    data = example("hotel-checkin", **HOTEL_FACE_ONLY, alternatives__non_face_exists="no",
                   alternatives__why_face_only="刷脸更快")
    f = only(data, SOLE)
    assert f.verdict == "gap" and "gives no reasons" in f.explanation.en


def test_the_structured_answer_is_required_before_a_verdict():
    f = only(example("hotel-checkin", **HOTEL_FACE_ONLY), SOLE)
    assert (f.rule, f.verdict) == ("completeness", "gap") and "alternatives.non_face_exists" in f.questions


def test_the_state_rule_path_does_not_ask_whether_another_method_exists():
    citation = "《某部门规章》第十二条：对某类人员进行人脸比对核验（原文已摘录附后）。"
    data = example("hotel-checkin", **{**HOTEL_FACE_ONLY, "alternatives__state_rule": "yes",
                                       "alternatives__state_rule_citation": citation,
                                       "alternatives__non_face_exists": "yes"})
    assert only(data, SOLE).verdict == "compliant" and only(data, EXC).verdict == "compliant"
    assert "alternatives.non_face_exists" not in only(data, SOLE).questions  # hidden under a named State rule


def test_an_unconfirmed_state_rule_still_asks_the_structured_question():
    data = example("hotel-checkin", **{**HOTEL_FACE_ONLY, "alternatives__state_rule": "unknown",
                                       "alternatives__non_face_exists": "yes"})
    assert only(data, EXC).verdict == "gap" and only(data, SOLE).verdict == "gap"


# ============================================================ 3. a child's own consent is not valid consent

# The school example: pupils under 14 are recognised, consent is the basis, templates live on a campus server
# on the strength of separate consent.
CHILD_CONSENT_OBLIGATIONS = (PIPL14, PIPL29, NDSR_BIO, SPC4, LOCAL, *GUARDIAN)


def test_school_with_guardian_consent_keeps_its_consent_verdicts():
    data = example("school-canteen")
    assert data["answers"]["minors.consent_giver"] == "guardian"
    for ob in (PIPL29, NDSR_BIO, *GUARDIAN):
        assert only(data, ob).verdict == "compliant", ob
    for ob in (ART6, PIPL14, SPC4, LOCAL):
        for f in all_of(data, ob):
            assert "under 14" not in f.explanation.en, (ob, f)


@pytest.mark.parametrize("giver", ["guardian", "guardian_and_child"])
def test_guardian_consent_with_or_without_the_childs_own_is_valid(giver):
    data = example("school-canteen", minors__consent_giver=giver)
    assert only(data, PIPL29).verdict == "compliant"
    assert not [f for f in all_of(data, ART6) if "under 14" in f.explanation.en]


def test_a_childs_own_consent_makes_every_consent_based_verdict_a_gap():
    """Before: the pupils' own consent was 'separate consent' and FRM-06, PIPL-29 and Art. 8 came out compliant."""
    data = example("school-canteen", minors__consent_giver="child")
    for ob in CHILD_CONSENT_OBLIGATIONS:
        found = all_of(data, ob)
        assert found and all(f.verdict == "gap" for f in found), (ob, found)
        assert any("child's own" in f.explanation.en or "consent themselves" in f.explanation.en
                   for f in found), ob
        assert any("儿童本人" in f.explanation.zh or "由本人自行同意" in f.explanation.zh for f in found), ob
    art6 = [f for f in all_of(data, ART6) if "child's own" in f.explanation.en]
    assert len(art6) == 1 and art6[0].verdict == "gap"
    assert "PIPL Art. 31" in art6[0].explanation.en and "《个人信息保护法》第三十一条" in art6[0].explanation.zh
    assert "minors.consent_giver" in art6[0].questions and "监护人" in art6[0].action.zh
    f = only(data, LOCAL)
    assert "Separate consent is relied on, but" in f.explanation.en


def test_children_without_any_guardian_consent_have_no_valid_consent_either():
    data = example("school-canteen", minors__guardian_consent="no", minors__consent_giver="nobody")
    for ob in (PIPL29, NDSR_BIO, PIPL14, SPC4, LOCAL, *GUARDIAN):
        assert {f.verdict for f in all_of(data, ob)} == {"gap"}, ob
    assert any("no parent's or other guardian's consent" in f.explanation.en for f in all_of(data, ART6))


def test_no_guardian_consent_is_no_valid_consent_for_the_consent_findings():
    """Before: with no guardian consent for the pupils, PIPL-29 and the Art. 8 exception stayed compliant."""
    data = example("school-canteen", minors__guardian_consent="no", minors__consent_giver=None)
    for ob in (PIPL29, NDSR_BIO, LOCAL):
        f = only(data, ob)
        assert f.verdict == "gap" and "under 14" in f.explanation.en, ob
    assert any(f.verdict == "gap" and "under 14" in f.explanation.en for f in all_of(data, ART6))


def test_the_guardian_findings_say_the_childs_own_consent_does_not_count():
    data = example("school-canteen", minors__consent_giver="child")
    for ob in GUARDIAN:
        f = only(data, ob)
        assert f.verdict == "gap" and "cannot validly consent alone" in f.explanation.en, ob
        assert "不是有效同意" in f.explanation.zh, ob
        # The answers contradict each other (every child's guardian consents, yet children consent themselves).
        assert "The answers say every child's guardian consents" in f.explanation.en


def test_residential_gate_children_registering_themselves():
    data = example("residential-gate")
    assert data["answers"]["minors.consent_giver"] == "child"
    f = only(data, "PIPL-31-GUARDIAN-CONSENT")
    assert f.verdict == "gap" and "consent themselves" in f.explanation.en
    assert any("child's own" in f.explanation.en for f in all_of(data, ART6))


def test_the_consent_giver_is_asked_only_when_children_are_recognised_on_consent():
    hotel = evaluated(example("hotel-checkin"))  # children are steered to the front desk
    assert "minors.consent_giver" not in hotel.unanswered
    school = evaluated(example("school-canteen", minors__consent_giver=None))
    assert "minors.consent_giver" in school.unanswered
    for ob in GUARDIAN:
        f = only(example("school-canteen", minors__consent_giver=None), ob)
        assert (f.rule, f.verdict) == ("completeness", "gap") and "minors.consent_giver" in f.questions


# ============================================================ 7. passive capture

# A supermarket's entrance cameras, built from the hotel file: 1:N against a members-and-watch-list gallery,
# everyone who walks in is matched, nobody is asked, no legal basis is claimed.
WATCHLIST = {
    "scope__deployment": "retail_venue", "scope__frt_mode": "identify_1ton", "scope__public_place": "yes",
    "purpose__categories": ["watchlist", "member_recognition"], "purpose__least_impact_measures": ["on_device"],
    "alternatives__offered": ["everyone_captured"], "alternatives__state_rule": "no",
    "alternatives__convenience": None, "alternatives__refusal_consequences": ["cannot_refuse"],
    "alternatives__presentation": ["not_asked"], "consent__basis": "none_claimed",
    "places__security_purpose": "business", "places__security_basis": None,
    "places__other_use": "other_without_consent", "places__bystanders": "processed",
}
NO_CONSENT_GAPS = (ART6, PIPL14, PIPL29, NDSR_BIO, SPC4)
CONSENT_PROCESS = ("FRM-06-WITHDRAW", "PIPL-15-WITHDRAWAL", "NDSR-22-NO-REPEATED-REQUESTS",
                   "NDSR-22-WITHIN-CONSENT-SCOPE", "PIPL-14-RECONSENT-ON-CHANGE", "PIPL-29-WRITTEN-CONSENT")


def test_passive_capture_has_fitting_answers_and_nothing_is_left_unanswered():
    ev = evaluated(example("hotel-checkin", **WATCHLIST))
    for qid in ("alternatives.offered", "alternatives.refusal_consequences", "alternatives.presentation",
                "consent.basis", "alternatives.non_face_exists", "alternatives.convenience"):
        assert qid not in ev.unanswered, qid
    decided = {SOLE, REFUSAL, COERCION, PIPL16, "PIPL-13-LEGAL-BASIS", *NO_CONSENT_GAPS, *NECESSITY}
    assert not [f for f in ev.findings if f.obligation in decided and f.rule == "completeness"]


def test_passive_capture_nobody_can_refuse_so_alternative_and_coercion_duties_are_gaps():
    data = example("hotel-checkin", **WATCHLIST)
    for ob in (SOLE, REFUSAL, COERCION, PIPL16):
        f = only(data, ob)
        assert f.verdict == "gap" and f.rule.startswith("alternatives."), (ob, f)
        assert "everyone" in f.explanation.en or "whoever comes into view" in f.explanation.en, ob
        assert "进入画面" in f.explanation.zh, ob
    assert only(data, EXC).verdict == "not_applicable"
    assert "alternatives.offered" in only(data, COERCION).questions
    assert only(data, "GBT41819-ALTERNATIVE").verdict == "advisory"


def test_no_basis_claimed_makes_consent_a_gap_not_inapplicable():
    """Before: 'none claimed' had no option; any non-consent basis turned every consent duty 'not applicable'."""
    data = example("hotel-checkin", **WATCHLIST)
    [f] = [f for f in all_of(data, "PIPL-13-LEGAL-BASIS") if f.rule == "consent.legal-basis"]
    assert f.verdict == "gap" and "unlawful in itself" in f.explanation.en
    for ob in NO_CONSENT_GAPS:
        f = only(data, ob)
        assert f.verdict == "gap" and f.rule == "consent.basis-gate", ob
        assert "删除" in f.action.zh, ob
    for ob in CONSENT_PROCESS:
        f = only(data, ob)
        assert f.verdict == "not_applicable" and "recorded as a gap" in f.explanation.en, ob


def test_passive_capture_in_a_public_place_for_business_stays_a_hard_gap():
    data = example("hotel-checkin", **WATCHLIST)
    for ob in NECESSITY:
        f = only(data, ob)
        assert f.verdict == "gap" and "recognise everyone who comes into view" in f.explanation.en, ob
        assert "no exception to rely on" in f.action.en and "legal opinion" not in f.action.en, ob
    assert only(data, "PIPL-26-PURPOSE-LIMIT").verdict == "gap"


def test_passive_capture_under_a_named_state_rule_is_the_state_exception():
    citation = "依照《某省公共安全视频图像信息系统管理办法》第十条，由公安机关部署的重点部位人脸比对系统（原文附后）。"
    data = example("hotel-checkin", **{**WATCHLIST, "alternatives__state_rule": "yes",
                                       "alternatives__state_rule_citation": citation})
    assert only(data, SOLE).verdict == "compliant" and only(data, EXC).verdict == "compliant"
    assert only(data, REFUSAL).verdict == "not_applicable"
    assert only(data, PIPL16).verdict == "compliant"
    assert only(data, COERCION).verdict == "compliant"


def test_a_camera_that_recognises_everyone_while_cards_exist_is_still_passive():
    data = example("hotel-checkin", **{**WATCHLIST, "alternatives__offered": ["card", "everyone_captured"],
                                       "alternatives__convenience": "same"})
    assert only(data, SOLE).verdict == "gap" and only(data, REFUSAL).verdict == "gap"


def test_passive_capture_on_a_consent_basis_is_not_voluntary_consent():
    data = example("hotel-checkin", **{**WATCHLIST, "consent__basis": "consent"})
    voluntary = [f for f in all_of(data, ART6) if "not voluntary" in f.explanation.en]
    assert len(voluntary) == 1 and voluntary[0].verdict == "gap"
    assert "nobody is told or asked" in voluntary[0].explanation.en
    assert only(data, SPC4).verdict == "gap" and only(data, "NDSR-22-NECESSARY-NO-MISLEAD").verdict == "gap"


# A members' gate at a venue entrance, built from the hotel file: members who choose it enrol and step up to a
# terminal; everyone else shows a card at the same gate.
MEMBER_GATE = {
    "scope__deployment": "retail_venue", "scope__public_place": "yes", "places__security_purpose": "business",
    "places__security_basis": None, "alternatives__offered": ["card"], "alternatives__convenience": "same",
    "alternatives__refusal_consequences": ["nothing"], "alternatives__presentation": ["nothing"],
    "places__bystanders": "not_captured", "places__other_use": "other_with_consent",
}


def test_opt_in_gate_with_an_equal_alternative_is_the_unsettled_zone():
    """Before: any business use in a public place was a gap, whether or not anyone could choose."""
    data = example("hotel-checkin", **MEMBER_GATE)
    for ob in NECESSITY:
        f = only(data, ob)
        assert f.verdict == "advisory", ob
        assert "no authoritative answer" in f.explanation.en and "没有权威解释" in f.explanation.zh
        assert "written legal opinion" in f.action.en and "书面法律意见" in f.action.zh
        assert "places.bystanders" in f.questions and "alternatives.convenience" in f.questions


@pytest.mark.parametrize("change", [
    {"places__bystanders": "processed"},                      # passers-by are matched too
    {"alternatives__convenience": "much_less"},               # the alternative is not equal
    {"alternatives__refusal_consequences": ["lose_benefit"]},  # declining costs something
    {"alternatives__refusal_consequences": ["cannot_refuse"]},
])
def test_opt_in_gate_without_an_equal_alternative_stays_a_gap(change):
    data = example("hotel-checkin", **{**MEMBER_GATE, **change})
    for ob in NECESSITY:
        assert only(data, ob).verdict == "gap", (ob, change)
