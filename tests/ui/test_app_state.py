"""The app's state: the busy timeout comes from the environment as for the CLI; settings round-trip QSettings."""

from PySide6.QtCore import QSettings

from pia_wizard.ui.app import build_state
from pia_wizard.ui.settings import UiSettings


def test_the_busy_timeout_is_read_as_the_cli_reads_it(monkeypatch, tmp_path, qapp):
    monkeypatch.setenv("PIA_WIZARD_BUSY_TIMEOUT", "0.5")
    assert build_state(UiSettings(), data_dir=str(tmp_path)).ctx.settings.busy_timeout == 0.5
    monkeypatch.setenv("PIA_WIZARD_BUSY_TIMEOUT", "soon")
    assert build_state(UiSettings(), data_dir=str(tmp_path)).ctx.settings.busy_timeout is None


def test_settings_are_kept_in_qsettings_and_bad_values_fall_back(tmp_path, qapp):
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    UiSettings(language="en", report_language="zh", assessor_name="周雅琳").save(store)
    again = UiSettings.load(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert (again.language, again.report_language, again.assessor_name) == ("en", "zh", "周雅琳")
    store.setValue("language", "fr")
    store.sync()
    assert UiSettings.load(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)).language in ("zh", "en")
