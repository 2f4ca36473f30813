"""A session's timeline built from what a real station sent over a real websocket, each entry with
its raw OCPP frame (core/reads/session_timeline.py)."""

from __future__ import annotations

import json
from datetime import timedelta

from ocpp.v16 import call

from evdesk.core.clock import utcnow
from evdesk.core.permissions import ADMIN, SYSTEM_CONTEXT, OperatorContext
from evdesk.core.reads.session_timeline import MAX_READINGS
from evdesk.core.reads.sessions import SessionFilter
from evdesk.store import models as m
from tests.csms.rawclient import raw_station


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


async def test_the_timeline_tells_the_session_with_its_frames(central, services):
    info = await services.stations.create_station("CP-TL", connectors=1, ctx=SYSTEM_CONTEXT)
    await services.store.run(lambda: m.Token.create(uid="card-7", uid_key="CARD-7", name="Ann's card"))
    operator = OperatorContext(None, "olga", ADMIN, None, None, display_name="Olga Operator")
    t0 = utcnow() - timedelta(minutes=4)
    async with raw_station(central.url, "CP-TL") as st:
        await st.call(call.StatusNotification(connector_id=1, error_code="NoError", status="Available",
                                              timestamp=iso(t0 - timedelta(minutes=2))))
        auth = await st.call(call.Authorize(id_tag="card-7"))
        assert auth.id_tag_info["status"] == "Accepted"
        await st.call(call.StatusNotification(connector_id=1, error_code="NoError", status="Preparing",
                                              timestamp=iso(t0 - timedelta(seconds=30))))
        start = await st.call(call.StartTransaction(connector_id=1, id_tag="card-7", meter_start=1000, timestamp=iso(t0)))
        tx = start.transaction_id
        await st.call(call.StatusNotification(connector_id=1, error_code="NoError", status="Charging",
                                              timestamp=iso(t0 + timedelta(seconds=5))))
        for i in range(20):
            await st.call(call.MeterValues(connector_id=1, transaction_id=tx, meter_value=[{
                "timestamp": iso(t0 + timedelta(seconds=10 * (i + 1))),
                "sampledValue": [{"value": str(1000 + 30 * (i + 1)), "unit": "Wh", "measurand": "Energy.Active.Import.Register"},
                                 {"value": "11000", "unit": "W", "measurand": "Power.Active.Import"}]}]))
        await st.call(call.StatusNotification(connector_id=1, error_code="NoError", status="SuspendedEV",
                                              timestamp=iso(t0 + timedelta(seconds=215))))
        result = await central.commands.remote_stop(info.id, tx, ctx=operator, reason="Driver called: car is full")
        assert result.outcome == "accepted"
        await st.call(call.StopTransaction(meter_stop=1600, timestamp=iso(utcnow()), transaction_id=tx, id_tag="card-7",
                                           reason="Remote"))
        await st.call(call.StatusNotification(connector_id=1, error_code="NoError", status="Finishing",
                                              timestamp=iso(utcnow())))
        await st.call(call.StatusNotification(connector_id=1, error_code="NoError", status="Available",
                                              timestamp=iso(utcnow() + timedelta(seconds=1))))
    await services.batch.flush()
    await services.status.flush()
    row = (await services.sessions.page(SYSTEM_CONTEXT, SessionFilter(station_id=info.id))).items[0]
    assert row.token_name == "Ann's card" and row.stop_reason == "Remote"
    detail = await services.sessions.get(SYSTEM_CONTEXT, row.id)
    tl = detail.timeline
    titles = [e.title for e in tl]
    # the story, in order (the card was shown when it was received: after the station's start time)
    status_titles = [e.title for e in tl if e.kind == "status"]
    assert status_titles == ["Vehicle connected", "Charging", "Charging paused (EV)", "Finishing", "Vehicle disconnected"]
    assert "Connector free" not in titles  # before the car came: not this session's
    assert titles.index("Vehicle connected") < titles.index(f"Charging session started (#{tx})") < titles.index("Charging")
    assert any(e.kind == "authorization" and e.title == "Token card-7 accepted" for e in tl)
    meters = [e for e in tl if e.kind == "meter"]
    assert len(meters) == MAX_READINGS and "reading 1 of 20" in meters[0].detail and "reading 20 of 20" in meters[-1].detail
    assert meters[-1].title == "Meter reading: 0.600 kWh charged, 11.0 kW"
    (command,) = [e for e in tl if e.kind == "command"]
    assert command.title == "RemoteStopTransaction sent" and command.actor == "Olga Operator"
    assert "Driver called: car is full" in command.detail and "accepted" in command.detail
    (stop,) = [e for e in tl if e.kind == "stop"]
    assert "Remote" in stop.detail and "0.600 kWh charged" in stop.detail
    # every entry from a frame keeps that frame (and the answer to it)
    for entry in tl:
        if entry.kind in ("status", "start", "meter", "stop", "command") or entry.title.startswith("Token"):
            assert entry.frame is not None, entry.title
            assert entry.answer is not None and entry.answer.unique_id == entry.frame.unique_id, entry.title
    start_entry = next(e for e in tl if e.kind == "start")
    assert json.loads(start_entry.frame.payload)[2] == "StartTransaction"
    assert json.loads(start_entry.answer.payload)[2]["transactionId"] == tx
    assert json.loads(command.frame.payload)[3] == {"transactionId": tx} and command.frame.direction == "out"
    assert json.loads(stop.frame.payload)[3]["reason"] == "Remote"
    # the chart has every reading
    assert len(detail.chart) == 22 and detail.chart[0].energy_kwh == 0  # the start, 20 readings, the stop
    assert detail.chart[-1].energy_kwh == 0.6 and detail.chart[-2].power_kw == 11.0
