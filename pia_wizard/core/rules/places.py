"""Public places and the capture area: Measures Art. 13; PIPL Art. 26; GB/T 41819 (recommended).

The private-space ban (Measures Art. 13, second sentence) is decided by the data check on
scope.private_space; nothing here repeats it.
"""

from __future__ import annotations

from pia_wizard.core.rules import Context, rule
from pia_wizard.core.rules.alternatives import Alt

NECESSITY = ("FRM-13-PUBLIC-SECURITY-NECESSITY", "PIPL-26-PUBLIC-PLACE-NECESSITY")
SECURITY_PURPOSES = ("statutory_identity_check", "public_security_monitoring")
CLOSED_AREA = "closed_area_access"


def _public(ctx: Context) -> str | None:
    """scope.public_place: "yes", "no", "unknown" or None (unanswered)."""
    return ctx.answer("scope.public_place")


def _capture(ctx: Context) -> str | None:
    """How people come to be recognised: "passive" when the device recognises whoever comes into view (the
    Alternatives answers or places.bystanders say so), "opt_in" when only people who choose it are recognised
    and everyone else has an equally convenient non-face way with no strings attached, else None (not shown
    either way, or not answered yet)."""
    a = Alt(ctx)
    bystanders = ctx.answer("places.bystanders")
    if a.cannot_refuse or a.not_asked or bystanders == "processed":
        return "passive"
    if (a.alts and ctx.answer("alternatives.convenience") == "same" and a.conseq == ["nothing"]
            and bystanders in ("not_captured", "discarded")):
        return "opt_in"
    return None


