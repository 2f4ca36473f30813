"""Languages: the compiled translations match their sources, every form string and navigation
entry is in Finnish and German, the choice is kept per seat and applied before the window is built,
and dates and numbers follow the language."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo, available_timezones

import pytest

from evdesk.gui import display
from evdesk.gui import translations as i18n
from evdesk.gui.translations import build

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def language(qapp):
    """language(code): run the rest of the test in that language; English again afterwards."""
    yield lambda code: i18n.apply_language(qapp, code)
    i18n.apply_language(qapp, "en")


def form_strings() -> set[tuple[str, str]]:
    """(form class, text) of every translatable string in the Designer files."""
    found = set()
    for path in sorted((ROOT / "ui").glob("*.ui")):
        tree = ET.parse(path)
        widget = tree.getroot().find("widget")
        context = widget.get("name")
        for node in tree.iter("string"):
            if node.get("notr") != "true" and node.text:
                found.add((context, node.text))
    return found


def ts_messages(code: str) -> dict[tuple[str, str], ET.Element]:
    messages = {}
    for context in ET.parse(build.ts_path(code)).getroot().iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            messages[(name, message.find("source").text)] = message.find("translation")
    return messages


def test_compiled_translations_are_what_the_ts_files_compile_to():
    assert build.out_of_date() == [], "run: python3 -m evdesk.gui.translations.build"
    spec = (ROOT / "packaging" / "evdesk.spec").read_text(encoding="utf-8")
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"evdesk.gui.translations" = ["*.qm"]' in pyproject  # packed with the package
    for code in build.translated_codes():
        assert i18n.qm_path(code).stat().st_size > 10_000
        assert f'"evdesk_{code}.qm"' in spec  # and in the PyInstaller bundle


@pytest.mark.parametrize("code", ["fi", "de"])
def test_every_form_string_and_navigation_entry_is_translated(code):
    from evdesk.gui.pages.registry import PAGES

    messages = ts_messages(code)
    wanted = form_strings() | {("Navigation", spec.title) for spec in PAGES}
    missing = sorted(key for key in wanted if key not in messages)
    assert not missing, f"not in {build.ts_path(code).name} (run the build): {missing[:5]}"
    unfinished = sorted(key for key in wanted
                        if messages[key].get("type") == "unfinished" or not (messages[key].text or "").strip())
    assert not unfinished, f"untranslated in {code}: {unfinished[:5]}"
    # a translation that keeps the form's mnemonic keeps exactly one
    for key in wanted:
        if "&" in key[1] and not key[1].startswith("&&"):
            assert messages[key].text.count("&") == key[1].count("&"), key


@pytest.mark.parametrize("code", ["fi", "de"])
def test_every_string_marked_in_the_code_is_translated(code):
    """lupdate over the sources finds nothing new: a string wrapped in tr() without running the build
    (or without translating it) fails here."""
    assert build.untranslated(code) == []


def test_every_command_of_the_menu_is_marked_for_translation():
    from evdesk.gui.commands import COMMANDS, MENU_GROUPS
    from evdesk.gui.translations.commands import MENU_TEXTS

    assert set(MENU_TEXTS) == set(MENU_GROUPS) | {command.title for command in COMMANDS}


def test_translated_core_messages_are_the_core_s_own_words():
    from evdesk.core import operators
    from evdesk.core.permissions import ACCESS_DENIED
    from evdesk.gui.translations.messages import MESSAGES

    assert {operators.WRONG_CREDENTIALS, operators.OPERATOR_INACTIVE, operators.OPERATOR_NOT_FOUND,
            operators.USERNAME_EXISTS, ACCESS_DENIED, f"{operators.POLICY_MESSAGE} {operators.POLICY_HINT}",
            f"{operators.POLICY_MESSAGE} The password must not be the username."} == set(MESSAGES)


def test_language_choice_is_kept_per_seat_and_follows_the_os_by_default(monkeypatch):
    monkeypatch.delenv(i18n.LANGUAGE_ENV, raising=False)
    assert i18n.saved_choice() == ""
    assert i18n.chosen_language() == i18n.system_language()
    i18n.save_choice("de")
    assert i18n.chosen_language() == "de"
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "fi")  # the environment wins (how tests force English)
    assert i18n.chosen_language() == "fi"
    monkeypatch.delenv(i18n.LANGUAGE_ENV)
    i18n.save_choice("")
    assert i18n.chosen_language() == i18n.system_language()
    with pytest.raises(ValueError):
        i18n.save_choice("xx")


def test_window_built_after_the_language_is_applied_speaks_finnish(qtbot, aio, services, admin, language,
                                                                   monkeypatch):
    from evdesk.gui.main_window import MainWindow

    monkeypatch.delenv(i18n.LANGUAGE_ENV, raising=False)
    i18n.save_choice("fi")
    language(i18n.chosen_language())  # what the launcher does before it builds any window
    window = MainWindow(services, None, "", operator=admin)
    qtbot.addWidget(window)
    window.show()
    assert window.nav_item("stations").text() == "Asemat"
    assert window.nav_item("sessions").text() == "Lataustapahtumat"
    assert window.nav_item("account").text() == "Oma tili"
    account = window.page("account")
    assert account.ui.firstNameLabel.text() == "Etunimi:"
    assert account.ui.changePasswordButton.text() == "Vaihda salasana"
    assert window.page("stations").ui.addStationButton.text() == "Lisää asema…"


def test_navigation_follows_a_language_applied_after_the_window_is_built(qtbot, aio, services, admin, language):
    """The entries are translated again on LanguageChange and the list refitted to the longer words."""
    from evdesk.gui.main_window import MainWindow

    window = MainWindow(services, None, "", operator=admin)
    qtbot.addWidget(window)
    window.show()
    english_width = window.ui.navList.width()
    assert window.nav_item("circuits").text() == "Circuits"
    language("de")
    qtbot.waitUntil(lambda: window.nav_item("circuits").text() == "Stromkreise")
    assert window.nav_item("shared_db").text() == "Gemeinsame Daten"
    assert window.nav_item("notifications").text() == "Benachrichtigungen"
    assert window.ui.navList.width() > english_width


def test_log_in_window_speaks_german_with_the_core_s_messages(qtbot, aio, services, language):
    from evdesk.gui.dialogs.login_dialog import LoginDialog

    aio.run(services.operators.create_first_admin("anna", "anna-password-1", "anna@depot.example", "Anna", "O"))
    language("de")
    dialog = LoginDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ui.loginButton.text() == "Anmelden"
    assert dialog.windowTitle() == "evdesk — Anmeldung"
    dialog.ui.usernameEdit.setText("anna")
    dialog.ui.passwordEdit.setText("not her password")
    dialog.log_in()
    aio.wait_until(lambda: dialog.ui.loginError.isVisible())
    assert dialog.ui.loginError.text() == "Falscher Benutzername oder falsches Passwort."


def test_my_account_saves_the_language_for_the_next_start(qtbot, aio, services, admin, monkeypatch):
    from evdesk.gui.main_window import MainWindow

    monkeypatch.delenv(i18n.LANGUAGE_ENV, raising=False)
    window = MainWindow(services, None, "", operator=admin)
    qtbot.addWidget(window)
    window.show_page("account")
    combo = window.page("account").ui.languageCombo
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "en", "fi", "de"]
    assert combo.currentIndex() == 0  # follows the OS until chosen
    combo.setCurrentIndex(combo.findData("de"))
    combo.activated.emit(combo.currentIndex())
    assert i18n.saved_choice() == "de"
    assert "Deutsch" in window.ui.statusBar.currentMessage()
    assert window.nav_item("stations").text() == "Stations"  # still English until the next start


def test_dates_and_numbers_follow_the_language(language):
    zone = ZoneInfo("Europe/Helsinki")
    at = datetime(2026, 1, 5, 10, 4, 9, tzinfo=timezone.utc)
    now = at + timedelta(days=3)
    assert display.local_time(at, zone) == "2026-01-05 12:04:09"
    assert display.energy_kwh(1234567) == "1234.57 kWh"
    assert display.last_seen_text(at, zone, now) == "2026-01-05 12:04"
    language("fi")
    assert display.local_time(at, zone) == "5.1.2026 12:04:09"
    assert display.energy_kwh(1234567) == "1\u00a0234,57 kWh"
    assert display.power_kw(7400) == "7,4 kW"
    assert display.last_seen_text(at, zone, at) == "tänään 12:04:09"
    assert display.ago(at, at + timedelta(minutes=5)) == "5 min sitten"
    language("de")
    assert display.local_time(at, zone) == "05.01.2026 12:04:09"
    assert display.energy_kwh(1234567) == "1.234,57 kWh"
    assert display.clock_time(at, zone, now) == "05.01.2026 12:04 (Europe/Helsinki)"
    assert display.ago(at, at + timedelta(minutes=5)) == "vor 5 min"
    # the clock is the site's, in every language
    assert display.local_time(at, ZoneInfo("UTC")) == "05.01.2026 10:04:09"


# -- the less-used pages, their models and the command dialog ---------------------------------------------------

LESS_USED_PAGES = ("users", "tokens", "user_groups", "tariffs", "access_profiles", "reports", "invoices",
                   "scheduled_tasks", "notifications", "firmware", "locations")
EDITORS = {"user editor": ("users", "add_user"), "user group editor": ("user_groups", "add_group"),
           "tariff editor": ("tariffs", "add_tariff"), "tariff group editor": ("tariffs", "add_group"),
           "access profile editor": ("access_profiles", "add_profile"), "invoice run": ("invoices", "new_run"),
           "task editor": ("scheduled_tasks", "add_task"), "notification rule editor": ("notifications", "add_rule"),
           "location editor": ("locations", "add_location")}
# the same in every language: protocol, unit and connector names, and the seeded site's own names
SAME_IN_EVERY_LANGUAGE = {"AC", "DC", "CCS", "CHAdeMO", "Schuko", "Type1", "Type2", "FTP", "HTTP", "SHA-256", "OK",
                          "AC / &DC", "AC / DC", "EUR", "kWh", "min", "CSV", "PDF", "driver@example.com",
                          "Soft", "Hard", "Operative", "Inoperative"}  # (the last: OCPP's values, as the station gets them)
SAME_IN = {"fi": {"to"}, "de": {"Name", "Name:", "Status", "Status:", "Station", "&Station", "Detail", "Details",
                               "Reset"}}  # the language's own words (Finnish "to": Thursday, a day box of a time window)


def shown_texts(root) -> set[str]:
    """Every word a page shows of its own: labels, buttons, box titles, tabs, placeholders, tooltips, the items of
    its combo boxes and the column headers of its tables (hidden tabs included; the rows are data)."""
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import (QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QTableView, QTabWidget,
                                   QTreeView, QWidget)

    found = set()
    for w in [root, *root.findChildren(QWidget)]:
        found.add(w.toolTip())
        if isinstance(w, QLabel):
            found.add(w.text())
        elif isinstance(w, QAbstractButton):
            found.add(w.text())
        elif isinstance(w, QGroupBox):
            found.add(w.title())
        elif isinstance(w, QLineEdit):
            found.add(w.placeholderText())
        elif isinstance(w, QComboBox):
            found.update(w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QTabWidget):
            found.update(w.tabText(i) for i in range(w.count()))
        if isinstance(w, (QTableView, QTreeView)) and w.model() is not None:
            model = w.model()
            columns = model.columnCount(QModelIndex())
            found.update(str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns))
    return {t for t in found if any(ch.isalpha() for ch in t)}


def render_pages(aio, services, admin, qtbot, qapp, code: str) -> dict[str, set[str]]:
    from evdesk.gui.main_window import MainWindow

    i18n.apply_language(qapp, code)  # before the window, as the launcher does
    window = MainWindow(services, None, "", operator=admin)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    texts = {}
    for key in LESS_USED_PAGES:
        window.show_page(key)
        aio.pump(0.3)
        texts[key] = shown_texts(window.page(key))
    for key, opener in EDITORS.items():  # each page's "add" editor, as its button opens it
        page_key, method = opener
        window.show_page(page_key)
        dialog = getattr(window.page(page_key), method)()
        aio.pump(0.3)
        texts[key] = shown_texts(dialog)
        dialog.close()
    texts["command dialog"] = shown_texts(command_dialog(services, window))
    window.close()
    return texts


def command_dialog(services, window):
    from evdesk.gui.commands import COMMANDS
    from evdesk.gui.dialogs.command_dialog import CommandDialog

    station = next(s for s in services.stations.all() if s.identity == "DEPOT-AC-01")
    dialog = CommandDialog(services, None, station.id, next(c for c in COMMANDS if c.key == "remote_start"),
                           parent=window)
    dialog.show()
    return dialog


def data_names(aio, services) -> set[str]:
    """The seeded site's own names (stations, groups, tariffs, user groups): shown as they are."""
    from evdesk.core.permissions import SYSTEM_CONTEXT

    names = {s.display_name for s in services.stations.all()} | {s.identity for s in services.stations.all()}
    names |= {g.name for g in services.groups.visible(SYSTEM_CONTEXT)}
    names |= {t.name for t in services.tariffs.list_tariffs()} | {g.name for g in aio.run(services.people.groups.list())}
    return names | available_timezones() | {"localtime", "Factory"}  # the location editor's zone list


