"""This computer's LAN addresses, as a charger would be told them (evdesk/core/lan_addresses.py)."""

from __future__ import annotations

import ipaddress
import socket
from types import SimpleNamespace

import pytest

from evdesk.core.lan_addresses import (
    LanAddress,
    is_loopback_only,
    lan_addresses,
    reachable_addresses,
    websocket_url,
)


def addr(family, address):
    return SimpleNamespace(family=family, address=address, netmask=None, broadcast=None, ptp=None)


def up(is_up=True):
    return SimpleNamespace(isup=is_up)


INTERFACES = {
    "lo": [addr(socket.AF_INET, "127.0.0.1"), addr(socket.AF_INET6, "::1")],
    "eth0": [addr(socket.AF_INET6, "fe80::fc:ff:fe00:1%eth0"), addr(socket.AF_INET6, "fd00::2"),
             addr(socket.AF_INET, "192.168.1.20"), addr(getattr(socket, "AF_PACKET", 17), "02:fc:00:00:00:01")],
    "wlan0": [addr(socket.AF_INET, "10.0.0.7"), addr(socket.AF_INET, "169.254.3.4")],
    "docker0": [addr(socket.AF_INET, "172.17.0.1")],  # down: not offered
    "odd": [addr(socket.AF_INET, "not an address"), addr(socket.AF_INET, "0.0.0.0")],
}
STATS = {"lo": up(), "eth0": up(), "wlan0": up(), "docker0": up(False), "odd": up()}


def test_every_non_loopback_address_of_interfaces_that_are_up():
    found = lan_addresses(INTERFACES, STATS)
    assert [(a.address, a.interface, a.version, a.link_local) for a in found] == [
        ("192.168.1.20", "eth0", 4, False),
        ("10.0.0.7", "wlan0", 4, False),
        ("fd00::2", "eth0", 6, False),
        ("169.254.3.4", "wlan0", 4, True),
        ("fe80::fc:ff:fe00:1", "eth0", 6, True),  # the zone (%eth0) is the interface, not part of the address
    ]


def test_what_a_listening_host_answers_on():
    found = lan_addresses(INTERFACES, STATS)
    assert {a.address for a in reachable_addresses("0.0.0.0", found)} == {"192.168.1.20", "10.0.0.7", "169.254.3.4"}
    assert reachable_addresses("::", found) == found and reachable_addresses("", found) == found
    assert reachable_addresses("192.168.1.20", found) == []  # one address: the host itself is the way in
    assert is_loopback_only("127.0.0.1") and is_loopback_only("::1") and is_loopback_only("localhost")
    assert not is_loopback_only("0.0.0.0") and not is_loopback_only("192.168.1.20")


def test_urls_put_ipv6_in_brackets():
    assert websocket_url("192.168.1.20", 9000, "CP-1") == "ws://192.168.1.20:9000/CP-1"
    assert websocket_url("fd00::2", 9000, "CP-1") == "ws://[fd00::2]:9000/CP-1"
    assert websocket_url("depot-pc.local", 9100) == "ws://depot-pc.local:9100/"


def test_this_computer_real_addresses():
    """Against the real interfaces: no loopback, no wildcard, every entry a real address, and the
    address this computer would send from on its default route (when it has one) is among them."""
    found = lan_addresses()
    for a in found:
        ip = ipaddress.ip_address(a.address)
        assert isinstance(a, LanAddress) and not ip.is_loopback and not ip.is_unspecified and ip.version == a.version
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.123", 9))  # UDP: nothing is sent, the kernel only picks a route
            primary = probe.getsockname()[0]
    except OSError:
        pytest.skip("no IPv4 route on this machine")
    if not ipaddress.ip_address(primary).is_loopback:
        assert primary in {a.address for a in found}
