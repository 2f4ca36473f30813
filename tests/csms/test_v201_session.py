"""OCPP 2.0.1 over real websockets: boot, statuses, authorization and TransactionEvents (blocks B C E G J)."""

from __future__ import annotations

import json

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.store import models as m
from tests.csms.v201_fixtures import station201, stored
from tests.waiting import wait_for


async def test_boot_is_served_as_201_and_statuses_map_to_connectors(central, services):
    async with station201(central, services, evses=2) as st:
        assert st.subprotocol == "ocpp2.0.1" and st.boot_statuses == ["Accepted"]
        assert central.connections["V201-1"].ocpp_version == "2.0.1"
        await wait_for(lambda: services.stations.get("V201-1").connectors.get(2) is not None)
        assert services.stations.get("V201-1").connectors[1].status == "Available"
        assert (await st.heartbeat())["currentTime"].endswith("Z")
        row = await stored(services, lambda: m.Station.get(m.Station.identity == "V201-1"))
        assert (row.ocpp_version, row.vendor, row.model, row.serial_number) == ("2.0.1", "evdesk", "Sim201", "SN-V201-1")


async def test_a_pending_station_is_accepted_once_adopted(central, services):
    services.stations.settings.unknown_station_policy = "pending"
    st_ctx = station201(central, services, "V201-NEW", create=False, token=None, boot=False)
    async with st_ctx as st:
        answer = await st.boot()
        assert answer["status"] == "Pending"
        refused = await st.send_raw(json.dumps([2, "hb-1", "Heartbeat", {}]))
        assert json.loads(refused)[2] == "SecurityError"
        info = services.stations.get("V201-NEW")
        await services.stations.adopt(info.id, ctx=SYSTEM_CONTEXT)
        # adoption triggers a boot (TriggerMessage BootNotification), which is accepted now
        await wait_for(lambda: "Accepted" in st.boot_statuses, 10)
        assert ("TriggerMessage", {"requestedMessage": "BootNotification"}) in st.received


async def test_authorize_with_id_token_types_and_group_token(central, services):
    parent = await services.store.run(lambda: m.Token.create(uid="PARENT-1", uid_key="PARENT-1"))
    await services.store.run(lambda: m.Token.create(uid="CHILD-1", uid_key="CHILD-1", parent=parent.id))
    async with station201(central, services) as st:
        child = await st.authorize("child-1", "ISO14443")
        assert child["status"] == "Accepted" and child["groupIdToken"] == {"idToken": "PARENT-1", "type": "Central"}
        assert (await st.authorize("NOBODY", "eMAID"))["status"] == "Invalid"
        assert (await st.authorize("", "NoAuthorization"))["status"] == "Invalid"  # not a free-charging station


async def test_a_full_session_with_transaction_events_is_priced_and_logged(central, services):
    tariff = await services.tariffs.create_tariff(SYSTEM_CONTEXT, "Energy", {
        "kind": "energy_time", "energy_price": "0.50", "time_price": "0", "time_unit": "hour", "connection_fee": "1"})
    group = await services.tariffs.create_group(SYSTEM_CONTEXT, "Yard", [{"tariff_id": str(tariff.id)}])
    async with station201(central, services) as st:
        await services.tariffs.assign(SYSTEM_CONTEXT, group.id, station_id=services.stations.get("V201-1").id)
        tx = await st.start_transaction(1, "TAG-201", meter_wh=1000)
        assert tx.last_answer["idTokenInfo"]["status"] == "Accepted"
        await wait_for(lambda: services.transactions.active_on(services.stations.get("V201-1").id, 1) is not None)
        await st.charge(1, 2500)
        await st.charge(1, 1500)
        ended = await st.end_transaction(1, "EVDisconnected", "EVCommunicationLost")
        assert ended == {}
    row = await stored(services, lambda: m.Transaction.get(m.Transaction.connector_id == 1))
    assert (row.state, row.meter_start_wh, row.meter_stop_wh, row.energy_wh) == ("completed", 1000, 5000, 4000)
    assert row.stop_reason == "EVDisconnected" and row.id_tag == "TAG-201" and row.currency
    assert row.tariff_name == "Energy" and row.cost_total_minor == 300  # 1 + 4 kWh × 0.50
    ref = await stored(services, lambda: m.TransactionRef.get(m.TransactionRef.transaction_ref == tx.id))
    assert (ref.ocpp_id, ref.seq_nos, ref.ended) == (row.ocpp_id, [0, 1, 2, 3], True)
    readings = await stored(services, lambda: list(m.MeterValue.select().where(m.MeterValue.transaction == row.id)
                                                   .order_by(m.MeterValue.timestamp).dicts()))
    assert [r["energy_wh"] for r in readings][-1] == 5000 and any(r["power_w"] == 11000 for r in readings)
    assert {r["connector_id"] for r in readings} == {1}  # later events name no EVSE: the session's
    frames = await stored(services, lambda: list(m.MessageLog.select().where(m.MessageLog.action == "TransactionEvent")))
    assert len(frames) == 8  # 4 events and their answers in the communication log


