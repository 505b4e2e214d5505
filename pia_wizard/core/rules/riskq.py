"""Risk-section rules: Measures Art. 9 items (2)-(4), PIPL Art. 56(2)-(3); GB/T 39335 4.9, 5.8, Annex D (draft).

(Named riskq so as not to be confused with pia_wizard.core.risk, the GB/T 39335 scoring engine.)

Measures Art. 9 items (1)-(4) and PIPL Art. 56(1)-(3) say what the assessment must *contain*. Their findings
judge the assessment (is the analysis there, with reasons?), never the processing: when the assessor concludes
that the measures fall short, the content item is met and the shortfall is charged once, to the duty behind
it (Measures Art. 4 strict protection, which carries Art. 14 and PIPL Art. 51), by rule risk.shortfall.
"""

from __future__ import annotations

from pia_wizard.core.rules import Context, parse_date, rule
from pia_wizard.core.rules.conclusion import (
    Issues,
    plan_items,
    plan_names,
    residual_risks,
    risk_labels,
    says_something,
    substantive,
)

ART9_RISKS = ("leak", "tamper", "loss", "destruction", "illegal_acquisition", "illegal_sale", "illegal_use")


def _harm_gaps(ctx: Context) -> list[str] | None:
    """The Art. 9(3) risks with no substantive harm written in risk.harms; None if unanswered."""
    rows = ctx.answer("risk.harms")
    if rows is None:
        return None
    covered = {r.get("risk") for r in rows if says_something(r.get("harm"), 10)}
    return [r for r in ART9_RISKS if r not in covered]


def _measure_names(rows: list[dict]) -> tuple[str, str]:
    names = [str(r.get("measure") or "").strip() or "?" for r in rows]
    shown = names[:5]
    more = len(names) - len(shown)
    return ("、".join(f"“{n}”" for n in shown) + (f"等{len(names)}项" if more else ""),
            ", ".join(f"“{n}”" for n in shown) + (f" and {more} more" if more else ""))


@rule("risk.impact-mitigation", "FRM-09-CONTENT-IMPACT-MITIGATION")
def impact_mitigation(ctx: Context):
    """Measures Art. 9 item (2): the impact on individuals' rights, and whether the measures that reduce it
    work - judged, with evidence, not just listed."""
    effective = ctx.answer("risk.mitigation_effective")
    if effective is None:
        return
    issues = Issues()
    if not substantive(ctx, "risk.impact_rights"):
        issues.add("gap",
                   ("没有分析这项处理对个人权益的影响，或分析过于简略。",
                    "The impact of the processing on individuals' rights is not analysed, or only in passing."),
                   ("按自主决定权、差别性待遇、名誉和精神压力、人身财产四个方面，写明谁受影响、影响多大、能否挽回。",
                    "Cover autonomy, differential treatment, reputation and mental stress, and person and property: "
                    "who is affected, how badly, and whether it can be undone."))
    if effective == "unverified":
        # The assessment has not judged effectiveness at all: that is a content defect of Art. 9 item (2).
        issues.add("gap",
                   ("减少不利影响的措施已经采取，但效果尚未核实；《办法》第九条第（二）项要求评估其是否有效。",
                    "Measures to reduce adverse effects are in place but their effect has not been checked; "
                    "Measures Art. 9 item (2) requires the assessment to judge whether they work."),
                   ("通过检查配置和记录或实际测试核实措施效果，并记录核实方式。",
                    "Check the measures by inspecting settings and records or by testing, and record how."))
    if not substantive(ctx, "risk.mitigation_reason"):
        issues.add("gap",
                   ("关于措施是否有效的判断没有写明依据。",
                    "The judgement on whether the measures work gives no basis."),
                   ("写明哪些措施有效、哪些不足，以及是怎样核实的。",
                    "Say which measures work, which fall short, and how this was checked."))
    verdict_text = {
        "effective": ("判断减少不利影响的措施有效", "finds the measures that reduce adverse effects effective"),
        "partly": ("判断减少不利影响的措施只部分有效（不足之处见“严格保护措施”一项）",
                   "finds the measures that reduce adverse effects only partly effective (the shortfall is reported "
                   "under strict protective measures)"),
        "not_effective": ("判断减少不利影响的措施无效或尚未采取（不足之处见“严格保护措施”一项）",
                          "finds the measures that reduce adverse effects ineffective or not yet in place (the "
                          "shortfall is reported under strict protective measures)"),
    }.get(effective, ("", ""))
    yield issues.finding(ctx, "FRM-09-CONTENT-IMPACT-MITIGATION",
                         (f"评估分析了对个人权益的影响，并在核实的基础上{verdict_text[0]}，理由已写明。",
                          f"The assessment analyses the impact on individuals' rights and, on checked evidence, "
                          f"{verdict_text[1]}, with reasons."),
                         ["risk.impact_rights", "risk.mitigation_effective", "risk.mitigation_reason"])


