"""A corpus written for the scale tests: short local-news stories from templates, several
outlets (some with a home their stories share), some stories with no outlet, events that
several outlets report (so merging across articles has work to do).
"""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta
from pathlib import Path

# outlet -> towns its stories name (the first is home)
OUTLETS = {
    "The Town Talk": ["Alexandria, La.", "Pineville", "Ball", "Boyce"],
    "wtkr.com": ["Norfolk, Va.", "Virginia Beach", "Chesapeake", "Portsmouth"],
    "The Manhattan Mercury": ["Manhattan, Kan.", "Junction City", "Wamego", "Ogden"],
    "Sentinel-Review": ["Woodstock, Ont.", "Ingersoll", "Tillsonburg", "London"],
    "ksla.com": ["Shreveport, La.", "Bossier City", "Minden", "Marshall, Texas"],
    "Los Tiempos": ["Cochabamba", "Sacaba", "Quillacollo", "Huayllani"],
}
LOOSE_TOWNS = ["El Alto", "La Paz", "Senkata", "Santa Cruz", "Oruro", "Potosí", "Chicago", "Memphis, Tenn.",
               "Richmond, Va.", "London", "Paris, Tenn.", "Springfield, Ill."]
STREETS = ["Main Street", "Jackson Avenue", "Elm Street", "Avenida Heroínas", "Pine Road"]
EVENTS = [
    "A man was shot and killed {when} on {street} in {town}, police said.",
    "Two people were injured in a shooting in {town} {when}. One of them died later at a hospital.",
    "Hundreds of protesters marched in {town} {when} against the government.",
    "Police arrested three men after a stabbing in {town} {when}.",
    "Security forces fired on protesters in {town} {when}. At least {n} people were killed.",
    "A woman was found shot to death in her home in {town} {when}.",
]
FILLER = ["Officers did not release the names of the victims.", "The investigation is continuing.",
          "Anyone with information is asked to call the police.", "Neighbours said the area is usually quiet.",
          "The mayor of {home} called for calm.", "Residents of {other} gathered for a vigil."]
WHEN = ["on Saturday night", "early Sunday", "on Tuesday", "last night", "yesterday", "on {day}"]


def story(rng: random.Random, towns: list[str], published: date) -> str:
    town = rng.choice(towns)
    when = rng.choice(WHEN).format(day=(published - timedelta(days=rng.randint(1, 5))).strftime("%B %-d"))
    lines = [rng.choice(EVENTS).format(when=when, street=rng.choice(STREETS), town=town, n=rng.randint(2, 9))]
    lines += [rng.choice(FILLER).format(home=towns[0].split(",")[0], other=rng.choice(towns))
              for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.5:
        lines.append(rng.choice(EVENTS).format(when="on Monday", street=rng.choice(STREETS),
                                               town=rng.choice(towns), n=rng.randint(2, 9)))
    return " ".join(lines) + "\n"


def write_corpus(folder: Path, n: int = 300, seed: int = 15) -> Path:
    """``n`` stories in ``folder`` with an ``articles.csv`` (outlets, titles, dates)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    outlets = list(OUTLETS) + [None]
    for i in range(n):
        outlet = rng.choice(outlets)
        towns = OUTLETS[outlet] if outlet else LOOSE_TOWNS
        published = date(2019, 11, 1) + timedelta(days=rng.randint(0, 40))
        name = f"story-{i:04d}.txt"
        (folder / name).write_text(story(rng, towns, published), encoding="utf-8")
        rows.append({"file": name, "article_id": f"s{i:04d}", "title": f"Shooting in {rng.choice(towns)}",
                     "outlet": outlet or "", "published": published.isoformat() if rng.random() < 0.9 else "",
                     "url": ""})
    with open(folder / "articles.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["article_id", "file", "title", "outlet", "published", "url"])
        writer.writeheader()
        writer.writerows(rows)
    return folder
