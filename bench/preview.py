"""The in-app report preview with a real report: memory while it shows a ~60-page report, and the longest stall of
the event loop (a 10 ms heartbeat QTimer) while it opens the file, draws the thumbnails, scrolls through every page
at two zoom levels and searches; then the quick preview's render of the front part while the heartbeat runs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/preview.py [--pdf report.pdf] [--lang zh] [--no-quick]

Without --pdf it renders the hotel example's full report first (a fresh render, ~10 s, not measured). Prints a
Markdown table: RSS (current, from /proc/self/statm, and the peak, ru_maxrss) and per phase the longest heartbeat
gap, the 99th percentile and the wall time. Targets (issue 12): RSS <= 300 MB with the report shown, no gap > 100 ms.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

GAP_TARGET_MS = 100
RSS_TARGET_MB = 300


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def render_report(lang: str, folder: Path) -> Path:
    from pia_wizard.context import AppContext
    from pia_wizard.paths import example
    from pia_wizard.services import report

    out = folder / f"hotel-checkin-{lang}.pdf"
    report.prepare_report(AppContext(data_dir=folder / "data"), example("hotel-checkin.json"), out, lang).run()
    return out


class Heartbeat:
    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.setTimerType(self.timer.timerType().PreciseTimer)
        self.timer.timeout.connect(self.beat)
        self.timer.start()

    def beat(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self.last)
        self.last = now

    def reset(self) -> None:
        self.gaps = []
        self.last = time.perf_counter()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pdf", type=Path, help="the report to show (default: render the hotel example's)")
    parser.add_argument("--lang", default="zh")
    parser.add_argument("--no-quick", action="store_true", help="skip the quick preview's render")
    parser.add_argument("--size", default="1366x768", help="window size, WxH")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    tmp = Path(tempfile.mkdtemp(prefix="pia-bench-preview-"))
    pdf = args.pdf or render_report(args.lang, tmp)

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from pia_wizard.ui.app import build_state, register_fonts
    from pia_wizard.ui.pdf_preview import PdfPreview, QuickPreview
    from pia_wizard.ui.settings import UiSettings

    family = register_fonts()
    if family:
        font = QFont(app.font())
        font.setFamilies([QFont().defaultFamily(), family])
        app.setFont(font)
    state = build_state(UiSettings(language=args.lang, report_language=args.lang), data_dir=str(tmp / "data"))

    def spin(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def until(cond, limit_s: float = 120.0) -> None:
        deadline = time.monotonic() + limit_s
        while not cond():
            if time.monotonic() > deadline:
                raise SystemExit("timed out")
            spin(10)

    heart = Heartbeat()
    spin(200)
    base = rss_mb()
    rows: list[tuple[str, list[float], float]] = []

    def phase(name: str, fn) -> None:
        heart.reset()
        started = time.perf_counter()
        fn()
        spin(50)
        rows.append((name, list(heart.gaps), time.perf_counter() - started))

    width, height = (int(v) for v in args.size.split("x"))
    w = PdfPreview(state)
    w.resize(width, height)
    w.show()
    spin(200)

    def open_report() -> None:
        w.open_path(pdf)
        until(lambda: w.thumbs_done == w.page_count())

    def scroll() -> None:
        bar = w.view.verticalScrollBar()
        step = max(1, w.view.viewport().height() // 2)
        bar.setValue(0)
        while bar.value() < bar.maximum():
            bar.setValue(bar.value() + step)
            spin(16)  # a frame: QtPdf renders the pages now visible on its own thread

    phase("open + all thumbnails", open_report)
    pages = w.page_count()
    phase("scroll every page, fit width", scroll)
    shown = rss_mb()

    def zoomed() -> None:
        w.set_zoom(2.0)
        scroll()

    phase("scroll every page, 200 %", zoomed)
    zoom_rss = rss_mb()

    def search() -> None:
        w.find("人脸识别" if args.lang != "en" else "facial")
        until(lambda: not w._searching)
        w.find_next()

    phase("search (all pages) + next", search)
    hits = w.hits()
    drops = w.cache_drops
    after = rss_mb()
    w.close()

    quick_pages = 0
    if not args.no_quick:
        from pia_wizard.paths import example
        from pia_wizard.services.assessments import read_assessment

        a = read_assessment(example("hotel-checkin.json"))
        q = QuickPreview(state, lambda: a)
        q.resize(width, height)
        q.show()

        def quick() -> None:
            q.refresh()
            until(lambda: not q.busy, 300)
            until(lambda: q.preview.thumbs_done == q.preview.page_count())

        phase("quick preview: render front part + show", quick)
        quick_pages = q.preview.page_count()
        q.shutdown()

    print(f"Report: {pdf.name}, {pages} pages, {pdf.stat().st_size / 1e6:.2f} MB; {hits} search hits; "
          f"window {args.size} offscreen; QPdfView's page cache dropped {drops} times")
    print()
    print("| Figure | value | target | |")
    print("|---|---:|---|---|")
    print(f"| RSS before opening (Qt, fonts, app modules) | {base:.0f} MB | | |")
    print(f"| RSS with the report shown, after scrolling it at fit width | {shown:.0f} MB | <= {RSS_TARGET_MB} MB | "
          f"{'ok' if shown <= RSS_TARGET_MB else 'OVER'} |")
    print(f"| RSS after scrolling it at 200 % | {zoom_rss:.0f} MB | <= {RSS_TARGET_MB} MB | "
          f"{'ok' if zoom_rss <= RSS_TARGET_MB else 'OVER'} |")
    print(f"| RSS after the search | {after:.0f} MB | | |")
    print(f"| peak RSS of the process (ru_maxrss) | {peak_mb():.0f} MB | <= {RSS_TARGET_MB} MB | "
          f"{'ok' if peak_mb() <= RSS_TARGET_MB else 'OVER'} |")
    print()
    print("| Phase | longest gap | p99 gap | beats | wall | target | |")
    print("|---|---:|---:|---:|---:|---|---|")
    for name, gaps, wall in rows:
        gaps = sorted(gaps) or [0.0]
        worst = gaps[-1] * 1000
        p99 = gaps[min(len(gaps) - 1, int(len(gaps) * 0.99))] * 1000
        label = name + (f" ({quick_pages} pages)" if name.startswith("quick") else "")
        print(f"| {label} | {worst:.0f} ms | {p99:.0f} ms | {len(gaps)} | {wall:.2f} s | <= {GAP_TARGET_MS} ms | "
              f"{'ok' if worst <= GAP_TARGET_MS else 'OVER'} |")
    state.worker.shutdown(wait=True)


if __name__ == "__main__":
    main()
