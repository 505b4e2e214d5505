"""Automated decisions: PIPL Art. 24 (transparency and fair results; an untargeted option or a convenient
refusal for pushed information and marketing; explanation and refusal of decisions with a major impact).

A face match that opens a gate, takes a payment, records attendance that feeds pay, or confirms an identity
before a service is an automated decision (shared/regulation.md (c)); so is member (VIP) recognition that
drives offers. The questions are shown when the PIPL Art. 55 automated-decision trigger is ticked or the
purpose says the match decides something for the person; otherwise each obligation is not applicable.

"unknown" follows the bank's convention for a duty that must be met: not confirmed, so a gap. Whether
recognition drives marketing at all is a fact, not a duty; "unknown" there is advisory until it is checked.
"""

from __future__ import annotations

from pia_wizard.core.rules import Context, rule
from pia_wizard.core.rules.purpose import labels

TRANSPARENT = "PIPL-24-TRANSPARENT-FAIR"
MARKETING = "PIPL-24-MARKETING-OPT-OUT"
EXPLAIN = "PIPL-24-EXPLAIN-REFUSE"

LAW_ZH = "《个人信息保护法》第二十四条"
LAW_EN = "PIPL Art. 24"

# purpose.categories values whose match result decides something for the person.
DECIDING = ("identity_verification", "access_control", "attendance", "payment", "watchlist")
GATE_QS = ["scope.pipl55_triggers", "purpose.categories", "purpose.other_uses"]


def _pending(ctx: Context, *qids: str) -> bool:
    """A shown question among ``qids`` is still unanswered (the engine then reports 'not answered yet')."""
    return any(ctx.shown(q) and ctx.answer(q) is None for q in qids)


def _substantive(ctx: Context, qid: str) -> bool:
    return ctx.text_is_substantive(qid, ctx.bank.question(qid).min_length or 15)


def _duty(ctx: Context, obligation: str, answer: str, how: str, qs: list[str], action: tuple[str, str], *,
          no: tuple[str, str], unknown: tuple[str, str], thin: tuple[str, str], thin_action: tuple[str, str],
          ok: tuple[str, str]):
    """A duty asked as yes / no / unknown with a written "how": no or unknown is a gap (not confirmed, the bank's
    convention), yes without a substantive "how" an advisory (cannot be checked), yes with one compliant."""
    if answer == "no":
        return ctx.finding(obligation, "gap", no, action, qs)
    if answer == "unknown":
        return ctx.finding(obligation, "gap", unknown, action, qs)
    if not _substantive(ctx, how):
        return ctx.finding(obligation, "advisory", thin, thin_action, qs)
    return ctx.finding(obligation, "compliant", ok, None, qs)


def _uses(ctx: Context) -> tuple[str, str]:
    """What the match is used for, as answered (zh, en), for the not-applicable reasons."""
    cats = ctx.answer("purpose.categories") or []
    if not cats:
        return "未说明", "not stated"
    return labels(ctx, "purpose.categories", cats)


def _not_applicable(ctx: Context, obligation: str, zh: str, en: str, qs: list[str]):
    return ctx.finding(obligation, "not_applicable", (zh, en), None, qs)


def _no_automated_decision(ctx: Context, obligation: str):
    uz, ue = _uses(ctx)
    return _not_applicable(
        ctx, obligation,
        f"没有利用人脸识别进行自动化决策：未勾选《个人信息保护法》第五十五条的自动化决策情形，识别结果（用途：{uz}）"
        f"也不直接决定放行、扣款、考勤等事项，{LAW_ZH}关于自动化决策的要求不适用。",
        f"There is no automated decision-making by face recognition: the PIPL Art. 55 automated-decision trigger is "
        f"not ticked and the match (used for: {ue}) does not itself decide entry, a payment, attendance or the like, "
        f"so the {LAW_EN} rules on automated decisions do not apply.",
        GATE_QS)


