"""The GB/T 39335 risk engine (pia_wizard.core.risk) and its label file."""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pia_wizard.core import risk
from pia_wizard.core.risk import (
    CONVENTIONS,
    IMPACT_DIMENSIONS,
    IMPACT_LEVELS,
    LIKELIHOOD_FACTORS,
    LIKELIHOOD_LEVELS,
    MATRIX,
    MATRIX_ID,
    RISK_LEVELS,
    RISKS,
    AppliedAdjustment,
    RiskDataError,
    RiskMethodConfigError,
    assess,
    check_labels,
    labels,
    risk_level,
    score,
    validate_risks,
)
from pia_wizard.paths import asset
from tests.conftest import examples

REASON = "every adjustment needs a written reason (GB/T 39335 Annex D)"
RISK_IDS = "allowed: leak, tamper, loss, destruction, illegal_acquisition, illegal_sale, illegal_use"
IMPACT_ALLOWED = "allowed: low, medium, high, severe"
LIKELIHOOD_ALLOWED = "allowed: low, medium, high, very_high"
DIMS = "allowed: autonomy, discrimination, reputation, property"
FACTORS = "allowed: network, process, personnel, business"
RATING_KEYS = "allowed: impact, impact_adjustments, likelihood, likelihood_adjustments"
IMPACT_KINDS = "impact adjustments allowed: volume, vulnerable, deidentified"
LIKELIHOOD_KINDS = "likelihood adjustments allowed: controls"
ALL_MISSING = (
    "impact.autonomy",
    "impact.discrimination",
    "impact.reputation",
    "impact.property",
    "likelihood.network",
    "likelihood.process",
    "likelihood.personnel",
    "likelihood.business",
)


def rating(
    impact: str | dict[str, str] | None = "medium",
    likelihood: str | dict[str, str] | None = "medium",
    impact_adjustments: tuple[str, ...] = (),
    likelihood_adjustments: tuple[str, ...] = (),
) -> dict[str, Any]:
    """A rating with every cell at one level (or the given per-name levels), adjustments by kind."""
    out: dict[str, Any] = {}
    if impact is not None:
        levels = impact if isinstance(impact, dict) else dict.fromkeys(IMPACT_DIMENSIONS, impact)
        out["impact"] = {d: {"level": level, "reason": f"{d} is {level}"} for d, level in levels.items()}
    if likelihood is not None:
        levels = likelihood if isinstance(likelihood, dict) else dict.fromkeys(LIKELIHOOD_FACTORS, likelihood)
        out["likelihood"] = {f: {"level": level} for f, level in levels.items()}
    if impact_adjustments:
        out["impact_adjustments"] = [{"kind": k, "reason": f"why {k}"} for k in impact_adjustments]
    if likelihood_adjustments:
        out["likelihood_adjustments"] = [{"kind": k, "reason": f"why {k}"} for k in likelihood_adjustments]
    return out


def entry(inherent: tuple[str, str] | None, residual: tuple[str, str] | None, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = dict(extra)
    if inherent:
        out["inherent"] = rating(*inherent)
    if residual:
        out["current"] = rating(*residual)
    return out


def all_risks(inherent: tuple[str, str], residual: tuple[str, str]) -> dict[str, Any]:
    return {r: entry(inherent, residual) for r in RISKS}


# ------------------------------------------------------------------------------------------ constants


def test_codes_are_the_contract():
    assert IMPACT_LEVELS == ("low", "medium", "high", "severe")
    assert LIKELIHOOD_LEVELS == ("low", "medium", "high", "very_high")
    assert RISK_LEVELS == ("low", "medium", "high", "severe")
    assert RISKS == ("leak", "tamper", "loss", "destruction", "illegal_acquisition", "illegal_sale", "illegal_use")
    assert IMPACT_DIMENSIONS == ("autonomy", "discrimination", "reputation", "property")
    assert LIKELIHOOD_FACTORS == ("network", "process", "personnel", "business")
    assert dict(risk.IMPACT_ADJUSTMENTS) == {"volume": 1, "vulnerable": 1, "deidentified": -1}
    assert dict(risk.LIKELIHOOD_ADJUSTMENTS) == {"controls": -1}
    assert risk.DEFAULT_UNACCEPTABLE_FROM == "high"


def test_codes_agree_with_the_file_schema():
    from pia_wizard.core import schema

    assert schema.RISK_IDS == RISKS
    assert schema.IMPACT_DIMENSIONS == IMPACT_DIMENSIONS
    assert schema.LIKELIHOOD_FACTORS == LIKELIHOOD_FACTORS
    assert schema.IMPACT_LEVELS == IMPACT_LEVELS
    assert schema.LIKELIHOOD_LEVELS == LIKELIHOOD_LEVELS


# ---------------------------------------------------------------------------------------------- matrix

# Written out from regulation.md e.5, not derived from MATRIX.
MATRIX_CELLS = [
    ("severe", "low", "medium"),
    ("severe", "medium", "high"),
    ("severe", "high", "severe"),
    ("severe", "very_high", "severe"),
    ("high", "low", "medium"),
    ("high", "medium", "medium"),
    ("high", "high", "high"),
    ("high", "very_high", "severe"),
    ("medium", "low", "low"),
    ("medium", "medium", "medium"),
    ("medium", "high", "medium"),
    ("medium", "very_high", "high"),
    ("low", "low", "low"),
    ("low", "medium", "low"),
    ("low", "high", "medium"),
    ("low", "very_high", "medium"),
]


@pytest.mark.parametrize(("impact", "likelihood", "expected"), MATRIX_CELLS)
def test_matrix_cell(impact, likelihood, expected):
    assert risk_level(impact, likelihood) == expected
    assert MATRIX[impact][likelihood] == expected


@pytest.mark.parametrize(("impact", "likelihood", "expected"), MATRIX_CELLS)
def test_matrix_cell_through_score(impact, likelihood, expected):
    assert score(rating(impact, likelihood)).level == expected


def test_matrix_has_exactly_sixteen_cells():
    assert tuple(MATRIX) == IMPACT_LEVELS
    assert all(tuple(row) == LIKELIHOOD_LEVELS for row in MATRIX.values())
    with pytest.raises(TypeError):
        MATRIX["low"]["low"] = "severe"  # type: ignore[index]


def test_matrix_id_names_the_table():
    assert isinstance(MATRIX_ID, str)
    assert "GB/T 39335" in MATRIX_ID
    assert "v1" in MATRIX_ID
    assert assess({}).matrix_id == MATRIX_ID


@pytest.mark.parametrize(("impact", "likelihood"), [("very_high", "low"), ("low", "severe"), ("", "low"), ("高", "低")])
def test_risk_level_rejects_unknown_codes(impact, likelihood):
    with pytest.raises(ValueError, match=r"unknown (impact|likelihood) level"):
        risk_level(impact, likelihood)


# ---------------------------------------------------------------------------------------------- score


def test_complete_rating_without_adjustments():
    s = score(rating("high", "medium"))
    assert s == risk.Score(
        impact_base="high",
        impact="high",
        impact_clamped=False,
        likelihood_base="medium",
        likelihood="medium",
        likelihood_clamped=False,
        level="medium",
        applied_adjustments=(),
        complete=True,
        missing=(),
    )


def test_max_aggregation_over_dimensions_and_factors():
    s = score(
        rating(
            {"autonomy": "low", "discrimination": "high", "reputation": "medium", "property": "low"},
            {"network": "medium", "process": "low", "personnel": "very_high", "business": "high"},
        )
    )
    assert (s.impact_base, s.likelihood_base, s.level) == ("high", "very_high", "severe")


@pytest.mark.parametrize("dimension", IMPACT_DIMENSIONS)
def test_every_dimension_counts_towards_the_max(dimension):
    levels = dict.fromkeys(IMPACT_DIMENSIONS, "low") | {dimension: "severe"}
    assert score(rating(levels, "low")).impact_base == "severe"


@pytest.mark.parametrize("factor", LIKELIHOOD_FACTORS)
def test_every_factor_counts_towards_the_max(factor):
    levels = dict.fromkeys(LIKELIHOOD_FACTORS, "low") | {factor: "very_high"}
    assert score(rating("low", levels)).likelihood_base == "very_high"


@pytest.mark.parametrize(
    ("base", "kinds", "expected", "clamped"),
    [
        ("low", ("volume",), "medium", False),
        ("high", ("volume",), "severe", False),
        ("medium", ("vulnerable",), "high", False),
        ("low", ("vulnerable",), "medium", False),
        ("medium", ("deidentified",), "low", False),
        ("severe", ("deidentified",), "high", False),
        ("low", ("volume", "vulnerable"), "high", False),
        ("medium", ("volume", "vulnerable"), "severe", False),
        # clamping at the top, and at the bottom
        ("high", ("volume", "vulnerable"), "severe", True),
        ("severe", ("volume",), "severe", True),
        ("severe", ("vulnerable",), "severe", True),
        ("low", ("deidentified",), "low", True),
        # summed first, then clamped, so the order does not matter
        ("severe", ("volume", "deidentified"), "severe", False),
        ("severe", ("deidentified", "volume"), "severe", False),
        ("high", ("volume", "vulnerable", "deidentified"), "severe", False),
        ("high", ("deidentified", "volume", "vulnerable"), "severe", False),
        ("severe", ("volume", "vulnerable", "deidentified"), "severe", True),
        ("low", ("deidentified", "volume"), "low", False),
    ],
)
def test_impact_adjustments(base, kinds, expected, clamped):
    s = score(rating(base, "low", impact_adjustments=kinds))
    assert (s.impact_base, s.impact, s.impact_clamped) == (base, expected, clamped)
    assert (s.likelihood, s.likelihood_clamped) == ("low", False)
    assert s.level == risk_level(expected, "low")
    assert [a.kind for a in s.applied_adjustments] == list(kinds)


@pytest.mark.parametrize(
    ("base", "expected", "clamped"),
    [("very_high", "high", False), ("high", "medium", False), ("medium", "low", False), ("low", "low", True)],
)
def test_likelihood_controls_adjustment(base, expected, clamped):
    s = score(rating("high", base, likelihood_adjustments=("controls",)))
    assert (s.likelihood_base, s.likelihood, s.likelihood_clamped) == (base, expected, clamped)
    assert (s.impact, s.impact_clamped) == ("high", False)
    assert s.level == risk_level("high", expected)


def test_adjustments_change_the_risk_level():
    assert score(rating("high", "high")).level == "high"
    assert score(rating("high", "high", impact_adjustments=("volume",))).level == "severe"
    assert score(rating("high", "high", likelihood_adjustments=("controls",))).level == "medium"
    both = score(rating("high", "high", impact_adjustments=("vulnerable",), likelihood_adjustments=("controls",)))
    assert both.level == "high"  # severe x medium


def test_applied_adjustments_are_recorded_with_reason_and_delta():
    s = score(
        rating(
            "medium", "high", impact_adjustments=("vulnerable", "deidentified"), likelihood_adjustments=("controls",)
        )
    )
    assert s.applied_adjustments == (
        AppliedAdjustment("impact", "vulnerable", 1, "why vulnerable"),
        AppliedAdjustment("impact", "deidentified", -1, "why deidentified"),
        AppliedAdjustment("likelihood", "controls", -1, "why controls"),
    )
    assert (s.impact, s.likelihood, s.level) == ("medium", "medium", "medium")


@pytest.mark.parametrize("kind", ["volume", "vulnerable", "deidentified"])
def test_each_impact_adjustment_at_most_once(kind):
    data = rating("low", "low", impact_adjustments=(kind, kind))
    with pytest.raises(RiskDataError) as err:
        score(data)
    assert err.value.problems == [
        f'impact_adjustments[1].kind: "{kind}" already appears at impact_adjustments[0]; '
        "each adjustment applies at most once"
    ]
    assert validate_risks({"risks": {"loss": {"inherent": data}}}) == [
        f'risks.loss.inherent.impact_adjustments[1].kind: "{kind}" already appears at '
        "risks.loss.inherent.impact_adjustments[0]; each adjustment applies at most once"
    ]


def test_controls_at_most_once():
    with pytest.raises(RiskDataError, match="each adjustment applies at most once"):
        score(rating("low", "very_high", likelihood_adjustments=("controls", "controls")))


@pytest.mark.parametrize(
    "adjustment", [{"kind": "volume"}, {"kind": "volume", "reason": ""}, {"kind": "volume", "reason": " \n\t"}]
)
def test_impact_adjustment_without_reason_is_not_applied_and_leaves_rating_incomplete(adjustment):
    data = rating("high", "high") | {"impact_adjustments": [adjustment]}
    s = score(data)
    assert (s.impact_base, s.impact, s.impact_clamped) == ("high", None, False)
    assert (s.likelihood, s.level) == ("high", None)
    assert s.applied_adjustments == ()
    assert (s.complete, s.missing) == (False, ("impact_adjustments[0].reason",))
    assert validate_risks({"risks": {"leak": {"inherent": data}}}) == [
        "risks.leak.inherent.impact_adjustments[0].reason: every adjustment needs a written reason (GB/T 39335 Annex D)"
    ]


def test_likelihood_adjustment_without_reason_is_not_applied():
    data = rating("high", "high") | {"likelihood_adjustments": [{"kind": "controls", "reason": "  "}]}
    s = score(data)
    assert (s.impact, s.likelihood_base, s.likelihood, s.level) == ("high", "high", None, None)
    assert s.missing == ("likelihood_adjustments[0].reason",)
    assert validate_risks({"risks": {"tamper": {"current": data}}}) == [
        f"risks.tamper.current.likelihood_adjustments[0].reason: {REASON}"
    ]


def test_non_string_reason_is_an_error_not_a_gap():
    data = rating("high", "high") | {"impact_adjustments": [{"kind": "volume", "reason": 5}]}
    with pytest.raises(RiskDataError) as err:
        score(data)
    assert err.value.problems == ["impact_adjustments[0].reason: must be a string, got a number"]


def test_empty_rating_is_incomplete_not_an_error():
    s = score({})
    assert s.missing == ALL_MISSING
    assert (s.complete, s.level, s.impact_base, s.impact, s.likelihood_base, s.likelihood) == (
        False,
        None,
        None,
        None,
        None,
        None,
    )


def test_partly_rated():
    data = rating({"autonomy": "severe", "property": "low"}, "medium")
    s = score(data)
    assert s.missing == ("impact.discrimination", "impact.reputation")
    assert (s.impact_base, s.impact, s.likelihood_base, s.likelihood, s.level) == (None, None, "medium", "medium", None)
    assert validate_risks({"risks": {"leak": {"inherent": data}}}) == []


def test_cell_with_reason_but_no_level_is_a_gap():
    data = rating("low", "low")
    data["likelihood"]["business"] = {"reason": "waiting for the traffic figures"}
    s = score(data)
    assert (s.complete, s.missing, s.likelihood_base, s.level) == (False, ("likelihood.business",), None, None)
    assert validate_risks({"risks": {"leak": {"inherent": data}}}) == [
        "risks.leak.inherent.likelihood.business.level: "
        "a rated cell needs a level; leave the cell out until it is decided"
    ]


def test_adjustments_on_an_unrated_axis_are_recorded_but_give_no_level():
    s = score({"impact_adjustments": [{"kind": "volume", "reason": "1.2 million guests a year"}]})
    assert (s.impact_base, s.impact, s.level) == (None, None, None)
    assert s.applied_adjustments == (AppliedAdjustment("impact", "volume", 1, "1.2 million guests a year"),)
    assert s.missing == ALL_MISSING


@pytest.mark.parametrize(
    ("data", "problems"),
    [
        (
            None,
            [f"(rating): expected a rating object, got null; {RATING_KEYS}"],
        ),
        (
            [],
            [f"(rating): expected a rating object, got an array; {RATING_KEYS}"],
        ),
        (
            {"impact": {"autonomy": {"level": "very_high"}}},
            ['impact.autonomy.level: "very_high" is not a valid impact level; allowed: low, medium, high, severe'],
        ),
        (
            {"likelihood": {"network": {"level": "severe"}}},
            [f'likelihood.network.level: "severe" is not a valid likelihood level; {LIKELIHOOD_ALLOWED}'],
        ),
    ],
)
def test_score_raises_on_malformed_rating(data, problems):
    with pytest.raises(RiskDataError) as err:
        score(data)
    assert err.value.problems == problems
    assert isinstance(err.value, ValueError)


def test_score_is_frozen():
    s = score(rating())
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.level = "low"  # type: ignore[misc]


# --------------------------------------------------------------------------------------------- assess


def test_assess_all_seven():
    risks = all_risks(("medium", "medium"), ("low", "low"))
    risks["leak"] = entry(
        ("severe", "very_high"), ("high", "medium"), description="face templates leak", measures="AES"
    )
    risks["illegal_use"] = entry(("high", "high"), ("medium", "high"))
    a = assess(risks)
    assert list(a.results) == list(RISKS)
    assert a.results["leak"].description == "face templates leak"
    assert a.results["leak"].measures == "AES"
    assert a.results["loss"].description is None
    assert (a.results["leak"].inherent.level, a.results["leak"].current.level) == ("severe", "medium")
    assert (a.overall_inherent, a.overall_current) == ("severe", "medium")
    assert a.unacceptable_from == "high"
    assert a.unacceptable == ()
    assert (a.complete, a.missing, a.warnings) == (True, (), ())


@pytest.mark.parametrize(
    ("threshold", "expected"),
    [
        ("low", RISKS),
        ("medium", ("leak", "tamper", "illegal_sale")),
        ("high", ("leak", "tamper")),
        ("severe", ("leak",)),
    ],
)
def test_unacceptable_threshold(threshold, expected):
    risks = all_risks(("low", "low"), ("low", "low"))
    risks["leak"] = entry(("severe", "very_high"), ("severe", "high"))  # residual severe
    risks["tamper"] = entry(("severe", "very_high"), ("high", "high"))  # residual high
    risks["illegal_sale"] = entry(("severe", "very_high"), ("medium", "medium"))  # residual medium
    a = assess(risks, threshold)
    assert a.unacceptable == expected
    assert a.unacceptable_from == threshold


def test_unacceptable_uses_the_residual_not_the_inherent_rating():
    a = assess(all_risks(("severe", "very_high"), ("low", "low")))
    assert a.overall_inherent == "severe"
    assert a.unacceptable == ()


def test_overall_waits_for_all_seven():
    risks = all_risks(("high", "high"), ("low", "low"))
    del risks["illegal_sale"]
    risks["loss"] = entry(("high", "high"), None)
    a = assess(risks)
    assert (a.overall_inherent, a.overall_current) == (None, None)
    assert a.complete is False
    assert a.missing == ("risks.loss.current", "risks.illegal_sale.inherent", "risks.illegal_sale.current")
    assert a.results["illegal_sale"] == risk.RiskResult("illegal_sale", None, None, None, None, None)
    assert a.results["loss"].inherent.level == "high"


def test_incomplete_rating_counts_as_missing():
    risks = all_risks(("high", "high"), ("low", "low"))
    risks["leak"]["current"] = rating("high", None)
    a = assess(risks)
    assert a.missing == ("risks.leak.current",)
    assert (a.overall_inherent, a.overall_current) == ("high", None)
    assert a.unacceptable == ()


def test_unacceptable_is_reported_before_all_seven_are_rated():
    a = assess({"destruction": entry(("severe", "high"), ("high", "high"))})
    assert a.unacceptable == ("destruction",)
    assert a.overall_current is None


def test_empty_risks():
    a = assess({})
    assert len(a.missing) == 14
    assert (a.overall_inherent, a.overall_current, a.unacceptable, a.warnings) == (None, None, (), ())


def test_residual_higher_than_inherent_warns():
    risks = all_risks(("medium", "medium"), ("medium", "medium"))
    risks["tamper"] = entry(("medium", "medium"), ("high", "high"))
    a = assess(risks)
    assert a.warnings == (
        "risks.tamper: the current risk level (high) is higher than the inherent level (medium); "
        "measures cannot raise a risk, so check the two ratings",
    )
    assert a.overall_current == "high"


def test_equal_or_lower_residual_does_not_warn():
    risks = all_risks(("medium", "medium"), ("medium", "medium"))
    risks["tamper"] = entry(("high", "high"), ("low", "low"))
    assert assess(risks).warnings == ()


def test_assess_raises_on_malformed_risks():
    with pytest.raises(RiskDataError) as err:
        assess({"leak": {"inherent": rating("extreme", "low")}, "theft": {}})
    assert err.value.problems == [
        *(
            f'risks.leak.inherent.impact.{d}.level: "extreme" is not a valid impact level; {IMPACT_ALLOWED}'
            for d in IMPACT_DIMENSIONS
        ),
        "risks.theft: unknown risk id; "
        "allowed: leak, tamper, loss, destruction, illegal_acquisition, illegal_sale, illegal_use",
    ]


@pytest.mark.parametrize("threshold", ["very_high", "", None, "HIGH"])
def test_assess_rejects_a_bad_threshold(threshold):
    with pytest.raises(RiskDataError, match=r"risk_acceptance\.unacceptable_from: .* is not a risk level"):
        assess({}, threshold)


def test_assess_tolerates_missing_reasons():
    risks = all_risks(("high", "high"), ("low", "low"))
    risks["leak"]["inherent"]["impact_adjustments"] = [{"kind": "volume", "reason": ""}]
    a = assess(risks)
    assert a.results["leak"].inherent.missing == ("impact_adjustments[0].reason",)
    assert a.overall_inherent is None


# ----------------------------------------------------------------------------------------- validation


def full_document() -> dict[str, Any]:
    risks = all_risks(("high", "high"), ("medium", "medium"))
    risks["leak"]["description"] = "人脸特征库泄露"
    risks["leak"]["measures"] = "加密存储"
    risks["leak"]["inherent"]["impact_adjustments"] = [
        {"kind": "volume", "reason": "超过50万人"},
        {"kind": "vulnerable", "reason": "学生"},
        {"kind": "deidentified", "reason": "only templates"},
    ]
    risks["leak"]["current"]["likelihood_adjustments"] = [{"kind": "controls", "reason": "应急预案已演练"}]
    return {"format_version": 1, "risks": risks, "risk_acceptance": {"unacceptable_from": "medium"}}


def test_valid_documents_have_no_problems():
    assert validate_risks(full_document()) == []
    assert validate_risks({}) == []
    assert validate_risks({"risks": {}, "risk_acceptance": {}}) == []
    assert validate_risks({"risks": {"leak": {}}}) == []
    assert validate_risks({"risks": {"leak": {"inherent": {}, "current": {"impact": {}, "likelihood": {}}}}}) == []
    assert validate_risks({"answers": "not mine to check"}) == []


@pytest.mark.parametrize("junk", [None, [], [1, 2], "risks", "", 0, 3.5, True, False])
def test_top_level_junk(junk):
    kind = {
        type(None): "null",
        list: "an array",
        str: "a string",
        int: "a number",
        float: "a number",
        bool: "true/false",
    }
    assert validate_risks(junk) == [f"(assessment): expected a JSON object, got {kind[type(junk)]}"]


P = "risks.leak.inherent"


def leak_inherent(rating_value: Any) -> dict[str, Any]:
    return {"risks": {"leak": {"inherent": rating_value}}}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"risks": []}, [f"risks: expected an object keyed by risk id, got an array; {RISK_IDS}"]),
        ({"risks": None}, [f"risks: expected an object keyed by risk id, got null; {RISK_IDS}"]),
        ({"risks": "leak"}, [f"risks: expected an object keyed by risk id, got a string; {RISK_IDS}"]),
        ({"risks": {"theft": {}}}, [f"risks.theft: unknown risk id; {RISK_IDS}"]),
        ({"risks": {"泄露": {}}}, [f"risks.泄露: unknown risk id; {RISK_IDS}"]),
        ({"risks": {"Leak ": {}}}, [f'risks["Leak "]: unknown risk id; {RISK_IDS}']),
        (
            {"risks": {"leak": None}},
            ["risks.leak: expected an object, got null; allowed: description, inherent, current, target, measures"],
        ),
        (
            {"risks": {"leak": [1]}},
            ["risks.leak: expected an object, got an array; allowed: description, inherent, current, target, measures"],
        ),
        (
            {"risks": {"leak": {"treatment": "accept"}}},
            ["risks.leak.treatment: unknown field; allowed: description, inherent, current, target, measures"],
        ),
        ({"risks": {"leak": {"description": 3}}}, ["risks.leak.description: must be a string, got a number"]),
        ({"risks": {"leak": {"measures": ["a"]}}}, ["risks.leak.measures: must be a string, got an array"]),
        (leak_inherent(None), [f"{P}: expected a rating object, got null; {RATING_KEYS}"]),
        (leak_inherent("high"), [f"{P}: expected a rating object, got a string; {RATING_KEYS}"]),
        (leak_inherent({"level": "high"}), [f"{P}.level: unknown field; {RATING_KEYS}"]),
        (
            leak_inherent({"impact": []}),
            [f"{P}.impact: expected an object keyed by impact dimension, got an array; {DIMS}"],
        ),
        (
            leak_inherent({"likelihood": 2}),
            [f"{P}.likelihood: expected an object keyed by likelihood factor group, got a number; {FACTORS}"],
        ),
        (
            leak_inherent({"impact": {"health": {"level": "low"}}}),
            [f"{P}.impact.health: unknown impact dimension; {DIMS}"],
        ),
        (
            leak_inherent({"impact": {"network": {"level": "low"}}}),
            [f'{P}.impact.network: "network" is a likelihood factor group, not an impact dimension; {DIMS}'],
        ),
        (
            leak_inherent({"likelihood": {"property": {"level": "low"}}}),
            [f'{P}.likelihood.property: "property" is an impact dimension, not a likelihood factor group; {FACTORS}'],
        ),
        (
            leak_inherent({"impact": {"autonomy": "high"}}),
            [P + '.impact.autonomy: expected an object like {"level": "...", "reason": "..."}, got a string'],
        ),
        (
            leak_inherent({"impact": {"autonomy": None}}),
            [P + '.impact.autonomy: expected an object like {"level": "...", "reason": "..."}, got null'],
        ),
        (
            leak_inherent({"impact": {"autonomy": {"level": "very_high"}}}),
            [f'{P}.impact.autonomy.level: "very_high" is not a valid impact level; {IMPACT_ALLOWED}'],
        ),
        (
            leak_inherent({"impact": {"autonomy": {"level": "High"}}}),
            [f'{P}.impact.autonomy.level: "High" is not a valid impact level; {IMPACT_ALLOWED}'],
        ),
        (
            leak_inherent({"impact": {"autonomy": {"level": 3}}}),
            [f"{P}.impact.autonomy.level: 3 is not a valid impact level; {IMPACT_ALLOWED}"],
        ),
        (
            leak_inherent({"impact": {"autonomy": {"level": None}}}),
            [f"{P}.impact.autonomy.level: null is not a valid impact level; {IMPACT_ALLOWED}"],
        ),
        (
            leak_inherent({"impact": {"autonomy": {"level": ["high"]}}}),
            [f'{P}.impact.autonomy.level: ["high"] is not a valid impact level; {IMPACT_ALLOWED}'],
        ),
        (
            leak_inherent({"likelihood": {"network": {"level": "severe"}}}),
            [f'{P}.likelihood.network.level: "severe" is not a valid likelihood level; {LIKELIHOOD_ALLOWED}'],
        ),
        (
            leak_inherent({"impact": {"autonomy": {"level": "low", "reason": 1}}}),
            [P + ".impact.autonomy.reason: must be a string, got a number"],
        ),
        (
            leak_inherent({"impact": {"autonomy": {"level": "low", "note": "x"}}}),
            [P + ".impact.autonomy.note: unknown field; allowed: level, reason"],
        ),
        (
            leak_inherent({"impact_adjustments": {"kind": "volume"}}),
            [P + ".impact_adjustments: expected an array of adjustments, got an object"],
        ),
        (
            leak_inherent({"impact_adjustments": ["volume"]}),
            [P + '.impact_adjustments[0]: expected an object like {"kind": "...", "reason": "..."}, got a string'],
        ),
        (
            leak_inherent({"impact_adjustments": [{"reason": "x"}]}),
            [f"{P}.impact_adjustments[0].kind: every adjustment needs a kind; {IMPACT_KINDS}"],
        ),
        (
            leak_inherent({"impact_adjustments": [{"kind": "controls", "reason": "x"}]}),
            [f'{P}.impact_adjustments[0].kind: "controls" adjusts the likelihood, not the impact; {IMPACT_KINDS}'],
        ),
        (
            leak_inherent({"likelihood_adjustments": [{"kind": "volume", "reason": "x"}]}),
            [
                f'{P}.likelihood_adjustments[0].kind: "volume" adjusts the impact, not the likelihood; '
                f"{LIKELIHOOD_KINDS}"
            ],
        ),
        (
            leak_inherent({"impact_adjustments": [{"kind": "scale", "reason": "x"}]}),
            [f'{P}.impact_adjustments[0].kind: unknown adjustment kind "scale"; {IMPACT_KINDS}'],
        ),
        (
            leak_inherent({"impact_adjustments": [{"kind": None, "reason": "x"}]}),
            [f"{P}.impact_adjustments[0].kind: unknown adjustment kind null; {IMPACT_KINDS}"],
        ),
        (
            leak_inherent({"impact_adjustments": [{"kind": "volume", "reason": None}]}),
            [f"{P}.impact_adjustments[0].reason: {REASON}"],
        ),
        (
            leak_inherent({"impact_adjustments": [{"kind": "volume", "reason": ["x"]}]}),
            [P + ".impact_adjustments[0].reason: must be a string, got an array"],
        ),
        (
            leak_inherent({"impact_adjustments": [{"kind": "volume", "reason": "x", "delta": 2}]}),
            [P + ".impact_adjustments[0].delta: unknown field; allowed: kind, reason"],
        ),
        (
            {"risk_acceptance": "high"},
            ['risk_acceptance: expected an object like {"unacceptable_from": "high"}, got a string'],
        ),
        (
            {"risk_acceptance": {"unacceptable_from": "very_high"}},
            [f'risk_acceptance.unacceptable_from: "very_high" is not a risk level; {IMPACT_ALLOWED}'],
        ),
        (
            {"risk_acceptance": {"unacceptable_from": None}},
            [f"risk_acceptance.unacceptable_from: null is not a risk level; {IMPACT_ALLOWED}"],
        ),
        (
            {"risk_acceptance": {"threshold": "high"}},
            ["risk_acceptance.threshold: unknown field; allowed: unacceptable_from, matrix_id"],
        ),
    ],
)
def test_validate_reports_problem(data, expected):
    assert validate_risks(data) == expected


