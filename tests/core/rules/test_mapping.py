"""Data-mapping rules (GB/T 39335 5.3, tables C-1 and C-2) and the processing-record check."""

from tests.core.helpers import findings, verdicts

FACE_ROW = {
    "activity": "前台人证比对", "pi_types": ["face_image", "id_photo", "identity"], "subjects": "住客（含随行儿童）",
    "purpose": "核验入住人身份", "lawful_basis": "consent", "controller": "测试酒店管理有限公司", "entrusted": None,
    "cross_border": "no", "sharing": "no",
}
LOG_ROW = {**FACE_ROW, "activity": "比对记录留存", "pi_types": ["match_record", "identity"]}


def c2(activity):
    return {"activity": activity, "pi_items": "现场人脸照片、比对结果", "source": "subject", "storage": "终端内存",
            "storage_encryption": "not_stored", "transmission_encryption": "not_transmitted",
            "retention": "比对完成后立即删除", "deletion": "终端自动清除"}


GOOD = {
    "mapping.activities": [FACE_ROW, LOG_ROW],
    "mapping.lifecycle": [c2("前台人证比对"), c2("比对记录留存")],
    "mapping.data_flow": "终端摄像头采集现场人脸，在终端内与身份证芯片照片1:1比对，只向前台系统返回通过或不通过，"
                         "图像在比对完成后从内存清除，没有导出接口。",
}
OB = "GBT39335-5.3-DATA-MAPPING"


def only(answers, obligation=OB):
    found = findings(answers, obligation)
    assert len(found) == 1, found
    return found[0]


def test_matching_tables_with_face_activity_are_compliant():
    f = only(GOOD)
    assert f.verdict == "compliant"
    assert "2 activities, 1 of them" in f.explanation.en


def test_unanswered_mapping_gives_no_finding():
    assert verdicts({}, OB) == []


def test_c1_alone_waits_for_c2_unless_something_is_already_wrong():
    assert verdicts({"mapping.activities": [FACE_ROW]}, OB) == []
    assert verdicts({"mapping.activities": [LOG_ROW]}, OB) == ["advisory"]


def test_no_facial_activity_is_a_gap():
    f = only({**GOOD, "mapping.activities": [LOG_ROW, {**FACE_ROW, "pi_types": ["identity"]}]})
    assert f.verdict == "advisory"
    assert "face images or face features" in f.explanation.en


def test_face_template_alone_counts_as_facial():
    rows = [{**FACE_ROW, "pi_types": ["face_template"]}, LOG_ROW]
    assert verdicts({**GOOD, "mapping.activities": rows}, OB) == ["compliant"]


def test_names_are_matched_ignoring_spaces_and_case():
    answers = {**GOOD, "mapping.activities": [{**FACE_ROW, "activity": "Front desk  match"}, LOG_ROW],
               "mapping.lifecycle": [c2("front desk match"), c2(" 比对记录留存 ")]}
    assert verdicts(answers, OB) == ["compliant"]


def test_activity_missing_from_c2_is_advisory():
    f = only({**GOOD, "mapping.lifecycle": [c2("前台人证比对")]})
    assert f.verdict == "advisory"
    assert "“比对记录留存”, with no matching row in table C-2" in f.explanation.en


def test_activity_missing_from_c1_is_advisory():
    f = only({**GOOD, "mapping.lifecycle": [*GOOD["mapping.lifecycle"], c2("访客登记")]})
    assert f.verdict == "advisory"
    assert "“访客登记”, with no matching row in table C-1" in f.explanation.en


def test_worst_verdict_wins_and_all_problems_are_listed():
    f = only({**GOOD, "mapping.activities": [LOG_ROW]})  # no face row (gap) + C-2 row without C-1 (advisory)
    assert f.verdict == "advisory"
    assert "face images" in f.explanation.en and "no matching row in table C-1" in f.explanation.en


def test_thin_data_flow_is_advisory():
    assert verdicts({**GOOD, "mapping.data_flow": "见附件"}, OB) == ["advisory"]


