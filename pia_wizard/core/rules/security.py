"""Security measures: Measures Art. 14; PIPL Arts. 51, 52, 57; GB/T 41819 (recommended).

The incident plan (PIPL Art. 51(5)) and compliance audits (PIPL Art. 54) are single answers, decided by
data checks in the bank.
"""

from __future__ import annotations

from datetime import date

from pia_wizard.core.rules import Context, rule

# Measures Art. 14: one finding per control. Encryption needs both at rest and in transit; encryption at rest
# and the security audit may be partial.
CONTROLS = {
    "FRM-14-ACCESS-CONTROL": ("access_control", "访问控制", "access control"),
    "FRM-14-AUTHORISATION-MGMT": ("authorisation_mgmt", "授权管理", "authorisation management"),
    "FRM-14-INTRUSION-DETECTION": ("intrusion_detection", "入侵检测和防御", "intrusion detection and prevention"),
}
CONTROL_ACTIONS = {
    "access_control": ("只允许经过身份认证的人员和系统访问人脸信息，管理后台不对公网开放，启用强认证。",
                       "Allow only authenticated people and systems to reach facial information, keep the admin "
                       "console off the internet, and use strong authentication."),
    "authorisation_mgmt": ("按岗位最小授权，授权经审批并留痕，定期复核，转岗离职当天收回。",
                           "Grant least-privilege roles with recorded approval, review them regularly, and remove "
                           "them on the day staff move or leave."),
    "intrusion_detection": ("部署入侵检测或防御措施（IDS/IPS、主机防护），及时修补漏洞，指定专人处理告警。",
                            "Deploy intrusion detection or prevention (IDS/IPS, host protection), patch promptly, "
                            "and name someone to act on alerts."),
}


def _chosen(ctx: Context, qid: str) -> set[str] | None:
    """A multi answer as a set without the "none" marker; None when unanswered."""
    value = ctx.answer(qid)
    if value is None:
        return None
    return set(value) - {"none"}


def _evidenced(ctx: Context) -> bool:
    return ctx.text_is_substantive("security.controls_evidence", 50)


def _level(controls: set[str], full: str) -> str:
    """"full", "partial" or "none" for a control that has a "(partial)" option; partial wins if both are ticked."""
    if f"{full}_partial" in controls:
        return "partial"
    return "full" if full in controls else "none"


def _labels(ctx: Context, qid: str, values: list[str] | None) -> tuple[str, str]:
    if not values:
        return "", ""
    label = ctx.bank.question(qid).option_label
    order = ctx.bank.question(qid).option_values()
    values = sorted(values, key=order.index)
    en = [label(v, "en") for v in values]
    return "；".join(label(v, "zh") for v in values), "; ".join(t[:1].lower() + t[1:] for t in en)


STORES = {
    "device": ("识别终端或采集设备", "the terminals or capture devices"),
    "local_server": ("本地服务器或管理平台", "the local server or management platform"),
    "cloud": ("云端或第三方平台", "the cloud or third-party platform"),
    "backup": ("备份", "the backups"),
    "other": ("其他位置（如导出文件、运维人员电脑）",
              "other places (such as exported files or maintenance staff's computers)"),
}


def _unencrypted(ctx: Context) -> tuple[str, str] | None:
    """Where facial information is stored in clear, for partial encryption at rest; None while unanswered."""
    stores = ctx.answer("security.unencrypted_stores")
    if stores is None:
        return None
    stores = [s for s in STORES if s in stores]
    en = [STORES[s][1] for s in stores]
    return "、".join(STORES[s][0] for s in stores), (", ".join(en[:-1]) + " and " + en[-1]) if len(en) > 1 else en[0]


# Audit gaps that leave the audit without its substance (gap) versus access paths it does not yet reach.
AUDIT_CORE_GAPS = ("operations", "tamper", "review", "retention")


