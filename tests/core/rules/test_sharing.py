"""Entrusted processing, provision, disclosure, transfers abroad: PIPL Arts. 21, 23, 25, 38, 39; GB/T 35273."""

import pytest

from tests.core.helpers import findings, rec, verdicts

ENTRUST = ("PIPL-21-ENTRUST-CONTRACT-SUPERVISE", "PIPL-21-ENTRUST-RETURN-DELETE")
PROVISION = "PIPL-23-PROVISION-NOTICE-CONSENT"
NO_SHARE = "GBT35273-9.2I-NO-SHARE-TRANSFER"
SHARE_NOTICE = "GBT35273-9.2I-SHARE-NOTICE-CONSENT"
XBORDER = ("PIPL-38-XBORDER-MECHANISM", "PIPL-38-RECIPIENT-STANDARD", "PIPL-39-XBORDER-NOTICE-CONSENT")

VENDOR = {
    "scope.third_parties": "yes",
    "sharing.recipients": ["entrusted"],
    "sharing.entrust_contract": "complete",
    "sharing.entrust_supervision": "active",
    "sharing.entrust_terms": ["within_scope", "return_delete", "no_subcontract", "deletion_proof"],
}
PARTNER = {
    "scope.third_parties": "yes",
    "sharing.recipients": ["recipient"],
    "sharing.provision_notice": ["recipient_name", "recipient_contact", "purpose", "method", "categories",
                                 "recipient_security"],
    "sharing.provision_consent": "separate",
    "sharing.provision_need": "集团会员体系需要在各门店识别同一会员，门店间须共享会员本人同意提供的特征值。",
}


def only(answers, obligation):
    found = findings(answers, obligation)
    assert len(found) == 1, found
    return found[0]


# --- gates -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("obligation", [*ENTRUST, PROVISION, SHARE_NOTICE])
def test_no_third_parties_is_not_applicable_with_reason(obligation):
    f = only({"scope.third_parties": "no"}, obligation)
    assert f.verdict == "not_applicable"
    assert f.rule.startswith("sharing.")
    assert "No other organisation" in f.explanation.en


def test_no_third_parties_means_no_sharing():
    assert verdicts({"scope.third_parties": "no"}, NO_SHARE) == ["compliant"]


@pytest.mark.parametrize("obligation,expected", [
    (ENTRUST[0], "gap"), (ENTRUST[1], "gap"), (PROVISION, "gap"), (NO_SHARE, "advisory"), (SHARE_NOTICE, "advisory"),
])
def test_unsure_third_parties(obligation, expected):
    f = only({"scope.third_parties": "unknown"}, obligation)
    assert (f.verdict, f.rule.split(".")[0]) == (expected, "sharing")


@pytest.mark.parametrize("obligation", XBORDER)
def test_no_transfer_abroad_is_not_applicable(obligation):
    f = only({"scope.cross_border": "no"}, obligation)
    assert (f.verdict, f.rule) == ("not_applicable", "sharing.cross-border")


@pytest.mark.parametrize("obligation", XBORDER)
def test_unsure_transfer_abroad_is_a_gap(obligation):
    f = only({"scope.cross_border": "unknown"}, obligation)
    assert (f.verdict, f.rule) == ("gap", "sharing.cross-border")


def test_unanswered_gates_fall_to_the_engine():
    assert only({}, PROVISION).rule == "completeness"
    assert only({}, XBORDER[0]).rule == "completeness"
    assert only({"scope.third_parties": "yes"}, ENTRUST[0]).rule == "completeness"


# --- entrusted processing (Art. 21) --------------------------------------------------------------------------


def test_vendor_with_full_contract_is_compliant():
    for ob in ENTRUST:
        assert verdicts(VENDOR, ob) == ["compliant"], ob
    assert verdicts(VENDOR, PROVISION) == ["not_applicable"]
    assert verdicts(VENDOR, NO_SHARE) == ["compliant"]
    assert verdicts(VENDOR, SHARE_NOTICE) == ["not_applicable"]


@pytest.mark.parametrize("change", [
    {"sharing.entrust_contract": "partial"},
    {"sharing.entrust_contract": "none"},
    {"sharing.entrust_supervision": "contract_only"},
    {"sharing.entrust_supervision": "none"},
])
def test_contract_or_supervision_missing_is_a_gap(change):
    assert verdicts({**VENDOR, **change}, ENTRUST[0]) == ["gap"]


def test_return_delete_terms():
    missing = {**VENDOR, "sharing.entrust_terms": ["within_scope", "no_subcontract"]}
    f = only(missing, ENTRUST[1])
    assert f.verdict == "gap" and "return or deletion" in f.explanation.en
    assert verdicts({**VENDOR, "sharing.entrust_terms": ["none"]}, ENTRUST[1]) == ["gap"]
    no_proof = {**VENDOR, "sharing.entrust_terms": ["within_scope", "return_delete", "no_subcontract"]}
    assert verdicts(no_proof, ENTRUST[1]) == ["advisory"]


