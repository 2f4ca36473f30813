"""The websocket handshake of a station (INTEROP §1): who it is, which OCPP it speaks, whether it
may come in. Answered before the websocket opens; a refusal is an HTTP status with a sentence.

* Identity: the last path segment, percent-decoded. A plain HTTP request gets 426 with a hint; no
  identity, 404.
* Subprotocol: the first `ocpp1.6` / `ocpp2.0.1` the charger offers; one that offers neither gets
  400, one that offers none is served as 1.6.
* Security profiles: a station on profile 2 or 3 is refused on plain ws:// (403); on profile 3 its
  client certificate must name it (`csms/tls.py`).
* Basic auth (profiles 1 and 2, a station with a password): the user is its identity. Checks go
  through the throttle (`csms/auth_throttle.py`): 401 when wrong, 429 while held; a check once begun
  is judged to the end in its own task. Hex-encoded passwords are tried decoded too (INTEROP §10).
* Admission of unknown stations by the site policy (`StationService.admit`); a new station is on disk
  before its handshake is answered, and while the store cannot be written it gets 503.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import http
import logging
import math
from urllib.parse import unquote, urlsplit

from websockets.asyncio.server import ServerConnection
from websockets.http11 import Request, Response

from evdesk.core.log_limit import limited
from evdesk.core.services import Services
from evdesk.core.tasks import spawn
from evdesk.csms.auth_throttle import AuthThrottle, retry_after_header
from evdesk.csms.tls import client_identity_problem
from evdesk.store.errors import StorageUnavailable

log = logging.getLogger(__name__)

SUPPORTED_SUBPROTOCOLS = ("ocpp1.6", "ocpp2.0.1")


def station_identity_from_path(path: str) -> str:
    """'/ocpp/CP%2001?x=1' -> 'CP 01'."""
    raw_path = urlsplit(path).path
    segment = raw_path.rstrip("/").rsplit("/", 1)[-1]
    return unquote(segment)


def parse_basic_auth(header: str | None) -> tuple[str, str] | None:
    if not header or not header.lower().startswith("basic "):
        return None
    try:
        decoded = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8", "replace")
    except (binascii.Error, ValueError):
        return None
    user, sep, password = decoded.partition(":")
    return (user, password) if sep else None


class Handshake:
    """The handshake checks of one server (its throttle remembers failed logins)."""

    def __init__(self, services: Services):
        self.services = services
        self.auth_throttle = AuthThrottle()

    def select_subprotocol(self, connection: ServerConnection, offered) -> str | None:
        for proto in offered:
            if proto in SUPPORTED_SUBPROTOCOLS:
                return proto
        # offered none (a common charger quirk): served as 1.6 without the header
        return None

    async def process_request(self, connection: ServerConnection, request: Request) -> Response | None:
        identity = station_identity_from_path(request.path)
        address = peer(connection)
        problem = upgrade_problem(request)
        if problem:
            # a plain HTTP request (a browser, a scanner, `curl /robots`): no station, no admission
            limited(log, logging.INFO, address, "not-websocket", "refused a request from %s for %r: %s", address,
                    request.path[:80], problem)
            return respond(connection, http.HTTPStatus.UPGRADE_REQUIRED,
                            "This is an OCPP websocket endpoint: connect to ws://<host>:<port>/<station identity>.\n",
                            {"Upgrade": "websocket", "Connection": "Upgrade"})
        if not identity:
            return respond(connection, http.HTTPStatus.NOT_FOUND, "No charging station identity in the URL path.\n")
        offered = request.headers.get_all("Sec-WebSocket-Protocol")
        offered = [p.strip() for h in offered for p in h.split(",") if p.strip()]
        if offered and not any(p in SUPPORTED_SUBPROTOCOLS for p in offered):
            limited(log, logging.INFO, identity, "bad-subprotocol", "refused station %r from %s: offers only %s",
                    identity, address, ", ".join(offered)[:80])
            return respond(connection, http.HTTPStatus.BAD_REQUEST, "Unsupported OCPP version; use ocpp1.6 or ocpp2.0.1.\n")
        known = self.services.stations.get(identity)
        if known is not None and known.security_profile > 1:
            refusal = client_identity_problem(connection, identity, known.security_profile)
            if refusal is not None:
                return self._refuse_insecure(connection, known, address, *refusal)
        if known is not None and known.password_hash and known.security_profile < 3:
            refused = await self._check_login(connection, known, identity, address, request)
            if refused is not None:
                return refused
        admission = self.services.stations.admit(identity)
        if admission.decision == "accept" and admission.new:
            # a new station is on disk before its handshake is answered: a station that cannot be
            # stored is told to come back later (503), not let in to lose what it sends
            try:
                await self.services.stations.persisted(admission.station)
            except StorageUnavailable as exc:
                return self._cannot_store(connection, identity, address, exc.reason)
            except Exception as exc:
                return self._cannot_store(connection, identity, address, str(exc))
        if admission.decision == "unavailable":
            return self._cannot_store(connection, identity, address, admission.reason)
        if admission.decision == "busy":
            limited(log, logging.WARNING, "stations", "admission-busy", "refused unknown station %r from %s: %s",
                    identity, address, admission.reason)
            return respond(connection, http.HTTPStatus.SERVICE_UNAVAILABLE,
                            f"Charging station not accepted now: {admission.reason}.\n", {"Retry-After": "300"})
        if admission.decision != "accept":
            limited(log, logging.INFO, identity, "refused", "refused station %r from %s: %s", identity, address,
                    admission.reason)
            return respond(connection, http.HTTPStatus.NOT_FOUND, f"Charging station not accepted: {admission.reason}\n")
        return None

    def _refuse_insecure(self, connection: ServerConnection, info, address: str, status: int,
                         reason: str) -> Response:
        """A station that came in below its security profile: the log and its network log say why."""
        if limited(log, logging.WARNING, info.identity, "profile-refused", "refused station %r from %s: %s",
                   info.identity, address, reason):
            self.services.status.station_event(info, "network", "refused", f"Connection from {address} refused: "
                                               f"{reason}.")
        return respond(connection, http.HTTPStatus(status), f"Connection refused: {reason}.\n")

    @staticmethod
    def _cannot_store(connection: ServerConnection, identity: str, address: str, reason: str) -> Response:
        limited(log, logging.ERROR, "stations", "cannot-store", "refused new station %r from %s: evdesk cannot "
                "store new stations right now (%s)", identity, address, reason)
        return respond(connection, http.HTTPStatus.SERVICE_UNAVAILABLE,
                        "evdesk cannot store new charging stations right now; try again later.\n",
                        {"Retry-After": "60"})

    async def _check_login(self, connection: ServerConnection, known, identity: str, address: str,
                           request: Request) -> Response | None:
        """Basic auth through the throttle: None when let in, else the refusal (429 held, 401 wrong).
        Checks from one address take turns (auth_throttle.turn) so right ones do not hold each other;
        a check once begun is judged to the end in its own task, even if this handshake is given up."""
        throttle = self.auth_throttle
        await throttle.take_turn(address)
        try:
            wait, counted = throttle.begin(identity, address)
        except BaseException:
            throttle.end_turn(address)
            raise
        if wait > 0:
            throttle.end_turn(address)
            limited(log, logging.WARNING, address, "auth-held",
                    "station %r from %s: login held for %d s after repeated wrong passwords", identity, address,
                    math.ceil(wait))
            return respond(connection, http.HTTPStatus.TOO_MANY_REQUESTS, "Too many failed logins; try again later.\n",
                            {"Retry-After": retry_after_header(wait)})
        judged = spawn(self._judge_login(known, identity, address, request, counted), name=f"login {identity}")
        if not await asyncio.shield(judged):
            limited(log, logging.WARNING, identity, "auth-failed",
                    "station %r from %s: wrong or missing password", identity, address)
            return respond(connection, http.HTTPStatus.UNAUTHORIZED, "Wrong station credentials.\n",
                            {"WWW-Authenticate": 'Basic realm="evdesk", charset="UTF-8"'})
        return None

    async def _judge_login(self, known, identity: str, address: str, request: Request, counted: bool) -> bool:
        """The password check of one begun attempt, recorded with the throttle; ends the address's turn."""
        try:
            ok = await self._password_ok(known, identity, request)
            if ok:
                self.auth_throttle.succeeded(identity, address, counted)
            else:
                self.auth_throttle.failed(identity, address)
            return ok
        finally:
            self.auth_throttle.end_turn(address)

    async def _password_ok(self, info, identity: str, request: Request) -> bool:
        creds = parse_basic_auth(request.headers.get("Authorization"))
        if creds is None or creds[0] != identity:
            return False
        stations = self.services.stations
        if await stations.check_password(info, creds[1]):
            return True
        # some chargers send the AuthorizationKey hex-decoded, some hex-encoded (INTEROP §10)
        return _looks_hex(creds[1]) and await stations.check_password(info, bytes.fromhex(creds[1]).decode("latin-1"))


