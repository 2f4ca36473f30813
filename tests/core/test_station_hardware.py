"""Issue 16: EVSE-ID format, the 4-socket rule, phases and rotation, locations, station details with
EVSEs and connectors, templates, the stations CSV import, and group admins' domains."""

from __future__ import annotations

from datetime import date

import pytest

from evdesk.core.errors import AccessDenied, NotFound, StaleEdit, ValidationError
from evdesk.core.hardware_rules import (
    PHASE_ROTATIONS, TOO_MANY_SOCKETS, ConnectorSpec, EvseSpec, check_evse_id, check_layout, parse_socket_type,
)
from evdesk.core.locations import LocationInput
from evdesk.core.operators import context_for
from evdesk.core.permissions import SYSTEM_CONTEXT, OperatorContext


# -- the EVSE-ID -------------------------------------------------------------------------------------
@pytest.mark.parametrize("given, stored", [
    ("FI*ABC*E12345", "FI*ABC*E12345"),
    ("fi*abc*e12345", "FI*ABC*E12345"),
    ("DE*ISE*E1*2", "DE*ISE*E1*2"),  # further '*' inside the outlet's id
    ("FIABCE12345", "FIABCE12345"),  # no separators at all (DIN SPEC 91286)
    ("AT*C40*E0001", "AT*C40*E0001"),
    (" NL*123*EABC ", "NL*123*EABC"),
    ("", ""),
])
def test_valid_evse_ids(given, stored):
    assert check_evse_id(given) == stored


@pytest.mark.parametrize("given", [
    "FIN*ABC*E12345",  # a three-letter country
    "F1*ABC*E12345",  # a digit in the country
    "FI*AB*E12345",  # a two-character operator id
    "FI*ABCD*E12345",  # four
    "FI*ABC*12345",  # no 'E'
    "FI*ABC*X12345",  # another id type
    "FI*ABC*E",  # no outlet id
    "FI*ABCE12345",  # one separator but not the other
    "FI*ABC*E12-45",  # a character outside the alphabet
    "FI*ABC*E" + "1" * 31,  # outlet id too long
    "FI ABC E12345",
])
def test_malformed_evse_ids_are_refused_with_the_format(given):
    with pytest.raises(ValidationError) as refused:
        check_evse_id(given)
    assert refused.value.field == "emi3_id"
    assert "An EVSE-ID looks like FI*ABC*E12345" in str(refused.value)


# -- the layout rules --------------------------------------------------------------------------------
def evse(n=1, sockets=1, first=None, **over):
    first = first or n * 10
    return EvseSpec(n, connectors=tuple(ConnectorSpec(first + i) for i in range(sockets)), **over)


def test_at_most_four_sockets_per_charging_point():
    assert len(check_layout([evse(1, 4)])[0].connectors) == 4
    with pytest.raises(ValidationError) as refused:
        check_layout([evse(1, 5)])
    assert str(refused.value) == TOO_MANY_SOCKETS == "A charging point can have at most 4 sockets (usually it has 1 or 2)."
    assert refused.value.field == "evses[0].connectors"
    with pytest.raises(ValidationError, match="at least one socket"):
        check_layout([evse(1, 0)])


@pytest.mark.parametrize("rotation", PHASE_ROTATIONS)
def test_every_rotation_of_a_three_phase_point(rotation):
    assert check_layout([evse(1, phases=3, phase_rotation=rotation)])[0].phase_rotation == rotation


@pytest.mark.parametrize("over, field, words", [
    ({"phases": 2}, "evses[0].phases", "Phases are 1 or 3."),
    ({"phases": 1, "phase": "L4"}, "evses[0].phase", "L1, L2 or L3"),
    ({"phases": 3, "phase": "L2"}, "evses[0].phase", "three-phase charging point has a phase rotation"),
    ({"phases": 1, "phase_rotation": "RST"}, "evses[0].phase_rotation", "single-phase charging point has a connected"),
    ({"phases": 3, "phase_rotation": "RSS"}, "evses[0].phase_rotation", "RST, RTS, SRT, STR, TRS, TSR"),
    ({"current_type": "HV"}, "evses[0].current_type", "AC or DC"),
    ({"max_power_w": 0}, "evses[0].max_power_w", "more than 0"),
    ({"max_power_w": 2_000_000}, "evses[0].max_power_w", "at most 1000 kW"),
    ({"emi3_id": "FI-ABC-1"}, "evses[0].emi3_id", "EVSE-ID looks like"),
])
def test_bad_charging_point_fields_are_refused_next_to_the_field(over, field, words):
    with pytest.raises(ValidationError) as refused:
        check_layout([evse(1, **over)])
    assert refused.value.field == field and words in str(refused.value)


