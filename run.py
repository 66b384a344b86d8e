#!/usr/bin/env python3
"""Sinergi's two commands; needs only python3.

    python3 run.py app    # set up .venv if needed, then launch the app
    python3 run.py test   # set up .venv if needed, then run every test
    python3 run.py serve --workers N [--port P]   # N app processes behind nginx (see serving/)
    python3 run.py mutants [MODULE…] [--fresh]    # mutation testing of the engine (tools/mutants.py); slow

Extra arguments go to streamlit (app) or pytest (test).

Offline install (the intranet has no internet; see README, "Offline install"):

    python3 run.py bundle [--out DIR] [--with-tests]   # on a connected machine: dist/sinergi-offline-<commit>.tar.gz
    python3 run.py install --from-bundle PATH [--tests]  # on the intranet: .venv from the bundle's wheels, no network
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tarfile
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
REQUIREMENTS = ROOT / "requirements.txt"  # what the app needs, every package pinned with its hashes
TEST_REQUIREMENTS = ROOT / "requirements-test.txt"  # the same pins plus the tests' packages
DEV_REQUIREMENTS = ROOT / "requirements-dev.txt"  # maintainers' tools (pip-tools, mutmut), at the test file's versions


def _python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _stamp(requirements: Path) -> Path:
    """Where .venv records the hash of the requirements file last installed into it."""
    return VENV / f".{requirements.stem}.sha256"


def ensure_venv(requirements: Path = REQUIREMENTS, find_links: list[Path] | None = None) -> Path:
    """Create .venv and install ``requirements`` (pip checks every file against its pinned hashes).

    With ``find_links`` pip installs from those folders only (``--no-index``, the machine's pip
    configuration ignored): nothing is fetched from the network.
    """
    wanted = hashlib.sha256(requirements.read_bytes()).hexdigest()
    if not _python().exists():
        print("Creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if not _stamp(requirements).exists() or _stamp(requirements).read_text().strip() != wanted:
        print(f"Installing {requirements.name} ...", flush=True)
        cmd = [str(_python()), "-m", "pip", "install", "--disable-pip-version-check", "-q",
               "--require-hashes", "-r", str(requirements)]
        env = None
        if find_links is not None:
            cmd += ["--no-index", *(f"--find-links={folder}" for folder in find_links)]
            env = _offline_pip_env()
        subprocess.run(cmd, check=True, env=env)
        _stamp(requirements).write_text(wanted)
        if requirements == TEST_REQUIREMENTS:
            # The test file pins the runtime set at the same versions (tests/test_requirements.py).
            _stamp(REQUIREMENTS).write_text(hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest())
    return _python()


def serve_command(python: Path, args: list[str]) -> list[str]:
    """``run.py serve``: the supervisor of ``serving/`` (nginx in front of N Streamlit workers)."""
    return [str(python), "-m", "serving", *args]


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("app", "test", "serve", "mutants"):
        print(__doc__)
        return 2
    python = ensure_venv(TEST_REQUIREMENTS if argv[0] in ("test", "mutants") else REQUIREMENTS)
    if argv[0] == "mutants":
        python = ensure_venv(DEV_REQUIREMENTS)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if argv[0] == "app":
        from serving.flags import streamlit_flags  # production flags: nothing leaves the network

        cmd = [str(python), "-m", "streamlit", "run", str(ROOT / "app.py"), *streamlit_flags(), *argv[1:]]
    elif argv[0] == "serve":
        cmd = serve_command(python, argv[1:])
    elif argv[0] == "mutants":
        cmd = [str(python), "-m", "tools.mutants", *argv[1:]]
    else:
        cmd = [str(python), "-m", "pytest", *argv[1:]]
    return subprocess.call(cmd, cwd=ROOT, env=env)


def _offline_pip_env() -> dict[str, str]:
    """pip's environment for an install that must not use the network: no index, no configured sources."""
    env = {k: v for k, v in os.environ.items() if k not in ("PIP_EXTRA_INDEX_URL", "PIP_FIND_LINKS")}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_NO_INDEX="1")
    return env


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()


INSTALL_TXT = """Sinergi {commit}: offline bundle (no network needed to install)

Commit {commit} of {built}; wheels for CPython {python} on {platform}, and only that
(Linux x86_64, glibc {glibc} or newer). Contents: the app (git archive of
commit {commit}, data/ included), wheels/ (every package in
requirements.txt, pinned and hash-checked){tests_line}.

Install (as the user who will run the app):

    tar xzf {name}.tar.gz
    cd {name}
    python3 run.py install --from-bundle .{tests_flag}
    python3 run.py app

pip installs from wheels/ only (--no-index --require-hashes) into .venv; after
that `python3 run.py app` starts without installing anything. Settings,
first admin and backups: README.md.
"""