@rule("risk.security-risks", "FRM-09-CONTENT-SECURITY-RISKS")
def security_risks(ctx: Context):
    """Measures Art. 9 item (3): each of the seven risks, with its possible harm."""
    missing = _harm_gaps(ctx)
    if missing is None:
        return
    issues = Issues()
    if missing:
        names = risk_labels(ctx, missing)
        issues.add("gap",
                   (f"以下风险没有写明可能造成的危害：{names[0]}。《办法》第九条第（三）项要求评估七类风险及其可能造成的危害。",
                    f"No possible harm is described for: {names[1]}. Measures Art. 9 item (3) requires the "
                    "assessment to cover all seven risks and the harm they could do."),
                   ("为每类风险写明可能的原因和对个人的具体危害。",
                    "For each risk, describe its possible causes and the concrete harm to individuals."))
    yield issues.finding(ctx, "FRM-09-CONTENT-SECURITY-RISKS",
                         ("七类风险均已写明可能的危害。", "The possible harm is described for all seven risks."),
                         ["risk.harms"])


@rule("risk.impact-and-risks", "PIPL-56-CONTENT-IMPACT-RISK")
def impact_and_risks(ctx: Context):
    """PIPL Art. 56(2): the impact on individuals' rights and the security risks."""
    missing = _harm_gaps(ctx)
    if missing is None or ctx.answer("risk.impact_rights") is None:
        return
    issues = Issues()
    if not substantive(ctx, "risk.impact_rights"):
        issues.add("gap",
                   ("对个人权益影响的分析过于简略。", "The analysis of the impact on individuals' rights is too thin."),
                   ("写明谁受影响、影响多大、能否挽回。",
                    "Say who is affected, how badly, and whether it can be undone."))
    if missing:
        names = risk_labels(ctx, missing)
        issues.add("gap",
                   (f"安全风险分析不完整，以下风险没有写明可能的危害：{names[0]}。",
                    f"The security-risk analysis is incomplete; no harm is described for: {names[1]}."),
                   ("为每类风险写明可能的原因和危害。", "Describe the possible causes and harm of each risk."))
    yield issues.finding(ctx, "PIPL-56-CONTENT-IMPACT-RISK",
                         ("评估分析了对个人权益的影响和各类安全风险。",
                          "The assessment analyses the impact on individuals' rights and each security risk."),
                         ["risk.impact_rights", "risk.harms"])


