"""PySide6 6.12.0 on CPython 3.11 dropped a reference to None on every void C++ call and to True on every Python
Signal.emit(), so a long session aborted the interpreter ("none_dealloc"). pyproject pins 6.11.3, which does not;
this test stops an upgrade that brings the defect back."""

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

CALLS = 5000


class _Emitter(QObject):
    fired = Signal(object)


def test_void_calls_and_emits_keep_the_references_of_none_and_true(qapp):
    label = QLabel()
    emitter = _Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(CALLS):
        label.setText("x")
        emitter.fired.emit(1)
    # A few references come and go with the interpreter's own work; the defect lost one per call.
    assert abs(sys.getrefcount(None) - none_before) < CALLS // 10
    assert abs(sys.getrefcount(True) - true_before) < CALLS // 10
