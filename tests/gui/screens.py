"""Screenshots of the evdesk screens with realistic data, for reviewing the layout.

Not collected by pytest (no `test_` prefix). Run:

    QT_QPA_PLATFORM=offscreen python -m tests.gui.screens /tmp/evdesk-screens

`seed_site(services)` is also what the GUI tests use to fill a site with stations,
sessions and log rows without a live charger.
"""

from __future__ import annotations

from tests.gui.shot_app import offscreen_app

import os
import sys
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from evdesk.core.actions import Actor  # noqa: E402
from evdesk.core.clock import utcnow  # noqa: E402


def display_zone(services):
    from evdesk.gui.display import zone_of

    return zone_of(services.settings)
from evdesk.core.permissions import SYSTEM_CONTEXT  # noqa: E402
from evdesk.core.stations import BootDecision  # noqa: E402
from evdesk.gui.models.groups_model import GROUP  # noqa: E402
from evdesk.store import models as m  # noqa: E402


def _iso(dt) -> str:
    return dt.isoformat().replace("+00:00", "Z")


async def seed_operators(services, ids: dict) -> None:
    """A few operators in every state, for the Operators page."""
    from evdesk.core.passwords import hash_password

    north, visitors = ids["groups"]
    pw = hash_password("screens-password-1", n=2**10)
    now = utcnow()

    def write():
        m.Operator.create(username="bruno", email="bruno@depot.example", first_name="Bruno", last_name="Basic",
                          role="basic", base_group=north, status="active", password_hash=pw,
                          last_login=now - timedelta(hours=3))
        m.Operator.create(username="carla", email="carla@depot.example", first_name="Carla", last_name="Count",
                          role="analyst", base_group=visitors, status="invited")
        m.Operator.create(username="dieter", email="dieter@depot.example", first_name="Dieter", last_name="Old",
                          role="basic", base_group=north, status="inactive", password_hash=pw,
                          last_login=now - timedelta(days=40))

    await services.store.run(write)
    bays = await services.groups.add(SYSTEM_CONTEXT, "Bays 1-4", north)
    await services.groups.assign_stations(SYSTEM_CONTEXT, bays.id, [ids["depot1"], ids["depot2"]])


async def seed_configuration(services, station_id) -> None:
    """Configuration keys as a GetConfiguration would have stored them, and the read side of them
    (a stand-in until the core's station_config lands in this branch)."""
    from evdesk.core.clock import utcnow
    from evdesk.csms.commands import configuration_rows
    from evdesk.store.repos.config import store_configuration
    from tests.gui.fakes import FakeStationConfig

    keys = [
        {"key": "AuthorizationCacheEnabled", "value": "true", "readonly": False},
        {"key": "ClockAlignedDataInterval", "value": "900", "readonly": False},
        {"key": "ConnectionTimeOut", "value": "60", "readonly": False},
        {"key": "HeartbeatInterval", "value": "300", "readonly": False},
        {"key": "LocalAuthListEnabled", "value": "true", "readonly": False},
        {"key": "MeterValueSampleInterval", "value": "60", "readonly": False},
        {"key": "MeterValuesSampledData", "value": "Energy.Active.Import.Register,Power.Active.Import", "readonly": False},
        {"key": "NumberOfConnectors", "value": "2", "readonly": True},
        {"key": "SupportedFeatureProfiles", "value": "Core,FirmwareManagement,LocalAuthListManagement,Reservation,"
                                                     "SmartCharging,RemoteTrigger", "readonly": True},
    ]
    await services.batch.call(store_configuration, station_id, configuration_rows(keys), True, [], utcnow())
    services.station_config = FakeStationConfig(services)


