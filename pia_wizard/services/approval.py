"""The officer's approval as a form: what the approval dialog offers for one assessment (the decisions that apply,
the attestations, the prohibited practices that need a statement, the views of the people concerned), and the
core's check of an approval that is still being filled in. The dialog holds no rule of its own: every problem it
shows comes from ``core.approval.approval_problems``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from pia_wizard.core import approval as core
from pia_wizard.core.approval import Problem
from pia_wizard.core.assessment import Assessment
from pia_wizard.core.bank import TEXT_LIMIT, Text
from pia_wizard.core.engine import Evaluation
from pia_wizard.core.labels import option_label
from pia_wizard.core.schema import SHORT_TEXT

MIN_REASONS = core.MIN_REASONS
MIN_CONDITIONS = core.MIN_CONDITIONS
MIN_STOPPED = core.MIN_STOPPED
GOES_AHEAD = core.GOES_AHEAD
WITH_CONDITIONS = core.WITH_CONDITIONS
LIVE_ONLY = core.LIVE_ONLY
PLAN_ATTESTATIONS = core.PLAN_ATTESTATIONS
VIEWS_QUESTION = "conclusion.consulted"


@dataclass(frozen=True)
class Choice:
    id: str
    label: Text


@dataclass(frozen=True)
class ProhibitedPractice:
    """A prohibited finding that a decision to go ahead must state as stopped (``approval.stopped[obligation]``)."""

    obligation: str
    citation: Text
    explanation: Text


@dataclass(frozen=True)
class ViewsSummary:
    """``conclusion.consulted`` and its follow-ups, with the options' labels (read-only in the approval)."""

    sought: str | None  # "yes" | "no" | "unknown" | None
    sought_label: Text
    groups: tuple[Text, ...]
    methods: tuple[Text, ...]
    result: str
    why_not: str


@dataclass(frozen=True)
class AssessorConclusion:
    """What the assessment itself concludes (conclusion.decision and its reason and conditions)."""

    decision: str | None
    decision_label: Text | None
    reason: str
    conditions: str


@dataclass(frozen=True)
class ApprovalForm:
    live: bool  # scope.started = yes: the decisions for a system already live are offered
    opinions: tuple[Choice, ...]  # in the order to offer them
    attestations: tuple[Choice, ...]
    prohibited: tuple[ProhibitedPractice, ...]
    views: ViewsSummary
    conclusion: AssessorConclusion
    approver: dict[str, str]  # the default approver: the officer named in the assessment
    approval: dict[str, Any]  # the approval recorded so far ({} when none)


def _both(qid: str, value: object) -> Text:
    return Text(option_label(qid, value, "zh"), option_label(qid, value, "en"))


def evaluation_for(a: Assessment, evaluation: Evaluation | None = None) -> Evaluation:
    """``evaluation`` or, without one, the evaluation as of the assessment date (as the core's check does)."""
    if evaluation is not None:
        return evaluation
    from pia_wizard.core.engine import evaluate

    return evaluate(a, today=date.fromisoformat(a.assessment_date) if a.assessment_date else None)


def prohibited_practices(a: Assessment, evaluation: Evaluation | None = None) -> tuple[ProhibitedPractice, ...]:
    """The prohibited findings, one per obligation, in the evaluation's order."""
    ev = evaluation_for(a, evaluation)
    seen: dict[str, ProhibitedPractice] = {}
    for f in ev.findings:
        if f.verdict == "prohibited" and f.obligation not in seen:
            seen[f.obligation] = ProhibitedPractice(f.obligation, Text(f.citation("zh"), f.citation("en")),
                                                    f.explanation)
    return tuple(seen.values())


def approval_form(a: Assessment, evaluation: Evaluation | None = None) -> ApprovalForm:
    live = a.answers.get("scope.started") == "yes"
    recorded = dict(a.approval or {})
    current = recorded.get("opinion")
    opinions = tuple(Choice(k, Text(zh, en)) for k, (zh, en) in core.OPINIONS.items()
                     if live or k not in LIVE_ONLY or k == current)
    v = core.views(a)
    ans = a.answers
    decision = ans.get("conclusion.decision")
    label = Text(*core.OPINIONS[decision]) if decision in core.OPINIONS else None
    return ApprovalForm(
        live=live,
        opinions=opinions,
        attestations=tuple(Choice(k, Text(zh, en)) for k, zh, en in core.ATTESTATIONS),
        prohibited=prohibited_practices(a, evaluation),
        views=ViewsSummary(
            sought=v.sought,
            sought_label=_both(VIEWS_QUESTION, v.sought) if v.sought else Text("未回答", "not answered"),
            groups=tuple(_both("conclusion.consult_groups", g) for g in v.groups),
            methods=tuple(_both("conclusion.consult_methods", m) for m in v.methods),
            result=v.result, why_not=v.why_not),
        conclusion=AssessorConclusion(decision, label, str(ans.get("conclusion.decision_reason") or ""),
                                      str(ans.get("conclusion.conditions") or "")),
        approver={k: str(x) for k, x in (a.dpo or {}).items() if k in ("name", "role", "organisation") and x},
        approval=recorded,
    )


def required_attestations(opinion: str | None) -> tuple[str, ...]:
    return core.required_attestations(opinion)


def _too_long(approval: Mapping[str, Any]) -> list[Problem]:
    out = []
    texts = {"approval.reasons": approval.get("reasons"), "approval.conditions": approval.get("conditions")}
    texts.update({f"approval.stopped.{k}": v for k, v in (approval.get("stopped") or {}).items()})
    for where, text in texts.items():
        if isinstance(text, str) and len(text) > TEXT_LIMIT:
            out.append(Problem(where, f"太长（最多 {TEXT_LIMIT:,} 个字符）",
                               f"too long (at most {TEXT_LIMIT:,} characters)"))
    for key, text in (approval.get("approver") or {}).items():
        if isinstance(text, str) and len(text) > SHORT_TEXT:
            out.append(Problem(f"approval.approver.{key}", f"太长（最多 {SHORT_TEXT:,} 个字符）",
                               f"too long (at most {SHORT_TEXT:,} characters)"))
    return out


def check_approval(a: Assessment, approval: Mapping[str, Any], evaluation: Evaluation | None = None) -> list[Problem]:
    """What stands between ``a`` with this approval and a signature (empty: complete), as the core says it, plus
    a text too long for the assessment file. ``evaluation``: the evaluation of ``a`` if the caller has it."""
    candidate = replace(a, approval=dict(approval))
    return _too_long(approval) + core.approval_problems(candidate, evaluation_for(a, evaluation))


def with_approval(a: Assessment, approval: Mapping[str, Any]) -> Assessment:
    """A copy of ``a`` with this approval, validated as an assessment file (BadInput naming the problem)."""
    from pia_wizard.services.assessments import parse_assessment

    data = a.to_dict()
    data["approval"] = dict(approval)
    return parse_assessment(json.dumps(data, ensure_ascii=False))
