"""What changed between two versions of an assessment: the answers (per question, in the bank's order, rendered as
the report renders them: options by their labels, tables row by row with the fields that changed), the other fields
of the file (people, sites, risk ratings, the approval), and what the evaluation concludes (findings and issues that
appeared, went away or changed verdict; risk levels that moved).

Everything here is plain data with both languages (``Text``), so a front end can switch language without diffing
again. Nothing is shortened: a front end decides how much of a long text it shows.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from pia_wizard.core import labels
from pia_wizard.core import risk as risk_mod
from pia_wizard.core.approval import ATTESTATIONS, OPINIONS
from pia_wizard.core.assessment import Assessment
from pia_wizard.core.bank import Bank, Column, Question, Text, default_bank
from pia_wizard.core.engine import Evaluation
from pia_wizard.core.findings import VERDICT_ORDER, Finding
from pia_wizard.core.issues import Issue

ADDED, REMOVED, CHANGED = "added", "removed", "changed"
APPEARED, GONE = "appeared", "gone"
SAME, DELETED, INSERTED = "=", "-", "+"
OVERALL = "overall"

Segments = tuple[tuple[str, str], ...]
Choices = tuple[tuple[str, Text], ...]  # (SAME | DELETED | INSERTED, the option's label), in the options' order

# Word-level diffs of long texts are quadratic in the worst case: above this many token pairs (after the common
# start and end are set aside) the differing middle is reported as one replacement.
MAX_TOKEN_PAIRS = 4_000_000
_CJK = "\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0002fa1f"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+|\s+|.", re.S)


# --------------------------------------------------------------------------------------------------- data


@dataclass(frozen=True)
class CellChange:
    """One field of a table row (or of a removed / added row, with only one side)."""

    column: str
    label: Text
    old: Text | None
    new: Text | None
    segments: Segments = ()  # a text field changed on both sides: the words kept, removed and added
    choices: Choices = ()  # a multiple-choice field changed on both sides: the options kept, removed and added


@dataclass(frozen=True)
class RowChange:
    kind: str  # added | removed | changed
    old_index: int | None  # 1-based position in the old table
    new_index: int | None  # 1-based position in the new table
    cells: tuple[CellChange, ...]


@dataclass(frozen=True)
class AnswerChange:
    qid: str
    section: str
    section_title: Text
    question: Text
    type: str
    kind: str  # added | removed | changed
    old: Text | None  # the answer rendered (a table: how many rows)
    new: Text | None
    segments: Segments = ()  # a text answer changed: the words kept, removed and added
    rows: tuple[RowChange, ...] = ()  # a table answer: the rows that differ
    choices: Choices = ()  # a multiple-choice answer changed: the options kept, removed and added


@dataclass(frozen=True)
class MetaChange:
    """A field of the file outside the answers: ``path`` as in the file (``approval.opinion``,
    ``risks.leak.current.impact.autonomy.level``, ``sites[2].name``)."""

    path: str
    group: str  # the top-level field: processor, sites, risks, approval, ...
    label: Text
    kind: str
    old: Text | None
    new: Text | None
    segments: Segments = ()


@dataclass(frozen=True)
class AssessmentDiff:
    answers: tuple[AnswerChange, ...]
    meta: tuple[MetaChange, ...]

    @property
    def empty(self) -> bool:
        return not self.answers and not self.meta

    def by_section(self) -> list[tuple[str, Text, list[AnswerChange]]]:
        """The answer changes grouped by section, in the bank's order."""
        out: list[tuple[str, Text, list[AnswerChange]]] = []
        for change in self.answers:
            if not out or out[-1][0] != change.section:
                out.append((change.section, change.section_title, []))
            out[-1][2].append(change)
        return out


