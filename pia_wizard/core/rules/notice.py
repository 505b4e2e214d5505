"""Notice rules: Measures Art. 5; PIPL Arts. 17, 30; NDSR Art. 21; GB/T 35273-2020 5.4 c) (recommended).

Each missing Measures Art. 5 notice item is a finding of its own."""

from __future__ import annotations

from pia_wizard.core.rules import Context, rule
from pia_wizard.core.rules.purpose import Issue, labels

POINT_OF_CAPTURE = ("signage", "device_screen", "app_page", "paper_form", "staff_verbal")
NOT_BEFORE = ("during_capture", "after_capture")


def _mid_labels(ctx: Context, qid: str, values: list[str]) -> tuple[str, str]:
    """Option labels for the middle of a sentence: unlike ``labels``, also 'A notice page' -> 'a notice page'."""
    zh, _ = labels(ctx, qid, values)
    q = ctx.bank.question(qid)
    en = []
    for v in values:
        label = q.option_label(v, "en")
        first = label.split(" ", 1)[0]
        keep = len(first) > 1 and first.isupper()  # 'QR code', 'ID card'
        en.append(label if keep else label[:1].lower() + label[1:])
    return zh, ("; " if any("," in e for e in en) else ", ").join(en)


# Measures Art. 5 items (wording from English translations and secondary sources; Chinese text unverified).
ART5_ITEMS: dict[str, tuple[str, Issue, Issue]] = {
    "name_contact": (
        "FRM-05-NOTICE-NAME",
        ("告知中没有写明处理者的名称和联系方式，本人不知道由谁负责、向谁提出请求。",
         "The notice does not give the processor's name and contact details, so people do not know who is "
         "responsible or whom to ask."),
        ("写明运营单位（处理者，而不是设备供应商）的全称，以及能实际联系到的电话、邮箱或地址。",
         "Give the full name of the operator (the processor, not the device vendor) and a phone number, email or "
         "address that actually reaches someone."),
    ),
    "purpose_method": (
        "FRM-05-NOTICE-PURPOSE-METHOD",
        ("告知中没有说明处理人脸信息的目的和方式（如1:1还是1:N比对、在设备本地比对还是上传）。",
         "The notice does not explain the purpose and method of processing (e.g. 1:1 or 1:N matching, on the "
         "device or uploaded)."),
        ("用一两句话说明为什么刷脸、怎样比对、人脸信息存在哪里。",
         "Explain in a sentence or two why faces are scanned, how matching works and where the facial "
         "information is kept."),
    ),
    "retention": (
        "FRM-05-NOTICE-RETENTION",
        ("告知中没有说明人脸信息保存多久。", "The notice does not say how long facial information is kept."),
        ("写明每类人脸信息（照片、特征值、比对记录）的保存期限，例如“退房后7日内删除”。",
         "State the retention period for each kind of facial information (photos, templates, match logs), e.g. "
         "\"deleted within 7 days of check-out\"."),
    ),
    "necessity_impact": (
        "FRM-05-NOTICE-NECESSITY-IMPACT",
        ("告知中没有说明处理人脸信息的必要性，以及对个人权益的影响。",
         "The notice does not explain why processing facial information is necessary or how it affects the "
         "person's rights."),
        ("用平实的话说明为什么需要人脸信息、可能带来什么影响（如泄露后难以更改），以及采取了哪些保护措施。",
         "Say plainly why facial information is needed, what the effect could be (e.g. a leaked face cannot be "
         "changed) and what protection is in place."),
    ),
    "rights": (
        "FRM-05-NOTICE-RIGHTS",
        ("告知中没有说明如何查阅、复制、更正、删除人脸信息等权利的行使方式和程序。",
         "The notice does not explain how and through what procedure people can access, copy, correct or "
         "delete their facial information."),
        ("写明提出请求的渠道、需要提供什么、多长时间内答复。",
         "State the channel for requests, what people need to provide and how soon they get an answer."),
    ),
}
PIPL17_ITEMS = ("name_contact", "purpose_method", "categories", "retention", "rights")
SEPARATE_NOTICE_ITEMS = ("purpose_method", "categories", "retention")


