"""Firmware and diagnostics without another server (issue 16).

* `library.py` — the firmware files an admin uploaded once (stored with size and SHA-256).
* `transfers.py` — the transfers evdesk expects: one random URL path (HTTP) and one-time FTP
  credentials per station and transfer; the file servers (`evdesk/csms/file_server.py`,
  `evdesk/csms/ftp_server.py`) ask it what to serve and where an upload goes.
* `rollouts.py` — a file sent to a station or a group, and each station's state from its
  FirmwareStatusNotifications, with a summary.
* `diagnostics.py` — GetDiagnostics requests, the files received, and late uploads.
* `logs.py` — the hardware status log and the diagnostics log as reads.
"""
