"""Legal basis and consent rules: Measures Art. 6; PIPL Arts. 13-15, 29; NDSR Art. 22; SPC 2021 provisions
Arts. 4 and 11; GB/T 35273-2020 5.4 c) and GB/T 41819-2022 (recommended).

The consent rules apply only where consent is the basis (or the basis is not yet decided, when the consent
questions are still asked). Under Measures Art. 6 each defect of consent - not separate, not voluntary, not
explicit, not informed - is a finding of its own, and so is the lack of a convenient withdrawal
(FRM-06-WITHDRAW, a data check on consent.withdrawal).

Whether consent is voluntary depends on what happens to people who decline and on how face recognition is
presented. The Alternatives section asks those facts once, for every deployment (alternatives.offered,
.convenience, .refusal_consequences, .presentation); the rules here read its answers through :class:`Refusal`
and wait (yield nothing) until they are given. This section asks only what is specific to asking for consent:
bundling and inducements (consent.pressure_practices)."""

from __future__ import annotations

from pia_wizard.core.rules import Context, rule
from pia_wizard.core.rules.alternatives import Alt
from pia_wizard.core.rules.minors import child_consent_defect
from pia_wizard.core.rules.purpose import Issue, labels, specific_text

CONSENT_BASES = ("consent", "not_determined")
# Obligations that attach only to consent-based processing (PIPL Art. 13 para 2; NDSR Art. 22 opening words;
# Measures Art. 6 "基于个人同意处理人脸信息的").
CONSENT_ONLY = (
    "FRM-06-SEPARATE-CONSENT", "FRM-06-WITHDRAW", "PIPL-14-CONSENT-QUALITY", "PIPL-14-RECONSENT-ON-CHANGE",
    "PIPL-15-WITHDRAWAL", "PIPL-29-SEPARATE-CONSENT", "PIPL-29-WRITTEN-CONSENT", "NDSR-22-NECESSARY-NO-MISLEAD",
    "NDSR-22-BIOMETRIC-SEPARATE-CONSENT", "NDSR-22-WITHIN-CONSENT-SCOPE", "NDSR-22-NO-REPEATED-REQUESTS",
    "NDSR-22-RECONSENT-ON-CHANGE", "SPC-04-CONSENT-DEFENCE", "GBT35273-5.4C-EXPLICIT-CONSENT",
    "GBT41819-EXPLICIT-CONSENT", "GBT41819-NO-REPEAT-PROMPT",
)
# No basis is claimed and nobody is asked (passive capture): the obligations that consent would have met are gaps;
# the ones that govern a consent already given (withdrawal, repeated requests, scope, change, written form) have
# nothing to attach to.
NONE_CLAIMED = "none_claimed"
NO_CONSENT_GAPS = ("FRM-06-SEPARATE-CONSENT", "PIPL-14-CONSENT-QUALITY", "PIPL-29-SEPARATE-CONSENT",
                   "NDSR-22-BIOMETRIC-SEPARATE-CONSENT", "SPC-04-CONSENT-DEFENCE")
NOT_EXPLICIT = ("implied", "default_on")
NOT_BEFORE = ("during_capture", "after_capture", "none")
# The Alternatives questions the voluntariness rules read (shown for every deployment).
ALT_QS = ("alternatives.offered", "alternatives.convenience", "alternatives.refusal_consequences",
          "alternatives.presentation")
STATE_QS = ("alternatives.state_rule", "alternatives.state_rule_citation")
# alternatives.presentation: ways of steering people into face recognition (misleading or pressure).
# Short phrases (no inner punctuation), so that several can be listed in one sentence.
STEERING: dict[str, Issue] = {
    "says_mandatory": ("把刷脸说成必须", "face recognition is presented as required"),
    "false_claims": ("对刷脸作不真实的说明", "face recognition is described untruthfully"),
    "alternative_hidden": ("不主动告知其他方式", "the other ways are not mentioned"),
    "default_nudge": ("界面默认引导刷脸", "screens steer people into face recognition by default"),
    "pressure": ("员工反复劝说或拒绝后反复提示", "staff keep urging people or prompts return after a refusal"),
    "not_asked": ("识别前既不说明也不询问", "nobody is told or asked before being recognised"),
}
FORCED = ("says_mandatory", "pressure", "not_asked")  # SPC Art. 4(3): consent forced openly or in disguise


def _consent_basis(ctx: Context) -> bool:
    return ctx.answer("consent.basis") in CONSENT_BASES


def _all_answered(ctx: Context, *qids: str) -> bool:
    return all(ctx.answer(q) is not None for q in qids)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def _basis_label(ctx: Context) -> tuple[str, str]:
    return labels(ctx, "consent.basis", [ctx.answer("consent.basis")])


