"""Remote commands reach `CommandApi` through typed calls, one per entry of the COMMANDS table
(no method looked up by a name string). Every field of every command's body arrives at the
real method's parameter, checked against that method's signature."""

from __future__ import annotations

import inspect
from datetime import datetime, timezone
from uuid import UUID, uuid4

import pytest

from evdesk.api import stations as api_stations
from evdesk.api.stations import COMMANDS
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.csms.commands import CommandApi


class Recorder:
    """Stands in for `CommandApi`: binds each call to the real method's signature and keeps it."""

    def __init__(self):
        self.calls: list[tuple[str, dict]] = []

    def __getattr__(self, name):
        real = getattr(CommandApi, name)  # AttributeError: the table calls a method CommandApi lacks
        signature = inspect.signature(real)

        async def call(*args, **kwargs):
            self.calls.append((name, dict(signature.bind(None, *args, **kwargs).arguments)))
            return "result"

        return call


def distinct_values(spec):
    """A value per field, each different, so a field passed to the wrong parameter is seen."""
    out = {}
    for n, (name, f) in enumerate(spec.items(), start=1):
        out[name] = {
            "integer": 100 + n, "string": f"text-{n}", "boolean": bool(n % 2), "object": {"n": n},
            "objects": [{"n": n}], "strings": [f"key-{n}"],
            "datetime": datetime(2030, 1, n, tzinfo=timezone.utc), "uuid": UUID(int=n),
        }[f.type] if not f.enum else f.enum[-1]
    return out


@pytest.mark.parametrize("name", list(COMMANDS))
async def test_every_command_calls_its_typed_method_with_every_field(name):
    cmd = COMMANDS[name]
    params = distinct_values(cmd.params)
    recorder, station_id = Recorder(), uuid4()
    assert await cmd.send(recorder, station_id, SYSTEM_CONTEXT, "why", dict(params)) == "result"
    [(method, arguments)] = recorder.calls
    assert arguments["station_id"] == station_id and arguments["ctx"] is SYSTEM_CONTEXT and arguments["reason"] == "why"
    passed = [v for k, v in arguments.items() if k not in ("self", "station_id", "ctx", "reason")]
    for field, value in params.items():
        assert any(v is value or v == value for v in passed), f"{name}: field {field} not passed to {method}"


async def test_optional_fields_may_be_left_out():
    for name, cmd in COMMANDS.items():
        required = {k: v for k, v in distinct_values(cmd.params).items() if cmd.params[k].required}
        recorder = Recorder()
        await cmd.send(recorder, uuid4(), SYSTEM_CONTEXT, "why", required)
        assert len(recorder.calls) == 1, name


def test_no_method_is_looked_up_by_name():
    assert "getattr" not in inspect.getsource(api_stations.run_command)
    assert all(callable(cmd.send) for cmd in COMMANDS.values())
