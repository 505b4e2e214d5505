"""Entrusted processing, provision to others, disclosure and transfers abroad: PIPL Arts. 21, 23, 25, 38, 39;
GB/T 35273-2020 9.2 i) and 9.4 f) (recommended).

Notice and consent for transfers abroad (PIPL Art. 39) is a data check when the cross-border questions are
shown; the rules here decide it when they are not.
"""

from __future__ import annotations

from pia_wizard.core.rules import Context, rule

ENTRUST = ("PIPL-21-ENTRUST-CONTRACT-SUPERVISE", "PIPL-21-ENTRUST-RETURN-DELETE")
PROVISION = "PIPL-23-PROVISION-NOTICE-CONSENT"
NO_SHARE = "GBT35273-9.2I-NO-SHARE-TRANSFER"
SHARE_NOTICE = "GBT35273-9.2I-SHARE-NOTICE-CONSENT"
XBORDER = ("PIPL-38-XBORDER-MECHANISM", "PIPL-38-RECIPIENT-STANDARD", "PIPL-39-XBORDER-NOTICE-CONSENT")
GBT_NOTE = ("（GB/T 35273为推荐性标准。）", " (GB/T 35273 is a recommended standard.)")


def _chosen(ctx: Context, qid: str) -> set[str] | None:
    value = ctx.answer(qid)
    if value is None:
        return None
    return set(value) - {"none"}


def _third_parties(ctx: Context):
    """(gate answer, recipient roles or None). Roles are None until sharing.recipients is answered."""
    gate = ctx.answer("scope.third_parties")
    return gate, _chosen(ctx, "sharing.recipients") if gate == "yes" else None


NO_THIRD = ("没有其他单位接触人脸信息，委托处理和向他人提供的规则不适用。",
            "No other organisation handles the facial information, so the rules on entrusted processing and "
            "provision to others do not apply.")
NO_THIRD_ACTION = ("今后引入供应商、云服务或合作方时，须重新评估。",
                   "Re-assess before bringing in a vendor, cloud service or partner.")
UNSURE_THIRD = ("尚未确认是否有其他单位（供应商、云服务商、运维方、合作方）接触人脸信息。",
                "It is not confirmed whether any other organisation (vendor, cloud provider, maintenance firm, "
                "partner) handles the facial information.")
UNSURE_THIRD_ACTION = ("梳理设备供应、运维、云服务和数据流向，确认谁能接触人脸信息，再回答相关问题。",
                       "Map device supply, maintenance, cloud services and data flows to find out who can reach the "
                       "facial information, then answer the questions.")


