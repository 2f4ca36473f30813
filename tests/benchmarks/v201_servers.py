"""The two OCPP 2.0.1 servers `v201_benchmark.py` compares, each run as its own process.

    python tests/benchmarks/v201_servers.py evdesk --port 0 --stations 100
    python tests/benchmarks/v201_servers.py bare --port 0

* ``evdesk``: evdesk's CentralSystem on a fresh site database in a temporary folder
  (the load's stations created and adopted, a token for the drivers), headless: every
  TransactionEvent becomes a session with its readings, prices, logs — the real work.
* ``bare``: a central system written directly on the `ocpp` library's 2.0.1
  ChargePoint, the way its README shows, answering at once and storing nothing, with
  the library's own schema validation of every message (inline:
  ``ocpp.messages.ASYNC_VALIDATION = False``, as the 1.6 baseline runs it) — the
  same validation evdesk does, without evdesk's work.

Each prints ``PORT <n>`` once it listens.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


async def run_bare(port: int) -> None:
    import ocpp.messages
    import websockets
    from ocpp.routing import on
    from ocpp.v201 import ChargePoint, call_result

    ocpp.messages.ASYNC_VALIDATION = False

    class Bare201(ChargePoint):
        @on("BootNotification")
        def boot(self, **_):
            return call_result.BootNotification(current_time=now(), interval=300, status="Accepted")

        @on("Heartbeat")
        def heartbeat(self, **_):
            return call_result.Heartbeat(current_time=now())

        @on("StatusNotification")
        def status(self, **_):
            return call_result.StatusNotification()

        @on("Authorize")
        def authorize(self, **_):
            return call_result.Authorize(id_token_info={"status": "Accepted"})

        @on("TransactionEvent")
        def transaction_event(self, id_token=None, **_):
            return call_result.TransactionEvent(id_token_info={"status": "Accepted"} if id_token else None)

    async def on_connect(websocket):
        cp = Bare201(websocket.request.path.strip("/").split("/")[-1], websocket)
        try:
            await cp.start()
        except websockets.exceptions.ConnectionClosed:
            pass

    server = await websockets.serve(on_connect, "127.0.0.1", port, subprotocols=["ocpp2.0.1"])
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    await server.serve_forever()


async def run_evdesk(port: int, stations: int, folder: str | None) -> None:
    from evdesk.core.permissions import SYSTEM_CONTEXT
    from evdesk.core.services import Services
    from evdesk.csms.server import CentralSystem
    from evdesk.settings import SiteSettings
    from evdesk.store import models as m
    from evdesk.store.database import Store

    folder = Path(folder or tempfile.mkdtemp(prefix="evdesk-v201-bench-"))
    store = Store.sqlite(folder / "evdesk.db")
    store.open()
    services = Services(store, SiteSettings(post_boot_quiet_seconds=0.0, boot_accept_rate=10_000))
    await services.start(load_settings=False)
    for n in range(stations):
        await services.stations.create_station(f"B201-{n:04d}", connectors=1, ctx=SYSTEM_CONTEXT)
    await services.store.run(lambda: m.Token.create(uid="BENCH-TOKEN", uid_key="BENCH-TOKEN"))
    central = CentralSystem(services, "127.0.0.1", port)
    await central.start()
    print(f"PORT {central.port}", flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("server", choices=("evdesk", "bare"))
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--stations", type=int, default=100)
    parser.add_argument("--folder", help="evdesk: the site's data folder (default: a new temporary one)")
    args = parser.parse_args()
    try:
        asyncio.run(run_evdesk(args.port, args.stations, args.folder) if args.server == "evdesk" else run_bare(args.port))
    except KeyboardInterrupt:
        pass
