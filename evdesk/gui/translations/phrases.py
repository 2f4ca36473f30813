"""Counted nouns ("1 station", "3 charging groups") and the core's tariff and time-window phrases,
translated where the GUI shows them (context "Phrases").

Rules: a count is a whole phrase with {count} in it, one form for 1 and one for any other number
(Finnish and German need both: "1 asema" / "3 asemaa"); `counted` refuses a noun not listed here, so a
new one cannot slip through untranslated. The core's own wordings (tariff types, time bases) are
looked up whole; days of a time window are the language's own short day names (QLocale)."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

COUNTED = {
    "user": (QT_TRANSLATE_NOOP("Phrases", "{count} user"), QT_TRANSLATE_NOOP("Phrases", "{count} users")),
    "charging user": (QT_TRANSLATE_NOOP("Phrases", "{count} charging user"),
                      QT_TRANSLATE_NOOP("Phrases", "{count} charging users")),
    "user group": (QT_TRANSLATE_NOOP("Phrases", "{count} user group"), QT_TRANSLATE_NOOP("Phrases", "{count} user groups")),
    "token": (QT_TRANSLATE_NOOP("Phrases", "{count} token"), QT_TRANSLATE_NOOP("Phrases", "{count} tokens")),
    "charging group": (QT_TRANSLATE_NOOP("Phrases", "{count} charging group"),
                       QT_TRANSLATE_NOOP("Phrases", "{count} charging groups")),
    "station": (QT_TRANSLATE_NOOP("Phrases", "{count} station"), QT_TRANSLATE_NOOP("Phrases", "{count} stations")),
    "access profile": (QT_TRANSLATE_NOOP("Phrases", "{count} access profile"),
                       QT_TRANSLATE_NOOP("Phrases", "{count} access profiles")),
    "location": (QT_TRANSLATE_NOOP("Phrases", "{count} location"), QT_TRANSLATE_NOOP("Phrases", "{count} locations")),
    "rule": (QT_TRANSLATE_NOOP("Phrases", "{count} notification rule"),
             QT_TRANSLATE_NOOP("Phrases", "{count} notification rules")),
    "mail shown": (QT_TRANSLATE_NOOP("Phrases", "{count} mail shown"), QT_TRANSLATE_NOOP("Phrases", "{count} mails shown")),
    # a report's buckets (core/reports/definition.py GRAINS)
    "hour": (QT_TRANSLATE_NOOP("Phrases", "{count} hour"), QT_TRANSLATE_NOOP("Phrases", "{count} hours")),
    "day": (QT_TRANSLATE_NOOP("Phrases", "{count} day"), QT_TRANSLATE_NOOP("Phrases", "{count} days")),
    "week": (QT_TRANSLATE_NOOP("Phrases", "{count} week"), QT_TRANSLATE_NOOP("Phrases", "{count} weeks")),
    "month": (QT_TRANSLATE_NOOP("Phrases", "{count} month"), QT_TRANSLATE_NOOP("Phrases", "{count} months")),
}

# core/pricing/tariff.py KINDS and TIME_BASES (capitalised as the tariff editor shows them), the tariff list's
# short kinds (gui/models/tariffs_model.py)
CORE_PHRASES = (
    QT_TRANSLATE_NOOP("Phrases", "Free"),
    QT_TRANSLATE_NOOP("Phrases", "Flat price per session"),
    QT_TRANSLATE_NOOP("Phrases", "Energy + duration + connection fee"),
    QT_TRANSLATE_NOOP("Phrases", "Day / night prices"),
    QT_TRANSLATE_NOOP("Phrases", "Power levels (price per minute by average kW)"),
    QT_TRANSLATE_NOOP("Phrases", "AC and DC prices"),
    QT_TRANSLATE_NOOP("Phrases", "The whole session"),
    QT_TRANSLATE_NOOP("Phrases", "Time actively charging"),
    QT_TRANSLATE_NOOP("Phrases", "Flat"),
    QT_TRANSLATE_NOOP("Phrases", "Energy + time"),
    QT_TRANSLATE_NOOP("Phrases", "Day / night"),
    QT_TRANSLATE_NOOP("Phrases", "Power levels"),
    QT_TRANSLATE_NOOP("Phrases", "AC / DC"),
    # core/reports/definition.py: METRICS, PERIODS, COMPARES, GRAINS, BREAKDOWNS (the report page's choices)
    QT_TRANSLATE_NOOP("Phrases", "Sessions"),
    QT_TRANSLATE_NOOP("Phrases", "Energy"),
    QT_TRANSLATE_NOOP("Phrases", "Plugged time (duration)"),
    QT_TRANSLATE_NOOP("Phrases", "Charging time"),
    QT_TRANSLATE_NOOP("Phrases", "Parked time"),
    QT_TRANSLATE_NOOP("Phrases", "Revenue"),
    QT_TRANSLATE_NOOP("Phrases", "Unique charging users"),
    QT_TRANSLATE_NOOP("Phrases", "Utilisation"),
    QT_TRANSLATE_NOOP("Phrases", "Error rate"),
    QT_TRANSLATE_NOOP("Phrases", "Availability"),
    QT_TRANSLATE_NOOP("Phrases", "Today"),
    QT_TRANSLATE_NOOP("Phrases", "Yesterday"),
    QT_TRANSLATE_NOOP("Phrases", "Last 7 days"),
    QT_TRANSLATE_NOOP("Phrases", "Last 30 days"),
    QT_TRANSLATE_NOOP("Phrases", "This week"),
    QT_TRANSLATE_NOOP("Phrases", "Last week"),
    QT_TRANSLATE_NOOP("Phrases", "This month"),
    QT_TRANSLATE_NOOP("Phrases", "Last month"),
    QT_TRANSLATE_NOOP("Phrases", "This year"),
    QT_TRANSLATE_NOOP("Phrases", "Last year"),
    QT_TRANSLATE_NOOP("Phrases", "Custom"),
    QT_TRANSLATE_NOOP("Phrases", "No comparison"),
    QT_TRANSLATE_NOOP("Phrases", "Preceding period"),
    QT_TRANSLATE_NOOP("Phrases", "Same period last year"),
    QT_TRANSLATE_NOOP("Phrases", "Hour"),
    QT_TRANSLATE_NOOP("Phrases", "Day"),
    QT_TRANSLATE_NOOP("Phrases", "Week"),
    QT_TRANSLATE_NOOP("Phrases", "Month"),
    QT_TRANSLATE_NOOP("Phrases", "None"),
    QT_TRANSLATE_NOOP("Phrases", "Station"),
    QT_TRANSLATE_NOOP("Phrases", "Charging group"),
    QT_TRANSLATE_NOOP("Phrases", "Charging user"),
    QT_TRANSLATE_NOOP("Phrases", "User group"),
    QT_TRANSLATE_NOOP("Phrases", "Tariff"),
    QT_TRANSLATE_NOOP("Phrases", "Charging point"),
    # core/scheduling/kinds.py KIND_LABELS (the scheduled tasks' types)
    QT_TRANSLATE_NOOP("Phrases", "Change station limit"),
    QT_TRANSLATE_NOOP("Phrases", "Change group limit"),
    QT_TRANSLATE_NOOP("Phrases", "User activation"),
    QT_TRANSLATE_NOOP("Phrases", "Activate group"),
    QT_TRANSLATE_NOOP("Phrases", "Firmware update"),
    QT_TRANSLATE_NOOP("Phrases", "Reset"),
    QT_TRANSLATE_NOOP("Phrases", "Change availability"),
    QT_TRANSLATE_NOOP("Phrases", "Remote command"),
    QT_TRANSLATE_NOOP("Phrases", "Invoice run"),
    QT_TRANSLATE_NOOP("Phrases", "Report by e-mail"),
    QT_TRANSLATE_NOOP("Phrases", "Circuit limit"),
    # core/notifications KIND_LABELS (the notification log's mails)
    QT_TRANSLATE_NOOP("Phrases", "Case began"),
    QT_TRANSLATE_NOOP("Phrases", "Resolved"),
    QT_TRANSLATE_NOOP("Phrases", "Auto-recovery"),
    # core/notifications/cases.py CASE_LABELS
    QT_TRANSLATE_NOOP("Phrases", "Unavailable"),
    QT_TRANSLATE_NOOP("Phrases", "Fuse tripped"),
    QT_TRANSLATE_NOOP("Phrases", "Sensor fault"),
    QT_TRANSLATE_NOOP("Phrases", "Other fault"),
    QT_TRANSLATE_NOOP("Phrases", "Session failed to start"),
    QT_TRANSLATE_NOOP("Phrases", "Load limit not applied"),
    # core/firmware/rollouts.py and diagnostics.py STATE_LABELS (a station's firmware or diagnostics state)
    QT_TRANSLATE_NOOP("Phrases", "Waiting for the station"),
    QT_TRANSLATE_NOOP("Phrases", "Downloading"),
    QT_TRANSLATE_NOOP("Phrases", "Downloaded"),
    QT_TRANSLATE_NOOP("Phrases", "Installing"),
    QT_TRANSLATE_NOOP("Phrases", "Installed"),
    QT_TRANSLATE_NOOP("Phrases", "Download failed"),
    QT_TRANSLATE_NOOP("Phrases", "Installation failed"),
    QT_TRANSLATE_NOOP("Phrases", "Refused by the station"),
    QT_TRANSLATE_NOOP("Phrases", "Not connected"),
    QT_TRANSLATE_NOOP("Phrases", "Command failed"),
    QT_TRANSLATE_NOOP("Phrases", "No result in time"),
    QT_TRANSLATE_NOOP("Phrases", "Replaced by a newer roll-out"),
    QT_TRANSLATE_NOOP("Phrases", "Waiting for the file"),
    QT_TRANSLATE_NOOP("Phrases", "Uploading"),
    QT_TRANSLATE_NOOP("Phrases", "Station says uploaded"),
    QT_TRANSLATE_NOOP("Phrases", "Received"),
    QT_TRANSLATE_NOOP("Phrases", "Upload failed"),
    QT_TRANSLATE_NOOP("Phrases", "No file in time"),
    QT_TRANSLATE_NOOP("Phrases", "File too large"),
    QT_TRANSLATE_NOOP("Phrases", "Station has no diagnostics"),
    # core/actions.py OUTCOME_LABELS (a command's outcome)
    QT_TRANSLATE_NOOP("Phrases", "Accepted by the station"),
    QT_TRANSLATE_NOOP("Phrases", "Rejected by the station"),
    QT_TRANSLATE_NOOP("Phrases", "No answer in time"),
    QT_TRANSLATE_NOOP("Phrases", "Failed"),
    QT_TRANSLATE_NOOP("Phrases", "Station not connected"),
    QT_TRANSLATE_NOOP("Phrases", "Done"),
    # core/scheduling/kinds.py COMMANDS as the task editor offers them ("change_availability": "Change availability")
    QT_TRANSLATE_NOOP("Phrases", "Change configuration"),
    QT_TRANSLATE_NOOP("Phrases", "Get configuration"),
    QT_TRANSLATE_NOOP("Phrases", "Clear cache"),
    QT_TRANSLATE_NOOP("Phrases", "Unlock connector"),
    QT_TRANSLATE_NOOP("Phrases", "Trigger message"),
    QT_TRANSLATE_NOOP("Phrases", "Data transfer"),
    QT_TRANSLATE_NOOP("Phrases", "Set charging profile"),
    QT_TRANSLATE_NOOP("Phrases", "Clear charging profile"),
    QT_TRANSLATE_NOOP("Phrases", "Get local list version"),
    QT_TRANSLATE_NOOP("Phrases", "Get diagnostics"),
    QT_TRANSLATE_NOOP("Phrases", "Update firmware"),
    # core/reports/exports.py progress
    QT_TRANSLATE_NOOP("Phrases", "Writing the CSV file…"),
    QT_TRANSLATE_NOOP("Phrases", "Laying out the PDF…"),
)


def counted(n: int, noun: str) -> str:
    one, many = COUNTED[noun]
    return QCoreApplication.translate("Phrases", one if n == 1 else many).format(count=n)


def phrase(text: str) -> str:
    """One of the core's phrases above in the current language (the English when not listed)."""
    return QCoreApplication.translate("Phrases", text)


