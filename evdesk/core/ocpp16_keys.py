"""The OCPP 1.6 standard configuration keys (spec section 9): type, range, profile, and the
check an edited value gets before evdesk sends it (ChangeConfiguration).

Rules (ours, from the spec's table):
* integers are whole numbers without sign or decimals, within the key's range (most are
  "0 or more"; LightIntensity is a percentage; SecurityProfile 0..3);
* booleans are `true` / `false` (any case typed, sent in lower case, as the spec writes them);
* comma-separated lists (CSL) are trimmed and re-joined with "," and, where the spec names
  the allowed items (measurands, feature profiles, charging rate units, phase rotations),
  each item must be one of them; an empty list is allowed (it switches sampling off);
* every value has at most 500 characters (CiString500); vendor keys (most keys a real
  charger reports, 000 l.424) get only that check — evdesk cannot know their type.

`required_keys(profiles)` lists the keys a station must report for the feature profiles it
says it supports; the compatibility probe calls the missing ones "configuration keys missing".
"""

from __future__ import annotations

from dataclasses import dataclass

from evdesk.core.errors import ValidationError

MAX_VALUE = 500
INT32_MAX = 2_147_483_647

INT, BOOL, CSL, STRING = "integer", "boolean", "list", "text"

MEASURANDS = (
    "Current.Export", "Current.Import", "Current.Offered", "Energy.Active.Export.Register",
    "Energy.Active.Import.Register", "Energy.Reactive.Export.Register", "Energy.Reactive.Import.Register",
    "Energy.Active.Export.Interval", "Energy.Active.Import.Interval", "Energy.Reactive.Export.Interval",
    "Energy.Reactive.Import.Interval", "Frequency", "Power.Active.Export", "Power.Active.Import", "Power.Factor",
    "Power.Offered", "Power.Reactive.Export", "Power.Reactive.Import", "RPM", "SoC", "Temperature", "Voltage",
)
FEATURE_PROFILES = ("Core", "FirmwareManagement", "LocalAuthListManagement", "Reservation", "SmartCharging",
                    "RemoteTrigger")
RATE_UNITS = ("Current", "Power")
PHASE_ROTATIONS = ("NotApplicable", "Unknown", "RST", "RTS", "SRT", "STR", "TRS", "TSR")


@dataclass(frozen=True)
class StandardKey:
    name: str
    kind: str
    profile: str = "Core"
    required: bool = True
    readonly: bool = False  # the spec's "R" keys: no station lets them be changed
    unit: str = ""
    minimum: int = 0
    maximum: int = INT32_MAX
    items: tuple[str, ...] = ()  # CSL: the allowed items (empty: any)
    item_prefix: bool = False  # ConnectorPhaseRotation: "1.RST" (connector id, dot, rotation)

    def describe(self) -> str:
        """'integer, seconds, 0 or more — OCPP 1.6 standard key (Core)'."""
        parts = [self.kind]
        if self.unit:
            parts.append(self.unit)
        if self.kind == INT:
            parts.append(f"{self.minimum} to {self.maximum}" if self.maximum != INT32_MAX else f"{self.minimum} or more")
        if self.kind == CSL and self.items:
            parts.append("of " + ", ".join(self.items[:6]) + ("…" if len(self.items) > 6 else ""))
        return ", ".join(parts) + f" — OCPP 1.6 standard key ({self.profile}{'' if self.required else ', optional'})"


def _k(*args, **kw) -> StandardKey:
    return StandardKey(*args, **kw)


