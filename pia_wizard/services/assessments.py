"""Assessments: read and check a file, the result of ``check``, and the archive's assessments and versions
(save a draft with its findings, list, versions, workflow transitions, new versions, export)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields
from datetime import date
from pathlib import Path

from pia_wizard.context import AppContext
from pia_wizard.core import assessment as assessment_mod
from pia_wizard.core.assessment import Assessment, AssessmentError
from pia_wizard.core.bank import Bank, Text, default_bank
from pia_wizard.core.engine import Evaluation, evaluate
from pia_wizard.core.risk import Score
from pia_wizard.core.rules.filing import FilingClocks
from pia_wizard.paths import example
from pia_wizard.services import files
from pia_wizard.services.errors import BadInput, translated

JsonDict = dict[str, object]
EXAMPLES = ("hotel-checkin", "residential-gate", "school-canteen", "factory-attendance")


# --- files -----------------------------------------------------------------------------------------------------

def read_assessment(path: str | os.PathLike[str], bank: Bank | None = None) -> Assessment:
    """Read and validate an assessment file; every failure is a BadInput with a one-line reason."""
    raw = files.read_bytes(path, what=files.ASSESSMENT_FILE, limit=assessment_mod.MAX_FILE_BYTES,
                           too_large="assessment_too_large")
    with translated():
        return assessment_mod.parse(raw, bank)


def parse_assessment(raw: bytes | str, bank: Bank | None = None) -> Assessment:
    with translated():
        return assessment_mod.parse(raw, bank)


def example_path(name: str = "hotel-checkin") -> Path:
    return example(f"{name}.json")


def export_json(ctx: AppContext, a: Assessment, out: str | os.PathLike[str], *, overwrite: bool = True,
                inputs: tuple[str | os.PathLike[str], ...] = ()) -> Path:
    """Write the assessment file atomically (never into the data folder, never over an input)."""
    dest = files.check_output(out, inputs=inputs, data_dir=ctx.data_dir, overwrite=overwrite)
    return files.write_atomic(dest, a.to_json().encode("utf-8"))


# --- check -----------------------------------------------------------------------------------------------------

def check(ctx: AppContext, path: str | os.PathLike[str]) -> tuple[Assessment, Evaluation]:
    """Read a file and evaluate it (findings, risks) as of the context's day."""
    a = read_assessment(path)
    return a, evaluate_assessment(ctx, a)


def evaluate_assessment(ctx: AppContext, a: Assessment) -> Evaluation:
    with translated():
        return evaluate(a, today=ctx.fixed_today)


def proposed_impact_adjustments(ctx: AppContext, a: Assessment) -> list[dict[str, str]]:
    """Impact adjustments the risk grid pre-fills for this assessment (each {"kind", "reason"}; the DPO may
    edit the reason or remove it and say why): today the GB/T 39335 raise for a vulnerable group."""
    from pia_wizard.core.rules import Context
    from pia_wizard.core.rules.riskq import proposed_vulnerable_adjustment

    bank = default_bank()
    rule_ctx = Context(bank, a, ctx.today(), bank.visible(a.answers))
    proposal = proposed_vulnerable_adjustment(rule_ctx)
    return [proposal] if proposal else []


def filing_clocks(a: Assessment, today: date) -> FilingClocks:
    """The Art. 15 clocks (filing, change filing, cancellation) that this assessment's answers start, as of
    ``today`` (give ``ctx.today()``, the day the evaluation used): the very data the filing rules judge in `check`
    (core/rules/filing.py)."""
    from pia_wizard.core.rules import Context
    from pia_wizard.core.rules.filing import filing_clocks as clocks

    bank = default_bank()
    return clocks(Context(bank, a, today, bank.visible(a.answers)))


def _score_dict(score: Score | None) -> JsonDict | None:
    if score is None:
        return None
    out: JsonDict = asdict(score)
    out["applied_adjustments"] = [asdict(x) for x in score.applied_adjustments]
    out["missing"] = list(score.missing)
    return out


