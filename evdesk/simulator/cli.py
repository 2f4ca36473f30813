"""``evdesk simulate``: run a fleet of simulated charge points against a CSMS."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
import time

from .tls import client_context
from .clock import ScaledClock, WallClock
from .fleet import Fleet

__all__ = ["main", "build_parser"]

log = logging.getLogger("evdesk.simulator")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="evdesk simulate",
        description="Run simulated OCPP 1.6J charge points against a CSMS. Each station "
        "connects to URL/<identity>.",
    )
    p.add_argument("--url", required=True, help="CSMS base URL, e.g. ws://127.0.0.1:9000/ocpp/")
    p.add_argument("--stations", type=int, default=1, help="number of stations (default 1)")
    p.add_argument("--prefix", default="SIM", help="identity prefix (default SIM -> SIM0001...)")
    p.add_argument("--connectors", type=int, default=2, help="connectors per station (default 2)")
    p.add_argument("--password", default=None, help="basic-auth password (security profile 1)")
    p.add_argument("--ca-file", default=None, help="CA certificate to trust for wss:// (security profiles 2, 3)")
    p.add_argument("--client-cert", default=None, help="client certificate (PEM) for security profile 3")
    p.add_argument("--client-key", default=None, help="the client certificate's private key (PEM)")
    p.add_argument("--speed", type=float, default=1.0,
                   help="simulated seconds per real second (default 1.0)")
    p.add_argument("--meter-interval", type=int, default=None,
                   help="MeterValueSampleInterval in simulated seconds")
    p.add_argument("--sessions", action="store_true",
                   help="simulate cars arriving, charging and leaving")
    p.add_argument("--id-tags", default=None, help="comma-separated id tags the cars present")
    p.add_argument("--duration", type=float, default=None,
                   help="stop after this many real seconds (default: until Ctrl-C)")
    p.add_argument("--status-interval", type=float, default=5.0,
                   help="seconds between status lines (default 5)")
    p.add_argument("--connect-concurrency", type=int, default=100,
                   help="simultaneous connection handshakes (default 100)")
    p.add_argument("--seed", type=int, default=1, help="random seed for --sessions")
    p.add_argument("--validate", action="store_true",
                   help="schema-validate the stations' own messages (slower)")
    p.add_argument("-v", "--verbose", action="count", default=0, help="more logging (-v, -vv)")
    return p


class BootReporter:
    """Says on the console when the central system holds a station back.

    A station answered Pending or Rejected is named once per stretch (again only
    after it was accepted in between); at most `burst` names per status interval,
    the rest are summed up, so a boot storm of thousands stays readable.
    """

    def __init__(self, out=None, burst: int = 10) -> None:
        self.out = out
        self.burst = burst
        self._named: dict[str, str] = {}
        self._printed = 0
        self._held_back: dict[str, int] = {}

    def __call__(self, station, status: str, interval: int) -> None:
        if self._named.get(station.identity) == status:
            return
        self._named[station.identity] = status
        if self._printed >= self.burst:
            self._held_back[status] = self._held_back.get(status, 0) + 1
            return
        self._printed += 1
        if status == "Pending":
            text = (f"{station.identity}: held as Pending by the central system; retrying in {interval} s"
                    " \u2014 an administrator must adopt it")
        else:
            text = (f"{station.identity}: {status} by the central system; retrying in {interval} s"
                    " \u2014 it does not let this station in")
        print(text, file=self.out or sys.stdout, flush=True)

    def next_interval(self, stations) -> None:
        """Forget stations accepted since; print what the burst limit held back."""
        for st in stations:
            if st.accepted.is_set():
                self._named.pop(st.identity, None)
        for status, count in sorted(self._held_back.items()):
            word = "held as Pending" if status == "Pending" else status
            print(f"... and {count} more station(s) {word} by the central system", file=self.out or sys.stdout,
                  flush=True)
        self._held_back.clear()
        self._printed = 0


def _fmt_ms(value: float | None) -> str:
    return "-" if value is None else f"{value * 1000:.1f}ms"


def _status_line(stats: dict, started: float) -> str:
    return (
        f"[{time.monotonic() - started:7.1f}s] stations={stats['stations']} "
        f"connected={stats['connected']} accepted={stats['accepted']} "
        f"pending={stats['pending']} rejected={stats['rejected']} "
        f"messages={stats['messages_sent']} errors={stats['errors']} "
        f"charging={stats['charging']} p50={_fmt_ms(stats['latency_p50'])} "
        f"p99={_fmt_ms(stats['latency_p99'])}"
    )


async def _run(args: argparse.Namespace) -> int:
    clock = ScaledClock(args.speed) if args.speed != 1.0 else WallClock()
    id_tags = [t.strip() for t in args.id_tags.split(",") if t.strip()] if args.id_tags else None
    reporter = BootReporter()
    fleet = Fleet(
        args.url,
        args.stations,
        prefix=args.prefix,
        connectors=args.connectors,
        clock=clock,
        meter_interval=args.meter_interval,
        connect_concurrency=args.connect_concurrency,
        auto_sessions=args.sessions,
        id_tags=id_tags,
        password=args.password,
        **({"ssl": client_context(args.ca_file, args.client_cert, args.client_key)} if args.ca_file else {}),
        seed=args.seed,
        validate=args.validate,
        on_boot_answer=reporter,
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    installed = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
            installed.append(sig)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # Windows: Ctrl-C arrives as KeyboardInterrupt
    started = time.monotonic()
    print(f"simulating {args.stations} station(s) against {args.url} (speed {args.speed:g}x)",
          flush=True)
    await fleet.start()
    deadline = None if args.duration is None else started + args.duration
    try:
        while not stop.is_set():
            wait = args.status_interval
            if deadline is not None:
                wait = min(wait, max(0.0, deadline - time.monotonic()))
            try:
                await asyncio.wait_for(stop.wait(), wait)
            except TimeoutError:
                pass
            except asyncio.CancelledError:  # Ctrl-C where signal handlers are unsupported
                stop.set()
            reporter.next_interval(fleet.stations)
            print(_status_line(fleet.stats(), started), flush=True)
            if deadline is not None and time.monotonic() >= deadline:
                break
    finally:
        for sig in installed:
            loop.remove_signal_handler(sig)
        await fleet.stop()
    stats = fleet.stats()
    print("final: " + " ".join(f"{k}={v}" for k, v in stats.items()), flush=True)
    return 0


def main(argv: list[str]) -> int:
    """Entry point of ``evdesk simulate``; `argv` excludes the program and sub-command."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help or a usage error
        return int(exc.code or 0)
    if args.stations < 1 or args.connectors < 1 or args.speed <= 0:
        parser.print_usage(sys.stderr)
        print("evdesk simulate: --stations, --connectors and --speed must be positive",
              file=sys.stderr)
        return 2
    level = logging.WARNING if args.verbose == 0 else logging.INFO if args.verbose == 1 else logging.DEBUG
    if not logging.getLogger().handlers:
        logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("evdesk.simulator").setLevel(level)
    logging.getLogger("evdesk.simulator.ocpp").setLevel(
        logging.DEBUG if args.verbose >= 2 else logging.WARNING
    )
    try:
        return asyncio.run(_run(args))
    except KeyboardInterrupt:
        return 130
