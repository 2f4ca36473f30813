"""Property-based test of the whole API from its OpenAPI document (schemathesis).

Every operation in the document gets generated requests (valid and invalid ones), sent
with an admin key to a running server; no answer may be a 5xx, and answers the document
describes must match their schema. The event stream is left out (it never ends; see
test_events.py). Runs in a thread: schemathesis' client is synchronous, the server runs
on the test's loop."""

from __future__ import annotations

import asyncio

import pytest
import requests

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from evdesk.api.openapi import build
from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import SYSTEM_CONTEXT

EXAMPLES = 12  # per operation and generation mode: keeps the whole run well under a minute
SKIP = {"get_events"}  # the SSE stream does not end


def real_id(path: str, ids: dict[str, str]) -> str | None:
    """A real id for `{id}` in this path (stations, users, tokens), so requests reach past the 404."""
    parts = path.removeprefix("/api/v1/").split("/")
    return ids.get(parts[0]) if len(parts) > 1 and parts[1] == "{id}" else None


def fuzz(base_url: str, key: str, ids: dict[str, str]) -> list[str]:
    schema = schemathesis.openapi.from_dict(build())
    failures: list[str] = []
    session = requests.Session()
    headers = {"Authorization": f"Bearer {key}"}
    for result in schema.get_all_operations():
        op = result.ok()
        if op.definition.raw.get("operationId") in SKIP:
            continue
        runs = [(mode, None) for mode in schemathesis.GenerationMode]
        known = real_id(op.path, ids)
        if known and op.method.upper() != "DELETE":  # deleting it would turn the rest into 404s
            runs += [(mode, {"id": known}) for mode in schemathesis.GenerationMode]
        for mode, path_parameters in runs:
            @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                      suppress_health_check=list(HealthCheck))
            @given(case=op.as_strategy(generation_mode=mode, path_parameters=path_parameters))
            def run(case):
                response = case.call(base_url=base_url, session=session, headers=headers, timeout=15)
                case.validate_response(response, checks=[not_a_server_error, response_schema_conformance],
                                       headers=headers)

            try:
                run()
            except Unsatisfiable:  # nothing invalid to generate (no parameters, no body)
                pass
            except (Exception, BaseExceptionGroup) as exc:  # noqa: BLE001  (collect all, report together)
                failures.append(f"{op.method.upper()} {op.path} ({mode.value}, {path_parameters}): {exc}"[:3000])
    return failures


@pytest.mark.timeout(180)
async def test_every_operation_survives_generated_requests(api, keys, services):
    station = await services.stations.create_station("FUZZ-1", connectors=2, ctx=SYSTEM_CONTEXT)
    user = await services.people.users.create(SYSTEM_CONTEXT, UserInput(first_name="Fuzz"), [TokenInput(uid="FUZZ-TAG")])
    ids = {"stations": str(station.id), "users": str(user.id), "tokens": str(user.tokens[0].id)}
    failures = await asyncio.to_thread(fuzz, f"http://127.0.0.1:{api.port}", keys["admin"], ids)
    assert not failures, "\n\n".join(failures)
