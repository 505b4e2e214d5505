"""The hash-chained audit log.

Each entry is stored once, as its canonical serialisation in the ``entry`` column: JSON text without
whitespace, keys in this order,

    {"seq":N,"prev_hash":"<64 hex>","at":"<UTC time>","actor":..,"action":..,"entity":..,"entity_id":"..",
     "before":<JSON or null>,"after":<JSON or null>}

where ``before``/``after`` are JSON with sorted keys and non-ASCII characters kept. ``hash`` is the SHA-256
(lowercase hex) of the UTF-8 bytes of ``entry``; the first entry's prev_hash is 64 zeros. An auditor needs
only ``SELECT seq, hash, entry FROM audit_log ORDER BY seq`` and any SHA-256 tool to check the chain. The
columns at, actor, action, ... are generated from ``entry`` by SQLite, so they cannot say something other
than what the hash covers.

Why this shape: verifying hashes exactly the stored bytes, with no re-serialisation, which keeps
``audit verify`` at a few microseconds per entry (a million entries in a few seconds).

Limits: the chain proves that nothing inside it was changed, removed, reordered or inserted, but someone who
can write the file can drop the newest entries or rebuild the whole chain; ``audit verify`` prints the head
(last sequence and hash) so that it can be noted elsewhere (a signed report, a ticket, an email).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from hashlib import sha256
from typing import Any

from pia_wizard.store.schema import GENESIS_HASH

# Actions written by the store.
CREATE, UPDATE, STATE_CHANGE, EXPORT, SIGN, ARCHIVE = "create", "update", "state_change", "export", "sign", "archive"
IMPORT, DELETE_REFUSED, PURGE, MIGRATE = "import", "delete_refused", "purge", "migrate"
DELETE = "delete"
COLUMNS = ("seq", "at", "actor", "action", "entity", "entity_id", "before", "after", "prev_hash", "hash")
VERIFY_CHUNK = 10_000  # entries between two progress reports of ``verify``

Progress = Callable[[int, int | None], None]  # (done, total or None), called once per chunk


def _no_progress(done: int, total: int | None) -> None:
    pass


def _default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot record {type(value).__name__} in the audit log")


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False,
                      default=_default)


def _text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def make_entry(seq: int, prev_hash: str, at: str, actor: str, action: str, entity: str, entity_id: str,
               before: Any = None, after: Any = None) -> str:
    return (f'{{"seq":{seq:d},"prev_hash":"{prev_hash}","at":{_text(at)},"actor":{_text(actor)},'
            f'"action":{_text(action)},"entity":{_text(entity)},"entity_id":{_text(entity_id)},'
            f'"before":{canonical_json(before)},"after":{canonical_json(after)}}}')


def entry_hash(entry: str) -> str:
    return sha256(entry.encode("utf-8")).hexdigest()


def _prefix(seq: int, prev_hash: bytes) -> bytes:
    return b'{"seq":%d,"prev_hash":"%s",' % (seq, prev_hash)


def append(store: Any, action: str, entity: str, entity_id: Any, before: Any = None, after: Any = None) -> int:
    """Append one entry inside the caller's write transaction; returns its sequence number."""
    conn: sqlite3.Connection = store.conn
    if not conn.in_transaction:
        raise RuntimeError("audit.append() must run inside store.write()")
    row = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS_HASH)
    entry = make_entry(seq, prev, store.timestamp(), store.actor, action, entity, str(entity_id), before, after)
    conn.execute("INSERT INTO audit_log (seq, entry, hash) VALUES (?, ?, ?)", (seq, entry, entry_hash(entry)))
    return seq


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    entries: int
    head_seq: int | None
    head_hash: str | None
    broken_seq: int | None = None
    problem: str | None = None


