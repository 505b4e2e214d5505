"""Storage, transmission and retention: Measures Art. 8; PIPL Art. 47; GB/T 35273 6.1, 6.3; GB/T 41819."""

import pytest

from tests.core.helpers import findings, rec, verdicts
from tests.core.rules.test_minors import assert_always_decided

LOCAL = "FRM-08-LOCAL-STORAGE"
NET = "FRM-08-NO-INTERNET-TRANSFER"
SHORT = ("FRM-08-SHORTEST-RETENTION", "GBT35273-6.1-SHORTEST-STORAGE")
DELETE = "PIPL-47-DELETE"
DELETE_GBT = "GBT35273-6.1-DELETE-OR-ANONYMISE"
RESTRICT = "PIPL-47-RESTRICT-IF-NOT-DELETABLE"
RAW = ("GBT35273-6.3C-NO-RAW-STORAGE", "GBT35273-6.3C-DELETE-RAW-IMAGES", "GBT41819-DELETE-IMAGES")
LOC = "GBT41819-LOCALISATION"

CAPTURE_GONE = {"item": "capture_image", "location": "not_stored", "retention_days": 0,
                "deletion_trigger": "after_use", "deletion_verified": "yes"}
TEMPLATE = {"item": "template", "location": "device", "deletion_trigger": "end_of_relationship",
            "deletion_verified": "yes"}
LOG = {"item": "match_log", "location": "local_server", "retention_days": 90, "deletion_trigger": "fixed_period",
       "reason": "用于处理住户对通行记录的投诉，投诉期限为90天。", "deletion_verified": "yes"}
ALL_EVENTS = ["purpose_done", "service_ends", "period_expires", "consent_withdrawn", "unlawful"]
GATE = {
    "scope.deployment": "residential_access",
    "scope.off_device": "no",
    "scope.cross_border": "no",
    "storage.retention": [CAPTURE_GONE, TEMPLATE, LOG],
    "storage.deletion_events": ALL_EVENTS,
    "storage.undeletable": "no",
}
CONSENT_TEXT = "同意书单独一页，写明特征值存放在物业机房服务器并上传至门禁平台（供应商云端）。"
OFF = {
    **GATE,
    "scope.off_device": "yes",
    "storage.retention": [CAPTURE_GONE, {**TEMPLATE, "location": "cloud"}, LOG],
    "storage.internet_transfer": "yes",
    "storage.kept_off_device": "yes",
    "storage.offdevice_basis": "separate_consent",
    "storage.offdevice_consent": "covers_off_device",
    "storage.internet_consent": "covers_internet",
    "storage.why_off_device": "小区有12个出入口共用一个人脸库，须在中心服务器统一比对和下发。",
}


def one(answers, obligation):
    found = findings(answers, obligation)
    assert len(found) == 1, found
    return found[0]


def rows(*extra):
    return [CAPTURE_GONE, TEMPLATE, *extra]


# ------------------------------------------------------------------ Art. 8: on the device, no internet


@pytest.mark.parametrize("obligation", [LOCAL, NET])
def test_staying_on_the_device_is_compliant(obligation):
    f = one(GATE, obligation)
    assert f.verdict == "compliant" and f.rule == "storage.off-device"


def test_scope_says_on_device_but_table_says_cloud():
    answers = {**GATE, "storage.retention": rows({**TEMPLATE, "location": "cloud"})}
    assert verdicts(answers, LOCAL) == ["gap"]
    f = one(answers, NET)
    assert f.verdict == "gap" and "cloud or third-party platform" in f.explanation.en


def test_scope_says_on_device_but_table_says_local_server():
    answers = {**GATE, "storage.retention": rows({**TEMPLATE, "location": "local_server"})}
    assert verdicts(answers, LOCAL) == ["gap"]
    assert verdicts(answers, NET) == ["compliant"]


def test_match_logs_without_images_are_not_facial_information():
    # GATE already keeps plain match logs on a local server.
    assert verdicts(GATE, LOCAL) == ["compliant"]


