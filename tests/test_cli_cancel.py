"""Ctrl+C on the command line cancels a report cleanly: exit 130, the render worker gone, no file written."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pia_wizard.paths import example

pytestmark = pytest.mark.slow


def _children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _alive(pid: int) -> bool:
    try:
        return "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()
    except OSError:
        return False


def test_ctrl_c_during_a_report_exits_130_and_leaves_nothing(tmp_path):
    # Linux /proc shows the worker process; the project's machines and CI are Debian, so this always runs
    out = tmp_path / "report.pdf"
    env = {**os.environ, "PIA_WIZARD_DATA_DIR": str(tmp_path / "data"), "LANG": "C.UTF-8"}
    # its own process group, as a shell gives a foreground job: Ctrl+C is SIGINT to the whole group
    proc = subprocess.Popen([sys.executable, "-m", "pia_wizard", "report", str(example("hotel-checkin.json")),
                             "--out", str(out)], env=env, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while not workers:  # wait for the render worker: the cancel must hit a render under way
        assert proc.poll() is None, proc.stderr.read()
        assert time.monotonic() < deadline, "no render worker appeared"
        workers = [c for c in _children(proc.pid) if "spawn_main" in _cmdline(c)]
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "cancelled" in err and err.count("\n") == 1, err
    assert not out.exists() and not list(tmp_path.glob(".report.pdf*"))
    assert not any(_alive(w) for w in workers)  # terminated and reaped before the command returned
