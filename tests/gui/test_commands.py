"""Remote commands go through typed CommandApi methods: each catalogue entry calls its own
method with every parameter by name (checked against the real signatures), never a name
looked up with getattr."""

from __future__ import annotations

import asyncio
import inspect
from unittest.mock import create_autospec
from uuid import uuid4

import pytest

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.csms.commands import CommandApi
from evdesk.gui.commands import COMMANDS
from evdesk.gui.dialogs import command_dialog


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.key)
def test_each_command_calls_its_typed_method_with_every_parameter(command):
    api = create_autospec(CommandApi, instance=True)  # a call that does not fit the signature raises
    station_id = uuid4()
    values = {p.name: object() for p in command.params}  # one distinct value per parameter
    asyncio.run(command.send(api, station_id, values, SYSTEM_CONTEXT, "driver phoned"))
    (name, args, kwargs), = api.method_calls
    assert name == command.key
    bound = inspect.signature(getattr(CommandApi, name)).bind(None, *args, **kwargs)
    assert bound.arguments["station_id"] is station_id
    assert bound.arguments["ctx"] is SYSTEM_CONTEXT and bound.arguments["reason"] == "driver phoned"
    for param in command.params:
        assert bound.arguments[param.name] is values[param.name], f"{param.name} is not passed as itself"
    passed = set(bound.arguments) - {"self", "station_id", "ctx", "reason"}
    assert passed == {p.name for p in command.params}  # nothing the dialog does not ask for


def test_the_dialog_names_no_method():
    assert not any(hasattr(c, "method") for c in COMMANDS)
    assert "getattr(self.central_system" not in inspect.getsource(command_dialog)