@dataclass(frozen=True)
class FindingChange:
    kind: str  # appeared | gone | changed (its verdict)
    obligation: str
    citation: Text
    old: str | None  # verdict
    new: str | None
    explanation: Text  # the newer finding's, or the one that went away
    questions: tuple[str, ...]

    @property
    def worse(self) -> bool:
        """The verdict is now more serious (a finding that appears with a verdict that calls for something too)."""
        if self.new is None:
            return False
        if self.old is None:
            return self.new in ("prohibited", "gap", "advisory")
        return VERDICT_ORDER[self.new] < VERDICT_ORDER[self.old]


@dataclass(frozen=True)
class IssueChange:
    kind: str  # appeared | gone | changed (its severity)
    id: str
    old: str | None  # severity
    new: str | None
    statement: Text
    cause: str  # the question it rests on ("" if none)
    obligations: tuple[str, ...]


@dataclass(frozen=True)
class RiskMove:
    risk: str  # a risk ID, or OVERALL
    name: Text
    stage: str  # inherent | current | target
    old: str | None  # level; None = not (fully) rated
    new: str | None

    @property
    def direction(self) -> str:
        """up | down | rated (now rated) | unrated (no longer rated)."""
        if self.old is None:
            return "rated"
        if self.new is None:
            return "unrated"
        return "up" if risk_mod.RISK_LEVELS.index(self.new) > risk_mod.RISK_LEVELS.index(self.old) else "down"


@dataclass(frozen=True)
class EvaluationDiff:
    findings: tuple[FindingChange, ...]
    issues: tuple[IssueChange, ...]
    risks: tuple[RiskMove, ...]
    unanswered_added: tuple[str, ...] = ()  # required questions unanswered now, answered (or hidden) before
    unanswered_removed: tuple[str, ...] = ()
    measures_apply: tuple[bool, bool] | None = None  # (before, after) when it changed
    counts: tuple[Mapping[str, int], Mapping[str, int]] = field(default_factory=lambda: ({}, {}))

    @property
    def empty(self) -> bool:
        return not (self.findings or self.issues or self.risks or self.unanswered_added or self.unanswered_removed
                    or self.measures_apply)


# --------------------------------------------------------------------------------------------- rendering


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _same(text: str) -> Text:
    return Text(text, text)


def _labels(found: Iterable[Text | str]) -> Text:
    items = [x if isinstance(x, Text) else _same(x) for x in found]
    return Text("；".join(x.zh for x in items), "; ".join(x.en for x in items))


def _number(value: Any, unit: Text | None) -> Text:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return _same(str(value))
    shown = format(value, ",")
    if not unit:
        return _same(shown)
    return Text(f"{shown}{unit.zh}", f"{shown} {unit.en}")


def _value(kind: str, options: Sequence[Any], value: Any, unit: Text | None = None) -> Text | None:
    if _empty(value):
        return None
    if kind in ("yesno", "single"):
        found = labels.option_text(options, value)
        return found if isinstance(found, Text) else _same(found)
    if kind == "multi":
        values = value if isinstance(value, list) else [value]
        return _labels(labels.option_text(options, v) for v in values)
    if kind == "number":
        return _number(value, unit)
    if isinstance(value, str):
        return _same(value)
    return _same(json.dumps(value, ensure_ascii=False))


def render_answer(q: Question, value: Any) -> Text | None:
    """An answer as a reader sees it (None when unanswered); a table: how many rows it has."""
    if q.type == "rows":
        if _empty(value):
            return None
        n = len(value) if isinstance(value, list) else 0
        return Text(f"{n} 行", f"{n} row" + ("" if n == 1 else "s"))
    return _value(q.type, q.options, value, q.unit)


