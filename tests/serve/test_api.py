"""The HTTP API through FastAPI's TestClient (no socket), on a fresh DuckDB store and the stub
pipeline of the store tests (one event per sentence with 'attacked', 'protested' or 'met')."""

from __future__ import annotations

import json
from typing import Any

import pytest
from tests.serve.conftest import API_KEY
from tests.store.stub import StubPipeline

KEY = {"Authorization": f"Bearer {API_KEY}"}
ARTICLES = [
    {"id": "a1", "text": "Rebels attacked a convoy near Mosul. Nothing else happened.",
     "date": "2016-10-17"},
    {"id": "a2", "text": "Students protested in Mosul. Leaders met in Mosul.",
     "date": "2016-11-02"},
    {"id": "https://example.org/news/3", "text": "Farmers did not protested today.",
     "date": "2016-12-01"},
]  # fmt: skip


@pytest.fixture
def client(make_client: Any) -> Any:
    """A writable server (API key set) holding ``ARTICLES``."""
    found = make_client(api_key=API_KEY)
    posted = found.post("/articles", json={"articles": ARTICLES}, headers=KEY)
    assert posted.status_code == 200, posted.text
    return found


def test_serve_post_articles_ingests_and_reports(client: Any) -> None:
    again = client.post("/articles", json={"articles": ARTICLES}, headers=KEY).json()
    assert again["read"] == 3 and again["unchanged"] == 3 and again["new"] == 0
    one = client.post("/articles", json={"id": "a1", "text": "Rebels attacked it."}, headers=KEY)
    assert one.json()["replaced"] == 1


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"Authorization": "Bearer wrong"}, 401),
        ({"X-API-Key": "wrong"}, 401),
        ({"Authorization": API_KEY}, 401),  # no "Bearer "
        ({"X-API-Key": API_KEY}, 200),
        ({"Authorization": f"bearer {API_KEY}"}, 200),
    ],
)
def test_serve_post_articles_needs_the_api_key(
    make_client: Any, headers: dict[str, str], status: int
) -> None:
    client = make_client(api_key=API_KEY)
    response = client.post("/articles", json={"text": "Rebels attacked Mosul."}, headers=headers)
    assert response.status_code == status, response.text
    if status == 401:
        assert "API key" in response.json()["detail"]
        assert response.headers["www-authenticate"] == "Bearer"


def test_serve_without_api_key_is_read_only(make_client: Any, stub: StubPipeline) -> None:
    client = make_client()
    response = client.post("/articles", json={"text": "Rebels attacked Mosul."}, headers=KEY)
    assert response.status_code == 403
    assert (
        "read-only" in response.json()["detail"]
        and "EVENTWIRE_API_KEY" in response.json()["detail"]
    )
    assert stub.seen == 0
    assert client.get("/events").json()["total"] == 0


def test_serve_events_lists_records_with_total(client: Any) -> None:
    body = client.get("/events").json()
    assert body["total"] == 4 and body["limit"] == 100 and body["offset"] == 0
    first = body["events"][0]
    assert first["article_id"] == "a1" and first["type"] == "ASSAULT"
    assert first["trigger"]["text"] == "attacked"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=ASSAULT", {"ASSAULT"}),
        ("type=protest,consult", {"PROTEST", "CONSULT"}),
        ("type=PROTEST&type=CONSULT", {"PROTEST", "CONSULT"}),
        ("factuality=negated", {"PROTEST"}),
        ("actor=students", {"PROTEST"}),
        ("q=leaders", {"CONSULT"}),
        ("search=convoy", {"ASSAULT"}),
        ("country=irq&type=ASSAULT", {"ASSAULT"}),
        ("country=FRA", set()),
        ("from=2016-11-01&to=2016-11-30", {"PROTEST", "CONSULT"}),
        ("bbox=43,36,44,37", {"ASSAULT", "PROTEST", "CONSULT"}),
        ("bbox=0,0,1,1", set()),
    ],
)
def test_serve_events_filters_like_the_cli(client: Any, query: str, expected: set[str]) -> None:
    body = client.get(f"/events?{query}").json()
    assert {e["type"] for e in body["events"]} == expected
    assert body["total"] == len(body["events"])


