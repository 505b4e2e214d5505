"""Use cases shared by the CLI and the GUI. No Qt, no printing."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pia_wizard.core import assessment as assessment_mod
from pia_wizard.core.assessment import Assessment, AssessmentError
from pia_wizard.core.bank import Bank, default_bank
from pia_wizard.core.engine import Evaluation, evaluate
from pia_wizard.paths import example, resource_dir


def read_assessment(path: str | os.PathLike[str], bank: Bank | None = None) -> Assessment:
    """Read and validate an assessment file; every failure is an AssessmentError with a one-line reason."""
    p = Path(path)
    try:
        if p.is_dir():
            raise AssessmentError([f"{p} is a folder, not an assessment file"])
        size = p.stat().st_size
        if size > assessment_mod.MAX_FILE_BYTES:
            raise AssessmentError([
                f"{p} is {size / 1e6:.1f} MB; an assessment file may be at most "
                f"{assessment_mod.MAX_FILE_BYTES // (1024 * 1024)} MB"
            ])
        raw = p.read_bytes()
    except FileNotFoundError:
        raise AssessmentError([f"no such file: {p}"]) from None
    except PermissionError:
        raise AssessmentError([f"cannot read {p}: permission denied"]) from None
    except OSError as exc:
        raise AssessmentError([f"cannot read {p}: {exc.strerror or exc}"]) from None
    return assessment_mod.parse(raw, bank)


def check(path: str | os.PathLike[str], today: date | None = None) -> tuple[Assessment, Evaluation]:
    a = read_assessment(path)
    return a, evaluate(a, today=today)


def example_path(name: str = "hotel-checkin") -> Path:
    return example(f"{name}.json")


def _score_dict(score: Any) -> dict[str, Any] | None:
    if score is None:
        return None
    out = asdict(score)
    out["applied_adjustments"] = [asdict(a) for a in score.applied_adjustments]
    out["missing"] = list(score.missing)
    return out


def evaluation_dict(a: Assessment, ev: Evaluation) -> dict[str, Any]:
    """The machine-readable result of `check` (also what the GUI shows and the report prints)."""
    risk = ev.risk
    return {
        "assessment": {"id": a.id, "title": a.title, "processor": a.processor.get("name"),
                       "system": a.system.get("name"), "bank_version": a.bank_version},
        "bank_version": default_bank().version,
        "measures_apply": ev.measures_apply,
        "measures_reason": {"zh": ev.measures_reason.zh, "en": ev.measures_reason.en} if ev.measures_reason else None,
        "counts": ev.counts,
        "findings": [f.to_dict() for f in ev.findings],
        "risks": {
            rid: {
                "inherent": r.inherent.level if r.inherent else None,
                "residual": r.residual.level if r.residual else None,
                "inherent_detail": _score_dict(r.inherent),
                "residual_detail": _score_dict(r.residual),
            }
            for rid, r in risk.results.items()
        },
        "overall": {"inherent": risk.overall_inherent, "residual": risk.overall_residual,
                    "convention": "maximum over the seven risks (pia-wizard convention, not the standard's rule)"},
        "unacceptable_from": risk.unacceptable_from,
        "unacceptable": list(risk.unacceptable),
        "risk_matrix": risk.matrix_id,
        "unanswered": ev.unanswered,
        "warnings": ev.warnings,
    }


# --- archive (the store): use cases in pia_wizard.archive and pia_wizard.store, entry points here ---------------

def open_archive(actor: str | None = None) -> Any:
    """The archive in the data dir; use it as a context manager. ``actor`` defaults to the OS user name."""
    from pia_wizard.archive import open_archive as _open_archive

    return _open_archive(actor)


def store_demo(a: Assessment, ev: Evaluation, actor: str | None = None) -> dict[str, Any]:
    """Keep the demo's assessment, findings, a processing record and the filing state in the archive."""
    from pia_wizard.archive import store_demo as _store_demo

    return _store_demo(a, evaluation_dict(a, ev), actor=actor)