@rule("security.art14-controls", "FRM-14-ENCRYPTION", "FRM-14-SECURITY-AUDIT", *CONTROLS)
def art14_controls(ctx: Context):
    """Measures Art. 14: each missing control is its own finding; claimed controls need a description."""
    controls = _chosen(ctx, "security.controls")
    if controls is None:
        return
    qs = ["security.controls", "security.controls_evidence"]
    evidenced = _evidenced(ctx)
    unproven = ("已勾选，但没有说明实现方式和证据，无法核实。",
                "It is ticked, but how it is implemented and the evidence are not described, so it cannot be "
                "checked.")
    prove = ("在证据说明中写明实现方式（产品、配置、范围）和证据所在位置。",
             "In the evidence answer, say how it is implemented (product, configuration, coverage) and where the "
             "evidence is.")

    # Encryption: at rest always (every store); in transit unless facial information never leaves the device.
    at_rest = _level(controls, "encrypt_at_rest")
    in_transit = "encrypt_in_transit" in controls
    on_device_only = ctx.answer("scope.off_device") == "no"
    enc_qs = [q for q in ("security.controls", "security.unencrypted_stores", "security.controls_evidence")
              if ctx.shown(q)]
    if at_rest == "partial":
        where = _unencrypted(ctx)
        if where is not None:
            transit_zh = "；传输也没有加密" if not in_transit and not on_device_only else ""
            transit_en = "; transit is not encrypted either" if not in_transit and not on_device_only else ""
            yield ctx.finding(
                "FRM-14-ENCRYPTION", "gap",
                (f"人脸信息只有部分存放位置加密存储，以下位置仍为明文：{where[0]}{transit_zh}。《办法》第十四条要求采取"
                 "数据加密措施，任何一处明文存放人脸信息都不满足要求。",
                 f"Facial information is encrypted in some stores only; it is stored in clear in {where[1]}"
                 f"{transit_en}. Measures Art. 14 requires data encryption, and facial information stored in clear "
                 "anywhere falls short of it."),
                ("对上述位置的人脸照片和特征值加密存储（可用国密算法），密钥与数据分开管理；暂时无法加密的（如等待固件升级），"
                 "限定完成期限，期间加强物理防护和访问控制。",
                 "Encrypt the face photos and templates in those places (national SM algorithms are an option) and "
                 "keep the keys apart from the data; where that must wait (e.g. for a firmware update), set a "
                 "deadline and tighten physical protection and access control meanwhile."),
                enc_qs)
    elif at_rest == "none":
        missing_zh = "存储加密和传输加密都没有" if not in_transit else "没有存储加密"
        missing_en = "neither encryption at rest nor in transit" if not in_transit else "no encryption at rest"
        yield ctx.finding(
            "FRM-14-ENCRYPTION", "gap",
            (f"人脸信息{missing_zh}。《办法》第十四条要求采取数据加密措施。",
             f"Facial information has {missing_en}. Measures Art. 14 requires data encryption."),
            ("对终端、服务器和备份中的人脸照片和特征值加密存储（可用国密算法），密钥与数据分开管理；"
             "设备之间的传输一并加密。",
             "Encrypt face photos and templates on terminals, servers and backups (national SM algorithms are an "
             "option), keep keys apart from the data, and encrypt transfers between devices too."),
            enc_qs)
    elif not in_transit and not on_device_only:
        yield ctx.finding(
            "FRM-14-ENCRYPTION", "gap",
            ("人脸信息存储时加密，但在终端、服务器和平台之间传输时没有加密。",
             "Facial information is encrypted at rest but not when it moves between terminals, servers and "
             "platforms."),
            ("对所有传输人脸信息的链路启用加密（如TLS 1.2以上），并禁用明文接口。",
             "Encrypt every link that carries facial information (e.g. TLS 1.2 or later) and switch off plain-text "
             "interfaces."),
            enc_qs)
    elif not in_transit:
        yield ctx.finding(
            "FRM-14-ENCRYPTION", "advisory",
            ("人脸信息只存储在设备内、不对外传输，存储已加密；没有传输加密。设备与管理平台之间仍有链路时，建议加密。",
             "Facial information stays on the device and is encrypted there; there is no encryption in transit. "
             "Where the device still talks to a management platform, encrypt that link."),
            ("确认设备没有任何传出人脸信息的接口；对设备管理链路启用加密。",
             "Confirm the device has no interface that sends facial information out, and encrypt the management "
             "link."),
            enc_qs)
    elif not evidenced:
        yield ctx.finding("FRM-14-ENCRYPTION", "advisory", ("数据加密" + unproven[0], "Encryption: " + unproven[1]),
                          prove, enc_qs)
    else:
        yield ctx.finding(
            "FRM-14-ENCRYPTION", "compliant",
            ("人脸信息在存储和传输中均已加密，并有实现说明。",
             "Facial information is encrypted at rest and in transit, and the implementation is described."),
            None, enc_qs)

    yield from _security_audit(ctx, controls, evidenced, unproven, prove)

    for ob, (value, zh, en) in CONTROLS.items():
        if value not in controls:
            yield ctx.finding(
                ob, "gap",
                (f"没有{zh}措施。《办法》第十四条要求人脸识别技术应用系统采取{zh}措施。",
                 f"There is no {en}. Measures Art. 14 requires the face-recognition system to have {en}."),
                CONTROL_ACTIONS[value], qs)
        elif not evidenced:
            yield ctx.finding(ob, "advisory", (zh + unproven[0], f"{en.capitalize()}: {unproven[1]}"), prove, qs)
        else:
            yield ctx.finding(ob, "compliant", (f"已采取{zh}措施，并有实现说明。",
                                                f"{en.capitalize()} is in place and described."), None, qs)


AUDIT_ACTION = ("记录对人脸信息的查询、导出、删除和配置变更，覆盖终端本机和供应商运维等全部访问途径；日志防篡改、"
                "至少保存六个月并定期审查。",
                "Log queries, exports, deletions and configuration changes on facial information across every access "
                "path, including the terminals and vendor maintenance; make the logs tamper-resistant, keep them at "
                "least six months and review them regularly.")


