"""Languages: the compiled translations match their sources, every form string and navigation
entry is in Finnish and German, the choice is kept per seat and applied before the window is built,
and dates and numbers follow the language."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

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