class Refusal:
    """Whether saying no is a free choice: what declining costs and how people are steered (asked once, in the
    Alternatives section), plus bundling and inducements (consent.pressure_practices)."""

    def __init__(self, ctx: Context):
        alt = Alt(ctx)
        practices = ctx.answer("consent.pressure_practices")
        convenience = ctx.answer("alternatives.convenience")  # shown only when another way is offered
        # alternatives.offered is hidden for FRT R&D or training only (no one is verified): not missing then.
        offered = alt.offered if ctx.shown("alternatives.offered") else []
        self.answered = (None not in (practices, offered, alt.conseq, alt.present)
                         and (alt.no_choice or convenience is not None or not ctx.shown("alternatives.offered")))
        practices, conseq, present = practices or [], alt.conseq or [], alt.present or []
        self.bundled = "bundled" in practices
        # Declining means no service: face recognition is the only way, everyone in view is recognised, or people
        # are refused (or cannot refuse) in practice.
        self.denied = alt.no_choice or alt.cannot_refuse or "service_refused" in conseq
        self.denied_issue: Issue = (
            ("只能刷脸，不同意就无法办理", "face recognition is the only way, so people who decline cannot get the "
             "service") if alt.face_only else
            ("设备识别进入画面的每一个人，不同意的人无从拒绝", "the device recognises everyone who comes into view, "
             "so people who do not agree cannot refuse") if alt.cannot_refuse else
            ("不同意刷脸的人实际中无法获得服务", "in practice people who decline cannot get the service"))
        # A named State rule requires face recognition, so it is necessary for the service (SPC Art. 4(1),
        # NDSR Art. 22(1)); pending while nobody can use another way and that is not yet answered.
        self.necessary = alt.state_ok
        self.pending = alt.no_choice and alt.state_pending
        self.steering = [p for p in STEERING if p in present]
        self.coerced: list[Issue] = []
        if "penalised" in conseq:
            self.coerced.append(("不刷脸会受处分或被扣款", "people who decline are disciplined or docked pay"))
        if "extra_fee" in conseq:
            self.coerced.append(("不刷脸须额外付费或交押金", "people who decline must pay extra or a deposit"))
        self.doubts: list[Issue] = []
        if convenience == "much_less":
            self.doubts.append(("其他方式明显不如刷脸便捷", "the other ways are much less convenient"))
        if "must_justify" in conseq:
            self.doubts.append(("不刷脸须说明理由或经审批", "people who decline must give reasons or get approval"))
        if "lose_benefit" in conseq:
            self.doubts.append(("不刷脸会失去优惠或权益", "people who decline lose discounts or benefits"))
        if "inducement" in practices:
            self.doubts.append(("以额外好处换取刷脸同意", "extra benefits are offered for consenting to face "
                                "recognition"))
        self.qs = [q for q in ("consent.pressure_practices", *ALT_QS) if ctx.shown(q)]
        self.state_qs = [q for q in STATE_QS if ctx.shown(q)] if alt.no_choice else []

    def steering_issues(self, values: list[str] | None = None) -> list[Issue]:
        return [STEERING[p] for p in (self.steering if values is None else values)]


def _joined(prefix: Issue, issues: list[Issue]) -> Issue:
    """A list of short issues in one sentence: 'A、B、C' and 'A, B and C'."""
    en = [i[1] for i in issues]
    en_text = en[0] if len(en) == 1 else ", ".join(en[:-1]) + " and " + en[-1]
    return prefix[0] + "、".join(i[0] for i in issues), prefix[1] + en_text


@rule("consent.basis-gate", *CONSENT_ONLY)
def basis_gate(ctx: Context):
    """The consent rules do not apply when processing rests on another PIPL Art. 13 basis."""
    basis = ctx.answer("consent.basis")
    if basis is None or basis in CONSENT_BASES:
        return
    if basis == NONE_CLAIMED:
        yield from _none_claimed(ctx)
        return
    zh, en = _basis_label(ctx)
    for ob in CONSENT_ONLY:
        yield ctx.finding(
            ob, "not_applicable",
            (f"处理不以个人同意为基础（合法性基础：{zh}），同意规则不适用。若该基础不成立，须改为取得单独同意，"
             "届时须回答本部分的同意问题。注意：人脸信息存储在设备以外或通过互联网对外传输的，仍须依《办法》第八条"
             "取得单独同意。",
             f"Processing does not rest on consent (legal basis: {en}), so the consent rules do not apply. If "
             "that basis fails, separate consent is needed and the consent questions of this section must be "
             "answered. Note that storing facial information outside the device or sending it over the internet "
             "still needs separate consent under Measures Art. 8."),
            None, ["consent.basis"])


NO_CONSENT_ACTION = ("停止处理，删除已采集的人脸信息。确需继续的，改为只识别事先单独、明确同意并自愿登记的人，"
                     "不同意的人不被"
                     "识别、不受任何不利影响；或写明要求这样处理的法律、行政法规。",
                     "Stop the processing and delete the facial information collected. If it must continue, recognise "
                     "only people who have given separate, explicit consent and enrolled of their own accord, with "
                     "no recognition of and no disadvantage for anyone else; or name the law or administrative "
                     "regulation that requires the processing.")


