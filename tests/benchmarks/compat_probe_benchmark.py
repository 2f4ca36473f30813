"""What the compatibility probe costs on the OCPP hot path (issue 16): `observe()` runs for every
CALL a station sends. For a station outside its first day it is one dictionary look-up; for a
station being watched it reads the message for timestamps, units and id tags.

    python tests/benchmarks/compat_probe_benchmark.py [--messages 200000]

Prints microseconds per message for both cases, with a MeterValues of 10 sampled values (the
largest common message) and a StatusNotification. No database: the service's in-memory state
only (the writes a finding makes happen once per kind of finding, not per message).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from uuid import uuid4

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from evdesk.core.compat_rules import findings_from_message  # noqa: E402
from evdesk.core.compatibility import CompatibilityService  # noqa: E402
from evdesk.core.clock import utcnow  # noqa: E402

METER_VALUES = {"connectorId": 1, "transactionId": 7, "meterValue": [{
    "timestamp": "2026-11-30T10:00:00Z",
    "sampledValue": [{"value": str(1000 + i), "measurand": m, "unit": u, "context": "Sample.Periodic"}
                     for i, (m, u) in enumerate([("Energy.Active.Import.Register", "Wh"), ("Power.Active.Import", "W"),
                                                  ("Current.Import", "A"), ("Current.Import", "A"),
                                                  ("Current.Import", "A"), ("Voltage", "V"), ("Voltage", "V"),
                                                  ("Voltage", "V"), ("SoC", "Percent"), ("Current.Offered", "A")])]}]}
STATUS = {"connectorId": 1, "status": "Charging", "errorCode": "NoError", "timestamp": "2026-11-30T10:00:00Z"}


def per_message(fn, n: int) -> float:
    t0 = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - t0) / n * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=200_000)
    n = parser.parse_args().messages
    service = CompatibilityService(None, SimpleNamespace(publish=lambda e: None), SimpleNamespace(site_timezone=""),
                                   None, SimpleNamespace(by_id={}))
    idle = SimpleNamespace(id=uuid4(), identity="IDLE")
    print(f"{n} messages per case (measured on a shared, busy machine: figures are upper bounds)")
    print(f"not watched, MeterValues:   {per_message(lambda: service.observe(idle, 'MeterValues', METER_VALUES), n):.3f} µs")
    received = utcnow()
    print(f"watched, MeterValues:       "
          f"{per_message(lambda: findings_from_message('MeterValues', METER_VALUES, received), n):.3f} µs")
    print(f"watched, StatusNotification: "
          f"{per_message(lambda: findings_from_message('StatusNotification', STATUS, received), n):.3f} µs")


if __name__ == "__main__":
    main()
