"""Children under 14: Measures Art. 7; PIPL Art. 31; NDSR Art. 22(3); GB/T 35273 5.4 d); GB/T 41819.

The minors section is shown only when scope.minors_u14 is "yes". The guardian-consent obligations are also
cited by the scope gate itself, so these rules decide them on every answer to the gate: not applicable on
"no", not confirmed on "unknown", and from the section's answers on "yes".
"""

from __future__ import annotations

from pia_wizard.core.findings import VERDICT_ORDER
from pia_wizard.core.rules import Context, rule

GUARDIAN = ("FRM-07-GUARDIAN-CONSENT", "PIPL-31-GUARDIAN-CONSENT", "NDSR-22-MINOR-GUARDIAN",
            "GBT35273-5.4D-MINOR-CONSENT")
RULES = ("FRM-07-MINOR-RULES", "PIPL-31-SPECIAL-RULES")
GBT41819 = "GBT41819-MINORS-U14"
ALL = GUARDIAN + RULES + (GBT41819,)
GATE_CITED = ("FRM-07-GUARDIAN-CONSENT", "PIPL-31-GUARDIAN-CONSENT")  # cited by scope.minors_u14 itself

# Scenarios where children are usually among the people captured.
CHILD_HEAVY = ("school", "residential_access", "hotel_checkin")



def _worst(verdicts):
    return min(verdicts, key=VERDICT_ORDER.__getitem__)


CHILD_OWN = ("对不满十四周岁的儿童，所依据的是儿童本人的同意；不满十四周岁未成年人的同意须由其父母或其他监护人作出"
             "（《个人信息保护法》第三十一条、《办法》第七条），儿童本人的同意不是有效同意",
             "for children under 14 the consent relied on is the child's own, which is not valid consent: a parent "
             "or other guardian must consent for them (PIPL Art. 31; Measures Art. 7)")
NO_GUARDIAN = ("部分或全部不满十四周岁的儿童没有其父母或其他监护人的同意，处理他们的人脸信息没有有效同意"
               "（《个人信息保护法》第三十一条、《办法》第七条）",
               "some or all children under 14 have no parent's or other guardian's consent, so there is no valid "
               "consent for processing their facial information (PIPL Art. 31; Measures Art. 7)")


def child_consent_defect(ctx: Context) -> tuple[str, str] | None:
    """Why the consent relied on is not valid for the children under 14 whose faces are recognised, as a clause
    (zh, en) for the consent-based findings (Measures Arts. 6 and 8, PIPL Arts. 14 and 29, NDSR Art. 22, SPC
    Art. 4); None when every child has a guardian's consent, no child is recognised, or it is not yet answered.
    Under PIPL Art. 31 and Measures Art. 7 only a parent's or guardian's consent counts for them."""
    if ctx.answer("scope.minors_u14") != "yes" or ctx.answer("minors.recognised") != "recognised":
        return None
    consent, giver = ctx.answer("minors.guardian_consent"), ctx.answer("minors.consent_giver")
    if giver == "child":
        return CHILD_OWN
    if consent in ("no", "not_always") or giver == "nobody":
        return NO_GUARDIAN
    return None


