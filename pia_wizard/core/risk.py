"""The GB/T 39335 risk engine: impact on rights x likelihood of an incident -> risk level.

The method follows Annex D of the 2019-10-20 approval draft of GB/T 39335 (shared/regulation.md (e)).
Its tables are cited by content, never by number, because the final standard's numbering is disputed.
Where the draft gives no rule, the code follows an app convention, and every convention is listed in
CONVENTIONS so that the report can print it.

Input is the assessment JSON (see schema.py): ``"risks": {risk_id: {"inherent": Rating, "current": Rating,
"target": Rating, ...}}``. Three stages, because GB/T 39335 residual risk reflects the measures in place:
inherent (before any measure), current (the measures in place at the assessment date, or at go-live for a
system not yet live) and target (once the action plan is done). Unacceptability is judged on the current
level. A target that is absent means no planned measure changes the risk: it equals the current level.
A cell or rating that is absent is "not rated yet" and makes a result incomplete, never an error.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any

import yaml

from pia_wizard.paths import asset

IMPACT_LEVELS = ("low", "medium", "high", "severe")
LIKELIHOOD_LEVELS = ("low", "medium", "high", "very_high")
RISK_LEVELS = ("low", "medium", "high", "severe")

# Measures Art. 9(3): 泄露、篡改、丢失、毁损、非法获取、非法出售、非法使用.
RISKS = ("leak", "tamper", "loss", "destruction", "illegal_acquisition", "illegal_sale", "illegal_use")
IMPACT_DIMENSIONS = ("autonomy", "discrimination", "reputation", "property")
LIKELIHOOD_FACTORS = ("network", "process", "personnel", "business")

IMPACT_ADJUSTMENTS: Mapping[str, int] = MappingProxyType({"volume": 1, "vulnerable": 1, "deidentified": -1})
LIKELIHOOD_ADJUSTMENTS: Mapping[str, int] = MappingProxyType({"controls": -1})

DEFAULT_UNACCEPTABLE_FROM = "high"

# Stored with an assessment so that a later version can tell which table rated it. Bump the version
# (and keep the old table) rather than editing MATRIX: the draft says the table must not change arbitrarily.
MATRIX_ID = "GB/T 39335 Annex D risk-level table (2019-10-20 approval draft), pia-wizard default v1"
# Rows: impact. Columns: likelihood low, medium, high, very_high.
_MATRIX_ROWS = {
    "severe": ("medium", "high", "severe", "severe"),
    "high": ("medium", "medium", "high", "severe"),
    "medium": ("low", "medium", "medium", "high"),
    "low": ("low", "low", "medium", "medium"),
}
MATRIX: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        impact: MappingProxyType(dict(zip(LIKELIHOOD_LEVELS, _MATRIX_ROWS[impact], strict=True)))
        for impact in IMPACT_LEVELS
    }
)

CONVENTIONS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "impact_max": MappingProxyType(
            {
                "zh": "影响程度（修正前）取四个权益影响维度中的最高等级。GB/T 39335 未规定合并公式，"
                "此为本软件的约定（从严取值），并非标准要求。",
                "en": "The impact before adjustments is the highest level among the four rights-impact "
                "dimensions. GB/T 39335 gives no formula for combining them; this is an app convention "
                "(the conservative choice), not a requirement of the standard.",
            }
        ),
        "likelihood_max": MappingProxyType(
            {
                "zh": "安全事件可能性（修正前）取四类风险源中的最高等级。报批稿的综合风险等级工作表按"
                "“风险源×影响类型”逐格评定可能性，但未规定如何合并；本软件对每项风险按四类风险源各评定"
                "一个等级并取最高值，此为本软件的约定。",
                "en": "The likelihood before adjustments is the highest level among the four risk-source "
                "factor groups. The draft's worksheet rates likelihood per factor group and impact type but "
                "does not say how to combine them; rating each factor group once per risk and taking the "
                "highest is an app convention.",
            }
        ),
        "adjustments": MappingProxyType(
            {
                "zh": "每种修正最多适用一次，且须写明理由。各项修正先相加，再将结果限定在最低与最高等级之间"
                "（例如“高”上调两级仍为“严重”），并标明已触及上限或下限。报批稿未规定上调能否叠加、"
                "是否以“严重”为上限，此为本软件的约定。",
                "en": "Each adjustment applies at most once and needs a written reason. The adjustments are "
                "added up first and the result is then kept between the lowest and highest level (e.g. "
                "'high' raised by two levels is 'severe'), with a note that the limit was reached. The draft "
                "does not say whether the raises stack or whether 'severe' is a cap; this is an app "
                "convention.",
            }
        ),
        "overall_max": MappingProxyType(
            {
                "zh": "整体风险等级取全部七类风险（泄露、篡改、丢失、毁损、被非法获取、被非法出售、被非法使用）"
                "中的最高等级，且仅在七类风险均已完整评定后给出。GB/T 39335 只要求综合形成评估对象的"
                "整体风险等级，未规定公式；此为本软件的约定。",
                "en": "The overall risk level is the highest level among all seven risks (leak, tampering, "
                "loss, destruction, illegal acquisition, illegal sale, illegal use), and is given only once "
                "all seven are fully rated. GB/T 39335 only says to combine the results into one level for "
                "the object assessed and gives no formula; this is an app convention.",
            }
        ),
        "unacceptable_default": MappingProxyType(
            {
                "zh": "默认将当前剩余风险（已落实措施后）等级为“高”及以上的风险视为不可接受。"
                "GB/T 39335 要求组织自行确定不可接受的风险等级；该默认值为本软件的约定，"
                "应由组织确认，并随评估一并记录。",
                "en": "By default, a current residual risk (measures in place) of 'high' or above is "
                "unacceptable. GB/T 39335 requires the organisation to decide which risk levels are "
                "unacceptable; this default is an app convention that the organisation should confirm, and it "
                "is recorded with the assessment.",
            }
        ),
    }
)

_RISK_ENTRY_KEYS = ("description", "inherent", "current", "target", "measures")
STAGES = ("inherent", "current", "target")
_RATING_KEYS = ("impact", "impact_adjustments", "likelihood", "likelihood_adjustments")
_CELL_KEYS = ("level", "reason")
_ADJUSTMENT_KEYS = ("kind", "reason")
_ACCEPTANCE_KEYS = ("unacceptable_from", "matrix_id")
_REASON_REQUIRED = "every adjustment needs a written reason (GB/T 39335 Annex D)"


class RiskDataError(ValueError):
    """Risk data that cannot be scored. ``problems`` lists every problem, as validate_risks does."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))


