"""The shared PostgreSQL database: its schema and the statements the sync sends it.

Why psycopg 3 directly and not a peewee database: the shared database is not a
second copy of evdesk's tables. It holds the site's *change log* — every seat's
changes in one order (`sync_change`, a row's column values as JSON) — plus who the
seats are and how far each has sent. Seats replay it into their own SQLite store,
which stays the one the program reads. So the shared side needs a handful of
statements, LISTEN/NOTIFY and precise transaction control, and no models: a table
another change adds syncs without any schema change here (see `registry.py`).
psycopg 3 is PostgreSQL's maintained driver (binary wheels, notifications as a
generator with a timeout); peewee 4 would still pull in psycopg2 for nothing.

Order: a push takes a transaction-level advisory lock before it numbers its rows,
so the numbers are handed out and committed one push at a time: when a reader sees
change N, every change below N is already visible — reading "after my position"
never skips a row committed late.

Exactly once: a seat's pushed-up-to position (`sync_seat.pushed_seq`, its own feed
position) is updated in the same transaction as the rows it sent, and
`(seat, origin_seq)` is unique, so a seat killed mid-push resends nothing twice.

The schema has numbered migrations of its own (`SHARED_MIGRATIONS`), run by the
first seat that finds them missing, under an advisory lock; a shared database newer
than this program is refused with a sentence saying so.
"""

from __future__ import annotations

import psycopg
from psycopg.types.json import Jsonb

from evdesk.store.sync.rows import Change

CHANNEL = "evdesk_sync"
PUSH_LOCK = 0x65766473  # "evds": one pusher at a time (see the module text)
MIGRATE_LOCK = 0x65766d67

SHARED_MIGRATIONS: list[tuple[int, str]] = [
    (1, """
CREATE TABLE sync_site (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE sync_seat (
    seat_id text PRIMARY KEY,
    name text NOT NULL UNIQUE,
    joined_at timestamptz NOT NULL DEFAULT now(),
    last_seen timestamptz,
    pushed_seq bigint NOT NULL DEFAULT 0,
    slot integer NOT NULL UNIQUE CHECK (slot BETWEEN 1 AND 63)
);
CREATE TABLE sync_change (
    seq bigserial PRIMARY KEY,
    entity text NOT NULL,
    row_id text NOT NULL,
    version integer NOT NULL,
    op text NOT NULL,
    seat text NOT NULL,
    origin_seq bigint NOT NULL,
    base_version integer,
    base_seat text,
    data jsonb NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (seat, origin_seq)
);
CREATE INDEX sync_change_row ON sync_change (entity, row_id, seq);
"""),
    (2, """
CREATE TABLE sync_presence (
    station_id text PRIMARY KEY,
    seat_id text NOT NULL,
    at timestamptz NOT NULL
);
CREATE TABLE sync_command (
    id bigserial PRIMARY KEY,
    station_id text NOT NULL,
    seat_id text NOT NULL,
    action text NOT NULL,
    payload jsonb NOT NULL,
    requested_by text NOT NULL,
    requested_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    state text NOT NULL DEFAULT 'queued',
    outcome text,
    response jsonb,
    message text,
    done_at timestamptz
);
CREATE INDEX sync_command_queue ON sync_command (seat_id, state, id);
"""),
]
SHARED_SCHEMA_VERSION = SHARED_MIGRATIONS[-1][0]


class SharedDatabaseTooNew(RuntimeError):
    pass


class SeatNameTaken(RuntimeError):
    pass


class OtherSite(RuntimeError):
    pass


def connect(kwargs: dict, autocommit: bool = False) -> psycopg.Connection:
    return psycopg.connect(**kwargs, autocommit=autocommit)


def migrate(conn: psycopg.Connection) -> list[int]:
    applied = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATE_LOCK,))
        conn.execute("CREATE TABLE IF NOT EXISTS sync_schema (version integer PRIMARY KEY, "
                     "applied_at timestamptz NOT NULL DEFAULT now())")
        done = {v for (v,) in conn.execute("SELECT version FROM sync_schema").fetchall()}
        if done and max(done) > SHARED_SCHEMA_VERSION:
            raise SharedDatabaseTooNew(
                f"The shared database was set up by a newer evdesk (shared schema {max(done)}; this program knows "
                f"up to {SHARED_SCHEMA_VERSION}). Install the newer evdesk on this seat.")
        for number, sql in SHARED_MIGRATIONS:
            if number in done:
                continue
            conn.execute(sql)
            conn.execute("INSERT INTO sync_schema (version) VALUES (%s)", (number,))
            applied.append(number)
    return applied


