"""Storage, transmission and retention: Measures Art. 8; PIPL Art. 47; GB/T 35273 6.1, 6.3; GB/T 41819.

The retention table (storage.retention) has one row per kind of data and place. A row is "kept" unless it
is not stored at all or is deleted as soon as the verification finishes. Rules below read the rows as a DPO
would: every kept item needs a stated period (days or a deletion event), a reason unless the period is
obviously tied to the purpose, and a deletion mechanism that runs without the person having to ask.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pia_wizard.core.findings import VERDICT_ORDER
from pia_wizard.core.rules import Context, is_substantive, rule
from pia_wizard.core.rules.minors import child_consent_defect

# Match logs without images are personal information but not facial information (Art. 8 is about the latter).
NON_FACIAL = ("match_log",)
# Face images kept after the check they were captured for: live images, match logs with images, and other
# data holding face images (screenshots from analysis modules, photos queued for upload).
RAW_CAPTURE = ("capture_image", "match_log_image", "other_image")
RAW_ALL = (*RAW_CAPTURE, "enrolment_photo")
# Scenarios where one person is verified once (a stay, a trip, an online check), not enrolled for a
# lasting relationship: nothing facial needs to outlive the visit unless a law says so.
ONE_OFF = ("hotel_checkin", "transport", "online_verification")
ONE_OFF_MAX_DAYS = 30
OFF_DEVICE = ("local_server", "cloud")
INTERNET = ("cloud",)
Q_ROWS = "storage.retention"

_substantive = is_substantive


def _lower_first(text: str) -> str:
    """'The person ...' -> 'the person ...' inside a sentence; leaves 'QR code' alone."""
    return text if len(text) < 2 or text[1].isupper() else text[0].lower() + text[1:]


def _optional(ctx: Context, qid: str) -> Any:
    """An answer from another section that may not exist in this bank version."""
    return ctx.answer(qid) if qid in ctx.bank.questions else None


def _worst(verdicts: Iterable[str]) -> str:
    return min(verdicts, key=VERDICT_ORDER.__getitem__)


def _days(row: dict) -> float | None:
    v = row.get("retention_days")
    if isinstance(v, bool) or not isinstance(v, int | float) or v < 0:
        return None
    return v


def _kept(row: dict) -> bool:
    """Whether the item outlives the verification or identification it was captured for."""
    if row.get("location") == "not_stored":
        return False
    days, trig = _days(row), row.get("deletion_trigger")
    if trig == "after_use" and not days:
        return False
    return not (days == 0 and trig in (None, "after_use", "fixed_period"))


def _facial(row: dict) -> bool:
    return row.get("item") not in NON_FACIAL


def _legal(row: dict) -> bool:
    """Kept because a law or administrative regulation requires it, and the provision is named."""
    return row.get("required_by_law") == "yes" and _substantive(row.get("reason"), 10)


SHORT = {
    "capture_image": ("现场人脸图像", "live images"),
    "enrolment_photo": ("底库照片", "gallery photos"),
    "template": ("特征值", "features"),
    "match_log_image": ("含图像的识别记录", "match logs with images"),
    "match_log": ("识别记录", "match logs"),
    "backup": ("备份", "backups"),
    "other_image": ("其他含人脸图像的数据", "other data with face images"),
    "other": ("其他人脸信息（不含图像）", "other facial information without images"),
    "not_stored": ("不保存", "not kept"),
    "device": ("设备内", "on the device"),
    "local_server": ("本地服务器", "local server"),
    "cloud": ("云端或第三方平台", "cloud or third-party platform"),
}


class Table:
    """The retention table with labels for explanations."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.rows: list[dict] | None = ctx.answer(Q_ROWS)
        q = ctx.bank.question(Q_ROWS)
        self._cols = {c.id: c for c in q.columns}

    def _opt(self, col: str, value: Any, lang: str) -> str:
        for o in self._cols[col].options:
            if o.value == value:
                return o.label.get(lang)
        return "?" if value is None else str(value)

    def label(self, i: int, row: dict) -> tuple[str, str]:
        item = SHORT.get(row.get("item"), ("?", "?"))
        loc = SHORT.get(row.get("location"), ("?", "?"))
        return f"第{i}行（{item[0]}，{loc[0]}）", f"Row {i} ({item[1]}, {loc[1]})"

    def period(self, row: dict) -> tuple[str, str]:
        days, trig = _days(row), row.get("deletion_trigger")
        if days is not None:
            return f"保存{days:g}天", f"kept {days:g} day" + ("" if days == 1 else "s")
        return ("保存至" + self._opt("deletion_trigger", trig, "zh"),
                "kept until: " + _lower_first(self._opt("deletion_trigger", trig, "en")))

    def indexed(self) -> list[tuple[int, dict]]:
        return list(enumerate(self.rows or [], start=1))


Problem = tuple[str, str, str]  # verdict, zh, en


