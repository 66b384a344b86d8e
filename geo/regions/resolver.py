"""Name resolution: the region code a name means, as people write names in office spreadsheets.

Rules, in order (``NameResolver.resolve``):

* a Kemendagri code is taken as it is when it exists; a code unknown today that an earlier code list used
  (``data/region_history.csv``: Merauke's ``91.01`` before the 2022 Papua split) means the region it is today,
  with a ``note``; a bare number (``3273``, ``94``) is read as a BPS code and as a Kemendagri code without dots,
  ambiguous when the two differ (``geo.regions.bps``);
* the kind word people write first (``Kab.``, ``Kota``, ``Pemkot``, ``Prov.``, ``Kec.``, ``Desa`` …) says
  the level; without one, a name is looked for among provinces and regencies/cities;
* a name spelt with spaced letters (``P A P U A``, as the 2016–2020 code lists write Papua) is closed up;
* abbreviations are spelt out (``DKI``, ``Jabar``, ``Kep.``), old spellings converted (``Djokjakarta``),
  former and everyday names (``ALIASES``: ``Ujung Pandang``, ``Solo``) mapped to today's official names, and
  ``Kepulauan`` may be left out (``Selayar``);
* an exact match on one region is ``exact``; on several, ``ambiguous`` (never a guess);
* when nothing today matches, the names and provinces of earlier code lists (``region_history.csv``) are tried:
  a renamed regency ("Kabupaten Pontianak" → Mempawah, "Maluku Tenggara Barat" → Kepulauan Tanimbar), or a
  regency with the province it was in then ("Merauke", province "Papua" → 93.01). A match is ``exact`` with a
  ``note`` saying what was matched (words in ``geo/text/words/regions.py``); several regions are ``ambiguous``.
  Names the history marks as written otherwise (an abbreviation, a name cut short: "Daerah Istimewa") are not
  taken as names;
* then names written together in one cell — an alternate in brackets ("Kota Surakarta (Solo)", "Kab. Bandung
  (Jawa Barat)") or after a slash ("Sidenreng Rappang/Rapang") — are resolved one by one: a region every
  resolved part agrees with (the same one, or one inside the other: the deepest is taken) is the answer; parts
  that disagree are ``ambiguous`` with their candidates; unknown parts are ignored;
* otherwise the closest names (rapidfuzz ratio) are candidates: one at ``FUZZY_ACCEPT`` or above and
  ``FUZZY_MARGIN`` ahead of the next is ``fuzzy`` (not for villages: too many near-namesakes), else
  ``ambiguous`` or ``unknown`` with the candidates at ``FUZZY_SHOW`` or above;
* a province hint narrows every step to regions inside that province.

Sources: the names and codes in ``data/`` (Kemendagri) and ``data/region_history.csv`` (the archived code lists,
``geo.build.region_history``); the abbreviations and aliases are listed below.

    >>> from geo.regions import resolver
    >>> resolver.resolve("Kab. Bandung").code
    '32.04'
    >>> resolver.resolve("Bandung").status
    'ambiguous'
    >>> resolver.resolve("Ujung Pandang").code
    '73.71'
    >>> resolver.resolve("91.01").code, resolver.resolve("Merauke", province="Papua").code
    ('93.01', '93.01')
    >>> resolver.resolve("Kota Surakarta (Solo)").code
    '33.72'
    >>> resolver.split_kind("kab bandung barat")
    ('kabupaten', 'bandung barat')
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process

from geo.regions import bps, lookup
from geo.regions.lookup import GOVERNMENT_LEVELS, KEMENDAGRI_CODE, LEVELS, is_within, level_of
from geo.regions.names import normalize_name
from geo.text import catalog


@dataclass(frozen=True)
class Candidate:
    code: str
    name: str
    level: str
    score: float


@dataclass(frozen=True)
class Note:
    """What a resolution matched besides today's names: a catalog key (``regions.note.*``) and its values."""

    key: str
    params: tuple[tuple[str, str], ...] = ()

    def text(self, lang: str = catalog.DEFAULT_LANGUAGE) -> str:
        return catalog.text(self.key, lang, **dict(self.params))