def filing_status(processor: str | None = None, today: date | None = None, actor: str | None = None) -> dict[str, Any]:
    from pia_wizard.store import filing

    with open_archive(actor) as store:
        return filing.status(store, filing.resolve(store, processor), today)


# --- report (pia_wizard.report): render a report PDF, read the assessment back out of one ----------------------



def render_report(a: Assessment, lang: str = "zh", ev: Evaluation | None = None, today: date | None = None) -> Any:
    """Render the PDF/A-3b report of an assessment (a report.render.RenderResult: pdf bytes, pages, warnings)."""
    from pia_wizard.report.render import render

    return render(a, ev, lang, today=today)


def write_report(path: str | os.PathLike[str], out: str | os.PathLike[str], lang: str = "zh",
                 today: date | None = None) -> Any:
    """Read an assessment file and write its report to ``out``. Bad input or output: ReportError (one line)."""
    src, dest = Path(path), Path(out)
    a = read_assessment(src)
    _check_output(dest, src)
    result = render_report(a, lang, today=today)
    _write_atomic(dest, result.pdf)
    return result


def read_report_assessment(pdf_path: str | os.PathLike[str]) -> Assessment:
    """The assessment embedded in a report PDF, validated; every failure a ReportError with a one-line reason."""
    from pia_wizard.files import read_bytes
    from pia_wizard.report import ReportError
    from pia_wizard.report.importer import import_assessment

    p = Path(pdf_path)
    raw = read_bytes(p, ReportError, what="report PDF")
    return import_assessment(raw, str(p))


def import_report(pdf_path: str | os.PathLike[str], out: str | os.PathLike[str] | None = None) -> Assessment:
    """Restore the assessment from a report PDF; write it to ``out`` when given (never over the PDF itself)."""
    a = read_report_assessment(pdf_path)
    if out is not None:
        dest = Path(out)
        _check_output(dest, Path(pdf_path))
        _write_atomic(dest, a.to_json().encode("utf-8"))
    return a


def _check_output(dest: Path, src: Path) -> None:
    from pia_wizard.report import ReportError

    if dest.is_dir():
        raise ReportError(f"{dest} is a folder; give a file name for the output")
    if not dest.parent.exists() and str(dest.parent) not in ("", "."):
        raise ReportError(f"cannot write {dest}: the folder {dest.parent} does not exist")
    try:
        if dest.exists() and src.exists() and os.path.samefile(dest, src):
            raise ReportError(f"the output {dest} is the input file; choose another name")
    except OSError:
        pass


def _write_atomic(dest: Path, data: bytes) -> None:
    """Write next to the target and rename, so a failure never leaves half a file under the final name."""
    from pia_wizard.report import ReportError

    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ReportError(f"cannot write {dest}: {exc.strerror or exc}") from None


# --- issue a signed report: approval check -> render -> sign (assessor, then DPO) -> archive -> write ---------------

ROLE_TEXT = {"assessor": "评估负责人 / Lead assessor", "dpo": "个人信息保护负责人 / PI protection officer"}


@dataclass(frozen=True)
class SignerKey:
    """A PKCS#12 file and its passphrase (from the environment or a dialog; never a command-line argument)."""

    path: Path
    passphrase: str = field(repr=False)


@dataclass
class IssuedReport:
    path: Path
    report_id: str
    lang: str
    pages: int
    sha256: str
    signatures: list[Any]  # signing.sign.SignedPdf, in signing order
    archived: dict[str, Any]  # the archive's report row (retain_until, ...)
    version: dict[str, Any]  # the assessment version, now approved
    warnings: list[str]


def _signing_errors() -> tuple[type[Exception], ...]:
    from pia_wizard.signing import SigningError
    from pia_wizard.store import StoreError

    return SigningError, StoreError


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def _opinion_note(a: Assessment) -> str:
    from pia_wizard.core.approval import OPINIONS

    zh, en = OPINIONS[a.approval["opinion"]]
    return f"审批意见 Decision: {zh} / {en}"


