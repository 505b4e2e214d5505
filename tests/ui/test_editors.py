"""The answer editors built from the question bank: round trips, the user's changes, hostile text."""

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QListWidget, QPlainTextEdit, QWidget

from pia_wizard.core.bank import Option, Question, Text
from pia_wizard.ui.editors import (
    DateEditor,
    MultiEditor,
    NumberEditor,
    RowsEditor,
    RowsModel,
    SingleComboEditor,
    SingleRadioEditor,
    TextEditor,
    YesNoEditor,
    complete_rows,
    make_editor,
    merge_edit,
)

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.json"))
HOSTILE = [
    "<b>x</b><script>alert(1)</script>&amp; &lt;",
    "x" * 100_000,
    "مرحبا بالعالم \u202eRTL override\u202c עברית",
    "👩\u200d👩\u200d👧\u200d👦 🇨🇳 😀 \U0001F9D1\U0001F3FD\u200d\U0001F4BB",
    "e\u0301 \u00a0nbsp\u00a0 \u200bzwsp \ufeffbom \u00adshy \u2028ls \u2029ps \U000E0001tag \x0b\x0c\x1c",
    "a\r\nb\rc\n\nd\t\u3000全角空格 人脸识别",
    "\ufefflead",
]


def dumps(value):
    return json.dumps(value, ensure_ascii=False)


def editor_for(qtbot, bank, qid, lang="zh"):
    editor = make_editor(bank.question(qid), lang)
    qtbot.addWidget(editor)
    return editor


def recorder(editor):
    seen = []
    editor.changed.connect(seen.append)
    return seen


