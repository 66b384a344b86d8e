"""Headless Chromium: a party opens its agreement's feedback link logged out, while viewing the app requires a login,
sends the form, reads the thank-you, and the entry waits for moderation; then an editor logs in and sees it.
Screenshots go to ``SINERGI_SHOTS`` when set (the form at 1366×768 and on a 390×844 phone, the moderation page)."""

import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from geo.access import accounts
from geo.db import storage
from geo.db.models import PartyFeedback
from geo.records import party_feedback, read
from tests.browser.test_browser import page, running_app, wait_until_idle  # noqa: F401  (the page fixture)
from tests.conftest import EDITOR

SUGGESTION = "Mohon rapat koordinasi tiap triwulan <b>segera</b>"


def _shot(pg, name: str) -> None:
    folder = os.environ.get("SINERGI_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


@pytest.fixture(scope="module")
def feedback_app(require_browser, tmp_path_factory, sample_database):
    folder = tmp_path_factory.mktemp("feedback-app")
    shutil.copyfile(sample_database, folder / "sinergi.db")
    eng = storage.make_engine(f"sqlite:///{folder / 'sinergi.db'}")
    storage.migrate(eng)
    agreements = read.agreements_frame(eng)
    doc = agreements[agreements["region_codes"].map(lambda cs: "32.73" in cs)]["doc_number"].iloc[0]
    code = party_feedback.issue_code(eng, EDITOR, doc)
    accounts._add(eng, "ani", "sandi-ani-panjang", "editor")
    with running_app(folder, {"SINERGI_VIEW_REQUIRES_LOGIN": "1"}) as url:
        yield url, eng, doc, code
    eng.dispose()


def test_a_party_sends_feedback_from_its_link_logged_out_and_the_entry_waits_for_moderation(feedback_app, page):  # noqa: F811
    url, eng, doc, code = feedback_app
    page.goto(url)
    page.get_by_text("Silakan masuk untuk melihat Sinergi.").wait_for(timeout=60_000)  # the app itself is closed
    page.goto(f"{url}/?{party_feedback.PARAM}={code}")
    page.get_by_role("heading", name="Umpan balik para pihak").wait_for(timeout=60_000)
    wait_until_idle(page)
    assert page.get_by_label("Nama pengguna").count() == 0  # no login box on the form
    for width, height, name in ((1366, 768, "form-1366"), (390, 844, "form-phone")):
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(500)
        _shot(page, name)
    page.set_viewport_size({"width": 1366, "height": 768})
    page.locator("[data-testid='stSelectbox']").filter(has_text="Daerah Anda").click()
    page.get_by_role("option", name="Kota Bandung").click()
    page.get_by_text("4 – baik").click()
    page.get_by_label("Saran").fill(SUGGESTION)
    page.get_by_label("Kontak (tidak wajib; hanya dilihat pengelola)").fill("dinas@contoh.invalid")
    page.get_by_role("button", name="Kirim umpan balik").click()
    page.get_by_text("Terima kasih. Umpan balik Anda sudah diterima").wait_for(timeout=60_000)
    _shot(page, "thanks")
    with storage.transaction(eng) as s:
        rows = [(r.status, r.rating, r.suggestion, r.contact) for r in s.scalars(select(PartyFeedback))]
    assert rows == [("menunggu", 4, SUGGESTION, "dinas@contoh.invalid")]
    with storage.transaction(eng) as s:
        assert [r.party_region for r in s.scalars(select(PartyFeedback))] == ["32.73"]
    assert page.evaluate("document.querySelectorAll('b').length") == 0 or "segera" not in page.evaluate(
        "Array.from(document.querySelectorAll('b')).map(b => b.textContent).join(' ')")

    page.goto(url)
    page.get_by_label("Nama pengguna").fill("ani")
    page.get_by_label("Kata sandi").fill("sandi-ani-panjang")
    page.get_by_role("button", name="Masuk").click()
    page.get_by_role("link", name="Umpan Balik Pihak").click(timeout=60_000)
    page.get_by_text("Menunggu moderasi (1)").wait_for(timeout=60_000)
    wait_until_idle(page)
    page.get_by_text(SUGGESTION).wait_for(timeout=30_000)  # shown as typed, the tag as text
    page.set_viewport_size({"width": 1366, "height": 1300})
    page.locator("[data-testid='stSelectbox']").filter(has_text="Kerja sama").click()
    page.keyboard.type(doc)
    page.get_by_role("option", name=doc).first.click()
    try:
        page.get_by_text(party_feedback.format_code(code)).wait_for(timeout=30_000)
    finally:
        wait_until_idle(page)
        _shot(page, "moderation")
