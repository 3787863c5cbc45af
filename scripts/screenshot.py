#!/usr/bin/env python3
"""Build the seeds map and take the README's screenshots in headless Chromium: docs/map.png (the
opening view, timeline and list), docs/map-popup.png (Huayllani's popup), docs/map-phone.png (390 px).

Usage: python scripts/screenshot.py [--out docs/map.png]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "map.png")
    args = ap.parse_args()
    from geo.dataset import build_dataset
    from geo.paths import DEMO_CURATED, SEEDS_DIR
    from geo.mapping import save_map
    from geo.mapping.browser import screenshot

    with tempfile.TemporaryDirectory() as tmp:
        html = save_map(build_dataset([SEEDS_DIR], curated=DEMO_CURATED), Path(tmp) / "seeds.html")
        args.out.parent.mkdir(parents=True, exist_ok=True)
        screenshot(html, args.out)
        popup = args.out.with_name(args.out.stem + "-popup.png")
        screenshot(html, popup, popup="Huayllani")
        phone = args.out.with_name(args.out.stem + "-phone.png")
        screenshot(html, phone, viewport=(390, 800))
    print(f"wrote {args.out}, {popup} and {phone}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
