#!/usr/bin/env python3
"""Desktop app benchmark: start-up, live findings, memory and event-loop stalls, offscreen, in fresh processes.

    .venv/bin/python bench/gui.py [--runs N] [--live-runs N] [--stall-runs N]

Figures and targets (issue 11, "Speed and memory"):
  home painted       process start to the first paint of the home window, archive of the four examples  <= 400 ms
  home listed        the same, to the first paint of the table with the four rows in it                  (info)
  workspace          process start to the workspace with the hotel example open, its findings shown     <= 600 ms
                     (the `evaluated` signal handled, then the findings panel's next paint)
  live findings      a yes/no answer changed (scope.private_space, clicked) to `evaluated` handled       <= 100 ms
                     (median and max over --changes changes in each of --live-runs processes)
  peak RSS           ru_maxrss with the hotel example open and its findings shown                        <= 200 MB
  stalls             largest gap between the ticks of a 10 ms heartbeat QTimer while a scripted session  <= 100 ms
                     answers ~50 questions (radio, combo, check box, typed text incl. Chinese), in Chinese
Every child runs the app's own `ui.app.main()` (Qt's offscreen platform, LANG=zh_CN.UTF-8, a fresh copy of one
prepared archive, its own QSettings folder) with probes added from outside: `HomeWindow.show` wrapped to install
paint filters (and, for the workspace figures, to open the hotel example from the event loop as a double click
would). "Process start" is the parent's CLOCK_MONOTONIC just before it spawns the child; the child reports its
marks on the same clock and its CPU time (user + system, all threads) since it started. The start-up children
alternate with `python -c pass` and a bare PySide6 window (QApplication + an empty QMainWindow, first paint), so
each ratio compares processes that saw the same machine. Figures are medians. Like bench/startup.py, the
children get a warmed bytecode cache of their own (PYTHONPYCACHEPREFIX); `--as-is` leaves the environment alone.
The check that WeasyPrint and pyHanko stay off the start-up path reads sys.modules in the children.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = ("hotel-checkin", "residential-gate", "school-canteen", "factory-attendance")
LIVE_QID = "scope.private_space"

PREPARE = """
import json, sys
from pathlib import Path
from pia_wizard.context import AppContext, Settings
from pia_wizard.services import assessments
ctx = AppContext(data_dir=Path(sys.argv[1]), actor="bench", lang="zh", settings=Settings())
ids = {name: assessments.save_file(ctx, assessments.example_path(name))[0].id for name in sys.argv[2:]}
print(json.dumps(ids))
"""

BARE = """
import json, os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
class Probe(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            print("BENCH " + json.dumps({"marks": {"painted": [time.monotonic(), time.process_time()]}}), flush=True)
            os._exit(0)
        return False
w = QMainWindow(); w.resize(1100, 640); probe = Probe(); w.installEventFilter(probe); w.show()
app.exec()
"""

# One child for the app's figures: argv = mode (home | workspace | live | stalls), the hotel assessment's ID,
# the number of live changes.
CHILD = r'''
import json, os, resource, sys, time
MODE, HOTEL, CHANGES = sys.argv[1], sys.argv[2], int(sys.argv[3])
LIVE_QID = "scope.private_space"
marks = {}

def crashed(kind, value, tb):
    import traceback
    traceback.print_exception(kind, value, tb)
    sys.stderr.flush()
    os._exit(4)

sys.excepthook = crashed
PROFILE = os.environ.get("PIA_BENCH_PROFILE")
if PROFILE:
    import cProfile
    profiler = cProfile.Profile()
    profiler.enable()

def mark(name):
    marks.setdefault(name, [time.monotonic(), time.process_time()])

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from pia_wizard.ui import app as appmod
from pia_wizard.ui import home as homemod

def heavy_modules():
    names = ("weasyprint", "pyhanko", "pia_wizard.report", "pia_wizard.signing", "jsonschema", "pydyf", "cffi")
    return sorted(n for n in names if any(m == n or m.startswith(n + ".") for m in sys.modules))

def finish(**extra):
    if PROFILE:
        profiler.disable()
        profiler.dump_stats(PROFILE)
    out = {"marks": marks, "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
           "modules": len(sys.modules), **extra}
    sys.stdout.write("BENCH " + json.dumps(out) + "\n")
    sys.stdout.flush()
    os._exit(0)

class Probe(QObject):
    """Calls back on every Paint event of the widgets it is installed on."""
    def __init__(self, callback):
        super().__init__()
        self.callback = callback
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            self.callback(obj)
        return False

keep = []
extra = {}

# Live findings: time the stages of each change (debounce timer fired -> evaluation back on the UI thread).
# The home-window child leaves the workspace module alone: the app imports it when a workspace opens.
stage = {}
if MODE != "home":
    from pia_wizard.ui import workspace as wsmod
    patch_workspace = True
else:
    patch_workspace = False

def evaluate_now(self):
    stage.setdefault("fired", time.monotonic())
    return _evaluate_now(self)

def _evaluated_timed(self, result):
    stage.setdefault("back", time.monotonic())
    return _evaluated(self, result)

if patch_workspace:
    _evaluate_now, _evaluated = wsmod.WorkspaceWindow.evaluate_now, wsmod.WorkspaceWindow._evaluated
    wsmod.WorkspaceWindow.evaluate_now = evaluate_now
    wsmod.WorkspaceWindow._evaluated = _evaluated_timed

def home_probes(home):
    def painted(obj):
        if obj is home:
            mark("home_painted")
            extra["home_modules"] = heavy_modules()
        elif home.model.rowCount() >= 4:
            mark("home_listed")
        if MODE == "home" and "home_painted" in marks and "home_listed" in marks:
            finish(rows=home.model.rowCount(), **extra)
    probe = Probe(painted)
    keep.append(probe)
    home.installEventFilter(probe)
    home.table.viewport().installEventFilter(probe)

def open_hotel(home):
    home.open_assessment(HOTEL)
    ws = home.workspaces[HOTEL]
    state = {"evaluated": False}

    def findings_painted(obj):
        if state["evaluated"] and "ws_findings_painted" not in marks:
            mark("ws_findings_painted")
            extra["ws_modules"] = heavy_modules()
            extra["ws_rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            prohibited = sum(1 for f in ws.evaluation.findings if f.verdict == "prohibited")
            extra["findings"] = len(ws.evaluation.findings)
            extra["prohibited"] = prohibited
            if MODE == "workspace":
                finish(**extra)
            QTimer.singleShot(300, lambda: (live if MODE == "live" else stalls)(ws))

    def first_evaluated(ev):
        if not state["evaluated"]:
            state["evaluated"] = True
            mark("ws_evaluated")
            ws.findings.update()  # the panel has been refilled; its next paint is the one shown

    ws.evaluated.connect(first_evaluated)
    probe = Probe(findings_painted)
    keep.append(probe)
    ws.findings.installEventFilter(probe)

def live(ws):
    editor = ws.question_block(LIVE_QID).editor
    samples = []
    current = {}

    def change():
        value = "no" if editor._current() == "yes" else "yes"
        stage.clear()
        current.update(value=value, t0=time.monotonic(), c0=time.process_time())
        editor.buttons[value].click()

    def evaluated(ev):
        if not current:
            return
        t1, c1 = time.monotonic(), time.process_time()
        samples.append({"value": current["value"], "ms": (t1 - current["t0"]) * 1000,
                        "cpu_ms": (c1 - current["c0"]) * 1000,
                        "debounce_ms": (stage.get("fired", t1) - current["t0"]) * 1000,
                        "worker_ms": (stage.get("back", t1) - stage.get("fired", t1)) * 1000,
                        "ui_ms": (t1 - stage.get("back", t1)) * 1000,
                        "prohibited": sum(1 for f in ev.findings if f.verdict == "prohibited")})
        current.clear()
        if len(samples) >= CHANGES:
            finish(live=samples, rss_after_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, **extra)
        QTimer.singleShot(150, change)

    ws.evaluated.connect(evaluated)
    change()

def stalls(ws):
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    ticks = []
    gaps = []  # (gap ms, step label)
    steps = []  # (label, synchronous ms)
    now = {"label": "idle", "last": time.monotonic()}

    def beat():
        t = time.monotonic()
        gaps.append(((t - now["last"]) * 1000, now["label"]))
        now["last"] = t

    heart = QTimer()
    heart.setTimerType(Qt.TimerType.PreciseTimer)
    heart.setInterval(10)
    heart.timeout.connect(beat)
    keep.append(heart)

    def session():
        answers = 0
        nav = ws.nav
        for row in range(nav.count()):
            item = nav.item(row)
            sid = item.data(Qt.ItemDataRole.UserRole)
            if item.isHidden():
                continue
            nav.setCurrentRow(row)
            yield f"open {sid}", 500
            if sid == wsmod.RISK_PAGE:
                continue
            section = next(s for s in ws.sections() if s.id == sid)
            done = {"radio": 0, "choice": 0, "text": 0}
            for q in section.questions:
                block = ws.blocks.get(q.id)
                if block is None or not block.isVisible() or q.id == LIVE_QID:
                    continue
                ed = block.editor
                if hasattr(ed, "buttons") and not done["radio"]:
                    shown = [v for v, r in ed.rows.items() if not r.isHidden()]
                    old = ed._current()
                    other = next((v for v in shown if v != old), None)
                    if other is None:
                        continue
                    done["radio"] += 1
                    ed.buttons[other].click()
                    answers += 1
                    yield f"{q.id} -> {other}", 250
                    if old is not None:
                        ed.buttons[old].click()
                    else:
                        ed.clear()
                    answers += 1
                    yield f"{q.id} -> {old}", 250
                elif hasattr(ed, "combo") and not done["choice"]:
                    done["choice"] += 1
                    old = ed.combo.currentIndex()
                    ed.combo.setCurrentIndex(1 if old != 1 else 2)
                    answers += 1
                    yield f"{q.id} combo", 250
                    ed.combo.setCurrentIndex(old)
                    answers += 1
                    yield f"{q.id} combo back", 250
                elif hasattr(ed, "boxes") and not done["choice"]:
                    box = next((b for v, b in ed.boxes.items() if not ed.rows[v].isHidden()), None)
                    if box is None:
                        continue
                    done["choice"] += 1
                    box.click()
                    answers += 1
                    yield f"{q.id} tick", 250
                    box.click()
                    answers += 1
                    yield f"{q.id} untick", 250
                elif q.type == "text" and not done["text"]:
                    done["text"] += 1
                    edit = ed.edit
                    edit.setFocus()
                    edit.moveCursor(edit.textCursor().MoveOperation.End)
                    for key in " ok ":
                        QTest.keyClick(edit, key)
                        yield f"{q.id} key", 80
                    for word in ("已核对", "，见附件"):
                        ev = QInputMethodEvent()
                        ev.setCommitString(word)
                        QApplication.sendEvent(edit, ev)
                        yield f"{q.id} ime", 120
                    answers += 1
                    yield f"{q.id} typed (debounce)", 450
        extra["answers"] = answers

    gen = session()

    def step():
        t = time.monotonic()
        try:
            label, delay = next(gen)
        except StopIteration:
            heart.stop()
            finish(gaps=[g for g in gaps[1:]], steps=steps,
                   rss_after_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, **extra)
            return
        steps.append((label, (time.monotonic() - t) * 1000))
        now["label"] = label
        QTimer.singleShot(delay, step)

    now["last"] = time.monotonic()
    heart.start()
    QTimer.singleShot(100, step)

_show = homemod.HomeWindow.show
def show(self):
    home_probes(self)
    _show(self)
    if MODE != "home":
        QTimer.singleShot(0, lambda: open_hotel(self))
homemod.HomeWindow.show = show

def watchdog():
    sys.stderr.write(f"watchdog: no result after 120 s; marks {marks}\n")
    sys.stderr.flush()
    os._exit(3)

import threading
threading.Timer(120, watchdog).start()
sys.exit(appmod.main([sys.argv[0]]))
'''


def venv_python() -> str:
    path = REPO / ".venv" / "bin" / "python"
    if not path.exists():
        raise SystemExit("cannot find .venv/bin/python: run ./dev setup")
    return str(path)


def child(cmd: list[str], env: dict[str, str], cwd: Path, timeout: float = 300) -> tuple[float, dict]:
    """Spawn one child; its BENCH line, with the parent's monotonic clock at the spawn (``t_start``)."""
    t_start = time.monotonic()
    done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    lines = [line for line in done.stdout.splitlines() if line.startswith("BENCH ")]
    if done.returncode != 0 or not lines:
        what = cmd[-3:] if len(cmd) > 3 else cmd[-1:]
        raise SystemExit(f"child {what} failed (exit {done.returncode}):\n{done.stdout[-1500:]}\n"
                         f"{done.stderr[-3000:]}")
    return t_start, json.loads(lines[-1][6:])


def since(t_start: float, result: dict, name: str) -> tuple[float, float]:
    wall, cpu = result["marks"][name]
    return (wall - t_start) * 1000, cpu * 1000


def med(values: list[float]) -> float:
    return statistics.median(values)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=15, help="start-up processes of each kind (default 15)")
    ap.add_argument("--live-runs", type=int, default=3, help="processes for the live-findings figure (default 3)")
    ap.add_argument("--changes", type=int, default=30, help="answer changes in each of them (default 30)")
    ap.add_argument("--stall-runs", type=int, default=3, help="scripted sessions for the stalls (default 3)")
    ap.add_argument("--as-is", action="store_true", help="keep the environment's bytecode settings")
    args = ap.parse_args()

    python = venv_python()
    tmp = Path(tempfile.mkdtemp(prefix="pia-bench-gui-"))
    env = dict(os.environ)
    for name in ("LC_ALL", "LANGUAGE", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)
    env.update(QT_QPA_PLATFORM="offscreen", LANG="zh_CN.UTF-8", XDG_CONFIG_HOME=str(tmp / "config"),
               XDG_CACHE_HOME=str(tmp / "cache"), XDG_DATA_HOME=str(tmp / "share"), XDG_RUNTIME_DIR=str(tmp / "run"))
    (tmp / "run").mkdir(mode=0o700)
    if not args.as_is:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    template = tmp / "archive-template"
    runs_dir = tmp / "runs"
    runs_dir.mkdir()
    counter = iter(range(1_000_000))

    def fresh_env() -> dict[str, str]:
        folder = runs_dir / f"data-{next(counter)}"
        shutil.copytree(template, folder)
        return {**env, "PIA_WIZARD_DATA_DIR": str(folder)}

    try:
        prep = subprocess.run([python, "-c", PREPARE, str(template), *EXAMPLES], env=env, cwd=tmp,
                              capture_output=True, text=True)
        if prep.returncode != 0:
            raise SystemExit(f"preparing the archive failed:\n{prep.stderr[-2000:]}")
        hotel = json.loads(prep.stdout)["hotel-checkin"]

        def app_cmd(mode: str) -> list[str]:
            return [python, "-c", CHILD, mode, hotel, str(args.changes)]

        kinds = {"pass": [python, "-c", "pass"], "bare": [python, "-c", BARE], "home": app_cmd("home"),
                 "workspace": app_cmd("workspace")}
        for name, cmd in kinds.items():  # warm the bytecode and file caches; fail early
            child(cmd, fresh_env(), tmp) if name != "pass" else subprocess.run(cmd, env=env, check=True)
        samples: dict[str, list] = {name: [] for name in kinds}
        for i in range(args.runs):
            order = list(kinds) if i % 2 == 0 else list(reversed(kinds))
            for name in order:
                run_env = fresh_env()
                if name == "pass":
                    t0 = time.monotonic()
                    subprocess.run(kinds[name], env=run_env, check=True)
                    samples[name].append((time.monotonic() - t0) * 1000)
                else:
                    samples[name].append(child(kinds[name], run_env, tmp))
            print(f"run {i + 1}/{args.runs}: pass {samples['pass'][-1]:.0f} ms, "
                  f"bare {since(*samples['bare'][-1], 'painted')[0]:.0f} ms, "
                  f"home {since(*samples['home'][-1], 'home_painted')[0]:.0f} ms, "
                  f"workspace {since(*samples['workspace'][-1], 'ws_findings_painted')[0]:.0f} ms", flush=True)

        live: list[dict] = []
        live_runs: list[dict] = []
        for i in range(args.live_runs):
            _, result = child(app_cmd("live"), fresh_env(), tmp)
            live.extend(result["live"])
            live_runs.append(result)
            ms = [s["ms"] for s in result["live"]]
            print(f"live {i + 1}/{args.live_runs}: median {med(ms):.0f} ms, max {max(ms):.0f} ms", flush=True)

        stall_runs: list[dict] = []
        for i in range(args.stall_runs):
            _, result = child(app_cmd("stalls"), fresh_env(), tmp)
            stall_runs.append(result)
            worst = max(result["gaps"])
            print(f"stalls {i + 1}/{args.stall_runs}: {result.get('answers')} answers, largest gap "
                  f"{worst[0]:.0f} ms ({worst[1]})", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    return report(args, samples, live, live_runs, stall_runs)


def report(args: argparse.Namespace, samples: dict[str, list], live: list[dict], live_runs: list[dict],
           stall_runs: list[dict]) -> int:
    pass_ms = med(samples["pass"])

    def fig(kind: str, name: str) -> tuple[float, float]:
        walls = [since(t, r, name)[0] for t, r in samples[kind]]
        cpus = [since(t, r, name)[1] for t, r in samples[kind]]
        return med(walls), med(cpus)

    bare_w, bare_c = fig("bare", "painted")
    home_w, home_c = fig("home", "home_painted")
    listed_w, listed_c = fig("home", "home_listed")
    ws_eval_w, _ = fig("workspace", "ws_evaluated")
    ws_w, ws_c = fig("workspace", "ws_findings_painted")
    rss = [r["ws_rss_kb"] / 1024 for _, r in samples["workspace"]]
    rss_home = [r["rss_kb"] / 1024 for _, r in samples["home"]]
    live_ms = [s["ms"] for s in live]
    live_sorted = sorted(live_ms)
    p95 = live_sorted[min(len(live_sorted) - 1, round(0.95 * (len(live_sorted) - 1)))]
    gaps = [g for r in stall_runs for g in r["gaps"]]
    worst_gaps = [max(r["gaps"]) for r in stall_runs]
    over = [g for g in gaps if g[0] > 100]
    steps = sorted((s for r in stall_runs for s in r["steps"]), key=lambda s: -s[1])

    def ok(good: bool) -> str:
        return "ok" if good else "**MISSED**"

    rows = [
        ("`python -c pass`", f"{pass_ms:.0f} ms", "", "", "", ""),
        ("bare PySide6 window, first paint", f"{bare_w:.0f} ms", f"{bare_c:.0f} ms", "1.00x", "", ""),
        ("home window painted (4 assessments)", f"{home_w:.0f} ms", f"{home_c:.0f} ms", f"{home_w / bare_w:.2f}x",
         "<= 400 ms", ok(home_w <= 400)),
        ("home window with the list painted", f"{listed_w:.0f} ms", f"{listed_c:.0f} ms",
         f"{listed_w / bare_w:.2f}x", "(info)", ""),
        ("workspace, hotel: `evaluated` handled", f"{ws_eval_w:.0f} ms", "", f"{ws_eval_w / bare_w:.2f}x", "(info)",
         ""),
        ("workspace, hotel: findings painted", f"{ws_w:.0f} ms", f"{ws_c:.0f} ms", f"{ws_w / bare_w:.2f}x",
         "<= 600 ms", ok(ws_w <= 600)),
        (f"live findings, median of {len(live_ms)} changes", f"{med(live_ms):.0f} ms",
         f"{med([s['cpu_ms'] for s in live]):.0f} ms", "", "<= 100 ms", ok(med(live_ms) <= 100)),
        ("live findings, p95 / max", f"{p95:.0f} / {max(live_ms):.0f} ms", "", "", "<= 100 ms",
         ok(max(live_ms) <= 100)),
        ("peak RSS, hotel open (median / max)", f"{med(rss):.0f} / {max(rss):.0f} MB", "", "", "<= 200 MB",
         ok(max(rss) <= 200)),
        ("peak RSS, home window only", f"{med(rss_home):.0f} MB", "", "", "(info)", ""),
        (f"largest heartbeat gap, {len(stall_runs)} sessions", " / ".join(f"{g[0]:.0f}" for g in worst_gaps) + " ms",
         "", "", "<= 100 ms", ok(not over)),
    ]
    print()
    print(f"{args.runs} start-up runs of each kind, alternating; medians. {os.cpu_count()} cores "
          f"({platform.machine()}), Python {platform.python_version()}, load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())} after the run.")
    print()
    print("| figure | wall | CPU | vs bare window | target | |")
    print("|---|---:|---:|---:|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    print("live findings, medians of the stages: debounce "
          f"{med([s['debounce_ms'] for s in live]):.1f} ms, worker (draft write + evaluation) "
          f"{med([s['worker_ms'] for s in live]):.1f} ms, UI (panel, navigator, messages) "
          f"{med([s['ui_ms'] for s in live]):.1f} ms; prohibited findings alternate: "
          f"{sorted({(s['value'], s['prohibited']) for s in live})}")
    rss_live = max(r["rss_after_kb"] for r in live_runs) / 1024
    rss_stalls = max(r["rss_after_kb"] for r in stall_runs) / 1024
    print(f"peak RSS after {args.changes} live changes {rss_live:.0f} MB, after a scripted session (every section and "
          f"the risk page built) {rss_stalls:.0f} MB")
    p99 = sorted(g[0] for g in gaps)[int(0.99 * len(gaps))]
    print(f"answers per stall session: "
          f"{[r.get('answers') for r in stall_runs]}; gaps over 100 ms: {len(over)} of {len(gaps)}; over 50 ms: "
          f"{sum(1 for g in gaps if g[0] > 50)}; tick gap p99 {p99:.1f} ms")
    answering = [g for g in gaps if not g[1].startswith("open ")]
    print(f"while answering (page openings left out): largest gap {max(answering)[0]:.0f} ms ({max(answering)[1]}), "
          f"{sum(1 for g in answering if g[0] > 100)} gaps over 100 ms, p99 "
          f"{sorted(g[0] for g in answering)[int(0.99 * len(answering))]:.1f} ms")
    print("largest gaps: " + "; ".join(f"{g:.0f} ms ({label})" for g, label in sorted(gaps, reverse=True)[:8]))
    print("longest synchronous steps: " + "; ".join(f"{ms:.0f} ms ({label})" for label, ms in steps[:8]))
    heavy_home = sorted({m for _, r in samples["home"] for m in r.get("home_modules", [])})
    heavy_ws = sorted({m for _, r in samples["workspace"] for m in r.get("ws_modules", [])})
    print(f"heavy modules imported: home window {heavy_home or 'none'}; workspace open {heavy_ws or 'none'} "
          f"(looked for weasyprint, pyhanko, pia_wizard.report, pia_wizard.signing, jsonschema, pydyf, cffi)")
    findings = {(r.get("findings"), r.get("prohibited")) for _, r in samples["workspace"]}
    print(f"hotel findings shown (count, prohibited): {findings}; modules loaded at the workspace: "
          f"{med([r['modules'] for _, r in samples['workspace']]):.0f}")
    good = home_w <= 400 and ws_w <= 600 and max(live_ms) <= 100 and max(rss) <= 200 and not over
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
