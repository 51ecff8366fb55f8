"""The profile report opened from file:// in headless Chromium (selenium and
Debian's chromium-driver): the works on each page, the filters, the downloads,
a clean console, and screenshots at laptop and phone widths."""

import json
import os
import shutil

import pytest

import scholarmerge as sm
from conftest import ROOT, SEEDS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
SHOTS = ROOT / "build" / "report-screenshots"
WIDTHS = (1280, 390)

# `make test` sets SCHOLARMERGE_BROWSER_TESTS=required: there a missing browser fails instead of skipping.
if not (CHROMIUM and DRIVER) and os.environ.get("SCHOLARMERGE_BROWSER_TESTS") == "required":
    raise RuntimeError("the browser tests need chromium and chromium-driver (make setup installs them)")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="chromium and chromium-driver are not installed (make setup installs them)")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    merged = sm.merge(sm.read(SEEDS))
    out = tmp_path_factory.mktemp("report")
    index = merged.report(out)
    return merged, out, index


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--allow-file-access-from-files"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_window_size(1280, 900)
    yield driver
    driver.quit()


def owners(merged):
    from scholarmerge.report.owners import owners as found

    return found(merged)


def open_page(browser, path):
    browser.get(path.as_uri() if hasattr(path, "as_uri") else "file://" + os.path.abspath(path))
    return browser


def visible_works(browser):
    return [e for e in browser.find_elements("css selector", "li.work") if e.is_displayed()]


def visible_after_reset(browser, expected):
    """The visible works once the form's reset has been applied: the page
    filters on the next tick (the form's values change after the event)."""
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        WebDriverWait(browser, 5).until(lambda b: len(visible_works(b)) == expected)
    except Exception:  # the assertion below reports the count
        pass
    return len(visible_works(browser))


def page_work_ids(browser):
    return [int(e.get_attribute("data-work-id")) for e in browser.find_elements("css selector", "li.work")]


def test_index_lists_every_researcher(site, browser):
    merged, out, index = site
    open_page(browser, out / "index.html")
    cards = browser.find_elements("css selector", "[data-person-id] h2 a")
    assert [c.text for c in cards] == list(merged.profiles["name"])
    for c in cards:
        assert (out / c.get_attribute("href").rsplit("/", 1)[-1]).is_file()


@pytest.mark.parametrize("name", ["Zhewei Yao", "Yuxiong He", "Xiaoxia Wu"])
def test_each_page_shows_the_works_of_its_researcher(site, browser, name):
    merged, out, _ = site
    owner = next(o for o in owners(merged) if o.name == name)
    open_page(browser, out / f"{owner.slug}.html")
    ids = page_work_ids(browser)
    assert len(ids) == len(set(ids))  # each work once
    # Every work naming the researcher, and every work their own pages list
    # (an entry cut at "et al." need not name them): works_of.
    assert set(ids) == set(merged.works_of(name)["work_index"])
    pid = merged.person(name)
    naming = set(merged.works.loc[merged.works["person_indexes"].map(lambda p: pid in p), "work_index"])
    assert browser.find_element("css selector", "article.profile").get_attribute("data-person-id") == str(owner.person_id)
    shown = browser.find_element("id", "shown").text
    assert shown == f"{len(ids)} of {len(ids)} works"
    if name == "Zhewei Yao":
        assert len(ids) == 73
    # The owner's name is marked on the works that name them.
    marked = {int(e.find_element("xpath", "ancestor::li[@class='work']").get_attribute("data-work-id"))
              for e in browser.find_elements("css selector", "li.work strong.owner")}
    assert marked == naming


def test_a_filter_narrows_the_list(site, browser):
    from selenium.webdriver.support.ui import Select

    merged, out, _ = site
    open_page(browser, out / "zhewei-yao.html")
    total = len(visible_works(browser))
    box = browser.find_element("id", "q")
    box.send_keys("quantization")
    narrowed = visible_works(browser)
    assert 0 < len(narrowed) < total
    assert all("quantization" in w.get_attribute("data-text") for w in narrowed)
    assert browser.find_element("id", "shown").text == f"{len(narrowed)} of {total} works"
    box.clear()
    browser.find_element("id", "f-reset").click()
    Select(browser.find_element("id", "f-year")).select_by_visible_text("2021")
    in_2021 = visible_works(browser)
    assert 0 < len(in_2021) < total and {w.get_attribute("data-year") for w in in_2021} == {"2021"}
    Select(browser.find_element("id", "f-kind")).select_by_value("journal")
    both = visible_works(browser)
    assert len(both) < len(in_2021) and all("journal" in w.get_attribute("data-kinds") for w in both)
    browser.find_element("id", "f-reset").click()
    Select(browser.find_element("id", "f-source")).select_by_visible_text("003_3f4984e3fc10ae21.txt")
    from_page = visible_works(browser)
    assert 0 < len(from_page) < total
    browser.find_element("id", "f-reset").click()
    assert visible_after_reset(browser, total) == total


