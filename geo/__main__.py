"""Command line for administrators.

    python -m geo import visits|agreements FILE [--dry-run] [--lang id|en] [--actor NAME]
    python -m geo export DIR
    python -m geo restore DIR [--replace]
    python -m geo template visits|agreements FILE.xlsx
    python -m geo sample [--replace]
    python -m geo brief --out FILE [--region CODE] [--period FROM:TO] [--metric M] [--level L] [--lang id|en]

``brief`` writes a briefing file; the format follows the extension: ``.pptx`` (deck, with a slide for
``--region``), ``.pdf`` (the region brief with ``--region``, else the map), ``.png`` (300 dpi) or ``.svg``
(the national map, or the map of ``--region``'s regencies/districts). It exits 2 on bad input.

``import`` exits 0 when every row was accepted, 1 when some were rejected and
2 when the file is unusable. The database is the one the app uses
(``SINERGI_DATABASE_URL`` or the SQLite file in ``SINERGI_DATA_DIR``).
"""

from __future__ import annotations

import argparse
import getpass
import sys

from geo.messages import UserError

LABELS = {
    "id": {"add": "ditambah", "update": "diperbarui", "unchanged": "tidak berubah", "reject": "ditolak",
           "row": "baris", "dry": "uji coba: tidak ada yang disimpan", "done": "tersimpan",
           "summary": "Ringkasan"},
    "en": {"add": "added", "update": "updated", "unchanged": "unchanged", "reject": "rejected", "row": "row",
           "dry": "dry run: nothing was saved", "done": "saved", "summary": "Summary"},
}


def _engine():
    from geo import storage

    return storage.default_engine()


def cmd_import(args) -> int:
    from geo import importer

    lang = args.lang
    words = LABELS[lang]
    try:
        table = importer.read_table(args.file)
        plan = importer.plan_import(_engine(), args.kind, table)
    except UserError as exc:
        print(exc.text(lang), file=sys.stderr)
        return 2
    except OSError as exc:
        print(UserError("file.unreadable", reason=exc.strerror or str(exc)).text(lang), file=sys.stderr)
        return 2

    def progress(done: int, total: int) -> None:
        print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    if not args.dry_run:
        importer.commit_import(_engine(), plan, actor=args.actor, progress=progress)
        print(file=sys.stderr)
    counts = plan.counts()
    print(f"{words['summary']}: " + ", ".join(f"{counts[k]} {words[k]}" for k in ("add", "update", "unchanged",
                                                                                   "reject"))
          + f" ({words['dry'] if args.dry_run else words['done']})")
    if table.unknown_headers:
        print(("Kolom diabaikan: " if lang == "id" else "Columns ignored: ") + ", ".join(table.unknown_headers))
    for r in plan.rows:
        if r.action == "reject":
            print(f"  {words['row']} {r.number}: {words['reject']}: {r.reasons(lang)}")
        elif args.dry_run or args.verbose:
            print(f"  {words['row']} {r.number}: {words[r.action]}: {r.key}")
    return 1 if plan.rejected else 0


def cmd_export(args) -> int:
    from geo import backup

    counts = backup.export_backup(_engine(), args.dir)
    print(", ".join(f"{t}: {n}" for t, n in counts.items()))
    return 0


def cmd_restore(args) -> int:
    from geo import backup

    try:
        counts = backup.restore_backup(_engine(), args.dir, replace=args.replace)
    except backup.RestoreError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(", ".join(f"{t}: {n}" for t, n in counts.items()))
    return 0


def cmd_template(args) -> int:
    from geo import templates

    with open(args.file, "wb") as fh:
        fh.write(templates.template_xlsx(args.kind, args.lang))
    return 0


def cmd_sample(args) -> int:
    from geo import sample_data

    counts = sample_data.seed(_engine(), replace=args.replace)
    print(counts)
    return 0


def cmd_brief(args) -> int:
    from geo import briefing

    try:
        data = briefing.make_file(_engine(), args.out, region=args.region, period=args.period, metric=args.metric,
                                  level=args.level, lang=args.lang)
    except UserError as exc:
        print(exc.text(args.lang), file=sys.stderr)
        return 2
    with open(args.out, "wb") as fh:
        fh.write(data)
    print(f"{args.out}: {len(data):,} bytes")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("import", help="import visits or agreements from CSV/XLSX")
    p.add_argument("kind", choices=["visits", "agreements"])
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--lang", choices=["id", "en"], default="id")
    p.add_argument("--actor", default=getpass.getuser())
    p.add_argument("--verbose", action="store_true", help="list every row, not only the rejected ones")
    p.set_defaults(func=cmd_import)
    p = sub.add_parser("export", help="full backup into a folder")
    p.add_argument("dir")
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("restore", help="restore a backup folder")
    p.add_argument("dir")
    p.add_argument("--replace", action="store_true")
    p.set_defaults(func=cmd_restore)
    p = sub.add_parser("template", help="write an XLSX import template")
    p.add_argument("kind", choices=["visits", "agreements"])
    p.add_argument("file")
    p.add_argument("--lang", choices=["id", "en"], default="id")
    p.set_defaults(func=cmd_template)
    p = sub.add_parser("sample", help="seed the simulated sample data")
    p.add_argument("--replace", action="store_true")
    p.set_defaults(func=cmd_sample)
    p = sub.add_parser("brief", help="write a briefing file: .pptx deck, .pdf region brief or map, .png/.svg map")
    p.add_argument("--out", required=True, help="FILE.pptx, FILE.pdf, FILE.png or FILE.svg")
    p.add_argument("--region", help="region code, e.g. 32 or 32.73")
    p.add_argument("--period", help="FROM:TO, e.g. 2021:2025 or 2021-01:2025-06")
    p.add_argument("--metric", default="signed", choices=["score", "signed", "signed_per_100k", "value_idr",
                   "value_per_capita", "partners", "progressed_share", "stalled", "visits", "visits_per_100k"])
    p.add_argument("--level", default="province", choices=["province", "regency", "district"])
    p.add_argument("--lang", choices=["id", "en"], default="id")
    p.set_defaults(func=cmd_brief)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
