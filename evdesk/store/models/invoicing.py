"""Invoices (schema 9): runs, invoices, their lines, the sessions each bills, mail attempts.

The invoice settings are a `setting` row (key "invoicing"). Amounts are cents; a line
also keeps its exact gross amount (a Decimal as text) because the totals are rounded
from exact amounts (`evdesk/core/invoicing/rules.py`).
"""

from __future__ import annotations

import peewee

from evdesk.store.fields import JsonField, UtcDateTimeField
from evdesk.store.models.base import LogModel, SyncedModel
from evdesk.store.models.charging import Transaction
from evdesk.store.models.people import ChargingUser, UserGroup
from evdesk.store.models.site import ChargingGroup


class InvoiceRun(SyncedModel):
    period_start = peewee.DateField()
    period_end = peewee.DateField()
    created_by = peewee.CharField(max_length=200, default="")
    # the creator's base group: operators see the runs made in their domain (None: whole site)
    domain_group = peewee.ForeignKeyField(ChargingGroup, null=True, on_delete="SET NULL")
    # what it was made with: kWh price and monthly fees (overrides or the settings'), users, user groups
    options = JsonField(default=dict)


class Invoice(SyncedModel):
    run = peewee.ForeignKeyField(InvoiceRun, null=True, backref="invoices", on_delete="SET NULL")
    kind = peewee.CharField(max_length=16, default="invoice")  # invoice / credit_note
    # preview / unsent (issued, the e-mail failed: mail_error says why) / sent / paid
    status = peewee.CharField(max_length=12, default="preview", index=True)
    number = peewee.BigIntegerField(null=True, unique=True)  # given when issued, consecutive, no gaps
    reference_base = peewee.BigIntegerField(unique=True)  # one per invoice, never reused
    reference = peewee.CharField(max_length=20)
    rf_reference = peewee.CharField(max_length=25)
    user = peewee.ForeignKeyField(ChargingUser, null=True, on_delete="SET NULL")
    user_group = peewee.ForeignKeyField(UserGroup, null=True, on_delete="SET NULL")  # billed to the group's payer
    user_ids = JsonField(default=list)  # every charging user whose sessions or fees it bills
    home_group = peewee.ForeignKeyField(ChargingGroup, null=True, on_delete="SET NULL")  # the domain it is seen in
    buyer = JsonField(default=dict)  # Party fields
    buyer_name = peewee.CharField(max_length=255, default="", index=True)
    buyer_email = peewee.CharField(max_length=255, default="")
    invoice_date = peewee.DateField()
    due_date = peewee.DateField(index=True)
    period_start = peewee.DateField()
    period_end = peewee.DateField()
    currency = peewee.CharField(max_length=3, default="EUR")
    net_minor = peewee.BigIntegerField(default=0)
    vat_minor = peewee.BigIntegerField(default=0)
    total_minor = peewee.BigIntegerField(default=0)
    vat_totals = JsonField(default=list)
    document = JsonField(null=True)  # the frozen document once issued: a sent invoice never changes
    credits = peewee.ForeignKeyField("self", null=True, backref="credit_notes", on_delete="RESTRICT")
    issued_at = UtcDateTimeField(null=True)
    sent_at = UtcDateTimeField(null=True)
    paid_at = UtcDateTimeField(null=True)
    mail_error = peewee.TextField(default="")


class InvoiceLine(SyncedModel):
    invoice = peewee.ForeignKeyField(Invoice, backref="lines", on_delete="CASCADE")
    position = peewee.IntegerField(default=0)
    kind = peewee.CharField(max_length=12, default="energy")  # energy / fee / monthly
    description = peewee.CharField(max_length=300)
    quantity = peewee.CharField(max_length=40)  # a Decimal as text
    unit = peewee.CharField(max_length=16)
    unit_price_gross = peewee.CharField(max_length=40, null=True)
    gross_exact = peewee.CharField(max_length=60)  # the exact gross amount (totals are rounded from it)
    vat_rate = peewee.CharField(max_length=12)
    gross_minor = peewee.BigIntegerField()
    vat_minor = peewee.BigIntegerField()


class InvoiceSession(SyncedModel):
    """A session an invoice bills (a session is billed by one live invoice at most)."""

    invoice = peewee.ForeignKeyField(Invoice, backref="sessions", on_delete="CASCADE")
    transaction = peewee.ForeignKeyField(Transaction, on_delete="CASCADE", index=True)


class MailAttempt(LogModel):
    invoice = peewee.ForeignKeyField(Invoice, backref="mail_attempts", on_delete="CASCADE")
    at = UtcDateTimeField()
    to = peewee.CharField(max_length=255)
    ok = peewee.BooleanField()
    error = peewee.TextField(default="")
