"""The review before approval: what the assessment asks the officer to decide, its action plan, and what still stands
in the way of approval (required questions unanswered, risks not fully rated, the answers the approval itself
requires: core/approval.py). Pure and quick (no archive): the GUI calls it after each evaluation.

What the officer records in the approval dialog (attestations, opinion, reasons, approver, date) is not a blocker
here: asking for it is what the approval is for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pia_wizard.core import approval as approval_mod
from pia_wizard.core import labels
from pia_wizard.core import risk as risk_mod
from pia_wizard.core.assessment import Assessment
from pia_wizard.core.bank import Bank, Text, default_bank
from pia_wizard.core.diff import render_answer, render_cell
from pia_wizard.core.engine import Evaluation
from pia_wizard.core.findings import Finding

PLAN_QUESTION = "risk.measures"
DECISION_QUESTION = "conclusion.decision"
CONSISTENCY_RULES = "consistency."


@dataclass(frozen=True)
class Blocker:
    """One thing that must be done before approval, and where to do it (a question, or a risk's rating)."""

    kind: str  # unanswered | risk | answer
    text: Text
    question: str | None = None
    risk: str | None = None
    stage: str | None = None


@dataclass(frozen=True)
class PlanItem:
    """One measure of the action plan (``risk.measures``), rendered as the report's action plan shows it."""

    n: int  # 1-based row
    measure: str
    risks: Text | None
    status: str | None  # in_place | planned
    status_label: Text | None
    treatment: Text | None
    owner: str
    due: str | None  # ISO date
    overdue: bool  # planned, and due before the review's day


@dataclass(frozen=True)
class Decision:
    """The conclusion the assessment asks the officer to approve (``conclusion.decision`` and what goes with it)."""

    value: str | None
    label: Text | None
    conditions: str | None
    reason: str | None


@dataclass(frozen=True)
class Review:
    decision: Decision
    plan: tuple[PlanItem, ...]
    blockers: tuple[Blocker, ...]
    consistency: tuple[Finding, ...]  # the consistency checks' findings that call for something
    warnings: tuple[str, ...]  # the evaluation's warnings (bank version, risk ratings, format migration)

    @property
    def ready(self) -> bool:
        """Nothing required is missing: the approval can be asked for."""
        return not self.blockers


def _shown(a: Assessment, visible: dict[str, bool], qid: str) -> Any:
    return a.answers.get(qid) if visible.get(qid) else None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def decision(a: Assessment, bank: Bank | None = None) -> Decision:
    bank = bank or default_bank()
    visible = bank.visible(a.answers)
    value = _shown(a, visible, DECISION_QUESTION)
    return Decision(value if isinstance(value, str) else None,
                    render_answer(bank.question(DECISION_QUESTION), value),
                    _text(_shown(a, visible, "conclusion.conditions")),
                    _text(_shown(a, visible, "conclusion.decision_reason")))


def action_plan(a: Assessment, today: date | None = None, bank: Bank | None = None) -> tuple[PlanItem, ...]:
    bank = bank or default_bank()
    q = bank.question(PLAN_QUESTION)
    rows = _shown(a, bank.visible(a.answers), PLAN_QUESTION) or []
    cols = {c.id: c for c in q.columns}
    out = []
    for n, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            continue
        due = row.get("due") if isinstance(row.get("due"), str) else None
        overdue = False
        if today is not None and due and row.get("status") == "planned":
            try:
                overdue = date.fromisoformat(due) < today
            except ValueError:
                overdue = False
        out.append(PlanItem(
            n=n, measure=str(row.get("measure") or ""), risks=render_cell(cols["risks"], row.get("risks")),
            status=row.get("status"), status_label=render_cell(cols["status"], row.get("status")),
            treatment=render_cell(cols["treatment"], row.get("treatment")), owner=str(row.get("owner") or ""),
            due=due, overdue=overdue))
    return tuple(out)


def _stage_words(stage: str) -> Text:
    node = risk_mod.labels()["terms"][stage]
    return Text(node["zh"], node["en"])


def blockers(a: Assessment, ev: Evaluation, bank: Bank | None = None) -> tuple[Blocker, ...]:
    bank = bank or default_bank()
    out: list[Blocker] = []
    seen: set[str] = set()
    for qid in ev.unanswered:
        q = bank.question(qid)
        out.append(Blocker("unanswered", Text(f"必答问题尚未回答：{q.text.zh}", f"Required question not answered: "
                                             f"{q.text.en}"), question=qid))
        seen.add(qid)
    for path in ev.risk.missing:  # "risks.<id>.<stage>"
        _, rid, stage = path.split(".", 2)
        name, words = labels.risk_name(rid), _stage_words(stage)
        out.append(Blocker("risk", Text(f"风险“{name.zh}”：{words.zh}尚未评定完整",
                                        f"Risk “{name.en}”: the {words.en.lower()} is not fully rated"),
                           risk=rid, stage=stage))
    # The answers the approval requires (the views of the people concerned); the approval's own fields are what the
    # approval dialog asks for.
    for p in approval_mod.approval_problems(a, ev):
        if not p.field.startswith("answers."):
            continue
        qid = p.field.removeprefix("answers.")
        if qid in seen:
            continue
        seen.add(qid)
        q = bank.question(qid) if qid in bank.questions else None
        zh = f"{q.text.zh}：{p.zh}" if q else p.zh
        en = f"{q.text.en}: {p.en}" if q else p.en
        out.append(Blocker("answer", Text(zh, en), question=qid))
    return tuple(out)


def review(a: Assessment, ev: Evaluation, today: date | None = None, bank: Bank | None = None) -> Review:
    """Everything the review page shows besides the evaluation itself. ``ev`` is the evaluation of ``a``;
    ``today`` (the context's day) marks planned measures already overdue."""
    bank = bank or default_bank()
    consistency = tuple(f for f in ev.findings if f.rule.startswith(CONSISTENCY_RULES)
                        and f.verdict in ("prohibited", "gap", "advisory"))
    return Review(decision(a, bank), action_plan(a, today, bank), blockers(a, ev, bank), consistency,
                  tuple(ev.warnings))


__all__ = ["Blocker", "Decision", "PlanItem", "Review", "action_plan", "blockers", "decision", "review"]