def render_cell(column: Column, value: Any) -> Text | None:
    return _value(column.type, column.options, value)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def text_segments(old: str, new: str) -> Segments:
    """The two texts as runs kept (``=``), removed (``-``) and added (``+``), word by word (a CJK character is a
    word). Joining the ``=`` and ``-`` runs gives ``old``; the ``=`` and ``+`` runs give ``new``."""
    a, b = _tokens(old), _tokens(new)
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end = 0
    while end < len(a) - start and end < len(b) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    out: list[tuple[str, str]] = []

    def add(op: str, tokens: Sequence[str]) -> None:
        text = "".join(tokens)
        if not text:
            return
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))

    add(SAME, a[:start])
    mid_a, mid_b = a[start:len(a) - end], b[start:len(b) - end]
    if len(mid_a) * len(mid_b) > MAX_TOKEN_PAIRS:
        add(DELETED, mid_a)
        add(INSERTED, mid_b)
    else:
        matcher = SequenceMatcher(None, mid_a, mid_b, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                add(SAME, mid_a[i1:i2])
            else:
                add(DELETED, mid_a[i1:i2])
                add(INSERTED, mid_b[j1:j2])
    add(SAME, a[len(a) - end:])
    return tuple(out)


def choice_changes(options: Sequence[Any], old: Any, new: Any) -> Choices:
    """The options of a multiple-choice answer kept, removed and added, in the question's order (values the
    question does not offer last)."""
    a = old if isinstance(old, list) else [] if _empty(old) else [old]
    b = new if isinstance(new, list) else [] if _empty(new) else [new]
    order = [o.value for o in options]
    values = [v for v in order if v in a or v in b]
    values += sorted({str(v) for v in (*a, *b)} - set(order))
    out = []
    for v in values:
        op = SAME if v in a and v in b else DELETED if v in a else INSERTED
        found = labels.option_text(options, v)
        out.append((op, found if isinstance(found, Text) else _same(found)))
    return tuple(out)


def _choices(kind: str, options: Sequence[Any], old: Any, new: Any) -> Choices:
    if kind == "multi" and not _empty(old) and not _empty(new):
        return choice_changes(options, old, new)
    return ()


def _text_segments(kind: str, old: Any, new: Any) -> Segments:
    if kind == "text" and isinstance(old, str) and isinstance(new, str) and old and new:
        return text_segments(old, new)
    return ()


# -------------------------------------------------------------------------------------------------- answers


def _norm_row(row: Any) -> dict[str, Any]:
    if not isinstance(row, dict):
        return {}
    return {k: v for k, v in row.items() if not _empty(v)}


def _row_key(row: dict[str, Any]) -> str:
    return json.dumps(row, sort_keys=True, ensure_ascii=False)


def _cells(q: Question, old: dict[str, Any], new: dict[str, Any]) -> tuple[CellChange, ...]:
    out = []
    columns = list(q.columns)
    known = {c.id for c in columns}
    extra = sorted((set(old) | set(new)) - known)  # fields the bank no longer has (a file from an older bank)
    for c in columns + [Column(k, "text", _same(k), None) for k in extra]:
        o, n = old.get(c.id), new.get(c.id)
        if o == n:
            continue
        out.append(CellChange(c.id, c.label, render_cell(c, o), render_cell(c, n), _text_segments(c.type, o, n),
                              _choices(c.type, c.options, o, n)))
    return tuple(out)


def _similar(a: dict[str, Any], b: dict[str, Any]) -> float:
    fields = set(a) | set(b)
    if not fields:
        return 1.0
    return sum(1 for k in fields if a.get(k) == b.get(k)) / len(fields)


def diff_rows(q: Question, old: Any, new: Any) -> tuple[RowChange, ...]:
    """The rows of a table answer that were added, removed or changed. Rows kept unchanged are matched first (a row
    removed from the middle does not make every later row 'changed'); in a stretch that differs, rows are paired
    by position when as many were there before as after, else by how many fields they share."""
    a = [_norm_row(r) for r in (old if isinstance(old, list) else [])]
    b = [_norm_row(r) for r in (new if isinstance(new, list) else [])]
    matcher = SequenceMatcher(None, [_row_key(r) for r in a], [_row_key(r) for r in b], autojunk=False)
    found: list[tuple[tuple[int, int, int], RowChange]] = []

    def removed(i: int, at: int) -> None:
        found.append(((at, 0, i), RowChange(REMOVED, i + 1, None, _cells(q, a[i], {}))))

    def added(j: int) -> None:
        found.append(((j, 1, 0), RowChange(ADDED, None, j + 1, _cells(q, {}, b[j]))))

    def changed(i: int, j: int) -> None:
        found.append(((j, 1, i), RowChange(CHANGED, i + 1, j + 1, _cells(q, a[i], b[j]))))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i2 - i1 == j2 - j1:
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                changed(i, j)
            continue
        next_j = j1
        paired: set[int] = set()
        for i in range(i1, i2):
            best, best_score = None, 0.5  # at least half their fields alike
            for j in range(next_j, j2):
                score = _similar(a[i], b[j])
                if score >= best_score and (best is None or score > best_score):
                    best, best_score = j, score
            if best is None:
                removed(i, next_j)
            else:
                changed(i, best)
                paired.add(best)
                next_j = best + 1
        for j in range(j1, j2):
            if j not in paired:
                added(j)
    return tuple(change for _, change in sorted(found, key=lambda t: t[0]))


_OTHER = Text("其他", "Other")


def _raw(value: Any) -> Text | None:
    if _empty(value):
        return None
    return _same(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))


