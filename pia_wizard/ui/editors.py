"""The answer editors: one widget kind per answer type of the question bank, built by ``make_editor(question)``.

Each editor shows one question's answer and hands back a JSON-ready value (what the assessment file holds):

- ``changed(object)`` is emitted when the *user* changes the value (None when cleared or empty);
- ``value()`` is the current value; ``set_value(v)`` shows a value without emitting (loading, undo/redo);
- ``commit()`` emits at once what a debounced editor (text, number, date) still holds back;
- ``set_language(lang)`` relabels options and columns from the bank's Text; English UI strings go through
  ``self.tr`` and are retranslated on ``QEvent.LanguageChange``;
- ``set_offered(options)`` hides the options whose own ``show_if`` does not hold (``Bank.offered``); an option
  already chosen stays shown and chosen.

Values are kept verbatim: a value given to ``set_value`` comes back from ``value()`` unchanged (the order of a
multi answer, an empty cell in a row, a number's int/float type) until the user changes it, and text typed or
pasted keeps every character Qt's text document would otherwise rewrite where the user did not edit (see
``merge_edit``). Bank text (options, column labels, help) is shown as plain text, never as HTML.

Strings for translation are in the leaf classes only: PySide6 takes the translation context from the class of the
instance, so a ``self.tr`` in a base class would look in the wrong context for its subclasses.
"""

from __future__ import annotations

import copy
import html
import json
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QDate,
    QEvent,
    QKeyCombination,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.core.bank import YESNO_OPTIONS, Column, Option, Question

Index = QModelIndex | QPersistentModelIndex

DEBOUNCE_MS = 300  # text, number and date editors emit this long after the last keystroke (or on focus-out)
RADIO_LIMIT = 6  # a single-choice question with more options than this is a drop-down list
CELL_PREVIEW = 200  # characters of a text cell shown in the table (the whole text is kept and edited)
TOOLTIP_LIMIT = 1000  # characters of a value shown in a tooltip
NOT_SET_DATE = QDate(100, 1, 1)  # a QDateEdit's minimum, shown as "Not set"
PARAGRAPH = "\u2029"  # how QTextDocument separates blocks in its raw text
_MISSING = object()


# --- plain-text helpers --------------------------------------------------------------------------------------------
def plain_tooltip(text: str, limit: int = TOOLTIP_LIMIT) -> str:
    """A tooltip that shows ``text`` literally: Qt renders a tooltip that looks like HTML as HTML, so escape it."""
    if len(text) > limit:
        text = text[:limit] + "…"
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def button_text(text: str) -> str:
    """A button label: '&' would make the next letter a keyboard mnemonic."""
    return text.replace("&", "&&")


def locale_for(lang: str) -> QLocale:
    """The default locale when it speaks ``lang`` (the app sets it from the settings), else zh_CN / en_US."""
    default = QLocale()
    if default.language() == (QLocale.Language.Chinese if lang == "zh" else QLocale.Language.English):
        return default
    if lang == "zh":
        return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def date_format(locale: QLocale) -> str:
    """The locale's short date format with a four-digit year."""
    fmt = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    return fmt


def parse_iso_date(value: Any) -> QDate | None:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        d = date.fromisoformat(value)
    except ValueError:
        return None
    q = QDate(d.year, d.month, d.day)
    return q if q.isValid() and q > NOT_SET_DATE else None


def iso_date(d: QDate) -> str:
    return f"{d.year():04d}-{d.month():02d}-{d.day():02d}"


def _same(a: Any, b: Any) -> bool:
    """Equal as JSON (1 and 1.0 differ, as they do in the file)."""
    if a is b:
        return True
    try:
        return json.dumps(a, ensure_ascii=False) == json.dumps(b, ensure_ascii=False)
    except (TypeError, ValueError):
        return a == b


def _common_prefix(a: str, b: str) -> int:
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: str, b: str, limit: int) -> int:
    lo, hi = 0, min(len(a), len(b), limit)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid:] == b[len(b) - mid:]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def document_text(raw: str) -> str:
    """A QTextDocument's raw text as the value: block separators become newlines."""
    return raw.replace(PARAGRAPH, "\n")


def _align(original: str, shown: str) -> list[int] | None:
    """For each position in ``shown`` (a document's raw text of ``original``), the position in ``original``.
    QTextDocument turns \\r\\n, \\r, \\n, U+2029 and its frame marks into block separators and drops a leading BOM."""
    out = [0] * (len(shown) + 1)
    i = j = 0
    while j < len(shown):
        if i >= len(original):
            return None
        o, c = original[i], shown[j]
        if o == c:
            out[j] = i
            i, j = i + 1, j + 1
        elif c == PARAGRAPH and original.startswith("\r\n", i):
            out[j] = i
            i, j = i + 2, j + 1
        elif c == PARAGRAPH and o in "\r\n\ufdd0\ufdd1":
            out[j] = i
            i, j = i + 1, j + 1
        else:  # a character the document dropped
            i += 1
    out[len(shown)] = i
    return out


def merge_edit(original: str, shown: str, current: str) -> str:
    """The value after an edit: ``original`` was loaded into a text document, which held ``shown`` (raw text);
    it now holds ``current``. The edited span is taken from ``current``; the rest stays exactly as in ``original``,
    so characters the document rewrote (a \\r\\n, a leading BOM) survive wherever the user did not edit."""
    if current == shown:
        return original
    if document_text(shown) == original:  # the usual case: the document rewrote nothing
        return document_text(current)
    p = _common_prefix(shown, current)
    s = _common_suffix(shown, current, min(len(shown), len(current)) - p)
    positions = _align(original, shown)
    if positions is None:
        return document_text(current)
    start, end = positions[p], positions[len(shown) - s]
    return original[:start] + document_text(current[p:len(current) - s]) + original[end:]


