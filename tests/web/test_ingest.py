"""Ingestion through the API: an uploaded file goes through the core; addresses are checked."""

from __future__ import annotations

import gzip
import json
from importlib import resources
from typing import Any

from fastapi.testclient import TestClient
from web_helpers import BEARER, SAMPLE_ARTICLES, make_client


def _sample_line(index: int) -> bytes:
    ref = resources.files("newstrace") / "data" / "sample" / "ecbplus-sample.jsonl.gz"
    with ref.open("rb") as packed:
        lines = [line for line in gzip.decompress(packed.read()).splitlines() if line.strip()]
    return lines[index]


def test_upload_a_json_lines_file(client: TestClient) -> None:
    line = _sample_line(SAMPLE_ARTICLES + 5)  # an ECB+ article the fixture store does not hold yet
    response = client.post(
        "/api/ingest/file", files={"file": ("one.jsonl", line, "application/jsonl")}, headers=BEARER
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["new"] + report["unchanged"] == 1 and report["failed"] == 0
    article_id = report["results"][0]["article_id"]
    stored = client.get(f"/api/articles/{article_id}").json()["article"]
    assert stored["title"] == json.loads(line)["title"]
    again = client.post("/api/ingest/file", files={"file": ("one.jsonl", line)}, headers=BEARER).json()
    assert again["unchanged"] == 1


def test_only_http_urls_are_fetched(client: TestClient) -> None:
    for url in ["file:///etc/passwd", "/etc/passwd", "ftp://example.org/x"]:
        assert client.post("/api/ingest", json={"url": url}, headers=BEARER).status_code == 422


def test_private_addresses_are_refused(client: TestClient) -> None:
    report = client.post("/api/ingest", json={"url": "http://127.0.0.1:9/"}, headers=BEARER).json()
    assert report["failed"] == 1 and report["new"] == 0


def test_upload_size_is_capped(web_store: Any) -> None:
    with make_client(web_store.core, max_upload_bytes=100) as client:
        response = client.post("/api/ingest/file", files={"file": ("big.txt", b"x" * 101)}, headers=BEARER)
        assert response.status_code == 413


def test_the_add_page_ingests_an_upload_for_a_signed_in_reader(client: TestClient, signed_in: str) -> None:
    line = _sample_line(SAMPLE_ARTICLES + 6)
    response = client.post("/ingest", data={"csrf_token": signed_in}, files={"file": ("one.jsonl", line)})
    assert response.status_code == 200
    assert "0 failed" in response.text and 'href="/articles/' in response.text
    refused = client.post("/ingest", files={"file": ("one.jsonl", line)})
    assert refused.status_code == 403
