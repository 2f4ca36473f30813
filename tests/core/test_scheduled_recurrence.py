"""Recurrence of scheduled tasks: site-local wall time across DST and month ends (issue 13)."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

from evdesk.core.scheduling.recurrence import LAST_DAY, Schedule, describe

HEL = "Europe/Helsinki"
UTC = timezone.utc


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def local(day: date, at: datetime) -> str:
    return at.astimezone(ZoneInfo(HEL)).strftime("%Y-%m-%d %H:%M")


def test_daily_noon_stays_noon_local_across_spring_and_autumn_dst():
    s = Schedule("daily", time(12, 0), HEL, date(2026, 1, 1))
    # spring forward: Sunday 29 March 2026 03:00 EET -> 04:00 EEST
    before = s.next_after(utc(2026, 3, 28, 0, 0))
    after = s.next_after(before)
    assert before == utc(2026, 3, 28, 10, 0)  # 12:00 EET (+2)
    assert after == utc(2026, 3, 29, 9, 0)  # 12:00 EEST (+3): the UTC instant moved, the wall clock did not
    assert {local(None, before), local(None, after)} == {"2026-03-28 12:00", "2026-03-29 12:00"}
    # fall back: Sunday 25 October 2026 04:00 EEST -> 03:00 EET
    before = s.next_after(utc(2026, 10, 24, 0, 0))
    after = s.next_after(before)
    assert before == utc(2026, 10, 24, 9, 0)
    assert after == utc(2026, 10, 25, 10, 0)
    assert local(None, after) == "2026-10-25 12:00"


def test_time_in_the_spring_gap_runs_an_hour_later_and_the_doubled_autumn_hour_runs_once():
    s = Schedule("daily", time(3, 30), HEL, date(2026, 1, 1))
    spring = s.next_after(utc(2026, 3, 28, 12, 0))
    assert local(None, spring) == "2026-03-29 04:30"  # 03:30 does not exist that night
    autumn = s.next_after(utc(2026, 10, 24, 12, 0))
    assert autumn == utc(2026, 10, 25, 0, 30)  # the first 03:30 (summer time)
    assert s.next_after(autumn) == utc(2026, 10, 26, 1, 30)  # the next day: not the second 03:30
    assert s.last_at_or_before(utc(2026, 10, 25, 1, 45)) == autumn


def test_monthly_31st_runs_on_each_months_last_day_and_feb_29_in_a_leap_year():
    s = Schedule("monthly", time(8, 0), HEL, date(2027, 12, 1), day_of_month=31)
    days, at = [], utc(2027, 12, 1)
    for _ in range(5):
        at = s.next_after(at)
        days.append(at.astimezone(ZoneInfo(HEL)).date())
    assert days == [date(2027, 12, 31), date(2028, 1, 31), date(2028, 2, 29), date(2028, 3, 31), date(2028, 4, 30)]
    last = Schedule("monthly", time(23, 59), HEL, date(2026, 1, 1), day_of_month=LAST_DAY)
    assert local(None, last.next_after(utc(2026, 2, 1))) == "2026-02-28 23:59"
    feb29 = Schedule("monthly", time(0, 0), HEL, date(2027, 1, 1), day_of_month=29)
    assert feb29.next_after(utc(2027, 2, 1)).astimezone(ZoneInfo(HEL)).date() == date(2027, 2, 28)
    assert feb29.next_after(utc(2028, 2, 1)).astimezone(ZoneInfo(HEL)).date() == date(2028, 2, 29)


def test_weekly_days_end_date_and_once():
    # the manual's example 2: Monday 00:00 (and its copy Friday 23:59)
    s = Schedule("weekly", time(0, 0), HEL, date(2026, 11, 1), date(2026, 11, 20), frozenset({0}))
    assert local(None, s.next_after(utc(2026, 11, 10, 12))) == "2026-11-16 00:00"
    assert s.next_after(utc(2026, 11, 16, 12)) is None  # the next Monday is after the end date
    once = Schedule("once", time(6, 0), HEL, date(2026, 12, 24))
    at = once.next_after(utc(2026, 12, 1))
    assert at == utc(2026, 12, 24, 4, 0)
    assert once.next_after(at) is None
    assert once.last_at_or_before(utc(2026, 12, 31)) == at
    assert once.last_at_or_before(utc(2026, 12, 31), not_before=utc(2026, 12, 25)) is None


def test_the_manuals_utc_example_is_not_followed_local_time_is_kept():
    """The manual says 13:00 at UTC+2 should be entered as 15:00 UTC (wrong: it is 11:00 UTC). evdesk
    takes 13:00 in the site's zone and stores the zone, so the instant is 11:00 UTC in winter."""
    s = Schedule("once", time(13, 0), HEL, date(2026, 1, 15))
    assert s.next_after(utc(2026, 1, 1)) == utc(2026, 1, 15, 11, 0)
    assert describe(s) == "Once on 15.01.2026 at 13:00 (Europe/Helsinki)"
    assert "the last day" in describe(Schedule("monthly", time(1, 0), HEL, date(2026, 1, 1), day_of_month=0))
