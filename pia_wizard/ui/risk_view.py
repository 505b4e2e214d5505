"""The risk grid (GB/T 39335: impact on rights x likelihood of an incident, for each of the seven Art. 9(3) risks
at three stages) and the heat map that shows each risk's move from inherent to current.

RiskEditor edits the assessment's ``risks`` object and emits the whole of it, JSON-ready, on every change
(``risksChanged``); it scores each stage live with ``core.risk.score``. HeatMapView shows the report's own
drawing (``services.report.heatmap_svg``), so the screen and the PDF cannot disagree.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QShowEvent
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.core import labels as label_mod
from pia_wizard.core import risk as risk_mod

AXES = ("impact", "likelihood")
NAMES = {"impact": risk_mod.IMPACT_DIMENSIONS, "likelihood": risk_mod.LIKELIHOOD_FACTORS}
LEVELS = {"impact": risk_mod.IMPACT_LEVELS, "likelihood": risk_mod.LIKELIHOOD_LEVELS}
KINDS = {"impact": tuple(risk_mod.IMPACT_ADJUSTMENTS), "likelihood": tuple(risk_mod.LIKELIHOOD_ADJUSTMENTS)}
RATING_KEYS = ("impact", "impact_adjustments", "likelihood", "likelihood_adjustments")
LEVEL_ROLE = Qt.ItemDataRole.UserRole
RISK_ROLE = Qt.ItemDataRole.UserRole + 1
MUTED = "color: palette(placeholder-text);"


def _pick(node: Mapping[str, Any] | None, lang: str) -> str:
    if not node:
        return ""
    return str(node["zh"] if lang == "zh" else node["en"])


def _level_word(level: str | None, axis: str, lang: str) -> str:
    return label_mod.level_name(level, axis).get(lang)


def _criterion(axis: str, name: str, level: str, lang: str, full: bool = False) -> str:
    """The GB/T 39335 criterion for ``level`` of dimension/factor ``name``; ``full`` adds the general one."""
    crit = risk_mod.labels()["criteria"][axis]
    by = crit["by_dimension" if axis == "impact" else "by_factor"]
    specific = _pick(by.get(name, {}).get(level), lang)
    if specific and not full:
        return specific
    general = _pick(crit["general"].get(level), lang)
    return specific if not general or specific == general else f"{specific}\n{general}" if specific else general


# ----------------------------------------------------------------------------------------------- small parts


class ReasonEdit(QPlainTextEdit):
    """A compact multi-line text field (about three lines) for a reason; Tab moves on. ``edited`` is emitted for
    the user's changes only, never for ``set_text``."""

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        lines = self.fontMetrics().lineSpacing()
        self.setFixedHeight(int(lines * 3.2) + 12)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._loading = False
        self.textChanged.connect(self._changed)

    def set_text(self, text: str) -> None:
        if text == self.toPlainText():
            return
        self._loading = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False

    def text(self) -> str:
        return self.toPlainText()

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit(self.toPlainText())


class CellRow(QWidget):
    """One impact dimension or likelihood factor group: its level chooser (with the criterion of each level as a
    tooltip and the chosen one written under it) and the reason."""

    changed = Signal()

    def __init__(self, axis: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.axis, self.name, self.lang = axis, name, "zh"
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.combo = QComboBox()
        self.combo.setObjectName(f"level:{axis}.{name}")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.desc = QLabel()
        self.desc.setWordWrap(True)
        self.desc.setTextFormat(Qt.TextFormat.PlainText)
        self.desc.setStyleSheet(MUTED)
        self.desc.setObjectName(f"criterion:{axis}.{name}")
        self.reason = ReasonEdit()
        self.reason.setObjectName(f"reason:{axis}.{name}")
        self.title.setBuddy(self.combo)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.title)
        left.addWidget(self.combo, 0, Qt.AlignmentFlag.AlignLeft)
        left.addWidget(self.desc)
        left.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addLayout(left, 1)
        layout.addWidget(self.reason, 1)
        self._unknown: str | None = None
        self.combo.currentIndexChanged.connect(self._level_chosen)
        self.reason.edited.connect(lambda _t: self.changed.emit())

    def level(self) -> str | None:
        data = self.combo.currentData(LEVEL_ROLE)
        return str(data) if data else None

    def set_values(self, level: str | None, reason: str) -> None:
        self.combo.blockSignals(True)
        try:
            self._unknown = level if level is not None and level not in LEVELS[self.axis] else None
            self._fill()
            index = self.combo.findData(level, LEVEL_ROLE) if level is not None else 0
            self.combo.setCurrentIndex(max(index, 0))
        finally:
            self.combo.blockSignals(False)
        self.reason.set_text(reason)
        self._describe()

    def set_editable(self, editable: bool) -> None:
        self.combo.setEnabled(editable)
        self.reason.setReadOnly(not editable)

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        group = "dimensions" if self.axis == "impact" else "factors"
        node = risk_mod.labels()[group][self.name]
        self.title.setText(_pick(node, lang))
        self.title.setToolTip(_pick(node.get("note"), lang))
        self.combo.setAccessibleName(self.tr("Level: %1").replace("%1", _pick(node, lang)))
        self.reason.setAccessibleName(self.tr("Reason for the level: %1").replace("%1", _pick(node, lang)))
        self.reason.setPlaceholderText(self.tr("Why this level (required for the report)"))
        self.combo.blockSignals(True)
        try:
            current = self.level()
            self._fill()
            index = self.combo.findData(current, LEVEL_ROLE) if current is not None else 0
            self.combo.setCurrentIndex(max(index, 0))
        finally:
            self.combo.blockSignals(False)
        self._describe()

    def _fill(self) -> None:
        self.combo.clear()
        self.combo.addItem(self.tr("Not rated"), "")  # never None: PySide6 mis-counts None item data
        for level in LEVELS[self.axis]:
            self.combo.addItem(_level_word(level, self.axis, self.lang), level)
            self.combo.setItemData(self.combo.count() - 1,
                                   _criterion(self.axis, self.name, level, self.lang, full=True),
                                   Qt.ItemDataRole.ToolTipRole)
        if self._unknown is not None:
            self.combo.addItem(self.tr("Unknown level: %1").replace("%1", self._unknown), self._unknown)

    def _describe(self) -> None:
        level = self.level()
        if level is None:
            text = self.tr("Not rated yet: choose a level.")
        elif level not in LEVELS[self.axis]:
            text = self.tr("This level is not one of the method's levels: choose another.")
        else:
            text = _criterion(self.axis, self.name, level, self.lang)
        self.desc.setText(text)
        self.combo.setToolTip(_criterion(self.axis, self.name, level, self.lang, full=True)
                              if level in LEVELS[self.axis] else text)

    def _level_chosen(self, _index: int) -> None:
        self._describe()
        self.changed.emit()


