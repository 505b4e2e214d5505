"""The archive's use cases for the CLI and the GUI: the register of processing records, the audit log, the Art. 15
filing tracker, purge, the archived reports, and what the demo keeps in the archive.

Every function takes the AppContext, returns dataclasses and raises only ServiceErrors. The long ones (records
export and import, audit verify) are also jobs (``prepare_*``): the input is checked first, then ``run(progress,
cancel)`` reports progress per chunk of rows or entries and stops on a cancel, through the progress hooks of the
store and ``sqlite3.Connection.interrupt`` for a statement that is running. A cancelled export leaves no file, a
cancelled import imports nothing (it is one transaction), a cancelled verify just stops.
"""

from __future__ import annotations

import io
import os
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field
from dataclasses import fields as dataclass_fields
from datetime import date
from pathlib import Path
from typing import BinaryIO, cast

from pia_wizard.context import AppContext
from pia_wizard.core.assessment import Assessment
from pia_wizard.core.bank import Text
from pia_wizard.core.engine import Evaluation
from pia_wizard.core.labels import column_label, option_label
from pia_wizard.services import files
from pia_wizard.services.assessments import evaluation_dict, open_archive
from pia_wizard.services.errors import BadInput, Cancelled, OutputRefused, ServiceError
from pia_wizard.services.jobs import CancelToken, Job, ProgressFn, Steps
from pia_wizard.store import Immutable, InvalidInput, values
from pia_wizard.store import assessments as store_assessments
from pia_wizard.store import audit as store_audit
from pia_wizard.store import filing as store_filing
from pia_wizard.store import purge as store_purge
from pia_wizard.store import records as store_records
from pia_wizard.store import reports as store_reports
from pia_wizard.store.db import Store

JsonDict = dict[str, object]
CSV_FILE = Text("CSV 文件", "CSV file")
RECORDS_FILE = Text("CSV 或 JSON 文件", "CSV or JSON file")
EXPORTING = Text("导出处理情况记录", "Exporting processing records")
IMPORTING = Text("导入处理情况记录", "Importing processing records")
VERIFYING = Text("核验审计日志", "Verifying the audit log")
EXPORT_FORMATS = ("csv", "json")


# --- the archive's vocabulary, as data for the front ends ----------------------------------------------------------

@dataclass(frozen=True)
class RecordField:
    name: str
    label: Text
    required: bool
    kind: str  # text | date | count | ref


# The fields of a processing record (GB/T 35273-2020 11.3), in table and CSV order.
RECORD_FIELDS: tuple[RecordField, ...] = tuple(
    RecordField(f.name, Text(f.zh, f.en), f.required, f.kind) for f in store_records.FIELDS)
RECORD_FIELD_LABELS: dict[str, Text] = {f.name: f.label for f in RECORD_FIELDS}
RECORD_RETENTION_YEARS = store_records.RETENTION_YEARS
MATERIAL_STATUS_LABELS: dict[str, Text] = {k: Text(*v) for k, v in store_filing.STATUS_LABELS.items()}
MATERIAL_LABELS: dict[str, Text] = {k: Text(*v) for k, v in store_filing.MATERIAL_LABELS.items()}
FILING_EVENT_KINDS = store_filing.EVENT_KINDS


# --- opening the archive ---------------------------------------------------------------------------------------

@contextmanager
def _archive(ctx: AppContext, frame: str | None = None) -> Iterator[Store]:
    with open_archive(ctx, frame) as store:
        yield cast(Store, store)


@contextmanager
def _interruptible(ctx: AppContext, cancel: CancelToken) -> Iterator[Store]:
    """The archive for a job: a cancel interrupts the SQLite statement under way (``Connection.interrupt`` may be
    called from any thread), and whatever error the interrupted work raises becomes ``Cancelled``."""
    cancel.check()
    try:
        with _archive(ctx) as store:
            conn = store.conn

            def interrupt() -> None:
                with suppress(sqlite3.Error):  # the job closed the connection meanwhile: nothing left to stop
                    conn.interrupt()

            remove = cancel.on_cancel(interrupt)
            try:
                yield store
            finally:
                remove()
    except ServiceError:
        if cancel.cancelled:
            raise Cancelled() from None
        raise