def cell_editor(table, kind):
    """The open cell editor of a kind (a closed one lingers until its deferred delete)."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    found = [w for w in table.viewport().findChildren(kind) if w.isVisible()]
    assert len(found) == 1, found
    return found[0]


def commit_text(widget, text):
    """Type text the way an input method delivers it (QTest key clicks are ASCII-only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


# --- construction ----------------------------------------------------------------------------------------------------
def test_every_bank_question_gets_the_editor_of_its_type(qtbot, bank):
    kinds = {"yesno": YesNoEditor, "multi": MultiEditor, "number": NumberEditor, "date": DateEditor,
             "text": TextEditor, "rows": RowsEditor}
    for q in bank:
        editor = make_editor(q, "zh")
        qtbot.addWidget(editor)
        if q.type == "single":
            assert isinstance(editor, SingleRadioEditor if len(q.options) <= 6 else SingleComboEditor), q.id
        else:
            assert isinstance(editor, kinds[q.type]), q.id
        assert editor.accessibleName() == q.text.zh
        assert editor.focusProxy() is not None, q.id
        assert editor.value() is None
    with pytest.raises(ValueError):
        make_editor(Question("x.y", "x", "signature", Text("签", "Sign"), Text("h", "h"), ("A",)), "en")


def test_every_example_answer_round_trips_exactly_without_emitting(qtbot, bank):
    editors = {}
    emitted = []
    checked = 0
    for path in EXAMPLES:
        answers = json.loads(path.read_text(encoding="utf-8"))["answers"]
        for qid, value in answers.items():
            if qid not in editors:
                editors[qid] = make_editor(bank.question(qid), "zh")
                qtbot.addWidget(editors[qid])
                editors[qid].changed.connect(lambda v, qid=qid: emitted.append(qid))
            editor = editors[qid]
            editor.set_value(value)
            assert dumps(editor.value()) == dumps(value), (path.name, qid)
            editor.set_language("en")
            assert dumps(editor.value()) == dumps(value), (path.name, qid)
            editor.set_language("zh")
            checked += 1
    assert emitted == []
    assert checked > 500
    assert {bank.question(q).type for q in editors} == {"yesno", "single", "multi", "number", "date", "text", "rows"}


def test_a_value_an_editor_cannot_show_is_kept_verbatim(qtbot, bank):
    for qid, odd in (("scope.in_prc", "maybe"), ("mapping.log_retention", "<b>12</b>"), ("filing.count_date", "soon"),
                     ("scope.data_subjects", ["employees", "martians"]), ("scope.description", 42),
                     ("risk.measures", {"not": "a list"})):
        editor = editor_for(qtbot, bank, qid)
        editor.set_value(odd)
        assert editor.value() == odd


# --- yes / no and single choice -------------------------------------------------------------------------------------
def test_yesno_click_clear_and_delete_key(qtbot, bank):
    editor = editor_for(qtbot, bank, "scope.public_place")
    seen = recorder(editor)
    assert [b.text() for b in editor.buttons.values()] == ["是", "否", "不确定"]
    assert not editor.clear_button.isEnabled()
    editor.buttons["no"].click()
    assert seen == ["no"] and editor.value() == "no"
    editor.buttons["unknown"].click()
    assert seen == ["no", "unknown"]
    assert editor.clear_button.isEnabled()
    editor.clear_button.click()
    assert seen == ["no", "unknown", None] and editor.value() is None
    assert not any(b.isChecked() for b in editor.buttons.values())
    editor.buttons["yes"].click()
    qtbot.keyClick(editor.buttons["yes"], Qt.Key.Key_Delete)
    assert seen[-2:] == ["yes", None]
    editor.set_value("yes")
    assert editor.buttons["yes"].isChecked() and seen[-1] is None and len(seen) == 5
    editor.set_language("en")
    assert [b.text() for b in editor.buttons.values()] == ["Yes", "No", "Don't know"]
    assert editor.accessibleName() == bank.question("scope.public_place").text.en


def test_single_radios_label_click_and_plain_tooltip(qtbot, bank):
    q = bank.question("conclusion.decision")
    editor = editor_for(qtbot, bank, q.id)
    editor.show()
    qtbot.waitExposed(editor)
    seen = recorder(editor)
    row = editor.rows["do_not_proceed"]
    qtbot.mouseClick(row.label, Qt.MouseButton.LeftButton)
    assert seen == ["do_not_proceed"]
    assert row.label.textFormat() == Qt.TextFormat.PlainText
    helped = next(o for o in q.options if o.help)
    assert editor.buttons[helped.value].toolTip().startswith("<p")
    assert editor.buttons[helped.value].accessibleName() == helped.label.zh


def test_single_offered_hides_options_but_keeps_the_chosen_one(qtbot, bank):
    q = bank.question("conclusion.decision")
    editor = editor_for(qtbot, bank, q.id)
    seen = recorder(editor)
    editor.set_value("suspend_and_reassess")
    offered = bank.offered(q.id, {"scope.started": "no"})
    assert "suspend_and_reassess" not in {o.value for o in offered}
    editor.set_offered(offered)
    assert not editor.rows["continue_after_remediation"].isVisibleTo(editor)
    assert editor.rows["suspend_and_reassess"].isVisibleTo(editor)
    assert editor.value() == "suspend_and_reassess" and seen == []
    editor.buttons["proceed"].click()
    assert seen == ["proceed"]
    assert not editor.rows["suspend_and_reassess"].isVisibleTo(editor)


def test_single_combo_first_entry_is_no_answer(qtbot, bank):
    q = bank.question("scope.deployment")
    editor = editor_for(qtbot, bank, q.id)
    assert isinstance(editor, SingleComboEditor)
    seen = recorder(editor)
    combo = editor.combo
    assert combo.count() == len(q.options) + 1 and combo.itemData(0) is None
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert seen == [q.options[0].value]
    combo.setCurrentIndex(3)
    assert seen[-1] == q.options[2].value
    combo.setCurrentIndex(0)
    assert seen[-1] is None and editor.value() is None
    editor.set_value(q.options[5].value)
    assert combo.currentText() == q.options[5].label.zh and len(seen) == 3
    editor.set_offered(q.options[:2])
    assert combo.count() == 4 and combo.currentData() == q.options[5].value
    editor.set_language("en")
    assert combo.currentText() == q.options[5].label.en and editor.value() == q.options[5].value


def test_option_text_is_shown_as_plain_text(qtbot):
    hostile = "<b>bold?</b> <script>x()</script> R&D &amp;"
    options = (Option("a", Text(hostile, hostile), Text("<i>help</i>", "<i>help</i>")), Option("b", Text("b", "b")))
    single = make_editor(Question("t.single", "t", "single", Text(hostile, hostile), Text("h", "h"), ("X",),
                                  options=options), "en")
    multi = make_editor(Question("t.multi", "t", "multi", Text(hostile, hostile), Text("h", "h"), ("X",),
                                 options=options), "en")
    for editor in (single, multi):
        qtbot.addWidget(editor)
        row = editor.rows["a"]
        assert row.label.text() == hostile and row.label.textFormat() == Qt.TextFormat.PlainText
        assert row.button.accessibleName() == hostile
        assert "&lt;i&gt;help&lt;/i&gt;" in row.button.toolTip()
    yesno = make_editor(Question("t.yn", "t", "yesno", Text(hostile, hostile), Text("h", "h"), ("X",),
                                 options=(Option("yes", Text("R&D", "R&D")),)), "en")
    qtbot.addWidget(yesno)
    assert yesno.buttons["yes"].text() == "R&&D"  # shown as "R&D", not a mnemonic


# --- multi ------------------------------------------------------------------------------------------------------------
def test_multi_value_in_bank_order_and_none_when_nothing_is_chosen(qtbot, bank):
    q = bank.question("scope.data_subjects")
    editor = editor_for(qtbot, bank, q.id)
    seen = recorder(editor)
    values = q.option_values()
    editor.boxes[values[2]].click()
    editor.boxes[values[0]].click()
    assert seen == [[values[2]], [values[0], values[2]]]
    editor.boxes[values[0]].click()
    editor.boxes[values[2]].click()
    assert seen[-1] is None and editor.value() is None
    editor.set_value([values[1], values[0]])  # an order kept from the file
    assert editor.value() == [values[1], values[0]] and len(seen) == 4
    editor.boxes[values[3]].click()
    assert seen[-1] == [values[0], values[1], values[3]]


def test_multi_offered_keeps_chosen_options(qtbot, bank):
    q = bank.question("scope.data_subjects")
    editor = editor_for(qtbot, bank, q.id)
    editor.set_value([q.options[-1].value])
    editor.set_offered(q.options[:1])
    assert editor.rows[q.options[-1].value].isVisibleTo(editor)
    assert not editor.rows[q.options[1].value].isVisibleTo(editor)
    assert editor.value() == [q.options[-1].value]


# --- number -----------------------------------------------------------------------------------------------------------
def test_number_typing_emits_a_whole_number_after_the_pause(qtbot, bank):
    editor = editor_for(qtbot, bank, "mapping.log_retention")  # 0..1200, integer, months
    seen = recorder(editor)
    assert editor.unit.text() == "个月"
    with qtbot.waitSignal(editor.changed, timeout=3000) as blocker:
        qtbot.keyClicks(editor.edit, "120")
    assert blocker.args == [120] and seen == [120] and isinstance(seen[0], int)
    qtbot.keyClicks(editor.edit, "0")  # 1200 is the maximum
    editor.commit()
    assert seen[-1] == 1200
    qtbot.keyClicks(editor.edit, "1")  # the validator leaves 12001 typed, out of range: a message, no value
    editor.commit()
    assert seen[-1] == 1200 and editor.value() == 1200
    assert editor.message.isVisibleTo(editor) and "1,200" in editor.message.text()
    editor.edit.clear()
    qtbot.keyClicks(editor.edit, "1.5")  # "1" was a whole number, "1.5" is not
    editor.commit()
    assert seen[-1] == 1 and editor.message.isVisibleTo(editor)
    qtbot.keyClick(editor.edit, Qt.Key.Key_A)  # letters are refused outright
    assert editor.edit.text() == "1.5"
    editor.edit.selectAll()
    qtbot.keyClick(editor.edit, Qt.Key.Key_Backspace)
    with qtbot.waitSignal(editor.changed, timeout=3000) as blocker:
        pass
    assert blocker.args == [None]


def test_number_accepts_grouping_and_full_width_digits(qtbot, bank):
    editor = editor_for(qtbot, bank, "filing.stored_count")
    seen = recorder(editor)
    editor.set_value(128460)
    assert editor.edit.text() == "128,460" and seen == []
    editor.edit.clear()
    commit_text(editor.edit, "１２８，４６１")  # full-width digits and comma from a Chinese input method
    editor.edit.textEdited.emit(editor.edit.text())
    editor.commit()
    assert seen == [128461]
    editor.set_value(12.0)
    assert editor.value() == 12.0 and isinstance(editor.value(), float)


# --- date -------------------------------------------------------------------------------------------------------------
def test_date_not_set_then_chosen_then_cleared(qtbot, bank):
    editor = editor_for(qtbot, bank, "filing.count_date")
    seen = recorder(editor)
    assert editor.value() is None and editor.edit.text() == "Not set"  # no translator installed here
    editor.set_value("2026-11-26")
    assert editor.edit.text() == "2026/11/26" and seen == []
    editor.set_language("en")
    assert editor.edit.text() == "11/26/2026" and editor.value() == "2026-11-26"
    with qtbot.waitSignal(editor.changed, timeout=3000) as blocker:
        editor.edit.setDate(QDate(2027, 1, 5))  # as the calendar pop-up does
    assert blocker.args == ["2027-01-05"]
    editor.clear_button.click()
    assert seen[-1] is None and editor.value() is None and not editor.clear_button.isEnabled()


# --- text -------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", HOSTILE, ids=["html", "100k", "rtl", "emoji", "odd-unicode", "newlines", "bom"])
def test_text_set_value_round_trips_hostile_text(qtbot, bank, text):
    editor = editor_for(qtbot, bank, "scope.description")
    editor.set_value(text)
    assert editor.value() == text


@pytest.mark.parametrize("text", [t for t in HOSTILE if "\r" not in t and not t.startswith("\ufeff")],
                         ids=["html", "100k", "rtl", "emoji", "odd-unicode"])
def test_text_typed_hostile_text_is_emitted_verbatim(qtbot, bank, text):
    editor = editor_for(qtbot, bank, "scope.description")
    with qtbot.waitSignal(editor.changed, timeout=5000) as blocker:
        commit_text(editor.edit, text)
    expected = text.replace("\u2029", "\n")  # a typed paragraph break is a new line
    assert blocker.args == [expected]
    assert editor.value() == expected


def test_text_is_debounced_and_flushed_on_focus_out(qtbot, bank):
    editor = editor_for(qtbot, bank, "scope.description")
    other = QLineEdit()
    qtbot.addWidget(other)
    seen = recorder(editor)
    editor.show()
    other.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    editor.edit.setFocus()
    qtbot.waitUntil(editor.edit.hasFocus)
    qtbot.keyClicks(editor.edit, "abc")
    assert seen == []  # held back while typing
    with qtbot.waitSignal(editor.changed, timeout=3000) as blocker:
        qtbot.keyClicks(editor.edit, "d")
    assert blocker.args == ["abcd"] and seen == ["abcd"]
    qtbot.keyClicks(editor.edit, "e")
    editor.edit.clearFocus()  # leaving the field emits at once
    assert seen == ["abcd", "abcde"]
    editor.edit.selectAll()
    qtbot.keyClick(editor.edit, Qt.Key.Key_Delete)
    editor.commit()
    assert seen[-1] is None


def test_text_edit_keeps_what_the_document_would_rewrite_elsewhere(qtbot, bank):
    editor = editor_for(qtbot, bank, "scope.description")
    original = "\ufeffline one\r\nline\u00a0two\rthree"
    editor.set_value(original)
    cursor = editor.edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.edit.setTextCursor(cursor)
    commit_text(editor.edit, " 末尾<i>")
    editor.commit()
    assert editor.value() == original + " 末尾<i>"


def test_text_counter_shows_the_minimum(qtbot, bank):
    editor = editor_for(qtbot, bank, "scope.description")  # min_length 30
    editor.set_value("人脸识别")
    assert editor.counter.text().startswith("4 / 30")
    assert editor.edit.toPlainText() == "人脸识别"


def test_language_change_event_retranslates(qtbot, bank):
    for qid in ("scope.public_place", "scope.description", "filing.count_date", "risk.measures",
                "mapping.log_retention", "scope.deployment"):
        editor = editor_for(qtbot, bank, qid)
        QApplication.sendEvent(editor, QEvent(QEvent.Type.LanguageChange))
        assert editor.value() is None


def test_merge_edit():
    assert merge_edit("a\r\nb", "a\u2029b", "a\u2029bc") == "a\r\nbc"
    assert merge_edit("\ufeffab", "ab", "aXb") == "\ufeffaXb"
    assert merge_edit("x\ry\rz", "x\u2029y\u2029z", "x\u2029Q\u2029z") == "x\rQ\rz"
    assert merge_edit("plain", "plain", "plain!") == "plain!"
    assert merge_edit("same", "same", "same") == "same"
    assert merge_edit("a\r\nb", "a\u2029b", "") == ""


# --- rows -------------------------------------------------------------------------------------------------------------
def hotel(qid):
    return json.loads((EXAMPLES[0].parent / "hotel-checkin.json").read_text(encoding="utf-8"))["answers"][qid]


def test_rows_headers_mark_required_columns(qtbot, bank):
    q = bank.question("risk.measures")
    editor = editor_for(qtbot, bank, q.id)
    model = editor.model
    for i, column in enumerate(q.columns):
        header = model.headerData(i, Qt.Orientation.Horizontal)
        assert header == (f"{column.label.zh} *" if column.required else column.label.zh)
    editor.set_language("en")
    assert model.headerData(0, Qt.Orientation.Horizontal) == f"{q.columns[0].label.en} *"
    assert editor.table.accessibleName() == q.text.en
    harms = editor_for(qtbot, bank, "risk.harms")  # min_rows 7
    harms.set_value([{"risk": "leak"}])
    assert harms.status.text().startswith("Rows: 1 · at least 7 needed · rows with empty required cells")
    assert harms.model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.AccessibleTextRole).endswith(
        bank.question("risk.harms").columns[2].label.zh)


