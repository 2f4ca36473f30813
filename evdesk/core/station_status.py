"""Live station state: connection status, connector status, the event feed.

Connection states follow what operators know from other back offices: `online`
while frames arrive; `temporarily_unavailable` once the socket closes or nothing
arrived for `temporarily_unavailable_after` seconds; `long_term_unavailable`
after `long_term_unavailable_after` seconds of silence. Every change is written
to the station's network-status log (StationEvent kind "network").
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import datetime

from evdesk.core import events as ev
from evdesk.core.clock import parse_ocpp_time, utcnow
from evdesk.core.log_limit import flush_due
from evdesk.core.station_cache import ConnectorState, StationInfo
from evdesk.core.tasks import cancel_and_wait
from evdesk.settings import SiteSettings
from evdesk.store import models as m
from evdesk.store.batch import BatchWriter
from evdesk.store.bulk import chunks, values_cte
from evdesk.store.database import Store

log = logging.getLogger(__name__)

ONLINE = "online"
TEMPORARILY_UNAVAILABLE = "temporarily_unavailable"
LONG_TERM_UNAVAILABLE = "long_term_unavailable"
NEVER_CONNECTED = "never_connected"

CONNECTION_STATE_LABELS = {
    ONLINE: "Online",
    TEMPORARILY_UNAVAILABLE: "Temporarily unavailable",
    LONG_TERM_UNAVAILABLE: "Long-term unavailable",
    NEVER_CONNECTED: "Never connected",
}


class StationStatusService:
    def __init__(self, store: Store, bus: ev.EventBus, settings: SiteSettings, batch: BatchWriter, stations):
        self.store = store
        self.bus = bus
        self.settings = settings
        self.batch = batch
        self.stations = stations  # StationService: the shared cache
        self._last_frame: dict[str, float] = {}  # identity -> monotonic time
        self._dirty_seen: set[str] = set()
        self._dirty_connectors: set[tuple[str, int]] = set()
        self._dirty_state: set[str] = set()
        self._task: asyncio.Task | None = None

    # -- connection ----------------------------------------------------------
    def connected(self, info: StationInfo) -> None:
        info.connected = True
        self.frame_received(info)

    def disconnected(self, info: StationInfo, detail: str = "") -> None:
        info.connected = False
        self._set_state(info, TEMPORARILY_UNAVAILABLE, detail or "connection closed")

    def frame_received(self, info: StationInfo) -> None:
        """Every frame from a station counts as a sign of life (cheap: the hot path)."""
        self._last_frame[info.identity] = time.monotonic()
        info.last_seen = utcnow()
        self._dirty_seen.add(info.identity)
        if info.connection_state != ONLINE and info.connected:
            self._set_state(info, ONLINE, "frame received")

    def _set_state(self, info: StationInfo, state: str, detail: str) -> None:
        if info.connection_state == state:
            return
        info.connection_state = state
        now = utcnow()
        self._dirty_state.add(info.identity)
        self.batch.add(m.StationEvent, {"id": m.base.uuid7(), "station": info.id, "kind": "network", "state": state, "detail": detail, "at": now})
        self.bus.publish(ev.ConnectionStateChanged(info.id, info.identity, state, now))

    def check_silence(self) -> None:
        """Demote stations that went quiet. Called every few seconds."""
        now = time.monotonic()
        temp = self.settings.temporarily_unavailable_after
        long_term = self.settings.long_term_unavailable_after
        for info in self.stations.all():
            if info.connection_state in (NEVER_CONNECTED, LONG_TERM_UNAVAILABLE):
                continue
            last = self._last_frame.get(info.identity)
            if last is None:
                # silent since this program started: count from when it was last seen
                age = last_seen_age(info)
                last = self._last_frame[info.identity] = now - max(0.0, age if age is not None else 0.0)
            quiet = now - last
            if quiet >= long_term:
                self._set_state(info, LONG_TERM_UNAVAILABLE, f"no frame for {int(quiet)} s")
            elif quiet >= temp and info.connection_state == ONLINE:
                self._set_state(info, TEMPORARILY_UNAVAILABLE, f"no frame for {int(quiet)} s")

    # -- connector status ----------------------------------------------------
    def status_notification(
        self,
        info: StationInfo,
        connector_id: int,
        status: str,
        error_code: str = "NoError",
        info_text: str = "",
        timestamp: str | None = None,
        vendor_id: str = "",
        vendor_error_code: str = "",
    ) -> None:
        received = utcnow()
        at, _trusted = parse_ocpp_time(timestamp, received)
        state = info.connectors.get(connector_id)
        if state is None:
            state = info.connectors[connector_id] = ConnectorState(connector_id)
        state.status, state.error_code = status, error_code or "NoError"
        state.info, state.vendor_error_code, state.status_at = info_text or "", vendor_error_code or "", at
        self._dirty_connectors.add((info.identity, connector_id))
        row = {
            "id": m.base.uuid7(),
            "station": info.id,
            "connector_id": connector_id,
            "status": status,
            "error_code": state.error_code,
            "info": (info_text or "")[:255],
            "vendor_id": (vendor_id or "")[:255],
            "vendor_error_code": (vendor_error_code or "")[:64],
            "timestamp": at,
            "received_at": received,
        }
        self.batch.add(m.StatusEvent, row)
        self.bus.publish(ev.ConnectorStatusChanged(info.id, info.identity, connector_id, status, state.error_code, state.info, at))
        self.bus.publish(ev.StatusEventRecorded(info.id, row))

    def station_event(self, info: StationInfo, kind: str, state: str, detail: str = "") -> None:
        """Firmware and diagnostics progress, data transfers: into the station's log."""
        if kind == "firmware":
            info_attr = "firmware_status"
        elif kind == "diagnostics":
            info_attr = "diagnostics_status"
        else:
            info_attr = None
        self.batch.add(m.StationEvent, {"id": m.base.uuid7(), "station": info.id, "kind": kind, "state": state, "detail": detail[:2000], "at": utcnow()})
        if info_attr:
            setattr(info, info_attr, state)
            self._dirty_state.add(info.identity)
            self.bus.publish(ev.StationChanged(info.id, info.identity))

    # -- writing back ----------------------------------------------------------
    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._loop(), name="evdesk-station-status")

    async def stop(self) -> None:
        await cancel_and_wait(self._task)
        self._task = None
        for info in self.stations.all():
            if info.connected:
                info.connected = False
                self._set_state(info, TEMPORARILY_UNAVAILABLE, "evdesk stopped")
        await self.flush()

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(1.0)
            try:
                self.check_silence()
                flush_due()  # summaries of rate-limited log lines
                await self.flush()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("station status flush failed")

    async def flush(self) -> None:
        if not (self._dirty_seen or self._dirty_connectors or self._dirty_state):
            return
        seen, self._dirty_seen = self._dirty_seen, set()
        conns, self._dirty_connectors = self._dirty_connectors, set()
        states, self._dirty_state = self._dirty_state, set()
        station_rows = []
        for identity in seen | states:
            info = self.stations.get(identity)
            if info is not None:
                station_rows.append(
                    (info.id, info.last_seen, info.connection_state, info.firmware_status, info.diagnostics_status)
                )
        connector_rows = []
        for identity, cid in conns:
            info = self.stations.get(identity)
            if info is not None and cid in info.connectors:
                c = info.connectors[cid]
                connector_rows.append((info.id, cid, c.status, c.error_code, c.info, c.vendor_error_code, c.status_at))
        await self.store.run(self._write, station_rows, connector_rows)

    def _write(self, station_rows, connector_rows) -> None:
        # One UPDATE per few hundred rows: a boot storm changes thousands of rows a
        # second, and a statement per row gives up the GIL once per row.
        db = self.store.db
        when = m.Station.last_seen.db_value
        uid = m.Station.id.db_value
        with db.atomic():
            cursor = db.cursor()
            for chunk in chunks([(uid(sid), when(seen), state, fw, diag) for sid, seen, state, fw, diag in station_rows]):
                cursor.execute(
                    values_cte("v(id, seen, state, fw, diag)", 5, len(chunk), db.param)
                    + ' UPDATE "station" SET "last_seen" = v.seen, "connection_state" = v.state, '
                    '"firmware_status" = v.fw, "diagnostics_status" = v.diag FROM v WHERE "station"."id" = v.id',
                    [value for row in chunk for value in row],
                )
            rows = [(uid(sid), cid, status, error_code, info, vendor_error, when(at))
                    for sid, cid, status, error_code, info, vendor_error, at in connector_rows]
            for chunk in chunks(rows):
                cursor.execute(
                    values_cte("v(sid, cid, status, err, info, verr, at)", 7, len(chunk), db.param)
                    + ' UPDATE "connector" SET "status" = v.status, "error_code" = v.err, "info" = v.info, '
                    '"vendor_error_code" = v.verr, "status_at" = v.at FROM v '
                    'WHERE "connector"."station_id" = v.sid AND "connector"."connector_id" = v.cid',
                    [value for row in chunk for value in row],
                )
            if connector_rows:
                # a connector the station reports but nobody declared: it exists now
                known = {(c.station_id, c.connector_id) for c in m.Connector.select(m.Connector.station, m.Connector.connector_id)
                         .where(m.Connector.station.in_({r[0] for r in connector_rows}))}
                for sid, cid, status, error_code, info, vendor_error, at in connector_rows:
                    if (sid, cid) not in known:
                        m.Connector.create(station=sid, connector_id=cid, status=status, error_code=error_code,
                                           info=info, vendor_error_code=vendor_error, status_at=at)


