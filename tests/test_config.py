"""geo.config: one registry of settings, documented in the README, strict about bad values."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

import pytest

from geo import config
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _readme_settings() -> set[str]:
    names = set()
    for line in README.splitlines():
        if line.startswith("| `SINERGI_"):
            names.update(re.findall(r"`(SINERGI_[A-Z_]+)`", line.split("|")[1]))
    return names


def test_the_readme_table_and_the_registry_list_the_same_settings():
    assert _readme_settings() == set(config.SETTINGS)


def test_every_setting_has_help_and_says_what_it_expects():
    for setting in config.SETTINGS.values():
        assert setting.help.strip() and setting.expects.strip(), setting.name
        assert setting.scope in ("app", "cli", "tests")


@pytest.mark.parametrize("name, bad", [
    ("SINERGI_MAX_IMPORT_MB", "abc"), ("SINERGI_MAX_IMPORT_MB", "-5"), ("SINERGI_MAX_IMPORT_MB", "0"),
    ("SINERGI_SESSION_IDLE_MINUTES", "half an hour"), ("SINERGI_SESSION_IDLE_MINUTES", "-1"),
    ("SINERGI_VIEW_REQUIRES_LOGIN", "maybe"), ("SINERGI_TILE_URL", "tiles.intranet/x.png"),
    ("SINERGI_REQUIRE_BROWSER", "2"),
])
def test_a_bad_value_is_an_error_naming_the_variable_not_the_default(monkeypatch, name, bad):
    monkeypatch.setenv(name, bad)
    with pytest.raises(config.ConfigError, match=name):
        config.get(name)
    assert any(name in line for line in config.check_all())


@pytest.mark.parametrize("name, text, value", [
    ("SINERGI_MAX_IMPORT_MB", "12,5", 12.5), ("SINERGI_SESSION_IDLE_MINUTES", "0", 0.0),
    ("SINERGI_VIEW_REQUIRES_LOGIN", "yes", True), ("SINERGI_VIEW_REQUIRES_LOGIN", "0", False),
    ("SINERGI_VIEW_REQUIRES_LOGIN", " ", False),
])
def test_good_values_parse_and_an_empty_one_is_the_default(monkeypatch, name, text, value):
    monkeypatch.setenv(name, text)
    assert config.get(name) == value


def test_the_command_line_refuses_to_run_on_a_bad_setting(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "SINERGI_DATA_DIR": str(tmp_path),
           "SINERGI_MAX_IMPORT_MB": "abc"}
    run = subprocess.run([sys.executable, "-m", "geo", "template", "agreements", str(tmp_path / "t.xlsx")],
                         env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert "SINERGI_MAX_IMPORT_MB='abc'" in run.stderr
    assert not (tmp_path / "t.xlsx").exists()


def _reads_environment(path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "environb"):
            lines.append(node.lineno)
        if isinstance(node, ast.ImportFrom) and node.module == "os" and any(
                a.name in ("environ", "getenv") for a in node.names):
            lines.append(node.lineno)
    return lines


def test_only_geo_config_reads_the_environment():
    sources = [ROOT / "app.py", *(ROOT / "geo").rglob("*.py"), *(ROOT / "ui").rglob("*.py"),
               *(ROOT / "app_pages").rglob("*.py")]
    offenders = {str(p.relative_to(ROOT)): lines for p in sources
                 if p != ROOT / "geo" / "config.py" and (lines := _reads_environment(p))}
    assert offenders == {}