@rule("minors.gate", *ALL)
def gate(ctx: Context):
    """scope.minors_u14 "no" or "unknown": decide every minors obligation, since the section stays hidden."""
    u14 = ctx.answer("scope.minors_u14")
    if u14 is None and ctx.shown("scope.minors_u14"):
        # The gate cites only the two guardian-consent duties; name it as the open question for the others too,
        # rather than letting the hidden section read as "not applicable".
        for ob in ALL:
            if ob not in GATE_CITED:
                yield ctx.finding(ob, "gap",
                                  ("评估尚未回答此项义务的问题：scope.minors_u14。",
                                   "The assessment does not answer this yet: scope.minors_u14."),
                                  ("回答相关问题，个人信息保护影响评估须覆盖此项义务。",
                                   "Answer the questions: the PIPIA must cover this obligation."),
                                  ["scope.minors_u14"])
    elif u14 == "no":
        note_zh = note_en = ""
        if ctx.answer("scope.deployment") in CHILD_HEAVY:
            label = ctx.bank.question("scope.deployment").option_label
            dep = ctx.answer("scope.deployment")
            note_zh = f"但“{label(dep, 'zh')}”场景通常会涉及儿童，请再次核实这一回答。"
            note_en = f" But {label(dep, 'en')} usually involves children: double-check this answer."
        action = None
        if note_zh:
            action = ("若今后可能采集儿童人脸（如家庭入住、儿童随家长进出），重新回答该问题并补充评估。",
                      "If children could be captured in future (family stays, children with their parents), answer "
                      "the question again and extend the assessment.")
        for ob in ALL:
            yield ctx.finding(
                ob, "not_applicable",
                ("评估人确认被采集人中没有不满十四周岁的未成年人，监护人同意和专门处理规则的要求不适用。" + note_zh,
                 "The assessor confirms that no one captured is under 14, so guardian consent and dedicated "
                 "rules for children do not apply." + note_en),
                action, ["scope.minors_u14"])
    elif u14 == "unknown":
        for ob in ALL:
            verdict = "advisory" if ob == GBT41819 else "gap"
            yield ctx.finding(
                ob, verdict,
                ("尚未确认被采集人中是否有不满十四周岁的未成年人。如果有，须取得其监护人同意并制定专门的处理规则，"
                 "这些都还没有评估。",
                 "It is not established whether anyone captured is under 14. If so, a guardian's consent and "
                 "dedicated rules are needed, and none of that has been assessed."),
                ("查明实际使用人群（如家庭入住、学生、随家长进出的儿童）；可能有儿童的，将该问题改答“是”并完成"
                 "未成年人部分。",
                 "Find out who actually uses the system (family stays, pupils, children with their parents); if "
                 "children are possible, answer Yes and complete the children section."),
                ["scope.minors_u14"])


