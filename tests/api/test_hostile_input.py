"""Hostile requests to every route of the API: never a 5xx, always the stable error body.

Every route in `evdesk.api.resources.ROUTES` that takes a body or a query gets: bodies
nested 100,000 deep, JSON strings/numbers/null instead of an object, NaN/Infinity
literals, duplicate keys, bytes that are not UTF-8; each field in turn set to a lone
surrogate, 1e400, 2**70, a float where an integer belongs, dates in year 1 / 9999 with an
offset, times without a zone; each query parameter set to NUL bytes, and limits, offsets
and cursors at and past their edges. Failures are collected per route and reported
together, so one run shows every hole.
"""

from __future__ import annotations

import base64
import json
import uuid

import pytest
import yarl

from evdesk.api.errors import ERROR_CODES
from evdesk.api.resources import ROUTES
from evdesk.api.schemas import F
from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import SYSTEM_CONTEXT

pytestmark = pytest.mark.timeout(240)

SAMPLE = {  # a valid value of each field type: the rest of a body stays valid while one field is hostile
    "string": "x", "integer": 1, "number": 1, "boolean": True, "object": {}, "uuid": None,
    "datetime": "2030-06-01T08:00:00Z", "date": "2030-01-01", "strings": [], "uuids": [], "objects": [],
}
DEEP = 100_000

# (name, raw body, the status it must get); the body is sent as it is.
WHOLE_BODIES = [
    ("array nested 100,000 deep", b"[" * DEEP + b"]" * DEEP, 400),
    ("object nested 100,000 deep", b'{"a":' * DEEP + b"1" + b"}" * DEEP, 400),
    ("object nested 900 deep", b'{"a":' * 900 + b"1" + b"}" * 900, 400),
    ("a JSON string", b'"hello"', 400),
    ("a JSON number", b"42", 400),
    ("a huge JSON number", b"1e400", 400),
    ("JSON null", b"null", 400),
    ("a JSON array", b"[1, 2]", 400),
    ("NaN literal", b'{"reason": NaN}', 400),
    ("Infinity literal", b'{"reason": Infinity}', 400),
    ("-Infinity literal", b'{"reason": -Infinity}', 400),
    ("duplicate keys", b'{"reason": "a", "reason": "b"}', 400),
    ("not UTF-8", b'{"reason": "\xff\xfe\xfd"}', 400),
    ("Latin-1", '{"reason": "café"}'.encode("latin-1"), 400),
    ("UTF-8 of a surrogate (CESU)", b'{"reason": "\xed\xb3\xbf"}', 400),
    ("UTF-16", '{"reason": "x"}'.encode("utf-16"), 400),
    ("lone surrogate in a key", b'{"\\udcff": 1}', 400),
    ("an integer of 5,000 digits", b'{"reason": 1' + b"0" * 5000 + b"}", 400),
    ("truncated", b'{"reason": "x', 400),
    ("NUL byte", b'{"reason": "x"}\x00', 400),
]


