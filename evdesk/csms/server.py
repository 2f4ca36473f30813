"""The embedded OCPP server: the websocket listeners stations connect to, and each connection.

Listeners: ws:// and/or wss:// (security profiles 2 and 3, `csms/tls.py`) as the site setting
`ocpp_listener` says, changed without a restart (`apply_listener`). Who may come in is decided in
the handshake (`csms/handshake.py`: identity, subprotocol, basic auth, admission). A connection is
served as OCPP 1.6 or 2.0.1 by the negotiated subprotocol; after an accepted boot the station is
probed and configured (`_after_boot`); one that never boots is asked once.

Runs on any asyncio loop: the GUI's through qasync, or a plain one headless.
"""

from __future__ import annotations

import asyncio
import logging
from uuid import UUID

from websockets.asyncio.server import Server, ServerConnection, serve

from evdesk.core import events as ev
from evdesk.core.log_limit import limited
from evdesk.core.services import Services
from evdesk.core.tasks import cancel_and_wait, spawn
from evdesk.csms.commands import CommandApi
from evdesk.csms.compat_probe import CompatibilityProbe
from evdesk.csms.connection import StationConnection
from evdesk.csms.auto_recovery import AutoRecovery
from evdesk.csms.firmware_delivery import FirmwareDelivery
from evdesk.csms.limit_stops import LimitStopper
from evdesk.csms.load_control import LoadControl
from evdesk.csms.local_list import LocalListSync
from evdesk.csms.registry import ConnectionRegistry
from evdesk.csms.handshake import SUPPORTED_SUBPROTOCOLS, Handshake, peer, station_identity_from_path
from evdesk.csms.tls import server_context, tls_connection_class, tls_refusal_reason
from evdesk.csms.v16.station import StationConnection16
from evdesk.csms.v201.station import StationConnection201
from evdesk.csms.v201.transactions import TransactionEvents

log = logging.getLogger(__name__)

# A hard cap for websockets itself; frames above max_frame_bytes but below this
# get a CALLERROR and the connection lives on.
WEBSOCKET_MAX_SIZE = 1024 * 1024
BOOT_TRIGGER_DELAY = 30.0
LISTEN_BACKLOG = 4096  # the kernel caps it at net.core.somaxconn
OPEN_TIMEOUT = 30.0  # from the connection to the end of the websocket handshake (a charger's own timeout is alike)


