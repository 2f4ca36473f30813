"""The pricing engine against the manuals' worked examples, to the cent, and its written rules."""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from evdesk.core.errors import ValidationError
from evdesk.core.pricing import Span, Usage, price, prices_from_dict
from evdesk.core.pricing.engine import day_night_spans
from evdesk.core.pricing.selection import GroupEntry, Restriction, TimeWindow, Who, choose_tariff

UTC = timezone.utc
BERLIN = ZoneInfo("Europe/Berlin")
T0 = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)


def usage(minutes: float, kwh: float, **kw) -> Usage:
    return Usage(T0, T0 + timedelta(minutes=minutes), round(kwh * 1000), **kw)


POWER_LEVELS = prices_from_dict({"kind": "power_levels", "levels": [
    {"max_kw": "7.4", "price_per_minute": "0.10"}, {"max_kw": "11", "price_per_minute": "0.12"},
    {"max_kw": "22", "price_per_minute": "0.15"}]})


@pytest.mark.parametrize("average_kw, total", [(15, "9.00"), (7.0, "6.00"), (9, "7.20"), (11.0, "7.20"),
                                                (7.4, "6.00"), (30, "9.00"), (0, "6.00")])
def test_power_levels_as_in_the_manual(average_kw, total):
    # 001 l.734-755: one hour between 11 and 22 kW pays 0.15/min = 9.00; a 7.4 kW car 6.00
    assert price(POWER_LEVELS, usage(60, average_kw)).total == Decimal(total)


def test_my_test_tariff_of_the_echarge_manual():
    # 002 l.663-688 with its 5.3 kWh session of 00:14:23: 2.65 + 0.24 + 5.00 = £7.89
    tariff = prices_from_dict({"kind": "energy_time", "currency": "GBP", "energy_price": "0.50",
                               "time_price": "1", "time_unit": "hour", "connection_fee": "5"})
    result = price(tariff, Usage(T0, T0 + timedelta(minutes=14, seconds=23), 5300))
    assert {ln.code: ln.amount for ln in result.lines} == {
        "connection": Decimal("5.00"), "energy": Decimal("2.65"), "time": Decimal("0.24")}
    assert result.total == Decimal("7.89") and result.currency == "GBP"


DEMO_TARIF = {"kind": "ac_dc", "prices_include_vat": False, "energy_price": "0.4000", "minute_fee": "0.0200",
              "minute_fee_from": 60, "dc_energy_price": "0.5000", "dc_minute_fee": "0.0200", "dc_minute_fee_from": 60}


@pytest.mark.parametrize("minutes, kwh, current, net", [
    (90, 20, "AC", "8.60"), (45, 10, "AC", "4.00"), (90, 20, "DC", "10.60"),
    (90.9, 20, "AC", "8.60"),  # whole minutes after minute 60 only
    (61, 0, "AC", "0.02")])
def test_demo_tarif_with_its_blocking_fee(minutes, kwh, current, net):
    # 004 l.883-885: 0.02 €/min from minute 60; prices are net
    result = price(prices_from_dict(DEMO_TARIF), usage(minutes, kwh, current=current))
    assert result.net == Decimal(net) and result.vat == 0 and result.total == Decimal(net)


def test_vat_added_to_net_prices_and_taken_out_of_gross_ones():
    net_tariff = prices_from_dict({**DEMO_TARIF, "vat_rate": "19"})
    result = price(net_tariff, usage(90, 20))
    assert (result.net, result.vat, result.total) == (Decimal("8.60"), Decimal("1.63"), Decimal("10.23"))
    gross = prices_from_dict({"kind": "flat", "session_price": "7.89", "vat_rate": "20"})
    result = price(gross, usage(10, 1))
    assert (result.net, result.vat, result.total) == (Decimal("6.57"), Decimal("1.32"), Decimal("7.89"))


def test_lines_round_half_up_and_the_total_is_their_sum():
    tariff = prices_from_dict({"kind": "energy_time", "energy_price": "0.3333", "time_price": "0.0125",
                               "time_unit": "minute"})
    result = price(tariff, Usage(T0, T0 + timedelta(minutes=30), 1500))  # 0.49995 → 0.50, 0.375 → 0.38
    assert [ln.amount for ln in result.lines] == [Decimal("0.50"), Decimal("0.38")]
    assert result.total == Decimal("0.88")


def test_free_and_flat():
    assert price(prices_from_dict({"kind": "free"}), usage(600, 80)).total == 0
    assert price(prices_from_dict({"kind": "free"}), usage(600, 80)).lines == ()
    flat = prices_from_dict({"kind": "flat", "session_price": "3.5"})
    assert price(flat, usage(1, 0)).total == price(flat, usage(900, 70)).total == Decimal("3.50")


DAY_NIGHT = {"kind": "day_night", "day_starts": "07:00", "night_starts": "22:00", "energy_price": "0.40",
             "night_energy_price": "0.20", "time_price": "1.00", "night_time_price": "0.50", "time_unit": "hour"}


def local(*args) -> datetime:
    return datetime(*args, tzinfo=BERLIN).astimezone(UTC)


