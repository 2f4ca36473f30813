"""Running the service kinds (see `service_kinds.py`); each outcome kept in words in the run's feed.

* Invoice run: the invoicing rules' default period on the run date (site time zone). Group
  members without an e-mail address are left out (an unattended run cannot ask) and each is a
  failed outcome ("no invoice: no e-mail address"); a recipient with nothing to bill is a
  success that says so. A refusal of the whole run (a period overlapping earlier invoices, the
  seller's details missing) is one failed outcome with the invoicing service's words. With
  "send", every preview made is issued and e-mailed: "Sent to ..." or "Not sent: <reason>" per
  invoice (the preview or unsent invoice stays on the Invoices page for a retry there).
* Report by e-mail: the saved report is read as its creator sees it (their own or a shared one)
  and run over the task's domain for its period relative to the run time; the files are made
  once and mailed to each address on its own (one outcome per recipient).
* Circuit limit: the circuit's max current per phase is saved through the circuits service (a
  stale version - someone edited it at the same moment - is read again and tried once more).
"""

from __future__ import annotations

import dataclasses
import tempfile
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime
from pathlib import Path
from uuid import UUID

from evdesk.core.zones import site_zone
from evdesk.core.errors import EvdeskError, StaleEdit
from evdesk.core.invoicing.runs import RunRequest
from evdesk.core.load.circuit_rules import CircuitInput
from evdesk.core.mail import MailError
from evdesk.core.permissions import OperatorContext
from evdesk.core.reports import exports
from evdesk.core.scheduling.outcome import Outcome


def _failed(task: dict, kind: str, words: str, now: datetime, outcome: str = "refused"):
    return Outcome(kind, task["id"], task["name"], False, outcome, words, None, now)


async def run_service_kind(executor, task: dict, ctx: OperatorContext) -> list:
    kind = task["kind"]
    if kind == "invoice_run":
        return await invoice_run(executor, task, ctx)
    if kind == "report_email":
        return await report_email(executor, task, ctx)
    return await circuit_limit(executor, task, ctx)


async def invoice_run(executor, task: dict, ctx: OperatorContext) -> list:
    invoices, now = executor.services.invoices, executor.now()
    today = now.astimezone(invoices.zone()).date()
    groups = tuple(UUID(g) for g in task["targets"].get("user_group_ids", ()))
    try:
        start, end = await invoices.default_period(ctx, today)
        users = ()
        if not groups:
            people, _groups = await invoices.recipients(ctx)
            users = tuple(p["id"] for p in people)
            if not users:
                return [_failed(task, "invoice_run", "No charging user with an e-mail address to invoice.", now)]
        result = await invoices.create_run(ctx, RunRequest(start, end, users, groups, leave_out_without_email=True),
                                           today)
    except EvdeskError as exc:
        return [_failed(task, "invoice_run", f"No invoice run: {exc}", now)]
    rows = {r.id: r for r, _lines in await invoices.run_invoices(ctx, result.run_id)}
    period = f"{start:%d.%m.%Y}-{end:%d.%m.%Y}"
    out = [Outcome("invoice_run", task["id"], name, False, "left_out", "No invoice: no e-mail address.", None, now)
           for name in result.left_out]
    out += [Outcome("invoice_run", task["id"], name, True, "nothing", f"Nothing to bill for {period}.", None, now)
            for name in result.nothing_to_bill]
    sent = None
    if task["params"].get("send") and result.invoice_ids:
        try:
            sent = await invoices.send(ctx, list(result.invoice_ids))
        except EvdeskError as exc:
            sent = exc
    for invoice_id in result.invoice_ids:
        row = rows.get(invoice_id)
        who = row.buyer_name if row else str(invoice_id)
        total = f"{row.total_minor / 100:.2f} {row.currency}" if row else ""
        if sent is None:
            out.append(Outcome("invoice", invoice_id, who, True, "preview",
                               f"Preview made ({total}, {period}); not sent: the task makes previews only.", None,
                               executor.now()))
        elif isinstance(sent, Exception):
            out.append(Outcome("invoice", invoice_id, who, False, "not_sent", f"Not sent: {sent}", None,
                               executor.now()))
        elif invoice_id in sent.failed:
            out.append(Outcome("invoice", invoice_id, who, False, "not_sent", f"Not sent: {sent.failed[invoice_id]}",
                               None, executor.now()))
        else:
            out.append(Outcome("invoice", invoice_id, who, True, "sent",
                               f"Sent to {row.buyer_email if row else who} ({total}, {period}).", None, executor.now()))
    if not out:
        out.append(_failed(task, "invoice_run", f"No invoice made: nobody had anything to bill for {period}.", now,
                           "nothing"))
    return out


