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


PARTIAL_ENC = {**FULL, "security.controls": [c if c != "encrypt_at_rest" else "encrypt_at_rest_partial"
                                             for c in ALL_CONTROLS],
               "security.unencrypted_stores": ["device"]}


def test_partial_encryption_at_rest_is_a_gap_that_names_the_stores_in_clear():
    # The factory case: server encrypted, terminals hold templates in clear, transit under TLS.
    f = only(PARTIAL_ENC, "FRM-14-ENCRYPTION")
    assert (f.verdict, f.rule) == ("gap", "security.art14-controls")
    assert "encrypted in some stores only" in f.explanation.en
    assert "stored in clear in the terminals or capture devices." in f.explanation.en
    assert "以下位置仍为明文：识别终端或采集设备。" in f.explanation.zh
    assert "no encryption at rest" not in f.explanation.en and "transit is not encrypted" not in f.explanation.en
    assert "security.unencrypted_stores" in f.questions
    both = only({**PARTIAL_ENC, "security.unencrypted_stores": ["backup", "device"]}, "FRM-14-ENCRYPTION")
    assert "in the terminals or capture devices and the backups." in both.explanation.en  # in the bank's order
    assert "识别终端或采集设备、备份" in both.explanation.zh
    no_transit = {**PARTIAL_ENC, "security.controls": [c for c in PARTIAL_ENC["security.controls"]
                                                       if c != "encrypt_in_transit"]}
    assert "transit is not encrypted either" in only(no_transit, "FRM-14-ENCRYPTION").explanation.en


def test_partial_wins_when_both_encryption_options_are_ticked():
    answers = {**PARTIAL_ENC, "security.controls": [*ALL_CONTROLS, "encrypt_at_rest_partial"]}
    assert only(answers, "FRM-14-ENCRYPTION").verdict == "gap"


def test_partial_encryption_waits_for_the_stores():
    answers = {**PARTIAL_ENC, "security.unencrypted_stores": None}
    for ob in ("FRM-14-ENCRYPTION", "PIPL-51-ENCRYPT-DEID", "GBT41819-SECURE-STORE-TRANSMIT"):
        f = only(answers, ob)
        assert f.rule == "completeness" and f.questions == ("security.unencrypted_stores",), ob


def test_partial_encryption_for_pipl51_depends_on_deidentification():
    f = only(PARTIAL_ENC, "PIPL-51-ENCRYPT-DEID")
    assert f.verdict == "advisory" and "de-identified, but encrypted in some stores only" in f.explanation.en
    no_deid = {**PARTIAL_ENC, "security.controls": [c for c in PARTIAL_ENC["security.controls"]
                                                    if c != "deidentification"]}
    g = only(no_deid, "PIPL-51-ENCRYPT-DEID")
    assert g.verdict == "gap" and "encrypted in some stores only" in g.explanation.en
    assert "neither encrypted at rest nor de-identified" not in g.explanation.en


def test_partial_encryption_for_gbt41819():
    f = only(PARTIAL_ENC, "GBT41819-SECURE-STORE-TRANSMIT")
    assert f.verdict == "advisory" and "stored unencrypted in the terminals or capture devices" in f.explanation.en
    answers = {**PARTIAL_ENC, "security.management": ["internal_rules", "classification", "staff_training"],
               "security.incident_plan": "drilled"}
    g = only(answers, "GBT41819-CAPABILITY")
    assert g.verdict == "advisory" and "full encryption at rest (only partly in place)" in g.explanation.en


def _audit(*gaps, logging=None):
    answers = {**FULL, "security.controls": [c if c != "audit_log" else "audit_log_partial" for c in ALL_CONTROLS]}
    if gaps:
        answers["security.audit_gaps"] = list(gaps)
    if logging:
        answers["mapping.logging"] = logging
    return answers


def test_partial_audit_missing_its_substance_is_a_gap_worded_as_partial():
    # The school case: only logins and deletions are logged, on the server itself.
    f = only(_audit("operations", "tamper", logging="partial"), "FRM-14-SECURITY-AUDIT")
    assert (f.verdict, f.rule) == ("gap", "security.art14-controls")
    assert f.explanation.en.startswith("The security audit is only partly in place: not all queries")
    assert "; logs are not tamper-resistant" in f.explanation.en
    assert "安全审计只部分落实" in f.explanation.zh
    assert "There is no security audit" not in f.explanation.en
    for gap in ("review", "retention"):
        assert only(_audit(gap), "FRM-14-SECURITY-AUDIT").verdict == "gap", gap


