"""fastschema, the fast stand-in for jsonschema on valid files: it never passes what jsonschema rejects, valid files
take it (and so never import jsonschema), and the messages for a broken file are jsonschema's, as before."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker, ValidationError

from pia_wizard.core import assessment, fastschema, risk
from pia_wizard.core.assessment import AssessmentError
from pia_wizard.core.bank import default_bank
from pia_wizard.core.schema import FORMAT_VERSION, assessment_schema
from pia_wizard.paths import asset
from tests.conftest import examples
from tests.test_fuzz_input import mutated_assessments, valid_assessments

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "examples").glob("*.json"))
SCHEMA = assessment_schema(default_bank())
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=FormatChecker())


def _errors(data: Any, schema: Any = None) -> list[str]:
    validator = VALIDATOR if schema is None else Draft202012Validator(schema, format_checker=FormatChecker())
    return [e.message for e in validator.iter_errors(data)]


def _problems_before(errors: list[ValidationError], data: dict) -> list[str]:
    """What validate() reported before the fast check: jsonschema on every file, then the risk checks."""
    errors = sorted(errors, key=lambda e: [str(p) for p in e.absolute_path])
    return [assessment._message(e) for e in errors] or risk.validate_risks(data)


def _problems_now(data: dict) -> list[str]:
    try:
        assessment.validate(data, default_bank())
    except AssessmentError as exc:
        return exc.problems
    return []


# ---- the shipped examples take the fast path -----------------------------------------------------------------

def test_there_are_four_examples():
    assert len(EXAMPLES) == 4


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_examples_conform_for_both(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert _errors(data) == []
    assert fastschema.conforms(SCHEMA, data)
    assert _problems_now(data) == []


def _keywords(schema: Any) -> set[str]:
    if not isinstance(schema, dict):
        return set()
    found = set(schema)
    for key, arg in schema.items():
        if key == "properties":
            found |= {k for sub in arg.values() for k in _keywords(sub)}
        elif key in ("items", "additionalProperties"):
            found |= _keywords(arg)
        elif key == "anyOf":
            found |= {k for sub in arg for k in _keywords(sub)}
    return found


def test_the_assessment_schema_uses_only_keywords_the_fast_check_knows():
    """A keyword the fast check does not know sends every file to jsonschema: correct, but 100 ms slower."""
    assert _keywords(SCHEMA) - set(fastschema.KEYWORDS) == set()
    assert SCHEMA["$schema"] == fastschema.DRAFT_2020_12


CHILD = """
import sys
from pia_wizard.core.assessment import AssessmentError, parse
try:
    parse(open(sys.argv[1], "rb").read())
    outcome = "valid"
except AssessmentError as exc:
    outcome = exc.problems[0]
