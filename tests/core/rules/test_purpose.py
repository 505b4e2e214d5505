"""Purpose rules: Measures Art. 4, PIPL Art. 28, GB/T 41819 good practice."""

from __future__ import annotations

import pytest

from pia_wizard.core.rules.purpose import substance
from tests.core.helpers import findings, verdicts

GOOD = {
    "scope.in_prc": "yes",
    "scope.rnd_only": "no",
    "scope.frt_mode": "verify_1to1",
    "purpose.categories": ["identity_verification"],
    "purpose.description": "住客办理入住时，将现场人脸与身份证芯片照片1:1比对，确认持证人为本人后登记入住。",
    "purpose.other_uses": ["none"],
    "purpose.necessity": "过去一年发生多起冒用他人身份证入住的事件，夜班人工核对照片准确率低，须确认人证一致。",
    "purpose.alternatives_considered": ["manual_check", "id_document"],
    "purpose.alternatives_rejected": "人工比对照片在夜班时准确率低；读卡只能证明证件真实，不能证明持证人是本人。",
    "purpose.nonface_comparison": "more_secure",
    "purpose.least_impact_measures": ["one_to_one", "on_device", "delete_raw"],
    "purpose.least_impact_reason": "只做1:1比对，比对在前台终端本地完成，比对后立即删除现场图像，不建立人脸库。",
    "purpose.protection_measures": ["encryption", "access_control", "audit_log", "internal_rules", "incident_plan"],
}
GENERIC = "为了提升服务质量和管理效率，实现智能化管理"


def with_(**changes):
    answers = dict(GOOD)
    for key, value in changes.items():
        answers[key.replace("__", ".")] = value
    return answers


# --- helpers --------------------------------------------------------------------------------------------


def test_substance_strips_stock_phrases():
    assert substance(GENERIC) < 12
    assert substance("To improve service quality and management efficiency") < 12
    assert substance(GOOD["purpose.description"]) >= 12
    assert substance("Compare the guest's live face 1:1 with the ID-card chip photo at check-in") >= 12


# --- FRM-04-PURPOSE --------------------------------------------------------------------------------------


def test_purpose_compliant():
    assert verdicts(GOOD, "FRM-04-PURPOSE") == ["compliant"]


@pytest.mark.parametrize("text", [GENERIC, "无", "门禁", "For security and management purposes."])
def test_purpose_generic_or_thin_is_gap(text):
    assert verdicts(with_(purpose__description=text), "FRM-04-PURPOSE") == ["gap"]


def test_purpose_extra_use_without_reason_is_gap():
    answers = with_(purpose__other_uses=["marketing"], purpose__other_uses_reason="营销需要")
    assert verdicts(answers, "FRM-04-PURPOSE") == ["gap"]
    [f] = findings(answers, "FRM-04-PURPOSE")
    assert "营销推送或广告" in f.explanation.zh


def test_purpose_extra_use_with_reason_is_compliant():
    answers = with_(purpose__other_uses=["marketing"],
                    purpose__other_uses_reason="会员到店时识别身份并推送其本人订阅的优惠，已在告知中写明并取得会员单独同意。")
    assert verdicts(answers, "FRM-04-PURPOSE") == ["compliant"]


def test_purpose_waits_for_the_shown_reason():
    answers = with_(purpose__other_uses=["marketing"])
    [f] = findings(answers, "FRM-04-PURPOSE")
    assert f.rule == "completeness" and f.verdict == "gap"
    assert "purpose.other_uses_reason" in f.questions


def test_purpose_unanswered_is_left_to_completeness():
    answers = with_(purpose__description=None)
    [f] = findings(answers, "FRM-04-PURPOSE")
    assert f.rule == "completeness"


def test_purpose_hidden_reason_is_ignored():
    # The reason question is hidden when there are no extra uses; a stale answer must not count.
    answers = with_(purpose__other_uses_reason="无")
    assert verdicts(answers, "FRM-04-PURPOSE") == ["compliant"]


# --- FRM-04-NECESSITY ------------------------------------------------------------------------------------


def test_necessity_compliant():
    assert verdicts(GOOD, "FRM-04-NECESSITY") == ["compliant"]


