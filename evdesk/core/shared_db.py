"""The site's shared database, as the screens, the CLI and the API see it (issue 14).

One `SharedDatabaseService` per seat, built with the other services. It keeps this
seat's connection settings (in the seat's own store, never shared; the password in
the OS keychain), runs the sync engine (`evdesk/store/sync`, on a thread of its own)
when they are enabled, and says how it is going:

* `status` — connected / unreachable since … / waiting for the operator's consent
  to merge / refused (with the reason) / off; each change is published on the bus
  as `SharedDatabaseStatus`, which the window's status line shows;
* `conflicts()` — edits that lost to another seat's edit, for admins.

Changing the settings, testing a connection and agreeing to a merge are site-admin
matters (an admin of the whole site: what the site settings take too).

A seat without the shared database enabled runs no engine and behaves exactly as
evdesk did before.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import logging
from datetime import datetime
from uuid import UUID

from evdesk import secrets
from evdesk.core import events as ev
from evdesk.core.errors import ValidationError
from evdesk.core.permissions import OperatorContext
from evdesk.core.shared_db_settings import LOCAL_STATE_KEY, PASSWORD_SECRET, SharedDatabaseSettings
from evdesk.core.site_settings import require_site_admin
from evdesk.store.database import Store
from evdesk.store.sync import local
from evdesk.store.sync.engine import SLOT_KEY, SyncEngine, SyncStatus, join_plan

log = logging.getLogger(__name__)
# Blocking work of this service (the keychain, a test connection, joining the engine's thread) runs on
# plain threads of its own, never the loop's default executor (under the window: Qt's threads).
_THREADS = concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="evdesk-shared-db")


async def _in_thread(fn, *args):
    return await asyncio.get_running_loop().run_in_executor(_THREADS, fn, *args)


CONSENT_KEY = "shared_database_merge_agreed"


def status_sentence(status: SyncStatus, zone_format=lambda t: t.strftime("%Y-%m-%d %H:%M:%S UTC")) -> str:
    """The status line's words."""
    if status.state == "connected":
        return "Shared database: connected"
    if status.state == "unreachable":
        return f"Shared database: unreachable since {zone_format(status.since)} ({status.detail})"
    if status.state == "connecting":
        return "Shared database: connecting…"
    if status.state == "needs_confirmation":
        return "Shared database: waiting for an admin to agree to merge this seat's records (Settings)"
    if status.state == "refused":
        return f"Shared database: not used — {status.detail}"
    return "Shared database: not used"


