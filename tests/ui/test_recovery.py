"""Nothing lost (issue 11 item 7): the app killed with SIGKILL keeps every answer it acknowledged; a file the core
rejects is explained in one line and changes nothing; a corrupt, newer or locked archive gives a clear dialog, never
a traceback."""

from __future__ import annotations

import json
import os
import select
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from pia_wizard.context import Settings
from pia_wizard.core.assessment import Assessment
from pia_wizard.core.bank import default_bank
from pia_wizard.services import assessments, drafts
from pia_wizard.ui.app import build_state
from pia_wizard.ui.home import HomeWindow
from pia_wizard.ui.settings import UiSettings
from pia_wizard.ui.workspace import WorkspaceWindow

ROOT = Path(__file__).resolve().parents[2]
WAIT = 15_000
TRACEBACK_WORDS = ("Traceback", 'File "', "sqlite3.", "Error:", "Exception")

# The app in a process of its own: it opens the workspace on an archived assessment, answers through the editors,
# waits until every answer is in the journal, says READY with the answers it gave, and runs until it is killed.
CHILD = r'''
import json, sys
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractButton, QApplication
from pia_wizard.ui.app import build_state
from pia_wizard.ui.settings import UiSettings
from pia_wizard.ui.workspace import WorkspaceWindow

app = QApplication([])
data_dir, assessment_id = sys.argv[1], sys.argv[2]
state = build_state(UiSettings(language="zh"), data_dir=data_dir)
ws = WorkspaceWindow(state, assessment_id)
ws.show()
beat = QTimer()
beat.start(20)  # wakes the loop below even when nothing else happens


def until(condition):
    while not condition():
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)


until(lambda: ws.evaluation is not None)
for row in range(ws.nav.count()):  # build every section's page
    ws.nav.setCurrentRow(row)
ws.nav.setCurrentRow(0)


def click(qid, value):
    editor = ws.question_block(qid).editor
    text = next(o.label.zh for o in editor.question.options if o.value == value)
    [button] = [b for b in editor.findChildren(QAbstractButton) if text in (b.text(), b.accessibleName())]
    button.click()


def type_text(qid, text):
    editor = ws.question_block(qid).editor
    editor.edit.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(editor.edit, event)
    seen = []
    editor.changed.connect(seen.append)
    until(lambda: seen)  # the editor reports it after its pause in typing


click("scope.in_prc", "yes")
click("scope.rnd_only", "no")
click("scope.private_space", "yes")
click("scope.data_subjects", "customers")
click("scope.data_subjects", "employees")
type_text("scope.description", "杀掉之前输入的描述：大堂11台终端，1:1核验。")
click("notice.timing", "before_capture")
click("scope.private_space", "no")  # changed its mind: the last answer counts
until(lambda: ws.pending_writes == 0)
print("READY " + json.dumps(ws.answers, ensure_ascii=False), flush=True)
app.exec()
'''
GIVEN = {
    "scope.in_prc": "yes",
    "scope.rnd_only": "no",
    "scope.private_space": "no",
    "scope.data_subjects": ["customers", "employees"],
    "scope.description": "杀掉之前输入的描述：大堂11台终端，1:1核验。",
    "notice.timing": "before_capture",
}


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def state(data_dir):
    s = build_state(UiSettings(language="en"), data_dir=str(data_dir))
    yield s
    s.worker.shutdown(wait=True)


def blank(ctx) -> Assessment:
    a = Assessment(processor={"name": "锦程酒店"}, system={"name": "自助入住终端"},
                   bank_version=default_bank().version, language="zh", id=str(uuid.uuid4()))
    assessments.save_draft(ctx, a)
    return a


def one_clear_sentence(text: str) -> None:
    assert text and "\n" not in text.strip(), text
    for word in TRACEBACK_WORDS:
        assert word not in text, text