@dataclass(frozen=True)
class Resolution:
    """Result of ``resolve``: ``status`` is exact, fuzzy, ambiguous or unknown; ``note`` says when an earlier
    code, name or province, or one part of the name as written, was matched."""

    query: str
    status: str
    code: str | None = None
    candidates: tuple[Candidate, ...] = field(default_factory=tuple)
    note: Note | None = None

    def note_text(self, lang: str = catalog.DEFAULT_LANGUAGE) -> str:
        """The note in the user's language ('' without one)."""
        return self.note.text(lang) if self.note else ""


# Words that say what kind of region a name is, as people write them.
_KIND_PREFIXES = [
    ("kabupaten administrasi", "kabupaten"), ("kab administrasi", "kabupaten"), ("kab adm", "kabupaten"),
    ("kota administrasi", "kota"), ("kota adm", "kota"), ("kotamadya", "kota"), ("kodya", "kota"),
    ("kotamadia", "kota"), ("kota", "kota"), ("pemerintah kabupaten", "kabupaten"),
    ("pemerintah kota", "kota"), ("pemerintah provinsi", "provinsi"), ("pemkab", "kabupaten"),
    ("pemkot", "kota"), ("pemprov", "provinsi"), ("kabupaten", "kabupaten"), ("kab", "kabupaten"),
    ("kabupatan", "kabupaten"), ("provinsi", "provinsi"), ("propinsi", "provinsi"), ("prov", "provinsi"),
    ("prop", "provinsi"), ("kecamatan", "kecamatan"), ("kec", "kecamatan"), ("kelurahan", "desa"),
    ("kel", "desa"), ("desa", "desa"), ("ds", "desa"),
]
_KIND_LEVEL = {"provinsi": "province", "kabupaten": "regency", "kota": "regency",
               "kecamatan": "district", "desa": "village"}

# Abbreviations and short forms in common use, written as normalised words.
_ABBREVIATIONS = {
    "dki": "daerah khusus ibukota", "diy": "daerah istimewa yogyakarta",
    "di yogyakarta": "daerah istimewa yogyakarta", "d i yogyakarta": "daerah istimewa yogyakarta",
    "ntb": "nusa tenggara barat", "ntt": "nusa tenggara timur", "nad": "aceh",
    "sumut": "sumatera utara", "sumbar": "sumatera barat", "sumsel": "sumatera selatan",
    "jabar": "jawa barat", "jateng": "jawa tengah", "jatim": "jawa timur",
    "kalbar": "kalimantan barat", "kalteng": "kalimantan tengah", "kalsel": "kalimantan selatan",
    "kaltim": "kalimantan timur", "kaltara": "kalimantan utara", "sulut": "sulawesi utara",
    "sulteng": "sulawesi tengah", "sulsel": "sulawesi selatan", "sultra": "sulawesi tenggara",
    "sulbar": "sulawesi barat", "babel": "kepulauan bangka belitung", "kepri": "kepulauan riau",
    "malut": "maluku utara", "pabar": "papua barat", "pbd": "papua barat daya",
    "tanjab": "tanjung jabung", "jakpus": "jakarta pusat", "jakut": "jakarta utara", "jakbar": "jakarta barat",
    "jaksel": "jakarta selatan", "jaktim": "jakarta timur", "kep": "kepulauan", "kepl": "kepulauan",
    "tj": "tanjung", "tg": "tanjung", "p": "pulau", "bdr": "bandar", "sei": "sungai", "kab": "kabupaten",
    "ut": "utara", "sel": "selatan", "bar": "barat", "tim": "timur", "teng": "tengah",
}

