"""The wheel as a user installs it: built from the sources, installed into a fresh virtual
environment outside the checkout (no PYTHONPATH, no editable install), then used.

Needs pip to reach PyPI (the build backend and geo's dependencies, pinned by
constraints.txt). Without it the test is skipped with the reason, except under CI (``CI``
set), where it must run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.own_articles import LEKKI_ID, QUITO_ID, map_incidents, write_articles

pytestmark = pytest.mark.wheel
# pip's words when it cannot reach the index (and so has no way to build or install).
OFFLINE = ("Failed to establish a new connection", "Temporary failure in name resolution", "Network is unreachable",
           "No matching distribution found for setuptools", "ProxyError", "Max retries exceeded")


# The user's environment: no PYTHONPATH (a checkout on it would count as geo installed, to pip too).
CLEAN = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}


def pip(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    out = subprocess.run([sys.executable, "-m", "pip", *args], capture_output=True, text=True, cwd=cwd, timeout=600,
                         env=CLEAN)
    if out.returncode and any(word in out.stdout + out.stderr for word in OFFLINE) and not os.environ.get("CI"):
        pytest.skip(f"pip cannot reach PyPI here (pip {' '.join(args[:1])}): {out.stderr.strip().splitlines()[-1]}")
    assert out.returncode == 0, out.stdout + out.stderr
    return out


def test_the_wheel_installs_and_works_outside_the_checkout(tmp_path):
    t0 = time.monotonic()
    # The sources as git would ship them, built away from the checkout (a stale build/ there
    # could slip removed files into the wheel).
    src = tmp_path / "src"
    shutil.copytree(ROOT / "geo", src / "geo", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    pip("wheel", "--no-deps", "--quiet", "-w", str(tmp_path / "dist"), str(src), cwd=tmp_path)
    [wheel] = (tmp_path / "dist").glob("geo-*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=False, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    pip("--python", str(python), "install", "--quiet", "-c", str(ROOT / "constraints.txt"), str(wheel), cwd=tmp_path)
    installed = time.monotonic()

    work = tmp_path / "work"  # a user's folder: no seeds, no data/, no pyproject.toml
    write_articles(work / "mine")
    env = dict(CLEAN)
    env["PATH"] = f"{env_dir / 'bin'}{os.pathsep}{env.get('PATH', '')}"  # GEO_CACHE_DIR: the tests' cache, index reused

    def geo(*args: str) -> subprocess.CompletedProcess:
        out = subprocess.run([str(env_dir / "bin" / "geo"), *args], capture_output=True, text=True, cwd=work, env=env,
                             timeout=300)
        assert "Traceback" not in out.stderr, out.stderr
        return out

    where = subprocess.run([str(python), "-c", "import geo; print(geo.__file__)"], capture_output=True, text=True,
                           cwd=work, env=env)
    assert where.stdout.startswith(str(env_dir)), where.stdout + where.stderr  # not the checkout's geo
    out = geo("geocode", "Senkata")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Senkata (La Paz, BO) -16.58050, -68.19150"), out.stdout  # the packaged supplement
    out = geo("build", "mine", "-o", "m.html")
    assert out.returncode == 0, out.stderr
    assert "map of 2 incident(s) from 2 article(s)" in out.stderr
    html = (work / "m.html").read_text(encoding="utf-8")
    assert sorted(map_incidents(html)) == [QUITO_ID, LEKKI_ID]  # only the user's articles: no Bolivian records
    assert "Leaflet 1.9.4" in html and "geo-cluster" in html  # the vendored assets, inlined from the package
    out = geo("build", "-o", "m2.html")  # no seeds demo outside a checkout
    assert out.returncode == 2 and out.stderr.startswith("geo: error: give the articles to read"), out.stderr
    print(f"wheel built and installed in {installed - t0:.1f} s, used in {time.monotonic() - installed:.1f} s")
