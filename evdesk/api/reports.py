"""Reports and saved reports. A report runs with the key's operator (its domain limits the stations;
a group or station outside it is 403) through `services.reports`; saved reports through
`services.saved_reports` (the key's own and the shared ones; sharing needs a role that changes
things). Figures are numbers: kWh, hours, major currency units or percent as `unit` says; a ratio
with nothing to divide by is null."""

from __future__ import annotations

from aiohttp import web

from evdesk.api.http import body_of, ctx_of, ok, path_uuid, services_of
from evdesk.api.schemas import F, check_query
from evdesk.core.reports.definition import BREAKDOWNS, COMPARES, CURRENTS, GRAINS, METRICS, PERIODS, ReportDefinition

REPORT_FIELDS = {
    "metric": F("string", enum=tuple(METRICS), doc="what to count"),
    "period": F("string", enum=tuple(PERIODS), doc="in the site's time zone; custom needs first_day and last_day"),
    "first_day": F("date", nullable=True, doc="custom period: the first day"),
    "last_day": F("date", nullable=True, doc="custom period: the last day (included)"),
    "compare": F("string", enum=tuple(COMPARES), doc="previous: the period before; last_year: a year earlier"),
    "grain": F("string", enum=tuple(GRAINS), doc="one figure per hour, day, week (Monday) or month"),
    "breakdown": F("string", enum=tuple(BREAKDOWNS), doc="one series per station, group, user, ..."),
    "group_ids": F("uuids", doc="charging groups of your domain (each with its subgroups)"),
    "station_ids": F("uuids", doc="stations of your domain"),
    "user_group_ids": F("uuids", doc="charging user groups"),
    "user_ids": F("uuids", doc="charging users"),
    "tariffs": F("strings", doc="tariff names as the sessions keep them"),
    "connector_types": F("strings", doc="socket types, e.g. Type2, CCS"),
    "currents": F("strings", doc="AC and/or DC"),
    "currency": F("string", doc="revenue: a three-letter code; default the site's"),
}
SAVED_CREATE = {
    "name": F("string", required=True, doc="unique among your reports (or among the shared ones)"),
    "shared": F("boolean", doc="shared with the site (not for analysts); default: your own"),
    "definition": F("object", required=True, doc="a report definition as for POST /reports/run"),
}
SAVED_PATCH = {
    "version": F("integer", required=True, doc="the version you read; 409 stale_edit if it moved on"),
    "name": F("string"),
    "definition": F("object", doc="replaces the definition"),
}


def definition_of(body: dict) -> ReportDefinition:
    data = {k: v for k, v in body.items() if v is not None}
    for key in ("first_day", "last_day"):
        if key in data:
            data[key] = data[key].isoformat()
    return ReportDefinition.from_dict(data)


def series_json(series) -> dict | None:
    if series is None:
        return None
    key = series.key
    if isinstance(key, tuple):
        key = {"station_id": str(key[0]), "connector_id": key[1]}
    elif key is not None and not isinstance(key, str):
        key = str(key)
    return {"key": key, "label": series.label, "values": series.values, "total": series.total}


def result_json(result) -> dict:
    def period_json(period):
        if period is None:
            return None
        return {"first_day": period.first.isoformat(), "last_day": period.last.isoformat(),
                "buckets": [{"start": b.start.isoformat(), "end": b.end.isoformat()} for b in period.buckets]}

    return {"definition": result.definition.to_dict(), "title": result.title, "unit": result.unit, "zone": result.zone,
            "period": period_json(result.period), "compare_period": period_json(result.compare_period),
            "labels": [result.bucket_label(n) for n in range(len(result.buckets))],
            "total": series_json(result.total), "compare": series_json(result.compare),
            "series": [series_json(s) for s in result.series], "filters": result.filters, "notes": result.notes}


async def run_report(request: web.Request) -> web.Response:
    definition = definition_of(await body_of(request, REPORT_FIELDS))
    result = await services_of(request).reports.run(ctx_of(request), definition)
    return ok(result_json(result))


async def list_saved(request: web.Request) -> web.Response:
    check_query(request, ())
    items = [r.to_dict() for r in await services_of(request).saved_reports.list(ctx_of(request))]
    return ok({"items": items, "total": len(items)})


async def get_saved(request: web.Request) -> web.Response:
    found = await services_of(request).saved_reports.get(ctx_of(request), path_uuid(request))
    return ok(found.to_dict())


async def create_saved(request: web.Request) -> web.Response:
    b = await body_of(request, SAVED_CREATE)
    saved = await services_of(request).saved_reports.save(ctx_of(request), b["name"],
                                                          ReportDefinition.from_dict(b["definition"]),
                                                          shared=b.get("shared", False))
    return ok(saved.to_dict(), 201)


async def update_saved(request: web.Request) -> web.Response:
    report_id = path_uuid(request)  # an impossible id is 404 before the body is looked at
    b = await body_of(request, SAVED_PATCH)
    definition = ReportDefinition.from_dict(b["definition"]) if "definition" in b else None
    saved = await services_of(request).saved_reports.update(ctx_of(request), report_id, b["version"],
                                                            name=b.get("name"), definition=definition)
    return ok(saved.to_dict())


async def delete_saved(request: web.Request) -> web.Response:
    reports, ctx = services_of(request).saved_reports, ctx_of(request)
    found = await reports.get(ctx, path_uuid(request))
    await reports.delete(ctx, found.id, found.version)
    return web.Response(status=204)


async def run_saved(request: web.Request) -> web.Response:
    services, ctx = services_of(request), ctx_of(request)
    report_id = path_uuid(request)
    await body_of(request, {})  # nothing to give; a malformed body is still refused
    found = await services.saved_reports.get(ctx, report_id)
    return ok({"saved_report": found.to_dict(), **result_json(await services.reports.run(ctx, found.definition))})
