"""Opening the database: creation, settings, migrations with backups, and refusing what must not be touched."""

import os
import sqlite3

import pytest

from pia_wizard.store import audit, schema
from pia_wizard.store.db import open_store
from pia_wizard.store.errors import CorruptDatabase, MigrationError, NewerDatabase, StoreError
from tests.store.conftest import db_path, raw, sha256_file
from tests.store.v1fixture import AID, FROZEN_SQL, build_v1


def _schema_sql(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
    return [(t, n, " ".join((s or "").split())) for t, n, s in rows]


def test_new_database_is_wal_with_foreign_keys_and_schema_1(store, data_dir):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert store.schema_version() == 1
    assert [e["action"] for e in audit.entries(store.conn)] == ["create"]
    assert not (data_dir / "backups").exists()  # a new database needs no backup


def test_migration_1_is_still_the_frozen_v1_schema(store, tmp_path):
    """Migration 1 has shipped: changing it instead of appending migration 2 fails here."""
    frozen = sqlite3.connect(tmp_path / "frozen.sqlite3")
    frozen.executescript(FROZEN_SQL)
    assert _schema_sql(store.conn) == _schema_sql(frozen)


def test_writes_outside_write_are_not_possible_for_audit(store):
    with pytest.raises(RuntimeError):
        audit.append(store, "update", "x", 1)


def test_reopen_does_not_migrate_or_back_up(data_dir):
    open_store(data_dir, "a").close()
    before = sha256_file(db_path(data_dir))
    s = open_store(data_dir, "b")
    s.close()
    assert not (data_dir / "backups").exists()
    assert sha256_file(db_path(data_dir)) == before


def _migration_2(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE processing_records ADD COLUMN legal_basis TEXT NOT NULL DEFAULT ''")


def test_upgrade_from_v1_fixture_backs_up_then_migrates(data_dir, monkeypatch):
    build_v1(db_path(data_dir))
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, schema.Migration(2, "test: legal basis",
                                                                                      _migration_2)])
    s = open_store(data_dir, "upgrader")
    try:
        assert s.schema_version() == 2
        # the data of version 1 is intact and usable
        assert s.conn.execute("SELECT quantity, legal_basis FROM processing_records").fetchall() == [(800, "")]
        assert s.conn.execute("SELECT state FROM assessment_versions WHERE assessment_id = ?", (AID,)).fetchone() == (
            "approved",)
        # the audit chain written by version 1 continues, with the migration recorded
        result = audit.verify(s.conn)
        assert result.ok and result.entries == 4
        last = audit.entries(s.conn, limit=1)[0]
        assert last["action"] == "migrate" and '"schema_version":1' in last["before"]
        backup = s.backup_path
    finally:
        s.close()
    # the backup is the version-1 database as it was: same schema, same rows
    assert backup is not None and backup.parent == data_dir / "backups"
    b = raw(backup)
    frozen = raw(data_dir.parent / "frozen.sqlite3")
    frozen.executescript(FROZEN_SQL)
    assert _schema_sql(b) == _schema_sql(frozen)
    assert b.execute("SELECT max(version) FROM schema_version").fetchone() == (1,)
    assert b.execute("SELECT quantity FROM processing_records").fetchall() == [(800,)]
    assert b.execute("SELECT count(*) FROM audit_log").fetchone() == (3,)
    assert "legal_basis" not in [r[1] for r in b.execute("PRAGMA table_info(processing_records)")]


def test_failed_migration_leaves_version_1_untouched(data_dir, monkeypatch):
    build_v1(db_path(data_dir))

    def broken(conn):
        conn.execute("ALTER TABLE processing_records ADD COLUMN half_done TEXT")
        conn.execute("SELECT * FROM no_such_table")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, schema.Migration(2, "broken", broken)])
    with pytest.raises(MigrationError, match=r"version 2 failed .* left at version 1; a backup"):
        open_store(data_dir, "upgrader")
    conn = raw(db_path(data_dir))
    assert conn.execute("SELECT max(version) FROM schema_version").fetchone() == (1,)
    assert "half_done" not in [r[1] for r in conn.execute("PRAGMA table_info(processing_records)")]
    assert conn.execute("SELECT count(*) FROM audit_log").fetchone() == (3,)
    assert len(list((data_dir / "backups").iterdir())) == 1


