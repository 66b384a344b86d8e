"""Streamlit's icon font cut down to the app's icons (``serving.icon_font``): every icon the app can draw stays,
the rest goes."""

import io
import re

import pytest
from fontTools.ttLib import TTFont

from serving import icon_font


@pytest.fixture(scope="module")
def cut():
    data, kept = icon_font.subset()
    return data, kept, icon_font.ligatures(TTFont(io.BytesIO(data)))


def _app_icons() -> set[str]:
    text = "".join(p.read_text() for part in icon_font.CODE for p in (
        [icon_font.ROOT / part] if (icon_font.ROOT / part).is_file() else (icon_font.ROOT / part).rglob("*.py")))
    return set(re.findall(r":material/([a-z0-9_]+):", text))


def test_every_icon_the_app_names_keeps_its_ligature_in_the_cut_font(cut):
    _, kept, ligatures = cut
    icons = _app_icons()
    assert len(icons) >= 20  # the navigation alone has ten
    assert icons <= set(kept) and icons <= set(ligatures), icons - set(ligatures)


def test_streamlits_own_icons_stay_the_expanders_arrow_and_the_sidebars_chevrons(cut):
    _, _, ligatures = cut
    assert {"keyboard_arrow_down", "keyboard_arrow_right", "keyboard_double_arrow_right",
            "keyboard_double_arrow_left", "close", "download", "check"} <= set(ligatures)


def test_the_cut_font_is_a_woff2_of_less_than_a_fifth_of_the_original(cut):
    data, kept, ligatures = cut
    original = icon_font.font_file().read_bytes()
    assert data[:4] == b"wOF2" and len(data) < len(original) / 5
    # (a kept icon's other names stay too: "check_circle_filled" is the same picture as "check_circle")
    assert set(kept) <= set(ligatures) and len(ligatures) < len(icon_font.ligatures(TTFont(icon_font.font_file()))) / 4


def test_an_icon_no_word_names_is_left_out():
    data, kept = icon_font.subset(words={"map", "not_an_icon"})
    assert kept == ["map"] and set(icon_font.ligatures(TTFont(io.BytesIO(data)))) == {"map"}
