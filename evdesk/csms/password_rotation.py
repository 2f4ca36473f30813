"""Password rotation: a new random basic-auth password for a station (OCPP 1.6 and 2.0.1).

How (decided):
* evdesk makes a random password of 20 letters, digits, `-` and `_` (120 bits), and sends
  it as the configuration key `AuthorizationKey` through the command API (so it is in the
  action log, with the value masked like every password key).
* The hex rule: the OCPP 1.6 security whitepaper defines `AuthorizationKey` as the
  password in hexadecimal, and chargers differ in what they then put into basic auth —
  the hex string itself or the bytes it stands for (INTEROP §10). evdesk sends the hex
  of the password's bytes (40 hex digits = 20 bytes) and stores the password itself; the
  listener accepts both forms (it tries the hex-decoded value when the one sent looks
  like hex), so either kind of charger logs in.
* The stored password changes only once the station answered Accepted (or
  RebootRequired: it accepted and uses it from its next connection). Until then — and
  for good after Rejected, NotSupported, a time-out or no connection — the old password
  keeps working.
* OCPP 2.0.1: the same password, as the variable SecurityCtrlr/BasicAuthPassword (SetVariables,
  plain text as 2.0.1 defines it), through the device-model command, which switches the stored
  password on the same rule (accepted or reboot required).
* Who: admins (the right to edit stations), for stations in their domain.
"""

from __future__ import annotations

import dataclasses
import secrets
from uuid import UUID

from evdesk.core.permissions import OperatorContext, Permission, require
from evdesk.csms.v16 import requests as r16

PASSWORD_BYTES = 15  # -> 20 URL-safe characters


def new_station_password() -> str:
    return secrets.token_urlsafe(PASSWORD_BYTES)


def authorization_key(password: str) -> str:
    """The AuthorizationKey value for `password`: its UTF-8 bytes in hex."""
    return password.encode("utf-8").hex()


async def rotate_password(commands, station_id: UUID, *, ctx: OperatorContext, reason: str = ""):
    """`commands` is the site's CommandApi (which calls this as `CommandApi.rotate_password`);
    returns its CommandResult."""
    require(ctx, Permission.EDIT_STATIONS)
    commands._allow(ctx, station_id, Permission.EDIT_STATIONS)  # the station is in the operator's domain
    password = new_station_password()
    if commands.version_of(station_id) == "2.0.1":
        result = await commands.set_device_model_value(station_id, "SecurityCtrlr/BasicAuthPassword", password,
                                                       ctx=ctx, reason=reason or "password rotation")
        if result.ok:
            return dataclasses.replace(result, message=f"{result.message}; evdesk expects the new password from "
                                                       "the station's next connection")
        return dataclasses.replace(result, message=f"{result.message}. The password was not changed: the station "
                                                   "keeps using its current one.")
    result = await commands._execute(
        station_id, "ChangeConfiguration", r16.change_configuration("AuthorizationKey", authorization_key(password)),
        ctx=ctx, reason=reason or "password rotation")
    if result.ok:
        await commands.services.stations.set_password(station_id, password, ctx=ctx)
        return dataclasses.replace(result, message=f"{result.message}; evdesk expects the new password from the "
                                                   "station's next connection")
    return dataclasses.replace(result, message=f"{result.message}. The password was not changed: the station keeps "
                                               "using its current one.")
