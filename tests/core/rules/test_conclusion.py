"""Conclusion rules: re-assessment (Measures Art. 9), item 1 (PIPL 56(1)), team, consultation, decision."""


from tests.core.helpers import findings, verdicts
from tests.core.rules.test_riskq import GOOD as RISK_GOOD
from tests.core.rules.test_riskq import risks

ALL_TRIGGERS = ["purpose_change", "method_change", "major_incident", "vendor_change", "legal_change",
                "business_change"]
CHANGE = {
    "conclusion.reason": ["method_changed"],
    "conclusion.change_description": "2026年10月起由终端本地1:1比对改为在酒店服务器上集中比对，并新增人脸特征值库。",
    "conclusion.previous_report": "PIA-2025-003 v2，2025-05-20签署",
    "conclusion.reassess_triggers": ALL_TRIGGERS,
}
CH = "FRM-09-REASSESS-CHANGE"
INC = "FRM-09-REASSESS-INCIDENT"
INCIDENT_TEXT = "2026年9月3日供应商运维账号被盗用，约1200名住客的人脸照片被导出；已重置账号、报告网信部门并通知住客。"


def only(answers, obligation, **fields):
    found = findings(answers, obligation, **fields)
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- FRM-09-REASSESS-CHANGE

def test_change_triggered_reassessment_compliant():
    f = only(CHANGE, CH)
    assert f.verdict == "compliant"
    assert "processing method has changed" in f.explanation.en


def test_nothing_answered_gives_no_finding():
    for ob in (CH, INC, "GBT39335-5.1-TRIGGERS", "GBT35273-11.4CD-PIA-TRIGGERS"):
        assert verdicts({}, ob) == []


def test_change_not_described_is_a_gap():
    f = only({**CHANGE, "conclusion.change_description": "变了"}, CH)
    assert f.verdict == "gap"
    assert "does not say what changed" in f.explanation.en


def test_change_description_hidden_for_other_reasons():
    # The description only shows for a change; an answer left over from an earlier choice counts as not given.
    answers = {**CHANGE, "conclusion.reason": ["periodic"], "conclusion.change_description": "x"}
    assert verdicts(answers, CH) == ["compliant"]


def test_previous_report_missing_is_advisory():
    f = only({**CHANGE, "conclusion.previous_report": None}, CH)
    assert f.verdict == "advisory" and "previous report" in f.explanation.en


def test_plan_without_statutory_change_triggers_is_a_gap():
    answers = {"conclusion.reason": ["initial"], "conclusion.reassess_triggers": ["major_incident", "legal_change"]}
    f = only(answers, CH)
    assert f.verdict == "gap"
    assert "purpose changes" in f.explanation.en and "method changes" in f.explanation.en


def test_first_assessment_with_full_plan_is_compliant():
    assert verdicts({"conclusion.reason": ["initial"], "conclusion.reassess_triggers": ALL_TRIGGERS}, CH) == \
        ["compliant"]
    # First assessment, plan not answered yet: nothing to decide about changes.
    assert verdicts({"conclusion.reason": ["initial"]}, CH) == []


def test_measures_not_applicable_outside_prc():
    assert verdicts({**CHANGE, "scope.in_prc": "no"}, CH) == ["not_applicable"]


# ---------------------------------------------------------------- FRM-09-REASSESS-INCIDENT (uses the security section)

def test_incident_not_flagged_as_reason_is_a_gap():
    answers = {"security.incident_since_last": "yes", "security.incident_description": INCIDENT_TEXT,
               "conclusion.reason": ["periodic"], "conclusion.previous_report": "PIA-2025-003 v2"}
    f = only(answers, INC)
    assert f.verdict == "gap"
    assert "does not list it among its reasons" in f.explanation.en


def test_incident_flagged_and_described_is_compliant():
    answers = {"security.incident_since_last": "yes", "security.incident_description": INCIDENT_TEXT,
               "conclusion.reason": ["incident"], "conclusion.previous_report": "PIA-2025-003 v2",
               "conclusion.reassess_triggers": ALL_TRIGGERS}
    f = only(answers, INC)
    assert f.verdict == "compliant"
    assert "follows a major security incident" in f.explanation.en


def test_incident_thinly_described_is_a_gap():
    answers = {"security.incident_since_last": "yes", "security.incident_description": "账号被盗",
               "conclusion.reason": ["incident"], "conclusion.previous_report": "PIA-2025-003 v2"}
    f = only(answers, INC)
    assert f.verdict == "gap" and "too thin" in f.explanation.en


