"""Evidence in a real browser (headless Chromium): the gallery and the region page show the photos as images served
as JPEG/PNG, a caption, place and credit full of script stay text, and nothing runs. Screenshots at 1366×768 go to
``SINERGI_SHOTS_DIR`` when it is set (to look at them)."""

import datetime as dt
import os
from pathlib import Path
from urllib.parse import urlparse

import pytest

from geo.access.roles import SAMPLE_SEEDER
from geo.db import storage
from geo.evidence import attachments
from geo.records import sample, write
from geo.records.write import AgreementData, Party
from tests.browser.test_browser import page, running_app  # noqa: F401  (the page fixture: outside requests aborted)
from tests.browser.test_escaping_browser import EVIL, _no_script_ran, _watch
from tests.conftest import EDITOR
from tests.evidence import hostile_files as hf

DOC = "XSS/PKS/2025"


@pytest.fixture(scope="module")
def evidence_app(require_browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("evidence-app")
    eng = storage.make_engine(f"sqlite:///{folder / 'sinergi.db'}")
    storage.migrate(eng)
    sample.seed(eng, SAMPLE_SEEDER)
    with storage.transaction(eng) as s:
        write.save_agreement(s, AgreementData(
            doc_number=DOC, title="Pengelolaan sampah bersama " + EVIL[:60], type="PKS", status="selesai",
            sectors=["lingkungan"], parties=[Party("32.73"), Party("32.04")], signed_on=dt.date(2025, 2, 3)), EDITOR)
        attachments.attach(s, "agreement", DOC, hf.polyglot_jpeg(), EDITOR, original_name=EVIL[:200],
                           details=attachments.Details(caption=EVIL, place=EVIL[:300], credit=EVIL[:200],
                                                       taken_on=dt.date(2025, 2, 3)))
        attachments.attach(s, "agreement", DOC, hf.plain_pdf(), EDITOR, original_name="ttd.pdf")
    eng.dispose()
    with running_app(folder) as url:
        yield url


def _shot(pg, name: str) -> None:
    folder = os.environ.get("SINERGI_SHOTS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(Path(folder) / name))


LOADED_IMAGES = """() => [...document.querySelectorAll('img')]
    .filter(i => new URL(i.src).pathname.startsWith('/media/') && i.complete && i.naturalWidth > 0).length"""


def _loaded_images(pg, at_least: int) -> int:
    """How many of the app's media images have loaded, once at least ``at_least`` have (or 30 s passed)."""
    try:
        pg.wait_for_function(f"() => ({LOADED_IMAGES})() >= {at_least}", timeout=30_000)
    except Exception:  # noqa: BLE001 - the count below says what was there
        pass
    return pg.evaluate(LOADED_IMAGES)


def test_the_gallery_shows_photos_as_images_and_typed_text_as_text(evidence_app, page):  # noqa: F811
    pg = _watch(page)
    pg.set_viewport_size({"width": 1366, "height": 768})
    types = {}
    pg.on("response", lambda r: urlparse(r.url).path.startswith("/media/")
          and types.setdefault(r.url, r.headers.get("content-type")))
    pg.goto(f"{evidence_app}/gallery?y0=2021&y1=2026")
    pg.get_by_role("heading", name="Contoh kerja sama yang berhasil").wait_for(timeout=90_000)
    pg.get_by_text("11 foto").wait_for(timeout=60_000)  # the sample's ten and the hostile one
    pg.wait_for_timeout(3000)
    assert _loaded_images(pg, 9) >= 9
    assert types and set(types.values()) <= {"image/jpeg", "image/png"}
    _no_script_ran(pg)
    _shot(pg, "gallery.png")
    assert pg.get_by_text("<script>window.__xss=\"script\"</script>", exact=False).count() >= 1  # shown as typed
    pg.get_by_text(f"{DOC} · Selesai").evaluate("e => e.scrollIntoView({block: 'center'})")
    pg.wait_for_timeout(2000)
    _no_script_ran(pg)
    _shot(pg, "gallery-hostile-card.png")
    assert pg.outside_requests == []


def test_the_region_page_shows_its_photos_and_runs_nothing(evidence_app, page):  # noqa: F811
    pg = _watch(page)
    pg.set_viewport_size({"width": 1366, "height": 768})
    pg.goto(f"{evidence_app}/region?region=32.73&y0=2021&y1=2026")
    pg.get_by_role("heading", name="Kota Bandung").wait_for(timeout=90_000)
    heading = pg.get_by_role("heading", name="Foto kegiatan")
    heading.wait_for(timeout=90_000)
    heading.evaluate("e => e.scrollIntoView({block: 'start'})")
    pg.wait_for_timeout(4000)
    assert _loaded_images(pg, 1) >= 1
    _no_script_ran(pg)
    _shot(pg, "region-bandung.png")

    pg.goto(f"{evidence_app}/region?region=32&y0=2021&y1=2026")  # Jawa Barat: the sample's pictures
    pg.get_by_role("heading", name="Jawa Barat").wait_for(timeout=90_000)
    heading = pg.get_by_role("heading", name="Foto kegiatan")
    heading.wait_for(timeout=90_000)
    heading.evaluate("e => e.scrollIntoView({block: 'start'})")
    pg.wait_for_timeout(4000)
    assert _loaded_images(pg, 4) >= 4  # the two agreements', the two visits' and the hostile one
    _no_script_ran(pg)
    _shot(pg, "region-jawa-barat.png")
