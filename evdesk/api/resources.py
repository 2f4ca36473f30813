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
from evdesk.api import dashboard as dash
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
from evdesk.api.notifications import LOG_QUERY as NOTIFICATION_LOG_QUERY
from evdesk.api.notifications import (
    RULE_CREATE,
    RULE_PATCH,
    create_rule,
    delete_rule,
    get_rule,
    list_rules,
    mail_log,
    update_rule,
)
from evdesk.api.firmware import (
    DIAGNOSTICS_CREATE,
    ROLLOUT_CREATE,
    create_rollout,
    hardware_status,
    list_diagnostics,
    list_files,
    list_rollouts,
    request_diagnostics,
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
from evdesk.api.reports import (
    REPORT_FIELDS,
    SAVED_CREATE,
    SAVED_PATCH,
    create_saved,
    delete_saved,
    get_saved,
    list_saved,
    run_report,
    run_saved,
    update_saved,
)
from evdesk.api.schemas import (
    F,
)
from evdesk.api.sessions import (
    DEPARTURE,
    EXPORT_QUERY,
    REPRICE,
    SESSION_QUERY,
    export_sessions,
    get_session,
    list_sessions,
    reprice_session,
    set_session_departure,
)
from evdesk.api.shared_db import SHARED_DB_PATCH, get_shared_db, list_conflicts, test_shared_db, update_shared_db
from evdesk.api.site_settings import SETTINGS_PATCH, get_settings, update_settings
from evdesk.api import locations as loc
from evdesk.api.compatibility import COMPATIBILITY_PATCH, get_compatibility, update_compatibility
from evdesk.api.certificates import (CA_QUERY, DECISION_BODY, approve_certificate_request, export_ca, get_certificates,
                                     list_certificate_requests, refuse_certificate_request)
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
from evdesk.api.invoices import (
    PAID as INVOICE_PAID,
    RUN_CREATE as INVOICE_RUN_CREATE,
    SEND as INVOICE_RUN_SEND,
    INVOICES_QUERY,
    create_run as create_invoice_run,
    export_invoices,
    get_invoice,
    invoice_pdf,
    list_invoices,
    list_runs as list_invoice_runs,
    send_run as send_invoice_run,
    set_paid as set_invoice_paid,
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
    Route("GET", f"{V1}/stations/{{id}}/compatibility", get_compatibility, "A station's compatibility profile: the "
          "switches the server applies and what the probe saw", "stations"),
    Route("PATCH", f"{V1}/stations/{{id}}/compatibility", update_compatibility, "Change a station's compatibility "
          "switches (`share`: for every station of its model)", "stations", COMPATIBILITY_PATCH),
    *[Route("POST", f"{V1}/stations/{{id}}/commands/{name}", run_command, f"Send {cmd.ocpp}", "commands", command_spec(cmd))
      for name, cmd in COMMANDS.items()],
    # firmware and diagnostics served by evdesk itself (evdesk/api/firmware.py)
    Route("GET", f"{V1}/stations/{{id}}/diagnostics", list_diagnostics, "A station's diagnostics requests and the "
          "files received (newest 200)", "firmware"),
    Route("POST", f"{V1}/stations/{{id}}/diagnostics", request_diagnostics, "Ask a station for its diagnostics: it "
          "uploads to evdesk over HTTP or FTP (one-time login)", "firmware", DIAGNOSTICS_CREATE, success=201),
    Route("GET", f"{V1}/stations/{{id}}/hardware-status", hardware_status, "A station's hardware status log: "
          "error codes, faults, vendor information, firmware progress (newest 200)", "firmware"),
    Route("GET", f"{V1}/firmware/files", list_files, "The firmware files uploaded on the Firmware page", "firmware"),
    Route("GET", f"{V1}/firmware/rollouts", list_rollouts, "Firmware roll-outs with each station's state and the "
          "summary (installed, failed, waiting), newest 200", "firmware"),
    Route("POST", f"{V1}/firmware/rollouts", create_rollout, "Send a firmware file to stations or a charging group "
          "(the firmware right; stations in your domain); progress follows in GET /firmware/rollouts", "firmware",
          ROLLOUT_CREATE, success=201),
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
    Route("POST", f"{V1}/sessions/{{id}}/departure", set_session_departure, "Set when a running session needs its "
          "energy by (load management prefers it among equals; remote-commands right); null: its user's daily time",
          "sessions", DEPARTURE),
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
    # invoices (evdesk/api/invoices.py): admins, within their domain
    Route("GET", f"{V1}/invoices", list_invoices, "Invoices with filters (run, status incl. overdue, user, "
          "overlapping period, text), amounts in cents", "invoices", query=INVOICES_QUERY),
    Route("GET", f"{V1}/invoices/export.csv", export_invoices, "The invoices the filter shows as CSV for the "
          "accounting program (one row per invoice and VAT rate)", "invoices", query=INVOICES_QUERY,
          media="text/csv"),
    Route("GET", f"{V1}/invoices/{{id}}", get_invoice, "One invoice with its lines, VAT totals, billed sessions "
          "and e-mail attempts", "invoices"),
    Route("GET", f"{V1}/invoices/{{id}}/pdf", invoice_pdf, "The invoice as PDF (a preview as it would be sent now)",
          "invoices", media="application/pdf"),
    Route("POST", f"{V1}/invoices/{{id}}/paid", set_invoice_paid, "Mark an issued invoice paid or unpaid",
          "invoices", INVOICE_PAID),
    Route("GET", f"{V1}/invoice-runs", list_invoice_runs, "Invoice runs with their periods and invoice counts",
          "invoices"),
    Route("POST", f"{V1}/invoice-runs", create_invoice_run, "Make an invoice run's previews (refused when the "
          "period overlaps an earlier invoice of the same users)", "invoices", INVOICE_RUN_CREATE, success=201),
    Route("POST", f"{V1}/invoice-runs/{{id}}/send", send_invoice_run, "Issue and e-mail a run's previews (or send "
          "unsent ones again); failures are listed with the mail server's reason", "invoices", INVOICE_RUN_SEND),
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
    Route("GET", f"{V1}/notification-rules", list_rules, "Notification rules of your domain: which stations, which "
          "cases, who is mailed, auto-recovery (admins)", "notifications"),
    Route("POST", f"{V1}/notification-rules", create_rule, "Add a notification rule for a charging group or stations "
          "of your domain (admins)", "notifications", RULE_CREATE, success=201),
    Route("GET", f"{V1}/notification-rules/{{id}}", get_rule, "One notification rule", "notifications"),
    Route("PATCH", f"{V1}/notification-rules/{{id}}", update_rule, "Edit a notification rule (admins)",
          "notifications", RULE_PATCH),
    Route("DELETE", f"{V1}/notification-rules/{{id}}", delete_rule, "Delete a notification rule (admins)",
          "notifications", success=204),
    Route("GET", f"{V1}/notification-mails", mail_log, "Notification mails of your domain's stations, newest first: "
          "to, case, station, sent or failed with the mail server's answer (admins)", "notifications",
          query=NOTIFICATION_LOG_QUERY),
    # reports (evdesk/api/reports.py): figures of the key's domain from the hourly aggregates
    Route("POST", f"{V1}/reports/run", run_report, "Run a report: a metric over a period (and a comparison) by "
          "hour, day, week or month, filtered and broken down, in the site's time zone", "reports", REPORT_FIELDS),
    # the dashboard and charging-point statistics (evdesk/api/dashboard.py): the key's domain only
    Route("GET", f"{V1}/dashboard/status", dash.dashboard_status, "The status picture: stations, charging points, "
          "charging now and in an error condition (of the groups chosen, and of the whole domain), charging "
          "points per state, and the faults and connectivity losses", "dashboard", query=dash.STATUS_QUERY),
    Route("GET", f"{V1}/dashboard/last-24h", dash.dashboard_last_24h, "The last 24 hours: sessions started, charging "
          "points used, kWh (the domain, or the stations given)", "dashboard", query=dash.LAST_24H_QUERY),
    Route("GET", f"{V1}/dashboard/cards", dash.dashboard_cards, "A period's cards: sessions, kWh, revenue per "
          "currency, each with the preceding period's figure and the change in %; new users, new stations",
          "dashboard", query=dash.CARDS_QUERY),
    Route("GET", f"{V1}/dashboard/consumption", dash.dashboard_consumption, "The consumption chart: sessions and kWh "
          "per hour, day, week or month of the site's time zone over a timeframe", "dashboard",
          query=dash.CONSUMPTION_QUERY),
    Route("GET", f"{V1}/statistics", dash.statistics, "Per charging point figures over a period (default: the last "
          "7 days): sessions, failed sessions, kWh, plugged / charging / parked hours, utilisation, error rate, "
          "availability, revenue; of a station, a group's subtree or the whole domain", "dashboard",
          query=dash.STATISTICS_QUERY),
    Route("GET", f"{V1}/saved-reports", list_saved, "Saved reports: your own and the shared ones", "reports"),
    Route("POST", f"{V1}/saved-reports", create_saved, "Save a report by name (your own, or shared with the site)",
          "reports", SAVED_CREATE, success=201),
    Route("GET", f"{V1}/saved-reports/{{id}}", get_saved, "One saved report", "reports"),
    Route("PATCH", f"{V1}/saved-reports/{{id}}", update_saved, "Rename a saved report or change its definition",
          "reports", SAVED_PATCH),
    Route("DELETE", f"{V1}/saved-reports/{{id}}", delete_saved, "Delete a saved report", "reports", success=204),
    Route("POST", f"{V1}/saved-reports/{{id}}/run", run_saved, "Run a saved report (within your domain)", "reports",
          {}),
    Route("GET", f"{V1}/events", stream_events, "Live events (server-sent events): station status, sessions, meter "
          "updates of the stations this key sees", "events", query=EVENTS_QUERY, media="text/event-stream"),
    Route("GET", f"{V1}/certificates", get_certificates, "The site CA and the wss:// server certificate: subjects, "
          "names, validity, SHA-256 fingerprints, expiry warning, listener mode (admins)", "site"),
    Route("GET", f"{V1}/certificates/ca", export_ca, "The CA certificate chargers on security profile 2 or 3 must "
          "trust: PEM, or DER with format=der (admins)", "site", query=CA_QUERY, media="application/x-pem-file"),
    Route("GET", f"{V1}/certificates/requests", list_certificate_requests, "Stations' certificate signing requests "
          "waiting for an admin (security profile 3; stations in your domain)", "site"),
    Route("POST", f"{V1}/certificates/requests/{{id}}/approve", approve_certificate_request, "Sign a station's request "
          "with the site CA (CN = its identity) and send it (CertificateSigned)", "site", DECISION_BODY),
    Route("POST", f"{V1}/certificates/requests/{{id}}/refuse", refuse_certificate_request, "Refuse a station's "
          "certificate signing request (it gets no certificate)", "site", DECISION_BODY),
    Route("GET", f"{V1}/settings", get_settings, "The site settings with their version (admins)", "site"),
    Route("PATCH", f"{V1}/settings", update_settings, "Change site settings (admins); checked as the Settings page "
          "checks them", "site", SETTINGS_PATCH),
    # locations, stations' EVSEs and connectors, templates, the stations CSV import (evdesk/api/locations.py)
    Route("GET", f"{V1}/locations", loc.list_locations, "Locations you see: site-wide ones and those of your "
          "domain's groups, with how many stations stand at each", "stations"),
    Route("POST", f"{V1}/locations", loc.create_location, "Add a location (admins; in a group of your domain, or "
          "site-wide for whole-site admins)", "stations", loc.LOCATION_CREATE, success=201),
    Route("GET", f"{V1}/locations/{{id}}", loc.get_location, "One location", "stations"),
    Route("PATCH", f"{V1}/locations/{{id}}", loc.update_location, "Edit a location you manage", "stations",
          loc.LOCATION_PATCH),
    Route("DELETE", f"{V1}/locations/{{id}}", loc.delete_location, "Delete a location you manage; its stations stay, "
          "without a location", "stations", success=204),
    Route("GET", f"{V1}/stations/{{id}}/hardware", loc.get_hardware, "A station's details (location, system status, "
          "integration date, manufacturer and model from its boot) and its EVSEs and connectors", "stations"),
    Route("PATCH", f"{V1}/stations/{{id}}/hardware", loc.update_hardware, "Change a station's location, system "
          "status, integration date and (given `evses`) its EVSEs and connectors, in one step", "stations",
          loc.HARDWARE_PATCH),
    Route("POST", f"{V1}/stations/import", loc.import_stations, "Import stations from CSV text; refused rows are "
          "listed with row, column and reason", "stations", loc.STATION_IMPORT),
    Route("GET", f"{V1}/station-templates", loc.list_templates, "Station templates you see", "stations"),
    Route("POST", f"{V1}/station-templates", loc.create_template, "Save a station as a template (its EVSEs, "
          "connectors and location-independent settings)", "stations", loc.TEMPLATE_CREATE, success=201),
    Route("GET", f"{V1}/station-templates/{{id}}", loc.get_template, "One station template", "stations"),
    Route("PATCH", f"{V1}/station-templates/{{id}}", loc.rename_template, "Rename a station template", "stations",
          loc.TEMPLATE_PATCH),
    Route("DELETE", f"{V1}/station-templates/{{id}}", loc.delete_template, "Delete a station template", "stations",
          success=204),
    Route("POST", f"{V1}/station-templates/{{id}}/stations", loc.station_from_template, "Create a pre-registered "
          "station from a template", "stations", loc.FROM_TEMPLATE, success=201),
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