def _hook(steps: Steps) -> Callable[[int, int | None], None]:
    """The store's per-chunk progress callback: report, then stop here if the job was cancelled."""
    def hook(done: int, total: int | None) -> None:
        steps.within(done, total)
        steps.cancel.check()

    return hook


# --- processing records ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Record:
    """One processing record as stored (field order = the export's columns)."""

    id: int
    record_date: str
    system: str
    assessment_id: str | None
    pi_types: str
    quantity: int
    sources: str
    purposes: str
    scenarios: str
    entrusted_processing: str
    sharing: str
    transfer: str
    public_disclosure: str
    cross_border: str
    related_systems: str
    related_organisations: str
    related_staff: str
    note: str
    retain_until: str
    created_at: str
    created_by: str

    def as_dict(self) -> JsonDict:
        return asdict(self)


def _record(row: Mapping[str, object]) -> Record:
    return Record(**row)  # type: ignore[arg-type]


@dataclass(frozen=True)
class RecordFilters:
    system: str | None = None
    date_from: str | None = None  # YYYY-MM-DD, inclusive
    date_to: str | None = None
    search: str | None = None  # text in any descriptive field
    assessment_id: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return asdict(self)


def _check_filters(filters: RecordFilters) -> None:
    for name in ("date_from", "date_to"):
        value = getattr(filters, name)
        if value:
            try:
                values.iso_date(value)
            except ValueError as exc:
                raise BadInput("bad_value", detail=f"{name}: {exc}") from None


@dataclass(frozen=True)
class RecordPage:
    rows: list[Record]
    has_more: bool
    total: int | None  # all matches (None when not counted)
    page: int
    limit: int

    @property
    def first(self) -> int:
        """The 1-based position of the first row of the page."""
        return (self.page - 1) * self.limit + 1


def add_record(ctx: AppContext, fields: Mapping[str, object]) -> Record:
    """Add one record (validated; audited with the full record). ``retain_until`` defaults to the minimum."""
    with _archive(ctx) as store:
        return _record(store_records.add(store, dict(fields)))


def list_records(ctx: AppContext, filters: RecordFilters | None = None, *, page: int = 1, limit: int = 50,
                 with_total: bool = True) -> RecordPage:
    """A page of records, newest first. ``with_total`` also counts all matches (skip it for a first paint)."""
    filters = filters or RecordFilters()
    if page < 1 or limit < 1:
        raise BadInput("bad_value", detail="page and limit must be 1 or more")
    with _archive(ctx) as store:
        p = store_records.list_page(store, **filters.as_dict(), limit=limit, offset=(page - 1) * limit,
                                    with_total=with_total)
    return RecordPage([_record(r) for r in p.rows], p.has_more, p.total, page, limit)


def get_record(ctx: AppContext, record_id: int) -> Record:
    with _archive(ctx) as store:
        return _record(store_records.get(store, record_id))


def retain_record(ctx: AppContext, record_id: int, until: str | date) -> Record:
    """Keep a record longer (retain_until can only grow; audited)."""
    with _archive(ctx) as store:
        return _record(store_records.update(store, record_id, {"retain_until": until}))


def delete_record(ctx: AppContext, record_id: int) -> None:
    """Always refused: before retain_until by the archive (and the refusal is audited), after it only purge
    removes records. Raises ArchiveRefused naming which."""
    with _archive(ctx) as store:
        store_records.delete(store, record_id)


@dataclass(frozen=True)
class ExportSummary:
    format: str
    rows: int
    sha256: str  # of the bytes written
    destination: str  # as recorded in the audit log
    filters: dict[str, str]
    path: Path | None = None  # the file written (None: a stream or memory)
    data: bytes | None = None  # the export itself, when it was made in memory


