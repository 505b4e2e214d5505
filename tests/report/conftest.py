"""Shared helpers for the report tests: rendering is slow (seconds per report), so renders are cached per session."""

from __future__ import annotations

import re
import subprocess
from functools import cache
from pathlib import Path

import pytest

from pia_wizard import paths
from pia_wizard.core.assessment import Assessment, parse

EXAMPLES = sorted(p.stem for p in paths.resource_dir("examples").glob("*.json"))
LANGS = ("zh", "en", "bilingual")
MM = 72 / 25.4
MARGIN_X = 18 * MM  # report.css: @page margin left and right


def example(name: str) -> Assessment:
    return parse(paths.example(f"{name}.json").read_bytes())


@cache
def rendered(name: str, lang: str):
    from pia_wizard.report.render import render

    return render(example(name), lang=lang)


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