def test_a_coauthor_in_the_graph_selects_the_shared_works(site, browser):
    merged, out, _ = site
    open_page(browser, out / "zhewei-yao.html")
    top = merged.coauthors("Zhewei Yao").iloc[0]
    node = browser.find_element("css selector", f'svg.graph:not(.compact) g.node[data-person-id="{top.person_index}"]')
    node.click()
    shared = visible_works(browser)
    assert len(shared) == top.n_shared
    assert all(str(top.person_index) in w.get_attribute("data-people").split() for w in shared)
    browser.find_element("id", "f-reset").click()
    assert visible_after_reset(browser, 73) == 73


def _download(browser, link_id):
    """What the browser fetches for a download link (its data: URI decoded by the browser)."""
    return browser.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "fetch(document.getElementById(arguments[0]).href).then(r => r.text()).then(done, e => done('ERROR ' + e));",
        link_id)


@pytest.mark.parametrize("name", ["Zhewei Yao", "Xiaoxia Wu"])
def test_downloads_read_back_to_the_same_works(site, browser, name):
    merged, out, _ = site
    owner = next(o for o in owners(merged) if o.name == name)
    open_page(browser, out / f"{owner.slug}.html")
    titles = sorted(sm.normalize_title(e.text) for e in browser.find_elements("css selector", "li.work .title"))
    bib = _download(browser, "dl-bibtex")
    back = sm.read_text(bib, format="bibtex", source="download.bib")
    assert not [d for d in back.diagnostics if d.severity == "error"]
    assert sorted(sm.normalize_title(w.title) for w in back) == titles
    # The page's works, in its order, are the entries of the download.
    expected = merged.works.set_index("work_index").loc[page_work_ids(browser)]
    assert [w.year for w in back] == [None if y != y else int(y) for y in expected["year"]]
    csl = json.loads(_download(browser, "dl-csl"))
    assert sorted(sm.normalize_title(r["title"]) for r in csl) == titles
    assert (out / f"{owner.slug}.bib").read_text() == bib


def test_console_is_free_of_errors(site, browser):
    merged, out, _ = site
    for page in ["index.html"] + [f"{o.slug}.html" for o in owners(merged)]:
        browser.get_log("browser")  # drop what earlier tests left
        open_page(browser, out / page)
        browser.find_element("id", "main")
        errors = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
        assert errors == [], page


def test_keyboard_reaches_the_filters(site, browser):
    from selenium.webdriver.common.keys import Keys

    merged, out, _ = site
    open_page(browser, out / "zhewei-yao.html")
    body = browser.find_element("tag name", "body")
    body.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("class") == "skip"
    for _ in range(30):  # the skip link, the index link, the figures' details, ... then the search box
        if browser.switch_to.active_element.get_attribute("id") == "q":
            break
        browser.switch_to.active_element.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("id") == "q"
    # Every chart is an image with a name.
    for svg in browser.find_elements("css selector", "svg.chart"):
        assert svg.get_attribute("role") == "img"
        label = svg.get_attribute("aria-labelledby").split()[0]
        assert browser.find_element("id", label).get_attribute("textContent")


@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots_and_no_sideways_scroll(site, browser, width):
    merged, out, _ = site
    SHOTS.mkdir(parents=True, exist_ok=True)
    for page in ["index"] + [o.slug for o in owners(merged)]:
        browser.set_window_size(width, 900)
        open_page(browser, out / f"{page}.html")
        inner = browser.execute_script("return window.innerWidth")
        assert browser.execute_script("return document.documentElement.scrollWidth") <= inner, page
        height = browser.execute_script("return document.documentElement.scrollHeight")
        browser.set_window_size(width, 1600 if width > 800 else 844)  # the first screen, and the page whole
        browser.save_screenshot(str(SHOTS / f"{page}-{width}-top.png"))
        browser.set_window_size(width, min(height + 200, 20000))
        browser.save_screenshot(str(SHOTS / f"{page}-{width}.png"))
    browser.set_window_size(1280, 900)