class RecordsExport:
    """The records export as a job (``prepare_records_export``)."""

    title = EXPORTING

    def __init__(self, ctx: AppContext, fmt: str, dest: Path | None, stream: BinaryIO | None, destination: str,
                 filters: RecordFilters) -> None:
        self.ctx, self.fmt, self.dest, self.stream = ctx, fmt, dest, stream
        self.destination, self.filters = destination, filters

    def run(self, progress: ProgressFn | None = None, cancel: CancelToken | None = None) -> ExportSummary:
        steps: Steps = Steps({"rows": (1.0, EXPORTING)}, progress, cancel)
        steps.start("rows")
        memory = io.BytesIO() if self.dest is None and self.stream is None else None
        writer = files.AtomicWriter(self.dest) if self.dest is not None else None
        out = cast(BinaryIO, writer if writer is not None else self.stream if self.stream is not None else memory)
        try:
            with _interruptible(self.ctx, steps.cancel) as store:
                summary = store_records.export(store, self.fmt, out, destination=self.destination,
                                               progress=_hook(steps), **self.filters.as_dict())
        except BaseException as exc:
            if writer is not None:
                writer.discard()
            if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):
                raise OutputRefused("output_write_failed", path=self.dest or self.destination,
                                    detail=exc.strerror or exc) from None
            raise
        # The export is audited by now: a cancel that comes later is too late, and the file is kept.
        if writer is not None:
            writer.commit()
        steps.finish()
        return ExportSummary(summary["format"], summary["rows"], summary["sha256"], summary["destination"],
                             dict(summary["filters"]), self.dest, memory.getvalue() if memory is not None else None)


def prepare_records_export(ctx: AppContext, fmt: str, out: str | os.PathLike[str] | BinaryIO | None,
                           filters: RecordFilters | None = None, *, overwrite: bool = True,
                           destination: str = "stdout") -> Job[ExportSummary]:
    """Export the (matching) records as CSV (UTF-8 with BOM, for Excel) or JSON; the export is audited with its row
    count and SHA-256. ``out``: a file (checked now by the output guard, written atomically: a failed or cancelled
    export leaves nothing), a writable binary stream (``destination`` names it in the audit log), or None to get
    the bytes in ``ExportSummary.data``."""
    if fmt not in EXPORT_FORMATS:
        raise BadInput("export_format", fmt=fmt)
    filters = filters or RecordFilters()
    _check_filters(filters)
    if out is None:
        return RecordsExport(ctx, fmt, None, None, "memory", filters)
    if isinstance(out, (str, os.PathLike)):
        dest = files.check_output(out, data_dir=ctx.data_dir, overwrite=overwrite)
        return RecordsExport(ctx, fmt, dest, None, str(dest), filters)
    return RecordsExport(ctx, fmt, None, out, destination, filters)


def export_records(ctx: AppContext, fmt: str, out: str | os.PathLike[str] | BinaryIO | None,
                   filters: RecordFilters | None = None, *, overwrite: bool = True,
                   destination: str = "stdout") -> ExportSummary:
    """``prepare_records_export(...).run()``: the export in the caller's thread, without progress."""
    return prepare_records_export(ctx, fmt, out, filters, overwrite=overwrite, destination=destination).run()


@dataclass(frozen=True)
class ImportSummary:
    rows: int
    first_id: int | None
    last_id: int | None
    rows_sha256: str  # digest of the imported rows (store.records.rows_digest recomputes it)
    created_at: str
    retain_until_default: str
    source: str | None  # the file's name
    source_sha256: str | None


def _import_summary(raw: Mapping[str, object]) -> ImportSummary:
    return ImportSummary(**{f.name: raw.get(f.name) for f in dataclass_fields(ImportSummary)})  # type: ignore[arg-type]


class RecordsImport:
    """The CSV import as a job (``prepare_records_import``)."""

    title = IMPORTING

    def __init__(self, ctx: AppContext, path: Path) -> None:
        self.ctx, self.path = ctx, path

    def run(self, progress: ProgressFn | None = None, cancel: CancelToken | None = None) -> ImportSummary:
        steps: Steps = Steps({"rows": (1.0, IMPORTING)}, progress, cancel)
        steps.start("rows")
        read = store_records.import_json if self.path.suffix.lower() == ".json" else store_records.import_csv
        with _interruptible(self.ctx, steps.cancel) as store:
            raw = read(store, self.path, progress=_hook(steps))
        steps.finish()
        return _import_summary(raw)