async def test_offline_ended_sent_late_and_out_of_order_is_one_session(central, services):
    async with station201(central, services) as st:
        await st.start_transaction(1, "TAG-201", meter_wh=0)
        await st.go_offline()
        await st.charge(1, 3000)
        await st.charge(1, 2000)
        await st.end_transaction(1, "Local")
        assert [p["seqNo"] for _, p in st.queue] == [1, 2, 3] and all(p["offline"] for _, p in st.queue)
        await st.go_online(reverse=True)  # Ended first, then the Updated events
        tx = st.ended[-1]
        # a resent event (the station did not hear the answer) is answered and not applied twice
        again = await st.call("TransactionEvent", {"eventType": "Ended", "timestamp": "2026-11-30T01:00:00Z",
                                                   "triggerReason": "StopAuthorized", "seqNo": 3,
                                                   "transactionInfo": {"transactionId": tx.id}})
        assert again == {}
    rows = await stored(services, lambda: list(m.Transaction.select().dicts()))
    assert len(rows) == 1
    assert (rows[0]["state"], rows[0]["energy_wh"], rows[0]["stop_reason"]) == ("completed", 5000, "Local")
    ref = await stored(services, lambda: m.TransactionRef.get())
    assert ref.seq_nos == [0, 1, 2, 3] and ref.ended
    readings = await stored(services, lambda: m.MeterValue.select().where(m.MeterValue.transaction == rows[0]["id"]).count())
    assert readings >= 3  # the late Updated readings still belong to the session


async def test_ended_without_started_makes_a_session(central, services):
    async with station201(central, services) as st:
        await st.call("TransactionEvent", {
            "eventType": "Ended", "timestamp": "2026-11-30T01:00:00Z", "triggerReason": "EVCommunicationLost",
            "seqNo": 5, "offline": True, "evse": {"id": 2, "connectorId": 1},
            "transactionInfo": {"transactionId": "LOST-START", "stoppedReason": "PowerLoss"},
            "meterValue": [{"timestamp": "2026-11-30T01:00:00Z", "sampledValue": [
                {"value": 7.5, "context": "Transaction.End", "unitOfMeasure": {"unit": "kWh"}}]}]})
    row = await stored(services, lambda: m.Transaction.get())
    assert (row.connector_id, row.state, row.meter_stop_wh, row.stop_reason) == (2, "completed", 7500, "PowerLoss")
    events = await stored(services, lambda: list(m.StationEvent.select().where(m.StationEvent.kind == "transaction")))
    assert "first heard as Ended" in events[0].detail


async def test_the_timeline_shows_the_sessions_transaction_events_with_their_frames(central, services):
    from evdesk.core.reads.sessions import SessionFilter

    async with station201(central, services) as st:
        await st.start_transaction(1, "TAG-201", meter_wh=0)
        await st.charge(1, 2000)
        await st.go_offline()
        await st.end_transaction(1, "EVDisconnected", "EVCommunicationLost")
        await st.go_online()
        await st.start_transaction(1, "TAG-201", meter_wh=2000)  # the next session: not in this timeline
    await services.batch.flush()

    rows = (await services.sessions.page(SYSTEM_CONTEXT, SessionFilter(station_id=services.stations.get("V201-1").id))).items
    first = min(rows, key=lambda r: r.started_at)
    detail = await services.sessions.get(SYSTEM_CONTEXT, first.id)
    events = [e for e in detail.timeline if e.kind == "event"]
    assert [e.title for e in events] == ["TransactionEvent Started (seqNo 0)", "TransactionEvent Updated (seqNo 1)",
                                         "TransactionEvent Ended (seqNo 2)"]
    assert all(e.frame is not None and e.answer is not None for e in events)
    assert "sent offline, later" in events[-1].detail and "the vehicle was disconnected" in events[-1].detail
    assert "Trigger Authorized" in events[0].detail and "token TAG-201" in events[0].detail


async def test_station_reports_go_to_the_event_feed_and_meter_values_are_stored(central, services):
    async with station201(central, services) as st:
        answer = await st.call("DataTransfer", {"vendorId": "com.acme", "messageId": "hello", "data": "42"})
        assert answer == {"status": "UnknownVendorId"}
        assert await st.call("SecurityEventNotification", {"type": "TamperDetectionActivated",
                                                           "timestamp": "2026-11-30T00:00:00Z",
                                                           "techInfo": "lid opened"}) == {}
        assert await st.call("ReservationStatusUpdate", {"reservationId": 9, "reservationUpdateStatus": "Expired"}) == {}
        assert await st.call("MeterValues", {"evseId": 2, "meterValue": [{"timestamp": "2026-11-30T00:00:00Z",
                                                                          "sampledValue": [{"value": 3.25, "unitOfMeasure": {"unit": "kWh"}}]}]}) == {}
    events = await stored(services, lambda: {(e.kind, e.state): e.detail for e in m.StationEvent.select()})
    assert "com.acme" in events[("data_transfer", "received")]
    assert events[("security", "TamperDetectionActivated")] == "lid opened"
    assert events[("reservation", "Expired")] == "reservation 9"
    reading = await stored(services, lambda: m.MeterValue.get())
    assert (reading.connector_id, reading.energy_wh, reading.transaction_id) == (2, 3250, None)


