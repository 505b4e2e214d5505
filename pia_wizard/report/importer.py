"""Read the assessment back out of a report PDF: the ``assessment.json`` associated file that render.py embeds.

pyHanko's reader (already a dependency, for signing) parses the PDF, with its limits for untrusted input;
it is imported inside the function so that the CLI starts without it. Every failure is a ReportImportError
(an AssessmentError: bad input, exit 2) with a one-line reason.
"""

from __future__ import annotations

from io import BytesIO

from pia_wizard.core.assessment import MAX_FILE_BYTES, Assessment, AssessmentError, parse
from pia_wizard.core.bank import Bank
from pia_wizard.pdfattach import ASSESSMENT_NAME, assessment_attachment, attachments, text
from pia_wizard.report import ReportError

ATTACHMENT_NAME = ASSESSMENT_NAME


class ReportImportError(ReportError):
    pass


def extract_json(pdf: bytes, source: str = "the file") -> bytes:
    """The bytes of the embedded assessment file; ReportImportError if there is none, if there are two different
    ones, or if the PDF is unreadable. The attachment is chosen by pia_wizard.pdfattach, as verify chooses it."""
    if not pdf.lstrip(b"\x00\t\n\r\f ")[:5] == b"%PDF-":
        raise ReportImportError(f"{source} is not a PDF file")
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(BytesIO(pdf), strict=False)
        if reader.encrypted:
            raise ReportImportError(f"{source} is encrypted; pia-wizard reports are not")
        found = assessment_attachment(reader.root)
        others = sorted({a.name for a in attachments(reader.root)})
    except ReportImportError:
        raise
    except Exception as exc:  # pyHanko raises many kinds of errors on a damaged file
        reason = " ".join(text(exc).split())[:160] or type(exc).__name__
        raise ReportImportError(f"{source} is damaged or not a readable PDF ({reason})") from None
    if found.ambiguous:
        raise ReportImportError(f"{source} holds {found.conflicting} different {ATTACHMENT_NAME} attachments; which "
                                "one the report was made from cannot be told, so none is imported")
    if found.attachment is not None:
        data = found.attachment.data
        if len(data) > MAX_FILE_BYTES:
            raise ReportImportError(f"the assessment attached to {source} is larger than "
                                    f"{MAX_FILE_BYTES // (1024 * 1024)} MB")
        return data
    attached = ", ".join(others)[:160]
    more = f" (it has other attachments: {attached})" if attached else ""
    raise ReportImportError(f"{source} holds no pia-wizard assessment ({ATTACHMENT_NAME}){more}; "
                            "only reports made by pia-wizard can be imported")


def import_assessment(pdf: bytes, source: str = "the file", bank: Bank | None = None) -> Assessment:
    data = extract_json(pdf, source)
    try:
        return parse(data, bank)
    except AssessmentError as exc:
        raise ReportImportError(f"the assessment attached to {source} is not valid: {exc}") from None
