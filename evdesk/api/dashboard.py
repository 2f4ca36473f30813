"""The dashboard and charging-point statistics over the API: the same read services the desk's
dashboard and Statistics tabs use (`services.dashboard`, `services.station_metrics`), with the key's
operator, so every figure is limited to its domain.

Rules decided here:
* Query values are checked before anything is read; a bad one is 400 `bad_parameter` naming the
  parameter (a timeframe the grain would cut into too many bars too: the core's refusal is given
  as the parameter's 400, not as a body's 422). Unknown parameters are refused as everywhere.
* Id lists (`group_ids`, `station_ids`) are comma-separated and/or repeated (the request line's
  limit, 8 KiB, bounds how many); an empty value gives none. A group or station outside the key's
  domain is 403, one that does not exist is 404 — the core would silently leave them out, which
  for an API caller reads as "no figures".
* The site's zone is the site setting's (UTC when none is set, as the reports' engine reads it);
  its name is in the answers that have local times (`zone`).
* Numbers are numbers: energy in kWh, times in hours, money in major units of the currency named
  beside it; a ratio or a change with nothing to divide by is null. Times are ISO 8601 with offset.
* Statistics: `since`/`until` default to the 7 days up to now (the Statistics tab's window);
  `until` may lie at most `MAX_AHEAD` (a year) in the future; the figures are read in whole UTC
  hours (`station_metrics.py`). Connector 0 (the station itself) is not a charging point: no row.
"""

from __future__ import annotations

from datetime import timedelta
from uuid import UUID

from aiohttp import web

from evdesk.api.errors import bad_parameter
from evdesk.api.http import ctx_of, ok, services_of
from evdesk.api.schemas import check_query, query_enum, query_time, query_uuid
from evdesk.core.zones import site_zone
from evdesk.core.clock import utcnow
from evdesk.core.errors import ValidationError
from evdesk.core.permissions import require_group
from evdesk.core.reads import require_visible_station
from evdesk.core.reads import point_states as sm
from evdesk.core.reads.dashboard import GRAINS, PERIODS, TIMEFRAMES
from evdesk.core.reads.station_metrics import total_of

STATUS_QUERY = ("group_ids",)
LAST_24H_QUERY = ("station_ids",)
CARDS_QUERY = ("period",)
CONSUMPTION_QUERY = ("timeframe", "grain")
STATISTICS_QUERY = ("since", "until", "station_id", "group_id")
STATISTICS_DAYS = 7
MAX_AHEAD = timedelta(days=366)  # how far past now a statistics period may end
DEFAULT_GRAIN = {"24h": "hour", "7d": "day", "30d": "day", "12m": "month"}  # as the dashboard page's


def query_ids(request: web.Request, name: str) -> list[UUID]:
    """The ids of a comma-separated and/or repeated parameter, each once, in the order given."""
    out: list[UUID] = []
    for raw in request.query.getall(name, []):
        if not raw:  # an empty value gives none, as for the single-id parameters
            continue
        for part in raw.split(","):
            try:
                value = UUID(part.strip())
            except ValueError:
                problem = f"Query parameter '{name}' must be ids (UUIDs) separated by commas."
                raise bad_parameter(problem, name) from None
            if value not in out:
                out.append(value)
    return out


def require_groups(services, ctx, group_ids: list[UUID]) -> None:
    for group_id in group_ids:
        services.group_tree.get(group_id)  # NotFound: 404
        require_group(ctx, group_id)


def zone_of(services):
    return site_zone(services.settings.site_timezone)


def zone_name(zone) -> str:
    return getattr(zone, "key", None) or str(zone)


def kwh(wh: float) -> float:
    return round(wh / 1000, 3)


def hours(seconds: float) -> float:
    return round(seconds / 3600, 3)


def summary_json(summary) -> dict:
    return {"stations": summary.stations, "charging_points": summary.points, "charging_now": summary.charging,
            "in_error": summary.in_error, "points_by_state": {state: summary.by_state.get(state, 0)
                                                              for state in sm.POINT_STATES}}


async def dashboard_status(request: web.Request) -> web.Response:
    check_query(request, STATUS_QUERY)
    services, ctx = services_of(request), ctx_of(request)
    group_ids = query_ids(request, "group_ids")
    require_groups(services, ctx, group_ids)
    picture = services.dashboard.status_picture(ctx, group_ids or None)
    faults = [{"station_id": f.station_id, "station_name": f.station_name, "identity": f.identity,
               "group_id": f.group_id, "problem": f.problem, "since": f.since, "kind": f.kind}
              for f in picture.faults]
    return ok({"group_ids": group_ids, "chosen": summary_json(picture.chosen), "domain": summary_json(picture.domain),
               "state_labels": dict(sm.POINT_STATE_LABELS), "faults": faults})