class CentralSystem:
    def __init__(self, services: Services, host: str = "127.0.0.1", port: int = 0, *, tls_port: int | None = None,
                 listener: str | None = None):
        self.services = services
        self.host = host
        self.requested_port = port
        self.port: int | None = None
        # plain / tls / both (the site setting unless given, and then it follows the setting's changes
        # without a restart); the TLS port likewise
        self.follows_settings = listener is None
        self.listener = listener or services.settings.ocpp_listener
        self.requested_tls_port = services.settings.ocpp_tls_port if tls_port is None else tls_port
        self.tls_port: int | None = None
        self._tls_server: Server | None = None
        self._tls_context = None
        self.tls_error = ""  # why the wss:// listener is not running, for the Settings page
        self.registry = ConnectionRegistry(services.stations)
        self.connections: dict[str, StationConnection] = self.registry.connections
        self.commands = CommandApi(services, self.registry)
        self.transactions201 = TransactionEvents(services)  # OCPP 2.0.1 transaction ids -> sessions
        self.local_lists = LocalListSync(services, self.registry, self.commands)
        self.limit_stops = LimitStopper(services, self.commands)  # sessions that reached a stop limit
        self.auto_recovery = AutoRecovery(services, self.commands)  # resets the notification watch asks for
        # firmware served and diagnostics received over HTTP and FTP, on this listener's address
        self.firmware = FirmwareDelivery(services, self.commands, self.registry, host, ephemeral=port == 0)
        self.probe = CompatibilityProbe(services, self.commands)  # a new station's quirks, after its first boot
        self.load_control = LoadControl(services, self.commands)  # circuits' current shared as charging profiles
        self._server: Server | None = None
        self._boot_triggered: set[str] = set()
        self._background: set[asyncio.Task] = set()  # after-boot work: ended with the server
        self._listener_lock = asyncio.Lock()  # one listener change at a time
        self._plain_port: int | None = None  # the ws:// port while it is closed: the same one when it opens again
        self._follows_certificates = False
        self.handshake = Handshake(services)
        self._unsubscribe = []

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.host in ("0.0.0.0", "", "::") else self.host
        return f"ws://{host}:{self.port}/"

    @property
    def address(self) -> str:
        return f"ws://{self.host}:{self.port}/"

    @property
    def tls_url(self) -> str:
        host = "127.0.0.1" if self.host in ("0.0.0.0", "", "::") else self.host
        return f"wss://{host}:{self.tls_port}/"

    async def start(self) -> None:
        if self.listener in ("tls", "both"):
            await self._start_tls_listener()
        if self.listener != "tls":
            self._server = await self._listen(self.requested_port)
            self.port = self._server.sockets[0].getsockname()[1]
            log.info("OCPP server listening on %s", self.address)
        await self.firmware.start()
        self.load_control.start()
        self._unsubscribe.append(self.services.bus.subscribe(ev.StationChanged, self._on_station_changed))
        if self.follows_settings:
            self._unsubscribe.append(self.services.bus.subscribe(ev.SiteSettingsChanged, self._settings_changed))

    def _settings_changed(self, _event) -> None:
        settings = self.services.settings
        if (settings.ocpp_listener, settings.ocpp_tls_port) != (self.listener, self.requested_tls_port):
            task = spawn(self.apply_listener(settings.ocpp_listener, settings.ocpp_tls_port), name="OCPP listener change")
            self._background.add(task)
            task.add_done_callback(self._background.discard)

    async def apply_listener(self, listener: str, tls_port: int) -> None:
        """Open and close the ws:// and wss:// listeners as the mode says, now. Stations connected to
        a listener that closes are disconnected (a site that turns plain ws:// off means it: they
        reconnect over wss://); those on a listener that stays keep their connection."""
        async with self._listener_lock:
            want_tls, want_plain = listener in ("tls", "both"), listener != "tls"
            if self._tls_server is not None and (not want_tls or tls_port != self.requested_tls_port):
                await self._close_listener(self._tls_server)
                self._tls_server, self.tls_port = None, None
            self.listener, self.requested_tls_port = listener, tls_port
            if want_tls and self._tls_server is None:
                self.tls_error = ""
                await self._start_tls_listener()
            if self._server is not None and not want_plain:
                await self._close_listener(self._server)
                self._server, self._plain_port, self.port = None, self.port, None
                log.info("OCPP server: plain ws:// listener closed (the site listens on wss:// only)")
            elif want_plain and self._server is None:
                self._server = await self._listen(self._plain_port or self.requested_port)
                self.port = self._server.sockets[0].getsockname()[1]
                log.info("OCPP server listening on %s", self.address)

    @staticmethod
    async def _close_listener(server: Server) -> None:
        server.close(close_connections=True)
        await server.wait_closed()

    async def _start_tls_listener(self) -> None:
        """wss://: certificates are generated on first use (the site CA and this computer's server
        certificate) unless the site put its own in place; a listener without them is reported."""
        certificates = self.services.certificates
        if certificates.paths() is None and certificates.folder is not None:
            await certificates.generate(None)
        paths = certificates.paths()
        if paths is None:
            self.tls_error = "no server certificate (Settings → Certificates)"
            log.error("OCPP TLS listener not started: %s", self.tls_error)
            return
        self._tls_context = server_context(str(paths[0]), str(paths[1]), str(paths[2]) if paths[2] else None)
        if not self._follows_certificates:
            self._follows_certificates = True
            self._unsubscribe.append(self.services.bus.subscribe(ev.CertificatesChanged, self._certificates_changed))
        self._tls_server = await self._listen(self.requested_tls_port, tls_connection_class(
            lambda: self._tls_context, self._tls_refused))
        self.tls_port = self._tls_server.sockets[0].getsockname()[1]
        log.info("OCPP server listening on wss://%s:%s/ (TLS 1.2+)", self.host, self.tls_port)

    def _certificates_changed(self, _event) -> None:
        paths = self.services.certificates.paths()
        if paths is not None:
            self._tls_context = server_context(str(paths[0]), str(paths[1]), str(paths[2]) if paths[2] else None)
            log.info("OCPP TLS listener: new certificates apply to the next connections")

    def _tls_refused(self, address: str, exc: BaseException) -> None:
        limited(log, logging.WARNING, address, "tls-refused", "refused a TLS connection from %s: %s", address,
                tls_refusal_reason(exc))

    async def _listen(self, port: int, create_connection=None) -> Server:
        return await serve(
            self._serve_connection,
            self.host,
            port,
            **({"create_connection": create_connection} if create_connection else {}),
            process_request=self.handshake.process_request,
            select_subprotocol=self.handshake.select_subprotocol,
            subprotocols=list(SUPPORTED_SUBPROTOCOLS),
            compression=None,
            max_size=WEBSOCKET_MAX_SIZE,
            # a storm of chargers after a power cut: queue their connects instead of resetting them
            backlog=LISTEN_BACKLOG,
            # lenient keep-alive: short ping timeouts make chargers reconnect in loops (INTEROP §2)
            ping_interval=120,
            ping_timeout=120,
            close_timeout=5,
            # the opening handshake may wait for a first password check: in a login storm after a start
            # they queue (low-priority threads, core/passwords.py), and the 10 s default dropped ~1,100
            # of 1,000 TLS stations' attempts in the mixed-fleet ramp. TLS alone is bounded in csms/tls.py.
            open_timeout=OPEN_TIMEOUT,
        )

    async def stop(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        self._follows_certificates = False
        self.local_lists.close()
        self.limit_stops.close()
        self.auto_recovery.close()
        self.load_control.close()
        await self.commands.stop()
        await self.firmware.stop()
        for server in (self._server, self._tls_server):
            if server is not None:
                server.close(close_connections=True)
                await server.wait_closed()
        self._server = self._tls_server = None
        # configuration and list work for stations that are gone now: nothing left to send to
        for task in list(self._background | self.local_lists.tasks):
            await cancel_and_wait(task)

    def _keep(self, coro, name: str) -> asyncio.Task:
        task = spawn(coro, name=name)
        self._background.add(task)
        task.add_done_callback(self._background.discard)
        return task

    def is_connected(self, identity: str) -> bool:
        return self.registry.is_connected(identity)

    def connection_for(self, station_id: UUID) -> StationConnection | None:
        return self.registry.connection_for(station_id)

    # -- one connection ----------------------------------------------------------
    async def _serve_connection(self, websocket: ServerConnection) -> None:
        identity = station_identity_from_path(websocket.request.path)
        info = self.services.stations.get(identity)
        if info is None:  # deleted between handshake and now
            await websocket.close(1008, "unknown station")
            return
        try:
            await self.services.stations.persisted(info)  # a new station is on disk before anything refers to it
        except Exception:
            await websocket.close(1011, "could not register the station; try again")
            return
        info = self.services.stations.get(identity)
        if info is None:  # dropped meanwhile (the pending cap) or deleted
            await websocket.close(1008, "unknown station")
            return
        if websocket.subprotocol == "ocpp2.0.1":
            conn = StationConnection201(info, websocket, self.services, self.transactions201,
                                        on_boot_accepted=self._after_boot, on_start=self.commands.transaction_started)
        else:
            conn = StationConnection16(
                info, websocket, self.services, on_boot_accepted=self._after_boot,
                on_start=self.commands.transaction_started,
            )
        previous = self.connections.get(identity)
        self.connections[identity] = conn
        if previous is not None:
            # the charger redialled while its old socket looked alive: the new one wins
            spawn(previous.close(1000, "replaced by a new connection"), name=f"close-old {identity}")
        log.info("station %s connected from %s (%s)%s", identity, peer(websocket),
                 websocket.subprotocol or "no subprotocol offered: served as ocpp1.6",
                 " - pending adoption" if info.registration == "pending" else "")
        self.services.status.connected(info)
        watcher = spawn(self._trigger_boot_if_silent(conn), name=f"boot-watch {identity}")
        try:
            await conn.run()
        finally:
            watcher.cancel()
            detail = _close_detail(websocket)
            log.info("station %s disconnected: %s", identity, detail)
            if self.connections.get(identity) is conn:
                del self.connections[identity]
                self.services.status.disconnected(conn.info, detail)

    async def _after_boot(self, conn: StationConnection) -> None:
        """Configure intervals once the station had its quiet period after an accepted boot."""
        task = asyncio.current_task()
        if task is not None:
            self._background.add(task)
        try:
            await self.probe.after_boot(conn)  # first: what it finds decides what is configured next
            await self.commands.configure_after_boot(conn)
            await self.local_lists.on_station_booted(conn)
        finally:
            self._background.discard(task)

    async def _trigger_boot_if_silent(self, conn: StationConnection) -> None:
        """A charger that never boots after a reconnect is asked once (INTEROP §9)."""
        await asyncio.sleep(BOOT_TRIGGER_DELAY)
        info = conn.info
        if conn.boot_seen or info.identity in self._boot_triggered:
            return
        if info.last_boot_at is not None and info.registration == "adopted":
            return  # it booted before; a silent reconnect is fine
        self._boot_triggered.add(info.identity)
        await self.commands.trigger_boot(conn)

    def _on_station_changed(self, event: ev.StationChanged) -> None:
        info = self.services.stations.by_id.get(event.station_id)
        conn = self.connections.get(event.identity)
        if info is None or conn is None:
            return
        was = conn.info.registration
        if conn.info is not info:
            conn.info = info  # the registry replaced its entry after an edit
        if was == "pending" and info.registration == "adopted" and conn.booted_at is None and conn.boot_seen:
            # adopted while waiting in Pending: ask it to boot now instead of at its next retry. Only
            # then: a station told Pending by the boot throttle waits for its own slot.
            self._keep(self.commands.trigger_boot(conn), name=f"adopt-boot {info.identity}")


def _close_detail(websocket: ServerConnection) -> str:
    rcvd = websocket.protocol.close_rcvd
    if rcvd is not None:
        return f"closed by station (code {rcvd.code}{', ' + rcvd.reason if rcvd.reason else ''})"
    sent = websocket.protocol.close_sent
    if sent is not None:
        return f"closed by evdesk (code {sent.code}{', ' + sent.reason if sent.reason else ''})"
    return "connection lost"


__all__ = ["CentralSystem", "station_identity_from_path"]