def _security_audit(ctx: Context, controls: set[str], evidenced: bool, unproven: tuple[str, str],
                    prove: tuple[str, str]):
    """Measures Art. 14 security audit: full, partial (say what is missing) or none. The data-mapping answer on
    logging (mapping.logging) refines the wording and catches a full audit claimed over partial logging."""
    ob = "FRM-14-SECURITY-AUDIT"
    level = _level(controls, "audit_log")
    logging = ctx.answer("mapping.logging")
    qs = [q for q in ("security.controls", "security.audit_gaps", "security.controls_evidence", "mapping.logging")
          if ctx.answered(q)]
    if level == "partial":
        gaps = ctx.answer("security.audit_gaps")
        if gaps is None:
            return
        zh, en = _labels(ctx, "security.audit_gaps", list(gaps))
        core = [g for g in gaps if g in AUDIT_CORE_GAPS]
        if core:
            yield ctx.finding(
                ob, "gap",
                (f"安全审计只部分落实：{zh}。《办法》第十四条要求采取安全审计措施；不完整的日志无法事后查清谁对人脸信息"
                 "做了什么。",
                 f"The security audit is only partly in place: {en}. Measures Art. 14 requires security audit; "
                 "incomplete logs cannot show afterwards who did what to facial information."),
                AUDIT_ACTION, qs)
        else:
            yield ctx.finding(
                ob, "advisory",
                (f"已有安全审计（记录主要操作、日志防篡改并定期审查），但还没有覆盖全部访问途径：{zh}。",
                 f"A security audit is in place (main operations logged, logs tamper-resistant and reviewed), but it "
                 f"does not yet reach every access path: {en}."),
                ("把上述访问途径纳入审计，例如供应商运维经堡垒机并录屏，终端本机管理操作上传日志。",
                 "Bring those access paths into the audit, for example vendor maintenance through a bastion host with "
                 "session recording, and terminal admin operations logged to the central log."),
                qs)
        return
    if level == "none":
        if logging in ("full", "partial"):
            what_zh = "只记录部分操作的日志" if logging == "partial" else "操作日志"
            what_en = "logs of some operations only" if logging == "partial" else "operation logs"
            yield ctx.finding(
                ob, "gap",
                (f"没有完整的安全审计措施：数据映射部分称有{what_zh}，但日志没有作为安全审计落实（覆盖全部操作、防篡改、"
                 "定期审查）。《办法》第十四条要求人脸识别技术应用系统采取安全审计措施。",
                 f"There is no full security audit: the data-mapping part reports {what_en}, but they do not amount "
                 "to a security audit (all operations covered, tamper-resistant, regularly reviewed). Measures Art. "
                 "14 requires the face-recognition system to have security audit."),
                AUDIT_ACTION, qs)
        else:
            yield ctx.finding(
                ob, "gap",
                ("没有安全审计措施。《办法》第十四条要求人脸识别技术应用系统采取安全审计措施。",
                 "There is no security audit. Measures Art. 14 requires the face-recognition system to have security "
                 "audit."),
                AUDIT_ACTION, qs)
        return
    if logging in ("partial", "none"):
        said_zh = "只记录部分操作" if logging == "partial" else "不记录日志"
        said_en = "only some operations are logged" if logging == "partial" else "nothing is logged"
        yield ctx.finding(
            ob, "advisory",
            (f"勾选了完整的安全审计，但数据映射部分称{said_zh}，两处回答不一致。",
             f"A full security audit is ticked, but the data-mapping part says {said_en}; the answers disagree."),
            ("核实日志实际覆盖的范围；只覆盖部分的，改选“安全审计（部分）”并说明缺了哪些。",
             "Check what the logs really cover; if only part, choose \"Security audit (partial)\" and say what is "
             "missing."),
            qs)
    elif not evidenced:
        yield ctx.finding(ob, "advisory", ("安全审计" + unproven[0], "Security audit: " + unproven[1]), prove, qs)
    else:
        yield ctx.finding(ob, "compliant", ("已采取安全审计措施，并有实现说明。", "Security audit is in place and "
                                            "described."), None, qs)


def _encrypt_deid(ctx: Context, controls: set[str]):
    """PIPL Art. 51(3): encryption and de-identification; partial encryption at rest names the stores in clear."""
    ob = "PIPL-51-ENCRYPT-DEID"
    qs = [q for q in ("security.controls", "security.unencrypted_stores") if ctx.shown(q)]
    level = _level(controls, "encrypt_at_rest")
    deid = "deidentification" in controls
    if level == "partial":
        where = _unencrypted(ctx)
        if where is None:
            return
        if deid:
            yield ctx.finding(
                ob, "advisory",
                (f"人脸信息已去标识化，但只有部分位置加密存储，以下位置仍为明文：{where[0]}。",
                 f"Facial information is de-identified, but encrypted in some stores only; it is in clear in "
                 f"{where[1]}."),
                (f"对{where[0]}中的人脸信息加密存储。", f"Encrypt the facial information in {where[1]}."), qs)
        else:
            yield ctx.finding(
                ob, "gap",
                (f"人脸信息只有部分位置加密存储，以下位置仍为明文：{where[0]}；也没有去标识化（特征值与身份信息分开存储）。"
                 "这些位置的人脸信息既未加密也未去标识化，不满足第五十一条第（三）项。",
                 f"Facial information is encrypted in some stores only; it is in clear in {where[1]}, and it is not "
                 "de-identified (templates kept apart from identity data). There it is neither encrypted nor "
                 "de-identified, short of Art. 51(3)."),
                (f"对{where[0]}中的人脸信息加密存储，并将特征值与姓名、证件号等身份信息分开存储。",
                 f"Encrypt the facial information in {where[1]}, and store templates apart from names, ID numbers "
                 "and other identity data."),
                qs)
        return
    encrypted = level == "full"
    if encrypted and deid:
        yield ctx.finding(ob, "compliant",
                          ("人脸信息已加密存储，并与身份信息分开、去标识化。",
                           "Facial information is encrypted at rest and de-identified, kept apart from "
                           "identity data."), None, qs)
    elif encrypted or deid:
        done_zh, todo_zh = ("加密", "去标识化（特征值与身份信息分开存储）") if encrypted else \
            ("去标识化", "存储加密")
        done_en, todo_en = ("encryption", "de-identification (templates kept apart from identity data)") \
            if encrypted else ("de-identification", "encryption at rest")
        yield ctx.finding(
            ob, "advisory",
            (f"已采取{done_zh}，未采取{todo_zh}。第五十一条要求采取相应的加密、去标识化等措施，对敏感的人脸信息宜两者兼用。",
             f"There is {done_en} but no {todo_en}. Art. 51 asks for suitable encryption, de-identification and "
             f"similar measures; for sensitive facial information use both."),
            (f"补充{todo_zh}。", f"Add {todo_en}."), qs)
    else:
        yield ctx.finding(
            ob, "gap",
            ("人脸信息既没有加密存储，也没有去标识化。", "Facial information is neither encrypted at rest nor "
             "de-identified."),
            ("对人脸信息加密存储，并将特征值与姓名、证件号等身份信息分开存储。",
             "Encrypt facial information at rest and store templates apart from names, ID numbers and other "
             "identity data."),
            qs)


