"""The built-in demo: the hotel check-in example end to end (check, archive, approve, sign with demo
certificates, verify-ready output). It runs in a data folder of its own unless the user names one, so the fictional
hotel, its filing tracker, the demo keys and its signed reports (kept three years) never enter the user's archive."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pia_wizard.context import AppContext
from pia_wizard.core.assessment import Assessment
from pia_wizard.services import files
from pia_wizard.services.assessments import content_sha256, example_path, open_archive, read_assessment
from pia_wizard.services.errors import BadInput, ServiceError, one_line, translated
from pia_wizard.services.jobs import CancelToken, ProgressFn
from pia_wizard.services.report import IssuedReport, SignerKey, prepare_issue

DEMO_PASSPHRASE = "pia-wizard-demo"  # the demo keys protect nothing: they sign the built-in example only
DEMO_DATA_FOLDER = "archive"  # inside the demo's output folder, unless a data folder is named


def demo_data_dir(out_dir: str | os.PathLike[str]) -> Path:
    return (Path(out_dir) / DEMO_DATA_FOLDER).resolve()


def demo_approval(a: Assessment) -> Assessment:
    """The example with the officer's approval recorded: the officer named in the file agrees with the
    assessment's own conclusion and its reasons."""
    from pia_wizard.core.approval import approval_dict

    ans = a.answers
    data = a.to_dict()
    data["approval"] = approval_dict(
        opinion=ans.get("conclusion.decision") or "proceed_with_conditions",
        reasons=ans.get("conclusion.decision_reason") or "", conditions=ans.get("conclusion.conditions") or "",
        approver={k: v for k, v in a.dpo.items() if k in ("name", "role", "organisation")},
        date=a.assessment_date or date.today().isoformat())
    return Assessment.from_dict(data)


@dataclass(frozen=True)
class DemoReport:
    path: Path
    report_id: str
    certificates: tuple[Path, ...]
    issued: IssuedReport | None  # None: the archive already held this report and its copy was written
    archive_id: int
    created_at: str
    retain_until: str


def demo_signed_report(ctx: AppContext, out_dir: str | os.PathLike[str], lang: str = "zh",
                       progress: ProgressFn | None = None, cancel: CancelToken | None = None) -> DemoReport:
    """Approve the hotel example, sign it as its assessor and its officer with demo certificates created in the data
    folder (self-signed, passphrase DEMO_PASSPHRASE), archive it, write it and the certificates' PEM to ``out_dir``.
    Run again, it writes the archived copy instead of signing anew."""
    from pia_wizard.report.context import report_id
    from pia_wizard.signing import keys
    from pia_wizard.store import assessments as versions
    from pia_wizard.store import reports

    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BadInput("output_write_failed", path=out, detail=exc.strerror or exc) from None
    a = demo_approval(read_assessment(example_path("hotel-checkin")))
    key_dir = ctx.keys_dir
    certs, signers = [], {}
    for role, person in (("assessor", a.assessor), ("dpo", a.dpo)):
        p12 = key_dir / f"demo-{role}.p12"
        try:
            with translated():
                if p12.exists():
                    identity = keys.load_pkcs12(p12, DEMO_PASSPHRASE)
                else:
                    key_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
                    identity = keys.create_certificate(p12, person.get("name") or role,
                                                       f"{a.processor['name']}（演示 demo）", DEMO_PASSPHRASE)
            pem = files.check_output(out / f"demo-{role}-certificate.pem", data_dir=None)
            certs.append(files.write_atomic(pem, identity.certificate_pem()))
        except ServiceError as exc:
            raise BadInput("demo_certificate", path=p12, detail=exc.message("en")) from None
        except OSError as exc:
            raise BadInput("demo_certificate", path=p12, detail=one_line(exc.strerror or exc)) from None
        signers[role] = SignerKey(p12, DEMO_PASSPHRASE)
    rid = report_id(a, lang)
    dest = out / f"hotel-checkin-report-{lang}.pdf"
    with open_archive(ctx, "demo_refused") as store:
        held = reports.find_by_report_id(store, rid)
        if held:
            files.write_atomic(dest, reports.pdf_bytes(store, held[0]["id"]))
            return DemoReport(dest, rid, tuple(certs), None, held[0]["id"], held[0]["created_at"],
                              held[0]["retain_until"])
        rows = versions.versions(store, a.id) if versions.exists(store, a.id) else []
        if rows and rows[-1]["state"] == "approved" and rows[-1]["content_sha256"] != content_sha256(a):
            # the built-in example changed (an update of pia-wizard): its new content is a new version
            versions.new_version(store, a.id, "periodic_review", "pia-wizard demo: the built-in example changed")
    issued = prepare_issue(ctx, a, dest, lang, dpo=signers["dpo"], assessor=signers["assessor"]).run(progress, cancel)
    return DemoReport(dest, rid, tuple(certs), issued, issued.archived.id, issued.archived.created_at,
                      issued.archived.retain_until)