class RiskMethodConfigError(RuntimeError):
    pass


@dataclass(frozen=True)
class AppliedAdjustment:
    axis: str  # "impact" | "likelihood"
    kind: str
    delta: int
    reason: str


@dataclass(frozen=True)
class Score:
    impact_base: str | None  # max over the dimensions (CONVENTIONS["impact_max"])
    impact: str | None
    impact_clamped: bool
    likelihood_base: str | None  # max over the factor groups (CONVENTIONS["likelihood_max"])
    likelihood: str | None
    likelihood_clamped: bool
    level: str | None
    applied_adjustments: tuple[AppliedAdjustment, ...]
    complete: bool
    missing: tuple[str, ...]  # paths inside the rating, e.g. "impact.autonomy", "impact_adjustments[0].reason"


@dataclass(frozen=True)
class RiskResult:
    risk_id: str
    description: str | None
    inherent: Score | None
    current: Score | None  # measures in place
    target: Score | None  # after the action plan; None = no planned measure changes it
    measures: str | None

    @property
    def target_level(self) -> str | None:
        """The target level, which is the current one when no separate target is rated."""
        return self.target.level if self.target else (self.current.level if self.current else None)


@dataclass(frozen=True)
class RiskAssessment:
    results: dict[str, RiskResult]  # every id of RISKS, in that order; unrated ones have None scores
    overall_inherent: str | None  # CONVENTIONS["overall_max"]; None until all seven are complete
    overall_current: str | None
    overall_target: str | None
    unacceptable_from: str
    unacceptable: tuple[str, ...]  # risk ids whose current level >= unacceptable_from
    unacceptable_target: tuple[str, ...]  # ... and whose target level is still >= unacceptable_from
    warnings: tuple[str, ...]
    missing: tuple[str, ...]  # "risks.<id>.inherent" / "risks.<id>.current" / ".target" not (fully) rated
    complete: bool
    matrix_id: str = MATRIX_ID


def risk_level(impact: str, likelihood: str) -> str:
    if impact not in IMPACT_LEVELS:
        raise ValueError(f"unknown impact level {impact!r}; allowed: {', '.join(IMPACT_LEVELS)}")
    if likelihood not in LIKELIHOOD_LEVELS:
        raise ValueError(f"unknown likelihood level {likelihood!r}; allowed: {', '.join(LIKELIHOOD_LEVELS)}")
    return MATRIX[impact][likelihood]


