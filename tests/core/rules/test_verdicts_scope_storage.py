"""Issue 10, items 2, 4 and 6, on the realistic example files with answers changed.

2. A re-assessment of a system whose first PIPIA preceded go-live is not "assessed late" (FRM-09-PIPIA-BEFORE,
   PIPL-55-PIPIA-TRIGGERS).
4. When the Measures do not apply (Art. 2: R&D or algorithm training only) the output does not contradict itself.
6. Storage and transmission are judged apart (Measures Art. 8), and the national online identity authentication
   service has a role of its own (PIPL Arts. 21, 23).
"""

from pathlib import Path

import pytest

from pia_wizard.core.bank import default_bank
from tests.core.helpers import evaluated, example

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
BEFORE = "FRM-09-PIPIA-BEFORE"
P55 = "PIPL-55-PIPIA-TRIGGERS"
LOCAL = "FRM-08-LOCAL-STORAGE"
NET = "FRM-08-NO-INTERNET-TRANSFER"
PROVISION = "PIPL-23-PROVISION-NOTICE-CONSENT"
ENTRUST = "PIPL-21-ENTRUST-CONTRACT-SUPERVISE"


def only(data: dict, obligation: str):
    found = [f for f in evaluated(data).findings if f.obligation == obligation]
    assert len(found) == 1, found
    return found[0]


def by_obligation(data: dict, obligation: str):
    return [f for f in evaluated(data).findings if f.obligation == obligation]


# --------------------------------------------------------------- item 2: a re-assessment is not late


# The residential gate went live on 2026-03-16. Suppose this is its periodic review and the first PIPIA was
# signed two weeks before the first enrolment.
PERIODIC = dict(
    scope__prior_pipia="yes",
    scope__prior_pipia_ref="恒安物业 PIA-2026-001 v1",
    scope__prior_pipia_date="2026-03-02",
    scope__first_processing_date="2026-03-16",
    conclusion__reason=["periodic"],
    conclusion__previous_report="恒安物业 PIA-2026-001 v1，2026-03-02签署",
    conclusion__previous_actions="partly",
)


@pytest.mark.parametrize("obligation", [BEFORE, P55])
def test_periodic_review_after_a_timely_first_pipia_is_compliant(obligation):
    f = only(example("residential-gate", **PERIODIC), obligation)
    assert f.verdict == "compliant", f
    assert "re-assessment" in f.explanation.en and "PIA-2026-001 v1 of 2026-03-02" in f.explanation.en
    assert "本次为重新评估" in f.explanation.zh and "2026-03-02签署" in f.explanation.zh
    assert "started before" not in f.explanation.en and "Processing has started" not in f.explanation.en
    assert f.action is None
    assert {"scope.started", "scope.prior_pipia", "scope.prior_pipia_ref", "scope.prior_pipia_date",
            "scope.first_processing_date"} <= set(f.questions)


@pytest.mark.parametrize("obligation", [BEFORE, P55])
def test_live_system_never_assessed_before_is_a_gap(obligation):
    f = only(example("residential-gate"), obligation)  # the example: live since March, first assessment now
    assert f.verdict == "gap"
    assert "without an impact assessment beforehand" in f.explanation.en
    assert "开始前没有进行个人信息保护影响评估" in f.explanation.zh
    assert f.action is not None


@pytest.mark.parametrize("obligation", [BEFORE, P55])
def test_earlier_assessment_not_confirmed_is_a_gap(obligation):
    f = only(example("school-canteen", scope__prior_pipia="unknown"), obligation)
    assert f.verdict == "gap" and "Not confirmed" in f.explanation.en and "尚未确认" in f.explanation.zh


@pytest.mark.parametrize("obligation", [BEFORE, P55])
def test_first_pipia_signed_after_the_first_enrolment_is_a_gap(obligation):
    f = only(example("residential-gate", **{**PERIODIC, "scope__prior_pipia_date": "2026-04-10"}), obligation)
    assert f.verdict == "gap"
    assert "signed on 2026-04-10, after facial information was first collected on 2026-03-16" in f.explanation.en


def test_prior_pipia_claimed_while_the_reason_says_first_assessment_is_inconsistent():
    f = only(example("residential-gate", **{**PERIODIC, "conclusion__reason": ["initial"]}), BEFORE)
    assert f.verdict == "advisory" and "disagree" in f.explanation.en
    assert "conclusion.reason" in f.questions


def test_prior_pipia_questions_follow_only_when_processing_has_started():
    bank = default_bank()
    hotel = example("hotel-checkin")  # not live yet
    shown = bank.visible(hotel["answers"])
    assert not shown["scope.prior_pipia"]
    assert only(hotel, BEFORE).verdict == "compliant"
    shown = bank.visible(example("residential-gate", **PERIODIC)["answers"])
    assert all(shown[q] for q in ("scope.prior_pipia", "scope.prior_pipia_ref", "scope.prior_pipia_date",
                                  "scope.first_processing_date"))


