"""The API's resources: one table of routes (`ROUTES`), which both serves the requests and
writes the OpenAPI document. Every handler acts through the core services with the key's
`OperatorContext`, so the core's permission and domain checks apply unchanged."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from evdesk.api.access_profiles import (
    PROFILE_CREATE,
    PROFILE_PATCH,
    create_profile,
    delete_profile,
    get_profile,
    list_profiles,
    update_profile,
)
from evdesk.api.events import EVENTS_QUERY, stream_events
from evdesk.api.people import (
    AUTHORIZATIONS_QUERY,
    KEY_CREATE,
    PEOPLE_QUERY,
    TOKEN_CREATE,
    TOKEN_PATCH,
    USER_CREATE,
    USER_PATCH,
    USERS_QUERY,
    create_key,
    create_token,
    create_user,
    delete_token,
    delete_user,
    get_token,
    get_user,
    list_authorizations,
    list_keys,
    list_tokens,
    list_users,
    me,
    revoke_key,
    update_token,
    update_user,
)
from evdesk.api.schemas import (
    F,
)
from evdesk.api.site_settings import SETTINGS_PATCH, get_settings, update_settings
from evdesk.api.stations import (
    COMMANDS,
    SESSION_QUERY,
    STATION_ADOPT,
    STATION_CREATE,
    STATION_PATCH,
    STATION_QUERY,
    adopt_station,
    command_spec,
    create_station,
    delete_station,
    get_session,
    get_station,
    list_sessions,
    list_stations,
    run_command,
    update_station,
)
from evdesk.api.user_groups import (
    CSV_IMPORT,
    GROUP_CREATE,
    GROUP_PATCH,
    create_user_group,
    delete_user_group,
    export_users,
    get_user_group,
    import_users,
    list_user_groups,
    update_user_group,
)


# -- the table -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Route:
    method: str
    path: str
    handler: Callable
    summary: str
    tag: str
    body: dict[str, F] | None = None
    query: tuple[str, ...] = ()
    success: int = 200
    public: bool = False
    media: str = "application/json"  # of the success answer


V1 = "/api/v1"
ROUTES: list[Route] = [
    Route("GET", f"{V1}/me", me, "The operator this key acts as", "keys"),
    Route("GET", f"{V1}/stations", list_stations, "Stations with live connector status (paged); `identity` finds one "
          "by its OCPP identity", "stations", query=STATION_QUERY),
    Route("POST", f"{V1}/stations", create_station, "Add a station", "stations", STATION_CREATE, success=201),
    Route("GET", f"{V1}/stations/{{id}}", get_station, "One station with live connector status", "stations"),
    Route("PATCH", f"{V1}/stations/{{id}}", update_station, "Edit a station's settings", "stations", STATION_PATCH),
    Route("DELETE", f"{V1}/stations/{{id}}", delete_station, "Delete a station", "stations", success=204),
    Route("POST", f"{V1}/stations/{{id}}/adopt", adopt_station, "Adopt a station waiting for adoption", "stations", STATION_ADOPT),
    *[Route("POST", f"{V1}/stations/{{id}}/commands/{name}", run_command, f"Send {cmd.ocpp}", "commands", command_spec(cmd))
      for name, cmd in COMMANDS.items()],
    Route("GET", f"{V1}/sessions", list_sessions, "Charging sessions, newest first (paged)", "sessions", query=SESSION_QUERY),
    Route("GET", f"{V1}/sessions/{{id}}", get_session, "One charging session with its meter values", "sessions"),
    Route("GET", f"{V1}/users", list_users, "Charging users of your domain (paged)", "people", query=USERS_QUERY),
    Route("POST", f"{V1}/users", create_user, "Add a charging user (with tokens)", "people", USER_CREATE, success=201),
    Route("POST", f"{V1}/users/import", import_users, "Import charging users with their tokens from CSV text; "
          "refused rows are listed with the reason", "people", CSV_IMPORT),
    Route("GET", f"{V1}/users/export", export_users, "The charging users of your domain with their tokens as CSV", "people",
          media="text/csv"),
    Route("GET", f"{V1}/users/{{id}}", get_user, "One charging user with tokens", "people"),
    Route("PATCH", f"{V1}/users/{{id}}", update_user, "Edit a charging user", "people", USER_PATCH),
    Route("DELETE", f"{V1}/users/{{id}}", delete_user, "Remove a charging user (and their tokens)", "people", success=204),
    Route("GET", f"{V1}/user-groups", list_user_groups, "Charging user groups", "people", query=("q",)),
    Route("POST", f"{V1}/user-groups", create_user_group, "Add a charging user group (admins)", "people", GROUP_CREATE,
          success=201),
    Route("GET", f"{V1}/user-groups/{{id}}", get_user_group, "One charging user group", "people"),
    Route("PATCH", f"{V1}/user-groups/{{id}}", update_user_group, "Edit a charging user group (admins)", "people", GROUP_PATCH),
    Route("DELETE", f"{V1}/user-groups/{{id}}", delete_user_group, "Delete an empty charging user group (admins)",
          "people", success=204),
    Route("GET", f"{V1}/tokens", list_tokens, "Tokens of your domain (paged)", "people", query=PEOPLE_QUERY),
    Route("POST", f"{V1}/tokens", create_token, "Add a token", "people", TOKEN_CREATE, success=201),
    Route("GET", f"{V1}/tokens/{{id}}", get_token, "One token", "people"),
    Route("PATCH", f"{V1}/tokens/{{id}}", update_token, "Edit a token (name, status, validity, parent) or move it to "
          "another user", "people", TOKEN_PATCH),
    Route("DELETE", f"{V1}/tokens/{{id}}", delete_token, "Delete a token", "people", success=204),
    Route("GET", f"{V1}/authorizations", list_authorizations, "The authorizations log of your stations, newest first "
          "(paged)", "people", query=AUTHORIZATIONS_QUERY),
    Route("GET", f"{V1}/access-profiles", list_profiles, "Access profiles: who may charge where and when", "access"),
    Route("POST", f"{V1}/access-profiles", create_profile, "Add an access profile (whole-site admins)", "access",
          PROFILE_CREATE, success=201),
    Route("GET", f"{V1}/access-profiles/{{id}}", get_profile, "One access profile", "access"),
    Route("PATCH", f"{V1}/access-profiles/{{id}}", update_profile, "Edit an access profile (whole-site admins)",
          "access", PROFILE_PATCH),
    Route("DELETE", f"{V1}/access-profiles/{{id}}", delete_profile, "Delete an access profile (whole-site admins)",
          "access", success=204),
    Route("GET", f"{V1}/events", stream_events, "Live events (server-sent events): station status, sessions, meter "
          "updates of the stations this key sees", "events", query=EVENTS_QUERY, media="text/event-stream"),
    Route("GET", f"{V1}/settings", get_settings, "The site settings with their version (admins)", "site"),
    Route("PATCH", f"{V1}/settings", update_settings, "Change site settings (admins); checked as the Settings page "
          "checks them", "site", SETTINGS_PATCH),
    Route("GET", f"{V1}/api-keys", list_keys, "API keys: your own; an admin's also those of the operators in their "
          "domain", "keys"),
    Route("POST", f"{V1}/api-keys", create_key, "Make an API key for yourself, or (admins) for an operator in your "
          "domain; the key is in this answer only", "keys", KEY_CREATE, success=201),
    Route("DELETE", f"{V1}/api-keys/{{prefix}}", revoke_key, "Revoke an API key: your own, or (admins) one of an "
          "operator in your domain", "keys"),
]