def field_values(f: F) -> list[tuple[str, str, int]]:
    """(what, raw JSON of the value, status) for one field of a body."""
    out = []
    if f.type in ("string", "uuid", "datetime", "date"):
        out.append(("lone surrogate", '"\\udcff"', 422))
        out.append(("surrogate pair halves reversed", '"\\udc00\\ud800"', 422))
        out.append(("a NUL character", '"a\\u0000b"', 422))
    if f.type == "integer":
        out += [("1e400", "1e400", 422), ("2**70", str(2**70), 422), ("-2**70", str(-(2**70)), 422),
                ("a float", "1.5", 422), ("1.0", "1.0", 422), ("true", "true", 422), ("2**63", str(2**63), 422)]
    if f.type == "number":
        out += [("1e400", "1e400", 422), ("-1e400", "-1e400", 422), ("2**70", str(2**70), 422)]
    if f.type == "datetime":
        out += [("year 1 with an offset", '"0001-01-01T00:00:00+05:00"', 422),
                ("year 9999 with an offset", '"9999-12-31T23:59:59-05:00"', 422),
                ("no time zone", '"2030-01-01T00:00:00"', 422), ("month 13", '"2030-13-01T00:00:00Z"', 422),
                ("a number", "20300101", 422)]
    if f.type == "date":
        out += [("year 1", '"0001-01-01"', None), ("year 9999", '"9999-12-31"', None),
                ("30 February", '"2030-02-30"', 422)]
    if f.type in ("object", "objects"):
        wrap = (lambda v: "{" + f'"k": {v}' + "}") if f.type == "object" else (lambda v: "[{" + f'"k": {v}' + "}]")
        out += [("a lone surrogate inside", wrap('"\\udcff"'), 422), ("1e400 inside", wrap("1e400"), 422),
                ("2**70 inside", wrap(str(2**70)), 422), ("nested 200 deep inside", wrap("[" * 200 + "]" * 200), 400)]
    if f.type in ("strings", "uuids"):
        out.append(("a lone surrogate in the list", '["\\udcff"]', 422))
    return out


def base_body(r) -> dict:
    body = {}
    for name, f in r.body.items():
        if f.required:
            body[name] = "2030-06-01T08:00:00Z" if f.type == "datetime" else str(uuid.uuid4()) if f.type == "uuid" \
                else (f.enum[0] if f.enum else SAMPLE[f.type])  # (a required id: some id, so the hostile field is judged)
    if "reason" in r.body:
        body["reason"] = "hostile input test"
    return body


def with_field(r, name: str, raw: str) -> bytes:
    body = base_body(r)
    body[name] = "__HOSTILE__"
    return json.dumps(body).replace('"__HOSTILE__"', raw).encode()


def cursor(value) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def query_values(name: str, path: str) -> list[tuple[str, str, int | None]]:
    """(what, value, status) for one query parameter; the value is sent percent-encoded."""
    out = [("NUL", "\x00", 400), ("NUL inside", "a\x00b", 400), ("invalid UTF-8", "%FF%FE", None),
           ("UTF-8 of a surrogate", "%ED%B3%BF", None), ("very long", "x" * 5000, None)]
    if name == "limit":
        out += [("empty", "", 400), ("0", "0", 400), ("1", "1", 200), ("1000", "1000", 200), ("1001", "1001", 400), ("-1", "-1", 400),
                ("10**30", str(10**30), 400), ("5,000 digits", "9" * 5000, 400), ("1e3", "1e3", 400),
                ("1.0", "1.0", 400), ("Arabic digits", "١٢", 400), ("underscore", "1_0", 400)]
    if name == "offset":
        out += [("0", "0", 200), ("10**9", str(10**9), 200), ("10**9+1", str(10**9 + 1), 400), ("-1", "-1", 400),
                ("10**30", str(10**30), 400)]
    if name in ("since", "until"):
        out += [("year 1 with an offset", "0001-01-01T00:00:00+05:00", 400),
                ("year 9999 with an offset", "9999-12-31T23:59:59-05:00", 400),
                ("no zone", "2030-01-01T00:00:00", 400), ("year 1 UTC", "0001-01-01T00:00:00Z", None),
                ("year 9999 UTC", "9999-12-31T23:59:59Z", None)]
    if name in ("group_ids", "station_ids"):  # the dashboard's id lists
        some = str(uuid.uuid4())
        out += [("empty", "", 200), ("not an id", "x", 400), ("an empty item", f"{some},", 400),
                ("a number", "-1", 400), ("an unknown id", some, 404), ("an id twice", f"{some},{some}", 404)]
    if name in ("period", "timeframe", "grain"):
        out += [("empty", "", 200), ("unknown", "fortnight", 400), ("upper case", "DAY", 400), ("a number", "-7", 400)]
    if name in ("station_id", "group_id") and path.endswith("/statistics"):
        out += [("not an id", "x", 400), ("a huge number", str(10**30), 400), ("an unknown id", str(uuid.uuid4()), 404)]
    if name == "cursor":
        some = str(uuid.uuid4())
        timed = 400 if path.endswith(("/sessions", "/authorizations")) else None  # /stations: [identity]
        out += [("time without zone", cursor(["2030-01-01T00:00:00", some]), timed),
                ("year 1 with an offset", cursor(["0001-01-01T00:00:00+05:00", some]), timed),
                ("year 9999 with an offset", cursor(["9999-12-31T23:59:59-05:00", some]), timed),
                ("numbers", cursor([1, 2]), 400), ("an object", cursor({"a": 1}), 400),
                ("empty list", cursor([]), None), ("nested", cursor([[[[["x"]]]]]), 400),
                ("nested 300 deep", base64.urlsafe_b64encode(b"[" * 300 + b"]" * 300).decode(), 400),
                ("2,000 characters", "A" * 2000, 400),
                ("not base64", "!!!", 400), ("base64 of bytes", base64.urlsafe_b64encode(b"\xff\xfe").decode(), 400),
                ("a lone surrogate", cursor(["\udcff", some]), 400), ("1e400", base64.urlsafe_b64encode(b"[1e400]").decode(), 400),
                ("NaN", base64.urlsafe_b64encode(b"[NaN, 1]").decode(), 400)]
    return out


