"""Block D on OCPP 2.0.1 over websockets: the same local-list sync as 1.6 (tests/csms/test_local_list.py),
with the list's settings read as device-model variables and the entries as idToken / idTokenInfo."""

from __future__ import annotations

from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import SYSTEM_CONTEXT as ADMIN
from evdesk.core.reads.people import TokenFilter
from tests.csms.test_local_list import people  # noqa: F401 - a fixture
from tests.csms.v201_fixtures import station201
from tests.waiting import wait_for


async def test_201_station_gets_its_list_after_boot_then_the_changes(central, services, people):  # noqa: F811
    async with station201(central, services, "LL-201", token=None) as st:
        # ItemsPerMessage is 2: a Full of two, then a Differential with the rest
        await wait_for(lambda: len(st.local_list) == 4, 10)
        assert {k: v["status"] for k, v in st.local_list.items()} == {
            "04OK01": "Accepted", "04BL01": "Blocked", "04EX01": "Expired", "04DS01": "Blocked"}
        sends = [p for a, p in st.received if a == "SendLocalList"]
        assert [(p["updateType"], len(p["localAuthorizationList"])) for p in sends] == [("Full", 2), ("Differential", 2)]
        assert ("GetVariables", {"getVariableData": [
            {"component": {"name": "LocalAuthListCtrlr"}, "variable": {"name": "Enabled"}},
            {"component": {"name": "LocalAuthListCtrlr"}, "variable": {"name": "ItemsPerMessage"}}]}) in st.received
        version = st.local_list_version
        token = (await people.reads.tokens(ADMIN, TokenFilter("04OK01"))).items[0]
        await people.tokens.set_status(ADMIN, token.id, "blocked")
        await wait_for(lambda: st.local_list_version > version and st.local_list["04OK01"]["status"] == "Blocked", 10)
        assert any(a == "ClearCache" for a, _ in st.received)
        await people.users.create(ADMIN, UserInput("Eve", "New"), [TokenInput("04NEW1")])
        await wait_for(lambda: "04NEW1" in st.local_list, 10)
        last = [p for a, p in st.received if a == "SendLocalList"][-1]
        assert last["updateType"] == "Differential" and last["localAuthorizationList"] == [
            {"idToken": {"idToken": "04NEW1", "type": "ISO14443"}, "idTokenInfo": {"status": "Accepted"}}]
