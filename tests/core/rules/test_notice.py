"""Notice rules: Measures Art. 5, PIPL Arts. 17 and 30, NDSR Art. 21, GB/T 35273 5.4 c)."""

from __future__ import annotations

import pytest

from tests.core.helpers import findings, run, verdicts

ALL_ITEMS = ["name_contact", "purpose_method", "categories", "retention", "expiry_handling", "necessity_impact",
             "rights", "withdrawal"]
GOOD = {
    "scope.in_prc": "yes",
    "scope.rnd_only": "no",
    "scope.elderly_disabled": "yes",
    "scope.third_parties": "no",
    "scope.cross_border": "no",
    "notice.timing": "before_capture",
    "notice.channels": ["device_screen", "signage"],
    "notice.plain_language": "yes",
    "notice.items": ALL_ITEMS,
    "notice.other_matters": "none_apply",
    "notice.separate": "yes",
    "notice.rules_published": "accessible",
    "notice.change_process": "proactive",
    "notice.accessibility": ["voice", "staff_help"],
}
ART5 = {
    "name_contact": "FRM-05-NOTICE-NAME",
    "purpose_method": "FRM-05-NOTICE-PURPOSE-METHOD",
    "retention": "FRM-05-NOTICE-RETENTION",
    "necessity_impact": "FRM-05-NOTICE-NECESSITY-IMPACT",
    "rights": "FRM-05-NOTICE-RIGHTS",
}
ALL_OBLIGATIONS = [*ART5.values(), "FRM-05-NOTICE-OTHER", "FRM-05-NOTICE-MANNER", "FRM-05-NOTICE-CHANGE",
                   "FRM-05-ACCESSIBILITY", "PIPL-17-NOTICE-ITEMS", "PIPL-17-NOTICE-CHANGE-AND-RULES",
                   "PIPL-30-EXTRA-NOTICE", "NDSR-21-RULES-CONTENT", "GBT35273-5.4C-SEPARATE-NOTICE"]


def with_(**changes):
    answers = dict(GOOD)
    for key, value in changes.items():
        answers[key.replace("__", ".")] = value
    return answers


def by_obligation(answers):
    out: dict[str, list[str]] = {}
    for f in run(answers).findings:
        out.setdefault(f.obligation, []).append(f.verdict)
    return out


def test_everything_compliant():
    got = by_obligation(GOOD)
    for ob in ALL_OBLIGATIONS:
        assert got[ob] == ["compliant"], ob


# --- Art. 5 items: one finding per missing item -----------------------------------------------------------


@pytest.mark.parametrize(("item", "obligation"), list(ART5.items()))
def test_each_missing_item_is_its_own_gap(item, obligation):
    answers = with_(notice__items=[i for i in ALL_ITEMS if i != item])
    got = by_obligation(answers)
    assert got[obligation] == ["gap"]
    for other in ART5.values():
        if other != obligation:
            assert got[other] == ["compliant"], other


def test_none_of_these_makes_every_item_a_gap():
    got = by_obligation(with_(notice__items=["none_of_these"]))
    assert [got[ob] for ob in ART5.values()] == [["gap"]] * 5
    assert got["PIPL-30-EXTRA-NOTICE"] == ["gap"]
    assert got["PIPL-17-NOTICE-ITEMS"] == ["gap"]
    assert got["NDSR-21-RULES-CONTENT"] == ["gap"]


def test_no_notice_at_all():
    got = by_obligation(with_(notice__timing="none", notice__items=[]))
    for ob in [*ART5.values(), "FRM-05-NOTICE-OTHER", "PIPL-30-EXTRA-NOTICE", "FRM-05-NOTICE-MANNER",
               "PIPL-17-NOTICE-ITEMS"]:
        assert got[ob] == ["gap"], ob
    assert got["GBT35273-5.4C-SEPARATE-NOTICE"] == ["advisory"]


def test_necessity_item_drives_pipl30():
    items = [i for i in ALL_ITEMS if i != "necessity_impact"]
    assert verdicts(with_(notice__items=items), "PIPL-30-EXTRA-NOTICE") == ["gap"]


def test_items_unanswered():
    got = {f.obligation: f.rule for f in run(with_(notice__items=None)).findings}
    assert got["FRM-05-NOTICE-NAME"] == "completeness"
    assert got["PIPL-30-EXTRA-NOTICE"] == "completeness"