def test_incident_reassessment_without_previous_report_is_advisory():
    answers = {"security.incident_since_last": "yes", "security.incident_description": INCIDENT_TEXT,
               "conclusion.reason": ["incident"]}
    assert verdicts(answers, INC) == ["advisory"]


def test_incident_reason_contradicting_security_answer_is_advisory():
    for since in ("no", None):
        answers = {"security.incident_since_last": since, "conclusion.reason": ["incident"],
                   "conclusion.previous_report": "PIA-2025-003 v2"}
        f = only(answers, INC)
        assert f.verdict == "advisory" and "the answers disagree" in f.explanation.en


def test_incident_unknown_is_advisory():
    assert verdicts({"security.incident_since_last": "unknown", "conclusion.reason": ["initial"]}, INC) == \
        ["advisory"]


def test_no_incident_and_full_plan_is_compliant():
    answers = {"security.incident_since_last": "no", "conclusion.reason": ["initial"],
               "conclusion.reassess_triggers": ALL_TRIGGERS}
    f = only(answers, INC)
    assert f.verdict == "compliant"
    assert "No major security incident" in f.explanation.en
    # The reason is still to come: the security answer alone decides nothing.
    assert verdicts({"security.incident_since_last": "yes", "security.incident_description": INCIDENT_TEXT},
                    INC) == []


def test_plan_without_major_incident_is_a_gap():
    answers = {"security.incident_since_last": "no", "conclusion.reason": ["initial"],
               "conclusion.reassess_triggers": ["purpose_change", "method_change"]}
    assert verdicts(answers, INC) == ["gap"]


# ---------------------------------------------------------------- GB/T 35273 11.4 c)-d), GB/T 39335 5.1

def test_plan_without_legal_or_business_change_is_advisory():
    f = only({"conclusion.reassess_triggers": ["purpose_change", "method_change", "major_incident"]},
             "GBT35273-11.4CD-PIA-TRIGGERS")
    assert f.verdict == "advisory" and "New requirements in law" in f.explanation.en
    assert verdicts({"conclusion.reassess_triggers": ALL_TRIGGERS}, "GBT35273-11.4CD-PIA-TRIGGERS") == ["compliant"]


def test_next_review_date():
    base = {"conclusion.reassess_triggers": ALL_TRIGGERS}
    ob = "GBT39335-5.1-TRIGGERS"
    f = only(base, ob)
    assert f.verdict == "advisory" and "No date" in f.explanation.en
    assert verdicts({**base, "conclusion.next_review": "2027-11-01"}, ob) == ["compliant"]
    f = only({**base, "conclusion.next_review": "2026-11-25"}, ob)  # TODAY is 2026-11-26
    assert f.verdict == "advisory" and "has passed" in f.explanation.en
    f = only({**base, "conclusion.next_review": "2028-01-01"}, ob)
    assert f.verdict == "advisory" and "more than a year" in f.explanation.en
    # Reached via the decision too.
    assert verdicts({"conclusion.decision": "proceed"}, ob) == ["advisory"]


# ---------------------------------------------------------------- GB/T 39335 5.2.1: team and signatory

TEAM = {
    "conclusion.team": [
        {"name": "李敏", "role": "lead", "organisation": "法务部", "independent": "yes"},
        {"name": "张伟", "role": "business", "organisation": "前厅部", "independent": "no"},
    ],
    "conclusion.signatory": "赵丽，个人信息保护负责人",
    "conclusion.recipients": "总经理办公会",
    "conclusion.period_start": "2026-10-01",
    "conclusion.period_end": "2026-11-20",
}
TS = "GBT39335-5.2-TEAM-SIGNATORY"


def test_team_compliant():
    assert verdicts(TEAM, TS) == ["compliant"]


def test_team_unanswered_gives_no_finding():
    assert verdicts({"conclusion.recipients": "总经理办公会"}, TS) == []


def test_team_without_lead_or_independent_member_is_advisory():
    rows = [{**r, "role": "member"} for r in TEAM["conclusion.team"]]
    f = only({**TEAM, "conclusion.team": rows}, TS)
    assert f.verdict == "advisory" and "no lead assessor" in f.explanation.en
    rows = [{**r, "independent": "no"} for r in TEAM["conclusion.team"]]
    f = only({**TEAM, "conclusion.team": rows}, TS)
    assert f.verdict == "advisory" and "independent" in f.explanation.en