def prepare_records_import(ctx: AppContext, csv_path: str | os.PathLike[str]) -> Job[ImportSummary]:
    """Import a CSV file (the export's columns or their Chinese labels) in one transaction: all rows or none. Bad
    rows raise BadInput with ``problems`` = [(line, reason), ...] for every one of them. A file named ``*.json`` is
    read as the JSON export's array of objects; its problems are numbered by the record's position in the array."""
    json_file = Path(csv_path).suffix.lower() == ".json"
    return RecordsImport(ctx, files.check_readable(csv_path, what=RECORDS_FILE if json_file else CSV_FILE))


def import_records(ctx: AppContext, csv_path: str | os.PathLike[str]) -> ImportSummary:
    return prepare_records_import(ctx, csv_path).run()


# --- the audit log -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class AuditCheck:
    ok: bool
    entries: int  # intact entries (before the broken one)
    head_seq: int | None
    head_hash: str | None
    broken_seq: int | None
    problem: str | None
    database: str


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: str
    before: str | None  # JSON text
    after: str | None
    prev_hash: str
    hash: str


class AuditVerify:
    """Walking the hash chain as a job (``prepare_audit_verify``)."""

    title = VERIFYING

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def run(self, progress: ProgressFn | None = None, cancel: CancelToken | None = None) -> AuditCheck:
        steps: Steps = Steps({"entries": (1.0, VERIFYING)}, progress, cancel)
        steps.start("entries")
        with _interruptible(self.ctx, steps.cancel) as store:
            r = store_audit.verify(store.conn, progress=_hook(steps))
            database = str(store.path)
        steps.finish()
        return AuditCheck(r.ok, r.entries, r.head_seq, r.head_hash, r.broken_seq, r.problem, database)


def prepare_audit_verify(ctx: AppContext) -> Job[AuditCheck]:
    """Walk the audit chain from the first entry and name the first broken link (``ok`` False: not an error)."""
    return AuditVerify(ctx)


def verify_audit(ctx: AppContext) -> AuditCheck:
    return prepare_audit_verify(ctx).run()


def audit_entries(ctx: AppContext, *, entity: str | None = None, entity_id: str | None = None,
                  limit: int = 20, before_seq: int | None = None, search: str | None = None) -> list[AuditEntry]:
    """The newest entries first, optionally of one entity (kind and id); ``before_seq`` pages back to older
    entries, ``search`` keeps the entries whose text holds it."""
    if limit < 1:
        raise BadInput("bad_value", detail="limit must be 1 or more")
    with _archive(ctx) as store:
        rows = store_audit.entries(store.conn, entity=entity, entity_id=entity_id, limit=limit,
                                   before_seq=before_seq, search=search)
    return [AuditEntry(**r) for r in rows]


# --- the filing tracker (PIPL/FRT Measures Art. 15) ----------------------------------------------------------------

@dataclass(frozen=True)
class FilingStatus:
    processor: str
    today: str
    overdue: bool  # a clock is overdue (`filing status` exits 1)
    data: JsonDict  # everything the tracker shows, JSON-ready: counts, threshold, filing, events, materials, ...


@dataclass(frozen=True)
class StoredCount:
    processor: str
    counted_on: str
    stored_count: int


@dataclass(frozen=True)
class FilingEventChange:
    id: int
    done_on: str | None = None
    reference: str | None = None
    disposed_on: str | None = None
    disposal_note: str | None = None
    withdrawn_reason: str | None = None


@dataclass(frozen=True)
class MaterialChange:
    item: str  # the full id, FILING-15-FILE-...
    status: str | None = None
    note: str | None = None
    file_name: str | None = None
    file_sha256: str | None = None
    report_id: int | None = None  # the archive id of a linked report


def filing_processors(ctx: AppContext) -> list[str]:
    with _archive(ctx) as store:
        return store_filing.processors(store)


def filing_status(ctx: AppContext, processor: str | None = None) -> FilingStatus:
    """The tracker of ``processor`` (default: the only one tracked) as of the context's day."""
    with _archive(ctx) as store:
        data = store_filing.status(store, store_filing.resolve(store, processor), ctx.fixed_today)
    return FilingStatus(data["processor"], data["today"], bool(data["overdue"]), data)


