"""Build ``data/bps_crosswalk.csv``: which Kemendagri region each BPS code names today.

    python -m geo.build.bps_crosswalk --source ../shared/data/bps [--out data]

Sources: BPS's province, regency and district lists (``provinces.csv``, ``regencies.csv``, ``districts.csv``
in ``--source``, from BPS's Master File Desa of about 2015–2017 via edwardsamuel/Wilayah-Administratif-Indonesia,
ODbL 1.0, © Badan Pusat Statistik) and the Kemendagri regions in ``data/regions.csv``. The crosswalk is a
derived database under ODbL: the build copies the licence beside it (``LICENSE-ODbL-1.0.md``) and writes
``SOURCE-bps.md`` (attribution, rules, counts).

Rules (codes are never compared across the two systems, only names):

* provinces pair by name (BPS ``94`` PAPUA is Kemendagri ``91``, BPS ``91`` PAPUA BARAT is ``92``);
* a regency is looked for among the Kemendagri regencies of its paired province and of the provinces made
  from that province in 2022 (``PROVINCES_OF_2022``); a district among the districts of its regency's match;
* ``how`` says how a row matched, in this order: ``same name`` (equal but for case); ``normalised`` (equal
  after ``geo.regions.names.comparable_name``, spaces dropped, ``DKI``/``DI`` spelt out, and the words
  ``Administrasi`` in a regency, ``Kepulauan`` leading a regency, ``Kota`` leading a district ignored);
  ``renamed`` (a former regency name listed in ``RENAMED``); ``similar spelling`` (a second pass over the
  regions no name matched: one scores ``SIMILAR_ACCEPT`` or more with rapidfuzz on the compact name,
  ``SIMILAR_MARGIN`` ahead of the next, holds the same numbers, Roman or written out, and no other BPS code
  proposed it); a regency in a 2022 province is ``moved to a 2022
  province`` whatever the name step; ``unmatched`` otherwise, with the reason in ``note``;
* one Kemendagri region is matched by at most one BPS code (the build stops if names say otherwise: there is no
  documented split in these lists, all BPS regencies predate the 2022 provinces but none was split since).
"""

from __future__ import annotations

import argparse
import csv
import io
import shutil
import sys
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz

from geo import config
from geo.regions import lookup
from geo.regions.names import comparable_name

COLUMNS = ["bps_code", "bps_name", "level", "kemendagri_code", "kemendagri_name", "how", "note"]
LEVEL_DIGITS = {"province": 2, "regency": 4, "district": 7}
# The provinces made in 2022 from Papua (UU 14, 15 and 16/2022) and Papua Barat (UU 29/2022), Kemendagri codes.
PROVINCES_OF_2022 = {"91": ("93", "94", "95"), "92": ("96",)}
# Former regency names in the BPS lists → the Kemendagri name today (keys written as comparable_name gives them).
RENAMED = {
    "kabupaten toba samosir": "Kabupaten Toba",
    "kabupaten mamuju utara": "Kabupaten Pasangkayu",
    "kabupaten maluku tenggara barat": "Kabupaten Kepulauan Tanimbar",
}
SIMILAR_ACCEPT = 85.0
SIMILAR_MARGIN = 5.0
_SPELT_OUT = [("dki ", "daerah khusus ibukota "), ("di ", "daerah istimewa ")]
# Numbers in district names, as Roman numerals or words (``Ilir Timur I`` is ``Ilir Timur Satu``); not ``x``,
# which is the ``2 x 11`` of Minangkabau names.
_NUMBERS = {word: str(n) for n, words in enumerate(
    [(), ("i", "satu"), ("ii", "dua"), ("iii", "tiga"), ("iv", "empat"), ("v", "lima"), ("vi", "enam"),
     ("vii", "tujuh"), ("viii", "delapan"), ("ix", "sembilan"), ("sepuluh",)]) for word in words}


def _number_words(text: str) -> list[str]:
    return [_NUMBERS.get(w, w) for w in text.split()]


def _key(name: str, level: str) -> str:
    """The compact comparable form of a name at ``level`` (see the module's rules)."""
    text = comparable_name(name)
    if level == "province":
        for short, long in _SPELT_OUT:
            if text.startswith(short):
                text = long + text[len(short):]
    elif level == "regency":
        text = text.replace(" administrasi ", " ")
        for kind in ("kabupaten", "kota"):
            if text.startswith(kind + " kepulauan "):
                text = kind + " " + text[len(kind + " kepulauan "):]
    elif level == "district":
        if text.startswith("kota "):
            text = text[len("kota "):]
        text = " ".join(_number_words(text))
    return text.replace(" ", "")


def _numbers_in(name: str) -> list[str]:
    """The numbers a name holds (``Ilir Timur I`` → ``['1']``): a similar spelling must keep them."""
    return [w for w in _number_words(comparable_name(name)) if w.isdigit()]


