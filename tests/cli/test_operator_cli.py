"""`evdesk operator create|list|reset-password|activate|deactivate`: the real command (in its
own process, or `main([...])`) on a real data folder; what it did is checked through the
core services (a log-in with the password it set)."""

from __future__ import annotations

import pytest

from evdesk.app import main
from evdesk.core.errors import EvdeskError
from evdesk.core.operator_accounts import LAST_ADMIN
from evdesk.core.permissions import SYSTEM_CONTEXT
from tests.cli.conftest import evdesk, on_site

ROOT_PW = "first-admin-pw-1"


async def _login(services, username, password):
    try:
        return (await services.login.login(username, password)).ctx
    except EvdeskError as exc:
        return str(exc)


def login(folder, username, password):
    return on_site(folder, lambda s: _login(s, username, password))


def make_root(folder):
    done = evdesk("operator", "create", "--username", "root", "--role", "admin", "--email", "root@depot.example",
                  "--first-name", "Rita", "--last-name", "Root", "--password-stdin", stdin=ROOT_PW + "\n",
                  folder=folder)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return done


def test_a_site_without_a_display_gets_its_first_admin_from_stdin(site_dir):
    done = make_root(site_dir)
    assert done.stdout == "operator root created: admin, active, the whole site\n"
    ctx = login(site_dir, "root", ROOT_PW)
    assert ctx.role == "admin" and ctx.is_root and ctx.name == "Rita Root"
    listed = evdesk("operator", "list", folder=site_dir)
    assert listed.returncode == 0 and listed.stdout.split()[:4] == ["root", "admin", "active", "(whole"]
    assert "root@depot.example" in listed.stdout


def test_the_password_is_asked_twice_on_the_terminal(site_dir, monkeypatch, capsys):
    answers = iter(["typed-pw-123", "typed-pw-123", "typed-pw-123", "typo-pw-1234"])
    prompts = []
    monkeypatch.setattr("getpass.getpass", lambda prompt="": (prompts.append(prompt), next(answers))[1])
    assert main(["operator", "create", "--username", "ada", "--role", "admin", "--data-dir", str(site_dir)]) == 0
    assert prompts == ["Password for ada: ", "Repeat the password: "]
    assert login(site_dir, "ada", "typed-pw-123").username == "ada"
    capsys.readouterr()
    assert main(["operator", "create", "--username", "bob", "--role", "basic", "--data-dir", str(site_dir)]) == 1
    err = capsys.readouterr().err
    assert err == "evdesk operator: The two passwords differ; nothing was changed.\n"
    assert login(site_dir, "bob", "typed-pw-123") == "Wrong credentials."


def test_a_password_is_never_an_argument(site_dir):
    done = evdesk("operator", "create", "--username", "x", "--role", "admin", "--password", "secret-pw-123",
                  folder=site_dir)
    assert done.returncode == 2 and "secret-pw-123" not in done.stderr + done.stdout
    assert done.stderr.count("\n") == 1 and "--password-stdin" in done.stderr


@pytest.mark.parametrize("args, stdin, code, message", [
    (["--username", "bob", "--role", "basic"], "short1\n", 1, "Password does not conform to password policy."),
    (["--username", "bob", "--role", "basic"], "\n", 1, "No password on stdin"),
    (["--username", "bob", "--role", "chief"], "basic-pw-1234\n", 2, "invalid choice: 'chief'"),
    (["--username", "root", "--role", "basic"], "basic-pw-1234\n", 1, "Username already exists."),
    (["--username", "two words", "--role", "basic"], "basic-pw-1234\n", 1, "without spaces"),
    (["--username", "bob", "--role", "basic", "--email", "not-an-address"], "basic-pw-1234\n", 1, "email"),
    (["--username", "bob", "--role", "basic", "--base-group", "Nowhere"], "basic-pw-1234\n", 2,
     "No charging group 'Nowhere'. Groups: Depot; Depot / North."),
])
def test_refusals_are_one_line_with_the_exit_code(site_dir, args, stdin, code, message):
    make_root(site_dir)
    on_site(site_dir, lambda s: _groups(s))
    done = evdesk("operator", "create", *args, "--password-stdin", stdin=stdin, folder=site_dir)
    assert done.returncode == code, done.stderr
    assert message in done.stderr and done.stdout == ""
    if code == 1:
        assert done.stderr.count("\n") == 1 and done.stderr.startswith("evdesk operator: ")
    assert login(site_dir, "bob", "basic-pw-1234") == "Wrong credentials."


