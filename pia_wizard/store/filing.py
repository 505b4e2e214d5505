"""The Art. 15 filing tracker: per processor, the stored-count log, the threshold date, the filing, change and
cancellation events, and the materials checklist. Every clock comes from ``pia_wizard.core.filing`` (PRC
working days, the same code the rules use); nothing here counts days itself."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from hashlib import sha256
from pathlib import Path
from typing import Any

from pia_wizard.core import filing as clocks
from pia_wizard.core.rules.filing import NEAR_THRESHOLD
from pia_wizard.core.workdays import Overrides
from pia_wizard.store import audit, values
from pia_wizard.store.db import Store
from pia_wizard.store.errors import InvalidInput, NotFound
from pia_wizard.store.schema import MATERIAL_ITEMS, MATERIAL_STATUSES

MAX_ATTACHMENT = 50 * 1024 * 1024
MATERIAL_LABELS = {
    "FILING-15-FILE-PROCESSOR-FORM": ("个人信息处理者基本情况表（电子版）",
                                      "Processor basic-information form (electronic)"),
    "FILING-15-FILE-FRT-FORM": ("人脸识别技术应用情况备案表（电子版）", "FRT application filing form (electronic)"),
    "FILING-15-FILE-PIPIA-REPORT": ("个人信息保护影响评估报告（电子版）", "PIPIA report (electronic)"),
    "FILING-15-FILE-USCC": ("统一社会信用代码证书原件或加盖公章的复印件扫描件",
                            "Unified social credit code certificate, scanned (original or sealed copy)"),
    "FILING-15-FILE-LEGALREP-ID": ("法定代表人或负责人身份证件扫描件", "ID of the legal representative, scanned"),
    "FILING-15-FILE-AGENT-ID": ("经办人身份证件扫描件", "ID of the agent (经办人), scanned"),
    "FILING-15-FILE-POA": ("加盖公章的经办人授权委托书扫描件", "Agent's power of attorney with company seal, scanned"),
    "FILING-15-FILE-COMMITMENT": ("加盖公章的承诺书扫描件", "Letter of commitment with company seal, scanned"),
}
STATUS_LABELS = {"missing": ("缺", "missing"), "in_progress": ("准备中", "in progress"), "ready": ("已备齐", "ready"),
                 "submitted": ("已提交", "submitted"), "not_applicable": ("不适用", "not applicable")}
EVENT_KINDS = ("change", "cancellation")


def _date(value: Any, what: str, today: date, *, future_ok: bool = False) -> str:
    try:
        text = values.iso_date(value)
    except ValueError as exc:
        raise InvalidInput(f"{what}: {exc}") from None
    if not future_ok and text > today.isoformat():
        raise InvalidInput(f"{what}: {text} is in the future")
    return text


def _text(value: Any, what: str, *, required: bool = False, max_len: int = 2000) -> str:
    try:
        return values.text(value, required=required, max_len=max_len)
    except ValueError as exc:
        raise InvalidInput(f"{what} {exc}") from None


# --- processors ------------------------------------------------------------------------------------------------

def processors(store: Store) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT name FROM processors ORDER BY name")]


def _processor_id(store: Store, name: str) -> int | None:
    row = store.conn.execute("SELECT id FROM processors WHERE name = ?", (name,)).fetchone()
    return row[0] if row else None


def resolve(store: Store, name: str | None) -> str:
    """The processor to act on: the one named, or the only one there is."""
    if name:
        return _text(name, "processor", required=True, max_len=300)
    names = processors(store)
    if len(names) == 1:
        return names[0]
    if not names:
        raise InvalidInput("no processor is tracked yet: record a stored count first, naming the processor")
    raise InvalidInput(f"{len(names)} processors are tracked ({', '.join(names[:5])}); name the processor")


def _ensure(store: Store, name: str) -> int:
    pid = _processor_id(store, name)
    if pid is not None:
        return pid
    now = store.timestamp()
    pid = store.conn.execute("INSERT INTO processors (name, created_at, created_by) VALUES (?, ?, ?)",
                             (name, now, store.actor)).lastrowid
    store.conn.execute("INSERT INTO filings (processor_id, updated_at, updated_by) VALUES (?, ?, ?)",
                       (pid, now, store.actor))
    store.conn.executemany(
        "INSERT INTO filing_materials (processor_id, item, updated_at, updated_by) VALUES (?, ?, ?, ?)",
        [(pid, item, now, store.actor) for item in MATERIAL_ITEMS])
    audit.append(store, audit.CREATE, "processor", name, after={"name": name, "materials": list(MATERIAL_ITEMS)})
    return pid


def _existing(store: Store, name: str) -> int:
    pid = _processor_id(store, name)
    if pid is None:
        raise NotFound(f"no tracked processor named {name!r}; record a stored count first")
    return pid


# --- writes ----------------------------------------------------------------------------------------------------

def record_count(store: Store, processor: str, counted_on: Any, stored_count: Any, note: str = "") -> dict[str, Any]:
    """Log the de-duplicated stored count on a day (a second entry for the same day corrects the first)."""
    name = _text(processor, "processor", required=True, max_len=300)
    day = _date(counted_on, "date of the count", store.today())
    try:
        n = values.count(stored_count)
    except ValueError as exc:
        raise InvalidInput(f"stored count: {exc}") from None
    note = _text(note, "note")
    with store.write():
        pid = _ensure(store, name)
        old = store.conn.execute("SELECT id, stored_count, note FROM filing_counts WHERE processor_id = ? AND "
                                 "counted_on = ?", (pid, day)).fetchone()
        entity_id = f"{name}/{day}"
        if old is None:
            store.conn.execute("INSERT INTO filing_counts (processor_id, counted_on, stored_count, note, created_at, "
                               "created_by) VALUES (?, ?, ?, ?, ?, ?)", (pid, day, n, note, store.timestamp(),
                                                                          store.actor))
            audit.append(store, audit.CREATE, "filing_count", entity_id, after={"stored_count": n, "note": note})
        elif (old[1], old[2]) != (n, note):
            store.conn.execute("UPDATE filing_counts SET stored_count = ?, note = ? WHERE id = ?", (n, note, old[0]))
            audit.append(store, audit.UPDATE, "filing_count", entity_id, before={"stored_count": old[1],
                                                                                 "note": old[2]},
                         after={"stored_count": n, "note": note})
    return {"processor": name, "counted_on": day, "stored_count": n}


def _update_filing(store: Store, name: str, changes: dict[str, Any]) -> None:
    with store.write():
        pid = _ensure(store, name)
        cols = tuple(changes)
        old = store.conn.execute(f"SELECT {', '.join(cols)} FROM filings WHERE processor_id = ?", (pid,)).fetchone()
        before = dict(zip(cols, old, strict=True))
        diff = {k: v for k, v in changes.items() if before[k] != v}
        if not diff:
            return
        store.conn.execute(
            f"UPDATE filings SET {', '.join(f'{k} = ?' for k in diff)}, updated_at = ?, updated_by = ? "
            "WHERE processor_id = ?", (*diff.values(), store.timestamp(), store.actor, pid))
        audit.append(store, audit.UPDATE, "filing", name, before={k: before[k] for k in diff}, after=diff)


def set_reached(store: Store, processor: str, reached_on: Any | None) -> None:
    """The day the stored count first reached 100,000, when known more exactly than the count log says
    (``None`` goes back to deriving it from the log)."""
    name = _text(processor, "processor", required=True, max_len=300)
    day = None if reached_on is None else _date(reached_on, "threshold date", store.today())
    _update_filing(store, name, {"reached_on": day})


def record_filing(store: Store, processor: str, filed_on: Any, number: str, authority: str = "") -> None:
    name = _text(processor, "processor", required=True, max_len=300)
    day = _date(filed_on, "filing date", store.today())
    changes = {"filed_on": day, "filing_number": _text(number, "filing number", required=True, max_len=200)}
    if authority:
        changes["authority"] = _text(authority, "authority", max_len=300)
    _update_filing(store, name, changes)


def add_event(store: Store, processor: str, kind: str, event_on: Any, description: str = "") -> int:
    """A substantive change (备案变更) or the end of FRT use (注销备案), each with its own 30-working-day clock."""
    if kind not in EVENT_KINDS:
        raise InvalidInput(f"unknown event kind {kind!r}; use change or cancellation")
    name = _text(processor, "processor", required=True, max_len=300)
    day = _date(event_on, "event date", store.today())
    description = _text(description, "description")
    with store.write():
        pid = _existing(store, name)
        now = store.timestamp()
        eid = store.conn.execute(
            "INSERT INTO filing_events (processor_id, kind, event_on, description, created_at, created_by, "
            "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (pid, kind, day, description, now, store.actor, now, store.actor)).lastrowid
        audit.append(store, audit.CREATE, "filing_event", eid,
                     after={"processor": name, "kind": kind, "event_on": day, "description": description})
    return eid


def update_event(store: Store, event_id: int, *, done_on: Any = None, reference: str | None = None,
                 disposed_on: Any = None, disposal_note: str | None = None,
                 withdrawn_reason: str | None = None) -> dict[str, Any]:
    """Record that the change filing / cancellation was made, that facial data was disposed of, or withdraw
    an event entered by mistake."""
    today = store.today()
    changes: dict[str, Any] = {}
    if done_on is not None:
        changes["done_on"] = _date(done_on, "done date", today)
    if reference is not None:
        changes["reference"] = _text(reference, "reference", max_len=200)
    if disposed_on is not None:
        changes["disposed_on"] = _date(disposed_on, "disposal date", today)
    if disposal_note is not None:
        changes["disposal_note"] = _text(disposal_note, "disposal note")
    if withdrawn_reason is not None:
        changes["withdrawn_reason"] = _text(withdrawn_reason, "withdrawal reason", required=True)
    if not changes:
        raise InvalidInput("nothing to record: give a done date, a reference, a disposal date or a withdrawal reason")
    with store.write():
        cols = ("kind", "event_on", *changes)
        row = store.conn.execute(f"SELECT {', '.join(cols)} FROM filing_events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            raise NotFound(f"no filing event with id {event_id}")
        current = dict(zip(cols, row, strict=True))
        if ("disposed_on" in changes or "disposal_note" in changes) and current["kind"] != "cancellation":
            raise InvalidInput(f"event {event_id} is a change; disposal of facial data belongs to a cancellation")
        for key in ("done_on", "disposed_on"):
            if key in changes and changes[key] < current["event_on"]:
                raise InvalidInput(f"{key.replace('_on', ' date')} {changes[key]} is before the event "
                                   f"({current['event_on']})")
        diff = {k: v for k, v in changes.items() if current[k] != v}
        if diff:
            store.conn.execute(
                f"UPDATE filing_events SET {', '.join(f'{k} = ?' for k in diff)}, updated_at = ?, updated_by = ? "
                "WHERE id = ?", (*diff.values(), store.timestamp(), store.actor, event_id))
            audit.append(store, audit.UPDATE, "filing_event", event_id, before={k: current[k] for k in diff},
                         after=diff)
    return {"id": event_id, **changes}


def set_material(store: Store, processor: str, item: str, *, status: str | None = None, note: str | None = None,
                 file: str | Path | None = None, report_pk: int | None = None) -> dict[str, Any]:
    """Update one checklist item; ``file`` attaches a copy of the document (kept in the database)."""
    name = _text(processor, "processor", required=True, max_len=300)
    item = _material_id(item)
    if status is not None and status not in MATERIAL_STATUSES:
        raise InvalidInput(f"unknown status {status!r}; use one of {', '.join(MATERIAL_STATUSES)}")
    changes: dict[str, Any] = {}
    if status is not None:
        changes["status"] = status
    if note is not None:
        changes["note"] = _text(note, "note")
    if file is not None:
        p = Path(file)
        try:
            if p.stat().st_size > MAX_ATTACHMENT:
                raise InvalidInput(f"{p} is larger than {MAX_ATTACHMENT // (1024 * 1024)} MB")
            data = p.read_bytes()
        except FileNotFoundError:
            raise InvalidInput(f"no such file: {p}") from None
        except IsADirectoryError:
            raise InvalidInput(f"{p} is a folder, not a file") from None
        except OSError as exc:
            raise InvalidInput(f"cannot read {p}: {exc.strerror or exc}") from None
        changes.update(file_name=p.name, file_sha256=sha256(data).hexdigest(), file_bytes=data)
    if report_pk is not None:
        changes["report_id"] = report_pk
    if not changes:
        raise InvalidInput("nothing to record: give a status, a note, a file or a report")
    with store.write():
        pid = _existing(store, name)
        cols = tuple(k for k in changes if k != "file_bytes")
        row = store.conn.execute(f"SELECT {', '.join(cols)} FROM filing_materials WHERE processor_id = ? AND item = ?",
                                 (pid, item)).fetchone()
        before = dict(zip(cols, row, strict=True))
        try:
            store.conn.execute(
                f"UPDATE filing_materials SET {', '.join(f'{k} = ?' for k in changes)}, updated_at = ?, updated_by = ? "
                "WHERE processor_id = ? AND item = ?", (*changes.values(), store.timestamp(), store.actor, pid, item))
        except sqlite3.IntegrityError as exc:
            raise InvalidInput(f"{item}: {exc}") from None
        after = {k: v for k, v in changes.items() if k != "file_bytes"}
        audit.append(store, audit.UPDATE, "filing_material", f"{name}/{item}", before=before, after=after)
    return {"item": item, **after}


def _material_id(item: str) -> str:
    key = item.strip().upper()
    for full in MATERIAL_ITEMS:
        if key in (full, full.removeprefix("FILING-15-FILE-")):
            return full
    short = ", ".join(i.removeprefix("FILING-15-FILE-").lower() for i in MATERIAL_ITEMS)
    raise InvalidInput(f"unknown material {item!r}; use one of {short}")


def attachment(store: Store, processor: str, item: str) -> tuple[str, bytes]:
    pid = _existing(store, processor)
    row = store.conn.execute("SELECT file_name, file_bytes FROM filing_materials WHERE processor_id = ? AND item = ?",
                             (pid, _material_id(item))).fetchone()
    if row is None or row[1] is None:
        raise NotFound(f"no file is attached to {item} of {processor}")
    return row[0], bytes(row[1])


# --- status ----------------------------------------------------------------------------------------------------

def _overrides(store: Store, processor: str) -> Overrides:
    """The holiday entries of the processor's newest assessment, so the tracker and the rules agree."""
    row = store.conn.execute(
        "SELECT v.content FROM assessment_versions v JOIN assessments a ON a.id = v.assessment_id "
        "WHERE a.processor = ? ORDER BY v.updated_at DESC LIMIT 1", (processor,)).fetchone()
    if not row:
        return Overrides()
    try:
        data = json.loads(row[0])
        days = {date.fromisoformat(o["date"]): o["kind"] for o in data.get("calendar_overrides") or []}
        return Overrides(days, complete_years=tuple(data.get("calendar_complete_years") or ()))
    except (ValueError, KeyError, TypeError):
        return Overrides()


