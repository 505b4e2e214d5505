"""Fixtures for the desktop app's tests (pytest-qt, offscreen)."""

import pytest


@pytest.fixture(scope="session", autouse=True)
def _own_qsettings(tmp_path_factory):
    """QSettings() in the app (the settings dialog saves through it) writes here, never to the user's own."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, folder)


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