def test_validate_reports_every_problem_at_once():
    doc = full_document()
    doc["risks"]["leak"]["inherent"]["impact"]["autonomy"]["level"] = "extreme"
    doc["risks"]["tamper"]["current"]["likelihood_adjustments"] = [
        {"kind": "controls"},
        {"kind": "controls", "reason": "x"},
    ]
    doc["risks"]["loss"] = "n/a"
    doc["risks"]["theft"] = {}
    doc["risk_acceptance"]["unacceptable_from"] = "unacceptable"
    assert validate_risks(doc) == [
        f'risks.leak.inherent.impact.autonomy.level: "extreme" is not a valid impact level; {IMPACT_ALLOWED}',
        f"risks.tamper.current.likelihood_adjustments[0].reason: {REASON}",
        'risks.tamper.current.likelihood_adjustments[1].kind: "controls" already appears at '
        "risks.tamper.current.likelihood_adjustments[0]; each adjustment applies at most once",
        "risks.loss: expected an object, got a string; allowed: description, inherent, current, target, measures",
        f"risks.theft: unknown risk id; {RISK_IDS}",
        f'risk_acceptance.unacceptable_from: "unacceptable" is not a risk level; {IMPACT_ALLOWED}',
    ]


def test_validate_survives_python_values_that_are_not_json():
    problems = validate_risks({"risks": {"leak": {"inherent": {"impact": {"autonomy": {"level": object()}}}}}, 7: 1})
    assert len(problems) == 1
    assert problems[0].startswith("risks.leak.inherent.impact.autonomy.level: <object object at")
    assert validate_risks({"risks": {3: {}}}) == [f"risks[3]: unknown risk id; {RISK_IDS}"]
    assert validate_risks({"risks": {"leak": {"inherent": {"impact_adjustments": ({"kind": "volume"},)}}}}) == [
        "risks.leak.inherent.impact_adjustments: expected an array of adjustments, got a Python tuple"
    ]