def test_placeholder_signatory_is_a_gap():
    f = only({**TEAM, "conclusion.signatory": "待定"}, TS)
    assert f.verdict == "advisory" and "Nobody is named to sign" in f.explanation.en


def test_period_end_before_start_is_advisory():
    assert verdicts({**TEAM, "conclusion.period_end": "2026-09-30"}, TS) == ["advisory"]


# ---------------------------------------------------------------- GB/T 39335 5.2.4: consultation

SH = "GBT39335-5.2-SCOPE-STAKEHOLDERS"
CONSULTED = {
    "conclusion.consulted": "yes",
    "conclusion.consult_groups": ["data_subjects", "frontline_staff"],
    "conclusion.consult_methods": ["survey"],
    "conclusion.consult_result": "住客问卷中三成希望保留人工核验，已保留人工通道并在告知牌中写明。",
}


def test_consultation_compliant():
    assert verdicts(CONSULTED, SH) == ["compliant"]


def test_consultation_unanswered_gives_no_finding():
    assert verdicts({}, SH) == []


def test_consultation_without_result_or_subjects_is_advisory():
    assert verdicts({**CONSULTED, "conclusion.consult_result": "无"}, SH) == ["advisory"]
    f = only({**CONSULTED, "conclusion.consult_groups": ["partners", "developers_ops"]}, SH)
    assert f.verdict == "advisory" and "Only staff or partners" in f.explanation.en


def test_no_consultation_with_reason_is_advisory_without_is_gap():
    reason = "评估时间只有两周，已查阅近一年的住客投诉和前台反馈记录作为替代。"
    assert verdicts({"conclusion.consulted": "no", "conclusion.consult_why_not": reason}, SH) == ["advisory"]
    assert verdicts({"conclusion.consulted": "no", "conclusion.consult_why_not": "无"}, SH) == ["advisory"]
    assert verdicts({"conclusion.consulted": "unknown"}, SH) == ["advisory"]
    # The reason given while consulted == yes is hidden and ignored.
    assert verdicts({**CONSULTED, "conclusion.consult_why_not": "x"}, SH) == ["compliant"]


def test_staff_attendance_needs_staff_representatives():
    base = {**CONSULTED, "scope.deployment": "workplace_attendance"}
    f = only(base, SH)
    assert f.verdict == "advisory" and "Labour Contract Law Art. 4" in f.explanation.en
    reps = {**base, "conclusion.consult_groups": ["representatives"]}
    assert verdicts(reps, SH) == ["compliant"]


# ---------------------------------------------------------------- Art. 9(1) / PIPL 56(1)

LAWFUL = {
    "conclusion.lawful_judgement": "yes",
    "conclusion.lawful_reason": "目的限于入住身份核验，依据住客单独同意；提供刷身份证加人工核验的替代方式；"
                                "终端本地1:1比对、不留存图像。",
}
LAW = ("FRM-09-CONTENT-LAWFUL", "PIPL-56-CONTENT-LAWFUL")


def test_lawful_judgement_is_a_content_item_met_by_a_reasoned_judgement():
    """Measures Art. 9(1) / PIPL 56(1) say what the assessment contains: a reasoned "no" or "only with fixes"
    meets them (the defects are charged to the articles behind them), a judgement without reasons does not."""
    for ob in LAW:
        assert verdicts(LAWFUL, ob) == ["compliant"]
        f = only({**LAWFUL, "conclusion.lawful_judgement": "with_fixes"}, ob)
        assert f.verdict == "compliant" and "only once the problems found" in f.explanation.en
        f = only({**LAWFUL, "conclusion.lawful_judgement": "no"}, ob)
        assert f.verdict == "compliant" and "finds that they are not" in f.explanation.en
        assert verdicts({**LAWFUL, "conclusion.lawful_reason": "合法"}, ob) == ["gap"]
        assert verdicts({"conclusion.lawful_reason": LAWFUL["conclusion.lawful_reason"]}, ob) == []


# ---------------------------------------------------------------- the decision (GB/T 35273 11.4 e)

DEC = "GBT35273-11.4E-REPORT-ACCEPTABLE-RISK"
PROCEED = {
    **RISK_GOOD, **LAWFUL,
    "conclusion.decision": "proceed",
    "conclusion.decision_reason": "入住核验确有必要，设计采用终端本地比对且不留存图像，"
                                  "七类风险处置后均为低，措施与风险相适应。",
}


