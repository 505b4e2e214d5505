"""Qt models over the archive's service data (processing records, audit log, reports, import problems, the filing
tracker's tables). They hold rows and labels, never widgets, and are tested without windows.

The records and the audit log can be large (100,000 records and more), so their models page: the first page is
fetched on the worker when ``reload()`` is called, the next one when the view asks (``canFetchMore`` /
``fetchMore``, as it scrolls near the end). Nothing loads the whole table. A reload bumps a generation number, so a
page that arrives for an older filter is dropped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from pia_wizard.services.archive import (
    MATERIAL_STATUS_LABELS,
    RECORD_FIELD_LABELS,
    RECORD_FIELDS,
    AuditEntry,
    Record,
    RecordFilters,
    ReportListing,
)
from pia_wizard.ui.editors import CELL_PREVIEW, plain_tooltip
from pia_wizard.ui.filing_view import STATE_COLOUR, STATE_ICON, format_date
from pia_wizard.ui.models import SORT_ROLE, local_date, local_datetime
from pia_wizard.ui.ops import Op

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 10  # the row's service object (Record, AuditEntry, ReportListing, dict)
RECORD_COLUMNS = (*(f.name for f in RECORD_FIELDS), "retain_until")
RECORDS_PAGE = 100
AUDIT_PAGE = 200
OVERDUE_RED = "#a61b1b"


translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")


def gap(lang: str) -> str:
    """What goes before a parenthesis: nothing before a full-width （ in Chinese, a space in English."""
    return "" if lang == "zh" else " "


def cell(text: object) -> str:
    """A table cell's text: one line, at most CELL_PREVIEW characters (the whole value is in the tooltip and the
    details pane)."""
    s = "" if text is None else str(text)
    s = s.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\u2029", " ")
    return s if len(s) <= CELL_PREVIEW else s[:CELL_PREVIEW] + "…"


def iso_day(value: str | None, lang: str) -> str:
    """An ISO date in words (2026年11月6日 / 6 Nov 2026); anything else as it is."""
    if not value:
        return ""
    try:
        return format_date(date.fromisoformat(value[:10]), lang)
    except ValueError:
        return value


class PagedModel(QAbstractTableModel):
    """A table filled page by page on the worker (subclasses say how to fetch a page and what a cell shows)."""

    loaded = Signal()  # the first page is in (after reload)
    pageLoaded = Signal(int)  # rows added by a page
    failed = Signal(object)  # the exception a page fetch raised

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, state: Any, lang: str, page_size: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.lang = lang
        self.page_size = page_size
        self.rows: list[Any] = []
        self.has_more = False
        self.pending = False
        self.generation = 0

    # --- paging ------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        self.generation += 1
        self.beginResetModel()
        self.rows = []
        self.has_more = False
        self.endResetModel()
        self._fetch(first=True)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and self.has_more and not self.pending

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetch(first=False)

    def query(self) -> Any:
        """The filters of the current load (read on the UI thread, handed to ``fetch_page``)."""
        return None

    def fetch_page(self, ctx: Any, query: Any, loaded: int, last: Any) -> tuple[list[Any], bool]:
        """On the worker: the page after ``loaded`` rows (``last``: the last row so far) and whether more follow."""
        raise NotImplementedError

    def _fetch(self, first: bool) -> None:
        self.pending = True
        generation = self.generation
        last = self.rows[-1] if self.rows else None
        Op(self, self.state.worker, self.fetch_page).success(
            lambda result: self._arrived(generation, result, first)
        ).failure(lambda exc: self._failed(generation, exc)).run(self.state.ctx, self.query(), len(self.rows), last)

    def _arrived(self, generation: int, result: tuple[list[Any], bool], first: bool) -> None:
        if generation != self.generation:
            return
        rows, more = result
        self.pending = False
        self.has_more = more
        if rows:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        self.pageLoaded.emit(len(rows))
        if first:
            self.loaded.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self.generation:
            return
        self.pending = False
        self.has_more = False
        self.failed.emit(exc)

    # --- Qt ------------------------------------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        self.lang = lang
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)


# --- processing records ----------------------------------------------------------------------------------------


def record_header(name: str, lang: str) -> str:
    if name == "retain_until":
        return translate("RecordsModel", "Keep until")
    label = RECORD_FIELD_LABELS.get(name)
    return label.get(lang) if label is not None else name


class RecordsModel(PagedModel):
    """The register of processing records, newest first (the store's one ordering), page by page."""

    totalChanged = Signal(object)  # all matching records (int), counted after the first page is shown
    COLUMNS = RECORD_COLUMNS

    def __init__(
        self, state: Any, lang: str = "zh", parent: QObject | None = None, page_size: int = RECORDS_PAGE
    ) -> None:
        super().__init__(state, lang, page_size, parent)
        self.filters = RecordFilters()
        self.total: int | None = None
        self.assessment_names: dict[str, str] = {}  # assessment id -> what users call it

    def set_filters(self, filters: RecordFilters) -> None:
        self.filters = filters
        self.reload()

    def reload(self) -> None:
        self.total = None
        self.totalChanged.emit(None)
        super().reload()

    def query(self) -> RecordFilters:
        return self.filters

    def fetch_page(self, ctx: Any, query: Any, loaded: int, last: Any) -> tuple[list[Record], bool]:
        from pia_wizard.services import archive

        page = archive.list_records(
            ctx, query, page=loaded // self.page_size + 1, limit=self.page_size, with_total=False
        )
        return page.rows, page.has_more

    def _arrived(self, generation: int, result: tuple[list[Any], bool], first: bool) -> None:
        super()._arrived(generation, result, first)
        if first and generation == self.generation:
            self._count(generation)

    def _count(self, generation: int) -> None:
        from pia_wizard.services import archive

        filters = self.filters

        def count(ctx: Any) -> int:
            return archive.list_records(ctx, filters, limit=1, with_total=True).total or 0

        Op(self, self.state.worker, count).success(lambda n: self._counted(generation, n)).failure(
            lambda exc: self._failed(generation, exc)
        ).run(self.state.ctx)

    def _counted(self, generation: int, n: int) -> None:
        if generation == self.generation:
            self.total = n
            self.totalChanged.emit(n)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return record_header(self.COLUMNS[section], self.lang)
        return None

    def value(self, record: Record, column: str) -> str:
        if column == "assessment_id":
            aid = record.assessment_id
            return self.assessment_names.get(aid, aid) if aid else ""
        if column == "quantity":
            from pia_wizard.ui.editors import locale_for

            return locale_for(self.lang).toString(record.quantity)
        if column in ("record_date", "retain_until"):
            return local_date(getattr(record, column), self.lang)
        return str(getattr(record, column) or "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell(self.value(record, column))
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.value(record, column)
            return plain_tooltip(text) if text else None
        if role == ROW_ROLE:
            return record
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "quantity":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


# --- import problems -------------------------------------------------------------------------------------------

_FIELD_PREFIX = re.compile(r"^([a-z_]+): (.*)$", re.S)


def split_problem(message: str) -> tuple[str | None, str]:
    """'quantity: -3 is negative' -> ('quantity', '-3 is negative'); a message naming no field -> (None, it)."""
    m = _FIELD_PREFIX.match(message)
    if m and (m.group(1) in RECORD_FIELD_LABELS or m.group(1) == "retain_until"):
        return m.group(1), m.group(2)
    return None, message


class _ListModel(QAbstractTableModel):
    """A table over a list held in memory: ``rows`` (one per line), ``COLUMNS`` (one per column), ``set_rows``."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, lang: str = "zh", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)


class ImportProblemsModel(_ListModel):
    """Every bad row of a rejected import: line (CSV) or record number (JSON), field, message."""

    COLUMNS = ("row", "field", "message")

    def __init__(self, lang: str = "zh", parent: QObject | None = None) -> None:
        super().__init__(lang, parent)
        self.json = False
        self.rows: list[tuple[int, str | None, str]] = []

    def set_problems(self, problems: Sequence[tuple[int, str]], json_file: bool = False) -> None:
        self.beginResetModel()
        self.json = json_file
        self.rows = [(int(n), *split_problem(str(msg))) for n, msg in problems]
        self.endResetModel()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        name = self.COLUMNS[section]
        if name == "row":
            return (
                translate("ImportProblemsModel", "Record no.")
                if self.json
                else translate("ImportProblemsModel", "Line")
            )
        if name == "field":
            return translate("ImportProblemsModel", "Field")
        return translate("ImportProblemsModel", "Problem")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        n, field, message = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "row":
                return str(n)
            if column == "field":
                return record_header(field, self.lang) if field else "—"
            return cell(message)
        if role == Qt.ItemDataRole.ToolTipRole and column == "message":
            return plain_tooltip(message)
        if role == SORT_ROLE:
            return n if column == "row" else (field or "") if column == "field" else message
        return None


# --- the audit log ---------------------------------------------------------------------------------------------


def action_labels() -> dict[str, str]:
    return {
        "create": translate("AuditModel", "created"),
        "update": translate("AuditModel", "changed"),
        "state_change": translate("AuditModel", "state changed"),
        "export": translate("AuditModel", "exported"),
        "sign": translate("AuditModel", "signed"),
        "archive": translate("AuditModel", "archived"),
        "import": translate("AuditModel", "imported"),
        "delete_refused": translate("AuditModel", "deletion refused"),
        "purge": translate("AuditModel", "purged"),
        "migrate": translate("AuditModel", "database upgraded"),
        "delete": translate("AuditModel", "deleted"),
    }


def entity_labels() -> dict[str, str]:
    return {
        "assessment_version": translate("AuditModel", "Assessment version"),
        "report": translate("AuditModel", "Report"),
        "processing_record": translate("AuditModel", "Processing record"),
        "processor": translate("AuditModel", "Processor"),
        "filing": translate("AuditModel", "Filing"),
        "filing_count": translate("AuditModel", "Stored count"),
        "filing_event": translate("AuditModel", "Filing event"),
        "filing_material": translate("AuditModel", "Filing material"),
        "database": translate("AuditModel", "Database"),
    }


def audit_detail(entry: AuditEntry) -> str:
    """The entry's before and after, as one line of JSON each."""
    parts = []
    if entry.before is not None:
        parts.append(translate("AuditModel", "before: ") + entry.before)
    if entry.after is not None:
        parts.append(translate("AuditModel", "after: ") + entry.after)
    return "  ".join(parts)


def audit_text(entry: AuditEntry, lang: str = "en") -> str:
    """The whole entry for the details pane, pretty-printed (the action and entity also as stored)."""

    def pretty(raw: str | None) -> str:
        if raw is None:
            return "—"
        try:
            return json.dumps(json.loads(raw), ensure_ascii=False, indent=2)
        except ValueError:
            return raw

    sep = "：" if lang == "zh" else ": "
    action = action_labels().get(entry.action, entry.action)
    entity = entity_labels().get(entry.entity, entry.entity)
    return "\n".join(
        [
            translate("AuditModel", "Sequence") + sep + str(entry.seq),
            translate("AuditModel", "Time (UTC)") + sep + entry.at,
            translate("AuditModel", "Actor") + sep + entry.actor,
            translate("AuditModel", "Action") + sep + f"{action} ({entry.action})",
            translate("AuditModel", "Entity") + sep + f"{entity} ({entry.entity}) {entry.entity_id}",
            translate("AuditModel", "Before") + sep,
            pretty(entry.before),
            translate("AuditModel", "After") + sep,
            pretty(entry.after),
            translate("AuditModel", "Previous hash") + sep + entry.prev_hash,
            translate("AuditModel", "Hash") + sep + entry.hash,
        ]
    )


class AuditModel(PagedModel):
    """The audit log, newest first, page by page; filters go to the archive (entity, id, text)."""

    COLUMNS = ("seq", "at", "actor", "action", "entity", "entity_id", "detail")

    def __init__(
        self, state: Any, lang: str = "zh", parent: QObject | None = None, page_size: int = AUDIT_PAGE
    ) -> None:
        super().__init__(state, lang, page_size, parent)
        self.entity: str | None = None
        self.entity_id: str | None = None
        self.search: str | None = None
        self.broken_seq: int | None = None

    def set_filters(self, entity: str | None, entity_id: str | None, search: str | None) -> None:
        self.entity, self.entity_id, self.search = entity or None, entity_id or None, search or None
        self.reload()

    def query(self) -> dict[str, Any]:
        return {"entity": self.entity, "entity_id": self.entity_id, "search": self.search}

    def fetch_page(self, ctx: Any, query: Any, loaded: int, last: Any) -> tuple[list[AuditEntry], bool]:
        from pia_wizard.services import archive

        rows = archive.audit_entries(ctx, limit=self.page_size + 1, before_seq=last.seq if last else None, **query)
        return rows[: self.page_size], len(rows) > self.page_size

    def row_of(self, seq: int) -> int | None:
        return next((i for i, e in enumerate(self.rows) if e.seq == seq), None)

    def load_down_to(self, seq: int, done: Callable[[int | None], None]) -> None:
        """Fetch every entry down to ``seq`` (one call), then ``done(row of seq or None)``."""
        row = self.row_of(seq)
        if row is not None or not self.has_more or (self.rows and self.rows[-1].seq < seq):
            done(row)
            return
        from pia_wizard.services import archive

        generation = self.generation
        last = self.rows[-1].seq if self.rows else None
        query = self.query()

        def fetch(ctx: Any) -> tuple[list[AuditEntry], bool]:
            rows = []
            before = last
            while True:  # pages of the archive's size, until seq is passed or the log ends
                page = archive.audit_entries(ctx, limit=5000, before_seq=before, **query)
                rows.extend(page)
                if len(page) < 5000 or page[-1].seq <= seq:
                    return rows, len(page) == 5000
                before = page[-1].seq

        self.pending = True

        def arrived(result: tuple[list[AuditEntry], bool]) -> None:
            self._arrived(generation, result, False)
            done(self.row_of(seq))

        Op(self, self.state.worker, fetch).success(arrived).failure(
            lambda exc: (self._failed(generation, exc), done(None))
        ).run(self.state.ctx)

    def set_broken(self, seq: int | None) -> None:
        self.broken_seq = seq
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.COLUMNS) - 1))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "seq": translate("AuditModel", "No."),
            "at": translate("AuditModel", "Time"),
            "actor": translate("AuditModel", "Actor"),
            "action": translate("AuditModel", "Action"),
            "entity": translate("AuditModel", "Entity"),
            "entity_id": translate("AuditModel", "Entity ID"),
            "detail": translate("AuditModel", "Details"),
        }[self.COLUMNS[section]]

    def value(self, e: AuditEntry, column: str) -> str:
        if column == "seq":
            mark = "✗ " if e.seq == self.broken_seq else ""
            return f"{mark}{e.seq}"
        if column == "at":
            return local_datetime(e.at, self.lang)
        if column == "action":
            return action_labels().get(e.action, e.action)
        if column == "entity":
            return entity_labels().get(e.entity, e.entity)
        if column == "detail":
            return audit_detail(e)
        return str(getattr(e, column) or "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell(self.value(e, column))
        if role == Qt.ItemDataRole.ToolTipRole:
            if e.seq == self.broken_seq:
                return translate("AuditModel", "The chain breaks at this entry")
            text = self.value(e, column)
            return plain_tooltip(text) if text else None
        if role == ROW_ROLE:
            return e
        if e.seq == self.broken_seq:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(OVERDUE_RED))
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor("#fde8e8"))
        return None


