"""`evdesk settings get [KEY]` and `evdesk settings set KEY VALUE`: the site settings from a
terminal. Every field of `SiteSettings`; a value is read as the field's type and the whole
set is checked by `SiteSettings.validate()` when saved (the messages the Settings page
shows). The SMTP password lives in the OS keychain and is set in the Settings page."""

from __future__ import annotations

import argparse
import dataclasses
import math
import re

from evdesk.cli import shared_db
from evdesk.cli.common import OK, UsageError, add_data_dir, cli_context, parse, run_on_site
from evdesk.cli.shared_db import add_parser as add_shared_db_parser
from evdesk.core.errors import ValidationError
from evdesk.settings import SiteSettings

COMMAND = "settings"
CLI_CONTEXT = cli_context(COMMAND)
FIELDS = {f.name: type(getattr(SiteSettings(), f.name)) for f in dataclasses.fields(SiteSettings)}
INT_RANGE = (-(2**31), 2**31 - 1)  # what a station and a spin box can take
FLOAT_LIMIT = 1e9
WHOLE_NUMBER = re.compile(r"[+-]?[0-9]{1,19}")  # ASCII digits: int() would also take '١٢' and '1_0'


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(allow_abbrev=False, prog="evdesk settings", description="Read and change the site settings.",
                                epilog=f"Settings: {', '.join(FIELDS)}.")
    add_data_dir(p, top=True)
    sub = p.add_subparsers(dest="command", required=True)
    g = sub.add_parser("get", allow_abbrev=False, help="print every setting (KEY = VALUE), or one value")
    g.add_argument("key", nargs="?")
    s = sub.add_parser("set", allow_abbrev=False, help="change one setting (checked as the Settings page checks it)")
    s.add_argument("key")
    s.add_argument("value")
    shared = add_shared_db_parser(sub)
    for each in (g, s, shared):
        add_data_dir(each)
    return p


def known(key: str) -> str:
    if key not in FIELDS:
        raise UsageError(f"Unknown setting '{key}'. Settings: {', '.join(FIELDS)}.")
    return key


def typed(key: str, text: str):
    """`text` as the setting's type, or ValidationError naming the setting."""
    kind = FIELDS[key]
    if kind is int:
        value = int(text) if WHOLE_NUMBER.fullmatch(text.strip()) else None
        if value is None or not INT_RANGE[0] <= value <= INT_RANGE[1]:
            raise ValidationError(f"Must be a whole number (at most {INT_RANGE[1]}).", field=key)
        return value
    if kind is float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value) or abs(value) > FLOAT_LIMIT:
            raise ValidationError(f"Must be a number (at most {FLOAT_LIMIT:.0f}).", field=key)
        return value
    return text


def shown(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


async def get(services, args) -> int:
    values = services.settings.as_dict()
    if args.key is not None:
        print(shown(values[known(args.key)]))
        return OK
    for key, value in values.items():
        print(f"{key} = {shown(value)}")
    return OK


async def set_value(services, args) -> int:
    key = known(args.key)
    old = getattr(services.settings, key)
    changed = dataclasses.replace(SiteSettings.from_dict(services.settings.as_dict()), **{key: typed(key, args.value)})
    await services.save_settings(changed, ctx=CLI_CONTEXT)
    print(f"{key} = {shown(getattr(services.settings, key))} (was {shown(old)}). A running evdesk applies it at its "
          "next start, or at once with Reload on its Settings page.")
    return OK


def main(argv: list[str]) -> int:
    args = parse(build_parser(), argv)
    if isinstance(args, int):
        return args
    if args.command == "shared-db":
        return run_on_site(COMMAND, args.data_dir, lambda services: shared_db.run(services, args, CLI_CONTEXT))
    work = get if args.command == "get" else set_value
    return run_on_site(COMMAND, args.data_dir, lambda services: work(services, args))
