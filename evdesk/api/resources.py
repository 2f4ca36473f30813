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
from evdesk.api.scheduled_tasks import (
    RUNS_QUERY,
    TASK_ACTIVE,
    TASK_CREATE,
    TASK_PATCH,
    copy_task,
    create_task,
    delete_task,
    get_run,
    get_task,
    list_runs,
    list_tasks,
    retry_run,
    run_task_now,
    set_task_active,
    update_task,
)
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
from evdesk.api.sessions import (
    EXPORT_QUERY,
    REPRICE,
    SESSION_QUERY,
    export_sessions,
    get_session,
    list_sessions,
    reprice_session,
)
from evdesk.api.shared_db import SHARED_DB_PATCH, get_shared_db, list_conflicts, test_shared_db, update_shared_db
from evdesk.api.site_settings import SETTINGS_PATCH, get_settings, update_settings
from evdesk.api.stations import (
    COMMANDS,
    STATION_ADOPT,
    STATION_CREATE,
    STATION_PATCH,
    STATION_QUERY,
    adopt_station,
    command_spec,
    create_station,
    delete_station,
    get_station,
    list_stations,
    run_command,
    update_station,
)
from evdesk.api.tariffs import (
    ASSIGNMENT_CREATE,
    PREVIEW,
    TARIFF_CREATE,
    TARIFF_PATCH,
    create_assignment,
    create_tariff,
    create_tariff_group,
    delete_assignment,
    delete_tariff,
    delete_tariff_group,
    get_tariff,
    get_tariff_group,
    list_assignments,
    list_tariff_groups,
    list_tariffs,
    preview,
    update_tariff,
    update_tariff_group,
)
from evdesk.api.tariffs import GROUP_CREATE as TARIFF_GROUP_CREATE
from evdesk.api.tariffs import GROUP_PATCH as TARIFF_GROUP_PATCH
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
    Route("GET", f"{V1}/sessions", list_sessions, "Charging sessions of your stations: filtered, sorted (newest "
          "first by default) and paged, with names, energy, duration and price (so far while running)", "sessions",
          query=SESSION_QUERY),
    Route("GET", f"{V1}/sessions/export.csv", export_sessions, "The charging sessions the filter shows as CSV "
          "(streamed; the columns are in the README), times in the site's zone", "sessions", query=EXPORT_QUERY,
          media="text/csv"),
    Route("GET", f"{V1}/sessions/{{id}}", get_session, "One charging session with its meter values, price "
          "breakdown and timeline (each entry with its raw OCPP frame when still logged)", "sessions"),
    Route("POST", f"{V1}/sessions/{{id}}/reprice", reprice_session, "Price a finished session again with the prices "
          "it had or another tariff's (admins with the tariffs right); the old and new amount go to the action log",
          "sessions", REPRICE),
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
    # tariffs (evdesk/api/tariffs.py): read by every key, changed by whole-site admins, assigned within the domain
    Route("GET", f"{V1}/tariffs", list_tariffs, "Tariffs with their prices (amounts as strings)", "tariffs"),
    Route("POST", f"{V1}/tariffs", create_tariff, "Add a tariff (whole-site admins)", "tariffs", TARIFF_CREATE,
          success=201),
    Route("POST", f"{V1}/tariffs/preview", preview, "What a session would cost with these prices or this tariff: "
          "the breakdown lines, VAT and total", "tariffs", PREVIEW),
    Route("GET", f"{V1}/tariffs/{{id}}", get_tariff, "One tariff", "tariffs"),
    Route("PATCH", f"{V1}/tariffs/{{id}}", update_tariff, "Edit a tariff (whole-site admins); sessions keep the "
          "prices they started with", "tariffs", TARIFF_PATCH),
    Route("DELETE", f"{V1}/tariffs/{{id}}", delete_tariff, "Delete a tariff no tariff group lists (whole-site admins)",
          "tariffs", success=204),
    Route("GET", f"{V1}/tariff-groups", list_tariff_groups, "Tariff groups: their tariffs in order with the "
          "restrictions, and where each applies (within your domain)", "tariffs"),
    Route("POST", f"{V1}/tariff-groups", create_tariff_group, "Add a tariff group with its Free base tariff "
          "(whole-site admins)", "tariffs", TARIFF_GROUP_CREATE, success=201),
    Route("GET", f"{V1}/tariff-groups/{{id}}", get_tariff_group, "One tariff group", "tariffs"),
    Route("PATCH", f"{V1}/tariff-groups/{{id}}", update_tariff_group, "Rename a tariff group or change its tariffs "
          "(whole-site admins)", "tariffs", TARIFF_GROUP_PATCH),
    Route("DELETE", f"{V1}/tariff-groups/{{id}}", delete_tariff_group, "Delete a tariff group that is assigned "
          "nowhere (whole-site admins)", "tariffs", success=204),
    Route("GET", f"{V1}/tariff-assignments", list_assignments, "Where tariff groups apply, within your domain",
          "tariffs", query=("tariff_group_id",)),
    Route("POST", f"{V1}/tariff-assignments", create_assignment, "Make a tariff group the one of a charging group, "
          "station or connector of your domain (replaces the one it had)", "tariffs", ASSIGNMENT_CREATE, success=201),
    Route("DELETE", f"{V1}/tariff-assignments/{{id}}", delete_assignment, "Remove an assignment of your domain",
          "tariffs", success=204),
    # scheduled tasks and their event feed (evdesk/api/scheduled_tasks.py): admins, within their domain
    Route("GET", f"{V1}/scheduled-tasks", list_tasks, "Scheduled tasks of your domain (filter by name text `q` and "
          "`kind`)", "scheduled tasks", query=("q", "kind")),
    Route("POST", f"{V1}/scheduled-tasks", create_task, "Add a scheduled task (inactive unless `active`); times are "
          "local to its zone", "scheduled tasks", TASK_CREATE, success=201),
    Route("GET", f"{V1}/scheduled-tasks/{{id}}", get_task, "One scheduled task with its next run", "scheduled tasks"),
    Route("PATCH", f"{V1}/scheduled-tasks/{{id}}", update_task, "Edit a scheduled task", "scheduled tasks", TASK_PATCH),
    Route("DELETE", f"{V1}/scheduled-tasks/{{id}}", delete_task, "Delete a scheduled task", "scheduled tasks",
          success=204),
    Route("POST", f"{V1}/scheduled-tasks/{{id}}/active", set_task_active, "Activate or deactivate a task",
          "scheduled tasks", TASK_ACTIVE),
    Route("POST", f"{V1}/scheduled-tasks/{{id}}/copy", copy_task, "Copy a task as an inactive template",
          "scheduled tasks", success=201),
    Route("POST", f"{V1}/scheduled-tasks/{{id}}/run", run_task_now, "Run a task now (within seconds)",
          "scheduled tasks", success=202),
    Route("GET", f"{V1}/task-runs", list_runs, "The tasks event feed, newest first: each run's result in words "
          "(OK / n tasks failed / All tasks failed / Missed); `status` ok or failures", "scheduled tasks",
          query=RUNS_QUERY),
    Route("GET", f"{V1}/task-runs/{{id}}", get_run, "One run's outcome per station (or user), in words",
          "scheduled tasks"),
    Route("POST", f"{V1}/task-runs/{{id}}/retry", retry_run, "Retry a run with failures: a one-shot task "
          "\"Retry: <name>\" for the failed targets, due within two minutes", "scheduled tasks", success=201),
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
    Route("GET", f"{V1}/shared-database", get_shared_db, "This seat's shared database: settings and sync status "
          "(whole-site admins)", "site"),
    Route("PATCH", f"{V1}/shared-database", update_shared_db, "Change this seat's shared database settings "
          "(whole-site admins); the password goes to the OS keychain", "site", SHARED_DB_PATCH),
    Route("POST", f"{V1}/shared-database/test", test_shared_db, "Try shared database settings without saving them "
          "(whole-site admins)", "site", SHARED_DB_PATCH),
    Route("GET", f"{V1}/shared-database/conflicts", list_conflicts, "Edits that lost to another seat's edit of the "
          "same record, with the values that lost (whole-site admins)", "site"),
    Route("GET", f"{V1}/api-keys", list_keys, "API keys: your own; an admin's also those of the operators in their "
          "domain", "keys"),
    Route("POST", f"{V1}/api-keys", create_key, "Make an API key for yourself, or (admins) for an operator in your "
          "domain; the key is in this answer only", "keys", KEY_CREATE, success=201),
    Route("DELETE", f"{V1}/api-keys/{{prefix}}", revoke_key, "Revoke an API key: your own, or (admins) one of an "
          "operator in your domain", "keys"),
]
