"""Headless Chromium for the browser tests, from the Debian packages chromium and
chromium-driver: one place for the flags every test shares."""

from __future__ import annotations

import shutil

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
