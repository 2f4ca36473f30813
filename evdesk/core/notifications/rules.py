"""Notification rules: which stations, which cases, who is told (vaylens' notification groups).

Rules decided here:

* A rule covers a **charging group and its subgroups** (`group_id`), and/or **listed stations**
  (a notification group of its own, as in the vaylens manual); a rule with neither covers the
  whole site. A station may be covered by several rules; each rule mails its own recipients.
* **Recipients**: e-mail addresses, and operators (mailed at their account's address while the
  account is active). At least one recipient and at least one case ("Fälle *" is required).
* **Timing**: `settle_seconds` (debounce, 0–3600, default 60): a case must last this long before
  its mail goes, so a flap shorter than that sends nothing, and a clear must last as long before
  the "resolved" mail. `repeat_minutes` (1–10080, default 30): after a start mail, the same
  station and case is not mailed again by this rule within this window. `clear_mails`: whether a
  "resolved" mail follows.
* **Auto-recovery** (`recovery_minutes`, 1–1440, or None for off): see `watch.py`.
* **Who may**: admins (`Permission.NOTIFICATIONS`; basic operators and analysts may not). A group
  admin manages and sees only rules whose group and listed stations lie in their domain, and
  may name only operators of their domain; a whole-site rule needs a whole-site admin.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.errors import AccessDenied, NotFound, StaleEdit, ValidationError
from evdesk.core.mail import check_address
from evdesk.core.notifications.cases import CASE_LABELS, CASES
from evdesk.core.permissions import OPERATOR_ACCESS_FORBIDDEN, OperatorContext, Permission, require
from evdesk.core.tasks import spawn
from evdesk.store.errors import MissingRow, StaleRow
from evdesk.store.queries import operators as operator_queries
from evdesk.store.repos import notifications as repo

RULE_NOT_FOUND = "This notification rule does not exist (any more). Reload the list."
NAME_TAKEN = "Another notification rule already has this name."
MAX_RECIPIENTS = 50


@dataclass(frozen=True)
class NotificationRule:
    id: UUID
    version: int
    name: str
    group_id: UUID | None
    station_ids: frozenset[UUID]
    emails: tuple[str, ...]
    operator_ids: frozenset[UUID]
    cases: frozenset[str]
    clear_mails: bool = True
    repeat_minutes: int = 30
    settle_seconds: int = 60
    recovery_minutes: int | None = None
    active: bool = True

    @property
    def whole_site(self) -> bool:
        return self.group_id is None and not self.station_ids

    def describe_cases(self) -> str:
        return ", ".join(CASE_LABELS[c] for c in CASES if c in self.cases)


def _uuid_set(values) -> frozenset[UUID]:
    return frozenset(UUID(str(v)) for v in values or ())


def rule_from_row(row: dict) -> NotificationRule:
    return NotificationRule(
        row["id"], row["version"], row["name"], row["group_id"], _uuid_set(row["station_ids"]),
        tuple(row["emails"] or ()), _uuid_set(row["operator_ids"]),
        frozenset(c for c in row["cases"] or () if c in CASES), bool(row["clear_mails"]), int(row["repeat_minutes"]),
        int(row["settle_seconds"]), row["recovery_minutes"], bool(row["active"]))


def _int(value, field: str, low: int, high: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValidationError(f"Enter {what} as a whole number from {low} to {high}.", field)
    try:
        number = int(value)
    except ValueError:
        raise ValidationError(f"Enter {what} as a whole number from {low} to {high}.", field) from None
    if not low <= number <= high:
        raise ValidationError(f"Enter {what} from {low} to {high}.", field)
    return number


def _ids(values, field: str, what: str) -> list[UUID]:
    if values is None:
        return []
    if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
        raise ValidationError(f"Give the {what} as a list.", field)
    out = []
    for value in values:
        try:
            out.append(value if isinstance(value, UUID) else UUID(str(value)))
        except (ValueError, AttributeError, TypeError):
            raise ValidationError(f"One of the {what} is not a valid id.", field) from None
    return out


class NotificationRules:
    """The rules in memory (the watch asks them at every mail), following the change feed."""

    def __init__(self, store, bus: ev.EventBus, stations, group_tree):
        self.store = store
        self.bus = bus
        self.stations = stations
        self.group_tree = group_tree
        self.rules: dict[UUID, NotificationRule] = {}
        self._for_station: dict[UUID, tuple[NotificationRule, ...]] = {}
        self._unsubscribe = [bus.subscribe(ev.RowsChanged, self._rows_changed),
                             bus.subscribe(ev.GroupChanged, self._forget_matches),
                             bus.subscribe(ev.StationChanged, self._forget_matches),
                             bus.subscribe(ev.StationRemoved, self._forget_matches)]

    async def load(self) -> None:
        self.set_rules(rule_from_row(r) for r in await self.store.read(repo.load_rules))
        self.bus.publish(ev.NotificationRulesChanged())

    def set_rules(self, rules) -> None:
        self.rules = {r.id: r for r in rules}
        self._for_station.clear()

    def _forget_matches(self, _event=None) -> None:
        self._for_station.clear()

    def _rows_changed(self, event: ev.RowsChanged) -> None:
        if event.entity == "notification_rule":  # another seat's change
            spawn(self.load(), name="notification rules refresh")

    # -- which rules a station has (the watch; cached until rules, groups or stations change) ----------
    def for_station(self, info) -> tuple[NotificationRule, ...]:
        found = self._for_station.get(info.id)
        if found is None:
            chain, group_id = set(), info.group_id
            while group_id is not None and group_id not in chain:
                chain.add(group_id)
                group = self.group_tree.groups.get(group_id)
                group_id = group.parent_id if group else None
            found = tuple(sorted((r for r in self.rules.values() if r.active and (
                r.whole_site or info.id in r.station_ids or (r.group_id is not None and r.group_id in chain))),
                key=lambda r: r.name.lower()))
            self._for_station[info.id] = found
        return found

    # -- reading --------------------------------------------------------------------------------
    def _in_domain(self, ctx: OperatorContext, rule: NotificationRule) -> bool:
        if rule.whole_site:
            return ctx.is_root
        if rule.group_id is not None and not ctx.sees_group(rule.group_id):
            return False
        for station_id in rule.station_ids:
            info = self.stations.by_id.get(station_id)
            if info is not None and not ctx.sees_station(info.group_id):
                return False
        return True

    def list(self, ctx: OperatorContext) -> list[NotificationRule]:
        ctx = self.group_tree.fresh(ctx)
        return sorted((r for r in self.rules.values() if self._in_domain(ctx, r)), key=lambda r: r.name.lower())

    def get(self, ctx: OperatorContext, rule_id: UUID) -> NotificationRule:
        rule = self.rules.get(rule_id)
        if rule is None or not self._in_domain(self.group_tree.fresh(ctx), rule):
            raise NotFound(RULE_NOT_FOUND)
        return rule

    # -- writing --------------------------------------------------------------------------------
    async def _checked(self, ctx: OperatorContext, data: dict) -> dict:
        name = data.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ValidationError("Give the rule a name.", "name")
        name = " ".join(name.split())
        if len(name) > 200:
            raise ValidationError("A rule's name has at most 200 characters.", "name")
        group_ids = _ids([data["group_id"]] if data.get("group_id") else [], "group_id", "charging group")
        group_id = group_ids[0] if group_ids else None
        if group_id is not None:
            if group_id not in self.group_tree.groups:
                raise ValidationError("This charging group does not exist (any more).", "group_id")
            if not ctx.sees_group(group_id):
                raise AccessDenied(OPERATOR_ACCESS_FORBIDDEN)
        station_ids = _ids(data.get("station_ids"), "station_ids", "stations")
        for station_id in station_ids:
            info = self.stations.by_id.get(station_id)
            if info is None:
                raise ValidationError("One of the chosen stations does not exist (any more).", "station_ids")
            if not ctx.sees_station(info.group_id):
                raise AccessDenied(OPERATOR_ACCESS_FORBIDDEN)
        if group_id is None and not station_ids and not ctx.is_root:
            raise ValidationError("Choose a charging group or stations: you manage only part of the site.", "group_id")
        emails = data.get("emails") or []
        if isinstance(emails, str) or not isinstance(emails, (list, tuple)):
            raise ValidationError("Give the e-mail addresses as a list.", "emails")
        checked_emails = []
        for address in emails:
            if not isinstance(address, str):
                raise ValidationError("Every e-mail address is text.", "emails")
            if address.strip():
                address = check_address(address, "emails")
                if address.lower() not in (a.lower() for a in checked_emails):
                    checked_emails.append(address)
        operator_ids = _ids(data.get("operator_ids"), "operator_ids", "operators")
        if operator_ids:
            known = {o.id: o for o in await self.store.read(operator_queries.all_operators)}
            for operator_id in operator_ids:
                op = known.get(operator_id)
                if op is None:
                    raise ValidationError("One of the chosen operators does not exist (any more).", "operator_ids")
                if not (ctx.is_root or (op.base_group_id is not None and ctx.sees_group(op.base_group_id))):
                    raise AccessDenied(OPERATOR_ACCESS_FORBIDDEN)
        if not checked_emails and not operator_ids:
            raise ValidationError("Add at least one e-mail address or operator to notify.", "emails")
        if len(checked_emails) + len(operator_ids) > MAX_RECIPIENTS:
            raise ValidationError(f"A rule notifies at most {MAX_RECIPIENTS} recipients.", "emails")
        cases = data.get("cases") or []
        if isinstance(cases, str) or not isinstance(cases, (list, tuple)):
            raise ValidationError("Give the cases as a list.", "cases")
        unknown = [c for c in cases if c not in CASES]
        if unknown:
            raise ValidationError(f"Unknown case: {str(unknown[0])[:40]}. The cases are {', '.join(CASES)}.", "cases")
        if not cases:
            raise ValidationError("Choose at least one case to notify about.", "cases")
        recovery = data.get("recovery_minutes")
        recovery = None if recovery in (None, "", 0) else _int(recovery, "recovery_minutes", 1, 1440,
                                                                   "the auto-recovery minutes")
        for flag in ("clear_mails", "active"):
            if not isinstance(data.get(flag, True), bool):
                raise ValidationError("Choose yes or no.", flag)
        return {
            "name": name, "group_id": group_id, "station_ids": sorted(str(s) for s in set(station_ids)),
            "emails": checked_emails, "operator_ids": sorted(str(o) for o in set(operator_ids)),
            "cases": [c for c in CASES if c in cases], "clear_mails": data.get("clear_mails", True),
            "repeat_minutes": _int(data.get("repeat_minutes", 30), "repeat_minutes", 1, 10080, "the repeat window"),
            "settle_seconds": _int(data.get("settle_seconds", 60), "settle_seconds", 0, 3600, "the settle time"),
            "recovery_minutes": recovery, "active": data.get("active", True),
        }

    async def _write(self, fn):
        def in_transaction():
            with self.store.transaction():
                return fn()

        try:
            result = await self.store.run(in_transaction)
        except StaleRow:
            raise StaleEdit() from None
        except MissingRow:
            raise NotFound(RULE_NOT_FOUND) from None
        await self.load()
        return result

    async def create(self, ctx: OperatorContext, data: dict) -> NotificationRule:
        """A new rule from `data` (the fields of `NotificationRule` but id and version)."""
        require(ctx, Permission.NOTIFICATIONS)
        ctx = self.group_tree.fresh(ctx)
        fields = await self._checked(ctx, data)

        def write():
            if repo.name_taken(fields["name"]):
                raise ValidationError(NAME_TAKEN, "name")
            return repo.insert_rule(**fields)

        return self.get(ctx, await self._write(write))

    async def update(self, ctx: OperatorContext, rule_id: UUID, version: int, data: dict) -> NotificationRule:
        require(ctx, Permission.NOTIFICATIONS)
        ctx = self.group_tree.fresh(ctx)
        self.get(ctx, rule_id)
        fields = await self._checked(ctx, data)

        def write():
            if repo.name_taken(fields["name"], rule_id):
                raise ValidationError(NAME_TAKEN, "name")
            repo.update_rule(rule_id, version, **fields)
            return rule_id

        return self.get(ctx, await self._write(write))

    async def delete(self, ctx: OperatorContext, rule_id: UUID, version: int) -> None:
        require(ctx, Permission.NOTIFICATIONS)
        ctx = self.group_tree.fresh(ctx)
        self.get(ctx, rule_id)
        await self._write(lambda: repo.tombstone_rule(rule_id, version))
