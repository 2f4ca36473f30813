"""Outgoing e-mail (operator invitations, password resets, the settings page's test mail).

The server and sender are site settings (`smtp_*` in `SiteSettings`); the SMTP
password lives in the OS keychain under "smtp-password" (`evdesk.secrets`), never
in the database. Sending uses `smtplib` in a worker thread (`asyncio.to_thread`), composing the message
there too: a slow or dead mail server never blocks the loop. `send` uses a connection per
mail; `session()` keeps one connection for many (invoice runs, see `MailSession`). Every failure becomes an
`EvdeskError` starting with the manual's "Problem with email address." and the
server's own reason. The mail server is a site-wide setting: setting its password and
sending the test mail take an admin of the whole site, as saving the settings does.
"""

from __future__ import annotations

import asyncio
import smtplib
import socket
import ssl
import threading
from collections.abc import Sequence
from contextlib import contextmanager
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from evdesk import secrets
from evdesk.core.errors import EvdeskError, ValidationError
from evdesk.core.permissions import OperatorContext
from evdesk.core.site_settings import require_site_admin
from evdesk.settings import SiteSettings

SMTP_PASSWORD = "smtp-password"
MAIL_PROBLEM = "Problem with email address."
SMTP_TIMEOUT = 20


class MailError(EvdeskError):
    pass


def check_address(address: str, field: str = "email") -> str:
    address = (address or "").strip()
    local, _, domain = address.partition("@")
    if not local or "." not in domain or " " in address or len(address) > 254:
        raise ValidationError(f"{MAIL_PROBLEM} Give a full address such as anna@example.com.", field=field)
    return address


class Mailer:
    def __init__(self, settings: SiteSettings):
        self.settings = settings  # the live object Services keeps up to date
        self.sent = 0

    @property
    def configured(self) -> bool:
        return bool(self.settings.smtp_host and (self.settings.smtp_from or self.settings.smtp_username))

    def sender(self) -> str:
        return self.settings.smtp_from or self.settings.smtp_username

    async def send(self, to: str, subject: str, body: str, *, html: str | None = None,
                   attachments: Sequence[tuple[str, bytes, str]] = ()) -> None:
        """Send one mail over a connection of its own; raises MailError with the server's
        reason. `body` is the plain text; `html` (optional) an HTML alternative of it;
        `attachments` (file name, content, MIME type such as "application/pdf")."""
        async with self.session() as session:
            await session.send(to, subject, body, html=html, attachments=attachments)

    def session(self) -> "MailSession":
        """One SMTP connection for many mails (`async with mailer.session() as s: await s.send(...)`),
        opened at the first mail and closed when the block ends: a run of invoices pays the
        connection, EHLO and log-in once instead of once per mail."""
        return MailSession(self)

    def _check_configured(self) -> None:
        if not self.settings.smtp_host:
            raise MailError(f"{MAIL_PROBLEM} No mail server is set up: an admin fills in the e-mail (SMTP) "
                            "settings on the Settings page.")

    def _compose(self, to: str, subject: str, body: str, html: str | None,
                 attachments: Sequence[tuple[str, bytes, str]]) -> EmailMessage:
        """(in the worker thread: a PDF's base64 is no work for the loop)"""
        msg = EmailMessage()
        msg["From"] = self.sender() or f"evdesk@{socket.gethostname()}"
        msg["To"] = to
        msg["Subject"] = subject
        msg["Date"] = formatdate(localtime=True)
        msg["Message-ID"] = make_msgid(domain="evdesk.local")
        msg.set_content(body)
        if html is not None:
            msg.add_alternative(html, subtype="html")
        for filename, content, mime in attachments:
            maintype, _, subtype = mime.partition("/")
            msg.add_attachment(content, maintype=maintype, subtype=subtype or "octet-stream", filename=filename)
        return msg

    @staticmethod
    def _connect(host: str, port: int, security: str, username: str, password: str | None) -> smtplib.SMTP:
        with _translated_errors(host, port):
            # only when it is used: loading the CA certificates holds the GIL for tens of ms (the loop waits)
            context = ssl.create_default_context() if security in ("ssl", "starttls") else None
            if security == "ssl":
                server = smtplib.SMTP_SSL(host, port, timeout=SMTP_TIMEOUT, context=context)
            else:
                server = smtplib.SMTP(host, port, timeout=SMTP_TIMEOUT)
            try:
                if security == "starttls":
                    server.starttls(context=context)
                if username:
                    server.login(username, password or "")
            except BaseException:
                server.close()
                raise
            return server

    async def send_test(self, ctx: OperatorContext, to: str) -> None:
        require_site_admin(ctx)
        to = check_address(to, "test_address")
        await self.send(to, f"evdesk test e-mail from {self.settings.site_name}",
                        f"Hello,\n\nthis is a test e-mail from evdesk ({self.settings.site_name}).\n"
                        "If you can read it, invitations and password resets will arrive too.\n")

    async def set_password(self, ctx: OperatorContext, password: str | None) -> None:
        """Keep the SMTP password in the OS keychain (None or "" removes it)."""
        require_site_admin(ctx)
        if password:
            await asyncio.to_thread(secrets.set_secret, SMTP_PASSWORD, password)
        else:
            await asyncio.to_thread(secrets.delete_secret, SMTP_PASSWORD)

    async def has_password(self) -> bool:
        return bool(await asyncio.to_thread(secrets.get_secret, SMTP_PASSWORD))


