"""The PI protection officer's approval, recorded before the report is signed (GB/T 39335 5.7: the report opens
with the officer's approval page).

The approval lives in the assessment file (``Assessment.approval``), so it is inside the JSON that the report
embeds and that every signature's stated SHA-256 covers: the signed report proves what the officer attested to.
The views of the people concerned are not asked twice: they are the answers to ``conclusion.consulted`` and its
follow-ups, which the approval requires and the approval page repeats.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # schema.py imports the constants below, and assessment.py imports schema.py
    from pia_wizard.core.assessment import Assessment

# (key, zh, en): the four statements the officer confirms, in the order the approval page prints them.
ATTESTATIONS: tuple[tuple[str, str, str], ...] = (
    ("description_accurate", "本报告对处理活动的描述与实际情况相符。",
     "The description of the processing in this report matches reality."),
    ("risks_understood", "本人已知悉报告所列的风险及其等级。",
     "I am aware of the risks this report sets out and of their levels."),
    ("plan_ratified", "本人批准报告中的整改计划。",
     "I ratify the action plan in this report."),
    ("will_implement", "本单位承诺按整改计划的期限实施各项措施。",
     "We commit to implementing the measures by the dates in the action plan."),
)
ATTESTATION_KEYS = tuple(k for k, _, _ in ATTESTATIONS)

# The officer's decision; the same values as the assessor's conclusion (conclusion.decision in the bank).
OPINIONS: dict[str, tuple[str, str]] = {
    "proceed": ("同意实施", "Proceed"),
    "proceed_with_conditions": ("有条件同意实施", "Proceed with conditions"),
    "continue_after_remediation": ("限期整改，整改期间继续运行", "Continue, remediating by a deadline"),
    "suspend_and_reassess": ("暂停处理，整改后重新评估", "Suspend and re-assess"),
    "do_not_proceed": ("不同意实施", "Do not proceed"),
}
# For a system already live (scope.started = yes) only.
LIVE_ONLY = ("continue_after_remediation", "suspend_and_reassess")
# Decisions under which the processing goes on (or starts): none may stand over a prohibited practice.
GOES_AHEAD = ("proceed", "proceed_with_conditions", "continue_after_remediation")
# Decisions that must list what has to be done, with owners and deadlines.
WITH_CONDITIONS = ("proceed_with_conditions", "continue_after_remediation")
MIN_REASONS = 15  # characters, spaces not counted: "同意。" is not a reason
MIN_CONDITIONS = 6
MIN_STOPPED = 10  # characters: how and when a prohibited practice stopped


@dataclass(frozen=True)
class Views:
    """Whether the views of the people concerned were sought (``conclusion.consulted``), and what came of it."""

    sought: str | None  # "yes" | "no" | "unknown" | None (unanswered)
    groups: tuple[str, ...] = ()
    methods: tuple[str, ...] = ()
    result: str = ""
    why_not: str = ""


def views(a: Assessment) -> Views:
    ans = a.answers
    return Views(
        sought=ans.get("conclusion.consulted"),
        groups=tuple(ans.get("conclusion.consult_groups") or ()),
        methods=tuple(ans.get("conclusion.consult_methods") or ()),
        result=str(ans.get("conclusion.consult_result") or "").strip(),
        why_not=str(ans.get("conclusion.consult_why_not") or "").strip(),
    )


# An officer who decides that the processing must not go ahead still confirms the facts and the risks, but is not
# asked to ratify or commit to an action plan for processing that will not happen.
PLAN_ATTESTATIONS = ("plan_ratified", "will_implement")


def required_attestations(opinion: str | None) -> tuple[str, ...]:
    if opinion == "do_not_proceed":
        return tuple(k for k in ATTESTATION_KEYS if k not in PLAN_ATTESTATIONS)
    return ATTESTATION_KEYS


def stopped_practices(a: Assessment) -> dict[str, str]:
    """``approval.stopped``: obligation ID of a prohibited finding -> the officer's statement of when and how that
    practice stopped. Statements too short to say either are left out."""
    stopped = (a.approval or {}).get("stopped") or {}
    return {oid: " ".join(str(text).split()) for oid, text in stopped.items()
            if len("".join(str(text or "").split())) >= MIN_STOPPED}


def recorded(a: Assessment) -> bool:
    """True when the file holds an approval at all (complete or not)."""
    return bool(a.approval)


@dataclass(frozen=True)
class Problem:
    """One thing that stands between the assessment and a signature: the field to fill in and what to do."""

    field: str  # "approval.reasons", "answers.conclusion.consulted", ...
    zh: str
    en: str

    def get(self, lang: str) -> str:
        return f"{self.field}: {self.zh if lang == 'zh' else self.en}"


def approval_problems(a: Assessment, evaluation: Any = None) -> list[Problem]:
    """What stands between this assessment and a signature, in both languages. Empty when the approval is
    complete. ``evaluation``: the engine's evaluation of ``a`` if the caller has it (else it is evaluated when
    needed, as of the assessment date): a decision to go ahead cannot stand over a prohibited finding."""
    ap = a.approval or {}
    if not ap:
        return [Problem("approval", "尚未记录审批：签署前，个人信息保护负责人须确认四项声明、给出审批意见及理由，"
                        "并记录相关人员的意见",
                        "no approval is recorded; the PI protection officer records the four attestations, an "
                        "opinion with reasons, and the views of the people concerned before signing")]
    out = []
    attest = ap.get("attestations") or {}
    opinion = ap.get("opinion")
    for key, zh, en in ATTESTATIONS:
        if attest.get(key) is not True and key in required_attestations(opinion):
            out.append(Problem(f"approval.attestations.{key}", f"未确认（“{zh}”）", f"not confirmed (\"{en}\")"))
    if opinion not in OPINIONS:
        out.append(Problem("approval.opinion", "请选择审批意见：" + "、".join(z for z, _ in OPINIONS.values()),
                           f"choose one of {', '.join(OPINIONS)}"))
    if len("".join(str(ap.get("reasons") or "").split())) < MIN_REASONS:
        out.append(Problem("approval.reasons", f"请说明审批意见的理由（至少 {MIN_REASONS} 个字）",
                           f"give the reasons for the opinion (at least {MIN_REASONS} characters)"))
    if opinion == "proceed_with_conditions" and len("".join(str(ap.get("conditions") or "").split())) < MIN_CONDITIONS:
        out.append(Problem("approval.conditions", "请列明处理活动实施前须满足的条件",
                           "list the conditions the processing must meet before it goes ahead"))
    if opinion == "continue_after_remediation" and len(
            "".join(str(ap.get("conditions") or "").split())) < MIN_CONDITIONS:
        out.append(Problem("approval.conditions", "请列明须整改的事项、责任人和整改期限，以及整改期间的控制措施",
                           "list what must be remediated, by whom and by when, and the controls that apply until "
                           "then"))
    if opinion in LIVE_ONLY and a.answers.get("scope.started") != "yes":
        out.append(Problem("approval.opinion",
                           f"“{OPINIONS[opinion][0]}”只适用于已经上线运行的系统，而评估记载处理尚未开始"
                           "（answers.scope.started）；请选择“同意实施”“有条件同意实施”或“不同意实施”",
                           f"“{OPINIONS[opinion][1]}” is for a system already live, but the assessment records that "
                           "processing has not started (answers.scope.started); choose proceed, proceed with "
                           "conditions or do not proceed"))
    if opinion in GOES_AHEAD:
        out += _prohibited_problems(a, opinion, evaluation)
    if not str((ap.get("approver") or {}).get("name") or "").strip():
        out.append(Problem("approval.approver.name", "请填写审批的个人信息保护负责人姓名",
                           "name the PI protection officer who approves"))
    if not ap.get("date"):
        out.append(Problem("approval.date", "请填写审批日期", "the date of the approval"))
    v = views(a)
    if v.sought not in ("yes", "no"):
        out.append(Problem("answers.conclusion.consulted", "请说明是否征求了相关人员的意见（是或否）",
                           "say whether the views of the people concerned were sought (yes or no)"))
    elif v.sought == "yes" and not v.result:
        out.append(Problem("answers.conclusion.consult_result", "请说明相关人员的意见以及评估如何回应",
                           "say what the people concerned said and how the assessment responded"))
    elif v.sought == "no" and not v.why_not:
        out.append(Problem("answers.conclusion.consult_why_not", "请说明未征求相关人员意见的原因",
                           "say why the views of the people concerned were not sought"))
    return out


def _prohibited_problems(a: Assessment, opinion: str, evaluation: Any) -> list[Problem]:
    """A decision to go ahead over a practice the law prohibits outright, unless the approval states, for each
    such practice, that it has stopped (``approval.stopped``)."""
    if evaluation is None:
        from datetime import date

        from pia_wizard.core.engine import evaluate

        as_of = date.fromisoformat(a.assessment_date) if a.assessment_date else None
        evaluation = evaluate(a, today=as_of)
    from pia_wizard.core.obligations import get

    prohibited = list(dict.fromkeys(f.obligation for f in evaluation.findings if f.verdict == "prohibited"))
    stopped = stopped_practices(a)
    open_ = [oid for oid in prohibited if oid not in stopped]
    out = [Problem(f"approval.stopped.{oid}", "该做法不在本评估的禁止类发现之中，请删除此项",
                   "not a prohibited finding of this assessment; remove it")
           for oid in (a.approval or {}).get("stopped") or {} if oid not in prohibited]
    if open_:
        zh, en = OPINIONS[opinion]
        out.append(Problem(
            "approval.stopped",
            "评估认定存在法律绝对禁止的做法（" + "、".join(get(o).citation("zh") for o in open_)
            + f"），审批意见却是“{zh}”。"
            "被禁止的做法必须停止，不能附条件或在整改期间继续：请逐项写明该做法已于何时、以何种方式停止"
            "（approval.stopped，以发现的义务编号为键：" + "、".join(open_) + "），或将审批意见改为“不同意实施”或"
            "“暂停处理，整改后重新评估”",
            "the assessment finds a practice that the law prohibits outright ("
            + ", ".join(get(o).citation("en") for o in open_) + f"), yet the decision is “{en}”. A prohibited "
            "practice must stop; it cannot continue under conditions or during remediation: state for each one when "
            "and how it stopped (approval.stopped, keyed by the finding's obligation ID: " + ", ".join(open_)
            + "), or change the decision to do not proceed or suspend and re-assess"))
    return out


def problems(a: Assessment) -> list[str]:
    """``approval_problems`` in English, each as one sentence naming the field to fill in."""
    return [p.get("en") for p in approval_problems(a)]


def complete(a: Assessment) -> bool:
    return not problems(a)


def approval_dict(*, opinion: str, reasons: str, approver: dict[str, Any], date: str, conditions: str = "",
                  attestations: dict[str, bool] | None = None,
                  stopped: dict[str, str] | None = None) -> dict[str, Any]:
    """An approval object as the file holds it; ``attestations`` default to all four confirmed."""
    out: dict[str, Any] = {
        "attestations": {k: True for k in ATTESTATION_KEYS} if attestations is None else dict(attestations),
        "opinion": opinion,
        "reasons": reasons,
        "approver": dict(approver),
        "date": date,
    }
    if conditions:
        out["conditions"] = conditions
    if stopped:
        out["stopped"] = dict(stopped)
    return out
