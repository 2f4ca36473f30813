"""Typed site settings with their defaults.

Site-wide settings live in the store (table `setting`) so every seat of a site
shares them; per-seat window state lives in QSettings (gui); secrets live in the
OS keychain. This module is plain Python: the core and the OCPP server read it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, fields
from zoneinfo import ZoneInfo

UNKNOWN_STATION_POLICIES = ("reject", "pending", "accept")
SMTP_SECURITY = ("starttls", "ssl", "none")
# how chargers reach the OCPP server: plain ws:// only, TLS (wss://) only, or both on their own ports
OCPP_LISTENERS = ("plain", "tls", "both")
CURRENCY_CODE = re.compile(r"[A-Z]{3}")  # ISO 4217: three capital letters
# field -> (lowest, highest, unit), in the units the field is stored in
RANGES = {
    "heartbeat_interval": (1, 86400, "seconds"),
    "meter_value_interval": (1, 3600, "seconds"),
    "temporarily_unavailable_after": (1, 7 * 86400, "seconds"),
    "long_term_unavailable_after": (1, 30 * 86400, "seconds"),
    "transaction_inactivity_minutes": (1, 7 * 24 * 60, "minutes"),
    "remote_start_timeout": (1, 3600, "seconds"),
    "command_timeout": (1, 600, "seconds"),
    "boot_accept_rate": (0.1, 10000, "boots per second"),
    "boot_pending_interval_min": (1, 3600, "seconds"),
    "boot_pending_interval_max": (1, 86400, "seconds"),
    "post_boot_quiet_seconds": (0, 300, "seconds"),
    "max_frame_bytes": (1024, 1024 * 1024, "bytes"),
    "message_log_retention_days": (1, 3650, "days"),
    "message_log_max_rows": (1000, 2_000_000_000, "messages"),
    "clock_skew_flag_seconds": (3600, 365 * 86400, "seconds"),
    "login_valid_minutes": (1, 7 * 24 * 60, "minutes"),
    "max_pending_stations": (1, 100_000, "stations"),
    "firmware_max_mb": (1, 4096, "MB"),
    "diagnostics_max_mb": (1, 4096, "MB"),
    "diagnostics_timeout_minutes": (1, 24 * 60, "minutes"),
    "firmware_timeout_hours": (1, 30 * 24, "hours"),
    "file_server_port": (0, 65535, "(port; 0 = any free)"),
    "ftp_port": (0, 65535, "(port; 0 = any free)"),
    "certificate_warning_days": (1, 365, "days"),
}
# fields whose zero or negative value gets the plainer message
POSITIVE = ("heartbeat_interval", "meter_value_interval", "remote_start_timeout", "command_timeout",
            "login_valid_minutes")
TEXT_LIMITS = {"smtp_host": 255, "smtp_username": 255, "smtp_from": 254}


def time_zone_exists(name: str) -> bool:
    """True for a time zone this computer knows (an IANA name such as Europe/Helsinki)."""
    if len(name) > 64 or name != name.strip():
        return False
    try:
        ZoneInfo(name)
    except Exception:  # noqa: BLE001 - not found, not a normalised key, a folder, bad bytes: not a zone
        return False
    return True


def _number(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


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
    # Certificate signing requests of adopted stations are signed by the site CA without an admin.
    sign_station_certificates_automatically: bool = False
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
    # Firmware and diagnostics served and received by evdesk itself (core/firmware):
    # the largest firmware file an admin may upload and the largest diagnostics file a station may send,
    firmware_max_mb: int = 512
    diagnostics_max_mb: int = 100
    # a diagnostics upload that has not arrived this long after the station accepted is reported late,
    diagnostics_timeout_minutes: int = 30
    # a firmware download link stays valid this long after its retrieve date,
    firmware_timeout_hours: int = 48
    # and the ports stations download from and upload to (HTTP always; FTP only while a transfer waits).
    file_server_port: int = 9001
    ftp_port: int = 2121
    # The OCPP listener (security profiles 2 and 3 need TLS): plain / tls / both; applies at the next start.
    ocpp_listener: str = "plain"
    ocpp_tls_port: int = 9443
    # From this many days before the server certificate or the CA expires, evdesk warns.
    certificate_warning_days: int = 30

    def validate(self) -> list[tuple[str, str]]:
        """Problems as (field, message); empty when the settings can be saved.

        The one place site settings are checked: the Settings page, `evdesk settings set`
        and `PATCH /api/v1/settings` all refuse what this refuses, with these messages
        (the ranges are the Settings page's)."""
        problems = []
        name = self.site_name.strip()
        if not name:
            problems.append(("site_name", "Give the site a name."))
        elif len(self.site_name) > 120:
            problems.append(("site_name", "Use at most 120 characters for the site name."))
        if self.site_timezone and not time_zone_exists(self.site_timezone):
            problems.append(("site_timezone", "Choose a time zone from the list, such as Europe/Helsinki "
                                              "(or none for this computer's own)."))
        if not CURRENCY_CODE.fullmatch(self.currency):
            problems.append(("currency", "Use a three-letter currency code, e.g. EUR."))
        if self.unknown_station_policy not in UNKNOWN_STATION_POLICIES:
            problems.append(("unknown_station_policy", "Choose reject, pending or accept."))
        for name, (low, high, unit) in RANGES.items():
            value = getattr(self, name)
            if name in POSITIVE and value <= 0:
                problems.append((name, f"Must be a positive number of {unit}."))
            elif not low <= value <= high:  # NaN is outside every range
                problems.append((name, f"Use a value from {_number(low)} to {_number(high)} {unit}."))
        if self.long_term_unavailable_after <= self.temporarily_unavailable_after:
            problems.append(
                ("long_term_unavailable_after", "Must be longer than the temporarily-unavailable time.")
            )
        if self.boot_pending_interval_max < self.boot_pending_interval_min:
            problems.append(("boot_pending_interval_max", "Must not be below the minimum."))
        if self.smtp_security not in SMTP_SECURITY:
            problems.append(("smtp_security", "Choose STARTTLS, SSL/TLS or none."))
        if self.ocpp_listener not in OCPP_LISTENERS:
            problems.append(("ocpp_listener", "Choose plain ws://, TLS wss:// or both."))
        if not 0 < self.ocpp_tls_port < 65536:
            problems.append(("ocpp_tls_port", "Use a port between 1 and 65535."))
        if not 0 < self.smtp_port < 65536:
            problems.append(("smtp_port", "Use a port between 1 and 65535."))
        for name, longest in TEXT_LIMITS.items():
            if len(getattr(self, name)) > longest:
                problems.append((name, f"Use at most {longest} characters."))
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
