"""Configuration keys of a simulated OCPP 1.6 charge point."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

__all__ = ["ConfigKey", "StationConfig", "SUPPORTED_MEASURANDS", "VENDOR_KEY"]

SUPPORTED_MEASURANDS = (
    "Energy.Active.Import.Register",
    "Power.Active.Import",
    "Current.Import",
    "Current.Offered",
    "Voltage",
    "SoC",
)

VENDOR_KEY = "EvdeskMaxPowerW"

# kinds: int (>= 0), bool, measurands (comma-separated list), str, csl (free list)


@dataclass
class ConfigKey:
    name: str
    value: str
    readonly: bool = False
    kind: str = "str"
    reboot_required: bool = False
    write_only: bool = False


def _defaults(connectors: int, max_power_w: int) -> list[ConfigKey]:
    K = ConfigKey
    return [
        K("HeartbeatInterval", "300", kind="int"),
        K("MeterValueSampleInterval", "60", kind="int"),
        K(
            "MeterValuesSampledData",
            "Energy.Active.Import.Register,Power.Active.Import,Current.Import,SoC",
            kind="measurands",
        ),
        K("MeterValuesAlignedData", "Energy.Active.Import.Register", kind="measurands"),
        K("StopTxnSampledData", "Energy.Active.Import.Register", kind="measurands"),
        K("ClockAlignedDataInterval", "0", kind="int"),
        K("ConnectionTimeOut", "60", kind="int"),
        K("TransactionMessageAttempts", "3", kind="int"),
        K("TransactionMessageRetryInterval", "10", kind="int"),
        K("NumberOfConnectors", str(connectors), readonly=True, kind="int"),
        K(
            "SupportedFeatureProfiles",
            "Core,FirmwareManagement,LocalAuthListManagement,Reservation,"
            "SmartCharging,RemoteTrigger",
            readonly=True,
            kind="csl",
        ),
        K("ChargeProfileMaxStackLevel", "8", readonly=True, kind="int"),
        K("ChargingScheduleAllowedChargingRateUnit", "Current,Power", readonly=True, kind="csl"),
        K("ChargingScheduleMaxPeriods", "24", readonly=True, kind="int"),
        K("MaxChargingProfilesInstalled", "16", readonly=True, kind="int"),
        K("LocalAuthListEnabled", "true", kind="bool"),
        K("LocalAuthListMaxLength", "1000", readonly=True, kind="int"),
        K("SendLocalListMaxLength", "200", readonly=True, kind="int"),
        K("AuthorizeRemoteTxRequests", "false", kind="bool"),
        K("LocalPreAuthorize", "false", kind="bool"),
        K("LocalAuthorizeOffline", "true", kind="bool"),
        K("AllowOfflineTxForUnknownId", "true", kind="bool"),
        K("AuthorizationCacheEnabled", "true", kind="bool"),
        K("StopTransactionOnEVSideDisconnect", "true", kind="bool"),
        K("StopTransactionOnInvalidId", "true", kind="bool"),
        K("UnlockConnectorOnEVSideDisconnect", "true", kind="bool"),
        K("ReserveConnectorZeroSupported", "false", readonly=True, kind="bool"),
        K("WebSocketPingInterval", "0", kind="int", reboot_required=True),
        K("AuthorizationKey", "", kind="str", write_only=True),
        K(VENDOR_KEY, str(int(max_power_w)), kind="int", reboot_required=True),
    ]


class StationConfig:
    """The key/value store behind GetConfiguration and ChangeConfiguration.

    Key names are matched case-insensitively and returned in their canonical
    spelling. `overrides` sets initial values (also of read-only keys), e.g.
    ``{"ChargeProfileMaxStackLevel": "0"}`` to imitate a stricter charger.
    """

    def __init__(
        self,
        connectors: int,
        max_power_w: int,
        overrides: dict[str, str | int | bool] | None = None,
    ) -> None:
        self._keys: dict[str, ConfigKey] = {}
        for key in _defaults(connectors, max_power_w):
            self._keys[key.name.lower()] = key
        for name, value in (overrides or {}).items():
            if isinstance(value, bool):
                value = "true" if value else "false"
            key = self._keys.get(name.lower())
            if key is None:
                self._keys[name.lower()] = ConfigKey(name, str(value))
            else:
                key.value = str(value)

    # -- reading ---------------------------------------------------------
    def key(self, name: str) -> ConfigKey | None:
        return self._keys.get(name.lower())

    def get(self, name: str, default: str = "") -> str:
        key = self._keys.get(name.lower())
        return key.value if key is not None else default

    def get_int(self, name: str, default: int = 0) -> int:
        try:
            return int(float(self.get(name, str(default))))
        except ValueError:
            return default

    def get_bool(self, name: str, default: bool = False) -> bool:
        value = self.get(name, "").strip().lower()
        if value in ("true", "1", "yes"):
            return True
        if value in ("false", "0", "no"):
            return False
        return default

    def get_list(self, name: str) -> list[str]:
        return [item.strip() for item in self.get(name).split(",") if item.strip()]

    def names(self) -> list[str]:
        return [key.name for key in self._keys.values()]

    def report(self, names: Iterable[str] | None) -> tuple[list[dict], list[str]]:
        """(configurationKey entries, unknownKey names) for GetConfiguration."""
        known: list[dict] = []
        unknown: list[str] = []
        if not names:
            selected = [k for k in self._keys.values() if not k.write_only]
        else:
            selected = []
            for name in names:
                key = self._keys.get(str(name).lower())
                if key is None or key.write_only:
                    unknown.append(str(name))
                else:
                    selected.append(key)
        for key in selected:
            known.append({"key": key.name, "readonly": key.readonly, "value": key.value[:500]})
        return known, unknown

    # -- writing ---------------------------------------------------------
    def remove(self, name: str) -> None:
        """Firmware without this key: GetConfiguration does not report it, ChangeConfiguration
        answers NotSupported."""
        self._keys.pop(name.lower(), None)

    def set_internal(self, name: str, value: str) -> None:
        """Set a value without the ChangeConfiguration rules (station-side)."""
        key = self._keys.get(name.lower())
        if key is None:
            self._keys[name.lower()] = ConfigKey(name, value)
        else:
            key.value = value

    def change(self, name: str, value: str) -> tuple[str, ConfigKey | None]:
        """Apply a ChangeConfiguration: returns (status, key)."""
        key = self._keys.get(name.lower())
        if key is None:
            return "NotSupported", None
        if key.readonly:
            return "Rejected", key
        normalised = self._normalise(key, value)
        if normalised is None:
            return "Rejected", key
        key.value = normalised
        return ("RebootRequired" if key.reboot_required else "Accepted"), key

    @staticmethod
    def _normalise(key: ConfigKey, value: str) -> str | None:
        text = str(value).strip()
        if key.kind == "int":
            try:
                number = int(text)
            except ValueError:
                return None
            return str(number) if number >= 0 else None
        if key.kind == "bool":
            if text.lower() in ("true", "false"):
                return text.lower()
            return None
        if key.kind == "measurands":
            items = [item.strip() for item in text.split(",") if item.strip()]
            if any(item not in SUPPORTED_MEASURANDS for item in items):
                return None
            return ",".join(items)
        if key.name == "AuthorizationKey" and not (8 <= len(text) <= 40):
            return None
        return text