async def seed_site(services) -> dict:
    """Two groups, five stations in every state, a running session, log rows. Returns ids."""
    store = services.store

    def groups():
        return (m.ChargingGroup.create(name="Depot North").id, m.ChargingGroup.create(name="Visitor car park").id)

    north, visitors = await store.run(groups)
    await services.groups.load()
    st = services.stations
    depot1 = await st.create_station("DEPOT-AC-01", "Depot bay 1-2", north, connectors=2, ctx=SYSTEM_CONTEXT)
    depot2 = await st.create_station("DEPOT-AC-02", "Depot bay 3-4", north, connectors=2, ctx=SYSTEM_CONTEXT)
    visitor = await st.create_station("VISITOR-DC-01", "Visitor fast charger", visitors, connectors=2, ctx=SYSTEM_CONTEXT)
    await st.create_station("WORKSHOP-01", "Workshop wallbox", north, connectors=1, ctx=SYSTEM_CONTEXT)
    pending = await st.create_station("EVB-7781-X", connectors=0, registration="pending", ctx=SYSTEM_CONTEXT)

    status = services.status
    now = utcnow()
    # "today" in the site's zone may have begun only minutes ago (just after midnight in
    # Helsinki): the session's past fits into today, so the day views show it whatever the hour
    local = now.astimezone(display_zone(services))
    today_so_far = local - local.replace(hour=0, minute=0, second=0, microsecond=0)

    def ago(minutes: int):
        return now - min(timedelta(minutes=minutes), today_so_far * minutes / 50)

    for info, vendor, model, fw in (
        (depot1, "Ensto", "EVB200", "1.8.4"), (depot2, "Ensto", "EVB200", "1.8.4"),
        (visitor, "ABB", "Terra 54", "4.2.1"), (pending, "Vestel", "EVC04", "3.155.0"),
    ):
        status.connected(info)
        await st.record_boot(
            info, {"charge_point_vendor": vendor, "charge_point_model": model, "firmware_version": fw},
            BootDecision("Accepted", 300),
        )
    status.status_notification(depot1, 0, "Available")
    status.status_notification(depot1, 1, "Preparing", timestamp=_iso(ago(48)))
    status.status_notification(depot1, 1, "Charging", timestamp=_iso(ago(47)))
    status.status_notification(depot1, 2, "Available")
    status.status_notification(depot2, 1, "Faulted", "GroundFailure", "RCD tripped", vendor_error_code="E21")
    status.status_notification(depot2, 2, "Unavailable")
    status.status_notification(visitor, 1, "Available")
    status.status_notification(visitor, 2, "SuspendedEV")
    status.disconnected(visitor, "connection closed")

    started = await services.transactions.start(depot1, 1, "04A2B3C4D5", 125_000, _iso(ago(47)))
    services.transactions.meter_values(depot1, 1, started.ocpp_id, [{
        "timestamp": _iso(now),
        "sampled_value": [
            {"value": "137.42", "measurand": "Energy.Active.Import.Register", "unit": "kWh"},
            {"value": "10.8", "measurand": "Power.Active.Import", "unit": "kW"},
        ],
    }])

    log = services.commlog
    log.frame(depot1.identity, "in", '[2,"17","Heartbeat",{}]', 2, "17", "Heartbeat")
    log.frame(depot1.identity, "out", f'[3,"17",{{"currentTime":"{_iso(now)}"}}]', 3, "17", "Heartbeat")
    log.frame(depot1.identity, "in", '[2,"18","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Charging"}]', 2, "18", "StatusNotification")
    log.frame(depot1.identity, "out", '[3,"18",{}]', 3, "18", "StatusNotification")
    log.frame(depot1.identity, "out", '[2,"c-1","Reset",{"type":"Soft"}]', 2, "c-1", "Reset")
    log.frame(depot1.identity, "in", '[3,"c-1",{"status":"Accepted"}]', 3, "c-1", "Reset")

    actor = Actor("Anna Operator")
    a1 = await services.actions.begin(depot1.id, actor, "Reset", "Display frozen after power cut", {"type": "Soft"})
    await services.actions.finish(a1, "accepted", {"status": "Accepted"})
    a2 = await services.actions.begin(depot1.id, actor, "UnlockConnector", "Driver cannot unplug", {"connectorId": 2})
    await services.actions.finish(a2, "timeout", None, "No answer in 30 s")
    a3 = await services.actions.begin(depot1.id, Actor("scheduler"), "RemoteStartTransaction", "Night charging plan", {"connectorId": 1, "idTag": "FLEET-07"})
    await services.actions.finish(a3, "rejected", {"status": "Rejected"})

    await services.batch.flush()
    await status.flush()
    return {
        "groups": (north, visitors), "depot1": depot1.id, "depot2": depot2.id, "visitor": visitor.id,
        "pending": pending.id, "transaction": started.ocpp_id,
    }


