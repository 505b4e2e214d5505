"""Conclusion rules: Measures Art. 9 (item 1, re-assessment), PIPL Art. 56(1); GB/T 39335 5.1, 5.2, 5.8;
GB/T 35273 11.4.

Also holds two small helpers the mapping and risk rules share: :class:`Issues` (several problems for one
obligation -> one finding with the worst verdict) and :func:`says_something` (text quality of a table cell).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pia_wizard.core.approval import LIVE_ONLY
from pia_wizard.core.findings import VERDICT_ORDER, Finding
from pia_wizard.core.rules import Context, is_substantive, parse_date, rule

# ------------------------------------------------------------------------------------------------ helpers

says_something = is_substantive  # a cell of a rows answer; other rule modules import this name


def substantive(ctx: Context, qid: str, floor: int = 10) -> bool:
    """The answer to a text question says something, measured against the question's own min_length."""
    return ctx.text_is_substantive(qid, max(ctx.bank.question(qid).min_length, floor))


class Issues:
    """The problems one rule finds for one obligation, reported as a single finding with the worst verdict."""

    def __init__(self) -> None:
        self.items: list[tuple[str, tuple[str, str], tuple[str, str] | None]] = []

    def add(self, verdict: str, explanation: tuple[str, str], action: tuple[str, str] | None = None) -> None:
        self.items.append((verdict, explanation, action))

    def __bool__(self) -> bool:
        return bool(self.items)

    def finding(self, ctx: Context, obligation: str, ok: tuple[str, str], questions: Iterable[str],
                ok_verdict: str = "compliant") -> Finding:
        if not self.items:
            return ctx.finding(obligation, ok_verdict, ok, None, questions)
        items = sorted(self.items, key=lambda i: VERDICT_ORDER[i[0]])  # stable: worst first, then in order
        explanation = ("".join(i[1][0] for i in items), " ".join(i[1][1] for i in items))
        actions = list(dict.fromkeys(i[2] for i in items if i[2]))  # one remedy for several problems: once
        action = ("".join(a[0] for a in actions), " ".join(a[1] for a in actions)) if actions else None
        return ctx.finding(obligation, items[0][0], explanation, action, questions)


def option_labels(ctx: Context, qid: str, values: Iterable[str], column: str | None = None) -> tuple[str, str]:
    """Labels of option values, joined for zh and en; ``column`` for a column of a rows question."""
    q = ctx.bank.question(qid)
    options = q.options if column is None else next(c.options for c in q.columns if c.id == column)
    by_value = {o.value: o.label for o in options}
    values = list(values)
    return ("、".join(by_value[v].zh if v in by_value else v for v in values),
            ", ".join(by_value[v].en if v in by_value else v for v in values))


def residual_risks(ctx: Context) -> Any:
    """The GB/T 39335 risk engine's result for this assessment, or None if the risk data cannot be scored."""
    from pia_wizard.core import risk

    try:
        return risk.assess(ctx.assessment.risks or {}, ctx.assessment.unacceptable_from)
    except (ValueError, RuntimeError):
        return None


def unrated_residual(result: Any) -> list[str]:
    """Risks whose current residual level (measures in place) is not rated yet."""
    return [rid for rid, r in result.results.items() if not (r.current and r.current.level)]


def plan_items(ctx: Context, risk_ids: Iterable[str]) -> list[dict]:
    """The planned measures (risk.measures rows not yet in place) that address any of ``risk_ids``."""
    wanted = set(risk_ids)
    return [r for r in ctx.answer("risk.measures", []) or []
            if r.get("status") == "planned" and wanted & set(r.get("risks") or [])]


def plan_names(rows: list[dict]) -> tuple[str, str]:
    """'“measure” (due 2027-03-31)' for each row, joined."""
    def one(r: dict, zh: bool) -> str:
        name = str(r.get("measure") or "").strip() or "?"
        name = name if len(name) <= 40 else name[:39] + "…"
        due = r.get("due")
        return f"“{name}”" + ((f"（{due}前）" if zh else f" (due {due})") if due else "")
    return "、".join(one(r, True) for r in rows), "; ".join(one(r, False) for r in rows)


def risk_labels(ctx: Context, risk_ids: Iterable[str]) -> tuple[str, str]:
    return option_labels(ctx, "risk.harms", risk_ids, column="risk")


