#!/usr/bin/env python3
"""Start-up benchmark: a whole `pia-wizard check` process next to a bare interpreter, and the time to a loaded
question bank, each run in a fresh process.

    .venv/bin/python bench/startup.py [--runs N]

Figures and targets (issue 9, part 6):
  check process   `pia-wizard check examples/hotel-checkin.json`, start to exit, vs `python -c pass`   <= 3x
  bank load       `load_bank()` in a fresh process, after its imports                                <= 100 ms
  import + load   the same, including `import pia_wizard.core.bank`                                 (info)
The processes alternate, so both sides of a ratio see the same machine; figures are medians of wall time, with
the CPU time (user + system) next to them, which a busy machine changes less. The children get a bytecode cache
of their own (PYTHONPYCACHEPREFIX in a temporary folder, warmed by a first run): an installed app has its .pyc
files, and PYTHONDONTWRITEBYTECODE in a development shell would otherwise make every run compile the sources.
`--as-is` leaves the environment alone. The children run in that temporary folder, so the tree measured is the
one `.venv` imports: this checkout (an editable install), or the one PYTHONPATH names.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "hotel-checkin.json"

BANK_CHILD = """
import json, sys, time
w0, c0 = time.perf_counter(), time.process_time()
from pia_wizard.core import bank
w1, c1 = time.perf_counter(), time.process_time()
bank.load_bank()
w2, c2 = time.perf_counter(), time.process_time()
print(json.dumps({"import": [w1 - w0, c1 - c0], "load": [w2 - w1, c2 - c1], "total": [w2 - w0, c2 - c0],
                  "parser": getattr(bank, "_LOADER", getattr(bank, "_BankLoader", None)).__name__,
                  "jsonschema": "jsonschema" in sys.modules}))
"""


def venv_tool(name: str) -> str:
    path = REPO / ".venv" / "bin" / name
    found = str(path) if path.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"cannot find {name}: run ./dev setup")
    return found


def run(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall and CPU seconds (user + system of the child) of one process, start to exit."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done


def checked(name: str, done: subprocess.CompletedProcess, codes: tuple[int, ...] = (0,)) -> None:
    # `check` exits 1 when it finds gaps; a crash also exits 1, so the traceback tells them apart.
    if done.returncode not in codes or "Traceback" in done.stderr:
        raise SystemExit(f"{name} failed (exit {done.returncode}):\n{done.stderr[-2000:]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=21, help="processes of each kind (default 21)")
    ap.add_argument("--as-is", action="store_true", help="keep the environment's bytecode settings")
    args = ap.parse_args()

    python, cli = venv_tool("python"), venv_tool("pia-wizard")
    env = dict(os.environ)
    cache = Path(tempfile.mkdtemp(prefix="pia-bench-startup-"))
    if not args.as_is:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(cache / "pycache")
    commands = {
        "pass": [python, "-c", "pass"],
        "check": [cli, "check", str(EXAMPLE)],
        "bank": [python, "-c", BANK_CHILD],
    }
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    bank_runs: list[dict] = []
    try:
        for name, cmd in commands.items():  # warm the bytecode cache and the OS file cache; fail early
            checked(name, run(cmd, env, cache)[2], (0, 1) if name == "check" else (0,))
        for i in range(args.runs):
            order = list(commands) if i % 2 == 0 else list(reversed(commands))
            for name in order:
                wall, cpu, done = run(commands[name], env, cache)
                checked(name, done, (0, 1) if name == "check" else (0,))
                samples[name].append((wall, cpu))
                if name == "bank":
                    bank_runs.append(json.loads(done.stdout))
            print(f"run {i + 1}/{args.runs}: " + ", ".join(f"{n} {samples[n][-1][0] * 1000:.0f} ms" for n in order),
                  flush=True)
    finally:
        shutil.rmtree(cache, ignore_errors=True)

    def med(values: list[float]) -> float:
        return statistics.median(values) * 1000

    pass_wall, pass_cpu = (med([s[i] for s in samples["pass"]]) for i in (0, 1))
    check_wall, check_cpu = (med([s[i] for s in samples["check"]]) for i in (0, 1))
    ratio, cpu_ratio = check_wall / pass_wall, check_cpu / max(pass_cpu, 1e-9)
    load_wall, load_cpu = (med([r["load"][i] for r in bank_runs]) for i in (0, 1))
    total_wall, total_cpu = (med([r["total"][i] for r in bank_runs]) for i in (0, 1))
    import_wall = med([r["import"][0] for r in bank_runs])
    rows = [
        ("`python -c pass`", f"{pass_wall:.1f} ms", f"{pass_cpu:.1f} ms", "1.00x", "", ""),
        ("`pia-wizard check examples/hotel-checkin.json`", f"{check_wall:.0f} ms", f"{check_cpu:.0f} ms",
         f"{ratio:.1f}x (CPU {cpu_ratio:.1f}x)", "<= 3x", "ok" if ratio <= 3 else "MISSED"),
        ("`load_bank()` after its imports (in-process)", f"{load_wall:.0f} ms", f"{load_cpu:.0f} ms", "", "<= 100 ms",
         "ok" if load_wall <= 100 else "MISSED"),
        ("`import pia_wizard.core.bank` + `load_bank()`", f"{total_wall:.0f} ms", f"{total_cpu:.0f} ms",
         f"(import {import_wall:.0f} ms)", "(info)", ""),
    ]
    last = bank_runs[-1]
    print()
    print(f"{args.runs} runs each, alternating; medians. {os.cpu_count()} cores ({platform.machine()}), Python "
          f"{platform.python_version()}, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} after the run. "
          f"YAML parser: {last['parser']}; jsonschema imported by the bank load: {last['jsonschema']}.")
    print()
    print("| figure | wall | CPU | vs `python -c pass` | target | |")
    print("|---|---:|---:|---:|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0 if ratio <= 3 and load_wall <= 100 else 1


if __name__ == "__main__":
    sys.exit(main())
