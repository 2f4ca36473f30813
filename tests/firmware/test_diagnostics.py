"""Diagnostics: a simulated station uploads its file to evdesk over HTTP and FTP for real; the
file is stored per station and listed in the diagnostics log; too large and never-arriving
uploads are reported; the hardware status log and CSV exports of every log view."""

from __future__ import annotations

import asyncio
import csv
import io
import urllib.error
import urllib.request
from datetime import timedelta

import pytest

from evdesk.core.clock import utcnow
from evdesk.core.errors import AccessDenied, NotFound
from evdesk.core.permissions import ADMIN, SYSTEM_CONTEXT, OperatorContext
from tests.firmware.conftest import ADMIN_CTX
from tests.waiting import wait_for


async def log_of(services, identity, ctx=ADMIN_CTX):
    page = await services.firmware.diagnostics.requests(ctx, services.stations.get(identity).id)
    return page.items


@pytest.mark.parametrize("protocol", ["http", "ftp"])
async def test_diagnostics_upload_is_stored_and_listed(central, services, fleet, protocol):
    _group, stations = fleet
    station_id = services.stations.get("CP-2").id
    request_id = await central.firmware.request_diagnostics(ADMIN_CTX, station_id, protocol=protocol,
                                                            reason="charger hangs at start")

    async def received():
        rows = await log_of(services, "CP-2")
        return rows[0] if rows and rows[0].state == "received" else None

    row = await wait_for(received, timeout=20, message="no diagnostics file arrived")
    assert row.id == request_id and row.protocol == protocol and row.requested_by == "Anna Admin"
    path = await services.firmware.diagnostics.file_of(ADMIN_CTX, request_id)
    assert path.parent.parent.name == "CP-2" and path.parent.parent.parent.name == "diagnostics"
    text = path.read_text()
    assert text.startswith("station CP-2 ") and row.size == len(text.encode()) and row.file_name == path.name
    assert path.name.startswith("CP-2-diagnostics-") and row.received_at is not None
    # the link is used up: a second upload to it is refused
    assert services.firmware.transfers.pending() == []
    # another group's admin sees neither the log nor the file
    other = await services.groups.add(SYSTEM_CONTEXT, "Office")
    outsider = services.groups.fresh(OperatorContext(None, "Otto", ADMIN, base_group_id=other.id))
    with pytest.raises(AccessDenied):
        await log_of(services, "CP-2", outsider)
    with pytest.raises(AccessDenied):
        await services.firmware.diagnostics.file_of(outsider, request_id)


async def test_too_large_diagnostics_are_refused_and_not_kept(central, services, fleet):
    _group, stations = fleet
    services.settings.diagnostics_max_mb = 1
    stations[0].diagnostics_padding = 1024 * 1024 + 10
    request_id = await central.firmware.request_diagnostics(ADMIN_CTX, services.stations.get("CP-1").id)

    async def refused():
        rows = await log_of(services, "CP-1")
        return rows[0] if rows[0].state == "too_large" else None

    row = await wait_for(refused, timeout=20)
    assert "more than the limit of 1 MB" in row.detail and row.stored_path == ""
    with pytest.raises(NotFound):
        await services.firmware.diagnostics.file_of(ADMIN_CTX, request_id)
    folder = services.firmware.diagnostics.root / "CP-1" / str(request_id)
    assert not any(folder.glob("*")) if folder.exists() else True
    # the station learnt that its upload failed
    await wait_for(lambda: services.stations.get("CP-1").diagnostics_status == "UploadFailed", timeout=10)


async def test_an_upload_that_never_arrives_is_reported(central, services, fleet):
    # a station that accepted (its answer named a file) but never uploads
    request_id, transfer = await services.firmware.diagnostics.create(ADMIN_CTX, services.stations.get("CP-3"), "http")
    await services.firmware.diagnostics.command_outcome(request_id, "accepted", "Accepted", "CP-3.log")
    await services.firmware.sweep(utcnow() + timedelta(minutes=29))
    assert (await log_of(services, "CP-3"))[0].state == "requested"
    await services.firmware.sweep(utcnow() + timedelta(minutes=31))
    row = (await log_of(services, "CP-3"))[0]
    assert row.state == "timed_out" and row.label == "No file in time"
    assert row.detail == "No diagnostics file arrived from CP-3 within 30 minutes of the request."
    # its link is gone: an upload now gets 404
    url = central.firmware.url_for(transfer) + "late.log"
    request = urllib.request.Request(url, data=b"late", method="PUT")
    with pytest.raises(urllib.error.HTTPError) as err:
        await asyncio.to_thread(urllib.request.urlopen, request, timeout=5)
    assert err.value.code == 404