@rule("sharing.entrusted-processing", *ENTRUST)
def entrusted_processing(ctx: Context):
    """PIPL Art. 21: agreement and supervision; return or delete at the end; no sub-entrusting."""
    gate, roles = _third_parties(ctx)
    if gate is None:
        return
    if gate == "no":
        for ob in ENTRUST:
            yield ctx.finding(ob, "not_applicable", NO_THIRD, NO_THIRD_ACTION, ["scope.third_parties"])
        return
    if gate == "unknown":
        for ob in ENTRUST:
            yield ctx.finding(ob, "gap", UNSURE_THIRD, UNSURE_THIRD_ACTION, ["scope.third_parties"])
        return
    if roles is None:
        return
    if "entrusted" not in roles:
        for ob in ENTRUST:
            yield ctx.finding(
                ob, "not_applicable",
                ("没有受托人代为处理人脸信息，委托处理的规则不适用。"
                 + (NATIONAL_ROLE[0] if "national_service" in roles else ""),
                 "No entrusted party processes the facial information for you, so the rules on entrusted "
                 "processing do not apply." + (" " + NATIONAL_ROLE[1] if "national_service" in roles else "")),
                ("确认供应商、运维方不能远程访问人脸信息；一旦可以访问，即属委托处理。",
                 "Confirm that vendors and maintenance staff cannot reach the facial information remotely; if they "
                 "can, that is entrusted processing."),
                ["scope.third_parties", "sharing.recipients"])
        return

    contract = ctx.answer("sharing.entrust_contract")
    supervision = ctx.answer("sharing.entrust_supervision")
    if contract is not None and supervision is not None:
        qs = ["sharing.recipients", "sharing.entrust_contract", "sharing.entrust_supervision"]
        problems_zh, problems_en = [], []
        if contract == "partial":
            problems_zh.append("部分受托人没有协议，或协议缺少目的、期限、方式、种类、保护措施或权利义务等约定")
            problems_en.append("some entrusted parties have no agreement, or the agreement lacks the purpose, term, "
                               "method, categories, protective measures or rights and duties")
        elif contract == "none":
            problems_zh.append("与受托人没有约定委托处理事项的协议")
            problems_en.append("there is no agreement with the entrusted parties on the processing")
        if supervision == "contract_only":
            problems_zh.append("对受托人的监督只停留在合同上，没有实际检查")
            problems_en.append("supervision of the entrusted parties exists only on paper, with no actual checks")
        elif supervision == "none":
            problems_zh.append("没有监督受托人的处理活动")
            problems_en.append("the entrusted parties' processing is not supervised")
        if problems_zh:
            yield ctx.finding(
                ENTRUST[0], "gap",
                ("；".join(problems_zh) + "。《个人信息保护法》第二十一条要求约定上述事项并对受托人进行监督。",
                 "; ".join(problems_en).capitalize() + ". PIPL Art. 21 requires these terms to be agreed and the "
                 "entrusted party to be supervised."),
                ("与每个受托人签订数据处理协议，写明目的、期限、处理方式、信息种类、保护措施和双方权利义务；"
                 "建立定期检查或审计，审查其远程访问记录。",
                 "Sign a data-processing agreement with every entrusted party setting out the purpose, term, method, "
                 "categories, protective measures and both sides' rights and duties; check or audit them regularly "
                 "and review their remote-access logs."),
                qs)
        else:
            yield ctx.finding(ENTRUST[0], "compliant",
                              ("与所有受托人都有完整的协议，并进行实际监督。",
                               "Every entrusted party has a complete agreement and is actually supervised."),
                              None, qs)

    terms = _chosen(ctx, "sharing.entrust_terms")
    if terms is not None:
        qs = ["sharing.entrust_terms"]
        required = (("within_scope", "只按约定处理", "processing only as agreed"),
                    ("return_delete", "合同终止时返还或删除、不得保留", "return or deletion at the end, keeping none"),
                    ("no_subcontract", "未经同意不得转委托", "no sub-entrusting without consent"))
        missing = [(zh, en) for value, zh, en in required if value not in terms]
        if missing:
            yield ctx.finding(
                ENTRUST[1], "gap",
                ("协议没有要求受托人做到：" + "、".join(zh for zh, _ in missing) + "。",
                 "The agreement does not require the entrusted party to ensure: "
                 + ", ".join(en for _, en in missing) + "."),
                ("在协议中补充这些条款（《个人信息保护法》第二十一条第二、三款），并约定删除后出具删除证明。",
                 "Add these terms to the agreement (PIPL Art. 21 paras 2-3), and require proof of deletion."),
                qs)
        elif "deletion_proof" not in terms:
            yield ctx.finding(
                ENTRUST[1], "advisory",
                ("协议包含返还或删除、不得转委托等条款，但没有要求出具删除证明，难以核实受托人确已删除。",
                 "The agreement covers return or deletion and no sub-entrusting, but asks for no proof of deletion, "
                 "so deletion cannot be checked."),
                ("约定合同终止时出具删除证明，并抽查核实。",
                 "Require proof of deletion when the contract ends, and spot-check it."),
                qs)
        else:
            yield ctx.finding(ENTRUST[1], "compliant",
                              ("协议要求受托人按约定处理、终止时返还或删除并出具证明、不得擅自转委托。",
                               "The agreement requires processing only as agreed, return or deletion with proof at "
                               "the end, and no sub-entrusting without consent."), None, qs)


def _authority_compliant(ctx: Context, qs: list[str]):
    """Reporting to State organs with a stated basis, worded by the basis the assessment records for it: the
    off-device basis (storage.offdevice_basis, a later section) or the provision consent."""
    offdevice, consent = ctx.answer("storage.offdevice_basis"), ctx.answer("sharing.provision_consent")
    on_consent = offdevice == "separate_consent" or consent == "separate"
    on_law = offdevice == "law" or consent == "legal_basis"
    if on_consent and not on_law:
        qs = [*qs, *(q for q in ("storage.offdevice_basis", "sharing.provision_consent") if ctx.answered(q))]
        return ctx.finding(
            PROVISION, "compliant",
            ("向国家机关报送人脸信息，写明了依据；本评估把人脸信息离开设备或对外提供记录为以本人单独同意为依据，"
             "而不是法律、行政法规的规定。以同意为依据的，报送不得超出同意的范围，本人拒绝或撤回同意的不得报送，"
             "并须为其保留不刷脸的办理方式。",
             "Facial information goes to State organs and the basis is stated; this assessment records facial "
             "information leaving the device or being provided to others as resting on the person's separate "
             "consent, not on a law or administrative regulation. Resting on consent, the reporting may not go "
             "beyond what was consented to and stops for anyone who declines or withdraws, who must keep a way "
             "that involves no face recognition."),
            ("报送如果是法律、行政法规规定的义务（第十三条第一款第三项，不需要同意），在“存储”部分的依据和这里一致地"
             "写明该规定；如果依赖同意，确保单独同意中写明接收的机关和报送的信息。保留报送和调取记录。",
             "If the reporting is a duty under a law or administrative regulation (Art. 13 para 1 item 3, no consent "
             "needed), record that provision consistently here and as the Storage basis; if it rests on consent, "
             "make sure the separate consent names the receiving organ and what is reported. Keep records of "
             "reports and requests."),
            qs)
    return ctx.finding(
        PROVISION, "compliant",
        ("向国家机关报送人脸信息有写明的法定依据，不需要同意（第十三条第一款第三项）。",
         "Facial information goes to State organs on a stated legal duty, which needs no consent (Art. 13 para 1 "
         "item 3)."),
        ("只报送规定要求的信息，并保留报送和调取记录。",
         "Report only what the rule requires and keep records of reports and requests."), qs)