class AdjustmentRow(QWidget):
    """One adjustment (e.g. a vulnerable group raises the impact one level): on or off, with its reason, and
    "reason required" next to it while it is on without one."""

    changed = Signal()

    def __init__(self, axis: str, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.axis, self.kind, self.lang = axis, kind, "zh"
        self.check = QCheckBox()
        self.check.setObjectName(f"adjustment:{kind}")
        self.reason = ReasonEdit()
        self.reason.setObjectName(f"adjustment-reason:{kind}")
        self.required = QLabel()
        self.required.setObjectName(f"adjustment-required:{kind}")
        self.required.setTextFormat(Qt.TextFormat.PlainText)
        self.required.setStyleSheet("color: #a61b1b; font-weight: 600;")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.check, 1)
        top.addWidget(self.required)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addLayout(top)
        layout.addWidget(self.reason)
        self.check.toggled.connect(self._toggled)
        self.reason.edited.connect(self._edited)
        self._sync()

    def set_values(self, on: bool, reason: str) -> None:
        self.check.blockSignals(True)
        self.check.setChecked(on)
        self.check.blockSignals(False)
        self.reason.set_text(reason)
        self._sync()

    def is_on(self) -> bool:
        return self.check.isChecked()

    def needs_reason(self) -> bool:
        return self.is_on() and not self.reason.text().strip()

    def set_editable(self, editable: bool) -> None:
        self.check.setEnabled(editable)
        self.reason.setReadOnly(not editable)

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        node = risk_mod.labels()["adjustments"][self.kind]
        self.check.setText(_pick(node, lang))
        self.check.setToolTip(_pick(node["help"], lang))
        self.check.setAccessibleName(_pick(node, lang))
        self.reason.setAccessibleName(self.tr("Reason for the adjustment: %1").replace("%1", _pick(node, lang)))
        self.reason.setPlaceholderText(self.tr("Why this adjustment applies (required)"))
        self.required.setText("⚠ " + self.tr("Reason required"))

    def _sync(self) -> None:
        self.reason.setVisible(self.is_on())
        self.required.setVisible(self.needs_reason())

    def _toggled(self, _on: bool) -> None:
        self._sync()
        self.changed.emit()

    def _edited(self, _text: str) -> None:
        self._sync()
        self.changed.emit()


# ------------------------------------------------------------------------------------------------- one stage


