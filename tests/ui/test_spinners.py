"""Spinners speak the page's language: no cached function shows Streamlit's English "Running `f(...)`."."""

import ast

from tests.conftest import ROOT


def _cache_decorators():
    for folder in ("ui", "app_pages"):
        for path in (ROOT / folder).glob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.FunctionDef):
                    for deco in node.decorator_list:
                        if isinstance(deco, ast.Call) and getattr(deco.func, "attr", "") in ("cache_data",
                                                                                             "cache_resource"):
                            yield f"{path.name}:{node.name}", deco


def test_every_cached_function_turns_streamlits_english_spinner_off():
    found = list(_cache_decorators())
    assert found
    for name, deco in found:
        spinner = {k.arg: k.value for k in deco.keywords}.get("show_spinner")
        assert isinstance(spinner, ast.Constant) and spinner.value is False, name


def test_spinner_words_exist_in_both_languages():
    from geo.text import catalog

    for key in ("report", "planner", "backtest"):
        assert catalog.text(f"ui.spinner.{key}", "id") != catalog.text(f"ui.spinner.{key}", "en")
