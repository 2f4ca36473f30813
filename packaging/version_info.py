"""Windows version resource (file properties > Details) from `evdesk.__version__`.

The spec calls `write_version_info()` at build time; run it by hand to look at the result:

    python3 packaging/version_info.py build/version_info.txt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

COMPANY = "evdesk"
DESCRIPTION = "evdesk charging-station management"
COPYRIGHT = "Copyright (c) evdesk"


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """'1.2.3' / '1.2.3rc1' / '1.2' -> (1, 2, 3, 0): the four numbers Windows wants."""
    release = re.match(r"\d+(?:\.\d+)*", version)  # PEP 440 release segment: '2.0rc1' -> '2.0'
    numbers = [int(n) for n in release.group(0).split(".")[:4]] if release else []
    return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def version_info_text(version: str) -> str:
    """The version file in PyInstaller's format (a VSVersionInfo expression)."""
    v = version_tuple(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": DESCRIPTION,
        "FileVersion": version,
        "InternalName": "evdesk",
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": "evdesk.exe",
        "ProductName": "evdesk",
        "ProductVersion": version,
    }
    entries = ",\n".join(f"          StringStruct({k!r}, {val!r})" for k, val in strings.items())
    return f"""# Generated from evdesk.__version__ by packaging/version_info.py; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={v},
    prodvers={v},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [
{entries}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def write_version_info(path: Path, version: str) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(version_info_text(version), encoding="utf-8")
    return path


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from evdesk import __version__

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("build") / "version_info.txt"
    print(write_version_info(target, __version__))
