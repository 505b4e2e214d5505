import os
from datetime import date

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# --- test tiers ------------------------------------------------------------------------------------------------------
# ./dev test runs everything with the "ci" Hypothesis profile. ./dev test --fast (PIA_TEST_TIER=fast) deselects the
# tests marked slow and runs each property test with a tenth of its examples: an edit loop, not a proof.
FAST = os.environ.get("PIA_TEST_TIER", "").strip().lower() == "fast"
settings.register_profile("ci", max_examples=100)  # Hypothesis' default, for tests that state no count
settings.register_profile("fast", max_examples=10)
settings.load_profile("fast" if FAST else "ci")


def examples(n: int) -> int:
    """A property test's example count: ``n`` in the full suite (CI), about n/10 in the fast tier."""
    return max(10, n // 10) if FAST else n


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path, monkeypatch):
    """No test may touch the real user data dir."""
    monkeypatch.setenv("PIA_WIZARD_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture
def fast_render(monkeypatch):
    """Reports render as a one-page stand-in (tests/fakes.py), in this process: for tests of the flow around a
    report, not of the report. ``fast_render.calls`` lists what was rendered: (report ID, lang, signers)."""
    from pia_wizard.services import report
    from tests.fakes import FakeRenderer

    fake = FakeRenderer()
    monkeypatch.setattr(report, "_render", fake)
    return fake


TODAY = date(2026, 11, 26)