@rule("security.pipl51-measures", "PIPL-51-INTERNAL-RULES", "PIPL-51-CLASSIFICATION", "PIPL-51-ENCRYPT-DEID",
      "PIPL-51-PERMISSIONS-TRAINING")
def pipl51_measures(ctx: Context):
    """PIPL Art. 51 items (1)-(4): rules, classification, encryption/de-identification, permissions and training."""
    controls = _chosen(ctx, "security.controls")
    management = _chosen(ctx, "security.management")
    if management is not None:
        qs = ["security.management"]
        if "internal_rules" in management:
            yield ctx.finding("PIPL-51-INTERNAL-RULES", "compliant",
                              ("有书面的人脸信息管理制度和操作规程。",
                               "Written rules and operating procedures for facial information exist."), None, qs)
        else:
            yield ctx.finding(
                "PIPL-51-INTERNAL-RULES", "gap",
                ("没有人脸信息的内部管理制度和操作规程。", "There are no internal rules or operating procedures for "
                 "facial information."),
                ("制定人脸信息管理制度和操作规程，覆盖采集、使用、存储、导出审批、删除和设备运维，并发布执行。",
                 "Adopt rules and procedures for facial information covering capture, use, storage, export "
                 "approval, deletion and device maintenance, and put them into force."),
                qs)
        if "classification" in management:
            yield ctx.finding("PIPL-51-CLASSIFICATION", "compliant",
                              ("人脸信息作为敏感个人信息分类管理。",
                               "Facial information is managed as a separate class of sensitive personal "
                               "information."), None, qs)
        else:
            yield ctx.finding(
                "PIPL-51-CLASSIFICATION", "gap",
                ("个人信息没有分类管理，人脸信息没有作为敏感个人信息单独标识和管理。",
                 "Personal information is not managed by class; facial information is not marked and handled as "
                 "sensitive personal information."),
                ("建立个人信息分类清单，把人脸信息标为敏感个人信息，并规定更严格的访问、保存和导出规则。",
                 "Build a classified inventory of personal information, mark facial information as sensitive, and "
                 "set stricter access, retention and export rules for it."),
                qs)
    if controls is not None:
        yield from _encrypt_deid(ctx, controls)
    if controls is not None and management is not None:
        missing_zh, missing_en = [], []
        if not {"access_control", "authorisation_mgmt"} <= controls:
            missing_zh.append("操作权限没有通过访问控制和授权管理合理确定")
            missing_en.append("access permissions are not set through access control and authorisation management")
        if "staff_training" not in management:
            missing_zh.append("没有定期对员工进行安全教育和培训")
            missing_en.append("staff get no regular security training")
        qs = ["security.controls", "security.management"]
        if missing_zh:
            yield ctx.finding(
                "PIPL-51-PERMISSIONS-TRAINING", "gap",
                ("；".join(missing_zh) + "。", "; ".join(missing_en).capitalize() + "."),
                ("按岗位确定最小操作权限并定期复核；每年至少对接触人脸信息的员工培训一次，保留记录。",
                 "Set least-privilege permissions by role and review them regularly; train staff who handle facial "
                 "information at least once a year and keep records."),
                qs)
        else:
            yield ctx.finding("PIPL-51-PERMISSIONS-TRAINING", "compliant",
                              ("操作权限已合理确定，并定期开展安全培训。",
                               "Access permissions are set and staff are trained regularly."), None, qs)