@pytest.mark.parametrize("code", ["fi", "de"])
def test_the_less_used_pages_show_no_english_in_finnish_and_german(code, qtbot, qapp, aio, services, admin, language):
    """Each page rendered with a seeded site, first in English, then in `code`: a text of the page's own (not a
    name of the site's, not a protocol or unit name) shown unchanged in both is a string nobody translated."""
    from evdesk.core.permissions import SYSTEM_CONTEXT
    from tests.gui.screens import seed_site, seed_tariffs

    ids = aio.run(seed_site(services))
    aio.run(services.people.groups.create(SYSTEM_CONTEXT, "Depot staff", max_concurrent=2))
    aio.run(seed_tariffs(services, ids))
    english = render_pages(aio, services, admin, qtbot, qapp, "en")
    translated = render_pages(aio, services, admin, qtbot, qapp, code)
    names = data_names(aio, services)

    def own_words(text: str) -> bool:
        return text not in SAME_IN_EVERY_LANGUAGE | SAME_IN[code] and not any(name and name in text for name in names)

    left = {f"{key}: {t}" for key in english for t in english[key] & translated[key] if own_words(t)}
    assert not left, "shown in English: " + "; ".join(sorted(left))
    assert "Lataustapahtumat…" in translated["users"] or "Ladevorgänge…" in translated["users"]  # the page's own button


