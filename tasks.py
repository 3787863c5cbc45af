#!/usr/bin/env python3
"""The project's tasks, runnable with nothing but Python 3.11:

  python3 tasks.py map     create .venv, install, build the map of the seeds into maps/
  python3 tasks.py test    create .venv, install, run the test suite
  python3 tasks.py lint    ruff and mypy over the code (CI runs it after the tests)
  python3 tasks.py bench   run the benchmarks (pass --shared ../shared for the corpora)
  python3 tasks.py screenshot   build the seeds map and picture it (docs/map.png; needs Chromium)
  python3 tasks.py lock    rewrite constraints.txt from the current .venv

The virtual environment is (re)installed whenever pyproject.toml or constraints.txt
changes; installs are pinned by constraints.txt so a fresh machine gets what was tested.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"
STAMP = VENV / ".geo-installed"


def run(*cmd: str | Path, **kw) -> None:
    print("+", " ".join(map(str, cmd)), file=sys.stderr, flush=True)
    code = subprocess.call([str(c) for c in cmd], cwd=ROOT, **kw)
    if code:
        sys.exit(code)


def ensure_venv() -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"geo needs Python 3.11 or newer; this is {sys.version.split()[0]}. Run: python3.11 tasks.py ...")
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + (ROOT / "constraints.txt").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == want and PY.exists():
        return
    if not PY.exists():
        print(f"creating {VENV}", file=sys.stderr)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PY, "-m", "pip", "install", "--quiet", "-c", "constraints.txt", "-e", ".[test]")
    STAMP.write_text(want)


def task_map(args: list[str]) -> None:
    ensure_venv()
    # The seeds demo: its articles and, asked for by name, their reviewed records.
    run(BIN / "geo", "build", "seeds", "--curated", "data/incidents.csv", "-o", "maps/seeds.html", *args)


def task_test(args: list[str]) -> None:
    ensure_venv()
    if not shutil.which("chromium"):
        print("note: Chromium not found, the map's browser tests will be skipped "
              "(Debian: apt-get install chromium)", file=sys.stderr)
    run(PY, "-m", "pytest", *args)


def task_lint(args: list[str]) -> None:
    ensure_venv()
    run(PY, "-m", "ruff", "check", "geo", "tests", "bench", "scripts", "tasks.py", *args)
    run(PY, "-m", "mypy")


def task_bench(args: list[str]) -> None:
    ensure_venv()
    for script in sorted((ROOT / "bench").glob("*_bench.py")):
        run(PY, script, *args)


def task_screenshot(args: list[str]) -> None:
    ensure_venv()
    run(PY, "scripts/screenshot.py", *args)


def task_lock(args: list[str]) -> None:
    ensure_venv()
    run(PY, "-m", "pip", "install", "--quiet", "-e", ".[test,build-data]")
    frozen = subprocess.run([str(PY), "-m", "pip", "freeze", "--exclude-editable"], capture_output=True,
                            text=True, check=True).stdout
    (ROOT / "constraints.txt").write_text("# pins of what the tests ran with; rewrite with: python3 tasks.py lock\n" + frozen)


TASKS = {"map": task_map, "test": task_test, "lint": task_lint, "bench": task_bench, "screenshot": task_screenshot, "lock": task_lock}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        sys.exit(__doc__)
    TASKS[sys.argv[1]](sys.argv[2:])