# --- numbers -------------------------------------------------------------------------------------------------------
class NumberRule:
    """What a number field accepts: ``parse(text)`` -> (state, value); the value is an int for whole numbers."""

    def __init__(self, minimum: float | None = None, maximum: float | None = None, integer: bool = False,
                 locale: QLocale | None = None) -> None:
        self.minimum, self.maximum, self.integer = minimum, maximum, integer
        self.locale = locale or QLocale()

    def _normalise(self, text: str) -> str:
        t = unicodedata.normalize("NFKC", text).strip()  # full-width digits from an IME
        for sep in {self.locale.groupSeparator(), ",", " ", "\u00a0", "\u202f", "'"}:
            if sep and sep != self.locale.decimalPoint():
                t = t.replace(sep, "")
        if self.locale.decimalPoint() != ".":
            t = t.replace(self.locale.decimalPoint(), ".")
        return t.replace("\u2212", "-").replace(self.locale.negativeSign(), "-")

    def parse(self, text: str) -> tuple[QValidator.State, int | float | None]:
        t = self._normalise(text)
        if not t:
            return QValidator.State.Acceptable, None
        value: int | float
        if re.fullmatch(r"[+-]?\d+", t):
            value = int(t)
        elif re.fullmatch(r"[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?", t):
            value = float(t)
            if not math.isfinite(value):
                return QValidator.State.Invalid, None
            if self.integer:
                if not value.is_integer():
                    return QValidator.State.Intermediate, None
                value = int(value)
        elif re.fullmatch(r"[+-]?\d*\.?\d*([eE][+-]?\d*)?", t):
            return QValidator.State.Intermediate, None
        else:
            return QValidator.State.Invalid, None
        if (self.minimum is not None and value < self.minimum) or (self.maximum is not None and value > self.maximum):
            return QValidator.State.Intermediate, None
        return QValidator.State.Acceptable, value

    def format(self, value: Any) -> str:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return ""
        if isinstance(value, int):
            return self.locale.toString(value) if abs(value) < 2**63 else str(value)
        text = repr(value)
        return text.replace(".", self.locale.decimalPoint()) if "e" not in text else text


