"""A load generator that behaves like real OCPP 1.6J chargers, independent of evdesk.

Raw `websockets` clients and hand-written OCPP-J frames in their own process: nothing
from evdesk and not the `ocpp` library, so what it measures is the central system.

    python tests/benchmarks/chargers.py --url ws://127.0.0.1:9000/ --stations 2000 \\
        --connectors 2 --ramp 100 --meter-interval 10 --duration 180 --id-tags LOADTAG
    python tests/benchmarks/chargers.py --url wss://127.0.0.1:9443/ --ca tls/ca.pem --password SECRET ...

Each charger (identity PREFIX00001...):
  * connects during a ramp (--ramp new connections per second), subprotocol ocpp1.6; a
    failed handshake or a closed socket is redialled with exponential back-off with
    jitter (1 s doubling to 60 s); handshake failures are counted by kind (http_404,
    ECONNRESET, ECONNREFUSED, timeout, closed_during_handshake, ...);
  * sends BootNotification; Pending / Rejected are retried after the interval given (a
    TriggerMessage(BootNotification) boots at once); once Accepted: StatusNotification
    for connector 0 and every connector, then at once a session on every connector
    (Preparing, Authorize unless the tag is Accepted in its local list or cache,
    StartTransaction, Charging), MeterValues every MeterValueSampleInterval
    (--meter-interval until the central system changes it) per running transaction,
    Heartbeat at the boot answer's interval; a session ends after a random time in
    --session-s (StopTransaction with transactionData, Finishing, Available) and the
    next starts after --idle-s;
  * sends one CALL at a time per connection and waits for its answer (OCPP-J 4.1.1);
  * answers every call of the central system as a charger does: GetConfiguration,
    ChangeConfiguration (NotSupported for unknown keys, RebootRequired for some),
    GetLocalListVersion, SendLocalList (Full / Differential, keeps the version),
    ClearCache, TriggerMessage (then sends what was asked), RemoteStart/StopTransaction,
    Reset (ends its sessions, reconnects, boots), ChangeAvailability, UnlockConnector,
    DataTransfer, SetChargingProfile & co.; an unknown action gets CALLERROR
    NotImplemented.

Latency is measured per CALL from just before the frame is sent to the moment its
answer is read off the socket (timeouts after --call-timeout s are counted, not
measured). The generator watches its own event loop and CPU: if its loop lags or it
uses a whole core, the latencies include its own delay (the report says so).

Prints progress lines to stderr (every --progress s) and at the end ONE JSON line to
stdout: per action the generator sent (count, p50/p99/max ms, callerrors, timeouts,
lost with the connection), the same for calls sent after the ramp only, per
CSMS-initiated action how many were answered, boots by status, sessions, connections
(opened, reconnects, closes by code, handshake failures by kind), frames and
messages/s, and the generator's own CPU %, loop lag and RSS.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from charger_behaviour import CentralSystemCalls, ChargerState, iso_now, meter_sample, transaction_data  # noqa: E402
from charger_link import ChargerLink  # noqa: E402
from charger_stats import LoopWatch, Stats, percentile  # noqa: E402
from charger_transport import add_arguments as add_transport_arguments  # noqa: E402


class Connector:
    def __init__(self, cid: int, energy: int):
        self.id = cid
        self.energy = energy
        self.status = "Available"
        self.operative = True
        self.tx: int | None = None
        self.stop_reason: str | None = None
        self.wake = asyncio.Event()  # remote start / stop / availability changes
        self.remote_tag: str | None = None
        self.task: asyncio.Task | None = None
        self.tag = ""
        self.started_at = ""
        self.meter_start = energy


class Charger(ChargerLink, CentralSystemCalls):
    subprotocol = "ocpp1.6"

    def __init__(self, identity: str, args, stats: Stats, rng: random.Random):
        self._init_link(identity, args, stats, rng)
        self.state = ChargerState(args.connectors, int(args.meter_interval))
        self.connectors = {c: Connector(c, rng.randint(100_000, 90_000_000)) for c in range(1, args.connectors + 1)}
        self.boot_now = asyncio.Event()
        self.offline_stops: list[dict] = []  # StopTransactions of sessions cut by a lost connection

    # -- the charger's life ------------------------------------------------------------
    def _link_lost(self) -> None:
        for c in self.connectors.values():
            self._cut_session(c)

    def _cut_session(self, c: Connector) -> None:
        """A session running when the socket went: the charger ends it and sends its Stop after the next boot."""
        if c.tx is not None:
            self.offline_stops.append({
                "transactionId": c.tx, "meterStop": c.energy, "timestamp": iso_now(), "idTag": c.tag,
                "reason": c.stop_reason or "Other",
                "transactionData": transaction_data(c.started_at, c.meter_start, iso_now(), c.energy)})
        c.tx = None
        c.status = "Available"


    async def _life(self) -> None:
        while True:  # boot until accepted
            self.boot_now.clear()
            answer = await self.call("BootNotification", {
                "chargePointVendor": "BenchVendor", "chargePointModel": "AC22-2", "chargePointSerialNumber": self.identity,
                "firmwareVersion": "4.2.1", "meterType": "MID-3P"})
            status = (answer or {}).get("status", "none")
            self.stats.boots[status] += 1
            if status == "Accepted":
                break
            interval = (answer or {}).get("interval") or 30
            try:
                await asyncio.wait_for(self.boot_now.wait(), interval)
            except TimeoutError:
                pass
        self.accepted = True
        interval = answer.get("interval") or 300
        self.state.config["HeartbeatInterval"][0] = str(interval)
        await self.status(0, "Available")
        for c in self.connectors.values():
            await self.status(c.id, "Available" if c.operative else "Unavailable")
        while self.offline_stops:
            await self.call("StopTransaction", self.offline_stops.pop(0))
            self.stats.sessions_stopped += 1
        for c in self.connectors.values():
            c.task = self._spawn(self._connector_life(c))
        while True:
            await asyncio.sleep(max(1, self.state.get_int("HeartbeatInterval", 300)))
            await self.call("Heartbeat", {})

    async def status(self, cid: int, status: str) -> None:
        if cid:
            self.connectors[cid].status = status
        await self.call("StatusNotification", {"connectorId": cid, "errorCode": "NoError", "status": status,
                                               "timestamp": iso_now()})

    # -- sessions ---------------------------------------------------------------------------
    async def _connector_life(self, c: Connector) -> None:
        first = True
        while True:
            if not first or not c.operative:
                await self._idle(c, self.rng.uniform(*self.args.idle_s))
            first = False
            if not c.operative:
                continue
            tag = c.remote_tag or self.rng.choice(self.args.tags)
            remote, c.remote_tag = c.remote_tag is not None, None
            await self._session(c, tag, remote)

    async def _idle(self, c: Connector, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while True:
            c.wake.clear()
            left = deadline - time.monotonic()
            if c.remote_tag is not None and c.operative:
                return
            if left <= 0 and c.operative:
                return
            try:
                await asyncio.wait_for(c.wake.wait(), max(left, 0.05) if c.operative else None)
            except TimeoutError:
                pass

    async def _session(self, c: Connector, tag: str, remote: bool) -> None:
        await self.status(c.id, "Preparing")
        local = self.state.authorized_locally(tag)
        if not local and (not remote or self.state.enabled("AuthorizeRemoteTxRequests")):
            answer = await self.call("Authorize", {"idTag": tag})
            info = (answer or {}).get("idTagInfo") or {}
            self.state.remember(tag, info or None)
            if info.get("status") != "Accepted":
                self.stats.starts_refused["Authorize:" + str(info.get("status"))] += 1
                await self.status(c.id, "Available")
                return
        c.meter_start, c.started_at, c.tag = c.energy, iso_now(), tag
        answer = await self.call("StartTransaction", {"connectorId": c.id, "idTag": tag, "meterStart": c.energy,
                                                      "timestamp": c.started_at})
        if answer is None or not isinstance(answer.get("transactionId"), int):
            await self.status(c.id, "Available")
            return
        c.tx, c.stop_reason = answer["transactionId"], None
        self.stats.sessions_started += 1
        info = answer.get("idTagInfo") or {}
        self.state.remember(tag, info)
        if info.get("status") != "Accepted" and self.state.enabled("StopTransactionOnInvalidId"):
            self.stats.starts_refused["StartTransaction:" + str(info.get("status"))] += 1
            c.stop_reason = "DeAuthorized"
        else:
            await self.status(c.id, "Charging")
            power = self.rng.choice((7400, 11000, 22000))
            ends = time.monotonic() + self.rng.uniform(*self.args.session_s)
            last = time.monotonic()
            while c.stop_reason is None:
                interval = max(1, self.state.get_int("MeterValueSampleInterval", int(self.args.meter_interval)))
                wait = min(interval, ends - time.monotonic())
                if wait <= 0:
                    c.stop_reason = "EVDisconnected"
                    break
                c.wake.clear()
                try:
                    await asyncio.wait_for(c.wake.wait(), wait)
                except TimeoutError:
                    pass
                now = time.monotonic()
                c.energy += int(power * (now - last) / 3600)
                last = now
                if c.stop_reason is None and now < ends:
                    await self.meter_values(c, "Sample.Periodic", power)
        await self.call("StopTransaction", {
            "transactionId": c.tx, "meterStop": c.energy, "timestamp": iso_now(), "idTag": tag, "reason": c.stop_reason,
            "transactionData": transaction_data(c.started_at, c.meter_start, iso_now(), c.energy)})
        c.tx = None  # only now: a Stop lost with the connection is sent again after the next boot
        self.stats.sessions_stopped += 1
        await self.status(c.id, "Finishing")
        await self.status(c.id, "Available" if c.operative else "Unavailable")

    async def meter_values(self, c: Connector, context: str, power: int = 11000) -> None:
        payload = {"connectorId": c.id, "meterValue": [{"timestamp": iso_now(),
                                                        "sampledValue": meter_sample(c.energy, power, context)}]}
        if c.tx is not None:
            payload["transactionId"] = c.tx
        await self.call("MeterValues", payload)

    # -- calling ------------------------------------------------------------------------------


def _range(text: str) -> tuple[float, float]:
    low, _, high = text.partition(":")
    return float(low), float(high or low)


async def run(args, charger_class=None) -> dict:
    charger_class = charger_class or Charger
    stats = Stats()
    stopping = asyncio.Event()
    watch = LoopWatch()
    watcher = asyncio.create_task(watch.run())
    rng = random.Random(args.seed)
    chargers = [charger_class(f"{args.prefix}{n:05d}", args, stats, random.Random(rng.random()))
                for n in range(args.first, args.first + args.stations)]
    cpu0, t0 = time.process_time(), time.monotonic()
    stats.ramp_done_at = t0 + len(chargers) / args.ramp
    stop_at = stats.ramp_done_at + args.duration
    progress = asyncio.create_task(_progress(args, stats, chargers, t0)) if args.progress else None
    tasks = []
    for n, ch in enumerate(chargers):
        delay = t0 + n / args.ramp - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(ch.run(stopping)))
    await asyncio.sleep(max(0.0, stop_at - time.monotonic()))
    elapsed, cpu = time.monotonic() - t0, time.process_time() - cpu0
    accepted_at_end = sum(1 for c in chargers if c.accepted and c.ws is not None)
    stopping.set()
    for task in tasks:
        task.cancel()
    await asyncio.wait(tasks, timeout=20)
    for task in (watcher, progress):
        if task is not None:
            task.cancel()
    lag = sorted(watch.samples)
    answered = sum(len(f.latencies) for f in stats.actions.values())
    after = {a: f.summary() for a, f in sorted(stats.after_ramp.items())}
    return {
        "url": args.url, "stations": len(chargers), "connectors": args.connectors, "ramp_per_s": args.ramp,
        "meter_interval_s": args.meter_interval, "session_s": list(args.session_s), "idle_s": list(args.idle_s),
        "duration_after_ramp_s": args.duration, "elapsed_s": round(elapsed, 1),
        "actions": {a: f.summary() for a, f in sorted(stats.actions.items())},
        "actions_after_ramp": after,
        "csms_calls": {a: dict(c) for a, c in sorted(stats.csms_calls.items())},
        "boots": dict(stats.boots),
        "sessions": {"started": stats.sessions_started, "stopped": stats.sessions_stopped,
                     "refused": dict(stats.starts_refused)},
        "connections": {"opened": stats.connections, "reconnects": stats.reconnects, "resets": stats.resets,
                        "closes_by_code": dict(stats.closes), "handshake_failures": dict(stats.handshake_failures),
                        "accepted_at_end": accepted_at_end},
        "frames": {"in": stats.frames_in, "out": stats.frames_out},
        "generator_errors": dict(stats.charger_errors),
        "messages_per_s": round(answered / elapsed, 1),
        "generator": {"cpu_percent_of_one_core": round(100 * cpu / elapsed, 1),
                      "loop_lag_p99_ms": round((percentile(lag, 99) or 0) * 1000, 1),
                      "loop_lag_max_ms": round((lag[-1] if lag else 0) * 1000, 1),
                      "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                      "nice": os.nice(0) if hasattr(os, "nice") else None,
                      "cpus": sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None},
    }


async def _progress(args, stats: Stats, chargers: list[Charger], t0: float) -> None:
    while True:
        await asyncio.sleep(args.progress)
        accepted = sum(1 for c in chargers if c.accepted and c.ws is not None)
        done = sum(len(f.latencies) for f in stats.actions.values())
        print(f"[{time.monotonic() - t0:6.0f}s] connections={stats.connections} accepted={accepted} "
              f"sessions={stats.sessions_started}/{stats.sessions_stopped} answers={done} "
              f"handshake_failures={sum(stats.handshake_failures.values())}", file=sys.stderr, flush=True)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--url", required=True, help="central system base URL; a charger connects to URL/<identity>")
    p.add_argument("--stations", type=int, default=2000)
    p.add_argument("--connectors", type=int, default=2)
    p.add_argument("--ramp", type=float, default=100.0, help="new connections per second (default 100)")
    p.add_argument("--meter-interval", type=float, default=10.0, help="initial MeterValueSampleInterval, s (default 10)")
    p.add_argument("--duration", type=float, default=180.0, help="seconds to run after the ramp (default 180)")
    p.add_argument("--session-s", type=_range, default=(60.0, 240.0), help="session length range LOW:HIGH s (default 60:240)")
    p.add_argument("--idle-s", type=_range, default=(10.0, 60.0), help="pause between sessions LOW:HIGH s (default 10:60)")
    p.add_argument("--id-tags", default="LOADTAG", help="comma-separated id tags the drivers present")
    p.add_argument("--prefix", default="LOAD")
    p.add_argument("--first", type=int, default=1, help="number of the first identity (default 1)")
    p.add_argument("--call-timeout", type=float, default=60.0, help="seconds a charger waits for an answer (default 60)")
    p.add_argument("--open-timeout", type=float, default=30.0, help="seconds a handshake may take (default 30)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--nice", type=int, default=0, help="lower this process's CPU priority by N (give the server the CPU)")
    p.add_argument("--cpus", default="", help="pin this process to these CPUs, e.g. 1 or 0,1 (Linux)")
    p.add_argument("--progress", type=float, default=10.0, help="progress line on stderr every N s (0: none)")
    add_transport_arguments(p)
    return p


def main(argv: list[str] | None = None, charger_class=None, parser: argparse.ArgumentParser | None = None) -> int:
    """Parse, prepare the process (nice, CPUs, open files), run the chargers, print the JSON line."""
    args = (parser or build_parser()).parse_args(argv)
    args.tags = [t.strip() for t in args.id_tags.split(",") if t.strip()]
    if not args.tags or args.stations < 1 or args.connectors < 1 or args.ramp <= 0:
        print("chargers.py: --stations, --connectors and --ramp must be positive and --id-tags not empty", file=sys.stderr)
        return 2
    if args.nice:
        os.nice(args.nice)
    if args.cpus:
        os.sched_setaffinity(0, {int(c) for c in args.cpus.split(",")})
    # 2,000 sockets and more: raise the open-file limit as far as allowed
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, args.stations + 1024)), hard))
    print(json.dumps(asyncio.run(run(args, charger_class))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
