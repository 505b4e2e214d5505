"""Open (or create) the one database file, refuse what we must not touch, migrate, and run write transactions.

Order of checks when the file exists, all before anything can write to it:

1. the first 100 bytes must be an SQLite header (plain ``open(..., "rb")``);
2. a read-only connection (``mode=ro``) reads the application id, the tables and ``schema_version``;
   a foreign SQLite database, a damaged one, or one from a newer schema is refused here.

Only then is the file opened read-write (WAL, foreign keys, ``synchronous=FULL``: records that must be kept
three years are worth an fsync per commit).

Concurrency: a second app instance on the same data dir is safe rather than refused. Every write runs in
``BEGIN IMMEDIATE``, so the write lock is taken before the transaction reads anything; the audit chain's
"read the last hash, append the next entry" can therefore never interleave with another process. (A plain
``BEGIN``, which is what ``db.atomic()`` issues, would take the lock only at the first write, and SQLite
fails such a read-then-write upgrade with SQLITE_BUSY without waiting when another process committed in
between.) sqlite-utils writes inside our transaction nest as savepoints through ``db.atomic()``.
"""

from __future__ import annotations

import getpass
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from pia_wizard import __version__
from pia_wizard.store import schema
from pia_wizard.store.errors import CorruptDatabase, MigrationError, NewerDatabase, StoreError, StoreLocked