def test_day_night_splits_minutes_and_energy_at_the_boundary():
    start = local(2026, 6, 1, 21, 0)
    result = price(prices_from_dict(DAY_NIGHT), Usage(start, start + timedelta(hours=2), 10_000), BERLIN)
    lines = {ln.code: (ln.quantity, ln.amount) for ln in result.lines}
    assert lines["energy"] == (Decimal(5), Decimal("2.00")) and lines["energy_night"] == (Decimal(5), Decimal("1.00"))
    assert lines["time"][1] == Decimal("1.00") and lines["time_night"][1] == Decimal("0.50")
    assert result.total == Decimal("4.50")


def test_day_night_follows_the_readings_not_an_even_spread():
    start = local(2026, 6, 1, 21, 0)
    readings = ((start + timedelta(minutes=60), 10_000.0),)  # everything charged before 22:00
    result = price(prices_from_dict(DAY_NIGHT), Usage(start, start + timedelta(hours=2), 10_000, readings), BERLIN)
    assert result.amount_of("energy") == Decimal("4.00") and result.amount_of("energy_night") == 0


def test_a_session_over_midnight_is_all_night():
    start = local(2026, 6, 1, 23, 0)
    result = price(prices_from_dict(DAY_NIGHT), Usage(start, start + timedelta(hours=2), 4_000), BERLIN)
    assert result.amount_of("energy", "time") == 0
    assert result.total == Decimal("0.80") + Decimal("1.00")


def test_dst_spring_forward_night_is_an_hour_shorter():
    # 2026-03-29 02:00 → 03:00 in Berlin: the night of 22:00–07:00 lasts 8 real hours
    start, end = local(2026, 3, 28, 21, 0), local(2026, 3, 29, 8, 0)
    spans = day_night_spans(start, end, BERLIN, time(7), time(22))
    hours = [(s.seconds / 3600, is_day) for s, is_day in spans]
    assert hours == [(1, True), (8, False), (1, True)]
    result = price(prices_from_dict({**DAY_NIGHT, "energy_price": "0", "night_energy_price": "0"}),
                   Usage(start, end, 0), BERLIN)
    assert result.total == Decimal("2.00") + Decimal("4.00")


def test_dst_fall_back_night_is_an_hour_longer():
    start, end = local(2026, 10, 24, 21, 0), local(2026, 10, 25, 8, 0)
    spans = day_night_spans(start, end, BERLIN, time(7), time(22))
    assert [(s.seconds / 3600, d) for s, d in spans] == [(1, True), (10, False), (1, True)]


def test_time_basis_charging_counts_only_charging_spans():
    tariff = prices_from_dict({"kind": "energy_time", "time_price": "1", "time_unit": "hour",
                               "time_basis": "charging"})
    spans = (Span(T0 + timedelta(minutes=10), T0 + timedelta(minutes=40)),)
    assert price(tariff, usage(120, 5, charging=spans)).total == Decimal("0.50")
    assert price(tariff, usage(120, 5)).total == Decimal("2.00")  # charging spans unknown: the whole session


def test_parking_fee_after_the_grace_minutes_runs_past_the_stop():
    tariff = prices_from_dict({"kind": "energy_time", "energy_price": "0", "idle_fee_per_hour": "5",
                               "idle_grace_minutes": 30})
    idle = (Span(T0 + timedelta(minutes=60), T0 + timedelta(minutes=150)),)  # the cable stays in 30 min past the stop
    assert price(tariff, usage(120, 5, idle=idle)).total == Decimal("5.00")


def test_price_is_a_function_of_what_the_station_reported_not_of_when_it_is_computed():
    # an offline session replayed hours later carries the station's times and prices the same
    tariff = prices_from_dict(DAY_NIGHT)
    start = local(2026, 6, 1, 21, 30)
    first = price(tariff, Usage(start, start + timedelta(hours=1), 7_000), BERLIN)
    again = price(prices_from_dict(tariff.to_dict()), Usage(start, start + timedelta(hours=1), 7_000), BERLIN)
    assert first == again


def test_snapshot_round_trip_keeps_every_price():
    for data in (DAY_NIGHT, DEMO_TARIF, {"kind": "power_levels", "levels": [{"max_kw": "7.4", "price_per_minute": "0.1"}],
                                         "max_minutes": 120, "max_kwh": "30", "max_cost": "25"}):
        prices = prices_from_dict(data)
        assert prices_from_dict(prices.to_dict()) == prices


