"""Assessments and their versions: draft -> in_review -> approved | rejected; approved -> superseded.

The database enforces the workflow (triggers in schema.py); this module adds the audit entries and
messages. An approved version never changes: a change means ``new_version`` with one of the Measures Art. 9
/ PIPL Art. 55 re-assessment reasons.
"""

from __future__ import annotations

import json
import sqlite3
from hashlib import sha256
from typing import Any

from pia_wizard.core.assessment import Assessment
from pia_wizard.core.versions import VERSION_REASONS
from pia_wizard.store import audit
from pia_wizard.store.db import Store
from pia_wizard.store.errors import Immutable, InvalidInput, NotFound, StateError

ENTITY = "assessment_version"
_VERSION_COLUMNS = ("id", "assessment_id", "version", "state", "based_on", "reason", "reason_note", "content_sha256",
                    "bank_version", "evaluated_at", "created_at", "created_by", "updated_at", "updated_by",
                    "decided_at", "decided_by", "decision_note")


def _entity_id(row: dict[str, Any]) -> str:
    return f"{row['assessment_id']}/v{row['version']}"


def _version_row(store: Store, where: str, params: tuple[Any, ...]) -> dict[str, Any] | None:
    row = store.conn.execute(
        f"SELECT {', '.join(_VERSION_COLUMNS)} FROM assessment_versions WHERE {where}", params).fetchone()
    return dict(zip(_VERSION_COLUMNS, row, strict=True)) if row else None


def get_version(store: Store, version_id: int) -> dict[str, Any]:
    row = _version_row(store, "id = ?", (version_id,))
    if row is None:
        raise NotFound(f"no assessment version with id {version_id}")
    return row


def find_version(store: Store, assessment_id: str, version: int | None = None) -> dict[str, Any]:
    if version is None:
        row = _version_row(store, "assessment_id = ? ORDER BY version DESC LIMIT 1", (assessment_id,))
    else:
        row = _version_row(store, "assessment_id = ? AND version = ?", (assessment_id, version))
    if row is None:
        raise NotFound(f"no version {version or ''} of assessment {assessment_id}".replace("  ", " "))
    return row


def content(store: Store, version_id: int) -> str:
    row = store.conn.execute("SELECT content FROM assessment_versions WHERE id = ?", (version_id,)).fetchone()
    if row is None:
        raise NotFound(f"no assessment version with id {version_id}")
    return row[0]


def evaluation(store: Store, version_id: int) -> dict[str, Any] | None:
    row = store.conn.execute("SELECT evaluation FROM assessment_versions WHERE id = ?", (version_id,)).fetchone()
    if row is None:
        raise NotFound(f"no assessment version with id {version_id}")
    return json.loads(row[0]) if row[0] else None


def exists(store: Store, assessment_id: str) -> bool:
    return store.conn.execute("SELECT 1 FROM assessments WHERE id = ?", (assessment_id,)).fetchone() is not None


def list_assessments(store: Store) -> list[dict[str, Any]]:
    """Each assessment with its newest version; ``summary`` is the stored evaluation's counts and overall levels."""
    sql = """
        SELECT a.id, a.title, a.processor, a.system, v.id, v.version, v.state, v.updated_at, v.evaluation
        FROM assessments a JOIN assessment_versions v ON v.assessment_id = a.id
        WHERE v.version = (SELECT max(version) FROM assessment_versions WHERE assessment_id = a.id)
        ORDER BY v.updated_at DESC"""
    cols = ("assessment_id", "title", "processor", "system", "version_id", "version", "state", "updated_at")
    out = []
    for r in store.conn.execute(sql):
        row = dict(zip(cols, r[:-1], strict=True))
        row["summary"] = _summary(json.loads(r[-1])) if r[-1] else None
        out.append(row)
    return out


def versions(store: Store, assessment_id: str) -> list[dict[str, Any]]:
    rows = store.conn.execute(
        f"SELECT {', '.join(_VERSION_COLUMNS)} FROM assessment_versions WHERE assessment_id = ? ORDER BY version",
        (assessment_id,))
    return [dict(zip(_VERSION_COLUMNS, r, strict=True)) for r in rows]


