"""Shared helpers for the report tests: rendering is slow (seconds per report), so renders are cached per session
(and test_examples.py renders its dozen ahead, two at a time)."""

from __future__ import annotations

import multiprocessing
import re
import subprocess
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from pia_wizard import paths
from pia_wizard.core.assessment import Assessment, parse

EXAMPLES = sorted(p.stem for p in paths.resource_dir("examples").glob("*.json"))
LANGS = ("zh", "en", "bilingual")
MM = 72 / 25.4
MARGIN_X = 18 * MM  # report.css: @page margin left and right


def example(name: str) -> Assessment:
    return parse(paths.example(f"{name}.json").read_bytes())


IN_PROCESS = ("hotel-checkin", "zh")  # always rendered by the test process itself (test_examples.py compares to it)
_RENDERED: dict[tuple[str, str], Any] = {}
_AHEAD: dict[tuple[str, str], Future] = {}


def _render_example(name: str, lang: str):
    from pia_wizard.report.render import render

    return render(example(name), lang=lang)


def rendered(name: str, lang: str):
    """The example's real report, rendered once per session: by this process, or ahead of time by a worker of
    ``rendering_ahead`` (the same function, in a fresh process)."""
    key = (name, lang)
    if key not in _RENDERED:
        future = _AHEAD.pop(key, None)
        _RENDERED[key] = future.result(timeout=900) if future is not None else _render_example(name, lang)
    return _RENDERED[key]


@contextmanager
def rendering_ahead(pairs: list[tuple[str, str]], workers: int = 2) -> Iterator[None]:
    """Render (example, lang) ``pairs`` in ``workers`` processes while the tests that read them run: the machines
    have two cores, and a test that checks one report leaves them idle. CPU time is the same; the wall time of a
    dozen renders about halves. IN_PROCESS stays in this process."""
    todo = [p for p in dict.fromkeys(pairs) if p != IN_PROCESS and p not in _RENDERED and p not in _AHEAD]
    if len(todo) < 2:
        yield
        return
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        for pair in todo:
            _AHEAD[pair] = pool.submit(_render_example, *pair)
        yield
    finally:
        for pair in todo:  # keep what was rendered and not read; drop what was not started
            future = _AHEAD.pop(pair, None)
            if future is not None and future.done() and not future.cancelled() and future.exception() is None:
                _RENDERED[pair] = future.result()
        pool.shutdown(wait=True, cancel_futures=True)


def tool(*args: str, data: bytes | None = None) -> str:
    out = subprocess.run(list(args), input=data, capture_output=True, timeout=300)
    assert out.returncode == 0, out.stderr.decode(errors="replace")
    return out.stdout.decode("utf-8", errors="replace")


def write(tmp_path: Path, pdf: bytes, name: str = "r.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(pdf)
    return path


def fonts_of(pdf_path: Path) -> list[dict[str, str]]:
    """pdffonts as rows: name, type, emb."""
    rows = []
    for line in tool("pdffonts", str(pdf_path)).splitlines()[2:]:
        cols = line.split()
        # name, type (may hold spaces), encoding, emb, sub, uni, object, id
        rows.append({"name": cols[0], "emb": cols[-5], "line": line})
    return rows


def attachments_of(pdf_path: Path) -> list[str]:
    lines = tool("pdfdetach", "-list", str(pdf_path)).splitlines()
    return [re.sub(r"^\d+:\s*", "", x) for x in lines[1:]]


WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


def words_outside(pdf_path: Path, margin: float = MARGIN_X, slack: float = 1.5) -> list[tuple[int, str, float]]:
    """Every word pdftotext finds left of the left margin or right of the right margin: (page, word, x)."""
    out = tool("pdftotext", "-bbox", str(pdf_path), "-")
    bad = []
    page, width = 0, 0.0
    for chunk in re.split(r"(?=<page )", out):
        m = PAGE.search(chunk)
        if not m:
            continue
        page += 1
        width = float(m.group(1))
        for w in WORD.finditer(chunk):
            x0, x1 = float(w.group(1)), float(w.group(3))
            if x0 < margin - slack:
                bad.append((page, w.group(5)[:40], x0))
            elif x1 > width - margin + slack:
                bad.append((page, w.group(5)[:40], x1))
    return bad


@pytest.fixture
def hotel() -> Assessment:
    return example("hotel-checkin")