# Former names, other spellings and abbreviations in everyday use, with the official name they mean now.
# (Names, not codes: the resolver looks the codes up, and fails loudly if a name is not official.)
ALIASES: dict[str, str] = {
    "nanggroe aceh darussalam": "Aceh", "daerah istimewa aceh": "Aceh",
    "sumatra utara": "Sumatera Utara", "sumatra barat": "Sumatera Barat", "sumatra selatan": "Sumatera Selatan",
    "bangka belitung": "Kepulauan Bangka Belitung", "jakarta": "Daerah Khusus Ibukota Jakarta",
    "dki jakarta": "Daerah Khusus Ibukota Jakarta", "daerah khusus jakarta": "Daerah Khusus Ibukota Jakarta",
    "yogyakarta": "Daerah Istimewa Yogyakarta", "jogja": "Daerah Istimewa Yogyakarta",
    "jogjakarta": "Daerah Istimewa Yogyakarta", "yogya": "Daerah Istimewa Yogyakarta",
    "jokjakarta": "Daerah Istimewa Yogyakarta", "djokjakarta": "Daerah Istimewa Yogyakarta",
    "daerah istimewa jogjakarta": "Daerah Istimewa Yogyakarta",
    "irian jaya": "Papua", "irian jaya barat": "Papua Barat",
    "toba samosir": "Kabupaten Toba", "pasir": "Kabupaten Paser", "siak sri indrapura": "Kabupaten Siak",
    "ujung pandang": "Kota Makassar", "menado": "Kota Manado", "solo": "Kota Surakarta",
    "bau bau": "Kota Bau Bau", "fak fak": "Kabupaten Fak Fak", "sitaro": "Kabupaten Kep. Siau Tagulandang Biaro",
    "bolmong": "Kabupaten Bolaang Mongondow", "muko muko": "Kabupaten Mukomuko",
    "padang sidempuan": "Kota Padangsidimpuan", "sidempuan": "Kota Padangsidimpuan",
    "labuhan batu": "Kabupaten Labuhanbatu", "tanjung balai": "Kota Tanjungbalai",
    "batang hari": "Kabupaten Batanghari", "kepulauan seribu": "Kabupaten Administrasi Kepulauan Seribu",
    "mamuju utara": "Kabupaten Pasangkayu", "tebing tinggi deli": "Kota Tebing Tinggi",
    "kukar": "Kabupaten Kutai Kartanegara", "kutim": "Kabupaten Kutai Timur", "kubar": "Kabupaten Kutai Barat",
    "tangsel": "Kota Tangerang Selatan", "kbb": "Kabupaten Bandung Barat", "tts": "Kabupaten Timor Tengah Selatan",
    "ttu": "Kabupaten Timor Tengah Utara", "oki": "Kabupaten Ogan Komering Ilir",
    "oku": "Kabupaten Ogan Komering Ulu", "muba": "Kabupaten Musi Banyuasin", "muara enim": "Kabupaten Muara Enim",
    "50 kota": "Kabupaten Lima Puluh Kota", "pangkep": "Kabupaten Pangkajene dan Kepulauan",
    "sumba barat daya": "Kabupaten Sumba Barat Daya", "jakarta pusat": "Kota Administrasi Jakarta Pusat",
    # short forms regency governments and the press use (local usage; each checked against data/ on start)
    "sidrap": "Kabupaten Sidenreng Rappang", "madina": "Kabupaten Mandailing Natal",
    "bolmut": "Kabupaten Bolaang Mongondow Utara", "bolsel": "Kabupaten Bolaang Mongondow Selatan",
    "boltim": "Kabupaten Bolaang Mongondow Timur", "sbt": "Kabupaten Seram Bagian Timur",
    "sbb": "Kabupaten Seram Bagian Barat", "pali": "Kabupaten Penukal Abab Lematang Ilir",
    "hsu": "Kabupaten Hulu Sungai Utara", "hss": "Kabupaten Hulu Sungai Selatan",
    "hst": "Kabupaten Hulu Sungai Tengah", "kobar": "Kabupaten Kotawaringin Barat",
    "kotim": "Kabupaten Kotawaringin Timur", "tapsel": "Kabupaten Tapanuli Selatan",
    "tapteng": "Kabupaten Tapanuli Tengah", "taput": "Kabupaten Tapanuli Utara",
    "labusel": "Kabupaten Labuhanbatu Selatan", "labura": "Kabupaten Labuhanbatu Utara",
    "sergai": "Kabupaten Serdang Bedagai", "humbahas": "Kabupaten Humbang Hasundutan",
    "tobasa": "Kabupaten Toba", "konsel": "Kabupaten Konawe Selatan", "konut": "Kabupaten Konawe Utara",
    "konkep": "Kabupaten Konawe Kepulauan", "minsel": "Kabupaten Minahasa Selatan",
    "minut": "Kabupaten Minahasa Utara", "mitra": "Kabupaten Minahasa Tenggara",
    "malra": "Kabupaten Maluku Tenggara", "mbd": "Kabupaten Maluku Barat Daya",
    "mtb": "Kabupaten Kepulauan Tanimbar", "halut": "Kabupaten Halmahera Utara",
    "halsel": "Kabupaten Halmahera Selatan", "halbar": "Kabupaten Halmahera Barat",
    "haltim": "Kabupaten Halmahera Timur", "halteng": "Kabupaten Halmahera Tengah",
    "touna": "Kabupaten Tojo Una Una", "parimo": "Kabupaten Parigi Moutong", "lutra": "Kabupaten Luwu Utara",
    "lutim": "Kabupaten Luwu Timur", "tator": "Kabupaten Tana Toraja", "torut": "Kabupaten Toraja Utara",
    "pasbar": "Kabupaten Pasaman Barat", "pessel": "Kabupaten Pesisir Selatan",
    "muratara": "Kabupaten Musi Rawas Utara",
    "lamsel": "Kabupaten Lampung Selatan", "lamteng": "Kabupaten Lampung Tengah",
    "lamtim": "Kabupaten Lampung Timur", "lambar": "Kabupaten Lampung Barat", "lampura": "Kabupaten Lampung Utara",
    "tubaba": "Kabupaten Tulang Bawang Barat", "pesibar": "Kabupaten Pesisir Barat",
    "ksb": "Kabupaten Sumbawa Barat", "klu": "Kabupaten Lombok Utara", "lobar": "Kabupaten Lombok Barat",
    "loteng": "Kabupaten Lombok Tengah", "lotim": "Kabupaten Lombok Timur", "mabar": "Kabupaten Manggarai Barat",
    "matim": "Kabupaten Manggarai Timur", "sbd": "Kabupaten Sumba Barat Daya", "ppu": "Kabupaten Penajam Paser Utara",
    "mahulu": "Kabupaten Mahakam Ulu", "tala": "Kabupaten Tanah Laut", "tanbu": "Kabupaten Tanah Bumbu",
    "batola": "Kabupaten Barito Kuala", "barsel": "Kabupaten Barito Selatan", "barut": "Kabupaten Barito Utara",
    "bartim": "Kabupaten Barito Timur", "mura": "Kabupaten Murung Raya", "pulpis": "Kabupaten Pulang Pisau",
    "gumas": "Kabupaten Gunung Mas", "oku timur": "Kabupaten Ogan Komering Ulu Timur",
    "oku selatan": "Kabupaten Ogan Komering Ulu Selatan", "morut": "Kabupaten Morowali Utara",
}

