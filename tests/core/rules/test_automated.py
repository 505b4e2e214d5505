"""Automated decisions: PIPL Art. 24, tested on the realistic example files with answers changed."""

from pathlib import Path

import pytest

from pia_wizard.core.bank import default_bank
from pia_wizard.core.obligations import get
from tests.core.helpers import evaluated, example

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
TRANSPARENT = "PIPL-24-TRANSPARENT-FAIR"
MARKETING = "PIPL-24-MARKETING-OPT-OUT"
EXPLAIN = "PIPL-24-EXPLAIN-REFUSE"
ART24 = (TRANSPARENT, MARKETING, EXPLAIN)
NEW_QUESTIONS = ("purpose.auto_transparent", "purpose.auto_transparent_how", "purpose.auto_marketing",
                 "purpose.auto_marketing_optout", "purpose.auto_marketing_optout_how", "purpose.auto_explain_refuse",
                 "purpose.auto_explain_refuse_channel")


def only(data: dict, obligation: str):
    found = [f for f in evaluated(data).findings if f.obligation == obligation]
    assert len(found) == 1, found
    return found[0]


def cites_art24(finding) -> None:
    assert "《个人信息保护法》第二十四条" in finding.explanation.zh, finding.explanation.zh
    assert "PIPL Art. 24" in finding.explanation.en, finding.explanation.en


# --- the obligations exist and are reached in the realistic cases ---------------------------------------------


def test_art24_obligations_are_in_the_catalogue_as_ask_rows():
    for oid in ART24:
        ob = get(oid)
        assert (ob.kind, ob.article, ob.verified) == ("ask", "Art. 24", "yes")
        assert ob.citation("zh") == "《个人信息保护法》第二十四条"


def test_factory_attendance_feeding_pay_is_an_automated_decision_with_gaps():
    """The factory ticks the Art. 55 automated-decision trigger and its attendance feeds pay; the fatigue module
    flags people to supervisors with no explanation or review: both Art. 24 duties are gaps."""
    data = example("factory-attendance")
    for oid in (TRANSPARENT, EXPLAIN):
        f = only(data, oid)
        assert (f.verdict, f.rule.split(".")[0]) == ("gap", "automated")
        cites_art24(f)
        assert f.action is not None
    assert "考勤" in only(data, EXPLAIN).explanation.zh  # names what the match decides
    assert only(data, MARKETING).verdict == "not_applicable"


def test_hotel_checkin_verification_is_explained_and_reviewable():
    data = example("hotel-checkin")
    for oid in (TRANSPARENT, EXPLAIN):
        f = only(data, oid)
        assert f.verdict == "compliant"
        cites_art24(f)
    f = only(data, MARKETING)
    assert (f.verdict, f.rule) == ("not_applicable", "automated.marketing-opt-out")
    cites_art24(f)


def test_canteen_payment_opens_the_questions_without_the_art55_tick():
    """The canteen did not tick the Art. 55 automated-decision trigger, but the match takes a payment."""
    data = example("school-canteen")
    assert "automated_decision" not in data["answers"]["scope.pipl55_triggers"]
    visible = default_bank().visible(data["answers"])
    assert all(visible[q] for q in ("purpose.auto_transparent", "purpose.auto_explain_refuse"))
    assert only(data, EXPLAIN).verdict == "compliant"


# --- not applicable -----------------------------------------------------------------------------------------


def test_no_automated_decision_is_not_applicable_with_reason():
    data = example("hotel-checkin", scope__pipl55_triggers=["entrust_provide_disclose"],
                   purpose__categories=["other"])
    visible = default_bank().visible(data["answers"])
    assert not any(visible[q] for q in NEW_QUESTIONS)
    for oid in ART24:
        f = only(data, oid)
        assert (f.verdict, f.rule.split(".")[0]) == ("not_applicable", "automated")
        cites_art24(f)
        assert "Art. 55" in f.explanation.en and "第五十五条" in f.explanation.zh


def test_the_art55_tick_alone_opens_the_questions():
    data = example("hotel-checkin", purpose__categories=["other"])
    assert "automated_decision" in data["answers"]["scope.pipl55_triggers"]
    assert only(data, EXPLAIN).verdict == "compliant"