@pytest.mark.parametrize("changes", [
    {"purpose__necessity": "提升效率"},
    {"purpose__alternatives_considered": ["none_considered"]},
    {"purpose__alternatives_rejected": "不方便"},
    {"purpose__nonface_comparison": "neither"},
    {"purpose__nonface_comparison": "not_compared"},
])
def test_necessity_gaps(changes):
    assert verdicts(with_(**changes), "FRM-04-NECESSITY") == ["gap"]


def test_necessity_unanswered():
    [f] = findings(with_(purpose__nonface_comparison=None), "FRM-04-NECESSITY")
    assert f.rule == "completeness"


# --- GBT41819-ONLY-IF-NEEDED (data check) ----------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    ("more_secure", "compliant"), ("more_convenient", "compliant"), ("both", "compliant"),
    ("neither", "advisory"), ("not_compared", "advisory"),
])
def test_only_if_needed(value, expected):
    assert verdicts(with_(purpose__nonface_comparison=value), "GBT41819-ONLY-IF-NEEDED") == [expected]


# --- FRM-04-LEAST-IMPACT ---------------------------------------------------------------------------------


def test_least_impact_compliant():
    assert verdicts(GOOD, "FRM-04-LEAST-IMPACT") == ["compliant"]


def test_least_impact_no_measures_is_gap():
    assert verdicts(with_(purpose__least_impact_measures=["none"]), "FRM-04-LEAST-IMPACT") == ["gap"]


def test_least_impact_no_reason_is_gap():
    assert verdicts(with_(purpose__least_impact_reason="影响最小"), "FRM-04-LEAST-IMPACT") == ["gap"]


def test_least_impact_1toN_over_an_unlimited_gallery_is_gap():
    """1:N where 1:1 would serve, over a gallery neither limited to volunteers nor to the people needed, with
    matching off the device: clearly not the least-impact way, whatever is ticked otherwise."""
    answers = with_(scope__frt_mode="identify_1ton", purpose__categories=["access_control"],
                    purpose__least_impact_measures=["limited_area", "active_trigger"])
    [f] = findings(answers, "FRM-04-LEAST-IMPACT")
    assert f.verdict == "gap"
    assert "1:1 verification" in f.explanation.en and "neither limited to volunteers" in f.explanation.en
    assert "scope.frt_mode" in f.questions


def test_least_impact_1toN_with_some_limits_is_advisory():
    # On-device matching, but a gallery of people who did not all choose face recognition.
    answers = with_(scope__frt_mode="identify_1ton", purpose__categories=["access_control"],
                    purpose__least_impact_measures=["on_device", "delete_raw"])
    [f] = findings(answers, "FRM-04-LEAST-IMPACT")
    assert f.verdict == "advisory"
    assert "did not all choose" in f.explanation.en
    # A gallery of volunteers: 1:N for access control is a design choice to be argued, not flagged.
    answers["purpose.least_impact_measures"] = ["on_device", "delete_raw", "voluntary_enrolment"]
    assert verdicts(answers, "FRM-04-LEAST-IMPACT") == ["compliant"]
    # ...but 1:N for nothing more than an identity check still is.
    answers["purpose.categories"] = ["identity_verification"]
    assert verdicts(answers, "FRM-04-LEAST-IMPACT") == ["advisory"]
    # Purposes that need identification (a watchlist) are not "verification would do".
    answers = with_(scope__frt_mode="identify_1ton", purpose__categories=["watchlist"],
                    purpose__least_impact_measures=["on_device", "delete_raw"])
    assert verdicts(answers, "FRM-04-LEAST-IMPACT") == ["compliant"]


def test_least_impact_consent_basis_without_voluntary_enrolment_is_gap():
    base = with_(scope__frt_mode="identify_1ton", purpose__categories=["watchlist"],
                 purpose__least_impact_measures=["on_device", "templates_only", "small_gallery"])
    assert verdicts(base, "FRM-04-LEAST-IMPACT") == ["compliant"]
    [f] = findings({**base, "consent.basis": "consent"}, "FRM-04-LEAST-IMPACT")
    assert f.verdict == "gap" and "not each person's own choice" in f.explanation.en
    assert "consent.basis" in f.questions
    base["purpose.least_impact_measures"] = [*base["purpose.least_impact_measures"], "voluntary_enrolment"]
    assert verdicts({**base, "consent.basis": "consent"}, "FRM-04-LEAST-IMPACT") == ["compliant"]
    # Another legal basis: voluntary enrolment is not what makes the design lawful.
    assert verdicts({**base, "consent.basis": "legal_duty"}, "FRM-04-LEAST-IMPACT") == ["compliant"]
    # 1:1 against the ID photo, no stored gallery: nothing to enrol, so nothing to volunteer for.
    assert verdicts({**GOOD, "consent.basis": "consent"}, "FRM-04-LEAST-IMPACT") == ["compliant"]