def test_every_part_of_the_command_dialog_is_marked_for_translation():
    """Descriptions, send buttons, labels, hints and choices of every command are in PARAM_TEXTS (choices named
    by their OCPP value excepted), so a new parameter cannot show in English."""
    from evdesk.gui.commands import COMMANDS
    from evdesk.gui.translations.commands import PARAM_TEXTS

    wanted = {" (optional)"}
    for command in COMMANDS:
        wanted |= {command.description, command.confirm_text}
        for param in command.params:
            wanted |= {param.label, param.help} | {label for label, value in param.choices
                                                   if not (isinstance(value, str) and label == value)}
    assert set(PARAM_TEXTS) == wanted - {""}


def test_the_core_s_words_the_gui_shows_are_marked_for_translation():
    """Tariff types, report choices, task types, notification cases and mails, firmware and diagnostics states
    and command outcomes are the core's English; the GUI looks each up in PHRASES, so each must be there."""
    from evdesk.core.actions import OUTCOME_LABELS
    from evdesk.core.firmware import diagnostics, rollouts
    from evdesk.core.notifications import KIND_LABELS as MAIL_KINDS
    from evdesk.core.notifications.cases import CASE_LABELS
    from evdesk.core.pricing.tariff import KINDS, TIME_BASES
    from evdesk.core.reports.definition import BREAKDOWNS, COMPARES, GRAINS, METRICS, PERIODS
    from evdesk.core.scheduling.kinds import COMMANDS as TASK_COMMANDS
    from evdesk.core.scheduling.kinds import KIND_LABELS as TASK_KINDS
    from evdesk.gui.models.tariffs_model import SHORT_KINDS
    from evdesk.gui.translations.phrases import COUNTED, CORE_PHRASES

    wanted = {*KINDS.values(), *(t[0].upper() + t[1:] for t in TIME_BASES.values()), *SHORT_KINDS.values(),
              *(label for label, _unit in METRICS.values()), *PERIODS.values(), *COMPARES.values(), *GRAINS.values(),
              *BREAKDOWNS.values(), *TASK_KINDS.values(), *MAIL_KINDS.values(), *CASE_LABELS.values(),
              *(name.replace("_", " ").capitalize() for name in TASK_COMMANDS),
              *rollouts.STATE_LABELS.values(), *diagnostics.STATE_LABELS.values(),
              *(v for k, v in OUTCOME_LABELS.items() if k != "pending")}
    assert wanted - set(CORE_PHRASES) == set()
    assert set(GRAINS) <= set(COUNTED)  # "30 days, made 12:00:00."


