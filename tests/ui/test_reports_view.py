"""The archived reports view (issue 12 item 7): the list with assessment, version, language, dates and signers; open in
the preview (a signal); save a copy (never into the data folder); keep longer (never earlier: the archive's words
are shown); purge what is expired after a confirmation that lists it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QDialog

from pia_wizard.services import archive
from pia_wizard.ui.app import build_state
from pia_wizard.ui.reports_view import PurgeDialog, ReportsView
from pia_wizard.ui.settings import UiSettings
from tests.ui.archive_fixtures import HOSTILE, archive_report, saved_assessment

WAIT = 20_000


@pytest.fixture
def state(tmp_path, monkeypatch):
    monkeypatch.setattr(UiSettings, "save", lambda self, store=None: None)
    s = build_state(UiSettings(language="en"), data_dir=str(tmp_path / "data"))
    yield s
    s.worker.shutdown(wait=True)


@pytest.fixture
def reports(state):
    _aid, vid = saved_assessment(state.ctx, system=HOSTILE["html"])
    current = archive_report(state.ctx, vid, "PIA-2026-" + HOSTILE["emoji"], signers=[("王评估", "assessor"),
                                                                                      ("陈启航", "dpo")])
    _aid2, vid2 = saved_assessment(state.ctx, system="Old kiosk")
    old = archive_report(state.ctx, vid2, "PIA-2021-1", clock=lambda: datetime(2021, 3, 1, tzinfo=UTC))
    return current, old


def make(qtbot, state) -> ReportsView:
    w = ReportsView(state)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    return w


def test_list_open_and_save(qtbot, state, reports, tmp_path, dialogs):
    current, _old = reports
    w = make(qtbot, state)
    qtbot.waitUntil(lambda: w.model.rowCount() == 2, timeout=WAIT)
    row = w.model.rows.index(next(r for r in w.model.rows if r.report.id == current["id"]))
    values = [w.model.data(w.model.index(row, c)) for c in range(len(w.model.COLUMNS))]
    assert values[0] == "PIA-2026-" + HOSTILE["emoji"] and values[1] == HOSTILE["html"] and values[2] == "v1"
    assert values[6] == "王评估 (assessor); 陈启航 (DPO)"
    old_row = 1 - row
    assert w.model.data(w.model.index(old_row, 5)).endswith("(ended)")  # in words, not only red
    w.select(current["id"])
    assert "SHA-256: " + current["sha256"] in w.details.toPlainText()
    assert "self-signed" in w.details.toPlainText()
    with qtbot.waitSignal(w.openReport, timeout=WAIT) as blocker:
        w.open_button.click()
    assert blocker.args == [current["id"]]
    out = tmp_path / "copy.pdf"
    w.save_copy(str(out))
    qtbot.waitUntil(lambda: w.status.text() == f"Saved a copy to {out}", timeout=WAIT)
    assert out.read_bytes() == archive.report_pdf(state.ctx, current["id"])
    w.save_copy(str(state.ctx.data_dir / "copy.pdf"))
    qtbot.waitUntil(lambda: dialogs != [], timeout=WAIT)
    assert dialogs[0][0] == "Cannot save the copy" and "data folder" in dialogs[0][1]
    w.filter.setText("old kiosk")
    assert w.proxy.rowCount() == 1


def test_keep_longer_but_never_earlier(qtbot, state, reports):
    current, _ = reports
    w = make(qtbot, state)
    qtbot.waitUntil(lambda: w.model.rowCount() == 2, timeout=WAIT)
    w.select(current["id"])
    d = w.keep_longer()
    until = current["retain_until"]
    earlier = f"{int(until[:4]) - 1}{until[4:]}"
    d.inputs["until"].show_iso(earlier)
    d.submit()
    qtbot.waitUntil(lambda: "can only be extended" in d.error.text(), timeout=WAIT)
    assert d.isVisible()
    later = f"{int(until[:4]) + 2}{until[4:]}"
    d.inputs["until"].show_iso(later)
    with qtbot.waitSignal(d.done, timeout=WAIT):
        d.submit()
    assert archive.get_report(state.ctx, current["id"]).retain_until == later
    qtbot.waitUntil(lambda: w.status.text().startswith("Report PIA-2026-"), timeout=WAIT)


def test_purge_lists_what_would_go_and_asks(qtbot, state, reports, monkeypatch):
    current, _old = reports
    shown = []

    def decline(dialog):
        shown.append(dialog.items.toPlainText())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(PurgeDialog, "exec", decline)
    w = make(qtbot, state)
    qtbot.waitUntil(lambda: w.model.rowCount() == 2, timeout=WAIT)
    w.purge_button.click()
    qtbot.waitUntil(lambda: w.status.text() == "Purge cancelled: nothing was deleted.", timeout=WAIT)
    assert shown == ["Report PIA-2021-1, kept until 1 Mar 2024"]  # only the expired one
    monkeypatch.setattr(PurgeDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    w.purge_expired()
    qtbot.waitUntil(lambda: w.status.text().startswith("Purged. Reports: 1;"), timeout=WAIT)
    qtbot.waitUntil(lambda: w.model.rowCount() == 1, timeout=WAIT)
    assert [r.report.id for r in w.model.rows] == [current["id"]]
    purges = archive.audit_entries(state.ctx, entity="report", entity_id="PIA-2021-1", limit=5)
    assert purges[0].action == "purge"
    w.purge_expired()
    qtbot.waitUntil(lambda: w.status.text().startswith("Nothing to purge"), timeout=WAIT)
