"""Security profiles 2 and 3 over real sockets on 127.0.0.1: wss:// with the site CA, client certificates,
and every refusal at the handshake with its reason in the log (and the station's network log)."""

from __future__ import annotations

import logging
import ssl
from datetime import timedelta

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidMessage, InvalidStatus

from evdesk.core import cert_pki as pki
from evdesk.core.clock import utcnow
from evdesk.core.log_limit import limiter
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.simulator import SimulatedStation
from evdesk.simulator.tls import client_context
from evdesk.store import models as m
from tests.waiting import wait_for

SERVER_LOG = "evdesk.csms.server"  # the listeners (TLS refusals)
HANDSHAKE_LOG = "evdesk.csms.handshake"  # who may come in (profile, password, admission)


@pytest.fixture(autouse=True)
def fresh_log_limits(monkeypatch):
    monkeypatch.setattr(limiter, "_windows", {})


@pytest.fixture
async def tls_central(services):
    from evdesk.csms.server import CentralSystem

    cs = CentralSystem(services, "127.0.0.1", 0, tls_port=0, listener="both")
    await cs.start()
    yield cs
    await cs.stop()


@pytest.fixture
def site_ca(services, tls_central):
    folder = services.certificates.folder
    ca = pki.load_certificates((folder / "ca.pem").read_bytes())[0]
    key = pki.load_key((folder / "ca.key").read_bytes())
    return folder / "ca.pem", ca, key


def client_files(tmp_path, ca, ca_key, identity: str, *, expired: bool = False, name: str = "client"):
    now = utcnow()
    if expired:
        cert, key = pki.make_client_certificate(ca, ca_key, identity, now - timedelta(days=10), days=5,
                                                not_before=now - timedelta(days=20))
    else:
        cert, key = pki.make_client_certificate(ca, ca_key, identity, now)
    cert_path, key_path = tmp_path / f"{name}.pem", tmp_path / f"{name}.key"
    cert_path.write_bytes(pki.cert_pem(cert))
    key_path.write_bytes(pki.key_pem(key))
    return str(cert_path), str(key_path)


async def add_station(services, identity: str, profile: int, password: str | None = None):
    info = await services.stations.create_station(identity, connectors=1, password=password, ctx=SYSTEM_CONTEXT)
    return await services.stations.update_station(info.id, info.version, ctx=SYSTEM_CONTEXT, security_profile=profile)


async def network_log(services, station_id) -> list[tuple[str, str]]:
    rows = await services.store.read(lambda: list(
        m.StationEvent.select(m.StationEvent.state, m.StationEvent.detail).where(
            m.StationEvent.station == station_id).tuples()))
    return rows


def refused_lines(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name in (SERVER_LOG, HANDSHAKE_LOG) and "refused" in r.getMessage()]


async def test_profile_2_station_connects_over_wss_trusting_the_site_ca(services, tls_central, site_ca):
    await add_station(services, "TLS-2", 2, password="station-pass-123")
    st = SimulatedStation("TLS-2", tls_central.tls_url, connectors=1, password="station-pass-123",
                          ssl=client_context(str(site_ca[0])))
    await st.start()
    try:
        await st.wait_accepted(10)
        assert tls_central.is_connected("TLS-2")
    finally:
        await st.stop()


async def test_profile_3_station_connects_with_its_client_certificate(services, tls_central, site_ca, tmp_path):
    await add_station(services, "TLS-3", 3)
    cert, key = client_files(tmp_path, site_ca[1], site_ca[2], "TLS-3")
    st = SimulatedStation("TLS-3", tls_central.tls_url, connectors=1, ssl=client_context(str(site_ca[0]), cert, key))
    await st.start()
    try:
        await st.wait_accepted(10)
    finally:
        await st.stop()


async def test_profile_2_station_on_plain_ws_is_refused_with_the_reason_logged(services, tls_central, caplog):
    info = await add_station(services, "TLS-P", 2, password="station-pass-123")
    caplog.set_level(logging.INFO, SERVER_LOG)
    caplog.set_level(logging.INFO, HANDSHAKE_LOG)
    with pytest.raises(InvalidStatus) as refused:
        await connect(tls_central.url + "TLS-P", subprotocols=["ocpp1.6"])
    assert refused.value.response.status_code == 403
    assert any("security profile 2 needs TLS" in line for line in refused_lines(caplog))
    rows = await wait_for(lambda: network_log(services, info.id))
    assert any(state == "refused" and "plain ws://" in detail for state, detail in rows)