def test_missing_reference_or_dates_fall_to_the_engine_as_not_answered():
    f = only(example("residential-gate", **{**PERIODIC, "scope__first_processing_date": None}), BEFORE)
    assert f.verdict == "gap" and f.rule == "completeness" and f.questions == ("scope.first_processing_date",)


def test_a_re_assessed_system_is_still_treated_as_live_by_the_conclusion_rules():
    # conclusion.decision reads scope.started: a periodic review of a live system is still a live system.
    data = example("residential-gate", **PERIODIC, conclusion__decision="do_not_proceed")
    found = by_obligation(data, "GBT35273-11.4E-REPORT-ACCEPTABLE-RISK")
    assert any("already live" in f.explanation.en and "scope.started" in f.questions for f in found), found


# --------------------------------------------------------------- item 4: the R&D-only track is coherent


RND = dict(scope__rnd_only="yes")


def test_rnd_only_scope_gate_does_not_say_the_measures_apply():
    f = only(example("hotel-checkin", **RND), "FRM-02-SCOPE")
    assert f.verdict == "not_applicable"
    assert "so the Measures apply" not in f.explanation.en and "《办法》适用" not in f.explanation.zh
    assert "do not apply" in f.explanation.en and "不适用" in f.explanation.zh
    assert "research and development or algorithm training" in f.explanation.en


def test_rnd_only_frt_definition_is_not_applicable_and_the_mode_is_not_asked():
    f = only(example("hotel-checkin", **RND), "FRM-19-DEF-FRT")
    assert f.verdict == "not_applicable"
    assert "which is FRT under the Measures" not in f.explanation.en and "by Both" not in f.explanation.en


def test_rnd_only_hides_the_live_verification_questions():
    shown = default_bank().visible(example("hotel-checkin", **RND)["answers"])
    for qid in ("scope.frt_mode", "purpose.categories", "purpose.other_uses", "purpose.alternatives_considered",
                "purpose.nonface_comparison", "alternatives.offered"):
        assert not shown[qid], qid
    # the PIPL track stays
    for qid in ("purpose.description", "purpose.necessity", "purpose.protection_measures",
                "alternatives.refusal_consequences", "consent.basis"):
        assert shown[qid], qid


def test_rnd_only_every_finding_that_remains_speaks_pipl_only():
    ev = evaluated(example("hotel-checkin", **RND))
    assert not ev.measures_apply
    for f in ev.findings:
        if f.obligation.startswith(("FRM-", "FILING-")):
            assert f.verdict == "not_applicable", f
            continue
        # no obligation is left to "review by hand" because a hidden question fed its rule
        assert not (f.rule == "completeness" and f.verdict == "advisory"), f
        for text in (f.explanation, f.action):
            if text is not None and f.verdict != "not_applicable":
                assert "《办法》第" not in text.zh and "Measures Art" not in text.en, f


def test_rnd_only_pipl28_points_at_no_measures_finding():
    f = only(example("hotel-checkin", **RND, purpose__necessity="需要"), "PIPL-28-CONDITIONS")
    assert f.verdict == "gap" and "sufficient necessity is not shown" in f.explanation.en
    assert "Measures Art. 4" not in f.explanation.en and "《办法》第四条" not in f.explanation.zh
    f = only(example("hotel-checkin", **RND), "PIPL-28-CONDITIONS")
    assert f.verdict == "compliant" and "research and development or algorithm training" in f.explanation.en


@pytest.mark.parametrize("obligation", ["GBT41819-PURPOSE-ID-ONLY", "GBT41819-NO-EVALUATION",
                                        "GBT41819-ALTERNATIVE"])
def test_rnd_only_identification_recommendations_say_why_they_do_not_fit(obligation):
    f = only(example("hotel-checkin", **RND), obligation)
    assert f.verdict == "not_applicable" and "research and development or algorithm training" in f.explanation.en
    assert "研发或算法训练" in f.explanation.zh


def test_live_use_keeps_the_frt_definition_with_plain_wording():
    f = only(example("hotel-checkin", scope__frt_mode="both"), "FRM-19-DEF-FRT")
    assert f.verdict == "compliant"
    assert "by both 1:1 verification and 1:N identification" in f.explanation.en
    assert "1:1验证和1:N辨识" in f.explanation.zh


# --------------------------------------------------------------- item 6: storage vs transmission


