"""The ``geo`` command: a thin typer layer over the library.

Exit codes: 0 success, 1 bad input (the message names what was wrong), 2 usage error.
Data goes to stdout (or ``-o``), diagnostics to stderr.
"""

from __future__ import annotations

import json
import sys
from typing import Optional

import typer

app = typer.Typer(
    name="geo",
    help="Turn news articles about a crisis into a geocoded, dated incident dataset and a map.\n\n"
         "Examples:\n\n"
         "  geo geocode \"Huayllani, Cochabamba\"\n\n"
         "  geo geocode \"Santa Cruz\" --country BO --json",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


@app.callback()
def _root() -> None:
    """Turn news articles about a crisis into a geocoded, dated incident dataset and a map."""


def fail(message: str, code: int = 1) -> None:
    """Print ``geo: error: message`` to stderr and exit with ``code``."""
    typer.echo(f"geo: error: {message}", err=True)
    raise typer.Exit(code)


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
    from geo.gazetteer import GazetteerError, PlaceNotFound
    from geo.geocoders.nominatim import OnlineGeocodingError
    from geo.lookup import geocode as resolve, online_enabled

    if country is not None and (len(country) != 2 or not country.isalpha()):
        fail(f"--country must be a two-letter ISO code such as BO, not {country!r}", 2)
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
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    where = ", ".join(filter(None, [result.admin1, result.country]))
    typer.echo(f"{result.name} ({where}) {result.lat:.5f}, {result.lon:.5f}  "
               f"[{result.feature}, {result.gazetteer_id}, score {result.score:g}]")
    for alt in result.alternatives:
        where = ", ".join(filter(None, [alt.admin1, alt.country]))
        typer.echo(f"  also: {alt.name} ({where}) {alt.lat:.4f}, {alt.lon:.4f}  [{alt.feature}, score {alt.score:g}]")


def main() -> None:
    """Entry point of the ``geo`` console script."""
    try:
        app(standalone_mode=True)
    except KeyboardInterrupt:
        typer.echo("geo: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
