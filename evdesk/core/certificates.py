"""The site's TLS certificates: its own CA and evdesk's server certificate (security profiles 2 and 3).

Where they live (decided): in the data folder's `tls/` folder, one seat's files —
`ca.pem`, `ca.key`, `server.pem` (server certificate followed by its chain),
`server.key`, `client-ca.pem` (what station certificates are checked against) and
`state.json` (whether the server certificate was generated here or given by the site).
Private keys are files with 0600 permissions (owner read/write only), not the OS
keychain: a headless seat (`evdesk --headless` on a small box) often has no unlocked
keychain, and TLS needs the key at every start without a person. The folder is the
"store" of the certificate metadata: everything shown (subject, SANs, validity,
SHA-256 fingerprints) is read back from the certificate files themselves, so what is
shown is always what the listener serves.

Renewal (decided): a generated server certificate is renewed from the site CA once it
is `AUTO_RENEW_DAYS` from expiry (checked at start and daily; chargers trust the CA, so
they never notice). From `certificate_warning_days` (a site setting, 30) before the
server certificate or the CA expires, `warning()` says so (Settings → Certificates, the
API, and the log once a day); a certificate the site gave must be replaced by the site.

Who may (decided): reading the certificates and exporting the CA is for admins (any
admin: a group admin sets up the chargers of their group); generating, renewing and
putting the site's own certificate in place changes the whole site's listener, so only
an admin of the whole site.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from evdesk.core import cert_pki as pki
from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.core.errors import ValidationError
from evdesk.core.lan_addresses import lan_addresses
from evdesk.core.permissions import OperatorContext, Permission, require
from evdesk.core.site_settings import require_site_admin

log = logging.getLogger(__name__)

AUTO_RENEW_DAYS = 14
CHECK_EVERY_SECONDS = 24 * 3600
CA_FILE, CA_KEY, SERVER_FILE, SERVER_KEY, CLIENT_CA, STATE = (
    "ca.pem", "ca.key", "server.pem", "server.key", "client-ca.pem", "state.json")


@dataclass(frozen=True)
class TlsStatus:
    ca: pki.CertificateInfo | None  # the site CA evdesk made (None with the site's own certificate)
    server: pki.CertificateInfo | None
    source: str  # "" (none yet) / "generated" / "own"
    client_ca: pki.CertificateInfo | None  # what station certificates (profile 3) are checked against
    warning: str  # "" or a sentence about an expiry ahead

    @property
    def ready(self) -> bool:
        return self.server is not None


def this_computers_names(addresses=None) -> tuple[list[str], list[str]]:
    """(DNS names, IP addresses) for the server certificate's SANs."""
    host = socket.gethostname()
    dns = [host, f"{host}.local" if "." not in host else host, "localhost"]
    ips = [a.address for a in (lan_addresses() if addresses is None else addresses)] + ["127.0.0.1", "::1"]
    return list(dict.fromkeys(dns)), list(dict.fromkeys(ips))


