"""The audit chain: append-only by trigger, and `audit verify` finds tampering once the triggers are dropped."""

import hashlib
import itertools
import json
import sqlite3

import pytest

from pia_wizard.store import audit, records
from pia_wizard.store.schema import GENESIS_HASH
from tests.store.conftest import RECORD, db_path, raw
from tests.test_cli import run_cli

TRIGGERS = ("audit_log_no_update", "audit_log_no_delete", "audit_log_append_only")


@pytest.fixture
def filled(store):
    for i in range(6):
        records.add(store, {**RECORD, "note": f"第{i}条"})
    assert audit.verify(store.conn).entries == 7
    return store


def test_chain_links_and_genesis(filled):
    rows = audit.entries(filled.conn, limit=100)[::-1]
    assert rows[0]["prev_hash"] == GENESIS_HASH
    for prev, row in itertools.pairwise(rows):
        assert row["prev_hash"] == prev["hash"] and row["seq"] == prev["seq"] + 1


def test_generated_columns_show_exactly_what_the_hash_covers(store):
    tricky = ["", "a|b", '{"seq":1}', "中文\n换行", '"quotes" \\ back', "-", "\t", "\u2028"]
    with store.write():
        for i, text in enumerate(tricky):
            audit.append(store, "update", "entity|x", f"id:{i}", before={"v": text} if i % 2 else None, after=text)
    rows = audit.entries(store.conn, entity="entity|x", limit=100)[::-1]
    assert [r["after"] for r in rows] == tricky
    assert [json.loads(r["before"])["v"] if r["before"] else None for r in rows] == [
        text if i % 2 else None for i, text in enumerate(tricky)]
    for r in store.conn.execute("SELECT entry, hash FROM audit_log"):
        assert hashlib.sha256(r[0].encode("utf-8")).hexdigest() == r[1]
    assert audit.verify(store.conn).ok


def test_triggers_refuse_update_and_delete(filled, data_dir):
    conn = raw(db_path(data_dir))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE audit_log SET entry = replace(entry, 'tester', 'mallory') WHERE seq = 3")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit_log WHERE seq = 7")
    with pytest.raises(sqlite3.OperationalError, match="generated column"):
        conn.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 3")
    with pytest.raises(sqlite3.IntegrityError, match="must follow"):
        conn.execute("INSERT INTO audit_log (seq, entry, hash) SELECT seq + 100, entry, hash FROM audit_log "
                     "WHERE seq = 7")
    with pytest.raises(sqlite3.IntegrityError, match="must follow"):  # right seq, wrong link
        conn.execute("INSERT INTO audit_log (seq, entry, hash) SELECT 8, replace(entry, '\"seq\":7', '\"seq\":8'), "
                     "hash FROM audit_log WHERE seq = 7")


def _tamper(data_dir, *statements):
    conn = raw(db_path(data_dir))
    for t in TRIGGERS:
        conn.execute(f"DROP TRIGGER {t}")
    for sql in statements:
        conn.execute(sql)
    conn.close()


def _verify_cli():
    code, out, err = run_cli("audit", "verify")
    return code, out, err


def test_edited_entry_is_found(filled, data_dir):
    _tamper(data_dir, "UPDATE audit_log SET entry = replace(entry, '第3条', '第9条') WHERE seq = 5")
    code, out, err = _verify_cli()
    assert code == 1 and err == ""
    assert "BROKEN at sequence 5" in out and "changed after it was written" in out


def test_edited_actor_is_found(filled, data_dir):
    _tamper(data_dir, "UPDATE audit_log SET entry = replace(entry, '\"tester\"', '\"mallory\"') WHERE seq = 2")
    code, out, _ = _verify_cli()
    assert code == 1 and "sequence 2" in out


def test_deleted_entry_is_found(filled, data_dir):
    _tamper(data_dir, "DELETE FROM audit_log WHERE seq = 4")
    code, out, _ = _verify_cli()
    assert code == 1 and "sequence 4 missing" in out and "3 is followed by 5" in out


def test_deleted_first_entries_are_found(filled, data_dir):
    _tamper(data_dir, "DELETE FROM audit_log WHERE seq <= 2")
    code, out, _ = _verify_cli()
    assert code == 1 and "entries 1 to 2 are missing" in out


def test_edited_and_rehashed_entry_breaks_the_next_link(filled, data_dir):
    entry = raw(db_path(data_dir)).execute("SELECT entry FROM audit_log WHERE seq = 3").fetchone()[0]
    forged = entry.replace('"tester"', '"mallory"')
    assert forged != entry
    _tamper(data_dir, f"UPDATE audit_log SET entry = '{forged}', hash = '{audit.entry_hash(forged)}' WHERE seq = 3")
    code, out, _ = _verify_cli()
    assert code == 1 and "sequence 4: its prev_hash does not match the hash of sequence 3" in out


def test_renumbered_entries_are_found(filled, data_dir):
    _tamper(data_dir, "DELETE FROM audit_log WHERE seq = 4", "UPDATE audit_log SET seq = seq - 1 WHERE seq > 4")
    code, out, _ = _verify_cli()
    assert code == 1 and "sequence 4" in out


def test_intact_log_exits_0_and_prints_the_head(filled):
    code, out, _ = _verify_cli()
    assert code == 0 and "intact: 7 entries" in out and "sequence 7" in out


def test_verify_json(filled, data_dir):
    _tamper(data_dir, "UPDATE audit_log SET entry = replace(entry, '\"at\":\"20', '\"at\":\"19') WHERE seq = 6")
    code, out, _ = run_cli("audit", "verify", "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["ok"] is False and data["broken_seq"] == 6 and data["entries"] == 5
