"""Why a new version of an assessment is started (Measures Art. 9; PIPL Art. 55): the reasons the archive accepts
(store/schema.py checks them) and their labels."""

from __future__ import annotations

VERSION_REASONS = (
    "purpose_changed",
    "method_changed",
    "major_incident",
    "filing_threshold",
    "vendor_or_algorithm_changed",
    "periodic_review",
)
REASON_LABELS = {
    "purpose_changed": ("处理目的发生变化", "purpose changed"),
    "method_changed": ("处理方式发生变化", "method changed"),
    "major_incident": ("发生重大个人信息安全事件", "major security incident"),
    "filing_threshold": ("存储数量达到备案门槛", "stored count crossed the filing threshold"),
    "vendor_or_algorithm_changed": ("供应商或算法发生变化", "vendor or algorithm changed"),
    "periodic_review": ("定期复核", "periodic review"),
}
