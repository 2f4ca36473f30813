"""Tariffs, tariff groups, where they apply, and a price preview.

Everything goes through `services.tariffs` with the key's operator, so the rules of
`evdesk/core/tariffs.py` hold: every key reads tariffs and tariff groups; whole-site
administrators change them; assignments need the tariffs permission and a place inside
the key's domain (and are listed as far as the domain goes).

Prices travel as the object `TariffPrices.to_dict()` gives: amounts as strings with
4 decimals ("0.5000"), times as "HH:MM"; numbers are taken too, but strings say
exactly what is meant. A PATCH's `prices` is merged into the current prices (give
`kind` to change the type; the fields the type does not use are dropped). A message
about one price names it as `prices.<field>`. The currency is the site's.
"""

from __future__ import annotations

from datetime import timedelta

from aiohttp import web

from evdesk.api.errors import invalid
from evdesk.api.http import body_of, ctx_of, ok, path_uuid, services_of
from evdesk.api.schemas import F, check_query, query_uuid
from evdesk.core.authorization import zone_for
from evdesk.core.clock import utcnow
from evdesk.core.errors import ValidationError
from evdesk.core.pricing import Span, Usage, price
from evdesk.core.pricing.tariff import KINDS, TariffPrices, prices_from_dict
from evdesk.core.tariffs import entry_to_dict

MAX_SECONDS = 10 * 366 * 86400
PRICE_FIELDS = set(TariffPrices.__dataclass_fields__) | {"prices", "levels"}


def _priced_error(exc: ValidationError) -> ValidationError:
    """A price's message names it inside the prices object."""
    if exc.field and exc.field in PRICE_FIELDS and exc.field != "prices":
        return ValidationError(str(exc), f"prices.{exc.field}")
    return exc


# -- answers -------------------------------------------------------------------------------------------
def tariff_json(t) -> dict:
    return {"id": t.id, "version": t.version, "name": t.name, "kind": t.kind, "kind_label": KINDS[t.kind],
            "prices": t.prices.to_dict(), "summary": t.prices.summary(), "valid_from": t.valid_from,
            "valid_to": t.valid_to, "notes": t.notes, "base_of": t.base_of, "tariff_groups": list(t.in_groups)}


def assignment_json(tariffs, a) -> dict:
    group = tariffs.groups.get(a.tariff_group_id)
    return {"id": a.id, "tariff_group_id": a.tariff_group_id, "tariff_group": group.name if group else "",
            "group_id": a.group_id, "station_id": a.station_id, "connector_id": a.connector_id,
            "place": tariffs.describe_target(a)}


def group_json(tariffs, ctx, g) -> dict:
    def entry(e) -> dict:
        t = tariffs.tariffs.get(e.tariff_id)
        return {**entry_to_dict(e), "tariff_name": t.name if t else ""}

    base = tariffs.tariffs.get(g.base_tariff_id)
    return {"id": g.id, "version": g.version, "name": g.name, "base_tariff_id": g.base_tariff_id,
            "base_tariff_name": base.name if base else "", "entries": [entry(e) for e in g.entries],
            "assignments": [assignment_json(tariffs, a) for a in tariffs.list_assignments(ctx)
                            if a.tariff_group_id == g.id]}


# -- bodies ---------------------------------------------------------------------------------------------
PRICES_DOC = ("kind (free, flat, energy_time, day_night, power_levels, ac_dc) and its fields, amounts as strings "
              "with at most 4 decimals: session_price, energy_price, night_energy_price, dc_energy_price, time_price, "
              "night_time_price, time_unit (minute|hour), time_basis (session|charging), connection_fee, day_starts, "
              "night_starts (HH:MM), levels [{max_kw, price_per_minute}], minute_fee, minute_fee_from, dc_minute_fee, "
              "dc_minute_fee_from, idle_fee_per_hour, idle_grace_minutes, vat_rate, prices_include_vat, max_minutes, "
              "max_kwh, max_cost; currency: the site's")
