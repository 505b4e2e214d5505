"""Signing through the dialog (issue 12 item 4): the lead assessor and then the officer sign the approved hotel
report with progress (steps and fraction) and the report lands in the archive; Cancel mid-render leaves no file and
nothing archived while the window keeps painting; the data folder is refused as the output; a wrong passphrase is
shown beside the field it belongs to; an incomplete approval and a report already archived are said plainly.

The flow tests sign the one-page stand-in report (tests/fakes.py, ``fast_render``); the end-to-end test at the
bottom approves the hotel through the approval dialog, creates both identities through the keys dialog, signs the
real report and has poppler's pdfsig check both signatures (slow)."""

from __future__ import annotations

import re
import subprocess
import threading
import time
from itertools import pairwise

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog

from pia_wizard.core.assessment import Assessment
from pia_wizard.services import archive, keys
from pia_wizard.services import report as report_service
from pia_wizard.services.assessments import example_path, read_assessment
from pia_wizard.services.demo import demo_approval
from pia_wizard.services.errors import Cancelled
from pia_wizard.ui.app import build_state
from pia_wizard.ui.keys_dialog import key_path
from pia_wizard.ui.settings import UiSettings
from pia_wizard.ui.sign_dialog import SignDialog

WAIT = 60_000  # ms: opening two keys (~0.6 s each) and signing, on a busy 2-core machine; never a sleep
DPO_PASS = "陈启航的口令 dpo-2026!"
ASSESSOR_PASS = "Zhou assessor passphrase 42"
HOSTILE = "<b>x</b><script>alert(1)</script>&amp; مرحبا \u202eRTL\u202c 👩\u200d👩\u200d👧\u200d👦 " + "人" * 1900


@pytest.fixture
def state(tmp_path, monkeypatch):
    monkeypatch.setattr(UiSettings, "save", lambda self, store=None: None)
    s = build_state(UiSettings(language="en", report_language="zh"), data_dir=str(tmp_path / "data"))
    yield s
    s.worker.shutdown(wait=True)


@pytest.fixture
def identities(state):
    """The officer's and the lead assessor's keys where the keys dialog keeps them."""
    keys.create_key(state.ctx, name="陈启航", organisation="锦程酒店管理（上海）有限公司", passphrase=DPO_PASS)
    keys.create_key(state.ctx, name="周雅琳", organisation="锦程酒店管理（上海）有限公司", passphrase=ASSESSOR_PASS,
                    out=key_path(state, "assessor"))


@pytest.fixture(scope="module")
def approved():
    return demo_approval(read_assessment(example_path("hotel-checkin")))


def open_dialog(qtbot, state, a) -> SignDialog:
    d = SignDialog(state, a)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitUntil(lambda: d.problems is not None, timeout=WAIT)
    return d


def fill(d: SignDialog, out, monkeypatch, *, assessor: bool = True, dpo_pass: str = DPO_PASS,
         assessor_pass: str = ASSESSOR_PASS) -> None:
    d.use_assessor.setChecked(assessor)
    if assessor:
        d.assessor.passphrase.setText(assessor_pass)
    d.dpo.passphrase.setText(dpo_pass)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    d.out_choose.click()


