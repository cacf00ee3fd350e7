"""Where the tests' stores live: SQLite files (the default), or fresh databases on a PostgreSQL server.

``make test`` runs the suite twice: on SQLite, then with ``NEWSTRACE_TEST_DATABASE_URL`` naming a
throw-away PostgreSQL server (``scripts/pg_server.sh run``). Then the store of each folder (each
SQLite file) a test uses is a new, empty, migrated database on that server, created in about 50 ms
by copying a template migrated once per session. Imported by name (pytest puts ``tests/`` on
sys.path).
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, make_url, text

from newstrace.settings import Settings
from newstrace.store import open_store

TEST_DATABASE_ENV = "NEWSTRACE_TEST_DATABASE_URL"


@dataclass
class StoreDatabases:
    """Hands out database URLs: a SQLite file, or a new PostgreSQL database standing in for it."""

    server_url: str = ""  # a PostgreSQL URL whose user may create databases; empty: SQLite
    created: list[str] = field(default_factory=list)
    engines: list[Engine] = field(default_factory=list)  # opened in this process (PostgreSQL)
    _by_file: dict[Path, str] = field(default_factory=dict)
    _admin: Engine | None = None
    _names: itertools.count = field(default_factory=itertools.count)
    template: str = field(default_factory=lambda: f"newstrace_template_{os.getpid()}")  # one per session

    @classmethod
    def from_environment(cls) -> StoreDatabases:
        return cls(os.environ.get(TEST_DATABASE_ENV, ""))

    @property
    def postgres(self) -> bool:
        return bool(self.server_url)

    def _admin_engine(self) -> Engine:
        if self._admin is None:
            self._admin = create_engine(self.server_url, isolation_level="AUTOCOMMIT")
            with self._admin.connect() as conn:
                conn.execute(text(f"DROP DATABASE IF EXISTS {self.template} WITH (FORCE)"))
                conn.execute(text(f"CREATE DATABASE {self.template}"))
            template = open_store(self._url_of(self.template))  # migrated once; copies start migrated
            template.close()
        return self._admin

    def _url_of(self, name: str) -> str:
        return make_url(self.server_url).set(database=name).render_as_string(hide_password=False)

    def url(self, folder: Path) -> str:
        """The database URL of the store kept in ``folder``: its SQLite file ``newstrace.db`` (as
        ``Settings(data_dir=folder)`` has it), or the PostgreSQL database standing in for that file."""
        return self.for_file(folder / "newstrace.db")

    def for_file(self, path: Path) -> str:
        """``sqlite:///path``, or the database standing in for that file (new and empty the first
        time the file is named)."""
        if not self.postgres:
            return f"sqlite:///{path}"
        path = path.resolve()
        if path not in self._by_file:
            name = f"newstrace_test_{os.getpid()}_{next(self._names)}"
            with self._admin_engine().connect() as conn:
                conn.execute(text(f"CREATE DATABASE {name} TEMPLATE {self.template}"))
            self.created.append(name)
            self._by_file[path] = name
        return self._url_of(self._by_file[path])

    def redirect(self, url: str) -> str:
        """A store URL as tests run: on PostgreSQL, a SQLite file URL becomes its stand-in database."""
        if self.postgres and url.startswith("sqlite:///") and ":memory:" not in url:
            return self.for_file(Path(url.removeprefix("sqlite:///")))
        return url

    def env(self, folder: Path) -> dict[str, str]:
        """Environment for a child process using the store of ``folder`` (nothing to add on SQLite)."""
        return {"NEWSTRACE_DATABASE_URL": self.url(folder)} if self.postgres else {}

    def settings(self, folder: Path, **changes: Any) -> Settings:
        """Settings for a core whose files live in ``folder`` and whose store is :meth:`url`."""
        return Settings(data_dir=str(folder), database_url=self.url(folder), **changes)

    def drop(self, names: list[str]) -> None:
        if not names or self._admin is None:
            return
        with self._admin.connect() as conn:
            for name in names:
                conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                self.created.remove(name)
        self._by_file = {path: name for path, name in self._by_file.items() if name in self.created}

    def close(self) -> None:
        self.drop(list(self.created))
        if self._admin is not None:
            with self._admin.connect() as conn:
                conn.execute(text(f"DROP DATABASE IF EXISTS {self.template} WITH (FORCE)"))
            self._admin.dispose()