def test_phrases_keep_the_core_s_english_and_translate(language):
    """The GUI's copies of the core's wording say exactly what the core says in English (time windows), and
    speak the language otherwise."""
    from datetime import time

    from evdesk.core.access_profiles import describe_window
    from evdesk.core.pricing.selection import TimeWindow
    from evdesk.gui.translations.phrases import counted, phrase, window_text

    windows = [TimeWindow(frozenset({0, 1, 2, 3, 4}), time(22), time(6)), TimeWindow(frozenset(range(7)), time(0), time(0)),
               TimeWindow(frozenset({5}), time(20), time(0)), TimeWindow(frozenset({0, 2, 3}), time(8), time(9))]
    for w in windows:
        assert window_text(w.days, w.start, w.end) == describe_window(w)
    assert counted(1, "station") == "1 station" and counted(3, "station") == "3 stations"
    with pytest.raises(KeyError):
        counted(2, "unlisted noun")
    language("fi")
    assert counted(3, "station") == "3 asemaa"
    assert window_text(windows[1].days, time(0), time(0)) == "Joka päivä, koko päivän"
    assert window_text(windows[0].days, time(22), time(6)).startswith("ma–pe 22:00")
    language("de")
    assert counted(1, "charging group") == "1 Ladegruppe"
    assert phrase("Energy + duration + connection fee") == "Energie + Dauer + Startgebühr"