def _notes(clock: clocks.Clock) -> list[dict[str, str]]:
    return [{"zh": n.zh, "en": n.en, "obligation": n.obligation or ""} for n in clock.notes]


def _calendar_days(n: int) -> str:
    """Lateness is counted in calendar days (the deadline itself is in working days): say so."""
    return f"{n} calendar day" + ("" if n == 1 else "s")


def _clock_dict(clock: clocks.Clock, today: date, done_on: str | None) -> dict[str, Any]:
    done = date.fromisoformat(done_on) if done_on and done_on <= today.isoformat() else None
    st = clock.status(today, done)
    return {"deadline": clock.deadline.isoformat(), "estimated": clock.estimated, "legacy": clock.legacy,
            "status": st.state.value, "days_overdue": st.days_overdue, "workdays_left": st.workdays_left,
            "notes": _notes(clock)}


def status(store: Store, processor: str, today: date | None = None) -> dict[str, Any]:
    """Everything ``filing status`` shows, as data (the GUI shows the same)."""
    today = today or store.today()
    pid = _existing(store, processor)
    ov = _overrides(store, processor)
    counts = [{"counted_on": r[0], "stored_count": r[1], "note": r[2]} for r in store.conn.execute(
        "SELECT counted_on, stored_count, note FROM filing_counts WHERE processor_id = ? ORDER BY counted_on", (pid,))]
    frow = store.conn.execute(
        "SELECT reached_on, authority, filed_on, filing_number FROM filings WHERE processor_id = ?", (pid,)).fetchone()
    reached_entered, authority, filed_on, number = frow
    first = next((c for c in counts if c["stored_count"] >= clocks.THRESHOLD), None)
    below = [c for c in counts if c["stored_count"] < clocks.THRESHOLD and (first is None or
                                                                            c["counted_on"] < first["counted_on"])]
    latest = counts[-1] if counts else None
    threshold: dict[str, Any] = {
        "threshold": clocks.THRESHOLD,
        "latest_count": latest["stored_count"] if latest else None,
        "latest_count_on": latest["counted_on"] if latest else None,
        "reached": bool(reached_entered or first),
        "reached_on": reached_entered or (first["counted_on"] if first else None),
        "source": "entered" if reached_entered else ("count_log" if first else None),
        "last_count_below_on": below[-1]["counted_on"] if below and not reached_entered else None,
        "near": bool(latest and not first and not reached_entered and latest["stored_count"] >= NEAR_THRESHOLD),
    }
    flags: list[dict[str, str]] = []  # overdue clocks: `filing status` exits 1 when there is any
    reminders: list[dict[str, str]] = []
    if threshold["near"]:
        reminders.append({"zh": f"存储数量{latest['stored_count']:,}人，接近10万人的备案门槛",
                          "en": f"{latest['stored_count']:,} people stored: close to the 100,000 filing threshold"})
    if threshold["source"] == "count_log" and threshold["last_count_below_on"]:
        reminders.append({
            "zh": f"达到门槛的日期取自计数记录（{threshold['reached_on']}），实际可能更早（上一次低于10万人的计数在"
                  f"{threshold['last_count_below_on']}）；如知道确切日期请录入，期限会随之提前。",
            "en": f"the threshold date is taken from the count log ({threshold['reached_on']}); it may have been "
                  f"reached earlier (the last count below 100,000 is from {threshold['last_count_below_on']}): enter "
                  "the exact day if known, which moves the deadline earlier."})
    filing: dict[str, Any] = {"filed_on": filed_on, "filing_number": number, "authority": authority, "clock": None}
    if threshold["reached_on"]:
        clock = clocks.filing_deadline(date.fromisoformat(threshold["reached_on"]), ov)
        filing["clock"] = _clock_dict(clock, today, filed_on)
        if filing["clock"]["status"] == "overdue":
            late = filing["clock"]["days_overdue"]
            flags.append({"zh": f"备案已逾期{late}个自然日（期限{clock.deadline}）",
                          "en": f"filing overdue by {_calendar_days(late)} (due {clock.deadline})"})
    events = []
    for r in store.conn.execute(
            "SELECT id, kind, event_on, description, done_on, reference, disposed_on, disposal_note, withdrawn_reason "
            "FROM filing_events WHERE processor_id = ? ORDER BY event_on, id", (pid,)):
        ev = dict(zip(("id", "kind", "event_on", "description", "done_on", "reference", "disposed_on", "disposal_note",
                       "withdrawn_reason"), r, strict=True))
        ev["clock"] = None
        ev["not_in_force"] = None
        if not ev["withdrawn_reason"]:
            day = date.fromisoformat(ev["event_on"])
            try:
                clock = (clocks.change_deadline(day, ov) if ev["kind"] == "change"
                         else clocks.cancellation_deadline(day, ov))
            except clocks.NotInForceError as exc:
                ev["not_in_force"] = {"zh": exc.note.zh, "en": exc.note.en}
            else:
                ev["clock"] = _clock_dict(clock, today, ev["done_on"])
                what = ("备案变更", "change filing") if ev["kind"] == "change" else ("注销备案", "cancellation")
                if ev["clock"]["status"] == "overdue":
                    late = ev["clock"]["days_overdue"]
                    flags.append({"zh": f"事件{ev['id']}：{what[0]}已逾期{late}个自然日（期限{clock.deadline}）",
                                  "en": f"event {ev['id']}: {what[1]} overdue by {_calendar_days(late)} "
                                        f"(due {clock.deadline})"})
            if ev["kind"] == "cancellation" and not ev["disposed_on"]:
                reminders.append({"zh": f"事件{ev['id']}：停止应用后须依法处理人脸信息，尚未记录处理日期",
                              "en": f"event {ev['id']}: FRT use ended; the facial data must be disposed of and no "
                                    "disposal is recorded yet"})
        events.append(ev)
    materials = []
    for r in store.conn.execute(
            "SELECT item, status, note, file_name, file_sha256, report_id FROM filing_materials WHERE processor_id = ?",
            (pid,)):
        m = dict(zip(("item", "status", "note", "file_name", "file_sha256", "report_id"), r, strict=True))
        m["label_zh"], m["label_en"] = MATERIAL_LABELS[m["item"]]
        materials.append(m)
    materials.sort(key=lambda m: MATERIAL_ITEMS.index(m["item"]))
    if filing["clock"] and not filed_on:
        open_items = [m for m in materials if m["status"] not in ("ready", "submitted", "not_applicable")]
        if open_items:
            n = len(open_items)
            reminders.append({"zh": f"备案材料还有{n}项未备齐",
                              "en": "1 filing material is not ready yet" if n == 1
                              else f"{n} filing materials are not ready yet"})
    return {"processor": processor, "today": today.isoformat(), "counts": counts, "threshold": threshold,
            "filing": filing, "events": events, "materials": materials, "overdue": flags, "reminders": reminders,
            "disposal_note": {"zh": clocks.NOTE_DISPOSE.zh, "en": clocks.NOTE_DISPOSE.en}}
