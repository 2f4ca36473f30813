"""Certificate signing requests over real websockets: 2.0.1 SignCertificate and the 1.6 security extension
(ExtendedTriggerMessage → SignCertificate → CertificateSigned), signed by the site CA with CN = the station's
identity, on an admin's approval or automatically for adopted stations; then a profile-3 station connects
over wss:// with the certificate it got this way."""

from __future__ import annotations

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID

from evdesk.core import cert_pki as pki
from evdesk.core.errors import AccessDenied, NotFound
from evdesk.core.permissions import ADMIN, BASIC, SYSTEM_CONTEXT, OperatorContext
from evdesk.simulator import SimulatedStation
from evdesk.simulator.csr import key_pem
from evdesk.simulator.tls import client_context
from evdesk.simulator.v201 import SimulatedStation201
from evdesk.store import models as m
from tests.csms.test_security_profiles import add_station, site_ca, tls_central  # noqa: F401 (fixtures)
from tests.waiting import wait_for

ADMIN_CTX = OperatorContext(None, "Ada Admin", ADMIN)


def _leaf(chain: str):
    return pki.load_certificates(chain.encode())[0]


def _public(key) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


async def _security_events(services, station_id):
    await services.batch.flush()
    return await services.store.read(lambda: list(m.StationEvent.select(m.StationEvent.state, m.StationEvent.detail).where(
        m.StationEvent.station == station_id, m.StationEvent.kind == "security").tuples()))


async def test_201_csr_waits_for_an_admin_and_is_signed_with_cn_the_identity(services, tls_central, site_ca):
    info = await services.stations.create_station("CSR-201", connectors=1, ctx=SYSTEM_CONTEXT)
    st = SimulatedStation201(tls_central.url, "CSR-201", evses=1)
    await st.start()
    try:
        answer = await st.request_certificate(common_name="SOMEONE-ELSE")  # the CSR asks for another name
        assert answer["status"] == "Accepted"
        pending = services.station_csrs.pending(ADMIN_CTX)
        assert [(r.identity, r.ocpp_version) for r in pending] == [("CSR-201", "2.0.1")]
        assert "SOMEONE-ELSE" in pending[0].requested_subject
        assert st.certificate_chain is None  # nothing is signed without an admin (automatic signing is off)
        with pytest.raises(AccessDenied):
            services.station_csrs.pending(OperatorContext(None, "Bob Basic", BASIC))
        result = await tls_central.commands.approve_certificate_request(pending[0].id, ctx=ADMIN_CTX)
        assert result.ok, result.message
        leaf = _leaf(st.certificate_chain)
        assert leaf.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "CSR-201"
        assert pki.signed_by(leaf, site_ca[1])
        assert _public(leaf) == _public(st.certificate_key)  # the station's own key, from its CSR
        assert pki.load_certificates(st.certificate_chain.encode())[1].subject == site_ca[1].subject
        assert services.station_csrs.pending(ADMIN_CTX) == []
        with pytest.raises(NotFound):  # decided once
            await tls_central.commands.approve_certificate_request(pending[0].id, ctx=ADMIN_CTX)
        assert st.invalid_calls == []
    finally:
        await st.stop()
    states = [s for s, _ in await _security_events(services, info.id)]
    assert "CertificateRequested" in states and "CertificateSigned" in states


async def test_201_refused_request_and_a_broken_csr(services, tls_central, site_ca):
    info = await services.stations.create_station("CSR-R", connectors=1, ctx=SYSTEM_CONTEXT)
    st = SimulatedStation201(tls_central.url, "CSR-R", evses=1)
    await st.start()
    try:
        assert (await st.call("SignCertificate", {"csr": "not a csr"}))["status"] == "Rejected"
        assert services.station_csrs.pending(ADMIN_CTX) == []
        assert (await st.request_certificate())["status"] == "Accepted"
        (request,) = services.station_csrs.pending(ADMIN_CTX)
        tls_central.commands.refuse_certificate_request(request.id, ctx=ADMIN_CTX)
        assert services.station_csrs.pending(ADMIN_CTX) == [] and st.certificate_chain is None
    finally:
        await st.stop()
    states = [s for s, _ in await _security_events(services, info.id)]
    assert "CertificateRequestRejected" in states and "CertificateRequestRefused" in states


async def test_requests_are_listed_only_for_admins_of_the_stations_domain(services, tls_central, site_ca):
    depot = await services.groups.add(SYSTEM_CONTEXT, "Depot")
    other = await services.groups.add(SYSTEM_CONTEXT, "Other")
    await services.stations.create_station("CSR-D", connectors=1, group_id=depot.id, ctx=SYSTEM_CONTEXT)
    st = SimulatedStation201(tls_central.url, "CSR-D", evses=1)
    await st.start()
    try:
        assert (await st.request_certificate())["status"] == "Accepted"
        depot_admin = OperatorContext(None, "Dora", ADMIN, base_group_id=depot.id, domain_groups=frozenset({depot.id}))
        other_admin = OperatorContext(None, "Olga", ADMIN, base_group_id=other.id, domain_groups=frozenset({other.id}))
        assert services.station_csrs.pending(other_admin) == []
        (request,) = services.station_csrs.pending(depot_admin)
        with pytest.raises(AccessDenied):
            await tls_central.commands.approve_certificate_request(request.id, ctx=other_admin)
        assert (await tls_central.commands.approve_certificate_request(request.id, ctx=depot_admin)).ok
        await wait_for(lambda: st.certificate_chain)
    finally:
        await st.stop()