class StagePanel(QWidget):
    """One stage of one risk (inherent, current or target): the four dimensions, the four factor groups, the
    adjustments and the computed result. ``rating()`` gives the stage back in the file's shape."""

    changed = Signal()

    def __init__(self, stage: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage, self.lang = stage, "zh"
        self._base: dict[str, Any] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.same = QCheckBox() if stage == "target" else None
        if self.same is not None:
            self.same.setObjectName("target-same-as-current")
            layout.addWidget(self.same)
            self.same.toggled.connect(self._same_toggled)
        self.result = QLabel()
        self.result.setObjectName(f"result:{stage}")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setFrameShape(QFrame.Shape.StyledPanel)
        self.result.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.result)
        self.cells: dict[tuple[str, str], CellRow] = {}
        self.adjustments: dict[tuple[str, str], AdjustmentRow] = {}
        self.boxes: dict[str, QGroupBox] = {}
        self.adjust_titles: dict[str, QLabel] = {}
        for axis in AXES:
            box = QGroupBox()
            grid = QVBoxLayout(box)
            for name in NAMES[axis]:
                row = CellRow(axis, name)
                row.changed.connect(self.changed)
                self.cells[(axis, name)] = row
                grid.addWidget(row)
            title = QLabel()
            title.setStyleSheet("font-weight: 600;")
            self.adjust_titles[axis] = title
            grid.addWidget(title)
            for kind in KINDS[axis]:
                adj = AdjustmentRow(axis, kind)
                adj.changed.connect(self.changed)
                self.adjustments[(axis, kind)] = adj
                grid.addWidget(adj)
            self.boxes[axis] = box
            layout.addWidget(box)
        layout.addStretch(1)

    # -- data
    def load(self, rating: Mapping[str, Any] | None, same_as_current: bool = False) -> None:
        self._base = copy.deepcopy(dict(rating)) if isinstance(rating, Mapping) else {}
        base = self._base
        for (axis, name), row in self.cells.items():
            cells = base.get(axis) if isinstance(base.get(axis), dict) else {}
            cell = cells.get(name) if isinstance(cells.get(name), dict) else {}
            level = cell.get("level") if isinstance(cell.get("level"), str) else None
            reason = cell.get("reason") if isinstance(cell.get("reason"), str) else ""
            row.set_values(level, reason)
        for (axis, kind), adj in self.adjustments.items():
            found = self._base_adjustment(axis, kind)
            reason = found.get("reason") if found and isinstance(found.get("reason"), str) else ""
            adj.set_values(found is not None, reason)
        if self.same is not None:
            self.same.blockSignals(True)
            self.same.setChecked(same_as_current)
            self.same.blockSignals(False)
        self._editable(not same_as_current)

    def _base_adjustment(self, axis: str, kind: str) -> dict[str, Any] | None:
        items = self._base.get(f"{axis}_adjustments")
        if not isinstance(items, list):
            return None
        return next((x for x in items if isinstance(x, dict) and x.get("kind") == kind), None)

    def rating(self) -> dict[str, Any]:
        """The stage as the widgets now say, keeping what the widgets do not edit from the loaded rating (so that
        loading and reading back gives the same rating). Cells without a level are left out."""
        base = self._base
        out: dict[str, Any] = {k: copy.deepcopy(v) for k, v in base.items() if k not in RATING_KEYS}
        for axis in AXES:
            old_cells = base.get(axis) if isinstance(base.get(axis), dict) else {}
            cells: dict[str, Any] = {}
            for name in NAMES[axis]:
                row = self.cells[(axis, name)]
                level = row.level()
                if level is None:
                    continue
                old = old_cells.get(name) if isinstance(old_cells.get(name), dict) else {}
                cell = copy.deepcopy(old)
                cell["level"] = level
                reason = row.reason.text()
                if reason or "reason" in old:
                    cell["reason"] = reason
                else:
                    cell.pop("reason", None)
                cells[name] = cell
            for name, cell in old_cells.items():  # not ours to drop (the core reports them)
                if name not in NAMES[axis]:
                    cells[name] = copy.deepcopy(cell)
            if cells or axis in base:
                out[axis] = cells
            key = f"{axis}_adjustments"
            old_items = base.get(key) if isinstance(base.get(key), list) else []
            items: list[Any] = []
            seen: set[str] = set()
            for old in old_items:  # keep the file's order
                kind = old.get("kind") if isinstance(old, dict) else None
                if kind in KINDS[axis] and kind not in seen:
                    seen.add(kind)
                    adj = self.adjustments[(axis, kind)]
                    if adj.is_on():
                        item = copy.deepcopy(old)
                        item["reason"] = adj.reason.text()
                        items.append(item)
                else:
                    items.append(copy.deepcopy(old))
            for kind in KINDS[axis]:
                adj = self.adjustments[(axis, kind)]
                if kind not in seen and adj.is_on():
                    items.append({"kind": kind, "reason": adj.reason.text()})
            if items or key in base:
                out[key] = items
        return out

    def is_same_as_current(self) -> bool:
        return self.same is not None and self.same.isChecked()

    def _same_toggled(self, on: bool) -> None:
        self._editable(not on)
        self.changed.emit()

    def _editable(self, editable: bool) -> None:
        for row in self.cells.values():
            row.set_editable(editable)
        for adj in self.adjustments.values():
            adj.set_editable(editable)
        for box in self.boxes.values():
            box.setEnabled(editable)

    def missing_reasons(self) -> list[str]:
        """The adjustments switched on without a reason (kinds)."""
        return [kind for (_axis, kind), adj in self.adjustments.items() if adj.needs_reason()]

    # -- text
    def show_score(self, score: risk_mod.Score | None, problems: list[str] | None = None) -> None:
        self.result.setText(self.result_text(score, problems))
        self.result.setAccessibleName(self.tr("Computed result"))

    def result_text(self, score: risk_mod.Score | None, problems: list[str] | None = None) -> str:
        """'Impact: High · Likelihood: Medium → Risk level: High', or what is missing."""
        lang, same_as = self.lang, self.is_same_as_current()
        terms = risk_mod.labels()["terms"]
        if problems:
            return self.tr("Cannot be scored: %1").replace("%1", "; ".join(problems))
        if score is None:
            return self.tr("Not rated yet.")
        parts = []
        impact = _level_word(score.impact, "impact", lang) if score.impact else self.tr("incomplete")
        if score.impact and score.impact_base and score.impact_base != score.impact:
            impact += " " + self.tr("(before adjustments: %1)").replace(
                "%1", _level_word(score.impact_base, "impact", lang))
        likelihood = (_level_word(score.likelihood, "likelihood", lang) if score.likelihood
                      else self.tr("incomplete"))
        if score.likelihood and score.likelihood_base and score.likelihood_base != score.likelihood:
            likelihood += " " + self.tr("(before adjustments: %1)").replace(
                "%1", _level_word(score.likelihood_base, "likelihood", lang))
        parts.append(f"{_pick(terms['impact'], lang)}: {impact}")
        parts.append(f"{_pick(terms['likelihood'], lang)}: {likelihood}")
        level = (_level_word(score.level, "risk", lang) if score.level else _pick(terms["incomplete"], lang))
        text = " · ".join(parts) + f"  →  {_pick(terms['level'], lang)}: {level}"
        if score.impact_clamped or score.likelihood_clamped:
            text += f" ({_pick(terms['clamped'], lang)})"
        if same_as:
            text = self.tr("Same as the current risk.") + " " + text
        if score.missing:
            text += "\n" + self.tr("Still missing: %1").replace("%1", ", ".join(_missing_words(score.missing, lang)))
        return text

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        self.boxes["impact"].setTitle(self.tr("Impact on individual rights"))
        self.boxes["likelihood"].setTitle(self.tr("Likelihood of a security incident"))
        self.boxes["impact"].setToolTip(_pick(risk_mod.labels()["criteria"]["impact"]["title"], lang))
        self.boxes["likelihood"].setToolTip(_pick(risk_mod.labels()["criteria"]["likelihood"]["title"], lang))
        for axis in AXES:
            self.adjust_titles[axis].setText(self.tr("Adjustments (each needs a written reason)"))
        if self.same is not None:
            self.same.setText(self.tr("Same as the current risk (no planned measure changes this risk)"))
            self.same.setAccessibleName(self.tr("Target risk is the same as the current risk"))
        for row in self.cells.values():
            row.retranslate(lang)
        for adj in self.adjustments.values():
            adj.retranslate(lang)