async def test_profile_3_station_without_a_client_certificate_is_refused(services, tls_central, site_ca, caplog):
    await add_station(services, "TLS-N", 3)
    caplog.set_level(logging.INFO, SERVER_LOG)
    caplog.set_level(logging.INFO, HANDSHAKE_LOG)
    with pytest.raises(InvalidStatus) as refused:
        await connect(tls_central.tls_url + "TLS-N", subprotocols=["ocpp1.6"], ssl=client_context(str(site_ca[0])))
    assert refused.value.response.status_code == 401
    assert any("needs a client certificate" in line for line in refused_lines(caplog))


async def test_a_certificate_for_another_identity_is_refused(services, tls_central, site_ca, tmp_path, caplog):
    await add_station(services, "TLS-A", 3)
    cert, key = client_files(tmp_path, site_ca[1], site_ca[2], "SOMEONE-ELSE")
    caplog.set_level(logging.INFO, SERVER_LOG)
    caplog.set_level(logging.INFO, HANDSHAKE_LOG)
    with pytest.raises(InvalidStatus) as refused:
        await connect(tls_central.tls_url + "TLS-A", subprotocols=["ocpp1.6"],
                      ssl=client_context(str(site_ca[0]), cert, key))
    assert refused.value.response.status_code == 403
    assert any("'SOMEONE-ELSE', not for this station" in line for line in refused_lines(caplog))


async def _tls_refused(url: str, context: ssl.SSLContext, caplog, reason: str) -> None:
    caplog.set_level(logging.INFO, SERVER_LOG)
    caplog.set_level(logging.INFO, HANDSHAKE_LOG)
    with pytest.raises((ssl.SSLError, OSError, EOFError, InvalidMessage, InvalidStatus)) as failed:
        async with connect(url, subprotocols=["ocpp1.6"], ssl=context, open_timeout=10) as ws:
            await ws.recv()  # TLS 1.3: a refused client certificate shows on the first read
    assert not isinstance(failed.value, InvalidStatus), "refused at the HTTP upgrade instead of the TLS handshake"
    await wait_for(lambda: any(reason in line for line in refused_lines(caplog)),
                   message=f"no log line with {reason!r}: {refused_lines(caplog)}")


async def test_an_expired_client_certificate_is_refused_at_the_tls_handshake(services, tls_central, site_ca, tmp_path,
                                                                             caplog):
    await add_station(services, "TLS-E", 3)
    cert, key = client_files(tmp_path, site_ca[1], site_ca[2], "TLS-E", expired=True)
    await _tls_refused(tls_central.tls_url + "TLS-E", client_context(str(site_ca[0]), cert, key), caplog,
                       "its client certificate has expired")


async def test_a_certificate_from_another_ca_is_refused(services, tls_central, site_ca, tmp_path, caplog):
    await add_station(services, "TLS-O", 3)
    other_ca, other_key = pki.make_ca("another site", utcnow())
    cert, key = client_files(tmp_path, other_ca, other_key, "TLS-O")
    await _tls_refused(tls_central.tls_url + "TLS-O", client_context(str(site_ca[0]), cert, key), caplog,
                       "not issued by the site CA")


async def test_a_tls_1_1_client_is_refused(services, tls_central, site_ca, caplog):
    await add_station(services, "TLS-OLD", 2)
    context = client_context(str(site_ca[0]), maximum_version=ssl.TLSVersion.TLSv1_1)
    await _tls_refused(tls_central.tls_url + "TLS-OLD", context, caplog, "TLS version below 1.2")


async def test_profile_1_station_still_connects_on_plain_ws_beside_tls(services, tls_central):
    await add_station(services, "PLAIN-1", 1)
    st = SimulatedStation("PLAIN-1", tls_central.url, connectors=1)
    await st.start()
    try:
        await st.wait_accepted(10)
    finally:
        await st.stop()


