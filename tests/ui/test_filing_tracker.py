"""The archive's filing tracker (issue 12 item 7): per processor the stored count, the threshold date, the deadline in
working days (an estimate past the official calendar), the state in words and red when overdue, change and
cancellation events (add, done, disposed, withdraw with a reason), the eight materials with state, note and files."""

from __future__ import annotations

import pytest

from pia_wizard.services import archive
from pia_wizard.ui.app import build_state
from pia_wizard.ui.filing_tracker import FilingTracker
from pia_wizard.ui.settings import UiSettings
from tests.ui.archive_fixtures import HOSTILE, TODAY

WAIT = 20_000


@pytest.fixture
def state(tmp_path, monkeypatch):
    monkeypatch.setattr(UiSettings, "save", lambda self, store=None: None)
    s = build_state(UiSettings(language="en"), data_dir=str(tmp_path / "data"))
    s.ctx = s.ctx.with_(fixed_today=TODAY)  # the clocks as of a fixed day
    yield s
    s.worker.shutdown(wait=True)


def make(qtbot, state) -> FilingTracker:
    w = FilingTracker(state)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    return w


def submit(qtbot, dialog, **values) -> None:
    for key, value in values.items():
        widget = dialog.inputs[key]
        if hasattr(widget, "show_iso"):
            widget.show_iso(value)
        elif hasattr(widget, "setChecked"):
            widget.setChecked(value)
        elif hasattr(widget, "findData"):
            widget.setCurrentIndex(widget.findData(value))
        else:
            widget.setText(value)
    dialog.submit()


def test_from_nothing_to_an_overdue_filing_and_filed(qtbot, state, dialogs):
    w = make(qtbot, state)
    qtbot.waitUntil(lambda: w.empty.isVisible(), timeout=WAIT)
    assert w.body.isHidden() and w.count_button.isEnabled() and not w.filed_button.isEnabled()
    name = HOSTILE["html"]
    d = w.log_count()
    submit(qtbot, d, processor=name, on="2026-09-01", count="many")
    qtbot.waitUntil(lambda: d.error.isVisible(), timeout=WAIT)
    assert "'many' is not a whole number" in d.error.text() and d.isVisible()
    assert d.inputs["processor"].text() == name  # nothing lost
    with qtbot.waitSignal(d.done, timeout=WAIT):
        submit(qtbot, d, count="120,000")
    qtbot.waitUntil(lambda: w.data is not None and w.current() == name, timeout=WAIT)
    assert w.processor.currentText() == name
    assert w.fields["count"][1].text() == "120,000 (counted on 1 Sept 2026)" or \
        w.fields["count"][1].text() == "120,000 (counted on 1 Sep 2026)"
    assert w.fields["reached"][1].text().endswith("(from the count log)")
    clock = archive.filing_status(state.ctx, name).data["filing"]["clock"]
    assert clock["status"] == "overdue"
    assert w.state_line.text().startswith(f"Filing: ✗ Overdue by {clock['days_overdue']} calendar days")
    assert "#a61b1b" in w.state_line.styleSheet()  # red, and in words
    assert w.flags.isVisible() and w.flags.text().startswith("Overdue: filing overdue by")
    assert w.fields["filed"][1].text() == "not filed yet"
    d = w.record_filing()
    with qtbot.waitSignal(d.done, timeout=WAIT):
        submit(qtbot, d, on="2026-10-01", number="沪备-<1>", authority="上海市网信办")
    qtbot.waitUntil(lambda: w.data["filing"]["filed_on"] == "2026-10-01", timeout=WAIT)
    assert w.fields["filed"][1].text() == "1 Oct 2026, number 沪备-<1>, 上海市网信办"
    assert w.state_line.text().startswith("Filing: ✓ Done on time") and w.flags.isHidden()
    assert dialogs == []