TARIFF_FIELDS = {
    "name": F("string", doc="unique among the tariffs"),
    "prices": F("object", doc=PRICES_DOC),
    "valid_from": F("datetime", nullable=True, doc="null: always"),
    "valid_to": F("datetime", nullable=True, doc="null: indefinitely"),
    "notes": F("string"),
}
TARIFF_CREATE = {**TARIFF_FIELDS, "name": F("string", required=True, doc="unique among the tariffs"),
                 "prices": F("object", required=True, doc=PRICES_DOC)}
TARIFF_PATCH = {"version": F("integer", required=True, doc="the version you read; 409 stale_edit if it moved on"),
                **TARIFF_FIELDS, "prices": F("object", doc="merged into the current prices; " + PRICES_DOC)}
ENTRIES_DOC = ("the tariffs after the base, in order (the lowest admitting one wins): [{tariff_id, user_group_ids, "
               "user_ids, token_ids, windows: [{days: [0..6, 0 = Monday], start: HH:MM, end: HH:MM}]}]")
GROUP_CREATE = {"name": F("string", required=True, doc="unique; its base tariff is named '<name>: Base tariff'"),
                "entries": F("objects", doc=ENTRIES_DOC)}
GROUP_PATCH = {"version": F("integer", required=True, doc="the version you read; 409 stale_edit if it moved on"),
               "name": F("string"), "entries": F("objects", doc="replaces the list; " + ENTRIES_DOC)}
ASSIGNMENT_CREATE = {
    "tariff_group_id": F("uuid", required=True),
    "group_id": F("uuid", nullable=True, doc="a charging group of your domain (its subgroups included)"),
    "station_id": F("uuid", nullable=True, doc="a station of your domain"),
    "connector_id": F("integer", nullable=True, minimum=1, maximum=1000, doc="with station_id: that connector only"),
}
PREVIEW = {
    "prices": F("object", doc="prices to try (as for POST /tariffs), or give tariff_id"),
    "tariff_id": F("uuid", nullable=True, doc="price with this tariff's prices"),
    "started_at": F("datetime", doc="default: now; day and night follow the site's time zone"),
    "duration_seconds": F("integer", minimum=0, maximum=MAX_SECONDS),
    "energy_wh": F("integer", minimum=0, maximum=10**9),
    "parking_seconds": F("integer", minimum=0, maximum=MAX_SECONDS, doc="parked after charging ended"),
    "current": F("string", enum=("AC", "DC")),
}


# -- tariffs ----------------------------------------------------------------------------------------------
async def list_tariffs(request: web.Request) -> web.Response:
    check_query(request, ())
    items = [tariff_json(t) for t in services_of(request).tariffs.list_tariffs()]
    return ok({"items": items, "total": len(items)})


async def get_tariff(request: web.Request) -> web.Response:
    return ok(tariff_json(services_of(request).tariffs.tariff(path_uuid(request))))


async def create_tariff(request: web.Request) -> web.Response:
    b = await body_of(request, TARIFF_CREATE)
    try:
        t = await services_of(request).tariffs.create_tariff(ctx_of(request), b["name"], b["prices"],
                                                             b.get("valid_from"), b.get("valid_to"), b.get("notes", ""))
    except ValidationError as exc:
        raise _priced_error(exc) from None
    return ok(tariff_json(t), 201)


async def update_tariff(request: web.Request) -> web.Response:
    tariffs = services_of(request).tariffs
    current = tariffs.tariff(path_uuid(request))
    b = await body_of(request, TARIFF_PATCH)
    prices = {**current.prices.to_dict(), **b.get("prices", {})}
    try:
        t = await tariffs.update_tariff(ctx_of(request), current.id, b["version"], b.get("name", current.name), prices,
                                        b.get("valid_from", current.valid_from), b.get("valid_to", current.valid_to),
                                        b.get("notes", current.notes))
    except ValidationError as exc:
        raise _priced_error(exc) from None
    return ok(tariff_json(t))


async def delete_tariff(request: web.Request) -> web.Response:
    tariffs = services_of(request).tariffs
    current = tariffs.tariff(path_uuid(request))
    await tariffs.delete_tariff(ctx_of(request), current.id, current.version)
    return web.Response(status=204)