@rule("places.public-security-necessity", *NECESSITY)
def public_security_necessity(ctx: Context):
    """Measures Art. 13 / PIPL Art. 26: a device in a public place must be necessary for public security."""
    public = _public(ctx)
    if public is None:
        return
    if public == "no":
        for ob in NECESSITY:
            yield ctx.finding(
                ob, "not_applicable",
                ("没有人脸识别设备安装在公共场所，公共场所设备须为维护公共安全所必需的要求不适用。",
                 "No face-recognition device is in a public place, so the rule that devices in public places must "
                 "be necessary for public security does not apply."),
                ("如果以后把设备装到大堂、出入口等向公众开放的区域，须重新评估。",
                 "If a device is later put in a lobby, entrance or other area open to the public, re-assess."),
                ["scope.public_place"])
        return

    purpose = ctx.answer("places.security_purpose")
    if purpose is None:
        return
    qs = ["scope.public_place", "places.security_purpose", "places.security_basis"]
    pre_zh = "尚未确认设备是否位于公共场所，以下按公共场所评估。" if public == "unknown" else ""
    pre_en = "It is not confirmed whether the devices are in a public place; assessed as if they are. " \
        if public == "unknown" else ""

    if purpose == CLOSED_AREA and public == "unknown":
        verdict = "advisory"
        explanation = (
            "设备用于住宅小区、校园或单位等封闭区域的出入管理。这类出入口是否属于《办法》第十三条、《个人信息保护法》"
            "第二十六条所称的公共场所，目前没有权威解释，实务中看法不一；评估中也尚未确认。如果属于公共场所，安装"
            "人脸识别设备须为维护公共安全所必需，而出入管理的便利本身不是公共安全。",
            "The devices control access to a closed area such as a residential community, campus or workplace. "
            "Whether such an entrance is a public place under Measures Art. 13 and PIPL Art. 26 has no "
            "authoritative answer and practitioners differ; this assessment has not settled it either. If it is a "
            "public place, the devices must be necessary for public security, and the convenience of access "
            "control is not public security in itself.")
        action = (
            "就出入口是否属于公共场所取得书面法律意见并存档。认定属于公共场所的，公共安全必须是安装设备的目的，"
            "做不到的改用刷卡、扫码等方式；无论结论如何，都只对自愿选择的人建库，并保留同样便捷的非人脸方式。",
            "Get a written legal opinion on whether the entrance is a public place and keep it with the assessment. "
            "If it is a public place, public security must be the purpose of the devices, and where that cannot be "
            "shown, switch to cards, QR codes or similar. Whatever the opinion says, enrol only people who choose "
            "face recognition and keep an equally convenient non-face way.")
    elif purpose == CLOSED_AREA:
        verdict = "gap"
        explanation = (
            "评估认定设备位于公共场所，但用途是封闭区域的出入管理，不是维护公共安全。《办法》第十三条和"
            "《个人信息保护法》第二十六条要求公共场所的人脸识别设备为维护公共安全所必需。",
            "This assessment treats the devices as being in a public place, but they serve access control of a "
            "closed area, not public security. Measures Art. 13 and PIPL Art. 26 require face-recognition devices "
            "in public places to be necessary for public security.")
        action = (
            "停止在该出入口用人脸识别做出入管理，改用刷卡、扫码等方式。若对出入口是否属于公共场所仍有疑问，取得书面"
            "法律意见，并据此如实更新“适用范围”中的回答。",
            "Stop using face recognition for access control at that entrance and switch to cards, QR codes or "
            "similar. If whether the entrance is a public place is really open, get a written legal opinion and "
            "update the Scope answer to match it.")
    elif purpose == "business" and _capture(ctx) == "opt_in":
        # The unsettled zone, like the closed-area gate: only volunteers use it and everyone else has an equal way.
        verdict = "advisory"
        explanation = (
            pre_zh + "设备安装在公共场所，用途是业务便利或经营管理，不是维护公共安全。"
            "但设备只识别本人主动选择使用的人，"
            "不选择的人有同样便捷、没有附加条件的非人脸方式，也不会被识别。这种只由自愿者使用的设备是否属于《办法》"
            "第十三条、《个人信息保护法》第二十六条所规制的“在公共场所安装人脸识别设备”，目前没有权威解释，实务中看法"
            "不一；如果属于，业务便利不能满足“为维护公共安全所必需”。",
            pre_en + "The devices are in a public place and serve business convenience or management, not public "
            "security. But they recognise only people who choose to use them; everyone else has an equally "
            "convenient non-face way with no strings attached and is not recognised. Whether a device used only by "
            "volunteers falls under Measures Art. 13 and PIPL Art. 26 (\"installing face-recognition devices in "
            "public places\") has no authoritative answer, and practitioners differ; if it does, business "
            "convenience does not meet \"necessary for public security\".")
        action = (
            "就该设备是否属于上述条款的规制范围取得书面法律意见并存档。在意见明确之前，只对自愿选择的人建库，"
            "保留同样便捷的非人脸方式，不识别其他任何人；意见认定属于的，停止在公共场所使用人脸识别。",
            "Get a written legal opinion on whether the devices fall under these articles and keep it with the "
            "assessment. Until it is settled, enrol only people who choose face recognition, keep the equally "
            "convenient non-face way and recognise nobody else; if the opinion finds that the articles apply, "
            "stop using face recognition in the public place.")
    elif purpose == "business":
        verdict = "gap"
        passive = _capture(ctx) == "passive"
        explanation = (
            pre_zh + "设备安装在公共场所，但用途是业务便利或经营管理，不是维护公共安全。《办法》第十三条和"
            "《个人信息保护法》第二十六条对公共场所的人脸识别设备没有设商业用途的例外。"
            + ("设备识别进入画面的每一个人，不论本人是否愿意，这正是这两条所针对的情形。" if passive else ""),
            pre_en + "The devices are in a public place but serve business convenience or management, not public "
            "security. Measures Art. 13 and PIPL Art. 26 make no exception for commercial uses of face-recognition "
            "devices in public places."
            + (" The devices recognise everyone who comes into view, willing or not, which is exactly what these "
               "articles address." if passive else ""))
        action = ((
            "停止在公共场所使用人脸识别，改用刷卡、扫码、人工核验等方式；或把设备移出公共区域。对进入画面的人"
            "自动识别的，不存在可以援引的例外。",
            "Stop using face recognition in the public place and switch to cards, QR codes or manual checks, or "
            "move the devices out of the public area. Recognising whoever comes into view has no exception to rely "
            "on.") if passive else (
            "停止在公共场所使用人脸识别，改用刷卡、扫码、人工核验等方式；或把设备移出公共区域。若认为设备不属于"
            "上述条款的规制范围（例如仅由本人主动操作的1:1终端），须取得书面法律意见并记录理由：目前没有官方解释"
            "确认这种理解。",
            "Stop using face recognition in the public place and switch to cards, QR codes or manual checks, or "
            "move the devices out of the public area. If you believe the devices fall outside these articles (for "
            "example a 1:1 terminal that only people who choose to use it operate), get a written legal opinion and "
            "record the reasons: no official interpretation confirms that reading."))
    elif not ctx.text_is_substantive("places.security_basis", 30):
        verdict = "gap"
        explanation = (
            pre_zh + "选择了维护公共安全的用途，但没有写明具体的公共安全需要和法律依据。",
            pre_en + "A public-security purpose was chosen, but the specific public-security need and its legal "
            "basis are not stated.")
        action = (
            "写明所依据的法律、行政法规条款或公安机关要求的文号，以及为什么必须用人脸识别、人工核验为何不够。",
            "Name the law or regulation and article, or the reference of the public-security requirement, and "
            "explain why face recognition is needed and why a manual check is not enough.")
    elif purpose == "statutory_identity_check" and ctx.answer("scope.frt_mode") == "identify_1ton":
        verdict = "gap"
        explanation = (
            pre_zh + "法定身份查验是把本人与其证件比对（1:1），而系统在人脸库中检索（1:N），超出了身份查验所需。",
            pre_en + "A statutory identity check compares a person with their own document (1:1), but the system "
            "searches a gallery (1:N), which goes beyond what the identity check needs.")
        action = (
            "把身份查验改为1:1比对；如确需1:N辨识，须另行说明其公共安全依据，并按公共安全防范系统评估。",
            "Switch the identity check to 1:1 comparison; if 1:N identification is really needed, give its own "
            "public-security basis and assess it as a public-security system.")
    elif purpose == "statutory_identity_check" and ctx.answer("scope.frt_mode") == "both":
        verdict = "advisory"
        explanation = (
            pre_zh + "1:1身份查验有公共安全依据，但系统还进行1:N辨识，这部分不在法定身份查验的范围内。",
            pre_en + "The 1:1 identity check has a public-security basis, but the system also runs 1:N "
            "identification, which the statutory identity check does not cover.")
        action = (
            "单独写明1:N辨识的公共安全依据；没有依据的，停用1:N功能。",
            "State a separate public-security basis for the 1:N identification, or switch that function off.")
    else:
        verdict = "compliant"
        explanation = (
            pre_zh + "已写明设备的公共安全需要及法律依据。",
            pre_en + "The public-security need for the devices and its legal basis are recorded.")
        action = None
    if purpose == "business":
        qs += [q for q in ("alternatives.offered", "alternatives.convenience", "alternatives.refusal_consequences",
                           "alternatives.presentation") if ctx.answered(q)]
    if ctx.answered("places.bystanders"):  # whether everyone in view is captured weighs on the necessity
        qs.append("places.bystanders")
    for ob in NECESSITY:
        yield ctx.finding(ob, verdict, explanation, action, qs)


