import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SOURCE = Path(os.environ.get("SINERGI_WILAYAH_SOURCE", ROOT.parent / "shared" / "data" / "wilayah"))


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def require_browser() -> str:
    path = chromium_path()
    if path is None:
        if os.environ.get("SINERGI_REQUIRE_BROWSER") == "1":
            pytest.fail("SINERGI_REQUIRE_BROWSER=1 but no Chromium is installed")
        pytest.skip("no Chromium here (CI installs it and sets SINERGI_REQUIRE_BROWSER=1)")
    return path
