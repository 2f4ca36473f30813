"""TLS handshake storm: 1,000 stations connect to evdesk's wss:// listener at once (issue 15: "within 60 s").

    python tests/benchmarks/tls_handshake_benchmark.py                  # 1,000 stations, half on profile 3
    python tests/benchmarks/tls_handshake_benchmark.py --stations 2000 --profile3-share 0

The server is evdesk itself (services on a temporary SQLite site, `CentralSystem` with the
TLS-only listener, its generated site CA and RSA-2048 server certificate) in this process.
The stations are raw websockets clients in ANOTHER process (`--client` mode of this file),
all dialling at the same moment after a start signal: profile-2 stations trust the CA,
profile-3 stations also present their own client certificate (EC P-256, issued by the site
CA, CN = identity). A station counts as connected when its websocket is open (TLS
handshake + HTTP upgrade with the profile checks), then it sends one BootNotification
and waits for the answer, so the connection really is served. The client process measures
each station's handshake time (connect() start to open) and the time until all are open.

Prints: time to all connected, handshake latency p50/p99/max, boots answered, failures,
and the server's TLS refusals (should be 0). The machine may be shared: say so with the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import ssl
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


# -- the stations (client process) -----------------------------------------------------------------
async def _one_station(url: str, identity: str, context: ssl.SSLContext, start: float, results: list,
                       all_open: asyncio.Event, opened: list, total: int) -> None:
    from websockets.asyncio.client import connect

    t0 = time.perf_counter()
    try:
        ws = await connect(url + identity, subprotocols=["ocpp1.6"], ssl=context, open_timeout=120,
                           compression=None, ping_interval=None)
    except Exception as exc:  # noqa: BLE001 - counted and reported
        results.append({"identity": identity, "error": f"{type(exc).__name__}: {exc}"[:200]})
        opened.append(None)
        if len(opened) >= total:
            all_open.set()
        return
    t1 = time.perf_counter()
    opened.append(t1 - start)
    if len(opened) >= total:
        all_open.set()
    booted = False
    try:
        await ws.send(json.dumps([2, f"b-{identity}", "BootNotification",
                                  {"chargePointVendor": "Bench", "chargePointModel": "TLS"}]))
        answer = json.loads(await asyncio.wait_for(ws.recv(), 60))
        booted = answer[0] == 3
        await all_open.wait()  # hold the connection until every station is in
    except Exception:  # noqa: BLE001
        pass
    finally:
        results.append({"identity": identity, "handshake": t1 - t0, "booted": booted})
        await ws.close()


async def _clients(spec: dict) -> dict:
    contexts = {}
    base = ssl.create_default_context(cafile=spec["ca"])
    for identity, pair in spec["stations"].items():
        if pair:
            ctx = ssl.create_default_context(cafile=spec["ca"])
            ctx.load_cert_chain(pair[0], pair[1])
            contexts[identity] = ctx
        else:
            contexts[identity] = base
    results: list = []
    opened: list = []
    all_open = asyncio.Event()
    print("ready", flush=True)
    sys.stdin.readline()  # the start signal: every station dials at once
    start = time.perf_counter()
    tasks = [asyncio.create_task(_one_station(spec["url"], i, contexts[i], start, results, all_open, opened,
                                              len(contexts))) for i in contexts]
    await asyncio.gather(*tasks)
    ok = [r for r in results if "handshake" in r]
    return {"results": results, "all_open_s": max((o for o in opened if o is not None), default=None),
            "connected": len(ok), "failed": len(results) - len(ok), "booted": sum(1 for r in ok if r["booted"])}


def client_main(spec_file: str) -> None:
    spec = json.loads(Path(spec_file).read_text())
    summary = asyncio.run(_clients(spec))
    Path(spec_file + ".out").write_text(json.dumps(summary))
    print("done", flush=True)


# -- the server (this process) ---------------------------------------------------------------------
def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


async def run(stations: int, profile3_share: float) -> None:
    from evdesk.core import cert_pki as pki
    from evdesk.core.clock import utcnow
    from evdesk.core.permissions import SYSTEM_CONTEXT
    from evdesk.core.services import Services
    from evdesk.csms.server import CentralSystem
    from evdesk.settings import SiteSettings
    from evdesk.store.database import Store

    folder = Path(tempfile.mkdtemp(prefix="evdesk-tls-bench-"))
    store = Store.sqlite(folder / "evdesk.db")
    store.open()
    services = Services(store, SiteSettings(post_boot_quiet_seconds=300, boot_accept_rate=10_000))
    await services.start(load_settings=False)
    central = CentralSystem(services, "127.0.0.1", 0, tls_port=0, listener="tls")
    await central.start()
    refusals = []

    class Count(logging.Handler):
        def emit(self, record):
            if "refused" in record.getMessage():
                refusals.append(record.getMessage())

    for name in ("evdesk.csms.server", "evdesk.csms.handshake"):  # TLS refusals, then the handshake's own
        logging.getLogger(name).addHandler(Count())
    tls = services.certificates.folder
    ca = pki.load_certificates((tls / "ca.pem").read_bytes())[0]
    ca_key = pki.load_key((tls / "ca.key").read_bytes())
    certs = folder / "clients"
    certs.mkdir()
    spec_stations = {}
    made = time.perf_counter()
    profile3 = int(stations * profile3_share)
    for n in range(stations):
        identity = f"TLS{n:05d}"
        info = await services.stations.create_station(identity, ctx=SYSTEM_CONTEXT)
        on_3 = n < profile3
        await services.stations.update_station(info.id, info.version, ctx=SYSTEM_CONTEXT,
                                               security_profile=3 if on_3 else 2)
        if on_3:
            cert, key = pki.make_client_certificate(ca, ca_key, identity, utcnow())
            (certs / f"{identity}.pem").write_bytes(pki.cert_pem(cert))
            (certs / f"{identity}.key").write_bytes(pki.key_pem(key))
            spec_stations[identity] = [str(certs / f"{identity}.pem"), str(certs / f"{identity}.key")]
        else:
            spec_stations[identity] = None
    print(f"prepared {stations} stations ({profile3} on profile 3 with client certificates, the rest on profile 2) "
          f"in {time.perf_counter() - made:.1f} s; server wss://127.0.0.1:{central.tls_port}/", flush=True)
    spec_file = folder / "spec.json"
    spec_file.write_text(json.dumps({"url": central.tls_url, "ca": str(tls / "ca.pem"), "stations": spec_stations}))
    proc = await asyncio.create_subprocess_exec(sys.executable, __file__, "--client", str(spec_file),
                                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=str(ROOT))
    assert (await proc.stdout.readline()).strip() == b"ready"
    lag: list[float] = []

    async def watch_loop() -> None:
        while True:
            t = time.perf_counter()
            await asyncio.sleep(0.05)
            lag.append(time.perf_counter() - t - 0.05)

    watcher = asyncio.create_task(watch_loop())
    proc.stdin.write(b"go\n")
    await proc.stdin.drain()
    await proc.stdout.readline()
    await proc.wait()
    summary = json.loads(Path(str(spec_file) + ".out").read_text())
    watcher.cancel()
    handshakes = [r["handshake"] * 1000 for r in summary["results"] if "handshake" in r]
    errors = [r["error"] for r in summary["results"] if "error" in r]
    print(f"TLS handshake storm: {stations} stations dialling at once, {profile3} with client certificates")
    if summary["all_open_s"] is not None:
        print(f"  time to all connected: {summary['all_open_s']:.2f} s (goal: within 60 s)")
    print(f"  connected {summary['connected']}, failed {summary['failed']}, BootNotification answered "
          f"{summary['booted']}")
    if handshakes:
        print(f"  handshake latency (TLS + websocket upgrade): p50 {_pct(handshakes, 50):.0f} ms, "
              f"p99 {_pct(handshakes, 99):.0f} ms, max {max(handshakes):.0f} ms")
    if lag:
        print(f"  server event-loop lag during the storm: p99 {_pct(lag, 99) * 1000:.0f} ms, "
              f"max {max(lag) * 1000:.0f} ms")
    print(f"  refusals logged by the server: {len(refusals)}")
    for text in sorted(set(errors))[:5]:
        print(f"  client error: {text}")
    await central.stop()
    await services.stop()
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stations", type=int, default=1000)
    parser.add_argument("--profile3-share", type=float, default=0.5, help="share of stations on profile 3 (0..1)")
    parser.add_argument("--client", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client:
        client_main(args.client)
        return
    logging.basicConfig(level=logging.WARNING)
    os.environ.setdefault("PYTHONHASHSEED", "0")
    asyncio.run(run(args.stations, args.profile3_share))


if __name__ == "__main__":
    main()
