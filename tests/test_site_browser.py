"""The built site in a real browser: headless Chromium through selenium, one session per module.

The public build of the example records is served on 127.0.0.1 only. Checks what a reader
would notice: the navigation leads to every section, search finds a known initiative, pages
log no console errors, screenshots are not blank, phone and print layouts work, and axe-core
finds no serious or critical accessibility violation.
"""

from __future__ import annotations

import base64
import io
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.repo import GIT_ENV
from tests.system import missing
from tests.test_site import AS_OF, examples_repo

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
# Navigation label -> the heading of the page it leads to.
NAV = {
    "Dashboard": "Dashboard",
    "Initiatives": "Initiatives",
    "Meetings": "Meetings and Joint Periods of Action",
    "Actions": "Action items",
    "Organisations": "Organisations",
    "History": "History",
    "Search": "Search",
}
SCREENSHOTS = ("index.html", "groups/fwg.html")


def _program(name: str, path: str) -> str:
    found = path if Path(path).is_file() else shutil.which(name)
    if found is None:
        missing(f"{name} (Debian packages chromium and chromium-driver)")
    return str(found)


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The public site of the example records, served on 127.0.0.1 on a free port."""
    from datetime import date

    from wgctl.models import Sensitivity
    from wgctl.site.build import build_site
    from wgctl.site.serve import server

    base = tmp_path_factory.mktemp("browser")
    with pytest.MonkeyPatch.context() as patch:
        for key, value in GIT_ENV.items():
            patch.setenv(key, value)
        repo = examples_repo(base / "repo")
        build_site(repo.root, Sensitivity.PUBLIC, base / "site", date.fromisoformat(AS_OF))
    httpd = server(base / "site", 0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One headless Chromium for the module, with a fresh profile and console logging."""
    binary = _program("chromium", CHROMIUM)
    driver_path = _program("chromedriver", CHROMEDRIVER)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('profile')}")
    options.add_argument("--window-size=1200,1600")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def console_errors(driver: Any) -> list[str]:
    """Console messages of level SEVERE since the last call."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_navigation_reaches_every_section_without_console_errors(
    browser: Any, site_url: str
) -> None:
    from selenium.webdriver.common.by import By

    browser.get(site_url)
    console_errors(browser)
    for label, title in NAV.items():
        browser.find_element(By.CSS_SELECTOR, "nav[aria-label=Site]").find_element(
            By.LINK_TEXT, label
        ).click()
        heading = browser.find_element(By.TAG_NAME, "h1").text
        assert heading == title, label
        current = browser.find_element(By.CSS_SELECTOR, "a[aria-current=page]").text
        assert current == label
        assert console_errors(browser) == [], label
    browser.get(site_url + "groups/fwg.html")
    browser.find_element(By.PARTIAL_LINK_TEXT, "Harbour WG annual meeting 2024").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Harbour WG annual meeting 2024"
    assert console_errors(browser) == []


def test_search_finds_a_known_initiative(browser: Any, site_url: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(site_url + "search/index.html")
    box = WebDriverWait(browser, 20).until(ready.presence_of_element_located((By.ID, "q")))
    box.send_keys("inspectors")
    result = WebDriverWait(browser, 20).until(
        ready.presence_of_element_located((By.CSS_SELECTOR, "#results a.result-link"))
    )
    assert "Train harbour inspectors" in result.text
    assert result.get_attribute("href").endswith("initiatives/2-1-inspector-training.html")
    result.click()
    assert "2.1 Train harbour inspectors" in browser.find_element(By.TAG_NAME, "h1").text
    assert console_errors(browser) == []


@pytest.mark.parametrize("page", SCREENSHOTS)
def test_screenshots_are_not_blank(
    browser: Any, site_url: str, page: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from PIL import Image

    browser.set_window_size(1200, 1600)
    browser.get(site_url + page)
    png = browser.get_screenshot_as_png()
    (tmp_path_factory.getbasetemp() / page.replace("/", "-").replace(".html", ".png")).write_bytes(
        png
    )
    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20) or []
    white = next((n for n, c in colours if c == (255, 255, 255)), 0)
    assert len(colours) > 50  # text, links, charts: many shades
    assert white < 0.97 * image.width * image.height


def test_phone_layout_needs_no_sideways_scrolling(browser: Any, site_url: str) -> None:
    browser.set_window_size(390, 844)
    try:
        for page in ("index.html", "groups/fwg.html", "initiatives/index.html"):
            browser.get(site_url + page)
            overflow = browser.execute_script(
                "return document.documentElement.scrollWidth - window.innerWidth"
            )
            assert overflow <= 0, page
    finally:
        browser.set_window_size(1200, 1600)


def test_print_layout_keeps_the_marking_and_drops_the_navigation(
    browser: Any, site_url: str, tmp_path: Path
) -> None:
    from selenium.webdriver.common.print_page_options import PrintOptions

    browser.get(site_url + "groups/fwg.html")
    pdf = base64.b64decode(browser.print_page(PrintOptions()))
    assert pdf.startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        missing("pdftotext (Debian package poppler-utils)")
    (tmp_path / "page.pdf").write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "page.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Public: for circulation" in text
    assert "Skip to content" not in text and "Organisations" not in text
    assert "Co-chairs over time" in text


def test_pages_have_no_serious_accessibility_violations(browser: Any, site_url: str) -> None:
    import axe_core_python

    script = (Path(axe_core_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
    pages = ("index.html", "groups/fwg.html", "initiatives/index.html", "meetings/index.html")
    pages += ("meetings/calendar.html",)
    pages += ("actions/index.html", "initiatives/2-1-inspector-training.html", "search/index.html")
    found = []
    for page in pages:
        browser.get(site_url + page)
        browser.execute_script(script)
        result = browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations));"
        )
        found += [
            f"{page}: {v['id']} ({v['impact']}): {v['help']}"
            for v in result
            if v["impact"] in {"serious", "critical"}
        ]
    assert found == []