@pytest.mark.parametrize("obligation", [LOCAL, NET])
def test_off_device_unknown_is_a_gap(obligation):
    f = one({"scope.off_device": "unknown"}, obligation)
    assert f.verdict == "gap" and "not confirmed" in f.explanation.en


@pytest.mark.parametrize("obligation", [LOCAL, NET])
def test_off_device_with_specific_separate_consent_is_compliant(obligation):
    assert verdicts(OFF, obligation) == ["compliant"]


@pytest.mark.parametrize("consent", ["not_mentioned", "bundled", "none"])
def test_off_device_consent_that_does_not_cover_storage_is_a_gap_for_storage_only(consent):
    answers = {**OFF, "storage.offdevice_consent": consent}
    f = one(answers, LOCAL)
    assert f.verdict == "gap" and "does not cover storage outside the device" in f.explanation.en
    assert "storage.offdevice_consent" in f.questions and "storage.internet_consent" not in f.questions
    assert verdicts(answers, NET) == ["compliant"]


@pytest.mark.parametrize("consent", ["not_mentioned", "bundled", "none"])
def test_consent_that_does_not_cover_the_internet_is_a_gap_for_the_internet_only(consent):
    # The factory case: the consent names the local server and the LAN, not the vendor's remote access.
    answers = {**OFF, "storage.internet_consent": consent}
    f = one(answers, NET)
    assert f.verdict == "gap" and "does not cover sending the data over the internet" in f.explanation.en
    assert "storage.internet_consent" in f.questions and "storage.offdevice_consent" not in f.questions
    assert "单独同意不足以支持经互联网对外传输" in f.explanation.zh
    assert verdicts(answers, LOCAL) == ["compliant"]


def test_internet_consent_is_asked_only_for_consent_and_internet_transfer():
    answers = {**OFF, "storage.retention": rows(LOG), "storage.internet_transfer": "no",
               "storage.internet_consent": "none"}  # hidden, so ignored
    assert verdicts(answers, NET) == ["compliant"]
    law = {**OFF, "storage.offdevice_basis": "law", "storage.internet_consent": "none",
           "storage.offdevice_law": "某行政法规第六条，要求将旅客登记信息上传至公安机关系统。"}
    assert verdicts(law, NET) == ["compliant"]


def test_internet_consent_unanswered_falls_to_the_engine_for_the_internet_only():
    answers = {**OFF, "storage.internet_consent": None}
    f = one(answers, NET)
    assert f.rule == "completeness" and f.questions == ("storage.internet_consent",)
    assert verdicts(answers, LOCAL) == ["compliant"]


def test_off_device_consent_contradicted_by_consent_section():
    answers = {**OFF, "consent.separate": "no"}
    for ob in (LOCAL, NET):
        f = one(answers, ob)
        assert f.verdict == "gap" and "consent part" in f.explanation.en, ob


def test_off_device_with_named_law_is_compliant():
    answers = {**OFF, "storage.offdevice_basis": "law",
               "storage.offdevice_law": "某行政法规第六条，要求将旅客登记信息上传至公安机关系统。"}
    assert verdicts(answers, LOCAL) == ["compliant"]
    assert verdicts(answers, NET) == ["compliant"]


def test_off_device_with_unnamed_law_is_a_gap():
    answers = {**OFF, "storage.offdevice_basis": "law", "storage.offdevice_law": "有规定"}
    assert verdicts(answers, LOCAL) == ["gap"]


@pytest.mark.parametrize("basis", ["none", "unsure"])
def test_off_device_without_basis_is_a_gap(basis):
    answers = {**OFF, "storage.offdevice_basis": basis}
    assert verdicts(answers, LOCAL) == ["gap"]
    assert verdicts(answers, NET) == ["gap"]


