"""Reports: render an assessment's PDF/A-3b report, read the assessment back out of one, and issue a signed
report (approval check -> render -> sign, assessor then DPO -> archive -> write) as a job with progress and cancel.

Rendering runs in a separate process (report/worker.py): a cancel stops it at once. Passphrases never leave this
process: the keys are opened in ``prepare_issue`` and signing happens here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pia_wizard.context import AppContext
from pia_wizard.core.assessment import Assessment
from pia_wizard.core.bank import Text
from pia_wizard.core.engine import Evaluation
from pia_wizard.paths import resource_dir
from pia_wizard.services import files
from pia_wizard.services.assessments import (
    VersionInfo,
    content_sha256,
    evaluate_assessment,
    evaluation_dict,
    open_archive,
    parse_assessment,
    read_assessment,
)
from pia_wizard.services.errors import (
    AlreadyArchived,
    ApprovalIncomplete,
    ArchivedNotWritten,
    BadInput,
    Cancelled,
    KeyProblem,
    RenderFailed,
    ServiceError,
    one_line,
    translated,
)
from pia_wizard.services.jobs import CancelToken, ProgressFn, Steps

if TYPE_CHECKING:
    from pia_wizard.report.render import RenderResult
    from pia_wizard.signing.keys import SigningIdentity
    from pia_wizard.signing.sign import SignedPdf

LANGS = ("zh", "en", "bilingual")
ROLE_NAMES = {"assessor": Text("评估负责人", "lead assessor"),
              "dpo": Text("个人信息保护负责人", "PI protection officer")}
ROLE_TEXT = {"assessor": "评估负责人 / Lead assessor", "dpo": "个人信息保护负责人 / PI protection officer"}
STATE_ZH = {"draft": "草稿", "in_review": "审核中", "approved": "已审批", "rejected": "已退回",
            "superseded": "已被取代"}
STAMP_FONT = ("fonts", "PIASansCJKsc-Regular.otf")


@dataclass(frozen=True)
class SignerKey:
    """A PKCS#12 file and its passphrase (from a dialog or the environment; never a command-line argument)."""

    path: Path
    passphrase: str = field(repr=False)


@dataclass(frozen=True)
class RenderedReport:
    path: Path | None  # None: rendered for a preview, not written
    report_id: str
    lang: str
    pages: int
    pdf: bytes = field(repr=False)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class SignatureInfo:
    role: str
    signer: str
    organisation: str
    signed_at: datetime | None
    self_signed: bool
    certificate_fingerprint: str
    assessment_sha256: str


@dataclass(frozen=True)
class ArchiveEntry:
    id: int
    report_id: str
    sha256: str
    created_at: str
    retain_until: str


@dataclass(frozen=True)
class IssuedReport:
    path: Path
    report_id: str
    lang: str
    pages: int
    sha256: str
    signatures: tuple[SignatureInfo, ...]  # in signing order
    archived: ArchiveEntry
    version: VersionInfo  # the assessment version, now approved
    warnings: tuple[str, ...]


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise BadInput("report_problem", detail=f"unknown report language {lang!r}; use zh, en or bilingual")
    return lang


def _as_of(ctx: AppContext, a: Assessment) -> date:
    """A report speaks as of its assessment date unless the context fixes another day."""
    return ctx.fixed_today or (date.fromisoformat(a.assessment_date) if a.assessment_date else ctx.today())


def _render(a: Assessment, lang: str, as_of: date, signers: tuple[str, ...], token: CancelToken,
            front_only: bool = False) -> RenderResult:
    from pia_wizard.report.worker import RenderCancelled, RenderCrashed, render_in_process

    holder: list[Callable[[], None]] = []
    try:
        return render_in_process(a, lang, today=as_of, signers=signers, should_stop=lambda: token.cancelled,
                                 on_start=lambda stop: holder.append(token.on_cancel(stop)),
                                 front_only=front_only)
    except RenderCancelled:
        raise Cancelled() from None
    except RenderCrashed as exc:
        raise RenderFailed("render_crashed", detail=one_line(exc)) from None
    finally:
        for remove in holder:
            remove()


# --- an unsigned report --------------------------------------------------------------------------------------------