def test_cross_border_must_agree_with_scope():
    assert verdicts({**GOOD, "scope.cross_border": "no"}, OB) == ["compliant"]
    assert verdicts({**GOOD, "scope.cross_border": "yes"}, OB) == ["advisory"]
    rows = [{**FACE_ROW, "cross_border": "yes"}, LOG_ROW]
    assert verdicts({**GOOD, "mapping.activities": rows, "scope.cross_border": "yes"}, OB) == ["compliant"]
    assert verdicts({**GOOD, "mapping.activities": rows, "scope.cross_border": "no"}, OB) == ["advisory"]


def test_other_organisations_must_agree_with_scope():
    assert verdicts({**GOOD, "scope.third_parties": "yes"}, OB) == ["advisory"]
    entrusted = [{**FACE_ROW, "entrusted": "某云服务商"}, LOG_ROW]
    assert verdicts({**GOOD, "mapping.activities": entrusted, "scope.third_parties": "yes"}, OB) == ["compliant"]
    assert verdicts({**GOOD, "mapping.activities": entrusted, "scope.third_parties": "no"}, OB) == ["advisory"]
    shared = [{**FACE_ROW, "sharing": "yes"}, LOG_ROW]
    assert verdicts({**GOOD, "mapping.activities": shared, "scope.third_parties": "yes"}, OB) == ["compliant"]


def test_activity_without_a_lawful_basis_is_a_gap_that_names_it():
    # The factory case: a fatigue-detection module running with no basis established.
    fatigue = {**FACE_ROW, "activity": "疲劳检测/情绪识别", "lawful_basis": "none"}
    answers = {**GOOD, "mapping.activities": [FACE_ROW, LOG_ROW, fatigue],
               "mapping.lifecycle": [*GOOD["mapping.lifecycle"], c2("疲劳检测/情绪识别")]}
    f = only(answers)
    assert (f.verdict, f.rule) == ("advisory", "mapping.tables")
    assert "no lawful basis for “疲劳检测/情绪识别”" in f.explanation.en and "PIPL Art. 13" in f.explanation.en
    assert "Art. 28" in f.explanation.en  # it processes face images
    assert "“疲劳检测/情绪识别”没有合法事由" in f.explanation.zh
    assert "前台人证比对" not in f.explanation.zh
    assert "Stop these activities" in f.action.en
    # Without facial information the sensitive-data sentence is left out.
    plain = {**LOG_ROW, "activity": "访客登记", "lawful_basis": "none"}
    g = only({**answers, "mapping.activities": [FACE_ROW, LOG_ROW, plain],
              "mapping.lifecycle": [*GOOD["mapping.lifecycle"], c2("访客登记")]})
    assert g.verdict == "advisory" and "Art. 28" not in g.explanation.en


def test_activity_without_a_basis_is_reported_before_table_c2_is_filled():
    rows = [FACE_ROW, {**FACE_ROW, "activity": "疲劳检测", "lawful_basis": "none"}]
    assert verdicts({"mapping.activities": rows}, OB) == ["advisory"]


def test_lawful_basis_none_is_offered_and_does_not_decide_pipl13():
    from pia_wizard.core.bank import default_bank

    column = next(c for c in default_bank().question("mapping.activities").columns if c.id == "lawful_basis")
    assert "none" in [o.value for o in column.options]
    rows = [FACE_ROW, {**FACE_ROW, "activity": "疲劳检测", "lawful_basis": "none"}]
    assert all(f.rule != "mapping.tables" for f in findings({"mapping.activities": rows}, "PIPL-13-LEGAL-BASIS"))


def test_processing_record_check():
    for ob in ("FRM-09-PROCESSING-RECORD", "PIPL-55-PROCESSING-RECORD"):
        assert verdicts({"mapping.record_maintained": "yes"}, ob) == ["compliant"]
        assert verdicts({"mapping.record_maintained": "no"}, ob) == ["gap"]
        assert verdicts({"mapping.record_maintained": "unknown"}, ob) == ["gap"]
        assert verdicts({}, ob) == []
