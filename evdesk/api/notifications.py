"""Notification rules and their mail log (`core/notifications/` has the rules). Admins manage
them; a group admin the rules and mails of their domain."""

from __future__ import annotations

from datetime import timezone

from aiohttp import web

from evdesk.api.http import body_of, ctx_of, decode_time_cursor, encode_cursor, ok, path_uuid, services_of
from evdesk.api.schemas import F, check_query, query_int
from evdesk.core.notifications import CASES

LOG_QUERY = ("limit", "cursor")


def rule_json(r) -> dict:
    return {"id": r.id, "version": r.version, "name": r.name, "group_id": r.group_id,
            "station_ids": sorted(str(i) for i in r.station_ids), "emails": list(r.emails),
            "operator_ids": sorted(str(i) for i in r.operator_ids), "cases": [c for c in CASES if c in r.cases],
            "clear_mails": r.clear_mails, "repeat_minutes": r.repeat_minutes, "settle_seconds": r.settle_seconds,
            "recovery_minutes": r.recovery_minutes, "active": r.active}


RULE_FIELDS = {
    "name": F("string", doc="unique among the rules"),
    "group_id": F("uuid", nullable=True, doc="the charging group whose stations (subgroups too) it covers"),
    "station_ids": F("uuids", doc="stations it covers (a notification group of its own); no group and no "
                                  "stations: the whole site (whole-site admins)"),
    "emails": F("strings", doc="addresses to mail"),
    "operator_ids": F("uuids", doc="operators to mail at their account's address"),
    "cases": F("strings", doc=f"one or more of: {', '.join(CASES)}"),
    "clear_mails": F("boolean", doc="also mail when a case ends (default true)"),
    "repeat_minutes": F("integer", minimum=1, maximum=10080, doc="no second mail for a station and case within "
                                                                    "this window (default 30)"),
    "settle_seconds": F("integer", minimum=0, maximum=3600, doc="a case must last this long before it is mailed; "
                                                                "shorter flaps send nothing (default 60)"),
    "recovery_minutes": F("integer", nullable=True, minimum=1, maximum=1440,
                          doc="auto-recovery: soft, then hard reset after a connector is Faulted this long; "
                              "null: off"),
    "active": F("boolean", doc="default true"),
}
RULE_CREATE = {**RULE_FIELDS, "name": F("string", required=True, doc="unique among the rules"),
               "cases": F("strings", required=True, doc=RULE_FIELDS["cases"].doc)}
RULE_PATCH = {"version": F("integer", required=True, doc="the version you read; 409 stale_edit if it moved on"),
              **RULE_FIELDS}


async def list_rules(request: web.Request) -> web.Response:
    check_query(request, ())
    items = [rule_json(r) for r in services_of(request).notifications.rules.list(ctx_of(request))]
    return ok({"items": items, "total": len(items)})


async def get_rule(request: web.Request) -> web.Response:
    return ok(rule_json(services_of(request).notifications.rules.get(ctx_of(request), path_uuid(request))))


async def create_rule(request: web.Request) -> web.Response:
    b = await body_of(request, RULE_CREATE)
    rule = await services_of(request).notifications.rules.create(ctx_of(request), b)
    return ok(rule_json(rule), 201)


async def update_rule(request: web.Request) -> web.Response:
    rules = services_of(request).notifications.rules
    ctx = ctx_of(request)
    current = rule_json(rules.get(ctx, path_uuid(request)))
    b = await body_of(request, RULE_PATCH)
    data = {**current, **{k: v for k, v in b.items() if k != "version"}}
    return ok(rule_json(await rules.update(ctx, current["id"], b["version"], data)))


async def delete_rule(request: web.Request) -> web.Response:
    rules = services_of(request).notifications.rules
    ctx = ctx_of(request)
    current = rules.get(ctx, path_uuid(request))
    await rules.delete(ctx, current.id, current.version)
    return web.Response(status=204)


async def mail_log(request: web.Request) -> web.Response:
    """Notification mails, newest first: to whom, which case, which station, sent or failed with the
    mail server's answer."""
    check_query(request, LOG_QUERY)
    limit = query_int(request, "limit", 100, 1, 1000)
    before = decode_time_cursor(request)
    rows = await services_of(request).notifications.mail_log(ctx_of(request), limit + 1, before)
    items = [{"id": r.id, "at": r.at, "station_id": r.station_id, "station_identity": r.station_identity,
              "station_name": r.station_name, "case": r.case, "kind": r.kind, "to": r.to, "subject": r.subject,
              "outcome": r.outcome, "answer": r.answer} for r in rows[:limit]]
    last = rows[limit - 1] if len(rows) > limit else None
    return ok({"items": items,
               "next_cursor": encode_cursor(last.at.astimezone(timezone.utc), last.id) if last else None})