NATIONAL_ROLE = ("国家网络身份认证公共服务是国家依法建设的公共服务，按自己的规则比对并只返回结果：它不按你的要求处理"
                 "（不是第二十一条的受托人），也不为自己的业务使用这些信息（不是第二十三条的接收方）。",
                 "The national online identity authentication service (国家网络身份认证公共服务) is a public "
                 "service the State runs under its own rules; it compares the image and returns only a result. It "
                 "does not act on your instructions (it is not an entrusted party under Art. 21) and does not use "
                 "the data for a business of its own (it is not a recipient under Art. 23).")


def _national_service(ctx: Context):
    """The live image sent to the national online identity authentication service for comparison: no separate
    consent to provision (PIPL Art. 23), but the transfer must be in the notice (Arts. 17, 23)."""
    qs = ["sharing.recipients", "sharing.national_service_flow", "sharing.national_service_notice"]
    flow, told = ctx.answer("sharing.national_service_flow"), ctx.answer("sharing.national_service_notice")
    missing = [q for q, a in (("sharing.national_service_flow", flow), ("sharing.national_service_notice", told))
               if a is None]
    if missing:
        return ctx.finding(PROVISION, "gap",
                           ("评估尚未回答此项义务的问题：" + "、".join(missing) + "。",
                            "The assessment does not answer this yet: " + ", ".join(missing) + "."),
                           ("回答相关问题，个人信息保护影响评估须覆盖此项义务。",
                            "Answer the questions: the PIPIA must cover this obligation."), missing)
    problems: list[tuple[str, str]] = []
    if not ctx.text_is_substantive("sharing.national_service_flow", 30):
        problems.append(("没有写明发送哪些信息、经什么方式接入和传输、返回什么结果",
                         "what is sent, how the system is connected and the data carried, and what comes back are "
                         "not described"))
    if told == "no":
        problems.append(("告知中没有写明人脸图像将发送到该服务比对",
                         "the notice does not say that the face image is sent to the service for comparison"))
    elif told == "unknown":
        problems.append(("尚未确认告知中是否写明人脸图像将发送到该服务比对",
                         "it is not confirmed that the notice says the face image is sent to the service for "
                         "comparison"))
    if problems:
        return ctx.finding(
            PROVISION, "gap",
            ("现场人脸图像发送到国家网络身份认证公共服务比对：" + "；".join(p[0] for p in problems) + "。"
             + NATIONAL_ROLE[0] + "因此不需要就“向他人提供”取得单独同意，但发送本身是你的处理活动，必须事先告知"
             "（《个人信息保护法》第十七条、第二十三条）。",
             "The live face image is sent to the national online identity authentication service for comparison: "
             + "; ".join(p[1] for p in problems) + ". " + NATIONAL_ROLE[1] + " No separate consent to provision is "
             "therefore needed, but the sending is your own processing and must be told beforehand (PIPL Arts. 17 "
             "and 23)."),
            ("在核验前的告知中写明：现场人脸图像发送到国家网络身份认证公共服务比对、发送哪些信息、只取回比对结果、"
             "本单位是否留存；并记录接入依据和传输方式。",
             "Say in the notice before the check that the live face image goes to the national online identity "
             "authentication service for comparison, what is sent, that only the result comes back, and whether "
             "you keep anything; record the access arrangement and how the data is carried."),
            qs)
    return ctx.finding(
        PROVISION, "compliant",
        ("现场人脸图像发送到国家网络身份认证公共服务比对，只取回比对结果，告知中已写明。" + NATIONAL_ROLE[0]
         + "因此不需要就“向他人提供”取得单独同意。",
         "The live face image is sent to the national online identity authentication service for comparison and "
         "only the result comes back; the notice says so. " + NATIONAL_ROLE[1] + " No separate consent to "
         "provision is therefore needed."),
        None, qs)


