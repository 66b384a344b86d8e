"""The presenter's keys: the frame loads nothing from outside, writes no markup, and states its keys."""

import re
from pathlib import Path

FRONTEND = Path(__file__).resolve().parents[2] / "ui" / "components" / "step_keys"


def test_the_keys_frame_references_no_external_assets_and_writes_no_html():
    html = (FRONTEND / "index.html").read_text()
    script = (FRONTEND / "step_keys.js").read_text()
    assert re.findall(r'src=["\']([^"\']+)["\']', html) == ["step_keys.js"]
    assert not re.search(r"https?://", html + script)
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script, sink


def test_next_is_arrow_right_page_down_and_space_and_previous_is_arrow_left_and_page_up():
    script = (FRONTEND / "step_keys.js").read_text()
    keys = re.search(r"const NEXT = \{([^}]*)\}", script).group(1)
    assert dict(re.findall(r'(\w+|" "): (-?1)', keys)) == {"ArrowRight": "1", "PageDown": "1", '" "': "1",
                                                           "ArrowLeft": "-1", "PageUp": "-1"}