def test_single_phase_points_name_their_phase_and_duplicates_are_refused():
    layout = check_layout([evse(2, phases=1, phase="L2"), evse(1, phases=1, phase="L3", emi3_id="fi*abc*e1")])
    assert [(e.evse_id, e.phase, e.emi3_id) for e in layout] == [(1, "L3", "FI*ABC*E1"), (2, "L2", "")]
    with pytest.raises(ValidationError, match="Charging point 1 is listed twice") as twice:
        check_layout([evse(1), evse(1, first=50)])
    assert twice.value.field == "evses[1].evse_id"
    with pytest.raises(ValidationError, match="Connector 10 is listed twice") as shared:
        check_layout([evse(1), evse(2, first=10)])
    assert shared.value.field == "evses[1].connectors[0].connector_id"
    with pytest.raises(ValidationError, match="given to two charging points"):
        check_layout([evse(1, emi3_id="FI*ABC*E1"), evse(2, emi3_id="FIABCE1")])


@pytest.mark.parametrize("text, name", [("Type 2", "Type2"), ("type-1", "Type1"), ("CCS", "CCS2"),
                                        ("chademo", "CHAdeMO"), ("Schuko", "Schuko"), ("ccs 1", "CCS1")])
def test_socket_type_names(text, name):
    assert parse_socket_type(text) == name


# -- a station's details and layout ------------------------------------------------------------------
async def test_details_and_layout_round_trip_and_stale_edits(services):
    sv = services
    info = await sv.stations.create_station("CP-H1", "Hall", connectors=2, ctx=SYSTEM_CONTEXT)
    details = await sv.station_details.details(SYSTEM_CONTEXT, info.id)
    assert [(e.evse_id, [c.connector_id for c in e.connectors]) for e in details.evses] == [(1, [1]), (2, [2])]
    assert details.system_status == "active" and details.location_id is None
    hall = await sv.locations.create(SYSTEM_CONTEXT, LocationInput("Depot hall", "Tehtaankatu 1", "00140",
                                                                   "Helsinki", "fi", 60.16, 24.94,
                                                                   "Europe/Helsinki"))
    assert hall.country == "FI"
    layout = [EvseSpec(1, "DC", 150_000, 3, "", "STR", "FI*ABC*E0001",
                       (ConnectorSpec(1, "CCS2", True, 150_000), ConnectorSpec(3, "CHAdeMO", True, 50_000))),
              EvseSpec(2, "AC", 7_400, 1, "L2", "", "", (ConnectorSpec(2, "Type2"),))]
    saved = await sv.station_details.save(SYSTEM_CONTEXT, info.id, details.version, evses=layout, location=hall.id,
                                   system_status="out of order", integration_date=date(2026, 3, 1))
    assert saved.evses == layout
    assert (saved.location_id, saved.system_status, saved.integration_date) == (hall.id, "out_of_order",
                                                                                date(2026, 3, 1))
    registry = sv.stations.get_by_id(info.id)
    assert sorted(registry.connectors) == [1, 2, 3] and registry.system_status == "out_of_order"
    assert registry.location_id == hall.id
    with pytest.raises(StaleEdit):  # read at the old version
        await sv.station_details.save(SYSTEM_CONTEXT, info.id, details.version, evses=layout)
    # a connector removed and added back revives its row
    smaller = [layout[0], EvseSpec(2, connectors=(ConnectorSpec(2),))]
    smaller[0] = EvseSpec(1, "DC", 150_000, 3, "", "STR", "FI*ABC*E0001", (ConnectorSpec(1, "CCS2", True),))
    again = await sv.station_details.save(SYSTEM_CONTEXT, info.id, saved.version, evses=smaller)
    assert [c.connector_id for e in again.evses for c in e.connectors] == [1, 2]
    back = await sv.station_details.save(SYSTEM_CONTEXT, info.id, again.version, evses=layout)
    assert back.evses == layout
    # an EVSE-ID is unique on the site
    other = await sv.stations.create_station("CP-H2", connectors=1, ctx=SYSTEM_CONTEXT)
    mine = await sv.station_details.details(SYSTEM_CONTEXT, other.id)
    with pytest.raises(ValidationError, match="already used by station CP-H1") as taken:
        await sv.station_details.save(SYSTEM_CONTEXT, other.id, mine.version,
                               evses=[EvseSpec(1, emi3_id="FIABCE0001", connectors=(ConnectorSpec(1),))])
    assert taken.value.field == "evses[0].emi3_id"
    with pytest.raises(ValidationError) as status:
        await sv.station_details.save(SYSTEM_CONTEXT, other.id, mine.version, system_status="broken")
    assert status.value.field == "system_status"


