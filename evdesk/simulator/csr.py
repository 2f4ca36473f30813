"""The station side of certificate signing (security profile 3): a new key and a PEM CSR, and the
chain the CSMS sent back. The station keeps its key; the CSMS only sees the CSR."""

from __future__ import annotations

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def new_csr(common_name: str, organisation: str = "evdesk simulator"):
    """(private key, CSR PEM text)."""
    key = ec.generate_private_key(ec.SECP256R1())
    csr = (x509.CertificateSigningRequestBuilder()
           .subject_name(x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
                                    x509.NameAttribute(NameOID.COMMON_NAME, common_name)]))
           .sign(key, hashes.SHA256()))
    return key, csr.public_bytes(serialization.Encoding.PEM).decode("ascii")


def key_pem(key) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def certificate_hash_data(pem: str) -> dict:
    """CertificateHashData (camelCase) of a PEM certificate, SHA256 as OCPP defines it: the issuer's
    name (DER) and the issuer's public key hashed, the serial number in hex."""
    cert = x509.load_pem_x509_certificate(pem.encode())
    name_hash = hashes.Hash(hashes.SHA256())
    name_hash.update(cert.issuer.public_bytes())
    key_hash = hashes.Hash(hashes.SHA256())  # a self-signed root: its own key is the issuer's
    key_hash.update(cert.public_key().public_bytes(serialization.Encoding.DER,
                                                   serialization.PublicFormat.SubjectPublicKeyInfo))
    return {"hashAlgorithm": "SHA256", "issuerNameHash": name_hash.finalize().hex(),
            "issuerKeyHash": key_hash.finalize().hex(), "serialNumber": format(cert.serial_number, "x")}


class CertificateStore:
    """The certificates installed on a simulated station, by kind; answers the three requests alike in
    both versions (payloads camelCase)."""

    def __init__(self) -> None:
        self.installed: dict[str, list[str]] = {}

    def install(self, kind: str, pem: str) -> str:
        try:
            certificate_hash_data(pem)
        except ValueError:
            return "Rejected"
        self.installed.setdefault(kind, []).append(pem)
        return "Accepted"

    def ids(self, kinds: list[str]) -> list[tuple[str, dict]]:
        return [(k, certificate_hash_data(pem)) for k in kinds for pem in self.installed.get(k, [])]

    def delete(self, hash_data: dict) -> str:
        for kind, pems in self.installed.items():
            for pem in pems:
                if certificate_hash_data(pem) == hash_data:
                    pems.remove(pem)
                    return "Accepted"
        return "NotFound"