def test_the_assessor_and_the_officer_sign_and_the_report_is_archived(qtbot, state, identities, approved, tmp_path,
                                                                      monkeypatch, fast_render):
    d = open_dialog(qtbot, state, approved)
    assert d.problems == [] and "Approved: Proceed with conditions" in d.approval_state.text()
    assert d.dpo.path.text() == str(keys.default_key_path(state.ctx))
    out = tmp_path / "out" / "hotel-signed.pdf"
    out.parent.mkdir()
    fill(d, out, monkeypatch)
    seen = []
    d.progressed.connect(lambda p: seen.append((p.step, p.fraction, d.progress.value())))
    with qtbot.waitSignal(d.issued, timeout=WAIT) as got:
        d.sign_button.click()
        assert d.dpo.passphrase.text() == "" and d.assessor.passphrase.text() == ""  # cleared at once
        assert d.running and d.cancel_button.isEnabled() and not d.sign_button.isEnabled()
    issued = got.args[0]
    steps = [s for s, _, _ in seen]
    assert list(dict.fromkeys(steps)) == ["render", "sign-assessor", "sign-dpo", "archive", "write"]
    fractions = [f for _, f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert [v for _, _, v in seen] == [round(f * 1000) for f in fractions]
    assert d.progress.value() == 1000 and not d.running

    assert out.exists() and issued.path == out
    assert [s.signer for s in issued.signatures] == ["周雅琳", "陈启航"]
    assert "Lead assessor: 周雅琳" in d.result.text() and "PI protection officer: 陈启航" in d.result.text()
    assert issued.report_id in d.result.text() and "1 page" in d.result.text()
    assert "周雅琳" in d.result.text() and "陈启航" in d.result.text()
    (held,) = archive.list_reports(state.ctx)
    assert held.report_id == issued.report_id and held.signed and held.language == "zh"
    assert [s.signer for s in archive.get_report(state.ctx, held.id).signatures] == ["周雅琳", "陈启航"]
    assert issued.version.state == "approved"

    with qtbot.waitSignal(d.openReport, timeout=2000) as opened:
        d.open_button.click()
    assert opened.args == [str(out)]
    assert not d.sign_button.isEnabled()  # signed: this dialog's work is done


class BlockingRenderer:
    """Stands in for services.report._render: starts, then waits until the job is cancelled (as the real render
    worker is stopped), and raises what the real one raises then."""

    def __init__(self) -> None:
        self.started = threading.Event()

    def __call__(self, a, lang, as_of, signers, token):
        self.started.set()
        stopped = threading.Event()
        remove = token.on_cancel(stopped.set)
        try:
            if not stopped.wait(WAIT / 1000):
                raise AssertionError("the render was never cancelled")
        finally:
            remove()
        raise Cancelled()


def test_cancel_mid_render_leaves_no_file_and_nothing_archived(qtbot, state, identities, approved, tmp_path,
                                                                monkeypatch):
    renderer = BlockingRenderer()
    monkeypatch.setattr(report_service, "_render", renderer)
    d = open_dialog(qtbot, state, approved)
    out = tmp_path / "signed.pdf"
    fill(d, out, monkeypatch)
    d.sign_button.click()
    qtbot.waitUntil(lambda: renderer.started.is_set() and d.last_progress is not None, timeout=WAIT)
    assert d.last_progress.step == "render" and "Rendering" in d.step.text()

    # the window keeps painting while the job runs: a heartbeat on the UI thread never stalls
    beats: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: beats.append(time.perf_counter()))
    timer.start(10)
    qtbot.waitUntil(lambda: len(beats) >= 30, timeout=WAIT)
    timer.stop()
    assert max(b - a for a, b in pairwise(beats)) < 0.1

    d.cancel_button.click()
    qtbot.waitUntil(lambda: not d.running, timeout=WAIT)
    assert d.status.text() == "Cancelled: nothing was written and nothing was archived"
    assert not out.exists() and list(tmp_path.glob("*.pdf*")) == [] and list(tmp_path.glob(".signed*")) == []
    assert archive.list_reports(state.ctx) == []
    assert d.sign_button.isEnabled() and d.dpo.passphrase.text() == ""  # asked again for another try


def test_closing_while_signing_cancels_first(qtbot, state, identities, approved, tmp_path, monkeypatch):
    renderer = BlockingRenderer()
    monkeypatch.setattr(report_service, "_render", renderer)
    d = open_dialog(qtbot, state, approved)
    fill(d, tmp_path / "signed.pdf", monkeypatch)
    d.sign_button.click()
    qtbot.waitUntil(renderer.started.is_set, timeout=WAIT)
    d.reject()
    assert d.isVisible()  # stays until the job has stopped
    qtbot.waitUntil(lambda: not d.isVisible(), timeout=WAIT)
    assert archive.list_reports(state.ctx) == [] and not (tmp_path / "signed.pdf").exists()


