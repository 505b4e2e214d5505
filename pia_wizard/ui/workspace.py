"""The assessment workspace: sections and questions generated from the bank, live findings, risk, autosave.

Every answer goes to the draft's journal on the database worker as it is given (services.drafts): a crash loses
nothing acknowledged. Visibility (``show_if``) is recomputed on the UI thread at once; findings are re-evaluated on
the worker after a short pause in typing and shown when they come back.
"""

from __future__ import annotations

import json
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.core import labels
from pia_wizard.core.bank import Bank, Question, Section, default_bank
from pia_wizard.core.findings import VERDICT_ORDER
from pia_wizard.core.obligations import get as get_obligation
from pia_wizard.services import assessments, drafts
from pia_wizard.services.errors import BadInput
from pia_wizard.ui.dialogs import show_error
from pia_wizard.ui.findings_panel import FindingsPanel
from pia_wizard.ui.ops import Op
from pia_wizard.ui.state import AppState

EVALUATE_AFTER_MS = 30  # a pause in typing; the core evaluates the hotel example in ~10 ms
CHECKPOINT_EVERY_MS = 5 * 60 * 1000
RISK_PAGE = "__risk__"
REVIEW_PAGE = "__review__"
LOCKED_STATES = ("approved", "superseded")  # a record: shown, never edited
FILING_SECTION = "filing"
FIRST_BLOCKS = 6  # question blocks built when a section is first opened; the rest follow in steps of
LATER_BLOCKS = 4


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