COMMAND_OUTCOMES = {409: "offline", 502: "error", 504: "timeout"}


def check_answer(status: int, body, expected: int | None, field: str | None) -> str | None:
    """What is wrong with an answer, or None. A command's 409/502/504 is the station's
    outcome (offline, OCPP error, no answer) with the documented CommandResult body."""
    if (expected is None and status in COMMAND_OUTCOMES and isinstance(body, dict)
            and body.get("outcome") == COMMAND_OUTCOMES[status]):
        return None
    if status >= 500:
        return f"got {status}: {body}"
    if expected is not None and status != expected:
        return f"expected {expected}, got {status}: {body}"
    if status >= 400:
        err = body.get("error") if isinstance(body, dict) else None
        if not isinstance(err, dict) or set(err) - {"code", "message", "field"} or not isinstance(err.get("message"), str):
            return f"not the stable error body: {body!r}"
        if ERROR_CODES.get(err.get("code")) != status and not (status == 413 and err.get("code") == "malformed_json"):
            return f"code {err.get('code')!r} does not go with {status}"
        if field is not None and err.get("field") != field:
            return f"error does not name the field {field!r}: {err}"
    return None


class Site:
    def __init__(self, admin, services, ids):
        self.admin, self.services, self.ids = admin, services, ids

    def path(self, r) -> str:
        path = r.path.removeprefix("/api/v1")
        subject = path.split("/")[1]
        return path.replace("{id}", self.ids.get(subject, str(uuid.uuid4()))).replace("{prefix}", self.ids["prefix"])

    async def send(self, method: str, path: str, raw: bytes | None = None, query: str = ""):
        url = yarl.URL(self.admin.base + path + (f"?{query}" if query else ""), encoded=True)
        headers = {"Authorization": f"Bearer {self.admin.key}", "Content-Type": "application/json"}
        async with self.admin.session.request(method, url, data=raw, headers=headers) as resp:
            if resp.content_type == "text/event-stream":
                return resp.status, None  # a stream that started: not an error, and it never ends
            try:
                body = await resp.json(content_type=None)
            except ValueError:
                body = await resp.text()
            return resp.status, body


