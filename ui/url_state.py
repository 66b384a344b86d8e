"""Page state in the URL, and one view that travels across pages.

A link reproduces the view; Back and Forward restore it; a view chosen on one page (level, measure, period,
filters, score weights — ``SHARED``) is the view of every other page until the user changes it.

How (``init`` at the top of a page, before its widgets; ``sync`` once the widgets are drawn):

* ``sync`` writes every key of the page to the URL — empty ones too (``?sector=``) — and remembers what it wrote
  (``_url_written``). ``init`` then takes a value from the URL only when the URL says something other than what
  this session last wrote: a link typed or pasted, or Back/Forward (Streamlit reruns the page with that
  history entry's query string). Otherwise the session's value stands: the widget's (the user just changed it) or
  the view's (``_view``), which outlives the widgets of a page the user left (Streamlit forgets those).
* A key missing from the URL (the sidebar's navigation drops query strings) means "not said": the view's value.
* A link is typed or edited by people: a value the page's widget would not accept (``allowed``: the options of a
  choice or list, or the (min, max) of a number) falls back to the default, and unknown list items are dropped,
  instead of the page failing. Lists are comma-separated.

    >>> parse("2021", 2015, (2015, 2026)), parse("1999", 2015, (2015, 2026)), parse("a,x", [], ("a", "b"))
    (2021, 2015, ['a'])
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

FIRST_YEAR = 2015


def shared_defaults(weights: dict) -> dict:
    """The view every page shares, as defaults: ``weights`` are the admin's default score weights (0–1)."""
    return {"level": "province", "metric": "signed", "prov": "", "y0": 2021, "y1": dt.date.today().year,
            "sector": [], "type": [], "status": [], "ministry": [],
            **{f"w_{k}": int(round(100 * v)) for k, v in weights.items()}}


def shared_allowed() -> dict:
    this_year = dt.date.today().year
    return {"y0": (FIRST_YEAR, this_year), "y1": (FIRST_YEAR, this_year),
            "w_effect": (0, 100), "w_breadth": (0, 100), "w_progress": (0, 100)}


def parse(raw: str | None, default, allowed=None):
    """The value of one query parameter, or ``default`` when it is missing or not acceptable."""
    if raw is None:
        return default
    if isinstance(default, list):
        items = [x for x in raw.split(",") if x]
        return [x for x in items if allowed is None or x in allowed]
    if isinstance(default, bool):
        return raw in ("1", "true", "True")
    if isinstance(default, int):
        try:
            value = int(raw)
        except ValueError:
            return default
        if allowed is not None and not (allowed[0] <= value <= allowed[1]):
            return default
        return value
    return raw if allowed is None or raw in allowed else default


def serialize(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ",".join(str(v) for v in value)
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def init(defaults: dict, allowed: dict | None = None) -> None:
    """Put the page's keys into ``st.session_state`` from the URL, the widget or the shared view (see above)."""
    allowed = allowed or {}
    written = st.session_state.setdefault("_url_written", {})
    view = st.session_state.setdefault("_view", {})
    for key, default in defaults.items():
        raw = st.query_params.get(key)
        if raw is not None and raw != written.get(key):
            value = parse(raw, default, allowed.get(key))  # a link, or Back/Forward
        elif key in st.session_state:
            value = st.session_state[key]
        elif key in view:
            value = view[key]
        else:
            value = parse(None, default)
        if isinstance(default, list):
            value = [x for x in value if allowed.get(key) is None or x in allowed[key]]
        view[key] = value
        # always set, even when equal: another page's widget with the same key (the map's and the briefing's
        # "metric") is a new widget, which takes a value only from the Session State API, else its own default
        st.session_state[key] = value


def sync(keys) -> None:
    """Write the page's keys to the URL and to the shared view.

    Only what changed is written, in one update: Streamlit adds a browser-history entry per update, so one
    change of view is one step Back, and a page whose URL already says it all (a link from another page made
    with ``link_params``) adds none."""
    written = st.session_state.setdefault("_url_written", {})
    view = st.session_state.setdefault("_view", {})
    changed = {}
    for key in keys:
        value = st.session_state.get(key, view.get(key))
        view[key] = value
        raw = serialize(value)
        written[key] = raw
        if st.query_params.get(key) != raw:
            changed[key] = raw
    if changed:
        st.query_params.update(changed)


def link_params(keys, **extra) -> dict[str, str]:
    """The query parameters of a link to another page that keeps the view (``st.switch_page(…, query_params=…)``)."""
    view = st.session_state.get("_view", {})
    return {key: serialize(st.session_state.get(key, view.get(key))) for key in keys} | extra


def weights(state=None) -> dict[str, float]:
    """The score weights of the view (0–1), from its ``w_*`` keys (percent)."""
    state = st.session_state if state is None else state
    return {k[2:]: int(state[k]) / 100 for k in ("w_effect", "w_breadth", "w_progress") if k in state}
