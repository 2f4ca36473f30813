"""The station panel's Commands menu: its sections and command titles, translated when the menu is
built (context "Commands"), and what the command dialog shows of each command: its description, send
button, parameter labels, hints and choices (context "CommandParams").

`gui/commands.py` keeps the English (dialogs and the action log use the titles, the catalogue stays
free of Qt); `tests/gui/test_translations.py` checks both lists against it, so a new command or
parameter is not missed. Choices whose label is their OCPP value (ChargePointMaxProfile, Full) keep
the protocol's word and are not listed."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def command_title(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


def param_text(text: str) -> str:
    """A command's description, send button, parameter label, hint or choice in the current language."""
    return QCoreApplication.translate("CommandParams", text) if text else text


MENU_TEXTS = (
    QT_TRANSLATE_NOOP("Commands", "Charging"),
    QT_TRANSLATE_NOOP("Commands", "Station"),
    QT_TRANSLATE_NOOP("Commands", "Configuration"),
    QT_TRANSLATE_NOOP("Commands", "Smart charging"),
    QT_TRANSLATE_NOOP("Commands", "Maintenance"),
    QT_TRANSLATE_NOOP("Commands", "Start charging…"),
    QT_TRANSLATE_NOOP("Commands", "Stop charging…"),
    QT_TRANSLATE_NOOP("Commands", "Release cable (unlock connector)…"),
    QT_TRANSLATE_NOOP("Commands", "Reserve connector…"),
    QT_TRANSLATE_NOOP("Commands", "Cancel reservation…"),
    QT_TRANSLATE_NOOP("Commands", "Reset…"),
    QT_TRANSLATE_NOOP("Commands", "Set available / unavailable…"),
    QT_TRANSLATE_NOOP("Commands", "Clear cache…"),
    QT_TRANSLATE_NOOP("Commands", "Trigger message…"),
    QT_TRANSLATE_NOOP("Commands", "Refresh configuration…"),
    QT_TRANSLATE_NOOP("Commands", "Change configuration…"),
    QT_TRANSLATE_NOOP("Commands", "Send local authorization list…"),
    QT_TRANSLATE_NOOP("Commands", "Get local list version…"),
    QT_TRANSLATE_NOOP("Commands", "Data transfer…"),
    QT_TRANSLATE_NOOP("Commands", "Set charging profile…"),
    QT_TRANSLATE_NOOP("Commands", "Clear charging profiles…"),
    QT_TRANSLATE_NOOP("Commands", "Get composite schedule…"),
    QT_TRANSLATE_NOOP("Commands", "Firmware update…"),
    QT_TRANSLATE_NOOP("Commands", "Get diagnostics…"),
)