async def test_tls_only_listener_opens_no_plain_port(services):
    from evdesk.csms.server import CentralSystem

    cs = CentralSystem(services, "127.0.0.1", 0, tls_port=0, listener="tls")
    await cs.start()
    try:
        assert cs.port is None and cs.tls_port
        ca_file = services.certificates.folder / "ca.pem"
        await add_station(services, "ONLY-TLS", 2)
        async with connect(cs.tls_url + "ONLY-TLS", subprotocols=["ocpp1.6"],
                           ssl=client_context(str(ca_file))) as ws:
            assert ws.subprotocol == "ocpp1.6"
    finally:
        await cs.stop()


async def test_a_charger_offering_only_ocpps_rsa_suite_gets_in(services, tls_central, site_ca):
    """OCPP lists TLS_RSA_WITH_AES_128_GCM_SHA256 as mandatory; Python's server default leaves it out."""
    await add_station(services, "RSA-ONLY", 2)
    context = client_context(str(site_ca[0]))
    context.maximum_version = ssl.TLSVersion.TLSv1_2
    context.set_ciphers("AES128-GCM-SHA256")
    async with connect(tls_central.tls_url + "RSA-ONLY", subprotocols=["ocpp1.6"], ssl=context) as ws:
        assert ws.transport.get_extra_info("cipher")[0] == "AES128-GCM-SHA256"


async def test_new_certificates_apply_to_the_next_handshake(services, tls_central, site_ca, tmp_path):
    await add_station(services, "RENEWED", 2)
    before = services.certificates.status().server.sha256
    await services.certificates.renew(None)
    after = services.certificates.status().server.sha256
    assert after != before
    async with connect(tls_central.tls_url + "RENEWED", subprotocols=["ocpp1.6"],
                       ssl=client_context(str(site_ca[0]))) as ws:
        der = ws.transport.get_extra_info("ssl_object").getpeercert(binary_form=True)
    from cryptography import x509
    assert pki.fingerprint(x509.load_der_x509_certificate(der)) == after


async def test_the_listener_mode_changes_without_a_restart(services):
    """Settings → Certificates: plain → both → TLS only → plain, on the running server. A station on a
    listener that closes is disconnected; one on a listener that stays keeps its connection."""
    import dataclasses

    from evdesk.csms.server import CentralSystem

    await add_station(services, "MODE-1", 1)
    await add_station(services, "MODE-2", 2, password="station-pass-123")
    cs = CentralSystem(services, "127.0.0.1", 0)  # follows the site setting (plain by default)
    await cs.start()
    stations = []
    try:
        assert cs._server is not None and cs._tls_server is None
        plain = SimulatedStation("MODE-1", cs.url, connectors=1)
        stations.append(plain)
        await plain.start()
        await plain.wait_accepted(10)
        plain_port = cs.port

        import socket

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            tls_port = probe.getsockname()[1]

        async def mode(listener: str) -> None:
            settings = dataclasses.replace(services.settings, ocpp_listener=listener, ocpp_tls_port=tls_port)
            await services.save_settings(settings, ctx=SYSTEM_CONTEXT)
            await wait_for(lambda: cs.listener == listener and (cs._tls_server is not None) == (listener != "plain")
                           and (cs._server is not None) == (listener != "tls"), 10, message=f"listener {listener}")

        await mode("both")
        secure = SimulatedStation("MODE-2", cs.tls_url, connectors=1, password="station-pass-123",
                                  ssl=client_context(str(services.certificates.folder / "ca.pem")))
        stations.append(secure)
        await secure.start()
        await secure.wait_accepted(10)
        assert cs.is_connected("MODE-1")  # the plain station stayed on

        await mode("tls")
        await wait_for(lambda: not cs.is_connected("MODE-1"), 10, message="the ws:// station was disconnected")
        assert cs.is_connected("MODE-2")
        with pytest.raises(OSError):  # nobody listens on ws:// any more
            async with connect(f"ws://127.0.0.1:{plain_port}/MODE-1", subprotocols=["ocpp1.6"], open_timeout=3):
                pass

        await mode("plain")
        assert cs.port == plain_port  # the same port as before: the stations' configuration holds
        await wait_for(lambda: cs.is_connected("MODE-1"), 20, message="the ws:// station reconnected")
        await wait_for(lambda: not cs.is_connected("MODE-2"), 10, message="the wss:// station was disconnected")
    finally:
        for st in stations:
            await st.stop()
        await cs.stop()