def test_rows_show_labels_and_keep_cells_as_given(qtbot, bank):
    q = bank.question("storage.retention")
    editor = editor_for(qtbot, bank, q.id)
    rows = hotel(q.id)
    editor.set_value(rows)
    model = editor.model
    col = [c.id for c in q.columns].index
    item = next(c for c in q.columns if c.id == "item")
    assert model.data(model.index(0, col("item"))) == item.options[[o.value for o in item.options].index(
        rows[0]["item"])].label.zh
    assert model.data(model.index(0, col("retention_days"))) == "0"
    assert editor.value() == rows


def test_rows_add_fill_remove_and_reorder(qtbot, bank):
    q = bank.question("risk.measures")
    editor = editor_for(qtbot, bank, q.id)
    seen = recorder(editor)
    model = editor.model
    col = [c.id for c in q.columns].index
    assert not editor.remove_button.isEnabled()
    editor.add_button.click()
    assert model.rowCount() == 1 and seen == []  # an empty row is not an answer yet
    assert editor.remove_button.isEnabled() and not editor.up_button.isEnabled()
    model.setData(model.index(0, col("measure")), "加密")
    assert seen == [[{"measure": "加密"}]]
    assert model.headerData(0, Qt.Orientation.Vertical) == "1 !"  # required cells still empty
    model.setData(model.index(0, col("risks")), ["leak"])
    model.setData(model.index(0, col("status")), "in_place")
    model.setData(model.index(0, col("treatment")), "immediate")
    assert model.headerData(0, Qt.Orientation.Vertical) == "1"
    editor.add_button.click()
    model.setData(model.index(1, col("due")), "2027-01-31")
    model.setData(model.index(1, col("measure")), "培训")
    assert seen[-1][1] == {"measure": "培训", "due": "2027-01-31"}  # the columns' order
    assert complete_rows(q, seen[-1]) == [seen[-1][0]]
    editor.up_button.click()  # the new row (current) moves up
    assert [r["measure"] for r in editor.value()] == ["培训", "加密"]
    assert editor.current_row() == 0 and not editor.up_button.isEnabled() and editor.down_button.isEnabled()
    editor.down_button.click()
    assert [r["measure"] for r in seen[-1]] == ["加密", "培训"]
    model.setData(model.index(1, col("due")), None)  # an emptied cell leaves the row
    assert seen[-1][1] == {"measure": "培训"}
    editor.remove_button.click()
    assert seen[-1] == [{"measure": "加密", "risks": ["leak"], "status": "in_place", "treatment": "immediate"}]
    editor.select_row(0)
    editor.remove_button.click()
    assert seen[-1] is None and model.rowCount() == 0
    assert len(seen) == 11


