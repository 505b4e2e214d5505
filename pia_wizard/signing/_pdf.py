"""Reading what signing and verifying need from a PDF (pyHanko reader objects): the PDF/A claim here; the embedded
files through pia_wizard.pdfattach, the one reader that import-report uses too."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from pia_wizard.pdfattach import Attachment, assessment_attachment, attachments, text

PDFA_NS = "http://www.aiim.org/pdfa/ns/id/"
__all__ = ["Attachment", "_text", "assessment_attachment", "attachments", "pdfa_claim"]


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return text(value)


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
