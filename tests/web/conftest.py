"""Fixtures for the web tests: a small real store (ECB+ sample articles and a hostile page) and clients.

The store is built once per session through the core's own ingest, on SQLite in a temporary folder
(a file, not ``:memory:``, because the ASGI test client serves from another thread).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_helpers import PASSWORD, SAMPLE_ARTICLES, USER, make_client, sign_in

from newstrace.app import Newstrace, sample_documents
from newstrace.records import RawDocument
from newstrace.settings import Settings
from newstrace.web.auth import create_account

HOSTILE = {
    "id": "hostile-1",
    "url": "https://evil.example/a?x=<script>",
    "source": "evil.example",
    "title": "<script>alert('title')</script> Hostile <b>title</b>",
    "body": [
        "<img src=x onerror=alert(1)> The minister said the plan would <b>fail</b> on Tuesday.",
        '<a href="javascript:alert(2)">click me</a> Officials may have known about the plan.',
        "<svg onload=alert(3)></svg> A spokesman denied that the plan had failed.",
    ],
    "language": "en",
    "published": "2013-05-03T10:00:00Z",
}
HOSTILE_LINK = {
    **HOSTILE,
    "id": "hostile-2",
    "url": "javascript:alert(document.cookie)",
    "title": "A page whose address is a javascript link",
}


@dataclass(slots=True)
class Fixture:
    core: Newstrace
    hostile_id: int
    hostile_link_id: int | None


def _jsonl(record: dict, location: str) -> RawDocument:
    return RawDocument(location=location, content=json.dumps(record).encode(), kind="jsonl")


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fixture]:
    folder: Path = tmp_path_factory.mktemp("web-store")
    core = Newstrace.open(Settings(data_dir=str(folder), load_sample=False))
    core.ingest_documents(itertools.islice(sample_documents(), SAMPLE_ARTICLES))
    report = core.ingest_documents([_jsonl(HOSTILE, "hostile"), _jsonl(HOSTILE_LINK, "hostile-link")])
    ids = [r.article_id for r in report.results]
    assert ids[0] is not None, report.results
    create_account(core.store, USER, PASSWORD)
    yield Fixture(core, ids[0], ids[1])
    core.close()


@pytest.fixture()
def client(web_store: Fixture) -> Iterator[TestClient]:
    with make_client(web_store.core) as c:
        yield c


@pytest.fixture()
def signed_in(client: TestClient) -> str:
    """The ``client`` signed in; the CSRF token to send with writes."""
    return sign_in(client)