def test_newer_database_is_refused_naming_the_version_needed_and_left_untouched(data_dir):
    build_v1(db_path(data_dir))
    conn = raw(db_path(data_dir))
    conn.execute("INSERT INTO schema_version VALUES (7, 'from the future', '0.9.0', '2027-01-01T00:00:00.000Z')")
    conn.close()
    before = sha256_file(db_path(data_dir))
    with pytest.raises(NewerDatabase) as info:
        open_store(data_dir, "old app")
    message = str(info.value)
    assert "schema version 7" in message and "pia-wizard 0.9.0 or later" in message and "\n" not in message
    assert info.value.found == 7 and info.value.supported == 1
    assert sha256_file(db_path(data_dir)) == before
    assert not (data_dir / "backups").exists()


def _write(data_dir, content: bytes):
    data_dir.mkdir(parents=True, exist_ok=True)
    db_path(data_dir).write_bytes(content)


def _valid_db_bytes(tmp_path) -> bytes:
    p = tmp_path / "valid.sqlite3"
    build_v1(p)
    return p.read_bytes()


@pytest.mark.parametrize("kind", ["text", "short", "header_then_garbage", "damaged_schema_page", "foreign_sqlite"])
def test_corrupt_or_foreign_file_is_refused_and_left_byte_for_byte_untouched(data_dir, tmp_path, kind):
    valid = _valid_db_bytes(tmp_path)
    if kind == "text":
        content = "这不是数据库 — just some notes\n".encode() * 200
    elif kind == "short":
        content = b"SQLite format 3\x00" + b"\x10\x00"
    elif kind == "header_then_garbage":
        content = valid[:100] + os.urandom(8192 * 3)
    elif kind == "damaged_schema_page":
        content = valid[:100] + bytes(range(256)) * 15 + valid[100 + 256 * 15:]
    else:
        other = tmp_path / "other.sqlite3"
        c = sqlite3.connect(other)
        c.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
        c.commit()
        c.close()
        content = other.read_bytes()
    _write(data_dir, content)
    before = sha256_file(db_path(data_dir))
    with pytest.raises(CorruptDatabase) as info:
        open_store(data_dir, "x")
    message = str(info.value)
    assert "left untouched" in message and "\n" not in message
    assert sha256_file(db_path(data_dir)) == before
    assert not (data_dir / "backups").exists()


def test_empty_file_becomes_a_new_database(data_dir):
    _write(data_dir, b"")
    with open_store(data_dir, "x") as s:
        assert s.schema_version() == 1


def test_data_dir_that_is_a_file_is_a_clear_error(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot create the data folder"):
        open_store(blocker, "x")


def test_database_path_that_is_a_folder_is_a_clear_error(data_dir):
    db_path(data_dir).mkdir(parents=True)
    with pytest.raises(StoreError, match="is not a file"):
        open_store(data_dir, "x")


def test_the_store_opens_the_folder_it_is_given_and_reads_no_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("PIA_WIZARD_DATA_DIR", str(tmp_path / "from-env"))
    with open_store(tmp_path / "explicit", "x") as s:
        assert s.path.parent == tmp_path / "explicit"
    assert not (tmp_path / "from-env").exists()


def test_actor_defaults_to_os_user(data_dir, monkeypatch):
    monkeypatch.setenv("LOGNAME", "osuser")
    monkeypatch.setenv("USER", "osuser")
    with open_store(data_dir) as s:
        assert s.actor == "osuser"
    with pytest.raises(StoreError, match="actor"):
        open_store(data_dir, "bad\x07actor")


def test_two_connections_creating_the_database_at_once_both_open_it(tmp_path):
    """Switching a new file to WAL fails at once, without SQLite's busy handler, while another connection creating
    the same file holds a lock; the store waits for it like any other lock (it said "busy for more than 10 s")."""
    import threading

    for n in range(40):
        folder = tmp_path / str(n)
        barrier = threading.Barrier(2)
        errors: list[BaseException] = []

        def create(folder=folder, barrier=barrier, errors=errors) -> None:
            barrier.wait()
            try:
                open_store(folder, "racer", busy_timeout=30).close()
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=create) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == [], errors
        conn = raw(db_path(folder))
        assert conn.execute("SELECT count(*) FROM schema_version").fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM audit_log WHERE entity = 'database'").fetchone() == (1,)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        conn.close()
