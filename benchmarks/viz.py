"""Time the graph of powers in headless Chromium: load to settled layout, and every control.

    python benchmarks/viz.py [--runs 5] [--lang en] [--width 1366 --height 768]

Writes the page that `kg viz` writes for every view, opens each from disk in headless
Chromium (Debian packages chromium and chromium-driver, driven through Selenium from the
test extras) with every host name unresolvable, and prints per view the page size, the
rendered node and line counts, the overlapping labels, the smallest label's height on
screen, and the time from navigation start to the first drawn (settled) frame, as the
median of several fresh loads. Then it times each control of the overview page, from the
event to the end of the next drawn frame: every view, a filter, the language switch,
search, and Reset.
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
from kg.viz import PRESETS, load_view, render_html

FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--host-resolver-rules=MAP * ~NOTFOUND",  # nothing can be fetched
)
# Run in the page: change a control, wait for the next drawn frame, return the milliseconds.
TIME_CONTROL = """
const [id, value, done] = arguments;
const el = document.getElementById(id), start = performance.now();
kgView.network.once("afterDrawing", () => done(performance.now() - start));
if (el.tagName === "BUTTON") el.click();
else { el.value = value; el.dispatchEvent(new Event(el.type === "search" ? "input" : "change")); }
kgView.network.redraw();
"""


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
    parser.add_argument("--width", type=int, default=1366)
    parser.add_argument("--height", type=int, default=768)
    args = parser.parse_args()

    model = load_view(KnowledgeGraph.load())
    folder = Path(tempfile.mkdtemp(prefix="kg-viz-"))
    browser = open_browser()
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": args.width, "height": args.height, "deviceScaleFactor": 1, "mobile": False},
    )
    print(f"headless Chromium at {args.width}x{args.height}, {args.lang}, {args.runs} loads a view")
    try:
        for preset in PRESETS:
            html = render_html(model, args.lang, preset)
            page = folder / f"{preset}.html"
            page.write_text(html, encoding="utf-8")
            times = [settled_after(browser, page.as_uri()) for _ in range(args.runs)]
            counts = browser.execute_script("return kgView.rendered()")
            overlaps = browser.execute_script("return kgView.overlaps()")
            label = browser.execute_script("return kgView.labelHeight()")
            print(
                f"{preset:13} {len(html.encode()):,} bytes; {counts['nodes']} nodes, "
                f"{counts['edges']} lines; overlaps {overlaps}; smallest label {label:.1f} px; "
                f"settled: median {statistics.median(times):.0f} ms "
                f"(min {min(times):.0f}, max {max(times):.0f})"
            )
        settled_after(browser, (folder / "overview.html").as_uri())
        steps = [("preset", p) for p in PRESETS if p != "overview"] + [
            ("preset", "overview"),
            ("institution", "kurultai"),
            ("section", "4"),
            ("reset", ""),
            ("lang", "ru"),
            ("lang", "kk"),
            ("lang", args.lang),
            ("search", "court"),
            ("search", ""),
            ("measure", "degree"),
            ("reset", ""),
        ]
        for control, value in steps:
            took = [
                float(browser.execute_async_script(TIME_CONTROL, control, value))
                for _ in range(3 if control != "preset" else 1)
            ]
            print(f"control {control}={value!r}: {max(took):.0f} ms to the next frame")
    finally:
        browser.quit()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
