import json

import pytest

from pia_wizard.core.assessment import MAX_FILE_BYTES, Assessment, AssessmentError, parse
from pia_wizard.core.bank import default_bank
from pia_wizard.core.risk import MATRIX_ID
from pia_wizard.core.schema import FORMAT_VERSION


def base(**answers):
    return {
        "format_version": FORMAT_VERSION,
        "bank_version": default_bank().version,
        "title": "大堂入住核验",
        "processor": {"name": "某酒店管理有限公司", "contact": "dpo@example.cn"},
        "system": {"name": "入住核验终端"},
        "sites": [{"name": "北京王府井店", "devices": 2}],
        "answers": dict(answers),
    }


def problems(data) -> list[str]:
    with pytest.raises(AssessmentError) as info:
        parse(json.dumps(data, ensure_ascii=False).encode())
    return info.value.problems


def test_round_trip_is_exact():
    data = base(**{"scope.in_prc": "yes", "scope.description": "住客在前台终端进行1:1人证比对。"})
    data["risks"] = {"leak": {"inherent": {"impact": {"autonomy": {"level": "high", "reason": "泄露后可被冒用"}}}}}
    data["calendar_overrides"] = [{"date": "2027-02-08", "kind": "holiday", "note": "国务院办公厅通知"}]
    a = parse(json.dumps(data).encode())
    again = parse(a.to_json().encode())
    assert again == a
    assert json.loads(a.to_json()) == {**data, "id": a.id, "language": "zh", "assessor": {}, "dpo": {},
                                       "risk_acceptance": {"unacceptable_from": "high", "matrix_id": MATRIX_ID},
                                       "calendar_complete_years": []}


def test_defaults_are_not_shared_between_instances():
    a = Assessment(processor={"name": "a"}, system={"name": "b"})
    b = Assessment(processor={"name": "a"}, system={"name": "b"})
    a.answers["scope.in_prc"] = "yes"
    assert b.answers == {}
    assert a.id != b.id


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d.pop("processor"), "the file: missing required field processor"),
        (lambda d: d["processor"].update(name="  "), "processor.name: must not be empty"),
        (lambda d: d.update(format_version="1"), 'format_version: must be 2, got "1"'),
        (lambda d: d.update(format_version=7), "written by a newer pia-wizard (format 7)"),
        (lambda d: d["answers"].update({"scope.nope": "yes"}), 'answers: unknown question ID "scope.nope"'),
        (lambda d: d["answers"].update({"scope.in_prc": "maybe"}),
         'answers.scope.in_prc: "maybe" is not allowed; use one of "yes", "no", "unknown"'),
        (lambda d: d["answers"].update({"scope.in_prc": True}), "answers.scope.in_prc: true is not allowed"),
        (lambda d: d["answers"].update({"scope.data_subjects": ["employees", "employees"]}),
         "answers.scope.data_subjects: the list repeats a value"),
        (lambda d: d["answers"].update({"scope.description": 5}), "answers.scope.description: expected string"),
        (lambda d: d.update(assessment_date="2026-02-30"), "assessment_date: \"2026-02-30\" is not a valid date"),
        (lambda d: d.update(assessment_date="26/11/2026"), "assessment_date: \"26/11/2026\" has the wrong form"),
        (lambda d: d["sites"][0].update(devices=-1), "sites[0].devices: -1 is below the minimum 0"),
        (lambda d: d.update(extra=1), 'the file: unknown field "extra"'),
        (lambda d: d.update(risks={"leak": {"inherent": {"impact": {"autonomy": {"level": "huge"}}}}}),
         'risks.leak.inherent.impact.autonomy.level: "huge" is not allowed'),
        (lambda d: d.update(risks={"leak": {"inherent": {"impact_adjustments": [{"kind": "vulnerable"}]}}}),
         "risks.leak.inherent.impact_adjustments[0]: missing required field reason"),
    ],
)
def test_validation_names_the_field_and_the_problem(mutate, expected):
    data = base()
    mutate(data)
    found = problems(data)
    assert any(expected in p for p in found), found


def test_all_problems_are_reported_at_once():
    data = base(**{"scope.in_prc": "maybe", "scope.nope": 1})
    data.pop("system")
    assert len(problems(data)) == 3


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"{not json", "not valid JSON: Expecting property name"),
        (b"", "not valid JSON"),
        (b"[1, 2]", "the file must hold a JSON object, not list"),
        (b"\xff\xfe{", "the file is not UTF-8 text"),
        (b'{"a": 1, "a": 2}', 'the key "a" appears twice'),
        (b'{"format_version": NaN}', "NaN is not a valid JSON number"),
        (b"[" * 100000, "nested more than"),
        (b'{"x": "\\ud800"}', "lone surrogate"),
        (b'{"x": "a\x00b"}', "NUL"),
    ],
)
def test_malformed_files(raw, expected):
    with pytest.raises(AssessmentError) as info:
        parse(raw)
    assert expected in str(info.value)


def test_huge_text_is_refused_by_size_before_parsing():
    raw = json.dumps(base(**{"scope.description": "大" * (MAX_FILE_BYTES // 3 + 10)}), ensure_ascii=False).encode()
    with pytest.raises(AssessmentError) as info:
        parse(raw)
    assert "may be at most 8 MB" in str(info.value)


def test_long_text_within_limits_is_accepted_and_kept():
    text = "<script>alert(1)</script>{{ 7*7 }} مرحبا 👩‍💻 " + "x" * 500_000
    a = parse(json.dumps(base(**{"scope.description": text})).encode())
    assert a.answers["scope.description"] == text


def test_hidden_answers_are_kept():
    data = base(**{"scope.rnd_only": "yes"})
    a = parse(json.dumps(data).encode())
    assert a.answers == {"scope.rnd_only": "yes"}