def test_least_impact_off_device_without_minimising_is_advisory():
    measures = ["one_to_one", "active_trigger", "limited_area"]
    answers = with_(scope__off_device="yes", purpose__least_impact_measures=measures)
    [f] = findings(answers, "FRM-04-LEAST-IMPACT")
    assert f.verdict == "advisory" and "outside the device" in f.explanation.en
    for minimiser in ("on_device", "templates_only", "delete_raw"):
        ok = with_(scope__off_device="yes", purpose__least_impact_measures=[*measures, minimiser])
        assert verdicts(ok, "FRM-04-LEAST-IMPACT") == ["compliant"], minimiser
    assert verdicts(with_(scope__off_device="no", purpose__least_impact_measures=measures),
                    "FRM-04-LEAST-IMPACT") == ["compliant"]


def row(item, location, days=None, trigger="fixed_period"):
    return {"item": item, "location": location, "retention_days": days, "deletion_trigger": trigger}


def test_least_impact_kept_face_images_are_named():
    answers = with_(**{"storage.retention": [row("enrolment_photo", "cloud", trigger="manual"),
                                             row("match_log_image", "local_server", 30),
                                             row("template", "cloud", trigger="end_of_relationship")]})
    [f] = findings(answers, "FRM-04-LEAST-IMPACT")
    assert f.verdict == "advisory"
    assert "gallery photos (in the cloud or on a third-party platform, until cleared by hand)" in f.explanation.en
    assert "match logs with face images (on a local server, 30 days)" in f.explanation.en
    assert "人脸底库照片（云端或第三方平台，人工清理）" in f.explanation.zh
    assert "storage.retention" in f.questions


@pytest.mark.parametrize("rows", [
    [row("capture_image", "not_stored", 0, "after_use")],
    [row("capture_image", "device", 7)],                              # short fixed period on the device
    [row("enrolment_photo", "device", 0, "after_use")],               # deleted once the template is made
    [row("match_log_image", "cloud", 0, "after_use")],
    [row("template", "cloud", trigger="end_of_relationship"), row("match_log", "cloud", 180)],
])
def test_least_impact_images_not_kept_are_not_flagged(rows):
    assert verdicts(with_(**{"storage.retention": rows}), "FRM-04-LEAST-IMPACT") == ["compliant"]


def test_least_impact_image_on_device_without_time_limit_is_flagged():
    answers = with_(**{"storage.retention": [row("capture_image", "device", trigger="never")]})
    assert verdicts(answers, "FRM-04-LEAST-IMPACT") == ["advisory"]


@pytest.mark.parametrize("reason", [
    "现有设计不是对个人权益影响最小的方式：注册照存放在云端，登记并非自愿，抓拍照保存180天。",
    "The current design is not the least-impact way: gallery photos sit in the cloud and enrolment is forced.",
])
def test_least_impact_own_reason_saying_not_least_impact_is_gap(reason):
    [f] = findings(with_(purpose__least_impact_reason=reason), "FRM-04-LEAST-IMPACT")
    assert f.verdict == "gap" and "own reasoning" in f.explanation.en


def test_least_impact_residential_gate_pattern_is_gap_with_every_reason():
    """The residential-gate example: 1:N, cloud, raw photos, enrolment not voluntary, only limited_area."""
    answers = with_(
        scope__frt_mode="identify_1ton", scope__off_device="yes", purpose__categories=["access_control"],
        purpose__least_impact_measures=["limited_area"],
        purpose__least_impact_reason="现有设计不是对个人权益影响最小的方式：采用1:N辨识，人脸库和注册照存放在云端，"
                                     "抓拍照保存180天，登记并非自愿。",
        **{"consent.basis": "consent",
           "storage.retention": [row("enrolment_photo", "cloud", trigger="manual"),
                                 row("match_log_image", "cloud", 180)]})
    [f] = findings(answers, "FRM-04-LEAST-IMPACT")
    assert f.verdict == "gap"
    for part in ("1:1 verification", "not each person's own choice", "outside the device", "gallery photos",
                 "own reasoning"):
        assert part in f.explanation.en, part