async def _groups(services):
    depot = await services.groups.add(SYSTEM_CONTEXT, "Depot")
    await services.groups.add(SYSTEM_CONTEXT, "North", depot.id)


def test_base_group_by_name_or_path_limits_the_operator(site_dir):
    make_root(site_dir)
    on_site(site_dir, _groups)
    done = evdesk("operator", "create", "--username", "nina", "--role", "basic", "--base-group", "north",
                  "--password-stdin", stdin="basic-pw-1234\n", folder=site_dir)
    assert done.returncode == 0 and "limited to Depot / North" in done.stdout, done.stderr
    done = evdesk("operator", "create", "--username", "dora", "--role", "analyst", "--base-group", "Depot / North",
                  "--password-stdin", stdin="basic-pw-1234\n", folder=site_dir)
    assert done.returncode == 0, done.stderr

    async def check(services):
        north = next(g for g in services.groups.groups.values() if g.name == "North")
        nina = await services.login.login("nina", "basic-pw-1234")
        dora = await services.login.login("dora", "basic-pw-1234")
        return nina.ctx.base_group_id == north.id and dora.ctx.base_group_id == north.id and not nina.ctx.is_root

    assert on_site(site_dir, check)


def test_reset_password_deactivate_and_activate(site_dir):
    make_root(site_dir)
    assert evdesk("operator", "create", "--username", "bob", "--role", "basic", "--password-stdin",
                  stdin="basic-pw-1234\n", folder=site_dir).returncode == 0
    done = evdesk("operator", "reset-password", "BOB", "--password-stdin", stdin="new-basic-pw-99\n", folder=site_dir)
    assert done.returncode == 0 and done.stdout == "new password set for bob\n", done.stderr
    assert login(site_dir, "bob", "basic-pw-1234") == "Wrong credentials."
    assert login(site_dir, "bob", "new-basic-pw-99").username == "bob"

    done = evdesk("operator", "deactivate", "bob", folder=site_dir)
    assert done.returncode == 0 and done.stdout == "bob is inactive\n"
    assert login(site_dir, "bob", "new-basic-pw-99") == "Operator is inactive."
    done = evdesk("operator", "reset-password", "bob", "--password-stdin", stdin="other-pw-1234\n", folder=site_dir)
    assert done.returncode == 1 and "Activate first: evdesk operator activate bob" in done.stderr
    done = evdesk("operator", "activate", "bob", folder=site_dir)
    assert done.returncode == 0 and done.stdout == "bob is active\n"
    assert login(site_dir, "bob", "new-basic-pw-99").username == "bob"

    done = evdesk("operator", "deactivate", "root", folder=site_dir)
    assert done.returncode == 1 and done.stderr == f"evdesk operator: {LAST_ADMIN}\n"
    done = evdesk("operator", "deactivate", "nobody", folder=site_dir)
    assert done.returncode == 1 and done.stderr.startswith("evdesk operator: Operator not found: 'nobody'.")


def test_reset_password_clears_a_lockout(site_dir):
    make_root(site_dir)
    for _ in range(5):
        assert login(site_dir, "root", "wrong-pw-12345") != ""
    assert "locked" in login(site_dir, "root", ROOT_PW).lower()
    done = evdesk("operator", "reset-password", "root", "--password-stdin", stdin="fresh-root-pw-1\n", folder=site_dir)
    assert done.returncode == 0, done.stderr
    assert login(site_dir, "root", "fresh-root-pw-1").username == "root"


def test_usage_errors_exit_2(site_dir):
    assert evdesk("operator", folder=site_dir).returncode == 2
    assert evdesk("operator", "promote", "bob", folder=site_dir).returncode == 2
    assert evdesk("operator", "--help").returncode == 0


def test_without_a_terminal_the_password_must_come_on_stdin(site_dir):
    import os
    import subprocess
    import sys

    from tests.cli.conftest import ROOT

    make_root(site_dir)
    done = subprocess.run([sys.executable, "-m", "evdesk", "operator", "reset-password", "root", "--data-dir",
                           str(site_dir)], stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, start_new_session=True)
    assert done.returncode == 2 and done.stderr == (
        "evdesk operator: No terminal to ask for the password on: pipe it in with --password-stdin.\n")
    assert login(site_dir, "root", ROOT_PW).username == "root"


def test_a_data_folder_that_cannot_be_made_is_one_line(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    done = evdesk("operator", "list", folder=blocker / "site")
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert done.stderr.startswith(f"evdesk operator: cannot open the database in {blocker / 'site'}: ")
