"""GB/T 39335 Annex D: the +1 impact adjustment for vulnerable groups is proposed, and its absence reported."""

import copy
import json
from pathlib import Path

from pia_wizard.context import AppContext
from pia_wizard.core.assessment import parse
from pia_wizard.core.engine import evaluate
from pia_wizard.services.assessments import proposed_impact_adjustments
from tests.core.helpers import TODAY

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
OB = "GBT39335-D1-ADJ-VULNERABLE-UP"


def data(name: str) -> dict:
    return json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def finding(d: dict):
    ev = evaluate(parse(json.dumps(d, ensure_ascii=False)), today=TODAY)
    found = [f for f in ev.findings if f.obligation == OB]
    assert len(found) == 1, found
    return found[0]


def without_vulnerable_raise(d: dict) -> dict:
    d = copy.deepcopy(d)
    for entry in d["risks"].values():
        for stage in ("inherent", "current", "target"):
            if stage in entry:
                entry[stage]["impact_adjustments"] = [a for a in entry[stage].get("impact_adjustments", [])
                                                      if a["kind"] != "vulnerable"]
    d["answers"].pop("risk.vulnerable_reason", None)
    return d


def test_pupils_in_scope_without_the_raise_or_a_reason_is_advisory():
    d = without_vulnerable_raise(data("school-canteen"))
    f = finding(d)
    assert f.verdict == "advisory"
    assert "children under 14" in f.explanation.en and "no reason is given" in f.explanation.en


def test_a_written_reason_for_not_raising_is_accepted():
    d = without_vulnerable_raise(data("school-canteen"))
    d["answers"]["risk.vulnerable_reason"] = ("学生只在校内食堂刷脸消费，账户余额由家长充值且单日限额50元，"
                                              "泄露后的财产损失有限，影响程度的评定已经按学生群体的特点从严取值。")
    assert finding(d).verdict == "compliant"


def test_the_raise_in_every_stage_is_compliant_and_one_missing_stage_is_not():
    d = without_vulnerable_raise(data("school-canteen"))
    for entry in d["risks"].values():
        for stage in ("inherent", "current", "target"):
            if stage in entry:
                entry[stage].setdefault("impact_adjustments", []).append(
                    {"kind": "vulnerable", "reason": "受影响人群是未成年学生"})
    assert finding(d).verdict == "compliant"
    d["risks"]["leak"]["current"]["impact_adjustments"] = []
    f = finding(d)
    assert f.verdict == "advisory" and "Leak" in f.explanation.en


def test_no_vulnerable_group_is_not_applicable():
    d = data("factory-attendance")
    d["answers"].update({"scope.minors_u14": "no", "scope.elderly_disabled": "no",
                         "scope.data_subjects": ["employees"]})
    d["answers"].pop("risk.vulnerable_reason", None)
    assert finding(d).verdict == "not_applicable"


def test_the_risk_grid_gets_a_proposal_with_an_editable_reason():
    a = parse(json.dumps(without_vulnerable_raise(data("school-canteen")), ensure_ascii=False))
    proposal = proposed_impact_adjustments(AppContext(data_dir="/nonexistent", fixed_today=TODAY), a)
    assert proposal and proposal[0]["kind"] == "vulnerable"
    assert "GB/T 39335" in proposal[0]["reason"] and "学生" in proposal[0]["reason"]
    d = data("factory-attendance")
    d["answers"].update({"scope.minors_u14": "no", "scope.elderly_disabled": "no",
                         "scope.data_subjects": ["employees"]})
    d["answers"].pop("risk.vulnerable_reason", None)
    a = parse(json.dumps(d, ensure_ascii=False))
    assert proposed_impact_adjustments(AppContext(data_dir="/nonexistent", fixed_today=TODAY), a) == []


def test_no_proposal_once_applied_everywhere_or_declined_with_a_reason():
    ctx = AppContext(data_dir="/nonexistent", fixed_today=TODAY)
    # school-canteen: the raise is in every stage of every risk
    assert proposed_impact_adjustments(ctx, parse(json.dumps(data("school-canteen"), ensure_ascii=False))) == []
    # hotel: children and elderly guests, and a written reason why the ratings are not raised
    hotel = data("hotel-checkin")
    assert hotel["answers"]["risk.vulnerable_reason"]
    assert proposed_impact_adjustments(ctx, parse(json.dumps(hotel, ensure_ascii=False))) == []
    hotel["answers"].pop("risk.vulnerable_reason")
    assert proposed_impact_adjustments(ctx, parse(json.dumps(hotel, ensure_ascii=False)))
