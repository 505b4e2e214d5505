"""Drafts that keep every answer as it is given, without an audit entry per keystroke.

Each edit goes to the draft's journal (store/journal.py) and is on disk when ``set_answer`` returns: a crash or a
power cut loses nothing acknowledged. A checkpoint (``DraftSession.checkpoint``: when the DPO saves, closes the
assessment, switches versions, or every few minutes) folds the journal into the archive's draft version as one
audited save that records how many edits it holds and their SHA-256, then starts the journal again. Opening a draft
whose journal still holds edits (the app was killed) replays them: ``recovered`` says how many.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from datetime import UTC

from pia_wizard.context import AppContext
from pia_wizard.core.assessment import Assessment
from pia_wizard.core.bank import TEXT_LIMIT, default_bank
from pia_wizard.services.assessments import (
    VersionInfo,
    content_sha256,
    evaluate_assessment,
    evaluation_dict,
    open_archive,
    parse_assessment,
)
from pia_wizard.services.errors import BadInput, translated

EDITABLE_FIELDS = ("title", "language", "assessment_date", "processor", "system", "sites", "assessor", "dpo",
                   "risks", "risk_acceptance", "calendar_overrides", "calendar_complete_years", "approval")


@dataclass(frozen=True)
class Checkpoint:
    version: VersionInfo
    edits: int  # folded into this save
    edits_sha256: str


def _now(ctx: AppContext) -> str:
    return ctx.clock().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _apply(data: dict[str, object], path: tuple[str, ...], value: object) -> None:
    if path[0] == "answers":
        answers = data.setdefault("answers", {})
        assert isinstance(answers, dict)
        if value is None:
            answers.pop(path[1], None)
        else:
            answers[path[1]] = value
    elif value is None:
        data.pop(path[0], None)
    else:
        data[path[0]] = value


class DraftSession:
    """One assessment being edited. Use from one thread (the GUI's database worker)."""

    def __init__(self, ctx: AppContext, base: Assessment) -> None:
        from pia_wizard.store.journal import Journal

        self.ctx = ctx
        self.assessment_id = base.id
        self._data = base.to_dict()
        self._journal = Journal(ctx.data_dir, base.id)
        with translated():
            replay = self._journal.read()
        for e in replay.edits:
            _apply(self._data, e.path, e.value)
        self.recovered = len(replay.edits)  # edits found in the journal from an earlier session
        self.torn = replay.torn  # a torn (never acknowledged) last line that was dropped
        self.pending = len(replay.edits)  # edits not yet folded into the archive
        self._cached: Assessment | None = None

    @classmethod
    def open(cls, ctx: AppContext, a: Assessment) -> DraftSession:
        return cls(ctx, a)

    # --- editing -----------------------------------------------------------------------------------------------
    def _edit(self, path: tuple[str, ...], value: object) -> None:
        try:
            text = json.dumps(value, ensure_ascii=False)
        except (TypeError, ValueError):
            raise BadInput("bad_value", detail=f"{'.'.join(path)}: not a value an assessment file can hold") from None
        if len(text) > TEXT_LIMIT:
            raise BadInput("bad_value", detail=f"{'.'.join(path)}: longer than {TEXT_LIMIT:,} characters")
        with translated():
            self._journal.append(path, copy.deepcopy(value), _now(self.ctx), self.ctx.actor or "")
        _apply(self._data, path, value)
        self.pending += 1
        self._cached = None

    def set_answer(self, qid: str, value: object) -> None:
        """Keep one answer (None clears it); on disk when this returns."""
        try:
            default_bank().question(qid)
        except KeyError:
            raise BadInput("bad_value", detail=f"unknown question {qid!r}") from None
        self._edit(("answers", qid), value)

    def set_field(self, name: str, value: object) -> None:
        """Keep a top-level field (title, processor, system, sites, risks, approval, ...)."""
        if name not in EDITABLE_FIELDS:
            raise BadInput("bad_value", detail=f"{name!r} is not a field that can be edited")
        self._edit((name,), value)

    @property
    def data(self) -> dict[str, object]:
        return copy.deepcopy(self._data)

    @property
    def assessment(self) -> Assessment:
        """The draft as it stands, validated (BadInput naming the problem if an edit made it invalid)."""
        if self._cached is None:
            self._cached = parse_assessment(json.dumps(self._data, ensure_ascii=False))
        return self._cached

    # --- checkpoints -------------------------------------------------------------------------------------------
    def checkpoint(self) -> Checkpoint:
        """Fold the journal into the archive's draft (one audited save), then start the journal again. When the
        archive refuses (an approved version, a busy archive), the journal keeps every edit."""
        from pia_wizard.store import assessments as versions

        a = self.assessment
        with translated():
            replay = self._journal.read()
        summary = {"count": len(replay.edits), "sha256": replay.digest} if replay.edits else None
        ev = evaluate_assessment(self.ctx, a)
        with open_archive(self.ctx) as store:
            row = versions.save(store, a, evaluation_dict(a, ev), edits=summary)
        with translated():
            self._journal.begin(content_sha256(a), _now(self.ctx), self.ctx.actor or "")
        self.pending = 0
        return Checkpoint(VersionInfo.of(row), len(replay.edits), replay.digest)

    def discard_journal(self) -> None:
        """Forget the unsaved edits (the user chose to throw them away)."""
        with translated():
            self._journal.discard()
        self.pending = 0

    def close(self) -> None:
        self._journal.close()


def open_draft(ctx: AppContext, assessment_id: str) -> DraftSession:
    """The newest version of an archived assessment, with any edits its journal still holds."""
    from pia_wizard.services.assessments import load_version

    _, a = load_version(ctx, assessment_id)
    return DraftSession(ctx, a)