def _emit(ctx: Context, obligation: str, problems: list[Problem], ok: tuple[str, str], action: tuple[str, str],
          questions: list[str]):
    if problems:
        return ctx.finding(obligation, _worst(p[0] for p in problems),
                           ("".join(p[1] for p in problems), " ".join(p[2] for p in problems)), action, questions)
    return ctx.finding(obligation, "compliant", ok, None, questions)


# ---------------------------------------------------------------------------------------------- retention


def _retention_problem(t: Table, i: int, row: dict, deployment: str | None) -> Problem | None:
    if not _kept(row):
        return None
    lz, le = t.label(i, row)
    pz, pe = t.period(row)
    days, trig, item = _days(row), row.get("deletion_trigger"), row.get("item")
    reason_ok = _substantive(row.get("reason"), 10)
    necessary = row.get("necessary")
    if row.get("required_by_law") == "yes":
        if reason_ok:
            return None
        return ("gap", f"{lz}称法律、行政法规要求保存，但没有写明具体规定。",
                f"{le}: said to be required by law, but the provision is not named.")
    if trig == "never":
        return ("gap", f"{lz}永不删除，没有任何保存期限。", f"{le}: never deleted, so there is no retention limit.")
    if days is None and trig not in ("after_use", "end_of_relationship"):
        return ("gap", f"{lz}没有写明保存期限。", f"{le}: no retention period is stated.")
    if necessary == "no":
        # The assessment's own finding outweighs whatever the reason column says.
        return ("gap", f"{lz}{pz}，评估认定该期限超出实现目的所必需的最短时间。",
                f"{le}: {pe}, and the assessment finds this longer than the purpose needs.")
    if item in RAW_CAPTURE:
        if reason_ok and necessary == "yes":
            return None
        if reason_ok:
            return ("advisory", f"{lz}在核验完成后仍保存人脸图像（{pz}），已说明理由，请确认确有必要。",
                    f"{le}: face images are kept after the verification ({pe}); a reason is given - confirm it is "
                    "really needed.")
        return ("gap", f"{lz}在核验完成后仍保存人脸图像（{pz}），没有说明为什么需要。",
                f"{le}: face images are kept after the verification ({pe}) with no reason why.")
    if (deployment in ONE_OFF and item != "match_log" and trig != "end_of_relationship"
            and (days is None or days > ONE_OFF_MAX_DAYS)):
        return ("gap", f"{lz}：一次性核验场景，人脸信息{pz}，超出了入住、乘车或单次核验所需的时间，"
                "且没有法律、行政法规要求。",
                f"{le}: in a one-off verification the facial information is {pe}, beyond what the stay, trip or "
                "single check needs, and no law or administrative regulation requires it.")
    if trig in ("after_use", "end_of_relationship"):
        return None
    if not reason_ok:
        return ("gap", f"{lz}{pz}，没有说明为什么需要保存这么久。",
                f"{le}: {pe}, with no reason why that long is needed.")
    if necessary == "unknown":
        return ("advisory", f"{lz}{pz}，已说明理由，但评估尚未确认该期限确属必要。",
                f"{le}: {pe}; a reason is given, but the assessment has not confirmed that this period is needed.")
    return None


@rule("storage.retention", "FRM-08-SHORTEST-RETENTION", "GBT35273-6.1-SHORTEST-STORAGE")
def retention(ctx: Context):
    """Measures Art. 8 and GB/T 35273 6.1 a): each item kept no longer than the purpose needs."""
    t = Table(ctx)
    if t.rows is None:
        return
    deployment = ctx.answer("scope.deployment")
    facial: list[Problem] = []
    every: list[Problem] = []
    for i, row in t.indexed():
        p = _retention_problem(t, i, row, deployment)
        if p:
            every.append(p)
            if _facial(row):
                facial.append(p)
    if not any(_facial(r) for r in t.rows):
        facial.append(("gap", "保存期限表没有列出任何人脸信息（图像、特征值等），无法评估保存期限。",
                       "The retention table lists no facial information (images, features), so retention cannot be "
                       "assessed."))
    elif not any(r.get("item") == "capture_image" for r in t.rows):
        facial.append(("advisory", "保存期限表没有说明现场采集的人脸图像如何处理（即使立即删除也应列明）。",
                       "The retention table does not say what happens to the live capture images (list them even "
                       "if they are deleted at once)."))
    legal = [t.label(i, r) for i, r in t.indexed() if _kept(r) and _legal(r)]
    legal_zh = ("；" + "、".join(z for z, _ in legal) + "依据所写法规保存") if legal else ""
    legal_en = ("; " + ", ".join(e for _, e in legal) + " kept under the law named") if legal else ""
    action = ("为每类数据设定实现目的所必需的最短保存期限：核验后不再需要的图像立即删除；底库和特征值在关系结束时删除；"
              "确需更长的，写明理由或法律、行政法规依据。",
              "Set the shortest period the purpose needs for each item: delete images as soon as the verification "
              "is done, delete gallery data and features when the relationship ends, and write down the reason or "
              "the law for anything kept longer.")
    yield _emit(ctx, "FRM-08-SHORTEST-RETENTION", facial,
                ("每类人脸信息都有明确的保存期限，并与处理目的相称" + legal_zh + "。",
                 "Every kind of facial information has a stated retention period that fits the purpose" + legal_en
                 + "."),
                action, [Q_ROWS])
    yield _emit(ctx, "GBT35273-6.1-SHORTEST-STORAGE", every,
                ("每类数据的保存期限都以实现目的所必需为限" + legal_zh + "。",
                 "Each item is kept only as long as the purpose needs" + legal_en + "."),
                action, [Q_ROWS])


