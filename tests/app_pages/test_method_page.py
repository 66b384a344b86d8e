"""The method page reads its text in the reader's language, and the two texts say the same thing."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

DOCS = {"id": ROOT / "docs" / "impact_method.id.md", "en": ROOT / "docs" / "impact_method.md"}


def _code_names(text: str) -> list[str]:
    """Every name written as code (between backticks), in order: modules, functions, files, measures."""
    return re.findall(r"`([^`]+)`", text)


def test_both_languages_have_the_same_sections_and_name_the_same_code():
    texts = {lang: path.read_text(encoding="utf-8") for lang, path in DOCS.items()}
    headings = {lang: re.findall(r"^#+ .*$", text, flags=re.M) for lang, text in texts.items()}
    assert len(headings["id"]) == len(headings["en"]) >= 9
    assert _code_names(texts["id"]) == _code_names(texts["en"])
    numbers = {lang: re.findall(r"\d+", text.replace("1e−9", "")) for lang, text in texts.items()}
    assert numbers["id"] == numbers["en"], "a figure differs between the two texts"


@pytest.mark.parametrize("lang, first_heading", [("id", "# Cara Sinergi memperkirakan dampak kunjungan kerja"),
                                                 ("en", "# How Sinergi estimates the impact of working visits")])
def test_the_page_shows_the_text_of_the_readers_language(app_database, lang, first_heading):
    at = AppTest.from_file(str(ROOT / "app_pages" / "method.py"), default_timeout=60)
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception
    shown = "\n".join(m.value for m in at.markdown)
    assert shown.startswith(first_heading)
    other = DOCS["en" if lang == "id" else "id"].read_text(encoding="utf-8").splitlines()[0]
    assert other not in shown