def _approved_version(store: Any, a: Assessment, evaluation: dict[str, Any]) -> dict[str, Any]:
    """The archive version for exactly this content: the open draft (saved now), or an approved version with the
    same content (a second language signed later). An approved version with other content is never changed."""
    from pia_wizard.store import Immutable
    from pia_wizard.store import assessments as versions

    digest = _content_sha256(a)
    for row in reversed(versions.versions(store, a.id) if _exists(store, a.id) else []):
        if row["content_sha256"] == digest and row["state"] in ("approved", "in_review"):
            return row
    try:
        return versions.save(store, a, evaluation)
    except Immutable:
        raise Immutable(f"assessment {a.id} is already approved with other content: this file differs from the "
                        "approved version, so start a new version (pia-wizard assessments new-version) and sign "
                        "that") from None


def _content_sha256(a: Assessment) -> str:
    import hashlib

    return hashlib.sha256(a.to_json().encode("utf-8")).hexdigest()


def _check_not_precious(dest: Path, keep: list[Path]) -> None:
    """The report must not land on a signing key or inside the data folder (the archive database, the keys)."""
    from pia_wizard.paths import data_dir
    from pia_wizard.report import ReportError

    target = dest.resolve()
    for k in keep:
        if target == Path(k).resolve():
            raise ReportError(f"the output {dest} is the signing key {k}; choose another name")
    folder = data_dir().resolve()
    if target == folder or folder in target.parents:
        raise ReportError(f"the output {dest} is inside the data folder {folder}, which holds the archive and the "
                          "keys; write the report somewhere else")


def _exists(store: Any, assessment_id: str) -> bool:
    return store.conn.execute("SELECT 1 FROM assessments WHERE id = ?", (assessment_id,)).fetchone() is not None