# ----------------------------------------------------------------------------------------------- deletion

REQUIRED_EVENTS = ("purpose_done", "service_ends", "period_expires", "consent_withdrawn", "unlawful")


def _deletion_row_problems(t: Table) -> list[Problem]:
    out: list[Problem] = []
    for i, row in t.indexed():
        if not _kept(row):
            continue
        lz, le = t.label(i, row)
        trig = row.get("deletion_trigger")
        if trig == "never":
            out.append(("gap", f"{lz}从不删除。", f"{le}: never deleted."))
        elif trig == "on_request":
            out.append(("gap", f"{lz}只在本人要求时删除，而法律要求单位在目的实现、期限届满等情形下主动删除。",
                        f"{le}: deleted only when the person asks, but the law requires deletion on your own "
                        "initiative when the purpose is achieved or the period ends."))
        elif trig is None:
            out.append(("gap", f"{lz}没有写明何时删除。", f"{le}: no deletion trigger is stated."))
        elif trig == "manual":
            out.append(("advisory", f"{lz}靠人工清理，无法保证到期即删。",
                        f"{le}: manual clean-ups cannot guarantee deletion when due."))
        verified = row.get("deletion_verified")
        if verified in ("no", "unknown"):
            zh = "删除后没有核查" if verified == "no" else "未确认删除是否经过核查"
            en = "deletion is not checked" if verified == "no" else "it is not confirmed that deletion is checked"
            out.append(("advisory", f"{lz}{zh}。", f"{le}: {en}."))
    return out


@rule("storage.deletion", "PIPL-47-DELETE", "GBT35273-6.1-DELETE-OR-ANONYMISE")
def deletion(ctx: Context):
    """PIPL Art. 47(1) and GB/T 35273 6.1 b): delete on your own initiative when the grounds arise."""
    t = Table(ctx)
    events = ctx.answer("storage.deletion_events")
    if t.rows is None and events is None:
        return
    action = ("为每类数据设置自动删除机制（到期或关系结束即删），覆盖备份和供应商系统，保留删除日志并定期抽查；"
              "建立《个人信息保护法》第四十七条各情形下的删除流程。",
              "Set up automatic deletion for each item (on expiry or when the relationship ends), including "
              "backups and vendors' systems; keep deletion logs and spot-check them; set up deletion processes "
              "for each PIPL Art. 47 situation.")
    rows_problems = _deletion_row_problems(t) if t.rows is not None else []
    if t.rows is not None:
        yield _emit(ctx, "GBT35273-6.1-DELETE-OR-ANONYMISE", rows_problems,
                    ("保存期限届满后，各类数据都会被自动删除，且删除经过核查。",
                     "Every item is deleted automatically when its period ends, and deletion is checked."),
                    action, [Q_ROWS])
    problems = list(rows_problems)
    if events is not None:
        required = list(REQUIRED_EVENTS)
        basis = _optional(ctx, "consent.basis")
        if basis is not None and basis != "consent":
            required.remove("consent_withdrawn")  # no consent to withdraw
        missing = [e for e in required if e not in events or "none_of_these" in events]
        if missing:
            label = ctx.bank.question("storage.deletion_events").option_label
            problems.append(("gap",
                             "以下情形没有主动删除的流程：" + "；".join(label(e, "zh") for e in missing) + "。",
                             "No process deletes the data on your own initiative when: "
                             + "; ".join(_lower_first(label(e, "en")) for e in missing) + "."))
    if problems or (t.rows is not None and events is not None):
        yield _emit(ctx, "PIPL-47-DELETE", problems,
                    ("在《个人信息保护法》第四十七条规定的各情形下，单位都会主动删除人脸信息，各类数据均有自动删除机制。",
                     "Facial information is deleted on your own initiative in each PIPL Art. 47 situation, and each "
                     "item has an automatic deletion mechanism."),
                    action, [q for q in (Q_ROWS, "storage.deletion_events") if ctx.answered(q)])


