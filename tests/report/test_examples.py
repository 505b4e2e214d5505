"""Every example renders in zh, en and bilingual: PDF/A-3b, our fonts embedded, Chinese text extractable,
only our attachment, a table of contents whose page numbers are right."""

from __future__ import annotations

import re

import pytest

from pia_wizard.core.bank import default_bank
from pia_wizard.core.schema import FORMAT_VERSION
from pia_wizard.report.importer import import_assessment

from .conftest import (
    EXAMPLES,
    LANGS,
    attachments_of,
    example,
    fonts_of,
    rendered,
    rendering_ahead,
    tool,
    words_outside,
    write,
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", autouse=True)
def _render_ahead(request):
    """The examples x languages that test_example_renders will read, rendered two at a time in the background."""
    pairs = [(item.callspec.params["name"], item.callspec.params["lang"]) for item in request.session.items
             if getattr(item, "module", None) is request.module and item.originalname == "test_example_renders"]
    with rendering_ahead(pairs):
        yield


def test_the_four_examples_are_there():
    assert set(EXAMPLES) >= {"hotel-checkin", "residential-gate", "school-canteen", "factory-attendance"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", EXAMPLES)
def test_example_renders(name, lang, tmp_path):
    a = example(name)
    result = rendered(name, lang)
    path = write(tmp_path, result.pdf)

    assert result.pages >= 20
    assert tool("pdfinfo", str(path)).count(f"Pages:           {result.pages}") == 1
    meta = tool("pdfinfo", "-meta", str(path))
    assert 'pdfaid:part="3"' in meta and 'pdfaid:conformance="B"' in meta

    fonts = fonts_of(path)
    assert fonts and all(f["emb"] == "yes" for f in fonts), fonts
    assert all("PIA-Sans" in f["name"] for f in fonts), [f["line"] for f in fonts]

    assert attachments_of(path) == ["assessment.json"]
    assert import_assessment(result.pdf) == a

    text = tool("pdftotext", str(path), "-").replace("\n", "")
    snippets = [a.system["name"], a.processor["name"], a.assessor.get("name"),
                a.answers["scope.description"][:30], a.answers["conclusion.decision_reason"][:30],
                a.answers["mapping.activities"][0]["activity"]]
    for chinese in filter(None, snippets):
        assert "".join(chinese.split()) in "".join(text.split()), chinese
    assert result.report_id in text
    assert not result.refused_urls
    assert not result.weasyprint_messages, result.weasyprint_messages
    # the approval page is page 2; in two languages its signature boxes may run onto page 3
    boxes = result.signature_boxes
    assert set(boxes) == {"assessor", "dpo"} and result.signature == boxes["dpo"]
    assert boxes["assessor"].page == boxes["dpo"].page
    assert boxes["dpo"].page == 1 or (lang == "bilingual" and boxes["dpo"].page == 2)
    assert boxes["assessor"].box[2] < boxes["dpo"].box[0]  # side by side, not overlapping
    assert not words_outside(path)[:5]


@pytest.mark.parametrize("lang", LANGS)
def test_contents_page_numbers_point_at_the_sections(lang, tmp_path):
    result = rendered("hotel-checkin", lang)
    path = write(tmp_path, result.pdf)
    toc_page = str(result.signature.page + 2)  # the contents follow the approval page (1-based page numbers)
    toc = tool("pdftotext", "-f", toc_page, "-l", toc_page, "-layout", str(path), "-")
    assert "目录" in toc or "Contents" in toc
    entries = re.findall(r"^\s*(\d+|附录[AB]|Annex [AB])\s+(.+?)\s*\.{3,}\s*(\d+)\s*$", toc, re.M)
    assert len(entries) == 14, toc
    for number, title, page in entries:
        page_text = " ".join(tool("pdftotext", "-f", page, "-l", page, str(path), "-").split())
        start = title.split(" / ")[0][:6]
        assert f"{number} {start}" in page_text, (number, title, page)


def test_header_and_footer_carry_id_version_and_page_x_of_y(tmp_path):
    result = rendered("hotel-checkin", "zh")
    path = write(tmp_path, result.pdf)
    n = result.pages
    for page in (2, 10, n):
        text = tool("pdftotext", "-f", str(page), "-l", str(page), str(path), "-")
        assert result.report_id in text
        assert f"{default_bank().version}/f{FORMAT_VERSION}" in text
        assert f"第 {page} 页，共 {n} 页" in text
    cover = tool("pdftotext", "-f", "1", "-l", "1", str(path), "-")
    assert "共" not in cover  # no header or footer on the cover
    en = write(tmp_path, rendered("hotel-checkin", "en").pdf, "en.pdf")
    assert f"Page 4 of {rendered('hotel-checkin', 'en').pages}" in tool("pdftotext", "-f", "4", "-l", "4", str(en), "-")


def test_bilingual_has_both_languages(tmp_path):
    path = write(tmp_path, rendered("hotel-checkin", "bilingual").pdf)
    text = tool("pdftotext", "-f", "4", "-l", "4", str(path), "-")
    assert "执行摘要" in text and "Executive summary" in text


RENDER_TO_FILE = """
import sys
from pia_wizard import paths
from pia_wizard.core.assessment import parse
from pia_wizard.report.render import render

a = parse(paths.example("hotel-checkin.json").read_bytes())
open(sys.argv[1], "wb").write(render(a, lang="zh").pdf)
print(hash("pia-wizard"))
"""


def test_report_is_byte_identical_for_the_same_input(tmp_path):
    """Two fresh processes with different string hashing (set and dict orders differ) render the same bytes, and
    so does this process."""
    import os
    import subprocess
    import sys

    procs = []
    for seed in ("1", "2"):  # in parallel: two cores, one render's wall time
        out = tmp_path / f"seed-{seed}.pdf"
        procs.append((out, subprocess.Popen([sys.executable, "-c", RENDER_TO_FILE, str(out)],
                                            env={**os.environ, "PYTHONHASHSEED": seed},
                                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)))
    hashes = []
    try:
        for _out, proc in procs:
            stdout, stderr = proc.communicate(timeout=600)
            assert proc.returncode == 0, stderr
            hashes.append(stdout.strip())
    finally:
        for _out, proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait(10)
    assert hashes[0] != hashes[1]  # the seeds took effect
    one, two = (out.read_bytes() for out, _ in procs)
    assert one == two
    assert one == rendered("hotel-checkin", "zh").pdf


def test_a_prohibited_finding_still_renders_and_says_so(tmp_path):
    from pia_wizard.core.engine import evaluate

    prohibited = [n for n in EXAMPLES if evaluate(example(n)).has_prohibited]
    assert prohibited, "one example should carry a prohibited finding"
    text = tool("pdftotext", str(write(tmp_path, rendered(prohibited[0], "zh").pdf)), "-")
    assert "禁止" in text and "必须停止" in text
