"""Scope rules: Measures Arts. 2, 3, 9 (assessment before processing), 19; PIPL Arts. 28, 55."""

from __future__ import annotations

from pia_wizard.core.rules import Context, parse_date, rule

# How each recognition mode reads inside a sentence ("the system recognises identity by ...").
MODE_PHRASES = {
    "verify_1to1": ("1:1验证", "1:1 verification"),
    "identify_1ton": ("1:N辨识", "1:N identification"),
    "both": ("1:1验证和1:N辨识", "both 1:1 verification and 1:N identification"),
}


@rule("scope.frt-definition", "FRM-19-DEF-FRT")
def frt_definition(ctx: Context):
    """Measures Art. 19: which recognition mode, and a description a regulator can follow."""
    mode = ctx.answer("scope.frt_mode")
    if mode is None:
        return
    qs = ["scope.frt_mode", "scope.description"]
    if mode == "analysis_only":
        yield ctx.finding(
            "FRM-19-DEF-FRT", "advisory",
            ("系统只检测或分析人脸、不识别身份，是否属于《办法》所称人脸识别技术存在争议；仍属于处理个人信息，须遵守《个人信息保护法》。",
             "The system only detects or analyses faces without recognising identity; whether that is FRT under the "
             "Measures is arguable. It is still processing of personal information under the PIPL."),
            ("记录所采用的解释及理由，并按适用《办法》的标准保守处理。",
             "Record the interpretation you rely on and why, and play safe by meeting the Measures anyway."),
            qs)
    elif not ctx.text_is_substantive("scope.description", 30):
        yield ctx.finding(
            "FRM-19-DEF-FRT", "gap",
            ("系统描述缺失或过于简略，无法判断识别方式、地点和对象。",
             "The system description is missing or too thin to show the recognition mode, the places and whose "
             "faces are processed."),
            ("补充说明：谁、在哪里、用什么设备、对谁进行人脸识别，识别结果用来做什么。",
             "Say who runs face recognition on whom, where, with which devices, and what the result is used for."),
            qs)
    else:
        zh, en = MODE_PHRASES[mode]
        yield ctx.finding(
            "FRM-19-DEF-FRT", "compliant",
            (f"系统以{zh}方式识别身份，属于《办法》所称人脸识别技术。",
             f"The system recognises identity by {en}, which is facial recognition technology under the "
             "Measures."),
            None, qs)


@rule("scope.general-duties", "FRM-03-GENERAL-DUTIES")
def general_duties(ctx: Context):
    """Measures Art. 3: the ethics screening needs written reasoning, whichever way it came out."""
    if ctx.answer("scope.ethics") is None:
        return
    if not ctx.text_is_substantive("scope.ethics_reason", 20):
        yield ctx.finding(
            "FRM-03-GENERAL-DUTIES", "gap",
            ("伦理与合法性审视没有写明理由。", "The ethics and legality screening gives no reasons."),
            ("写明考虑了哪些影响、与谁讨论过、结论依据是什么。",
             "Write down which effects you considered, with whom, and what the conclusion rests on."),
            ["scope.ethics_reason"])


def measures_apply(ctx: Context) -> bool:
    """Measures Art. 2 as the engine reads it: inside the PRC and not solely FRT R&D or algorithm training."""
    return ctx.answer("scope.in_prc") != "no" and ctx.answer("scope.rnd_only") != "yes"


PRIOR_QS = ("scope.started", "scope.prior_pipia", "scope.prior_pipia_ref", "scope.prior_pipia_date",
            "scope.first_processing_date")


