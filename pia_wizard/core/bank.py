"""The question bank: data files in ``assets/questionnaire`` (YAML), validated at load.

Loading reports every problem at once, each naming the file, the question ID and the problem, so a
content author fixes a bank in one pass rather than one error per run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from pia_wizard.core import conditions
from pia_wizard.core.fastschema import conforms
from pia_wizard.core.obligations import catalogue
from pia_wizard.paths import asset

ANSWER_TYPES = ("yesno", "single", "multi", "number", "date", "text", "rows")
COLUMN_TYPES = ("yesno", "single", "multi", "number", "date", "text")
VERDICTS = ("prohibited", "gap", "advisory", "compliant", "not_applicable")
YESNO_VALUES = ("yes", "no", "unknown")
MEASURES_PREFIXES = ("FRM-", "FILING-")
# Measures Art. 2: outside the PRC, or solely FRT R&D / algorithm training -> the Measures' track is skipped
# (questions serving only Measures obligations are hidden); the PIPL track stays.
MEASURES_OFF = {"any": [{"q": "scope.in_prc", "eq": "no"}, {"q": "scope.rnd_only", "eq": "yes"}]}
TEXT_LIMIT = 1_000_000  # characters in one text answer; the whole file is capped separately
ROWS_LIMIT = 500

_TEXT = {
    "type": "object",
    "properties": {"zh": {"type": "string", "minLength": 1}, "en": {"type": "string", "minLength": 1}},
    "required": ["zh", "en"],
    "additionalProperties": False,
}
_OPTION = {
    "type": "object",
    "properties": {"value": {"type": "string", "pattern": "^[a-z0-9_]+$"}, "label": _TEXT, "help": _TEXT,
                   "show_if": {"type": "object", "minProperties": 1}},
    "required": ["value", "label"],
    "additionalProperties": False,
}
_CONDITION = {"type": "object", "minProperties": 1}
_CHECK = {
    "type": "object",
    "properties": {
        "verdicts": {"type": "object", "additionalProperties": {"enum": list(VERDICTS)}, "minProperties": 1},
        "explain": _TEXT,
        "action": _TEXT,
        "ok": _TEXT,
        "obligations": {"type": "array", "items": {"type": "string"}, "minItems": 1},
    },
    "required": ["verdicts", "explain", "action"],
    "additionalProperties": False,
}
_COLUMN = {
    "type": "object",
    "properties": {
        "id": {"type": "string", "pattern": "^[a-z0-9_]+$"},
        "type": {"enum": list(COLUMN_TYPES)},
        "label": _TEXT,
        "help": _TEXT,
        "options": {"type": "array", "items": _OPTION, "minItems": 1},
        "required": {"type": "boolean"},
    },
    "required": ["id", "type", "label"],
    "additionalProperties": False,
}
_QUESTION = {
    "type": "object",
    "properties": {
        "id": {"type": "string", "pattern": r"^[a-z0-9_]+\.[a-z0-9_.]+$"},
        "type": {"enum": list(ANSWER_TYPES)},
        "text": _TEXT,
        "help": _TEXT,
        "cites": {"type": "array", "items": {"type": "string"}},
        "required": {"type": "boolean"},
        "options": {"type": "array", "items": _OPTION, "minItems": 1},
        "columns": {"type": "array", "items": _COLUMN, "minItems": 1},
        "show_if": _CONDITION,
        "check": _CHECK,
        "min": {"type": "number"},
        "max": {"type": "number"},
        "integer": {"type": "boolean"},
        "unit": _TEXT,
        "min_length": {"type": "integer", "minimum": 0},
        "min_rows": {"type": "integer", "minimum": 0},
    },
    "required": ["id", "type", "text", "help", "cites"],
    "additionalProperties": False,
}
SECTION_SCHEMA = {
    "type": "object",
    "properties": {
        "id": {"type": "string", "pattern": "^[a-z0-9_]+$"},
        "title": _TEXT,
        "intro": _TEXT,
        "law": {"type": "string"},
        "show_if": _CONDITION,
        "questions": {"type": "array", "items": _QUESTION, "minItems": 1},
    },
    "required": ["id", "title", "questions"],
    "additionalProperties": False,
}
BANK_SCHEMA = {
    "type": "object",
    "properties": {
        "version": {"type": "string", "pattern": r"^\d{4}\.\d+\.\d+$"},
        "title": _TEXT,
        "sections": {"type": "array", "items": {"type": "string"}, "minItems": 1},
    },
    "required": ["version", "title", "sections"],
    "additionalProperties": False,
}


@dataclass(frozen=True)
class Text:
    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    @classmethod
    def of(cls, raw: Mapping[str, str] | None) -> Text | None:
        return cls(raw["zh"], raw["en"]) if raw else None


@dataclass(frozen=True)
class Option:
    value: str
    label: Text
    help: Text | None = None
    show_if: Mapping[str, Any] | None = None  # offered only when this holds (a question's options only)


YESNO_OPTIONS = (
    Option("yes", Text("是", "Yes")),
    Option("no", Text("否", "No")),
    Option("unknown", Text("不确定", "Don't know")),
)


@dataclass(frozen=True)
class Column:
    id: str
    type: str
    label: Text
    help: Text | None
    options: tuple[Option, ...]
    required: bool


@dataclass(frozen=True)
class Check:
    verdicts: Mapping[str, str]
    explain: Text
    action: Text
    ok: Text | None
    obligations: tuple[str, ...]


@dataclass(frozen=True)
class Question:
    id: str
    section: str
    type: str
    text: Text
    help: Text
    cites: tuple[str, ...]
    required: bool = True
    options: tuple[Option, ...] = ()
    columns: tuple[Column, ...] = ()
    show_if: Mapping[str, Any] | None = None
    check: Check | None = None
    min: float | None = None
    max: float | None = None
    integer: bool = False
    unit: Text | None = None
    min_length: int = 0
    min_rows: int = 0

    @property
    def measures_only(self) -> bool:
        """Serves only the FRT Measures (and its filing duty): skipped when the Measures do not apply.
        The scope section asks the gates themselves, so it is never skipped."""
        return self.section != "scope" and all(c.startswith(MEASURES_PREFIXES) for c in self.cites)

    def option_values(self) -> tuple[str, ...]:
        return tuple(o.value for o in self.options)

    def option_label(self, value: str, lang: str) -> str:
        for o in self.options:
            if o.value == value:
                return o.label.get(lang)
        return value


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    intro: Text | None
    law: str
    show_if: Mapping[str, Any] | None
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Problem:
    file: str
    question: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.question}" if self.question else self.file
        return f"{where}: {self.message}"


class BankError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"the question bank has {len(problems)} problem(s):\n{lines}")


@dataclass(frozen=True, eq=False)  # identity hash: validators are cached per bank
class Bank:
    version: str
    title: Text
    sections: tuple[Section, ...]
    questions: Mapping[str, Question] = field(repr=False)

    def question(self, qid: str) -> Question:
        return self.questions[qid]

    def __iter__(self) -> Iterator[Question]:
        return iter(self.questions.values())

    def visible(self, answers: Mapping[str, Any]) -> dict[str, bool]:
        """Which questions are shown for these answers. Hidden questions' answers count as missing."""
        shown: dict[str, bool] = {}

        def lookup(qid: str) -> Any:
            if shown.get(qid) and qid in answers and answers[qid] is not None:
                return answers[qid]
            return conditions.MISSING

        for section in self.sections:
            section_shown = conditions.evaluate(section.show_if, lookup)
            measures_off = conditions.evaluate(MEASURES_OFF, lookup)
            for q in section.questions:
                shown[q.id] = (section_shown and conditions.evaluate(q.show_if, lookup)
                               and not (measures_off and q.measures_only))
        return shown

    def offered(self, qid: str, answers: Mapping[str, Any]) -> tuple[Option, ...]:
        """The options of a question that are offered for these answers (an option's ``show_if``)."""
        shown = self.visible(answers)

        def lookup(ref: str) -> Any:
            if shown.get(ref) and ref in answers and answers[ref] is not None:
                return answers[ref]
            return conditions.MISSING

        return tuple(o for o in self.question(qid).options if conditions.evaluate(o.show_if, lookup))

    def cited(self) -> dict[str, list[str]]:
        """obligation ID -> the questions citing it."""
        out: dict[str, list[str]] = {}
        for q in self:
            for oid in q.cites:
                out.setdefault(oid, []).append(q.id)
        return out


