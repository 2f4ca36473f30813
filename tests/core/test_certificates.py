"""The site CA and server certificate: SANs, fingerprints, key files, renewal with an injectable clock,
the site's own certificate (validated), CA export, and who may."""

from __future__ import annotations

import stat
from datetime import datetime, timedelta, timezone

import pytest
from cryptography import x509

from evdesk.core import cert_pki as pki
from evdesk.core import events as ev
from evdesk.core.certificates import AUTO_RENEW_DAYS, CertificateService
from evdesk.core.errors import AccessDenied, ValidationError
from evdesk.core.permissions import ADMIN, BASIC, OperatorContext
from evdesk.settings import SiteSettings

SITE_ADMIN = OperatorContext(None, "Ada Admin", ADMIN)
START = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def service(tmp_path, clock=None, bus=None) -> CertificateService:
    return CertificateService(tmp_path / "tls", bus or ev.EventBus(), SiteSettings(site_name="Depot North"),
                              clock=clock or Clock(START),
                              names=lambda: (["deskpc", "deskpc.local", "localhost"],
                                             ["192.168.1.20", "fd00::2", "127.0.0.1", "::1"]))


async def test_generate_makes_a_ca_and_a_server_certificate_naming_this_computer(tmp_path):
    certs = service(tmp_path)
    await certs.start()
    status = await certs.generate(SITE_ADMIN)
    assert status.source == "generated" and status.ca.is_ca and not status.server.is_ca
    assert status.server.dns_names == ("deskpc", "deskpc.local", "localhost")
    assert status.server.ip_addresses == ("192.168.1.20", "fd00::2", "127.0.0.1", "::1")
    assert status.server.issuer == status.ca.subject and "Depot North" in status.ca.subject
    # SHA-256 fingerprints as chargers show them: 32 bytes in hex pairs
    assert len(status.ca.sha256.split(":")) == 32
    ca = pki.load_certificates((tmp_path / "tls" / "ca.pem").read_bytes())[0]
    server = pki.load_certificates((tmp_path / "tls" / "server.pem").read_bytes())[0]
    assert pki.signed_by(server, ca) and pki.fingerprint(ca) == status.ca.sha256
    assert server.not_valid_after_utc - START > timedelta(days=390)
    for key_file in ("ca.key", "server.key"):
        assert stat.S_IMODE((tmp_path / "tls" / key_file).stat().st_mode) == 0o600
    # reloading from the files shows the same
    again = service(tmp_path)
    await again.start()
    assert again.status().server.sha256 == status.server.sha256


async def test_ca_export_in_pem_and_der_for_admins_only(tmp_path):
    certs = service(tmp_path)
    await certs.start()
    with pytest.raises(ValidationError):
        certs.export_ca(SITE_ADMIN)
    await certs.generate(SITE_ADMIN)
    pem, der = certs.export_ca(SITE_ADMIN, "pem"), certs.export_ca(SITE_ADMIN, "der")
    assert x509.load_der_x509_certificate(der) == x509.load_pem_x509_certificate(pem)
    with pytest.raises(AccessDenied):
        certs.export_ca(OperatorContext(None, "Bob", BASIC))
    with pytest.raises(AccessDenied):
        certs.status(OperatorContext(None, "Bob", BASIC))


async def test_only_a_whole_site_admin_generates(tmp_path):
    certs = service(tmp_path)
    await certs.start()
    group_admin = OperatorContext(None, "Gus", ADMIN, base_group_id=__import__("uuid").uuid4(),
                                  domain_groups=frozenset())
    for ctx in (OperatorContext(None, "Bob", BASIC), group_admin):
        with pytest.raises(AccessDenied):
            await certs.generate(ctx)


async def test_renewal_warns_days_ahead_and_renews_a_generated_certificate_before_expiry(tmp_path):
    clock = Clock(START)
    bus = ev.EventBus()
    changed = []
    bus.subscribe(ev.CertificatesChanged, changed.append)
    certs = service(tmp_path, clock, bus)
    await certs.start()
    generated = await certs.generate(SITE_ADMIN)
    first, ca_print = generated.server, generated.ca.sha256
    assert certs.warning() == ""
    clock.now = first.not_after - timedelta(days=29)  # within the 30 warning days
    assert f"expires on {first.not_after:%Y-%m-%d}" in certs.warning()
    assert not await certs.renew_if_due()  # not yet in the renewal window
    clock.now = first.not_after - timedelta(days=AUTO_RENEW_DAYS - 1)
    before = len(changed)
    assert await certs.renew_if_due()
    renewed = certs.status().server
    assert renewed.sha256 != first.sha256 and renewed.not_after > first.not_after
    assert certs.status().ca.sha256 == ca_print  # same CA: chargers notice nothing
    assert len(changed) > before and certs.warning() == ""


async def test_the_sites_own_certificate_is_validated(tmp_path):
    certs = service(tmp_path)
    await certs.start()
    ca, ca_key = pki.make_ca("Corporate", START)
    leaf, key = pki.make_server_certificate(ca, ca_key, "csms.example", ["csms.example"], [], START)
    other_key = pki.new_key("ec")
    with pytest.raises(ValidationError, match="key does not belong"):
        await certs.use_own(SITE_ADMIN, pki.cert_pem(leaf), pki.key_pem(other_key), pki.cert_pem(ca))
    with pytest.raises(ValidationError, match="chain"):
        await certs.use_own(SITE_ADMIN, pki.cert_pem(leaf), pki.key_pem(key), b"")
    stranger, _ = pki.make_ca("Stranger", START)
    with pytest.raises(ValidationError, match="not signed by"):
        await certs.use_own(SITE_ADMIN, pki.cert_pem(leaf), pki.key_pem(key), pki.cert_pem(stranger))
    old, old_key = pki.make_server_certificate(ca, ca_key, "old", ["old"], [], START - timedelta(days=500), days=30)
    with pytest.raises(ValidationError, match="expired"):
        await certs.use_own(SITE_ADMIN, pki.cert_pem(old), pki.key_pem(old_key), pki.cert_pem(ca))
    status = await certs.use_own(SITE_ADMIN, pki.cert_pem(leaf), pki.key_pem(key), pki.cert_pem(ca))
    assert status.source == "own" and status.ca is None and status.server.dns_names == ("csms.example",)
    assert status.client_ca.subject == pki.describe(ca).subject
    assert x509.load_pem_x509_certificate(certs.export_ca(SITE_ADMIN)) == ca
    with pytest.raises(ValidationError, match="renewed by the site"):
        await certs.renew(SITE_ADMIN)
