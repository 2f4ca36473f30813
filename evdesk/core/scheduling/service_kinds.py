"""The task kinds that work through other services (issues 13 and 17): their targets and parameters.

* invoice_run: an invoice run over the invoicing rules' default period on the run date. Targets:
  the chosen charging user groups, or none = every charging user with an e-mail address that the
  task's domain sees. Params: {"send": bool} - previews only (False) or previews issued and e-mailed.
* report_email: a saved report run for its own period relative to the run date, exported and
  e-mailed. Params: {"report_id", "formats": ["pdf"] / ["csv"] / both, "recipients": [addresses]}.
  The book adds "creator_operator_id" (whose saved reports the task may use: the report must stay
  visible to the task's creator - their own or a shared one - at every run).
* circuit_limit: a load-management circuit's max current per phase. Params: {"circuit_id", "amps"}.
"""

from __future__ import annotations

import re
from uuid import UUID

from evdesk.core.errors import ValidationError

SERVICE_KINDS = ("invoice_run", "report_email", "circuit_limit")
REPORT_FORMATS = ("pdf", "csv")
MAX_RECIPIENTS = 50
MAX_CIRCUIT_AMPS = 10000
_ADDRESS = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$")


def check_service_targets(kind: str, clean: dict[str, list[str]]) -> dict[str, list[str]]:
    """Only an invoice run has targets: its user groups (none = all charging users with e-mail)."""
    groups = clean["user_group_ids"] if kind == "invoice_run" else []
    return {"group_ids": [], "station_ids": [], "user_ids": [], "user_group_ids": groups}


def _uuid(value, field: str, message: str) -> str:
    try:
        return str(UUID(str(value)))
    except (ValueError, TypeError, AttributeError):
        raise ValidationError(message, field=field) from None


def check_service_params(kind: str, params: dict) -> dict:
    if kind == "invoice_run":
        if not isinstance(params.get("send"), bool):
            raise ValidationError("Choose whether the run only makes previews or also sends the invoices.",
                                  field="send")
        return {"send": params["send"]}
    if kind == "report_email":
        report = _uuid(params.get("report_id"), "report_id", "Choose a saved report from the list.")
        formats = params.get("formats")
        if not isinstance(formats, (list, tuple)) or not formats or any(f not in REPORT_FORMATS for f in formats):
            raise ValidationError("Tick PDF, CSV or both.", field="formats")
        recipients = params.get("recipients")
        if isinstance(recipients, str):
            recipients = [r for r in re.split(r"[,;\s]+", recipients) if r]
        if not isinstance(recipients, (list, tuple)) or not recipients:
            raise ValidationError("Enter at least one e-mail address to send the report to.", field="recipients")
        clean = []
        for address in recipients:
            address = str(address).strip()
            if not _ADDRESS.match(address) or len(address) > 254:
                raise ValidationError(f"{address or 'An empty address'} is not an e-mail address.",
                                      field="recipients")
            if address.lower() not in {a.lower() for a in clean}:
                clean.append(address)
        if len(clean) > MAX_RECIPIENTS:
            raise ValidationError(f"Send the report to at most {MAX_RECIPIENTS} addresses.", field="recipients")
        out = {"report_id": report, "formats": [f for f in REPORT_FORMATS if f in formats], "recipients": clean}
        if params.get("creator_operator_id"):
            out["creator_operator_id"] = _uuid(params["creator_operator_id"], "report_id",
                                               "Choose a saved report from the list.")
        return out
    circuit = _uuid(params.get("circuit_id"), "circuit_id", "Choose a circuit from the list.")
    message = f"Enter the circuit's maximum current per phase in amperes (1 to {MAX_CIRCUIT_AMPS})."
    try:
        amps = float(params.get("amps"))
    except (TypeError, ValueError):
        raise ValidationError(message, field="circuit_amps") from None
    if not 1 <= amps <= MAX_CIRCUIT_AMPS:  # (NaN fails this too)
        raise ValidationError(message, field="circuit_amps")
    return {"circuit_id": circuit, "amps": round(amps, 1)}


def describe_service_params(kind: str, params: dict) -> str:
    if kind == "invoice_run":
        return "previews and send" if params.get("send") else "previews only"
    if kind == "report_email":
        formats = " + ".join(f.upper() for f in params.get("formats", ()))
        return f"{formats} to {', '.join(params.get('recipients', ()))}"
    return f"circuit max {params.get('amps')} A per phase"
