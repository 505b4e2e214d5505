import os
from datetime import date

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path, monkeypatch):
    """No test may touch the real user data dir."""
    monkeypatch.setenv("PIA_WIZARD_DATA_DIR", str(tmp_path / "data"))


TODAY = date(2026, 11, 26)
