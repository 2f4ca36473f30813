"""Update the translation sources and compile them, with the lupdate/lrelease PySide6 ships.

    python -m evdesk.gui.translations.build           # lupdate into translations/*.ts, lrelease into *.qm
    python -m evdesk.gui.translations.build --check   # exit 1 if a .qm is not what its .ts compiles to

lupdate reads the Designer forms (ui/*.ui) and the Python code under evdesk/gui/ (calls of
`self.tr`, `QCoreApplication.translate` and `QT_TRANSLATE_NOOP`); strings that vanished from the
sources are dropped from the .ts (-no-obsolete), so the files hold only what is in use.
`tests/gui/test_translations.py` runs the check, as the forms test does for compiled forms.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import PySide6

from evdesk.gui.translations import LANGUAGES, QM_DIR, qm_path

ROOT = QM_DIR.parents[2]
TS_DIR = ROOT / "translations"
TOOLS = Path(PySide6.__file__).resolve().parent


def tool(name: str) -> str:
    for candidate in (TOOLS / name, TOOLS / f"{name}.exe", TOOLS / "Qt" / "libexec" / name):
        if candidate.exists():
            return str(candidate)
    raise FileNotFoundError(f"{name} is not in the PySide6 folder {TOOLS}: install PySide6 (Essentials)")


def ts_path(code: str) -> Path:
    return TS_DIR / f"evdesk_{code}.ts"


def translated_codes() -> list[str]:
    return [code for code in LANGUAGES if code != "en"]


def sources() -> list[str]:
    forms = sorted((ROOT / "ui").glob("*.ui"))
    code = sorted(p for p in (ROOT / "evdesk" / "gui").rglob("*.py") if "forms" not in p.parts)
    return [str(p.relative_to(ROOT)) for p in forms + code]


def update_ts() -> None:
    TS_DIR.mkdir(exist_ok=True)
    for code in translated_codes():
        subprocess.run([tool("lupdate"), "-locations", "none", "-no-obsolete", *sources(),
                        "-target-language", code, "-ts", str(ts_path(code).relative_to(ROOT))],
                       cwd=ROOT, check=True, capture_output=True, text=True)


def _messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) -> the translation's type ("unfinished", None when done)."""
    import xml.etree.ElementTree as ET

    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            found[(name, message.find("source").text)] = message.find("translation").get("type")
    return found


def untranslated(code: str) -> list[tuple[str, str]]:
    """What lupdate would add to, or leave unfinished in, the committed .ts: strings marked in the
    sources without a translation (run on a copy; the committed file is not touched)."""
    import shutil

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / ts_path(code).name
        shutil.copyfile(ts_path(code), copy)
        subprocess.run([tool("lupdate"), "-locations", "none", "-no-obsolete", *sources(), "-ts", str(copy)],
                       cwd=ROOT, check=True, capture_output=True, text=True)
        return sorted(key for key, kind in _messages(copy).items() if kind == "unfinished")


def release(code: str, target: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts_path(code)), "-qm", str(target)],
                   check=True, capture_output=True, text=True)


def out_of_date() -> list[str]:
    stale = []
    with tempfile.TemporaryDirectory() as tmp:
        for code in translated_codes():
            fresh = Path(tmp) / f"{code}.qm"
            release(code, fresh)
            if not qm_path(code).exists() or qm_path(code).read_bytes() != fresh.read_bytes():
                stale.append(code)
    return stale


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--check" in argv:
        stale = out_of_date()
        for code in stale:
            print(f"out of date: {qm_path(code).name} (run python -m evdesk.gui.translations.build)")
        return 1 if stale else 0
    if "--no-update" not in argv:
        update_ts()
    for code in translated_codes():
        release(code, qm_path(code))
        print(f"wrote {qm_path(code).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
