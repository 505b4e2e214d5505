#!/usr/bin/env python3
"""Signing benchmark, in-process: unlock the key, sign (assessor, then DPO), verify.

    .venv/bin/python bench/signing.py                 # a 15-page PDF/A-3b made here with WeasyPrint
    .venv/bin/python bench/signing.py --pages 40 --runs 7
    .venv/bin/python bench/signing.py --pdf report.pdf --page 1 --box 51 354 504 490   # any report with a JSON

Target (issue 5, 2-core machine): one signature <= 300 ms once pyHanko is imported. "cold" is the first
signature of a process: it includes importing pyHanko (the CLI imports it lazily, only when it signs) and, the
first time on a machine, deriving the stamp font into the data dir's cache.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pia_wizard import paths  # noqa: E402

PT_PER_PX = 0.75


def make_pdf(pages: int) -> tuple[bytes, int, tuple[float, float, float, float]]:
    import weasyprint

    font = paths.asset("fonts", "PIASansCJKsc-Regular.otf").as_uri()
    para = ("<p>人脸识别技术应用个人信息保护影响评估：处理目的、处理方式、保护措施与风险等级。"
            "Facial recognition impact assessment: purposes, methods, measures and risk levels.</p>") * 14
    body = "".join(f"<h1>{i}. 评估章节 Section {i}</h1>{para}<p><a href='#approval'>审批页</a></p>"
                   for i in range(1, pages - 1))
    html = f"""<!doctype html><html lang="zh"><head><meta charset="utf-8"><style>
@font-face {{ font-family: "PIA Sans"; src: url("{font}"); }}
@page {{ size: A4; margin: 18mm; @bottom-center {{ content: counter(page); font-family: "PIA Sans"; }} }}
body {{ font-family: "PIA Sans"; font-size: 10pt; }}
h1 {{ break-before: page; }} h1:first-child {{ break-before: auto; }}
#sig {{ width: 160mm; height: 48mm; border: 1pt solid #3b5b86; }}
</style></head><body><h1>报告 Report</h1><h1 id="approval">审批页</h1><div id="sig"></div>{body}</body></html>"""
    document = weasyprint.HTML(string=html).render()
    attachment = weasyprint.Attachment(string=json.dumps({"answers": {"q": "yes"}}).encode(), name="assessment.json",
                                       relationship="Source")
    pdf = document.write_pdf(pdf_variant="pdf/a-3b", attachments=[attachment])
    for index, page in enumerate(document.pages):
        if "sig" in page.anchors:
            x1, y1, x2, y2 = page.anchors["sig"]
            h = page.height
            return pdf, index, (x1 * PT_PER_PX, (h - y2) * PT_PER_PX, x2 * PT_PER_PX, (h - y1) * PT_PER_PX)
    raise SystemExit("no signature box")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=15)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pdf", type=Path)
    parser.add_argument("--page", type=int, default=1)
    parser.add_argument("--box", type=float, nargs=4, default=(51.0, 354.6, 504.6, 490.7))
    args = parser.parse_args()

    data = Path(tempfile.mkdtemp(prefix="pia-bench-"))
    os.environ["PIA_WIZARD_DATA_DIR"] = str(data)
    if args.pdf:
        pdf, page, box = args.pdf.read_bytes(), args.page, tuple(args.box)
        label = f"{args.pdf.name}"
    else:
        pdf, page, box = make_pdf(args.pages)
        label = f"{args.pages}-page PDF/A-3b made with WeasyPrint"

    from pia_wizard.signing import keys
    from pia_wizard.signing.sign import ASSESSOR_FIELD, DPO_FIELD, sign_pdf, split_box

    key_path = keys.default_key_path(data)
    keys.create_certificate(key_path, "周雅琳", "锦程酒店管理（上海）有限公司", "bench passphrase")
    start = time.perf_counter()
    identity = keys.load_pkcs12(key_path, "bench passphrase")
    unlock = time.perf_counter() - start

    font = paths.asset("fonts", "PIASansCJKsc-Regular.otf")
    left, right = split_box(box)

    def sign(source: bytes, field: str, where):
        return sign_pdf(source, identity, field_name=field, page=page, box=where, role="个人信息保护负责人 / DPO",
                        report_id="PIA-BENCH", font_path=font, cache_dir=data / "cache" / "fonts")

    start = time.perf_counter()
    first = sign(pdf, ASSESSOR_FIELD, left)
    cold = time.perf_counter() - start
    warm, second_times = [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        first = sign(pdf, ASSESSOR_FIELD, left)
        warm.append(time.perf_counter() - start)
        start = time.perf_counter()
        second = sign(first.pdf, DPO_FIELD, right)
        second_times.append(time.perf_counter() - start)

    from pia_wizard.signing.verify import verify_pdf

    verify_times = []
    for _ in range(max(2, args.runs // 2)):
        start = time.perf_counter()
        result = verify_pdf(second.pdf)
        verify_times.append(time.perf_counter() - start)
    assert result.ok, result.failed

    ms = lambda xs: f"min {min(xs) * 1000:4.0f} ms, median {statistics.median(xs) * 1000:4.0f} ms"  # noqa: E731
    print(f"input: {label}, {len(pdf) / 1024:.0f} KiB; signed twice: {len(second.pdf) / 1024:.0f} KiB; "
          f"{os.cpu_count()} CPUs")
    print(f"unlock PKCS#12 (PBKDF2 {keys.KDF_ROUNDS:,} rounds): {unlock * 1000:.0f} ms")
    print(f"first signature, cold (imports pyHanko, derives the stamp font): {cold * 1000:.0f} ms")
    print(f"assessor signature, warm ({args.runs} runs): {ms(warm)}")
    print(f"DPO signature on top, warm ({args.runs} runs): {ms(second_times)}")
    print(f"verify both (first run cold): {', '.join(f'{t * 1000:.0f}' for t in verify_times)} ms")
    shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
