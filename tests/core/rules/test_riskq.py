"""Risk-section rules: Measures Art. 9 items (2)-(4), PIPL Art. 56(2)-(3), GB/T 39335 4.9 and 5.8."""

from tests.core.helpers import findings, verdicts

RISKS = ("leak", "tamper", "loss", "destruction", "illegal_acquisition", "illegal_sale", "illegal_use")
DIMS = ("autonomy", "discrimination", "reputation", "property")
FACTORS = ("network", "process", "personnel", "business")


def rating(impact, likelihood):
    return {"impact": {d: {"level": impact} for d in DIMS}, "likelihood": {f: {"level": likelihood} for f in FACTORS}}


def risks(high=()):
    """All seven rated; the ids in ``high`` keep a high current residual risk (unacceptable from 'high' by default)."""
    return {r: {"inherent": rating("high", "high"),
                "current": rating("high", "high") if r in high else rating("low", "low")} for r in RISKS}


HARMS = [{"risk": r, "causes": "运维账号共用", "harm": "人脸照片与身份证号一并外泄，可被用于冒名开户"} for r in RISKS]
MEASURES = [
    {"measure": "终端本地比对，不存储人脸图像", "risks": list(RISKS), "status": "in_place", "treatment": "immediate",
     "owner": "信息部", "due": None, "evidence": ["inspection", "testing"]},
    {"measure": "供应商运维账号改为一人一号并开启审计", "risks": ["leak", "illegal_acquisition"], "status": "planned",
     "treatment": "by_deadline", "owner": "王工", "due": "2027-01-31", "evidence": None},
]
IMPACT = ("住客不刷脸就只能排队人工核验，自主选择受到一定限制；误识可能导致入住受阻；"
          "人脸照片一旦外泄无法更换，可能被用于冒名开户或诈骗，影响长期且难以挽回。")
GOOD = {
    "risk.impact_rights": IMPACT,
    "risk.mitigation_effective": "effective",
    "risk.mitigation_reason": "现场测试刷身份证加人工核验，两分钟内完成，与刷脸等效；终端配置检查确认不留存图像。",
    "risk.harms": HARMS,
    "risk.measures": MEASURES,
    "risk.measures_judgement": "yes",
    "risk.measures_reason": "风险较高的是泄露和非法获取，已通过本地比对、不存储图像消除集中泄露的可能，剩余风险低。",
    "risk.methods": ["interview", "inspection", "testing"],
}


def only(answers, obligation, **fields):
    found = findings(answers, obligation, **fields)
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- FRM-09-CONTENT-IMPACT-MITIGATION

IM = "FRM-09-CONTENT-IMPACT-MITIGATION"


def test_impact_and_effective_mitigation_compliant():
    assert verdicts(GOOD, IM) == ["compliant"]


def test_impact_rule_waits_for_the_mitigation_judgement():
    assert verdicts({"risk.impact_rights": IMPACT}, IM) == []


def test_thin_impact_analysis_is_a_gap():
    f = only({**GOOD, "risk.impact_rights": "影响较小"}, IM)
    assert f.verdict == "gap"
    assert "impact of the processing" in f.explanation.en


def test_unverified_mitigation_is_a_content_gap_but_a_judged_shortfall_is_charged_to_art_4():
    """Art. 9(2) asks the assessment to judge effectiveness: 'unverified' leaves it unjudged (content gap);
    a judged 'not effective' or 'partly' meets the content item and is a shortfall of Measures Art. 4."""
    f = only({**GOOD, "risk.mitigation_effective": "unverified"}, IM)
    assert f.verdict == "gap" and "not been checked" in f.explanation.en
    for judged, verdict in (("not_effective", "gap"), ("partly", "advisory")):
        f = only({**GOOD, "risk.mitigation_effective": judged}, IM)
        assert f.verdict == "compliant" and "strict protective measures" in f.explanation.en
        short = [x for x in findings({**GOOD, "risk.mitigation_effective": judged}, "FRM-04-STRICT-PROTECTION")
                 if x.rule == "risk.shortfall"]
        assert [x.verdict for x in short] == [verdict]


def test_mitigation_without_basis_is_a_gap():
    assert verdicts({**GOOD, "risk.mitigation_reason": "有效"}, IM) == ["gap"]
    assert verdicts({**GOOD, "risk.mitigation_reason": None}, IM) == ["gap"]


# ---------------------------------------------------------------- FRM-09-CONTENT-SECURITY-RISKS / PIPL-56(2)

SR = "FRM-09-CONTENT-SECURITY-RISKS"
P56 = "PIPL-56-CONTENT-IMPACT-RISK"


def test_all_seven_risks_with_harm_compliant():
    assert verdicts(GOOD, SR) == ["compliant"]
    assert verdicts(GOOD, P56) == ["compliant"]


def test_missing_risks_are_named():
    harms = [h for h in HARMS if h["risk"] not in ("illegal_sale", "tamper")]
    f = only({**GOOD, "risk.harms": harms}, SR)
    assert f.verdict == "gap"
    assert "Tampering, Illegal sale" in f.explanation.en
    assert "篡改、被非法出售" in f.explanation.zh
    assert verdicts({**GOOD, "risk.harms": harms}, P56) == ["gap"]


def test_placeholder_harm_does_not_count():
    harms = [*HARMS[:-1], {"risk": "illegal_use", "harm": "无"}]
    f = only({**GOOD, "risk.harms": harms}, SR)
    assert f.verdict == "gap" and "Illegal use" in f.explanation.en


def test_unanswered_harms_give_no_finding():
    assert verdicts({**GOOD, "risk.harms": None}, SR) == []
    assert verdicts({**GOOD, "risk.harms": None}, P56) == []
    assert verdicts({**GOOD, "risk.impact_rights": None}, P56) == []


