"""Consistency checks: answers that cannot all be true, and a conclusion that contradicts the findings.

These are late rules: they run after every other rule and after the completeness step, and read their findings
(``Context.findings``), so they never stand in for an obligation's own decision. Each names the obligation whose
analysis the inconsistency undermines, and points at the questions on both sides (``Finding.questions``).
"""

from __future__ import annotations

import re
from typing import Any

from pia_wizard.core.approval import GOES_AHEAD, stopped_practices
from pia_wizard.core.bank import MEASURES_PREFIXES
from pia_wizard.core.rules import Context, parse_date, rule
from pia_wizard.core.rules.conclusion import option_labels

INCONSISTENT = ("回答前后矛盾：", "Inconsistent answers: ")
CONTRADICTS = ("结论与评估的发现相矛盾：", "The conclusion contradicts the findings: ")


def _measures_apply(ctx: Context) -> bool:
    from pia_wizard.core.engine import measures_applicability

    return measures_applicability(ctx)[0]


def _row_label(ctx: Context, qid: str, i: int, row: dict[str, Any], column: str = "item") -> tuple[str, str]:
    zh, en = option_labels(ctx, qid, [row.get(column)] if row.get(column) else [], column=column)
    zh, en = re.sub(r"（[^）]*）", "", zh), re.sub(r" \([^)]*\)", "", en)  # the label without its examples
    return f"第{i}行（{zh}）", f"row {i} ({en})"


# ------------------------------------------------------------------------------ (a) prohibited vs conclusion

@rule("consistency.prohibited-vs-conclusion", "PIPL-56-CONTENT-LAWFUL", late=True)
def prohibited_vs_conclusion(ctx: Context):
    """PIPL Art. 56(1): the assessment must judge whether the method of processing is lawful. A practice the law
    prohibits outright cannot be judged lawful, nor its processing allowed to go ahead, nor its risk called
    acceptable. Charged to the PIPL item rather than GB/T 35273 11.4 e) (a recommended standard) or Measures
    Art. 9 item (1) (the same item one level down, which would count the one contradiction twice)."""
    prohibited = [f for f in ctx.findings if f.verdict == "prohibited"]
    if not _measures_apply(ctx):  # the engine restates those as not applicable
        prohibited = [f for f in prohibited if not f.obligation.startswith(MEASURES_PREFIXES)]
    if not prohibited:
        return
    said_zh, said_en, qs = [], [], []
    decision = ctx.answer("conclusion.decision")
    if decision in GOES_AHEAD:
        label = ctx.bank.question("conclusion.decision").option_label
        said_zh.append(f"评估结论为“{label(decision, 'zh')}”")
        said_en.append(f"the conclusion is “{label(decision, 'en')}”")
        qs.append("conclusion.decision")
    if ctx.answer("conclusion.lawful_judgement") == "yes":
        said_zh.append("评估人认为处理目的和方式合法、正当、必要")
        said_en.append("the assessor judges the purpose and method lawful, legitimate and necessary")
        qs.append("conclusion.lawful_judgement")
    if ctx.answer("risk.measures_judgement") == "yes":
        said_zh.append("评估人认为保护措施与风险相适应、剩余风险均可接受")
        said_en.append("the assessor judges the measures proportionate and every residual risk acceptable")
        qs.append("risk.measures_judgement")
    if not qs:
        return
    obligations = list(dict.fromkeys(f.obligation for f in prohibited))
    from pia_wizard.core.obligations import get

    cit_zh = "、".join(get(o).citation("zh") for o in obligations)
    cit_en = ", ".join(get(o).citation("en") for o in obligations)
    qs = list(dict.fromkeys(q for f in prohibited for q in f.questions)) + qs
    stopped = stopped_practices(ctx.assessment)
    if all(o in stopped for o in obligations):
        yield ctx.finding(
            "PIPL-56-CONTENT-LAWFUL", "advisory",
            (CONTRADICTS[0] + f"本评估认定存在法律绝对禁止的做法（{cit_zh}），而" + "，".join(said_zh)
             + "。审批意见记载该做法已经停止；相关回答尚未反映这一点。",
             CONTRADICTS[1] + f"the assessment finds a practice that the law prohibits outright ({cit_en}), yet "
             + "; ".join(said_en) + ". The approval records that the practice has stopped; the answers do not "
             "reflect it yet."),
            ("按停止后的实际情况更新相关回答，使禁止类发现消除；核实停止的日期和方式并留存记录。",
             "Update the answers to the facts after the stop so that the prohibited finding clears; check and keep "
             "a record of when and how the practice stopped."),
            qs)
        return
    yield ctx.finding(
        "PIPL-56-CONTENT-LAWFUL", "gap",
        (CONTRADICTS[0] + f"本评估认定存在法律绝对禁止的做法（{cit_zh}），而" + "，".join(said_zh)
         + "。被禁止的做法不能被评估为合法，也不能附条件继续；这一结论与评估本身的发现相矛盾"
         "（《个人信息保护法》第五十六条第（一）项）。",
         CONTRADICTS[1] + f"the assessment finds a practice that the law prohibits outright ({cit_en}), yet "
         + "; ".join(said_en) + ". A prohibited practice cannot be judged lawful or allowed to continue under "
         "conditions; the conclusion contradicts the assessment's own findings (PIPL Art. 56(1))."),
        ("立即停止被禁止的做法；结论改为“不应实施”或“暂停并重新评估”，或在做法停止、相关回答更新后再得出结论。"
         "签署时，审批意见必须写明该做法已经停止。",
         "Stop the prohibited practice now; change the conclusion to “do not go ahead” or “suspend and "
         "re-assess”, or conclude only once the practice has stopped and the answers say so. At signing, the "
         "approval must state that the practice has stopped."),
        qs)


