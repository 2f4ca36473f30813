"""evdesk.secrets: the OS keychain under the service name "evdesk", and a readable error when there is none."""

from __future__ import annotations

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend

from evdesk import secrets
from evdesk.core.errors import EvdeskError


class MemoryKeyring(KeyringBackend):
    """A keychain in a dict, for tests (never keyrings.alt: see STACK-NOTES)."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        try:
            del self.items[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError(username) from None


class RaisingKeyring(KeyringBackend):
    priority = 1

    def __init__(self, exc: Exception):
        super().__init__()
        self.exc = exc

    def get_password(self, service, username, *more):
        raise self.exc

    set_password = delete_password = get_password


@pytest.fixture
def use_keyring():
    previous = keyring.get_keyring()

    def install(backend):
        keyring.set_keyring(backend)
        return backend

    yield install
    keyring.set_keyring(previous)


def test_round_trip_under_the_evdesk_service(use_keyring):
    memory = use_keyring(MemoryKeyring())
    assert secrets.get_secret("smtp") is None
    secrets.set_secret("smtp", "hunter2")
    assert memory.items == {("evdesk", "smtp"): "hunter2"}
    assert secrets.get_secret("smtp") == "hunter2"
    assert secrets.delete_secret("smtp") is True
    assert secrets.delete_secret("smtp") is False
    assert secrets.get_secret("smtp") is None


def test_no_keychain_gives_an_operator_message(use_keyring):
    use_keyring(RaisingKeyring(keyring.errors.NoKeyringError("No recommended backend was available. Install keyrings.alt")))
    for call in (lambda: secrets.get_secret("x"), lambda: secrets.set_secret("x", "y"), lambda: secrets.delete_secret("x")):
        with pytest.raises(secrets.KeychainUnavailable) as info:
            call()
        err = info.value
        assert isinstance(err, EvdeskError) and err.no_backend
        text = str(err)
        assert text.startswith("evdesk found no keychain")
        assert "keyrings.alt" not in text  # never advise the plaintext backend
        assert any(word in text for word in ("GNOME Keyring", "Keychain", "Credential Manager"))


def test_a_refusing_keychain_is_not_a_missing_one(use_keyring):
    use_keyring(RaisingKeyring(keyring.errors.KeyringLocked("the collection is locked")))
    with pytest.raises(secrets.KeychainUnavailable) as info:
        secrets.set_secret("x", "y")
    assert not info.value.no_backend
    assert "the collection is locked" in str(info.value)


def test_backend_name_for_display(use_keyring):
    use_keyring(MemoryKeyring())
    assert secrets.backend_name() == MemoryKeyring.name


def test_secrets_module_does_not_import_qt():
    import subprocess
    import sys

    code = "import sys, evdesk.secrets; print(any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