def test_rows_keyboard_edits_a_cell_through_its_delegate(qtbot, bank):
    q = bank.question("risk.measures")
    editor = editor_for(qtbot, bank, q.id)
    editor.show()
    qtbot.waitExposed(editor)
    seen = recorder(editor)
    table, model = editor.table, editor.model
    editor.add_button.click()
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)  # edit the current cell (measure, text)
    field = cell_editor(table, QPlainTextEdit)
    assert field is not None and field.accessibleName() == q.columns[0].label.zh
    commit_text(field, HOSTILE[0])
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert seen == [[{"measure": HOSTILE[0]}]]
    table.setCurrentIndex(model.index(0, [c.id for c in q.columns].index("status")))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    combo = cell_editor(table, QComboBox)
    assert combo.itemData(0) is None
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    assert seen[-1] == [{"measure": HOSTILE[0], "status": q.columns[2].options[0].value}]
    table.setCurrentIndex(model.index(0, 1))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    checks = cell_editor(table, QListWidget)
    checks.item(2).setCheckState(Qt.CheckState.Checked)
    checks.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClick(checks, Qt.Key.Key_Return)
    risks = q.columns[1].options
    assert seen[-1][0]["risks"] == [risks[0].value, risks[2].value]
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # empties the current cell
    assert "risks" not in seen[-1][0]


