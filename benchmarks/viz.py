"""Time the graph of powers in headless Chromium: load to settled layout, with no network.

    python benchmarks/viz.py [--runs 5] [--lang en] [--preset all]

Writes the page that `kg viz` writes, opens it from disk in headless Chromium (Debian
packages chromium and chromium-driver, driven through Selenium from the test extras) with
every host name unresolvable, and prints the page size, the rendered node and edge counts,
the overlapping labels, and the time from navigation start to the moment physics has
settled and stopped, as the median of several fresh loads.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from kg.api import KnowledgeGraph
from kg.viz import load_view, render_html

FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--window-size=1600,1000",
    "--host-resolver-rules=MAP * ~NOTFOUND",  # nothing can be fetched
)


def open_browser() -> webdriver.Chrome:
    binary, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (binary and driver):
        sys.exit("install the Debian packages chromium and chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in FLAGS:
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(driver), options=options)


def settled_after(browser: webdriver.Chrome, url: str) -> float:
    """Milliseconds from navigation start until the page reports a settled layout."""
    browser.get(url)
    deadline = time.perf_counter() + 120
    while not browser.execute_script("return !!(window.kgView && window.kgView.settled)"):
        if time.perf_counter() > deadline:
            sys.exit("the layout did not settle within 120 s")
        time.sleep(0.02)
    return float(browser.execute_script("return kgView.settledAt"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lang", default="en", choices=("en", "ru", "kk"))
    parser.add_argument("--preset", default="all")
    args = parser.parse_args()

    html = render_html(load_view(KnowledgeGraph.load()), args.lang, args.preset)
    page = Path(tempfile.mkdtemp(prefix="kg-viz-")) / "powers.html"
    page.write_text(html, encoding="utf-8")
    browser = open_browser()
    try:
        times = [settled_after(browser, page.as_uri()) for _ in range(args.runs)]
        counts = browser.execute_script("return kgView.rendered()")
        overlaps = browser.execute_script("return kgView.overlaps()")
    finally:
        browser.quit()
        shutil.rmtree(page.parent, ignore_errors=True)
    print(f"page: {len(html.encode()):,} bytes, {args.lang}, preset {args.preset}")
    nodes, edges = counts["nodes"], counts["edges"]
    print(f"rendered: {nodes} nodes, {edges} edges; overlapping labels: {overlaps}")
    print(
        f"load to settled layout over {args.runs} loads: median {statistics.median(times):.0f} ms, "
        f"min {min(times):.0f} ms, max {max(times):.0f} ms"
    )


if __name__ == "__main__":
    main()