class QuestionBlock(QFrame):
    """One question: its text (required marked in words), help with the cited articles, the editor, a message."""

    def __init__(self, question: Question, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from pia_wizard.ui.editors import make_editor

        self.question = question
        self.lang = lang
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.help_button = QToolButton()
        self.help_button.setCheckable(True)
        self.help_button.setText("?")
        self.help = QLabel()
        self.help.setWordWrap(True)
        self.help.setTextFormat(Qt.TextFormat.PlainText)
        self.help.setStyleSheet("color:#444; background:#f5f5f2; padding:6px;")
        self.help.hide()
        self.help_button.toggled.connect(self.help.setVisible)
        self.editor = make_editor(question, lang, self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#9a5b00;")
        self.message.hide()
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.help_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.help)
        layout.addWidget(self.editor)
        layout.addWidget(self.message)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.retranslate()

    def retranslate(self) -> None:
        q, lang = self.question, self.lang
        required = (" *" if q.required else "")
        self.title.setText(q.text.get(lang) + required)
        self.title.setAccessibleName(q.text.get(lang))
        cites = []
        for oid in q.cites:
            try:
                cites.append(get_obligation(oid).citation(lang))
            except KeyError:
                continue
        basis = self.tr("Legal basis: ") + self.tr("; ").join(dict.fromkeys(cites)) if cites else ""
        self.help.setText((q.help.get(lang) if q.help else "") + ("\n\n" + basis if basis else ""))
        self.help_button.setToolTip(self.tr("Help and legal basis"))
        self.help_button.setAccessibleName(self.tr("Help for: %1").replace("%1", q.text.get(lang)))
        if q.required:
            self.title.setToolTip(self.tr("Required"))
        self.editor.set_language(lang)

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.retranslate()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


class AnswerChange(QUndoCommand):
    def __init__(self, workspace: WorkspaceWindow, qid: str, old: Any, new: Any) -> None:
        text = workspace.bank.question(qid).text.get(workspace.state.lang)
        super().__init__(text if len(text) <= 40 else text[:39] + "…")  # shown in the Undo/Redo menu items
        self.workspace, self.qid, self.old, self.new = workspace, qid, old, new
        self.first = True

    def redo(self) -> None:
        if self.first:  # the editor already shows the new value
            self.first = False
            return
        self.workspace.apply_answer(self.qid, self.new, from_undo=True)

    def undo(self) -> None:
        self.workspace.apply_answer(self.qid, self.old, from_undo=True)


class WorkspaceWindow(QMainWindow):
    closed = Signal()
    saved = Signal()
    evaluated = Signal(object)  # the Evaluation now shown (tests and benchmarks wait for it)
    newVersionRequested = Signal(str)  # the assessment ID: its shown version is approved and cannot change
    reportIssued = Signal(object)  # services.report.IssuedReport, once signed and archived
    openReport = Signal(str)  # a report PDF to show in the preview

    def __init__(self, state: AppState, assessment_id: str, bank: Bank | None = None) -> None:
        super().__init__()
        self.state = state
        self.assessment_id = assessment_id
        self.bank = bank or default_bank()
        self.draft: drafts.DraftSession | None = None
        self.answers: dict[str, Any] = {}
        self.data: dict[str, Any] = {}
        self.blocks: dict[str, QuestionBlock] = {}
        self._unbuilt: dict[str, list[Question]] = {}  # per section: questions whose blocks are still to build
        self._offered: dict[str, tuple] = {}  # options last offered, for questions whose options have show_if
        self.pages: dict[str, QWidget] = {}
        self.visible: dict[str, bool] = {}
        self.evaluation: Any = None
        self.pending_writes = 0
        self.undo = QUndoStack(self)
        self._evaluating = False
        self._again = False
        self.version: Any = None  # services.assessments.VersionInfo of the version shown
        self.read_only = False

        self.nav = QListWidget()
        self.nav.setMinimumWidth(190)
        self.nav.setWordWrap(True)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.currentRowChanged.connect(self._show_page)
        self.stack = QStackedWidget()
        self.findings = FindingsPanel(state.lang)
        self.findings.jumpTo.connect(self.jump_to)
        self.back = QPushButton()
        self.next = QPushButton()
        self.back.clicked.connect(lambda: self._step(-1))
        self.next.clicked.connect(lambda: self._step(1))
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.saved_label = QLabel()
        self.locked = QLabel()
        self.locked.setObjectName("locked-banner")
        self.locked.setWordWrap(True)
        self.locked.setTextFormat(Qt.TextFormat.PlainText)
        self.locked.setStyleSheet("background:#eef3f8; border:1px solid #9db4cc; padding:6px;")
        self.new_version_button = QPushButton()
        self.new_version_button.clicked.connect(lambda: self.newVersionRequested.emit(self.assessment_id))
        self.locked_row = QWidget()
        locked_layout = QHBoxLayout(self.locked_row)
        locked_layout.setContentsMargins(0, 0, 0, 0)
        locked_layout.addWidget(self.locked, 1)
        locked_layout.addWidget(self.new_version_button)
        self.locked_row.hide()

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.addWidget(self.locked_row)
        centre_layout.addWidget(self.header)
        centre_layout.addWidget(self.stack, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.saved_label)
        buttons.addStretch(1)
        buttons.addWidget(self.next)
        centre_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(centre)
        splitter.addWidget(self.findings)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([210, 760, 380])
        self.setCentralWidget(splitter)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(EVALUATE_AFTER_MS)
        self.timer.timeout.connect(self.evaluate_now)
        self.checkpoint_timer = QTimer(self)
        self.checkpoint_timer.setInterval(CHECKPOINT_EVERY_MS)
        self.checkpoint_timer.timeout.connect(self.save)
        self._make_actions()
        self.retranslate()
        self.resize(1280, 800)
        state.languageChanged.connect(self.set_language)
        self.loading = QLabel()
        self.stack.addWidget(self.loading)
        self._load()

    # --- loading -----------------------------------------------------------------------------------------------
    def _load(self) -> None:
        self.loading.setText(self.tr("Opening…"))

        def open_it(ctx: Any, assessment_id: str) -> Any:
            draft = drafts.open_draft(ctx, assessment_id)
            return draft, draft.data, assessments.versions(ctx, assessment_id)[-1]

        Op(self, self.state.worker, open_it).success(self._loaded).failure(self._load_failed).run(
            self.state.ctx, self.assessment_id)

    def _load_failed(self, exc: BaseException) -> None:
        show_error(self, self.tr("Cannot open the assessment"), exc, self.state.lang)
        self.close()

    def _loaded(self, result: Any) -> None:
        self.draft, self.data, self.version = result
        self.read_only = self.version.state in LOCKED_STATES
        self.answers = dict(self.data.get("answers") or {})
        self.visible = self.bank.visible(self.answers)
        self._build_nav()
        self.retranslate()  # the window title names the system, known only now
        if self.draft.recovered:
            self.saved_label.setText(self.tr("%1 unsaved answer(s) recovered from the last session").replace(
                "%1", str(self.draft.recovered)))
        self.nav.setCurrentRow(0)
        self.checkpoint_timer.start()
        self._show_lock()
        self.evaluate_now()

    # --- structure ---------------------------------------------------------------------------------------------
    def sections(self) -> list[Section]:
        return list(self.bank.sections)

    def _build_nav(self) -> None:
        self.nav.clear()
        for s in self.sections():
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            self.nav.addItem(item)
        for sid in (RISK_PAGE, REVIEW_PAGE):
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, sid)
            self.nav.addItem(item)
        self._update_nav()

    def _section_visible(self, s: Section) -> bool:
        return any(self.visible.get(q.id) for q in s.questions)

    def _update_nav(self) -> None:
        worst = self._worst_by_section()
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            sid = item.data(Qt.ItemDataRole.UserRole)
            if sid == RISK_PAGE:
                item.setText(self.tr("Risk grid (GB/T 39335)"))
                continue
            if sid == REVIEW_PAGE:
                item.setText(self.tr("Review and approve"))
                continue
            s = next(x for x in self.sections() if x.id == sid)
            shown = [q for q in s.questions if self.visible.get(q.id)]
            done = sum(1 for q in shown if not _empty(self.answers.get(q.id)))
            verdict = worst.get(sid)
            mark = f" · {labels.verdict_label(verdict).get(self.state.lang)}" if verdict else ""
            item.setText(f"{row + 1}. {s.title.get(self.state.lang)}\n    {done}/{len(shown)}{mark}")
            item.setHidden(not shown)
            item.setToolTip(s.law)

    def _worst_by_section(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if self.evaluation is None:
            return out
        for f in self.evaluation.findings:
            if f.verdict not in ("prohibited", "gap", "advisory") or not f.questions:
                continue
            try:
                sid = self.bank.question(f.questions[0]).section
            except KeyError:
                continue
            if sid not in out or VERDICT_ORDER[f.verdict] < VERDICT_ORDER[out[sid]]:
                out[sid] = f.verdict
        return out

    def _page(self, sid: str) -> QWidget:
        if sid in self.pages:
            return self.pages[sid]
        if sid == RISK_PAGE:
            page = self._risk_page()
        elif sid == REVIEW_PAGE:
            page = self._review_page()
        else:
            page = self._section_page(next(s for s in self.sections() if s.id == sid))
        self.pages[sid] = page
        self.stack.addWidget(page)
        return page

    def _section_page(self, s: Section) -> QWidget:
        inner = QWidget()
        layout = QVBoxLayout(inner)
        intro = QLabel(s.intro.get(self.state.lang) if s.intro else "")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setStyleSheet("color:#444;")
        intro.setObjectName(f"intro:{s.id}")
        layout.addWidget(intro)
        if s.id == FILING_SECTION:
            # The Art. 15 clock heads the section whose answers set it (the stored count, the threshold date).
            from pia_wizard.ui.filing_view import FilingClock

            self.filing_clock = FilingClock(today=self.state.ctx.today)  # the same "today" as the findings
            layout.addWidget(self.filing_clock)
            if self.evaluation is not None and self.assessment is not None:
                self.filing_clock.set_evaluation(self.assessment, self.evaluation, self.state.lang)
        layout.addStretch(1)
        # The first blocks at once (what the DPO sees), the rest a few per turn of the event loop: a section of 20
        # questions built in one go holds the window for a few hundred milliseconds.
        self._unbuilt[s.id] = list(s.questions)
        self._build_blocks(s.id, inner, FIRST_BLOCKS)
        if self._unbuilt[s.id]:
            QTimer.singleShot(0, lambda sid=s.id, parent=inner: self._build_later(sid, parent))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setObjectName(f"section:{s.id}")
        return scroll

    def _build_blocks(self, sid: str, inner: QWidget, count: int | None = None) -> None:
        layout = inner.layout()
        pending = self._unbuilt.get(sid) or []
        todo, self._unbuilt[sid] = (pending, []) if count is None else (pending[:count], pending[count:])
        for q in todo:
            block = QuestionBlock(q, self.state.lang, inner)
            block.editor.set_value(self.answers.get(q.id))
            if any(o.show_if for o in q.options):
                self._offered[q.id] = self.bank.offered(q.id, self.answers)
                block.editor.set_offered(self._offered[q.id])
            block.editor.changed.connect(lambda value, qid=q.id: self.answer_given(qid, value))
            block.editor.setEnabled(not self.read_only)
            block.setVisible(bool(self.visible.get(q.id)))
            if self.evaluation is not None:
                block.show_message(self.tr("Required: answer this question.")
                                   if q.id in self.evaluation.unanswered else "")
            self.blocks[q.id] = block
            layout.insertWidget(layout.count() - 1, block)  # before the stretch

    def _build_later(self, sid: str, inner: QWidget) -> None:
        if not self._unbuilt.get(sid):
            return
        self._build_blocks(sid, inner, LATER_BLOCKS)
        if self._unbuilt[sid]:
            QTimer.singleShot(0, lambda: self._build_later(sid, inner))
        elif self.stack.currentWidget() is self.pages.get(sid):
            self._tab_chain(self.pages[sid])

    def _tab_chain(self, page: QWidget) -> None:
        """Tab goes from the section list through the page's inputs, in the order shown, to Back and Next (pages
        are made after the window's own widgets, so Qt's default chain would skip them)."""
        inputs = [w for w in page.findChildren(QWidget)
                  if w.focusPolicy() & Qt.FocusPolicy.TabFocus and not w.focusProxy() and w.isVisibleTo(page)]
        chain = [self.nav, *inputs, self.back, self.next]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def question_block(self, qid: str) -> QuestionBlock:
        """The block of a question, its section's page built if need be."""
        section = self.bank.question(qid).section
        self._page(section)
        self._finish_page(section)
        return self.blocks[qid]

    def _finish_page(self, sid: str) -> None:
        """Every block of a section, now (a jump or a find needs its target)."""
        page = self.pages.get(sid)
        if isinstance(page, QScrollArea) and self._unbuilt.get(sid):
            self._build_blocks(sid, page.widget())

    def _risk_page(self) -> QWidget:
        from pia_wizard.ui.risk_view import HeatMapView, RiskEditor

        # The ratings take the width; the heat map sits under them, where a change of level shows at once without
        # scrolling.
        page = QSplitter(Qt.Orientation.Vertical)
        self.risk_editor = RiskEditor()
        self.risk_editor.set_risks(dict(self.data.get("risks") or {}), self.state.lang)
        self.risk_editor.risksChanged.connect(self.risks_given)
        self.risk_editor.setEnabled(not self.read_only)
        self.heatmap = HeatMapView()
        page.addWidget(self.risk_editor)
        page.addWidget(self.heatmap)
        page.setStretchFactor(0, 3)
        page.setStretchFactor(1, 2)
        if self.evaluation is not None:
            self.evaluate_now()  # the drawing and the proposals come from the worker with the next evaluation
        return page

    def _review_page(self) -> QWidget:
        from pia_wizard.ui.review_page import ReviewPage

        self.review = ReviewPage(self.state)
        self.review.set_read_only(self.read_only)
        self.review.jumpTo.connect(self.jump_to)
        self.review.jumpToRisk.connect(self.show_risk)
        self.review.approveRequested.connect(self.approve)
        if self.evaluation is not None:
            self.evaluate_now()  # the review's heat map comes from the worker with the next evaluation
        return self.review

    # --- approval and signature --------------------------------------------------------------------------------
    def approve(self) -> None:
        """The officer's approval (attestations, decision, reasons), written into the draft like an answer."""
        if self.read_only or self.assessment is None:
            return
        from pia_wizard.ui.approve_dialog import ApproveDialog

        self.commit_editors()
        dialog = ApproveDialog(self.state, self.assessment, self.evaluation, self,
                               approval=self.data.get("approval") or None)
        dialog.jumpTo.connect(self.jump_to)
        if dialog.exec() != ApproveDialog.DialogCode.Accepted:
            return
        approval = dialog.approval()
        self.data["approval"] = approval
        self._write(("field", "approval", approval))
        self.saved_label.setText(self.tr("Approval recorded: the report can be signed"))
        self.timer.start()

    def sign(self) -> None:
        """Save the draft to the archive, then sign it in the dialog: the version signed is the one saved."""
        if self.read_only or self.draft is None:
            return
        self.commit_editors()
        draft = self.draft

        def saved() -> Any:
            if draft.pending:
                draft.checkpoint()
            return draft.assessment

        Op(self, self.state.worker, saved).success(self._open_sign_dialog).failure(
            lambda exc: show_error(self, self.tr("Cannot save to the archive"), exc, self.state.lang)).run()

    def _open_sign_dialog(self, a: Any) -> None:
        from pia_wizard.ui.sign_dialog import SignDialog

        self.saved.emit()
        dialog = SignDialog(self.state, a, self)
        dialog.issued.connect(self._issued)
        dialog.openReport.connect(self.openReport)
        dialog.exec()

    def quick_preview(self) -> None:
        """The first pages of the report as the answers stand, rendered off the UI thread (and off the database
        worker) in a window of its own; asked again, it renders again."""
        if self.preview_window is None:
            from pia_wizard.ui.pdf_preview import QuickPreview

            self.commit_editors()
            window = QuickPreview(self.state, lambda: self.assessment, self)
            window.setWindowFlag(Qt.WindowType.Window)
            window.resize(980, 760)
            window.setWindowTitle(self.tr("Report preview: %1").replace("%1", self.windowTitle()))
            self.preview_window = window
        self.preview_window.show()
        self.preview_window.raise_()
        self.preview_window.refresh()  # type: ignore[attr-defined]

    def _issued(self, issued: Any) -> None:
        self.version = issued.version
        self.read_only = self.version.state in LOCKED_STATES
        self._show_lock()
        self.saved.emit()
        self.reportIssued.emit(issued)

    def _show_lock(self) -> None:
        """An approved version is a record: shown, not edited. Editing starts the next version, with a reason."""
        for block in self.blocks.values():
            block.editor.setEnabled(not self.read_only)
        if hasattr(self, "risk_editor"):
            self.risk_editor.setEnabled(not self.read_only)
        if hasattr(self, "review"):
            self.review.set_read_only(self.read_only)
        for action in (self.act_undo, self.act_redo, self.act_approve, self.act_sign):
            action.setVisible(not self.read_only)
        self.locked_row.setVisible(self.read_only)
        self._lock_text()

    def _lock_text(self) -> None:
        if self.version is None:
            return
        number = str(self.version.version)
        if self.version.state == "superseded":
            text = self.tr("Version %1 was superseded by a later version: it is kept as a record and cannot change.")
        else:
            text = self.tr("Version %1 is approved: it is kept as a record and cannot change. To edit, start a new "
                           "version (the reason is recorded).")
        self.locked.setText(text.replace("%1", number))
        self.new_version_button.setText(self.tr("New version…"))
        self.new_version_button.setVisible(self.version.state == "approved")

    def open_page(self, sid: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == sid:
                self.nav.setCurrentRow(row)

    def show_risk(self, risk_id: str) -> None:
        self.open_page(RISK_PAGE)
        self.risk_editor.show_risk(risk_id)

    def _show_page(self, row: int) -> None:
        if row < 0 or self.draft is None:
            return
        self.commit_editors()
        sid = self.nav.item(row).data(Qt.ItemDataRole.UserRole)
        page = self._page(sid)
        self.stack.setCurrentWidget(page)
        if not self._unbuilt.get(sid):
            self._tab_chain(page)
        if sid == RISK_PAGE:
            self.header.setText(self.tr("Risk grid: rate each of the seven risks before measures (inherent), with "
                                        "the measures in place (current) and after the action plan (target)."))
        elif sid == REVIEW_PAGE:
            self.header.setText(self.tr("Review: what the assessment concludes and what still stands in the way of "
                                        "the officer's approval. Each line leads to its question."))
        else:
            s = next(x for x in self.sections() if x.id == sid)
            self.header.setText(s.title.get(self.state.lang))
        visible_rows = [r for r in range(self.nav.count()) if not self.nav.item(r).isHidden()]
        self.back.setEnabled(bool(visible_rows) and row > visible_rows[0])
        self.next.setEnabled(bool(visible_rows) and row < visible_rows[-1])

    def _step(self, delta: int) -> None:
        row = self.nav.currentRow() + delta
        while 0 <= row < self.nav.count() and self.nav.item(row).isHidden():
            row += delta
        if 0 <= row < self.nav.count():
            self.nav.setCurrentRow(row)

    def jump_to(self, qid: str) -> None:
        try:
            q = self.bank.question(qid)
        except KeyError:
            return
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == q.section:
                self.nav.setCurrentRow(row)
                break
        self._finish_page(q.section)
        block = self.blocks.get(qid)
        if block is not None and block.isVisible():
            scroll = self.pages[q.section]
            if isinstance(scroll, QScrollArea):
                scroll.ensureWidgetVisible(block)
            block.editor.setFocus()

    # --- answers -----------------------------------------------------------------------------------------------
    def answer_given(self, qid: str, value: Any) -> None:
        if self.read_only:
            return
        old = self.answers.get(qid)
        if old == value:
            return
        self.undo.push(AnswerChange(self, qid, old, value))
        self.apply_answer(qid, value)

    def apply_answer(self, qid: str, value: Any, from_undo: bool = False) -> None:
        if _empty(value):
            self.answers.pop(qid, None)
            value = None
        else:
            self.answers[qid] = value
        if from_undo and qid in self.blocks:
            self.blocks[qid].editor.set_value(value)
        self._write(("answer", qid, value))
        self._refresh_visibility()
        self.timer.start()

    def risks_given(self, risks: dict) -> None:
        self.data["risks"] = risks
        self._write(("field", "risks", risks))
        self.timer.start()

    def _write(self, edit: tuple[str, str, Any]) -> None:
        draft = self.draft
        if draft is None:
            return
        self.pending_writes += 1

        def write() -> None:
            kind, key, value = edit
            if kind == "answer":
                draft.set_answer(key, value)
            else:
                draft.set_field(key, value)

        Op(self, self.state.worker, write).success(self._written).failure(self._write_failed).run()

    def _written(self, _: Any) -> None:
        self.pending_writes -= 1
        if self.pending_writes == 0:
            self.saved_label.setText(self.tr("All answers kept"))

    def _write_failed(self, exc: BaseException) -> None:
        self.pending_writes -= 1
        show_error(self, self.tr("An answer could not be kept"), exc, self.state.lang)

    def _refresh_visibility(self) -> None:
        self.visible = self.bank.visible(self.answers)
        for qid, block in self.blocks.items():
            shown = bool(self.visible.get(qid))
            if block.isVisibleTo(block.parentWidget()) != shown:
                block.setVisible(shown)
            if qid in self._offered:
                offered = self.bank.offered(qid, self.answers)
                if offered != self._offered[qid]:  # rebuilding a list on every answer costs; only on a change
                    self._offered[qid] = offered
                    block.editor.set_offered(offered)
        self._update_nav()

    # --- evaluation --------------------------------------------------------------------------------------------
    def evaluate_now(self) -> None:
        if self.draft is None:
            return
        if self._evaluating:
            self._again = True
            return
        self._evaluating = True
        draft, ctx = self.draft, self.state.ctx

        bank, lang = self.bank, self.state.lang
        # The heat map is drawn (and the proposal worked out) only for the pages that show them.
        risk_page = hasattr(self, "heatmap") or hasattr(self, "review")

        def evaluate() -> Any:
            try:
                a = draft.assessment
            except BadInput:
                # A table row being typed may still miss a required cell: the journal keeps it as typed, and the
                # findings are worked out on the finished rows until it is complete.
                from pia_wizard.ui.editors import complete_rows

                data = draft.data
                data["answers"] = {qid: complete_rows(bank.question(qid), v)
                                   if qid in bank.questions and bank.question(qid).type == "rows" else v
                                   for qid, v in (data.get("answers") or {}).items()}
                a = assessments.parse_assessment(json.dumps(data, ensure_ascii=False))
            ev = assessments.evaluate_assessment(ctx, a)
            if not risk_page:
                return a, ev, None
            from pia_wizard.services.report import heatmap_svg

            return a, ev, {"svg": heatmap_svg(a, ev, lang),
                           "proposals": assessments.proposed_impact_adjustments(ctx, a)}

        Op(self, self.state.worker, evaluate).success(self._evaluated).failure(self._evaluate_failed).run()

    def _evaluate_failed(self, exc: BaseException) -> None:
        self._evaluating = False
        from pia_wizard.ui.dialogs import error_text

        self.saved_label.setText(self.tr("Cannot evaluate yet: %1").replace("%1", error_text(exc, self.state.lang)))

    def _evaluated(self, result: Any) -> None:
        self._evaluating = False
        a, ev, drawn = result
        self.assessment = a
        self.evaluation = ev
        self.findings.show_evaluation(ev)
        self._update_nav()
        self._show_messages(ev)
        if drawn is not None and hasattr(self, "heatmap"):
            self._show_risk(ev, drawn)
        if hasattr(self, "review"):
            self.review.show_assessment(a, ev, drawn["svg"] if drawn else None)
        if hasattr(self, "filing_clock"):
            self.filing_clock.set_evaluation(a, ev, self.state.lang)
        self.evaluated.emit(ev)
        if self._again:
            self._again = False
            self.evaluate_now()

    def _show_messages(self, ev: Any) -> None:
        unanswered = set(ev.unanswered)
        for qid, block in self.blocks.items():
            block.show_message(self.tr("Required: answer this question.") if qid in unanswered else "")

    def _show_risk(self, ev: Any, drawn: dict[str, Any]) -> None:
        # set_evaluation, not set_svg: it also writes the legend (the moves in words, not by colour alone)
        self.heatmap.set_evaluation(self.assessment, ev, self.state.lang, svg=drawn["svg"])
        self.risk_editor.set_proposals(drawn["proposals"])

    # --- saving ------------------------------------------------------------------------------------------------
    def commit_editors(self) -> None:
        """Send what a text, number or date editor still holds back (before a save, an undo, a page change)."""
        for block in self.blocks.values():
            block.editor.commit()

    def save(self) -> None:
        self.commit_editors()
        draft = self.draft
        if draft is None or draft.pending == 0:
            return
        Op(self, self.state.worker, draft.checkpoint).success(self._checkpointed).failure(
            lambda exc: show_error(self, self.tr("Cannot save to the archive"), exc, self.state.lang)).run()

    def _checkpointed(self, _: Any) -> None:
        self.saved_label.setText(self.tr("Saved to the archive"))
        self.saved.emit()

    def closeEvent(self, event: Any) -> None:
        self.commit_editors()
        draft = self.draft
        if draft is not None:
            def finish() -> None:
                try:
                    if draft.pending:
                        draft.checkpoint()
                finally:
                    draft.close()
            # The journal already holds every answer: if the checkpoint fails, the next opening replays it.
            future = self.state.worker.submit(finish)
            future.result(timeout=30)
            self.draft = None
        if self.preview_window is not None:
            self.preview_window.shutdown()  # type: ignore[attr-defined]
            self.preview_window.close()
        self.checkpoint_timer.stop()
        self.closed.emit()
        super().closeEvent(event)

    # --- actions, language -------------------------------------------------------------------------------------
    def _make_actions(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("workspace-toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        self.act_save = QAction(self)
        self.act_save.setShortcut(QKeySequence.StandardKey.Save)
        self.act_save.triggered.connect(self.save)
        self.act_undo = self.undo.createUndoAction(self)
        self.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.act_redo = self.undo.createRedoAction(self)
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
        self.find = QLineEdit()
        self.find.setClearButtonEnabled(True)
        self.find.setMaximumWidth(320)
        self.find.returnPressed.connect(self.find_next)
        self.act_find = QAction(self)
        self.act_find.setShortcut(QKeySequence.StandardKey.Find)
        self.act_find.triggered.connect(lambda: (self.find.setFocus(), self.find.selectAll()))
        self.act_next = QAction(self)
        self.act_next.setShortcut(QKeySequence("Ctrl+PgDown"))
        self.act_next.triggered.connect(lambda: self._step(1))
        self.act_back = QAction(self)
        self.act_back.setShortcut(QKeySequence("Ctrl+PgUp"))
        self.act_back.triggered.connect(lambda: self._step(-1))
        self.act_review = QAction(self)
        self.act_review.triggered.connect(lambda: self.open_page(REVIEW_PAGE))
        self.act_approve = QAction(self)
        self.act_approve.triggered.connect(self.approve)
        self.act_sign = QAction(self)
        self.act_sign.triggered.connect(self.sign)
        self.act_preview = QAction(self)
        self.act_preview.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.act_preview.triggered.connect(self.quick_preview)
        self.preview_window: QWidget | None = None
        for a in (self.act_save, self.act_undo, self.act_redo):
            self.toolbar.addAction(a)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.find)
        self.toolbar.addSeparator()
        for a in (self.act_review, self.act_preview, self.act_approve, self.act_sign):
            self.toolbar.addAction(a)
        for a in (self.act_find, self.act_next, self.act_back):
            self.addAction(a)
        self._find_from = 0

    def find_next(self) -> None:
        needle = self.find.text().strip().casefold()
        if not needle:
            return
        qs = [q for q in self.bank if self.visible.get(q.id)]
        n = len(qs)
        for i in range(n):
            q = qs[(self._find_from + i) % n]
            if needle in q.text.get(self.state.lang).casefold() or needle in q.id:
                self._find_from = (self._find_from + i + 1) % n
                self.jump_to(q.id)
                return
        self.saved_label.setText(self.tr("No question matches “%1”").replace("%1", self.find.text()))

    def retranslate(self) -> None:
        title = (self.data.get("system") or {}).get("name") if self.data else ""
        self.setWindowTitle(self.tr("Assessment: %1").replace("%1", title or self.assessment_id))
        self.back.setText(self.tr("← Back"))
        self.next.setText(self.tr("Next →"))
        self.back.setToolTip(self.tr("Previous section (Ctrl+PgUp)"))
        self.next.setToolTip(self.tr("Next section (Ctrl+PgDown)"))
        self.act_review.setText(self.tr("&Review"))
        self.act_review.setToolTip(self.tr("What the assessment concludes and what stands in the way of approval"))
        self.act_approve.setText(self.tr("&Approve…"))
        self.act_approve.setToolTip(self.tr("The officer's approval: attestations, decision and reasons"))
        self.act_sign.setText(self.tr("Si&gn and archive…"))
        self.act_preview.setText(self.tr("&Preview report"))
        self.act_preview.setToolTip(self.tr("The report's first pages (cover to the findings) as the answers stand now "
                                            "(Ctrl+Shift+P); the window stays free while it renders"))
        if self.preview_window is not None:
            self.preview_window.setWindowTitle(self.tr("Report preview: %1").replace("%1", self.windowTitle()))
        self.act_sign.setToolTip(self.tr("Render the report, sign it (assessor, then officer) and archive it"))
        self.new_version_button.setText(self.tr("New version…"))
        self._lock_text()
        self.act_save.setText(self.tr("&Save"))
        self.act_save.setToolTip(self.tr("Save to the archive (Ctrl+S); answers are kept as you give them"))
        self.find.setPlaceholderText(self.tr("Find a question (Ctrl+F)"))
        self.find.setAccessibleName(self.tr("Find a question"))
        self.nav.setAccessibleName(self.tr("Sections"))
        if self.draft is not None:
            self._update_nav()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, lang: str) -> None:
        self.findings.set_language(lang)
        for block in self.blocks.values():
            block.set_language(lang)
        for sid, page in self.pages.items():
            intro = page.findChild(QLabel, f"intro:{sid}")
            if intro is not None:
                s = next(x for x in self.sections() if x.id == sid)
                intro.setText(s.intro.get(lang) if s.intro else "")
        if hasattr(self, "risk_editor"):
            self.risk_editor.set_risks(dict(self.data.get("risks") or {}), lang)
        self.retranslate()
        self._show_page(self.nav.currentRow())
        if self.evaluation is not None:
            self.evaluate_now()  # the drawing's labels and the proposal's reason are in the language