def test_pipl56_thin_impact_is_a_gap():
    assert verdicts({**GOOD, "risk.impact_rights": "无"}, P56) == ["gap"]


# ---------------------------------------------------------------- Art. 9(4) / PIPL 56(3)

PROP = ("FRM-09-CONTENT-MEASURES-PROPORTIONATE", "PIPL-56-CONTENT-MEASURES")


def test_proportionate_measures_compliant():
    for ob in PROP:
        assert verdicts(GOOD, ob, risks=risks()) == ["compliant"]


def test_partly_or_not_proportionate_is_one_gap_under_art_4_not_three():
    for judgement in ("partly", "no"):
        answers = {**GOOD, "risk.measures_judgement": judgement}
        for ob in PROP:
            assert verdicts(answers, ob) == ["compliant"]
        short = [x for x in findings(answers, "FRM-04-STRICT-PROTECTION") if x.rule == "risk.shortfall"]
        assert [x.verdict for x in short] == ["gap"]
    assert not [x for x in findings(GOOD, "FRM-04-STRICT-PROTECTION") if x.rule == "risk.shortfall"]


def test_yes_contradicted_by_unacceptable_current_risk_is_an_inconsistency():
    f = only(GOOD, PROP[0], risks=risks(high=("leak",)))
    assert f.verdict == "advisory"
    assert "Inconsistent answers" in f.explanation.en and "for: Leak" in f.explanation.en
    # The threshold is the assessment's own: from 'severe', a high residual risk is acceptable.
    assert verdicts(GOOD, PROP[0], risks=risks(high=("leak",)),
                    risk_acceptance={"unacceptable_from": "severe"}) == ["compliant"]


def test_no_reasons_or_no_measures_is_a_gap():
    assert verdicts({**GOOD, "risk.measures_reason": "是"}, PROP[1]) == ["gap"]
    f = only({**GOOD, "risk.measures": None}, PROP[0])
    assert f.verdict == "gap" and "No protective measure" in f.explanation.en


def test_proportionality_unanswered_gives_no_finding():
    for ob in PROP:
        assert verdicts({**GOOD, "risk.measures_judgement": None}, ob) == []


# ---------------------------------------------------------------- GB/T 39335 5.8

TR = "GBT39335-5.8-TREATMENT"
TRACK = "GBT39335-5.8-RESIDUAL-TRACKING"


def test_action_plan_compliant():
    assert verdicts(GOOD, TR, risks=risks()) == ["compliant"]
    assert verdicts(GOOD, TRACK) == ["compliant"]


def test_action_plan_unanswered_gives_no_finding():
    assert verdicts({**GOOD, "risk.measures": None}, TR) == []
    assert verdicts({**GOOD, "risk.measures": None}, TRACK) == []


def test_risk_without_treatment_is_advisory():
    rows = [{**MEASURES[0], "risks": ["leak", "tamper"]}]
    f = only({**GOOD, "risk.measures": rows}, TR)
    assert f.verdict == "advisory"
    assert "Loss, Destruction, Illegal acquisition, Illegal sale, Illegal use" in f.explanation.en


def test_accepting_an_unacceptable_risk_is_advisory():
    rows = [*MEASURES, {"measure": "接受：风险已降至最低", "risks": ["loss"], "status": "in_place",
                        "treatment": "accepted", "evidence": ["interview"]}]
    f = only({**GOOD, "risk.measures": rows}, TR, risks=risks(high=("loss",)))
    assert f.verdict == "advisory" and "accepts them: Loss" in f.explanation.en
    assert verdicts({**GOOD, "risk.measures": rows}, TR, risks=risks()) == ["compliant"]


def test_planned_measure_without_owner_or_due_date():
    rows = [MEASURES[0], {**MEASURES[1], "owner": None, "due": None}]
    f = only({**GOOD, "risk.measures": rows}, TRACK)
    assert f.verdict == "advisory"
    assert "have no owner" in f.explanation.en and "have no due date" in f.explanation.en


def test_overdue_planned_measure():
    rows = [MEASURES[0], {**MEASURES[1], "due": "2026-11-25"}]  # TODAY is 2026-11-26
    f = only({**GOOD, "risk.measures": rows}, TRACK)
    assert f.verdict == "advisory" and "past their due date" in f.explanation.en
    rows = [MEASURES[0], {**MEASURES[1], "due": "2026-11-26"}]
    assert verdicts({**GOOD, "risk.measures": rows}, TRACK) == ["compliant"]


def test_all_in_place_is_compliant_tracking():
    f = only({**GOOD, "risk.measures": [MEASURES[0]]}, TRACK)
    assert f.verdict == "compliant" and "in place" in f.explanation.en


# ---------------------------------------------------------------- GB/T 39335 4.9

EV = "GBT39335-4.9-METHODS"


def test_evidence_compliant():
    assert verdicts(GOOD, EV) == ["compliant"]


def test_interviews_only_is_advisory():
    f = only({**GOOD, "risk.methods": ["interview"]}, EV)
    assert f.verdict == "advisory" and "interviews alone" in f.explanation.en


def test_measure_in_place_without_evidence_is_advisory():
    rows = [{**MEASURES[0], "evidence": None}, MEASURES[1]]  # the planned one needs no evidence yet
    f = only({**GOOD, "risk.measures": rows}, EV)
    assert f.verdict == "advisory" and "终端本地比对" in f.explanation.zh


def test_methods_unanswered_gives_no_finding():
    assert verdicts({**GOOD, "risk.methods": None}, EV) == []
