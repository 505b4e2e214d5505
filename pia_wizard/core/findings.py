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
