"""One station's websocket: frames in and out, logged, checked, and routed.

Version-specific subclasses add the message handlers; this base keeps what every
OCPP-J version shares: the communication log, defensive framing, one
CSMS-initiated call at a time with a timeout, and the quiet period after a boot.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
import time
import uuid

from ocpp.charge_point import (
    ChargePoint,
    camel_to_snake_case,
)
from ocpp.exceptions import NotImplementedError, NotSupportedError, OCPPError, SecurityError
from ocpp.messages import Call, CallError, CallResult
from ocpp.v16.enums import Action as Action16
from websockets.exceptions import ConnectionClosed

from evdesk.core.log_limit import limited
from evdesk.core.services import Services
from evdesk.core.station_cache import StationInfo
from evdesk.csms.framing import FrameProblem, error_code, parse_frame
from evdesk.csms.redaction import redact_frame
from evdesk.csms.sanity import check_payload
from evdesk.csms.payloads import payload_dict
from evdesk.csms.validation import validate_call, validate_result
from evdesk.store.errors import RowRejected, StorageUnavailable

log = logging.getLogger(__name__)


class InvalidAnswer(Exception):
    """The station answered, but its answer breaks the OCPP schema."""

    def __init__(self, error: OCPPError):
        # the cause only: the library's details carry the whole answer, which may hold secrets
        cause = (error.details or {}).get("cause", "") if isinstance(error.details, dict) else ""
        super().__init__(f"{error.code}: {error.description} {cause}".strip())
        self.error = error


class StationConnection(ChargePoint):
    ocpp_version = "1.6"

    def __init__(self, info: StationInfo, websocket, services: Services):
        super().__init__(info.identity, websocket, response_timeout=services.settings.command_timeout)
        self.info = info
        self.services = services
        self.websocket = websocket
        self.booted_at: float | None = None  # monotonic time of the last accepted boot
        self.boot_seen = False
        self.closed = asyncio.Event()
        self._pending_action = ""  # the CALL we wait an answer for
        self._answering = ""  # the CALL we are answering
        self._last_error_id = ""  # unique id of the last CALLERROR the station sent
        # one CSMS-initiated call at a time, from sending it to its answer (or giving up): the next
        # call may only clear out late answers once the one before it is done
        self._calls = asyncio.Lock()
        self.apply_validation_switch()

    def apply_validation_switch(self) -> None:
        """The operator's per-station 'skip schema validation' (INTEROP §10)."""
        for handlers in self.route_map.values():
            handlers["_skip_schema_validation"] = self.info.skip_schema_validation

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
            return
        kind = 3 if isinstance(msg, CallResult) else 4
        if kind == 4:
            self._last_error_id = msg.unique_id
        action = self._pending_action
        services.commlog.frame(self.id, "in", redact_frame(text, action, kind), kind, msg.unique_id, action)
        if kind == 3 and action:
            try:
                check_payload(action, msg.payload, self.ocpp_version, response=True)
            except OCPPError as error:
                # an answer evdesk could not store or compute with: the call fails as a schema breach would
                msg = CallError(msg.unique_id, error_code(error.code, self.ocpp_version), error.description, {})
        if self._call_lock.locked():
            self._response_queue.put_nowait(msg)
        else:
            limited(log, logging.INFO, self.id, "late-answer", "%s: answer %s arrived after its call gave up; ignored",
                    self.id, msg.unique_id)

    async def _handle_call(self, msg: Call) -> None:
        """Answer one CALL: validate it, run the handler, send the result.

        Does what `ChargePoint._handle_call` does with three savings that matter at
        thousands of messages per second: schemas are checked by compiled
        validators (`validation.py`), key-case conversion is cached per key, and
        evdesk's own results (typed payload classes, schema-checked by the
        protocol tests' clients) are not validated again before every send.
        """
        handlers = self.route_map.get(msg.action)
        if handlers is None:
            if msg.action in _KNOWN_ACTIONS.get(self.ocpp_version, ()):
                raise NotSupportedError(description=f"evdesk does not take {msg.action} from a station")
            raise NotImplementedError(description=f"Unknown action {msg.action[:64]!r}")
        if self.info.registration == "pending" and msg.action != "BootNotification":
            # not accepted yet (OCPP 2.0.1 B02.FR.09; the 1.6 security white paper follows it)
            raise SecurityError(description="Charging station is not accepted yet (pending adoption)")
        validate_call(msg, self.ocpp_version, schema=not handlers.get("_skip_schema_validation", False))
        self.services.compat.observe(self.info, msg.action, msg.payload)  # the probe's first day; else a look-up
        batch = self.services.batch
        with batch.frame_scope() as ticket:
            response = handlers["_on_action"](**_to_snake(msg.payload))
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
        asyncio.TimeoutError without an answer, ConnectionClosed when the socket drops."""
        await self.wait_quiet_period()
        async with self._calls:
            return await self._call_station(payload, timeout)

    async def _call_station(self, payload, timeout: float | None):
        self._response_timeout = timeout or self.services.settings.command_timeout
        self._pending_action = type(payload).__name__
        try:
            # drop answers that came in after an earlier call gave up
            while not self._response_queue.empty():
                self._response_queue.get_nowait()
            unique_id = str(uuid.uuid4())
            call_task = asyncio.ensure_future(self._exchange(payload, unique_id))
            closed_task = asyncio.ensure_future(self.closed.wait())
            try:
                done, _ = await asyncio.wait({call_task, closed_task}, return_when=asyncio.FIRST_COMPLETED)
            finally:
                closed_task.cancel()
            if call_task in done:
                try:
                    return call_task.result()
                except OCPPError as error:
                    if self._last_error_id == unique_id:
                        raise  # the station itself answered with a CALLERROR
                    raise InvalidAnswer(error) from error
            call_task.cancel()
            raise ConnectionClosed(None, None)
        finally:
            self._pending_action = ""

    async def _exchange(self, payload, unique_id: str):
        """One CALL and its answer, as the library's `call` does, without its costs on our own
        requests: evdesk's payloads are typed (the protocol tests check them against the
        schemas), so only the station's answer is checked, by the compiled validators."""
        action = type(payload).__name__
        frame = json.dumps([2, unique_id, action, payload_dict(payload)], separators=(",", ":"), ensure_ascii=False)
        async with self._call_lock:  # handle_frame queues answers while it is held
            await self._send(frame)
            try:
                response = await self._get_specific_response(unique_id, self._response_timeout)
            except asyncio.TimeoutError:
                raise asyncio.TimeoutError(f"no answer to {action} in {self._response_timeout} s") from None
        if isinstance(response, CallError):
            raise response.to_exception()
        if not self.info.skip_schema_validation:
            validate_result(action, response.payload, self.ocpp_version)
        return getattr(self._call_result, action)(**_to_snake(response.payload))

    async def wait_quiet_period(self) -> None:
        """Chargers are busy just after a boot (INTEROP §9): hold calls back a few seconds."""
        if self.booted_at is None:
            return
        remaining = self.booted_at + self.services.settings.post_boot_quiet_seconds - time.monotonic()
        if remaining > 0:
            await asyncio.sleep(remaining)

    async def close(self, code: int = 1000, reason: str = "") -> None:
        await self.websocket.close(code, reason)


_KNOWN_ACTIONS = {"1.6": frozenset(a.value for a in Action16)}


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


__all__ = ["StationConnection", "CallError"]
