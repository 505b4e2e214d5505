"""The side-by-side comparison (issue 12 item 7): findings and risk moves at the top, answers grouped by section,
old | new with changes marked in words and signs as well as colour, the filters, copy as text, hostile text
verbatim, zh and en."""

from __future__ import annotations

import copy
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pia_wizard.core.bank import default_bank
from pia_wizard.services.assessments import example_path, read_assessment
from pia_wizard.services.diff import compare
from pia_wizard.ui.app import build_state
from pia_wizard.ui.diff_view import DiffView
from pia_wizard.ui.settings import UiSettings

TODAY = date(2026, 11, 26)
HOSTILE = "<b>x</b><script>alert(1)</script>&amp; &lt; مرحبا \u202eRTL\u202c 👩\u200d👩\u200d👧"


@pytest.fixture
def state(tmp_path, monkeypatch):
    monkeypatch.setattr(UiSettings, "save", lambda self, store=None: None)  # never the user's QSettings
    s = build_state(UiSettings(language="en"), data_dir=str(tmp_path / "data"))
    s.ctx = s.ctx.with_(fixed_today=TODAY)
    yield s
    s.worker.shutdown(wait=True)


@pytest.fixture(scope="module")
def hotel():
    return read_assessment(example_path("hotel-checkin"))


def edited(hotel):
    b = copy.deepcopy(hotel)
    b.answers["scope.private_space"] = "yes"
    b.answers["notice.channels"] = ["signage"]
    b.answers["purpose.necessity"] = b.answers["purpose.necessity"].replace("17起", "23起") + HOSTILE
    del b.answers["risk.measures"][1]
    for dim in ("autonomy", "discrimination", "reputation", "property"):
        b.risks["leak"]["inherent"]["impact"][dim]["level"] = "severe"
    return b


def view(qtbot, state, old, new) -> DiffView:
    w = DiffView(state, compare(state.ctx, old, new))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    return w


def shown(w: DiffView) -> str:
    return w.body.document().toPlainText()


def test_findings_and_risk_moves_come_first_then_the_answers_by_section(qtbot, state, hotel):
    w = view(qtbot, state, hotel, edited(hotel))
    text = shown(w)
    bank = default_bank()
    sections = {s.id: s.title.en for s in bank.sections}
    order = [text.index(x) for x in ("Findings", "Risk levels", "Answers", sections["scope"], sections["purpose"],
                                     sections["notice"], sections["risk"])]
    assert order == sorted(order)
    assert "[±] Verdict changed: compliant → prohibited (more serious) — FRT Measures Art. 13" in text
    assert "↑ Leak · Inherent risk (before measures): High → Severe (raised)" in text
    assert "Required question now unanswered: " + bank.question("places.private_space_remediation").text.en in text
    assert "Answers changed: 4" in w.counts.text() and "Risk levels moved: " in w.counts.text()


def test_changes_are_marked_in_signs_not_colour_alone(qtbot, state, hotel):
    w = view(qtbot, state, hotel, edited(hotel))
    text = shown(w)
    assert "[−No−]" in text and "[+Yes+]" in text
    assert "[−17−]" in text and "[+23+]" in text  # the words that changed, inside the text kept
    assert "[−A notice page on the device screen−]" in text  # a multiple choice: only the options that went
    assert "[−] Row 2 removed" in text and "(removed)" in text
    assert "[−13 rows−]" in text and "[+12 rows+]" in text
    assert "Before" in text and "After" in text  # the columns are named
    assert "struck through" in w.legend.text() and "[+ … +]" in w.legend.text()


def test_hostile_text_is_shown_and_copied_verbatim(qtbot, state, hotel):
    w = view(qtbot, state, hotel, edited(hotel))
    assert HOSTILE in shown(w)
    w.copy()
    copied = QApplication.clipboard().text()
    assert copied == w.as_text() and "[+" + HOSTILE + "+]" in copied
    assert copied.startswith("Before: ")


def test_the_filters(qtbot, state, hotel):
    w = view(qtbot, state, hotel, edited(hotel))
    w.filter.setFocus()
    qtbot.keyClick(w.filter, Qt.Key.Key_Down)  # Everything -> Only findings and risks
    assert w.mode == "findings"
    text = shown(w)
    assert "Verdict changed" in text and "Risk levels" in text and "[+Yes+]" not in text
    assert "Answers" not in w.as_text().split("\n", 2)[2]
    w.set_filter("answers")
    assert w.filter.currentIndex() == 2
    text = shown(w)
    assert "[+Yes+]" in text and "Verdict changed" not in text and "Risk levels" not in text
    assert "[+Yes+]" in w.as_text() and "Verdict changed" not in w.as_text()
    w.set_filter("all")
    assert "Verdict changed" in shown(w) and "[+Yes+]" in shown(w)


def test_a_long_unchanged_text_is_folded_saying_how_much(qtbot, state, hotel):
    old = copy.deepcopy(hotel)
    new = copy.deepcopy(hotel)
    old.answers["purpose.necessity"] = "人" * 50_000 + "x" * 50_000
    new.answers["purpose.necessity"] = "人" * 25_000 + "改" + "人" * 24_999 + "x" * 50_000
    w = view(qtbot, state, old, new)
    text = shown(w)
    assert "[−人−]" in text and "[+改+]" in text
    assert "characters unchanged …]" in text and len(text) < 20_000
    # a text added whole is shown whole
    new.answers["scope.description"] = "字" * 100_000
    old.answers.pop("scope.description")
    w.set_diff(compare(state.ctx, old, new))
    assert "字" * 100_000 in shown(w)


def test_nothing_changed(qtbot, state, hotel):
    w = view(qtbot, state, hotel, copy.deepcopy(hotel))
    assert "Nothing changed" in shown(w)
    assert "No answer changed." in shown(w) and "No finding appeared" in shown(w)


def test_the_view_follows_the_language(qtbot, state, hotel):
    w = view(qtbot, state, hotel, edited(hotel))
    state.with_language("zh")
    text = shown(w)
    assert "[−否−]" in text and "[+是+]" in text
    assert "《人脸识别技术应用安全管理办法》第十三条" in text
    assert default_bank().question("scope.private_space").text.zh in text
    state.with_language("en")
    assert "[+Yes+]" in shown(w)


def test_accessible_and_keyboard_reachable(qtbot, state, hotel):
    w = view(qtbot, state, hotel, edited(hotel))
    for widget in (w.filter, w.copy_button, w.body):
        assert widget.accessibleName()
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert w.filter_label.buddy() is w.filter
