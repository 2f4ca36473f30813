"""Pricing 100,000 finished sessions with mixed tariffs (issue 10: ≤ 5 s on this machine).

    python tests/benchmarks/pricing_benchmark.py [--sessions 100000]

Every session is priced by the real engine (evdesk.core.pricing.price) with one of six
tariffs (free, flat, energy + time + connection fee, day/night with readings every
15 minutes split at the boundaries in Europe/Berlin, power levels, AC/DC with a
blocking fee, plus a parking fee on some) from the prices snapshot as stored on a
session (a dict, checked into TariffPrices as the stop path does). Prints the time,
sessions per second and the totals by tariff (so the work cannot be optimised away).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from evdesk.core.pricing import Span, Usage, price, prices_from_snapshot

TARIFFS = {
    "free": {"kind": "free"},
    "flat": {"kind": "flat", "session_price": "3.50", "vat_rate": "19"},
    "standard": {"kind": "energy_time", "energy_price": "0.50", "time_price": "1", "time_unit": "hour",
                 "connection_fee": "5", "idle_fee_per_hour": "6", "idle_grace_minutes": "15"},
    "day_night": {"kind": "day_night", "day_starts": "07:00", "night_starts": "22:00", "energy_price": "0.40",
                  "night_energy_price": "0.20", "time_price": "0.02", "night_time_price": "0.01",
                  "time_unit": "minute", "time_basis": "charging"},
    "power_levels": {"kind": "power_levels", "levels": [{"max_kw": "7.4", "price_per_minute": "0.10"},
                                                        {"max_kw": "11", "price_per_minute": "0.12"},
                                                        {"max_kw": "22", "price_per_minute": "0.15"}]},
    "ac_dc": {"kind": "ac_dc", "prices_include_vat": False, "vat_rate": "19", "energy_price": "0.40",
              "minute_fee": "0.02", "minute_fee_from": 60, "dc_energy_price": "0.50", "dc_minute_fee": "0.02",
              "dc_minute_fee_from": 60},
}


def make_sessions(n: int, seed: int = 7):
    rng = random.Random(seed)
    names = list(TARIFFS)
    base = datetime(2026, 1, 1, tzinfo=timezone.utc)
    out = []
    for i in range(n):
        name = names[i % len(names)]
        start = base + timedelta(minutes=rng.randrange(0, 60 * 24 * 330))
        minutes = rng.randrange(5, 600)
        end = start + timedelta(minutes=minutes)
        kw = rng.uniform(3, 22)
        energy = int(kw * 1000 * min(minutes, 240) / 60)
        readings = tuple((start + timedelta(minutes=m), energy * min(m, 240) / min(minutes, 240))
                         for m in range(15, minutes, 15))
        charging = (Span(start, start + timedelta(minutes=min(minutes, 240))),)
        idle = (Span(charging[0].end, end + timedelta(minutes=rng.randrange(0, 90))),)
        out.append((name, Usage(start, end, energy, readings, charging, idle, "DC" if i % 5 == 0 else "AC")))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=100_000)
    args = parser.parse_args()
    snapshots = {name: prices_from_snapshot(data).to_dict() for name, data in TARIFFS.items()}
    sessions = make_sessions(args.sessions)
    zone = ZoneInfo("Europe/Berlin")
    totals: Counter = Counter()
    began = time.perf_counter()
    for name, usage in sessions:
        prices = prices_from_snapshot(snapshots[name])  # as the stop path: the stored snapshot, checked
        totals[name] += price(prices, usage, zone).total
    elapsed = time.perf_counter() - began
    print(f"priced {args.sessions:,} sessions with {len(TARIFFS)} tariffs in {elapsed:.2f} s "
          f"({args.sessions / elapsed:,.0f} sessions/s; target ≤ 5 s for 100,000)")
    for name in TARIFFS:
        print(f"  {name:<13} {totals[name]:>14,.2f} EUR" if isinstance(totals[name], Decimal) else f"  {name} 0")


if __name__ == "__main__":
    main()