# ------------------------------------------------------------------------------ (c) cross-answer checks

@rule("consistency.passers-by", "PIPL-13-LEGAL-BASIS", late=True)
def passers_by(ctx: Context):
    """Passers-by are listed among the people captured, while capture is said to start only when a person steps
    up and presents their face: a passer-by never does either, so one answer is wrong, and the legal-basis
    analysis (PIPL Art. 13) covers nobody who is captured without acting."""
    subjects = ctx.answer("scope.data_subjects") or []
    if "passers_by" not in subjects:
        return
    bystanders = ctx.answer("places.bystanders")
    active = "active_trigger" in (ctx.answer("purpose.least_impact_measures") or [])
    said_zh, said_en, qs = [], [], ["scope.data_subjects"]
    if bystanders == "not_captured":
        said_zh.append("“公共场所与采集范围”部分称设备只在本人靠近并主动操作时采集、画面只容得下一个人")
        said_en.append("the places section says the device captures only when the person steps up and operates "
                       "it, with a frame that fits one person")
        qs.append("places.bystanders")
    if active and bystanders != "discarded":
        said_zh.append("“目的与必要性”部分称只在本人主动刷脸时采集、不持续拍摄路过人员")
        said_en.append("the purpose section says capture happens only when a person actively presents their face, "
                       "with no continuous filming of passers-by")
        qs.append("purpose.least_impact_measures")
    if len(qs) < 2:
        return
    basis = ctx.answer("consent.basis")
    consent_zh = consent_en = ""
    if basis == "consent":
        consent_zh = "；处理以同意为基础，而路人没有作出同意"
        consent_en = "; the basis is consent, which passers-by never give"
        qs.append("consent.basis")
    yield ctx.finding(
        "PIPL-13-LEGAL-BASIS", "advisory",
        (INCONSISTENT[0] + "“适用范围”部分把路过的公众列为被采集人，但" + "；".join(said_zh) + consent_zh
         + "。两者不能同时成立：若路人确被采集，须说明对其处理的合法性基础；若不被采集，应更正被采集人。",
         INCONSISTENT[1] + "the scope section lists passers-by among the people captured, but "
         + "; ".join(said_en) + consent_en + ". Both cannot be true: if passers-by are captured, the assessment "
         "must state the lawful basis for processing their faces; if they are not, correct the list of people "
         "captured."),
        ("核实设备视野和触发方式后更正其中一处回答；路人确会入镜的，在“公共场所与采集范围”部分如实回答并说明如何丢弃。",
         "Check the field of view and the trigger, then correct one of the answers; if passers-by do appear in the "
         "frame, say so in the places section and how their faces are discarded."),
        qs)


