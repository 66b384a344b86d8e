"""What each cell of an imported row was read as ("dibaca sebagai"), for the import preview, and what was
written when it differs from today's name.

Rules:

* every region, place, date, amount and coordinate cell the importer reads gives one ``ReadAs``: the field, the
  cell as written, and what it became — a region by today's name and code, a date as dd/mm/yyyy, an amount in
  full rupiah, a point as "lat, lon";
* a region says why it was read so (``how``) when it was not by today's exact name or code: the resolver's note
  (an earlier code, an earlier name, the province it was in before a split, one part of the name as written),
  a BPS code, a Kemendagri code without dots, a close spelling (fuzzy), another name or an abbreviation (an alias
  such as "Solo", "Jabar"); a village or district found inside the stated regency (``geo.regions.places``);
* the text as written is kept (``as_written``) exactly when there is such a ``how``: today's exact name or code
  needs no record of how it was written. When the province column is what made the region the one it is today
  (a regency named with the province it was in before a split: "Kab. Merauke" with "Papua"), the province is
  kept with it ("Kab. Merauke, Papua");
* names compare as today's name after ``geo.regions.names.comparable_name`` and without the kind word
  ("Kab. Bandung" is today's "Kabupaten Bandung"; "Kab. Kep. Aru" is "Kabupaten Kepulauan Aru").

The words are in ``geo/text/words/importer.py`` (``importer.read.*``, ``importer.how.*``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from geo.regions import bps, lookup
from geo.regions.names import comparable_name
from geo.regions.resolver import Note, Resolution, split_kind
from geo.text import catalog, numbers
from geo.text.parsing import short_date

# The fields a reading is shown for, and the catalog key of their label.
FIELD_KEYS = {
    "region": "importer.read.field.region", "region_kemendagri": "importer.read.field.region",
    "region_bps": "importer.read.field.region", "parties": "importer.read.field.party",
    "place_name": "importer.read.field.place", "date": "importer.read.field.date",
    "signed_on": "importer.read.field.signed_on", "start_on": "importer.read.field.start_on",
    "end_on": "importer.read.field.end_on", "status_on": "importer.read.field.status_on",
    "value_idr": "importer.read.field.amount", "coordinates": "importer.read.field.coordinates",
    "sector": "importer.read.field.sector", "agreement_type": "importer.read.field.agreement_type",
    "obstacle": "importer.read.field.obstacle",
}


@dataclass(frozen=True)
class ReadAs:
    """One cell and what it was read as. ``value``: a region code (kind "region"), a date, an amount in rupiah,
    a (lat, lon) pair, a vocabulary term's labels {"id", "en"} (kind "term"), or text (kind "text"); ``how``: why,
    as catalog notes."""

    field: str
    written: str
    kind: str
    value: object
    how: tuple[Note, ...] = ()

    def read_text(self, lang: str = catalog.DEFAULT_LANGUAGE) -> str:
        if self.kind == "region":
            return f"{lookup.get(self.value).name} ({self.value})"
        if self.kind == "date":
            return short_date(self.value)
        if self.kind == "amount":
            return f"Rp {numbers.number(self.value, 0, lang)}"
        if self.kind == "coordinates":
            return f"{round(self.value[0], 6)!r}, {round(self.value[1], 6)!r}"  # up to 6 decimals
        if self.kind == "term":  # a vocabulary term's labels
            return self.value.get(lang) or self.value.get("id", "")
        return str(self.value)

    def text(self, lang: str = catalog.DEFAULT_LANGUAGE) -> str:
        """ "Wilayah: Kab. Merauke, Papua → Kabupaten Merauke (93.01), dahulu di provinsi Papua …" """
        label = catalog.text(FIELD_KEYS.get(self.field, "importer.read.field.region"), lang)
        how = "".join(f", {n.text(lang)}" for n in self.how)
        return f"{label}: {self.written} → {self.read_text(lang)}{how}"


@lru_cache(maxsize=8192)
def _core(name: str) -> str:
    return split_kind(comparable_name(name))[1]


def region_how(text: str, res: Resolution, system: str | None = None) -> tuple[Note, ...]:
    """Why ``text`` was read as ``res.code`` when not by today's exact name or code (module rules); () when it was."""
    raw = str(text).strip()
    code = res.code
    if res.note is not None:
        return (res.note,)
    if res.status == "fuzzy":
        return (Note("importer.how.fuzzy"),)
    if raw == code:
        return ()
    if bps.BARE_NUMBER.fullmatch(raw):
        readings = bps.readings(raw, system)
        if readings.get("kemendagri") == code:
            return (Note("importer.how.no_dots"),)
        return (Note("importer.how.bps", (("code", raw),)),)
    if _core(raw) == _core(lookup.get(code).name):
        return ()
    return (Note("importer.how.other_name"),)


def with_province(text: str, province: str | None, how: tuple[Note, ...]) -> str:
    """The text to keep as written: with the province when the province it was in then is what was matched."""
    if province and any(n.key == "regions.note.old_province" for n in how):
        return f"{str(text).strip()}, {province.strip()}"
    return str(text).strip()


def date_read(field: str, written, day: dt.date | None) -> ReadAs | None:
    return None if day is None else ReadAs(field, _shown(written), "date", day)


def amount_read(field: str, written, amount: int | None) -> ReadAs | None:
    return None if amount is None else ReadAs(field, _shown(written), "amount", amount)


def _shown(written) -> str:
    if isinstance(written, dt.datetime):
        return written.strftime("%d/%m/%Y %H:%M")
    if isinstance(written, dt.date):
        return short_date(written)
    return str(written).strip()