@rule("storage.restrict", "PIPL-47-RESTRICT-IF-NOT-DELETABLE")
def restrict(ctx: Context):
    """PIPL Art. 47(2): what cannot be deleted yet is only stored and secured."""
    undeletable = ctx.answer("storage.undeletable")
    if undeletable is None:
        return
    ob = "PIPL-47-RESTRICT-IF-NOT-DELETABLE"
    qs = ["storage.undeletable", "storage.restricted"]
    action = ("将无法及时删除的人脸信息移出识别底库，锁定访问，只保留存储和必要的安全保护，到期或条件具备时立即删除。",
              "Take such facial information out of the matching gallery, lock access, keep only storage and the "
              "necessary security, and delete it as soon as the period ends or deletion becomes possible.")
    if undeletable == "unknown":
        yield ctx.finding(ob, "gap",
                          ("尚未确认是否有到期后无法及时删除的人脸信息（如备份、供应商系统中的副本）。",
                           "It is not confirmed whether any facial information cannot be deleted when due (such as "
                           "copies in backups or a vendor's system)."),
                          ("核查备份、日志和供应商系统中的人脸信息副本能否按期删除。",
                           "Check whether copies in backups, logs and vendors' systems can be deleted on time."), qs)
        return
    if undeletable == "no":
        t = Table(ctx)
        legal = [t.label(i, r) for i, r in t.indexed() if _kept(r) and r.get("required_by_law") == "yes"]
        if legal:
            yield ctx.finding(
                ob, "advisory",
                ("、".join(z for z, _ in legal) + "因法律要求而保存。处理目的实现后，这类数据在法定期限届满前只能存储和"
                 "采取安全保护措施，不能再用于比对或其他处理；请确认已做到。",
                 ", ".join(e for _, e in legal) + " kept because a law requires it. Once the purpose is achieved, "
                 "such data may only be stored and secured until the legal period ends - no more matching or other "
                 "use. Confirm that this is so."),
                action, ["storage.undeletable", Q_ROWS])
        else:
            yield ctx.finding(ob, "not_applicable",
                              ("所有人脸信息都能在到期时删除，不存在需要限制处理的情形。",
                               "All facial information can be deleted when due, so nothing needs to be restricted "
                               "instead."), None, qs)
        return
    restricted = ctx.answer("storage.restricted")
    if restricted is None:
        return
    if restricted == "yes":
        yield ctx.finding(ob, "compliant",
                          ("无法及时删除的人脸信息已停止存储和必要安全保护以外的一切处理。",
                           "Facial information that cannot yet be deleted is only stored and secured; all other "
                           "processing has stopped."), None, qs)
    else:
        if restricted == "no":
            text = ("有人脸信息到期后无法及时删除，但没有停止存储和必要安全保护以外的处理。",
                    "Some facial information cannot be deleted when due, and processing other than storage and "
                    "security has not stopped.")
        else:
            text = ("有人脸信息到期后无法及时删除，但未确认是否已停止存储和必要安全保护以外的处理。",
                    "Some facial information cannot be deleted when due, and it is not confirmed that processing "
                    "other than storage and security has stopped.")
        yield ctx.finding(ob, "gap", text, action, qs)


# ------------------------------------------------------------------------------------------- raw images


def _raw_action(ctx: Context, kept_raw: list[tuple[int, dict]]) -> tuple[str, str]:
    """What to do about kept raw images depends on the mode: a 1:1 check needs no gallery, so turning its images
    into stored templates would only create biometric data with no purpose; a 1:N gallery needs templates only."""
    mode = ctx.answer("scope.frt_mode")
    photos = any(r.get("item") == "enrolment_photo" for _, r in kept_raw)
    one_to_one = ("1:1 验证不需要人脸库：核验完成后即删除人脸图像；确需留存的（如处理争议），保存期限不超过该目的所需的"
                  "最短时间，并加密、限制调取。不要为此改存特征值，那样只会多出一份没有用途的生物识别数据。",
                  "A 1:1 verification needs no gallery: delete the face images once the check is done; where some must "
                  "be kept (e.g. for disputes), keep them no longer than that purpose needs, encrypted and with "
                  "restricted access. Do not store templates instead - that would only create biometric data with no "
                  "purpose.")
    gallery = ("人脸库只保存特征值：提取特征后删除注册照片；比对完成后删除现场图像和抓拍照，需要留痕的只记录时间、"
               "结果等不含图像的信息。确需保留照片的（如算法升级时重新提取特征），写明理由并加强保护。",
               "Keep only templates in the gallery: delete enrolment photos once the features are extracted, and "
               "delete live images and snapshots after matching; if a trail is needed, log the time and result "
               "without the image. Where photos must be kept (e.g. to re-extract features after an algorithm "
               "upgrade), write down why and protect them more strongly.")
    if mode == "verify_1to1":
        if photos:
            return (one_to_one[0] + "比对依赖预先登记的照片的，只保留由其提取的特征值作为比对基准，删除照片。",
                    one_to_one[1] + " If matching relies on pre-enrolled photos, keep only the features extracted "
                    "from them as the reference and delete the photos.")
        return one_to_one
    if mode == "identify_1ton":
        return gallery
    if mode == "both":
        return (gallery[0] + "其中1:1验证部分不需要建库，核验后直接删除图像，不要改存特征值。",
                gallery[1] + " For the 1:1 part, no gallery is needed: delete the images after the check rather "
                "than storing templates.")
    return ("处理完成后删除原始人脸图像；只有确需保存比对基准时才保存特征值等摘要信息，不要为保存而保存。",
            "Delete raw face images once they are processed; store templates or other digests only where a stored "
            "reference is really needed, never just to keep something.")