def test_the_price_line_says_what_the_core_says_in_english_and_translates(language):
    """gui/translations/phrases.price_summary is the tariff list's copy of TariffPrices.summary(): the same words
    in English for every kind of tariff, the language's words otherwise (amounts and units as they are)."""
    from datetime import time
    from decimal import Decimal as D

    from evdesk.core.pricing.tariff import PowerLevel, TariffPrices
    from evdesk.gui.translations.phrases import price_summary

    samples = [TariffPrices(), TariffPrices("flat", session_price=D("5")),
               TariffPrices("energy_time", energy_price=D("0.35"), time_price=D("1.2"), connection_fee=D("0.5"),
                            minute_fee=D("0.1"), minute_fee_from=60, idle_fee_per_hour=D("3")),
               TariffPrices("energy_time"),
               TariffPrices("day_night", energy_price=D("0.35"), night_energy_price=D("0.19"), time_price=D("1.2"),
                            day_starts=time(7), night_starts=time(22)),
               TariffPrices("power_levels", time_unit="minute", levels=(PowerLevel(D("11"), D("0.1")),
                                                                        PowerLevel(D("50"), D("0.3")))),
               TariffPrices("ac_dc", energy_price=D("0.3"), dc_energy_price=D("0.5"), minute_fee=D("0.1"),
                            dc_minute_fee=D("0.2"), dc_minute_fee_from=45)]
    for prices in samples:
        assert price_summary(prices) == prices.summary()
    language("de")
    assert price_summary(samples[2]) == ("EUR 0.35/kWh, 1.2/h, 0.5 Startgebühr, 0.1/min ab Minute 60, 3/h Parken")
    language("fi")
    assert price_summary(samples[4]).startswith("EUR päivä (klo 07:00 alkaen) 0.35/kWh 1.2/h, yö (klo 22:00 alkaen)")


