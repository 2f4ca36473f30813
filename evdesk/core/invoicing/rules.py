"""The invoicing arithmetic: the default period, full months, lines and VAT, to the cent.

**Default period** (000 l.913-931, digest B5): TO is the cutoff day of last month (31, or
any day past the month's end, means its last day); FROM is the day after the cutoff
day `period` months before TO's month. On 2.4.2019 with cutoff 31 and 3 months:
1.1.2019-31.3.2019; on 28.3.2019 with cutoff 31 and 2 months: 1.1.2019-28.2.2019;
on 15.3.2019 with cutoff 30: TO 28.2.2019; cutoff 15, 3 months, in April 2019:
16.12.2018-15.3.2019 (the day after the previous run's cutoff, so runs join up).

**Full months** (000 l.886, 909): "month is considered full when period end date is the
last day of that month": a month counts when its last day lies inside [FROM, TO]
(1.3-29.4 → 1, 1.3-30.4 → 2, 1.11.2018-28.2.2019 → 4, 1.2-21.2 → 0, 3.1-3.3 → 2).

**VAT and rounding** (the manual's example, 000 l.853-892, reproduced to the cent):
prices are gross (incl. VAT), as the manual's are. Every line keeps its exact gross
amount (quantity × unit price, no rounding); each printed figure is then rounded on
its own, half-up to the cent, from the exact amounts:

* line total = round(exact gross); line VAT = round(exact gross × r / (100 + r));
* per VAT rate: gross = round(Σ exact), net = round(Σ exact × 100 / (100 + r)),
  VAT = round(exact gross − exact net);
* the invoice: to pay = round(Σ exact gross), net and VAT the sums of the exact
  per-rate figures, each rounded once.

Why: it is what the manual prints (99.03 kWh × 0.15 = 14.8545 → 14.85 with VAT 2.88,
from the unrounded 14.8545; 4 × 3.00 = 12.00, VAT 2.32; net 21.66, VAT 5.20, to pay
26.85), and the amount to pay is the exact sum rounded once, so no line's rounding
moves it. The printed net + VAT may differ from the amount to pay by a cent
(21.66 + 5.20 = 26.86); the manual's invoice does, and the amount to pay is what the
bank codes carry.

Quantities are rounded to what is printed before they are multiplied (kWh to 0.01,
months whole), so a reader can check every line by hand.

**Lines from sessions**: with a kWh price given for the run (the manual's KWH PRICE),
every session's energy is billed at it as one "Usage (kWh)" line and the sessions'
own prices are not used. Otherwise the sessions' stored price breakdowns are billed:
energy per tariff and energy part (kWh summed, × the tariff's unit price) and every
other fee (time, connection, parking, ...) per tariff as the sum of the sessions'
amounts for it. Net tariff prices get their VAT added at the tariff's rate. A session
with no price (free, or before tariffs) adds no line but is listed in the appendix.
"""

from __future__ import annotations

import calendar
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from evdesk.core.invoicing.document import InvoiceLine, VatTotal

CENT = Decimal("0.01")
_HUNDRED = Decimal(100)
ENERGY_CODES = frozenset({"energy", "energy_night", "power_level"})


# -- periods ------------------------------------------------------------------------------------------------------
def _cutoff_in(year: int, month: int, cutoff_day: int) -> date:
    return date(year, month, min(cutoff_day, calendar.monthrange(year, month)[1]))


def _month_back(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) - months
    return index // 12, index % 12 + 1


def default_period(today: date, cutoff_day: int, period_months: int) -> tuple[date, date]:
    year, month = _month_back(today.year, today.month, 1)
    end = _cutoff_in(year, month, cutoff_day)
    y0, m0 = _month_back(year, month, period_months)
    start = _cutoff_in(y0, m0, cutoff_day) + timedelta(days=1)
    return start, end


def full_months(start: date, end: date) -> int:
    """Months whose last day lies in [start, end]."""
    count, year, month = 0, start.year, start.month
    while True:
        last = date(year, month, calendar.monthrange(year, month)[1])
        if last > end:
            return count
        if last >= start:
            count += 1
        year, month = _month_back(year, month, -1)


def overlaps(a_start: date, a_end: date, b_start: date, b_end: date) -> bool:
    return a_start <= b_end and b_start <= a_end


def due_date(invoice_date: date, terms_days: int) -> date:
    return invoice_date + timedelta(days=terms_days)


# -- amounts --------------------------------------------------------------------------------------------------
def cents(amount: Decimal) -> int:
    """Half-up to the cent, as minor units."""
    return int((amount.quantize(CENT, ROUND_HALF_UP) * 100).to_integral_value())


def vat_of(gross: Decimal, rate: Decimal) -> Decimal:
    """The VAT inside a gross amount, exact."""
    return gross * rate / (_HUNDRED + rate)


def rate_text(rate: Decimal) -> str:
    text = format(rate.normalize(), "f")
    return text


