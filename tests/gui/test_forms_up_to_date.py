"""The generated form classes match their Qt Designer files (recompile: python -m evdesk.gui.forms.compile)."""

from __future__ import annotations

import pytest

from evdesk.gui.forms import compile as forms


def test_every_ui_file_has_a_form():
    names = {p.stem for p in forms.ui_files()}
    assert {"main_window", "stations_page", "station_panel", "connector_card", "command_dialog", "station_dialog"} <= names


@pytest.mark.parametrize("ui_path", forms.ui_files(), ids=lambda p: p.name)
def test_generated_form_matches_its_ui_file(ui_path):
    target = forms.target_for(ui_path)
    assert target.exists(), f"{target.name} missing: run python -m evdesk.gui.forms.compile"
    text = target.read_text(encoding="utf-8")
    assert text.startswith(forms.HEADER.format(ui_name=ui_path.name)), "the do-not-edit header is missing"
    assert text == forms.generate(ui_path), f"{target.name} is out of date: run python -m evdesk.gui.forms.compile"
