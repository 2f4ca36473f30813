"""Compatibility profiles over real websockets with the simulator: the probe after the first boot
records what a quirky charger does (configuration read, first messages watched), the server
applies the switches, the next charger of the model starts with the model's profile, and who
may edit or share a profile."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from evdesk.core.clock import utcnow
from evdesk.core.compat_rules import Switches
from evdesk.core.errors import AccessDenied, StaleEdit, ValidationError
from evdesk.core.permissions import ADMIN, BASIC, SYSTEM_CONTEXT, OperatorContext
from evdesk.csms.compat_probe import PROBE_REASON
from evdesk.settings import SiteSettings
from evdesk.simulator import SimulatedStation
from evdesk.store import models as m
from tests.csms.test_protocol_messages import wait_for

ADMIN_CTX = OperatorContext(None, "Ada Admin", ADMIN)


@pytest.fixture
def site_settings() -> SiteSettings:
    # the site's clock is Helsinki (UTC+2 in winter): the quirky charger sends that wall time without zone
    return SiteSettings(post_boot_quiet_seconds=0.0, boot_accept_rate=10_000, site_timezone="Europe/Helsinki")


async def start(central, services, identity, **quirks) -> SimulatedStation:
    await services.stations.create_station(identity, connectors=1, ctx=SYSTEM_CONTEXT)
    station = SimulatedStation(identity, central.url, connectors=1, reboot_delay=0.2, **quirks)
    await station.start()
    await station.wait_accepted(10)
    return station


def profile_of(services, identity):
    return services.compat.profiles.get(services.stations.get(identity).id)


async def actions(services, station_id):
    return await services.store.read(lambda: list(m.ActionLog.select().where(m.ActionLog.station == station_id)
                                                  .order_by(m.ActionLog.started_at)))


async def test_the_probe_records_a_quirky_charger_and_the_server_applies_it(central, services):
    await services.store.run(lambda: m.Token.create(uid="TAG-OK", uid_key="TAG-OK"))
    station = await start(central, services, "QUIRK-1", vendor="Acme", model="Q1", subprotocol=None,
                          local_time_offset=2, meter_unit="kWh?", id_tag_suffix="_serial",
                          missing_keys=("MeterValueSampleInterval", "ChargeProfileMaxStackLevel"),
                          config={"SupportedFeatureProfiles": "Core,RemoteTrigger,LocalAuthListManagement"})
    try:
        info = services.stations.get("QUIRK-1")
        await wait_for(lambda: (profile_of(services, "QUIRK-1") or {}).get("probed_at") is not None, timeout=10)
        # the configuration: no smart charging, keys missing, so evdesk does not set the interval
        await wait_for(lambda: profile_of(services, "QUIRK-1")["switches"]["naive_times_local"], timeout=10,
                       message="boot status notifications in local time without zone")
        row = profile_of(services, "QUIRK-1")
        assert row["observations"]["subprotocol"] == "none (served as ocpp1.6)"
        assert "MeterValueSampleInterval" in row["observations"]["missing_keys"]
        assert "ChargeProfileMaxStackLevel" not in row["observations"]["missing_keys"]  # no SmartCharging: not required
        assert row["observations"]["supported_profiles"] == ["Core", "RemoteTrigger", "LocalAuthListManagement"]
        switches = services.compat.switches(info.id)
        assert not switches.smart_charging and not switches.configure_meter_interval
        assert abs(row["observations"]["naive_offset_hours"] - 2) < 0.1 and row["state"] == "watching"
        assert row["source"] == "probe"
        logged = await actions(services, info.id)
        probe = next(a for a in logged if a.action == "GetConfiguration")
        assert (probe.actor, probe.reason) == ("evdesk (compatibility probe)", PROBE_REASON)
        assert not any(a.action == "ChangeConfiguration" for a in logged)  # the key is missing: not sent

        # applied: a naive local time is read in the site's zone (not two hours in the future)
        await station.set_fault(1, "GroundFailure")
        await wait_for(lambda: services.stations.get("QUIRK-1").connectors[1].status == "Faulted")
        status_at = services.stations.get("QUIRK-1").connectors[1].status_at
        assert abs((status_at - utcnow()).total_seconds()) < 60
        await station.clear_fault(1)

        # a session: the tag carries the vendor suffix, the meter sends kWh without a unit
        await station.plug_in(1)
        assert await station.present_token(1, "TAG-OK")
        await wait_for(lambda: services.transactions.active_on(info.id, 1) is not None)
        await wait_for(lambda: profile_of(services, "QUIRK-1")["observations"].get("id_tag_suffix"), timeout=10)
        assert profile_of(services, "QUIRK-1")["observations"]["id_tag_suffix"] == "TAG-OK_serial"
        assert (await central.commands.trigger_message(info.id, "MeterValues", 1, ctx=ADMIN_CTX, reason="probe")).ok
        await wait_for(lambda: services.compat.switches(info.id).unitless_energy_kwh, timeout=10)
        # the reading that showed the quirk was itself read in kWh (the switch is in force before its handler)
        session = services.transactions.active_on(info.id, 1)
        await wait_for(lambda: session.meter_last_wh is not None)
        assert 0 <= session.energy_wh < 1000, session.energy_wh
        assert (await central.commands.trigger_message(info.id, "MeterValues", 1, ctx=ADMIN_CTX, reason="read")).ok
        register = station.connectors[1].energy_wh
        # readings after the finding are read as kWh: the register in Wh, as the station counts it
        await wait_for(lambda: abs((services.transactions.active_on(info.id, 1).meter_last_wh or 0) - register) < 2000,
                       timeout=10, message="energy read as kWh")

        # applied: Set charging profile is refused in words before anything is sent
        with pytest.raises(ValidationError) as refused:
            await central.commands.set_charging_profile(info.id, 1, {
                "chargingProfileId": 1, "stackLevel": 0, "chargingProfilePurpose": "TxDefaultProfile",
                "chargingProfileKind": "Absolute", "chargingSchedule": {
                    "chargingRateUnit": "A", "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 16}]}},
                ctx=ADMIN_CTX, reason="peak")
        assert "does not support smart charging" in str(refused.value)

        # the model's profile was founded by this station's probe; the profile survives a restart
        await wait_for(lambda: "acme|q1" in services.compat.models, timeout=10)
        model = services.compat.models["acme|q1"]
        assert model["shared_by"] == "probe" and model["switches"]["naive_times_local"]
        again = type(services.compat)(services.store, services.bus, services.settings, services.batch, services.stations)
        await again.load()
        assert again.profiles[info.id]["switches"] == profile_of(services, "QUIRK-1")["switches"]
        assert again.watching(info.id)
    finally:
        await station.stop()


async def test_the_next_charger_of_a_model_starts_with_its_profile(central, services):
    first = await start(central, services, "ACME-1", vendor="Acme", model="Q2")
    try:
        await wait_for(lambda: (profile_of(services, "ACME-1") or {}).get("probed_at") is not None, timeout=10)
        one = services.stations.get("ACME-1")
        await wait_for(lambda: "acme|q2" in services.compat.models, timeout=10)
        assert services.compat.models["acme|q2"]["shared_by"] == "probe"
        view = services.compat.profile(ADMIN_CTX, one.id)
        assert view.switches.smart_charging and view.switches.max_stack_level == 8 and view.source == "probe"
        # the operator knows better: this model sends local times and needs lenient validation
        chosen = dataclasses.replace(view.switches, naive_times_local=True, skip_schema_validation=True,
                                     max_stack_level=3).as_dict()
        view = await services.compat.save(ADMIN_CTX, one.id, chosen, expected_version=view.version, share=True)
        assert view.model_shared_by == "Ada Admin" and view.source == "operator"
        assert set(view.operator_set) == {"naive_times_local", "skip_schema_validation", "max_stack_level"}
        assert services.stations.get("ACME-1").skip_schema_validation  # the station row's switch
    finally:
        await first.stop()

    # a second charger of the model (the name differs in case and spaces): it starts with the shared profile
    second = await start(central, services, "ACME-2", vendor="ACME ", model="q2")
    try:
        two = services.stations.get("ACME-2")
        await wait_for(lambda: (profile_of(services, "ACME-2") or {}).get("probed_at") is not None, timeout=10)
        view = services.compat.profile(ADMIN_CTX, two.id)
        assert view.source == "model"
        # the operator's choices hold although this charger sends UTC with a zone and reports stack level 8
        assert view.switches.naive_times_local and view.switches.max_stack_level == 3
        assert services.stations.get("ACME-2").skip_schema_validation
        assert services.compat.naive_zone(services.stations.get("ACME-2")) is not None
    finally:
        await second.stop()


async def test_who_may_edit_and_share_a_profile(central, services):
    depot = await services.groups.add(SYSTEM_CONTEXT, "Depot")
    elsewhere = await services.groups.add(SYSTEM_CONTEXT, "Elsewhere")
    mine = await services.stations.create_station("MINE-1", group_id=depot.id, ctx=SYSTEM_CONTEXT)
    theirs = await services.stations.create_station("THEIRS-1", group_id=elsewhere.id, ctx=SYSTEM_CONTEXT)
    services.stations.get("MINE-1").vendor = "Acme"
    switches = Switches().as_dict()
    basic = services.groups.fresh(OperatorContext(None, "Bea", BASIC, base_group_id=depot.id))
    with pytest.raises(AccessDenied):  # "Only admin operators can edit charging stations."
        await services.compat.save(basic, mine.id, switches, expected_version=0)
    group_admin = services.groups.fresh(OperatorContext(None, "Gus", ADMIN, base_group_id=depot.id))
    with pytest.raises(AccessDenied):
        await services.compat.save(group_admin, theirs.id, switches, expected_version=0)
    with pytest.raises(AccessDenied) as share:  # sharing reaches stations outside their groups
        await services.compat.save(group_admin, mine.id, switches, expected_version=0, share=True)
    assert "whole site" in str(share.value)
    view = await services.compat.save(group_admin, mine.id, dict(switches, unitless_energy_kwh=True), expected_version=0)
    assert view.switches.unitless_energy_kwh and view.operator_set == ("unitless_energy_kwh",)
    with pytest.raises(StaleEdit):
        await services.compat.save(group_admin, mine.id, switches, expected_version=0)
    with pytest.raises(ValidationError) as bad:
        await services.compat.save(ADMIN_CTX, mine.id, dict(switches, rate_units="kW"), expected_version=view.version)
    assert bad.value.field == "rate_units"
    with pytest.raises(ValidationError) as bad:
        await services.compat.save(ADMIN_CTX, mine.id, dict(switches, max_stack_level=-1), expected_version=view.version)
    assert bad.value.field == "max_stack_level"
    shared = await services.compat.save(ADMIN_CTX, mine.id, switches, expected_version=view.version, share=True)
    assert shared.model_shared_by == "Ada Admin"
    assert utcnow() - shared.model_updated_at < timedelta(minutes=1)

