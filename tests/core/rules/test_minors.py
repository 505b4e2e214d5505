"""Children under 14: Measures Art. 7; PIPL Art. 31; NDSR Art. 22(3); GB/T 35273 5.4 d); GB/T 41819."""

import random

import pytest

from pia_wizard.core.bank import default_bank
from tests.core.helpers import findings, rec, run, verdicts

GUARDIAN = ("FRM-07-GUARDIAN-CONSENT", "PIPL-31-GUARDIAN-CONSENT", "NDSR-22-MINOR-GUARDIAN",
            "GBT35273-5.4D-MINOR-CONSENT")
RULES = ("FRM-07-MINOR-RULES", "PIPL-31-SPECIAL-RULES")
U14 = "GBT41819-MINORS-U14"
ALL = GUARDIAN + RULES + (U14,)

PROCESS = ("入学时由家长在校方小程序中实名认证后单独勾选同意，系统记录家长身份、时间和同意文本版本，"
           "保存至学生离校后3年；家长可在小程序中一键撤回，撤回后24小时内删除学生人脸信息。")
SCHOOL = {
    "scope.deployment": "school",
    "scope.minors_u14": "yes",
    "minors.recognised": "recognised",
    "minors.necessity": "学生人数多、校园卡经常丢失和代刷，食堂高峰期人工核验无法实现；已为不愿刷脸的学生保留校园卡。",
    "minors.age_method": "institution_records",
    "minors.guardian_consent": "before_capture",
    "minors.consent_giver": "guardian",
    "minors.consent_form": "electronic_active",
    "minors.consent_process": PROCESS,
    "minors.dedicated_rules": "yes",
    "minors.rules_cover": ["guardian_consent", "retention_deletion", "guardian_rights", "access_limits"],
}


def one(answers, obligation):
    found = findings(answers, obligation)
    assert len(found) == 1, found
    return found[0]


# ------------------------------------------------------------------ gate: no / unknown / unanswered


@pytest.mark.parametrize("obligation", ALL)
def test_no_children_is_not_applicable_from_the_rule(obligation):
    f = one({"scope.deployment": "workplace_attendance", "scope.minors_u14": "no"}, obligation)
    assert f.verdict == "not_applicable"
    assert f.rule == "minors.gate"
    assert "no one captured is under 14" in f.explanation.en
    assert f.action is None


def test_no_children_in_a_school_warns_to_double_check():
    f = one({"scope.deployment": "school", "scope.minors_u14": "no"}, GUARDIAN[0])
    assert f.verdict == "not_applicable"
    assert "double-check" in f.explanation.en
    assert f.action is not None


def test_answers_in_the_hidden_section_are_ignored_when_no_children():
    answers = {**SCHOOL, "scope.minors_u14": "no", "minors.guardian_consent": "no"}
    for ob in ALL:
        assert verdicts(answers, ob) == ["not_applicable"], ob


@pytest.mark.parametrize("obligation", ALL)
def test_unknown_children_is_not_confirmed(obligation):
    f = one({"scope.minors_u14": "unknown"}, obligation)
    assert f.rule == "minors.gate"
    assert f.verdict == rec(obligation, "gap")
    assert "not established" in f.explanation.en


def test_gate_unanswered_falls_to_the_engine():
    f = one({}, "FRM-07-GUARDIAN-CONSENT")
    assert f.rule == "completeness"
    assert f.verdict == "gap"
    assert "scope.minors_u14" in f.questions


def test_gate_unanswered_names_the_gate_for_the_other_obligations():
    for ob in (*RULES, U14, "NDSR-22-MINOR-GUARDIAN", "GBT35273-5.4D-MINOR-CONSENT"):
        f = one({}, ob)
        assert f.rule == "minors.gate" and f.verdict == rec(ob, "gap"), ob
        assert f.questions == ("scope.minors_u14",)


