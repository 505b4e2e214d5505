"""Resources are found the same way from a checkout and from an installed wheel."""

import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_wheel_ships_resources_and_finds_them(tmp_path):
    wheel_dir = tmp_path / "wheel"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                    str(wheel_dir), str(REPO)], check=True, capture_output=True, timeout=300)
    (wheel,) = wheel_dir.glob("pia_wizard-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("pia_wizard/assets/questionnaire/bank.yaml", "pia_wizard/assets/obligations.csv",
                     "pia_wizard/assets/risk_method.yaml", "pia_wizard/templates/README.md",
                     "pia_wizard/examples/hotel-checkin.json"):
        assert required in names, required

    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    code = ("import pia_wizard.paths as p, pia_wizard.services.assessments as s; print(p.resource_dir('assets')); "
            "print(s.example_path())")
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "PIA_WIZARD_DATA_DIR": str(tmp_path / "data")}
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assets, example = out.stdout.split()
    assert assets == str(target / "pia_wizard" / "assets")
    assert example.startswith(str(target / "pia_wizard" / "examples"))
    check = subprocess.run([sys.executable, "-m", "pia_wizard", "check", example, "--format", "json"], cwd=tmp_path,
                           env=env, capture_output=True, text=True, timeout=120)
    assert check.returncode in (0, 1), check.stderr


def test_checkout_resources_are_the_repo_folders():
    from pia_wizard import paths

    assert paths.resource_dir("assets") == REPO / "assets"
    assert paths.template_dir() == REPO / "templates"
    assert paths.example("x.json") == REPO / "examples" / "x.json"


def test_frozen_app_resources_come_from_meipass(tmp_path, monkeypatch):
    from pia_wizard import paths

    (tmp_path / "assets").mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resource_dir("assets") == tmp_path / "assets"


def test_data_dir_precedence(tmp_path, monkeypatch):
    from pia_wizard import paths

    monkeypatch.setenv("PIA_WIZARD_DATA_DIR", str(tmp_path / "env"))
    assert paths.data_dir() == tmp_path / "env"
    assert paths.data_dir(tmp_path / "flag") == tmp_path / "flag"
    monkeypatch.delenv("PIA_WIZARD_DATA_DIR")
    assert paths.data_dir().name == "pia-wizard"