def render(folder: str | Path) -> list[Path]:
    """Render the Stations page and a Station panel with data offscreen; return the PNG paths."""
    import asyncio
    import tempfile

    from PySide6.QtCore import Qt

    from evdesk.core.services import Services
    from evdesk.gui.main_window import MainWindow
    from evdesk.settings import SiteSettings
    from evdesk.store.database import Store

    folder, app, loop = offscreen_app(folder)
    paths = []
    async def scenes(tmp: Path) -> None:
        # Everything inside one coroutine: Qt and asyncio run together throughout.
        store = Store.sqlite(tmp / "site.db")
        store.open()
        services = Services(store, SiteSettings(site_timezone="Europe/Helsinki"))
        await services.start(load_settings=False)
        ids = await seed_site(services)
        await seed_configuration(services, ids["depot1"])

        def shoot(name: str, widget) -> None:
            paths.append(folder / f"{name}.png")
            widget.grab().save(str(paths[-1]))

        # -- first start and log in
        from evdesk.gui.dialogs.login_dialog import LoginDialog

        login = LoginDialog(services)
        login.start()
        login.show()
        await asyncio.sleep(0.3)
        shoot("first-administrator", login)
        await services.operators.create_first_admin("anna", "anna-password-1", "anna@depot.example", "Anna", "Operator")
        await seed_operators(services, ids)
        login.show_page(0)
        login.ui.usernameEdit.setText("anna")
        login.ui.passwordEdit.setText("wrong password")
        login.log_in()
        await asyncio.sleep(0.4)
        shoot("login", login)
        login.close()
        session = await services.login.login("anna", "anna-password-1")
        window = MainWindow(services, None, "ws://0.0.0.0:9000/", session=session)
        window.resize(1280, 800)
        window.show()
        await asyncio.sleep(0.6)

        shoot("stations-page", window)
        # how chargers connect, as after the first administrator (a server listening on every interface)
        from types import SimpleNamespace

        from evdesk.gui.dialogs.connect_help_dialog import ConnectHelpDialog

        connect = ConnectHelpDialog(services, SimpleNamespace(host="0.0.0.0", port=9000), window)
        connect.show()
        await asyncio.sleep(0.3)
        shoot("connect-help", connect)
        connect.close()
        window.page("stations").show_pending()
        window.page("stations").select_station(ids["pending"])
        await asyncio.sleep(0.2)
        shoot("stations-page-pending", window)
        adopt = window.page("stations").adopt_selected()
        await asyncio.sleep(0.3)
        shoot("adopt-dialog", adopt)
        adopt.close()
        window.page("stations").ui.registrationCombo.setCurrentIndex(0)
        window.open_station(ids["depot1"])
        await asyncio.sleep(0.6)
        shoot("station-panel", window)
        panel = window.current_station_panel()
        for tab in range(1, panel.ui.logTabs.count()):
            panel.ui.logTabs.setCurrentIndex(tab)
            if tab == 1:
                panel.ui.commLogTable.selectRow(0)
            await asyncio.sleep(0.3)
            shoot("station-panel-" + panel.ui.logTabs.tabText(tab).lower().replace(" ", "-"), window)
        for key, presets in (("reset", {}), ("remote_start", {"connector_id": 2}), ("get_diagnostics", {})):
            dialog = panel.open_command(key, **presets)
            await asyncio.sleep(0.2)
            shoot(f"command-{key}", dialog)
            dialog.close()
        # -- station settings dialog and site settings page
        settings_dialog = panel.open_settings()
        for _ in range(50):
            if settings_dialog.loaded:
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.2)
        shoot("station-settings", settings_dialog)
        settings_dialog.close()
        window.show_stations()
        nav = window.ui.navList
        nav.setCurrentRow(next(r for r in range(nav.count()) if nav.item(r).data(Qt.ItemDataRole.UserRole) == "settings"))
        await asyncio.sleep(0.3)
        shoot("site-settings", window)
        window.page("settings").ui.scrollArea.ensureWidgetVisible(window.page("settings").ui.testMailButton)
        await asyncio.sleep(0.2)
        shoot("site-settings-mail", window)
        # -- operators, my account, groups
        window.show_page("operators")
        await asyncio.sleep(0.5)
        shoot("operators-page", window)
        invite = window.page("operators").invite()
        await asyncio.sleep(0.2)
        shoot("invite-operator", invite)
        invite.close()
        window.show_page("account")
        await asyncio.sleep(0.4)
        shoot("my-account", window)
        window.show_page("groups")
        window.page("groups").ui.groupsTree.expandAll()
        window.page("groups").select(GROUP, ids["groups"][0])
        await asyncio.sleep(0.3)
        shoot("groups-page", window)
        move = window.page("groups").open_dialog("move")
        await asyncio.sleep(0.2)
        shoot("move-group", move)
        move.close()
        assign = window.page("groups").open_dialog("assign")
        await asyncio.sleep(0.2)
        shoot("assign-stations", assign)
        assign.close()
        await shoot_people(services, window, shoot, ids)  # charging users, authorizations, tokens, user groups
        await shoot_tariffs(services, window, shoot, ids)  # tariffs, the editor with its preview, a tariff group
        # API keys, then storage trouble across the window
        await window.page("api_keys").keys.create(session.ctx, "anna", "fleet dashboard")
        window.show_page("api_keys")
        await asyncio.sleep(0.5)
        shoot("api-keys-page", window)
        from evdesk.core import events as ev

        window.show_stations()
        services.bus.publish(ev.StorageTrouble("The disk is full (no space left on device)", utcnow() - timedelta(minutes=4)))
        await asyncio.sleep(0.3)
        shoot("storage-trouble", window)
        services.bus.publish(ev.StorageRecovered(utcnow()))
        window.show_stations()
        window.open_station(ids["depot1"])
        await asyncio.sleep(0.3)
        window.login_control.check_expiry(utcnow() + timedelta(days=1))
        await asyncio.sleep(0.3)
        shoot("login-expired", window)
        window.close()
        window.deleteLater()
        await asyncio.sleep(0.1)
        await services.stop()
        store.close()

    with tempfile.TemporaryDirectory() as tmp:
        loop.run_until_complete(scenes(Path(tmp)))
    loop.close()
    asyncio.set_event_loop(None)
    return paths


