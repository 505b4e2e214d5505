"""Assessment versions: the workflow, approved versions immutable by trigger, new versions with reasons."""

import json
import sqlite3

import pytest

from pia_wizard.core.assessment import Assessment
from pia_wizard.core.bank import default_bank
from pia_wizard.store import assessments, audit
from pia_wizard.store.errors import Immutable, InvalidInput, StateError
from tests.store.conftest import db_path, raw


def make(**answers) -> Assessment:
    return Assessment.from_dict({"format_version": 1, "bank_version": default_bank().version,
                                 "id": "0f0e0d0c-0b0a-4909-8807-060504030201", "title": "门禁",
                                 "processor": {"name": "某物业服务有限公司"}, "system": {"name": "小区门禁"},
                                 "answers": answers})


def approved(store):
    v = assessments.save(store, make(**{"scope.in_prc": "yes"}), {"counts": {"gap": 1}})
    assessments.transition(store, v["id"], "submit")
    return assessments.transition(store, v["id"], "approve", "ok")


def test_workflow_and_audit(store):
    a = make(**{"scope.in_prc": "yes"})
    v = assessments.save(store, a)
    assert (v["version"], v["state"]) == (1, "draft")
    a.answers["scope.rnd_only"] = "no"
    v = assessments.save(store, a, {"counts": {"gap": 2}})
    last = audit.entries(store.conn, limit=1)[0]
    assert last["action"] == "update"
    assert json.loads(last["after"])["answers.scope.rnd_only"] == "no"
    assert json.loads(last["before"])["answers.scope.rnd_only"] is None
    assert assessments.evaluation(store, v["id"]) == {"counts": {"gap": 2}}
    assessments.transition(store, v["id"], "submit")
    with pytest.raises(StateError, match="in review"):
        assessments.save(store, a)
    assessments.transition(store, v["id"], "reject", "missing risk ratings")
    assessments.transition(store, v["id"], "reopen")
    assessments.transition(store, v["id"], "submit")
    v = assessments.transition(store, v["id"], "approve")
    assert v["state"] == "approved" and v["decided_by"] == "tester"
    states = [json.loads(e["after"])["state"] for e in audit.entries(store.conn, entity="assessment_version")[::-1]
              if e["action"] == "state_change"]
    assert states == ["in_review", "rejected", "draft", "in_review", "approved"]
    assert audit.verify(store.conn).ok


def test_approved_version_immutable_by_raw_sql(store, data_dir):
    v = approved(store)
    conn = raw(db_path(data_dir))
    for sql in ("UPDATE assessment_versions SET content = '{}' WHERE id = ?",
                "UPDATE assessment_versions SET evaluation = NULL WHERE id = ?",
                "UPDATE assessment_versions SET decided_by = 'mallory' WHERE id = ?",
                "UPDATE assessment_versions SET state = 'draft' WHERE id = ?",
                "UPDATE assessment_versions SET state = 'in_review' WHERE id = ?",
                "DELETE FROM assessment_versions WHERE id = ?"):
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(sql, (v["id"],))
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("DELETE FROM assessments")
    with pytest.raises(sqlite3.IntegrityError, match="starts as a draft"):
        conn.execute("INSERT INTO assessment_versions (assessment_id, version, state, content, content_sha256, "
                     "bank_version, created_at, created_by, updated_at, updated_by) SELECT assessment_id, 9, "
                     "'approved', content, content_sha256, bank_version, created_at, created_by, updated_at, "
                     "updated_by FROM assessment_versions WHERE id = ?", (v["id"],))
    row = conn.execute("SELECT state, content_sha256 FROM assessment_versions WHERE id = ?", (v["id"],)).fetchone()
    assert row == ("approved", v["content_sha256"])


def test_saving_over_an_approved_version_is_refused(store):
    approved(store)
    with pytest.raises(Immutable, match="new version"):
        assessments.save(store, make(**{"scope.in_prc": "no"}))


def test_new_version_copies_approved_as_draft_with_reason(store):
    v1 = approved(store)
    with pytest.raises(InvalidInput, match="unknown reason"):
        assessments.new_version(store, v1["assessment_id"], "felt like it")
    v2 = assessments.new_version(store, v1["assessment_id"], "vendor_or_algorithm_changed", "SDK 5.3 -> 6.0")
    assert (v2["version"], v2["state"], v2["based_on"], v2["reason"]) == (2, "draft", v1["id"],
                                                                          "vendor_or_algorithm_changed")
    assert assessments.content(store, v2["id"]) == assessments.content(store, v1["id"])
    with pytest.raises(StateError, match="already has version 2"):
        assessments.new_version(store, v1["assessment_id"], "periodic_review")
    # editing the new draft works; approving it supersedes version 1
    assessments.save(store, make(**{"scope.in_prc": "yes", "scope.rnd_only": "no"}))
    assessments.transition(store, v2["id"], "submit")
    assessments.transition(store, v2["id"], "approve")
    assert assessments.get_version(store, v1["id"])["state"] == "superseded"
    assert [v["state"] for v in assessments.versions(store, v1["assessment_id"])] == ["superseded", "approved"]
    assert audit.verify(store.conn).ok


def test_superseded_is_frozen_too(store, data_dir):
    v1 = approved(store)
    v2 = assessments.new_version(store, v1["assessment_id"], "periodic_review")
    assessments.transition(store, v2["id"], "submit")
    assessments.transition(store, v2["id"], "approve")
    conn = raw(db_path(data_dir))
    for sql in ("UPDATE assessment_versions SET state = 'approved' WHERE id = ?",
                "UPDATE assessment_versions SET content = 'x' WHERE id = ?"):
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(sql, (v1["id"],))


def test_transition_rules(store):
    v = assessments.save(store, make())
    with pytest.raises(StateError, match="cannot approve"):
        assessments.transition(store, v["id"], "approve")
    with pytest.raises(StateError, match="cannot reopen"):
        assessments.transition(store, v["id"], "reopen")
    with pytest.raises(StateError, match="no approved version"):
        assessments.new_version(store, v["assessment_id"], "periodic_review")


def test_the_reasons_in_core_are_the_ones_the_database_accepts():
    import re

    from pia_wizard.core.versions import REASON_LABELS, VERSION_REASONS
    from pia_wizard.store.schema import V1_SQL

    check = re.search(r"reason\s+TEXT CHECK \(reason IN \(([^)]*)\)", V1_SQL).group(1)
    assert tuple(re.findall(r"'(\w+)'", check)) == VERSION_REASONS
    assert set(REASON_LABELS) == set(VERSION_REASONS)
