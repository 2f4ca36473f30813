"""`evdesk api-key create|list|revoke`: API keys from the shell of the computer that holds the
data folder (whoever can open the database there is the site's administrator)."""

from __future__ import annotations

import argparse
import shlex

from evdesk.cli.common import OK, add_data_dir, cli_context, parse, run_on_site
from evdesk.core.errors import ValidationError

COMMAND = "api-key"
CLI_CONTEXT = cli_context(COMMAND)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(allow_abbrev=False, prog="evdesk api-key", description="Make, list and revoke keys of the automation API.")
    add_data_dir(p, top=True)
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("create", allow_abbrev=False, help="make a key for an operator; prints the key once")
    c.add_argument("--operator", required=True, help="username of the operator the key acts as")
    c.add_argument("--name", default="", help="what the key is for, e.g. 'fleet dashboard'")
    ls = sub.add_parser("list", allow_abbrev=False, help="list keys (prefix, operator, created, last used, revoked)")
    r = sub.add_parser("revoke", allow_abbrev=False, help="revoke a key by its prefix (or the whole key)")
    r.add_argument("prefix")
    for each in (c, ls, r):
        add_data_dir(each)
    return p


def _when(value) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else "-"


def main(argv: list[str]) -> int:
    args = parse(build_parser(), argv)
    if isinstance(args, int):
        return args

    async def work(services) -> int:
        keys = services.api_keys
        if args.command == "create":
            try:
                info, key = await keys.create(CLI_CONTEXT, args.operator, args.name)
            except ValidationError as exc:
                if exc.field == "operator" and args.operator.strip():
                    name = args.operator.strip()
                    raise ValidationError(f"No operator '{name}'. Create one with: evdesk operator create "
                                          f"--username {shlex.quote(name)} --role admin") from None
                raise
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
        return OK

    return run_on_site(COMMAND, args.data_dir, work)
