"""Inherent, current and target risk (GB/T 39335 residual risk counts only measures in place), and the
migration of format-1 files, which rated one residual risk with planned measures counted."""

import copy
import json
from pathlib import Path

from pia_wizard.core.assessment import Assessment, parse
from pia_wizard.core.engine import MIGRATION_WARNING, evaluate
from pia_wizard.core.risk import assess
from tests.core.helpers import TODAY

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def example(name: str) -> dict:
    return json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def as_format_1(data: dict) -> dict:
    """What the file looked like in format 1: one 'residual' rating, which was the after-plan (target) one."""
    old = copy.deepcopy(data)
    old["format_version"] = 1
    for entry in old["risks"].values():
        entry["residual"] = entry.pop("target", entry["current"])
        entry.pop("current")
    return old


def evaluated(data: dict):
    return evaluate(parse(json.dumps(data, ensure_ascii=False)), today=TODAY)


def test_the_hotel_current_risk_does_not_count_intrusion_detection_due_after_go_live():
    data = example("hotel-checkin")
    leak = data["risks"]["leak"]
    assert "入侵检测" in leak["current"]["likelihood"]["network"]["reason"]
    result = assess(data["risks"], "high").results["leak"]
    assert result.current.likelihood_base == "medium"
    assert result.target.likelihood_base == "medium"
    assert leak["current"]["likelihood"]["network"]["level"] == "medium"
    assert leak["target"]["likelihood"]["network"]["level"] == "low"


def test_unacceptability_is_judged_on_the_current_level_not_the_target():
    data = example("residential-gate")  # live; nearly all remediation is planned
    r = assess(data["risks"], "high")
    assert "leak" in r.unacceptable and r.results["leak"].current.level == "severe"
    assert r.unacceptable_target == ()
    assert (r.overall_current, r.overall_target) == ("severe", "medium")


def test_a_conditional_go_ahead_names_the_plan_items_that_bring_the_risk_down():
    data = example("residential-gate")
    data["answers"]["conclusion.decision"] = "proceed_with_conditions"
    ev = evaluated(data)
    f = next(f for f in ev.findings if f.obligation == "GBT35273-11.4E-REPORT-ACCEPTABLE-RISK")
    assert "conditional on the planned measures" in f.explanation.en
    assert "生成特征值后删除云端注册照原图" in f.explanation.zh  # a named plan item
    data["answers"]["conclusion.decision"] = "proceed"
    f = next(f for f in evaluated(data).findings if f.obligation == "GBT35273-11.4E-REPORT-ACCEPTABLE-RISK")
    assert f.verdict != "compliant"
    assert "Only the planned measures" in f.explanation.en


def test_a_target_still_unacceptable_makes_a_conditional_go_ahead_a_gap():
    data = example("residential-gate")
    data["answers"]["conclusion.decision"] = "proceed_with_conditions"
    data["risks"]["leak"]["target"] = copy.deepcopy(data["risks"]["leak"]["current"])
    f = next(f for f in evaluated(data).findings if f.obligation == "GBT35273-11.4E-REPORT-ACCEPTABLE-RISK")
    assert f.verdict != "compliant"
    assert "Even after the whole action plan" in f.explanation.en


def test_a_missing_target_equals_the_current_level():
    data = example("hotel-checkin")
    r = assess(data["risks"], "high")
    assert r.results["tamper"].target is None
    assert r.results["tamper"].target_level == r.results["tamper"].current.level
    assert r.complete


def test_a_target_above_the_current_level_warns():
    data = example("hotel-checkin")
    data["risks"]["tamper"]["target"] = copy.deepcopy(data["risks"]["leak"]["inherent"])
    warnings = assess(data["risks"], "high").warnings
    assert any("the target risk level" in w and "action plan cannot raise" in w for w in warnings)


def test_planned_measures_without_a_target_rating_are_reported():
    data = example("hotel-checkin")
    del data["risks"]["leak"]["target"]
    f = next(f for f in evaluated(data).findings if f.obligation == "GBT39335-5.8-RESIDUAL-TRACKING")
    assert f.verdict == "advisory"
    assert "no target risk after the plan is rated" in f.explanation.en


def test_a_format_1_file_is_read_and_its_residual_stands_as_current_and_target():
    old = as_format_1(example("residential-gate"))
    a = parse(json.dumps(old, ensure_ascii=False))
    assert a.format_version == 2 and a.migrated_from == 1
    entry = a.risks["leak"]
    assert "residual" not in entry and entry["current"] == entry["target"] == old["risks"]["leak"]["residual"]
    ev = evaluate(a, today=TODAY)
    assert MIGRATION_WARNING in ev.warnings
    # nothing the approved file concluded changes on reading: the old residual levels are the current ones
    assert ev.risk.unacceptable == ()
    saved = json.loads(a.to_json())
    assert saved["format_version"] == 2 and "migrated_from" not in saved
    assert MIGRATION_WARNING not in evaluate(Assessment.from_dict(saved), today=TODAY).warnings


def test_a_format_2_file_with_a_residual_rating_is_refused_with_the_fix():
    data = example("hotel-checkin")
    data["risks"]["leak"]["residual"] = data["risks"]["leak"].pop("current")
    try:
        parse(json.dumps(data, ensure_ascii=False))
    except ValueError as exc:
        assert 'use "current" and "target"' in str(exc)
    else:
        raise AssertionError("a format-2 residual rating was accepted")


def test_format_1_fixtures_in_signed_reports_stay_readable():
    """Reports signed before format 2 embed format-1 JSON: reading them must not fail."""
    old = as_format_1(example("hotel-checkin"))
    a = parse(json.dumps(old, ensure_ascii=False).encode("utf-8"))
    assert evaluate(a, today=TODAY).risk.complete
