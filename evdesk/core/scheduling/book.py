"""The task book: scheduled tasks as every seat sees them (evdesk's database), their run feed,
and what operators do with them (add, edit, copy, (de)activate, delete, retry, run now).

Permissions (manual l.995, "Only admin operators can create, edit and view scheduled tasks"):
every method needs `Permission.SCHEDULED_TASKS` (basic operators and analysts are refused). A
task belongs to its creator's domain (their base charging group, None = the whole site): a group
admin sees and manages only tasks of groups inside their domain, chooses only stations and
groups inside it, and the runner resolves the targets inside it again at run time. Charging
users are chosen within the domain as the users screen allows; user groups are site-wide
objects, so only site-wide admins schedule their activation.

New tasks are created inactive (the manual's examples tick Active afterwards) unless the caller
says active. Retry (l.1194): "Retry: <task name>", a one-shot task, active, due at the next
whole minute (so within two minutes), targeting the failed stations (or users) of the run only
(the issue's rule; the manual would retry every member of a group). An invoice run, a report by
e-mail or a circuit limit is retried whole.

The service kinds also need the underlying service's rights, checked when the task is saved (and
again at run time, by the service itself, for the task's domain): an invoice run needs the invoices
right (user groups: an admin of the whole site, as on the Invoices page); a report by e-mail needs
the saved report visible to the creator (their own or a shared one; the creator is kept in the
parameters); a circuit limit needs "edit stations" on a circuit of the creator's domain.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from uuid import UUID
from zoneinfo import ZoneInfo

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.core.errors import AccessDenied, NotFound, StaleEdit, ValidationError
from evdesk.core.permissions import ACCESS_DENIED, OperatorContext, Permission, require
from evdesk.core.scheduling.kinds import KIND_LABELS, check_params, check_targets
from evdesk.core.scheduling.service_kinds import SERVICE_KINDS
from evdesk.core.scheduling.recurrence import RECURRENCES, Schedule, parse_time_of_day
from evdesk.core.zones import computer_zone_name
from evdesk.settings import time_zone_exists
from evdesk.store.errors import MissingRow, StaleRow
from evdesk.store.queries import scheduled_tasks as q
from evdesk.store.repos import scheduled_tasks as repo

TASK_NOT_FOUND = "Scheduled task not found. Someone may have deleted it; reload the list."
NAME_TAKEN = "A scheduled task with this name already exists."
MAX_WAIT_MINUTES = 24 * 60


@dataclass
class TaskInput:
    name: str
    kind: str
    targets: dict
    params: dict
    recurrence: str = "once"
    time_of_day: str = "00:00"  # HH:MM in `zone`
    zone: str = ""  # IANA name; "" = the site's zone
    start_date: date | None = None
    end_date: date | None = None
    weekdays: list[int] = field(default_factory=list)
    day_of_month: int | None = None
    active: bool = False
    wait_offline_minutes: int = 0


@dataclass(frozen=True)
class TaskRow:
    id: UUID
    version: int
    data: TaskInput
    kind_label: str
    schedule: Schedule
    domain_group_id: UUID | None
    created_by: str
    next_run: datetime | None
    retry_of_run: UUID | None


def schedule_of(row: dict) -> Schedule:
    return Schedule(row["recurrence"], parse_time_of_day(row["time_of_day"]), row["zone"], row["start_date"],
                    row["end_date"], frozenset(row["weekdays"] or ()), row["day_of_month"])


def _input_of(row: dict) -> TaskInput:
    return TaskInput(row["name"], row["kind"], dict(row["targets"] or {}), dict(row["params"] or {}),
                     row["recurrence"], row["time_of_day"], row["zone"], row["start_date"], row["end_date"],
                     list(row["weekdays"] or ()), row["day_of_month"], bool(row["active"]),
                     (row["wait_offline_minutes"] or 0))


class TaskBook:
    def __init__(self, store, bus: ev.EventBus, settings, stations, group_tree, people, circuits, saved_reports,
                 now=utcnow):
        self.circuits = circuits
        self.saved_reports = saved_reports
        self.store = store
        self.bus = bus
        self.settings = settings
        self.stations = stations
        self.group_tree = group_tree
        self.people = people
        self.now = now

    # -- who may --------------------------------------------------------------------------
    def _ctx(self, ctx: OperatorContext) -> OperatorContext:
        require(ctx, Permission.SCHEDULED_TASKS)
        return self.group_tree.fresh(ctx)

    @staticmethod
    def _sees(ctx: OperatorContext, row: dict) -> bool:
        domain = row["domain_group_id"]
        return ctx.is_root if domain is None else ctx.sees_group(domain)

    async def _check_service(self, ctx: OperatorContext, fields: dict) -> None:
        kind, params = fields["kind"], fields["params"]
        if kind == "invoice_run":
            require(ctx, Permission.INVOICES)
            if fields["targets"]["user_group_ids"] and not (ctx.is_root and ctx.base_group_id is None):
                raise AccessDenied("Only admins of the whole site invoice charging user groups.")
        elif kind == "report_email":
            try:
                await self.saved_reports.get(ctx, UUID(params["report_id"]))
            except NotFound:
                raise ValidationError("This saved report is not one of yours or a shared one. Choose another.",
                                      field="report_id") from None
            params["creator_operator_id"] = str(ctx.operator_id) if ctx.operator_id else None
            if params["creator_operator_id"] is None:
                del params["creator_operator_id"]
        elif kind == "circuit_limit":
            require(ctx, Permission.EDIT_STATIONS)
            try:
                circuit = await self.circuits.get(ctx, UUID(params["circuit_id"]))
            except NotFound:
                raise ValidationError("This circuit does not exist (any more). Choose another.",
                                      field="circuit_id") from None
            if not ctx.sees_group(circuit.group_id):
                raise AccessDenied("You can schedule limits only for circuits in your domain.")

    async def _check_targets(self, ctx: OperatorContext, kind: str, targets: dict) -> None:
        for gid in targets["group_ids"]:
            if UUID(gid) not in self.group_tree.groups:
                raise ValidationError("One of the chosen charging groups does not exist.", field="targets")
            if not ctx.sees_group(UUID(gid)):
                raise AccessDenied("You can schedule tasks only for charging groups in your domain.")
        for sid in targets["station_ids"]:
            info = self.stations.by_id.get(UUID(sid))
            if info is None:
                raise ValidationError("One of the chosen charging stations does not exist.", field="targets")
            if not ctx.sees_station(info.group_id):
                raise AccessDenied("You can schedule tasks only for charging stations in your domain.")
        for uid in targets["user_ids"]:
            await self.people.reads.user(ctx, UUID(uid))  # NotFound / AccessDenied outside the domain
        if targets["user_group_ids"]:
            if kind != "invoice_run" and not ctx.can_site_wide(Permission.MANAGE_USER_GROUPS):
                raise AccessDenied("Only admins of the whole site schedule charging user groups.")
            known = {g.id for g in await self.people.groups.list()}
            if any(UUID(g) not in known for g in targets["user_group_ids"]):
                raise ValidationError("One of the chosen charging user groups does not exist.", field="targets")
        if kind == "firmware":
            require(ctx, Permission.FIRMWARE_UPDATES)

    def _fields(self, data: TaskInput) -> dict:
        name = (data.name or "").strip()
        if not name or len(name) > 200:
            raise ValidationError("Give the task a name (at most 200 characters).", field="name")
        params = check_params(data.kind, data.params)
        targets = check_targets(data.kind, data.targets)
        if data.recurrence not in RECURRENCES:
            raise ValidationError("Choose once, daily, weekly or monthly.", field="recurrence")
        try:
            at = parse_time_of_day(data.time_of_day)
        except (ValueError, TypeError):
            raise ValidationError("Enter the time as HH:MM (00:00 to 23:59).", field="time_of_day") from None
        zone = (data.zone or self.settings.site_timezone or computer_zone_name()).strip()
        if not time_zone_exists(zone):
            raise ValidationError("Choose a time zone from the list, such as Europe/Helsinki.", field="zone")
        today = self.now().astimezone(ZoneInfo(zone)).date()
        start = data.start_date or today
        if data.end_date is not None and data.end_date < start:
            raise ValidationError("The end date is before the first date.", field="end_date")
        weekdays = sorted({int(d) for d in data.weekdays or () if isinstance(d, int) and 0 <= d <= 6})
        if data.recurrence == "weekly" and not weekdays:
            raise ValidationError("Tick at least one day of the week.", field="weekdays")
        day = data.day_of_month
        if data.recurrence == "monthly":
            if not isinstance(day, int) or not 0 <= day <= 31:
                raise ValidationError("Choose a day of the month (1 to 31) or the last day.", field="day_of_month")
        else:
            day = None
        if data.recurrence == "once" and data.active:
            instant = Schedule("once", at, zone, start).instant_on(start)
            if instant <= self.now():
                raise ValidationError("This one-shot time has already passed; choose a later date or time.",
                                      field="time_of_day")
        wait = data.wait_offline_minutes
        if not isinstance(wait, int) or not 0 <= wait <= MAX_WAIT_MINUTES:
            raise ValidationError(f"Wait for offline stations 0 to {MAX_WAIT_MINUTES} minutes.", field="wait_offline_minutes")
        return {"name": name, "kind": data.kind, "targets": targets, "params": params, "recurrence": data.recurrence,
                "time_of_day": at.strftime("%H:%M"), "zone": zone, "start_date": start, "end_date": data.end_date,
                "weekdays": weekdays if data.recurrence == "weekly" else [], "day_of_month": day,
                "active": bool(data.active), "wait_offline_minutes": wait}

    async def _write(self, fn, *args):
        def in_transaction():
            with self.store.transaction():
                return fn(*args)
        try:
            return await self.store.run(in_transaction)
        except StaleRow:
            raise StaleEdit() from None
        except MissingRow:
            raise NotFound(TASK_NOT_FOUND) from None

    async def _row(self, ctx: OperatorContext, task_id: UUID) -> dict:
        row = await self.store.read(q.task, task_id)
        if row is None or not self._sees(ctx, row):
            raise NotFound(TASK_NOT_FOUND)
        return row

    def _to_row(self, row: dict) -> TaskRow:
        schedule = schedule_of(row)
        now = self.now()
        nxt = None
        if row["active"]:
            nxt = schedule.next_after(max(now, row["armed_at"] or now) - timedelta(microseconds=1))
        return TaskRow(row["id"], row["version"], _input_of(row), KIND_LABELS.get(row["kind"], row["kind"]), schedule,
                       row["domain_group_id"], row["created_by"], nxt, row["retry_of_run"])

    # -- the book -------------------------------------------------------------------------
    async def list(self, ctx: OperatorContext, text: str = "", kind: str = "") -> list[TaskRow]:
        """The tasks this operator may see, filtered by name text and type ("Filter scheduled tasks by
        task type or task name")."""
        ctx = self._ctx(ctx)
        rows = await self.store.read(q.all_tasks)
        text = text.strip().lower()
        return [self._to_row(r) for r in rows if self._sees(ctx, r) and (not kind or r["kind"] == kind)
                and (not text or text in r["name"].lower())]

    async def get(self, ctx: OperatorContext, task_id: UUID) -> TaskRow:
        ctx = self._ctx(ctx)
        return self._to_row(await self._row(ctx, task_id))

    async def create(self, ctx: OperatorContext, data: TaskInput, *, retry_of_run: UUID | None = None) -> TaskRow:
        ctx = self._ctx(ctx)
        fields = self._fields(data)
        await self._check_targets(ctx, fields["kind"], fields["targets"])
        await self._check_service(ctx, fields)
        domain = ctx.base_group_id if not ctx.is_root else None

        def write():
            if q.name_taken(fields["name"]):
                raise ValidationError(NAME_TAKEN, field="name")
            task_id = repo.insert_task(**fields, armed_at=self.now(), domain_group_id=domain, created_by=ctx.name,
                                       retry_of_run=retry_of_run)
            return q.task(task_id)

        row = await self._write(write)
        self.bus.publish(ev.ScheduledTasksChanged(row["id"]))
        return self._to_row(row)

    async def update(self, ctx: OperatorContext, task_id: UUID, version: int, data: TaskInput) -> TaskRow:
        """An edit re-arms the task: occurrences count from now (no "missed" run for an earlier time)."""
        ctx = self._ctx(ctx)
        await self._row(ctx, task_id)
        fields = self._fields(data)
        await self._check_targets(ctx, fields["kind"], fields["targets"])
        await self._check_service(ctx, fields)

        def write():
            if q.name_taken(fields["name"], task_id):
                raise ValidationError(NAME_TAKEN, field="name")
            repo.update_task(task_id, version, **fields, armed_at=self.now())
            return q.task(task_id)

        row = await self._write(write)
        self.bus.publish(ev.ScheduledTasksChanged(task_id))
        return self._to_row(row)

    async def set_active(self, ctx: OperatorContext, task_ids: list[UUID], active: bool) -> int:
        """Tick or untick Active on one or several tasks; returns how many changed."""
        ctx = self._ctx(ctx)
        rows = [await self._row(ctx, tid) for tid in task_ids]

        def write():
            changed = 0
            for row in rows:
                if bool(row["active"]) != active:
                    repo.update_task(row["id"], None, active=active, armed_at=self.now())
                    changed += 1
            return changed

        changed = await self._write(write)
        for row in rows:
            self.bus.publish(ev.ScheduledTasksChanged(row["id"]))
        return changed

    async def copy(self, ctx: OperatorContext, task_id: UUID) -> TaskRow:
        """"Copy the existing task as a template": the same task named "Copy of ...", inactive."""
        ctx = self._ctx(ctx)
        data = _input_of(await self._row(ctx, task_id))
        base, n = f"Copy of {data.name}"[:200], 1
        names = {r["name"] for r in await self.store.read(q.all_tasks)}
        name = base
        while name in names:
            n += 1
            name = f"{base} ({n})"[:200]
        return await self.create(ctx, dataclasses.replace(data, name=name, active=False))

    async def delete(self, ctx: OperatorContext, task_id: UUID) -> None:
        ctx = self._ctx(ctx)
        row = await self._row(ctx, task_id)
        await self._write(repo.tombstone_task, task_id, row["version"])
        self.bus.publish(ev.ScheduledTasksChanged(task_id))

    async def run_now(self, ctx: OperatorContext, task_id: UUID) -> None:
        """An extra occurrence now (active or not); the runner takes it within seconds."""
        ctx = self._ctx(ctx)
        await self._row(ctx, task_id)
        await self._write(lambda: repo.update_task(task_id, None, run_requested_at=self.now()))
        self.bus.publish(ev.ScheduledTasksChanged(task_id))

    async def retry(self, ctx: OperatorContext, run_id: UUID) -> TaskRow:
        """"Retry: <task name>" for the failed targets of a run, due at the next whole minute."""
        ctx = self._ctx(ctx)
        run = await self.store.read(q.run, run_id)
        if run is None:
            raise NotFound("This run is not in the event feed any more.")
        task = await self.store.read(q.task, run["task"])
        if task is None or not self._sees(ctx, task):
            raise NotFound(TASK_NOT_FOUND)
        if run["state"] not in ("partial", "failed", "missed"):
            raise ValidationError("Only runs with failures can be retried.", field="run")
        data = _input_of(task)
        outcomes = await self.store.read(q.run_targets, run_id)
        if outcomes and task["kind"] not in SERVICE_KINDS:  # (a missed run has none: every target again)
            failed = [t for t in outcomes if not t["ok"]]
            if not failed:
                raise ValidationError("This run has no failed targets to retry.", field="run")
            key = {"station": "station_ids", "user": "user_ids", "user_group": "user_group_ids"}
            targets = {k: [] for k in ("group_ids", "station_ids", "user_ids", "user_group_ids")}
            for t in failed:
                targets[key[t["target_kind"]]].append(str(t["target_id"]))
            data.targets = targets
        zone = ZoneInfo(task["zone"])
        due = (self.now() + timedelta(minutes=1)).astimezone(zone).replace(second=0, microsecond=0)
        name = f"Retry: {task['name']}"[:200]
        names = {r["name"] for r in await self.store.read(q.all_tasks)}
        n = 1
        while name in names:
            n += 1
            name = f"Retry: {task['name']} ({n})"[:200]
        data = dataclasses.replace(data, name=name, recurrence="once", time_of_day=due.strftime("%H:%M"),
                                   start_date=due.date(), end_date=None, weekdays=[], day_of_month=None, active=True)
        return await self.create(ctx, data, retry_of_run=run_id)

    # -- the event feed ---------------------------------------------------------------------
    async def runs(self, ctx: OperatorContext, *, since: datetime | None = None, until: datetime | None = None,
                   state: str | None = None, text: str = "", limit: int = 500) -> list[dict]:
        """Runs newest first, of the tasks this operator sees (deleted tasks' runs stay visible to
        site-wide admins only)."""
        ctx = self._ctx(ctx)
        tasks = [r for r in await self.store.read(q.all_tasks) if self._sees(ctx, r)]
        text = text.strip().lower()
        ids = None if ctx.is_root and not text else [r["id"] for r in tasks if not text or text in r["name"].lower()]
        rows = await self.store.read(q.runs, since, until, ids, state, limit)
        return [r for r in rows if not text or text in r["task_name"].lower()]

    async def run_outcomes(self, ctx: OperatorContext, run_id: UUID) -> list[dict]:
        """One run's targets: name, ok, outcome and the outcome in words (failures first)."""
        ctx = self._ctx(ctx)
        run = await self.store.read(q.run, run_id)
        if run is None:
            raise NotFound("This run is not in the event feed any more.")
        task = await self.store.read(q.task, run["task"])
        if task is not None and not self._sees(ctx, task) or task is None and not ctx.is_root:
            raise AccessDenied(ACCESS_DENIED)
        return await self.store.read(q.run_targets, run_id)


def local_now_text(now: datetime, zone: str) -> str:
    """'18:45 Europe/Helsinki (16:45 UTC)': the editor's "now" line, both clocks."""
    local = now.astimezone(ZoneInfo(zone))
    return f"{local:%H:%M} {zone} ({now.astimezone(timezone.utc):%H:%M} UTC)"


