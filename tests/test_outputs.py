"""What ``-o`` does, as a user sees it: stdout, streams, symlinks, modes, bad paths, kills, full disks.

Every test runs ``python -m geo`` in a subprocess and looks at exit codes, stderr and the
files on disk; FIFOs, device nodes, symlinks, tmpfs mounts and ``kill -9`` are real.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import signal
import stat
import subprocess
import sys
import tempfile
import textwrap
import time

import pytest

from tests.conftest import ROOT

SEEDS = str(ROOT / "seeds")


def geo(*args: str, cwd=None, cache=None, **kw) -> subprocess.CompletedProcess:
    """Run ``python -m geo ARGS`` (from ``cwd``; ``cache`` as its cache directory)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if cache is not None:
        env["GEO_CACHE_DIR"] = str(cache)
    kw.setdefault("stdout", subprocess.PIPE)
    kw.setdefault("timeout", 300)
    return subprocess.run([sys.executable, "-m", "geo", *args], check=False, stderr=subprocess.PIPE, cwd=cwd or ROOT,
                          env=env, **kw)


def errors(out: subprocess.CompletedProcess) -> list[str]:
    """stderr's lines, after checking no traceback reached the user."""
    text = out.stderr.decode()
    assert "Traceback" not in text, text
    return text.splitlines()


def leftovers(*folders) -> list[str]:
    """Temporary files (``.NAME.geo-<pid>.part...``) in ``folders``."""
    return [f"{d}/{n}" for d in folders for n in os.listdir(d) if ".part" in n]


@pytest.fixture
def tmpfs(tmp_path):
    """A mounted tmpfs of 64 KiB (skipped where mounting is not allowed)."""
    def mount(name: str, *options: str):
        where = tmp_path / name
        where.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join(["size=64k", *options]), "tmpfs", str(where)],
                              capture_output=True, check=False)
        if done.returncode:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
        mounted.append(where)
        return where

    mounted: list = []
    yield mount
    for where in mounted:
        subprocess.run(["umount", str(where)], check=True)


@pytest.mark.parametrize("args,check", [
    (["extract", SEEDS, "--csv"], lambda out: out.startswith(b"incident_id,event_date,")),
    (["places", SEEDS, "--json"], lambda out: len(json.loads(out)) == 5),
    (["export", SEEDS, "-f", "geojson"], lambda out: json.loads(out)["type"] == "FeatureCollection"),
    (["export", SEEDS, "-f", "csv"], lambda out: out.startswith(b"incident_id,")),
    (["build"], lambda out: out.lstrip().lower().startswith(b"<!doctype html>")),
    (["export", "-f", "gpkg"], lambda out: out.startswith(b"SQLite format 3\0")),  # binary, through a pipe
], ids=["extract-csv", "places-json", "export-geojson", "export-csv", "build-html", "export-gpkg"])
def test_dash_is_standard_output(tmp_path, args, check):
    out = geo(*args, "-o", "-", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert check(out.stdout)
    assert not (tmp_path / "-").exists() and os.listdir(tmp_path) == []


def test_binary_output_is_not_sent_to_a_terminal(tmp_path):
    master, slave = pty.openpty()
    try:
        out = geo("export", "-f", "gpkg", "-o", "-", cwd=tmp_path, stdout=slave)
    finally:
        os.close(slave)
        os.close(master)
    [line] = errors(out)
    assert out.returncode == 1 and line.startswith("geo: error: -: ") and "terminal" in line
    assert os.listdir(tmp_path) == []


@pytest.fixture
def dev_stdout():
    """/dev/stdout as it should stay; put back if a broken writer replaced it (as root it could)."""
    before = os.readlink("/dev/stdout")
    yield "/dev/stdout"
    if not os.path.islink("/dev/stdout"):
        os.unlink("/dev/stdout")
        os.symlink(before, "/dev/stdout")
        pytest.fail("/dev/stdout was replaced by a regular file")


@pytest.mark.parametrize("alias", ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"])
def test_dev_stdout_is_written_through_never_replaced(dev_stdout, alias):
    out = geo("export", "-f", "csv", "-o", alias)
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout.decode())))
    assert len(rows) == 11 and {r["location"] for r in rows} >= {"Senkata", "Huayllani"}
    assert os.readlink("/dev/stdout") == "/proc/self/fd/1"
    assert not [n for n in os.listdir("/dev") if ".part" in n]