@rule("sharing.provision", PROVISION, SHARE_NOTICE)
def provision(ctx: Context):
    """PIPL Art. 23 and GB/T 35273 9.2 i) second sentence: notice and separate consent before providing."""
    gate, roles = _third_parties(ctx)
    if gate is None:
        return
    if gate == "no":
        yield ctx.finding(PROVISION, "not_applicable", NO_THIRD, NO_THIRD_ACTION, ["scope.third_parties"])
        yield ctx.finding(SHARE_NOTICE, "not_applicable", NO_THIRD, None, ["scope.third_parties"])
        return
    if gate == "unknown":
        yield ctx.finding(PROVISION, "gap", UNSURE_THIRD, UNSURE_THIRD_ACTION, ["scope.third_parties"])
        yield ctx.finding(SHARE_NOTICE, "advisory", (UNSURE_THIRD[0] + GBT_NOTE[0], UNSURE_THIRD[1] + GBT_NOTE[1]),
                          UNSURE_THIRD_ACTION, ["scope.third_parties"])
        return
    if roles is None:
        return

    to_recipient, to_authority = "recipient" in roles, "authority" in roles
    to_national = "national_service" in roles
    notice = _chosen(ctx, "sharing.provision_notice") if to_recipient else None
    consent = ctx.answer("sharing.provision_consent") if to_recipient else None
    if to_recipient and (notice is None or consent is None):
        return  # not answered yet: the engine reports it

    # PIPL Art. 23
    if not to_recipient and not to_authority and not to_national:
        yield ctx.finding(
            PROVISION, "not_applicable",
            ("只有受托人代为处理，没有向其他个人信息处理者提供人脸信息，第二十三条不适用；委托处理适用第二十一条。",
             "Only entrusted parties process the data for you and nothing is provided to another processor, so "
             "Art. 23 does not apply; entrusted processing falls under Art. 21."),
            None, ["sharing.recipients"])
    if to_recipient:
        qs = ["sharing.recipients", "sharing.provision_notice", "sharing.provision_consent",
              "sharing.provision_basis"]
        items = (("recipient_name", "接收方名称", "the recipient's name"),
                 ("recipient_contact", "联系方式", "contact details"),
                 ("purpose", "处理目的", "purpose"),
                 ("method", "处理方式", "method"),
                 ("categories", "个人信息种类", "categories of information"))
        missing = [(zh, en) for value, zh, en in items if value not in notice]
        problems_zh, problems_en = [], []
        if missing:
            problems_zh.append("告知缺少：" + "、".join(zh for zh, _ in missing))
            problems_en.append("the notice lacks " + ", ".join(en for _, en in missing))
        if consent == "bundled":
            problems_zh.append("同意夹在隐私政策或服务协议中，不是单独同意")
            problems_en.append("consent is bundled into a privacy policy or terms of service, not separate")
        elif consent == "none":
            problems_zh.append("没有取得同意")
            problems_en.append("no consent was obtained")
        elif consent == "legal_basis" and not ctx.text_is_substantive("sharing.provision_basis", 20):
            problems_zh.append("称有其他合法依据、不需要同意，但没有写明依据")
            problems_en.append("another lawful basis is claimed instead of consent, but it is not stated")
        if problems_zh:
            yield ctx.finding(
                PROVISION, "gap",
                ("向其他处理者提供人脸信息：" + "；".join(problems_zh) + "。",
                 "Providing facial information to another processor: " + "; ".join(problems_en) + "."),
                ("提供前单独告知接收方的名称、联系方式、处理目的、处理方式和信息种类，并就该次提供取得单独同意；"
                 "做不到的，停止提供，或只提供比对结果。",
                 "Before providing, tell people the recipient's name, contact details, purpose, method and "
                 "categories, and get separate consent to that provision; if you cannot, stop providing the data, "
                 "or pass on only the match result."),
                qs)
        else:
            how_zh = "取得了单独同意" if consent == "separate" else "依据已写明的其他合法依据"
            how_en = "with separate consent" if consent == "separate" else "on the stated lawful basis"
            yield ctx.finding(PROVISION, "compliant",
                              (f"向其他处理者提供人脸信息前已完整告知，并{how_zh}。",
                               f"Facial information is provided to another processor after full notice, {how_en}."),
                              None, qs)
    if to_authority:
        qs = ["sharing.recipients", "sharing.authority_basis"]
        if ctx.text_is_substantive("sharing.authority_basis", 20):
            yield _authority_compliant(ctx, qs)
        else:
            yield ctx.finding(
                PROVISION, "gap",
                ("向国家机关报送人脸信息，但没有写明法定依据；没有法定依据的，属于未经同意向他人提供。",
                 "Facial information goes to State organs, but no legal basis is stated; without one, this is "
                 "provision to others without consent."),
                ("写明要求报送的法律、行政法规或公安机关文件，以及报送的具体内容。",
                 "Name the law, regulation or public-security document that requires the reporting, and what is "
                 "reported."),
                qs)

    if to_national:
        yield _national_service(ctx)

    if not to_recipient:
        note = (("发送到国家网络身份认证公共服务比对不属于共享或转让。", " Sending the image to the national online "
                 "identity authentication service for comparison is not sharing or transfer.") if to_national
                else ("", ""))
        yield ctx.finding(SHARE_NOTICE, "not_applicable",
                          ("没有向其他处理者共享或转让人脸信息。" + note[0], "Facial information is not shared with or "
                           "transferred to other processors." + note[1]), None, ["sharing.recipients"])
        return

    # GB/T 35273 9.2 i), second sentence: separate notice (purpose, biometric types, recipient identity and
    # security capability) and explicit consent.
    qs = ["sharing.provision_notice", "sharing.provision_consent"]
    legal_gaps = any(v not in notice for v in ("recipient_name", "purpose", "categories")) or \
        consent in ("bundled", "none")
    if consent == "legal_basis" and ctx.text_is_substantive("sharing.provision_basis", 20) and not legal_gaps:
        yield ctx.finding(SHARE_NOTICE, "compliant",
                          ("依据写明的法定事由提供，不需要同意；告知已覆盖接收方身份、目的和信息类型。" + GBT_NOTE[0],
                           "Provided on a stated lawful basis that needs no consent; the notice covers the "
                           "recipient's identity, purpose and information types." + GBT_NOTE[1]), None, qs)
    elif legal_gaps or consent == "legal_basis":
        yield ctx.finding(
            SHARE_NOTICE, "gap",
            ("共享人脸信息前没有单独告知目的、生物识别信息类型和接收方身份并取得明示同意；这同时不符合"
             "《个人信息保护法》第二十三条。" + GBT_NOTE[0],
             "Before sharing, people are not separately told the purpose, the biometric types and the recipient's "
             "identity, or their explicit consent is not obtained; this also fails PIPL Art. 23." + GBT_NOTE[1]),
            ("单独告知上述事项及接收方的数据安全能力，并取得明示同意。",
             "Give separate notice of these points and of the recipient's data-security capability, and get "
             "explicit consent."),
            qs)
    elif "recipient_security" not in notice:
        yield ctx.finding(
            SHARE_NOTICE, "advisory",
            ("告知没有说明接收方的数据安全能力。" + GBT_NOTE[0],
             "The notice does not describe the recipient's data-security capability." + GBT_NOTE[1]),
            ("在告知中说明接收方的数据安全能力（如等级保护级别、认证情况、安全措施）。",
             "Describe the recipient's data-security capability in the notice (e.g. MLPS level, certifications, "
             "security measures)."),
            qs)
    else:
        yield ctx.finding(SHARE_NOTICE, "compliant",
                          ("共享前已单独告知目的、信息类型、接收方身份和数据安全能力，并取得单独同意。" + GBT_NOTE[0],
                           "Before sharing, people are separately told the purpose, the information types and the "
                           "recipient's identity and security capability, and give separate consent."
                           + GBT_NOTE[1]), None, qs)


