"""Hostile text in an assessment: nothing is fetched, nothing is attached, nothing is interpreted, text wraps."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from pia_wizard import paths
from pia_wizard.core.approval import approval_dict
from pia_wizard.core.assessment import Assessment, parse
from pia_wizard.report.render import render
from tests.localhttp import Listener

from .conftest import attachments_of, fonts_of, tool, words_outside, write

ONE_MB = 1_000_000


def hostile_assessment(port: int) -> tuple[Assessment, dict[str, str]]:
    data = parse(paths.example("hotel-checkin.json").read_bytes()).to_dict()
    data = copy.deepcopy(data)
    word = "W" * 5000
    strings = {
        "link": "<link rel=attachment href=file:///etc/passwd>",
        "img": f'<img src=http://127.0.0.1:{port}/x>',
        "style": "<style>body { display: none } * { color: white }</style>",
        "jinja": "{{ 7*7 }} {% if true %}yes{% endif %} {# c #}",
        "rtl": "مرحبا بالعالم שלום עולם",
        "emoji": "人脸 😀👍🏽 🇨🇳",
        "chinese": "住客可在前台选择刷身份证加人工核验",
    }
    data["processor"]["name"] = strings["link"] + " 锦程酒店"
    data["system"]["name"] = strings["img"] + " 前台终端"
    answers = data["answers"]
    answers["scope.description"] = " ".join([strings["style"], strings["jinja"], strings["chinese"]])
    answers["purpose.description"] = "前 " + word + " 后"
    answers["risk.impact_rights"] = strings["rtl"] + "。" + strings["emoji"]
    answers["mapping.activities"][0]["purpose"] = word
    answers["mapping.activities"][0]["subjects"] = f'<img src="http://127.0.0.1:{port}/y"> ' + strings["link"]
    unit = "人脸数据流描述 data flow description, 采集后本地比对。"
    big = (unit * (ONE_MB // len(unit.encode()) + 1)).encode()[:ONE_MB].decode("utf-8", "ignore")
    answers["mapping.data_flow"] = big
    # the officer's approval is user text on the approval page too
    data["approval"] = approval_dict(
        opinion="proceed_with_conditions", reasons=strings["style"] + " " + word[:3000],
        conditions=f'<img src="http://127.0.0.1:{port}/z"> ' + strings["jinja"],
        approver={"name": strings["link"], "role": strings["rtl"]}, date="2026-11-26")
    return Assessment.from_dict(data), strings


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory):
    with Listener() as listener:
        a, strings = hostile_assessment(listener.port)
        result = render(a, lang="zh")
        requests = list(listener.requests)
    path = tmp_path_factory.mktemp("hostile") / "hostile.pdf"
    path.write_bytes(result.pdf)
    return a, strings, result, path, requests, listener.port


@pytest.mark.slow
def test_nothing_is_fetched(hostile):
    _a, _strings, result, _path, requests, _port = hostile
    assert requests == []
    assert result.refused_urls == []  # escaped: the markup never became an element that could fetch
    assert all(u.startswith("file://") for u in result.served_urls)
    served = {Path(u.removeprefix("file://")).parent.name for u in result.served_urls}
    assert served <= {"templates", "fonts"}


@pytest.mark.slow
def test_only_our_json_is_attached(hostile):
    *_, path, _requests, _port = hostile
    assert attachments_of(path) == ["assessment.json"]


@pytest.mark.slow
def test_markup_and_template_syntax_print_literally(hostile):
    _a, strings, _result, path, *_ = hostile
    text = "".join(tool("pdftotext", "-l", "12", str(path), "-").split())
    for key in ("link", "img", "style", "jinja", "chinese"):
        assert "".join(strings[key].split()) in text, key
    assert "{{7*7}}" in text and "{%iftrue%}yes{%endif%}" in text  # printed, not evaluated
    approval_page = "".join(tool("pdftotext", "-f", "2", "-l", "3", str(path), "-").split())
    assert "有条件同意实施" in approval_page and "".join(strings["link"].split()) in approval_page
    assert '<imgsrc="http://127.0.0.1:' in approval_page and "W" * 200 in approval_page


@pytest.mark.slow
def test_text_wraps_inside_the_page(hostile):
    _a, _strings, result, path, *_ = hostile
    assert result.pages > 150  # the 1 MB answer is printed, not dropped
    assert words_outside(path) == []


@pytest.mark.slow
def test_the_round_trip_keeps_hostile_text(hostile):
    from pia_wizard.report.importer import import_assessment

    a, _strings, result, *_ = hostile
    assert import_assessment(result.pdf) == a


@pytest.mark.slow
def test_characters_without_a_bundled_font_are_named(hostile):
    _a, _strings, result, path, *_ = hostile
    assert {"😀", "م", "ש"} <= set(result.uncovered)
    assert f"{len(result.uncovered)} character(s) are in no font that pia-wizard ships" in result.warnings[0]
    assert all(f["emb"] == "yes" for f in fonts_of(path))


def test_the_listener_would_see_a_fetch():
    """The positive control: WeasyPrint's own fetcher does reach the listener, so an empty list above means
    something."""
    import weasyprint

    with Listener() as listener:
        weasyprint.HTML(string=f'<img src="http://127.0.0.1:{listener.port}/probe">').write_pdf()
        assert listener.requests == ["GET /probe"]


# ---------------------------------------------------------------------------------------------- the fetcher


@pytest.fixture
def fetcher(tmp_path):
    from pia_wizard.report.fetcher import SafeFetcher

    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "ok.css").write_text("p { color: red }", encoding="utf-8")
    (root / "sub" / "f.txt").write_text("x", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    (root / "link.txt").symlink_to(tmp_path / "secret.txt")
    return SafeFetcher([root], data_urls=frozenset({"data:text/plain,ours"})), root, tmp_path


def test_fetcher_serves_our_files(fetcher):
    f, root, _ = fetcher
    assert f.fetch((root / "ok.css").as_uri()).read() == b"p { color: red }"
    assert f.fetch((root / "sub" / "f.txt").as_uri()).read() == b"x"
    assert f.fetch("data:text/plain,ours").read() == b"ours"


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    "http://127.0.0.1:9/x",
    "https://example.com/x.png",
    "ftp://example.com/x",
    "data:text/plain,not-ours",
    "javascript:alert(1)",
    "file://server/share/x",
    "gopher://x",
])
def test_fetcher_refuses(fetcher, url):
    from pia_wizard.report.fetcher import RefusedURL

    f, _root, _ = fetcher
    with pytest.raises(RefusedURL):
        f.fetch(url)
    assert f.refused == [url]


def test_fetcher_refuses_traversal_and_symlinks_out(fetcher):
    from pia_wizard.report.fetcher import RefusedURL

    f, root, tmp = fetcher
    for url in (root.as_uri() + "/../secret.txt", root.as_uri() + "/sub/%2e%2e/%2e%2e/secret.txt",
                (root / "link.txt").as_uri(), root.as_uri() + "/sub", (tmp / "rootx").as_uri()):
        with pytest.raises(RefusedURL):
            f.fetch(url)


def test_renderer_uses_the_safe_fetcher_for_everything(tmp_path, monkeypatch):
    """A template that tried to load a file outside our folders would be refused and reported. The real render()
    with the real template's <head> (its stylesheets come through the fetcher too) and a one-paragraph body: the
    fetcher is what is under test here, not the 56 pages."""
    from html import escape

    from pia_wizard.report import render as render_mod
    from pia_wizard.report import templating

    original = templating.render_html

    def with_bad_link(context):
        full = original(context)
        head = full[: full.index("<body")].replace(
            "</head>", '<link rel="attachment" href="file:///etc/hostname"><link rel="stylesheet" '
                       'href="http://127.0.0.1:9/x.css"></head>', 1)
        return head + f"<body><p>{escape(context['system']['name'])}：一段正文 one paragraph.</p></body></html>"

    monkeypatch.setattr(render_mod, "render_html", with_bad_link)
    from pia_wizard.core.assessment import parse as parse_

    a = parse_(paths.example("hotel-checkin.json").read_bytes())
    result = render_mod.render(a, lang="zh")
    assert result.pages == 1  # the one paragraph, not the report
    assert set(result.refused_urls) == {"file:///etc/hostname", "http://127.0.0.1:9/x.css"}
    assert {Path(u).name for u in result.served_urls} >= {"report.css", "lang-zh.css"}
    assert attachments_of(write(tmp_path, result.pdf)) == ["assessment.json"]