@rule("automated.transparent-fair", TRANSPARENT)
def transparent_fair(ctx: Context):
    """PIPL Art. 24 para 1: the decision is transparent and its result fair; no unreasonable price discrimination."""
    qs = ["purpose.auto_transparent", "purpose.auto_transparent_how"]
    if not ctx.shown("purpose.auto_transparent"):
        if not _pending(ctx, "purpose.categories", "purpose.other_uses"):
            yield _no_automated_decision(ctx, TRANSPARENT)
        return
    answer = ctx.answer("purpose.auto_transparent")
    if answer is None or _pending(ctx, "purpose.auto_transparent_how"):
        return
    action = (f"按{LAW_ZH}，在告知页和现场说明比对什么、由什么决定通过与否、不通过时怎么办；确认识别结果不用于"
              "差别定价或区别对待，并定期抽查未通过记录是否集中在某类人群。",
              f"Under {LAW_EN}, explain in the notice and on site what is matched, what decides pass or fail and what "
              "happens on a fail; make sure the result is not used for differential pricing or treatment, and sample "
              "failed matches regularly to see whether they cluster in one group of people.")
    yield _duty(
        ctx, TRANSPARENT, answer, "purpose.auto_transparent_how", qs, action,
        no=(f"识别结果由系统自动作出决定，但没有向本人说明决定方式和结果，或结果不公平、存在不合理的差别待遇，"
            f"不符合{LAW_ZH}关于决策透明、结果公平公正的要求。",
            f"The system decides on the match result by itself, but people are not told how the decision is made "
            f"and what it is, or the result is not fair or treats people differently without reason, against "
            f"{LAW_EN} (transparent decisions, fair and just results)."),
        unknown=(f"尚未确认自动决策是否透明、结果是否公平且没有不合理的差别待遇（{LAW_ZH}）。",
                 f"It is not confirmed that the automated decision is transparent and its result fair, with no "
                 f"unreasonable differential treatment ({LAW_EN})."),
        thin=(f"评估人确认自动决策透明、结果公平，但没有具体写明如何说明、如何确保公平，无法据此核实（{LAW_ZH}）。",
              f"The assessor says the automated decision is transparent and fair, but does not say how people are "
              f"told or how fairness is ensured, so this cannot be checked ({LAW_EN})."),
        thin_action=("写明说明的渠道和内容，以及确保结果公平的做法。",
                     "Write down where and what people are told, and how the result is kept fair."),
        ok=(f"已向本人说明自动决策的方式和结果，结果公平、没有不合理的差别待遇，符合{LAW_ZH}；做法已写明。",
            f"People are told how the automated decision is made and what it is, and the result is fair with no "
            f"unreasonable differential treatment, as {LAW_EN} requires; how is written down."))


@rule("automated.marketing-opt-out", MARKETING)
def marketing_opt_out(ctx: Context):
    """PIPL Art. 24 para 2: pushed information or marketing needs an untargeted option or a convenient refusal."""
    qs = ["purpose.auto_marketing", "purpose.auto_marketing_optout", "purpose.auto_marketing_optout_how"]
    if not ctx.shown("purpose.auto_marketing"):
        if not _pending(ctx, "purpose.categories", "purpose.other_uses"):
            yield _no_automated_decision(ctx, MARKETING)
        return
    used = ctx.answer("purpose.auto_marketing")
    if used is None:
        return
    if used == "no":
        yield _not_applicable(
            ctx, MARKETING,
            f"评估人确认不利用人脸识别结果向本人推送信息或进行商业营销，{LAW_ZH}关于提供非个性化选项或便捷拒绝方式的"
            "要求不适用。",
            f"The assessor confirms the recognition result is not used to push information or marketing to people, "
            f"so the {LAW_EN} duty to offer an untargeted option or a convenient refusal does not apply.",
            qs[:1])
        return
    if used == "unknown":
        yield ctx.finding(
            MARKETING, "advisory",
            (f"尚未确认是否利用人脸识别结果推送信息或营销（包括供应商的使用）；如有，须按{LAW_ZH}提供不针对个人特征的"
             "选项或便捷的拒绝方式。",
             f"It is not confirmed whether the recognition result is used to push information or marketing "
             f"(including by the vendor); if it is, {LAW_EN} requires an untargeted option or a convenient refusal."),
            ("向业务部门和供应商核实识别结果的全部用途，然后重新回答。",
             "Check every use of the recognition results with the business and the vendor, then answer again."),
            qs[:1])
        return
    optout = ctx.answer("purpose.auto_marketing_optout")
    if optout is None or _pending(ctx, "purpose.auto_marketing_optout_how"):
        return
    action = (f"按{LAW_ZH}，提供不针对个人特征的选项（如通用推荐），或与接受同样便捷的拒绝方式（如一键关闭到店识别"
              "推荐），拒绝后不影响正常消费。",
              f"Under {LAW_EN}, offer an option not targeted at personal characteristics (such as general offers) or a "
              "way to refuse that is as easy as accepting (such as one switch turning off in-store recognition "
              "offers), with no effect on ordinary service.")
    yield _duty(
        ctx, MARKETING, optout, "purpose.auto_marketing_optout_how", qs, action,
        no=(f"利用人脸识别结果推送信息或营销，但没有提供不针对个人特征的选项或便捷的拒绝方式，不符合{LAW_ZH}。",
            f"The recognition result drives pushed information or marketing, with no untargeted option and no "
            f"convenient way to refuse, against {LAW_EN}."),
        unknown=(f"利用人脸识别结果推送信息或营销，但尚未确认提供了不针对个人特征的选项或便捷的拒绝方式（{LAW_ZH}）。",
                 f"The recognition result drives pushed information or marketing, and it is not confirmed that an "
                 f"untargeted option or a convenient refusal is offered ({LAW_EN})."),
        thin=(f"评估人确认提供了非个性化选项或拒绝方式，但没有具体写明是什么、在哪里使用，无法核实是否便捷（{LAW_ZH}）。",
              f"The assessor says an untargeted option or a way to refuse is offered, but not what it is or where "
              f"people use it, so it cannot be checked that it is convenient ({LAW_EN})."),
        thin_action=("写明选项或拒绝方式的具体入口和操作步骤。",
                     "Write down where the option or refusal is and the steps to use it."),
        ok=(f"利用识别结果推送或营销时，同时提供了不针对个人特征的选项或便捷的拒绝方式，符合{LAW_ZH}；做法已写明。",
            f"Where the recognition result drives pushed information or marketing, an untargeted option or a "
            f"convenient refusal is offered, as {LAW_EN} requires; how is written down."))


