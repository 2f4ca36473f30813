"""How a benchmark charger dials (used by chargers.py and chargers201.py): TLS and basic auth.

* `--ca FILE`: the central system's CA (PEM); a wss:// URL is then verified against it (the
  server's name included), as a charger that was given the site's CA does. A wss:// URL
  without --ca uses the system's trust store.
* `--password TEXT`: HTTP basic auth with the charger's identity as the user name (OCPP
  security profiles 1 and 2); none without it.
* `--source-net A.B`: each charger dials from its own loopback address A.B.x.y (Linux routes
  all of 127.0.0.0/8 to lo), as a real fleet does from its own addresses; without it all
  dial from 127.0.0.1, like chargers behind one router.
"""

from __future__ import annotations

import base64
import re
import ssl


def add_arguments(parser) -> None:
    parser.add_argument("--ca", default="", help="CA certificate (PEM) a wss:// server is verified against")
    parser.add_argument("--password", default="", help="basic-auth password (the user is the charger's identity)")
    parser.add_argument("--source-net", default="", help="dial from 127.x addresses A.B.x.y, one per charger (e.g. 127.16)")


def dial_options(args, identity: str) -> dict:
    """Keyword arguments for websockets' connect(): ssl context and Authorization header."""
    options: dict = {}
    if args.url.startswith("wss://"):
        context = getattr(args, "_tls_context", None)
        if context is None:  # one context for every charger of this process: its CA is read once
            context = ssl.create_default_context(cafile=args.ca or None)
            args._tls_context = context
        options["ssl"] = context
    if args.source_net:
        number = int(re.search(r"(\d+)$", identity).group(1))  # the identity's number: its own address
        options["local_addr"] = (f"{args.source_net}.{number // 250 % 256}.{number % 250 + 1}", 0)
    if args.password:
        token = base64.b64encode(f"{identity}:{args.password}".encode()).decode()
        options["additional_headers"] = {"Authorization": f"Basic {token}"}
    return options
