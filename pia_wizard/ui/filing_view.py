"""The Art. 15 filing clock of the workspace: where the filing duty applies, the day the 100,000 threshold was
reached, the deadline in PRC working days (marked as an estimate where the official calendar ends) and the state
in words (done, due in N working days, overdue by N days). The clocks are the ones the filing rules judge in
`check` (services.assessments.filing_clocks -> core/rules/filing.py); nothing is computed here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, QLocale, Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from pia_wizard.core import filing as filing_mod
from pia_wizard.core.rules.filing import EventClock, FilingClocks, ThresholdClock

STATE_ICON = {"done": "✓", "done_late": "⚠", "open": "◷", "due_soon": "⚠", "overdue": "✗"}
STATE_COLOUR = {"done": "#1e6b34", "done_late": "#8a5a00", "open": "#1f4e79", "due_soon": "#8a5a00",
                "overdue": "#a61b1b"}
OBLIGATIONS = {"filing": "FILING-15-THRESHOLD", "change": "FILING-15-CHANGE", "cancellation": "FILING-15-CANCEL"}


def format_date(d: date, lang: str) -> str:
    """A date in the locale's words: 2026年11月6日 / 6 Nov 2026 (never the ambiguous 11/6/26)."""
    qd = QDate(d.year, d.month, d.day)
    if lang == "zh":
        return QLocale("zh_CN").toString(qd, "yyyy年M月d日")
    return QLocale("en_GB").toString(qd, "d MMM yyyy")