def _answer_change(q: Question, section_title: Text, old: Any, new: Any) -> AnswerChange | None:
    if q.type == "rows":
        rows = diff_rows(q, old, new)
        if not rows:
            return None
    else:
        rows = ()
    if _empty(old) and _empty(new):
        return None
    kind = ADDED if _empty(old) else REMOVED if _empty(new) else CHANGED
    return AnswerChange(q.id, q.section, section_title, q.text, q.type, kind, render_answer(q, old),
                        render_answer(q, new), _text_segments(q.type, old, new), rows,
                        _choices(q.type, q.options, old, new))


def diff_answers(old: Mapping[str, Any], new: Mapping[str, Any], bank: Bank | None = None) -> tuple[AnswerChange, ...]:
    """Answers added, removed or changed, in the bank's order (sections, then questions); answers to questions the
    bank does not know (a file from another bank version) last, by ID."""
    bank = bank or default_bank()
    out = []
    for section in bank.sections:
        for q in section.questions:
            o, n = old.get(q.id), new.get(q.id)
            if o == n or (_empty(o) and _empty(n)):
                continue
            change = _answer_change(q, section.title, o, n)
            if change is not None:
                out.append(change)
    for qid in sorted((set(old) | set(new)) - set(bank.questions)):
        o, n = old.get(qid), new.get(qid)
        if o == n or (_empty(o) and _empty(n)):
            continue
        kind = ADDED if _empty(o) else REMOVED if _empty(n) else CHANGED
        out.append(AnswerChange(qid, "", _OTHER, _same(qid), "", kind, _raw(o), _raw(n)))
    return tuple(out)


# ----------------------------------------------------------------------------------------------------- meta

