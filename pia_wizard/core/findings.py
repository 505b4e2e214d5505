"""Findings: what the rules conclude about one obligation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pia_wizard.core.bank import VERDICTS, Text
from pia_wizard.core.obligations import get as get_obligation

# Most serious first; the report and `check` sort by this.
VERDICT_ORDER = {v: i for i, v in enumerate(VERDICTS)}
VERDICT_LABELS = {
    "prohibited": Text("禁止", "prohibited"),
    "gap": Text("不合规", "gap"),
    "advisory": Text("建议", "advisory"),
    "compliant": Text("合规", "compliant"),
    "not_applicable": Text("不适用", "not applicable"),
}


@dataclass(frozen=True)
class Finding:
    obligation: str
    verdict: str
    explanation: Text
    action: Text | None
    rule: str
    questions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise ValueError(f"unknown verdict {self.verdict!r}")
        get_obligation(self.obligation)  # raises for unknown IDs

    def citation(self, lang: str = "en") -> str:
        return get_obligation(self.obligation).citation(lang)

    def to_dict(self) -> dict[str, Any]:
        return {
            "obligation": self.obligation,
            "citation": self.citation("en"),
            "citation_zh": self.citation("zh"),
            "verdict": self.verdict,
            "explanation": {"zh": self.explanation.zh, "en": self.explanation.en},
            "action": {"zh": self.action.zh, "en": self.action.en} if self.action else None,
            "rule": self.rule,
            "questions": list(self.questions),
        }


# ------------------------------------------------------------------------------------ recommended standards

# Recommended national standards (推荐性国家标准, "GB/T"): GB/T 35273-2020 and GB/T 39335-2020 are published
# recommended standards; GB/T 41819-2022 is recommended too, and its clauses here rest on summaries of the 2021
# draft. None of them creates a legal duty by itself, so a finding on one of them is never a gap or prohibited:
# where a binding duty stands behind the clause, that duty's own finding carries the gap.
RECOMMENDED_PREFIXES = ("GBT35273-", "GBT39335-", "GBT41819-")
NOT_ADVISORY = ("prohibited", "gap")

# The binding duties (PIPL, Measures, NDSR) that the same defect breaches, for the clauses that can fall short.
# The wording below names the one that is reported as a gap; tests/core/rules/test_recommended.py pins the pairs.
BINDING_BEHIND: dict[str, tuple[str, ...]] = {
    "GBT35273-5.4C-EXPLICIT-CONSENT": ("PIPL-14-CONSENT-QUALITY", "FRM-06-SEPARATE-CONSENT"),
    "GBT41819-EXPLICIT-CONSENT": ("PIPL-14-CONSENT-QUALITY", "FRM-06-SEPARATE-CONSENT"),
    "GBT35273-5.4C-SEPARATE-NOTICE": ("PIPL-30-EXTRA-NOTICE", "PIPL-17-NOTICE-ITEMS", "FRM-05-NOTICE-MANNER"),
    "GBT35273-5.4D-MINOR-CONSENT": ("PIPL-31-GUARDIAN-CONSENT", "FRM-07-GUARDIAN-CONSENT",
                                    "NDSR-22-MINOR-GUARDIAN"),
    "GBT41819-MINORS-U14": ("PIPL-31-SPECIAL-RULES", "FRM-07-MINOR-RULES"),
    "GBT35273-6.1-SHORTEST-STORAGE": ("FRM-08-SHORTEST-RETENTION",),
    "GBT35273-6.1-DELETE-OR-ANONYMISE": ("PIPL-47-DELETE",),
    "GBT35273-6.3A-ENCRYPT": ("PIPL-51-ENCRYPT-DEID", "FRM-14-ENCRYPTION"),
    "GBT41819-SECURE-STORE-TRANSMIT": ("PIPL-51-ENCRYPT-DEID", "FRM-14-ENCRYPTION"),
    "GBT35273-9.2I-SHARE-NOTICE-CONSENT": ("PIPL-23-PROVISION-NOTICE-CONSENT",),
    "GBT35273-9.4F-NO-DISCLOSURE": ("PIPL-25-NO-PUBLIC-DISCLOSURE",),
    "GBT41819-ALTERNATIVE": ("FRM-10-ALTERNATIVE-ON-REFUSAL", "PIPL-16-NO-SERVICE-REFUSAL"),
    "GBT41819-NO-REPEAT-PROMPT": ("NDSR-22-NO-REPEATED-REQUESTS",),
    "GBT41819-PURPOSE-ID-ONLY": ("PIPL-28-CONDITIONS", "FRM-04-PURPOSE"),
    "GBT41819-NO-EVALUATION": ("PIPL-28-CONDITIONS", "FRM-04-PURPOSE"),
    "GBT39335-5.3-DATA-MAPPING": ("PIPL-13-LEGAL-BASIS",),
    "GBT35273-11.4E-REPORT-ACCEPTABLE-RISK": ("PIPL-56-CONTENT-LAWFUL", "PIPL-56-CONTENT-MEASURES",
                                              "FRM-09-CONTENT-LAWFUL", "FRM-09-CONTENT-MEASURES-PROPORTIONATE"),
}

_DEPARTURE_REWORDING = (  # phrases that read as non-compliance with law, said of a recommended standard
    ("不符合该标准", "偏离该标准"),
    ("不符合 GB/T", "偏离 GB/T"),
    ("does not comply with", "departs from"),
    ("do not comply with", "depart from"),
)


def is_recommended(obligation: str) -> bool:
    """The obligation comes from a recommended national standard (GB/T), not from a law, regulation or rule."""
    return obligation.startswith(RECOMMENDED_PREFIXES)


def _reword(text: str) -> str:
    for old, new in _DEPARTURE_REWORDING:
        text = text.replace(old, new)
    return text


def _incomplete(f: Finding) -> bool:
    """The finding says that the assessment has not answered or confirmed something yet (engine completeness, a
    gate left unanswered, an answer of "not sure")."""
    return f.rule == "completeness" or f.explanation.zh.startswith(("评估尚未回答", "尚未确认"))


def as_recommended(f: Finding, binding_gaps: tuple[str, ...] = ()) -> Finding:
    """A gap or prohibited verdict on a recommended standard, restated as an advisory departure from it.
    ``binding_gaps``: binding obligations reported as a gap or prohibited for the same defect, named in the text."""
    if not is_recommended(f.obligation) or f.verdict not in NOT_ADVISORY:
        return f
    ob = get_obligation(f.obligation)
    cit_zh, cit_en = ob.citation("zh"), ob.citation("en")
    draft_zh = draft_en = ""
    if ob.prefix == "GBT41819":  # its clause numbers are unknown: the standard alone, then why
        cit_zh = cit_en = "GB/T 41819-2022"
        draft_zh = "（该条据2021年征求意见稿的二手资料，正式版措辞未核实）"
        draft_en = " (per secondary sources on the 2021 draft; the final wording is unverified)"
    names_zh = "、".join(get_obligation(b).citation("zh") for b in binding_gaps)
    names_en = ", ".join(get_obligation(b).citation("en") for b in binding_gaps)
    if _incomplete(f):
        zh = (f.explanation.zh + f"此项出自推荐性国家标准{cit_zh}{draft_zh}，本身不设定法律义务，因此列为建议；"
              "评估定稿前仍应回答。")
        en = (f.explanation.en + f" This point comes from the recommended national standard {cit_en}{draft_en}, "
              "which creates no legal duty by itself, so it is advisory; answer it before the assessment is final.")
        if binding_gaps:
            zh += f"同一问题涉及的法定义务（{names_zh}）另列为不合规。"
            en += f" The binding duty it also concerns ({names_en}) is reported as a gap."
        action = Text("回答相关问题。", "Answer the questions.") if f.rule == "completeness" else f.action
        return Finding(f.obligation, "advisory", Text(zh, en), action, f.rule, f.questions)
    zh = f"偏离推荐性国家标准{cit_zh}{draft_zh}：{_reword(f.explanation.zh)}"
    en = f"Departs from the recommended national standard {cit_en}{draft_en}: {_reword(f.explanation.en)}"
    if binding_gaps:
        zh += f"推荐性标准本身不设定法律义务，此项列为建议；同一问题违反的法定义务（{names_zh}）另列为不合规。"
        en += (f" A recommended standard creates no legal duty by itself, so this is advisory; the binding duty "
               f"the same defect breaches ({names_en}) is reported as a gap.")
    else:
        zh += "推荐性标准本身不设定法律义务，此项列为建议。"
        en += " A recommended standard creates no legal duty by itself, so this is advisory."
    return Finding(f.obligation, "advisory", Text(zh, en), f.action, f.rule, f.questions)


def recommended_as_advisory(findings: list[Finding]) -> list[Finding]:
    """Every gap or prohibited verdict on a recommended standard becomes an advisory departure from it (see
    :func:`as_recommended`); the binding duties behind it keep their own verdicts."""
    breached = {f.obligation for f in findings if f.verdict in NOT_ADVISORY and not is_recommended(f.obligation)}
    return [as_recommended(f, tuple(b for b in BINDING_BEHIND.get(f.obligation, ()) if b in breached))
            for f in findings]