_KEYS = st.sampled_from(
    [
        "risks",
        "risk_acceptance",
        "unacceptable_from",
        *RISKS,
        "inherent",
        "current",
        "target",
        "residual",
        "description",
        "measures",
        "impact",
        "likelihood",
        "impact_adjustments",
        "likelihood_adjustments",
        *IMPACT_DIMENSIONS,
        *LIKELIHOOD_FACTORS,
        "level",
        "reason",
        "kind",
        "theft",
    ]
)
_LEAVES = st.one_of(
    st.sampled_from([*IMPACT_LEVELS, "very_high", "volume", "vulnerable", "deidentified", "controls", "", " ", "x"]),
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=5),
)
_JSON = st.recursive(
    _LEAVES,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(_KEYS | st.text(max_size=3), children, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=examples(400), deadline=None)
@given(_JSON)
def test_validate_never_raises_and_agrees_with_assess(data):
    problems = validate_risks(data)
    assert isinstance(problems, list)
    assert all(isinstance(p, str) and ": " in p for p in problems)
    if isinstance(data, dict) and "risks" in data:
        try:
            assess(data["risks"])
        except RiskDataError as err:
            assert problems, "assess() refused data that validate_risks() accepted"
            assert set(err.problems) <= set(problems)
        else:
            assert all(REASON in p or "needs a level" in p or p.startswith("risk_acceptance") for p in problems)


@settings(max_examples=examples(200), deadline=None)
@given(
    st.fixed_dictionaries(
        {
            "impact": st.dictionaries(
                st.sampled_from(IMPACT_DIMENSIONS), st.fixed_dictionaries({"level": st.sampled_from(IMPACT_LEVELS)})
            ),
            "likelihood": st.dictionaries(
                st.sampled_from(LIKELIHOOD_FACTORS),
                st.fixed_dictionaries({"level": st.sampled_from(LIKELIHOOD_LEVELS)}),
            ),
            "impact_adjustments": st.lists(st.sampled_from(["volume", "vulnerable", "deidentified"]), unique=True).map(
                lambda kinds: [{"kind": k, "reason": "r"} for k in kinds]
            ),
            "likelihood_adjustments": st.lists(st.just("controls"), max_size=1).map(
                lambda kinds: [{"kind": k, "reason": "r"} for k in kinds]
            ),
        }
    )
)
def test_score_properties(data):
    s = score(data)
    assert s.complete == (len(data["impact"]) == 4 and len(data["likelihood"]) == 4)
    if s.complete:
        expected_impact = max(IMPACT_LEVELS.index(c["level"]) for c in data["impact"].values())
        expected_impact += sum(risk.IMPACT_ADJUSTMENTS[a["kind"]] for a in data["impact_adjustments"])
        assert s.impact == IMPACT_LEVELS[min(max(expected_impact, 0), 3)]
        assert s.impact_clamped == (expected_impact not in range(4))
        assert s.level == MATRIX[s.impact][s.likelihood]
    else:
        assert s.level is None


# --------------------------------------------------------------------------------------------- labels


def test_yaml_has_labels_for_every_code():
    lab = labels()
    for axis, codes in (("impact", IMPACT_LEVELS), ("likelihood", LIKELIHOOD_LEVELS), ("risk", RISK_LEVELS)):
        for code in codes:
            for lang in ("zh", "en"):
                assert lab["levels"][axis][code][lang].strip(), (axis, code, lang)
    for group, codes in (("dimensions", IMPACT_DIMENSIONS), ("factors", LIKELIHOOD_FACTORS), ("risks", RISKS)):
        for code in codes:
            assert lab[group][code]["zh"].strip() and lab[group][code]["en"].strip(), (group, code)
    for kind in ("volume", "vulnerable", "deidentified", "controls"):
        assert lab["adjustments"][kind]["help"]["zh"].strip()
        assert lab["adjustments"][kind]["help"]["en"].strip()
    for d in IMPACT_DIMENSIONS:
        for level in IMPACT_LEVELS:
            assert lab["criteria"]["impact"]["by_dimension"][d][level]["zh"].strip()
    for f in LIKELIHOOD_FACTORS:
        for level in LIKELIHOOD_LEVELS:
            assert lab["criteria"]["likelihood"]["by_factor"][f][level]["en"].strip()


def test_yaml_zh_labels_follow_the_sources():
    lab = labels()
    assert [lab["levels"]["likelihood"][c]["zh"] for c in LIKELIHOOD_LEVELS] == ["低", "中", "高", "很高"]
    assert [lab["levels"]["risk"][c]["zh"] for c in RISK_LEVELS] == ["低", "中", "高", "严重"]
    assert [lab["dimensions"][d]["zh"] for d in IMPACT_DIMENSIONS] == [
        "影响个人自主决定权",
        "引发差别性待遇",
        "个人名誉受损或遭受精神压力",
        "个人财产受损",
    ]
    assert [lab["factors"][f]["zh"] for f in LIKELIHOOD_FACTORS] == [
        "网络环境和技术措施",
        "个人信息处理流程",
        "参与人员与第三方",
        "业务特点和规模及安全态势",
    ]
    assert [lab["risks"][r]["zh"] for r in RISKS] == [
        "泄露",
        "篡改",
        "丢失",
        "毁损",
        "被非法获取",
        "被非法出售",
        "被非法使用",
    ]


def test_labels_are_cached_and_read_only():
    assert labels() is labels()
    with pytest.raises(TypeError):
        labels()["levels"]["impact"]["low"]["zh"] = "x"  # type: ignore[index]


def _raw_yaml() -> dict[str, Any]:
    return yaml.safe_load(asset("risk_method.yaml").read_text(encoding="utf-8"))


def test_check_labels_accepts_the_shipped_file():
    check_labels(_raw_yaml())


@pytest.mark.parametrize(
    ("path", "named"),
    [
        (("levels", "likelihood", "very_high"), "missing key levels.likelihood.very_high"),
        (("levels", "impact", "severe", "zh"), "missing key levels.impact.severe.zh"),
        (("dimensions", "property"), "missing key dimensions.property"),
        (("factors", "business", "en"), "missing key factors.business.en"),
        (("risks", "illegal_sale"), "missing key risks.illegal_sale"),
        (("adjustments", "controls", "help"), "missing key adjustments.controls.help"),
        (
            ("criteria", "likelihood", "by_factor", "personnel", "low"),
            "missing key criteria.likelihood.by_factor.personnel.low",
        ),
        (("matrix",), "missing key matrix"),
        (("terms", "current"), "missing key terms.current"),
    ],
)
def test_check_labels_names_the_missing_key(path, named):
    data = copy.deepcopy(_raw_yaml())
    node = data
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]
    with pytest.raises(RiskMethodConfigError) as err:
        check_labels(data, "risk_method.yaml")
    assert named in str(err.value)
    assert str(err.value).startswith("risk_method.yaml: ")


