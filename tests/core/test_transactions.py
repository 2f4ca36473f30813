"""Transactions as real chargers report them (INTEROP §4-§6)."""

from __future__ import annotations

from datetime import timedelta

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.core.transactions import (
    FLAG_CLOSED_BY_INACTIVITY,
    FLAG_LATE_STOP,
    FLAG_METER_STOP_BELOW_START,
    FLAG_STOP_WITHOUT_START,
    FLAG_SUSPICIOUS_TIME,
)
from evdesk.store import models as m


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


async def make_station(services, identity="TX-1"):
    await services.store.run(lambda: m.Token.create(uid="TAG1", uid_key="TAG1"))
    return await services.stations.create_station(identity, connectors=2, ctx=SYSTEM_CONTEXT)


async def tx_row(services, ocpp_id):
    return await services.store.run(lambda: m.Transaction.get(m.Transaction.ocpp_id == ocpp_id))


async def orphan_row(services, station_number):
    """A session known only from its Stop: found by the station's number, numbered by evdesk."""
    return await services.store.run(lambda: m.Transaction.get(m.Transaction.station_transaction_id == station_number))


async def test_offline_queue_with_old_timestamps_keeps_station_times(services):
    info = await make_station(services)
    t0 = utcnow() - timedelta(hours=3)
    start = await services.transactions.start(info, 1, "TAG1", 5000, iso(t0))
    services.transactions.meter_values(info, 1, start.ocpp_id, [{"timestamp": iso(t0 + timedelta(minutes=30)), "sampledValue": [{"value": "9000"}]}])
    await services.transactions.stop(info, start.ocpp_id, 12000, iso(t0 + timedelta(hours=1)))
    row = await tx_row(services, start.ocpp_id)
    assert row.started_at == t0.replace(microsecond=0)
    assert row.stopped_at == (t0 + timedelta(hours=1)).replace(microsecond=0)
    assert row.energy_wh == 7000 and row.flags == []


async def test_repeated_start_after_offline_spell_gets_the_same_id(services):
    info = await make_station(services)
    ts = iso(utcnow() - timedelta(minutes=5))
    first = await services.transactions.start(info, 1, "TAG1", 100, ts)
    again = await services.transactions.start(info, 1, "TAG1", 100, ts)
    assert again.duplicate and again.ocpp_id == first.ocpp_id
    assert await services.store.run(lambda: m.Transaction.select().count()) == 1


async def test_stop_for_unknown_transaction_is_recorded_and_flagged(services):
    info = await make_station(services)
    t = utcnow()
    data = [{"timestamp": iso(t - timedelta(minutes=40)), "sampledValue": [{"value": "1000", "context": "Transaction.Begin"}]},
            {"timestamp": iso(t), "sampledValue": [{"value": "4000", "context": "Transaction.End"}]}]
    await services.transactions.stop(info, 777, 4000, iso(t), "TAG1", "Local", data)
    row = await orphan_row(services, 777)
    assert row.ocpp_id < 0  # evdesk's own number, never the station's
    assert FLAG_STOP_WITHOUT_START in row.flags
    assert row.meter_start_wh == 1000 and row.energy_wh == 3000  # from the station's own readings


async def test_stop_for_unknown_transaction_without_readings_invents_no_energy(services):
    info = await make_station(services)
    await services.transactions.stop(info, 778, 4000, iso(utcnow()))
    row = await orphan_row(services, 778)
    assert row.energy_wh is None or row.energy_wh == 0
    assert FLAG_STOP_WITHOUT_START in row.flags


async def test_meter_stop_below_meter_start_is_flagged_not_trusted(services):
    info = await make_station(services)
    start = await services.transactions.start(info, 1, "TAG1", 50_000, iso(utcnow()))
    await services.transactions.stop(info, start.ocpp_id, 400, iso(utcnow()))
    row = await tx_row(services, start.ocpp_id)
    assert FLAG_METER_STOP_BELOW_START in row.flags
    assert row.energy_wh is None


async def test_kwh_readings_are_converted_to_wh(services):
    info = await make_station(services)
    start = await services.transactions.start(info, 1, "TAG1", 0, iso(utcnow()))
    services.transactions.meter_values(info, 1, start.ocpp_id, [{"timestamp": iso(utcnow()), "sampledValue": [
        {"value": "12.345", "unit": "kWh", "measurand": "Energy.Active.Import.Register"},
        {"value": "7.4", "unit": "kW", "measurand": "Power.Active.Import"}]}])
    active = services.transactions.active[start.ocpp_id]
    assert active.meter_last_wh == 12345 and active.power_w == 7400