async def test_16_extended_trigger_signs_automatically_and_the_station_connects_on_profile_3(
        services, tls_central, site_ca, tmp_path):
    services.settings.sign_station_certificates_automatically = True
    info = await services.stations.create_station("CSR-16", connectors=1, ctx=SYSTEM_CONTEXT)
    st = SimulatedStation("CSR-16", tls_central.url, connectors=1)
    await st.start()
    try:
        await st.wait_accepted(10)
        result = await tls_central.commands.request_station_certificate(info.id, ctx=ADMIN_CTX)
        assert result.ok, result.message  # ExtendedTriggerMessage accepted
        chain = await wait_for(lambda: st.certificate_chain, timeout=15)
        leaf = _leaf(chain)
        assert leaf.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "CSR-16"
        assert pki.signed_by(leaf, site_ca[1])
        assert services.station_csrs.pending(ADMIN_CTX) == []
    finally:
        await st.stop()
    rows = await services.store.read(lambda: list(m.ActionLog.select(m.ActionLog.action).where(
        m.ActionLog.station == info.id).tuples()))
    assert ("ExtendedTriggerMessage",) in rows and ("CertificateSigned",) in rows
    # step 4: the station moves to profile 3 and connects over wss:// with the certificate it got
    await add_station_profile(services, info, 3)
    cert_path, key_path = tmp_path / "csr16.pem", tmp_path / "csr16.key"
    cert_path.write_text(chain)
    key_path.write_bytes(key_pem(st.certificate_key))
    secure = SimulatedStation("CSR-16", tls_central.tls_url, connectors=1,
                              ssl=client_context(str(site_ca[0]), str(cert_path), str(key_path)))
    await secure.start()
    try:
        await secure.wait_accepted(10)
        assert tls_central.is_connected("CSR-16")
    finally:
        await secure.stop()


async def test_a_station_waiting_for_adoption_gets_no_certificate(services, tls_central, site_ca):
    from evdesk.simulator.v201.station import CallErrorReceived

    services.settings.sign_station_certificates_automatically = True
    st = SimulatedStation201(tls_central.url, "CSR-NEW", evses=1)  # unknown: waits for adoption
    await st.start(wait_accepted=False)
    try:
        await wait_for(lambda: tls_central.is_connected("CSR-NEW"))
        with pytest.raises(CallErrorReceived):  # it may only boot until an admin adopts it
            await st.request_certificate()
        assert services.station_csrs.pending(ADMIN_CTX) == [] and st.certificate_chain is None
    finally:
        await st.stop()


async def add_station_profile(services, info, profile: int):
    fresh = services.stations.get_by_id(info.id)
    return await services.stations.update_station(fresh.id, fresh.version, ctx=SYSTEM_CONTEXT, security_profile=profile)


async def test_a_pending_request_survives_a_restart_and_leaves_the_store_once_decided(services, tls_central, site_ca):
    """The station heard Accepted only after its request was written: a restart of evdesk (a new
    request service reading the store) shows it waiting still; once signed it is gone from the store."""
    from evdesk.core.station_csr import StationCertificateRequests

    await services.stations.create_station("CSR-KEEP", connectors=1, ctx=SYSTEM_CONTEXT)
    st = SimulatedStation201(tls_central.url, "CSR-KEEP", evses=1)
    await st.start()
    try:
        assert (await st.request_certificate())["status"] == "Accepted"
        kept = await services.store.read(lambda: list(m.PendingCertificateRequest.select().dicts()))
        assert len(kept) == 1 and "BEGIN CERTIFICATE REQUEST" in kept[0]["csr_pem"]
        restarted = StationCertificateRequests(services.store, services.batch, services.certificates,
                                               services.stations, services.settings, services.bus)
        await restarted.load()
        (waiting,) = restarted.pending(ADMIN_CTX)
        assert (waiting.identity, waiting.ocpp_version, waiting.id) == ("CSR-KEEP", "2.0.1", kept[0]["id"])
        assert (await st.request_certificate())["status"] == "Accepted"  # asked again: replaces the first
        assert await services.store.read(lambda: m.PendingCertificateRequest.select().count()) == 1
        (newest,) = services.station_csrs.pending(ADMIN_CTX)
        result = await tls_central.commands.approve_certificate_request(newest.id, ctx=ADMIN_CTX)
        assert result.ok, result.message
        await wait_for(lambda: services.store.read(lambda: not m.PendingCertificateRequest.select().exists()), 5,
                       message="the decided request left the store")
    finally:
        await st.stop()
