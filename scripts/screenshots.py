"""Screenshots of the desktop app for docs/screenshots/ and the user guide, in both languages, at 1366x768 and
1920x1080: the home window, every section of the hotel example's workspace and its review page (00-16), then the
approval, the signing keys, signing (a real render and two real signatures, once per language), the report preview,
verification, versions and their comparison, processing records, the filing tracker, the audit log, the archived
reports and the home window's reminders (17-30).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--sizes 1366x768]
        [--languages zh,en] [--only review,sign]

Files are named ``{lang}-{W}x{H}-{NN}-{name}.png``; ``--only`` takes names (``home``, a section ID such as
``scope``, ``risk``, ``review``, or one of NEW_SHOTS) and shoots only those, doing no more than they need (``--only
records`` signs nothing; ``--only verify`` has to). Each language works in a data folder of its own, kept across
the sizes: one window is resized for each size, and a dialog is drawn centred over its window at that size.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

NEW_SHOTS = {"approve": 17, "keys-create": 18, "keys-certificate": 19, "sign": 20, "signed": 21, "preview": 22,
             "verify": 23, "versions": 24, "diff": 25, "records": 26, "filing-tracker": 27, "audit": 28, "reports": 29,
             "reminders": 30}
# A stage makes what its shots show; it needs the stages before it that made what it uses.
STAGES = {  # stage: (its shots, the stages it needs)
    "workspace": (set(), ()),  # the home window, the sections and the review page: the names depend on the bank
    "approve": ({"approve"}, ("workspace",)),
    "keys": ({"keys-create", "keys-certificate"}, ()),
    "sign": ({"sign", "signed"}, ("approve", "keys")),
    "preview": ({"preview"}, ("sign",)),
    "verify": ({"verify"}, ("sign",)),
    "data": (set(), ()),  # processing records and the filing tracker, through services.archive
    "reminders": ({"reminders"}, ("data",)),
    "versions": ({"versions", "diff"}, ("sign",)),
    "records": ({"records"}, ("data",)),
    "filing": ({"filing-tracker"}, ("data",)),
    "audit": ({"audit"}, ("data",)),
    "reports": ({"reports"}, ("sign",)),
}
WAIT_MS = 20_000
SIGN_WAIT_MS = 600_000  # a real render of the hotel's report takes ~15 s; generous on a busy machine
DPO_PASS = "screenshots: 陈启航 dpo-2026!"  # test keys in a throwaway data folder
ASSESSOR_PASS = "screenshots: Zhou assessor 42"
HOTEL = "hotel-checkin"
GATE = "residential-gate"


def wait_until(app, predicate, timeout_ms: int = WAIT_MS) -> None:
    from PySide6.QtCore import QDeadlineTimer, QEventLoop

    deadline = QDeadlineTimer(timeout_ms)
    while not predicate():
        if deadline.hasExpired():
            raise TimeoutError("the app did not get there in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def settle(app) -> None:
    """Let layouts, deferred fits (zero-time timers) and repaints after a resize run."""
    for _ in range(4):
        app.processEvents()


def indexed(image):
    """A 256-colour image: the screens are flat UI colours and text, and a fifth of the size keeps docs/ small."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
    return image.convertToFormat(QImage.Format.Format_Indexed8, flags)


def save(widget, path: Path) -> None:
    indexed(widget.grab().toImage()).save(str(path), "PNG", 0)


