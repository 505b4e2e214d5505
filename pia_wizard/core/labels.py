"""The one Qt-free catalogue of labels that the CLI, the report and the GUI show: risk names, levels, verdicts,
option labels of the bank's questions and of their table columns. Everything comes from the data files
(assets/risk_method.yaml, assets/questionnaire/), so a label is spelt the same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable

from pia_wizard.core import risk as risk_mod
from pia_wizard.core.bank import Bank, Option, Text, default_bank
from pia_wizard.core.findings import VERDICT_LABELS

NOT_RATED = Text("未评", "not rated")
INCOMPLETE = Text("未完成评定", "incomplete")


def _text(node: object) -> Text:
    return Text(node["zh"], node["en"])  # type: ignore[index]


def risk_name(risk_id: str) -> Text:
    """泄露 / Leak ... 被非法出售 / Illegal sale (the GB/T 39335 wording the risk method uses)."""
    node = risk_mod.labels()["risks"].get(risk_id)
    return _text(node) if node is not None else Text(risk_id, risk_id.replace("_", " "))


def level_name(level: str | None, axis: str = "risk", missing: Text = NOT_RATED) -> Text:
    if level is None:
        return missing
    node = risk_mod.labels()["levels"][axis].get(level)
    return _text(node) if node is not None else Text(level, level)


def verdict_label(verdict: str) -> Text:
    return VERDICT_LABELS[verdict]


def option_text(options: Iterable[Option], value: object) -> Text | str:
    """The label of ``value`` among ``options``; the value itself when it is not one of them."""
    for o in options:
        if o.value == value:
            return o.label
    return str(value)


def option_label(qid: str, value: object, lang: str, bank: Bank | None = None) -> str:
    """The label of an answer of question ``qid`` in ``lang``; the value itself for an unknown question/value."""
    try:
        q = (bank or default_bank()).question(qid)
    except KeyError:
        return str(value)
    found = option_text(q.options, value)
    return found.get(lang) if isinstance(found, Text) else found


def column_label(qid: str, column: str, value: object, lang: str, bank: Bank | None = None) -> str:
    """The label of ``value`` in column ``column`` of the rows question ``qid``."""
    try:
        q = (bank or default_bank()).question(qid)
    except KeyError:
        return str(value)
    for col in q.columns:
        if col.id == column:
            found = option_text(col.options, value)
            return found.get(lang) if isinstance(found, Text) else found
    return str(value)