DB_NAME = "pia-wizard.sqlite3"
BACKUP_DIR = "backups"
DEFAULT_BUSY_TIMEOUT = 10.0
SQLITE_MAGIC = b"SQLite format 3\x00"
MAX_ACTOR = 200

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def timestamp(moment: datetime) -> str:
    """UTC, millisecond precision, 'Z' suffix: sorts as text and SQLite's date() reads it."""
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def plus_years(day: date, years: int) -> date:
    """Same result as SQLite's date(day, '+N years'): 29 February rolls over to 1 March."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def resolve_actor(explicit: str | None = None) -> str:
    """The actor given, else the OS user name."""
    if explicit is not None:
        actor = explicit.strip()
        if not actor:
            raise StoreError("the actor (who acts, for the audit log) must not be empty")
        if len(actor) > MAX_ACTOR or any(ord(ch) < 32 or ord(ch) == 127 for ch in actor):
            raise StoreError(f"the actor (who acts, for the audit log) must be at most {MAX_ACTOR} characters "
                             "without control characters")
        return actor
    try:
        name = getpass.getuser()
    except Exception:  # no login name in this environment (e.g. a container without a passwd entry)
        name = ""
    name = "".join(ch for ch in name if ord(ch) >= 32 and ord(ch) != 127)[:MAX_ACTOR]
    if name:
        return name
    return f"uid-{os.getuid()}" if hasattr(os, "getuid") else "unknown"


def _busy_timeout(explicit: float | None) -> float:
    return explicit if explicit is not None else DEFAULT_BUSY_TIMEOUT


def is_locked_error(exc: BaseException) -> bool:
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def translate(exc: sqlite3.Error, path: Path, timeout: float) -> StoreError:
    """A one-line StoreError for an sqlite3 error that no caller handled specifically."""
    if is_locked_error(exc):
        return StoreLocked(
            f"the database {path} is busy: another program (another pia-wizard?) has held its write lock for "
            f"more than {timeout:g} s; try again when it has finished"
        )
    text = str(exc)
    if isinstance(exc, sqlite3.DatabaseError) and ("malformed" in text or "not a database" in text):
        return CorruptDatabase(
            f"the database {path} is damaged ({text}); restore it from a copy in {path.parent / BACKUP_DIR} or "
            "from your own backups"
        )
    if "readonly" in text.replace(" ", "") or "read-only" in text:
        return StoreError(f"cannot write to {path}: the file or its folder is read-only")
    if "unable to open" in text:
        return StoreError(f"cannot open {path}: check that the folder exists and is writable")
    if "disk" in text and ("full" in text or "i/o" in text.lower()):
        return StoreError(f"cannot write to {path}: {text}")
    return StoreError(f"database error on {path}: {text}")


def _ro_uri(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


def inspect_existing(path: Path, timeout: float) -> int:
    """Schema version of an existing file (0: an empty SQLite database). Never writes to the file."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise CorruptDatabase(
            f"{path} is not a pia-wizard database (not an SQLite file); it was left untouched: move it away or "
            "choose another data folder"
        )
    try:
        ro = sqlite3.connect(_ro_uri(path), uri=True, timeout=timeout)
    except sqlite3.Error as exc:
        raise translate(exc, path, timeout) from None
    try:
        app_id = ro.execute("PRAGMA application_id").fetchone()[0]
        tables = {row[0] for row in ro.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if app_id != schema.APPLICATION_ID:
            if tables:
                raise CorruptDatabase(
                    f"{path} is an SQLite database of another program, not a pia-wizard one; it was left "
                    "untouched: move it away or choose another data folder"
                )
            return 0
        if "schema_version" not in tables:
            raise CorruptDatabase(
                f"the database {path} has no schema_version table (damaged); it was left untouched: restore it "
                "from a backup"
            )
        row = ro.execute("SELECT * FROM schema_version ORDER BY version DESC LIMIT 1").fetchone()
        version = int(row[0]) if row else 0
        latest = schema.latest_version()
        if version > latest:
            cols = [d[0] for d in ro.execute("SELECT * FROM schema_version LIMIT 0").description]
            writer = row[cols.index("app_version")] if "app_version" in cols else None
            needed = f"pia-wizard {writer} or later" if writer else "a newer pia-wizard"
            raise NewerDatabase(
                f"the database {path} has schema version {version}, written by {needed}; this pia-wizard "
                f"{__version__} reads schema versions up to {latest}: install {needed} to open it "
                "(the file was left untouched)",
                found=version,
                supported=latest,
            )
        return version
    except sqlite3.Error as exc:
        err = translate(exc, path, timeout)
        if isinstance(err, StoreLocked):
            raise err from None
        raise CorruptDatabase(
            f"{path} is damaged or not a pia-wizard database ({exc}); it was left untouched: restore it from a "
            "backup or choose another data folder"
        ) from None
    finally:
        ro.close()


class Store:
    """One open database. Not thread-safe: open one Store per thread (the GUI's workers do)."""

    def __init__(self, path: Path, conn: sqlite3.Connection, actor: str, clock: Clock, busy_timeout: float):
        self.path = path
        self.conn = conn
        self.db = sqlite_utils.Database(conn, execute_plugins=False)
        self.actor = actor
        self.clock = clock
        self.busy_timeout = busy_timeout
        self.backup_path: Path | None = None

    # --- time ---------------------------------------------------------------------------------------------
    def now(self) -> datetime:
        return self.clock().astimezone(UTC)

    def timestamp(self) -> str:
        return timestamp(self.now())

    def today(self) -> date:
        return self.now().date()

    # --- transactions --------------------------------------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator[Store]:
        """A write transaction that holds the write lock from its start (see the module docstring)."""
        if self.conn.in_transaction:
            with self.db.atomic():
                yield self
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise translate(exc, self.path, self.busy_timeout) from None
        try:
            with self.db.atomic():
                yield self
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def translate(self, exc: sqlite3.Error) -> StoreError:
        return translate(exc, self.path, self.busy_timeout)

    def schema_version(self) -> int:
        return _read_version(self.conn)

    # --- lifecycle -----------------------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def _read_version(conn: sqlite3.Connection) -> int:
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").fetchone()
    if not exists:
        return 0
    return conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]


def backup_path_for(path: Path, version: int, moment: datetime) -> Path:
    stamp = moment.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return path.parent / BACKUP_DIR / f"{path.stem}.schema-{version}.{stamp}.sqlite3"