@rule("security.gbt41819", "GBT41819-SECURE-STORE-TRANSMIT", "GBT41819-CAPABILITY")
def gbt41819(ctx: Context):
    """GB/T 41819 (recommended; final wording unverified): secure storage and transmission; matching capability."""
    controls = _chosen(ctx, "security.controls")
    if controls is None:
        return
    note_zh, note_en = "（GB/T 41819为推荐性标准，条文据2021年征求意见稿的二手资料。）", \
        " (GB/T 41819 is a recommended standard; wording per secondary sources on the 2021 draft.)"
    needs_transit = ctx.answer("scope.off_device") != "no"
    at_rest = _level(controls, "encrypt_at_rest")
    transit_ok = "encrypt_in_transit" in controls or not needs_transit
    where = _unencrypted(ctx) if at_rest == "partial" else None
    sqs = [q for q in ("security.controls", "security.unencrypted_stores") if ctx.shown(q)]
    if at_rest == "full" and transit_ok:
        yield ctx.finding("GBT41819-SECURE-STORE-TRANSMIT", "compliant",
                          ("人脸识别数据的存储和传输已采取加密保护。" + note_zh,
                           "Face recognition data is encrypted in storage and in transit." + note_en),
                          None, sqs)
    elif at_rest == "partial" and where is None:
        pass  # waiting for security.unencrypted_stores; the engine reports it as unanswered
    else:
        if where is not None:
            zh = f"人脸识别数据在{where[0]}中未加密存储" + ("，传输也没有加密" if not transit_ok else "")
            en = f"Face recognition data is stored unencrypted in {where[1]}" + (
                "; transit is not encrypted either" if not transit_ok else "")
        else:
            zh = "人脸识别数据的存储或传输没有加密保护"
            en = "Face recognition data is not encrypted in storage or in transit"
        yield ctx.finding("GBT41819-SECURE-STORE-TRANSMIT", "advisory",
                          (zh + "。" + note_zh, en + "." + note_en),
                          ("对人脸识别数据的存储和传输全程加密。", "Encrypt face recognition data in storage and "
                           "in transit."), sqs)

    management = _chosen(ctx, "security.management")
    plan = ctx.answer("security.incident_plan")
    if management is None or plan is None:
        return
    lacking_zh, lacking_en = [], []
    for full, zh, en in (("encrypt_at_rest", "存储加密", "encryption at rest"),
                         ("audit_log", "安全审计", "security audit")):
        level = _level(controls, full)
        if level == "partial":
            lacking_zh.append(f"完整的{zh}（目前只部分落实）")
            lacking_en.append(f"full {en} (only partly in place)")
        elif level == "none":
            lacking_zh.append(zh)
            lacking_en.append(en)
    for value, zh, en in (
        ("access_control", "访问控制", "access control"),
        ("authorisation_mgmt", "授权管理", "authorisation management"),
        ("intrusion_detection", "入侵检测和防御", "intrusion detection"),
    ):
        if value not in controls:
            lacking_zh.append(zh)
            lacking_en.append(en)
    for value, zh, en in (("internal_rules", "管理制度", "internal rules"),
                          ("staff_training", "员工培训", "staff training")):
        if value not in management:
            lacking_zh.append(zh)
            lacking_en.append(en)
    if plan == "none":
        lacking_zh.append("应急预案")
        lacking_en.append("an incident plan")
    qs = ["security.controls", "security.management", "security.incident_plan"]
    if lacking_zh:
        yield ctx.finding(
            "GBT41819-CAPABILITY", "advisory",
            ("数据安全和个人信息保护能力与处理规模不相适应，缺少：" + "、".join(lacking_zh) + "。" + note_zh,
             "Data-security and PI-protection capability does not match the processing; missing: "
             + ", ".join(lacking_en) + "." + note_en),
            ("补齐上述措施，并按人脸信息的数量和处理方式配备相应的人员和预算。",
             "Put the missing measures in place, with staff and budget matched to the volume and method of "
             "processing."),
            qs)
    else:
        yield ctx.finding(
            "GBT41819-CAPABILITY", "compliant",
            ("主要技术和管理措施齐备。" + note_zh, "The main technical and management measures are in place."
             + note_en),
            None, qs)


def _months_before(today: date, months: int) -> date:
    month = today.month - months
    year = today.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    day = min(today.day, 28) if month == 2 else min(today.day, 30) if month in (4, 6, 9, 11) else today.day
    return date(year, month, day)