def write_private(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write atomically; the file is created with `mode` (never readable by others, not even briefly)."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(tmp, mode)
    os.replace(tmp, path)


class CertificateService:
    def __init__(self, folder: Path | None, bus: ev.EventBus, settings, *, clock=utcnow, names=this_computers_names):
        self.folder = folder
        self.bus = bus
        self.settings = settings
        self.clock = clock
        self.names = names  # () -> (dns names, ip addresses); tests pass their own
        self._status = TlsStatus(None, None, "", None, "")
        self._lock = asyncio.Lock()
        self._task: asyncio.Task | None = None
        self._warned_on: str = ""

    # -- reading -----------------------------------------------------------------
    def status(self, ctx: OperatorContext | None = None) -> TlsStatus:
        """The certificates and any expiry warning (for an operator: admins only)."""
        if ctx is not None:
            require(ctx, Permission.EDIT_STATIONS)
        return dataclass_replace_warning(self._status, self.warning())

    def paths(self) -> tuple[Path, Path, Path | None] | None:
        """(server certificate+chain, server key, client CA) for the listener; None before any exist."""
        if self.folder is None or self._status.server is None:
            return None
        client_ca = self.folder / CLIENT_CA
        return self.folder / SERVER_FILE, self.folder / SERVER_KEY, client_ca if client_ca.exists() else None

    def warning(self, now: datetime | None = None) -> str:
        now = now or self.clock()
        ahead = timedelta(days=self.settings.certificate_warning_days)
        status = self._status
        parts = []
        if status.server is not None and status.server.not_after - now <= ahead:
            when = f"{status.server.not_after:%Y-%m-%d}"
            if status.server.not_after <= now:
                parts.append(f"The server certificate expired on {when}: stations on TLS cannot connect.")
            elif status.source == "generated":
                parts.append(f"The server certificate expires on {when}; evdesk renews it "
                             f"{AUTO_RENEW_DAYS} days before (or press Renew).")
            else:
                parts.append(f"The server certificate expires on {when}: put the site's new certificate in place "
                             "(Use own certificate…).")
        if status.ca is not None and status.ca.not_after - now <= ahead:
            parts.append(f"The site CA expires on {status.ca.not_after:%Y-%m-%d}: generate a new CA and give it to "
                         "every charger on TLS.")
        return " ".join(parts)

    def export_ca(self, ctx: OperatorContext | None, fmt: str = "pem") -> bytes:
        """The certificate stations must trust (PEM or DER), for the chargers' set-up."""
        if ctx is not None:
            require(ctx, Permission.EDIT_STATIONS)
        if fmt not in ("pem", "der"):
            raise ValidationError("Export the CA as pem or der.", field="format")
        path = None if self.folder is None else self.folder / (CA_FILE if self._status.ca else CLIENT_CA)
        if path is None or not path.exists():
            raise ValidationError("There is no CA certificate yet: generate the certificates first.")
        pem = path.read_bytes()
        return pem if fmt == "pem" else pki.cert_der(pki.load_certificates(pem)[-1])

    # -- lifecycle ---------------------------------------------------------------
    async def load(self) -> None:
        """Read the certificate files (the command line does only this; `start` also renews daily)."""
        await asyncio.to_thread(self._load)

    async def start(self) -> None:
        await self.load()
        if self.folder is not None:
            self._task = asyncio.get_running_loop().create_task(self._daily(), name="certificate-renewal")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except (asyncio.CancelledError, Exception):
                pass
            self._task = None

    async def _daily(self) -> None:
        while True:
            try:
                await self.renew_if_due()
            except Exception:  # noqa: BLE001 - a failed renewal is logged, the next day tries again
                log.exception("renewing the server certificate failed")
            await asyncio.sleep(CHECK_EVERY_SECONDS)

    async def renew_if_due(self) -> bool:
        """Renew a generated server certificate near its expiry; log the warning once a day."""
        status, now = self._status, self.clock()
        renewed = False
        if status.source == "generated" and status.server is not None and status.ca is not None \
                and status.server.not_after - now <= timedelta(days=AUTO_RENEW_DAYS):
            await self._renew_server()
            log.info("renewed the server certificate (it expired on %s)", f"{status.server.not_after:%Y-%m-%d}")
            renewed = True
        text = self.warning(now)
        if text and self._warned_on != f"{now:%Y-%m-%d}":
            self._warned_on = f"{now:%Y-%m-%d}"
            log.warning("certificates: %s", text)
        return renewed

    def _load(self) -> None:
        if self.folder is None:
            return
        state = {}
        if (self.folder / STATE).exists():
            state = json.loads((self.folder / STATE).read_text("utf-8") or "{}")
        ca = server = client_ca = None
        if (self.folder / CA_FILE).exists():
            ca = pki.describe(pki.load_certificates((self.folder / CA_FILE).read_bytes())[0])
        if (self.folder / SERVER_FILE).exists() and (self.folder / SERVER_KEY).exists():
            server = pki.describe(pki.load_certificates((self.folder / SERVER_FILE).read_bytes())[0])
        if (self.folder / CLIENT_CA).exists():
            client_ca = pki.describe(pki.load_certificates((self.folder / CLIENT_CA).read_bytes())[-1])
        source = state.get("source", "") if server is not None else ""
        self._status = TlsStatus(ca if source == "generated" else None, server, source, client_ca, "")

    # -- changing ----------------------------------------------------------------
    def _need_folder(self) -> Path:
        if self.folder is None:
            raise ValidationError("This seat has no data folder for certificates.")
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return self.folder

    async def generate(self, ctx: OperatorContext | None, *, new_ca: bool = False, site_name: str = "") -> TlsStatus:
        """Make the site CA (unless one exists and `new_ca` is False) and a server certificate."""
        if ctx is not None:
            require_site_admin(ctx)
        async with self._lock:
            await asyncio.to_thread(self._generate, new_ca or self._status.ca is None,
                                    site_name or self.settings.site_name)
        self._changed("generated", ctx)
        return self.status()

    async def renew(self, ctx: OperatorContext | None) -> TlsStatus:
        """A new server certificate from the site CA (with this computer's names as they are now)."""
        if ctx is not None:
            require_site_admin(ctx)
        if self._status.ca is None:
            raise ValidationError("Renewing needs the site CA: generate the certificates (the site's own "
                                  "certificate is renewed by the site).")
        await self._renew_server()
        self._changed("renewed", ctx)
        return self.status()

    async def _renew_server(self) -> None:
        async with self._lock:
            await asyncio.to_thread(self._generate, False, self.settings.site_name)
        self.bus.publish(ev.CertificatesChanged())

    def _generate(self, make_ca: bool, site_name: str) -> None:
        folder, now = self._need_folder(), self.clock()
        if make_ca:
            ca_cert, ca_key = pki.make_ca(site_name, now)
            write_private(folder / CA_KEY, pki.key_pem(ca_key))
            write_private(folder / CA_FILE, pki.cert_pem(ca_cert), 0o644)
        else:
            ca_cert = pki.load_certificates((folder / CA_FILE).read_bytes())[0]
            ca_key = pki.load_key((folder / CA_KEY).read_bytes())
        dns, ips = self.names()
        cert, key = pki.make_server_certificate(ca_cert, ca_key, dns[0] if dns else "evdesk", dns, ips, now)
        write_private(folder / SERVER_KEY, pki.key_pem(key))
        write_private(folder / SERVER_FILE, pki.cert_pem(cert) + pki.cert_pem(ca_cert), 0o644)
        write_private(folder / CLIENT_CA, pki.cert_pem(ca_cert), 0o644)
        write_private(folder / STATE, json.dumps({"source": "generated"}).encode(), 0o644)
        self._load()

    async def use_own(self, ctx: OperatorContext | None, cert_pem: bytes, key_pem: bytes,
                      chain_pem: bytes = b"") -> TlsStatus:
        """The site's own certificate and key (validated: the key matches, valid now, the chain signs it)."""
        if ctx is not None:
            require_site_admin(ctx)
        try:
            leaf, key, chain = pki.check_own_certificate(cert_pem, key_pem, chain_pem, self.clock())
        except pki.CertificateProblem as exc:
            raise ValidationError(str(exc), field="certificate") from None

        def put() -> None:
            folder = self._need_folder()
            write_private(folder / SERVER_KEY, pki.key_pem(key))
            write_private(folder / SERVER_FILE, b"".join(pki.cert_pem(c) for c in [leaf, *chain]), 0o644)
            write_private(folder / CLIENT_CA, pki.cert_pem(chain[-1]), 0o644)
            write_private(folder / STATE, json.dumps({"source": "own"}).encode(), 0o644)
            self._load()

        async with self._lock:
            await asyncio.to_thread(put)
        self._changed("own", ctx)
        return self.status()

    def _changed(self, what: str, ctx: OperatorContext | None) -> None:
        server = self._status.server
        log.info("certificates %s by %s: server certificate %s, valid until %s, SHA-256 %s", what,
                 ctx.name if ctx else "evdesk", server.subject if server else "-",
                 f"{server.not_after:%Y-%m-%d}" if server else "-", server.sha256 if server else "-")
        self.bus.publish(ev.CertificatesChanged())


def dataclass_replace_warning(status: TlsStatus, warning: str) -> TlsStatus:
    return TlsStatus(status.ca, status.server, status.source, status.client_ca, warning)


def default_certificates_dir(store) -> Path | None:
    """`tls/` beside the SQLite database (the seat's data folder); None for a shared PostgreSQL site
    without a local file (the composition root passes the folder then)."""
    database = getattr(getattr(store, "db", None), "database", None)
    if not isinstance(database, str) or database in ("", ":memory:") or "://" in database:
        return None
    if "sqlite" not in type(store.db).__name__.lower():
        return None
    return Path(database).resolve().parent / "tls"