_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


def _yaml12_booleans(loader: type) -> type:
    """YAML 1.2 booleans: only true/false. YAML 1.1 would read the answer values yes/no/on/off as booleans."""
    loader.yaml_implicit_resolvers = {
        key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    loader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))
    return loader


@_yaml12_booleans
class _BankLoader(yaml.SafeLoader):
    """The pure-Python parser: about ten times slower than libyaml, used only where PyYAML was built without it."""


_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{t}" for t in ("str", "seq", "map"))


class _NotPlain(Exception):
    pass


_BUILDING = object()


def _plain(node: yaml.Node, construct: Any, built: dict[int, Any]) -> Any:
    """The value of a document of strings, lists and string-keyed maps, built without SafeConstructor's
    per-node bookkeeping; other scalars go through ``construct``, an alias gets the object built for its anchor,
    as with SafeConstructor. _NotPlain for anything else (another tag, a merge or non-string key, a recursive
    alias), so that the caller lets SafeConstructor build the whole document."""
    if isinstance(node, yaml.ScalarNode):
        return node.value if node.tag == _STR else construct(node)
    value = built.get(id(node))
    if value is _BUILDING:
        raise _NotPlain
    if value is not None:
        return value
    built[id(node)] = _BUILDING
    if node.tag == _SEQ and isinstance(node, yaml.SequenceNode):
        value = [_plain(n, construct, built) for n in node.value]
    elif node.tag == _MAP and isinstance(node, yaml.MappingNode) and all(
            k.tag == _STR and isinstance(k, yaml.ScalarNode) for k, _ in node.value):
        value = {k.value: _plain(v, construct, built) for k, v in node.value}
    else:
        raise _NotPlain
    built[id(node)] = value
    return value


