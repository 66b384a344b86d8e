"""Script stored in every user-visible text never runs in a real browser (headless Chromium): not in the map's
tooltips, the region page, the Data page's tables or the sidebar filters; and the downloads neutralise formulas."""

import datetime as dt
import time

import pytest

from geo.access.roles import SAMPLE_SEEDER
from geo.db import storage
from geo.records import sample, write
from geo.records.write import AgreementData, Party, StopData, VisitData
from tests.browser.test_browser import (  # noqa: F401  (the page fixture: outside requests aborted)
    _in_map,
    _map_frame,
    _wait_for_paths,
    page,
    running_app,
)
from tests.conftest import EDITOR

PAYLOADS = [
    '<script>window.__xss="script"</script>',
    '<img src=x onerror="window.__xss=\'img\';alert(1)">',
    '<svg onload="window.__xss=\'svg\'"></svg>',
    '"><iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
    "javascript:window.__xss='link'",
]
EVIL = " ".join(PAYLOADS)
WIB = dt.timezone(dt.timedelta(hours=7))


def _store_payloads(url: str) -> None:
    eng = storage.make_engine(url)
    storage.migrate(eng)
    sample.seed(eng, SAMPLE_SEEDER)
    start = dt.datetime(2024, 8, 20, 9, tzinfo=WIB)
    with storage.transaction(eng) as s:
        write.save_visit(s, VisitData(
            ref="KUNKER-XSS", official_role="Wamen " + EVIL, ministry="Kementerian " + EVIL, start_at=start,
            time_zone="WIB", agenda=EVIL, people_met=EVIL, stops=[StopData(
                "32.73", place_name=EVIL, start_at=start, agenda=EVIL, people_met=EVIL)]), EDITOR)
        write.save_agreement(s, AgreementData(
            doc_number="XSS/KB/2024", title=EVIL, type="KB", status="terhambat",
            parties=[Party("32.73"), Party("32.04"), Party(partner_name=EVIL)], signed_on=dt.date(2024, 9, 1),
            obstacles=[("regulasi", EVIL)], notes=EVIL, visit_ref="KUNKER-XSS"), EDITOR)
    eng.dispose()


@pytest.fixture(scope="module")
def evil_app(require_browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("evil-app")
    _store_payloads(f"sqlite:///{folder / 'sinergi.db'}")
    with running_app(folder) as url:
        yield url


def _no_script_ran(pg) -> None:
    for frame in pg.frames:
        try:
            flag = frame.evaluate("() => window.__xss === undefined ? null : String(window.__xss)")
        except Exception:  # a frame that went away meanwhile
            continue
        assert flag is None, (frame.url, flag)
    assert pg.dialogs == []


def _watch(pg):
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    return pg


def test_map_tooltips_show_script_as_text(evil_app, page):  # noqa: F811
    pg = _watch(page)
    pg.goto(f"{evil_app}/?prov=32&visits=1")
    assert _wait_for_paths(pg, 27, timeout=90) == 27  # Jawa Barat's regencies
    frame = _map_frame(pg)
    deadline = time.time() + 60
    opened = 0
    while time.time() < deadline and not opened:  # open every tooltip that carries a visit's official
        opened = _in_map(pg, """() => { let n = 0; sinergiMap.eachLayer(l => {
            const tip = l.getTooltip && l.getTooltip();
            if (tip && String(tip.getContent().textContent).includes('Wamen')) { l.openTooltip(); n += 1; } });
            return n; }""")
        time.sleep(0.5)
    assert opened >= 1
    tips = frame.locator(".leaflet-tooltip")
    tips.first.wait_for(state="attached", timeout=10_000)
    shown = " ".join(tips.all_text_contents())
    assert "<script>" in shown and "onerror" in shown  # the payload is there, as text
    assert frame.locator(".leaflet-tooltip script, .leaflet-tooltip img, .leaflet-tooltip svg, "
                         ".leaflet-tooltip iframe").count() == 0
    # the ministry filter in the sidebar lists the payload as an option, as text
    pg.get_by_text("Saring").first.click()
    time.sleep(1)
    _no_script_ran(pg)
    assert pg.outside_requests == []


def test_region_page_and_data_page_show_script_as_text(evil_app, page):  # noqa: F811
    pg = _watch(page)
    pg.goto(f"{evil_app}/region?region=32.73")
    pg.get_by_role("heading", name="Kota Bandung").wait_for(timeout=90_000)
    pg.wait_for_timeout(4000)
    _no_script_ran(pg)
    pg.goto(f"{evil_app}/records")
    pg.get_by_role("heading", name="Data kunjungan kerja dan kerja sama daerah").wait_for(timeout=90_000)
    search = pg.get_by_label("Cari")
    if search.count():
        search.first.fill("XSS/KB")
        search.first.press("Enter")
    pg.wait_for_timeout(4000)
    grid = pg.locator("[data-testid='stDataFrame']").first
    grid.wait_for(timeout=30_000)
    assert pg.locator("[data-testid='stMain'] script").count() == 0
    assert pg.locator("img[src='x'], [data-testid='stMain'] svg[onload], iframe[srcdoc]").count() == 0
    _no_script_ran(pg)
    assert pg.outside_requests == []
