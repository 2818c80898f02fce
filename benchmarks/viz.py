"""Time the graph of powers in headless Chromium: load to settled layout, and every control.

    python benchmarks/viz.py [--runs 3] [--lang all] [--sizes 1366x768,1024x768]

Writes the page that `kg viz` writes for every view (and the compare view of 1995 and
2026), opens each from disk in headless Chromium (Debian packages chromium and
chromium-driver, driven through Selenium from the test extras) with every host name
unresolvable, at each screen size, and prints per view the page size, the rendered node
and line counts, the overlapping boxes, the boxes outside the graph area, the smallest
label's height on screen, the time from navigation start to the first drawn (settled)
frame, as the median of several fresh loads, and on a Russian or Kazakh page the words shown
in Latin script (untranslated). Then it times each control of the overview
page, from the event to the end of the next drawn frame: every view, a filter, the
language switch, search, and Reset.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from kg.api import KnowledgeGraph
from kg.compare import PRESET as COMPARE
from kg.compare import compare_html, load_compare
from kg.viz import LANGS, PRESETS, load_view, render_html

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


def screen(browser: webdriver.Chrome, size: tuple[int, int]) -> None:
    width, height = size
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


# The words a reader sees: the controls (but the language menu, whose languages are named
# in themselves), the caption and the labels of the boxes shown.
SHOWN_WORDS = """
const controls = document.getElementById("controls").cloneNode(true);
controls.querySelector("#lang").remove();
const labels = kgView.visible().nodes.map(id => kgView.network.body.data.nodes.get(id).label);
return [controls.innerText, document.getElementById("caption").innerText, ...labels].join(" ");
"""
WORD = re.compile(r"[^\W\d_]{2,}")
LATIN = re.compile(r"[A-Za-z]{2,}")


def untranslated(browser: webdriver.Chrome, lang: str) -> str:
    """How many of the words shown are in Latin script, on a Russian or Kazakh page."""
    if lang == "en":
        return ""
    words = WORD.findall(browser.execute_script(SHOWN_WORDS))
    latin = [w for w in words if LATIN.fullmatch(w)]
    return f"; untranslated {len(latin)} of {len(words)} words {sorted(set(latin))}"


def time_views(browser: webdriver.Chrome, pages: dict[str, Path], runs: int, lang: str) -> None:
    for view, page in pages.items():
        times = [settled_after(browser, page.as_uri()) for _ in range(runs)]
        counts = browser.execute_script("return kgView.rendered()")
        overlaps = browser.execute_script("return kgView.overlaps()")
        outside = len(browser.execute_script("return kgView.offscreen()"))
        label = browser.execute_script("return kgView.labelHeight()")
        print(
            f"  {view:13} {page.stat().st_size:,} bytes; {counts['nodes']} nodes, "
            f"{counts['edges']} lines; overlaps {overlaps}; outside {outside}; "
            f"smallest label {label:.1f} px; settled: median {statistics.median(times):.0f} ms "
            f"(min {min(times):.0f}, max {max(times):.0f}){untranslated(browser, lang)}"
        )


def time_controls(browser: webdriver.Chrome, overview: Path, lang: str) -> None:
    settled_after(browser, overview.as_uri())
    steps = [("preset", p) for p in PRESETS if p != "overview"] + [
        ("preset", "overview"),
        ("institution", "kurultai"),
        ("section", "4"),
        ("reset", ""),
        *[("lang", other) for other in LANGS if other != lang],
        ("lang", lang),
        ("search", "court"),
        ("search", ""),
        ("measure", "degree"),
        ("reset", ""),
    ]
    slowest = 0.0
    for control, value in steps:
        took = max(
            float(browser.execute_async_script(TIME_CONTROL, control, value))
            for _ in range(3 if control != "preset" else 1)
        )
        slowest = max(slowest, took)
        print(f"  control {control}={value!r}: {took:.0f} ms to the next frame")
    print(f"  slowest control: {slowest:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lang", default="all", choices=("all", *LANGS))
    parser.add_argument("--sizes", default="1366x768,1024x768", help="screen sizes, WxH,...")
    args = parser.parse_args()
    sizes = [tuple(int(x) for x in s.split("x")) for s in args.sizes.split(",")]
    langs = LANGS if args.lang == "all" else (args.lang,)

    graph = KnowledgeGraph.load()
    model, compare = load_view(graph), load_compare(graph, "1995", "2026")
    folder = Path(tempfile.mkdtemp(prefix="kg-viz-"))
    pages: dict[str, dict[str, Path]] = {}
    for lang in langs:
        pages[lang] = {}
        for view in [*PRESETS, COMPARE]:
            page = pages[lang][view] = folder / f"{view}-{lang}.html"
            html = (
                compare_html(compare, lang) if view == COMPARE else render_html(model, lang, view)
            )
            page.write_text(html, encoding="utf-8")
    browser = open_browser()
    try:
        for size in sizes:
            screen(browser, size)
            for lang in langs:
                print(f"headless Chromium at {size[0]}x{size[1]}, {lang}, {args.runs} loads a view")
                time_views(browser, pages[lang], args.runs, lang)
            time_controls(browser, pages[langs[0]]["overview"], langs[0])
    finally:
        browser.quit()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