_LOADER: type = _BankLoader
if yaml.__with_libyaml__:
    # libyaml scans, parses and composes in C but resolves tags through the Python resolver, so the implicit
    # resolvers hold for both loaders; tests compare the two Banks.
    @_yaml12_booleans
    class _BankCLoader(yaml.CSafeLoader):
        def construct_document(self, node: yaml.Node) -> Any:
            # SafeConstructor's per-node bookkeeping (state, generators, hashability checks) is a fifth of the
            # bank's load time, and the bank is all plain values; a test compares the result with the pure loader's.
            try:
                return _plain(node, self.construct_object, {})
            except _NotPlain:
                return super().construct_document(node)

    _LOADER = _BankCLoader


def _schema_problems(schema: Mapping[str, Any], data: Any, file: str) -> list[Problem]:
    if conforms(schema, data):  # 8 ms for the bank where jsonschema takes 40
        return []
    # Imported here: jsonschema (with referencing and attrs) costs about 100 ms, and a valid bank never needs it.
    from jsonschema import Draft202012Validator

    problems = []
    for err in sorted(Draft202012Validator(schema).iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        path = list(err.absolute_path)
        qid = ""
        if len(path) >= 2 and path[0] == "questions" and isinstance(data, dict):
            try:
                qid = str(data["questions"][path[1]].get("id", f"question #{path[1] + 1}"))
            except (AttributeError, IndexError, KeyError, TypeError):
                qid = f"question #{path[1] + 1}"
            path = path[2:]
        where = ".".join(str(p) for p in path)
        message = err.message if len(err.message) < 300 else err.message[:300] + "..."
        problems.append(Problem(file, qid, f"{where + ': ' if where else ''}{message}"))
    return problems


def _check_condition(cond: Any, known: set[str], questions: Mapping[str, Question]) -> list[str]:
    """Problems with a show_if: unknown operators, questions not asked earlier, impossible values."""
    if not isinstance(cond, dict):
        return ["a condition must be a mapping"]
    keys = set(cond)
    for op in conditions.COMPOUND_OPS:
        if op in keys:
            if len(keys) != 1:
                return [f"'{op}' must stand alone in its condition, found {sorted(keys)}"]
            if op == "not":
                return _check_condition(cond[op], known, questions)
            if not isinstance(cond[op], list) or not cond[op]:
                return [f"'{op}' needs a non-empty list of conditions"]
            return [p for c in cond[op] for p in _check_condition(c, known, questions)]
    ops = keys - {"q"}
    if "q" not in keys or len(ops) != 1 or not ops <= set(conditions.ATOMIC_OPS):
        return [f"bad condition {dict(cond)}: use q plus one of {', '.join(conditions.ATOMIC_OPS)}"]
    qid, (op,) = cond["q"], ops
    if qid not in known:
        return [f"show_if refers to {qid!r}, which is not a question asked earlier in the bank"]
    q, arg = questions[qid], cond[op]
    values = YESNO_VALUES if q.type == "yesno" else q.option_values()
    if op in ("eq", "ne", "contains") and values and arg not in values:
        return [f"show_if compares {qid} with {arg!r}, which is not one of its values {list(values)}"]
    if op in ("in", "not_in", "contains_any"):
        if not isinstance(arg, list):
            return [f"'{op}' needs a list"]
        bad = [a for a in arg if values and a not in values]
        if bad:
            return [f"show_if compares {qid} with {bad}, not among its values {list(values)}"]
    if op in ("contains", "contains_any") and q.type != "multi":
        return [f"'{op}' only works on multi-choice questions; {qid} is {q.type}"]
    if op in ("gt", "gte", "lt", "lte") and (q.type != "number" or not isinstance(arg, int | float)):
        return [f"'{op}' needs a number question and a number; {qid} is {q.type}"]
    return []


def _options(raw: list[dict] | None) -> tuple[Option, ...]:
    return tuple(Option(o["value"], Text.of(o["label"]), Text.of(o.get("help")), o.get("show_if"))
                 for o in raw or [])


def _build_question(raw: dict, section_id: str) -> Question:
    qtype = raw["type"]
    options = YESNO_OPTIONS if qtype == "yesno" else _options(raw.get("options"))
    check = None
    if "check" in raw:
        c = raw["check"]
        check = Check(
            verdicts=dict(c["verdicts"]),
            explain=Text.of(c["explain"]),
            action=Text.of(c["action"]),
            ok=Text.of(c.get("ok")),
            obligations=tuple(c.get("obligations") or raw["cites"]),
        )
    columns = tuple(
        Column(
            id=c["id"],
            type=c["type"],
            label=Text.of(c["label"]),
            help=Text.of(c.get("help")),
            options=YESNO_OPTIONS if c["type"] == "yesno" else _options(c.get("options")),
            required=c.get("required", False),
        )
        for c in raw.get("columns") or []
    )
    return Question(
        id=raw["id"],
        section=section_id,
        type=qtype,
        text=Text.of(raw["text"]),
        help=Text.of(raw["help"]),
        cites=tuple(raw["cites"]),
        required=raw.get("required", True),
        options=options,
        columns=columns,
        show_if=raw.get("show_if"),
        check=check,
        min=raw.get("min"),
        max=raw.get("max"),
        integer=raw.get("integer", False),
        unit=Text.of(raw.get("unit")),
        min_length=raw.get("min_length", 0),
        min_rows=raw.get("min_rows", 0),
    )


def _question_problems(q: Question, raw: dict, obligation_ids: set[str]) -> list[str]:
    out = []
    if not q.cites:
        out.append("cites no obligation: every question must say which obligation it serves")
    out += [f"cites unknown obligation {oid}" for oid in q.cites if oid not in obligation_ids]
    if q.type in ("single", "multi") and not raw.get("options"):
        out.append(f"a {q.type} question needs options")
    if q.type not in ("single", "multi") and raw.get("options"):
        out.append(f"a {q.type} question cannot have options")
    if q.type == "rows" and not q.columns:
        out.append("a rows question needs columns")
    if q.type != "rows" and q.columns:
        out.append(f"a {q.type} question cannot have columns")
    values = q.option_values()
    if len(set(values)) != len(values):
        out.append(f"duplicate option values in {list(values)}")
    ids = [c.id for c in q.columns]
    if len(set(ids)) != len(ids):
        out.append(f"duplicate column ids in {ids}")
    for c in q.columns:
        if c.type in ("single", "multi") and not c.options:
            out.append(f"column {c.id} ({c.type}) needs options")
    if (q.min is not None or q.max is not None or q.integer) and q.type != "number":
        out.append("min/max/integer only apply to number questions")
    if q.min is not None and q.max is not None and q.min > q.max:
        out.append(f"min {q.min} is larger than max {q.max}")
    if q.check:
        if q.type not in ("yesno", "single"):
            out.append(f"a check needs a yesno or single question, not {q.type}")
        unknown = [v for v in q.check.verdicts if v not in values]
        if unknown:
            out.append(f"check maps values {unknown} that the question does not offer ({list(values)})")
        expected = [v for v in values if v != "unknown"] if q.type == "yesno" else list(values)
        missing = [v for v in expected if v not in q.check.verdicts]
        if missing:
            out.append(f"check gives no verdict for {missing}: map every answer explicitly")
        stray = [o for o in q.check.obligations if o not in q.cites]
        if stray:
            out.append(f"check decides {stray}, which the question does not cite")
    return out


def load_bank(folder: Path | None = None) -> Bank:
    folder = folder or asset("questionnaire")
    problems: list[Problem] = []
    obligation_ids = set(catalogue())

    def read_yaml(path: Path) -> Any:
        try:
            with path.open(encoding="utf-8") as fh:
                return yaml.load(fh, Loader=_LOADER)
        except FileNotFoundError:
            problems.append(Problem(path.name, "", "file not found"))
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            problems.append(Problem(path.name, "", f"not valid YAML: {exc}".replace("\n", " ")))
        return None

    head = read_yaml(folder / "bank.yaml")
    if head is None:
        raise BankError(problems)
    problems += _schema_problems(BANK_SCHEMA, head, "bank.yaml")
    if problems:
        raise BankError(problems)

    sections: list[Section] = []
    questions: dict[str, Question] = {}
    raw_by_id: dict[str, tuple[str, dict, dict]] = {}
    section_ids: set[str] = set()
    for name in head["sections"]:
        raw = read_yaml(folder / "sections" / name)
        if raw is None:
            continue
        schema_problems = _schema_problems(SECTION_SCHEMA, raw, name)
        if schema_problems:
            problems += schema_problems
            continue
        if raw["id"] in section_ids:
            problems.append(Problem(name, "", f"duplicate section id {raw['id']}"))
        section_ids.add(raw["id"])
        built = []
        for rq in raw["questions"]:
            q = _build_question(rq, raw["id"])
            if q.id in questions:
                problems.append(Problem(name, q.id, f"duplicate question id (also in {raw_by_id[q.id][0]})"))
                continue
            problems += [Problem(name, q.id, m) for m in _question_problems(q, rq, obligation_ids)]
            questions[q.id] = q
            raw_by_id[q.id] = (name, rq, raw)
            built.append(q)
        sections.append(
            Section(
                id=raw["id"],
                title=Text.of(raw["title"]),
                intro=Text.of(raw.get("intro")),
                law=raw.get("law", ""),
                show_if=raw.get("show_if"),
                questions=tuple(built),
            )
        )

    # Conditions may only look back: answers flow forward through the wizard.
    known: set[str] = set()
    for section in sections:
        name = next((raw_by_id[q.id][0] for q in section.questions), section.id)
        if section.show_if is not None:
            problems += [Problem(name, "", f"section show_if: {m}")
                         for m in _check_condition(section.show_if, known, questions)]
        for q in section.questions:
            if q.show_if is not None:
                problems += [Problem(name, q.id, m) for m in _check_condition(q.show_if, known, questions)]
            for o in q.options:
                if o.show_if is not None:
                    problems += [Problem(name, q.id, f"option {o.value}: {m}")
                                 for m in _check_condition(o.show_if, known, questions)]
            known.add(q.id)
    if problems:
        raise BankError(problems)
    return Bank(version=head["version"], title=Text.of(head["title"]), sections=tuple(sections),
                questions=questions)


@cache
def default_bank() -> Bank:
    return load_bank()