def test_proceed_with_acceptable_residual_risk_is_compliant():
    assert verdicts(PROCEED, DEC, risks=risks()) == ["compliant"]


def test_decision_unanswered_gives_no_finding():
    assert verdicts({**PROCEED, "conclusion.decision": None}, DEC, risks=risks()) == []


def test_decision_without_reasons_is_a_gap():
    assert verdicts({**PROCEED, "conclusion.decision_reason": "同意"}, DEC, risks=risks()) == ["advisory"]


def test_proceed_with_unacceptable_residual_risk_is_a_gap():
    f = only(PROCEED, DEC, risks=risks(high=("leak", "illegal_use")))
    assert f.verdict == "advisory"
    assert "these risks are still at an unacceptable level: Leak, Illegal use" in f.explanation.en


def test_proceed_against_own_judgements_is_a_gap():
    assert verdicts({**PROCEED, "conclusion.lawful_judgement": "with_fixes"}, DEC, risks=risks()) == ["advisory"]
    assert verdicts({**PROCEED, "risk.measures_judgement": "partly"}, DEC, risks=risks()) == ["advisory"]
    assert verdicts({**PROCEED, "risk.mitigation_effective": "not_effective"}, DEC, risks=risks()) == ["advisory"]


def test_proceed_with_immediate_measures_still_planned_is_advisory():
    rows = [*RISK_GOOD["risk.measures"], {"measure": "关闭终端的U盘导出功能", "risks": ["leak"], "status": "planned",
                                          "treatment": "immediate", "owner": "信息部", "due": "2026-12-01"}]
    f = only({**PROCEED, "risk.measures": rows}, DEC, risks=risks())
    assert f.verdict == "advisory" and "immediate treatment" in f.explanation.en


def test_residual_risk_not_rated_is_advisory():
    f = only(PROCEED, DEC)
    assert f.verdict == "advisory" and "not yet fully rated" in f.explanation.en


def test_conditional_decision():
    cond = {**PROCEED, "conclusion.decision": "proceed_with_conditions",
            "conclusion.conditions": "上线前完成供应商运维账号一人一号改造并开启审计（信息部，2027-01-31前）。"}
    assert verdicts(cond, DEC, risks=risks()) == ["compliant"]
    assert verdicts({**cond, "conclusion.conditions": None}, DEC, risks=risks()) == ["advisory"]
    f = only(cond, DEC, risks=risks(high=("leak",)))
    assert f.verdict == "advisory" and "make them conditions" in f.action.en
    assert verdicts({**cond, "conclusion.lawful_judgement": "no"}, DEC, risks=risks()) == ["advisory"]


def test_do_not_proceed():
    stop = {**PROCEED, "conclusion.decision": "do_not_proceed"}
    assert verdicts(stop, DEC) == ["compliant"]  # residual ratings do not matter when nothing goes ahead
    f = only({**stop, "scope.started": "yes"}, DEC)
    assert f.verdict == "advisory" and "PIPL Art. 47" in f.action.en


# ---------------------------------------------------------------- data checks in this section

def test_section_checks():
    assert verdicts({"conclusion.publish": "summary"}, "GBT35273-11.4F-REPORT-AVAILABLE") == ["compliant"]
    assert verdicts({"conclusion.publish": "internal"}, "GBT35273-11.4F-REPORT-AVAILABLE") == ["advisory"]
    assert verdicts({"conclusion.pia_regime": "no"}, "GBT35273-11.4A-PIA-REGIME") == ["advisory"]
    for ob in ("FRM-09-RETAIN-3Y", "PIPL-56-RETAIN-3Y"):
        assert verdicts({"conclusion.retention": "yes"}, ob) == ["compliant"]
        assert verdicts({"conclusion.retention": "no"}, ob) == ["gap"]
    reason = {"conclusion.reason": ["periodic"]}
    assert verdicts({**reason, "conclusion.previous_actions": "partly"}, "GBT39335-5.8-RESIDUAL-TRACKING") == \
        ["advisory"]
    # Hidden for a first assessment.
    assert verdicts({"conclusion.reason": ["initial"], "conclusion.previous_actions": "partly"},
                    "GBT39335-5.8-RESIDUAL-TRACKING") == []
