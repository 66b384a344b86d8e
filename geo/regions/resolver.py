"""Name resolution: the region code a name means, as people write names in office spreadsheets.

Rules, in order (``NameResolver.resolve``):

* a Kemendagri code is taken as it is when it exists; a bare number (``3273``, ``94``) is read as a BPS code and
  as a Kemendagri code without dots, ambiguous when the two differ (``geo.regions.bps``);
* the kind word people write first (``Kab.``, ``Kota``, ``Pemkot``, ``Prov.``, ``Kec.``, ``Desa`` …) says
  the level; without one, a name is looked for among provinces and regencies/cities;
* abbreviations are spelt out (``DKI``, ``Jabar``, ``Kep.``), old spellings converted (``Djokjakarta``),
  former and everyday names (``ALIASES``: ``Ujung Pandang``, ``Solo``) mapped to today's official names, and
  ``Kepulauan`` may be left out (``Selayar``);
* an exact match on one region is ``exact``; on several, ``ambiguous`` (never a guess);
* otherwise the closest names (rapidfuzz ratio) are candidates: one at ``FUZZY_ACCEPT`` or above and
  ``FUZZY_MARGIN`` ahead of the next is ``fuzzy`` (not for villages: too many near-namesakes), else
  ``ambiguous`` or ``unknown`` with the candidates at ``FUZZY_SHOW`` or above;
* a province hint narrows every step to regions inside that province.

Sources: the names and codes in ``data/`` (Kemendagri); the abbreviations and aliases are listed below.

    >>> from geo.regions import resolver
    >>> resolver.resolve("Kab. Bandung").code
    '32.04'
    >>> resolver.resolve("Bandung").status
    'ambiguous'
    >>> resolver.resolve("Ujung Pandang").code
    '73.71'
    >>> resolver.split_kind("kab bandung barat")
    ('kabupaten', 'bandung barat')
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from geo.regions import bps, lookup
from geo.regions.lookup import GOVERNMENT_LEVELS, KEMENDAGRI_CODE, LEVELS, is_within, level_of
from geo.regions.names import normalize_name


@dataclass(frozen=True)
class Candidate:
    code: str
    name: str
    level: str
    score: float


@dataclass(frozen=True)
class Resolution:
    """Result of ``resolve``: ``status`` is exact, fuzzy, ambiguous or unknown."""

    query: str
    status: str
    code: str | None = None
    candidates: tuple[Candidate, ...] = field(default_factory=tuple)


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
            return Resolution(query, "unknown")
        if re.fullmatch(r"\d+", raw):  # digits other than 0-9 (Arabic-Indic, ...) are no codes
            return Resolution(query, "unknown")

        prov_code = None
        if province:
            hint = self.resolve(province, level="province")
            if hint.status in ("exact", "fuzzy"):
                prov_code = hint.code

        norm = normalize_name(raw)
        kind, core = split_kind(norm)
        core = _expand(core)
        kind2, core2 = split_kind(core)  # "DKI Jakarta" expanded, or "Kab." written twice
        if kind is None and kind2:
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

        # 2. fuzzy on the core name
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


def resolve(name: str, province: str | None = None, level: str | None = None) -> Resolution:
    """The code ``name`` means among the regions in ``data/`` (optionally inside ``province``, at ``level``)."""
    return lookup.default_store().resolve(name, province=province, level=level)