# ------------------------------------------------------------------------------------------------- rules

CHANGE_REASONS = ("purpose_changed", "method_changed", "vendor_changed")


@rule("conclusion.reassessment", "FRM-09-REASSESS-CHANGE", "FRM-09-REASSESS-INCIDENT", "GBT39335-5.1-TRIGGERS",
      "GBT35273-11.4CD-PIA-TRIGGERS")
def reassessment(ctx: Context):
    """Measures Art. 9: re-assess on a change of purpose or method and after a major security incident. A
    change- or incident-triggered assessment must say what happened and which report it updates; the plan for
    the future must keep the statutory triggers; a next periodic review date should be set."""
    reasons = ctx.answer("conclusion.reason")
    triggers = ctx.answer("conclusion.reassess_triggers")
    changed = [r for r in reasons or [] if r in CHANGE_REASONS]
    incident = "incident" in (reasons or [])
    no_previous = not ctx.text_is_substantive("conclusion.previous_report", 6)
    previous_missing = (
        ("本次是重新评估，但没有写明上一次评估报告的编号、版本和日期。",
         "This is a re-assessment, but it does not name the previous report's number, version and date."),
        ("写明上一次报告的编号、版本和签署日期，并核对其整改措施的落实情况。",
         "Name the previous report's number, version and signing date, and follow up its actions."),
    )

    # FRM-09-REASSESS-CHANGE
    if changed or triggers is not None:
        issues, ok = Issues(), []
        if changed:
            what = option_labels(ctx, "conclusion.reason", changed)
            what = (re.sub(r"（[^）]*）", "", what[0]), re.sub(r" \([^)]*\)", "", what[1]))  # drop the examples
            if not substantive(ctx, "conclusion.change_description"):
                issues.add("gap",
                           (f"本次评估因“{what[0]}”而进行，但没有说明具体发生了什么变化。",
                            f"This assessment was triggered by a change ({what[1]}), but it does not say "
                            "what changed."),
                           ("写明变化前后的目的或方式、变化日期和涉及的人员与数据。",
                            "Describe the purpose or method before and after, the date, and the people and data "
                            "affected."))
            if no_previous:
                issues.add("advisory", *previous_missing)
            ok.append((f"本次评估因“{what[0]}”重新进行，已说明变化并注明上一次报告。",
                       f"This re-assessment follows a change ({what[1]}); it describes the change and names the "
                       "previous report."))
        if triggers is not None:
            missing = [t for t in ("purpose_change", "method_change") if t not in triggers]
            if missing:
                names = option_labels(ctx, "conclusion.reassess_triggers", missing)
                issues.add("gap",
                           (f"重新评估计划没有包括《办法》第九条规定的情形：{names[0]}。",
                            f"The re-assessment plan leaves out cases Measures Art. 9 requires: {names[1]}."),
                           ("在重新评估情形中加入处理目的变化和处理方式变化，并写入单位的评估制度。",
                            "Add changes of purpose and of method to the re-assessment triggers and to the "
                            "organisation's assessment policy."))
            else:
                ok.append(("今后处理目的或处理方式变化时将重新评估。",
                           "The processing will be re-assessed whenever its purpose or method changes."))
        yield issues.finding(ctx, "FRM-09-REASSESS-CHANGE", ("".join(o[0] for o in ok), " ".join(o[1] for o in ok)),
                             ["conclusion.reason", "conclusion.change_description", "conclusion.previous_report",
                              "conclusion.reassess_triggers"])

    # FRM-09-REASSESS-INCIDENT: the incident itself is recorded in the security section
    incident_since = ctx.answer("security.incident_since_last")
    if incident or (reasons is not None and incident_since is not None) or triggers is not None:
        issues, ok = Issues(), []
        qs = ["security.incident_since_last", "security.incident_description", "conclusion.reason",
              "conclusion.reassess_triggers"]
        if incident_since == "yes":
            if reasons is not None and not incident:
                issues.add("gap",
                           ("安全措施部分记录了上一次评估以来发生过重大安全事件，但本次评估的原因中没有选择“发生重大安全事件后”。"
                            "《办法》第九条要求发生重大安全事件后重新评估。",
                            "The security section records a major security incident since the last assessment, "
                            "but this assessment does not list it among its reasons. Measures Art. 9 requires a "
                            "new assessment after a major security incident."),
                           ("在评估原因中选择“发生重大安全事件后”，说明事件暴露的问题是否已经解决，并在风险评级中考虑该事件。",
                            "Add the incident to the reasons for this assessment, say whether the weaknesses it "
                            "exposed are fixed, and take it into account in the risk ratings."))
            elif incident:
                ok.append(("本次评估在重大安全事件后重新进行，事件经过记录在安全措施部分。",
                           "This re-assessment follows a major security incident, which the security section "
                           "describes."))
            if ctx.answer("security.incident_description") is not None and not substantive(
                    ctx, "security.incident_description"):
                issues.add("gap",
                           ("对安全事件的说明过于简略，看不出事件经过、涉及的人脸信息和补救措施。",
                            "The description of the incident is too thin to show what happened, which facial "
                            "information it involved and what was done."),
                           ("在安全措施部分写明事件的时间、经过、涉及的信息和人数、原因和补救措施。",
                            "In the security section, give the date, what happened, the data and number of people "
                            "involved, the cause and the remedies."))
        elif incident:
            issues.add("advisory",
                       ("评估原因选择了“发生重大安全事件后”，但安全措施部分没有记录上一次评估以来发生过重大安全事件，"
                        "两处回答不一致。",
                        "The reasons for this assessment include a major security incident, but the security "
                        "section does not record one since the last assessment; the answers disagree."),
                       ("核对事件记录，修正其中一处回答；确有事件的，在安全措施部分说明经过。",
                        "Check the incident records and correct one of the answers; if there was an incident, "
                        "describe it in the security section."))
        elif reasons is not None and incident_since == "unknown":
            issues.add("advisory",
                       ("尚未确认上一次评估以来是否发生过重大安全事件。",
                        "It is not confirmed whether a major security incident has happened since the last "
                        "assessment."),
                       ("查阅安全事件记录和应急处置记录后确认。",
                        "Check the incident log and the incident-response records, then answer."))
        elif reasons is not None and incident_since == "no":
            ok.append(("上一次评估以来没有发生重大安全事件。",
                       "No major security incident has happened since the last assessment."))
        if incident and no_previous and not changed:
            issues.add("advisory", *previous_missing)
        if triggers is not None:
            if "major_incident" not in triggers:
                issues.add("gap",
                           ("重新评估计划没有包括《办法》第九条规定的“发生重大安全事件”。",
                            "The re-assessment plan leaves out a major security incident, which Measures Art. 9 "
                            "makes a trigger."),
                           ("在重新评估情形中加入重大安全事件，并在应急预案中写明事件处置后启动重新评估。",
                            "Add major security incidents to the re-assessment triggers, and make the incident "
                            "response plan start a re-assessment once the incident is handled."))
            else:
                ok.append(("今后发生重大安全事件后将重新评估。",
                           "The processing will be re-assessed after any major security incident."))
        if issues or ok:
            yield issues.finding(ctx, "FRM-09-REASSESS-INCIDENT",
                                 ("".join(o[0] for o in ok), " ".join(o[1] for o in ok)), qs)

    # GBT35273-11.4CD-PIA-TRIGGERS: the standard's further occasions (recommended standard -> advisory)
    if triggers is not None:
        missing = [t for t in ("legal_change", "business_change") if t not in triggers]
        issues = Issues()
        if missing:
            names = option_labels(ctx, "conclusion.reassess_triggers", missing)
            issues.add("advisory",
                       (f"重新评估计划没有包括 GB/T 35273 第11.4条列出的情形：{names[0]}。",
                        f"The re-assessment plan leaves out occasions GB/T 35273 clause 11.4 lists: {names[1]}."),
                       ("考虑把这些情形加入重新评估计划。", "Consider adding them to the re-assessment plan."))
        yield issues.finding(ctx, "GBT35273-11.4CD-PIA-TRIGGERS",
                             ("重新评估计划包括法律要求变化和业务、系统、环境的重大变化。",
                              "The re-assessment plan covers new legal requirements and major changes of business, "
                              "system or environment."),
                             ["conclusion.reassess_triggers"])

    # GBT39335-5.1-TRIGGERS: the next periodic review, once the user has reached the end of the section
    if triggers is not None or ctx.answer("conclusion.decision") is not None:
        issues = Issues()
        nxt = parse_date(ctx.answer("conclusion.next_review"))
        if nxt is None:
            issues.add("advisory",
                       ("没有确定下一次定期复评的日期。", "No date is set for the next periodic review."),
                       ("确定下一次复评日期，建议不晚于一年后。",
                        "Set the next review date, no more than a year ahead."))
        elif nxt < ctx.today:
            issues.add("advisory",
                       (f"计划的复评日期（{nxt.isoformat()}）已过。",
                        f"The planned review date ({nxt.isoformat()}) has passed."),
                       ("尽快复评，或重新确定复评日期。", "Review now, or set a new review date."))
        elif (nxt - ctx.today).days > 366:
            issues.add("advisory",
                       (f"下一次复评日期（{nxt.isoformat()}）距今超过一年；"
                        "GB/T 39335 报批稿把年度评估列为评估时机之一。",
                        f"The next review ({nxt.isoformat()}) is more than a year away; the GB/T 39335 approval "
                        "draft lists an annual review among the occasions for assessment."),
                       ("把复评日期提前到一年以内。", "Bring the review forward to within a year."))
        ok_date = nxt.isoformat() if nxt else ""
        yield issues.finding(ctx, "GBT39335-5.1-TRIGGERS",
                             (f"下一次定期复评定于{ok_date}。", f"The next periodic review is set for {ok_date}."),
                             ["conclusion.next_review"])