def issue_report(path: str | os.PathLike[str] | Assessment, out: str | os.PathLike[str], lang: str = "zh", *,
                 dpo: SignerKey, assessor: SignerKey | None = None, today: date | None = None,
                 actor: str | None = None, progress: Any = None) -> IssuedReport:
    """Render the report for signing, sign it (the assessor first when ``assessor`` is given, then the PI
    protection officer), archive the signed bytes (which moves the version to approved) and write ``out``.

    Everything that can be refused is checked before the slow rendering: the approval, the keys and their
    passphrases, the output path, and whether the archive already holds this report. The archive is written before
    the file, so a file that cannot be written is still kept (``pia-wizard reports extract``). Every failure is a
    ReportError with one line. ``progress(step: str)`` is called before each step, for a GUI.
    """
    from pia_wizard.archive import open_archive as _open_archive
    from pia_wizard.core import approval
    from pia_wizard.report import ReportError
    from pia_wizard.report.context import report_id
    from pia_wizard.signing import keys, sign
    from pia_wizard.store import reports

    step = progress or (lambda _s: None)
    errors = _signing_errors()
    dest = Path(out)
    a = path if isinstance(path, Assessment) else read_assessment(path)
    _check_output(dest, Path(os.devnull) if isinstance(path, Assessment) else Path(path))
    _check_not_precious(dest, [k.path for k in (dpo, assessor) if k is not None])
    missing = approval.problems(a)
    if missing:
        more = f" (and {len(missing) - 2} more)" if len(missing) > 2 else ""
        raise ReportError("the report cannot be signed until the approval is complete: " + "; ".join(missing[:2])
                          + more)
    step("keys")
    try:
        identities = [("assessor", keys.load_pkcs12(assessor.path, assessor.passphrase))] if assessor else []
        identities.append(("dpo", keys.load_pkcs12(dpo.path, dpo.passphrase)))
    except errors as exc:
        raise ReportError(_one_line(exc)) from None
    if assessor and identities[0][1].fingerprint == identities[1][1].fingerprint:
        raise ReportError("the assessor and the PI protection officer must sign with their own certificates; "
                          f"{assessor.path} and {dpo.path} hold the same one")
    rid = report_id(a, lang)
    as_of = today or (date.fromisoformat(a.assessment_date) if a.assessment_date else date.today())
    ev = evaluate(a, today=as_of)
    try:
        with _open_archive(actor) as store:
            held = [r for r in reports.list_reports(store) if r["report_id"] == rid]
            if held:
                raise ReportError(
                    f"report {rid} is already signed and archived (on {held[0]['created_at'][:10]}); write it out "
                    f"with `pia-wizard reports extract {held[0]['id']}`, or change the assessment (a new version) "
                    "to sign a new report")
            # The content to sign is stored first (into the open draft): a refusal comes before the slow
            # rendering, and a failure later loses nothing the officer entered.
            version_id = _approved_version(store, a, evaluation_dict(a, ev))["id"]
    except errors as exc:
        raise ReportError(f"the archive refused the assessment: {_one_line(exc)}") from None
    step("render")
    from pia_wizard.report.render import render

    result = render(a, ev, lang, today=as_of, signers=tuple(role for role, _ in identities))
    pdf, signed = result.pdf, []
    font = resource_dir("assets") / "fonts" / "PIASansCJKsc-Regular.otf"
    names = {"assessor": a.assessor.get("name"), "dpo": a.approval["approver"].get("name")}
    notes = [f"the {role} signs as {identity.name} (certificate) but the file names {names[role]}; the stamp prints "
             "both" for role, identity in identities
             if names[role] and " ".join(str(names[role]).split()) != " ".join(identity.name.split())]
    if ev.has_prohibited and a.approval["opinion"] != "do_not_proceed":
        notes.append(f"the decision is {a.approval['opinion'].replace('_', ' ')} although the assessment has "
                     f"{ev.counts.get('prohibited', 0)} prohibited finding(s): processing that the law prohibits "
                     "cannot go ahead under conditions")
    fields = {"assessor": sign.ASSESSOR_FIELD, "dpo": sign.DPO_FIELD}
    for role, identity in identities:
        step(f"sign-{role}")
        box = result.signature_boxes.get(role)
        if box is None:
            raise ReportError(f"the report has no signature box for the {role} (template problem)")
        try:
            s = sign.sign_pdf(pdf, identity, field_name=fields[role], page=box.page, box=box.box,
                              role=ROLE_TEXT[role], report_id=rid, font_path=font, signer_name=names[role],
                              note=_opinion_note(a) if role == "dpo" else None)
        except errors as exc:
            raise ReportError(_one_line(exc)) from None
        pdf = s.pdf
        signed.append(s)
    step("archive")
    from pia_wizard.store.reports import Signature

    sigs = [Signature(signer=s.signer, cert_fingerprint=s.certificate_fingerprint,
                      signed_at=s.signed_at.isoformat() if s.signed_at else "", role=s.role,
                      organisation=s.organisation, self_signed=s.self_signed) for s in signed]
    try:
        with _open_archive(actor) as store:
            row = reports.archive(store, version_id=version_id, pdf=pdf, report_id=rid, language=lang,
                                  signatures=sigs, approve=True, approval_note=_opinion_note(a),
                                  content_sha256=_content_sha256(a))
            from pia_wizard.store import assessments as versions

            version = versions.get_version(store, version_id)
    except errors as exc:
        raise ReportError(f"the signed report was not archived, and no file was written: {_one_line(exc)}") from None
    step("write")
    try:
        _write_atomic(dest, pdf)
    except ReportError as exc:
        raise ReportError(f"{exc}; the signed report is archived: write it out with "
                          f"`pia-wizard reports extract {row['id']}`") from None
    return IssuedReport(path=dest, report_id=rid, lang=lang, pages=result.pages, sha256=row["sha256"],
                        signatures=signed, archived=row, version=version,
                        warnings=[*notes, *result.warnings, *(w for s in signed for w in s.warnings)])