def test_the_data_folder_is_refused_as_the_output(qtbot, state, identities, approved, monkeypatch, fast_render):
    d = open_dialog(qtbot, state, approved)
    fill(d, state.ctx.data_dir / "report.pdf", monkeypatch, assessor=False)
    assert d.out_error.isVisible() and "inside the data folder" in d.out_error.text()
    d.sign_button.click()
    assert not d.running and fast_render.calls == []
    assert d.dpo.passphrase.text() == DPO_PASS  # nothing was attempted: the passphrase is still there to use


def test_a_wrong_passphrase_is_shown_beside_the_signer_it_belongs_to(qtbot, state, identities, approved, tmp_path,
                                                                    monkeypatch, fast_render):
    d = open_dialog(qtbot, state, approved)
    fill(d, tmp_path / "signed.pdf", monkeypatch, assessor_pass="not the assessor's passphrase")
    d.sign_button.click()
    qtbot.waitUntil(lambda: not d.running, timeout=WAIT)
    assert d.assessor.passphrase_error.isVisible()
    assert d.assessor.passphrase_error.text().startswith("✗ wrong passphrase for")
    assert "assessor-key.p12" in d.assessor.passphrase_error.text()
    assert not d.dpo.passphrase_error.isVisible() and d.status.text() == ""
    assert fast_render.calls == [] and not (tmp_path / "signed.pdf").exists()
    # the officer's wrong passphrase, beside the officer's field
    fill(d, tmp_path / "signed.pdf", monkeypatch, assessor=False, dpo_pass="not it either")
    d.sign_button.click()
    qtbot.waitUntil(lambda: not d.running, timeout=WAIT)
    assert d.dpo.passphrase_error.isVisible() and "signing-key.p12" in d.dpo.passphrase_error.text()


def test_an_incomplete_approval_is_listed_and_signing_waits_for_it(qtbot, state, identities, tmp_path):
    a = read_assessment(example_path("hotel-checkin"))
    d = open_dialog(qtbot, state, a)
    assert d.problems and not d.sign_button.isEnabled()
    assert "not complete" in d.approval_state.text() and "no approval is recorded" in d.approval_state.text()


def test_a_report_already_archived_is_said_plainly(qtbot, state, identities, approved, tmp_path, monkeypatch,
                                                  fast_render):
    first = open_dialog(qtbot, state, approved)
    fill(first, tmp_path / "first.pdf", monkeypatch, assessor=False)
    with qtbot.waitSignal(first.issued, timeout=WAIT):
        first.sign_button.click()
    again = open_dialog(qtbot, state, approved)
    fill(again, tmp_path / "second.pdf", monkeypatch, assessor=False)
    again.sign_button.click()
    qtbot.waitUntil(lambda: not again.running, timeout=WAIT)
    assert "is already signed and archived" in again.status.text() and "\n" not in again.status.text()
    assert not (tmp_path / "second.pdf").exists() and len(archive.list_reports(state.ctx)) == 1


def test_hostile_text_is_signed_and_shown_as_text(qtbot, state, identities, approved, tmp_path, monkeypatch,
                                                 fast_render):
    from PySide6.QtCore import Qt

    data = approved.to_dict()
    data["approval"]["reasons"] = HOSTILE
    data["system"] = {"name": HOSTILE}
    a = Assessment.from_dict(data)
    d = open_dialog(qtbot, state, a)
    assert d.header.textFormat() == Qt.TextFormat.PlainText and HOSTILE in d.header.text()
    fill(d, tmp_path / "signed.pdf", monkeypatch, assessor=False)
    with qtbot.waitSignal(d.issued, timeout=WAIT) as got:
        d.sign_button.click()
    held = report_service.read_report_assessment(got.args[0].path)
    assert held.approval["reasons"] == HOSTILE and held.system["name"] == HOSTILE


