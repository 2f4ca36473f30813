"""`evdesk settings get [KEY]` and `evdesk settings set KEY VALUE`: every site setting, read
as its type and checked by `SiteSettings.validate()` (the Settings page's messages)."""

from __future__ import annotations

import dataclasses

import pytest

from evdesk.app import main
from evdesk.cli.settings import typed
from evdesk.settings import SiteSettings
from tests.cli.conftest import evdesk, on_site

FIELDS = [f.name for f in dataclasses.fields(SiteSettings)]


async def _stored(services):
    return services.settings.as_dict(), services.settings_version


def stored(folder):
    return on_site(folder, _stored)


def test_get_prints_every_setting_and_one_value(site_dir):
    done = evdesk("settings", "get", folder=site_dir)
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert [line.split(" = ")[0] for line in lines] == FIELDS
    assert "heartbeat_interval = 300" in lines and "unknown_station_policy = pending" in lines
    done = evdesk("settings", "get", "meter_value_interval", folder=site_dir)
    assert done.returncode == 0 and done.stdout == "60\n"


# a valid value for every setting (text, whole numbers, decimals)
VALID = {
    "site_name": "North depot", "site_timezone": "Europe/Helsinki", "currency": "SEK",
    "unknown_station_policy": "accept", "heartbeat_interval": "600", "meter_value_interval": "30",
    "temporarily_unavailable_after": "90", "long_term_unavailable_after": "600",
    "transaction_inactivity_minutes": "240", "remote_start_timeout": "90", "command_timeout": "45",
    "boot_accept_rate": "12.5", "boot_pending_interval_min": "3", "boot_pending_interval_max": "60",
    "post_boot_quiet_seconds": "2.5", "max_frame_bytes": "131072", "message_log_retention_days": "7",
    "message_log_max_rows": "100000", "clock_skew_flag_seconds": "3600", "login_valid_minutes": "30",
    "smtp_host": "mail.depot.example", "smtp_port": "465", "smtp_security": "ssl", "smtp_username": "evdesk",
    "smtp_from": "evdesk@depot.example", "max_pending_stations": "50",
    "firmware_max_mb": "1024", "diagnostics_max_mb": "20", "diagnostics_timeout_minutes": "45",
    "firmware_timeout_hours": "72", "file_server_port": "9011", "ftp_port": "2221",
    "ocpp_listener": "both", "ocpp_tls_port": "9444", "certificate_warning_days": "14",
    "sign_station_certificates_automatically": "true",
}


def test_every_setting_can_be_set(site_dir, capsys):
    assert set(VALID) == set(FIELDS)
    for key, value in VALID.items():
        assert main(["settings", "set", key, value, "--data-dir", str(site_dir)]) == 0, capsys.readouterr().err
    values, version = stored(site_dir)
    assert version == len(VALID)
    for key, value in VALID.items():
        if isinstance(values[key], bool):
            assert values[key] is (value == "true"), key
        else:
            assert str(values[key]) == value or values[key] == float(value), key
    assert isinstance(values["heartbeat_interval"], int) and isinstance(values["boot_accept_rate"], float)


@pytest.mark.parametrize("key, value, message", [
    ("heartbeat_interval", "0", "heartbeat_interval: Must be a positive number of seconds."),
    ("unknown_station_policy", "maybe", "unknown_station_policy: Choose reject, pending or accept."),
    ("long_term_unavailable_after", "60", "long_term_unavailable_after: Must be longer than the "
                                          "temporarily-unavailable time."),
    ("smtp_port", "70000", "smtp_port: Use a port between 1 and 65535."),
    ("smtp_from", "nobody", "smtp_from: Problem with email address."),
    ("smtp_security", "tls", "smtp_security: Choose STARTTLS, SSL/TLS or none."),
    ("login_valid_minutes", "-5", "login_valid_minutes: Must be a positive number of minutes."),
    ("heartbeat_interval", "ten", "heartbeat_interval: Must be a whole number"),
    ("heartbeat_interval", "1.5", "heartbeat_interval: Must be a whole number"),
    ("heartbeat_interval", "99999999999999999999", "heartbeat_interval: Must be a whole number"),
    ("heartbeat_interval", "١٢", "heartbeat_interval: Must be a whole number"),
    ("boot_accept_rate", "nan", "boot_accept_rate: Must be a number"),
    ("boot_accept_rate", "1e400", "boot_accept_rate: Must be a number"),
    # the Settings page's own checks, now in SiteSettings.validate()
    ("site_name", "   ", "site_name: Give the site a name."),
    ("currency", "eur", "currency: Use a three-letter currency code, e.g. EUR."),
    ("currency", "EURO", "currency: Use a three-letter currency code, e.g. EUR."),
    ("site_timezone", "Mars/Olympus_Mons", "site_timezone: Choose a time zone from the list"),
    ("site_timezone", "Europe", "site_timezone: Choose a time zone from the list"),
    ("boot_accept_rate", "0", "boot_accept_rate: Use a value from 0.1 to 10000 boots per second."),
    ("max_frame_bytes", "100", "max_frame_bytes: Use a value from 1024 to 1048576 bytes."),
    ("message_log_retention_days", "0", "message_log_retention_days: Use a value from 1 to 3650 days."),
])
def test_refused_values_say_why_and_save_nothing(site_dir, capsys, key, value, message):
    assert main(["settings", "set", key, value, "--data-dir", str(site_dir)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"evdesk settings: {message}") and err.count("\n") == 1, err
    assert stored(site_dir) == (SiteSettings().as_dict(), 0)


def test_unknown_setting_lists_the_settings(site_dir):
    for args in (["set", "colour", "red"], ["get", "colour"]):
        done = evdesk("settings", *args, folder=site_dir)
        assert done.returncode == 2 and done.stderr.count("\n") == 1
        assert done.stderr.startswith("evdesk settings: Unknown setting 'colour'. Settings: site_name, ")
        assert all(name in done.stderr for name in FIELDS)


def test_set_in_its_own_process_and_usage(site_dir):
    done = evdesk("settings", "set", "heartbeat_interval", "900", folder=site_dir)
    assert done.returncode == 0 and done.stdout.startswith("heartbeat_interval = 900 (was 300)."), done.stderr
    assert stored(site_dir)[0]["heartbeat_interval"] == 900
    assert evdesk("settings", "set", "heartbeat_interval", folder=site_dir).returncode == 2
    assert evdesk("settings", folder=site_dir).returncode == 2


@pytest.mark.parametrize("key, value", [("currency", "eur"), ("site_timezone", "Atlantis/Capital"),
                                        ("max_frame_bytes", "100"), ("clock_skew_flag_seconds", "60")])
def test_the_command_line_says_what_validate_says(site_dir, capsys, key, value):
    """`evdesk settings set`, the API and the Settings page refuse with one message: validate()'s."""
    expected = dict(SiteSettings(**{**SiteSettings().as_dict(), key: typed(key, value)}).validate())[key]
    assert main(["settings", "set", key, value, "--data-dir", str(site_dir)]) == 1
    assert capsys.readouterr().err == f"evdesk settings: {key}: {expected}\n"