def assessed_before(ctx: Context) -> tuple[str, tuple[str, str], tuple[str, str] | None, list[str]] | None:
    """Whether an assessment came before processing (PIPL Art. 55, Measures Art. 9): (verdict, explanation,
    action, questions), or None while the answers that decide it are missing. A system already live is not
    assessed late when its first assessment, named and dated, was signed no later than the first collection."""
    started = ctx.answer("scope.started")
    if started is None:
        return None
    if started == "no":
        return ("compliant", ("本评估在开始处理人脸信息之前进行。",
                              "This assessment is done before any facial information is processed."),
                None, ["scope.started"])
    if started == "unknown":
        return ("gap",
                ("尚未确认是否已经开始采集或存储人脸信息（包括人脸登记、试运行），因此不能确认评估在处理之前进行。",
                 "It is not confirmed whether collecting or storing facial information (including enrolment or a "
                 "pilot) has started, so it cannot be shown that the assessment comes before processing."),
                ("查明是否已有人脸登记、试运行或正式运行，并如实回答。",
                 "Find out whether any enrolment, pilot or live use has taken place, and answer accordingly."),
                ["scope.started"])
    prior = ctx.answer("scope.prior_pipia")
    qs = [q for q in PRIOR_QS if ctx.shown(q)]
    late_action = ("尽快完成本次评估并落实整改；评估完成前考虑暂停新的人脸采集；"
                   "把完成评估作为今后任何新处理活动上线的前提。",
                   "Finish this assessment and its actions quickly; consider pausing new collection until it is "
                   "done; make a completed assessment a precondition for any new processing going live.")
    if prior is None:
        return None
    if prior == "no":
        law = (("《个人信息保护法》第五十五条、《办法》第九条", "PIPL Art. 55 and Measures Art. 9 require")
               if measures_apply(ctx) else ("《个人信息保护法》第五十五条", "PIPL Art. 55 requires"))
        return ("gap", (f"处理已经开始，开始前没有进行个人信息保护影响评估；{law[0]}要求事前评估。",
                        f"Processing has started without an impact assessment beforehand; {law[1]} the "
                        "assessment before processing."), late_action, qs)
    if prior == "unknown":
        return ("gap", ("尚未确认：处理已经开始，不能确认开始前做过个人信息保护影响评估。",
                        "Not confirmed: processing has started, and it is not established that an impact "
                        "assessment was done before it started."),
                ("查找首次评估报告；找到的，写明编号、签署日期和首次采集日期；找不到的，按事后评估处理。",
                 "Find the first assessment report and give its number, signing date and the day collection "
                 "began; if there is none, treat this as an assessment after the fact."), qs)
    ref = ctx.answer("scope.prior_pipia_ref")
    signed = parse_date(ctx.answer("scope.prior_pipia_date"))
    first = parse_date(ctx.answer("scope.first_processing_date"))
    if ref is None or signed is None or first is None:
        return None
    if not ctx.text_is_substantive("scope.prior_pipia_ref", 4):
        return ("gap", ("称处理开始前做过评估，但没有写明首次评估报告的编号，无法调取核对。",
                        "An assessment before processing is claimed, but the first report is not identified, so "
                        "it cannot be produced or checked."),
                ("写明首次评估报告的编号和版本，并确认该报告仍在保存。",
                 "Give the first report's number and version and confirm that it is still kept."), qs)
    if signed > ctx.today:
        return ("gap", (f"首次评估报告的签署日期（{signed.isoformat()}）晚于今天，请核对。",
                        f"The first report's signing date ({signed.isoformat()}) is in the future; check it."),
                ("填写报告实际签署的日期。", "Enter the day the report was actually signed."), qs)
    if signed > first:
        return ("gap", (f"首次评估报告{ref}于{signed.isoformat()}签署，晚于首次采集人脸信息的日期"
                        f"（{first.isoformat()}）：处理开始前没有完成评估。",
                        f"The first assessment, {ref}, was signed on {signed.isoformat()}, after facial information "
                        f"was first collected on {first.isoformat()}: no assessment was completed before "
                        "processing began."), late_action, qs)
    reasons = (ctx.answer("conclusion.reason") or []) if "conclusion.reason" in ctx.bank.questions else []
    if "initial" in reasons:
        return ("advisory", (f"适用范围部分称首次评估{ref}（{signed.isoformat()}签署）在处理开始前完成，"
                             "但本次评估的原因选择了“首次评估（此前未对该系统做过评估）”，两处回答不一致。",
                             f"The scope part says a first assessment, {ref} of {signed.isoformat()}, preceded "
                             "processing, but the reasons for this assessment say it is the first assessment of the "
                             "system; the answers disagree."),
                ("核对评估档案，更正其中一处回答；本次为重新评估的，在评估原因中选择实际的原因。",
                 "Check the assessment records and correct one of the answers; if this is a re-assessment, choose "
                 "the actual reason for it."), [*qs, "conclusion.reason"])
    return ("compliant", (f"本次为重新评估；首次个人信息保护影响评估（{ref}，{signed.isoformat()}签署）"
                          f"在首次采集人脸信息（{first.isoformat()}）之前完成。",
                          f"This is a re-assessment; the first impact assessment, {ref} of {signed.isoformat()}, "
                          f"preceded processing (facial information was first collected on {first.isoformat()})."),
            None, qs)


@rule("scope.pipia-before", "FRM-09-PIPIA-BEFORE")
def pipia_before(ctx: Context):
    """Measures Art. 9: the assessment comes before processing; a re-assessment after a timely first one is not
    late."""
    result = assessed_before(ctx)
    if result is not None:
        verdict, explanation, action, qs = result
        yield ctx.finding("FRM-09-PIPIA-BEFORE", verdict, explanation, action, qs)


@rule("scope.pipia-triggers", "PIPL-55-PIPIA-TRIGGERS")
def pipia_triggers(ctx: Context):
    """PIPL Art. 55: facial information is sensitive PI, so an assessment is always due; before processing."""
    result = assessed_before(ctx)
    if result is None:
        return
    verdict, (zh, en), action, qs = result
    others = [t for t in ctx.answer("scope.pipl55_triggers", []) if t != "none"]
    label = ctx.bank.question("scope.pipl55_triggers").option_label
    extra_zh = "另涉及第五十五条的：" + "、".join(label(t, "zh") for t in others) + "。" if others else ""
    extra_en = (" Other Art. 55 situations: " + "; ".join(label(t, "en") for t in others) + ".") if others else ""
    head = ("处理敏感个人信息（人脸信息），须事前进行个人信息保护影响评估（《个人信息保护法》第五十五条）。",
            "Processing sensitive PI (facial information) requires an impact assessment beforehand (PIPL Art. 55).")
    yield ctx.finding("PIPL-55-PIPIA-TRIGGERS", verdict, (head[0] + zh + extra_zh, head[1] + " " + en + extra_en),
                      action, [*qs, *(["scope.pipl55_triggers"] if others else [])])
