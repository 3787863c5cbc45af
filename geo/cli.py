"""The ``geo`` command: a thin typer layer over the library.

Exit codes: 0 success, 1 bad input (the message names what was wrong), 2 usage error.
Data goes to stdout (or ``-o``), diagnostics to stderr.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional

import typer

from geo.cli_output import (emit, fail, json_array, none_read, note, not_an_input, output_or_fail, parse_date_option, write_output,
                            writing)

app = typer.Typer(
    name="geo",
    help="Turn news articles about a crisis into a geocoded, dated incident dataset and a map.\n\n"
         "Examples:\n\n"
         "  geo geocode \"Huayllani, Cochabamba\"\n\n"
         "  geo geocode \"Santa Cruz\" --country BO --json\n\n"
         "  geo places seeds --json\n\n"
         "  geo extract mine/ --csv -o review.csv\n\n"
         "  geo build mine/ --curated review.csv -o mine.html\n\n"
         "  geo export mine/ --format gpkg --schema acled -o mine.gpkg",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from geo import __version__

        typer.echo(f"geo {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print geo's version and exit."),
          quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only warnings and errors (no progress, "
                                     "no summary): 'geo -q build news/ -o news.html'.")) -> None:
    """Turn news articles about a crisis into a geocoded, dated incident dataset and a map."""
    if quiet:
        from geo.options import options

        options.quiet = True


@app.command(epilog="Examples:\n\n"
                    "  geo geocode \"Huayllani, Cochabamba\"\n\n"
                    "  geo geocode \"Santa Cruz\" --country BO --json\n\n"
                    "  GEO_ONLINE=1 geo geocode \"Plaza Murillo\"   (same as --online)")
def geocode(
    query: str = typer.Argument(..., help="Place name, optionally qualified: 'Sacaba, Cochabamba'."),
    country: Optional[str] = typer.Option(None, "--country", "-c", metavar="ISO2",
                                          help="Focus country (ISO 3166 alpha-2), e.g. BO."),
    online: bool = typer.Option(False, "--online", help="If the offline gazetteer has no match, ask "
                                "Nominatim (cached, 1 request/s). Also GEO_ONLINE=1."),
    as_json: bool = typer.Option(False, "--json", help="Print the result and alternatives as JSON."),
) -> None:
    """Resolve a place name to coordinates with the offline gazetteer."""
    from geo.errors import OnlineGeocodingError
    from geo.gazetteer import GazetteerError, PlaceNotFound
    from geo.lookup import geocode as resolve
    from geo.lookup import online_enabled

    if country is not None and (len(country) != 2 or not country.isalpha()):
        fail(f"--country must be a two-letter ISO code such as BO, not {country!r}", 2)
    output_or_fail(None)
    try:
        result = resolve(query, country=country, online=online or online_enabled())
    except ValueError as exc:
        fail(str(exc))
    except PlaceNotFound as exc:
        hint = "" if (online or online_enabled()) else " (try --online to ask Nominatim)"
        fail(f"{exc}{hint}")
    except (OnlineGeocodingError, GazetteerError) as exc:
        fail(str(exc))
    if as_json:
        emit(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    where = ", ".join(filter(None, [result.admin1, result.country]))
    lines = [f"{result.name} ({where}) {result.lat:.5f}, {result.lon:.5f}  "
             f"[{result.feature}, {result.gazetteer_id}, score {result.score:g}]"]
    for alt in result.alternatives:
        where = ", ".join(filter(None, [alt.admin1, alt.country]))
        lines.append(f"  also: {alt.name} ({where}) {alt.lat:.4f}, {alt.lon:.4f}  [{alt.feature}, score {alt.score:g}]")
    emit("\n".join(lines))


_PATHS = typer.Argument(None, help="Articles (files or directories). None: the seeds demo (in a source checkout).")
_CURATED = typer.Option(None, "--curated", metavar="FILE", help="Curated incidents CSV (repeatable; none unless given): "
                        "rows with status 'reviewed' are kept as the truth, 'rejected' rows leave out the incident "
                        "they match.")
# Kept so scripts written for the old default keep working: only the seeds demo has curated records by default.
_NO_CURATED = typer.Option(False, "--no-curated", hidden=True, help="The seeds demo without its curated records.")
_SINCE = typer.Option(None, "--since", metavar="YYYY-MM-DD", help="Only incidents on or after this date.")
_UNTIL = typer.Option(None, "--until", metavar="YYYY-MM-DD", help="Only incidents on or before this date.")
_PUBLISHED = typer.Option(None, "--published", metavar="YYYY-MM-DD",
                          help="Publication date for articles whose date is unknown.")
_OUTLET = typer.Option(None, "--outlet", help="The outlet of articles whose manifest names none. Three or "
                       "more articles of a local outlet give it a home that settles namesakes ('Manhattan' "
                       "in a Kansas paper).")
_ARTICLES = typer.Argument(..., help="Article files, or directories of *.txt (with articles.csv).")
_RECURSIVE = typer.Option(False, "--recursive", "-r", help="Also read the folders inside the folders given "
                          "(each with its own articles.csv); without it they are named in a warning.")
_MAX_SIZE = typer.Option(20.0, "--max-size", metavar="MB", min=0.001,
                         help="Skip (with a warning) articles larger than this many megabytes.")
_WORKERS = typer.Option(None, "--workers", "-j", metavar="N", min=1, help="Processes that read the articles "
                        "(default: the machine's cores; 1: this process only). The output is the same for any N.")
_SCHEDULER = typer.Option(None, "--scheduler", metavar="ADDRESS", help="Send the work to a running dask.distributed "
                          "scheduler (tcp://HOST:8786) instead; also GEO_DASK_SCHEDULER.")
_NO_CACHE = typer.Option(False, "--no-cache", help="Read every article again, ignoring (and not keeping) the "
                         "per-article results cached from earlier runs.")
DEFAULT_MAP = "maps/seeds.html"
_OUTPUT = typer.Option(None, "-o", "--output", help="Write to this file instead of stdout ('-': stdout).")


@app.command(epilog="Examples:\n\n"
                    "  geo places seeds --json\n\n"
                    "  geo places article.txt --published 2019-11-20 --json -o places.json\n\n"
                    "  geo places seeds        (a table: article, mention, place, coordinates)\n\n"
                    "  geo places clips/*.txt --outlet 'The Town Talk' --json\n\n"
                    "  geo places archive/ --workers 1 --no-cache --json   (one process, every article read again)")
def places(
    paths: list[Path] = _ARTICLES, published: Optional[str] = _PUBLISHED,
    as_json: bool = typer.Option(False, "--json", help="Print the JSON contract (one object per article)."),
    output: Optional[str] = _OUTPUT,
    demonyms: bool = typer.Option(False, "--demonyms", help="Also count 'Bolivian', 'Chilean' as mentions "
                                  "of their country."),
    modifiers: bool = typer.Option(False, "--modifiers", help="Also count places inside names of other "
                                   "things ('Ohio State University'), as some gold corpora do."),
    outlet: Optional[str] = _OUTLET, recursive: bool = _RECURSIVE, max_size: float = _MAX_SIZE,
    workers: Optional[int] = _WORKERS, scheduler: Optional[str] = _SCHEDULER, no_cache: bool = _NO_CACHE,
) -> None:
    """Find and resolve every place each article names."""
    from geo.pipeline import Run, places_doc

    target = output_or_fail(output)
    parallel = parallel_or_fail(workers, scheduler, no_cache)
    articles = load_or_fail(paths, published, outlet, recursive, max_size, listed=True)
    not_an_input(target, articles, paths)
    run = Run()
    doc = places_doc(articles, demonyms, modifiers, run=run, **parallel)
    if not run.articles:
        none_read(paths, run.failed)
    if as_json:
        write_output(json.dumps(doc, ensure_ascii=False, indent=1), output)
    else:
        lines = []
        for art in doc:
            for m in art["mentions"]:
                where = f"{m['lat']:.4f}, {m['lon']:.4f}" if m["lat"] is not None else "unresolved"
                lines.append(f"{art['article']}\t{m['start']}-{m['end']}\t{m['text']!r}\t"
                             f"{m['name']} ({m['country'] or '-'})\t{where}")
        write_output("\n".join(lines), output)
    unresolved = sum(m["lat"] is None for a in doc for m in a["mentions"])
    note(f"geo: {len(doc)} article(s), {sum(len(a['mentions']) for a in doc)} place mention(s)"
         + (f", {unresolved} unresolved" if unresolved else "") + cached_note(run))


def parallel_or_fail(workers: Optional[int], scheduler: Optional[str], no_cache: bool) -> dict:
    """The ``workers``, ``scheduler`` and ``cache`` arguments of the pipeline, from the options
    (``--scheduler`` else GEO_DASK_SCHEDULER; a malformed address is a usage error)."""
    from geo.options import OptionError, options
    from geo.pipeline.execute import SchedulerError, check_address, machine_cores

    try:
        scheduler = scheduler or options.dask_scheduler
        cache = not no_cache and options.result_cache
        if scheduler is not None:
            scheduler = check_address(scheduler)
    except SchedulerError as exc:
        fail(f"--scheduler: {exc}", 2)
    except OptionError as exc:
        fail(str(exc))
    return {"workers": workers or machine_cores(), "scheduler": scheduler, "cache": cache}


def cached_note(run) -> str:
    return f" ({run.cached} of {run.cached + run.read} article(s) from the cache)" if run.cached else ""


def load_or_fail(paths: list[Path], published: Optional[str], outlet: Optional[str] = None,
                 recursive: bool = False, max_size: float = 20.0, listed: bool = False):
    """Articles from PATHs (problems to stderr); exit 1 when none could be loaded. ``listed``: their
    sources only, to be read in the tasks (see :func:`none_read`)."""
    from geo.articles import ManifestError, article_sources, load_articles
    from geo.entries import shown

    # PATHs none of which is there: bad input (exit 1, as for a folder without articles), not articles to skip
    # one by one (a missing file among others is reported and the rest read).
    if paths and not any(os.path.lexists(p) for p in paths):
        fail(f"{', '.join(shown(p) for p in paths)}: no such file or folder (PATH: article files or folders of *.txt)")
    problems: list[str] = []

    def report(msg: str) -> None:
        problems.append(msg)
        typer.echo(f"geo: warning: {msg}", err=True)

    try:
        articles = (article_sources if listed else load_articles)(
            paths, published=parse_date_option(published, "--published"), on_problem=report, outlet=outlet,
            recursive=recursive, max_mb=max_size)
    except ManifestError as exc:
        fail(str(exc))
    if not articles:
        none_read(paths, len(problems))
    return articles


@app.command(short_help="Extract incidents, one per event, each source kept.",
             epilog="Examples:\n\n"
                    "  geo extract seeds --json\n\n"
                    "  geo extract seeds --csv -o incidents.csv\n\n"
                    "  geo extract story.txt --published 2019-11-20 --json\n\n"
                    "  geo extract clips/*.txt --outlet 'The Town Talk' --csv -o incidents.csv\n\n"
                    "  geo extract archive/ --workers 2 --json -o all.json   (two processes; cached for the next run)\n\n"
                    "  geo extract archive/ --scheduler tcp://10.0.0.5:8786 --csv -o review.csv   (a Dask cluster)\n\n"
                    "  geo extract news/ --csv -o review.csv   (then set status to reviewed or rejected, and:)\n\n"
                    "  geo build news/ --curated review.csv -o news.html")
def extract(
    paths: list[Path] = _ARTICLES, published: Optional[str] = _PUBLISHED, outlet: Optional[str] = _OUTLET,
    as_json: bool = typer.Option(False, "--json", help="Print incidents as a JSON array (the default)."),
    as_csv: bool = typer.Option(False, "--csv", help="Print incidents as CSV with the incident schema (a review "
                                "file: set a row's status to reviewed or rejected, pass it back with --curated)."),
    output: Optional[str] = _OUTPUT, recursive: bool = _RECURSIVE, max_size: float = _MAX_SIZE,
    curated: Optional[list[Path]] = _CURATED,
    workers: Optional[int] = _WORKERS, scheduler: Optional[str] = _SCHEDULER, no_cache: bool = _NO_CACHE,
) -> None:
    """Extract incidents from articles; reports of one event are merged, each source kept."""
    import io

    from geo.pipeline import Run, incidents_of
    from geo.records import write_incidents_csv

    if as_json and as_csv:
        fail("choose one of --json and --csv", 2)
    target = output_or_fail(output)
    parallel = parallel_or_fail(workers, scheduler, no_cache)
    articles = load_or_fail(paths, published, outlet, recursive, max_size, listed=True)
    not_an_input(target, articles, paths, curated)
    run = Run()
    if curated:  # a review round: reviewed rows stand, rejected ones stay in the file (and out of the maps)
        ds = dataset_or_fail(target, paths, curated, False, None, None, published, outlet, recursive, max_size,
                             articles=articles, parallel=parallel, run=run)
        incidents = ds.incidents + ds.rejected
    else:
        incidents = incidents_of(articles, run=run, places=False, **parallel)[1]
        if not run.articles:
            none_read(paths, run.failed)
    if as_csv:
        buf = io.StringIO()
        write_incidents_csv(incidents, buf)
        write_output(buf.getvalue().rstrip("\n"), output)
    else:
        write_output(json_array(i.to_dict() for i in incidents), output)  # one incident at a time
    undated = sum(i.event_date is None for i in incidents)
    note(f"geo: {len(incidents)} incident(s) from {sum(len(i.sources) for i in incidents)} report(s)"
         + (f", {undated} undated (publication date unknown: pass --published)" if undated else "")
         + cached_note(run))


def dataset_or_fail(target, paths: Optional[list[Path]], curated: Optional[list[Path]], no_curated: bool,
                    since: Optional[str], until: Optional[str], published: Optional[str], outlet: Optional[str],
                    recursive: bool = False, max_size: float = 20.0, articles=None, parallel: Optional[dict] = None,
                    run=None):
    """The dataset for build/export (and extract --curated), with problems reported on stderr; ``target`` (the output) is no input.

    No PATH: the seeds demo of a source checkout (its articles and their curated records,
    less the records with --no-curated); anywhere else a usage error. Given PATHs get curated
    records only from --curated.
    """
    from geo.articles import ManifestError
    from geo.dataset import build_dataset
    from geo.errors import OnlineGeocodingError
    from geo.options import OptionError
    from geo.paths import checkout_demo
    from geo.pipeline import Run
    from geo.pipeline.execute import SchedulerError
    from geo.records import RecordError

    since_d, until_d = parse_date_option(since, "--since"), parse_date_option(until, "--until")
    if since_d and until_d and since_d > until_d:
        fail(f"--since {since} is after --until {until}", 2)
    if curated and no_curated:
        fail("--no-curated and --curated contradict each other: give one", 2)
    if not paths:
        demo = checkout_demo()
        if demo is None:
            fail("give the articles to read (files, or folders of *.txt): e.g. 'geo build news/ -o news.html'", 2)
        paths, curated = [demo[0]], (curated or ([] if no_curated else [demo[1]]))
    for file in curated or []:
        if not file.exists():
            fail(f"--curated {file}: no such curated records file")
    # Loaded first (and once): PATHs that yield no article stop here, before any long work,
    # rather than give a map of the curated records alone; and an -o that is an input is refused.
    if articles is None:  # listed here, read in the tasks
        articles = load_or_fail(paths, published, outlet, recursive, max_size, listed=True)
        not_an_input(target, articles, paths, curated)
    run = run if run is not None else Run()
    try:
        ds = build_dataset(paths, curated=curated, since=since_d, until=until_d,
                           published=parse_date_option(published, "--published"), outlet=outlet,
                           recursive=recursive, max_mb=max_size, articles=articles,
                           on_problem=lambda msg: typer.echo(f"geo: warning: {msg}", err=True), run=run,
                           **(parallel or {}))
    except (RecordError, ManifestError, OnlineGeocodingError, OptionError, SchedulerError) as exc:  # GEO_ONLINE=1: the server may fail
        fail(str(exc))
    if not run.articles:
        none_read(paths, run.failed)
    if ds.unresolved:
        ids = [i.incident_id for i in ds.unresolved]
        more = f" and {len(ids) - 5} more" if len(ids) > 5 else ""
        typer.echo(f"geo: {len(ids)} incident(s) with an unresolved place are kept (in the exports, without "
                   f"coordinates) but not mapped: {', '.join(ids[:5])}{more}", err=True)
    return ds


@app.command(short_help="Build the layered offline map (one self-contained HTML file).",
             epilog="Examples:\n\n"
                    "  geo build news/ -o maps/news.html          (only what the articles in news/ say)\n\n"
                    "  geo build news/ --curated review.csv -o maps/news.html   (with your reviewed records)\n\n"
                    "  geo build seeds --curated data/incidents.csv --since 2019-11-15 --until 2019-11-16\n\n"
                    "  geo build                                  (in a source checkout: the seeds demo -> maps/seeds.html)\n\n"
                    "  geo build archive/ --scheduler tcp://10.0.0.5:8786 -o archive.html   (read on a Dask cluster)\n\n"
                    "Open the HTML file in a browser: it works offline.")
def build(
    paths: Optional[list[Path]] = _PATHS,
    output: Optional[str] = typer.Option(None, "-o", "--output", help="HTML file to write ('-': stdout). "
                                          "Default: maps/seeds.html (its folder is created)."),
    curated: Optional[list[Path]] = _CURATED, no_curated: bool = _NO_CURATED,
    since: Optional[str] = _SINCE, until: Optional[str] = _UNTIL, published: Optional[str] = _PUBLISHED,
    outlet: Optional[str] = _OUTLET, recursive: bool = _RECURSIVE, max_size: float = _MAX_SIZE,
    workers: Optional[int] = _WORKERS, scheduler: Optional[str] = _SCHEDULER, no_cache: bool = _NO_CACHE,
) -> None:
    """Build the layered offline map of the incidents (one self-contained HTML file)."""
    from geo.mapping import save_map

    # The default's folder is created: `geo build` in a fresh folder is the demo.
    target = output_or_fail(output or DEFAULT_MAP, create_folder=output is None)
    output = output or DEFAULT_MAP
    parallel = parallel_or_fail(workers, scheduler, no_cache)
    ds = dataset_or_fail(target, paths, curated, no_curated, since, until, published, outlet, recursive, max_size,
                         parallel=parallel)
    with writing(output):
        save_map(ds, output)
    done = f"geo: map of {len(ds.incidents)} incident(s) from {len(ds.articles)} article(s) written to "
    if target.kind == "file":
        note(done + f"{output} ({target.path.stat().st_size / 1e6:.1f} MB); open it in a browser")
    else:
        note(done + ("standard output" if str(output) == "-" else str(output)))


@app.command(epilog="Examples:\n\n"
                    "  geo export news/ --format gpkg -o news.gpkg            (opens in QGIS as is)\n\n"
                    "  geo export news/ --format parquet -o news.parquet      (GeoParquet, for DuckDB and geopandas)\n\n"
                    "  geo export news/ --format csv --schema acled -o news-acled.csv   (ACLED's columns and codes)\n\n"
                    "  geo export news/ --curated review.csv --format geojson -o news.geojson\n\n"
                    "  geo export --format csv -o seeds.csv       (in a source checkout: the seeds demo)")
def export(
    paths: Optional[list[Path]] = _PATHS,
    fmt: str = typer.Option(..., "--format", "-f", help="geojson (RFC 7946), gpkg, csv or parquet (GeoParquet: geopandas, DuckDB)."),
    output: str = typer.Option(..., "-o", "--output", help="File to write ('-': stdout)."),
    schema: str = typer.Option("geo", "--schema", help="geo (the incident record, with injuries, arrests, sources, "
                               "status, n_sources) or acled (ACLED's columns, in ACLED's order, with its codes)."),
    curated: Optional[list[Path]] = _CURATED, no_curated: bool = _NO_CURATED,
    since: Optional[str] = _SINCE, until: Optional[str] = _UNTIL, published: Optional[str] = _PUBLISHED,
    outlet: Optional[str] = _OUTLET, recursive: bool = _RECURSIVE, max_size: float = _MAX_SIZE,
    workers: Optional[int] = _WORKERS, scheduler: Optional[str] = _SCHEDULER, no_cache: bool = _NO_CACHE,
) -> None:
    """Export the incidents for GIS tools, spreadsheets and ACLED users."""
    from geo.export import FORMATS, SCHEMAS, export as write

    if fmt.lower() not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}", 2)
    if schema.lower() not in SCHEMAS:
        fail(f"--schema must be one of {', '.join(SCHEMAS)}, not {schema!r}", 2)
    target = output_or_fail(output, binary=fmt.lower() == "gpkg", suffix="" if fmt.lower() == "csv" else f".{fmt.lower()}")
    parallel = parallel_or_fail(workers, scheduler, no_cache)
    ds = dataset_or_fail(target, paths, curated, no_curated, since, until, published, outlet, recursive, max_size,
                         parallel=parallel)
    with writing(output):
        write(ds, output, fmt.lower(), schema.lower())
    shown = "standard output" if str(output) == "-" else str(output)
    note(f"geo: {len(ds.incidents)} incident(s) written to {shown}")


if __name__ == "__main__":
    from geo.entry import main

    main()
