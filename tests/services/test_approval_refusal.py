"""Signing refuses a decision to go ahead over a prohibited finding unless the approval states that the prohibited
practice has stopped (issue 10, item 4a). Through services.report.prepare_issue, as the CLI and the GUI call it."""

from __future__ import annotations

import pytest

from pia_wizard.context import AppContext
from pia_wizard.core.assessment import Assessment, parse
from pia_wizard.paths import example
from pia_wizard.services import report
from pia_wizard.services.demo import demo_approval
from pia_wizard.services.errors import ApprovalIncomplete
from pia_wizard.signing import keys

PASS = "a good passphrase"
STOPPED = "2026-11-25 撤回“尽快录入人脸”通知，取消补办门禁卡押金和书面审批，物业已在各出入口公告并经法务核实。"


@pytest.fixture(scope="module")
def dpo_key(tmp_path_factory):
    key = tmp_path_factory.mktemp("keys") / "dpo.p12"
    keys.create_certificate(key, "周雅琴", "翠湖苑物业服务中心", PASS)
    return key


@pytest.fixture
def ctx(tmp_path):
    return AppContext(data_dir=tmp_path / "data", actor="tester")


def gate(opinion: str | None = None, stopped: dict[str, str] | None = None) -> Assessment:
    """The residential gate (a prohibited practice under Measures Art. 12) with the officer's approval recorded."""
    a = demo_approval(parse(example("residential-gate.json").read_bytes()))
    data = a.to_dict()
    if opinion:
        data["approval"]["opinion"] = opinion
    if stopped is not None:
        data["approval"]["stopped"] = stopped
    return Assessment.from_dict(data)


def issue(ctx, a, tmp_path, dpo_key):
    return report.prepare_issue(ctx, a, tmp_path / "signed.pdf", "zh", dpo=report.SignerKey(dpo_key, PASS))


@pytest.mark.parametrize("opinion", ["proceed", "proceed_with_conditions", "continue_after_remediation"])
def test_a_decision_to_go_ahead_over_a_prohibited_finding_is_refused(ctx, tmp_path, dpo_key, opinion):
    with pytest.raises(ApprovalIncomplete) as exc:
        issue(ctx, gate(opinion), tmp_path, dpo_key)
    (problem,) = [p for p in exc.value.items if p.field == "approval.stopped"]
    assert "《人脸识别技术应用安全管理办法》第十二条" in problem.zh and "FRM-12-NO-COERCION" in problem.zh
    assert "被禁止的做法必须停止" in problem.zh
    assert "FRT Measures Art. 12" in problem.en and "A prohibited practice must stop" in problem.en
    assert "approval.stopped" in exc.value.message("en") and "approval.stopped" in exc.value.message("zh")
    assert not (tmp_path / "signed.pdf").exists()


@pytest.mark.parametrize("opinion", ["do_not_proceed", "suspend_and_reassess"])
def test_a_decision_that_stops_the_processing_is_signed(ctx, tmp_path, dpo_key, opinion):
    job = issue(ctx, gate(opinion), tmp_path, dpo_key)
    assert job.assessment.approval["opinion"] == opinion


def test_a_go_ahead_is_signed_once_the_approval_states_that_the_practice_has_stopped(ctx, tmp_path, dpo_key):
    job = issue(ctx, gate("proceed_with_conditions", {"FRM-12-NO-COERCION": STOPPED}), tmp_path, dpo_key)
    assert job.assessment.approval["stopped"] == {"FRM-12-NO-COERCION": STOPPED}


def test_a_statement_too_short_or_for_another_practice_does_not_count(ctx, tmp_path, dpo_key):
    with pytest.raises(ApprovalIncomplete) as exc:
        issue(ctx, gate("proceed", {"FRM-12-NO-COERCION": "已停", "FRM-13-PRIVATE-SPACE-BAN": STOPPED}),
              tmp_path, dpo_key)
    fields = [p.field for p in exc.value.items]
    assert "approval.stopped" in fields
    assert "approval.stopped.FRM-13-PRIVATE-SPACE-BAN" in fields  # not a finding of this assessment


def test_the_hotel_without_a_prohibited_finding_is_not_affected(ctx, tmp_path, dpo_key):
    a = demo_approval(parse(example("hotel-checkin.json").read_bytes()))
    assert a.approval["opinion"] == "proceed_with_conditions"
    issue(ctx, a, tmp_path, dpo_key)
