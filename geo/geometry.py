"""Where to put the point of a place that is an area (a country, a region, a county).

>>> from shapely.geometry import box
>>> p = inside_point(box(0, 0, 2, 2))
>>> (p.x, p.y)
(1.0, 1.0)
"""

from __future__ import annotations


def largest_part_point(geom):
    """A point inside the area's largest part: its centroid when that falls inside."""
    from shapely.geometry import MultiPolygon

    part = max(geom.geoms, key=lambda g: g.area) if isinstance(geom, MultiPolygon) else geom
    c = part.centroid
    return c if part.contains(c) else part.representative_point()


def inside_point(geom):
    """The area's centroid when it falls inside the area (Alberta), else a point inside its
    largest part (an archipelago's centroid is at sea)."""
    c = geom.centroid
    return c if geom.contains(c) else largest_part_point(geom)