def _items(ctx: Context) -> list[str] | None:
    items = ctx.answer("notice.items")
    return None if items is None else [i for i in items if i != "none_of_these"]


def _no_notice() -> Issue:
    return ("没有在处理前告知本人", "people are not told before processing")


@rule("notice.art5-items", *(ob for ob, _, _ in ART5_ITEMS.values()), "FRM-05-NOTICE-OTHER",
      "PIPL-30-EXTRA-NOTICE")
def art5_items(ctx: Context):
    """Measures Art. 5 items (1)-(5), one finding per item; PIPL Art. 30 extra item for sensitive PI."""
    timing = ctx.answer("notice.timing")
    if timing is None:
        return
    if timing == "none":
        for _item, (ob, _gap, action) in ART5_ITEMS.items():
            yield ctx.finding(ob, "gap", ("处理前没有任何告知，因此这一法定事项也没有告知本人。",
                                          "No notice is given before processing, so this required matter is "
                                          "not told either."), action, ["notice.timing"])
        yield ctx.finding("FRM-05-NOTICE-OTHER", "gap",
                          ("处理前没有任何告知，法律、行政法规要求告知的其他事项也没有告知。",
                           "No notice is given before processing, so the other matters laws require are not "
                           "told either."),
                          ("在采集前提供完整告知，并核对法律、行政法规要求的其他告知事项。",
                           "Give a full notice before capture and check what other matters the law requires."),
                          ["notice.timing"])
        yield ctx.finding("PIPL-30-EXTRA-NOTICE", "gap",
                          ("处理前没有任何告知，没有向本人说明处理敏感个人信息的必要性和对个人权益的影响。",
                           "No notice is given before processing, so people are not told why processing their "
                           "sensitive PI is necessary or how it affects them."),
                          ART5_ITEMS["necessity_impact"][2], ["notice.timing"])
        return
    items = _items(ctx)
    if items is not None:
        for item, (ob, gap, action) in ART5_ITEMS.items():
            if item in items:
                label = labels(ctx, "notice.items", [item])
                yield ctx.finding(ob, "compliant", (f"告知中包括：{label[0]}。", f"The notice covers: {label[1]}."),
                                  None, ["notice.items"])
            else:
                yield ctx.finding(ob, "gap", gap, action, ["notice.items"])
        if "necessity_impact" in items:
            yield ctx.finding("PIPL-30-EXTRA-NOTICE", "compliant",
                              ("告知中说明了处理敏感个人信息的必要性和对个人权益的影响。",
                               "The notice explains why processing the sensitive PI is necessary and how it "
                               "affects people."), None, ["notice.items"])
        else:
            yield ctx.finding("PIPL-30-EXTRA-NOTICE", "gap",
                              ("人脸信息是敏感个人信息，但告知中没有说明处理的必要性和对个人权益的影响。",
                               "Facial information is sensitive PI, but the notice does not say why processing it "
                               "is necessary or how it affects people."),
                              ART5_ITEMS["necessity_impact"][2], ["notice.items"])
    yield from _other_matters(ctx)


