"""Compare two versions of an archived assessment, or two assessment files: the answers that changed and what the
evaluation concludes differently (core/diff.py).

Both sides are evaluated as of the same day (the context's), so that what differs comes from the answers and not
from the calendar: an approved version evaluated as of its own date would show filing deadlines passing as changes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pia_wizard.context import AppContext
from pia_wizard.core import diff as core_diff
from pia_wizard.core.assessment import Assessment
from pia_wizard.core.bank import default_bank
from pia_wizard.services.assessments import (
    VersionInfo,
    content_sha256,
    evaluate_assessment,
    load_version,
    read_assessment,
)


@dataclass(frozen=True)
class Side:
    """One of the two things compared: an archived version, or a file (``path``), or an assessment in memory."""

    assessment_id: str
    title: str  # the assessment's title, else the system's name
    content_sha256: str
    version: VersionInfo | None = None
    path: Path | None = None


@dataclass(frozen=True)
class Diff:
    old: Side
    new: Side
    answers: core_diff.AssessmentDiff
    evaluation: core_diff.EvaluationDiff

    @property
    def empty(self) -> bool:
        return self.answers.empty and self.evaluation.empty

    @property
    def same_content(self) -> bool:
        return self.old.content_sha256 == self.new.content_sha256


def _side(a: Assessment, version: VersionInfo | None = None, path: Path | None = None) -> Side:
    title = a.title or str(a.system.get("name") or "")
    return Side(a.id, title, content_sha256(a), version, path)


def compare(ctx: AppContext, old: Assessment, new: Assessment, old_side: Side | None = None,
            new_side: Side | None = None) -> Diff:
    bank = default_bank()
    ev_old, ev_new = evaluate_assessment(ctx, old), evaluate_assessment(ctx, new)
    return Diff(old_side or _side(old), new_side or _side(new), core_diff.diff_assessments(old, new, bank),
                core_diff.diff_evaluations(ev_old, ev_new, bank))


def diff_versions(ctx: AppContext, assessment_id: str, v1: int, v2: int) -> Diff:
    """Version ``v1`` (the older side) against version ``v2`` of an archived assessment, as the archive holds them
    (a draft's edits still in its journal count once the draft is saved)."""
    info_old, old = load_version(ctx, assessment_id, v1)
    info_new, new = load_version(ctx, assessment_id, v2)
    return compare(ctx, old, new, _side(old, info_old), _side(new, info_new))


def diff_assessments(ctx: AppContext, a: Assessment | str | os.PathLike[str],
                     b: Assessment | str | os.PathLike[str]) -> Diff:
    """Two assessments (or assessment files: read and checked, every failure a BadInput with one line)."""
    def load(x: Assessment | str | os.PathLike[str]) -> tuple[Assessment, Path | None]:
        if isinstance(x, Assessment):
            return x, None
        return read_assessment(x), Path(x)

    old, old_path = load(a)
    new, new_path = load(b)
    return compare(ctx, old, new, _side(old, path=old_path), _side(new, path=new_path))


__all__ = ["Diff", "Side", "compare", "diff_assessments", "diff_versions"]
