"""Rules turn answers into findings.

Two kinds, both citing obligation IDs:

* data checks, written in the question bank (``check:`` on a yes/no or single-choice question), for the
  many obligations that one answer decides;
* function rules, registered here with :func:`rule`, for anything that combines answers, dates or
  thresholds. Each declares the obligations it may decide; emitting any other is a programming error.

A rule yields nothing when its inputs are unanswered; the engine then reports the obligation as not yet
answered (or not applicable when all its questions are hidden), so every gate/ask obligation ends with
at least one finding.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from pia_wizard.core.bank import Bank, Text
from pia_wizard.core.findings import Finding


@dataclass(frozen=True)
class Rule:
    id: str
    obligations: tuple[str, ...]
    func: Callable[[Context], Iterable[Finding]]
    doc: str
    late: bool = False  # runs after every other rule and the completeness step, seeing their findings


REGISTRY: dict[str, Rule] = {}


def rule(rule_id: str, *obligations: str, late: bool = False) -> Callable:
    """Register a function rule that may decide ``obligations``. A ``late`` rule runs after all the others and
    may read their findings (``Context.findings``); the consistency checks are late rules."""
    if not obligations:
        raise ValueError(f"rule {rule_id} must name the obligations it decides")

    def decorate(func: Callable[[Context], Iterable[Finding]]) -> Callable[[Context], Iterable[Finding]]:
        if rule_id in REGISTRY:
            raise ValueError(f"duplicate rule id {rule_id}")
        REGISTRY[rule_id] = Rule(rule_id, tuple(obligations), func, (func.__doc__ or "").strip(), late)
        return func

    return decorate


TextLike = Text | tuple[str, str]


def _text(value: TextLike | None) -> Text | None:
    if value is None or isinstance(value, Text):
        return value
    zh, en = value
    return Text(zh, en)


PLACEHOLDERS = frozenset({"na", "n/a", "none", "无", "暂无", "不适用", "略", "tbd", "待定", "-", "/", "见上"})


def parse_date(value: Any) -> date | None:
    """An answer's ISO date, or None (unanswered, or not a date)."""
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def is_substantive(value: Any, min_chars: int = 15) -> bool:
    """A text (an answer or a table cell) that says something: not empty, not a placeholder like 'n/a' or '无'."""
    if not isinstance(value, str):
        return False
    stripped = "".join(value.split())
    if stripped.lower() in PLACEHOLDERS:
        return False
    cjk = sum(1 for ch in stripped if "\u4e00" <= ch <= "\u9fff")
    # A Chinese character carries about as much as a short English word.
    return cjk * 3 + (len(stripped) - cjk) >= min_chars


class Context:
    """What a rule may look at: the visible answers, the assessment, today's date, calendar overrides."""

    def __init__(self, bank: Bank, assessment: Any, today: date, visible: Mapping[str, bool]):
        self.bank = bank
        self.assessment = assessment
        self.answers: Mapping[str, Any] = assessment.answers
        self.today = today
        self.visible = visible
        self.rule_id = ""
        self.findings: tuple[Finding, ...] = ()  # the other rules' findings, for late rules only

    def shown(self, qid: str) -> bool:
        return bool(self.visible.get(qid))

    def answer(self, qid: str, default: Any = None) -> Any:
        """The answer if the question is shown and answered, else ``default``."""
        if qid not in self.bank.questions:
            raise KeyError(f"rule {self.rule_id} asks for unknown question {qid!r}")
        if not self.shown(qid):
            return default
        value = self.answers.get(qid)
        if value is None or value == "" or value == []:
            return default
        return value

    def answered(self, qid: str) -> bool:
        return self.answer(qid) is not None

    def text_is_substantive(self, qid: str, min_chars: int = 15) -> bool:
        """Whether a free-text answer says something: not empty, not a placeholder like 'n/a' or '无'."""
        return is_substantive(self.answer(qid), min_chars)

    def finding(
        self,
        obligation: str,
        verdict: str,
        explanation: TextLike,
        action: TextLike | None = None,
        questions: Iterable[str] = (),
    ) -> Finding:
        return Finding(
            obligation=obligation,
            verdict=verdict,
            explanation=_text(explanation),
            action=_text(action),
            rule=self.rule_id,
            questions=tuple(questions),
        )


def load_all() -> dict[str, Rule]:
    """Import every rule module in this package (registration happens at import)."""
    import importlib
    import pkgutil

    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    return REGISTRY
