"""A firmware roll-out to a group of three simulated stations over real sockets: evdesk's
own HTTP and FTP file servers, the stations' real downloads and their status notifications."""

from __future__ import annotations

import asyncio
import ftplib
import urllib.error
import urllib.request

import pytest

from evdesk.core.errors import ValidationError
from evdesk.store import models as m
from tests.firmware.conftest import ADMIN_CTX
from tests.waiting import wait_for


async def states_of(services, rollout_id):
    row = await services.firmware.rollouts.rollout(ADMIN_CTX, rollout_id)
    return {s.identity: s.state for s in row.stations}, row


@pytest.mark.parametrize("protocol", ["http", "ftp"])
async def test_rollout_to_a_group_with_one_failing_station(central, services, fleet, firmware_file, protocol):
    group, stations = fleet
    rollout_id = await central.firmware.send_firmware(ADMIN_CTX, firmware_file.id, group_id=group.id,
                                                      protocol=protocol, reason="security fix")
    states, row = await states_of(services, rollout_id)
    assert set(states) == {"CP-1", "CP-2", "CP-3"} and row.target == "group Depot"

    async def finished():
        states, _ = await states_of(services, rollout_id)
        return states if states == {"CP-1": "Installed", "CP-2": "Installed", "CP-3": "DownloadFailed"} else None

    await wait_for(finished, timeout=30, message="the roll-out did not finish as expected")
    _, row = await states_of(services, rollout_id)
    assert (row.summary.installed, row.summary.failed, row.summary.waiting) == (2, 1, 0)
    assert str(row.summary) == "2 installed, 1 failed, 0 waiting"
    image = (services.firmware.library.root / str(firmware_file.id) / firmware_file.name).read_bytes()
    for st in stations:  # every station really downloaded the exact image
        assert st.downloaded_images == [image]
    actions = await services.store.run(lambda: list(m.ActionLog.select().where(m.ActionLog.action == "UpdateFirmware")))
    assert len(actions) == 3 and {a.reason for a in actions} == {"security fix"}
    location = actions[0].request["location"]
    assert location.startswith(f"{protocol}://" + ("t" if protocol == "ftp" else "127.0.0.1:"))
    if protocol == "ftp":  # the one-time password is masked in the action log and the comm log
        assert ":********@127.0.0.1:" in location
        frames = await services.store.run(lambda: [f.payload for f in m.MessageLog.select().where(
            m.MessageLog.action == "UpdateFirmware")])
        assert frames and all(":********@127.0.0.1:" in f for f in frames if '"location"' in f)
    # an ended roll-out's links stop working
    if protocol == "http":
        with pytest.raises(urllib.error.HTTPError) as err:  # a client in a thread: the server is on this loop
            await asyncio.to_thread(urllib.request.urlopen, location, timeout=5)
        assert err.value.code == 404
    else:
        assert not central.firmware.ftp.running  # FTP runs only while a transfer is expected


async def test_a_missing_file_fails_the_download(central, services, fleet, firmware_file):
    """A 404 (the link of another transfer) makes the station report DownloadFailed."""
    _group, stations = fleet
    transfer_url = f"http://127.0.0.1:{central.firmware.http.port}/t/not-a-token/{firmware_file.name}"
    result = await central.commands.update_firmware(services.stations.get("CP-1").id, transfer_url,
                                                    __import__("evdesk.core.clock").core.clock.utcnow(),
                                                    ctx=ADMIN_CTX, reason="x")
    assert result.ok
    await wait_for(lambda: services.stations.get("CP-1").firmware_status == "DownloadFailed", timeout=20)
    assert stations[0].downloaded_images == []


