"""Counted nouns ("1 station", "3 charging groups") and the core's tariff and time-window phrases,
translated where the GUI shows them (context "Counts").

Rules: a count is a whole phrase with {count} in it, one form for 1 and one for any other number
(Finnish and German need both: "1 asema" / "3 asemaa"); `counted` refuses a noun not listed here, so a
new one cannot slip through untranslated. The core's own wordings (tariff types, time bases) are
looked up whole; days of a time window are the language's own short day names (QLocale)."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

COUNTED = {
    "user": (QT_TRANSLATE_NOOP("Counts", "{count} user"), QT_TRANSLATE_NOOP("Counts", "{count} users")),
    "charging user": (QT_TRANSLATE_NOOP("Counts", "{count} charging user"),
                      QT_TRANSLATE_NOOP("Counts", "{count} charging users")),
    "user group": (QT_TRANSLATE_NOOP("Counts", "{count} user group"), QT_TRANSLATE_NOOP("Counts", "{count} user groups")),
    "token": (QT_TRANSLATE_NOOP("Counts", "{count} token"), QT_TRANSLATE_NOOP("Counts", "{count} tokens")),
    "charging group": (QT_TRANSLATE_NOOP("Counts", "{count} charging group"),
                       QT_TRANSLATE_NOOP("Counts", "{count} charging groups")),
    "station": (QT_TRANSLATE_NOOP("Counts", "{count} station"), QT_TRANSLATE_NOOP("Counts", "{count} stations")),
    "access profile": (QT_TRANSLATE_NOOP("Counts", "{count} access profile"),
                       QT_TRANSLATE_NOOP("Counts", "{count} access profiles")),
    "location": (QT_TRANSLATE_NOOP("Counts", "{count} location"), QT_TRANSLATE_NOOP("Counts", "{count} locations")),
}

# core/pricing/tariff.py KINDS and TIME_BASES (capitalised as the tariff editor shows them), the tariff list's short kinds (gui/models/tariffs_model.py)
CORE_PHRASES = (
    QT_TRANSLATE_NOOP("Counts", "Free"),
    QT_TRANSLATE_NOOP("Counts", "Flat price per session"),
    QT_TRANSLATE_NOOP("Counts", "Energy + duration + connection fee"),
    QT_TRANSLATE_NOOP("Counts", "Day / night prices"),
    QT_TRANSLATE_NOOP("Counts", "Power levels (price per minute by average kW)"),
    QT_TRANSLATE_NOOP("Counts", "AC and DC prices"),
    QT_TRANSLATE_NOOP("Counts", "The whole session"),
    QT_TRANSLATE_NOOP("Counts", "Time actively charging"),
    QT_TRANSLATE_NOOP("Counts", "Flat"),
    QT_TRANSLATE_NOOP("Counts", "Energy + time"),
    QT_TRANSLATE_NOOP("Counts", "Day / night"),
    QT_TRANSLATE_NOOP("Counts", "Power levels"),
    QT_TRANSLATE_NOOP("Counts", "AC / DC"),
)


def counted(n: int, noun: str) -> str:
    one, many = COUNTED[noun]
    return QCoreApplication.translate("Counts", one if n == 1 else many).format(count=n)


def phrase(text: str) -> str:
    """One of the core's phrases above in the current language (the English when not listed)."""
    return QCoreApplication.translate("Counts", text)


def window_text(days, start: time, end: time) -> str:
    """A time window as core/access_profiles.describe_window words it ("Mon–Fri 22:00–06:00",
    "Every day, all day"), with the language's short day names. `days`: 0 = Monday."""
    from evdesk.gui.translations import current_locale

    locale = current_locale()

    def name(d: int) -> str:
        return locale.dayName(d + 1, QLocale.FormatType.ShortFormat)

    days = sorted(days)
    runs, first = [], None
    for i, d in enumerate(days):
        if first is None:
            first = d
        if i + 1 == len(days) or days[i + 1] != d + 1:
            runs.append(name(first) if first == d else
                        f"{name(first)}, {name(d)}" if d == first + 1 else f"{name(first)}–{name(d)}")
            first = None
    text = QCoreApplication.translate("Counts", "Every day") if len(days) == 7 else ", ".join(runs)
    if start == end:
        return QCoreApplication.translate("Counts", "{days}, all day").format(days=text)
    end_text = "24:00" if end == time(0) else end.strftime("%H:%M")
    return f"{text} {start.strftime('%H:%M')}–{end_text}"
