"""Keys that step a story: ArrowRight, PageDown and Space press a page's "next" button, ArrowLeft and PageUp its
"previous" one (presenter clickers send PageDown and PageUp). A small Streamlit component of our own
(``ui/components/step_keys``, plain JavaScript, no build step) with no picture: it listens in the page around its
frame and in the page's other frames (the map, once clicked), and presses the buttons a user would click, so a key
does exactly what the button does (and nothing when the button is disabled).

Never while typing: inputs, text areas, selects and widgets that use these keys themselves (sliders, lists, tabs,
the data editor) keep them; Space on a focused button presses that button only. The rules are in the frame's
script (``step_keys.js``).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
import streamlit.components.v1 as components

from ui import component_files

_FILES = component_files.build(Path(__file__).parent / "components" / "step_keys",
                               component_files.default_root() / f"{__name__}.step_keys")
_component = components.declare_component("step_keys", path=str(_FILES), url=component_files.frame_url(_FILES))
BOX = "step-keys"  # its container: out of the layout (the frame has no picture)

CSS = """<style>
.st-key-%(box)s { position: absolute !important; width: 0; height: 0; overflow: hidden; }
</style>""" % {"box": BOX}


def listen(*, next_key: str, prev_key: str) -> None:
    """Step keys for the buttons with widget keys ``next_key`` and ``prev_key``."""
    st.html(CSS)  # style only: out of the page's flow
    with st.container(key=BOX):
        _component(next_key=next_key, prev_key=prev_key, key="step_keys", default=None)