def test_no_entrusted_party_is_not_applicable():
    answers = {**PARTNER}
    for ob in ENTRUST:
        f = only(answers, ob)
        assert (f.verdict, f.rule) == ("not_applicable", "sharing.entrusted-processing")


# --- provision to another processor (Art. 23, GB/T 35273 9.2 i) ----------------------------------------------


def test_partner_with_notice_and_separate_consent_is_compliant():
    assert verdicts(PARTNER, PROVISION) == ["compliant"]
    assert verdicts(PARTNER, NO_SHARE) == ["compliant"]
    assert verdicts(PARTNER, SHARE_NOTICE) == ["compliant"]


@pytest.mark.parametrize("change", [
    {"sharing.provision_consent": "bundled"},
    {"sharing.provision_consent": "none"},
    {"sharing.provision_consent": "legal_basis"},  # basis not stated
    {"sharing.provision_notice": ["purpose", "method", "categories"]},
    {"sharing.provision_notice": ["none"]},
])
def test_provision_defects_are_gaps(change):
    answers = {**PARTNER, **change}
    assert verdicts(answers, PROVISION) == ["gap"]
    assert verdicts(answers, SHARE_NOTICE) == [rec(SHARE_NOTICE, "gap")]


def test_provision_on_a_stated_legal_basis():
    answers = {**PARTNER, "sharing.provision_consent": "legal_basis",
               "sharing.provision_basis": "依据《个人信息保护法》第十三条第一款第三项及某行业规定须向协会报送。"}
    assert verdicts(answers, PROVISION) == ["compliant"]
    assert verdicts(answers, SHARE_NOTICE) == ["compliant"]


def test_recipient_security_capability_only_missing_is_advisory():
    answers = {**PARTNER, "sharing.provision_notice": ["recipient_name", "recipient_contact", "purpose", "method",
                                                       "categories"]}
    assert verdicts(answers, PROVISION) == ["compliant"]
    assert verdicts(answers, SHARE_NOTICE) == ["advisory"]


def test_sharing_without_a_stated_business_need_is_advisory():
    assert verdicts({**PARTNER, "sharing.provision_need": "需要"}, NO_SHARE) == ["advisory"]


def test_provision_unanswered_falls_to_the_engine():
    answers = {"scope.third_parties": "yes", "sharing.recipients": ["recipient"]}
    f = only(answers, PROVISION)
    assert f.rule == "completeness"
    assert verdicts(answers, NO_SHARE) == [rec(NO_SHARE, "gap")]  # completeness: not answered yet


def test_statutory_reporting_to_state_organs():
    answers = {"scope.third_parties": "yes", "sharing.recipients": ["authority"],
               "sharing.authority_basis": "依据《旅馆业治安管理办法》上传住客身份信息和核验照片至公安旅馆业系统。"}
    assert verdicts(answers, PROVISION) == ["compliant"]
    assert verdicts(answers, NO_SHARE) == ["compliant"]
    assert verdicts({**answers, "sharing.authority_basis": "按要求"}, PROVISION) == ["gap"]


AUTHORITY = {"scope.third_parties": "yes", "sharing.recipients": ["authority"], "scope.off_device": "yes",
             "sharing.authority_basis": "依据《旅馆业治安管理办法》上传住客身份信息和核验照片至公安旅馆业系统。"}


def test_state_organs_explained_as_a_legal_duty_when_so_recorded():
    for basis in ("law", None):
        f = only({**AUTHORITY, "storage.offdevice_basis": basis}, PROVISION)
        assert f.verdict == "compliant"
        assert "legal duty, which needs no consent" in f.explanation.en


def test_state_organs_explained_by_consent_when_the_provision_is_recorded_as_consent_based():
    """The Storage section records facial information leaving the device on separate consent: the finding must
    not say the reporting needs no consent."""
    f = only({**AUTHORITY, "storage.offdevice_basis": "separate_consent"}, PROVISION)
    assert f.verdict == "compliant"
    assert "needs no consent" not in f.explanation.en and "不需要同意" not in f.explanation.zh
    assert "separate consent" in f.explanation.en and "withdraws" in f.explanation.en
    assert "record that provision consistently" in f.action.en
    assert "storage.offdevice_basis" in f.questions
    # The provision consent answer (asked when there is also a recipient) is read the same way.
    answers = {**PARTNER, "sharing.recipients": ["recipient", "authority"],
               "sharing.authority_basis": AUTHORITY["sharing.authority_basis"]}
    found = findings(answers, PROVISION)
    assert [f.verdict for f in found] == ["compliant", "compliant"]
    assert any("resting on the person's separate consent" in f.explanation.en for f in found)
    # Either record naming a law wins over a consent answer elsewhere: the legal-duty wording stays.
    found = findings({**answers, "scope.off_device": "yes", "storage.offdevice_basis": "law"}, PROVISION)
    f = next(f for f in found if "State organs" in f.explanation.en)
    assert "legal duty, which needs no consent" in f.explanation.en


