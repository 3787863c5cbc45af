"""Caches shared by processes and checkouts: the gazetteer index and the online answer cache.

Real subprocesses, a real ``kill -9``, real SQLite locks; gazetteers are synthetic and
small, so a build takes about a second (long enough to overlap, or to be killed midway).
"""

from __future__ import annotations

import gzip
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from geo.gazetteer import Gazetteer
from geo.geocoders import AnswerCache, CachedNominatim
from tests.conftest import ROOT
from tests.nominatim_server import FakeNominatim

BUILDING = "geo: building the gazetteer index"


def sources(folder: Path, n: int = 50, extra: str = "") -> Path:
    """Gazetteer source files with ``n`` places named "Place 0".."Place n-1" (and ``extra``)."""
    folder.mkdir(parents=True)
    text = "gazetteer_id\tname\tlat\tlon\tcountry\tadmin1\tfeature_code\tpopulation\tsource\talternate_names\n"
    text += "".join(f"gn:{i}\tPlace {i}\t{i % 170 - 85}.5\t{i % 350 - 175}.5\tBO\t04\tPPL\t{i}\ttest\tAlt {i}\n"
                    for i in range(n))
    if extra:
        text += f"gn:x\t{extra}\t1\t1\tBO\t04\tPPL\t1\ttest\t\n"
    (folder / "places.tsv.gz").write_bytes(gzip.compress(text.encode(), 1))
    (folder / "supplement.csv").write_text("gazetteer_id,overrides,name,alternate_names,lat,lon,country,admin1,"
                                           "feature_code,population,area,countries,source\n")
    (folder / "areas.geojson").write_text('{"type":"FeatureCollection","features":[]}')
    return folder


def python(code: str, *args, **popen) -> subprocess.Popen:
    """A Python child running ``code`` with geo importable (stderr captured, as text)."""
    return subprocess.Popen([sys.executable, "-c", code, *map(str, args)], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **popen)


# -- the gazetteer index --------------------------------------------------------------

def test_a_cache_folder_named_with_uri_characters_works(tmp_path, monkeypatch, capsys):
    src = sources(tmp_path / "src")
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path / "cache #1? 100%"))
    assert Gazetteer(src).lookup("Place 7").gazetteer_id == "gn:7"
    assert capsys.readouterr().err.count(BUILDING) == 1
    assert Gazetteer(src).lookup("Place 8").gazetteer_id == "gn:8"
    assert BUILDING not in capsys.readouterr().err  # opened, not rebuilt


def test_versions_sharing_a_cache_folder_keep_each_others_index(tmp_path, monkeypatch, capsys):
    cache = tmp_path / "cache"
    monkeypatch.setenv("GEO_CACHE_DIR", str(cache))
    old, new, newer = (sources(tmp_path / v, extra=v) for v in ("old", "new", "newer"))
    Gazetteer(old).lookup("Place 1")
    Gazetteer(new).lookup("Place 1")
    old_index, new_index = Gazetteer(old).index_path, Gazetteer(new).index_path
    assert old_index.exists() and new_index.exists()
    capsys.readouterr()
    assert Gazetteer(old).lookup("old").gazetteer_id == "gn:x"
    assert BUILDING not in capsys.readouterr().err  # the old checkout's index survived the new one's build
    # An index nobody opened for 40 days is the only kind a build removes.
    forty_days_ago = time.time() - 40 * 86400
    os.utime(old_index, (forty_days_ago, forty_days_ago))
    Gazetteer(newer).lookup("Place 1")
    assert not old_index.exists() and new_index.exists() and Gazetteer(newer).index_path.exists()


WAIT_AND_LOOK_UP = """
import pathlib, sys, time
from geo.gazetteer import Gazetteer
src, index, ready, go = sys.argv[1:]
gaz = Gazetteer(src, index_path=index)
pathlib.Path(ready).touch()
while not pathlib.Path(go).exists():  # start together: every child finds no index
    time.sleep(0.002)
print(gaz.lookup("Place 7").gazetteer_id)
"""


def test_concurrent_first_uses_build_the_index_once(tmp_path):
    src, index = sources(tmp_path / "src", n=20_000), tmp_path / "cache" / "gazetteer-test.sqlite"
    children = [python(WAIT_AND_LOOK_UP, src, index, tmp_path / f"ready{i}", tmp_path / "go") for i in range(3)]
    while not all((tmp_path / f"ready{i}").exists() for i in range(3)):
        assert all(c.poll() is None for c in children), [c.communicate() for c in children]
        time.sleep(0.01)
    (tmp_path / "go").touch()
    results = [c.communicate(timeout=120) for c in children]
    assert [c.returncode for c in children] == [0, 0, 0], results
    assert [out.strip() for out, _ in results] == ["gn:7"] * 3
    assert sum(err.count(BUILDING) for _, err in results) == 1, [err for _, err in results]


BUILD = "import sys; from geo.gazetteer import Gazetteer; Gazetteer(sys.argv[1], index_path=sys.argv[2]).db"