# --- FRM-05-NOTICE-OTHER -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("changes", "expected"), [
    ({"notice__other_matters": "included"}, "compliant"),
    ({"notice__other_matters": "not_checked"}, "gap"),
    ({"scope__cross_border": "yes"}, "gap"),
    ({"scope__third_parties": "yes"}, "advisory"),
    ({"scope__third_parties": "yes", "notice__other_matters": "included"}, "compliant"),
])
def test_other_matters(changes, expected):
    assert verdicts(with_(**changes), "FRM-05-NOTICE-OTHER") == [expected]


@pytest.mark.parametrize(("recipients", "expected"), [
    (["entrusted"], "compliant"),
    (["recipient"], "advisory"),
    (["authority"], "advisory"),
    (["entrusted", "recipient", "authority"], "advisory"),
])
def test_other_matters_read_the_recipient_roles(recipients, expected):
    """Entrusted processing is not provision to others (PIPL Art. 21): no recipient notice is due for it. Only
    recipients and State organs make "no other matters apply" doubtful."""
    answers = with_(scope__third_parties="yes", **{"sharing.recipients": recipients})
    [f] = findings(answers, "FRM-05-NOTICE-OTHER")
    assert f.verdict == expected
    assert "sharing.recipients" in f.questions
    if expected == "compliant":
        assert "entrusted processors" in f.explanation.en
    else:
        assert ("Art. 23" in f.explanation.en) and ("State organs" in f.explanation.en) == ("authority" in recipients)
        assert ("provided to another processor" in f.explanation.en) == ("recipient" in recipients)


def test_other_matters_included_or_abroad_are_not_changed_by_the_roles():
    recipients = {"sharing.recipients": ["recipient"]}
    assert verdicts(with_(scope__third_parties="yes", notice__other_matters="included", **recipients),
                    "FRM-05-NOTICE-OTHER") == ["compliant"]
    # Entrusted only, but the data goes abroad: the cross-border gap stays.
    assert verdicts(with_(scope__third_parties="yes", scope__cross_border="yes",
                          **{"sharing.recipients": ["entrusted"]}), "FRM-05-NOTICE-OTHER") == ["gap"]
    # The roles question is hidden when no third party is involved: its stale answer is not read.
    assert verdicts(with_(scope__third_parties="no", **recipients), "FRM-05-NOTICE-OTHER") == ["compliant"]


# --- FRM-05-NOTICE-MANNER ----------------------------------------------------------------------------------


@pytest.mark.parametrize("changes", [
    {"notice__timing": "during_capture"},
    {"notice__timing": "after_capture"},
    {"notice__channels": ["website_only"]},
    {"notice__plain_language": "no"},
    {"notice__plain_language": "unknown"},
])
def test_manner_gaps(changes):
    assert verdicts(with_(**changes), "FRM-05-NOTICE-MANNER") == ["gap"]
    assert verdicts(with_(**changes), "PIPL-17-NOTICE-ITEMS") == ["gap"]


def test_manner_website_plus_screen_is_fine():
    assert verdicts(with_(notice__channels=["website_only", "device_screen"]), "FRM-05-NOTICE-MANNER") == \
        ["compliant"]


def test_manner_unanswered():
    [f] = findings(with_(notice__plain_language=None), "FRM-05-NOTICE-MANNER")
    assert f.rule == "completeness"


# --- PIPL-17-NOTICE-ITEMS ----------------------------------------------------------------------------------


def test_pipl17_needs_categories():
    items = [i for i in ALL_ITEMS if i != "categories"]
    assert verdicts(with_(notice__items=items), "PIPL-17-NOTICE-ITEMS") == ["gap"]
    # Categories are a PIPL item, not one of the Measures' Art. 5 items.
    assert verdicts(with_(notice__items=items), "FRM-05-NOTICE-PURPOSE-METHOD") == ["compliant"]


def test_pipl17_other_matters_not_checked():
    assert verdicts(with_(notice__other_matters="not_checked"), "PIPL-17-NOTICE-ITEMS") == ["gap"]


# --- changes and processing rules -------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [("proactive", "compliant"), ("text_only", "gap"), ("none", "gap")])
def test_change_check(value, expected):
    assert verdicts(with_(notice__change_process=value), "FRM-05-NOTICE-CHANGE") == [expected]
    assert verdicts(with_(notice__change_process=value), "PIPL-17-NOTICE-CHANGE-AND-RULES") == [expected]


