"""The store's schema as ordered, named migrations, each recorded in the ``migrations`` table.

A migration is a function of a connection; it runs once, in order, inside a transaction. Never edit a
migration that has shipped: add a new one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, text

from newstrace.store.dialect import MIGRATION_LOCK, POSTGRES, POSTGRES_SEARCH_COLUMN, ddl
from newstrace.store.schema_alerts import m003_alerts

Migration = Callable[[Connection], None]


def _exec(conn: Connection, script: str) -> None:
    """Run a script whose statements are separated by lines holding only ``;;`` (written for SQLite,
    rewritten for the connection's dialect by :func:`~newstrace.store.dialect.ddl`)."""
    for statement in script.split("\n;;\n"):
        if statement.strip():
            conn.execute(text(ddl(conn.dialect.name, statement)))


def m001_core(conn: Connection) -> None:
    _exec(
        conn,
        """
        CREATE TABLE raw_documents (
            raw_hash TEXT PRIMARY KEY,
            location TEXT NOT NULL,
            url TEXT,
            kind TEXT NOT NULL,
            content_type TEXT,
            fetched_at TEXT,
            content BLOB NOT NULL,          -- zlib-compressed bytes as received
            hints TEXT NOT NULL DEFAULT '{}'
        )
;;
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,         -- canonical URL, else URL, else sha256 of the text
            url TEXT,
            canonical_url TEXT,
            source TEXT,
            title TEXT NOT NULL,
            standfirst TEXT,
            authors TEXT NOT NULL DEFAULT '[]',
            published TEXT,
            fetched TEXT,
            language TEXT,
            body TEXT NOT NULL DEFAULT '[]',
            captions TEXT NOT NULL DEFAULT '[]',
            cited_sources TEXT NOT NULL DEFAULT '[]',
            topics TEXT NOT NULL DEFAULT '[]',
            extracted_by TEXT NOT NULL DEFAULT '',
            raw_hash TEXT REFERENCES raw_documents(raw_hash),
            content_hash TEXT NOT NULL,
            location TEXT,
            story_id INTEGER,
            copy_of INTEGER,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
;;
        CREATE INDEX articles_content_hash ON articles(content_hash)
;;
        CREATE INDEX articles_story ON articles(story_id)
;;
        CREATE INDEX articles_published ON articles(published)
;;
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            feed_url TEXT NOT NULL UNIQUE,
            name TEXT,
            home_url TEXT,
            language TEXT,
            country TEXT,
            etag TEXT,
            last_modified TEXT,
            last_fetch TEXT,
            next_due TEXT,
            error_count INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            active INTEGER NOT NULL DEFAULT 1
        )
;;
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            first_seen TEXT,
            last_seen TEXT,
            size INTEGER NOT NULL DEFAULT 0,
            outlets TEXT NOT NULL DEFAULT '[]',
            entities TEXT NOT NULL DEFAULT '[]',
            topics TEXT NOT NULL DEFAULT '[]',
            languages TEXT NOT NULL DEFAULT '[]',
            updated_at TEXT NOT NULL
        )
;;
        CREATE INDEX stories_last_seen ON stories(last_seen)
;;
        CREATE TABLE claims (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            certainty TEXT NOT NULL,
            source_kind TEXT NOT NULL,
            data TEXT NOT NULL,               -- the whole Claim as JSON
            PRIMARY KEY (article_id, position)
        )
;;
        CREATE TABLE entities (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            mentions INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (article_id, text, kind)
        )
;;
        CREATE INDEX entities_text ON entities(text)
;;
        CREATE TABLE ingest_errors (
            id INTEGER PRIMARY KEY,
            location TEXT NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL
        )
;;
        CREATE TABLE state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )
        """,
    )


def m002_fts(conn: Connection) -> None:
    """Full-text search over title, standfirst and body (SQLite FTS5, kept in step by triggers;
    PostgreSQL: a generated ``tsvector`` column with a GIN index)."""
    if conn.dialect.name == POSTGRES:
        conn.execute(text(POSTGRES_SEARCH_COLUMN))
        conn.execute(text("CREATE INDEX articles_search ON articles USING GIN (search_vector)"))
        return
    if conn.dialect.name != "sqlite":
        return
    _exec(
        conn,
        """
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, standfirst, body, content='articles', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        )
;;
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, standfirst, body)
            VALUES (new.id, new.title, new.standfirst, new.body);
        END
;;
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, standfirst, body)
            VALUES ('delete', old.id, old.title, old.standfirst, old.body);
        END
;;
        CREATE TRIGGER articles_au AFTER UPDATE OF title, standfirst, body ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, standfirst, body)
            VALUES ('delete', old.id, old.title, old.standfirst, old.body);
            INSERT INTO articles_fts(rowid, title, standfirst, body)
            VALUES (new.id, new.title, new.standfirst, new.body);
        END
        """,
    )


def m004_story_provenance(conn: Connection) -> None:
    """A story's provenance summary: independent source families, drift flags, likely origin."""
    _exec(
        conn,
        """
        ALTER TABLE stories ADD COLUMN independent_sources INTEGER NOT NULL DEFAULT 0
;;
        ALTER TABLE stories ADD COLUMN drift_flags INTEGER NOT NULL DEFAULT 0
;;
        ALTER TABLE stories ADD COLUMN origin TEXT
        """,
    )


def m005_workers(conn: Connection) -> None:
    """Several workers on one store: a feed's claim (a lease) and, on PostgreSQL, the order in which
    articles got their story (``assign_seq``) and last changed it (``change_seq``, a split), so a
    worker's clusterer can catch up with the others."""
    _exec(conn, "ALTER TABLE sources ADD COLUMN claimed_until TEXT")
    if conn.dialect.name == POSTGRES:
        conn.execute(text("CREATE SEQUENCE article_story_seq"))
        conn.execute(text("ALTER TABLE articles ADD COLUMN assign_seq BIGINT"))
        conn.execute(text("ALTER TABLE articles ADD COLUMN change_seq BIGINT"))
        conn.execute(text("CREATE INDEX articles_change_seq ON articles(change_seq)"))


def m006_article_vectors(conn: Connection) -> None:
    """Each article's multilingual sentence vector (float16 bytes), computed once at ingest, so a
    restarted or catching-up clusterer does not encode it again."""
    _exec(conn, "ALTER TABLE articles ADD COLUMN embedding BLOB")


MIGRATIONS: list[tuple[str, Migration]] = [
    ("001_core", m001_core),
    ("002_fts", m002_fts),
    ("003_alerts", m003_alerts),
    ("004_story_provenance", m004_story_provenance),
    ("005_workers", m005_workers),
    ("006_article_vectors", m006_article_vectors),
]


def migrate(conn: Connection) -> list[str]:
    """Apply the migrations not yet recorded; return the names applied (on PostgreSQL, processes
    starting together take turns: the first migrates, the others find nothing left to do)."""
    if conn.dialect.name == POSTGRES:
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
    conn.execute(
        text("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    )
    done = {row[0] for row in conn.execute(text("SELECT name FROM migrations"))}
    applied = []
    for name, migration in MIGRATIONS:
        if name in done:
            continue
        migration(conn)
        conn.execute(
            text("INSERT INTO migrations (name, applied_at) VALUES (:n, :t)"),
            {"n": name, "t": datetime.now(UTC).isoformat()},
        )
        applied.append(name)
    return applied