@rule("consistency.measure-dates", "PIPL-56-CONTENT-MEASURES", late=True)
def measure_dates(ctx: Context):
    """A measure marked in place whose due date falls after the assessment date is not in place at that date: the
    analysis of the measures actually taken (PIPL Art. 56(3)) counts something that does not exist yet. Rows
    that accept a risk are left out (their date is when the acceptance is reviewed)."""
    rows = ctx.answer("risk.measures")
    if not rows:
        return
    as_of = parse_date(getattr(ctx.assessment, "assessment_date", None)) or ctx.today
    late = [(i, r, d) for i, r in enumerate(rows, start=1)
            if r.get("status") == "in_place" and r.get("treatment") != "accepted"
            and (d := parse_date(r.get("due"))) is not None and d > as_of]
    if not late:
        return
    items_zh = "；".join(f"第{i}行（{_short(r.get('measure'))}，期限{d.isoformat()}）" for i, r, d in late)
    items_en = "; ".join(f"row {i} ({_short(r.get('measure'))}, due {d.isoformat()})" for i, r, d in late)
    yield ctx.finding(
        "PIPL-56-CONTENT-MEASURES", "advisory",
        (INCONSISTENT[0] + f"以下措施标为“已落实”，但完成期限晚于评估日期（{as_of.isoformat()}）：{items_zh}。"
         "评估日尚未到期的措施不能算作已采取的保护措施。",
         INCONSISTENT[1] + f"these measures are marked in place, but their due date is after the assessment date "
         f"({as_of.isoformat()}): {items_en}. A measure not yet due at the assessment date does not count as "
         "taken."),
        ("核实每项措施的实际状态：已落实的，把期限改为落实日期并写明核实方式；尚未落实的，改为“计划中”，并按未落实"
         "的措施重新评定当前风险。",
         "Check each measure: if it is in place, give the date it took effect and how that was checked; if not, "
         "mark it planned and re-rate the current risk without it."),
        ["risk.measures"])


def _short(text: Any, limit: int = 24) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= limit else text[:limit] + "…"


FACIAL_ITEMS = ("capture_image", "enrolment_photo", "template", "match_log_image", "backup", "other_image", "other")
IMAGE_ITEMS = ("capture_image", "enrolment_photo", "match_log_image", "other_image", "backup")


def _kept(row: dict[str, Any]) -> bool:
    return row.get("location") not in (None, "not_stored") and row.get("retention_days") != 0


@rule("consistency.retention-necessity", "FRM-08-SHORTEST-RETENTION", "GBT35273-6.1-SHORTEST-STORAGE", late=True)
def retention_necessity(ctx: Context):
    """A row of the retention table that keeps facial information gives a period and a reason, but the assessment's
    own finding on whether that period is the shortest the purpose needs is left blank (not required by law
    either): the Measures Art. 8 analysis rests on the business's reason alone. Where the Measures do not apply,
    the same point is GB/T 35273 6.1 a)."""
    rows = ctx.answer("storage.retention")
    if not rows:
        return
    blank = [(i, r) for i, r in enumerate(rows, start=1)
             if r.get("item") in FACIAL_ITEMS and _kept(r) and r.get("necessary") is None
             and r.get("required_by_law") != "yes"]
    if not blank:
        return
    labels = [_row_label(ctx, "storage.retention", i, r) for i, r in blank]
    ob = "FRM-08-SHORTEST-RETENTION" if _measures_apply(ctx) else "GBT35273-6.1-SHORTEST-STORAGE"
    yield ctx.finding(
        ob, "advisory",
        (INCONSISTENT[0] + "保存期限表中以下各行写明了保存期限和理由，但“评估结论：该期限是否为实现目的所必需的"
         "最短时间”一栏空白：" + "、".join(z for z, _ in labels) + "。保存期限是否必要，须由评估组自己判断，"
         "不能只凭业务部门或供应商给出的理由。",
         INCONSISTENT[1] + "these rows of the retention table give a period and a reason, but the column "
         "“Assessment finding: is this period the shortest the purpose needs?” is blank: "
         + ", ".join(e for _, e in labels) + ". Whether a period is necessary is the assessment team's own "
         "judgement, not the business unit's or the vendor's reason."),
        ("逐行作出判断（是、否或不确定）；判断为“否”的，缩短期限并写入整改计划。",
         "Give a finding for each row (yes, no or not sure); where it is no, shorten the period and add that to the "
         "action plan."),
        ["storage.retention"])


