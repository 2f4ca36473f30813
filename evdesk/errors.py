"""The base of every error an operator may see, for every layer.

`EvdeskError` lives here, at the top, so that modules every layer uses (`evdesk.secrets`,
`evdesk.settings`) can raise operator-worded errors without importing the core; the core's
own errors (`evdesk.core.errors`) derive from it. Anything raising an `EvdeskError` is
refusing something (an operator's mistake, a missing keychain): callers show or log its
message in one line, never as a traceback.
"""

from __future__ import annotations


class EvdeskError(Exception):
    """Base of every error an operator may see. `str(e)` is the message to show."""
