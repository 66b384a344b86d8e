"""The audit trail in words: each ``AuditEntry`` as one sentence in the user's language, for staff who are not
technical ("budi mengubah status kerja sama KB/001/2024 dari Berjalan menjadi Terhambat; tanggal selesai dari
31/12/2025 menjadi 30/06/2026").

Rules:

* Times are shown in WIB (Asia/Jakarta, UTC+7, no daylight saving) whatever the entry's zone: "Senin, 30/11/2026
  10.35 WIB" (Indonesian: hour and minute joined by a point) / "Monday, 30/11/2026 10:35 WIB"; an entry stored
  without a zone (SQLite) is UTC.
* Fields are named by their labels (``audit.field.*``), statuses, types, sectors and obstacles by the labels of
  their vocabularies (``geo.text.vocabulary``; an unknown key is shown as stored), parties and stops by region
  names (``geo.regions.lookup``) or the partner's name, amounts in rupiah (``geo.text.numbers``), dates
  dd/mm/yyyy, yes/no for flags, texts in quotes.
* An update names its changed fields, most telling first (``FIELD_ORDER``), at most ``MAX_FIELDS`` of them, then
  "dan n perubahan lain"; a value longer than ``MAX_CHARS`` characters is cut with "…", a list longer than
  ``MAX_ITEMS`` items ends with "dan n lainnya". A create or delete is one line with a short summary in brackets
  (title, status, parties; or official, start, stops). Other actions (the sample replacing the data) read
  generically.
* The sentences are plain text holding what users typed: whoever shows them escapes them (``ui.safe_text.md`` in
  markdown; a dataframe cell shows text as it is). ``trail_frame`` keeps the raw fields beside the sentence for
  downloads (changes as JSON).
"""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd

from geo.regions import lookup
from geo.text import catalog, numbers
from geo.text.vocabulary import AGREEMENT_TYPES, FEEDBACK_STATUSES, OBSTACLES, SECTORS, STATUSES

WIB = dt.timezone(dt.timedelta(hours=7))
MAX_FIELDS = 4
MAX_ITEMS = 5
MAX_CHARS = 80
# Fields in the order a reader wants them; fields not listed follow in alphabetical order.
FIELD_ORDER = ("status", "title", "parties", "signed_on", "start_on", "end_on", "value_idr", "type", "sectors",
               "obstacles", "official_role", "start_at", "end_at", "time_zone", "stops", "ministry", "focus_sectors",
               "agenda", "people_met", "visit_ref", "indicators", "notes")
SUMMARY_FIELDS = {"agreement": ("title", "status", "parties"), "visit": ("official_role", "start_at", "stops"),
                  "user": ("role",)}
VOCABULARIES = {"status": STATUSES, "type": AGREEMENT_TYPES, "sectors": SECTORS, "focus_sectors": SECTORS,
                "obstacles": OBSTACLES, "moderation": FEEDBACK_STATUSES}
DATE_FIELDS = ("signed_on", "start_on", "end_on", "status_on")
TIME_FIELDS = ("start_at", "end_at")
TRAIL_COLUMNS = ["when", "sentence", "at_utc", "actor", "action", "record_type", "record_key", "changes"]


def _words(name: str, lang: str, /, **params) -> str:
    return catalog.text(f"audit.{name}", lang, **params)


def _utc(at) -> dt.datetime:
    if isinstance(at, str):
        at = dt.datetime.fromisoformat(at)
    if isinstance(at, pd.Timestamp):
        at = at.to_pydatetime()
    return at if at.tzinfo else at.replace(tzinfo=dt.timezone.utc)


def when_text(at, lang: str = "id", *, weekday: bool = True) -> str:
    """An instant as WIB wall-clock time.

    >>> when_text(dt.datetime(2026, 11, 30, 3, 35, tzinfo=dt.timezone.utc))
    'Senin, 30/11/2026 10.35 WIB'
    >>> when_text(dt.datetime(2026, 11, 30, 20, 5), "en")
    'Tuesday, 01/12/2026 03:05 WIB'
    """
    local = _utc(at).astimezone(WIB)
    clock = local.strftime("%H.%M" if lang == "id" else "%H:%M")
    day = f"{_words(f'day.{local.weekday()}', lang)}, " if weekday else ""
    return f"{day}{local:%d/%m/%Y} {clock} WIB"


