"""Turning what an editor types for a visit into a ``VisitData`` (same rules as the importer)."""

from __future__ import annotations

import datetime as dt

from geo.records.write import StopData, VisitData
from geo.text.parsing import parse_time_range, time_zone_for_province
from geo.text.vocabulary import TIME_ZONES


def ministry_from_role(role: str) -> str:
    """``Wakil Menteri Dalam Negeri`` → ``Kementerian Dalam Negeri`` (empty when it does not say)."""
    import re

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
