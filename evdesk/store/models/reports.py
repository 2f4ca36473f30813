"""Saved reports: a named report definition, an operator's own or shared with the site."""

from __future__ import annotations

import peewee

from evdesk.store.fields import JsonField
from evdesk.store.models.base import SyncedModel
from evdesk.store.models.people import Operator


class SavedReport(SyncedModel):
    name = peewee.CharField(max_length=120)
    # whose it is; None = shared with the site (every operator sees it, within their own domain)
    owner = peewee.ForeignKeyField(Operator, null=True, on_delete="CASCADE")
    definition = JsonField(default=dict)  # ReportDefinition.to_dict()
    created_by = peewee.CharField(max_length=200, default="")
