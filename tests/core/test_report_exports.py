"""Report exports: the CSV's documented columns and figures; the PDF read back with pdftotext
(title, period, filters, table rows), made in a child process; saved reports per operator vs shared."""

from __future__ import annotations

import csv
import io
import subprocess
from datetime import date
from uuid import uuid4

import pytest

from evdesk.core.errors import AccessDenied, NotFound, StaleEdit, ValidationError
from evdesk.core.permissions import ADMIN, ANALYST, SYSTEM_CONTEXT, OperatorContext
from evdesk.core.reports import exports
from evdesk.core.reports.csv_export import csv_text
from evdesk.core.reports.definition import ReportDefinition
from tests.core.test_reports import LATER, custom, run  # noqa: F401  (the fixture)


async def test_csv_columns_are_the_documented_ones(services, run):  # noqa: F811
    result = await services.reports.run(SYSTEM_CONTEXT, custom(date(2026, 3, 28), date(2026, 3, 29), compare="previous",
                                                               breakdown="station"), now=LATER)
    text = csv_text(result)
    assert text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["bucket_start", "bucket_end", "energy_kwh", "compare_bucket_start", "compare_energy_kwh",
                       "AGG-1", "AGG-2"]
    assert rows[1][:3] == ["2026-03-28T00:00:00+02:00", "2026-03-29T00:00:00+02:00", "6.000"]
    assert rows[2][:3] == ["2026-03-29T00:00:00+02:00", "2026-03-30T00:00:00+03:00", "38.500"]
    assert rows[1][3] == "2026-03-26T00:00:00+02:00"  # the two days before
    assert rows[-1][0] == "total" and rows[-1][2] == "44.500"
    assert float(rows[-1][5]) + float(rows[-1][6]) == pytest.approx(44.5)


async def test_pdf_has_title_period_filters_and_table(services, run, tmp_path):  # noqa: F811
    result = await services.reports.run(SYSTEM_CONTEXT, custom(date(2026, 3, 1), date(2026, 3, 31), grain="day",
                                                               breakdown="station", compare="last_year"), now=LATER)
    steps = []
    try:
        path = await exports.export_pdf(result, tmp_path / "energy.pdf", "Energy in March (Jyväskylä €)",
                                        progress=lambda s, n, t: steps.append((s, n)))
    finally:
        exports.shutdown()
    assert steps == [(0, 2), (2, 2)] and path.exists() and not (tmp_path / "energy.pdf.part").exists()
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Energy in March (Jyväskylä €)" in text
    assert "Period: 2026-03-01 – 2026-03-31 (time zone Europe/Helsinki)" in text
    assert "Compared with: 2025-03-01 – 2025-03-31" in text
    assert "Breakdown: Station" in text
    assert "2026-03-29" in text and "38.500" in text and "44.500" in text
    pages = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    count = int(next(line for line in pages.splitlines() if line.startswith("Pages:")).split()[1])
    assert count >= 2 and f"Page {count}" in text  # the month's table goes on over a page, numbered


async def test_saved_reports_are_per_operator_or_shared(services):
    alice = OperatorContext(uuid4(), "alice", ADMIN)
    bob = OperatorContext(uuid4(), "bob", ANALYST)

    def operators():
        from evdesk.store import models as m
        for ctx in (alice, bob):
            m.Operator.create(id=ctx.operator_id, username=ctx.username, email=f"{ctx.username}@depot.example",
                              role=ctx.role)
    await services.store.run(operators)
    definition = ReportDefinition(metric="sessions", period="last_month", breakdown="group")
    mine = await services.saved_reports.save(alice, "Sessions by group", definition)
    shared = await services.saved_reports.save(alice, "Energy by station", ReportDefinition(breakdown="station"),
                                               shared=True)
    assert [r.name for r in await services.saved_reports.list(alice)] == ["Energy by station", "Sessions by group"]
    assert [r.name for r in await services.saved_reports.list(bob)] == ["Energy by station"]
    again = await services.saved_reports.get(alice, mine.id)
    assert again.definition == definition and again.mine and not again.shared
    with pytest.raises(ValidationError) as taken:
        await services.saved_reports.save(alice, "sessions BY group", definition)
    assert taken.value.field == "name"
    await services.saved_reports.save(bob, "Sessions by group", definition)  # bob's own: another owner
    with pytest.raises(AccessDenied):  # an analyst shares nothing and changes no shared report
        await services.saved_reports.save(bob, "Mine for all", definition, shared=True)
    with pytest.raises(AccessDenied):
        await services.saved_reports.delete(bob, shared.id, shared.version)
    with pytest.raises(NotFound):  # another's own report is not there for bob
        await services.saved_reports.get(bob, mine.id)
    renamed = await services.saved_reports.update(alice, mine.id, mine.version, name="Sessions per group")
    with pytest.raises(StaleEdit):
        await services.saved_reports.update(alice, mine.id, mine.version, name="Old version")
    await services.saved_reports.delete(alice, renamed.id, renamed.version)
    assert [r.name for r in await services.saved_reports.list(alice)] == ["Energy by station"]