def over(window, dialog):
    """The window with the dialog centred over it, a frame and a shadow marking the dialog's edge (the offscreen
    platform draws no window decorations)."""
    from PySide6.QtGui import QColor, QPainter

    base = window.grab()
    top = dialog.grab()
    x = max(0, (base.width() - top.width()) // 2)
    y = max(0, (base.height() - top.height()) // 2)
    painter = QPainter(base)
    for i, alpha in enumerate((60, 40, 25, 12)):
        painter.fillRect(x - 1 + i + 2, y - 1 + i + 2, top.width() + 2, top.height() + 2, QColor(0, 0, 0, alpha))
    painter.fillRect(x - 1, y - 1, top.width() + 2, top.height() + 2, QColor("#6b6b6b"))
    painter.drawPixmap(x, y, top)
    painter.end()
    return base.toImage()


def ink(image) -> int:
    """Dark pixels on a coarse grid: a drawn page has text, a page still rendering has none."""
    n = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            c = image.pixelColor(x, y)
            if c.red() + c.green() + c.blue() < 240:
                n += 1
    return n


class Shooter:
    def __init__(self, app, out: Path, sizes: list[tuple[int, int]], lang: str, only: set[str] | None) -> None:
        self.app, self.out, self.sizes, self.lang, self.only = app, out, sizes, lang, only
        self.shots: list[Path] = []

    def wanted(self, name: str) -> bool:
        return self.only is None or name in self.only

    def path(self, number: int, name: str, size: tuple[int, int]) -> Path:
        return self.out / f"{self.lang}-{size[0]}x{size[1]}-{number:02d}-{name}.png"

    def shoot(self, number: int, name: str, window, dialog=None, ready: Callable[[], bool] | None = None) -> None:
        """``window`` at each size (``dialog`` over it); ``ready``: what to wait for after each resize."""
        if not self.wanted(name):
            return
        for size in self.sizes:
            window.resize(*size)
            settle(self.app)
            if ready is not None:
                wait_until(self.app, ready)
                settle(self.app)
            path = self.path(number, name, size)
            image = over(window, dialog) if dialog is not None else window.grab().toImage()
            indexed(image).save(str(path), "PNG", 0)
            self.shots.append(path)


@contextmanager
def replaced(owner: Any, name: str, value: Any) -> Iterator[None]:
    old = owner.__dict__.get(name)
    setattr(owner, name, value)
    try:
        yield
    finally:
        if old is None:
            delattr(owner, name)
        else:
            setattr(owner, name, old)


def stages_for(only: set[str] | None) -> list[str]:
    """The stages to run, in order: all of them, or those the named shots need."""
    if only is None:
        return list(STAGES)
    chosen: set[str] = set()

    def add(stage: str) -> None:
        if stage not in chosen:
            chosen.add(stage)
            for need in STAGES[stage][1]:
                add(need)

    for stage, (shots, _needs) in STAGES.items():
        if shots & only:
            add(stage)
    if only - set(NEW_SHOTS):  # the home window, a section or the review page
        add("workspace")
    return [s for s in STAGES if s in chosen]


def records_csv(path: Path, today: date, assessment_id: str) -> Path:
    """A few hundred processing records of the hotel's kiosks: one per store and day over the last 100 days, each
    linked to the hotel's assessment."""
    stores = ("静安店", "徐汇店", "浦东店")
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["record_date", "system", "assessment_id", "pi_types", "quantity", "sources", "purposes",
                    "scenarios", "note"])
        for day in range(100, 0, -1):
            on = today - timedelta(days=day)
            for i, store in enumerate(stores):
                w.writerow([on.isoformat(), "前台自助入住核验终端", assessment_id, "人脸图像；身份证件信息",
                            40 + (day * 7 + i * 13) % 35,
                            "住客现场拍摄；身份证芯片读取", "入住身份核验", f"{store}大堂自助入住",
                            "核验照片7天后自动删除" if day % 30 == 0 else ""])
    return path


class Run:
    """One language: its data folder, its windows, and the shots of each stage."""

    def __init__(self, app, shooter: Shooter, root: Path) -> None:
        from pia_wizard.services import assessments
        from pia_wizard.ui.app import build_state
        from pia_wizard.ui.settings import UiSettings

        self.app, self.shooter, self.lang = app, shooter, shooter.lang
        self.root = root
        self.state = build_state(UiSettings(language=self.lang, report_language=self.lang),
                                 data_dir=str(root / self.lang))
        self.state.ctx = self.state.ctx.with_(actor="chenqh")  # the officer, in the audit log (not the OS user)
        self.ids: dict[str, str] = {}
        for name in (HOTEL, GATE):
            a = assessments.read_assessment(assessments.example_path(name))
            a.id = str(uuid.uuid4())
            assessments.save_draft(self.state.ctx, a)
            self.ids[name] = a.id
        self.home: Any = None
        self.ws: Any = None
        self.issued: Any = None  # the report signed in the sign stage
        self.today = self.state.ctx.today()

    def wait(self, predicate: Callable[[], bool], timeout_ms: int = WAIT_MS) -> None:
        wait_until(self.app, predicate, timeout_ms)

    def shoot(self, name: str, window, dialog=None, ready: Callable[[], bool] | None = None) -> None:
        self.shooter.shoot(NEW_SHOTS[name], name, window, dialog, ready)

    def open_home(self) -> None:
        from pia_wizard.ui.home import HomeWindow

        self.home = HomeWindow(self.state)
        self.home.resize(*self.shooter.sizes[0])
        self.home.show()
        self.wait(lambda: self.home.model.rowCount() >= 2 and self.home.reminders.loaded)

    def close(self) -> None:
        if self.home is not None:
            self.home.close()
        self.state.worker.shutdown(wait=True)

    # --- the home window, the workspace's sections, the review page ------------------------------------------------
    def workspace(self) -> None:
        from pia_wizard.ui.workspace import REVIEW_PAGE

        self.open_home()
        self.shooter.shoot(0, "home", self.home)
        self.home.open_assessment(self.ids[HOTEL])
        ws = self.ws = self.home.workspaces[self.ids[HOTEL]]
        self.wait(lambda: ws.evaluation is not None)
        for row in range(ws.nav.count()):
            sid = ws.nav.item(row).data(0x0100)
            name = str(sid).strip("_")
            if ws.nav.item(row).isHidden() or not self.shooter.wanted(name):
                continue
            ws.nav.setCurrentRow(row)
            self.wait(lambda sid=sid: ws.evaluation is not None and not ws._unbuilt.get(sid))
            if sid == REVIEW_PAGE:  # its heat map comes from the worker with the evaluation the page asked for
                self.wait(lambda: not ws._evaluating and ws.review.svg is not None)
            page = ws.pages.get(sid)
            scroll = getattr(page, "scroll", page)
            if hasattr(scroll, "verticalScrollBar"):
                scroll.verticalScrollBar().setValue(0)
            self.shooter.shoot(row + 1, name, ws)

    # --- the officer's approval, through the workspace's own command --------------------------------------------------
    def approve(self) -> None:
        from PySide6.QtWidgets import QDialog

        from pia_wizard.ui.approve_dialog import ApproveDialog

        ws = self.ws

        def filled(dialog: ApproveDialog) -> QDialog.DialogCode:
            dialog.show()
            dialog.use_conclusion.click()  # the decision, its reasons and conditions from the assessment
            for check in dialog.attest_checks.values():
                check.setChecked(True)
            dialog.validate()
            assert dialog.ok.isEnabled(), dialog.problems
            dialog.scroll.ensureWidgetVisible(dialog.decision_box, 0, 0)
            self.shoot("approve", ws, dialog)
            dialog.accept()
            return QDialog.DialogCode.Accepted

        with replaced(ApproveDialog, "exec", filled):
            ws.approve()
        self.wait(lambda: ws.pending_writes == 0 and bool(ws.data.get("approval")))

    # --- the signing keys: the officer's through the dialog, the assessor's through the services ----------------------
    def keys(self) -> None:
        from pia_wizard.services import keys
        from pia_wizard.ui.keys_dialog import KeysDialog, key_path

        if self.home is None:
            self.open_home()
        hotel = self._hotel()
        dialog = KeysDialog(self.state, self.home)
        dialog.show()
        dialog.tabs.setCurrentWidget(dialog.create_page)
        dialog.name.setText(hotel.dpo["name"])
        dialog.organisation.setText(hotel.processor["name"])
        dialog.new_passphrase.setText(DPO_PASS)
        dialog.repeat_passphrase.setText(DPO_PASS)
        self.shoot("keys-create", self.home, dialog)
        got: list[Any] = []
        dialog.identityChanged.connect(got.append)
        dialog.create_button.click()
        self.wait(lambda: bool(got) and not dialog.busy)
        self.shoot("keys-certificate", self.home, dialog)
        dialog.close()
        keys.create_key(self.state.ctx, name=hotel.assessor["name"], organisation=hotel.processor["name"],
                        passphrase=ASSESSOR_PASS, out=key_path(self.state, "assessor"))

    def _hotel(self) -> Any:
        from pia_wizard.services import assessments

        return assessments.read_assessment(assessments.example_path(HOTEL))

    # --- signing, through the workspace's own command; the dialog stays open to be shot -------------------------------
    def sign(self) -> None:
        from pia_wizard.ui.sign_dialog import SignDialog

        ws = self.ws
        opened: list[SignDialog] = []
        with replaced(SignDialog, "exec", lambda dialog: (opened.append(dialog), dialog.show())):
            ws.sign()
            self.wait(lambda: bool(opened))
        dialog = opened[0]
        self.wait(lambda: dialog.problems is not None)
        assert dialog.problems == [], dialog.problems
        dialog.use_assessor.setChecked(True)
        dialog.assessor.passphrase.setText(ASSESSOR_PASS)
        dialog.dpo.passphrase.setText(DPO_PASS)
        out = self.root / f"reports-{self.lang}"
        out.mkdir(exist_ok=True)
        dialog.out.setText(str(out / f"{ws.data['system']['name']}-{self.lang}.pdf"))
        self.shoot("sign", ws, dialog)
        dialog.sign_button.click()
        self.wait(lambda: not dialog.running, SIGN_WAIT_MS)
        if dialog.result_report is None:
            raise RuntimeError(f"signing failed: {dialog.status.text()}")
        self.issued = dialog.result_report
        self.shoot("signed", ws, dialog)
        self.sign_dialog = dialog

    # --- the signed report in the preview, opened from the sign dialog -----------------------------------------------
    def preview(self) -> None:
        from pia_wizard.ui.pdf_preview import PdfPreview

        self.sign_dialog.open_button.click()  # the home window opens it in a window of its own
        self.sign_dialog.close()
        window = next(w for w in self.app.topLevelWidgets() if isinstance(w, PdfPreview) and w.isVisible())
        self.wait(lambda: window.page_count() > 0 and window.thumbs_done >= min(window.page_count(), 8))

        def drawn() -> bool:
            image = window.view.viewport().grab().toImage()
            return ink(image) > 200 and window.view.viewport().grab().toImage() == image

        self.shoot("preview", window, ready=drawn)
        window.close()

    # --- verification of the signed file ----------------------------------------------------------------------------
    def verify(self) -> None:
        view = self.home.show_view("verify")
        checked: list[Any] = []
        view.verified.connect(checked.append)
        view.verify(self.issued.path)
        self.wait(lambda: bool(checked), 60_000)
        self.shoot("verify", view)
        view.close()

    # --- processing records and the filing tracker, through services.archive ------------------------------------------
    def data(self) -> None:
        from pia_wizard.services import archive, assessments
        from pia_wizard.services.demo import demo_approval

        ctx = self.state.ctx
        source = records_csv(self.root / f"records-{self.lang}.csv", self.today, self.ids[HOTEL])
        summary = archive.prepare_records_import(ctx, source).run()
        assert summary.rows > 200, summary
        hotel = demo_approval(self._hotel())
        # the hotel's tracker as its assessment answers it (counted, threshold reached, filed), and the kiosks as a
        # substantive change with its own 30-working-day clock
        archive.store_filing_state(ctx, hotel)
        processor = hotel.processor["name"]
        archive.add_filing_event(ctx, "change", self.today - timedelta(days=3),
                                 "新增三家直营门店自助入住终端（11台），新增暂存人脸信息约2,000人", processor=processor)
        archive.set_filing_material(ctx, "frt-form", status="in_progress", note="变更备案表：新增自助入住场景",
                                    processor=processor)
        if self.issued is not None:
            archive.set_filing_material(ctx, "pipia-report", status="ready", report=self.issued.archived.id,
                                        processor=processor)
        # the gate's property manager crossed 100,000 stored faces weeks ago and has not filed: overdue
        gate = assessments.read_assessment(assessments.example_path(GATE))
        archive.log_stored_count(ctx, 86_200, self.today - timedelta(days=120), processor=gate.processor["name"])
        archive.log_stored_count(ctx, 104_350, self.today - timedelta(days=50), processor=gate.processor["name"])
        self.processor = processor

    def reminders(self) -> None:
        if self.home is None:
            self.open_home()
        panel = self.home.reminders
        panel.loaded = False
        self.home.refresh()
        self.wait(lambda: panel.loaded and len(panel.reminders) >= 2)
        self.home.select(self.ids[HOTEL])
        self.shoot("reminders", self.home)

    # --- versions: version 1 approved by the signing, version 2 a periodic review with the conditions met -------------
    def versions(self) -> None:
        from pia_wizard.services import assessments, drafts

        ctx, aid = self.state.ctx, self.ids[HOTEL]
        if self.ws is not None:
            self.ws.close()
            self.ws = None
        assessments.new_version(ctx, aid, "periodic_review",
                                "上线后复核：告知页已补充保存期限，入侵检测已部署")
        session = drafts.open_draft(ctx, aid)
        items = list(session.data["answers"]["notice.items"])
        session.set_answer("notice.items", [*items[:3], "retention", *items[3:]])
        controls = list(session.data["answers"]["security.controls"])
        session.set_answer("security.controls", [*controls, "intrusion_detection"])
        session.checkpoint()
        session.close()
        self.home.refresh()
        self.wait(lambda: any(r.assessment_id == aid and r.version == 2 for r in self.home.model.rows))
        self.home.select(aid)
        view = self.home.show_view(f"versions:{aid}")
        self.wait(lambda: len(view.versions) == 2)
        view.select_versions(1, 2)
        self.shoot("versions", view)
        shown: list[Any] = []
        view.compared.connect(shown.append)
        view.compare()
        self.wait(lambda: bool(shown))
        self.shoot("diff", shown[0])
        shown[0].close()
        view.close()

    def records(self) -> None:
        view = self.home.show_view("records")
        self.wait(lambda: view.model.total is not None and view.model.rowCount() > 0)
        view.table.selectRow(0)
        self.shoot("records", view)
        view.close()

    def filing(self) -> None:
        view = self.home.show_view("filing")
        view.show_processor(self.processor)
        self.wait(lambda: view.data is not None and view.current() == self.processor)
        view.tabs.setCurrentIndex(1)  # the kiosks' change, with its own clock
        view.events.selectRow(0)
        self.shoot("filing-tracker", view)
        view.close()

    def audit(self) -> None:
        view = self.home.show_view("audit")
        self.wait(lambda: view.model.rowCount() > 0)
        view.verify_button.click()
        self.wait(lambda: view.check is not None, 60_000)
        view.table.selectRow(0)
        self.shoot("audit", view)
        view.close()

    def reports(self) -> None:
        view = self.home.show_view("reports")
        self.wait(lambda: view.model.rowCount() > 0)
        view.select(self.issued.archived.id)
        self.shoot("reports", view)
        view.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--sizes", default="1366x768,1920x1080")
    parser.add_argument("--languages", default="zh,en")
    parser.add_argument("--only", default="", help="comma-separated shot names, e.g. review,sign (default: all)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    sizes = [tuple(int(x) for x in size.split("x")) for size in args.sizes.split(",")]
    only = {name.strip() for name in args.only.split(",") if name.strip()} or None

    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("pia-wizard-screenshots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    from PySide6.QtGui import QFont

    from pia_wizard.core.bank import default_bank
    from pia_wizard.ui.app import register_fonts
    from pia_wizard.ui.i18n import Translations

    if only is not None:
        known = {"home", "risk", "review", *NEW_SHOTS, *(s.id for s in default_bank().sections)}
        if only - known:
            parser.error(f"unknown shot(s): {', '.join(sorted(only - known))}; known: {', '.join(sorted(known))}")
    family = register_fonts()
    if family:
        font = QFont(app.font())
        font.setFamilies([family])
        app.setFont(font)

    root = Path(tempfile.mkdtemp(prefix="pia-shots-"))  # the data folders, the keys, the signed reports
    translations = Translations(app)
    shots = []
    try:
        for lang in args.languages.split(","):
            translations.use(lang)
            shooter = Shooter(app, out, sizes, lang, only)  # type: ignore[arg-type]
            run = Run(app, shooter, root)
            try:
                for stage in stages_for(only):
                    if stage not in ("workspace", "keys", "data", "reminders") and run.home is None:
                        run.open_home()
                    getattr(run, stage)()
            finally:
                run.close()
            shots += shooter.shots
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print("\n".join(str(p) for p in shots))
    return 0


if __name__ == "__main__":
    sys.exit(main())