def summary_text(summary) -> str:
    """A firmware roll-out's summary (core/firmware/rollouts.py Summary)."""
    return QCoreApplication.translate("Phrases", "{installed} installed, {failed} failed, {waiting} waiting").format(
        installed=summary.installed, failed=summary.failed, waiting=summary.waiting)


def compared_label(text: str) -> str:
    """The report engine's "Compared: <period>" series label."""
    head = "Compared: "
    if text.startswith(head):
        return QCoreApplication.translate("Phrases", "Compared: {period}").format(period=text[len(head):])
    return text


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
    text = QCoreApplication.translate("Phrases", "Every day") if len(days) == 7 else ", ".join(runs)
    if start == end:
        return QCoreApplication.translate("Phrases", "{days}, all day").format(days=text)
    end_text = "24:00" if end == time(0) else end.strftime("%H:%M")
    return f"{text} {start.strftime('%H:%M')}–{end_text}"


def price_summary(p) -> str:
    """A tariff's price in one line, as core/pricing/tariff.py TariffPrices.summary() words it (the same
    English; `tests/gui/test_translations.py` compares them for every kind), in the current language.
    Amounts, currency codes and units (kWh, h, min, kW) stay as they are."""
    if p.kind == "free":
        return QCoreApplication.translate("Phrases", "Free")
    unit = "min" if p.time_unit == "minute" else "h"

    def energy_and_time(energy, per_time) -> list[str]:
        return [text for text, v in ((f"{energy}/kWh", energy), (f"{per_time}/{unit}", per_time)) if v]

    if p.kind == "flat":
        parts = [QCoreApplication.translate("Phrases", "{price} per session").format(price=p.session_price)]
    elif p.kind == "power_levels":
        parts = [QCoreApplication.translate("Phrases", "{price}/min up to {kw} kW").format(
            price=lv.price_per_minute, kw=lv.max_kw) for lv in p.levels]
    elif p.kind == "ac_dc":
        parts = [f"AC {p.energy_price}/kWh", f"DC {p.dc_energy_price}/kWh"]
    elif p.kind == "day_night":
        day = " ".join(energy_and_time(p.energy_price, p.time_price)) or "0"
        night = " ".join(energy_and_time(p.night_energy_price, p.night_time_price)) or "0"
        starts = (p.day_starts.strftime("%H:%M") if p.day_starts else "",
                  p.night_starts.strftime("%H:%M") if p.night_starts else "")
        parts = [QCoreApplication.translate("Phrases", "day (from {time}) {prices}").format(time=starts[0], prices=day),
                 QCoreApplication.translate("Phrases", "night (from {time}) {prices}").format(time=starts[1], prices=night)]
    else:
        parts = energy_and_time(p.energy_price, p.time_price)
    if p.connection_fee:
        parts.append(QCoreApplication.translate("Phrases", "{fee} connection").format(fee=p.connection_fee))
    if p.kind == "ac_dc":
        for label, fee, start in (("AC", p.minute_fee, p.minute_fee_from), ("DC", p.dc_minute_fee, p.dc_minute_fee_from)):
            if fee:
                parts.append(QCoreApplication.translate("Phrases", "{current} {fee}/min from minute {minute}").format(
                    current=label, fee=fee, minute=start))
    elif p.minute_fee:
        parts.append(QCoreApplication.translate("Phrases", "{fee}/min from minute {minute}").format(
            fee=p.minute_fee, minute=p.minute_fee_from))
    if p.idle_fee_per_hour:
        parts.append(QCoreApplication.translate("Phrases", "{fee}/h parking").format(fee=p.idle_fee_per_hour))
    return f"{p.currency} " + (", ".join(parts) if parts else QCoreApplication.translate("Phrases", "0 (nothing charged)"))