async def test_clock_aligned_values_with_transaction_id_zero_are_not_attached(services):
    info = await make_station(services)
    start = await services.transactions.start(info, 1, "TAG1", 0, iso(utcnow()))
    services.transactions.meter_values(info, 1, 0, [{"timestamp": iso(utcnow()), "sampledValue": [{"value": "999999", "context": "Sample.Clock"}]}])
    assert services.transactions.active[start.ocpp_id].meter_last_wh == 0
    await services.batch.flush()
    orphan = await services.store.run(lambda: m.MeterValue.select().where(m.MeterValue.transaction.is_null()).count())
    assert orphan == 1


async def test_inactive_session_is_closed_and_a_late_stop_reconciles_it(services):
    info = await make_station(services)
    ended = []
    services.bus.subscribe(ev.TransactionEnded, ended.append)
    start = await services.transactions.start(info, 1, "TAG1", 1000, iso(utcnow()))
    services.transactions.meter_values(info, 1, start.ocpp_id, [{"timestamp": iso(utcnow()), "sampledValue": [{"value": "3000"}]}])
    closed = await services.transactions.close_inactive(now=utcnow() + timedelta(minutes=121))
    assert closed == [start.ocpp_id]
    row = await tx_row(services, start.ocpp_id)
    assert row.state == "closed_inactive" and row.energy_wh == 2000  # from the last real reading
    assert FLAG_CLOSED_BY_INACTIVITY in row.flags
    await services.transactions.stop(info, start.ocpp_id, 5000, iso(utcnow()))
    row = await tx_row(services, start.ocpp_id)
    assert row.state == "completed" and row.energy_wh == 4000 and row.reconciled_at is not None
    assert FLAG_LATE_STOP in row.flags
    assert [e.state for e in ended] == ["closed_inactive", "completed"]


async def test_session_with_recent_meter_values_stays_open(services):
    info = await make_station(services)
    await services.transactions.start(info, 1, "TAG1", 0, iso(utcnow()))
    assert await services.transactions.close_inactive(now=utcnow() + timedelta(minutes=60)) == []


async def test_far_past_timestamp_is_flagged(services):
    info = await make_station(services)
    start = await services.transactions.start(info, 1, "TAG1", 0, "1970-01-01T00:00:10Z")
    row = await tx_row(services, start.ocpp_id)
    assert FLAG_SUSPICIOUS_TIME in row.flags


async def test_ids_continue_after_restart(services, store, site_settings):
    from evdesk.core.services import Services

    info = await make_station(services)
    first = await services.transactions.start(info, 1, "TAG1", 0, iso(utcnow()))
    again = Services(store, site_settings)
    await again.start(load_settings=False)
    assert again.transactions._next_ocpp_id == first.ocpp_id + 1
    assert first.ocpp_id in again.transactions.active  # a running session survives a restart
    await again.stop()


# -- issue 8: what a restart, a crash or a station's odd numbers must not break --------------------
async def restarted(store, site_settings):
    from evdesk.core.services import Services

    again = Services(store, site_settings)
    await again.start(load_settings=False)
    return again


async def test_a_huge_station_number_never_becomes_an_evdesk_id(services, store, site_settings):
    info = await make_station(services)
    await services.transactions.stop(info, 2**63 - 1, 4000, iso(utcnow()))
    row = await orphan_row(services, 2**63 - 1)
    assert row.ocpp_id < 0 and FLAG_STOP_WITHOUT_START in row.flags
    await services.stop()
    again = await restarted(store, site_settings)
    try:
        started = await again.transactions.start(again.stations.get("TX-1"), 1, "TAG1", 0, iso(utcnow()))
        assert started.ocpp_id == 1 and started.decision.accepted
        # the same orphan Stop repeated is recorded once
        await again.transactions.stop(again.stations.get("TX-1"), 2**63 - 1, 4000, iso(utcnow()))
        assert await store.run(lambda: m.Transaction.select().where(
            m.Transaction.station_transaction_id == 2**63 - 1).count()) == 1
    finally:
        await again.stop()


async def test_running_sessions_keep_their_station_after_a_restart(services, store, site_settings):
    info = await make_station(services)
    ts = iso(utcnow())
    first = await services.transactions.start(info, 1, "TAG1", 100, ts)
    await services.stop()
    again = await restarted(store, site_settings)
    try:
        station = again.stations.get("TX-1")
        running = again.transactions.active_on(station.id, 1)
        assert running is not None and running.ocpp_id == first.ocpp_id and running.identity == "TX-1"
        repeated = await again.transactions.start(station, 1, "TAG1", 100, ts)
        assert repeated.duplicate and repeated.ocpp_id == first.ocpp_id
        # meter values without a transaction id land on the session running on the connector
        with again.batch.frame_scope() as ticket:
            again.transactions.meter_values(station, 1, None, [{"timestamp": iso(utcnow()), "sampledValue": [{"value": "900"}]}])
        await again.batch.committed(ticket)
        attached = await store.run(lambda: m.MeterValue.select().where(m.MeterValue.transaction == running.id).count())
        assert attached == 1
    finally:
        await again.stop()