def test_local_server_without_internet_needs_a_basis_only_for_storage():
    answers = {**OFF, "storage.retention": rows({**LOG}), "storage.internet_transfer": "no",
               "storage.offdevice_basis": "none"}
    assert verdicts(answers, LOCAL) == ["gap"]
    f = one(answers, NET)
    assert f.verdict == "compliant" and "internal network" in f.explanation.en


def test_no_internet_claim_contradicted_by_cloud_row():
    answers = {**OFF, "storage.internet_transfer": "no"}
    assert verdicts(answers, NET) == ["gap"]


def test_internet_transfer_unknown_is_a_gap():
    assert verdicts({**OFF, "storage.internet_transfer": "unknown"}, NET) == ["gap"]


def test_off_device_basis_unanswered_falls_to_the_engine():
    answers = {**OFF, "storage.offdevice_basis": None}
    for ob in (LOCAL, NET):
        f = one(answers, ob)
        assert f.rule == "completeness" and "storage.offdevice_basis" in f.questions, ob


def test_off_device_consent_scope_unanswered_falls_to_the_engine():
    f = one({**OFF, "storage.offdevice_consent": None}, LOCAL)
    assert f.rule == "completeness"
    assert verdicts({**OFF, "storage.offdevice_consent": None}, NET) == ["compliant"]


# ------------------------------------------------------------------ Art. 8: shortest retention


@pytest.mark.parametrize("obligation", SHORT)
def test_purpose_bound_retention_is_compliant(obligation):
    f = one(GATE, obligation)
    assert f.verdict == "compliant" and f.rule == "storage.retention"


def test_live_images_kept_without_reason_is_a_gap():
    kept = {"item": "capture_image", "location": "device", "retention_days": 30, "deletion_trigger": "fixed_period"}
    answers = {**GATE, "storage.retention": [kept, TEMPLATE]}
    for ob in SHORT:
        f = one(answers, ob)
        assert f.verdict == rec(ob, "gap") and "kept after the verification" in f.explanation.en, ob


def test_live_images_kept_with_reason_is_advisory():
    kept = {"item": "match_log_image", "location": "device", "retention_days": 7, "deletion_trigger": "fixed_period",
            "reason": "用于处理住户对误识别的投诉，投诉一般在7天内提出。"}
    assert verdicts({**GATE, "storage.retention": rows(kept)}, SHORT[0]) == ["advisory"]


def test_other_data_with_face_images_counts_as_kept_images():
    # The factory case: screenshots from a fatigue module, kept 90 days by the vendor's default.
    shots = {"item": "other_image", "location": "local_server", "retention_days": 90,
             "deletion_trigger": "fixed_period", "reason": "疲劳检测模块的判定记录及人脸截图，按供应商默认保存90日。"}
    answers = {**GATE, "storage.retention": rows(shots)}
    f = one(answers, SHORT[0])
    assert f.verdict == "advisory" and "face images are kept after the verification" in f.explanation.en
    assert "other data with face images" in f.explanation.en
    for ob in RAW:
        f = one(answers, ob)
        assert f.verdict == "advisory" and "Row 3 (other data with face images" in f.explanation.en, ob
    # Without a reason it is a gap, like any kept live image.
    bare = {**shots, "reason": None}
    assert verdicts({**GATE, "storage.retention": rows(bare)}, SHORT[0]) == ["gap"]


def test_other_facial_information_without_images_is_not_a_raw_image():
    flags = {"item": "other", "location": "local_server", "retention_days": 90, "deletion_trigger": "fixed_period",
             "reason": "疲劳判定结果（不含图像），用于安全生产统计，按季度汇总后删除。"}
    answers = {**GATE, "storage.retention": rows(flags)}
    for ob in RAW:
        assert verdicts(answers, ob) == ["compliant"], ob
    assert verdicts(answers, SHORT[0]) == ["compliant"]


