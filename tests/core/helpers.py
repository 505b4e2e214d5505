"""Shared test helpers for rules: build a validated assessment from answers and evaluate it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from pia_wizard.core.assessment import Assessment, parse
from pia_wizard.core.bank import default_bank
from pia_wizard.core.engine import Evaluation, evaluate

TODAY = date(2026, 11, 26)


def make(answers: dict[str, Any], **fields: Any) -> Assessment:
    data = {
        "format_version": 2,
        "bank_version": default_bank().version,
        "processor": {"name": "测试酒店管理有限公司"},
        "system": {"name": "前台入住核验终端"},
        "answers": answers,
        **fields,
    }
    return Assessment.from_dict(data)


def run(answers: dict[str, Any], today: date = TODAY, **fields: Any) -> Evaluation:
    return evaluate(make(answers, **fields), today=today)


def verdicts(answers: dict[str, Any], obligation: str, today: date = TODAY, **fields: Any) -> list[str]:
    """The verdicts of all findings for one obligation (usually one), leaving out the consistency checks (late
    rules, tested in tests/core/rules/test_consistency.py)."""
    return [f.verdict for f in findings(answers, obligation, today, **fields)]


def findings(answers: dict[str, Any], obligation: str, today: date = TODAY, **fields: Any) -> list:
    return [f for f in run(answers, today, **fields).findings
            if f.obligation == obligation and not f.rule.startswith("consistency.")]


def rec(obligation: str, verdict: str) -> str:
    """The verdict a rule's ``verdict`` on ``obligation`` ends as: a recommended standard (GB/T) is never a gap or
    prohibited by itself (core.findings.recommended_as_advisory)."""
    return "advisory" if obligation.startswith("GBT") and verdict in ("gap", "prohibited") else verdict


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def example(name: str, **changes: Any) -> dict:
    """An example's file as data, with answers changed (``a__b`` is question ``a.b``; ``None`` removes it)."""
    data = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    for qid, value in changes.items():
        qid = qid.replace("__", ".")
        if value is None:
            data["answers"].pop(qid, None)
        else:
            data["answers"][qid] = value
    return data


def evaluated(data: dict, today: date = TODAY) -> Evaluation:
    """Evaluate an assessment given as data, through the same parser a file goes through."""
    return evaluate(parse(json.dumps(data, ensure_ascii=False).encode("utf-8")), today=today)
