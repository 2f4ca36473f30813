"""TLS for simulated stations (security profiles 2 and 3): the client side of wss://.

A station trusts the CSMS's CA file (evdesk's "Export CA") and, on profile 3, presents
its own certificate and key. Host names are checked like a real charger does when the
URL names the server as its certificate does (evdesk's names this computer's addresses
and 127.0.0.1)."""

from __future__ import annotations

import ssl


def client_context(ca_file: str, cert_file: str | None = None, key_file: str | None = None,
                   maximum_version: ssl.TLSVersion | None = None) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=ca_file)
    if cert_file:
        context.load_cert_chain(cert_file, key_file)
    if maximum_version is not None:  # tests: an old charger that stops at TLS 1.1
        context.minimum_version = ssl.TLSVersion.MINIMUM_SUPPORTED
        context.maximum_version = maximum_version
        if maximum_version < ssl.TLSVersion.TLSv1_2:
            context.set_ciphers("DEFAULT:@SECLEVEL=0")  # OpenSSL 3 offers TLS 1.0/1.1 only at level 0
    return context
