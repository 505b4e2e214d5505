"""The bundled CJK faces (``assets/fonts/``, built by scripts/build_fonts.py) and which of them a report needs.

The main faces (regular, bold) hold GB 2312 and every character the app itself prints; they are always
declared. The extension face holds the rest of Noto Sans CJK SC and is declared only when the report's
text uses one of its characters, because loading it costs time on every render (docs/benchmarks.md).
Characters in neither face (emoji, Arabic, rare CJK extension B ideographs...) are left to the fonts of
the computer; ``FontPlan.uncovered`` names them so the caller can warn instead of printing tofu silently.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pia_wizard.paths import asset

FAMILY = "PIA Sans"
EXT_FAMILY = "PIA Sans Ext"
STACK = f'"{FAMILY}", "{EXT_FAMILY}", sans-serif'


@dataclass(frozen=True)
class Coverage:
    files: dict[str, str]
    main: frozenset[int]
    ext: frozenset[int]


@dataclass(frozen=True)
class FontPlan:
    css: str
    use_ext: bool
    uncovered: tuple[str, ...]  # characters no bundled face has, by code point


def _expand(ranges: list[list[int]]) -> frozenset[int]:
    return frozenset(c for lo, hi in ranges for c in range(lo, hi + 1))


@cache
def coverage() -> Coverage:
    data = json.loads(asset("fonts", "coverage.json").read_text(encoding="utf-8"))
    return Coverage(dict(data["files"]), _expand(data["main"]), _expand(data["ext"]))


def font_path(key: str) -> Path:
    return asset("fonts", coverage().files[key])


def _ignorable(c: str) -> bool:
    # Controls, format characters (ZWJ, bidi marks), variation selectors and spaces draw nothing.
    return unicodedata.category(c) in ("Cc", "Cf", "Mn", "Zs", "Zl", "Zp") or "\ufe00" <= c <= "\ufe0f"


def plan(text: str) -> FontPlan:
    cov = coverage()
    outside = {c for c in set(text) if ord(c) not in cov.main}
    use_ext = any(ord(c) in cov.ext for c in outside)
    uncovered = tuple(sorted(c for c in outside if ord(c) not in cov.ext and not _ignorable(c)))
    faces = [(FAMILY, "main-400", 400), (FAMILY, "main-700", 700)]
    if use_ext:
        faces += [(EXT_FAMILY, "ext-400", 400), (EXT_FAMILY, "ext-400", 700)]
    css = "\n".join(
        f'@font-face {{ font-family: "{family}"; src: url("{font_path(key).as_uri()}"); '
        f"font-weight: {weight}; font-style: normal; }}"
        for family, key, weight in faces
    )
    return FontPlan(css, use_ext, uncovered)