async def preview(request: web.Request) -> web.Response:
    """What a session would cost: the breakdown the engine gives (amounts as strings)."""
    services = services_of(request)
    b = await body_of(request, PREVIEW)
    if b.get("tariff_id") is not None:
        prices = services.tariffs.tariff(b["tariff_id"]).prices
    elif "prices" in b:
        try:
            prices = prices_from_dict({**b["prices"], "currency": services.settings.currency})
        except ValidationError as exc:
            raise _priced_error(exc) from None
    else:
        raise invalid("Give the prices to try, or a tariff_id.", "prices")
    start = b.get("started_at") or utcnow()
    try:
        end = start + timedelta(seconds=b.get("duration_seconds", 0))
        parked = end + timedelta(seconds=b.get("parking_seconds", 0))
    except OverflowError:
        raise invalid("The session would end after year 9999.", "duration_seconds") from None
    usage = Usage(start, end, b.get("energy_wh", 0), idle=(Span(end, parked),) if parked > end else (),
                  current=b.get("current", "AC"))
    result = price(prices, usage, zone_for(services.settings.site_timezone))
    return ok({"summary": prices.summary(), **result.to_dict()})


# -- tariff groups -------------------------------------------------------------------------------------------
async def list_tariff_groups(request: web.Request) -> web.Response:
    check_query(request, ())
    tariffs, ctx = services_of(request).tariffs, ctx_of(request)
    items = [group_json(tariffs, ctx, g) for g in tariffs.list_groups()]
    return ok({"items": items, "total": len(items)})


async def get_tariff_group(request: web.Request) -> web.Response:
    tariffs = services_of(request).tariffs
    return ok(group_json(tariffs, ctx_of(request), tariffs.group(path_uuid(request))))


async def create_tariff_group(request: web.Request) -> web.Response:
    b = await body_of(request, GROUP_CREATE)
    tariffs, ctx = services_of(request).tariffs, ctx_of(request)
    g = await tariffs.create_group(ctx, b["name"], b.get("entries", []))
    return ok(group_json(tariffs, ctx, g), 201)


async def update_tariff_group(request: web.Request) -> web.Response:
    tariffs, ctx = services_of(request).tariffs, ctx_of(request)
    current = tariffs.group(path_uuid(request))
    b = await body_of(request, GROUP_PATCH)
    g = await tariffs.update_group(ctx, current.id, b["version"], b.get("name", current.name),
                                   b["entries"] if "entries" in b else current.entries)
    return ok(group_json(tariffs, ctx, g))


async def delete_tariff_group(request: web.Request) -> web.Response:
    tariffs = services_of(request).tariffs
    current = tariffs.group(path_uuid(request))
    await tariffs.delete_group(ctx_of(request), current.id, current.version)
    return web.Response(status=204)


# -- assignments ------------------------------------------------------------------------------------------------
async def list_assignments(request: web.Request) -> web.Response:
    check_query(request, ("tariff_group_id",))
    tariffs, wanted = services_of(request).tariffs, query_uuid(request, "tariff_group_id")
    items = [assignment_json(tariffs, a) for a in tariffs.list_assignments(ctx_of(request))
             if wanted is None or a.tariff_group_id == wanted]
    items.sort(key=lambda a: (a["tariff_group"].casefold(), a["place"].casefold()))
    return ok({"items": items, "total": len(items)})


async def create_assignment(request: web.Request) -> web.Response:
    b = await body_of(request, ASSIGNMENT_CREATE)
    tariffs = services_of(request).tariffs
    a = await tariffs.assign(ctx_of(request), b["tariff_group_id"], group_id=b.get("group_id"),
                             station_id=b.get("station_id"), connector_id=b.get("connector_id"))
    return ok(assignment_json(tariffs, a), 201)


async def delete_assignment(request: web.Request) -> web.Response:
    await services_of(request).tariffs.unassign(ctx_of(request), path_uuid(request))
    return web.Response(status=204)
