"""Writes by subject: the core's services call these (on the database worker) to change
rows; synced rows change only through evdesk/store/write.py."""