def _missing_reasons(rating: Any) -> list[str]:
    """The adjustments of a stored rating that have no reason (kinds): StagePanel.missing_reasons for a stage whose
    panel is not made yet."""
    if not isinstance(rating, Mapping):
        return []
    out = []
    for axis in AXES:
        items = rating.get(f"{axis}_adjustments")
        for item in items if isinstance(items, list) else ():
            if (isinstance(item, Mapping) and item.get("kind") in KINDS[axis]
                    and not (isinstance(item.get("reason"), str) and item["reason"].strip())):
                out.append(str(item["kind"]))
    return out


class _Stages(Mapping[str, "StagePanel"]):
    """The stage panels by stage, each made on first use; ``built`` holds those made so far."""

    def __init__(self, make: Callable[[str], StagePanel]) -> None:
        self._make = make
        self.built: dict[str, StagePanel] = {}

    def __getitem__(self, stage: str) -> StagePanel:
        if stage not in self.built:
            if stage not in risk_mod.STAGES:
                raise KeyError(stage)
            self.built[stage] = self._make(stage)
        return self.built[stage]

    def build(self, stage: str) -> StagePanel:
        return self[stage]

    def __iter__(self) -> Iterator[str]:
        return iter(risk_mod.STAGES)

    def __len__(self) -> int:
        return len(risk_mod.STAGES)


def _missing_words(paths: tuple[str, ...], lang: str) -> list[str]:
    lab = risk_mod.labels()
    out = []
    for path in paths:
        head, _, rest = path.partition(".")
        if head == "impact" and rest in lab["dimensions"]:
            out.append(_pick(lab["dimensions"][rest], lang))
        elif head == "likelihood" and rest in lab["factors"]:
            out.append(_pick(lab["factors"][rest], lang))
        else:
            out.append(_pick(lab["terms"]["reason"], lang) + f" ({path})")
    return out


# ------------------------------------------------------------------------------------------------- proposals


class ProposalBox(QFrame):
    """Adjustments the assessment's answers suggest (services.assessments.proposed_impact_adjustments), each with
    an editable reason and one click to apply it to every risk."""

    apply = Signal(str, str, bool)  # kind, reason, to every risk (False: the risk shown)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("proposals")
        self.lang = "zh"
        self.layout_ = QVBoxLayout(self)
        self.rows: list[tuple[dict[str, str], QLabel, ReasonEdit, QPushButton, QPushButton, QLabel]] = []
        self.setVisible(False)

    def set_proposals(self, proposals: list[dict[str, str]]) -> None:
        old_reasons = {p["kind"]: edit.text() for p, _l, edit, _a, _b, _s in self.rows}
        while self.layout_.count():
            item = self.layout_.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.rows = []
        for proposal in proposals:
            kind = proposal.get("kind", "")
            if kind not in risk_mod.IMPACT_ADJUSTMENTS and kind not in risk_mod.LIKELIHOOD_ADJUSTMENTS:
                continue
            title = QLabel()
            title.setWordWrap(True)
            title.setTextFormat(Qt.TextFormat.PlainText)
            edit = ReasonEdit()
            edit.setObjectName(f"proposal-reason:{kind}")
            edit.set_text(old_reasons.get(kind) or proposal.get("reason", ""))
            all_button = QPushButton()
            all_button.setObjectName(f"apply-proposal:{kind}")
            one_button = QPushButton()
            one_button.setObjectName(f"apply-proposal-here:{kind}")
            state = QLabel()
            state.setObjectName(f"proposal-state:{kind}")
            state.setWordWrap(True)
            all_button.clicked.connect(lambda _c=False, k=kind, e=edit: self.apply.emit(k, e.text(), True))
            one_button.clicked.connect(lambda _c=False, k=kind, e=edit: self.apply.emit(k, e.text(), False))
            buttons = QHBoxLayout()
            buttons.addWidget(all_button)
            buttons.addWidget(one_button)
            buttons.addWidget(state, 1)
            self.layout_.addWidget(title)
            self.layout_.addWidget(edit)
            self.layout_.addLayout(buttons)
            self.rows.append((dict(proposal), title, edit, all_button, one_button, state))
        self.setVisible(bool(self.rows))
        self.retranslate(self.lang)

    def show_state(self, applied: Mapping[str, tuple[bool, bool]]) -> None:
        """``applied[kind]`` = (in every risk, in the risk shown)."""
        for proposal, _title, _edit, all_button, one_button, state in self.rows:
            everywhere, here = applied.get(proposal["kind"], (False, False))
            all_button.setEnabled(not everywhere)
            one_button.setEnabled(not here)
            state.setText("✓ " + self.tr("Applied to every risk") if everywhere else
                          ("✓ " + self.tr("Applied to this risk") if here else self.tr("Not applied yet")))

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        for proposal, title, edit, all_button, one_button, _state in self.rows:
            node = risk_mod.labels()["adjustments"][proposal["kind"]]
            title.setText(self.tr("Proposed from your answers: %1").replace("%1", _pick(node, lang)))
            title.setToolTip(_pick(node["help"], lang))
            edit.setAccessibleName(self.tr("Reason for the proposed adjustment"))
            all_button.setText(self.tr("Apply the proposed adjustment to all risks"))
            all_button.setAccessibleName(all_button.text())
            one_button.setText(self.tr("Apply to this risk only"))
            one_button.setAccessibleName(one_button.text())


