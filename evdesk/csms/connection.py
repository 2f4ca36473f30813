"""One station's OCPP-J session, owned by evdesk: socket, framing, validation, routing, calls.

The `ocpp` library gives evdesk its message classes, enums and JSON schemas, nothing
more. This class keeps what every OCPP-J version shares; the version subclasses
(`v16/station.py`, `v201/station.py`) add a handler table and their result classes.

Rules (decided here, and why):

* **Framing** — every frame goes through `framing.parse_frame`, so every bad frame
  gets the CALLERROR its version asks for and the connection lives on.
* **Routing** — a subclass marks its handlers with `@handles("Action")`; the table
  is built once per class (`__init_subclass__`). A handler gets the payload's
  properties as snake_case keyword arguments and returns a `call_result` object.
  An action the version defines but evdesk does not take is `NotSupported`; an
  unknown one `NotImplemented`; anything but BootNotification from a pending
  station `SecurityError`.
* **Validation** — the station's CALLs and answers are checked by `validation.py`
  (fastjsonschema compiled from the library's schema files, per version);
  evdesk's own outgoing payloads are typed and checked by the protocol tests,
  not again before every send. The operator's per-station "skip schema
  validation" is read from the station's info at every message.
* **Calls** — one CSMS-initiated call at a time per station (one lock, held from
  sending the CALL to its answer or giving up). The answer is matched by unique
  id; an answer to a call that gave up (time-out) is logged and ignored. A
  dropped socket fails the waiting call at once with `ConnectionClosed`.
* **Acknowledgement** — what a station tells evdesk is committed (group commit)
  before the station hears the CALLRESULT; a message that cannot be stored is
  answered `InternalError`, so the station keeps it and sends it again.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
import time
import uuid
from types import ModuleType

from ocpp.charge_point import camel_to_snake_case
from ocpp.exceptions import (
    FormatViolationError,
    GenericError,
    NotImplementedError,
    NotSupportedError,
    OCPPError,
    SecurityError,
    UnknownCallErrorCodeError,
)
from ocpp.messages import Call, CallError, CallResult
from websockets.exceptions import ConnectionClosed

from evdesk.core.log_limit import limited
from evdesk.core.services import Services
from evdesk.core.station_cache import StationInfo
from evdesk.csms.framing import FrameProblem, error_code, parse_frame
from evdesk.csms.payloads import payload_dict
from evdesk.csms.redaction import redact_frame
from evdesk.csms.sanity import check_payload
from evdesk.csms.validation import validate_call, validate_result
from evdesk.store.errors import RowRejected, StorageUnavailable

log = logging.getLogger(__name__)


class InvalidAnswer(Exception):
    """The station answered, but its answer breaks the OCPP schema."""

    def __init__(self, error: OCPPError):
        # the cause only: the details carry the whole answer, which may hold secrets
        cause = (error.details or {}).get("cause", "") if isinstance(error.details, dict) else ""
        super().__init__(f"{error.code}: {error.description} {cause}".strip())
        self.error = error


def handles(action: str):
    """Mark a method as the handler of the station's `action` CALL."""

    def mark(method):
        method._ocpp_action = action
        return method

    return mark


