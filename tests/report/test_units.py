"""The report's parts without rendering a PDF: IDs, dates, text chunks, heat map, templates, fonts."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from jinja2 import UndefinedError

from pia_wizard import paths
from pia_wizard.core.assessment import Assessment
from pia_wizard.core.engine import evaluate
from pia_wizard.report import context, fonts, heatmap, templating

from .conftest import example

REPO = Path(__file__).resolve().parents[2]


def test_report_id_is_stable_and_follows_the_content(hotel):
    rid = context.report_id(hotel)
    assert re.fullmatch(r"PIA-5B2E8C41-[0-9A-F]{8}-ZH", rid)
    assert context.report_id(example("hotel-checkin")) == rid
    changed = Assessment.from_dict({**hotel.to_dict(), "title": hotel.title + "（修订）"})
    assert context.report_id(changed) != rid
    assert context.report_id(changed)[:13] == rid[:13]
    assert context.report_version(hotel) == f"{hotel.bank_version}/f2"


def test_retention_is_three_years_and_safe_on_29_february():
    assert context.add_years(date(2026, 11, 20), 3) == date(2029, 11, 20)
    assert context.add_years(date(2024, 2, 29), 3) == date(2027, 3, 1)


def test_long_paragraphs_are_cut_after_sentences():
    text = ("这是一个句子。" * 400) + "\n\n第二段"
    para = context.paragraphs(text, chunk=300)
    assert len(para.paragraphs) == 2 and para.paragraphs[1] == ["第二段"]
    first = para.paragraphs[0]
    assert "".join(first) == "这是一个句子。" * 400
    assert all(len(c) <= 300 for c in first) and all(c.endswith("。") for c in first)
    word = context.paragraphs("x" * 1000, chunk=300).paragraphs
    assert [[len(c) for c in block] for block in word] == [[300], [300], [300], [100]]


def test_heat_map_names_the_font_on_every_text_and_moves_each_risk(hotel):
    ev = evaluate(hotel)
    svg = heatmap.svg(ev, "zh")
    texts = re.findall(r"<text[^>]*>", svg)
    assert len(texts) >= 16 + 4 + 4 + 2
    assert all('font-family="PIA Sans"' in t for t in texts)
    markers = heatmap.markers(ev)
    moved = {m.n for m in markers if m.stage == "current"}
    assert moved and svg.count("<path ") == len(moved)  # one arrow per risk that moved
    assert "严重" in svg and "安全事件可能性" in svg
    assert "Severe" in heatmap.svg(ev, "en")


def test_heat_map_skips_unrated_risks(hotel):
    bare = Assessment.from_dict({**hotel.to_dict(), "risks": {}})
    svg = heatmap.svg(evaluate(bare), "zh")
    assert "<circle" not in svg and "<path" not in svg


def test_templates_escape_and_refuse_undefined_names():
    env = templating.environment("zh")
    assert env.from_string("{{ x }}").render(x="<b>{{ 7*7 }}</b>") == "&lt;b&gt;{{ 7*7 }}&lt;/b&gt;"
    with pytest.raises(UndefinedError):
        env.from_string("{{ nothing_here }}").render()
    tmpl = env.get_template(templating.REPORT_TEMPLATE)
    assert tmpl.environment.autoescape is True


def test_text_picks_the_language():
    from pia_wizard.core.bank import Text

    t = Text("是", "Yes")
    assert str(templating.environment("zh").globals["t"](t)) == "是"
    assert str(templating.environment("en").globals["t"](t)) == "Yes"
    both = str(templating.environment("bilingual").globals["t"](t))
    assert both.index("是") < both.index("Yes")
    assert str(templating.environment("bilingual").globals["t"]("<i>")) == "&lt;i&gt;"


def test_context_rejects_an_unknown_language(hotel):
    with pytest.raises(ValueError, match="unknown report language"):
        context.build_context(hotel, evaluate(hotel), "fr")


def test_font_plan_loads_the_extension_face_only_when_needed():
    plain = fonts.plan("个人信息保护影响评估 ABC")
    assert not plain.use_ext and "PIA Sans Ext" not in plain.css and plain.uncovered == ()
    rare = fonts.plan("个人信息保护负责人：王堃、李喆")
    assert rare.use_ext and "PIASansCJKscExt-Regular.otf" in rare.css and rare.uncovered == ()
    odd = fonts.plan("人脸 😀 שלום\u200d")
    assert set(odd.uncovered) == {"😀", "ש", "ל", "ו", "ם"}


def test_main_face_covers_everything_the_app_prints():
    """The check that tells whoever adds a question with a new character to rebuild the fonts."""
    out = subprocess.run([sys.executable, str(REPO / "scripts" / "build_fonts.py"), "--check"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr


def test_font_files_are_small_and_licensed():
    folder = paths.asset("fonts")
    for key in ("main-400", "main-700", "ext-400"):
        size = fonts.font_path(key).stat().st_size
        assert 500_000 < size < 9_000_000, (key, size)
    licence = (folder / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Adobe" in licence


def test_report_modules_do_not_import_weasyprint_or_pyhanko_at_import_time():
    code = ("import sys; import pia_wizard.report.render, pia_wizard.report.importer, pia_wizard.report.context, "
            "pia_wizard.services.report, pia_wizard.services.verify, pia_wizard.cli; "
            "print(sorted(m for m in ('weasyprint', 'pyhanko') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stderr
