"""Turning what an editor types into record data (``VisitData``, ``AgreementData``), by the same rules as the
importer (``geo.records.write.validated_agreement`` / ``validated_visit``).

Rules of the edit forms:

* An agreement's parties are region picks (provinces and regencies/cities, Kemendagri codes) plus free-text
  partners separated by ``;`` or new lines. Parties kept from the stored record keep their order; new ones follow
  (regions first), so saving an untouched form changes nothing. At least two parties, one of them a region
  (``write.enough_parties``), else ``UserError("parties.few")``.
* Dates (signed, start, end) may be empty; an end before the start is ``UserError("dates.order")``.
* A visit's start and end are wall-clock times in the visit's time zone (WIB/WITA/WIT). An end date without an
  end time (or the reverse) is ``UserError("field.required")``; an end before the start ``UserError("time.order")``
  quoting both times as typed. Moving the start moves every stop's times by as much; a stop that ended when the
  visit ended ends at the visit's new end.
* A visit's stops are edited row by row (region, place): a row whose region is emptied is removed, an extra row
  with a region adds a stop; a visit keeps at least one stop.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from geo.records.write import (
    AgreementData,
    Party,
    StopData,
    VisitData,
    validated_agreement,
    validated_visit,
)
from geo.text.messages import UserError
from geo.text.parsing import parse_time_range, time_zone_for_province
from geo.text.vocabulary import TIME_ZONES

TIME_ZONE_CHOICES = list(TIME_ZONES)  # what a visit's time zone may be, for the forms' pickers


def ministry_from_role(role: str) -> str:
    """``Wakil Menteri Dalam Negeri`` → ``Kementerian Dalam Negeri`` (empty when it does not say)."""
    m = re.match(r"(?i)\s*(wakil\s+)?menteri\s+(.+)$", role)
    return f"Kementerian {m.group(2).strip()}" if m else ""


def visit_from_form(*, ref: str, official: str, region_code: str, place: str, day: dt.date, time_text: str,
                    agenda: str, people: str, sectors: list[str], ministry: str = "") -> VisitData:
    start_t, end_t, tz = parse_time_range(time_text)
    tz = tz or time_zone_for_province(region_code)
    offset = dt.timezone(dt.timedelta(hours=TIME_ZONES[tz]))
    start = dt.datetime.combine(day, start_t or dt.time(0), tzinfo=offset)
    end = dt.datetime.combine(day, end_t, tzinfo=offset) if end_t else None
    ref = ref.strip() or f"{official.strip()} {day.isoformat()}"
    stop = StopData(region_code=region_code, place_name=place.strip(), start_at=start, end_at=end,
                    agenda=agenda.strip(), people_met=people.strip())
    return VisitData(ref=ref, official_role=official.strip(), ministry=ministry.strip() or ministry_from_role(official),
                     start_at=start, end_at=end, time_zone=tz, agenda=agenda.strip(), focus_sectors=list(sectors),
                     people_met=people.strip(), stops=[stop])


# ------------------------------------------------------------------ editing an agreement

def split_partners(text: str) -> list[str]:
    """``"Universitas A; PT B\\n"`` → ``["Universitas A", "PT B"]`` (empty pieces dropped, repeats once).

    >>> split_partners(" Universitas Padjadjaran ;PT KAI\\nPT KAI; ")
    ['Universitas Padjadjaran', 'PT KAI']
    """
    names = [p.strip() for p in re.split(r"[;\n]", text or "")]
    return list(dict.fromkeys(n for n in names if n))


def partners_text(parties: list[Party]) -> str:
    """The partners of ``parties`` as the form's text field shows them (``; `` between)."""
    return "; ".join(p.partner_name for p in parties if p.partner_name)


