"""Work-arounds for defects of the Qt binding that the app cannot avoid by writing its code differently.

PySide6 6.12.0 on CPython 3.11 (Debian 12's Python) drops one reference to ``None`` on every call of a C++
method that returns void (``QLabel.setText``, ``QWidget.setEnabled`` ...) and one reference to ``True`` on every
``Signal.emit()`` made from Python; after some thousands of calls the interpreter aborts ("none_dealloc"). 6.11.3
does not (50,000 calls, nothing lost), and pyproject pins it; tests/ui/test_binding.py fails if an upgrade brings
the defect back. ``guard_none_refcount()`` stays as a second line for a 6.12.0 that slips in anyway (a user's own
environment): it gives ``None``, ``True`` and ``False`` a reference count no session can use up, and does nothing on
any other version or on CPython >= 3.12, where those objects are immortal.
"""

from __future__ import annotations

import sys

_HEADROOM = 1 << 40  # ~10^12 void calls
AFFECTED = ("6.12.0",)


def needs_guard() -> bool:
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    import PySide6

    return PySide6.__version__ in AFFECTED


def guard_none_refcount() -> bool:
    """Raise the reference counts of None, True and False far out of reach where the defect is. Returns whether
    it did anything (False when not needed or already done)."""
    if not needs_guard() or sys.getrefcount(None) >= _HEADROOM:
        return False
    import ctypes

    for singleton in (None, True, False):
        # ob_refcnt is the first field of every PyObject (a Py_ssize_t) in the CPython builds we ship on.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _HEADROOM
    return True