PARAM_TEXTS = (
    QT_TRANSLATE_NOOP("CommandParams", "Ask the station to start a session for an id tag (the driver still plugs in). Choose which tariff applies and, if you like, when evdesk stops the session."),
    QT_TRANSLATE_NOOP("CommandParams", "Start charging"),
    QT_TRANSLATE_NOOP("CommandParams", "Connector"),
    QT_TRANSLATE_NOOP("CommandParams", "Id tag"),
    QT_TRANSLATE_NOOP("CommandParams", "The token the session is charged to, e.g. 04A2B3C4D5."),
    QT_TRANSLATE_NOOP("CommandParams", "Tariff"),
    QT_TRANSLATE_NOOP("CommandParams", "As the tariff groups decide: the access profile's or the station's tariff. Free: no charge."),
    QT_TRANSLATE_NOOP("CommandParams", "Stop after (minutes)"),
    QT_TRANSLATE_NOOP("CommandParams", "evdesk asks the station to stop the session after this long."),
    QT_TRANSLATE_NOOP("CommandParams", "Stop at energy (kWh)"),
    QT_TRANSLATE_NOOP("CommandParams", "e.g. 20 or 12.5"),
    QT_TRANSLATE_NOOP("CommandParams", "Stop at cost ({currency})"),
    QT_TRANSLATE_NOOP("CommandParams", "e.g. 9.50"),
    QT_TRANSLATE_NOOP("CommandParams", "Ask the station to end a running session."),
    QT_TRANSLATE_NOOP("CommandParams", "Stop charging"),
    QT_TRANSLATE_NOOP("CommandParams", "Session (transaction id)"),
    QT_TRANSLATE_NOOP("CommandParams", "Unlock a connector so a stuck cable can be removed. A running session on it may end."),
    QT_TRANSLATE_NOOP("CommandParams", "Release cable"),
    QT_TRANSLATE_NOOP("CommandParams", "Hold a connector for one id tag until the expiry time."),
    QT_TRANSLATE_NOOP("CommandParams", "Reserve"),
    QT_TRANSLATE_NOOP("CommandParams", "Expires at"),
    QT_TRANSLATE_NOOP("CommandParams", "Parent id tag"),
    QT_TRANSLATE_NOOP("CommandParams", "Cancel a reservation by its number."),
    QT_TRANSLATE_NOOP("CommandParams", "Cancel reservation"),
    QT_TRANSLATE_NOOP("CommandParams", "Reservation id"),
    QT_TRANSLATE_NOOP("CommandParams", "Soft reset restarts the station's software; hard reset restarts the whole station. Running sessions are stopped."),
    QT_TRANSLATE_NOOP("CommandParams", "Reset"),
    QT_TRANSLATE_NOOP("CommandParams", "Kind"),
    QT_TRANSLATE_NOOP("CommandParams", "Soft reset (restart the application)"),
    QT_TRANSLATE_NOOP("CommandParams", "Hard reset (restart the station)"),
    QT_TRANSLATE_NOOP("CommandParams", "Enable or disable charging on one connector or the whole station."),
    QT_TRANSLATE_NOOP("CommandParams", "Send"),
    QT_TRANSLATE_NOOP("CommandParams", "Set to"),
    QT_TRANSLATE_NOOP("CommandParams", "Available (operative)"),
    QT_TRANSLATE_NOOP("CommandParams", "Unavailable (inoperative)"),
    QT_TRANSLATE_NOOP("CommandParams", "Clear the station's cache of recently accepted RFID tags."),
    QT_TRANSLATE_NOOP("CommandParams", "Clear cache"),
    QT_TRANSLATE_NOOP("CommandParams", "Ask the station to send a message now."),
    QT_TRANSLATE_NOOP("CommandParams", "Trigger"),
    QT_TRANSLATE_NOOP("CommandParams", "Message"),
    QT_TRANSLATE_NOOP("CommandParams", "Read configuration keys from the station (all keys when none are given); the Configuration tab shows them."),
    QT_TRANSLATE_NOOP("CommandParams", "Read"),
    QT_TRANSLATE_NOOP("CommandParams", "Keys"),
    QT_TRANSLATE_NOOP("CommandParams", "Comma-separated; empty = all keys."),
    QT_TRANSLATE_NOOP("CommandParams", "Set one configuration key. Invalid values can make a station malfunction."),
    QT_TRANSLATE_NOOP("CommandParams", "Change"),
    QT_TRANSLATE_NOOP("CommandParams", "Key"),
    QT_TRANSLATE_NOOP("CommandParams", "Value"),
    QT_TRANSLATE_NOOP("CommandParams", "Replace (Full) or update (Differential) the id tags the station accepts offline."),
    QT_TRANSLATE_NOOP("CommandParams", "List version"),
    QT_TRANSLATE_NOOP("CommandParams", "Update"),
    QT_TRANSLATE_NOOP("CommandParams", "Entries (JSON list)"),
    QT_TRANSLATE_NOOP("CommandParams", "Ask which version of the local authorization list the station holds."),
    QT_TRANSLATE_NOOP("CommandParams", "Ask"),
    QT_TRANSLATE_NOOP("CommandParams", "Send a vendor-specific message."),
    QT_TRANSLATE_NOOP("CommandParams", "Vendor id"),
    QT_TRANSLATE_NOOP("CommandParams", "Message id"),
    QT_TRANSLATE_NOOP("CommandParams", "Data"),
    QT_TRANSLATE_NOOP("CommandParams", "Install a charging profile (the station panel opens its editor: fields, periods and a chart)."),
    QT_TRANSLATE_NOOP("CommandParams", "Profile (JSON)"),
    QT_TRANSLATE_NOOP("CommandParams", "Remove charging profiles; every field left unset matches all."),
    QT_TRANSLATE_NOOP("CommandParams", "Clear"),
    QT_TRANSLATE_NOOP("CommandParams", "Profile id"),
    QT_TRANSLATE_NOOP("CommandParams", "Purpose"),
    QT_TRANSLATE_NOOP("CommandParams", "Any purpose"),
    QT_TRANSLATE_NOOP("CommandParams", "Stack level"),
    QT_TRANSLATE_NOOP("CommandParams", "Ask the station what it will draw over the coming period, all profiles combined."),
    QT_TRANSLATE_NOOP("CommandParams", "Duration (s)"),
    QT_TRANSLATE_NOOP("CommandParams", "Unit"),
    QT_TRANSLATE_NOOP("CommandParams", "Station's choice"),
    QT_TRANSLATE_NOOP("CommandParams", "Ampere (A)"),
    QT_TRANSLATE_NOOP("CommandParams", "Watt (W)"),
    QT_TRANSLATE_NOOP("CommandParams", "The station downloads firmware from the location and installs it after the retrieve time."),
    QT_TRANSLATE_NOOP("CommandParams", "Schedule update"),
    QT_TRANSLATE_NOOP("CommandParams", "Location (URL)"),
    QT_TRANSLATE_NOOP("CommandParams", "e.g. ftp://files.example.com/fw/evb200-1.9.0.bin"),
    QT_TRANSLATE_NOOP("CommandParams", "Retrieve after"),
    QT_TRANSLATE_NOOP("CommandParams", "Retries"),
    QT_TRANSLATE_NOOP("CommandParams", "Retry interval (s)"),
    QT_TRANSLATE_NOOP("CommandParams", "The station uploads a diagnostics file to the location; progress shows in the network log."),
    QT_TRANSLATE_NOOP("CommandParams", "Request"),
    QT_TRANSLATE_NOOP("CommandParams", "Upload location (URL)"),
    QT_TRANSLATE_NOOP("CommandParams", "From"),
    QT_TRANSLATE_NOOP("CommandParams", "Until"),
    # the command dialog's own words around them (gui/dialogs/command_dialog.py)
    QT_TRANSLATE_NOOP("CommandParams", " (optional)"),
)