@pytest.mark.parametrize("over, field", [
    ({"name": " "}, "name"),
    ({"country": "FIN"}, "country"),
    ({"latitude": 91.0, "longitude": 0.0}, "latitude"),
    ({"latitude": 60.0}, "longitude"),
    ({"latitude": 0.0, "longitude": 181.0}, "longitude"),
    ({"timezone": "Mars/Olympus"}, "timezone"),
    ({"postcode": "1" * 17}, "postcode"),
])
async def test_bad_locations_are_refused_next_to_the_field(services, over, field):
    data = {"name": "Yard", **over}
    with pytest.raises(ValidationError) as refused:
        await services.locations.create(SYSTEM_CONTEXT, LocationInput(**data))
    assert refused.value.field == field


async def domain_site(sv):
    north = await sv.groups.add(SYSTEM_CONTEXT, "North")
    bay = await sv.groups.add(SYSTEM_CONTEXT, "Bay A", north.id)
    south = await sv.groups.add(SYSTEM_CONTEXT, "South")
    admin = await sv.operators.create_with_password(SYSTEM_CONTEXT, username="nadia", password="Secret-pass-123",
                                                    role="admin", base_group_id=north.id)
    return north, bay, south, context_for(admin, sv.groups.index)


async def test_a_group_admin_manages_only_the_stations_and_locations_of_her_subtree(services):
    sv = services
    north, bay, south, nadia = await domain_site(sv)
    mine = await sv.stations.create_station("CP-N1", group_id=bay.id, ctx=SYSTEM_CONTEXT)
    theirs = await sv.stations.create_station("CP-S1", group_id=south.id, ctx=SYSTEM_CONTEXT)
    site_wide = await sv.locations.create(SYSTEM_CONTEXT, LocationInput("Main gate"))
    south_yard = await sv.locations.create(SYSTEM_CONTEXT, LocationInput("South yard", group_id=south.id))
    with pytest.raises(AccessDenied):
        await sv.locations.create(nadia, LocationInput("Somewhere", group_id=south.id))
    with pytest.raises(AccessDenied):
        await sv.locations.create(nadia, LocationInput("Everywhere"))  # site-wide: root admins only
    bay_yard = await sv.locations.create(nadia, LocationInput("Bay yard", group_id=bay.id))
    assert {r.name for r in await sv.locations.list(nadia)} == {"Main gate", "Bay yard"}
    with pytest.raises(NotFound):
        await sv.locations.update(nadia, south_yard.id, south_yard.version, LocationInput("Mine now"))
    with pytest.raises(AccessDenied):
        await sv.locations.update(nadia, site_wide.id, site_wide.version, LocationInput("Gate"))
    with pytest.raises(AccessDenied):
        await sv.station_details.details(nadia, theirs.id)
    details = await sv.station_details.details(nadia, mine.id)
    with pytest.raises(ValidationError) as foreign:
        await sv.station_details.save(nadia, mine.id, details.version, location=south_yard.id)
    assert foreign.value.field == "location"
    saved = await sv.station_details.save(nadia, mine.id, details.version, location=bay_yard.id)
    assert saved.location_id == bay_yard.id
    with pytest.raises(AccessDenied):
        await sv.station_details.save(nadia, theirs.id, 1, system_status="disabled")
    basic = OperatorContext(None, "bob", "basic")
    with pytest.raises(AccessDenied):
        await sv.station_details.save(basic, mine.id, saved.version, system_status="disabled")
    # deleting a location leaves its stations without one
    fresh = await sv.locations.get(nadia, bay_yard.id)
    assert fresh.stations == 1
    await sv.locations.delete(nadia, bay_yard.id, fresh.version)
    assert sv.stations.get_by_id(mine.id).location_id is None


