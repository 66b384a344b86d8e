"""Benchmark: import and commit a large agreement file, CSV and XLSX; prints rows per second and peak memory.

    .venv/bin/python bench/bench_import.py [--rows 100000] [--database-url URL]

The files are generated deterministically in the shape offices send: the CSV with semicolons, Indonesian
dates and rupiah as text; the XLSX (written once with openpyxl in write-only mode) with real date and
number cells. Regions by name ("Kab. ...", "Kota ..."). Each format gets its own document numbers.
Databases: a fresh SQLite file in a temporary folder; also PostgreSQL when ``SINERGI_TEST_DATABASE_URL``
is set (that test database is emptied first, as the tests do) or ``--database-url`` is given (not emptied).
Each measurement runs in its own process; peak memory is the resident set size's high-water mark during the
measured step (Linux VmHWM, reset just before it), printed with what the process held before the step.
The XLSX read alone is timed with openpyxl (read-only, the reader before python-calamine) and calamine.
"""

import argparse
import datetime as dt
import multiprocessing
import os
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
from geo.importer import changes, files  # noqa: E402
from geo.regions import lookup  # noqa: E402

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
HEADERS = ["Nomor Dokumen", "Judul", "Jenis", "Bidang", "Pihak 1", "Pihak 2", "Tanggal Penandatanganan",
           "Nilai (Rp)", "Status"]


def _records(n: int, prefix: str):
    """(number, title, type, sector, party 1, party 2, signing date, value in rupiah, status) per row."""
    rng = random.Random(7)
    names = [r.name.replace("Kabupaten ", "Kab. ") for r in lookup.all_regions("regency")]
    for i in range(n):
        a, b = rng.sample(range(len(names)), 2)
        day = dt.date(rng.randint(2019, 2025), rng.randrange(12) + 1, rng.randint(1, 28))
        yield (f"{i + 1:06d}/PKS/{prefix}/2025", f"Kerja sama nomor {i + 1}", "PKS", "Pariwisata", names[a],
               names[b], day, rng.randint(1, 5000) * 1_000_000, "berjalan")


def make_csv(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8-sig") as fh:
        fh.write(";".join(HEADERS) + "\n")
        for *head, day, value, status in _records(n, "CSV"):
            rupiah = f"Rp {value:,}".replace(",", ".")
            fh.write(";".join([*head, f"{day.day} {MONTHS[day.month - 1]} {day.year}", rupiah, status]) + "\n")


def make_xlsx(path: Path, n: int) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Kerja Sama")
    ws.append(HEADERS)
    for *head, day, value, status in _records(n, "XLSX"):
        date_cell = WriteOnlyCell(ws, value=day)
        date_cell.number_format = "DD/MM/YYYY"
        ws.append([*head, date_cell, value, status])
    wb.save(path)


def _status_mb(key: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _start_peak() -> float:
    """Resets the process's peak memory (Linux: VmHWM) and returns the resident set size now."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:  # not Linux, or not allowed: the peak is then the process's lifetime peak
        pass
    return _status_mb("VmRSS")


def _peak_mb() -> float:
    """Peak resident set size since ``_start_peak`` (falls back to the lifetime maximum)."""
    peak = _status_mb("VmHWM")
    return peak if peak == peak else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _import(path: str, url: str, empty_first: bool) -> dict:
    """Dry run (read + plan) and commit of one file into one database, in a process of its own."""
    engine = storage.make_engine(url)
    if empty_first:
        from sqlalchemy import text

        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    storage.migrate(engine)
    lookup.default_store()  # region index loaded before timing
    before = _start_peak()
    t0 = time.perf_counter()
    plan = changes.plan_import(engine, "agreements", files.read_table(path))
    t1 = time.perf_counter()
    counts = changes.commit_import(engine, plan, actor=Principal("bench", "editor"))
    t2 = time.perf_counter()
    engine.dispose()
    return {"dry": t1 - t0, "commit": t2 - t1, "added": counts["add"], "rejected": counts["reject"],
            "peak": _peak_mb(), "before": before}


def _read(path: str, reader: str) -> dict:
    """The XLSX read alone (no plan), with one reader, in a process of its own."""
    data = Path(path).read_bytes()
    import openpyxl  # noqa: F401  imported before timing, as calamine is
    import python_calamine  # noqa: F401

    before = _start_peak()
    t0 = time.perf_counter()
    _, rows = {"openpyxl": files._read_xlsx_openpyxl, "calamine": files._read_xlsx_calamine,
               "read_table": lambda d: files._read_xlsx(d)}[reader](data)
    return {"seconds": time.perf_counter() - t0, "rows": len(rows), "peak": _peak_mb(), "before": before}


def _in_own_process(fn, *args) -> dict:
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(fn, args)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--database-url", help="a PostgreSQL (or other) database to import into, not emptied")
    args = parser.parse_args()
    n = args.rows
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        csv_path, xlsx_path = tmp / "agreements.csv", tmp / "agreements.xlsx"
        t0 = time.perf_counter()
        make_csv(csv_path, n)
        make_xlsx(xlsx_path, n)
        print(f"rows: {n}; CSV {csv_path.stat().st_size / 1e6:.1f} MB, XLSX {xlsx_path.stat().st_size / 1e6:.1f} MB "
              f"(written in {time.perf_counter() - t0:.0f} s, openpyxl write-only)")
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; the machine may be shared: figures vary")

        print("\nXLSX read only (rows as the row parser gets them), each in a fresh process:")
        for reader, label in (("openpyxl", "openpyxl read-only (before)"), ("calamine", "python-calamine"),
                              ("read_table", "read_table (zip checks + calamine)")):
            r = _in_own_process(_read, str(xlsx_path), reader)
            print(f"  {label:38} {r['seconds']:6.1f} s = {r['rows'] / r['seconds']:8.0f} rows/s; "
                  f"peak memory (RSS) {r['peak']:.0f} MB, {r['before']:.0f} MB before")

        databases = [(f"sqlite:///{tmp / 'bench-csv.db'}", f"sqlite:///{tmp / 'bench-xlsx.db'}", False)]
        test_pg = os.environ.get("SINERGI_TEST_DATABASE_URL")
        if args.database_url:
            databases.append((args.database_url, args.database_url, False))
        elif test_pg:
            databases.append((test_pg, test_pg, True))
        for csv_url, xlsx_url, empty_first in databases:
            print(f"\ndatabase: {storage.safe_url(csv_url)}".replace(str(tmp), "<tmp>").replace("-csv.db", "-*.db"))
            # the second file goes into the same database when it is a server: its own document numbers
            for fmt, path, url, empty in (("CSV", csv_path, csv_url, empty_first),
                                          ("XLSX", xlsx_path, xlsx_url, False)):
                r = _in_own_process(_import, str(path), url, empty)
                total = r["dry"] + r["commit"]
                print(f"  {fmt:4} accepted {r['added']}, rejected {r['rejected']}; "
                      f"dry run (read, parse, resolve, compare) {r['dry']:.1f} s = {n / r['dry']:.0f} rows/s; "
                      f"commit {r['commit']:.1f} s = {r['added'] / r['commit']:.0f} rows/s; "
                      f"total {total:.1f} s = {n / total:.0f} rows/s; "
                      f"peak memory (RSS) {r['peak']:.0f} MB, {r['before']:.0f} MB before")


if __name__ == "__main__":
    main()
