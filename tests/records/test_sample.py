"""The simulated sample: deterministic, realistic in shape, with a stored ground truth."""

import collections
import datetime as dt

from geo.db import storage
from geo.db.models import DatasetInfo
from geo.records import read, sample
from geo.regions import lookup
from tests.conftest import EDITOR


def test_deterministic_and_sized_like_the_brief():
    v1, a1, t1 = sample.generate()
    v2, a2, t2 = sample.generate()
    assert v1 == v2 and a1 == a2 and t1 == t2
    assert len(v1) == 150
    assert 1800 <= len(a1) <= 2200
    assert len({a.doc_number for a in a1}) == len(a1)
    assert {v.official_role for v in v1} >= {"Wakil Menteri Dalam Negeri", "Wakil Menteri Perdagangan"}
    statuses = collections.Counter(a.status for a in a1)
    assert set(statuses) == {"usulan", "ditandatangani", "berjalan", "selesai", "terhambat", "batal"}
    assert all(a.obstacles for a in a1 if a.status == "terhambat")
    assert all(len(a.parties) >= 2 and all(lookup.exists(p.region_code) for p in a.parties if p.region_code)
               for a in a1)
    assert all(dt.date(2021, 1, 1) <= v.start_at.date() <= dt.date(2026, 6, 30) for v in v1)


def test_partners_follow_distance():
    _, agreements, _ = sample.generate()
    neighbour_pairs = 0
    total = 0
    for a in agreements:
        codes = [p.region_code for p in a.parties if p.region_code and len(p.region_code) == 5]
        first = codes[0]
        nb = {r.code for r in lookup.neighbors(first)}
        for c in codes[1:]:
            total += 1
            neighbour_pairs += c in nb
    # Neighbours are a few of 513 possible partners, yet a large share of them.
    assert neighbour_pairs / total > 0.3


def test_planted_effect_is_visible_in_raw_counts():
    visits, agreements, truth = sample.generate()
    first_visit = {}
    for v in visits:
        for s in v.stops:
            first_visit.setdefault(s.region_code, v.start_at.date())
    after, before = 0, 0
    for code, day in first_visit.items():
        for a in agreements:
            if a.parties[0].region_code != code or a.signed_on is None:
                continue
            delta = (a.signed_on - day).days
            after += 0 < delta <= 365
            before += -365 <= delta <= 0
    assert truth["direct_rate_ratio"] == 2.0
    assert after > 1.4 * before  # the trend alone would give about 1.12


def test_seed_fills_an_empty_database_once(engine):
    counts = sample.seed(engine, EDITOR)
    assert counts["agreements"] > 1800
    assert sample.seed(engine, EDITOR) == {"visits": 0, "agreements": 0}
    assert sample.is_simulated(engine)
    with storage.transaction(engine) as s:
        truth = s.get(DatasetInfo, "sample_ground_truth").value
    assert truth["effect_months"] == 12 and truth["visited_regencies"]
    df = read.agreements_frame(engine)
    assert len(df) == counts["agreements"] and df["simulated"].all()


def test_seeding_reports_its_progress_from_the_start_to_every_record(engine):
    from geo.access.roles import SAMPLE_SEEDER

    calls = []
    counts = sample.seed(engine, SAMPLE_SEEDER, progress=lambda done, total: calls.append((done, total)))
    total = counts["visits"] + counts["agreements"]
    assert calls[0] == (0, 0)  # before the sample is generated: the page shows 0 % at once
    done = [d for d, _ in calls[1:]]
    assert done == sorted(done) and len(done) >= 40 and {t for _, t in calls[1:]} == {total}
    assert total - done[-1] < total / 40  # the last report is near the end


def test_filters(seeded_engine):
    df = read.agreements_frame(seeded_engine)
    stalled = read.filter_agreements(df, statuses=["terhambat"])
    assert 0 < len(stalled) < len(df) and set(stalled["status"]) == {"terhambat"}
    jabar = read.filter_agreements(df, regions_in=["32"])
    assert len(jabar) and all(any(c.startswith("32") for c in cs) for cs in jabar["region_codes"])
    tourism = read.filter_agreements(df, sectors=["pariwisata"], text="wisata")
    assert len(tourism) and all("pariwisata" in s for s in tourism["sectors"])
    vdf = read.visits_frame(seeded_engine)
    assert len(read.filter_visits(vdf, text="Perdagangan")) < len(vdf)
    assert len(read.filter_visits(vdf, regions_in=["32"])) > 0