def evaluation_dict(a: Assessment, ev: Evaluation) -> JsonDict:
    """The machine-readable result of `check` (also what the archive stores with a version)."""
    risk = ev.risk
    return {
        "assessment": {"id": a.id, "title": a.title, "processor": a.processor.get("name"),
                       "system": a.system.get("name"), "bank_version": a.bank_version},
        "bank_version": default_bank().version,
        "measures_apply": ev.measures_apply,
        "measures_reason": {"zh": ev.measures_reason.zh, "en": ev.measures_reason.en} if ev.measures_reason else None,
        "counts": ev.counts,
        "issues": [i.to_dict() for i in ev.issues],
        "findings": [f.to_dict() for f in ev.findings],
        "risks": {
            rid: {
                "inherent": r.inherent.level if r.inherent else None,
                "current": r.current.level if r.current else None,
                "target": r.target_level,
                "target_rated": r.target is not None,
                "inherent_detail": _score_dict(r.inherent),
                "current_detail": _score_dict(r.current),
                "target_detail": _score_dict(r.target),
            }
            for rid, r in risk.results.items()
        },
        "overall": {"inherent": risk.overall_inherent, "current": risk.overall_current,
                    "target": risk.overall_target,
                    "convention": "maximum over the seven risks (pia-wizard convention, not the standard's rule)"},
        "unacceptable_from": risk.unacceptable_from,
        "unacceptable": list(risk.unacceptable),
        "unacceptable_target": list(risk.unacceptable_target),
        "risk_matrix": risk.matrix_id,
        "unanswered": ev.unanswered,
        "next_review": a.answers.get("conclusion.next_review"),  # the re-assessment due (home window, reminders)
        "warnings": ev.warnings,
    }


def content_sha256(a: Assessment) -> str:
    return hashlib.sha256(a.to_json().encode("utf-8")).hexdigest()


# --- the archive's assessments ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class VersionInfo:
    id: int
    assessment_id: str
    version: int
    state: str  # draft | in_review | approved | rejected | superseded
    based_on: int | None
    reason: str | None
    reason_note: str | None
    content_sha256: str
    bank_version: str | None
    evaluated_at: str | None
    created_at: str
    created_by: str
    updated_at: str
    updated_by: str
    decided_at: str | None
    decided_by: str | None
    decision_note: str | None

    @classmethod
    def of(cls, row: dict[str, object]) -> VersionInfo:
        return cls(**{f.name: row.get(f.name) for f in fields(cls)})  # type: ignore[arg-type]


@dataclass(frozen=True)
class AssessmentSummary:
    assessment_id: str
    title: str
    processor: str
    system: str
    version_id: int
    version: int
    state: str
    updated_at: str
    counts: dict[str, int]  # verdict -> number of findings (empty when never evaluated)
    overall_inherent: str | None
    overall_current: str | None  # measures in place
    overall_target: str | None  # after the action plan
    unanswered: int
    next_review: str | None = None  # ISO date of the next periodic re-assessment, when the assessment sets one


@dataclass(frozen=True)
class VersionReason:
    id: str
    label: Text


@contextmanager
def open_archive(ctx: AppContext, frame: str | None = None) -> Iterator[object]:
    """The store in the context's data folder, with its errors typed (for the services' own use)."""
    from pia_wizard.store.db import open_store

    with translated(frame):
        store = open_store(ctx.data_dir, ctx.actor, busy_timeout=ctx.settings.busy_timeout, clock=ctx.clock)
        try:
            yield store
        finally:
            store.close()


def version_reasons() -> list[VersionReason]:
    """Why a new version is started (Measures Art. 9, PIPL Art. 55), read from the store's schema."""
    from pia_wizard.core.versions import REASON_LABELS, VERSION_REASONS

    return [VersionReason(r, Text(*REASON_LABELS[r])) for r in VERSION_REASONS]


def list_assessments(ctx: AppContext) -> list[AssessmentSummary]:
    from pia_wizard.store import assessments as store_assessments

    with open_archive(ctx) as store:
        rows = store_assessments.list_assessments(store)
    out = []
    for r in rows:
        summary = r.get("summary") or {}
        overall = summary.get("overall") or {}
        out.append(AssessmentSummary(
            assessment_id=r["assessment_id"], title=r["title"] or "", processor=r["processor"] or "",
            system=r["system"] or "", version_id=r["version_id"], version=r["version"], state=r["state"],
            updated_at=r["updated_at"], counts=dict(summary.get("counts") or {}),
            # Versions archived before format 2 stored one "residual" level: it was the current and target one.
            overall_inherent=overall.get("inherent"),
            overall_current=overall.get("current", overall.get("residual")),
            overall_target=overall.get("target", overall.get("residual")),
            unanswered=int(summary.get("unanswered") or 0), next_review=summary.get("next_review")))
    return out