class SharedDatabaseService:
    def __init__(self, store: Store, bus: ev.EventBus, on_pulled=None, on_slot=None):
        self.store = store
        self.on_slot = on_slot  # the seat's numbering slot (TransactionService.use_id_slot), on the loop
        self.bus = bus
        self.on_pulled = on_pulled  # called on the loop after the engine wrote other seats' rows
        self.settings = SharedDatabaseSettings()
        self.engine: SyncEngine | None = None
        self.status = SyncStatus("stopped", datetime.now().astimezone())
        self._loop: asyncio.AbstractEventLoop | None = None
        self._here: dict[str, bool] = {}  # station id (hex) -> connected to this seat's OCPP server
        self._answers: dict[object, asyncio.Future] = {}
        bus.subscribe(ev.ConnectionStateChanged, self._connection_changed)

    # -- life ------------------------------------------------------------------------------
    async def load(self) -> SharedDatabaseSettings:
        """Read this seat's settings (without starting the sync: the command line)."""
        self.settings = SharedDatabaseSettings.from_json(await self.store.run(local.load_settings_text,
                                                                              LOCAL_STATE_KEY))
        return self.settings

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        await self.load()
        if self.settings.enabled:
            slot = await self.store.run(local.load_settings_text, SLOT_KEY)
            if slot and self.on_slot is not None:
                self.on_slot(int(slot))
            await self._start_engine()

    async def stop(self) -> None:
        if self.engine is not None:
            engine, self.engine = self.engine, None
            await _in_thread(engine.stop)

    async def _start_engine(self) -> None:
        password = await _in_thread(_password)
        agreed = await self.store.run(local.load_settings_text, CONSENT_KEY) == "yes"
        self.engine = SyncEngine(self.store, self.settings.connection_kwargs(password), self.settings.seat_name,
                                 allow_merge=agreed, on_status=self._status_from_thread,
                                 on_pulled=self._pulled_from_thread, on_slot=self._slot_from_thread)
        relay = self.engine.relay
        relay.snapshot = lambda: dict(self._here)
        relay.on_command = self._command_from_thread
        relay.on_result = self._result_from_thread
        self.engine.start()

    def _status_from_thread(self, status: SyncStatus) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self._set_status, status)

    def _set_status(self, status: SyncStatus) -> None:
        self.status = status
        self.bus.publish(ev.SharedDatabaseStatus(status.state, status.since, status.detail, status_sentence(status)))

    def _slot_from_thread(self, slot: int) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed() and self.on_slot is not None:
            loop.call_soon_threadsafe(self.on_slot, slot)

    def _pulled_from_thread(self, counts: dict) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self._pulled, counts)

    def _pulled(self, counts: dict) -> None:
        if counts["applied"] and self.on_pulled is not None:
            self.on_pulled()
        if counts["conflicts"]:  # this seat's edits lost: its people are told, not only the list
            self.bus.publish(ev.SyncConflictsFound(counts["conflicts"]))

    # -- commands across seats ----------------------------------------------------------------
    def _connection_changed(self, event: ev.ConnectionStateChanged) -> None:
        here = event.state == "online"
        self._here[event.station_id.hex] = here
        if self.engine is not None:
            self.engine.relay.station_presence(event.station_id.hex, here)

    def serving_seat(self, station_id: UUID) -> tuple[str, str] | None:
        """(seat id, seat name) of the other seat a station is connected to; None when it is not
        connected to another seat (or this seat has no shared database)."""
        if self.engine is None or self.status.state != "connected":
            return None
        seat = self.engine.relay.presence.get(station_id.hex)
        if seat is None or seat == self.store.seat_id:
            return None
        return seat, self.engine.seat_names.get(seat, seat[:8])

    def seat_serving(self, station_id: UUID) -> str:
        """The name of the seat a station is connected to ("" when none or unknown): the Stations page."""
        if self.engine is None:
            return ""
        if self._here.get(station_id.hex):
            return self.settings.seat_name
        seat = self.engine.relay.presence.get(station_id.hex)
        return self.engine.seat_names.get(seat, seat[:8]) if seat else ""

    async def relay_command(self, station_id: UUID, action: str, payload: dict, timeout: float) -> tuple:
        """Have the seat the station is connected to send the command; (outcome, response, message)
        as a local command gives them, or a time-out when that seat does not answer in time."""
        serving = self.serving_seat(station_id)
        if serving is None:
            return "offline", None, "The station is not connected to any seat."
        seat, name = serving
        key = object()
        future = asyncio.get_running_loop().create_future()
        self._answers[key] = future
        self.engine.relay.request(key, station_id.hex, seat, action, json.loads(json.dumps(payload, default=str)),
                                  timeout)
        try:
            return await asyncio.wait_for(asyncio.shield(future), timeout)
        except asyncio.TimeoutError:
            if self.engine is not None:
                self.engine.relay.expire(key)
            return ("timeout", None, f"Seat {name}, to which the station is connected, did not answer in "
                                     f"{int(timeout)} s (it may be away). The command may not have been sent.")
        finally:
            self._answers.pop(key, None)

    def _result_from_thread(self, key, outcome, response, message) -> None:
        def resolve():
            future = self._answers.get(key)
            if future is not None and not future.done():
                future.set_result((outcome, response, message))
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(resolve)

    def _command_from_thread(self, command_id, station_hex, action, payload) -> None:
        event = ev.RelayedCommand(command_id, UUID(hex=station_hex), action, payload)
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self.bus.publish, event)

    def command_done(self, command_id: int, outcome: str, response: dict | None, message: str) -> None:
        if self.engine is not None:
            self.engine.relay.complete(command_id, outcome, json.loads(json.dumps(response, default=str))
                                       if response is not None else None, message)

    # -- settings --------------------------------------------------------------------------
    async def save(self, settings: SharedDatabaseSettings, password: str | None = None, *,
                   ctx: OperatorContext) -> None:
        """Keep the settings (and the password, when given) and restart the sync with them."""
        require_site_admin(ctx)
        problems = settings.validate()
        if problems:
            raise ValidationError(problems[0][1], field=problems[0][0])
        if password is not None:
            await _in_thread(secrets.set_secret, PASSWORD_SECRET, password)
        await self.store.run(local.save_settings_text, LOCAL_STATE_KEY, settings.to_json())
        self.settings = settings
        if self._loop is None:
            return  # not running (the command line): a running evdesk uses them at its next start
        await self.stop()
        if settings.enabled:
            await self._start_engine()
        else:
            self._set_status(SyncStatus("stopped", datetime.now().astimezone()))

    async def agree_to_merge(self, *, ctx: OperatorContext) -> None:
        """The admin read what joining does (`status.detail`) and agrees: merge and sync."""
        require_site_admin(ctx)
        await self.store.run(local.save_settings_text, CONSENT_KEY, "yes")
        if self._loop is None:
            return
        await self.stop()
        if self.settings.enabled:
            await self._start_engine()

    async def test_connection(self, settings: SharedDatabaseSettings, password: str | None = None, *,
                              ctx: OperatorContext) -> str:
        """Try the settings (without saving them); a sentence saying what was found, or why it failed."""
        require_site_admin(ctx)
        problems = [p for p in settings.validate() if p[0] != "seat_name"]
        if problems:
            raise ValidationError(problems[0][1], field=problems[0][0])
        if password is None:
            password = await _in_thread(_password)
        own = await self.store.run(local.own_rows)
        joined = await self.store.run(local.joined_site)
        return await _in_thread(_try, settings, password, own, joined)

    async def conflicts(self, *, ctx: OperatorContext) -> list[dict]:
        require_site_admin(ctx)
        rows = await self.store.read(local.conflicts)
        names = self.engine.seat_names if self.engine is not None else {}
        for row in rows:
            row["kept_seat_name"] = names.get(row["kept_seat"], row["kept_seat"][:8])
            row["lost_seat_name"] = names.get(row["lost_seat"], row["lost_seat"][:8])
        return rows


def _password() -> str | None:
    try:
        return secrets.get_secret(PASSWORD_SECRET)
    except secrets.KeychainUnavailable as exc:
        log.warning("the shared database password could not be read from the keychain: %s", exc)
        return None


def _try(settings: SharedDatabaseSettings, password: str | None, own: dict, joined: str | None) -> str:
    import psycopg

    from evdesk.store.sync import shared

    try:
        with shared.connect(settings.connection_kwargs(password)) as conn:
            version = conn.execute("SHOW server_version").fetchone()[0]
            summary = shared.site_summary(conn)
    except psycopg.Error as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        return f"The connection failed: {first}"
    head = f"Connected to PostgreSQL {version}."
    if summary["site_id"] is None:
        return f"{head} The database is empty: this seat will create the site and send its records to it."
    if joined == summary["site_id"]:
        return f"{head} This seat already belongs to this site."
    if own:
        return f"{head} {join_plan(own, summary)}"
    return f"{head} This seat has no records of its own: it will take the site's records from the shared database."