@pytest.mark.parametrize("text", HOSTILE, ids=["html", "100k", "rtl", "emoji", "odd-unicode", "newlines", "bom"])
def test_rows_cells_keep_hostile_text(qtbot, bank, text):
    q = bank.question("sharing.parties")
    editor = editor_for(qtbot, bank, q.id)
    rows = [{"name": text, "role": q.columns[1].options[0].value, "purpose": text}]
    editor.set_value(rows)
    assert editor.value() == rows
    model = editor.model
    shown = model.data(model.index(0, 0))
    assert len(shown) <= 201 and "\n" not in shown
    model.setData(model.index(0, 3), text + "!")  # edited through the model, as the delegate does
    assert editor.value()[0]["purpose"] == text + "!"
    assert editor.value()[0]["name"] == text


def test_rows_cell_editor_keeps_untouched_text_verbatim(qtbot, bank):
    q = bank.question("sharing.parties")
    editor = editor_for(qtbot, bank, q.id)
    editor.show()
    qtbot.waitExposed(editor)
    seen = recorder(editor)
    odd = "\ufeffa\r\nb\u00a0c"
    editor.set_value([{"name": odd, "role": q.columns[1].options[0].value}])
    editor.table.setCurrentIndex(editor.model.index(0, 0))
    qtbot.keyClick(editor.table, Qt.Key.Key_Return)
    field = cell_editor(editor.table, QPlainTextEdit)
    qtbot.keyClick(field, Qt.Key.Key_Return)  # opened and closed without a change
    assert seen == [] and editor.value()[0]["name"] == odd
    qtbot.keyClick(editor.table, Qt.Key.Key_Return)
    field = cell_editor(editor.table, QPlainTextEdit)
    cursor = field.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    field.setTextCursor(cursor)
    commit_text(field, "？")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert seen == [[{"name": odd + "？", "role": q.columns[1].options[0].value}]]


