"""`evdesk aggregates rebuild`: compute the hourly aggregates of sessions and status again from the
raw rows (store/aggregates.py). evdesk keeps them as it writes; rebuild after restoring or importing
raw rows by other means, or when a figure looks wrong. It runs in one transaction (a running evdesk
keeps writing after it) and prints what it counted and how long it took."""

from __future__ import annotations

import argparse
import sys
import time

from evdesk.cli.common import OK, add_data_dir, cli_context, parse, run_on_site

COMMAND = "aggregates"
CLI_CONTEXT = cli_context(COMMAND)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(allow_abbrev=False, prog="evdesk aggregates",
                                description="The hourly figures reports and statistics read.")
    add_data_dir(p, top=True)
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("rebuild", allow_abbrev=False, help="compute them again from the sessions, readings and "
                                                            "status events")
    r.add_argument("--quiet", action="store_true", help="no progress on stderr")
    add_data_dir(r)
    return p


async def rebuild(services, args) -> int:
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if not args.quiet:
            print(f"\rsessions {done:,} of {total:,}", end="", file=sys.stderr, flush=True)

    counts = await services.station_metrics.rebuild(CLI_CONTEXT, progress)
    if not args.quiet:
        print(file=sys.stderr)
    print(f"Rebuilt the aggregates of {counts['sessions']:,} sessions and "
          f"{counts['charging_points_with_status']:,} charging points' status in "
          f"{time.perf_counter() - started:.1f} s ({counts['hour_rows']:,} hour rows).")
    return OK


def main(argv: list[str]) -> int:
    args = parse(build_parser(), argv)
    if isinstance(args, int):
        return args
    return run_on_site(COMMAND, args.data_dir, lambda services: rebuild(services, args))