@pytest.fixture
async def site(admin, services, api, station):
    user = await services.people.users.create(SYSTEM_CONTEXT, UserInput(first_name="Hostile"),
                                              [TokenInput(uid="HOSTILE-TAG")])
    info, _key = await api.keys.create(SYSTEM_CONTEXT, "bob", "to poke at")
    group = await services.people.groups.create(SYSTEM_CONTEXT, "Hostile group")
    tariff = await services.tariffs.create_tariff(SYSTEM_CONTEXT, "Hostile tariff", {"kind": "flat", "session_price": "1"})
    tariff_group = await services.tariffs.create_group(SYSTEM_CONTEXT, "Hostile prices", [{"tariff_id": str(tariff.id)}])
    assignment = await services.tariffs.assign(SYSTEM_CONTEXT, tariff_group.id, station_id=services.stations.get("SIM-1").id)
    profile = await services.access_profiles.create(SYSTEM_CONTEXT, "Hostile profile", [
        {"days": [0], "start": "22:00", "end": "06:00"}])
    from evdesk.core.scheduling.book import TaskInput
    scheduled = await services.scheduled_tasks.create(SYSTEM_CONTEXT, TaskInput(
        "Hostile task", "reset", {"station_ids": [str(services.stations.get("SIM-1").id)]}, {"kind": "Soft"}))
    rule = await services.notifications.rules.create(SYSTEM_CONTEXT, {
        "name": "Hostile rule", "emails": ["ops@depot.example"], "cases": ["other_fault"]})
    from evdesk.core.reports.definition import ReportDefinition
    saved = await services.saved_reports.save(SYSTEM_CONTEXT, "Hostile report", ReportDefinition(), shared=True)
    from evdesk.core.locations import LocationInput
    location = await services.locations.create(SYSTEM_CONTEXT, LocationInput("Hostile yard"))
    template = await services.station_details.save_as_template(SYSTEM_CONTEXT, services.stations.get("SIM-1").id,
                                                               "Hostile")
    ids = {"stations": str(services.stations.get("SIM-1").id), "saved-reports": str(saved.id), "users": str(user.id),
           "tokens": str(user.tokens[0].id), "sessions": str(uuid.uuid4()), "user-groups": str(group.id), "prefix": info.prefix,
           "tariffs": str(tariff.id), "tariff-groups": str(tariff_group.id), "tariff-assignments": str(assignment.id),
           "access-profiles": str(profile.id), "scheduled-tasks": str(scheduled.id), "notification-rules": str(rule.id),
           "locations": str(location.id), "station-templates": str(template.id)}
    return Site(admin, services, ids)


BODY_ROUTES = [r for r in ROUTES if r.body is not None]
QUERY_ROUTES = [r for r in ROUTES if r.query]


def route_id(r) -> str:
    return f"{r.method} {r.path.removeprefix('/api/v1')}"


def test_the_table_has_what_this_test_sends():
    assert len(BODY_ROUTES) > 25 and len(QUERY_ROUTES) >= 6
    assert all(r.method in ("POST", "PATCH") for r in BODY_ROUTES)


async def test_whole_bodies_every_body_route(site):
    problems = []
    for r in BODY_ROUTES:
        for what, raw, expected in WHOLE_BODIES:
            status, body = await site.send(r.method, site.path(r), raw)
            wrong = check_answer(status, body, expected, None)
            if wrong:
                problems.append(f"{route_id(r)} with {what}: {wrong}"[:400])
    assert not problems, "\n".join(problems)


async def test_too_large_a_body_is_413_with_the_stable_body(site):
    status, body = await site.send("POST", "/users", b'{"first_name": "' + b"x" * (5 * 1024 * 1024) + b'"}')
    assert status == 413 and body["error"]["code"] == "malformed_json"


@pytest.mark.parametrize("kinds", [("string", "uuid", "strings", "uuids"), ("integer", "number", "boolean"),
                                   ("datetime", "date", "object", "objects")], ids=["text", "numbers", "times+objects"])
async def test_each_field_with_hostile_values_every_body_route(site, kinds):
    problems = []
    for r in BODY_ROUTES:
        for name, f in r.body.items():
            if f.type not in kinds:
                continue
            for what, raw, expected in field_values(f):
                status, body = await site.send(r.method, site.path(r), with_field(r, name, raw))
                wrong = check_answer(status, body, expected, name if expected in (400, 422) else None)
                if wrong:
                    problems.append(f"{route_id(r)} field {name} = {what}: {wrong}"[:400])
    assert not problems, "\n".join(problems)


