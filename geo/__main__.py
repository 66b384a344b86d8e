"""Command line for administrators.

    python -m geo import visits|agreements FILE [--dry-run] [--lang id|en] --user NAME
    python -m geo export DIR
    python -m geo backup --dir DIR [--keep N]
    python -m geo restore DIR [--replace] --user ADMIN
    python -m geo template visits|agreements FILE.xlsx
    python -m geo sample [--replace [--force]] --user NAME
    python -m geo user add NAME [--role viewer|editor|admin] [--user ADMIN]
    python -m geo user list|set-role NAME ROLE|set-password NAME|disable NAME|enable NAME|remove NAME --user ADMIN
    python -m geo brief --out FILE [--region CODE] [--period FROM:TO] [--metric M] [--level L] [--lang id|en]
                        [--plan REF] [--labels|--no-labels]
    python -m geo impact --out FILE.csv|FILE.xlsx [--level province|regency] [--period FROM:TO] [--lang id|en]
    python -m geo export-map --out FILE.gpkg|FILE.zip|FILE.geojson|FILE.kml [--level L] [--metric M]
                             [--period FROM:TO] [--region CODE] [--lang id|en]
    python -m geo import-boundaries FILE.zip|FILE.gpkg --level L --code-field F [--layer NAME] [--out DIR]
    python -m geo report --period 2026-Q3|2026-09 --out FILE.pdf|FILE.xlsx [--lang id|en]
    python -m geo planner-warm [--level regency province]

Commands that write need the credentials of an editor (import, sample) or an
admin (restore, user, sample --replace): ``--user NAME`` (or ``SINERGI_USER``), the password from
``SINERGI_PASSWORD`` or else asked for at a prompt. A new password (``user add``,
``user set-password``) comes from ``SINERGI_NEW_PASSWORD`` or a prompt. Passwords
are never taken on the command line and never printed. ``user add`` without
``--user`` works only while there is no active admin: that is how a fresh
install gets its first admin.

``brief`` writes a briefing file; the format follows the extension: ``.pptx`` (deck, with a slide for
``--region``), ``.pdf`` (the region brief with ``--region``, else the map), ``.png`` (300 dpi) or ``.svg``
(the national map, or the map of ``--region``'s regencies/districts); ``--labels``/``--no-labels`` prints region
names on the map or not (default: on for provinces and one region's regencies/districts, ``geo.maps.map_labels``).
It exits 2 on bad input.
``impact`` writes the impact of visits, one row per province or regency/city
(``geo.analysis.impact_table``), as CSV or XLSX; it exits 2 on bad input. ``export-map`` writes the map layer
of a view (the same as ``brief`` draws) as a GIS file, the format from the extension (``geo.io.gis_export``);
it exits 2 on bad input. The three exit 2 with a message on an empty database (nothing imported yet).
``report`` writes the monitoring report of a month or quarter (``geo.monitoring.report``) as PDF or XLSX, for
cron: it exits 2 with a message and writes nothing on a bad period, extension or folder or an empty database.
``import-boundaries`` puts official boundaries of one level (a zipped Shapefile or a GeoPackage, any CRS)
into the region data after checking them against the region codes (``geo.io.gis_import``); it exits 2 and
changes nothing when the file, its CRS or its codes do not fit.

``import`` exits 0 when every row was accepted, 1 when some were rejected and
2 when the file is unusable, 4 when the database failed during the import (nothing
saved). Every command exits 3 when the login fails or the user's role is too low,
``backup`` 1 when the backup failed. The database is the one the app uses (``SINERGI_DATABASE_URL`` or the SQLite file in ``SINERGI_DATA_DIR``).

What ``import`` prints and every user error follow ``--lang``; ``import``'s words are in the catalog
(``geo/text/words/cli.py``, keys ``cli.*``). The other commands' own lines are English, for administrators.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import tempfile
import time
from pathlib import Path

from geo import config, events
from geo.access.roles import AccessDenied
from geo.text.catalog import text
from geo.text.messages import UserError


def _engine():
    from geo.db import storage

    return storage.default_engine()


class LoginFailed(Exception):
    pass


def _password(variable: str, prompt: str, *, confirm: bool = False) -> str:
    value = config.get(variable)
    if value:
        return value
    if not sys.stdin.isatty():
        raise LoginFailed(f"{variable} is not set and there is no terminal to ask for the password")
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("(again) " + prompt) != value:
        raise LoginFailed("the passwords differ")
    return value


def _principal(args):
    """The acting user from --user/SINERGI_USER and SINERGI_PASSWORD or a prompt."""
    from geo.access import accounts

    name = getattr(args, "user", None) or config.get("SINERGI_USER")
    if not name:
        raise LoginFailed("--user NAME (or SINERGI_USER) is required for this command")
    password = _password("SINERGI_PASSWORD", f"Password for {name}: ")
    try:
        return accounts.authenticate(_engine(), name, password, client="cli")
    except UserError as exc:
        raise LoginFailed(exc.text(getattr(args, "lang", "id"))) from exc


def cmd_import(args) -> int:
    from geo.importer import changes, files

    lang = args.lang
    principal = None if args.dry_run else _principal(args)
    try:
        table = files.read_table(args.file)
        plan = changes.plan_import(_engine(), args.kind, table)
    except UserError as exc:
        print(exc.text(lang), file=sys.stderr)
        return 2
    except OSError as exc:
        print(UserError("file.unreadable", reason=exc.strerror or str(exc)).text(lang), file=sys.stderr)
        return 2

    def progress(done: int, total: int) -> None:
        print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    if not args.dry_run:
        from sqlalchemy.exc import DBAPIError

        try:
            changes.commit_import(_engine(), plan, actor=principal, progress=progress)
        except DBAPIError as exc:  # the database went away or refused: the transaction did not commit
            first_line = (str(exc.orig).splitlines() or [""])[0][:300]
            print("\n" + text("cli.import_failed", lang, reason=first_line), file=sys.stderr)
            return 4
        print(file=sys.stderr)
    counts = plan.counts()
    print(f"{text('cli.summary', lang)}: "
          + ", ".join(f"{counts[k]} {text(f'cli.{k}', lang)}" for k in ("add", "update", "unchanged", "reject"))
          + f" ({text('cli.dry' if args.dry_run else 'cli.done', lang)})")
    if table.unknown_headers:
        print(text("cli.ignored", lang, columns=", ".join(table.unknown_headers)))
    for r in plan.rows:
        if r.action == "reject":
            print(f"  {text('cli.row', lang)} {r.number}: {text('cli.reject', lang)}: {r.reasons(lang)}")
        elif args.dry_run or args.verbose:
            print(f"  {text('cli.row', lang)} {r.number}: {text(f'cli.{r.action}', lang)}: {r.key}")
    return 1 if plan.rejected else 0


def cmd_export(args) -> int:
    from geo.records import backup

    counts = backup.export_backup(_engine(), args.dir)
    print(", ".join(f"{t}: {n}" for t, n in counts.items()))
    return 0


def cmd_backup(args) -> int:
    from geo.records import backup

    try:
        folder, counts, removed = backup.scheduled_backup(_engine(), args.dir, keep=args.keep)
    except Exception as exc:  # cron reads the exit code and the message; no password is in either
        first_line = (str(exc).splitlines() or [""])[0][:300]  # driver messages name host and port, not passwords
        print(f"backup failed: {type(exc).__name__}: {first_line}", file=sys.stderr)
        return 1
    print(f"{folder}: " + ", ".join(f"{t}: {n}" for t, n in counts.items()))
    for old in removed:
        print(f"removed {old}")
    return 0


def cmd_restore(args) -> int:
    from geo.records import backup

    principal = _principal(args)
    try:
        counts = backup.restore_backup(_engine(), args.dir, principal, replace=args.replace)
    except backup.RestoreError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(", ".join(f"{t}: {n}" for t, n in counts.items()))
    return 0


def cmd_template(args) -> int:
    from geo.importer import templates

    with open(args.file, "wb") as fh:
        fh.write(templates.template_xlsx(args.kind, args.lang))
    return 0


def cmd_sample(args) -> int:
    from geo.records import sample

    counts = sample.seed(_engine(), _principal(args), replace=args.replace, force=args.force)
    print(counts)
    return 0


def cmd_planner_warm(args) -> int:
    """Compute the planner backtest's replay of each level and keep it on disk (``geo.planner.replay_store``); a
    level already kept is only checked. One such process at a time per data folder; it looks at the data again
    when done and computes again while they changed meanwhile (at most 5 rounds). Started in the background by
    the app."""
    from geo.planner import rank, replay_store
    from geo.records import read

    eng = _engine()
    with replay_store.warm_lock() as mine:
        if not mine:
            print("another planner-warm is running for this data folder")
            return 0
        for _ in range(5):
            agreements, visits = read.agreements_frame(eng), read.visits_frame(eng)
            todo = [h for h in (rank.prepare(agreements, visits, level=level) for level in args.level)
                    if not replay_store.stored(h)]
            if not todo:
                break
            for hist in todo:
                t0 = time.perf_counter()
                months = replay_store.load_or_replay(hist)
                print(f"{hist.level}: {len(months)} months, computed and kept ({time.perf_counter() - t0:.1f} s)")
        print("the planner's backtest months are kept for the data as they are now: " + ", ".join(args.level))
    return 0


def cmd_user(args) -> int:
    from geo.access import accounts

    eng = _engine()
    if args.action == "add" and not (args.user or config.get("SINERGI_USER")):
        if accounts.has_admin(eng) or args.role != "admin":
            raise AccessDenied("user.bootstrap_closed")
        accounts.bootstrap_admin(eng, args.name, _password("SINERGI_NEW_PASSWORD", f"New password for {args.name}: ",
                                                           confirm=True))
        print(f"{args.name}: admin")
        return 0
    admin = _principal(args)
    if args.action == "add":
        accounts.add_user(eng, admin, args.name, _password("SINERGI_NEW_PASSWORD", f"New password for {args.name}: ",
                                                           confirm=True), args.role)
        print(f"{args.name}: {args.role}")
    elif args.action == "list":
        for u in accounts.list_users(eng, admin):
            last = u.last_login_at.isoformat(timespec="minutes") if u.last_login_at else "-"
            print(f"{u.username}\t{u.role}\t{'active' if u.active else 'disabled'}\tlast login {last}")
    elif args.action == "set-role":
        accounts.set_role(eng, admin, args.name, args.role_value)
        print(f"{args.name}: {args.role_value}")
    elif args.action == "set-password":
        accounts.set_password(eng, admin, args.name, _password("SINERGI_NEW_PASSWORD",
                                                               f"New password for {args.name}: ", confirm=True))
        print(f"{args.name}: password changed")
    elif args.action in ("disable", "enable"):
        accounts.set_active(eng, admin, args.name, args.action == "enable")
        print(f"{args.name}: {args.action}d")
    elif args.action == "remove":
        accounts.remove_user(eng, admin, args.name)
        print(f"{args.name}: removed")


def _write_whole(path: Path, data: bytes, kind: str) -> None:
    """Write ``data`` to ``path`` all or nothing: through a temporary file in the same folder, so a failed
    write leaves no half file and an existing file as it was. A written file is one ``export`` line of the event
    log (``kind``: brief, impact, map layer)."""
    tmp = None
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", delete=False) as fh:
            tmp = Path(fh.name)
            fh.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # the permissions a plain open() would give, not the temporary file's 0600
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise UserError("file.not_written", text=str(path), reason=exc.strerror or str(exc)) from None
    events.log("export", kind=kind, format=path.suffix.lstrip(".").lower(), file=path.name, bytes=len(data),
               via="cli")


def cmd_brief(args) -> int:
    from geo.briefings import maker

    try:
        folder = Path(args.out).parent
        if not folder.is_dir():  # checked first: no rendering for a file that cannot be written
            raise UserError("file.no_folder", text=str(folder))
        data = maker.make_file(_engine(), args.out, region=args.region, period=args.period, metric=args.metric,
                                  level=args.level, lang=args.lang, plan=args.plan, labels=args.labels)
        _write_whole(Path(args.out), data, "brief")
    except UserError as exc:
        print(exc.text(args.lang), file=sys.stderr)
        return 2
    print(f"{args.out}: {len(data):,} bytes")
    return 0


def cmd_impact(args) -> int:
    from geo.analysis import impact_table
    from geo.analysis.context import Context
    from geo.briefings import maker
    from geo.maps import map_view
    from geo.records import exports, read

    try:
        out = Path(args.out)
        ext = out.suffix.lower()
        if ext not in (".csv", ".xlsx"):
            raise UserError("impact.extension", text=ext or str(out))
        impact_table.check_level(args.level)
        start, end = map_view.parse_period(args.period) if args.period else (None, None)
        if not out.parent.is_dir():
            raise UserError("file.no_folder", text=str(out.parent))
        eng = _engine()
        ctx = Context(read.agreements_frame(eng), read.visits_frame(eng))
        maker.check_not_empty(ctx)
        frame = impact_table.table(ctx, level=args.level, start=start, end=end, lang=args.lang)
        data = exports.to_csv_bytes(frame) if ext == ".csv" else exports.to_xlsx_bytes(frame, sheet="impact")
        _write_whole(out, data, "impact")
    except UserError as exc:
        print(exc.text(args.lang), file=sys.stderr)
        return 2
    print(f"{args.out}: {len(frame):,} rows")
    return 0


def cmd_export_map(args) -> int:
    from geo.analysis.context import Context
    from geo.briefings import maker
    from geo.io import gis_export
    from geo.maps import map_view
    from geo.records import read
    from geo.regions import lookup

    try:
        out = Path(args.out)
        fmt = gis_export.format_of(out)
        region = maker.check_region(args.region)
        start, end = map_view.parse_period(args.period) if args.period else (None, None)
        level = lookup.CHILD_LEVEL[lookup.level_of(region)] if region else args.level
        maker.check_metric(args.metric, level)
        if not out.parent.is_dir():
            raise UserError("file.no_folder", text=str(out.parent))
        eng = _engine()
        ctx = Context(read.agreements_frame(eng), read.visits_frame(eng))
        maker.check_not_empty(ctx)
        spec = map_view.Spec(level=level, metric=args.metric, within=region or "", start=start, end=end)
        frame = gis_export.layer(map_view.compute(spec, ctx, lang=args.lang))
        _write_whole(out, gis_export.to_bytes(frame, fmt), "map_layer")
    except UserError as exc:
        print(exc.text(args.lang), file=sys.stderr)
        return 2
    print(f"{args.out}: {len(frame):,} regions, {out.stat().st_size:,} bytes")
    return 0


def cmd_report(args) -> int:
    from geo.monitoring import report

    try:
        out = Path(args.out)
        ext = report.check_extension(out)
        period = report.parse_period(args.period)
        if not out.parent.is_dir():
            raise UserError("file.no_folder", text=str(out.parent))
        made = report.from_database(_engine(), period, lang=args.lang)
        _write_whole(out, report.file_bytes(made, ext), "report")
    except UserError as exc:
        print(exc.text(args.lang), file=sys.stderr)
        return 2
    print(f"{args.out}: {period.code}, {out.stat().st_size:,} bytes")
    return 0


def cmd_import_boundaries(args) -> int:
    from geo.io import gis_import

    try:
        result = gis_import.import_boundaries(args.file, level=args.level, code_field=args.code_field,
                                              layer=args.layer, out=Path(args.out) if args.out else None)
    except UserError as exc:
        print(exc.text(args.lang), file=sys.stderr)
        return 2
    print(result.summary())
    return 0


def main(argv: list[str] | None = None) -> int:
    from geo.regions.lookup import MAP_LEVELS

    parser = argparse.ArgumentParser(prog="python -m geo", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("import", help="import visits or agreements from CSV/XLSX")
    p.add_argument("kind", choices=["visits", "agreements"])
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--lang", choices=["id", "en"], default="id")
    p.add_argument("--user", help="editor or admin writing the records (not needed with --dry-run)")
    p.add_argument("--verbose", action="store_true", help="list every row, not only the rejected ones")
    p.set_defaults(func=cmd_import)
    p = sub.add_parser("export", help="full backup into a folder")
    p.add_argument("dir")
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("backup", help="consistent, timestamped backup with retention (for cron)")
    p.add_argument("--dir", required=True, help="folder holding the timestamped backups")
    p.add_argument("--keep", type=int, default=None, help="keep only the newest N backups")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help="restore a backup folder (admin)")
    p.add_argument("dir")
    p.add_argument("--replace", action="store_true")
    p.add_argument("--user", help="admin")
    p.set_defaults(func=cmd_restore)
    p = sub.add_parser("template", help="write an XLSX import template")
    p.add_argument("kind", choices=["visits", "agreements"])
    p.add_argument("file")
    p.add_argument("--lang", choices=["id", "en"], default="id")
    p.set_defaults(func=cmd_template)
    p = sub.add_parser("sample", help="seed the simulated sample data")
    p.add_argument("--replace", action="store_true", help="replace every record by a fresh sample (admin)")
    p.add_argument("--force", action="store_true", help="with --replace: even when real records exist")
    p.add_argument("--user", help="editor (admin for --replace)")
    p.set_defaults(func=cmd_sample)
    p = sub.add_parser("planner-warm", help="compute the planner backtest's months and keep them on disk")
    p.add_argument("--level", nargs="+", default=["regency", "province"], choices=["regency", "province"])
    p.set_defaults(func=cmd_planner_warm)
    p = sub.add_parser("user", help="manage users (admin)")
    users = p.add_subparsers(dest="action", required=True)
    for action in ("add", "set-role", "set-password", "disable", "enable", "remove", "list"):
        q = users.add_parser(action)
        if action != "list":
            q.add_argument("name")
        if action == "add":
            q.add_argument("--role", choices=["viewer", "editor", "admin"], default="viewer")
        if action == "set-role":
            q.add_argument("role_value", choices=["viewer", "editor", "admin"])
        q.add_argument("--user", help="admin doing this")
        q.add_argument("--lang", choices=["id", "en"], default="id")
        q.set_defaults(func=cmd_user)
    p = sub.add_parser("brief", help="write a briefing file: .pptx deck, .pdf region brief or map, .png/.svg map")
    p.add_argument("--out", required=True, help="FILE.pptx, FILE.pdf, FILE.png or FILE.svg")
    p.add_argument("--region", help="region code, e.g. 32 or 32.73")
    p.add_argument("--period", help="FROM:TO, e.g. 2021:2025 or 2021-01:2025-06")
    p.add_argument("--metric", default="signed", choices=["score", "signed", "change", "signed_per_100k", "value_idr",
                   "value_per_capita", "partners", "progressed_share", "stalled", "visits", "visits_per_100k"])
    p.add_argument("--level", default="province", choices=list(MAP_LEVELS))
    p.add_argument("--lang", choices=["id", "en"], default="id")
    p.add_argument("--plan", help="reference of a planned visit (from the planner) for the deck's itinerary slides")
    p.add_argument("--labels", action=argparse.BooleanOptionalAction, default=None,
                   help="region names on the map (default: on for provinces and one region's regencies/districts)")
    p.set_defaults(func=cmd_brief)
    p = sub.add_parser("impact", help="write the impact of visits per region as a CSV or XLSX table")
    p.add_argument("--out", required=True, help="FILE.csv or FILE.xlsx")
    p.add_argument("--level", default="province", help="province or regency")
    p.add_argument("--period", help="FROM:TO, e.g. 2021:2025 or 2021-01:2025-06")
    p.add_argument("--lang", choices=["id", "en"], default="id")
    p.set_defaults(func=cmd_impact)
    p = sub.add_parser("export-map", help="write the map layer as a GIS file: .gpkg, .zip (Shapefile), .geojson, .kml")
    p.add_argument("--out", required=True, help="FILE.gpkg, FILE.zip (Shapefile), FILE.geojson or FILE.kml")
    p.add_argument("--level", default="province", choices=list(MAP_LEVELS))
    p.add_argument("--metric", default="signed", choices=["score", "signed", "change", "signed_per_100k", "value_idr",
                   "value_per_capita", "partners", "progressed_share", "stalled", "visits", "visits_per_100k"])
    p.add_argument("--period", help="FROM:TO, e.g. 2021:2025 or 2021-01:2025-06")
    p.add_argument("--region", help="a province or regency code: its regencies or districts")
    p.add_argument("--lang", choices=["id", "en"], default="id")
    p.set_defaults(func=cmd_export_map)
    p = sub.add_parser("report", help="write the monitoring report of a month or quarter as PDF or XLSX")
    p.add_argument("--period", required=True, help="a quarter (2026-Q3) or a month (2026-09)")
    p.add_argument("--out", required=True, help="FILE.pdf or FILE.xlsx")
    p.add_argument("--lang", choices=["id", "en"], default="id")
    p.set_defaults(func=cmd_report)
    p = sub.add_parser("import-boundaries", help="put official boundaries (Shapefile .zip or GeoPackage) into data/")
    p.add_argument("file", help="FILE.zip (Shapefile) or FILE.gpkg, any CRS")
    p.add_argument("--level", required=True, choices=list(MAP_LEVELS))
    p.add_argument("--code-field", required=True, help="the field holding the Kemendagri code, e.g. 32.73")
    p.add_argument("--layer", help="the layer to read (a GeoPackage with several)")
    p.add_argument("--out", help="write into this folder instead of the region data folder (data/)")
    p.add_argument("--lang", choices=["id", "en"], default="id")
    p.set_defaults(func=cmd_import_boundaries)
    args = parser.parse_args(argv)
    problems = config.check_all()
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2
    if args.command == "backup" and args.keep is not None and args.keep < 1:
        parser.error("--keep must be at least 1")
    try:
        return args.func(args)
    except LoginFailed as exc:
        print(str(exc), file=sys.stderr)
        return 3
    except AccessDenied as exc:
        print(exc.text(getattr(args, "lang", "id")), file=sys.stderr)
        return 3
    except UserError as exc:
        print(exc.text(getattr(args, "lang", "id")), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