# ---------------------------------------------------------------------------------------------- checking


class _Issues:
    """Collects "path: problem" messages. ``unfinished`` ones (a missing level or adjustment reason) are
    reported by validate_risks() but only make score() incomplete; the rest make score() raise."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str, bool]] = []

    def add(self, path: str, message: str, *, unfinished: bool = False) -> None:
        self.items.append((path, message, unfinished))

    def messages(self, *, include_unfinished: bool = True) -> list[str]:
        return [
            f"{path or '(rating)'}: {msg}"
            for path, msg, unfinished in self.items
            if include_unfinished or not unfinished
        ]


def _join(path: str, key: object) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    part = key if isinstance(key, str) and key.isidentifier() else f"[{_show(key)}]"
    if not path:
        return part
    return path + part if part.startswith("[") else f"{path}.{part}"


def _show(value: object) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return f"a Python {type(value).__name__}"


def _allowed(names: tuple[str, ...] | Mapping[str, Any]) -> str:
    return "allowed: " + ", ".join(names)


def _check_keys(obj: dict, allowed: tuple[str, ...], path: str, issues: _Issues) -> None:
    for key in obj:
        if key not in allowed:
            issues.add(_join(path, key), f"unknown field; {_allowed(allowed)}")


def _check_text(value: object, path: str, issues: _Issues) -> None:
    if not isinstance(value, str):
        issues.add(path, f"must be a string, got {_json_type(value)}")


def _check_cells(cells: object, path: str, axis: str, issues: _Issues) -> None:
    if axis == "impact":
        what, names, levels = "impact dimension", IMPACT_DIMENSIONS, IMPACT_LEVELS
        misplaced, other_names = "is a likelihood factor group, not an impact dimension", LIKELIHOOD_FACTORS
    else:
        what, names, levels = "likelihood factor group", LIKELIHOOD_FACTORS, LIKELIHOOD_LEVELS
        misplaced, other_names = "is an impact dimension, not a likelihood factor group", IMPACT_DIMENSIONS
    if not isinstance(cells, dict):
        issues.add(path, f"expected an object keyed by {what}, got {_json_type(cells)}; {_allowed(names)}")
        return
    for name, cell in cells.items():
        cell_path = _join(path, name)
        if name in other_names:
            issues.add(cell_path, f"{_show(name)} {misplaced}; {_allowed(names)}")
        elif name not in names:
            issues.add(cell_path, f"unknown {what}; {_allowed(names)}")
        elif not isinstance(cell, dict):
            issues.add(
                cell_path, f'expected an object like {{"level": "...", "reason": "..."}}, got {_json_type(cell)}'
            )
        else:
            _check_keys(cell, _CELL_KEYS, cell_path, issues)
            level = cell.get("level")
            if "level" not in cell:
                issues.add(
                    _join(cell_path, "level"),
                    "a rated cell needs a level; leave the cell out until it is decided",
                    unfinished=True,
                )
            elif not isinstance(level, str) or level not in levels:
                issues.add(_join(cell_path, "level"), f"{_show(level)} is not a valid {axis} level; {_allowed(levels)}")
            if "reason" in cell:
                _check_text(cell["reason"], _join(cell_path, "reason"), issues)


def _check_adjustments(adjustments: object, path: str, axis: str, issues: _Issues) -> None:
    if axis == "impact":
        own, other, other_axis = IMPACT_ADJUSTMENTS, LIKELIHOOD_ADJUSTMENTS, "likelihood"
    else:
        own, other, other_axis = LIKELIHOOD_ADJUSTMENTS, IMPACT_ADJUSTMENTS, "impact"
    allowed = f"{axis} adjustments {_allowed(own)}"
    if not isinstance(adjustments, list):
        issues.add(path, f"expected an array of adjustments, got {_json_type(adjustments)}")
        return
    seen: dict[str, int] = {}
    for i, adjustment in enumerate(adjustments):
        item = _join(path, i)
        if not isinstance(adjustment, dict):
            issues.add(
                item, f'expected an object like {{"kind": "...", "reason": "..."}}, got {_json_type(adjustment)}'
            )
            continue
        _check_keys(adjustment, _ADJUSTMENT_KEYS, item, issues)
        kind, reason = adjustment.get("kind"), adjustment.get("reason")
        kind_path, reason_path = _join(item, "kind"), _join(item, "reason")
        if "kind" not in adjustment:
            issues.add(kind_path, f"every adjustment needs a kind; {allowed}")
        elif isinstance(kind, str) and kind in other:
            issues.add(
                kind_path,
                f"{_show(kind)} adjusts the {other_axis}, not the {axis}; {allowed}",
            )
        elif not isinstance(kind, str) or kind not in own:
            issues.add(kind_path, f"unknown adjustment kind {_show(kind)}; {allowed}")
        elif kind in seen:
            issues.add(
                kind_path,
                f"{_show(kind)} already appears at {_join(path, seen[kind])}; each adjustment applies at most once",
            )
        else:
            seen[kind] = i
        if reason is not None and not isinstance(reason, str):
            issues.add(reason_path, f"must be a string, got {_json_type(reason)}")
        elif reason is None or not reason.strip():
            issues.add(reason_path, _REASON_REQUIRED, unfinished=True)


def _check_rating(rating: object, path: str, issues: _Issues) -> None:
    if not isinstance(rating, dict):
        issues.add(path, f"expected a rating object, got {_json_type(rating)}; {_allowed(_RATING_KEYS)}")
        return
    _check_keys(rating, _RATING_KEYS, path, issues)
    for axis in ("impact", "likelihood"):
        if axis in rating:
            _check_cells(rating[axis], _join(path, axis), axis, issues)
        if f"{axis}_adjustments" in rating:
            _check_adjustments(rating[f"{axis}_adjustments"], _join(path, f"{axis}_adjustments"), axis, issues)


def _check_risks(risks: object, issues: _Issues) -> None:
    if not isinstance(risks, dict):
        issues.add("risks", f"expected an object keyed by risk id, got {_json_type(risks)}; {_allowed(RISKS)}")
        return
    for risk_id, entry in risks.items():
        path = _join("risks", risk_id)
        if risk_id not in RISKS:
            issues.add(path, f"unknown risk id; {_allowed(RISKS)}")
        elif not isinstance(entry, dict):
            issues.add(path, f"expected an object, got {_json_type(entry)}; {_allowed(_RISK_ENTRY_KEYS)}")
        else:
            _check_keys({k: v for k, v in entry.items() if k != "residual"}, _RISK_ENTRY_KEYS, path, issues)
            for key in ("description", "measures"):
                if key in entry:
                    _check_text(entry[key], _join(path, key), issues)
            if "residual" in entry:
                issues.add(_join(path, "residual"),
                           "format 2 rates the current risk (measures in place) and the target risk (after the "
                           "action plan) instead of one residual risk: use \"current\" and \"target\"")
            for key in STAGES:
                if key in entry:
                    _check_rating(entry[key], _join(path, key), issues)


def _check_threshold(value: object, issues: _Issues) -> None:
    if not isinstance(value, str) or value not in RISK_LEVELS:
        issues.add("risk_acceptance.unacceptable_from", f"{_show(value)} is not a risk level; {_allowed(RISK_LEVELS)}")


def validate_risks(data: object) -> list[str]:
    """Every problem in the ``risks`` and ``risk_acceptance`` parts of an assessment, as "path: problem".

    Absent risks, ratings and cells are not problems (the DPO is still working); the rest of the
    assessment is left to the schema. Never raises.
    """
    if not isinstance(data, dict):
        return [f"(assessment): expected a JSON object, got {_json_type(data)}"]
    issues = _Issues()
    if "risks" in data:
        _check_risks(data["risks"], issues)
    if "risk_acceptance" in data:
        acceptance = data["risk_acceptance"]
        if not isinstance(acceptance, dict):
            issues.add(
                "risk_acceptance",
                f'expected an object like {{"unacceptable_from": "high"}}, got {_json_type(acceptance)}',
            )
        else:
            _check_keys(acceptance, _ACCEPTANCE_KEYS, "risk_acceptance", issues)
            if "unacceptable_from" in acceptance:
                _check_threshold(acceptance["unacceptable_from"], issues)
            if "matrix_id" in acceptance and acceptance["matrix_id"] != MATRIX_ID:
                issues.add("risk_acceptance.matrix_id",
                           f"{_show(acceptance['matrix_id'])} is not a risk table this version knows; "
                           f"it knows {MATRIX_ID!r}")
    return issues.messages()


# ----------------------------------------------------------------------------------------------- scoring


def _rate_axis(
    rating: dict, axis: str, applied: list[AppliedAdjustment], missing: list[str]
) -> tuple[str | None, str | None, bool]:
    """(base, adjusted, clamped) for one axis of a checked rating; None where something is missing."""
    names, levels, deltas = (
        (IMPACT_DIMENSIONS, IMPACT_LEVELS, IMPACT_ADJUSTMENTS)
        if axis == "impact"
        else (LIKELIHOOD_FACTORS, LIKELIHOOD_LEVELS, LIKELIHOOD_ADJUSTMENTS)
    )
    cells = rating.get(axis, {})
    rated = [levels.index(cells[n]["level"]) for n in names if "level" in cells.get(n, {})]
    missing += [f"{axis}.{n}" for n in names if "level" not in cells.get(n, {})]
    base = levels[max(rated)] if len(rated) == len(names) else None
    total, waiting = 0, False
    for i, adjustment in enumerate(rating.get(f"{axis}_adjustments", [])):
        reason = adjustment.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            # Not applied until it has a reason, and the adjusted level waits for it.
            missing.append(f"{axis}_adjustments[{i}].reason")
            waiting = True
            continue
        delta = deltas[adjustment["kind"]]
        applied.append(AppliedAdjustment(axis, adjustment["kind"], delta, reason))
        total += delta
    if base is None or waiting:
        return base, None, False
    # Sum first, clamp once, so the result does not depend on the order of the list.
    raw = levels.index(base) + total
    kept = min(max(raw, 0), len(levels) - 1)
    return base, levels[kept], kept != raw


def score(rating: object) -> Score:
    """Score one rating. Raises RiskDataError if it is malformed (anything validate_risks would report,
    except a missing level or adjustment reason: those only make the score incomplete)."""
    issues = _Issues()
    _check_rating(rating, "", issues)
    if errors := issues.messages(include_unfinished=False):
        raise RiskDataError(errors)
    assert isinstance(rating, dict)
    applied: list[AppliedAdjustment] = []
    missing: list[str] = []
    impact_base, impact, impact_clamped = _rate_axis(rating, "impact", applied, missing)
    likelihood_base, likelihood, likelihood_clamped = _rate_axis(rating, "likelihood", applied, missing)
    return Score(
        impact_base=impact_base,
        impact=impact,
        impact_clamped=impact_clamped,
        likelihood_base=likelihood_base,
        likelihood=likelihood,
        likelihood_clamped=likelihood_clamped,
        level=risk_level(impact, likelihood) if impact and likelihood else None,
        applied_adjustments=tuple(applied),
        complete=not missing,
        missing=tuple(missing),
    )


def _rank(level: str) -> int:
    return RISK_LEVELS.index(level)


def assess(risks: object, unacceptable_from: str = DEFAULT_UNACCEPTABLE_FROM) -> RiskAssessment:
    """Score the ``"risks"`` object of an assessment. Raises RiskDataError if it is malformed."""
    issues = _Issues()
    _check_risks(risks, issues)
    _check_threshold(unacceptable_from, issues)
    if errors := issues.messages(include_unfinished=False):
        raise RiskDataError(errors)
    assert isinstance(risks, dict)
    results: dict[str, RiskResult] = {}
    missing: list[str] = []
    warnings: list[str] = []
    for risk_id in RISKS:
        entry = risks.get(risk_id, {})
        inherent, current, target = (score(entry[k]) if k in entry else None for k in STAGES)
        result = RiskResult(risk_id, entry.get("description"), inherent, current, target, entry.get("measures"))
        results[risk_id] = result
        missing += [f"risks.{risk_id}.{stage}" for stage, s in (("inherent", inherent), ("current", current),
                                                                ("target", target))
                    if not (s and s.level) and (stage != "target" or s is not None)]
        for lower, higher, why in (
            (inherent, current, "measures cannot raise a risk"),
            (current, target, "the action plan cannot raise a risk"),
        ):
            if lower and higher and lower.level and higher.level and _rank(higher.level) > _rank(lower.level):
                a, b = ("inherent", "current") if lower is inherent else ("current", "target")
                warnings.append(f"risks.{risk_id}: the {b} risk level ({higher.level}) is higher than the {a} level "
                                f"({lower.level}); {why}, so check the two ratings")
    by_stage = {
        "inherent": [r.inherent.level if r.inherent else None for r in results.values()],
        "current": [r.current.level if r.current else None for r in results.values()],
        "target": [r.target_level for r in results.values()],
    }
    overall = {k: None if None in v else max(v, key=_rank) for k, v in by_stage.items()}  # type: ignore[type-var]

    def over(levels: list[str | None]) -> tuple[str, ...]:
        return tuple(r for r, level in zip(RISKS, levels, strict=True)
                     if level and _rank(level) >= _rank(unacceptable_from))

    return RiskAssessment(
        results=results,
        overall_inherent=overall["inherent"],
        overall_current=overall["current"],
        overall_target=overall["target"],
        unacceptable_from=unacceptable_from,
        unacceptable=over(by_stage["current"]),
        unacceptable_target=over(by_stage["target"]),
        warnings=tuple(warnings),
        missing=tuple(missing),
        complete=not missing,
    )


# ------------------------------------------------------------------------------------------------ labels

LABELS_FILE = "risk_method.yaml"
LANGUAGES = ("zh", "en")
TERMS = (
    "inherent",
    "current",
    "target",
    "impact",
    "impact_base",
    "likelihood",
    "likelihood_base",
    "level",
    "overall",
    "adjustment",
    "reason",
    "clamped",
    "measures",
    "description",
    "unacceptable_from",
    "unacceptable",
    "incomplete",
)


def _required_label_keys() -> list[tuple[str, ...]]:
    groups: list[tuple[str, ...]] = []
    for axis, levels in (("impact", IMPACT_LEVELS), ("likelihood", LIKELIHOOD_LEVELS), ("risk", RISK_LEVELS)):
        groups += [("levels", axis, level) for level in levels]
    groups += [("dimensions", d) for d in IMPACT_DIMENSIONS]
    groups += [("factors", f) for f in LIKELIHOOD_FACTORS]
    groups += [("risks", r) for r in RISKS]
    for kind in (*IMPACT_ADJUSTMENTS, *LIKELIHOOD_ADJUSTMENTS):
        groups += [("adjustments", kind), ("adjustments", kind, "help")]
    groups += [("criteria", "source"), ("criteria", "impact", "title"), ("criteria", "likelihood", "title")]
    groups += [("criteria", "impact", "general", level) for level in IMPACT_LEVELS]
    groups += [("criteria", "impact", "by_dimension", d, level) for d in IMPACT_DIMENSIONS for level in IMPACT_LEVELS]
    groups += [("criteria", "likelihood", "general", level) for level in LIKELIHOOD_LEVELS]
    groups += [
        ("criteria", "likelihood", "by_factor", f, level) for f in LIKELIHOOD_FACTORS for level in LIKELIHOOD_LEVELS
    ]
    groups += [("matrix", key) for key in ("title", "source", "rows", "columns")]
    groups += [("terms", term) for term in TERMS]
    return [(*group, lang) for group in groups for lang in LANGUAGES]


def check_labels(data: object, source: str = LABELS_FILE) -> None:
    """Raise RiskMethodConfigError naming every key the code needs that ``data`` lacks or leaves blank."""
    problems: list[str] = []
    for keys in _required_label_keys():
        node = data
        for depth, key in enumerate(keys):
            if not isinstance(node, Mapping) or key not in node:
                problems.append(f"missing key {'.'.join(keys[: depth + 1])}")
                break
            node = node[key]
        else:
            if not isinstance(node, str) or not node.strip():
                problems.append(f"{'.'.join(keys)} must be non-empty text")
    if problems:
        unique = list(dict.fromkeys(problems))  # a missing group would otherwise repeat once per language
        shown = "; ".join(unique[:10]) + (f"; and {len(unique) - 10} more" if len(unique) > 10 else "")
        raise RiskMethodConfigError(f"{source}: {shown}")


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


# yaml.safe_load's rules with libyaml's parser: 4 ms instead of 40 (a test compares the two).
_LABELS_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def labels() -> Mapping[str, Any]:
    """The checked, read-only contents of assets/risk_method.yaml (zh/en labels and criteria text)."""
    path = asset(LABELS_FILE)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LABELS_LOADER)
    except OSError as exc:
        raise RiskMethodConfigError(f"cannot read {path}: {exc}") from exc
    except yaml.YAMLError as exc:
        raise RiskMethodConfigError(f"{path} is not valid YAML: {exc}") from exc
    check_labels(data, str(path))
    return _freeze(data)
