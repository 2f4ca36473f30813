"""Charging user groups and the CSV onboarding of users with their tokens."""

from __future__ import annotations

from decimal import Decimal

from aiohttp import web

from evdesk.api.http import body_of, ctx_of, ok, path_uuid, services_of
from evdesk.api.schemas import F, check_query
from evdesk.core.errors import NotFound


def _decimal_text(value: int | None, scale: int, places: int) -> str | None:
    return None if value is None else f"{Decimal(value) / scale:.{places}f}"


def group_json(g) -> dict:
    return {"id": g.id, "version": g.version, "name": g.name, "active": g.active, "members": g.members,
            "max_concurrent_transactions": g.max_concurrent_transactions, "limit_minutes": g.limit_minutes,
            "limit_kwh": _decimal_text(g.limit_wh, 1000, 3), "limit_cost": _decimal_text(g.limit_cost_minor, 100, 2),
            "load_priority": g.load_priority}


LIMITS = ("limit_minutes", "limit_kwh", "limit_cost")
EXTRAS = LIMITS + ("load_priority",)


GROUP_FIELDS = {
    "name": F("string", doc="unique among the groups"),
    "active": F("boolean", doc="an inactive group's users cannot charge"),
    "max_concurrent_transactions": F("integer", nullable=True, doc="sessions at a time for each member; null: per user"),
    "member_ids": F("uuids", doc="charging users in this group (a user is in one group)"),
    "limit_minutes": F("integer", nullable=True, minimum=1, maximum=10080,
                       doc="stop each member's session after this many minutes; null: no limit from the group"),
    "limit_kwh": F("string", nullable=True, doc="stop at this energy (kWh, e.g. \"20.5\"); null: none"),
    "limit_cost": F("string", nullable=True, doc="stop at this cost in the site currency (\"9.50\"); null: none"),
    "load_priority": F("integer", minimum=-100, maximum=100,
                       doc="load management: members' sessions get their share before lower groups' (default 0)"),
}
GROUP_CREATE = {**GROUP_FIELDS, "name": F("string", required=True, doc="unique among the groups")}
GROUP_PATCH = {"version": F("integer", required=True, doc="the version you read; 409 stale_edit if it moved on"),
               **GROUP_FIELDS}
CSV_IMPORT = {"csv": F("string", required=True, doc="the file's text: the columns of GET /users/export")}


async def _group(request: web.Request):
    group_id = path_uuid(request)
    for g in await services_of(request).people.groups.list():
        if g.id == group_id:
            return g
    raise NotFound("Charging user group not found.")


async def list_user_groups(request: web.Request) -> web.Response:
    check_query(request, ("q",))
    groups = await services_of(request).people.groups.list(request.query.get("q", ""))
    return ok({"items": [group_json(g) for g in groups], "total": len(groups)})


async def get_user_group(request: web.Request) -> web.Response:
    return ok(group_json(await _group(request)))


async def create_user_group(request: web.Request) -> web.Response:
    b = await body_of(request, GROUP_CREATE)
    g = await services_of(request).people.groups.create(
        ctx_of(request), b["name"], b.get("active", True), b.get("member_ids"), b.get("max_concurrent_transactions"),
        **{k: b.get(k) for k in LIMITS}, load_priority=b.get("load_priority", 0))
    return ok(group_json(g), 201)


async def update_user_group(request: web.Request) -> web.Response:
    current = await _group(request)
    b = await body_of(request, GROUP_PATCH)
    g = await services_of(request).people.groups.update(
        ctx_of(request), current.id, b["version"], b.get("name", current.name), b.get("active", current.active),
        b.get("member_ids"), b.get("max_concurrent_transactions", current.max_concurrent_transactions),
        **{k: b[k] for k in EXTRAS if k in b})
    return ok(group_json(g))


async def delete_user_group(request: web.Request) -> web.Response:
    group = await _group(request)
    await services_of(request).people.groups.delete(ctx_of(request), group.id)
    return web.Response(status=204)


async def import_users(request: web.Request) -> web.Response:
    """Rows are all-or-nothing; the answer lists every refused row with the reason (200 either way)."""
    b = await body_of(request, CSV_IMPORT)
    result = await services_of(request).people.csv.import_text(ctx_of(request), b["csv"])
    return ok({"rows": result.rows, "users_added": result.users_added, "tokens_added": result.tokens_added,
               "refused_rows": result.refused_rows,
               "problems": [{"row": p.row, "field": p.field, "message": p.message} for p in result.problems]})


async def export_users(request: web.Request) -> web.Response:
    check_query(request, ())
    text = await services_of(request).people.reads.export_csv(ctx_of(request))
    return web.Response(text=text, content_type="text/csv", charset="utf-8",
                        headers={"Content-Disposition": 'attachment; filename="charging-users.csv"'})
