import pytest

from pia_wizard.core import rules
from pia_wizard.core.engine import RuleError, evaluate
from pia_wizard.core.findings import VERDICT_ORDER
from pia_wizard.core.obligations import decidable

from .helpers import TODAY, make, run


def by_obligation(ev, oid):
    return [f for f in ev.findings if f.obligation == oid]


def test_every_decidable_obligation_gets_a_finding_even_for_an_empty_assessment():
    ev = run({})
    decided = {f.obligation for f in ev.findings}
    assert {o.id for o in decidable()} <= decided
    assert not [f for f in ev.findings if f.rule == "completeness" and "no rule decides" in f.explanation.en]


def test_hidden_because_the_gate_is_unanswered_is_not_answered_yet():
    f = by_obligation(run({}), "FRM-13-SIGNAGE")[0]
    assert f.verdict == "gap"
    assert "scope.public_place" in f.questions


def test_hidden_because_the_gate_says_no_is_not_applicable_and_says_why():
    f = by_obligation(run({"scope.public_place": "no"}), "FRM-13-SIGNAGE")[0]
    assert f.verdict == "not_applicable"
    assert "public place" in f.explanation.en and "公共场所" in f.explanation.zh


def test_rnd_only_switches_the_measures_off_but_keeps_the_pipl():
    ev = run({"scope.in_prc": "yes", "scope.rnd_only": "yes", "scope.private_space": "yes",
              "scope.sensitive_ack": "no"})
    assert not ev.measures_apply
    ban = by_obligation(ev, "FRM-13-PRIVATE-SPACE-BAN")[0]
    assert ban.verdict == "not_applicable" and "do not apply" in ban.explanation.en
    assert [f.verdict for f in by_obligation(ev, "FRM-02-RND-EXCLUSION")] == ["not_applicable"]
    assert [f.verdict for f in by_obligation(ev, "PIPL-28-SENSITIVE-PI")] == ["gap"]  # PIPL track kept
    assert not ev.has_prohibited


def test_outside_the_prc_the_measures_do_not_apply():
    ev = run({"scope.in_prc": "no"})
    assert not ev.measures_apply
    assert all(f.verdict == "not_applicable" for f in ev.findings
               if f.obligation.startswith(("FRM-05", "FRM-13", "FILING-")))


def test_findings_are_sorted_most_serious_first():
    ev = run({"scope.private_space": "yes", "scope.in_prc": "yes"})
    order = [VERDICT_ORDER[f.verdict] for f in ev.findings]
    assert order == sorted(order)
    assert ev.findings[0].verdict == "prohibited"


def test_a_rule_emitting_an_undeclared_obligation_is_a_programming_error(monkeypatch):
    def bad(ctx):
        yield ctx.finding("FRM-13-SIGNAGE", "gap", ("x", "x"))

    monkeypatch.setitem(rules.REGISTRY, "test.bad", rules.Rule("test.bad", ("FRM-13-COLLECTION-AREA",), bad, ""))
    with pytest.raises(RuleError, match=r"test\.bad emitted a finding for FRM-13-SIGNAGE"):
        evaluate(make({}), today=TODAY)


def test_unknown_answer_to_a_check_is_not_confirmed():
    f = by_obligation(run({"scope.private_space": "unknown"}), "FRM-13-PRIVATE-SPACE-BAN")[0]
    assert f.verdict == "gap"
    assert f.explanation.en.startswith("Not confirmed:")
    assert f.explanation.zh.startswith("尚未确认：")


@pytest.mark.parametrize("switch", [{"scope.rnd_only": "yes"}, {"scope.in_prc": "no"}])
@pytest.mark.parametrize("name", ["hotel-checkin", "residential-gate", "school-canteen", "factory-attendance"])
def test_measures_track_is_skipped_and_the_pipl_track_still_decided(name, switch):
    """Art. 2: questions serving only the Measures disappear; every PIPL obligation is still decided."""
    import json
    from pathlib import Path

    from pia_wizard.core.assessment import parse
    from pia_wizard.core.bank import default_bank

    data = json.loads((Path(__file__).parents[2] / "examples" / f"{name}.json").read_text(encoding="utf-8"))
    data["answers"].update(switch)
    a = parse(json.dumps(data).encode())
    visible = default_bank().visible(a.answers)
    assert not visible["filing.stored_count"] and not visible["storage.offdevice_basis"]
    assert visible["consent.basis"] and visible["scope.rnd_only"]
    ev = evaluate(a, today=TODAY)
    assert [f.obligation for f in ev.findings if f.rule == "completeness" and f.verdict != "not_applicable"] == []
    live = {f.obligation for f in ev.findings if f.verdict != "not_applicable"}
    assert not {o for o in live if o.startswith(("FRM-", "FILING-"))} - {"FRM-02-SCOPE", "FRM-02-RND-EXCLUSION",
                                                                          "FRM-19-DEF-FRT"}
    assert any(o.startswith("PIPL-") for o in live)
    assert ev.unanswered == []
