"""Screenshots of the explorer for the README: `make screenshots`.

Builds the synthetic demo store (scripts/demo_store.py), serves it with the real app on 127.0.0.1,
drives Debian's Chromium with Playwright and saves PNGs to docs/screenshots/:

    explorer.png  the whole page for the USA-RUS dyad
    timeline.png  network.png  map.png  the three charts
    event.png     the event table with an event opened to its evidence

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--db demo.duckdb] [--keep-serving]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import demo_store  # noqa: E402

CHROMIUM = os.environ.get("ANNALES_CHROMIUM", "/usr/bin/chromium")
VIEWPORT = {"width": 1440, "height": 900}


def serve(db: str | Path):
    """Start the app over ``db`` on a free 127.0.0.1 port in a thread; returns (base URL, stop())."""
    from annales.api import serve_in_thread

    return serve_in_thread(str(db))


def wait_ready(page) -> None:
    page.wait_for_function(
        "() => ['timeline', 'network', 'map'].every(id => document.getElementById(id).dataset.state === 'ready')"
        " && document.getElementById('events').dataset.state === 'ready'")
    page.wait_for_timeout(1500)  # let the network layout and the chart animations settle


def shoot(base: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--disable-gpu"])
        page = browser.new_page(viewport=VIEWPORT, device_scale_factor=1)
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
        page.goto(base + "#a=USA&b=RUS&interval=month")
        wait_ready(page)

        def save(name, target=None):
            path = out / name
            (target or page).screenshot(path=str(path))
            saved.append(path)

        save("explorer.png")
        save("timeline.png", page.locator(".panel-timeline"))
        save("network.png", page.locator(".panel-network"))
        save("map.png", page.locator(".panel-map"))
        # an event with several reports, opened to its evidence
        page.fill("[data-testid=filter-min-mentions]", "3")
        page.wait_for_function("() => document.getElementById('events').dataset.state === 'ready'"
                               " && document.querySelector('[data-testid=event-row]')")
        page.wait_for_timeout(400)
        page.locator("[data-testid=event-row]").first.click()
        page.wait_for_function("() => document.getElementById('detail').dataset.state === 'ready'")
        page.wait_for_timeout(300)
        save("event.png")
        browser.close()
    return saved


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--db", help="use this store instead of building the demo store")
    ap.add_argument("--keep-serving", action="store_true", help="serve the store until Ctrl-C after shooting")
    args = ap.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"screenshots: {CHROMIUM} not found; run scripts/install-browser.sh (as root) first", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if not db:
            db = Path(tmp) / "demo.duckdb"
            print("demo store:", demo_store.build(db))
        base, stop = serve(db)
        try:
            for path in shoot(base, Path(args.out)):
                print("saved", path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
            if args.keep_serving:
                print("serving", base, "(Ctrl-C to stop)")
                while True:
                    time.sleep(3600)
        except KeyboardInterrupt:
            pass
        finally:
            stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