def test_section_unanswered_falls_to_the_engine():
    for ob in ALL:
        f = one({"scope.minors_u14": "yes"}, ob)
        assert f.rule == "completeness" and f.verdict == rec(ob, "gap"), ob


# ------------------------------------------------------------------ guardian consent


@pytest.mark.parametrize("obligation", GUARDIAN)
def test_school_with_recorded_guardian_consent_is_compliant(obligation):
    f = one(SCHOOL, obligation)
    assert f.verdict == "compliant"
    assert f.rule == "minors.guardian-consent"


@pytest.mark.parametrize("obligation", GUARDIAN)
def test_no_guardian_consent_is_a_gap(obligation):
    f = one({**SCHOOL, "minors.guardian_consent": "no"}, obligation)
    assert f.verdict == rec(obligation, "gap")
    assert "without the consent of a parent" in f.explanation.en


@pytest.mark.parametrize("obligation", GUARDIAN)
def test_consent_only_sometimes_is_a_gap(obligation):
    assert verdicts({**SCHOOL, "minors.guardian_consent": "not_always"}, obligation) == [rec(obligation, "gap")]


@pytest.mark.parametrize("obligation", GUARDIAN)
def test_assumed_consent_is_a_gap(obligation):
    f = one({**SCHOOL, "minors.consent_form": "implied"}, obligation)
    assert f.verdict == rec(obligation, "gap")
    assert "not explicit consent" in f.explanation.en


def test_oral_consent_cannot_be_proved():
    answers = {**SCHOOL, "minors.consent_form": "oral"}
    for ob in GUARDIAN[:3]:
        f = one(answers, ob)
        assert f.verdict == "gap" and "cannot be proved" in f.explanation.en, ob
    # Oral consent is still explicit consent for GB/T 35273 5.4 d).
    assert verdicts(answers, "GBT35273-5.4D-MINOR-CONSENT") == ["compliant"]


def test_thin_consent_process_is_a_gap_for_the_law():
    answers = {**SCHOOL, "minors.consent_process": "家长同意"}
    assert verdicts(answers, "FRM-07-GUARDIAN-CONSENT") == ["gap"]
    assert verdicts(answers, "PIPL-31-GUARDIAN-CONSENT") == ["gap"]
    assert verdicts(answers, "NDSR-22-MINOR-GUARDIAN") == ["compliant"]


def test_consent_process_unanswered_falls_to_the_engine():
    answers = {**SCHOOL, "minors.consent_process": None}
    f = one(answers, "FRM-07-GUARDIAN-CONSENT")
    assert f.rule == "completeness" and f.verdict == "gap"
    assert "minors.consent_process" in f.questions


def test_age_not_checked_is_a_gap():
    answers = {**SCHOOL, "minors.age_method": "not_determined"}
    for ob in GUARDIAN:
        f = one(answers, ob)
        assert f.verdict == rec(ob, "gap") and "Age is not checked" in f.explanation.en, ob


def test_self_declared_age_is_advisory_for_the_law_only():
    answers = {**SCHOOL, "minors.age_method": "self_declaration"}
    assert verdicts(answers, "FRM-07-GUARDIAN-CONSENT") == ["advisory"]
    assert verdicts(answers, "PIPL-31-GUARDIAN-CONSENT") == ["advisory"]
    assert verdicts(answers, "NDSR-22-MINOR-GUARDIAN") == ["compliant"]


def test_several_problems_take_the_worst_and_list_all():
    f = one({**SCHOOL, "minors.age_method": "self_declaration", "minors.consent_form": "implied"},
            "FRM-07-GUARDIAN-CONSENT")
    assert f.verdict == "gap"
    assert "misstate their age" in f.explanation.en and "not explicit consent" in f.explanation.en


def test_other_legal_basis_named_is_not_applicable():
    answers = {**SCHOOL, "minors.guardian_consent": "other_basis",
               "minors.legal_basis": "履行法定义务：某行政法规第六条要求对旅客（含随行未成年人）进行人脸比对核验。"}
    for ob in GUARDIAN:
        f = one(answers, ob)
        assert f.verdict == "not_applicable" and "not on consent" in f.explanation.en, ob


