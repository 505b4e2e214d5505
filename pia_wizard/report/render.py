"""Assessment -> PDF/A-3b report with the assessment JSON embedded as an associated file.

WeasyPrint is imported inside the functions: ``import weasyprint`` costs ~0.35 s and the CLI must start
without it (tests/test_boundaries.py).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from pia_wizard.core.assessment import Assessment
from pia_wizard.core.bank import Bank
from pia_wizard.core.engine import Evaluation, evaluate
from pia_wizard.logcapture import capture
from pia_wizard.paths import resource_dir, template_dir
from pia_wizard.report import fonts
from pia_wizard.report.context import SIGNER_ROLES, build_context, report_id
from pia_wizard.report.templating import render_html

ATTACHMENT_NAME = "assessment.json"
ATTACHMENT_RELATIONSHIP = "Source"  # PDF/A-3 AFRelationship: the data the report was made from
ATTACHMENT_DESCRIPTION = "pia-wizard assessment file"
CHINA = timezone(timedelta(hours=8))
PT_PER_PX = 0.75  # CSS px (1/96 in) -> PDF points (1/72 in)
SIGNATURE_ANCHOR = "sig-{role}"  # one box per signer role on the approval page (context.SIGNER_ROLES)


@dataclass(frozen=True)
class SignatureBox:
    """Where the approval page's signature block sits: page index (0-based) and (x1, y1, x2, y2) in PDF
    points from the bottom-left corner of the page, as pyHanko's SigFieldSpec wants it."""

    page: int
    box: tuple[float, float, float, float]


@dataclass
class RenderResult:
    pdf: bytes
    pages: int
    report_id: str
    lang: str
    signature: SignatureBox | None  # the PI protection officer's box
    warnings: list[str] = field(default_factory=list)
    uncovered: tuple[str, ...] = ()  # characters in no bundled font (fonts.FontPlan.uncovered)
    refused_urls: list[str] = field(default_factory=list)
    served_urls: list[str] = field(default_factory=list)
    weasyprint_messages: list[str] = field(default_factory=list)
    signature_boxes: dict[str, SignatureBox] = field(default_factory=dict)  # role -> box


def build_html(a: Assessment, ev: Evaluation, lang: str, bank: Bank | None = None, as_of: date | None = None,
               signers: tuple[str, ...] = (), *, front_only: bool = False) -> str:
    return render_html(build_context(a, ev, lang, bank, as_of, signers, front_only=front_only))


def _uncovered_warning(chars: tuple[str, ...]) -> str:
    shown = " ".join(f"{c} (U+{ord(c):04X})" for c in chars[:12]) + (" ..." if len(chars) > 12 else "")
    return (f"{len(chars)} character(s) are in no font that pia-wizard ships and print with this computer's "
            f"fonts, or as empty boxes where it has none: {shown}")


def _attachment_time(a: Assessment) -> datetime:
    d = date.fromisoformat(a.assessment_date) if a.assessment_date else date(2000, 1, 1)
    return datetime(d.year, d.month, d.day, tzinfo=CHINA).astimezone(UTC).replace(tzinfo=None)


def render(a: Assessment, ev: Evaluation | None = None, lang: str = "zh", *, bank: Bank | None = None,
           today: date | None = None, signers: tuple[str, ...] = (), front_only: bool = False) -> RenderResult:
    """The PDF/A-3b report in ``lang`` (zh, en or bilingual). An ``ev`` passed in should be evaluated as of
    ``today`` (default: the assessment date), which the report prints as the date of its findings. ``signers``:
    the roles about to sign this copy (see context.SIGNER_ROLES); their boxes are in ``signature_boxes``.
    ``front_only``: the cover to the summary and the findings, for a quick preview (context.build_context)."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    from pia_wizard.report.fetcher import SafeFetcher

    # A report speaks as of its assessment date (the filing clocks count to it), so the same file renders the
    # same report on any day; pass ``today`` or an Evaluation to state the situation on another day.
    as_of = today or (date.fromisoformat(a.assessment_date) if a.assessment_date else date.today())
    ev = ev or evaluate(a, bank, today=as_of)
    html = build_html(a, ev, lang, bank, as_of, signers, front_only=front_only)
    plan = fonts.plan(html)
    fetcher = SafeFetcher([template_dir(), resource_dir("assets")])
    font_config = FontConfiguration()
    with capture("weasyprint") as weasyprint_messages:
        font_css = weasyprint.CSS(string=plan.css, url_fetcher=fetcher, font_config=font_config)
        document = weasyprint.HTML(string=html, base_url=template_dir().as_uri() + "/", url_fetcher=fetcher)
        rendered = document.render(stylesheets=[font_css], font_config=font_config)
        payload = a.to_json().encode("utf-8")
        when = _attachment_time(a)
        attachment = weasyprint.Attachment(
            string=payload, name=ATTACHMENT_NAME, description=ATTACHMENT_DESCRIPTION,
            relationship=ATTACHMENT_RELATIONSHIP, created=when, modified=when, url_fetcher=fetcher)
        rid = report_id(a, lang)
        pdf = rendered.write_pdf(
            pdf_variant="pdf/a-3b",
            attachments=[attachment],
            pdf_identifier=hashlib.md5(rid.encode(), usedforsecurity=False).hexdigest().encode(),
        )
    warnings = [_uncovered_warning(plan.uncovered)] if plan.uncovered else []
    boxes = {role: box for role, _, _ in SIGNER_ROLES if (box := _signature_box(rendered, role)) is not None}
    return RenderResult(
        pdf=pdf, pages=len(rendered.pages), report_id=rid, lang=lang, signature=boxes.get("dpo"),
        signature_boxes=boxes,
        warnings=warnings, uncovered=plan.uncovered, refused_urls=list(fetcher.refused),
        served_urls=list(fetcher.served),
        weasyprint_messages=weasyprint_messages,
    )


def _signature_box(rendered: Any, role: str) -> SignatureBox | None:
    for index, page in enumerate(rendered.pages):
        # the box's border box, CSS px from the top left
        anchor = page.anchors.get(SIGNATURE_ANCHOR.format(role=role))
        if anchor is None:
            continue
        x1, y1, x2, y2 = anchor
        return SignatureBox(index, (round(x1 * PT_PER_PX, 2), round((page.height - y2) * PT_PER_PX, 2),
                                    round(x2 * PT_PER_PX, 2), round((page.height - y1) * PT_PER_PX, 2)))
    return None