# --- archived reports ------------------------------------------------------------------------------------------


def signer_line(listing: ReportListing) -> str:
    sigs = listing.report.signatures
    if not sigs:
        return listing.report.signer or translate("ReportsModel", "unsigned")
    roles = {"assessor": translate("ReportsModel", "assessor"), "dpo": translate("ReportsModel", "DPO")}
    return "; ".join(f"{s.signer} ({roles.get(s.role, s.role)})" if s.role else s.signer for s in sigs)


class ReportsModel(_ListModel):
    COLUMNS = ("report_id", "assessment", "version", "language", "created", "retain_until", "signers")

    def __init__(self, lang: str = "zh", parent: QObject | None = None) -> None:
        super().__init__(lang, parent)
        self.rows: list[ReportListing] = []
        self.today: date | None = None  # retention that has ended is marked (in words and colour)

    def set_rows(self, rows: Sequence[ReportListing], today: date | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.today = today
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.beginResetModel()
        self.endResetModel()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "report_id": translate("ReportsModel", "Report ID"),
            "assessment": translate("ReportsModel", "Assessment"),
            "version": translate("ReportsModel", "Version"),
            "language": translate("ReportsModel", "Language"),
            "created": translate("ReportsModel", "Archived"),
            "retain_until": translate("ReportsModel", "Keep until"),
            "signers": translate("ReportsModel", "Signers"),
        }[self.COLUMNS[section]]

    def expired(self, row: ReportListing) -> bool:
        return self.today is not None and row.report.retain_until < self.today.isoformat()

    def value(self, row: ReportListing, column: str) -> str:
        r = row.report
        if column == "report_id":
            return r.report_id
        if column == "assessment":
            return row.system or row.title or row.assessment_id
        if column == "version":
            return f"v{row.version}"
        if column == "language":
            return {"zh": "中文", "en": "English"}.get(r.language, r.language) or "—"
        if column == "created":
            return local_datetime(r.created_at, self.lang)
        if column == "retain_until":
            text = local_date(r.retain_until, self.lang)
            return text + gap(self.lang) + translate("ReportsModel", "(ended)") if self.expired(row) else text
        return signer_line(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell(self.value(row, column))
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.value(row, column))
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            r = row.report
            return {"version": row.version, "created": r.created_at, "retain_until": r.retain_until}.get(
                column, self.value(row, column).casefold()
            )
        if role == Qt.ItemDataRole.ForegroundRole and column == "retain_until" and self.expired(row):
            return QBrush(QColor(OVERDUE_RED))
        return None


