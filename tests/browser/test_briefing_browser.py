"""Headless Chromium: presentation mode hides the sidebar and editing widgets and enlarges the type; the
story's PNG download is a print-resolution map (what only a browser shows)."""

import io
import time

from PIL import Image

from tests.browser.test_browser import _wait_for_paths, app_url, download, page  # noqa: F401  (fixtures)


def _font_px(browser_page, selector):
    return browser_page.evaluate(f"parseFloat(getComputedStyle(document.querySelector('{selector}')).fontSize)")


def test_presentation_mode_is_clean_and_large(app_url, page):  # noqa: F811
    page.goto(app_url)
    assert _wait_for_paths(page, 38) == 38
    page.get_by_text("Ukuran").first.wait_for(timeout=30_000)
    normal_title = _font_px(page, "h1")
    assert page.locator('[data-testid="stSidebar"]').is_visible()

    page.goto(f"{app_url}/?present=1")
    assert _wait_for_paths(page, 38) == 38
    statement = page.locator(".sinergi-present-statement")
    statement.wait_for(timeout=30_000)
    assert "Kerja sama ditandatangani — Indonesia, provinsi" in statement.inner_text()
    assert "Periode: 2021–" in statement.inner_text()
    time.sleep(1)
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    assert not page.get_by_text("Ukuran", exact=True).is_visible()  # the measure picker is hidden
    assert not page.get_by_text("Tingkat wilayah").is_visible()
    assert page.get_by_text("tidak ada data").first.is_visible()  # the legend stays
    assert _font_px(page, "h1") > 1.3 * normal_title
    assert _font_px(page, ".sinergi-present-statement") >= 28
    assert page.locator('iframe[title="ui.region_map.region_map"]').first.is_visible()
    page.get_by_role("button", name="Keluar dari mode presentasi").click()
    page.locator('[data-testid="stSidebar"]').wait_for(state="visible", timeout=30_000)
    assert "present=1" not in page.url
    assert page.outside_requests == [] and page.console_errors == []


def test_story_steps_and_png_download(app_url, page):  # noqa: F811
    page.goto(app_url)  # opened from the navigation (a direct /briefing URL makes Streamlit probe /briefing/_stcore)
    page.get_by_role("link", name="Mode presentasi / Briefing").click()
    page.get_by_text("Langkah 1 dari 2: Peta nasional").wait_for(timeout=60_000)
    page.get_by_role("button", name="Berikutnya →").click()
    page.get_by_text("Langkah 2 dari 2: Wilayah tertinggi dan terendah").wait_for(timeout=30_000)
    page.get_by_role("cell", name="Jawa Barat", exact=True).first.wait_for(timeout=30_000)  # the top regions table
    png = download(page, "Peta (PNG, 300 dpi)")
    img = Image.open(io.BytesIO(open(png.path(), "rb").read()))
    assert img.size[0] >= 3500 and len(img.convert("RGB").getcolors(1 << 24)) > 50
    page.get_by_role("button", name="← Sebelumnya").click()
    page.get_by_text("Langkah 1 dari 2: Peta nasional").wait_for(timeout=30_000)
    assert page.outside_requests == [] and page.console_errors == []
