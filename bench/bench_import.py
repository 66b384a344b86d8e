"""Benchmark: import and commit a large agreement file; prints rows per second and peak memory.

    .venv/bin/python bench/bench_import.py [--rows 100000] [--database-url URL]

The file is generated deterministically in the shape offices send: semicolons,
Indonesian dates and rupiah, regions by name ("Kab. ...", "Kota ...").
Default database: a fresh SQLite file in a temporary folder.
"""

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.access.roles import Principal  # noqa: E402
from geo.db import storage  # noqa: E402
from geo.importer import files, plans
from geo.regions import lookup

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]


def make_file(path: Path, n: int) -> None:
    rng = random.Random(7)
    regs = lookup.all_regions("regency")
    names = [r.name.replace("Kabupaten ", "Kab. ") for r in regs]
    with path.open("w", encoding="utf-8-sig") as fh:
        fh.write("Nomor Dokumen;Judul;Jenis;Bidang;Pihak 1;Pihak 2;Tanggal Penandatanganan;Nilai (Rp);Status\n")
        for i in range(n):
            a, b = rng.sample(range(len(names)), 2)
            day = f"{rng.randint(1, 28)} {MONTHS[rng.randrange(12)]} {rng.randint(2019, 2025)}"
            value = f"Rp {rng.randint(1, 5000) * 1_000_000:,}".replace(",", ".")
            fh.write(f"{i + 1:06d}/PKS/BENCH/2025;Kerja sama nomor {i + 1};PKS;Pariwisata;{names[a]};{names[b]};"
                     f"{day};{value};berjalan\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        path = tmp / "agreements.csv"
        make_file(path, args.rows)
        engine = storage.make_engine(args.database_url or f"sqlite:///{tmp / 'bench.db'}")
        storage.migrate(engine)
        lookup.default_store()  # region index loaded before timing
        t0 = time.perf_counter()
        plan = plans.plan_import(engine, "agreements", files.read_table(path))
        t1 = time.perf_counter()
        counts = plans.commit_import(engine, plan, actor=Principal("bench", "editor"))
        t2 = time.perf_counter()
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"database: {storage.safe_url(str(engine.url))}".replace(str(tmp), "<tmp>"))
        print(f"rows: {args.rows}, file {path.stat().st_size / 1e6:.1f} MB, accepted {counts['add']}, "
              f"rejected {counts['reject']}")
        print(f"dry run (read, parse, resolve, compare): {t1 - t0:.1f} s = {args.rows / (t1 - t0):.0f} rows/s")
        print(f"commit: {t2 - t1:.1f} s = {counts['add'] / (t2 - t1):.0f} rows/s")
        print(f"total: {t2 - t0:.1f} s = {args.rows / (t2 - t0):.0f} rows/s; peak memory (RSS) {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
