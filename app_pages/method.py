"""The method: how Sinergi estimates the impact of working visits, shown as written in the reader's language.

Sources: ``docs/impact_method.id.md`` (Bahasa Indonesia) and ``docs/impact_method.md`` (English), one text in two
languages; ``tests/app_pages/test_method_page.py`` keeps them in step (the same sections, the same code names).
"""

import streamlit as st

from geo.config import ROOT
from ui.i18n import current_language, t

DOCS = {"id": ROOT / "docs" / "impact_method.id.md", "en": ROOT / "docs" / "impact_method.md"}

st.title(t("method.title"))
st.info(t("method.intro"))
st.markdown(DOCS[current_language()].read_text(encoding="utf-8"))
