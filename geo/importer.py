"""Importing visits and agreements from CSV and XLSX files as offices really write them.

    plan = plan_import(engine, "agreements", read_table(path))   # dry run: nothing written
    plan.counts()          # {"add": .., "update": .., "unchanged": .., "reject": ..}
    commit_import(engine, plan, actor=principal)                 # editors only; one transaction, all or nothing
    rejected_table(plan, "id")                                   # the rejected rows with their reasons

Rows are matched on a natural key (agreements: document number; visits: the
visit code, or official + date when the file has no code), so importing the
same file twice changes nothing. Region names go through
``geo.regions.resolve``; an ambiguous or unknown name rejects the row and
shows the candidates.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import DataError
from sqlalchemy.orm import Session, selectinload

from geo import records, regions, storage
from geo.access import Principal, require
from geo.indonesian_formats import (parse_coordinate, parse_date, parse_rupiah, parse_time_range,
                                     time_zone_for_province)
from geo.messages import UserError, message
from geo.models import Agreement, ProgressIndicator, Visit
from geo.names import normalize_name
from geo.records import AgreementData, Party, StopData, VisitData
from geo.visits_form import ministry_from_role
from geo.vocabulary import (AGREEMENT_TYPE_ALIASES, OBSTACLE_ALIASES, STATUS_ALIASES, TIME_ZONES, sector_key)

KINDS = ("visits", "agreements")
MAX_CELL_CHARS = 32_767  # Excel's own limit for a cell
MAX_XLSX_EXPANSION = 100  # a workbook's parts may expand to at most this many times the file's size


def max_import_bytes() -> int:
    """The largest file accepted: ``SINERGI_MAX_IMPORT_MB`` megabytes (default 50)."""
    import os

    try:
        mb = float(os.environ.get("SINERGI_MAX_IMPORT_MB", "50"))
    except ValueError:
        mb = 50.0
    return int(max(mb, 1e-6) * 2 ** 20)


def _too_big(size: int) -> UserError:
    return UserError("file.too_big", size=f"{size / 2 ** 20:.1f}", limit=f"{max_import_bytes() / 2 ** 20:g}")

AGREEMENT_COLUMNS = {
    "doc_number": ["nomor dokumen", "no dokumen", "nomor kesepakatan", "nomor perjanjian", "nomor kb pks",
                   "nomor naskah", "nomor", "document number", "doc number", "number"],
    "title": ["judul", "perihal", "tentang", "judul kerja sama", "title", "subject"],
    "type": ["jenis", "jenis dokumen", "jenis kerja sama", "type", "document type"],
    "sectors": ["bidang", "sektor", "bidang kerja sama", "sector", "sectors"],
    "parties": ["pihak", "para pihak", "pihak pihak", "parties", "party"],
    "province": ["provinsi", "province"],
    "signed_on": ["tanggal penandatanganan", "tanggal tanda tangan", "tanggal ttd", "tgl ttd", "tanggal",
                  "signing date", "signed on", "date signed"],
    "start_on": ["tanggal mulai", "mulai", "berlaku mulai", "start date", "start"],
    "end_on": ["tanggal berakhir", "berakhir", "berlaku sampai", "end date", "end"],
    "value_idr": ["nilai", "nilai rp", "nilai rupiah", "nilai kerja sama", "value", "value idr", "amount"],
    "status": ["status"],
    "status_on": ["tanggal status", "status date"],
    "obstacles": ["hambatan", "kendala", "obstacles", "obstacle"],
    "obstacle_notes": ["keterangan hambatan", "catatan hambatan", "obstacle notes"],
    "visit_ref": ["kode kunjungan", "kunjungan", "visit", "visit ref"],
    "notes": ["keterangan", "catatan", "notes"],
}
VISIT_COLUMNS = {
    "ref": ["kode kunjungan", "kode", "no kunjungan", "visit ref", "visit id", "ref"],
    "official_role": ["pejabat", "jabatan", "wamen", "official", "official role"],
    "ministry": ["kementerian", "ministry"],
    "date": ["tanggal", "hari tanggal", "date"],
    "time": ["waktu", "jam", "pukul", "time"],
    "region": ["wilayah", "daerah", "kabupaten kota", "kab kota", "kode wilayah", "region"],
    "province": ["provinsi", "province"],
    "place_name": ["lokasi", "tempat", "nama tempat", "place", "location"],
    "lat": ["lintang", "latitude", "lat"],
    "lon": ["bujur", "longitude", "lon", "lng"],
    "agenda": ["agenda", "kegiatan", "acara"],
    "focus_sectors": ["bidang fokus", "bidang", "sektor", "focus sectors", "sectors"],
    "people_met": ["narasumber", "pihak yang dijumpai", "narasumber pihak yang dijumpai", "yang ditemui",
                   "people met"],
}
REQUIRED = {"agreements": ["doc_number", "title", "parties"], "visits": ["official_role", "date", "region"]}
FIELD_LABELS = {
    "doc_number": "nomor dokumen", "title": "judul", "parties": "pihak", "official_role": "pejabat",
    "date": "tanggal", "region": "wilayah", "status": "status", "type": "jenis",
}
REASON_COLUMN = {"id": "alasan penolakan", "en": "rejection reason"}


# ---------------------------------------------------------------------- reading

@dataclass
class Table:
    """Rows of a file with their original headers; ``fields`` maps header → field name."""

    headers: list[str]
    rows: list[dict]  # header -> cell value
    fields: dict[str, str] = field(default_factory=dict)
    unknown_headers: list[str] = field(default_factory=list)


def read_table(source: str | Path | bytes, filename: str | None = None) -> Table:
    """Read a CSV (comma, semicolon or tab; UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252)
    or XLSX file. Files over ``SINERGI_MAX_IMPORT_MB``, XLSX files that expand suspiciously (zip bombs)
    and cells longer than Excel allows are refused with a ``UserError`` before they are parsed."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        if path.stat().st_size > max_import_bytes():
            raise _too_big(path.stat().st_size)
        data, filename = path.read_bytes(), filename or path.name
    else:
        data = source
    if len(data) > max_import_bytes():
        raise _too_big(len(data))
    name = (filename or "").lower()
    if name.endswith((".xlsx", ".xlsm")) or data[:2] == b"PK":
        headers, rows = _read_xlsx(data)
    else:
        headers, rows = _read_csv(data)
    if not rows:
        raise UserError("file.empty")
    return Table(headers=headers, rows=rows)


