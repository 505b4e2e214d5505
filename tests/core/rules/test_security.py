"""Security measures: Measures Art. 14; PIPL Arts. 51, 52, 57; GB/T 41819."""

import pytest

from tests.core.helpers import findings, verdicts

ALL_CONTROLS = ["encrypt_at_rest", "encrypt_in_transit", "deidentification", "audit_log", "access_control",
                "authorisation_mgmt", "intrusion_detection"]
EVIDENCE = ("终端特征库SM4加密，密钥在安全芯片；TLS 1.2传输；平台记录查询导出日志保存6个月并每月审查；"
            "后台仅内网访问并启用双因素；权限每季度复核；部署主机入侵防护。")
FULL = {"security.controls": ALL_CONTROLS, "security.controls_evidence": EVIDENCE}
ART14 = ("FRM-14-ENCRYPTION", "FRM-14-SECURITY-AUDIT", "FRM-14-ACCESS-CONTROL", "FRM-14-AUTHORISATION-MGMT",
         "FRM-14-INTRUSION-DETECTION")


def only(answers, obligation):
    found = findings(answers, obligation)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("obligation", ART14)
def test_all_controls_with_evidence_are_compliant(obligation):
    assert verdicts(FULL, obligation) == ["compliant"]


@pytest.mark.parametrize("obligation", ART14)
def test_no_controls_gives_one_gap_per_control(obligation):
    f = only({"security.controls": ["none"]}, obligation)
    assert (f.verdict, f.rule) == ("gap", "security.art14-controls")


@pytest.mark.parametrize("missing,obligation", [
    ("audit_log", "FRM-14-SECURITY-AUDIT"),
    ("access_control", "FRM-14-ACCESS-CONTROL"),
    ("authorisation_mgmt", "FRM-14-AUTHORISATION-MGMT"),
    ("intrusion_detection", "FRM-14-INTRUSION-DETECTION"),
    ("encrypt_at_rest", "FRM-14-ENCRYPTION"),
    ("encrypt_in_transit", "FRM-14-ENCRYPTION"),
])
def test_each_missing_control_is_its_own_gap(missing, obligation):
    answers = {**FULL, "security.controls": [c for c in ALL_CONTROLS if c != missing]}
    assert verdicts(answers, obligation) == ["gap"]
    others = [ob for ob in ART14 if ob != obligation]
    assert all(verdicts(answers, ob) == ["compliant"] for ob in others)


def test_transit_encryption_not_required_when_data_stays_on_device():
    answers = {**FULL, "security.controls": [c for c in ALL_CONTROLS if c != "encrypt_in_transit"],
               "scope.off_device": "no"}
    assert verdicts(answers, "FRM-14-ENCRYPTION") == ["advisory"]
    assert verdicts(answers, "GBT41819-SECURE-STORE-TRANSMIT") == ["compliant"]
    assert verdicts({**answers, "scope.off_device": "yes"}, "FRM-14-ENCRYPTION") == ["gap"]


def test_claimed_controls_without_evidence_are_advisory():
    answers = {"security.controls": ALL_CONTROLS, "security.controls_evidence": "都有"}
    assert all(verdicts(answers, ob) == ["advisory"] for ob in ART14)


def test_controls_unanswered_falls_to_the_engine():
    f = only({}, "FRM-14-ACCESS-CONTROL")
    assert (f.verdict, f.rule) == ("gap", "completeness")


def test_pipl51_measures():
    mgmt = {"security.management": ["internal_rules", "classification", "staff_training"]}
    answers = {**FULL, **mgmt}
    for ob in ("PIPL-51-INTERNAL-RULES", "PIPL-51-CLASSIFICATION", "PIPL-51-ENCRYPT-DEID",
               "PIPL-51-PERMISSIONS-TRAINING"):
        assert verdicts(answers, ob) == ["compliant"], ob
    none = {"security.controls": ["none"], "security.management": ["none"]}
    for ob in ("PIPL-51-INTERNAL-RULES", "PIPL-51-CLASSIFICATION", "PIPL-51-ENCRYPT-DEID",
               "PIPL-51-PERMISSIONS-TRAINING"):
        assert verdicts(none, ob) == ["gap"], ob
    no_deid = {**answers, "security.controls": [c for c in ALL_CONTROLS if c != "deidentification"]}
    assert verdicts(no_deid, "PIPL-51-ENCRYPT-DEID") == ["advisory"]
    no_training = {**FULL, "security.management": ["internal_rules", "classification"]}
    f = only(no_training, "PIPL-51-PERMISSIONS-TRAINING")
    assert f.verdict == "gap" and "training" in f.explanation.en
    no_authz = {**answers, "security.controls": [c for c in ALL_CONTROLS if c != "authorisation_mgmt"]}
    assert verdicts(no_authz, "PIPL-51-PERMISSIONS-TRAINING") == ["gap"]
    # Permissions and training need both answers.
    assert only(FULL, "PIPL-51-PERMISSIONS-TRAINING").rule == "completeness"


def test_incident_plan_check():
    assert verdicts({"security.incident_plan": "drilled"}, "PIPL-51-INCIDENT-PLAN") == ["compliant"]
    assert verdicts({"security.incident_plan": "not_drilled"}, "PIPL-51-INCIDENT-PLAN") == ["advisory"]
    assert verdicts({"security.incident_plan": "none"}, "PIPL-51-INCIDENT-PLAN") == ["gap"]


