"""Start-up: a command imports only what it uses (geopandas, folium, pyogrio and geopy are heavy)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("geopandas", "folium", "pyogrio", "geopy", "dask", "distributed", "pandas")
_PROBE = """
import json, sys
from geo.entry import main
sys.argv = ["geo", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})), file=sys.__stderr__)
"""


def modules_of(*args: str, tmp_path: Path) -> set[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=120)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def test_places_and_extract_import_nothing_heavy(tmp_path):
    seed = str(ROOT / "seeds" / "004_26b54f6d74c6cf47.txt")
    for command in (["places", seed, "--json", "-o", str(tmp_path / "p.json")],
                    ["extract", seed, "--json", "-o", str(tmp_path / "e.json")],
                    ["geocode", "Sacaba"]):
        loaded = modules_of(*command, tmp_path=tmp_path)
        assert not loaded & set(HEAVY), (command, loaded & set(HEAVY))
    assert json.loads((tmp_path / "p.json").read_text()) and json.loads((tmp_path / "e.json").read_text())


def test_a_geo_process_collects_its_young_objects_at_every_10000(tmp_path):
    # Its results live until they are written: Python's default (700) spent a third of a re-run's CPU.
    probe = "import gc, sys\nfrom geo.entry import main\nsys.argv = ['geo', 'geocode', 'Sacaba']\ntry:\n    main()\n" \
            "except SystemExit:\n    pass\nprint(gc.get_threshold()[0], file=sys.__stderr__)\n"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert done.stderr.strip().splitlines()[-1] == "10000"