_OLD_SPELLING = [("dj", "\0"), ("tj", "c"), ("nj", "ny"), ("sj", "sy"), ("ch", "kh"), ("oe", "u"), ("j", "y"),
                 ("\0", "j")]

FUZZY_ACCEPT = 90.0  # a single candidate at or above this score is taken
FUZZY_MARGIN = 6.0  # ... if the next distinct candidate is at least this far behind
FUZZY_SHOW = 75.0  # candidates at or above this are shown with ambiguous/unknown


def _compact(text: str) -> str:
    return text.replace(" ", "")


def _old_to_new_spelling(text: str) -> str:
    for old, new in _OLD_SPELLING:
        text = text.replace(old, new)
    return text


def split_kind(norm: str) -> tuple[str | None, str]:
    """("kabupaten", "bandung") for "kabupaten bandung": the kind word people wrote, and the rest."""
    for prefix, kind in _KIND_PREFIXES:
        if norm == prefix:
            return kind, ""
        if norm.startswith(prefix + " "):
            return kind, norm[len(prefix) + 1:]
    return None, norm


_MULTIWORD_ABBREVIATIONS = sorted((k for k in _ABBREVIATIONS if " " in k), key=len, reverse=True)


def _expand(norm: str) -> str:
    """Spell out abbreviations (``dki`` → ``daerah khusus ibukota``, ``kep`` → ``kepulauan``)."""
    padded = f" {norm} "
    for short in _MULTIWORD_ABBREVIATIONS:
        if f" {short} " in padded:
            padded = padded.replace(f" {short} ", f" {_ABBREVIATIONS[short]} ")
    return " ".join(_ABBREVIATIONS.get(w, w) for w in padded.split())


