"""When a task runs: a wall-clock time in the site's zone, on the days its recurrence says.

Why evdesk computes occurrences itself instead of APScheduler's triggers: the database is the
truth (tasks are edited on any seat, exactly one seat runs an occurrence through a lease row
keyed by the occurrence's time, a run missed while evdesk was closed is judged at start), so the
runner needs to ask "which occurrence was due last, and which is next?" for any instant, of
any clock a test injects. APScheduler's triggers answer only "next fire time after now" from
the real clock and keep their own job state in memory; rebuilding jobs on every edit from
every seat and re-deriving missed runs would fight that state. Here the rule is a pure
function of (schedule, instant), tested across DST and month ends without waiting.

Rules (the manual's UTC example is wrong, see REQUIREMENTS-DIGEST B7; evdesk keeps local time):
* The time is the site's local time, stored with the zone's IANA name. 12:00 stays 12:00
  local across DST changes (its UTC instant moves by an hour, the wall clock does not).
* A time that does not exist on a spring-forward day (Helsinki 03:30 on the last Sunday of
  March) runs one hour later in wall time (04:30, the same instant as 03:30 in the old
  offset): the day is not skipped. A time that happens twice on the autumn day runs once, at
  the first (summer-time) one.
* Monthly on day 29, 30 or 31 runs on the month's last day in shorter months; day 0 means
  "the last day" every month.
* The end date is the last local date an occurrence may fall on.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

RECURRENCES = ("once", "daily", "weekly", "monthly")
LAST_DAY = 0
# a search never walks further than this many days (a weekly task with no weekday ticked never matches)
SEARCH_DAYS = 400


@dataclass(frozen=True)
class Schedule:
    recurrence: str
    time_of_day: time
    zone: str
    start_date: date
    end_date: date | None = None
    weekdays: frozenset[int] = field(default_factory=frozenset)  # 0 = Monday
    day_of_month: int | None = None  # 1..31, or LAST_DAY

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.zone)

    def runs_on(self, day: date) -> bool:
        """Whether an occurrence falls on this local date."""
        if day < self.start_date or (self.end_date is not None and day > self.end_date):
            return False
        if self.recurrence == "once":
            return day == self.start_date
        if self.recurrence == "daily":
            return True
        if self.recurrence == "weekly":
            return day.weekday() in self.weekdays
        if self.recurrence == "monthly":
            last = calendar.monthrange(day.year, day.month)[1]
            wanted = self.day_of_month or LAST_DAY
            return day.day == (last if wanted == LAST_DAY else min(wanted, last))
        return False

    def instant_on(self, day: date) -> datetime:
        """The UTC instant of this date's occurrence (see the DST rules above)."""
        local = datetime.combine(day, self.time_of_day).replace(tzinfo=self.tz, fold=0)
        return local.astimezone(timezone.utc)

    def next_after(self, after: datetime) -> datetime | None:
        """The first occurrence strictly after `after` (aware), or None when there is none."""
        day = after.astimezone(self.tz).date() - timedelta(days=1)
        day = max(day, self.start_date)
        for _ in range(SEARCH_DAYS):
            if self.end_date is not None and day > self.end_date:
                return None
            if self.runs_on(day):
                at = self.instant_on(day)
                if at > after:
                    return at
            day += timedelta(days=1)
        return None

    def last_at_or_before(self, moment: datetime, not_before: datetime | None = None) -> datetime | None:
        """The latest occurrence at or before `moment` (and not before `not_before`), or None."""
        day = moment.astimezone(self.tz).date() + timedelta(days=1)
        floor = self.start_date
        if not_before is not None:
            floor = max(floor, not_before.astimezone(self.tz).date() - timedelta(days=1))
        for _ in range(SEARCH_DAYS):
            if day < floor:
                return None
            if self.runs_on(day):
                at = self.instant_on(day)
                if at <= moment and (not_before is None or at >= not_before):
                    return at
            day -= timedelta(days=1)
        return None


def parse_time_of_day(text: str) -> time:
    hours, _, minutes = str(text).partition(":")
    return time(int(hours), int(minutes))


def describe(schedule: Schedule) -> str:
    """'Daily at 01:00 (Europe/Helsinki)', 'Weekly on Mon, Fri at 23:59 ...': for lists and the feed."""
    at = f"at {schedule.time_of_day.strftime('%H:%M')} ({schedule.zone})"
    if schedule.recurrence == "once":
        text = f"Once on {schedule.start_date.strftime('%d.%m.%Y')} {at}"
    elif schedule.recurrence == "daily":
        text = f"Daily {at}"
    elif schedule.recurrence == "weekly":
        names = ", ".join(calendar.day_abbr[d] for d in sorted(schedule.weekdays)) or "no day"
        text = f"Weekly on {names} {at}"
    else:
        wanted = schedule.day_of_month or LAST_DAY
        day = "the last day" if wanted == LAST_DAY else f"day {wanted}" + (" (or the month's last day)" if wanted > 28 else "")
        text = f"Monthly on {day} {at}"
    if schedule.end_date is not None and schedule.recurrence != "once":
        text += f" until {schedule.end_date.strftime('%d.%m.%Y')}"
    return text