def test_period_the_assessment_finds_unnecessary_is_a_gap_whatever_the_reason():
    shots = {"item": "other_image", "location": "local_server", "retention_days": 90,
             "deletion_trigger": "fixed_period", "necessary": "no",
             "reason": "按供应商出厂默认保存90日；该期限没有经过必要性论证。"}
    for ob in SHORT:
        f = one({**GATE, "storage.retention": rows(shots)}, ob)
        assert f.verdict == rec(ob, "gap"), ob
        assert "assessment finds this longer than the purpose needs" in f.explanation.en, ob
    template = {**TEMPLATE, "necessary": "no"}  # even a purpose-bound trigger
    assert verdicts({**GATE, "storage.retention": [CAPTURE_GONE, template]}, SHORT[0]) == ["gap"]
    # A named legal requirement still decides, whatever the judgement column says.
    legal = {**shots, "required_by_law": "yes", "reason": "某法规第十条要求保存九十日"}
    assert verdicts({**GATE, "storage.retention": rows(legal)}, SHORT[0]) == ["compliant"]
    # Rows that are not kept are not judged.
    gone = {**CAPTURE_GONE, "necessary": "no"}
    assert verdicts({**GATE, "storage.retention": [gone, TEMPLATE]}, SHORT[0]) == ["compliant"]


def test_period_confirmed_necessary_settles_a_kept_image_for_art8_but_not_for_the_standards():
    kept = {"item": "match_log_image", "location": "device", "retention_days": 7, "deletion_trigger": "fixed_period",
            "necessary": "yes", "reason": "用于处理住户对误识别的投诉，投诉一般在7天内提出。"}
    answers = {**GATE, "storage.retention": rows(kept)}
    assert verdicts(answers, SHORT[0]) == ["compliant"]
    for ob in RAW:
        assert verdicts(answers, ob) == ["advisory"], ob


def test_period_not_confirmed_necessary_is_advisory():
    log = {**LOG, "necessary": "unknown"}
    f = one({**GATE, "storage.retention": rows(log)}, SHORT[1])
    assert f.verdict == "advisory" and "has not confirmed" in f.explanation.en
    template = {**TEMPLATE, "retention_days": 365, "deletion_trigger": "fixed_period", "necessary": "unknown",
                "reason": "员工在职期间考勤需要，按年度复核。"}
    assert verdicts({**GATE, "storage.retention": [CAPTURE_GONE, template]}, SHORT[0]) == ["advisory"]


def test_retention_required_by_law_and_named_is_compliant():
    kept = {"item": "capture_image", "location": "cloud", "retention_days": 365, "deletion_trigger": "fixed_period",
            "required_by_law": "yes", "reason": "某法规第十条要求保存一年"}
    answers = {**GATE, "storage.retention": [kept, TEMPLATE]}
    f = one(answers, SHORT[0])
    assert f.verdict == "compliant" and "law named" in f.explanation.en


def test_retention_said_required_by_law_but_unnamed_is_a_gap():
    kept = {"item": "template", "location": "device", "retention_days": 365, "deletion_trigger": "fixed_period",
            "required_by_law": "yes"}
    f = one({**GATE, "storage.retention": rows(kept)}, SHORT[0])
    assert f.verdict == "gap" and "not named" in f.explanation.en


def test_no_period_stated_is_a_gap():
    kept = {"item": "template", "location": "device", "deletion_trigger": "manual"}
    f = one({**GATE, "storage.retention": [CAPTURE_GONE, kept]}, SHORT[0])
    assert f.verdict == "gap" and "no retention period" in f.explanation.en


def test_never_deleted_is_a_gap():
    kept = {"item": "enrolment_photo", "location": "device", "deletion_trigger": "never"}
    assert verdicts({**GATE, "storage.retention": rows(kept)}, SHORT[0]) == ["gap"]


def test_fixed_period_without_reason_is_a_gap():
    kept = {"item": "template", "location": "device", "retention_days": 720, "deletion_trigger": "fixed_period"}
    f = one({**GATE, "storage.retention": [CAPTURE_GONE, kept]}, SHORT[0])
    assert f.verdict == "gap" and "no reason" in f.explanation.en


