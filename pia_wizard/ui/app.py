"""The desktop app: ``pia-wizard`` with no arguments, or ``python -m pia_wizard.ui.app``."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def register_fonts() -> str | None:
    """Register the bundled CJK font so Chinese renders on a machine without Chinese fonts; its family name."""
    from PySide6.QtGui import QFontDatabase

    from pia_wizard.paths import asset

    family = None
    for name in ("PIASansCJKsc-Regular.otf", "PIASansCJKsc-Bold.otf", "PIASansCJKscExt-Regular.otf"):
        font_id = QFontDatabase.addApplicationFont(str(asset("fonts", name)))
        if font_id >= 0 and family is None:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else None
    return family


def _busy_timeout(raw: str | None) -> float | None:
    """PIA_WIZARD_BUSY_TIMEOUT, as the CLI reads it: seconds to wait for another program's lock on the archive.
    A value that is not a number is ignored here (the app has no terminal to say so in); the default applies."""
    try:
        value = float(raw) if raw else None
    except ValueError:
        return None
    return value if value is not None and value >= 0 else None


def build_state(settings: object, data_dir: str | None = None):  # -> AppState
    from pia_wizard.context import AppContext, Settings
    from pia_wizard.paths import data_dir as default_data_dir
    from pia_wizard.ui.ops import serial_worker
    from pia_wizard.ui.state import AppState

    folder = data_dir or os.environ.get("PIA_WIZARD_DATA_DIR") or getattr(settings, "data_dir", "") or None
    ctx = AppContext(data_dir=default_data_dir(folder), actor=os.environ.get("USER") or os.environ.get("USERNAME"),
                     lang=settings.language,  # type: ignore[attr-defined]
                     settings=Settings(busy_timeout=_busy_timeout(os.environ.get("PIA_WIZARD_BUSY_TIMEOUT"))))
    return AppState(ctx, settings, serial_worker())  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QFont, QGuiApplication
    from PySide6.QtWidgets import QApplication

    argv = list(sys.argv if argv is None else argv)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    QCoreApplication.setOrganizationName("pia-wizard")
    QCoreApplication.setApplicationName("pia-wizard")
    app = QApplication.instance() or QApplication(argv)
    family = register_fonts()
    if family:
        font = QFont(app.font())
        font.setFamilies([QFont().defaultFamily(), family])
        app.setFont(font)

    from pia_wizard.ui.home import HomeWindow
    from pia_wizard.ui.i18n import Translations
    from pia_wizard.ui.settings import UiSettings

    settings = UiSettings.load()
    translations = Translations(app)
    translations.use(settings.language)
    state = build_state(settings)
    state.languageChanged.connect(translations.use)
    home = HomeWindow(state)
    home.show()
    if len(argv) > 1 and Path(argv[1]).suffix.lower() == ".json":
        home.import_json(argv[1])
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
