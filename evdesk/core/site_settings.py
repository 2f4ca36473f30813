"""The site-wide settings: loading, saving (checked by `SiteSettings.validate()`), and who may.

Site settings apply to the whole site (every station, every seat), so only an admin of
the whole site changes them: an admin limited to a charging group gets "Operator access
forbidden.". The rows live in the store (`evdesk/store/repos/settings.py`).
"""

from __future__ import annotations

from evdesk.core.errors import AccessDenied, StaleEdit, ValidationError
from evdesk.core.permissions import OPERATOR_ACCESS_FORBIDDEN, OperatorContext, Permission, require
from evdesk.settings import SiteSettings
from evdesk.store.errors import StaleRow
from evdesk.store.repos import settings as repo

SITE_KEY = "site"


def require_site_admin(ctx: OperatorContext) -> None:
    """An admin of the whole site (no base group): what changing site-wide settings takes."""
    require(ctx, Permission.SITE_SETTINGS)
    if ctx.base_group_id is not None or not ctx.is_root:
        raise AccessDenied(OPERATOR_ACCESS_FORBIDDEN)


def check(settings: SiteSettings) -> None:
    """ValidationError naming the first field `validate()` refuses."""
    problems = settings.validate()
    if problems:
        field, message = problems[0]
        raise ValidationError(message, field=field)


def load_site_settings() -> tuple[SiteSettings, int]:
    """Runs on the database worker. Returns the settings and the row version (0 = defaults)."""
    value, version = repo.load(SITE_KEY)
    if value is None:
        return SiteSettings(), 0
    return SiteSettings.from_dict(value), version


def save_site_settings(settings: SiteSettings, expected_version: int) -> int:
    """Runs on the database worker. Refuses invalid settings and a stale save; returns the new version."""
    check(settings)
    try:
        return repo.save(SITE_KEY, settings.as_dict(), expected_version)
    except StaleRow:
        raise StaleEdit() from None
