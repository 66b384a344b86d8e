"""Every multiselect (and every select box that starts empty, ``index=None``) has a placeholder from the catalog —
"Pilih…" (``t("choose")``) or a catalog text of its own (``text("…", lang)``, e.g. the public feedback form's
"Pilih daerah Anda") — never Streamlit's English "Choose an option"."""

import ast

from tests.conftest import ROOT


def _widgets():
    for folder in ("app_pages", "ui"):
        for path in sorted((ROOT / folder).glob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("multiselect", "selectbox"):
                    yield f"{path.name}:{node.lineno}", node


def _starts_empty(node: ast.Call) -> bool:
    if node.func.attr == "multiselect":
        return True
    index = {k.arg: k.value for k in node.keywords}.get("index")
    return isinstance(index, ast.Constant) and index.value is None


def _says_choose(node: ast.Call) -> bool:
    value = {k.arg: k.value for k in node.keywords}.get("placeholder")
    if not (isinstance(value, ast.Call) and value.args and isinstance(value.args[0], ast.Constant)):
        return False
    name = getattr(value.func, "id", "")
    return (name == "t" and value.args[0].value == "choose") or (name == "text" and len(value.args) == 2)


def test_every_widget_that_can_be_empty_has_the_indonesian_placeholder():
    found = [(where, node) for where, node in _widgets() if _starts_empty(node)]
    assert len(found) > 10
    assert [where for where, node in found if not _says_choose(node)] == []