def window_list_text(days, start: time, end: time) -> str:
    """A tariff entry's time window as core/pricing/selection.py TimeWindow.describe() words it ("Mon, Tue
    22:00–06:00"; each day named), with the language's short day names."""
    from evdesk.gui.translations import current_locale

    locale = current_locale()
    text = (", ".join(locale.dayName(d + 1, QLocale.FormatType.ShortFormat) for d in sorted(days)) if len(days) < 7
            else QCoreApplication.translate("Phrases", "Every day"))
    if start == end:
        return QCoreApplication.translate("Phrases", "{days}, all day").format(days=text)
    return f"{text} {start.strftime('%H:%M')}–{end.strftime('%H:%M')}"


def schedule_text(schedule) -> str:
    """A scheduled task's schedule as core/scheduling/recurrence.py describe() words it ("Weekly on Mon, Fri
    at 23:59 (Europe/Helsinki)"; the same English, compared in the tests), in the current language."""
    from evdesk.gui.translations import current_locale

    at = QCoreApplication.translate("Phrases", "at {time} ({zone})").format(
        time=schedule.time_of_day.strftime("%H:%M"), zone=schedule.zone)
    if schedule.recurrence == "once":
        text = QCoreApplication.translate("Phrases", "Once on {date} {at}").format(
            date=schedule.start_date.strftime("%d.%m.%Y"), at=at)
    elif schedule.recurrence == "daily":
        text = QCoreApplication.translate("Phrases", "Daily {at}").format(at=at)
    elif schedule.recurrence == "weekly":
        locale = current_locale()
        names = (", ".join(locale.dayName(d + 1, QLocale.FormatType.ShortFormat) for d in sorted(schedule.weekdays))
                 or QCoreApplication.translate("Phrases", "no day"))
        text = QCoreApplication.translate("Phrases", "Weekly on {days} {at}").format(days=names, at=at)
    else:
        wanted = schedule.day_of_month or 0
        if wanted == 0:
            text = QCoreApplication.translate("Phrases", "Monthly on the last day {at}").format(at=at)
        elif wanted > 28:
            text = QCoreApplication.translate("Phrases", "Monthly on day {day} (or the month's last day) {at}").format(
                day=wanted, at=at)
        else:
            text = QCoreApplication.translate("Phrases", "Monthly on day {day} {at}").format(day=wanted, at=at)
    if schedule.end_date is not None and schedule.recurrence != "once":
        text = QCoreApplication.translate("Phrases", "{schedule} until {date}").format(
            schedule=text, date=schedule.end_date.strftime("%d.%m.%Y"))
    return text


