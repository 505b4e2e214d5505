"""The signing keys dialog (issue 12 item 3): two identities created through it (the officer's and the lead
assessor's), the passphrase entered twice with a live strength hint and cleared after use, the certificate shown
(fingerprint grouped, self-signed or CA-issued), a CA-issued .p12 imported, the certificate exported as PEM, and a
wrong passphrase said in one line beside its field. Offscreen; the key work runs on the worker."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

from pia_wizard.services import keys
from pia_wizard.ui.app import build_state
from pia_wizard.ui.keys_dialog import KeysDialog, grouped_fingerprint, key_path
from pia_wizard.ui.settings import UiSettings

WAIT = 30_000  # ms: creating a key derives its encryption key (~1 s); generous on a busy 2-core machine
DPO_PASS = "陈启航的口令 dpo-2026!"
ASSESSOR_PASS = "Zhou assessor passphrase 42"


@pytest.fixture
def state(tmp_path, monkeypatch):
    monkeypatch.setattr(UiSettings, "save", lambda self, store=None: None)
    s = build_state(UiSettings(language="en"), data_dir=str(tmp_path / "data"))
    yield s
    s.worker.shutdown(wait=True)


@pytest.fixture
def dialog(qtbot, state):
    d = KeysDialog(state)
    qtbot.addWidget(d)
    d.show()
    return d


def create(qtbot, d: KeysDialog, role: str, name: str, org: str, passphrase: str):
    d.role.setCurrentIndex(["dpo", "assessor"].index(role))
    d.tabs.setCurrentWidget(d.create_page)
    d.name.setText(name)
    d.organisation.setText(org)
    d.new_passphrase.setText(passphrase)
    d.repeat_passphrase.setText(passphrase)
    assert d.create_button.isEnabled()
    with qtbot.waitSignal(d.identityChanged, timeout=WAIT) as got:
        d.create_button.click()
        # the fields are emptied at once, before the key is made
        assert d.new_passphrase.text() == "" and d.repeat_passphrase.text() == ""
        assert not d.create_button.isEnabled()
    return got.args[0]


def test_two_identities_are_created_and_shown(qtbot, state, dialog):
    assert dialog.tabs.currentWidget() is dialog.create_page  # no key yet: the dialog opens where one is made
    dpo = create(qtbot, dialog, "dpo", "陈启航", "锦程酒店管理（上海）有限公司", DPO_PASS)
    assert dpo.path == keys.default_key_path(state.ctx) and dpo.path.exists()
    assert dialog.tabs.currentWidget() is dialog.show_page and dialog.details.isVisible()
    assert dialog.detail_values["signer"].text() == "陈启航"
    assert "Self-signed" in dialog.detail_values["kind"].text()
    assert dialog.detail_values["fingerprint"].text() == grouped_fingerprint(dpo.fingerprint)
    assert "✓" in dialog.path_state.text()

    assessor = create(qtbot, dialog, "assessor", "周雅琳", "锦程酒店管理（上海）有限公司", ASSESSOR_PASS)
    assert assessor.path == key_path(state, "assessor") and assessor.path != dpo.path
    assert assessor.fingerprint != dpo.fingerprint
    # each opens with its own passphrase, through the services
    assert keys.show_key(state.ctx, DPO_PASS).signer == "陈启航"
    assert keys.show_key(state.ctx, ASSESSOR_PASS, assessor.path).signer == "周雅琳"
    # the passphrases are kept nowhere: not in the dialog's attributes, not in the settings
    kept = [v for obj in (dialog, state.settings) for v in vars(obj).values() if isinstance(v, str)]
    assert not any(DPO_PASS in v or ASSESSOR_PASS in v for v in kept)
    assert DPO_PASS not in repr(state.settings)


def test_the_fingerprint_is_grouped_for_reading():
    fp = "f2a22eda2c7036d97df7a73dd019a968f7b3349b7ad9c4da5534d8835a4d8d7c"
    assert grouped_fingerprint(fp) == ("F2A2 2EDA 2C70 36D9 7DF7 A73D D019 A968\n"
                                       "F7B3 349B 7AD9 C4DA 5534 D883 5A4D 8D7C")


def test_the_passphrase_hint_is_live_and_a_mismatch_or_an_existing_file_blocks_create(qtbot, state, dialog):
    dialog.name.setText("陈启航")
    dialog.organisation.setText("锦程酒店")
    dialog.new_passphrase.setText("short")
    assert dialog.strength.text().startswith("✗") and "at least 8" in dialog.strength.text()
    assert not dialog.create_button.isEnabled()
    dialog.new_passphrase.setText("abcdefgh")
    assert dialog.strength.text().startswith("!") and "weak" in dialog.strength.text()
    dialog.new_passphrase.setText(DPO_PASS)
    assert dialog.strength.text().startswith("✓") and "strong" in dialog.strength.text()
    dialog.repeat_passphrase.setText(DPO_PASS + "x")
    assert dialog.repeat_error.isVisible() and "differ" in dialog.repeat_error.text()
    assert not dialog.create_button.isEnabled()
    dialog.repeat_passphrase.setText(DPO_PASS)
    assert not dialog.repeat_error.isVisible() and dialog.create_button.isEnabled()
    path = keys.default_key_path(state.ctx)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"a key already")
    dialog.create_button.click()  # the file appeared after the path was typed: checked again, nothing done
    assert path.read_bytes() == b"a key already"
    assert dialog.create_path_error.isVisible() and "never overwritten" in dialog.create_path_error.text()
    assert not dialog.create_button.isEnabled()


def test_a_wrong_passphrase_says_so_beside_the_field(qtbot, state, dialog):
    create(qtbot, dialog, "dpo", "陈启航", "锦程酒店", DPO_PASS)
    dialog.passphrase.setText("not the passphrase")
    dialog.show_button.click()
    assert dialog.passphrase.text() == ""
    qtbot.waitUntil(lambda: dialog.passphrase_error.isVisible(), timeout=WAIT)
    text = dialog.passphrase_error.text()
    assert text.startswith("✗ wrong passphrase for") and "\n" not in text
    qtbot.waitUntil(lambda: dialog.show_button.isEnabled(), timeout=WAIT)
    dialog.passphrase.setText(DPO_PASS)
    dialog.show_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)
    assert not dialog.passphrase_error.isVisible() and dialog.detail_values["signer"].text() == "陈启航"


def test_the_certificate_is_exported_as_pem(qtbot, state, dialog, tmp_path, monkeypatch):
    create(qtbot, dialog, "dpo", "陈启航", "锦程酒店", DPO_PASS)
    dest = tmp_path / "dpo-certificate.pem"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(dest), ""))
    dialog.export_button.click()  # no passphrase yet: asked for, beside the field
    assert "passphrase" in dialog.passphrase_error.text() and not dest.exists()
    dialog.passphrase.setText(DPO_PASS)
    dialog.export_button.click()
    assert dialog.passphrase.text() == ""
    qtbot.waitUntil(lambda: dest.exists() and not dialog.busy, timeout=WAIT)
    assert dest.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
    assert str(dest) in dialog.show_status.text()


def test_a_ca_issued_p12_is_imported(qtbot, state, dialog, tmp_path, monkeypatch):
    from pia_wizard.signing.keys import save_pkcs12
    from tests.signing.conftest import ca_issued_identity

    _, identity = ca_issued_identity("王伟")
    src = save_pkcs12(identity, tmp_path / "from-the-ca.pfx", "ca passphrase 1", kdf_rounds=1000)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(src), ""))
    dialog.tabs.setCurrentWidget(dialog.import_page)
    dialog.import_choose.click()
    assert dialog.import_source.text() == str(src)
    dialog.import_passphrase.setText("wrong passphrase")
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.import_passphrase_error.isVisible(), timeout=WAIT)
    assert "wrong passphrase" in dialog.import_passphrase_error.text()
    dialog.import_passphrase.setText("ca passphrase 1")
    with qtbot.waitSignal(dialog.identityChanged, timeout=WAIT) as got:
        dialog.import_button.click()
    info = got.args[0]
    assert info.path == keys.default_key_path(state.ctx) and not info.self_signed
    assert dialog.detail_values["kind"].text() == "Issued by a certification authority"
    assert "Test Root CA" in dialog.detail_values["issuer"].text()


def test_another_key_file_can_be_picked(qtbot, state, dialog, tmp_path, monkeypatch):
    other = keys.create_key(state.ctx, name="刘之远", organisation="上海明衡律师事务所", passphrase=DPO_PASS,
                            out=tmp_path / "lawyer.p12")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other.path), ""))
    dialog.tabs.setCurrentWidget(dialog.show_page)
    dialog.choose.click()
    assert dialog.path.text() == str(other.path) and dialog.show_button.isEnabled()
    dialog.passphrase.setText(DPO_PASS)
    dialog.show_button.click()
    qtbot.waitUntil(lambda: dialog.details.isVisible() and not dialog.busy, timeout=WAIT)
    assert dialog.detail_values["signer"].text() == "刘之远"


def test_the_dialog_follows_the_ui_language(qtbot, state, dialog):
    dialog.new_passphrase.setText("short")
    state.with_language("zh")
    assert dialog.strength.text() == "✗ 太短：至少 8 个字符"


def test_every_input_has_an_accessible_name(qtbot, dialog):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget

    nameless = []
    for page in (dialog.show_page, dialog.create_page, dialog.import_page):
        dialog.tabs.setCurrentWidget(page)
        nameless += [type(w).__name__ for w in dialog.findChildren(QWidget)
                     if isinstance(w, QLineEdit | QComboBox | QAbstractButton) and w.isVisible()
                     and not isinstance(w.parent(), QComboBox)
                     and not (w.accessibleName().strip() or (isinstance(w, QAbstractButton) and w.text().strip()))]
    assert nameless == []


def test_a_closed_dialog_no_longer_follows_the_language(qtbot, state):
    from PySide6.QtCore import QCoreApplication, QEvent

    from pia_wizard.services.assessments import example_path, read_assessment
    from pia_wizard.ui.approve_dialog import ApproveDialog
    from pia_wizard.ui.sign_dialog import SignDialog

    a = read_assessment(example_path("hotel-checkin"))
    dialogs = [KeysDialog(state), ApproveDialog(state, a), SignDialog(state, a)]
    qtbot.waitUntil(lambda: dialogs[2].problems is not None, timeout=WAIT)
    for d in dialogs:
        d.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    state.with_language("zh")  # a slot of a deleted dialog would raise here
