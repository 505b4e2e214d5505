"""The audit log view (issue 12 item 7): filterable (entity, ID, text) through the archive, each entry in full, and
Verify: a job with progress that says "intact (N entries)" or names the first broken entry and selects it."""

from __future__ import annotations

import pytest

from pia_wizard.services import archive
from pia_wizard.ui.app import build_state
from pia_wizard.ui.audit_view import AuditView
from pia_wizard.ui.settings import UiSettings
from tests.ui.archive_fixtures import FIELDS, HOSTILE, break_audit_chain

WAIT = 20_000


@pytest.fixture
def state(tmp_path, monkeypatch):
    monkeypatch.setattr(UiSettings, "save", lambda self, store=None: None)
    s = build_state(UiSettings(language="en"), data_dir=str(tmp_path / "data"))
    for i in range(250):  # more than a page of the view
        archive.add_record(s.ctx, {**FIELDS, "system": f"sys-{i}"})
    for name, text in HOSTILE.items():
        archive.add_record(s.ctx, {**FIELDS, "system": name, "note": text})
    yield s
    s.worker.shutdown(wait=True)


def make(qtbot, state) -> AuditView:
    w = AuditView(state)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitUntil(lambda: w.model.rowCount() > 0, timeout=WAIT)
    return w


def test_filters_and_entries_in_full(qtbot, state):
    w = make(qtbot, state)
    assert w.model.rowCount() == 200 and w.count.text() == "Entries shown: 200 (more load as you scroll)"
    w.entity.setCurrentIndex(w.entity.findData("processing_record"))
    w.search.setText("<script>")
    w.apply_button.click()
    qtbot.waitUntil(lambda: w.model.rowCount() == 1, timeout=WAIT)
    assert w.count.text() == "Entries: 1"
    w.table.selectRow(0)
    assert HOSTILE["html"] in w.details.toPlainText()  # verbatim, as plain text
    w.entity.setCurrentIndex(w.entity.findData("database"))
    w.search.clear()
    w.apply_filters()
    qtbot.waitUntil(lambda: w.model.rowCount() == 1 and w.model.rows[0].entity == "database", timeout=WAIT)
    w.clear_button.click()
    qtbot.waitUntil(lambda: w.model.rowCount() == 200, timeout=WAIT)


def test_verify_an_intact_chain(qtbot, state):
    w = make(qtbot, state)
    w.verify_button.click()
    assert w.job.isVisible()
    qtbot.waitUntil(lambda: w.check is not None, timeout=WAIT)
    n = w.check.entries
    assert n == w.model.rows[0].seq
    assert w.result.text().startswith(f"✓ Intact ({n} entries). Head: entry {n}, hash {w.check.head_hash}.")
    assert w.job.isHidden()


def test_verify_names_and_selects_the_first_broken_entry(qtbot, state):
    break_audit_chain(state.ctx.data_dir, 7)
    w = make(qtbot, state)
    w.search.setText("sys-200")  # a filter that hides entry 7: verify clears it to show the break
    w.apply_filters()
    qtbot.waitUntil(lambda: w.model.rowCount() == 1, timeout=WAIT)
    w.verify()
    qtbot.waitUntil(lambda: w.check is not None, timeout=WAIT)
    assert not w.check.ok and w.check.broken_seq == 7
    assert w.result.text().startswith("✗ Broken at entry 7: sequence 7: the entry does not match its hash")
    assert w.result.text().endswith("The 6 entries before it are intact.")
    qtbot.waitUntil(lambda: w.table.selectionModel().hasSelection()
                    and w.model.rows[w.table.currentIndex().row()].seq == 7, timeout=WAIT)
    row = w.table.currentIndex().row()
    assert w.model.data(w.model.index(row, 0)) == "✗ 7" and w.search.text() == ""
    assert "Sequence: 7" in w.details.toPlainText()