def test_a_build_killed_midway_is_cleaned_up_at_the_next_start(tmp_path, capsys):
    src, index = sources(tmp_path / "src", n=50_000), tmp_path / "cache" / "gazetteer-test.sqlite"
    child = python(BUILD, src, index)
    temp = index.with_name(f".{index.name}.geo-{child.pid}.part")
    while not temp.exists():
        assert child.poll() is None, child.communicate()  # the build must still be running to be killed
        time.sleep(0.005)
    os.kill(child.pid, signal.SIGKILL)
    child.communicate()
    assert temp.exists() and not index.exists()  # half-built, as a killed build leaves it
    assert Gazetteer(src, index_path=index).lookup("Place 7").gazetteer_id == "gn:7"
    assert not temp.exists() and not list(index.parent.glob("*.part"))
    assert f"removed {temp}" in capsys.readouterr().err


HOLD_BUILD_LOCK = """
import fcntl, sys
lock = open(sys.argv[1], "a")
fcntl.flock(lock, fcntl.LOCK_EX)
print("locked", flush=True)
sys.stdin.readline()
"""


def test_temp_files_of_dead_writers_go_and_those_of_live_ones_stay(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("GEO_CACHE_DIR", str(cache))
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], check=True, capture_output=True,
                          text=True)
    dead_temp = cache / f".gazetteer-0123456789abcdef.sqlite.geo-{int(gone.stdout)}.part"
    # A builder in another container: its pid means nothing here, but it holds the build lock.
    foreign_temp = cache / f".gazetteer-00000000ffffffff.sqlite.geo-{int(gone.stdout)}.part"
    builder = python(HOLD_BUILD_LOCK, cache / "gazetteer-00000000ffffffff.sqlite.lock", stdin=subprocess.PIPE)
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]) as alive:
        try:
            assert builder.stdout.readline() == "locked\n"
            live_temp = cache / f".gazetteer-fedcba9876543210.sqlite.geo-{alive.pid}.part"
            for temp in (dead_temp, foreign_temp, live_temp):
                temp.write_bytes(b"half an index")
            Gazetteer(sources(tmp_path / "src"), verbose=False).lookup("Place 1")
            assert not dead_temp.exists() and live_temp.exists() and foreign_temp.exists()
        finally:
            alive.kill()
            builder.communicate("\n", timeout=30)


# -- the online answer cache ------------------------------------------------------------

HOLD_LOCK = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
db.execute("INSERT OR REPLACE INTO answers VALUES ('written while locked', 'nominatim', NULL, strftime('%s'))")
print("locked", flush=True)
sys.stdin.readline()  # until the test releases it
db.execute("COMMIT")
"""


def lock(path: Path) -> subprocess.Popen:
    """Another process holding an exclusive lock on the cache, until a line on its stdin."""
    holder = python(HOLD_LOCK, path, stdin=subprocess.PIPE)
    assert holder.stdout.readline() == "locked\n"
    return holder


def release(holder: subprocess.Popen) -> None:
    holder.communicate("\n", timeout=30)
    assert holder.returncode == 0


def cache_with_a_row(path: Path) -> None:
    AnswerCache(path).put("atlantis", "nominatim", None)


def rows(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {q for (q,) in db.execute("SELECT query FROM answers")}


def test_a_busy_answer_cache_is_waited_for(tmp_path):
    path = tmp_path / "answers.sqlite"
    cache_with_a_row(path)
    with FakeNominatim() as server:
        opened_before = CachedNominatim(AnswerCache(path), domain=server.domain, scheme="http",
                                        min_delay_seconds=0)
        holder = lock(path)
        threading.Timer(1.0, release, [holder]).start()  # while the lookup below waits
        assert opened_before.geocode("Plaza Murillo").name == "Plaza Murillo"  # waited, then asked
        opened_during = AnswerCache(path)
        assert opened_during.get("written while locked", "nominatim") == (True, None)
    assert rows(path) == {"atlantis", "written while locked", "plaza murillo"}
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_an_answer_cache_locked_too_long_is_a_clear_error_and_kept(tmp_path):
    # GEO_CACHE_WAIT keeps the test short; the default wait is 30 s.
    path = tmp_path / "answers.sqlite"
    cache_with_a_row(path)
    holder = lock(path)
    env = dict(os.environ, GEO_ANSWER_CACHE=str(path), GEO_CACHE_WAIT="0.3",
               GEO_NOMINATIM_URL=FakeNominatim.closed_url())
    cli = subprocess.run([sys.executable, "-m", "geo", "geocode", "Plaza Murillo", "--online"], check=False, cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=60)
    holder.communicate("\n", timeout=30)
    assert not list(tmp_path.glob("*.corrupt-*"))  # not mistaken for a damaged file
    assert rows(path) == {"atlantis", "written while locked"}  # nothing thrown away
    assert cli.returncode == 1
    assert cli.stderr.startswith(f"geo: error: online answer cache {path} is locked") and len(
        cli.stderr.splitlines()) == 1, cli.stderr
    assert holder.returncode == 0


def test_the_cache_folder_is_a_setting_of_the_one_options_object(tmp_path, monkeypatch):
    from geo.options import options
    from geo.paths import cache_dir

    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path / "from-env"))
    assert cache_dir() == tmp_path / "from-env"
    options.cache_dir = tmp_path / "assigned"  # a program's choice beats the environment
    try:
        assert cache_dir() == tmp_path / "assigned"
    finally:
        del options.cache_dir
    assert cache_dir() == tmp_path / "from-env"