def _read_csv(data: bytes) -> tuple[list[str], list[dict]]:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with a BOM: Excel's "Unicode text"
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UserError("file.unreadable", reason="UTF-16") from exc
        if "\x00" in text:
            raise UserError("file.unreadable", reason="binary")
    else:
        if b"\x00" in data:
            raise UserError("file.unreadable", reason="binary")
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:  # five bytes cp1252 leaves undefined: not text
            raise UserError("file.unreadable", reason="encoding")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ("\t" if first.count("\t") > first.count(",")
                                                                  else ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        all_rows = [r for r in reader if any(c.strip() for c in r)]
    except csv.Error as exc:  # a cell over the csv module's limit (128 KiB), or a broken quote
        if "field larger" in str(exc):
            raise UserError("file.cell_too_long", n=MAX_CELL_CHARS) from exc
        raise UserError("file.unreadable", reason=str(exc)[:100]) from exc
    if any(len(c) > MAX_CELL_CHARS for r in all_rows for c in r):
        raise UserError("file.cell_too_long", n=MAX_CELL_CHARS)
    if not all_rows:
        return [], []
    headers = _unique_headers([h.strip() for h in all_rows[0]])
    rows = []
    for r in all_rows[1:]:
        row = dict(zip(headers, r + [""] * (len(headers) - len(r))))
        extra = [c for c in r[len(headers):] if c.strip()]
        if extra:
            row[EXTRA_CELLS] = extra
        rows.append(row)
    return headers, rows


EXTRA_CELLS = "\0extra"


def _unique_headers(headers: list[str]) -> list[str]:
    """Repeated headers get a number ("Pihak", "Pihak 2") so that no column is lost."""
    seen: dict[str, int] = {}
    out = []
    for h in headers:
        key = h.lower()
        seen[key] = seen.get(key, 0) + 1
        out.append(h if seen[key] == 1 or not h else f"{h} {seen[key]}")
    return out


def _read_xlsx(data: bytes) -> tuple[list[str], list[dict]]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            # The declared sizes are checked before anything is inflated; zipfile then never inflates a
            # part beyond its declared size, so a lying header cannot get past this either.
            expanded = sum(i.file_size for i in zf.infolist())
            if expanded > max(MAX_XLSX_EXPANSION * len(data), 10 * 2 ** 20) or expanded > 4 * max_import_bytes():
                raise UserError("file.zip_bomb", size=f"{expanded / 2 ** 20:.0f}")
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except UserError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for broken files
        raise UserError("file.unreadable", reason=type(exc).__name__) from exc
    headers: list[str] | None = None
    rows = []
    try:
        if not wb.worksheets:
            raise UserError("file.empty")
        ws = wb.worksheets[0]
        ws.reset_dimensions()  # some writers store a wrong sheet size; read every row that is there
        for values in ws.iter_rows(values_only=True):
            if headers is None:
                if values and any(v not in (None, "") for v in values):
                    headers = _unique_headers([str(v).strip() if v is not None else "" for v in values])
                continue
            if any(v not in (None, "") for v in values):
                if any(isinstance(v, str) and len(v) > MAX_CELL_CHARS for v in values):
                    raise UserError("file.cell_too_long", n=MAX_CELL_CHARS)
                rows.append(dict(zip(headers, values)))
    except UserError:
        raise
    except Exception as exc:  # a sheet broken further in than openpyxl looks when opening
        raise UserError("file.unreadable", reason=type(exc).__name__) from exc
    finally:
        wb.close()
    return headers or [], rows


def map_headers(table: Table, kind: str) -> Table:
    columns = AGREEMENT_COLUMNS if kind == "agreements" else VISIT_COLUMNS
    lookup = {normalize_name(alias): f for f, aliases in columns.items() for alias in aliases}
    table.fields, table.unknown_headers = {}, []
    for h in table.headers:
        norm = normalize_name(h)
        f = lookup.get(norm)
        if f is None and kind == "agreements" and re.fullmatch(
                r"(pihak|party)( ke)? ?(\d+|i|ii|iii|iv|v|pertama|kedua|ketiga|keempat|kelima|first|second|third)",
                norm):
            f = "parties"
        if f is None:
            if h and norm not in (normalize_name(v) for v in REASON_COLUMN.values()):
                table.unknown_headers.append(h)
            continue
        if f in table.fields.values() and f != "parties":
            table.unknown_headers.append(h)  # the first column for a field wins; this one is reported
            continue
        table.fields[h] = f
    missing = [FIELD_LABELS.get(f, f) for f in REQUIRED[kind] if f not in table.fields.values()]
    if missing:
        raise UserError("column.missing", columns=", ".join(missing))
    return table


# ---------------------------------------------------------------------- parsing

@dataclass
class RowResult:
    number: int  # row number in the file (header is row 1)
    raw: dict
    action: str = "reject"  # add, update, unchanged, reject
    key: str | None = None
    errors: list[UserError] = field(default_factory=list)
    data: object = None

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


def _keys(text: str, lookup, error_key: str, errors: list[UserError]) -> list[str]:
    """Vocabulary keys for a list written in a cell ("Pariwisata; UMKM"); unknown words are errors."""
    keys = []
    for name in _split_list(text):
        key = lookup(name)
        if key is None:
            errors.append(UserError(error_key, text=name))
        else:
            keys.append(key)
    return keys


def _candidates_text(res) -> str:
    return ", ".join(f"{c.name} ({c.code})" for c in res.candidates[:5])


def _resolve_region(text: str, province: str | None, *, party: bool) -> tuple[str | None, UserError | None]:
    """Region code for a name or code; for a party, also says when the text is no region at all.

    The province column only breaks ties: a party from another province is still a region. Visit places
    may be districts or villages, but only when written as such ("Kec. …", "Desa …") or narrowed by a
    province; villages are never matched approximately.
    """
    text = str(text).strip()
    res = regions.resolve(text)
    if res.status == "ambiguous" and province:
        narrowed = regions.resolve(text, province=province)
        if narrowed.status in ("exact", "fuzzy", "ambiguous"):
            res = narrowed
    if res.status in ("exact", "fuzzy"):
        return res.code, None
    if res.status == "ambiguous":
        return None, UserError("region.ambiguous", text=text, candidates=_candidates_text(res))
    if not party:
        kind, _ = regions.split_kind(normalize_name(text))
        levels = {"kecamatan": ["district"], "desa": ["village"]}.get(kind, ["district", "village"] if province
                                                                       else [])
        for level in levels:
            lower = regions.resolve(text, province=province, level=level)
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


def _parse_agreement(values: dict, errors: list[UserError]) -> AgreementData | None:
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
                if regions.level_of(code) not in ("province", "regency"):
                    errors.append(UserError("region.level", text=name))
                else:
                    parties.append(Party(region_code=code))
            else:
                parties.append(Party(partner_name=name))
    if "parties" in values and (len(parties) < 2 or not any(p.region_code for p in parties)) and not any(
            e.key.startswith("region") for e in errors):
        errors.append(UserError("parties.few"))
    type_text = _text(values, "type")
    a_type = AGREEMENT_TYPE_ALIASES.get(normalize_name(type_text)) if type_text else None
    doc = _text(values, "doc_number")
    if a_type is None:
        if type_text:
            errors.append(UserError("type.bad", text=type_text))
        else:  # the document number usually says it: 119/KB/2024, 045/PKS/2023
            a_type = "PKS" if "PKS" in doc.upper() else ("KB" if re.search(r"\bKB\b|/KB/", doc.upper()) else "lainnya")
    status_text = _text(values, "status")
    status = STATUS_ALIASES.get(normalize_name(status_text)) if status_text else "ditandatangani"
    if status is None:
        errors.append(UserError("status.bad", text=status_text))
    sectors = _keys(_text(values, "sectors"), sector_key, "sector.bad", errors)
    obstacle_notes = _text(values, "obstacle_notes")
    obstacles = [(k, obstacle_notes) for k in _keys(_text(values, "obstacles"),
                                                    lambda n: OBSTACLE_ALIASES.get(normalize_name(n)),
                                                    "obstacle.bad", errors)]
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


def _parse_visit_row(values: dict, errors: list[UserError]):
    for f in REQUIRED["visits"]:
        if f not in values:
            errors.append(UserError("field.required", field=FIELD_LABELS[f]))
    province = _text(values, "province") or None
    code = None
    if "region" in values:
        code, err = _resolve_region(str(values["region"][0]), province, party=False)
        if err:
            errors.append(err)
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
    sectors = _keys(_text(values, "focus_sectors"), sector_key, "sector.bad", errors)
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


def parse_rows(table: Table, kind: str) -> list[RowResult]:
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
            r.data = _parse_agreement(values, r.errors)
            r.key = r.data.doc_number if r.data else (_text(values, "doc_number") or None)
            if r.data and r.key in seen:
                r.errors.append(UserError("row.duplicate", record=r.key, first=seen[r.key]))
                r.data = None
            elif r.data:
                seen[r.key] = i
        else:
            r.data = _parse_visit_row(values, r.errors)
            r.key = r.data["ref"] if r.data else (_text(values, "ref") or None)
        results.append(r)
    for r in results:  # what no database column can hold (too long, NUL characters) rejects the row
        if r.data is not None:
            try:
                records.check_text(r.data)
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


# ------------------------------------------------------------------------- plan

def plan_import(engine: Engine, kind: str, table: Table) -> ImportPlan:
    """Parse and compare with what is stored; writes nothing (the dry run)."""
    if kind not in KINDS:
        raise ValueError(kind)
    map_headers(table, kind)
    rows = parse_rows(table, kind)
    with storage.transaction(engine) as session:
        if kind == "agreements":
            keys = [r.key for r in rows if r.data is not None]
            existing = _load_agreements(session, keys)
            known_visits = set(session.scalars(select(Visit.ref)))
            for r in rows:
                if r.data is None:
                    continue
                if r.data.visit_ref and r.data.visit_ref not in known_visits:
                    r.errors.append(UserError("visit.unknown", ref=r.data.visit_ref))
                    r.data = None
                    continue
                r.action = records.agreement_action(existing.get(r.key), r.data)
        else:
            visits = _group_visits(rows)
            existing = {v.ref: v for v in session.scalars(
                select(Visit).where(Visit.ref.in_(list(visits))).options(selectinload(Visit.stops)))}
            actions = {ref: records.visit_action(existing.get(ref), v) for ref, v in visits.items()}
            for r in rows:
                if r.data is not None:
                    r.action = actions[r.data["ref"]]
    return ImportPlan(kind=kind, table=table, rows=rows)


def _load_agreements(session: Session, keys: list[str]) -> dict[str, Agreement]:
    out = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        for a in session.scalars(select(Agreement).where(Agreement.doc_number.in_(chunk)).options(
                selectinload(Agreement.parties), selectinload(Agreement.status_changes),
                selectinload(Agreement.obstacles),
                selectinload(Agreement.indicators).selectinload(ProgressIndicator.readings),
                selectinload(Agreement.visit))):
            out[a.doc_number] = a
    return out


def commit_import(engine: Engine, plan: ImportPlan, actor: Principal,
                  progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
    """Write the plan's accepted rows in one transaction; any failure leaves the data as it was.

    ``actor`` must be an editor or admin (checked before anything is written).
    """
    require(actor, "editor")
    try:
        _write_plan(engine, plan, actor, progress)
    except DataError as exc:  # a value the database refuses (the checks should have caught it): nothing saved
        raise UserError("import.refused", reason=str(exc.orig).splitlines()[0][:200]) from exc
    return plan.counts()


def _write_plan(engine: Engine, plan: ImportPlan, actor: Principal, progress) -> None:
    todo = [r for r in plan.rows if r.action in ("add", "update")]
    with storage.transaction(engine) as session:
        if plan.kind == "agreements":
            existing = _load_agreements(session, [r.key for r in todo])
            for i, r in enumerate(todo, start=1):
                records.save_agreement(session, r.data, actor, existing=existing.get(r.key),
                                       assume_new=r.action == "add" and r.key not in existing)
                if i % 1000 == 0:
                    session.flush()
                if progress and (i % 500 == 0 or i == len(todo)):
                    progress(i, len(todo))
        else:
            visits = _group_visits([r for r in plan.rows if r.action in ("add", "update")])
            for i, v in enumerate(visits.values(), start=1):
                records.save_visit(session, v, actor)
                if progress:
                    progress(i, len(visits))


def rejected_table(plan: ImportPlan, lang: str = "id") -> tuple[list[str], list[list]]:
    """The rejected rows as they were in the file, with a reason column: fix and re-import."""
    headers = [h for h in plan.table.headers if h] + [REASON_COLUMN[lang]]
    rows = [[r.raw.get(h, "") for h in plan.table.headers if h] + [r.reasons(lang)] for r in plan.rejected]
    return headers, rows


def import_file(engine: Engine, kind: str, path: str | Path, *, dry_run: bool, actor: Principal | None) -> ImportPlan:
    plan = plan_import(engine, kind, read_table(path))
    if not dry_run:
        commit_import(engine, plan, actor)
    return plan


def preview_frame(plan: ImportPlan, lang: str = "id"):
    """The dry run row by row: file row, what would happen, the record's key, the reasons for a rejection."""
    import pandas as pd

    return pd.DataFrame([{"row": r.number, "action": r.action, "key": r.key or "", "reasons": r.reasons(lang)}
                         for r in plan.rows], columns=["row", "action", "key", "reasons"])
