"""Scheduled tasks and their event feed (`core/scheduling/` has the rules): admins with the
scheduled-tasks right, within their domain. Times of day are the site's local time in the task's
zone (an IANA name); run times are UTC."""

from __future__ import annotations

import calendar

from aiohttp import web

from evdesk.api.http import body_of, ctx_of, ok, path_uuid, services_of
from evdesk.api.schemas import F, check_query, query_enum, query_int, query_time
from evdesk.core.errors import ValidationError
from evdesk.core.scheduling.book import TaskInput
from evdesk.core.scheduling.kinds import KIND_LABELS
from evdesk.core.scheduling.recurrence import RECURRENCES, describe

DAYS = tuple(calendar.day_abbr)  # Mon .. Sun


def task_json(t) -> dict:
    d = t.data
    return {"id": t.id, "version": t.version, "name": d.name, "kind": d.kind, "kind_label": t.kind_label,
            "targets": d.targets, "params": d.params, "recurrence": d.recurrence, "time_of_day": d.time_of_day,
            "zone": d.zone, "start_date": d.start_date.isoformat() if d.start_date else None,
            "end_date": d.end_date.isoformat() if d.end_date else None, "weekdays": [DAYS[i] for i in d.weekdays],
            "day_of_month": d.day_of_month, "active": d.active, "wait_offline_minutes": d.wait_offline_minutes,
            "schedule": describe(t.schedule), "next_run": t.next_run, "created_by": t.created_by,
            "retry_of_run": t.retry_of_run}


def run_json(r: dict) -> dict:
    return {k: r[k] for k in ("id", "task", "task_name", "kind", "due_at", "started_at", "finished_at", "state",
                              "summary", "total", "failed")} | {"retry": r["state"] in ("partial", "failed", "missed")}


TASK_FIELDS = {
    "name": F("string"),
    "kind": F("string", enum=tuple(KIND_LABELS)),
    "targets": F("object", doc='{"group_ids": [...], "station_ids": [...], "user_ids": [...], "user_group_ids": [...]}'),
    "params": F("object", doc="station_current/group_current: {amps, limit_key}; user_active/user_group_active: "
                              "{active}; firmware: {location}; reset: {kind: Soft|Hard}; availability: {connector_id, "
                              "available}; command: {command, args}; invoice_run: {send} (targets: user_group_ids, "
                              "none = every charging user with an e-mail address); report_email: {report_id, formats: "
                              "[pdf, csv], recipients: [addresses]}; circuit_limit: {circuit_id, amps}"),
    "recurrence": F("string", enum=RECURRENCES),
    "time_of_day": F("string", doc="HH:MM, local time in `zone`"),
    "zone": F("string", doc="IANA time zone; empty: the site's"),
    "start_date": F("date", nullable=True, doc="the date of a one-shot task; the first date of the others"),
    "end_date": F("date", nullable=True, doc="the last date an occurrence may fall on"),
    "weekdays": F("strings", doc="weekly: Mon .. Sun"),
    "day_of_month": F("integer", nullable=True, minimum=0, maximum=31, doc="monthly: 1..31 (the month's last day when "
                                                                           "shorter), 0 = the last day"),
    "active": F("boolean"),
    "wait_offline_minutes": F("integer", minimum=0, maximum=24 * 60, doc="wait up to this for an offline station"),
}
TASK_CREATE = {**TASK_FIELDS, "name": F("string", required=True), "kind": F("string", required=True,
                                                                         enum=tuple(KIND_LABELS)),
               "targets": F("object", required=True, doc=TASK_FIELDS["targets"].doc),
               "params": F("object", required=True, doc=TASK_FIELDS["params"].doc)}
TASK_PATCH = {"version": F("integer", required=True, doc="the version you read; 409 stale_edit if it moved on"),
              **TASK_FIELDS}
TASK_ACTIVE = {"active": F("boolean", required=True)}
RUNS_QUERY = ("since", "until", "status", "q", "limit")