@rule("risk.proportionate", "FRM-09-CONTENT-MEASURES-PROPORTIONATE", "PIPL-56-CONTENT-MEASURES")
def proportionate(ctx: Context):
    """Measures Art. 9 item (4) / PIPL Art. 56(3): protective measures lawful, effective and proportionate,
    with reasons; a "yes" must not contradict residual risks at the unacceptable level."""
    judgement = ctx.answer("risk.measures_judgement")
    if judgement is None:
        return
    issues = Issues()
    qs = ["risk.measures", "risk.measures_judgement", "risk.measures_reason"]
    if judgement == "yes":
        result = residual_risks(ctx)
        if result is not None and result.unacceptable:
            names = risk_labels(ctx, result.unacceptable)
            issues.add("advisory",
                       (f"回答前后不一致：评估人认为措施与风险相适应，但风险评级显示以下风险在已落实的措施下仍达到不可接受等级："
                        f"{names[0]}。",
                        f"Inconsistent answers: the assessor finds the measures proportionate, but the risk grid shows "
                        f"an unacceptable current residual risk (measures in place) for: {names[1]}."),
                       ("重新核对判断或风险评级，使二者一致。",
                        "Re-check the judgement or the ratings so that they agree."))
    if not ctx.answer("risk.measures"):
        issues.add("gap", ("没有列出任何保护措施。", "No protective measure is listed."),
                   ("在整改计划中列出已采取和计划采取的措施。",
                    "List the measures in place and planned in the action plan."))
    if not substantive(ctx, "risk.measures_reason"):
        issues.add("gap",
                   ("关于措施是否合法、有效并与风险相适应的判断没有写明理由。",
                    "The judgement on whether the measures are lawful, effective and proportionate gives no "
                    "reasons."),
                   ("写明较高的风险是哪些、采取了什么措施、措施的依据和核实情况。",
                    "Say which risks are higher, what was done about them, the basis of the measures and how they "
                    "were checked."))
    ok = {
        "yes": ("评估分析了保护措施是否合法、有效并与风险程度相适应，结论为相适应，理由已写明。",
                "The assessment analyses whether the protective measures are lawful, effective and proportionate "
                "to the risk, finds that they are, and gives reasons."),
        "partly": ("评估分析了保护措施是否合法、有效并与风险程度相适应，结论为只部分相适应，理由已写明；"
                   "不足之处见“严格保护措施”一项。",
                   "The assessment analyses whether the protective measures are lawful, effective and proportionate "
                   "to the risk, finds them only partly so, and gives reasons; the shortfall is reported under "
                   "strict protective measures."),
        "no": ("评估分析了保护措施是否合法、有效并与风险程度相适应，结论为不相适应，理由已写明；"
               "不足之处见“严格保护措施”一项。",
               "The assessment analyses whether the protective measures are lawful, effective and proportionate to "
               "the risk, finds that they are not, and gives reasons; the shortfall is reported under strict "
               "protective measures."),
    }[judgement]
    for ob in ("FRM-09-CONTENT-MEASURES-PROPORTIONATE", "PIPL-56-CONTENT-MEASURES"):
        yield issues.finding(ctx, ob, ok, qs)


@rule("risk.shortfall", "FRM-04-STRICT-PROTECTION")
def shortfall(ctx: Context):
    """The assessor's own finding that the measures fall short is a shortfall of Measures Art. 4 (strict
    protective measures; it carries Art. 14 and PIPL Art. 51), charged once here, not to the content items."""
    judgement = ctx.answer("risk.measures_judgement")
    effective = ctx.answer("risk.mitigation_effective")
    issues = Issues()
    qs = [q for q in ("risk.measures_judgement", "risk.measures_reason", "risk.mitigation_effective",
                      "risk.mitigation_reason", "risk.measures") if ctx.shown(q)]
    fix = ("按风险等级补充措施，列入整改计划并写明责任人和期限；未上线的系统在措施落实前不开始处理。",
           "Add measures matched to the risk levels to the action plan with owners and due dates; a system not yet "
           "live does not start processing until they are in place.")
    if judgement in ("no", "partly"):
        zh = "不合法、无效或与风险程度不相适应" if judgement == "no" else "只部分与风险程度相适应，还需补充措施"
        en = ("unlawful, ineffective or out of proportion to the risk" if judgement == "no" else
              "only partly proportionate to the risk; more are needed")
        issues.add("gap", (f"评估人认为现有保护措施{zh}。", f"The assessor finds the protective measures {en}."), fix)
    if effective == "not_effective":
        issues.add("gap", ("评估人认为减少对个人权益不利影响的措施无效或尚未采取。",
                           "The assessor finds the measures that reduce the adverse effects on individuals' rights "
                           "ineffective or not yet in place."), fix)
    elif effective == "partly":
        issues.add("advisory", ("评估人认为减少对个人权益不利影响的措施只部分有效。",
                                "The assessor finds the measures that reduce the adverse effects on individuals' "
                                "rights only partly effective."), fix)
    result = residual_risks(ctx)
    if result is not None and result.unacceptable:
        names = risk_labels(ctx, result.unacceptable)
        decision = ctx.answer("conclusion.decision")
        if ctx.answer("scope.started") == "yes" and decision != "suspend_and_reassess":
            issues.add("gap", (f"系统已经上线，而以下风险在已落实的措施下仍达到不可接受等级：{names[0]}。",
                               f"The system is live, and with the measures in place these risks are at an "
                               f"unacceptable level: {names[1]}."), fix)
            qs.append("scope.started")
        elif decision == "proceed":
            issues.add("gap", (f"结论是无条件实施，而以下风险在已落实的措施下仍达到不可接受等级：{names[0]}。",
                               f"The conclusion is to go ahead unconditionally while, with the measures in place, "
                               f"these risks are at an unacceptable level: {names[1]}."), fix)
            qs.append("conclusion.decision")
    if issues:
        yield issues.finding(ctx, "FRM-04-STRICT-PROTECTION", ("", ""), qs)