def build_bundle(out: Path, with_tests: bool) -> Path:
    """``run.py bundle``: the app at HEAD and a wheel of every pinned package, in one .tar.gz.

    Needs the package index (pip download, hash-checked against the requirements files) and git.
    The wheels are for this interpreter and platform (the intranet's: CPython 3.11, Linux x86_64).
    """
    commit = _git("rev-parse", "--short", "HEAD")
    if _git("status", "--porcelain", "--untracked-files=no"):
        print("Note: uncommitted changes are not in the bundle (it holds HEAD).", flush=True)
    name = f"sinergi-offline-{commit}"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sinergi-bundle-") as tmp:
        stage = Path(tmp) / name
        stage.mkdir()
        archive = subprocess.run(["git", "archive", "--format=tar", "HEAD"], cwd=ROOT, check=True,
                                 capture_output=True).stdout
        archive_path = Path(tmp) / "app.tar"
        archive_path.write_bytes(archive)
        with tarfile.open(archive_path) as tar:
            tar.extractall(stage, filter="data")
        archive_path.unlink()
        pip = _download_pip(Path(tmp) / "pip-venv")
        print("Downloading wheels ...", flush=True)
        _download(pip, stage / "requirements.txt", stage / "wheels", [])
        if with_tests:
            _download(pip, stage / "requirements-test.txt", stage / "wheels-test", [stage / "wheels"])
            runtime = {w.name for w in (stage / "wheels").iterdir()}
            for wheel in (stage / "wheels-test").iterdir():
                if wheel.name in runtime:
                    wheel.unlink()
        wheels = [w.name for w in (stage / "wheels").iterdir()]
        glibc = max((g for g in map(_glibc_needed, wheels) if g), default=None)
        (stage / "INSTALL.txt").write_text(INSTALL_TXT.format(
            commit=commit, name=name, built=_git("log", "-1", "--format=%cI"),
            python=".".join(map(str, sys.version_info[:2])), platform=sys.platform + " " + os.uname().machine,
            glibc=".".join(map(str, glibc)) if glibc else "any",
            tests_line=", wheels-test/ (the tests' extra packages)" if with_tests else "",
            tests_flag=" --tests   # --tests: also the test suite's packages" if with_tests else ""))
        target = out / f"{name}.tar.gz"
        with tarfile.open(target, "w:gz", compresslevel=1) as tar:  # wheels are compressed already
            tar.add(stage, arcname=name)
    return target


def _glibc_needed(wheel: str) -> tuple[int, int] | None:
    """The oldest glibc a wheel runs on, from its manylinux platform tags (None: pure Python)."""
    legacy = {"manylinux1": (2, 5), "manylinux2010": (2, 12), "manylinux2014": (2, 17)}
    versions = [legacy.get(tag.split("_")[0]) or tuple(int(x) for x in tag.split("_")[1:3])
                for tag in wheel[:-4].split("-")[-1].split(".") if tag.startswith("manylinux")]
    return min(versions) if versions else None


def _download_pip(where: Path) -> Path:
    """A throw-away venv's pip (the same ensurepip version that installs the bundle)."""
    venv.EnvBuilder(with_pip=True).create(where)
    return where / "bin" / "python"


def _download(python: Path, requirements: Path, dest: Path, find_links: list[Path]) -> None:
    subprocess.run([str(python), "-m", "pip", "download", "--disable-pip-version-check", "-q",
                    "--only-binary=:all:", "--require-hashes", "-r", str(requirements), "-d", str(dest),
                    *(f"--find-links={folder}" for folder in find_links)], check=True)


def install_from_bundle(bundle: Path, tests: bool) -> Path:
    """``run.py install --from-bundle PATH``: .venv from a bundle (its folder or its .tar.gz), no network."""
    with tempfile.TemporaryDirectory(prefix="sinergi-wheels-") as tmp:
        if bundle.is_file():
            with tarfile.open(bundle) as tar:
                members = [m for m in tar.getmembers()
                           if m.name.split("/")[1:2] in (["wheels"], ["wheels-test"], ["requirements.txt"],
                                                         ["requirements-test.txt"])]
                tar.extractall(tmp, members=members, filter="data")
            roots = [p for p in Path(tmp).iterdir() if p.is_dir()]
            if len(roots) != 1:
                raise SystemExit(f"{bundle}: not a Sinergi bundle (made by python3 run.py bundle)")
            bundle = roots[0]
        wanted = TEST_REQUIREMENTS if tests else REQUIREMENTS
        if not (bundle / "wheels").is_dir() or not (bundle / wanted.name).is_file():
            raise SystemExit(f"{bundle}: not a Sinergi bundle (no wheels/ or {wanted.name})")
        if (bundle / wanted.name).read_bytes() != wanted.read_bytes():
            raise SystemExit(f"{bundle}: built from other requirements than this copy's {wanted.name}; "
                             "use the app from the bundle itself")
        folders = [bundle / "wheels"]
        if tests:
            if not (bundle / "wheels-test").is_dir():
                raise SystemExit(f"{bundle}: has no test wheels (build it with: run.py bundle --with-tests)")
            folders.append(bundle / "wheels-test")
        return ensure_venv(wanted, find_links=folders)


def offline_main(argv: list[str]) -> int:
    """``bundle`` and ``install`` (see the module docstring)."""
    import argparse

    parser = argparse.ArgumentParser(prog=f"run.py {argv[0]}")
    if argv[0] == "bundle":
        parser.add_argument("--out", type=Path, default=ROOT / "dist", help="folder of the .tar.gz (dist/)")
        parser.add_argument("--with-tests", action="store_true", help="also the tests' wheels (wheels-test/)")
        args = parser.parse_args(argv[1:])
        print(build_bundle(args.out.resolve(), args.with_tests))
    else:
        parser.add_argument("--from-bundle", type=Path, required=True, help="the bundle's .tar.gz or folder")
        parser.add_argument("--tests", action="store_true", help="also the tests' packages")
        args = parser.parse_args(argv[1:])
        try:
            install_from_bundle(args.from_bundle.resolve(), args.tests)
        except subprocess.CalledProcessError:
            print("pip could not install from the bundle (its message is above): a wheel is missing or differs "
                  "from its pinned hash. Nothing was fetched; .venv is incomplete.", file=sys.stderr)
            return 1
        print("Installed into .venv without the network; start the app with: python3 run.py app")
    return 0


if __name__ == "__main__":
    sys.exit(offline_main(sys.argv[1:]) if sys.argv[1:2] in (["bundle"], ["install"]) else main(sys.argv[1:]))
