"""The requirements files: every package pinned with hashes, the test file agreeing with the runtime one,
and every package the app imports in the runtime file (the offline bundle carries only that one)."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path) -> dict[str, tuple[str, frozenset[str]]]:
    """name -> (version, hashes) of a pip-compile'd file; fails on any line that is not a hashed pin."""
    found: dict[str, tuple[str, frozenset[str]]] = {}
    entries = re.split(r"\n(?=\S)", path.read_text())
    for entry in entries:
        entry = "\n".join(line for line in entry.splitlines() if not line.lstrip().startswith("#"))
        if not entry.strip():
            continue
        match = PIN.match(entry)
        assert match, f"{path.name}: not an exact pin: {entry.splitlines()[0]!r}"
        hashes = frozenset(re.findall(r"--hash=sha256:([0-9a-f]{64})", entry))
        assert hashes, f"{path.name}: {match[1]} has no hash"
        found[_normal(match[1])] = (match[2], hashes)
    return found


def test_every_package_of_the_runtime_and_test_files_is_pinned_with_hashes():
    runtime = pins(ROOT / "requirements.txt")
    test = pins(ROOT / "requirements-test.txt")
    assert {"streamlit", "xstatic-leaflet", "shapely", "sqlalchemy", "psycopg-binary"} <= runtime.keys()
    assert {"pytest", "playwright", "hypothesis", "differences"} <= test.keys()
    assert not {"pytest", "playwright", "hypothesis", "differences"} & runtime.keys()


def test_the_maintainers_tools_are_pinned_in_the_dev_file_only_at_the_test_files_versions():
    runtime = pins(ROOT / "requirements.txt")
    test = pins(ROOT / "requirements-test.txt")
    dev = pins(ROOT / "requirements-dev.txt")
    assert {"mutmut", "pip-tools"} <= dev.keys()
    assert not {"mutmut", "pip-tools", "libcst"} & (runtime.keys() | test.keys())
    # run.py mutants installs the dev file into the test .venv: what both pin must agree
    assert {name: dev[name][0] for name in dev.keys() & test.keys()} == {name: test[name][0]
                                                                          for name in dev.keys() & test.keys()}


def test_the_test_file_pins_every_runtime_package_at_the_same_version_and_hashes():
    runtime = pins(ROOT / "requirements.txt")
    test = pins(ROOT / "requirements-test.txt")
    assert {name: test.get(name) for name in runtime} == runtime


def test_the_compiled_files_keep_the_top_level_pins_of_the_in_files():
    for source, compiled in (("requirements.in", "requirements.txt"), ("requirements-test.in", "requirements-test.txt"),
                             ("requirements-dev.in", "requirements-dev.txt")):
        wanted = {}
        for line in (ROOT / source).read_text().splitlines():
            line = line.split("#")[0].strip()
            if line and not line.startswith("-"):
                match = re.match(r"^([A-Za-z0-9._-]+)(\[[^]]*\])?==(\S+)$", line)
                assert match, f"{source}: not an exact pin: {line!r}"
                wanted[_normal(match[1])] = match[3]
        got = {name: version for name, (version, _) in pins(ROOT / compiled).items()}
        assert {name: got.get(name) for name in wanted} == wanted, compiled


def _imported_top_level_modules() -> set[str]:
    names: set[str] = set()
    files = [ROOT / "app.py", *(ROOT / "app_pages").rglob("*.py"), *(ROOT / "ui").rglob("*.py"),
             *(ROOT / "geo").rglob("*.py")]
    for file in files:
        for node in ast.walk(ast.parse(file.read_text(), str(file))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"geo", "ui", "app_pages", "__future__"}


def test_every_package_the_app_imports_is_in_the_runtime_requirements():
    modules = _imported_top_level_modules()
    assert {"streamlit", "altair", "pptx", "fpdf", "xstatic"} <= modules
    assert "folium" not in modules and "streamlit_folium" not in modules  # the map is ui.region_map
    providers = packages_distributions()
    runtime = pins(ROOT / "requirements.txt")
    missing = {module: providers.get(module) for module in modules
               if not any(_normal(dist) in runtime for dist in providers.get(module, []))}
    assert missing == {}