class StationConnection:
    ocpp_version = "1.6"
    subprotocol = "ocpp1.6"
    # filled per subclass: the station's actions evdesk answers, and every action the version defines
    handlers: dict[str, str] = {}
    known_actions: frozenset[str] = frozenset()
    call_results: ModuleType | None = None  # the version's `call_result` module (answers to our CALLs)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        table = dict(getattr(cls, "handlers", {}))
        for name, member in vars(cls).items():
            action = getattr(member, "_ocpp_action", None)
            if action is not None:
                table[action] = name
        cls.handlers = table

    def __init__(self, info: StationInfo, websocket, services: Services):
        self.id = info.identity
        self.info = info
        self.services = services
        self.websocket = websocket
        self.booted_at: float | None = None  # monotonic time of the last accepted boot
        self.boot_seen = False
        self.closed = asyncio.Event()
        self._pending_action = ""  # the CALL we wait an answer for
        self._pending: tuple[str, asyncio.Future] | None = None  # its unique id and the answer's future
        self._answering = ""  # the CALL we are answering
        # one CSMS-initiated call at a time, from sending it to its answer (or giving up)
        self._calls = asyncio.Lock()

    # -- receiving -----------------------------------------------------------
    async def run(self) -> None:
        try:
            async for text in self.websocket:
                if isinstance(text, bytes):
                    text = text.decode("utf-8", "replace")
                await self.handle_frame(text)
        except ConnectionClosed:
            pass
        finally:
            self.closed.set()
            pending = self._pending
            if pending is not None and not pending[1].done():
                pending[1].set_exception(ConnectionClosed(None, None))

    async def handle_frame(self, text: str) -> None:
        services = self.services
        await services.batch.wait_for_room()  # backpressure: the disk sets the pace under a flood
        services.status.frame_received(self.info)
        msg = parse_frame(text, services.settings.max_frame_bytes, self.ocpp_version)
        if isinstance(msg, FrameProblem):
            services.commlog.frame(self.id, "in", text, None, msg.unique_id, "")
            self._answering = ""
            limited(log, logging.WARNING, self.id, "bad-frame", "%s sent a bad frame (%s): %s", self.id, msg.code,
                    msg.description)
            if msg.answer:
                await self._answer(msg.to_json())
            return
        if isinstance(msg, Call):
            services.commlog.frame(self.id, "in", text, 2, msg.unique_id, msg.action[:64])
            self._answering = msg.action
            await self._answer_call(msg)
            return
        self._take_answer(text, msg)

    async def _answer_call(self, msg: Call) -> None:
        try:
            await self._handle_call(msg)
        except OCPPError as error:
            code = error_code(error.code, self.ocpp_version)
            # a pending station talking is expected (it waits for adoption); a bad payload is not
            limited(log, logging.INFO if code == "SecurityError" else logging.WARNING, self.id, f"refused:{code}",
                    "%s: %s refused with %s: %s", self.id, msg.action[:64], code, error.description)
            await self._answer(_call_error(msg.unique_id, code, error.description, error.details))
        except (StorageUnavailable, RowRejected) as exc:
            # not stored, so not acknowledged: the station keeps the message and sends it again
            limited(log, logging.WARNING, self.id, "not-stored", "%s: %s not stored, answered InternalError: %s",
                    self.id, msg.action[:64], exc)
            await self._answer(_call_error(msg.unique_id, "InternalError",
                                           "evdesk could not store this message now; send it again later", {}))
        except Exception:
            limited(log, logging.ERROR, self.id, f"failed:{msg.action[:64]}", "%s: handler for %s failed",
                    self.id, msg.action[:64], exc_info=True)
            await self._answer(_call_error(msg.unique_id, "InternalError", "An internal error occurred", {}))

    def _take_answer(self, text: str, msg: CallResult | CallError) -> None:
        kind = 3 if isinstance(msg, CallResult) else 4
        action = self._pending_action
        self.services.commlog.frame(self.id, "in", redact_frame(text, action, kind), kind, msg.unique_id, action)
        pending = self._pending
        if pending is None or pending[0] != msg.unique_id or pending[1].done():
            limited(log, logging.INFO, self.id, "late-answer", "%s: answer %s arrived after its call gave up; ignored",
                    self.id, msg.unique_id)
            return
        future = pending[1]
        if kind == 4:
            future.set_exception(_station_error(msg))  # the station itself answered with a CALLERROR
            return
        try:
            check_payload(action, msg.payload, self.ocpp_version, response=True)
            if not self.info.skip_schema_validation:
                validate_result(action, msg.payload, self.ocpp_version)
        except OCPPError as error:
            # an answer evdesk cannot store or compute with, or one that breaks the schema
            error.code = error_code(error.code, self.ocpp_version)
            future.set_exception(InvalidAnswer(error))
            return
        future.set_result(msg.payload)

    async def _handle_call(self, msg: Call) -> None:
        """Answer one CALL: route, validate, run the handler, commit, send the result."""
        name = self.handlers.get(msg.action)
        if name is None:
            if msg.action in self.known_actions:
                raise NotSupportedError(description=f"evdesk does not take {msg.action} from a station")
            raise NotImplementedError(description=f"Unknown action {msg.action[:64]!r}")
        if self.info.registration == "pending" and msg.action != "BootNotification":
            # not accepted yet (OCPP 2.0.1 B02.FR.09; the 1.6 security white paper follows it)
            raise SecurityError(description="Charging station is not accepted yet (pending adoption)")
        validate_call(msg, self.ocpp_version, schema=not self.info.skip_schema_validation)
        if self.ocpp_version == "1.6":
            self.services.compat.observe(self.info, msg.action, msg.payload)  # the probe's first day; else a look-up
        batch = self.services.batch
        with batch.frame_scope() as ticket:
            response = getattr(self, name)(**_to_snake(msg.payload))
            if inspect.isawaitable(response):
                response = await response
        # what the station tells us is on disk before it hears "received" (group commit)
        await batch.committed(ticket)
        await self._answer(json.dumps([3, msg.unique_id, payload_dict(response)], separators=(",", ":"),
                                      ensure_ascii=False))

    async def _send(self, message: str) -> None:
        kind, unique_id, action = _describe_outgoing(message, self._answering)
        self.services.commlog.frame(self.id, "out", redact_frame(message, action, kind), kind, unique_id, action)
        await self.websocket.send(message)

    async def _answer(self, message: str) -> None:
        """Answer a frame. When the station has closed meanwhile the answer is simply not
        heard (it resends what was not answered); frames it sent before closing — an answer
        to one of our calls, say — are still read."""
        try:
            await self._send(message)
        except ConnectionClosed:
            log.debug("%s closed before it was answered", self.id)

    # -- calling -------------------------------------------------------------
    async def call_station(self, payload, timeout: float | None = None):
        """Send a CALL and return the result object; raises OCPPError on a CALLERROR,
        InvalidAnswer on an answer that breaks the schema, asyncio.TimeoutError without an
        answer, ConnectionClosed when the socket drops."""
        await self.wait_quiet_period()
        async with self._calls:
            return await self._exchange(payload, timeout or self.services.settings.command_timeout)

    async def call_raw(self, action: str, payload: dict, timeout: float | None = None) -> dict:
        """Send any CALL of this station's version as a plain JSON payload (the admins' raw
        call); returns the station's answer payload (checked like any other answer)."""
        if action not in self.known_actions:
            raise ValueError(f"OCPP {self.ocpp_version} has no action {action!r}")
        await self.wait_quiet_period()
        async with self._calls:
            return await self._round_trip(action, payload, timeout or self.services.settings.command_timeout)

    async def _exchange(self, payload, timeout: float):
        action = type(payload).__name__
        answer = await self._round_trip(action, payload_dict(payload), timeout)
        try:
            return getattr(self.call_results, action)(**_to_snake(answer))
        except TypeError as exc:  # a property the result class lacks (schema validation skipped for this station)
            raise InvalidAnswer(FormatViolationError(description=f"{action}: {exc}"[:255])) from None

    async def _round_trip(self, action: str, payload: dict, timeout: float) -> dict:
        if self.closed.is_set():
            raise ConnectionClosed(None, None)
        unique_id = str(uuid.uuid4())
        future = asyncio.get_running_loop().create_future()
        self._pending_action = action
        self._pending = (unique_id, future)
        try:
            frame = json.dumps([2, unique_id, action, payload], separators=(",", ":"), ensure_ascii=False)
            await self._send(frame)
            try:
                return await asyncio.wait_for(future, timeout)
            except asyncio.TimeoutError:
                raise asyncio.TimeoutError(f"no answer to {action} in {timeout} s") from None
        finally:
            self._pending = None
            self._pending_action = ""
            if future.done() and not future.cancelled():
                future.exception()  # retrieved: a late failure is not "never retrieved"

    async def wait_quiet_period(self) -> None:
        """Chargers are busy just after a boot (INTEROP §9): hold calls back a few seconds."""
        if self.booted_at is None:
            return
        remaining = self.booted_at + self.services.settings.post_boot_quiet_seconds - time.monotonic()
        if remaining > 0:
            await asyncio.sleep(remaining)

    async def close(self, code: int = 1000, reason: str = "") -> None:
        await self.websocket.close(code, reason)