def _other_matters(ctx: Context):
    other = ctx.answer("notice.other_matters")
    if other is None:
        return
    qs = ["notice.other_matters"]
    if other == "not_checked":
        yield ctx.finding("FRM-05-NOTICE-OTHER", "gap",
                          ("没有核对法律、行政法规要求告知的其他事项。",
                           "Nobody has checked what other matters laws or administrative regulations require to "
                           "be told."),
                          ("核对是否涉及向他人提供（《个人信息保护法》第二十三条）、向境外提供（第三十九条）、"
                           "公共场所（第二十六条）等情形，并把相应事项写入告知。",
                           "Check for provision to others (PIPL Art. 23), transfer abroad (Art. 39), public "
                           "places (Art. 26) and similar cases, and add what they require to the notice."), qs)
    elif other == "none_apply" and ctx.answer("scope.cross_border") == "yes":
        yield ctx.finding("FRM-05-NOTICE-OTHER", "gap",
                          ("回答称没有其他须告知的事项，但人脸信息会出境；向境外提供须告知境外接收方的名称、联系方式、"
                           "处理目的和方式等（《个人信息保护法》第三十九条）。",
                           "You say no other matters apply, but facial information goes abroad; that requires "
                           "telling people the overseas recipient's name, contact details, purpose, method and "
                           "more (PIPL Art. 39)."),
                          ("在告知中补充境外接收方的信息和向其行使权利的方式。",
                           "Add the overseas recipient's details and how to exercise rights against it."),
                          [*qs, "scope.cross_border"])
    elif other == "none_apply" and ctx.answer("scope.third_parties") == "yes":
        # sharing.recipients is asked later; entrusted processing alone needs no notice of recipients.
        roles = ctx.answer("sharing.recipients")
        roles = None if roles is None else set(roles)
        if roles is None:
            yield ctx.finding("FRM-05-NOTICE-OTHER", "advisory",
                              ("回答称没有其他须告知的事项，但有其他单位接触人脸信息，且尚未说明它们的身份。受托处理无须另行告知，"
                               "但向其他处理者提供的，须告知接收方的名称、联系方式、处理目的和方式等（《个人信息保护法》"
                               "第二十三条）。",
                               "You say no other matters apply, but other organisations handle the facial "
                               "information and their role is not yet stated. Entrusted processing needs no extra "
                               "notice, but providing data to another processor requires telling people the "
                               "recipient's name, contact details, purpose, method and more (PIPL Art. 23)."),
                              ("确认每个接触人脸信息的单位是受托方还是独立的接收方；是接收方的，补充告知其信息。",
                               "Confirm for each organisation whether it is an entrusted processor or a recipient in "
                               "its own right; for recipients, add their details to the notice."),
                              [*qs, "scope.third_parties"])
            return
        provided = [r for r in ("recipient", "authority") if r in roles]
        if provided:
            why_zh, why_en = [], []
            if "recipient" in provided:
                why_zh.append("向其他个人信息处理者提供人脸信息，须告知接收方的名称、联系方式、处理目的、处理方式和信息种类"
                              "（《个人信息保护法》第二十三条）")
                why_en.append("facial information is provided to another processor, which requires telling people "
                              "the recipient's name, contact details, purpose, method and data types (PIPL Art. 23)")
            if "authority" in provided:
                why_zh.append("人脸信息报送国家机关或由其调取，这同样是向其他处理者提供，即使依法不需要同意，也应告知接收的"
                              "机关和所提供的信息（《个人信息保护法》第二十三条）；只有法律、行政法规规定应当保密或者"
                              "不需要告知的，才可以不告知（第十八条）")
                why_en.append("facial information goes to State organs, which is also provision to another processor: "
                              "even where no consent is needed, people should be told which organ receives what (PIPL "
                              "Art. 23), unless a law or administrative regulation requires secrecy or makes notice "
                              "unnecessary (Art. 18)")
            yield ctx.finding("FRM-05-NOTICE-OTHER", "advisory",
                              ("回答称没有其他须告知的事项，但" + "；".join(why_zh) + "。",
                               "You say no other matters apply, but " + "; ".join(why_en) + "."),
                              ("在告知中写明接收方及其联系方式、处理目的、方式和所提供的信息种类；依法无须告知的，"
                               "记录所依据的规定。",
                               "Add the recipients, their contact details, purpose, method and the data provided to "
                               "the notice; where a law makes notice unnecessary, record which one."),
                              [*qs, "scope.third_parties", "sharing.recipients"])
        else:
            yield ctx.finding("FRM-05-NOTICE-OTHER", "compliant",
                              ("已核对，没有其他须告知的事项：接触人脸信息的其他单位都是受托处理者，受托处理不属于向他人"
                               "提供，无须告知接收方的信息（《个人信息保护法》第二十一条、第二十三条）。",
                               "Checked, and no other matters apply: the other organisations that handle the facial "
                               "information are all entrusted processors, and entrusted processing is not provision "
                               "to others, so no recipient details are due (PIPL Arts. 21 and 23)."),
                              None, [*qs, "scope.third_parties", "sharing.recipients"])
    else:
        label = labels(ctx, "notice.other_matters", [other])
        yield ctx.finding("FRM-05-NOTICE-OTHER", "compliant",
                          (f"法律、行政法规要求告知的其他事项：{label[0]}。",
                           f"Other matters required by law: {label[1]}."), None, qs)


