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
    row = await tx_row(services, 777)
    assert FLAG_STOP_WITHOUT_START in row.flags
    assert row.meter_start_wh == 1000 and row.energy_wh == 3000  # from the station's own readings


async def test_stop_for_unknown_transaction_without_readings_invents_no_energy(services):
    info = await make_station(services)
    await services.transactions.stop(info, 778, 4000, iso(utcnow()))
    row = await tx_row(services, 778)
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
