"""Region history: what every province and regency code and name of earlier code lists is today.

    python -m geo.build.region_history --source ../shared/data/wilayah [--out data]

Office records from 2016 on name regions as they were then ("Kab. Merauke", province "Papua", code 91.01;
"Kabupaten Maluku Tenggara Barat"). This build reads the archived editions of the code list
(``archive/wilayah_{2016,2018,2020,2022,2023}.sql.gz``, cahyadsn/wilayah, MIT) and today's list (the built
``regions.csv`` beside the output, made by ``geo.build.region_files`` from ``codes/wilayah.sql``) and writes
``region_history.csv``: one row per distinct (code, name as written, province name as written) of any edition,
with the editions that wrote it and the code it is today.

Rules, in order, for each old province or regency (names compared by ``comparable_name`` without the kind word
and without spaces, so "P A P U A", "KAB. TOLI TOLI" and "Kabupaten Toli-Toli" agree):

* the code exists today and the names agree (or ``names_agree``: "Pahuwato"/"Pohuwato") → ``same``;
* the code exists today, the names differ, and the pair is in ``RENAMED`` → ``renamed``; in ``SPELLINGS`` (the
  same name written otherwise: "DKI Jakarta") → ``same``;
* the code is gone and its province was split (``SPLITS``: Papua and Papua Barat, 2022) → the one regency of
  the same kind and name in the old province or its successors → ``moved``;
* a code listed in ``DISSOLVED`` → ``dissolved`` (no code today; the why says what became of it);
* anything else stops the build (``BuildError``): a new edition's change needs a person's decision, not a guess.

``FORMER_NAMES`` adds names changed before the earliest edition (2016) that offices still write ("Kabupaten
Pontianak"), ``editions`` empty. Every target code and its name today are checked against today's list.
Columns: old_code, old_name (as the edition wrote it), old_province_name, editions (space-separated years),
code_now, name_now, how (same, renamed, moved, dissolved), why. Districts are left out.

Sources: the archive and codes folders of ``../shared/data/wilayah`` (see their SOURCE.md); the renames, splits
and former names below are from the laws named beside each.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

from geo import config
from geo.build.wilayah_sql import iter_insert_rows
from geo.regions.names import comparable_name, names_agree

EDITIONS = ("2016", "2018", "2020", "2022", "2023")
COLUMNS = ["old_code", "old_name", "old_province_name", "editions", "code_now", "name_now", "how", "why"]

# Same code, new name: code -> (old name, why).
RENAMED = {
    "12.12": ("Kabupaten Toba Samosir", "renamed Kabupaten Toba in 2020 (PP 5/2020)"),
    "76.01": ("Kabupaten Mamuju Utara", "renamed Kabupaten Pasangkayu in 2017 (PP 61/2017)"),
    "81.03": ("Kabupaten Maluku Tenggara Barat", "renamed Kabupaten Kepulauan Tanimbar in 2019 (PP 2/2019)"),
}
# Same code, same name written otherwise: code -> (name as an edition wrote it, why).
SPELLINGS = {
    "31": ("DKI Jakarta", "abbreviation of Daerah Khusus Ibukota Jakarta"),
    "34": ("Daerah Istimewa", "name cut short in the 2016 edition"),
}
# Provinces split: old province -> (provinces formed from it, why). Their regencies took new codes there.
SPLITS = {
    "91": (("93", "94", "95"), "Papua split in 2022: Papua Selatan, Papua Tengah and Papua Pegunungan formed "
                               "(UU 14, 15 and 16/2022)"),
    "92": (("96",), "Papua Barat split in 2022: Papua Barat Daya formed (UU 29/2022)"),
}
# Codes of an edition with no region today: code -> why. None so far (checked by the build).
DISSOLVED: dict[str, str] = {}
# Names changed before 2016 that records still carry: (old name, old province, code now, name now, why).
FORMER_NAMES = [
    ("Kabupaten Pontianak", "Kalimantan Barat", "61.02", "Kabupaten Mempawah",
     "renamed Kabupaten Mempawah in 2014 (PP 58/2014)"),
    ("Kabupaten Pasir", "Kalimantan Timur", "64.01", "Kabupaten Paser", "renamed Kabupaten Paser in 2007 (PP 49/2007)"),
    ("Kabupaten Kepulauan Riau", "Kepulauan Riau", "21.01", "Kabupaten Bintan",
     "renamed Kabupaten Bintan in 2006 (PP 5/2006)"),
]

_KIND_WORDS = ("kabupaten administrasi ", "kota administrasi ", "kabupaten ", "kota ", "provinsi ")


class BuildError(Exception):
    """An old code or name the rules cannot place: a person has to decide."""


def core_key(name: str) -> str:
    """The name without kind word and spaces, for comparing spellings across editions.

    >>> core_key("KAB. TOLI TOLI") == core_key("Kabupaten Toli-Toli"), core_key("P A P U A")
    (True, 'papua')
    """
    text = comparable_name(name)
    for word in _KIND_WORDS:
        if text.startswith(word):
            text = text[len(word):]
            break
    return text.replace(" ", "")


def kind_of(code: str, name: str) -> str:
    """provinsi, kota or kabupaten: what a province or regency row is."""
    if len(code) == 2:
        return "provinsi"
    return "kota" if comparable_name(name).startswith("kota ") else "kabupaten"


def read_edition(path: Path) -> dict[str, str]:
    """Province and regency codes → names of one code-list dump (white space tidied)."""
    out = {}
    for _, row in iter_insert_rows(path):
        code = str(row[0]).strip()
        if re.fullmatch(r"\d{2}(\.\d{2})?", code):
            out[code] = re.sub(r"\s+", " ", str(row[1])).strip()
    if not out:
        raise BuildError(f"no province or regency codes in {path}")
    return out


def _agree(old: str, new: str) -> bool:
    return core_key(old) == core_key(new) or names_agree(old, new)


def place(code: str, name: str, today: dict[str, str]) -> tuple[str, str, str]:
    """(code_now, how, why) for one old code and name; ``BuildError`` when no rule places it."""
    if code in today:
        new = today[code]
        split = SPLITS.get(code)
        why = split[1] if split else ""
        if kind_of(code, name) == kind_of(code, new) and _agree(name, new):
            return code, "same", why
        if code in SPELLINGS and core_key(SPELLINGS[code][0]) == core_key(name):
            return code, "same", SPELLINGS[code][1]
        if code in RENAMED and core_key(RENAMED[code][0]) == core_key(name):
            return code, "renamed", RENAMED[code][1]
        raise BuildError(f"{code} {name!r} is {new!r} today: a rename? (add it to RENAMED or SPELLINGS)")
    if code in DISSOLVED:
        return "", "dissolved", DISSOLVED[code]
    province = code[:2]
    if len(code) == 5 and province in SPLITS:
        successors, why = SPLITS[province]
        found = [c for c, n in today.items() if len(c) == 5 and c[:2] in (province, *successors)
                 and kind_of(c, n) == kind_of(code, name) and core_key(n) == core_key(name)]
        if len(found) == 1:
            return found[0], "moved", why
        raise BuildError(f"{code} {name!r}: {len(found)} regencies of that name in {province} and its successors")
    raise BuildError(f"{code} {name!r} has no region today (add it to DISSOLVED with why)")


def read_today(regions_csv: Path) -> dict[str, str]:
    """Province and regency codes → names today, from the built ``regions.csv``."""
    with regions_csv.open(encoding="utf-8") as fh:
        return {r["code"]: r["name"] for r in csv.DictReader(fh) if r["level"] in ("province", "regency")}


def history_rows(source: Path, regions_csv: Path) -> list[list[str]]:
    """The rows of ``region_history.csv`` (sorted by old code, then first edition)."""
    today = read_today(regions_csv)
    seen: dict[tuple[str, str, str], list] = {}
    for year in EDITIONS:
        edition = read_edition(source / "archive" / f"wilayah_{year}.sql.gz")
        for code, name in sorted(edition.items()):
            province = edition.get(code[:2], "")
            key = (code, comparable_name(name), comparable_name(province))
            if key in seen:
                seen[key][3].append(year)
                continue
            code_now, how, why = place(code, name, today)
            seen[key] = [code, name, province, [year], code_now, today.get(code_now, ""), how, why]
    rows = [[*r[:3], " ".join(r[3]), *r[4:]] for r in seen.values()]
    for old_name, province, code_now, name_now, why in FORMER_NAMES:
        if today.get(code_now) != name_now:
            raise BuildError(f"former name {old_name!r}: {code_now} is {today.get(code_now)!r}, not {name_now!r}")
        if any(core_key(n) == core_key(old_name) and kind_of(c, n) == kind_of(code_now, old_name)
               for c, n in today.items() if len(c) == 5):
            raise BuildError(f"former name {old_name!r} is a region's name today")
        rows.append(["", old_name, province, "", code_now, name_now, "renamed", why])
    return sorted(rows, key=lambda r: (r[0] == "", r[0], r[3], r[1]))


def write(rows: list[list[str]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)


def build(source: Path, out: Path) -> Path:
    """Write ``out/region_history.csv`` from ``source`` (the wilayah folder) and ``out/regions.csv``."""
    path = out / "region_history.csv"
    write(history_rows(source, out / "regions.csv"), path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=Path("../shared/data/wilayah"))
    parser.add_argument("--out", type=Path, default=config.REGION_DATA_DIR)
    args = parser.parse_args(argv)
    try:
        path = build(args.source, args.out)
    except BuildError as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    print(f"{path} written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