@rule("security.mlps-cii", "FRM-14-MLPS-CII")
def mlps_cii(ctx: Context):
    """Measures Art. 14 (wording unverified) with the Cybersecurity Law: MLPS grading, filing, testing; CII duties."""
    status = ctx.answer("security.mlps_status")
    if status is None:
        return
    level = ctx.answer("security.mlps_level")
    qs = ["security.mlps_status", "security.mlps_level", "security.mlps_filing_no", "security.mlps_test_date"]
    if status in ("filed", "graded_not_filed") and level is None:
        return
    level_zh = {"level1": "第一级", "level2": "第二级", "level3": "第三级", "level4": "第四级"}.get(level or "", "")
    level_en = {"level1": "level 1", "level2": "level 2", "level3": "level 3", "level4": "level 4"}.get(level or "", "")

    if status == "not_graded":
        yield ctx.finding(
            "FRM-14-MLPS-CII", "gap",
            ("系统尚未进行网络安全等级保护定级。《网络安全法》要求网络运营者履行等级保护义务。",
             "The system has not been graded under MLPS. The Cybersecurity Law requires network "
             "operators to meet graded-protection duties."),
            ("按GB/T 22240确定安全保护等级，第二级及以上向公安机关备案，并按等级要求整改和测评。",
             "Grade the system under GB/T 22240, file with the public-security organs if level 2 or above, and "
             "remediate and test to that level."),
            qs)
    elif status == "unsure":
        yield ctx.finding(
            "FRM-14-MLPS-CII", "gap",
            ("尚未确认系统的等级保护定级备案情况。", "The MLPS grading and filing status is not confirmed."),
            ("向信息安全部门核实系统是否已定级、备案，取得备案证明。",
             "Check with the IT security team whether the system is graded and filed, and get the certificate."),
            qs)
    elif status == "graded_not_filed" and level != "level1":
        yield ctx.finding(
            "FRM-14-MLPS-CII", "gap",
            (f"系统定为{level_zh}，但尚未向公安机关备案；第二级及以上系统须备案。",
             f"The system is graded {level_en} but not filed; systems at level 2 or above must be filed with the "
             f"public-security organs."),
            ("尽快向所在地公安机关办理等级保护备案，取得备案证明。",
             "File with the local public-security organs promptly and obtain the filing certificate."),
            qs)
    elif level == "level1":
        yield ctx.finding(
            "FRM-14-MLPS-CII", "advisory",
            ("系统定为第一级。批量处理人脸信息的系统一旦遭破坏，可能严重损害大量个人的合法权益，第一级通常偏低。",
             "The system is graded level 1. A system holding facial information in bulk could seriously harm "
             "many people if compromised, so level 1 is usually too low."),
            ("按GB/T 22240复核定级；如调整为第二级及以上，向公安机关备案。",
             "Review the grading against GB/T 22240; if it becomes level 2 or above, file with the public-security "
             "organs."),
            qs)
    else:  # filed, level 2-4
        filing_no = ctx.answer("security.mlps_filing_no")
        tested = ctx.answer("security.mlps_test_date")
        months = {"level3": 12, "level4": 6}.get(level or "")
        if months and tested is not None and date.fromisoformat(tested) < _months_before(ctx.today, months):
            period_zh, period_en = ("每年", "once a year") if months == 12 else ("每半年", "every six months")
            yield ctx.finding(
                "FRM-14-MLPS-CII", "gap",
                (f"系统定为{level_zh}，须{period_zh}至少测评一次，但最近一次等级测评是{tested}，已经逾期。",
                 f"The system is graded {level_en} and must be tested at least {period_en}, but the last MLPS "
                 f"assessment was on {tested}, which is overdue."),
                ("尽快委托测评机构开展等级测评，并整改发现的问题。",
                 "Commission an MLPS assessment promptly and fix what it finds."),
                qs)
        elif months and tested is None:
            yield ctx.finding(
                "FRM-14-MLPS-CII", "advisory",
                (f"系统定为{level_zh}并已备案，但没有记录最近一次等级测评的日期。",
                 f"The system is graded {level_en} and filed, but the date of the last MLPS assessment is not "
                 f"recorded."),
                ("记录最近一次等级测评的日期和结论。", "Record the date and result of the last MLPS assessment."),
                qs)
        elif not isinstance(filing_no, str) or len(filing_no.strip()) < 6:
            yield ctx.finding(
                "FRM-14-MLPS-CII", "advisory",
                (f"系统定为{level_zh}并称已备案，但没有记录备案证明编号。",
                 f"The system is graded {level_en} and said to be filed, but the filing number is not recorded."),
                ("记录备案证明编号，并将备案证明作为评估附件。",
                 "Record the filing number and keep the certificate with the assessment."),
                qs)
        else:
            yield ctx.finding(
                "FRM-14-MLPS-CII", "compliant",
                (f"系统已定为{level_zh}并向公安机关备案（备案编号{filing_no.strip()}）。",
                 f"The system is graded {level_en} and filed with the public-security organs (filing number "
                 f"{filing_no.strip()})."),
                None, qs)

    cii = ctx.answer("security.cii")
    cii_qs = ["security.cii", "security.cii_measures"]
    if cii == "yes":
        measures = ctx.answer("security.cii_measures")
        if measures == "yes":
            yield ctx.finding("FRM-14-MLPS-CII", "compliant",
                              ("系统属于关键信息基础设施，相应义务已落实并覆盖人脸识别系统。",
                               "The system is CII and the CII duties are met, including for the face-recognition "
                               "system."), None, cii_qs)
        elif measures is not None:
            yield ctx.finding(
                "FRM-14-MLPS-CII", "gap",
                ("系统属于关键信息基础设施，但没有确认已落实《关键信息基础设施安全保护条例》规定的义务。",
                 "The system is CII, but it is not confirmed that the duties under the CII Regulations are met."),
                ("把人脸识别系统纳入关键信息基础设施的安全管理、检测评估和人员审查，并每年开展检测和风险评估。",
                 "Bring the face-recognition system into CII security management, testing and staff vetting, with "
                 "testing and risk assessment every year."),
                cii_qs)
    elif cii == "unknown":
        yield ctx.finding(
            "FRM-14-MLPS-CII", "advisory",
            ("尚未确认系统是否属于关键信息基础设施。", "It is not confirmed whether the system is CII."),
            ("查看是否收到保护工作部门的认定通知，必要时向行业主管部门确认。",
             "Check whether a notice of identification was received from the protection department, and ask the "
             "sector regulator if needed."),
            cii_qs)


