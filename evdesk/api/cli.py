"""`evdesk api-key create|list|revoke`: API keys from the shell of the computer that holds the
data folder (whoever can open the database there is the site's administrator)."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import sys
from pathlib import Path

from evdesk.core.errors import EvdeskError
from evdesk.core.permissions import SYSTEM_CONTEXT

CLI_CONTEXT = dataclasses.replace(SYSTEM_CONTEXT, display_name="evdesk api-key (command line)")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="evdesk api-key", description="Make, list and revoke keys of the automation API.")
    p.add_argument("--data-dir", type=Path, help="the site's data folder (default: the OS's data folder)")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("create", help="make a key for an operator; prints the key once")
    c.add_argument("--operator", required=True, help="username of the operator the key acts as")
    c.add_argument("--name", default="", help="what the key is for, e.g. 'fleet dashboard'")
    c.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    ls = sub.add_parser("list", help="list keys (prefix, operator, created, last used, revoked)")
    ls.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    r = sub.add_parser("revoke", help="revoke a key by its prefix (or the whole key)")
    r.add_argument("prefix")
    r.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    return p


def _when(value) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else "-"


def main(argv: list[str]) -> int:
    from evdesk.api.keys import ApiKeyService
    from evdesk.paths import database_path, default_data_dir
    from evdesk.store.database import Store
    from evdesk.store.migrations import DatabaseTooNew

    args = build_parser().parse_args(argv)
    data_dir = getattr(args, "data_dir", None) or default_data_dir()
    store = Store.sqlite(database_path(Path(data_dir)))
    try:
        store.open()
    except DatabaseTooNew as exc:
        print(f"evdesk: {exc}", file=sys.stderr)
        return 2
    keys = ApiKeyService(store)

    async def run() -> int:
        if args.command == "create":
            info, key = await keys.create(CLI_CONTEXT, args.operator, args.name)
            print(f"API key '{info.name}' for operator {info.operator} (prefix {info.prefix}):")
            print(key)
            print("Keep it now: evdesk stores only its hash and cannot show it again.")
        elif args.command == "list":
            rows = await keys.list(CLI_CONTEXT)
            if not rows:
                print("no API keys")
            for k in rows:
                state = f"revoked {_when(k.revoked_at)}" if k.revoked_at else "active"
                print(f"{k.prefix}  {k.operator:<20} {k.name:<30} created {_when(k.created_at)}  "
                      f"last used {_when(k.last_used_at)}  {state}")
        else:
            info = await keys.revoke(CLI_CONTEXT, args.prefix)
            print(f"revoked {info.prefix} ({info.name}, operator {info.operator})")
        return 0

    try:
        return asyncio.run(run())
    except EvdeskError as exc:
        print(f"evdesk api-key: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
