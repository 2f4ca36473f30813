"""Shared fixtures: a real SQLite store in a temp folder, the core services, the OCPP server."""

from __future__ import annotations

import os
import sys

# Before any QApplication exists: without a display Qt would abort the process.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from evdesk.core.services import Services  # noqa: E402
from evdesk.settings import SiteSettings  # noqa: E402
from evdesk.store.database import Store  # noqa: E402
from tests.mailserver import memory_keyring, smtp_server  # noqa: E402, F401 - fixtures for every test


# -- the layering at run time: screens and the API never call the store themselves ------------------
STORE_ENTRIES = ("run", "read", "atomic", "call_sync", "transaction")
_direct_calls: list[str] = []


def _guarded(name: str, method):
    def entry(self, *args, **kwargs):
        caller = sys._getframe(1).f_globals.get("__name__", "")
        if caller.startswith(("evdesk.gui", "evdesk.api")):
            _direct_calls.append(f"{caller} called store.{name}")
        return method(self, *args, **kwargs)

    entry.__wrapped__ = method
    return entry


for _name in STORE_ENTRIES:
    setattr(Store, _name, _guarded(_name, getattr(Store, _name)))


@pytest.fixture(autouse=True)
def screens_and_api_leave_the_store_to_the_core():
    """Every test: no module under evdesk/gui or evdesk/api reached the store directly (issue 9)."""
    _direct_calls.clear()
    yield
    assert not _direct_calls, f"the store was called from the screens or the API: {sorted(set(_direct_calls))}"


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


@pytest.fixture
async def station(central, services):
    """A simulated, adopted station SIM-1 (2 connectors, time 20× faster) connected and booted;
    the token TAG-OK exists."""
    from evdesk.core.permissions import SYSTEM_CONTEXT
    from evdesk.simulator import ScaledClock, SimulatedStation
    from evdesk.store import models as m
    from tests.waiting import wait_for

    await services.stations.create_station("SIM-1", connectors=2, ctx=SYSTEM_CONTEXT)
    await services.store.run(lambda: m.Token.create(uid="TAG-OK", uid_key="TAG-OK"))
    st = SimulatedStation("SIM-1", central.url, connectors=2, clock=ScaledClock(20.0))
    await st.start()
    await st.wait_accepted(10)
    await wait_for(lambda: services.stations.get("SIM-1").connectors.get(2) is not None)
    yield st
    await st.stop()
