"""The store: the only place with state, and the only place with SQL.

SQLite by default (WAL, one writer, foreign keys on), or PostgreSQL (``postgresql+psycopg://…``),
where several worker processes may write at once (:mod:`newstrace.store.workers`,
``docs/postgres.md``); what differs between the two is in :mod:`newstrace.store.dialect`. Writes
are idempotent: an article is keyed by its canonical URL (else URL, else content hash), so the same
page ingested twice is one row (also when two workers insert it at once) and a changed page updates
its row.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Connection, Engine, create_engine, event, text

from newstrace.records import Article, Claim, Entity, FetchError, RawDocument, Source, Story
from newstrace.store import codec
from newstrace.store.dialect import POSTGRES, POSTGRES_SEARCH, websearch_query
from newstrace.store.schema import migrate

Clock = Callable[[], datetime]
SaveStatus = Literal["new", "updated", "unchanged"]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(slots=True)
class SaveResult:
    article_id: int
    status: SaveStatus
    story_id: int | None = None  # the story an already stored article is in


@dataclass(slots=True)
class SearchHit:
    article_id: int
    title: str
    source: str | None
    published: datetime | None
    snippet: str
    story_id: int | None


@dataclass(slots=True)
class StoreCounts:
    articles: int
    stories: int
    sources: int
    raw_documents: int
    errors: int


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _without_nul(value: Any) -> Any:
    return value.replace("\x00", "\ufffd") if isinstance(value, str) and "\x00" in value else value


def _postgres_text(
    _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, executemany: bool
) -> tuple[str, Any]:
    """PostgreSQL text cannot hold NUL characters (SQLite's can): they become U+FFFD."""
    if isinstance(parameters, dict):
        return statement, {k: _without_nul(v) for k, v in parameters.items()}
    if executemany and isinstance(parameters, list | tuple):
        return statement, [
            {k: _without_nul(v) for k, v in p.items()} if isinstance(p, dict) else p for p in parameters
        ]
    return statement, parameters


def open_engine(url: str) -> Engine:
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    elif engine.dialect.name == POSTGRES:
        event.listen(engine, "before_cursor_execute", _postgres_text, retval=True)
    return engine


class Store:
    """Typed queries over the database; construct with :func:`open_store`."""

    def __init__(self, engine: Engine, clock: Clock = utc_now) -> None:
        self.engine = engine
        self.clock = clock
        self.dialect = engine.dialect.name

    @property
    def shared(self) -> bool:
        """True when other processes may write at the same time (PostgreSQL): story assignment then
        takes the story lock and catches up, and feeds and deliveries are claimed row by row."""
        return self.dialect == POSTGRES

    # -- lifecycle -----------------------------------------------------------------------------
    def migrate(self) -> list[str]:
        with self.engine.begin() as conn:
            return migrate(conn)

    def close(self) -> None:
        self.engine.dispose()

    def _now(self) -> str:
        return codec.to_iso(self.clock()) or ""

    @contextmanager
    def transaction(self, conn: Connection | None = None) -> Iterator[Connection]:
        """The caller's transaction, else a new one committed at the end."""
        if conn is not None:
            yield conn
            return
        with self.engine.begin() as own:
            yield own

    # -- raw documents -------------------------------------------------------------------------
    def save_raw(self, raw: RawDocument, conn: Connection | None = None) -> str:
        params = {
            "raw_hash": raw.raw_hash,
            "location": raw.location,
            "url": raw.url,
            "kind": raw.kind,
            "content_type": raw.content_type,
            "fetched_at": codec.to_iso(raw.fetched_at),
            "content": codec.compress(raw.content),
            "hints": json.dumps(raw.hints, ensure_ascii=False, default=str),
        }
        sql = text(
            "INSERT INTO raw_documents (raw_hash, location, url, kind, content_type, fetched_at, content,"
            " hints) VALUES (:raw_hash, :location, :url, :kind, :content_type, :fetched_at, :content, :hints)"
            " ON CONFLICT(raw_hash) DO NOTHING"
        )
        if conn is None:
            with self.engine.begin() as own:
                own.execute(sql, params)
        else:
            conn.execute(sql, params)
        return raw.raw_hash

    def get_raw(self, raw_hash: str) -> RawDocument | None:
        with self.engine.connect() as conn:
            row = conn.execute(text("SELECT * FROM raw_documents WHERE raw_hash = :h"), {"h": raw_hash})
            found = row.mappings().first()
        if found is None:
            return None
        return RawDocument(
            location=found["location"],
            content=codec.decompress(found["content"]),
            kind=found["kind"],
            url=found["url"],
            fetched_at=codec.from_iso(found["fetched_at"]),
            content_type=found["content_type"],
            hints=json.loads(found["hints"]),
        )

    # -- articles ------------------------------------------------------------------------------
    def save_article(
        self,
        article: Article,
        raw: RawDocument | None = None,
        claims: list[Claim] | None = None,
        entities: list[Entity] | None = None,
    ) -> SaveResult:
        """Insert or update one article (with its raw input, claims and entities) in one transaction."""
        row = codec.article_row(article)
        now = self._now()
        lock = " FOR UPDATE" if self.shared else ""  # two workers saving one page take turns
        find = text(f"SELECT id, content_hash, extracted_by, story_id FROM articles WHERE key = :key{lock}")
        with self.engine.begin() as conn:
            if raw is not None:
                self.save_raw(raw, conn)
            existing = conn.execute(find, {"key": row["key"]}).first()
            inserted = None
            if existing is None:  # another worker may insert the same key meanwhile: then it is theirs
                inserted = conn.execute(
                    text(
                        "INSERT INTO articles ("
                        + ", ".join(row)
                        + ", created_at, updated_at) VALUES ("
                        + ", ".join(f":{k}" for k in row)
                        + ", :now, :now) ON CONFLICT(key) DO NOTHING RETURNING id"
                    ),
                    {**row, "now": now},
                ).scalar()
                if inserted is None:
                    existing = conn.execute(find, {"key": row["key"]}).one()
            if inserted is not None:
                article_id = inserted
                status: SaveStatus = "new"
                story_id = None
            else:
                assert existing is not None
                article_id = existing[0]
                if existing[1] == row["content_hash"] and existing[2] == row["extracted_by"]:
                    article.id = article_id  # stored without a story (a crash, another worker): assign it
                    return SaveResult(article_id, "unchanged", existing[3])
                sets = ", ".join(f"{k} = :{k}" for k in row if k != "key")
                conn.execute(
                    text(f"UPDATE articles SET {sets}, updated_at = :now WHERE id = :id"),
                    {**row, "now": now, "id": article_id},
                )
                status = "updated"
                story_id = existing[3]
            if claims is not None:
                self._replace_claims(conn, article_id, claims)
            if entities is not None:
                self._replace_entities(conn, article_id, entities)
        article.id = article_id
        return SaveResult(article_id, status, story_id)

    def _replace_claims(self, conn: Connection, article_id: int, claims: list[Claim]) -> None:
        conn.execute(text("DELETE FROM claims WHERE article_id = :a"), {"a": article_id})
        if claims:
            conn.execute(
                text(
                    "INSERT INTO claims (article_id, position, certainty, source_kind, data)"
                    " VALUES (:a, :p, :c, :k, :d)"
                ),
                [
                    {
                        "a": article_id,
                        "p": i,
                        "c": c.certainty,
                        "k": c.source_kind,
                        "d": codec.claim_to_json(c),
                    }
                    for i, c in enumerate(claims)
                ],
            )

    def _replace_entities(self, conn: Connection, article_id: int, entities: list[Entity]) -> None:
        conn.execute(text("DELETE FROM entities WHERE article_id = :a"), {"a": article_id})
        counts: dict[tuple[str, str], int] = {}
        for entity in entities:
            counts[(entity.text, entity.kind)] = counts.get((entity.text, entity.kind), 0) + 1
        if counts:
            conn.execute(
                text("INSERT INTO entities (article_id, text, kind, mentions) VALUES (:a, :t, :k, :m)"),
                [{"a": article_id, "t": t, "k": k, "m": m} for (t, k), m in counts.items()],
            )

    def save_claims(self, article_id: int, claims: list[Claim]) -> None:
        with self.engine.begin() as conn:
            self._replace_claims(conn, article_id, claims)

    def get_claims(self, article_id: int) -> list[Claim]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                text("SELECT data FROM claims WHERE article_id = :a ORDER BY position"), {"a": article_id}
            )
            return [codec.claim_from_json(r[0]) for r in rows]

    def story_claims(self, story_id: int) -> dict[int, list[Claim]]:
        """The claims of every article of a story, by article id, in one query."""
        claims: dict[int, list[Claim]] = {}
        with self.engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT c.article_id, c.data FROM claims c JOIN articles a ON a.id = c.article_id"
                    " WHERE a.story_id = :s ORDER BY c.article_id, c.position"
                ),
                {"s": story_id},
            )
            for article_id, data in rows:
                claims.setdefault(article_id, []).append(codec.claim_from_json(data))
        return claims

    def get_entities(self, article_id: int) -> list[Entity]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                text("SELECT text, kind FROM entities WHERE article_id = :a ORDER BY mentions DESC, text"),
                {"a": article_id},
            )
            return [Entity(text=r[0], kind=r[1]) for r in rows]

    def get_article(self, article_id: int) -> Article | None:
        with self.engine.connect() as conn:
            row = (
                conn.execute(text("SELECT * FROM articles WHERE id = :id"), {"id": article_id})
                .mappings()
                .first()
            )
        return codec.article_from_row(row) if row else None

    def find_article_id(self, key: str) -> int | None:
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT id FROM articles WHERE key = :k"), {"k": key}).scalar()

    def has_url(self, url: str) -> bool:
        with self.engine.connect() as conn:
            found = conn.execute(
                text("SELECT 1 FROM articles WHERE url = :u OR canonical_url = :u OR key = :u LIMIT 1"),
                {"u": url},
            ).first()
        return found is not None

    def iter_articles(self, *, order: str = "id", batch: int = 500) -> Iterator[Article]:
        """All articles, in id order (the order they were first stored) or by publication time."""
        order_by = {"id": "id", "date": "COALESCE(published, fetched, created_at), id"}[order]
        offset = 0
        while True:
            with self.engine.connect() as conn:
                rows = (
                    conn.execute(
                        text(f"SELECT * FROM articles ORDER BY {order_by} LIMIT :n OFFSET :o"),
                        {"n": batch, "o": offset},
                    )
                    .mappings()
                    .all()
                )
            if not rows:
                return
            yield from (codec.article_from_row(r) for r in rows)
            offset += len(rows)

    def set_story(
        self, article_id: int, story_id: int | None, copy_of: int | None, conn: Connection | None = None
    ) -> None:
        seq = ""  # PostgreSQL: the assignment takes the next number of the assignment order
        if self.shared:
            seq = (
                ", (assign_seq, change_seq) = (SELECT n, n FROM (SELECT nextval('article_story_seq') AS n) s)"
            )
        with self.transaction(conn) as tx:
            tx.execute(
                text(f"UPDATE articles SET story_id = :s, copy_of = :c{seq} WHERE id = :id"),
                {"s": story_id, "c": copy_of, "id": article_id},
            )

    def move_article(self, article_id: int, story_id: int, conn: Connection | None = None) -> None:
        """Move an article to another story (a story split), keeping what it is a copy of."""
        seq = ", change_seq = nextval('article_story_seq')" if self.shared else ""
        with self.transaction(conn) as tx:
            tx.execute(
                text(f"UPDATE articles SET story_id = :s{seq} WHERE id = :id"),
                {"s": story_id, "id": article_id},
            )

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search (words, AND/OR/NOT) ranked by BM25 (SQLite) or ``ts_rank`` (PostgreSQL)."""
        if self.shared:
            sql, q = POSTGRES_SEARCH, websearch_query(query)
        else:
            sql = (
                "SELECT a.id, a.title, a.source, a.published, a.story_id,"
                " snippet(articles_fts, 2, '[', ']', ' … ', 12) AS snip"
                " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
                " WHERE articles_fts MATCH :q ORDER BY bm25(articles_fts) LIMIT :n"
            )
            q = _fts_query(query)
        with self.engine.connect() as conn:
            rows = conn.execute(text(sql), {"q": q, "n": limit})
            return [
                SearchHit(r[0], r[1], r[2], codec.from_iso(r[3]), _unjson_snippet(r[5]), r[4]) for r in rows
            ]

    # -- stories -------------------------------------------------------------------------------
    def save_story(self, story: Story, conn: Connection | None = None) -> None:
        row = codec.story_row(story)
        with self.transaction(conn) as tx:
            tx.execute(
                text(
                    "INSERT INTO stories ("
                    + ", ".join(row)
                    + ", updated_at) VALUES ("
                    + ", ".join(f":{k}" for k in row)
                    + ", :now) ON CONFLICT(id) DO UPDATE SET "
                    + ", ".join(f"{k} = excluded.{k}" for k in row if k != "id")
                    + ", updated_at = excluded.updated_at"
                ),
                {**row, "now": self._now()},
            )

    def set_story_provenance(
        self, story_id: int, independent_sources: int, drift_flags: int, origin: str | None
    ) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                text(
                    "UPDATE stories SET independent_sources = :i, drift_flags = :d, origin = :o"
                    " WHERE id = :id"
                ),
                {"i": independent_sources, "d": drift_flags, "o": origin, "id": story_id},
            )

    def get_story(self, story_id: int) -> Story | None:
        with self.engine.connect() as conn:
            row = (
                conn.execute(text("SELECT * FROM stories WHERE id = :id"), {"id": story_id})
                .mappings()
                .first()
            )
        return codec.story_from_row(row) if row else None

    def list_stories(self, *, order: str = "latest", limit: int = 20, min_size: int = 1) -> list[Story]:
        order_by = {"latest": "last_seen DESC, id DESC", "biggest": "size DESC, last_seen DESC"}[order]
        with self.engine.connect() as conn:
            rows = (
                conn.execute(
                    text(f"SELECT * FROM stories WHERE size >= :m ORDER BY {order_by} LIMIT :n"),
                    {"m": min_size, "n": limit},
                )
                .mappings()
                .all()
            )
        return [codec.story_from_row(r) for r in rows]

    def story_articles(self, story_id: int) -> list[Article]:
        with self.engine.connect() as conn:
            rows = (
                conn.execute(
                    text(
                        "SELECT * FROM articles WHERE story_id = :s"
                        " ORDER BY COALESCE(published, fetched, created_at), id"
                    ),
                    {"s": story_id},
                )
                .mappings()
                .all()
            )
        return [codec.article_from_row(r) for r in rows]

    def story_article_ids(self, story_id: int) -> set[int]:
        with self.engine.connect() as conn:
            rows = conn.execute(text("SELECT id FROM articles WHERE story_id = :s"), {"s": story_id})
            return {r[0] for r in rows}

    def max_story_id(self, conn: Connection | None = None) -> int:
        with self.transaction(conn) as tx:
            return int(tx.execute(text("SELECT COALESCE(MAX(id), 0) FROM stories")).scalar_one())

    def clear_stories(self) -> None:
        with self.engine.begin() as conn:
            conn.execute(text("UPDATE articles SET story_id = NULL, copy_of = NULL"))
            conn.execute(text("DELETE FROM stories"))

    # -- sources -------------------------------------------------------------------------------
    def add_sources(self, sources: Iterable[Source]) -> int:
        """Add feeds not yet known (by feed URL); return how many were new."""
        added = 0
        with self.engine.begin() as conn:
            for source in sources:
                row = codec.source_row(source)
                result = conn.execute(
                    text(
                        "INSERT INTO sources ("
                        + ", ".join(row)
                        + ") VALUES ("
                        + ", ".join(f":{k}" for k in row)
                        + ") ON CONFLICT(feed_url) DO NOTHING"
                    ),
                    row,
                )
                added += result.rowcount or 0
        return added

    def update_source(self, source: Source) -> None:
        row = codec.source_row(source)
        with self.engine.begin() as conn:
            conn.execute(
                text(
                    "UPDATE sources SET "
                    + ", ".join(f"{k} = :{k}" for k in row)
                    + ", claimed_until = NULL WHERE feed_url = :feed_url"
                ),
                row,
            )

    def remove_source(self, feed_url: str) -> bool:
        with self.engine.begin() as conn:
            return (
                conn.execute(text("DELETE FROM sources WHERE feed_url = :u"), {"u": feed_url}).rowcount or 0
            ) > 0

    def list_sources(self) -> list[Source]:
        with self.engine.connect() as conn:
            rows = conn.execute(text("SELECT * FROM sources ORDER BY id")).mappings().all()
        return [codec.source_from_row(r) for r in rows]

    # -- errors, state, counts -----------------------------------------------------------------
    def record_error(self, error: FetchError) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                text("INSERT INTO ingest_errors (location, reason, at) VALUES (:l, :r, :t)"),
                {"l": error.location, "r": error.reason, "t": self._now()},
            )

    def get_state(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT value FROM state WHERE key = :k"), {"k": key}).scalar()

    def set_state(self, key: str, value: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO state (key, value) VALUES (:k, :v) ON CONFLICT(key) DO UPDATE SET value = :v"
                ),
                {"k": key, "v": value},
            )

    def counts(self) -> StoreCounts:
        with self.engine.connect() as conn:

            def count(table: str) -> int:
                return conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one()

            return StoreCounts(
                articles=count("articles"),
                stories=count("stories"),
                sources=count("sources"),
                raw_documents=count("raw_documents"),
                errors=count("ingest_errors"),
            )


def _fts_query(query: str) -> str:
    """Quote each word so user input is never FTS5 syntax (operators stay available via AND/OR/NOT)."""
    words = []
    for word in query.split():
        if word in {"AND", "OR", "NOT"}:
            words.append(word)
        else:
            words.append('"' + word.replace('"', '""') + '"')
    return " ".join(words) or '""'


def _unjson_snippet(snippet: str | None) -> str:
    """The body column holds a JSON list; make its snippet readable."""
    if not snippet:
        return ""
    return snippet.replace('", "', " ").replace('["', "").replace('"]', "").replace('\\"', '"')


def open_store(url: str, clock: Clock = utc_now) -> Store:
    """Open (creating if needed) and migrate the store at ``url``."""
    store = Store(open_engine(url), clock)
    store.migrate()
    return store
