"""The Jinja2 environment of the report: autoescape on for every template, StrictUndefined, our folder only.

Templates print user text as plain ``str`` (escaped) and bank/label text as ``Text`` through ``t()``, which
picks the language: zh, en, or both (Chinese with the English beneath, or after it for short labels).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from pia_wizard.core.bank import Text
from pia_wizard.paths import template_dir

REPORT_TEMPLATE = "report.html.j2"


def _pair(zh: str, en: str, lang: str, inline: bool) -> Markup:
    if lang == "zh":
        return escape(zh)
    if lang == "en":
        return escape(en)
    if zh == en:
        return escape(zh)
    cls = "en-i" if inline else "en"
    return Markup('<span class="zh">{}</span><span class="{}" lang="en">{}</span>').format(zh, cls, en)


@cache
def environment(lang: str) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(template_dir())),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )

    def t(value: Any, inline: bool = False) -> Markup:
        """Bank or label text in the report's language(s); user text escaped as it is."""
        if value is None or value == "":
            return Markup("—")
        if isinstance(value, Text):
            return _pair(value.zh, value.en, lang, inline)
        return escape(str(value))

    def tr(zh: str, en: str, inline: bool = False) -> Markup:
        """A template's own words, in both languages."""
        return _pair(zh, en, lang, inline)

    def pick(zh: Any, en: Any) -> Any:
        """One of two values for one-language places (page headers, PDF metadata)."""
        return en if lang == "en" else zh

    env.globals.update(t=t, tr=tr, pick=pick, lang=lang)
    return env


def render_html(context: dict[str, Any]) -> str:
    return environment(context["lang"]).get_template(REPORT_TEMPLATE).render(context)