@dataclass(frozen=True)
class DraftLine:
    """A line with its exact gross amount (what the totals are made from)."""

    kind: str                   # energy / fee / monthly
    description: str
    quantity: Decimal
    unit: str
    unit_price_gross: Decimal | None
    gross_exact: Decimal
    vat_rate: Decimal

    def printed(self) -> InvoiceLine:
        q = self.quantity
        quantity = f"{q:.2f}" if self.unit == "kWh" else format(q.normalize(), "f")
        unit_price = (None if self.unit_price_gross is None
                      else int((self.unit_price_gross * 10000).to_integral_value(ROUND_HALF_UP)))
        return InvoiceLine(self.description, quantity, self.unit, unit_price, cents(self.gross_exact),
                           rate_text(self.vat_rate), cents(vat_of(self.gross_exact, self.vat_rate)))


@dataclass(frozen=True)
class Totals:
    net_minor: int
    vat_minor: int
    total_minor: int
    per_rate: tuple[VatTotal, ...]


def totals(lines: list[DraftLine]) -> Totals:
    by_rate: dict[Decimal, Decimal] = OrderedDict()
    for line in lines:
        by_rate[line.vat_rate] = by_rate.get(line.vat_rate, Decimal(0)) + line.gross_exact
    per_rate, net_sum, gross_sum = [], Decimal(0), Decimal(0)
    for rate, gross in sorted(by_rate.items()):
        net = gross * _HUNDRED / (_HUNDRED + rate)
        per_rate.append(VatTotal(rate_text(rate), cents(net), cents(gross - net), cents(gross)))
        net_sum += net
        gross_sum += gross
    return Totals(cents(net_sum), cents(gross_sum - net_sum), cents(gross_sum), tuple(per_rate))


# -- lines ------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SessionFacts:
    """One finished session as invoicing needs it."""

    id: str
    user_id: str | None
    energy_wh: int
    tariff_name: str
    cost: dict | None           # the stored price breakdown (Breakdown.to_dict)


def _kwh(wh: int | Decimal) -> Decimal:
    return (Decimal(wh) / 1000).quantize(CENT, ROUND_HALF_UP)


def energy_line(sessions: list[SessionFacts], kwh_price: Decimal, vat_rate: Decimal) -> list[DraftLine]:
    """The manual's way: all energy at one kWh price incl. VAT."""
    wh = sum(max(0, s.energy_wh or 0) for s in sessions)
    if not sessions or not kwh_price:
        return []
    kwh = _kwh(wh)
    return [DraftLine("energy", "Usage (kWh)", kwh, "kWh", kwh_price, kwh * kwh_price, vat_rate)]


def breakdown_lines(sessions: list[SessionFacts], default_vat: Decimal) -> list[DraftLine]:
    """Energy per tariff (kWh × price) and the other fees per tariff, from the stored breakdowns."""
    energy: dict[tuple, Decimal] = OrderedDict()
    fees: dict[tuple, list[Decimal]] = OrderedDict()
    for s in sessions:
        cost = s.cost or {}
        if not cost.get("lines"):
            continue
        include_vat = bool(cost.get("prices_include_vat", True))
        rate = Decimal(str(cost.get("vat_rate", default_vat)))
        tariff = s.tariff_name or ""
        for ln in cost["lines"]:
            unit_price = Decimal(str(ln["unit_price"]))
            if ln["code"] in ENERGY_CODES and ln["unit"] == "kWh":
                key = (tariff, ln["label"], unit_price, include_vat, rate)
                energy[key] = energy.get(key, Decimal(0)) + Decimal(str(ln["quantity"]))
            else:
                key = (tariff, ln["label"], ln["unit"], unit_price, include_vat, rate)
                acc = fees.setdefault(key, [Decimal(0), Decimal(0)])
                acc[0] += Decimal(str(ln["quantity"]))
                acc[1] += Decimal(str(ln["amount"]))
    out: list[DraftLine] = []
    for (tariff, label, unit_price, include_vat, rate), kwh in energy.items():
        factor = Decimal(1) if include_vat else (_HUNDRED + rate) / _HUNDRED
        gross_price = unit_price * factor
        q = _kwh(kwh * 1000)
        out.append(DraftLine("energy", _describe(label, tariff), q, "kWh", gross_price, q * gross_price, rate))
    for (tariff, label, unit, unit_price, include_vat, rate), (quantity, amount) in fees.items():
        factor = Decimal(1) if include_vat else (_HUNDRED + rate) / _HUNDRED
        q = quantity.quantize(CENT, ROUND_HALF_UP) if unit != "session" else quantity
        out.append(DraftLine("fee", _describe(label, tariff), q, unit, unit_price * factor, amount * factor, rate))
    return out


def _describe(label: str, tariff: str) -> str:
    return f"{label}, {tariff}" if tariff else label


def monthly_lines(months: int, fees, user_group_id: str | None, default_vat: Decimal,
                  members: int = 1) -> list[DraftLine]:
    """One line per applicable monthly fee: full months (× members for a group's payer) × price."""
    out = []
    for fee in fees:
        if months <= 0 or not fee.price or not fee.applies(user_group_id):
            continue
        quantity = Decimal(months * members)
        rate = default_vat if fee.vat_rate is None else fee.vat_rate
        out.append(DraftLine("monthly", fee.name, quantity, "month", fee.price, quantity * fee.price, rate))
    return out
