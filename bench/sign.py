#!/usr/bin/env python3
"""Signing in the desktop app: the event loop while the sign dialog renders, signs and archives the hotel report
(issue 12: "no event-loop stall over 100 ms, measured by the benchmark's heartbeat"), and Cancel mid-render.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/sign.py [--runs N] [--cancel-runs N] [--cancel-after S]
                                                                 [--lang zh|en] [--dpo-only]

Each run is a fresh process (offscreen, its own temp data folder and XDG folders) that creates two identities
(``services.keys.create_key``: the officer's at the default key file, the lead assessor's at
``ui.keys_dialog.key_path(state, "assessor")``; ECDSA P-256, PBKDF2 600,000 rounds), saves the hotel example with
the demo approval (``services.demo.demo_approval``) as a draft, opens ``ui.sign_dialog.SignDialog`` on it, fills it
as a user would (assessor ticked, both passphrases, the output outside the data folder), starts a 10 ms heartbeat
``QTimer`` (PreciseTimer) and presses Sign. Not measured: creating the keys, saving the draft, the dialog's
approval check. Measured, from the click:

  sign    until ``issued`` is handled: the longest gap between heartbeat ticks, where it happened (the dialog's
          step, hooked on ``progressed``: "keys" before the first progress, while the worker opens the two .p12
          files, checks the archive and evaluates; then render, sign-assessor, sign-dpo, archive, write) and which
          worker call overlapped it most (the calls are timed by wrapping them from outside: load_pkcs12,
          evaluate_assessment, the render in its child process, sign_pdf, the archive transaction, the file
          write); the p99 gap; the total time; the peak RSS of the app process (ru_maxrss) and of the render
          process (RUSAGE_CHILDREN).
  cancel  the same dialog, Cancel pressed --cancel-after seconds into the render step: time from the click to the
          dialog idle again (Sign enabled, the job's token gone), the render process gone, the longest gap in
          between; then checks that nothing was left: no file in the output folder, no report in the archive.

The opening of each .p12 holds the GIL for the whole PBKDF2 (``cryptography``'s PKCS#12 loader does not release
it): ~0.2-0.3 s a key here. Those gaps are reported as their own figure ("keys") so that they are visible and do
not hide what the rest of the job does to the loop. Targets: no gap over 100 ms.
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
GAP_TARGET_MS = 100
DPO_PASS = "陈启航的口令 dpo-2026!"
ASSESSOR_PASS = "Zhou assessor passphrase 42"
ORG = "锦程酒店管理（上海）有限公司"


# --- the child: one sign or one cancel in a fresh process ------------------------------------------------------------

def child(mode: str, folder: Path, lang: str, cancel_after: float, assessor_signs: bool) -> dict:
    import resource

    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    from pia_wizard.ui.app import build_state, register_fonts

    family = register_fonts()
    if family:
        font = QFont(app.font())
        font.setFamilies([QFont().defaultFamily(), family])
        app.setFont(font)

    from pia_wizard.services import archive, assessments, keys
    from pia_wizard.services import report as report_service
    from pia_wizard.services.assessments import example_path, read_assessment
    from pia_wizard.services.demo import demo_approval
    from pia_wizard.signing import keys as signing_keys
    from pia_wizard.signing import sign as signing_sign
    from pia_wizard.ui.keys_dialog import key_path
    from pia_wizard.ui.settings import UiSettings
    from pia_wizard.ui.sign_dialog import SignDialog

    state = build_state(UiSettings(language=lang, report_language=lang), data_dir=str(folder / "data"))
    t = time.monotonic()
    keys.create_key(state.ctx, name="陈启航", organisation=ORG, passphrase=DPO_PASS)
    keys.create_key(state.ctx, name="周雅琳", organisation=ORG, passphrase=ASSESSOR_PASS,
                    out=key_path(state, "assessor"))
    create_ms = (time.monotonic() - t) * 1000
    a = demo_approval(read_assessment(example_path("hotel-checkin")))
    assessments.save_draft(state.ctx, a)
    out_dir = folder / "out"
    out_dir.mkdir()
    out = out_dir / f"hotel-signed-{lang}.pdf"

    # worker calls, timed from outside (same clock as the heartbeat)
    calls: list[tuple[str, float, float]] = []

    def timed(owner, attr: str, name) -> None:
        inner = getattr(owner, attr)

        def wrapper(*args, **kwargs):
            t0 = time.monotonic()
            try:
                return inner(*args, **kwargs)
            finally:
                label = name(args, kwargs) if callable(name) else name
                calls.append((label, t0, time.monotonic()))

        setattr(owner, attr, wrapper)

    def p12_name(args, kwargs) -> str:
        return "open " + Path(args[0]).name

    timed(signing_keys, "load_pkcs12", p12_name)
    timed(report_service, "evaluate_assessment", "evaluate")
    timed(report_service, "_render", "render (child process)")
    timed(signing_sign, "sign_pdf", lambda args, kw: "sign_pdf " + str(kw.get("field_name")))
    timed(report_service.IssueJob, "_archive", "archive transaction")
    timed(report_service.files, "write_atomic", "write the file")

    def spin(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def until(cond, limit_s: float = 600.0) -> None:
        deadline = time.monotonic() + limit_s
        while not cond():
            if time.monotonic() > deadline:
                raise SystemExit(f"timed out in {mode}")
            spin(5)

    d = SignDialog(state, a)
    d.resize(760, 640)
    d.show()
    until(lambda: d.problems is not None, 120)
    if d.problems:
        raise SystemExit(f"the approval is not complete: {d.problems}")
    d.use_assessor.setChecked(assessor_signs)
    if assessor_signs:
        d.assessor.passphrase.setText(ASSESSOR_PASS)
    d.dpo.passphrase.setText(DPO_PASS)
    d.out.setText(str(out))
    if d.check_output() is None:
        raise SystemExit(f"output refused: {d.out_error.text()}")
    spin(300)

    page = os.sysconf("SC_PAGE_SIZE")

    def rss_mb() -> float:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * page / 1e6

    now = {"step": "idle", "last": time.monotonic()}
    beats: list[tuple[float, float, str]] = []  # (tick time, gap ms, step shown when the gap began)
    rss_by_step: dict[str, float] = {}  # the largest resident size seen at a tick, per step
    steps: list[tuple[str, float]] = []
    events: dict[str, float] = {}

    def beat() -> None:
        t = time.monotonic()
        beats.append((t, (t - now["last"]) * 1000, now["step"]))
        now["last"] = t
        step = now["step"]
        rss_by_step[step] = max(rss_by_step.get(step, 0.0), rss_mb())

    def progressed(p) -> None:
        if not steps or steps[-1][0] != p.step:
            steps.append((p.step, time.monotonic()))
        now["step"] = p.step

    d.progressed.connect(progressed)
    d.issued.connect(lambda _r: events.setdefault("issued", time.monotonic()))
    finished = d._finished

    def finished_timed() -> None:
        finished()
        events.setdefault("idle", time.monotonic())

    d._finished = finished_timed  # the job's end, success or failure (the Op's callbacks look it up each time)

    heart = QTimer()
    heart.setTimerType(Qt.TimerType.PreciseTimer)
    heart.setInterval(10)
    heart.timeout.connect(beat)
    now["last"] = time.monotonic()
    heart.start()
    spin(200)
    beats.clear()
    rss_before = rss_mb()
    now["step"] = "keys"
    t_click = time.monotonic()
    now["last"] = t_click
    d.sign_button.click()
    result: dict = {"create_keys_ms": create_ms}

    if mode == "sign":
        until(lambda: "idle" in events)
        heart.stop()
        if "issued" not in events:
            raise SystemExit(f"signing failed: {d.status.text()} {d.dpo.passphrase_error.text()} "
                             f"{d.assessor.passphrase_error.text()}")
        r = d.result_report
        result.update(total_ms=(events["issued"] - t_click) * 1000, pages=r.pages, size=out.stat().st_size,
                      signers=[s.signer for s in r.signatures], archived=len(archive.list_reports(state.ctx)))
        t_end = events["issued"]
    else:
        import multiprocessing

        until(lambda: steps and steps[-1][0] == "render" and time.monotonic() - steps[-1][1] >= cancel_after)
        render_child = multiprocessing.active_children()
        t_cancel = time.monotonic()
        d.cancel_button.click()
        until(lambda: "idle" in events, 60)
        until(lambda: not multiprocessing.active_children(), 60)
        t_gone = time.monotonic()
        spin(100)
        heart.stop()
        left = sorted(p.name for p in out_dir.iterdir())
        result.update(cancel_at_ms=(t_cancel - t_click) * 1000, idle_ms=(events["idle"] - t_cancel) * 1000,
                      child_gone_ms=(t_gone - t_cancel) * 1000, render_children=len(render_child),
                      status=d.status.text(), files_left=left, archived=len(archive.list_reports(state.ctx)),
                      sign_enabled=d.sign_button.isEnabled(), issued="issued" in events)
        t_end = t_gone
        beats[:] = [b for b in beats if b[0] >= t_cancel]  # the cancel's own gaps (the render's are in "sign")

    def overlap(a0: float, a1: float, b0: float, b1: float) -> float:
        return max(0.0, min(a1, b1) - max(a0, b0))

    gaps = []
    for t_beat, gap, step in beats:
        if t_beat > t_end + 0.05:
            break
        start = t_beat - gap / 1000
        best = max(calls, key=lambda c: overlap(start, t_beat, c[1], c[2]), default=None)
        doing = best[0] if best and overlap(start, t_beat, best[1], best[2]) > 0 else "-"
        gaps.append((gap, step, doing))
    bounds = [*steps, ("done", t_end)]
    result.update(
        gaps=gaps,
        steps=[(name, (bounds[i + 1][1] - at) * 1000) for i, (name, at) in enumerate(steps)],
        keys_ms=((steps[0][1] - t_click) * 1000) if steps else None,
        calls=[(name, (c0 - t_click) * 1000, (c1 - c0) * 1000) for name, c0, c1 in calls],
        rss_before_mb=rss_before, rss_by_step=rss_by_step,
        rss_peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6,  # KiB -> MB, as statm
        render_rss_peak_mb=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024 / 1e6)
    state.worker.shutdown(wait=True)
    return result


# --- the parent: fresh processes, then the tables ---------------------------------------------------------------------

def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))] if ordered else 0.0


def spawn(args: argparse.Namespace, mode: str, tmp: Path, index: int, env: dict[str, str]) -> dict:
    folder = tmp / f"{mode}-{index}"
    folder.mkdir()
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, "--folder", str(folder), "--lang",
           args.lang, "--cancel-after", str(args.cancel_after), *(["--dpo-only"] if args.dpo_only else [])]
    done = subprocess.run(cmd, env=env, cwd=REPO, capture_output=True, text=True, timeout=900)
    lines = [line for line in done.stdout.splitlines() if line.startswith("BENCH ")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"{mode} run {index} failed (exit {done.returncode}):\n{done.stdout[-1500:]}\n"
                         f"{done.stderr[-3000:]}")
    return json.loads(lines[-1][6:])


def is_key(doing: str) -> bool:
    return doing.startswith("open ")


def verdict(ms: float) -> str:
    return "met" if ms <= GAP_TARGET_MS else "**MISSED**"


def summarise(args: argparse.Namespace, signs: list[dict], cancels: list[dict], load: tuple[float, ...]) -> None:
    med = statistics.median
    first = signs[0] if signs else cancels[0]
    print(f"\nMachine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"load average before {load[0]:.2f} / after {os.getloadavg()[0]:.2f}; "
          f"creating the two keys (not measured below) {med(r['create_keys_ms'] for r in signs or cancels):.0f} ms")
    if signs:
        print(f"Report: hotel example, {args.lang}, {first['pages']} pages, {first['size'] / 1e6:.2f} MB, signed by "
              f"{' then '.join(first['signers'])}; {len(signs)} runs, each in a fresh process\n")
        rows = []

        def worst(r: dict, keep) -> tuple[float, str, str]:
            chosen = [g for g in r["gaps"] if keep(g)]
            return max(chosen, default=(0.0, "-", "-"))

        key_worst = [worst(r, lambda g: is_key(g[2])) for r in signs]
        rest_worst = [worst(r, lambda g: not is_key(g[2])) for r in signs]
        all_worst = [max(r["gaps"]) for r in signs]
        rows.append(("longest gap, whole job", [w[0] for w in all_worst], True))
        rows.append(("longest gap while a .p12 is opened (PBKDF2 in `cryptography`, GIL held)",
                     [w[0] for w in key_worst], True))
        rows.append(("longest gap, the rest (render, sign, archive, write)", [w[0] for w in rest_worst], True))
        rows.append(("p99 gap, whole job", [p99([g[0] for g in r["gaps"]]) for r in signs], False))
        rows.append(("p99 gap, the rest", [p99([g[0] for g in r["gaps"] if not is_key(g[2])]) for r in signs],
                     False))
        print("| sign (click to `issued`) | median | max | target | |")
        print("|---|---:|---:|---|---|")
        for name, values, gated in rows:
            tgt = f"<= {GAP_TARGET_MS} ms" if gated else ""
            print(f"| {name} | {med(values):.0f} ms | {max(values):.0f} ms | {tgt} | "
                  f"{verdict(max(values)) if gated else ''} |")
        totals = [r["total_ms"] / 1000 for r in signs]
        print(f"| total time | {med(totals):.2f} s | {max(totals):.2f} s | | |")
        for key in ("rss_peak_mb", "render_rss_peak_mb"):
            name = "peak RSS, app process (ru_maxrss)" if key == "rss_peak_mb" else \
                "peak RSS, render process (RUSAGE_CHILDREN)"
            print(f"| {name} | {med(r[key] for r in signs):.0f} MB | {max(r[key] for r in signs):.0f} MB | | |")
        by_step = {name: med(r["rss_by_step"].get(name, 0.0) for r in signs) for name in signs[0]["rss_by_step"]}
        print(f"\nRSS of the app process (statm at the heartbeat's ticks, largest per step, median of runs): "
              f"before Sign {med(r['rss_before_mb'] for r in signs):.0f} MB, "
              + ", ".join(f"{name} {mb:.0f} MB" for name, mb in by_step.items()))
        print("\nWhere the longest gaps were (per run: gap, the dialog's step, the worker call overlapping it):")
        for i, r in enumerate(signs, 1):
            top = sorted(r["gaps"], reverse=True)[:5]
            over = sum(1 for g in r["gaps"] if g[0] > GAP_TARGET_MS)
            print(f"  run {i}: {len(r['gaps'])} gaps, {over} over {GAP_TARGET_MS} ms; "
                  + "; ".join(f"{g:.0f} ms ({s} / {w})" for g, s, w in top))
        print(f"\nSteps (the dialog's, wall ms, median): keys {med(r['keys_ms'] for r in signs):.0f}, "
              + ", ".join(f"{name} {med(dict(r['steps'])[name] for r in signs):.0f}"
                          for name, _ in signs[0]["steps"]))
        names = list(dict.fromkeys(c[0] for c in signs[0]["calls"]))
        print("Worker calls (wall ms, median; start after the click): "
              + ", ".join(f"{n} {med(sum(c[2] for c in r['calls'] if c[0] == n) for r in signs):.0f}"
                          f" (@{med(min(c[1] for c in r['calls'] if c[0] == n) for r in signs):.0f})"
                          for n in names))
    if cancels:
        print(f"\n| cancel mid-render ({args.cancel_after:g} s into the render), {len(cancels)} runs | median | max | "
              "target | |")
        print("|---|---:|---:|---|---|")
        idle = [r["idle_ms"] for r in cancels]
        gone = [r["child_gone_ms"] for r in cancels]
        gaps = [max((g[0] for g in r["gaps"]), default=0.0) for r in cancels]
        print(f"| Cancel to the dialog idle (Sign enabled again) | {med(idle):.0f} ms | {max(idle):.0f} ms | | |")
        print(f"| Cancel to the render process gone | {med(gone):.0f} ms | {max(gone):.0f} ms | | |")
        print(f"| longest gap from Cancel to idle | {med(gaps):.0f} ms | {max(gaps):.0f} ms | <= {GAP_TARGET_MS} ms | "
              f"{verdict(max(gaps))} |")
        clean = all(not r["files_left"] and r["archived"] == 0 and not r["issued"] and r["sign_enabled"]
                    for r in cancels)
        print(f"| nothing left (no file in the output folder, nothing archived) | "
              f"{'yes' if clean else 'NO'} in {len(cancels)} of {len(cancels)} | | | |")
        for i, r in enumerate(cancels, 1):
            print(f"  cancel {i}: pressed {r['cancel_at_ms'] / 1000:.2f} s after Sign, idle after "
                  f"{r['idle_ms']:.0f} ms, render process gone after {r['child_gone_ms']:.0f} ms, "
                  f"files left {r['files_left']}, archived {r['archived']}, status {r['status']!r}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3, help="signing runs, each in a fresh process (default 3)")
    ap.add_argument("--cancel-runs", type=int, default=None, help="cancel runs (default: as many as --runs)")
    ap.add_argument("--cancel-after", type=float, default=3.0, help="seconds into the render step (default 3)")
    ap.add_argument("--lang", default="zh", choices=("zh", "en"))
    ap.add_argument("--dpo-only", action="store_true", help="the officer signs alone (no assessor)")
    ap.add_argument("--json", type=Path, help="also write every run's raw figures to this file")
    ap.add_argument("--child", choices=("sign", "cancel"), help=argparse.SUPPRESS)
    ap.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child:
        result = child(args.child, args.folder, args.lang, args.cancel_after, not args.dpo_only)
        sys.stdout.write("BENCH " + json.dumps(result, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        os._exit(0)

    tmp = Path(tempfile.mkdtemp(prefix="pia-bench-sign-"))
    env = dict(os.environ)
    for name in ("LC_ALL", "LANGUAGE", "DISPLAY", "WAYLAND_DISPLAY", "PIA_WIZARD_DATA_DIR"):
        env.pop(name, None)
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp / "config"), XDG_CACHE_HOME=str(tmp / "cache"),
               XDG_DATA_HOME=str(tmp / "share"), XDG_RUNTIME_DIR=str(tmp / "run"))
    (tmp / "run").mkdir(mode=0o700)
    load = os.getloadavg()
    signs: list[dict] = []
    cancels: list[dict] = []
    try:
        for i in range(args.runs):
            r = spawn(args, "sign", tmp, i, env)
            signs.append(r)
            g = max(r["gaps"])
            print(f"sign {i + 1}/{args.runs}: {r['total_ms'] / 1000:.2f} s, longest gap {g[0]:.0f} ms ({g[1]} / {g[2]})"
                  f", load {os.getloadavg()[0]:.2f}", flush=True)
        for i in range(args.runs if args.cancel_runs is None else args.cancel_runs):
            r = spawn(args, "cancel", tmp, i, env)
            cancels.append(r)
            print(f"cancel {i + 1}: idle {r['idle_ms']:.0f} ms after Cancel, files left {r['files_left']}, "
                  f"archived {r['archived']}, load {os.getloadavg()[0]:.2f}", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    summarise(args, signs, cancels, load)
    if args.json:
        args.json.write_text(json.dumps({"sign": signs, "cancel": cancels}, ensure_ascii=False, indent=1),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
