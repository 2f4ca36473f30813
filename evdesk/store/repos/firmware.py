"""Writes of firmware files, roll-outs and diagnostics requests (on the database worker).

Every row is a synced row: it goes through `evdesk.store.write` (version, change feed).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from evdesk.store import models as m
from evdesk.store import write as w


def add_file(row: dict[str, Any]) -> UUID:
    return w.versioned_insert(m.FirmwareFile, **row).id


def delete_file(file_id: UUID) -> None:
    w.tombstone(m.FirmwareFile, file_id)


def add_rollout(rollout: dict[str, Any], stations: list[dict[str, Any]]) -> UUID:
    """The roll-out and one row per station, in one transaction."""
    rollout_id = w.versioned_insert(m.FirmwareRollout, **rollout).id
    for row in stations:
        row["rollout"] = rollout_id
    w.versioned_insert_many(m.RolloutStation, stations)
    return rollout_id


def set_rollout_station(row_id: UUID, state: str, detail: str, at: datetime) -> None:
    w.versioned_update(m.RolloutStation, row_id, state=state, detail=detail[:2000], changed_at=at)


def note_rollout_station(row_id: UUID, only_in_state: str | None, detail: str) -> bool:
    """Set the detail (not the state); with `only_in_state`, only while the row is still in it (a
    station's status that arrived first is not overwritten by the command's answer)."""
    where = m.RolloutStation.id == row_id
    if only_in_state is not None:
        where &= m.RolloutStation.state == only_in_state
    return bool(w.versioned_update_where(m.RolloutStation, where, detail=detail[:2000]))


def add_diagnostics_request(row: dict[str, Any]) -> UUID:
    return w.versioned_insert(m.DiagnosticsRequest, **row).id


def update_diagnostics_request(request_id: UUID, changes: dict[str, Any]) -> None:
    if "detail" in changes:
        changes["detail"] = changes["detail"][:2000]
    w.versioned_update(m.DiagnosticsRequest, request_id, **changes)