# --- 4. killed with SIGKILL -----------------------------------------------------------------------------------------
@pytest.mark.slow
def test_every_answer_given_before_a_sigkill_is_found_again(qtbot, state, data_dir, tmp_path, dialogs):
    a = blank(state.ctx)
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    env.pop("PIA_WIZARD_DATA_DIR", None)
    child = subprocess.Popen([sys.executable, str(script), str(data_dir), a.id], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env, cwd=str(tmp_path))
    try:
        ready, _, _ = select.select([child.stdout], [], [], 120)  # a ceiling if the child hangs, not a sleep
        line = child.stdout.readline() if ready else ""  # READY, or "" when the child died
        if not line.startswith("READY "):
            child.kill()
            raise AssertionError(f"the app did not get ready: {line!r} {child.stderr.read()}")
        assert json.loads(line[len("READY "):]) == GIVEN
    finally:
        child.send_signal(signal.SIGKILL)  # no closeEvent, no checkpoint, no flush at exit
        child.wait(timeout=30)
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL

    # The archive never saw them (no checkpoint happened)...
    _, archived = assessments.load_version(state.ctx, a.id)
    assert not set(GIVEN) & set(archived.answers)
    # ...the journal has every one.
    session = drafts.open_draft(state.ctx, a.id)
    try:
        assert session.recovered >= len(GIVEN)  # 9 edits: the check boxes one by one, "yes" then "no"
        assert session.torn is None
        assert {qid: session.data["answers"].get(qid) for qid in GIVEN} == GIVEN
    finally:
        session.close()

    # The app started again finds them in its editors, and says so.
    ws = WorkspaceWindow(state, a.id)
    qtbot.addWidget(ws)
    ws.show()
    qtbot.waitUntil(lambda: ws.evaluation is not None, timeout=WAIT)
    assert ws.draft.recovered >= len(GIVEN)
    assert "recovered" in ws.saved_label.text()
    assert {qid: ws.answers.get(qid) for qid in GIVEN} == GIVEN
    for row in range(ws.nav.count()):
        ws.nav.setCurrentRow(row)
    for qid, value in GIVEN.items():
        assert ws.question_block(qid).editor.value() == value, qid
    ws.close()  # now the recovered answers are checkpointed into the archive
    _, archived = assessments.load_version(state.ctx, a.id)
    assert {qid: archived.answers.get(qid) for qid in GIVEN} == GIVEN
    assert dialogs == []


# --- 5. files the core rejects --------------------------------------------------------------------------------------
@pytest.fixture
def home(qtbot, state, dialogs):
    w = HomeWindow(state)
    qtbot.addWidget(w)
    yield w
    w.close()