def _guardian_problems(ctx: Context) -> list[tuple[str, tuple[str, ...], str, str, str, str]] | None:
    """Problems with guardian consent: (verdict, obligations, zh, en, action zh, action en). None = pending."""
    recognised = ctx.answer("minors.recognised")
    age = ctx.answer("minors.age_method")
    consent = ctx.answer("minors.guardian_consent")
    if recognised is None or (age is None and consent != "no"):
        return None
    out = []
    age_label = ctx.bank.question("minors.age_method").option_label
    if recognised == "excluded":
        if age == "not_determined":
            out.append(("gap", GUARDIAN,
                        "儿童本应改用其他方式，但系统不判断年龄，无法保证不会在未取得监护人同意的情况下录入或比对"
                        "儿童人脸。",
                        "Children are meant to use another method, but age is not checked, so nothing stops a "
                        "child's face being enrolled or compared without a guardian's consent.",
                        "建立年龄判断方式（如核验证件出生日期），确保儿童被引导到其他方式。",
                        "Put an age check in place (e.g. the date of birth on an ID document) so children are "
                        "steered to the other method."))
        elif age == "self_declaration":
            out.append(("advisory", GUARDIAN,
                        "儿童改用其他方式，但年龄只靠本人自报，儿童可能误入人脸识别流程。",
                        "Children use another method, but age rests on the person's own statement, so a child may "
                        "end up in face recognition.",
                        "改用证件、机构登记或监护人申报等可靠方式判断年龄。",
                        "Check age in a reliable way: an ID document, institution records or a guardian's "
                        "declaration."))
        return out

    if consent is None:
        return None
    giver = ctx.answer("minors.consent_giver")
    own = ("不满十四周岁未成年人本人的同意不是有效同意（《个人信息保护法》第三十一条、《办法》第七条）。",
           "A child under 14 cannot validly consent alone (PIPL Art. 31; Measures Art. 7).")
    if consent == "no":
        out.append(("gap", GUARDIAN,
                    "对儿童进行人脸识别，但没有取得其父母或其他监护人的同意。"
                    + ("所依据的是儿童本人的同意，" + own[0] if giver == "child" else ""),
                    "Children's faces are recognised without the consent of a parent or other guardian."
                    + (" The consent relied on is the child's own. " + own[1] if giver == "child" else ""),
                    "在取得监护人同意前停止录入和比对儿童人脸；已采集但无同意的，予以删除；同时为儿童提供其他方式。",
                    "Stop enrolling and comparing children's faces until a guardian consents; delete what was "
                    "captured without consent; offer children another method meanwhile."))
        return out
    if consent in ("before_capture", "not_always") and giver is None:
        return None
    if giver == "child":
        clash = (("回答称每名儿童在采集前都取得了监护人同意，但", "The answers say every child's guardian consents "
                  "before capture, but ") if consent == "before_capture" else ("", ""))
        out.append(("gap", GUARDIAN,
                    clash[0] + "至少部分儿童由本人自行同意（自己注册、勾选、点击或签字），没有监护人同意。" + own[0],
                    clash[1] + ("at" if clash[1] else "At") + " least some children consent themselves "
                    "(registering, ticking, clicking or signing on their own) with no guardian's consent. " + own[1],
                    "关闭儿童自行注册和自行同意的入口，改由监护人核实身份后代为同意；对只有儿童本人同意的，停止识别并"
                    "删除其人脸信息，取得监护人同意后再录入。",
                    "Close every way for children to register or consent on their own and have a verified guardian "
                    "consent for them; where only the child consented, stop recognising the child and delete the "
                    "facial information until a guardian consents."))
    elif giver == "nobody":
        out.append(("gap", GUARDIAN,
                    "回答称儿童和监护人都没有被征求同意，与取得监护人同意的回答相矛盾；按没有监护人同意处理。",
                    "The answers say neither children nor guardians are asked, which contradicts the answer that "
                    "guardians consent; treated as no guardian consent.",
                    "核实实际流程并更正回答；没有监护人同意的，停止录入和比对儿童人脸并删除已采集的信息。",
                    "Check the real process and correct the answers; without a guardian's consent, stop enrolling "
                    "and comparing children's faces and delete what was captured."))
    if consent == "other_basis":
        if not ctx.answered("minors.legal_basis"):
            return None
        if not ctx.text_is_substantive("minors.legal_basis", 15):
            out.append(("gap", GUARDIAN,
                        "称处理儿童人脸信息不以同意为依据，但没有写明具体依据。",
                        "The answer says processing children's faces does not rest on consent, but does not say what "
                        "it rests on.",
                        "写明合法性基础及所涉法规的名称和条款；找不到的，须取得监护人同意。",
                        "State the legal basis and name the provision; if there is none, obtain guardian consent."))
        return out
    if consent == "not_always":
        out.append(("gap", GUARDIAN,
                    "只在部分情况下取得监护人同意，其余儿童的人脸在没有监护人同意的情况下被处理。",
                    "Guardian consent is obtained only in some cases; other children's faces are processed without "
                    "it.",
                    "对每一名儿童都在采集前取得监护人同意；找出并删除无同意记录的儿童人脸信息。",
                    "Obtain a guardian's consent for every child before capture; find and delete children's facial "
                    "information that has no consent record."))
    if age == "not_determined":
        out.append(("gap", GUARDIAN,
                    "系统不判断年龄，无法知道哪些人需要取得监护人同意。",
                    "Age is not checked, so you cannot know whose guardian must consent.",
                    "建立可靠的年龄判断方式（证件、机构登记或监护人申报）。",
                    "Check age reliably (ID document, institution records or a guardian's declaration)."))
    elif age == "self_declaration":
        out.append(("advisory", GUARDIAN[:2],
                    f"年龄判断方式为“{age_label(age, 'zh')}”，儿童可能谎报或误选年龄而绕过监护人同意。",
                    f"Age is checked by \u201c{age_label(age, 'en')}\u201d; a child may misstate their age and "
                    "bypass guardian consent.",
                    "改用证件、机构登记或监护人申报等可靠方式判断年龄。",
                    "Check age in a reliable way: an ID document, institution records or a guardian's "
                    "declaration."))
    form = ctx.answer("minors.consent_form")
    if form is None or not ctx.answered("minors.consent_process"):
        return None
    if form == "implied":
        out.append(("gap", GUARDIAN,
                    "监护人“默认同意”或“未反对即视为同意”，不是明确作出的同意。",
                    "Consent is assumed by default or from the guardian's silence; that is not explicit consent.",
                    "改为监护人主动、单独地表示同意（签字或电子确认），并保存记录。",
                    "Have the guardian actively and separately consent (signature or electronic confirmation) and "
                    "keep the record."))
    elif form == "oral":
        out.append(("gap", GUARDIAN[:3],
                    "监护人只口头同意，没有记录；发生争议时单位须证明已取得同意，口头同意无法证明。",
                    "Guardians consent orally with no record; in a dispute your organisation must prove consent, "
                    "and oral consent cannot be proved.",
                    "改用书面签字或电子确认的方式取得同意，并保存同意记录。",
                    "Obtain consent by signature or electronic confirmation and keep the consent record."))
    if not ctx.text_is_substantive("minors.consent_process", 40):
        out.append(("gap", GUARDIAN[:2],
                    "没有说明如何确认监护人身份、如何记录同意以及监护人如何撤回同意。",
                    "The answers do not say how the guardian is identified, how consent is recorded or how a "
                    "guardian withdraws it.",
                    "写明取得、记录和撤回监护人同意的具体流程。",
                    "Describe the actual process for obtaining, recording and withdrawing guardian consent."))
    return out