@rule("conclusion.team", "GBT39335-5.2-TEAM-SIGNATORY")
def team(ctx: Context):
    """GB/T 39335 5.2.1 (draft): an appointed assessor, a signatory, the report's recipients and the assessment
    period; the draft (4.5) wants the assessors independent of the party assessed."""
    rows = ctx.answer("conclusion.team")
    if rows is None and ctx.answer("conclusion.signatory") is None:
        return
    issues = Issues()
    rows = rows or []
    if rows and not any(r.get("role") == "lead" for r in rows):
        issues.add("advisory", ("评估组没有指定评估负责人。", "The team has no lead assessor."),
                   ("在评估组中指定一名评估负责人。", "Name one member as lead assessor."))
    if rows and not any(r.get("independent") == "yes" for r in rows):
        issues.add("advisory",
                   ("评估组中没有人被标为独立于被评估的业务；GB/T 39335 报批稿要求评估部门或人员独立于被评估方。",
                    "Nobody on the team is marked as independent of the business assessed; the GB/T 39335 "
                    "approval draft wants the assessing department or person to be independent of the party "
                    "assessed."),
                   ("请法务、内审或外部专家参加评估；做不到的，在报告中说明原因。",
                    "Bring in legal, internal audit or an outside expert; if that is not possible, explain why in "
                    "the report."))
    if ctx.answer("conclusion.signatory") is not None and not ctx.text_is_substantive("conclusion.signatory", 4):
        issues.add("gap", ("没有指定签署评估报告的人。", "Nobody is named to sign the assessment report."),
                   ("写明签署人的姓名和职务，通常是个人信息保护负责人。",
                    "Give the signatory's name and position; usually the PI protection officer."))
    if ctx.answer("conclusion.recipients") is not None and not ctx.text_is_substantive("conclusion.recipients", 4):
        issues.add("advisory", ("没有写明评估报告提交给谁。", "The report's recipients are not named."),
                   ("写明报告提交对象，例如单位负责人、管理层会议。",
                    "Name who receives the report, such as the head of the organisation or the management meeting."))
    start = parse_date(ctx.answer("conclusion.period_start"))
    end = parse_date(ctx.answer("conclusion.period_end"))
    if start and end and end < start:
        issues.add("advisory",
                   (f"评估结束日期（{end.isoformat()}）早于开始日期（{start.isoformat()}）。",
                    f"The assessment end date ({end.isoformat()}) is before the start date ({start.isoformat()})."),
                   ("更正评估起止日期。", "Correct the assessment dates."))
    yield issues.finding(ctx, "GBT39335-5.2-TEAM-SIGNATORY",
                         ("评估组有负责人和独立成员，并已指定签署人和报告提交对象。",
                          "The team has a lead and an independent member, and the signatory and recipients are "
                          "named."),
                         ["conclusion.team", "conclusion.signatory", "conclusion.recipients",
                          "conclusion.period_start", "conclusion.period_end"])