def _diff(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Changed top-level fields, and answers per question ID, as (before, after)."""
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for key in sorted(set(old) | set(new)):
        if key == "answers":
            oa, na = old.get(key) or {}, new.get(key) or {}
            for qid in sorted(set(oa) | set(na)):
                if oa.get(qid) != na.get(qid):
                    before[f"answers.{qid}"] = oa.get(qid)
                    after[f"answers.{qid}"] = na.get(qid)
        elif old.get(key) != new.get(key):
            before[key], after[key] = old.get(key), new.get(key)
    return before, after


def _summary(ev: dict[str, Any] | None) -> dict[str, Any] | None:
    if not ev:
        return None
    return {"counts": ev.get("counts"), "overall": ev.get("overall"), "unanswered": len(ev.get("unanswered") or []),
            "next_review": ev.get("next_review")}


def save(store: Store, a: Assessment, evaluation_dict: dict[str, Any] | None = None, *,
         edits: dict[str, Any] | None = None) -> dict[str, Any]:
    """Store an assessment: version 1 if new, else update its open draft. Returns the version row. ``edits``
    (from a draft journal: how many, their SHA-256) goes into the audit entry of this save."""
    text = a.to_json()
    digest = sha256(text.encode("utf-8")).hexdigest()
    ev_text = audit.canonical_json(evaluation_dict) if evaluation_dict is not None else None
    processor = str(a.processor.get("name") or "")
    system = str(a.system.get("name") or "")
    with store.write():
        now = store.timestamp()
        exists = store.conn.execute("SELECT 1 FROM assessments WHERE id = ?", (a.id,)).fetchone()
        if not exists:
            store.conn.execute(
                "INSERT INTO assessments (id, processor, system, title, created_at, created_by) VALUES (?,?,?,?,?,?)",
                (a.id, processor, system, a.title, now, store.actor))
            cur = store.conn.execute(
                "INSERT INTO assessment_versions (assessment_id, version, content, content_sha256, bank_version, "
                "evaluation, evaluated_at, created_at, created_by, updated_at, updated_by) "
                "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (a.id, text, digest, a.bank_version, ev_text, now if ev_text else None, now, store.actor, now,
                 store.actor))
            row = get_version(store, cur.lastrowid)
            audit.append(store, audit.CREATE, ENTITY, _entity_id(row),
                         after={"state": "draft", "version": 1, "content_sha256": digest, "content": a.to_dict(),
                                "evaluation": _summary(evaluation_dict), **({"edits": edits} if edits else {})})
            return row
        latest = find_version(store, a.id)
        if latest["state"] != "draft":
            raise _not_editable(latest)
        old_text = content(store, latest["id"])
        old_ev = store.conn.execute("SELECT evaluation FROM assessment_versions WHERE id = ?",
                                    (latest["id"],)).fetchone()[0]
        if old_text == text and (ev_text is None or ev_text == old_ev):
            return latest
        before, after = _diff(json.loads(old_text), a.to_dict())
        sets = {"content": text, "content_sha256": digest, "bank_version": a.bank_version, "updated_at": now,
                "updated_by": store.actor}
        if ev_text is not None and ev_text != old_ev:
            sets.update(evaluation=ev_text, evaluated_at=now)
            before["evaluation"], after["evaluation"] = _summary(json.loads(old_ev) if old_ev else None), \
                _summary(evaluation_dict)
        try:
            store.conn.execute(f"UPDATE assessment_versions SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = ?",
                               (*sets.values(), latest["id"]))
            store.conn.execute("UPDATE assessments SET processor = ?, system = ?, title = ? WHERE id = ?",
                               (processor, system, a.title, a.id))
        except sqlite3.IntegrityError as exc:
            raise _trigger_error(exc, latest) from None
        if edits:
            after["edits"] = edits
        audit.append(store, audit.UPDATE, ENTITY, _entity_id(latest), before=before, after=after)
        return get_version(store, latest["id"])


def _not_editable(row: dict[str, Any]) -> Exception:
    v, state = row["version"], row["state"]
    if state in ("approved", "superseded"):
        return Immutable(f"version {v} of assessment {row['assessment_id']} is {state} and cannot change; start a "
                         "new version with a reason")
    return StateError(f"version {v} of assessment {row['assessment_id']} is {state.replace('_', ' ')}; return it to "
                      "draft before editing")


def _trigger_error(exc: sqlite3.IntegrityError, row: dict[str, Any]) -> Exception:
    text = str(exc)
    if "immutable" in text:
        return Immutable(f"version {row['version']} of assessment {row['assessment_id']} is approved and immutable "
                         "(enforced by the database); start a new version")
    if "not allowed" in text or "draft" in text:
        return StateError(f"version {row['version']} of assessment {row['assessment_id']}: {text}")
    if "UNIQUE" in text:
        return StateError(f"assessment {row['assessment_id']} already has an open draft or review")
    return InvalidInput(text)


_TRANSITIONS = {
    "submit": ({"draft"}, "in_review"),
    "approve": ({"in_review"}, "approved"),
    "reject": ({"in_review"}, "rejected"),
    "reopen": ({"in_review", "rejected"}, "draft"),
}


def transition(store: Store, version_id: int, action: str, note: str = "") -> dict[str, Any]:
    """submit | approve | reject | reopen. Approving supersedes the previously approved version."""
    if action not in _TRANSITIONS:
        raise InvalidInput(f"unknown action {action!r}")
    allowed, target = _TRANSITIONS[action]
    with store.write():
        row = get_version(store, version_id)
        if row["state"] not in allowed:
            raise StateError(f"cannot {action} version {row['version']} of assessment {row['assessment_id']}: it is "
                             f"{row['state'].replace('_', ' ')} (allowed from: {', '.join(sorted(allowed))})")
        now = store.timestamp()
        try:
            if target == "approved":
                previous = _version_row(store, "assessment_id = ? AND state = 'approved'", (row["assessment_id"],))
                if previous is not None:
                    store.conn.execute("UPDATE assessment_versions SET state = 'superseded' WHERE id = ?",
                                       (previous["id"],))
                    audit.append(store, audit.STATE_CHANGE, ENTITY, _entity_id(previous), before={"state": "approved"},
                                 after={"state": "superseded", "by_version": row["version"]})
            if target in ("approved", "rejected"):
                store.conn.execute(
                    "UPDATE assessment_versions SET state = ?, decided_at = ?, decided_by = ?, decision_note = ?, "
                    "updated_at = ?, updated_by = ? WHERE id = ?",
                    (target, now, store.actor, note, now, store.actor, version_id))
            else:
                store.conn.execute(
                    "UPDATE assessment_versions SET state = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                    (target, now, store.actor, version_id))
        except sqlite3.IntegrityError as exc:
            raise _trigger_error(exc, row) from None
        after: dict[str, Any] = {"state": target}
        if note:
            after["note"] = note
        audit.append(store, audit.STATE_CHANGE, ENTITY, _entity_id(row), before={"state": row["state"]}, after=after)
        return get_version(store, version_id)


def new_version(store: Store, assessment_id: str, reason: str, note: str = "") -> dict[str, Any]:
    """Copy the approved version as the next draft, recording why (Measures Art. 9; PIPL Art. 55)."""
    if reason not in VERSION_REASONS:
        raise InvalidInput(f"unknown reason {reason!r}; use one of {', '.join(VERSION_REASONS)}")
    with store.write():
        approved = _version_row(store, "assessment_id = ? AND state = 'approved'", (assessment_id,))
        if approved is None:
            if not store.conn.execute("SELECT 1 FROM assessments WHERE id = ?", (assessment_id,)).fetchone():
                raise NotFound(f"no assessment {assessment_id}")
            raise StateError(f"assessment {assessment_id} has no approved version to start from; finish (or reopen) "
                             "the current one")
        open_row = _version_row(store, "assessment_id = ? AND state IN ('draft', 'in_review')", (assessment_id,))
        if open_row is not None:
            raise StateError(f"assessment {assessment_id} already has version {open_row['version']} "
                             f"({open_row['state'].replace('_', ' ')}); finish it first")
        number = store.conn.execute("SELECT max(version) FROM assessment_versions WHERE assessment_id = ?",
                                    (assessment_id,)).fetchone()[0] + 1
        now = store.timestamp()
        cur = store.conn.execute(
            "INSERT INTO assessment_versions (assessment_id, version, based_on, reason, reason_note, content, "
            "content_sha256, bank_version, created_at, created_by, updated_at, updated_by) "
            "SELECT assessment_id, ?, id, ?, ?, content, content_sha256, bank_version, ?, ?, ?, ? "
            "FROM assessment_versions WHERE id = ?",
            (number, reason, note, now, store.actor, now, store.actor, approved["id"]))
        row = get_version(store, cur.lastrowid)
        audit.append(store, audit.CREATE, ENTITY, _entity_id(row),
                     after={"state": "draft", "version": number, "based_on_version": approved["version"],
                            "reason": reason, "note": note, "content_sha256": row["content_sha256"]})
        return row


def delete_draft(store: Store, assessment_id: str) -> dict[str, Any]:
    """Delete the open draft of an assessment (and the assessment itself when the draft was all it had). A
    submitted, approved, rejected or superseded version is never deleted: the schema's triggers refuse it too."""
    with store.write():
        row = _version_row(store, "assessment_id = ? ORDER BY version DESC LIMIT 1", (assessment_id,))
        if row is None:
            raise NotFound(f"no assessment {assessment_id}")
        if row["state"] != "draft":
            raise Immutable(f"version {row['version']} of this assessment is {row['state'].replace('_', ' ')}; only "
                            "a draft can be deleted (approved versions are kept for at least three years)")
        store.conn.execute("DELETE FROM assessment_versions WHERE id = ?", (row["id"],))
        gone = not store.conn.execute("SELECT 1 FROM assessment_versions WHERE assessment_id = ?",
                                      (assessment_id,)).fetchone()
        if gone:
            try:
                store.conn.execute("DELETE FROM assessments WHERE id = ?", (assessment_id,))
            except sqlite3.IntegrityError:
                gone = False  # processing records still point at it: keep the (empty) assessment row
        audit.append(store, audit.DELETE, ENTITY, _entity_id(row),
                     before={"state": "draft", "version": row["version"], "content_sha256": row["content_sha256"]},
                     after={"assessment_deleted": gone})
        return row
