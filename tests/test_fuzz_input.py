"""Thousands of malformed and mutated assessment files: `check` exits 0/1 for valid ones and 2 with one
line for the rest. Never a traceback."""

import contextlib
import io
import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pia_wizard.cli import main
from pia_wizard.core.assessment import AssessmentError, parse
from pia_wizard.core.bank import YESNO_VALUES, default_bank
from pia_wizard.core.schema import FORMAT_VERSION
from tests.conftest import examples

SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                       HealthCheck.function_scoped_fixture])

json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text()
json_values = st.recursive(json_scalars, lambda kids: st.lists(kids, max_size=4)
                           | st.dictionaries(st.text(max_size=12), kids, max_size=4), max_leaves=12)


def _value(kind: str, options: tuple, q=None):
    values = [o.value for o in options]
    if kind == "yesno":
        return st.sampled_from(YESNO_VALUES)
    if kind == "single":
        return st.sampled_from(values)
    if kind == "multi":
        return st.lists(st.sampled_from(values), unique=True, max_size=len(values))
    if kind == "number":
        lo = int(q.min) if q is not None and q.min is not None else -10**6
        hi = int(q.max) if q is not None and q.max is not None else 10**7
        return st.integers(min_value=lo, max_value=hi)
    if kind == "date":
        return st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)).map(date.isoformat)
    return st.text(max_size=60)


def _answer(q):
    if q.type == "rows":
        row = st.fixed_dictionaries({c.id: _value(c.type, c.options) for c in q.columns})
        return st.lists(row, max_size=2)
    return _value(q.type, q.options, q)


@st.composite
def valid_assessments(draw):
    bank = default_bank()
    chosen = draw(st.lists(st.sampled_from(list(bank.questions)), unique=True, max_size=len(bank.questions)))
    answers = {qid: draw(_answer(bank.question(qid))) for qid in chosen}
    return {
        "format_version": FORMAT_VERSION,
        "bank_version": bank.version,
        "title": draw(st.text(max_size=30)),
        "processor": {"name": draw(st.text(min_size=1, max_size=20).filter(str.strip))},
        "system": {"name": "系统"},
        "answers": answers,
    }


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*prefix, i))


@st.composite
def mutated_assessments(draw):
    doc = draw(valid_assessments())
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(doc) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        op = draw(st.sampled_from(["delete", "replace", "insert", "wrap"]))
        key = path[-1]
        if op == "delete":
            del parent[key]
        elif op == "replace":
            parent[key] = draw(json_values)
        elif op == "insert" and isinstance(parent, dict):
            parent[draw(st.text(max_size=20))] = draw(json_values)
        elif op == "wrap":
            parent[key] = [parent[key]]
    return doc


def run(tmp_path, raw: bytes) -> tuple[int, str, str]:
    p = tmp_path / "fuzz.json"
    p.write_bytes(raw)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", str(p), "--format", "json"])
    return code, out.getvalue(), err.getvalue()


def assert_contract(raw: bytes, code: int, out: str, err: str) -> None:
    assert "Traceback" not in err
    if code == 2:
        assert out == ""
        assert err.startswith("pia-wizard: ") and err.endswith("\n") and err.count("\n") == 1, err
        try:
            parse(raw)
        except AssessmentError:
            pass
        else:
            raise AssertionError(f"valid input refused: {err}")
    else:
        assert code in (0, 1), (code, err)
        parse(raw)  # must really be valid
        result = json.loads(out)
        assert (code == 1) == any(f["verdict"] == "prohibited" for f in result["findings"])


@settings(max_examples=examples(1500), **SETTINGS)
@given(doc=mutated_assessments())
def test_mutated_assessments(tmp_path, doc):
    raw = json.dumps(doc, ensure_ascii=False).encode("utf-8", "surrogatepass")
    assert_contract(raw, *run(tmp_path, raw))


@settings(max_examples=examples(400), **SETTINGS)
@given(doc=valid_assessments())
def test_valid_assessments_are_accepted(tmp_path, doc):
    raw = json.dumps(doc, ensure_ascii=False).encode("utf-8", "surrogatepass")
    code, out, err = run(tmp_path, raw)
    if any("\ud800" <= ch <= "\udfff" for ch in raw.decode("utf-8", "surrogatepass")):
        assert code == 2
    else:
        assert code in (0, 1), err
    assert_contract(raw, code, out, err)


@settings(max_examples=examples(600), **SETTINGS)
@given(value=json_values)
def test_arbitrary_json(tmp_path, value):
    raw = json.dumps(value).encode()
    code, out, err = run(tmp_path, raw)
    assert code == 2
    assert_contract(raw, code, out, err)


@settings(max_examples=examples(500), **SETTINGS)
@given(doc=valid_assessments(), cut=st.integers(min_value=0), junk=st.binary(max_size=8))
def test_corrupted_bytes(tmp_path, doc, cut, junk):
    raw = json.dumps(doc, ensure_ascii=False).encode("utf-8", "surrogatepass")
    pos = cut % (len(raw) + 1)
    corrupted = raw[:pos] + junk + raw[pos + len(junk):]
    assert_contract(corrupted, *run(tmp_path, corrupted))