@rule("storage.raw-images", "GBT35273-6.3C-NO-RAW-STORAGE", "GBT35273-6.3C-DELETE-RAW-IMAGES",
      "GBT41819-DELETE-IMAGES")
def raw_images(ctx: Context):
    """GB/T 35273 6.3 c) and GB/T 41819: in principle keep no raw face images; delete them after use."""
    t = Table(ctx)
    if t.rows is None:
        return
    kept_raw = [(i, r) for i, r in t.indexed() if r.get("item") in RAW_ALL and _kept(r) and not _legal(r)]
    kept_capture = [(i, r) for i, r in kept_raw if r.get("item") in RAW_CAPTURE]
    no_capture_row = not any(r.get("item") == "capture_image" for r in t.rows)

    def listing(rows: list[tuple[int, dict]]) -> tuple[str, str]:
        parts = [(t.label(i, r), t.period(r)) for i, r in rows]
        return ("；".join(f"{z}{pz}" for (z, _), (pz, _) in parts),
                "; ".join(f"{e}, {pe}" for (_, e), (_, pe) in parts))

    qs = [Q_ROWS]
    missing = ("保存期限表没有说明现场采集的人脸图像如何处理。",
               "The retention table does not say what happens to live capture images.")
    add_row = ("在表中补充一行说明现场采集图像的处理方式。", "Add a row for the live capture images.")
    if kept_raw:
        lz, le = listing(kept_raw)
        yield ctx.finding(
            "GBT35273-6.3C-NO-RAW-STORAGE", "advisory",
            (f"保存了原始人脸图像：{lz}。GB/T 35273-2020 第6.3条c)（推荐性标准）建议原则上不存储原始个人生物识别信息，"
             "可只存储特征值等摘要信息。",
             f"Raw face images are kept: {le}. GB/T 35273-2020 clause 6.3 c) (a recommended standard) advises "
             "keeping no raw biometric data in principle, only features or other digests."),
            _raw_action(ctx, kept_raw),
            [q for q in (Q_ROWS, "scope.frt_mode") if ctx.answered(q)])
    elif no_capture_row:
        yield ctx.finding("GBT35273-6.3C-NO-RAW-STORAGE", "advisory", missing, add_row, qs)
    else:
        yield ctx.finding("GBT35273-6.3C-NO-RAW-STORAGE", "compliant",
                          ("除法定要求外，不保存原始人脸图像。",
                           "No raw face images are kept beyond legal requirements."),
                          None, qs)

    if kept_capture:
        lz, le = listing(kept_capture)
        yield ctx.finding(
            "GBT35273-6.3C-DELETE-RAW-IMAGES", "advisory",
            (f"核验或识别完成后仍保存人脸图像：{lz}。GB/T 35273-2020 第6.3条c)（推荐性标准）建议在实现识别、"
             "认证等功能后删除可提取生物识别信息的原始图像。",
             f"Face images are kept after verification or identification: {le}. GB/T 35273-2020 clause 6.3 c) (a "
             "recommended standard) advises deleting raw images that biometric data can be extracted from once "
             "identification or authentication is done."),
            ("核验完成后立即删除现场图像；需要留痕的，只记录时间、结果等不含图像的信息。",
             "Delete live images as soon as the verification is done; if a trail is needed, log the time and "
             "result without the image."),
            qs)
        yield ctx.finding(
            "GBT41819-DELETE-IMAGES", "advisory",
            (f"核验或识别完成后仍保存人脸图像：{lz}。据 GB/T 41819-2022（推荐性标准）征求意见稿的二手资料，"
             "完成验证或辨识后应立即删除人脸图像，确需存储的应取得单独（书面）授权；正式版措辞未核实。",
             f"Face images are kept after verification or identification: {le}. According to secondary sources on "
             "the draft of GB/T 41819-2022 (a recommended standard), face images should be deleted right after "
             "verification or identification, and keeping them needs separate (written) authorisation; the final "
             "wording is unverified."),
            ("核验完成后立即删除人脸图像；确需保存的，取得个人单独同意并记录。",
             "Delete face images right after verification; where they must be kept, obtain and record the "
             "person's separate consent."),
            qs)
    else:
        for ob in ("GBT35273-6.3C-DELETE-RAW-IMAGES", "GBT41819-DELETE-IMAGES"):
            if no_capture_row:
                yield ctx.finding(ob, "advisory", missing, add_row, qs)
            else:
                yield ctx.finding(ob, "compliant",
                                  ("人脸图像在核验或识别完成后即删除（法定保存的除外）。",
                                   "Face images are deleted once the verification or identification is done (except "
                                   "where a law requires keeping them)."),
                                  None, qs)


