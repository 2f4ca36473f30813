"""Firmware files, their roll-outs to stations, and diagnostics requests with the files received.

The hardware status log needs no table of its own: it reads the status notifications
(`StatusEvent`: error codes, vendor info) and the firmware progress (`StationEvent`
kind firmware) that are already stored.
"""

from __future__ import annotations

import peewee

from evdesk.store.fields import UtcDateTimeField
from evdesk.store.models.base import SyncedModel
from evdesk.store.models.site import Station


class FirmwareFile(SyncedModel):
    """A firmware image an admin uploaded once; the bytes live under `<data folder>/firmware/<id>/`."""

    name = peewee.CharField(max_length=255)  # the file name stations download it as
    size = peewee.BigIntegerField()
    sha256 = peewee.CharField(max_length=64)
    note = peewee.TextField(default="")
    uploaded_by = peewee.CharField(max_length=120, default="")
    uploaded_at = UtcDateTimeField()


class FirmwareRollout(SyncedModel):
    """One "send this file to these stations" (a station or a whole group)."""

    file = peewee.ForeignKeyField(FirmwareFile, on_delete="CASCADE")
    target = peewee.CharField(max_length=255)  # "station CP-1" / "group Depot north"
    group_id = peewee.UUIDField(null=True)
    protocol = peewee.CharField(max_length=8)  # http / ftp
    retrieve_date = UtcDateTimeField()
    created_by = peewee.CharField(max_length=120, default="")
    created_at = UtcDateTimeField(index=True)


class RolloutStation(SyncedModel):
    """One station of a roll-out and how far it got (from its FirmwareStatusNotifications)."""

    rollout = peewee.ForeignKeyField(FirmwareRollout, on_delete="CASCADE", backref="stations")
    station = peewee.ForeignKeyField(Station, on_delete="CASCADE")
    # sent / Downloading / Downloaded / Installing / Installed / DownloadFailed / InstallationFailed /
    # rejected / offline / error / timed_out
    state = peewee.CharField(max_length=24)
    detail = peewee.TextField(default="")
    changed_at = UtcDateTimeField()

    class Meta:
        indexes = ((("rollout", "station"), True), (("station", "changed_at"), False))


class DiagnosticsRequest(SyncedModel):
    """One GetDiagnostics: who asked, how the station answered, and the file that arrived."""

    station = peewee.ForeignKeyField(Station, on_delete="CASCADE")
    requested_by = peewee.CharField(max_length=120, default="")
    requested_at = UtcDateTimeField()
    protocol = peewee.CharField(max_length=8)  # http / ftp
    # requested / rejected / offline / error / Uploading / received / UploadFailed / timed_out / too_large
    state = peewee.CharField(max_length=24)
    detail = peewee.TextField(default="")
    file_name = peewee.CharField(max_length=255, default="")  # the name the station announced or sent
    stored_path = peewee.CharField(max_length=1024, default="")  # relative to the data folder
    size = peewee.BigIntegerField(null=True)
    received_at = UtcDateTimeField(null=True)
    changed_at = UtcDateTimeField()

    class Meta:
        indexes = ((("station", "requested_at"), False),)