def test_rows_model_without_a_window(bank):
    q = bank.question("conclusion.team")
    model = RowsModel(q, "en")
    model.set_rows([{"name": "A"}, {"name": "B", "independent": "yes"}])
    assert model.data(model.index(1, 3)) == "Yes"
    assert model.move_row(0, 1) and [r["name"] for r in model.rows] == ["B", "A"]
    assert not model.move_row(1, 2)
    model.remove_rows([0])
    assert model.value() == [{"name": "A"}]
    model.add_row()
    assert model.value() == [{"name": "A"}]  # the empty row is not part of the value


def test_editors_are_keyboard_reachable(qtbot, bank):
    host = QWidget()
    qtbot.addWidget(host)
    for qid in ("scope.public_place", "scope.deployment", "filing.count_date", "risk.measures"):
        editor = make_editor(bank.question(qid), "en", host)
        assert editor.focusProxy().focusPolicy() & Qt.FocusPolicy.TabFocus, qid
    rows = host.findChild(RowsEditor)
    for button in (rows.add_button, rows.remove_button, rows.up_button, rows.down_button):
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus and button.accessibleName()


def test_a_wheel_over_an_unfocused_list_or_date_changes_nothing(qtbot, bank):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    for qid in ("scope.deployment", "filing.count_date"):
        editor = editor_for(qtbot, bank, qid)
        seen = recorder(editor)
        target = editor.combo if qid == "scope.deployment" else editor.edit
        wheel = QWheelEvent(QPointF(5, 5), QPointF(5, 5), QPoint(0, 0), QPoint(0, -120), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(target, wheel)
        editor.commit()
        assert seen == [] and editor.value() is None
