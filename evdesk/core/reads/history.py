"""A station's history as screens and the API show it: the event feed (status
notifications), the communication log (every OCPP frame), the action log (every
command) and the network log (connections, boots, firmware, diagnostics).

Every method takes the operator's context: the station must be in their domain
(`NotFound` / `AccessDenied` otherwise). Pages are newest first with a cursor.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from evdesk.core.permissions import OperatorContext
from evdesk.core.reads import DEFAULT_PAGE_SIZE, Cursor, Page, clamp_limit, page_of, require_visible_station
from evdesk.store.database import Store
from evdesk.store.queries import history as q

NETWORK_LOG_KINDS = ("network", "boot", "firmware", "diagnostics", "security")  # security: events, certificates


@dataclass(frozen=True)
class StatusEventRow:
    id: UUID
    connector_id: int
    status: str
    error_code: str
    info: str
    vendor_id: str
    vendor_error_code: str
    timestamp: datetime
    received_at: datetime


@dataclass(frozen=True)
class MessageRow:
    id: UUID
    station_identity: str
    direction: str  # in / out
    message_type: int | None
    unique_id: str
    action: str
    payload: str
    at: datetime


@dataclass(frozen=True)
class ActionRow:
    id: UUID
    station_id: UUID | None
    actor: str
    action: str
    reason: str
    request: Any
    response: Any
    outcome: str
    error: str
    started_at: datetime
    finished_at: datetime | None


@dataclass(frozen=True)
class StationEventRow:
    id: UUID
    kind: str
    state: str
    detail: str
    at: datetime


@dataclass(frozen=True)
class StationSettingsRow:
    """What an operator edits on one station, as stored, with the version it was read at."""

    id: UUID
    identity: str
    name: str
    group_id: UUID | None
    access_mode: str
    heartbeat_interval: int
    meter_value_interval: int
    strip_id_tag_suffix: bool
    skip_schema_validation: bool
    timezone: str
    notes: str
    has_password: bool
    vendor: str
    model: str
    firmware_version: str
    version: int
    security_profile: int = 1


@dataclass(frozen=True)
class GroupRow:
    id: UUID
    name: str
    parent_id: UUID | None


def status_event_from(row: dict) -> StatusEventRow:
    """From a stored row or the dict a `StatusEventRecorded` event carries."""
    return StatusEventRow(
        id=row["id"], connector_id=row["connector_id"], status=row["status"],
        error_code=row.get("error_code") or "NoError", info=row.get("info") or "", vendor_id=row.get("vendor_id") or "",
        vendor_error_code=row.get("vendor_error_code") or "", timestamp=row["timestamp"], received_at=row["received_at"],
    )


def message_from(row: dict) -> MessageRow:
    """From a stored row or the dict a `MessageLogged` event carries."""
    return MessageRow(
        id=row["id"], station_identity=row["station_identity"], direction=row["direction"],
        message_type=row.get("message_type"), unique_id=row.get("unique_id") or "", action=row.get("action") or "",
        payload=row.get("payload") or "", at=row["at"],
    )


def _action_from(r: dict) -> ActionRow:
    return ActionRow(r["id"], r["station"], r["actor"], r["action"], r["reason"], r["request"], r["response"],
                     r["outcome"], r["error"], r["started_at"], r["finished_at"])


def _event_from(r: dict) -> StationEventRow:
    return StationEventRow(r["id"], r["kind"], r["state"], r["detail"], r["at"])


def pretty_payload(payload: str) -> str:
    """A frame as indented JSON for reading; the raw text when it is not JSON."""
    try:
        return json.dumps(json.loads(payload), indent=2, ensure_ascii=False)
    except (ValueError, TypeError, RecursionError):
        return payload


class HistoryReads:
    def __init__(self, store: Store, stations):
        self.store = store
        self.stations = stations  # StationService: the registry the domain is checked against

    async def event_feed(self, ctx: OperatorContext, station_id: UUID, start: datetime, end: datetime,
                         cursor: Cursor | None = None, limit: int = DEFAULT_PAGE_SIZE, status: str | None = None,
                         error_code: str | None = None) -> Page[StatusEventRow]:
        """Status events of one station in [start, end), newest first."""
        require_visible_station(ctx, self.stations, station_id)
        limit = clamp_limit(limit)
        rows = await self.store.read(q.status_events, station_id, start, end, cursor, limit + 1, status, error_code)
        return page_of([status_event_from(r) for r in rows], limit, lambda r: (r.timestamp, r.id))

    async def comm_log(self, ctx: OperatorContext, station_id: UUID, cursor: Cursor | None = None,
                       limit: int = DEFAULT_PAGE_SIZE) -> Page[MessageRow]:
        info = require_visible_station(ctx, self.stations, station_id)
        limit = clamp_limit(limit)
        rows = await self.store.read(q.frames, info.identity, cursor, limit + 1)
        return page_of([message_from(r) for r in rows], limit, lambda r: (r.at, r.id))

    async def action_log(self, ctx: OperatorContext, station_id: UUID, cursor: Cursor | None = None,
                         limit: int = DEFAULT_PAGE_SIZE) -> Page[ActionRow]:
        require_visible_station(ctx, self.stations, station_id)
        limit = clamp_limit(limit)
        rows = await self.store.read(q.actions, station_id, cursor, limit + 1)
        return page_of([_action_from(r) for r in rows], limit, lambda r: (r.started_at, r.id))

    async def action(self, ctx: OperatorContext, action_id: UUID) -> ActionRow | None:
        """One action, re-read when its outcome changes (None when it is not there or not visible)."""
        row = await self.store.read(q.action, action_id)
        if row is None:
            return None
        if row["station"] is not None:
            info = self.stations.by_id.get(row["station"])
            if info is None or not ctx.sees_station(info.group_id):
                return None
        return _action_from(row)

    async def network_log(self, ctx: OperatorContext, station_id: UUID, cursor: Cursor | None = None,
                          limit: int = DEFAULT_PAGE_SIZE,
                          kinds: tuple[str, ...] = NETWORK_LOG_KINDS) -> Page[StationEventRow]:
        require_visible_station(ctx, self.stations, station_id)
        limit = clamp_limit(limit)
        rows = await self.store.read(q.station_events, station_id, kinds, cursor, limit + 1)
        return page_of([_event_from(r) for r in rows], limit, lambda r: (r.at, r.id))

    async def network_since(self, ctx: OperatorContext, station_id: UUID, after: Cursor | None,
                            kinds: tuple[str, ...] = NETWORK_LOG_KINDS) -> list[StationEventRow]:
        """Rows newer than the newest one shown (oldest first), to append live changes."""
        require_visible_station(ctx, self.stations, station_id)
        rows = await self.store.read(q.station_events_after, station_id, kinds, after, DEFAULT_PAGE_SIZE)
        return [_event_from(r) for r in rows]

    async def station_settings(self, ctx: OperatorContext, station_id: UUID) -> StationSettingsRow | None:
        """The editable settings of a live station as stored; None when it was deleted."""
        require_visible_station(ctx, self.stations, station_id)
        s = await self.store.read(q.station_settings, station_id)
        if s is None:
            return None
        return StationSettingsRow(
            s["id"], s["identity"], s["name"], s["group"], s["access_mode"], s["heartbeat_interval"],
            s["meter_value_interval"], s["strip_id_tag_suffix"], s["skip_schema_validation"], s["timezone"],
            s["notes"], bool(s["password_hash"]), s["vendor"], s["model"], s["firmware_version"], s["version"],
            s.get("security_profile") or 1,
        )

    async def groups(self, ctx: OperatorContext) -> list[GroupRow]:
        """The charging groups the operator sees, by name (for pickers and group columns)."""
        rows = await self.store.read(q.groups)
        return [GroupRow(gid, name, parent) for gid, name, parent in rows if ctx.sees_group(gid)]
