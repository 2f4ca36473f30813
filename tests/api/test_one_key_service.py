"""One `ApiKeyService` per site: the API keys page, the API and the command line use
`Services.api_keys`, so a revoke on the page (or a change of the operator) is refused by
the API at once, not after the 5-second key cache."""

from __future__ import annotations

import time

from evdesk.core.api_keys import AUTH_CACHE_SECONDS
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.gui.pages.api_keys_page import ApiKeysPage


async def test_a_revoke_on_the_api_keys_page_is_refused_by_the_api_at_once(qtbot, services, api, admin):
    page = ApiKeysPage(services)
    qtbot.addWidget(page)
    assert page.keys is services.api_keys is api.keys
    info, key = await page.keys.create(SYSTEM_CONTEXT, "bob", "dashboard")
    for _ in range(3):  # checked and cached
        assert (await admin.get("/me", key=key))[0] == 200
    started = time.monotonic()
    await page.keys.revoke(SYSTEM_CONTEXT, info.prefix)
    status, body = await admin.get("/me", key=key)
    assert status == 401 and "revoked" in body["error"]["message"]
    assert time.monotonic() - started < AUTH_CACHE_SECONDS


async def test_deactivating_an_operator_is_refused_by_the_api_at_once(services, api, admin, keys):
    assert (await admin.get("/me", key=keys["basic"]))[0] == 200  # bob's key, now cached
    bob = next(o for o in await services.operators.list(SYSTEM_CONTEXT) if o.username == "bob")
    await services.operators.set_active(SYSTEM_CONTEXT, bob.id, bob.version, False)
    status, body = await admin.get("/me", key=keys["basic"])
    assert status == 401 and body["error"]["message"] == "Operator is inactive."


async def test_a_revoke_another_seat_made_is_refused_once_the_change_feed_tells(services, api, admin):
    """Another seat's revoke reaches this database through the sync (its seat id in the change
    feed); the key cache is cleared as soon as the feed is read, not after 5 seconds."""
    from evdesk.core.clock import utcnow
    from evdesk.store import models as m
    from evdesk.store import write as w
    from tests.core.test_change_feed import as_seat

    info, key = await api.keys.create(SYSTEM_CONTEXT, "bob", "elsewhere")
    assert (await admin.get("/me", key=key))[0] == 200  # cached
    await services.store.run(as_seat("seat-b", lambda: w.versioned_update(m.ApiKey, info.id, None,
                                                                           revoked_at=utcnow())))
    assert await services.change_feed.poll() >= 1
    status, body = await admin.get("/me", key=key)
    assert status == 401 and "revoked" in body["error"]["message"]
