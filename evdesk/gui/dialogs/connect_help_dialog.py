"""How chargers connect: the OCPP address with this computer's real LAN addresses, the port,
the identity rule, the protocol, the password scheme and the unknown-station policy in force.

Shown after the first administrator is created, and from Help → How chargers connect… and
the Stations page. It follows the site settings while open (the policy may change).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from evdesk.core import events as ev
from evdesk.core.lan_addresses import LanAddress, is_loopback_only, lan_addresses, reachable_addresses, websocket_url
from evdesk.core.stations import MAX_IDENTITY_LENGTH
from evdesk.gui.forms.ui_connect_help_dialog import Ui_ConnectHelpDialog
from evdesk.gui.models.base import BusListener

IDENTITY_PLACEHOLDER = "<station identity>"
POLICY_TEXT = {
    "pending": ("held as pending",
                "A charger evdesk does not know may connect and is listed on the Stations page as waiting for "
                "adoption. It cannot charge until an administrator adopts it (Adopt…) or rejects it."),
    "accept": ("accepted",
               "Any charger that connects is added as a station and may charge at once. Use this only on a "
               "network where nobody else can reach evdesk."),
    "reject": ("rejected",
               "Only stations added beforehand (Stations → Add station…) may connect; any other charger is "
               "turned away."),
}
MONO = "font-family: monospace; font-weight: 600;"


class ConnectHelpDialog(QDialog):
    copied = Signal(str)

    def __init__(self, services, central_system=None, parent=None,
                 addresses: Callable[[], list[LanAddress]] = lan_addresses):
        super().__init__(parent)
        self.ui = Ui_ConnectHelpDialog()
        self.ui.setupUi(self)
        self.services = services
        self.central_system = central_system
        self._addresses = addresses
        self.urls: list[str] = []
        self.ui.closeButton.clicked.connect(self.accept)
        self.ui.copyButton.clicked.connect(self.copy_address)
        self._bus = BusListener(self, services.bus)
        self._bus.on(ev.SiteSettingsChanged, lambda _e: self.show_policy())
        self.finished.connect(lambda _r: self._bus.detach())
        self.refresh()

    # -- filling in -----------------------------------------------------------------------
    def refresh(self) -> None:
        self.show_address()
        ui = self.ui
        port = self.port
        ui.portValue.setText(f"{port} (TCP). Let it through this computer's firewall." if port
                             else "set where the OCPP server runs")
        ui.identityValue.setText(
            f"The last part of the address: <span style='{MONO}'>…/DEPOT-AC-01</span> connects as the station "
            f"DEPOT-AC-01. Letters, digits, - and _ only, at most {MAX_IDENTITY_LENGTH} characters; enter it "
            "exactly as the station is added here.")
        ui.protocolValue.setText(
            f"OCPP 1.6J over WebSocket (<span style='{MONO}'>ws://</span>, no TLS), subprotocol "
            f"<span style='{MONO}'>ocpp1.6</span>. A charger that asks for no subprotocol is served as 1.6.")
        ui.passwordValue.setText(
            "Optional, per station (security profile 1): HTTP basic authentication with the station's identity "
            "as the user name and the password set in the station's settings. A station without a password "
            "connects without one.")
        self.show_policy()

    @property
    def host(self) -> str | None:
        return None if self.central_system is None else self.central_system.host

    @property
    def port(self) -> int | None:
        return None if self.central_system is None else self.central_system.port

    def show_address(self) -> None:
        ui, host, port = self.ui, self.host, self.port
        warnings: list[str] = []  # what stops chargers from connecting
        notes: list[str] = []  # what is worth knowing
        lines: list[str] = []
        self.urls = []
        if self.central_system is None:
            warnings.append("The OCPP server does not run in this program: chargers connect to the evdesk of the "
                            "site that runs it. Open this window there to see its addresses.")
        elif is_loopback_only(host):
            self.urls = [websocket_url(host, port, IDENTITY_PLACEHOLDER)]
            lines.append(self.urls[0])
            warnings.append(f"evdesk listens on {host} only: chargers on the network cannot reach it. "
                            "Start evdesk with --host 0.0.0.0 to let them in.")
        else:
            found = self._addresses()
            reachable = reachable_addresses(host, found)
            if reachable:
                for address in reachable:
                    url = websocket_url(address.address, port, IDENTITY_PLACEHOLDER)
                    self.urls.append(url)
                    note = (f"{address.interface}, link-local: only chargers on the same network segment"
                            if address.link_local else address.interface)
                    lines.append(f"{url}   ({note})")
            elif host in ("0.0.0.0", "", "::"):
                warnings.append("This computer has no network address apart from itself (loopback) right now. "
                                "Connect it to the chargers' network; this window shows the address then.")
            else:  # one address or name given with --host
                self.urls = [websocket_url(host, port, IDENTITY_PLACEHOLDER)]
                lines.append(self.urls[0])
            unserved = [a.address for a in found if a.version == 6] if host == "0.0.0.0" else []
            if unserved:
                many = len(unserved) > 1
                notes.append(f"This computer's IPv6 address{'es' if many else ''} ({', '.join(unserved)}) "
                             f"{'are' if many else 'is'} not listened on: start evdesk with --host :: to serve IPv6 too.")
        text = "<br>".join(f"<span style='{MONO}'>{escape(line)}</span>" for line in lines) or "—"
        for note in notes:
            text += f"<br><span style='color: #616161;'>{escape(note)}</span>"
        ui.addressValue.setText(text)
        ui.warningLabel.setText("<br>".join(escape(w) for w in warnings))
        ui.warningLabel.setVisible(bool(warnings))
        ui.copyButton.setEnabled(bool(self.urls))

    def show_policy(self) -> None:
        policy = self.services.settings.unknown_station_policy
        name, meaning = POLICY_TEXT.get(policy, (policy, ""))
        self.ui.policyValue.setText(f"<b>{escape(name.capitalize())}</b> (site setting, changed in Settings). "
                                    f"{escape(meaning)}")

    def copy_address(self) -> None:
        if self.urls:
            url = self.urls[0].replace(IDENTITY_PLACEHOLDER, "")
            QGuiApplication.clipboard().setText(url)
            self.ui.copyButton.setText("Copied")
            self.copied.emit(url)
