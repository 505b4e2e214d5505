"""Public places: Measures Art. 13; PIPL Art. 26; GB/T 41819 (no unauthorised capture)."""

import pytest

from tests.core.helpers import findings, run, verdicts

NECESSITY = ("FRM-13-PUBLIC-SECURITY-NECESSITY", "PIPL-26-PUBLIC-PLACE-NECESSITY")
BASIS = "依据《旅馆业治安管理办法》第六条、《反恐怖主义法》第二十一条查验住客身份；市公安局通知要求人证一致核验。"
HOTEL = {
    "scope.public_place": "yes",
    "scope.frt_mode": "verify_1to1",
    "places.security_purpose": "statutory_identity_check",
    "places.security_basis": BASIS,
}


def only(answers, obligation):
    found = findings(answers, obligation)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("obligation", NECESSITY)
def test_hotel_kiosk_with_statutory_basis_is_compliant(obligation):
    f = only(HOTEL, obligation)
    assert f.verdict == "compliant"
    assert f.rule == "places.public-security-necessity"


@pytest.mark.parametrize("obligation", NECESSITY)
def test_not_a_public_place_is_not_applicable_with_reason(obligation):
    f = only({"scope.public_place": "no"}, obligation)
    assert f.verdict == "not_applicable"
    assert f.rule == "places.public-security-necessity"
    assert "public place" in f.explanation.en


def test_business_purpose_in_public_place_is_a_gap():
    answers = {**HOTEL, "places.security_purpose": "business"}
    for ob in NECESSITY:
        f = only(answers, ob)
        assert f.verdict == "gap"
        assert "no exception for commercial uses" in f.explanation.en


def test_missing_or_generic_basis_is_a_gap():
    for basis in (None, "保障安全", "n/a"):
        answers = {**HOTEL, "places.security_basis": basis}
        assert [f.verdict for f in findings(answers, NECESSITY[0])] == ["gap"], basis


def test_statutory_check_with_1toN_search_is_a_gap():
    assert verdicts({**HOTEL, "scope.frt_mode": "identify_1ton"}, NECESSITY[1]) == ["gap"]
    assert verdicts({**HOTEL, "scope.frt_mode": "both"}, NECESSITY[1]) == ["advisory"]


def test_public_security_system_with_basis_is_compliant():
    answers = {**HOTEL, "scope.frt_mode": "identify_1ton", "places.security_purpose": "public_security_monitoring"}
    assert verdicts(answers, NECESSITY[0]) == ["compliant"]


def test_unsure_public_place_is_assessed_as_public():
    f = only({**HOTEL, "scope.public_place": "unknown"}, NECESSITY[0])
    assert f.verdict == "compliant"
    assert "not confirmed" in f.explanation.en
    assert verdicts({"scope.public_place": "unknown", "places.security_purpose": "business"}, NECESSITY[0]) == ["gap"]


def test_purpose_unanswered_falls_to_the_engine():
    f = only({"scope.public_place": "yes"}, NECESSITY[0])
    assert (f.verdict, f.rule) == ("gap", "completeness")
    assert "places.security_purpose" in f.questions


def test_public_place_questions_hidden_when_not_public():
    answers = {"scope.public_place": "no", "places.security_purpose": "business", "places.signage": "none",
               "places.area_defined": "undefined", "places.other_use": "other_without_consent"}
    ev = run(answers)
    by_ob = {f.obligation: f for f in ev.findings}
    for ob in ("FRM-13-COLLECTION-AREA", "FRM-13-SIGNAGE", "PIPL-26-SIGNAGE", "PIPL-26-PURPOSE-LIMIT"):
        assert by_ob[ob].verdict == "not_applicable", ob
    assert by_ob[NECESSITY[0]].verdict == "not_applicable"


def test_collection_area():
    desc = "前台两台终端，正对住客站位，识别距离0.5米，画面不包括大堂通道。"
    base = {"scope.public_place": "yes", "places.area_description": desc}
    assert verdicts({**base, "places.area_defined": "limited"}, "FRM-13-COLLECTION-AREA") == ["compliant"]
    assert verdicts({**base, "places.area_defined": "broad"}, "FRM-13-COLLECTION-AREA") == ["gap"]
    assert verdicts({**base, "places.area_defined": "undefined"}, "FRM-13-COLLECTION-AREA") == ["gap"]
    thin = {"scope.public_place": "yes", "places.area_defined": "limited", "places.area_description": "前台"}
    f = only(thin, "FRM-13-COLLECTION-AREA")
    assert (f.verdict, f.rule) == ("gap", "places.collection-area")
    f = only({"scope.public_place": "yes"}, "FRM-13-COLLECTION-AREA")
    assert f.rule == "completeness"