async def test_closing_after_a_crash_uses_the_newest_stored_reading(services, store, site_settings):
    info = await make_station(services)
    start = await services.transactions.start(info, 1, "TAG1", 1000, iso(utcnow()))
    for wh in (2000, 3500, 5200):
        with services.batch.frame_scope() as ticket:
            services.transactions.meter_values(info, 1, start.ocpp_id, [{"timestamp": iso(utcnow()), "sampledValue": [{"value": str(wh)}]}])
        await services.batch.committed(ticket)  # the station was told: stored
    # a crash: the session row's progress snapshot was never written (the housekeeping had not run)
    services.transactions._dirty.clear()
    snapshot = await store.run(lambda: m.Transaction.get(m.Transaction.ocpp_id == start.ocpp_id).meter_last_wh)
    assert snapshot == 1000
    again = await restarted(store, site_settings)
    try:
        assert again.transactions.active[start.ocpp_id].meter_last_wh == 5200
        await again.transactions.close_inactive(now=utcnow() + timedelta(minutes=121))
        row = await tx_row(again, start.ocpp_id)
        assert row.state == "closed_inactive" and row.energy_wh == 4200 and row.meter_last_wh == 5200
    finally:
        await again.stop()
        await services.stop()


async def test_a_connector_reported_free_without_a_stop_is_closed_and_flagged(services):
    from evdesk.core.transactions import FLAG_CONNECTOR_FREED

    info = await make_station(services)
    start = await services.transactions.start(info, 1, "TAG1", 0, iso(utcnow()))
    # the station rebooted, lost the session and says the connector is free; clock-aligned
    # readings without a transaction id keep arriving and must not keep the session alive
    services.bus.publish(ev.ConnectorStatusChanged(info.id, info.identity, 1, "Available", "NoError", "", utcnow()))
    services.transactions.meter_values(info, 1, None, [{"timestamp": iso(utcnow()), "sampledValue": [{"value": "10"}]}])
    assert (await services.auth.authorize(info, 2, "TAG1", "StartTransaction")).status == "ConcurrentTx"
    assert await services.transactions.close_inactive(now=utcnow() + timedelta(minutes=60)) == []
    assert await services.transactions.close_inactive(now=utcnow() + timedelta(minutes=121)) == [start.ocpp_id]
    row = await tx_row(services, start.ocpp_id)
    assert row.state == "closed_inactive" and FLAG_CONNECTOR_FREED in row.flags
    assert (await services.auth.authorize(info, 2, "TAG1", "StartTransaction")).accepted


async def test_a_new_start_on_the_connector_closes_the_session_it_replaces(services):
    from evdesk.core.transactions import FLAG_SUPERSEDED

    info = await make_station(services)
    first = await services.transactions.start(info, 1, "TAG1", 0, iso(utcnow() - timedelta(minutes=2)))
    await services.transactions.stop(info, first.ocpp_id, 10, iso(utcnow()))
    second = await services.transactions.start(info, 1, "TAG1", 10, iso(utcnow() - timedelta(minutes=1)))
    third = await services.transactions.start(info, 1, "TAG1", 20, iso(utcnow()))
    assert third.ocpp_id != second.ocpp_id
    row = await tx_row(services, second.ocpp_id)
    assert row.state == "closed_inactive" and FLAG_SUPERSEDED in row.flags
    assert services.transactions.active_on(info.id, 1).ocpp_id == third.ocpp_id


async def test_signed_meter_values_are_kept_whole_with_format_and_context(services):
    info = await make_station(services)
    start = await services.transactions.start(info, 1, "TAG1", 0, iso(utcnow()))
    signed = "OCMF|" + "A" * 400 + "|{\"SA\":\"ECDSA-secp256r1-SHA256\"}"
    with services.batch.frame_scope() as ticket:
        services.transactions.meter_values(info, 1, start.ocpp_id, [{"timestamp": iso(utcnow()), "sampledValue": [
            {"value": "1234", "context": "Transaction.End", "measurand": "Energy.Active.Import.Register"},
            {"value": signed, "context": "Transaction.End", "format": "SignedData", "measurand": "Energy.Active.Import.Register"}]}])
    await services.batch.committed(ticket)
    samples = await services.store.run(lambda: m.MeterValue.get(m.MeterValue.transaction == services.transactions.active[start.ocpp_id].id).samples)
    assert samples[0][5:] == ["Transaction.End", "Raw"]
    assert samples[1][4] == signed and samples[1][5:] == ["Transaction.End", "SignedData"]
