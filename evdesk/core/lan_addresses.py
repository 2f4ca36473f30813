"""Where chargers on the site's network can reach this computer: its real LAN addresses.

A server that listens on `0.0.0.0` is reached on each address of each network
interface, never on "0.0.0.0" itself; an operator setting up a charger needs those
addresses. `lan_addresses()` lists every non-loopback IPv4 and IPv6 address of the
interfaces that are up (through psutil, on every OS); `reachable_addresses(host)`
narrows that to what a server listening on `host` answers on; `websocket_url` writes
the URL a charger is given (IPv6 in brackets).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import psutil

WILDCARD_V4 = "0.0.0.0"
WILDCARD_ANY = ("", "::")  # websockets/asyncio: every interface, IPv4 and IPv6


@dataclass(frozen=True)
class LanAddress:
    address: str  # "192.168.1.20", "fd00::2", "fe80::1" (an IPv6 zone is in `interface`)
    interface: str
    version: int  # 4 or 6
    link_local: bool  # 169.254.x.x / fe80::: only chargers on the same network segment

    @property
    def sort_key(self) -> tuple:
        return (self.link_local, self.version, self.interface, ipaddress.ip_address(self.address))


def lan_addresses(interfaces: Mapping[str, Sequence[Any]] | None = None,
                  stats: Mapping[str, Any] | None = None) -> list[LanAddress]:
    """Each non-loopback IPv4 and IPv6 address of this computer's interfaces that are up:
    IPv4 before IPv6, link-local ones last. `interfaces` and `stats` default to psutil's
    `net_if_addrs()` and `net_if_stats()` (tests pass their own)."""
    interfaces = psutil.net_if_addrs() if interfaces is None else interfaces
    stats = psutil.net_if_stats() if stats is None else stats
    found: dict[str, LanAddress] = {}
    for name, addrs in interfaces.items():
        state = stats.get(name)
        if state is not None and not state.isup:
            continue
        for addr in addrs:
            if addr.family not in (socket.AF_INET, socket.AF_INET6):
                continue
            text = addr.address.split("%", 1)[0]  # fe80::1%eth0 -> fe80::1
            try:
                ip = ipaddress.ip_address(text)
            except ValueError:
                continue
            if ip.is_loopback or ip.is_unspecified or ip.is_multicast:
                continue
            found.setdefault(str(ip), LanAddress(str(ip), name, ip.version, ip.is_link_local))
    return sorted(found.values(), key=lambda a: a.sort_key)


def reachable_addresses(host: str, addresses: Sequence[LanAddress] | None = None) -> list[LanAddress]:
    """The LAN addresses a server listening on `host` answers on: all of them for a wildcard
    (`0.0.0.0`: the IPv4 ones), none for a loopback or another single address (its own
    host is then the only way in: see `is_loopback_only`)."""
    if host not in (WILDCARD_V4, *WILDCARD_ANY):
        return []
    addresses = lan_addresses() if addresses is None else addresses
    if host == WILDCARD_V4:
        return [a for a in addresses if a.version == 4]
    return list(addresses)


def is_loopback_only(host: str) -> bool:
    """True when a server on `host` can be reached from this computer only (127.0.0.1, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def websocket_url(host: str, port: int | None, path: str = "", scheme: str = "ws") -> str:
    """ws://192.168.1.20:9000/<path>, ws://[fd00::2]:9000/<path>."""
    try:
        bracket = ipaddress.ip_address(host).version == 6
    except ValueError:
        bracket = False
    shown = f"[{host}]" if bracket else host
    return f"{scheme}://{shown}:{port}/{path}" if port else f"{scheme}://{shown}/{path}"