@rule("conclusion.consultation", "GBT39335-5.2-SCOPE-STAKEHOLDERS")
def consultation(ctx: Context):
    """GB/T 39335 5.2.4 (draft): consult the people concerned, or say why not."""
    consulted = ctx.answer("conclusion.consulted")
    if consulted is None:
        return
    issues = Issues()
    qs = ["conclusion.consulted", "conclusion.consult_groups", "conclusion.consult_result",
          "conclusion.consult_why_not"]
    groups = ctx.answer("conclusion.consult_groups", [])
    if consulted == "yes":
        if not substantive(ctx, "conclusion.consult_result"):
            issues.add("advisory",
                       ("征求了意见，但没有记录各方提出了什么意见、评估如何回应。",
                        "Views were sought, but the assessment does not record what was said or how it "
                        "responded."),
                       ("写明主要意见以及采纳、部分采纳或不采纳的理由。",
                        "Record the main views and why each was or was not adopted."))
        if groups and not {"data_subjects", "representatives"} & set(groups):
            issues.add("advisory",
                       ("只征求了内部人员或合作方的意见，没有征求被采集人脸的人或其代表的意见。",
                        "Only staff or partners were consulted, not the people whose faces are captured or their "
                        "representatives."),
                       ("通过问卷、座谈会或其代表组织征求被采集人的意见。",
                        "Ask the people whose faces are captured, by survey, meeting or through their "
                        "representatives."))
    elif substantive(ctx, "conclusion.consult_why_not"):
        issues.add("advisory",
                   ("评估没有征求相关人员的意见（已说明原因）。GB/T 39335 报批稿建议就评估征求相关方意见。",
                    "The assessment did not seek the views of the people concerned (a reason is given). The "
                    "GB/T 39335 approval draft recommends consulting them."),
                   ("在上线前或报告定稿前征求被采集人或其代表的意见。",
                    "Consult the people concerned or their representatives before go-live or before the report "
                    "is final."))
    else:
        issues.add("gap",
                   ("评估没有征求相关人员的意见，也没有说明原因。",
                    "The assessment did not seek the views of the people concerned and gives no reason."),
                   ("说明没有征求意见的原因，或在报告定稿前补充征求意见。",
                    "Say why no views were sought, or consult before the report is final."))
    if ctx.answer("scope.deployment") == "workplace_attendance" and not (
            consulted == "yes" and "representatives" in groups):
        issues.add("advisory",
                   ("用于员工考勤或门禁，但没有记录经职工代表大会、工会或职工代表讨论。考勤制度涉及工作时间和劳动纪律，"
                    "《劳动合同法》第四条要求经职工代表大会或者全体职工讨论。",
                    "The system is for staff attendance or access, but no discussion with the staff congress, "
                    "the union or staff representatives is recorded. Attendance rules concern working time and "
                    "work discipline, which Labour Contract Law Art. 4 requires to be discussed by the staff "
                    "congress or all staff."),
                   ("把人脸考勤的规定提交职工代表大会或全体职工讨论，与工会或职工代表协商确定，并保存记录。",
                    "Put the face-attendance rules to the staff congress or all staff, settle them with the union "
                    "or staff representatives, and keep the record."))
    yield issues.finding(ctx, "GBT39335-5.2-SCOPE-STAKEHOLDERS",
                         ("评估征求了被采集人或其代表的意见，并记录了意见和回应。",
                          "The assessment sought the views of the people concerned or their representatives and "
                          "records what they said and how it responded."),
                         qs)


