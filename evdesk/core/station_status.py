"""Live station state: connection status, connector status, the event feed.

Connection states follow what operators know from other back offices: `online`
while frames arrive; `temporarily_unavailable` once the socket closes or nothing
arrived for `temporarily_unavailable_after` seconds; `long_term_unavailable`
after `long_term_unavailable_after` seconds of silence. Every change is written
to the station's network-status log (StationEvent kind "network").

Connection state, last seen, progress and connector status are live state: kept
in memory, written back about once a second in the next group commit, neither
versioned nor fed (see `evdesk/store/write.py`). The events behind them (status
notifications, network-log rows) are rows of the frame that brought them, so the
station hears "received" only once they are stored.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import datetime

from evdesk.core import events as ev
from evdesk.core.clock import parse_ocpp_time, utcnow
from evdesk.core.log_limit import flush_due, limited
from evdesk.core.station_cache import ConnectorState, StationInfo
from evdesk.core.tasks import cancel_and_wait
from evdesk.settings import SiteSettings
from evdesk.store.batch import BatchWriter
from evdesk.store.database import Store
from evdesk.store.errors import StorageUnavailable
from evdesk.store.repos import logs
from evdesk.store.repos import stations as repo

log = logging.getLogger(__name__)

LAST_SEEN_EVERY = 30  # seconds between writes of a station's last-seen time alone

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
    def __init__(self, store: Store, bus: ev.EventBus, settings: SiteSettings, batch: BatchWriter, stations,
                 compat=None):
        self.store = store
        self.compat = compat  # the zone of a station's timestamps without offset (its compatibility profile)
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
        logs.queue_station_event(self.batch, info.id, "network", state, detail, now)
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
        at, _trusted = parse_ocpp_time(timestamp, received, self.compat.naive_zone(info) if self.compat else None)
        state = info.connectors.get(connector_id)
        if state is None:
            state = info.connectors[connector_id] = ConnectorState(connector_id)
        state.status, state.error_code = status, error_code or "NoError"
        state.info, state.vendor_error_code, state.status_at = info_text or "", vendor_error_code or "", at
        self._dirty_connectors.add((info.identity, connector_id))
        row = {
            "id": logs.new_id(),
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
        logs.queue_status_event(self.batch, row)
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
        logs.queue_station_event(self.batch, info.id, kind, state, detail[:2000], utcnow())
        if kind in ("firmware", "diagnostics"):  # roll-outs and diagnostics requests follow it
            self.bus.publish(ev.TransferProgress(info.id, info.identity, kind, state, detail))
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
        try:
            await self.flush()
        except StorageUnavailable as exc:
            log.warning("station status at stop not stored: %s", exc)

    async def _loop(self) -> None:
        tick = 0
        while True:
            await asyncio.sleep(1.0)
            tick += 1
            try:
                self.check_silence()
                flush_due()  # summaries of rate-limited log lines
                # "last seen" alone moves on every frame of every station: it reaches the store every
                # LAST_SEEN_EVERY s (screens read it from memory); state changes every second
                await self.flush(last_seen=tick % LAST_SEEN_EVERY == 0)
            except asyncio.CancelledError:
                raise
            except StorageUnavailable as exc:  # said by the store and the window; the next flush retries
                limited(log, logging.WARNING, "stations", "status-not-stored", "station status not stored: %s", exc)
            except Exception:
                log.exception("station status flush failed")

    async def flush(self, last_seen: bool = True) -> None:
        """Write changed live state; with `last_seen` False, stations whose only change is their
        last-seen time wait for a later flush."""
        if not ((self._dirty_seen and last_seen) or self._dirty_connectors or self._dirty_state):
            return
        if last_seen:
            seen, self._dirty_seen = self._dirty_seen, set()
        else:
            seen = self._dirty_seen & self._dirty_state
            self._dirty_seen -= seen
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
        if station_rows or connector_rows:
            try:
                await self.batch.call(repo.write_live_state, station_rows, connector_rows)
            except BaseException:
                # not stored: written with the next flush (the newest values then)
                self._dirty_seen |= seen
                self._dirty_state |= states
                self._dirty_connectors |= conns
                raise


def demote_after_restart(infos: list[StationInfo], settings: SiteSettings, now: datetime) -> list[tuple]:
    """A stored "online" is from before this start: nobody is online until they connect again.

    Changes each such station to temporarily or long-term unavailable by its last-seen age;
    returns (station id, state, detail, time) for the store's `write_connection_states`."""
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


def last_seen_age(info: StationInfo, now: datetime | None = None) -> float | None:
    if info.last_seen is None:
        return None
    return ((now or utcnow()) - info.last_seen).total_seconds()
