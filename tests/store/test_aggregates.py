"""The hourly aggregates kept in the write path equal the raw rows: after a run through the real
services (sessions crossing hours and midnight, readings, a failed session, status changes with a
fault), the kept rows equal a rebuild from scratch and queries over the raw rows."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta, timezone

import peewee

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.store import aggregates
from evdesk.store import models as m

DAY0 = datetime(2026, 3, 28, 21, 0, tzinfo=timezone.utc)  # evening before the EU clocks change


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def reading(at, wh):
    return [{"timestamp": iso(at), "sampledValue": [{"value": str(wh), "measurand": "Energy.Active.Import.Register"}]}]


async def simulated_run(services):
    """Two stations, six sessions (two across midnight, one over 3 hours, a refused one, one still
    running), readings every 20 minutes with a pause (parked time), status changes and a fault."""
    def people():
        for n, tag in enumerate(("TAG1", "TAG2")):
            user = m.ChargingUser.create(first_name=f"Driver {n + 1}", email=f"driver{n + 1}@depot.example")
            m.Token.create(uid=tag, uid_key=tag, user=user)
    await services.store.run(people)
    a = await services.stations.create_station("AGG-1", connectors=2, ctx=SYSTEM_CONTEXT)
    b = await services.stations.create_station("AGG-2", connectors=1, ctx=SYSTEM_CONTEXT)
    tx = services.transactions
    plan = [  # station, connector, tag, start offset (min), minutes, Wh per 20 min (0: none), stop?
        (a, 1, "TAG1", 10, 200, 2500, True),    # 21:10 -> 00:30, across midnight
        (a, 2, "TAG2", 55, 95, 4000, True),     # 21:55 -> 23:30
        (b, 1, "TAG1", 170, 75, 3000, True),    # 23:50 -> 01:05, across midnight
        (a, 1, "TAG2", 300, 40, 0, True),       # 02:00 -> 02:40, no energy: failed
        (b, 1, "UNKNOWN", 400, 30, 1000, True),  # not authorized: failed
        (a, 2, "TAG1", 420, 70, 1500, False),   # 04:00 -> running, newest reading at 05:00
    ]
    for station, connector, tag, offset, minutes, step, stops in plan:
        start_at = DAY0 + timedelta(minutes=offset)
        services.status.status_notification(station, connector, "Preparing", timestamp=iso(start_at - timedelta(minutes=1)))
        started = await tx.start(station, connector, tag, 10_000, iso(start_at))
        services.status.status_notification(station, connector, "Charging", timestamp=iso(start_at + timedelta(seconds=30)))
        wh = 10_000
        for n in range(1, minutes // 20 + 1):
            at = start_at + timedelta(minutes=20 * n)
            if step and n != 3:  # the third reading repeats the register: 20 parked minutes
                wh += step
            tx.meter_values(station, connector, started.ocpp_id, reading(at, wh))
        if stops:
            stop_at = start_at + timedelta(minutes=minutes)
            await tx.stop(station, started.ocpp_id, wh, iso(stop_at))
            services.status.status_notification(station, connector, "Available", timestamp=iso(stop_at + timedelta(minutes=2)))
    services.status.status_notification(b, 1, "Faulted", "GroundFailure", timestamp=iso(DAY0 + timedelta(hours=8, minutes=15)))
    services.status.status_notification(b, 1, "Available", timestamp=iso(DAY0 + timedelta(hours=10, minutes=45)))
    services.status.status_notification(a, 1, "Unavailable", timestamp=iso(DAY0 + timedelta(hours=7)))
    services.status.status_notification(a, 1, "Available", timestamp=iso(DAY0 + timedelta(hours=7, minutes=30)))
    await services.batch.fold_aggregates()  # the aggregates fold in a moment after the commit
    return a, b


def kept_rows():
    def table(model, keys):
        return {tuple(r[k] for k in keys): {c: v for c, v in r.items() if c not in keys}
                for r in model.select().dicts()}
    return (table(m.ConnectorHour, ("station", "connector_id", "hour")),
            table(m.ConnectorDay, ("station", "connector_id", "day")),
            table(m.ConnectorHourRevenue, ("station", "connector_id", "hour", "currency")),
            table(m.SessionHour, ("tx", "hour")),
            table(m.ConnectorMonth, ("station", "connector_id", "month")),
            table(m.ConnectorMonthRevenue, ("station", "connector_id", "month", "currency")))


def without_zero_rows(table):
    return {k: v for k, v in table.items() if any(v.values())}


async def test_kept_aggregates_equal_a_rebuild_and_the_raw_rows(services):
    await simulated_run(services)
    kept = await services.store.run(kept_rows)
    assert kept[0], "the run wrote hourly rows"

    def rebuilt():
        aggregates.rebuild()
        return kept_rows()
    again = await services.store.run(rebuilt)
    for mine, theirs in zip(kept, again):
        assert without_zero_rows(mine) == without_zero_rows(theirs)

    def raw():
        T, E = m.Transaction, m.StatusEvent
        started, failed = defaultdict(int), defaultdict(int)
        energy, plugged = defaultdict(int), defaultdict(int)
        for r in T.select().where(T.deleted_at.is_null()):
            key = (r.station_id, r.connector_id)
            started[key + (aggregates.hour_of(r.started_at),)] += 1
            if r.state == "failed" or "not_authorized" in r.flags or (r.state == "completed" and not r.energy_wh):
                failed[key] += 1
            V = m.MeterValue
            newest, newest_at = (V.select(V.energy_wh, V.timestamp).where(V.transaction == r.id)
                                 .order_by(V.timestamp.desc()).tuples().first() or (r.meter_start_wh, r.started_at))
            end = r.stopped_at or newest_at
            energy[key] += (r.meter_stop_wh if r.stopped_at else newest) - r.meter_start_wh
            plugged[key] += int((end - r.started_at).total_seconds())
        faulted = defaultdict(float)
        for station, connector in {(e.station_id, e.connector_id) for e in E.select()}:
            events = list(E.select().where((E.station == station) & (E.connector_id == connector)).order_by(E.timestamp))
            for e0, e1 in zip(events, events[1:]):
                if e0.status == "Faulted":
                    faulted[(station, connector)] += (e1.timestamp - e0.timestamp).total_seconds()
        return started, failed, energy, plugged, faulted

    started, failed, energy, plugged, faulted = await services.store.run(raw)
    hours = kept[0]
    assert {k: v["sessions_started"] for k, v in hours.items() if v["sessions_started"]} == dict(started)
    per_point = defaultdict(lambda: defaultdict(int))
    for (station, connector, _hour), v in hours.items():
        for name, value in v.items():
            per_point[(station, connector)][name] += value
    assert {k: v["sessions_failed"] for k, v in per_point.items() if v["sessions_failed"]} == dict(failed)
    assert sum(failed.values()) == 2
    for key, wh in energy.items():
        assert per_point[key]["energy_wh"] == wh, key
    for key, seconds in plugged.items():
        assert abs(per_point[key]["plugged_s"] - seconds) <= 6, key  # whole seconds, rounded per hour
    for key, seconds in faulted.items():
        assert abs(per_point[key]["faulted_s"] - seconds) <= 3
    assert max(faulted.values()) == 2.5 * 3600
    # every day row is the sum of its hours
    days = defaultdict(lambda: defaultdict(int))
    for (station, connector, hour), v in hours.items():
        for name, value in v.items():
            days[(station, connector, hour // 24)][name] += value
    assert without_zero_rows({k: dict(v) for k, v in days.items()}) == without_zero_rows(kept[1])


async def test_sessions_across_midnight_split_energy_by_hour(services):
    a, b = await simulated_run(services)

    def first_session_hours():
        T, SH = m.Transaction, m.SessionHour
        first = T.select().where((T.station == a.id) & (T.connector_id == 1)).order_by(T.started_at).first()
        return first, {r.hour: r for r in SH.select().where(SH.tx == first.id)}

    first, hours = await services.store.run(first_session_hours)
    start_hour = aggregates.hour_of(first.started_at)
    assert sorted(hours) == [start_hour + n for n in range(4)]  # 21:10 .. 00:30 spans four UTC hours
    assert sum(h.energy_wh for h in hours.values()) == first.energy_wh == 9 * 2500
    assert hours[start_hour].started == 1 and all(h.started == 0 for k, h in hours.items() if k != start_hour)
    assert hours[start_hour].plugged_s == 50 * 60 and hours[start_hour + 3].plugged_s == 30 * 60
    # the 20 minutes without register growth are parked, not charging
    assert sum(h.plugged_s - h.charging_s for h in hours.values()) == 20 * 60  # the pause


async def test_a_late_status_event_inside_history_recomputes_the_hours_it_splits(services):
    a, b = await simulated_run(services)
    # a Faulted reported late (an offline queue), between events already stored
    services.status.status_notification(a, 2, "Faulted", timestamp=iso(DAY0 + timedelta(hours=5, minutes=30)))
    await services.batch.fold_aggregates()  # the aggregates fold in a moment after the commit

    def both():
        kept = kept_rows()
        aggregates.rebuild()
        return kept, kept_rows()
    kept, again = await services.store.run(both)
    assert without_zero_rows(kept[0]) == without_zero_rows(again[0])


async def test_a_running_sessions_readings_fold_in_at_most_every_few_minutes_and_its_stop_at_once(services):
    from evdesk.store import write as w
    from evdesk.store.fields import uuid7

    def run():
        station = w.versioned_insert(m.Station, identity="FOLD-1")
        tx = w.versioned_insert(m.Transaction, ocpp_id=9, station=station.id, connector_id=1, started_at=DAY0,
                                meter_start_wh=0)

        def readings(minutes, wh):
            rows = [{"id": uuid7(), "station": station.id, "transaction": tx.id, "connector_id": 1,
                     "timestamp": DAY0 + timedelta(minutes=minutes), "energy_wh": float(wh)}]
            m.MeterValue.insert_many(rows).execute()
            aggregates.rows_inserted(m.MeterValue, rows)  # as the group commit tells it

        def energy():
            return m.ConnectorHour.select(peewee.fn.SUM(m.ConnectorHour.energy_wh)).scalar()

        readings(10, 1000)
        first = energy()
        readings(20, 2000)  # within READINGS_EVERY: not folded in yet
        second = energy()
        w.versioned_update(m.Transaction, tx.id, None, state="completed", stopped_at=DAY0 + timedelta(minutes=30),
                           meter_stop_wh=2500, energy_wh=2500)
        return first, second, energy()

    assert await services.store.run(run) == (1000, 1000, 2500)
