import copy
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from pia_wizard.core import bank as bank_module
from pia_wizard.core import conditions, fastschema
from pia_wizard.core.bank import BANK_SCHEMA, SECTION_SCHEMA, YESNO_VALUES, BankError, default_bank, load_bank
from pia_wizard.core.engine import _check_findings
from pia_wizard.core.obligations import catalogue, decidable
from pia_wizard.core.rules import Context, load_all
from pia_wizard.paths import asset

from .helpers import TODAY, make


def test_bank_loads_without_problems():
    bank = load_bank()
    assert bank.version
    assert len(bank.sections) >= 14
    assert len(bank.questions) > 100


def test_every_gate_and_ask_obligation_is_asked_by_a_question():
    cited = default_bank().cited()
    missing = sorted(o.id for o in decidable() if o.id not in cited)
    assert missing == []
    assert len(decidable()) == 114


def test_every_gate_and_ask_obligation_is_decided_by_a_rule_or_check():
    decided = {oid for r in load_all().values() for oid in r.obligations}
    decided |= {oid for q in default_bank() if q.check for oid in q.check.obligations}
    missing = sorted(o.id for o in decidable() if o.id not in decided)
    assert missing == []


def test_every_cited_and_declared_obligation_exists():
    known = set(catalogue())
    cited = {oid for q in default_bank() for oid in q.cites}
    declared = {oid for r in load_all().values() for oid in r.obligations}
    assert cited - known == set()
    assert declared - known == set()


def test_no_placeholder_sections_left():
    assert not [q.id for q in default_bank() if q.id.endswith(".placeholder")]


def test_rules_only_read_questions_that_exist():
    """A rule asking for a misspelt question ID raises KeyError in Context.answer; run every rule on an
    assessment where every question is visible and answered with something of the right shape."""
    bank = default_bank()
    answers = {}
    for q in bank:
        sample = {"yesno": "no", "single": q.option_values()[0] if q.options else None,
                  "multi": list(q.option_values()[:1]), "number": q.min if q.min is not None else 1,
                  "date": "2026-01-15", "text": "一段足够长的说明文字，用于测试规则是否只读取存在的问题。",
                  "rows": []}[q.type]
        answers[q.id] = sample
    ctx = Context(bank, make({}), TODAY, {q.id: True for q in bank})
    ctx.answers = answers
    for r in load_all().values():
        ctx.rule_id = r.id
        list(r.func(ctx) or ())


def _checked_questions():
    return [q for q in default_bank() if q.check]


@pytest.mark.parametrize("question", _checked_questions(), ids=lambda q: q.id)
def test_data_check_maps_each_answer_to_its_verdict(question):
    bank = default_bank()
    for value in question.option_values():
        ctx = Context(bank, make({}), TODAY, {q.id: True for q in bank})
        ctx.answers = {question.id: value}
        found = _check_findings(ctx, question)
        expected = question.check.verdicts.get(value)
        if expected is None:
            assert value == "unknown"
            worst = {question.check.verdicts[v] for v in question.check.verdicts}
            expected = "gap" if worst & {"gap", "prohibited"} else "advisory"
        assert [f.verdict for f in found] == [expected] * len(question.check.obligations)
        assert {f.obligation for f in found} == set(question.check.obligations)
        for f in found:
            assert f.explanation.zh.strip() and f.explanation.en.strip()
            if expected not in ("compliant", "not_applicable"):
                assert f.action is not None and f.action.zh.strip() and f.action.en.strip()


def test_checks_only_on_questions_with_fixed_values():
    for q in _checked_questions():
        assert q.type in ("yesno", "single")
        values = YESNO_VALUES if q.type == "yesno" else q.option_values()
        assert set(q.check.verdicts) <= set(values)


def test_every_question_has_both_languages_and_help():
    for q in default_bank():
        assert q.text.zh.strip() and q.text.en.strip(), q.id
        assert q.help.zh.strip() and q.help.en.strip(), q.id
        # Chinese text really is Chinese.
        assert any("\u4e00" <= ch <= "\u9fff" for ch in q.text.zh), q.id


def test_show_if_only_refers_backwards():
    seen: set[str] = set()
    for section in default_bank().sections:
        for ref in conditions.referenced_questions(section.show_if):
            assert ref in seen, (section.id, ref)
        for q in section.questions:
            for ref in conditions.referenced_questions(q.show_if):
                assert ref in seen, (q.id, ref)
            seen.add(q.id)


# ---- the loader reports every problem at once, naming file, question and problem ----------------------