def _manner_issues(ctx: Context) -> list[Issue] | None:
    timing = ctx.answer("notice.timing")
    if timing is None:
        return None
    if timing == "none":
        return [_no_notice()]
    channels, plain = ctx.answer("notice.channels"), ctx.answer("notice.plain_language")
    if channels is None or plain is None:
        return None
    issues: list[Issue] = []
    if timing in NOT_BEFORE:
        label = labels(ctx, "notice.timing", [timing])
        issues.append((f"告知时间是“{label[0]}”，不是在采集人脸之前", f"notice comes {label[1].lower()}, not before "
                       "the face is captured"))
    if not any(c in POINT_OF_CAPTURE for c in channels):
        issues.append(("告知只在官网、公众号等处公布，刷脸现场看不到，不是显著方式",
                       "the notice is only on a website or similar and cannot be seen where faces are "
                       "captured, so it is not prominent"))
    if plain == "no":
        issues.append(("告知不够清晰易懂，或与系统的实际做法不一致", "the notice is not clear and plain, or does not "
                       "match what the system actually does"))
    elif plain == "unknown":
        issues.append(("尚未确认告知清晰易懂并与实际做法一致", "it is not confirmed that the notice is clear and "
                       "matches what the system does"))
    return issues


@rule("notice.manner", "FRM-05-NOTICE-MANNER")
def manner(ctx: Context):
    """Measures Art. 5: before processing, prominently, clearly, truthfully, accurately and completely."""
    issues = _manner_issues(ctx)
    if issues is None:
        return
    qs = ["notice.timing", "notice.channels", "notice.plain_language"]
    if issues:
        yield ctx.finding(
            "FRM-05-NOTICE-MANNER", "gap",
            ("告知方式不符合要求：" + "；".join(i[0] for i in issues) + "。",
             "The manner of notice falls short: " + "; ".join(i[1] for i in issues) + "."),
            ("在摄像头采集前，通过采集区域的标识、设备屏幕或App页面，用平实的语言告知；让本人看完后仍可选择不刷脸。",
             "Tell people before the camera captures anything, with signs at the collection area, the device "
             "screen or an app page, in plain words, and let them still choose not to use face recognition."),
            qs)
    else:
        zh, en = _mid_labels(ctx, "notice.channels", ctx.answer("notice.channels"))
        yield ctx.finding("FRM-05-NOTICE-MANNER", "compliant",
                          (f"在采集前以显著方式告知（{zh}），语言清晰易懂且与实际一致。",
                           f"People are told prominently before capture ({en}), in clear language that matches "
                           "practice."), None, qs)


@rule("notice.pipl17-items", "PIPL-17-NOTICE-ITEMS")
def pipl17_items(ctx: Context):
    """PIPL Art. 17 para 1: the required items, before processing, prominently and clearly."""
    issues = _manner_issues(ctx)
    items = _items(ctx)
    other = ctx.answer("notice.other_matters")
    if issues is None or items is None or other is None:
        return
    missing = [i for i in PIPL17_ITEMS if i not in items]
    if missing:
        zh, en = labels(ctx, "notice.items", missing)
        issues.append((f"缺少法定告知事项：{zh}", f"required items are missing: {en}"))
    if other == "not_checked":
        issues.append(("没有核对法律、行政法规要求告知的其他事项", "other legally required matters were not checked"))
    qs = ["notice.timing", "notice.channels", "notice.plain_language", "notice.items", "notice.other_matters"]
    if issues:
        yield ctx.finding(
            "PIPL-17-NOTICE-ITEMS", "gap",
            ("告知不符合《个人信息保护法》第十七条：" + "；".join(i[0] for i in issues) + "。",
             "The notice does not meet PIPL Art. 17: " + "; ".join(i[1] for i in issues) + "."),
            ("在处理前以显著方式、清晰易懂的语言告知处理者名称和联系方式、处理目的和方式、信息种类、保存期限、"
             "行使权利的方式和程序，以及法律要求的其他事项。",
             "Before processing, tell people prominently and plainly the processor's name and contact details, "
             "the purpose and method, the data types, the retention period, how to exercise their rights, and "
             "any other matter the law requires."),
            qs)
    else:
        yield ctx.finding("PIPL-17-NOTICE-ITEMS", "compliant",
                          ("处理前已以显著方式、清晰易懂的语言告知全部法定事项。",
                           "All required matters are told before processing, prominently and in plain "
                           "language."), None, qs)