def _similar(name: str, level: str, free: list[lookup.Region]) -> tuple[lookup.Region, float] | None:
    """The one region of ``free`` whose name is a clearly similar spelling of ``name`` (module rules), or None."""
    key, numbers = _key(name, level), _numbers_in(name)
    ranked = sorted(((fuzz.ratio(key, _key(r.name, level)), r.code, r) for r in free
                     if _numbers_in(r.name) == numbers), reverse=True)
    if ranked and ranked[0][0] >= SIMILAR_ACCEPT and (len(ranked) == 1 or ranked[0][0] - ranked[1][0]
                                                      >= SIMILAR_MARGIN):
        return ranked[0][2], ranked[0][0]
    return None


def read_source(source: Path) -> dict[str, list[tuple[str, str, str]]]:
    """(code, parent BPS code, NAME) per level from the three upstream files; malformed rows stop the build."""
    files = {"province": "provinces.csv", "regency": "regencies.csv", "district": "districts.csv"}
    out: dict[str, list[tuple[str, str, str]]] = {}
    for level, name in files.items():
        rows = []
        with (source / name).open(encoding="utf-8-sig", newline="") as fh:
            for number, row in enumerate(csv.reader(fh), start=1):
                cells = [c.strip() for c in row]
                if not any(cells):
                    continue
                code, parent, text = (cells[0], "", cells[1]) if level == "province" else cells[:3]
                digits = LEVEL_DIGITS[level]
                if not (code.isdigit() and len(code) == digits and text
                        and (level == "province" or code.startswith(parent))):
                    raise ValueError(f"{name} line {number}: unexpected row {row!r}")
                rows.append((code, parent, text))
        codes = [c for c, _, _ in rows]
        if len(codes) != len(set(codes)):
            raise ValueError(f"{name}: a code is listed twice")
        out[level] = rows
    return out


def _row(code, name, level, region=None, how="unmatched", note=""):
    return {"bps_code": code, "bps_name": name, "level": level, "kemendagri_code": region.code if region else "",
            "kemendagri_name": region.name if region else "", "how": how, "note": note}


def _exact(name: str, level: str, candidates: list[lookup.Region]) -> tuple[list[lookup.Region], str]:
    """The candidates equal to ``name`` but for case, else equal after normalising (with the step's name)."""
    same = [r for r in candidates if r.name.casefold() == name.casefold()]
    if same:
        return same, "same name"
    key = _key(name, level)
    return [r for r in candidates if _key(r.name, level) == key], "normalised"


def match(bps: dict[str, list[tuple[str, str, str]]], store: lookup.RegionStore) -> list[dict]:
    """One crosswalk row per BPS code (province, regency, district), in BPS code order."""
    rows: list[dict] = []
    province_of: dict[str, str] = {}
    for code, _, name in bps["province"]:
        found, how = _exact(name, "province", store.all("province"))
        if len(found) == 1:
            province_of[code] = found[0].code
            rows.append(_row(code, name, "province", found[0], how))
        else:
            rows.append(_row(code, name, "province", note="no Kemendagri province of this name"))

    regency_of: dict[str, str] = {}
    regency_rows: dict[str, dict] = {}
    for code, parent, name in bps["regency"]:
        province = province_of.get(parent)
        if province is None:
            rows.append(_row(code, name, "regency", note=f"its BPS province {parent} is unmatched"))
            continue
        provinces = (province, *PROVINCES_OF_2022.get(province, ()))
        candidates = [r for p in provinces for r in store.children(p)]
        found, how = _exact(name, "regency", candidates)
        note = ""
        if not found and comparable_name(name) in RENAMED:
            new = RENAMED[comparable_name(name)]
            found, how, note = [r for r in candidates if r.name == new], "renamed", f"renamed {new}"
        if len(found) > 1:
            regency_rows[code] = _row(code, name, "regency",
                                      note=f"several Kemendagri regencies of this name in {', '.join(provinces)}")
        elif found:
            regency_rows[code] = _regency_row(code, name, found[0], how, note, province, store)
    taken = {r["kemendagri_code"] for r in regency_rows.values()}
    for code, parent, name in bps["regency"]:  # the second pass: similar spellings among the regions left
        province = province_of.get(parent)
        if code in regency_rows or province is None:
            continue
        provinces = (province, *PROVINCES_OF_2022.get(province, ()))
        free = [r for p in provinces for r in store.children(p) if r.code not in taken]
        found = _similar(name, "regency", free)
        if found:
            taken.add(found[0].code)
            regency_rows[code] = _regency_row(code, name, found[0], "similar spelling", f"score {found[1]:.0f}",
                                              province, store)
        else:
            regency_rows[code] = _row(code, name, "regency", note="no Kemendagri regency of this or a clearly "
                                                                  f"similar name in {', '.join(provinces)}")
    for code, row in regency_rows.items():
        rows.append(row)
        if row["kemendagri_code"]:
            regency_of[code] = row["kemendagri_code"]

    by_regency: dict[str, list[tuple[str, str]]] = {}
    for code, parent, name in bps["district"]:
        by_regency.setdefault(parent, []).append((code, name))
    for parent, districts in sorted(by_regency.items()):
        rows.extend(_match_districts(parent, districts, regency_of.get(parent), store))

    targets = Counter(r["kemendagri_code"] for r in rows if r["kemendagri_code"])
    twice = sorted(code for code, n in targets.items() if n > 1)
    if twice:
        raise ValueError(f"Kemendagri regions matched by more than one BPS code: {twice}")
    return sorted(rows, key=lambda r: (len(r["bps_code"]), r["bps_code"]))