STANDARD_KEYS: dict[str, StandardKey] = {k.name.lower(): k for k in (
    # Core
    _k("AllowOfflineTxForUnknownId", BOOL, required=False),
    _k("AuthorizationCacheEnabled", BOOL, required=False),
    _k("AuthorizeRemoteTxRequests", BOOL),
    _k("BlinkRepeat", INT, required=False, unit="times"),
    _k("ClockAlignedDataInterval", INT, unit="seconds"),
    _k("ConnectionTimeOut", INT, unit="seconds"),
    _k("ConnectorPhaseRotation", CSL, items=PHASE_ROTATIONS, item_prefix=True),
    _k("ConnectorPhaseRotationMaxLength", INT, required=False, readonly=True),
    _k("GetConfigurationMaxKeys", INT, readonly=True),
    _k("HeartbeatInterval", INT, unit="seconds"),
    _k("LightIntensity", INT, required=False, unit="percent", maximum=100),
    _k("LocalAuthorizeOffline", BOOL),
    _k("LocalPreAuthorize", BOOL),
    _k("MaxEnergyOnInvalidId", INT, required=False, unit="Wh"),
    _k("MeterValuesAlignedData", CSL, items=MEASURANDS),
    _k("MeterValuesAlignedDataMaxLength", INT, required=False, readonly=True),
    _k("MeterValuesSampledData", CSL, items=MEASURANDS),
    _k("MeterValuesSampledDataMaxLength", INT, required=False, readonly=True),
    _k("MeterValueSampleInterval", INT, unit="seconds"),
    _k("MinimumStatusDuration", INT, required=False, unit="seconds"),
    _k("NumberOfConnectors", INT, readonly=True),
    _k("ResetRetries", INT, unit="times"),
    _k("StopTransactionOnEVSideDisconnect", BOOL),
    _k("StopTransactionOnInvalidId", BOOL),
    _k("StopTxnAlignedData", CSL, items=MEASURANDS),
    _k("StopTxnAlignedDataMaxLength", INT, required=False, readonly=True),
    _k("StopTxnSampledData", CSL, items=MEASURANDS),
    _k("StopTxnSampledDataMaxLength", INT, required=False, readonly=True),
    _k("SupportedFeatureProfiles", CSL, readonly=True, items=FEATURE_PROFILES),
    _k("SupportedFeatureProfilesMaxLength", INT, required=False, readonly=True),
    _k("TransactionMessageAttempts", INT, unit="times"),
    _k("TransactionMessageRetryInterval", INT, unit="seconds"),
    _k("UnlockConnectorOnEVSideDisconnect", BOOL),
    _k("WebSocketPingInterval", INT, required=False, unit="seconds"),
    # Local authorization list management
    _k("LocalAuthListEnabled", BOOL, profile="LocalAuthListManagement"),
    _k("LocalAuthListMaxLength", INT, profile="LocalAuthListManagement", readonly=True),
    _k("SendLocalListMaxLength", INT, profile="LocalAuthListManagement", readonly=True),
    # Reservation
    _k("ReserveConnectorZeroSupported", BOOL, profile="Reservation", required=False, readonly=True),
    # Smart charging
    _k("ChargeProfileMaxStackLevel", INT, profile="SmartCharging", readonly=True),
    _k("ChargingScheduleAllowedChargingRateUnit", CSL, profile="SmartCharging", readonly=True, items=RATE_UNITS),
    _k("ChargingScheduleMaxPeriods", INT, profile="SmartCharging", readonly=True),
    _k("ConnectorSwitch3to1PhaseSupported", BOOL, profile="SmartCharging", required=False, readonly=True),
    _k("MaxChargingProfilesInstalled", INT, profile="SmartCharging", readonly=True),
    # Security extension (the 1.6 security white paper)
    _k("AuthorizationKey", STRING, profile="Security", required=False),
    _k("SecurityProfile", INT, profile="Security", required=False, maximum=3),
)}


def standard_key(name: str) -> StandardKey | None:
    return STANDARD_KEYS.get((name or "").strip().lower())


def kind_of(name: str) -> str:
    key = standard_key(name)
    return key.kind if key else STRING


def check_value(name: str, value: str) -> str:
    """The value as evdesk sends it, or ValidationError(field="value") in an operator's words."""
    text = "" if value is None else str(value).strip()
    if len(text) > MAX_VALUE:
        raise ValidationError(f"Configuration values have at most {MAX_VALUE} characters.", field="value")
    key = standard_key(name)
    if key is None or key.kind == STRING:
        return text
    if key.kind == INT:
        if not text.isdigit():
            raise ValidationError(f"{key.name} takes a whole number ({key.minimum} or more), e.g. 60.", field="value")
        number = int(text)
        if not key.minimum <= number <= key.maximum:
            raise ValidationError(f"{key.name} takes {key.minimum} to {key.maximum}.", field="value")
        return str(number)
    if key.kind == BOOL:
        if text.lower() not in ("true", "false"):
            raise ValidationError(f"{key.name} is true or false.", field="value")
        return text.lower()
    items = [item.strip() for item in text.split(",") if item.strip()]
    if key.items:
        for item in items:
            bare = item.split(".", 1)[1] if key.item_prefix and "." in item else item
            if key.item_prefix and not (item.split(".", 1)[0].isdigit() and "." in item):
                raise ValidationError(f"{key.name} lists connector.rotation pairs, e.g. 0.RST,1.RST.", field="value")
            if bare not in key.items:
                raise ValidationError(f"{key.name}: “{item}” is not one of {', '.join(key.items)}.", field="value")
    return ",".join(items)


def required_keys(profiles: list[str] | tuple[str, ...]) -> list[str]:
    """The keys the spec requires of a station supporting these feature profiles (Core always)."""
    wanted = {"Core", *profiles}
    return [k.name for k in STANDARD_KEYS.values() if k.required and k.profile in wanted]