@rule("notice.changes-and-rules", "PIPL-17-NOTICE-CHANGE-AND-RULES")
def changes_and_rules(ctx: Context):
    """PIPL Art. 17 paras 2-3: notify the changed part; processing rules public and easy to consult and keep."""
    rules_published, change = ctx.answer("notice.rules_published"), ctx.answer("notice.change_process")
    if rules_published is None or change is None:
        return
    issues: list[Issue] = []
    if change != "proactive":
        issues.append(("告知事项变更时，不会把变更部分告知本人", "the changed part is not told to people when "
                       "notified matters change"))
    if rules_published == "none":
        issues.append(("处理规则没有制定或没有公开（最高人民法院2021年人脸识别司法解释第二条将此列为侵权情形）",
                       "there are no published processing rules (Art. 2 of the SPC's 2021 face-recognition "
                       "provisions treats this as an infringement)"))
    elif rules_published == "scattered":
        issues.append(("处理规则分散在总隐私政策中或不便查阅、保存", "the processing rules are scattered in a general "
                       "privacy policy or hard to consult and keep"))
    qs = ["notice.rules_published", "notice.change_process"]
    if issues:
        yield ctx.finding(
            "PIPL-17-NOTICE-CHANGE-AND-RULES", "gap",
            ("；".join(i[0] for i in issues) + "。", _sentence("; ".join(i[1] for i in issues))),
            ("制定专门的人脸信息处理规则，集中公开（如在设备旁张贴二维码、在App中设专页），便于查阅和下载保存；"
             "建立变更时主动告知变更部分的流程。",
             "Write dedicated processing rules for facial information and publish them in one place (e.g. a QR "
             "code by the device, a dedicated app page) where they can be read and saved; set up a process to "
             "tell people proactively what changed."),
            qs)
    else:
        yield ctx.finding("PIPL-17-NOTICE-CHANGE-AND-RULES", "compliant",
                          ("处理规则集中公开、便于查阅和保存；变更时会主动告知变更部分。",
                           "The processing rules are published in one place and easy to consult and keep; "
                           "changes are proactively told."), None, qs)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