async def shoot_people(services, window, shoot, ids) -> None:
    """Charging users, the user editor, CSV import report, Authorizations, Register tag, Tokens, User groups."""
    import asyncio
    import tempfile

    from evdesk.core.people_types import TokenInput, UserInput
    from evdesk.core.reads.people import UserFilter

    people, ctx = services.people, SYSTEM_CONTEXT
    north, visitors = ids["groups"]
    staff = await people.groups.create(ctx, "Depot staff", max_concurrent=2)
    guests = await people.groups.create(ctx, "Visitors")
    await people.groups.create(ctx, "Former contractors", active=False)
    first = None
    for i, (fn, ln, email, plates, uids, group) in enumerate((
        ("Anna", "Berg", "anna.berg@depot.example", ["ABC-123"], ["04A2B3C4D5"], staff.id),
        ("Jukka", "Virtanen", "jukka.v@depot.example", ["XYZ-987", "EV-42"], ["04C1D2E3", "FLEET-07"], staff.id),
        ("Maria", "Lopez", "maria@visitor.example", [], ["VIS-0193"], guests.id),
        ("Tom", "Nguyen", "", ["KLM-555"], [], None),
        ("Sara", "Koski", "sara.koski@depot.example", [], ["04FF0011", "04FF0012", "04FF0013"], staff.id),
    )):
        detail = await people.users.create(ctx, UserInput(fn, ln, email, "+358 40 555 01%02d" % i, group, vehicles=plates,
                                                          group_rights=[north] if group == staff.id else []),
                                           [TokenInput(u, "Key fob" if j == 0 else "Card") for j, u in enumerate(uids)])
        first = first or detail
    await people.users.disable(ctx, (await people.reads.users(ctx, UserFilter("Nguyen"))).items[0].id,
                               "Left the company in March")
    await people.tokens.add(ctx, TokenInput("LOOSE-CARD-9", "Spare card at reception"))
    depot1, visitor = services.stations.get_by_id(ids["depot1"]), services.stations.get_by_id(ids["visitor"])
    for info, tag in ((depot1, "04A2B3C4D5"), (visitor, "VIS-0193"), (depot1, "0499AA77_1F"), (visitor, "FLEET-07"),
                      (depot1, "04FF0011")):
        await services.auth.authorize(info, 1, tag, "Authorize")
    await services.batch.flush()

    window.show_page("users")
    await asyncio.sleep(0.6)
    shoot("users-page", window)
    page = window.page("users")
    page.select_user(first.id)
    dialog = page.edit_selected()
    await asyncio.sleep(0.4)
    dialog.resize(700, 560)
    shoot("user-dialog", dialog)
    dialog.ui.emailEdit.setText("maria@visitor.example")
    dialog.save()
    await asyncio.sleep(0.3)
    shoot("user-dialog-error", dialog)
    for tab in (2, 3):
        dialog.ui.tabs.setCurrentIndex(tab)
        dialog.ui.newUidEdit.setText("04C1D2E3")
        if tab == 3:
            dialog.add_token()
        await asyncio.sleep(0.3)
        shoot(f"user-dialog-{'access' if tab == 2 else 'tokens'}", dialog)
    dialog.close()
    with tempfile.TemporaryDirectory() as tmp:
        path = f"{tmp}/fleet.csv"
        with open(path, "w", encoding="utf-8") as f:
            f.write("first_name,last_name,email,user_group,token_uids\nLiisa,Laine,liisa@fleet.example,Depot staff,CSV-1\n"
                    "Pekka,Puu,not-an-address,,CSV-2\nOlli,Oja,olli@fleet.example,Night shift,CSV-3\n"
                    "Eeva,Eka,eeva@fleet.example,,04A2B3C4D5\n")
        csv_dialog = page.import_file(path)
        await asyncio.sleep(0.8)
        shoot("csv-import-report", csv_dialog)
        csv_dialog.close()
    window.show_page("authorizations")
    await asyncio.sleep(0.6)
    auth = window.page("authorizations")
    auth.select_row(next(i for i, r in enumerate(auth.model.rows()) if r.unknown_tag))
    shoot("authorizations-page", window)
    register = auth.register_selected()
    await asyncio.sleep(0.4)
    shoot("register-tag", register)
    register.choose_new_user()
    await asyncio.sleep(0.2)
    shoot("register-tag-new-user", register)
    register.close()
    window.show_page("tokens")
    await asyncio.sleep(0.5)
    shoot("tokens-page", window)
    window.show_page("user_groups")
    await asyncio.sleep(0.5)
    shoot("user-groups-page", window)
    groups_page = window.page("user_groups")
    groups_page.select_group(staff.id)
    group_dialog = groups_page.edit_selected()
    await asyncio.sleep(0.3)
    shoot("user-group-dialog", group_dialog)
    group_dialog.close()