@pytest.fixture
def bank_copy(tmp_path: Path) -> Path:
    dst = tmp_path / "questionnaire"
    shutil.copytree(asset("questionnaire"), dst)
    return dst


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_loader_reports_all_problems_with_file_and_question(bank_copy):
    scope = bank_copy / "sections" / "01-scope.yaml"
    _edit(scope, "cites: [FRM-02-SCOPE]", "cites: [FRM-99-NOPE]")
    _edit(scope, "id: scope.rnd_only", "id: scope.in_prc")
    _edit(scope, "verdicts: {no: compliant, yes: prohibited}", "verdicts: {no: compliant}")
    multi = "    type: multi\n    cites: [PIPL-28-SENSITIVE-PI]"
    _edit(scope, multi, multi + '\n    show_if: {q: scope.started, eq: "yes"}')
    with pytest.raises(BankError) as info:
        load_bank(bank_copy)
    text = [str(p) for p in info.value.problems]
    assert any("01-scope.yaml: scope.in_prc: cites unknown obligation FRM-99-NOPE" in t for t in text), text
    assert any("duplicate question id" in t for t in text), text
    assert any("scope.private_space" in t and "no verdict for ['yes']" in t for t in text), text
    assert any("scope.data_subjects" in t and "not a question asked earlier" in t for t in text), text
    assert len(text) >= 4


def test_loader_reports_yaml_syntax_and_schema_errors(bank_copy):
    (bank_copy / "sections" / "02-purpose.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    scope = bank_copy / "sections" / "01-scope.yaml"
    _edit(scope, "type: yesno", "type: maybe")
    with pytest.raises(BankError) as info:
        load_bank(bank_copy)
    text = "\n".join(str(p) for p in info.value.problems)
    assert "02-purpose.yaml: not valid YAML" in text
    assert "01-scope.yaml: scope.in_prc: type: 'maybe' is not one of" in text


def test_yes_and_no_stay_strings_in_the_bank():
    q = default_bank().question("scope.private_space")
    assert q.check.verdicts == {"no": "compliant", "yes": "prohibited"}


# ---- fast loading: libyaml parses, a strict pre-check stands in for jsonschema on a valid bank -----------

LOADERS = [bank_module._BankLoader, getattr(bank_module, "_BankCLoader", None)]


@pytest.mark.parametrize("loader", LOADERS, ids=["pure", "libyaml"])
def test_both_yaml_parsers_read_yaml_1_2_booleans(loader):
    assert loader is not None, "PyYAML without libyaml: the bank loads ten times slower"
    text = "a: yes\nb: no\nc: on\nd: true\ne: False\nf: 2026-01-15\ng: 1.5\nh: ~\n"
    assert yaml.load(text, Loader=loader) == {"a": "yes", "b": "no", "c": "on", "d": True, "e": False,
                                              "f": date(2026, 1, 15), "g": 1.5, "h": None}


YAML_FEATURES = {
    "aliases": "a: &x {b: [1, 2]}\nc: *x\nd: &s text\ne: *s\n",
    "merge key": "base: &b {x: 1}\nd:\n  <<: *b\n  y: 2\n",
    "non-string keys": "1: one\n2026-01-15: date\nnull: n\n",
    "recursive alias": "a: &x [1, *x]\n",
    "set and omap": "s: !!set {a, b}\no: !!omap [{a: 1}, {b: 2}]\n",
    "scalars": "a: 1\na: 2\nb: [2026-01-15, ~, 1.5, 0x10, .inf, 'q', !!str 3, !!binary aGk=]\n",
}


@pytest.mark.parametrize("text", YAML_FEATURES.values(), ids=YAML_FEATURES)
def test_the_libyaml_loader_builds_what_the_pure_one_does(text):
    fast = yaml.load(text, Loader=LOADERS[1])
    pure = yaml.load(text, Loader=bank_module._BankLoader)
    assert repr(fast) == repr(pure)
    if "c" in pure:
        assert fast["a"] is fast["c"]  # an alias is the anchor's object, as SafeConstructor builds it


def test_libyaml_and_the_pure_parser_build_equal_banks(monkeypatch):
    assert bank_module._LOADER is getattr(bank_module, "_BankCLoader", None), "load_bank is not using libyaml"
    fast = load_bank()
    monkeypatch.setattr(bank_module, "_LOADER", bank_module._BankLoader)
    pure = load_bank()
    assert fast is not pure  # Bank compares by identity: compare what it holds
    assert (fast.version, fast.title, fast.sections) == (pure.version, pure.title, pure.sections)
    assert list(fast.questions.items()) == list(pure.questions.items())


def _raw(name: str) -> dict:
    path = asset("questionnaire", *(["sections"] if name != "bank.yaml" else []), name)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=bank_module._BankLoader)


def test_the_shipped_bank_passes_the_full_schema():
    """load_bank skips jsonschema when the strict pre-check passes; here jsonschema itself checks every file."""
    head = _raw("bank.yaml")
    assert [e.message for e in Draft202012Validator(BANK_SCHEMA).iter_errors(head)] == []
    assert fastschema.conforms(BANK_SCHEMA, head)
    for name in head["sections"]:
        raw = _raw(name)
        assert [e.message for e in Draft202012Validator(SECTION_SCHEMA).iter_errors(raw)] == [], name
        assert fastschema.conforms(SECTION_SCHEMA, raw), name


