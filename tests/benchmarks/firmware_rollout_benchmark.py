"""A firmware roll-out to a whole group, end to end over real sockets (issue 16).

    python tests/benchmarks/firmware_rollout_benchmark.py [--stations 50] [--mb 2]

A site in a temporary folder with the real OCPP server and evdesk's own file servers,
`--stations` simulated chargers in one group (simulated time 1000x faster, so their own
steps cost nothing), one firmware image of `--mb` MB uploaded once; then the image is sent
to the group over HTTP, and again over FTP (one-time logins, the FTP server started for
it). Prints, per protocol: the time from sending to every station Installed, the bytes
the stations really downloaded, and the throughput. Figures depend on the machine's load.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.core.services import Services
from evdesk.csms.server import CentralSystem
from evdesk.settings import SiteSettings
from evdesk.simulator import ScaledClock, SimulatedStation
from evdesk.store.database import Store


async def run(stations: int, mb: float) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store.sqlite(Path(folder) / "evdesk.db")
        store.open()
        services = Services(store, SiteSettings(post_boot_quiet_seconds=0.0, boot_accept_rate=10_000))
        await services.start(load_settings=False)
        central = CentralSystem(services, "127.0.0.1", 0)
        await central.start()
        group = await services.groups.add(SYSTEM_CONTEXT, "Benchmark depot")
        fleet = []
        for n in range(stations):
            await services.stations.create_station(f"BM-{n:03}", group_id=group.id, ctx=SYSTEM_CONTEXT)
            st = SimulatedStation(f"BM-{n:03}", central.url, clock=ScaledClock(1000.0), reboot_delay=0.05)
            await st.start()
            fleet.append(st)
        for st in fleet:
            await st.wait_accepted(60)
        image = Path(folder) / "bench-9.9.9.bin"
        image.write_bytes(os.urandom(int(mb * 1024 * 1024)))
        row = await services.firmware.library.add(SYSTEM_CONTEXT, image)
        print(f"{stations} stations, image {row.size / 1024 / 1024:.1f} MB, SHA-256 {row.sha256[:12]}…")
        for protocol in ("http", "ftp"):
            for st in fleet:
                st.downloaded_images.clear()
            started = time.perf_counter()
            rollout_id = await central.firmware.send_firmware(SYSTEM_CONTEXT, row.id, group_id=group.id,
                                                              protocol=protocol, reason="benchmark")
            sent = time.perf_counter() - started
            while True:
                rollout = await services.firmware.rollouts.rollout(SYSTEM_CONTEXT, rollout_id)
                if rollout.summary.waiting == 0:
                    break
                await asyncio.sleep(0.05)
            took = time.perf_counter() - started
            got = sum(len(i) for st in fleet for i in st.downloaded_images)
            print(f"{protocol.upper():4} all {stations} answered in {sent:.2f} s, {rollout.summary} after {took:.2f} s; "
                  f"{got / 1024 / 1024:.0f} MB downloaded, {got / 1024 / 1024 / took:.0f} MB/s")
            for st in fleet:  # rebooted after installing: connected again before the next round
                await st.wait_accepted(60)
            await asyncio.sleep(0.5)
        for st in fleet:
            await st.stop()
        await central.stop()
        await services.stop()
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stations", type=int, default=50)
    parser.add_argument("--mb", type=float, default=2.0)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    asyncio.run(run(args.stations, args.mb))


if __name__ == "__main__":
    main()