# -------------------------------------------------------------------------------- off the device / internet


# The separate-consent question for each half of Art. 8, the answer that covers it, and what it covers.
CONSENT_SCOPE = {
    "storage": ("storage.offdevice_consent", "covers_off_device",
                ("依据个人的单独同意，同意时已写明设备以外的存放位置。",
                 "It rests on the person's separate consent, which names where the data is kept outside the "
                 "device."),
                ("所称单独同意不足以支持设备外存储", "The consent relied on does not cover storage outside the "
                 "device")),
    "internet": ("storage.internet_consent", "covers_internet",
                 ("依据个人的单独同意，同意时已写明接收方和经互联网传输的方式。",
                  "It rests on the person's separate consent, which names the recipient and that the data goes "
                  "over the internet."),
                 ("所称单独同意不足以支持经互联网对外传输", "The consent relied on does not cover sending the data "
                  "over the internet")),
}


def _basis(ctx: Context, half: str) -> tuple[str, str, str] | None:
    """The Art. 8 exception relied on for one half of the article ("storage" or "internet"): (verdict, zh, en),
    or None while unanswered. The law basis is one answer for both; separate consent is judged per half."""
    basis = ctx.answer("storage.offdevice_basis")
    if basis is None:
        return None
    if basis == "law":
        if not ctx.answered("storage.offdevice_law"):
            return None
        if ctx.text_is_substantive("storage.offdevice_law", 15):
            return ("compliant", "依据所写明的法律、行政法规规定。", "It rests on the law or administrative regulation "
                    "named.")
        return ("gap", "称有法律、行政法规规定，但没有写明具体规定。",
                "A law or administrative regulation is said to provide for it, but none is named.")
    if basis == "separate_consent":
        qid, covers, ok, short = CONSENT_SCOPE[half]
        scope = ctx.answer(qid)
        if scope is None:
            return None
        if scope == covers:
            if _optional(ctx, "consent.separate") == "no":
                return ("gap", "称依据单独同意，但同意部分的回答是没有取得单独同意。",
                        "Separate consent is relied on, but the consent part says no separate consent is obtained.")
            if (child := child_consent_defect(ctx)) is not None:  # PIPL Art. 31, Measures Art. 7
                return ("gap", f"称依据单独同意，但{child[0]}。",
                        f"Separate consent is relied on, but {child[1]}.")
            return ("compliant", *ok)
        label = ctx.bank.question(qid).option_label
        return ("gap", f"{short[0]}：{label(scope, 'zh')}。", f"{short[1]}: {_lower_first(label(scope, 'en'))}.")
    if basis == "none":
        return ("gap", "既没有法律、行政法规规定，也没有取得个人单独同意。",
                "There is neither a law or administrative regulation providing for it nor the person's separate "
                "consent.")
    return ("gap", "尚未确认依据的是法律、行政法规规定还是个人单独同意。",
            "It is not confirmed whether a law or administrative regulation or the person's separate consent is "
            "relied on.")


