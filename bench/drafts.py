"""Saving answers as a DPO gives them: the draft journal (services/drafts.py) next to the old way, a store save
per edit, in the same run.

    .venv/bin/python bench/drafts.py [--edits 1000] [--baseline 100]

Prints time per edit (median and p95), audit entries written, and the ratio. Each journal edit is fsync'ed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pia_wizard.context import AppContext
from pia_wizard.core.assessment import parse
from pia_wizard.paths import example
from pia_wizard.services import assessments, drafts
from pia_wizard.store import audit
from pia_wizard.store.db import open_store

QUESTIONS = ("scope.description", "purpose.description")


def audit_count(ctx: AppContext) -> int:
    with open_store(ctx.data_dir, "bench") as s:
        return audit.verify(s.conn).entries


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--baseline", type=int, default=100, help="edits saved the old way (one store save each)")
    args = parser.parse_args()
    a = parse(example("hotel-checkin.json").read_bytes())
    with tempfile.TemporaryDirectory() as tmp:
        ctx = AppContext(data_dir=Path(tmp) / "journal", actor="bench")
        session = drafts.DraftSession.open(ctx, a)
        session.checkpoint()
        start_entries = audit_count(ctx)
        times = []
        wall = time.perf_counter()
        for i in range(args.edits):
            t = time.perf_counter()
            session.set_answer(QUESTIONS[i % 2], f"第 {i} 次修改")
            times.append(time.perf_counter() - t)
        t = time.perf_counter()
        session.checkpoint()
        checkpoint = time.perf_counter() - t
        wall = time.perf_counter() - wall
        journal_entries = audit_count(ctx) - start_entries

        old = AppContext(data_dir=Path(tmp) / "old", actor="bench")
        assessments.save_draft(old, a)
        base_entries = audit_count(old)
        old_times = []
        data = a.to_dict()
        for i in range(args.baseline):
            data["answers"][QUESTIONS[i % 2]] = f"第 {i} 次修改"
            changed = parse_dict(data)
            t = time.perf_counter()
            assessments.save_draft(old, changed)
            old_times.append(time.perf_counter() - t)
        old_entries = audit_count(old) - base_entries

    med, old_med = statistics.median(times), statistics.median(old_times)
    print("| Figure | journal (services/drafts.py) | a store save per edit | ratio |")
    print("|---|---:|---:|---:|")
    print(f"| time per edit, median | {med * 1000:.2f} ms | {old_med * 1000:.1f} ms | {med / old_med:.3f}x |")
    print(f"| time per edit, p95 | {p95(times) * 1000:.2f} ms | {p95(old_times) * 1000:.1f} ms | |")
    print(f"| {args.edits:,} edits then one checkpoint, wall | {wall:.2f} s (checkpoint {checkpoint * 1000:.0f} ms) "
          f"| ~{old_med * args.edits:.1f} s (extrapolated from {args.baseline}) | |")
    print(f"| audit entries written | {journal_entries} for {args.edits:,} edits | {old_entries} for "
          f"{args.baseline} edits | |")


def parse_dict(data: dict) -> object:
    import json

    return parse(json.dumps(data, ensure_ascii=False))


if __name__ == "__main__":
    main()