def test_events_done_disposed_and_withdrawn(qtbot, state):
    archive.log_stored_count(state.ctx, 120_000, "2026-09-01", processor="P")
    archive.record_filing(state.ctx, "2026-09-10", "N-1", processor="P")
    w = make(qtbot, state)
    qtbot.waitUntil(lambda: w.data is not None, timeout=WAIT)
    assert not w.event_buttons["done"].isEnabled()
    d = w.add_event("cancellation")
    with qtbot.waitSignal(d.done, timeout=WAIT):
        submit(qtbot, d, on="2026-11-20", description=HOSTILE["rtl"])
    qtbot.waitUntil(lambda: w.events_model.rowCount() == 1, timeout=WAIT)
    w.events.selectRow(0)
    assert w.event_buttons["disposed"].isEnabled() and w.event_buttons["withdraw"].isEnabled()
    state_text = w.events_model.data(w.events_model.index(0, 3))
    assert "working day" in state_text and state_text[0] in "◷⚠"
    assert w.events_model.data(w.events_model.index(0, 2)) == HOSTILE["rtl"]
    d = w.event_disposed()
    with qtbot.waitSignal(d.done, timeout=WAIT):
        submit(qtbot, d, on="2026-11-22", how="deleted, log kept")
    qtbot.waitUntil(lambda: bool(w.events_model.rows and w.events_model.rows[0]["disposed_on"]), timeout=WAIT)
    w.events.selectRow(0)
    d = w.event_done()
    submit(qtbot, d, on="2026-11-19")  # before the event: refused with the archive's words
    qtbot.waitUntil(lambda: d.error.isVisible(), timeout=WAIT)
    assert "before the event" in d.error.text()
    with qtbot.waitSignal(d.done, timeout=WAIT):
        submit(qtbot, d, on="2026-11-24", reference="R-9")
    qtbot.waitUntil(lambda: bool(w.events_model.rows and w.events_model.rows[0]["done_on"]), timeout=WAIT)
    assert w.events_model.data(w.events_model.index(0, 3)).startswith("✓ Done on time")
    d = w.add_event("change")
    with qtbot.waitSignal(d.done, timeout=WAIT):
        submit(qtbot, d, on="2026-11-21", description="typo")
    qtbot.waitUntil(lambda: w.events_model.rowCount() == 2, timeout=WAIT)
    row = next(i for i, e in enumerate(w.events_model.rows) if e["kind"] == "change")
    w.events.selectRow(row)
    assert not w.event_buttons["disposed"].isEnabled()
    d = w.withdraw_event()
    submit(qtbot, d, reason="")
    qtbot.waitUntil(lambda: "must not be empty" in d.error.text(), timeout=WAIT)
    with qtbot.waitSignal(d.done, timeout=WAIT):
        submit(qtbot, d, reason="entered twice")
    qtbot.waitUntil(lambda: any(e["withdrawn_reason"] for e in w.events_model.rows), timeout=WAIT)
    row = next(i for i, e in enumerate(w.events_model.rows) if e["kind"] == "change")
    assert w.events_model.data(w.events_model.index(row, 3)) == "Withdrawn: entered twice"


def test_materials_state_note_and_files(qtbot, state, tmp_path, dialogs):
    archive.log_stored_count(state.ctx, 120_000, "2026-09-01", processor="P")
    w = make(qtbot, state)
    qtbot.waitUntil(lambda: w.materials_model.rowCount() == 8, timeout=WAIT)
    assert w.notes.text().startswith("Reminder: 8 filing materials are not ready yet")
    w.materials.selectRow(2)
    d = w.edit_material()
    with qtbot.waitSignal(d.done, timeout=WAIT):
        submit(qtbot, d, status="ready", note=HOSTILE["emoji"])
    qtbot.waitUntil(lambda: w.materials_model.rows[2]["status"] == "ready", timeout=WAIT)
    m = w.materials_model
    assert m.data(m.index(2, 1)) == "✓ ready" and m.data(m.index(2, 2)) == HOSTILE["emoji"]
    doc = tmp_path / "报告.pdf"
    doc.write_bytes(b"%PDF-1.7 doc")
    w.materials.selectRow(2)
    w.attach(str(doc))
    qtbot.waitUntil(lambda: w.materials_model.rows[2]["file_name"] == "报告.pdf", timeout=WAIT)
    assert m.data(m.index(2, 3)).startswith("报告.pdf (SHA-256 ")
    w.materials.selectRow(2)
    assert w.material_buttons["save"].isEnabled()
    out = tmp_path / "copy.pdf"
    w.save_attachment(str(out))
    qtbot.waitUntil(out.exists, timeout=WAIT)
    assert out.read_bytes() == b"%PDF-1.7 doc"
    w.save_attachment(str(state.ctx.data_dir / "copy.pdf"))
    qtbot.waitUntil(lambda: dialogs != [], timeout=WAIT)
    assert dialogs[0][0] == "Cannot save the file" and "data folder" in dialogs[0][1]


def test_processors_switch_and_language(qtbot, state):
    archive.log_stored_count(state.ctx, 50_000, "2026-11-01", processor="A Ltd")
    archive.log_stored_count(state.ctx, 150_000, "2026-11-20", processor="B Ltd")
    w = make(qtbot, state)
    qtbot.waitUntil(lambda: w.data is not None, timeout=WAIT)
    assert w.current() == "A Ltd"
    assert w.state_line.text() == "Below the 100,000 filing threshold: no filing due."
    assert w.fields["deadline"][1].text() == "no clock: the threshold is not reached"
    w.show_processor("B Ltd")
    qtbot.waitUntil(lambda: w.data["processor"] == "B Ltd", timeout=WAIT)
    clock = w.data["filing"]["clock"]
    assert w.state_line.text().startswith("Filing: ") and "working day" in w.state_line.text()
    assert w.fields["deadline"][1].text().endswith("(estimate)") == clock["estimated"]
    state.with_language("zh")
    assert "2026年" in w.fields["reached"][1].text()
    assert w.materials_model.data(w.materials_model.index(0, 0)) == "个人信息处理者基本情况表（电子版）"
