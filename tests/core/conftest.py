"""Fixtures for the core tests (no Qt)."""

from __future__ import annotations

import pytest


@pytest.fixture
def no_2027_data(monkeypatch):
    """The weekend-only estimate for years without official data, tested on 2027 whatever chinese-calendar
    version is installed: a release that adds 2027 must not turn these tests into skips."""
    from pia_wizard.core import workdays

    covered = tuple(y for y in workdays.data_years() if y < 2027)
    monkeypatch.setattr(workdays, "data_years", lambda: covered)