print(outcome)
print("jsonschema" in sys.modules)
"""


def _child(path: Path) -> tuple[str, bool]:
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True,
                          cwd=REPO)
    outcome, imported = done.stdout.splitlines()
    return outcome, imported == "True"


def test_a_valid_file_is_parsed_without_importing_jsonschema(tmp_path):
    assert _child(REPO / "examples" / "hotel-checkin.json") == ("valid", False)
    # and the child would see the import: a broken file needs jsonschema to say what is wrong
    data = json.loads((REPO / "examples" / "hotel-checkin.json").read_text(encoding="utf-8"))
    data["processor"]["colour"] = "red"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    assert _child(broken) == ('processor: unknown field "colour"', True)


# ---- mutated examples: the fast check never passes what jsonschema rejects, and the messages stay the same -----

TEXTS = [json.loads(p.read_text(encoding="utf-8")) for p in EXAMPLES]

_LENGTHS = (0, 1, 2, 99, 100, 101, 1_999, 2_000, 2_001, 1_000_000, 1_000_001)
long_strings = st.builds(lambda n, ch: ch * n, st.sampled_from(_LENGTHS), st.sampled_from([" ", "a", "中", "😀", "\n"]))
BAD_DATES = [
    "2026-02-30", "2026-02-29", "2024-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "2026-01-15\n", " 2026-01-15",
    "２０２６-01-15", "٢٠٢٦-٠١-١٥", "20260115", "2026-W03-4", "2026-01-15T00:00", "2026-01-15Z", "0000-01-01",
    "9999-12-31", "2026-01-15",
]
bad_dates = st.sampled_from(BAD_DATES)
odd_numbers = st.sampled_from([
    -1, 0, 1, 1.0, 1.5, True, False, 1999, 2000, 2026, 2026.0, 2200, 2201, 1_000_000, 1_000_001, 10**30, -0.0,
    math.inf, -math.inf, math.nan, "1",
])
json_scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20)
                | long_strings | bad_dates | odd_numbers)
json_values = st.recursive(json_scalars, lambda kids: st.lists(kids, max_size=4)
                           | st.dictionaries(st.text(max_size=12), kids, max_size=4), max_leaves=10)
# Optional top-level fields the examples leave out, valid and broken.
GRAFTS = {
    "calendar_complete_years": [[2026], [2026, 2027], [2026, 2026], [2026, 2026.0], [2026.0], [True, 1], [1999],
                                [2201], ["2026"], []],
    "calendar_overrides": [[{"date": "2026-02-17", "kind": "holiday"}], [{"date": "2026-02-30", "kind": "holiday"}],
                           [{"date": "2026-02-17", "kind": "holiday", "note": "x" * 2001}],
                           [{"date": "2026-02-17"}], [{"date": "2026-02-17\n", "kind": "workday"}]],
    "approval": [{"opinion": "approve", "date": "2026-02-28"}, {"date": "2026-02-29"}, {"attestations": {"x": True}},
                 {"approver": {"name": "王"}}, {"approver": {"name": 1}}, {"reasons": None}],
    "format_version": [FORMAT_VERSION, True, 1.0, "1", 0],
    "language": ["zh", "en", "fr", None],
}


def _paths(node: Any, here: tuple = ()) -> list[tuple]:
    out = [here]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*here, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*here, i))
    return out


def _get(node: Any, path: tuple) -> Any:
    for p in path:
        node = node[p]
    return node


def _branch(schema: dict) -> dict:
    """The non-null branch of a null-or-X anyOf."""
    return next((b for b in schema["anyOf"] if b != {"type": "null"}), {}) if "anyOf" in schema else schema


def _schema_at(path: tuple) -> dict:
    schema = SCHEMA
    for step in path:
        schema = _branch(schema)
        if isinstance(step, int):
            schema = schema.get("items", {})
        else:
            extra = schema.get("additionalProperties")
            schema = schema.get("properties", {}).get(step, extra if isinstance(extra, dict) else {})
    return _branch(schema)


def _copy(value: Any) -> Any:
    return json.loads(json.dumps(value))


class _Text(tuple):
    """A string of ``n`` times ``ch``, built only when drawn (some limits are a million characters)."""

    def make(self) -> str:
        return self[0] * self[1]


def _made(value: Any) -> Any:
    if isinstance(value, _Text):
        return value.make()
    if isinstance(value, dict):
        return {k: _made(v) for k, v in value.items()}
    return _copy(value)


WRONG_TYPES = [None, True, 0, 1.5, "", [], {}]


def _edges(schema: dict, node: Any) -> list[Any]:
    """Values on both sides of each limit ``schema`` sets: one keyword kept or broken at a time."""
    out: list[Any] = []
    for key in ("maxLength", "minLength"):
        if key in schema:
            n = schema[key]
            out += [_Text((ch, k)) for ch in ("a", "😀", " ", "\n") for k in (max(n - 1, 0), n, n + 1)]
    if "pattern" in schema:
        out += [" ", "\t\u3000", "x\n", "2026-01-15", "2026-01-15\n", "2026-1-15", "１", "2026.11.3", "2026.11.3\n"]
    if "format" in schema:
        out += BAD_DATES
    for key, step in (("minimum", -1), ("maximum", 1)):
        if key in schema:
            m = schema[key]
            out += [m, m + step, m + step / 2, float(m), m - step, True, False]
    if "enum" in schema:
        enum = schema["enum"]
        out += enum + [e.upper() for e in enum if isinstance(e, str)] + [e + " " for e in enum if isinstance(e, str)]
    if "const" in schema:
        out += [schema["const"], True, float(schema["const"]), str(schema["const"])]
    if schema.get("type") == "array" or "items" in schema:
        items = _branch(schema.get("items", {}))
        pool = items.get("enum") or (node if isinstance(node, list) and node else [None, "x", 2026])
        out += [pool[:1] * 2, pool[:3], pool[::-1], [*pool[:2], pool[0]]]
        if isinstance(node, list) and node:
            out += [node[1:], [*node, node[-1]]]
            for n in ((schema["maxItems"], schema["maxItems"] + 1) if "maxItems" in schema else ()):
                out.append([node[i % len(node)] for i in range(n)])
    if isinstance(node, dict):
        for key in schema.get("required", []):
            if key in node:
                out.append({k: v for k, v in node.items() if k != key})
        out += [{**node, "colour": "red"}, {**node, "": None}]
        props = schema.get("properties", {})
        for key in list(props)[:12]:
            for edge in _edges(_branch(props[key]), node.get(key))[::3]:
                out.append({**node, key: edge})
    return out or WRONG_TYPES


LIMITS = {"const", "enum", "format", "maxItems", "maxLength", "maximum", "minLength", "minimum", "pattern", "required",
          "uniqueItems", "additionalProperties"}


@st.composite
def mutated(draw) -> dict:
    data = _copy(draw(st.sampled_from(TEXTS)))
    for _ in range(draw(st.sampled_from([1, 1, 2]))):
        # A keyword first, then a place its schema has it: the answers would otherwise draw nearly every path.
        groups: dict[str, list[tuple]] = {"(anywhere)": _paths(data)}
        for where in groups["(anywhere)"]:
            for key in _schema_at(where).keys() & LIMITS:
                groups.setdefault(key, []).append(where)
        path = draw(st.sampled_from(groups[draw(st.sampled_from(sorted(groups)))]))
        kind = draw(st.sampled_from(["edge", "edge", "edge", "edge", "edge", "wrong type", "replace", "extra", "drop",
                                     "graft"]))
        node = _get(data, path)
        if kind == "graft":
            key = draw(st.sampled_from(sorted(GRAFTS)))
            data[key] = _copy(draw(st.sampled_from(GRAFTS[key])))
        elif kind == "extra" and isinstance(node, dict):
            name = draw(st.sampled_from(["name", "level", "reason", "note", "zh"]) | st.text(max_size=8))
            node[name] = draw(json_values)
        elif kind == "drop" and isinstance(node, dict) and node:
            node.pop(draw(st.sampled_from(sorted(node))))
        elif path:  # the root stays an object: validate() reports anything else before the schema
            values = {"edge": st.sampled_from(_edges(_schema_at(path), node)).map(_made),
                      "wrong type": st.sampled_from(WRONG_TYPES).map(_copy)}.get(kind, json_values)
            _get(data, path[:-1])[path[-1]] = draw(values)
    return data


@settings(max_examples=examples(300), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.one_of(mutated(), mutated(), mutated_assessments()))
def test_the_fast_check_never_passes_what_jsonschema_rejects(data):
    errors = list(VALIDATOR.iter_errors(data))
    fast = fastschema.conforms(SCHEMA, data)
    event("fast check passes" if fast else "fast check falls back")
    if fast:
        assert [e.message for e in errors] == []
    fv = data.get("format_version")
    if isinstance(fv, int) and not isinstance(fv, bool) and fv > FORMAT_VERSION:
        return  # validate() stops before the schema
    # validate() lifts an older format first (assessment.migrate); the reference is the schema on what it lifts to
    lifted = assessment.migrate(data)
    if lifted is not data:
        errors = list(VALIDATOR.iter_errors(lifted))
    assert _problems_now(data) == _problems_before(errors, lifted)


@settings(max_examples=examples(100), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(valid_assessments())
def test_valid_generated_files_take_the_fast_path(data):
    assert [e.message for e in VALIDATOR.iter_errors(data)] == []
    assert fastschema.conforms(SCHEMA, data)


HARMLESS = {
    "a yes/no answer": lambda d: d["answers"].update({"scope.in_prc": "yes"}),
    "a short text": lambda d: d["system"].update(vendor="某公司"),
    "a longest short text": lambda d: d["processor"].update(contact="😀" * 2000),
    "a leap day": lambda d: d.update(assessment_date="2028-02-29"),
    "a null answer": lambda d: d["answers"].update({next(iter(d["answers"])): None}),
    "calendar data": lambda d: d.update(calendar_complete_years=[2026, 2027],
                                        calendar_overrides=[{"date": "2026-02-17", "kind": "holiday"}]),
}


@pytest.mark.parametrize("change", HARMLESS.values(), ids=HARMLESS)
def test_harmless_edits_keep_the_fast_path(change):
    data = json.loads(json.dumps(TEXTS[0]))
    change(data)
    assert _errors(data) == []
    assert fastschema.conforms(SCHEMA, data)


# ---- one keyword at a time: (schema, a value both accept, values jsonschema rejects) -----------------------------

KEYWORD_CASES: dict[str, tuple[dict, Any, list[Any]]] = {
    "type": ({"type": "integer"}, 3, [3.5, True, "3", None]),
    "enum": ({"enum": ["yes", "no", 1]}, "yes", ["Yes", True, "1", None, ["yes"]]),
    "const": ({"const": 1}, 1, [True, "1", 2, None]),
    "anyOf": ({"anyOf": [{"type": "null"}, {"type": "string", "maxLength": 2}]}, None, ["abc", 1, False]),
    "properties": ({"properties": {"a": {"type": "string"}}}, {"a": "x", "b": 1}, [{"a": 1}, {"a": None}]),
    "additionalProperties": ({"properties": {"a": {}}, "additionalProperties": False}, {"a": 1},
                             [{"a": 1, "b": 2}, {"b": None}]),
    "required": ({"required": ["a", "b"]}, {"a": 1, "b": None}, [{"a": 1}, {}]),
    "minProperties": ({"minProperties": 1}, {"a": 1}, [{}]),
    "items": ({"items": {"type": "string"}}, ["a", "b"], [["a", 1], [None]]),
    "minItems": ({"minItems": 1}, [0], [[]]),
    "maxItems": ({"maxItems": 2}, [1, 2], [[1, 2, 3]]),
    "uniqueItems": ({"uniqueItems": True}, ["a", 1, True, None, 1.5],
                    [["a", "a"], [1, 1.0], [True, True], [None, None], [[1], [1]], [{"a": 1}, {"a": 1}]]),
    "minLength": ({"minLength": 2}, "😀😀", ["😀", "", "a"]),
    "maxLength": ({"maxLength": 2}, "😀中", ["😀😀😀", "abc", "中文字"]),
    "pattern": ({"pattern": r"^\d{4}-\d{2}-\d{2}$"}, "2026-01-15", ["2026-1-15", "x2026-01-15", "2026-01-15x"]),
    "format": ({"format": "date"}, "2026-01-15",
               ["2026-02-30", "2026-13-01", "２０２６-01-15", "2026-01-15\n", "20260115", "2026-W03-4"]),
    "minimum": ({"minimum": 0}, 0, [-1, -0.5, -math.inf]),
    "maximum": ({"maximum": 10}, 10.0, [11, 10.5, math.inf]),
}


@pytest.mark.parametrize("keyword", KEYWORD_CASES)
def test_each_keyword_rejects_what_jsonschema_rejects(keyword):
    schema, good, bad = KEYWORD_CASES[keyword]
    assert _errors(good, schema) == [] and fastschema.conforms(schema, good)
    for value in bad:
        assert _errors(value, schema), f"jsonschema accepts {value!r}: not a rejection case"
        assert not fastschema.conforms(schema, value), value


def test_every_checking_keyword_has_a_case():
    checking = set(fastschema.KEYWORDS) - set(fastschema.ANNOTATIONS) - {"$schema", "$id"}
    assert checking == set(KEYWORD_CASES)


@pytest.mark.parametrize("keyword", ["minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems",
                                     "pattern", "format", "items", "properties", "required", "uniqueItems"])
def test_a_keyword_ignores_values_it_does_not_apply_to(keyword):
    schema = {keyword: KEYWORD_CASES[keyword][0][keyword]}
    for value in (None, True, "text", 5, [1], {"a": 1}):
        if not _errors(value, schema):
            assert fastschema.conforms(schema, value), value


def test_annotations_are_ignored_and_unknown_keywords_fall_back():
    annotated = {"$schema": fastschema.DRAFT_2020_12, "$id": "urn:x", "title": "t", "description": "d",
                 "x-cites": ["PIPL-13"], "type": "string"}
    assert fastschema.conforms(annotated, "x") and _errors("x", annotated) == []
    for schema, value in (({"not": {"type": "string"}}, 4), ({"$ref": "#"}, 4), ({"type": ["string", "null"]}, "x"),
                          ({"format": "email"}, "a@b.cn"), ({"$schema": "http://json-schema.org/draft-07/schema#"}, 4),
                          ({"items": True}, [4]), ({"multipleOf": 2}, 4), ({"enum": [[1]]}, [1])):
        assert not fastschema.conforms(schema, value), schema
    assert not fastschema.conforms(True, 4)  # a boolean schema: jsonschema's business


def test_integers_are_python_ints_only():
    """jsonschema's Draft 2020-12 takes 3.0 as an integer; the fast check says no and jsonschema then finds nothing."""
    schema = {"type": "integer"}
    assert _errors(3.0, schema) == [] and not fastschema.conforms(schema, 3.0)


