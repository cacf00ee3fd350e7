"""The story page and its twins show the core's provenance of a story with known derivations and drift
(tests/fixtures/provenance_story.jsonl: dated articles, a copy, a rewrite, a citation, three flags)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_helpers import PASSWORD, USER, FixtureStory, make_client, sign_in, store_fixture_story

from newstrace.app import Newstrace
from newstrace.settings import Settings
from newstrace.web.auth import create_account


@pytest.fixture(scope="module")
def fixture_core(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Newstrace, FixtureStory]]:
    folder: Path = tmp_path_factory.mktemp("story-page")
    core = Newstrace.open(Settings(data_dir=str(folder), load_sample=False))
    fixture = store_fixture_story(core.store)
    yield core, fixture
    core.close()


@pytest.fixture()
def story_client(fixture_core: tuple[Newstrace, FixtureStory]) -> Iterator[TestClient]:
    with make_client(fixture_core[0]) as client:
        yield client


def _section(page: str, name: str) -> str:
    found = re.search(rf'<section id="{name}">(.*?)</section>', page, re.S)
    assert found, name
    return found.group(1)


def test_the_story_page_shows_origin_derivation_sources_and_drift(
    story_client: TestClient, fixture_core: tuple[Newstrace, FixtureStory]
) -> None:
    gold = fixture_core[1].gold
    page = story_client.get("/stories/1").text
    origin = _section(page, "origin")
    assert gold["origin"]["name"] in origin and "cited, not ingested" in origin
    derivation = _section(page, "derivation")
    assert '<svg class="chart derivation"' in derivation
    assert re.search(r'href="/articles/3">#3</a>\s*reuses\s*<a href="/articles/1">#1</a>', derivation)
    assert re.search(
        r'href="/articles/5">#5</a>\s*(cites|reuses and cites)\s*<a href="/articles/1">', derivation
    )
    assert "copy" in derivation and "cites Alpha Wire" in html.unescape(derivation)
    sources = _section(page, "cited-sources")
    assert re.search(r"<td>People</td><td>outlet</td>\s*<td>\d+ articles</td><td>no</td>", sources)
    assert re.search(
        r"<td>Alpha Wire[^<]*(<span[^>]*>[^<]*</span>)?</td><td>outlet</td>\s*<td>1 article</td><td>yes</td>",
        sources,
    )
    claims = _section(page, "claims")
    for label in ["hedge dropped", "headline overstates the body", "denial appears"]:
        assert f'title="{label}">{label}</span>' in claims, label
    assert 'class="drift"' in claims and 'class="flagged"' in claims
    coverage = _section(page, "coverage")
    assert coverage.count('<rect class="bar"') == 7 and "articles per hour" in coverage  # one hour apart
    meta = page.split('<div class="meta">', 1)[1].split("</div>", 1)[0]
    assert f"{gold['families']} independent sources" in meta and "3 drift flags" in meta


def test_the_twins_carry_the_same_provenance(
    story_client: TestClient, fixture_core: tuple[Newstrace, FixtureStory]
) -> None:
    core, fixture = fixture_core
    data = story_client.get("/api/stories/1").json()
    assert [a["article_id"] for a in data["articles"]] == [a.id for a in fixture.articles]
    assert data["articles"][2]["copy_of"] == 1 and data["articles"][0]["time_kind"] == "published"
    # an article's twin takes "copy_of" from the provenance too, as the story's does
    copy = data["articles"][2]["article_id"]
    assert story_client.get(f"/api/articles/{copy}").json()["article"]["copy_of"] == 1
    provenance = data["provenance"]
    assert provenance["independent_sources"] == fixture.gold["families"] == len(provenance["families"])
    assert provenance["origin"] == {
        "kind": "external",
        "name": "People",
        "evidence": core.provenance(1).origin.evidence,
        "article_id": None,
    }
    assert {(f["kind"], f["article_id"]) for f in provenance["drift"]} >= {
        (f["kind"], int(f["article"])) for f in fixture.gold["flags"]
    }
    assert core.store.get_story(1).independent_sources == fixture.gold["families"]  # the tracker wrote it
    claims = story_client.get("/api/stories/1/claims").json()
    assert claims["drift"] == provenance["drift"] and claims["claim_groups"] == provenance["claim_groups"]


def test_a_signed_in_reader_can_follow_the_storys_entities(
    story_client: TestClient, fixture_core: tuple[Newstrace, FixtureStory]
) -> None:
    create_account(fixture_core[0].store, USER, PASSWORD)
    assert "story-follows" not in story_client.get("/stories/1").text
    token = sign_in(story_client)
    follows = _follow_forms(story_client.get("/stories/1").text)
    assert ("entity", "Tara Reid") in follows
    done = story_client.post("/following", data={"kind": "entity", "value": "Tara Reid", "csrf_token": token})
    assert done.status_code == 200 and 'href="/?entity=Tara+Reid">Tara Reid</a>' in done.text
    assert [(s.kind, s.value) for s in fixture_core[0].alerts.subscriptions(USER)] == [
        ("entity", "Tara Reid")
    ]


def _follow_forms(page: str) -> list[tuple[str, str]]:
    forms = re.findall(r'<form class="inline follow".*?</form>', page, re.S)
    found = []
    for form in forms:
        kind = re.search(r'name="kind" value="([^"]*)"', form)
        value = re.search(r'name="value" value="([^"]*)"', form)
        assert kind and value
        found.append((kind.group(1), html.unescape(value.group(1))))
    return found
