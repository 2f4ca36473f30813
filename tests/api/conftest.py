"""A running evdesk API on port 0 (services + OCPP server + aiohttp), with an admin, a basic
and an analyst operator holding keys, and an aiohttp client."""

from __future__ import annotations

import aiohttp
import pytest

from evdesk.api.server import ApiServer
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.store import models as m


class Client:
    def __init__(self, session: aiohttp.ClientSession, base: str, key: str | None):
        self.session, self.base, self.key = session, base, key

    async def call(self, method: str, path: str, json=None, data=None, params=None, key: str | None = "default"):
        headers = {}
        k = self.key if key == "default" else key
        if k:
            headers["Authorization"] = f"Bearer {k}"
        if data is not None:
            headers["Content-Type"] = "application/json"
        async with self.session.request(method, self.base + path, json=json, data=data, params=params,
                                        headers=headers) as resp:
            body = await resp.json() if resp.content_type == "application/json" else None
            return resp.status, body

    async def get(self, path, **kw):
        return await self.call("GET", path, **kw)

    async def post(self, path, json=None, **kw):
        return await self.call("POST", path, json=json, **kw)

    async def patch(self, path, json=None, **kw):
        return await self.call("PATCH", path, json=json, **kw)

    async def delete(self, path, **kw):
        return await self.call("DELETE", path, **kw)


@pytest.fixture
async def api(services, central):
    server = ApiServer(services, central, "127.0.0.1", 0)
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def keys(services, api):
    out = {}
    for username, role, first in (("ada", "admin", "Ada"), ("bob", "basic", "Bob"), ("ann", "analyst", "Ann")):
        await services.store.run(lambda u=username, r=role, f=first: m.Operator.create(
            username=u, role=r, status="active", first_name=f, last_name="Tester"))
        _info, key = await api.keys.create(SYSTEM_CONTEXT, username, f"{role} key")
        out[role] = key
    return out


@pytest.fixture
async def http():
    async with aiohttp.ClientSession() as session:
        yield session


@pytest.fixture
def admin(http, api, keys):
    return Client(http, f"http://127.0.0.1:{api.port}/api/v1", keys["admin"])


@pytest.fixture
def basic(http, api, keys):
    return Client(http, f"http://127.0.0.1:{api.port}/api/v1", keys["basic"])


@pytest.fixture
def analyst(http, api, keys):
    return Client(http, f"http://127.0.0.1:{api.port}/api/v1", keys["analyst"])

