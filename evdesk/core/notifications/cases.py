"""The notification cases and how OCPP 1.6 status notifications map to them.

The cases (vaylens' "Fälle" UNAVAILABILITY, FUSE_TRIPPED, SENSORS, plus two of evdesk's):

* ``unavailable`` — the station is **long-term unavailable**: no frame for the site setting
  "long-term unavailable after" (default 300 s, settable on the Settings page; the same
  threshold the station list shows, so a mail never disagrees with the screen), or a connector
  reports ``Unavailable`` that no operator asked for. A connector an operator (or the scheduler)
  set Inoperative with ChangeAvailability is not a case until a ChangeAvailability Operative for
  it (or for connector 0, the whole station) was sent; connector 0 Inoperative covers all. A
  ChangeAvailability the station refused or never got holds nothing. After a restart of evdesk,
  a connector that was already Unavailable (without an error code) is taken as switched off on
  purpose (what a station said before the start is not news, and the hold was in memory) until
  it reports another status.
* ``fuse_tripped`` — ``Faulted`` (or any status) with errorCode ``GroundFailure`` (an RCD/earth
  fault trip), ``OverCurrentFailure`` (an MCB/overcurrent trip) or ``PowerSwitchFailure`` (the
  contactor or its breaker); also ``OtherError``/``InternalError`` whose vendorErrorCode or info
  names a breaker ("RCD", "RCM", "MCB", "fuse", "residual", "breaker", "DC leak"), as vendors report
  trips that way.
* ``sensor`` — errorCode ``HighTemperature``, ``PowerMeterFailure``, ``ReaderFailure``,
  ``ConnectorLockFailure``, ``OverVoltage``, ``UnderVoltage``, ``EVCommunicationError``.
* ``other_fault`` — ``Faulted`` with any other code (``OtherError``, ``InternalError``,
  ``WeakSignal``, ``LocalListConflict``, ``NoError``, unknown codes).
* ``start_failed`` — a remote start that the station rejected, did not answer, or accepted
  without a session following within the remote-start timeout. It clears with the station's next
  started session.
* ``load_limit_not_applied`` — load management sent a station a limit and the station does not
  keep it (measured current above limit + 10 % at two readings in a row, or its composite
  schedule above the limit: `csms/load_control.py`). The fuse is at risk. It clears when the
  session on that connector ends (a later reading within the limit does not clear it: the
  operator should still learn that the station once ignored its limit).

A non-Faulted status with a sensor or fuse code (OCPP allows e.g. ``Charging`` with
``HighTemperature`` as a warning) is the same case: the station says the part is faulty.
``NoError`` with ``Available``/``Preparing``/``Charging``/... is no case.
"""

from __future__ import annotations

UNAVAILABLE = "unavailable"
FUSE_TRIPPED = "fuse_tripped"
SENSOR = "sensor"
OTHER_FAULT = "other_fault"
START_FAILED = "start_failed"
LOAD_LIMIT_NOT_APPLIED = "load_limit_not_applied"
CASES = (UNAVAILABLE, FUSE_TRIPPED, SENSOR, OTHER_FAULT, START_FAILED, LOAD_LIMIT_NOT_APPLIED)
FAULT_CASES = (UNAVAILABLE, FUSE_TRIPPED, SENSOR, OTHER_FAULT)  # the seat's tray and badge

CASE_LABELS = {
    UNAVAILABLE: "Unavailable",
    FUSE_TRIPPED: "Fuse tripped",
    SENSOR: "Sensor fault",
    OTHER_FAULT: "Other fault",
    START_FAILED: "Session failed to start",
    LOAD_LIMIT_NOT_APPLIED: "Load limit not applied",
}

# What the mail says the station has, and what to do about it.
CASE_SENTENCES = {
    UNAVAILABLE: "is unavailable: it has not been in contact with evdesk, or a connector reports Unavailable "
                 "although nobody switched it off",
    FUSE_TRIPPED: "reports a tripped fuse or residual-current device (RCD)",
    SENSOR: "reports a faulty sensor or measuring part",
    OTHER_FAULT: "reports a fault",
    START_FAILED: "could not start a charging session",
    LOAD_LIMIT_NOT_APPLIED: "does not keep the current limit load management sent it, so its circuit's fuse "
                            "may be overloaded",
}
CASE_ADVICE = {
    UNAVAILABLE: "Check the station's power and network connection (router, SIM, cable). If a connector was switched "
                 "off on purpose, switch it on again from evdesk's station panel.",
    FUSE_TRIPPED: "Send an electrician: check the residual-current device and the circuit breaker of the station, "
                  "and the vehicle and cable that were connected, before switching the breaker on again.",
    SENSOR: "Check the part named in the error (temperature sensor, meter, card reader, connector lock, supply "
            "voltage). A reset from evdesk's station panel may clear a passing fault.",
    OTHER_FAULT: "Look at the station's event log in evdesk; try a soft reset from the station panel, and call the "
                 "station's service partner if the fault stays.",
    START_FAILED: "Look at the station's action log in evdesk for the station's answer; check that a vehicle was "
                  "plugged in and the connector is free.",
    LOAD_LIMIT_NOT_APPLIED: "Check that the station's firmware takes charging profiles (its compatibility profile in "
                            "evdesk) and ask the station's service partner; until then take it off the circuit or "
                            "lower the circuit's limit so the others leave room for it.",
}

FUSE_CODES = frozenset({"GroundFailure", "OverCurrentFailure", "PowerSwitchFailure"})
SENSOR_CODES = frozenset({"HighTemperature", "PowerMeterFailure", "ReaderFailure", "ConnectorLockFailure",
                          "OverVoltage", "UnderVoltage", "EVCommunicationError"})
FUSE_WORDS = ("rcd", "rcm", "mcb", "fuse", "residual", "breaker", "dc leak", "dcleak", "earth fault")


def case_for_status(status: str, error_code: str = "NoError", vendor_error_code: str = "", info: str = "",
                    operator_unavailable: bool = False) -> str | None:
    """The case a connector's StatusNotification is in, or None.

    `operator_unavailable`: an operator's ChangeAvailability Inoperative stands for this
    connector, so ``Unavailable`` is what was asked for (a fault code still counts)."""
    code = error_code or "NoError"
    if code in FUSE_CODES:
        return FUSE_TRIPPED
    if code in SENSOR_CODES:
        return SENSOR
    if code in ("OtherError", "InternalError") and _names_a_breaker(vendor_error_code, info):
        return FUSE_TRIPPED
    if status == "Faulted":
        return OTHER_FAULT
    if code != "NoError" and code in ("OtherError", "InternalError"):
        return OTHER_FAULT if status == "Unavailable" else None
    if status == "Unavailable" and not operator_unavailable:
        return UNAVAILABLE
    return None


def _names_a_breaker(vendor_error_code: str, info: str) -> bool:
    text = f"{vendor_error_code or ''} {info or ''}".lower()
    return any(word in text for word in FUSE_WORDS)
