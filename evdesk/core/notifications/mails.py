"""The words of notification mails: what happened, where, since when (site time), what to do.

Every mail names the station (its name and OCPP identity), its charging group, the case in
words, when it began in the station's time zone (else the site's, named after the time), the
station's own detail (connector, error code, vendor code) and the next step.
"""

from __future__ import annotations

from datetime import datetime

from evdesk.core.authorization import zone_for
from evdesk.core.notifications.cases import CASE_ADVICE, CASE_LABELS, CASE_SENTENCES


def local_time(when: datetime, zone_name: str) -> str:
    """A time in a zone, the zone named ("UTC" when the site has none set)."""
    local = when.astimezone(zone_for(zone_name))
    return f"{local.strftime('%Y-%m-%d %H:%M')} ({zone_name or 'UTC'})"


def _where(info, group_name: str) -> str:
    name = info.name or info.identity
    group = f"in the charging group {group_name}" if group_name else "in no charging group"
    return f"{name} (identity {info.identity}, {group})"


def start_mail(site: str, info, group_name: str, case: str, since: datetime, zone: str, detail: str,
               rule_name: str) -> tuple[str, str]:
    label = CASE_LABELS[case]
    subject = f"{label}: {info.name or info.identity} ({info.identity})"
    lines = [
        "Hello,",
        "",
        f"the charging station {_where(info, group_name)} {CASE_SENTENCES[case]} "
        f"since {local_time(since, zone)}.",
    ]
    if detail:
        lines.append(f"The station reported: {detail}.")
    lines += [
        "",
        f"What to do: {CASE_ADVICE[case]}",
        "",
        f"You receive this because of the notification rule \"{rule_name}\" at {site}. "
        "evdesk will not mail this case for this station again within the rule's repeat window.",
    ]
    return f"[{site}] {subject}", "\n".join(lines) + "\n"


def clear_mail(site: str, info, group_name: str, case: str, since: datetime, cleared: datetime, zone: str,
               rule_name: str) -> tuple[str, str]:
    label = CASE_LABELS[case]
    subject = f"Resolved — {label}: {info.name or info.identity} ({info.identity})"
    body = (
        "Hello,\n\n"
        f"the charging station {_where(info, group_name)} is fine again: the case \"{label}\" that began "
        f"{local_time(since, zone)} ended {local_time(cleared, zone)}.\n\n"
        "Nothing more needs to be done for it.\n\n"
        f"You receive this because of the notification rule \"{rule_name}\" at {site}.\n"
    )
    return f"[{site}] {subject}", body


def recovery_mail(site: str, info, group_name: str, since: datetime, zone: str, recovered: bool,
                  steps: list[str], rule_name: str) -> tuple[str, str]:
    name = info.name or info.identity
    if recovered:
        subject = f"Auto-recovery worked: {name} ({info.identity})"
        outcome = "The station reports no fault any more."
        advice = "Nothing more needs to be done; if the fault comes back, evdesk will not reset it again today."
    else:
        subject = f"Auto-recovery failed: {name} ({info.identity})"
        outcome = "The station is still faulted after a soft and a hard reset."
        advice = ("Send a technician or call the station's service partner. evdesk will not reset this station "
                  "again today, so it cannot reset it in a loop.")
    lines = [
        "Hello,",
        "",
        f"the charging station {_where(info, group_name)} has been Faulted since {local_time(since, zone)}, "
        "so evdesk tried to recover it:",
        "",
        *[f"  - {step}" for step in steps],
        "",
        outcome,
        "",
        f"What to do: {advice}",
        "",
        f"You receive this because of the notification rule \"{rule_name}\" at {site}, which has auto-recovery on.",
    ]
    return f"[{site}] {subject}", "\n".join(lines) + "\n"


def digest_line(info, group_name: str, case: str, at: datetime, zone: str, detail: str, cleared: bool = False) -> str:
    name = info.name or info.identity
    group = f", {group_name}" if group_name else ""
    when = f"fine again since {local_time(at, zone)}" if cleared else f"since {local_time(at, zone)}"
    return f"{CASE_LABELS[case]}: {name} ({info.identity}{group}), {when}" + (f" — {detail}" if detail else "")


def digest_mail(site: str, kind: str, lines: list[str], stations: int, rule_name: str) -> tuple[str, str]:
    """Many stations at once (a power cut, a network outage): one mail listing them."""
    if kind == "clear":
        subject = f"Resolved at {stations} stations"
        intro = f"these {stations} charging stations are fine again:"
        advice = "Nothing more needs to be done for them."
    else:
        subject = f"{stations} stations need attention"
        intro = f"{stations} charging stations reported a problem at about the same time:"
        advice = ("Many stations at once usually share a cause: check the site's power supply, its main breaker "
                  "and the network (router, switch, SIM) first; the cases below say what each station reported.")
    body = "\n".join(["Hello,", "", intro, "", *[f"  - {line}" for line in lines], "", f"What to do: {advice}", "",
                      f"You receive this because of the notification rule \"{rule_name}\" at {site}."]) + "\n"
    return f"[{site}] {subject}", body
