"""Helpers for the alert tests: real ECB+ articles (CC BY 3.0), a core on a temp store, receivers.

Imported by name (pytest puts this folder on sys.path).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from newstrace.alerts.channels.webhook import SIGNATURE_HEADER, TIMESTAMP_HEADER, verify
from newstrace.alerts.records import Alert, Subscription
from newstrace.alerts.service import AlertService
from newstrace.app import Newstrace
from newstrace.pipeline import IngestReport, ItemResult
from newstrace.settings import Settings

ECB_FILE = Path("data") / "ecbplus" / "ecbplus-dev.jsonl"


def ecb_rows(shared_dir: Path, topics: set[int]) -> list[dict]:
    """The ECB+ dev articles of some topics, in file order (Cybulska & Vossen 2014, CC BY 3.0)."""
    lines = (shared_dir / ECB_FILE).read_text(encoding="utf-8").splitlines()
    return [row for row in map(json.loads, lines) if row["topic"] in topics]


def write_jsonl(rows: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def open_core(data_dir: Path) -> Newstrace:
    """A core whose own alert matching is off: these tests drive an AlertService of their own."""
    return Newstrace.open(
        Settings(data_dir=str(data_dir), default_feeds=False, load_sample=False, alerts=False)
    )


def ingest_with_alerts(core: Newstrace, service: AlertService, paths: list[Path]) -> IngestReport:
    """Ingest as the main job will: each clustered article goes to ``on_result`` at once."""

    def progress(result: ItemResult) -> None:
        if result.story_id is not None and result.article_id is not None and result.outcome != "unchanged":
            service.on_result(result.article_id, result.story_id, result.new_story, result.moved_to)

    return core.ingest([str(p) for p in paths], progress=progress)


@dataclass
class RecordingChannel:
    """A channel that keeps what it was handed (and can be told to fail)."""

    sent: list[tuple[str, list[Alert]]] = field(default_factory=list)
    fail: Callable[[str], Exception | None] = lambda destination: None

    def send(self, destination: str, subscription: Subscription, alerts: list[Alert]) -> None:
        error = self.fail(destination)
        if error is not None:
            raise error
        self.sent.append((destination, alerts))


@dataclass
class WebhookReceiver:
    """A local HTTP receiver that checks each POST's HMAC signature with the subscription's secret."""

    url: str
    secrets: dict[int, str]
    bodies: list[dict] = field(default_factory=list)
    bad_signatures: int = 0
    status: int = 200
    delay: float = 0.0  # seconds before answering

    @property
    def keys(self) -> list[str]:
        """The messages' idempotency keys, in the order received."""
        return [body["idempotency_key"] for body in self.bodies]

    @property
    def alert_ids(self) -> list[str]:
        """The alerts the messages carried (a message may carry several: a digest, or the updates one
        article brought to a story)."""
        return [alert["id"] for body in self.bodies for alert in body["alerts"]]

    def messages_per_alert(self) -> dict[str, set[str]]:
        """For each alert, the keys of the messages that carried it."""
        found: dict[str, set[str]] = {}
        for body in self.bodies:
            for alert in body["alerts"]:
                found.setdefault(alert["id"], set()).add(body["idempotency_key"])
        return found


@contextmanager
def webhook_receiver(secrets: dict[int, str]) -> Iterator[WebhookReceiver]:
    lock = threading.Lock()
    receiver: WebhookReceiver

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            time.sleep(receiver.delay)
            payload = json.loads(body)
            secret = receiver.secrets.get(payload["subscription"]["id"], "")
            ok = verify(secret, self.headers[TIMESTAMP_HEADER], body, self.headers[SIGNATURE_HEADER])
            ok = ok and self.headers["Idempotency-Key"] == payload["idempotency_key"]
            with lock:
                if ok and receiver.status < 300:
                    receiver.bodies.append(payload)
                elif not ok:
                    receiver.bad_signatures += 1
            self.send_response(receiver.status if ok else 401)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            return

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    receiver = WebhookReceiver(f"http://127.0.0.1:{httpd.server_address[1]}/hook", secrets)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        httpd.shutdown()
        httpd.server_close()
