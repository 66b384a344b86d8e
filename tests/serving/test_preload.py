"""The widgets' chunks named for preloading (``serving.preload``) are this Streamlit's own, found by name."""

import re

from serving import preload


def test_every_element_of_the_list_is_found_in_this_streamlits_front_end():
    assert preload.missing() == []


def test_the_chunks_exist_are_scripts_and_none_is_named_twice_or_already_in_the_page():
    static = preload.static_folder()
    page = (static / "index.html").read_text()
    names = preload.chunks()
    assert len(names) == len(set(names)) and len(names) >= len(preload.ELEMENTS)
    for name in names:
        assert (static / "static" / "js" / name).is_file() and name.endswith(".js")
        assert f"./static/js/{name}" not in page
    for element in preload.ELEMENTS:  # each element's own chunk is in the list
        assert any(re.fullmatch(rf"{re.escape(element)}\.[A-Za-z0-9_-]{{8}}\.js", n) for n in names), element


def test_an_element_streamlit_does_not_have_is_reported_not_dropped():
    assert preload.missing(elements=("Selectbox", "NoSuchWidget")) == ["NoSuchWidget"]
    assert preload.chunks(elements=("NoSuchWidget",)) == []


def test_the_links_are_module_preloads_of_the_static_folder():
    links = preload.links()
    assert links.count('<link rel="modulepreload" crossorigin href="./static/js/') == len(preload.chunks())
    assert "<script" not in links and "\n" not in links
