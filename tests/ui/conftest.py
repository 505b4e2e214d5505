"""Fixtures for the desktop app's tests (pytest-qt, offscreen)."""

import pytest


@pytest.fixture(scope="session")
def bank():
    from pia_wizard.core.bank import default_bank

    return default_bank()