async def test_a_transaction_ends_in_its_session_after_evdesk_restarted(store, services, central):
    from evdesk.core.services import Services
    from evdesk.csms.server import CentralSystem
    from evdesk.settings import SiteSettings
    from evdesk.simulator.v201 import SimulatedStation201

    async with station201(central, services) as st:
        await st.start_transaction(1, "TAG-201", meter_wh=500)
        await st.charge(1, 1500)
        tx = st.transactions[1]
    await central.stop()
    await services.stop()
    restarted = Services(store, SiteSettings(post_boot_quiet_seconds=0.0))
    await restarted.start(load_settings=False)
    again = CentralSystem(restarted, "127.0.0.1", 0)
    await again.start()
    try:
        st2 = SimulatedStation201(again.url, "V201-1", evses=2)
        st2.transactions[1] = tx  # the charger kept its transaction through evdesk's restart
        await st2.start()
        await st2.charge(1, 1000)
        await st2.end_transaction(1, "Local")
        await st2.stop()
        await restarted.batch.flush()
        rows = await store.run(lambda: list(m.Transaction.select().dicts()))
        assert len(rows) == 1 and (rows[0]["state"], rows[0]["energy_wh"]) == ("completed", 2500)
        ref = await store.run(lambda: m.TransactionRef.get())
        assert ref.seq_nos == [0, 1, 2, 3] and ref.ended
    finally:
        await again.stop()
        await restarted.stop()


async def test_a_started_event_that_comes_last_moves_the_session_start_back_and_reprices(central, services):
    tariff = await services.tariffs.create_tariff(SYSTEM_CONTEXT, "Energy", {
        "kind": "energy_time", "energy_price": "1", "time_price": "0", "time_unit": "hour", "connection_fee": "0"})
    group = await services.tariffs.create_group(SYSTEM_CONTEXT, "Yard", [{"tariff_id": str(tariff.id)}])
    async with station201(central, services) as st:
        await services.tariffs.assign(SYSTEM_CONTEXT, group.id, station_id=services.stations.get("V201-1").id)
        await st.go_offline()
        await st.start_transaction(1, "TAG-201", meter_wh=1000)
        await st.charge(1, 2000)
        await st.end_transaction(1, "Local")
        started = st.queue[0][1]
        await st.go_online(reverse=True)  # Ended, Updated, then the Started
    row = await stored(services, lambda: m.Transaction.get())
    assert row.started_at.isoformat().startswith(started["timestamp"][:19])
    assert (row.meter_start_wh, row.meter_stop_wh, row.energy_wh) == (1000, 3000, 2000)
    assert row.cost_total_minor == 200  # 2 kWh × 1, priced again with the corrected start
    reprice = await stored(services, lambda: m.ActionLog.get(m.ActionLog.action == "Reprice"))
    assert reprice.reason == "its Started event came late"


async def test_a_started_event_waits_for_one_commit_with_its_reference(central, services):
    """The session row and the station's transaction reference go into one group commit: the
    station's Started was answered after two commits in a row (p50 about 3 s in the mixed-fleet
    benchmark under load)."""
    async with station201(central, services) as st:
        batch, waits, calls = services.batch, [], []
        real_committed, real_call = batch.committed, batch.call

        async def committed(ticket):
            waits.append(ticket)
            return await real_committed(ticket)

        async def call(fn, *args, **kwargs):
            calls.append(getattr(fn, "__name__", repr(fn)))
            return await real_call(fn, *args, **kwargs)

        batch.committed, batch.call = committed, call
        try:
            tx = await st.start_transaction(1, "TAG-201", meter_wh=1000)
        finally:
            batch.committed, batch.call = real_committed, real_call
        assert tx.last_answer["idTokenInfo"]["status"] == "Accepted"
        assert "insert_ref" not in calls and len(waits) >= 1
        session = services.transactions.active_on(services.stations.get("V201-1").id, 1)
        ref = await services.store.read(lambda: m.TransactionRef.get(m.TransactionRef.ocpp_id == session.ocpp_id))
        assert ref.transaction_ref == tx.id and ref.seq_nos == [0] and not ref.ended
        await st.charge(1, 500)  # the next event finds the reference the commit wrote
        await st.end_transaction(1, "EVDisconnected", "EVCommunicationLost")
        await wait_for(lambda: services.transactions.active_on(services.stations.get("V201-1").id, 1) is None)