_BRACKETS = re.compile(r"^(?P<before>[^()]*)\((?P<inside>[^()]*)\)(?P<after>[^()]*)$")


def alternate_parts(written: str) -> list[str]:
    """The names written together in one cell: a bracketed alternate, or names after slashes (the kind word of
    the first name carried to the others).

    >>> alternate_parts("Kota Surakarta (Solo)"), alternate_parts("Kab. Sidenreng Rappang/Rapang")
    (['Kota Surakarta', 'Solo'], ['Kab. Sidenreng Rappang', 'kabupaten Rapang'])
    >>> alternate_parts("Kota Bandung")
    []
    """
    m = _BRACKETS.match(written)
    if m:
        parts = [f"{m['before'].strip()} {m['after'].strip()}".strip(), m["inside"].strip()]
    elif "/" in written:
        parts = [p.strip() for p in written.split("/")]
        kind, _ = split_kind(normalize_name(parts[0]))
        if kind:
            parts = parts[:1] + [p if split_kind(normalize_name(p))[0] else f"{kind} {p}" for p in parts[1:]]
    else:
        return []
    return [p for p in parts if normalize_name(p)]


def _span(years) -> str:
    """ "2016–2022" for several editions, "2022" for one. """
    years = sorted(set(years))
    return years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}"


@dataclass(frozen=True)
class _Former:
    """One earlier name of a region (a row of region_history.csv) as the resolver indexes it."""

    code_now: str
    kind: str
    old_province: str | None
    old_name: str
    editions: tuple[str, ...]


