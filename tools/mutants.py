"""Mutation testing of the engine: do the tests catch a wrong answer?

    python3 run.py mutants [MODULE…] [--fresh]     # e.g. python3 run.py mutants geo/text/numbers.py

Rule: mutmut (pinned in requirements-dev.txt) makes one small fault at a time (a *mutant*: ``<`` for ``<=``,
``+`` for ``-``, another constant …) in each module asked for (default: every module of ``TESTS``), and runs
against it the tests of ``TESTS[module]`` that reach the function it changed (the module's doctests included,
except for the modules of ``NO_DOCTESTS``). A mutant is *killed* when a test fails, runs out of time or crashes;
otherwise it *survived*. Every survivor is either killed by a test that states the rule it broke, or explained in
``docs/mutants.md`` as equivalent (it cannot change any answer). The last line printed is ``killed K of N (P%)`` over all mutants of the modules asked
for; a line per module before it gives its figure and the wall time its run took.

One test process at a time (``--max-children 1``): it is a benchmark-style command, not part of CI. mutmut works
in ``.mutants/`` (git-ignored) and keeps a killed mutant's verdict while its function is unchanged; survivors are
tried again on every run, so a new test counts at once. ``--fresh`` starts from nothing (use it after weakening a
test: a cached kill is not re-checked).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutants"  # mutmut's working folders, one per module; each builds its mutated copy in "mutants/"
# What the tests read beside geo/ and tests/ (copied next to the mutated geo/, where config.ROOT then points).
ALSO_COPY = ("data", "ui", "app_pages", "serving", "app.py", ".streamlit", "pytest.ini")

# Each module under test → the test files that check its answers (its doctests run too).
TESTS: dict[str, tuple[str, ...]] = {
    # test_estimator.py is left out (its coverage check fits 300 panels: a minute a mutant on a loaded machine)
    "geo/analysis/estimator.py": ("tests/analysis/test_estimator_rules.py", "tests/analysis/test_estimator_weights.py",
                                  "tests/analysis/test_visit_month_window.py"),
    "geo/analysis/score.py": ("tests/analysis/test_score_rules.py", "tests/analysis/test_score_direction.py"),
    "geo/analysis/verdict.py": ("tests/analysis/test_verdict.py",),
    "geo/analysis/metrics.py": ("tests/analysis/test_metrics.py", "tests/analysis/test_metrics_period_edges.py"),
    "geo/text/periods.py": ("tests/text/test_periods.py", "tests/analysis/test_change.py"),
    # rows: parsed without a database (test_row_rules.py), and planned against an SQLite one; the whole import
    # (test_importer.py, test_read_as.py, test_visit_places.py) commits to PostgreSQL too: minutes a mutant
    "geo/importer/rows.py": ("tests/importer/test_row_rules.py", "tests/importer/test_import_rules.py",
                             "tests/importer/test_region_codes.py"),
    # resolver: each rule on a small region store (test_resolver_rules.py); test_resolver.py and
    # test_region_history.py index every region (90,000 names: seconds a mutant, more with mutmut's trampolines)
    "geo/regions/resolver.py": ("tests/regions/test_resolver_rules.py",),
    "geo/text/numbers.py": ("tests/text/test_numbers.py", "tests/maps/test_classes.py"),
    # accounts: each rule on a copied SQLite file with a cheap Argon2id hasher (test_account_rules.py);
    # test_access.py runs pages and the command line, and it and test_login_isolation.py hash with the real
    # settings (half a second a hash on a loaded machine): minutes a mutant
    "geo/access/accounts.py": ("tests/access/test_account_rules.py",),
    "geo/access/roles.py": ("tests/access/test_roles.py",),  # test_access.py: every write path refuses (slow)
    "geo/planner/itinerary.py": ("tests/planner/test_itinerary.py",),
}

# Modules whose doctests are left out of the run: resolver's examples resolve against the whole region store
# (its index takes seconds to build); test_resolver_rules.py holds the same examples on the small store.
NO_DOCTESTS = frozenset({"geo/regions/resolver.py"})

# mutmut's exit codes (mutmut/stats.py) that mean the tests noticed the mutant: a failure (1), pytest's internal
# error (3), out of time (SIGXCPU: 24, -24, 152; 36, 255) or killed by a signal (-9, -11).
KILLED_CODES = frozenset({1, 3, 24, -24, 36, 152, 255, -9, -11})
FAILED_CODES = frozenset({1, 3})  # a test failed: kept from run to run while the mutated function is unchanged


@dataclass(frozen=True)
class Figure:
    module: str
    killed: int
    total: int
    seconds: float
    survivors: tuple[str, ...]


def last_line(killed: int, total: int) -> str:
    """The run's closing line: ``killed K of N (P%)``, P to one decimal."""
    return f"killed {killed} of {total} ({100 * killed / total:.1f}%)" if total else f"killed {killed} of 0 (–)"


