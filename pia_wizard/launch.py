"""The ``pia-wizard`` entry point: the desktop app when run with no arguments, the CLI otherwise.

It sits above both front ends (the layers contract keeps ui and cli from importing each other) and imports
only the one it starts, so a CLI command never loads Qt.
"""

from __future__ import annotations

import importlib.util
import os
import sys


def _no_screen() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    if os.environ.get("QT_QPA_PLATFORM", "") not in ("", "xcb", "wayland"):
        return False  # offscreen, vnc...: the user asked for it
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def desktop_app(argv: list[str]) -> int:
    if importlib.util.find_spec("PySide6") is None:
        sys.stderr.write("pia-wizard: the desktop app needs PySide6 (pip install pyside6-essentials); every "
                         "command works without it: `pia-wizard --help`\n")
        return 2
    if _no_screen():
        sys.stderr.write("pia-wizard: no display for the desktop app (DISPLAY is not set); run `pia-wizard demo` "
                         "for the headless demo, or `pia-wizard --help` for the commands\n")
        return 2
    from pia_wizard.ui.app import main as app_main

    return app_main(argv)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or (len(args) == 1 and args[0].lower().endswith(".json") and os.path.isfile(args[0])):
        return desktop_app([sys.argv[0], *args])
    from pia_wizard.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