# -- templates ---------------------------------------------------------------------------------------
async def test_template_round_trip(services):
    sv = services
    north, bay, south, nadia = await domain_site(sv)
    source = await sv.stations.create_station("CP-T1", "Source", bay.id, connectors=1, ctx=SYSTEM_CONTEXT)
    await sv.stations.update_station(source.id, source.version, access_mode="private", heartbeat_interval=120,
                                     ctx=SYSTEM_CONTEXT)
    details = await sv.station_details.details(SYSTEM_CONTEXT, source.id)
    layout = [EvseSpec(1, "AC", 22_000, 3, "", "RST", "FI*ABC*E77", (ConnectorSpec(1, "Type2"),)),
              EvseSpec(2, "AC", 3_700, 1, "L3", "", "", (ConnectorSpec(2, "Schuko"), ConnectorSpec(3, "Type1")))]
    await sv.station_details.save(SYSTEM_CONTEXT, source.id, details.version, evses=layout)
    with pytest.raises(ValidationError, match="Give the template a name"):
        await sv.station_details.save_as_template(nadia, source.id, " ")
    template = await sv.station_details.save_as_template(nadia, source.id, "Garo twin")
    assert template.group_id == bay.id and template.settings["access_mode"] == "private"
    assert template.evses[0].emi3_id == "" and template.evses[1].connectors == layout[1].connectors
    assert template.summary == "2 charging points: AC 22 kW Type 2; AC 3.7 kW Schuko+Type 1"
    made = await sv.station_details.create_from_template(nadia, template.id, "CP-T2", "Copy", group_id=bay.id)
    assert made.registration == "adopted" and made.access_mode == "private" and made.heartbeat_interval == 120
    copy = await sv.station_details.details(nadia, made.id)
    assert [e.emi3_id for e in copy.evses] == ["", ""]
    assert [(e.evse_id, e.phases, e.phase, [c.socket_type for c in e.connectors]) for e in copy.evses] == [
        (1, 3, "", ["Type2"]), (2, 1, "L3", ["Schuko", "Type1"])]
    with pytest.raises(AccessDenied):  # not into a group outside her domain
        await sv.station_details.create_from_template(nadia, template.id, "CP-T3", group_id=south.id)
    assert sv.stations.get("CP-T3") is None
    renamed = await sv.station_details.rename_template(nadia, template.id, template.version, "Garo GLB twin")
    assert [t.name for t in await sv.station_details.templates(nadia)] == ["Garo GLB twin"]
    south_admin = await sv.operators.create_with_password(SYSTEM_CONTEXT, username="sam", password="Secret-pass-123",
                                                          role="admin", base_group_id=south.id)
    sam = context_for(south_admin, sv.groups.index)
    assert await sv.station_details.templates(sam) == []
    with pytest.raises(NotFound):
        await sv.station_details.delete_template(sam, template.id, renamed.version)
    await sv.station_details.delete_template(nadia, template.id, renamed.version)
    assert await sv.station_details.templates(SYSTEM_CONTEXT) == []