COMMERCIAL_USES = ("preferences", "economic_status", "demographics", "marketing")
COMMERCIAL_CATEGORIES = ("member_recognition", "payment")


@rule("consistency.public-security-only", "PIPL-26-PURPOSE-LIMIT", late=True)
def public_security_only(ctx: Context):
    """The images collected in the public place are said to serve public security only (PIPL Art. 26), yet the
    retention table keeps face images and the purpose section states a commercial use of them."""
    if ctx.answer("places.other_use") != "security_only":
        return
    rows = ctx.answer("storage.retention") or []
    kept = [(i, r) for i, r in enumerate(rows, start=1) if r.get("item") in IMAGE_ITEMS and _kept(r)]
    uses = [u for u in ctx.answer("purpose.other_uses") or [] if u in COMMERCIAL_USES]
    cats = [c for c in ctx.answer("purpose.categories") or [] if c in COMMERCIAL_CATEGORIES]
    business = ctx.answer("places.security_purpose") == "business"
    if not kept or not (uses or cats or business):
        return
    said_zh, said_en, qs = [], [], ["places.other_use", "storage.retention"]
    if uses:
        z, e = option_labels(ctx, "purpose.other_uses", uses)
        said_zh.append(f"人脸数据还用于{z}")
        said_en.append(f"the face data is also used for: {e}")
        qs.append("purpose.other_uses")
    if cats:
        z, e = option_labels(ctx, "purpose.categories", cats)
        said_zh.append(f"人脸识别用于{z}")
        said_en.append(f"face recognition is used for: {e}")
        qs.append("purpose.categories")
    if business:
        said_zh.append("公共场所的设备主要用于业务便利或经营管理")
        said_en.append("the devices in the public place are mainly there for business convenience or management")
        qs.append("places.security_purpose")
    labels = [_row_label(ctx, "storage.retention", i, r) for i, r in kept]
    yield ctx.finding(
        "PIPL-26-PURPOSE-LIMIT", "advisory",
        (INCONSISTENT[0] + "“公共场所与采集范围”部分称在公共场所收集的人脸图像只用于维护公共安全，"
         "但保存期限表保存人脸图像（"
         + "、".join(z for z, _ in labels) + "），且" + "；".join(said_zh) + "。若这些图像用于商业目的，须就该用途取得"
         "单独同意（《个人信息保护法》第二十六条）；若不用于商业目的，应更正相关回答。",
         INCONSISTENT[1] + "the places section says the face images collected in the public place serve public "
         "security only, but the retention table keeps face images (" + ", ".join(e for _, e in labels)
         + ") and " + "; ".join(said_en) + ". If those images serve a commercial purpose, that use needs separate "
         "consent (PIPL Art. 26); if they do not, correct the answers."),
        ("查明保存的图像实际用于哪些目的；用于商业目的的，停止该用途或取得单独同意，并更正“公共场所与采集范围”部分的回答。",
         "Find out what the kept images are actually used for; for any commercial use, stop it or obtain separate "
         "consent, and correct the answer in the places section."),
        qs)

