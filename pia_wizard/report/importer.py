"""Read the assessment back out of a report PDF: the ``assessment.json`` associated file that render.py embeds.

pyHanko's reader (already a dependency, for signing) parses the PDF, with its limits for untrusted input;
it is imported inside the function so that the CLI starts without it. Every failure is a ReportImportError
(an AssessmentError: bad input, exit 2) with a one-line reason.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from pia_wizard.core.assessment import MAX_FILE_BYTES, Assessment, AssessmentError, parse
from pia_wizard.core.bank import Bank
from pia_wizard.report import ReportError

ATTACHMENT_NAME = "assessment.json"
MAX_NAME_TREE_NODES = 10_000


class ReportImportError(ReportError):
    pass


def _text(value: Any) -> str:
    try:
        return str(value)
    except Exception:  # a hostile PDF can hold anything here
        return ""


def _filespecs(root: Any) -> list[Any]:
    """Associated files (/AF) first, then the /EmbeddedFiles name tree; each file spec dictionary once."""
    found: list[Any] = []
    af = root.get("/AF")
    if af is not None:
        for ref in af.get_object():
            found.append(ref.get_object())
    names = root.get("/Names")
    tree = names.get_object().get("/EmbeddedFiles") if names is not None else None
    stack = [tree.get_object()] if tree is not None else []
    visited = 0
    while stack:
        node = stack.pop()
        visited += 1
        if visited > MAX_NAME_TREE_NODES:
            break
        pairs = node.get("/Names")
        if pairs is not None:
            pairs = pairs.get_object()
            found.extend(pairs[i].get_object() for i in range(1, len(pairs), 2))
        kids = node.get("/Kids")
        if kids is not None:
            stack.extend(k.get_object() for k in kids.get_object())
    unique, seen = [], set()
    for spec in found:
        if id(spec) not in seen:
            seen.add(id(spec))
            unique.append(spec)
    return unique


def extract_json(pdf: bytes, source: str = "the file") -> bytes:
    """The bytes of the embedded assessment file; ReportImportError if there is none or the PDF is unreadable."""
    if not pdf.lstrip(b"\x00\t\n\r\f ")[:5] == b"%PDF-":
        raise ReportImportError(f"{source} is not a PDF file")
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(BytesIO(pdf), strict=False)
        if reader.encrypted:
            raise ReportImportError(f"{source} is encrypted; pia-wizard reports are not")
        specs = _filespecs(reader.root)
        for spec in specs:
            name = _text(spec.get("/UF") or spec.get("/F") or "")
            if name != ATTACHMENT_NAME:
                continue
            stream = spec["/EF"]["/F"].get_object()
            declared = stream.get("/Params", {}).get("/Size") if hasattr(stream, "get") else None
            if isinstance(declared, int) and declared > MAX_FILE_BYTES:
                raise ReportImportError(f"the assessment attached to {source} is {declared:,} bytes; "
                                        f"the limit is {MAX_FILE_BYTES:,}")
            data = stream.data
            if len(data) > MAX_FILE_BYTES:
                raise ReportImportError(f"the assessment attached to {source} is larger than "
                                        f"{MAX_FILE_BYTES // (1024 * 1024)} MB")
            return data
    except ReportImportError:
        raise
    except Exception as exc:  # pyHanko raises many kinds of errors on a damaged file
        reason = " ".join(_text(exc).split())[:160] or type(exc).__name__
        raise ReportImportError(f"{source} is damaged or not a readable PDF ({reason})") from None
    attached = ", ".join(sorted({_text(s.get("/UF") or s.get("/F") or "?") for s in specs}))[:160]
    more = f" (it has other attachments: {attached})" if attached else ""
    raise ReportImportError(f"{source} holds no pia-wizard assessment ({ATTACHMENT_NAME}){more}; "
                            "only reports made by `pia-wizard report` can be imported")


def import_assessment(pdf: bytes, source: str = "the file", bank: Bank | None = None) -> Assessment:
    data = extract_json(pdf, source)
    try:
        return parse(data, bank)
    except AssessmentError as exc:
        raise ReportImportError(f"the assessment attached to {source} is not valid: {exc}") from None
