"""The fetcher against a real local HTTP server (and httpx.MockTransport where a host name is needed)."""

from __future__ import annotations

import gzip
import ipaddress
import socket
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime

import httpx
import pytest

from http_helpers import FakeClock, LocalServer, Reply
from newstrace.fetch.addresses import guarded_transport, refusal_reason
from newstrace.fetch.http import Fetcher, FetchFailed, HostLimiter, parse_retry_after
from newstrace.settings import Settings


def test_fetches_a_page_with_its_headers(server: LocalServer, local_settings: Settings) -> None:
    headers = {"Content-Type": "text/html", "ETag": '"x1"'}
    server.routes["/a"] = Reply(200, b"<html><p>hello</p></html>", headers)
    with Fetcher(local_settings) as fetcher:
        result = fetcher.fetch(server.url("/a"))
    assert result.status == 200
    assert result.content == b"<html><p>hello</p></html>"
    assert result.content_type == "text/html"
    assert result.etag == '"x1"'
    assert not result.not_modified
    assert "newstrace" in server.requests[0][1]["user-agent"]


def test_loopback_is_refused_by_default_and_allowed_when_configured(server: LocalServer) -> None:
    server.routes["/a"] = Reply(200, b"ok")
    with Fetcher(Settings()) as fetcher, pytest.raises(FetchFailed) as refused:
        fetcher.fetch(server.url("/a"))
    assert refused.value.reason == "refused: 127.0.0.1 is a loopback address"
    assert server.requests == []  # nothing reached the server
    with Fetcher(Settings(allow_private_addresses=True, per_host_delay=0)) as fetcher:
        assert fetcher.fetch(server.url("/a")).content == b"ok"


def test_localhost_by_name_is_refused(server: LocalServer) -> None:
    port = server.base.rsplit(":", 1)[1]
    with Fetcher(Settings()) as fetcher, pytest.raises(FetchFailed, match="loopback"):
        fetcher.fetch(f"http://localhost:{port}/a")


def test_numeric_host_spellings_of_loopback_are_refused(server: LocalServer) -> None:
    port = server.base.rsplit(":", 1)[1]
    with Fetcher(Settings()) as fetcher:
        for host in ("2130706433", "0x7f.1", "[::ffff:127.0.0.1]"):
            with pytest.raises(FetchFailed, match="loopback"):
                fetcher.fetch(f"http://{host}:{port}/a")
    assert server.requests == []


def test_a_public_name_resolving_to_loopback_is_refused_at_connect_time(server: LocalServer) -> None:
    """DNS rebinding: the name looks public, the checked address is what the socket connects to."""
    server.routes["/a"] = Reply(200, b"secret")
    port = int(server.base.rsplit(":", 1)[1])
    resolver_calls: list[str] = []

    def resolver(host: str, _port: int) -> list[str]:
        resolver_calls.append(host)
        return ["127.0.0.1"]

    transport = guarded_transport(allow_private=False, resolver=resolver)
    with Fetcher(Settings(), transport=transport) as fetcher, pytest.raises(FetchFailed) as refused:
        fetcher.fetch(f"http://news.example:{port}/a")
    assert refused.value.reason == "refused: 127.0.0.1 is a loopback address"
    assert resolver_calls == ["news.example"]
    assert server.requests == []
    # allowed: the socket goes to the resolved address while the Host header keeps the name
    allowed = guarded_transport(allow_private=True, resolver=resolver)
    with Fetcher(Settings(allow_private_addresses=True, per_host_delay=0), transport=allowed) as fetcher:
        assert fetcher.fetch(f"http://news.example:{port}/a").content == b"secret"
    assert server.requests[0][1]["host"] == f"news.example:{port}"


@pytest.mark.parametrize(
    ("address", "label"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.10", "private"),
        ("169.254.169.254", "link-local"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("100.64.0.1", "not a public"),
    ],
)
def test_non_public_addresses_are_named(address: str, label: str) -> None:
    reason = refusal_reason(ipaddress.ip_address(address))
    assert reason is not None and label in reason


def test_public_addresses_pass() -> None:
    assert refusal_reason(ipaddress.ip_address("151.101.0.81")) is None
    assert refusal_reason(ipaddress.ip_address("2a04:4e42::81")) is None


def test_a_redirect_to_a_private_address_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})

    transport = httpx.MockTransport(handler)
    with Fetcher(Settings(), transport=transport) as fetcher, pytest.raises(FetchFailed) as refused:
        fetcher.fetch("https://news.example/story")
    assert refused.value.reason == "refused: 169.254.169.254 is a link-local address"


def test_redirects_are_followed_and_limited(server: LocalServer, local_settings: Settings) -> None:
    server.routes["/old"] = Reply(301, headers={"Location": "/new"})
    server.routes["/new"] = Reply(200, b"moved here")
    server.routes["/loop"] = Reply(302, headers={"Location": "/loop"})
    with Fetcher(local_settings) as fetcher:
        result = fetcher.fetch(server.url("/old"))
        assert (result.url, result.final_url, result.content) == (
            server.url("/old"), server.url("/new"), b"moved here")
        with pytest.raises(FetchFailed, match="too many redirects"):
            fetcher.fetch(server.url("/loop"))