@rule("automated.explain-refuse", EXPLAIN)
def explain_refuse(ctx: Context):
    """PIPL Art. 24 para 3: for a decision with a major impact, an explanation on request and a way to refuse a
    decision made solely by automated means (human review)."""
    qs = ["purpose.auto_explain_refuse", "purpose.auto_explain_refuse_channel"]
    if not ctx.shown("purpose.auto_explain_refuse"):
        if _pending(ctx, "purpose.categories", "purpose.other_uses"):
            return
        if ctx.shown("purpose.auto_transparent"):
            uz, ue = _uses(ctx)
            yield _not_applicable(
                ctx, EXPLAIN,
                f"识别结果（用途：{uz}）只用于推送信息或营销，不对本人作出放行、扣款、考勤等有重大影响的决定，"
                f"{LAW_ZH}关于要求说明和拒绝仅由自动化决策作出决定的规定不适用。",
                f"The match (used for: {ue}) only drives pushed information or marketing and makes no decision with a "
                f"major impact such as entry, a payment or attendance, so the {LAW_EN} rights to an explanation and "
                f"to refuse a solely automated decision do not apply.",
                GATE_QS)
        else:
            yield _no_automated_decision(ctx, EXPLAIN)
        return
    answer = ctx.answer("purpose.auto_explain_refuse")
    if answer is None or _pending(ctx, "purpose.auto_explain_refuse_channel"):
        return
    uz, ue = _uses(ctx)
    action = (f"按{LAW_ZH}，设立人工复核渠道：未通过或结果有误时由工作人员当场核实或改用其他方式办理；设立说明和"
              "异议渠道（如考勤异议、扣款申诉），明确处理人和时限，并在告知中写明。",
              f"Under {LAW_EN}, set up human review: staff check on the spot or another way is used when a match fails "
              "or is wrong; set up a channel for explanations and objections (attendance objections, payment "
              "complaints) with a named handler and a time limit, and say so in the notice.")
    yield _duty(
        ctx, EXPLAIN, answer, "purpose.auto_explain_refuse_channel", qs, action,
        no=(f"识别结果（用途：{uz}）会对本人作出有重大影响的决定，但本人不能要求说明理由，也不能拒绝仅由系统自动作出的"
            f"决定，不符合{LAW_ZH}。",
            f"The match (used for: {ue}) makes decisions with a major impact on people, but they cannot ask for an "
            f"explanation or refuse a decision made by the system alone, against {LAW_EN}."),
        unknown=(f"识别结果（用途：{uz}）会对本人作出有重大影响的决定，但尚未确认本人能要求说明并拒绝仅由系统自动作出的"
                 f"决定（{LAW_ZH}）。",
                 f"The match (used for: {ue}) makes decisions with a major impact on people, and it is not confirmed "
                 f"that they can ask for an explanation and refuse a decision made by the system alone ({LAW_EN})."),
        thin=(f"评估人确认本人可以要求说明并拒绝自动决定，但没有具体写明渠道、处理人和时限，无法核实（{LAW_ZH}）。",
              f"The assessor says people can ask for an explanation and refuse the automated decision, but the "
              f"channel, handler and time limit are not written down, so this cannot be checked ({LAW_EN})."),
        thin_action=("写明渠道、处理人和处理时限。",
                     "Write down the channel, who handles it and within what time."),
        ok=(f"识别结果（用途：{uz}）作出有重大影响的决定时，本人可以要求说明并拒绝仅由系统自动作出的决定（有人工复核），"
            f"符合{LAW_ZH}；渠道已写明。",
            f"Where the match (used for: {ue}) makes a decision with a major impact, people can ask for an "
            f"explanation and refuse a decision made by the system alone (human review is available), as {LAW_EN} "
            "requires; the channel is written down."))
