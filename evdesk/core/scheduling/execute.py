"""One run of a task: each target acted on, each outcome kept in words.

Station targets go through the command API (actor "scheduler", the task's name as the reason),
at most `CONCURRENCY` stations at a time (each station already gets one call at a time). A
station that is offline when the run starts is waited for up to the task's wait time (polled
every `OFFLINE_POLL_SECONDS`), then fails as offline. Users and user groups go through the
people services, as an operator's edit would. Invoice runs, reports by e-mail and circuit limits
go through their services (`service_runs.py`).
"""

from __future__ import annotations

import asyncio
import dataclasses
from dataclasses import dataclass
from uuid import UUID

from evdesk.core.errors import EvdeskError
from evdesk.core.permissions import ADMIN, OperatorContext
from evdesk.core.scheduling.kinds import STATION_KINDS, charge_point_max_profile
from evdesk.core.scheduling.outcome import Outcome
from evdesk.core.scheduling.service_kinds import SERVICE_KINDS
from evdesk.core.scheduling.service_runs import run_service_kind
from evdesk.store.queries import scheduled_tasks as q

CONCURRENCY = 64
OFFLINE_POLL_SECONDS = 0.5
NO_SMART_CHARGING_ANSWERS = ("NotSupported", "NotImplemented")


@dataclass(frozen=True)
class Refused:
    """A command evdesk did not send (shaped like the command API's result)."""

    message: str
    ok: bool = False
    outcome: str = "refused"
    action_id: UUID | None = None


def scheduler_context(domain_group_id: UUID | None) -> OperatorContext:
    """Who the commands are from: "scheduler", with the task's domain (its creator's base group)."""
    return OperatorContext(operator_id=None, username="scheduler", role=ADMIN, base_group_id=domain_group_id,
                           domain_groups=None if domain_group_id is None else frozenset({domain_group_id}),
                           display_name="scheduler", via="scheduler")


