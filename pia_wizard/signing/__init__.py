"""Signing core: keys (keys.py), PAdES signing with a visible bilingual stamp (sign.py), verification (verify.py).

No Qt, no network. pyHanko is imported only inside the functions that need it (``import pyhanko.sign`` costs
~0.3 s and the CLI must start without it); ``keys`` uses ``cryptography`` only.

Secrets: a passphrase is only ever passed through, encoded and handed to ``cryptography``. It is never stored on
an object, formatted into a message or logged, and errors raised while it is in scope are raised ``from None`` so
that no library exception (or its traceback locals) travels with ours.
"""


class SigningError(Exception):
    """A signing or key problem the user can fix (wrong passphrase, unusable certificate, bad PDF): one line,
    safe to print; never contains a passphrase."""


class WrongPassphraseError(SigningError):
    """The passphrase does not open the key file (``path``)."""

    def __init__(self, path: object) -> None:
        self.path = str(path)
        super().__init__(f"wrong passphrase for {path}")
