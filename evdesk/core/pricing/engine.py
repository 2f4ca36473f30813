"""What a charging session costs: a pure function of the prices it had and what happened.

Rules, written down (tests/core/test_pricing.py holds them):

* The tariff in force when the session started applies to the whole session: its
  prices are snapshotted at start, so a tariff edited later changes no past or running
  session (re-pricing is an explicit admin action).
* Quantities are exact: kWh = Wh / 1000 and minutes = seconds / 60 as Decimal.
  Unit prices have at most 4 decimals.
* A part the tariff does not charge (unit price 0) has no line.
* Each breakdown line is quantity × unit price rounded half-up to the cent; the total
  is the sum of the rounded lines, so a receipt adds up.
* VAT: for prices that include VAT, VAT = total × rate / (100 + rate) rounded half-up
  and net = total − VAT; for net prices, VAT = net × rate / 100 rounded half-up and
  total = net + VAT. The driver pays the total.
* Time basis: "session" counts from start to stop; "charging" only the spans the
  connector reported Charging (the 002 manual's "time actively charging").
* Day / night: each minute and each kWh is priced by the local time it happened in
  the station's zone (so DST changes and midnight need nothing special); the energy
  between two meter readings is spread evenly over that span.
* Power levels: average kW = kWh / hours of the time basis; the level with the
  smallest maximum ≥ the average applies (a bound belongs to its level: 11.0 kW is
  the 11 kW level); above the top level, the top level.
* A per-minute fee "from minute N" counts whole minutes of the session after N
  (90 min with N = 60 → 30 minutes).
* Parking / idle fee: the hours connected after charging ended (SuspendedEV or
  Finishing until the connector is free), less the grace minutes, at the hourly fee.
* A running session is priced the same way up to now ("so far"); the final price is
  fixed at stop.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from evdesk.core.pricing.tariff import TariffPrices

CENT = Decimal("0.01")
_ZERO = Decimal(0)
_SIXTY = Decimal(60)


@dataclass(frozen=True)
class Span:
    start: datetime
    end: datetime

    @property
    def seconds(self) -> Decimal:
        return Decimal(max(0.0, (self.end - self.start).total_seconds()))


@dataclass(frozen=True)
class Usage:
    """What happened in a session, in the units the engine prices."""

    started_at: datetime
    ended_at: datetime  # the stop, or now for a running session
    energy_wh: int
    # (time, Wh since the start) from meter readings, for splitting energy by time of day
    readings: tuple[tuple[datetime, float], ...] = ()
    # spans in Charging status; None when unknown (the whole session counts)
    charging: tuple[Span, ...] | None = None
    # connected after charging ended (SuspendedEV / Finishing until the connector was free)
    idle: tuple[Span, ...] = ()
    current: str = "AC"  # "AC" or "DC"

    @property
    def kwh(self) -> Decimal:
        return Decimal(max(0, self.energy_wh)) / 1000

    @property
    def session(self) -> Span:
        return Span(self.started_at, max(self.started_at, self.ended_at))


@dataclass(frozen=True)
class Line:
    code: str  # connection / session / energy / energy_night / time / time_night / power_level / minute_fee / idle
    label: str
    quantity: Decimal
    unit: str  # "kWh", "min", "h", "session"
    unit_price: Decimal
    amount: Decimal  # rounded to the cent


@dataclass(frozen=True)
class Breakdown:
    currency: str
    lines: tuple[Line, ...]
    prices_include_vat: bool
    vat_rate: Decimal
    net: Decimal
    vat: Decimal
    total: Decimal

    def amount_of(self, *codes: str) -> Decimal:
        return sum((ln.amount for ln in self.lines if ln.code in codes), _ZERO)

    @classmethod
    def from_dict(cls, data: dict) -> "Breakdown":
        lines = tuple(Line(ln["code"], ln["label"], Decimal(ln["quantity"]), ln["unit"], Decimal(ln["unit_price"]),
                           Decimal(ln["amount"])) for ln in data.get("lines", ()))
        return cls(data["currency"], lines, bool(data["prices_include_vat"]), Decimal(data["vat_rate"]),
                   Decimal(data["net"]), Decimal(data["vat"]), Decimal(data["total"]))

    def to_dict(self) -> dict:
        return {
            "currency": self.currency, "prices_include_vat": self.prices_include_vat,
            "vat_rate": str(self.vat_rate), "net": str(self.net), "vat": str(self.vat), "total": str(self.total),
            "lines": [{"code": ln.code, "label": ln.label, "quantity": str(ln.quantity), "unit": ln.unit,
                       "unit_price": str(ln.unit_price), "amount": str(ln.amount)} for ln in self.lines],
        }


def price(prices: TariffPrices, usage: Usage, zone: ZoneInfo | timezone = timezone.utc) -> Breakdown:
    lines: list[Line] = []
    kind = prices.kind
    if kind != "free":
        if prices.connection_fee:
            lines.append(_line("connection", "Connection fee", Decimal(1), "session", prices.connection_fee))
        if kind == "flat":
            lines.append(_line("session", "Price per session", Decimal(1), "session", prices.session_price))
        elif kind == "energy_time":
            lines.append(_line("energy", "Energy", usage.kwh, "kWh", prices.energy_price))
            _time_lines(lines, prices, _basis_spans(prices, usage), "time", "Time")
        elif kind == "day_night":
            _day_night_lines(lines, prices, usage, zone)
        elif kind == "power_levels":
            lines.append(_power_level_line(prices, usage))
        elif kind == "ac_dc":
            dc = usage.current == "DC"
            energy_price = prices.dc_energy_price if dc else prices.energy_price
            lines.append(_line("energy", f"Energy ({'DC' if dc else 'AC'})", usage.kwh, "kWh", energy_price))
            fee, start = (prices.dc_minute_fee, prices.dc_minute_fee_from) if dc else (prices.minute_fee,
                                                                                     prices.minute_fee_from)
            _minute_fee_line(lines, usage, fee, start)
        if kind != "ac_dc":
            _minute_fee_line(lines, usage, prices.minute_fee, prices.minute_fee_from)
        if prices.idle_fee_per_hour:
            _idle_line(lines, prices, usage)
    return _totals(prices, lines)


def _line(code: str, label: str, quantity: Decimal, unit: str, unit_price: Decimal) -> Line | None:
    if not unit_price:
        return None  # a part the tariff does not charge is left out of the breakdown
    return Line(code, label, quantity, unit, unit_price, (quantity * unit_price).quantize(CENT, ROUND_HALF_UP))


def _totals(prices: TariffPrices, lines: list[Line]) -> Breakdown:
    lines = [ln for ln in lines if ln is not None]
    total = sum((ln.amount for ln in lines), _ZERO).quantize(CENT)
    rate = prices.vat_rate
    if prices.prices_include_vat:
        vat = (total * rate / (100 + rate)).quantize(CENT, ROUND_HALF_UP)
        net = total - vat
    else:
        net = total
        vat = (net * rate / 100).quantize(CENT, ROUND_HALF_UP)
        total = net + vat
    return Breakdown(prices.currency, tuple(lines), prices.prices_include_vat, rate, net, vat, total)


def _basis_spans(prices: TariffPrices, usage: Usage) -> tuple[Span, ...]:
    if prices.time_basis == "charging" and usage.charging is not None:
        return tuple(_clip(s, usage.session) for s in usage.charging if _clip(s, usage.session).seconds > 0)
    return (usage.session,)


def _clip(span: Span, within: Span) -> Span:
    start, end = max(span.start, within.start), min(span.end, within.end)
    return Span(start, max(start, end))


def _minutes(spans) -> Decimal:
    return sum((s.seconds for s in spans), _ZERO) / _SIXTY


def _time_lines(lines: list[Line], prices: TariffPrices, spans, code: str, label: str,
                unit_price: Decimal | None = None) -> None:
    minutes = _minutes(spans)
    price_per_unit = prices.time_price if unit_price is None else unit_price
    if prices.time_unit == "hour":
        lines.append(_line(code, label, minutes / _SIXTY, "h", price_per_unit))
    else:
        lines.append(_line(code, label, minutes, "min", price_per_unit))


def _power_level_line(prices: TariffPrices, usage: Usage) -> Line:
    minutes = _minutes(_basis_spans(prices, usage))
    average_kw = usage.kwh / (minutes / _SIXTY) if minutes > 0 else _ZERO
    chosen = next((lv for lv in prices.levels if average_kw <= lv.max_kw), prices.levels[-1])
    shown_kw = average_kw.quantize(CENT, ROUND_HALF_UP)
    return _line("power_level", f"Time at up to {chosen.max_kw} kW (average {shown_kw} kW)", minutes, "min",
                 chosen.price_per_minute)


def _minute_fee_line(lines: list[Line], usage: Usage, fee: Decimal, from_minute: int) -> None:
    if not fee:
        return
    whole = (usage.session.seconds / _SIXTY).to_integral_value(ROUND_FLOOR)
    minutes = max(_ZERO, whole - from_minute)
    label = f"Per-minute fee from minute {from_minute}" if from_minute else "Per-minute fee"
    lines.append(_line("minute_fee", label, minutes, "min", fee))


def _idle_line(lines: list[Line], prices: TariffPrices, usage: Usage) -> None:
    seconds = sum((s.seconds for s in usage.idle), _ZERO)  # may run past the stop: the cable is still in
    seconds = max(_ZERO, seconds - prices.idle_grace_minutes * 60)
    label = "Parking fee" + (f" after {prices.idle_grace_minutes} min" if prices.idle_grace_minutes else "")
    lines.append(_line("idle", label, seconds / 3600, "h", prices.idle_fee_per_hour))


# --- day / night -----------------------------------------------------------------------

def day_night_spans(start: datetime, end: datetime, zone, day_starts, night_starts) -> list[tuple[Span, bool]]:
    """[start, end) cut at the local day/night boundaries: (span, is_day) in order."""
    if end <= start:
        return []
    local_start = start.astimezone(zone).date() - timedelta(days=1)
    local_end = end.astimezone(zone).date() + timedelta(days=1)
    marks: list[tuple[datetime, bool]] = []
    day = local_start
    while day <= local_end:
        for clock, is_day in ((day_starts, True), (night_starts, False)):
            # a wall time skipped by a DST change is read with the offset before the change
            marks.append((datetime.combine(day, clock, tzinfo=zone).astimezone(timezone.utc), is_day))
        day += timedelta(days=1)
    marks.sort(key=lambda m: m[0])
    current = next((is_day for at, is_day in reversed(marks) if at <= start), marks[0][1])
    spans: list[tuple[Span, bool]] = []
    cursor = start
    for at, is_day in marks:
        if at <= start:
            continue
        if at >= end:
            break
        spans.append((Span(cursor, at), current))
        cursor, current = at, is_day
    spans.append((Span(cursor, end), current))
    return [(s, d) for s, d in spans if s.end > s.start]


def _energy_between(usage: Usage, a: datetime, b: datetime) -> Decimal:
    """Wh in [a, b], the readings joined by straight lines (energy spread evenly between readings)."""
    points = _energy_curve(usage)
    return Decimal(str(_curve_at(points, b) - _curve_at(points, a)))


def _energy_curve(usage: Usage) -> list[tuple[float, float]]:
    start, end = usage.started_at.timestamp(), usage.session.end.timestamp()
    total = float(max(0, usage.energy_wh))
    points = [(start, 0.0)]
    for at, wh in sorted(usage.readings, key=lambda r: r[0]):
        t = at.timestamp()
        if start < t < end:
            # a register never runs backwards and a reading beyond the final figure is not billed
            points.append((t, min(total, max(points[-1][1], float(wh)))))
    points.append((end, total))
    return points


def _curve_at(points: list[tuple[float, float]], at: datetime) -> float:
    t = at.timestamp()
    if t <= points[0][0]:
        return points[0][1]
    for (t0, e0), (t1, e1) in zip(points, points[1:]):
        if t <= t1:
            return e0 if t1 == t0 else e0 + (e1 - e0) * (t - t0) / (t1 - t0)
    return points[-1][1]


def _day_night_lines(lines: list[Line], prices: TariffPrices, usage: Usage, zone) -> None:
    session = usage.session
    parts = day_night_spans(session.start, session.end, zone, prices.day_starts, prices.night_starts)
    if not parts:
        parts = [(session, True)]
    day_wh = night_wh = _ZERO
    for span, is_day in parts:
        wh = _energy_between(usage, span.start, span.end)
        if is_day:
            day_wh += wh
        else:
            night_wh += wh
    # the split is in floats along the curve; make the two parts add up to the measured energy exactly
    total_wh = Decimal(max(0, usage.energy_wh))
    night_wh = night_wh.quantize(Decimal("0.001"), ROUND_HALF_UP)
    night_wh = min(total_wh, max(_ZERO, night_wh))
    day_wh = total_wh - night_wh
    lines.append(_line("energy", "Energy (day)", day_wh / 1000, "kWh", prices.energy_price))
    lines.append(_line("energy_night", "Energy (night)", night_wh / 1000, "kWh", prices.night_energy_price))
    basis = _basis_spans(prices, usage)
    day_spans, night_spans = [], []
    for b in basis:
        for span, is_day in parts:
            piece = _clip(span, b)
            if piece.seconds > 0:
                (day_spans if is_day else night_spans).append(piece)
    _time_lines(lines, prices, day_spans, "time", "Time (day)", prices.time_price)
    _time_lines(lines, prices, night_spans, "time_night", "Time (night)", prices.night_time_price)
