"""The PI protection officer's approval (GB/T 39335 5.7): the four attestations, the decision and its reasons (the
officer's own view), the conditions, for each prohibited practice how and when it stopped, the approver and the
date. The views of the people concerned are the answers to conclusion.consulted, shown here read-only.

Every problem shown comes from the core's check (services.approval.check_approval), placed beside the field it
names; OK stays disabled while any remains. ``approval()`` is the mapping to store in ``Assessment.approval``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.core.approval import Problem
from pia_wizard.core.assessment import Assessment
from pia_wizard.core.labels import verdict_label
from pia_wizard.services import approval as service
from pia_wizard.ui.editors import _PlainEdit, date_format, locale_for
from pia_wizard.ui.state import AppState

PROBLEM_STYLE = "color:#9a3412;"
OK_STYLE = "color:#2e6b30;"


def plain_label(text: str = "", style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


def problem_label() -> QLabel:
    """A problem beside its field: the word/mark "✗" says it, the colour only repeats it."""
    label = plain_label(style=PROBLEM_STYLE)
    label.hide()
    return label


def text_box(text: str, height: int = 90) -> QPlainTextEdit:
    """Read-only text from the assessment (verbatim, scrollable: it may be long)."""
    box = QPlainTextEdit()
    box.setReadOnly(True)
    box.setPlainText(text)
    box.setMaximumHeight(height)
    box.setTabChangesFocus(True)
    return box


def plain_edit(text: str = "", height: int = 90) -> _PlainEdit:
    edit = _PlainEdit()
    edit.load(text)
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(height * 3 // 2)
    return edit


class ApproveDialog(QDialog):
    """``ApproveDialog(state, assessment, evaluation=None, parent=None, approval=None)``: ``approval`` defaults to
    the one the assessment holds. ``jumpTo(question_id)``: the officer asked to change the views of the people
    concerned in the workspace (the dialog closes without recording)."""

    jumpTo = Signal(str)

    def __init__(self, state: AppState, assessment: Assessment, evaluation: Any = None,
                 parent: QWidget | None = None, approval: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.assessment = assessment
        self.evaluation = service.evaluation_for(assessment, evaluation)
        self.form = service.approval_form(assessment, self.evaluation)
        start = dict(approval if approval is not None else self.form.approval)
        self.problems: list[Problem] = []
        self._loading = True

        self.header = plain_label()
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.summary = plain_label()
        self.general = problem_label()  # problems whose field has no place in this dialog

        # --- the assessment's own conclusion ------------------------------------------------------------------
        self.conclusion_box = QGroupBox()
        self.conclusion_decision = plain_label()
        self.conclusion_reason = text_box(self.form.conclusion.reason, 70)
        self.use_conclusion = QPushButton()
        self.use_conclusion.clicked.connect(self.use_assessment_conclusion)
        lay = QVBoxLayout(self.conclusion_box)
        lay.addWidget(self.conclusion_decision)
        lay.addWidget(self.conclusion_reason)
        row = QHBoxLayout()
        row.addWidget(self.use_conclusion)
        row.addStretch(1)
        lay.addLayout(row)
        self.conclusion_reason.setVisible(bool(self.form.conclusion.reason))

        # --- prohibited practices -----------------------------------------------------------------------------
        stopped = dict(start.get("stopped") or {})
        self.stopped_box = QGroupBox()
        self.stopped_note = plain_label()
        self.stopped_problem = problem_label()
        lay = QVBoxLayout(self.stopped_box)
        lay.addWidget(self.stopped_note)
        self.stopped_edits: dict[str, _PlainEdit] = {}
        self.stopped_problems: dict[str, QLabel] = {}
        self.stopped_titles: dict[str, QLabel] = {}
        self.stopped_explanations: dict[str, QPlainTextEdit] = {}
        practices = {p.obligation: p for p in self.form.prohibited}
        for oid in list(practices) + [k for k in stopped if k not in practices]:
            p = practices.get(oid)
            title = plain_label()
            title.setStyleSheet("font-weight:bold;")
            self.stopped_titles[oid] = title
            lay.addWidget(title)
            if p is not None:
                self.stopped_explanations[oid] = text_box(p.explanation.get(state.lang), 60)
                lay.addWidget(self.stopped_explanations[oid])
            edit = plain_edit(str(stopped.get(oid) or ""), 70)
            edit.setMaximumHeight(70)
            edit.textChanged.connect(self.validate)
            self.stopped_edits[oid] = edit
            lay.addWidget(edit)
            self.stopped_problems[oid] = problem_label()
            lay.addWidget(self.stopped_problems[oid])
        lay.addWidget(self.stopped_problem)
        self.stopped_box.setVisible(bool(self.stopped_edits))

        # --- attestations --------------------------------------------------------------------------------------
        attest = start.get("attestations") or {}
        self.attest_box = QGroupBox()
        lay = QVBoxLayout(self.attest_box)
        self.attest_checks: dict[str, QCheckBox] = {}
        self.attest_problems: dict[str, QLabel] = {}
        for choice in self.form.attestations:
            check = QCheckBox()
            check.setChecked(attest.get(choice.id) is True)
            check.toggled.connect(self.validate)
            self.attest_checks[choice.id] = check
            self.attest_problems[choice.id] = problem_label()
            self.attest_problems[choice.id].setWordWrap(False)
            row = QHBoxLayout()
            row.addWidget(check)
            row.addWidget(self.attest_problems[choice.id])
            row.addStretch(1)
            lay.addLayout(row)

        # --- the decision --------------------------------------------------------------------------------------
        self.decision_box = QGroupBox()
        lay = QVBoxLayout(self.decision_box)
        self.opinion_group = QButtonGroup(self)
        self.opinion_buttons: dict[str, QRadioButton] = {}
        for choice in self.form.opinions:
            button = QRadioButton()
            button.setChecked(start.get("opinion") == choice.id)
            self.opinion_group.addButton(button)
            self.opinion_buttons[choice.id] = button
            button.toggled.connect(self._opinion_toggled)
            lay.addWidget(button)
        self.opinion_problem = problem_label()
        lay.addWidget(self.opinion_problem)
        self.conditions_label = plain_label()
        self.conditions = plain_edit(str(start.get("conditions") or ""))
        self.conditions.textChanged.connect(self.validate)
        self.conditions_label.setBuddy(self.conditions)
        self.conditions_problem = problem_label()
        lay.addWidget(self.conditions_label)
        lay.addWidget(self.conditions)
        lay.addWidget(self.conditions_problem)
        self.reasons_label = plain_label()
        self.reasons = plain_edit(str(start.get("reasons") or ""), 110)
        self.reasons.textChanged.connect(self.validate)
        self.reasons_label.setBuddy(self.reasons)
        self.reasons_problem = problem_label()
        lay.addWidget(self.reasons_label)
        lay.addWidget(self.reasons)
        lay.addWidget(self.reasons_problem)

        # --- the views of the people concerned (read-only) -----------------------------------------------------
        v = self.form.views
        self.views_box = QGroupBox()
        lay = QVBoxLayout(self.views_box)
        self.views_sought = plain_label()
        self.views_lists = plain_label()
        self.views_text = text_box(v.result if v.sought == "yes" else v.why_not, 90)
        self.views_text.setVisible(bool(v.result if v.sought == "yes" else v.why_not))
        self.views_note = plain_label(style="color:#555;")
        self.views_problem = problem_label()
        self.go_views = QPushButton()
        self.go_views.clicked.connect(self._go_views)
        for w in (self.views_sought, self.views_lists, self.views_text, self.views_problem, self.views_note):
            lay.addWidget(w)
        row = QHBoxLayout()
        row.addWidget(self.go_views)
        row.addStretch(1)
        lay.addLayout(row)

        # --- the approver and the date -------------------------------------------------------------------------
        approver = dict(self.form.approver)
        if not approver.get("name") and state.settings.assessor_name.strip():
            approver = {"name": state.settings.assessor_name.strip()}
        self._approver_extra = {}
        if start.get("approver"):
            approver = {k: str(x) for k, x in start["approver"].items()}
            self._approver_extra = {k: x for k, x in approver.items() if k not in ("name", "role", "organisation")}
        self.approver_box = QGroupBox()
        grid = QFormLayout(self.approver_box)
        grid.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.approver_edits: dict[str, QLineEdit] = {}
        self.approver_labels: dict[str, QLabel] = {}
        self.approver_problems: dict[str, QLabel] = {}
        for key in ("name", "role", "organisation"):
            edit = QLineEdit(approver.get(key, ""))
            edit.setMaxLength(service.SHORT_TEXT)
            edit.textChanged.connect(self.validate)
            label = QLabel()
            label.setBuddy(edit)
            self.approver_edits[key], self.approver_labels[key] = edit, label
            self.approver_problems[key] = problem_label()
            box = QVBoxLayout()
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(edit)
            box.addWidget(self.approver_problems[key])
            grid.addRow(label, box)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setMinimumDate(QDate(2000, 1, 1))
        day = _parse_date(start.get("date")) or state.ctx.today()
        self.date.setDate(QDate(day.year, day.month, day.day))
        self.date.dateChanged.connect(self.validate)
        self.date_label = QLabel()
        self.date_label.setBuddy(self.date)
        self.date_problem = problem_label()
        box = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(self.date)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.date_problem)
        grid.addRow(self.date_label, box)

        # --- the whole -----------------------------------------------------------------------------------------
        content = QWidget()
        body = QVBoxLayout(content)
        for w in (self.conclusion_box, self.stopped_box, self.attest_box, self.decision_box, self.views_box,
                  self.approver_box):
            body.addWidget(w)
        body.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(content)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        outer = QVBoxLayout(self)
        outer.addWidget(self.header)
        outer.addWidget(self.scroll, 1)
        self.first_problem = QPushButton()
        self.first_problem.clicked.connect(self.show_first_problem)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.first_problem)
        outer.addLayout(row)
        outer.addWidget(self.general)
        outer.addWidget(self.buttons)
        self.resize(900, 720)

        self._loading = False
        state.languageChanged.connect(self._language_changed)
        self.retranslate()

    # --- language ------------------------------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.state.lang

    def _language_changed(self, _lang: str) -> None:
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and not self._loading:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        lang, form, a = self.lang, self.form, self.assessment
        self.setWindowTitle(self.tr("Approve the assessment"))
        system = str(a.system.get("name") or "")
        self.header.setText(self.tr("Approval by the PI protection officer: %1").replace("%1", system))
        self.header.setAccessibleName(self.tr("Assessment being approved"))

        self.conclusion_box.setTitle(self.tr("What the assessment concludes"))
        c = form.conclusion
        self.conclusion_decision.setText(
            self.tr("The assessors' decision: %1").replace(
                "%1", c.decision_label.get(lang) if c.decision_label else self.tr("not answered")))
        self.conclusion_reason.setAccessibleName(self.tr("The assessors' reasons"))
        self.use_conclusion.setText(self.tr("Start from the assessment's conclusion"))
        self.use_conclusion.setToolTip(self.tr(
            "Selects the assessors' decision and copies their reasons and conditions into empty fields; "
            "edit them into your own view"))
        self.use_conclusion.setEnabled(c.decision is not None or bool(c.reason or c.conditions))

        self.stopped_box.setTitle(self.tr("Prohibited practices found"))
        self.stopped_note.setText(self.tr(
            "The assessment finds a practice that the law prohibits outright. A decision that lets the processing "
            "go ahead (proceed, proceed with conditions, continue while remediating) can stand only if you state, "
            "for each practice, when and how it stopped. A prohibited practice cannot continue under conditions."))
        practices = {p.obligation: p for p in form.prohibited}
        for oid, title in self.stopped_titles.items():
            p = practices.get(oid)
            cited = p.citation.get(lang) if p else self.tr("Not a prohibited finding of this assessment")
            word = verdict_label("prohibited").get(lang)
            title.setText("✗ " + word[:1].upper() + word[1:] + (" · " if lang == "en" else "·") + cited)
            if oid in self.stopped_explanations and p is not None:
                self.stopped_explanations[oid].setPlainText(p.explanation.get(lang))
                self.stopped_explanations[oid].setAccessibleName(self.tr("What was found: %1").replace("%1", cited))
            self.stopped_edits[oid].setAccessibleName(
                self.tr("When and how this practice stopped: %1").replace("%1", cited))
            self.stopped_edits[oid].setPlaceholderText(self.tr(
                "When and how did this practice stop? e.g. the date, what was withdrawn, who checked it"))

        self.attest_box.setTitle(self.tr("Attestations"))
        for choice in form.attestations:
            self.attest_checks[choice.id].setText(choice.label.get(lang))
            self.attest_checks[choice.id].setAccessibleName(choice.label.get(lang))

        self.decision_box.setTitle(self.tr("Decision"))
        for choice in form.opinions:
            text = choice.label.get(lang)
            if choice.id in service.LIVE_ONLY:
                text += self.tr(" (for a system already live)")
            self.opinion_buttons[choice.id].setText(text)
            self.opinion_buttons[choice.id].setAccessibleName(self.tr("Decision: %1").replace("%1", text))
        self.reasons_label.setText(self.tr("&Reasons: your own view of the assessment and why you decide so"))
        self.reasons.setAccessibleName(self.tr("Reasons for the decision"))
        self.reasons.setPlaceholderText(self.tr("At least %1 characters, spaces not counted").replace(
            "%1", str(service.MIN_REASONS)))
        self.conditions.setAccessibleName(self.tr("Conditions"))

        v = form.views
        self.views_box.setTitle(self.tr("Views of the people concerned"))
        self.views_sought.setText(self.tr("Were their views sought? %1").replace("%1", v.sought_label.get(lang)))
        lists = []
        if v.groups:
            lists.append(self.tr("Whose: %1").replace("%1", self.tr("; ").join(g.get(lang) for g in v.groups)))
        if v.methods:
            lists.append(self.tr("How: %1").replace("%1", self.tr("; ").join(m.get(lang) for m in v.methods)))
        self.views_lists.setText("\n".join(lists))
        self.views_lists.setVisible(bool(lists))
        self.views_text.setAccessibleName(self.tr("What they said and how the assessment responded")
                                          if v.sought == "yes" else self.tr("Why their views were not sought"))
        self.views_note.setText(self.tr(
            "These are the assessment's answers in “The assessment and its conclusion”; the approval repeats them. "
            "To change them, edit those answers in the assessment."))
        self.go_views.setText(self.tr("Go to these answers"))

        self.approver_box.setTitle(self.tr("Approver"))
        for key, text, name in (("name", self.tr("&Name:"), self.tr("Approver's name")),
                                ("role", self.tr("R&ole:"), self.tr("Approver's role")),
                                ("organisation", self.tr("Or&ganisation:"), self.tr("Approver's organisation"))):
            self.approver_labels[key].setText(text)
            self.approver_edits[key].setAccessibleName(name)
        self.date_label.setText(self.tr("&Date of approval:"))
        self.date.setAccessibleName(self.tr("Date of approval"))
        locale = locale_for(lang)
        self.date.setLocale(locale)
        self.date.setDisplayFormat(date_format(locale))

        self.ok.setText(self.tr("Record the approval"))
        self.first_problem.setText(self.tr("Show the first"))
        self.first_problem.setToolTip(self.tr("Scroll to the first thing still to complete"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._opinion_toggled()

    # --- the approval ----------------------------------------------------------------------------------------------
    def opinion(self) -> str | None:
        for key, button in self.opinion_buttons.items():
            if button.isChecked():
                return key
        return None

    def select_opinion(self, opinion: str) -> None:
        self.opinion_buttons[opinion].setChecked(True)

    def approval(self) -> dict[str, Any]:
        """The approval as the assessment file holds it (for ``Assessment.approval``); texts verbatim."""
        opinion = self.opinion()
        out: dict[str, Any] = {"attestations": {k: c.isChecked() for k, c in self.attest_checks.items()}}
        if opinion is not None:
            out["opinion"] = opinion
        out["reasons"] = self.reasons.text()
        if opinion in service.WITH_CONDITIONS and self.conditions.text().strip():
            out["conditions"] = self.conditions.text()
        stopped = {oid: e.text() for oid, e in self.stopped_edits.items() if e.text().strip()}
        if stopped:
            out["stopped"] = stopped
        approver = dict(self._approver_extra)
        for key, edit in self.approver_edits.items():
            if edit.text().strip():
                approver[key] = edit.text()
        out["approver"] = approver
        out["date"] = self.date.date().toString("yyyy-MM-dd")
        return out

    def use_assessment_conclusion(self) -> None:
        c = self.form.conclusion
        if c.decision in self.opinion_buttons:
            self.select_opinion(c.decision)
        if c.reason and not self.reasons.text().strip():
            self.reasons.load(c.reason)
        if c.conditions and not self.conditions.text().strip():
            self.conditions.load(c.conditions)
        self.validate()

    def _go_views(self) -> None:
        self.jumpTo.emit(service.VIEWS_QUESTION)
        self.reject()

    def _opinion_toggled(self, *_: object) -> None:
        opinion = self.opinion()
        with_conditions = opinion in service.WITH_CONDITIONS
        self.conditions_label.setVisible(with_conditions)
        self.conditions.setVisible(with_conditions)
        if opinion == "continue_after_remediation":
            self.conditions_label.setText(self.tr(
                "&What must be remediated, by whom and by when, and the controls until then:"))
        else:
            self.conditions_label.setText(self.tr("&Conditions the processing must meet before it goes ahead:"))
        plan = set(service.PLAN_ATTESTATIONS) - set(service.required_attestations(opinion))
        for key, check in self.attest_checks.items():
            check.setToolTip(self.tr("Not required when the decision is not to proceed") if key in plan else "")
        self.validate()

    # --- live validation -------------------------------------------------------------------------------------------
    def _slot_for(self, field: str) -> QLabel | None:
        parts = field.split(".")
        if field.startswith("answers."):
            return self.views_problem
        if parts[:2] == ["approval", "attestations"] and len(parts) == 3:
            return self.attest_problems.get(parts[2])
        if parts[:2] == ["approval", "stopped"]:
            return self.stopped_problems.get(parts[2]) if len(parts) == 3 else (
                self.stopped_problem if self.stopped_edits else None)
        if parts[:2] == ["approval", "approver"] and len(parts) == 3:
            return self.approver_problems.get(parts[2])
        return {"approval.opinion": self.opinion_problem, "approval.reasons": self.reasons_problem,
                "approval.conditions": self.conditions_problem, "approval.date": self.date_problem}.get(field)

    def validate(self, *_: object) -> list[Problem]:
        if self._loading:
            return self.problems
        lang = self.lang
        self.problems = service.check_approval(self.assessment, self.approval(), self.evaluation)
        shown: dict[QLabel, list[str]] = {}
        general: list[str] = []
        for p in self.problems:
            slot = self._slot_for(p.field)
            text = p.zh if lang == "zh" else p.en
            # Three of the core's sentences are written for someone editing the file (they name its fields and
            # IDs); the dialog says the same in its own words beside the field they concern.
            if p.field.startswith("approval.attestations."):
                text = self.tr("Not confirmed yet")
            elif p.field == "approval.opinion" and self.opinion() is None:
                text = self.tr("Choose a decision")
            elif p.field == "approval.stopped":
                text = self.tr(
                    "A decision to go ahead needs, for each prohibited practice above, when and how it stopped (at "
                    "least %1 characters); otherwise decide not to proceed, or to suspend and re-assess").replace(
                    "%1", str(service.MIN_STOPPED))
            if slot is None:
                general.append(p.get(lang))
            else:
                shown.setdefault(slot, []).append(text)
        for slot in self._all_slots():
            texts = shown.get(slot)
            slot.setText("\n".join("✗ " + t for t in texts) if texts else "")
            slot.setVisible(bool(texts))
        self.general.setText("\n".join("✗ " + t for t in general))
        self.general.setVisible(bool(general))
        n = len(self.problems)
        if n:
            self.summary.setText(self.tr("✗ %n thing(s) to complete before the approval can be recorded", "", n))
            self.summary.setStyleSheet(PROBLEM_STYLE)
        else:
            self.summary.setText(self.tr("✓ The approval is complete"))
            self.summary.setStyleSheet(OK_STYLE)
        self.ok.setEnabled(not self.problems)
        self.first_problem.setVisible(bool(self._visible_slots()))
        return self.problems

    def _visible_slots(self) -> list[QLabel]:
        """The problem labels shown, from the top of the form down."""
        content = self.scroll.widget()
        shown = [s for s in self._all_slots() if not s.isHidden()]
        return sorted(shown, key=lambda s: s.mapTo(content, s.rect().topLeft()).y())

    def show_first_problem(self) -> None:
        slots = self._visible_slots()
        if slots:
            self.scroll.ensureWidgetVisible(slots[0], 0, 60)

    def _all_slots(self) -> list[QLabel]:
        return [*self.attest_problems.values(), *self.stopped_problems.values(), *self.approver_problems.values(),
                self.stopped_problem, self.opinion_problem, self.reasons_problem, self.conditions_problem,
                self.date_problem, self.views_problem]

    def accept(self) -> None:
        if self.validate():
            return
        super().accept()


def _parse_date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