def test_member_recognition_only_is_marketing_not_a_major_decision():
    data = example("hotel-checkin", scope__pipl55_triggers=["entrust_provide_disclose"],
                   purpose__categories=["member_recognition"], purpose__auto_marketing="yes",
                   purpose__auto_marketing_optout="no")
    f = only(data, EXPLAIN)
    assert f.verdict == "not_applicable"
    assert "marketing" in f.explanation.en
    cites_art24(f)
    assert only(data, MARKETING).verdict == "gap"
    assert only(data, TRANSPARENT).verdict == "compliant"


def test_unanswered_purpose_waits_rather_than_not_applicable():
    data = example("hotel-checkin", scope__pipl55_triggers=None, purpose__categories=None)
    for oid in ART24:
        f = only(data, oid)
        assert (f.verdict, f.rule) == ("gap", "completeness")
        assert "purpose.categories" in f.questions


# --- verdicts -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("obligation,question", [(TRANSPARENT, "purpose.auto_transparent"),
                                                 (EXPLAIN, "purpose.auto_explain_refuse")])
def test_unknown_is_not_confirmed_so_a_gap(obligation, question):
    f = only(example("school-canteen", **{question.replace(".", "__"): "unknown"}), obligation)
    assert f.verdict == "gap"
    assert "not confirmed" in f.explanation.en and "尚未确认" in f.explanation.zh
    cites_art24(f)


@pytest.mark.parametrize("obligation,question", [(TRANSPARENT, "purpose.auto_transparent_how"),
                                                 (EXPLAIN, "purpose.auto_explain_refuse_channel")])
def test_yes_without_a_written_how_is_advisory(obligation, question):
    f = only(example("school-canteen", **{question.replace(".", "__"): "有"}), obligation)
    assert f.verdict == "advisory"
    cites_art24(f)


def test_yes_with_the_how_unanswered_is_not_answered_yet():
    data = example("school-canteen", purpose__auto_explain_refuse_channel=None)
    f = only(data, EXPLAIN)
    assert (f.verdict, f.rule) == ("gap", "completeness")
    assert f.questions == ("purpose.auto_explain_refuse_channel",)


def test_vip_marketing_needs_an_untargeted_option_or_easy_refusal():
    base = {"purpose__categories": ["identity_verification", "member_recognition"], "purpose__auto_marketing": "yes"}
    gap = only(example("hotel-checkin", **base, purpose__auto_marketing_optout="no"), MARKETING)
    assert gap.verdict == "gap"
    cites_art24(gap)
    unsure = only(example("hotel-checkin", **base, purpose__auto_marketing_optout="unknown"), MARKETING)
    assert unsure.verdict == "gap"
    thin = only(example("hotel-checkin", **base, purpose__auto_marketing_optout="yes",
                        purpose__auto_marketing_optout_how="有"), MARKETING)
    assert thin.verdict == "advisory"
    ok = only(example("hotel-checkin", **base, purpose__auto_marketing_optout="yes",
                      purpose__auto_marketing_optout_how="会员App隐私设置中一键关闭“到店识别推荐”，关闭后到店不再识别会员身份，"
                                                         "前台和屏幕只提供通用优惠。"), MARKETING)
    assert ok.verdict == "compliant"
    cites_art24(ok)


def test_unsure_whether_recognition_drives_marketing_is_advisory():
    f = only(example("residential-gate", purpose__auto_marketing="unknown"), MARKETING)
    assert f.verdict == "advisory"
    cites_art24(f)


def test_questions_cite_art24_and_explain_it_in_both_languages():
    bank = default_bank()
    for qid in NEW_QUESTIONS:
        q = bank.question(qid)
        assert set(q.cites) <= set(ART24)
    for qid in ("purpose.auto_transparent", "purpose.auto_marketing", "purpose.auto_explain_refuse"):
        q = bank.question(qid)
        assert "第二十四条" in q.help.zh and "Art. 24" in q.help.en
        assert q.cites[0] in q.help.zh and q.cites[0] in q.help.en