@rule("sharing.no-share", NO_SHARE)
def no_share(ctx: Context):
    """GB/T 35273 9.2 i) first sentence: in principle no sharing or transfer of biometric information."""
    gate, roles = _third_parties(ctx)
    if gate is None:
        return
    if gate == "no":
        yield ctx.finding(NO_SHARE, "compliant",
                          ("人脸信息不共享、不转让给其他单位。" + GBT_NOTE[0],
                           "Facial information is not shared with or transferred to anyone else." + GBT_NOTE[1]),
                          None, ["scope.third_parties"])
        return
    if gate == "unknown":
        yield ctx.finding(NO_SHARE, "advisory", (UNSURE_THIRD[0] + GBT_NOTE[0], UNSURE_THIRD[1] + GBT_NOTE[1]),
                          UNSURE_THIRD_ACTION, ["scope.third_parties"])
        return
    if roles is None:
        return
    if "recipient" not in roles:
        kinds = [k for k in (("entrusted", "受托处理", "entrusted processing"),
                             ("authority", "依法向国家机关报送", "statutory reporting to State organs"),
                             ("national_service", "经国家网络身份认证公共服务比对",
                              "comparison through the national online identity authentication service"))
                 if k[0] in roles]
        zh = "、".join(k[1] for k in kinds)
        en = (", ".join(k[2] for k in kinds[:-1]) + " and " + kinds[-1][2]) if len(kinds) > 1 else kinds[0][2]
        yield ctx.finding(NO_SHARE, "compliant",
                          (f"只有{zh}，人脸信息不共享、不转让给其他处理者。" + GBT_NOTE[0],
                           f"There is only {en}; facial information is not shared with or transferred to other "
                           "processors." + GBT_NOTE[1]),
                          None, ["sharing.recipients"])
        return
    need = ctx.answer("sharing.provision_need")
    if need is None:
        return
    if ctx.text_is_substantive("sharing.provision_need", 30):
        yield ctx.finding(NO_SHARE, "compliant",
                          ("向其他处理者提供人脸信息，已说明业务上确需的理由（第9.2条i）允许的例外）。" + GBT_NOTE[0],
                           "Facial information is provided to another processor and the business need is explained "
                           "(the exception 9.2 i) allows)." + GBT_NOTE[1]),
                          ("定期复核能否改为只提供比对结果。", "Review regularly whether passing on only the match "
                           "result would do."), ["sharing.recipients", "sharing.provision_need"])
    else:
        yield ctx.finding(
            NO_SHARE, "advisory",
            ("生物识别信息原则上不应共享、转让，但向其他处理者提供人脸信息时没有说明业务上确需的理由。" + GBT_NOTE[0],
             "Biometric information should in principle not be shared or transferred, yet facial information is "
             "provided to another processor without explaining why the business needs it." + GBT_NOTE[1]),
            ("说明为什么确需提供人脸信息；能只提供比对结果的，改为只提供比对结果。",
             "Explain why the facial information itself must be provided; where the match result would do, pass "
             "on only that."),
            ["sharing.recipients", "sharing.provision_need"])


