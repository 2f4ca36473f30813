"""The OpenAPI 3.1 document, written from the route table. The copy kept in the repo
(`evdesk/api/openapi.json`) is checked against it by the tests; refresh it with
`python -m evdesk.api.openapi`."""

from __future__ import annotations

import json
import re
from pathlib import Path

from evdesk import __version__
from evdesk.api.errors import ERROR_CODES
from evdesk.api.resources import ROUTES
from evdesk.api.schemas import schema_of
from evdesk.api.stations import OUTCOME_STATUS

DOC_PATH = Path(__file__).with_name("openapi.json")

QUERY_DOCS = {
    "limit": ("integer", "page size, 1..1000 (default 100)"),
    "offset": ("integer", "rows to skip (instead of cursor)"),
    "cursor": ("string", "next_cursor from the previous page"),
    "q": ("string", "words to search for"),
    "format": ("string", "pem (default) or der"),
    "connection_state": ("string", "online, temporarily_unavailable, long_term_unavailable or never_connected"),
    "registration": ("string", "adopted, pending or rejected"),
    "group_id": ("string", "charging group id"),
    "station": ("string", "station id"),
    "state": ("string", "active, completed, closed_inactive or failed"),
    "status": ("string", "status to filter by"),
    "result": ("string", "accepted, blocked, invalid, ..."),
    "since": ("string", "date-time with time zone: from (inclusive)"),
    "until": ("string", "date-time with time zone: until (exclusive)"),
    "types": ("string", ("comma-separated event types: ConnectorStatusChanged, ConnectionStateChanged, "
                         "TransactionStarted, TransactionEnded, TransactionUpdated (default: all)")),
    "station_id": ("string", "only this station (events: its events)"),
    "identity": ("string", "the station with exactly this OCPP identity (as the station sends it)"),
    "user_group_id": ("string", "charging user group id"),
    "tariff_group_id": ("string", "tariff group id"),
    # the charging log's filters (GET /sessions, /sessions/export.csv)
    "connector": ("integer", "connector id"),
    "user_id": ("string", "charging user id"),
    "token_id": ("string", "token id"),
    "flagged": ("boolean", "true: only sessions with plausibility flags"),
    "sort": ("string", "start (default), energy, duration or cost"),
    "order": ("string", "desc (default) or asc"),
    "kind": ("string", "scheduled task type: station_current, group_current, user_active, user_group_active, "
                       "firmware, reset, availability or command"),
    # the invoices' filters (GET /invoices, /invoices/export.csv)
    "run_id": ("string", "invoice run id"),
    "period_start": ("string", "date (YYYY-MM-DD): invoices whose period overlaps from this day"),
    "period_end": ("string", "date (YYYY-MM-DD): invoices whose period overlaps until this day"),
    "overdue": ("boolean", "true: only sent invoices past their due date"),
    # the dashboard and statistics (GET /dashboard/..., /statistics)
    "group_ids": ("string", "charging group ids of your domain, comma-separated (each with its subgroups)"),
    "station_ids": ("string", "station ids of your domain, comma-separated"),
    "period": ("string", "today (default), 7d, 30d or month (this month), in the site's time zone"),
    "timeframe": ("string", "24h, 7d (default), 30d or 12m"),
    "grain": ("string", "hour, day, week or month (default: hour for 24h, day for 7d and 30d, month for 12m; no hours for 12m)"),
}
ERROR_SCHEMA = {
    "type": "object", "required": ["error"],
    "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
        "code": {"type": "string", "enum": sorted(ERROR_CODES)}, "message": {"type": "string"},
        "field": {"type": "string"}}}},
}
COMMAND_RESULT = {
    "type": "object", "required": ["outcome", "message", "response", "action_id"],
    "properties": {"outcome": {"type": "string", "enum": ["accepted", "rejected", "error", "timeout", "offline"]},
                   "message": {"type": "string"}, "response": {"type": ["object", "null"]},
                   "action_id": {"type": ["string", "null"], "format": "uuid"}},
}


def build() -> dict:
    paths: dict[str, dict] = {}
    for r in ROUTES:
        op: dict = {"summary": r.summary, "tags": [r.tag], "operationId": _op_id(r)}
        params = [{"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
                  for name in re.findall(r"{(\w+)}", r.path)]
        params += [{"name": q, "in": "query", "required": False, "schema": {"type": QUERY_DOCS[q][0]},
                    "description": QUERY_DOCS[q][1]} for q in r.query]
        if params:
            op["parameters"] = params
        if r.body is not None:
            op["requestBody"] = {"required": True, "content": {"application/json": {"schema": schema_of(r.body)}}}
        err = {"description": "error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        responses: dict = {}
        if r.tag == "commands":
            ref = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/CommandResult"}}}}
            responses["200"] = {"description": "the station answered: outcome accepted or rejected", **ref}
            responses["409"] = {"description": "outcome offline: the station is not connected, nothing was sent", **ref}
            responses["502"] = {"description": "outcome error: the station answered with an OCPP error", **ref}
            responses["504"] = {"description": "outcome timeout: no answer in the command timeout", **ref}
        elif r.media == "text/event-stream":
            responses["200"] = {"description": "a stream of `event: <type>` / `data: <json>` messages and "
                                               "`: heartbeat` comments every 15 s",
                                "content": {"text/event-stream": {"schema": {"type": "string"}}}}
        elif r.success == 204:
            responses["204"] = {"description": "done"}
        elif r.media != "application/json":  # e.g. the CSV export
            responses[str(r.success)] = {"description": "OK", "content": {r.media: {"schema": {"type": "string"}}}}
        else:
            responses[str(r.success)] = {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}}
        for code in ("400", "401", "403", "404", "422"):
            responses.setdefault(code, err)
        if r.body and "version" in r.body:
            responses.setdefault("409", err)  # (commands keep their CommandResult 409)
        op["responses"] = responses
        if not r.public:
            op["security"] = [{"apiKey": []}]
        paths.setdefault(r.path, {})[r.method.lower()] = op
    paths["/api/v1/openapi.json"] = {"get": {"summary": "This document", "tags": ["meta"], "operationId": "openapi",
                                             "security": [], "responses": {"200": {"description": "OpenAPI 3.1"}}}}
    assert set(OUTCOME_STATUS) <= {"accepted", "rejected", "error", "timeout", "offline"}
    return {
        "openapi": "3.1.0",
        "info": {"title": "evdesk automation API", "version": __version__,
                 "description": "HTTP+JSON API of one evdesk site. Authenticate with `Authorization: Bearer <key>`; "
                                "a key acts as its operator (role and domain). Errors: "
                                "`{\"error\": {\"code\", \"message\", \"field\"?}}`."},
        "servers": [{"url": "http://127.0.0.1:9080"}],
        "paths": paths,
        "components": {
            "securitySchemes": {"apiKey": {"type": "http", "scheme": "bearer"}},
            "schemas": {"Error": ERROR_SCHEMA, "CommandResult": COMMAND_RESULT},
        },
    }


def _op_id(r) -> str:
    words = re.sub(r"[{}]", "", r.path.removeprefix("/api/v1/")).replace("-", "_").split("/")
    return r.method.lower() + "_" + "_".join(w for w in words if w)


def render() -> str:
    return json.dumps(build(), indent=2, sort_keys=False) + "\n"


if __name__ == "__main__":
    DOC_PATH.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC_PATH}")
