"""Data-mapping rules: GB/T 39335 5.3 and Annex C tables C-1, C-2 (approval draft)."""

from __future__ import annotations

from pia_wizard.core.rules import Context, rule
from pia_wizard.core.rules.conclusion import Issues, substantive

FACE_TYPES = ("face_image", "face_template")


def _key(name: object) -> str:
    return "".join(name.split()).casefold() if isinstance(name, str) else ""


def says_anything(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _names(rows: list[dict]) -> dict[str, str]:
    """normalised activity name -> the name as written, in order, without blanks."""
    out: dict[str, str] = {}
    for row in rows:
        key = _key(row.get("activity"))
        if key and key not in out:
            out[key] = row["activity"].strip()
    return out


def _listed(names: list[str]) -> str:
    shown = names[:5]
    more = len(names) - len(shown)
    return "、".join(f"“{n}”" for n in shown) + (f"等{len(names)}项" if more else "")


def _listed_en(names: list[str]) -> str:
    shown = names[:5]
    more = len(names) - len(shown)
    return ", ".join(f"“{n}”" for n in shown) + (f" and {more} more" if more else "")


@rule("mapping.tables", "GBT39335-5.3-DATA-MAPPING")
def tables(ctx: Context):
    """GB/T 39335 5.3 (draft): tables C-1 and C-2 must cover the facial-information processing, match each
    other by activity, and agree with the scope answers on transfer abroad and other parties. An activity mapped
    with no lawful basis is named here (PIPL Art. 13); the overall basis is judged by the consent rules."""
    c1 = ctx.answer("mapping.activities")
    if c1 is None:
        return
    c2 = ctx.answer("mapping.lifecycle")
    issues = Issues()
    qs = ["mapping.activities", "mapping.lifecycle", "mapping.data_flow"]

    face_rows = [r for r in c1 if set(r.get("pi_types") or []) & set(FACE_TYPES)]
    if not face_rows:
        issues.add("gap",
                   ("表C-1中没有任何一项活动处理人脸图像或人脸特征值，数据映射没有覆盖本次评估的人脸识别处理。",
                    "No activity in table C-1 processes face images or face features, so the data mapping does not "
                    "cover the face-recognition processing under assessment."),
                   ("为采集、比对、存储人脸信息的活动分别填写表C-1的行，并选择相应的个人信息类型。",
                    "Add rows to table C-1 for the activities that capture, match and store facial information, "
                    "with the right types of personal information."))

    unfounded = [r["activity"].strip() for r in c1
                 if r.get("lawful_basis") == "none" and says_anything(r.get("activity"))]
    if unfounded:
        facial = [r for r in c1 if r.get("lawful_basis") == "none" and set(r.get("pi_types") or []) & set(FACE_TYPES)]
        face_zh = "；涉及人脸信息的，还须满足第二十八条对敏感个人信息“特定目的和充分必要性”的要求" if facial else ""
        face_en = ("; activities involving facial information must also meet Art. 28 (a specific purpose and "
                   "sufficient necessity for sensitive personal information)") if facial else ""
        issues.add("gap",
                   (f"表C-1中的活动{_listed(unfounded)}没有合法事由。《个人信息保护法》第十三条规定，只有符合所列情形之一，"
                    f"方可处理个人信息{face_zh}。",
                    f"Table C-1 records no lawful basis for {_listed_en(unfounded)}. PIPL Art. 13 allows processing "
                    f"only in one of the cases it lists{face_en}."),
                   ("停止这些活动并删除已收集的信息，或在重新开始前确立第十三条规定的合法事由（以同意为依据的，人脸信息须取得"
                    "单独同意），并更新表C-1和处理情况记录。",
                    "Stop these activities and delete what they collected, or establish a PIPL Art. 13 basis before "
                    "restarting (where it is consent, facial information needs separate consent); then update table "
                    "C-1 and the processing record."))

    if c2 is not None:
        n1, n2 = _names(c1), _names(c2)
        only1 = [n1[k] for k in n1 if k not in n2]
        only2 = [n2[k] for k in n2 if k not in n1]
        if only1:
            issues.add("advisory",
                       (f"表C-1中的活动{_listed(only1)}在表C-2中没有对应的行。",
                        f"Table C-1 lists {_listed_en(only1)}, with no matching row in table C-2."),
                       ("在表C-2中补充这些活动的采集、存储、传输、保存和删除情况，或统一两表中的活动名称。",
                        "Add their collection, storage, transmission, retention and deletion to table C-2, or use "
                        "the same activity names in both tables."))
        if only2:
            issues.add("advisory",
                       (f"表C-2中的活动{_listed(only2)}在表C-1中没有对应的行。",
                        f"Table C-2 lists {_listed_en(only2)}, with no matching row in table C-1."),
                       ("在表C-1中补充这些活动，或统一两表中的活动名称。",
                        "Add them to table C-1, or use the same activity names in both tables."))

    if ctx.answer("mapping.data_flow") is not None and not substantive(ctx, "mapping.data_flow"):
        issues.add("advisory",
                   ("人脸信息流转过程的描述过于简略。", "The description of how facial information flows is too thin."),
                   ("按采集、比对、存储、调取、删除的顺序写明数据去向，以及能把数据传出系统的接口。",
                    "Follow the data through capture, matching, storage, retrieval and deletion, and name the "
                    "interfaces through which it can leave the system."))

    abroad_rows = [r for r in c1 if r.get("cross_border") == "yes"]
    abroad = ctx.answer("scope.cross_border")
    if abroad == "yes" and not abroad_rows:
        issues.add("advisory",
                   ("适用范围部分回答人脸信息会出境，但表C-1中没有任何活动标为出境。",
                    "The scope section says facial information leaves mainland China, but no activity in table C-1 "
                    "is marked as transferred abroad."),
                   ("核对后更正表C-1或适用范围部分的回答。", "Check and correct table C-1 or the scope answer."))
        qs.append("scope.cross_border")
    elif abroad == "no" and abroad_rows:
        issues.add("advisory",
                   ("表C-1中有活动标为出境，但适用范围部分回答人脸信息不出境。",
                    "Table C-1 marks an activity as transferred abroad, but the scope section says facial "
                    "information does not leave mainland China."),
                   ("核对后更正表C-1或适用范围部分的回答。", "Check and correct table C-1 or the scope answer."))
        qs.append("scope.cross_border")

    others_rows = [r for r in c1 if r.get("sharing") == "yes" or says_anything(r.get("entrusted"))]
    others = ctx.answer("scope.third_parties")
    if others == "yes" and not others_rows:
        issues.add("advisory",
                   ("适用范围部分回答有其他单位接触人脸信息，但表C-1中没有填写受托处理者，也没有活动标为向第三方提供。",
                    "The scope section says other organisations handle facial information, but table C-1 names no "
                    "entrusted processor and marks no activity as provided to third parties."),
                   ("在表C-1中写明受托处理者或第三方提供情况。",
                    "Name the entrusted processors or the provision to third parties in table C-1."))
        qs.append("scope.third_parties")
    elif others == "no" and others_rows:
        issues.add("advisory",
                   ("表C-1中写有受托处理者或向第三方提供，但适用范围部分回答没有其他单位接触人脸信息。",
                    "Table C-1 names an entrusted processor or provision to third parties, but the scope section "
                    "says no other organisation handles facial information."),
                   ("核对后更正表C-1或适用范围部分的回答。", "Check and correct table C-1 or the scope answer."))
        qs.append("scope.third_parties")

    if c2 is None and not issues:
        return  # table C-2 not answered yet: nothing to confirm
    yield issues.finding(ctx, "GBT39335-5.3-DATA-MAPPING",
                         (f"数据映射列出{len(c1)}项处理活动，其中{len(face_rows)}项处理人脸信息；表C-1与表C-2相互对应。",
                          f"The data mapping lists {len(c1)} activities, {len(face_rows)} of them processing facial "
                          "information; tables C-1 and C-2 match."),
                         qs)
