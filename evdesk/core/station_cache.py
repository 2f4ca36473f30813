"""The in-memory picture of every station, kept by the station services.

The OCPP hot path (a heartbeat, a status notification) reads and changes this
picture without waiting for the disk; changed entries are written back in
batches by `StationStatusService`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID


@dataclass
class ConnectorState:
    connector_id: int
    status: str = "Unknown"
    error_code: str = "NoError"
    info: str = ""
    vendor_error_code: str = ""
    status_at: datetime | None = None
    access_mode: str = ""  # "" = the station's


@dataclass
class StationInfo:
    id: UUID
    identity: str
    name: str
    registration: str
    version: int = 1
    password_hash: str | None = None
    access_mode: str = "public"
    strip_id_tag_suffix: bool = True
    skip_schema_validation: bool = False
    security_profile: int = 1  # 1 basic auth, 2 TLS (wss:// only), 3 TLS + client certificate
    heartbeat_interval: int = 300
    meter_value_interval: int = 60
    group_id: UUID | None = None
    timezone: str = ""  # "" = the site's
    vendor: str = ""
    model: str = ""
    firmware_version: str = ""
    ocpp_version: str = "1.6"  # the protocol of its last boot (1.6 or 2.0.1)
    firmware_status: str = ""
    diagnostics_status: str = ""
    connection_state: str = "never_connected"
    last_seen: datetime | None = None
    last_boot_at: datetime | None = None
    connectors: dict[int, ConnectorState] = field(default_factory=dict)
    connected: bool = False
    system_status: str = "active"  # active / disabled / out_of_order (`core/hardware_rules.py`)
    location_id: UUID | None = None

    @property
    def display_name(self) -> str:
        return self.name or self.identity


def station_info_from_row(row: dict, connectors=()) -> StationInfo:
    """From a stored station and its connectors (dicts keyed by field name, as the store's
    station queries return them)."""
    info = StationInfo(
        id=row["id"],
        identity=row["identity"],
        name=row["name"],
        registration=row["registration"],
        version=row["version"],
        password_hash=row["password_hash"],
        access_mode=row["access_mode"],
        strip_id_tag_suffix=row["strip_id_tag_suffix"],
        skip_schema_validation=row["skip_schema_validation"],
        security_profile=row.get("security_profile") or 1,
        heartbeat_interval=row["heartbeat_interval"],
        meter_value_interval=row["meter_value_interval"],
        group_id=row["group"],
        timezone=row.get("timezone") or "",
        vendor=row["vendor"],
        model=row["model"],
        firmware_version=row["firmware_version"],
        ocpp_version=row.get("ocpp_version") or "1.6",
        firmware_status=row["firmware_status"],
        diagnostics_status=row["diagnostics_status"],
        connection_state=row["connection_state"],
        last_seen=row["last_seen"],
        last_boot_at=row["last_boot_at"],
        system_status=row.get("system_status") or "active",
        location_id=row.get("location"),
    )
    for c in connectors:
        info.connectors[c["connector_id"]] = ConnectorState(
            connector_id=c["connector_id"],
            status=c["status"],
            error_code=c["error_code"],
            info=c["info"],
            vendor_error_code=c["vendor_error_code"],
            status_at=c["status_at"],
            access_mode=c.get("access_mode") or "",
        )
    return info


LIVE_FIELDS = ("connected", "connection_state", "last_seen", "firmware_status", "diagnostics_status", "vendor",
               "model", "firmware_version", "last_boot_at", "ocpp_version")
LIVE_CONNECTOR_FIELDS = ("status", "error_code", "info", "vendor_error_code", "status_at")


def keep_live_state(fresh: StationInfo, known: StationInfo, gone_connectors=()) -> StationInfo:
    """`fresh` (re-read from the store) with what only this seat knows from `known`: whether the
    station is connected here, its connection state, last seen, progress and boot facts, and
    its connectors' status. A connector this seat knows of that is not stored yet (the station
    reported it a moment ago) stays, unless its number is in `gone_connectors` (deleted)."""
    for name in LIVE_FIELDS:
        setattr(fresh, name, getattr(known, name))
    for cid, old in known.connectors.items():
        new = fresh.connectors.get(cid)
        if new is None:
            if cid not in gone_connectors:
                fresh.connectors[cid] = old
            continue
        for name in LIVE_CONNECTOR_FIELDS:
            setattr(new, name, getattr(old, name))
    return fresh
