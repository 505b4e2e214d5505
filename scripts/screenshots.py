"""Screenshots of the desktop app for docs/screenshots/ and the user guide: the home window and every section of
the hotel example's workspace, in both languages, at 1366x768 and 1920x1080.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--sizes 1366x768]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def wait_until(app, predicate, timeout_ms: int = 20000) -> None:
    from PySide6.QtCore import QDeadlineTimer, QEventLoop

    deadline = QDeadlineTimer(timeout_ms)
    while not predicate():
        if deadline.hasExpired():
            raise TimeoutError("the app did not get there in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def save(widget, path: Path) -> None:
    """A 256-colour PNG: the screens are flat UI colours and text, and a fifth of the size keeps docs/ small."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
    widget.grab().toImage().convertToFormat(QImage.Format.Format_Indexed8, flags).save(str(path), "PNG", 0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--sizes", default="1366x768,1920x1080")
    parser.add_argument("--languages", default="zh,en")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("pia-wizard-screenshots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    from PySide6.QtGui import QFont

    from pia_wizard.ui.app import build_state, register_fonts

    family = register_fonts()
    if family:
        font = QFont(app.font())
        font.setFamilies([family])
        app.setFont(font)
    from pia_wizard.services import assessments
    from pia_wizard.ui.home import HomeWindow
    from pia_wizard.ui.i18n import Translations
    from pia_wizard.ui.settings import UiSettings
    from pia_wizard.ui.workspace import WorkspaceWindow

    data = Path(tempfile.mkdtemp(prefix="pia-shots-"))
    translations = Translations(app)
    shots = []
    for lang in args.languages.split(","):
        translations.use(lang)
        state = build_state(UiSettings(language=lang, report_language=lang), data_dir=str(data / lang))
        for name in ("hotel-checkin", "residential-gate"):
            a = assessments.read_assessment(assessments.example_path(name))
            a.id = str(uuid.uuid4())
            assessments.save_draft(state.ctx, a)
            if name == "hotel-checkin":
                hotel_id = a.id
        for size in args.sizes.split(","):
            w, h = (int(x) for x in size.split("x"))
            home = HomeWindow(state)
            home.resize(w, h)
            home.show()
            wait_until(app, lambda home=home: home.model.rowCount() >= 2)
            path = out / f"{lang}-{size}-00-home.png"
            save(home, path)
            shots.append(path)
            ws = WorkspaceWindow(state, hotel_id)
            ws.resize(w, h)
            ws.show()
            wait_until(app, lambda ws=ws: ws.evaluation is not None)
            for row in range(ws.nav.count()):
                if ws.nav.item(row).isHidden():
                    continue
                ws.nav.setCurrentRow(row)
                sid = ws.nav.item(row).data(0x0100)
                wait_until(app, lambda ws=ws, sid=sid: ws.evaluation is not None and not ws._unbuilt.get(sid))
                page = ws.pages.get(sid)
                if hasattr(page, "verticalScrollBar"):
                    page.verticalScrollBar().setValue(0)
                for _ in range(3):
                    app.processEvents()
                path = out / f"{lang}-{size}-{row + 1:02d}-{str(sid).strip('_')}.png"
                save(ws, path)
                shots.append(path)
            ws.close()
            home.close()
    print("\n".join(str(p) for p in shots))
    return 0


if __name__ == "__main__":
    sys.exit(main())
