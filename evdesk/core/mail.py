"""Outgoing e-mail (operator invitations, password resets, the settings page's test mail).

The server and sender are site settings (`smtp_*` in `SiteSettings`); the SMTP
password lives in the OS keychain under "smtp-password" (`evdesk.secrets`), never
in the database. Sending uses `smtplib` in a worker thread (`asyncio.to_thread`):
a slow or dead mail server never blocks the loop. Every failure becomes an
`EvdeskError` starting with the manual's "Problem with email address." and the
server's own reason. The mail server is a site-wide setting: setting its password and
sending the test mail take an admin of the whole site, as saving the settings does.
"""

from __future__ import annotations

import asyncio
import smtplib
import socket
import ssl
from collections.abc import Sequence
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
        """Send one mail; raises MailError with the server's reason. `body` is the plain text;
        `html` (optional) an HTML alternative of it; `attachments` (file name, content,
        MIME type such as "application/pdf")."""
        s = self.settings
        if not s.smtp_host:
            raise MailError(f"{MAIL_PROBLEM} No mail server is set up: an admin fills in the e-mail (SMTP) "
                            "settings on the Settings page.")
        sender = self.sender() or f"evdesk@{socket.gethostname()}"

        def compose() -> EmailMessage:  # in the worker thread too: a PDF's base64 is no work for the loop
            msg = EmailMessage()
            msg["From"] = sender
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

        password = None
        if s.smtp_username:
            password = await asyncio.to_thread(secrets.get_secret, SMTP_PASSWORD)
        await asyncio.to_thread(lambda: self._send_sync(compose(), s.smtp_host, s.smtp_port, s.smtp_security,
                                                        s.smtp_username, password))
        self.sent += 1

    @staticmethod
    def _send_sync(msg: EmailMessage, host: str, port: int, security: str, username: str, password: str | None) -> None:
        try:
            # only when it is used: loading the CA certificates holds the GIL for tens of ms (the loop waits)
            context = ssl.create_default_context() if security in ("ssl", "starttls") else None
            if security == "ssl":
                server = smtplib.SMTP_SSL(host, port, timeout=SMTP_TIMEOUT, context=context)
            else:
                server = smtplib.SMTP(host, port, timeout=SMTP_TIMEOUT)
            with server:
                if security == "starttls":
                    server.starttls(context=context)
                if username:
                    server.login(username, password or "")
                server.send_message(msg)
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


def _text(value) -> str:
    return value.decode(errors="replace") if isinstance(value, bytes) else str(value)
