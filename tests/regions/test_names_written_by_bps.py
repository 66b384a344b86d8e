"""A hold-out set of names: every regency as BPS (the statistics office) writes it — "KABUPATEN SIMEULUE",
"KOTA ADM. JAKARTA SELATAN", BPS's province name beside it — read by the resolver the way an office spreadsheet
would be. The resolver was never tuned on these files; the expected code is the crosswalk's
(``data/bps_crosswalk.csv``, matched within province at build time and checked by hand-picked codes in
``tests/build/test_bps_crosswalk.py``). Never a wrong region: a name resolves to the crosswalk's region or to
nothing (ambiguous or unknown, which the importer then reports)."""

import csv

from geo.config import ROOT
from geo.regions import resolver
from tests.conftest import SOURCE

BPS = SOURCE.parent / "bps"  # the upstream files beside the checkout (SINERGI_WILAYAH_SOURCE's sibling)


def _rows(name):
    with open(BPS / name, encoding="utf-8") as f:
        return [r for r in csv.reader(f) if r and r[0].isdigit()]


def test_every_regency_name_as_bps_writes_it_resolves_to_the_crosswalks_region(capsys):
    provinces = dict(_rows("provinces.csv"))
    with open(ROOT / "data" / "bps_crosswalk.csv", encoding="utf-8") as f:
        crosswalk = {r["bps_code"]: r["kemendagri_code"] for r in csv.DictReader(f)}
    regencies = _rows("regencies.csv")
    assert len(regencies) >= 514
    found, wrong, missed = 0, [], []
    for code, province, name in regencies:
        res = resolver.resolve(name, provinces[province], level="regency")
        if res.status in ("exact", "fuzzy") and res.code == crosswalk[code]:
            found += 1
        elif res.status in ("exact", "fuzzy"):
            wrong.append((code, name, res.code, crosswalk[code]))
        else:
            missed.append((code, name, res.status))
    with capsys.disabled():
        print(f"\nBPS regency names: {found} of {len(regencies)} resolved to the crosswalk's region, "
              f"{len(missed)} left unresolved, {len(wrong)} wrong")
    assert wrong == []
    assert found >= 0.99 * len(regencies), missed