def test_other_legal_basis_not_named_is_a_gap():
    answers = {**SCHOOL, "minors.guardian_consent": "other_basis", "minors.legal_basis": "法律规定"}
    for ob in GUARDIAN:
        assert verdicts(answers, ob) == [rec(ob, "gap")], ob


def test_other_legal_basis_unanswered_falls_to_the_engine():
    f = one({**SCHOOL, "minors.guardian_consent": "other_basis"}, "FRM-07-GUARDIAN-CONSENT")
    assert f.rule == "completeness"


@pytest.mark.parametrize("obligation", GUARDIAN)
def test_children_excluded_with_age_check_is_not_applicable(obligation):
    answers = {**SCHOOL, "minors.recognised": "excluded", "minors.age_method": "id_document"}
    f = one(answers, obligation)
    assert f.verdict == "not_applicable"
    assert "not put through face recognition" in f.explanation.en


def test_children_excluded_without_age_check_is_a_gap():
    answers = {**SCHOOL, "minors.recognised": "excluded", "minors.age_method": "not_determined"}
    for ob in GUARDIAN:
        assert verdicts(answers, ob) == [rec(ob, "gap")], ob
    answers["minors.age_method"] = "self_declaration"
    for ob in GUARDIAN:
        assert verdicts(answers, ob) == ["advisory"], ob


def test_excluded_hides_the_consent_answers():
    # An old "no" answer stays in the file but no longer counts once children are excluded.
    answers = {**SCHOOL, "minors.recognised": "excluded", "minors.guardian_consent": "no"}
    assert verdicts(answers, "FRM-07-GUARDIAN-CONSENT") == ["not_applicable"]


# ------------------------------------------------------------------ dedicated rules


@pytest.mark.parametrize("obligation", RULES)
def test_dedicated_rules_with_core_topics_are_compliant(obligation):
    f = one(SCHOOL, obligation)
    assert f.verdict == "compliant" and f.rule == "minors.dedicated-rules"


@pytest.mark.parametrize("obligation", RULES)
def test_no_dedicated_rules_is_a_gap(obligation):
    assert verdicts({**SCHOOL, "minors.dedicated_rules": "no"}, obligation) == ["gap"]
    assert verdicts({**SCHOOL, "minors.dedicated_rules": "unknown"}, obligation) == ["gap"]


def test_no_dedicated_rules_when_children_excluded_is_advisory():
    answers = {**SCHOOL, "minors.recognised": "excluded", "minors.dedicated_rules": "no"}
    for ob in RULES:
        assert verdicts(answers, ob) == ["advisory"], ob


def test_rules_missing_core_topics_are_advisory():
    f = one({**SCHOOL, "minors.rules_cover": ["guardian_consent", "child_notice"]}, RULES[0])
    assert f.verdict == "advisory"
    assert "retention" in f.explanation.en and "guardians access" in f.explanation.en
    assert "obtained, recorded" not in f.explanation.en


def test_guardian_consent_topic_not_needed_without_consent_route():
    answers = {**SCHOOL, "minors.recognised": "excluded", "minors.rules_cover": ["retention_deletion",
                                                                                "guardian_rights"]}
    assert verdicts(answers, RULES[1]) == ["compliant"]


def test_rules_cover_unanswered_falls_to_the_engine():
    f = one({**SCHOOL, "minors.rules_cover": None}, RULES[0])
    assert f.rule == "completeness" and f.verdict == "gap"


# ------------------------------------------------------------------ GB/T 41819 under 14


def test_excluding_children_meets_gbt41819():
    assert verdicts({**SCHOOL, "minors.recognised": "excluded"}, U14) == ["compliant"]


