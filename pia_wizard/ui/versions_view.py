"""The versions of one assessment (issue 12 item 7): state, why each was started, notes, dates and a short content
hash; two selected versions are compared side by side (DiffView). Starting a new version is the home window's
dialog: this view only asks for it (``newVersionRequested``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pia_wizard.services import assessments
from pia_wizard.services import diff as diff_service
from pia_wizard.services.assessments import VersionInfo
from pia_wizard.ui.dialogs import error_text
from pia_wizard.ui.ops import Op
from pia_wizard.ui.state import AppState

VERSION_ROLE = Qt.ItemDataRole.UserRole
HASH_CHARS = 12
COLUMNS = ("version", "state", "reason", "note", "created", "updated", "decided", "decision_note", "hash")


def _load(ctx: Any, assessment_id: str) -> tuple[list[VersionInfo], str]:
    found = assessments.versions(ctx, assessment_id)
    _, newest = assessments.load_version(ctx, assessment_id)
    return found, newest.title or str(newest.system.get("name") or "")


class VersionsView(QWidget):
    newVersionRequested = Signal()
    loaded = Signal()  # the versions are shown (after each refresh)
    compared = Signal(object)  # the DiffView just opened

    def __init__(self, state: AppState, assessment_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.assessment_id = assessment_id
        self.versions: list[VersionInfo] = []
        self.name = ""  # the newest version's title (or its system's name)
        self.diff_views: list[QWidget] = []
        self.busy = False
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        # rows follow their wrapped notes when the columns change width (a few rows: measuring them is cheap)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for col in (COLUMNS.index("note"), COLUMNS.index("decision_note")):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.activated.connect(lambda _: self.compare())
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.hide()
        self.compare_button = QPushButton()
        self.compare_button.clicked.connect(self.compare)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.newVersionRequested)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.compare_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        state.languageChanged.connect(self.set_language)
        self.retranslate()
        self.refresh()

    # --- data --------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.busy = True
        self._enable()
        Op(self, self.state.worker, _load).success(self._loaded).failure(self._failed).run(
            self.state.ctx, self.assessment_id)

    def _loaded(self, result: tuple[list[VersionInfo], str]) -> None:
        self.busy = False
        self.versions, self.name = list(result[0]), result[1]
        self.message.hide()
        self._fill()
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.message.setText(error_text(exc, self.state.lang))
        self.message.show()
        self._enable()

    def selected_versions(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return sorted(int(self.table.item(r, 0).data(VERSION_ROLE)) for r in rows)

    def select_versions(self, *numbers: int) -> None:
        """Select these versions (and only them), as a user would by clicking their rows."""
        self.table.clearSelection()
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(VERSION_ROLE) in numbers:
                self.table.selectRow(row)

    def compare(self) -> None:
        chosen = self.selected_versions()
        if len(chosen) != 2 or self.busy:
            return
        self.busy = True
        self._enable()
        old, new = chosen
        Op(self, self.state.worker, diff_service.diff_versions).success(self._compared).failure(self._failed).run(
            self.state.ctx, self.assessment_id, old, new)

    def _compared(self, diff: diff_service.Diff) -> None:
        from pia_wizard.ui.diff_view import DiffView

        self.busy = False
        self._enable()
        view = DiffView(self.state, diff, self)
        view.setWindowFlag(Qt.WindowType.Window, True)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        view.destroyed.connect(lambda _=None, v=view: self.diff_views.remove(v) if v in self.diff_views else None)
        self.diff_views.append(view)
        view.show()
        self.compared.emit(view)

    # --- text --------------------------------------------------------------------------------------------------
    def set_language(self, _lang: str = "") -> None:
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Versions"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Version"), self.tr("State"), self.tr("Why it was started"), self.tr("Note"),
            self.tr("Created"), self.tr("Last change"), self.tr("Decided"), self.tr("Decision note"),
            self.tr("Content (SHA-256)")])
        self.table.setAccessibleName(self.tr("Versions of the assessment; select two to compare them"))
        self.hint.setText(self.tr("Select two versions (click them, or press Space on each) and press Compare to see "
                                  "what changed between them."))
        self.compare_button.setText(self.tr("&Compare"))
        self.compare_button.setAccessibleName(self.tr("Compare the two selected versions"))
        self.new_button.setText(self.tr("&New version…"))
        self.new_button.setAccessibleName(self.tr("Start a new version of the approved assessment"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self._fill()

    def _fill(self) -> None:
        from pia_wizard.ui.models import local_datetime, state_label

        lang = self.state.lang
        reasons = {r.id: r.label.get(lang) for r in assessments.version_reasons()}
        chosen = set(self.selected_versions()) if self.table.rowCount() else set()
        self.table.setRowCount(len(self.versions))
        for row, v in enumerate(reversed(self.versions)):  # the newest first
            def when(at: Any, by: Any) -> str:
                if not at:
                    return ""
                return local_datetime(str(at), lang) + (f" · {by}" if by else "")

            reason = reasons.get(v.reason or "", v.reason or "") if v.reason else (
                self.tr("first version") if v.based_on is None else "")
            if v.based_on is not None:
                based = next((b.version for b in self.versions if b.id == v.based_on), None)
                if based is not None:
                    reason += self.tr(" (from version %1)").replace("%1", str(based))
            cells = [self.tr("Version %1").replace("%1", str(v.version)), state_label(v.state), reason,
                     v.reason_note or "", when(v.created_at, v.created_by), when(v.updated_at, v.updated_by),
                     when(v.decided_at, v.decided_by), v.decision_note or "", v.content_sha256[:HASH_CHARS]]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setData(VERSION_ROLE, v.version)
                if col == len(cells) - 1:
                    item.setData(Qt.ItemDataRole.AccessibleTextRole, v.content_sha256)
                self.table.setItem(row, col, item)
        self.title.setText(self.tr("Versions of %1").replace("%1", self.name) if self.name else self.tr("Versions"))
        if chosen:
            self.select_versions(*chosen)
        self._enable()

    def _enable(self) -> None:
        n = len(self.selected_versions()) if self.table.rowCount() else 0
        self.compare_button.setEnabled(n == 2 and not self.busy)
        states = {v.state for v in self.versions}
        self.new_button.setEnabled(not self.busy and "approved" in states and not states & {"draft", "in_review"})