_FIELD_LABELS: dict[str, Text] = {
    "format_version": Text("文件格式版本", "file format version"),
    "bank_version": Text("题库版本", "question bank version"),
    "title": Text("标题", "title"),
    "language": Text("语言", "language"),
    "assessment_date": Text("评估日期", "assessment date"),
    "processor": Text("个人信息处理者", "processor"),
    "system": Text("评估对象", "system assessed"),
    "sites": Text("场所", "sites"),
    "assessor": Text("评估负责人", "lead assessor"),
    "dpo": Text("个人信息保护负责人", "PI protection officer"),
    "risks": Text("风险评定", "risk ratings"),
    "risk_acceptance": Text("风险可接受标准", "risk acceptance"),
    "calendar_overrides": Text("工作日调整", "calendar overrides"),
    "calendar_complete_years": Text("已核对的年度日历", "calendar years checked"),
    "approval": Text("审批", "approval"),
    "name": Text("名称", "name"),
    "role": Text("职务", "role"),
    "organisation": Text("单位", "organisation"),
    "contact": Text("联系方式", "contact"),
    "description": Text("说明", "description"),
    "address": Text("地址", "address"),
    "devices": Text("设备数量", "devices"),
    "attestations": Text("声明", "attestations"),
    "opinion": Text("审批意见", "opinion"),
    "reasons": Text("理由", "reasons"),
    "conditions": Text("条件", "conditions"),
    "approver": Text("审批人", "approver"),
    "date": Text("日期", "date"),
    "stopped": Text("已停止的做法", "practices stopped"),
    "kind": Text("类型", "kind"),
    "reason": Text("理由", "reason"),
    "level": Text("等级", "level"),
    "unacceptable_from": Text("不可接受的等级", "unacceptable from"),
    "matrix_id": Text("风险等级表", "risk-level table"),
    "impact_adjustments": Text("影响程度修正", "impact adjustments"),
    "likelihood_adjustments": Text("可能性修正", "likelihood adjustments"),
}
_TOP = {k: i for i, k in enumerate(Assessment._ORDER)}
_ORDERED = [risk_mod.RISKS, risk_mod.STAGES, ("description", "impact", "impact_adjustments", "likelihood",
                                              "likelihood_adjustments", "measures"),
            risk_mod.IMPACT_DIMENSIONS, risk_mod.LIKELIHOOD_FACTORS, ("level", "reason"),
            tuple(k for k, _, _ in ATTESTATIONS), ("name", "role", "organisation", "contact")]
_RANK = {name: i for group in _ORDERED for i, name in enumerate(group)}
_SKIPPED = ("id", "answers", "format_version")  # the ID is the same by construction; answers are diffed above


def _flatten(value: Any, path: str, out: dict[str, Any]) -> None:
    if isinstance(value, dict) and value:
        for k, v in value.items():
            _flatten(v, f"{path}.{k}" if path else str(k), out)
    elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        for i, v in enumerate(value, start=1):
            _flatten(v, f"{path}[{i}]", out)
    elif not _empty(value):
        out[path] = value


_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _parts(path: str) -> list[str | int]:
    return [int(m.group(2)) if m.group(2) else m.group(1) for m in _PART.finditer(path)]


def _sort_key(path: str) -> tuple:
    parts = _parts(path)
    head = _TOP.get(str(parts[0]), len(_TOP)) if parts else len(_TOP)
    return (head, *((0, p, "") if isinstance(p, int) else (1, _RANK.get(p, 10**6), p) for p in parts[1:]))


def _segment_label(part: str | int, parent: str | int | None) -> Text:
    if isinstance(part, int):
        return Text(f"第{part}项", f"#{part}")
    risk_labels = risk_mod.labels()
    if part in risk_mod.RISKS:
        return labels.risk_name(part)
    if part in risk_mod.STAGES or (part == "measures" and parent in risk_mod.RISKS):
        node = risk_labels["terms"][part]
        return Text(node["zh"], node["en"])
    if part in risk_mod.IMPACT_DIMENSIONS:
        node = risk_labels["dimensions"][part]
        return Text(node["zh"], node["en"])
    if part in risk_mod.LIKELIHOOD_FACTORS:
        node = risk_labels["factors"][part]
        return Text(node["zh"], node["en"])
    if part in ("impact", "likelihood"):
        node = risk_labels["terms"][part]
        return Text(node["zh"], node["en"])
    if parent == "attestations":
        for key, zh, en in ATTESTATIONS:
            if key == part:
                return Text(zh, en)
    if part in _FIELD_LABELS:
        return _FIELD_LABELS[part]
    return _same(part)


def meta_label(path: str) -> Text:
    """A path of the file in words: ``risks.leak.current.impact.autonomy.level`` -> 风险评定 · 泄露 · ..."""
    parts = _parts(path)
    texts = [_segment_label(p, parts[i - 1] if i else None) for i, p in enumerate(parts)]
    en = " · ".join(t.en for t in texts)
    return Text(" · ".join(t.zh for t in texts), en[:1].upper() + en[1:])