def _regency_row(code, name, region, how, note, province, store) -> dict:
    if region.parent_code != province:
        note = "; ".join(filter(None, [note, f"{how}, now in {store.get(region.parent_code).name}"]))
        how = "moved to a 2022 province"
    return _row(code, name, "regency", region, how, note)


def _match_districts(parent: str, districts: list[tuple[str, str]], regency: str | None,
                     store: lookup.RegionStore) -> list[dict]:
    if regency is None:
        return [_row(c, n, "district", note=f"its BPS regency {parent} is unmatched") for c, n in districts]
    candidates = store.children(regency)
    out: dict[str, dict] = {}
    taken: set[str] = set()
    for code, name in districts:
        found, how = _exact(name, "district", candidates)
        if len(found) == 1 and found[0].code not in taken:
            taken.add(found[0].code)
            out[code] = _row(code, name, "district", found[0], how)
        elif found:
            why = "several districts" if len(found) > 1 else "another BPS district matched the district"
            out[code] = _row(code, name, "district", note=f"{why} of this name in {regency}")
    free = [r for r in candidates if r.code not in taken]
    proposals: dict[str, list[str]] = {}
    scored: dict[str, tuple[lookup.Region, float]] = {}
    for code, name in districts:
        if code not in out and (found := _similar(name, "district", free)):
            scored[code] = found
            proposals.setdefault(found[0].code, []).append(code)
    for code, name in districts:
        if code in out:
            continue
        if code in scored and len(proposals[scored[code][0].code]) == 1:
            region, score = scored[code]
            out[code] = _row(code, name, "district", region, "similar spelling", f"score {score:.0f}")
        else:
            out[code] = _row(code, name, "district",
                             note=f"no district of this or a clearly similar name in {regency} "
                                  "(renamed, merged, moved or split since)")
    return [out[c] for c, _ in districts]


def counts(rows: list[dict]) -> dict[str, dict[str, int]]:
    """How many rows matched each way, per level."""
    out: dict[str, Counter] = {lv: Counter() for lv in LEVEL_DIGITS}
    for r in rows:
        out[r["level"]][r["how"]] += 1
    return {lv: dict(sorted(c.items())) for lv, c in out.items()}


def csv_text(rows: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def source_note(rows: list[dict]) -> str:
    lines = [
        "# BPS ↔ Kemendagri crosswalk (bps_crosswalk.csv)\n",
        "Built by `python -m geo.build.bps_crosswalk --source ../shared/data/bps` (rules in that module's",
        "docstring) from BPS's province, regency and district lists (BPS Master File Desa, about 2015–2017,",
        "via edwardsamuel/Wilayah-Administratif-Indonesia @ 92f52a0) and the Kemendagri regions in regions.csv.\n",
        "Source data © Badan Pusat Statistik (BPS) Indonesia, under the ODC Open Database License (ODbL) 1.0",
        "(LICENSE-ODbL-1.0.md). bps_crosswalk.csv is a derived database, also under ODbL 1.0: keep this",
        "attribution and the licence with it.\n",
        "Columns: bps_code, bps_name (as BPS writes it), level, kemendagri_code and kemendagri_name (today's",
        "region; empty when unmatched), how (same name, normalised, renamed, similar spelling, moved to a 2022",
        "province, unmatched) and note (the reason when unmatched, the new name or province otherwise).\n",
        "## Counts\n",
        "| level | " + " | ".join(sorted({r["how"] for r in rows})) + " |",
        "|---|" + "---|" * len({r["how"] for r in rows}),
    ]
    hows = sorted({r["how"] for r in rows})
    for level, c in counts(rows).items():
        lines.append(f"| {level} | " + " | ".join(str(c.get(h, 0)) for h in hows) + " |")
    return "\n".join(lines) + "\n"


def build(source: Path, out: Path, store: lookup.RegionStore | None = None) -> list[dict]:
    """Write ``bps_crosswalk.csv``, ``SOURCE-bps.md`` and ``LICENSE-ODbL-1.0.md`` into ``out``."""
    rows = match(read_source(source), store or lookup.default_store())
    (out / "bps_crosswalk.csv").write_text(csv_text(rows), encoding="utf-8")
    (out / "SOURCE-bps.md").write_text(source_note(rows), encoding="utf-8")
    shutil.copyfile(source / "LICENSE-ODbL-1.0.md", out / "LICENSE-ODbL-1.0.md")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=config.ROOT.parent / "shared" / "data" / "bps")
    parser.add_argument("--out", type=Path, default=config.REGION_DATA_DIR)
    args = parser.parse_args(argv)
    rows = build(args.source, args.out)
    for level, c in counts(rows).items():
        print(level, ", ".join(f"{how}: {n}" for how, n in c.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
