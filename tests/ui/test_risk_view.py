"""The risk grid and the heat map (issue 11 item 5): levels chosen through the widgets, live results, adjustments
and their reasons, the proposed vulnerable-group raise, round trips of the four examples, and the report's heat
map shown with QtSvg."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QComboBox, QDialog

from pia_wizard.context import AppContext
from pia_wizard.core import risk as risk_mod
from pia_wizard.services.assessments import (
    evaluate_assessment,
    parse_assessment,
    proposed_impact_adjustments,
)
from pia_wizard.services.report import heatmap_svg
from pia_wizard.ui.risk_view import HeatMapView, RiskEditor

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NAMES = ("hotel-checkin", "residential-gate", "school-canteen", "factory-attendance")


def example(name: str) -> dict:
    return json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def ctx(tmp_path: Path) -> AppContext:
    return AppContext(tmp_path / "data", fixed_today=date(2026, 12, 3))


@pytest.fixture
def editor(qtbot) -> RiskEditor:
    w = RiskEditor()
    qtbot.addWidget(w)
    w.resize(1100, 800)
    w.show()
    return w


def type_text(widget, text: str) -> None:
    """Type (also CJK) text into a focused text field the way an input method commits it."""
    widget.setFocus()
    widget.moveCursor(QTextCursor.MoveOperation.End)
    ev = QInputMethodEvent()
    ev.setCommitString(text)
    QApplication.sendEvent(widget, ev)


def combo(editor: RiskEditor, stage: str, axis: str, name: str) -> QComboBox:
    return editor.stages[stage].cells[(axis, name)].combo


def test_change_a_level_emits_the_new_level_and_updates_the_result(editor, qtbot):
    data = example("hotel-checkin")
    editor.set_risks(data["risks"], "en")
    editor.show_risk("leak", "current")
    box = combo(editor, "current", "impact", "reputation")
    assert box.currentData() == "high"
    result = editor.stages["current"].result
    before_result, before_summary = result.text(), editor.summary_labels["current"].text()
    before_item = editor.list.item(0).text()
    assert "Medium" in before_summary  # impact high x likelihood medium

    box.setFocus()
    with qtbot.waitSignal(editor.risksChanged) as blocker:
        qtbot.keyClick(box, Qt.Key.Key_Down)  # High -> Severe, as a keyboard user does it
    risks = blocker.args[0]
    assert risks["leak"]["current"]["impact"]["reputation"] == {
        "level": "severe", "reason": data["risks"]["leak"]["current"]["impact"]["reputation"]["reason"]}
    assert risks["leak"]["inherent"] == data["risks"]["leak"]["inherent"]  # nothing else moved
    assert result.text() != before_result and "Severe" in result.text()
    assert "High" in editor.summary_labels["current"].text()  # severe x medium -> high, in words
    assert editor.list.item(0).text() != before_item and "High" in editor.list.item(0).text()
    # The chosen level's GB/T 39335 criterion is written under the chooser and in every option's tooltip.
    row = editor.stages["current"].cells[("impact", "reputation")]
    criterion = risk_mod.labels()["criteria"]["impact"]["by_dimension"]["reputation"]["severe"]["en"]
    assert row.desc.text() == criterion
    assert criterion in box.itemData(box.findData("severe"), Qt.ItemDataRole.ToolTipRole)


def test_not_rated_leaves_the_cell_out(editor, qtbot):
    data = example("hotel-checkin")
    editor.set_risks(data["risks"], "zh")
    editor.show_risk("tamper", "inherent")
    with qtbot.waitSignal(editor.risksChanged) as blocker:
        combo(editor, "inherent", "likelihood", "network").setCurrentIndex(0)
    assert "network" not in blocker.args[0]["tamper"]["inherent"]["likelihood"]
    assert "未完成评定" in editor.summary_labels["inherent"].text()


def test_an_adjustment_without_a_reason_is_flagged(editor, qtbot):
    editor.set_risks(example("hotel-checkin")["risks"], "en")
    editor.show_risk("loss", "inherent")
    panel = editor.stages["inherent"]
    adj = panel.adjustments[("impact", "volume")]
    assert adj.required.isHidden() and adj.reason.isHidden()
    with qtbot.waitSignal(editor.risksChanged) as blocker:
        adj.check.click()
    assert {"kind": "volume", "reason": ""} in blocker.args[0]["loss"]["inherent"]["impact_adjustments"]
    assert adj.required.isVisible() and "Reason required" in adj.required.text()
    assert "⚠" in editor.tabs.tabText(0)
    assert "Still missing" in panel.result.text()
    assert panel.missing_reasons() == ["volume"]

    with qtbot.waitSignal(editor.risksChanged) as blocker:
        type_text(adj.reason, "约50万人的健康信息")
    adjustments = blocker.args[0]["loss"]["inherent"]["impact_adjustments"]
    assert {"kind": "volume", "reason": "约50万人的健康信息"} in adjustments
    assert adj.required.isHidden()
    assert "⚠" not in editor.tabs.tabText(0)
    assert "before adjustments" in panel.result.text()  # the raise is applied and shown


def test_the_proposed_vulnerable_adjustment_applies(editor, qtbot, tmp_path):
    data = example("school-canteen")
    for entry in data["risks"].values():
        for stage in risk_mod.STAGES:
            if stage in entry:
                entry[stage].pop("impact_adjustments", None)
    a = parse_assessment(json.dumps(data, ensure_ascii=False))
    proposals = proposed_impact_adjustments(ctx(tmp_path), a)
    assert [p["kind"] for p in proposals] == ["vulnerable"]
    editor.set_risks(data["risks"], "en")
    editor.set_proposals(proposals)
    box = editor.proposals
    assert box.isVisible()
    _proposal, title, reason_edit, apply_all, _apply_here, state = box.rows[0]
    assert "Vulnerable" in title.text() and "Not applied" in state.text()
    assert reason_edit.text() == proposals[0]["reason"]
    type_text(reason_edit, " (edited)")
    reason = proposals[0]["reason"] + " (edited)"

    with qtbot.waitSignal(editor.risksChanged) as blocker:
        qtbot.mouseClick(apply_all, Qt.MouseButton.LeftButton)
    risks = blocker.args[0]
    for rid in risk_mod.RISKS:
        for stage in risk_mod.STAGES:
            if stage == "target" and "target" not in data["risks"][rid]:
                assert "target" not in risks[rid]
                continue
            assert risks[rid][stage]["impact_adjustments"] == [{"kind": "vulnerable", "reason": reason}]
    assert not apply_all.isEnabled() and "Applied to every risk" in state.text()
    editor.show_risk("leak", "inherent")
    assert editor.stages["inherent"].adjustments[("impact", "vulnerable")].is_on()


@pytest.mark.parametrize("name", NAMES)
def test_round_trip_through_a_no_op_edit(editor, qtbot, name):
    data = example(name)
    original = copy.deepcopy(data["risks"])
    editor.set_risks(data["risks"], "zh")
    for rid in risk_mod.RISKS:
        editor.show_risk(rid)
        for stage in ("inherent", "current"):
            box = combo(editor, stage, "impact", "autonomy")
            level = box.currentIndex()
            box.setCurrentIndex((level + 1) % box.count())
            with qtbot.waitSignal(editor.risksChanged) as blocker:
                box.setCurrentIndex(level)
            assert blocker.args[0] == original, (rid, stage)
    # Retyping a description ends where it started, too.
    editor.show_risk("leak")
    text = editor.description.text()
    editor.description.set_text("")
    with qtbot.waitSignal(editor.risksChanged) as blocker:
        type_text(editor.description, text)
    assert blocker.args[0] == original
    assert data["risks"] == original  # the caller's dict is never changed


def test_target_same_as_current_is_absent_and_can_be_separated(editor, qtbot):
    data = example("hotel-checkin")
    editor.set_risks(data["risks"], "en")
    editor.show_risk("tamper", "target")
    panel = editor.stages["target"]
    assert panel.same.isChecked() and not panel.boxes["impact"].isEnabled()
    assert "same as current" in editor.summary_labels["target"].text()
    with qtbot.waitSignal(editor.risksChanged) as blocker:
        panel.same.click()
    assert blocker.args[0]["tamper"]["target"] == data["risks"]["tamper"]["current"]
    assert panel.boxes["impact"].isEnabled()
    with qtbot.waitSignal(editor.risksChanged) as blocker:
        combo(editor, "target", "likelihood", "network").setCurrentIndex(4)
    assert blocker.args[0]["tamper"]["target"]["likelihood"]["network"]["level"] == "very_high"
    assert editor.tabs.tabText(2) == "Target: High" and "Very high" in editor.stages["target"].result.text()
    with qtbot.waitSignal(editor.risksChanged) as blocker:
        panel.same.click()
    assert "target" not in blocker.args[0]["tamper"]
    assert blocker.args[0] == data["risks"]


def test_language_switch_and_accessible_names(editor):
    editor.set_risks(example("hotel-checkin")["risks"], "zh")
    assert "泄露" in editor.list.item(0).text() and "中" in editor.list.item(0).text()
    editor.set_language("en")
    assert "Leak" in editor.list.item(0).text() and "Medium" in editor.list.item(0).text()
    assert editor.stages["current"].cells[("impact", "autonomy")].title.text().startswith("Affects")
    for widget in (editor.list, editor.description, editor.measures,
                   *(c.combo for p in editor.stages.values() for c in p.cells.values()),
                   *(c.reason for p in editor.stages.values() for c in p.cells.values()),
                   *(a.check for p in editor.stages.values() for a in p.adjustments.values())):
        assert widget.accessibleName(), widget.objectName()


def test_hostile_text_is_kept_verbatim(editor, qtbot):
    data = example("hotel-checkin")
    hostile = "<b>粗体</b> &amp; \u202eRTL\u202c 🙂" + "x" * 100_000
    data["risks"]["leak"]["current"]["impact"]["autonomy"]["reason"] = hostile
    editor.set_risks(data["risks"], "zh")
    editor.show_risk("leak", "current")
    with qtbot.waitSignal(editor.risksChanged) as blocker:
        type_text(editor.measures, "!")
    assert blocker.args[0]["leak"]["current"]["impact"]["autonomy"]["reason"] == hostile


def grab_is_drawn(widget) -> bool:
    image = widget.grab().toImage()
    if image.isNull() or image.width() == 0:
        return False
    first = image.pixel(0, 0)
    return any(image.pixel(x, y) != first for x in range(0, image.width(), 7) for y in range(0, image.height(), 7))


def test_heatmap_svg_is_rendered_and_follows_a_level_change(editor, qtbot, tmp_path):
    c = ctx(tmp_path)
    data = example("hotel-checkin")
    a = parse_assessment(json.dumps(data, ensure_ascii=False))
    ev = evaluate_assessment(c, a)
    svg = heatmap_svg(a, ev, "zh")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    view = HeatMapView()
    qtbot.addWidget(view)
    view.resize(520, 480)
    view.show()
    view.set_svg(svg)
    assert view.svg.renderer().isValid()
    qtbot.waitUntil(lambda: grab_is_drawn(view.svg))

    editor.set_risks(data["risks"], "zh")
    editor.show_risk("leak", "current")
    with qtbot.waitSignal(editor.risksChanged) as blocker:
        combo(editor, "current", "impact", "reputation").setCurrentIndex(4)  # severe
    data["risks"] = blocker.args[0]
    a2 = parse_assessment(json.dumps(data, ensure_ascii=False))
    ev2 = evaluate_assessment(c, a2)
    svg2 = heatmap_svg(a2, ev2, "zh")
    assert svg2 != svg
    before = view.svg.grab().toImage()
    view.set_evaluation(a2, ev2, "en")
    assert view.markup == heatmap_svg(a2, ev2, "en")
    assert view.svg.grab().toImage() != before
    assert "1. Leak: High → High" in view.legend.text()  # inherent high -> current now high (was medium)

    # Enlarged, the same drawing at about twice its natural size; it follows the next change too.
    assert view.enlarge.isEnabled()
    view.enlarge.click()
    large = view.findChild(QDialog, "heatmap-large")
    assert large is not None and large.isVisible()
    qtbot.waitUntil(lambda: grab_is_drawn(large))
    natural = view.svg.sizeHint()
    assert large.width() >= min(natural.width() * 2, large.screen().availableGeometry().width() * 0.85)
    shown_before = large.grab().toImage()
    view.set_evaluation(a, ev, "en")
    assert large.grab().toImage() != shown_before


def test_stages_not_yet_opened_are_made_on_first_use_and_flag_missing_reasons(editor, qtbot):
    """A stage's panel is made when its tab is first shown (or a turn after the editor is shown); until then its
    tab still says what it needs."""
    risks = example("hotel-checkin")["risks"]
    risks["loss"]["target"] = dict(risks["loss"]["current"], impact_adjustments=[{"kind": "volume", "reason": ""}])
    fresh = RiskEditor()
    qtbot.addWidget(fresh)
    fresh.set_risks(risks, "en")
    fresh.show_risk("loss")
    assert fresh.stages.built == {}
    assert "⚠" in fresh.tabs.tabText(2)  # from the data, no panel made yet
    fresh.resize(1100, 800)
    fresh.show()
    qtbot.waitUntil(lambda: len(fresh.stages.built) == 3)
    assert fresh.stages.built["target"].missing_reasons() == ["volume"]
    assert fresh.stages.built["inherent"].isVisible()
