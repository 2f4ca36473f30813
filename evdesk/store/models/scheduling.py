"""Scheduled tasks (schema 12): the tasks, their runs, each target's outcome, and the lease
that lets exactly one seat run an occurrence.

Tasks are synced rows (every seat sees and edits them). Runs, outcomes and leases are
append-mostly log rows written by the seat that ran the occurrence.
"""

from __future__ import annotations

import peewee

from evdesk.store.fields import JsonField, UtcDateTimeField
from evdesk.store.models.base import LogModel, SyncedModel


class ScheduledTask(SyncedModel):
    name = peewee.CharField(max_length=200)
    # station_current / group_current / user_active / user_group_active / firmware / reset /
    # availability / command (any remote command with its parameters)
    kind = peewee.CharField(max_length=32)
    # {"group_ids": [...], "station_ids": [...], "user_ids": [...], "user_group_ids": [...]} (id strings)
    targets = JsonField(default=dict)
    params = JsonField(default=dict)  # the kind's parameters (amps, active, kind of reset, command + its fields)
    # when: a wall-clock time in `zone` (an IANA name), so DST moves nothing
    recurrence = peewee.CharField(max_length=12, default="once")  # once / daily / weekly / monthly
    time_of_day = peewee.CharField(max_length=5, default="00:00")  # HH:MM, local to `zone`
    zone = peewee.CharField(max_length=64, default="UTC")
    start_date = peewee.DateField()  # the date of a one-shot task; the first possible date of the others
    end_date = peewee.DateField(null=True)  # the last date an occurrence may fall on (local)
    weekdays = JsonField(default=list)  # weekly: 0 = Monday .. 6 = Sunday
    day_of_month = peewee.IntegerField(null=True)  # monthly: 1..31 (clamped to the month's last day), 0 = last day
    active = peewee.BooleanField(default=False)
    # occurrences count from here (set when made active or edited): no "missed" run for a time before it
    armed_at = UtcDateTimeField(null=True)
    run_requested_at = UtcDateTimeField(null=True)  # "Run now": an extra occurrence at this time
    wait_offline_minutes = peewee.IntegerField(default=0)  # wait up to this for an offline station
    # the creator's base charging group (None: the whole site): targets are resolved within it at run time
    domain_group_id = peewee.UUIDField(null=True)
    created_by = peewee.CharField(max_length=120, default="")
    retry_of_run = peewee.UUIDField(null=True)  # "Retry: <name>" tasks: the run they retry


class TaskLease(LogModel):
    """One row per occurrence (task, due time): the seat that inserts it runs it; the unique
    index refuses every other seat."""

    task = peewee.UUIDField()
    due_at = UtcDateTimeField()
    seat = peewee.CharField(max_length=64)
    taken_at = UtcDateTimeField()

    class Meta:
        indexes = ((("task", "due_at"), True),)


class TaskRun(LogModel):
    task = peewee.UUIDField()
    task_name = peewee.CharField(max_length=200)
    kind = peewee.CharField(max_length=32)
    due_at = UtcDateTimeField()
    started_at = UtcDateTimeField(index=True)
    finished_at = UtcDateTimeField(null=True)
    # running / ok / partial / failed / missed
    state = peewee.CharField(max_length=12, default="running")
    summary = peewee.CharField(max_length=200, default="")  # "OK" / "n tasks failed" / "All tasks failed" / ...
    total = peewee.IntegerField(default=0)
    failed = peewee.IntegerField(default=0)
    seat = peewee.CharField(max_length=64, default="")

    class Meta:
        indexes = ((("task", "started_at"), False),)


class TaskRunTarget(LogModel):
    """One target's outcome in one run: a station, a charging user or a user group."""

    run = peewee.ForeignKeyField(TaskRun, on_delete="CASCADE", index=True)
    target_kind = peewee.CharField(max_length=12)  # station / user / user_group
    target_id = peewee.UUIDField()
    target_name = peewee.CharField(max_length=255, default="")
    ok = peewee.BooleanField(default=False)
    outcome = peewee.CharField(max_length=16, default="")  # accepted / rejected / timeout / error / offline / done
    message = peewee.TextField(default="")  # the outcome in words
    action_id = peewee.UUIDField(null=True)
    finished_at = UtcDateTimeField(null=True)
