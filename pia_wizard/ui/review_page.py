"""The review before approval (issue 12 item 1): the decision the assessment asks the officer to take, the grouped
issues with their legal bases, the seven risks at three stages with the heat map, the action plan with owners and
due dates, the required questions still unanswered and the consistency warnings. Every item leads back to where it
is answered (``jumpTo(qid)``, or ``jumpToRisk(risk_id)`` for a rating); "Approve…" stays disabled, with the reasons
listed above it, while something required is missing (services.review).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.core import labels
from pia_wizard.core import risk as risk_mod
from pia_wizard.services import review as review_service
from pia_wizard.ui.findings_panel import COLOURS, IssueCard
from pia_wizard.ui.state import AppState

LONG_TEXT = 2_000  # characters: a longer user text goes into a scrolling box instead of a label
BLOCKERS_MAX_HEIGHT = 130
RISK_ROLE = Qt.ItemDataRole.UserRole
PLAN_ROW_MAX = 120  # px: a long measure is cut (with …) in the table; the question holds it in full


def plain_label(text: str = "", style: str = "") -> QLabel:
    """A label for text that may come from the user: never read as HTML, wrapped, selectable."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


def heading(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    return label


class LongText(QWidget):
    """User text of any length: a label while short, a read-only scrolling box beyond LONG_TEXT characters (a label
    lays out 100,000 characters in ~0.4 s on every resize)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = plain_label()
        self.box = QPlainTextEdit()
        self.box.setReadOnly(True)
        self.box.setFixedHeight(160)
        self.box.hide()
        self._long = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.box)

    def set_text(self, text: str) -> None:
        long = self._long = len(text) > LONG_TEXT
        self.label.setVisible(not long)
        self.box.setVisible(long)
        if long:
            self.label.clear()
            if self.box.toPlainText() != text:
                self.box.setPlainText(text)
        else:
            self.box.clear()
            self.label.setText(text)

    def text(self) -> str:
        return self.box.toPlainText() if self._long else self.label.text()

    def set_accessible_name(self, name: str) -> None:
        self.label.setAccessibleName(name)
        self.box.setAccessibleName(name)


class JumpRow(QLabel):
    """One item that leads somewhere: wrapped plain text, reachable with Tab (and the arrow keys within its list),
    activated by a click, Enter or Space."""

    activated = Signal()

    def __init__(self, text: str, colour: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setText(text)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        colour_rule = f"color: {colour};" if colour else ""
        self.setStyleSheet(f"JumpRow {{ padding: 3px 6px; border: 1px solid transparent; {colour_rule} }}"
                           "JumpRow:hover { border-color: palette(mid); }"
                           "JumpRow:focus { border-color: palette(highlight); background: palette(alternate-base); }")
        self.setAccessibleName(text if len(text) <= LONG_TEXT else text[:LONG_TEXT])

    def mouseReleaseEvent(self, event: Any) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.activated.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: Any) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            parent = self.parentWidget()
            rows = [w for w in parent.findChildren(JumpRow) if w.isVisible()] if parent else []
            if self in rows:
                i = rows.index(self) + (1 if key == Qt.Key.Key_Down else -1)
                if 0 <= i < len(rows):
                    rows[i].setFocus(Qt.FocusReason.TabFocusReason)
            return
        super().keyPressEvent(event)


class JumpList(QWidget):
    """Items that each lead to a question or a risk rating: ``activated`` carries the item's target."""

    activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[JumpRow] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(1)
        self._layout.addStretch(1)

    def set_items(self, items: list[tuple[str, object, str | None]]) -> None:
        """(text, target, colour or None) per item."""
        for row in self.rows:
            row.hide()
            row.deleteLater()
        self.rows = []
        for text, target, colour in items:
            row = JumpRow(text, colour, self)
            row.activated.connect(lambda t=target: self.activated.emit(t))
            self._layout.insertWidget(self._layout.count() - 1, row)
            self.rows.append(row)

    def height_for(self, width: int) -> int:
        rows = [r.heightForWidth(width) for r in self.rows]
        return sum(max(h, r.sizeHint().height()) if h < 0 else h for h, r in zip(rows, self.rows, strict=True)) + \
            self._layout.spacing() * max(len(rows) - 1, 0)

    def texts(self) -> list[str]:
        return [r.text() for r in self.rows]

    def count(self) -> int:
        return len(self.rows)


class ReviewPage(QWidget):
    jumpTo = Signal(str)  # a question ID
    jumpToRisk = Signal(str)  # a risk ID (its rating is missing or is shown)
    approveRequested = Signal()

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.assessment: Any = None
        self.evaluation: Any = None
        self.review: review_service.Review | None = None
        self.svg: str | None = None
        self.read_only = False  # the version shown is approved (a record): nothing left to approve here
        self.cards: list[IssueCard] = []
        self._stale = True

        self.title = heading()
        self.title.setObjectName("review-title")
        self.summary = plain_label()

        # the decision
        self.decision_heading = heading()
        self.decision = plain_label("", "font-weight: 600;")
        self.conditions_heading = QLabel()
        self.conditions = LongText()
        self.reason_heading = QLabel()
        self.reason = LongText()
        self.decision_go = QPushButton()
        self.decision_go.clicked.connect(lambda: self.jumpTo.emit(review_service.DECISION_QUESTION))

        # the issues
        self.issues_heading = heading()
        self.issues_empty = plain_label()
        self.issues_box = QWidget()
        self.issues_layout = QVBoxLayout(self.issues_box)
        self.issues_layout.setContentsMargins(0, 0, 0, 0)

        # the risks
        self.risks_heading = heading()
        self.risk_table = QTableWidget(0, 4)
        self.risk_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.risk_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.risk_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.risk_table.verticalHeader().hide()
        self.risk_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.risk_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.risk_table.activated.connect(self._risk_activated)
        self.risk_note = plain_label("", "color: palette(placeholder-text);")
        from pia_wizard.ui.risk_view import HeatMapView

        self.heatmap = HeatMapView()
        self.heatmap.setMinimumWidth(300)

        # the action plan
        self.plan_heading = heading()
        self.plan_table = QTableWidget(0, 7)
        self.plan_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.plan_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.plan_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.plan_table.setWordWrap(True)
        self.plan_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.plan_table.verticalHeader().hide()
        self.plan_table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.plan_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.plan_table.activated.connect(lambda _: self.jumpTo.emit(review_service.PLAN_QUESTION))
        self.plan_empty = plain_label()
        self.plan_go = QPushButton()
        self.plan_go.clicked.connect(lambda: self.jumpTo.emit(review_service.PLAN_QUESTION))

        # unanswered, consistency
        self.unanswered_heading = heading()
        self.unanswered = JumpList()
        self.unanswered.activated.connect(self._go)
        self.unanswered_empty = plain_label()
        self.warnings_heading = heading()
        self.warnings = JumpList()
        self.warnings.activated.connect(self._go)
        self.warnings_empty = plain_label()

        # the footer: what stands in the way, and the button
        self.blockers_heading = QLabel()
        self.blockers_heading.setStyleSheet("font-weight: 600;")
        self.blockers = JumpList()
        self.blockers.activated.connect(self._go)
        self.blockers_scroll = QScrollArea()
        self.blockers_scroll.setWidgetResizable(True)
        self.blockers_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.blockers_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.blockers_scroll.setWidget(self.blockers)
        self.blockers_scroll.viewport().setAutoFillBackground(False)
        self.blockers.setAutoFillBackground(False)
        self.ready_label = plain_label()
        self.approve_button = QPushButton()
        self.approve_button.setEnabled(False)
        self.approve_button.clicked.connect(self.approveRequested)

        body = QWidget()
        col = QVBoxLayout(body)
        col.addWidget(self.title)
        col.addWidget(self.summary)
        col.addSpacing(8)
        col.addWidget(self.decision_heading)
        col.addWidget(self.decision)
        col.addWidget(self.conditions_heading)
        col.addWidget(self.conditions)
        col.addWidget(self.reason_heading)
        col.addWidget(self.reason)
        row = QHBoxLayout()
        row.addWidget(self.decision_go)
        row.addStretch(1)
        col.addLayout(row)
        col.addSpacing(8)
        col.addWidget(self.issues_heading)
        col.addWidget(self.issues_empty)
        col.addWidget(self.issues_box)
        col.addSpacing(8)
        col.addWidget(self.risks_heading)
        risks = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.risk_table)
        left.addWidget(self.risk_note)
        left.addStretch(1)
        risks.addLayout(left, 3)
        risks.addWidget(self.heatmap, 2)
        col.addLayout(risks)
        col.addSpacing(8)
        col.addWidget(self.plan_heading)
        col.addWidget(self.plan_empty)
        col.addWidget(self.plan_table)
        row = QHBoxLayout()
        row.addWidget(self.plan_go)
        row.addStretch(1)
        col.addLayout(row)
        col.addSpacing(8)
        col.addWidget(self.unanswered_heading)
        col.addWidget(self.unanswered_empty)
        col.addWidget(self.unanswered)
        col.addSpacing(8)
        col.addWidget(self.warnings_heading)
        col.addWidget(self.warnings_empty)
        col.addWidget(self.warnings)
        col.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(body)

        self.footer = footer = QFrame()
        footer.setObjectName("review-footer")
        footer.setFrameShape(QFrame.Shape.StyledPanel)
        bottom = QVBoxLayout(footer)
        bottom.addWidget(self.blockers_heading)
        bottom.addWidget(self.blockers_scroll)
        last = QHBoxLayout()
        last.addWidget(self.ready_label, 1)
        last.addWidget(self.approve_button, 0, Qt.AlignmentFlag.AlignBottom)
        bottom.addLayout(last)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(footer)
        self.plan_table.installEventFilter(self)
        self.footer.installEventFilter(self)
        state.languageChanged.connect(self.set_language)
        self.retranslate()

    # --- API ---------------------------------------------------------------------------------------------------
    def show_assessment(self, assessment: Any, evaluation: Any, svg: str | None = None) -> None:
        """Show this assessment and its evaluation (``svg``: the heat map drawn off the UI thread, if the caller has
        it; else it is drawn here)."""
        self.assessment, self.evaluation, self.svg = assessment, evaluation, svg
        self.review = review_service.review(assessment, evaluation, today=self.state.ctx.today())
        self._render()

    def set_read_only(self, read_only: bool) -> None:
        """The version shown is a record (approved or superseded): Approve is not offered."""
        self.read_only = read_only
        if self.review is not None:
            self._render_blockers(self.review)

    def showEvent(self, event: Any) -> None:
        if self._stale:
            self._render()
        super().showEvent(event)

    def set_language(self, _lang: str = "") -> None:
        self.retranslate()

    @property
    def lang(self) -> str:
        return self.state.lang

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.footer and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self._fit_blockers)  # once the footer's children have their new widths
        if watched is self.plan_table and event.type() == QEvent.Type.Resize and \
                event.size().width() != event.oldSize().width():  # type: ignore[attr-defined]
            QTimer.singleShot(0, self._fit_plan)  # once the header has stretched its columns to the new width
        return super().eventFilter(watched, event)

    # --- text --------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.decision_heading.setText(self.tr("The decision asked for"))
        self.conditions_heading.setText(self.tr("Conditions to meet first:"))
        self.reason_heading.setText(self.tr("Reasons:"))
        self.conditions.set_accessible_name(self.tr("Conditions to meet first"))
        self.reason.set_accessible_name(self.tr("Reasons for the decision"))
        self.decision_go.setText(self.tr("Go to the conclusion"))
        self.decision_go.setAccessibleName(self.tr("Go to the question of the conclusion"))
        self.risks_heading.setText(self.tr("The seven risks"))
        self.risk_table.setHorizontalHeaderLabels([self.tr("Risk"), self.tr("Inherent (before measures)"),
                                                   self.tr("Current (measures in place)"),
                                                   self.tr("Target (after the action plan)")])
        self.risk_table.setAccessibleName(self.tr("Risk levels: inherent, current and target"))
        self.plan_table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Measure"), self.tr("Risks addressed"),
                                                   self.tr("Status"), self.tr("Treatment"), self.tr("Owner"),
                                                   self.tr("Due date")])
        self.plan_table.setAccessibleName(self.tr("Action plan: measures with owners and due dates"))
        self.plan_go.setText(self.tr("Go to the action plan"))
        self.plan_go.setAccessibleName(self.tr("Go to the question of the action plan"))
        self.unanswered.setAccessibleName(self.tr("Required questions not answered; press Enter to go to one"))
        self.warnings.setAccessibleName(self.tr("Consistency warnings; press Enter to go to the question"))
        self.blockers_heading.setText(self.tr("Before approval"))
        self.blockers.setAccessibleName(self.tr("What must be done before approval; press Enter to go there"))
        self.approve_button.setText(self.tr("Approve…"))
        self.approve_button.setAccessibleName(self.tr("Approve the assessment"))
        self.scroll.setAccessibleName(self.tr("Review before approval"))
        self._render()

    def _render(self) -> None:
        # Hidden (another page of the workspace is shown), the page is drawn when it is next shown: the workspace
        # may hand it every evaluation, one per pause in typing.
        self._stale = not self.isVisible()
        if self._stale:
            return
        a, ev, rv = self.assessment, self.evaluation, self.review
        if a is None or ev is None or rv is None:
            self.title.setText(self.tr("Review before approval"))
            self.summary.setText(self.tr("Nothing to review yet."))
            for w in (self.decision, self.conditions_heading, self.conditions, self.reason_heading, self.reason,
                      self.decision_go, self.issues_empty, self.plan_table, self.plan_go, self.plan_empty,
                      self.unanswered, self.unanswered_empty, self.warnings, self.warnings_empty, self.risk_table,
                      self.risk_note, self.heatmap):
                w.hide()
            self.issues_heading.setText(self.tr("Issues"))
            self.plan_heading.setText(self.tr("Action plan"))
            self.unanswered_heading.setText(self.tr("Required questions not answered"))
            self.warnings_heading.setText(self.tr("Consistency warnings"))
            self.blockers_scroll.hide()
            self.ready_label.setText(self.tr("Open an assessment to review it."))
            self.approve_button.setEnabled(False)
            return
        name = a.title or str(a.system.get("name") or "")
        self.title.setText(self.tr("Review before approval: %1").replace("%1", name))
        self._render_summary(ev)
        self._render_decision(rv.decision)
        self._render_issues(ev)
        self._render_risks(a, ev)
        self._render_plan(rv.plan)
        self._render_unanswered(ev)
        self._render_warnings(rv)
        self._render_blockers(rv)

    def _render_summary(self, ev: Any) -> None:
        lang = self.lang
        counts = ev.counts
        words = "  ·  ".join(f"{labels.verdict_label(v).get(lang)} {counts[v]}"
                             for v in ("prohibited", "gap", "advisory", "compliant", "not_applicable"))
        r = ev.risk
        overall = self.tr("Overall risk: inherent %1 → current %2 → target %3").replace(
            "%1", labels.level_name(r.overall_inherent, missing=labels.INCOMPLETE).get(lang)).replace(
            "%2", labels.level_name(r.overall_current, missing=labels.INCOMPLETE).get(lang)).replace(
            "%3", labels.level_name(r.overall_target, missing=labels.INCOMPLETE).get(lang))
        lines = [self.tr("Findings: ") + words, overall]
        if not ev.measures_apply and ev.measures_reason:
            lines.append(self.tr("The FRT Measures do not apply: ") + ev.measures_reason.get(lang))
        self.summary.setText("\n".join(lines))

    def _render_decision(self, d: review_service.Decision) -> None:
        lang = self.lang
        self.decision.show()
        self.decision_go.show()
        if d.label is None:
            self.decision.setText(self.tr("(The assessment gives no conclusion yet.)"))
        else:
            self.decision.setText(d.label.get(lang))
        for head, box, text in ((self.conditions_heading, self.conditions, d.conditions),
                                (self.reason_heading, self.reason, d.reason)):
            head.setVisible(bool(text))
            box.setVisible(bool(text))
            box.set_text(text or "")

    def _render_issues(self, ev: Any) -> None:
        for card in self.cards:
            card.hide()
            card.deleteLater()
        self.cards = []
        issues = ev.issues
        self.issues_heading.setText(self.tr("Issues (%1)").replace("%1", str(len(issues))))
        for issue in issues:
            card = IssueCard(issue, self.lang, self.jumpTo, self.issues_box)
            self.issues_layout.addWidget(card)
            self.cards.append(card)
        self.issues_empty.setText(self.tr("No issue calls for anything: no prohibited finding, no gap, no advisory."))
        self.issues_empty.setVisible(not issues)

    def _level_cell(self, level: str | None, unacceptable: bool, complete: bool = True) -> QTableWidgetItem:
        lang = self.lang
        text = labels.level_name(level, missing=labels.NOT_RATED if complete else labels.INCOMPLETE).get(lang)
        if unacceptable:
            text += self.tr(" — unacceptable")
        item = QTableWidgetItem(text)
        if unacceptable:
            item.setForeground(QColor(COLOURS["prohibited"]))
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        return item

    def _render_risks(self, a: Any, ev: Any) -> None:
        lang = self.lang
        r = ev.risk
        table = self.risk_table
        for w in (table, self.risk_note, self.heatmap):
            w.show()
        table.setRowCount(len(risk_mod.RISKS) + 1)
        for row, rid in enumerate(risk_mod.RISKS):
            res = r.results[rid]
            name = QTableWidgetItem(f"{row + 1}. {labels.risk_name(rid).get(lang)}")
            name.setData(RISK_ROLE, rid)
            table.setItem(row, 0, name)
            table.setItem(row, 1, self._level_cell(res.inherent.level if res.inherent else None, False,
                                                   res.inherent is None or res.inherent.complete))
            table.setItem(row, 2, self._level_cell(res.current.level if res.current else None,
                                                   rid in r.unacceptable, res.current is None or res.current.complete))
            table.setItem(row, 3, self._level_cell(res.target_level, rid in r.unacceptable_target))
        last = len(risk_mod.RISKS)
        overall = QTableWidgetItem(self.tr("Overall (the highest of the seven)"))
        font = overall.font()
        font.setBold(True)
        overall.setFont(font)
        table.setItem(last, 0, overall)
        for col, level in ((1, r.overall_inherent), (2, r.overall_current), (3, r.overall_target)):
            table.setItem(last, col, self._level_cell(level, False, complete=level is not None))
        table.resizeRowsToContents()
        height = table.horizontalHeader().height() + sum(table.rowHeight(i) for i in range(table.rowCount()))
        table.setFixedHeight(height + 2 * table.frameWidth() + 2)
        threshold = labels.level_name(r.unacceptable_from).get(lang)
        self.risk_note.setText(self.tr("A current risk of %1 or above is unacceptable. Press Enter on a risk to open "
                                       "its rating.").replace("%1", threshold))
        self.heatmap.set_evaluation(a, ev, lang, svg=self.svg)

    def _render_plan(self, plan: tuple[review_service.PlanItem, ...]) -> None:
        lang = self.lang
        table = self.plan_table
        self.plan_heading.setText(self.tr("Action plan (%1 measures)").replace("%1", str(len(plan))))
        table.setRowCount(len(plan))
        for row, item in enumerate(plan):
            due = item.due or ""
            if item.overdue:
                due += self.tr(" (overdue)")
            cells = [str(item.n), item.measure, item.risks.get(lang) if item.risks else "",
                     item.status_label.get(lang) if item.status_label else "",
                     item.treatment.get(lang) if item.treatment else "", item.owner, due]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if col == 6 and item.overdue:
                    cell.setForeground(QColor(COLOURS["prohibited"]))
                table.setItem(row, col, cell)
        table.setVisible(bool(plan))
        self.plan_go.setVisible(True)
        self.plan_empty.setText(self.tr("The assessment lists no measures."))
        self.plan_empty.setVisible(not plan)
        self._fit_plan()

    def _fit_plan(self) -> None:
        table = self.plan_table
        if table.rowCount() == 0:
            return
        widths = {2: 150, 3: 80, 4: 120, 5: 130, 6: 110}
        for col, width in widths.items():
            table.setColumnWidth(col, width)
        table.resizeRowsToContents()
        for i in range(table.rowCount()):
            if table.rowHeight(i) > PLAN_ROW_MAX:
                table.setRowHeight(i, PLAN_ROW_MAX)
        rows = sum(table.rowHeight(i) for i in range(table.rowCount()))
        table.setFixedHeight(min(table.horizontalHeader().height() + rows + 2 * table.frameWidth() + 2, 420))

    def _fit_blockers(self) -> None:
        width = self.blockers_scroll.viewport().width() or self.width()
        self.blockers_scroll.setFixedHeight(min(self.blockers.height_for(width) + 2, BLOCKERS_MAX_HEIGHT))

    def _render_unanswered(self, ev: Any) -> None:
        lang = self.lang
        from pia_wizard.core.bank import default_bank

        bank = default_bank()
        titles = {s.id: s.title for s in bank.sections}
        items: list[tuple[str, object, str | None]] = []
        for qid in ev.unanswered:
            q = bank.question(qid)
            items.append((f"{titles[q.section].get(lang)} — {q.text.get(lang)}", ("question", qid), None))
        self.unanswered.set_items(items)
        n = len(items)
        self.unanswered_heading.setText(self.tr("Required questions not answered (%1)").replace("%1", str(n)))
        self.unanswered_empty.setText(self.tr("Every required question is answered."))
        self.unanswered_empty.setVisible(n == 0)
        self.unanswered.setVisible(n > 0)

    def _render_warnings(self, rv: review_service.Review) -> None:
        lang = self.lang
        items: list[tuple[str, object, str | None]] = []
        for f in rv.consistency:
            word = labels.verdict_label(f.verdict).get(lang)
            head = f"【{word}】" if lang == "zh" else f"[{word}] "
            target = ("question", f.questions[0]) if f.questions else None
            items.append((head + f.explanation.get(lang), target, COLOURS[f.verdict]))
        for w in rv.warnings:  # the core words these in English only
            items.append((self.tr("Note: ") + w, None, None))
        self.warnings.set_items(items)
        n = len(items)
        self.warnings_heading.setText(self.tr("Consistency warnings (%1)").replace("%1", str(n)))
        self.warnings_empty.setText(self.tr("No answers contradict each other."))
        self.warnings_empty.setVisible(n == 0)
        self.warnings.setVisible(n > 0)

    def _render_blockers(self, rv: review_service.Review) -> None:
        lang = self.lang
        items: list[tuple[str, object, str | None]] = []
        for b in rv.blockers:
            target = ("question", b.question) if b.question else ("risk", b.risk) if b.risk else None
            items.append((b.text.get(lang), target, None))
        self.blockers.set_items(items)
        self.blockers_scroll.setVisible(bool(items))
        self._fit_blockers()
        if rv.blockers:
            self.blockers_heading.setText(self.tr("Before approval: %n thing(s) required are missing", "",
                                                  len(rv.blockers)))
            self.ready_label.setText(self.tr("Approval is possible once these are done. Press Enter on one to go "
                                             "there."))
        else:
            self.blockers_heading.setText(self.tr("Before approval"))
            self.ready_label.setText(self.tr("Nothing required is missing: the officer can record the approval."))
        if not rv.blockers and getattr(self.assessment, "approval", None):
            self.ready_label.setText(self.tr("The officer's approval is recorded: the report can be signed and "
                                             "archived (Sign and archive…). Approve… changes the approval."))
        if self.read_only:
            self.ready_label.setText(self.tr("This version is approved and kept as a record: to change it, start a "
                                             "new version."))
        self.approve_button.setEnabled(rv.ready and not self.read_only)
        self.footer.setStyleSheet("" if rv.ready else "#review-footer { background: #fff4e5; }")

    # --- jumps -------------------------------------------------------------------------------------------------
    def _go(self, target: object) -> None:
        if not isinstance(target, tuple):
            return
        kind, value = target
        if kind == "question":
            self.jumpTo.emit(value)
        elif kind == "risk":
            self.jumpToRisk.emit(value)

    def _risk_activated(self, index: Any) -> None:
        item = self.risk_table.item(index.row(), 0)
        rid = item.data(RISK_ROLE) if item is not None else None
        if rid:
            self.jumpToRisk.emit(rid)