def test_serve_events_pages_with_limit_and_offset(client: Any) -> None:
    all_ids = [e["id"] for e in client.get("/events").json()["events"]]
    page = client.get("/events?limit=1&offset=1")
    assert [e["id"] for e in page.json()["events"]] == all_ids[1:2]
    assert page.json()["total"] == len(all_ids) == 4
    assert page.headers["x-total-count"] == str(len(all_ids))


def test_serve_events_geojson_uses_the_exporter(client: Any) -> None:
    response = client.get("/events?format=geojson&type=ASSAULT")
    assert response.headers["content-type"].startswith("application/geo+json")
    doc = json.loads(response.text)
    assert doc["type"] == "FeatureCollection"
    (feature,) = doc["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [43.13, 36.34]}
    assert feature["properties"]["type"] == "ASSAULT"
    assert feature["properties"]["article_id"] == "a1"


@pytest.mark.parametrize(
    ("query", "param", "hint"),
    [
        ("type=RIOT", "type", "AGREE"),
        ("factuality=maybe", "factuality", "asserted"),
        ("from=2016-13-01", "from", "YYYY-MM-DD"),
        ("to=yesterday", "to", "YYYY-MM-DD"),
        ("bbox=1,2,3", "bbox", "minlon,minlat,maxlon,maxlat"),
        ("bbox=0,80,1,95", "bbox", "latitudes"),
        ("limit=-1", "limit", "greater than or equal to 0"),
        ("limit=100001", "limit", "less than or equal to 10000"),
        ("limit=many", "limit", "integer"),
        ("offset=-5", "offset", "greater than or equal"),
        ("format=xml", "format", "'json' or 'geojson'"),
        ("include_rejected=perhaps", "include_rejected", "boolean"),
    ],
)
def test_serve_bad_parameters_are_400_with_a_clear_detail(
    client: Any, query: str, param: str, hint: str
) -> None:
    response = client.get(f"/events?{query}")
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert detail.startswith(f"{param}: ") and hint in detail, detail


def test_serve_event_and_article_by_id(client: Any) -> None:
    event = client.get("/events?type=ASSAULT").json()["events"][0]
    one = client.get(f"/events/{event['id']}").json()
    assert one["id"] == event["id"] and one["rejected"] is False
    assert client.get("/events/ev-nope").status_code == 404

    article = client.get("/articles/a2").json()
    text = article["article"]["text"]
    assert [text[e["trigger"]["start"] : e["trigger"]["end"]] for e in article["events"]] == [
        "protested",
        "met",
    ]
    assert article["article"]["date"] == "2016-11-02"
    # ids may be URLs, slashes and all
    url = client.get("/articles/https://example.org/news/3")
    assert url.status_code == 200 and url.json()["article"]["url"] is None
    assert client.get("/articles/https%3A%2F%2Fexample.org%2Fnews%2F3").status_code == 200
    missing = client.get("/articles/zzz")
    assert missing.status_code == 404 and "zzz" in missing.json()["detail"]


def test_serve_article_keeps_markup_as_text(client: Any) -> None:
    text = "Rebels attacked Mosul. <script>alert(1)</script><img src=x onerror=alert(2)>"
    client.post("/articles", json={"id": "x1", "text": text}, headers=KEY)
    body = client.get("/articles/x1").json()
    assert body["article"]["text"] == text
    assert "path" not in body["article"]


def test_serve_stats_counts_filtered_events(client: Any) -> None:
    stats = client.get("/stats").json()
    assert stats["events"] == 4 and stats["articles"] == 3
    assert stats["by_type"] == {"PROTEST": 2, "ASSAULT": 1, "CONSULT": 1}
    assert client.get("/stats?type=ASSAULT").json()["events"] == 1
    assert client.get("/stats?type=nope").status_code == 400


def test_serve_extract_codes_text_without_storing(make_client: Any, stub: StubPipeline) -> None:
    client = make_client()  # read-only: extract still works, nothing is stored
    body = {"text": "Rebels attacked Mosul.", "reference_date": "2017-01-05"}
    record = client.post("/extract", json=body).json()
    assert record["schema_version"] and record["article"]["reference_date"] == "2017-01-05"
    assert [e["type"] for e in record["events"]] == ["ASSAULT"]
    assert record["article"].get("path") is None
    batch = client.post("/extract", json={"articles": [{"text": "Leaders met."}] * 2}).json()
    assert [len(r["events"]) for r in batch["articles"]] == [1, 1]
    assert client.get("/events").json()["total"] == 0
    assert stub.seen == 3


def test_serve_pipeline_is_loaded_once_and_lazily(
    make_client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.serve.conftest import settings_for

    from eventwire.config import Settings
    from eventwire.pipeline import Pipeline
    from eventwire.serve import create_app

    loads: list[Settings] = []

    def fake_load(settings: Settings) -> StubPipeline:
        loads.append(settings)
        return StubPipeline()

    monkeypatch.setattr(Pipeline, "load", staticmethod(fake_load))
    from fastapi.testclient import TestClient

    client = make_client()  # for the tmp path fixture; use a fresh app without a pipeline
    db = client.app.state.eventwire.settings.db
    with TestClient(create_app(settings_for(db))) as fresh:
        assert fresh.get("/events").status_code == 200
        assert loads == []
        for _ in range(3):
            assert fresh.post("/extract", json={"text": "Rebels attacked."}).status_code == 200
    assert len(loads) == 1


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({}, "text: Field required"),
        ({"text": ""}, "text: String should have at least 1 character"),
        ({"text": "x", "colour": "red"}, "Extra inputs are not permitted"),
        ({"text": "x", "reference_date": "soon"}, "reference_date"),
        ({"articles": []}, "articles: List should have at least 1 item"),
    ],
)
def test_serve_bad_bodies_are_400(client: Any, body: dict[str, Any], fragment: str) -> None:
    for path in ("/extract", "/articles"):
        response = client.post(path, json=body, headers=KEY)
        assert response.status_code == 400, response.text
        assert fragment in response.json()["detail"], response.json()["detail"]


