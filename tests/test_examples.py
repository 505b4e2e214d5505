"""The examples are realistic, complete assessments; they are documentation, demo input and fixtures."""

import json
from datetime import date
from pathlib import Path

import pytest

from pia_wizard.core.assessment import parse
from pia_wizard.core.bank import default_bank
from pia_wizard.core.engine import evaluate
from pia_wizard.core.risk import RISKS

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TODAY = date(2026, 11, 26)
NAMES = ["hotel-checkin", "residential-gate", "school-canteen", "factory-attendance"]

# What each example must yield (verdict -> obligations). Pinned so a rule or bank change that moves a
# finding in a realistic case is noticed and deliberate. Compliant/not-applicable are not pinned.
EXPECTED: dict[str, dict[str, set[str]]] = {}


def load(name):
    return parse((EXAMPLES / f"{name}.json").read_bytes())


@pytest.fixture(scope="module", params=NAMES)
def example(request):
    a = load(request.param)
    return request.param, a, evaluate(a, today=TODAY)


def test_examples_folder_holds_exactly_the_documented_examples():
    assert sorted(p.stem for p in EXAMPLES.glob("*.json")) == sorted(NAMES)


def test_example_is_current_and_complete(example):
    _, a, ev = example
    assert a.bank_version == default_bank().version
    assert ev.unanswered == [], ev.unanswered
    assert ev.warnings == [], ev.warnings
    assert not [f.obligation for f in ev.findings if f.rule == "completeness" and f.verdict != "not_applicable"]
    assert ev.risk.complete, ev.risk.missing
    assert set(ev.risk.results) == set(RISKS)
    assert ev.risk.overall_inherent and ev.risk.overall_residual


def test_example_answers_only_shown_questions_or_says_why(example):
    """Hidden answers are kept (nothing is lost) but an example should not carry stale ones."""
    _, a, _ = example
    visible = default_bank().visible(a.answers)
    assert [q for q in a.answers if not visible.get(q)] == []


def test_example_has_substantial_chinese_content(example):
    _, a, _ = example
    text = json.dumps(a.answers, ensure_ascii=False)
    assert sum("\u4e00" <= ch <= "\u9fff" for ch in text) > 1500
    for risk_id, entry in a.risks.items():
        for stage in ("inherent", "residual"):
            for axis in ("impact", "likelihood"):
                for cell, value in entry[stage][axis].items():
                    assert value.get("reason", "").strip(), f"{risk_id}.{stage}.{axis}.{cell} has no reason"


def test_example_findings_are_the_pinned_ones(example):
    name, _, ev = example
    if name not in EXPECTED:
        pytest.fail(f"no pinned expectations for {name}")
    got = {v: {f.obligation for f in ev.findings if f.verdict == v} for v in ("prohibited", "gap", "advisory")}
    assert got == EXPECTED[name]
