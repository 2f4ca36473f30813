"""A mail session: many mails over one SMTP connection (invoice runs), against a real aiosmtpd."""

from __future__ import annotations

import pytest

from evdesk.core.mail import MAIL_PROBLEM, Mailer, MailError
from evdesk.settings import SiteSettings
from tests.mailserver import Collector, PortZeroController, SmtpServer
from tests.waiting import wait_for


def mailer_for(port: int) -> Mailer:
    return Mailer(SiteSettings(smtp_host="127.0.0.1", smtp_port=port, smtp_security="none",
                               smtp_from="billing@depot.example"))


async def test_a_session_sends_its_mails_over_one_connection_and_send_opens_one_each(smtp_server):
    mailer = mailer_for(smtp_server.port)
    async with mailer.session() as session:
        for i in range(3):
            await session.send(f"driver{i}@fleet.example", f"Invoice {i}", f"Hello {i}",
                               attachments=[(f"invoice-{i}.pdf", b"%PDF-1.4 test", "application/pdf")])
    await mailer.send("anna@example.com", "One", "alone")
    await mailer.send("anna@example.com", "Two", "alone")
    peers = smtp_server.collector.peers
    assert len(set(peers[:3])) == 1 and len(set(peers)) == 3
    first = smtp_server.messages[0]
    assert first["To"] == "driver0@fleet.example" and first["Subject"] == "Invoice 0"
    attachment = next(first.iter_attachments())
    assert attachment.get_filename() == "invoice-0.pdf" and attachment.get_content() == b"%PDF-1.4 test"
    assert mailer.sent == 5


async def test_a_refused_address_fails_that_mail_only_and_the_connection_goes_on(smtp_server):
    smtp_server.collector.refuse.add("gone@fleet.example")
    mailer = mailer_for(smtp_server.port)
    async with mailer.session() as session:
        await session.send("a@fleet.example", "1", "x")
        with pytest.raises(MailError, match="refused the address") as caught:
            await session.send("gone@fleet.example", "2", "x")
        await session.send("b@fleet.example", "3", "x")
    assert str(caught.value).startswith(MAIL_PROBLEM)
    assert [m["To"] for m in smtp_server.messages] == ["a@fleet.example", "b@fleet.example"]
    assert len(set(smtp_server.collector.peers)) == 1


async def test_a_connection_the_server_closed_is_opened_again_for_the_next_mail():
    collector = Collector()
    controller = PortZeroController(collector, hostname="127.0.0.1", port=0, timeout=0.3)  # 421 after 0.3 s idle
    controller.start()
    try:
        server = SmtpServer(controller, collector)
        mailer = mailer_for(server.port)
        async with mailer.session() as session:
            await session.send("a@fleet.example", "1", "x")
            first = session._server
            await wait_for(lambda: _closed_by_server(first), timeout=10)
            await session.send("b@fleet.example", "2", "x")
        assert [m["To"] for m in server.messages] == ["a@fleet.example", "b@fleet.example"]
        assert len(set(collector.peers)) == 2
    finally:
        controller.stop()


async def test_a_session_without_a_server_says_so():
    mailer = Mailer(SiteSettings(smtp_host="127.0.0.1", smtp_port=1, smtp_security="none", smtp_from="a@b.example"))
    async with mailer.session() as session:
        with pytest.raises(MailError, match="Could not reach the mail server 127.0.0.1:1"):
            await session.send("a@fleet.example", "1", "x")


def _closed_by_server(server) -> bool:
    """The server's 421 and close have arrived: the socket reads as readable."""
    import select

    return bool(select.select([server.sock], [], [], 0)[0])
