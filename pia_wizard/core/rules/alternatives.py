"""Alternatives and no coercion: Measures Arts. 10, 12; PIPL Art. 16; GB/T 41819.

SPC Art. 10 (residential alternative) and Measures Art. 11 (national channels) are data checks in the bank.
What happens to people who decline, and how face recognition is presented, are asked here once for every
deployment; the consent rules read the same answers (through :class:`Alt`) to judge whether consent is voluntary.
"""

from __future__ import annotations

from collections.abc import Iterable

from pia_wizard.core.findings import VERDICT_ORDER
from pia_wizard.core.rules import Context, rule
from pia_wizard.core.rules.minors import excerpt

FACE_ONLY = "face_only"
EVERYONE = "everyone_captured"  # passive capture: the device recognises everyone in view, nobody chooses
NOTHING = "nothing"
Q_OFFERED = "alternatives.offered"
Q_CONSEQ = "alternatives.refusal_consequences"
Q_PRESENT = "alternatives.presentation"

Problem = tuple[str, str, str]  # verdict, zh, en
WORSE = {"extra_fee": ("须额外付费或交押金", "paying extra or a deposit"),
         "lose_benefit": ("失去优惠或权益", "losing discounts or benefits")}


def _worst(verdicts: Iterable[str]) -> str:
    return min(verdicts, key=VERDICT_ORDER.__getitem__)


