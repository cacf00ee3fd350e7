"""The HTTP API in-process: JSON twins of every page, paging, filters, stable JSON, OpenAPI."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

TWIN_RE = re.compile(r'<link rel="alternate" type="application/json" href="([^"]+)">')


def _biggest_story(client: TestClient) -> dict:
    items = client.get("/api/stories", params={"order": "biggest", "per_page": 1}).json()["stories"]["items"]
    assert items, "the fixture store has stories"
    return items[0]


def test_every_page_names_a_json_twin_that_answers(client: TestClient, web_store: Any) -> None:
    story = _biggest_story(client)
    pages = [
        "/",
        f"/stories/{story['id']}",
        f"/articles/{web_store.hostile_id}",
        "/search?q=police",
        "/sources",
        "/following",
        "/alerts",
        "/?order=biggest&per_page=3",
    ]
    for page in pages:
        html = client.get(page)
        assert html.status_code == 200, page
        assert html.headers["content-type"].startswith("text/html")
        twin = TWIN_RE.search(html.text)
        assert twin, f"{page} names no JSON twin"
        data = client.get(twin.group(1).replace("&amp;", "&"))
        assert data.status_code == 200, twin.group(1)
        assert data.headers["content-type"] == "application/json"
        assert isinstance(data.json(), dict)


def test_story_twin_matches_the_story(client: TestClient, web_store: Any) -> None:
    story = _biggest_story(client)
    data = client.get(f"/api/stories/{story['id']}").json()
    assert data["story"]["id"] == story["id"]
    assert len(data["articles"]) == data["story"]["size"] == story["size"]
    provenance = data["provenance"]
    assert provenance["story_id"] == story["id"]
    core_provenance = web_store.core.provenance(story["id"])
    assert provenance["origin"]["name"] == core_provenance.origin.name
    assert (
        provenance["independent_sources"]
        == core_provenance.independent_families
        == story["independent_sources"]
    )
    assert 1 <= provenance["independent_sources"] <= story["size"]
    ids = {a["article_id"] for a in data["articles"]}
    assert all(e["source_article"] in ids and e["target_article"] in ids for e in provenance["edges"])
    assert all(f["article_id"] in ids for f in provenance["drift"])
    html = client.get(f"/stories/{story['id']}").text
    for article in data["articles"]:
        assert f'href="/articles/{article["article_id"]}"' in html
    for source in provenance["cited_sources"][:40]:
        assert html.count(">" + source["name"].replace("'", "&#39;").replace('"', "&#34;")) >= 1, source
    separate = client.get(f"/api/stories/{story['id']}/provenance").json()
    assert {k: v for k, v in separate.items() if k != "timeline"} == provenance


def test_story_claims_are_grouped_by_certainty(client: TestClient) -> None:
    story = _biggest_story(client)
    data = client.get(f"/api/stories/{story['id']}/claims").json()
    groups = data["claim_groups"]
    assert groups, "ECB+ stories repeat claims across articles"
    order = ["asserted", "attributed", "hedged", "speculative", "denied"]
    ranks = [order.index(g["certainty"]) for g in groups]
    assert ranks == sorted(ranks)
    assert all(len({o["article_id"] for o in g["occurrences"]}) == g["articles"] >= 1 for g in groups)
    assert sum(data["certainty_counts"].values()) == data["claims"] >= len(groups)
    flagged = {f["group_id"] for f in data["drift"]}
    assert flagged <= {g["id"] for g in groups}


def test_paging_is_disjoint_and_ordered(client: TestClient) -> None:
    first = client.get("/api/stories", params={"per_page": 2, "page": 1}).json()["stories"]
    second = client.get("/api/stories", params={"per_page": 2, "page": 2}).json()["stories"]
    assert first["has_next"] and len(first["items"]) == 2
    assert not {s["id"] for s in first["items"]} & {s["id"] for s in second["items"]}
    articles = client.get("/api/articles", params={"per_page": 5}).json()
    ids = [a["id"] for a in articles["items"]]
    assert ids == sorted(ids, reverse=True) and articles["has_next"]


def test_page_size_is_capped(client: TestClient) -> None:
    data = client.get("/api/articles", params={"per_page": 10_000}).json()
    assert data["per_page"] == 100
    assert client.get("/api/articles", params={"page": 0}).status_code == 422


def test_outlet_and_entity_filters(client: TestClient) -> None:
    story = _biggest_story(client)
    outlet = story["outlets"][0]
    found = client.get("/api/stories", params={"outlet": outlet, "per_page": 100}).json()["stories"]["items"]
    assert story["id"] in {s["id"] for s in found}
    assert all(outlet in s["outlets"] for s in found)
    entity = story["entities"][0]
    by_entity = client.get("/api/stories", params={"entity": entity, "per_page": 100}).json()["stories"][
        "items"
    ]
    assert story["id"] in {s["id"] for s in by_entity}
    none = client.get("/api/stories", params={"outlet": "no-such-outlet.invalid"}).json()["stories"]
    assert none["items"] == [] and not none["has_next"]
    assert client.get("/api/stories", params={"since": "not a date"}).status_code == 422


def test_search_pages(client: TestClient) -> None:
    word = _biggest_story(client)["entities"][0].split()[-1]  # a name many articles of the story use
    first = client.get("/api/search", params={"q": word, "per_page": 2}).json()
    assert len(first["items"]) == 2 and first["has_next"]
    for hit in first["items"]:
        article = client.get(f"/api/articles/{hit['article_id']}").json()["article"]
        assert word.lower() in (article["title"] + " " + " ".join(article["body"])).lower()
    second = client.get("/api/search", params={"q": word, "per_page": 2, "page": 2}).json()
    assert not {h["article_id"] for h in first["items"]} & {h["article_id"] for h in second["items"]}
    assert client.get("/api/search", params={"q": '" OR NEAR('}).status_code == 200


def test_json_is_stable(client: TestClient) -> None:
    story = _biggest_story(client)
    for path in ["/api/stories", f"/api/stories/{story['id']}", "/api/search?q=police"]:
        assert client.get(path).content == client.get(path).content


def test_missing_things_are_404(client: TestClient) -> None:
    assert client.get("/api/stories/999999").status_code == 404
    assert client.get("/api/articles/999999").status_code == 404
    assert client.get("/api/stories/999999/provenance").status_code == 404
    page = client.get("/stories/999999")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]


def test_openapi_lists_the_routes(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    for path in [
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/stories/{story_id}/provenance",
        "/api/stories/{story_id}/claims",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/search",
        "/api/sources",
        "/api/ingest",
        "/api/ingest/file",
        "/api/following",
        "/api/following/{subscription_id}",
        "/api/alerts",
        "/api/push/key",
        "/api/push/subscriptions",
    ]:
        assert path in spec["paths"], path


def test_sources_page_lists_outlets(client: TestClient) -> None:
    story = _biggest_story(client)
    outlets = client.get("/api/sources", params={"per_page": 100}).json()["outlets"]["items"]
    assert set(story["outlets"]) <= {o["outlet"] for o in outlets}
    assert all(o["articles"] >= 1 for o in outlets)
