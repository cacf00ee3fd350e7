"""Which network addresses a fetcher may reach, and a transport that connects only to checked ones.

A URL's host is resolved once, every address it resolves to is checked, and the socket is opened to
one of those checked addresses, so a DNS answer that changes between the check and the connect (DNS
rebinding) cannot steer a fetch to a private address. TLS still verifies the certificate against the
host name, because httpcore takes the server name from the URL, not from the address we connect to.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import httpcore
import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]


class AddressRefused(Exception):
    """The host is, or resolves to, an address the settings do not allow."""

    def __init__(self, host: str, reason: str) -> None:
        super().__init__(reason)
        self.host = host
        self.reason = reason


class HostUnresolvable(Exception):
    """DNS gave no address for the host."""

    def __init__(self, host: str, reason: str) -> None:
        super().__init__(reason)
        self.host = host
        self.reason = reason


def refusal_reason(address: IPAddress) -> str | None:
    """Why ``address`` must not be fetched by default, or None when it is a public address."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return refusal_reason(address.ipv4_mapped)
    checks = (
        ("is_loopback", "a loopback address"),
        ("is_link_local", "a link-local address"),
        ("is_multicast", "a multicast address"),
        ("is_unspecified", "an unspecified address"),
        ("is_private", "a private address"),
        ("is_reserved", "a reserved address"),
    )
    for attribute, label in checks:
        if getattr(address, attribute):
            return f"{address} is {label}"
    if not address.is_global:
        return f"{address} is not a public address"
    return None


def literal_address(host: str) -> IPAddress | None:
    """The IP address when ``host`` is written as one (``[::1]`` included), else None."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def check_host_name(host: str) -> None:
    """Refuse, before any DNS lookup, hosts that are private by their very name."""
    lowered = host.lower().rstrip(".")
    if lowered == "localhost" or lowered.endswith(".localhost"):
        raise AddressRefused(host, f"{host} is a loopback address")
    address = literal_address(host)
    if address is not None:
        reason = refusal_reason(address)
        if reason:
            raise AddressRefused(host, reason)


def resolve_host(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (the system resolver), in the resolver's order."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise HostUnresolvable(host, f"cannot resolve {host}: {exc}") from exc
    seen: list[str] = []
    for info in infos:
        address = str(info[4][0])
        if address not in seen:
            seen.append(address)
    if not seen:
        raise HostUnresolvable(host, f"cannot resolve {host}: no address")
    return seen


def checked_addresses(host: str, port: int, resolver: Resolver, allow_private: bool) -> list[str]:
    """The addresses to connect to; refuses the host when any address it resolves to is not public."""
    if not allow_private:
        check_host_name(host)
    addresses = [host.strip("[]")] if literal_address(host) else resolver(host, port)
    if not allow_private:
        for text in addresses:
            reason = refusal_reason(ipaddress.ip_address(text.split("%")[0]))
            if reason:
                raise AddressRefused(host, reason)
    return addresses


@dataclass(slots=True)
class GuardedBackend(httpcore.NetworkBackend):
    """An httpcore network backend that resolves, checks, then connects to a checked address."""

    allow_private: bool
    resolver: Resolver = resolve_host

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        inner = httpcore.SyncBackend()
        last_error: Exception | None = None
        for address in checked_addresses(host, port, self.resolver, self.allow_private):
            try:
                return inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                last_error = exc
        assert last_error is not None
        raise last_error

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        raise AddressRefused(path, "unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        httpcore.SyncBackend().sleep(seconds)


def guarded_transport(allow_private: bool, resolver: Resolver = resolve_host) -> httpx.HTTPTransport:
    """An httpx transport whose connections go only to addresses the policy allows (no proxies)."""
    transport = httpx.HTTPTransport(trust_env=False, retries=0)
    # httpx 0.28 takes no network backend argument; its pool is rebuilt with one. A test checks that
    # a host name resolving to a loopback address is refused at connect time, so a change is caught.
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False),
        max_connections=20,
        max_keepalive_connections=10,
        keepalive_expiry=5.0,
        network_backend=GuardedBackend(allow_private, resolver),
    )
    return transport