def _none_claimed(ctx: Context):
    """No legal basis is claimed and nobody is asked: consent is missing, not inapplicable."""
    qs = ["consent.basis"]
    missing = {
        "FRM-06-SEPARATE-CONSENT": ("处理人脸信息既不征求本人意见，也不依据其他合法性基础，"
                                    "没有取得《办法》第六条要求的单独同意。",
                                    "Facial information is processed without asking anyone and on no other legal "
                                    "basis, so there is none of the separate consent Measures Art. 6 requires."),
        "PIPL-14-CONSENT-QUALITY": ("没有取得任何同意，更谈不上充分知情、自愿、明确的同意。",
                                    "No consent of any kind is obtained, let alone informed, voluntary and explicit "
                                    "consent."),
        "PIPL-29-SEPARATE-CONSENT": ("人脸信息是敏感个人信息，处理须取得单独同意；"
                                     "本处理既不征求同意，也不依据其他合法性基础。",
                                     "Facial information is sensitive PI, which needs separate consent; this "
                                     "processing asks nobody and rests on no other legal basis."),
        "NDSR-22-BIOMETRIC-SEPARATE-CONSENT": ("生物识别信息须取得单独同意；本处理不征求任何人的同意。",
                                               "Biometric information needs separate consent; this processing asks "
                                               "nobody."),
        "SPC-04-CONSENT-DEFENCE": ("没有取得任何同意，发生诉讼时没有可以援引的同意抗辩。",
                                   "No consent is obtained, so in a lawsuit there is no consent to rely on as a "
                                   "defence."),
    }
    for ob in CONSENT_ONLY:
        if ob in missing:
            yield ctx.finding(ob, "gap", missing[ob], NO_CONSENT_ACTION, qs)
        else:
            yield ctx.finding(
                ob, "not_applicable",
                ("不征求任何人的同意，撤回、不重复征求、限于同意范围、变更时重新同意和书面同意等要求没有可以附着的"
                 "同意；缺少同意本身已在《办法》第六条、《个人信息保护法》第二十九条的结论中记为不合规。改为征求同意后，"
                 "须回答本部分的同意问题。",
                 "Nobody is asked to consent, so the duties that govern a consent once given (withdrawal, no repeated "
                 "requests, staying within the consent, fresh consent on change, written form) have nothing to "
                 "attach to; the missing consent itself is recorded as a gap under Measures Art. 6 and PIPL Art. "
                 "29. Once consent is sought, answer the consent questions of this section."),
                None, qs)


