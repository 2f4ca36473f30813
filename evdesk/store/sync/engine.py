"""The sync engine: this seat's store and the site's shared PostgreSQL, kept in step.

It runs on a thread of its own (`evdesk-sync`) with blocking psycopg connections,
so neither the window's loop nor the OCPP server ever waits for the network; the
SQLite side runs on the store's worker (`store.call_sync`), like every write.

Each round (every `tick` seconds, or at once when another seat's NOTIFY arrives):
push this seat's new feed entries, then pull the other seats' changes after the
pulled-up-to position. A connection lost (the server stopped, the network down)
makes the seat *unreachable since* that moment; the seat goes on serving its
stations from its own store, and the engine tries again every few seconds and
catches up from the positions where it stopped. Both positions are written in the
same transaction as the rows they cover (pushed: in PostgreSQL; pulled: in SQLite),
so a seat killed at any moment resumes with nothing lost and nothing sent twice.

Each round also carries the commands across seats and which seat serves each station
(`relay.CommandRelay`).

Joining: the first seat to reach an empty shared database creates the site and
sends everything it holds (it *seeds* the site). A later seat with no data of its
own takes the site from it. A later seat that has data of its own stops before
anything is merged and says what would happen (`needs_confirmation`, with a
sentence); it merges only when started with `allow_merge` (the operator agreed).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import peewee
import psycopg

from evdesk.store import models as m
from evdesk.store.database import Store
from evdesk.store.sync import rows, shared
from evdesk.store.sync.relay import CommandRelay

log = logging.getLogger(__name__)
SITE_KEY = "sync_site_id"
SLOT_KEY = "sync_seat_slot"
PUSHED_KEY = "sync_pushed_seq"  # a local copy (the shared database's is the one that counts): feed trimming


@dataclass(frozen=True)
class SyncStatus:
    state: str  # connecting, connected, unreachable, needs_confirmation, refused, stopped
    since: datetime
    detail: str = ""


@dataclass
class SyncCounters:
    pushed: int = 0
    pulled: int = 0
    kept: int = 0
    conflicts: int = 0
    reconnects: int = 0
    last_round: dict = field(default_factory=dict)


class NeedsConfirmation(Exception):
    pass


def _local_get(key: str) -> str | None:
    row = m.LocalState.get_or_none(m.LocalState.key == key)
    return row.value if row else None


def _mark_joined(site_id: str, seat: str, send_everything: bool) -> int:
    """Remember the site; with `send_everything`, feed every row first (same transaction).
    Returns the feed position from which to send."""
    db = m.ChangeFeed._meta.database
    with db.atomic():
        if send_everything:
            position = rows.feed_everything(seat)
        else:
            position = db.execute_sql("SELECT COALESCE(MAX(seq), 0) FROM change_feed").fetchone()[0]
        m.LocalState.replace(key=SITE_KEY, value=site_id).execute()
    return position


def join_plan(own: dict[str, int], summary: dict) -> str:
    """The sentence a seat with its own data is shown before it joins a site."""
    what = ", ".join(f"{count} {table.replace('_', ' ')} rows" for table, count in sorted(own.items())[:6])
    seats = ", ".join(name for _id, name, _seen in summary.get("seats", [])) or "no seat yet"
    return (f"The shared database already holds a site (seats: {seats}). This seat has records of its own "
            f"({what}). Joining sends them to the site and brings the site's records here; where the same "
            f"record was changed on both, the higher version wins (then the later change), and the losing "
            f"values are kept in the conflicts list for an admin. Records that clash by name or number are "
            f"not merged and are listed there too.")


class SyncEngine:
    def __init__(self, store: Store, connection: dict, seat_name: str, *, allow_merge: bool = False,
                 tick: float = 0.2, on_status: Callable[[SyncStatus], None] | None = None,
                 on_pulled: Callable[[dict], None] | None = None, on_slot: Callable[[int], None] | None = None):
        self.store = store
        self.connection = {"keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2, "keepalives_count": 2,
                           **connection}
        self.seat_name = seat_name
        self.allow_merge = allow_merge
        self.tick = tick
        self.on_status = on_status
        self.on_pulled = on_pulled
        self.on_slot = on_slot
        self.status = SyncStatus("stopped", m.utcnow())
        self.counters = SyncCounters()
        self.seat_names: dict[str, str] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._conn: psycopg.Connection | None = None
        self._listen: psycopg.Connection | None = None
        self._pushed = 0
        self._pulled = 0
        self._pushed_noted = -1
        self._noted_at = 0.0
        self._caught_up = threading.Event()
        # commands across seats and which seat serves each station (relay.py)
        self.relay = CommandRelay(store.seat_id)

    # -- control (any thread) -------------------------------------------------------------
    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="evdesk-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 15.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self._close()
        self._set_status("stopped")

    def wait_caught_up(self, timeout: float = 30.0) -> bool:
        """Block until a round found nothing to send or fetch (tests, benchmarks, shutdown)."""
        self._caught_up.clear()
        return self._caught_up.wait(timeout)

    # -- the thread -----------------------------------------------------------------------
    def _set_status(self, state: str, detail: str = "") -> None:
        if self.status.state == state and self.status.detail == detail:
            return
        self.status = SyncStatus(state, m.utcnow(), detail)
        if state == "unreachable":
            log.warning("shared database unreachable: %s", detail)
        elif state == "connected":
            log.info("shared database connected")
        if self.on_status is not None:
            try:
                self.on_status(self.status)
            except Exception:
                log.exception("sync status listener failed")

    def _run(self) -> None:
        backoff = 1.0
        while not self._stop.is_set():
            if self.status.state not in ("unreachable",):
                self._set_status("connecting")
            try:
                self._open_and_join()
                self._set_status("connected")
                backoff = 1.0
                last_touch = time.monotonic()
                while not self._stop.is_set():
                    try:
                        self._round()
                    except (peewee.OperationalError, sqlite3.OperationalError) as exc:
                        # this seat's own store was busy (locked by a long write, or by another process on
                        # the same file): the shared database is fine, the positions did not move; the
                        # round is tried again
                        if isinstance(exc, sqlite3.OperationalError) and "locked" not in str(exc) \
                                and "busy" not in str(exc):
                            raise
                        log.warning("the sync waits for this seat's store: %s", exc)
                        self._stop.wait(0.5)
                        continue
                    if time.monotonic() - last_touch > 10:
                        shared.touch(self._conn, self.store.seat_id)
                        last_touch = time.monotonic()
                    self._wait()
            except NeedsConfirmation as exc:
                self._close()
                self._set_status("needs_confirmation", str(exc))
                self._stop.wait(5)
            except (shared.SeatNameTaken, shared.OtherSite, shared.SharedDatabaseTooNew) as exc:
                self._close()
                self._set_status("refused", str(exc))
                self._stop.wait(10)
            except (psycopg.Error, OSError) as exc:
                self._close()
                if self._stop.is_set():
                    break
                self.counters.reconnects += 1
                self._set_status("unreachable", _plain(exc))
                self._stop.wait(backoff)
                backoff = min(backoff * 2, 4.0)
            except Exception as exc:  # a bug must not end the thread silently: say it, try again later
                log.exception("the sync round failed")
                self._close()
                self._set_status("unreachable", f"the sync stopped on an error ({exc}); trying again")
                self._stop.wait(5)

    def _open_and_join(self) -> None:
        self._conn = shared.connect(self.connection)
        shared.migrate(self._conn)
        seat = self.store.seat_id
        joined = self.store.call_sync(_local_get, SITE_KEY)
        summary = shared.site_summary(self._conn)
        if joined is None and summary["site_id"] is not None and self.allow_merge is False:
            own = self.store.call_sync(rows.rows_of_own)
            if own:
                raise NeedsConfirmation(join_plan(own, summary))
        site_id, created, slot = shared.join(self._conn, seat, self.seat_name, str(uuid.uuid4()))
        if self.store.call_sync(_local_get, SLOT_KEY) != str(slot):
            self.store.call_sync(lambda: m.LocalState.replace(key=SLOT_KEY, value=str(slot)).execute())
        if self.on_slot is not None:
            self.on_slot(slot)
        if joined is not None and joined != site_id:
            raise shared.OtherSite("This seat belongs to another site than the one in this shared database. "
                                   "Check the database name, or start this seat with a new data folder.")
        if joined is None:
            own = self.store.call_sync(rows.rows_of_own)
            position = self.store.call_sync(_mark_joined, site_id, seat, bool(created or own))
            shared.set_pushed_position(self._conn, seat, position)
            log.info("this seat %s the site %s", "created" if created else "joined", site_id)
        self._pushed = shared.pushed_position(self._conn, seat)
        self._pulled = self.store.call_sync(rows.pulled_position)
        self.seat_names = shared.seat_names(self._conn)
        self.relay.connected(self._conn)
        self._listen = shared.connect(self.connection, autocommit=True)
        self._listen.execute(f"LISTEN {shared.CHANNEL}")

    def _round(self) -> None:
        seat = self.store.seat_id
        busy = False
        while not self._stop.is_set():
            changes, reached = self.store.read_sync(rows.changes_to_push, self._pushed, seat)
            if reached == self._pushed:
                break
            self.counters.pushed += shared.push(self._conn, seat, changes, reached)
            self._pushed = reached
            busy = True
        if self._pushed != self._pushed_noted and time.monotonic() - self._noted_at > 5:
            position = self._pushed
            self.store.call_sync(lambda: m.LocalState.replace(key=PUSHED_KEY, value=str(position)).execute())
            self._pushed_noted, self._noted_at = position, time.monotonic()
        while not self._stop.is_set():
            changes, position = shared.pull(self._conn, seat, self._pulled)
            if position == self._pulled:
                break
            counts = self.store.call_sync(rows.apply_pulled, changes, position, seat)
            self._pulled = position
            if changes:
                busy = True
                self.counters.pulled += counts["applied"]
                self.counters.kept += counts["kept"]
                self.counters.conflicts += counts["conflicts"]
                self.counters.last_round = counts
                if self.on_pulled is not None and (counts["applied"] or counts["conflicts"]):
                    self.on_pulled(counts)
                if any(c.seat not in self.seat_names for c in changes):
                    self.seat_names = shared.seat_names(self._conn)
        busy |= self.relay.round(self._conn, time.monotonic())
        if not busy:
            self._caught_up.set()

    def _wait(self) -> None:
        for _note in self._listen.notifies(timeout=self.tick, stop_after=1):
            pass

    def _close(self) -> None:
        for conn in (self._listen, self._conn):
            if conn is not None:
                try:
                    conn.close()
                except Exception:  # closing a broken connection: nothing more to do
                    pass
        self._listen = self._conn = None


def _plain(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
