"""Firmware and diagnostics through the API: the site's firmware files, roll-outs to a station
or a charging group with each station's state and the summary, and a station's diagnostics
requests and hardware status log.

The core decides as for the screens: sending firmware needs the firmware right and stations
in the key's domain; requesting diagnostics is a remote command. Files are uploaded on the
Firmware page (a file is bytes on this computer, not JSON). Lists are the newest 200.
"""

from __future__ import annotations

from aiohttp import web

from evdesk.api.errors import ApiError
from evdesk.api.http import CENTRAL, body_of, ctx_of, ok, path_uuid, services_of
from evdesk.api.schemas import F

ROLLOUT_CREATE = {
    "file_id": F("uuid", required=True, doc="a firmware file (GET /firmware/files)"),
    "station_ids": F("uuids", doc="stations to send it to (or a group_id)"),
    "group_id": F("uuid", nullable=True, doc="a charging group: all its stations, sub-groups included"),
    "retrieve_date": F("datetime", nullable=True, doc="when the stations may install it (now when left out)"),
    "protocol": F("string", enum=("http", "ftp"), doc="how stations download it from evdesk (http by default)"),
    "reason": F("string", required=True, doc="why: recorded in each station's action log"),
}
DIAGNOSTICS_CREATE = {
    "protocol": F("string", enum=("http", "ftp"), doc="how the station uploads to evdesk (http by default)"),
    "reason": F("string", required=True, doc="why: recorded in the action log"),
}


def file_json(f) -> dict:
    return {"id": f.id, "name": f.name, "size": f.size, "sha256": f.sha256, "note": f.note,
            "uploaded_by": f.uploaded_by, "uploaded_at": f.uploaded_at}


def rollout_json(r) -> dict:
    s = r.summary
    return {"id": r.id, "file_id": r.file_id, "file_name": r.file_name, "target": r.target, "protocol": r.protocol,
            "retrieve_date": r.retrieve_date, "created_by": r.created_by, "created_at": r.created_at,
            "summary": {"installed": s.installed, "failed": s.failed, "waiting": s.waiting},
            "stations": [{"station_id": x.station_id, "identity": x.identity, "state": x.state, "label": x.label,
                          "detail": x.detail, "changed_at": x.changed_at} for x in r.stations]}


def diagnostics_json(d) -> dict:
    return {"id": d.id, "station_id": d.station_id, "requested_by": d.requested_by, "requested_at": d.requested_at,
            "protocol": d.protocol, "state": d.state, "label": d.label, "detail": d.detail, "file_name": d.file_name,
            "size": d.size, "received_at": d.received_at}


def _central(request: web.Request):
    central = request.app[CENTRAL]
    if central is None:
        raise ApiError(503, "station_offline", "The OCPP server is not running here: its file servers neither.")
    return central


def _reason(b: dict) -> str:
    reason = b["reason"].strip()
    if not reason:
        raise ApiError(422, "validation_error", "Say why (reason): it goes into the action log.", "reason")
    return reason


async def list_files(request: web.Request) -> web.Response:
    files = await services_of(request).firmware.library.files(ctx_of(request))
    return ok({"items": [file_json(f) for f in files], "total": len(files)})


async def list_rollouts(request: web.Request) -> web.Response:
    rollouts = await services_of(request).firmware.rollouts.rollouts(ctx_of(request), limit=200)
    return ok({"items": [rollout_json(r) for r in rollouts], "total": len(rollouts)})


async def create_rollout(request: web.Request) -> web.Response:
    b = await body_of(request, ROLLOUT_CREATE)
    reason = _reason(b)
    ctx = ctx_of(request)
    rollout_id = await _central(request).firmware.send_firmware(
        ctx, b["file_id"], station_ids=b.get("station_ids"), group_id=b.get("group_id"),
        retrieve_date=b.get("retrieve_date"), protocol=b.get("protocol") or "http", reason=reason)
    rollout = await services_of(request).firmware.rollouts.rollout(ctx, rollout_id)
    return ok(rollout_json(rollout), 201)


async def list_diagnostics(request: web.Request) -> web.Response:
    page = await services_of(request).firmware.diagnostics.requests(ctx_of(request), path_uuid(request))
    return ok({"items": [diagnostics_json(d) for d in page.items], "total": len(page.items)})


async def request_diagnostics(request: web.Request) -> web.Response:
    station_id = path_uuid(request)
    b = await body_of(request, DIAGNOSTICS_CREATE)
    reason = _reason(b)
    ctx = ctx_of(request)
    request_id = await _central(request).firmware.request_diagnostics(ctx, station_id,
                                                                      protocol=b.get("protocol") or "http",
                                                                      reason=reason)
    page = await services_of(request).firmware.diagnostics.requests(ctx, station_id)
    row = next(d for d in page.items if d.id == request_id)
    return ok(diagnostics_json(row), 201)


async def hardware_status(request: web.Request) -> web.Response:
    page = await services_of(request).firmware.hardware.rows(ctx_of(request), path_uuid(request))
    return ok({"items": [{"at": r.at, "source": r.source, "connector_id": r.connector_id, "status": r.status,
                          "error_code": r.error_code, "info": r.info, "vendor_id": r.vendor_id,
                          "vendor_error_code": r.vendor_error_code} for r in page.items],
               "total": len(page.items)})