@rule("consent.legal-basis", "PIPL-13-LEGAL-BASIS")
def legal_basis(ctx: Context):
    """PIPL Art. 13: one identified basis that really fits face recognition."""
    basis = ctx.answer("consent.basis")
    if basis is None:
        return
    zh, en = _basis_label(ctx)
    qs = ["consent.basis", "consent.basis_reason", "consent.hr_rules"]
    switch = ("改为以单独同意为基础，同时提供不刷脸的替代方式。",
              "Rely on separate consent instead, and offer a way that does not involve face recognition.")
    if basis == "consent":
        yield ctx.finding("PIPL-13-LEGAL-BASIS", "compliant",
                          ("以个人同意为合法性基础；同意是否有效，见本部分其他各项。",
                           "Processing rests on consent; whether the consent is valid is covered by the other "
                           "findings of this section."), None, ["consent.basis"])
        return
    if basis == NONE_CLAIMED:
        yield ctx.finding("PIPL-13-LEGAL-BASIS", "gap",
                          ("处理人脸信息不主张任何合法性基础，也不征求本人意见。《个人信息保护法》第十三条只允许在具备该条"
                           "所列情形之一时处理个人信息；没有合法性基础的处理本身就是违法的。",
                           "No legal basis is claimed for processing facial information, and nobody is asked. PIPL "
                           "Art. 13 allows processing only in one of the cases it lists; processing with no legal "
                           "basis is unlawful in itself."),
                          NO_CONSENT_ACTION, ["consent.basis"])
        return
    if basis == "not_determined":
        yield ctx.finding("PIPL-13-LEGAL-BASIS", "gap",
                          ("尚未确定处理人脸信息的合法性基础。", "The legal basis for processing facial information "
                           "has not been decided."),
                          ("确定合法性基础。多数场景应以单独同意为基础；本部分的同意问题已按此展开。",
                           "Decide the legal basis. In most settings it should be separate consent; the consent "
                           "questions of this section assume so."), ["consent.basis"])
        return
    if basis in ("news", "public_info"):
        yield ctx.finding("PIPL-13-LEGAL-BASIS", "gap",
                          (f"“{zh}”不能作为人脸识别应用的合法性基础：现场采集的人脸不是已经合法公开的个人信息，"
                           "身份核验或通行也不是新闻报道、舆论监督。",
                           f"\"{en}\" cannot support a face-recognition deployment: faces captured on site are "
                           "not lawfully public information, and identity checks or access control are not news "
                           "reporting or public-opinion supervision."), switch, ["consent.basis"])
        return
    reason = ctx.answer("consent.basis_reason")
    if reason is None:
        return
    if not specific_text(ctx, "consent.basis_reason"):
        yield ctx.finding("PIPL-13-LEGAL-BASIS", "gap",
                          (f"以“{zh}”为基础，但没有具体说明为什么适用，或没有写明所依据的规定。",
                           f"The basis is \"{en}\", but there is no specific account of why it applies, or the "
                           "provision relied on is not named."),
                          ("写明处理人脸信息为什么是“必需”的；依据法律法规的，写明名称和条款。",
                           "Explain why processing facial information is necessary; if you rely on a law or "
                           "regulation, name it and the article."), qs)
        return
    if basis == "hr_management":
        rules_ok = ctx.answer("consent.hr_rules")
        if rules_ok is None:
            return
        if rules_ok != "yes":
            if rules_ok == "no":
                why = ("以人力资源管理为基础，但刷脸考勤或门禁没有写入依法制定的劳动规章制度或集体合同。",
                       "The basis is HR management, but face attendance or access is not in lawfully made labour "
                       "rules or a collective contract.")
            else:
                why = ("以人力资源管理为基础，但尚未确认刷脸考勤或门禁已写入依法制定的劳动规章制度或集体合同。",
                       "The basis is HR management, but it is not confirmed that face attendance or access is in "
                       "lawfully made labour rules or a collective contract.")
            yield ctx.finding(
                "PIPL-13-LEGAL-BASIS", "gap", why,
                ("按《劳动合同法》第四条的民主程序把刷脸考勤写入规章制度并公示；或者" + switch[0],
                 "Put face attendance into the labour rules through the democratic procedure of Labour Contract "
                 "Law Art. 4 and make them known; or " + switch[1][:1].lower() + switch[1][1:]), qs)
            return
        contested = (
            "以人力资源管理为基础，且已写入依法制定的规章制度，但这一基础能否支撑刷脸考勤有争议：它要求“必需”，"
            "而《办法》第十条要求存在非人脸方式时不得以人脸识别为唯一方式，员工不同意的须提供其他方式；"
            "员工既然可以不刷脸，刷脸就难说是“必需”。",
            "The basis is HR management and the labour rules are lawfully made, but whether this basis can "
            "support face attendance is debated: it requires necessity, while Measures Art. 10 forbids face "
            "recognition as the only method where a non-face method exists and requires another method for "
            "staff who do not agree; if staff can opt out, face recognition is hard to call necessary.")
        if ctx.answer("consent.separate") == "yes":
            yield ctx.finding(
                "PIPL-13-LEGAL-BASIS", "advisory",
                (contested[0] + "已另行取得每名员工的单独同意，这在该基础不成立时可以作为依据；但用人单位与员工地位"
                 "不对等，只有员工可以拒绝或撤回、且不受任何不利影响时，这种同意才站得住。",
                 contested[1] + " Each employee's separate consent has also been obtained, which can carry the "
                 "processing if that basis fails; but employer and employee are not equals, so the consent holds "
                 "only if staff can refuse or withdraw it without any disadvantage."),
                ("保留单独同意的记录；在告知和处理规则中如实写明规章制度和单独同意两项依据，并写明员工可以拒绝或撤回"
                 "同意、改用刷卡等方式；员工撤回同意的，立即停止对其刷脸、删除其人脸信息，不得因此给予任何不利待遇。",
                 "Keep the records of separate consent; state both bases (the labour rules and separate consent) "
                 "truthfully in the notice and processing rules, with the fact that staff may refuse or withdraw "
                 "consent and use a card or another way instead; when an employee withdraws, stop face "
                 "recognition for them at once and delete their facial information, with no disadvantage of any "
                 "kind."),
                [*qs, "consent.separate"])
            return
        yield ctx.finding(
            "PIPL-13-LEGAL-BASIS", "advisory", contested,
            ("较稳妥的做法是同时取得员工的单独同意，并提供打卡、刷卡等替代方式，不同意的员工不受任何不利影响。",
             "The safer course is to also obtain each employee's separate consent and offer a card or PIN "
             "alternative, with no disadvantage for staff who decline."), qs)
        return
    if basis in ("contract", "emergency"):
        if basis == "contract":
            why = ("以合同履行为基础，须证明不刷脸就无法订立或履行合同；由于《办法》第十条要求存在非人脸方式时"
                   "提供替代，人脸识别很少是合同所“必需”的。",
                   "The basis is the contract, which requires showing the contract cannot be made or performed "
                   "without face recognition; since Measures Art. 10 requires an alternative where a non-face "
                   "method exists, face recognition is seldom necessary for a contract.")
        else:
            why = ("以紧急情况为基础，只在突发事件或紧急情况持续期间、为应对所必需的范围内成立，不能支撑日常长期使用。",
                   "The basis is an emergency, which holds only while the emergency lasts and only as far as "
                   "needed to deal with it; it cannot support routine, long-term use.")
        yield ctx.finding("PIPL-13-LEGAL-BASIS", "advisory", why,
                          ("请法务复核该基础是否成立；不能确定的，" + switch[0],
                           "Have legal counsel confirm the basis holds; if in doubt, " + switch[1][:1].lower()
                           + switch[1][1:]), qs)
        return
    # legal_duty, other_law
    yield ctx.finding(
        "PIPL-13-LEGAL-BASIS", "compliant",
        (f"以“{zh}”为基础，并写明了所依据的规定。请确认该规定要求的是人脸识别本身，而不只是核验身份。",
         f"The basis is \"{en}\" and the provision relied on is named. Make sure it requires face recognition "
         "itself, not just an identity check."), None, qs)