@rule("notice.ndsr21-rules-content", "NDSR-21-RULES-CONTENT")
def ndsr21_rules_content(ctx: Context):
    """NDSR Art. 21: processing rules shown centrally and prominently, with the listed content."""
    rules_published, items = ctx.answer("notice.rules_published"), _items(ctx)
    if rules_published is None or items is None:
        return
    qs = ["notice.rules_published", "notice.items"]
    required = ["name_contact", "purpose_method", "categories", "necessity_impact", "retention", "expiry_handling",
                "rights"]
    basis = ctx.answer("consent.basis")
    if basis is None or basis in ("consent", "not_determined"):
        required.append("withdrawal")
    issues: list[Issue] = []
    if rules_published == "none":
        issues.append(("没有制定或公开处理规则", "no processing rules are written or published"))
    elif rules_published == "scattered":
        issues.append(("处理规则没有集中公开展示、置于醒目位置", "the processing rules are not shown in one place "
                       "or prominently"))
    missing = [i for i in required if i not in items]
    if missing:
        zh, en = labels(ctx, "notice.items", missing)
        issues.append((f"处理规则缺少：{zh}", f"the rules do not cover: {en}"))
    if issues:
        yield ctx.finding(
            "NDSR-21-RULES-CONTENT", "gap",
            ("处理规则不符合《网络数据安全管理条例》第二十一条：" + "；".join(i[0] for i in issues) + "。",
             "The processing rules do not meet NDSR Art. 21: " + "; ".join(i[1] for i in issues) + "."),
            ("把人脸信息处理规则集中公开并放在醒目位置，内容包括处理者及联系方式、目的、方式、种类、必要性及影响、"
             "保存期限及到期后的处理，以及查阅、复制、删除、撤回同意等权利的行使方法和途径。",
             "Publish the facial-information processing rules in one prominent place, covering the processor "
             "and contact details, purpose, method, data types, necessity and impact, retention and what happens "
             "at expiry, and how to access, copy, delete, withdraw consent and exercise other rights."),
            qs)
    else:
        yield ctx.finding("NDSR-21-RULES-CONTENT", "compliant",
                          ("处理规则集中公开，内容覆盖《网络数据安全管理条例》第二十一条所列事项。",
                           "The processing rules are published in one place and cover what NDSR Art. 21 lists."),
                          None, qs)


@rule("notice.separate-notice", "GBT35273-5.4C-SEPARATE-NOTICE")
def separate_notice(ctx: Context):
    """GB/T 35273-2020 5.4 c) (recommended): a separate notice of purpose, method, scope and storage period."""
    timing = ctx.answer("notice.timing")
    if timing is None:
        return
    action = ("在收集人脸信息前单独告知（专门的告知页、弹窗或告知书），写明目的、方式、范围和存储时间。",
              "Before collecting facial information, give a notice of its own (a dedicated page, pop-up or paper "
              "notice) stating the purpose, method, scope and storage period.")
    if timing == "none":
        yield ctx.finding("GBT35273-5.4C-SEPARATE-NOTICE", "advisory",
                          ("处理前没有任何告知，更没有单独告知（GB/T 35273-2020 第5.4 c) 条，推荐性标准）。",
                           "There is no notice before processing, let alone a separate one (GB/T 35273-2020 "
                           "5.4 c), recommended standard)."), action, ["notice.timing"])
        return
    separate, items = ctx.answer("notice.separate"), _items(ctx)
    if separate is None or items is None:
        return
    issues: list[Issue] = []
    if separate == "no":
        issues.append(("人脸识别没有单独告知，只是其他文本中的一个条款", "face recognition has no notice of its own, "
                       "only a clause in another text"))
    elif separate == "unknown":
        issues.append(("尚未确认是否单独告知", "it is not confirmed that there is a separate notice"))
    if timing in NOT_BEFORE:
        issues.append(("告知不在收集之前", "the notice does not come before collection"))
    missing = [i for i in SEPARATE_NOTICE_ITEMS if i not in items]
    if missing:
        zh, en = labels(ctx, "notice.items", missing)
        issues.append((f"缺少：{zh}", f"missing: {en}"))
    qs = ["notice.separate", "notice.timing", "notice.items"]
    if issues:
        yield ctx.finding(
            "GBT35273-5.4C-SEPARATE-NOTICE", "advisory",
            ("不符合 GB/T 35273-2020 第5.4 c) 条（推荐性标准）的单独告知：" + "；".join(i[0] for i in issues) + "。",
             "Short of the separate notice in GB/T 35273-2020 5.4 c) (recommended standard): "
             + "; ".join(i[1] for i in issues) + "."),
            action, qs)
    else:
        yield ctx.finding("GBT35273-5.4C-SEPARATE-NOTICE", "compliant",
                          ("收集前单独告知了目的、方式、范围和保存期限。",
                           "A separate notice of the purpose, method, scope and retention period comes before "
                           "collection."), None, qs)


# Hurdles on the non-face way (alternatives.refusal_consequences) that make it no easy alternative.
BARRIERS = (
    ("extra_fee", "不刷脸的方式须额外付费或交押金", "the non-face way costs extra or needs a deposit"),
    ("must_justify", "不刷脸的方式须说明理由、书面申请或经审批",
     "the non-face way needs reasons, a written application or approval"),
)