def _weekdays(names) -> list[int]:
    out = []
    for name in names or ():
        if name not in DAYS:
            raise ValidationError(f"Weekdays are {', '.join(DAYS)}.", field="weekdays")
        out.append(DAYS.index(name))
    return out


def _input(b: dict, base: TaskInput | None = None) -> TaskInput:
    base = base or TaskInput("", "", {}, {})
    return TaskInput(
        b.get("name", base.name), b.get("kind", base.kind), b.get("targets", base.targets), b.get("params", base.params),
        b.get("recurrence", base.recurrence), b.get("time_of_day", base.time_of_day), b.get("zone", base.zone),
        b.get("start_date", base.start_date), b.get("end_date", base.end_date),
        _weekdays(b["weekdays"]) if "weekdays" in b else base.weekdays, b.get("day_of_month", base.day_of_month),
        b.get("active", base.active), b.get("wait_offline_minutes", base.wait_offline_minutes))


async def list_tasks(request: web.Request) -> web.Response:
    check_query(request, ("q", "kind"))
    kind = query_enum(request, "kind", tuple(KIND_LABELS)) or ""
    rows = await services_of(request).scheduled_tasks.list(ctx_of(request), request.query.get("q", ""), kind)
    return ok({"items": [task_json(t) for t in rows], "total": len(rows)})


async def get_task(request: web.Request) -> web.Response:
    return ok(task_json(await services_of(request).scheduled_tasks.get(ctx_of(request), path_uuid(request))))


async def create_task(request: web.Request) -> web.Response:
    b = await body_of(request, TASK_CREATE)
    return ok(task_json(await services_of(request).scheduled_tasks.create(ctx_of(request), _input(b))), 201)


async def update_task(request: web.Request) -> web.Response:
    book = services_of(request).scheduled_tasks
    task_id = path_uuid(request)  # a path that is no id: 404 before the body is judged
    b = await body_of(request, TASK_PATCH)
    current = await book.get(ctx_of(request), task_id)
    return ok(task_json(await book.update(ctx_of(request), current.id, b["version"], _input(b, current.data))))


async def set_task_active(request: web.Request) -> web.Response:
    book = services_of(request).scheduled_tasks
    task_id = path_uuid(request)
    b = await body_of(request, TASK_ACTIVE)
    await book.set_active(ctx_of(request), [task_id], b["active"])
    return ok(task_json(await book.get(ctx_of(request), task_id)))


async def copy_task(request: web.Request) -> web.Response:
    return ok(task_json(await services_of(request).scheduled_tasks.copy(ctx_of(request), path_uuid(request))), 201)


async def run_task_now(request: web.Request) -> web.Response:
    await services_of(request).scheduled_tasks.run_now(ctx_of(request), path_uuid(request))
    return web.Response(status=202)


async def delete_task(request: web.Request) -> web.Response:
    await services_of(request).scheduled_tasks.delete(ctx_of(request), path_uuid(request))
    return web.Response(status=204)


async def list_runs(request: web.Request) -> web.Response:
    check_query(request, RUNS_QUERY)
    rows = await services_of(request).scheduled_tasks.runs(
        ctx_of(request), since=query_time(request, "since"), until=query_time(request, "until"),
        state=query_enum(request, "status", ("ok", "failures")), text=request.query.get("q", ""),
        limit=query_int(request, "limit", 200, 1, 1000))
    return ok({"items": [run_json(r) for r in rows], "total": len(rows)})


async def get_run(request: web.Request) -> web.Response:
    outcomes = await services_of(request).scheduled_tasks.run_outcomes(ctx_of(request), path_uuid(request))
    return ok({"id": path_uuid(request), "outcomes": [
        {"target_kind": o["target_kind"], "target_id": o["target_id"], "target_name": o["target_name"], "ok": o["ok"],
         "outcome": o["outcome"], "message": o["message"], "action_id": o["action_id"],
         "finished_at": o["finished_at"]} for o in outcomes]})


async def retry_run(request: web.Request) -> web.Response:
    task = await services_of(request).scheduled_tasks.retry(ctx_of(request), path_uuid(request))
    return ok(task_json(task), 201)