@rule("sharing.public-disclosure", "PIPL-25-NO-PUBLIC-DISCLOSURE", "GBT35273-9.4F-NO-DISCLOSURE")
def public_disclosure(ctx: Context):
    """PIPL Art. 25: no disclosure without separate consent (or a law requiring it). GB/T 35273 9.4 f): never
    disclose biometric information - a recommended standard, so its miss is advisory unless the law is broken too."""
    value = ctx.answer("sharing.public_disclosure")
    if value is None:
        return
    qs = ["sharing.public_disclosure", "sharing.disclosure_detail"]
    if value == "not_disclosed":
        yield ctx.finding("PIPL-25-NO-PUBLIC-DISCLOSURE", "compliant",
                          ("人脸信息不公开。", "Facial information is not made public."), None, qs)
        yield ctx.finding("GBT35273-9.4F-NO-DISCLOSURE", "compliant",
                          ("人脸信息不公开披露。" + GBT_NOTE[0], "Facial information is not publicly disclosed."
                           + GBT_NOTE[1]), None, qs)
        return

    detailed = ctx.text_is_substantive("sharing.disclosure_detail", 30)
    if value == "without_consent":
        yield ctx.finding(
            "PIPL-25-NO-PUBLIC-DISCLOSURE", "gap",
            ("未经本人单独同意公开人脸信息，违反《个人信息保护法》第二十五条。",
             "Facial information is made public without the person's separate consent, in breach of PIPL Art. 25."),
            ("立即撤下已公开的人脸信息，停止公开；确有必要的，须取得单独同意并重新评估必要性。",
             "Take the published facial information down now and stop publishing it; if it is truly needed, get "
             "separate consent and re-assess the necessity."),
            qs)
    elif value == "legal_duty" and not detailed:
        yield ctx.finding(
            "PIPL-25-NO-PUBLIC-DISCLOSURE", "gap",
            ("称依据法律、行政法规公开人脸信息，但没有写明依据和公开范围；没有依据的，属于未经同意公开。",
             "Disclosure is said to be required by law, but the basis and scope are not stated; without a basis it "
             "is disclosure without consent."),
            ("写明要求公开的法律、行政法规条款，以及公开的内容、范围和期限。",
             "Name the law or regulation and article that requires publication, and what is published, where and "
             "for how long."),
            qs)
    elif not detailed:
        yield ctx.finding(
            "PIPL-25-NO-PUBLIC-DISCLOSURE", "advisory",
            ("公开人脸信息已取得单独同意，但没有记录公开的内容、范围、期限和必要性。",
             "Separate consent to disclosure is obtained, but what is disclosed, where, for how long and why it is "
             "necessary are not recorded."),
            ("记录公开的内容、位置、期限和必要性（人脸信息为敏感个人信息，公开须有充分的必要性）。",
             "Record what is disclosed, where, for how long and why it is necessary (facial information is "
             "sensitive, so disclosure needs sufficient necessity)."),
            qs)
    else:
        basis_zh = "取得了本人的单独同意" if value == "with_consent" else "依据写明的法律、行政法规"
        basis_en = "with the person's separate consent" if value == "with_consent" else "as the stated law requires"
        yield ctx.finding("PIPL-25-NO-PUBLIC-DISCLOSURE", "compliant",
                          (f"公开人脸信息{basis_zh}，并记录了公开的内容、范围和理由。",
                           f"Facial information is made public {basis_en}, and what, where and why are recorded."),
                          ("定期复核是否仍有必要公开，到期撤下。", "Review regularly whether disclosure is still "
                           "needed, and take it down when it is not."), qs)

    # GB/T 35273 9.4 f) has no exception. A recommended standard: advisory, unless the law is broken as well.
    law_broken = value == "without_consent" or (value == "legal_duty" and not detailed)
    yield ctx.finding(
        "GBT35273-9.4F-NO-DISCLOSURE", "gap" if law_broken else "advisory",
        ("GB/T 35273-2020第9.4条f)规定不应公开披露个人生物识别信息，没有例外，而人脸信息被公开。"
         + ("这同时违反《个人信息保护法》第二十五条。" if law_broken
            else "有同意或法定依据时法律上可以公开，但不符合该标准。")
         + GBT_NOTE[0],
         "GB/T 35273-2020 9.4 f) says biometric information should not be publicly disclosed, with no exception, "
         "yet facial information is made public. "
         + ("This also breaches PIPL Art. 25." if law_broken else
            "With consent or a legal requirement the law allows it, but the standard is not met.")
         + GBT_NOTE[1]),
        ("除非法律要求，停止公开人脸信息；确需展示的，改用姓名、编号或打码后的图像。",
         "Unless a law requires it, stop making facial information public; where something must be shown, use "
         "a name, a number or a masked image instead."),
        qs)