_YES_NO = {True: Text("是", "yes"), False: Text("否", "no")}


def _meta_value(path: str, value: Any) -> Text | None:
    if _empty(value):
        return None
    parts = _parts(path)
    last = parts[-1] if parts else ""
    if isinstance(value, bool):
        return _YES_NO[value]
    if path == "approval.opinion" and value in OPINIONS:
        return Text(*OPINIONS[value])
    if parts and parts[0] == "risks" and last == "level":
        axis = "impact" if "impact" in parts else "likelihood" if "likelihood" in parts else "risk"
        return labels.level_name(str(value), axis)
    if parts and parts[0] == "risks" and last == "kind":
        node = risk_mod.labels()["adjustments"].get(value)
        return Text(node["zh"], node["en"]) if node else _same(str(value))
    if path == "risk_acceptance.unacceptable_from":
        return labels.level_name(str(value))
    if isinstance(value, list):
        return _labels(str(v) if not isinstance(v, str) else v for v in value)
    return _same(str(value))


def diff_meta(old: Assessment, new: Assessment) -> tuple[MetaChange, ...]:
    a: dict[str, Any] = {}
    b: dict[str, Any] = {}
    for key, value in old.to_dict().items():
        if key not in _SKIPPED:
            _flatten(value, key, a)
    for key, value in new.to_dict().items():
        if key not in _SKIPPED:
            _flatten(value, key, b)
    out = []
    for path in sorted(set(a) | set(b), key=_sort_key):
        o, n = a.get(path), b.get(path)
        if o == n:
            continue
        kind = ADDED if o is None else REMOVED if n is None else CHANGED
        segments = text_segments(o, n) if isinstance(o, str) and isinstance(n, str) and (
            len(o) > 40 or len(n) > 40) else ()
        out.append(MetaChange(path, str(_parts(path)[0]), meta_label(path), kind, _meta_value(path, o),
                              _meta_value(path, n), segments))
    return tuple(out)


def diff_assessments(old: Assessment, new: Assessment, bank: Bank | None = None) -> AssessmentDiff:
    """What changed from ``old`` to ``new``: answers (in the bank's order) and the other fields of the file."""
    return AssessmentDiff(diff_answers(old.answers, new.answers, bank), diff_meta(old, new))


# ---------------------------------------------------------------------------------------------- evaluation


def _pair(old: Sequence[Any], new: Sequence[Any], keys: Sequence[Callable[[Any], Any]]
          ) -> tuple[list[tuple[Any, Any]], list[Any], list[Any]]:
    """Match items of ``old`` and ``new`` by each key in turn (the strictest first), in order."""
    left, right = list(old), list(new)
    pairs: list[tuple[Any, Any]] = []
    for key in keys:
        waiting: dict[Any, list[int]] = {}
        for j, item in enumerate(right):
            waiting.setdefault(key(item), []).append(j)
        taken: set[int] = set()
        rest = []
        for item in left:
            slots = waiting.get(key(item))
            if slots:
                j = slots.pop(0)
                taken.add(j)
                pairs.append((item, right[j]))
            else:
                rest.append(item)
        left = rest
        right = [item for j, item in enumerate(right) if j not in taken]
    return pairs, left, right


def _citation(obligation: str) -> Text:
    from pia_wizard.core.obligations import get

    ob = get(obligation)
    return Text(ob.citation("zh"), ob.citation("en"))


def _question_order(bank: Bank) -> dict[str, int]:
    return {q: i for i, q in enumerate(bank.questions)}