def parties_from_form(current: list[Party], region_codes: list[str], partners: str) -> list[Party]:
    """The parties an edit form names: kept ones in their stored order (with what the source wrote for them,
    ``as_written``), then new regions, then new partners.

    >>> now = [Party(partner_name="PT A"), Party("93.01", as_written="Kab. Merauke, Papua")]
    >>> [(p.region_code or p.partner_name, p.as_written) for p in parties_from_form(now, ["93.01", "32.77"], "PT A; PT B")]
    [('PT A', None), ('93.01', 'Kab. Merauke, Papua'), ('32.77', None), ('PT B', None)]
    """
    def who(p: Party) -> tuple:
        return p.region_code, p.partner_name

    wanted = [Party(region_code=c) for c in dict.fromkeys(region_codes)] + [
        Party(partner_name=n) for n in split_partners(partners)]
    wanted_keys = {who(p) for p in wanted}
    kept = [p for p in current if who(p) in wanted_keys]
    kept_keys = {who(p) for p in kept}
    return kept + [p for p in wanted if who(p) not in kept_keys]


def edited_agreement(current: AgreementData, *, region_codes: list[str], partners: str, **fields) -> AgreementData:
    """``current`` with the form's parties and ``fields`` (title, status, status_on, signed_on, start_on, end_on,
    value_idr, obstacles, notes …), checked like every agreement; raises ``UserError``.

    The status history is derived again from the status (``write.save_agreement``), never overwritten."""
    unknown = set(fields) - set(AgreementData.__dataclass_fields__)
    if unknown:
        raise TypeError(f"not agreement fields: {sorted(unknown)}")
    data = replace(current, parties=parties_from_form(current.parties, region_codes, partners),
                   status_history=None, **fields)
    if isinstance(data.title, str):
        data.title = data.title.strip()
    return validated_agreement(data)


# ------------------------------------------------------------------ editing a visit

def _local(day: dt.date | None, time: dt.time | None, time_zone: str, what: str) -> dt.datetime | None:
    if day is None and time is None:
        return None
    if day is None or time is None:
        raise UserError("field.required", field=what)
    return dt.datetime.combine(day, time, tzinfo=dt.timezone(dt.timedelta(hours=TIME_ZONES[time_zone])))


def _shown(t: dt.datetime) -> str:
    return t.strftime("%d/%m/%Y %H.%M")


def _moved(t: dt.datetime | None, delta: dt.timedelta, old_end, new_end) -> dt.datetime | None:
    if t is None:
        return None
    if old_end is not None and t == old_end:
        return new_end if new_end is not None else t + delta
    return t + delta


def edited_visit(current: VisitData, *, start_day: dt.date, start_time: dt.time, end_day: dt.date | None,
                 end_time: dt.time | None, time_zone: str, stops: list[tuple[str, str]], **fields) -> VisitData:
    """``current`` with the form's times (local, in ``time_zone``), stops and ``fields`` (official_role, ministry,
    agenda, people_met, focus_sectors …), checked like every visit; raises ``UserError``.

    ``stops``: one (region code, place) row per stored stop, in order, then any extra rows for new stops; an empty
    region removes the row's stop (or adds nothing)."""
    if time_zone not in TIME_ZONES:
        raise UserError("tz.bad", text=time_zone)
    start = _local(start_day, start_time, time_zone, "mulai")
    if start is None:
        raise UserError("field.required", field="mulai")
    end = _local(end_day, end_time, time_zone, "selesai")
    if end is not None and end < start:
        raise UserError("time.order", text=f"{_shown(start)} – {_shown(end)} {time_zone}")
    delta = start - current.start_at
    new_stops = []
    for i, (code, place) in enumerate(stops):
        code, place = (code or "").strip(), (place or "").strip()
        if not code:
            continue
        if i < len(current.stops):
            old = current.stops[i]
            new_stops.append(replace(old, region_code=code, place_name=place,
                                     start_at=_moved(old.start_at, delta, None, None),
                                     end_at=_moved(old.end_at, delta, current.end_at, end)))
        else:
            new_stops.append(StopData(region_code=code, place_name=place))
    if not new_stops:
        raise UserError("field.required", field="wilayah")
    data = replace(current, start_at=start, end_at=end, time_zone=time_zone, stops=new_stops, **fields)
    return validated_visit(data)
