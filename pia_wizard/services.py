"""Use cases shared by the CLI and the GUI. No Qt, no printing."""

from __future__ import annotations

import os
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from pia_wizard.core import assessment as assessment_mod
from pia_wizard.core.assessment import Assessment, AssessmentError
from pia_wizard.core.bank import Bank, default_bank
from pia_wizard.core.engine import Evaluation, evaluate
from pia_wizard.paths import example


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

MAX_REPORT_PDF_BYTES = 512 * 1024 * 1024


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
    from pia_wizard.report import ReportError
    from pia_wizard.report.importer import import_assessment

    p = Path(pdf_path)
    try:
        if p.is_dir():
            raise ReportError(f"{p} is a folder, not a report PDF")
        if p.stat().st_size > MAX_REPORT_PDF_BYTES:
            raise ReportError(f"{p} is larger than {MAX_REPORT_PDF_BYTES // (1024 * 1024)} MB; not a pia-wizard report")
        raw = p.read_bytes()
    except FileNotFoundError:
        raise ReportError(f"no such file: {p}") from None
    except PermissionError:
        raise ReportError(f"cannot read {p}: permission denied") from None
    except OSError as exc:
        raise ReportError(f"cannot read {p}: {exc.strerror or exc}") from None
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