# A hotel kiosk that sends the live image to the national online identity authentication service for comparison
# and keeps it nowhere.
NATIONAL_ROWS = [
    {"item": "capture_image", "location": "not_stored", "retention_days": 0, "deletion_trigger": "after_use",
     "required_by_law": "no", "reason": "现场图像发送到国家网络身份认证公共服务比对后即删除，终端和本单位都不留存。",
     "deletion_verified": "yes"},
    {"item": "match_log", "location": "local_server", "retention_days": 30, "deletion_trigger": "fixed_period",
     "required_by_law": "no", "reason": "比对结果（一致/不一致）用于入住对账，30天后删除。",
     "deletion_verified": "yes"},
]
NATIONAL = dict(
    storage__retention=NATIONAL_ROWS,
    storage__kept_off_device="no",
    storage__internet_transfer="yes",
    storage__offdevice_basis="separate_consent",
    storage__internet_consent="covers_internet",
    storage__offdevice_consent=None,
    sharing__recipients=["entrusted", "national_service"],
    sharing__national_service_flow="住客在终端上自行发起核验，终端把现场人脸图像和网号经加密通道发送到国家网络身份认证公共服务，"
                                   "只返回“一致/不一致”，本单位不保存该图像。",
    sharing__national_service_notice="yes",
)


def test_image_only_sent_for_comparison_is_not_stored_outside_the_device():
    f = only(example("hotel-checkin", **NATIONAL), LOCAL)
    assert f.verdict == "compliant"
    assert "stored outside the device" not in f.explanation.en
    assert "only in transit" in f.explanation.en and "只在传输时离开设备" in f.explanation.zh


def test_the_transmission_is_still_judged_under_the_internet_half():
    f = only(example("hotel-checkin", **NATIONAL), NET)
    assert f.verdict == "compliant" and "sent out over the internet" in f.explanation.en
    f = only(example("hotel-checkin", **{**NATIONAL, "storage__internet_consent": "not_mentioned"}), NET)
    assert f.verdict == "gap"


def test_storage_denied_but_the_table_keeps_data_off_the_device_is_a_gap():
    rows = [*NATIONAL_ROWS, {"item": "template", "location": "cloud", "deletion_trigger": "end_of_relationship",
                             "required_by_law": "no", "reason": "退房时删除。", "deletion_verified": "yes"}]
    f = only(example("hotel-checkin", **{**NATIONAL, "storage__retention": rows}), LOCAL)
    assert f.verdict == "gap" and "retention table" in f.explanation.en
    assert set(f.questions) == {"storage.kept_off_device", "storage.retention"}


def test_storage_not_confirmed_is_a_gap():
    f = only(example("hotel-checkin", storage__kept_off_device="unknown"), LOCAL)
    assert f.verdict == "gap" and "not confirmed" in f.explanation.en


def test_storage_off_the_device_keeps_the_art8_basis_test():
    f = only(example("hotel-checkin"), LOCAL)  # the example: the front-end processor holds photos until receipt
    assert f.verdict == "compliant" and "stored outside the device" in f.explanation.en


def test_the_national_service_is_neither_entrusted_nor_a_recipient():
    findings = by_obligation(example("hotel-checkin", **NATIONAL), PROVISION)
    national = [f for f in findings if "sharing.national_service_notice" in f.questions]
    assert len(national) == 1 and national[0].verdict == "compliant"
    f = national[0]
    assert "not an entrusted party" in f.explanation.en and "not a recipient" in f.explanation.en
    assert "No separate consent to provision" in f.explanation.en
    assert "国家网络身份认证公共服务" in f.explanation.zh and "不需要就“向他人提供”取得单独同意" in f.explanation.zh
    share = only(example("hotel-checkin", **NATIONAL), "GBT35273-9.2I-SHARE-NOTICE-CONSENT")
    assert share.verdict == "not_applicable" and "not sharing or transfer" in share.explanation.en


def test_the_transfer_to_the_national_service_must_be_in_the_notice():
    data = example("hotel-checkin", **{**NATIONAL, "sharing__national_service_notice": "no"})
    national = [f for f in by_obligation(data, PROVISION) if "sharing.national_service_notice" in f.questions]
    assert [f.verdict for f in national] == ["gap"]
    assert "the notice does not say" in national[0].explanation.en and "Arts. 17 and 23" in national[0].explanation.en


def test_national_service_alone_makes_entrusted_processing_not_applicable_and_says_why():
    data = example("hotel-checkin", **{**NATIONAL, "sharing__recipients": ["national_service"]})
    f = only(data, ENTRUST)
    assert f.verdict == "not_applicable" and "not an entrusted party" in f.explanation.en
    assert [f.verdict for f in by_obligation(data, PROVISION)] == ["compliant"]
    assert only(data, "GBT35273-9.2I-NO-SHARE-TRANSFER").explanation.en.startswith(
        "There is only comparison through the national online identity authentication service")


def test_national_service_questions_unanswered_are_reported():
    data = example("hotel-checkin", **{**NATIONAL, "sharing__national_service_notice": None})
    national = [f for f in by_obligation(data, PROVISION) if f.questions == ("sharing.national_service_notice",)]
    assert [f.verdict for f in national] == ["gap"] and "does not answer" in national[0].explanation.en
