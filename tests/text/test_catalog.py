"""The one text catalog (``geo.text.catalog``): complete in both languages, one definition per key, and every key
the code asks for by name is there."""

import ast
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from geo.text import catalog

ROOT = Path(__file__).resolve().parents[2]
CODE = [ROOT / "app.py", *sorted((ROOT / "geo").rglob("*.py")), *sorted((ROOT / "ui").rglob("*.py")),
        *sorted((ROOT / "app_pages").rglob("*.py"))]

# How code names a catalog key literally (a whole string literal, not one joined to more text), and the prefix
# the call adds to it. sqlalchemy's text("SELECT …") is no key: keys are lower-case words joined by dots.
KEY = r"[\"']([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*)[\"']\s*[,)]"
CALLS = [
    (re.compile(r"(?<![\w.])t\(\s*" + KEY), "ui."),  # ui.i18n.t("map.title")
    (re.compile(r"(?<![\w.])(?:message|UserError|AccessDenied)\(\s*" + KEY), "message."),
    (re.compile(r"(?:(?<![\w.])|(?<=\bcatalog\.))(?:text|template)\(\s*" + KEY), ""),
]


def _placeholders(template: str) -> set[tuple[str, str | None]]:
    return {(field, conversion) for _, field, _, conversion in string.Formatter().parse(template) if field is not None}


# Engine keys are written whole wherever they are (``text("a" if x else "b", lang)`` too): any string constant
# that looks like one of these domains' keys is one.
ENGINE_KEY = re.compile(r"(?:briefing|score|verdict|planner|cli|maps|importer|numbers)(?:\.[a-z0-9_]+)+")


def _keys_named_in_code() -> dict[str, set[str]]:
    named: dict[str, set[str]] = {}
    for path in CODE:
        source = path.read_text(encoding="utf-8")
        where = f"{path.relative_to(ROOT)}"
        for pattern, prefix in CALLS:
            for match in pattern.finditer(source):
                line = source.count("\n", 0, match.start()) + 1
                named.setdefault(prefix + match.group(1), set()).add(f"{where}:{line}")
        if path.parent.name == "words":
            continue
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and ENGINE_KEY.fullmatch(node.value):
                named.setdefault(node.value, set()).add(f"{where}:{node.lineno}")
    return named


def test_every_key_has_text_in_both_languages_and_nothing_else():
    incomplete = [key for key, entry in catalog.CATALOG.items()
                  if set(entry) != set(catalog.LANGUAGES)
                  or not all(isinstance(entry[lang], str) and entry[lang].strip() for lang in catalog.LANGUAGES)]
    assert incomplete == []


def test_both_languages_of_a_key_have_the_same_placeholders():
    differing = {key: (sorted(_placeholders(entry["id"])), sorted(_placeholders(entry["en"])))
                 for key, entry in catalog.CATALOG.items()
                 if _placeholders(entry["id"]) != _placeholders(entry["en"])}
    assert differing == {}


def test_every_key_is_namespaced_by_the_domain_of_its_words_module():
    prefixes = {"interface": "ui.", "messages": "message."}
    wrong = []
    for module in catalog.WORD_MODULES:
        name = module.__name__.rsplit(".", 1)[1]
        wrong += [(name, key) for key in module.WORDS if not key.startswith(prefixes.get(name, name + "."))]
    assert wrong == []


def test_no_key_is_defined_twice_in_a_words_module():
    twice = {}
    for module in catalog.WORD_MODULES:
        keys = catalog.literal_keys(module)
        twice[module.__name__] = sorted({key for key in keys if keys.count(key) > 1})
    assert {name: keys for name, keys in twice.items() if keys} == {}
    assert sum(len(module.WORDS) for module in catalog.WORD_MODULES) == len(catalog.CATALOG)


def test_a_key_defined_twice_stops_the_catalog_naming_the_key(tmp_path, monkeypatch):
    (tmp_path / "words_twice.py").write_text('WORDS = {\n    "x.same": {"id": "a", "en": "a"},\n'
                                             '    "x.same": {"id": "b", "en": "b"},\n}\n', encoding="utf-8")
    (tmp_path / "words_again.py").write_text('WORDS = {"ui.language": {"id": "c", "en": "c"}}\n', encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import words_again
    import words_twice

    with pytest.raises(catalog.DuplicateKey, match=r"x\.same in words_twice, words_twice"):
        catalog.merge([words_twice])
    with pytest.raises(catalog.DuplicateKey, match=r"ui\.language in geo\.text\.words\.interface, words_again"):
        catalog.merge([*catalog.WORD_MODULES, words_again])


def test_every_words_file_is_part_of_the_catalog():
    files = {p.stem for p in (ROOT / "geo" / "text" / "words").glob("*.py") if p.stem != "__init__"}
    assert files == {module.__name__.rsplit(".", 1)[1] for module in catalog.WORD_MODULES}


def test_every_key_the_code_names_literally_is_in_the_catalog():
    named = _keys_named_in_code()
    assert len([k for k in named if k.startswith("ui.")]) > 200  # the scan does find the pages' keys
    assert {"message.plan.empty", "planner.why.gap", "briefing.deck.title", "briefing.deck.bottom",
            "cli.summary", "numbers.million"} <= set(named)
    missing = {key: sorted(places) for key, places in named.items() if key not in catalog.CATALOG}
    assert missing == {}


def test_text_fills_placeholders_and_falls_back_to_indonesian():
    assert catalog.text("briefing.deck.top", "en", n=3) == "Top 3 regions"
    assert catalog.text("briefing.deck.top", "id", n=3) == "3 wilayah tertinggi"
    assert catalog.text("briefing.deck.top", "fr", n=3) == "3 wilayah tertinggi"
    assert catalog.text("ui.map.caption", "en") == "{n} provinces · hover over a region to see its name"
    with pytest.raises(KeyError):
        catalog.text("ui.no.such.key", "id")


def test_the_catalog_does_not_import_streamlit():
    probe = "import sys, geo.text.catalog, geo.text.messages; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
