"""Notification rules and the log of every notification mail (schema 13)."""

from __future__ import annotations

import peewee

from evdesk.store.fields import JsonField, UtcDateTimeField
from evdesk.store.models.base import LogModel, SyncedModel


class NotificationRule(SyncedModel):
    """Who is told about which faults of which stations (`core/notifications/rules.py` has the rules).

    Its stations: a charging group's subtree (`group_id`), or the listed stations (a notification
    group of its own), or both; neither means the whole site."""

    name = peewee.CharField(max_length=200)
    group_id = peewee.UUIDField(null=True)
    station_ids = JsonField(default=list)  # id strings
    emails = JsonField(default=list)  # addresses
    operator_ids = JsonField(default=list)  # id strings: operators, mailed at their account's address
    cases = JsonField(default=list)  # case names (core/notifications/cases.py)
    clear_mails = peewee.BooleanField(default=True)
    repeat_minutes = peewee.IntegerField(default=30)
    settle_seconds = peewee.IntegerField(default=60)
    recovery_minutes = peewee.IntegerField(null=True)  # None: no auto-recovery
    active = peewee.BooleanField(default=True)


class NotificationMail(LogModel):
    """One notification mail to one address: sent, or failed with the mail server's answer."""

    rule_id = peewee.UUIDField(null=True)
    station_id = peewee.UUIDField(null=True, index=True)
    station_identity = peewee.CharField(max_length=255, default="")
    station_name = peewee.CharField(max_length=255, default="")
    case = peewee.CharField(max_length=32)
    kind = peewee.CharField(max_length=16)  # start / clear / recovery
    to = peewee.CharField(max_length=255)
    subject = peewee.CharField(max_length=255, default="")
    outcome = peewee.CharField(max_length=16)  # sent / failed
    answer = peewee.TextField(default="")
    at = UtcDateTimeField(index=True)