async def seed_tariffs(services, ids) -> dict:
    """The demo's tariffs on this site: "Northwind prices" on Depot North, "Visitor prices" on the
    visitor car park (the user groups of `shoot_people`: Depot staff as drivers and staff)."""
    from evdesk.demo import seed_tariffs as demo_tariffs

    north, visitors = ids["groups"]
    user_groups = {g.name: g.id for g in await services.people.groups.list()}
    staff = user_groups.get("Depot staff")
    return await demo_tariffs(services, north, visitors, staff, user_groups.get("Visitors"), staff)


async def shoot_tariffs(services, window, shoot, ids) -> None:
    """The Tariffs page (both tabs), the tariff editor with a preview, a day/night tariff, and a tariff group."""
    import asyncio

    seeded = await seed_tariffs(services, ids)
    await services.tariffs.assign(SYSTEM_CONTEXT, seeded["Northwind prices"], station_id=ids["visitor"], connector_id=2)
    window.show_page("tariffs")
    await asyncio.sleep(0.4)
    page = window.page("tariffs")
    shoot("tariffs-page", window)
    page.select_tariff(seeded["Visitor"])
    dialog = page.edit_selected()
    dialog.ui.durationMinSpin.setValue(95)
    dialog.ui.energySpin.setValue(18.4)
    dialog.ui.parkingSpin.setValue(75)
    await asyncio.sleep(0.3)
    shoot("tariff-editor", dialog)
    dialog.ui.energyPriceEdit.setText("0.45678")
    dialog.ui.connectionFeeEdit.setText("-1")
    await asyncio.sleep(0.2)
    shoot("tariff-editor-errors", dialog)
    dialog.close()
    page.select_tariff(seeded["Night"])
    dialog = page.edit_selected()
    start = dialog.ui.startEdit.dateTime()
    dialog.ui.startEdit.setDateTime(start.addSecs(21 * 3600 - start.time().msecsSinceStartOfDay() // 1000))
    dialog.ui.durationMinSpin.setValue(150)
    dialog.ui.energySpin.setValue(24)
    await asyncio.sleep(0.3)
    shoot("tariff-editor-day-night", dialog)
    dialog.close()
    page.select_group(seeded["Visitor prices"])
    await asyncio.sleep(0.3)
    shoot("tariff-groups-page", window)
    group_dialog = page.edit_group()
    await asyncio.sleep(0.5)
    group_dialog.ui.entriesTable.selectRow(2)
    group_dialog.ui.restrictionTabs.setCurrentIndex(3)
    await asyncio.sleep(0.3)
    shoot("tariff-group-editor", group_dialog)
    group_dialog.ui.restrictionTabs.setCurrentIndex(0)
    await asyncio.sleep(0.2)
    shoot("tariff-group-editor-user-groups", group_dialog)
    group_dialog.close()


if __name__ == "__main__":
    for path in render(sys.argv[1] if len(sys.argv) > 1 else "screens"):
        print(path)
