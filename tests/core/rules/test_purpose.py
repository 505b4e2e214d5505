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


def test_least_impact_1toN_for_verification_is_advisory():
    answers = with_(scope__frt_mode="identify_1ton", purpose__least_impact_measures=["on_device", "delete_raw"])
    assert verdicts(answers, "FRM-04-LEAST-IMPACT") == ["advisory"]
    # 1:N for access control is a design choice to be argued, not flagged by itself.
    answers["purpose.categories"] = ["access_control"]
    assert verdicts(answers, "FRM-04-LEAST-IMPACT") == ["compliant"]


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
