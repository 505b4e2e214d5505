"""The issue layer: findings that share a cause read as one defect, with its legal bases in order of authority."""

import json
from pathlib import Path

import pytest

from pia_wizard.core.assessment import parse
from pia_wizard.core.engine import evaluate
from pia_wizard.core.issues import AUTHORITY, ISSUE_VERDICTS, authority, group
from pia_wizard.core.obligations import catalogue
from tests.core.helpers import TODAY

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NAMES = ("hotel-checkin", "residential-gate", "factory-attendance", "school-canteen")


def evaluated(name: str, **answers):
    data = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    data["answers"].update({k.replace("__", "."): v for k, v in answers.items()})
    return evaluate(parse(json.dumps(data, ensure_ascii=False)), today=TODAY)


def test_every_obligation_has_an_authority_rank():
    for oid in catalogue():
        assert authority(oid) in AUTHORITY


@pytest.mark.parametrize("name", NAMES)
def test_every_finding_that_calls_for_something_is_in_exactly_one_issue(name):
    ev = evaluated(name)
    wanted = [f for f in ev.findings if f.verdict in ISSUE_VERDICTS]
    placed = [f for i in ev.issues for f in i.findings]
    assert sorted(map(id, placed)) == sorted(map(id, wanted))
    for issue in ev.issues:
        assert issue.severity == min((f.verdict for f in issue.findings), key=ISSUE_VERDICTS.index)
        ranks = [AUTHORITY.index(authority(f.obligation)) for f in issue.findings]
        assert ranks == sorted(ranks), issue.bases


def test_the_hotel_notice_without_the_retention_period_is_one_issue_with_four_bases():
    ev = evaluated("hotel-checkin")
    notice = [i for i in ev.issues if "FRM-05-NOTICE-RETENTION" in i.bases]
    assert len(notice) == 1
    bases = notice[0].bases
    assert {"PIPL-17-NOTICE-ITEMS", "FRM-05-NOTICE-RETENTION", "NDSR-21-RULES-CONTENT",
            "GBT35273-5.4C-SEPARATE-NOTICE"} <= set(bases)
    # law, administrative regulation, departmental rule, recommended standard
    assert bases.index("PIPL-17-NOTICE-ITEMS") < bases.index("NDSR-21-RULES-CONTENT") \
        < bases.index("FRM-05-NOTICE-RETENTION") < bases.index("GBT35273-5.4C-SEPARATE-NOTICE")
    assert notice[0].statement == next(f for f in notice[0].findings if f.obligation == "PIPL-17-NOTICE-ITEMS"
                                       ).explanation


def test_the_hotel_reads_as_a_handful_of_issues():
    ev = evaluated("hotel-checkin")
    assert sum(ev.counts[v] for v in ISSUE_VERDICTS) > 15
    assert 3 <= len(ev.issues) <= 7


def test_issue_ids_are_stable_and_distinct():
    a, b = evaluated("residential-gate").issues, evaluated("residential-gate").issues
    assert [i.id for i in a] == [i.id for i in b]
    assert len({i.id for i in a}) == len(a)


def test_a_fixed_defect_leaves_its_issue():
    before = evaluated("hotel-checkin")
    items = json.loads((EXAMPLES / "hotel-checkin.json").read_text(encoding="utf-8"))["answers"]["notice.items"]
    after = evaluated("hotel-checkin", notice__items=sorted(set(items) | {"retention"}))
    assert any("FRM-05-NOTICE-RETENTION" in i.bases for i in before.issues)
    assert not any("FRM-05-NOTICE-RETENTION" in i.bases for i in after.issues)


def test_recommended_standard_findings_alone_form_one_issue_per_section():
    from pia_wizard.core.bank import Text
    from pia_wizard.core.findings import Finding

    t = Text("x", "x")
    fs = [Finding("GBT35273-6.3B-SEPARATE-STORAGE", "advisory", t, None, "r", ("storage.separate_from_identity",)),
          Finding("GBT35273-6.3A-ENCRYPT", "advisory", t, None, "r", ("storage.encryption",)),
          Finding("PIPL-17-NOTICE-ITEMS", "gap", t, None, "r", ("notice.items",))]
    issues = group(fs, {"storage.separate_from_identity": "storage", "storage.encryption": "storage",
                        "notice.items": "notice"})
    assert [len(i.findings) for i in issues] == [1, 2]
    assert issues[0].severity == "gap"


def test_the_residential_gate_reads_as_about_fifteen_issues_each_one_cause():
    ev = evaluated("residential-gate")
    assert sum(ev.counts[v] for v in ISSUE_VERDICTS) > 70
    assert len(ev.issues) <= 17

    def issue_of(obligation):
        found = [i for i in ev.issues if obligation in i.bases]
        assert len(found) == 1, obligation
        return found[0]

    # A Measures article governs one matter wherever it is asked: where the data is kept and for how long.
    assert issue_of("FRM-08-LOCAL-STORAGE") is issue_of("FRM-08-SHORTEST-RETENTION") is issue_of("PIPL-47-DELETE")
    assert issue_of("FRM-09-PIPIA-BEFORE") is issue_of("FRM-09-PROCESSING-RECORD")
    # NDSR Art. 22 covers adults' and children's consent alike; the children's defect stays its own issue.
    assert issue_of("NDSR-22-MINOR-GUARDIAN") is not issue_of("NDSR-22-BIOMETRIC-SEPARATE-CONSENT")
    assert issue_of("PIPL-31-GUARDIAN-CONSENT") is issue_of("FRM-07-GUARDIAN-CONSENT")
    # The prohibited coercion leads, with the go-ahead that contradicts it.
    first = ev.issues[0]
    assert first.severity == "prohibited" and "FRM-12-NO-COERCION" in first.bases
    assert "PIPL-56-CONTENT-LAWFUL" in first.bases
    # A standard's departure sits with the binding duty on the same answer.
    assert issue_of("GBT41819-NO-UNAUTHORISED-CAPTURE") is issue_of("PIPL-26-PUBLIC-PLACE-NECESSITY")


def test_the_authority_ranks_agree_with_the_recommended_standard_rule():
    from pia_wizard.core.findings import is_recommended

    for oid in catalogue():
        assert (authority(oid) == "recommended_standard") == is_recommended(oid), oid