def test_hotel_template_kept_beyond_the_stay_is_a_gap_even_with_a_reason():
    kept = {"item": "template", "location": "device", "retention_days": 365, "deletion_trigger": "fixed_period",
            "reason": "方便老客户再次入住时快速核验身份。"}
    answers = {**GATE, "scope.deployment": "hotel_checkin", "storage.retention": [CAPTURE_GONE, kept]}
    f = one(answers, SHORT[0])
    assert f.verdict == "gap" and "beyond what the stay" in f.explanation.en
    # The same row in a residential setting, with a reason, is acceptable.
    assert verdicts({**answers, "scope.deployment": "residential_access"}, SHORT[0]) == ["compliant"]


def test_hotel_template_deleted_at_check_out_is_compliant():
    answers = {**GATE, "scope.deployment": "hotel_checkin"}
    assert verdicts(answers, SHORT[0]) == ["compliant"]


def test_match_logs_count_for_gbt_but_not_for_art8():
    log = {**LOG, "reason": None}
    answers = {**GATE, "storage.retention": rows(log)}
    assert verdicts(answers, SHORT[0]) == ["compliant"]
    assert verdicts(answers, SHORT[1]) == [rec(SHORT[1], "gap")]


def test_missing_capture_row_is_advisory():
    answers = {**GATE, "storage.retention": [TEMPLATE]}
    f = one(answers, SHORT[0])
    assert f.verdict == "advisory" and "live capture images" in f.explanation.en


def test_table_with_no_facial_rows_is_a_gap():
    assert verdicts({**GATE, "storage.retention": [LOG]}, SHORT[0]) == ["gap"]


def test_retention_unanswered_falls_to_the_engine():
    for ob in SHORT:
        f = one({}, ob)
        assert f.rule == "completeness" and f.verdict == rec(ob, "gap"), ob


# ------------------------------------------------------------------ PIPL Art. 47 deletion


def test_deletion_with_all_events_and_checked_deletion_is_compliant():
    assert verdicts(GATE, DELETE) == ["compliant"]
    assert verdicts(GATE, DELETE_GBT) == ["compliant"]


@pytest.mark.parametrize("trigger", ["on_request", "never", None])
def test_no_proactive_deletion_is_a_gap(trigger):
    kept = {"item": "template", "location": "device", "retention_days": 30, "deletion_trigger": trigger,
            "reason": "住户搬离后30天内可能回访。"}
    answers = {**GATE, "storage.retention": [CAPTURE_GONE, kept]}
    assert verdicts(answers, DELETE) == ["gap"]
    assert verdicts(answers, DELETE_GBT) == [rec(DELETE_GBT, "gap")]


def test_manual_clean_up_and_unchecked_deletion_are_advisory():
    kept = {**TEMPLATE, "deletion_trigger": "manual", "retention_days": 30, "reason": "搬离后保留30天以便核对。"}
    assert verdicts({**GATE, "storage.retention": [CAPTURE_GONE, kept]}, DELETE) == ["advisory"]
    unchecked = {**TEMPLATE, "deletion_verified": "no"}
    f = one({**GATE, "storage.retention": [CAPTURE_GONE, unchecked]}, DELETE_GBT)
    assert f.verdict == "advisory" and "not checked" in f.explanation.en


def test_missing_deletion_events_are_a_gap():
    f = one({**GATE, "storage.deletion_events": ["period_expires"]}, DELETE)
    assert f.verdict == "gap"
    assert "the person withdraws consent" in f.explanation.en
    assert verdicts({**GATE, "storage.deletion_events": ["none_of_these"]}, DELETE) == ["gap"]
    # The GB/T clause is about expiry of the period only.
    assert verdicts({**GATE, "storage.deletion_events": ["period_expires"]}, DELETE_GBT) == ["compliant"]


def test_withdrawal_event_not_needed_when_consent_is_not_the_basis():
    events = [e for e in ALL_EVENTS if e != "consent_withdrawn"]
    assert verdicts({**GATE, "storage.deletion_events": events}, DELETE) == ["gap"]
    assert verdicts({**GATE, "storage.deletion_events": events, "consent.basis": "contract"}, DELETE) == ["compliant"]