@pytest.mark.parametrize("data, field", [
    ({"kind": "flat", "session_price": "1.23456"}, "session_price"),
    ({"kind": "flat", "session_price": "-1"}, "session_price"),
    ({"kind": "flat", "session_price": "nan"}, "session_price"),
    ({"kind": "flat", "session_price": "1e400"}, "session_price"),
    ({"kind": "energy_time", "time_unit": "fortnight"}, "time_unit"),
    ({"kind": "day_night", "day_starts": "07:00", "night_starts": "07:00"}, "night_starts"),
    ({"kind": "day_night", "day_starts": "25:00", "night_starts": "07:00"}, "day_starts"),
    ({"kind": "day_night", "night_starts": "22:00"}, "day_starts"),
    ({"kind": "power_levels", "levels": []}, "levels"),
    ({"kind": "power_levels", "levels": [{"max_kw": "11", "price_per_minute": "0.1"},
                                         {"max_kw": "11.00", "price_per_minute": "0.2"}]}, "levels"),
    ({"kind": "flat", "currency": "euro"}, "currency"),
    ({"kind": "bitcoin"}, "kind"),
    ({"kind": "flat", "vat_rate": "101"}, "vat_rate"),
    ({"kind": "flat", "prices_include_vat": "false"}, "prices_include_vat"),
])
def test_bad_prices_name_their_field(data, field):
    with pytest.raises(ValidationError) as err:
        prices_from_dict(data)
    assert err.value.field == field


def test_an_empty_field_is_zero():
    assert prices_from_dict({"kind": "energy_time", "energy_price": "", "time_price": None}).energy_price == 0


# --- which tariff applies ------------------------------------------------------------

CORPORATE, PARTNER = uuid.uuid4(), uuid.uuid4()
BASE, DISCOUNTED, FREE = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
TG1 = [GroupEntry(BASE),
       GroupEntry(DISCOUNTED, Restriction(user_group_ids=frozenset({CORPORATE}))),
       GroupEntry(FREE, Restriction(user_group_ids=frozenset({PARTNER})))]


def test_tariff_group_tg1_of_the_manual():
    # 001 l.841-850: the lowest admitting entry wins, the base tariff is the fall-back
    when = datetime(2026, 6, 1, 12, 0)
    # a user is in one user group in evdesk; a token may be named on an entry as well
    assert choose_tariff(TG1, Who(user_group_id=PARTNER), when) == FREE
    assert choose_tariff(TG1, Who(user_group_id=CORPORATE), when) == DISCOUNTED
    assert choose_tariff(TG1, Who(), when) == BASE
    token = uuid.uuid4()
    both = TG1[:2] + [GroupEntry(FREE, Restriction(token_ids=frozenset({token})))]
    assert choose_tariff(both, Who(user_group_id=CORPORATE, token_id=token), when) == FREE


def test_time_windows_may_cross_midnight():
    friday_night = TimeWindow(frozenset({4}), time(22), time(6))
    assert friday_night.admits(datetime(2026, 6, 5, 23, 0))  # Friday 23:00
    assert friday_night.admits(datetime(2026, 6, 6, 5, 59))  # Saturday 05:59
    assert not friday_night.admits(datetime(2026, 6, 6, 6, 0))
    assert not friday_night.admits(datetime(2026, 6, 4, 23, 0))  # Thursday
    assert not friday_night.admits(datetime(2026, 6, 5, 5, 0))  # Friday early morning belongs to Thursday night
    assert TimeWindow(frozenset({0}), time(0), time(0)).admits(datetime(2026, 6, 1, 23, 59))


def test_a_windowed_entry_applies_only_inside_its_window():
    night = uuid.uuid4()
    entries = [GroupEntry(BASE), GroupEntry(night, Restriction(windows=(TimeWindow(frozenset(range(7)), time(22), time(6)),)))]
    assert choose_tariff(entries, Who(), datetime(2026, 6, 1, 23, 0)) == night
    assert choose_tariff(entries, Who(), datetime(2026, 6, 1, 12, 0)) == BASE


def test_messages_name_the_field_as_a_person_would():
    for data, words in (({"kind": "flat", "session_price": "1.23456"}, "Price per session: at most 4 decimals."),
                        ({"kind": "energy_time", "minute_fee_from": "soon"}, "The minute the per-minute fee starts"),
                        ({"kind": "energy_time", "time_unit": "fortnight"}, "Time unit must be one of")):
        with pytest.raises(ValidationError) as err:
            prices_from_dict(data)
        assert str(err.value).startswith(words) and "_" not in str(err.value).split(":")[0]


def test_the_summary_leaves_out_what_charges_nothing():
    assert prices_from_dict({"kind": "energy_time", "currency": "GBP", "energy_price": "0.5", "time_price": "1",
                             "connection_fee": "5"}).summary() == "GBP 0.5000/kWh, 1.0000/h, 5.0000 connection"
    assert prices_from_dict({"kind": "energy_time", "energy_price": "0.18"}).summary() == "EUR 0.1800/kWh"
    assert prices_from_dict({"kind": "energy_time"}).summary() == "EUR 0 (nothing charged)"
    assert prices_from_dict({"kind": "free"}).summary() == "Free"
    assert prices_from_dict({"kind": "day_night", "day_starts": "07:00", "night_starts": "22:00",
                             "energy_price": "0.35", "night_energy_price": "0.19", "time_price": "1.2"}).summary() == \
        "EUR day (from 07:00) 0.3500/kWh 1.2000/h, night (from 22:00) 0.1900/kWh"
    assert prices_from_dict({"kind": "ac_dc", "energy_price": "0.4", "dc_energy_price": "0.5", "minute_fee": "0.02",
                             "minute_fee_from": 60}).summary() == \
        "EUR AC 0.4000/kWh, DC 0.5000/kWh, AC 0.0200/min from minute 60"
