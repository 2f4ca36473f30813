"""How this seat reaches the site's shared PostgreSQL database (issue 14).

These settings belong to one seat's data folder, not to the site: they say where
the shared database is, so they cannot live in it. They are kept in the store's
`LocalState` (which never travels); the password is kept in the OS keychain under
`PASSWORD_SECRET`, never in a file or the database.

TLS modes are PostgreSQL's `sslmode` values an operator needs: `disable` (a
trusted LAN only), `prefer` (TLS when the server offers it), `require` (always
TLS, the certificate not checked) and `verify-full` (TLS, the server's certificate
checked against the system's or the given CA file and its name against the host).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, fields

TLS_MODES = ("disable", "prefer", "require", "verify-full")
PASSWORD_SECRET = "shared-database-password"
LOCAL_STATE_KEY = "shared_database"
SEAT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}")


@dataclass
class SharedDatabaseSettings:
    enabled: bool = False
    host: str = ""
    port: int = 5432
    database: str = "evdesk"
    user: str = "evdesk"
    tls: str = "prefer"
    ca_file: str = ""  # for verify-full with a site's own CA; empty: the system's CAs
    seat_name: str = ""

    def validate(self) -> list[tuple[str, str]]:
        """(field, sentence) for each problem; empty when the settings can be used."""
        problems = []
        if self.enabled and not self.host.strip():
            problems.append(("host", "Enter the name or address of the computer that runs the shared database."))
        if len(self.host) > 255:
            problems.append(("host", "The host name is too long (at most 255 characters)."))
        if not isinstance(self.port, int) or not 1 <= self.port <= 65535:
            problems.append(("port", "The port is a number from 1 to 65535 (PostgreSQL's usual port is 5432)."))
        if self.enabled and not self.database.strip():
            problems.append(("database", "Enter the name of the shared database."))
        if self.enabled and not self.user.strip():
            problems.append(("user", "Enter the database user evdesk signs in as."))
        for name in ("database", "user"):
            if len(getattr(self, name)) > 63:
                problems.append((name, f"The {name} name is too long (PostgreSQL allows 63 characters)."))
        if self.tls not in TLS_MODES:
            problems.append(("tls", f"The TLS mode is one of: {', '.join(TLS_MODES)}."))
        if self.enabled and not SEAT_NAME.fullmatch(self.seat_name or ""):
            problems.append(("seat_name", "Give this seat a name of up to 40 letters, digits, spaces, dots, dashes "
                                          "or underscores (for example “Workshop”), unique on the site."))
        return problems

    def connection_kwargs(self, password: str | None) -> dict:
        """The keyword arguments for psycopg.connect."""
        kwargs = {"host": self.host, "port": self.port, "dbname": self.database, "user": self.user,
                  "sslmode": self.tls, "connect_timeout": 5, "application_name": f"evdesk {self.seat_name}"[:63]}
        if password:
            kwargs["password"] = password
        if self.tls == "verify-full" and self.ca_file:
            kwargs["sslrootcert"] = self.ca_file
        elif self.tls == "verify-full":
            kwargs["sslrootcert"] = "system"
        return kwargs

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str | None) -> "SharedDatabaseSettings":
        if not text:
            return cls()
        values = json.loads(text)
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in known})
