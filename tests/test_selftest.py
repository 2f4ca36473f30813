"""`evdesk --self-test` from the source tree (the packaging test runs the same on the built bundle)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import keyring
import keyring.errors
import pytest

from evdesk import selftest
from tests.test_secrets import MemoryKeyring, RaisingKeyring


def headless_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="offscreen", **extra)
    return env


def test_self_test_passes_from_source(tmp_path):
    shot = tmp_path / "window.png"
    proc = subprocess.run(
        [sys.executable, "-m", "evdesk", "--self-test"],
        env=headless_env(EVDESK_SELFTEST_SCREENSHOT=str(shot)), capture_output=True, text=True, timeout=150,
    )
    lines = proc.stdout.strip().splitlines()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert len(lines) == 1, lines
    line = lines[0]
    assert line.startswith("evdesk self-test OK: server ws://127.0.0.1:"), line
    assert re.search(r"transaction \d+ \(\d+ Wh\)", line) and "store ok" in line
    assert re.search(r"invoice PDF ok \(\d+ bytes, worker process\)", line), line
    assert re.search(r"window shown in \d+\.\d\d s", line)
    assert "keychain" in line
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_failure_is_one_readable_line(tmp_path):
    # a keychain that refuses (not one missing on a headless Linux) fails the run, in one line
    code = (
        "import keyring, keyring.errors, sys\n"
        "from tests.test_secrets import RaisingKeyring\n"
        "keyring.set_keyring(RaisingKeyring(keyring.errors.KeyringLocked('locked for the test')))\n"
        "from evdesk.app import main\n"
        "sys.exit(main(['--self-test']))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], env=headless_env(), capture_output=True, text=True,
                          timeout=150, cwd=os.path.dirname(os.path.dirname(__file__)))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert proc.stdout.strip() == (
        "evdesk self-test FAILED: touching the keychain: keychain unavailable: "
        "The keychain refused to keep or give a password (locked for the test). " + _what_to_do_one_line()
    )


def _what_to_do_one_line() -> str:
    from evdesk.secrets import _what_to_do

    return " ".join(_what_to_do().split())


@pytest.fixture
def use_keyring():
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


def test_keychain_check_passes_with_a_working_keychain(use_keyring):
    use_keyring(MemoryKeyring())
    assert selftest.check_keychain() == (True, f"keychain ok (backend {MemoryKeyring.name})")


def test_missing_keychain_is_only_a_warning_on_a_headless_linux(use_keyring, monkeypatch):
    use_keyring(RaisingKeyring(keyring.errors.NoKeyringError("none")))
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    passed, text = selftest.check_keychain()
    assert passed and text.startswith("keychain unavailable (no Secret Service on this headless Linux")
    monkeypatch.setenv("DISPLAY", ":0")  # a desktop without a Secret Service: the operator must act
    passed, text = selftest.check_keychain()
    assert not passed and text.startswith("keychain unavailable: evdesk found no keychain")
    monkeypatch.delenv("DISPLAY")
    monkeypatch.setattr(sys, "platform", "win32")
    assert selftest.check_keychain()[0] is False


def test_a_locked_keychain_fails_even_on_a_headless_linux(use_keyring, monkeypatch):
    use_keyring(RaisingKeyring(keyring.errors.KeyringLocked("locked")))
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert selftest.check_keychain()[0] is False


def test_process_age_is_measured_from_the_process_start():
    age = selftest.seconds_since_process_start()
    assert 0 < age < 24 * 3600