class RunExecutor:
    def __init__(self, services, commands, now, minute_seconds: float = 60.0):
        self.services = services
        self.commands = commands
        self.now = now
        self.minute_seconds = minute_seconds  # how long a "minute" of waiting for a station is (tests shorten it)

    # -- targets ---------------------------------------------------------------------------
    def stations_of(self, task: dict, ctx: OperatorContext) -> list:
        """The task's stations as they are now: chosen ones and every station of the chosen groups'
        subtrees, adopted, inside the task's domain."""
        tree = self.services.group_tree.index
        groups: set[UUID] = set()
        for gid in task["targets"].get("group_ids", ()):
            if UUID(gid) in self.services.group_tree.groups:
                groups |= tree.subtree(UUID(gid))
        wanted = {UUID(s) for s in task["targets"].get("station_ids", ())}
        out = []
        for info in self.services.stations.all():
            if info.registration in ("pending", "rejected"):
                continue
            if info.id in wanted or (info.group_id is not None and info.group_id in groups):
                if ctx.sees_station(info.group_id):
                    out.append(info)
        return sorted(out, key=lambda i: i.display_name)

    async def run(self, task: dict) -> list[Outcome]:
        ctx = self.services.group_tree.fresh(scheduler_context(task["domain_group_id"]))
        if task["kind"] in STATION_KINDS:
            stations = self.stations_of(task, ctx)
            smart = {}
            if task["kind"] in ("station_current", "group_current"):
                smart = await self.services.store.read(q.stored_key_values, [s.id for s in stations],
                                                       "SupportedFeatureProfiles")
            gate = asyncio.Semaphore(CONCURRENCY)

            async def one(info):
                # waiting for an offline station holds no slot: the connected ones go on meanwhile
                if not await self._online_in_time(task, info):
                    return self._stayed_offline(task, info)
                async with gate:
                    return await self._station(task, ctx, info, smart.get(info.id))

            return list(await asyncio.gather(*(one(info) for info in stations)))
        if task["kind"] in SERVICE_KINDS:
            return await run_service_kind(self, task, ctx)
        if task["kind"] == "user_active":
            return [await self._user(task, ctx, UUID(uid)) for uid in task["targets"].get("user_ids", ())]
        return [await self._user_group(task, ctx, UUID(gid)) for gid in task["targets"].get("user_group_ids", ())]

    # -- stations --------------------------------------------------------------------------
    async def _online_in_time(self, task: dict, info) -> bool:
        """True when the station is connected, or connects within the task's wait (none: at once)."""
        wait = (task["wait_offline_minutes"] or 0) * self.minute_seconds
        if self.commands.is_connected(info.id) or wait <= 0:
            return True  # (not waiting: the command API itself says the station is not connected)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait
        while not self.commands.is_connected(info.id) and loop.time() < deadline:
            await asyncio.sleep(OFFLINE_POLL_SECONDS)
        return self.commands.is_connected(info.id)

    def _stayed_offline(self, task: dict, info) -> Outcome:
        return Outcome("station", info.id, info.display_name, False, "offline",
                       f"{info.display_name} stayed offline for the {task['wait_offline_minutes']} minute(s) the task "
                       "waits; nothing was sent.", None, self.now())

    async def _station(self, task: dict, ctx: OperatorContext, info, features: str | None) -> Outcome:
        try:
            what, result = await self._command(task, ctx, info, features)
        except EvdeskError as exc:  # refused before sending (domain, a check): the reason in words
            return Outcome("station", info.id, info.display_name, False, "refused", str(exc), None, self.now())
        message = f"{what}: {result.message}" if what else result.message
        return Outcome("station", info.id, info.display_name, result.ok, result.outcome, message, result.action_id,
                       self.now())

    async def _command(self, task: dict, ctx: OperatorContext, info, features: str | None):
        c, p, reason, sid = self.commands, task["params"], task["name"], info.id
        kind = task["kind"]
        if kind in ("station_current", "group_current"):
            return await self._limit(task, ctx, info, features)
        if kind == "firmware":
            return "Firmware update", await c.update_firmware(sid, p["location"], self.now(), ctx=ctx, reason=reason)
        if kind == "reset":
            return f"{p['kind']} reset", await c.reset(sid, p["kind"], ctx=ctx, reason=reason)
        if kind == "availability":
            label = "Operative" if p["available"] else "Inoperative"
            return f"Availability {label}", await c.change_availability(sid, p["connector_id"], p["available"], ctx=ctx,
                                                                       reason=reason)
        args = dict(p["args"])
        if p["command"] in ("update_firmware",):
            args["retrieve_date"] = self.now()
        return p["command"].replace("_", " ").capitalize(), await getattr(c, p["command"])(sid, **args, ctx=ctx,
                                                                                         reason=reason)

    async def _limit(self, task: dict, ctx: OperatorContext, info, features: str | None):
        """ChargePointMaxProfile, or the current-limit key on a station without smart charging."""
        amps, key = task["params"]["amps"], task["params"].get("limit_key") or ""
        c, reason = self.commands, task["name"]
        no_smart = features is not None and "smartcharging" not in features.lower().replace(" ", "")
        if not no_smart:
            profile = charge_point_max_profile(amps, self.now().isoformat())
            result = await c.set_charging_profile(info.id, 0, profile, ctx=ctx, reason=reason)
            unsupported = result.outcome == "error" and any(a in result.message for a in NO_SMART_CHARGING_ANSWERS)
            if not unsupported or not key:
                return f"Max current {amps:g} A (charging profile)", result
        if not key:
            return "Max current", Refused(f"{info.display_name} has no smart charging (SupportedFeatureProfiles), and "
                                          "the task names no current-limit configuration key to set instead.")
        result = await c.change_configuration(info.id, key, f"{amps:g}", ctx=ctx, reason=reason)
        return f"Max current {amps:g} A (key {key})", result

    # -- people ----------------------------------------------------------------------------
    async def _user(self, task: dict, ctx: OperatorContext, user_id: UUID) -> Outcome:
        active = task["params"]["active"]
        users = self.services.people.users
        try:
            detail = await (users.enable(ctx, user_id) if active else users.disable(ctx, user_id, task["name"]))
        except EvdeskError as exc:
            return Outcome("user", user_id, str(user_id), False, "refused", str(exc), None, self.now())
        name = getattr(detail.data, "name", "") or str(user_id)
        return Outcome("user", user_id, name, True, "done", "Made active" if active else "Made inactive", None,
                       self.now())

    async def _user_group(self, task: dict, ctx: OperatorContext, group_id: UUID) -> Outcome:
        active = task["params"]["active"]
        groups = self.services.people.groups
        row = next((g for g in await groups.list() if g.id == group_id), None)
        if row is None:
            return Outcome("user_group", group_id, str(group_id), False, "refused",
                           "This charging user group does not exist any more.", None, self.now())
        try:
            await groups.update(ctx, group_id, row.version, row.name, active, None, row.max_concurrent_transactions)
        except EvdeskError as exc:
            return Outcome("user_group", group_id, row.name, False, "refused", str(exc), None, self.now())
        return Outcome("user_group", group_id, row.name, True, "done",
                       "Group made active" if active else "Group made inactive", None, self.now())


def as_rows(outcomes: list[Outcome]) -> list[dict]:
    return [dataclasses.asdict(o) for o in outcomes]