VULNERABLE_SUBJECTS = ("pupils_students", "patients")


def vulnerable_groups(ctx: Context) -> tuple[str, str] | None:
    """The vulnerable groups in scope (GB/T 39335 Annex D: minors, students, elderly people...), or None."""
    zh, en = [], []
    if ctx.answer("scope.minors_u14") == "yes":
        zh.append("不满十四周岁的未成年人")
        en.append("children under 14")
    subjects = ctx.answer("scope.data_subjects") or []
    if "pupils_students" in subjects:
        zh.append("学生")
        en.append("pupils or students")
    if "patients" in subjects:
        zh.append("患者")
        en.append("patients")
    if ctx.answer("scope.elderly_disabled") == "yes":
        zh.append("老年人或残疾人")
        en.append("elderly people or people with disabilities")
    return ("、".join(zh), ", ".join(en)) if zh else None


def proposed_vulnerable_adjustment(ctx: Context) -> dict[str, str] | None:
    """The impact adjustment the risk grid pre-fills (the DPO may edit the reason or remove it, giving why)."""
    groups = vulnerable_groups(ctx)
    if groups is None or substantive(ctx, "risk.vulnerable_reason"):
        return None  # no vulnerable group, or the DPO wrote why the raise does not apply
    stages = [entry.get(stage) for entry in (ctx.assessment.risks or {}).values() if isinstance(entry, dict)
              for stage in ("inherent", "current", "target") if isinstance(entry.get(stage), dict)]
    if stages and all(any(isinstance(a, dict) and a.get("kind") == "vulnerable"
                          for a in rating.get("impact_adjustments") or []) for rating in stages):
        return None  # applied everywhere already
    return {"kind": "vulnerable",
            "reason": f"受影响人群包括{groups[0]}，抗风险能力和心理承受能力较弱（GB/T 39335 附录D，影响程度上调一级）。"
                      if ctx.assessment.language != "en" else
                      f"The people affected include {groups[1]}, who are less able to withstand financial and "
                      "psychological harm (GB/T 39335 Annex D: impact raised by one level)."}


