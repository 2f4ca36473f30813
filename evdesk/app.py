"""The composition root: parse the command line, build the site, run it with or without a window."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
from pathlib import Path

from evdesk import __version__
from evdesk.logging_setup import configure_logging
from evdesk.paths import default_data_dir
from evdesk.runtime import DatabaseTooNew, RuntimeOptions, SiteCannotOpen, SiteRuntime

log = logging.getLogger("evdesk")
# `evdesk <command> ...`: setting up and running a site from a terminal (evdesk/cli/)
TERMINAL_COMMANDS = ("operator", "settings", "api-key", "aggregates", "certificates")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="evdesk",
        description="On-premise charging-station management: OCPP server, store and screens in one program.",
        epilog="Run `evdesk simulate --help` for the built-in charge-point simulator; `evdesk operator --help`, "
               "`evdesk settings --help` and `evdesk api-key --help` set a site up from a terminal.",
    )
    p.add_argument("--version", action="version", version=f"evdesk {__version__}")
    p.add_argument("--data-dir", type=Path, help="folder for the database and logs (default: the OS's data folder)")
    p.add_argument("--host", default="0.0.0.0", help="address the OCPP server listens on (default 0.0.0.0)")
    p.add_argument("--port", type=int, default=None, help="OCPP server port (default 9000; demo 9100)")
    p.add_argument("--api-host", default="127.0.0.1", help="address the automation API listens on (default 127.0.0.1: this computer only)")
    p.add_argument("--api-port", type=int, default=None, help="automation API port (default 9080; demo 9180)")
    p.add_argument("--no-api", action="store_true", help="do not serve the automation API")
    p.add_argument("--api-certificate", type=Path, help="serve the API over HTTPS with this PEM certificate (chain)")
    p.add_argument("--api-private-key", type=Path, help="its PEM private key (if not in the certificate file)")
    p.add_argument("--headless", action="store_true", help="run the OCPP server and store without a window")
    p.add_argument("--demo", action="store_true", help="open a demo site with simulated stations (its own database)")
    p.add_argument("--log-level", default="INFO", help="DEBUG, INFO, WARNING or ERROR")
    p.add_argument("--self-test", action="store_true", help="check this installation end to end in a temporary folder, print one line, exit 0 when it works")
    return p


def options_from(args: argparse.Namespace) -> RuntimeOptions:
    data_dir = args.data_dir or default_data_dir()
    if args.demo:
        data_dir = (args.data_dir or default_data_dir() / "demo")
    port = args.port if args.port is not None else (9100 if args.demo else 9000)
    api_port = args.api_port if args.api_port is not None else (9180 if args.demo else 9080)
    return RuntimeOptions(data_dir=Path(data_dir), host=args.host, port=port, demo=args.demo,
                          api_host=args.api_host, api_port=api_port, api_enabled=not args.no_api,
                          api_certificate=args.api_certificate, api_private_key=args.api_private_key)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "simulate":
        from evdesk.simulator.cli import main as simulate_main

        return simulate_main(argv[1:])
    if argv and argv[0] in TERMINAL_COMMANDS:  # plain imports: the bundler must see these modules
        from evdesk.cli import aggregates, api_keys, certificates, operators, settings as site_settings

        command = {"operator": operators, "settings": site_settings, "api-key": api_keys,
                   "aggregates": aggregates, "certificates": certificates}[argv[0]]
        return command.main(argv[1:])
    args = build_parser().parse_args(argv)
    if args.self_test:  # before logging, the store or the server: the self-test uses a temporary folder
        from evdesk.selftest import main_self_test
        return main_self_test()
    options = options_from(args)
    try:
        logfile = configure_logging(options.data_dir, args.log_level)
    except OSError as exc:  # a folder that cannot be made or written: say which, no traceback
        print(f"evdesk: cannot use the data folder {options.data_dir}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    log.info("evdesk %s starting; data in %s; log in %s", __version__, options.data_dir, logfile)
    if args.headless:
        return run_headless(options)
    from evdesk.gui.launcher import run_gui

    return run_gui(options)


def run_headless(options: RuntimeOptions) -> int:
    runtime = SiteRuntime(options)
    try:
        runtime.open_store()
    except (DatabaseTooNew, SiteCannotOpen) as exc:  # the operator's to fix: one line, no traceback
        log.error("%s", exc)
        print(f"evdesk: {exc}", file=sys.stderr)
        return 2

    async def serve() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(sig, stop.set)
            except (NotImplementedError, RuntimeError):  # Windows: Ctrl-C arrives as KeyboardInterrupt
                signal.signal(sig, lambda *_: loop.call_soon_threadsafe(stop.set))
        try:
            await runtime.start()
        except OSError as exc:
            print(f"evdesk: cannot listen on {options.host}:{options.port}: {exc.strerror or exc}", file=sys.stderr)
            await runtime.stop()
            raise SystemExit(2) from None
        print(f"evdesk headless: OCPP server on {runtime.address} (data in {options.data_dir})", flush=True)
        if runtime.api is not None:
            print(f"evdesk headless: automation API on {runtime.api.url}", flush=True)
        elif runtime.api_error:
            print(f"evdesk: automation API not started: {runtime.api_error}", file=sys.stderr, flush=True)
        await stop.wait()
        log.info("stopping")
        await runtime.stop()
        print("evdesk stopped", flush=True)

    try:
        asyncio.run(serve())
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0