def log_stored_count(ctx: AppContext, count: int | str, on: str | date, *, processor: str | None = None,
                     note: str = "") -> StoredCount:
    """The de-duplicated stored count on a day (a second entry for the same day corrects the first)."""
    with _archive(ctx) as store:
        r = store_filing.record_count(store, processor or store_filing.resolve(store, None), on, count, note)
    return StoredCount(r["processor"], r["counted_on"], r["stored_count"])


def set_threshold_reached(ctx: AppContext, on: str | date | None, *, processor: str | None = None) -> str:
    """The exact day the count first reached 100,000 (None: derive it from the count log again). Returns the
    processor."""
    with _archive(ctx) as store:
        name = store_filing.resolve(store, processor)
        store_filing.set_reached(store, name, on)
    return name


def record_filing(ctx: AppContext, on: str | date, number: str, authority: str = "", *,
                  processor: str | None = None) -> str:
    """The filing was made: its date, number and authority. Returns the processor."""
    with _archive(ctx) as store:
        name = store_filing.resolve(store, processor)
        store_filing.record_filing(store, name, on, number, authority)
    return name


def add_filing_event(ctx: AppContext, kind: str, on: str | date, description: str = "", *,
                     processor: str | None = None) -> int:
    """A substantive change or the end of FRT use (``FILING_EVENT_KINDS``), each with its 30-working-day clock.
    Returns the event's id."""
    with _archive(ctx) as store:
        return store_filing.add_event(store, store_filing.resolve(store, processor), kind, on, description)


def _event_change(ctx: AppContext, event_id: int, **changes: object) -> FilingEventChange:
    with _archive(ctx) as store:
        r = store_filing.update_event(store, event_id, **changes)  # type: ignore[arg-type]
    return FilingEventChange(**r)


def filing_event_done(ctx: AppContext, event_id: int, on: str | date,
                      reference: str | None = None) -> FilingEventChange:
    """The change filing / cancellation of an event was made."""
    return _event_change(ctx, event_id, done_on=on, reference=reference)


def filing_event_disposed(ctx: AppContext, event_id: int, on: str | date,
                          how: str | None = None) -> FilingEventChange:
    """The facial data was disposed of after a cancellation (``how``: method, evidence)."""
    return _event_change(ctx, event_id, disposed_on=on, disposal_note=how)


def withdraw_filing_event(ctx: AppContext, event_id: int, reason: str) -> FilingEventChange:
    """Withdraw an event entered by mistake (events are never deleted)."""
    return _event_change(ctx, event_id, withdrawn_reason=reason)


def set_filing_material(ctx: AppContext, item: str, *, status: str | None = None, note: str | None = None,
                        file: str | os.PathLike[str] | None = None, report: int | None = None,
                        processor: str | None = None) -> MaterialChange:
    """Update an item of the materials checklist (``item``: e.g. pipia-report, or the full id); ``file`` attaches a
    copy of the document, ``report`` links an archived report by its archive id."""
    with _archive(ctx) as store:
        r = store_filing.set_material(store, store_filing.resolve(store, processor), item, status=status, note=note,
                                      file=file, report_pk=report)
    return MaterialChange(**r)


def extract_filing_attachment(ctx: AppContext, item: str, out: str | os.PathLike[str], *,
                              processor: str | None = None, overwrite: bool = True) -> Path:
    """Write the file attached to a materials item (refused inside the data folder, written atomically)."""
    dest = files.check_output(out, data_dir=ctx.data_dir, overwrite=overwrite)
    with _archive(ctx) as store:
        _name, data = store_filing.attachment(store, store_filing.resolve(store, processor), item)
    return files.write_atomic(dest, data)


# --- purge -------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PurgeReport:
    id: int
    report_id: str
    sha256: str
    retain_until: str