def _backup(path: Path, version: int, moment: datetime, timeout: float) -> Path:
    """Copy the committed database with SQLite's backup API (consistent, includes the WAL)."""
    target = backup_path_for(path, version, moment)
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(_ro_uri(path), uri=True, timeout=timeout)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def _migrate(store: Store) -> None:
    from pia_wizard.store import audit

    conn = store.conn
    latest = schema.latest_version()
    if _read_version(conn) >= latest:
        return
    with store.write():
        current = _read_version(conn)  # again, under the write lock: another process may have migrated
        if current > latest:
            raise NewerDatabase(
                f"the database {store.path} was just upgraded to schema version {current} by a newer pia-wizard; "
                f"this pia-wizard {__version__} reads up to {latest}: install the newer version",
                found=current,
                supported=latest,
            )
        if current == latest:
            return
        if current > 0:
            store.backup_path = _backup(store.path, current, store.now(), store.busy_timeout)
        for migration in schema.MIGRATIONS:
            if migration.version <= current:
                continue
            try:
                migration.apply(conn)
            except sqlite3.Error as exc:
                where = f"; a backup of the old database is at {store.backup_path}" if store.backup_path else ""
                raise MigrationError(
                    f"upgrading {store.path} to schema version {migration.version} failed ({exc}); the database "
                    f"was left at version {current}{where}"
                ) from None
            conn.execute(
                "INSERT INTO schema_version (version, name, app_version, applied_at) VALUES (?, ?, ?, ?)",
                (migration.version, migration.name, __version__, store.timestamp()),
            )
        conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
        after: dict[str, Any] = {"schema_version": latest, "app_version": __version__}
        if store.backup_path is not None:
            after["backup"] = str(store.backup_path.relative_to(store.path.parent))
        audit.append(store, "create" if current == 0 else "migrate", "database", store.path.name,
                     before={"schema_version": current} if current else None, after=after)


def _enable_wal(conn: sqlite3.Connection, timeout: float) -> None:
    """Switch a new database to WAL. SQLite fails the switch with "database is locked" at once, without its busy
    handler, while another connection (a second app instance creating the same new file) holds a lock: retry it
    within the busy timeout like any other wait for a lock."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if not is_locked_error(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.005)


def open_store(
    data_dir: str | os.PathLike[str],
    actor: str | None = None,
    *,
    busy_timeout: float | None = None,
    clock: Clock | None = None,
) -> Store:
    """Open the database in the data dir (creating and migrating it as needed)."""
    folder = Path(data_dir)
    timeout = _busy_timeout(busy_timeout)
    who = resolve_actor(actor)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the data folder {folder}: {exc.strerror or exc}") from None
    path = folder / DB_NAME
    if path.exists():
        if not path.is_file():
            raise StoreError(f"{path} is not a file; move it away or choose another data folder")
        if path.stat().st_size > 0:
            inspect_existing(path, timeout)
    try:
        conn = sqlite3.connect(path, timeout=timeout)
    except sqlite3.Error as exc:
        raise translate(exc, path, timeout) from None
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            _enable_wal(conn, timeout)
        store = Store(path, conn, who, clock or _utc_now, timeout)
        _migrate(store)
    except sqlite3.Error as exc:
        conn.close()
        raise translate(exc, path, timeout) from None
    except BaseException:
        conn.close()
        raise
    return store


def open_readonly(path: Path, actor: str, *, busy_timeout: float | None = None, clock: Clock | None = None) -> Store:
    """An existing archive opened read-only, after ``inspect_existing`` has checked it; never creates or migrates
    anything (verifying a report must not touch the archive). Raises StoreError (including for an empty file)."""
    timeout = _busy_timeout(busy_timeout)
    if inspect_existing(path, timeout) == 0:
        raise StoreError(f"the archive {path} is empty")
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=timeout, isolation_level=None)
    except sqlite3.Error as exc:
        raise translate(exc, path, timeout) from None
    return Store(path, conn, actor, clock or _utc_now, timeout)
