"""The verify view: a demo-signed report checked against the archive that holds it and against one that does not,
a tampered copy, files that cannot be checked at all (one line), drag and drop, trusting a signer's certificate
(the fingerprint shown first) and opening the file in the preview. The demo report is signed for real; its
pages come from the one-page stand-in renderer (tests/fakes.py) except in the test marked slow."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from pia_wizard.context import AppContext
from pia_wizard.services import assessments
from pia_wizard.services.demo import demo_data_dir, demo_signed_report
from pia_wizard.ui.app import build_state
from pia_wizard.ui.settings import UiSettings
from pia_wizard.ui.verify_view import VerifyView, grouped

WAIT = 30_000


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """A signed demo report (assessor and DPO) archived in its own data folder."""
    from pia_wizard.services import report
    from tests.fakes import FakeRenderer

    out = tmp_path_factory.mktemp("verify-demo")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(report, "_render", FakeRenderer())
        made = demo_signed_report(AppContext(data_dir=demo_data_dir(out), actor="demo"), out, "zh")
    return made


def make_state(folder):
    return build_state(UiSettings(language="en"), data_dir=str(folder))


@pytest.fixture
def view_for(qtbot):
    made = []

    def make(folder) -> VerifyView:
        state = make_state(folder)
        view = VerifyView(state)
        qtbot.addWidget(view)
        view.resize(1366, 768)
        view.show()
        made.append(view)
        return view

    yield make
    for view in made:
        view.shutdown()
        view.state.worker.shutdown(wait=True)


def verified(qtbot, view: VerifyView, path):
    with qtbot.waitSignal(view.verified, timeout=WAIT) as sig:
        view.verify(path)
    return sig.args[0]


def texts(widget) -> list[str]:
    from PySide6.QtWidgets import QLabel

    return [label.text() for label in widget.findChildren(QLabel)]


def test_a_demo_signed_report_in_its_archive(qtbot, view_for, demo):
    view = view_for(demo_data_dir(demo.path.parent))
    check = verified(qtbot, view, demo.path)
    assert check.ok
    assert view.headline.kind == "ok" and view.headline.text.text().startswith("Verified")
    assert len(view.signature_cards) == 2
    for card, role in zip(view.signature_cards, ("Lead assessor", "PI protection officer"), strict=True):
        assert card.rows["verdict"].kind == "ok" and card.rows["verdict"].text.text().startswith("Valid")
        assert role in card.title.text() and role in card.rows["role"].text()
        assert card.rows["data"].kind == "ok"
        assert card.rows["trust"].text.text().startswith("Untrusted self-signed")  # nothing trusted yet
        assert "(as stated by the signer" in card.rows["time"].text()
    assert view.archive_card.rows["verdict"].kind == "ok"
    assert view.archive_card.rows["verdict"].text.text().startswith("In the archive")
    assert any(demo.report_id in t and f"#{demo.archive_id}" in t for t in texts(view.archive_card))
    assert view.preview_button.isEnabled() and demo.path.name in view.windowTitle()


def test_the_same_report_against_another_archive(qtbot, view_for, demo, tmp_path):
    folder = tmp_path / "office"
    with assessments.open_archive(AppContext(data_dir=folder)):
        pass  # an archive that holds other things, not this report
    view = view_for(folder)
    check = verified(qtbot, view, demo.path)
    assert not check.ok and all(c.rows["verdict"].kind == "ok" for c in view.signature_cards)
    assert view.archive_card.rows["verdict"].kind == "bad"
    assert view.archive_card.rows["verdict"].text.text().startswith("Not in the archive")
    assert view.headline.kind == "bad" and view.headline.text.text() == "Not verified: 1 problem(s) found."

    empty = view_for(tmp_path / "no-archive")  # a regulator's computer: no archive at all, none created
    verified(qtbot, empty, demo.path)
    assert empty.archive_card.rows["verdict"].text.text().startswith("Not in the archive: there is no archive")
    assert not (tmp_path / "no-archive").exists()


def _flip_signed_byte(pdf: bytes) -> bytes:
    """One byte of the document information (inside what both signatures cover) changed."""
    at = pdf.index(b"/Title (") + 12
    data = bytearray(pdf)
    data[at] ^= 0x01
    return bytes(data)


def test_a_tampered_copy_shows_modified(qtbot, view_for, demo, tmp_path):
    bad = tmp_path / "tampered.pdf"
    bad.write_bytes(_flip_signed_byte(demo.path.read_bytes()))
    view = view_for(demo_data_dir(demo.path.parent))
    check = verified(qtbot, view, bad)
    assert not check.ok
    for card in view.signature_cards:
        assert card.rows["verdict"].kind == "bad"
        assert card.rows["verdict"].text.text().startswith("Modified after signing")
    assert view.archive_card.rows["verdict"].kind == "bad"  # not the archived bytes
    assert any("digest mismatch" in t for t in texts(view.problems_card))


def test_a_damaged_compressed_stream_is_a_verdict_not_an_error(qtbot, view_for, demo, tmp_path):
    data = demo.path.read_bytes()
    end = int(re.search(rb"/ByteRange\s*\[\s*\d+\s+(\d+)", data).group(1))
    damaged = bytearray(data)
    damaged[end // 2] ^= 0x01  # somewhere in the signed, compressed body
    bad = tmp_path / "damaged.pdf"
    bad.write_bytes(bytes(damaged))
    view = view_for(tmp_path / "d")
    verified(qtbot, view, bad)
    assert any(c.rows["verdict"].text.text().startswith("Modified") for c in view.signature_cards)


@pytest.mark.parametrize("content", [b"<html>not a pdf</html>", "truncated"])
def test_a_file_that_cannot_be_checked_is_one_line(qtbot, view_for, demo, tmp_path, content):
    path = tmp_path / "x.pdf"
    path.write_bytes(demo.path.read_bytes()[:4000] if content == "truncated" else content)
    view = view_for(tmp_path / "d")
    verified(qtbot, view, demo.path)  # a result shown before is replaced by the error
    with qtbot.waitSignal(view.failed, timeout=WAIT) as failed:
        view.verify(path)
    message = failed.args[0]
    assert "\n" not in message and str(path) in message and message == view.message.text()
    assert view.message.isVisible() and view.check is None and not view.signature_cards[0].isVisible()
    assert not view.preview_button.isEnabled() and view.again_button.isEnabled()


def test_a_missing_file_is_one_line(qtbot, view_for, tmp_path):
    view = view_for(tmp_path / "d")
    with qtbot.waitSignal(view.failed, timeout=WAIT) as failed:
        view.verify(tmp_path / "nowhere.pdf")
    assert "\n" not in failed.args[0] and "nowhere.pdf" in failed.args[0]


def test_drag_and_drop_a_pdf(qtbot, view_for, demo, tmp_path):
    view = view_for(demo_data_dir(demo.path.parent))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(demo.path))])
    enter = QDragEnterEvent(view.rect().center(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(view.rect().center()), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(view.verified, timeout=WAIT) as sig:
        QApplication.sendEvent(view, drop)
    assert sig.args[0].path == demo.path and sig.args[0].ok

    text_only = QMimeData()
    text_only.setText("not a file")
    enter = QDragEnterEvent(view.rect().center(), Qt.DropAction.CopyAction, text_only, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view, enter)
    assert not enter.isAccepted()


def test_trust_a_certificate_after_seeing_its_fingerprint(qtbot, view_for, demo, tmp_path, monkeypatch):
    from pia_wizard.services import trust

    shown = []

    def answer(box):
        shown.append((box.text(), box.informativeText()))
        return int(QMessageBox.StandardButton.No if len(shown) == 1 else QMessageBox.StandardButton.Yes)

    monkeypatch.setattr(QMessageBox, "exec", answer)
    view = view_for(tmp_path / "regulator")
    check = verified(qtbot, view, demo.path)
    dpo = check.result.signatures[1]
    button = view.trust_buttons[dpo.certificate_fingerprint]
    button.click()  # "No": nothing trusted
    assert " ".join(grouped(dpo.certificate_fingerprint).split()[:8]) in shown[0][1] and dpo.signer in shown[0][0]
    assert "self-signed" in shown[0][1]
    assert trust.trusted_certificates(view.state.ctx) == []

    with qtbot.waitSignal(view.trusted, timeout=WAIT) as sig:
        view.trust_buttons[dpo.certificate_fingerprint].click()
    assert sig.args == [dpo.certificate_fingerprint]
    qtbot.waitUntil(lambda: not view.busy and view.check is not None and view.check.result.trust_checked,
                    timeout=WAIT)
    assessor_card, dpo_card = view.signature_cards
    assert dpo_card.rows["trust"].kind == "ok" and dpo_card.rows["trust"].text.text().startswith("Trusted")
    assert assessor_card.rows["trust"].kind == "bad"  # now judged: a self-signed certificate not trusted
    assert dpo.certificate_fingerprint not in view.trust_buttons
    assert [c.fingerprint for c in trust.trusted_certificates(view.state.ctx)] == [dpo.certificate_fingerprint]


def test_open_in_preview(qtbot, view_for, demo):
    view = view_for(demo_data_dir(demo.path.parent))
    verified(qtbot, view, demo.path)
    preview = view.open_preview()
    qtbot.waitUntil(lambda: preview.page_count() >= 1, timeout=WAIT)
    assert preview.isWindow() and demo.path.name in preview.windowTitle() and preview.data == demo.path.read_bytes()


def test_hostile_file_names_and_signers_stay_plain_text(qtbot, view_for, demo, tmp_path):
    from PySide6.QtWidgets import QLabel

    name = "<b>x<\\b>&amp; مرحبا 👩‍👩‍👧.pdf"
    path = tmp_path / name
    path.write_bytes(demo.path.read_bytes())
    view = view_for(tmp_path / "d")
    verified(qtbot, view, path)
    labels = view.results.findChildren(QLabel)
    assert any(label.text() == str(path) for label in labels)
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels if label.text())


def test_language_switch_redraws_the_result(qtbot, view_for, demo):
    view = view_for(demo_data_dir(demo.path.parent))
    verified(qtbot, view, demo.path)
    before = view.signature_cards[0]
    view.retranslate()
    assert view.signature_cards[0] is not before and len(view.signature_cards) == 2


@pytest.mark.slow
def test_a_real_demo_report(qtbot, view_for, tmp_path):
    out = tmp_path / "demo"
    made = demo_signed_report(AppContext(data_dir=demo_data_dir(out), actor="demo"), out, "en")
    view = view_for(demo_data_dir(out))
    check = verified(qtbot, view, made.path)
    assert check.ok and [c.rows["verdict"].kind for c in view.signature_cards] == ["ok", "ok"]
    assert view.archive_card.rows["verdict"].text.text().startswith("In the archive")
