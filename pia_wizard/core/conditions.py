"""``show_if`` conditions of the question bank.

A condition is data, never code::

    {q: minors.under14_possible, eq: "yes"}
    {q: purpose.categories, contains: payment}
    {q: filing.stored_count, gte: 100000}
    {all: [...]} | {any: [...]} | {not: {...}}

An unanswered (or hidden) question makes every comparison false, except ``ne`` and ``not_in``, which are
true: "not R&D only" holds until the DPO says R&D only. That keeps the full questionnaire visible by
default and hides branches only on an explicit answer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

ATOMIC_OPS = ("eq", "ne", "in", "not_in", "contains", "contains_any", "gt", "gte", "lt", "lte", "answered")
COMPOUND_OPS = ("all", "any", "not")

Lookup = Callable[[str], Any]
MISSING = object()


def _compare(op: str, value: Any, arg: Any) -> bool:
    if op == "answered":
        return (value is not MISSING) == bool(arg)
    if value is MISSING:
        return op in ("ne", "not_in")
    if op == "eq":
        return value == arg
    if op == "ne":
        return value != arg
    if op == "in":
        return value in arg
    if op == "not_in":
        return value not in arg
    if op == "contains":
        return isinstance(value, list) and arg in value
    if op == "contains_any":
        return isinstance(value, list) and any(a in value for a in arg)
    if not isinstance(value, int | float) or isinstance(value, bool):
        return False
    if op == "gt":
        return value > arg
    if op == "gte":
        return value >= arg
    if op == "lt":
        return value < arg
    if op == "lte":
        return value <= arg
    raise ValueError(f"unknown condition operator {op!r}")


def evaluate(cond: Mapping[str, Any] | None, lookup: Lookup) -> bool:
    """Evaluate ``cond``; ``lookup(qid)`` returns the answer or ``MISSING``."""
    if cond is None:
        return True
    if "all" in cond:
        return all(evaluate(c, lookup) for c in cond["all"])
    if "any" in cond:
        return any(evaluate(c, lookup) for c in cond["any"])
    if "not" in cond:
        return not evaluate(cond["not"], lookup)
    (op,) = [k for k in cond if k != "q"]
    return _compare(op, lookup(cond["q"]), cond[op])


def referenced_questions(cond: Mapping[str, Any] | None) -> list[str]:
    if not cond:
        return []
    if "all" in cond or "any" in cond:
        out: list[str] = []
        for c in cond.get("all") or cond.get("any") or []:
            out.extend(referenced_questions(c))
        return out
    if "not" in cond:
        return referenced_questions(cond["not"])
    return [cond["q"]] if "q" in cond else []


def describe(cond: Mapping[str, Any] | None, lang: str = "en", bank: Any = None) -> str:
    """A short human-readable rendering, used in 'not applicable because ...' explanations.

    With a bank, questions are named by their text and values by their option labels."""
    if not cond:
        return ""
    if "all" in cond:
        return (" 且 " if lang == "zh" else " and ").join(describe(c, lang, bank) for c in cond["all"])
    if "any" in cond:
        return (" 或 " if lang == "zh" else " or ").join(describe(c, lang, bank) for c in cond["any"])
    if "not" in cond:
        inner = describe(cond["not"], lang, bank)
        return f"非（{inner}）" if lang == "zh" else f"not ({inner})"
    (op,) = [k for k in cond if k != "q"]
    qid, arg = cond["q"], cond[op]
    name, label = qid, (lambda v: str(v))
    if bank is not None and qid in bank.questions:
        q = bank.question(qid)
        name = f"“{q.text.get(lang)}”" if lang == "zh" else f'"{q.text.get(lang)}"'
        label = lambda v: q.option_label(v, lang) if isinstance(v, str) else str(v)  # noqa: E731
    sep = "、" if lang == "zh" else " / "
    shown = sep.join(label(v) for v in arg) if isinstance(arg, list) else label(arg)
    words = {
        "zh": {"eq": "为", "ne": "不为", "in": "为", "not_in": "不为", "contains": "包括", "contains_any": "包括",
               "gt": ">", "gte": "≥", "lt": "<", "lte": "≤", "answered": "已回答" if arg else "未回答"},
        "en": {"eq": "is", "ne": "is not", "in": "is", "not_in": "is not", "contains": "includes",
               "contains_any": "includes", "gt": ">", "gte": "≥", "lt": "<", "lte": "≤",
               "answered": "is answered" if arg else "is not answered"},
    }[lang if lang == "zh" else "en"]
    if op == "answered":
        return f"{name}{words[op]}" if lang == "zh" else f"{name} {words[op]}"
    return f"{name}{words[op]}{shown}" if lang == "zh" else f"{name} {words[op]} {shown}"
