"""A second evdesk on the same computer finds the file server's port taken: it takes a free port,
and the links it gives the stations carry that port (it used to run without a file server)."""

from __future__ import annotations

import socket

from evdesk.csms.firmware_delivery import FirmwareDelivery


async def test_a_taken_file_server_port_falls_back_to_a_free_one(services):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    services.settings.file_server_port = port
    delivery = FirmwareDelivery(services, commands=None, registry=None, host="127.0.0.1")
    try:
        await delivery.start()
        assert delivery.error == ""
        assert delivery.http.port not in (None, port)
        # the server really answers on the port the links name
        with socket.create_connection(("127.0.0.1", delivery.http.port), timeout=2):
            pass
    finally:
        await delivery.stop()
        taken.close()


async def test_a_file_server_that_cannot_listen_at_all_says_why(services):
    services.settings.file_server_port = 9
    delivery = FirmwareDelivery(services, commands=None, registry=None, host="192.0.2.1")  # not this computer's
    try:
        await delivery.start()
        assert delivery.http.port is None and "cannot listen on 192.0.2.1:9" in delivery.error
    finally:
        await delivery.stop()
