"""The command line's contract where a fuzzing sweep found it broken, as a user sees it.

Each test runs ``python -m geo`` in a subprocess and looks at the exit code, stderr, stdout
and the files on disk: an ``-o`` that is one of the inputs, other programs' hidden files,
a closed or full standard output, a non-UTF-8 locale, an unusable cache folder, settings
out of range, a file that is no answer cache, names too long and names of folders.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.nominatim_server import FakeNominatim

SEEDS = ROOT / "seeds"
ARTICLES = ["000_f0bddc0a2dccaad2.txt", "001_a9ffa14dafb5799f.txt"]


def geo(*args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    """Run ``python -m geo ARGS`` with ``env`` added to the environment (stdout and stderr as bytes)."""
    kw.setdefault("stdout", subprocess.PIPE)
    return subprocess.run([sys.executable, "-m", "geo", *args], check=False, stderr=subprocess.PIPE, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}, timeout=300, **kw)


def error(out: subprocess.CompletedProcess) -> str:
    """The one ``geo: error:`` line of a run that failed with exit 1 (no traceback, nothing else wrong)."""
    text = out.stderr.decode()
    assert "Traceback" not in text and "Exception ignored" not in text, text
    assert out.returncode == 1, text
    lines = [line for line in text.splitlines() if line.startswith("geo: error: ")]
    assert len(lines) == 1, text
    return lines[0]


def dead_pid() -> int:
    """The pid of a process that has ended."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True)
    return int(done.stdout)


@pytest.fixture
def folder(tmp_path):
    """A folder of two seed articles and their manifest."""
    d = tmp_path / "news"
    d.mkdir()
    for name in ARTICLES:
        shutil.copy(SEEDS / name, d / name)
    rows = (SEEDS / "articles.csv").read_text(encoding="utf-8").splitlines()
    (d / "articles.csv").write_text("\n".join(rows[:3]) + "\n", encoding="utf-8")
    return d


def snapshot(root) -> dict[str, bytes]:
    return {os.path.relpath(os.path.join(d, n), root): open(os.path.join(d, n), "rb").read()
            for d, _, names in os.walk(root) for n in names if not os.path.islink(os.path.join(d, n))}


# -- 1. an -o that is one of the inputs -------------------------------------------------------

@pytest.mark.parametrize("args,what", [
    (["places", "{d}", "--json", "-o", "{d}/" + ARTICLES[0]], "article"),
    (["places", "{d}", "-o", "{t}/link.txt"], "article"),  # a symlink to an article
    (["extract", "{d}", "--csv", "-o", "{t}/hard.txt"], "article"),  # a hard link to one
    (["extract", "{d}", "-o", "{d}/articles.csv"], "manifest"),
    (["export", "-f", "geojson", "{d}", "--curated", "{t}/mine.csv", "-o", "{t}/mine.csv"], "curated records"),
    (["build", "{d}", "--no-curated", "-o", "{d}/" + ARTICLES[1]], "article"),
])
def test_an_output_that_is_an_input_is_refused_and_left_alone(folder, args, what):
    tmp = folder.parent
    shutil.copy(ROOT / "data" / "incidents.csv", tmp / "mine.csv")
    (tmp / "link.txt").symlink_to(folder / ARTICLES[0])
    os.link(folder / ARTICLES[1], tmp / "hard.txt")
    before = snapshot(tmp)
    out = geo(*[a.format(d=folder, t=tmp) for a in args])
    line = error(out)
    assert f": is one of the inputs ({what} " in line and line.endswith("; choose another file"), line
    assert snapshot(tmp) == before and out.stdout == b""


# -- 2. hidden files of other programs ---------------------------------------------------------