def test_the_dialog_follows_the_ui_language(qtbot, state, identities, approved):
    d = open_dialog(qtbot, state, approved)
    state.with_language("zh")
    assert "有条件同意实施" in d.approval_state.text()


# --- end to end, with the real report ---------------------------------------------------------------------------

@pytest.mark.slow
def test_approve_create_keys_and_sign_the_real_report_that_pdfsig_accepts(qtbot, state, tmp_path, monkeypatch):
    from PySide6.QtCore import QDate

    from pia_wizard.services import approval as approval_service
    from pia_wizard.ui.approve_dialog import ApproveDialog
    from pia_wizard.ui.keys_dialog import KeysDialog
    from tests.signing.conftest import need

    need("pdfsig")
    hotel = read_assessment(example_path("hotel-checkin"))
    # 1. the officer approves it
    approve = ApproveDialog(state, hotel)
    qtbot.addWidget(approve)
    for check in approve.attest_checks.values():
        check.setChecked(True)
    approve.select_opinion("proceed_with_conditions")
    approve.conditions.load("2026-12-15 上线前完成告知页保存期限的修改；2027-03-31 前部署入侵检测。")
    approve.reasons.load("整体剩余风险为中，低于不可接受等级；两项条件落实后同意上线。")
    approve.date.setDate(QDate(2026, 11, 26))
    approve.validate()
    assert approve.ok.isEnabled()
    approve.accept()
    a = approval_service.with_approval(hotel, approve.approval())
    # 2. both identities, through the keys dialog
    kd = KeysDialog(state)
    qtbot.addWidget(kd)
    for index, (name, passphrase) in enumerate((("陈启航", DPO_PASS), ("周雅琳", ASSESSOR_PASS))):
        kd.role.setCurrentIndex(index)
        kd.name.setText(name)
        kd.organisation.setText("锦程酒店管理（上海）有限公司")
        kd.new_passphrase.setText(passphrase)
        kd.repeat_passphrase.setText(passphrase)
        with qtbot.waitSignal(kd.identityChanged, timeout=WAIT):
            kd.create_button.click()
    # 3. the assessor and the officer sign
    d = open_dialog(qtbot, state, a)
    out = tmp_path / "hotel-signed.pdf"
    fill(d, out, monkeypatch)
    steps = []
    d.progressed.connect(lambda p: steps.append(p.step))
    with qtbot.waitSignal(d.issued, timeout=600_000) as got:
        d.sign_button.click()
    assert list(dict.fromkeys(steps)) == ["render", "sign-assessor", "sign-dpo", "archive", "write"]
    issued = got.args[0]
    assert issued.pages > 10
    (held,) = archive.list_reports(state.ctx)
    assert held.report_id == issued.report_id and held.sha256 == issued.sha256
    res = subprocess.run(["pdfsig", str(out)], capture_output=True, text=True, timeout=120)
    blocks = re.split(r"Signature #\d+:", res.stdout)[1:]
    assert len(blocks) == 2, res.stdout
    assert "周雅琳" in blocks[0] and "陈启航" in blocks[1]
    assert all("Signature is Valid." in b for b in blocks), res.stdout


def test_every_input_has_an_accessible_name(qtbot, state, identities, approved):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QProgressBar, QWidget

    d = open_dialog(qtbot, state, approved)
    d.use_assessor.setChecked(True)
    d.progress.show()
    nameless = [type(w).__name__ for w in d.findChildren(QWidget)
                if isinstance(w, QLineEdit | QComboBox | QAbstractButton | QProgressBar) and w.isVisible()
                and not isinstance(w.parent(), QComboBox)
                and not (w.accessibleName().strip() or (isinstance(w, QAbstractButton) and w.text().strip()))]
    assert nameless == []