def respond(connection: ServerConnection, status: http.HTTPStatus, text: str, headers: dict | None = None) -> Response:
    response = connection.respond(status, text)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def peer(connection: ServerConnection) -> str:
    try:
        address = connection.remote_address
    except Exception:  # the transport may be gone already
        return "?"
    return str(address[0]) if address else "?"


def upgrade_problem(request: Request) -> str:
    """Why this is not a websocket upgrade ("" when it is). A missing `Connection: Upgrade`
    is tolerated (INTEROP §1): the header is added so the library accepts the handshake."""
    headers = request.headers
    upgrade = [v.strip().lower() for h in headers.get_all("Upgrade") for v in h.split(",") if v.strip()]
    if upgrade != ["websocket"]:
        return "not a websocket upgrade (no 'Upgrade: websocket')"
    keys = headers.get_all("Sec-WebSocket-Key")
    try:
        if len(keys) != 1 or len(base64.b64decode(keys[0].encode(), validate=True)) != 16:
            return "no valid Sec-WebSocket-Key"
    except (binascii.Error, ValueError):
        return "no valid Sec-WebSocket-Key"
    if headers.get_all("Sec-WebSocket-Version") != ["13"]:
        return "websocket version is not 13"
    connection = [v.strip().lower() for h in headers.get_all("Connection") for v in h.split(",")]
    if "upgrade" not in connection:
        headers["Connection"] = "Upgrade"
    return ""


def _looks_hex(value: str) -> bool:
    return len(value) >= 2 and len(value) % 2 == 0 and all(c in "0123456789abcdefABCDEF" for c in value)
