"""The universal search (Ctrl+K at the desk): one text, the things it names, grouped by kind.

Rules:
* Kinds, in this order: stations (name, identity, serial number), charging users (name, e-mail,
  a token's id), tokens (uid, name), sessions (transaction number, the id tag of a token found,
  running sessions by id tag), charging groups (name), locations (name, city, address).
* Only what the operator sees: stations and groups through the domain, users and tokens through
  their home group (`people_domain`), sessions at the stations seen, locations as `locations.list`.
* Fast: stations, groups and locations are matched in memory (the registries every seat keeps);
  users, tokens and sessions by queries on the reader connection (sessions only through indexes:
  the transaction number, the token, the running state), the three run together. A match at the
  start of a word ranks before one inside it. At most `per_kind` hits of each kind.
* Under two characters nothing is searched (except a transaction number): a single letter would
  only list everything.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from evdesk.core.people_types import TokenRow, UserRow
from evdesk.core.permissions import OperatorContext
from evdesk.core.reads import visible_station_ids
from evdesk.core.reads.people import TokenFilter, UserFilter
from evdesk.store.queries import search as q

STATION, USER, TOKEN, SESSION, GROUP, LOCATION = "station", "user", "token", "session", "group", "location"
KINDS = (STATION, USER, TOKEN, SESSION, GROUP, LOCATION)
KIND_TITLES = {STATION: "Charging stations", USER: "Charging users", TOKEN: "Tokens", SESSION: "Sessions",
               GROUP: "Charging groups", LOCATION: "Locations"}
MIN_LENGTH = 2
PER_KIND = 6


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: UUID
    title: str  # what the item is called
    detail: str = ""  # what identifies it besides the name (identity, e-mail, station ...)
    when: datetime | None = None  # a session's start (the screen shows it in the site's zone)


@dataclass
class SearchResult:
    text: str
    hits: dict[str, list[SearchHit]] = field(default_factory=dict)  # kind -> hits, kinds in KINDS order

    def flat(self) -> list[SearchHit]:
        return [hit for kind in KINDS for hit in self.hits.get(kind, ())]


def _rank(text: str, *values: str) -> int | None:
    """0: a value starts with the text; 1: a word of a value does; 2: it is inside; None: no match."""
    best = None
    for value in values:
        low = (value or "").lower()
        if not low:
            continue
        if low.startswith(text):
            return 0
        if any(word.startswith(text) for word in low.replace("-", " ").replace("_", " ").split()):
            best = 1
        elif text in low and best is None:
            best = 2
    return best


def _best(found: list[tuple[int, str, SearchHit]], limit: int) -> list[SearchHit]:
    return [hit for _rank_, _key, hit in sorted(found, key=lambda t: (t[0], t[1]))[:limit]]


class SearchReads:
    def __init__(self, store, stations, group_tree, locations, people_reads, session_reads):
        self.store = store
        self.stations = stations  # StationService: the registry in memory
        self.group_tree = group_tree
        self.locations = locations
        self.people = people_reads
        self.sessions = session_reads

    async def search(self, ctx: OperatorContext, text: str, per_kind: int = PER_KIND) -> SearchResult:
        text = " ".join(text.split())
        result = SearchResult(text)
        number = int(text) if text.isdigit() and len(text) < 10 else None
        if len(text) < MIN_LENGTH and number is None:
            return result
        ctx = self.group_tree.fresh(ctx)
        low = text.lower()
        seen_stations = [s for s in self.stations.all() if ctx.sees_station(s.group_id)]
        users, tokens, serials = await asyncio.gather(
            self.people.users(ctx, UserFilter(text=text), limit=per_kind),
            self.people.tokens(ctx, TokenFilter(text=text), limit=per_kind),
            self.store.read(q.stations_by_serial, text, 50),
        )
        result.hits[STATION] = self._stations(low, seen_stations, set(serials), per_kind)
        result.hits[USER] = [self._user_hit(u) for u in users.items]
        result.hits[TOKEN] = [self._token_hit(t) for t in tokens.items]
        result.hits[SESSION] = await self._sessions(ctx, text, number, tokens.items, per_kind)
        result.hits[GROUP] = _best([(r, g.name.lower(), SearchHit(GROUP, g.id, g.name, self._path(g.parent_id)))
                                    for g in self.group_tree.groups.values()
                                    if ctx.sees_group(g.id) and (r := _rank(low, g.name)) is not None], per_kind)
        result.hits[LOCATION] = _best([(r, loc.name.lower(), SearchHit(LOCATION, loc.id, loc.name,
                                                                       ", ".join(p for p in (loc.address, loc.city) if p)))
                                       for loc in await self.locations.list(ctx)
                                       if (r := _rank(low, loc.name, loc.city, loc.address)) is not None], per_kind)
        result.hits = {kind: hits for kind, hits in result.hits.items() if hits}
        return result

    def _stations(self, low: str, seen, serial_ids: set[UUID], limit: int) -> list[SearchHit]:
        found = []
        for s in seen:
            rank = _rank(low, s.name, s.identity)
            if rank is None and s.id in serial_ids:
                rank = 1
            if rank is not None:
                detail = s.identity if s.name and s.name != s.identity else ""
                found.append((rank, s.display_name.lower(), SearchHit(STATION, s.id, s.display_name, detail)))
        return _best(found, limit)

    @staticmethod
    def _user_hit(u: UserRow) -> SearchHit:
        name = f"{u.first_name} {u.last_name}".strip() or u.email
        return SearchHit(USER, u.id, name, u.email if name != u.email else "")

    @staticmethod
    def _token_hit(t: TokenRow) -> SearchHit:
        detail = " · ".join(p for p in (t.name, t.user_name) if p)
        return SearchHit(TOKEN, t.id, t.uid, detail)

    async def _sessions(self, ctx, text: str, number: int | None, tokens: list[TokenRow], limit: int) -> list[SearchHit]:
        station_ids = visible_station_ids(ctx, self.stations)
        ids = await self.store.read(q.session_ids, number, [t.id for t in tokens], text if " " not in text else "",
                                    station_ids, limit)
        rows = await self.sessions.rows(ctx, ids) if ids else []
        hits = []
        for r in sorted(rows, key=lambda r: r.started_at, reverse=True):
            who = r.user_name or r.id_tag
            hits.append(SearchHit(SESSION, r.id, f"Session {r.ocpp_id} · {who}",
                                  f"{r.station_name or r.station_identity} · {r.state_label}", r.started_at))
        return hits

    def _path(self, parent_id: UUID | None) -> str:
        names = []
        while parent_id is not None and parent_id in self.group_tree.groups and len(names) < 8:
            group = self.group_tree.groups[parent_id]
            names.append(group.name)
            parent_id = group.parent_id
        return " › ".join(reversed(names))
