"""Headless throughput of OCPP 2.0.1 TransactionEvent traffic: evdesk against a bare `ocpp`-library
2.0.1 server doing the same schema validation, on the same load, in the same run.

    python tests/benchmarks/v201_benchmark.py                    # 100 stations, 30 s per server
    python tests/benchmarks/v201_benchmark.py --stations 200 --duration 60

The load (this process, raw websockets, hand-written 2.0.1 frames) is `--stations` chargers
that boot, report their EVSE Available, then run transactions back to back as fast as the
server answers: TransactionEvent Started (with idToken), `--updates` Updated (meter values:
energy and power), Ended (stoppedReason EVDisconnected) — each charger one message at a time,
as a real one. Each server runs in its own process (tests/benchmarks/v201_servers.py) and
gets the same load; the figures are answered TransactionEvents per second, their latency
p50/p99, errors, and the server process's CPU time per message.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid

from websockets.asyncio.client import connect

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def now() -> str:
    t = time.time()
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + f".{int(t * 1000) % 1000:03d}Z"


class Charger:
    def __init__(self, url: str, identity: str, updates: int, stats: dict):
        self.url, self.identity, self.updates, self.stats = url, identity, updates, stats
        self.ws = None

    async def call(self, action: str, payload: dict) -> dict:
        unique_id = uuid.uuid4().hex[:12]
        started = time.perf_counter()
        await self.ws.send(json.dumps([2, unique_id, action, payload]))
        while True:
            frame = json.loads(await self.ws.recv())
            if frame[0] == 2:  # the server's own call (configuration after boot): answer it
                answer = {"setVariableResult": [{"attributeStatus": "Accepted", "component": d["component"],
                                                 "variable": d["variable"]} for d in frame[3].get("setVariableData", [])]}
                await self.ws.send(json.dumps([3, frame[1], answer if frame[2] == "SetVariables" else {"status": "Accepted"}]))
                continue
            if frame[1] != unique_id:
                continue
            if action == "TransactionEvent":
                self.stats["latencies"].append(time.perf_counter() - started)
            if frame[0] == 4:
                self.stats["errors"].append(f"{action}: {frame[2]} {frame[3]}")
                return {}
            return frame[2]

    async def run(self, stop_at: float) -> None:
        async with connect(self.url + self.identity, subprotocols=["ocpp2.0.1"], compression=None,
                           max_size=2**20) as ws:
            self.ws = ws
            await self.call("BootNotification", {"reason": "PowerUp", "chargingStation": {
                "model": "Bench", "vendorName": "evdesk"}})
            await self.call("StatusNotification", {"timestamp": now(), "connectorStatus": "Available", "evseId": 1,
                                                   "connectorId": 1})
            wh = 0
            while time.monotonic() < stop_at:
                tx = uuid.uuid4().hex[:16]
                seq = 0
                events = [("Started", "Authorized", "Transaction.Begin", True, None)]
                events += [("Updated", "MeterValuePeriodic", "Sample.Periodic", False, None)] * self.updates
                events += [("Ended", "EVCommunicationLost", "Transaction.End", False, "EVDisconnected")]
                for event_type, trigger, context, token, reason in events:
                    if event_type != "Started":
                        wh += 250
                    info = {"transactionId": tx, "chargingState": "Charging" if event_type != "Ended" else "Idle"}
                    if reason:
                        info["stoppedReason"] = reason
                    payload = {"eventType": event_type, "timestamp": now(), "triggerReason": trigger, "seqNo": seq,
                               "transactionInfo": info, "evse": {"id": 1, "connectorId": 1},
                               "meterValue": [{"timestamp": now(), "sampledValue": [
                                   {"value": wh, "context": context, "unitOfMeasure": {"unit": "Wh"}},
                                   {"value": 11000, "context": context, "measurand": "Power.Active.Import",
                                    "unitOfMeasure": {"unit": "W"}}]}]}
                    if token:
                        payload["idToken"] = {"idToken": "BENCH-TOKEN", "type": "ISO14443"}
                    seq += 1
                    await self.call("TransactionEvent", payload)
                self.stats["transactions"] += 1


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def measure(server: str, stations: int, duration: float, updates: int) -> dict:
    folder = tempfile.TemporaryDirectory(prefix="evdesk-v201-bench-")
    proc = subprocess.Popen([sys.executable, os.path.join(HERE, "v201_servers.py"), server, "--stations",
                             str(stations), "--folder", folder.name], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        line = proc.stdout.readline()
        if not line.startswith("PORT "):
            raise RuntimeError(f"{server} server did not start: {line!r}")
        url = f"ws://127.0.0.1:{line.split()[1]}/"
        stats = {"latencies": [], "errors": [], "transactions": 0}
        cpu_before = cpu_seconds(proc.pid)
        began = time.monotonic()
        chargers = [Charger(url, f"B201-{n:04d}", updates, stats) for n in range(stations)]
        await asyncio.gather(*(c.run(began + duration) for c in chargers))
        elapsed = time.monotonic() - began
        cpu = cpu_seconds(proc.pid) - cpu_before
    finally:
        proc.terminate()
        proc.wait(10)
        folder.cleanup()
    lat = sorted(stats["latencies"])
    n = len(lat)
    return {"server": server, "transaction_events": n, "per_s": n / elapsed, "transactions": stats["transactions"],
            "p50_ms": lat[n // 2] * 1000 if n else None, "p99_ms": lat[min(n - 1, int(n * 0.99))] * 1000 if n else None,
            "errors": len(stats["errors"]), "first_errors": stats["errors"][:3],
            "server_cpu_ms_per_event": cpu * 1000 / n if n else None, "elapsed_s": elapsed}


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stations", type=int, default=100)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of load per server")
    parser.add_argument("--updates", type=int, default=4, help="Updated events per transaction")
    args = parser.parse_args()
    results = []
    for server in ("evdesk", "bare"):
        print(f"# {server}: {args.stations} stations, {args.duration:.0f} s ...", flush=True)
        result = await measure(server, args.stations, args.duration, args.updates)
        print(json.dumps(result), flush=True)
        results.append(result)
    print("\nTransactionEvent throughput (answered per second; latency p50/p99 ms; server CPU ms per event):")
    for r in results:
        print(f"  {r['server']:<7} {r['per_s']:8.1f}/s   {r['p50_ms']:.1f}/{r['p99_ms']:.1f} ms   "
              f"{r['server_cpu_ms_per_event']:.2f} ms CPU   {r['transactions']} transactions, {r['errors']} errors")
    evdesk, bare = results
    print(f"  evdesk / bare throughput: {evdesk['per_s'] / bare['per_s']:.2f}; CPU per event: "
          f"{evdesk['server_cpu_ms_per_event'] / bare['server_cpu_ms_per_event']:.2f}x")


if __name__ == "__main__":
    asyncio.run(main())