@rule("storage.off-device", "FRM-08-LOCAL-STORAGE", "FRM-08-NO-INTERNET-TRANSFER")
def off_device(ctx: Context):
    """Measures Art. 8: store in the device and send nothing over the internet, unless a law or separate consent."""
    off = ctx.answer("scope.off_device")
    if off is None:
        return
    t = Table(ctx)
    facial_rows = [(i, r) for i, r in t.indexed() if _facial(r)]
    outside = [t.label(i, r) for i, r in facial_rows if r.get("location") in OFF_DEVICE]
    online = [t.label(i, r) for i, r in facial_rows if r.get("location") in INTERNET]
    act_local = ("将人脸信息改为只存储在人脸识别设备内；确需存储在设备以外的，取得个人单独同意（写明存放位置），"
                 "或写明所依据的法律、行政法规。",
                 "Keep facial information inside the face-recognition device only; where it must be kept elsewhere, "
                 "obtain the person's separate consent naming where it is kept, or name the law or administrative "
                 "regulation relied on.")
    act_net = ("停止通过互联网对外传输人脸信息；确需传输的，取得个人单独同意（写明接收方和传输方式），"
               "或写明所依据的法律、行政法规。",
               "Stop sending facial information out over the internet; where it must be sent, obtain the person's "
               "separate consent naming the recipient and how it is sent, or name the law or administrative "
               "regulation relied on.")
    qs_local = ["scope.off_device", "storage.offdevice_basis", "storage.offdevice_law", "storage.offdevice_consent",
                Q_ROWS]
    qs_net = ["scope.off_device", "storage.internet_transfer", "storage.offdevice_basis", "storage.offdevice_law",
              "storage.internet_consent", Q_ROWS]
    qs_local = [q for q in qs_local if ctx.shown(q)]
    qs_net = [q for q in qs_net if ctx.shown(q)]

    if off == "unknown":
        for ob in ("FRM-08-LOCAL-STORAGE", "FRM-08-NO-INTERNET-TRANSFER"):
            yield ctx.finding(ob, "gap",
                              ("尚未确认人脸信息是否存储在设备以外或通过互联网对外传输。",
                               "It is not confirmed whether facial information is stored outside the device or sent "
                               "over the internet."),
                              ("向供应商核实数据流向（存储位置、上传地址、远程运维方式），据实回答。",
                               "Check the data flows with the vendor (where data is kept, where it is uploaded, how "
                               "remote maintenance works) and answer accordingly."),
                              ["scope.off_device"])
        return

    if off == "no":
        if outside:
            yield ctx.finding("FRM-08-LOCAL-STORAGE", "gap",
                              ("适用范围部分称人脸信息不离开设备，但保存期限表中"
                               + "、".join(z for z, _ in outside) + "存放在设备以外。",
                               "The scope part says facial information stays in the device, but the retention table "
                               "has " + ", ".join(e for _, e in outside) + " outside it."),
                              ("核实实际存放位置，更正其中一处回答；如确实存储在设备以外，按第八条取得依据。",
                               "Check where the data really is and correct one of the answers; if it is outside the "
                               "device, find an Art. 8 basis."),
                              ["scope.off_device", Q_ROWS])
        else:
            yield ctx.finding("FRM-08-LOCAL-STORAGE", "compliant",
                              ("人脸信息只存储在人脸识别设备内。", "Facial information is stored only inside the "
                               "face-recognition device."), None, ["scope.off_device"])
        if online:
            yield ctx.finding("FRM-08-NO-INTERNET-TRANSFER", "gap",
                              ("适用范围部分称人脸信息不通过互联网对外传输，但保存期限表中"
                               + "、".join(z for z, _ in online) + "存放在云端或第三方平台。",
                               "The scope part says facial information is not sent over the internet, but the "
                               "retention table has " + ", ".join(e for _, e in online)
                               + " on a cloud or third-party platform."),
                              ("核实数据流向，更正其中一处回答；如确有传输，按第八条取得依据。",
                               "Check the data flows and correct one of the answers; if data is sent, find an Art. 8 "
                               "basis."),
                              ["scope.off_device", Q_ROWS])
        else:
            yield ctx.finding("FRM-08-NO-INTERNET-TRANSFER", "compliant",
                              ("人脸信息不通过互联网对外传输。",
                               "Facial information is not sent out over the internet."),
                              None, ["scope.off_device"])
        return

    # Art. 8 treats storage and transmission apart: data that only passes through (sent out for comparison and
    # kept nowhere) is judged under the internet half, not as storage outside the device.
    kept = ctx.answer("storage.kept_off_device")
    if kept == "no":
        if outside:
            yield ctx.finding("FRM-08-LOCAL-STORAGE", "gap",
                              ("存储部分称人脸信息不在设备以外存储，但保存期限表中"
                               + "、".join(z for z, _ in outside) + "存放在设备以外。",
                               "The storage part says no facial information is kept outside the device, but the "
                               "retention table has " + ", ".join(e for _, e in outside) + " outside it."),
                              ("核实实际存放位置，更正其中一处回答；如确实存储在设备以外，按第八条取得依据。",
                               "Check where the data really is and correct one of the answers; if it is kept outside "
                               "the device, find an Art. 8 basis."),
                              ["storage.kept_off_device", Q_ROWS])
        else:
            yield ctx.finding("FRM-08-LOCAL-STORAGE", "compliant",
                              ("人脸信息只在传输时离开设备，设备以外的任何地方都不留存；是否通过互联网对外传输，"
                               "见第八条传输部分的结论。",
                               "Facial information leaves the device only in transit and is kept nowhere outside it; "
                               "whether it goes out over the internet is decided under the transmission part of "
                               "Art. 8."), None, ["scope.off_device", "storage.kept_off_device", Q_ROWS])
    elif kept == "unknown":
        yield ctx.finding("FRM-08-LOCAL-STORAGE", "gap",
                          ("尚未确认人脸信息是否存储在设备以外（包括前置机、中转服务器的暂存）。",
                           "It is not confirmed whether facial information is kept outside the device (including "
                           "temporary holding on a front-end processor or relay server)."),
                          ("向供应商核实每类人脸信息的存放位置和删除时间，并据实填写保存期限表。",
                           "Check with the vendor where each kind of facial information is kept and when it is "
                           "deleted, and fill in the retention table accordingly."),
                          ["storage.kept_off_device"])
    elif kept == "yes" and (basis := _basis(ctx, "storage")) is not None:
        verdict, zh, en = basis
        yield ctx.finding("FRM-08-LOCAL-STORAGE", verdict,
                          ("人脸信息存储在设备以外。" + zh, "Facial information is stored outside the device. " + en),
                          None if verdict == "compliant" else act_local, [*qs_local, "storage.kept_off_device"])
    internet = ctx.answer("storage.internet_transfer")
    if internet == "no":
        if online:
            yield ctx.finding("FRM-08-NO-INTERNET-TRANSFER", "gap",
                              ("称人脸信息不通过互联网传输，但保存期限表中" + "、".join(z for z, _ in online)
                               + "存放在云端或第三方平台。",
                               "The answer says facial information is not sent over the internet, but the retention "
                               "table has " + ", ".join(e for _, e in online) + " on a cloud or third-party platform."),
                              ("核实数据流向并更正回答；如确有传输，按第八条取得依据。",
                               "Check the data flows and correct the answers; if data is sent, find an Art. 8 basis."),
                              ["storage.internet_transfer", Q_ROWS])
        else:
            yield ctx.finding("FRM-08-NO-INTERNET-TRANSFER", "compliant",
                              ("人脸信息只在本单位内网中传输，不通过互联网对外传输。",
                               "Facial information travels only over the internal network, not out over the "
                               "internet."), None, ["storage.internet_transfer"])
    elif internet == "unknown":
        yield ctx.finding("FRM-08-NO-INTERNET-TRANSFER", "gap",
                          ("尚未确认人脸信息是否通过互联网对外传输。",
                           "It is not confirmed whether facial information is sent out over the internet."),
                          ("向供应商核实上传地址和远程运维方式。",
                           "Check upload destinations and remote maintenance with the vendor."),
                          ["storage.internet_transfer"])
    elif internet == "yes" and (net_basis := _basis(ctx, "internet")) is not None:
        verdict, zh, en = net_basis
        yield ctx.finding("FRM-08-NO-INTERNET-TRANSFER", verdict,
                          ("人脸信息通过互联网对外传输。" + zh,
                           "Facial information is sent out over the internet. " + en),
                          None if verdict == "compliant" else act_net, qs_net)


