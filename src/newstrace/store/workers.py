"""Several worker processes on one PostgreSQL store: the story lock, the assignment order, feed claims.

On PostgreSQL (``Store.shared``) story assignment is serialised by a transaction-level advisory lock,
and every change of an article's story takes the next number of the sequence ``article_story_seq``
(``articles.assign_seq`` when it first got a story, ``change_seq`` when it last changed), so a
worker can replay, in order, what the others assigned since it last looked. Due feeds are claimed
with ``FOR UPDATE SKIP LOCKED`` and a lease. On SQLite (one writer) the lock is a plain transaction,
there is nothing to catch up with and every due feed is the worker's.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, text

from newstrace.records import Article, Source
from newstrace.store import codec
from newstrace.store.database import Store
from newstrace.store.dialect import STORY_LOCK, skip_locked


@dataclass(slots=True)
class AssignedArticle:
    """An article whose story another worker set or changed, with when (the assignment order)."""

    assigned: int  # when it first got its story
    changed: int  # when its story last changed (``assigned`` unless a split moved it since)
    article: Article


@contextmanager
def story_lock(store: Store) -> Iterator[Connection]:
    """A transaction in which this process alone assigns stories (PostgreSQL: an advisory lock held
    until commit; SQLite has one writer and needs none)."""
    with store.engine.begin() as conn:
        if store.shared:
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": STORY_LOCK})
        yield conn


def story_of(store: Store, article_id: int, conn: Connection | None = None) -> int | None:
    """The story an article is in now (None: not yet assigned)."""
    with store.transaction(conn) as tx:
        return tx.execute(text("SELECT story_id FROM articles WHERE id = :i"), {"i": article_id}).scalar()


def assignment_seq(store: Store, conn: Connection | None = None) -> int:
    """How far the assignment order has got (0 on SQLite, which does not keep it)."""
    if not store.shared:
        return 0
    with store.transaction(conn) as tx:
        return int(tx.execute(text("SELECT COALESCE(MAX(change_seq), 0) FROM articles")).scalar_one())


def assigned_since(store: Store, seq: int, conn: Connection | None = None) -> list[AssignedArticle]:
    """Articles whose story was set or changed after ``seq``, in that order (PostgreSQL)."""
    if not store.shared:
        return []
    with store.transaction(conn) as tx:
        rows = (
            tx.execute(
                text(
                    "SELECT * FROM articles WHERE change_seq > :s AND story_id IS NOT NULL"
                    " ORDER BY change_seq"
                ),
                {"s": seq},
            )
            .mappings()
            .all()
        )
    return [
        AssignedArticle(int(r["assign_seq"]), int(r["change_seq"]), codec.article_from_row(r)) for r in rows
    ]


def claim_sources(store: Store, now: datetime, until: datetime) -> list[Source]:
    """Claim the due feeds no other worker holds, until ``until`` (a lease: a worker that dies holding
    it loses it then); ``Store.update_source`` gives a feed back. SQLite: every source."""
    if not store.shared:
        return store.list_sources()
    with store.engine.begin() as conn:
        rows = (
            conn.execute(
                text(
                    "UPDATE sources SET claimed_until = :until WHERE id IN (SELECT id FROM sources"
                    " WHERE active = 1 AND (next_due IS NULL OR next_due <= :now)"
                    " AND (claimed_until IS NULL OR claimed_until <= :now) ORDER BY id"
                    f"{skip_locked(store.dialect)}) RETURNING *"
                ),
                {"until": codec.to_iso(until), "now": codec.to_iso(now)},
            )
            .mappings()
            .all()
        )
    return sorted((codec.source_from_row(r) for r in rows), key=lambda s: s.id or 0)
