"""How a command ends, in the action log and in words: accepted, rejected, error, timeout, offline."""

from __future__ import annotations

import asyncio
import json

import pytest

from evdesk.core.errors import ValidationError
from evdesk.core.permissions import ADMIN, SYSTEM_CONTEXT, OperatorContext
from evdesk.store import models as m
from tests.csms.rawclient import RawStation, raw_station
from tests.csms.test_protocol_messages import wait_for

OPERATOR = OperatorContext(None, "Ada Admin", ADMIN)


async def action_rows(services):
    return await services.store.run(lambda: list(m.ActionLog.select().order_by(m.ActionLog.started_at).dicts()))


async def test_offline_station_is_recorded_and_explained(central, services):
    info = await services.stations.create_station("CMD-OFF", ctx=SYSTEM_CONTEXT)
    result = await central.commands.reset(info.id, "Soft", ctx=OPERATOR, reason="weekly restart")
    assert result.outcome == "offline" and "not connected" in result.message
    row = (await action_rows(services))[-1]
    assert (row["actor"], row["reason"], row["action"], row["outcome"]) == ("Ada Admin", "weekly restart", "Reset", "offline")
    assert row["request"] == {"type": "Soft"}


async def test_accepted_command_records_request_and_answer(central, services):
    info = await services.stations.create_station("CMD-OK", ctx=SYSTEM_CONTEXT)
    async with raw_station(central.url, "CMD-OK"):
        result = await central.commands.unlock_connector(info.id, 1, ctx=OPERATOR, reason="cable stuck")
    assert result.ok and result.message == "Connector unlocked"
    row = next(r for r in await action_rows(services) if r["action"] == "UnlockConnector")  # the probe's read may be later
    assert row["outcome"] == "accepted" and row["response"] == {"status": "Unlocked"}
    assert row["finished_at"] is not None


class SilentStation(RawStation):
    async def route_message(self, raw_msg):
        return  # never answers


class RejectingStation(RawStation):
    async def route_message(self, raw_msg):
        msg = json.loads(raw_msg)
        if msg[0] == 2:
            await self._send(json.dumps([3, msg[1], {"status": "Rejected"}]))
        else:
            await super().route_message(raw_msg)


class ErrorStation(RawStation):
    async def route_message(self, raw_msg):
        msg = json.loads(raw_msg)
        if msg[0] == 2:
            await self._send(json.dumps([4, msg[1], "NotSupported", "not on this model", {}]))
        else:
            await super().route_message(raw_msg)


async def _with_station(central, identity, cls):
    from websockets.asyncio.client import connect

    ws = await connect(central.url + identity, subprotocols=["ocpp1.6"])
    st = cls(identity, ws)
    task = asyncio.create_task(st.start())
    return ws, st, task


@pytest.mark.parametrize("cls, outcome, words", [
    (RejectingStation, "rejected", "Rejected by the station: Rejected"),
    (ErrorStation, "error", "NotSupported"),
])
async def test_rejections_and_errors_in_words(central, services, cls, outcome, words):
    info = await services.stations.create_station("CMD-" + outcome, ctx=SYSTEM_CONTEXT)
    ws, st, task = await _with_station(central, info.identity, cls)
    try:
        await wait_for(lambda: central.is_connected(info.identity))
        result = await central.commands.clear_cache(info.id, ctx=OPERATOR, reason="test")
        assert result.outcome == outcome and words in result.message
    finally:
        task.cancel()
        await ws.close()


async def test_answer_breaking_the_schema_is_explained(central, services):
    info = await services.stations.create_station("CMD-ODD", ctx=SYSTEM_CONTEXT)
    ws, st, task = await _with_station(central, info.identity, RejectingStation)
    try:
        await wait_for(lambda: central.is_connected(info.identity))
        # "Rejected" is no UnlockStatus: the answer breaks the schema
        result = await central.commands.unlock_connector(info.id, 1, ctx=OPERATOR, reason="test")
        assert result.outcome == "error" and "skip schema validation" in result.message
    finally:
        task.cancel()
        await ws.close()


