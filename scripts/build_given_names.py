#!/usr/bin/env python3
"""Write geo/data/given_names.txt: the given names of the US Census Bureau's 1990 name
frequency lists (public domain), as shipped by the PyPI package ``names`` 0.3.0 (MIT), for
the person filter ("Kadeem Williams", "Iris Rodriguez": a name after a given name is a person's).

Names that are first a country or an admin-1 region in geo's gazetteer, or the own name of a
place of 100,000 people or more ("Charlotte", "Georgia", "Savannah") are left out: before another
name they are more often the place ("Charlotte Mecklenburg Police"). "Dave" and "Ben" stay,
though GeoNames lists them among the names of Dawei and Bern.

Usage:
  python scripts/build_given_names.py                  # runs `pip download names==0.3.0`
  python scripts/build_given_names.py --names names-0.3.0.tar.gz
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.atomic import atomic_write  # noqa: E402
from geo.normalize import normalize_name  # noqa: E402

SDIST = "names-0.3.0.tar.gz"
SHA256 = "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671"
LISTS = ("names-0.3.0/names/dist.male.first", "names-0.3.0/names/dist.female.first")
BIG_PLACE = 100_000


def fetch(path: Path | None, workdir: Path) -> bytes:
    """The sdist, from ``path`` or the package registry, checked against its pinned SHA-256."""
    if path is None:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                        "-q", "-d", str(workdir), "names==0.3.0"], check=True)
        path = workdir / SDIST
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256:
        sys.exit(f"{path}: SHA-256 {digest}, expected {SHA256}")
    return data


def census_names(sdist: Path) -> set[str]:
    """The lower-cased given names of both lists (first column of each line)."""
    out: set[str] = set()
    with tarfile.open(sdist) as tar:
        for member in LISTS:
            fh = tar.extractfile(member)
            assert fh is not None, member
            out |= {line.split()[0].lower() for line in fh.read().decode("ascii").splitlines() if line.strip()}
    return out


def is_big_place(name: str, gazetteer) -> bool:
    """True when the gazetteer's first reading of ``name`` is a country or a region ("Burma"), or
    a big place called so by its own name ("Charlotte"; not "Dave", which GeoNames lists among
    Dawei's names)."""
    try:
        best = gazetteer.lookup(name)
    except LookupError:
        return False
    own_name = normalize_name(best.name) == normalize_name(name)
    return best.feature in ("country", "admin1", "continent") or (own_name and (best.population or 0) >= BIG_PLACE)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--names", type=Path, help=f"{SDIST} (PyPI); fetched with pip if omitted")
    ap.add_argument("--out", type=Path, default=ROOT / "geo" / "data" / "given_names.txt")
    args = ap.parse_args(argv)
    from geo.gazetteer import default_gazetteer

    with tempfile.TemporaryDirectory() as tmp:
        sdist = Path(tmp) / SDIST
        sdist.write_bytes(fetch(args.names, Path(tmp)))
        given = census_names(sdist)
    gazetteer = default_gazetteer()
    kept = sorted(n for n in given if len(n) > 2 and not is_big_place(n, gazetteer))
    with atomic_write(args.out) as fh:
        fh.write("# US Census Bureau 1990 given names (public domain), via PyPI names 0.3.0; see data/README.md\n")
        fh.write("\n".join(kept) + "\n")
    print(f"wrote {len(kept)} of {len(given)} given names to {args.out} ({len(given) - len(kept)} are big places)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
