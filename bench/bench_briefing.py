"""Benchmark of the briefing exports: time to make the national deck, a region brief and the print maps
(PNG 300 dpi at province, regency and district level; SVG and PDF at regency level), and file sizes.
Prints figures; asserts nothing.

    .venv/bin/python bench/bench_briefing.py

Uses a throw-away SQLite database with the simulated sample (the same records the app starts with).
"""

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(label: str, fn, repeat: int = 3):
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    size = f", {len(out) / 1024:,.0f} KiB" if isinstance(out, bytes) else ""
    print(f"{label}: best {min(times):.2f} s, first {times[0]:.2f} s (of {repeat}){size}")
    return out


def main() -> None:
    from geo.analysis.context import Context
    from geo.briefings import deck, region_brief
    from geo.maps import map_view, print_map
    from geo.records import sample
    from geo.regions import lookup

    with tempfile.TemporaryDirectory() as folder:
        agreements, visits = sample.seed_sqlite(f"{folder}/sinergi.db")
    print(f"records: {len(agreements):,} agreements, {len(visits):,} visits (simulated sample)")
    period = dict(start=dt.date(2021, 1, 1), end=dt.date(dt.date.today().year, 12, 31))

    def fresh():  # a new context each time: the bench times the computation, not the context's memo
        return Context(agreements, visits)

    def view(level, metric="signed"):
        return map_view.compute(map_view.Spec(level=level, metric=metric, **period), fresh())

    timed("view (metrics + classes), regency level", lambda: view("regency"))
    timed("view of the impact score, regency level (impact report included)", lambda: view("regency", "score"), 1)
    national = view("province")
    timed("national deck (PPTX): title, map, top/bottom, method", lambda: deck.build(national, fresh()))
    timed("national deck with 3 region slides (32, 32.73, 35.78)",
          lambda: deck.build(national, fresh(), chosen=["32", "32.73", "35.78"]))
    timed("region brief PDF, Kota Bandung (32.73)",
          lambda: region_brief.brief_pdf("32.73", fresh()))
    timed("region brief PDF, Jawa Barat (32)", lambda: region_brief.brief_pdf("32", fresh()))
    for level in lookup.MAP_LEVELS:
        v = view(level)
        print_map.region_paths.cache_clear()
        timed(f"map PNG 300 dpi, {level} level (the first run also builds the shapes)", lambda: print_map.render(v, "png"))
    v = view("regency")
    for fmt in ("svg", "pdf"):
        timed(f"map {fmt.upper()}, regency level", lambda: print_map.render(v, fmt))


if __name__ == "__main__":
    main()
