"""State names shown in tables and chips (connection, registration, system status, operator roles,
the OCPP connector statuses), translated when drawn (context "States").

The code and the store keep the English names (filters, colours and tests refer to them); the
markers below put each into the .ts files. OCPP status names are translated for the chips and
cards only: logs and exports keep the protocol's own words."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def state_label(name: str) -> str:
    return QCoreApplication.translate("States", name)


STATE_NAMES = (
    # connection (core/station_status.py)
    QT_TRANSLATE_NOOP("States", "Online"),
    QT_TRANSLATE_NOOP("States", "Temporarily unavailable"),
    QT_TRANSLATE_NOOP("States", "Long-term unavailable"),
    QT_TRANSLATE_NOOP("States", "Never connected"),
    # registration (gui/display.py) and system status (core/hardware_rules.py)
    QT_TRANSLATE_NOOP("States", "Adopted"),
    QT_TRANSLATE_NOOP("States", "Pending"),
    QT_TRANSLATE_NOOP("States", "Rejected"),
    QT_TRANSLATE_NOOP("States", "Active"),
    QT_TRANSLATE_NOOP("States", "Disabled"),
    QT_TRANSLATE_NOOP("States", "Out of order"),
    # charging users and tokens (gui/models/users_model.py, tokens_model.py), operators (core/operators.py)
    QT_TRANSLATE_NOOP("States", "Inactive"),
    QT_TRANSLATE_NOOP("States", "Blocked"),
    QT_TRANSLATE_NOOP("States", "Invited"),
    # invoices (gui/models/invoices_model.py)
    QT_TRANSLATE_NOOP("States", "Preview"),
    QT_TRANSLATE_NOOP("States", "Not sent"),
    QT_TRANSLATE_NOOP("States", "Sent"),
    QT_TRANSLATE_NOOP("States", "Paid"),
    QT_TRANSLATE_NOOP("States", "Overdue"),
    # charging sessions (core/reads/sessions.py STATE_LABELS)
    QT_TRANSLATE_NOOP("States", "Running"),
    QT_TRANSLATE_NOOP("States", "Finished"),
    QT_TRANSLATE_NOOP("States", "Closed (no stop)"),
    QT_TRANSLATE_NOOP("States", "Failed"),
    # the dashboard's charging point states (core/reads/point_states.py) and its phrases
    QT_TRANSLATE_NOOP("States", "Issue detected"),
    QT_TRANSLATE_NOOP("States", "Suspended"),
    QT_TRANSLATE_NOOP("States", "no charging points"),
    QT_TRANSLATE_NOOP("States", "charging"),
    QT_TRANSLATE_NOOP("States", "available"),
    QT_TRANSLATE_NOOP("States", "unavailable"),
    QT_TRANSLATE_NOOP("States", "reporting an issue"),
    QT_TRANSLATE_NOOP("States", "suspended"),
    QT_TRANSLATE_NOOP("States", "disabled"),
    QT_TRANSLATE_NOOP("States", "Without a group"),
    QT_TRANSLATE_NOOP("States", "Free"),  # a session's cost under a free tariff (gui/models/sessions_model.py)
    # the Stations table's name suffixes (gui/models/stations_model.py)
    QT_TRANSLATE_NOOP("States", "  (pending)"),
    QT_TRANSLATE_NOOP("States", "  (rejected)"),
    # operator roles (core/permissions.py ROLE_LABELS)
    QT_TRANSLATE_NOOP("States", "Admin"),
    QT_TRANSLATE_NOOP("States", "Basic"),
    QT_TRANSLATE_NOOP("States", "Analyst (read only)"),
    # OCPP 1.6 ChargePointStatus
    QT_TRANSLATE_NOOP("States", "Available"),
    QT_TRANSLATE_NOOP("States", "Preparing"),
    QT_TRANSLATE_NOOP("States", "Charging"),
    QT_TRANSLATE_NOOP("States", "SuspendedEV"),
    QT_TRANSLATE_NOOP("States", "SuspendedEVSE"),
    QT_TRANSLATE_NOOP("States", "Finishing"),
    QT_TRANSLATE_NOOP("States", "Reserved"),
    QT_TRANSLATE_NOOP("States", "Unavailable"),
    QT_TRANSLATE_NOOP("States", "Faulted"),
    QT_TRANSLATE_NOOP("States", "Unknown"),
)
