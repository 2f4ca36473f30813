"""Property-based test of the whole API from its OpenAPI document (schemathesis).

Every operation in the document gets generated requests (valid and invalid ones), sent
to a running server with a root admin's key and with the key of an admin limited to one
charging group (the domain paths); no answer may be a 5xx, answers must match the
document (schema, status code, content type), and what the document calls invalid must
be refused. The event stream is left out (it never ends; see
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
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from evdesk.api.openapi import build
from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.store import models as m

EXAMPLES = 12  # per operation and generation mode: keeps the whole run well under a minute
SKIP = {"get_events"}  # the SSE stream does not end
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance,
          negative_data_rejection]


def real_ids(path: str, ids: dict[str, str]) -> dict[str, str] | None:
    """Real path parameters for this path (stations, users, tokens, user groups, an API key's
    prefix), so requests reach past the 404."""
    parts = path.removeprefix("/api/v1/").split("/")
    if len(parts) > 1 and parts[1] == "{id}" and parts[0] in ids:
        return {"id": ids[parts[0]]}
    if len(parts) > 1 and parts[1] == "{prefix}":
        return {"prefix": ids["prefix"]}
    return None


def fuzz(base_url: str, key: str, ids: dict[str, str], examples: int = EXAMPLES) -> list[str]:
    schema = schemathesis.openapi.from_dict(build())
    failures: list[str] = []
    session = requests.Session()
    headers = {"Authorization": f"Bearer {key}"}
    for result in schema.get_all_operations():
        op = result.ok()
        if op.definition.raw.get("operationId") in SKIP:
            continue
        runs = [(mode, None) for mode in schemathesis.GenerationMode]
        known = real_ids(op.path, ids)
        if known and op.method.upper() != "DELETE":  # deleting it would turn the rest into 404s
            runs += [(mode, known) for mode in schemathesis.GenerationMode]
        for mode, path_parameters in runs:
            @settings(max_examples=examples, deadline=None, database=None, derandomize=True,
                      suppress_health_check=list(HealthCheck))
            @given(case=op.as_strategy(generation_mode=mode, path_parameters=path_parameters))
            def run(case):
                response = case.call(base_url=base_url, session=session, headers=headers, timeout=15)
                case.validate_response(response, checks=CHECKS, headers=headers)

            try:
                run()
            except Unsatisfiable:  # nothing invalid to generate (no parameters, no body)
                pass
            except (Exception, BaseExceptionGroup) as exc:  # noqa: BLE001  (collect all, report together)
                failures.append(f"{op.method.upper()} {op.path} ({mode.value}, {path_parameters}): {exc}"[:3000])
    return failures


@pytest.mark.timeout(240)
@pytest.mark.parametrize("who", ["root admin", "group admin"])
async def test_every_operation_survives_generated_requests(api, keys, services, who):
    group = await services.groups.add(SYSTEM_CONTEXT, "Fuzz group")
    station = await services.stations.create_station("FUZZ-1", connectors=2, ctx=SYSTEM_CONTEXT)
    user = await services.people.users.create(SYSTEM_CONTEXT, UserInput(first_name="Fuzz"), [TokenInput(uid="FUZZ-TAG")])
    user_group = await services.people.groups.create(SYSTEM_CONTEXT, "Fuzz users")
    key = keys["admin"]
    if who == "group admin":  # FUZZ-1 lies outside this admin's group: the domain checks answer
        await services.store.run(lambda: m.Operator.create(username="gina", role="admin", status="active",
                                                           base_group=group.id))
        key = (await api.keys.create(SYSTEM_CONTEXT, "gina", "fuzz"))[1]
    prefix = (await api.keys.create(SYSTEM_CONTEXT, "bob", "fuzz target"))[0].prefix
    ids = {"stations": str(station.id), "users": str(user.id), "tokens": str(user.tokens[0].id),
           "user-groups": str(user_group.id), "prefix": prefix}
    examples = EXAMPLES if who == "root admin" else EXAMPLES // 2  # the second pass looks at the domain paths
    failures = await asyncio.to_thread(fuzz, f"http://127.0.0.1:{api.port}", key, ids, examples)
    assert not failures, "\n\n".join(failures)
