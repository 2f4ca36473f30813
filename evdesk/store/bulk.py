"""Helpers for writing many rows in few statements.

Statements come in a few fixed sizes only: the database driver keeps every
distinct statement compiled in its cache, and one with thousands of parameters
is big. A statement per row is no better: Python's sqlite3 gives up the GIL on
every row, which stalls the writer behind a busy event loop.
"""

from __future__ import annotations

CHUNK_SIZES = (512, 64, 8, 1)


def chunk_sizes(total: int) -> list[int]:
    """512 + 512 + ... + 64 + ... + 8 + ... + 1 ... adding up to `total`."""
    sizes = []
    for size in CHUNK_SIZES:
        count, total = divmod(total, size)
        sizes.extend([size] * count)
    return sizes


def chunks(rows: list) -> list[list]:
    out, start = [], 0
    for size in chunk_sizes(len(rows)):
        out.append(rows[start : start + size])
        start += size
    return out


def values_cte(name: str, width: int, rows: int, param: str) -> str:
    """'WITH v(a, b) AS (VALUES (?, ?), (?, ?))' — works on SQLite and PostgreSQL."""
    one = "(" + ", ".join([param] * width) + ")"
    return f"WITH {name} AS (VALUES " + ", ".join([one] * rows) + ")"