def demote_after_restart(infos: list[StationInfo], settings: SiteSettings, now: datetime) -> list[tuple]:
    """A stored "online" is from before this start: nobody is online until they connect again.

    Changes each such station to temporarily or long-term unavailable by its last-seen age;
    returns (station id, state, detail, time) for `write_connection_states`."""
    rows = []
    for info in infos:
        if info.connection_state != ONLINE:
            continue
        age = (now - info.last_seen).total_seconds() if info.last_seen else None
        long_term = age is None or age >= settings.long_term_unavailable_after
        info.connection_state = LONG_TERM_UNAVAILABLE if long_term else TEMPORARILY_UNAVAILABLE
        seen = f"last seen {int(age)} s before" if age is not None else "never seen before"
        rows.append((info.id, info.connection_state, f"evdesk restarted; {seen}", now))
    return rows


def write_connection_states(rows: list[tuple]) -> None:
    """On the database worker: the states and one network-log line each."""
    with m.Station._meta.database.atomic():
        for station_id, state, detail, at in rows:
            m.Station.update(connection_state=state).where(m.Station.id == station_id).execute()
            m.StationEvent.create(station=station_id, kind="network", state=state, detail=detail, at=at)


def last_seen_age(info: StationInfo, now: datetime | None = None) -> float | None:
    if info.last_seen is None:
        return None
    return ((now or utcnow()) - info.last_seen).total_seconds()