def _defects(ctx: Context, record_kept: bool = True) -> dict[str, tuple[str, Issue]] | None:
    """Each defect of consent under Measures Art. 6, as {element: (verdict, (zh, en))}; None while unanswered.
    ``record_kept=False`` leaves out whether consents are recorded (PIPL Art. 14 does not ask it)."""
    refusal = Refusal(ctx)
    needed = ("consent.separate", "consent.method") + (("consent.record",) if record_kept else ())
    if not _consent_basis(ctx) or not refusal.answered or not _all_answered(ctx, *needed):
        return None
    separate, method = ctx.answer("consent.separate"), ctx.answer("consent.method")
    out: dict[str, tuple[str, Issue]] = {}

    if separate == "no" or refusal.bundled:
        out["separate"] = ("gap", ("同意不是单独作出的：人脸识别的同意与隐私政策、用户协议、登记或合同等"
                                   "其他授权捆绑在一起",
                                   "consent is not separate: agreement to face recognition is bundled with a "
                                   "privacy policy, user terms, registration, a contract or other authorisations"))
    elif separate == "unknown":
        out["separate"] = ("gap", ("尚未确认同意是单独作出的", "it is not confirmed that consent is separate"))

    gaps = ([refusal.denied_issue] if refusal.denied else []) + refusal.coerced + refusal.steering_issues()
    if gaps:
        issues = list(gaps)
        if refusal.doubts:
            zh, en = _joined(("另外，", "voluntariness is also doubtful because "), refusal.doubts)
            issues.append((zh + "，也使自愿性存疑", en))
        if refusal.denied and refusal.necessary:
            issues.append(("如确有国家规定要求刷脸，应以“为履行法定职责或者法定义务所必需”为合法性基础，而不是同意",
                           "if a State rule really requires face recognition, rely on \"necessary to perform a "
                           "statutory duty or obligation\" as the legal basis, not on consent"))
        out["voluntary"] = ("gap", ("同意不是自愿作出的：" + "；".join(i[0] for i in issues),
                                    "consent is not voluntary: " + "; ".join(i[1] for i in issues)))
    elif refusal.doubts:
        zh, en = _joined(("同意的自愿性存疑：", "voluntariness is doubtful: "), refusal.doubts)
        out["voluntary"] = ("advisory", (zh + "，可能被认定为变相强迫", en + " - which may be seen as disguised "
                                         "coercion"))

    if method in NOT_EXPLICIT:
        zh, en = labels(ctx, "consent.method", [method])
        out["explicit"] = ("gap", (f"同意不是明确作出的：{zh}", f"consent is not explicit: {en}"))

    child = child_consent_defect(ctx)
    if child is not None:
        out["guardian"] = ("gap", child)

    timing = ctx.answer("notice.timing")
    if timing in NOT_BEFORE:
        out["informed"] = ("gap", ("同意不是在充分知情的前提下作出的：采集前本人没有得到告知",
                                   "consent is not given with full knowledge: people are not told before capture"))

    record = ctx.answer("consent.record")
    if record_kept and record != "yes":
        out["record"] = ("advisory", ("同意没有逐一留存记录，发生争议时难以证明" if record == "no"
                                      else "尚未确认同意有记录可查",
                                      "consents are not recorded one by one, so they are hard to prove in a "
                                      "dispute" if record == "no" else "it is not confirmed that consents are "
                                      "recorded"))
    return out


_ART6_ACTIONS: dict[str, tuple[str, str]] = {
    "separate": ("为人脸识别设置单独的同意步骤（专门的勾选框、按钮或签字），不与其他授权捆绑。",
                 "Give face recognition a consent step of its own (a dedicated tick box, button or signature), not "
                 "bundled with any other authorisation."),
    "voluntary": ("确保不同意的人能以同样便捷的方式办理，不受任何不利影响；如实说明刷脸是可选的，停止催促和诱导。",
                  "Make sure people who decline are served just as conveniently with no disadvantage; say plainly "
                  "that face recognition is optional, and stop urging or inducing people."),
    "explicit": ("改为由本人在刷脸前主动勾选、点击同意或签字，不预先勾选，不以进入区域推定同意。",
                 "Have people actively tick, click or sign before face capture - nothing pre-ticked, and no "
                 "consent presumed from entering the area."),
    "informed": ("先告知、后采集：本人看完告知后再决定是否同意。",
                 "Notice first, capture after: people decide whether to consent after reading the notice."),
    "record": ("逐一记录同意（谁、何时、渠道、告知版本），并与处理记录一起保存。",
               "Record each consent (who, when, channel, notice version) and keep it with the processing records."),
    "guardian": ("对不满十四周岁的儿童，改由核实身份的父母或其他监护人单独作出同意；"
                 "没有监护人同意的，停止识别并删除其人脸"
                 "信息。",
                 "For children under 14, have a parent or other guardian, whose identity is checked, give the "
                 "separate consent; where there is none, stop recognising the child and delete the facial "
                 "information."),
}
CHILD_QS = ("minors.recognised", "minors.guardian_consent", "minors.consent_giver")


@rule("consent.art6-separate-consent", "FRM-06-SEPARATE-CONSENT")
def art6_separate_consent(ctx: Context):
    """Measures Art. 6: separate consent, voluntary and explicit, with full knowledge - one finding per defect."""
    defects = _defects(ctx)
    if defects is None:
        return
    qs = ["consent.separate", "consent.method", "consent.record", *Refusal(ctx).qs]
    if not defects:
        yield ctx.finding("FRM-06-SEPARATE-CONSENT", "compliant",
                          ("同意是在知情的前提下单独、自愿、明确作出的，并有记录。",
                           "Consent is separate, voluntary, explicit and informed, and it is recorded."), None, qs)
        return
    for element, (verdict, (zh, en)) in defects.items():
        extra = (["notice.timing"] if element == "informed" else
                 [q for q in CHILD_QS if ctx.shown(q)] if element == "guardian" else [])
        yield ctx.finding("FRM-06-SEPARATE-CONSENT", verdict, (zh + "。", _sentence(en)),
                          _ART6_ACTIONS[element], qs + extra)