class FilingClock(QGroupBox):
    """``set_evaluation(a, ev, lang)`` shows the filing clocks of assessment ``a`` as of ``today()`` (give the app
    context's ``ctx.today`` so that the clock and the findings speak of the same day). When the filing duty does
    not apply, one line says why."""

    def __init__(self, parent: QWidget | None = None, *, today: Callable[[], date] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filing-clock")
        self.today = today or date.today
        self.lang = "zh"
        self.clocks: FilingClocks | None = None
        self._a: Any = None
        self._ev: Any = None
        self.state = QLabel()
        self.state.setObjectName("filing-state")
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        font = self.state.font()
        font.setBold(True)
        self.state.setFont(font)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("count", "reached", "deadline", "filed"):
            name, value = QLabel(), QLabel()
            value.setObjectName(f"filing-{key}")
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(name, value)
            self.fields[key] = (name, value)
        self.events = QLabel()
        self.events.setObjectName("filing-events")
        self.events.setWordWrap(True)
        self.events.setTextFormat(Qt.TextFormat.PlainText)
        self.note = QLabel()
        self.note.setObjectName("filing-note")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        self.action = QLabel()
        self.action.setObjectName("filing-action")
        self.action.setWordWrap(True)
        self.action.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(self.form)
        layout.addWidget(self.events)
        layout.addWidget(self.action)
        layout.addWidget(self.note)
        self.retranslate()

    # --- public API ---------------------------------------------------------------------------------------
    def set_evaluation(self, a: Any, ev: Any, lang: str, today: date | None = None) -> None:
        """Show the clocks of assessment ``a`` (its evaluation ``ev`` decides whether the Measures apply and gives
        the finding's suggested action)."""
        from pia_wizard.services.assessments import filing_clocks

        self._a, self._ev, self.lang = a, ev, lang
        self.clocks = filing_clocks(a, today or self.today()) if a is not None else None
        self.retranslate()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.retranslate()

    def applies(self) -> bool:
        """Whether an Art. 15 clock is shown (False: the one "not applicable" line, or nothing known yet)."""
        c = self.clocks
        if c is None or (self._ev is not None and not self._ev.measures_apply):
            return False
        return bool((c.filing and c.filing.reached) or c.change or (c.cancellation and c.filed))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- text ---------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setTitle(self.tr("Filing clock (FRT Measures Art. 15)"))
        labels = {"count": self.tr("Stored (de-duplicated)"),
                  "reached": self.tr("100,000 first reached on"),
                  "deadline": self.tr("Deadline (30 PRC working days)"),
                  "filed": self.tr("Filed on")}
        for key, (name, value) in self.fields.items():
            name.setText(labels[key])
            value.setAccessibleName(labels[key])
        self.state.setAccessibleName(self.tr("Filing state"))
        self._show()

    def _rows(self, visible: bool) -> None:
        for name, value in self.fields.values():
            name.setVisible(visible)
            value.setVisible(visible)

    def _show(self) -> None:
        lang, c, ev = self.lang, self.clocks, self._ev
        self.events.clear()
        self.action.clear()
        self.note.clear()
        self.state.setStyleSheet("")
        if ev is not None and not ev.measures_apply:
            reason = ev.measures_reason.get(lang) if ev.measures_reason else ""
            self.state.setText(self.tr("Not applicable: the Measures do not apply (Art. 2).") +
                               (" " + reason if reason else ""))
            self._rows(False)
            self._finish()
            return
        if c is None or (c.filing is None and c.change is None and c.cancellation is None):
            self.state.setText(self.tr("Not known yet: answer how many people's facial information is stored "
                                       "(filing section)."))
            self._rows(False)
            self._finish()
            return
        th = c.filing
        if th is not None and not th.reached and c.change is None and not (c.cancellation and c.filed):
            self.state.setText(self.tr("Not applicable: %1 people stored, below the 100,000 filing threshold.")
                               .replace("%1", self._number(th.count)))
            self._rows(False)
            self._finish()
            return
        self._rows(th is not None)
        if th is not None:
            self._threshold(th)
        lines = [self._event_line(e) for e in (c.change, c.cancellation if c.filed else None) if e is not None]
        self.events.setText("\n".join(lines))
        self._finish()

    def _finish(self) -> None:
        self.events.setVisible(bool(self.events.text()))
        self.action.setVisible(bool(self.action.text()))
        self.note.setVisible(bool(self.note.text()))
        self.setAccessibleDescription(" ".join(x for x in (self.state.text(), self.events.text()) if x))

    def _threshold(self, th: ThresholdClock) -> None:
        lang = self.lang
        self.fields["count"][1].setText(self._number(th.count))
        self.fields["reached"][1].setText(format_date(th.reached_on, lang) if th.reached_on else
                                          self.tr("not recorded"))
        clock = th.clock
        if clock is not None:
            deadline = format_date(clock.deadline, lang)
            if clock.legacy:
                deadline += " " + self.tr("(transition rule for counts reached before 1 June 2025)")
            if clock.estimated:
                deadline += " " + self.tr("(estimate)")
            self.fields["deadline"][1].setText(deadline)
            self.fields["deadline"][1].setToolTip(self._note_text(clock, method=True))
        else:
            self.fields["deadline"][1].setText(self.tr("cannot be computed"))
        filed = self._answer("filing.filed")
        filed_on = self._answer("filing.filed_on")
        number = self._answer("filing.number")
        if filed == "yes":
            text = format_date(date.fromisoformat(filed_on), lang) if filed_on else self.tr("date not recorded")
            if number:
                text += f" ({number})"
        else:
            text = self.tr("not filed yet")
        self.fields["filed"][1].setText(text)
        if th.problem == "no_date":
            self._state("overdue", self.tr("Threshold reached, but the day it was reached is not recorded: the "
                                           "deadline cannot be computed."))
        elif th.problem == "future_date":
            self._state("overdue", self.tr("The day the threshold was reached is in the future: check it."))
        elif th.problem == "filed_without_date":
            self._state("due_soon", self.tr("Filed, but without the filing date: timeliness cannot be shown."))
        elif th.status is not None and clock is not None:
            self._state(th.status.state.value, self._status_words(th.status, clock, th.done_on))
            if clock.estimated:
                self.note.setText(self._note_text(clock))
        finding = self._finding("filing")
        if finding is not None and finding.verdict in ("gap", "advisory", "prohibited") and finding.action:
            self.action.setText(self.tr("Next step: %1").replace("%1", finding.action.get(lang)))

    def _state(self, state: str, text: str) -> None:
        self.state.setText(f"{STATE_ICON.get(state, '')} {text}".strip())
        self.state.setStyleSheet(f"color: {STATE_COLOUR.get(state, 'palette(text)')};")

    def _status_words(self, st: filing_mod.ClockStatus, clock: filing_mod.Clock, done_on: date | None) -> str:
        lang = self.lang
        due = format_date(clock.deadline, lang)
        s = st.state
        if s == filing_mod.Status.DONE:
            return self.tr("Filed on time (on %1, deadline %2).").replace(
                "%1", format_date(done_on, lang) if done_on else "").replace("%2", due)
        if s == filing_mod.Status.DONE_LATE:
            n = st.days_overdue
            text = (self.tr("Filed late: 1 calendar day after the deadline of %2.") if n == 1 else
                    self.tr("Filed late: %1 calendar days after the deadline of %2."))
        elif s == filing_mod.Status.OVERDUE:
            n = st.days_overdue
            text = (self.tr("Overdue by 1 calendar day: the deadline was %2.") if n == 1 else
                    self.tr("Overdue by %1 calendar days: the deadline was %2."))
        elif s == filing_mod.Status.DUE_SOON:
            n = st.workdays_left or 0
            text = (self.tr("Due soon: 1 working day left, by %2.") if n == 1 else
                    self.tr("Due soon: %1 working days left, by %2."))
        else:
            n = st.workdays_left or 0
            text = (self.tr("Due in 1 working day, by %2.") if n == 1 else
                    self.tr("Due in %1 working days, by %2."))
        return text.replace("%1", str(n)).replace("%2", due)

    def _event_line(self, e: EventClock) -> str:
        lang = self.lang
        what = (self.tr("Change filing") if e.kind == filing_mod.ClockKind.CHANGE
                else self.tr("Cancellation of the filing"))
        start = format_date(e.start, lang)
        if e.clock is None or e.status is None:
            note = e.not_in_force
            return f"{what} ({start}): " + (self.tr("no clock.") if note is None else
                                           (note.zh if lang == "zh" else note.en))
        est = (" " + self.tr("(estimate)")) if e.clock.estimated else ""
        words = self._status_words(e.status, e.clock, e.done_on)
        if e.status.state == filing_mod.Status.DONE:
            words = self.tr("Done on time (on %1, deadline %2).").replace(
                "%1", format_date(e.done_on, lang) if e.done_on else "").replace(
                "%2", format_date(e.clock.deadline, lang))
        elif e.status.state == filing_mod.Status.DONE_LATE:
            n = e.status.days_overdue
            words = (self.tr("Done late: 1 calendar day after the deadline of %2.") if n == 1 else
                     self.tr("Done late: %1 calendar days after the deadline of %2.")).replace(
                "%1", str(n)).replace("%2", format_date(e.clock.deadline, lang))
        icon = STATE_ICON.get(e.status.state.value, "")
        return f"{icon} {what} ({start}){est}: {words}"

    def _note_text(self, clock: filing_mod.Clock, method: bool = False) -> str:
        notes = [n for n in clock.notes if (method or n is not filing_mod.NOTE_WORKDAY_METHOD)
                 and (method or n.obligation == "FILING-15-WORKDAY-CALC")]
        return "\n".join(n.zh if self.lang == "zh" else n.en for n in notes)

    def _finding(self, kind: str) -> Any:
        ev = self._ev
        if ev is None:
            return None
        return next((f for f in ev.findings if f.obligation == OBLIGATIONS[kind]), None)

    def _answer(self, qid: str) -> Any:
        answers = getattr(self._a, "answers", None) or {}
        value = answers.get(qid)
        return value if value not in (None, "", []) else None

    def _number(self, n: int) -> str:
        locale = QLocale("zh_CN") if self.lang == "zh" else QLocale("en_GB")
        return locale.toString(n)