def test_least_impact_decides_before_the_later_sections_are_answered():
    """The consent basis and retention table come later; until they are answered the rule judges what it has
    (it does not wait), and it still yields nothing while its own questions are unanswered."""
    answers = with_(scope__frt_mode="identify_1ton", purpose__categories=["access_control"],
                    purpose__least_impact_measures=["limited_area"])
    assert verdicts(answers, "FRM-04-LEAST-IMPACT") == ["gap"]
    assert verdicts(with_(**{"storage.retention": None, "consent.basis": None}), "FRM-04-LEAST-IMPACT") == \
        ["compliant"]
    [f] = findings(with_(purpose__least_impact_measures=None), "FRM-04-LEAST-IMPACT")
    assert f.rule == "completeness"


def test_least_impact_unanswered():
    [f] = findings(with_(purpose__least_impact_reason=None), "FRM-04-LEAST-IMPACT")
    assert f.rule == "completeness"


# --- FRM-04-STRICT-PROTECTION ----------------------------------------------------------------------------


def test_protection_compliant():
    assert verdicts(GOOD, "FRM-04-STRICT-PROTECTION") == ["compliant"]


@pytest.mark.parametrize("measures", [["none"], ["access_control", "audit_log"], ["encryption"]])
def test_protection_gaps(measures):
    assert verdicts(with_(purpose__protection_measures=measures), "FRM-04-STRICT-PROTECTION") == ["gap"]


def test_protection_incomplete_is_advisory():
    answers = with_(purpose__protection_measures=["encryption", "access_control"])
    assert verdicts(answers, "FRM-04-STRICT-PROTECTION") == ["advisory"]


# --- PIPL-28-CONDITIONS ----------------------------------------------------------------------------------


def test_pipl28_compliant():
    assert verdicts(GOOD, "PIPL-28-CONDITIONS") == ["compliant"]


@pytest.mark.parametrize("changes", [
    {"purpose__description": GENERIC},
    {"purpose__necessity": "无"},
    {"purpose__protection_measures": ["audit_log"]},
])
def test_pipl28_each_condition(changes):
    assert verdicts(with_(**changes), "PIPL-28-CONDITIONS") == ["gap"]


def test_pipl28_evaluation_use_is_gap_even_when_explained():
    answers = with_(purpose__other_uses=["work_performance"],
                    purpose__other_uses_reason="根据员工打卡时的面部表情分析疲劳和情绪，用于排班参考，已告知员工。")
    assert verdicts(answers, "FRM-04-PURPOSE") == ["compliant"]
    assert verdicts(answers, "PIPL-28-CONDITIONS") == ["gap"]


def test_pipl28_waits_for_all_inputs():
    [f] = findings(with_(purpose__protection_measures=None), "PIPL-28-CONDITIONS")
    assert f.rule == "completeness"


# --- GB/T 41819 purpose checks ---------------------------------------------------------------------------


def test_identity_only_and_no_evaluation_compliant():
    assert verdicts(GOOD, "GBT41819-PURPOSE-ID-ONLY") == ["compliant"]
    assert verdicts(GOOD, "GBT41819-NO-EVALUATION") == ["compliant"]


def test_non_identity_use_is_advisory_not_evaluation():
    answers = with_(purpose__other_uses=["demographics"], purpose__other_uses_reason="x" * 40)
    assert verdicts(answers, "GBT41819-PURPOSE-ID-ONLY") == ["advisory"]
    assert verdicts(answers, "GBT41819-NO-EVALUATION") == ["compliant"]


@pytest.mark.parametrize("use", ["work_performance", "health", "preferences", "economic_status"])
def test_evaluation_uses_are_advisory(use):
    answers = with_(purpose__other_uses=[use])
    assert verdicts(answers, "GBT41819-NO-EVALUATION") == ["advisory"]
    assert verdicts(answers, "GBT41819-PURPOSE-ID-ONLY") == ["advisory"]


def test_analysis_only_mode_is_advisory_for_identity_only():
    assert verdicts(with_(scope__frt_mode="analysis_only"), "GBT41819-PURPOSE-ID-ONLY") == ["advisory"]


def test_other_uses_unanswered():
    answers = with_(purpose__other_uses=None)
    assert [f.rule for f in findings(answers, "GBT41819-NO-EVALUATION")] == ["completeness"]
    assert [f.rule for f in findings(answers, "GBT41819-PURPOSE-ID-ONLY")] == ["completeness"]
