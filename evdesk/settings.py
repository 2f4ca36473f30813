"""Typed site settings with their defaults.

Site-wide settings live in the store (table `setting`) so every seat of a site
shares them; per-seat window state lives in QSettings (gui); secrets live in the
OS keychain. This module is plain Python: the core and the OCPP server read it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, fields

UNKNOWN_STATION_POLICIES = ("reject", "pending", "accept")
SMTP_SECURITY = ("starttls", "ssl", "none")


@dataclass
class SiteSettings:
    site_name: str = "evdesk site"
    # "" means the computer's own time zone.
    site_timezone: str = ""
    currency: str = "EUR"
    unknown_station_policy: str = "pending"
    # At most this many unknown stations wait for adoption; a new one drops the oldest not connected.
    max_pending_stations: int = 200
    heartbeat_interval: int = 300
    meter_value_interval: int = 60
    temporarily_unavailable_after: int = 120
    long_term_unavailable_after: int = 300
    transaction_inactivity_minutes: int = 120
    remote_start_timeout: int = 60
    command_timeout: int = 30
    # Boot storm: above this many accepted boots per second, answer Pending with a
    # retry interval that gives each station its own slot (within min..max seconds).
    boot_accept_rate: float = 100.0
    boot_pending_interval_min: int = 2
    boot_pending_interval_max: int = 120
    # No CSMS-initiated call this soon after a boot (chargers are busy starting).
    post_boot_quiet_seconds: float = 5.0
    max_frame_bytes: int = 65536
    message_log_retention_days: int = 30
    message_log_max_rows: int = 5_000_000
    # Timestamps further than this from now are flagged as suspicious.
    clock_skew_flag_seconds: int = 7 * 24 * 3600
    # After this long a seat's login expires and the window asks for the password again.
    login_valid_minutes: int = 120
    # Outgoing mail (invitations, password resets); the password is in the OS keychain.
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_security: str = "starttls"  # starttls / ssl / none
    smtp_username: str = ""
    smtp_from: str = ""

    def validate(self) -> list[tuple[str, str]]:
        """Problems as (field, message); empty when the settings can be saved."""
        problems = []
        if self.unknown_station_policy not in UNKNOWN_STATION_POLICIES:
            problems.append(("unknown_station_policy", "Choose reject, pending or accept."))
        for name in ("heartbeat_interval", "meter_value_interval", "remote_start_timeout", "command_timeout"):
            if getattr(self, name) <= 0:
                problems.append((name, "Must be a positive number of seconds."))
        if self.max_pending_stations < 1:
            problems.append(("max_pending_stations", "Allow at least one station to wait for adoption."))
        if self.long_term_unavailable_after <= self.temporarily_unavailable_after:
            problems.append(
                ("long_term_unavailable_after", "Must be longer than the temporarily-unavailable time.")
            )
        if self.boot_pending_interval_max < self.boot_pending_interval_min:
            problems.append(("boot_pending_interval_max", "Must not be below the minimum."))
        if self.login_valid_minutes <= 0:
            problems.append(("login_valid_minutes", "Must be a positive number of minutes."))
        if self.smtp_security not in SMTP_SECURITY:
            problems.append(("smtp_security", "Choose STARTTLS, SSL/TLS or none."))
        if not 0 < self.smtp_port < 65536:
            problems.append(("smtp_port", "Use a port between 1 and 65535."))
        if self.smtp_from and "@" not in self.smtp_from:
            problems.append(("smtp_from", "Problem with email address. Give a full address such as evdesk@example.com."))
        return problems

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, values: dict) -> "SiteSettings":
        known = {f.name: f for f in fields(cls)}
        kwargs = {}
        for key, value in values.items():
            if key in known:
                kwargs[key] = type(getattr(cls(), key))(value)
        return cls(**kwargs)
