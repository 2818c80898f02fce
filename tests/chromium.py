"""Headless Chromium for the browser tests, from the Debian packages chromium and
chromium-driver: one place for the flags every test shares."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

# No network: every host name resolves to nothing, but the tests' own server on 127.0.0.1.
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"


def headless_chromium(*flags: str, logs: bool = False) -> webdriver.Chrome:
    """A headless Chromium with ``flags`` besides the shared ones; ``logs`` keeps the
    browser's console and network log for the test to read."""
    binary, driver_binary = shutil.which("chromium"), shutil.which("chromedriver")
    assert binary and driver_binary, "install the Debian packages chromium and chromium-driver"
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", *flags):
        options.add_argument(flag)
    if logs:
        options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    return webdriver.Chrome(service=Service(driver_binary), options=options)


def graph_browser(window: str, logs: bool = False) -> webdriver.Chrome:
    """A headless Chromium for the graph page: offline, with a window of ``window`` pixels
    ("1366,768"), and none of the browser's own background traffic."""
    return headless_chromium(
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--window-size={window}",
        OFFLINE,
        logs=logs,
    )


def wait_settled(browser: webdriver.Chrome) -> float:
    """Wait for the graph page's layout to settle; the milliseconds from navigation start."""
    started = time.perf_counter()
    while not browser.execute_script("return !!(window.kgView && window.kgView.settled)"):
        assert time.perf_counter() - started < 60, "the layout did not settle"
        time.sleep(0.02)
    return float(browser.execute_script("return kgView.settledAt"))


def settle(browser: webdriver.Chrome, page: Path) -> float:
    """Open the graph page ``page``; the milliseconds from navigation start to its settled
    layout."""
    browser.get(page.as_uri())
    return wait_settled(browser)
