"""The components' frames as versioned files (``ui.component_files``): names follow the content, nothing from
outside, and a build never leaves a page naming a file that is not there."""

import hashlib
import re

import pytest

from ui import component_files


def _component(tmp_path, script="console.log(1)", css="p{}"):
    src = tmp_path / "src"
    src.mkdir(exist_ok=True)
    (src / "index.html").write_text('<link rel="stylesheet" href="frame.css">\n<script src="lib/lib.js"></script>\n'
                                    '<script src="frame.js"></script>')
    (src / "frame.js").write_text(script)
    (src / "frame.css").write_text(css)
    lib = tmp_path / "lib"
    lib.mkdir(exist_ok=True)
    (lib / "lib.js").write_text("var L = {};")
    (lib / "images").mkdir(exist_ok=True)
    (lib / "images" / "icon.png").write_bytes(b"\x89PNG")
    (lib / "lib.css").write_text("a{}")
    return src, {"lib/": lib}


def _names(out):
    return re.findall(r'(?:src|href)="([^"]+)"', (out / "index.html").read_text())


def test_every_file_the_page_names_is_in_the_build_under_the_hash_of_its_content(tmp_path):
    src, assets = _component(tmp_path)
    out = component_files.build(src, tmp_path / "out" / "ui.x.frame", assets)
    names = _names(out)
    assert [n.split(".")[0] for n in names] == ["frame", "lib", "frame"]
    for name in names:
        content = (out / name).read_bytes()
        assert name.split(".")[1] == hashlib.sha256(content).hexdigest()[:12]
    assert (out / names[1]).read_text() == "var L = {};"  # from the asset folder, not the component's


def test_a_changed_script_gets_a_new_name_and_an_unchanged_one_keeps_its_name(tmp_path):
    src, assets = _component(tmp_path)
    out = tmp_path / "out"
    before = _names(component_files.build(src, out, assets))
    assert _names(component_files.build(src, out, assets)) == before  # the same build again: the same names
    (src / "frame.js").write_text("console.log(2)")
    after = _names(component_files.build(src, out, assets))
    assert after[0] == before[0] and after[1] == before[1] and after[2] != before[2]
    assert (out / after[2]).read_text() == "console.log(2)"


def test_the_frames_page_has_a_versioned_copy_which_the_frame_opens_and_an_older_one_stays(tmp_path):
    src, assets = _component(tmp_path)
    out = component_files.build(src, tmp_path / "out" / "ui.x.frame", assets)
    url = component_files.frame_url(out, base="")
    assert re.fullmatch(r"/component/ui\.x\.frame/index\.[0-9a-f]{12}\.html", url), url
    page = (out / url.rsplit("/", 1)[1]).read_bytes()
    assert page == (out / "index.html").read_bytes() and hashlib.sha256(page).hexdigest()[:12] in url
    (src / "frame.js").write_text("console.log(2)")
    component_files.build(src, out, assets)
    newer = component_files.frame_url(out, base="")
    assert newer != url and (out / url.rsplit("/", 1)[1]).read_bytes() == page  # a browser with the old page
    assert component_files.frame_url(out, base="/sinergi/") == "/sinergi" + newer  # under server.baseUrlPath


def test_a_stylesheets_images_folder_comes_along(tmp_path):
    src, assets = _component(tmp_path)
    (src / "index.html").write_text('<link rel="stylesheet" href="lib/lib.css">')
    out = component_files.build(src, tmp_path / "out", assets)
    assert (out / "images" / "icon.png").read_bytes() == b"\x89PNG"


@pytest.mark.parametrize("url", ["https://unpkg.com/leaflet.js", "//cdn.example/x.js", "HTTP://x/y.css"])
def test_a_page_naming_a_file_from_outside_the_app_is_refused(tmp_path, url):
    src, assets = _component(tmp_path)
    (src / "index.html").write_text(f'<script src="{url}"></script>')
    with pytest.raises(ValueError, match="nothing from outside"):
        component_files.build(src, tmp_path / "out", assets)


def test_the_apps_frames_name_only_versioned_files_that_exist():
    from pathlib import Path

    import ui.login_cookie
    import ui.region_map
    import ui.step_keys

    frames = {module.__name__: Path(module._component.path) for module in (ui.region_map, ui.step_keys, ui.login_cookie)}
    for module, folder in frames.items():
        names = _names(folder)
        assert folder.name.startswith(module + ".") and folder.parent.name == "components", folder
        assert names and all(re.fullmatch(r"[a-z_]+\.[0-9a-f]{12}\.(js|css)", n) for n in names), (module, names)
        module_obj = __import__(module, fromlist=["_component"])
        assert module_obj._component.url == component_files.frame_url(folder)  # the frame opens the versioned page
        assert all((folder / n).is_file() for n in names)
    assert [n.split(".")[0] for n in _names(frames["ui.region_map"])] == ["leaflet", "region_map", "leaflet",
                                                                          "region_map"]