@pytest.mark.parametrize("value", ["scattered", "none"])
def test_rules_not_published(value):
    assert verdicts(with_(notice__rules_published=value), "PIPL-17-NOTICE-CHANGE-AND-RULES") == ["gap"]
    assert verdicts(with_(notice__rules_published=value), "NDSR-21-RULES-CONTENT") == ["gap"]


def test_ndsr21_needs_expiry_handling():
    items = [i for i in ALL_ITEMS if i != "expiry_handling"]
    assert verdicts(with_(notice__items=items), "NDSR-21-RULES-CONTENT") == ["gap"]
    assert verdicts(with_(notice__items=items), "PIPL-17-NOTICE-ITEMS") == ["compliant"]


def test_ndsr21_withdrawal_only_for_consent():
    items = [i for i in ALL_ITEMS if i != "withdrawal"]
    assert verdicts(with_(notice__items=items), "NDSR-21-RULES-CONTENT") == ["gap"]
    assert verdicts(with_(notice__items=items, consent__basis="consent"), "NDSR-21-RULES-CONTENT") == ["gap"]
    answers = with_(notice__items=items, consent__basis="legal_duty")
    assert verdicts(answers, "NDSR-21-RULES-CONTENT") == ["compliant"]


# --- GB/T 35273 5.4 c) separate notice --------------------------------------------------------------------


@pytest.mark.parametrize("changes", [
    {"notice__separate": "no"},
    {"notice__separate": "unknown"},
    {"notice__timing": "after_capture"},
    {"notice__items": ["name_contact", "purpose_method", "categories"]},
])
def test_separate_notice_advisories(changes):
    assert verdicts(with_(**changes), "GBT35273-5.4C-SEPARATE-NOTICE") == ["advisory"]


# --- FRM-05-ACCESSIBILITY ---------------------------------------------------------------------------------


def test_accessibility_not_applicable_without_elderly_or_disabled():
    [f] = findings(with_(scope__elderly_disabled="no"), "FRM-05-ACCESSIBILITY")
    assert f.verdict == "not_applicable" and f.rule == "notice.accessibility"


@pytest.mark.parametrize("arrangements", [["none"], ["device_reach"], ["large_print"], ["accessible_alternative"]])
def test_accessibility_gaps(arrangements):
    assert verdicts(with_(notice__accessibility=arrangements), "FRM-05-ACCESSIBILITY") == ["gap"]


@pytest.mark.parametrize("consequences", [["extra_fee"], ["must_justify"], ["extra_fee", "must_justify"]])
def test_accessibility_alternative_behind_a_deposit_or_application_is_advisory(consequences):
    answers = with_(**{"alternatives.refusal_consequences": consequences})
    [f] = findings(answers, "FRM-05-ACCESSIBILITY")
    assert f.verdict == "advisory"
    assert "not an easy alternative" in f.explanation.en
    assert ("deposit" in f.explanation.en) == ("extra_fee" in consequences)
    assert ("written application" in f.explanation.en) == ("must_justify" in consequences)
    assert "alternatives.refusal_consequences" in f.questions


def test_accessibility_barrier_joins_an_existing_gap():
    answers = with_(notice__accessibility=["large_print"], **{"alternatives.refusal_consequences": ["extra_fee"]})
    [f] = findings(answers, "FRM-05-ACCESSIBILITY")
    assert f.verdict == "gap" and "deposit" in f.explanation.en


def test_accessibility_other_consequences_do_not_count():
    for consequences in (["nothing"], ["lose_benefit"], None):
        answers = with_(**{"alternatives.refusal_consequences": consequences})
        assert verdicts(answers, "FRM-05-ACCESSIBILITY") == ["compliant"], consequences


def test_accessibility_unknown_is_treated_as_involved():
    assert verdicts(with_(scope__elderly_disabled="unknown"), "FRM-05-ACCESSIBILITY") == ["compliant"]
    answers = with_(scope__elderly_disabled="unknown", notice__accessibility=["none"])
    assert verdicts(answers, "FRM-05-ACCESSIBILITY") == ["gap"]


def test_accessibility_unanswered():
    [f] = findings(with_(notice__accessibility=None), "FRM-05-ACCESSIBILITY")
    assert f.rule == "completeness" and f.verdict == "gap"
    [f] = findings(with_(scope__elderly_disabled=None), "FRM-05-ACCESSIBILITY")
    assert f.rule == "completeness"
