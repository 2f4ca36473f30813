"""The layers stay apart (ARCHITECTURE.md): checked in a fresh interpreter, by what gets imported."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import pytest

import evdesk


def _modules_under(package: str) -> list[str]:
    pkg = __import__(package, fromlist=["_"])
    names = [package]
    for info in pkgutil.walk_packages(pkg.__path__, prefix=package + "."):
        names.append(info.name)
    return names


def _imported_by(modules: list[str]) -> set[str]:
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout))


@pytest.mark.parametrize("modules", [
    _modules_under("evdesk.core"), _modules_under("evdesk.store"), _modules_under("evdesk.csms"),
    _modules_under("evdesk.api"), ["evdesk.settings", "evdesk.runtime", "evdesk.app", "evdesk.demo"],
], ids=["core", "store", "csms", "api", "headless-startup"])
def test_non_gui_layers_never_import_qt(modules):
    layer = modules[0]
    loaded = _imported_by(modules)
    qt = sorted(name for name in loaded if name.startswith(("PySide6", "shiboken6", "qasync", "pyqtgraph")))
    assert not qt, f"{layer} pulls in {qt}"


def test_core_never_imports_the_ocpp_stack_or_the_gui():
    loaded = _imported_by(_modules_under("evdesk.core"))
    bad = sorted(name for name in loaded if name.split(".")[0] in ("ocpp", "websockets") or name.startswith(("evdesk.csms", "evdesk.gui")))
    assert not bad, f"evdesk.core pulls in {bad}"


def test_store_knows_no_business():
    loaded = _imported_by(_modules_under("evdesk.store"))
    assert not [n for n in loaded if n.startswith(("evdesk.core", "evdesk.csms", "evdesk.gui"))]


def test_package_has_a_version():
    assert evdesk.__version__


def test_gui_never_imports_the_http_layer():
    loaded = _imported_by(["evdesk.gui.pages.api_keys_page", "evdesk.gui.main_window"])
    bad = sorted(name for name in loaded if name.startswith(("evdesk.api", "aiohttp")))
    assert not bad, f"evdesk.gui pulls in {bad}"


def test_simulator_is_the_other_side_of_the_protocol():
    # the charge-point simulator speaks OCPP to a central system; it knows nothing of evdesk's own
    loaded = _imported_by(_modules_under("evdesk.simulator"))
    bad = sorted(name for name in loaded
                 if name.startswith(("evdesk.csms", "evdesk.core", "evdesk.store", "evdesk.gui", "evdesk.api", "PySide6", "shiboken6")))
    assert not bad, f"evdesk.simulator pulls in {bad}"
