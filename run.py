#!/usr/bin/env python3
"""Sinergi's two commands; needs only python3.

    python3 run.py app    # set up .venv if needed, then launch the app
    python3 run.py test   # set up .venv if needed, then run every test
    python3 run.py serve --workers N [--port P]   # N app processes behind nginx (see serving/)

Extra arguments go to streamlit (app) or pytest (test).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
REQUIREMENTS = ROOT / "requirements.txt"
STAMP = VENV / ".requirements.sha256"


def _python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv() -> Path:
    wanted = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    if not _python().exists():
        print("Creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        print("Installing requirements ...", flush=True)
        subprocess.run([str(_python()), "-m", "pip", "install", "--disable-pip-version-check", "-q",
                        "-r", str(REQUIREMENTS)], check=True)
        STAMP.write_text(wanted)
    return _python()


def serve_command(python: Path, args: list[str]) -> list[str]:
    """``run.py serve``: the supervisor of ``serving/`` (nginx in front of N Streamlit workers)."""
    return [str(python), "-m", "serving", *args]


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("app", "test", "serve"):
        print(__doc__)
        return 2
    python = ensure_venv()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if argv[0] == "app":
        from serving.flags import streamlit_flags  # production flags: nothing leaves the network

        cmd = [str(python), "-m", "streamlit", "run", str(ROOT / "app.py"), *streamlit_flags(), *argv[1:]]
    elif argv[0] == "serve":
        cmd = serve_command(python, argv[1:])
    else:
        cmd = [str(python), "-m", "pytest", *argv[1:]]
    return subprocess.call(cmd, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
