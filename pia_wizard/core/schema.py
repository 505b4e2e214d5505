"""The JSON Schema of the assessment file, generated from the question bank.

One source of truth: ``pia-wizard schema`` prints this, and import validation uses it.
"""

from __future__ import annotations

from typing import Any

from pia_wizard.core.approval import ATTESTATION_KEYS, OPINIONS
from pia_wizard.core.bank import ROWS_LIMIT, TEXT_LIMIT, YESNO_VALUES, Bank, Column, Question
from pia_wizard.core.risk import (
    IMPACT_ADJUSTMENTS,
    IMPACT_DIMENSIONS,
    IMPACT_LEVELS,
    LIKELIHOOD_ADJUSTMENTS,
    LIKELIHOOD_FACTORS,
    LIKELIHOOD_LEVELS,
    MATRIX_ID,
    RISK_LEVELS,
)
from pia_wizard.core.risk import RISKS as RISK_IDS

FORMAT_VERSION = 2
SHORT_TEXT = 2_000  # names, contacts, titles



def _short(required: bool = False) -> dict:
    return {"type": "string", "maxLength": SHORT_TEXT, **({"minLength": 1, "pattern": r"\S"} if required else {})}


def _value_schema(kind: str, options: tuple, q: Question | None = None) -> dict:
    values = [o.value for o in options]
    if kind == "yesno":
        return {"enum": list(YESNO_VALUES)}
    if kind == "single":
        return {"enum": values}
    if kind == "multi":
        return {"type": "array", "items": {"enum": values}, "uniqueItems": True}
    if kind == "number":
        schema: dict[str, Any] = {"type": "integer" if q is not None and q.integer else "number"}
        if q is not None and q.min is not None:
            schema["minimum"] = q.min
        if q is not None and q.max is not None:
            schema["maximum"] = q.max
        return schema
    if kind == "date":
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if kind == "text":
        return {"type": "string", "maxLength": TEXT_LIMIT}
    raise ValueError(kind)


def _column_schema(c: Column) -> dict:
    return {"anyOf": [{"type": "null"}, _value_schema(c.type, c.options)]}


def answer_schema(q: Question) -> dict:
    if q.type == "rows":
        row = {
            "type": "object",
            "properties": {c.id: _column_schema(c) for c in q.columns},
            "required": [c.id for c in q.columns if c.required],
            "additionalProperties": False,
        }
        inner: dict[str, Any] = {"type": "array", "items": row, "maxItems": ROWS_LIMIT}
    else:
        inner = _value_schema(q.type, q.options, q)
    return {"anyOf": [{"type": "null"}, inner], "description": q.text.en, "x-cites": list(q.cites)}


def _cell(levels: tuple[str, ...]) -> dict:
    return {
        "type": "object",
        "properties": {"level": {"enum": list(levels)}, "reason": {"type": "string", "maxLength": TEXT_LIMIT}},
        "required": ["level"],
        "additionalProperties": False,
    }


def _adjustments(kinds: tuple[str, ...]) -> dict:
    return {
        "type": "array",
        "maxItems": 10,
        "items": {
            "type": "object",
            "properties": {"kind": {"enum": list(kinds)}, "reason": {"type": "string", "maxLength": TEXT_LIMIT}},
            "required": ["kind", "reason"],
            "additionalProperties": False,
        },
    }


def _rating() -> dict:
    return {
        "type": "object",
        "properties": {
            "impact": {
                "type": "object",
                "properties": {d: _cell(IMPACT_LEVELS) for d in IMPACT_DIMENSIONS},
                "additionalProperties": False,
            },
            "impact_adjustments": _adjustments(tuple(IMPACT_ADJUSTMENTS)),
            "likelihood": {
                "type": "object",
                "properties": {f: _cell(LIKELIHOOD_LEVELS) for f in LIKELIHOOD_FACTORS},
                "additionalProperties": False,
            },
            "likelihood_adjustments": _adjustments(tuple(LIKELIHOOD_ADJUSTMENTS)),
        },
        "additionalProperties": False,
    }


def _person() -> dict:
    return {
        "type": "object",
        "properties": {k: _short() for k in ("name", "role", "organisation", "contact")},
        "additionalProperties": False,
    }


