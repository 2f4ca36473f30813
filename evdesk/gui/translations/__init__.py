"""The desk's languages: English (the source), Finnish and German, with Qt's own tools.

Rules decided here:
* The wording is written in English in the code and the Designer forms; `translations/evdesk_<code>.ts`
  (in the repository root, edited with Qt Linguist or by hand) holds the Finnish and German, and
  `python3 -m evdesk.gui.translations.build` runs lupdate/lrelease into the `.qm` files packed
  beside this module (package data; the PyInstaller spec copies this folder).
* Which language: the `EVDESK_LANGUAGE` environment variable (tests force English with it), else
  the choice this seat made in My account (QSettings, like the other seat settings: each desk
  chooses its own, the site's store is not involved), else the operating system's
  (`QLocale.system()`), and English when the OS speaks none of ours.
* Applied once at start, before any window is built (a translator installed later does not
  change texts already set by Python code); a change in My account applies at the next start.
* Dates and numbers follow the language: `current_locale()` is what `gui/display.py` formats
  with. English keeps the unambiguous ISO dates and plain decimals the desk always had.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

QM_DIR = Path(__file__).resolve().parent
LANGUAGE_ENV = "EVDESK_LANGUAGE"
SEAT_KEY = "language"  # "" = follow the operating system

# Each language named in itself, as language pickers do.
LANGUAGES = {"en": "English", "fi": "Suomi", "de": "Deutsch"}
_LOCALES = {
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
    "fi": (QLocale.Language.Finnish, QLocale.Country.Finland),
    "de": (QLocale.Language.German, QLocale.Country.Germany),
}

_current = "en"
_installed: list[QTranslator] = []


def qm_path(code: str) -> Path:
    return QM_DIR / f"evdesk_{code}.qm"


def system_language() -> str:
    """The OS's language when it is one of ours, else English."""
    name = QLocale.system().name().split("_")[0]
    return name if name in LANGUAGES else "en"


def saved_choice() -> str:
    """What this seat chose in My account: a language code, or "" to follow the OS."""
    from evdesk.gui.seat_settings import seat_settings

    value = str(seat_settings().value(SEAT_KEY, "") or "")
    return value if value in LANGUAGES else ""


def save_choice(code: str) -> None:
    from evdesk.gui.seat_settings import seat_settings

    if code and code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}")
    settings = seat_settings()
    settings.setValue(SEAT_KEY, code)
    settings.sync()


def chosen_language() -> str:
    forced = os.environ.get(LANGUAGE_ENV, "").strip().lower()
    if forced in LANGUAGES:
        return forced
    return saved_choice() or system_language()


def current_language() -> str:
    return _current


def current_locale() -> QLocale:
    """The locale dates and numbers are shown in (English until a language is applied)."""
    language, country = _LOCALES[_current]
    return QLocale(language, country)


def apply_language(app: QCoreApplication, code: str) -> bool:
    """Install the translators of `code` (ours, and Qt's own for standard buttons) and make its
    locale the default. Returns False when the compiled translation is missing (English shows)."""
    global _current
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = code if code in LANGUAGES else "en"
    language, country = _LOCALES[_current]
    QLocale.setDefault(QLocale(language, country))
    if _current == "en":
        return True
    ours = QTranslator(app)
    if not ours.load(str(qm_path(_current))):
        _current = "en"
        QLocale.setDefault(QLocale(*_LOCALES["en"]))
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{_current}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return True