def test_only_geo_s_own_temp_files_of_dead_writers_are_swept(folder, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    pid = dead_pid()
    theirs = [f".thesis.docx.{pid}.part", f".notes.db.{pid}.part-wal", f".notes.db.{pid}.part-journal",
              f".x.{pid}.part.gpkg"]
    for name in theirs:
        (out_dir / name).write_text("someone's work")
    (out_dir / f".out.tsv.geo-{pid}.part").write_text("half of geo's output")
    done = geo("places", str(folder), "-o", str(out_dir / "out.tsv"))
    assert done.returncode == 0, done.stderr
    assert sorted(os.listdir(out_dir)) == sorted([*theirs, "out.tsv"])
    assert all((out_dir / name).read_text() == "someone's work" for name in theirs)


# -- 3. standard output: closed, full, a reader gone, any locale -------------------------------

COMMANDS = [["places", "{d}"], ["extract", "{d}"], ["geocode", "Senkata"], ["places", "{d}", "--json", "-o", "-"],
            ["build", "{d}", "--no-curated", "-o", "-"]]


@pytest.mark.parametrize("args", COMMANDS)
def test_a_closed_stdout_is_an_error_not_silence(folder, args):
    sh = ["sh", "-c", 'exec "$@" >&-', "sh", sys.executable, "-m", "geo", *[a.format(d=folder) for a in args]]
    out = subprocess.run(sh, check=False, stderr=subprocess.PIPE, cwd=ROOT, timeout=300,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert error(out).startswith("geo: error: standard output: is closed"), out.stderr


@pytest.mark.parametrize("args", [*COMMANDS, ["geocode", "--help"]])
def test_a_full_stdout_is_an_error(folder, args):
    with open("/dev/full", "wb") as full:
        out = geo(*[a.format(d=folder) for a in args], stdout=full)
    line = error(out)
    assert line.startswith("geo: error: standard output: ") and "No space left on device" in line, line


def test_a_reader_that_stops_early_is_told_of(folder):
    proc = subprocess.Popen([sys.executable, "-m", "geo", "places", str(folder), "--json"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
    proc.stdout.close()  # like `| head -0`: gone before geo writes
    _, err = proc.communicate(timeout=300)
    line = error(subprocess.CompletedProcess(proc.args, proc.returncode, b"", err))
    assert line.startswith("geo: error: standard output: the reader stopped reading"), line


@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "latin-1"}, {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0",
                                                                     "PYTHONCOERCECLOCALE": "0"}])
def test_data_on_stdout_is_utf8_whatever_the_locale(tmp_path, env):
    article = tmp_path / "tokyo.txt"
    article.write_text("Riots broke out in Tōkyō and in Potosí on Monday.\n", encoding="utf-8")
    # An ASCII query: what the locale does to argv is another matter than stdout.
    for args in (["places", str(article)], ["places", str(article), "--json"], ["geocode", "Potosi"]):
        out = geo(*args, env=env)
        assert out.returncode == 0 and b"Traceback" not in out.stderr, out.stderr
        text = out.stdout.decode("utf-8")  # not latin-1, not ASCII with escapes
        assert ("Tōkyō" if args[0] == "places" else "Potosí") in text, text


# -- 4, 5. geo's errors at the top, cache folders geo cannot write -------------------------------

def lock_file_name() -> str:
    from geo.gazetteer_index import sources_hash
    from geo.paths import GAZETTEER_DIR

    return f"gazetteer-{sources_hash(GAZETTEER_DIR)}.sqlite.lock"


@pytest.fixture(params=["a file", "/dev/null", "read-only"])
def bad_cache(request, tmp_path):
    """A GEO_CACHE_DIR geo cannot create its index in."""
    cache = tmp_path / "cache"
    if request.param == "/dev/null":
        cache = "/dev/null"
    elif request.param == "a file":
        cache.write_text("not a folder")
    elif os.geteuid() == 0:  # root writes anywhere: block the lock file's path with a folder instead
        (cache / lock_file_name()).mkdir(parents=True)
    else:
        cache.mkdir(mode=0o555)
    yield str(cache)
    if request.param == "read-only":
        cache.chmod(0o755)


@pytest.mark.parametrize("args", [["geocode", "Senkata"], ["places", "{d}"], ["extract", "{d}", "--csv"],
                                  ["export", "-f", "csv", "{d}", "--no-curated", "-o", "-"]])
def test_a_cache_folder_geo_cannot_write_is_one_line_naming_it(folder, bad_cache, args):
    out = geo(*[a.format(d=folder) for a in args], env={"GEO_CACHE_DIR": bad_cache})
    line = error(out)
    assert line.startswith(f"geo: error: cache folder {bad_cache}: "), line
    assert line.endswith("(set GEO_CACHE_DIR to a writable folder)"), line


# -- 6, 7. online settings out of range, a file that is no answer cache ------------------------

def online(tmp_path, **env: str) -> subprocess.CompletedProcess:
    """``geo geocode --online`` of a name the gazetteer lacks, against a port where nobody listens."""
    return geo("geocode", "Atlantisqq", "--online",
               env={"GEO_NOMINATIM_URL": FakeNominatim.closed_url(),
                    "GEO_ANSWER_CACHE": str(tmp_path / "answers.sqlite"), **env})


@pytest.mark.parametrize("var,value", [("GEO_ONLINE_TIMEOUT", "inf"), ("GEO_ONLINE_TIMEOUT", "1e309"),
                                       ("GEO_ONLINE_TIMEOUT", "86400"), ("GEO_ONLINE_MIN_DELAY", "inf"),
                                       ("GEO_ONLINE_MIN_DELAY", "1e6"), ("GEO_CACHE_WAIT", "inf"),
                                       ("GEO_ONLINE_MAX_BYTES", "9" * 30), ("GEO_NOT_FOUND_DAYS", "nan")])
def test_online_settings_must_be_finite_and_bounded(tmp_path, var, value):
    line = error(online(tmp_path, **{var: value}))
    assert line.startswith(f"geo: error: {var} must be ") and line.endswith(f", not {value!r}"), line


def test_a_file_that_is_no_answer_cache_is_refused_and_never_touched(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes, not a cache\n")
    line = error(online(tmp_path, GEO_ANSWER_CACHE=str(notes)))
    assert line == f"geo: error: GEO_ANSWER_CACHE {notes} is not an answer cache (not a SQLite file); " \
                   "choose another path"
    theirs = tmp_path / "theirs.sqlite"
    with sqlite3.connect(theirs) as db:
        db.execute("CREATE TABLE bookmarks(url TEXT)")
    db.close()
    before = theirs.read_bytes()
    line = error(online(tmp_path, GEO_ANSWER_CACHE=str(theirs)))
    assert line.startswith(f"geo: error: GEO_ANSWER_CACHE {theirs} is not an answer cache ("), line
    assert notes.read_text() == "my notes, not a cache\n" and theirs.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["notes.txt", "theirs.sqlite"]


def test_a_damaged_sqlite_answer_cache_is_still_set_aside(tmp_path):
    cache = tmp_path / "answers.sqlite"
    cache.write_bytes(b"SQLite format 3\x00" + b"a damaged page" * 100)
    out = online(tmp_path)
    assert "moved it to" in out.stderr.decode() and b"Traceback" not in out.stderr
    assert [p.name.split("-")[0] for p in tmp_path.glob("answers.sqlite.corrupt-*")] == ["answers.sqlite.corrupt"]


# -- 8, 9. -o names too long for the temporary file, names of folders --------------------------

@pytest.mark.parametrize("args,length", [(["places", "{d}"], 236), (["places", "{d}"], 243),
                                         (["export", "-f", "gpkg", "{d}", "--no-curated"], 230),
                                         (["export", "-f", "geojson", "{d}", "--no-curated"], 236)])
def test_a_name_too_long_for_the_temp_file_is_refused_before_the_work(folder, tmp_path, args, length):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / ("x" * length)
    out = geo(*[a.format(d=folder) for a in args], "-o", str(target))
    if out.returncode == 0:  # short enough on this file system: then it is written
        assert os.listdir(out_dir) == [target.name]
        return
    line = error(out)
    assert line.startswith(f"geo: error: {target}: the file name is too long") and "shorter name" in line, line
    assert os.listdir(out_dir) == []


@pytest.mark.parametrize("name", ["newdir/", "newdir/.", "newdir//"])
@pytest.mark.parametrize("command", [["places", "{d}"], ["build", "{d}", "--no-curated"]])
def test_an_output_naming_a_folder_is_refused(folder, tmp_path, name, command):
    out = geo(*[a.format(d=folder) for a in command], "-o", f"{tmp_path}/{name}")
    assert ": names a folder" in error(out)
    assert not (tmp_path / "newdir").exists()


def test_usage_errors_are_one_geo_error_line_and_version_prints():
    for args, why in [(["places", "--bogus", "x"], "No such option: --bogus"), (["nope"], "No such command 'nope'"),
                      (["places"], "Missing argument"), (["places", "x", "--max-size", "0"], "--max-size")]:
        out = subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True, cwd=ROOT, timeout=60)
        assert out.returncode == 2 and out.stderr.startswith("geo: error: ") and why in out.stderr, out.stderr
        assert len(out.stderr.strip().splitlines()) == 1 and "--help" in out.stderr
    out = subprocess.run([sys.executable, "-m", "geo", "--version"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == f"geo {__import__('geo').__version__}"
