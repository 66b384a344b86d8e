"""Each row of a table parsed into a record or rejected with its reasons (never both, never neither).

A sector, agreement type or obstacle that the open vocabularies (``geo.records.vocabularies``) do not know does not
reject the row: it comes in under ``slug(label)``, with a "perlu ditinjau" warning on the row
(``RowResult.warnings``) and the label as written in ``RowResult.new_terms``, made a needs-review term at commit."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from geo.importer.columns import FIELD_LABELS, REGION_FIELDS, REQUIRED
from geo.importer.files import EXTRA_CELLS, Table
from geo.records import vocabularies, write
from geo.records.forms import ministry_from_role
from geo.records.write import AgreementData, Party, StopData, VisitData
from geo.regions import bps, lookup, resolver
from geo.regions.names import normalize_name
from geo.text.messages import UserError
from geo.text.parsing import parse_coordinate, parse_date, parse_rupiah, parse_time_range, time_zone_for_province
from geo.text.vocabulary import STATUS_ALIASES, TIME_ZONES

# ---------------------------------------------------------------------- parsing

@dataclass
class RowResult:
    number: int  # row number in the file (header is row 1)
    raw: dict
    action: str = "reject"  # add, update, unchanged, reject
    key: str | None = None
    errors: list[UserError] = field(default_factory=list)
    data: object = None
    warnings: list[UserError] = field(default_factory=list)  # kept, but someone should look (e.g. a new label)
    new_terms: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, key) -> label as written

    def reasons(self, lang: str = "id") -> str:
        return "; ".join(e.text(lang) for e in self.errors)


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

    def key(self, kind: str, name: str) -> str:
        """The key of a label; an unknown label is kept as written (its slug), with a warning."""
        key = self.known.key_for(kind, name)
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


def _resolve_region(text: str, province: str | None, *, party: bool,
                    system: str | None = None) -> tuple[str | None, UserError | None]:
    """Region code for a name or code; for a party, also says when the text is no region at all.

    The province column only breaks ties: a party from another province is still a region. Visit places
    may be districts or villages, but only when written as such ("Kec. …", "Desa …") or narrowed by a
    province; villages are never matched approximately. A bare number is read in ``system`` (the column's:
    "bps", "kemendagri"), or in both when the column does not say, and then two readings are an error.
    """
    text = str(text).strip()
    res = bps.resolve(text, system=system)
    if res.status == "ambiguous" and province:
        narrowed = bps.resolve(text, system=system, province=province)
        if narrowed.status in ("exact", "fuzzy", "ambiguous"):
            res = narrowed
    if res.status in ("exact", "fuzzy"):
        return res.code, None
    if res.status == "ambiguous" and bps.BARE_NUMBER.fullmatch(text):
        read = {name: f"{lookup.get(code).name} ({code})" for name, code in bps.readings(text).items()}
        return None, UserError("region.code_ambiguous", text=text, **read)
    if res.status == "ambiguous":
        return None, UserError("region.ambiguous", text=text, candidates=_candidates_text(res))
    if not party:
        kind, _ = resolver.split_kind(normalize_name(text))
        levels = {"kecamatan": ["district"], "desa": ["village"]}.get(kind, ["district", "village"] if province
                                                                       else [])
        for level in levels:
            lower = lookup.resolve(text, province=province, level=level)
            if lower.status == "exact" or (lower.status == "fuzzy" and level == "district"):
                return lower.code, None
            if lower.status == "ambiguous":
                return None, UserError("region.ambiguous", text=text, candidates=_candidates_text(lower))
    looks_like_region = bool(re.match(r"(?i)\s*(kab|kabupaten|kota|kotamadya|prov|provinsi|propinsi|pemkab|"
                                      r"pemkot|pemprov|pemerintah (kabupaten|kota|provinsi)|kec|kecamatan|desa|kel)\b",
                                      text))
    close = [c for c in res.candidates if c.score >= 85]
    if party and not looks_like_region and not close:
        return None, None  # a partner that is not a region (a university, a company, ...)
    if res.candidates:
        return None, UserError("region.unknown_hint", text=text, candidates=_candidates_text(res))
    return None, UserError("region.unknown", text=text)


def _parse_agreement(values: dict, errors: list[UserError], vocab: _Vocab | None = None) -> AgreementData | None:
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
            code, err = _resolve_region(name, province, party=True)
            if err:
                errors.append(err)
            elif code:
                if lookup.level_of(code) not in lookup.GOVERNMENT_LEVELS:
                    errors.append(UserError("region.level", text=name))
                else:
                    parties.append(Party(region_code=code))
            else:
                parties.append(Party(partner_name=name))
    if "parties" in values and not write.enough_parties(parties) and not any(
            e.key.startswith("region") for e in errors):
        errors.append(UserError("parties.few"))
    vocab = vocab or _Vocab(vocabularies.defaults())
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
    signed = guard(parse_date, values.get("signed_on", [None])[0])
    start = guard(parse_date, values.get("start_on", [None])[0])
    end = guard(parse_date, values.get("end_on", [None])[0])
    status_on = guard(parse_date, values.get("status_on", [None])[0])
    if start and end and end < start:
        errors.append(UserError("dates.order"))
    value = guard(parse_rupiah, values.get("value_idr", [None])[0])
    if errors:
        return None
    return AgreementData(
        doc_number=doc, title=_text(values, "title"), type=a_type, status=status, parties=parties,
        sectors=sorted(set(sectors)), signed_on=signed, start_on=start, end_on=end, value_idr=value,
        status_on=status_on, obstacles=sorted(set(obstacles)), visit_ref=_text(values, "visit_ref") or None,
        notes=_text(values, "notes"))


def _visit_region(values: dict, province: str | None, errors: list[UserError]) -> str | None:
    """The region of a visit row from its region columns (name, Kemendagri code, BPS code), which must agree."""
    found: dict[str, str] = {}
    for f, system in REGION_FIELDS.items():
        if f in values:
            code, err = _resolve_region(str(values[f][0]), province, party=False, system=system)
            if err:
                errors.append(err)
            elif code:
                found[str(values[f][0]).strip()] = code
    if len(set(found.values())) > 1:
        errors.append(UserError("region.columns_disagree", regions="; ".join(
            f"{text} → {lookup.get(code).name} ({code})" for text, code in found.items())))
        return None
    return next(iter(found.values()), None)


def _parse_visit_row(values: dict, errors: list[UserError], vocab: _Vocab | None = None):
    for f in REQUIRED["visits"]:
        if f not in values and not (f == "region" and REGION_FIELDS.keys() & values.keys()):
            errors.append(UserError("field.required", field=FIELD_LABELS[f]))
    province = _text(values, "province") or None
    code = _visit_region(values, province, errors)
    day = None
    try:
        day = parse_date(values.get("date", [None])[0])
    except UserError as e:
        errors.append(e)
    start_t = end_t = tz = None
    try:
        start_t, end_t, tz = parse_time_range(values.get("time", [None])[0])
    except UserError as e:
        errors.append(e)
    lat = lon = None
    if "lat" in values or "lon" in values:
        try:
            lat, lon = parse_coordinate(values.get("lat", [""])[0]), parse_coordinate(values.get("lon", [""])[0])
            if not (-11.5 <= lat <= 6.5 and 94 <= lon <= 141.5):
                raise UserError("coords.bad", text=f"{lat}, {lon}")
        except UserError:
            errors.append(UserError("coords.bad", text=f"{values.get('lat', [''])[0]}, {values.get('lon', [''])[0]}"))
    sectors = _keys(_text(values, "focus_sectors"), "sector", vocab or _Vocab(vocabularies.defaults()))
    if errors:
        return None
    tz = tz or time_zone_for_province(code)
    offset = dt.timezone(dt.timedelta(hours=TIME_ZONES[tz]))
    start_at = dt.datetime.combine(day, start_t or dt.time(0), tzinfo=offset)
    end_at = dt.datetime.combine(day, end_t, tzinfo=offset) if end_t else None
    role = _text(values, "official_role")
    return {
        "role": role, "ministry": _text(values, "ministry") or ministry_from_role(role), "tz": tz,
        "sectors": sectors, "people_met": _text(values, "people_met"), "agenda": _text(values, "agenda"),
        "stop": StopData(region_code=code, place_name=_text(values, "place_name"), lat=lat, lon=lon,
                         start_at=start_at, end_at=end_at, agenda=_text(values, "agenda"),
                         people_met=_text(values, "people_met")),
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
            vocab = _Vocab(known)
            r.data = _parse_agreement(values, r.errors, vocab)
            r.warnings, r.new_terms = vocab.warnings, vocab.new_terms
            r.key = r.data.doc_number if r.data else (_text(values, "doc_number") or None)
            if r.data and r.key in seen:
                r.errors.append(UserError("row.duplicate", record=r.key, first=seen[r.key]))
                r.data = None
            elif r.data:
                seen[r.key] = i
        else:
            vocab = _Vocab(known)
            r.data = _parse_visit_row(values, r.errors, vocab)
            r.warnings, r.new_terms = vocab.warnings, vocab.new_terms
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
                                         people_met=d["people_met"], stops=[d["stop"]])
        else:
            v.stops.append(d["stop"])
            v.start_at = min(v.start_at, d["stop"].start_at)
            ends = [s.end_at or s.start_at for s in v.stops]
            v.end_at = max(ends) if any(s.end_at for s in v.stops) else None
            v.focus_sectors = sorted(set(v.focus_sectors) | set(d["sectors"]))
            v.agenda = "\n".join(dict.fromkeys(s.agenda for s in v.stops if s.agenda))
            v.people_met = "\n".join(dict.fromkeys(s.people_met for s in v.stops if s.people_met))
    return visits


