"""Reads of firmware files, roll-outs, diagnostics requests and the hardware status log."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from evdesk.store import models as m
from evdesk.store.queries.history import Cursor, _older

F, R, RS, D, S = m.FirmwareFile, m.FirmwareRollout, m.RolloutStation, m.DiagnosticsRequest, m.Station
HARDWARE_EVENT_KINDS = ("firmware",)


def files() -> list[dict]:
    return list(F.alive().order_by(F.uploaded_at.desc(), F.id.desc()).dicts())


def file(file_id: UUID) -> dict | None:
    rows = list(F.alive().where(F.id == file_id).dicts())
    return rows[0] if rows else None


def rollouts(limit: int) -> list[dict]:
    """The newest roll-outs with their file's name."""
    query = (R.select(R, F.name.alias("file_name"), F.sha256.alias("file_sha256"))
             .join(F, on=(R.file == F.id)).where(R.deleted_at.is_null())
             .order_by(R.created_at.desc(), R.id.desc()).limit(limit))
    return list(query.dicts())


def rollout_stations(rollout_ids: list[UUID]) -> list[dict]:
    if not rollout_ids:
        return []
    query = (RS.select(RS, S.identity.alias("identity"), S.name.alias("station_name"))
             .join(S, on=(RS.station == S.id))
             .where(RS.rollout.in_(rollout_ids) & RS.deleted_at.is_null())
             .order_by(S.identity))
    return list(query.dicts())


def open_rollout_stations(final_states: tuple[str, ...]) -> list[dict]:
    """Every roll-out station that has not reached an end state (to follow after a restart)."""
    query = (RS.select(RS.id, RS.station, RS.state, RS.rollout, R.file, R.protocol, R.retrieve_date)
             .join(R, on=(RS.rollout == R.id))
             .where(RS.state.not_in(list(final_states)) & RS.deleted_at.is_null()))
    return list(query.dicts())


def diagnostics_requests(station_id: UUID, before: Cursor | None, limit: int) -> list[dict]:
    query = D.alive().where(D.station == station_id)
    return list(_older(query, D.requested_at, D.id, before).limit(limit).dicts())


def diagnostics_request(request_id: UUID) -> dict | None:
    rows = list(D.alive().where(D.id == request_id).dicts())
    return rows[0] if rows else None


def open_diagnostics_requests(open_states: tuple[str, ...]) -> list[dict]:
    return list(D.alive().where(D.state.in_(list(open_states))).dicts())


def hardware_log(station_id: UUID, before: Cursor | None, limit: int) -> list[dict]:
    """The hardware status log, newest first: status notifications that report an error code, a
    fault or vendor information, and firmware progress. Rows: at, id, source, connector_id,
    status, error_code, info, vendor_id, vendor_error_code."""
    E, SE = m.StatusEvent, m.StationEvent
    hardware = ((E.error_code != "NoError") | (E.status.in_(["Faulted", "Unavailable"]))
                | (E.vendor_error_code != "") | (E.vendor_id != "") | (E.info != ""))
    events = (E.select(E.timestamp.alias("at"), E.id, E.connector_id, E.status, E.error_code, E.info,
                       E.vendor_id, E.vendor_error_code)
              .where((E.station == station_id) & hardware))
    events = list(_older(events, E.timestamp, E.id, before).limit(limit).dicts())
    progress = SE.select(SE.at, SE.id, SE.state, SE.detail).where(
        (SE.station == station_id) & SE.kind.in_(list(HARDWARE_EVENT_KINDS)))
    progress = list(_older(progress, SE.at, SE.id, before).limit(limit).dicts())
    rows = [{**r, "source": "status"} for r in events]
    rows += [{"at": r["at"], "id": r["id"], "source": "firmware", "connector_id": 0, "status": r["state"],
              "error_code": "", "info": r["detail"], "vendor_id": "", "vendor_error_code": ""} for r in progress]
    rows.sort(key=lambda r: (r["at"], r["id"]), reverse=True)
    return rows[:limit]


def stations_of_groups(group_ids: list[UUID]) -> list[dict]:
    return list(S.alive(S.id, S.identity, S.group).where(S.group.in_(group_ids)).dicts())


