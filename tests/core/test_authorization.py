"""The authorization decision table: one row per outcome, validity boundaries in the
station's time zone, concurrency, tag case and vendor suffix, parent tags, access modes."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timezone
from uuid import uuid4
from zoneinfo import ZoneInfo

import pytest

from evdesk.core.authorization import (
    ACCEPTED,
    BLOCKED,
    CONCURRENT_TX,
    EXPIRED,
    INVALID,
    TokenFacts,
    decide,
    effective_access_mode,
    uid_candidates,
)
from evdesk.core.station_cache import ConnectorState, StationInfo

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=timezone.utc)
STATION, GROUP, PARENT_GROUP, OTHER = uuid4(), uuid4(), uuid4(), uuid4()
USER = uuid4()
HELSINKI = ZoneInfo("Europe/Helsinki")  # UTC+3 in summer


def token(**kw) -> TokenFacts:
    base = dict(id=uuid4(), uid="04A1B2", status="active", valid_from=None, valid_to=None, user_id=USER,
                user_status="active", user_group_active=True, parent_uid=None, max_concurrent=None)
    base.update(kw)
    return TokenFacts(**base)


def run(t, mode="public", active=0, rights_groups=frozenset(), rights_stations=frozenset(), now=NOW, zone=timezone.utc):
    if t is not None:
        t = dataclasses.replace(t, rights_groups=rights_groups, rights_stations=rights_stations)
    return decide(t, access_mode=mode, now=now, active_transactions=active, station_id=STATION,
                  station_groups=frozenset({GROUP, PARENT_GROUP}), zone=zone)


@pytest.mark.parametrize("case, t, kw, status, reason", [
    ("free, unknown tag", None, {"mode": "free"}, ACCEPTED, "free charging"),
    ("free, blocked tag", token(status="blocked"), {"mode": "free"}, ACCEPTED, "free charging"),
    ("unknown", None, {}, INVALID, "unknown token"),
    ("blocked", token(status="blocked"), {}, BLOCKED, "token blocked"),
    ("inactive", token(status="inactive"), {}, INVALID, "token inactive"),
    ("not yet valid", token(valid_from=datetime(2025, 7, 1, tzinfo=timezone.utc)), {}, INVALID, "not yet valid"),
    ("expired", token(valid_to=datetime(2025, 5, 1, tzinfo=timezone.utc)), {}, EXPIRED, "token expired"),
    ("user disabled", token(user_status="disabled"), {}, BLOCKED, "charging user disabled"),
    ("user group inactive", token(user_group_active=False), {}, BLOCKED, "user group inactive"),
    ("public, no user", token(user_id=None, user_status=None, user_group_active=None), {}, ACCEPTED, "token accepted"),
    ("public, user without rights", token(), {}, ACCEPTED, "token accepted"),
    ("private, no user", token(user_id=None, user_status=None), {"mode": "private"}, INVALID, "has no charging user"),
    ("private, no right", token(), {"mode": "private", "rights_groups": frozenset({OTHER})}, INVALID, "no access right"),
    ("private, right on station", token(), {"mode": "private", "rights_stations": frozenset({STATION})}, ACCEPTED, "accepted"),
    ("private, right on group", token(), {"mode": "private", "rights_groups": frozenset({GROUP})}, ACCEPTED, "accepted"),
    ("private, right on parent group", token(), {"mode": "private", "rights_groups": frozenset({PARENT_GROUP})}, ACCEPTED, "accepted"),
    ("one running, default limit 1", token(), {"active": 1}, CONCURRENT_TX, "already charging"),
    ("one running, limit 2", token(max_concurrent=2), {"active": 1}, ACCEPTED, "accepted"),
    ("two running, limit 2", token(max_concurrent=2), {"active": 2}, CONCURRENT_TX, "2 allowed"),
])
def test_decision_table(case, t, kw, status, reason):
    d = run(t, **kw)
    assert d.status == status, case
    assert reason in d.reason, (case, d.reason)


def test_accepted_carries_expiry_and_parent_tag():
    end = datetime(2025, 12, 31, tzinfo=timezone.utc)
    d = run(token(valid_to=end, parent_uid="FLEET-GROUP"))
    assert d.accepted and d.expiry == end and d.token.parent_uid == "FLEET-GROUP"


@pytest.mark.parametrize("local_time, status", [
    (datetime(2025, 6, 9, 23, 59, 59, tzinfo=HELSINKI), INVALID),   # the day before valid_from_day
    (datetime(2025, 6, 10, 0, 0, 0, tzinfo=HELSINKI), ACCEPTED),    # 00:00 local on the first day
    (datetime(2025, 6, 30, 23, 59, 59, tzinfo=HELSINKI), ACCEPTED),  # last second of the last day
    (datetime(2025, 7, 1, 0, 0, 0, tzinfo=HELSINKI), EXPIRED),      # 00:00 local the day after
])
def test_date_only_validity_in_station_time_zone(local_time, status):
    t = token(valid_from_day=date(2025, 6, 10), valid_to_day=date(2025, 6, 30))
    assert run(t, now=local_time.astimezone(timezone.utc), zone=HELSINKI).status == status


def test_date_only_boundary_differs_from_utc():
    # 22:30 UTC on 30 June is already 1 July in Helsinki: expired there, still valid in UTC
    t = token(valid_to_day=date(2025, 6, 30))
    at = datetime(2025, 6, 30, 22, 30, tzinfo=timezone.utc)
    assert run(t, now=at, zone=HELSINKI).status == EXPIRED
    assert run(t, now=at, zone=timezone.utc).status == ACCEPTED
    assert run(t, now=datetime(2025, 6, 1, tzinfo=timezone.utc), zone=HELSINKI).expiry == datetime(2025, 7, 1, tzinfo=HELSINKI)


def test_tag_case_and_vendor_suffix():
    assert uid_candidates("04a1b2", False) == ["04A1B2"]
    assert uid_candidates("04a1b2_SN1234", True) == ["04A1B2_SN1234", "04A1B2"]
    assert uid_candidates("04a1b2_SN1234", False) == ["04A1B2_SN1234"]


def test_connector_access_mode_overrides_station():
    info = StationInfo(STATION, "CP", "", "adopted", access_mode="private")
    info.connectors[1] = ConnectorState(1, access_mode="free")
    info.connectors[2] = ConnectorState(2)
    assert effective_access_mode(info, 1) == "free"
    assert effective_access_mode(info, 2) == "private"
    assert effective_access_mode(info, None) == "private"