@rule("consent.pipl14-quality", "PIPL-14-CONSENT-QUALITY")
def pipl14_quality(ctx: Context):
    """PIPL Art. 14: informed, voluntary, explicit; separate consent where the law requires it (Art. 29)."""
    defects = _defects(ctx, record_kept=False)
    if defects is None:
        return
    qs = ["consent.separate", "consent.method", *Refusal(ctx).qs]
    if "guardian" in defects:
        qs += [q for q in CHILD_QS if ctx.shown(q)]
    if not defects:
        yield ctx.finding("PIPL-14-CONSENT-QUALITY", "compliant",
                          ("同意在充分知情的前提下自愿、明确作出，并且是法律要求的单独同意。",
                           "Consent is informed, voluntary and explicit, and separate as the law requires."),
                          None, qs)
        return
    verdict = "gap" if any(v == "gap" for v, _ in defects.values()) else "advisory"
    yield ctx.finding(
        "PIPL-14-CONSENT-QUALITY", verdict,
        ("同意不符合《个人信息保护法》第十四条：" + "；".join(i[0] for _, i in defects.values()) + "。",
         "Consent does not meet PIPL Art. 14: " + "; ".join(i[1] for _, i in defects.values()) + "."),
        ("重新设计同意流程：先告知、单独征求、由本人主动确认，不同意的人不受任何不利影响。",
         "Redesign the consent flow: notice first, a separate request, an active confirmation by the person, and "
         "no disadvantage for anyone who declines."), qs)


@rule("consent.separate-consent", "PIPL-29-SEPARATE-CONSENT", "NDSR-22-BIOMETRIC-SEPARATE-CONSENT")
def separate_consent(ctx: Context):
    """PIPL Art. 29 and NDSR Art. 22(2): separate consent for sensitive (biometric) PI, not bundled."""
    if not _consent_basis(ctx) or not _all_answered(ctx, "consent.separate", "consent.pressure_practices"):
        return
    separate = ctx.answer("consent.separate")
    bundled = "bundled" in ctx.answer("consent.pressure_practices")
    qs = ["consent.separate", "consent.pressure_practices"]
    child = child_consent_defect(ctx)
    if separate == "yes" and not bundled and child is None:
        for ob in ("PIPL-29-SEPARATE-CONSENT", "NDSR-22-BIOMETRIC-SEPARATE-CONSENT"):
            yield ctx.finding(ob, "compliant", ("就人脸信息单独取得了同意。", "Separate consent is obtained for the "
                                                "facial information."), None, qs)
        return
    if separate == "yes" and not bundled:
        why = ("就人脸信息单独取得了同意，但" + child[0] + "。",
               "Separate consent is obtained for the facial information, but " + child[1] + ".")
        for ob in ("PIPL-29-SEPARATE-CONSENT", "NDSR-22-BIOMETRIC-SEPARATE-CONSENT"):
            yield ctx.finding(ob, "gap", why, _ART6_ACTIONS["guardian"], qs + [q for q in CHILD_QS if ctx.shown(q)])
        return
    if separate == "unknown" and not bundled:
        why = ("尚未确认是否就人脸信息单独取得同意。", "It is not confirmed that separate consent is obtained for the "
               "facial information.")
    else:
        why = ("人脸信息是生物识别信息，属于敏感个人信息，但同意没有单独取得，而是与其他授权一并作出。",
               "Facial information is biometric and therefore sensitive PI, but consent is not obtained "
               "separately - it is given together with other authorisations.")
    for ob in ("PIPL-29-SEPARATE-CONSENT", "NDSR-22-BIOMETRIC-SEPARATE-CONSENT"):
        yield ctx.finding(ob, "gap", why, _ART6_ACTIONS["separate"], qs)


@rule("consent.no-misleading", "NDSR-22-NECESSARY-NO-MISLEAD")
def no_misleading(ctx: Context):
    """NDSR Art. 22(1): collect only what the service needs; no consent by misleading, fraud or coercion."""
    refusal = Refusal(ctx)
    if not _consent_basis(ctx) or not refusal.answered:
        return
    gaps: list[Issue] = []
    if refusal.steering:
        gaps.append(_joined(("以误导或施压的方式取得同意：", "consent is obtained by misleading or pressure: "),
                            refusal.steering_issues()))
    if refusal.denied and not refusal.necessary and not refusal.pending:
        gaps.append((refusal.denied_issue[0] + "，等于把并非必需的人脸信息作为提供服务的条件",
                     refusal.denied_issue[1] + ", which makes facial information a condition of a service that does "
                     "not need it"))
    if refusal.coerced:
        gaps.append(_joined(("以惩罚或额外负担迫使同意，属于胁迫：", "consent is coerced with penalties or charges: "),
                            refusal.coerced))
    if refusal.pending and not gaps:
        return  # face recognition is the only way; whether a State rule requires it is still unanswered
    issues = gaps + ([_joined(("可能构成变相胁迫：", "this may be disguised coercion: "), refusal.doubts)]
                     if refusal.doubts else [])
    qs = refusal.qs + refusal.state_qs
    if issues:
        yield ctx.finding(
            "NDSR-22-NECESSARY-NO-MISLEAD", "gap" if gaps else "advisory",
            ("同意的取得方式有问题：" + "；".join(i[0] for i in issues) + "。",
             "The way consent is obtained is a problem: " + "; ".join(i[1] for i in issues) + "."),
            ("如实说明刷脸是可选的，把“其他方式”放在同样显眼的位置，停止催促；不同意的人照常获得服务。",
             "Say truthfully that face recognition is optional, make the other method just as visible, stop "
             "urging people, and serve those who decline as usual."), qs)
    elif refusal.denied:  # only under a named State rule
        yield ctx.finding("NDSR-22-NECESSARY-NO-MISLEAD", "compliant",
                          ("所写明的国家规定要求使用人脸识别，人脸信息属于提供该服务所必需；没有以误导、欺诈、胁迫等方式"
                           "取得同意。",
                           "The State rule named requires face recognition, so facial information is necessary for "
                           "the service; consent is not obtained by misleading, fraud or coercion."), None, qs)
    else:
        yield ctx.finding("NDSR-22-NECESSARY-NO-MISLEAD", "compliant",
                          ("没有以误导、欺诈、胁迫等方式取得同意，不同意也不影响获得服务。",
                           "Consent is not obtained by misleading, fraud or coercion, and declining does not "
                           "affect the service."), None, qs)