@dataclass(frozen=True)
class PurgePlan:
    """What is past its retain_until date; ``purge`` deletes only what is in the plan and still expired."""

    reports: tuple[PurgeReport, ...] = ()
    record_ids: tuple[int, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.reports and not self.record_ids


@dataclass(frozen=True)
class PurgeResult:
    reports: int
    records: int


def purge_plan(ctx: AppContext) -> PurgePlan:
    with _archive(ctx) as store:
        p = store_purge.plan(store)
    return PurgePlan(tuple(PurgeReport(**r) for r in p.reports), tuple(p.record_ids))


def purge(ctx: AppContext, plan: PurgePlan) -> PurgeResult:
    """Delete what the user confirmed (the plan), audited, with the freed pages zeroed."""
    confirmed = store_purge.Plan([asdict(r) for r in plan.reports], list(plan.record_ids))
    with _archive(ctx) as store:
        done = store_purge.execute(store, confirmed)
    return PurgeResult(done["reports"], done["records"])


# --- archived reports ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReportSignatureInfo:
    position: int
    signer: str
    role: str
    organisation: str
    cert_fingerprint: str
    self_signed: bool
    signed_at: str


@dataclass(frozen=True)
class ArchivedReport:
    id: int  # the archive id
    report_id: str
    version_id: int
    language: str
    sha256: str
    size: int
    signed: bool
    signer: str | None
    cert_fingerprint: str | None
    created_at: str
    created_by: str
    retain_until: str
    signatures: tuple[ReportSignatureInfo, ...] = ()  # filled by get_report and retain_report


def _report(row: Mapping[str, object]) -> ArchivedReport:
    data = dict(row)
    sigs = cast(list[dict[str, object]], data.pop("signatures", None) or [])
    data["signed"] = bool(data["signed"])
    signatures = tuple(ReportSignatureInfo(**{**s, "self_signed": bool(s["self_signed"])})  # type: ignore[arg-type]
                       for s in sigs)
    return ArchivedReport(**data, signatures=signatures)  # type: ignore[arg-type]


def list_reports(ctx: AppContext) -> list[ArchivedReport]:
    with _archive(ctx) as store:
        return [_report(r) for r in store_reports.list_reports(store)]


@dataclass(frozen=True)
class ReportListing:
    """An archived report with what a list shows beside it: the assessment and version it was issued from, and
    its signatures."""

    report: ArchivedReport
    assessment_id: str
    version: int
    system: str
    title: str


def list_report_listings(ctx: AppContext) -> list[ReportListing]:
    with _archive(ctx) as store:
        out = []
        for row in store_reports.list_reports(store):
            full = _report(store_reports.get(store, row["id"]))
            v = store_assessments.get_version(store, full.version_id)
            a = store.conn.execute("SELECT system, title FROM assessments WHERE id = ?",
                                   (v["assessment_id"],)).fetchone()
            out.append(ReportListing(full, v["assessment_id"], v["version"], a[0] if a else "", a[1] if a else ""))
        return out


def get_report(ctx: AppContext, archive_id: int) -> ArchivedReport:
    with _archive(ctx) as store:
        return _report(store_reports.get(store, archive_id))


def report_pdf(ctx: AppContext, archive_id: int) -> bytes:
    """The archived PDF exactly as issued."""
    with _archive(ctx) as store:
        return store_reports.pdf_bytes(store, archive_id)


def extract_report(ctx: AppContext, archive_id: int, out: str | os.PathLike[str], *, overwrite: bool = True) -> Path:
    """Write an archived PDF to a file: refused before reading it if the output is a folder, a device, inside the
    data folder (...), written atomically."""
    dest = files.check_output(out, data_dir=ctx.data_dir, overwrite=overwrite)
    return files.write_atomic(dest, report_pdf(ctx, archive_id))


def retain_report(ctx: AppContext, archive_id: int, until: str | date) -> ArchivedReport:
    """Keep a report longer (retain_until can only grow; audited)."""
    with _archive(ctx) as store:
        return _report(store_reports.extend_retention(store, archive_id, until))


def delete_report(ctx: AppContext, archive_id: int) -> None:
    """Always refused: before retain_until by the archive (audited), after it only purge removes reports."""
    with _archive(ctx) as store:
        store_reports.delete(store, archive_id)


# --- from an assessment: the demo's record and filing state ---------------------------------------------------------

def _unique(items: list[str]) -> list[str]:
    return [x for i, x in enumerate(items) if x and x not in items[:i]]


def record_from_assessment(a: Assessment, today: date) -> dict[str, str | int]:
    """A processing record (GB/T 35273 11.3 fields) summarising the assessment's data mapping."""
    lang = a.language if a.language in ("zh", "en") else "zh"
    sep = "；" if lang == "zh" else "; "
    ans = a.answers
    activities = ans.get("mapping.activities") or []
    lifecycle = ans.get("mapping.lifecycle") or []
    systems = ans.get("mapping.systems") or []
    parties = ans.get("sharing.parties") or []
    see = f"见评估 {a.id}" if lang == "zh" else f"see assessment {a.id}"
    none = "无" if lang == "zh" else "none"
    pi_types = _unique([column_label("mapping.activities", "pi_types", t, lang)
                        for act in activities for t in act.get("pi_types") or []])
    sources = _unique([column_label("mapping.lifecycle", "source", row.get("source"), lang)
                       for row in lifecycle if row.get("source")])
    entrusted = _unique([act.get("entrusted", "") for act in activities]
                        + [p.get("name", "") for p in parties if p.get("role") == "entrusted"])
    shared = _unique([f"{p.get('name', '')}（{p.get('purpose', '')}）" if lang == "zh"
                      else f"{p.get('name', '')} ({p.get('purpose', '')})"
                      for p in parties if p.get("role") != "entrusted" and p.get("name")])
    disclosure = ans.get("sharing.public_disclosure")
    cross = ans.get("scope.cross_border")
    count = ans.get("filing.stored_count")
    record_date = a.assessment_date if a.assessment_date and a.assessment_date <= today.isoformat() else None
    return {
        "record_date": record_date or today.isoformat(),
        "system": str(a.system.get("name") or a.title or see),
        "assessment_id": a.id,
        "pi_types": ("、" if lang == "zh" else ", ").join(pi_types) or see,
        "quantity": int(count) if isinstance(count, (int, float)) and count >= 0 else 0,
        "sources": ("、" if lang == "zh" else ", ").join(sources) or see,
        "purposes": sep.join(_unique([act.get("purpose", "") for act in activities])) or see,
        "scenarios": sep.join(_unique([act.get("activity", "") for act in activities])) or see,
        "entrusted_processing": sep.join(entrusted) or none,
        "sharing": sep.join(shared) or none,
        "transfer": none,
        "public_disclosure": option_label("sharing.public_disclosure", disclosure, lang) if disclosure else "",
        "cross_border": option_label("scope.cross_border", cross, lang) if cross else "",
        "related_systems": sep.join(_unique([s.get("name", "") for s in systems])),
        "related_organisations": sep.join(_unique([str(a.processor.get("name") or ""),
                                                   str(a.system.get("vendor") or ""),
                                                   *[p.get("name", "") for p in parties]])),
        "related_staff": sep.join(_unique([s.get("operator", "") for s in systems])),
        "note": "由评估的数据映射生成" if lang == "zh" else "derived from the assessment's data mapping",
    }


@dataclass(frozen=True)
class FilingState:
    processor: str | None  # None: the assessment names no processor or no stored count
    warnings: list[str] = field(default_factory=list)  # answers the tracker refused, one line each


def _store_filing_state(store: Store, a: Assessment) -> FilingState:
    ans = a.answers
    name = str(a.processor.get("name") or "").strip()
    warnings: list[str] = []
    count = ans.get("filing.stored_count")
    if not name or count is None:
        return FilingState(None, warnings)
    today = store.today().isoformat()

    def attempt(what: str, fn: Callable[..., object], *args: object, **kwargs: object) -> object:
        try:
            return fn(*args, **kwargs)
        except InvalidInput as exc:
            warnings.append(f"{what}: {exc}")
            return None

    zh = a.language == "zh"
    counted_on = ans.get("filing.count_date") or a.assessment_date or today
    attempt("stored count", store_filing.record_count, store, name, counted_on, int(count),
            "来自评估" if zh else "from the assessment")
    if ans.get("filing.reached_on"):
        attempt("threshold date", store_filing.set_reached, store, name, ans["filing.reached_on"])
    if ans.get("filing.filed") == "yes" and ans.get("filing.filed_on") and ans.get("filing.number"):
        authority = option_label("filing.authority", ans["filing.authority"], "zh") if ans.get("filing.authority") \
            else ""
        attempt("filing", store_filing.record_filing, store, name, ans["filing.filed_on"], ans["filing.number"],
                authority)
        for m in store_filing.status(store, name)["materials"]:
            if m["status"] == "missing":
                attempt("materials", store_filing.set_material, store, name, m["item"], status="submitted",
                        note="随备案提交（来自评估）" if zh else "submitted with the filing")
    existing = {(e["kind"], e["event_on"]) for e in store_filing.status(store, name)["events"]}
    for kind, on_q, done_q in (("change", "filing.change_on", "filing.change_filed_on"),
                               ("cancellation", "filing.ended_on", "filing.cancelled_on")):
        day = ans.get(on_q)
        if not day or (kind, day) in existing:
            continue
        eid = attempt(f"{kind} event", store_filing.add_event, store, name, kind, day,
                      "来自评估" if zh else "from the assessment")
        if eid and ans.get(done_q):
            attempt(f"{kind} done", store_filing.update_event, store, eid, done_on=ans[done_q])
    return FilingState(name, warnings)


def store_filing_state(ctx: AppContext, a: Assessment) -> FilingState:
    """Carry the assessment's Art. 15 answers into the filing tracker (idempotent); answers the tracker refuses
    become warnings."""
    with _archive(ctx) as store:
        return _store_filing_state(store, a)


@dataclass(frozen=True)
class DemoStored:
    database: Path
    assessment_id: str
    version: int
    version_state: str
    record_id: int
    processor: str | None
    warnings: list[str]


def store_demo(ctx: AppContext, a: Assessment, evaluation: Evaluation | JsonDict) -> DemoStored:
    """What the demo keeps in the archive: the example with its findings (new, or into its draft; an approved
    version is left as it is), a processing record and the filing state. Run again, it adds nothing."""
    ev = evaluation_dict(a, evaluation) if isinstance(evaluation, Evaluation) else evaluation
    with _archive(ctx, "demo_refused") as store:
        try:
            version = store_assessments.save(store, a, ev)
        except Immutable:
            version = store_assessments.find_version(store, a.id)
        fields = record_from_assessment(a, store.today())
        rid = store_records.find_identical(store, fields)
        if rid is None:
            rid = store_records.add(store, fields)["id"]
        state = _store_filing_state(store, a)
        return DemoStored(store.path, a.id, version["version"], version["state"], rid, state.processor,
                          state.warnings)


__all__ = [
    "EXPORT_FORMATS", "FILING_EVENT_KINDS", "MATERIAL_LABELS", "MATERIAL_STATUS_LABELS", "RECORD_FIELDS",
    "RECORD_FIELD_LABELS", "RECORD_RETENTION_YEARS", "ArchivedReport", "AuditCheck", "AuditEntry", "DemoStored",
    "ExportSummary", "FilingEventChange", "FilingState", "FilingStatus", "ImportSummary", "MaterialChange",
    "PurgePlan", "PurgeReport", "PurgeResult", "Record", "RecordField", "RecordFilters", "RecordPage",
    "ReportListing", "ReportSignatureInfo", "StoredCount", "add_filing_event", "add_record", "audit_entries",
    "delete_record", "delete_report", "export_records", "extract_filing_attachment", "extract_report",
    "filing_event_disposed", "filing_event_done", "filing_processors", "filing_status", "get_record", "get_report",
    "import_records", "list_records", "list_report_listings", "list_reports", "log_stored_count",
    "prepare_audit_verify", "prepare_records_export", "prepare_records_import", "purge", "purge_plan",
    "record_filing", "record_from_assessment", "report_pdf", "retain_record", "retain_report", "set_filing_material",
    "set_threshold_reached", "store_demo", "store_filing_state", "verify_audit", "withdraw_filing_event",
]