def exists(ctx: AppContext, assessment_id: str) -> bool:
    """Whether the archive holds this assessment."""
    from pia_wizard.store import assessments as store_assessments

    with open_archive(ctx) as store:
        return store_assessments.exists(store, assessment_id)


def versions(ctx: AppContext, assessment_id: str) -> list[VersionInfo]:
    from pia_wizard.store import assessments as store_assessments

    with open_archive(ctx) as store:
        if not store_assessments.exists(store, assessment_id):
            raise BadInput("assessment_not_found", assessment_id=assessment_id)
        return [VersionInfo.of(v) for v in store_assessments.versions(store, assessment_id)]


def load_version(ctx: AppContext, assessment_id: str, version: int | None = None) -> tuple[VersionInfo, Assessment]:
    """A stored version and its assessment (the newest version by default)."""
    from pia_wizard.store import assessments as store_assessments

    with open_archive(ctx) as store:
        row = store_assessments.find_version(store, assessment_id, version)
        text = store_assessments.content(store, row["id"])
    return VersionInfo.of(row), parse_assessment(text)


def save_draft(ctx: AppContext, a: Assessment) -> VersionInfo:
    """Evaluate the assessment and store it with its findings: a new assessment, or into its open draft."""
    from pia_wizard.store import assessments as store_assessments

    ev = evaluate_assessment(ctx, a)
    with open_archive(ctx) as store:
        return VersionInfo.of(store_assessments.save(store, a, evaluation_dict(a, ev)))


def save_file(ctx: AppContext, path: str | os.PathLike[str]) -> tuple[Assessment, VersionInfo]:
    a = read_assessment(path)
    return a, save_draft(ctx, a)


TRANSITIONS = ("submit", "approve", "reject", "reopen")


def transition(ctx: AppContext, assessment_id: str, action: str, version: int | None = None,
               note: str = "") -> VersionInfo:
    """submit | approve | reject | reopen a version (the newest by default)."""
    from pia_wizard.store import assessments as store_assessments

    with open_archive(ctx) as store:
        row = store_assessments.find_version(store, assessment_id, version)
        return VersionInfo.of(store_assessments.transition(store, row["id"], action, note))


def new_version(ctx: AppContext, assessment_id: str, reason: str, note: str = "") -> VersionInfo:
    """Start the next draft from the approved version, recording why (one of ``version_reasons()``)."""
    from pia_wizard.store import assessments as store_assessments

    with open_archive(ctx) as store:
        return VersionInfo.of(store_assessments.new_version(store, assessment_id, reason, note))


__all__ = [
    "EXAMPLES", "AssessmentError", "AssessmentSummary", "VersionInfo", "VersionReason", "check", "content_sha256",
    "evaluate_assessment", "evaluation_dict", "example_path", "export_json", "list_assessments", "load_version",
    "new_version", "open_archive", "parse_assessment", "read_assessment", "save_draft", "save_file", "transition",
    "version_reasons", "versions",
]


def delete_draft(ctx: AppContext, assessment_id: str) -> VersionInfo:
    """Delete an assessment's open draft and its unsaved edits. Anything submitted or approved is refused (the
    store's rule and its triggers): approved versions are kept for at least three years."""
    from pia_wizard.store import assessments as store_assessments
    from pia_wizard.store.journal import Journal

    with open_archive(ctx) as store:
        row = store_assessments.delete_draft(store, assessment_id)
    with translated():
        Journal(ctx.data_dir, assessment_id).discard()
    return VersionInfo.of(row)


def assessment_schema() -> JsonDict:
    """The JSON Schema of the assessment file, generated from the question bank."""
    from pia_wizard.core.schema import assessment_schema as _schema

    with translated():
        return _schema(default_bank())