async def dashboard_last_24h(request: web.Request) -> web.Response:
    check_query(request, LAST_24H_QUERY)
    services, ctx = services_of(request), ctx_of(request)
    station_ids = query_ids(request, "station_ids")
    for station_id in station_ids:
        require_visible_station(ctx, services.stations, station_id)  # 404 / 403
    now = utcnow()
    figures = await services.dashboard.last_24h(ctx, now=now, station_ids=station_ids or None)
    since = (now - timedelta(hours=24)).replace(minute=0, second=0, microsecond=0)  # the aggregates' whole hours
    return ok({"station_ids": station_ids, "since": since, "until": now,
               "sessions": figures.sessions, "charging_points_used": figures.points_used,
               "energy_kwh": kwh(figures.energy_wh)})


def figure_json(figure) -> dict:
    return {"value": figure.value, "previous": figure.previous, "change_pct": figure.change}


async def dashboard_cards(request: web.Request) -> web.Response:
    check_query(request, CARDS_QUERY)
    services, ctx = services_of(request), ctx_of(request)
    period = query_enum(request, "period", tuple(PERIODS)) or "today"
    zone = zone_of(services)
    cards = await services.dashboard.period_cards(ctx, period, zone)
    return ok({"period": cards.period, "label": PERIODS[cards.period], "zone": zone_name(zone),
               "since": cards.since.astimezone(zone), "until": cards.until.astimezone(zone),
               "previous_since": cards.previous_since.astimezone(zone),
               "previous_until": cards.previous_until.astimezone(zone),
               "sessions": figure_json(cards.sessions), "energy_kwh": figure_json(cards.energy_kwh),
               "revenue": [{"currency": currency, **figure_json(f)} for currency, f in cards.revenue.items()],
               "new_users": cards.new_users, "new_stations": cards.new_stations})


async def dashboard_consumption(request: web.Request) -> web.Response:
    check_query(request, CONSUMPTION_QUERY)
    services, ctx = services_of(request), ctx_of(request)
    timeframe = query_enum(request, "timeframe", tuple(TIMEFRAMES)) or "7d"
    grain = query_enum(request, "grain", GRAINS) or DEFAULT_GRAIN[timeframe]
    zone = zone_of(services)
    try:
        buckets = await services.dashboard.consumption(ctx, timeframe, grain, zone)
    except ValidationError as exc:  # e.g. hours over a year: the query's value, not a body's
        raise bad_parameter(str(exc), exc.field or "grain") from None
    return ok({"timeframe": timeframe, "grain": grain, "zone": zone_name(zone),
               "buckets": [{"start": b.start, "sessions": b.sessions, "energy_kwh": round(b.energy_kwh, 3)}
                           for b in buckets]})


def point_json(f, name: str | None = None) -> dict:
    return {"station_id": f.station_id, "station_name": name, "connector_id": f.connector_id,
            "current": f.current or None, "sessions": f.sessions, "failed_sessions": f.failed,
            "energy_kwh": kwh(f.energy_wh), "plugged_hours": hours(f.plugged_s),
            "charging_hours": hours(f.charging_s), "parked_hours": hours(f.parked_s),
            "utilisation_pct": f.utilisation_pct, "error_rate_pct": f.error_rate_pct,
            "availability_pct": f.availability_pct,
            "revenue": [{"currency": c, "amount": minor / 100} for c, minor in sorted(f.revenue_minor.items())]}


async def statistics(request: web.Request) -> web.Response:
    check_query(request, STATISTICS_QUERY)
    services, ctx = services_of(request), ctx_of(request)
    station_id, group_id = query_uuid(request, "station_id"), query_uuid(request, "group_id")
    if station_id is not None and group_id is not None:
        raise bad_parameter("Give either 'station_id' or 'group_id', not both.", "group_id")
    given_until = query_time(request, "until")
    now = utcnow()
    until = given_until or now
    if until > now + MAX_AHEAD:  # figures of the future are all zero, and the calendar ends at 9999
        raise bad_parameter("Query parameter 'until' may be at most a year from now.", "until")
    try:
        since = query_time(request, "since") or until - timedelta(days=STATISTICS_DAYS)
    except OverflowError:  # 'until' in the first week of year 1: no week before it
        raise bad_parameter("Query parameter 'until' is too early: give 'since' as well.", "until") from None
    if since >= until:
        name = "until" if given_until is not None else "since"
        raise bad_parameter(f"Query parameter '{name}' must make a period: 'until' after 'since'.", name)
    if station_id is not None:
        require_visible_station(ctx, services.stations, station_id)
    if group_id is not None:
        require_groups(services, ctx, [group_id])
    figures = [f for f in await services.station_metrics.figures(ctx, since, until, station_id=station_id,
                                                                   group_id=group_id, now=now) if f.connector_id]
    names = services.stations.by_id
    period_s = max(0.0, (min(until, now) - since).total_seconds())
    total = total_of(figures, period_s)
    rows = [point_json(f, names[f.station_id].display_name if f.station_id in names else None) for f in figures]
    return ok({"since": since, "until": until, "station_id": station_id, "group_id": group_id,
               "total": {**point_json(total), "charging_points": total.points}, "points": rows})
