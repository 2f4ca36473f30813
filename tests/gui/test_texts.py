"""No text on screen, in an e-mail or in the README names a feature evdesk does not have
(reports, several seats sharing a site). Tariffs exist since issue 10, invoices since issue 11,
scheduled tasks since issue 13."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import evdesk
from evdesk.core.permissions import ANALYST, BASIC, ROLES
from evdesk.gui.dialogs.operator_dialog import ROLE_HELP, OperatorDialog
from evdesk.gui.forms import compile as forms
from tests.gui.test_login_and_operators import admin_session, make_window
from tests.mailserver import point_at

MISSING_FEATURES = re.compile(r"on reports|every seat|all seats", re.IGNORECASE)
NOT_IN_README = re.compile(r"\bon reports\b", re.IGNORECASE)  # "every seat" is how settings are shared
GUI = Path(evdesk.__file__).parent / "gui"
README = Path(evdesk.__file__).parents[1] / "README.md"


def strings_of(path: Path) -> list[str]:
    return [n.value for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(n, ast.Constant) and isinstance(n.value, str)]


@pytest.mark.parametrize("ui_path", forms.ui_files(), ids=lambda p: p.name)
def test_forms_name_only_what_exists(ui_path):
    found = MISSING_FEATURES.findall(ui_path.read_text(encoding="utf-8"))
    assert not found, f"{ui_path.name} mentions {found}"


def test_screen_texts_name_only_what_exists():
    offending = {str(p.relative_to(GUI)): [s for s in strings_of(p) if MISSING_FEATURES.search(s)]
                 for p in GUI.rglob("*.py")}
    assert not {k: v for k, v in offending.items() if v}
    assert all(not MISSING_FEATURES.search(ROLE_HELP[role]) for role in ROLES)
    assert "Stored for the settings view" not in " ".join(strings_of(GUI / "commands.py"))


def test_the_readme_names_only_what_exists():
    assert not NOT_IN_README.findall(README.read_text(encoding="utf-8"))


def test_the_invitation_names_only_what_exists(qtbot, aio, services, smtp_server):
    point_at(services.settings, smtp_server)
    window = make_window(qtbot, services, admin_session(aio, services))
    window.show_page("operators")
    dialog = window.page("operators").invite()
    assert isinstance(dialog, OperatorDialog)
    for role in (BASIC, ANALYST):
        dialog.ui.roleCombo.setCurrentIndex(dialog.ui.roleCombo.findData(role))
        assert dialog.ui.roleHelp.text() and not MISSING_FEATURES.search(dialog.ui.roleHelp.text())
    dialog.ui.roleCombo.setCurrentIndex(dialog.ui.roleCombo.findData(BASIC))
    dialog.ui.emailEdit.setText("bea@depot.example")
    dialog.ui.confirmEmailEdit.setText("bea@depot.example")
    dialog.ui.usernameEdit.setText("bea")
    dialog.ui.okButton.click()
    aio.wait_until(lambda: len(smtp_server.messages) == 1)
    body = smtp_server.body()
    assert "has invited you" in body and not MISSING_FEATURES.search(body)
