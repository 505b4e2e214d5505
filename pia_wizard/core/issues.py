"""Issues: the findings that share one cause, read as one defect with one remedy and several legal bases.

One fact ("the notice does not state the retention period") decides several obligations (PIPL Art. 17,
Measures Art. 5, NDSR Art. 21, GB/T 35273 5.4 c). The per-obligation findings stay (the coverage matrix needs
them); an issue groups the findings that share a cause. Two findings share a cause when
  * they decide the same obligation, or
  * they rest on the same answer (a question they cite) in the same section of the bank as both of their
    leading questions, or
  * they apply the same article of the Measures (Art. 8 storage asked in scope and in storage), or the same
    article of another binding instrument within one section (PIPL Art. 21's contract and its
    return-or-delete term are one defect of the entrustment).
A group made only of recommended-standard findings joins the binding group it shares an answer with, else
one led from its section; left alone, the ones of a section form one issue. Its statement and
remedy are those of the most authoritative of its most serious findings, its severity is the worst verdict,
and its legal bases are listed in order of authority.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pia_wizard.core.bank import Text
from pia_wizard.core.findings import VERDICT_ORDER, Finding, is_recommended

# PRC hierarchy of norms (立法法): law, administrative regulation, departmental rule, judicial interpretation
# (binding on courts, listed after the rules that bind the processor directly), mandatory standard,
# recommended standard. FILING rows implement Measures Art. 15 (a departmental rule).
AUTHORITY = ("law", "administrative_regulation", "departmental_rule", "judicial_interpretation",
             "mandatory_standard", "recommended_standard")
AUTHORITY_LABELS = {
    "law": Text("法律", "law"),
    "administrative_regulation": Text("行政法规", "administrative regulation"),
    "departmental_rule": Text("部门规章", "departmental rule"),
    "judicial_interpretation": Text("司法解释", "judicial interpretation"),
    "mandatory_standard": Text("强制性国家标准", "mandatory national standard"),
    "recommended_standard": Text("推荐性国家标准", "recommended national standard"),
}
_BY_PREFIX = {
    "PIPL": "law",
    "NDSR": "administrative_regulation",
    "FRM": "departmental_rule",
    "FILING": "departmental_rule",
    "SPC": "judicial_interpretation",
    "GBT35273": "recommended_standard",
    "GBT39335": "recommended_standard",
    "GBT41819": "recommended_standard",
}
ISSUE_VERDICTS = ("prohibited", "gap", "advisory")


def authority(obligation: str) -> str:
    """The rank of the instrument an obligation comes from (a key of AUTHORITY)."""
    prefix = obligation.split("-", 1)[0]
    try:
        return _BY_PREFIX[prefix]
    except KeyError:
        raise ValueError(f"no authority rank for obligation {obligation!r}") from None


def _rank(f: Finding) -> tuple[int, int]:
    return VERDICT_ORDER[f.verdict], AUTHORITY.index(authority(f.obligation))


@dataclass(frozen=True)
class Issue:
    id: str  # stable for the same cause: "I-" + a short hash of the cause key
    severity: str  # the worst verdict among the findings
    statement: Text
    remedy: Text | None
    cause: str  # the question the findings rest on, or "" for findings that cite none
    questions: tuple[str, ...]
    findings: tuple[Finding, ...]  # in order of authority, the worst verdict first within a rank

    @property
    def bases(self) -> tuple[str, ...]:
        """The obligation IDs, in order of authority (one per obligation)."""
        return tuple(dict.fromkeys(f.obligation for f in self.findings))

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "severity": self.severity,
            "statement": {"zh": self.statement.zh, "en": self.statement.en},
            "remedy": {"zh": self.remedy.zh, "en": self.remedy.en} if self.remedy else None,
            "cause": self.cause,
            "questions": list(self.questions),
            "bases": [
                {"obligation": f.obligation, "authority": authority(f.obligation), "verdict": f.verdict,
                 "citation": f.citation("en"), "citation_zh": f.citation("zh")}
                for f in self.findings
            ],
        }


def _cause(f: Finding) -> str:
    return f.questions[0] if f.questions else ""


_ARTICLE = re.compile(r"^(PIPL|NDSR|FRM|SPC|FILING)-(\d+)")


class _Sets:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, members: list[int]) -> None:
        for j in members[1:]:
            self.parent[self.find(j)] = self.find(members[0])


def _recommended(f: Finding) -> bool:
    return is_recommended(f.obligation)


def _components(items: list[Finding], section_of: Mapping[str, str]) -> list[list[int]]:
    sets = _Sets(len(items))
    links: dict[tuple, list[int]] = {}
    for i, f in enumerate(items):
        home = section_of.get(_cause(f), "")
        links.setdefault(("obligation", f.obligation), []).append(i)
        for q in f.questions:
            if section_of.get(q, "") == home:
                links.setdefault(("answer", q), []).append(i)
        if (m := _ARTICLE.match(f.obligation)) and f.questions:
            # An article of the Measures governs one matter (Art. 8 storage, Art. 9 the PIPIA and its records)
            # wherever in the bank it is asked; articles of the PIPL and the NDSR are broader (NDSR Art. 22
            # covers adults' and children's consent alike), so they join only within a section.
            scope = () if m.group(1) == "FRM" else (home,)
            links.setdefault(("article", m.group(0), *scope), []).append(i)
    for members in links.values():
        sets.join(members)
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(sets.find(i), []).append(i)
    binding = [g for g in groups.values() if not all(_recommended(items[i]) for i in g)]
    # What a binding group rests on, from its binding findings only (a standard attached to it does not widen it).
    asked = [{q for i in b if not _recommended(items[i]) for q in items[i].questions} for b in binding]
    led = [{section_of.get(_cause(items[i]), "") for i in b if not _recommended(items[i])} for b in binding]
    leftovers: dict[str, list[int]] = {}
    for g in groups.values():
        if g in binding:
            continue
        asks = {q for i in g for q in items[i].questions}
        home = section_of.get(_cause(items[g[0]]), "")
        host = (next((n for n, qs in enumerate(asked) if asks & qs), None)
                if any(asks & qs for qs in asked) else None)
        if host is None:
            host = next((n for n, sections in enumerate(led) if home in sections), None)
        if host is not None:
            binding[host].extend(g)
        else:
            leftovers.setdefault(home, []).extend(g)
    return [sorted(g) for g in binding + list(leftovers.values())]


def group(findings: Iterable[Finding], section_of: Mapping[str, str] | None = None) -> list[Issue]:
    """Issues from the findings that call for something (prohibited, gap, advisory), most serious first;
    within a severity, in the order their first finding appears (the bank's order). ``section_of`` maps a
    question ID to its section (default: the bank's)."""
    if section_of is None:
        from pia_wizard.core.bank import default_bank

        section_of = {q.id: s.id for s in default_bank().sections for q in s.questions}
    items = [f for f in findings if f.verdict in ISSUE_VERDICTS]
    issues = []
    for component in _components(items, section_of):
        members = [items[i] for i in component]
        ordered = sorted(members, key=lambda f: (AUTHORITY.index(authority(f.obligation)), VERDICT_ORDER[f.verdict]))
        lead = min(members, key=_rank)
        questions = tuple(dict.fromkeys(q for f in members for q in f.questions))
        cause = _cause(lead)
        key = "|".join(sorted(dict.fromkeys(f.obligation for f in members)))
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]
        issues.append((VERDICT_ORDER[lead.verdict], component[0], Issue(
            id=f"I-{digest}", severity=lead.verdict, statement=lead.explanation, remedy=lead.action,
            cause=cause, questions=questions, findings=tuple(ordered))))
    return [i for _, _, i in sorted(issues, key=lambda t: (t[0], t[1]))]
