"""Authorization decision latency with a big site: 100,000 tokens of 10,000 users.

    python tests/benchmarks/auth_benchmark.py [--tokens 100000] [--users 10000] [--decisions 20000] [--profiles 0]

Seeds a temporary SQLite store (users in 20 user groups, access rights on charging
groups, a private and a public station), starts the services (which load the
in-memory index) and times `AuthorizationService.authorize()` as the OCPP handlers
call it: known tokens at the private and public station, with the case changed,
with a vendor suffix, and unknown tags. Prints load time and p50/p99/max. With
`--profiles N`, N access profiles (each two user groups, two time windows, covering the
whole site) take part in every decision, and the local list a station would get is built.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from evdesk.core.permissions import SYSTEM_CONTEXT  # noqa: E402
from evdesk.core.services import Services  # noqa: E402
from evdesk.settings import SiteSettings  # noqa: E402
from evdesk.store import models as m  # noqa: E402
from evdesk.store.database import Store  # noqa: E402


def seed(n_tokens: int, n_users: int) -> list[str]:
    db = m.Token._meta.database
    uuid7 = m.base.uuid7
    with db.atomic():
        root = m.ChargingGroup.create(name="Site")
        groups = [m.ChargingGroup.create(name=f"Depot {i}", parent=root.id).id for i in range(10)]
        ugroups = [m.UserGroup.create(name=f"Team {i}").id for i in range(20)]
        users = [{"id": uuid7(), "first_name": f"User{i}", "last_name": "Bench", "email": f"u{i}@bench.test",
                  "user_group": ugroups[i % 20], "status": "active" if i % 50 else "disabled"} for i in range(n_users)]
        for i in range(0, len(users), 100):
            m.ChargingUser.insert_many(users[i:i + 100]).execute()
        rights = [{"id": uuid7(), "user": u["id"], "group": groups[i % 10]} for i, u in enumerate(users)]
        for i in range(0, len(rights), 100):
            m.AccessRight.insert_many(rights[i:i + 100]).execute()
        uids, tokens = [], []
        for i in range(n_tokens):
            uid = f"04{i:010X}"
            uids.append(uid)
            tokens.append({"id": uuid7(), "uid": uid, "uid_key": uid, "status": "active" if i % 97 else "blocked",
                           "user": users[i % n_users]["id"]})
        for i in range(0, len(tokens), 100):
            m.Token.insert_many(tokens[i:i + 100]).execute()
    return uids


async def main(args) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.sqlite(Path(tmp) / "bench.db")
        store.open()
        t0 = time.perf_counter()
        uids = await store.run(seed, args.tokens, args.users)
        print(f"seeded {args.tokens} tokens, {args.users} users in {time.perf_counter() - t0:.1f} s")
        services = Services(store, SiteSettings(site_timezone="Europe/Helsinki"))
        t0 = time.perf_counter()
        await services.start(load_settings=False)
        print(f"services started (index loaded) in {time.perf_counter() - t0:.2f} s")
        group = await store.run(lambda: m.ChargingGroup.get(m.ChargingGroup.name == "Depot 3").id)
        private = await services.stations.create_station("BENCH-PRIVATE", group_id=group, connectors=2, ctx=SYSTEM_CONTEXT)
        private.access_mode = "private"
        public = await services.stations.create_station("BENCH-PUBLIC", connectors=2, ctx=SYSTEM_CONTEXT)
        for n in range(args.profiles):
            teams = [g.id for g in (await services.people.groups.list())[2 * n % 20:2 * n % 20 + 2]]
            await services.access_profiles.create(SYSTEM_CONTEXT, f"Profile {n}", [
                {"days": [0, 1, 2, 3, 4], "start": "06:00", "end": "20:00"},
                {"days": [5, 6], "start": "22:00", "end": "06:00"}], user_group_ids=teams,
                group_ids=[await store.run(lambda: m.ChargingGroup.get(m.ChargingGroup.name == "Site").id)])
        rng = random.Random(1)
        tags = []
        for i in range(args.decisions):
            uid = rng.choice(uids)
            kind = i % 4
            tags.append(uid.lower() if kind == 1 else uid + "_SN123" if kind == 2 else uid)
        for i in range(0, len(tags), 50):
            tags[i] = f"UNKNOWN{i}"  # 2% unknown tags (a store look-up each)
        auth = services.auth
        times, results = [], {}
        for i, tag in enumerate(tags):
            info = private if i % 2 else public
            t = time.perf_counter()
            d = await auth.authorize(info, 1, tag, "Authorize")
            times.append((time.perf_counter() - t) * 1000)
            results[d.status] = results.get(d.status, 0) + 1
            if i % 1000 == 0:
                await asyncio.sleep(0)  # let the batch writer run, as on a live loop
        known = sorted(t for t, tag in zip(times, tags) if not tag.startswith("UNKNOWN"))
        unknown = sorted(t for t, tag in zip(times, tags) if tag.startswith("UNKNOWN"))
        times.sort()
        q = statistics.quantiles(times, n=100)
        print(f"{len(times)} decisions against {args.tokens} tokens / {args.users} users: "
              f"p50 {q[49]:.3f} ms, p99 {q[98]:.3f} ms, max {times[-1]:.2f} ms")
        print(f"  outcomes: {results}")
        kq, uq = statistics.quantiles(known, n=100), statistics.quantiles(unknown, n=100)
        print(f"  known tags: p50 {kq[49]:.3f} ms, p99 {kq[98]:.3f} ms; unknown tags (store look-up): "
              f"p50 {uq[49]:.3f} ms, p99 {uq[98]:.3f} ms")
        if args.profiles:
            from evdesk.csms.local_list import LocalListSync

            lists = LocalListSync(services, None, None)
            lists._known[private.id] = {"enabled": True, "max": 1_000_000, "send_max": 100}
            t = time.perf_counter()
            listed = await lists.desired(private)
            print(f"  local list for the private station with {args.profiles} profiles: {len(listed)} tokens "
                  f"in {time.perf_counter() - t:.2f} s")
            profiles = services.access_profiles.list()
            services.access_profiles.set_profiles([])
            t = time.perf_counter()
            listed = await lists.desired(private)
            print(f"  the same without profiles: {len(listed)} tokens in {time.perf_counter() - t:.2f} s")
            services.access_profiles.set_profiles(profiles)
            lists.close()
        await services.stop()
        store.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--tokens", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--decisions", type=int, default=20_000)
    parser.add_argument("--profiles", type=int, default=0)
    asyncio.run(main(parser.parse_args()))