# --- the filing tracker ------------------------------------------------------------------------------------------


def clock_words(clock: dict[str, Any], lang: str) -> str:
    """A clock's state in words with its icon: '✗ Overdue by 27 calendar days: the deadline was 6 Nov 2026.'"""
    state = clock["status"]
    due = iso_day(clock["deadline"], lang)
    if clock.get("estimated"):
        due += gap(lang) + translate("ClockWords", "(estimate)")
    late, left = clock.get("days_overdue") or 0, clock.get("workdays_left") or 0
    if state == "done":
        text = translate("ClockWords", "Done on time (deadline %2).")
    elif state == "done_late":
        text = (
            translate("ClockWords", "Done late: 1 calendar day after the deadline of %2.")
            if late == 1
            else translate("ClockWords", "Done late: %1 calendar days after the deadline of %2.")
        )
    elif state == "overdue":
        text = (
            translate("ClockWords", "Overdue by 1 calendar day: the deadline was %2.")
            if late == 1
            else translate("ClockWords", "Overdue by %1 calendar days: the deadline was %2.")
        )
    elif state == "due_soon":
        text = (
            translate("ClockWords", "Due soon: 1 working day left, by %2.")
            if left == 1
            else translate("ClockWords", "Due soon: %1 working days left, by %2.")
        )
    else:
        text = (
            translate("ClockWords", "Due in 1 working day, by %2.")
            if left == 1
            else translate("ClockWords", "Due in %1 working days, by %2.")
        )
    n = late if state in ("overdue", "done_late") else left
    return f"{STATE_ICON.get(state, '')} " + text.replace("%1", str(n)).replace("%2", due)