def test_deletion_events_unanswered_falls_to_the_engine():
    f = one({**GATE, "storage.deletion_events": None}, DELETE)
    assert f.rule == "completeness" and f.questions == ("storage.deletion_events",)


# ------------------------------------------------------------------ PIPL Art. 47(2) restriction


def test_everything_deletable_is_not_applicable():
    assert verdicts(GATE, RESTRICT) == ["not_applicable"]


def test_legally_kept_data_reminds_to_restrict():
    kept = {"item": "capture_image", "location": "cloud", "retention_days": 365, "deletion_trigger": "fixed_period",
            "required_by_law": "yes", "reason": "某法规第十条要求保存一年"}
    assert verdicts({**GATE, "storage.retention": [kept, TEMPLATE]}, RESTRICT) == ["advisory"]


@pytest.mark.parametrize(("restricted", "expected"), [("yes", "compliant"), ("no", "gap"), ("unknown", "gap")])
def test_undeletable_data_must_be_restricted(restricted, expected):
    answers = {**GATE, "storage.undeletable": "yes", "storage.restricted": restricted}
    assert verdicts(answers, RESTRICT) == [expected]


def test_undeletable_unknown_is_a_gap():
    assert verdicts({**GATE, "storage.undeletable": "unknown"}, RESTRICT) == ["gap"]


def test_restricted_unanswered_falls_to_the_engine():
    f = one({**GATE, "storage.undeletable": "yes"}, RESTRICT)
    assert f.rule == "completeness"


# ------------------------------------------------------------------ raw images (GB/T)


@pytest.mark.parametrize("obligation", RAW)
def test_no_raw_images_kept_is_compliant(obligation):
    assert verdicts(GATE, obligation) == ["compliant"]


@pytest.mark.parametrize("obligation", RAW)
def test_live_images_kept_is_advisory(obligation):
    kept = {"item": "capture_image", "location": "device", "retention_days": 30, "deletion_trigger": "fixed_period",
            "reason": "用于处理误识别投诉。"}
    f = one({**GATE, "storage.retention": [kept, TEMPLATE]}, obligation)
    assert f.verdict == "advisory"


def test_gallery_photo_kept_is_advisory_for_no_raw_storage_only():
    photo = {"item": "enrolment_photo", "location": "device", "deletion_trigger": "end_of_relationship"}
    answers = {**GATE, "storage.retention": rows(photo)}
    assert verdicts(answers, RAW[0]) == ["advisory"]
    assert verdicts(answers, RAW[1]) == ["compliant"]
    assert verdicts(answers, RAW[2]) == ["compliant"]


def test_raw_images_kept_under_a_named_law_are_exempt():
    kept = {"item": "capture_image", "location": "cloud", "retention_days": 365, "deletion_trigger": "fixed_period",
            "required_by_law": "yes", "reason": "某法规第十条要求保存一年"}
    for ob in RAW:
        assert verdicts({**GATE, "storage.retention": [kept, TEMPLATE]}, ob) == ["compliant"], ob


KEPT_IMAGE = {"item": "capture_image", "location": "device", "retention_days": 7, "deletion_trigger": "fixed_period",
              "reason": "用于处理冒用证件的争议，争议一般在5天内提出。"}


def test_raw_image_action_for_1to1_is_to_delete_not_to_keep_templates():
    f = one({**GATE, "scope.frt_mode": "verify_1to1", "storage.retention": [KEPT_IMAGE, TEMPLATE]}, RAW[0])
    assert f.verdict == "advisory"
    assert "1:1 verification needs no gallery" in f.action.en and "Do not store templates" in f.action.en
    assert "Keep only templates" not in f.action.en
    assert "1:1 验证不需要人脸库" in f.action.zh
    assert "scope.frt_mode" in f.questions
    photo = {"item": "enrolment_photo", "location": "device", "deletion_trigger": "end_of_relationship"}
    g = one({**GATE, "scope.frt_mode": "verify_1to1", "storage.retention": rows(photo)}, RAW[0])
    assert "pre-enrolled photos" in g.action.en


