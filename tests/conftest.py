"""Shared fixtures: the public data sets beside the repository, the stores' databases, a clock."""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import Engine

import newstrace.store.database
from database_helpers import StoreDatabases
from http_helpers import FakeClock, LocalServer, Page, Reply, Route
from newstrace.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only data sets (``../shared`` beside the clone); tests that need them skip without."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this clone")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared_dir: Path) -> str:
    return (shared_dir / "seed" / "000_1f12566f83871210.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session", autouse=True)
def databases() -> Iterator[StoreDatabases]:
    """The stores' databases: SQLite files, or, when ``NEWSTRACE_TEST_DATABASE_URL`` names a
    PostgreSQL server, one new empty database per SQLite file a test names.

    On PostgreSQL every store opened in this process goes there: ``open_engine`` is wrapped for the
    session so that a SQLite file URL (``Settings(data_dir=…)``, ``open_store("sqlite:///…")``) opens
    the database standing in for that file. Child processes get theirs through the environment
    (``databases.env(folder)``: ``NEWSTRACE_DATABASE_URL``).
    """
    found = StoreDatabases.from_environment()
    if not found.postgres:
        yield found
        return
    opener = newstrace.store.database.open_engine

    def redirected(url: str) -> Engine:
        engine = opener(found.redirect(url))
        found.engines.append(engine)
        return engine

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(newstrace.store.database, "open_engine", redirected)
        yield found
    for engine in found.engines:
        engine.dispose()
    found.close()


@pytest.fixture(autouse=True)
def _close_test_databases(databases: StoreDatabases) -> Iterator[None]:
    """On PostgreSQL: close the engines a test left open and drop the databases it made."""
    engines, created = len(databases.engines), len(databases.created)
    yield
    if databases.postgres:
        for engine in databases.engines[engines:]:
            engine.dispose()
        del databases.engines[engines:]
        databases.drop(databases.created[created:])


@pytest.fixture
def server() -> Iterator[LocalServer]:
    routes: dict[str, Route] = {}
    requests: list[tuple[str, dict[str, str]]] = []
    stop = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            headers = {k.lower(): v for k, v in self.headers.items()}
            requests.append((self.path, headers))
            route = routes.get(self.path, Reply(404, b"not found"))
            reply = route(headers) if callable(route) else route
            if reply.hang:
                stop.wait(reply.hang)
                if stop.is_set():
                    return
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if "Content-Length" not in reply.headers:
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)

        def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
            return

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield LocalServer(f"http://127.0.0.1:{httpd.server_address[1]}", routes, requests, stop)
    finally:
        stop.set()
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def local_settings() -> Settings:
    """Settings for fetching from the local test server: private addresses allowed, no delay."""
    return Settings(allow_private_addresses=True, per_host_delay=0.0, fetch_timeout=5.0)


@pytest.fixture(scope="session")
def real_pages(shared_dir: Path) -> list[Page]:
    """Three real news pages (scrapinghub article-extraction-benchmark, MIT licence) with their URLs."""
    folder = shared_dir / "data" / "article-extraction"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:3]:
        html = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append(Page(truth[page_id]["url"], html, truth[page_id]["articleBody"]))
    return pages