NOT_ANSWERED_OFF_DEVICE = ("评估尚未回答此项义务的问题：scope.off_device。",
                           "The assessment does not answer this yet: scope.off_device.")
NOT_ANSWERED_ACTION = ("回答相关问题，个人信息保护影响评估须覆盖此项义务。",
                       "Answer the questions: the PIPIA must cover this obligation.")


@rule("storage.localisation", "GBT41819-LOCALISATION")
def localisation(ctx: Context):
    """GB/T 41819 (draft, unverified for the final): same device where possible; face data kept in China."""
    off = ctx.answer("scope.off_device")
    ob = "GBT41819-LOCALISATION"
    if off is None:
        # scope.off_device does not cite this obligation, so the engine would not name it as the open question.
        if ctx.shown("scope.off_device"):
            yield ctx.finding(ob, "gap", NOT_ANSWERED_OFF_DEVICE, NOT_ANSWERED_ACTION, ["scope.off_device"])
        return
    problems: list[Problem] = []
    if ctx.answer("scope.cross_border") == "yes":
        problems.append(("advisory", "人脸信息会出境；该标准建议人脸识别数据境内存储，出境须经安全评估"
                         "（出境的法定要求见第三方与出境部分）。",
                         "Facial information leaves mainland China; the standard advises keeping face data in China "
                         "with a security assessment before export (the legal rules on export are in the sharing "
                         "part)."))
    if off == "unknown":
        problems.append(("advisory", "尚未确认人脸信息是否离开设备。", "It is not confirmed whether facial information "
                         "leaves the device."))
    elif off == "yes" and ctx.answered("storage.why_off_device") and not ctx.text_is_substantive(
            "storage.why_off_device", 20):
        problems.append(("advisory", "人脸信息离开设备处理或存储，但没有说明为什么不能在设备内完成。",
                         "Facial information is processed or kept off the device with no reason why it cannot stay "
                         "on it."))
    qs = [q for q in ("scope.off_device", "scope.cross_border", "storage.why_off_device") if ctx.shown(q)]
    if off == "yes" and not ctx.answered("storage.why_off_device") and not problems:
        return
    if problems:
        yield ctx.finding(ob, "advisory",
                          ("GB/T 41819-2022（推荐性标准，据征求意见稿的二手资料，正式版措辞未核实）："
                           + "".join(p[1] for p in problems),
                           "GB/T 41819-2022 (a recommended standard; per secondary sources on the draft, final "
                           "wording unverified): " + " ".join(p[2] for p in problems)),
                          ("尽可能在同一设备内完成采集和比对；人脸信息境内存储。",
                           "Capture and match on the same device where you can, and keep facial information in "
                           "China."), qs)
    elif off == "no":
        abroad = ctx.answer("scope.cross_border") == "no"
        yield ctx.finding(ob, "compliant",
                          ("采集、比对和存储都在设备内完成" + ("，人脸信息不出境。" if abroad else "。"),
                           "Capture, matching and storage all happen on the device"
                           + (", and facial information stays in China." if abroad else ".")), None, qs)
    else:
        yield ctx.finding(ob, "compliant",
                          ("已说明为何须在设备以外处理或存储人脸信息，且人脸信息不出境。",
                           "The reason for processing or keeping facial information off the device is recorded, and "
                           "it does not leave China."), None, qs)
