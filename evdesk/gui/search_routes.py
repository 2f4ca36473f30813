"""Where a universal-search hit leads (`MainWindow.open_search_hit`).

* station → its panel; user → the Charging users page with the user's editor open;
  session → the session's details window;
* token, location → their page filtered to the hit's text, the row selected once it has loaded
  (the list pages load in pages: filtering puts the row in the first one);
* group → the Groups page with the group selected.
"""

from __future__ import annotations

from evdesk.core.reads.search import GROUP, LOCATION, SESSION, STATION, TOKEN, USER
from evdesk.gui.widgets.sessions_table import open_details


def _filter_then_select(page, text: str, row_id) -> None:
    """Filter `page` to `text` and select `row_id` when the rows are there. One pending selection
    per page: a later hit replaces it, and it is dropped once done or when the operator types."""
    _drop_pending(page)
    if page.search_edit is not None:
        page.search_edit.setText(text)
    page.apply_filter()
    if page.select_id(row_id):
        return

    def select_once(*_args) -> None:
        if page.select_id(row_id):
            _drop_pending(page)

    page._search_pending = select_once
    page.model.modelReset.connect(select_once)
    page.model.rowsInserted.connect(select_once)
    if page.search_edit is not None and not getattr(page, "_search_edit_hooked", False):
        page._search_edit_hooked = True
        page.search_edit.textEdited.connect(lambda _t: _drop_pending(page))


def _drop_pending(page) -> None:
    pending = getattr(page, "_search_pending", None)
    if pending is None:
        return
    page._search_pending = None
    for signal in (page.model.modelReset, page.model.rowsInserted):
        try:
            signal.disconnect(pending)
        except (RuntimeError, TypeError):
            pass


def open_hit(window, hit) -> None:
    if hit.kind == STATION:
        window.open_station(hit.id)
    elif hit.kind == USER:
        window.show_page("users")
        window.page("users").edit_user(hit.id)
    elif hit.kind == SESSION:
        open_details(window, window.services, window.central_system, window.current_operator, hit.id)
    elif hit.kind == TOKEN:
        window.show_page("tokens")
        _filter_then_select(window.page("tokens"), hit.title, hit.id)
    elif hit.kind == LOCATION:
        window.show_page("locations")
        _filter_then_select(window.page("locations"), hit.title, hit.id)
    elif hit.kind == GROUP:
        window.show_page("groups")
        window.page("groups").select("group", hit.id)
