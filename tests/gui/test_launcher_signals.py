"""The window stops on SIGTERM as `--headless` does: the site shuts down in order, exit code 0."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_sigterm_stops_the_window_and_the_site_in_order(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", EVDESK_LOGIN_USER="desk",
               EVDESK_LOGIN_PASSWORD="desk-password-2026")
    made = subprocess.run([sys.executable, "-m", "evdesk", "operator", "create", "--username", "desk", "--role", "admin",
                           "--password-stdin", "--data-dir", str(tmp_path)], input="desk-password-2026\n",
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
    assert made.returncode == 0, made.stderr
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "evdesk", "--data-dir", str(tmp_path), "--port", str(port),
                             "--host", "127.0.0.1", "--no-api"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log = tmp_path / "logs" / "evdesk.log"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and "window usable" not in (log.read_text() if log.exists() else ""):
            assert proc.poll() is None, proc.stdout.read()
            time.sleep(0.1)
        assert "window usable" in log.read_text()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    text = log.read_text()
    assert "stopping (signal)" in text
    with socket.socket() as s:  # the OCPP server is closed
        assert s.connect_ex(("127.0.0.1", port)) != 0
