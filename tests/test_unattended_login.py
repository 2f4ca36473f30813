"""A wall display logs in from the environment; anything wrong falls back to the dialog."""

from __future__ import annotations

from evdesk.gui.launcher import unattended_log_in

PASSWORD = "wall-display-2026"


async def test_unattended_log_in_from_the_environment(services, monkeypatch):
    await services.operators.create_first_admin("wall", PASSWORD)
    monkeypatch.delenv("EVDESK_LOGIN_USER", raising=False)
    assert await unattended_log_in(services) is None  # not configured: the dialog asks
    monkeypatch.setenv("EVDESK_LOGIN_USER", "wall")
    monkeypatch.setenv("EVDESK_LOGIN_PASSWORD", PASSWORD)
    session = await unattended_log_in(services)
    assert session is not None and session.ctx.username == "wall"
    monkeypatch.setenv("EVDESK_LOGIN_PASSWORD", "wrong-password-1")
    assert await unattended_log_in(services) is None  # refused: the dialog asks instead
