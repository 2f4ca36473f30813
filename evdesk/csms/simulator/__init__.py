"""The built-in OCPP 1.6J charge-point simulator.

``SimulatedStation`` is one charger (boot, heartbeat, sessions with a realistic
charging curve, answers to every CSMS-initiated 1.6 call, offline queue, quirk
switches from shared/INTEROP.md); ``Fleet`` runs many in one process;
``ScaledClock`` makes simulated time run faster; ``cli.main`` is
``evdesk simulate``.

Quirk switches (constructor arguments of SimulatedStation):
``subprotocol=None`` (no Sec-WebSocket-Protocol header), ``meter_unit="kWh"``,
``id_tag_suffix="_serial"``, ``boot_on_reconnect=False`` (no BootNotification
after a plain reconnect), ``redial=False`` (never redials after a drop),
``answer_delay=S`` (answers CSMS calls S simulated seconds late),
``ignore_charging_profiles=True`` (accepts profiles and ignores them),
``firmware_failure="download"|"install"``, ``config={key: value}`` (initial
configuration, also read-only keys such as ChargeProfileMaxStackLevel), plus
``go_offline()``/``go_online()`` and ``send_raw()``.
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