@rule("consent.spc4-consent-defence", "SPC-04-CONSENT-DEFENCE")
def spc4_consent_defence(ctx: Context):
    """SPC 2021 provisions Art. 4: when consent is no defence in court."""
    refusal = Refusal(ctx)
    if not _consent_basis(ctx) or not refusal.answered or not _all_answered(ctx, "consent.separate"):
        return
    separate = ctx.answer("consent.separate")
    gaps: list[Issue] = []
    if refusal.denied and not refusal.necessary and not refusal.pending:
        gaps.append(("要求同意刷脸才提供产品或服务（第四条第一项；人脸识别确属必需的除外，而本场景没有写明要求刷脸的"
                     "国家规定）",
                     "consent to face recognition is a condition of the product or service (Art. 4(1); unless face "
                     "recognition is truly necessary, and no State rule requiring it is named here)"))
    if separate == "no" or refusal.bundled:
        gaps.append(("同意与其他授权捆绑（第四条第二项）", "consent is bundled with other authorisations (Art. 4(2))"))
    elif separate == "unknown":
        gaps.append(("尚未确认同意没有与其他授权捆绑（第四条第二项）",
                     "it is not confirmed that consent is not bundled with other authorisations (Art. 4(2))"))
    forced = refusal.coerced + refusal.steering_issues([p for p in refusal.steering if p in FORCED])
    if forced:
        gaps.append(_joined(("强迫或变相强迫同意（第四条第三项）：", "consent is forced, openly or in disguise "
                             "(Art. 4(3)): "), forced))
    child = child_consent_defect(ctx)
    if child is not None:
        gaps.append((child[0] + "，不能作为抗辩依据", child[1] + ", so it is no defence"))
    if refusal.pending and not gaps:
        return  # face recognition is the only way; whether a State rule requires it is still unanswered
    soft = refusal.steering_issues([p for p in refusal.steering if p in ("alternative_hidden", "default_nudge")])
    soft += refusal.doubts
    advisories: list[Issue] = []
    if soft:
        advisories.append(_joined(("下列做法可能被认定为变相强迫：", "these may be seen as disguised coercion: "),
                                  soft))
    qs = ["consent.separate", *refusal.qs, *refusal.state_qs,
          *([q for q in CHILD_QS if ctx.shown(q)] if child is not None else [])]
    if gaps or advisories:
        issues = gaps + advisories
        yield ctx.finding(
            "SPC-04-CONSENT-DEFENCE", "gap" if gaps else "advisory",
            ("发生诉讼时，以已取得同意抗辩可能不被支持（最高人民法院2021年人脸识别司法解释第四条）："
             + "；".join(i[0] for i in issues) + "。",
             "In a lawsuit, the consent defence may fail (SPC 2021 face-recognition provisions, Art. 4): "
             + "; ".join(i[1] for i in issues) + "."),
            ("取消刷脸与服务的绑定，单独征求同意，不同意的人以同样便捷的方式获得服务。",
             "Decouple face recognition from the service, ask for consent separately, and serve people who "
             "decline just as conveniently."), qs)
    else:
        yield ctx.finding("SPC-04-CONSENT-DEFENCE", "compliant",
                          ("同意流程没有司法解释第四条所列的捆绑、强迫或以同意为服务条件的情形。",
                           "The consent flow has none of the bundling, coercion or consent-as-a-condition "
                           "patterns of SPC Art. 4."), None, qs)