@rule("minors.guardian-consent", *GUARDIAN)
def guardian_consent(ctx: Context):
    """Measures Art. 7, PIPL Art. 31(1), NDSR Art. 22(3), GB/T 35273 5.4 d): guardian consent for under-14s."""
    if ctx.answer("scope.minors_u14") != "yes":
        return
    problems = _guardian_problems(ctx)
    if problems is None:
        return
    qs = [q for q in ("minors.recognised", "minors.age_method", "minors.guardian_consent", "minors.consent_giver",
                      "minors.legal_basis", "minors.consent_form", "minors.consent_process") if ctx.shown(q)]
    recognised = ctx.answer("minors.recognised")
    consent = ctx.answer("minors.guardian_consent")
    for ob in GUARDIAN:
        mine = [p for p in problems if ob in p[1]]
        if mine:
            verdict = _worst([p[0] for p in mine])
            yield ctx.finding(
                ob, verdict,
                ("".join(p[2] for p in mine), " ".join(p[3] for p in mine)),
                ("".join(p[4] for p in mine), " ".join(p[5] for p in mine)),
                qs)
        elif recognised == "excluded":
            yield ctx.finding(
                ob, "not_applicable",
                ("不对儿童进行人脸识别，儿童改用其他方式，因此无需就人脸识别取得监护人同意。",
                 "Children are not put through face recognition; they use another method, so no guardian consent "
                 "for face recognition is needed."),
                ("确保设备不留存偶然拍到的儿童人脸。",
                 "Make sure the device keeps no incidental captures of children."),
                qs)
        elif consent == "other_basis":
            yield ctx.finding(
                ob, "not_applicable",
                ("处理儿童人脸信息不以同意为依据，而是依据所述的其他合法性基础；监护人同意的要求只适用于以同意为依据的"
                 "处理。所述依据已记录，供复核。",
                 "Processing children's facial information rests on the legal basis stated, not on consent; "
                 "guardian consent applies to consent-based processing. The basis is recorded for review."),
                ("请法务确认所述依据确实要求对儿童进行人脸识别，并仍向监护人告知。",
                 "Have legal counsel confirm that the basis really requires face recognition of "
                 "children, and still inform guardians."),
                qs)
        else:
            yield ctx.finding(
                ob, "compliant",
                ("对儿童进行人脸识别前，取得监护人明确同意并有记录，年龄判断方式可靠。",
                 "A guardian's explicit, recorded consent is obtained before a child's face is recognised, and age "
                 "is checked reliably."),
                None, qs)


CORE_TOPICS = ("guardian_consent", "retention_deletion", "guardian_rights")
RULES_ACTION = ("制定儿童人脸信息专门处理规则，至少写明监护人同意、保存期限与删除、监护人权利，并向监护人公开。",
                "Adopt dedicated rules for children's facial information covering at least guardian consent, "
                "retention and deletion, and guardians' rights, and make them available to guardians.")


@rule("minors.dedicated-rules", *RULES)
def dedicated_rules(ctx: Context):
    """PIPL Art. 31(2) and (per secondary sources) Measures Art. 7: dedicated rules for under-14s."""
    if ctx.answer("scope.minors_u14") != "yes":
        return
    has = ctx.answer("minors.dedicated_rules")
    if has is None:
        return
    excluded = ctx.answer("minors.recognised") == "excluded"
    qs = ["minors.dedicated_rules", "minors.rules_cover"]
    if has in ("no", "unknown"):
        verdict = "advisory" if excluded else "gap"
        not_zh = "没有" if has == "no" else "未确认是否有"
        not_en = "There are no" if has == "no" else "It is not confirmed that there are"
        if excluded:
            zh = f"{not_zh}针对儿童的专门处理规则。儿童不进行人脸识别，但其人脸仍可能被设备拍到，写明如何处理更稳妥。"
            en = (f"{not_en} dedicated rules for children. Children are not put through face recognition, but the "
                  "device may still capture their faces; setting out how that is handled is safer.")
        else:
            zh = f"对儿童进行人脸识别，但{not_zh}专门的个人信息处理规则。"
            en = f"Children's faces are recognised, but {not_en.lower()} dedicated processing rules for them."
        for ob in RULES:
            yield ctx.finding(ob, verdict, (zh, en), RULES_ACTION, qs)
        return
    cover = ctx.answer("minors.rules_cover")
    if cover is None:
        return
    needed = [t for t in CORE_TOPICS
              if not (t == "guardian_consent" and (excluded or ctx.answer("minors.guardian_consent") == "other_basis"))]
    missing = [t for t in needed if t not in cover]
    label = ctx.bank.question("minors.rules_cover").option_label
    for ob in RULES:
        if missing:
            yield ctx.finding(
                ob, "advisory",
                ("专门规则缺少核心内容：" + "；".join(label(t, "zh") for t in missing) + "。",
                 "The dedicated rules leave out core topics: " + "; ".join(label(t, "en") for t in missing) + "."),
                ("在专门规则中补充上述内容。", "Add these topics to the dedicated rules."),
                qs)
        else:
            yield ctx.finding(
                ob, "compliant",
                ("已制定儿童人脸信息专门处理规则，涵盖监护人同意、保存与删除、监护人权利等核心内容。",
                 "Dedicated rules for children's facial information exist and cover the core topics: guardian "
                 "consent, retention and deletion, and guardians' rights."),
                None, qs)


