"""The home window's actions not covered by the workspace tests, used as a DPO uses them: the settings dialog, a new
version of an approved assessment (with one of the store's reasons) and export to JSON."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog

from pia_wizard.services import assessments
from pia_wizard.ui import home as home_module
from pia_wizard.ui import settings_dialog
from pia_wizard.ui.app import build_state
from pia_wizard.ui.home import HomeWindow
from pia_wizard.ui.settings import UiSettings

WAIT = 15_000


@pytest.fixture
def state(tmp_path):
    s = build_state(UiSettings(language="en"), data_dir=str(tmp_path / "data"))
    yield s
    s.worker.shutdown(wait=True)


@pytest.fixture
def home(qtbot, state, dialogs):
    w = HomeWindow(state)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def stored_example(state, name="hotel-checkin"):
    a = assessments.read_assessment(assessments.example_path(name))
    assessments.save_draft(state.ctx, a)
    return a


def shown(qtbot, home, assessment_id, state="draft"):
    home.refresh()
    qtbot.waitUntil(lambda: any(r.assessment_id == assessment_id and r.state == state for r in home.model.rows),
                    timeout=WAIT)
    home.select(assessment_id)
    assert home.selected().assessment_id == assessment_id


def test_the_settings_dialog_switches_the_language_at_once_and_keeps_the_settings(qtbot, home, state, monkeypatch):

    def choose(dialog):
        dialog.language.setCurrentIndex(dialog.language.findData("zh"))
        dialog.report_language.setCurrentIndex(dialog.report_language.findData("en"))
        dialog.assessor.setText("  周雅琳 <b>DPO</b>  ")
        assert dialog.data_dir.text() == str(state.ctx.data_dir)  # shown, not editable
        dialog.accept()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", choose)
    with qtbot.waitSignal(state.languageChanged, timeout=WAIT):
        home.act_settings.trigger()
    assert (state.settings.language, state.settings.report_language, state.settings.assessor_name) == (
        "zh", "en", "周雅琳 <b>DPO</b>")
    assert state.ctx.lang == "zh" and home.model.lang == "zh"  # the texts switch with it: tests/ui/test_i18n.py
    again = UiSettings.load(QSettings())
    assert (again.language, again.report_language, again.assessor_name) == ("zh", "en", "周雅琳 <b>DPO</b>")

    # The assessor's name is offered in the next new assessment, verbatim.
    seen = {}

    def cancel(dialog):
        seen["assessor"] = dialog.assessor.text()
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(home_module.NewAssessmentDialog, "exec", cancel)
    home.act_new.trigger()
    assert seen["assessor"] == "周雅琳 <b>DPO</b>"


def test_cancelling_the_settings_dialog_changes_nothing(qtbot, home, state, monkeypatch):
    def cancel(dialog):
        dialog.language.setCurrentIndex(dialog.language.findData("zh"))
        dialog.reject()
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", cancel)
    home.act_settings.trigger()
    assert state.settings.language == "en"


def test_a_new_version_of_an_approved_assessment_records_the_reason_and_opens_the_draft(qtbot, home, state,
                                                                                         monkeypatch):
    a = stored_example(state)
    assessments.transition(state.ctx, a.id, "submit")
    assessments.transition(state.ctx, a.id, "approve")
    shown(qtbot, home, a.id, "approved")
    reasons = assessments.version_reasons()
    chosen = reasons[1]

    def fill(dialog):
        dialog.reason.setCurrentIndex(dialog.reason.findData(chosen.id))
        dialog.note.setText("新增南京店 3 台设备 (<i>Art. 9</i>)")
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(home_module.NewVersionDialog, "exec", fill)
    home.act_version.trigger()
    qtbot.waitUntil(lambda: a.id in home.workspaces, timeout=WAIT)
    versions = assessments.versions(state.ctx, a.id)
    assert [(v.version, v.state) for v in versions][-2:] == [(1, "approved"), (2, "draft")]
    assert (versions[-1].reason, versions[-1].reason_note) == (chosen.id, "新增南京店 3 台设备 (<i>Art. 9</i>)")
    qtbot.waitUntil(lambda: home.workspaces[a.id].evaluation is not None, timeout=WAIT)


def test_a_new_version_is_offered_only_for_an_approved_one_and_a_refusal_is_explained(qtbot, home, state,
                                                                                       monkeypatch, dialogs):
    a = stored_example(state)
    shown(qtbot, home, a.id)
    assert not home.act_version.isEnabled() and home.act_delete.isEnabled()  # a draft is edited, not versioned
    assessments.transition(state.ctx, a.id, "submit")
    assessments.transition(state.ctx, a.id, "approve")
    shown(qtbot, home, a.id, "approved")
    assert home.act_version.isEnabled() and not home.act_delete.isEnabled()
    # Meanwhile another window (or the CLI) started version 2: the list still shows the approved one.
    reason = assessments.version_reasons()[0].id
    assessments.new_version(state.ctx, a.id, reason)
    monkeypatch.setattr(home_module.NewVersionDialog, "exec", lambda d: int(QDialog.DialogCode.Accepted))
    home.act_version.trigger()
    qtbot.waitUntil(lambda: bool(dialogs), timeout=WAIT)
    title, text = dialogs.pop()
    assert title == "Cannot start a new version" and text and "Traceback" not in text
    assert [v.version for v in assessments.versions(state.ctx, a.id)] == [1, 2]


def test_export_writes_the_stored_assessment_and_refuses_the_data_folder(qtbot, home, state, monkeypatch, tmp_path,
                                                                         dialogs):
    a = stored_example(state, "residential-gate")
    shown(qtbot, home, a.id)
    out = tmp_path / "导出 gate.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (str(out), ""))
    home.act_export.trigger()
    qtbot.waitUntil(lambda: out.exists() and "Exported to" in home.status.text(), timeout=WAIT)
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["id"] == a.id and exported["answers"] == json.loads(a.to_json())["answers"]
    assert assessments.read_assessment(out).answers == a.answers

    inside = state.ctx.data_dir / "export.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (str(inside), ""))
    home.act_export.trigger()
    qtbot.waitUntil(lambda: bool(dialogs), timeout=WAIT)
    title, text = dialogs.pop()
    assert title == "Cannot export" and "data folder" in text and not inside.exists()


def test_an_approved_version_opens_locked_and_its_banner_starts_the_next_version(qtbot, home, state, monkeypatch):
    a = stored_example(state)
    assessments.transition(state.ctx, a.id, "submit")
    assessments.transition(state.ctx, a.id, "approve")
    shown(qtbot, home, a.id, "approved")
    home.act_open.trigger()
    qtbot.waitUntil(lambda: a.id in home.workspaces and home.workspaces[a.id].evaluation is not None, timeout=WAIT)
    ws = home.workspaces[a.id]
    assert ws.read_only and not ws.locked_row.isHidden() and "Version 1 is approved" in ws.locked.text()
    assert all(not b.editor.isEnabled() for b in ws.blocks.values())
    monkeypatch.setattr(home_module.NewVersionDialog, "exec", lambda d: int(QDialog.DialogCode.Rejected))
    ws.new_version_button.click()  # cancelled: nothing changes, the window stays
    assert home.workspaces[a.id] is ws and [v.version for v in assessments.versions(state.ctx, a.id)] == [1]
