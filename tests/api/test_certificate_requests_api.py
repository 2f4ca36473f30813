"""The API for stations' certificate signing requests: ask a station (command), list what waits (admins of the
station's domain), approve (CertificateSigned with the site CA's certificate) and refuse."""

from __future__ import annotations

from evdesk.core import cert_pki as pki
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.simulator import SimulatedStation
from tests.waiting import wait_for


async def test_request_list_approve_and_refuse_through_the_api(admin, basic, services, central):
    await services.certificates.generate(SYSTEM_CONTEXT)
    info = await services.stations.create_station("API-CSR", connectors=1, ctx=SYSTEM_CONTEXT)
    st = SimulatedStation("API-CSR", central.url, connectors=1)
    await st.start()
    try:
        await st.wait_accepted(10)
        denied = await basic.post(f"/stations/{info.id}/commands/request-certificate", {"reason": "x"})
        assert denied[0] == 403, denied
        status, body = await admin.post(f"/stations/{info.id}/commands/request-certificate", {"reason": "profile 3"})
        assert status == 200 and body["outcome"] == "accepted", body
        await wait_for(lambda: services.station_csrs.pending(SYSTEM_CONTEXT))  # the station sent its CSR
        status, body = await admin.get("/certificates/requests")
        assert status == 200 and [i["identity"] for i in body["items"]] == ["API-CSR"]
        assert (await basic.get("/certificates/requests"))[0] == 403
        request_id = body["items"][0]["id"]
        status, body = await admin.post(f"/certificates/requests/{request_id}/approve", {"reason": "checked"})
        assert status == 200 and body["outcome"] == "accepted", body
        ca = pki.load_certificates((services.certificates.folder / "ca.pem").read_bytes())[0]
        assert pki.signed_by(pki.load_certificates(st.certificate_chain.encode())[0], ca)
        assert (await admin.post(f"/certificates/requests/{request_id}/approve", {}))[0] == 404
        # a second request, refused
        await st.request_certificate()
        (pending,) = (await admin.get("/certificates/requests"))[1]["items"]
        status, body = await admin.post(f"/certificates/requests/{pending['id']}/refuse", {})
        assert status == 200 and (await admin.get("/certificates/requests"))[1]["items"] == []
    finally:
        await st.stop()


async def test_security_extension_commands_through_the_api(admin, basic, services, central):
    await services.certificates.generate(SYSTEM_CONTEXT)
    info = await services.stations.create_station("API-SECX", connectors=1, ctx=SYSTEM_CONTEXT)
    st = SimulatedStation("API-SECX", central.url, connectors=1)
    await st.start()
    try:
        await st.wait_accepted(10)
        base = f"/stations/{info.id}/commands"
        assert (await basic.post(f"{base}/install-certificate", {"reason": "x"}))[0] == 403
        status, body = await admin.post(f"{base}/install-certificate", {"reason": "trust the site CA"})
        assert status == 200 and body["outcome"] == "accepted", body
        assert st.certificates.installed["CentralSystemRootCertificate"]
        status, body = await admin.post(f"{base}/get-log", {"reason": "audit", "location": "ftp://logs.example/",
                                                            "log_type": "SecurityLog"})
        assert status == 200 and body["outcome"] == "accepted", body
        status, body = await admin.post(f"{base}/get-log", {"reason": "audit", "location": "ftp://logs.example/",
                                                            "log_type": "AuditLog"})
        assert status == 422 and body["error"]["field"] == "log_type", body
    finally:
        await st.stop()
