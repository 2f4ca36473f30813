"""Read queries the screens need, as plain functions for the database worker.

Every function here runs inside `store.run(...)` (never on the loop) and returns
plain dataclasses, so screens get data they can keep after the connection moved on.
Log queries page newest-first with a cursor `(time, id)`: ids are time-ordered
UUIDs, so the pair is a strict order even when two rows share a timestamp.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from evdesk.store import models as m

DEFAULT_PAGE_SIZE = 200

# Cursor of a newest-first page: the (time, id) of the last row already shown.
Cursor = tuple[datetime, UUID]

NETWORK_LOG_KINDS = ("network", "boot", "firmware", "diagnostics")


@dataclass(frozen=True)
class GroupRow:
    id: UUID
    name: str
    parent_id: UUID | None


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


# -- groups -------------------------------------------------------------------
def list_groups() -> list[GroupRow]:
    """Live charging groups, by name (for pickers and the stations table's group column)."""
    query = m.ChargingGroup.alive().order_by(m.ChargingGroup.name)
    return [GroupRow(g.id, g.name, g.parent_id) for g in query]


# -- event feed (StatusNotification rows) -------------------------------------
def status_event_from_row(row: dict | m.StatusEvent) -> StatusEventRow:
    """From a stored row or the dict a `StatusEventRecorded` event carries."""
    get = row.get if isinstance(row, dict) else (lambda k, d=None: getattr(row, k, d))
    return StatusEventRow(
        id=get("id"), connector_id=get("connector_id"), status=get("status"),
        error_code=get("error_code") or "NoError", info=get("info") or "", vendor_id=get("vendor_id") or "",
        vendor_error_code=get("vendor_error_code") or "", timestamp=get("timestamp"), received_at=get("received_at"),
    )


def event_feed_page(
    station_id: UUID, start: datetime, end: datetime, before: Cursor | None = None,
    limit: int = DEFAULT_PAGE_SIZE, status: str | None = None, error_code: str | None = None,
) -> list[StatusEventRow]:
    """Status events of one station in [start, end), newest first, older than `before`."""
    E = m.StatusEvent
    query = E.select().where((E.station == station_id) & (E.timestamp >= start) & (E.timestamp < end))
    if status:
        query = query.where(E.status == status)
    if error_code:
        query = query.where(E.error_code == error_code)
    if before is not None:
        at, row_id = before
        query = query.where((E.timestamp < at) | ((E.timestamp == at) & (E.id < row_id)))
    query = query.order_by(E.timestamp.desc(), E.id.desc()).limit(limit)
    return [status_event_from_row(r) for r in query]


# -- communication log ----------------------------------------------------------
def message_from_row(row: dict | m.MessageLog) -> MessageRow:
    get = row.get if isinstance(row, dict) else (lambda k, d=None: getattr(row, k, d))
    return MessageRow(
        id=get("id"), station_identity=get("station_identity"), direction=get("direction"),
        message_type=get("message_type"), unique_id=get("unique_id") or "", action=get("action") or "",
        payload=get("payload") or "", at=get("at"),
    )


def comm_log_page(identity: str, before: Cursor | None = None, limit: int = DEFAULT_PAGE_SIZE) -> list[MessageRow]:
    """OCPP frames of one station, newest first, older than `before`."""
    M = m.MessageLog
    query = M.select().where(M.station_identity == identity)
    if before is not None:
        at, row_id = before
        query = query.where((M.at < at) | ((M.at == at) & (M.id < row_id)))
    query = query.order_by(M.at.desc(), M.id.desc()).limit(limit)
    return [message_from_row(r) for r in query]


def pretty_payload(payload: str) -> str:
    """A frame as indented JSON for reading; the raw text when it is not JSON."""
    try:
        return json.dumps(json.loads(payload), indent=2, ensure_ascii=False)
    except (ValueError, TypeError):
        return payload


# -- action log -------------------------------------------------------------------
def _action_row(r: m.ActionLog) -> ActionRow:
    return ActionRow(
        id=r.id, station_id=r.station_id, actor=r.actor, action=r.action, reason=r.reason, request=r.request,
        response=r.response, outcome=r.outcome, error=r.error, started_at=r.started_at, finished_at=r.finished_at,
    )


def action_log_page(station_id: UUID, before: Cursor | None = None, limit: int = DEFAULT_PAGE_SIZE) -> list[ActionRow]:
    """Commands sent to one station, newest first, older than `before`."""
    A = m.ActionLog
    query = A.select().where(A.station == station_id)
    if before is not None:
        at, row_id = before
        query = query.where((A.started_at < at) | ((A.started_at == at) & (A.id < row_id)))
    query = query.order_by(A.started_at.desc(), A.id.desc()).limit(limit)
    return [_action_row(r) for r in query]


def action_log_entry(action_id: UUID) -> ActionRow | None:
    """One action, re-read when its outcome changes."""
    row = m.ActionLog.get_or_none(m.ActionLog.id == action_id)
    return _action_row(row) if row is not None else None


# -- network log (connection, boot, firmware, diagnostics) -----------------------
def network_log_page(
    station_id: UUID, before: Cursor | None = None, limit: int = DEFAULT_PAGE_SIZE,
    kinds: tuple[str, ...] = NETWORK_LOG_KINDS,
) -> list[StationEventRow]:
    S = m.StationEvent
    query = S.select().where((S.station == station_id) & (S.kind.in_(list(kinds))))
    if before is not None:
        at, row_id = before
        query = query.where((S.at < at) | ((S.at == at) & (S.id < row_id)))
    query = query.order_by(S.at.desc(), S.id.desc()).limit(limit)
    return [StationEventRow(r.id, r.kind, r.state, r.detail, r.at) for r in query]


def network_events_since(station_id: UUID, after: Cursor | None, kinds: tuple[str, ...] = NETWORK_LOG_KINDS) -> list[StationEventRow]:
    """Rows newer than the newest one shown (oldest first), to append live changes."""
    S = m.StationEvent
    query = S.select().where((S.station == station_id) & (S.kind.in_(list(kinds))))
    if after is not None:
        at, row_id = after
        query = query.where((S.at > at) | ((S.at == at) & (S.id > row_id)))
    query = query.order_by(S.at.asc(), S.id.asc()).limit(DEFAULT_PAGE_SIZE)
    return [StationEventRow(r.id, r.kind, r.state, r.detail, r.at) for r in query]


# -- station settings (the station settings dialog) ----------------------------
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


def station_settings(station_id: UUID) -> StationSettingsRow | None:
    """The editable settings of a live station; None when it was deleted."""
    s = m.Station.alive().where(m.Station.id == station_id).first()
    if s is None:
        return None
    return StationSettingsRow(
        s.id, s.identity, s.name, s.group_id, s.access_mode, s.heartbeat_interval, s.meter_value_interval,
        s.strip_id_tag_suffix, s.skip_schema_validation, s.timezone, s.notes, bool(s.password_hash),
        s.vendor, s.model, s.firmware_version, s.version,
    )