def clock_colour(clock: dict[str, Any] | None) -> str | None:
    return STATE_COLOUR.get(clock["status"]) if clock else None


class CountsModel(_ListModel):
    COLUMNS = ("counted_on", "stored_count", "note")

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        super().set_rows(list(reversed(rows)))  # newest first

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            translate("CountsModel", "Counted on"),
            translate("CountsModel", "Stored (de-duplicated)"),
            translate("CountsModel", "Note"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "counted_on":
                return iso_day(row["counted_on"], self.lang)
            if column == "stored_count":
                from pia_wizard.ui.editors import locale_for

                mark = "  ≥ 100,000" if row["stored_count"] >= 100_000 else ""
                return locale_for(self.lang).toString(row["stored_count"]) + mark
            return cell(row["note"])
        if role == Qt.ItemDataRole.ToolTipRole and column == "note" and row["note"]:
            return plain_tooltip(row["note"])
        if role == ROW_ROLE:
            return row
        return None


def event_kind(kind: str) -> str:
    return translate("EventsModel", "Change filing") if kind == "change" else translate("EventsModel", "Cancellation")


def event_state(ev: dict[str, Any], lang: str) -> str:
    if ev.get("withdrawn_reason"):
        return translate("EventsModel", "Withdrawn: %1").replace("%1", ev["withdrawn_reason"])
    if ev.get("clock"):
        return clock_words(ev["clock"], lang)
    note = ev.get("not_in_force")
    return note[lang] if note else translate("EventsModel", "no clock")


class EventsModel(_ListModel):
    COLUMNS = ("kind", "event_on", "description", "state", "done", "disposed")

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            translate("EventsModel", "Event"),
            translate("EventsModel", "Date"),
            translate("EventsModel", "Description"),
            translate("EventsModel", "State"),
            translate("EventsModel", "Done"),
            translate("EventsModel", "Facial data disposed of"),
        )[section]

    def value(self, ev: dict[str, Any], column: str) -> str:
        if column == "kind":
            return event_kind(ev["kind"])
        if column == "event_on":
            return iso_day(ev["event_on"], self.lang)
        if column == "description":
            return ev["description"] or ""
        if column == "state":
            return event_state(ev, self.lang)
        if column == "done":
            return " ".join(x for x in (iso_day(ev["done_on"], self.lang), ev.get("reference") or "") if x)
        if ev["kind"] != "cancellation":
            return "—"
        if ev["disposed_on"]:
            return " ".join(x for x in (iso_day(ev["disposed_on"], self.lang), ev.get("disposal_note") or "") if x)
        return translate("EventsModel", "not recorded yet")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        ev = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell(self.value(ev, column))
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.value(ev, column)
            return plain_tooltip(text) if text else None
        if role == ROW_ROLE:
            return ev
        if role == Qt.ItemDataRole.ForegroundRole and column == "state" and not ev.get("withdrawn_reason"):
            colour = clock_colour(ev.get("clock"))
            return QBrush(QColor(colour)) if colour else None
        return None


