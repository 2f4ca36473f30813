"""Making and reading X.509 certificates for the site (the `cryptography` package).

Rules decided here, and why:
* RSA 2048 keys for the site CA and the server certificate: the key type every charger
  that does TLS accepts (the OCPP 1.6 security whitepaper allows RSA >= 2048 or
  ECC P-256; some charger TLS stacks only do RSA).
* The CA lives 10 years (chargers are given it once and keep it); the server certificate
  397 days (the longest that TLS clients following the CA/Browser rules accept) and is
  renewed from the same CA, so chargers that trust the CA never notice a renewal.
* The server certificate names this computer: its host name (and `<host>.local`),
  `localhost`, each LAN address and the loopback addresses, as subject alternative names.
* Station (client) certificates for security profile 3 carry the station identity as the
  subject common name (OCPP: "the CN must be the charge point identity").
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from datetime import datetime, timedelta

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_DAYS = 3650
SERVER_DAYS = 397
CLIENT_DAYS = 825


@dataclass(frozen=True)
class CertificateInfo:
    """What an operator checks on a certificate."""
    subject: str
    issuer: str
    dns_names: tuple[str, ...]
    ip_addresses: tuple[str, ...]
    not_before: datetime
    not_after: datetime
    sha256: str  # "AB:CD:..." over the DER bytes, as chargers' set-up pages show it
    serial: str
    is_ca: bool

    @property
    def sans(self) -> tuple[str, ...]:
        return self.dns_names + self.ip_addresses


def new_key(kind: str = "rsa"):
    if kind == "ec":
        return ec.generate_private_key(ec.SECP256R1())
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _name(common_name: str, organisation: str = "") -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COMMON_NAME, common_name[:64])]
    if organisation:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation[:64]))
    return x509.Name(parts)


def make_ca(site_name: str, now: datetime, days: int = CA_DAYS, key=None):
    """(certificate, key) of a new site CA."""
    key = key or new_key()
    name = _name(f"{site_name} charging CA", site_name)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                     content_commitment=False, key_encipherment=False, data_encipherment=False,
                                     key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return cert, key


def _leaf(ca_cert, ca_key, subject: x509.Name, key, not_before: datetime, not_after: datetime,
          usage, sans: list[x509.GeneralName]):
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject).issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before).not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
    )
    if sans:
        builder = builder.add_extension(x509.SubjectAlternativeName(sans), critical=False)
    return builder.sign(ca_key, hashes.SHA256())


def make_server_certificate(ca_cert, ca_key, common_name: str, dns_names: list[str], ip_addresses: list[str],
                            now: datetime, days: int = SERVER_DAYS, key=None):
    """(certificate, key) for evdesk's wss:// listener, signed by the site CA."""
    key = key or new_key()
    sans: list[x509.GeneralName] = [x509.DNSName(n) for n in dict.fromkeys(dns_names) if n]
    sans += [x509.IPAddress(ipaddress.ip_address(a)) for a in dict.fromkeys(ip_addresses)]
    cert = _leaf(ca_cert, ca_key, _name(common_name), key, now - timedelta(minutes=5), now + timedelta(days=days),
                 ExtendedKeyUsageOID.SERVER_AUTH, sans)
    return cert, key


def make_client_certificate(ca_cert, ca_key, identity: str, now: datetime, days: int = CLIENT_DAYS, key=None,
                            not_before: datetime | None = None):
    """(certificate, key) for a station on security profile 3: CN = its identity."""
    key = key or new_key("ec")
    start = not_before or now - timedelta(minutes=5)
    cert = _leaf(ca_cert, ca_key, _name(identity), key, start, now + timedelta(days=days),
                 ExtendedKeyUsageOID.CLIENT_AUTH, [])
    return cert, key


def fingerprint(cert) -> str:
    return ":".join(f"{b:02X}" for b in cert.fingerprint(hashes.SHA256()))


