"""A data folder or database evdesk cannot use is one line on stderr and exit 2, never a
traceback (issue 8: "Starting on a read-only folder ends in a raw traceback")."""

from __future__ import annotations

from tests.cli.conftest import evdesk


def test_a_data_folder_that_is_a_file(tmp_path):
    folder = tmp_path / "not-a-folder"
    folder.write_text("a file where the data folder should be")
    done = evdesk("--headless", "--port", "0", "--no-api", folder=folder)
    assert done.returncode == 2, done.stderr
    assert done.stderr == f"evdesk: cannot use the data folder {folder}: Not a directory\n"


def test_a_file_that_is_not_a_database(tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "evdesk.db").write_bytes(b"this is no SQLite database, only text " * 40)
    done = evdesk("--headless", "--port", "0", "--no-api", folder=folder)
    assert done.returncode == 2, done.stderr
    last = done.stderr.splitlines()[-1]
    assert last == f"evdesk: The database {folder / 'evdesk.db'} cannot be opened: file is not a database"
    assert "Traceback" not in done.stderr
    assert "cannot be opened: file is not a database" in (folder / "logs" / "evdesk.log").read_text()
