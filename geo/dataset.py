"""The incident dataset: articles' extracted incidents reconciled with curated records.

Curated records come only from the files given (``curated=``); none by default. Their
``status`` says what each row is:

- ``reviewed``: kept as the truth; an extracted incident it covers (the same incident id, or
  the same event by the merge rule) adds its sources to it instead of appearing twice;
- ``rejected``: the extracted incident it matches (same rule) is left out, and so is the row;
- ``extracted``: a row nobody reviewed yet (``geo extract --csv`` writes them so): not used,
  the articles' own extraction stands (a note counts them).

Extracted incidents no record covers join as ``status=extracted``.

>>> from geo.paths import DEMO_CURATED, SEEDS_DIR
>>> ds = build_dataset([SEEDS_DIR], curated=DEMO_CURATED)
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

from geo.articles import Article, ArticleSource, article_sources
from geo.records import Incident, load_incidents, to_geodataframe
from geo.toponyms import Mention



@dataclass
class Dataset:
    """Incidents (one per event), the articles they came from, the problems met on the way."""

    incidents: list[Incident]
    articles: list[Article]
    problems: list[str] = field(default_factory=list)
    places: dict[str, list[Mention]] = field(default_factory=dict)  # article id -> its place mentions
    rejected: list[Incident] = field(default_factory=list)  # curated rows that leave an incident out
    # article id -> place -> the words around it (geo.snippets), made where the article was read
    snippets: dict[str, dict[str, list[str]]] = field(default_factory=dict)

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


def _covers(record: Incident, inc: Incident) -> bool:
    """A curated record stands for this extracted incident: the merge rule's same event, or a row
    of ``geo extract`` corrected by hand (its place, date or type changed): the same id and a
    report in common. The id alone is not enough: ids name country, day, place and type, which
    two events can share (a hand-kept record of another protest in La Paz that day)."""
    from geo.events import same_event

    if same_event(record, inc):
        return True
    reports = {(s.article, s.start) for s in record.sources}
    return record.incident_id == inc.incident_id and any((s.article, s.start) in reports for s in inc.sources)


def reconcile(curated: list[Incident], extracted: list[Incident]) -> list[Incident]:
    """Reviewed records, plus the extracted incidents they do not already cover, less those a
    rejected record matches (rows still ``extracted`` are not used). Ids are kept unique: an
    extracted event beside a reviewed one of the same day, place and type gets ``-2``."""
    from dataclasses import replace

    reviewed = [c for c in curated if c.status == "reviewed"]
    rejected = [c for c in curated if c.status == "rejected"]
    out = list(reviewed)
    ids = {c.incident_id for c in reviewed}
    for inc in extracted:
        if any(_covers(r, inc) for r in rejected):
            continue
        match = next((c for c in reviewed if _covers(c, inc)), None)
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


def as_date(value: date | str | None, name: str) -> date | None:
    """A date given as a date or an ISO string (as the command line takes it).

    >>> as_date("2019-11-15", "since"), as_date(None, "until")
    (datetime.date(2019, 11, 15), None)
    """
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a date or a YYYY-MM-DD string, not {value!r}") from None


def build_dataset(paths: Iterable[str | Path] = (), curated: Iterable[str | Path] | str | Path | None = None,
                  since: date | str | None = None, until: date | str | None = None, published: date | None = None,
                  on_problem: Callable[[str], None] | None = None, outlet: str | None = None,
                  recursive: bool = False, max_mb: float = 20.0,
                  articles: list[Article] | list[ArticleSource] | None = None,
                  workers: int = 1, scheduler: str | None = None, cache: bool = False, run=None) -> Dataset:
    """Articles → extracted incidents, reconciled with curated records, filtered by date.

    ``paths``: article files or folders (none: no extraction); ``curated``: one curated CSV
    file or several (none by default: a dataset holds only what its articles say unless
    records are asked for). ``since``/``until`` are dates or ISO strings. ``published`` and
    ``outlet`` apply to articles whose manifest gives none; ``recursive`` reads subfolders and
    ``max_mb`` caps an article's size (see :func:`geo.articles.load_articles`). ``articles``,
    already loaded (or listed: :func:`geo.articles.article_sources`), are used instead of
    listing ``paths`` again. The articles are read where their places are found (in tasks,
    on workers): the dataset's ``articles`` keep their metadata, not their text, unless they
    were given loaded; the map's snippets come back in ``snippets``. ``workers``, ``scheduler`` and
    ``cache``: how the articles are read (see :mod:`geo.pipeline`; the result is the same);
    ``run`` (a :class:`geo.pipeline.Run`) is told how many were read and how many cached.
    """
    from geo.lookup import geocode
    from geo.pipeline import Run, incidents_of

    since, until = as_date(since, "since"), as_date(until, "until")
    problems: list[str] = []

    def report(msg: str) -> None:
        problems.append(msg)
        if on_problem is not None:
            on_problem(msg)
        else:
            print(f"geo: warning: {msg}", file=sys.stderr)

    paths = list(paths)
    if articles is None:
        articles = article_sources(paths, published=published, on_problem=report, outlet=outlet,
                                   recursive=recursive, max_mb=max_mb) if paths else []
    run = run if run is not None else Run()
    # Places are found once, for both the incidents and the map's mention layer.
    places, extracted = incidents_of(articles, workers=workers, scheduler=scheduler, cache=cache, run=run,
                                     on_problem=report)
    loaded = [a for a in articles if isinstance(a, Article)]
    read = loaded if len(loaded) == len(articles) else run.articles  # listed: read in the tasks, no text kept
    records = [inc for path in curated_files(curated) for inc in _records(path, report, geocode)]
    titles = {a.article_id: a for a in read}
    for inc in records:
        for s in inc.sources:
            if s.article in titles and not s.title:
                s.title, s.outlet = titles[s.article].title, titles[s.article].outlet
    incidents = [i for i in reconcile(records, extracted) if in_range(i, since, until)]
    rejected = [r for r in records if r.status == "rejected"]
    return Dataset(incidents=incidents, articles=read, problems=problems, places=places, rejected=rejected,
                   snippets=run.snippets)


def curated_files(curated: Iterable[str | Path] | str | Path | None) -> list[Path]:
    """The curated files asked for: none, one path, or several (an empty string is none).

    >>> curated_files(None), curated_files(""), curated_files("a.csv"), curated_files(["a.csv", "b.csv"])
    ([], [], [PosixPath('a.csv')], [PosixPath('a.csv'), PosixPath('b.csv')])
    """
    if curated is None or curated == "":
        return []
    if isinstance(curated, (str, Path)):
        return [Path(curated)]
    return [Path(c) for c in curated if c != ""]


def _records(path: Path, report: Callable[[str], None], geocode) -> list[Incident]:
    """One curated file's records; rows nobody reviewed yet are counted in a note and not used."""
    records = load_incidents(path, on_problem=report, geocode=geocode)
    pending = sum(r.status == "extracted" for r in records)
    if pending:
        report(f"{path}: {pending} row(s) with status 'extracted' not used (the articles' own extraction "
               "stands); set status to 'reviewed' to keep a row as the truth, 'rejected' to leave its incident out")
    return [r for r in records if r.status != "extracted"]
