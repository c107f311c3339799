"""The explorer page, tested as a person would use it: headless Chromium (Debian's, driven by
Playwright) against the real app (`annales.api.create_app`) served on 127.0.0.1 over a small store.

Load the page, pick a dyad and see the timeline change, open an event and see its highlighted
sentence, filter and sort the table; no request may leave 127.0.0.1 and the console stays clean.
Skipped when Chromium is absent (`scripts/install-browser.sh`, run by `make test`, installs it).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("ANNALES_CHROMIUM", "/usr/bin/chromium")
if not Path(CHROMIUM).exists():
    pytest.skip(f"no Chromium at {CHROMIUM}: run scripts/install-browser.sh as root (make test does) "
                "to run the browser tests", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
uvicorn = pytest.importorskip("uvicorn")

from annales.api import serve_in_thread  # noqa: E402
from annales.merge import merge_records  # noqa: E402
from annales.records import Actor, Article, Event, Trigger  # noqa: E402
from annales.store import Store  # noqa: E402

MOSCOW = {"name": "Moscow", "country": "RUS", "admin1": "Moscow", "lat": 55.75, "lon": 37.62, "precision": "city"}
ROME = {"name": "Rome", "country": "ITA", "admin1": "Lazio", "lat": 41.9, "lon": 12.5, "precision": "city"}
DAMASCUS = {"name": "Damascus", "country": "SYR", "admin1": "Damascus", "lat": 33.51, "lon": 36.29,
            "precision": "city"}

# (article, title, outlet, published, story, sentence, source (text, code), trigger, target (text, code),
#  cameo, plover, quad, goldstein, date, precision, inferred, location)
REPORTS = [
    ("u1", "Washington sanctions Moscow banks", "Agency One", date(2024, 1, 16), "s1",
     "Washington imposed sanctions on Moscow on Monday.", ("Washington", "USAGOV"), "imposed sanctions",
     ("Moscow", "RUSGOV"), "163", "SANCTION", 4, -8.0, "2024-01-15", "day", False, MOSCOW),
    ("u2", "US <b>sanctions</b> Russia", "Paper Two", date(2024, 1, 17), "s1",
     "The United States imposed sanctions on Russia.", ("The United States", "USA"), "imposed sanctions",
     ("Russia", "RUS"), "163", "SANCTION", 4, -8.0, "2024-01-17", "day", True, MOSCOW),
    ("u3", "Talks in Geneva", "Agency One", date(2024, 2, 10), "s2",
     "The United States held talks with Russia in Geneva.", ("The United States", "USAGOV"), "held talks",
     ("Russia", "RUSGOV"), "040", "CONSULT", 1, 1.0, "2024-02-10", "day", False, None),
    ("u4", "Moscow accuses Washington", "Paper Two", date(2024, 3, 2), "s3",
     "Moscow accused Washington of meddling in March.", ("Moscow", "RUSGOV"), "accused",
     ("Washington", "USAGOV"), "112", "ACCUSE", 3, -2.0, "2024-03-01", "month", False, MOSCOW),
    ("i1", "Rome and Moscow sign deal", "Agency One", date(2024, 2, 20), "s4",
     "Italy signed an energy agreement with Russia on Tuesday.", ("Italy", "ITA"), "signed",
     ("Russia", "RUS"), "057", "AGREE", 1, 8.0, "2024-02-20", "day", False, ROME),
    ("i2", "Italy criticises Russia", "Paper Two", date(2024, 4, 5), "s5",
     "Italy criticised Russia over the detentions.", ("Italy", "ITAGOV"), "criticised",
     ("Russia", "RUS"), "111", "ACCUSE", 3, -2.0, "2024-04-05", "day", True, ROME),
    ("x1", "Jets strike depot", "Agency One", date(2024, 3, 4), "s6",
     "Israeli jets struck a depot near Damascus on Sunday.", ("Israeli jets", "ISRMIL"), "struck",
     ("Damascus", "SYR"), "195", "ASSAULT", 4, -10.0, "2024-03-03", "day", False, DAMASCUS),
]
N_EVENTS = 6  # u1 and u2 are one event reported twice
USA_RUS, ITA_RUS = 3, 2


def _actor(sentence, text, code):
    start = sentence.index(text)
    return Actor(text, start, start + len(text), code, code[:3], code[3:] or None, None)


def build_store(path) -> None:
    items, stories = [], {}
    for (aid, title, outlet, published, story, sentence, (stext, scode), trig, (ttext, tcode), cameo, plover,
         quad, gs, day, precision, inferred, loc) in REPORTS:
        t = sentence.index(trig)
        event = Event(event_id=f"{aid}-e", article_id=aid, sentence_index=0, sentence=sentence,
                      source=_actor(sentence, stext, scode), target=_actor(sentence, ttext, tcode), cameo=cameo,
                      cameo_root=cameo[:2], plover=plover, plover_mode=None, quad_class=quad, goldstein=gs,
                      date=day, date_precision=precision, date_inferred=inferred,
                      trigger=Trigger(trig, t, t + len(trig)), location=loc,
                      confidence=0.15 if aid == "i2" else 0.8, method="learned" if aid == "i2" else "rules")
        article = Article(id=aid, text=sentence, title=title, url=f"https://news.example/{aid}",
                          published=published, source=outlet)
        items.append((article, [event], []))
        stories[aid] = story
    with Store(path) as store:
        store.write_batch(items, "test")
        rows, articles = store.merge_inputs()
        result = merge_records(rows, stories, articles)
        store.replace_merged(stories, result.events, result.links)
    assert len(result.events) == N_EVENTS


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("web") / "explorer.duckdb"
    build_store(db)
    url, stop = serve_in_thread(str(db))
    yield url
    stop()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--disable-gpu"])
        yield b
        b.close()


class Watched:
    """A page whose requests off 127.0.0.1 are aborted and recorded, with its console errors."""

    def __init__(self, browser, base):
        self.base = base
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": 1440, "height": 900})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.base) or url.startswith("data:"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def open(self, fragment="#interval=month"):
        self.page.goto(self.base + fragment)
        self.ready()
        return self.page

    def ready(self):
        self.page.wait_for_function(
            "() => document.body.dataset.state === 'ready'"
            " && ['timeline', 'network', 'map', 'events'].every(id => document.getElementById(id).dataset.state === 'ready')")

    def table_ready(self):
        self.page.wait_for_function("() => document.getElementById('events').dataset.state === 'ready'")

    def clean(self):
        assert self.outside == [], f"requests left 127.0.0.1: {self.outside}"
        assert self.errors == [], f"console errors: {self.errors}"


@pytest.fixture
def watched(browser, server):
    w = Watched(browser, server)
    yield w
    w.context.close()


def attr(page, testid, name):
    return page.get_attribute(f"[data-testid={testid}]", f"data-{name}")


def test_the_page_loads_every_view_offline(watched):
    page = watched.open()
    assert "6 events" in page.text_content("[data-testid=meta]")
    assert attr(page, "timeline", "total") == str(N_EVENTS)
    assert int(attr(page, "timeline", "periods")) == 4  # Jan to Apr 2024, by month
    assert int(attr(page, "network", "nodes")) == 5 and int(attr(page, "network", "edges")) >= 3
    assert int(attr(page, "map", "markers")) == 3  # Moscow, Rome, Damascus
    assert attr(page, "events-table", "total") == str(N_EVENTS)
    assert page.locator("[data-testid=event-row]").count() == N_EVENTS
    # the bundled libraries and map data came from this server
    assert page.evaluate("typeof echarts.getMap('world') === 'object'")
    watched.clean()


def test_picking_a_dyad_updates_the_timeline(watched):
    page = watched.open()
    key = attr(page, "timeline", "key")
    page.click("[data-testid=preset-ITA-RUS]")
    page.wait_for_function("k => document.getElementById('timeline').dataset.key !== k", arg=key)
    watched.ready()
    assert attr(page, "timeline", "total") == str(ITA_RUS)
    assert attr(page, "timeline", "periods") == "2"
    assert "ITA–RUS" in page.text_content("[data-testid=timeline-scope]")
    assert attr(page, "events-table", "total") == str(ITA_RUS)
    assert "a=ITA&b=RUS" in page.url  # the view is bookmarkable

    # typed by hand, in either order
    page.fill("[data-testid=actor-a]", "rus")
    page.fill("[data-testid=actor-b]", "usa")
    page.click("[data-testid=apply]")
    page.wait_for_function("() => document.getElementById('timeline').dataset.key.startsWith('RUS|USA')")
    watched.ready()
    assert attr(page, "timeline", "total") == str(USA_RUS)
    page.click("[data-testid=swap]")
    page.wait_for_function("() => document.getElementById('timeline').dataset.key.startsWith('USA|RUS')")
    watched.ready()
    assert attr(page, "timeline", "total") == str(USA_RUS)
    # the Goldstein line is drawn for a dyad: one point per period, the mean of its events
    means = page.evaluate("echarts.getInstanceByDom(document.getElementById('timeline'))"
                          ".getOption().series.find(s => s.type === 'line').data")
    assert means == [-8.0, 1.0, -2.0]

    # one country alone
    page.fill("[data-testid=actor-b]", "")
    page.fill("[data-testid=actor-a]", "ITA")
    page.press("[data-testid=actor-a]", "Enter")
    page.wait_for_function("() => document.getElementById('timeline').dataset.key.startsWith('ITA||')")
    watched.ready()
    assert attr(page, "timeline", "total") == str(ITA_RUS)
    watched.clean()


def test_an_event_opens_to_its_highlighted_evidence(watched):
    page = watched.open("#a=USA&b=RUS")
    page.fill("[data-testid=filter-q]", "sanctions")
    page.wait_for_function("() => document.getElementById('events').dataset.total === '1'")
    watched.table_ready()
    row = page.locator("[data-testid=event-row]")
    assert row.count() == 1
    row.focus()
    page.keyboard.press("Enter")  # rows open from the keyboard
    detail = page.locator("[data-testid=event-detail]")
    page.wait_for_function("() => document.getElementById('detail').dataset.state === 'ready'")
    assert detail.is_visible()
    mentions = detail.locator("[data-testid=mention]")
    assert mentions.count() == 2
    first, second = mentions.nth(0), mentions.nth(1)
    assert first.locator("[data-testid=hl-trigger]").text_content() == "imposed sanctions"
    assert first.locator("[data-testid=hl-source]").text_content() == "Washington"
    assert first.locator("[data-testid=hl-target]").text_content() == "Moscow"
    assert first.locator("[data-testid=mention-sentence]").text_content() == \
        "Washington imposed sanctions on Moscow on Monday."
    assert second.locator("[data-testid=hl-source]").text_content() == "The United States"
    # article title linked to its URL, outlet, date and how it was resolved
    link = first.locator("[data-testid=mention-link]")
    assert link.text_content() == "Washington sanctions Moscow banks"
    assert link.get_attribute("href") == "https://news.example/u1"
    assert first.locator("[data-testid=mention-outlet]").text_content() == "Agency One"
    assert "2024-01-15" in first.locator("[data-testid=mention-date]").text_content()
    assert "from the sentence" in first.locator("[data-testid=mention-date]").text_content()
    assert "inferred from the publication date" in second.locator("[data-testid=mention-date]").text_content()
    # data is text, never markup
    assert second.locator("[data-testid=mention-link]").text_content() == "US <b>sanctions</b> Russia"
    assert second.locator("b").count() == 0
    assert "2 mentions in 2 articles from 2 sources" in detail.text_content()
    page.keyboard.press("Escape")
    assert detail.is_hidden()
    watched.clean()


def test_the_table_filters_sorts_and_pages(watched):
    page = watched.open()

    def wait_total(n):
        page.wait_for_function(f"() => document.getElementById('events').dataset.total === '{n}'"
                               " && document.getElementById('events').dataset.state === 'ready'")
        return page.locator("[data-testid=event-row]").count()

    assert wait_total(N_EVENTS) == N_EVENTS
    page.select_option("[data-testid=filter-quad]", "4")
    assert wait_total(2) == 2  # the sanctions and the strike
    page.select_option("[data-testid=filter-quad]", "")
    page.select_option("[data-testid=filter-root]", "11")
    assert wait_total(2) == 2  # criticised, accused
    page.select_option("[data-testid=filter-root]", "05")
    assert wait_total(1) == 1
    page.select_option("[data-testid=filter-root]", "")
    page.select_option("[data-testid=filter-plover]", "ACCUSE")
    assert wait_total(2) == 2
    page.select_option("[data-testid=filter-plover]", "")
    page.select_option("[data-testid=filter-method]", "learned")
    assert wait_total(1) == 1  # "criticised", coded by the learned fallback in this store
    page.select_option("[data-testid=filter-method]", "rules")
    assert wait_total(N_EVENTS - 1) == N_EVENTS - 1
    page.select_option("[data-testid=filter-method]", "")
    page.select_option("[data-testid=filter-confidence]", "0.3")
    assert wait_total(N_EVENTS - 1) == N_EVENTS - 1  # the learned one is judged unlikely to be right
    page.select_option("[data-testid=filter-confidence]", "")
    page.fill("[data-testid=filter-min-mentions]", "2")
    assert wait_total(1) == 1
    page.fill("[data-testid=filter-min-mentions]", "")
    page.fill("[data-testid=filter-q]", "geneva")
    assert wait_total(1) == 1
    page.fill("[data-testid=filter-q]", "")
    page.select_option("[data-testid=filter-level]", "records")
    assert wait_total(len(REPORTS)) == len(REPORTS)
    page.select_option("[data-testid=filter-level]", "merged")
    assert wait_total(N_EVENTS) == N_EVENTS

    # sort by Goldstein, ascending then descending
    def sorted_by(key, order):
        page.click(f"th[data-sort={key}] button")
        page.wait_for_function(f"() => document.querySelector('th[data-sort={key}]').getAttribute('aria-sort') === "
                               f"'{order}' && document.getElementById('events').dataset.state === 'ready'")
        return page.locator("[data-testid=event-row] td.num .gs").all_text_contents()

    assert sorted_by("goldstein", "ascending")[0] == "-10.0"
    assert sorted_by("goldstein", "descending")[0] == "+8.0"

    # pages
    page.evaluate("annales.state.table.limit = 4")
    page.select_option("[data-testid=filter-level]", "records")
    wait_total(len(REPORTS))
    page.select_option("[data-testid=filter-level]", "merged")
    assert wait_total(N_EVENTS) == 4
    assert page.text_content("[data-testid=page-info]") == "1–4 of 6"
    page.click("[data-testid=next]")
    page.wait_for_function("() => document.getElementById('page-info').textContent === '5–6 of 6'")
    assert page.locator("[data-testid=event-row]").count() == 2
    assert page.is_disabled("[data-testid=next]")
    watched.clean()


def _click_chart(page, chart_id, finder, value):
    """Click the pixel of a data value in an ECharts chart, as a person would."""
    x, y = page.evaluate(f"v => echarts.getInstanceByDom(document.getElementById('{chart_id}'))"
                         f".convertToPixel({finder}, v)", value)
    box = page.locator(f"#{chart_id}").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)


def test_a_timeline_bar_and_a_map_marker_filter_the_table(watched):
    page = watched.open()
    _click_chart(page, "timeline", "{xAxisIndex: 0, yAxisIndex: 0}", ["2024-03-01", 0.5])
    page.wait_for_selector("[data-testid=chip-period]")
    page.wait_for_function("() => document.getElementById('events').dataset.total === '2'")  # accusation, strike
    assert "2024-03-01 – 2024-03-31" in page.text_content("[data-testid=chip-period]")
    page.click("[data-testid=chip-period]")
    page.wait_for_function(f"() => document.getElementById('events').dataset.total === '{N_EVENTS}'")

    _click_chart(page, "map", "{geoIndex: 0}", [12.5, 41.9])  # Rome
    page.wait_for_selector("[data-testid=chip-place]")
    page.wait_for_function("() => document.getElementById('events').dataset.total === '2'")
    assert page.text_content("[data-testid=chip-place]").startswith("Place: Rome")
    watched.clean()


def test_clicking_a_network_link_picks_its_dyad(watched):
    page = watched.open()
    key = attr(page, "timeline", "key")
    node = page.evaluate("() => { const n = echarts.getInstanceByDom(document.getElementById('network'))"
                         ".getOption().series[0].data.find(d => d.id === 'ISR'); return [n.x, n.y]; }")
    _click_chart(page, "network", "{seriesIndex: 0}", node)  # the ISR node
    page.wait_for_function("k => document.getElementById('timeline').dataset.key !== k", arg=key)
    watched.ready()
    assert page.input_value("[data-testid=actor-a]") == "ISR"
    assert attr(page, "timeline", "total") == "1"
    watched.clean()
