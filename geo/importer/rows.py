"""Each row of a table parsed into a record or rejected with its reasons (never both, never neither).

A sector, agreement type or obstacle that the open vocabularies (``geo.records.vocabularies``) do not know does not
reject the row: it comes in under ``slug(label)``, with a "perlu ditinjau" warning on the row
(``RowResult.warnings``) and the label as written in ``RowResult.new_terms``, made a needs-review term at commit.

Besides its errors, a row carries warnings (it still comes in, but someone should look: a weekday that does not
match the date, a village not found in the stated regency, coordinates outside the stated region) and what each
region, place, date, amount and coordinate cell was read as (``read_as``, ``geo.importer.readings``).

A visit stop's place (``Lokasi``) is looked for among the villages and districts of its stated regency or district
only (``geo.regions.places``); its coordinates are checked against the stop's region
(``geo.regions.coordinates``). A region read by other than today's exact name or code keeps the cell as written
(``Party.as_written``, ``StopData.as_written``); the record holds today's code.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from geo.importer.columns import FIELD_LABELS, REGION_FIELDS, REQUIRED
from geo.importer.files import EXTRA_CELLS, Table
from geo.importer.readings import ReadAs, amount_read, date_read, region_how, with_province
from geo.records import vocabularies, write
from geo.records.forms import ministry_from_role
from geo.records.write import AgreementData, Party, StopData, VisitData
from geo.regions import bps, coordinates, lookup, places, resolver
from geo.regions.names import normalize_name
from geo.regions.resolver import Note
from geo.text.messages import UserError
from geo.text.parsing import (
    parse_coordinate,
    parse_date,
    parse_rupiah,
    parse_time_range,
    short_date,
    time_zone_for_province,
    weekday_mismatch,
)
from geo.text.vocabulary import STATUS_ALIASES, TIME_ZONES, goal_key

# ---------------------------------------------------------------------- parsing

@dataclass
class RowResult:
    number: int  # row number in the file (header is row 1)
    raw: dict
    action: str = "reject"  # add, update, unchanged, reject
    key: str | None = None
    errors: list[UserError] = field(default_factory=list)
    data: object = None
    warnings: list[UserError] = field(default_factory=list)  # the row comes in, but someone should look
    read_as: list[ReadAs] = field(default_factory=list)  # what each cell was read as ("dibaca sebagai")
    new_terms: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, key) -> label as written

    def reasons(self, lang: str = "id") -> str:
        return "; ".join(e.text(lang) for e in self.errors)

    def warning_text(self, lang: str = "id") -> str:
        return "; ".join(w.text(lang) for w in self.warnings)

    def read_as_text(self, lang: str = "id") -> str:
        return "; ".join(r.text(lang) for r in self.read_as)


@dataclass
class ImportPlan:
    kind: str
    table: Table
    rows: list[RowResult]

    def counts(self) -> dict[str, int]:
        out = {"add": 0, "update": 0, "unchanged": 0, "reject": 0}
        for r in self.rows:
            out[r.action] += 1
        return out

    @property
    def rejected(self) -> list[RowResult]:
        return [r for r in self.rows if r.action == "reject"]


def _fields(table: Table, raw: dict) -> dict[str, list]:
    out: dict[str, list] = {}
    for header, f in table.fields.items():
        value = raw.get(header)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        out.setdefault(f, []).append(value.strip() if isinstance(value, str) else value)
    return out


def _text(values: dict, name: str) -> str:
    v = values.get(name)
    return str(v[0]).strip() if v else ""


def _split_list(text: str) -> list[str]:
    parts = re.split(r"[;\n|]", text) if re.search(r"[;\n|]", text) else text.split(",")
    return [p.strip() for p in parts if p.strip()]


@dataclass
class _Vocab:
    """The vocabularies a parse reads, and what it met that they did not know (for the row's warnings)."""

    known: vocabularies.Vocabularies
    warnings: list[UserError] = field(default_factory=list)
    new_terms: dict[tuple[str, str], str] = field(default_factory=dict)
    read_as: list[ReadAs] = field(default_factory=list)  # a label read through an alias ("SDM" → Pengembangan SDM)

    def key(self, kind: str, name: str) -> str:
        """The key of a label; an unknown label is kept as written (its slug), with a warning; a label known by
        another name (an alias, a merged term) says what it was read as."""
        key = self.known.key_for(kind, name)
        if key is not None:
            labels = self.known.labels(kind).get(key, {})
            if normalize_name(name) not in {normalize_name(v) for v in labels.values()} | {normalize_name(key)}:
                self.read_as.append(ReadAs(kind, name, "term", dict(labels) or {"id": key, "en": key}))
        if key is None:
            key = vocabularies.slug(kind, name)
            if (kind, key) not in self.new_terms:
                self.warnings.append(UserError(f"vocabulary.review.{kind}", text=name))
                self.new_terms[(kind, key)] = name
        elif key in self.known.review[kind] and not any(w.params.get("text") == name for w in self.warnings):
            self.warnings.append(UserError(f"vocabulary.review.{kind}", text=name))  # met before, not reviewed yet
        return key


def _keys(text: str, kind: str, vocab: _Vocab) -> list[str]:
    """Vocabulary keys for a list written in a cell ("Pariwisata; UMKM"); unknown labels come in flagged."""
    return [vocab.key(kind, name) for name in _split_list(text)]


def _candidates_text(res) -> str:
    return ", ".join(f"{c.name} ({c.code})" for c in res.candidates[:5])


@lru_cache(maxsize=256)
def _province_code(province: str) -> str | None:
    """Today's code of the province a province column names (None when it names none today)."""
    res = lookup.resolve(province, level="province")
    return res.code if res.status in ("exact", "fuzzy") else None


def _reading(field_name: str, text: str, res, province: str | None, system: str | None) -> ReadAs:
    how = region_how(text, res, system)
    return ReadAs(field_name, with_province(text, province, how), "region", res.code, how)


def _resolve_region(text: str, province: str | None, *, party: bool, system: str | None = None,
                    field_name: str = "region") -> tuple[str | None, UserError | None, ReadAs | None]:
    """Region code for a name or code, and what the cell was read as (``geo.importer.readings``); for a party, also
    says when the text is no region at all.

    The province column only breaks ties: a party from another province is still a region. Visit places
    may be districts or villages, but only when written as such ("Kec. …", "Desa …") or narrowed by a
    province; villages are never matched approximately. A bare number is read in ``system`` (the column's:
    "bps", "kemendagri"), or in both when the column does not say, and then two readings are an error. A region
    found without the province that the province column places elsewhere is read with it when that is the province
    it was in before a split ("Kab. Merauke", "Papua": the note says so, and the province is kept as written).
    """
    text = str(text).strip()
    res = bps.resolve(text, system=system)
    if res.status == "ambiguous" and province:
        narrowed = bps.resolve(text, system=system, province=province)
        if narrowed.status in ("exact", "fuzzy", "ambiguous"):
            res = narrowed
    elif res.status in ("exact", "fuzzy") and province and res.note is None and not lookup.is_within(
            res.code, _province_code(province) or "-"):
        hinted = bps.resolve(text, system=system, province=province)
        if hinted.status == "exact" and hinted.code == res.code and hinted.note is not None:
            res = hinted
    if res.status in ("exact", "fuzzy"):
        return res.code, None, _reading(field_name, text, res, province, system)
    if res.status == "ambiguous" and bps.BARE_NUMBER.fullmatch(text):
        read = {name: f"{lookup.get(code).name} ({code})" for name, code in bps.readings(text).items()}
        return None, UserError("region.code_ambiguous", text=text, **read), None
    if res.status == "ambiguous":
        return None, UserError("region.ambiguous", text=text, candidates=_candidates_text(res)), None
    if not party:
        kind, _ = resolver.split_kind(normalize_name(text))
        levels = {"kecamatan": ["district"], "desa": ["village"]}.get(kind, ["district", "village"] if province
                                                                       else [])
        for level in levels:
            lower = lookup.resolve(text, province=province, level=level)
            if lower.status == "exact" or (lower.status == "fuzzy" and level == "district"):
                return lower.code, None, _reading(field_name, text, lower, province, system)
            if lower.status == "ambiguous":
                return None, UserError("region.ambiguous", text=text, candidates=_candidates_text(lower)), None
    looks_like_region = bool(re.match(r"(?i)\s*(kab|kabupaten|kota|kotamadya|prov|provinsi|propinsi|pemkab|"
                                      r"pemkot|pemprov|pemerintah (kabupaten|kota|provinsi)|kec|kecamatan|desa|kel)\b",
                                      text))
    close = [c for c in res.candidates if c.score >= 85]
    if party and not looks_like_region and not close:
        return None, None, None  # a partner that is not a region (a university, a company, ...)
    if res.candidates:
        return None, UserError("region.unknown_hint", text=text, candidates=_candidates_text(res)), None
    return None, UserError("region.unknown", text=text), None


def _as_written(reading: ReadAs | None) -> str | None:
    """The cell as written when it was read by other than today's exact name or code (``readings`` rules)."""
    return reading.written if reading is not None and reading.how else None


def _date(values: dict, name: str, errors: list[UserError], warnings: list[UserError],
          read_as: list[ReadAs]) -> dt.date | None:
    """The date in column ``name``; a weekday written with it that does not match is a warning naming both."""
    written = values.get(name, [None])[0]
    try:
        day = parse_date(written)
    except UserError as e:
        errors.append(e)
        return None
    if (reading := date_read(name, written, day)) is not None:
        read_as.append(reading)
    if (mismatch := weekday_mismatch(written, day)) is not None:
        warnings.append(UserError("date.weekday", written=mismatch[0], date=short_date(day), actual=mismatch[1]))
    return day


def _parse_agreement(values: dict, errors: list[UserError], warnings: list[UserError] | None = None,
                     read_as: list[ReadAs] | None = None, vocab: _Vocab | None = None) -> AgreementData | None:
    warnings = [] if warnings is None else warnings
    read_as = [] if read_as is None else read_as

    def guard(fn, *args):
        try:
            return fn(*args)
        except UserError as e:
            errors.append(e)
            return None

    for f in REQUIRED["agreements"]:
        if f not in values:
            errors.append(UserError("field.required", field=FIELD_LABELS[f]))
    province = _text(values, "province") or None
    parties: list[Party] = []
    for cell in values.get("parties", []):
        for name in _split_list(str(cell)):
            code, err, reading = _resolve_region(name, province, party=True, field_name="parties")
            if err:
                errors.append(err)
            elif code:
                read_as.append(reading)
                if lookup.level_of(code) not in lookup.GOVERNMENT_LEVELS:
                    errors.append(UserError("region.level", text=name))
                else:
                    parties.append(Party(region_code=code, as_written=_as_written(reading)))
            else:
                parties.append(Party(partner_name=name))
    if "parties" in values and not write.enough_parties(parties) and not any(
            e.key.startswith("region") for e in errors):
        errors.append(UserError("parties.few"))
    vocab = vocab or _Vocab(vocabularies.defaults(), warnings)
    type_text = _text(values, "type")
    a_type = vocab.key("agreement_type", type_text) if type_text else None
    doc = _text(values, "doc_number")
    if a_type is None:  # the document number usually says it: 119/KB/2024, 045/PKS/2023
        a_type = "PKS" if "PKS" in doc.upper() else ("KB" if re.search(r"\bKB\b|/KB/", doc.upper()) else "lainnya")
    status_text = _text(values, "status")
    status = STATUS_ALIASES.get(normalize_name(status_text)) if status_text else "ditandatangani"
    if status is None:
        errors.append(UserError("status.bad", text=status_text))
    sectors = _keys(_text(values, "sectors"), "sector", vocab)
    obstacle_notes = _text(values, "obstacle_notes")
    obstacles = [(k, obstacle_notes) for k in _keys(_text(values, "obstacles"), "obstacle", vocab)]
    signed, start, end, status_on = (_date(values, name, errors, warnings, read_as)
                                     for name in ("signed_on", "start_on", "end_on", "status_on"))
    if start and end and end < start:
        errors.append(UserError("dates.order"))
    value = guard(parse_rupiah, values.get("value_idr", [None])[0])
    if (reading := amount_read("value_idr", values.get("value_idr", [None])[0], value)) is not None:
        read_as.append(reading)
    if errors:
        return None
    return AgreementData(
        doc_number=doc, title=_text(values, "title"), type=a_type, status=status, parties=parties,
        sectors=sorted(set(sectors)), signed_on=signed, start_on=start, end_on=end, value_idr=value,
        status_on=status_on, obstacles=sorted(set(obstacles)), visit_ref=_text(values, "visit_ref") or None,
        notes=_text(values, "notes"))


def _visit_region(values: dict, province: str | None, errors: list[UserError],
                  read_as: list[ReadAs] | None = None) -> tuple[str | None, str | None]:
    """The region of a visit row from its region columns (name, Kemendagri code, BPS code), which must agree; and
    the cell as written when one was read by other than today's exact name or code."""
    found: dict[str, str] = {}
    written = None
    for f, system in REGION_FIELDS.items():
        if f in values:
            code, err, reading = _resolve_region(str(values[f][0]), province, party=False, system=system,
                                                 field_name=f)
            if err:
                errors.append(err)
            elif code:
                found[str(values[f][0]).strip()] = code
                written = written or _as_written(reading)
                if read_as is not None:
                    read_as.append(reading)
    if len(set(found.values())) > 1:
        errors.append(UserError("region.columns_disagree", regions="; ".join(
            f"{text} → {lookup.get(code).name} ({code})" for text, code in found.items())))
        return None, None
    return next(iter(found.values()), None), written


def _place(code: str, place_name: str, warnings: list[UserError], read_as: list[ReadAs]) -> str:
    """The stop's code: a village or district named in ``place_name`` inside region ``code`` (``geo.regions.places``),
    else ``code`` itself, the name kept as the place's name (a warning when it was written as a village or
    district, or names several)."""
    if not place_name or lookup.level_of(code) not in ("regency", "district"):
        return code
    region = f"{lookup.get(code).name} ({code})"
    found = places.find_place(place_name, code)
    if found.status == "exact":
        village = lookup.level_of(found.code) == "village"
        key = "importer.how.place_village" if village else "importer.how.place_district"
        read_as.append(ReadAs("place_name", place_name, "region", found.code, (Note(key, (("region", region),)),)))
        return found.code
    if found.status == "ambiguous":
        warnings.append(UserError("place.ambiguous", place=place_name, region=region, candidates=", ".join(
            f"{name} ({c}, {lookup.parent(c).name})" for c, name in found.candidates[:6])))
    elif found.written_as_region:
        warnings.append(UserError("place.not_found", place=place_name, region=region))
    read_as.append(ReadAs("place_name", place_name, "region", code, (Note("importer.how.place_kept"),)))
    return code


def _coordinates(values: dict, errors: list[UserError], warnings: list[UserError],
                 read_as: list[ReadAs]) -> tuple[float | None, float | None]:
    """Latitude and longitude; a pair that fits Indonesia only swapped is swapped, with a warning."""
    if "lat" not in values and "lon" not in values:
        return None, None
    lat_w, lon_w = values.get("lat", [""])[0], values.get("lon", [""])[0]
    written = f"{lat_w}, {lon_w}"
    try:
        lat, lon = parse_coordinate(lat_w), parse_coordinate(lon_w)
    except UserError:
        errors.append(UserError("coords.bad", text=written))
        return None, None
    how = ()
    if not coordinates.in_indonesia(lat, lon):
        swapped = coordinates.swapped_pair(lat, lon)
        if swapped is None:
            errors.append(UserError("coords.bad", text=written))
            return None, None
        lat, lon = swapped
        how = (Note("importer.how.swapped"),)
        warnings.append(UserError("coords.swapped", text=written, lat=repr(round(lat, 6)), lon=repr(round(lon, 6))))
    read_as.append(ReadAs("coordinates", written, "coordinates", (lat, lon), how))
    return lat, lon


def _check_point(code: str, lat: float | None, lon: float | None, warnings: list[UserError]) -> None:
    """A warning when the stop's coordinates lie outside its region (``geo.regions.coordinates`` tolerance)."""
    if lat is None or lon is None:
        return
    check = coordinates.check_point(code, lat, lon)
    if check is not None and not check.inside:
        checked = lookup.get(check.checked_code)
        warnings.append(UserError("coords.outside", lat=repr(round(lat, 6)), lon=repr(round(lon, 6)),
                                  km=f"{round(check.distance_km)}", region=f"{checked.name} ({checked.code})"))


def _parse_visit_row(values: dict, errors: list[UserError], warnings: list[UserError] | None = None,
                     read_as: list[ReadAs] | None = None, vocab: _Vocab | None = None):
    warnings = [] if warnings is None else warnings
    read_as = [] if read_as is None else read_as
    for f in REQUIRED["visits"]:
        if f not in values and not (f == "region" and REGION_FIELDS.keys() & values.keys()):
            errors.append(UserError("field.required", field=FIELD_LABELS[f]))
    province = _text(values, "province") or None
    code, as_written = _visit_region(values, province, errors, read_as)
    day = _date(values, "date", errors, warnings, read_as)
    start_t = end_t = tz = None
    try:
        start_t, end_t, tz = parse_time_range(values.get("time", [None])[0])
    except UserError as e:
        errors.append(e)
    lat, lon = _coordinates(values, errors, warnings, read_as)
    sectors = _keys(_text(values, "focus_sectors"), "sector", vocab or _Vocab(vocabularies.defaults(), warnings))
    goals = []
    for name in _split_list(_text(values, "goals")):
        if goal_key(name) is None:
            errors.append(UserError("goal.bad", text=name))
        else:
            goals.append(goal_key(name))
    if code is not None:
        code = _place(code, _text(values, "place_name"), warnings, read_as)
    if errors:
        return None
    _check_point(code, lat, lon, warnings)
    tz = tz or time_zone_for_province(code)
    offset = dt.timezone(dt.timedelta(hours=TIME_ZONES[tz]))
    start_at = dt.datetime.combine(day, start_t or dt.time(0), tzinfo=offset)
    end_at = dt.datetime.combine(day, end_t, tzinfo=offset) if end_t else None
    role = _text(values, "official_role")
    return {
        "role": role, "ministry": _text(values, "ministry") or ministry_from_role(role), "tz": tz,
        "sectors": sectors, "goals": goals, "people_met": _text(values, "people_met"), "agenda": _text(values, "agenda"),
        "stop": StopData(region_code=code, place_name=_text(values, "place_name"), lat=lat, lon=lon,
                         start_at=start_at, end_at=end_at, agenda=_text(values, "agenda"),
                         people_met=_text(values, "people_met"), as_written=as_written),
        "ref": _text(values, "ref") or f"{role} {day.isoformat()}",
    }


def parse_rows(table: Table, kind: str, known: vocabularies.Vocabularies | None = None) -> list[RowResult]:
    """Every row parsed; ``known``: the database's vocabularies (``vocabularies.current``), else the defaults."""
    known = known or vocabularies.defaults()
    results = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(table.rows, start=2):
        values = _fields(table, raw)
        r = RowResult(number=i, raw={k: v for k, v in raw.items() if k != EXTRA_CELLS})
        if raw.get(EXTRA_CELLS):
            r.errors.append(UserError("row.extra_cells", cells="; ".join(raw[EXTRA_CELLS])))
        if r.errors:
            r.key = _text(values, "doc_number" if kind == "agreements" else "ref") or None
        elif kind == "agreements":
            vocab = _Vocab(known, r.warnings, read_as=r.read_as)
            r.data = _parse_agreement(values, r.errors, r.warnings, r.read_as, vocab)
            r.new_terms = vocab.new_terms
            r.key = r.data.doc_number if r.data else (_text(values, "doc_number") or None)
            if r.data and r.key in seen:
                r.errors.append(UserError("row.duplicate", record=r.key, first=seen[r.key]))
                r.data = None
            elif r.data:
                seen[r.key] = i
        else:
            vocab = _Vocab(known, r.warnings, read_as=r.read_as)
            r.data = _parse_visit_row(values, r.errors, r.warnings, r.read_as, vocab)
            r.new_terms = vocab.new_terms
            r.key = r.data["ref"] if r.data else (_text(values, "ref") or None)
        results.append(r)
    for r in results:  # what no database column can hold (too long, NUL characters) rejects the row
        if r.data is not None:
            try:
                write.check_text(r.data)
            except UserError as exc:
                r.errors.append(exc)
                r.data = None
    if kind == "visits":  # a visit is imported whole or not at all: its rows wait for each other
        first: dict[str, dict] = {}
        for r in results:  # the rows of one visit must agree on who made it
            if r.data is None:
                continue
            seen_row = first.setdefault(r.key, r.data)
            for name, label in (("role", "pejabat"), ("ministry", "kementerian")):
                if r.data[name] != seen_row[name]:
                    r.errors.append(UserError("visit.conflict", ref=r.key, field=label))
        conflicted = {r.key for r in results if r.errors and r.data is not None}
        for r in results:
            if r.key in conflicted and r.data is not None:
                if not r.errors:
                    r.errors.append(UserError("visit.conflict", ref=r.key, field="pejabat/kementerian"))
                r.data = None
        bad = {r.key for r in results if r.data is None and r.key}
        for r in results:
            if r.data is not None and r.key in bad:
                r.errors.append(UserError("visit.row_rejected", ref=r.key))
                r.data = None
    return results


def _group_visits(rows: list[RowResult]) -> dict[str, VisitData]:
    """Rows sharing a visit code are the stops of one visit, in file order."""
    visits: dict[str, VisitData] = {}
    for r in rows:
        if r.data is None:
            continue
        d = r.data
        v = visits.get(d["ref"])
        if v is None:
            visits[d["ref"]] = VisitData(ref=d["ref"], official_role=d["role"], ministry=d["ministry"],
                                         start_at=d["stop"].start_at, end_at=d["stop"].end_at, time_zone=d["tz"],
                                         agenda=d["agenda"], focus_sectors=list(d["sectors"]),
                                         people_met=d["people_met"], stops=[d["stop"]],
                                         goals=list(dict.fromkeys(d["goals"])))
        else:
            v.stops.append(d["stop"])
            v.start_at = min(v.start_at, d["stop"].start_at)
            ends = [s.end_at or s.start_at for s in v.stops]
            v.end_at = max(ends) if any(s.end_at for s in v.stops) else None
            v.focus_sectors = sorted(set(v.focus_sectors) | set(d["sectors"]))
            v.goals = list(dict.fromkeys(v.goals + d["goals"]))
            v.agenda = "\n".join(dict.fromkeys(s.agenda for s in v.stops if s.agenda))
            v.people_met = "\n".join(dict.fromkeys(s.people_met for s in v.stops if s.people_met))
    return visits


