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
    assert preload.missing(elements=("Selectbox", "NoSuchWidget"), nested={}) == ["NoSuchWidget"]
    assert preload.chunks(elements=("NoSuchWidget",), nested={}) == []
    assert preload.missing(elements=(), nested={"StreamlitMarkdown": ("rehype-raw", "no-such-plugin"),
                                                 "NoSuchChunk": ("x",)}) == ["StreamlitMarkdown/no-such-plugin",
                                                                             "NoSuchChunk/x"]


def test_markdown_with_html_brings_its_lazily_loaded_parser_along():
    names = preload.chunks(elements=(), nested={"StreamlitMarkdown": ("rehype-raw",)})
    assert re.fullmatch(r"rehype-raw\.[A-Za-z0-9_-]{8}\.js", names[0]) and len(names) >= 2  # with what it loads
    assert set(names) <= set(preload.chunks())


def test_the_map_pages_prefetch_names_the_frames_files_then_the_levels_boundaries(tmp_path):
    frame = tmp_path / "ui.region_map.region_map"
    frame.mkdir()
    (frame / "index.html").write_text('<link rel="stylesheet" href="a.0123456789ab.css"><script src="b.0123456789ab.js">')
    links = preload.map_prefetch(frame, {"province": "province.aaaaaaaaaaaa.json", "regency": "regency.bbbbbbbbbbbb.json"})
    assert set(links) == {"", "province", "regency"} and links[""] == links["province"]
    named = re.findall(r'<link rel="prefetch" href="([^"]+)">', links["regency"])
    assert named == ["/component/ui.region_map.region_map/a.0123456789ab.css",
                     "/component/ui.region_map.region_map/b.0123456789ab.js",
                     "/component/ui.region_map.boundaries/regency.bbbbbbbbbbbb.json"]
    assert "'" not in links["regency"]  # it sits inside single quotes in nginx's map


def test_the_links_are_module_preloads_of_the_static_folder():
    links = preload.links()
    assert links.count('<link rel="modulepreload" crossorigin href="./static/js/') == len(preload.chunks())
    assert "<script" not in links and "\n" not in links