def excerpt(text: str, limit: int = 180) -> str:
    """A free-text answer shortened for quoting in a finding: whole if short, else cut at a sentence end."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    head = flat[:limit]
    cut = max(head.rfind(mark) for mark in "。；;.!?！？")
    return head[:cut + 1] + "…" if cut >= 40 else head + "…"


@rule("minors.gbt41819-u14", GBT41819)
def gbt41819_u14(ctx: Context):
    """GB/T 41819 (draft, unverified for the final): in principle no face recognition of under-14s."""
    if ctx.answer("scope.minors_u14") != "yes":
        return
    recognised = ctx.answer("minors.recognised")
    if recognised is None:
        return
    qs = ["minors.recognised", "minors.necessity"]
    if recognised == "excluded":
        yield ctx.finding(
            GBT41819, "compliant",
            ("不对儿童进行人脸识别，儿童改用其他方式，符合 GB/T 41819-2022 的建议（该条款正式版措辞未核实）。",
             "Children are not put through face recognition and use another method, in line with GB/T "
             "41819-2022 (final wording of that clause unverified)."),
            None, qs)
    elif not ctx.answered("minors.necessity"):
        return
    elif ctx.text_is_substantive("minors.necessity", 30):
        quoted = excerpt(ctx.answer("minors.necessity"))
        yield ctx.finding(
            GBT41819, "advisory",
            ("对不满十四周岁的儿童进行人脸识别，偏离了 GB/T 41819-2022 原则上不应对其进行人脸识别的建议"
             f"（推荐性标准，正式版措辞未核实）。评估中记录的必要性说明：“{quoted}”。这是对推荐性标准的有记录的偏离，"
             "不是违法结论；监护人同意、专门规则等法定要求另见相关结论。",
             "Children under 14 are put through face recognition, departing from GB/T 41819-2022's "
             "recommendation not to do so in principle (a recommended standard; final wording unverified). The "
             f"necessity recorded in this assessment: \"{quoted}\". This is a documented departure from a "
             "recommended standard, not a finding of unlawfulness; the legal duties (guardian consent, dedicated "
             "rules) are assessed in their own findings."),
            ("尽量让儿童改用刷卡、人工核验等非人脸方式，把儿童排除在识别之外；确需保留的，只对监护人主动选择的儿童"
             "建库，并在每次复评时重新审视该必要性。",
             "Where you can, move children to a card, a staff check or another non-face method and exclude them "
             "from recognition; if it must stay, enrol only children whose guardians actively choose it, and "
             "re-examine the necessity at every review."),
            qs)
    else:
        yield ctx.finding(
            GBT41819, "advisory",
            ("对儿童进行人脸识别，但没有说明为什么必须这样做。GB/T 41819-2022（推荐性标准，正式版措辞未核实）"
             "建议原则上不对不满十四周岁的未成年人进行人脸识别。",
             "Children's faces are recognised without saying why this is necessary. GB/T 41819-2022 (a "
             "recommended standard; final wording unverified) advises against face recognition of children "
             "under 14 in principle."),
            ("为儿童提供刷卡、人工核验等方式，或书面说明对儿童使用人脸识别的必要性。",
             "Give children a card, a staff check or another method, or document why face recognition of "
             "children is necessary."),
            qs)