class MailSession:
    """Mails over one SMTP connection, one after another (a lock keeps them in turn; several
    sessions send in parallel). The connection is opened at the first mail. A connection the
    server dropped (idle timeout, restart) is opened again once for the next mail; a refused
    address or message fails that mail only (smtplib resets the transaction), the connection
    stays. Any other failure closes it, and the next mail opens a new one. (A mail whose
    connection broke after the server took it but before it said so could arrive twice:
    the same risk as sending it again by hand.)"""

    def __init__(self, mailer: Mailer):
        self.mailer = mailer
        self._server: smtplib.SMTP | None = None
        self._lock = asyncio.Lock()
        # the connection's own lock, held in the thread: a mail whose awaiting task was cancelled
        # still finishes in its thread before the next one may use the connection
        self._connection_lock = threading.Lock()
        self._password: str | None = None
        self._password_read = False

    async def __aenter__(self) -> "MailSession":
        return self

    async def __aexit__(self, *_exc) -> None:
        await self.close()

    async def send(self, to: str, subject: str, body: str, *, html: str | None = None,
                   attachments: Sequence[tuple[str, bytes, str]] = ()) -> None:
        """As `Mailer.send`, over this session's connection."""
        mailer, s = self.mailer, self.mailer.settings
        mailer._check_configured()
        async with self._lock:
            if s.smtp_username and not self._password_read:
                self._password = await asyncio.to_thread(secrets.get_secret, SMTP_PASSWORD)
                self._password_read = True
            await asyncio.to_thread(self._send_sync, to, subject, body, html, attachments,
                                    (s.smtp_host, s.smtp_port, s.smtp_security, s.smtp_username, self._password))
        mailer.sent += 1

    def _send_sync(self, to, subject, body, html, attachments, server_settings) -> None:
        msg = self.mailer._compose(to, subject, body, html, attachments)
        with self._connection_lock:
            self._send_locked(msg, server_settings)

    def _send_locked(self, msg: EmailMessage, server_settings) -> None:
        host, port = server_settings[0], server_settings[1]
        reused = self._server is not None
        if self._server is None:
            self._server = Mailer._connect(*server_settings)
        try:
            with _translated_errors(host, port):
                try:
                    self._server.send_message(msg)
                except (smtplib.SMTPServerDisconnected, smtplib.SMTPResponseException, OSError) as exc:
                    if not reused or not _dropped(exc):
                        raise
                    self._drop()  # a kept connection the server has closed meanwhile: once more on a new one
                    self._server = Mailer._connect(*server_settings)
                    self._server.send_message(msg)
        except MailError as exc:
            if not isinstance(exc.__cause__, (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused,
                                              smtplib.SMTPDataError)):
                self._drop()
            raise

    def _drop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.close()

    def _quit(self) -> None:
        with self._connection_lock:
            server, self._server = self._server, None
            if server is not None:
                try:
                    server.quit()
                except (smtplib.SMTPException, OSError):
                    server.close()

    async def close(self) -> None:
        """Says QUIT and closes the connection (in a thread); a later mail opens a new one."""
        async with self._lock:
            if self._server is not None:
                await asyncio.to_thread(self._quit)


def _dropped(exc: BaseException) -> bool:
    """The server closed the connection (gone, or its "421" idle timeout), not refused the mail."""
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code == 421
    return isinstance(exc, (smtplib.SMTPServerDisconnected, ConnectionError))


@contextmanager
def _translated_errors(host: str, port: int):
    """smtplib's and the socket's exceptions as MailError sentences with the server's reason."""
    try:
        yield
    except smtplib.SMTPRecipientsRefused as exc:
        reasons = "; ".join(f"{addr}: {code} {text.decode(errors='replace') if isinstance(text, bytes) else text}"
                            for addr, (code, text) in exc.recipients.items())
        raise MailError(f"{MAIL_PROBLEM} The mail server refused the address ({reasons}).") from exc
    except smtplib.SMTPAuthenticationError as exc:
        raise MailError(f"{MAIL_PROBLEM} The mail server did not accept the user name and password "
                        f"({exc.smtp_code} {_text(exc.smtp_error)}). Check them on the Settings page.") from exc
    except smtplib.SMTPNotSupportedError as exc:
        raise MailError(f"{MAIL_PROBLEM} The mail server does not support this ({exc}). "
                        "Try another security setting.") from exc
    except smtplib.SMTPResponseException as exc:
        raise MailError(f"{MAIL_PROBLEM} The mail server answered {exc.smtp_code} {_text(exc.smtp_error)}.") from exc
    except (smtplib.SMTPException, ssl.SSLError) as exc:
        raise MailError(f"{MAIL_PROBLEM} {exc}") from exc
    except OSError as exc:
        raise MailError(f"{MAIL_PROBLEM} Could not reach the mail server {host}:{port} "
                        f"({exc.strerror or exc}). Check the SMTP settings.") from exc


def _text(value) -> str:
    return value.decode(errors="replace") if isinstance(value, bytes) else str(value)