def test_raw_image_action_for_1toN_is_templates_only():
    f = one({**GATE, "scope.frt_mode": "identify_1ton", "storage.retention": [KEPT_IMAGE, TEMPLATE]}, RAW[0])
    assert "Keep only templates in the gallery" in f.action.en and "1:1" not in f.action.en
    both = one({**GATE, "scope.frt_mode": "both", "storage.retention": [KEPT_IMAGE, TEMPLATE]}, RAW[0])
    assert "Keep only templates in the gallery" in both.action.en and "For the 1:1 part" in both.action.en


def test_raw_image_action_without_a_mode_is_neutral():
    f = one({**GATE, "storage.retention": [KEPT_IMAGE, TEMPLATE]}, RAW[0])
    assert "only where a stored reference is really needed" in f.action.en
    assert f.questions == ("storage.retention",)


@pytest.mark.parametrize("obligation", RAW)
def test_no_capture_row_is_advisory(obligation):
    f = one({**GATE, "storage.retention": [TEMPLATE]}, obligation)
    assert f.verdict == "advisory" and "live capture images" in f.explanation.en


# ------------------------------------------------------------------ GB/T 41819 localisation


def test_on_device_is_compliant_for_localisation():
    f = one(GATE, LOC)
    assert f.verdict == "compliant" and "stays in China" in f.explanation.en


def test_off_device_with_reason_is_compliant_for_localisation():
    assert verdicts(OFF, LOC) == ["compliant"]


def test_off_device_without_reason_is_advisory():
    assert verdicts({**OFF, "storage.why_off_device": "业务需要"}, LOC) == ["advisory"]


def test_off_device_reason_unanswered_falls_to_the_engine():
    f = one({**OFF, "storage.why_off_device": None}, LOC)
    assert f.rule == "completeness"


def test_off_device_unanswered_names_the_gate_for_localisation():
    f = one({}, LOC)
    assert f.rule == "storage.localisation" and f.verdict == "advisory"
    assert f.questions == ("scope.off_device",)


def test_cross_border_is_advisory_for_localisation():
    f = one({**GATE, "scope.cross_border": "yes"}, LOC)
    assert f.verdict == "advisory" and "leaves mainland China" in f.explanation.en
    assert verdicts({**OFF, "scope.cross_border": "yes"}, LOC) == ["advisory"]


# ------------------------------------------------------------------ data checks


def test_encryption_check():
    assert verdicts({"storage.encryption": "both"}, "GBT35273-6.3A-ENCRYPT") == ["compliant"]
    assert verdicts({"storage.encryption": "storage_only"}, "GBT35273-6.3A-ENCRYPT") == ["advisory"]
    assert verdicts({"storage.encryption": "partial_at_rest"}, "GBT35273-6.3A-ENCRYPT") == ["advisory"]
    assert verdicts({"storage.encryption": "nothing_stored"}, "GBT35273-6.3A-ENCRYPT") == ["not_applicable"]


def test_separate_storage_check():
    ob = "GBT35273-6.3B-SEPARATE-STORAGE"
    assert verdicts({"storage.separate_from_identity": "separate"}, ob) == ["compliant"]
    assert verdicts({"storage.separate_from_identity": "together"}, ob) == ["advisory"]


def test_every_answer_path_decides_every_storage_obligation():
    obligations = (LOCAL, NET, *SHORT, DELETE, DELETE_GBT, RESTRICT, *RAW, LOC, "GBT35273-6.3A-ENCRYPT",
                   "GBT35273-6.3B-SEPARATE-STORAGE")
    assert_always_decided("storage", obligations, ["scope.off_device", "scope.deployment", "scope.cross_border",
                                                   "consent.basis", "consent.separate"])
