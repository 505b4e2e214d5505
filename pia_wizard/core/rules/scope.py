"""Scope rules: Measures Arts. 2, 3, 19; PIPL Arts. 28, 55."""

from __future__ import annotations

from pia_wizard.core.rules import Context, rule


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
        label = ctx.bank.question("scope.frt_mode").option_label
        yield ctx.finding(
            "FRM-19-DEF-FRT", "compliant",
            (f"系统以“{label(mode, 'zh')}”方式识别身份，属于《办法》所称人脸识别技术。",
             f"The system recognises identity by {label(mode, 'en')}, which is FRT under the Measures."),
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


@rule("scope.pipia-triggers", "PIPL-55-PIPIA-TRIGGERS")
def pipia_triggers(ctx: Context):
    """PIPL Art. 55: facial information is sensitive PI, so an assessment is always due; before processing."""
    started = ctx.answer("scope.started")
    if started is None:
        return
    others = [t for t in ctx.answer("scope.pipl55_triggers", []) if t != "none"]
    extra_zh = "；另涉及：" + "、".join(
        ctx.bank.question("scope.pipl55_triggers").option_label(t, "zh") for t in others) if others else ""
    extra_en = "; also: " + ", ".join(
        ctx.bank.question("scope.pipl55_triggers").option_label(t, "en") for t in others) if others else ""
    if started == "no":
        yield ctx.finding(
            "PIPL-55-PIPIA-TRIGGERS", "compliant",
            ("处理敏感个人信息（人脸信息），须事前评估；本评估在处理前进行" + extra_zh + "。",
             "Processing sensitive PI (facial information) requires a prior assessment; this one comes before "
             "processing" + extra_en + "."),
            None, ["scope.started", "scope.pipl55_triggers"])
    else:
        yield ctx.finding(
            "PIPL-55-PIPIA-TRIGGERS", "gap",
            ("处理已经开始，而《个人信息保护法》第五十五条要求事前评估" + extra_zh + "。",
             "Processing has started, but PIPL Art. 55 requires the assessment beforehand" + extra_en + "."),
            ("完成本评估并把评估作为今后任何新处理活动上线的前提。",
             "Complete this assessment and make one a precondition for any new processing going live."),
            ["scope.started", "scope.pipl55_triggers"])
