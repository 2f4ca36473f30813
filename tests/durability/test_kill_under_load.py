"""Nothing evdesk acknowledged to a station is lost when its process is killed.

A real `evdesk --headless` process is driven by stations on raw websockets that
start sessions, send meter values and status notifications and stop sessions as
fast as evdesk answers; it is killed with SIGKILL at a random moment, started again,
and the same again several times. Afterwards every message a station got a
CALLRESULT for must be in the database, and SQLite's integrity check must pass.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parents[2]
STATIONS = 12
KILLS = 4


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(data_dir: Path) -> None:
    """A site that knows the stations and accepts the token (written before evdesk starts)."""
    from evdesk.core.site_settings import save_site_settings
    from evdesk.settings import SiteSettings
    from evdesk.store import models as m
    from evdesk.store.database import Store

    store = Store.sqlite(data_dir / "evdesk.db")
    store.open()
    store.call_sync(save_site_settings, SiteSettings(boot_accept_rate=1000, post_boot_quiet_seconds=30), 0)

    def seed():
        m.Token.create(uid="KILLTAG", uid_key="KILLTAG")
        for n in range(STATIONS):
            m.Station.create(identity=f"KILL{n:02d}")

    store.call_sync(seed)
    store.close()


def start_evdesk(data_dir: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "evdesk", "--headless", "--no-api", "--data-dir", str(data_dir), "--port", str(port),
         "--host", "127.0.0.1", "--log-level", "WARNING"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return proc
        if proc.poll() is not None:
            raise RuntimeError("evdesk did not start")
        time.sleep(0.05)
    proc.kill()
    raise RuntimeError("evdesk did not listen in time")


@dataclass
class Told:
    """What the stations were told was received (a CALLRESULT came back)."""

    starts: set = field(default_factory=set)  # (identity, transaction id)
    readings: set = field(default_factory=set)  # (identity, timestamp iso, energy Wh)
    statuses: set = field(default_factory=set)  # (identity, connector, timestamp iso)
    stops: set = field(default_factory=set)  # (identity, transaction id)
    ids_handed_out: list = field(default_factory=list)


class Station:
    def __init__(self, identity: str, told: Told):
        self.identity, self.told = identity, told
        self.energy = random.randint(1000, 100000)
        self.clock = datetime(2026, 6, 1, tzinfo=timezone.utc) + timedelta(days=random.randint(0, 100))
        self.n = 0

    def stamp(self) -> str:
        self.clock += timedelta(milliseconds=random.randint(1, 5000))
        return self.clock.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"

    async def call(self, ws, action: str, payload: dict) -> dict:
        self.n += 1
        uid = f"{self.identity}-{self.n}"
        await ws.send(json.dumps([2, uid, action, payload]))
        while True:
            msg = json.loads(await ws.recv())
            if msg[0] == 2:  # evdesk asks something (after boot): say yes
                await ws.send(json.dumps([3, msg[1], {"status": "Accepted"}]))
                continue
            if msg[1] != uid:
                continue
            if msg[0] != 3:
                raise RuntimeError(f"CALLERROR {msg}")
            return msg[2]

    async def run(self, url: str) -> None:
        try:
            async with connect(url + self.identity, subprotocols=["ocpp1.6"], open_timeout=10) as ws:
                boot = await self.call(ws, "BootNotification", {"chargePointVendor": "Kill", "chargePointModel": "Test"})
                if boot["status"] != "Accepted":
                    return
                while True:
                    await self.session(ws)
        except Exception:  # the process was killed: the connection is gone
            return

    async def session(self, ws) -> None:
        ts = self.stamp()
        await self.call(ws, "StatusNotification", {"connectorId": 1, "errorCode": "NoError", "status": "Preparing", "timestamp": ts})
        self.told.statuses.add((self.identity, 1, ts))
        ts = self.stamp()
        start = await self.call(ws, "StartTransaction", {"connectorId": 1, "idTag": "KILLTAG", "meterStart": self.energy, "timestamp": ts})
        tx = start["transactionId"]
        self.told.starts.add((self.identity, tx))
        self.told.ids_handed_out.append(tx)
        for _ in range(random.randint(3, 8)):
            self.energy += random.randint(1, 500)
            ts = self.stamp()
            await self.call(ws, "MeterValues", {"connectorId": 1, "transactionId": tx, "meterValue": [
                {"timestamp": ts, "sampledValue": [{"value": str(self.energy), "measurand": "Energy.Active.Import.Register", "unit": "Wh"}]}]})
            self.told.readings.add((self.identity, ts, self.energy))
        self.energy += 7
        ts = self.stamp()
        await self.call(ws, "StopTransaction", {"transactionId": tx, "meterStop": self.energy, "timestamp": ts, "reason": "Local",
                                                "transactionData": [{"timestamp": ts, "sampledValue": [
                                                    {"value": str(self.energy), "context": "Transaction.End"}]}]})
        self.told.readings.add((self.identity, ts, self.energy))
        self.told.stops.add((self.identity, tx))


def parse_ts(text: str) -> str:
    """A stored time (SQLite text, UTC) in the stations' notation, to compare."""
    dt = datetime.fromisoformat(text)
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_kill_under_load_loses_nothing_acknowledged(tmp_path):
    prepare(tmp_path)
    told = Told()
    stations = [Station(f"KILL{n:02d}", told) for n in range(STATIONS)]
    rng = random.Random(8)
    for round_ in range(KILLS):
        port = free_port()
        proc = start_evdesk(tmp_path, port)

        async def drive():
            tasks = [asyncio.ensure_future(s.run(f"ws://127.0.0.1:{port}/")) for s in stations]
            await asyncio.sleep(rng.uniform(1.5, 3.5))
            os.kill(proc.pid, signal.SIGKILL)  # no shutdown, no flush: what was committed is all there is
            await asyncio.wait(tasks, timeout=15)

        asyncio.run(drive())
        proc.wait(10)
    assert len(told.readings) > 200 and len(told.stops) > 10, "the load was too light to prove anything"

    con = sqlite3.connect(tmp_path / "evdesk.db")
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        identity = dict(con.execute("SELECT id, identity FROM station").fetchall())
        stored_starts = {(identity[s], n) for s, n in con.execute("SELECT station_id, ocpp_id FROM \"transaction\"")}
        stored_stops = {(identity[s], n) for s, n in con.execute(
            "SELECT station_id, ocpp_id FROM \"transaction\" WHERE state = 'completed'")}
        stored_readings = {(identity[s], parse_ts(t), int(round(e))) for s, t, e in con.execute(
            "SELECT station_id, timestamp, energy_wh FROM meter_value")}
        stored_statuses = {(identity[s], c, parse_ts(t)) for s, c, t in con.execute(
            "SELECT station_id, connector_id, timestamp FROM status_event")}
    finally:
        con.close()
    assert told.starts - stored_starts == set()
    assert told.stops - stored_stops == set()
    assert told.readings - stored_readings == set()
    assert told.statuses - stored_statuses == set()
    # an id once handed out is never handed out again, across every restart
    assert len(told.ids_handed_out) == len(set(told.ids_handed_out))