def describe(cert) -> CertificateInfo:
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        dns = tuple(san.get_values_for_type(x509.DNSName))
        ips = tuple(str(a) for a in san.get_values_for_type(x509.IPAddress))
    except x509.ExtensionNotFound:
        dns, ips = (), ()
    try:
        is_ca = cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        is_ca = False
    return CertificateInfo(
        subject=cert.subject.rfc4514_string(), issuer=cert.issuer.rfc4514_string(), dns_names=dns, ip_addresses=ips,
        not_before=cert.not_valid_before_utc, not_after=cert.not_valid_after_utc, sha256=fingerprint(cert),
        serial=f"{cert.serial_number:X}", is_ca=is_ca)


# -- files -------------------------------------------------------------------
def cert_pem(cert) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def cert_der(cert) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


def key_pem(key) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


class CertificateProblem(ValueError):
    """A certificate the site gave that cannot be used; the message says why, for an operator."""


def load_certificates(pem: bytes) -> list:
    try:
        certs = x509.load_pem_x509_certificates(pem)
    except ValueError:
        raise CertificateProblem("The certificate file is not a PEM certificate (-----BEGIN CERTIFICATE-----).") \
            from None
    return certs


def load_key(pem: bytes):
    try:
        return serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError):
        raise CertificateProblem("The key file is not an unencrypted PEM private key.") from None


def signed_by(cert, issuer) -> bool:
    """True when `issuer`'s key signed `cert`."""
    if cert.issuer != issuer.subject:
        return False
    public = issuer.public_key()
    try:
        if isinstance(public, rsa.RSAPublicKey):
            public.verify(cert.signature, cert.tbs_certificate_bytes, padding.PKCS1v15(),
                          cert.signature_hash_algorithm)
        elif isinstance(public, ec.EllipticCurvePublicKey):
            public.verify(cert.signature, cert.tbs_certificate_bytes, ec.ECDSA(cert.signature_hash_algorithm))
        else:
            return False
    except InvalidSignature:
        return False
    return True


def check_own_certificate(cert_pem_bytes: bytes, key_pem_bytes: bytes, chain_pem_bytes: bytes, now: datetime):
    """A certificate the site gives evdesk: (leaf, key, chain) or CertificateProblem.

    Checked: the key belongs to the certificate; the certificate is valid now; each
    certificate of the chain (the leaf's file may carry it, or the chain file) signed
    the one before it, and the chain ends in a CA (the top is what stations on profile 3
    are checked against)."""
    certs = load_certificates(cert_pem_bytes)
    leaf, chain = certs[0], certs[1:]
    if chain_pem_bytes.strip():
        chain += load_certificates(chain_pem_bytes)
    key = load_key(key_pem_bytes)
    if key.public_key().public_numbers() != leaf.public_key().public_numbers():
        raise CertificateProblem("The key does not belong to this certificate.")
    if leaf.not_valid_after_utc <= now:
        raise CertificateProblem(f"The certificate expired on {leaf.not_valid_after_utc:%Y-%m-%d}.")
    if leaf.not_valid_before_utc > now:
        raise CertificateProblem(f"The certificate is valid only from {leaf.not_valid_before_utc:%Y-%m-%d}.")
    if not chain:
        raise CertificateProblem("Give the CA certificate that issued this certificate (the chain): stations "
                                 "check evdesk against it.")
    below = leaf
    for issuer in chain:
        if not signed_by(below, issuer):
            raise CertificateProblem(f"The chain is broken: {describe(below).subject} was not signed by "
                                     f"{describe(issuer).subject}.")
        if issuer.not_valid_after_utc <= now:
            raise CertificateProblem(f"The CA certificate {describe(issuer).subject} has expired.")
        below = issuer
    if not describe(chain[-1]).is_ca:
        raise CertificateProblem("The last certificate of the chain is not a CA certificate.")
    return leaf, key, chain
