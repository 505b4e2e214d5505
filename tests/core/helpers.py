"""Shared test helpers for rules: build a validated assessment from answers and evaluate it."""

from __future__ import annotations

from datetime import date
from typing import Any

from pia_wizard.core.assessment import Assessment
from pia_wizard.core.bank import default_bank
from pia_wizard.core.engine import Evaluation, evaluate

TODAY = date(2026, 11, 26)


def make(answers: dict[str, Any], **fields: Any) -> Assessment:
    data = {
        "format_version": 1,
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
    """The verdicts of all findings for one obligation (usually one)."""
    return [f.verdict for f in run(answers, today, **fields).findings if f.obligation == obligation]


def findings(answers: dict[str, Any], obligation: str, today: date = TODAY, **fields: Any) -> list:
    return [f for f in run(answers, today, **fields).findings if f.obligation == obligation]