def test_fifo_is_written_through(tmp_path):
    fifo = tmp_path / "incidents.json"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    try:
        out = geo("extract", SEEDS, "--json", "-o", str(fifo))
        got, _ = reader.communicate(timeout=30)
    finally:
        reader.kill()
    assert out.returncode == 0, out.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert any(i["location"] == "Senkata" for i in json.loads(got))
    assert leftovers(tmp_path, tempfile.gettempdir()) == []


def test_device_is_written_through(tmp_path):
    null = tmp_path / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a private /dev/null
    except PermissionError:
        null = "/dev/null"  # not root: nor could a broken writer replace the real one
    for args in (["export", "-f", "gpkg"], ["build"], ["places", SEEDS]):
        out = geo(*args, "-o", str(null))
        assert out.returncode == 0, out.stderr
        assert stat.S_ISCHR(os.lstat(null).st_mode)
    assert leftovers(tmp_path) == []


def test_symlink_is_written_through_and_the_file_keeps_its_mode(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "links").mkdir()
    real = tmp_path / "data" / "incidents.csv"
    real.write_text("old\n")
    os.chmod(real, 0o640)
    link = tmp_path / "links" / "incidents.csv"
    link.symlink_to("../data/incidents.csv")
    out = geo("extract", SEEDS, "--csv", "-o", str(link))
    assert out.returncode == 0, out.stderr
    assert link.is_symlink() and os.readlink(link) == "../data/incidents.csv"
    assert real.read_text().startswith("incident_id,event_date,")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    out = geo("export", "-f", "gpkg", "-o", str(tmp_path / "links" / "x.gpkg"))
    assert out.returncode == 0, out.stderr
    os.chmod(tmp_path / "links" / "x.gpkg", 0o600)
    out = geo("export", "-f", "gpkg", "-o", str(tmp_path / "links" / "x.gpkg"))  # GDAL's file, replaced
    assert out.returncode == 0, out.stderr
    assert stat.S_IMODE((tmp_path / "links" / "x.gpkg").stat().st_mode) == 0o600
    assert leftovers(tmp_path / "data", tmp_path / "links") == []


def test_new_files_get_the_mode_the_umask_gives(tmp_path):
    def umask_027():
        os.umask(0o027)

    for name, args in [("i.csv", ["extract", SEEDS, "--csv"]), ("i.gpkg", ["export", "-f", "gpkg"]),
                       ("i.geojson", ["export", "-f", "geojson"]), ("m.html", ["build"])]:
        out = geo(*args, "-o", str(tmp_path / name), preexec_fn=umask_027)
        assert out.returncode == 0, out.stderr
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o640, name


def read_only_folder(tmp_path, tmpfs):
    """A folder no one may create files in: a read-only tmpfs as root, mode 0555 otherwise."""
    if os.geteuid() == 0:
        return tmpfs("ro", "ro")
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o555)
    return folder


@pytest.mark.parametrize("case", ["directory", "missing folder", "read-only folder", "file as folder"])
@pytest.mark.parametrize("cmd", [["places", SEEDS, "--json"], ["extract", SEEDS], ["build"],
                                 ["export", "-f", "geojson"]], ids=["places", "extract", "build", "export"])
def test_a_bad_output_path_fails_before_the_work(tmp_path, tmpfs, case, cmd):
    (tmp_path / "dir").mkdir()
    (tmp_path / "file").write_text("")
    output = {"directory": "dir", "missing folder": "nowhere/out.x", "file as folder": "file/out.x",
              "read-only folder": f"{read_only_folder(tmp_path, tmpfs).name}/out.x"}[case]
    cache = tmp_path / "cache"
    cache.mkdir()
    out = geo(*cmd, "-o", output, cwd=tmp_path, cache=cache, timeout=60)
    [line] = errors(out)
    assert out.returncode == 1 and line.startswith(f"geo: error: {output}: "), line
    assert os.listdir(cache) == []  # no gazetteer index was built: the work never started
    assert not (tmp_path / "nowhere").exists() and os.listdir(tmp_path / "dir") == []
    if case == "missing folder":
        assert "mkdir -p nowhere" in line


