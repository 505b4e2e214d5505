import shutil
from pathlib import Path

import pytest

from pia_wizard.core import conditions
from pia_wizard.core.bank import YESNO_VALUES, BankError, default_bank, load_bank
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
    assert len(decidable()) == 111


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
