import pytest

from pia_wizard.core.conditions import MISSING, describe, evaluate, referenced_questions


def lookup_from(answers):
    return lambda q: answers.get(q, MISSING)


@pytest.mark.parametrize(
    ("cond", "answers", "expected"),
    [
        ({"q": "a", "eq": "yes"}, {"a": "yes"}, True),
        ({"q": "a", "eq": "yes"}, {"a": "no"}, False),
        ({"q": "a", "eq": "yes"}, {}, False),
        ({"q": "a", "ne": "yes"}, {}, True),  # unanswered: "not R&D only" holds until said otherwise
        ({"q": "a", "ne": "yes"}, {"a": "yes"}, False),
        ({"q": "a", "in": ["x", "y"]}, {"a": "y"}, True),
        ({"q": "a", "not_in": ["x"]}, {}, True),
        ({"q": "m", "contains": "x"}, {"m": ["x", "z"]}, True),
        ({"q": "m", "contains": "x"}, {"m": "x"}, False),  # only lists contain
        ({"q": "m", "contains_any": ["p", "z"]}, {"m": ["x", "z"]}, True),
        ({"q": "n", "gte": 100000}, {"n": 100000}, True),
        ({"q": "n", "gt": 100000}, {"n": 100000}, False),
        ({"q": "n", "lt": 5}, {"n": True}, False),  # booleans are not numbers
        ({"q": "n", "lte": 5}, {"n": "3"}, False),
        ({"q": "a", "answered": True}, {"a": "no"}, True),
        ({"q": "a", "answered": False}, {}, True),
        ({"all": [{"q": "a", "eq": "yes"}, {"q": "b", "eq": "no"}]}, {"a": "yes", "b": "no"}, True),
        ({"all": [{"q": "a", "eq": "yes"}, {"q": "b", "eq": "no"}]}, {"a": "yes"}, False),
        ({"any": [{"q": "a", "eq": "yes"}, {"q": "b", "eq": "no"}]}, {"b": "no"}, True),
        ({"not": {"q": "a", "eq": "yes"}}, {}, True),
        (None, {}, True),
    ],
)
def test_evaluate(cond, answers, expected):
    assert evaluate(cond, lookup_from(answers)) is expected


def test_referenced_questions_and_describe():
    cond = {"all": [{"q": "a", "eq": "yes"}, {"not": {"q": "b", "in": ["x"]}}]}
    assert referenced_questions(cond) == ["a", "b"]
    assert describe(cond, "en") == "a is yes and not (b is x)"
    assert describe(cond, "zh") == "a为yes 且 非（b为x）"


def test_describe_with_the_bank_uses_question_text_and_labels():
    from pia_wizard.core.bank import default_bank

    cond = {"q": "scope.public_place", "in": ["yes", "unknown"]}
    assert describe(cond, "zh", default_bank()).endswith("”为是、不确定")
    assert describe(cond, "en", default_bank()).endswith('" is Yes / Don\'t know')
