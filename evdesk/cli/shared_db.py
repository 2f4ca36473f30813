"""`evdesk settings shared-db …`: this seat's shared database from a terminal (issue 14).

    evdesk settings shared-db show
    evdesk settings shared-db set --host db.site.lan --database evdesk --user evdesk --tls verify-full \\
        --seat-name Workshop --enable [--password-stdin]
    evdesk settings shared-db test [--password-stdin]
    evdesk settings shared-db agree-to-merge
    evdesk settings shared-db conflicts

The settings are this seat's (kept in its own data folder); the password goes to the OS
keychain. A running evdesk uses changed settings at its next start.
"""

from __future__ import annotations

import dataclasses

from evdesk.cli.common import OK, read_password
from evdesk.core.shared_db_settings import TLS_MODES, SharedDatabaseSettings

ACTIONS = ("show", "set", "test", "agree-to-merge", "conflicts")


def add_parser(sub) -> None:
    p = sub.add_parser("shared-db", allow_abbrev=False, help="this seat's shared database (several seats, one site)")
    p.add_argument("action", choices=ACTIONS)
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.add_argument("--database")
    p.add_argument("--user")
    p.add_argument("--tls", choices=TLS_MODES)
    p.add_argument("--ca-file", help="the CA certificate that signed the server's (for --tls verify-full)")
    p.add_argument("--seat-name", help="this seat's name on the site, e.g. Workshop")
    on = p.add_mutually_exclusive_group()
    on.add_argument("--enable", dest="enabled", action="store_const", const=True, help="sync with it")
    on.add_argument("--disable", dest="enabled", action="store_const", const=False, help="stop syncing")
    p.add_argument("--password-stdin", action="store_true", help="read the database password from stdin")
    return p


def _changed(current: SharedDatabaseSettings, args) -> SharedDatabaseSettings:
    values = {name: getattr(args, arg) for name, arg in (("host", "host"), ("port", "port"), ("database", "database"),
                                                         ("user", "user"), ("tls", "tls"), ("ca_file", "ca_file"),
                                                         ("seat_name", "seat_name"), ("enabled", "enabled"))
              if getattr(args, arg, None) is not None}
    return dataclasses.replace(current, **values)


async def run(services, args, ctx) -> int:
    service = services.shared_db
    current = await service.load()
    if args.action == "show":
        for key, value in dataclasses.asdict(current).items():
            print(f"{key} = {value}")
        return OK
    if args.action == "set":
        password = read_password("the shared database", True) if args.password_stdin else None
        changed = _changed(current, args)
        await service.save(changed, password, ctx=ctx)
        state = "on" if changed.enabled else "off"
        print(f"Shared database settings saved (sync {state}). A running evdesk uses them at its next start.")
        return OK
    if args.action == "test":
        password = read_password("the shared database", True) if args.password_stdin else None
        print(await service.test_connection(_changed(current, args), password, ctx=ctx))
        return OK
    if args.action == "agree-to-merge":
        await service.agree_to_merge(ctx=ctx)
        print("Agreed: at its next start this seat sends its own records to the site and takes the site's.")
        return OK
    rows = await service.conflicts(ctx=ctx)
    if not rows:
        print("No conflicts.")
    for row in rows:
        print(f"{row['detected_at']:%Y-%m-%d %H:%M} UTC {row['entity']} {row['label'] or row['row_id']}: version {row['lost_version']} "
              f"of seat {row['lost_seat_name']} lost to version {row['kept_version']} of seat "
              f"{row['kept_seat_name']}. Values that lost: {row['differences'] or 'none different'}. {row['reason']}")
    return OK
