"""Loading and saving the site-wide settings (one JSON row in the store)."""

from __future__ import annotations

from evdesk.core.clock import utcnow
from evdesk.core.errors import StaleEdit, ValidationError
from evdesk.settings import SiteSettings
from evdesk.store import models as m

SITE_KEY = "site"


def load_site_settings() -> tuple[SiteSettings, int]:
    """Runs on the database worker. Returns the settings and the row version (0 = defaults)."""
    row = m.Setting.get_or_none(m.Setting.key == SITE_KEY)
    if row is None:
        return SiteSettings(), 0
    return SiteSettings.from_dict(row.value or {}), row.version


def save_site_settings(settings: SiteSettings, expected_version: int) -> int:
    """Runs on the database worker. Refuses a stale save; returns the new version."""
    problems = settings.validate()
    if problems:
        field, message = problems[0]
        raise ValidationError(message, field=field)
    row = m.Setting.get_or_none(m.Setting.key == SITE_KEY)
    if row is None:
        if expected_version != 0:
            raise StaleEdit()
        m.Setting.create(key=SITE_KEY, value=settings.as_dict())
        return 1
    updated = (
        m.Setting.update(value=settings.as_dict(), version=m.Setting.version + 1, updated_at=utcnow())
        .where((m.Setting.key == SITE_KEY) & (m.Setting.version == expected_version))
        .execute()
    )
    if not updated:
        raise StaleEdit()
    return expected_version + 1