RENDER_STEPS = {"render": (10.0, Text("生成报告", "Rendering the report")),
                "write": (0.5, Text("写入文件", "Writing the file"))}


@dataclass
class ReportJob:
    ctx: AppContext
    assessment: Assessment
    lang: str
    out: Path | None
    title: Text = field(default_factory=lambda: Text("生成报告", "Render the report"))
    front_only: bool = False  # the cover to the summary and the findings (a quick preview)

    def run(self, progress: ProgressFn | None = None, cancel: CancelToken | None = None) -> RenderedReport:
        steps = Steps(RENDER_STEPS, progress, cancel)
        steps.start("render")
        part = {"front_only": True} if self.front_only else {}  # the default call keeps _render's old shape
        result = _render(self.assessment, self.lang, _as_of(self.ctx, self.assessment), (), steps.cancel, **part)
        steps.start("write")
        if self.out is not None:
            files.write_atomic(self.out, result.pdf)
        steps.finish()
        return RenderedReport(self.out, result.report_id, self.lang, result.pages, result.pdf,
                              tuple(result.warnings))


def prepare_report(ctx: AppContext, source: str | os.PathLike[str] | Assessment, out: str | os.PathLike[str] | None,
                   lang: str = "zh", *, front_only: bool = False) -> ReportJob:
    """An unsigned report of ``source`` (a file or an assessment), written to ``out`` (None: only rendered, e.g.
    for a preview). ``front_only``: only the cover, the approval page, the summary and the findings, a few
    seconds instead of the whole report's ten or more (a quick preview while answering). Everything that can be
    refused is refused here."""
    _check_lang(lang)
    a = source if isinstance(source, Assessment) else read_assessment(source)
    dest = None
    if out is not None:
        inputs = () if isinstance(source, Assessment) else (source,)
        dest = files.check_output(out, inputs=inputs, data_dir=ctx.data_dir)
    return ReportJob(ctx, a, lang, dest, front_only=front_only)


# --- the assessment in a report -------------------------------------------------------------------------------------

def heatmap_svg(a: Assessment, ev: Evaluation, lang: str) -> str:
    """The report's heat map (each risk's move from inherent to current) as SVG markup, for the GUI: the very
    drawing the PDF embeds, so the screen and the report cannot disagree. ``a`` is the assessment ``ev`` was
    computed from; ``lang`` is zh, en or bilingual."""
    del a  # the drawing needs only the evaluation; the assessment is part of the signature for what may follow
    from pia_wizard.report import heatmap

    return heatmap.svg(ev, _check_lang(lang))


def read_report_assessment(pdf_path: str | os.PathLike[str]) -> Assessment:
    """The assessment embedded in a report PDF, validated; every failure is a BadInput with one line."""
    from pia_wizard.report.importer import extract_json

    p = Path(pdf_path)
    raw = files.read_bytes(p, what=files.REPORT_PDF)
    with translated():
        data = extract_json(raw, str(p))
    try:
        return parse_assessment(data)
    except BadInput as exc:
        raise BadInput("import_problem", detail=f"the assessment attached to {p} is not valid: "
                       f"{exc.params.get('detail')}") from None


def import_report(ctx: AppContext, pdf_path: str | os.PathLike[str],
                  out: str | os.PathLike[str] | None = None) -> Assessment:
    """Restore the assessment from a report PDF; write it to ``out`` when given (never over the PDF itself)."""
    dest = files.check_output(out, inputs=(pdf_path,), data_dir=ctx.data_dir) if out is not None else None
    a = read_report_assessment(pdf_path)
    if dest is not None:
        files.write_atomic(dest, a.to_json().encode("utf-8"))
    return a


# --- a signed report ---------------------------------------------------------------------------------------------

ISSUE_STEPS = {
    "render": (10.0, Text("生成报告", "Rendering the report")),
    "sign-assessor": (0.6, Text("评估负责人签署", "The lead assessor signs")),
    "sign-dpo": (0.6, Text("个人信息保护负责人签署", "The PI protection officer signs")),
    "archive": (0.3, Text("存档", "Archiving")),
    "write": (0.2, Text("写入文件", "Writing the file")),
}


