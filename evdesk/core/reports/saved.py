"""Saved reports by name: an operator's own, or shared with the site; reopened and run again.

Rules decided here:

* Every operator sees their own saved reports and the shared ones; running one applies the
  runner's domain (a shared report naming a group outside it is refused when run, not hidden).
* Any operator may save their own reports (analysts too: it is their view, it changes nothing on
  the site). Sharing with the site, and changing or deleting a shared report, needs a role that
  changes things (admin or basic), not an analyst.
* Names: 1-120 characters, unique (case ignored) among one owner's reports, and among the shared.
* Edits are checked against the version read (a stale edit is refused with the usual message).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from evdesk.core.errors import AccessDenied, NotFound, StaleEdit, ValidationError
from evdesk.core.permissions import ACCESS_DENIED, ANALYST, OperatorContext
from evdesk.core.reports.definition import ReportDefinition
from evdesk.store.errors import MissingRow, StaleRow
from evdesk.store.repos import reports as repo

REPORT_NOT_FOUND = "Saved report not found."


@dataclass(frozen=True)
class SavedReportInfo:
    id: UUID
    version: int
    name: str
    shared: bool
    mine: bool
    definition: ReportDefinition
    created_by: str
    updated_at: datetime

    def to_dict(self) -> dict:
        return {"id": str(self.id), "version": self.version, "name": self.name, "shared": self.shared,
                "mine": self.mine, "definition": self.definition.to_dict(), "created_by": self.created_by,
                "updated_at": self.updated_at.isoformat()}


def _info(row: dict, ctx: OperatorContext) -> SavedReportInfo:
    try:
        definition = ReportDefinition.from_dict(row["definition"] or {})
    except ValidationError:  # a definition from a newer evdesk: opens as the default
        definition = ReportDefinition()
    owner = row["owner"]
    return SavedReportInfo(row["id"], row["version"], row["name"], owner is None,
                           owner is not None and owner == ctx.operator_id, definition, row["created_by"],
                           row["updated_at"])


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError("Give the report a name.", field="name")
    if len(name) > 120:
        raise ValidationError("A name can be at most 120 characters.", field="name")
    return name


class SavedReports:
    def __init__(self, store):
        self.store = store

    async def list(self, ctx: OperatorContext) -> list[SavedReportInfo]:
        if ctx.operator_id is None and ctx.via != "system":
            return []
        rows = await self.store.read(repo.visible_to, ctx.operator_id)
        return [_info(r, ctx) for r in rows]

    async def get(self, ctx: OperatorContext, report_id: UUID) -> SavedReportInfo:
        row = await self.store.read(repo.get, report_id)
        if row is None or (row["owner"] is not None and row["owner"] != ctx.operator_id):
            raise NotFound(REPORT_NOT_FOUND)
        return _info(row, ctx)

    @staticmethod
    def _may_share(ctx: OperatorContext) -> None:
        if ctx.role == ANALYST:
            raise AccessDenied(ACCESS_DENIED)

    async def save(self, ctx: OperatorContext, name: str, definition: ReportDefinition, *,
                   shared: bool = False) -> SavedReportInfo:
        """Save as new."""
        name = _clean_name(name)
        definition = definition.validate()
        if shared:
            self._may_share(ctx)
        elif ctx.operator_id is None:
            raise AccessDenied(ACCESS_DENIED)
        owner = None if shared else ctx.operator_id

        def write():
            if repo.name_taken(name, owner):
                raise ValidationError("A saved report by that name exists; choose another name.", field="name")
            return repo.insert(name, owner, definition.to_dict(), ctx.name)

        return _info(await self.store.run(write), ctx)

    async def update(self, ctx: OperatorContext, report_id: UUID, version: int, *, name: str | None = None,
                     definition: ReportDefinition | None = None) -> SavedReportInfo:
        found = await self.get(ctx, report_id)
        if found.shared:
            self._may_share(ctx)
        changes: dict = {}
        if name is not None:
            changes["name"] = _clean_name(name)
        if definition is not None:
            changes["definition"] = definition.validate().to_dict()
        owner = None if found.shared else ctx.operator_id

        def write():
            if "name" in changes and repo.name_taken(changes["name"], owner, except_id=report_id):
                raise ValidationError("A saved report by that name exists; choose another name.", field="name")
            try:
                return repo.update(report_id, version, **changes)
            except StaleRow:
                raise StaleEdit() from None
            except MissingRow:
                raise NotFound(REPORT_NOT_FOUND) from None

        return _info(await self.store.run(write), ctx)

    async def delete(self, ctx: OperatorContext, report_id: UUID, version: int) -> None:
        found = await self.get(ctx, report_id)
        if found.shared:
            self._may_share(ctx)

        def write():
            try:
                repo.delete(report_id, version)
            except StaleRow:
                raise StaleEdit() from None
            except MissingRow:
                raise NotFound(REPORT_NOT_FOUND) from None

        await self.store.run(write)
