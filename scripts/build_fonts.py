#!/usr/bin/env python3
"""Build the CJK fonts that ship in ``assets/fonts/`` from Debian's fonts-noto-cjk (Noto Sans CJK SC, OFL).

    .venv/bin/python scripts/build_fonts.py            # rebuild assets/fonts/ (about 2-3 minutes)
    .venv/bin/python scripts/build_fonts.py --check    # exit 1 if the shipped main face misses a character
                                                        # that assets/, templates/ or the code use
    .venv/bin/python scripts/build_fonts.py --full-otf DIR   # only extract the full SC faces (benchmark)

Three faces come out (docs/benchmarks.md has the measurements behind this split):

* ``PIASansCJKsc-Regular.otf`` and ``-Bold.otf``, the main faces: GB 2312 (all 7,445 characters), Latin,
  punctuation and symbol blocks, and every character used in the question bank, obligations, risk labels,
  templates, examples and code. A report whose text stays inside this set loads only these (~1.6 MB each),
  which renders faster than the full 16 MB face.
* ``PIASansCJKscExt-Regular.otf``, every other character Noto Sans CJK SC maps (the rest of the CJK
  ideographs, extension A, compatibility ideographs, kana, hangul, ...). The renderer declares it only when
  the text of a report needs it (a name such as 王堃), so rare characters never become tofu and common
  reports never pay for it. There is no bold extension face: such characters print in the regular weight.

The faces are renamed (OFL: a subset is a Modified Version; "Noto" is a Google trademark), hinting and the
vertical-layout tables are dropped (WeasyPrint strips hinting when embedding anyway, and reports are
horizontal), and the source's timestamps are kept so that a rebuild is byte-identical.
``coverage.json`` lists the code points of each face for the renderer.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "assets" / "fonts"
SOURCES = {
    "Regular": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    "Bold": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
}
SC_PS_NAME = "NotoSansCJKsc-{style}"
FAMILY = "PIA Sans CJK SC"
EXT_FAMILY = "PIA Sans CJK SC Ext"
FILES = {
    "main-400": "PIASansCJKsc-Regular.otf",
    "main-700": "PIASansCJKsc-Bold.otf",
    "ext-400": "PIASansCJKscExt-Regular.otf",
}
# Blocks a report may use beyond GB 2312: Latin (pinyin tones are in Latin Extended-A/B), general
# punctuation, letterlike and number forms, arrows, maths, enclosed numbers (①), box drawing, shapes,
# symbols and dingbats (✓ ✗), CJK punctuation, enclosed CJK (㈠), CJK compatibility (㎡), full-width forms.
BASE_RANGES = [
    (0x0020, 0x007E), (0x00A0, 0x024F), (0x02B0, 0x02FF), (0x0370, 0x03FF), (0x0400, 0x045F),
    (0x2000, 0x206F), (0x2070, 0x209F), (0x20A0, 0x20CF), (0x2100, 0x218F), (0x2190, 0x21FF),
    (0x2200, 0x22FF), (0x2300, 0x23FF), (0x2460, 0x24FF), (0x2500, 0x259F), (0x25A0, 0x25FF),
    (0x2600, 0x26FF), (0x2700, 0x27BF), (0x3000, 0x303F), (0x3200, 0x32FF), (0x3300, 0x33FF),
    (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0xFFFD, 0xFFFD),
]
# The app's own text must be in the main face (--check enforces it); the examples are user text, included
# as a margin but left to the extension face if they change.
APP_TEXT = [("assets", "*.yaml"), ("assets", "*.csv"), ("templates", "*"), ("pia_wizard", "*.py")]
PROJECT_TEXT = [*APP_TEXT, ("examples", "*.json")]
LAYOUT_FEATURES = ["kern", "ccmp", "liga", "calt", "mark", "mkmk"]


def gb2312() -> set[int]:
    out = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                out.add(ord(bytes([hi, lo]).decode("gb2312")))
    return out


def project_chars(sources: list[tuple[str, str]] = PROJECT_TEXT) -> set[int]:
    out: set[int] = set()
    for folder, pattern in sources:
        for path in sorted((REPO / folder).rglob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                try:
                    out.update(ord(c) for c in path.read_text(encoding="utf-8"))
                except UnicodeDecodeError:
                    continue
    return {c for c in out if unicodedata.category(chr(c)) not in ("Cc", "Cs")}


def main_charset() -> set[int]:
    chars = gb2312() | project_chars()
    for lo, hi in BASE_RANGES:
        chars.update(range(lo, hi + 1))
    return chars


def load_sc(style: str):
    from fontTools.ttLib import TTCollection

    src = SOURCES[style]
    if not src.exists():
        sys.exit(f"{src} is missing: install the Debian package fonts-noto-cjk (packaging/debian-packages.txt)")
    for font in TTCollection(str(src)).fonts:
        if font["name"].getDebugName(6) == SC_PS_NAME.format(style=style):
            font.recalcTimestamp = False
            return font
    sys.exit(f"{src} has no {SC_PS_NAME.format(style=style)} face")


def rename(font, family: str, style: str) -> None:
    ps = family.replace(" ", "").replace("CJKSC", "CJKsc") + "-" + style
    version = font["name"].getDebugName(5) or ""
    names = {
        1: family, 2: style, 3: f"{ps};subset of Noto Sans CJK SC {version.split(';')[0]}", 4: f"{family} {style}",
        6: ps, 16: family, 17: style,
    }
    table = font["name"]
    table.names = [n for n in table.names if n.nameID not in names]
    for name_id, text in names.items():
        table.setName(text, name_id, 3, 1, 0x409)
        table.setName(text, name_id, 1, 0, 0)
    cff = font["CFF "].cff
    cff.fontNames = [ps]
    top = cff.topDictIndex[0]
    top.FullName, top.FamilyName = f"{family} {style}", family
    if hasattr(top, "FontName"):
        top.FontName = ps


def subset(style: str, unicodes: set[int], family: str, out: Path) -> list[int]:
    from fontTools import subset as ftsubset

    font = load_sc(style)
    cmap = font.getBestCmap()
    wanted = sorted(u for u in unicodes if u in cmap)
    options = ftsubset.Options()
    options.layout_features = LAYOUT_FEATURES
    options.hinting = False
    options.drop_tables += ["vhea", "vmtx", "VORG"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False
    subsetter = ftsubset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    rename(font, family, style)
    font.save(str(out))
    print(f"{out.relative_to(REPO)}: {len(wanted):,} characters, {out.stat().st_size / 1e6:.2f} MB")
    return wanted


def ranges(codepoints: list[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for c in codepoints:
        if out and out[-1][1] == c - 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return out


def covered(coverage: dict, face: str) -> set[int]:
    return {c for lo, hi in coverage[face] for c in range(lo, hi + 1)}


def check() -> int:
    coverage = json.loads((OUT / "coverage.json").read_text(encoding="utf-8"))
    main = covered(coverage, "main")
    font_chars = main | covered(coverage, "ext")
    missing = sorted(c for c in project_chars(APP_TEXT) if c not in main and c in font_chars)
    if missing:
        shown = " ".join(chr(c) for c in missing[:40])
        print(f"the main font face misses {len(missing)} character(s) the project uses: {shown}\n"
              "run: .venv/bin/python scripts/build_fonts.py")
        return 1
    print(f"ok: the main face covers every character the project uses ({len(main):,} characters)")
    return 0


def full_otf(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for style in SOURCES:
        font = load_sc(style)
        path = folder / f"NotoSansCJKsc-{style}.otf"
        font.save(str(path))
        print(f"{path}: {path.stat().st_size / 1e6:.2f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="check coverage of the shipped main face")
    parser.add_argument("--full-otf", metavar="DIR", help="only extract the full SC faces into DIR")
    args = parser.parse_args()
    if args.check:
        return check()
    if args.full_otf:
        full_otf(Path(args.full_otf))
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    main_chars = main_charset()
    main_cps = subset("Regular", main_chars, FAMILY, OUT / FILES["main-400"])
    subset("Bold", main_chars, FAMILY, OUT / FILES["main-700"])
    everything = set(load_sc("Regular").getBestCmap())
    ext_cps = subset("Regular", everything - set(main_cps), EXT_FAMILY, OUT / FILES["ext-400"])
    coverage = {
        "source": "Noto Sans CJK SC 2.004 (Debian fonts-noto-cjk), SIL Open Font License 1.1",
        "files": FILES,
        "main": ranges(main_cps),
        "ext": ranges(ext_cps),
    }
    (OUT / "coverage.json").write_text(json.dumps(coverage, separators=(",", ":")) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
