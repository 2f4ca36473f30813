"""The layers stay apart (ARCHITECTURE.md): checked in a fresh interpreter, by what gets imported."""

from __future__ import annotations

import json
import re
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
    _modules_under("evdesk.api"), _modules_under("evdesk.cli"),
    ["evdesk.settings", "evdesk.runtime", "evdesk.app", "evdesk.demo"],
], ids=["core", "store", "csms", "api", "cli", "headless-startup"])
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


def test_the_run_time_guard_catches_a_screen_that_calls_the_store(store):
    """tests/conftest.py fails any test in which a module of evdesk/gui or evdesk/api called the
    store itself; here a stand-in screen module does, and the guard sees it."""
    import types

    from tests import conftest

    screen = types.ModuleType("evdesk.gui.stand_in_screen")
    exec("def load(store):\n    return store.call_sync(lambda: 42)\n", screen.__dict__)
    assert screen.load(store) == 42
    caught = [c for c in conftest._direct_calls if c.startswith("evdesk.gui.stand_in_screen")]
    conftest._direct_calls.clear()
    assert caught == ["evdesk.gui.stand_in_screen called store.call_sync"]


def test_simulator_is_the_other_side_of_the_protocol():
    # the charge-point simulator speaks OCPP to a central system; it knows nothing of evdesk's own
    loaded = _imported_by(_modules_under("evdesk.simulator"))
    bad = sorted(name for name in loaded
                 if name.startswith(("evdesk.csms", "evdesk.core", "evdesk.store", "evdesk.gui", "evdesk.api", "PySide6", "shiboken6")))
    assert not bad, f"evdesk.simulator pulls in {bad}"


VERSION_BY_HAND = re.compile(r"version\s*\+\s*1\b")


def _direct_imports(path) -> set[str]:
    import ast

    imported = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
            imported.update(f"{node.module}.{alias.name}" for alias in node.names)
    return imported


def _source_files(package: str):
    from pathlib import Path

    root = Path(evdesk.__file__).parent.parent
    for path in sorted((root / package.replace(".", "/")).rglob("*.py")):
        module = ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
        yield module, path


@pytest.mark.parametrize("package", ["evdesk.core", "evdesk.csms"])
def test_core_and_csms_leave_persistence_to_the_store(package):
    """No module of the business or the OCPP server imports peewee or the store's models, or
    stamps a version by hand: the store's repos and queries do that (writes through store/write.py)."""
    checked, bad = 0, []
    for module, path in _source_files(package):
        checked += 1
        imported = _direct_imports(path)
        wrong = sorted(n for n in imported if n.split(".")[0] == "peewee" or n == "evdesk.store.models"
                       or n.startswith("evdesk.store.models."))
        if wrong:
            bad.append(f"{module} imports {wrong}")
        if VERSION_BY_HAND.search(path.read_text(encoding="utf-8")):
            bad.append(f"{module} stamps versions by hand")
    assert checked > 10 and not bad, "\n".join(bad)


def test_store_repos_and_queries_write_synced_rows_through_the_write_path():
    """Versions are stamped in one place, store/write.py; no repo or query module does it by hand."""
    from pathlib import Path

    store = Path(evdesk.__file__).parent / "store"
    modules = sorted((store / "repos").glob("*.py")) + sorted((store / "queries").glob("*.py"))
    assert len(modules) > 10
    for path in modules:
        assert not VERSION_BY_HAND.search(path.read_text(encoding="utf-8")), f"store/{path.name} stamps versions"


def test_the_persistence_check_can_fail(tmp_path):
    """The check above sees `from evdesk.store import models` and a hand-stamped version."""
    planted = tmp_path / "planted.py"
    planted.write_text("from evdesk.store import models as m\nimport peewee\nx = m.Station.version + 1\n")
    assert {"evdesk.store.models", "peewee"} <= _direct_imports(planted)
    assert VERSION_BY_HAND.search(planted.read_text())
