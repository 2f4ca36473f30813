"""Load for the benchmarks: many charge points on raw websockets, in their own process.

Raw frames (pre-built JSON, no schema validation) keep the generator cheap, so
that the server, not the generator, is what saturates.

modes
  saturate   every station sends MeterValues (10 sampled values) and Heartbeats back to back
  steady     every connector sends MeterValues every --interval seconds, heartbeats every 300 s
  bootstorm  all stations connect at once and boot; Pending is retried at the interval given

Prints one JSON line with the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import time
import uuid
from datetime import datetime, timezone

from websockets.asyncio.client import connect


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def percentile(values, p):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def meter_values(connector: int, tx: int | None, energy: int) -> dict:
    sampled = [
        {"value": str(energy), "measurand": "Energy.Active.Import.Register", "unit": "Wh", "context": "Sample.Periodic"},
        {"value": "11040", "measurand": "Power.Active.Import", "unit": "W"},
    ]
    for phase in ("L1", "L2", "L3"):
        sampled.append({"value": "16.0", "measurand": "Current.Import", "unit": "A", "phase": phase})
        sampled.append({"value": "230.1", "measurand": "Voltage", "unit": "V", "phase": phase + "-N"})
    sampled.append({"value": "55", "measurand": "SoC", "unit": "Percent"})
    payload = {"connectorId": connector, "meterValue": [{"timestamp": now(), "sampledValue": sampled}]}
    if tx is not None:
        payload["transactionId"] = tx
    return payload


class Station:
    def __init__(self, identity: str, stats: "Stats"):
        self.identity = identity
        self.stats = stats
        self.ws = None
        self.waiting: dict[str, asyncio.Future] = {}
        self.tx: dict[int, int] = {}
        self.energy = random.randint(1_000, 1_000_000)

    async def open(self, url: str) -> None:
        self.ws = await connect(url + self.identity, subprotocols=["ocpp1.6"], compression=None, open_timeout=120,
                                ping_interval=None, max_queue=None)
        self.stats.connected += 1
        asyncio.get_running_loop().create_task(self.reader())

    async def reader(self) -> None:
        try:
            async for text in self.ws:
                msg = json.loads(text)
                if msg[0] == 2:  # the server calls us (ChangeConfiguration after boot): accept
                    await self.ws.send(json.dumps([3, msg[1], {"status": "Accepted"}]))
                    continue
                fut = self.waiting.pop(msg[1], None)
                if fut is not None and not fut.done():
                    fut.set_result(msg)
        except Exception:
            pass
        finally:
            self.stats.connected -= 1

    async def call(self, action: str, payload: dict) -> dict | None:
        uid = uuid.uuid4().hex[:16]
        fut = asyncio.get_running_loop().create_future()
        self.waiting[uid] = fut
        t0 = time.perf_counter()
        await self.ws.send(json.dumps([2, uid, action, payload]))
        try:
            msg = await asyncio.wait_for(fut, 60)
        except asyncio.TimeoutError:
            self.stats.errors += 1
            return None
        self.stats.latencies.append(time.perf_counter() - t0)
        self.stats.messages += 1
        if msg[0] != 3:
            self.stats.errors += 1
            self.stats.error_samples.append(msg)
            return None
        return msg[2]

    async def boot(self) -> dict | None:
        return await self.call("BootNotification", {"chargePointVendor": "Load", "chargePointModel": "Gen"})

    async def start_sessions(self, connectors: int, id_tag: str) -> None:
        for c in range(1, connectors + 1):
            await self.call("StatusNotification", {"connectorId": c, "errorCode": "NoError", "status": "Preparing"})
            res = await self.call("StartTransaction", {"connectorId": c, "idTag": id_tag, "meterStart": self.energy, "timestamp": now()})
            if res:
                self.tx[c] = res["transactionId"]
            await self.call("StatusNotification", {"connectorId": c, "errorCode": "NoError", "status": "Charging"})


class Stats:
    def __init__(self):
        self.connected = 0
        self.messages = 0
        self.errors = 0
        self.latencies: list[float] = []
        self.error_samples: list = []

    def reset(self):
        self.messages = 0
        self.latencies = []


async def open_all(url, identities, stats, concurrency):
    sem = asyncio.Semaphore(concurrency)
    stations = [Station(i, stats) for i in identities]

    async def one(st):
        async with sem:
            await st.open(url)

    await asyncio.gather(*(one(s) for s in stations))
    return stations


async def run(args) -> dict:
    stats = Stats()
    identities = [f"{args.prefix}{i:05d}" for i in range(1, args.stations + 1)]
    if args.mode == "bootstorm":
        t0 = time.perf_counter()
        stations = await open_all(args.url, identities, stats, args.concurrency)
        accepted_at: list[float] = []

        async def boot_until_accepted(st):
            while True:
                res = await st.boot()
                if res and res.get("status") == "Accepted":
                    accepted_at.append(time.perf_counter() - t0)
                    return
                await asyncio.sleep(res.get("interval", 10) if res else 5)

        await asyncio.wait_for(asyncio.gather(*(boot_until_accepted(s) for s in stations)), args.duration)
        return {"mode": "bootstorm", "stations": len(stations), "accepted": len(accepted_at),
                "all_accepted_s": max(accepted_at) if accepted_at else None, "errors": stats.errors}

    stations = await open_all(args.url, identities, stats, args.concurrency)
    await asyncio.gather(*(s.boot() for s in stations))
    if args.id_tag:
        await asyncio.gather(*(s.start_sessions(args.connectors, args.id_tag) for s in stations))
    stats.reset()
    stop_at = time.monotonic() + args.duration
    t0 = time.perf_counter()

    async def saturate(st: Station):
        i = 0
        while time.monotonic() < stop_at:
            i += 1
            if i % 10 == 0:
                await st.call("Heartbeat", {})
            else:
                c = 1 + i % args.connectors
                st.energy += 50
                await st.call("MeterValues", meter_values(c, st.tx.get(c), st.energy))

    async def steady(st: Station):
        await asyncio.sleep(random.uniform(0, args.interval))
        next_hb = time.monotonic() + random.uniform(0, 300)
        while time.monotonic() < stop_at:
            for c in range(1, args.connectors + 1):
                st.energy += 180
                await st.call("MeterValues", meter_values(c, st.tx.get(c), st.energy))
            if time.monotonic() >= next_hb:
                next_hb += 300
                await st.call("Heartbeat", {})
            await asyncio.sleep(args.interval)

    work = saturate if args.mode == "saturate" else steady
    await asyncio.gather(*(work(s) for s in stations))
    elapsed = time.perf_counter() - t0
    result = {
        "mode": args.mode, "stations": len(stations), "connected": stats.connected, "messages": stats.messages,
        "messages_per_s": stats.messages / elapsed, "latency_p50_ms": percentile(stats.latencies, 50) * 1000,
        "latency_p99_ms": percentile(stats.latencies, 99) * 1000, "errors": stats.errors,
        "error_samples": stats.error_samples[:3],
    }
    for s in stations:
        await s.ws.close()
    return result


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--url", required=True)
    p.add_argument("--mode", choices=["saturate", "steady", "bootstorm"], default="saturate")
    p.add_argument("--stations", type=int, default=100)
    p.add_argument("--connectors", type=int, default=2)
    p.add_argument("--interval", type=float, default=60.0)
    p.add_argument("--duration", type=float, default=20.0)
    p.add_argument("--prefix", default="LOAD")
    p.add_argument("--id-tag", default="")
    p.add_argument("--concurrency", type=int, default=200)
    args = p.parse_args()
    print(json.dumps(asyncio.run(run(args))), flush=True)


if __name__ == "__main__":
    main()