async def test_ftp_login_needs_the_one_time_credentials(central, services, fleet, firmware_file):
    from datetime import timedelta

    from evdesk.core.clock import utcnow

    later = utcnow() + timedelta(hours=1)  # the stations wait: the test uses the link itself
    rollout_id = await central.firmware.send_firmware(ADMIN_CTX, firmware_file.id,
                                                      station_ids=[services.stations.get("CP-1").id],
                                                      retrieve_date=later, protocol="ftp")
    assert central.firmware.ftp.running
    [transfer] = services.firmware.transfers.pending()
    location = central.firmware.url_for(transfer)
    from urllib.parse import urlsplit

    parts = urlsplit(location)

    def ftp_client():  # blocking, in a thread: evdesk checks the login on this test's loop
        good = ftplib.FTP()
        good.connect("127.0.0.1", parts.port, timeout=5)
        good.login(parts.username, parts.password)
        got = bytearray()
        good.retrbinary(f"RETR {firmware_file.name}", got.extend)
        good.quit()
        refusals = []
        for user, password in ((parts.username, parts.password + "x"), ("anonymous", "guest@")):
            bad = ftplib.FTP()
            bad.connect("127.0.0.1", parts.port, timeout=5)
            try:
                bad.login(user, password)
            except ftplib.error_perm as exc:
                refusals.append(str(exc)[:3])
            bad.close()
        return bytes(got), refusals

    got, refusals = await asyncio.to_thread(ftp_client)
    assert got == (services.firmware.library.root / str(firmware_file.id) / firmware_file.name).read_bytes()
    assert refusals == ["530", "530"]
    tried = [user for _at, user in services.firmware.transfers.refused_ftp_logins]
    assert tried == [parts.username, "anonymous"]
    states, row = await states_of(services, rollout_id)
    assert states == {"CP-1": "sent"}  # a refused login does not end the download

    async def noted():
        _states, row = await states_of(services, rollout_id)
        return "An FTP login to this download was refused (wrong password)." == row.stations[0].detail

    await wait_for(noted)


async def test_a_station_that_never_reports_times_out(central, services, fleet, firmware_file):
    from datetime import timedelta

    from evdesk.core.clock import utcnow

    later = utcnow() + timedelta(hours=2)
    rollout_id = await central.firmware.send_firmware(ADMIN_CTX, firmware_file.id,
                                                      station_ids=[services.stations.get("CP-2").id],
                                                      retrieve_date=later)
    services.settings.firmware_timeout_hours = 48
    await services.firmware.sweep(later + timedelta(hours=47))
    assert (await states_of(services, rollout_id))[0] == {"CP-2": "sent"}
    assert len(services.firmware.transfers.pending()) == 1
    await services.firmware.sweep(later + timedelta(hours=49))
    states, row = await states_of(services, rollout_id)
    assert states == {"CP-2": "timed_out"} and row.stations[0].label == "No result in time"
    assert row.stations[0].detail.startswith("CP-2 reported no installed or failed firmware before the download "
                                             "link expired (")
    assert services.firmware.transfers.pending() == []
    assert (row.summary.installed, row.summary.failed, row.summary.waiting) == (0, 1, 0)


async def test_a_newer_rollout_supersedes_the_earlier_one(central, services, fleet, firmware_file):
    from datetime import timedelta

    from evdesk.core.clock import utcnow

    later = utcnow() + timedelta(hours=2)
    cp1 = services.stations.get("CP-1").id
    first = await central.firmware.send_firmware(ADMIN_CTX, firmware_file.id, station_ids=[cp1], retrieve_date=later)
    second = await central.firmware.send_firmware(ADMIN_CTX, firmware_file.id, station_ids=[cp1],
                                                  retrieve_date=later)
    assert (await states_of(services, first))[0] == {"CP-1": "superseded"}
    assert (await states_of(services, second))[0] == {"CP-1": "sent"}
    assert len(services.firmware.transfers.pending()) == 1


