"""Secrets (station passwords, mail server logins, ...) in the OS keychain, never in the database.

Plain Python (no Qt): the Windows Credential Manager, the macOS Keychain or, on
Linux, a Secret Service provider (GNOME Keyring, KWallet) through `keyring`, under
the service name "evdesk". When the OS has no usable keychain every call raises
`KeychainUnavailable`, whose message tells the operator what to do.

evdesk does not ship `keyrings.alt`: once installed it silently becomes a
plaintext default (STACK-NOTES).
"""

from __future__ import annotations

import sys

import keyring
import keyring.errors

from evdesk.errors import EvdeskError

SERVICE = "evdesk"


class KeychainUnavailable(EvdeskError):
    """The OS keychain cannot be used. `str(e)` says what to do; `no_backend` is True when
    no keychain exists at all (as on a headless Linux server), False when one exists but
    refused (locked, access denied, ...)."""

    def __init__(self, message: str, no_backend: bool = False, detail: str = ""):
        super().__init__(message)
        self.no_backend = no_backend
        self.detail = detail


def _what_to_do() -> str:
    if sys.platform == "win32":
        return "Check that the Windows Credential Manager service is running and that you are logged in as a normal user."
    if sys.platform == "darwin":
        return "Unlock your login keychain (Keychain Access) and allow evdesk to use it when macOS asks."
    return (
        "Install and unlock a Secret Service provider such as GNOME Keyring (package gnome-keyring) "
        "or KWallet, and start evdesk from a desktop session that runs it."
    )


def _unavailable(exc: Exception) -> KeychainUnavailable:
    no_backend = isinstance(exc, keyring.errors.NoKeyringError)
    detail = str(exc) or type(exc).__name__
    if no_backend:
        head = "evdesk found no keychain on this computer to keep passwords in."
    else:
        head = f"The keychain refused to keep or give a password ({detail})."
    return KeychainUnavailable(f"{head}\n\n{_what_to_do()}", no_backend=no_backend, detail=detail)


def backend_name() -> str:
    """The keyring backend in use, e.g. 'SecretService Keyring' or 'fail Keyring'."""
    try:
        return keyring.get_keyring().name
    except Exception as exc:  # noqa: BLE001 - only for display
        return f"unknown ({type(exc).__name__})"


def get_secret(name: str) -> str | None:
    """The secret stored under `name`, or None when there is none."""
    try:
        return keyring.get_password(SERVICE, name)
    except keyring.errors.KeyringError as exc:
        raise _unavailable(exc) from exc


def set_secret(name: str, value: str) -> None:
    try:
        keyring.set_password(SERVICE, name, value)
    except keyring.errors.KeyringError as exc:
        raise _unavailable(exc) from exc


def delete_secret(name: str) -> bool:
    """Remove the secret; False when there was none."""
    try:
        keyring.delete_password(SERVICE, name)
    except keyring.errors.PasswordDeleteError:
        return False
    except keyring.errors.KeyringError as exc:
        raise _unavailable(exc) from exc
    return True
