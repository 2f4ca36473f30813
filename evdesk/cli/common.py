"""What the terminal commands share: opening the site, the acting context, passwords,
errors as one line, exit codes."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import getpass
import sys
import warnings
from collections.abc import Awaitable, Callable
from pathlib import Path

from evdesk.core.errors import EvdeskError, ValidationError
from evdesk.core.permissions import SYSTEM_CONTEXT, OperatorContext

OK, REFUSED, USAGE = 0, 1, 2


class UsageError(Exception):
    """The command was used wrongly (exit 2), e.g. an unknown setting."""


def cli_context(command: str) -> OperatorContext:
    """evdesk itself, named after the command, so logs and records say who acted."""
    return dataclasses.replace(SYSTEM_CONTEXT, display_name=f"evdesk {command} (command line)")


def add_data_dir(parser: argparse.ArgumentParser, top: bool = False) -> None:
    """`--data-dir` before or after the sub-command."""
    parser.add_argument("--data-dir", type=Path, default=None if top else argparse.SUPPRESS,
                        help="the site's data folder (default: the OS's data folder)")


def parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace | int:
    """The arguments, or the exit code argparse chose (2 for usage, 0 for --help)."""
    try:
        return parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else USAGE


def say_error(command: str, message: str) -> None:
    print(f"evdesk {command}: {' '.join(str(message).split())}", file=sys.stderr)


def error_text(exc: BaseException) -> str:
    if isinstance(exc, ValidationError) and exc.field and not str(exc).startswith(exc.field):
        return f"{exc.field}: {exc}"
    return str(exc)


def read_password(prompt_for: str, from_stdin: bool) -> str:
    """A password from stdin (one line) or asked twice on the terminal; never an argument."""
    if from_stdin:
        line = sys.stdin.readline()
        password = line[:-1] if line.endswith("\n") else line
        if password.endswith("\r"):
            password = password[:-1]
        if not password:
            raise EvdeskError("No password on stdin: give it as the first line.")
        return password
    try:
        with warnings.catch_warnings():  # no terminal: getpass would read stdin and echo it
            warnings.simplefilter("error", getpass.GetPassWarning)
            first = getpass.getpass(f"Password for {prompt_for}: ")
            if not first:
                raise EvdeskError("No password given.")
            again = getpass.getpass("Repeat the password: ")
    except (getpass.GetPassWarning, EOFError):
        raise UsageError("No terminal to ask for the password on: pipe it in with --password-stdin.") from None
    if again != first:
        raise EvdeskError("The two passwords differ; nothing was changed.")
    return first


def run_on_site(command: str, data_dir: Path | None, work: Callable[[object], Awaitable[int]]) -> int:
    """Open the site's database, build its services (settings and the group tree loaded),
    run `work(services)`, close. evdesk's refusals become one line on stderr and exit 1."""
    from evdesk.core.services import Services
    from evdesk.paths import database_path, default_data_dir
    from evdesk.store.database import Store
    from evdesk.store.migrations import DatabaseTooNew

    folder = Path(data_dir) if data_dir else default_data_dir()
    try:
        store = Store.sqlite(database_path(folder))
        store.open()
    except DatabaseTooNew as exc:
        say_error(command, str(exc))
        return USAGE
    except Exception as exc:  # unreadable folder, not a database, disk full: say which and why
        say_error(command, f"cannot open the database in {folder}: {exc}")
        return REFUSED

    async def run() -> int:
        services = Services(store)
        await services.reload_settings()
        await services.groups.load()
        return await work(services)

    try:
        return asyncio.run(run())
    except UsageError as exc:
        say_error(command, str(exc))
        return USAGE
    except EvdeskError as exc:
        say_error(command, error_text(exc))
        return REFUSED
    except KeyboardInterrupt:
        say_error(command, "interrupted; nothing more was changed.")
        return REFUSED
    finally:
        store.close()
