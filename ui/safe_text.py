"""User-supplied text inside Streamlit markdown (st.info, st.error, st.markdown): shown as typed.

Markdown would turn ``![x](http://host/x.png)`` into an image the browser fetches from outside, or
``[klik](...)`` into a link; escaping the markdown characters keeps such text inert.
"""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~=$:])")


def md(text) -> str:
    return _MARKDOWN.sub(r"\\\1", str(text))