# ---- the risk method's labels: libyaml with safe_load's rules -----------------------------------------------------

def test_the_labels_loader_reads_what_safe_load_reads():
    text = asset("risk_method.yaml").read_text(encoding="utf-8")
    assert risk._LABELS_LOADER is getattr(yaml, "CSafeLoader", None), "PyYAML without libyaml: labels load slower"
    assert yaml.load(text, Loader=risk._LABELS_LOADER) == yaml.safe_load(text)
    sample = "a: yes\nb: no\nc: on\nd: 2026-01-15\ne: 1.5\nf: ~\ng: [1, '2']\n"
    assert repr(yaml.load(sample, Loader=risk._LABELS_LOADER)) == repr(yaml.safe_load(sample))


def test_a_format_1_file_is_judged_after_it_is_lifted_to_the_current_format():
    """The case Hypothesis found: format 1 is read (migrated), so validate() reports nothing for it."""
    data = {"format_version": 1, "bank_version": default_bank().version, "title": "", "processor": {"name": "0"},
            "system": {"name": "系统"}, "answers": {}}
    assert [e.message for e in VALIDATOR.iter_errors(data)] != []  # the raw file is not format 2...
    assert _problems_now(data) == []  # ...but it is a valid older file
    assert _problems_now({**data, "format_version": 0}) != []  # no format 0 to lift from
