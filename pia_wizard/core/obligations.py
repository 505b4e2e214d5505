"""The obligations catalogue (``assets/obligations.csv``, a copy of shared/obligations.csv).

Every question, rule and finding cites these IDs. The CSV's Chinese text is a working label, never a
quotation of the official text, so citations are built from the instrument and article only.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache

from pia_wizard.paths import asset

KINDS = ("gate", "ask", "record", "method", "info")

INSTRUMENTS: dict[str, tuple[str, str]] = {
    "FRM": ("《人脸识别技术应用安全管理办法》", "FRT Measures"),
    "FILING": ("", ""),  # the article column names the instrument: see _filing_citation
    "PIPL": ("《个人信息保护法》", "PIPL"),
    "NDSR": ("《网络数据安全管理条例》", "Network Data Security Regulations"),
    "SPC": ("最高人民法院人脸识别民事案件司法解释（2021）", "SPC face-recognition provisions (2021)"),
    "GBT35273": ("GB/T 35273-2020", "GB/T 35273-2020"),
    "GBT39335": ("GB/T 39335-2020", "GB/T 39335-2020"),
    "GBT41819": ("GB/T 41819-2022", "GB/T 41819-2022"),
}

_DIGITS = "零一二三四五六七八九"


def zh_number(n: int) -> str:
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[ones] if ones else "")


_ZH_REPLACEMENTS: list[tuple[str, str]] = [
    (r"\(number inferred\)", "（条号推定）"),
    (r"\(opening\)", "（首句）"),
    (r"\(interpretation\)", "（解读）"),
    (r"\(practice\)", "（实务）"),
    (r"\(possible catch-all\)", "（可能的兜底项）"),
    (r"\(draft numbering\)", "（征求意见稿编号）"),
    (r"\(draft\); final (\S+)", r"（报批稿）；正式版\1"),
    (r" vs ", "与"),
    (r" to ", "至"),
    (r"\(draft\)", "（报批稿）"),
    (r"\(final\)", "（正式版）"),
    (r"\(final clause unknown\)", "（正式版条款未核实）"),
    (r"item \((\d+)\)", r"第（\1）项"),
    (r"material \((\d+)\)", r"材料第（\1）项"),
    (r"paras (\d+)-(\d+)", r"第\1至\2款"),
    (r"para (\d+)", r"第\1款"),
    (r"Measures ", ""),
    (r"announcement", "备案公告"),
    (r"\(possible file (\d+)\)", r"（可能的第\1项文件）"),
    (r"file (\d+)", r"第\1项文件"),
    (r"Annex", "附录"),
    (r"tables?", "表"),
    (r"and", "及"),
]


@cache
def article_zh(article: str) -> str:
    text = re.sub(r"Arts?\. (\d+)\((\d+)\)", lambda m: f"第{zh_number(int(m[1]))}条第（{m[2]}）项", article)
    text = re.sub(
        r"Arts\. (\d+)-(\d+)", lambda m: f"第{zh_number(int(m[1]))}至{zh_number(int(m[2]))}条", text
    )
    text = re.sub(r"Art\. (\d+)", lambda m: f"第{zh_number(int(m[1]))}条", text)
    for pattern, repl in _ZH_REPLACEMENTS:
        text = re.sub(pattern, repl, text)
    return text.replace(" ", "") if re.search(r"[\u4e00-\u9fff]", text) else text


@dataclass(frozen=True)
class Obligation:
    id: str
    source: str
    article: str
    text_en: str
    text_zh: str
    kind: str
    verified: str

    @property
    def prefix(self) -> str:
        return self.id.split("-", 1)[0]

    def citation(self, lang: str = "en") -> str:
        if self.prefix == "FILING":
            return _filing_citation(self.article, lang)
        inst_zh, inst_en = INSTRUMENTS[self.prefix]
        article = self.article if self.article not in ("—", "") else ""
        if lang == "zh":
            if self.prefix == "FRM" and article.startswith("2023 draft"):
                return "《人脸识别技术应用安全管理规定（试行）（征求意见稿）》（2023，未生效）"
            if not article:
                return inst_zh
            # A standard's number ends in digits ("GB/T 35273-2020"): a space keeps the clause apart from it.
            sep = "" if inst_zh.endswith(("》", "）")) else " "
            return f"{inst_zh}{sep}{article_zh(article)}"
        if self.prefix == "FRM" and article.startswith("2023 draft"):
            return "FRT Measures, 2023 draft (not in force)"
        return f"{inst_en} {article}".strip()


def _filing_citation(article: str, lang: str) -> str:
    if article in ("", "—"):
        return "《人脸识别技术应用安全管理办法》第十五条" if lang == "zh" else "FRT Measures Art. 15"
    if lang == "en":
        text = re.sub(r"\bMeasures\b", "FRT Measures", article)
        text = text.replace("announcement", "CAC filing announcement (2025-05-28)")
        return text.replace("填报说明 v1", "CAC filing-system instructions v1 (填报说明)")
    parts = []
    for part in article.split(";"):
        part = part.strip()
        part = part.replace("填报说明 v1", "《人脸识别技术应用备案系统填报说明（第一版）》")
        part = re.sub(r"^announcement", "国家网信办人脸识别技术应用备案公告", part)
        part = re.sub(r"^Measures ", "《人脸识别技术应用安全管理办法》", part)
        parts.append(article_zh(part))
    return "；".join(parts)


class CatalogueError(RuntimeError):
    pass


@cache
def catalogue() -> dict[str, Obligation]:
    path = asset("obligations.csv")
    out: dict[str, Obligation] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            oid = (row.get("id") or "").strip()
            kind = (row.get("kind") or "").strip()
            prefix = oid.split("-", 1)[0]
            if not oid or kind not in KINDS or prefix not in INSTRUMENTS:
                raise CatalogueError(f"{path}:{line}: bad obligation row (id={oid!r}, kind={kind!r})")
            if oid in out:
                raise CatalogueError(f"{path}:{line}: duplicate obligation id {oid}")
            out[oid] = Obligation(
                id=oid,
                source=row["source"],
                article=row["article"],
                text_en=row["obligation_en"],
                text_zh=row["obligation_zh"],
                kind=kind,
                verified=row["verified"],
            )
    return out


def get(oid: str) -> Obligation:
    try:
        return catalogue()[oid]
    except KeyError:
        raise KeyError(f"unknown obligation ID {oid!r}") from None


def decidable() -> list[Obligation]:
    """Obligations of kind gate or ask: each must be asked by a question and decided by a rule."""
    return [o for o in catalogue().values() if o.kind in ("gate", "ask")]
