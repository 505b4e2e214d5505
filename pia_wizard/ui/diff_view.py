"""The side-by-side comparison of two versions (issue 12 item 7): findings that appeared or went away and risk levels
that moved at the top, then the answers that changed, section by section, before | after. Removed text is struck
through and marked [− … −], added text is underlined and marked [+ … +]: the marks say it without colour.

The comparison is one read-only document built with QTextCursor (user text is inserted as text, never parsed as
HTML) from a small list of blocks; "Copy as text" writes the same blocks as plain text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QGuiApplication,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.core import diff as core_diff
from pia_wizard.core import labels
from pia_wizard.core import risk as risk_mod
from pia_wizard.core.bank import Text, default_bank
from pia_wizard.services.diff import Diff, Side
from pia_wizard.ui.findings_panel import COLOURS
from pia_wizard.ui.state import AppState

FILTERS = ("all", "findings", "answers")
KEEP = 150  # characters of unchanged text shown either side of a change; the rest is folded, saying how much
FOLD_FROM = 2 * KEEP + 100

Run = tuple[str, str]  # (text, style)
Para = list[Run]
STYLES = ("plain", "bold", "muted", "del", "ins", "mark_del", "mark_ins", "verdict:prohibited", "verdict:gap",
          "verdict:advisory", "verdict:compliant", "verdict:not_applicable")


def _formats() -> dict[str, QTextCharFormat]:
    out = {}
    for style in STYLES:
        f = QTextCharFormat()
        if style == "bold":
            f.setFontWeight(QFont.Weight.Bold)
        elif style == "muted":
            f.setForeground(QBrush(QColor("#666666")))
        elif style in ("del", "mark_del"):
            f.setForeground(QBrush(QColor("#8a1c14")))
            f.setBackground(QBrush(QColor("#fde4e1")))
            f.setFontStrikeOut(style == "del")
            if style == "mark_del":
                f.setFontWeight(QFont.Weight.Bold)
        elif style in ("ins", "mark_ins"):
            f.setForeground(QBrush(QColor("#1d5e20")))
            f.setBackground(QBrush(QColor("#dff3df")))
            f.setFontUnderline(style == "ins")
            if style == "mark_ins":
                f.setFontWeight(QFont.Weight.Bold)
        elif style.startswith("verdict:"):
            f.setForeground(QBrush(QColor(COLOURS[style.split(":", 1)[1]])))
            f.setFontWeight(QFont.Weight.Bold)
        out[style] = f
    return out


def _deleted(text: str) -> Para:
    return [("[−", "mark_del"), (text, "del"), ("−]", "mark_del")]


def _inserted(text: str) -> Para:
    return [("[+", "mark_ins"), (text, "ins"), ("+]", "mark_ins")]


class DiffView(QWidget):
    """``DiffView(state, diff)``: ``diff`` is a services.diff.Diff (diff_versions / diff_assessments)."""

    def __init__(self, state: AppState, diff: Diff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.diff = diff
        self.mode = "all"
        self.blocks: list[tuple[Any, ...]] = []
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        font = self.header.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.header.setFont(font)
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.counts.setWordWrap(True)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: palette(placeholder-text);")
        self.filter_label = QLabel()
        self.filter = QComboBox()
        self.filter_label.setBuddy(self.filter)
        for _ in FILTERS:
            self.filter.addItem("")
        self.filter.currentIndexChanged.connect(lambda i: self.set_filter(FILTERS[i]))
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy)
        self.body = QTextBrowser()
        self.body.setOpenLinks(False)
        self.body.setReadOnly(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.body.setObjectName("diff-body")
        bar = QHBoxLayout()
        bar.addWidget(self.filter_label)
        bar.addWidget(self.filter)
        bar.addStretch(1)
        bar.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.counts)
        layout.addLayout(bar)
        layout.addWidget(self.legend)
        layout.addWidget(self.body, 1)
        self.resize(1100, 720)
        state.languageChanged.connect(self.set_language)
        self.retranslate()

    # --- API ---------------------------------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.state.lang

    def set_diff(self, diff: Diff) -> None:
        self.diff = diff
        self.retranslate()

    def set_filter(self, mode: str) -> None:
        """all | findings (findings, risk levels, required questions) | answers (answers and the file's other
        fields)."""
        if mode not in FILTERS:
            raise ValueError(mode)
        self.mode = mode
        if self.filter.currentIndex() != FILTERS.index(mode):
            self.filter.setCurrentIndex(FILTERS.index(mode))
        self._render()

    def as_text(self) -> str:
        """The comparison as shown (with the filter applied), as plain text with the [− −] / [+ +] marks."""
        return _plain(self._title_lines() + self.blocks, self.tr("Before: "), self.tr("After: "))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.as_text())

    def set_language(self, _lang: str = "") -> None:
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- text --------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Compare: %1").replace("%1", self._name(self.diff.new)))
        self.filter_label.setText(self.tr("&Show:"))
        for i, text in enumerate((self.tr("Everything"), self.tr("Only findings and risks"),
                                  self.tr("Only answers"))):
            self.filter.setItemText(i, text)
        self.filter.setAccessibleName(self.tr("Show"))
        self.copy_button.setText(self.tr("&Copy as text"))
        self.copy_button.setAccessibleName(self.tr("Copy the comparison as text"))
        self.body.setAccessibleName(self.tr("Comparison, before and after"))
        self.legend.setText(self.tr("Left: before; right: after. Removed text is struck through and marked [− … −]; "
                                    "added text is underlined and marked [+ … +]."))
        self._render()

    def _name(self, side: Side) -> str:
        if side.version is not None:
            from pia_wizard.ui.models import state_label

            return self.tr("Version %1 (%2)").replace("%1", str(side.version.version)).replace(
                "%2", state_label(side.version.state))
        if side.path is not None:
            return side.path.name
        return side.title or side.assessment_id

    def _title_lines(self) -> list[tuple[Any, ...]]:
        return [("p", [(self.header.text(), "bold")]), ("p", [(self.counts.text(), "plain")])]

    def _render(self) -> None:
        d = self.diff
        self.header.setText(self.tr("Before: %1  →  After: %2").replace("%1", self._name(d.old)).replace(
            "%2", self._name(d.new)))
        ev, ad = d.evaluation, d.answers
        self.counts.setText("  ·  ".join((
            self.tr("Answers changed: %1").replace("%1", str(len(ad.answers))),
            self.tr("Other fields changed: %1").replace("%1", str(len(ad.meta))),
            self.tr("Findings changed: %1").replace("%1", str(len(ev.findings))),
            self.tr("Risk levels moved: %1").replace("%1", str(len(ev.risks))))))
        blocks: list[tuple[Any, ...]] = []
        if d.empty:
            blocks.append(("p", [(self.tr("Nothing changed: the two hold the same answers and the same findings.")
                                  if d.same_content else
                                  self.tr("The answers and the findings are the same; only details outside them "
                                          "differ."), "plain")]))
        if self.mode in ("all", "findings"):
            blocks += self._findings_blocks()
        if self.mode in ("all", "answers"):
            blocks += self._answer_blocks()
        self.blocks = blocks
        _write(self.body, blocks, self.tr("Before"), self.tr("After"))

    # --- the evaluation ----------------------------------------------------------------------------------------
    def _verdict(self, verdict: str) -> Run:
        return labels.verdict_label(verdict).get(self.lang), f"verdict:{verdict}"

    def _findings_blocks(self) -> list[tuple[Any, ...]]:
        ev = self.diff.evaluation
        lang = self.lang
        sep = "：" if lang == "zh" else ": "
        out: list[tuple[Any, ...]] = [("h1", self.tr("Findings"))]
        if not ev.findings:
            out.append(("p", [(self.tr("No finding appeared, went away or changed its verdict."), "muted")]))
        for f in ev.findings:
            para: Para
            if f.kind == core_diff.APPEARED:
                para = [("[+] ", "mark_ins"), (self.tr("New: "), "bold"), self._verdict(f.new or "")]
            elif f.kind == core_diff.GONE:
                para = [("[−] ", "mark_del"), (self.tr("Gone: "), "bold"), self._verdict(f.old or "")]
            else:
                para = [("[±] ", "bold"), (self.tr("Verdict changed: "), "bold"), self._verdict(f.old or ""),
                        (" → ", "plain"), self._verdict(f.new or ""),
                        (self.tr(" (more serious)") if f.worse else self.tr(" (less serious)"), "bold")]
            para += [(" — " + f.citation.get(lang) + sep, "plain"), (f.explanation.get(lang), "plain")]
            out.append(("p", para))
        if ev.risks:
            out.append(("h1", self.tr("Risk levels")))
            for m in ev.risks:
                stage = risk_mod.labels()["terms"][m.stage]
                head = f"{m.name.get(lang)} · {stage['zh'] if lang == 'zh' else stage['en']}{sep}"
                words = {"up": ("↑ ", self.tr("raised")), "down": ("↓ ", self.tr("lowered")),
                         "rated": ("+ ", self.tr("now rated")), "unrated": ("− ", self.tr("no longer rated"))}
                arrow, word = words[m.direction]
                out.append(("p", [(arrow, "bold"), (head, "plain"),
                                  (labels.level_name(m.old).get(lang), "plain"), (" → ", "plain"),
                                  (labels.level_name(m.new).get(lang), "bold"), (f" ({word})", "plain")]))
        if ev.unanswered_added or ev.unanswered_removed or ev.measures_apply:
            out.append(("h1", self.tr("Completeness and scope")))
            bank = default_bank()
            for qid in ev.unanswered_added:
                text = bank.question(qid).text.get(lang) if qid in bank.questions else qid
                out.append(("p", [("[+] ", "mark_ins"), (self.tr("Required question now unanswered: "), "bold"),
                                  (text, "plain")]))
            for qid in ev.unanswered_removed:
                text = bank.question(qid).text.get(lang) if qid in bank.questions else qid
                out.append(("p", [("[−] ", "mark_del"), (self.tr("Required question now answered (or no longer "
                                                                 "asked): "), "bold"), (text, "plain")]))
            if ev.measures_apply:
                out.append(("p", [(self.tr("The FRT Measures now apply.") if ev.measures_apply[1] else
                                   self.tr("The FRT Measures no longer apply."), "bold")]))
        return out

    # --- the answers -------------------------------------------------------------------------------------------
    def _choices_para(self, choices: core_diff.Choices, side: str) -> Para:
        sep = "；" if self.lang == "zh" else "; "
        out: Para = []
        for op, label in choices:
            if op == (core_diff.INSERTED if side == "old" else core_diff.DELETED):
                continue
            if out:
                out.append((sep, "plain"))
            text = label.get(self.lang)
            out += [(text, "plain")] if op == core_diff.SAME else _deleted(text) if side == "old" else _inserted(text)
        return out or [(self.tr("(no answer)"), "muted")]

    def _value(self, value: Text | None, mark: str, segments: core_diff.Segments, side: str,
               choices: core_diff.Choices = ()) -> list[Para]:
        """One side of a change as paragraphs: ``side`` old or new; ``mark`` del / ins / plain."""
        lang = self.lang
        if choices:
            return [self._choices_para(choices, side)]
        if segments:
            return [_segments_para(segments, side, self.tr("[… %1 characters unchanged …]"))]
        if value is None:
            return [[(self.tr("(no answer)"), "muted")]]
        text = value.get(lang)
        if mark == "del":
            return [_deleted(text)]
        if mark == "ins":
            return [_inserted(text)]
        return [[(text, "plain")]]

    def _pair(self, old: Text | None, new: Text | None, segments: core_diff.Segments = (),
              choices: core_diff.Choices = ()) -> tuple[Any, ...]:
        return ("pair", self._value(old, "del" if new != old else "plain", segments, "old", choices),
                self._value(new, "ins" if new != old else "plain", segments, "new", choices))

    def _row_blocks(self, rows: tuple[core_diff.RowChange, ...]) -> list[tuple[Any, ...]]:
        lang = self.lang
        sep = "：" if lang == "zh" else ": "
        out: list[tuple[Any, ...]] = []
        for r in rows:
            left: list[Para] = []
            right: list[Para] = []
            if r.kind == core_diff.REMOVED:
                left.append([("[−] ", "mark_del"), (self.tr("Row %1 removed").replace("%1", str(r.old_index)),
                                                     "bold")])
                right.append([(self.tr("(removed)"), "muted")])
            elif r.kind == core_diff.ADDED:
                left.append([(self.tr("(no such row)"), "muted")])
                right.append([("[+] ", "mark_ins"), (self.tr("Row %1 added").replace("%1", str(r.new_index)),
                                                      "bold")])
            else:
                left.append([(self.tr("Row %1").replace("%1", str(r.old_index)), "bold")])
                right.append([(self.tr("Row %1").replace("%1", str(r.new_index)), "bold")])
            for c in r.cells:
                label = c.label.get(lang) + sep
                if c.choices:
                    left.append([(label, "muted"), *self._choices_para(c.choices, "old")])
                    right.append([(label, "muted"), *self._choices_para(c.choices, "new")])
                    continue
                if c.segments:
                    left.append([(label, "muted"), *_segments_para(c.segments, "old", self.tr(
                        "[… %1 characters unchanged …]"))])
                    right.append([(label, "muted"), *_segments_para(c.segments, "new", self.tr(
                        "[… %1 characters unchanged …]"))])
                    continue
                if r.kind != core_diff.ADDED:
                    left.append([(label, "muted"), *(_deleted(c.old.get(lang)) if c.old else
                                                     [(self.tr("(empty)"), "muted")])])
                if r.kind != core_diff.REMOVED:
                    right.append([(label, "muted"), *(_inserted(c.new.get(lang)) if c.new else
                                                      [(self.tr("(empty)"), "muted")])])
            out.append(("pair", left, right))
        return out

    def _answer_blocks(self) -> list[tuple[Any, ...]]:
        ad = self.diff.answers
        lang = self.lang
        kinds = {core_diff.ADDED: self.tr("answered"), core_diff.REMOVED: self.tr("answer removed"),
                 core_diff.CHANGED: self.tr("changed")}
        out: list[tuple[Any, ...]] = [("h1", self.tr("Answers"))]
        if not ad.answers:
            out.append(("p", [(self.tr("No answer changed."), "muted")]))
        for _sid, title, changes in ad.by_section():
            rows: list[tuple[Any, ...]] = []
            for c in changes:
                rows.append(("title", [(c.question.get(lang), "bold"), (f"  ({kinds[c.kind]})", "muted")]))
                rows.append(self._pair(c.old, c.new, c.segments, c.choices))
                rows += self._row_blocks(c.rows)
            out.append(("h2", title.get(lang)))
            out.append(("table", rows))
        if ad.meta:
            out.append(("h1", self.tr("Other changes (people, sites, risk ratings, approval)")))
            rows = []
            for m in ad.meta:
                rows.append(("title", [(m.label.get(lang), "bold")]))
                rows.append(self._pair(m.old, m.new, m.segments))
            out.append(("table", rows))
        return out


def _fold(text: str, where: str, template: str) -> Para:
    """An unchanged run, folded when long: ``where`` first (only its end is near a change), last (only its start),
    or middle (both)."""
    if len(text) < FOLD_FROM:
        return [(text, "plain")]
    if where == "first":
        head, tail = "", text[-KEEP:]
    elif where == "last":
        head, tail = text[:KEEP], ""
    else:
        head, tail = text[:KEEP], text[-KEEP:]
    folded = len(text) - len(head) - len(tail)
    out: Para = []
    if head:
        out.append((head, "plain"))
    out.append((" " + template.replace("%1", f"{folded:,}") + " ", "muted"))
    if tail:
        out.append((tail, "plain"))
    return out


def _segments_para(segments: core_diff.Segments, side: str, fold_template: str) -> Para:
    out: Para = []
    last = len(segments) - 1
    for i, (op, text) in enumerate(segments):
        if op == core_diff.SAME:
            out += _fold(text, "first" if i == 0 else "last" if i == last else "middle", fold_template)
        elif op == core_diff.DELETED and side == "old":
            out += _deleted(text)
        elif op == core_diff.INSERTED and side == "new":
            out += _inserted(text)
    return out


# --- output ---------------------------------------------------------------------------------------------------------

def _write(browser: QTextBrowser, blocks: list[tuple[Any, ...]], before: str, after: str) -> None:
    formats = _formats()
    doc = browser.document()
    doc.clear()
    cursor = QTextCursor(doc)
    plain = formats["plain"]
    first = True

    def block(size: float = 1.0, bold: bool = False) -> None:
        nonlocal first
        spacing = QTextBlockFormat()
        if size != 1.0 and not first:
            spacing.setTopMargin(12 if size > 1.2 else 8)
        spacing.setBottomMargin(3)
        if not first:
            cursor.insertBlock(spacing)
        else:
            cursor.setBlockFormat(spacing)
        first = False
        f = QTextCharFormat()
        if bold:
            f.setFontWeight(QFont.Weight.Bold)
        if size != 1.0:
            f.setFontPointSize(browser.font().pointSizeF() * size)
        cursor.setCharFormat(f)

    def runs(c: QTextCursor, para: Para) -> None:
        for text, style in para:
            c.insertText(text, formats.get(style, plain))

    for kind, *rest in blocks:
        if kind in ("h1", "h2"):
            block(1.25 if kind == "h1" else 1.1, True)
            cursor.insertText(rest[0], cursor.charFormat())
        elif kind == "p":
            block()
            runs(cursor, rest[0])
        elif kind == "table":
            rows = rest[0]
            block()
            fmt = QTextTableFormat()
            fmt.setBorder(1)
            fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
            fmt.setBorderBrush(QBrush(QColor("#c8c8c8")))
            fmt.setBorderCollapse(True)
            fmt.setCellPadding(4)
            fmt.setCellSpacing(0)
            fmt.setHeaderRowCount(1)
            fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
            fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, 50)] * 2)
            table = cursor.insertTable(len(rows) + 1, 2, fmt)
            for col, text in enumerate((before, after)):
                table.cellAt(0, col).firstCursorPosition().insertText(text, formats["muted"])
            for r, row in enumerate(rows, start=1):
                if row[0] == "title":
                    table.mergeCells(r, 0, 1, 2)
                    runs(table.cellAt(r, 0).firstCursorPosition(), row[1])
                    continue
                for col, paras in enumerate(row[1:]):
                    c = table.cellAt(r, col).firstCursorPosition()
                    for i, para in enumerate(paras):
                        if i:
                            c.insertBlock()
                        runs(c, para)
            cursor.movePosition(QTextCursor.MoveOperation.End)
    browser.moveCursor(QTextCursor.MoveOperation.Start)


def _plain(blocks: list[tuple[Any, ...]], before: str, after: str) -> str:
    lines: list[str] = []

    def text(para: Para) -> str:
        return "".join(t for t, _ in para)

    for kind, *rest in blocks:
        if kind == "h1":
            lines += ["", f"== {rest[0]} =="]
        elif kind == "h2":
            lines += ["", f"-- {rest[0]} --"]
        elif kind == "p":
            lines.append(text(rest[0]))
        elif kind == "table":
            for row in rest[0]:
                if row[0] == "title":
                    lines.append("* " + text(row[1]))
                    continue
                lines.append("    " + before + " / ".join(text(p) for p in row[1]))
                lines.append("    " + after + " / ".join(text(p) for p in row[2]))
    return "\n".join(lines).strip() + "\n"
