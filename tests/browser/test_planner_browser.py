"""Headless Chromium: from the national map to an exported schedule, offline."""

import io
import time

import openpyxl

from tests.browser.test_browser import _click_latlng, _wait_for_paths, app_url, download, page  # noqa: F401 (fixtures)


def test_from_the_map_to_an_exported_schedule(app_url, page, tmp_path):  # noqa: F811
    page.goto(app_url)
    assert _wait_for_paths(page, 38) == 38
    time.sleep(1)
    _click_latlng(page, -7.0, 107.6)  # Jawa Barat
    page.locator("text=Indonesia › Jawa Barat").first.wait_for(timeout=30_000)
    assert _wait_for_paths(page, 27) == 27
    time.sleep(1)
    _click_latlng(page, -6.92, 107.61)  # Kota Bandung: its page opens
    page.wait_for_url("**/region?**", timeout=30_000)
    page.get_by_role("button", name="Rencanakan kunjungan").click()
    page.wait_for_url("**/planner?**", timeout=30_000)
    page.get_by_role("button", name="Unduh jadwal (XLSX)").wait_for(timeout=90_000)
    path = tmp_path / "jadwal.xlsx"
    download(page, "Unduh jadwal (XLSX)").save_as(path)
    rows = list(openpyxl.load_workbook(io.BytesIO(path.read_bytes())).active.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r[0] == "No.")  # below the title block
    assert list(rows[header]) == ["No.", "Tanggal", "Waktu", "Lokasi", "Narasumber/Pihak yang Dijumpai", "Agenda"]
    stops = [r[1:] for r in rows[header:] if isinstance(r[0], int)]  # travel legs between them have no number
    assert [r[2] for r in stops] == ["Kota Bandung, Jawa Barat"]
    assert stops[0][1].endswith("WIB") and stops[0][3].startswith("Wali Kota Bandung")
    assert page.outside_requests == [], page.outside_requests
