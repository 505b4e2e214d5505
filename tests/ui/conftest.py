"""Fixtures for the desktop app's tests (pytest-qt, offscreen)."""

import pytest


@pytest.fixture(scope="session")
def bank():
    from pia_wizard.core.bank import default_bank

    return default_bank()


@pytest.fixture
def dialogs(monkeypatch):
    """Every message box the app shows, as (title, text), instead of a modal loop that would hang the test."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def record(box):
        shown.append((box.windowTitle(), box.text()))
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown
