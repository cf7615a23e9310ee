"""The map page in a real browser: Playwright driving Debian's headless Chromium.

The server runs on a temporary DuckDB holding the seed article (from ../shared, with reference
date 2015-08-24) and a few articles written here, posted through ``POST /articles``. The test
records every request the page makes and checks that none leaves the server; it writes the
screenshots docs/img/map.png and docs/img/event.png. Without Chromium or Playwright it skips
and says why (under EVENTWIRE_STRICT=1 it fails).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from tests.serve.conftest import API_KEY, LiveServer, settings_for, start_server

pytestmark = [pytest.mark.model, pytest.mark.shared]

CHROMIUM = os.environ.get("EVENTWIRE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"
SEED_DATE = dt.date(2015, 8, 24)
# (lat, lon) of the places the seed article names; markers must appear there
SEED_PLACES = {
    "Batman": (37.887, 41.132),
    "Diyarbakir": (37.914, 40.217),
    "Malatya": (38.350, 38.317),
    "Istanbul": (41.014, 28.950),
}
PAYLOAD = (
    "Police arrested twelve students in Nairobi on Tuesday after a march. "
    '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2"> '
    "The students said they would return."
)
OWN_ARTICLES = [
    {
        "id": "own-warsaw",
        "title": "Farmers rally in Warsaw",
        "date": "2016-03-08",
        "text": "Hundreds of farmers protested outside the parliament in Warsaw on Monday "
        "against cheap grain imports. The harvest was poor last year.",
    },
    {"id": "own-nairobi", "title": "Arrests in Nairobi", "date": "2016-05-11", "text": PAYLOAD},
]


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("EVENTWIRE_STRICT") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's chromium under Playwright (never Playwright's own browser download)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _skip_or_fail("playwright is not installed: pip install playwright (no browser download)")
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        _skip_or_fail(f"{CHROMIUM} is absent: apt-get install -y chromium")
    with sync_playwright() as p:
        found = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield found
        found.close()


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> Iterator[LiveServer]:
    import httpx

    from eventwire.pipeline import Pipeline
    from eventwire.serve import create_app
    from eventwire.store import ingest, open_store

    db = tmp_path_factory.mktemp("serve") / "events.duckdb"
    settings = settings_for(db, api_key=API_KEY)
    pipeline = Pipeline.load(settings)
    seed = shared_dir / "acceptance" / "seed" / "article.txt"
    with open_store(str(db)) as store:
        report = ingest(store, [str(seed)], settings, reference_date=SEED_DATE, pipeline=pipeline)
    assert report.new == 1 and report.events > 0
    server = start_server(create_app(settings, pipeline=pipeline))
    try:
        posted = httpx.post(
            f"{server.url}/articles",
            json={"articles": OWN_ARTICLES},
            headers={"Authorization": f"Bearer {API_KEY}"},
            timeout=60,
        )
        assert posted.status_code == 200, posted.text
        assert posted.json()["new"] == len(OWN_ARTICLES)
        yield server
    finally:
        server.stop()


@pytest.fixture
def page(browser: Any, live: LiveServer) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    found = context.new_page()
    found.requests = []  # every URL the page asked for
    found.errors = []
    found.on("request", lambda r: found.requests.append(r.url))
    found.on("pageerror", lambda e: found.errors.append(str(e)))
    yield found
    context.close()


def _open(page: Any, live: LiveServer) -> None:
    page.goto(live.url + "/")
    page.wait_for_function("window.eventwire && window.eventwire.ready", timeout=20_000)
    assert page.evaluate("window.eventwire.errors") == []


def _outside(page: Any, live: LiveServer) -> list[str]:
    mine = urlsplit(live.url).netloc
    return [u for u in page.requests if urlsplit(u).netloc != mine and not u.startswith("data:")]


def _markers(page: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = page.evaluate("window.eventwireMarkers.slice()")
    return found


def _drawn_dots(page: Any) -> list[tuple[float, float, str]]:
    """The single markers drawn in the page (not inside a cluster), from their DOM nodes."""
    dots: list[tuple[float, float, str]] = page.eval_on_selector_all(
        "#map .ew-marker",
        "els => els.map(e => "
        "[parseFloat(e.dataset.lat), parseFloat(e.dataset.lon), e.dataset.type])",
    )
    return dots


def _near(place: tuple[float, float], dots: list[tuple[float, float, str]]) -> bool:
    return any(abs(lat - place[0]) < 0.05 and abs(lon - place[1]) < 0.05 for lat, lon, _ in dots)


def _wait_count_change(page: Any, before: int) -> int:
    page.wait_for_function(f"window.eventwireMarkers.length !== {before}", timeout=10_000)
    count: int = page.evaluate("window.eventwireMarkers.length")
    return count


def test_serve_page_offline_map_markers_filters_timeline(page: Any, live: LiveServer) -> None:
    _open(page, live)
    assert page.locator("#map path.leaflet-interactive, #map svg path").count() > 100  # basemap
    page.screenshot(path=str(DOCS_IMG / "map.png"))

    # zoomed to the seed article's events, its places are single markers on the page
    seed_id = page.evaluate(
        "window.eventwireMarkers.find(m => m.name === 'Istanbul') && "
        "window.eventwire.map && "
        "(window.eventwireMarkers.find(m => m.name === 'Istanbul').id)"
    )
    article = page.evaluate(
        f"fetch('/events/{seed_id}').then(r => r.json()).then(e => e.article_id)"
    )
    assert page.evaluate(f"window.eventwire.fitEvents({article!r})")
    dots = _drawn_dots(page)
    for name, place in SEED_PLACES.items():
        assert _near(place, dots), f"no marker drawn at {name} {place}: {dots}"

    # filtering by type changes the marker count, and keeps only that type
    page.evaluate("window.eventwire.fitEvents()")
    everything = len(_markers(page))
    page.select_option("#f-type", "ASSAULT")
    assaults = _wait_count_change(page, everything)
    assert 0 < assaults < everything
    assert {m["type"] for m in _markers(page)} == {"ASSAULT"}
    page.select_option("#f-type", "")
    assert _wait_count_change(page, assaults) == everything

    # dragging over the timeline selects a period; markers outside it leave the map
    bars = page.eval_on_selector_all(
        "#timeline rect.bar",
        "els => els.map(e => [e.dataset.from, +e.dataset.count, e.getBoundingClientRect().x, "
        "e.getBoundingClientRect().right, e.getBoundingClientRect().y])",
    )
    start = next(b for b in bars if b[0] >= "2016-01-01" and b[1] > 0)
    end = [b for b in bars if b[1] > 0][-1]
    page.mouse.move(start[2] - 1, start[4] + 2)
    page.mouse.down()
    page.mouse.move((start[2] + end[3]) / 2, start[4] + 2, steps=4)
    page.mouse.move(end[3] + 1, start[4] + 2, steps=4)
    page.mouse.up()
    in_period = _wait_count_change(page, everything)
    assert 0 < in_period < everything
    period = page.text_content("#period") or ""
    assert period.startswith("2016-"), period
    assert all(m["date"] and m["date"] >= "2016-01-01" for m in _markers(page))
    page.click("#period-clear")
    assert _wait_count_change(page, in_period) == everything

    assert page.errors == []
    assert _outside(page, live) == [], "the page asked another host"


def test_serve_page_event_panel_renders_article_as_text(page: Any, live: LiveServer) -> None:
    _open(page, live)
    # the article with <script> and <img onerror> in its text: open it from its marker
    page.evaluate("window.eventwire.fitEvents('own-nairobi')")
    page.click("#map .ew-marker >> nth=0")
    page.wait_for_function(
        "document.getElementById('ar-text').textContent.includes('onerror')", timeout=10_000
    )
    assert page.evaluate("typeof window.pwned") == "undefined"
    text = page.text_content("#ar-text") or ""
    assert '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">' in text
    assert page.locator("#ar-text script, #ar-text img, #event img, #event script").count() == 0
    trigger = page.text_content("#ev-sentence mark.trigger")
    assert trigger and trigger in (page.text_content("#ev-sentence") or "")

    # an event panel of our own article, for the README's screenshot
    page.evaluate("window.eventwire.fitEvents('own-warsaw')")
    page.click("#map .ew-marker >> nth=0")
    page.wait_for_function(
        "document.getElementById('ar-text').textContent.includes('farmers')", timeout=10_000
    )
    assert (page.text_content("#ev-title") or "").startswith("PROTEST")
    assert page.text_content("#ev-sentence mark.trigger") == "protested"
    assert "Warsaw" in (page.text_content("#ev-fields") or "")
    page.screenshot(path=str(DOCS_IMG / "event.png"))
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.errors == []
    assert _outside(page, live) == []


def test_serve_docs_page_loads_swagger_ui_from_the_server(page: Any, live: LiveServer) -> None:
    page.goto(live.url + "/docs")
    page.wait_for_selector(".swagger-ui .info .title", timeout=20_000)
    assert "eventwire" in (page.text_content(".swagger-ui .info .title") or "")
    page.wait_for_selector("text=/events", timeout=10_000)
    assert page.errors == []
    assert _outside(page, live) == []