async def test_a_multipart_post_is_received(central, services, fleet):
    """Many chargers POST a form with the file; evdesk takes the first file part."""
    info = services.stations.get("CP-1")
    request_id, transfer = await services.firmware.diagnostics.create(ADMIN_CTX, info, "http")
    boundary = "----evdesk"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cp1 diag.tar.gz\"\r\n"
            f"Content-Type: application/gzip\r\n\r\n").encode() + b"GZDATA" + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(central.firmware.url_for(transfer), data=body, method="POST",
                                     headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    answer = await asyncio.to_thread(urllib.request.urlopen, request, timeout=5)
    assert answer.status == 201

    async def received():
        rows = await log_of(services, "CP-1")
        return rows[0] if rows[0].state == "received" else None

    row = await wait_for(received)
    assert row.file_name == "cp1_diag.tar.gz" and row.size == 6


async def test_firmware_file_too_large_is_refused(services, tmp_path):
    from evdesk.core.errors import ValidationError

    services.settings.firmware_max_mb = 1
    big = tmp_path / "huge.bin"
    big.write_bytes(b"\0" * (1024 * 1024 + 1))
    with pytest.raises(ValidationError) as refused:
        await services.firmware.library.add(ADMIN_CTX, big)
    assert refused.value.field == "file" and "limit of 1 MB" in str(refused.value)
    assert await services.firmware.library.files(ADMIN_CTX) == []
    assert not services.firmware.library.root.exists() or not any(services.firmware.library.root.iterdir())
    small = tmp_path / "ok fw v2.bin"
    small.write_bytes(b"abc")
    row = await services.firmware.library.add(ADMIN_CTX, small)
    assert (row.name, row.size) == ("ok_fw_v2.bin", 3)
    assert row.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


async def test_hardware_status_log_and_every_log_exports_as_csv(central, services, fleet, tmp_path):
    from ocpp.v16 import call

    _group, stations = fleet
    st = stations[0]
    await st._send(call.StatusNotification(connector_id=1, error_code="GroundFailure", status="Faulted",
                                           info="RCD tripped", vendor_id="SimVendor", vendor_error_code="E42"))
    station_id = services.stations.get("CP-1").id
    await central.firmware.request_diagnostics(ADMIN_CTX, station_id)

    async def hardware_rows():
        page = await services.firmware.hardware.rows(ADMIN_CTX, station_id)
        return page.items if any(r.error_code == "GroundFailure" for r in page.items) else None

    rows = await wait_for(hardware_rows, timeout=10)
    fault = next(r for r in rows if r.error_code == "GroundFailure")
    assert (fault.status, fault.info, fault.vendor_id, fault.vendor_error_code) == ("Faulted", "RCD tripped",
                                                                                   "SimVendor", "E42")
    await wait_for(lambda: log_of(services, "CP-1"), timeout=10)
    expected = {"event_feed": "GroundFailure", "comm_log": "StatusNotification", "action_log": "GetDiagnostics",
                "network_log": "boot", "hardware_status": "E42", "diagnostics": "Anna Admin"}
    for log_name, needle in expected.items():
        target = tmp_path / f"{log_name}.csv"
        seen = []

        async def exported(log_name=log_name, target=target, needle=needle):
            result = await services.log_export.to_file(ADMIN_CTX, log_name, station_id, target, progress=seen.append)
            return result if needle in target.read_text(encoding="utf-8") else None

        result = await wait_for(exported, timeout=10, message=f"{log_name} export lacks {needle}")
        rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))
        assert len(rows) == result.rows + 1 and result.rows >= 1 and seen[-1] == result.rows
    # a cancelled export leaves no file; an outsider's export is refused and leaves none either
    cancelled = await services.log_export.to_file(ADMIN_CTX, "comm_log", station_id, tmp_path / "c.csv",
                                                  cancelled=lambda: True)
    assert cancelled.cancelled and not (tmp_path / "c.csv").exists()
    other = await services.groups.add(SYSTEM_CONTEXT, "Office")
    outsider = services.groups.fresh(OperatorContext(None, "Otto", ADMIN, base_group_id=other.id))
    with pytest.raises(AccessDenied):
        await services.log_export.to_file(outsider, "hardware_status", station_id, tmp_path / "h.csv")
    assert not list(tmp_path.glob(".*.part")) and not (tmp_path / "h.csv").exists()
