"""An expander whose contents are drawn only while it is open.

Streamlit draws a closed expander's contents too, hidden; the browser builds every widget in it (their code, their
React tree, their styles) before the page is done. On the map page the four closed expanders (*Masuk*, *Saring*,
*Pembagian kelas*, *Apa artinya, dan batasannya*) held 13 widgets and the paragraphs under the verdict; drawn
only when opened, a returning visitor's map was drawn in a median 1.29 s instead of 1.46 s (10 Mbit/s, 50 ms,
10 visits each, both trees served side by side, 01/12/2026, with the page's HTML drawn by ``st.html``; the same
comparison: ``bench/bench_serve.py --baseline <checkout of the commit before> --baseline-serve --runs 10``).

Rules:

* ``expander(label, key)`` returns the expander (to write into) while it is open, else ``None``. Opening or
  closing it runs the page again (``on_change="rerun"``), so its contents appear a moment after the click.
* Its open state lives in ``st.session_state[key]``; a test opens it by setting that key before a run.
* A widget inside keeps its value while the expander is closed only if the page restores it each run: the map's
  filters and classes do (``ui.url_state.init`` writes every key of the view from the session's view before the
  widgets), so a filter set, folded away and unfolded again is still set — and still applies while folded.
"""

from __future__ import annotations

import streamlit as st


def expander(label: str, key: str, *, where=st):
    """The expander ``label`` in ``where`` (``st`` or ``st.sidebar``), closed at first: itself while open, else
    ``None``."""
    box = where.expander(label, key=key, on_change="rerun")
    return box if box.open else None