@rule("notice.accessibility", "FRM-05-ACCESSIBILITY")
def accessibility(ctx: Context):
    """Measures Art. 5: accessible notice and alternatives where elderly or disabled people are data subjects."""
    who = ctx.answer("scope.elderly_disabled")
    if who is None:
        return
    if who == "no":
        yield ctx.finding("FRM-05-ACCESSIBILITY", "not_applicable",
                          ("被采集人脸的人中没有老年人或残疾人。",
                           "No elderly people or people with disabilities are among those whose faces are "
                           "captured."), None, ["scope.elderly_disabled"])
        return
    arrangements = ctx.answer("notice.accessibility")
    if arrangements is None:
        return
    real = [a for a in arrangements if a != "none"]
    issues: list[Issue] = []
    if not any(a in real for a in ("large_print", "voice", "staff_help")):
        issues.append(("视力、听力不便或不熟悉智能设备的人，没有可以获知告知内容的无障碍方式（大字、语音或人工说明）",
                       "people with poor sight or hearing or unused to smart devices have no accessible way to "
                       "take in the notice (large print, audio or a person explaining)"))
    if not any(a in real for a in ("accessible_alternative", "staff_help")):
        issues.append(("不便刷脸的人没有便捷的替代方式或人工协助",
                       "people who cannot use face recognition have no easy alternative or staff help"))
    qs = ["scope.elderly_disabled", "notice.accessibility"]
    presumed = ("（“适用范围”中回答不确定，按可能涉及处理）", " (Scope says \"don't know\", so treated as involved)") \
        if who == "unknown" else ("", "")
    # alternatives.refusal_consequences is asked later: barriers on the non-face way hit these people hardest.
    barriers = [b for b in BARRIERS if b[0] in (ctx.answer("alternatives.refusal_consequences") or [])]
    if barriers:
        qs.append("alternatives.refusal_consequences")
    if not issues and barriers:
        yield ctx.finding(
            "FRM-05-ACCESSIBILITY", "advisory",
            ("涉及老年人、残疾人" + presumed[0] + "，有无障碍安排，但不刷脸的方式本身设有门槛："
             + "；".join(b[1] for b in barriers) + "。不便或无法刷脸的老年人、残疾人恰恰最依赖这种方式，"
             "这样的替代方式对他们并不便捷。",
             "Elderly or disabled people are involved" + presumed[1] + " and there are accessibility arrangements, "
             "but the non-face way itself has hurdles: " + "; ".join(b[2] for b in barriers) + ". Elderly and "
             "disabled people who cannot easily use face recognition depend on that way most, so for them it is "
             "not an easy alternative."),
            ("取消不刷脸方式的押金、费用和书面申请或审批要求，让需要的人当场就能使用。",
             "Drop the deposit, fees and written application or approval for the non-face way, so that anyone who "
             "needs it can use it on the spot."),
            qs)
        return
    if issues:
        issues += [(b[1], b[2]) for b in barriers]
        yield ctx.finding(
            "FRM-05-ACCESSIBILITY", "gap",
            ("涉及老年人、残疾人" + presumed[0] + "，但无障碍安排不足：" + "；".join(i[0] for i in issues) + "。",
             "Elderly or disabled people are involved" + presumed[1] + ", but accessibility falls short: "
             + "; ".join(i[1] for i in issues) + "."),
            ("按国家无障碍环境建设的规定，提供大字或语音告知、现场人工协助，以及不依赖刷脸的便捷替代方式。",
             "Under the national rules on accessible environments, provide large-print or audio notice, staff "
             "help on site, and an easy alternative that does not rely on face recognition."),
            qs)
    else:
        zh, en = labels(ctx, "notice.accessibility", real)
        yield ctx.finding("FRM-05-ACCESSIBILITY", "compliant",
                          (f"为老年人、残疾人提供了无障碍安排：{zh}。",
                           f"Accessibility arrangements for elderly and disabled people: {en}."), None, qs)