def _finding_changes(old: Sequence[Finding], new: Sequence[Finding], bank: Bank) -> tuple[FindingChange, ...]:
    pairs, gone, appeared = _pair(old, new, (
        lambda f: (f.obligation, f.rule, f.questions), lambda f: (f.obligation, f.rule), lambda f: f.obligation))
    out = [FindingChange(CHANGED, n.obligation, _citation(n.obligation), o.verdict, n.verdict, n.explanation,
                         n.questions) for o, n in pairs if o.verdict != n.verdict]
    out += [FindingChange(APPEARED, f.obligation, _citation(f.obligation), None, f.verdict, f.explanation, f.questions)
            for f in appeared]
    out += [FindingChange(GONE, f.obligation, _citation(f.obligation), f.verdict, None, f.explanation, f.questions)
            for f in gone]
    order = _question_order(bank)
    kinds = (APPEARED, CHANGED, GONE)

    def key(c: FindingChange) -> tuple:
        worst = min(VERDICT_ORDER[v] for v in (c.old, c.new) if v is not None)
        first = min((order.get(q, 10**6) for q in c.questions), default=10**6)
        return (worst, kinds.index(c.kind), first, c.obligation)

    return tuple(sorted(out, key=key))


def _issue_changes(old: Sequence[Issue], new: Sequence[Issue], bank: Bank) -> tuple[IssueChange, ...]:
    pairs, gone, appeared = _pair(old, new, (lambda i: i.id, lambda i: i.cause or None))
    out = [IssueChange(CHANGED, n.id, o.severity, n.severity, n.statement, n.cause,
                       tuple(f.obligation for f in n.findings)) for o, n in pairs if o.severity != n.severity]
    out += [IssueChange(APPEARED, i.id, None, i.severity, i.statement, i.cause, tuple(f.obligation for f in i.findings))
            for i in appeared]
    out += [IssueChange(GONE, i.id, i.severity, None, i.statement, i.cause, tuple(f.obligation for f in i.findings))
            for i in gone]
    order = _question_order(bank)
    kinds = (APPEARED, CHANGED, GONE)

    def key(c: IssueChange) -> tuple:
        worst = min(VERDICT_ORDER[v] for v in (c.old, c.new) if v is not None)
        return (worst, kinds.index(c.kind), order.get(c.cause, 10**6), c.id)

    return tuple(sorted(out, key=key))


OVERALL_NAME = Text("整体风险", "Overall risk")


def _risk_moves(old: Any, new: Any) -> tuple[RiskMove, ...]:
    out = []

    def level(result: Any, stage: str) -> str | None:
        if result is None:
            return None
        if stage == "target":
            return result.target_level
        score = getattr(result, stage)
        return score.level if score else None

    for rid in risk_mod.RISKS:
        a, b = old.results.get(rid), new.results.get(rid)
        for stage in risk_mod.STAGES:
            lo, ln = level(a, stage), level(b, stage)
            if lo != ln:
                out.append(RiskMove(rid, labels.risk_name(rid), stage, lo, ln))
    for stage in risk_mod.STAGES:
        lo, ln = getattr(old, f"overall_{stage}"), getattr(new, f"overall_{stage}")
        if lo != ln:
            out.append(RiskMove(OVERALL, OVERALL_NAME, stage, lo, ln))
    return tuple(out)


def diff_evaluations(old: Evaluation, new: Evaluation, bank: Bank | None = None) -> EvaluationDiff:
    """What the evaluation concludes differently: findings (per obligation) and issues that appeared, went away or
    changed verdict, risk levels that moved, required questions now (no longer) unanswered."""
    bank = bank or default_bank()
    before, after = set(old.unanswered), set(new.unanswered)
    order = _question_order(bank)
    return EvaluationDiff(
        findings=_finding_changes(old.findings, new.findings, bank),
        issues=_issue_changes(old.issues, new.issues, bank),
        risks=_risk_moves(old.risk, new.risk),
        unanswered_added=tuple(sorted(after - before, key=lambda q: (order.get(q, 10**6), q))),
        unanswered_removed=tuple(sorted(before - after, key=lambda q: (order.get(q, 10**6), q))),
        measures_apply=(old.measures_apply, new.measures_apply) if old.measures_apply != new.measures_apply else None,
        counts=(old.counts, new.counts),
    )