async def report_email(executor, task: dict, ctx: OperatorContext) -> list:
    s, p, now = executor.services, task["params"], executor.now()
    creator = p.get("creator_operator_id")
    reader = dataclasses.replace(ctx, operator_id=UUID(creator) if creator else None,
                                 via="scheduler" if creator else "system")
    try:
        saved = await s.saved_reports.get(reader, UUID(p["report_id"]))
        result = await s.reports.run(ctx, saved.definition, now=now)
    except EvdeskError as exc:
        return [_failed(task, "report_email", f"The report was not made: {exc}", now)]
    stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in saved.name)[:60] or "report"
    attachments = []
    try:
        with tempfile.TemporaryDirectory(prefix="evdesk-report-") as folder:
            if "pdf" in p["formats"]:
                path = await exports.export_pdf(result, Path(folder) / f"{stem}.pdf", saved.name)
                attachments.append((path.name, path.read_bytes(), "application/pdf"))
            if "csv" in p["formats"]:
                path = await exports.export_csv(result, Path(folder) / f"{stem}.csv")
                attachments.append((path.name, path.read_bytes(), "text/csv"))
    except (OSError, BrokenProcessPool) as exc:  # a full disk, a PDF process that died twice
        return [_failed(task, "report_email", f"The report's files could not be written: {exc}", now, "error")]
    zone = site_zone(s.settings.site_timezone)
    subject = f"{saved.name} ({now.astimezone(zone):%d.%m.%Y})"
    body = (f"Hello,\n\nattached is the report \"{saved.name}\" made by the scheduled task \"{task['name']}\" "
            f"at {now.astimezone(zone):%d.%m.%Y %H:%M}.\n")
    files = " and ".join(name for name, _b, _t in attachments)
    out = []
    for address in p["recipients"]:
        try:
            await s.mail.send(address, subject, body, attachments=attachments)
        except MailError as exc:
            out.append(Outcome("recipient", task["id"], address, False, "not_sent", f"Not sent: {exc}", None,
                               executor.now()))
            continue
        out.append(Outcome("recipient", task["id"], address, True, "sent", f"Sent {files}.", None, executor.now()))
    return out


async def circuit_limit(executor, task: dict, ctx: OperatorContext) -> list:
    circuits, p, now = executor.services.circuits, task["params"], executor.now()
    amps = p["amps"]
    for attempt in (1, 2):
        try:
            c = await circuits.get(ctx, UUID(p["circuit_id"]))
            await circuits.update(ctx, c.id, c.version, CircuitInput(c.name, amps, c.phases, c.reserved_a,
                                                                     c.min_current_a, c.parent_id, c.group_id))
        except StaleEdit:
            if attempt == 1:
                continue
            return [_failed(task, "circuit", "The circuit was being edited at the same moment; try again.", now)]
        except EvdeskError as exc:
            return [_failed(task, "circuit", f"The limit was not set: {exc}", now)]
        return [Outcome("circuit", c.id, c.name, True, "done",
                        f"Max current per phase set to {amps:g} A (was {c.max_current_a:g} A).", None,
                        executor.now())]
    raise AssertionError("unreachable")