def test_check_labels_rejects_blank_and_non_text():
    data = _raw_yaml()
    data["risks"]["leak"]["zh"] = "  "
    data["levels"]["impact"]["low"]["en"] = 3
    with pytest.raises(RiskMethodConfigError) as err:
        check_labels(data)
    assert str(err.value) == (
        "risk_method.yaml: levels.impact.low.en must be non-empty text; risks.leak.zh must be non-empty text"
    )


@pytest.mark.parametrize("junk", [None, [], "levels", {"levels": []}])
def test_check_labels_on_junk(junk):
    with pytest.raises(RiskMethodConfigError, match="missing key levels"):
        check_labels(junk)


def test_labels_reports_a_broken_file(monkeypatch, tmp_path):
    (tmp_path / "risk_method.yaml").write_text("levels: {impact: [", encoding="utf-8")
    monkeypatch.setattr(risk, "asset", lambda name: tmp_path / name)
    risk.labels.cache_clear()
    try:
        with pytest.raises(RiskMethodConfigError, match="is not valid YAML"):
            risk.labels()
        (tmp_path / "risk_method.yaml").write_text("levels: {}\n", encoding="utf-8")
        with pytest.raises(RiskMethodConfigError, match=r"missing key levels\.impact"):
            risk.labels()
        (tmp_path / "risk_method.yaml").unlink()
        with pytest.raises(RiskMethodConfigError, match="cannot read"):
            risk.labels()
    finally:
        risk.labels.cache_clear()


def test_conventions_have_zh_and_en_text():
    assert set(CONVENTIONS) == {"impact_max", "likelihood_max", "adjustments", "overall_max", "unacceptable_default"}
    for key, text in CONVENTIONS.items():
        assert set(text) == {"zh", "en"}, key
        assert "convention" in text["en"], key
        assert "约定" in text["zh"], key