async def test_rollout_permissions_and_domains(central, services, fleet, firmware_file):
    from evdesk.core.errors import AccessDenied
    from evdesk.core.permissions import ADMIN, BASIC, SYSTEM_CONTEXT, OperatorContext

    group, _stations = fleet
    other = await services.groups.add(SYSTEM_CONTEXT, "Office")
    await services.stations.create_station("OFF-1", group_id=other.id, ctx=SYSTEM_CONTEXT)
    basic = services.groups.fresh(OperatorContext(None, "Bo Basic", BASIC))
    with pytest.raises(AccessDenied):
        await central.firmware.send_firmware(basic, firmware_file.id, group_id=group.id)
    depot_admin = services.groups.fresh(OperatorContext(None, "Dee Depot", ADMIN, base_group_id=group.id))
    with pytest.raises(AccessDenied):
        await central.firmware.send_firmware(depot_admin, firmware_file.id, group_id=other.id)
    with pytest.raises(AccessDenied):
        await central.firmware.send_firmware(depot_admin, firmware_file.id,
                                             station_ids=[services.stations.get("OFF-1").id])
    with pytest.raises(ValidationError) as empty:
        await central.firmware.send_firmware(ADMIN_CTX, firmware_file.id, station_ids=[])
    assert empty.value.field == "target"
    # the group admin may roll out within the domain, and sees only its stations' roll-outs
    rollout_id = await central.firmware.send_firmware(depot_admin, firmware_file.id, group_id=group.id)
    office_admin = services.groups.fresh(OperatorContext(None, "Otto Office", ADMIN, base_group_id=other.id))
    assert await services.firmware.rollouts.rollouts(office_admin) == []
    assert [r.id for r in await services.firmware.rollouts.rollouts(depot_admin)] == [rollout_id]
    # only an admin of the whole site deletes a shared file
    with pytest.raises(AccessDenied):
        await services.firmware.library.delete(depot_admin, firmware_file.id)
    with pytest.raises(AccessDenied):
        await services.firmware.library.add(basic, services.firmware.library.root / "x")


async def test_links_name_the_address_the_station_reached(services, firmware_file):
    """A station that reached evdesk over IPv6 gets an IPv6 link (in brackets), and the file
    server listens where the OCPP server does."""
    import socket

    from evdesk.core.permissions import SYSTEM_CONTEXT
    from evdesk.csms.server import CentralSystem
    from evdesk.simulator import ScaledClock, SimulatedStation

    if not socket.has_ipv6:
        pytest.skip("no IPv6 on this computer")
    central = CentralSystem(services, "::", 0)
    try:
        await central.start()
    except OSError as exc:
        pytest.skip(f"cannot listen on :: here ({exc})")
    try:
        await services.stations.create_station("DUAL-1", ctx=SYSTEM_CONTEXT)
        st = SimulatedStation("DUAL-1", f"ws://[::1]:{central.port}/", clock=ScaledClock(20.0))
        await st.start()
        await st.wait_accepted(10)
        await wait_for(lambda: central.connections.get("DUAL-1") is not None)
        rollout_id = await central.firmware.send_firmware(ADMIN_CTX, firmware_file.id,
                                                          station_ids=[services.stations.get("DUAL-1").id])
        action = await services.store.run(lambda: m.ActionLog.get(m.ActionLog.action == "UpdateFirmware"))
        assert action.request["location"].startswith(f"http://[::1]:{central.firmware.http.port}/t/")

        async def installed():
            return (await states_of(services, rollout_id))[0] == {"DUAL-1": "Installed"}

        await wait_for(installed, timeout=20)
        await st.stop()
    finally:
        await central.stop()


async def test_a_dozen_stations_download_at_once_in_one_process(central, services, firmware_file):
    """More stations than the loop's default executor has threads, in the process of the server
    (as in the demo): every download is served (the simulator's transfers have their own threads)."""
    from evdesk.core.permissions import SYSTEM_CONTEXT
    from evdesk.simulator import ScaledClock, SimulatedStation

    group = await services.groups.add(SYSTEM_CONTEXT, "Yard")
    fleet = []
    for n in range(12):
        await services.stations.create_station(f"Y-{n}", group_id=group.id, ctx=SYSTEM_CONTEXT)
        st = SimulatedStation(f"Y-{n}", central.url, clock=ScaledClock(50.0), reboot_delay=0.1)
        await st.start()
        fleet.append(st)
    try:
        for st in fleet:
            await st.wait_accepted(20)
        rollout_id = await central.firmware.send_firmware(ADMIN_CTX, firmware_file.id, group_id=group.id)

        async def done():
            _states, row = await states_of(services, rollout_id)
            return row if row.summary.waiting == 0 else None

        row = await wait_for(done, timeout=40)
        assert (row.summary.installed, row.summary.failed) == (12, 0)
    finally:
        for st in fleet:
            await st.stop()