def read_history(path: Path) -> list[dict[str, str]]:
    """The rows of ``region_history.csv`` (none when the file is absent)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


class NameResolver:
    def __init__(self, store: lookup.RegionStore):
        self.store = store
        # (level, kind, compact core name) -> codes
        self._index: dict[str, dict[str, list[str]]] = {lv: defaultdict(list) for lv in LEVELS}
        self._kind: dict[str, str] = {}
        self._short: dict[str, dict[str, list[str]]] = {lv: defaultdict(list) for lv in LEVELS}
        for region in store.all():
            norm = normalize_name(region.name)
            if region.level == "regency":  # "Kabupaten X", "Kota X", "Kota Administrasi X"
                kind, core = split_kind(norm)
                kind, core = kind or region.kind, _expand(core)
            elif region.level == "province":
                kind, core = "provinsi", _expand(norm)
            else:  # district and village names carry no prefix ("Kota Baru" is a name)
                kind, core = region.kind, norm
            self._kind[region.code] = kind
            self._index[region.level][_compact(core)].append(region.code)
            if region.level not in GOVERNMENT_LEVELS and _expand(core) != core:
                # a word of the name reads as an abbreviation ("Sei Rampah"): a written name is spelt out
                # ("sungai rampah") before it is looked up, so the name is indexed spelt out too
                self._index[region.level][_compact(_expand(core))].append(region.code)
            if region.level in GOVERNMENT_LEVELS and core.startswith("kepulauan "):
                # people drop the word: "Selayar", "Kab. Aru", "Talaud", "Mentawai"
                self._short[region.level][_compact(core[len("kepulauan "):])].append(region.code)
        self._choices = {lv: list(self._index[lv].keys()) for lv in LEVELS}
        by_name = {}
        for level in GOVERNMENT_LEVELS:
            for region in store.all(level):
                by_name.setdefault(region.name, []).append(region.code)
        self._aliases = {}
        for alias, official in ALIASES.items():
            codes = by_name.get(official, [])
            if len(codes) != 1:
                raise ValueError(f"alias {alias!r} names no single official region: {official!r}")
            self._aliases[alias] = codes[0]
        self._index_history(read_history(store.data_dir / "region_history.csv"))

    def _index_history(self, rows: list[dict[str, str]]) -> None:
        """Old codes unknown today → rows; earlier names (compact core, by level) → ``_Former``."""
        self._old_codes: dict[str, list[dict[str, str]]] = defaultdict(list)
        self._former: dict[str, dict[str, list[_Former]]] = {lv: defaultdict(list) for lv in GOVERNMENT_LEVELS}
        for row in rows:
            code_now = row["code_now"]
            if not code_now or not self.store.exists(code_now):
                continue  # dissolved: no region today
            if row["old_code"] and not self.store.exists(row["old_code"]):
                self._old_codes[row["old_code"]].append(row)
            if row["how"] == "same" and row["why"] and level_of(code_now) == "province":
                continue  # written otherwise ("DKI", "Daerah Istimewa" cut short) or a split province's own name
            level = level_of(code_now)
            norm = normalize_name(row["old_name"])
            if level == "regency":
                kind, core = split_kind(norm)
                kind, core = kind or self.store.get(code_now).kind, _expand(core)
            else:
                kind, core = "provinsi", _expand(split_kind(norm)[1])
            if row["old_code"]:
                old_province = row["old_code"][:2]
            else:
                found = self._index["province"].get(_compact(_expand(normalize_name(row["old_province_name"]))), [])
                old_province = found[0] if len(found) == 1 else None
            self._former[level][_compact(core)].append(_Former(
                code_now, kind, old_province, row["old_name"], tuple(row["editions"].split())))

    def _levels_for(self, level: str | None, kind: str | None) -> tuple[str, ...]:
        if level:
            if level not in LEVELS:
                raise ValueError(f"unknown level {level!r}")
            return (level,)
        if kind:
            return (_KIND_LEVEL[kind],)
        return GOVERNMENT_LEVELS

    def _filter(self, codes, kind: str | None, province: str | None) -> list[str]:
        out = []
        for c in codes:
            if kind in ("kabupaten", "kota") and self._kind.get(c) != kind:
                continue
            if province and not is_within(c, province):
                continue
            out.append(c)
        return out

    def _candidate(self, code: str, score: float) -> Candidate:
        r = self.store.get(code)
        return Candidate(code=code, name=r.name, level=r.level, score=round(score, 1))

    def resolve(self, name: str, province: str | None = None, level: str | None = None) -> Resolution:
        query = "" if name is None else str(name)
        raw = query.strip()
        if not raw:
            return Resolution(query, "unknown")
        if bps.BARE_NUMBER.fullmatch(raw):  # a BPS code, or a Kemendagri code without dots: geo.regions.bps
            return bps.resolve_number(self.store, query, raw, province=province, level=level)
        if KEMENDAGRI_CODE.match(raw):
            if self.store.exists(raw) and (level is None or level_of(raw) == level):
                return Resolution(query, "exact", raw, (self._candidate(raw, 100.0),))
            if not self.store.exists(raw):
                return self._old_code(query, raw, level)
            return Resolution(query, "unknown")
        if re.fullmatch(r"\d+", raw):  # digits other than 0-9 (Arabic-Indic, ...) are no codes
            return Resolution(query, "unknown")

        prov_code = None
        if province:
            hint = self.resolve(province, level="province")
            if hint.status in ("exact", "fuzzy"):
                prov_code = hint.code

        norm = normalize_name(raw)
        if re.fullmatch(r"(\w )+\w", norm):  # letters spaced out: "P A P U A"
            norm = norm.replace(" ", "")
        kind, core = split_kind(norm)
        core = _expand(core)
        kind2, core2 = split_kind(core)  # "Pemerintah Kab. Bandung" expanded, or "Kab." written twice
        if kind2 and kind in (None, kind2):
            kind, core = kind2, core2
        if level and kind and _KIND_LEVEL[kind] != level:
            kind, core = None, norm  # "Kota Baru" asked as a village is a name, not "Kota" + "Baru"
        levels = self._levels_for(level, kind)

        # 1. exact on the core name (also with old spelling converted and as an alias)
        variants = [core, _old_to_new_spelling(core)]
        for variant in variants:
            key = _compact(variant)
            codes = []
            for lv in levels:
                codes += self._filter(self._index[lv].get(key, []), kind, prov_code)
            if not codes:
                for lv in levels:
                    codes += self._filter(self._short[lv].get(key, []), kind, prov_code)
            alias = self._aliases.get(variant) or self._aliases.get(norm)
            if alias and self.store.exists(alias) and level_of(alias) in levels and self._filter(
                    [alias], None, prov_code):
                if not codes:
                    codes = [alias]
                elif alias not in codes:
                    codes = sorted(set(codes) | {alias})  # "Yogyakarta": the city, or the province?
            if len(codes) == 1:
                return Resolution(query, "exact", codes[0], (self._candidate(codes[0], 100.0),))
            if len(codes) > 1:
                return Resolution(query, "ambiguous", None,
                                  tuple(self._candidate(c, 100.0) for c in sorted(codes)))

        # 2. earlier names, or a region with the province it was in (data/region_history.csv)
        found = self._from_history(query, [_compact(v) for v in variants], kind, levels, prov_code)
        if found:
            return found

        # 3. names written together: "Kota Surakarta (Solo)", "Sidenreng Rappang/Rapang"
        parts = alternate_parts(raw)
        if len(parts) > 1:
            found = self._from_parts(query, parts, province, level)
            if found:
                return found

        # 4. fuzzy on the core name
        key = _compact(core)
        if len(key) < 4:
            return Resolution(query, "unknown")
        scored: dict[str, float] = {}
        for lv in levels:
            for choice, score, _ in process.extract(key, self._choices[lv], scorer=fuzz.ratio, limit=10,
                                                    score_cutoff=FUZZY_SHOW):
                for c in self._filter(self._index[lv][choice], kind, prov_code):
                    scored[c] = max(scored.get(c, 0.0), score)
        if not scored:
            return Resolution(query, "unknown")
        ranked = sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))
        cands = tuple(self._candidate(c, s) for c, s in ranked[:8])
        best_code, best = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        if best >= FUZZY_ACCEPT and best - runner_up >= FUZZY_MARGIN and levels != ("village",):
            return Resolution(query, "fuzzy", best_code, cands)  # villages: too many near-namesakes to guess
        if best >= FUZZY_ACCEPT:
            return Resolution(query, "ambiguous", None, cands)
        return Resolution(query, "unknown", None, cands)


    def _old_code(self, query: str, raw: str, level: str | None) -> Resolution:
        """A code unknown today: the region an earlier code list gave it, if the history knows it."""
        rows = [r for r in self._old_codes.get(raw, []) if level is None or level_of(r["code_now"]) == level]
        codes = sorted({r["code_now"] for r in rows})
        if len(codes) > 1:
            return Resolution(query, "ambiguous", None, tuple(self._candidate(c, 100.0) for c in codes))
        if not codes:
            return Resolution(query, "unknown")
        note = Note("regions.note.old_code", (
            ("old_code", raw), ("old_name", rows[0]["old_name"]),
            ("editions", _span(y for r in rows for y in r["editions"].split())),
            ("code_now", codes[0]), ("name_now", self.store.get(codes[0]).name)))
        return Resolution(query, "exact", codes[0], (self._candidate(codes[0], 100.0),), note)

    def _from_history(self, query: str, keys: list[str], kind: str | None, levels, prov_code: str | None):
        """A match on an earlier name (or a name with the province it was in), or None."""
        hits: list[_Former] = []
        matched_key = ""
        for key in keys:
            for lv in levels:
                for former in self._former.get(lv, {}).get(key, []):
                    if kind in ("kabupaten", "kota") and former.kind != kind:
                        continue
                    if prov_code and former.old_province != prov_code and not is_within(former.code_now, prov_code):
                        continue
                    hits.append(former)
            if hits:
                matched_key = key
                break
        codes = sorted({h.code_now for h in hits})
        if len(codes) > 1:
            return Resolution(query, "ambiguous", None, tuple(self._candidate(c, 100.0) for c in codes))
        if not codes:
            return None
        code = codes[0]
        name_now = self.store.get(code).name
        editions = _span(y for h in hits for y in h.editions) if any(h.editions for h in hits) else ""
        today_key = _compact(_expand(split_kind(normalize_name(name_now))[1]))
        if matched_key == today_key and prov_code:  # today's name, with the province it was in then
            note = Note("regions.note.old_province", (("old_province", self.store.get(prov_code).name),
                                                       ("editions", editions), ("name_now", name_now),
                                                       ("province_now", self.store.get(code[:2]).name)))
        elif editions:
            note = Note("regions.note.old_name", (("old_name", hits[0].old_name), ("editions", editions),
                                                   ("name_now", name_now)))
        else:
            note = Note("regions.note.former_name", (("old_name", hits[0].old_name), ("name_now", name_now)))
        return Resolution(query, "exact", code, (self._candidate(code, 100.0),), note)

    def _from_parts(self, query: str, parts: list[str], province: str | None, level: str | None):
        """The region every resolved part agrees with (the deepest), ambiguous when they disagree, None when no
        part resolves."""
        subs = [(part, self.resolve(part, province=province, level=level)) for part in parts]
        meanings = []  # per part that says something: the codes it could mean
        for _, sub in subs:
            if sub.status in ("exact", "fuzzy"):
                meanings.append({sub.code})
            elif sub.status == "ambiguous":
                meanings.append({c.code for c in sub.candidates})
        if not meanings:
            return None
        union = set().union(*meanings)
        agreed = sorted(c for c in union if all(any(is_within(c, m) for m in ms) for ms in meanings))
        if len(agreed) != 1:
            shown = agreed or sorted(union)
            scores = {c.code: c.score for _, sub in subs for c in sub.candidates}
            return Resolution(query, "ambiguous", None,
                              tuple(self._candidate(c, scores.get(c, 100.0)) for c in shown[:8]))
        code = agreed[0]
        part, sub = next(((p, r) for p, r in subs if r.code == code),
                         next((p, r) for p, r in subs if any(c.code == code for c in r.candidates)))
        status = "fuzzy" if any(r.status == "fuzzy" for _, r in subs) else "exact"
        note = sub.note or Note("regions.note.alternate", (("part", part),))
        return Resolution(query, status, code, (self._candidate(code, 100.0),), note)


def resolve(name: str, province: str | None = None, level: str | None = None) -> Resolution:
    """The code ``name`` means among the regions in ``data/`` (optionally inside ``province``, at ``level``)."""
    return lookup.default_store().resolve(name, province=province, level=level)
