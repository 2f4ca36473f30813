"""What every command of the command API returns (also exported by `csms/commands.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID


@dataclass(frozen=True)
class CommandResult:
    outcome: str  # accepted / rejected / timeout / error / offline
    response: dict | None
    message: str
    action_id: UUID | None = None

    @property
    def ok(self) -> bool:
        return self.outcome == "accepted"