def task_params_text(kind: str, params: dict) -> str:
    """A scheduled task's parameters in words, as core/scheduling/kinds.py describe_params() (and
    service_kinds.describe_service_params) word them (the same English, compared in the tests). OCPP
    values (Hard, a command's name) stay as the station gets them."""
    from evdesk.core.scheduling.kinds import describe_params
    from evdesk.gui.translations.labels import state_label

    if kind in ("station_current", "group_current"):
        return QCoreApplication.translate("Phrases", "max {amps} A").format(amps=params.get("amps"))
    if kind in ("user_active", "user_group_active"):
        return state_label("Active" if params.get("active") else "Inactive")
    if kind == "reset":
        return QCoreApplication.translate("Phrases", "{kind} reset").format(kind=params.get("kind"))
    if kind == "availability":
        where = (QCoreApplication.translate("Phrases", "station") if not params.get("connector_id") else
                 QCoreApplication.translate("Phrases", "connector {id}").format(id=params.get("connector_id")))
        return f"{where} {'Operative' if params.get('available') else 'Inoperative'}"
    if kind == "invoice_run":
        return (QCoreApplication.translate("Phrases", "previews and send") if params.get("send")
                else QCoreApplication.translate("Phrases", "previews only"))
    if kind == "report_email":
        formats = " + ".join(f.upper() for f in params.get("formats", ()))
        return QCoreApplication.translate("Phrases", "{formats} to {recipients}").format(
            formats=formats, recipients=", ".join(params.get("recipients", ())))
    if kind == "circuit_limit":
        return QCoreApplication.translate("Phrases", "circuit max {amps} A per phase").format(amps=params.get("amps"))
    return describe_params(kind, params)  # firmware (its URL) and commands (the call itself)