def test_serve_malformed_json_is_400(client: Any) -> None:
    response = client.post(
        "/extract", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert "JSON" in response.json()["detail"]


def test_serve_body_over_the_limit_is_413(make_client: Any, stub: StubPipeline) -> None:
    client = make_client(api_key=API_KEY, max_article_mb=0.01)  # about 10 kB
    big = {"text": "Rebels attacked Mosul. " * 1000}
    for path in ("/extract", "/articles"):
        response = client.post(path, json=big, headers=KEY)
        assert response.status_code == 413
        assert "max_article_mb" in response.json()["detail"]

    def chunks() -> Any:  # no Content-Length: counted as it arrives
        yield b'{"text": "'
        for _ in range(50):
            yield b"x" * 1000
        yield b'"}'

    chunked = client.post(
        "/extract", content=chunks(), headers={"content-type": "application/json"}
    )
    assert chunked.status_code == 413
    assert stub.seen == 0
    assert client.post("/extract", json={"text": "Rebels attacked."}).status_code == 200


def test_serve_openapi_and_docs_are_local(client: Any) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/events", "/events/{event_id}", "/stats", "/extract", "/articles"} <= set(
        spec["paths"]
    )
    html = client.get("/docs").text
    assert "/static/vendor/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "http://" not in html and "https://" not in html
    assert client.get("/static/vendor/swagger-ui-dist/swagger-ui-bundle.js").status_code == 200


def test_serve_page_and_its_files_are_local(client: Any) -> None:
    import re

    html = client.get("/").text
    assert "<title>eventwire" in html
    refs = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert refs and all(r.startswith("/") for r in refs), refs
    for ref in refs:
        assert client.get(ref).status_code == 200, ref
    assert client.get("/static/vendor/world-atlas/countries-110m.json").json()["type"] == "Topology"


def test_serve_events_offers_the_merged_view(client: Any) -> None:
    merged = client.get("/events", params={"merged": "true"})
    assert merged.status_code == 200
    body = merged.json()
    plain = client.get("/events").json()
    assert 0 < body["total"] <= plain["total"]
    assert int(merged.headers["X-Total-Count"]) == body["total"]
    geo = client.get("/events", params={"merged": "true", "format": "geojson"})
    assert geo.status_code == 200 and geo.json()["type"] == "FeatureCollection"