@rule("sharing.cross-border", *XBORDER)
def cross_border(ctx: Context):
    """PIPL Arts. 38-39: a legal mechanism, measures binding the recipient, notice and separate consent."""
    gate = ctx.answer("scope.cross_border")
    if gate is None:
        return
    if gate == "no":
        for ob in XBORDER:
            yield ctx.finding(
                ob, "not_applicable",
                ("人脸信息不出境（也没有境外人员或系统远程访问），个人信息出境的规则不适用。",
                 "Facial information does not leave mainland China (and nobody abroad can access it remotely), so "
                 "the rules on transfers abroad do not apply."),
                ("引入境外供应商、境外总部访问或境外云服务前，须重新评估。",
                 "Re-assess before any vendor, head office or cloud service abroad can reach the data."),
                ["scope.cross_border"])
        return
    if gate == "unknown":
        for ob in XBORDER:
            yield ctx.finding(
                ob, "gap",
                ("尚未确认人脸信息是否出境，包括境外供应商远程运维、境外总部访问或境外云存储。",
                 "It is not confirmed whether facial information leaves mainland China, including remote "
                 "maintenance by a vendor abroad, access by a head office abroad, or cloud storage abroad."),
                ("核实数据流向和远程访问账号的所在地，再回答出境问题。",
                 "Check the data flows and where remote-access accounts are used from, then answer the questions on "
                 "transfers abroad."),
                ["scope.cross_border"])
        return

    # PIPL Art. 38 para 1: the mechanism, checked against the scale (2024 CAC cross-border provisions).
    mechanism = ctx.answer("sharing.xborder_mechanism")
    volume = ctx.answer("sharing.xborder_volume")
    if mechanism is not None and volume is not None:
        qs = ["sharing.xborder_volume", "sharing.xborder_mechanism", "sharing.xborder_mechanism_ref"]
        ref_ok = ctx.text_is_substantive("sharing.xborder_mechanism_ref", 10)
        ob = XBORDER[0]
        if mechanism == "none":
            yield ctx.finding(
                ob, "gap",
                ("人脸信息出境，但不具备《个人信息保护法》第三十八条规定的任何条件。",
                 "Facial information goes abroad without any of the conditions PIPL Art. 38 requires."),
                ("在具备条件前停止出境；按规模申报安全评估，或订立标准合同并备案，或取得认证。",
                 "Stop the transfer until a condition is met: apply for the security assessment, or sign and file "
                 "the standard contract, or obtain certification, as the scale requires."),
                qs)
        elif mechanism in ("standard_contract", "certification") and volume in ("cii", "sensitive_10k_plus"):
            who_zh = "关键信息基础设施运营者向境外提供个人信息" if volume == "cii" \
                else "累计向境外提供1万人以上敏感个人信息"
            who_en = "a CII operator provides personal information abroad" if volume == "cii" else \
                "the sensitive information of 10,000 or more people goes abroad"
            yield ctx.finding(
                ob, "gap",
                (f"{who_zh}，须申报数据出境安全评估，标准合同或认证不够（据《促进和规范数据跨境流动规定》）。",
                 f"Where {who_en}, a CAC security assessment is required; a standard contract or certification is "
                 f"not enough (per the 2024 CAC cross-border provisions)."),
                ("通过所在地省级网信部门申报数据出境安全评估；评估通过前暂停出境。",
                 "Apply for the security assessment through the provincial cyberspace office, and pause the "
                 "transfer until it is approved."),
                qs)
        elif mechanism == "exemption":
            if ref_ok:
                yield ctx.finding(
                    ob, "advisory",
                    ("依据免予申报的情形出境。豁免情形适用范围窄，对人脸信息很少能说明“确需”，本工具无法核实。",
                     "The transfer relies on an exemption. Exemptions are narrow and rarely show that facial "
                     "information really must go abroad; this tool cannot verify it."),
                    ("请法务书面确认所依据的豁免条款确实适用，并保留确需出境的证明。",
                     "Have legal counsel confirm in writing that the exemption really applies, and keep evidence "
                     "that the transfer is necessary."),
                    qs)
            else:
                yield ctx.finding(
                    ob, "gap",
                    ("称属于免予申报的情形，但没有写明依据的具体条款。",
                     "An exemption is claimed, but the provision relied on is not named."),
                    ("写明所依据的豁免条款并请法务确认；不能确认的，按规模申报评估或订立标准合同。",
                     "Name the exemption relied on and have legal counsel confirm it; if it cannot be confirmed, "
                     "use the assessment or standard contract the scale requires."),
                    qs)
        elif not ref_ok:
            yield ctx.finding(
                ob, "advisory",
                ("已具备出境条件，但没有记录评估结果、认证证书或备案的编号和日期。",
                 "A transfer mechanism is in place, but the number and date of the decision, certificate or filing "
                 "are not recorded."),
                ("记录编号和日期，并把相关文件作为评估附件。",
                 "Record the number and date, and keep the documents with the assessment."),
                qs)
        else:
            yield ctx.finding(ob, "compliant",
                              ("出境具备《个人信息保护法》第三十八条规定的条件，并记录了相关编号。",
                               "The transfer meets a PIPL Art. 38 condition, and the reference is recorded."),
                              ("留意有效期和备案变更要求，情况变化时重新办理。",
                               "Watch validity periods and change-filing rules, and renew when things change."), qs)

    # PIPL Art. 38 para 3: the recipient must meet the PIPL standard.
    measures = _chosen(ctx, "sharing.xborder_recipient_measures")
    if measures is not None:
        qs = ["sharing.xborder_recipient_measures"]
        ob = XBORDER[1]
        if {"contract_terms", "due_diligence", "monitoring"} <= measures:
            yield ctx.finding(ob, "compliant",
                              ("以合同约束、事前评估和定期检查保障境外接收方达到保护标准。",
                               "A contract, prior assessment and regular checks keep the overseas recipient to the "
                               "PIPL standard."), None, qs)
        elif {"contract_terms", "due_diligence"} <= measures:
            yield ctx.finding(ob, "advisory",
                              ("有合同约束和事前评估，但没有定期检查境外接收方。",
                               "There is a contract and a prior assessment, but no regular checks on the overseas "
                               "recipient."),
                              ("建立对境外接收方的定期检查或审计。", "Set up regular checks or audits of the overseas "
                               "recipient."), qs)
        else:
            missing_zh = [zh for value, zh in (("contract_terms", "合同约束"), ("due_diligence", "事前评估"))
                          if value not in measures]
            missing_en = [en for value, en in (("contract_terms", "a binding contract"),
                                               ("due_diligence", "a prior assessment")) if value not in measures]
            yield ctx.finding(
                ob, "gap",
                ("缺少保障境外接收方达到保护标准的必要措施：" + "、".join(missing_zh) + "。",
                 "The measures needed to hold the overseas recipient to the PIPL standard are missing: "
                 + ", ".join(missing_en) + "."),
                ("在出境前评估接收方的保护能力和所在地法律环境，以合同约定处理目的、方式、安全措施、禁止再转移和个人权利，"
                 "并定期检查。",
                 "Before the transfer, assess the recipient's capability and local law; bind it by contract on "
                 "purpose, method, security, onward transfer and individuals' rights; and check it regularly."),
                qs)