def test_other_schemes_are_refused(local_settings: Settings) -> None:
    with Fetcher(local_settings) as fetcher, pytest.raises(FetchFailed, match="only http and https"):
        fetcher.fetch("file:///etc/passwd")


def test_size_cap_by_content_length(server: LocalServer, local_settings: Settings) -> None:
    server.routes["/big"] = Reply(200, b"x" * 5000)
    with Fetcher(replace(local_settings, max_bytes=1000)) as fetcher, pytest.raises(FetchFailed) as big:
        fetcher.fetch(server.url("/big"))
    assert big.value.reason == "too large: over 1000 bytes"


def test_size_cap_while_streaming_without_content_length() -> None:
    sent: list[int] = []

    def chunks() -> object:
        for _ in range(1000):
            sent.append(1)
            yield b"y" * 1000

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=chunks())  # type: ignore[arg-type]

    settings = Settings(per_host_delay=0, max_bytes=10_000)
    with (
        Fetcher(settings, transport=httpx.MockTransport(handler)) as fetcher,
        pytest.raises(FetchFailed, match="too large: over 10000 bytes"),
    ):
        fetcher.fetch("https://news.example/endless")
    assert len(sent) <= 12  # stopped reading soon after the cap


def test_a_compressed_response_is_capped_after_decoding() -> None:
    bomb = gzip.compress(b"\0" * 2_000_000)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=bomb, headers={"Content-Encoding": "gzip"})

    settings = Settings(per_host_delay=0, max_bytes=100_000)
    assert len(bomb) < settings.max_bytes
    with (
        Fetcher(settings, transport=httpx.MockTransport(handler)) as fetcher,
        pytest.raises(FetchFailed, match="too large: over 100000 bytes"),
    ):
        fetcher.fetch("https://news.example/bomb")


def test_a_hanging_server_times_out(server: LocalServer, local_settings: Settings) -> None:
    server.routes["/hang"] = Reply(200, b"late", hang=10)
    started = time.monotonic()
    with Fetcher(replace(local_settings, fetch_timeout=0.5)) as fetcher, pytest.raises(FetchFailed) as slow:
        fetcher.fetch(server.url("/hang"))
    assert slow.value.reason == "timed out after 0.5 s"
    assert time.monotonic() - started < 3


def test_http_errors_and_retry_after(server: LocalServer, local_settings: Settings) -> None:
    server.routes["/down"] = Reply(500, b"oops")
    server.routes["/busy"] = Reply(503, b"busy", {"Retry-After": "120"})
    with Fetcher(local_settings) as fetcher:
        with pytest.raises(FetchFailed) as down:
            fetcher.fetch(server.url("/down"))
        assert down.value.reason == "HTTP 500"
        with pytest.raises(FetchFailed) as busy:
            fetcher.fetch(server.url("/busy"))
    assert (busy.value.status, busy.value.retry_after) == (503, 120.0)


def test_unreachable_port(local_settings: Settings) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with Fetcher(local_settings) as fetcher, pytest.raises(FetchFailed, match="unreachable"):
        fetcher.fetch(f"http://127.0.0.1:{port}/")


def test_conditional_get_gives_not_modified(server: LocalServer, local_settings: Settings) -> None:
    def feed(headers: dict[str, str]) -> Reply:
        if headers.get("if-none-match") == '"v1"':
            return Reply(304)
        return Reply(200, b"<rss/>", {"ETag": '"v1"', "Last-Modified": "Wed, 25 Nov 2026 10:00:00 GMT"})

    server.routes["/feed"] = feed
    with Fetcher(local_settings) as fetcher:
        first = fetcher.fetch(server.url("/feed"))
        second = fetcher.fetch(server.url("/feed"), etag=first.etag, last_modified=first.last_modified)
    assert not first.not_modified and second.not_modified and second.content == b""
    assert server.requests[1][1]["if-modified-since"] == "Wed, 25 Nov 2026 10:00:00 GMT"


def test_politeness_delay_per_host(clock: FakeClock) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=b"ok"))
    settings = Settings(per_host_delay=2.0)
    with Fetcher(settings, transport=transport, clock=clock, sleep=clock.sleep) as fetcher:
        fetcher.fetch("https://a.example/1")
        fetcher.fetch("https://b.example/1")  # another host: no wait
        fetcher.fetch("https://a.example/2")  # no time passed since a.example/1: waits the full delay
        clock.now += 5.0
        fetcher.fetch("https://a.example/3")  # the delay has passed: no wait
    assert clock.sleeps == [2.0]


def test_host_limiter_reserves_slots_across_threads() -> None:
    waits: list[float] = []
    lock = threading.Lock()
    limiter = HostLimiter(delay=1.5, clock=lambda: 100.0, sleep=lambda _s: None)

    def worker() -> None:
        waited = limiter.wait("news.example")
        with lock:
            waits.append(waited)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(waits) == [0.0, 1.5, 3.0, 4.5]


def test_retry_after_as_http_date() -> None:
    now = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
    assert parse_retry_after("Thu, 26 Nov 2026 10:05:00 GMT", now) == 300.0
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None
