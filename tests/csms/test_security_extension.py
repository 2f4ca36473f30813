"""The 1.6 security extension's other messages over real websockets (and the same commands on 2.0.1):
InstallCertificate (the site CA), GetInstalledCertificateIds, DeleteCertificate, GetLog, SignedUpdateFirmware;
SecurityEventNotification, LogStatusNotification and SignedFirmwareStatusNotification into the event feed."""

from __future__ import annotations

from datetime import timedelta

import pytest

from evdesk.core import cert_pki as pki
from evdesk.core.clock import utcnow
from evdesk.core.errors import AccessDenied, ValidationError
from evdesk.core.permissions import ADMIN, BASIC, SYSTEM_CONTEXT, OperatorContext
from evdesk.simulator import SimulatedStation
from evdesk.simulator.v201 import SimulatedStation201
from evdesk.store import models as m
from tests.waiting import wait_for

ADMIN_CTX = OperatorContext(None, "Ada Admin", ADMIN)


async def _events(services, station_id, kind):
    await services.batch.flush()
    return await services.store.read(lambda: list(m.StationEvent.select(m.StationEvent.state, m.StationEvent.detail).where(
        m.StationEvent.station == station_id, m.StationEvent.kind == kind).tuples()))


def _signing_certificate() -> str:
    ca, key = pki.make_ca("Firmware signer", utcnow())
    return pki.cert_pem(ca).decode()


@pytest.mark.parametrize("version", ["1.6", "2.0.1"])
async def test_install_list_and_delete_the_site_ca(services, central, version):
    await services.certificates.generate(SYSTEM_CONTEXT)
    identity = "SEC-CERTS-" + version.replace(".", "")
    info = await services.stations.create_station(identity, connectors=1, ctx=SYSTEM_CONTEXT)
    st = (SimulatedStation(identity, central.url, connectors=1) if version == "1.6"
          else SimulatedStation201(central.url, identity, evses=1))
    await st.start()
    try:
        if version == "1.6":
            await st.wait_accepted(10)
        commands = central.commands
        with pytest.raises(AccessDenied):
            await commands.install_certificate(info.id, ctx=OperatorContext(None, "Bob", BASIC))
        result = await commands.install_certificate(info.id, ctx=ADMIN_CTX)
        assert result.ok, result.message
        (kind, pems), = st.certificates.installed.items()
        assert kind == ("CentralSystemRootCertificate" if version == "1.6" else "CSMSRootCertificate")
        assert pems == [services.certificates.export_ca(ADMIN_CTX, "pem").decode()]
        # the other version's name for the same kind is understood
        listed = await commands.get_installed_certificate_ids(info.id, "CSMSRootCertificate" if version == "1.6"
                                                              else "CentralSystemRootCertificate", ctx=ADMIN_CTX)
        assert listed.ok, listed.message
        if version == "1.6":
            (hash_data,) = listed.response["certificate_hash_data"]
        else:
            (entry,) = listed.response["certificate_hash_data_chain"]
            hash_data = entry["certificate_hash_data"]
        with pytest.raises(ValidationError):
            await commands.delete_certificate(info.id, {"hash_algorithm": "SHA256"}, ctx=ADMIN_CTX)
        deleted = await commands.delete_certificate(info.id, hash_data, ctx=ADMIN_CTX)
        assert deleted.ok, deleted.message
        assert st.certificates.installed[kind] == []
        again = await commands.delete_certificate(info.id, hash_data, ctx=ADMIN_CTX)
        assert again.outcome == "rejected" and "NotFound" in again.message
        if version == "2.0.1":
            assert st.invalid_calls == []
    finally:
        await st.stop()


async def test_16_get_log_signed_firmware_and_security_events_reach_the_event_feed(services, central):
    info = await services.stations.create_station("SEC-16", connectors=1, ctx=SYSTEM_CONTEXT)
    st = SimulatedStation("SEC-16", central.url, connectors=1)
    await st.start()
    try:
        await st.wait_accepted(10)
        commands = central.commands
        with pytest.raises(ValidationError):
            await commands.get_log(info.id, "ftp://logs.example/", "AuditLog", ctx=ADMIN_CTX)
        result = await commands.get_log(info.id, "ftp://logs.example/", "SecurityLog",
                                        start_time=utcnow() - timedelta(days=1), ctx=ADMIN_CTX)
        assert result.ok and result.response["filename"] == "SEC-16-SecurityLog.log"
        with pytest.raises(AccessDenied):  # firmware needs the firmware right
            await commands.signed_update_firmware(info.id, "https://fw.example/f.bin", utcnow(), _signing_certificate(),
                                                  "c2lnbmF0dXJl", ctx=OperatorContext(None, "Bob", BASIC))
        result = await commands.signed_update_firmware(info.id, "https://fw.example/f.bin", utcnow(),
                                                       _signing_certificate(), "c2lnbmF0dXJl", ctx=ADMIN_CTX)
        assert result.ok, result.message
        await st.security_event("TamperDetectionActivated", "lid opened")
        await wait_for(lambda: services.stations.get("SEC-16").firmware_status == "Installed")
        firmware = [s for s, _ in await _events(services, info.id, "firmware")]
        assert firmware == ["Downloading", "Downloaded", "SignatureVerified", "Installing", "Installed"]
        await wait_for(lambda: services.stations.get("SEC-16").diagnostics_status == "Uploaded")
        assert [s for s, _ in await _events(services, info.id, "diagnostics")] == ["Uploading", "Uploaded"]
        security = await _events(services, info.id, "security")
        assert ("TamperDetectionActivated", "lid opened") in security
        shown = await services.history.network_log(ADMIN_CTX, info.id)  # the station's log on screen and in the API
        assert any(r.kind == "security" and r.state == "TamperDetectionActivated" for r in shown.items)
    finally:
        await st.stop()
    rows = await services.store.read(lambda: list(m.ActionLog.select(m.ActionLog.action).where(
        m.ActionLog.station == info.id).tuples()))
    assert ("GetLog",) in rows and ("SignedUpdateFirmware",) in rows


async def test_201_signed_firmware_is_update_firmware_with_the_signature(services, central):
    info = await services.stations.create_station("SEC-201", connectors=1, ctx=SYSTEM_CONTEXT)
    st = SimulatedStation201(central.url, "SEC-201", evses=1)
    await st.start()
    try:
        result = await central.commands.signed_update_firmware(info.id, "https://fw.example/f.bin", utcnow(),
                                                               _signing_certificate(), "c2lnbmF0dXJl", ctx=ADMIN_CTX)
        assert result.ok, result.message
        (sent,) = [p for a, p in st.received if a == "UpdateFirmware"]
        assert sent["firmware"]["signature"] == "c2lnbmF0dXJl" and "BEGIN CERTIFICATE" in sent["firmware"][
            "signingCertificate"]
        log = await central.commands.get_log(info.id, "ftp://logs.example/", "SecurityLog", ctx=ADMIN_CTX)
        assert log.ok and [p["logType"] for a, p in st.received if a == "GetLog"] == ["SecurityLog"]
        assert st.invalid_calls == []
    finally:
        await st.stop()
