"""A small, real stand-in for the report renderer, for tests of the flow around a report (services, CLI, demo,
archive, approval, refusals) rather than of the report itself.

``tiny_report`` renders a one-page PDF/A-3b with WeasyPrint, in this process: the same report ID as the real
report, the assessment JSON embedded as ``assessment.json`` (AFRelationship Source) the way render.py embeds it,
and one ``sig-{role}`` box per signer on the page, measured with render.py's own ``_signature_box``. It signs with
``signing.sign.sign_pdf`` and verifies with ``signing.verify.verify_pdf`` like the real report. ~0.3 s instead
of ~10 s CPU and a spawned worker.

What the report looks like (pages, fonts, layout, text, the approval page) is tested on real renders:
tests/report/test_examples.py, test_safety.py, test_fallback.py, and the end-to-end runs of ``report --sign``
(tests/signing/test_issue.py) and ``demo`` (tests/report/test_import.py).
"""

from __future__ import annotations

import hashlib
from datetime import date
from html import escape

from pia_wizard.core.assessment import Assessment

SIGNER_BOX = "width: 80mm; height: 30mm; display: inline-block; box-sizing: border-box; border: 1pt solid #333;"


def _html(a: Assessment, lang: str, rid: str, as_of: date | None, roles: tuple[str, ...]) -> str:
    from pia_wizard import paths

    font = paths.asset("fonts", "PIASansCJKsc-Regular.otf").as_uri()
    boxes = "".join(f'<div id="sig-{role}" style="{SIGNER_BOX}">{escape(role)}</div> ' for role in roles)
    return f"""<!doctype html><html lang="{'en' if lang == 'en' else 'zh'}"><head><meta charset="utf-8">
<title>个人信息保护影响评估报告 (test stand-in)</title>
<style>@font-face {{ font-family: "PIA Sans"; src: url("{font}"); }}
@page {{ size: A4; margin: 18mm; }} body {{ font-family: "PIA Sans"; font-size: 10pt; }}</style></head><body>
<p>{escape(a.system.get("name") or "")} — 报告编号 {rid} — {lang} — {as_of.isoformat() if as_of else ""}</p>
<div>{boxes}</div>
</body></html>"""


def tiny_report(a: Assessment, lang: str = "zh", *, today: date | None = None, signers: tuple[str, ...] = ()):
    """A ``render.RenderResult`` for ``a`` as ``render.render`` returns one, from a one-page document."""
    import weasyprint

    from pia_wizard.core.engine import evaluate
    from pia_wizard.paths import resource_dir, template_dir
    from pia_wizard.report import render as real
    from pia_wizard.report.context import LANGS, SIGNER_ROLES, report_id
    from pia_wizard.report.fetcher import SafeFetcher

    # what the real renderer refuses, this one refuses too (context.build_context)
    if lang not in LANGS:
        raise ValueError(f"unknown report language {lang!r}")
    all_roles = tuple(r for r, _, _ in SIGNER_ROLES)
    if set(signers) - set(all_roles):
        raise ValueError(f"unknown signer role(s) {', '.join(sorted(set(signers) - set(all_roles)))}")
    as_of = today or (date.fromisoformat(a.assessment_date) if a.assessment_date else date.today())
    evaluate(a, today=as_of)  # the real renderer evaluates the assessment; an assessment it cannot take fails here too
    rid = report_id(a, lang)
    # as the template does: boxes for the roles about to sign, or for every role on an unsigned copy
    roles = tuple(r for r in all_roles if r in signers) if signers else all_roles
    fetcher = SafeFetcher([template_dir(), resource_dir("assets")])
    document = weasyprint.HTML(string=_html(a, lang, rid, as_of, roles), url_fetcher=fetcher).render()
    when = real._attachment_time(a)
    attachment = weasyprint.Attachment(
        string=a.to_json().encode("utf-8"), name=real.ATTACHMENT_NAME, description=real.ATTACHMENT_DESCRIPTION,
        relationship=real.ATTACHMENT_RELATIONSHIP, created=when, modified=when, url_fetcher=fetcher)
    pdf = document.write_pdf(pdf_variant="pdf/a-3b", attachments=[attachment],
                             pdf_identifier=hashlib.md5(rid.encode(), usedforsecurity=False).hexdigest().encode())
    boxes = {role: box for role in roles if (box := real._signature_box(document, role)) is not None}
    return real.RenderResult(pdf=pdf, pages=len(document.pages), report_id=rid, lang=lang,
                             signature=boxes.get("dpo"), signature_boxes=boxes,
                             refused_urls=list(fetcher.refused), served_urls=list(fetcher.served))


class FakeRenderer:
    """Stands in for ``pia_wizard.services.report._render`` (same arguments); records each call."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, tuple[str, ...]]] = []  # (report ID, lang, signers)

    def __call__(self, a: Assessment, lang: str, as_of: date, signers: tuple[str, ...], token,
                 front_only: bool = False):
        from pia_wizard.services.errors import Cancelled

        if token.cancelled:  # the real one stops its worker and raises this
            raise Cancelled()
        result = tiny_report(a, lang, today=as_of, signers=tuple(signers))
        self.calls.append((result.report_id, lang, tuple(signers)))
        return result