class MaterialsModel(_ListModel):
    COLUMNS = ("label", "status", "note", "file", "report")

    def __init__(self, lang: str = "zh", parent: QObject | None = None) -> None:
        super().__init__(lang, parent)
        self.report_names: dict[int, str] = {}  # archive id -> report ID

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                translate("MaterialsModel", "Material"),
                translate("MaterialsModel", "State"),
                translate("MaterialsModel", "Note"),
                translate("MaterialsModel", "Attached file"),
                translate("MaterialsModel", "Linked report"),
            )[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def value(self, m: dict[str, Any], column: str) -> str:
        if column == "label":
            return m["label_zh"] if self.lang == "zh" else m["label_en"]
        if column == "status":
            icon = {"missing": "✗", "in_progress": "◷", "ready": "✓", "submitted": "✓", "not_applicable": "–"}
            return f"{icon.get(m['status'], '')} {MATERIAL_STATUS_LABELS[m['status']].get(self.lang)}"
        if column == "note":
            return m["note"] or ""
        if column == "file":
            return f"{m['file_name']} (SHA-256 {m['file_sha256'][:12]}…)" if m["file_name"] else ""
        if m["report_id"] is None:
            return ""
        return self.report_names.get(m["report_id"], translate("MaterialsModel", "archived report"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell(self.value(m, column))
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.value(m, column)
            return plain_tooltip(text) if text else None
        if role == ROW_ROLE:
            return m
        if role == Qt.ItemDataRole.ForegroundRole and column == "status" and m["status"] == "missing":
            return QBrush(QColor(OVERDUE_RED))
        return None