def test_partial_audit_missing_only_access_paths_is_advisory():
    # The factory case: server audit works; terminal menus and vendor sessions are outside it.
    f = only(_audit("device_ops", "vendor_ops"), "FRM-14-SECURITY-AUDIT")
    assert f.verdict == "advisory" and "does not yet reach every access path" in f.explanation.en
    assert "vendors do inside their maintenance sessions" in f.explanation.en


def test_partial_audit_waits_for_the_gaps():
    f = only(_audit(), "FRM-14-SECURITY-AUDIT")
    assert f.rule == "completeness" and f.questions == ("security.audit_gaps",)


def test_no_audit_over_partial_logging_is_worded_as_partial():
    # The residential case: the platform logs some operations, nobody reviews them, audit not ticked.
    answers = {**FULL, "security.controls": [c for c in ALL_CONTROLS if c != "audit_log"],
               "mapping.logging": "partial"}
    f = only(answers, "FRM-14-SECURITY-AUDIT")
    assert f.verdict == "gap" and "logs of some operations only" in f.explanation.en
    assert "mapping.logging" in f.questions
    plain = only({**answers, "mapping.logging": "none"}, "FRM-14-SECURITY-AUDIT")
    assert plain.verdict == "gap" and plain.explanation.en.startswith("There is no security audit.")


def test_full_audit_claimed_over_partial_logging_is_questioned():
    f = only({**FULL, "mapping.logging": "partial"}, "FRM-14-SECURITY-AUDIT")
    assert f.verdict == "advisory" and "the answers disagree" in f.explanation.en
    assert only({**FULL, "mapping.logging": "full"}, "FRM-14-SECURITY-AUDIT").verdict == "compliant"


def test_partial_audit_in_gbt41819_capability():
    answers = {**_audit("operations"), "security.management": ["internal_rules", "classification", "staff_training"],
               "security.incident_plan": "drilled"}
    f = only(answers, "GBT41819-CAPABILITY")
    assert "full security audit (only partly in place)" in f.explanation.en


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


NO_OTHER = {"security.other_incidents": "no"}


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
    f = only({**answers, **NO_OTHER}, "PIPL-57-BREACH-NOTIFY")
    assert (f.verdict, f.rule) == (expected, "security.breach-notification")


def test_breach_notification_waits_for_the_incident_response():
    f = only({"security.breach_notify": "yes", "security.incident_since_last": "yes", **NO_OTHER},
             "PIPL-57-BREACH-NOTIFY")
    assert f.rule == "completeness"
    assert "security.incident_response" in f.questions


def test_incident_response_hidden_without_incident():
    # An answer to the hidden follow-up is ignored.
    answers = {"security.breach_notify": "yes", "security.incident_since_last": "no",
               "security.incident_response": "not_remedied", **NO_OTHER}
    assert verdicts(answers, "PIPL-57-BREACH-NOTIFY") == ["compliant"]


def test_no_major_incident_says_since_collection_began_for_a_first_assessment():
    f = only({"security.breach_notify": "yes", "security.incident_since_last": "no", **NO_OTHER},
             "PIPL-57-BREACH-NOTIFY")
    assert "since collection began" in f.explanation.en and "自开始采集以来" in f.explanation.zh
    assert "not major" not in f.explanation.en


# The school case: enrolment photos on a vendor engineer's laptop for two weeks before go-live, deleted,
# judged not major.
LAPTOP = ("2026年9月人脸登记期间，供应商工程师把约1,950名学生的登记照片拷入个人笔记本电脑，留存约两周，"
          "9月30日在信息中心见证下删除并出具删除证明；未发现扩散，信息未被用于其他目的，因此不认定为重大安全事件。")
MINOR = {"security.breach_notify": "yes", "security.incident_since_last": "no", "security.other_incidents": "yes",
         "security.other_incidents_description": LAPTOP}


