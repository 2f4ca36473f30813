"""A real SMTP server for tests (aiosmtpd on 127.0.0.1, a port the OS picks) and an in-memory keychain.

    def test_x(smtp_server, services): ...   # services' SMTP settings point at it
    smtp_server.messages[-1]["To"], smtp_server.last_code()
"""

from __future__ import annotations

import email
import email.policy
import re
import threading

import keyring
import pytest
from aiosmtpd.controller import Controller

from tests.test_secrets import MemoryKeyring

CODE = re.compile(r"Your code:\s+([A-Z0-9]{4}-[A-Z0-9]{4})")


class PortZeroController(Controller):
    """aiosmtpd's Controller, listening on port 0: reads back the port the OS gave."""

    def _trigger_server(self):
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


class Collector:
    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.received = threading.Event()
        self.refuse: set[str] = set()
        self.peers: list = []  # the client's (host, port) of each message: one per SMTP connection

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        self.peers.append(session.peer)
        self.received.set()
        return "250 Message accepted"


class SmtpServer:
    def __init__(self, controller: PortZeroController, collector: Collector):
        self.controller = controller
        self.collector = collector

    @property
    def port(self) -> int:
        return self.controller.port

    @property
    def messages(self):
        return self.collector.messages

    def body(self, index: int = -1) -> str:
        return self.messages[index].get_content()

    def last_code(self) -> str:
        match = CODE.search(self.body())
        assert match, self.body()
        return match.group(1)


@pytest.fixture
def smtp_server():
    collector = Collector()
    controller = PortZeroController(collector, hostname="127.0.0.1", port=0)
    controller.start()
    yield SmtpServer(controller, collector)
    controller.stop()


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def point_at(settings, server: SmtpServer) -> None:
    settings.smtp_host = "127.0.0.1"
    settings.smtp_port = server.port
    settings.smtp_security = "none"
    settings.smtp_from = "evdesk@depot.example"
