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
