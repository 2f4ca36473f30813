"""The API's certificates (info and CA export, admins), station security profile, and password rotation."""

from __future__ import annotations

from cryptography import x509

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.simulator import SimulatedStation


async def test_certificate_info_and_ca_export_for_admins(admin, basic, analyst, services, http, api):
    status, body = await admin.get("/certificates")
    assert status == 200 and body["server"] is None and body["listener"] == "plain"
    status, body = await admin.get("/certificates/ca")
    assert status == 422  # nothing to export yet, said in words
    await services.certificates.generate(SYSTEM_CONTEXT)
    status, body = await admin.get("/certificates")
    assert status == 200 and body["source"] == "generated"
    assert body["server"]["sha256"] == services.certificates.status().server.sha256
    assert "127.0.0.1" in body["server"]["ip_addresses"] and body["ca"]["subject"] == body["server"]["issuer"]
    for fmt, load in (("pem", x509.load_pem_x509_certificate), ("der", x509.load_der_x509_certificate)):
        async with http.get(f"http://127.0.0.1:{api.port}/api/v1/certificates/ca", params={"format": fmt},
                            headers={"Authorization": f"Bearer {admin.key}"}) as resp:
            assert resp.status == 200
            assert load(await resp.read()).subject.rfc4514_string() == body["ca"]["subject"]
    for other in (basic, analyst):
        assert (await other.get("/certificates"))[0] == 403
        assert (await other.get("/certificates/ca"))[0] == 403


async def test_security_profile_is_shown_and_edited(admin, basic, services):
    info = await services.stations.create_station("API-SEC", ctx=SYSTEM_CONTEXT)
    status, body = await admin.get(f"/stations/{info.id}")
    assert status == 200 and body["security_profile"] == 1
    status, body = await admin.patch(f"/stations/{info.id}", {"version": body["version"], "security_profile": 2})
    assert status == 200 and body["security_profile"] == 2
    assert services.stations.get("API-SEC").security_profile == 2
    status, body = await admin.patch(f"/stations/{info.id}", {"version": body["version"], "security_profile": 4})
    assert status == 422
    assert (await basic.patch(f"/stations/{info.id}", {"version": body.get("version", 2), "security_profile": 1}))[0] \
        == 403


async def test_rotate_password_through_the_api(admin, basic, services, central):
    info = await services.stations.create_station("API-ROT", connectors=1, password="old-password-1",
                                                  ctx=SYSTEM_CONTEXT)
    st = SimulatedStation("API-ROT", central.url, connectors=1, password="old-password-1")
    await st.start()
    try:
        await st.wait_accepted(10)
        status, body = await basic.post(f"/stations/{info.id}/commands/rotate-password", {"reason": "quarterly"})
        assert status == 403 and st.password == "old-password-1"
        status, body = await admin.post(f"/stations/{info.id}/commands/rotate-password", {"reason": "quarterly"})
        assert status == 200 and body["outcome"] == "accepted", body
        assert st.password != "old-password-1"
        new_password = bytes.fromhex(st.password).decode()  # the station was sent the hex AuthorizationKey
        assert await services.stations.check_password(services.stations.get("API-ROT"), new_password)
    finally:
        await st.stop()