def read_figure(meta: Path, module: str, seconds: float) -> Figure:
    """A module's figure from mutmut's result file (``mutants/<module>.meta``, JSON: exit code per mutant) and the
    wall time its run took."""
    data = json.loads(meta.read_text())
    codes = data["exit_code_by_key"]
    survivors = tuple(sorted(name for name, code in codes.items() if code not in KILLED_CODES))
    return Figure(module, len(codes) - len(survivors), len(codes), seconds, survivors)


def report(figures: list[Figure]) -> str:
    """One line per module, then the total as the last line."""
    lines = [f"{f.module}: {last_line(f.killed, f.total)}, {f.seconds:.0f} s" for f in figures]
    lines += [f"  survived: {name}" for f in figures for name in f.survivors]
    lines.append(last_line(sum(f.killed for f in figures), sum(f.total for f in figures)))
    return "\n".join(lines)


def _workspace(module: str) -> Path:
    """mutmut's folder for one module (its own settings and results, so runs of other modules keep them)."""
    return WORK / module.removesuffix(".py").replace("/", ".")


def _setup_cfg(module: str) -> str:
    tests = [*TESTS[module], *([] if module in NO_DOCTESTS else [module])]  # the module itself: its doctests

    def listed(items) -> str:
        return "".join(f"\n    {item}" for item in items)

    return ("[mutmut]\nsource_paths = geo\n"
            f"only_mutate = {listed([module])}\n"
            f"also_copy = {listed(ALSO_COPY)}\n"
            f"pytest_add_cli_args_test_selection = {listed(tests)}\n"
            f"pytest_add_cli_args = {listed(['-p', 'no:cacheprovider'])}\n"
            "use_git_change_detection = false\n")


def _prepare(module: str, fresh: bool) -> Path:
    work = _workspace(module)
    if fresh and work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    for name in ("geo", "tests", *ALSO_COPY):
        link = work / name
        if not link.is_symlink():
            link.symlink_to(ROOT / name)
    (work / "setup.cfg").write_text(_setup_cfg(module))
    # Only a failed test is a final verdict; every other mutant (survived, no test reached it, not run, out of time
    # or crashed, which a loaded machine can cause) is tried again: tests may have been added since.
    meta = work / "mutants" / f"{module}.meta"
    if meta.exists():
        data = json.loads(meta.read_text())
        data["exit_code_by_key"] = {k: (v if v in FAILED_CODES else None) for k, v in data["exit_code_by_key"].items()}
        meta.write_text(json.dumps(data))
    return work


def main(argv: list[str]) -> int:
    fresh = "--fresh" in argv
    modules = [a for a in argv if a != "--fresh"] or list(TESTS)
    unknown = [m for m in modules if m not in TESTS]
    if unknown:
        print(f"not in tools/mutants.py's TESTS table: {', '.join(unknown)}; known: {', '.join(TESTS)}")
        return 2
    from geo import config  # the real checkout's region sources, not the mutated copy's neighbour folder

    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["SINERGI_WILAYAH_SOURCE"] = config.get("SINERGI_WILAYAH_SOURCE")
    # mutmut forks a test process per mutant: numeric libraries' thread pools do not survive a fork (a child can
    # wait forever on a lock held by a thread it does not have), and one process is all the run may use.
    env.update(OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    figures = []
    for module in modules:
        work = _prepare(module, fresh)
        start = time.monotonic()
        code = subprocess.call([sys.executable, "-m", "mutmut", "run", "--max-children", "1"], cwd=work, env=env)
        if code != 0:
            print(f"{module}: mutmut stopped with exit code {code}")
            return code
        figures.append(read_figure(work / "mutants" / f"{module}.meta", module, time.monotonic() - start))
        print(f"\n{report(figures[-1:]).splitlines()[0]}", flush=True)
    print()
    print(report(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