@rule("conclusion.lawful", "FRM-09-CONTENT-LAWFUL", "PIPL-56-CONTENT-LAWFUL")
def lawful(ctx: Context):
    """Measures Art. 9 item (1) / PIPL Art. 56(1): the assessor's judgement on lawful, legitimate and necessary,
    with reasons."""
    judgement = ctx.answer("conclusion.lawful_judgement")
    if judgement is None:
        return
    # A content item (Measures Art. 9 item (1), PIPL Art. 56(1)): met when the judgement is made with reasons,
    # whatever it is. A negative judgement rests on the other findings, which carry the defects themselves;
    # the conclusion rule checks that the decision follows from it.
    issues = Issues()
    if not substantive(ctx, "conclusion.lawful_reason"):
        issues.add("gap",
                   ("关于合法、正当、必要的判断没有写明理由。",
                    "The judgement on lawfulness, legitimacy and necessity gives no reasons."),
                   ("写明目的是否具体、合法事由、为什么必须用人脸识别、为什么对个人影响最小。",
                    "Say whether the purpose is specific, what the lawful basis is, why face recognition is needed "
                    "and why this design has the least impact."))
    qs = ["conclusion.lawful_judgement", "conclusion.lawful_reason"]
    ok = {
        "yes": ("评估分析了处理目的和处理方式是否合法、正当、必要，结论为是，理由已写明。",
                "The assessment analyses whether the purpose and method are lawful, legitimate and necessary, "
                "finds that they are, and gives reasons."),
        "with_fixes": ("评估分析了处理目的和处理方式是否合法、正当、必要，结论为须整改本评估发现的问题后才能做到，"
                       "理由已写明；"
                       "各项问题见相应的发现。",
                       "The assessment analyses whether the purpose and method are lawful, legitimate and necessary, "
                       "finds that they will be only once the problems found in this assessment are fixed, and gives "
                       "reasons; each problem is reported under its own finding."),
        "no": ("评估分析了处理目的和处理方式是否合法、正当、必要，结论为否，理由已写明；不应开展这项处理。",
               "The assessment analyses whether the purpose and method are lawful, legitimate and necessary, finds "
               "that they are not, and gives reasons; the processing should not go ahead."),
    }.get(judgement, ("评估人对合法、正当、必要作出了判断，并写明了理由。",
                      "The assessor judges lawfulness, legitimacy and necessity, and gives reasons."))
    for ob in ("FRM-09-CONTENT-LAWFUL", "PIPL-56-CONTENT-LAWFUL"):
        yield issues.finding(ctx, ob, ok, qs)