def _q(section: dict, n: int = 0) -> dict:
    return section["questions"][n]


BREAKAGES = {
    "unknown type": lambda s: _q(s).update(type="maybe"),
    "required as a string": lambda s: _q(s).update(required="yes"),
    "cites as a string": lambda s: _q(s).update(cites="FRM-02-SCOPE"),
    "unknown key": lambda s: _q(s).update(colour="red"),
    "missing help": lambda s: _q(s).pop("help"),
    "id pattern": lambda s: _q(s).update(id="Scope.In-PRC"),
    "id as a YAML date": lambda s: _q(s).update(id=date(2026, 1, 1)),
    "empty Chinese text": lambda s: _q(s)["text"].update(zh=""),
    "a third language": lambda s: _q(s)["text"].update(fr="x"),
    "min as a boolean": lambda s: _q(s).update(min=True),
    "min as a string": lambda s: _q(s).update(min="1e3"),
    "negative min_length": lambda s: _q(s).update(min_length=-1),
    "fractional min_rows": lambda s: _q(s).update(min_rows=1.5),
    "empty show_if": lambda s: _q(s).update(show_if={}),
    "show_if as a string": lambda s: _q(s).update(show_if="scope.in_prc"),
    "empty options": lambda s: _q(s, 2).update(options=[]),
    "option value pattern": lambda s: _q(s, 2)["options"][0].update(value="Hotel Lobby"),
    "option without label": lambda s: _q(s, 2)["options"][0].pop("label"),
    "unknown verdict": lambda s: _q(s)["check"]["verdicts"].update(yes="fine"),
    "verdict as a number": lambda s: _q(s)["check"]["verdicts"].update(yes=1),
    "empty verdicts": lambda s: _q(s)["check"].update(verdicts={}),
    "check without action": lambda s: _q(s)["check"].pop("action"),
    "empty check obligations": lambda s: _q(s)["check"].update(obligations=[]),
    "column without label": lambda s: _q(s).update(columns=[{"id": "c", "type": "text"}]),
    "column type": lambda s: _q(s).update(columns=[{"id": "c", "type": "rows", "label": {"zh": "列", "en": "c"}}]),
    "no questions": lambda s: s.update(questions=[]),
    "questions as a mapping": lambda s: s.update(questions={"a": 1}),
    "section id as a number": lambda s: s.update(id=3),
    "intro without English": lambda s: s["intro"].pop("en"),
    "law as a list": lambda s: s.update(law=["PIPL"]),
    "non-string key": lambda s: s.update({1: "x"}),
}


@pytest.mark.parametrize("name", BREAKAGES)
def test_the_pre_check_never_passes_what_jsonschema_rejects(name):
    section = copy.deepcopy(_raw("01-scope.yaml"))
    BREAKAGES[name](section)
    assert list(Draft202012Validator(SECTION_SCHEMA).iter_errors(section)), "the breakage breaks nothing"
    assert not fastschema.conforms(SECTION_SCHEMA, section)


@pytest.mark.parametrize("loader", LOADERS, ids=["pure", "libyaml"])
def test_a_broken_bank_is_reported_in_full_with_either_parser(bank_copy, monkeypatch, loader):
    monkeypatch.setattr(bank_module, "_LOADER", loader)
    scope = bank_copy / "sections" / "01-scope.yaml"
    _edit(scope, "cites: [FRM-02-SCOPE]", "colour: red\n    cites: [FRM-02-SCOPE]")
    _edit(scope, "verdicts: {yes: compliant, no: not_applicable}", "verdicts: {yes: compliant, no: fine}")
    _edit(bank_copy / "sections" / "09-security.yaml", "  en: ", "  fr: x\n  en: ")
    _edit(bank_copy / "bank.yaml", 'version: "2026.12.1"', 'version: "2026.12.1"\nlocale: zh')
    with pytest.raises(BankError) as info:
        load_bank(bank_copy)
    assert [str(p) for p in info.value.problems] == [
        "bank.yaml: Additional properties are not allowed ('locale' was unexpected)"]
    _edit(bank_copy / "bank.yaml", "\nlocale: zh", "")
    with pytest.raises(BankError) as info:
        load_bank(bank_copy)
    text = [str(p) for p in info.value.problems]
    assert "01-scope.yaml: scope.in_prc: Additional properties are not allowed ('colour' was unexpected)" in text
    assert ("01-scope.yaml: scope.in_prc: check.verdicts.no: 'fine' is not one of "
            "['prohibited', 'gap', 'advisory', 'compliant', 'not_applicable']") in text
    assert any(t.startswith("09-security.yaml: title: Additional properties are not allowed ('fr'") for t in text), text