class NumberValidator(QValidator):
    def __init__(self, rule: NumberRule, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rule = rule

    def validate(self, text: str, pos: int) -> object:
        state, _ = self.rule.parse(text)
        return state, text, pos


# --- the editors ---------------------------------------------------------------------------------------------------
def _is_undo_key(event: QEvent) -> bool:
    return isinstance(event, QKeyEvent) and (
        event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
        or event.keyCombination() == QKeyCombination(Qt.KeyboardModifier.ControlModifier
                                                     | Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_Z))


class AnswerEditor(QWidget):
    """The editor of one question's answer. Subclasses implement ``_current()`` and ``_load()``."""

    changed = Signal(object)

    def __init__(self, question: Question, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.lang = lang
        self._silent = 0
        self._foreign: Any = _MISSING  # a value set that this editor cannot show; kept until the user edits
        self._last: Any = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._user_changed)
        self.setAccessibleName(question.text.get(lang))
        self.setAccessibleDescription(question.help.get(lang))

    # public API
    def value(self) -> Any:
        if self._foreign is not _MISSING:
            return copy.deepcopy(self._foreign)
        return self._current()

    def set_value(self, value: Any) -> None:
        self._debounce.stop()
        self._silent += 1
        try:
            self._foreign = _MISSING
            if not self._load(copy.deepcopy(value)):
                self._load(None)
                self._foreign = copy.deepcopy(value)
        finally:
            self._silent -= 1
        self._last = self.value()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.setAccessibleName(self.question.text.get(lang))
        self.setAccessibleDescription(self.question.help.get(lang))
        self._silent += 1
        try:
            self._relabel()
            self.retranslate()
        finally:
            self._silent -= 1

    def set_offered(self, options: Sequence[Option]) -> None:
        """Only choice editors have options to hide."""

    def commit(self) -> None:
        """Emit now what a debounced editor holds back (before a save, an undo, leaving the page)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self._user_changed()

    def retranslate(self) -> None:
        """Set the UI strings (self.tr) of the leaf class."""

    # for subclasses
    def _current(self) -> Any:
        raise NotImplementedError

    def _load(self, value: Any) -> bool:
        """Show ``value`` (None: nothing); False when it cannot be shown (it is then kept verbatim)."""
        raise NotImplementedError

    def _relabel(self) -> None:
        """Relabel options and columns for ``self.lang``."""

    def _schedule(self) -> None:
        if not self._silent:
            self._debounce.start()

    def _user_changed(self) -> None:
        if self._silent:
            return
        self._debounce.stop()
        self._foreign = _MISSING
        value = self._current()
        if _same(value, self._last):
            return
        self._last = copy.deepcopy(value)
        self.changed.emit(copy.deepcopy(value))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.commit()
        elif event.type() == QEvent.Type.ShortcutOverride and _is_undo_key(event):
            # Undo and redo belong to the window's one history of answers, not to the field's own typing: the field
            # hands in what it holds, and the shortcut (left unclaimed) takes back the last answer as typed.
            self.commit()
            event.ignore()
            return True
        return super().eventFilter(watched, event)


class _ClickLabel(QLabel):
    """An option's label: plain text, wrapped; a click works the button beside it."""

    def __init__(self, text: str, button: QAbstractButton, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.button = button
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def mouseReleaseEvent(self, event: Any) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.button.isEnabled() and self.rect().contains(
                event.position().toPoint()):
            self.button.setFocus(Qt.FocusReason.MouseFocusReason)
            self.button.click()
        super().mouseReleaseEvent(event)


class _OptionRow(QWidget):
    """A radio button or check box with a wrapping plain-text label (long bank options do not fit a button)."""

    def __init__(self, option: Option, button: QAbstractButton, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.option = option
        self.button = button
        self.label = _ClickLabel("", button, self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.relabel(lang)

    def relabel(self, lang: str) -> None:
        text = self.option.label.get(lang)
        self.label.setText(text)
        self.button.setAccessibleName(text)
        tip = plain_tooltip(self.option.help.get(lang)) if self.option.help else ""
        self.button.setToolTip(tip)
        self.label.setToolTip(tip)
        self.button.setAccessibleDescription(self.option.help.get(lang) if self.option.help else "")


class _RadioEditor(AnswerEditor):
    """Radio buttons in an exclusive group, and a Clear button (a radio cannot be unchecked by the user)."""

    def __init__(self, question: Question, lang: str, parent: QWidget | None, horizontal: bool) -> None:
        super().__init__(question, lang, parent)
        self.options = question.options or YESNO_OPTIONS
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QRadioButton] = {}
        self.rows: dict[str, QWidget] = {}
        self._offered: set[str] | None = None
        self.clear_button = QToolButton(self)
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self.clear)
        layout: QHBoxLayout | QVBoxLayout = QHBoxLayout(self) if horizontal else QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for option in self.options:
            if horizontal:
                button = QRadioButton(button_text(option.label.get(lang)), self)
                row: QWidget = button
            else:
                button = QRadioButton(self)
                row = _OptionRow(option, button, lang, self)
            button.installEventFilter(self)
            self.group.addButton(button)
            self.buttons[option.value] = button
            self.rows[option.value] = row
            layout.addWidget(row)
        if horizontal:
            layout.addWidget(self.clear_button)
            layout.addStretch(1)
        else:
            layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.group.buttonToggled.connect(self._toggled)
        self._relabel()
        self._refresh()

    def _current(self) -> Any:
        checked = self.group.checkedButton()
        for value, button in self.buttons.items():
            if button is checked:
                return value
        return None

    def _load(self, value: Any) -> bool:
        if value is not None and value not in self.buttons:
            return False
        self._check(value)
        return True

    def _check(self, value: str | None) -> None:
        self.group.setExclusive(False)
        for v, button in self.buttons.items():
            button.setChecked(v == value)
        self.group.setExclusive(True)
        self._refresh()

    def clear(self) -> None:
        """Clear the answer (the Clear button; Delete or Backspace on a radio button)."""
        self._check(None)
        self._user_changed()

    def set_offered(self, options: Sequence[Option]) -> None:
        self._offered = {o.value for o in options}
        self._refresh()

    def _toggled(self, button: QAbstractButton, checked: bool) -> None:
        if checked:
            self._refresh()
            self._user_changed()

    def _refresh(self) -> None:
        chosen = self._current()
        for value, row in self.rows.items():
            row.setVisible(self._offered is None or value in self._offered or value == chosen)
        self.clear_button.setEnabled(chosen is not None)
        proxy = self.buttons.get(chosen) if chosen else None
        if proxy is None:
            proxy = next((b for v, b in self.buttons.items() if not self.rows[v].isHidden()), None)
        if proxy is not None:
            self.setFocusProxy(proxy)

    def _relabel(self) -> None:
        for value, row in self.rows.items():
            if isinstance(row, _OptionRow):
                row.relabel(self.lang)
            else:
                option = next(o for o in self.options if o.value == value)
                row.setText(button_text(option.label.get(self.lang)))
                row.setToolTip(plain_tooltip(option.help.get(self.lang)) if option.help else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self._current() is not None):
            self.clear()
            return True
        return super().eventFilter(watched, event)


class YesNoEditor(_RadioEditor):
    """yesno: Yes / No / Don't know, in a row, and Clear."""

    def __init__(self, question: Question, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(question, lang, parent, horizontal=True)
        self.retranslate()

    def retranslate(self) -> None:
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Clear the answer (Delete)"))
        self.clear_button.setAccessibleName(self.tr("Clear the answer"))


class SingleRadioEditor(_RadioEditor):
    """single with few options: one radio button per option (the option's help as its tooltip), and Clear."""

    def __init__(self, question: Question, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(question, lang, parent, horizontal=False)
        self.retranslate()

    def retranslate(self) -> None:
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Clear the answer (Delete)"))
        self.clear_button.setAccessibleName(self.tr("Clear the answer"))


class SingleComboEditor(AnswerEditor):
    """single with many options: a drop-down list whose first entry means "no answer"."""

    def __init__(self, question: Question, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(question, lang, parent)
        self.combo = _Combo(self)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(24)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.combo.currentIndexChanged.connect(self._index_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        self.setFocusProxy(self.combo)
        self._offered: set[str] | None = None
        self._chosen: str | None = None
        self._rebuild()
        self.retranslate()

    def _rebuild(self) -> None:
        self._silent += 1
        try:
            self.combo.clear()
            self.combo.addItem("—", None)
            self.combo.setItemData(0, self.tr("No answer"), Qt.ItemDataRole.AccessibleTextRole)
            for option in self.question.options:
                if self._offered is not None and option.value not in self._offered and option.value != self._chosen:
                    continue
                self.combo.addItem(option.label.get(self.lang), option.value)
                i = self.combo.count() - 1
                self.combo.setItemData(i, option.label.get(self.lang), Qt.ItemDataRole.AccessibleTextRole)
                if option.help:
                    self.combo.setItemData(i, plain_tooltip(option.help.get(self.lang)), Qt.ItemDataRole.ToolTipRole)
            found = self.combo.findData(self._chosen) if self._chosen is not None else 0
            self.combo.setCurrentIndex(max(found, 0))
            self.combo.setAccessibleName(self.question.text.get(self.lang))
            view = self.combo.view()
            view.setMinimumWidth(min(view.sizeHintForColumn(0) + 24, 900))
        finally:
            self._silent -= 1

    def _current(self) -> Any:
        return self._chosen

    def _load(self, value: Any) -> bool:
        if value is not None and value not in self.question.option_values():
            return False
        self._chosen = value
        self._rebuild()
        return True

    def _index_changed(self, index: int) -> None:
        if self._silent:
            return
        self._chosen = self.combo.itemData(index) if index >= 0 else None
        self._user_changed()

    def set_offered(self, options: Sequence[Option]) -> None:
        self._offered = {o.value for o in options}
        self._rebuild()

    def _relabel(self) -> None:
        self._rebuild()

    def retranslate(self) -> None:
        self.combo.setItemData(0, self.tr("No answer"), Qt.ItemDataRole.AccessibleTextRole)
        self.combo.setToolTip(self.tr("Choose one answer; the first entry (—) means no answer"))


class MultiEditor(AnswerEditor):
    """multi: one check box per option. The value lists the chosen options in the bank's order; none chosen is
    None (the core treats an empty list as not answered, and the multi questions offer a "none of these" option)."""

    def __init__(self, question: Question, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(question, lang, parent)
        self.boxes: dict[str, QCheckBox] = {}
        self.rows: dict[str, _OptionRow] = {}
        self._offered: set[str] | None = None
        self._loaded: list[str] | None = None  # the list as set, returned while the same options stay chosen
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for option in question.options:
            box = QCheckBox(self)
            row = _OptionRow(option, box, lang, self)
            box.toggled.connect(self._toggled)
            self.boxes[option.value] = box
            self.rows[option.value] = row
            layout.addWidget(row)
        first = next(iter(self.boxes.values()), None)
        if first is not None:
            self.setFocusProxy(first)

    def _current(self) -> Any:
        chosen = [v for v, box in self.boxes.items() if box.isChecked()]
        if self._loaded is not None and len(self._loaded) == len(chosen) and set(self._loaded) == set(chosen):
            return list(self._loaded)
        return chosen or None

    def _load(self, value: Any) -> bool:
        if value is not None and not (isinstance(value, list) and all(isinstance(v, str) and v in self.boxes
                                                                       for v in value)
                                      and len(set(value)) == len(value)):
            return False
        self._loaded = list(value) if value else None
        for v, box in self.boxes.items():
            box.setChecked(bool(value) and v in value)
        self._refresh()
        return True

    def _toggled(self, checked: bool) -> None:
        if self._silent:
            return
        self._loaded = None
        self._refresh()
        self._user_changed()

    def set_offered(self, options: Sequence[Option]) -> None:
        self._offered = {o.value for o in options}
        self._refresh()

    def _refresh(self) -> None:
        for value, row in self.rows.items():
            row.setVisible(self._offered is None or value in self._offered or self.boxes[value].isChecked())

    def _relabel(self) -> None:
        for row in self.rows.values():
            row.relabel(self.lang)


class NumberEditor(AnswerEditor):
    """number: a line edit that accepts the locale's digits and separators (and full-width digits), within the
    question's min/max, whole numbers when it says integer; the unit beside it and a message under it."""

    def __init__(self, question: Question, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(question, lang, parent)
        self.rule = NumberRule(question.min, question.max, question.integer, locale_for(lang))
        self.edit = QLineEdit(self)
        self.edit.setValidator(NumberValidator(self.rule, self.edit))
        self.edit.setMaximumWidth(260)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.edit.textEdited.connect(self._edited)
        self.edit.installEventFilter(self)
        self.unit = QLabel(self)
        self.unit.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.hide()
        row = QHBoxLayout()
        row.addWidget(self.edit)
        row.addWidget(self.unit)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.setFocusProxy(self.edit)
        self._value: Any = None
        self._relabel()
        self.retranslate()

    def _current(self) -> Any:
        return self._value

    def _load(self, value: Any) -> bool:
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            return False
        self._value = value
        self.edit.setText(self.rule.format(value))
        self.message.hide()
        return True

    def _edited(self, text: str) -> None:
        state, value = self.rule.parse(text)
        if state == QValidator.State.Acceptable:
            self.message.hide()
            self._value = value
            self._schedule()
        else:
            self.message.setText(self._hint())
            self.message.show()

    def _hint(self) -> str:
        q, fmt = self.question, self.rule.format
        low, high = fmt(q.min), fmt(q.max)
        if q.integer:
            if q.min is not None and q.max is not None:
                return self.tr("Enter a whole number from {low} to {high}.").format(low=low, high=high)
            if q.min is not None:
                return self.tr("Enter a whole number of at least {low}.").format(low=low)
            if q.max is not None:
                return self.tr("Enter a whole number of at most {high}.").format(high=high)
            return self.tr("Enter a whole number.")
        if q.min is not None and q.max is not None:
            return self.tr("Enter a number from {low} to {high}.").format(low=low, high=high)
        if q.min is not None:
            return self.tr("Enter a number of at least {low}.").format(low=low)
        if q.max is not None:
            return self.tr("Enter a number of at most {high}.").format(high=high)
        return self.tr("Enter a number.")

    def _relabel(self) -> None:
        self.rule.locale = locale_for(self.lang)
        self.unit.setText(self.question.unit.get(self.lang) if self.question.unit else "")
        self.unit.setVisible(self.question.unit is not None)
        self.edit.setAccessibleName(self.question.text.get(self.lang))
        if self._value is not None and self.rule.parse(self.edit.text())[0] == QValidator.State.Acceptable:
            self.edit.setText(self.rule.format(self._value))

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self._range_text())
        self.edit.setToolTip(self._hint())
        if self.message.isVisible():
            self.message.setText(self._hint())

    def _range_text(self) -> str:
        q, fmt = self.question, self.rule.format
        if q.min is not None and q.max is not None:
            return f"{fmt(q.min)} – {fmt(q.max)}"
        if q.min is not None:
            return f"≥ {fmt(q.min)}"
        if q.max is not None:
            return f"≤ {fmt(q.max)}"
        return ""


class _Combo(QComboBox):
    """A drop-down list that a mouse wheel scrolling the page past it does not change (only once it has focus)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: Any) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # the page scrolls instead


class _DateEdit(QDateEdit):
    """A date edit with a "not set" state (its minimum date) whose calendar opens at today's month when not set."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(NOT_SET_DATE)
        self.setMaximumDate(QDate(9999, 12, 31))
        self.setDate(NOT_SET_DATE)
        self.calendarWidget().installEventFilter(self)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: Any) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # the page scrolls instead

    def is_set(self) -> bool:
        return self.date() != NOT_SET_DATE

    def iso(self) -> str | None:
        return iso_date(self.date()) if self.is_set() else None

    def show_iso(self, value: str | None) -> None:
        d = parse_iso_date(value) if value is not None else None
        self.setDate(d or NOT_SET_DATE)

    def use_locale(self, locale: QLocale) -> None:
        self.setLocale(locale)
        self.setDisplayFormat(date_format(locale))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.calendarWidget() and event.type() == QEvent.Type.Show and not self.is_set():
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)


class DateEditor(AnswerEditor):
    """date: a date edit with a calendar pop-up in the locale's format, "Not set" until a date is chosen, and
    Clear. The value is an ISO date "YYYY-MM-DD" or None."""

    def __init__(self, question: Question, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(question, lang, parent)
        self.edit = _DateEdit(self)
        self.edit.setMinimumWidth(160)
        self.edit.dateChanged.connect(self._date_changed)
        self.edit.editingFinished.connect(self.commit)
        self.edit.installEventFilter(self)
        self.clear_button = QToolButton(self)
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)
        self._value: str | None = None
        self._relabel()
        self.retranslate()

    def _current(self) -> Any:
        return self._value

    def _load(self, value: Any) -> bool:
        if value is not None and parse_iso_date(value) is None:
            return False
        self._value = value
        self.edit.show_iso(value)
        self.clear_button.setEnabled(value is not None)
        return True

    def _date_changed(self, _: QDate) -> None:
        if self._silent:
            return
        self._value = self.edit.iso()
        self.clear_button.setEnabled(self._value is not None)
        self._schedule()

    def clear(self) -> None:
        self.edit.setDate(NOT_SET_DATE)
        self._user_changed()
        self.edit.setFocus()

    def _relabel(self) -> None:
        self.edit.use_locale(locale_for(self.lang))
        self.edit.setAccessibleName(self.question.text.get(self.lang))

    def retranslate(self) -> None:
        self.edit.setSpecialValueText(self.tr("Not set"))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Clear the date"))
        self.clear_button.setAccessibleName(self.tr("Clear the date"))


class _PlainEdit(QPlainTextEdit):
    """Plain text only, Tab moves on (keyboard users must be able to leave the field)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.shown = ""  # the document's raw text when the value was loaded or last taken
        self.original = ""  # the value it showed then

    def load(self, text: str) -> None:
        self.setPlainText(text)
        self.original = text
        self.shown = self.document().toRawText()

    def text(self) -> str:
        """The value: the edit merged into the original, so untouched characters stay verbatim."""
        current = self.document().toRawText()
        if current != self.shown:
            self.original = merge_edit(self.original, self.shown, current)
            self.shown = current
        return self.original


class TextEditor(AnswerEditor):
    """text: plain text (typed HTML stays text), emitted 300 ms after the last keystroke or on focus-out, with a
    character count ("n / min characters" when the bank gives a minimum length)."""

    def __init__(self, question: Question, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(question, lang, parent)
        self.edit = _PlainEdit(self)
        self.edit.setMinimumHeight(72)
        self.edit.textChanged.connect(self._text_changed)
        self.edit.installEventFilter(self)
        self.counter = QLabel(self)
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.counter)
        self.setFocusProxy(self.edit)
        self._relabel()
        self.retranslate()

    def _current(self) -> Any:
        return self.edit.text() or None

    def _load(self, value: Any) -> bool:
        if value is not None and not isinstance(value, str):
            return False
        self.edit.load(value or "")
        self._count()
        return True

    def _text_changed(self) -> None:
        self._count()
        self._schedule()

    def _count(self) -> None:
        n = self.edit.document().characterCount() - 1  # close enough for a hint; the value is exact
        minimum = self.question.min_length
        if minimum:
            text = self.tr("{count} / {minimum} characters").format(count=n, minimum=minimum)
            if n < minimum:
                text += " " + self.tr("(fewer than suggested)")
        else:
            text = self.tr("{count} characters").format(count=n)
        self.counter.setText(text)

    def _relabel(self) -> None:
        self.edit.setAccessibleName(self.question.text.get(self.lang))

    def retranslate(self) -> None:
        self._count()
        if self.question.min_length:
            self.counter.setToolTip(self.tr("A substantive answer has at least {minimum} characters").format(
                minimum=self.question.min_length))


# --- rows ----------------------------------------------------------------------------------------------------------
def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def incomplete(question: Question, row: dict[str, Any]) -> list[Column]:
    """The required columns that a row leaves empty."""
    return [c for c in question.columns if c.required and _empty(row.get(c.id))]


def complete_rows(question: Question, value: Any) -> Any:
    """A rows answer without the rows that miss a required cell: the assessment file's schema requires those
    cells, so a draft holding a half-filled row does not validate until it is finished."""
    if not isinstance(value, list):
        return value
    kept = [r for r in value if isinstance(r, dict) and not incomplete(question, r)]
    return kept or None


class RowsModel(QAbstractTableModel):
    """The rows of a rows answer, one dict {column_id: value} per row, kept as given: a cell the user empties is
    removed from its row (as the example files leave out empty cells); cells never edited stay as they were."""

    VALUE_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, question: Question, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.columns = question.columns
        self.lang = lang
        self.rows: list[dict[str, Any]] = []

    # loading and language
    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = [dict(r) for r in rows]
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, max(len(self.rows) - 1, 0))

    # Qt's model interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.columns):
                return None
            column = self.columns[section]
            label = column.label.get(self.lang)
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{label} *" if column.required else label
            if role == Qt.ItemDataRole.ToolTipRole:
                parts = [label]
                if column.required:
                    parts.append(self.tr("Required"))
                if column.help:
                    parts.append(column.help.get(self.lang))
                return plain_tooltip("\n".join(parts))
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return label + ", " + self.tr("required") if column.required else label
            return None
        if not 0 <= section < len(self.rows):
            return None
        missing = incomplete(self.question, self.rows[section])
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{section + 1} !" if missing else str(section + 1)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if not missing:
                return self.tr("Row {number}").format(number=section + 1)
            names = ", ".join(c.label.get(self.lang) for c in missing)
            text = self.tr("Row {number}: required cells are empty: {names}").format(number=section + 1, names=names)
            return plain_tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        return None

    def cell(self, row: int, column: int) -> Any:
        """A cell's value, straight from the rows (through a QVariant a leading BOM would be lost)."""
        return copy.deepcopy(self.rows[row].get(self.columns[column].id))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        value = self.rows[index.row()].get(column.id)
        if role in (Qt.ItemDataRole.EditRole, self.VALUE_ROLE):
            return copy.deepcopy(value)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(column, value, preview=True)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            shown = self.display(column, value, preview=True)
            if not shown and column.required:
                return self.tr("empty, required")
            return shown
        if role == Qt.ItemDataRole.ToolTipRole:
            shown = self.display(column, value, preview=False)
            if not shown and column.required:
                return self.tr("Required")
            return plain_tooltip(shown) if shown else None
        return None

    def display(self, column: Column, value: Any, preview: bool) -> str:
        if _empty(value):
            return ""
        if column.type in ("single", "yesno"):
            return _option_label(column.options, value, self.lang)
        if column.type == "multi" and isinstance(value, list):
            sep = "、" if self.lang == "zh" else ", "
            return sep.join(_option_label(column.options, v, self.lang) for v in value)
        if column.type == "date":
            d = parse_iso_date(value)
            return locale_for(self.lang).toString(d, date_format(locale_for(self.lang))) if d else str(value)
        if column.type == "number":
            return NumberRule(locale=locale_for(self.lang)).format(value) or str(value)
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        if preview:
            text = " ".join(text[:CELL_PREVIEW].splitlines()) + ("…" if len(text) > CELL_PREVIEW else "")
        return text

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role not in (Qt.ItemDataRole.EditRole, self.VALUE_ROLE):
            return False
        column = self.columns[index.column()]
        row = self.rows[index.row()]
        if _same(row.get(column.id, _MISSING), value):
            return False
        if _empty(value):
            if column.id not in row:
                return False
            row.pop(column.id)
        else:
            row[column.id] = copy.deepcopy(value)
            order = [c.id for c in self.columns]  # an edited row keeps the columns' order, as in the files
            self.rows[index.row()] = {k: row[k] for k in sorted(row, key=lambda k: order.index(k) if k in order
                                                                  else len(order))}
        self.dataChanged.emit(index, index)
        self.headerDataChanged.emit(Qt.Orientation.Vertical, index.row(), index.row())
        return True

    # row operations
    def add_row(self, at: int | None = None) -> int:
        at = len(self.rows) if at is None else max(0, min(at, len(self.rows)))
        self.beginInsertRows(QModelIndex(), at, at)
        self.rows.insert(at, {})
        self.endInsertRows()
        return at

    def remove_rows(self, rows: Sequence[int]) -> None:
        for r in sorted(set(rows), reverse=True):
            if 0 <= r < len(self.rows):
                self.beginRemoveRows(QModelIndex(), r, r)
                del self.rows[r]
                self.endRemoveRows()

    def move_row(self, row: int, to: int) -> bool:
        """Move ``row`` to position ``to`` (an index in the list after the move)."""
        if not (0 <= row < len(self.rows) and 0 <= to < len(self.rows)) or row == to:
            return False
        dest = to + 1 if to > row else to  # Qt's destination is the index before which the row lands
        if not self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), dest):
            return False
        self.rows.insert(to, self.rows.pop(row))
        self.endMoveRows()
        self.headerDataChanged.emit(Qt.Orientation.Vertical, min(row, to), max(row, to))
        return True

    def value(self) -> list[dict[str, Any]] | None:
        """The rows as the file holds them: rows never filled in are left out; no rows is None."""
        rows = [copy.deepcopy(r) for r in self.rows if r]
        return rows or None


def _option_label(options: Sequence[Option], value: Any, lang: str) -> str:
    for o in options:
        if o.value == value:
            return o.label.get(lang)
    return str(value)


class _CheckList(QListWidget):
    """A multi cell's editor: one checkable item per option (Space toggles)."""

    def __init__(self, options: Sequence[Option], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.options = options
        for option in options:
            item = QListWidgetItem(option.label.get(lang), self)
            item.setData(Qt.ItemDataRole.UserRole, option.value)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Unchecked)
            if option.help:
                item.setToolTip(plain_tooltip(option.help.get(lang)))
        self.loaded: list[str] | None = None

    def load(self, value: Any) -> None:
        self.loaded = list(value) if isinstance(value, list) else None
        chosen = set(value) if isinstance(value, list) else set()
        for i in range(self.count()):
            item = self.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in chosen
                               else Qt.CheckState.Unchecked)
        self.setCurrentRow(0)

    def chosen(self) -> list[str]:
        values = [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                  if self.item(i).checkState() == Qt.CheckState.Checked]
        if self.loaded is not None and len(self.loaded) == len(values) and set(self.loaded) == set(values):
            return list(self.loaded)
        return values


class RowsDelegate(QStyledItemDelegate):
    """A cell editor per column type: text (multi-line; Enter finishes, Shift+Enter starts a new line), single and
    yesno (a drop-down list), multi (a check list), number (the locale's digits), date (a calendar)."""

    def __init__(self, model: RowsModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def column(self, index: Index) -> Column:
        return self.model.columns[index.column()]

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column, lang = self.column(index), self.model.lang
        editor: QWidget
        if column.type == "text":
            editor = _PlainEdit(parent)
        elif column.type in ("single", "yesno"):
            combo = QComboBox(parent)
            combo.addItem("—", None)
            combo.setItemData(0, self.tr("No answer"), Qt.ItemDataRole.AccessibleTextRole)
            for o in column.options:
                combo.addItem(o.label.get(lang), o.value)
                if o.help:
                    combo.setItemData(combo.count() - 1, plain_tooltip(o.help.get(lang)), Qt.ItemDataRole.ToolTipRole)
            combo.activated.connect(lambda _=0, w=combo: self._finish(w))
            editor = combo
        elif column.type == "multi":
            editor = _CheckList(column.options, lang, parent)
        elif column.type == "number":
            line = QLineEdit(parent)
            line.setValidator(NumberValidator(NumberRule(locale=locale_for(lang)), line))
            editor = line
        elif column.type == "date":
            edit = _DateEdit(parent)
            edit.use_locale(locale_for(lang))
            edit.setSpecialValueText(self.tr("Not set"))
            editor = edit
        else:
            editor = QLineEdit(parent)
        editor.setAccessibleName(column.label.get(lang))
        editor.setAutoFillBackground(True)
        return editor

    def _finish(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = self.model.cell(index.row(), index.column())
        if isinstance(editor, _PlainEdit):
            editor.load(value if isinstance(value, str) else "" if value is None else str(value))
            editor.selectAll()
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0) if value is not None else 0)
        elif isinstance(editor, _CheckList):
            editor.load(value)
        elif isinstance(editor, _DateEdit):
            editor.show_iso(value)
        elif isinstance(editor, QLineEdit):
            validator = editor.validator()
            editor.setText(validator.rule.format(value) if isinstance(validator, NumberValidator) else
                           "" if value is None else str(value))
            editor.setProperty("loaded", editor.text())

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        old = self.model.cell(index.row(), index.column())
        new: Any
        if isinstance(editor, _PlainEdit):
            new = editor.text()
        elif isinstance(editor, QComboBox):
            new = editor.currentData()
        elif isinstance(editor, _CheckList):
            new = editor.chosen()
        elif isinstance(editor, _DateEdit):
            new = editor.iso()
            if new is not None and old == new:
                return
        elif isinstance(editor, QLineEdit):
            if editor.text() == editor.property("loaded"):
                return  # unchanged: keep the stored value exactly (its int/float type)
            validator = editor.validator()
            if isinstance(validator, NumberValidator):
                state, new = validator.rule.parse(editor.text())
                if state != QValidator.State.Acceptable:
                    return
            else:
                new = editor.text()
        else:
            return
        if _empty(new) and _empty(old):
            return  # an empty cell stays as it was ("" and [] in the example files)
        self.model.setData(index, new, RowsModel.VALUE_ROLE)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        rect = QRect(option.rect)
        if isinstance(editor, _PlainEdit | _CheckList):
            height = editor.sizeHintForRow(0) * editor.count() + 8 if isinstance(editor, _CheckList) else 120
            rect.setWidth(max(rect.width(), 360 if isinstance(editor, _PlainEdit) else
                              editor.sizeHintForColumn(0) + 32))
            rect.setHeight(max(rect.height(), height))
            area = editor.parentWidget().rect() if editor.parentWidget() else rect
            if rect.bottom() > area.bottom():
                rect.moveBottom(max(area.bottom(), rect.height() - 1))
            if rect.right() > area.right():
                rect.moveRight(max(area.right(), rect.width() - 1))
        editor.setGeometry(rect)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and isinstance(editor, _PlainEdit | _CheckList)):
            if isinstance(editor, _PlainEdit) and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                return False  # a new line
            self._finish(editor)  # type: ignore[arg-type]
            return True
        return super().eventFilter(editor, event)


class _RowsTable(QTableView):
    """Enter or F2 edits the current cell, Delete empties it; Tab leaves the table (arrows move in it)."""

    clear_cell = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if index.isValid() and self.state() != QAbstractItemView.State.EditingState:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
                self.edit(index)
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers():
                self.clear_cell.emit(index)
                return
        super().keyPressEvent(event)


class RowsEditor(AnswerEditor):
    """rows: a table whose columns come from the bank (required ones marked "*"), a cell editor per column type,
    and Add row / Remove row / Move up / Move down. The value lists the rows as dicts in order, without the
    cells left empty; None when there are no rows."""

    def __init__(self, question: Question, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(question, lang, parent)
        self.model = RowsModel(question, lang, self)
        self.table = _RowsTable(self)
        self.table.setModel(self.model)
        self.delegate = RowsDelegate(self.model, self.table)
        self.table.setItemDelegate(self.delegate)
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setMinimumHeight(180)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(60)
        for i, column in enumerate(question.columns):
            self.table.setColumnWidth(i, 220 if column.type in ("text", "multi") else 140)
        # Row heights follow the wrapped text, but measured only when rows or column widths change: with
        # ResizeToContents every relayout of the section page measured every cell again (40-50 ms per long table).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.timeout.connect(self.table.resizeRowsToContents)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsMoved, self.model.dataChanged,
                       header.sectionResized):
            signal.connect(self._fit_timer.start)
        self.table.clear_cell.connect(self._clear_cell)
        self.model.dataChanged.connect(self._model_edited)
        self.table.selectionModel().currentChanged.connect(self._refresh)

        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.up_button = QPushButton(self)
        self.down_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        self.up_button.clicked.connect(lambda: self.move_row(-1))
        self.down_button.clicked.connect(lambda: self.move_row(1))
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.status, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.table, self.add_button)
        QWidget.setTabOrder(self.add_button, self.remove_button)
        QWidget.setTabOrder(self.remove_button, self.up_button)
        QWidget.setTabOrder(self.up_button, self.down_button)
        self.setFocusProxy(self.table)
        self._relabel()
        self.retranslate()
        self._refresh()

    # value
    def _current(self) -> Any:
        return self.model.value()

    def _load(self, value: Any) -> bool:
        if value is not None and not (isinstance(value, list) and all(isinstance(r, dict) for r in value)):
            return False
        self.model.set_rows(value or [])
        self._refresh()
        return True

    # the user's row operations
    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int, column: int = 0) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, column))

    def add_row(self) -> int:
        """Append an empty row and make its first cell current. An empty row is not part of the value until a cell
        is filled in, so adding one emits nothing."""
        row = self.model.add_row()
        self.select_row(row)
        self.table.scrollTo(self.model.index(row, 0))
        self.table.setFocus()
        self._refresh()
        self._user_changed()
        return row

    def remove_row(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        column = max(self.table.currentIndex().column(), 0)
        self.model.remove_rows([row])
        self.select_row(min(row, self.model.rowCount() - 1), column)
        self._refresh()
        self._user_changed()

    def move_row(self, step: int) -> None:
        row = self.current_row()
        column = max(self.table.currentIndex().column(), 0)
        if self.model.move_row(row, row + step):
            self.select_row(row + step, column)
            self._refresh()
            self._user_changed()

    def _clear_cell(self, index: QModelIndex) -> None:
        self.model.setData(index, None, RowsModel.VALUE_ROLE)

    def _model_edited(self, *_: Any) -> None:
        self._refresh()
        self._user_changed()

    def _refresh(self, *_: Any) -> None:
        row, count = self.current_row(), self.model.rowCount()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        self._status()

    def _status(self) -> None:
        count = self.model.rowCount()
        parts = [self.tr("Rows: {count}").format(count=count)]
        if self.question.min_rows > count:
            parts.append(self.tr("at least {minimum} needed").format(minimum=self.question.min_rows))
        unfinished = sum(1 for r in self.model.rows if r and incomplete(self.question, r))
        if unfinished:
            parts.append(self.tr("rows with empty required cells (marked !): {count}").format(count=unfinished))
        if any(c.required for c in self.question.columns):
            parts.append(self.tr("* required"))
        self.status.setText(" · ".join(parts))

    def _relabel(self) -> None:
        self.model.set_language(self.lang)
        self.table.setAccessibleName(self.question.text.get(self.lang))
        self._status()

    def retranslate(self) -> None:
        for button, text, tip in (
            (self.add_button, self.tr("Add row"), self.tr("Add a row at the end of the table")),
            (self.remove_button, self.tr("Remove row"), self.tr("Remove the current row")),
            (self.up_button, self.tr("Move up"), self.tr("Move the current row up")),
            (self.down_button, self.tr("Move down"), self.tr("Move the current row down")),
        ):
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(text)
        self.table.setAccessibleDescription(self.tr(
            "Arrow keys move between cells; Enter or F2 edits a cell, Delete empties it; Tab leaves the table"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.question.columns) - 1)
        self._status()


EDITORS: dict[str, Callable[[Question, str, QWidget | None], AnswerEditor]] = {
    "yesno": YesNoEditor,
    "multi": MultiEditor,
    "number": NumberEditor,
    "date": DateEditor,
    "text": TextEditor,
    "rows": RowsEditor,
}


def make_editor(question: Question, lang: str, parent: QWidget | None = None) -> AnswerEditor:
    """The editor for a bank question, by its answer type."""
    if question.type == "single":
        kind = SingleRadioEditor if len(question.options) <= RADIO_LIMIT else SingleComboEditor
        return kind(question, lang, parent)
    try:
        factory = EDITORS[question.type]
    except KeyError:
        raise ValueError(f"no editor for answer type {question.type!r} ({question.id})") from None
    return factory(question, lang, parent)


__all__ = ["AnswerEditor", "DateEditor", "MultiEditor", "NumberEditor", "RowsEditor", "RowsModel",
           "SingleComboEditor", "SingleRadioEditor", "TextEditor", "YesNoEditor", "complete_rows",
           "incomplete", "make_editor", "merge_edit", "plain_tooltip"]