def test_signage_and_purpose_limit_checks():
    base = {"scope.public_place": "yes"}
    assert verdicts({**base, "places.signage": "prominent"}, "PIPL-26-SIGNAGE") == ["compliant"]
    assert verdicts({**base, "places.signage": "not_prominent"}, "FRM-13-SIGNAGE") == ["gap"]
    assert verdicts({**base, "places.other_use": "other_with_consent"}, "PIPL-26-PURPOSE-LIMIT") == ["compliant"]
    assert verdicts({**base, "places.other_use": "other_without_consent"}, "PIPL-26-PURPOSE-LIMIT") == ["gap"]


def test_bystanders():
    ob = "GBT41819-NO-UNAUTHORISED-CAPTURE"
    assert verdicts({"places.bystanders": "not_captured"}, ob) == ["compliant"]
    assert verdicts({"places.bystanders": "discarded"}, ob) == ["compliant"]
    f = only({"places.bystanders": "processed", "scope.public_place": "no"}, ob)
    assert f.verdict == "advisory"  # a recommended standard: never a gap by itself
    assert "PIPL" in f.explanation.en
    monitoring = {"scope.public_place": "yes", "places.security_purpose": "public_security_monitoring",
                  "places.bystanders": "processed"}
    assert verdicts(monitoring, ob) == ["advisory"]
    f = only({}, ob)
    assert f.rule == "completeness"


def test_private_space_ban_is_not_duplicated():
    answers = {"scope.private_space": "yes", "places.private_space_remediation": "已于当天拆除并删除全部数据。"}
    assert verdicts(answers, "FRM-13-PRIVATE-SPACE-BAN") == ["prohibited"]


# --- closed-area access control (residential community, campus, workplace) -------------------------------

GATE = {"scope.public_place": "unknown", "places.security_purpose": "closed_area_access",
        "places.other_use": "other_without_consent"}


@pytest.mark.parametrize("obligation", NECESSITY)
def test_closed_area_access_of_unsettled_status_is_advisory_asking_for_a_legal_opinion(obligation):
    f = only(GATE, obligation)
    assert (f.verdict, f.rule) == ("advisory", "places.public-security-necessity")
    assert "no authoritative answer" in f.explanation.en
    assert "written legal opinion" in f.action.en and "public security must be the purpose" in f.action.en
    assert "书面法律意见" in f.action.zh


def test_closed_area_access_declared_a_public_place_is_a_gap():
    for ob in NECESSITY:
        f = only({**GATE, "scope.public_place": "yes"}, ob)
        assert f.verdict == "gap" and "access control of a closed area, not public security" in f.explanation.en


def test_closed_area_access_purpose_limit_does_not_repeat_consent_findings():
    """places.other_use is not asked for closed-area access (its stale answer is ignored); the use limit points
    to the consent findings instead of restating them as a gap."""
    f = only(GATE, "PIPL-26-PURPOSE-LIMIT")
    assert (f.verdict, f.rule) == ("advisory", "places.closed-area-purpose-limit")
    assert "not repeated here" in f.explanation.en and "places.other_use" not in f.questions
    f = only({**GATE, "consent.basis": "consent", "consent.separate": "no"}, "PIPL-26-PURPOSE-LIMIT")
    assert f.verdict == "advisory" and "consent is not separate" in f.explanation.en
    f = only({**GATE, "consent.basis": "consent", "consent.separate": "yes"}, "PIPL-26-PURPOSE-LIMIT")
    assert f.verdict == "compliant" and "consent.separate" in f.questions
    # Declared a public place: Art. 26 applies outright, and the wording says so.
    f = only({**GATE, "scope.public_place": "yes"}, "PIPL-26-PURPOSE-LIMIT")
    assert f.verdict == "advisory" and "treats the devices as being in a public place" in f.explanation.en


def test_closed_area_access_rule_stays_out_of_other_purposes():
    # Other purposes keep the data check on places.other_use.
    f = only({**GATE, "places.security_purpose": "business"}, "PIPL-26-PURPOSE-LIMIT")
    assert (f.verdict, f.rule) == ("gap", "check:places.other_use")
    # Not a public place: nothing about Art. 26 from this rule.
    f = only({**GATE, "scope.public_place": "no"}, "PIPL-26-PURPOSE-LIMIT")
    assert f.verdict == "not_applicable" and f.rule == "completeness"