@rule("consent.repeated-requests", "NDSR-22-NO-REPEATED-REQUESTS", "GBT41819-NO-REPEAT-PROMPT")
def repeated_requests(ctx: Context):
    """NDSR Art. 22(5): no frequent requests after a clear refusal; GB/T 41819 (recommended) likewise."""
    if not _consent_basis(ctx):
        return
    reprompt = ctx.answer("consent.reprompt")
    if reprompt is None:
        return
    qs = ["consent.reprompt"]
    if reprompt in ("never", "occasional"):
        ok = ("本人明确拒绝后，不会频繁再次征求同意。", "People are not asked again and again after a clear refusal.")
        yield ctx.finding("NDSR-22-NO-REPEATED-REQUESTS", "compliant", ok, None, qs)
        yield ctx.finding("GBT41819-NO-REPEAT-PROMPT", "compliant", ok, None, qs)
        return
    zh, en = labels(ctx, "consent.reprompt", [reprompt])
    action = ("记住本人的拒绝，不再主动弹窗或劝说；只在规则变更等必要时再次询问，并允许本人随时自行开启。",
              "Remember the refusal and stop pop-ups and persuasion; ask again only when needed, such as a rule "
              "change, and let people turn face recognition on themselves at any time.")
    yield ctx.finding("NDSR-22-NO-REPEATED-REQUESTS", "gap",
                      (f"本人明确拒绝后仍会再次征求同意（{zh}），属于频繁征求同意。",
                       f"People are asked again after a clear refusal ({en}), which is asking again and again."),
                      action, qs)
    yield ctx.finding("GBT41819-NO-REPEAT-PROMPT", "advisory",
                      (f"本人拒绝后仍会再次提示（{zh}）；GB/T 41819（推荐性标准，据征求意见稿，措辞待核实）"
                       "建议不频繁征求同意。",
                       f"People are prompted again after refusing ({en}); GB/T 41819 (recommended standard, per its "
                       "draft, wording to be confirmed) advises against repeated prompts."), action, qs)


@rule("consent.reconsent-on-change", "NDSR-22-RECONSENT-ON-CHANGE")
def reconsent_on_change(ctx: Context):
    """NDSR Art. 22(6) and final para: fresh consent on change; written consent where a law requires it."""
    if not _consent_basis(ctx) or not _all_answered(ctx, "consent.reconsent_on_change", "consent.written_required"):
        return
    reconsent, written = ctx.answer("consent.reconsent_on_change"), ctx.answer("consent.written_required")
    issues: list[Issue] = []
    if reconsent == "no":
        issues.append(("处理目的、方式或种类变更时不会重新取得同意", "no fresh consent is obtained when the purpose, "
                       "method or data types change"))
    elif reconsent == "unknown":
        issues.append(("尚未确认变更时会重新取得同意", "it is not confirmed that fresh consent is obtained on change"))
    if written == "required_missing":
        issues.append(("法律、行政法规要求书面同意，但没有取得", "written consent is required by law but not "
                       "obtained"))
    elif written == "not_checked":
        issues.append(("没有核对是否须取得书面同意", "nobody has checked whether written consent is required"))
    qs = ["consent.reconsent_on_change", "consent.written_required"]
    if issues:
        yield ctx.finding(
            "NDSR-22-RECONSENT-ON-CHANGE", "gap",
            ("；".join(i[0] for i in issues) + "。", _sentence("; ".join(i[1] for i in issues))),
            ("把重新取得同意写入变更流程；请法务核对书面同意要求，有要求的改为书面同意。",
             "Build fresh consent into the change process; have legal counsel check the written-consent "
             "requirement and, where it applies, collect consent in writing."), qs)
    else:
        yield ctx.finding("NDSR-22-RECONSENT-ON-CHANGE", "compliant",
                          ("变更时会重新取得同意，书面同意要求已核对并满足。",
                           "Fresh consent is obtained on change, and the written-consent requirement is checked "
                           "and met."), None, qs)


@rule("consent.standard-terms", "SPC-11-STANDARD-TERMS")
def standard_terms(ctx: Context):
    """SPC 2021 provisions Art. 11: no unlimited, irrevocable or freely sub-licensable grants in standard terms."""
    terms = ctx.answer("consent.terms")
    if terms is None:
        return
    qs = ["consent.terms"]
    bad = [t for t in terms if t in ("unlimited_term", "irrevocable", "sublicensable")]
    if bad:
        zh, en = labels(ctx, "consent.terms", bad)
        yield ctx.finding(
            "SPC-11-STANDARD-TERMS", "gap",
            (f"格式条款中有关于人脸信息的不公平授权：{zh}；个人可以请求法院确认这类条款无效"
             "（最高人民法院2021年人脸识别司法解释第十一条）。",
             f"The standard terms contain unfair grants over facial information: {en}; a court can declare such "
             "terms void at the person's request (SPC 2021 face-recognition provisions, Art. 11)."),
            ("修改条款：写明具体的保存期限，允许随时撤回，不得任意转授权，向他人提供须另行单独同意。",
             "Rewrite the terms: a definite retention period, withdrawal at any time, no free sub-licensing, and "
             "separate consent for any provision to others."), qs)
    elif "not_reviewed" in terms:
        yield ctx.finding(
            "SPC-11-STANDARD-TERMS", "gap",
            ("尚未检查同意书、用户协议、合同等格式条款中关于人脸信息的约定。",
             "The consent form, user terms, contracts and other standard terms have not been checked for clauses "
             "on facial information."),
            ("逐份检查相关文本，删除无期限、不可撤销、可任意转授权的约定。",
             "Check each text and remove any grant without a time limit, irrevocable or freely sub-licensable."),
            qs)
    else:
        yield ctx.finding("SPC-11-STANDARD-TERMS", "compliant",
                          ("格式条款中没有无期限、不可撤销或可任意转授权的人脸信息授权。",
                           "The standard terms grant no unlimited, irrevocable or freely sub-licensable rights over "
                           "facial information."), None, qs)
