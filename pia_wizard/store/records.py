"""The register of processing records (处理情况记录), GB/T 35273-2020 11.3 fields, kept >= 3 years.

Bulk import and the audit log: an import writes ONE audit entry, not one per row. It holds the row count,
the id range, the SHA-256 of the source file and a digest of the imported rows (``rows_digest``, which can
be recomputed from the table at any time). Reason: the audit log must record who imported what and when,
and make a later change detectable; one entry with a digest does both, while a million entries (about
900 bytes each, measured in bench/store.py) would take several times longer to write than the rows
themselves, double the file and make ``audit verify`` walk a million entries that say nothing the digest
does not. Single records added by hand get their own entry with the full record.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from hashlib import sha256
from itertools import islice
from pathlib import Path
from typing import IO, Any

from pia_wizard.store import audit, values
from pia_wizard.store.db import Store, plus_years
from pia_wizard.store.errors import ImportRejected, InvalidInput, NotFound, RetentionError

ENTITY = "processing_record"
RETENTION_YEARS = 3
CHUNK_ROWS = 10_000  # rows between two progress reports of import_csv and bulk_insert (export: EXPORT_CHUNK)
EXPORT_CHUNK = 5000

# progress(done, total): rows so far and all rows (None when unknown), called once per chunk by export,
# bulk_insert and import_csv when given; raising from it (a cancelled job) stops the work and rolls back.
Progress = Callable[[int, int | None], None]


@dataclass(frozen=True)
class Field:
    name: str
    zh: str
    en: str
    required: bool = False
    kind: str = "text"  # text | date | count | ref


# The user-facing fields, in table and CSV order (GB/T 35273-2020 11.3 a) to c), then links and retention).
FIELDS: tuple[Field, ...] = (
    Field("record_date", "记录日期", "Date", True, "date"),
    Field("system", "关联系统", "System", True),
    Field("assessment_id", "关联评估", "Assessment", False, "ref"),
    Field("pi_types", "个人信息类型", "PI types", True),
    Field("quantity", "数量", "Quantity", True, "count"),
    Field("sources", "来源", "Sources", True),
    Field("purposes", "处理目的", "Purposes", True),
    Field("scenarios", "使用场景", "Scenarios", True),
    Field("entrusted_processing", "委托处理", "Entrusted processing"),
    Field("sharing", "共享", "Sharing"),
    Field("transfer", "转让", "Transfer"),
    Field("public_disclosure", "公开披露", "Public disclosure"),
    Field("cross_border", "出境", "Cross-border transfer"),
    Field("related_systems", "相关信息系统", "Related systems"),
    Field("related_organisations", "相关组织", "Related organisations"),
    Field("related_staff", "相关人员", "Related staff"),
    Field("note", "备注", "Note"),
)
NAMES = tuple(f.name for f in FIELDS)
BY_NAME = {f.name: f for f in FIELDS}
INSERT_COLUMNS = (*NAMES, "created_at", "created_by", "retain_until")
EXPORT_COLUMNS = ("id", *NAMES, "retain_until", "created_at", "created_by")
IGNORED_ON_IMPORT = ("id", "created_at", "created_by")
_INSERT_SQL = (f"INSERT INTO processing_records ({', '.join(INSERT_COLUMNS)}) "
               f"VALUES ({', '.join('?' * len(INSERT_COLUMNS))})")
_SELECT = f"SELECT {', '.join(EXPORT_COLUMNS)} FROM processing_records"
_HEADER_ALIASES = {**{f.name: f.name for f in FIELDS}, **{f.zh: f.name for f in FIELDS},
                   "retain_until": "retain_until", "保存期限至": "retain_until",
                   **{c: c for c in IGNORED_ON_IMPORT}}


def min_retain_until(created: date, record_date: str) -> str:
    """PIPL Art. 56: at least three years from when the record was made and from the day it records."""
    by_created = plus_years(created, RETENTION_YEARS).isoformat()
    by_record = _plus_years_iso(record_date)
    return max(by_created, by_record)


def _plus_years_iso(day: str) -> str:
    # Text arithmetic on a validated YYYY-MM-DD: the bulk path computes this a million times.
    if day[5:] == "02-29":
        return f"{int(day[:4]) + RETENTION_YEARS:04d}-03-01"
    return f"{int(day[:4]) + RETENTION_YEARS:04d}{day[4:]}"


def validate(raw: dict[str, Any], *, today: date, known_assessments: set[str] | None = None,
             store: Store | None = None, created: date | None = None) -> tuple[tuple[Any, ...], list[str]]:
    """Check one record's user fields: (values in FIELDS order + retain_until or None, problems).
    ``created``: when the record was made (default: today), the start of its minimum retention."""
    out: list[Any] = []
    problems: list[str] = []
    record_date = None
    for f in FIELDS:
        value = raw.get(f.name)
        try:
            if f.kind == "date":
                value = values.iso_date(value if value not in (None, "") else _missing())
                if value > today.isoformat():
                    raise ValueError(f"{value} is in the future")
                record_date = value
            elif f.kind == "count":
                value = values.count(value if value not in (None, "") else _missing())
            elif f.kind == "ref":
                value = values.text(value, max_len=100) or None
                if value is not None and not _assessment_exists(value, known_assessments, store):
                    raise ValueError(f"no assessment with id {value!r} in this archive")
            else:
                value = values.text(value, required=f.required)
        except ValueError as exc:
            problems.append(f"{f.name}: {exc}")
            value = None
        out.append(value)
    retain = raw.get("retain_until")
    if retain not in (None, ""):
        try:
            retain = values.iso_date(retain)
            if record_date is not None:
                minimum = min_retain_until(created or today, record_date)
                if retain < minimum:
                    raise ValueError(f"{retain} is too early: records are kept at least 3 years, until {minimum} "
                                     "or later")
        except ValueError as exc:
            problems.append(f"retain_until: {exc}")
    else:
        retain = None
    out.append(retain)
    return tuple(out), problems


def _missing() -> Any:
    raise ValueError("must not be empty")


def _assessment_exists(aid: str, known: set[str] | None, store: Store | None) -> bool:
    if known is not None:
        return aid in known
    if store is None:
        return True
    return store.conn.execute("SELECT 1 FROM assessments WHERE id = ?", (aid,)).fetchone() is not None


# The rows digest: SHA-256 over the rows in id order; each row is its FIELDS values as text (NULL as empty,
# numbers in decimal) joined by U+001F and ended by U+001E, UTF-8. Validated text holds no control characters,
# so this is unambiguous. It covers what the user recorded; retain_until (which can only grow) and the
# creation stamp are the same for a whole import and are written in the audit entry itself.
_N = len(NAMES)
_NULL_AS_EMPTY = {None: ""}.get


def _row_text(row: Sequence[Any]) -> str:
    head = row[:_N]
    return "\x1f".join(map(str, map(_NULL_AS_EMPTY, head, head)))


class _RowDigest:
    CHUNK = 4096

    def __init__(self) -> None:
        self.hash = sha256()

    def update(self, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self.hash.update(("\x1e".join(map(_row_text, rows)) + "\x1e").encode("utf-8"))

    def update_all(self, rows: Sequence[Sequence[Any]]) -> None:
        for i in range(0, len(rows), self.CHUNK):
            self.update(rows[i:i + self.CHUNK])

    def tap(self, rows: Iterable[Sequence[Any]]) -> Iterator[Sequence[Any]]:
        """Digest rows as they stream past (the validating CSV path)."""
        buffer: list[Sequence[Any]] = []
        for row in rows:
            buffer.append(row)
            if len(buffer) >= self.CHUNK:
                self.update(buffer)
                buffer.clear()
            yield row
        self.update(buffer)

    def hexdigest(self) -> str:
        return self.hash.hexdigest()


def digest_where(store: Store, where: str, params: Sequence[Any] = ()) -> str:
    digest = _RowDigest()
    cur = store.conn.execute(f"SELECT {', '.join(NAMES)} FROM processing_records WHERE {where} ORDER BY id", params)
    while chunk := cur.fetchmany(_RowDigest.CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def rows_digest(store: Store, first_id: int, last_id: int) -> str:
    return digest_where(store, "id BETWEEN ? AND ?", (first_id, last_id))


def _row_dict(row: Sequence[Any]) -> dict[str, Any]:
    return dict(zip(EXPORT_COLUMNS, row, strict=True))


def add(store: Store, fields: dict[str, Any]) -> dict[str, Any]:
    """Add one record (validated); returns it as stored."""
    unknown = sorted(set(fields) - set(NAMES) - {"retain_until"})
    if unknown:
        raise InvalidInput(f"unknown processing-record field {unknown[0]!r}")
    row, problems = validate(fields, today=store.today(), store=store)
    if problems:
        raise InvalidInput("; ".join(problems))
    with store.write():
        created_at = store.timestamp()
        retain = row[-1] or min_retain_until(store.today(), row[0])
        cur = store.conn.execute(_INSERT_SQL, (*row[:-1], created_at, store.actor, retain))
        rid = cur.lastrowid
        record = get(store, rid)
        audit.append(store, audit.CREATE, ENTITY, rid, after=record)
    return record


def find_identical(store: Store, fields: dict[str, Any]) -> int | None:
    """The id of a record whose given fields all equal ``fields`` (None when there is none)."""
    keys = [k for k in NAMES if fields.get(k) is not None]
    row = store.conn.execute(
        f"SELECT id FROM processing_records WHERE {' AND '.join(f'{k} = ?' for k in keys)} LIMIT 1",
        [fields[k] for k in keys]).fetchone()
    return row[0] if row else None


def get(store: Store, record_id: int) -> dict[str, Any]:
    row = store.conn.execute(_SELECT + " WHERE id = ?", (record_id,)).fetchone()
    if row is None:
        raise NotFound(f"no processing record with id {record_id}")
    return _row_dict(row)


def update(store: Store, record_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    """Correct a record; the audit entry holds the changed fields before and after."""
    unknown = sorted(set(changes) - set(NAMES) - {"retain_until"})
    if unknown:
        raise InvalidInput(f"unknown processing-record field {unknown[0]!r}")
    with store.write():
        current = get(store, record_id)
        merged = {**current, **changes}
        created = date.fromisoformat(current["created_at"][:10])
        row, problems = validate(merged, today=store.today(), store=store, created=created)
        if problems:
            raise InvalidInput("; ".join(problems))
        new = dict(zip((*NAMES, "retain_until"), row, strict=True))
        if new["retain_until"] is None:
            new["retain_until"] = current["retain_until"]
        diff = {k: v for k, v in new.items() if current[k] != v}
        if not diff:
            return current
        try:
            store.conn.execute(
                f"UPDATE processing_records SET {', '.join(f'{k} = ?' for k in diff)} WHERE id = ?",
                (*diff.values(), record_id))
        except sqlite3.IntegrityError as exc:
            raise _integrity(store, exc, record_id, current["retain_until"]) from None
        audit.append(store, audit.UPDATE, ENTITY, record_id, before={k: current[k] for k in diff}, after=diff)
        return get(store, record_id)


def _integrity(store: Store, exc: sqlite3.IntegrityError, record_id: int, retain_until: str) -> Exception:
    text = str(exc)
    if "retention" in text:
        return RetentionError(f"processing record {record_id}: retain_until can only be extended (now {retain_until})")
    if "CHECK constraint" in text and "retain_until" in text:
        return RetentionError(f"processing record {record_id}: retain_until must be at least 3 years after the record")
    return InvalidInput(f"processing record {record_id}: {text}")


def delete(store: Store, record_id: int) -> None:
    """Deleting is refused until retain_until has passed (by a trigger); the refusal is audited. After that
    date, records leave only through ``purge``."""
    current = get(store, record_id)
    try:
        with store.write():
            store.conn.execute("SAVEPOINT probe")
            store.conn.execute("DELETE FROM processing_records WHERE id = ?", (record_id,))
            store.conn.execute("ROLLBACK TO probe")
            store.conn.execute("RELEASE probe")
    except sqlite3.IntegrityError as exc:
        if "retention" not in str(exc):
            raise store.translate(exc) from None
        with store.write():
            audit.append(store, audit.DELETE_REFUSED, ENTITY, record_id,
                         before={"retain_until": current["retain_until"]},
                         after={"reason": "retention", "by": "trigger processing_records_retention"})
        raise RetentionError(
            f"processing record {record_id} is kept until {current['retain_until']} (PIPL Art. 56 and Measures "
            "Art. 9: at least three years); it cannot be deleted before then") from None
    raise RetentionError(f"processing record {record_id} is past its retention date ({current['retain_until']}): "
                         "remove it with a purge, which asks for confirmation and is audited")


def count(store: Store) -> int:
    return store.conn.execute("SELECT count(*) FROM processing_records").fetchone()[0]


@dataclass(frozen=True)
class Page:
    rows: list[dict[str, Any]]
    has_more: bool
    total: int | None = None


def _filters(system: str | None, date_from: str | None, date_to: str | None, search: str | None,
             assessment_id: str | None) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if system:
        where.append("system = ?")
        params.append(system)
    if date_from:
        where.append("record_date >= ?")
        params.append(values.iso_date(date_from))
    if date_to:
        where.append("record_date <= ?")
        params.append(values.iso_date(date_to))
    if assessment_id:
        where.append("assessment_id = ?")
        params.append(assessment_id)
    if search:
        like = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        cols = ("pi_types", "sources", "purposes", "scenarios", "entrusted_processing", "sharing", "transfer",
                "public_disclosure", "cross_border", "related_systems", "related_organisations", "related_staff",
                "note")
        where.append("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in cols) + ")")
        params.extend([like] * len(cols))
    return (" WHERE " + " AND ".join(where)) if where else "", params


def list_page(store: Store, *, system: str | None = None, date_from: str | None = None, date_to: str | None = None,
              search: str | None = None, assessment_id: str | None = None, limit: int = 50, offset: int = 0,
              with_total: bool = False) -> Page:
    """Newest first. ``with_total`` also counts all matches (uses the same indexes; skip it for the first paint)."""
    try:
        where, params = _filters(system, date_from, date_to, search, assessment_id)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None
    if limit < 1 or offset < 0:
        raise InvalidInput("limit must be >= 1 and offset >= 0")
    sql = f"{_SELECT}{where} ORDER BY record_date DESC, id DESC LIMIT ? OFFSET ?"
    rows = [_row_dict(r) for r in store.conn.execute(sql, (*params, limit + 1, offset))]
    total = None
    if with_total:
        total = store.conn.execute(f"SELECT count(*) FROM processing_records{where}", params).fetchone()[0]
    return Page(rows[:limit], len(rows) > limit, total)


# --- export ----------------------------------------------------------------------------------------------------

def export(store: Store, fmt: str, out: IO[bytes], *, destination: str = "stdout", progress: Progress | None = None,
           **filters: Any) -> dict[str, Any]:
    """Write all (matching) records as CSV (UTF-8 with BOM, for Excel) or JSON; audited with count and SHA-256.
    With ``progress``, the matching rows are counted first (one count(*), the same indexes as the query)."""
    if fmt not in ("csv", "json"):
        raise InvalidInput(f"unknown export format {fmt!r}; use csv or json")
    try:
        where, params = _filters(filters.get("system"), filters.get("date_from"), filters.get("date_to"),
                                 filters.get("search"), filters.get("assessment_id"))
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None
    digest = sha256()
    rows = 0
    total = None
    if progress is not None:
        total = store.conn.execute(f"SELECT count(*) FROM processing_records{where}", params).fetchone()[0]

    def emit(data: bytes) -> None:
        digest.update(data)
        out.write(data)

    if fmt == "csv":
        # SQLite writes each line (printf with %w doubles the double quotes of a quoted field): one string per
        # row instead of 21 Python objects, about a third faster. Every text field is quoted (RFC 4180).
        line = ",".join("%d" if c in ("id", "quantity") else '"%w"' for c in EXPORT_COLUMNS) + "\r\n"
        args = ", ".join("coalesce(assessment_id, '')" if c == "assessment_id" else c for c in EXPORT_COLUMNS)
        cur = store.conn.execute(f"SELECT printf('{line}', {args}) FROM processing_records{where} ORDER BY id",
                                 params)
        emit(("\ufeff" + ",".join(EXPORT_COLUMNS) + "\r\n").encode("utf-8"))
        while chunk := cur.fetchmany(EXPORT_CHUNK):
            emit("".join([r[0] for r in chunk]).encode("utf-8"))
            rows += len(chunk)
            if progress is not None:
                progress(rows, total)
    else:
        # SQLite serialises each row (json_object, in C): one string per row instead of 21 Python objects.
        obj = "json_object(" + ", ".join(f"'{c}', {c}" for c in EXPORT_COLUMNS) + ")"
        cur = store.conn.execute(f"SELECT {obj} FROM processing_records{where} ORDER BY id", params)
        emit(b"[")
        first = True
        while chunk := cur.fetchmany(EXPORT_CHUNK):
            text = ",\n".join([r[0] for r in chunk])
            emit((("\n" if first else ",\n") + text).encode("utf-8"))
            first = False
            rows += len(chunk)
            if progress is not None:
                progress(rows, total)
        emit(b"\n]\n")
    summary = {"format": fmt, "rows": rows, "sha256": digest.hexdigest(), "destination": destination,
               "filters": {k: v for k, v in filters.items() if v}}
    with store.write():
        audit.append(store, audit.EXPORT, ENTITY, "*", after=summary)
    return summary


# --- import ----------------------------------------------------------------------------------------------------

def bulk_insert(store: Store, rows: Iterable[Sequence[Any]], *, source: str | None = None,
                source_sha256: str | None = None, progress: Progress | None = None) -> dict[str, Any]:
    """Insert already-validated rows (FIELDS values + retain_until or None) in one transaction with one
    audit entry. The caller validates; the table's CHECK constraints still refuse anything malformed.
    ``progress`` is called every CHUNK_ROWS rows (total: len(rows) for a sequence, else None)."""
    with store.write():
        summary = _insert_rows(store, rows, progress)
        if summary["rows"]:
            summary.update(source=source, source_sha256=source_sha256)
            audit.append(store, audit.IMPORT, ENTITY, f"{summary['first_id']}-{summary['last_id']}", after=summary)
    return summary


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _insert_rows(store: Store, rows: Iterable[Sequence[Any]], progress: Progress | None = None) -> dict[str, Any]:
    # created_at, created_by and the default retain_until go into the SQL text, so executemany binds the
    # caller's tuples as they are: no per-row Python work on the bulk path.
    conn = store.conn
    base = plus_years(store.today(), RETENTION_YEARS).isoformat()
    n = len(NAMES)
    # min_retain_until() is max(created + 3 years, record_date + 3 years); validated records are never dated in
    # the future, so for them it is always created + 3 years: a constant for the whole import.
    default_retain = _sql_text(base)
    created_at = store.timestamp()
    sql = (f"INSERT INTO processing_records ({', '.join(INSERT_COLUMNS)}) VALUES "
           f"({', '.join(f'?{i}' for i in range(1, n + 1))}, {_sql_text(created_at)}, "
           f"{_sql_text(store.actor)}, coalesce(?{n + 1}, {default_retain}))")
    digest = _RowDigest()
    total = None
    if isinstance(rows, Sequence):
        digest.update_all(rows)
        total = len(rows)
    else:
        rows = digest.tap(rows)
    before = conn.execute("SELECT coalesce(max(id), 0) FROM processing_records").fetchone()[0]
    if progress is None:
        conn.executemany(sql, rows)
    else:
        done = 0
        it = iter(rows)
        while chunk := list(islice(it, CHUNK_ROWS)):
            conn.executemany(sql, chunk)
            done += len(chunk)
            progress(done, total)
    last = conn.execute("SELECT coalesce(max(id), 0) FROM processing_records").fetchone()[0]
    count = last - before
    return {"rows": count, "first_id": before + 1 if count else None, "last_id": last if count else None,
            "rows_sha256": digest.hexdigest(), "created_at": created_at, "retain_until_default": base}


def _no_progress(done: int, total: int | None) -> None:
    pass


def _decode(raw: bytes, source: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")  # what Excel on a Chinese Windows writes for "CSV"
    except UnicodeDecodeError as exc:
        raise ImportRejected(source, [(1, f"the file is neither UTF-8 nor GB18030 text (bad byte at offset "
                                          f"{exc.start}); save it as 'CSV UTF-8'")]) from None


def import_csv(store: Store, path: str | Path, progress: Progress | None = None) -> dict[str, Any]:
    """Import a CSV file (the export's columns, or their Chinese labels). All or nothing: with any bad row,
    every bad row is reported (line and reason) and nothing is imported. ``progress(lines, total)`` is called
    every CHUNK_ROWS data lines read; total counts the file's line breaks, so it is an upper bound (a quoted
    field may hold line breaks)."""
    p = Path(path)
    source = str(p)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"no such file: {p}") from None
    except IsADirectoryError:
        raise InvalidInput(f"{p} is a folder, not a CSV file") from None
    except OSError as exc:
        raise InvalidInput(f"cannot read {p}: {exc.strerror or exc}") from None
    file_sha = sha256(raw).hexdigest()
    text = _decode(raw, source)
    del raw
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[tuple[int, str]] = []
    try:
        header = next(reader)
    except StopIteration:
        raise ImportRejected(source, [(1, "the file is empty: the first line must name the columns")]) from None
    except csv.Error as exc:
        raise ImportRejected(source, [(1, f"not a readable CSV header: {exc}")]) from None
    columns: list[str | None] = []
    seen: set[str] = set()
    for name in header:
        key = _HEADER_ALIASES.get(name.strip().lstrip("\ufeff"))
        if key is None:
            problems.append((1, f"unknown column {name.strip()!r}; expected {', '.join(EXPORT_COLUMNS)}"))
        elif key in seen:
            problems.append((1, f"column {name.strip()!r} appears twice"))
        seen.add(key or "")
        columns.append(key)
    missing = [f.name for f in FIELDS if f.required and f.name not in seen]
    if missing:
        problems.append((1, f"missing required column{'s' if len(missing) > 1 else ''} {', '.join(missing)}"))
    if problems:
        raise ImportRejected(source, problems)

    today = store.today()
    known = {r[0] for r in store.conn.execute("SELECT id FROM assessments")}
    width = len(columns)
    total = None
    report = progress or _no_progress
    mark = 0  # the count of lines read at which to report next; 0 never comes (no progress: one compare per row)
    if progress is not None:
        total = text.count("\n") - (1 if text.endswith("\n") else 0)
        mark = CHUNK_ROWS

    def valid_rows() -> Iterator[tuple[Any, ...]]:
        nonlocal mark
        line = reader.line_num + 1
        read = 0
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                if read % CHUNK_ROWS:
                    report(read, total)
                return
            except csv.Error as exc:
                problems.append((line, f"not valid CSV: {exc}"))
                return
            start, line = line, reader.line_num + 1
            read += 1
            if read == mark:
                report(read, total)
                mark += CHUNK_ROWS
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue
            if len(cells) != width:
                problems.append((start, f"{len(cells)} fields, but the header has {width}"))
                continue
            record = {key: cell for key, cell in zip(columns, cells, strict=True) if key not in IGNORED_ON_IMPORT}
            row, row_problems = validate(record, today=today, known_assessments=known)
            if row_problems:
                problems.extend((start, msg) for msg in row_problems)
            elif not problems:
                yield row

    with store.write():
        summary = _insert_rows(store, valid_rows())
        if problems:
            raise ImportRejected(source, problems)  # rolls the transaction back: nothing imported
        if summary["rows"] == 0:
            raise ImportRejected(source, [(2, "the file has no records below the header")])
        summary.update(source=p.name, source_sha256=file_sha)
        audit.append(store, audit.IMPORT, ENTITY, f"{summary['first_id']}-{summary['last_id']}", after=summary)
    return summary


def import_json(store: Store, path: str | Path, progress: Progress | None = None) -> dict[str, Any]:
    """Import a JSON file shaped like the JSON export (an array of objects with the export's keys or the
    Chinese labels). All or nothing, like ``import_csv``; a problem's number is the record's 1-based position in
    the array (line 1: the file as a whole)."""
    import json

    p = Path(path)
    source = str(p)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"no such file: {p}") from None
    except IsADirectoryError:
        raise InvalidInput(f"{p} is a folder, not a JSON file") from None
    except OSError as exc:
        raise InvalidInput(f"cannot read {p}: {exc.strerror or exc}") from None
    file_sha = sha256(raw).hexdigest()
    try:
        data = json.loads(_decode(raw, source))
    except ValueError as exc:
        raise ImportRejected(source, [(1, f"not valid JSON: {exc}")]) from None
    del raw
    if not isinstance(data, list):
        raise ImportRejected(source, [(1, "the file must hold a JSON array of records, as the JSON export writes")])
    today = store.today()
    known = {r[0] for r in store.conn.execute("SELECT id FROM assessments")}
    problems: list[tuple[int, str]] = []
    report = progress or _no_progress
    total = len(data)

    def valid_rows() -> Iterator[tuple[Any, ...]]:
        for n, item in enumerate(data, start=1):
            if n % CHUNK_ROWS == 0:
                report(n, total)
            if not isinstance(item, dict):
                problems.append((n, f"expected an object with the record's fields, got {type(item).__name__}"))
                continue
            record: dict[str, Any] = {}
            for name, value in item.items():
                key = _HEADER_ALIASES.get(str(name).strip())
                if key is None:
                    problems.append((n, f"unknown field {name!r}; expected {', '.join(EXPORT_COLUMNS)}"))
                elif key not in IGNORED_ON_IMPORT:
                    record[key] = value
            row, row_problems = validate(record, today=today, known_assessments=known)
            if row_problems:
                problems.extend((n, msg) for msg in row_problems)
            elif not problems:
                yield row
        if total % CHUNK_ROWS:
            report(total, total)

    with store.write():
        summary = _insert_rows(store, valid_rows())
        if problems:
            raise ImportRejected(source, problems)
        if summary["rows"] == 0:
            raise ImportRejected(source, [(1, "the file holds no records")])
        summary.update(source=p.name, source_sha256=file_sha)
        audit.append(store, audit.IMPORT, ENTITY, f"{summary['first_id']}-{summary['last_id']}", after=summary)
    return summary
