"""Archive views benchmark: the processing-records table over 100,000 records stays smooth (issue 12: the first page
from the model <= 50 ms).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/archive_views.py [--rows N] [--runs N] [--out FILE]

The archive is filled once through the services' CSV import (one job, one transaction). Each figure is the wall
time from the call to the model's signal on the UI thread, so it includes the hop to the database worker and back:
  first page        RecordsModel.reload() -> loaded (100 newest rows; the count is not waited for)      <= 50 ms
  total count       reload() -> totalChanged(n) (count(*) of all matches, after the first page)
  next page, deep   fetchMore() with 99,900 rows already loaded -> pageLoaded (OFFSET paging)
  filtered page     set_filters(one system of fifty) -> loaded
  text search       set_filters(search=...) -> loaded (LIKE over the descriptive fields)
  audit first page  AuditModel.reload() -> loaded (200 newest entries)
  view shown        RecordsView(state) -> first page in the table (widgets built, then the page)
Medians and maxima over --runs runs in one process (the first run is reported apart: cold caches).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QModelIndex, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from pia_wizard.context import AppContext  # noqa: E402
from pia_wizard.services import archive  # noqa: E402
from pia_wizard.services.archive import RecordFilters  # noqa: E402

TARGET_FIRST_PAGE_MS = 50.0


def fill(folder: Path, rows: int) -> Path:
    from tests.ui.archive_fixtures import write_records_csv

    data = folder / "data"
    source = write_records_csv(folder / "records.csv", rows)
    started = time.perf_counter()
    summary = archive.prepare_records_import(AppContext(data, actor="bench"), source).run()
    print(f"filled {summary.rows:,} records in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return data


def timed(signal: object, start: Callable[[], None], check: Callable[..., bool] = lambda *a: True) -> float:
    """Milliseconds from ``start()`` to ``signal`` (with arguments ``check`` accepts), the event loop running."""
    loop = QEventLoop()
    seen: list[float] = []

    def got(*args: object) -> None:
        if not seen and check(*args):
            seen.append(time.perf_counter())
            loop.quit()

    signal.connect(got)  # type: ignore[attr-defined]
    QTimer.singleShot(30_000, loop.quit)
    t0 = time.perf_counter()
    start()
    if not seen:
        loop.exec()
    signal.disconnect(got)  # type: ignore[attr-defined]
    if not seen:
        raise RuntimeError("timed out")
    return (seen[0] - t0) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--out", default="/tmp/tr/archive-bench.md")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)

    from pia_wizard.ui.app import build_state
    from pia_wizard.ui.archive_models import AuditModel, RecordsModel
    from pia_wizard.ui.records_view import RecordsView
    from pia_wizard.ui.settings import UiSettings

    tmp = Path(tempfile.mkdtemp(prefix="pia-bench-views-"))
    data = fill(tmp, args.rows)
    state = build_state(UiSettings(language="zh"), data_dir=str(data))
    results: dict[str, list[float]] = {k: [] for k in ("first page", "total count", "next page, deep",
                                                        "filtered page", "text search", "audit first page",
                                                        "view shown")}
    def drain() -> None:
        """Let the worker finish what an earlier step queued (a count), so each figure times its own work."""
        state.worker.submit(lambda: None).result()
        app.processEvents()

    for _ in range(args.runs + 1):
        model = RecordsModel(state, "zh")
        results["total count"].append(timed(model.totalChanged, model.reload, lambda n: n is not None))
        drain()
        results["first page"].append(timed(model.loaded, model.reload))
        drain()
        model.pending = False
        model.has_more = True
        model.rows = [model.rows[-1]] * (args.rows - 100)  # as if scrolled to the end: the deepest page
        results["next page, deep"].append(timed(model.pageLoaded, lambda m=model: m.fetchMore(QModelIndex())))
        drain()
        results["filtered page"].append(timed(model.loaded, lambda m=model: m.set_filters(RecordFilters(
            system="系统-7"))))
        drain()
        results["text search"].append(timed(model.loaded, lambda m=model: m.set_filters(RecordFilters(
            search="row 4242"))))
        drain()
        audit = AuditModel(state, "zh")
        results["audit first page"].append(timed(audit.loaded, audit.reload))
        drain()
        t0 = time.perf_counter()
        view = RecordsView(state)
        view.resize(1366, 768)
        view.show()
        if view.model.rowCount() == 0:
            timed(view.model.loaded, lambda: None)
        results["view shown"].append((time.perf_counter() - t0) * 1000)
        drain()
        view.close()
        view.deleteLater()
        app.processEvents()
    state.worker.shutdown(wait=True)

    lines = [
        "## Archive views (desktop app)",
        "",
        f"`bench/archive_views.py`: {args.rows:,} processing records imported through the services; {args.runs} "
        "timed runs after one cold run, in one process, offscreen. Wall time from the call to the model's signal "
        "on the UI thread (the database work runs on the app's one worker thread).",
        "",
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, SQLite {__import__('sqlite3').sqlite_version}.",
        "",
        "| what | cold | median | max | target |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for name, values in results.items():
        cold, warm = values[0], values[1:]
        target = f"<= {TARGET_FIRST_PAGE_MS:.0f} ms" if name == "first page" else ""
        lines.append(f"| {name} | {cold:.1f} ms | {statistics.median(warm):.1f} ms | {max(warm):.1f} ms | {target} |")
    first = results["first page"][1:]
    verdict = "met" if max(first) <= TARGET_FIRST_PAGE_MS else "NOT met"
    lines += ["", f"First page target ({TARGET_FIRST_PAGE_MS:.0f} ms, every warm run): {verdict}. The model "
              "never loads the whole table: 100 rows a page, the next page when the view scrolls near the end; "
              "the count of all matches comes after the first page is shown. A text search that matches few records "
              "scans them all (LIKE over 13 fields, which no index serves): it runs on the worker, so the window "
              "stays responsive while it does."]
    text = "\n".join(lines) + "\n"
    print(text)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return 0 if verdict == "met" else 1


if __name__ == "__main__":
    sys.exit(main())