BAD_FILES = {
    "format-only": ('{"format_version": 1}', "missing required field"),
    "truncated": ('{"format_version": 2, "bank_version": "x", "processor": {"name": "锦', "not valid JSON"),
    "not-json": ("PK\x03\x04 a zip file, not an assessment", "not valid JSON"),
    "unknown-question": (None, "unknown question ID"),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_a_file_the_core_rejects_is_explained_in_one_line_and_changes_nothing(qtbot, home, state, dialogs, tmp_path,
                                                                               name):
    existing = blank(state.ctx)
    home.refresh()
    qtbot.waitUntil(lambda: home.model.rowCount() == 1, timeout=WAIT)
    before = assessments.list_assessments(state.ctx)

    text, expected = BAD_FILES[name]
    if text is None:
        data = json.loads((ROOT / "examples" / "hotel-checkin.json").read_text(encoding="utf-8"))
        data["id"] = str(uuid.uuid4())
        data["answers"]["scope.no_such_question"] = "yes"
        text = json.dumps(data, ensure_ascii=False)
    path = tmp_path / f"{name}.json"
    path.write_text(text, encoding="utf-8")
    home.import_json(str(path))
    qtbot.waitUntil(lambda: bool(dialogs), timeout=WAIT)

    [(title, message)] = dialogs
    assert title == "Cannot import the file"
    assert expected in message, message
    one_clear_sentence(message)
    # The same one line the command line gives (the core's reason).
    cli = subprocess.run([sys.executable, "-m", "pia_wizard", "--lang", "en", "check", str(path)],
                         capture_output=True, text=True, encoding="utf-8", cwd=str(ROOT), check=False)
    assert cli.returncode == 2 and message in cli.stderr, (message, cli.stderr)
    # Nothing changed: the archive holds what it held, and no workspace opened.
    assert assessments.list_assessments(state.ctx) == before
    assert home.workspaces == {} and home.model.rowCount() == 1
    assert home.model.rows[0].assessment_id == existing.id
    dialogs.clear()


# --- 5. an archive that cannot be used ------------------------------------------------------------------------------
def db_file(data_dir: Path) -> Path:
    from pia_wizard.store.db import DB_NAME

    return data_dir / DB_NAME


def refreshed(qtbot, home: HomeWindow, dialogs: list) -> str:
    dialogs.clear()
    home.refresh()
    qtbot.waitUntil(lambda: bool(dialogs), timeout=WAIT)
    [(title, message)] = dialogs
    assert title == "Cannot read the archive"
    one_clear_sentence(message)
    dialogs.clear()
    return message


def test_a_corrupt_archive_gives_a_clear_dialog_and_is_left_untouched(qtbot, state, data_dir, dialogs):
    blank(state.ctx)
    junk = b"this is not a database, it was overwritten by mistake\x00\xff" * 200
    db_file(data_dir).write_bytes(junk)
    home = HomeWindow(state)
    qtbot.addWidget(home)
    qtbot.waitUntil(lambda: bool(dialogs), timeout=WAIT)
    message = refreshed(qtbot, home, dialogs)
    assert "not a pia-wizard database" in message and "left untouched" in message, message
    assert db_file(data_dir).read_bytes() == junk
    home.close()


def test_a_half_overwritten_archive_gives_a_clear_dialog(qtbot, state, data_dir, dialogs):
    blank(state.ctx)
    path = db_file(data_dir)
    raw = bytearray(path.read_bytes())
    raw[100:] = b"\xde\xad\xbe\xef" * ((len(raw) - 100) // 4) + b"\x00" * ((len(raw) - 100) % 4)  # header intact
    path.write_bytes(bytes(raw))
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    home = HomeWindow(state)
    qtbot.addWidget(home)
    qtbot.waitUntil(lambda: bool(dialogs), timeout=WAIT)
    message = refreshed(qtbot, home, dialogs)
    assert "damaged" in message, message
    home.close()


def test_a_newer_archive_gives_a_clear_dialog_naming_the_version(qtbot, state, data_dir, dialogs):
    from pia_wizard.store import schema

    blank(state.ctx)
    newer = schema.latest_version() + 1
    conn = sqlite3.connect(db_file(data_dir), isolation_level=None)
    conn.execute("INSERT INTO schema_version VALUES (?, 'from the future', '9.1.0', '2030-01-01T00:00:00.000Z')",
                 (newer,))
    conn.close()
    before = db_file(data_dir).read_bytes()
    home = HomeWindow(state)
    qtbot.addWidget(home)
    qtbot.waitUntil(lambda: bool(dialogs), timeout=WAIT)
    message = refreshed(qtbot, home, dialogs)
    assert f"schema version {newer}" in message and "pia-wizard 9.1.0 or later" in message, message
    assert db_file(data_dir).read_bytes() == before
    assert home.model.rowCount() == 0
    home.close()


def test_a_locked_archive_gives_a_clear_dialog_and_works_again_when_released(qtbot, state, data_dir, dialogs):
    blank(state.ctx)
    state.ctx = state.ctx.with_(settings=Settings(busy_timeout=0.2))  # as PIA_WIZARD_BUSY_TIMEOUT=0.2 does
    home = HomeWindow(state)
    qtbot.addWidget(home)
    qtbot.waitUntil(lambda: home.model.rowCount() == 1, timeout=WAIT)

    # Another program holds the archive exclusively (readers are shut out too, even in WAL mode).
    holder = sqlite3.connect(db_file(data_dir), isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE schema_version SET name = name")
    try:
        started = time.monotonic()
        message = refreshed(qtbot, home, dialogs)
        assert time.monotonic() - started < 10  # the short busy timeout, not the default wait
        assert "busy" in message and "try again" in message, message
        # A change refused while locked (a new assessment) is explained the same way, and nothing is lost.
        home.new_from_example("hotel-checkin")
        qtbot.waitUntil(lambda: bool(dialogs), timeout=WAIT)
        [(title, message)] = dialogs
        assert title == "Cannot create the assessment" and "busy" in message
        one_clear_sentence(message)
        dialogs.clear()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    home.refresh()
    qtbot.waitUntil(lambda: home.model.rowCount() == 1, timeout=WAIT)
    assert dialogs == [] and home.workspaces == {}
    home.close()