def _opinion_note(a: Assessment) -> str:
    from pia_wizard.core.approval import OPINIONS

    zh, en = OPINIONS[a.approval["opinion"]]
    return f"审批意见 Decision: {zh} / {en}"


def _held(store: object, report_id: str) -> dict[str, object] | None:
    from pia_wizard.store import reports

    rows = reports.find_by_report_id(store, report_id)
    return rows[0] if rows else None


def _target_version(store: object, a: Assessment, digest: str) -> dict[str, object] | None:
    """The version this content signs into: an approved / in-review version with the same content (a second language
    signed later), else None (the content goes into the open draft, or a new assessment). An approved version with
    other content is refused."""
    from pia_wizard.store import assessments as versions

    if not versions.exists(store, a.id):
        return None
    rows = versions.versions(store, a.id)
    for row in reversed(rows):
        if row["content_sha256"] == digest and row["state"] in ("approved", "in_review"):
            return row
    if rows and rows[-1]["state"] in ("approved", "superseded"):
        raise BadInput("approved_other_content", assessment_id=a.id)
    if rows and rows[-1]["state"] != "draft":
        state = str(rows[-1]["state"])
        raise BadInput("version_not_editable", assessment_id=a.id, version=rows[-1]["version"],
                       state=Text(STATE_ZH.get(state, state), state.replace("_", " ")))
    return None


@dataclass
class IssueJob:
    ctx: AppContext
    assessment: Assessment
    lang: str
    out: Path
    identities: list[tuple[str, SigningIdentity]] = field(repr=False)
    report_id: str = ""
    title: Text = field(default_factory=lambda: Text("签署并存档报告", "Sign and archive the report"))

    def run(self, progress: ProgressFn | None = None, cancel: CancelToken | None = None) -> IssuedReport:
        from pia_wizard.core.approval import GOES_AHEAD
        from pia_wizard.signing import sign

        a, ctx = self.assessment, self.ctx
        weights = {k: v for k, v in ISSUE_STEPS.items()
                   if not k.startswith("sign-") or k[5:] in {r for r, _ in self.identities}}
        steps = Steps(weights, progress, cancel)
        as_of = _as_of(ctx, a)
        ev = evaluate_assessment(ctx, a)
        steps.start("render")
        result = _render(a, self.lang, as_of, tuple(role for role, _ in self.identities), steps.cancel)
        pdf: bytes = result.pdf
        font = resource_dir("assets").joinpath(*STAMP_FONT)
        names = {"assessor": a.assessor.get("name"), "dpo": a.approval["approver"].get("name")}
        notes = [f"the {role} signs as {identity.name} (certificate) but the file names {names[role]}; the stamp "
                 "prints both" for role, identity in self.identities
                 if names[role] and " ".join(str(names[role]).split()) != " ".join(identity.name.split())]
        if ev.has_prohibited and a.approval["opinion"] in GOES_AHEAD:  # allowed only once each one has stopped
            notes.append(f"the decision is {a.approval['opinion'].replace('_', ' ')} although the assessment has "
                         f"{ev.counts.get('prohibited', 0)} prohibited finding(s); the approval states that each "
                         "prohibited practice has stopped: update the answers so that the findings show it")
        fields_ = {"assessor": sign.ASSESSOR_FIELD, "dpo": sign.DPO_FIELD}
        signed = []
        for role, identity in self.identities:
            steps.start(f"sign-{role}")
            box = result.signature_boxes.get(role)
            if box is None:
                raise RenderFailed("no_signature_box", role=ROLE_NAMES[role])
            with translated():
                s = sign.sign_pdf(pdf, identity, field_name=fields_[role], page=box.page, box=box.box,
                                  role=ROLE_TEXT[role], report_id=self.report_id, font_path=font,
                                  signer_name=names[role], note=_opinion_note(a) if role == "dpo" else None,
                                  cache_dir=ctx.cache_dir / "fonts")
            pdf = s.pdf
            signed.append(s)
        steps.start("archive")  # the last point where a cancel is honoured: from here on the job completes
        row, version = self._archive(pdf, signed, ev)
        steps.start("write", cancellable=False)
        try:
            files.write_atomic(self.out, pdf)
        except ServiceError as exc:
            raise ArchivedNotWritten(exc.message("en"), int(row["id"])) from None
        steps.finish()
        warnings = (*notes, *result.warnings, *(w for s in signed for w in s.warnings))
        return IssuedReport(
            path=self.out, report_id=self.report_id, lang=self.lang, pages=result.pages,
            sha256=str(row["sha256"]),
            signatures=tuple(SignatureInfo(s.role, s.signer, s.organisation, s.signed_at, s.self_signed,
                                           s.certificate_fingerprint, s.assessment_sha256) for s in signed),
            archived=ArchiveEntry(int(row["id"]), str(row["report_id"]), str(row["sha256"]), str(row["created_at"]),
                                  str(row["retain_until"])),
            version=version, warnings=tuple(warnings))

    def _archive(self, pdf: bytes, signed: list[SignedPdf], ev: Evaluation) -> tuple[dict[str, object], VersionInfo]:
        from pia_wizard.store import assessments as versions
        from pia_wizard.store import reports
        from pia_wizard.store.reports import Signature

        a = self.assessment
        digest = content_sha256(a)
        sigs = [Signature(signer=s.signer, cert_fingerprint=s.certificate_fingerprint,
                          signed_at=s.signed_at.isoformat() if s.signed_at else "",
                          role=s.role, organisation=s.organisation,
                          self_signed=s.self_signed) for s in signed]
        # the draft and the signed report land in one transaction, or neither does
        with open_archive(self.ctx, "not_archived") as store, store.write():
            held = _held(store, self.report_id)
            if held is not None:
                raise AlreadyArchived(self.report_id, str(held["created_at"])[:10], int(held["id"]))
            target = _target_version(store, a, digest)
            if target is None:
                target = versions.save(store, a, evaluation_dict(a, ev))
            row = reports.archive(store, version_id=target["id"], pdf=pdf, report_id=self.report_id,
                                  language=self.lang, signatures=sigs, approve=True,
                                  approval_note=_opinion_note(a), content_sha256=digest)
            version = versions.get_version(store, target["id"])
        return row, VersionInfo.of(version)