class Alt:
    """The answers of this section, read once."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.offered: list[str] | None = ctx.answer(Q_OFFERED)
        # Passive capture: everyone in view is recognised, so whatever else exists, nobody chooses.
        self.passive = EVERYONE in (self.offered or [])
        self.alts = [o for o in self.offered or [] if o not in (FACE_ONLY, EVERYONE)]
        # "face only" counts only if no method was ticked with it.
        self.face_only = self.offered is not None and not self.alts and not self.passive
        # Nobody can use another way: face recognition is the only way, or nobody is asked at all.
        self.no_choice = self.face_only or self.passive
        self.state_rule = ctx.answer("alternatives.state_rule")
        self.state_cited = ctx.text_is_substantive("alternatives.state_rule_citation", 15)
        # A State rule (Art. 10, second sentence) makes face recognition the lawful only method.
        self.state_ok = self.no_choice and self.state_rule == "yes" and self.state_cited
        # Nobody can use another way and it is not yet known whether a State rule allows that.
        self.state_pending = self.no_choice and (
            self.state_rule is None
            or (self.state_rule == "yes" and not ctx.answered("alternatives.state_rule_citation")))
        self.conseq: list[str] | None = ctx.answer(Q_CONSEQ)
        self.present: list[str] | None = ctx.answer(Q_PRESENT)
        # Declining is impossible: everyone in view is recognised, or the answers say people cannot refuse.
        self.cannot_refuse = self.passive or "cannot_refuse" in (self.conseq or [])
        self.not_asked = "not_asked" in (self.present or [])

    def labels(self, qid: str, values: Iterable[str]) -> tuple[str, str]:
        label = self.ctx.bank.question(qid).option_label
        values = list(values)
        return "、".join(label(v, "zh") for v in values), "; ".join(_lower_first(label(v, "en")) for v in values)


def _lower_first(text: str) -> str:
    """'Staff check ...' -> 'staff check ...' inside a sentence; leaves 'QR code' alone."""
    return text if len(text) < 2 or text[1].isupper() else text[0].lower() + text[1:]


def _emit(ctx: Context, ob: str, problems: list[Problem], action: tuple[str, str], qs: list[str]):
    return ctx.finding(ob, _worst(p[0] for p in problems),
                       ("".join(p[1] for p in problems), " ".join(p[2] for p in problems)), action, qs)


PASSIVE_SOLE = ("设备识别进入画面的每一个人，没有人可以选择其他方式，也没有人被询问是否同意；对被采集的每一个人，"
                "人脸识别都是唯一的方式，也没有国家规定要求这样做。",
                "The device recognises everyone who comes into view: nobody can choose another way and nobody is "
                "asked, so for everyone captured face recognition is the only way, and no State rule requires it.")
PASSIVE_FIX = ("停止对进入画面的人自动识别；确有需要的，改为只识别本人主动选择并登记的人，"
               "并为其他人提供不刷脸的同等方式。"
               "公共场所的设备另见《办法》第十三条的结论。",
               "Stop recognising whoever comes into view; if there is a real need, recognise only people who choose "
               "it and enrol themselves, and give everyone else an equal way without face recognition. For devices "
               "in public places see also the Measures Art. 13 finding.")


@rule("alternatives.not-sole-method", "FRM-10-NOT-SOLE-METHOD", "FRM-10-STATE-EXCEPTION")
def not_sole_method(ctx: Context):
    """Measures Art. 10: face recognition is not the only way, unless a State rule provides otherwise.

    Whether a non-face method could achieve the same purpose is a structured answer (alternatives.non_face_exists),
    not read from the length of a text: yes or not sure is a gap; no is an advisory quoting the reasons given."""
    a = Alt(ctx)
    if a.offered is None:
        return
    qs = [q for q in (Q_OFFERED, "alternatives.state_rule", "alternatives.state_rule_citation",
                      "alternatives.non_face_exists", "alternatives.why_face_only") if ctx.shown(q)]
    if a.alts and not a.passive:
        zh, en = a.labels(Q_OFFERED, a.alts)
        yield ctx.finding("FRM-10-NOT-SOLE-METHOD", "compliant",
                          (f"人脸识别不是唯一的验证方式，另有：{zh}。",
                           f"Face recognition is not the only way to verify identity; there is also: {en}."),
                          None, qs)
        yield ctx.finding("FRM-10-STATE-EXCEPTION", "not_applicable",
                          ("已提供其他方式，无需援引“国家另有规定”的例外。",
                           "Other ways are offered, so the State-rule exception is not needed."), None, qs)
        return
    if a.state_rule is None:
        return
    fix = ("提供至少一种非人脸识别方式（如证件核验、卡片、二维码或人工核验），并在现场和界面上告知。",
           "Offer at least one non-face method (ID check, card, QR code or staff check) and say so on site and on "
           "screen.")
    only = ("人脸识别是唯一方式" if a.face_only else "设备识别进入画面的每一个人",
            "Face recognition is the only way" if a.face_only else "The device recognises everyone in view")
    if a.state_rule == "yes":
        if not ctx.answered("alternatives.state_rule_citation"):
            return
        if a.state_cited:
            for ob in ("FRM-10-NOT-SOLE-METHOD", "FRM-10-STATE-EXCEPTION"):
                yield ctx.finding(ob, "compliant",
                                  (f"{only[0]}，依据的是所写明的国家规定（“国家另有规定的，从其规定”）。规定原文已记录，"
                                   "供复核。",
                                   f"{only[1]}, under the State rule named (\"where the State provides otherwise, "
                                   "that provision applies\"). The text is recorded for review."),
                                  ("请法务确认该规定确实要求在本场景使用人脸识别，且适用于全部被核验人员。",
                                   "Have legal counsel confirm that the rule really requires face recognition here "
                                   "and for everyone verified."), qs)
        else:
            for ob in ("FRM-10-NOT-SOLE-METHOD", "FRM-10-STATE-EXCEPTION"):
                yield ctx.finding(ob, "gap",
                                  ("称有国家规定要求使用人脸识别，但没有写明具体规定。",
                                   "A State rule is said to require face recognition, but it is not named."),
                                  ("写明规定名称、发文机关、条款和原文；找不到的，提供非人脸识别方式。",
                                   "Name the rule, the issuing body and the article and quote it; if there is none, "
                                   "offer a non-face method."), qs)
        return
    if a.state_rule == "no":
        yield ctx.finding("FRM-10-STATE-EXCEPTION", "not_applicable",
                          ("没有国家规定要求在本场景使用人脸识别，适用第十条的一般规则。",
                           "No State rule requires face recognition here, so the general Art. 10 rule applies."),
                          None, qs)
    else:
        yield ctx.finding("FRM-10-STATE-EXCEPTION", "gap",
                          (f"{only[0]}，但尚未确认是否有国家规定要求这样做。",
                           f"{only[1]}, and it is not confirmed whether a State rule requires this."),
                          ("请法务确认是否存在要求使用人脸识别的国家规定；没有的，提供非人脸识别方式。",
                           "Have legal counsel confirm whether any State rule requires face recognition; if not, "
                           "offer a non-face method."), qs)
    if a.passive:
        yield ctx.finding("FRM-10-NOT-SOLE-METHOD", "gap", PASSIVE_SOLE, PASSIVE_FIX, qs)
        return
    exists = ctx.answer("alternatives.non_face_exists")
    if exists is None:
        return
    if exists == "yes":
        yield ctx.finding("FRM-10-NOT-SOLE-METHOD", "gap",
                          ("人脸识别是唯一的验证方式，而评估确认存在能够实现相同目的或者达到同等业务要求的非人脸识别方式；"
                           "《办法》第十条第一句不允许这样做，也没有国家规定要求只用人脸识别。",
                           "Face recognition is the only way to verify identity, although this assessment confirms "
                           "that a non-face method can achieve the same purpose or meet the same business "
                           "requirement; the first sentence of Measures Art. 10 forbids that, and no State rule "
                           "requires face recognition alone."),
                          fix, qs)
        return
    if exists == "unknown":
        yield ctx.finding("FRM-10-NOT-SOLE-METHOD", "gap",
                          ("人脸识别是唯一的验证方式，没有国家规定要求这样做，也没有确认不存在能够实现相同目的的非人脸识别"
                           "方式。",
                           "Face recognition is the only way to verify identity, no State rule requires it, and it "
                           "is not established that no non-face method can achieve the same purpose."),
                          ("逐一核查证件核验、卡片、二维码、人工核验等方式能否实现相同目的；"
                           "能实现的，必须提供。" + fix[0],
                           "Check method by method (ID check, card, QR code, staff check) whether it achieves the "
                           "same purpose; any that does must be offered. " + fix[1]), qs)
        return
    if not ctx.answered("alternatives.why_face_only"):
        return
    if ctx.text_is_substantive("alternatives.why_face_only", 30):
        quoted = excerpt(ctx.answer("alternatives.why_face_only"))
        yield ctx.finding("FRM-10-NOT-SOLE-METHOD", "advisory",
                          ("人脸识别是唯一方式。评估认为不存在能够实现相同目的或者达到同等业务要求的非人脸识别方式，"
                           f"理由是：“{quoted}”。只要存在这样的方式，《办法》第十条就不允许只用人脸识别；这一判断须经得起"
                           "监管审查。",
                           "Face recognition is the only way. This assessment finds that no non-face method can "
                           "achieve the same purpose or meet the same business requirement, for these reasons: "
                           f"\"{quoted}\". If any such method exists, Measures Art. 10 forbids face recognition as "
                           "the only way; the finding must stand up to a regulator's review."),
                          ("请法务和业务部门书面复核上述理由，在每次复评时重新审视；出现可行的非人脸方式的，立即提供。",
                           "Have legal and the business review these reasons in writing and re-examine them at every "
                           "review; as soon as a workable non-face method appears, offer it."), qs)
    else:
        yield ctx.finding("FRM-10-NOT-SOLE-METHOD", "gap",
                          ("人脸识别是唯一的验证方式，没有国家规定要求这样做；称不存在能够实现相同目的的非人脸识别方式，"
                           "但没有写明理由。",
                           "Face recognition is the only way to verify identity and no State rule requires it; the "
                           "assessment says no non-face method can achieve the same purpose but gives no reasons."),
                          ("写明考虑过的每一种非人脸方式及其无法实现相同目的的具体原因；写不出的，" + fix[0],
                           "Set out each non-face method considered and exactly why it cannot achieve the same "
                           "purpose; if you cannot, " + fix[1][:1].lower() + fix[1][1:]), qs)


@rule("alternatives.on-refusal", "FRM-10-ALTERNATIVE-ON-REFUSAL")
def on_refusal(ctx: Context):
    """Measures Art. 10: people who do not agree get another reasonable and convenient way."""
    a = Alt(ctx)
    if a.offered is None:
        return
    ob = "FRM-10-ALTERNATIVE-ON-REFUSAL"
    qs = [q for q in (Q_OFFERED, "alternatives.convenience", Q_CONSEQ) if ctx.shown(q)]
    action = ("为不同意刷脸的人提供在同一地点、同一时段可用、无额外费用和手续的其他方式，并主动告知。",
              "Give people who decline face recognition another way that works at the same place and hours, with "
              "no extra charge or paperwork, and tell them about it.")
    if a.no_choice:
        if a.state_pending:
            return
        if a.state_ok:
            yield ctx.finding(ob, "not_applicable",
                              ("所写明的国家规定要求使用人脸识别，“国家另有规定的，从其规定”。",
                               "The State rule named requires face recognition; where the State provides otherwise, "
                               "that provision applies."), None, qs)
        elif a.passive:
            yield ctx.finding(ob, "gap",
                              ("设备识别进入画面的每一个人，不征求意见；不同意的人无从拒绝，也没有其他方式可用。",
                               "The device recognises everyone who comes into view without asking; people who do not "
                               "agree cannot refuse and have no other way."),
                              PASSIVE_FIX, qs)
        else:
            yield ctx.finding(ob, "gap",
                              ("不同意刷脸的人没有任何其他方式可用。",
                               "People who decline face recognition have no other way."),
                              action, qs)
        return
    problems: list[Problem] = []
    convenience = ctx.answer("alternatives.convenience")
    if convenience == "much_less":
        problems.append(("gap", "其他方式明显不如刷脸便捷（另排队、预约、额外手续，或只在部分时间、地点可用），"
                         "不是合理、便捷的方式。",
                         "The other ways are much less convenient (a separate queue, booking, paperwork, or only at "
                         "some times or places), so they are not a reasonable and convenient alternative."))
    elif convenience == "slightly_less":
        problems.append(("advisory", "其他方式稍有不便，请尽量缩小与刷脸的差距。",
                         "The other ways are slightly less convenient; narrow the gap where you can."))
    conseq = a.conseq or []
    if "extra_fee" in conseq:
        problems.append(("gap", "不刷脸须额外付费或交押金，其他方式不合理。",
                         "Not using face recognition costs extra or needs a deposit, so the alternative is not "
                         "reasonable."))
    if "must_justify" in conseq:
        problems.append(("gap", "不刷脸须说明理由、书面申请或经审批，其他方式不便捷。",
                         "People must give reasons, apply in writing or get approval to avoid face recognition, so "
                         "the alternative is not convenient."))
    if "penalised" in conseq:
        problems.append(("gap", "不刷脸会受到处分、扣款等惩罚，其他方式形同虚设，不是合理的方式。",
                         "People who decline face recognition are disciplined, docked pay or otherwise penalised, so "
                         "the other way is not a reasonable alternative."))
    if "cannot_refuse" in conseq:
        problems.append(("gap", "虽然有其他方式，但设备仍会识别进入画面的人，不同意的人无从拒绝。",
                         "Although other ways exist, the device still recognises whoever comes into view, so people "
                         "who do not agree cannot refuse."))
    if "service_refused" in conseq:
        problems.append(("gap", "虽然有其他方式，但实际中仍有人因不刷脸而无法获得服务。",
                         "Although other ways exist, in practice some people who decline face recognition are still "
                         "refused the service."))
    if set(a.alts) == {"other_biometric"}:
        problems.append(("advisory", "唯一的其他方式是指纹、掌纹等生物识别，同样是敏感个人信息；宜提供非生物识别方式。",
                         "The only other way is another biometric such as a fingerprint, which is just as sensitive; "
                         "offer a non-biometric way."))
    if problems:
        yield _emit(ctx, ob, problems, action, qs)
    elif convenience is not None and a.conseq is not None:
        yield ctx.finding(ob, "compliant",
                          ("不同意刷脸的人可以使用同样便捷的其他方式，没有额外费用或手续。",
                           "People who decline face recognition can use another way that is just as convenient, with "
                           "no extra charge or paperwork."), None, qs)


@rule("alternatives.no-coercion", "FRM-12-NO-COERCION")
def no_coercion(ctx: Context):
    """Measures Art. 12 (absolute): no misleading, deceiving or coercing people into face verification."""
    a = Alt(ctx)
    if a.present is None and a.conseq is None:
        return
    ob = "FRM-12-NO-COERCION"
    present, conseq = a.present or [], a.conseq or []
    problems: list[Problem] = []
    if "says_mandatory" in present:
        problems.append(("prohibited", "对外称必须刷脸或暗示不刷脸办不成，而实际并非必须，属于误导个人接受人脸识别。",
                         "Face recognition is presented as required, or as the only way to get things done, when it "
                         "is not: that misleads people into accepting it."))
    if "false_claims" in present:
        problems.append(("prohibited", "对人脸识别作不真实的说明，属于欺诈或误导。",
                         "Face recognition is described untruthfully: that deceives or misleads people."))
    if "service_refused" in conseq and not a.state_ok and not a.state_pending:
        problems.append(("prohibited", "以不提供服务相要挟，迫使个人接受人脸识别，属于胁迫。",
                         "Refusing the service unless people accept face recognition coerces them into it."))
    if (a.cannot_refuse or a.not_asked) and not a.state_ok and not a.state_pending:
        problems.append(("gap", "设备识别进入画面的人，事先不征求意见，个人无从拒绝：接受人脸识别不是出于本人的选择。"
                         "第十二条禁止以误导、欺诈、胁迫使人接受人脸识别，不征求意见、无从拒绝的识别同样没有本人的自愿接受。",
                         "The device recognises whoever comes into view without asking first, and nobody can refuse: "
                         "accepting face recognition is not the person's choice. Art. 12 bans getting people to "
                         "accept face recognition by misleading, deception or coercion; recognition that asks nobody "
                         "and cannot be refused has no voluntary acceptance either."))
    if "extra_fee" in conseq:
        problems.append(("prohibited", "不刷脸须额外付费或交押金，以经济手段迫使个人接受人脸识别。",
                         "Charging extra or a deposit to people who decline face recognition pressures them into it "
                         "with money."))
    if "penalised" in conseq:
        problems.append(("prohibited", "不刷脸会受到处分、扣款等惩罚，属于胁迫个人接受人脸识别。",
                         "Disciplining, docking the pay of or otherwise penalising people who decline face "
                         "recognition coerces them into it."))
    if "lose_benefit" in conseq:
        problems.append(("gap", "不刷脸就失去优惠、积分或会员权益，可能构成变相胁迫。",
                         "Losing discounts, points or membership benefits for declining face recognition may amount "
                         "to coercion in disguise."))
    if "must_justify" in conseq:
        problems.append(("gap", "要求不刷脸的人说明理由或经审批，给拒绝设置障碍。",
                         "Requiring people to justify declining, or to get approval, puts obstacles in the way of "
                         "saying no."))
    if "alternative_hidden" in present:
        problems.append(("gap", "不主动告知其他方式，个人容易误以为只能刷脸。",
                         "Other ways are not mentioned, so people may believe face recognition is the only way."))
    if "default_nudge" in present:
        problems.append(("gap", "默认勾选同意或默认进入刷脸流程、“不同意”选项不显眼，诱导个人接受人脸识别。",
                         "Pre-ticked consent, a face-first default flow or a hard-to-find 'no' option steers people "
                         "into face recognition."))
    if "pressure" in present:
        problems.append(("gap", "员工反复劝说或拒绝后反复提示，对个人形成压力。",
                         "Repeated urging by staff or prompts that return after a refusal put pressure on people."))
    qs = [q for q in ((Q_OFFERED,) if a.passive else ()) + (Q_PRESENT, Q_CONSEQ) if ctx.answered(q)]
    if problems:
        prohibited = any(p[0] == "prohibited" for p in problems)
        action = (("立即停止上述做法：更正标识、话术和界面，如实说明人脸识别是自愿的并告知其他方式；"
                   "不得因不刷脸而拒绝服务或加收费用。这是《办法》第十二条的绝对禁止性规定。",
                   "Stop these practices now: correct the signs, scripts and screens, say truthfully that face "
                   "recognition is voluntary and name the other ways; never refuse service or charge more for "
                   "declining. Measures Art. 12 is an absolute ban.")
                  if prohibited else
                  ("修改标识、话术和界面：如实说明人脸识别是自愿的，与刷脸同等显著地告知其他方式，拒绝后不再反复提示，"
                   "不因拒绝而减少待遇；对一线员工进行培训。",
                   "Change the signs, scripts and screens: say truthfully that face recognition is voluntary, show "
                   "the other ways as prominently as the face option, stop re-prompting after a refusal, and do not "
                   "reduce benefits for declining; train front-line staff."))
        if (a.cannot_refuse or a.not_asked) and not a.state_ok and not a.state_pending:
            action = ((PASSIVE_FIX[0] + action[0], PASSIVE_FIX[1] + " " + action[1]) if len(problems) > 1
                      else PASSIVE_FIX)
        yield _emit(ctx, ob, problems, action, qs)
    elif a.state_pending and ("service_refused" in conseq or a.cannot_refuse or a.not_asked):
        return  # refusing the service, or recognising everyone, is lawful only under a State rule still unanswered
    elif a.present is not None and a.conseq is not None:
        yield ctx.finding(ob, "compliant",
                          ("没有发现误导、欺诈或胁迫个人接受人脸识别的做法；拒绝刷脸不会带来不利后果。",
                           "No misleading, deceptive or coercive practice was found, and declining face recognition "
                           "carries no disadvantage."), None, qs)


@rule("alternatives.no-service-refusal", "PIPL-16-NO-SERVICE-REFUSAL")
def no_service_refusal(ctx: Context):
    """PIPL Art. 16: no refusal of the product or service because the person does not consent."""
    a = Alt(ctx)
    if a.conseq is None:
        return
    ob = "PIPL-16-NO-SERVICE-REFUSAL"
    qs = [q for q in (Q_OFFERED, "alternatives.state_rule", Q_CONSEQ) if ctx.shown(q)]
    if a.state_pending:
        return
    refused = "service_refused" in a.conseq or a.cannot_refuse
    implicit = a.no_choice and not a.state_ok
    if a.state_ok:
        yield ctx.finding(ob, "compliant",
                          ("所写明的国家规定要求使用人脸识别，处理人脸信息属于提供该服务所必需，不同意的人无法获得服务"
                           "不违反第十六条。",
                           "The State rule named requires face recognition, so processing facial information is "
                           "necessary for the service; not serving people who decline does not breach Art. 16."),
                          None, qs)
    elif refused or implicit:
        who = ("不同意处理人脸信息的人无法获得服务",
               "People who do not consent to their facial information being processed cannot get the service")
        if a.cannot_refuse:
            who = ("设备识别进入画面的每一个人，不同意处理人脸信息的人只有不进入该场所才能避免被识别，"
                   "实际上无法获得服务",
                   "The device recognises everyone who comes into view, so people who do not consent to their "
                   "facial information being processed can avoid it only by staying away, and in effect cannot get "
                   "the service")
            why = ("；没有写明要求这样做的国家规定，无法说明处理人脸信息是提供该服务所必需的",
                   "; no State rule requiring this is named, so nothing shows that processing facial information "
                   "is necessary to provide it")
        elif a.face_only:
            who = ("只能刷脸，不同意处理人脸信息的人因此无法获得服务",
                   "Face recognition is the only way, so people who do not consent to their facial information "
                   "being processed cannot get the service")
            why = ("；没有写明要求使用人脸识别的国家规定，无法说明处理人脸信息是提供该服务所必需的",
                   "; no State rule requiring face recognition is named, so nothing shows that processing facial "
                   "information is necessary to provide it")
        elif a.alts:
            zh, en = a.labels(Q_OFFERED, a.alts)
            why = (f"；而处理人脸信息并非提供该服务所必需：已有其他方式（{zh}），不刷脸也能提供该服务",
                   f", although processing facial information is not necessary to provide it: other ways are "
                   f"offered ({en}), so the service can be provided without face recognition")
        else:
            why = ("；而没有依据表明处理人脸信息是提供该服务所必需的",
                   ", although nothing shows that processing facial information is necessary to provide it")
        yield ctx.finding(ob, "gap", (f"{who[0]}{why[0]}。", f"{who[1]}{why[1]}."),
                          ("为不同意的人提供其他方式完成同一服务。",
                           "Let people who do not consent use another way to get the same service."), qs)
    elif any(c in WORSE for c in a.conseq):
        worse = [WORSE[c] for c in WORSE if c in a.conseq]
        zh, en = "、".join(w[0] for w in worse), ", ".join(w[1] for w in worse)
        yield ctx.finding(ob, "advisory",
                          (f"不同意刷脸的人仍能获得服务，但条件更差（{zh}）。这不是直接拒绝服务，但与第十六条的精神不符，"
                           "并可能构成《办法》第十二条所禁止的胁迫。",
                           f"People who decline still get the service, but on worse terms ({en}). That is not an "
                           "outright refusal, but it goes against the spirit of Art. 16 and may be coercion banned "
                           "by Measures Art. 12."),
                          ("取消对不刷脸者的额外收费或待遇差别。",
                           "Remove the extra charges or worse treatment for people who decline."), qs)
    else:
        yield ctx.finding(ob, "compliant",
                          ("不同意刷脸的人不会因此被拒绝提供服务。",
                           "People who do not agree to face recognition are not refused the service."), None, qs)


# What makes the non-face method a worse deal than face recognition (alternatives.refusal_consequences).
HURDLES = {
    "extra_fee": ("不刷脸须额外付费或交押金。", "People who decline must pay extra or a deposit."),
    "must_justify": ("不刷脸须说明理由、书面申请或经审批。",
                     "People who decline must give reasons, apply in writing or get approval."),
    "lose_benefit": ("不刷脸会失去优惠或权益。", "People who decline lose discounts or benefits."),
    "penalised": ("不刷脸会受到处分或扣款。", "People who decline are disciplined or docked pay."),
}


@rule("alternatives.gbt41819", "GBT41819-ALTERNATIVE")
def gbt41819_alternative(ctx: Context):
    """GB/T 41819 (draft, unverified for the final): a non-face alternative; no refusal of basic functions."""
    a = Alt(ctx)
    ob = "GBT41819-ALTERNATIVE"
    if a.offered is None and not ctx.shown(Q_OFFERED) and ctx.answer("scope.rnd_only") == "yes":
        # FRT R&D or algorithm training only: nobody is identified, so there is no identification method to
        # replace; whether people who decline suffer for it is PIPL Art. 16 (alternatives.no-service-refusal).
        yield ctx.finding(ob, "not_applicable",
                          ("仅为人脸识别技术研发或算法训练处理人脸信息，不以人脸识别核验或辨识任何人，"
                           "不存在提供非人脸识别身份识别方式的问题；不同意提供人脸信息的人是否因此受到不利影响，"
                           "见《个人信息保护法》第十六条的结论。",
                           "Facial information is processed only for FRT research and development or algorithm "
                           "training; nobody is verified or identified, so there is no identification method to "
                           "offer instead. Whether people who decline to provide their face suffer for it is "
                           "decided under PIPL Art. 16."), None,
                          [q for q in ("scope.rnd_only", Q_CONSEQ) if ctx.shown(q)])
        return
    if a.offered is None:
        return
    qs = [q for q in (Q_OFFERED, Q_CONSEQ) if ctx.shown(q)]
    std = ("GB/T 41819-2022（推荐性标准；据征求意见稿的二手资料，正式版措辞未核实）建议提供非人脸识别的身份识别方式，"
           "且不因数据主体不同意而拒绝提供基本业务功能。",
           "GB/T 41819-2022 (a recommended standard; per secondary sources on the draft, final wording unverified) "
           "advises offering a non-face way to identify people and not refusing basic functions to those who do "
           "not agree.")
    action = ("提供非人脸识别方式，并保证不刷脸的人也能使用基本功能。",
              "Offer a non-face method and make sure people who decline can still use the basic functions.")
    if a.no_choice:
        if a.state_pending:
            return
        if a.state_ok:
            yield ctx.finding(ob, "not_applicable",
                              ("所写明的国家规定要求使用人脸识别，推荐性标准的建议让位于该规定。",
                               "The State rule named requires face recognition, which takes precedence over the "
                               "recommended standard."), None, qs)
        else:
            head = (("只能刷脸。", "Face recognition is the only way. ") if a.face_only else
                    ("设备识别进入画面的每一个人，没有人可以选择。", "The device recognises everyone in view; nobody "
                     "chooses. "))
            yield ctx.finding(ob, "advisory", (head[0] + std[0], head[1] + std[1]), action, qs)
        return
    if a.conseq is None:
        return
    hurdles = [HURDLES[c] for c in HURDLES if c in a.conseq]
    if "cannot_refuse" in a.conseq:
        yield ctx.finding(ob, "advisory",
                          ("虽然提供了非人脸识别方式，但设备仍会识别进入画面的人，不同意的人无从拒绝。" + std[0],
                           "A non-face method is offered, but the device still recognises whoever comes into view, "
                           "so people who do not agree cannot refuse. " + std[1]),
                          action, qs)
    elif "service_refused" in a.conseq:
        yield ctx.finding(ob, "advisory",
                          ("实际中仍有不刷脸的人被拒绝服务。" + "".join(h[0] for h in hurdles) + std[0],
                           "In practice some people who decline are still refused the service. "
                           + "".join(h[1] + " " for h in hurdles) + std[1]),
                          action, qs)
    elif hurdles:
        yield ctx.finding(ob, "advisory",
                          ("提供了非人脸识别方式，但使用它有代价或门槛：" + "".join(h[0] for h in hurdles)
                           + "这样的方式算不上可以自由选择的替代方式。" + std[0]
                           + "法律上的后果见《办法》第十条、第十二条的结论。",
                           "A non-face method is offered, but using it comes at a cost or behind a hurdle: "
                           + " ".join(h[1] for h in hurdles) + " That is not an alternative people can freely "
                           "choose. " + std[1] + " For the legal consequences see the Measures Art. 10 and 12 "
                           "findings."),
                          ("取消不刷脸方式的收费、押金、申请审批或其他不利待遇，让它与刷脸一样可以随时选用。",
                           "Remove the fees, deposits, applications or approvals and any other disadvantage attached "
                           "to the non-face method, so that it can be chosen as freely as face recognition."),
                          qs)
    else:
        yield ctx.finding(ob, "compliant",
                          ("提供了非人脸识别方式，且不刷脸的人不会被拒绝基本功能。",
                           "A non-face method is offered, and people who decline are not refused the basic "
                           "functions."), None, qs)


@rule("alternatives.residents-gate", "SPC-10-PROPERTY-ALTERNATIVE")
def residents_gate(ctx: Context):
    """SPC Art. 10 is a data check on a question shown for residential gates; name the open scope question."""
    if ctx.answer("scope.deployment") is None and ctx.shown("scope.deployment"):
        yield ctx.finding("SPC-10-PROPERTY-ALTERNATIVE", "gap",
                          ("评估尚未回答此项义务的问题：scope.deployment。",
                           "The assessment does not answer this yet: scope.deployment."),
                          ("回答相关问题，个人信息保护影响评估须覆盖此项义务。",
                           "Answer the questions: the PIPIA must cover this obligation."),
                          ["scope.deployment"])


@rule("alternatives.national-channels", "FRM-11-NATIONAL-CHANNELS")
def national_channels(ctx: Context):
    """Measures Art. 11 (inferred number): national channels first. An encouragement: never worse than advisory.
    Each answer says what happened (a channel used is not "considered")."""
    q = "alternatives.national_channels"
    answer = ctx.answer(q)
    ob = "FRM-11-NATIONAL-CHANNELS"
    if answer == "using":
        yield ctx.finding(ob, "compliant",
                          ("通过国家渠道核验身份，符合《办法》鼓励优先使用国家渠道的规定。",
                           "Identity is verified through a national channel, as the Measures encourage."), None, [q])
    elif answer == "considered_not_suitable":
        yield ctx.finding(ob, "compliant",
                          ("已评估国家身份认证渠道，认为不适合本场景（鼓励性规定，不影响合规结论）。",
                           "National identity channels were assessed and found unsuitable for this scenario (an "
                           "encouragement that does not affect compliance)."), None, [q])
    elif answer == "not_considered":
        yield ctx.finding(ob, "advisory",
                          ("没有考虑过国家身份认证渠道；《办法》鼓励优先使用（鼓励性规定，不影响合规结论）。",
                           "National identity channels were not considered; the Measures encourage using them first "
                           "(an encouragement that does not affect compliance)."),
                          ("评估能否改用国家网络身份认证公共服务等渠道核验身份，以减少自建人脸库，并记录结论。",
                           "Assess whether the national online identity authentication public service or similar "
                           "channels could verify identity instead of your own gallery, and record the conclusion."),
                          [q])
