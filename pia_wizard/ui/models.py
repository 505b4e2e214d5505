"""Qt models over plain service data. They hold rows and labels, never widgets; tested without windows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from pia_wizard.core import labels
from pia_wizard.core.findings import VERDICT_ORDER
from pia_wizard.services.assessments import AssessmentSummary

Index = QModelIndex | QPersistentModelIndex
RISK_ORDER = {"low": 0, "medium": 1, "high": 2, "severe": 3}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
def state_labels() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "draft": translate("AssessmentListModel", "Draft"),
        "in_review": translate("AssessmentListModel", "In review"),
        "approved": translate("AssessmentListModel", "Approved"),
        "superseded": translate("AssessmentListModel", "Superseded"),
        "rejected": translate("AssessmentListModel", "Rejected"),
    }


def headers() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "system": translate("AssessmentListModel", "System"),
        "processor": translate("AssessmentListModel", "Processor"),
        "version": translate("AssessmentListModel", "Version"),
        "state": translate("AssessmentListModel", "State"),
        "risk": translate("AssessmentListModel", "Overall risk (current)"),
        "findings": translate("AssessmentListModel", "Prohibited / gaps / advisories"),
        "updated": translate("AssessmentListModel", "Last change"),
        "review": translate("AssessmentListModel", "Re-assessment due"),
    }


def state_label(state: str) -> str:
    return state_labels().get(state, state)


def local_datetime(iso: str, lang: str) -> str:
    """An archive timestamp (UTC ISO 8601) in the user's time zone and the locale's short format."""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return iso
    from PySide6.QtCore import QDate, QDateTime, QTime

    from pia_wizard.ui.editors import date_format, locale_for

    locale = locale_for(lang)
    return locale.toString(QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)),
                           date_format(locale) + " " + locale.timeFormat(QLocale.FormatType.ShortFormat))


def local_date(iso: str, lang: str) -> str:
    from PySide6.QtCore import QDate

    from pia_wizard.ui.editors import date_format, locale_for

    d = QDate.fromString(iso, "yyyy-MM-dd")
    return locale_for(lang).toString(d, date_format(locale_for(lang))) if d.isValid() else iso


class AssessmentListModel(QAbstractTableModel):
    """The home window's table: one row per assessment (its newest version)."""

    COLUMNS = ("system", "processor", "version", "state", "risk", "findings", "updated", "review")
    def __init__(self, lang: str = "zh", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.rows: list[AssessmentSummary] = []

    def set_rows(self, rows: Sequence[AssessmentSummary]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return headers()[self.COLUMNS[section]]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == ID_ROLE:
            return row.assessment_id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "system":
            return row.title or row.system
        return None

    def _display(self, row: AssessmentSummary, column: str) -> str:
        if column == "system":
            return row.system or row.title
        if column == "processor":
            return row.processor
        if column == "version":
            return f"v{row.version}"
        if column == "state":
            return state_label(row.state)
        if column == "risk":
            return labels.level_name(row.overall_current, missing=labels.INCOMPLETE).get(self.lang)
        if column == "findings":
            c = row.counts
            return f"{c.get('prohibited', 0)} / {c.get('gap', 0)} / {c.get('advisory', 0)}" if c else "—"
        if column == "updated":
            return local_datetime(row.updated_at, self.lang)
        if column == "review":
            return local_date(row.next_review, self.lang) if row.next_review else "—"
        return ""

    def _sort_key(self, row: AssessmentSummary, column: str) -> Any:
        if column == "version":
            return row.version
        if column == "risk":
            return RISK_ORDER.get(row.overall_current or "", -1)
        if column == "findings":
            c = row.counts
            return (c.get("prohibited", 0), c.get("gap", 0), c.get("advisory", 0))
        if column == "updated":
            return row.updated_at
        if column == "review":
            return row.next_review or "9999"
        return self._display(row, column).casefold()


def worst_verdict(verdicts: Sequence[str]) -> str | None:
    return min(verdicts, key=VERDICT_ORDER.__getitem__) if verdicts else None
