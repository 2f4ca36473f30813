"""The station panel's Commands menu: its sections and command titles, translated when the menu is
built (context "Commands"). `gui/commands.py` keeps the English titles (dialogs and the action log use
them); `tests/gui/test_translations.py` checks this list against it, so a new command is not missed."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def command_title(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


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