def prepare_issue(ctx: AppContext, source: str | os.PathLike[str] | Assessment, out: str | os.PathLike[str],
                  lang: str = "zh", *, dpo: SignerKey, assessor: SignerKey | None = None,
                  keys_apart: bool = False) -> IssueJob:
    """Check everything that can be refused before the slow work: the language, the output path, the approval,
    the keys and their passphrases, whether the archive already holds this report or refuses this content.
    ``keys_apart``: open the key files in a child process (signing/apart.py), for a caller whose other threads
    must keep running (a window); the CLI opens them in-process."""
    from pia_wizard.core import approval
    from pia_wizard.report.context import report_id
    from pia_wizard.signing import keys

    _check_lang(lang)
    a = source if isinstance(source, Assessment) else read_assessment(source)
    key_paths = [k.path for k in (dpo, assessor) if k is not None]
    inputs = () if isinstance(source, Assessment) else (source,)
    dest = files.check_output(out, inputs=inputs, keys=key_paths, data_dir=ctx.data_dir)
    missing = approval.approval_problems(a)
    if missing:
        raise ApprovalIncomplete(missing)
    identities: list[tuple[str, SigningIdentity]] = []
    if keys_apart:
        from pia_wizard.signing.apart import load_pkcs12_apart as load
    else:
        load = keys.load_pkcs12
    with translated():
        if assessor is not None:
            identities.append(("assessor", load(assessor.path, assessor.passphrase)))
        identities.append(("dpo", load(dpo.path, dpo.passphrase)))
    if assessor is not None and identities[0][1].fingerprint == identities[1][1].fingerprint:
        raise KeyProblem("same_certificate", first=assessor.path, second=dpo.path)
    rid = report_id(a, lang)
    with open_archive(ctx, "archive_refused_assessment") as store:
        held = _held(store, rid)
        if held is not None:
            raise AlreadyArchived(rid, str(held["created_at"])[:10], int(held["id"]))
        _target_version(store, a, content_sha256(a))
    return IssueJob(ctx, a, lang, dest, identities, rid)