def test_build_and_export_need_their_paths_to_give_articles(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "binary.txt").write_bytes(b"\0\1\2" * 100)
    cache = tmp_path / "cache"
    cache.mkdir()
    for args in (["export", "-f", "csv", "empty"], ["build", "binary.txt", "nosuch"]):
        out = geo(*args, "-o", "out.x", cwd=tmp_path, cache=cache, timeout=60)
        lines = errors(out)
        assert out.returncode == 1 and lines[-1].startswith("geo: error: no article could be loaded from ")
        assert all(line.startswith("geo: warning: ") for line in lines[:-1]) and len(lines) >= 2
        assert not (tmp_path / "out.x").exists() and os.listdir(cache) == []
    # PATHs none of which is there: one error (bad input, exit 1), no map of nothing.
    for args in (["build", "nosuch"], ["export", "-f", "csv", "nosuch"], ["extract", "nosuch"], ["places", "nosuch"]):
        out = geo(*args, "-o", "out.x", cwd=tmp_path, cache=cache, timeout=60)
        assert out.returncode == 1 and errors(out) == ["geo: error: nosuch: no such file or folder (PATH: article "
                                                        "files or folders of *.txt)"], out.stderr
        assert not (tmp_path / "out.x").exists() and os.listdir(cache) == []
    out = geo("build", cwd=tmp_path)  # no path at all: the seeds demo, its folder created
    assert out.returncode == 0, out.stderr
    assert "from 5 article(s)" in out.stderr.decode() and (tmp_path / "maps" / "seeds.html").stat().st_size


WRITER = textwrap.dedent("""
    import sys, time
    from geo.atomic import atomic_write
    with atomic_write(sys.argv[1]) as fh:
        fh.write("incident_id,half a")
        fh.flush()
        print("writing", flush=True)
        time.sleep(120)
""")


def writer(path) -> subprocess.Popen:
    """A process caught in the middle of writing ``path`` (it says so, then waits)."""
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout.readline() == "writing\n"
    return proc


def test_a_killed_writer_leaves_the_old_file_and_its_temp_file_goes_next_time(tmp_path):
    target = tmp_path / "incidents.csv"
    target.write_text("old\n")
    killed, alive = writer(target), writer(tmp_path / "other.csv")
    try:
        os.kill(killed.pid, signal.SIGKILL)
        killed.wait()
        assert target.read_text() == "old\n"  # a reader sees the old file, never half of the new one
        assert sorted(os.listdir(tmp_path)) == sorted([f".incidents.csv.geo-{killed.pid}.part",
                                                       f".other.csv.geo-{alive.pid}.part", "incidents.csv"])
        out = geo("extract", SEEDS, "--csv", "-o", str(target))
        assert out.returncode == 0, out.stderr
        assert target.read_text().startswith("incident_id,event_date,")
        # The dead writer's file is gone; the live one's is its own business.
        assert sorted(os.listdir(tmp_path)) == [f".other.csv.geo-{alive.pid}.part", "incidents.csv"]
    finally:
        alive.kill()
        alive.wait()


def waits_for_a_reader(pid: int) -> bool:
    """True once ``pid`` sleeps in the kernel's open() of a FIFO, waiting for the other end."""
    try:
        with open(f"/proc/{pid}/wchan") as fh:
            return fh.read() in ("wait_for_partner", "fifo_open")
    except OSError:
        return False


def test_a_writer_killed_while_a_fifo_waits_leaves_nothing(tmp_path):
    fifo = tmp_path / "incidents.geojson"
    os.mkfifo(fifo)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "geo", "export", "-f", "geojson", "-o", str(fifo)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline and not waits_for_a_reader(proc.pid):
        time.sleep(0.05)
    if proc.poll() is not None:  # with no reader, a writer that keeps the FIFO waits for ever
        pytest.fail(f"geo export did not wait for the FIFO's reader: {proc.returncode}, {proc.stderr.read()}")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [n for n in os.listdir(tempfile.gettempdir()) if f".geo-{proc.pid}.part" in n] == []
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("name,args", [("m.html", ["build"]), ("i.gpkg", ["export", "-f", "gpkg"]),
                                       ("i.geojson", ["export", "-f", "geojson"]),
                                       ("i.csv", ["export", "-f", "csv"]), ("i.json", ["extract", SEEDS])])
def test_a_full_disk_is_one_error_and_the_old_file_stays(tmpfs, name, args):
    full = tmpfs("full")
    target = full / name
    target.write_text("old\n")
    st = os.statvfs(full)
    (full / "filler").write_bytes(b"x" * (st.f_bavail * st.f_frsize - 8192))  # 8 KiB left
    out = geo(*args, "-o", str(target))
    lines = errors(out)
    [line] = [ln for ln in lines if ln.startswith("geo: error: ")]
    assert out.returncode == 1 and all(ln.startswith("geo: ") for ln in lines)
    assert line.startswith(f"geo: error: {target}: could not write it (No space left") and "free some space" in line
    assert target.read_text() == "old\n" and sorted(os.listdir(full)) == ["filler", name]
