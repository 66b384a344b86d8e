"""A briefing file from a file name and a few choices (the ``python -m geo brief`` command).

The extension decides the format: ``.pptx`` deck, ``.pdf`` region brief (with a region) or map, ``.png``
(300 dpi) or ``.svg`` map; an empty database (nothing imported yet) gives a UserError ``data.none``, no file.
A region code on a map shows that region's regencies or districts. One
``geo.analysis.context.Context`` per file: the map view, the deck and the region brief read the same figures.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from geo.analysis.context import Context
from geo.briefings import deck, region_brief
from geo.maps import map_view, print_map
from geo.regions import lookup
from geo.text.messages import UserError

EXTENSIONS = (".pptx", ".pdf", ".png", ".svg")


def format_of(path: str) -> str:
    ext = Path(path).suffix.lower()
    if ext not in EXTENSIONS:
        raise UserError("brief.extension", text=ext or str(path))
    return ext[1:]


def check_region(code: str | None) -> str | None:
    """The code when it is a province or regency/city; a UserError otherwise."""
    if not code:
        return None
    if not lookup.exists(code):
        raise UserError("region.unknown", text=code)
    if lookup.level_of(code) not in lookup.CHILD_LEVEL:
        raise UserError("region.level", text=code)
    return code


def check_metric(metric: str, level: str) -> None:
    """Impact scores exist for provinces and regencies/cities only: a district map of them would be all
    "no data", so it is refused (as the app's map explains)."""
    if metric == "score" and level == "district":
        raise UserError("brief.score_district")


def make(fmt: str, ctx: Context, *, region: str | None = None, period: str | None = None, metric: str = "signed",
         level: str = "province", lang: str = "id", itinerary: pd.DataFrame | None = None, photos=(),
         labels: bool | None = None) -> bytes:
    """The bytes of a briefing file in ``fmt`` from the records of ``ctx``; ``photos`` (the region's, as
    ``geo.evidence.gallery.with_images`` gives them) go into the region brief and the deck's region; ``labels``:
    region names on the map (None: where ``geo.maps.map_labels`` shows them by default)."""
    region = check_region(region)
    start, end = map_view.parse_period(period) if period else (None, None)
    if fmt == "pdf" and region:
        return region_brief.brief_pdf(region, ctx, lang=lang, start=start, end=end, photos=photos)
    on_map = fmt != "pptx" and region
    spec = map_view.Spec(level=lookup.CHILD_LEVEL[lookup.level_of(region)] if on_map else level, metric=metric,
                              within=region if on_map else "", start=start, end=end)
    check_metric(spec.metric, spec.level)
    view = map_view.compute(spec, ctx, lang=lang)
    if fmt == "pptx":
        return deck.build(view, ctx, chosen=[region] if region else [], itinerary=itinerary,
                          photos={region: photos} if region and photos else None, labels=labels)
    return print_map.render(view, fmt, labels=labels)


def make_file(engine, out: str, **choices) -> bytes:
    """The bytes of the briefing file ``out`` from the records in ``engine``."""
    from geo.records import read

    fmt = format_of(out)
    check_region(choices.get("region"))
    if choices.get("period"):
        map_view.parse_period(choices["period"])
    plan = choices.pop("plan", None)
    if plan:
        choices["itinerary"] = planned_itinerary(engine, plan)
    ctx = Context(read.agreements_frame(engine), read.visits_frame(engine))
    check_not_empty(ctx)
    if choices.get("region") and fmt in ("pdf", "pptx"):
        choices["photos"] = region_photos(engine, choices["region"], choices.get("period"))
    return make(fmt, ctx, **choices)


def region_photos(engine, code: str, period: str | None = None, n: int = region_brief.MAX_PHOTOS) -> list:
    """The region's newest ``n`` photos in the period, with their stored images (for the brief and the deck)."""
    from geo.evidence import gallery

    start, end = map_view.parse_period(period) if period else (None, None)
    return gallery.with_images(engine, gallery.region_photos(engine, code, start=start, end=end, limit=n))


def check_not_empty(ctx: Context) -> None:
    """A fresh install (nothing imported, no sample seeded) has nothing to brief on: a UserError saying so."""
    if ctx.agreements.empty and ctx.visits.empty:
        raise UserError("data.none")


def planned_itinerary(engine, ref: str) -> pd.DataFrame:
    """The schedule table of the planned visit ``ref`` (saved from the planner), for the deck."""
    from geo.db import storage
    from geo.planner import itinerary
    from geo.records import write

    with storage.transaction(engine) as session:
        visit = write.load_visit(session, ref)
        if visit is None or not visit.planned:
            raise UserError("brief.plan", text=ref)
        return itinerary.schedule_frame(itinerary.stops_of_visit(write.visit_data(visit)))