def test_other_incidents_must_be_answered():
    f = only({"security.breach_notify": "yes", "security.incident_since_last": "no"}, "PIPL-57-BREACH-NOTIFY")
    assert f.rule == "completeness" and f.questions == ("security.other_incidents",)
    g = only({**MINOR}, "PIPL-57-BREACH-NOTIFY")
    assert g.rule == "completeness" and g.questions == ("security.other_incidents_response",)


@pytest.mark.parametrize("response,expected", [
    ("remedied_notified", "compliant"),
    ("remedied_authority_only", "compliant"),
    ("no_leak_possible", "compliant"),
    ("remedied_individuals_only", "gap"),
    ("remedied_not_notified", "gap"),
    ("not_remedied", "gap"),
])
def test_incidents_judged_not_major_still_need_remedy_and_notice(response, expected):
    f = only({**MINOR, "security.other_incidents_response": response}, "PIPL-57-BREACH-NOTIFY")
    assert (f.verdict, f.rule) == (expected, "security.breach-notification")
    assert "security.other_incidents_description" in f.questions
    if expected == "compliant":
        assert "judged not major are also recorded" in f.explanation.en
        assert "非重大安全事件" in f.explanation.zh
    if response in ("remedied_individuals_only", "remedied_not_notified"):
        assert "no 'major' threshold" in f.explanation.en
        assert "Report those incidents to the personal-information protection authorities" in f.action.en


def test_thin_description_of_other_incidents_is_advisory():
    answers = {**MINOR, "security.other_incidents_description": "有一起小事件",
               "security.other_incidents_response": "remedied_notified"}
    f = only(answers, "PIPL-57-BREACH-NOTIFY")
    assert f.verdict == "advisory" and "too thin" in f.explanation.en


def test_other_incident_answers_are_ignored_when_none_is_reported():
    answers = {**MINOR, "security.other_incidents": "no", "security.other_incidents_response": "not_remedied"}
    f = only(answers, "PIPL-57-BREACH-NOTIFY")
    assert f.verdict == "compliant" and "not major" not in f.explanation.en


def test_incident_questions_keep_the_ids_the_conclusion_rule_reads():
    from pia_wizard.core.bank import default_bank

    bank = default_bank()
    assert bank.question("security.incident_since_last").type == "yesno"
    assert bank.question("security.incident_description").show_if == {"q": "security.incident_since_last",
                                                                       "eq": "yes"}
    assert bank.question("security.other_incidents_description").show_if == {"q": "security.other_incidents",
                                                                             "eq": "yes"}



def test_every_answer_path_decides_every_security_obligation():
    """Random answers to the security section (and the gates it reads): each obligation gets exactly one finding
    (FRM-14-MLPS-CII may add a CII finding), never the engine's "no rule decides this" fallback."""
    import random

    from pia_wizard.core.bank import default_bank
    from tests.core.helpers import run
    from tests.core.rules.test_minors import _random_answer

    bank = default_bank()
    rng = random.Random(11)
    questions = [q for q in bank if q.section == "security"] + [bank.question("scope.off_device"),
                                                                  bank.question("mapping.logging")]
    obligations = (*ART14, "PIPL-51-INTERNAL-RULES", "PIPL-51-CLASSIFICATION", "PIPL-51-ENCRYPT-DEID",
                   "PIPL-51-PERMISSIONS-TRAINING", "PIPL-51-INCIDENT-PLAN", "PIPL-52-PI-OFFICER",
                   "PIPL-54-COMPLIANCE-AUDIT", "PIPL-57-BREACH-NOTIFY", "GBT41819-SECURE-STORE-TRANSMIT",
                   "GBT41819-CAPABILITY")
    for _ in range(200):
        answers = {}
        for q in questions:
            value = rng.choice([None, "2025-10-01", "2026-06-01"]) if q.type == "date" else _random_answer(q, rng)
            if value is not None:
                answers[q.id] = value
        evaluation = run(answers)
        for ob in obligations:
            found = [f for f in evaluation.findings if f.obligation == ob and not f.rule.startswith("consistency.")]
            assert len(found) == 1, (ob, answers, found)
            assert not (found[0].rule == "completeness" and "no rule decides" in found[0].explanation.en), (ob, answers)