@rule("risk.vulnerable-adjustment", "GBT39335-D1-ADJ-VULNERABLE-UP")
def vulnerable_adjustment(ctx: Context):
    """GB/T 39335 Annex D (draft): raise the impact one level for vulnerable groups, in every rated stage, or
    say why not."""
    ob = "GBT39335-D1-ADJ-VULNERABLE-UP"
    qs = [q for q in ("scope.minors_u14", "scope.data_subjects", "scope.elderly_disabled",
                      "risk.vulnerable_reason") if ctx.shown(q)]
    groups = vulnerable_groups(ctx)
    if groups is None:
        if ctx.answered("scope.data_subjects") and ctx.answered("scope.minors_u14"):
            yield ctx.finding(ob, "not_applicable",
                              ("受影响人群中没有未成年人、学生、患者、老年人或残疾人等脆弱群体。",
                               "No vulnerable group (children, pupils, patients, elderly or disabled people) is among "
                               "the people affected."), None, qs)
        return
    missing: list[str] = []
    for rid, entry in (ctx.assessment.risks or {}).items():
        if not isinstance(entry, dict):
            continue
        for stage in ("inherent", "current", "target"):
            rating = entry.get(stage)
            if isinstance(rating, dict) and rating.get("impact") and not any(
                    isinstance(a, dict) and a.get("kind") == "vulnerable"
                    for a in rating.get("impact_adjustments") or []):
                missing.append(rid)
                break
    if not ctx.assessment.risks:
        return
    if not missing:
        yield ctx.finding(ob, "compliant",
                          (f"受影响人群包括{groups[0]}，各项风险的影响程度均已按 GB/T 39335 附录D上调一级。",
                           f"The people affected include {groups[1]}; the impact of every risk is raised by one level "
                           "as GB/T 39335 Annex D suggests."), None, qs)
        return
    names = risk_labels(ctx, dict.fromkeys(missing))
    if substantive(ctx, "risk.vulnerable_reason"):
        yield ctx.finding(ob, "compliant",
                          (f"受影响人群包括{groups[0]}；以下风险未上调影响程度，理由已写明：{names[0]}。",
                           f"The people affected include {groups[1]}; the impact of these risks is not raised, for "
                           f"the reasons given: {names[1]}."), None, qs)
        return
    yield ctx.finding(ob, "advisory",
                      (f"受影响人群包括{groups[0]}，但以下风险的影响程度没有按脆弱群体上调一级，也没有写明理由：{names[0]}。",
                       f"The people affected include {groups[1]}, but the impact of these risks is not raised by one "
                       f"level for a vulnerable group, and no reason is given: {names[1]}."),
                      ("在风险评级表中为这些风险的各个阶段加上“脆弱群体”上调（已预填理由，可修改）；不上调的，写明理由。",
                       "Add the 'vulnerable group' raise to every stage of these risks in the risk grid (a reason is "
                       "pre-filled and can be edited); if you do not raise it, say why."), qs)