@rule("places.closed-area-purpose-limit", "PIPL-26-PURPOSE-LIMIT")
def closed_area_purpose_limit(ctx: Context):
    """PIPL Art. 26 use limit for closed-area access control, where places.other_use is not asked: access control
    is itself a use other than public security, so it needs separate consent if the entrance is a public place.
    Whether the consent is valid is for the consent findings; this does not repeat them. (Otherwise the data
    check on places.other_use decides.)"""
    if _public(ctx) not in ("yes", "unknown") or ctx.answer("places.security_purpose") != CLOSED_AREA:
        return
    qs = ["scope.public_place", "places.security_purpose"]
    if _public(ctx) == "yes":
        applies = ("出入管理本身是公共安全以外的用途；评估认定设备位于公共场所，第二十六条要求就此取得个人单独同意。",
                   "Access control is itself a use other than public security; this assessment treats the devices as "
                   "being in a public place, so Art. 26 requires each person's separate consent to it.")
    else:
        applies = ("出入管理本身是公共安全以外的用途；如果出入口属于公共场所，第二十六条要求就此取得个人单独同意。",
                   "Access control is itself a use other than public security; if the entrance is a public place, "
                   "Art. 26 requires each person's separate consent to it.")
    separate = ctx.answer("consent.separate")
    if separate == "yes":
        yield ctx.finding(
            "PIPL-26-PURPOSE-LIMIT", "compliant",
            (applies[0] + "本评估记录已取得单独同意；同意是否有效，见“同意”部分的结论。",
             applies[1] + " This assessment records that separate consent is obtained; whether it is valid is "
             "covered by the consent findings."),
            None, [*qs, "consent.separate"])
        return
    recorded = (("本评估记录没有取得单独同意", "This assessment records that consent is not separate")
                if separate == "no" else
                ("本评估没有记录已取得单独同意", "This assessment does not record separate consent"))
    yield ctx.finding(
        "PIPL-26-PURPOSE-LIMIT", "advisory",
        (applies[0] + recorded[0] + "；具体问题见“同意”部分的结论，这里不重复。",
         applies[1] + " " + recorded[1] + "; the consent findings set out the problems, which are not repeated "
         "here."),
        ("在法律意见中一并确认第二十六条是否适用；无论结论如何，都以单独同意作为录入人脸的前提。",
         "Have the legal opinion also say whether Art. 26 applies; whatever it says, make separate consent the "
         "condition for enrolling anyone's face."),
        [*qs, *(["consent.separate"] if separate else [])])


