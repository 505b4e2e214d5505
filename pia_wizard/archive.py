"""Archive use cases shared by the CLI and the GUI (no Qt, no printing): open the store in the data dir,
derive a processing record and the filing state from an assessment, and store the demo."""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from pia_wizard.core.assessment import Assessment
from pia_wizard.core.bank import default_bank
from pia_wizard.store import Immutable, InvalidInput
from pia_wizard.store import assessments as versions_mod
from pia_wizard.store import filing as filing_mod
from pia_wizard.store import records as records_mod
from pia_wizard.store.db import Store, open_store


def open_archive(actor: str | None = None, data_dir: str | os.PathLike[str] | None = None, **kwargs: Any) -> Store:
    """The store in ``data_dir`` (default: --data-dir / PIA_WIZARD_DATA_DIR / the user data dir)."""
    return open_store(data_dir, actor, **kwargs)


def _label(qid: str, value: Any, lang: str) -> str:
    try:
        return default_bank().question(qid).option_label(value, lang)
    except KeyError:
        return str(value)


def _column_label(qid: str, column: str, value: Any, lang: str) -> str:
    try:
        q = default_bank().question(qid)
    except KeyError:
        return str(value)
    for col in q.columns:
        if col.id == column:
            for option in col.options:
                if option.value == value:
                    return option.label.get(lang)
    return str(value)


def _unique(items: list[str]) -> list[str]:
    return [x for i, x in enumerate(items) if x and x not in items[:i]]


def record_from_assessment(a: Assessment, today: date) -> dict[str, Any]:
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
    pi_types = _unique([_column_label("mapping.activities", "pi_types", t, lang)
                        for act in activities for t in act.get("pi_types") or []])
    sources = _unique([_column_label("mapping.lifecycle", "source", row.get("source"), lang)
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
        "public_disclosure": _label("sharing.public_disclosure", disclosure, lang) if disclosure else "",
        "cross_border": _label("scope.cross_border", cross, lang) if cross else "",
        "related_systems": sep.join(_unique([s.get("name", "") for s in systems])),
        "related_organisations": sep.join(_unique([str(a.processor.get("name") or ""),
                                                   str(a.system.get("vendor") or ""),
                                                   *[p.get("name", "") for p in parties]])),
        "related_staff": sep.join(_unique([s.get("operator", "") for s in systems])),
        "note": "由评估的数据映射生成" if lang == "zh" else "derived from the assessment's data mapping",
    }


def _find_record(store: Store, fields: dict[str, Any]) -> int | None:
    keys = [k for k in records_mod.NAMES if fields.get(k) is not None]
    row = store.conn.execute(
        f"SELECT id FROM processing_records WHERE {' AND '.join(f'{k} = ?' for k in keys)} LIMIT 1",
        [fields[k] for k in keys]).fetchone()
    return row[0] if row else None


def store_filing_state(store: Store, a: Assessment) -> tuple[str | None, list[str]]:
    """Carry the assessment's Art. 15 answers into the filing tracker (idempotent). Returns (processor, warnings)."""
    ans = a.answers
    name = str(a.processor.get("name") or "").strip()
    warnings: list[str] = []
    count = ans.get("filing.stored_count")
    if not name or count is None:
        return None, warnings
    today = store.today().isoformat()

    def attempt(what: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except InvalidInput as exc:
            warnings.append(f"{what}: {exc}")
            return None

    counted_on = ans.get("filing.count_date") or a.assessment_date or today
    attempt("stored count", filing_mod.record_count, store, name, counted_on, int(count),
            "来自评估" if a.language == "zh" else "from the assessment")
    if ans.get("filing.reached_on"):
        attempt("threshold date", filing_mod.set_reached, store, name, ans["filing.reached_on"])
    if ans.get("filing.filed") == "yes" and ans.get("filing.filed_on") and ans.get("filing.number"):
        authority = _label("filing.authority", ans["filing.authority"], "zh") if ans.get("filing.authority") else ""
        attempt("filing", filing_mod.record_filing, store, name, ans["filing.filed_on"], ans["filing.number"],
                authority)
        for m in filing_mod.status(store, name)["materials"]:
            if m["status"] == "missing":
                attempt("materials", filing_mod.set_material, store, name, m["item"], status="submitted",
                        note="随备案提交（来自评估）" if a.language == "zh" else "submitted with the filing")
    existing = {(e["kind"], e["event_on"]) for e in filing_mod.status(store, name)["events"]}
    for kind, on_q, done_q in (("change", "filing.change_on", "filing.change_filed_on"),
                               ("cancellation", "filing.ended_on", "filing.cancelled_on")):
        day = ans.get(on_q)
        if not day or (kind, day) in existing:
            continue
        eid = attempt(f"{kind} event", filing_mod.add_event, store, name, kind, day,
                      "来自评估" if a.language == "zh" else "from the assessment")
        if eid and ans.get(done_q):
            attempt(f"{kind} done", filing_mod.update_event, store, eid, done_on=ans[done_q])
    return name, warnings


def store_assessment(store: Store, a: Assessment, evaluation: dict[str, Any] | None) -> dict[str, Any]:
    """Save the assessment (new, or into its open draft) with its evaluation (the findings)."""
    try:
        return versions_mod.save(store, a, evaluation)
    except Immutable:
        # An approved version of this assessment is already archived: the demo leaves it as it is.
        return versions_mod.find_version(store, a.id)


def store_demo(a: Assessment, evaluation: dict[str, Any], *, actor: str | None = None,
               data_dir: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """What `pia-wizard demo` keeps in the data dir: the example, its findings, a processing record and the
    filing state. Running the demo again adds nothing new."""
    with open_archive(actor, data_dir) as store:
        version = store_assessment(store, a, evaluation)
        fields = record_from_assessment(a, store.today())
        rid = _find_record(store, fields)
        if rid is None:
            rid = records_mod.add(store, fields)["id"]
        processor, warnings = store_filing_state(store, a)
        return {"database": str(store.path), "assessment_id": a.id, "version": version["version"],
                "version_state": version["state"], "record_id": rid, "processor": processor, "warnings": warnings}