async def test_each_query_parameter_with_hostile_values_every_query_route(site):
    problems = []
    for r in QUERY_ROUTES:
        for name in r.query:
            for what, value, expected in query_values(name, r.path):
                encoded = value if "%" in value else yarl.URL.build(query={name: value}).raw_query_string.split("=", 1)[1]
                status, body = await site.send(r.method, site.path(r), query=f"{name}={encoded}")
                wrong = check_answer(status, body, expected, name if expected == 400 else None)
                if wrong:
                    problems.append(f"{route_id(r)} ?{name}= {what}: {wrong}"[:400])
    assert not problems, "\n".join(problems)


async def test_nul_in_a_query_name_and_in_paths(site):
    problems = []
    for r in ROUTES:
        status, body = await site.send(r.method, site.path(r), b"{}" if r.body is not None else None, query="a%00b=1")
        wrong = check_answer(status, body, 400, None)
        if wrong:
            problems.append(f"{route_id(r)} ?a%00b=1: {wrong}")
        if "{" in r.path:
            path = r.path.removeprefix("/api/v1").replace("{id}", "%00").replace("{prefix}", "%00")
            status, body = await site.send(r.method, path, b"{}" if r.body is not None else None)
            wrong = check_answer(status, body, 404, None)
            if wrong:
                problems.append(f"{route_id(r)} with NUL for the path parameter: {wrong}")
    assert not problems, "\n".join(problems)


async def test_a_request_line_over_8_kib_is_refused_by_the_http_layer(site):
    """aiohttp answers it before any middleware (400, plain text): still no 5xx."""
    status, _body = await site.send("GET", "/stations", query="cursor=" + "A" * 9000)
    assert status == 400


async def test_a_cursor_holding_a_naive_time_names_the_cursor(site):
    some = str(uuid.uuid4())
    for path in ("/sessions", "/authorizations"):
        status, body = await site.send("GET", path, query=f"cursor={cursor(['2030-01-01T00:00:00', some])}")
        assert status == 400 and body["error"] == {
            "code": "bad_parameter", "field": "cursor",
            "message": "Query parameter 'cursor' is not a cursor this API gave out."}, (path, body)


async def test_a_date_in_year_9999_with_an_offset_names_the_field(site):
    status, body = await site.send("POST", f"/stations/{site.ids['stations']}/commands/reserve-now",
                                   json.dumps({"connector_id": 1, "id_tag": "X", "reason": "r",
                                               "expiry": "9999-12-31T23:59:59-05:00"}).encode())
    assert status == 422 and body["error"]["field"] == "expiry" and "out of range" in body["error"]["message"]


async def test_a_lone_surrogate_names_the_field(site):
    status, body = await site.send("POST", "/users", b'{"first_name": "\\udcff"}')
    assert status == 422 and body["error"]["field"] == "first_name", body
    status, body = await site.send("POST", "/users", b'{"first_name": "ok", "tokens": [{"uid": "\\udcff"}]}')
    assert status == 422 and body["error"]["field"] in ("uid", "tokens"), body


async def test_accepted_edges_still_work(site):
    """The hardening refuses nothing legitimate: the largest page, year-9999 UTC validity,
    a cursor the API gave out."""
    status, body = await site.send("GET", "/stations", query="limit=1000&offset=1000000000")
    assert status == 200 and body["items"] == []
    status, body = await site.send("POST", "/tokens", json.dumps({"uid": "EDGE-1", "valid_to_day": "9999-12-31"}).encode())
    assert status == 201 and body["valid_to_day"] == "9999-12-31", body
    status, body = await site.send("GET", "/authorizations", query="since=0001-01-01T00:00:00Z&until=9999-12-31T23:59:59Z")
    assert status == 200, body