@rule("places.collection-area", "FRM-13-COLLECTION-AREA")
def collection_area(ctx: Context):
    """Measures Art. 13: the capture area is set reasonably and lawfully, and written down."""
    area = ctx.answer("places.area_defined")
    if area is None:
        return
    qs = ["places.area_defined", "places.area_description"]
    if area == "limited" and ctx.text_is_substantive("places.area_description", 30):
        yield ctx.finding(
            "FRM-13-COLLECTION-AREA", "compliant",
            ("采集区域已书面确定，并限于办理业务所需的位置。",
             "The capture area is fixed in writing and limited to where people are served."),
            None, qs)
    elif area == "limited":
        yield ctx.finding(
            "FRM-13-COLLECTION-AREA", "gap",
            ("回答称采集区域已确定，但没有描述设备位置和覆盖范围，无法核实。",
             "The capture area is said to be fixed, but the device positions and coverage are not described, so "
             "this cannot be checked."),
            ("逐台写明设备位置、朝向、识别距离和画面覆盖范围，并附点位图和画面截图。",
             "For each device give its position, direction, recognition distance and picture coverage, with a "
             "plan and screenshots."),
            qs)
    elif area == "broad":
        yield ctx.finding(
            "FRM-13-COLLECTION-AREA", "gap",
            ("采集区域超出实现目的所需的范围，会采集到与业务无关的人。",
             "The capture area is wider than the purpose needs, so it takes in people who have nothing to do "
             "with the service."),
            ("调整镜头角度、焦距和识别距离，或加装遮挡，使采集范围只覆盖办理业务的位置；更新点位图。",
             "Adjust the camera angle, focal length and recognition distance, or add masking, so that only the "
             "service spot is covered; update the plan."),
            qs)
    else:
        yield ctx.finding(
            "FRM-13-COLLECTION-AREA", "gap",
            ("人脸信息采集区域没有确定或没有记录，《办法》第十三条要求依法合理确定采集区域。",
             "The capture area is not fixed or not recorded; Measures Art. 13 requires it to be set reasonably "
             "and lawfully."),
            ("确定每台设备的采集区域，以点位图和画面截图记录，并限于实现目的所需的最小范围。",
             "Fix each device's capture area, record it with a plan and screenshots, and keep it to the smallest "
             "area the purpose needs."),
            qs)


@rule("places.unauthorised-capture", "GBT41819-NO-UNAUTHORISED-CAPTURE")
def unauthorised_capture(ctx: Context):
    """GB/T 41819 (recommended): no capture of people who have not authorised it; the PIPL backs this up."""
    value = ctx.answer("places.bystanders")
    if value is None:
        return
    qs = ["places.bystanders"]
    if value == "not_captured":
        yield ctx.finding(
            "GBT41819-NO-UNAUTHORISED-CAPTURE", "compliant",
            ("设备只在本人主动操作时采集，不会采集其他人的人脸。",
             "The device captures only when the person operates it and does not capture anyone else."),
            None, qs)
    elif value == "discarded":
        yield ctx.finding(
            "GBT41819-NO-UNAUTHORISED-CAPTURE", "compliant",
            ("画面中可能出现他人，但只处理操作者本人的人脸，其他人脸不识别、不留存、即时丢弃。",
             "Other people may appear in the frame, but only the user's face is processed; other faces are not "
             "recognised or kept and are discarded at once."),
            None, qs)
    elif ctx.answer("scope.public_place") in ("yes", "unknown") and \
            ctx.answer("places.security_purpose") == "public_security_monitoring":
        yield ctx.finding(
            "GBT41819-NO-UNAUTHORISED-CAPTURE", "advisory",
            ("公共安全防范系统会识别经过的每一个人。这只有在上文写明的国家有关规定范围内才站得住。",
             "A public-security system recognises everyone who passes. That holds up only within the State rules "
             "named above."),
            ("核对所依据的规定是否覆盖对路人的识别；把采集区域和保存期限压到最小，不命中比对库的人脸即时删除。",
             "Check that the rules relied on really cover recognising passers-by; keep the capture area and "
             "retention to a minimum, and delete faces that do not match the watch list at once."),
            qs)
    else:
        yield ctx.finding(
            "GBT41819-NO-UNAUTHORISED-CAPTURE", "gap",
            ("设备会识别或留存未授权人员的人脸。GB/T 41819 要求不采集非授权对象的人脸图像；这些人既未同意，"
             "也没有其他合法依据，这同时违反《个人信息保护法》关于处理敏感个人信息的规定（第十三条、第二十八条、"
             "第二十九条）。",
             "The device recognises or keeps the faces of people who have not agreed to it. GB/T 41819 says not to "
             "capture such faces; with neither consent nor another lawful basis, this also breaches the PIPL rules "
             "on sensitive personal information (Arts. 13, 28 and 29)."),
            ("缩小视野和识别距离，只处理操作者本人的人脸，其他人脸实时丢弃或模糊；删除已留存的他人人脸。",
             "Narrow the field of view and recognition distance, process only the user's face, discard or blur "
             "other faces in real time, and delete other people's faces already kept."),
            qs)