# ------------------------------------------------------------------------------------------------- the editor


class RiskEditor(QWidget):
    """The seven risks, each rated at three stages, with live results.

    ``set_risks(risks, lang)`` loads (emits nothing); every change the user makes emits ``risksChanged`` with the
    whole new ``risks`` object (JSON-ready, same shape; cells without a level are left out, a target equal to the
    current risk is absent). ``set_proposals`` offers proposed adjustments; ``set_language`` switches the texts
    that come from the risk method.
    """

    risksChanged = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "zh"
        self._risks: dict[str, Any] = {}
        self._proposals: list[dict[str, str]] = []
        self._rid = risk_mod.RISKS[0]
        self._loading = False

        self.list = QListWidget()
        self.list.setObjectName("risk-list")
        for n, rid in enumerate(risk_mod.RISKS, start=1):
            item = QListWidgetItem()
            item.setData(RISK_ROLE, rid)
            item.setData(Qt.ItemDataRole.UserRole + 2, n)
            self.list.addItem(item)
        self.list.setMinimumWidth(170)

        page = QWidget()
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setObjectName("risk-title")
        self.description_label = QLabel()
        self.description = ReasonEdit()
        self.description.setObjectName("risk-description")
        self.measures_label = QLabel()
        self.measures = ReasonEdit()
        self.measures.setObjectName("risk-measures")
        self.description_label.setBuddy(self.description)
        self.measures_label.setBuddy(self.measures)
        self.summary_labels: dict[str, QLabel] = {}
        summary = QGridLayout()
        for col, stage in enumerate(risk_mod.STAGES):
            head = QLabel()
            head.setStyleSheet("font-weight: 600;")
            head.setWordWrap(True)
            value = QLabel()
            value.setObjectName(f"summary:{stage}")
            value.setWordWrap(True)
            summary.addWidget(head, 0, col)
            summary.addWidget(value, 1, col)
            self.summary_labels[stage] = value
            self.summary_labels[f"{stage}:head"] = head
        self.proposals = ProposalBox()
        self.proposals.apply.connect(self._apply_proposal)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("stages")
        # A stage's panel (some 60 widgets) is made when its tab is first shown, or a turn of the event loop after
        # the editor is shown: the three at once held the window for over 100 ms.
        self.stages = _Stages(self._make_panel)
        self._holders: dict[str, QWidget] = {}
        for stage in risk_mod.STAGES:
            holder = QWidget()
            holder_layout = QVBoxLayout(holder)
            holder_layout.setContentsMargins(0, 0, 0, 0)
            self._holders[stage] = holder
            self.tabs.addTab(holder, "")
        self.tabs.currentChanged.connect(lambda i: self.stages.build(risk_mod.STAGES[i]) if i >= 0 else None)
        inner = QVBoxLayout(page)
        inner.addWidget(self.title)
        inner.addLayout(summary)
        inner.addWidget(self.proposals)
        text_row = QGridLayout()
        text_row.addWidget(self.description_label, 0, 0)
        text_row.addWidget(self.measures_label, 0, 1)
        text_row.addWidget(self.description, 1, 0)
        text_row.addWidget(self.measures, 1, 1)
        inner.addLayout(text_row)
        inner.addWidget(self.tabs, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll = scroll

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.method_note = QLabel()
        self.method_note.setWordWrap(True)
        self.method_note.setStyleSheet(MUTED)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.method_note)

        self.list.currentRowChanged.connect(self._risk_chosen)
        self.description.edited.connect(lambda t: self._text_edited("description", t))
        self.measures.edited.connect(lambda t: self._text_edited("measures", t))
        self.list.setCurrentRow(0)
        self.retranslate()

    # --- public API ---------------------------------------------------------------------------------------
    def set_risks(self, risks: Mapping[str, Any] | None, lang: str) -> None:
        """Load the assessment's ``risks`` (copied; nothing is emitted). The risk and stage shown stay."""
        self._risks = copy.deepcopy(dict(risks or {}))
        self.lang = lang
        self.retranslate()  # also loads the risk shown

    def risks(self) -> dict[str, Any]:
        """The risks as now edited (a copy, JSON-ready)."""
        return copy.deepcopy(self._risks)

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.retranslate()

    def set_proposals(self, adjustments: list[dict[str, str]]) -> None:
        """Proposed adjustments ({"kind", "reason"}) from services.assessments.proposed_impact_adjustments."""
        self._proposals = [dict(a) for a in adjustments]
        self.proposals.set_proposals(self._proposals)
        self._show_proposal_state()

    def current_risk(self) -> str:
        return self._rid

    def show_risk(self, risk_id: str, stage: str | None = None) -> None:
        """Open ``risk_id`` (and the tab of ``stage``), e.g. from a finding."""
        if risk_id in risk_mod.RISKS:
            self.list.setCurrentRow(risk_mod.RISKS.index(risk_id))
        if stage in self._holders:
            self.tabs.setCurrentWidget(self._holders[stage])

    def apply_proposal(self, kind: str, reason: str, everywhere: bool = True) -> None:
        """Add adjustment ``kind`` with ``reason`` to the inherent and current stages (and a separate target) of
        every risk (or of the risk shown). An adjustment already there keeps its reason unless it has none."""
        self._apply_proposal(kind, reason, everywhere)

    # --- language -----------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        lang = self.lang
        terms = risk_mod.labels()["terms"]
        self.list.setAccessibleName(self.tr("The seven risks, with their current level"))
        self.description_label.setText(_pick(terms["description"], lang))
        self.measures_label.setText(self.tr("%1 (the measures that make the current and target levels)")
                                    .replace("%1", _pick(terms["measures"], lang)))
        self.description.setAccessibleName(_pick(terms["description"], lang))
        self.measures.setAccessibleName(_pick(terms["measures"], lang))
        self.tabs.setAccessibleName(self.tr("Stages of the risk"))
        for stage in risk_mod.STAGES:
            self.summary_labels[f"{stage}:head"].setText(_pick(terms[stage], lang))
        for panel in self.stages.built.values():
            panel.retranslate(lang)
        self.method_note.setText(_pick(risk_mod.labels()["criteria"]["source"], lang))
        self.proposals.retranslate(lang)
        self._load_risk()
        for row in range(self.list.count()):
            self._update_list_item(row)

    # --- loading and showing ------------------------------------------------------------------------------
    def _entry(self, rid: str) -> dict[str, Any]:
        entry = self._risks.get(rid)
        return entry if isinstance(entry, dict) else {}

    def _risk_chosen(self, row: int) -> None:
        if 0 <= row < len(risk_mod.RISKS):
            self._rid = risk_mod.RISKS[row]
            self._load_risk()

    def _load_risk(self) -> None:
        rid = self._rid
        entry = self._entry(rid)
        self._loading = True
        try:
            n = risk_mod.RISKS.index(rid) + 1
            self.title.setText(f"{n}. {label_mod.risk_name(rid).get(self.lang)}")
            self.description.set_text(entry.get("description") if isinstance(entry.get("description"), str) else "")
            self.measures.set_text(entry.get("measures") if isinstance(entry.get("measures"), str) else "")
            for stage, panel in self.stages.built.items():
                self._load_panel(stage, panel, entry)
        finally:
            self._loading = False
        self._show_scores()
        self._show_proposal_state()

    @staticmethod
    def _load_panel(stage: str, panel: StagePanel, entry: Mapping[str, Any]) -> None:
        if stage == "target" and "target" not in entry:
            panel.load(entry.get("current"), same_as_current=True)
        else:
            panel.load(entry.get(stage))

    def _make_panel(self, stage: str) -> StagePanel:
        panel = StagePanel(stage)
        panel.changed.connect(lambda: self._stage_edited(stage))
        self._holders[stage].layout().addWidget(panel)
        panel.setVisible(True)  # now, not a turn later as a child added to a visible widget would be
        panel.retranslate(self.lang)
        was_loading, self._loading = self._loading, True
        try:
            self._load_panel(stage, panel, self._entry(self._rid))
        finally:
            self._loading = was_loading
        scores = self._scores(self._rid)
        panel.show_score(*scores[stage])
        return panel

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if len(self.stages.built) < len(risk_mod.STAGES):
            QTimer.singleShot(0, self._make_next_panel)

    def _make_next_panel(self) -> None:
        """The panels, one per turn of the event loop after the editor is first painted, the tab shown first (a
        click on another tab makes its panel at once)."""
        shown = risk_mod.STAGES[max(self.tabs.currentIndex(), 0)]
        rest = [s for s in risk_mod.STAGES if s not in self.stages.built]
        if rest:
            self.stages.build(shown if shown in rest else rest[0])
            if len(rest) > 1:
                QTimer.singleShot(0, self._make_next_panel)

    def _scores(self, rid: str) -> dict[str, tuple[risk_mod.Score | None, list[str]]]:
        entry = self._entry(rid)
        out: dict[str, tuple[risk_mod.Score | None, list[str]]] = {}
        for stage in risk_mod.STAGES:
            key = stage if stage in entry or stage != "target" else "current"
            rating = entry.get(key)
            if rating is None:
                out[stage] = (None, [])
                continue
            try:
                out[stage] = (risk_mod.score(rating), [])
            except risk_mod.RiskDataError as exc:
                out[stage] = (None, exc.problems)
        return out

    def _show_scores(self) -> None:
        scores = self._scores(self._rid)
        entry = self._entry(self._rid)
        for stage, (score, problems) in scores.items():
            panel = self.stages.built.get(stage)
            if panel is not None:
                panel.show_score(score, problems)
            word = self._level_of(score, problems)
            if stage == "target" and "target" not in entry:
                word = self.tr("same as current (%1)").replace("%1", word)
            self.summary_labels[stage].setText(word)
            missing = (panel.missing_reasons() if panel is not None
                       else _missing_reasons(entry.get(stage if stage in entry else "current")))
            flag = " ⚠" if missing else ""
            self.tabs.setTabText(risk_mod.STAGES.index(stage),
                                 f"{self._stage_name(stage)}: {word}{flag}")
            self.tabs.setTabToolTip(risk_mod.STAGES.index(stage),
                                    _pick(risk_mod.labels()["terms"][stage], self.lang)
                                    + ("\n" + self.tr("An adjustment still needs its reason.") if missing else ""))
        self._update_list_item(risk_mod.RISKS.index(self._rid))

    def _stage_name(self, stage: str) -> str:
        return {"inherent": self.tr("Inherent"), "current": self.tr("Current"), "target": self.tr("Target")}[stage]

    def _level_of(self, score: risk_mod.Score | None, problems: list[str]) -> str:
        if problems:
            return self.tr("cannot be scored")
        if score is None:
            return label_mod.NOT_RATED.get(self.lang)
        return label_mod.level_name(score.level, missing=label_mod.INCOMPLETE).get(self.lang)

    def _update_list_item(self, row: int) -> None:
        rid = risk_mod.RISKS[row]
        item = self.list.item(row)
        score, problems = self._scores(rid)["current"]
        word = self._level_of(score, problems)
        name = label_mod.risk_name(rid).get(self.lang)
        item.setText(f"{row + 1}. {name}\n    " + self.tr("Current: %1").replace("%1", word))
        item.setToolTip(self.tr("%1 — current risk level: %2").replace("%1", name).replace("%2", word))
        item.setData(Qt.ItemDataRole.AccessibleTextRole, item.toolTip())

    # --- editing ------------------------------------------------------------------------------------------
    def _stage_edited(self, stage: str) -> None:
        if self._loading:
            return
        entry = self._risks.setdefault(self._rid, {})
        if not isinstance(entry, dict):  # malformed input: the user's edit replaces it
            entry = self._risks[self._rid] = {}
        panel = self.stages[stage]
        if stage == "target" and panel.is_same_as_current():
            if "target" in entry:
                entry.pop("target")
                self._loading = True
                try:
                    panel.load(entry.get("current"), same_as_current=True)
                finally:
                    self._loading = False
        elif stage == "target" and "target" not in entry:
            # The user separated the target: it starts as a copy of the current rating.
            entry["target"] = copy.deepcopy(entry.get("current") or {})
            self._loading = True
            try:
                panel.load(entry["target"])
            finally:
                self._loading = False
        else:
            rating = panel.rating()
            if rating or stage in entry:
                entry[stage] = rating
            if stage == "current" and "target" not in entry and "target" in self.stages.built:
                self._loading = True
                try:
                    self.stages["target"].load(entry.get("current"), same_as_current=True)
                finally:
                    self._loading = False
        self._changed()

    def _text_edited(self, key: str, text: str) -> None:
        if self._loading:
            return
        entry = self._risks.setdefault(self._rid, {})
        if not isinstance(entry, dict):
            entry = self._risks[self._rid] = {}
        if text or key in entry:
            entry[key] = text
        self._changed()

    def _changed(self) -> None:
        self._show_scores()
        self._show_proposal_state()
        self.risksChanged.emit(copy.deepcopy(self._risks))

    # --- proposals ----------------------------------------------------------------------------------------
    def _apply_proposal(self, kind: str, reason: str, everywhere: bool) -> None:
        axis = "impact" if kind in risk_mod.IMPACT_ADJUSTMENTS else "likelihood"
        targets = risk_mod.RISKS if everywhere else (self._rid,)
        for rid in targets:
            entry = self._risks.get(rid)
            if not isinstance(entry, dict):
                entry = self._risks[rid] = {}
            for stage in risk_mod.STAGES:
                if stage == "target" and "target" not in entry:
                    continue
                rating = entry.setdefault(stage, {})
                if not isinstance(rating, dict):
                    continue
                items = rating.setdefault(f"{axis}_adjustments", [])
                if not isinstance(items, list):
                    continue
                found = next((x for x in items if isinstance(x, dict) and x.get("kind") == kind), None)
                if found is None:
                    items.append({"kind": kind, "reason": reason})
                elif not (isinstance(found.get("reason"), str) and found["reason"].strip()):
                    found["reason"] = reason
        self._load_risk()
        for row in range(self.list.count()):
            self._update_list_item(row)
        self.risksChanged.emit(copy.deepcopy(self._risks))

    def _applied(self, rid: str, kind: str) -> bool:
        axis = "impact" if kind in risk_mod.IMPACT_ADJUSTMENTS else "likelihood"
        entry = self._entry(rid)
        for stage in risk_mod.STAGES:
            if stage == "target" and "target" not in entry:
                continue
            rating = entry.get(stage)
            items = rating.get(f"{axis}_adjustments") if isinstance(rating, dict) else None
            if not isinstance(items, list) or not any(
                    isinstance(x, dict) and x.get("kind") == kind and isinstance(x.get("reason"), str)
                    and x["reason"].strip() for x in items):
                return False
        return True

    def _show_proposal_state(self) -> None:
        if not self._proposals:
            return
        state = {p["kind"]: (all(self._applied(r, p["kind"]) for r in risk_mod.RISKS),
                             self._applied(self._rid, p["kind"]))
                 for p in self._proposals if "kind" in p}
        self.proposals.show_state(state)