async def test_timeout_is_recorded(central, services):
    services.settings.command_timeout = 0.3
    info = await services.stations.create_station("CMD-SLOW", ctx=SYSTEM_CONTEXT)
    ws, st, task = await _with_station(central, info.identity, SilentStation)
    try:
        await wait_for(lambda: central.is_connected(info.identity))
        result = await central.commands.get_local_list_version(info.id, ctx=OPERATOR, reason="check")
        assert result.outcome == "timeout" and "No answer" in result.message
        assert (await action_rows(services))[-1]["outcome"] == "timeout"
    finally:
        task.cancel()
        await ws.close()


async def test_remote_start_without_a_car_is_marked_failed(central, services):
    services.settings.remote_start_timeout = 0.3
    info = await services.stations.create_station("CMD-RS", ctx=SYSTEM_CONTEXT)
    async with raw_station(central.url, "CMD-RS"):
        result = await central.commands.remote_start(info.id, 1, "TAG", ctx=OPERATOR, reason="driver called")
        assert result.ok

        async def remote_start_row():
            return next((r for r in await action_rows(services) if r["action"] == "RemoteStartTransaction"
                         and r["outcome"] != "accepted"), None)

        row = await wait_for(remote_start_row)
    assert row["outcome"] == "failed" and "no session started" in row["error"]


async def test_remote_start_followed_by_a_session_stays_accepted(central, services):
    from ocpp.v16 import call

    services.settings.remote_start_timeout = 0.3
    info = await services.stations.create_station("CMD-RS2", ctx=SYSTEM_CONTEXT)
    async with raw_station(central.url, "CMD-RS2") as st:
        assert (await central.commands.remote_start(info.id, 1, "TAG", ctx=OPERATOR, reason="x")).ok
        watch = central.commands._remote_starts[(info.id, 1)][1]  # the deadline that would mark it failed
        await st.call(call.StartTransaction(connector_id=1, id_tag="TAG", meter_start=0, timestamp="2026-11-22T10:00:00Z"))
        await wait_for(watch.done)
        assert watch.cancelled()  # the session settled it: the deadline never fires
    row = next(r for r in await action_rows(services) if r["action"] == "RemoteStartTransaction")
    assert row["outcome"] == "accepted"


@pytest.mark.parametrize("call_args, field", [
    (("remote_start", 1, "X" * 21), "id_tag"),
    (("reset", "Medium"), "kind"),
    (("trigger_message", "Coffee"), "message"),
    (("update_firmware", "not a url", None), "location"),
    (("get_composite_schedule", 1, 0), "duration"),
])
async def test_bad_command_input_is_refused_before_sending(central, services, call_args, field):
    info = await services.stations.create_station("CMD-BAD", ctx=SYSTEM_CONTEXT)
    name, *args = call_args
    with pytest.raises(ValidationError) as err:
        await getattr(central.commands, name)(info.id, *args, ctx=OPERATOR, reason="x")
    assert err.value.field == field
    assert await action_rows(services) == []


async def test_a_command_sent_while_another_waits_loses_neither_answer(central, services):
    """An operator's command right after a boot, while evdesk's own after-boot call waits for its
    answer: the second call must not throw away the first one's answer (each had a timeout before)."""
    from evdesk.simulator import ScaledClock, SimulatedStation

    services.settings.command_timeout = 3
    stations = []
    for n in range(8):
        await services.stations.create_station(f"BUSY-{n}", connectors=1, ctx=SYSTEM_CONTEXT)
        stations.append(SimulatedStation(f"BUSY-{n}", central.url, connectors=1, clock=ScaledClock(20.0)))

    async def boot_and_command(st):
        await st.start()
        await st.wait_accepted(10)
        return await central.commands.clear_cache(services.stations.get(st.identity).id, ctx=OPERATOR, reason="x")

    try:
        results = await asyncio.gather(*(boot_and_command(st) for st in stations))
        assert [r.outcome for r in results] == ["accepted"] * 8

        async def after_boot_outcomes():
            return await services.store.read(lambda: [a.outcome for a in m.ActionLog.select().where(
                m.ActionLog.action == "ChangeConfiguration")])

        await wait_for_async(lambda: after_boot_outcomes(), lambda got: len(got) == 8 and "pending" not in got, 10)
        assert await after_boot_outcomes() == ["accepted"] * 8
    finally:
        for st in stations:
            await st.stop()


async def wait_for_async(read, done, timeout: float) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not done(await read()):
        assert loop.time() < deadline, "timed out"
        await asyncio.sleep(0.05)
