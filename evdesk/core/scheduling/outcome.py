"""One target's outcome in one run of a scheduled task (a row of the run's event feed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID


@dataclass
class Outcome:
    target_kind: str
    target_id: UUID
    target_name: str
    ok: bool
    outcome: str
    message: str
    action_id: UUID | None = None
    finished_at: datetime | None = None