# --- the demo's signed report -------------------------------------------------------------------------------------

DEMO_PASSPHRASE = "pia-wizard-demo"  # the demo keys protect nothing: they sign the built-in example only


def demo_approval(a: Assessment) -> Assessment:
    """The example with the officer's approval recorded: the officer named in the file agrees with the
    assessment's own conclusion and its reasons."""
    from pia_wizard.core.approval import approval_dict

    ans = a.answers
    data = a.to_dict()
    data["approval"] = approval_dict(
        opinion=ans.get("conclusion.decision") or "proceed_with_conditions",
        reasons=ans.get("conclusion.decision_reason") or "", conditions=ans.get("conclusion.conditions") or "",
        approver={k: v for k, v in a.dpo.items() if k in ("name", "role", "organisation")},
        date=a.assessment_date or date.today().isoformat())
    return Assessment.from_dict(data)


@dataclass
class DemoReport:
    path: Path
    report_id: str
    certificates: list[Path]
    issued: IssuedReport | None  # None: the archive already held this report and its copy was written
    archived: dict[str, Any]


def demo_signed_report(out_dir: str | os.PathLike[str], lang: str = "zh", actor: str | None = None) -> DemoReport:
    """The demo end to end: approve the hotel example, sign it as its assessor and its officer with demo
    certificates created in the data dir (self-signed, passphrase DEMO_PASSPHRASE), archive it, write it and
    the certificates' PEM to ``out_dir``. Run again, it writes the archived copy instead of signing anew."""
    from pia_wizard.archive import open_archive as _open_archive
    from pia_wizard.paths import data_dir
    from pia_wizard.report import ReportError
    from pia_wizard.report.context import report_id
    from pia_wizard.signing import keys
    from pia_wizard.store import StoreError, reports
    from pia_wizard.store import assessments as versions

    out = Path(out_dir)
    a = demo_approval(read_assessment(example_path("hotel-checkin")))
    key_dir = data_dir() / "keys"
    certs, signers = [], {}
    for role, person in (("assessor", a.assessor), ("dpo", a.dpo)):
        p12 = key_dir / f"demo-{role}.p12"
        try:
            if p12.exists():
                identity = keys.load_pkcs12(p12, DEMO_PASSPHRASE)
            else:
                key_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
                identity = keys.create_certificate(p12, person.get("name") or role,
                                                   f"{a.processor['name']}（演示 demo）", DEMO_PASSPHRASE)
            certs.append(keys.export_certificate(identity, out / f"demo-{role}-certificate.pem"))
        except (*_signing_errors(), OSError) as exc:
            raise ReportError(f"demo certificate {p12}: {_one_line(exc)}") from None
        signers[role] = SignerKey(p12, DEMO_PASSPHRASE)
    rid = report_id(a, lang)
    dest = out / f"hotel-checkin-report-{lang}.pdf"
    try:
        with _open_archive(actor) as store:
            held = [r for r in reports.list_reports(store) if r["report_id"] == rid]
            if held:
                _write_atomic(dest, reports.pdf_bytes(store, held[0]["id"]))
                return DemoReport(dest, rid, certs, None, held[0])
            rows = versions.versions(store, a.id) if _exists(store, a.id) else []
            if rows and rows[-1]["state"] == "approved" and rows[-1]["content_sha256"] != _content_sha256(a):
                # the built-in example changed (an update of pia-wizard): its new content is a new version
                versions.new_version(store, a.id, "periodic_review", "pia-wizard demo: the built-in example changed")
    except StoreError as exc:
        raise ReportError(f"the archive refused the demo: {_one_line(exc)}") from None
    issued = issue_report(a, dest, lang, dpo=signers["dpo"], assessor=signers["assessor"], actor=actor)
    return DemoReport(dest, rid, certs, issued, issued.archived)
