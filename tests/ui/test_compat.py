"""The guard for PySide6 6.12.0 (ui/compat.py) acts only where the defect is."""

import PySide6

from pia_wizard.ui import compat


def test_the_guard_is_off_on_the_pinned_binding():
    assert PySide6.__version__ not in compat.AFFECTED  # pyproject pins a version without the defect
    assert compat.needs_guard() is False
    assert compat.guard_none_refcount() is False