@rule("security.pi-officer", "PIPL-52-PI-OFFICER")
def pi_officer(ctx: Context):
    """PIPL Art. 52: above the CAC-set volume (1,000,000 people per the 2025 audit measures) appoint and report."""
    volume = ctx.answer("security.pi_volume")
    officer = ctx.answer("security.pi_officer")
    if volume is None or officer is None:
        return
    qs = ["security.pi_volume", "security.pi_officer"]
    if volume == "no":
        if officer == "not_appointed":
            yield ctx.finding(
                "PIPL-52-PI-OFFICER", "not_applicable",
                ("单位处理的个人信息不足100万人，法律不要求指定个人信息保护负责人。",
                 "The organisation processes the information of fewer than 1,000,000 people, so the law does not "
                 "require a PI protection officer."),
                ("人脸信息属于敏感个人信息，仍建议指定一名负责人监督处理活动。",
                 "Facial information is sensitive, so naming someone to oversee the processing is still "
                 "advisable."),
                qs)
        else:
            yield ctx.finding("PIPL-52-PI-OFFICER", "compliant",
                              ("已指定个人信息保护负责人（按处理数量并非法定要求）。",
                               "A PI protection officer is appointed (not legally required at this volume)."),
                              None, qs)
    elif officer == "appointed_reported":
        yield ctx.finding("PIPL-52-PI-OFFICER", "compliant",
                          ("已指定个人信息保护负责人，公开了联系方式并已报送。",
                           "A PI protection officer is appointed, the contact details are published and reported."),
                          None, qs)
    else:
        prefix_zh = "尚未确认处理数量是否达到100万人；如已达到，" if volume == "unknown" \
            else "单位处理100万人以上的个人信息，"
        prefix_en = "It is not confirmed whether the volume reaches 1,000,000 people; if it does, " \
            if volume == "unknown" else "The organisation processes the information of 1,000,000 or more people; "
        if officer == "appointed_only":
            body = ("负责人的联系方式须公开，姓名和联系方式须报送网信部门，目前尚未完成。",
                    "the officer's contact details must be published and reported to the cyberspace office, which "
                    "has not been done.")
        else:
            body = ("须指定个人信息保护负责人，目前没有指定。", "a PI protection officer is required, and none is "
                    "appointed.")
        yield ctx.finding(
            "PIPL-52-PI-OFFICER", "gap",
            (prefix_zh + body[0], prefix_en + body[1]),
            ("核实处理数量；达到100万人的，指定负责人，在隐私政策中公开联系方式，并通过个人信息保护业务系统"
             "向所在地设区的市级网信部门报送。",
             "Confirm the volume; at 1,000,000 or more, appoint an officer, publish the contact details in the "
             "privacy policy, and report them to the city-level cyberspace office through the CAC's personal "
             "information protection system."),
            qs)


# The response to incidents that were not judged major: Art. 57 has no "major" threshold.
OTHER_RESPONSE_PROBLEMS = {
    "not_remedied": ("非重大安全事件尚未采取有效补救措施",
                     "no effective remedial action has been taken on the incidents judged not major"),
    "remedied_individuals_only": (
        "非重大安全事件已补救并告知了个人，但没有通知履行个人信息保护职责的部门；第五十七条不以“重大”为前提，"
        "发生或者可能发生泄露的都须通知",
        "the incidents judged not major were remedied and the people affected were told, but the authorities were "
        "not notified; Art. 57 has no 'major' threshold and any actual or possible leak must be reported"),
    "remedied_not_notified": (
        "非重大安全事件已补救，但既没有通知履行个人信息保护职责的部门，也没有告知个人；第五十七条不以“重大”为前提",
        "the incidents judged not major were remedied, but neither the authorities nor the people affected were "
        "notified; Art. 57 has no 'major' threshold"),
}


