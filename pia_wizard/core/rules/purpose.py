"""Purpose rules: Measures Art. 4 (specific purpose, sufficient necessity, least impact, strict protection);
PIPL Art. 28 para 2; GB/T 41819-2022 good practice (recommended; draft-based wording)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pia_wizard.core.rules import Context, rule
from pia_wizard.core.rules.scope import measures_apply

# Stock phrases that carry no specific content. Measures Art. 12 itself names "办理业务、提升服务质量" as
# the kind of pretext that must not be used to push people into face recognition.
_GENERIC_ZH = sorted(
    {
        "提升服务质量", "提高服务质量", "提升服务水平", "提高服务水平", "优化服务", "提升用户体验", "提升体验",
        "用户体验", "服务质量", "服务水平", "提高效率", "提升效率", "管理效率", "工作效率", "运营效率",
        "智能化管理", "智慧化管理", "数字化管理", "信息化管理", "智能化", "智慧化", "数字化", "信息化", "现代化",
        "加强管理", "规范管理", "便于管理", "方便管理", "安全管理", "保障安全", "确保安全", "提高安全性",
        "提升安全性", "安全性", "安全", "便民", "方便快捷", "快捷", "便捷", "方便", "高效", "科技", "智能",
        "先进", "业务需要", "业务需求", "工作需要", "管理需要", "实际需要", "根据需要", "相关规定", "有关规定",
        "法律法规", "按照规定", "办理业务", "为了", "实现", "进一步", "更加", "提高", "提升", "加强", "保障",
        "需要", "目的", "用于", "管理", "服务", "必要", "必须", "进行", "公司", "单位", "我们", "系统",
        "人脸识别", "和", "及", "与", "等", "的", "以", "为", "了", "是", "在", "对", "本",
    },
    key=len,
    reverse=True,
)
_GENERIC_EN = {
    "to", "for", "the", "a", "an", "and", "or", "of", "in", "on", "by", "with", "our", "we", "us", "is", "are",
    "be", "it", "this", "that", "as", "improve", "improving", "improved", "enhance", "enhancing", "better",
    "service", "services", "quality", "efficiency", "efficient", "effective", "management", "manage", "managing",
    "security", "secure", "safety", "safe", "convenience", "convenient", "business", "needs", "need", "needed",
    "purpose", "purposes", "smart", "intelligent", "digital", "modern", "experience", "user", "users",
    "requirement", "requirements", "necessary", "operational", "operations", "company", "system", "face",
    "recognition", "technology", "use", "used", "using", "provide", "providing", "level", "more",
}
_SUBSTANCE_MIN = 12

EVALUATION_USES = ("work_performance", "health", "preferences", "economic_status")
OTHER_USES = (*EVALUATION_USES, "demographics", "marketing", "model_training", "other")
REAL_ALTERNATIVES = ("id_document", "card", "qr_code", "password", "manual_check", "national_channel",
                     "other_biometric", "other")
CORE_PROTECTION = ("encryption", "access_control")
EXPECTED_PROTECTION = ("audit_log", "internal_rules", "incident_plan")


def substance(text: str) -> int:
    """How much a text says once stock phrases are removed (a CJK character weighs 3, a Latin letter 1)."""
    rest = text
    for phrase in _GENERIC_ZH:
        rest = rest.replace(phrase, " ")
    cjk = sum(1 for ch in rest if "\u4e00" <= ch <= "\u9fff")
    words = [w for w in re.findall(r"[a-z]+", rest.lower()) if w not in _GENERIC_EN]
    digits = sum(1 for ch in rest if ch.isdigit())
    return cjk * 3 + sum(len(w) for w in words) + digits


def specific_text(ctx: Context, qid: str, min_chars: int | None = None) -> bool:
    """A free-text answer that is long enough (the question's min_length) and not just stock phrases."""
    limit = min_chars if min_chars is not None else (ctx.bank.question(qid).min_length or 15)
    if not ctx.text_is_substantive(qid, limit):
        return False
    return substance(ctx.answer(qid)) >= _SUBSTANCE_MIN


def _mid(label: str) -> str:
    """An English option label for use inside a sentence: 'Marketing' -> 'marketing', 'ID card' unchanged."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def labels(ctx: Context, qid: str, values: Iterable[str]) -> tuple[str, str]:
    """Option labels joined for use inside a sentence (zh, en)."""
    q = ctx.bank.question(qid)
    en = [_mid(q.option_label(v, "en")) for v in values]
    return ("、".join(q.option_label(v, "zh") for v in values),
            ("; " if any("," in e for e in en) else ", ").join(en))


def _missing(ctx: Context, *qids: str) -> bool:
    """True when a shown question among ``qids`` has no answer yet (hidden ones do not count)."""
    return any(ctx.shown(q) and ctx.answer(q) is None for q in qids)


Issue = tuple[str, str]


def rnd_only(ctx: Context) -> bool:
    """FRT R&D or algorithm training only (Measures Art. 2): the live-use questions (categories, extra uses,
    non-face alternatives) are hidden, and the purpose is the R&D itself."""
    return ctx.answer("scope.rnd_only") == "yes"


def purpose_issues(ctx: Context) -> list[Issue] | None:
    """Problems with the stated purpose; None while the inputs are unanswered."""
    if _missing(ctx, "purpose.categories", "purpose.description", "purpose.other_uses",
                "purpose.other_uses_reason") or (ctx.answer("purpose.categories") is None and not rnd_only(ctx)):
        return None
    issues: list[Issue] = []
    if not specific_text(ctx, "purpose.description"):
        issues.append(("处理目的没有具体说明，或只是“提升服务质量”“加强管理”之类的套话，无法据此判断后续处理是否超出目的",
                       "the purpose is not stated specifically, or only in stock phrases such as \"improve service "
                       "quality\" or \"better management\", so nobody can tell whether later use goes beyond it"))
    extra = [u for u in ctx.answer("purpose.other_uses", []) if u in OTHER_USES]
    if extra and not specific_text(ctx, "purpose.other_uses_reason"):
        zh, en = labels(ctx, "purpose.other_uses", extra)
        issues.append((f"人脸信息还用于{zh}，但没有逐项说明这些用途的具体目的和必要性",
                       f"facial information is also used for {en}, with no specific purpose or necessity given "
                       "for each of these uses"))
    return issues


def necessity_issues(ctx: Context) -> list[Issue] | None:
    if _missing(ctx, "purpose.necessity", "purpose.alternatives_considered", "purpose.alternatives_rejected",
                "purpose.nonface_comparison") or ctx.answer("purpose.necessity") is None:
        return None
    issues: list[Issue] = []
    if not specific_text(ctx, "purpose.necessity"):
        issues.append(("没有具体说明为什么必须使用人脸识别、不用会出现什么问题",
                       "there is no concrete account of why face recognition is needed and what goes wrong "
                       "without it"))
    if rnd_only(ctx):
        return issues  # no one is verified, so there is no non-face method to compare with
    considered = [a for a in ctx.answer("purpose.alternatives_considered", []) if a in REAL_ALTERNATIVES]
    if not considered:
        issues.append(("没有评估过非人脸识别的替代方式", "no non-face alternative was considered"))
    elif not specific_text(ctx, "purpose.alternatives_rejected"):
        issues.append(("没有说明评估过的替代方式为什么不足以实现目的",
                       "there is no explanation of why the alternatives considered cannot achieve the purpose"))
    comparison = ctx.answer("purpose.nonface_comparison")
    if comparison == "neither":
        issues.append(("评估人认为人脸识别既不比非人脸方式更安全，也不更便捷；在这种情况下难以证明充分的必要性",
                       "the assessor says face recognition is neither more secure nor more convenient than the "
                       "non-face methods, which leaves no sufficient necessity"))
    elif comparison == "not_compared":
        issues.append(("没有把人脸识别与非人脸方式进行比较",
                       "face recognition has not been compared with the non-face methods"))
    return issues


def protection_issues(ctx: Context) -> tuple[list[Issue], list[Issue]] | None:
    """(gap-level, advisory-level) problems with the strict protective measures."""
    measures = ctx.answer("purpose.protection_measures")
    if measures is None:
        return None
    real = [m for m in measures if m != "none"]
    if not real:
        return [("没有采取任何列出的保护措施", "none of the listed protective measures is in place")], []
    gaps: list[Issue] = []
    missing_core = [m for m in CORE_PROTECTION if m not in real]
    if missing_core:
        zh, en = labels(ctx, "purpose.protection_measures", missing_core)
        gaps.append((f"缺少最基本的保护措施：{zh}", f"basic protection is missing: {en}"))
    missing_expected = [m for m in EXPECTED_PROTECTION if m not in real]
    advisories: list[Issue] = []
    if missing_expected:
        zh, en = labels(ctx, "purpose.protection_measures", missing_expected)
        advisories.append((f"还缺少：{zh}", f"also missing: {en}"))
    return gaps, advisories


def _join(issues: list[Issue]) -> tuple[str, str]:
    return "；".join(i[0] for i in issues) + "。", "; ".join(i[1] for i in issues) + "."


@rule("purpose.specific-purpose", "FRM-04-PURPOSE")
def specific_purpose(ctx: Context):
    """Measures Art. 4: a specific purpose, stated concretely; every extra use stated and justified too."""
    issues = purpose_issues(ctx)
    if issues is None or ctx.answer("purpose.categories") is None:
        return
    qs = ["purpose.categories", "purpose.description", "purpose.other_uses", "purpose.other_uses_reason"]
    if issues:
        zh, en = _join(issues)
        yield ctx.finding(
            "FRM-04-PURPOSE", "gap", ("没有特定的处理目的：" + zh, "No specific purpose: " + en),
            ("用一两句话写明在哪个环节、对谁做人脸识别、比对结果触发什么操作；额外用途逐项写明目的和必要性，"
             "说不清的停止该用途。",
             "Say in a sentence or two at which step and for whom face recognition runs and what the match "
             "result triggers; for each extra use state its purpose and necessity, and stop any use you cannot "
             "justify."),
            qs)
    else:
        zh, en = labels(ctx, "purpose.categories", ctx.answer("purpose.categories"))
        yield ctx.finding(
            "FRM-04-PURPOSE", "compliant",
            (f"处理目的已具体说明（类别：“{zh}”）。", f"The purpose is stated specifically (category: {en})."),
            None, qs)


@rule("purpose.sufficient-necessity", "FRM-04-NECESSITY")
def sufficient_necessity(ctx: Context):
    """Measures Art. 4: sufficient necessity, argued against the non-face alternatives."""
    issues = necessity_issues(ctx)
    if issues is None:
        return
    qs = ["purpose.necessity", "purpose.alternatives_considered", "purpose.alternatives_rejected",
          "purpose.nonface_comparison"]
    if issues:
        zh, en = _join(issues)
        yield ctx.finding(
            "FRM-04-NECESSITY", "gap", ("没有证明充分的必要性：" + zh, "Sufficient necessity is not shown: " + en),
            ("逐一评估非人脸方式（证件、卡、二维码、人工核验、国家网络身份认证等），用事实说明它们为什么不足以实现目的；"
             "证明不了的，改用非人脸方式，或只把人脸识别作为自愿选择的选项。",
             "Assess each non-face method (ID document, card, QR code, manual check, national online ID...) and "
             "show with facts why it cannot achieve the purpose; if you cannot, switch to a non-face method or "
             "offer face recognition only as a voluntary option."),
            qs)
    else:
        yield ctx.finding(
            "FRM-04-NECESSITY", "compliant",
            ("已说明使用人脸识别的必要性，并与非人脸替代方式作了比较。",
             "The necessity of face recognition is explained and compared with the non-face alternatives."),
            None, qs)


VERIFIABLE_PURPOSES = ("identity_verification", "access_control", "attendance", "payment")
GALLERY_LIMITS = ("voluntary_enrolment", "small_gallery")
OFF_DEVICE_LIMITS = ("on_device", "templates_only", "delete_raw")
FACE_IMAGES = ("capture_image", "enrolment_photo", "match_log_image", "other_image")
# The assessor's own reasoning saying the design is not the least-impact way.
_NOT_LEAST = re.compile(
    r"(现有|现行|目前的?|当前的?|这一|该|本)(设计|方式|做法|方案)(还|并|仍)?(不是|并非|不属于|未能|没有采取)"
    r"[^。；;]{0,12}影响最小"
    r"|\b(current|this|the|our)\s+(design|approach|set-?up)\s+is\s+not\s+(yet\s+)?the\s+(least|way\s+with\s+the\s+least)",
    re.IGNORECASE)

LeastIssue = tuple[str, str, str, str, str]  # level (gap/advisory), zh, en, action zh, action en


_IMAGE_WORDS = {"capture_image": ("现场抓拍图像", "live capture images"),
                "enrolment_photo": ("人脸底库照片", "gallery photos"),
                "match_log_image": ("含人脸图像的识别记录", "match logs with face images"),
                "other_image": ("其他含人脸的图像", "other face images")}
_WHERE_WORDS = {"device": ("设备内", "on the device"), "local_server": ("本地服务器", "on a local server"),
                "cloud": ("云端或第三方平台", "in the cloud or on a third-party platform")}
_UNTIL_WORDS = {"end_of_relationship": ("关系结束时删除", "until the relationship ends"),
                "fixed_period": ("到期删除", "for a fixed period"), "manual": ("人工清理", "until cleared by hand"),
                "on_request": ("本人要求才删除", "until the person asks"), "never": ("不删除", "never deleted")}


def kept_face_images(ctx: Context) -> list[tuple[str, str]]:
    """Face images (not templates) the retention table says are kept, as (zh, en) descriptions.

    Gallery photos count wherever they are kept (templates are enough to match); live and match-log images
    count when kept off the device, or on it without a time limit. Empty while storage.retention is unanswered."""
    out: list[tuple[str, str]] = []
    for row in ctx.answer("storage.retention", []) or []:
        item, where, trigger, days = (row.get("item"), row.get("location"), row.get("deletion_trigger"),
                                      row.get("retention_days"))
        if item not in _IMAGE_WORDS or where not in _WHERE_WORDS or days == 0 or trigger == "after_use":
            continue
        if item != "enrolment_photo" and where == "device" and trigger not in ("manual", "on_request", "never"):
            continue
        zh, en = [_WHERE_WORDS[where][0]], [_WHERE_WORDS[where][1]]
        if isinstance(days, (int, float)) and not isinstance(days, bool):
            zh.append(f"{days:g}天")
            en.append(f"{days:g} days")
        elif trigger in _UNTIL_WORDS:
            zh.append(_UNTIL_WORDS[trigger][0])
            en.append(_UNTIL_WORDS[trigger][1])
        out.append((f"{_IMAGE_WORDS[item][0]}（{'，'.join(zh)}）", f"{_IMAGE_WORDS[item][1]} ({', '.join(en)})"))
    return out


def _has_gallery(ctx: Context) -> bool:
    if ctx.answer("scope.frt_mode") in ("identify_1ton", "both"):
        return True
    return any(row.get("item") in ("template", "enrolment_photo") and row.get("location") not in (None, "not_stored")
               and row.get("retention_days") != 0 and row.get("deletion_trigger") != "after_use"
               for row in ctx.answer("storage.retention", []) or [])


def least_impact_issues(ctx: Context, real: list[str]) -> list[LeastIssue]:
    """What in the design, as answered anywhere in the assessment, is not the least-impact way."""
    issues: list[LeastIssue] = []
    if not real:
        issues.append(("gap", "没有采取任何降低影响的设计（如1:1验证、本地比对、只存特征值、比对后删除图像）",
                       "no impact-reducing design is in place (such as 1:1 verification, on-device matching, "
                       "templates only, deleting images after matching)",
                       "从1:1验证、设备本地比对、只保存特征值、比对后删除图像、只对自愿者建库中选取可行的做法",
                       "adopt what you can of 1:1 verification, on-device matching, templates only, deleting "
                       "images after matching and enrolling only volunteers"))
    if not specific_text(ctx, "purpose.least_impact_reason"):
        issues.append(("gap", "没有说明为什么现有设计是影响最小的方式",
                       "there is no reasoning for why this design has the least impact",
                       "写明采用和未采用各项做法的理由", "record why each choice was or was not adopted"))
    mode, purposes = ctx.answer("scope.frt_mode"), ctx.answer("purpose.categories") or []
    if (mode in ("identify_1ton", "both") and "one_to_one" not in real and purposes
            and all(p in VERIFIABLE_PURPOSES for p in purposes)):
        zh, en = labels(ctx, "purpose.categories", purposes)
        limits = [m for m in GALLERY_LIMITS if m in real]
        if not limits and "on_device" not in real:
            issues.append(("gap", f"目的（{zh}）用1:1验证（先刷卡、扫码或出示证件，再比对本人人脸）就能实现，"
                           "却采用1:N辨识，且人脸库既不限于自愿者、也没有只保留必要人员，比对也不在设备本地进行",
                           f"the purpose ({en}) could be met by 1:1 verification (card, QR code or ID first, then "
                           "the person's own face), yet 1:N identification is used, over a gallery that is neither "
                           "limited to volunteers nor kept to the people needed, and matching is not on the device",
                           "改为1:1验证，或把1:N限于自愿选择刷脸的人组成的人脸库",
                           "switch to 1:1 verification, or limit 1:N to a gallery of people who chose it"))
        elif "voluntary_enrolment" not in limits:
            issues.append(("advisory", f"目的（{zh}）用1:1验证就能实现，却采用1:N辨识，人脸库中的人并非都自愿选择刷脸",
                           f"the purpose ({en}) could be met by 1:1 verification, yet 1:N identification searches a "
                           "gallery of people who did not all choose face recognition",
                           "考虑改为1:1验证，或只对自愿选择刷脸的人建库；保留1:N的，在理由中写明1:1为何不可行",
                           "consider 1:1 verification, or enrol only people who choose face recognition; if 1:N "
                           "stays, record why 1:1 will not do"))
        elif purposes == ["identity_verification"]:
            issues.append(("advisory", "处理目的只是核验身份，却使用了1:N辨识；1:1验证通常就能实现目的，影响更小",
                           "the purpose is only identity verification, yet 1:N identification is used; 1:1 "
                           "verification usually achieves this with less impact",
                           "改为1:1验证", "switch to 1:1 verification"))
    if ctx.answer("consent.basis") == "consent" and "voluntary_enrolment" not in real and _has_gallery(ctx):
        issues.append(("gap", "以个人同意为处理依据，却没有只对自愿选择刷脸的人建库：登记人脸不是每个人自己的选择",
                       "consent is the legal basis, yet enrolment is not limited to people who choose face "
                       "recognition: being enrolled is not each person's own choice",
                       "只对主动选择刷脸并单独同意的人建库，删除未经其本人选择而录入的人脸",
                       "enrol only people who choose face recognition and give separate consent, and delete faces "
                       "enrolled without that choice"))
    if ctx.answer("scope.off_device") == "yes" and not any(m in real for m in OFF_DEVICE_LIMITS):
        issues.append(("advisory", "人脸信息存储在设备以外或对外传输，但既没有在设备本地比对，"
                       "也没有只保存特征值或比对后删除图像，离开设备的人脸信息没有减到最少",
                       "facial information is stored or sent outside the device, but matching is not on the "
                       "device, and neither keeping templates only nor deleting images after matching limits what "
                       "leaves it",
                       "尽量在设备本地比对；必须外存的，只传输和保存特征值，现场图像比对后即删除",
                       "match on the device where possible; where data must leave it, send and keep only templates "
                       "and delete live images after matching"))
    kept = kept_face_images(ctx)
    if kept:
        issues.append(("advisory", "保存了人脸图像而不只是特征值：" + "、".join(k[0] for k in kept),
                       "face images, not just templates, are kept: " + "; ".join(k[1] for k in kept),
                       "底库只保留特征值，抓拍和识别记录不留人脸图像或把期限压到最短",
                       "keep only templates in the gallery, and keep no face images in snapshots and match logs, "
                       "or only for the shortest time"))
    reason = ctx.answer("purpose.least_impact_reason")
    if isinstance(reason, str) and _NOT_LEAST.search(reason):
        issues.append(("gap", "评估人自己的说明也写明现有设计不是对个人权益影响最小的方式",
                       "the assessor's own reasoning also says the current design is not the least-impact way",
                       "按说明中列出的问题改造设计（改造完成前不能认为满足《办法》第四条）",
                       "change the design as that reasoning says (until then Measures Art. 4 is not met)"))
    return issues


@rule("purpose.least-impact", "FRM-04-LEAST-IMPACT")
def least_impact(ctx: Context):
    """Measures Art. 4: the way with the least impact on individual rights, judged on the design itself (mode,
    gallery, where data is kept, whether images are kept, voluntary enrolment under consent) and its reasons.
    Reads later answers (consent basis, retention table) where they are given."""
    measures = ctx.answer("purpose.least_impact_measures")
    if measures is None or ctx.answer("purpose.least_impact_reason") is None:
        return
    real = [m for m in measures if m != "none"]
    issues = least_impact_issues(ctx, real)
    qs = ["purpose.least_impact_measures", "purpose.least_impact_reason", "scope.frt_mode", "purpose.categories",
          "scope.off_device", "consent.basis", "storage.retention"]
    qs = [q for q in qs if ctx.answered(q)]
    if issues:
        gap = any(i[0] == "gap" for i in issues)
        zh = "；".join(i[1] for i in issues) + "。"
        en = "; ".join(i[2] for i in issues) + "."
        act_zh = "；".join(dict.fromkeys(i[3] for i in issues))
        act_en = "; ".join(dict.fromkeys(i[4] for i in issues))
        yield ctx.finding(
            "FRM-04-LEAST-IMPACT", "gap" if gap else "advisory",
            (("未采取对个人权益影响最小的方式：" if gap else "设计还可以进一步降低对个人权益的影响：") + zh,
             ("The way with the least impact on people's rights is not used: " if gap
              else "The design could affect people's rights less: ") + en),
            (act_zh + "；采用的做法写明，不采用的说明理由。",
             act_en[:1].upper() + act_en[1:] + "; record what you adopt and why you reject the rest."),
            qs)
    else:
        zh, en = labels(ctx, "purpose.least_impact_measures", real)
        yield ctx.finding(
            "FRM-04-LEAST-IMPACT", "compliant",
            (f"已说明影响最小的设计：{zh}。", f"The least-impact design is explained: {en}."), None, qs)


@rule("purpose.strict-protection", "FRM-04-STRICT-PROTECTION")
def strict_protection(ctx: Context):
    """Measures Art. 4: strict protective measures, at least encryption and access control."""
    result = protection_issues(ctx)
    if result is None:
        return
    gaps, advisories = result
    qs = ["purpose.protection_measures", "purpose.protection_notes"]
    action = ("至少落实加密存储和传输、访问控制与最小授权；并建立操作审计、管理制度和应急预案（详见“安全措施”部分）。",
              "Put at least encryption at rest and in transit and least-privilege access control in place, plus "
              "audit logging, written rules and an incident plan (see the Security section).")
    if gaps:
        zh, en = _join(gaps)
        yield ctx.finding("FRM-04-STRICT-PROTECTION", "gap",
                          ("保护措施不够严格：" + zh, "Protection is not strict: " + en), action, qs)
    elif advisories:
        zh, en = _join(advisories)
        yield ctx.finding("FRM-04-STRICT-PROTECTION", "advisory",
                          ("已有加密和访问控制，但保护措施还不完整：" + zh,
                           "Encryption and access control are in place, but protection is incomplete: " + en),
                          action, qs)
    else:
        yield ctx.finding("FRM-04-STRICT-PROTECTION", "compliant",
                          ("已列出严格保护措施，包括加密、访问控制、审计、管理制度和应急预案。",
                           "Strict protective measures are listed, including encryption, access control, audit, "
                           "written rules and an incident plan."), None, qs)


@rule("purpose.sensitive-pi-conditions", "PIPL-28-CONDITIONS")
def sensitive_pi_conditions(ctx: Context):
    """PIPL Art. 28 para 2: specific purpose, sufficient necessity and strict protection, together."""
    p, n, s = purpose_issues(ctx), necessity_issues(ctx), protection_issues(ctx)
    if p is None or n is None or s is None:
        return
    failed: list[Issue] = []
    if p:
        failed.append(("没有特定的目的", "there is no specific purpose"))
    if n:
        failed.append(("没有证明充分的必要性", "sufficient necessity is not shown"))
    if s[0]:
        failed.append(("保护措施不够严格", "protection is not strict"))
    if failed and measures_apply(ctx):
        failed[-1] = (failed[-1][0] + "（详见《办法》第四条各项结论）",
                      failed[-1][1] + " (details in the Measures Art. 4 findings)")
    evaluation = [u for u in ctx.answer("purpose.other_uses", []) if u in EVALUATION_USES]
    if evaluation:
        zh, en = labels(ctx, "purpose.other_uses", evaluation)
        failed.append((f"人脸信息还被用于{zh}：这是身份识别以外的独立目的，会产生新的个人信息（如健康信息），"
                       "本评估不能证明其具有充分的必要性",
                       f"facial information is also used for {en}: a purpose separate from identity recognition "
                       "that creates new personal information (such as health data), whose sufficient necessity "
                       "this assessment cannot establish"))
    qs = [q for q in ("purpose.categories", "purpose.description", "purpose.other_uses", "purpose.necessity",
                      "purpose.protection_measures") if ctx.shown(q)]
    if failed:
        zh, en = _join(failed)
        yield ctx.finding(
            "PIPL-28-CONDITIONS", "gap",
            ("不满足处理敏感个人信息的条件：" + zh, "The conditions for processing sensitive PI are not met: " + en),
            ("补齐目的、必要性和保护措施的论证；停止用人脸信息评估或预测个人特征，确需保留的，对该用途单独评估、"
             "告知并取得单独同意。",
             "Complete the purpose, necessity and protection case; stop using facial information to evaluate or "
             "predict personal traits, or, if such a use must stay, assess it separately, tell people and obtain "
             "separate consent."),
            qs)
    elif rnd_only(ctx):
        yield ctx.finding(
            "PIPL-28-CONDITIONS", "compliant",
            ("处理目的限于人脸识别技术研发或算法训练，已具体说明；已写明为什么必须使用真实人脸信息，并采取了严格保护措施。",
             "The purpose is confined to FRT research and development or algorithm training and is stated "
             "specifically; why real facial information is needed is explained, and strict protection is in "
             "place."), None, qs)
    else:
        yield ctx.finding(
            "PIPL-28-CONDITIONS", "compliant",
            ("具有特定的目的和充分的必要性，并采取了严格保护措施。",
             "There is a specific purpose, sufficient necessity and strict protection."), None, qs)


@rule("purpose.identity-only", "GBT41819-PURPOSE-ID-ONLY")
def identity_only(ctx: Context):
    """GB/T 41819 (recommended; draft-based): face recognition data only for verification or identification."""
    uses = ctx.answer("purpose.other_uses")
    if uses is None and rnd_only(ctx):
        yield ctx.finding(
            "GBT41819-PURPOSE-ID-ONLY", "not_applicable",
            ("人脸信息仅用于人脸识别技术研发或算法训练，不用于核验或辨识任何人；“仅用于身份验证或辨识”的建议针对人脸识别应用，"
             "这里无从适用。研发用途的边界以《个人信息保护法》第二十八条结论中写明的目的为限。",
             "Facial information is used only for FRT research and development or algorithm training, not to verify "
             "or identify anyone; the recommendation to use face recognition data only for verification or "
             "identification addresses live recognition and has nothing to apply to here. The R&D use is bounded by "
             "the purpose stated for PIPL Art. 28."),
            None, ["scope.rnd_only"])
        return
    if uses is None:
        return
    extra = [u for u in uses if u in OTHER_USES]
    qs = ["purpose.other_uses"]
    action = ("把人脸识别数据限定用于身份验证或辨识；其他用途停止，或对其单独评估、告知并取得单独同意。",
              "Limit face recognition data to verifying or identifying people; stop other uses, or assess them "
              "separately, tell people and obtain separate consent.")
    if extra:
        zh, en = labels(ctx, "purpose.other_uses", extra)
        yield ctx.finding(
            "GBT41819-PURPOSE-ID-ONLY", "advisory",
            (f"人脸识别数据还用于{zh}。GB/T 41819（推荐性标准，据征求意见稿，措辞待核实）建议仅用于身份验证或辨识。",
             f"Face recognition data is also used for {en}. GB/T 41819 (recommended standard, per its draft, "
             "wording to be confirmed) advises using it only to verify or identify people."),
            action, qs)
    elif ctx.answer("scope.frt_mode") == "analysis_only":
        yield ctx.finding(
            "GBT41819-PURPOSE-ID-ONLY", "advisory",
            ("系统只做人脸检测或分析，不用于身份验证或辨识；GB/T 41819（推荐性标准，措辞待核实）据报道将人脸分析作为"
             "另一类场景，建议核对其适用要求。",
             "The system only detects or analyses faces and does not verify or identify anyone; GB/T 41819 "
             "(recommended standard, wording to be confirmed) reportedly treats face analysis as a separate "
             "scenario; check which of its requirements apply."),
            action, [*qs, "scope.frt_mode"])
    else:
        yield ctx.finding(
            "GBT41819-PURPOSE-ID-ONLY", "compliant",
            ("人脸识别数据只用于身份验证或辨识。", "Face recognition data is used only to verify or identify people."),
            None, qs)


@rule("purpose.no-evaluation", "GBT41819-NO-EVALUATION")
def no_evaluation(ctx: Context):
    """GB/T 41819 (recommended; draft-based): no evaluating or predicting traits from face data.

    The legal side of such uses (no established necessity) is a gap under PIPL-28-CONDITIONS."""
    uses = ctx.answer("purpose.other_uses")
    if uses is None and rnd_only(ctx):
        yield ctx.finding(
            "GBT41819-NO-EVALUATION", "not_applicable",
            ("人脸信息仅用于人脸识别技术研发或算法训练。用这些人脸信息评估或预测本人的工作表现、健康、偏好等特征，"
             "是另一项处理目的，不在本评估范围内，须另行评估、告知并取得单独同意。",
             "Facial information is used only for FRT research and development or algorithm training. Using it to "
             "evaluate or predict the work performance, health, preferences or other traits of the people in it "
             "would be a different purpose, outside this assessment, needing its own assessment, notice and "
             "separate consent."),
            None, ["scope.rnd_only"])
        return
    if uses is None:
        return
    evaluation = [u for u in uses if u in EVALUATION_USES]
    if evaluation:
        zh, en = labels(ctx, "purpose.other_uses", evaluation)
        yield ctx.finding(
            "GBT41819-NO-EVALUATION", "advisory",
            (f"人脸识别数据被用于{zh}。GB/T 41819（推荐性标准，据征求意见稿，措辞待核实）建议不利用人脸识别数据评估或"
             "预测工作表现、经济状况、健康状况、偏好、兴趣等。法律上的问题见《个人信息保护法》第二十八条的评估结论。",
             f"Face recognition data is used for {en}. GB/T 41819 (recommended standard, per its draft, wording "
             "to be confirmed) advises against using it to evaluate or predict work performance, economic "
             "status, health, preferences or interests. For the legal problem see the PIPL Art. 28 finding."),
            ("停止这些评估或预测用途。", "Stop these evaluating or predicting uses."),
            ["purpose.other_uses"])
    else:
        yield ctx.finding(
            "GBT41819-NO-EVALUATION", "compliant",
            ("人脸识别数据不用于评估或预测个人的表现、健康、偏好等特征。",
             "Face recognition data is not used to evaluate or predict performance, health, preferences or "
             "similar traits."),
            None, ["purpose.other_uses"])
