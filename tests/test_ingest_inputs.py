"""Ingesting a folder of mixed inputs: each good article stored once, each bad one named with a reason."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from http_helpers import LocalServer, Page, Reply, warc_bytes
from newstrace.app import Newstrace
from newstrace.settings import Settings

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title></channel></rss>"""


def _feed(server: LocalServer, paths: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Entry {i}</title><link>{server.url(p)}</link>"
        f"<pubDate>Tue, 0{i + 1} Oct 2024 10:00:00 GMT</pubDate></item>"
        for i, p in enumerate(paths)
    )
    channel = f"<channel><title>Local</title>{items}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


@pytest.fixture
def mixed_folder(tmp_path: Path, shared_dir: Path, real_pages: list[Page], seed_text: str) -> Path:
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "scraped.txt").write_text(seed_text, encoding="utf-8")
    (folder / "page.html").write_bytes(real_pages[0].html)
    (folder / "archive.warc.gz").write_bytes(warc_bytes(real_pages[1:3]))
    ecb = (shared_dir / "data" / "ecbplus" / "ecbplus-dev.jsonl").read_text(encoding="utf-8").splitlines()
    (folder / "records.jsonl").write_text("\n".join(ecb[:3]) + "\n{broken json\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 8)
    (folder / "truncated.html.gz").write_bytes(gzip.compress(real_pages[0].html)[:200])
    (folder / "bomb.xml").write_bytes(BILLION_LAUGHS)
    return folder


def _core(tmp_path: Path) -> Newstrace:
    settings = Settings(
        data_dir=str(tmp_path / "data"), allow_private_addresses=True, per_host_delay=0.0, fetch_timeout=5.0
    )
    return Newstrace.open(settings)


def test_mixed_folder_and_feed(
    tmp_path: Path, mixed_folder: Path, server: LocalServer, real_pages: list[Page]
) -> None:
    server.routes["/a"] = Reply(
        200, real_pages[0].html.replace(b"</title>", b" (copy)</title>"), {"Content-Type": "text/html"}
    )
    server.routes["/feed.xml"] = Reply(
        200, _feed(server, ["/a", "/missing"]), {"Content-Type": "application/rss+xml"}
    )
    core = _core(tmp_path)
    report = core.ingest([str(mixed_folder), server.url("/feed.xml")])

    failed = {Path(r.location).name.split(":")[0].split("#")[0]: r.reason for r in report.failures}
    assert {"empty.txt", "binary.bin", "truncated.html.gz", "bomb.xml"} <= set(failed)
    assert any(loc.startswith("records.jsonl") for loc in failed)  # the broken line, by its line number
    assert any("missing" in r.location for r in report.failures)  # the feed entry that 404s
    assert all(reason for reason in failed.values())
    # text 1 + html 1 + warc 2 + jsonl 3; the feed's good entry is page.html again under another
    # address: its canonical URL makes it the same article, not a duplicate
    assert report.count("new") == 7
    assert core.counts().articles == 7
    by_location = {Path(r.location).name: r for r in report.results}
    assert by_location["a"].outcome == "unchanged"
    assert by_location["a"].article_id == by_location["page.html"].article_id

    again = core.ingest([str(mixed_folder), server.url("/feed.xml")])
    assert again.count("new") == 0 and again.count("updated") == 0
    assert core.counts().articles == 7
    every_story = {r.story_id for r in report.results if r.outcome == "new"}
    assert None not in every_story


def test_changed_page_is_an_update_not_a_duplicate(
    tmp_path: Path, server: LocalServer, real_pages: list[Page]
) -> None:
    server.routes["/story"] = Reply(200, real_pages[0].html, {"Content-Type": "text/html"})
    core = _core(tmp_path)
    first = core.ingest([server.url("/story")])
    first_words = " ".join(real_pages[0].body.split()[:3]).encode()
    assert first_words in real_pages[0].html
    changed = real_pages[0].html.replace(first_words, b"Update: " + first_words, 1)
    server.routes["/story"] = Reply(200, changed, {"Content-Type": "text/html"})
    second = core.ingest([server.url("/story")])
    assert first.count("new") == 1 and second.count("updated") == 1
    assert core.counts().articles == 1


def test_loopback_refused_by_default(tmp_path: Path, server: LocalServer, real_pages: list[Page]) -> None:
    server.routes["/story"] = Reply(200, real_pages[0].html, {"Content-Type": "text/html"})
    core = Newstrace.open(Settings(data_dir=str(tmp_path / "data")))
    report = core.ingest([server.url("/story")])
    assert report.count("new") == 0
    assert "loopback" in (report.failures[0].reason or "")
    assert server.hits("/story") == 0


def test_export_round_trips_through_ingest(tmp_path: Path, mixed_folder: Path) -> None:
    core = _core(tmp_path)
    core.ingest([str(mixed_folder / "records.jsonl"), str(mixed_folder / "scraped.txt")])
    exported = tmp_path / "export.jsonl"
    exported.write_text("\n".join(json.dumps(r, default=str) for r in core.export()) + "\n", encoding="utf-8")
    other = Newstrace.open(Settings(data_dir=str(tmp_path / "other")))
    report = other.ingest([str(exported)])
    assert report.count("new") == core.counts().articles == 4
    originals = {a.key: a for a in core.store.iter_articles()}
    for article in other.store.iter_articles():
        original = originals[article.key]
        assert (article.title, article.body, article.captions, article.topics) == (
            original.title,
            original.body,
            original.captions,
            original.topics,
        )
