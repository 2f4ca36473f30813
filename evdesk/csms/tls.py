"""TLS for the OCPP listener (security profiles 2 and 3): the server context and the handshake gate.

Rules (decided):
* TLS 1.2 or newer only (OCPP 1.6 security whitepaper and 2.0.1 part 2: "TLS v1.2 or above").
  Python's default server ciphers plus the two RSA-key-exchange suites OCPP lists as
  mandatory (AES128-GCM-SHA256, AES256-GCM-SHA384): some chargers offer nothing else.
* At most `CONCURRENT_TLS_HANDSHAKES` handshakes are under way at once: each costs the
  loop a private-key operation (~1-2 ms for RSA-2048), and a storm of a thousand
  chargers after a power cut would otherwise run them all in one loop iteration (the
  loop stalls for seconds); the others wait their turn with their ClientHello queued.
* The server asks every client for a certificate but does not require one (CERT_OPTIONAL):
  a station on profile 2 has none; whether a station must have one is its profile's
  rule, checked at the HTTP upgrade where evdesk knows the station (`client_identity_problem`).
  A certificate that is offered must chain to the site CA and be valid now, else the TLS
  handshake fails.
* Refusals at the TLS layer happen before evdesk knows which station is calling, so they
  are logged (rate-limited, like every refused handshake) with the caller's address and a
  reason an operator understands. For that evdesk runs the TLS handshake itself
  (`loop.start_tls` in `TlsServerConnection`) instead of letting asyncio's accept do it
  silently: asyncio only logs failed TLS handshakes in debug mode.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from typing import Callable

from websockets.asyncio.server import ServerConnection

from evdesk.core.tasks import spawn

log = logging.getLogger(__name__)

TLS_HANDSHAKE_TIMEOUT = 10.0  # from the handshake's turn: a charger on a slow link still makes it
CONCURRENT_TLS_HANDSHAKES = 16
OCPP_MANDATORY_RSA_SUITES = "AES128-GCM-SHA256:AES256-GCM-SHA384"


def server_context(cert_chain: str, key: str, client_ca: str | None) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.set_ciphers(":".join([c["name"] for c in context.get_ciphers() if c["protocol"] != "TLSv1.3"]
                                 + [OCPP_MANDATORY_RSA_SUITES]))
    context.load_cert_chain(cert_chain, key)
    if client_ca:
        context.load_verify_locations(cafile=client_ca)
        context.verify_mode = ssl.CERT_OPTIONAL
    return context


def tls_refusal_reason(exc: BaseException) -> str:
    """Why a TLS handshake failed, in words for the log."""
    verify = getattr(exc, "verify_message", "") or ""
    reason = (getattr(exc, "reason", "") or "").upper()
    text = str(exc)
    if verify or "CERTIFICATE_VERIFY_FAILED" in reason:
        detail = verify or text
        if "expired" in detail:
            return "its client certificate has expired"
        if "not yet valid" in detail:
            return "its client certificate is not valid yet"
        if "issuer" in detail or "self-signed" in detail or "self signed" in detail:
            return "its client certificate was not issued by the site CA"
        return f"its client certificate was refused ({detail})"
    if reason in ("UNSUPPORTED_PROTOCOL", "TLSV1_ALERT_PROTOCOL_VERSION", "NO_PROTOCOLS_AVAILABLE",
                  "VERSION_TOO_LOW") or "protocol version" in text.lower():
        return "it offers only a TLS version below 1.2"
    if reason in ("HTTP_REQUEST", "WRONG_VERSION_NUMBER"):
        return "it did not speak TLS (a ws:// client on the wss:// port?)"
    if isinstance(exc, (asyncio.TimeoutError, TimeoutError, ConnectionAbortedError)):
        return "its TLS handshake did not finish in time"
    if isinstance(exc, (ConnectionResetError, BrokenPipeError, EOFError)) or "EOF" in reason:
        return "it closed the connection during the TLS handshake (does it trust the site CA?)"
    return f"the TLS handshake failed ({reason or text or type(exc).__name__})"


def peer_certificate(connection: ServerConnection) -> dict | None:
    """The client certificate the TLS layer verified (the `ssl` dict), None without one or without TLS."""
    transport = getattr(connection, "transport", None)
    ssl_object = transport.get_extra_info("ssl_object") if transport is not None else None
    if ssl_object is None:
        return None
    return ssl_object.getpeercert() or None


def is_tls(connection: ServerConnection) -> bool:
    transport = getattr(connection, "transport", None)
    return transport is not None and transport.get_extra_info("ssl_object") is not None


def certificate_names(cert: dict) -> tuple[str, list[str]]:
    """(subject common name, DNS/URI subject alternative names) of a verified certificate."""
    common = ""
    for rdn in cert.get("subject", ()):
        for name, value in rdn:
            if name == "commonName":
                common = value
    sans = [value for kind, value in cert.get("subjectAltName", ()) if kind in ("DNS", "URI")]
    return common, sans


def client_identity_problem(connection: ServerConnection, identity: str, profile: int) -> tuple[int, str] | None:
    """(HTTP status, reason) when this station may not come in over this connection, else None.

    Profile 2 or 3 on plain ws:// -> 403; profile 3 without a client certificate -> 401;
    profile 3 with a certificate for another identity (subject CN and SANs) -> 403."""
    if profile < 2:
        return None
    if not is_tls(connection):
        return 403, f"security profile {profile} needs TLS: it connected over plain ws://"
    if profile < 3:
        return None
    cert = peer_certificate(connection)
    if cert is None:
        return 401, "security profile 3 needs a client certificate: it sent none"
    common, sans = certificate_names(cert)
    if identity != common and identity not in sans:
        return 403, f"its client certificate is for {common or ', '.join(sans) or 'no name'!r}, not for this station"
    return None


def tls_connection_class(get_context: Callable[[], ssl.SSLContext],
                         refused: Callable[[str, BaseException], None]) -> type[ServerConnection]:
    """A websockets server connection that first does the TLS handshake itself (see the module doc).

    `get_context()` is asked at each connection, so new certificates apply to the next handshake."""

    turns = asyncio.Semaphore(CONCURRENT_TLS_HANDSHAKES)

    class TlsServerConnection(ServerConnection):
        _tls_up = False

        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            transport.pause_reading()  # nothing reaches websockets before TLS is up
            spawn(self._start_tls(transport), name="tls-handshake")

        async def _start_tls(self, transport) -> None:
            peer = transport.get_extra_info("peername")
            address = str(peer[0]) if peer else "?"
            try:
                async with turns:
                    if transport.is_closing():  # gave up while waiting for its turn
                        return
                    tls_transport = await asyncio.get_running_loop().start_tls(
                        transport, self, get_context(), server_side=True, ssl_handshake_timeout=TLS_HANDSHAKE_TIMEOUT)
            except (ssl.SSLError, OSError, EOFError, asyncio.TimeoutError, ConnectionError) as exc:
                refused(address, exc)
                transport.abort()
                return
            if tls_transport is None or tls_transport.is_closing():
                transport.abort()
                return
            self._tls_up = True
            ServerConnection.connection_made(self, tls_transport)

        def connection_lost(self, exc: Exception | None) -> None:
            if self._tls_up:  # before the handshake websockets has nothing to tear down
                super().connection_lost(exc)

    return TlsServerConnection


__all__ = ["server_context", "tls_connection_class", "client_identity_problem", "tls_refusal_reason",
           "peer_certificate", "is_tls"]
