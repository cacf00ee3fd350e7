"""Load on the web face: req/s and p50/p95 latency of the home, story and search pages and JSON twins.

    .venv/bin/python benchmarks/web_load.py [--articles 100000] [--requests 300] [--concurrency 4]
                                            [--store DIR]  # reuse a store built by an earlier run

Data: ECB+ (CC BY 3.0, ``../shared/data/ecbplus/ecbplus-dev.jsonl``, 772 articles in 66 real
stories), replicated into a synthetic store of ``--articles`` articles: replica ``r`` of gold story
``s`` becomes story ``(s, r)`` with its own URLs, outlets and dates, so the store has the size and the
story shapes of a real one (≈ 12 articles a story). Claims and entities are computed once per ECB+
article by the real analysers and stored with every replica. Articles go in through the store's own
``save_article``; stories through ``set_story``/``save_story``.

The server runs in a separate process (uvicorn, 127.0.0.1, one worker) with a read-only core (the
web's read path never touches the story clusterer, so it is not restored); the load comes from a
thread pool of httpx clients in this process, a bounded number of requests per page. Story pages are
timed twice over the same stories: first each a story never traced (the core's tracker traces it in
full from the store: the cost a story pays once), then again with the trace held by the tracker
(its 256 most recent stories; the main job keeps the active ones current as articles arrive). Keep
``--requests`` at most 256 so that the second pass measures the cache.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote, urlsplit

import httpx

REPO = Path(__file__).resolve().parents[1]
ECBPLUS = REPO.parent / "shared" / "data" / "ecbplus" / "ecbplus-dev.jsonl"
SEARCH_WORDS = [
    "earthquake",
    "police",
    "rehab",
    "killed",
    "arrested",
    "fire",
    "president",
    "court",
    "shooting",
    "hospital",
    "announced",
    "election",
]


@dataclass(slots=True)
class Timing:
    page: str
    requests: int
    seconds: float
    latencies: list[float]
    errors: int

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def quantile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else float("nan")


def ecb_records() -> list[dict]:
    with ECBPLUS.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _outlet(record: dict, replica: int, index: int) -> str:
    host = urlsplit(record.get("url") or "").netloc
    return host if host and replica == 0 else f"outlet{(index * 7 + replica * 13) % 60:02d}.example"


def build_store(folder: Path, target: int) -> Path:
    """Write a store of ``target`` articles (ECB+ replicas) under ``folder``; return the data dir."""
    from newstrace.analyse.claims import analyse_claims
    from newstrace.analyse.entities import extract_entities
    from newstrace.records import Article, Story
    from newstrace.store import open_store

    records = ecb_records()
    base = []
    for record in records:
        lines = [line for line in record["text"].split("\n") if line.strip()]
        article = Article(
            title=record["title"], body=lines[1:] or lines, language="en", extracted_by="ecbplus"
        )
        base.append((record, article, analyse_claims(article), extract_entities(record["text"], "en")))
    store = open_store(f"sqlite:///{folder / 'newstrace.db'}")
    start = datetime(2013, 1, 1, tzinfo=UTC)
    story_ids: dict[tuple[str, int], int] = {}
    members: dict[int, list[Article]] = {}
    count, replica = 0, 0
    begun = time.perf_counter()
    while count < target:
        for index, (record, article, claims, entities) in enumerate(base):
            if count >= target:
                break
            key = (record["story"], replica)
            story_id = story_ids.setdefault(key, len(story_ids) + 1)
            outlet = _outlet(record, replica, index)
            copy = Article(
                title=article.title,
                body=list(article.body),
                language="en",
                extracted_by="ecbplus",
                url=f"https://{outlet}/{replica}/{quote(record['id'])}",
                source=outlet,
                published=start + timedelta(days=story_id % 900, hours=index % 24, minutes=replica % 60),
                topics=[f"topic-{record['topic']}"],
            )
            saved = store.save_article(copy, None, claims, entities)
            store.set_story(saved.article_id, story_id, None)
            copy.id = saved.article_id
            members.setdefault(story_id, []).append(copy)
            count += 1
        replica += 1
    for story_id, articles in members.items():
        times = [a.published for a in articles if a.published]
        outlets = sorted({a.source for a in articles if a.source})
        store.save_story(
            Story(
                story_id,
                articles[0].title,
                min(times),
                max(times),
                len(articles),
                outlets,
                [],
                articles[0].topics,
                ["en"],
            )
        )
    store.close()
    print(
        f"built {count} articles in {len(members)} stories in {time.perf_counter() - begun:.0f} s",
        file=sys.stderr,
    )
    return folder


def serve_store(folder: str, port: int) -> None:
    """Serve the store read-only (child process)."""
    from newstrace.app import Newstrace
    from newstrace.settings import Settings
    from newstrace.store import open_store
    from newstrace.web.serve import serve

    class ReadOnlyCore(Newstrace):
        def _restore_clusterer(self):  # type: ignore[no-untyped-def]  # the read path needs none
            return None

    settings = Settings(data_dir=folder, load_sample=False)
    serve(ReadOnlyCore(settings, open_store(settings.effective_database_url())), "127.0.0.1", port)


def _wait_until_up(base: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/openapi.json", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError("server did not start")


def measure(base: str, page: str, paths: Iterator[str], requests: int, concurrency: int) -> Timing:
    todo = [next(paths) for _ in range(requests)]
    latencies: list[float] = []
    errors = 0

    def one(client: httpx.Client, path: str) -> tuple[float, bool]:
        began = time.perf_counter()
        response = client.get(base + path)
        return time.perf_counter() - began, response.status_code == 200

    with httpx.Client(timeout=30, limits=httpx.Limits(max_connections=concurrency)) as client:
        for _ in range(concurrency):  # open the connections; no page is fetched before it is timed
            client.get(base + "/static/site.css")
        begun = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as pool:
            for latency, ok in pool.map(lambda p: one(client, p), todo):
                latencies.append(latency)
                errors += not ok
        seconds = time.perf_counter() - begun
    return Timing(page, requests, seconds, latencies, errors)


def cycle_paths(template: str, values: list) -> Iterator[str]:
    while True:
        for value in values:
            yield template.format(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--store", help="a data dir built by an earlier run (skips building)")
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve_store(args.serve, args.port)
        return
    folder = (
        Path(args.store)
        if args.store
        else build_store(Path(tempfile.mkdtemp(prefix="newstrace-load-")), args.articles)
    )
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(folder), "--port", str(args.port)])
    base = f"http://127.0.0.1:{args.port}"
    try:
        _wait_until_up(base)
        stories = httpx.get(base + "/api/stories?per_page=100&order=biggest").json()["stories"]["items"]
        counts = httpx.get(base + "/api/stories").json()["counts"]
        rng = random.Random(0)
        sample = rng.sample(range(1, counts["stories"] + 1), min(counts["stories"], 2 * args.requests))
        html_ids, json_ids = sample[: len(sample) // 2], sample[len(sample) // 2 :]
        pages = [
            ("home /", cycle_paths("/?page={}", [1, 2, 3])),
            ("home JSON /api/stories", cycle_paths("/api/stories?page={}", [1, 2, 3])),
            ("story /stories/{id}, cold trace", cycle_paths("/stories/{}", html_ids)),
            ("story /stories/{id}, cached", cycle_paths("/stories/{}", html_ids)),
            ("story JSON, cold trace", cycle_paths("/api/stories/{}", json_ids)),
            ("story JSON, cached", cycle_paths("/api/stories/{}", json_ids)),
            ("search /search?q=", cycle_paths("/search?q={}", SEARCH_WORDS)),
            ("search JSON /api/search?q=", cycle_paths("/api/search?q={}", SEARCH_WORDS)),
        ]
        print(
            f"store: {counts['articles']} articles, {counts['stories']} stories; biggest story "
            f"{stories[0]['size'] if stories else 0} articles; {args.requests} requests a page, "
            f"{args.concurrency} concurrent clients, one uvicorn worker on 127.0.0.1"
        )
        print(f"| {'page':34} | {'req/s':>7} | {'p50 ms':>7} | {'p95 ms':>7} | {'errors':>6} |")
        print(f"|{'-' * 36}|{'-' * 9}|{'-' * 9}|{'-' * 9}|{'-' * 8}|")
        for name, paths in pages:
            timing = measure(base, name, paths, args.requests, args.concurrency)
            print(
                f"| {name:34} | {timing.rps:7.1f} | {timing.quantile(0.5):7.1f} | "
                f"{timing.quantile(0.95):7.1f} | {timing.errors:6d} |",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