def _cut(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= MAX_CHARS else text[:MAX_CHARS - 1].rstrip() + "…"


def _items(values: list[str], lang: str) -> str:
    values = [_cut(v) for v in values]
    if len(values) > MAX_ITEMS:
        return _words("more_items", lang, items=", ".join(values[:MAX_ITEMS]), n=len(values) - MAX_ITEMS)
    return ", ".join(values)


def region_name(code: str) -> str:
    try:
        return lookup.get(code).name
    except KeyError:
        return code


def _label(vocabulary: dict, key, lang: str) -> str:
    """A vocabulary key's label; a key the vocabulary does not know is shown as stored."""
    entry = vocabulary.get(key) if isinstance(key, str) else None
    return entry.get(lang, entry["id"]) if entry else str(key)


def _obstacle(o, lang: str) -> str:
    if not isinstance(o, (list, tuple)) or not o:
        return _label(OBSTACLES, o, lang)
    note = o[1] if len(o) > 1 and o[1] else ""
    return _label(OBSTACLES, o[0], lang) + (f" ({_cut(note)})" if note else "")


def _party(p) -> str:
    if isinstance(p, dict):
        return region_name(p["region_code"]) if p.get("region_code") else str(p.get("partner_name") or "")
    return str(p)


def _stop(s) -> str:
    if not isinstance(s, dict):
        return str(s)
    name = region_name(s["region_code"]) if s.get("region_code") else ""
    place = (s.get("place_name") or "").strip()
    return f"{name} ({place})" if place and name and place != name else (place or name)


def _date(value) -> str:
    try:
        return dt.date.fromisoformat(str(value)[:10]).strftime("%d/%m/%Y")
    except ValueError:
        return str(value)


def _indicator(ind, lang: str) -> str:
    if not isinstance(ind, dict):
        return str(ind)
    readings = ind.get("readings") or []
    if not readings:
        return str(ind.get("name", ""))
    on, value = readings[-1][:2]  # (date, value, note, who); backups before KPIs kept (date, value)
    unit = f" {ind['unit']}" if ind.get("unit") else ""
    return f"{ind.get('name', '')}: {numbers.number(value, 0 if float(value).is_integer() else 1, lang)}{unit} " \
           f"({_date(on)})"


def value_text(field: str, value, lang: str = "id") -> str:
    """One stored value (as the audit trail keeps it: JSON) in words.

    >>> value_text("status", "terhambat"), value_text("status", "terhambat", "en")
    ('Terhambat', 'Stalled')
    >>> value_text("end_on", "2026-06-30"), value_text("parties", [{"region_code": "32.73", "partner_name": None}])
    ('30/06/2026', 'Kota Bandung')
    >>> value_text("value_idr", 1_500_000_000), value_text("notes", ""), value_text("notes", None, "en")
    ('Rp 1,5 miliar', '(kosong)', '(empty)')
    """
    if value is None or value == "" or value == [] or value == {}:
        return _words("empty", lang)
    if isinstance(value, bool):
        return _words("yes" if value else "no", lang)
    if field == "obstacles" and isinstance(value, list):
        return _items([_obstacle(o, lang) for o in value], lang)
    if field in VOCABULARIES:
        values = value if isinstance(value, list) else [value]
        return _items([_label(VOCABULARIES[field], v, lang) for v in values], lang)
    if field == "parties":
        return _items([_party(p) for p in value], lang)
    if field == "stops":
        return _items([_stop(s) for s in value], lang)
    if field == "indicators":
        return _items([_indicator(i, lang) for i in value], lang)
    if field in DATE_FIELDS:
        return _date(value)
    if field in TIME_FIELDS:
        try:
            return when_text(value, lang, weekday=False)
        except (TypeError, ValueError):
            return str(value)
    if field == "value_idr" and isinstance(value, (int, float)):
        return numbers.rupiah(value, lang)
    if isinstance(value, (int, float)):
        return numbers.number(value, 0 if float(value).is_integer() else 2, lang)
    if isinstance(value, list):
        return _items([str(v) for v in value], lang)
    if isinstance(value, dict):
        return _cut(json.dumps(value, ensure_ascii=False))
    return f"“{_cut(value)}”"


def _get(entry, name: str):
    return entry[name] if isinstance(entry, dict) else getattr(entry, name)


def _ordered(fields) -> list[str]:
    rank = {f: i for i, f in enumerate(FIELD_ORDER)}
    return sorted(fields, key=lambda f: (rank.get(f, len(FIELD_ORDER)), f))


def field_name(field: str, lang: str = "id") -> str:
    """A field's label (``audit.field.<field>``); a field without one is named as stored."""
    key = f"audit.field.{field}"
    return catalog.text(key, lang) if key in catalog.CATALOG else field


def record_name(record_type: str, lang: str = "id") -> str:
    key = f"audit.record.{record_type}"
    return catalog.text(key, lang) if key in catalog.CATALOG else record_type


def _summary(record_type: str, values: dict, lang: str) -> str:
    fields = SUMMARY_FIELDS.get(record_type, ())
    parts = [value_text(f, values[f], lang) for f in fields if values.get(f) not in (None, "", [])]
    return f" ({'; '.join(parts)})" if parts else ""


def sentence(entry, lang: str = "id") -> str:
    """One audit entry (an ``AuditEntry`` or a mapping with its columns) as a sentence in ``lang``.

    >>> e = {"actor": "budi", "action": "update", "record_type": "agreement", "record_key": "KB/001/2024",
    ...      "changes": {"status": ["berjalan", "terhambat"], "end_on": ["2025-12-31", "2026-06-30"]}}
    >>> sentence(e)
    'budi mengubah status kerja sama KB/001/2024 dari Berjalan menjadi Terhambat; tanggal selesai dari 31/12/2025 \
menjadi 30/06/2026'
    >>> sentence(e, "en")
    'budi changed the status of agreement KB/001/2024 from Running to Stalled; end date from 31/12/2025 to 30/06/2026'
    """
    actor, action = str(_get(entry, "actor")), str(_get(entry, "action"))
    record_type, key = str(_get(entry, "record_type")), str(_get(entry, "record_key"))
    changes = _get(entry, "changes") or {}
    if isinstance(changes, str):
        changes = json.loads(changes)
    who = {"actor": actor, "record": record_name(record_type, lang), "doc": key}
    if action in ("create", "delete"):
        side = 1 if action == "create" else 0
        values = {f: pair[side] for f, pair in changes.items() if isinstance(pair, (list, tuple)) and len(pair) == 2}
        return _words(action, lang, **who) + _summary(record_type, values, lang)
    if action != "update":
        template = action if action in ("replace", "login", "password") else None
        return _words(template, lang, **who) if template else _words("other", lang, action=action, **who)
    fields = [f for f in _ordered(changes) if isinstance(changes[f], (list, tuple)) and len(changes[f]) == 2]
    if not fields:
        return _words("update.bare", lang, **who)
    parts = []
    for i, f in enumerate(fields[:MAX_FIELDS]):
        old, new = (value_text(f, v, lang) for v in changes[f])
        parts.append(_words("update.first", lang, field=field_name(f, lang), old=old, new=new, **who) if i == 0
                     else _words("update.more", lang, field=field_name(f, lang), old=old, new=new))
    if len(fields) > MAX_FIELDS:
        parts.append(_words("update.others", lang, n=len(fields) - MAX_FIELDS))
    return "; ".join(parts)


def trail_frame(entries: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """Audit entries (``geo.records.read.audit_frame``: at, actor, action, record_type, record_key, changes) with
    the time in WIB and the sentence first, then the raw fields (``at_utc`` ISO 8601, ``changes`` as JSON)."""
    rows = [{"when": when_text(e["at"], lang), "sentence": sentence(e, lang),
             "at_utc": _utc(e["at"]).astimezone(dt.timezone.utc).isoformat(timespec="seconds"),
             "actor": e["actor"], "action": e["action"], "record_type": e["record_type"],
             "record_key": e["record_key"], "changes": json.dumps(e["changes"] or {}, ensure_ascii=False)}
            for e in entries.to_dict("records")]
    return pd.DataFrame(rows, columns=TRAIL_COLUMNS)
