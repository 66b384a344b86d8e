"""Benchmark: loading regions, resolving names, and the browser GeoJSON sizes.

    python3 run.py test  # (tests)    |    .venv/bin/python bench/bench_regions.py
"""

import csv
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.build.display_quality import measure  # noqa: E402
from geo.regions import lookup  # noqa: E402


def main() -> None:
    tracemalloc.start()
    t0 = time.perf_counter()
    store = lookup.RegionStore()
    store.resolve("")  # the name index (geo.regions.resolver) is built on first use: counted in the load
    load_s = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    print(f"RegionStore load: {load_s:.2f} s, peak traced memory {peak:.0f} MB, {len(store.all())} codes")
    with (ROOT / "tests" / "data" / "region_names_real_world.csv").open(encoding="utf-8") as fh:
        names = [r["written"] for r in csv.DictReader(fh)]
    t0 = time.perf_counter()
    rounds = 5
    for _ in range(rounds):
        for n in names:
            store.resolve(n)
    dt = time.perf_counter() - t0
    print(f"resolve: {rounds * len(names) / dt:.0f} names/s ({dt / (rounds * len(names)) * 1000:.2f} ms each)")
    for level in lookup.MAP_LEVELS:
        q = measure(level)
        print(f"display {level}: {q['bytes'] / 1000:.0f} KB (budget {q['budget_bytes'] / 1000:.0f} KB), "
              f"max area error >100 km² {q['max_area_error_over_100km2']:.2%} ({q['worst_region_over_100km2']}), "
              f"median {q['median_area_error']:.2%}, max sliver {q['max_sliver_width_px']:.2f} px, "
              f"{q['vertices']} of {q['vertices_full']} vertices")


if __name__ == "__main__":
    main()