def assessment_schema(bank: Bank) -> dict:
    risk = {
        "type": "object",
        "properties": {
            "description": {"type": "string", "maxLength": TEXT_LIMIT},
            "inherent": _rating(),
            "current": _rating(),
            "target": _rating(),
            "measures": {"type": "string", "maxLength": TEXT_LIMIT},
        },
        "additionalProperties": False,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:pia-wizard:assessment:{FORMAT_VERSION}:bank:{bank.version}",
        "title": "pia-wizard assessment file",
        "description": "A personal information protection impact assessment (PIPIA) of one facial-recognition "
        f"system, answered against question bank {bank.version}.",
        "type": "object",
        "properties": {
            "format_version": {"const": FORMAT_VERSION},
            "bank_version": {"type": "string", "pattern": r"^\d{4}\.\d+\.\d+$"},
            "id": {"type": "string", "maxLength": 100},
            "title": _short(),
            "language": {"enum": ["zh", "en"]},
            "assessment_date": {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
            "processor": {
                "type": "object",
                "properties": {
                    "name": _short(required=True),
                    "contact": _short(),
                    "credit_code": _short(),
                    "address": _short(),
                },
                "required": ["name"],
                "additionalProperties": False,
            },
            "system": {
                "type": "object",
                "properties": {
                    "name": _short(required=True),
                    "description": {"type": "string", "maxLength": TEXT_LIMIT},
                    "vendor": _short(),
                    "version": _short(),
                },
                "required": ["name"],
                "additionalProperties": False,
            },
            "sites": {
                "type": "array",
                "maxItems": ROWS_LIMIT,
                "items": {
                    "type": "object",
                    "properties": {
                        "name": _short(required=True),
                        "address": _short(),
                        "devices": {"type": "integer", "minimum": 0, "maximum": 1_000_000},
                    },
                    "required": ["name"],
                    "additionalProperties": False,
                },
            },
            "assessor": _person(),
            "dpo": _person(),
            "answers": {
                "type": "object",
                "properties": {q.id: answer_schema(q) for q in bank},
                "additionalProperties": False,
            },
            "risks": {
                "type": "object",
                "properties": {r: risk for r in RISK_IDS},
                "additionalProperties": False,
            },
            "risk_acceptance": {
                "type": "object",
                "properties": {
                    "unacceptable_from": {"enum": list(RISK_LEVELS)},
                    "matrix_id": {"enum": [MATRIX_ID], "description": "the risk-level table the ratings use"},
                },
                "additionalProperties": False,
            },
            "calendar_overrides": {
                "type": "array",
                "maxItems": 1000,
                "description": "PRC holidays and make-up working days entered from the State Council notice; "
                "they override the built-in calendar",
                "items": {
                    "type": "object",
                    "properties": {
                        "date": {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
                        "kind": {"enum": ["holiday", "workday"]},
                        "note": _short(),
                    },
                    "required": ["date", "kind"],
                    "additionalProperties": False,
                },
            },
            "calendar_complete_years": {
                "type": "array",
                "uniqueItems": True,
                "items": {"type": "integer", "minimum": 2000, "maximum": 2200},
                "description": "years whose State Council holiday notice has been entered in full in "
                "calendar_overrides; deadlines in them are no longer estimates",
            },
            "approval": {
                "type": "object",
                "description": "the PI protection officer's approval, recorded before signing (GB/T 39335 5.7); "
                "the views of the people concerned are the answers to conclusion.consulted and its follow-ups",
                "properties": {
                    "attestations": {
                        "type": "object",
                        "properties": {k: {"type": "boolean"} for k in ATTESTATION_KEYS},
                        "additionalProperties": False,
                    },
                    "opinion": {"enum": list(OPINIONS)},
                    "reasons": {"type": "string", "maxLength": TEXT_LIMIT},
                    "conditions": {"type": "string", "maxLength": TEXT_LIMIT},
                    "stopped": {
                        "type": "object",
                        "description": "for each prohibited finding (by obligation ID), when and how the practice "
                        "stopped; a decision to go ahead over a prohibited finding needs one",
                        "additionalProperties": {"type": "string", "maxLength": TEXT_LIMIT},
                    },
                    "approver": _person(),
                    "date": {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
                },
                "additionalProperties": False,
            },
        },
        "required": ["format_version", "bank_version", "processor", "system", "answers"],
        "additionalProperties": False,
    }
