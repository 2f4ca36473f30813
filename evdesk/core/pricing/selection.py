"""Which tariff applies to a session: tariff groups, their restrictions, and time windows.

A tariff group is an ordered list of tariffs. Its first entry is the Base tariff
(Free when the group is made), which cannot be removed, reordered or restricted: the
fall-back. Every other entry may be restricted to members (user groups, users, tokens)
and to time windows; an entry with no members admits everyone, one with no windows
admits any time. When several entries admit a session, the one lowest in the list
wins (the 001 manual: "the tariff with the lowest order will be applied. Lowest
meaning lowest in the list").

Resolution at a session's start: the tariff of the access profile that admitted it,
if it has one; else the tariff group assigned to the connector, else to the
station, else to the nearest charging group up the tree; else Free. The start time
(in the station's zone) decides time windows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time
from uuid import UUID

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class TimeWindow:
    """Days (0 = Monday) and a start and end time; an end at or before the start crosses
    midnight (Fri 22:00–06:00 runs into Saturday morning); start = end is the whole day."""

    days: frozenset[int]
    start: time
    end: time

    def admits(self, local: datetime) -> bool:
        clock, day = local.time().replace(tzinfo=None), local.weekday()
        if self.start == self.end:
            return day in self.days
        if self.start < self.end:
            return day in self.days and self.start <= clock < self.end
        if clock >= self.start:
            return day in self.days
        return clock < self.end and (day - 1) % 7 in self.days

    def describe(self) -> str:
        days = ", ".join(DAY_NAMES[d] for d in sorted(self.days)) if len(self.days) < 7 else "Every day"
        if self.start == self.end:
            return f"{days}, all day"
        return f"{days} {self.start.strftime('%H:%M')}–{self.end.strftime('%H:%M')}"


@dataclass(frozen=True)
class Who:
    """The charging user, their user group and the token of a session (any may be missing)."""

    user_id: UUID | None = None
    user_group_id: UUID | None = None
    token_id: UUID | None = None


@dataclass(frozen=True)
class Restriction:
    user_group_ids: frozenset[UUID] = frozenset()
    user_ids: frozenset[UUID] = frozenset()
    token_ids: frozenset[UUID] = frozenset()
    windows: tuple[TimeWindow, ...] = ()

    @property
    def has_members(self) -> bool:
        return bool(self.user_group_ids or self.user_ids or self.token_ids)

    def admits(self, who: Who, local_start: datetime) -> bool:
        if self.has_members and not (
                (who.user_group_id is not None and who.user_group_id in self.user_group_ids)
                or (who.user_id is not None and who.user_id in self.user_ids)
                or (who.token_id is not None and who.token_id in self.token_ids)):
            return False
        return not self.windows or any(w.admits(local_start) for w in self.windows)


@dataclass(frozen=True)
class GroupEntry:
    tariff_id: UUID
    restriction: Restriction = field(default_factory=Restriction)


def choose_tariff(entries: list[GroupEntry] | tuple[GroupEntry, ...], who: Who, local_start: datetime) -> UUID | None:
    """The tariff id a group gives this session: the lowest admitting entry, else the base (the first)."""
    if not entries:
        return None
    for entry in reversed(entries[1:]):
        if entry.restriction.admits(who, local_start):
            return entry.tariff_id
    return entries[0].tariff_id


def assigned_group(connector_key, station_id: UUID, group_chain: list[UUID], assignments: dict) -> UUID | None:
    """The tariff group for a connector: its own assignment, else the station's, else the
    nearest charging group's up the tree (`group_chain` from the station's group to the root).
    `assignments` maps ("connector", (station_id, connector_id)) / ("station", id) / ("group", id)
    to a tariff group id."""
    for key in (("connector", connector_key), ("station", station_id),
                *(("group", g) for g in group_chain)):
        found = assignments.get(key)
        if found is not None:
            return found
    return None
