"""The incident dataset: articles' extracted incidents reconciled with curated records.

Reviewed records (``data/incidents.csv``) win: an extracted incident that a reviewed
record already covers (same event by the merge rule) adds its sources to that record
instead of appearing twice; the others join as ``status=extracted``.

>>> ds = build_dataset()
>>> [i.location for i in ds.incidents if i.status == "extracted"]  # not in the reviewed records
['La Paz']
>>> len(ds.gdf) == len(ds.incidents)
True
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

from geo.articles import Article, load_articles
from geo.records import Incident, load_incidents, to_geodataframe
from geo.toponyms import Mention

DEFAULT_CURATED = "incidents.csv"


@dataclass
class Dataset:
    """Incidents (one per event), the articles they came from, the problems met on the way."""

    incidents: list[Incident]
    articles: list[Article]
    problems: list[str] = field(default_factory=list)
    places: dict[str, list[Mention]] = field(default_factory=dict)  # article id -> its place mentions

    @property
    def gdf(self):
        """GeoDataFrame, EPSG:4326, one Point per incident (None where unresolved)."""
        return to_geodataframe(self.incidents)

    @property
    def unresolved(self) -> list[Incident]:
        return [i for i in self.incidents if not i.resolved]


def in_range(inc: Incident, since: date | None, until: date | None) -> bool:
    """True if the incident's date lies in [since, until] (undated incidents only when unfiltered)."""
    if inc.event_date is None:
        return since is None and until is None
    return (since is None or inc.event_date >= since) and (until is None or inc.event_date <= until)


def reconcile(curated: list[Incident], extracted: list[Incident]) -> list[Incident]:
    """Curated records plus the extracted incidents they do not already cover (ids kept unique:
    an extracted event beside a curated one of the same day, place and type gets ``-2``)."""
    from dataclasses import replace

    from geo.events import same_event

    out = list(curated)
    ids = {c.incident_id for c in curated}
    for inc in extracted:
        match = next((c for c in curated if same_event(c, inc)), None)
        if match is None:
            base, n = inc.incident_id, 2
            while inc.incident_id in ids:
                inc = replace(inc, incident_id=f"{base}-{n}")
                n += 1
            ids.add(inc.incident_id)
            out.append(inc)
            continue
        known = {s.article for s in match.sources}
        match.sources += [s for s in inc.sources if s.article not in known]
    return sorted(out, key=lambda i: (i.event_date or date.max, i.incident_id))


def build_dataset(paths: Iterable[str | Path] | None = None, curated: str | Path | None = None,
                  since: date | None = None, until: date | None = None, published: date | None = None,
                  on_problem: Callable[[str], None] | None = None, outlet: str | None = None,
                  recursive: bool = False, max_mb: float = 20.0, articles: list[Article] | None = None) -> Dataset:
    """Articles → extracted incidents, reconciled with curated records, filtered by date.

    Defaults: the seed articles and ``data/incidents.csv``. ``curated=""`` skips curated
    records; ``paths=[]`` skips extraction. ``published`` and ``outlet`` apply to articles
    whose manifest gives none; ``recursive`` reads subfolders and ``max_mb`` caps an article's
    size (see :func:`geo.articles.load_articles`). ``articles``, already loaded, are used
    instead of loading ``paths`` again.
    """
    from geo.incidents import extract_incidents
    from geo.lookup import geocode
    from geo.paths import DEMO_CURATED, SEEDS_DIR
    from geo.toponyms import default_toponymer

    problems: list[str] = []

    def report(msg: str) -> None:
        problems.append(msg)
        if on_problem is not None:
            on_problem(msg)
        else:
            print(f"geo: warning: {msg}", file=sys.stderr)

    paths = [SEEDS_DIR] if paths is None else list(paths)
    if articles is None:
        articles = load_articles(paths, published=published, on_problem=report, outlet=outlet, recursive=recursive,
                                 max_mb=max_mb) if paths else []
    # Places are found once, for both the incidents and the map's mention layer.
    toponymer = default_toponymer()
    places = toponymer.find_all(articles)
    extracted = extract_incidents(articles, found=places) if articles else []
    curated_path = DEMO_CURATED if curated is None else curated
    records = load_incidents(curated_path, on_problem=report, geocode=geocode) if curated_path else []
    titles = {a.article_id: a for a in articles}
    for inc in records:
        for s in inc.sources:
            if s.article in titles and not s.title:
                s.title, s.outlet = titles[s.article].title, titles[s.article].outlet
    incidents = [i for i in reconcile(records, extracted) if in_range(i, since, until)]
    return Dataset(incidents=incidents, articles=articles, problems=problems, places=places)
