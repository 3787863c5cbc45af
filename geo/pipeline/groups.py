"""Groups of articles read together, and the tasks that carry them.

>>> from geo.articles import Article
>>> arts = [Article("a", "x", outlet="P"), Article("b", "x"), Article("c", "x", outlet="P"), Article("d", "x")]
>>> outlet_groups(arts)
[[0, 2], [1], [3]]
>>> tasks([[0, 2], [1], [3]], size=2)
[[[0, 2]], [[1], [3]]]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from geo.articles import Article, ArticleSource

TASK_ARTICLES = 64  # articles per task: big enough to pay for its trip, small enough to spread


def outlet_groups(articles: Sequence[Article | ArticleSource]) -> list[list[int]]:
    """Article indices in groups: an outlet's articles in one (in corpus order), every article
    without an outlet alone; groups in the order of their first article."""
    by_outlet: dict[str, list[int]] = {}
    out: list[list[int]] = []
    for i, art in enumerate(articles):
        if not art.outlet:
            out.append([i])
        elif art.outlet in by_outlet:
            by_outlet[art.outlet].append(i)
        else:
            by_outlet[art.outlet] = [i]
            out.append(by_outlet[art.outlet])
    return out


def tasks(groups: list[list[int]], size: int = TASK_ARTICLES) -> list[list[list[int]]]:
    """Groups packed into tasks of about ``size`` articles (a bigger group is a task of its own)."""
    out: list[list[list[int]]] = []
    current: list[list[int]] = []
    held = 0
    for group in groups:
        if current and held + len(group) > size:
            out.append(current)
            current, held = [], 0
        current.append(group)
        held += len(group)
    if current:
        out.append(current)
    return out
