"""The live findings beside the questions: issues (prohibited first) as cards that wrap their text, each with its
remedy, legal bases and findings, and a button that jumps to the question it comes from."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.core import labels

# Colour is a second signal only: every card starts with the verdict's word.
COLOURS = {"prohibited": "#b3261e", "gap": "#9a5b00", "advisory": "#35618f", "compliant": "#2e6b30",
           "not_applicable": "#666666"}


def _label(text: str, style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


def _key(issue: object, lang: str) -> tuple:
    return (lang, issue.id, issue.severity, issue.statement, issue.remedy,  # type: ignore[attr-defined]
            tuple((f.obligation, f.verdict, f.explanation) for f in issue.findings))  # type: ignore[attr-defined]


class IssueCard(QFrame):
    key: tuple = ()

    def __init__(self, issue: object, lang: str, jump: Signal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.issue = issue
        severity = issue.severity  # type: ignore[attr-defined]
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"IssueCard {{ border-left: 4px solid {COLOURS[severity]}; background: #fcfcfa; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 6, 6)
        word = labels.verdict_label(severity).get(lang)
        head = f"【{word}】" if lang == "zh" else f"[{word}] "
        self.title = _label(head + issue.statement.get(lang),  # type: ignore[attr-defined]
                            f"color: {COLOURS[severity]}; font-weight: bold;")
        layout.addWidget(self.title)
        if issue.remedy:  # type: ignore[attr-defined]
            layout.addWidget(_label(self.tr("Remedy: ") + issue.remedy.get(lang)))  # type: ignore[attr-defined]
        cited = dict.fromkeys(f.citation(lang) for f in issue.findings)  # type: ignore[attr-defined]
        layout.addWidget(_label(self.tr("Legal basis: ") + self.tr("; ").join(cited), "color:#555;"))
        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(8, 0, 0, 0)
        for f in issue.findings:  # type: ignore[attr-defined]
            text = (f"{labels.verdict_label(f.verdict).get(lang)} · {f.citation(lang)}"
                    + ("：" if lang == "zh" else ": ") + f.explanation.get(lang))
            details.addWidget(_label(text, f"color: {COLOURS[f.verdict]};"))
        self.details.hide()
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self.details.setVisible)
        self.go = QPushButton()
        self.go.clicked.connect(lambda: jump.emit(issue.cause))  # type: ignore[attr-defined]
        self.go.setEnabled(bool(issue.cause))  # type: ignore[attr-defined]
        layout.addWidget(self.details)
        row = QHBoxLayout()
        row.addWidget(self.toggle)
        row.addWidget(self.go)
        row.addStretch(1)
        layout.addLayout(row)
        n = len(issue.findings)  # type: ignore[attr-defined]
        self.toggle.setText(self.tr("Show the %n finding(s)", "", n))
        self.go.setText(self.tr("Go to the question"))
        self.go.setAccessibleName(self.tr("Go to the question of: %1").replace("%1", self.title.text()))
        self.setAccessibleName(self.title.text())


class FindingsPanel(QWidget):
    jumpTo = Signal(str)  # a question ID

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.evaluation = None
        self.cards: list[IssueCard] = []
        self.banner = _label("", "background:#fff4e5; border:1px solid #e0a040; padding:6px;")
        self.banner.hide()
        self.counts = _label("")
        self.list = QWidget()
        self.list_layout = QVBoxLayout(self.list)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.list)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty = _label("")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.counts)
        layout.addWidget(self.empty)
        layout.addWidget(self.scroll, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.scroll.setAccessibleName(self.tr("Findings, grouped into issues"))
        self.counts.setAccessibleName(self.tr("Number of findings by verdict"))
        self.empty.setText(self.tr("Nothing to act on in the answers so far."))
        if self.evaluation is not None:
            self.show_evaluation(self.evaluation)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.retranslate()

    def show_evaluation(self, ev: object) -> None:
        self.evaluation = ev
        lang = self.lang
        if not ev.measures_apply and ev.measures_reason:  # type: ignore[attr-defined]
            self.banner.setText(self.tr("The FRT Measures do not apply: ")
                                + ev.measures_reason.get(lang))  # type: ignore[attr-defined]
            self.banner.show()
        else:
            self.banner.hide()
        counts = ev.counts  # type: ignore[attr-defined]
        issues = ev.issues  # type: ignore[attr-defined]
        self.counts.setText(self.tr("%n issue(s)", "", len(issues)) + "  ·  " + "  ·  ".join(
            f"{labels.verdict_label(v).get(lang)} {counts[v]}" for v in ("prohibited", "gap", "advisory",
                                                                         "compliant")))
        # Cards whose issue reads the same are kept (rebuilding every card on each keystroke costs more than the
        # evaluation); only new or changed issues get a new card.
        old = {card.key: card for card in self.cards}
        self.cards = []
        for issue in issues:
            key = _key(issue, lang)
            card = old.pop(key, None)
            if card is None:
                card = IssueCard(issue, lang, self.jumpTo, self.list)
                card.key = key
            self.list_layout.removeWidget(card)
            self.list_layout.insertWidget(len(self.cards), card)
            self.cards.append(card)
        for card in old.values():
            card.hide()
            card.deleteLater()
        self.empty.setVisible(not issues)
