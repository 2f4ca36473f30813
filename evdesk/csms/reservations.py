"""Reservation ids and their state (runs on the database worker)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import peewee

from evdesk.core.clock import utcnow
from evdesk.store import models as m


def allocate_reservation(station_id: UUID, connector_id: int, id_tag: str, expiry: datetime) -> int:
    with m.Reservation._meta.database.atomic():
        top = m.Reservation.select(peewee.fn.MAX(m.Reservation.reservation_id)).scalar() or 0
        row = m.Reservation.create(
            reservation_id=top + 1, station=station_id, connector_id=connector_id, id_tag=id_tag, expires_at=expiry,
        )
    return row.reservation_id


def record_reservation_outcome(reservation_id: int, state: str) -> None:
    m.Reservation.update(state=state, version=m.Reservation.version + 1, updated_at=utcnow()).where(
        m.Reservation.reservation_id == reservation_id
    ).execute()
