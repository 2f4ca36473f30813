"""Scheduled tasks against simulated stations over real websockets (issue 13): per-station
outcomes in words (an offline station among them), retry of the failed stations only, waiting for
an offline station, the current-limit key on a charger without smart charging, and the action log
showing actor "scheduler" and the task's name."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.core.scheduling.book import TaskInput
from evdesk.core.scheduling.runner import TaskScheduler
from evdesk.simulator import ScaledClock, SimulatedStation
from evdesk.store import models as m
from tests.waiting import wait_for

ROOT = SYSTEM_CONTEXT


class Clock:
    def __init__(self):
        self.at = datetime.now(timezone.utc)

    def __call__(self):
        return self.at


@pytest.fixture
async def fleet(central, services):
    """Group "Garage" with SIM-A, SIM-B connected and SIM-C known but offline."""
    garage = (await services.groups.add(ROOT, "Garage")).id
    stations = {}
    for name in ("SIM-A", "SIM-B", "SIM-C"):
        stations[name] = await services.stations.create_station(name, group_id=garage, connectors=1, ctx=ROOT)
    sims = []
    for name in ("SIM-A", "SIM-B"):
        sim = SimulatedStation(name, central.url, connectors=1, clock=ScaledClock(20.0))
        await sim.start()
        await sim.wait_accepted(10)
        sims.append(sim)
    await wait_for(lambda: all(central.commands.is_connected(stations[n].id) for n in ("SIM-A", "SIM-B")))
    yield garage, stations, sims
    for sim in sims:
        await sim.stop()


def group_limit(garage, **extra) -> TaskInput:
    return TaskInput("Set garage max current to 10A", "group_current", {"group_ids": [str(garage)]}, {"amps": 10},
                     "daily", "08:00", "Europe/Helsinki", **extra)


async def test_a_group_limit_run_gives_each_station_its_outcome_and_retry_takes_only_the_failed(central, services, fleet):
    garage, stations, sims = fleet
    clock = Clock()
    book = services.scheduled_tasks
    book.now = clock
    task = await book.create(ROOT, group_limit(garage))
    scheduler = TaskScheduler(services, central.commands, seat="seat-1", now=clock)
    await book.run_now(ROOT, task.id)
    [run] = await scheduler.tick()
    run_id = await run
    [row] = await book.runs(ROOT)
    assert (row["summary"], row["total"], row["failed"]) == ("1 task failed", 3, 1)
    outcomes = {o["target_name"]: o for o in await book.run_outcomes(ROOT, run_id)}
    assert outcomes["SIM-C"]["outcome"] == "offline" and not outcomes["SIM-C"]["ok"]
    assert outcomes["SIM-C"]["message"] == "Max current 10 A (charging profile): SIM-C is not connected; the command was not sent."
    assert outcomes["SIM-A"]["message"] == "Max current 10 A (charging profile): Accepted by the station"
    for sim in sims:  # the stations really hold the limit
        [profile] = [p for p in sim.profiles.profiles if p.purpose == "ChargePointMaxProfile"]
        assert profile.periods[0][1] == 10
    actions = await services.store.read(lambda: list(m.ActionLog.select().where(m.ActionLog.action == "SetChargingProfile").dicts()))
    assert {(a["actor"], a["reason"]) for a in actions} == {("scheduler", "Set garage max current to 10A")}
    # Retry: a one-shot copy for the failed station only, run within two minutes
    retry = await book.retry(ROOT, run_id)
    assert retry.data.name == "Retry: Set garage max current to 10A"
    assert retry.data.targets["station_ids"] == [str(stations["SIM-C"].id)] and retry.data.targets["group_ids"] == []
    sim_c = SimulatedStation("SIM-C", central.url, connectors=1, clock=ScaledClock(20.0))
    await sim_c.start()
    sims.append(sim_c)
    await sim_c.wait_accepted(10)
    await wait_for(lambda: central.commands.is_connected(stations["SIM-C"].id))
    assert await scheduler.tick() == []  # not due yet
    clock.at += timedelta(minutes=2)
    [run] = await scheduler.tick()
    retry_run = await run
    outcomes = await book.run_outcomes(ROOT, retry_run)
    assert [(o["target_name"], o["ok"]) for o in outcomes] == [("SIM-C", True)]
    feed = await book.runs(ROOT)
    assert [(r["task_name"], r["summary"]) for r in feed] == [("Retry: Set garage max current to 10A", "OK"),
                                                             ("Set garage max current to 10A", "1 task failed")]


async def test_an_offline_station_is_waited_for_up_to_the_tasks_limit(central, services, fleet):
    garage, stations, sims = fleet
    clock = Clock()
    book = services.scheduled_tasks
    book.now = clock
    task = await book.create(ROOT, TaskInput("Soft reset C", "reset", {"station_ids": [str(stations["SIM-C"].id)]},
                                             {"kind": "Soft"}, wait_offline_minutes=1))
    # a "minute" of waiting is 4 s here: the station comes online after about one
    scheduler = TaskScheduler(services, central.commands, seat="s", now=clock, minute_seconds=4.0)
    await book.run_now(ROOT, task.id)
    [run] = await scheduler.tick()
    sim_c = SimulatedStation("SIM-C", central.url, connectors=1, clock=ScaledClock(20.0))
    await sim_c.start()
    sims.append(sim_c)
    run_id = await run
    [outcome] = await book.run_outcomes(ROOT, run_id)
    assert (outcome["ok"], outcome["message"]) == (True, "Soft reset: Accepted by the station")
    # and a station that stays away fails after the wait, in words
    await sim_c.stop()
    sims.remove(sim_c)
    await wait_for(lambda: not central.commands.is_connected(stations["SIM-C"].id))
    clock.at += timedelta(seconds=1)
    await book.run_now(ROOT, task.id)
    [run] = await scheduler.tick()
    [outcome] = await book.run_outcomes(ROOT, await run)
    assert outcome["outcome"] == "offline"
    assert outcome["message"] == "SIM-C stayed offline for the 1 minute(s) the task waits; nothing was sent."


async def test_a_charger_without_smart_charging_gets_the_current_limit_key(central, services):
    station = await services.stations.create_station("SIM-OLD", connectors=1, ctx=ROOT)
    sim = SimulatedStation("SIM-OLD", central.url, connectors=1, clock=ScaledClock(20.0),
                           config={"SupportedFeatureProfiles": "Core,FirmwareManagement,RemoteTrigger"})
    sim.config.set_internal("MaxCurrent", "32")
    await sim.start()
    try:
        await sim.wait_accepted(10)
        await wait_for(lambda: central.commands.is_connected(station.id))
        assert (await central.commands.get_configuration(station.id, ctx=ROOT)).ok  # evdesk learns its profiles
        book = services.scheduled_tasks
        clock = Clock()
        book.now = clock
        task = await book.create(ROOT, TaskInput("Old charger limit", "station_current",
                                                 {"station_ids": [str(station.id)]}, {"amps": 6, "limit_key": "MaxCurrent"}))
        no_key = await book.create(ROOT, TaskInput("Old charger, no key", "station_current",
                                                   {"station_ids": [str(station.id)]}, {"amps": 6}))
        scheduler = TaskScheduler(services, central.commands, seat="s", now=clock)
        await book.run_now(ROOT, task.id)
        await book.run_now(ROOT, no_key.id)
        runs = await scheduler.tick()
        results = {}
        for run in runs:
            run_id = await run
            [o] = await book.run_outcomes(ROOT, run_id)
            results[o["ok"]] = o["message"]
        assert results[True] == "Max current 6 A (key MaxCurrent): Accepted by the station"
        assert "has no smart charging" in results[False]
        assert sim.config.get("MaxCurrent") == "6"
        assert not [p for p in sim.profiles.profiles if p.purpose == "ChargePointMaxProfile"]
    finally:
        await sim.stop()


async def test_the_headless_site_runs_its_scheduler(tmp_path):
    """The scheduler belongs to the site (SiteRuntime), not to the window: `--headless` runs tasks too."""
    from evdesk.runtime import RuntimeOptions, SiteRuntime

    runtime = SiteRuntime(RuntimeOptions(tmp_path, "127.0.0.1", 0, api_enabled=False, pace_gc=False))
    await runtime.start()
    try:
        services = runtime.services
        station = await services.stations.create_station("HEADLESS-1", connectors=1, ctx=ROOT)
        task = await services.scheduled_tasks.create(ROOT, TaskInput(
            "Reset at night", "reset", {"station_ids": [str(station.id)]}, {"kind": "Hard"}))
        await services.scheduled_tasks.run_now(ROOT, task.id)

        async def finished():
            runs = await services.scheduled_tasks.runs(ROOT)
            return runs and runs[0]["finished_at"] is not None and runs[0]

        run = await wait_for(finished, timeout=10)
        assert run["summary"] == "All tasks failed"  # the station never connected
        [outcome] = await services.scheduled_tasks.run_outcomes(ROOT, run["id"])
        assert outcome["message"] == "Hard reset: HEADLESS-1 is not connected; the command was not sent."
    finally:
        await runtime.stop()
