"""The public geoparsing gold corpora in ../shared/bench (LGL, TR-News), for benchmarks only."""

from __future__ import annotations

import importlib.util
from pathlib import Path


def corpus_loader(shared: Path | None):
    """The corpora's own loader module (``load_simple(name)``), or None when it is not there."""
    path = Path(shared) / "bench" / "load.py" if shared else None
    if path is None or not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("bench_load", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def outlets(shared: Path, corpus: str) -> dict[str, str]:
    """Document id -> the outlet's web domain, as the corpus records it (``<domain>``)."""
    import xml.etree.ElementTree as ET

    files = {"lgl": "lgl.xml", "trnews": "TR-News.xml"}
    root = ET.parse(Path(shared) / "bench" / files[corpus]).getroot()
    return {a.get("docid"): (a.findtext("domain") or "").strip() or None for a in root.iter("article")}
