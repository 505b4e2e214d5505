"""Evaluate an assessment: data checks + function rules -> findings; risk scores; completeness."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from pia_wizard.core import conditions
from pia_wizard.core.assessment import Assessment
from pia_wizard.core.bank import MEASURES_PREFIXES, Bank, Question, Text, default_bank
from pia_wizard.core.findings import VERDICT_ORDER, Finding, recommended_as_advisory
from pia_wizard.core.issues import Issue, group
from pia_wizard.core.obligations import decidable
from pia_wizard.core.rules import Context, load_all

# The scope gates themselves stay decided when the Measures do not apply. FRM-19 (what FRT is under the
# Measures) is not one of them: once Art. 2 takes the processing out of the Measures, their definition decides
# nothing.
SCOPE_GATES = ("FRM-02-SCOPE", "FRM-02-RND-EXCLUSION")


@dataclass
class Evaluation:
    findings: list[Finding]
    risk: Any
    measures_apply: bool
    measures_reason: Text | None
    unanswered: list[str]
    warnings: list[str] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(VERDICT_ORDER, 0)
        for f in self.findings:
            out[f.verdict] += 1
        return out

    @cached_property
    def issues(self) -> list[Issue]:
        """The findings that call for something, grouped by cause (core/issues.py)."""
        return group(self.findings)

    @property
    def has_prohibited(self) -> bool:
        return any(f.verdict == "prohibited" for f in self.findings)


MIGRATION_WARNING = (
    "the file is in format 1, which rated one residual risk with planned measures counted; that rating now "
    "stands as both the current risk (measures in place) and the target risk (after the action plan): re-rate "
    "the current risk counting only the measures in place")


class RuleError(RuntimeError):
    pass


def _check_findings(ctx: Context, q: Question) -> list[Finding]:
    check = q.check
    value = ctx.answer(q.id)
    if check is None or value is None:
        return []
    verdict = check.verdicts.get(value)
    if verdict is None and value == "unknown":
        worst = min((check.verdicts[v] for v in check.verdicts), key=lambda v: VERDICT_ORDER[v])
        verdict = "gap" if worst in ("prohibited", "gap") else "advisory"
    if verdict is None:
        return []
    answer_label = q.option_label(value, "zh"), q.option_label(value, "en")
    if verdict == "compliant":
        explanation = check.ok or Text(f"回答为“{answer_label[0]}”。", f"Answered “{answer_label[1]}”.")
        action = None
    elif value == "unknown":
        explanation = Text(f"尚未确认：{check.explain.zh}", f"Not confirmed: {check.explain.en}")
        action = check.action
    else:
        explanation, action = check.explain, check.action
    ctx.rule_id = f"check:{q.id}"
    return [ctx.finding(oid, verdict, explanation, action, questions=[q.id]) for oid in check.obligations]


def measures_applicability(ctx: Context) -> tuple[bool, Text | None]:
    """Measures Art. 2: inside the PRC, and not solely for FRT R&D or algorithm training."""
    if ctx.answer("scope.in_prc") == "no":
        return False, Text("处理活动不在中华人民共和国境内（《办法》第二条）。",
                           "the processing does not take place inside the PRC (Measures Art. 2).")
    if ctx.answer("scope.rnd_only") == "yes":
        return False, Text("唯一目的是人脸识别技术研发或算法训练（《办法》第二条），仍适用《个人信息保护法》。",
                           "the only purpose is FRT research and development or algorithm training (Measures "
                           "Art. 2); the PIPL still applies.")
    return True, None


def _measures_off(f: Finding, reason: Text) -> Finding:
    """A finding once Measures Art. 2 takes the processing out of the Measures: their obligations become not
    applicable, saying why; the territorial gate, answered "inside the PRC", no longer says the Measures apply."""
    if not f.obligation.startswith(MEASURES_PREFIXES) or f.verdict == "not_applicable":
        return f
    if f.obligation == "FRM-02-SCOPE" and f.verdict == "compliant":
        return Finding(f.obligation, "not_applicable",
                       Text("处理活动在中华人民共和国境内进行，但《人脸识别技术应用安全管理办法》不适用：" + reason.zh,
                            "The processing takes place in the PRC, but the FRT Measures do not apply: " + reason.en),
                       None, f.rule, f.questions)
    if f.obligation in SCOPE_GATES:
        return f
    return Finding(f.obligation, "not_applicable",
                   Text("《人脸识别技术应用安全管理办法》不适用：" + reason.zh,
                        "The FRT Measures do not apply: " + reason.en),
                   None, f.rule, f.questions)


def evaluate(assessment: Assessment, bank: Bank | None = None, today: date | None = None) -> Evaluation:
    from pia_wizard.core import risk

    bank = bank or default_bank()
    today = today or date.today()
    visible = bank.visible(assessment.answers)
    ctx = Context(bank, assessment, today, visible)
    rules = load_all()

    findings: list[Finding] = []
    for q in bank:
        findings += _check_findings(ctx, q)
    for r in rules.values():
        if r.late:
            continue
        ctx.rule_id = r.id
        for f in r.func(ctx) or ():
            if f.obligation not in r.obligations:
                raise RuleError(f"rule {r.id} emitted a finding for {f.obligation}, which it does not declare")
            findings.append(f)

    applies, reason = measures_applicability(ctx)
    if not applies and reason is not None:
        findings = [_measures_off(f, reason) for f in findings]

    findings += _completeness(ctx, findings, applies, reason)
    findings += _late_rules(ctx, rules, findings)
    # Recommended standards (GB/T) are never a gap by themselves: see findings.recommended_as_advisory.
    findings = recommended_as_advisory(findings)
    order = {q: i for i, q in enumerate(bank.questions)}
    findings.sort(key=lambda f: (VERDICT_ORDER[f.verdict], min((order.get(q, 10**6) for q in f.questions),
                                                               default=10**6), f.obligation))
    unanswered = [q.id for q in bank if visible.get(q.id) and q.required and ctx.answer(q.id) is None]
    warnings = []
    if assessment.bank_version and assessment.bank_version != bank.version:
        warnings.append(f"the file was answered against question bank {assessment.bank_version}; "
                        f"this is bank {bank.version}")
    result = risk.assess(assessment.risks, assessment.unacceptable_from)
    warnings += list(getattr(result, "warnings", []) or [])
    if assessment.migrated_from == 1 and any("current" in (e or {}) for e in assessment.risks.values()):
        warnings.append(MIGRATION_WARNING)
    return Evaluation(findings, result, applies, reason, unanswered, warnings)


def _late_rules(ctx: Context, rules: dict[str, Any], findings: list[Finding]) -> list[Finding]:
    """The late rules (the consistency checks): they read every other finding, so they run last and do not count
    as deciding an obligation for the completeness step."""
    out: list[Finding] = []
    ctx.findings = tuple(findings)
    for r in rules.values():
        if not r.late:
            continue
        ctx.rule_id = r.id
        for f in r.func(ctx) or ():
            if f.obligation not in r.obligations:
                raise RuleError(f"rule {r.id} emitted a finding for {f.obligation}, which it does not declare")
            out.append(f)
    ctx.findings = ()
    return out


def _completeness(ctx: Context, findings: list[Finding], applies: bool, reason: Text | None) -> list[Finding]:
    decided = {f.obligation for f in findings}
    cited = ctx.bank.cited()
    out = []
    ctx.rule_id = "completeness"
    for ob in decidable():
        if ob.id in decided:
            continue
        qids = cited.get(ob.id, [])
        shown = [q for q in qids if ctx.shown(q)]
        if not applies and reason is not None and ob.id.startswith(MEASURES_PREFIXES) and ob.id not in SCOPE_GATES:
            out.append(ctx.finding(ob.id, "not_applicable",
                                   Text("《人脸识别技术应用安全管理办法》不适用：" + reason.zh,
                                        "The FRT Measures do not apply: " + reason.en), questions=qids))
        elif qids and not shown and (waiting := _pending_gates(ctx, qids)):
            out.append(ctx.finding(ob.id, "gap",
                                   Text("评估尚未回答决定此项是否适用的问题：" + "、".join(waiting) + "。",
                                        "The assessment does not yet answer the question that decides whether "
                                        "this applies: " + ", ".join(waiting) + "."),
                                   Text("回答该问题；随后出现的问题将决定此项义务。",
                                        "Answer it; the questions it opens decide this obligation."),
                                   questions=waiting))
        elif qids and not shown:
            conds = [ctx.bank.question(q).show_if or _section_cond(ctx.bank, q) for q in qids]
            why_zh = "；".join(dict.fromkeys(conditions.describe(c, "zh", ctx.bank) for c in conds if c))
            why_en = "; ".join(dict.fromkeys(conditions.describe(c, "en", ctx.bank) for c in conds if c))
            out.append(ctx.finding(ob.id, "not_applicable",
                                   Text(f"根据已有回答，此项不适用：相关问题仅在{why_zh}时适用。",
                                        f"Not applicable to the answers given: its questions apply only when "
                                        f"{why_en}."), questions=qids))
        elif any(ctx.answer(q) is None for q in shown):
            missing = [q for q in shown if ctx.answer(q) is None]
            out.append(ctx.finding(ob.id, "gap",
                                   Text("评估尚未回答此项义务的问题：" + "、".join(missing) + "。",
                                        "The assessment does not answer this yet: " + ", ".join(missing) + "."),
                                   Text("回答相关问题，个人信息保护影响评估须覆盖此项义务。",
                                        "Answer the questions: the PIPIA must cover this obligation."),
                                   questions=missing))
        else:
            out.append(ctx.finding(ob.id, "advisory",
                                   Text("已记录回答，但没有自动判定规则；请人工复核。",
                                        "Answers are recorded but no rule decides this automatically; review it."),
                                   questions=qids))
    return out


def _pending_gates(ctx: Context, qids: list[str]) -> list[str]:
    """Shown-but-unanswered questions that keep any of ``qids`` hidden (followed through hidden parents):
    an obligation hidden only because its gate is unanswered is not yet answered, not 'not applicable'."""
    waiting: list[str] = []
    seen: set[str] = set()
    stack = list(qids)
    while stack:
        qid = stack.pop()
        if qid in seen:
            continue
        seen.add(qid)
        q = ctx.bank.question(qid)
        for ref in conditions.referenced_questions(q.show_if) + conditions.referenced_questions(
                _section_cond(ctx.bank, qid)):
            if ctx.shown(ref):
                if ctx.answer(ref) is None and ref not in waiting:
                    waiting.append(ref)
            else:
                stack.append(ref)
    return waiting


def _section_cond(bank: Bank, qid: str) -> Any:
    for s in bank.sections:
        if any(q.id == qid for q in s.questions):
            return s.show_if
    return None
