"""The built-in OCPP 1.6J charge-point simulator (no Qt; any asyncio loop).

``SimulatedStation`` is one charger: boot (Pending/Rejected retries), heartbeat,
sessions with a realistic charging curve, answers to the CSMS-initiated 1.6
calls, configuration keys, smart charging, reservations, local list, firmware
and diagnostics, an offline queue, and the quirk switches of shared/INTEROP.md.
``Fleet`` runs many stations in one process; ``ScaledClock`` makes simulated
time run faster; ``cli.main`` is ``evdesk simulate``.

Quirk switches (SimulatedStation arguments): ``subprotocol=None`` (no
Sec-WebSocket-Protocol header; any other string is offered as is),
``meter_unit="kWh"``, ``id_tag_suffix="_serial"``, ``session_register=True``
(energy register restarts at 0 per session), ``local_time_offset=H``
(timestamps in local time without offset), ``boot_on_reconnect=False``,
``redial=False``, ``answer_delay=S``, ``ignore_charging_profiles=True``,
``firmware_failure="download"|"install"``, ``config={key: value}`` (initial
configuration, read-only keys included, e.g. ChargeProfileMaxStackLevel=0 or
ChargingScheduleAllowedChargingRateUnit="Power"); plus ``go_offline()`` /
``go_online()`` and ``send_raw()``.

``evdesk.simulator.v201.SimulatedStation201`` is the station side of OCPP 2.0.1 (boot,
TransactionEvents with offline queueing, the device model, every CSMS call evdesk sends),
driven by the tests step by step.

Loggers: ``evdesk.simulator`` (events) and ``evdesk.simulator.ocpp`` (every
frame, from the ocpp library; WARNING unless lowered).
"""

from .clock import ScaledClock, SimClock, WallClock, iso_z, parse_iso
from .config import StationConfig
from .fleet import Fleet
from .model import Car, Connector, Reservation
from .station import ReceivedCall, SimulatedStation

__all__ = [
    "Car",
    "Connector",
    "Fleet",
    "ReceivedCall",
    "Reservation",
    "ScaledClock",
    "SimClock",
    "SimulatedStation",
    "StationConfig",
    "WallClock",
    "iso_z",
    "parse_iso",
]
