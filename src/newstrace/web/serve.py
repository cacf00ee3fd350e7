"""Serve the web app with uvicorn: in the foreground (``newstrace serve``) or beside the main job."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

import uvicorn

from newstrace.web.app import create_app
from newstrace.web.config import WebSettings

if TYPE_CHECKING:
    from newstrace.app import Newstrace


def _config(core: Newstrace, host: str, port: int, settings: WebSettings | None) -> uvicorn.Config:
    return uvicorn.Config(
        create_app(core, settings),
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        server_header=False,
        proxy_headers=False,
    )


def serve(
    core: Newstrace, host: str = "127.0.0.1", port: int = 8080, settings: WebSettings | None = None
) -> None:
    """Serve until interrupted (Ctrl-C); blocks."""
    uvicorn.Server(_config(core, host, port, settings)).run()


@dataclass(slots=True)
class BackgroundServer:
    """A server running in a thread beside the main job; ``url`` is the address to open."""

    server: uvicorn.Server
    thread: threading.Thread
    url: str

    def stop(self, timeout: float = 10.0) -> None:
        self.server.should_exit = True
        self.thread.join(timeout)


def serve_in_background(
    core: Newstrace,
    host: str = "127.0.0.1",
    port: int = 8080,
    settings: WebSettings | None = None,
    startup_timeout: float = 10.0,
) -> BackgroundServer:
    """Start serving in a daemon thread and return once it listens (for ``newstrace run``)."""
    server = uvicorn.Server(_config(core, host, port, settings))
    thread = threading.Thread(target=server.run, name="newstrace-web", daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the web server did not start on {host}:{port}")
        time.sleep(0.05)
    bound = port
    if server.servers and server.servers[0].sockets:
        bound = server.servers[0].sockets[0].getsockname()[1]
    return BackgroundServer(server, thread, f"http://{host}:{bound}/")
