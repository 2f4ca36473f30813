"""`evdesk api-key create|list|revoke` on a data folder."""

from __future__ import annotations

from evdesk.app import main
from evdesk.paths import database_path
from evdesk.store import models as m
from evdesk.store.database import Store


def test_api_key_cli_creates_lists_and_revokes(tmp_path, capsys):
    store = Store.sqlite(database_path(tmp_path))
    store.open()
    store.call_sync(lambda: m.Operator.create(username="ada", role="admin", status="active"))
    store.close()
    assert main(["api-key", "create", "--operator", "ada", "--name", "dashboard", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    key = next(line for line in out.splitlines() if line.startswith("evk_"))
    prefix = key.split("_")[1]
    assert main(["api-key", "list", "--data-dir", str(tmp_path)]) == 0
    listed = capsys.readouterr().out
    assert prefix in listed and "dashboard" in listed and "active" in listed and key not in listed
    assert main(["api-key", "revoke", prefix, "--data-dir", str(tmp_path)]) == 0
    assert main(["api-key", "list", "--data-dir", str(tmp_path)]) == 0
    assert "revoked" in capsys.readouterr().out
    assert main(["api-key", "create", "--operator", "nobody", "--data-dir", str(tmp_path)]) == 1


def test_api_key_for_an_unknown_operator_says_how_to_make_one(tmp_path, capsys):
    assert main(["api-key", "create", "--operator", "x", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err == ("evdesk api-key: No operator 'x'. Create one with: evdesk operator create --username x "
                   "--role admin\n")
