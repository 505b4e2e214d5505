"""Reading what signing and verifying need from a PDF (pyHanko reader objects): attachments and the PDF/A claim."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

PDFA_NS = "http://www.aiim.org/pdfa/ns/id/"
PREFERRED_JSON = "assessment.json"


@dataclass(frozen=True)
class Attachment:
    name: str
    data: bytes


def _text(value: Any) -> str | None:
    if value is None:
        return None
    value = value.get_object() if hasattr(value, "get_object") else value
    return str(value)


def _filespecs(root: Any) -> list[Any]:
    found: list[Any] = []
    seen: set[int] = set()

    def walk(node: Any, depth: int = 0) -> None:
        node = node.get_object()
        if depth > 32 or id(node) in seen:  # a malicious name tree may loop
            return
        seen.add(id(node))
        names = node.get("/Names")
        if names is not None:
            names = names.get_object()
            found.extend(names[i + 1] for i in range(0, len(names) - 1, 2))
        for kid in node.get("/Kids", ()) or ():
            walk(kid, depth + 1)

    names = root.get("/Names")
    if names is not None:
        tree = names.get_object().get("/EmbeddedFiles")
        if tree is not None:
            walk(tree)
    found.extend(root.get("/AF", ()) or ())
    return found


def attachments(root: Any) -> list[Attachment]:
    """Embedded files of the document (name tree and PDF/A-3 /AF), in document order, without duplicates."""
    out: list[Attachment] = []
    keys: set[tuple[str, bytes]] = set()
    for spec in _filespecs(root):
        try:
            spec = spec.get_object()
            name = _text(spec.get("/UF")) or _text(spec.get("/F")) or "(unnamed)"
            ef = spec["/EF"].get_object()
            stream = (ef.get("/UF") or ef["/F"]).get_object()
            data = stream.data
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        key = (name, data)
        if key not in keys:
            keys.add(key)
            out.append(Attachment(name, data))
    return out


def assessment_attachment(root: Any) -> tuple[Attachment | None, list[str]]:
    """The embedded assessment JSON (``assessment.json`` first, else the first ``*.json``) and every .json name."""
    jsons = [a for a in attachments(root) if a.name.lower().endswith(".json")]
    names = [a.name for a in jsons]
    for a in jsons:
        if a.name == PREFERRED_JSON:
            return a, names
    return (jsons[0] if jsons else None), names


def pdfa_claim(root: Any) -> str | None:
    """'PDF/A-3B' etc. from the pdfaid part and conformance of the document's XMP, or None."""
    try:
        xmp = root["/Metadata"].get_object().data
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    part = conformance = None
    try:
        tree = ET.fromstring(xmp)
        for el in tree.iter():
            part = part or el.attrib.get(f"{{{PDFA_NS}}}part")
            conformance = conformance or el.attrib.get(f"{{{PDFA_NS}}}conformance")
            if el.tag == f"{{{PDFA_NS}}}part":
                part = part or (el.text or "").strip()
            elif el.tag == f"{{{PDFA_NS}}}conformance":
                conformance = conformance or (el.text or "").strip()
    except ET.ParseError:
        text = xmp.decode("utf-8", errors="replace")
        m = re.search(r"pdfaid:part\s*(?:=\s*[\"']|>)\s*(\d)", text)
        part = m.group(1) if m else None
        m = re.search(r"pdfaid:conformance\s*(?:=\s*[\"']|>)\s*([A-Za-z])", text)
        conformance = m.group(1) if m else None
    if not part:
        return None
    return f"PDF/A-{part}{(conformance or '').upper()}"