# ---------------------------------------------------------------------------------------------- the heat map


SVG_FONT = "PIA Sans"  # the family report/heatmap.py names in every <text> (report.fonts.FAMILY)


def _substitute_svg_font() -> None:
    """The heat map's text names the report's font family; on screen, map it to the bundled CJK face that the app
    registered with QFontDatabase (its family is "PIA Sans CJK SC"), so Chinese labels do not fall back to tofu."""
    if QFont.substitutes(SVG_FONT):
        return
    faces = [f for f in QFontDatabase.families() if f.startswith(SVG_FONT) and f != SVG_FONT]
    if faces:
        QFont.insertSubstitutions(SVG_FONT, sorted(faces, key=len))


class _Svg(QSvgWidget):
    """A QSvgWidget that keeps the drawing's proportions and asks for its natural size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        size = self.renderer().defaultSize()
        return size if size.isValid() and not size.isEmpty() else QSize(480, 300)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        size = self.sizeHint()
        return int(width * size.height() / max(size.width(), 1))


class HeatMapView(QWidget):
    """The report's heat map (inherent -> current for the seven risks), drawn by report/heatmap.py. ``set_svg``
    takes the markup of ``services.report.heatmap_svg``; ``set_evaluation`` fetches it and writes the legend (the
    same moves in words, for screen readers and for anyone who cannot tell the markers apart)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _substitute_svg_font()
        self.lang = "zh"
        self._legend_rows: list[tuple[int, str, str | None, str | None]] = []
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: 600;")
        self.svg = _Svg()
        self.svg.setObjectName("heatmap-svg")
        self.svg.setMinimumSize(240, 150)
        self.key = QLabel()
        self.key.setWordWrap(True)
        self.key.setStyleSheet(MUTED)
        self.legend = QLabel()
        self.legend.setObjectName("heatmap-legend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        self.legend.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.legend.setMinimumWidth(180)
        self.key.setMinimumWidth(180)
        self.enlarge = QPushButton()
        self.enlarge.setObjectName("heatmap-enlarge")
        self.enlarge.clicked.connect(self.show_large)
        # The drawing beside its legend, not above it: the legend's seven lines would take the height the drawing
        # needs to be read (its labels are the report's 9-point type, scaled with the drawing).
        side = QVBoxLayout()
        side.addWidget(self.legend)
        side.addWidget(self.key)
        side.addStretch(1)
        side.addWidget(self.enlarge, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        row.addWidget(self.svg, 3)
        row.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(row, 1)
        self.markup = ""
        self._large: QDialog | None = None
        self.enlarge.setEnabled(False)
        self.retranslate()

    def set_svg(self, svg: str) -> None:
        """Show the heat map (SVG markup from services.report.heatmap_svg)."""
        if svg == self.markup:
            return
        self.markup = svg
        self.svg.load(QByteArray(svg.encode("utf-8")))
        self.svg.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.svg.updateGeometry()
        self.svg.update()
        self.enlarge.setEnabled(bool(svg))
        if self._large is not None and self._large.isVisible():  # the large view follows the answers too
            self._large_view.load(QByteArray(svg.encode("utf-8")))
            self._large_view.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)

    def set_evaluation(self, a: Any, ev: Any, lang: str, svg: str | None = None) -> None:
        """Show the drawing for this evaluation (``svg`` when the caller drew it off the UI thread, else drawn
        here) and write the legend in ``lang``."""
        from pia_wizard.services.report import heatmap_svg

        self.lang = lang
        self._legend_rows = [
            (n, rid, r.inherent.level if r.inherent else None, r.current.level if r.current else None)
            for n, (rid, r) in enumerate(ev.risk.results.items(), start=1)]
        self.set_svg(svg if svg is not None else heatmap_svg(a, ev, lang))
        self.retranslate()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.retranslate()

    def show_large(self) -> None:
        """The same drawing in a window of its own, at twice its natural size (or what the screen allows)."""
        if self._large is None:
            self._large = QDialog(self)
            self._large.setObjectName("heatmap-large")
            view = _Svg(self._large)
            view.setObjectName("heatmap-large-svg")
            layout = QVBoxLayout(self._large)
            layout.addWidget(view)
            self._large_view = view
        self._large.setWindowTitle(self.title.text())
        self._large_view.load(QByteArray(self.markup.encode("utf-8")))
        self._large_view.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self._large_view.setAccessibleName(self.svg.accessibleName())
        self._large_view.setAccessibleDescription(self.svg.accessibleDescription())
        natural = self._large_view.sizeHint() * 2
        screen = self.screen().availableGeometry().size() * 0.9 if self.screen() else natural
        self._large.resize(natural.boundedTo(screen))
        self._large.show()
        self._large.raise_()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Heat map: inherent → current risk"))
        self.enlarge.setText(self.tr("Enlarge…"))
        self.enlarge.setToolTip(self.tr("Show the heat map in a window of its own"))
        self.svg.setAccessibleName(self.tr("Risk heat map"))
        self.key.setText(self.tr("Numbers are the risks in the list. Dashed circle: inherent risk (before measures); "
                                 "filled circle: current risk (measures in place); ringed: unchanged. Each cell "
                                 "names its risk level."))
        lines = []
        for n, rid, inherent, current in self._legend_rows:
            name = label_mod.risk_name(rid).get(self.lang)
            lines.append(f"{n}. {name}: {label_mod.level_name(inherent).get(self.lang)} → "
                         f"{label_mod.level_name(current).get(self.lang)}")
        self.legend.setText("\n".join(lines))
        self.legend.setVisible(bool(lines))
        self.svg.setAccessibleDescription("; ".join(lines))
