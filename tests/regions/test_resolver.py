"""geo.regions.resolver: the code a written region name means (exact, fuzzy, ambiguous or unknown)."""

import csv
from collections import Counter

import pytest

from geo.regions import lookup, resolver
from tests.conftest import ROOT


@pytest.mark.parametrize("written,code", [
    ("Kab. Bandung", "32.04"), ("Kabupaten Bandung", "32.04"), ("KOTA BANDUNG", "32.73"),
    ("Kota Adm. Jakarta Pusat", "31.71"), ("Prov. Jawa Barat", "32"), ("DKI Jakarta", "31"),
    ("DIY", "34"), ("32.73", "32.73"), ("Kab. Toba Samosir", "12.12"),
])
def test_resolve_exact(written, code):
    res = resolver.resolve(written)
    assert res.status == "exact" and res.code == code


def test_ambiguous_is_never_a_guess():
    res = resolver.resolve("Bandung")
    assert res.status == "ambiguous" and res.code is None
    assert {c.code for c in res.candidates} == {"32.04", "32.73"}
    assert resolver.resolve("Kota Bandung", province="Jawa Barat").code == "32.73"


def test_typo_is_fuzzy_with_candidates():
    res = resolver.resolve("Kab. Bandug")
    assert res.status == "fuzzy" and res.code == "32.04"
    assert res.candidates[0].code == "32.04"


def test_province_hint_narrows():
    assert resolver.resolve("Sorong", province="Papua Barat Daya").status == "ambiguous"
    assert resolver.resolve("Kab Sorong", province="Papua Barat Daya").code == "96.01"
    assert resolver.resolve("Kota Bandung", province="Jawa Timur").status == "unknown"


def _official_codes_by_name() -> dict[str, list[str]]:
    by_name: dict[str, list[str]] = {}
    for level in lookup.GOVERNMENT_LEVELS:
        for r in lookup.all_regions(level):
            by_name.setdefault(r.name, []).append(r.code)
    return by_name


def _expected_code(expected: str, by_name: dict[str, list[str]]) -> str | None:
    if expected in ("AMBIGUOUS", "UNKNOWN"):
        return None
    matches = by_name.get(expected, [])
    assert len(matches) == 1, f"test data names no single official region: {expected!r}"
    return matches[0]


@pytest.mark.parametrize("name,minimum", [
    ("region_names_real_world.csv", 300),  # the list the resolver was developed against
    ("region_names_holdout.csv", 100),  # written afterwards and never tuned against
])
def test_real_world_names(capsys, name, minimum):
    path = ROOT / "tests" / "data" / name
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) >= minimum
    by_name = _official_codes_by_name()
    outcome = Counter()
    wrong = []
    for row in rows:
        res = resolver.resolve(row["written"], province=row["province_hint"] or None)
        want = _expected_code(row["expected"], by_name)
        if want is None:
            ok = (row["expected"] == "AMBIGUOUS" and res.status == "ambiguous") or (
                row["expected"] == "UNKNOWN" and res.status in ("unknown", "ambiguous"))
            outcome["right" if ok else ("wrong" if res.code else "missed")] += 1
            if res.code:
                wrong.append((row["written"], res.code, row["expected"]))
        elif res.code == want:
            outcome["right"] += 1
        elif res.code is None:
            outcome[res.status] += 1
        else:
            outcome["wrong"] += 1
            wrong.append((row["written"], res.code, want))
    n = len(rows)
    with capsys.disabled():
        print(f"\n{name}: {n} names; " + ", ".join(f"{k} {v} ({v / n:.1%})" for k, v in sorted(outcome.items())))
        for w in wrong:
            print("  wrong:", w)
    assert outcome["wrong"] / n < 0.005, wrong
    assert outcome["right"] / n >= 0.9, outcome


def test_lower_levels_by_name():
    assert resolver.resolve("Coblong", level="district").code == "32.73.02"
    assert resolver.resolve("Kec. Coblong").code == "32.73.02"
    res = resolver.resolve("Kota Baru", level="village")
    assert res.status == "ambiguous" and all(c.level == "village" for c in res.candidates)


def test_the_store_and_the_module_resolve_alike():
    for written in ("Kab. Bandung", "Bandung", "Kab. Bandug", "Solo", "3273"):
        assert lookup.resolve(written) == resolver.resolve(written)


@pytest.mark.parametrize("written,code", [
    ("Kota Surakarta (Solo)", "33.72"), ("Sidenreng Rappang/Rapang", "73.14"),
    ("Kab. Sidenreng Rappang / Sidrap", "73.14"), ("Kab. Bandung (Jawa Barat)", "32.04"),
    ("Solo (Surakarta)", "33.72"), ("Kota Bau-Bau/Baubau", "74.72"),
])
def test_an_alternate_in_brackets_or_after_a_slash_is_read_as_the_same_region(written, code):
    res = resolver.resolve(written)
    assert (res.status, res.code) == ("exact", code)
    assert res.note is not None and res.note_text("en").startswith("read from the part")


@pytest.mark.parametrize("written,candidates", [
    ("Kota Surakarta (Bandung)", {"33.72", "32.04", "32.73"}),  # the parts name different regions
    ("Bandung (Jabar)", {"32.04", "32.73"}),  # the province narrows, but two Bandungs are in it
    ("Kab. Bandung / Kab. Bandung Barat", {"32.04", "32.17"}),
])
def test_parts_that_disagree_stay_ambiguous_with_every_candidate(written, candidates):
    res = resolver.resolve(written)
    assert res.status == "ambiguous" and res.code is None
    assert {c.code for c in res.candidates} == candidates


@pytest.mark.parametrize("written,code", [
    ("Kab. Pangkep", "73.10"), ("Sidrap", "73.14"), ("Kab. Madina", "12.13"), ("Kab. HSU", "63.08"),
    ("Kab. Tapsel", "12.03"), ("Kab. PPU", "64.09"), ("P A P U A", "91"), ("N T B", "52"),
])
def test_common_short_forms_and_spaced_letters(written, code):
    assert resolver.resolve(written).code == code
