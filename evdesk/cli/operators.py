"""`evdesk operator create|list|reset-password|activate|deactivate`: operators from a terminal.

Passwords come from a prompt (asked twice) or, with `--password-stdin`, from the first line
of stdin — never from an argument, which other users of the computer could read. The core's
operator service does the work: its password policy, scrypt hashing and checks apply.
"""

from __future__ import annotations

import argparse

from evdesk.cli.common import (
    OK,
    USAGE,
    UsageError,
    add_data_dir,
    cli_context,
    parse,
    read_password,
    run_on_site,
    say_error,
)
from evdesk.core.errors import EvdeskError, NotFound
from evdesk.core.operators import OPERATOR_NOT_FOUND
from evdesk.core.permissions import ROLES

COMMAND = "operator"
CLI_CONTEXT = cli_context(COMMAND)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(allow_abbrev=False, prog="evdesk operator",
                                description="Operators of the site: create, list, reset a password, (de)activate.")
    add_data_dir(p, top=True)
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("create", allow_abbrev=False, help="an active operator with a password (no invitation e-mail)")
    c.add_argument("--username", required=True)
    c.add_argument("--role", required=True, choices=ROLES)
    c.add_argument("--email", default="")
    c.add_argument("--first-name", default="")
    c.add_argument("--last-name", default="")
    c.add_argument("--base-group", default="", metavar="NAME",
                   help="limit the operator to this charging group and its subgroups (name, or path 'A / B')")
    c.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    ls = sub.add_parser("list", allow_abbrev=False, help="username, role, status, base group, e-mail, last login")
    r = sub.add_parser("reset-password", allow_abbrev=False, help="give an operator a new password (asked, or from stdin)")
    r.add_argument("username")
    r.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    a = sub.add_parser("activate", allow_abbrev=False, help="let an inactive operator log in again")
    a.add_argument("username")
    d = sub.add_parser("deactivate", allow_abbrev=False, help="stop an operator from logging in (their API keys stop working)")
    d.add_argument("username")
    for each in (c, ls, r, a, d):
        add_data_dir(each)
    return p


def find_group(services, text: str):
    """A charging group by its name or its path ('Depot / North'), case ignored."""
    wanted = " / ".join(part.strip() for part in text.split("/")).casefold()
    groups = services.groups
    by_path = [g for g in groups.groups.values() if groups.path_of(g.id).casefold() == wanted]
    matches = by_path or [g for g in groups.groups.values() if g.name.casefold() == wanted]
    if len(matches) == 1:
        return matches[0]
    if matches:
        paths = "; ".join(sorted(groups.path_of(g.id) for g in matches))
        raise UsageError(f"Several charging groups are called '{text}': give the path ({paths}).")
    known = "; ".join(sorted(groups.path_of(g) for g in groups.groups)) or "none yet"
    raise UsageError(f"No charging group '{text}'. Groups: {known}.")


async def find_operator(services, username: str):
    wanted = username.strip().casefold()
    for op in await services.operators.list(CLI_CONTEXT):
        if op.username.casefold() == wanted:
            return op
    raise NotFound(f"{OPERATOR_NOT_FOUND[:-1]}: '{username}'. See them with: evdesk operator list")


def _when(value) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else "-"


async def create(services, args) -> int:
    base = find_group(services, args.base_group) if args.base_group.strip() else None
    password = read_password(args.username, args.password_stdin)
    info = await services.operators.create_with_password(
        CLI_CONTEXT, username=args.username, password=password, role=args.role,
        base_group_id=base.id if base else None, email=args.email, first_name=args.first_name,
        last_name=args.last_name)
    where = f"limited to {services.groups.path_of(base.id)}" if base else "the whole site"
    print(f"operator {info.username} created: {info.role}, active, {where}")
    return OK


async def list_operators(services, _args) -> int:
    rows = await services.operators.list(CLI_CONTEXT)
    if not rows:
        print("no operators yet: create the first with: evdesk operator create --username NAME --role admin")
    for op in rows:
        group = services.groups.path_of(op.base_group_id) if op.base_group_id else "(whole site)"
        print(f"{op.username:<20} {op.role:<8} {op.status:<8} {group:<30} {op.email or '-':<30} "
              f"last login {_when(op.last_login)}")
    return OK


async def reset_password(services, args) -> int:
    target = await find_operator(services, args.username)
    if target.status == "inactive":  # before asking for a password that could not be used
        raise EvdeskError(f"{target.username} is inactive. Activate first: evdesk operator activate {target.username}")
    password = read_password(target.username, args.password_stdin)
    info = await services.operators.set_password(CLI_CONTEXT, target.id, password)
    print(f"new password set for {info.username}")
    return OK


async def set_active(services, args, active: bool) -> int:
    target = await find_operator(services, args.username)
    info = await services.operators.set_active(CLI_CONTEXT, target.id, target.version, active)
    print(f"{info.username} is {info.status}")
    return OK


def main(argv: list[str]) -> int:
    if any(a == "--password" or a.startswith("--password=") for a in argv):  # refused without echoing it
        say_error(COMMAND, "passwords are never taken as arguments (other users of this computer could read "
                           "them): type it when asked, or pipe it in with --password-stdin.")
        return USAGE
    args = parse(build_parser(), argv)
    if isinstance(args, int):
        return args
    commands = {
        "create": create, "list": list_operators, "reset-password": reset_password,
        "activate": lambda s, a: set_active(s, a, True), "deactivate": lambda s, a: set_active(s, a, False),
    }
    return run_on_site(COMMAND, args.data_dir, lambda services: commands[args.command](services, args))
