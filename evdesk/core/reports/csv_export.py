"""A report as CSV: one row per bucket, the metric's total, its comparison and one column per
breakdown value (wide, as manual 001 describes its export), then a `total` row.

Columns, in this order:

* `bucket_start`, `bucket_end` — the bucket's local start and end, ISO 8601 with the site zone's
  offset (`2026-03-29T00:00:00+02:00`); the end is the next bucket's start.
* `<metric>` — the metric's figure in the bucket over everything the filters select, named with
  its unit: `sessions`, `energy_kwh`, `duration_h`, `charging_time_h`, `parked_time_h`,
  `revenue_<currency>` (e.g. `revenue_eur`, major units), `unique_users`, `utilisation_pct`,
  `error_rate_pct`, `availability_pct`.
* `compare_bucket_start`, `compare_<metric>` — only when compared: the comparison period's bucket
  in the same position (empty when the comparison has fewer buckets).
* one column per breakdown value (station, group, charging point, user, user group or tariff name),
  largest total first — only with a breakdown.

Numbers: a point as decimal separator, kWh and hours with 3 decimals, money and percentages with 2,
counts whole; an empty cell where a ratio has nothing to divide by. The last row has `total` in
`bucket_start`, the period's end in `bucket_end`, and the period's figures (a ratio of the summed
parts, not an average of the rows). UTF-8, RFC 4180 (`\\r\\n`). A cell that starts with `=`, `+`,
`-` or `@` (a name) gets a `'` in front so a spreadsheet shows it as text.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from evdesk.core.reports.engine import ReportResult

COLUMN_NAMES = {
    "sessions": "sessions", "energy": "energy_kwh", "duration": "duration_h", "charging_time": "charging_time_h",
    "parked_time": "parked_time_h", "unique_users": "unique_users", "utilisation": "utilisation_pct",
    "error_rate": "error_rate_pct", "availability": "availability_pct",
}


def metric_column(result: ReportResult) -> str:
    if result.definition.metric == "revenue":
        return f"revenue_{result.unit.lower()}"
    return COLUMN_NAMES[result.definition.metric]


def number(metric: str, value: float | None) -> str:
    if value is None:
        return ""
    if metric in ("sessions", "unique_users"):
        return str(int(round(value)))
    if metric in ("revenue", "utilisation", "error_rate", "availability"):
        return f"{value:.2f}"
    return f"{value:.3f}"


def text_cell(value: str) -> str:
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def rows_of(result: ReportResult) -> list[list[str]]:
    metric = result.definition.metric
    column = metric_column(result)
    header = ["bucket_start", "bucket_end", column]
    if result.compare is not None:
        header += ["compare_bucket_start", f"compare_{column}"]
    header += [text_cell(s.label) for s in result.series]
    out = [header]
    compare_buckets = result.compare_period.buckets if result.compare_period is not None else []
    for n, bucket in enumerate(result.buckets):
        row = [bucket.start.isoformat(), bucket.end.isoformat(), number(metric, result.total.values[n])]
        if result.compare is not None:
            if n < len(compare_buckets):
                row += [compare_buckets[n].start.isoformat(), number(metric, result.compare.values[n])]
            else:
                row += ["", ""]
        row += [number(metric, s.values[n]) for s in result.series]
        out.append(row)
    last = ["total", result.buckets[-1].end.isoformat() if result.buckets else "", number(metric, result.total.total)]
    if result.compare is not None:
        last += [compare_buckets[0].start.isoformat() if compare_buckets else "", number(metric, result.compare.total)]
    last += [number(metric, s.total) for s in result.series]
    out.append(last)
    return out


def csv_text(result: ReportResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(rows_of(result))
    return buffer.getvalue()


def write_csv(result: ReportResult, target: Path) -> Path:
    """Write next to `target` and rename when complete (no half file is ever left)."""
    target = Path(target)
    partial = target.with_name(target.name + ".part")
    partial.write_text(csv_text(result), encoding="utf-8", newline="")
    os.replace(partial, target)
    return target