def test_gbt41819_capability():
    answers = {**FULL, "security.management": ["internal_rules", "classification", "staff_training"],
               "security.incident_plan": "drilled"}
    assert verdicts(answers, "GBT41819-CAPABILITY") == ["compliant"]
    f = only({**answers, "security.incident_plan": "none"}, "GBT41819-CAPABILITY")
    assert f.verdict == "advisory" and "incident plan" in f.explanation.en
    assert verdicts({"security.controls": ["none"]}, "GBT41819-SECURE-STORE-TRANSMIT") == ["advisory"]


MLPS = {"security.mlps_status": "filed", "security.mlps_level": "level3",
        "security.mlps_filing_no": "11010843001-23001", "security.mlps_test_date": "2026-03-01",
        "security.cii": "no"}


def test_mlps_filed_and_tested_is_compliant():
    assert verdicts(MLPS, "FRM-14-MLPS-CII") == ["compliant"]


@pytest.mark.parametrize("change,expected", [
    ({"security.mlps_status": "not_graded"}, ["gap"]),
    ({"security.mlps_status": "unsure"}, ["gap"]),
    ({"security.mlps_status": "graded_not_filed"}, ["gap"]),
    ({"security.mlps_status": "graded_not_filed", "security.mlps_level": "level1"}, ["advisory"]),
    ({"security.mlps_test_date": "2025-10-01"}, ["gap"]),  # level 3: yearly test overdue on 2026-11-26
    ({"security.mlps_level": "level4", "security.mlps_test_date": "2026-04-01"}, ["gap"]),  # half-yearly
    ({"security.mlps_level": "level4", "security.mlps_test_date": "2026-06-01"}, ["compliant"]),
    ({"security.mlps_test_date": None}, ["advisory"]),
    ({"security.mlps_level": "level2", "security.mlps_filing_no": ""}, ["advisory"]),
    ({"security.cii": "yes", "security.cii_measures": "yes"}, ["compliant", "compliant"]),
    ({"security.cii": "yes", "security.cii_measures": "no"}, ["compliant", "gap"]),
    ({"security.cii": "unknown"}, ["compliant", "advisory"]),
])
def test_mlps_and_cii_paths(change, expected):
    assert sorted(verdicts({**MLPS, **change}, "FRM-14-MLPS-CII")) == sorted(expected)


def test_mlps_level_unanswered_falls_to_the_engine():
    f = only({"security.mlps_status": "filed"}, "FRM-14-MLPS-CII")
    assert f.rule == "completeness"


@pytest.mark.parametrize("volume,officer,expected", [
    ("yes", "appointed_reported", "compliant"),
    ("yes", "appointed_only", "gap"),
    ("yes", "not_appointed", "gap"),
    ("unknown", "not_appointed", "gap"),
    ("no", "not_appointed", "not_applicable"),
    ("no", "appointed_only", "compliant"),
])
def test_pi_officer(volume, officer, expected):
    f = only({"security.pi_volume": volume, "security.pi_officer": officer}, "PIPL-52-PI-OFFICER")
    assert (f.verdict, f.rule) == (expected, "security.pi-officer")


def test_compliance_audit_check():
    assert verdicts({"security.compliance_audit": "regular"}, "PIPL-54-COMPLIANCE-AUDIT") == ["compliant"]
    assert verdicts({"security.compliance_audit": "planned"}, "PIPL-54-COMPLIANCE-AUDIT") == ["advisory"]
    assert verdicts({"security.compliance_audit": "none"}, "PIPL-54-COMPLIANCE-AUDIT") == ["gap"]


@pytest.mark.parametrize("answers,expected", [
    ({"security.breach_notify": "yes", "security.incident_since_last": "no"}, "compliant"),
    ({"security.breach_notify": "no", "security.incident_since_last": "no"}, "gap"),
    ({"security.breach_notify": "unknown", "security.incident_since_last": "no"}, "gap"),
    ({"security.breach_notify": "yes", "security.incident_since_last": "unknown"}, "advisory"),
    ({"security.breach_notify": "yes", "security.incident_since_last": "yes",
      "security.incident_response": "remedied_notified"}, "compliant"),
    ({"security.breach_notify": "yes", "security.incident_since_last": "yes",
      "security.incident_response": "remedied_authority_only"}, "compliant"),
    ({"security.breach_notify": "yes", "security.incident_since_last": "yes",
      "security.incident_response": "remedied_not_notified"}, "gap"),
    ({"security.breach_notify": "yes", "security.incident_since_last": "yes",
      "security.incident_response": "not_remedied"}, "gap"),
])
def test_breach_notification(answers, expected):
    f = only(answers, "PIPL-57-BREACH-NOTIFY")
    assert (f.verdict, f.rule) == (expected, "security.breach-notification")


def test_breach_notification_waits_for_the_incident_response():
    f = only({"security.breach_notify": "yes", "security.incident_since_last": "yes"}, "PIPL-57-BREACH-NOTIFY")
    assert f.rule == "completeness"
    assert "security.incident_response" in f.questions


def test_incident_response_hidden_without_incident():
    # An answer to the hidden follow-up is ignored.
    answers = {"security.breach_notify": "yes", "security.incident_since_last": "no",
               "security.incident_response": "not_remedied"}
    assert verdicts(answers, "PIPL-57-BREACH-NOTIFY") == ["compliant"]