def _station_error(msg: CallError) -> OCPPError:
    """The OCPPError of a station's CALLERROR; a code OCPP does not define (vendors invent some)
    becomes a GenericError that names it (the library raises on those)."""
    try:
        return msg.to_exception()
    except UnknownCallErrorCodeError:
        return GenericError(description=f"{str(msg.error_code)[:40]}: {msg.error_description}"[:255],
                            details=msg.error_details if isinstance(msg.error_details, dict) else {})


def _call_error(unique_id: str, code: str, description: str, details) -> str:
    return json.dumps([4, unique_id, code, (description or "")[:255], details or {}], separators=(",", ":"),
                      default=str)


_SNAKE: dict[str, str] = {}


def _to_snake(data):
    if isinstance(data, dict):
        out = {}
        for key, value in data.items():
            snake = _SNAKE.get(key)
            if snake is None:
                snake = _SNAKE[key] = next(iter(camel_to_snake_case({key: None})))
            out[snake] = _to_snake(value)
        return out
    if isinstance(data, list):
        return [_to_snake(v) for v in data]
    return data


def _describe_outgoing(message: str, answering: str) -> tuple[int | None, str, str]:
    # cheap: avoid re-parsing every outgoing frame as JSON
    head = message[:80]
    try:
        kind = int(head[1])
    except (ValueError, IndexError):
        return None, "", ""
    start = head.find('"')
    end = head.find('"', start + 1)
    unique_id = head[start + 1 : end] if start >= 0 and end > start else ""
    action = answering
    if kind == 2:
        rest = message[end + 1 : end + 80]
        a0 = rest.find('"')
        a1 = rest.find('"', a0 + 1)
        action = rest[a0 + 1 : a1] if a0 >= 0 and a1 > a0 else ""
    return kind, unique_id, action


__all__ = ["StationConnection", "InvalidAnswer", "CallError", "handles"]
