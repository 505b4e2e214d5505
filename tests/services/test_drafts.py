"""Drafts: every answer on disk when acknowledged, one audit entry per checkpoint, recovery after SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from pia_wizard.context import AppContext
from pia_wizard.core.assessment import parse
from pia_wizard.paths import example
from pia_wizard.services import drafts
from pia_wizard.services.errors import BadInput
from pia_wizard.store import audit
from pia_wizard.store.db import open_store
from pia_wizard.store.journal import Journal


@pytest.fixture
def ctx(tmp_path):
    return AppContext(data_dir=tmp_path / "data", actor="DPO 陈")


@pytest.fixture
def hotel():
    return parse(example("hotel-checkin.json").read_bytes())


def _entries(ctx):
    with open_store(ctx.data_dir, "t") as s:
        return audit.entries(s.conn, limit=1000)


def test_sixty_edits_make_one_audited_save(ctx, hotel):
    session = drafts.DraftSession.open(ctx, hotel)
    first = session.checkpoint()
    assert first.version.version == 1 and first.edits == 0
    before = len(_entries(ctx))
    for i in range(60):
        session.set_answer("scope.description", f"第 {i} 次修改 <b>HTML</b> 🙂")
    assert session.pending == 60
    cp = session.checkpoint()
    assert cp.edits == 60 and len(cp.edits_sha256) == 64
    after = _entries(ctx)
    assert len(after) == before + 1  # one audit entry for sixty edits
    newest = after[0]
    assert json.loads(newest["after"])["edits"] == {"count": 60, "sha256": cp.edits_sha256}
    with open_store(ctx.data_dir, "t") as s:
        content = s.conn.execute("SELECT content FROM assessment_versions WHERE id = ?", (cp.version.id,)).fetchone()
    assert json.loads(content[0])["answers"]["scope.description"] == "第 59 次修改 <b>HTML</b> 🙂"
    assert session.pending == 0 and Journal(ctx.data_dir, hotel.id).read().edits == []


def test_bad_edits_are_refused_and_nothing_is_lost(ctx, hotel):
    session = drafts.DraftSession.open(ctx, hotel)
    with pytest.raises(BadInput, match="unknown question"):
        session.set_answer("no.such.question", "x")
    with pytest.raises(BadInput, match="not a field that can be edited"):
        session.set_field("id", "another")
    with pytest.raises(BadInput, match="not a value"):
        session.set_answer("scope.description", object())
    session.set_answer("scope.description", "kept")
    assert drafts.DraftSession.open(ctx, hotel).data["answers"]["scope.description"] == "kept"


def test_an_archive_refusal_keeps_the_journal(ctx, hotel):
    from pia_wizard.services import assessments

    session = drafts.DraftSession.open(ctx, hotel)
    session.checkpoint()
    assessments.transition(ctx, hotel.id, "submit")
    assessments.transition(ctx, hotel.id, "approve")
    session.set_answer("scope.description", "after approval")
    with pytest.raises(Exception) as exc:
        session.checkpoint()
    assert "approved" in str(exc.value)
    assert [e.value for e in Journal(ctx.data_dir, hotel.id).read().edits] == ["after approval"]


WRITER = textwrap.dedent("""
    import sys
    from pia_wizard.context import AppContext
    from pia_wizard.core.assessment import parse
    from pia_wizard.paths import example
    from pia_wizard.services.drafts import DraftSession

    ctx = AppContext(data_dir=sys.argv[1], actor="writer")
    session = DraftSession.open(ctx, parse(example("hotel-checkin.json").read_bytes()))
    i = 0
    while True:
        i += 1
        session.set_answer("scope.description", f"edit {i}")
        session.set_answer("purpose.description" if i % 2 else "scope.description", f"edit {i}")
        print(f"ack {i}", flush=True)
""")


def test_sigkill_mid_session_loses_no_acknowledged_answer(ctx, hotel, tmp_path):
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(ctx.data_dir)], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    acked = 0
    try:
        for line in proc.stdout:
            acked = int(line.split()[1])
            if acked >= 150:
                break
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL and acked >= 150
    recovered = drafts.DraftSession.open(ctx, hotel)
    got = int(recovered.data["answers"]["scope.description"].split()[1])
    assert got >= acked  # everything acknowledged, perhaps one more that was written but not yet printed
    assert recovered.recovered >= 2 * acked
    recovered.checkpoint()  # and it folds into the archive like any session
    assert drafts.DraftSession.open(ctx, hotel).recovered == 0


def test_a_torn_last_line_is_dropped_and_reported(ctx, hotel):
    session = drafts.DraftSession.open(ctx, hotel)
    session.set_answer("scope.description", "one")
    session.set_answer("scope.description", "two")
    session.close()
    path = Journal(ctx.data_dir, hotel.id).path
    with open(path, "ab") as fh:
        fh.write(b'{"kind":"edit","seq":3,"value":"thr')  # a write cut by a power failure
    again = drafts.DraftSession.open(ctx, hotel)
    assert again.data["answers"]["scope.description"] == "two" and again.torn and "line 3" in again.torn
    again.set_answer("scope.description", "three")  # appending after a torn tail rewrites it away first
    assert drafts.DraftSession.open(ctx, hotel).data["answers"]["scope.description"] == "three"