@rule("risk.action-plan", "GBT39335-5.8-TREATMENT", "GBT39335-5.8-RESIDUAL-TRACKING")
def action_plan(ctx: Context):
    """GB/T 39335 5.8 (draft): a treatment for every risk; planned measures tracked with owner and due date."""
    rows = ctx.answer("risk.measures")
    if rows is None:
        return
    qs = ["risk.measures"]

    treatment = Issues()
    covered = {rid for r in rows for rid in (r.get("risks") or [])}
    uncovered = [rid for rid in ART9_RISKS if rid not in covered]
    if uncovered:
        names = risk_labels(ctx, uncovered)
        treatment.add("advisory",
                      (f"整改计划中没有针对以下风险的处置：{names[0]}。",
                       f"The action plan has no treatment for: {names[1]}."),
                      ("为每类风险选择处置方式；决定接受风险的，也列一行并写明理由。",
                       "Choose a treatment for every risk; if you accept one, list it too and give the reason."))
    result = residual_risks(ctx)
    if result is not None and result.unacceptable:
        accepted = [rid for rid in result.unacceptable
                    if any(rid in (r.get("risks") or []) and r.get("treatment") == "accepted" for r in rows)]
        if accepted:
            names = risk_labels(ctx, accepted)
            treatment.add("advisory",
                          (f"以下风险在已落实的措施下仍达到不可接受等级，却被选择为接受风险：{names[0]}。",
                           f"These risks are still at an unacceptable level with the measures in place, yet the plan "
                           f"accepts them: {names[1]}."),
                          ("不可接受等级的风险不应直接接受；补充措施，或说明调整风险判定准则的依据。",
                           "A risk at an unacceptable level should not simply be accepted; add measures, or justify "
                           "a change of the risk criteria."))
    yield treatment.finding(ctx, "GBT39335-5.8-TREATMENT",
                            ("七类风险均已确定处置方式。", "Every one of the seven risks has a treatment."), qs)

    tracking = Issues()
    if result is not None:
        untargeted = [rid for rid, res in result.results.items()
                      if res.target is None and res.current is not None and plan_items(ctx, [rid])]
        if untargeted:
            names = risk_labels(ctx, untargeted)
            plan = plan_names(plan_items(ctx, untargeted))
            tracking.add("advisory",
                         (f"计划中的措施{plan[0]}针对以下风险，但没有评定整改计划完成后的目标风险：{names[0]}。",
                          f"The planned measures {plan[1]} address these risks, but no target risk after the plan "
                          f"is rated: {names[1]}."),
                         ("在风险评级表中为这些风险评定目标风险，说明计划完成后风险降到什么等级。",
                          "Rate the target risk of these risks in the risk grid: the level once the plan is done."))
    planned = [r for r in rows if r.get("status") == "planned"]
    no_owner = [r for r in planned if not says_something(r.get("owner"), 2)]
    no_due = [r for r in planned if parse_date(r.get("due")) is None]
    overdue = [r for r in planned if (d := parse_date(r.get("due"))) is not None and d < ctx.today]
    if no_owner:
        names = _measure_names(no_owner)
        tracking.add("advisory",
                     (f"计划中的措施{names[0]}没有责任人。", f"Planned measures {names[1]} have no owner."),
                     ("为每项计划措施指定责任人。", "Give every planned measure an owner."))
    if no_due:
        names = _measure_names(no_due)
        tracking.add("advisory",
                     (f"计划中的措施{names[0]}没有完成期限。", f"Planned measures {names[1]} have no due date."),
                     ("为每项计划措施确定完成期限。", "Give every planned measure a due date."))
    if overdue:
        names = _measure_names(overdue)
        tracking.add("advisory",
                     (f"计划中的措施{names[0]}已过完成期限，仍未落实。",
                      f"Planned measures {names[1]} are past their due date and still not in place."),
                     ("核实进展：已完成的改为“已落实”并注明核实方式；未完成的写明原因和新的期限，并复核剩余风险。",
                      "Check progress: mark finished ones as in place with how they were verified; for the rest, "
                      "give the reason and a new date, and review the residual risk."))
    yield tracking.finding(ctx, "GBT39335-5.8-RESIDUAL-TRACKING",
                           ("计划中的措施都有责任人和完成期限，没有逾期。" if planned else "所列措施均已落实。",
                            "Every planned measure has an owner and a due date, and none is overdue." if planned
                            else "Every measure listed is in place."),
                           qs)


@rule("risk.evidence", "GBT39335-4.9-METHODS")
def evidence(ctx: Context):
    """GB/T 39335 4.9 (draft): interview, inspection, testing; each measure claimed in place shows its evidence."""
    methods = ctx.answer("risk.methods")
    if methods is None:
        return
    issues = Issues()
    if not {"inspection", "testing"} & set(methods):
        issues.add("advisory",
                   ("本次评估只通过访谈取得证据，没有检查文件、配置或日志，也没有技术测试。",
                    "This assessment rests on interviews alone, with no inspection of documents, settings or logs "
                    "and no technical testing."),
                   ("至少检查关键配置和日志，对加密、访问控制等技术措施进行测试。",
                    "At least inspect the key settings and logs, and test technical measures such as encryption and "
                    "access control."))
    unproven = [r for r in ctx.answer("risk.measures", []) or [] if r.get("status") == "in_place"
                and not r.get("evidence")]
    if unproven:
        names = _measure_names(unproven)
        issues.add("advisory",
                   (f"已落实的措施{names[0]}没有注明核实方式。",
                    f"Measures in place {names[1]} do not say how they were verified."),
                   ("注明每项已落实措施是通过访谈、检查还是测试核实的。",
                    "For each measure in place, say whether it was verified by interview, inspection or testing."))
    yield issues.finding(ctx, "GBT39335-4.9-METHODS",
                         ("评估结合了访谈以外的检查或测试，已落实的措施都注明了核实方式。",
                          "The assessment uses inspection or testing beyond interviews, and every measure in place "
                          "says how it was verified."),
                         ["risk.methods", "risk.measures"])