def verify(conn: sqlite3.Connection, progress: Progress | None = None) -> VerifyResult:
    """Walk the chain from sequence 1; stop at the first broken link and name it.

    The hot loop fetches only hash and entry: each entry must hash to its ``hash`` and begin with
    {"seq":<its position>,"prev_hash":"<the previous hash>", which checks order, gaps and links at once. The
    entry's own seq is authoritative (the hash covers it); the column seq is only where it is stored.

    ``progress(done, total)`` is called after every ``VERIFY_CHUNK`` entries (total: the highest seq, which is
    the number of entries of an intact chain)."""
    position, prev = 1, GENESIS_HASH
    prefix = _prefix(1, prev.encode())
    total = None
    report = progress or _no_progress
    mark = 0  # the position at which to report next; 0 never comes, so without progress the hot loop pays one compare
    if progress is not None:
        total = conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
        mark = VERIFY_CHUNK + 1
    cursor = conn.execute("SELECT hash, CAST(entry AS BLOB) FROM audit_log ORDER BY seq")
    for stored, entry in cursor:
        if sha256(entry).hexdigest() != stored or not entry.startswith(prefix):
            cursor.close()
            return VerifyResult(False, position - 1, position - 1 or None, prev if position > 1 else None,
                                *_diagnose(conn, position, prev))
        position += 1
        prev = stored
        prefix = _prefix(position, stored.encode())
        if position == mark:
            report(position - 1, total)
            mark += VERIFY_CHUNK
    if (position - 1) % VERIFY_CHUNK:
        report(position - 1, total)
    return VerifyResult(True, position - 1, position - 1 or None, prev if position > 1 else None)


def _diagnose(conn: sqlite3.Connection, position: int, prev: str) -> tuple[int, str]:
    """Name the first broken link: the entry at ``position`` (1-based, in seq order) failed."""
    seq, stored, entry = conn.execute(
        "SELECT seq, hash, entry FROM audit_log ORDER BY seq LIMIT 1 OFFSET ?", (position - 1,)).fetchone()
    if entry_hash(entry) != stored:
        return seq, f"sequence {seq}: the entry does not match its hash (it was changed after it was written)"
    try:
        claimed = json.loads(entry).get("seq")
    except ValueError:
        claimed = None
    if isinstance(claimed, int) and claimed > position:
        if position == 1:
            return 1, f"the log starts at sequence {claimed}: entries 1 to {claimed - 1} are missing (deleted)"
        gap = f"{position}" if claimed == position + 1 else f"{position} to {claimed - 1}"
        return position, (f"sequence {gap} missing: entry {position - 1} is followed by {claimed} (entries were "
                          "deleted)")
    if claimed != position:
        return position, f"sequence {position}: the entry stored there says it is sequence {claimed} (moved)"
    if position == 1:
        return 1, "sequence 1: its prev_hash is not the genesis value (the log was cut and re-linked)"
    return position, (f"sequence {position}: its prev_hash does not match the hash of sequence {position - 1} "
                      f"(entry {position - 1} was replaced or the chain was re-linked)")


def entries(conn: sqlite3.Connection, *, entity: str | None = None, entity_id: str | None = None,
            limit: int = 50, before_seq: int | None = None, search: str | None = None) -> list[dict[str, Any]]:
    """The newest entries first; ``before_seq`` pages back (entries older than it), ``search`` keeps entries whose
    text holds it (case-insensitive for ASCII letters)."""
    where: list[str] = []
    params: list[Any] = []
    if entity:
        where.append("entity = ?")
        params.append(entity)
    if entity_id:
        where.append("entity_id = ?")
        params.append(entity_id)
    if before_seq is not None:
        where.append("seq < ?")
        params.append(before_seq)
    if search:
        where.append("entry LIKE ? ESCAPE '\\'")
        params.append("%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    sql = f"SELECT {', '.join(COLUMNS)} FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY seq DESC LIMIT ?"
    params.append(limit)
    return [dict(zip(COLUMNS, row, strict=True)) for row in conn.execute(sql, params)]
