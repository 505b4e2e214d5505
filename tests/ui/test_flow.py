"""Issue 12 end to end, through the windows a DPO uses: the hotel example opened from the home window, reviewed,
approved in the approval dialog (written into the draft like an answer), signed by the lead assessor and the officer
with progress, archived and verified (and poppler's pdfsig agrees), the approved version locked, a new version started
from the lock banner with its reason, edited, and compared with version 1 in the versions window.

The report is the one-page stand-in (tests/fakes.py): the flow is under test here; the real render and signature are
in tests/ui/test_sign_dialog.py (slow) and the report's own tests."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QFileDialog

from pia_wizard.services import archive, keys, verify
from pia_wizard.ui import approve_dialog, sign_dialog
from pia_wizard.ui import home as home_module
from pia_wizard.ui.keys_dialog import key_path
from tests.ui.test_workspace import WAIT, answer, from_example, home, settle, state  # noqa: F401 (fixtures)

DPO_PASS = "陈启航的口令 dpo-2026!"
ASSESSOR_PASS = "Zhou assessor passphrase 42"
CONDITIONS = "2026-12-15 前修改告知页，写明保存期限；2027-03-31 前部署入侵检测，由信息安全部负责。"
REASONS = "当前剩余风险为中，低于不可接受等级；两项条件落实后同意继续处理。<b>不是 HTML</b>"


@pytest.fixture
def identities(state):  # noqa: F811
    keys.create_key(state.ctx, name="陈启航", organisation="锦程酒店管理（上海）有限公司", passphrase=DPO_PASS)
    keys.create_key(state.ctx, name="周雅琳", organisation="锦程酒店管理（上海）有限公司", passphrase=ASSESSOR_PASS,
                    out=key_path(state, "assessor"))


def approve_through_the_dialog(monkeypatch):
    def fill(d):
        for check in d.attest_checks.values():
            check.setChecked(True)
        d.select_opinion("proceed_with_conditions")
        d.conditions.load(CONDITIONS)
        d.reasons.load(REASONS)
        d.date.setDate(QDate(2026, 11, 26))
        assert d.validate() == [] and d.ok.isEnabled(), d.problems
        d.accept()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(approve_dialog.ApproveDialog, "exec", fill)


def test_review_approve_sign_archive_lock_new_version_and_compare(qtbot, home, state, identities, fast_render,  # noqa: F811
                                                                  monkeypatch, tmp_path):
    ws = from_example(qtbot, home)
    aid = ws.assessment_id

    # Review: the page follows the evaluation; approval is not recorded yet.
    ws.act_review.trigger()
    qtbot.waitUntil(lambda: ws.review.evaluation is ws.evaluation, timeout=WAIT)
    assert ws.stack.currentWidget() is ws.review and not ws.data.get("approval")

    # Approve: the dialog's approval goes into the draft, kept like an answer.
    approve_through_the_dialog(monkeypatch)
    ws.act_approve.trigger()
    settle(qtbot, ws)
    assert ws.draft.data["approval"]["opinion"] == "proceed_with_conditions"
    assert ws.draft.data["approval"]["reasons"] == REASONS

    # Sign: assessor then officer, progress seen, the report written where chosen and archived.
    out = tmp_path / "签署报告.pdf"
    seen = {}

    def sign(d):
        qtbot.waitUntil(lambda: d.problems is not None, timeout=WAIT)
        assert d.problems == [], d.problems  # the approval saved with the draft is the one signed
        d.use_assessor.setChecked(True)
        d.assessor.passphrase.setText(ASSESSOR_PASS)
        d.dpo.passphrase.setText(DPO_PASS)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
        d.out_choose.click()
        steps = []
        d.progressed.connect(lambda p: steps.append((p.step, p.fraction)))
        with qtbot.waitSignal(d.issued, timeout=WAIT) as blocker:
            d.sign_button.click()
        seen["issued"], seen["steps"] = blocker.args[0], steps
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(sign_dialog.SignDialog, "exec", sign)
    ws.act_sign.trigger()
    qtbot.waitUntil(lambda: "issued" in seen, timeout=WAIT)
    issued = seen["issued"]
    steps = [s for s, _ in seen["steps"]]
    assert steps.index("sign-assessor") < steps.index("sign-dpo") < steps.index("archive")
    fractions = [f for _, f in seen["steps"]]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert [s.signer for s in issued.signatures] == ["周雅琳", "陈启航"]  # assessor first, then the officer
    assert out.exists() and issued.version.state == "approved"
    assert [r.report_id for r in archive.list_reports(state.ctx)] == [issued.report_id]
    check = verify.verify_report(state.ctx, out)
    assert check.archive.status == verify.HELD and check.ok, check.failed
    pdfsig = subprocess.run(["pdfsig", str(out)], capture_output=True, text=True, check=False)
    assert pdfsig.stdout.count("Signature is Valid") == 2, pdfsig.stdout

    # The approved version is a record: locked in the window, editing offered only as a new version.
    assert ws.read_only and ws.locked_row.isVisible() and ws.new_version_button.isVisible()
    assert not ws.act_sign.isVisible() and not ws.act_approve.isVisible()
    assert all(not b.editor.isEnabled() for b in ws.blocks.values())
    before = dict(ws.answers)
    ws.answer_given("scope.private_space", "yes")  # what a stray signal would do: refused
    assert ws.answers == before

    # New version from the banner: the reason is recorded, the draft opens in place of the approved version.
    def reason(d):
        d.reason.setCurrentIndex(d.reason.findData("method_changed"))
        d.note.setText("新增南京新街口店 3 台设备")
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(home_module.NewVersionDialog, "exec", reason)
    ws.new_version_button.click()
    qtbot.waitUntil(lambda: aid in home.workspaces and home.workspaces[aid] is not ws, timeout=WAIT)
    ws2 = home.workspaces[aid]
    qtbot.waitUntil(lambda: ws2.evaluation is not None, timeout=WAIT)
    assert not ws2.read_only and ws2.version.version == 2 and ws2.version.reason == "method_changed"
    answer(qtbot, ws2, "scope.private_space", "yes")
    settle(qtbot, ws2)
    ws2.save()
    qtbot.waitUntil(lambda: ws2.draft.pending == 0, timeout=WAIT)

    # Compare version 1 (approved) with version 2 (the draft as saved).
    view = home.show_view(f"versions:{aid}")
    qtbot.waitUntil(lambda: view.table.rowCount() == 2, timeout=WAIT)
    view.select_versions(1, 2)
    with qtbot.waitSignal(view.compared, timeout=WAIT) as blocker:
        view.compare()
    text = blocker.args[0].as_text()
    assert "scope.private_space" in str(blocker.args[0].diff) or "private" in text.lower()
    assert "[+" in text and "[−" in text