@rule("security.breach-notification", "PIPL-57-BREACH-NOTIFY")
def breach_notification(ctx: Context):
    """PIPL Art. 57: a procedure to remedy and notify, and, after any incident - major or not - remedy and notice
    actually given."""
    procedure = ctx.answer("security.breach_notify")
    incident = ctx.answer("security.incident_since_last")
    response = ctx.answer("security.incident_response")
    other = ctx.answer("security.other_incidents")
    other_response = ctx.answer("security.other_incidents_response")
    other_described = ctx.answer("security.other_incidents_description")
    if procedure is None or incident is None or (incident == "yes" and response is None):
        return
    if other is None or (other == "yes" and (other_response is None or other_described is None)):
        return
    problems_zh, problems_en, actions_zh, actions_en = [], [], [], []
    if procedure != "yes":
        problems_zh.append("事件处置流程没有规定补救和通知" if procedure == "no"
                           else "尚未确认事件处置流程是否规定了补救和通知")
        problems_en.append("the incident procedure does not provide for remedy and notice" if procedure == "no"
                           else "it is not confirmed that the incident procedure provides for remedy and notice")
        actions_zh.append("在应急预案中加入补救和通知流程及通知模板")
        actions_en.append("add remedy and notification steps and a notice template to the incident plan")
    if incident == "yes" and response == "not_remedied":
        problems_zh.append("已发生的重大安全事件尚未采取有效补救措施")
        problems_en.append("no effective remedial action has been taken on the major incident")
        actions_zh.append("立即采取补救措施，并通知主管部门和受影响的个人")
        actions_en.append("take remedial action now and notify the authorities and the people affected")
    elif incident == "yes" and response == "remedied_not_notified":
        problems_zh.append("已发生的重大安全事件没有通知履行个人信息保护职责的部门")
        problems_en.append("the authorities were not notified of the major incident")
        actions_zh.append("补报主管部门，说明信息种类、原因、可能的危害和已采取的措施，并评估是否须通知个人")
        actions_en.append("report to the authorities now with the types of information, cause, possible harm and "
                          "measures taken, and decide whether individuals must be told")
    if other == "yes" and other_response in OTHER_RESPONSE_PROBLEMS:
        zh, en = OTHER_RESPONSE_PROBLEMS[other_response]
        problems_zh.append(zh)
        problems_en.append(en)
        if other_response == "not_remedied":
            actions_zh.append("对这些事件立即采取补救措施，并通知主管部门和受影响的个人")
            actions_en.append("remedy those incidents now and notify the authorities and the people affected")
        else:
            actions_zh.append("就这些事件补报履行个人信息保护职责的部门，说明信息种类、原因、可能的危害和已采取的措施")
            actions_en.append("report those incidents to the personal-information protection authorities now, with "
                              "the types of information, cause, possible harm and measures taken")
    qs = [q for q in ("security.breach_notify", "security.incident_since_last", "security.incident_response",
                      "security.other_incidents", "security.other_incidents_description",
                      "security.other_incidents_response") if ctx.shown(q)]
    other_thin = other == "yes" and not ctx.text_is_substantive("security.other_incidents_description", 40)
    if other == "yes":
        label = ctx.bank.question("security.other_incidents_response").option_label
        other_zh = ("另记录了非重大安全事件（经过和不认定为重大的理由见安全措施部分），处理情况："
                    f"{label(other_response, 'zh')}。")
        other_en = (" Incidents judged not major are also recorded (what happened and why they were not judged "
                    f"major are in the security section); response: {label(other_response, 'en')}.")
    else:
        other_zh = other_en = ""
    if problems_zh:
        yield ctx.finding("PIPL-57-BREACH-NOTIFY", "gap",
                          ("；".join(problems_zh) + "。", _sentence("; ".join(problems_en)) + "."),
                          ("；".join(actions_zh) + "。", _sentence("; ".join(actions_en)) + "."), qs)
    elif incident == "unknown":
        yield ctx.finding(
            "PIPL-57-BREACH-NOTIFY", "advisory",
            ("事件处置流程规定了补救和通知，但尚未确认上次评估以来是否发生过安全事件，无法判断通知义务是否已履行。"
             + other_zh,
             "The incident procedure provides for remedy and notice, but it is not confirmed whether an incident "
             "has happened since the last assessment, so it cannot be said whether notices were due." + other_en),
            ("查阅安全日志和事件记录，确认是否发生过人脸信息泄露、篡改、丢失或系统入侵。",
             "Check the security logs and incident records to confirm whether facial information was leaked, "
             "tampered with or lost, or the system broken into."),
            qs)
    elif other_thin:
        yield ctx.finding(
            "PIPL-57-BREACH-NOTIFY", "advisory",
            ("记录了非重大安全事件，但说明过于简略，看不出事件经过、涉及的信息和人数，以及为什么不认定为重大。",
             "Incidents judged not major are recorded, but the description is too thin to show what happened, which "
             "data and how many people were involved, and why they were not judged major."),
            ("逐起写明时间、经过、涉及的人脸信息和人数、补救措施和不认定为重大的具体理由。",
             "For each incident give the date, what happened, the facial information and number of people, the "
             "remedies and the concrete reasons it was not judged major."),
            qs)
    elif incident == "yes" and response == "remedied_authority_only":
        yield ctx.finding(
            "PIPL-57-BREACH-NOTIFY", "compliant",
            ("重大安全事件已补救并通知主管部门；因措施有效避免了危害，未通知个人（第五十七条第二款允许）。" + other_zh,
             "The major incident was remedied and reported to the authorities; individuals were not told because "
             "the measures avoided harm, which Art. 57 para 2 allows." + other_en),
            ("保留措施有效避免危害的证据；主管部门要求通知个人的，照办。",
             "Keep evidence that the measures avoided harm; notify individuals if the authorities ask."),
            qs)
    else:
        tail_zh = "，已发生的重大安全事件已补救并通知了主管部门和个人。" if incident == "yes" \
            else "；上次评估以来（首次评估的，自开始采集以来）未发生重大安全事件。"
        tail_en = ("; the major incident was remedied and the authorities and individuals were notified."
                   if incident == "yes" else "; no major incident has happened since the last assessment (for a "
                   "first assessment, since collection began).")
        yield ctx.finding("PIPL-57-BREACH-NOTIFY", "compliant",
                          ("事件处置流程规定了补救和通知" + tail_zh + other_zh,
                           "The incident procedure provides for remedy and notice" + tail_en + other_en), None, qs)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]
