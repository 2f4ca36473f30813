"""Shared fixtures: a real SQLite store in a temp folder, the core services, the OCPP server."""

from __future__ import annotations

import os

# Before any QApplication exists: without a display Qt would abort the process.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from evdesk.core.services import Services  # noqa: E402
from evdesk.settings import SiteSettings  # noqa: E402
from evdesk.store.database import Store  # noqa: E402
from tests.mailserver import memory_keyring, smtp_server  # noqa: E402, F401 - fixtures for every test


@pytest.fixture
def store(tmp_path):
    s = Store.sqlite(tmp_path / "evdesk.db")
    s.open()
    yield s
    s.close()


@pytest.fixture
def site_settings() -> SiteSettings:
    # Tests do not wait out real-world quiet periods.
    return SiteSettings(post_boot_quiet_seconds=0.0, boot_accept_rate=10_000)


@pytest.fixture
async def services(store, site_settings):
    sv = Services(store, site_settings)
    await sv.start(load_settings=False)
    yield sv
    await sv.stop()


@pytest.fixture
async def central(services):
    from evdesk.csms.server import CentralSystem

    cs = CentralSystem(services, "127.0.0.1", 0)
    await cs.start()
    yield cs
    await cs.stop()
