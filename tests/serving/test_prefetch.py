"""The map page's prefetch (``serving.prefetch``): the frame's files, then the level's boundaries."""

import re

from serving import prefetch


def test_the_map_pages_prefetch_names_the_frames_files_then_the_levels_boundaries(tmp_path):
    frame = tmp_path / "ui.region_map.region_map"
    frame.mkdir()
    (frame / "index.html").write_text('<link rel="stylesheet" href="a.0123456789ab.css">'
                                      '<script src="b.0123456789ab.js">')
    links = prefetch.map_prefetch(frame, {"province": "province.aaaaaaaaaaaa.json",
                                          "regency": "regency.bbbbbbbbbbbb.json"})
    assert set(links) == {"", "province", "regency"} and links[""] == links["province"]
    named = re.findall(r'<link rel="prefetch" href="([^"]+)">', links["regency"])
    assert named == ["/component/ui.region_map.region_map/a.0123456789ab.css",
                     "/component/ui.region_map.region_map/b.0123456789ab.js",
                     "/component/ui.region_map.boundaries/regency.bbbbbbbbbbbb.json"]
    assert "'" not in links["regency"]  # it sits inside single quotes in nginx's map


def test_the_apps_map_frame_is_named_whole():
    import ui.region_map

    folder = ui.region_map.frame_folder()
    named = prefetch.frame_files(folder)
    assert len(named) == 4 and all((folder / n.rsplit("/", 1)[1]).is_file() for n in named)
    assert {n.rsplit(".", 1)[1] for n in named} == {"js", "css"}