@rule("conclusion.decision", "GBT35273-11.4E-REPORT-ACCEPTABLE-RISK")
def decision(ctx: Context):
    """GB/T 35273 11.4 e): the conclusion must rest on reasons and on risk brought down to an acceptable level;
    "go ahead" must not contradict the assessor's own judgements or the residual risk ratings. Two options are for
    live systems only (continue while remediating by a deadline; suspend and re-assess). (Whether the conclusion
    contradicts a prohibited finding is decided in rules/consistency.py, which sees the other findings.)"""
    choice = ctx.answer("conclusion.decision")
    if choice is None:
        return
    issues = Issues()
    qs = ["conclusion.decision", "conclusion.conditions", "conclusion.decision_reason"]
    if not substantive(ctx, "conclusion.decision_reason"):
        issues.add("gap", ("评估结论没有写明理由。", "The conclusion gives no reasons."),
                   ("概括必要性、对个人权益的影响、主要风险和剩余风险，以及措施是否相适应。",
                    "Summarise the necessity, the impact on individuals, the main and residual risks, and whether "
                    "the measures fit the risk."))
    if choice == "proceed_with_conditions" and not substantive(ctx, "conclusion.conditions"):
        issues.add("gap", ("结论是满足条件后实施，但没有写明条件。",
                           "The conclusion is conditional, but the conditions are not "
                                                       "stated."),
                   ("逐条写明条件、责任人和期限。", "List each condition with its owner and deadline."))
    live = ctx.answer("scope.started") == "yes"
    if choice in LIVE_ONLY and not live:
        label = ctx.bank.question("conclusion.decision").option_label
        issues.add("gap",
                   (f"结论选择了“{label(choice, 'zh')}”，这只适用于已经上线运行的系统，而评估记载处理尚未开始。",
                    f"The conclusion is “{label(choice, 'en')}”, which is for a system already live, but the "
                    "assessment records that processing has not started."),
                   ("改选“可以实施”“满足所列条件后实施”或“不应实施”；若系统其实已经上线，更正“适用范围”中的回答。",
                    "Choose go ahead, go ahead once the conditions are met, or do not go ahead; if the system is in "
                    "fact live, correct the answer in the scope section."))
        qs.append("scope.started")
    if choice == "continue_after_remediation" and not substantive(ctx, "conclusion.conditions"):
        issues.add("gap", ("结论是整改期间继续运行，但没有写明整改事项、期限和过渡期控制措施。",
                           "The conclusion is to keep running while remediating, but the items, deadlines and "
                           "interim controls are not stated."),
                   ("逐条写明整改事项、责任人、期限和整改期间的控制措施。",
                    "List each item with its owner and deadline, and the controls that apply until it is done."))
    result = residual_risks(ctx) if choice not in ("do_not_proceed", "suspend_and_reassess") else None
    unacceptable = list(result.unacceptable) if result else []
    if choice == "proceed":
        lawful_j = ctx.answer("conclusion.lawful_judgement")
        if lawful_j in ("no", "with_fixes"):
            issues.add("gap",
                       ("结论是可以实施，但评估人对合法、正当、必要的判断是“否”或“须整改后才能做到”。",
                        "The conclusion is to go ahead, but the assessor judged the purpose and method not (yet) "
                        "lawful, legitimate and necessary."),
                       ("改为满足条件后实施或不应实施，或在整改完成后更新判断。",
                        "Make the conclusion conditional or negative, or update the judgement once the fixes are "
                        "done."))
            qs.append("conclusion.lawful_judgement")
        measures_j = ctx.answer("risk.measures_judgement")
        mitigation = ctx.answer("risk.mitigation_effective")
        if measures_j in ("no", "partly") or mitigation == "not_effective":
            issues.add("gap",
                       ("结论是可以实施，但评估人认为保护措施尚不足以与风险相适应或减少不利影响的措施无效。",
                        "The conclusion is to go ahead, but the assessor found the protective measures not yet "
                        "proportionate to the risk, or the measures reducing adverse effects ineffective."),
                       ("先落实补充措施，或把这些措施列为实施条件。",
                        "Put the further measures in place first, or make them conditions of going ahead."))
            qs += ["risk.measures_judgement", "risk.mitigation_effective"]
        if unacceptable:
            names = risk_labels(ctx, unacceptable)
            planned = plan_items(ctx, [r for r in unacceptable if r not in result.unacceptable_target])
            plan = plan_names(planned)
            issues.add("gap",
                       (f"结论是可以实施，但以下风险在已落实的措施下仍达到不可接受等级：{names[0]}。"
                        + (f"只有完成计划中的措施{plan[0]}后才能降到可接受水平，无条件实施与此矛盾。" if planned else
                           "措施与风险程度不相适应（《个人信息保护法》第五十六条、《办法》第九条）。"),
                        f"The conclusion is to go ahead, but with the measures in place these risks are still at an "
                        f"unacceptable level: {names[1]}. "
                        + (f"Only the planned measures {plan[1]} bring them to an acceptable level, which an "
                           "unconditional go-ahead contradicts." if planned else
                           "The measures do not match the risk (PIPL Art. 56, Measures Art. 9).")),
                       ("改为满足条件后实施，并把这些计划中的措施列为实施条件；或先落实措施再实施。" if planned else
                        "补充措施，把剩余风险降到不可接受等级以下后再实施，或把这些措施列为实施条件。",
                        "Make the conclusion conditional on those planned measures, or put them in place before "
                        "going ahead." if planned else
                        "Add measures and bring the residual risk below the unacceptable level before going ahead, "
                        "or make those measures conditions."))
        pending = [r for r in ctx.answer("risk.measures", []) or []
                   if r.get("status") == "planned" and r.get("treatment") == "immediate"]
        if pending:
            issues.add("advisory",
                       (f"结论是可以实施，但整改计划中有{len(pending)}项需立即处置的措施尚未落实。",
                        f"The conclusion is to go ahead, but {len(pending)} measure(s) marked for immediate "
                        "treatment are still only planned."),
                       ("先落实这些措施，或改为满足条件后实施并把它们列为条件。",
                        "Put them in place first, or make the conclusion conditional on them."))
            qs.append("risk.measures")
    elif choice in ("proceed_with_conditions", "continue_after_remediation"):
        if ctx.answer("conclusion.lawful_judgement") == "no":
            issues.add("gap",
                       ("评估人认为处理目的或方式不合法、不正当或不必要，附条件实施与此矛盾。",
                        "The assessor found the purpose or method unlawful, illegitimate or unnecessary, which "
                        "contradicts a conditional go-ahead."),
                       ("改为不应实施，或重新设计后重新评估。",
                        "Conclude not to go ahead, or redesign and assess again."))
            qs.append("conclusion.lawful_judgement")
        if still := [r for r in unacceptable if r in result.unacceptable_target]:
            names = risk_labels(ctx, still)
            issues.add("gap",
                       (f"以下风险在整改计划全部完成后仍达到不可接受等级：{names[0]}，所列条件无法使风险降到可接受水平。",
                        f"Even after the whole action plan these risks stay at an unacceptable level: {names[1]}; "
                        "the conditions cannot make the risk acceptable."),
                       ("补充能把这些风险降到不可接受等级以下的措施并列为条件，或改为不应实施。",
                        "Add measures that bring these risks below the unacceptable level and make them conditions, "
                        "or conclude not to go ahead."))
        if conditional := [r for r in unacceptable if r not in result.unacceptable_target]:
            names = risk_labels(ctx, conditional)
            plan = plan_names(plan_items(ctx, conditional))
            issues.add("advisory",
                       (f"以下风险在已落实的措施下仍达到不可接受等级：{names[0]}；实施以完成计划中的措施{plan[0]}为条件。",
                        f"With the measures in place these risks are still at an unacceptable level: {names[1]}; "
                        f"going ahead is conditional on the planned measures {plan[1]}."),
                       ("确认实施条件逐项包括这些措施及其期限，措施落实前不开始处理（或对已上线的系统限期整改）；"
                        "落实后重新评定当前剩余风险。",
                        "Make sure the conditions name each of these measures and its deadline, and do not start "
                        "the processing before they are in place (or, for a live system, fix them by the "
                        "deadline); re-rate the current residual risk once they are."))
    if result is not None and (missing := unrated_residual(result)):
        names = risk_labels(ctx, missing)
        issues.add("advisory",
                   (f"以下风险还没有完成当前剩余风险（已落实措施后）的评级，无法确认风险已降到可接受水平：{names[0]}。",
                    f"The current residual risk (measures in place) is not yet fully rated for: {names[1]}, so it "
                    "cannot be confirmed that the risk is acceptable."),
                   ("在风险评级表中完成这些风险已落实措施后的评级。",
                    "Finish the current residual ratings of these risks in the risk grid."))
    if choice == "do_not_proceed" and ctx.answer("scope.started") == "yes":
        issues.add("advisory",
                   ("结论是不应实施，但系统已经上线。",
                    "The conclusion is not to go ahead, but the system is already live."),
                   ("停止人脸识别处理，按《个人信息保护法》第四十七条删除已采集的人脸信息，并记录处置过程。",
                    "Stop the face-recognition processing, delete the facial information collected (PIPL Art. 47), "
                    "and record how this was done."))
        qs.append("scope.started")
    ok = {
        "proceed": ("结论为可以实施，理由充分，已落实措施后的剩余风险均低于不可接受等级。",
                    "The conclusion is to go ahead, with reasons, and with the measures in place every residual "
                    "risk is below the unacceptable level."),
        "proceed_with_conditions": ("结论为满足所列条件后实施，条件和理由已写明。",
                                    "The conclusion is to go ahead once the stated conditions are met; the "
                                    "conditions and reasons are given."),
        "continue_after_remediation": ("结论为已上线的系统在所列期限内完成整改，整改期间继续运行；"
                                       "整改事项、期限和理由已写明。",
                                       "The conclusion is that the live system keeps running while the listed "
                                       "problems are fixed by their deadlines; the items, deadlines and reasons "
                                       "are given."),
        "suspend_and_reassess": ("结论为暂停处理，整改后重新评估，未在整改前接受不可接受的风险。",
                                 "The conclusion is to suspend the processing and assess again after the fixes, so "
                                 "no unacceptable risk is taken on meanwhile."),
        "do_not_proceed": ("结论为不应实施，未接受不可接受的风险。",
                           "The conclusion is not to go ahead, so no unacceptable risk is taken on."),
    }[choice]
    yield issues.finding(ctx, "GBT35273-11.4E-REPORT-ACCEPTABLE-RISK", ok, qs)