def site_summary(conn: psycopg.Connection) -> dict:
    """What the shared database holds: its site id (None: empty), the seats and how many changes."""
    exists = conn.execute("SELECT to_regclass('sync_site') IS NOT NULL").fetchone()[0]
    if not exists:
        conn.rollback()
        return {"site_id": None, "seats": [], "changes": 0}
    site = conn.execute("SELECT value FROM sync_site WHERE key = 'site_id'").fetchone()
    seats = conn.execute("SELECT seat_id, name, last_seen FROM sync_seat ORDER BY joined_at").fetchall()
    changes = conn.execute("SELECT COUNT(*) FROM sync_change").fetchone()[0]
    conn.rollback()
    return {"site_id": site[0] if site else None, "seats": seats, "changes": changes}


SEAT_SLOTS = 63


def join(conn: psycopg.Connection, seat_id: str, name: str, new_site_id: str) -> tuple[str, bool, int]:
    """Register this seat (or rename it); create the site when the database has none.
    Returns (site id, True when this seat created the site, the seat's slot).

    The slot (1..63) partitions what must be unique across the site but is numbered by each
    seat on its own, offline too: OCPP transaction ids (see `TransactionService.use_id_slot`)."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (PUSH_LOCK,))
        created = conn.execute("INSERT INTO sync_site (key, value) VALUES ('site_id', %s) ON CONFLICT DO NOTHING",
                               (new_site_id,)).rowcount == 1
        site_id = conn.execute("SELECT value FROM sync_site WHERE key = 'site_id'").fetchone()[0]
        other = conn.execute("SELECT seat_id FROM sync_seat WHERE name = %s AND seat_id <> %s",
                             (name, seat_id)).fetchone()
        if other:
            raise SeatNameTaken(f"Another seat of this site is already called “{name}”. Give this seat another name.")
        slot = conn.execute("SELECT slot FROM sync_seat WHERE seat_id = %s", (seat_id,)).fetchone()
        if slot is None:
            taken = {s for (s,) in conn.execute("SELECT slot FROM sync_seat").fetchall()}
            free = [s for s in range(1, SEAT_SLOTS + 1) if s not in taken]
            if not free:
                raise SeatNameTaken(f"This site already has {SEAT_SLOTS} seats, as many as evdesk can number apart.")
            slot = (free[0],)
        conn.execute("INSERT INTO sync_seat (seat_id, name, last_seen, slot) VALUES (%s, %s, now(), %s) "
                     "ON CONFLICT (seat_id) DO UPDATE SET name = excluded.name, last_seen = now()",
                     (seat_id, name, slot[0]))
    return site_id, created, slot[0]


def pushed_position(conn: psycopg.Connection, seat_id: str) -> int:
    row = conn.execute("SELECT pushed_seq FROM sync_seat WHERE seat_id = %s", (seat_id,)).fetchone()
    conn.commit()
    return int(row[0]) if row else 0


def set_pushed_position(conn: psycopg.Connection, seat_id: str, position: int) -> None:
    with conn.transaction():
        conn.execute("UPDATE sync_seat SET pushed_seq = %s WHERE seat_id = %s", (position, seat_id))


def push(conn: psycopg.Connection, seat_id: str, changes: list[Change], position: int) -> int:
    """Send `changes` and move the seat's pushed position to `position`, in one transaction.
    Returns how many rows were new."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (PUSH_LOCK,))
        sent = 0
        if changes:
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO sync_change (entity, row_id, version, op, seat, origin_seq, base_version, "
                    "base_seat, data) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) "
                    "ON CONFLICT (seat, origin_seq) DO NOTHING",
                    [(c.entity, c.row_id, c.version, c.op, c.seat, c.seq, c.base_version, c.base_seat, Jsonb(c.data))
                     for c in changes])
                sent = len(changes)
            conn.execute(f"NOTIFY {CHANNEL}")
        conn.execute("UPDATE sync_seat SET pushed_seq = %s, last_seen = now() WHERE seat_id = %s",
                     (position, seat_id))
    return sent


def pull(conn: psycopg.Connection, seat_id: str, after: int, limit: int = 2000) -> tuple[list[Change], int]:
    """Other seats' changes after `after`, in order; and the position they reach."""
    top = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM sync_change").fetchone()[0]
    rows = conn.execute(
        "SELECT seq, entity, row_id, version, op, seat, data, base_version, base_seat FROM sync_change "
        "WHERE seq > %s AND seq <= %s AND seat <> %s ORDER BY seq LIMIT %s", (after, top, seat_id, limit)).fetchall()
    conn.commit()
    changes = [Change(seq, entity, row_id, version, op, seat, data, base_version, base_seat)
               for seq, entity, row_id, version, op, seat, data, base_version, base_seat in rows]
    position = changes[-1].seq if len(changes) == limit else max(top, after)
    return changes, position


def seat_names(conn: psycopg.Connection) -> dict[str, str]:
    rows = conn.execute("SELECT seat_id, name FROM sync_seat").fetchall()
    conn.commit()
    return dict(rows)


def touch(conn: psycopg.Connection, seat_id: str) -> None:
    with conn.transaction():
        conn.execute("UPDATE sync_seat SET last_seen = now() WHERE seat_id = %s", (seat_id,))