# -- the CSV import ----------------------------------------------------------------------------------
async def test_csv_import_adds_good_rows_and_refuses_the_others_with_row_column_and_reason(services):
    sv = services
    north, bay, south, nadia = await domain_site(sv)
    await sv.locations.create(SYSTEM_CONTEXT, LocationInput("Bay yard", group_id=bay.id))
    src = await sv.stations.create_station("CP-SRC", group_id=bay.id, connectors=2, ctx=SYSTEM_CONTEXT)
    await sv.station_details.save_as_template(SYSTEM_CONTEXT, src.id, "Twin")
    await sv.stations.create_station("CP-OLD", group_id=bay.id, ctx=SYSTEM_CONTEXT)
    text = "\ufeff" + "\n".join([
        "identity,name,group,location,template,connectors,socket_type,current_type,max_power_kw,system_status,"
        "integration_date",
        "CP-I1,Gate 1,Bay A,bay yard,,2,Type 2,AC,22,,2026-01-15",
        "CP-I2,Gate 2,bay a,,twin,,,,,disabled,",
        "CP I3,Bad id,Bay A,,,,,,,,",  # 4
        "CP-I4,,Nowhere,,,,,,,,",  # 5
        "CP-I5,,Bay A,Moon,,,,,,,",  # 6
        "CP-I6,,Bay A,,,1,Type 9,,,,",  # 7
        "CP-I7,,Bay A,,,,,,0,,",  # 8
        "CP-I8,,Bay A,,Twin,2,,,,,",  # 9
        "CP-I9,,Bay A,,,,,,,sleeping,",  # 10
        "CP-I10,,Bay A,,,,,,,,31.12.2026",  # 11
        "CP-OLD,,Bay A,,,,,,,,",  # 12: exists
        "CP-I12,,South,,,,,,,,",  # 13: outside her domain
        "CP-I13,,,,,,,,,,",  # 14: an orphan: site admins only
        "CP-I14,,Bay A,,,,,DC,150,,",
    ]) + "\n"
    seen = []
    result = await sv.station_import.import_text(nadia, text, progress=lambda done, total: seen.append((done, total)))
    assert result.rows == 14 and result.stations_added == 3
    assert [(p.row, p.field) for p in result.problems] == [
        (4, "identity"), (5, "group"), (6, "location"), (7, "socket_type"), (8, "max_power_kw"), (9, "connectors"),
        (10, "system_status"), (11, "integration_date"), (12, "identity"), (13, "group"), (14, "group")]
    reasons = {p.row: p.message for p in result.problems}
    assert reasons[4] == "Identifier contains forbidden characters."
    assert reasons[5] == "No charging group named 'Nowhere'."
    assert reasons[12] == "Charging station already exists for that identifier."
    assert reasons[13] == "Operator access forbidden."
    assert seen[-1] == (14, 14)
    one = await sv.station_details.details(nadia, sv.stations.get("CP-I1").id)
    assert one.integration_date == date(2026, 1, 15) and one.location_id is not None
    assert [(e.current_type, e.max_power_w, e.connectors[0].socket_type) for e in one.evses] == [
        ("AC", 22_000, "Type2"), ("AC", 22_000, "Type2")]
    two = await sv.station_details.details(nadia, sv.stations.get("CP-I2").id)
    assert two.system_status == "disabled" and len(two.evses) == 2
    assert sv.stations.get("CP-I14") is not None
    bad_header = await sv.station_import.import_text(SYSTEM_CONTEXT, "identity,colour\nX,red\n")
    assert [(p.row, p.field) for p in bad_header.problems] == [(1, "colour")]
    with pytest.raises(AccessDenied):
        await sv.station_import.import_text(OperatorContext(None, "bob", "basic"), text)


async def test_connector_zero_is_no_socket_and_survives_a_layout_save(services):
    sv = services
    info = await sv.stations.create_station("CP-Z", connectors=1, ctx=SYSTEM_CONTEXT)
    sv.status.status_notification(sv.stations.get("CP-Z"), 0, "Available")
    await sv.status.flush()
    details = await sv.station_details.details(SYSTEM_CONTEXT, info.id)
    assert [e.evse_id for e in details.evses] == [1]
    await sv.station_details.save(SYSTEM_CONTEXT, info.id, details.version, evses=details.evses)
    assert 0 in sv.stations.get_by_id(info.id).connectors


async def test_nobody_sees_no_location_and_no_template(services):
    from evdesk.core.permissions import NOBODY_CONTEXT

    sv = services
    await sv.locations.create(SYSTEM_CONTEXT, LocationInput("Main gate"))
    info = await sv.stations.create_station("CP-NB", connectors=1, ctx=SYSTEM_CONTEXT)
    await sv.station_details.save_as_template(SYSTEM_CONTEXT, info.id, "Orphan's")
    assert await sv.locations.list(NOBODY_CONTEXT) == [] and await sv.station_details.templates(NOBODY_CONTEXT) == []
    assert [r.name for r in await sv.locations.list(OperatorContext(None, "ann", "analyst"))] == ["Main gate"]
