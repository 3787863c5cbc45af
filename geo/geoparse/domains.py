"""What an outlet's web domain says: whether it is one, its name part, its country."""

from __future__ import annotations

import re

_SECOND_LEVEL = frozenset("co com org net gov ac edu".split())  # "co.uk", "com.au"
# Country-code domains sold worldwide as generic ones: they say nothing of where an outlet is.
_GENERIC_CCTLDS = frozenset("co io tv me fm ly ai am cc ws to nu gg".split())
_DOMAIN = re.compile(r"^(?:https?://)?((?:[a-z0-9-]+\.)+[a-z]{2,})/?$")


def _labels(outlet: str | None) -> list[str] | None:
    """The labels of an outlet given as a web domain ("news.postbulletin.com"), else None."""
    m = _DOMAIN.match((outlet or "").strip().lower())
    return m.group(1).split(".") if m else None


def is_domain(outlet: str | None) -> bool:
    """True when an outlet is given as a web domain ("www.lfpress.ca", "ajc.com").

    >>> is_domain("richmondregister.com"), is_domain("The Town Talk")
    (True, False)
    """
    return _labels(outlet) is not None


def domain_country(outlet: str | None) -> str | None:
    """The ISO country code of an outlet given as a web domain with a country-code ending.

    >>> domain_country("www.nlhnews.co.uk"), domain_country("cbc.ca"), domain_country("ajc.com")
    ('GB', 'CA', None)
    >>> domain_country("Workers World"), domain_country("news.co")
    (None, None)
    """
    tld = (_labels(outlet) or [""])[-1]
    if len(tld) != 2 or tld in _GENERIC_CCTLDS:
        return None
    return "GB" if tld == "uk" else tld.upper()


def domain_name(outlet: str) -> str:
    """The name part of a web domain, without subdomains and public suffix.

    >>> domain_name("news.postbulletin.com"), domain_name("www.nlhnews.co.uk"), domain_name("cbc.ca")
    ('postbulletin', 'nlhnews', 'cbc')
    """
    parts = (_labels(outlet) or [""])[:-1]
    if len(parts) > 1 and parts[-1] in _SECOND_LEVEL:
        parts = parts[:-1]
    return parts[-1] if parts else ""