def test_partner_and_state_organs_each_get_a_finding():
    answers = {**PARTNER, "sharing.recipients": ["recipient", "authority", "entrusted"],
               "sharing.authority_basis": "按要求"}
    assert sorted(verdicts(answers, PROVISION)) == ["compliant", "gap"]


# --- public disclosure (Art. 25, GB/T 35273 9.4 f) -------------------------------------------------------


DETAIL = "在门店荣誉墙展示获奖员工照片，员工本人书面单独同意，展示一年后撤下。"


@pytest.mark.parametrize("value,detail,pipl,gbt", [
    ("not_disclosed", None, "compliant", "compliant"),
    ("with_consent", DETAIL, "compliant", "advisory"),
    ("with_consent", None, "advisory", "advisory"),
    ("legal_duty", DETAIL, "compliant", "advisory"),
    ("legal_duty", "依法", "gap", "gap"),
    ("without_consent", DETAIL, "gap", "gap"),
])
def test_public_disclosure(value, detail, pipl, gbt):
    answers = {"sharing.public_disclosure": value, "sharing.disclosure_detail": detail}
    assert verdicts(answers, "PIPL-25-NO-PUBLIC-DISCLOSURE") == [pipl]
    assert verdicts(answers, "GBT35273-9.4F-NO-DISCLOSURE") == [rec("GBT35273-9.4F-NO-DISCLOSURE", gbt)]


def test_disclosure_is_never_prohibited_outright():
    answers = {"sharing.public_disclosure": "without_consent"}
    assert "prohibited" not in verdicts(answers, "GBT35273-9.4F-NO-DISCLOSURE")


# --- transfers abroad (Arts. 38, 39) ------------------------------------------------------------------------


ABROAD = {
    "scope.cross_border": "yes",
    "sharing.xborder_details": "境外总部（新加坡）安全团队远程访问门禁系统的比对日志，用于集团安全事件调查。",
    "sharing.xborder_volume": "sensitive_under_10k",
    "sharing.xborder_mechanism": "standard_contract",
    "sharing.xborder_mechanism_ref": "标准合同已于2026年3月向省网信办备案，备案编号2026-0001",
    "sharing.xborder_recipient_measures": ["contract_terms", "due_diligence", "monitoring"],
    "sharing.xborder_notice_consent": "notice_and_consent",
}


def test_transfer_with_standard_contract_is_compliant():
    for ob in XBORDER:
        assert verdicts(ABROAD, ob) == ["compliant"], ob


@pytest.mark.parametrize("change,expected", [
    ({"sharing.xborder_mechanism": "none"}, "gap"),
    ({"sharing.xborder_volume": "sensitive_10k_plus"}, "gap"),
    ({"sharing.xborder_volume": "cii", "sharing.xborder_mechanism": "certification"}, "gap"),
    ({"sharing.xborder_volume": "sensitive_10k_plus", "sharing.xborder_mechanism": "security_assessment"},
     "compliant"),
    ({"sharing.xborder_mechanism_ref": None}, "advisory"),
    ({"sharing.xborder_mechanism": "exemption"}, "advisory"),
    ({"sharing.xborder_mechanism": "exemption", "sharing.xborder_mechanism_ref": ""}, "gap"),
])
def test_transfer_mechanism_paths(change, expected):
    assert verdicts({**ABROAD, **change}, XBORDER[0]) == [expected]


def test_transfer_mechanism_waits_for_the_scale():
    f = only({**ABROAD, "sharing.xborder_volume": None}, XBORDER[0])
    assert f.rule == "completeness"


@pytest.mark.parametrize("measures,expected", [
    (["contract_terms", "due_diligence"], "advisory"),
    (["contract_terms"], "gap"),
    (["monitoring"], "gap"),
    (["none"], "gap"),
])
def test_recipient_standard(measures, expected):
    assert verdicts({**ABROAD, "sharing.xborder_recipient_measures": measures}, XBORDER[1]) == [expected]


@pytest.mark.parametrize("value,expected", [
    ("notice_other_basis", "advisory"), ("notice_only", "gap"), ("no_notice", "gap"),
])
def test_transfer_notice_and_consent(value, expected):
    assert verdicts({**ABROAD, "sharing.xborder_notice_consent": value}, XBORDER[2]) == [expected]