def test_documented_necessity_is_an_advisory_departure_quoting_the_reason():
    """GB/T 41819 says in principle no face recognition of under-14s: recognising them is a departure from a
    recommended standard (advisory) however well argued; the documented necessity is quoted."""
    f = one(SCHOOL, U14)
    assert f.verdict == "advisory"
    assert "departure" in f.explanation.en and "unverified" in f.explanation.en
    assert SCHOOL["minors.necessity"] in f.explanation.zh and SCHOOL["minors.necessity"] in f.explanation.en
    assert "偏离" in f.explanation.zh
    assert "exclude them from recognition" in f.action.en


def test_long_necessity_is_summarised_at_a_sentence_end():
    long_text = "儿童常丢卡，放学后进不了单元门。" * 20
    f = one({**SCHOOL, "minors.necessity": long_text}, U14)
    assert f.verdict == "advisory"
    assert "儿童常丢卡，放学后进不了单元门。…" in f.explanation.zh
    assert long_text not in f.explanation.zh


def test_only_excluding_children_is_compliant():
    for necessity in (SCHOOL["minors.necessity"], "方便"):
        assert verdicts({**SCHOOL, "minors.necessity": necessity}, U14) == ["advisory"], necessity
    assert verdicts({**SCHOOL, "minors.recognised": "excluded", "minors.necessity": "方便"}, U14) == ["compliant"]


def test_thin_necessity_is_advisory():
    assert verdicts({**SCHOOL, "minors.necessity": "方便"}, U14) == ["advisory"]


def test_necessity_unanswered_falls_to_the_engine():
    f = one({**SCHOOL, "minors.necessity": None}, U14)
    assert f.rule == "completeness"


def test_measures_not_applying_turns_frm_findings_not_applicable():
    answers = {**SCHOOL, "scope.rnd_only": "yes", "minors.guardian_consent": "no"}
    assert verdicts(answers, "FRM-07-GUARDIAN-CONSENT") == ["not_applicable"]
    assert verdicts(answers, "PIPL-31-GUARDIAN-CONSENT") == ["gap"]


# ------------------------------------------------------------------ every path decides every obligation


def _random_answer(q, rng):
    if q.type == "yesno":
        return rng.choice(["yes", "no", "unknown", None])
    if q.type == "single":
        return rng.choice([o.value for o in q.options] + [None])
    if q.type == "multi":
        values = [o.value for o in q.options]
        return rng.choice([None, rng.sample(values, rng.randint(1, min(3, len(values))))])
    if q.type == "text":
        return rng.choice([None, "无", "这是一段足够具体的说明，写明了所依据的法规名称和条款、理由以及操作流程。"])
    if q.type == "number":
        return rng.choice([None, 0, 7, 45, 400])
    if q.type == "rows":
        if rng.random() < 0.15:
            return None
        return [{c.id: (_random_answer(c, rng) or (c.options[0].value if c.required else None)) for c in q.columns}
                for _ in range(rng.randint(1, 4))]
    raise AssertionError(q.type)


def assert_always_decided(section, obligations, gates, runs=120, seed=7):
    """Random answers to a section and the gates it reads: each obligation gets exactly one finding, and never
    the engine's "recorded but no rule decides this" fallback."""
    bank = default_bank()
    rng = random.Random(seed)
    questions = [q for q in bank if q.section == section] + [bank.question(g) for g in gates if g in bank.questions]
    for _ in range(runs):
        answers = {q.id: v for q in questions if (v := _random_answer(q, rng)) is not None}
        evaluation = run(answers)
        for ob in obligations:
            found = [f for f in evaluation.findings if f.obligation == ob and not f.rule.startswith("consistency.")]
            assert len(found) == 1, (ob, answers, found)
            assert not (found[0].rule == "completeness" and "no rule decides" in found[0].explanation.en), (ob, answers)


def test_every_answer_path_decides_every_minors_obligation():
    assert_always_decided("minors", ALL, ["scope.minors_u14", "scope.deployment", "scope.rnd_only"])
