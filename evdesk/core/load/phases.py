"""Which grid phases a charging session loads (digest B9, "per-phase accounting"). Pure.

Rules:
* A single-phase charging point loads the grid phase it is wired to (its connected phase,
  L1/L2/L3; L1 when not known yet — the usual wiring, and the one a new point is assumed to have).
* A three-phase charging point has a rotation: the rotation's letters give, for the point's
  L1, L2, L3 in turn, the grid phase it is wired to (R = L1, S = L2, T = L3). RST is the
  identity; STR puts the point's L1 on grid L2, its L2 on L3 and its L3 on L1. No rotation
  known = RST.
* A car uses some of the point's phases: a three-phase car all three, a single-phase car the
  point's L1 (Type 2 wiring; a car wired otherwise can name the point phase it uses). Its
  current flows on the grid phases those point phases map to — so a single-phase car on a
  point wired STR loads grid L2.
"""

from __future__ import annotations

from evdesk.core.hardware_rules import GRID_PHASES, PHASE_ROTATIONS

_LETTER_TO_GRID = {"R": "L1", "S": "L2", "T": "L3"}


def rotation_map(rotation: str) -> dict[str, str]:
    """Point phase -> grid phase for a three-phase rotation ("" = RST)."""
    rotation = rotation or "RST"
    if rotation not in PHASE_ROTATIONS:
        raise ValueError(f"unknown phase rotation {rotation!r}")
    return {f"L{i + 1}": _LETTER_TO_GRID[letter] for i, letter in enumerate(rotation)}


def grid_phases(point_phases: int, connected_phase: str = "", rotation: str = "",
                car_phases: int = 3, car_point_phase: str = "L1") -> tuple[str, ...]:
    """The grid phases (sorted, e.g. ("L1", "L2", "L3")) a car on this charging point loads.

    `car_phases` is 1 or 3 (a two-phase car is counted as three-phase: safe, it never
    loads more than that); `car_point_phase` is the point phase a single-phase car uses.
    """
    if point_phases == 1:
        phase = connected_phase or "L1"
        if phase not in GRID_PHASES:
            raise ValueError(f"unknown grid phase {phase!r}")
        return (phase,)
    mapping = rotation_map(rotation)
    if car_phases == 1:
        if car_point_phase not in mapping:
            raise ValueError(f"unknown point phase {car_point_phase!r}")
        return (mapping[car_point_phase],)
    return tuple(sorted(mapping.values()))
