"""`pia-wizard`: no arguments -> the desktop app (or one line when there is no screen); anything else -> the CLI,
without loading Qt."""

import subprocess
import sys

from pia_wizard import launch


def test_no_screen_gives_one_line_and_points_at_the_demo(monkeypatch, capsys):
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert launch.main([]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pia-wizard demo" in err


def test_a_command_runs_the_cli_and_never_imports_qt():
    code = ("import sys\nfrom pia_wizard import launch\ntry:\n    rc = launch.main(['--version'])\n"
            "except SystemExit as exc:\n    rc = exc.code\n"
            "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NOQT')\nsys.exit(rc)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("NOQT")
    assert "pia-wizard" in out.stdout