def test_a_task_s_schedule_reads_as_the_core_words_it_in_english_and_translates(language):
    from datetime import date, time

    from evdesk.core.scheduling.recurrence import Schedule, describe
    from evdesk.gui.translations.phrases import schedule_text

    zone = "Europe/Helsinki"
    schedules = [Schedule("once", time(7), zone, date(2026, 11, 30)),
                 Schedule("daily", time(1), zone, date(2026, 11, 1), end_date=date(2026, 12, 31)),
                 Schedule("weekly", time(23, 59), zone, date(2026, 11, 1), weekdays=frozenset({0, 4})),
                 Schedule("weekly", time(8), zone, date(2026, 11, 1)),
                 Schedule("monthly", time(6), zone, date(2026, 11, 1), day_of_month=0),
                 Schedule("monthly", time(6), zone, date(2026, 11, 1), day_of_month=31),
                 Schedule("monthly", time(6), zone, date(2026, 11, 1), day_of_month=15)]
    for schedule in schedules:
        assert schedule_text(schedule) == describe(schedule)
    language("de")
    assert schedule_text(schedules[2]) == "Wöchentlich am Mo., Fr. um 23:59 (Europe/Helsinki)"
    language("fi")
    assert schedule_text(schedules[1]) == "Päivittäin klo 01:00 (Europe/Helsinki) 31.12.2026 asti"


def test_a_task_s_parameters_read_as_the_core_words_them_in_english_and_translate(language):
    from evdesk.core.scheduling.kinds import KIND_LABELS, describe_params
    from evdesk.gui.translations.phrases import task_params_text

    samples = {"station_current": {"amps": 16}, "group_current": {"amps": 32.5}, "user_active": {"active": True},
               "user_group_active": {"active": False}, "firmware": {"location": "http://fw.example/a.bin"},
               "reset": {"kind": "Hard"}, "availability": {"connector_id": 2, "available": False},
               "command": {"command": "clear_cache", "args": {}}, "invoice_run": {"send": True},
               "report_email": {"formats": ["pdf", "csv"], "recipients": ["a@b.example"]},
               "circuit_limit": {"amps": 40}}
    assert set(samples) == set(KIND_LABELS)  # a new kind of task gets a sample here
    for kind, params in samples.items():
        assert task_params_text(kind, params) == describe_params(kind, params), kind
    assert task_params_text("availability", {"available": True}) == describe_params("availability", {"available": True})
    language("fi")
    assert task_params_text("station_current", {"amps": 16}) == "enintään 16 A"
    language("de")
    assert task_params_text("availability", {"connector_id": 2, "available": False}) == "Anschluss 2 Inoperative"
