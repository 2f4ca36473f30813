"""HTTPS for the API when the site has a certificate: a real TLS handshake on 127.0.0.1."""

from __future__ import annotations

import datetime
import ipaddress
import ssl

import aiohttp
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from evdesk.api.server import ApiServer, tls_context
from evdesk.core.errors import EvdeskError
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.store import models as m


def self_signed(folder):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "evdesk test site")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "site.crt", folder / "site.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


async def test_api_over_https_with_the_site_certificate(services, central, tmp_path):
    cert, key = self_signed(tmp_path)
    server = ApiServer(services, central, "127.0.0.1", 0, tls_context(cert, key))
    await server.start()
    try:
        assert server.url.startswith("https://127.0.0.1:")
        await services.store.run(lambda: m.Operator.create(username="ada", role="admin", status="active"))
        _info, api_key = await server.keys.create(SYSTEM_CONTEXT, "ada", "tls")
        trust = ssl.create_default_context(cafile=str(cert))
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{server.url}/me", ssl=trust, headers={"Authorization": f"Bearer {api_key}"}) as resp:
                assert resp.status == 200
            with pytest.raises(aiohttp.ClientError):  # plain HTTP to the HTTPS port does not get through
                async with session.get(server.url.replace("https", "http") + "/me") as resp:
                    assert resp.status >= 400
                    raise aiohttp.ClientError("refused")
    finally:
        await server.stop()


def test_an_unusable_certificate_is_explained(tmp_path):
    (tmp_path / "broken.pem").write_text("not a certificate")
    with pytest.raises(EvdeskError, match="broken.pem"):
        tls_context(tmp_path / "broken.pem")
