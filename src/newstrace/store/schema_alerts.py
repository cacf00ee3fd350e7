"""Migration 003: subscriptions, browser push endpoints, alerts and their delivery outbox.

``alerts`` holds one row per (subscription, story, kind): the UNIQUE constraint is what makes an
alert exactly-once across crashes and restarts. ``deliveries`` is the outbox: one row per (alert,
destination), claimed with a lease, retried with backoff, dead-lettered after too many failures.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from newstrace.store.dialect import ddl

_SCRIPT = """
CREATE TABLE subscriptions (
    id INTEGER PRIMARY KEY,
    user TEXT NOT NULL,
    kind TEXT NOT NULL,               -- topic, entity, outlet, query
    value TEXT NOT NULL,
    channel TEXT NOT NULL,            -- email:ADDR, webhook:URL, feed, webpush, apprise:URL
    language TEXT,
    min_sources INTEGER NOT NULL DEFAULT 1,
    digest TEXT NOT NULL DEFAULT 'immediate',
    quiet_start INTEGER,
    quiet_end INTEGER,
    secret TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    UNIQUE (user, kind, value, channel)
)
;;
CREATE TABLE push_endpoints (
    id INTEGER PRIMARY KEY,
    user TEXT NOT NULL,
    endpoint TEXT NOT NULL UNIQUE,
    p256dh TEXT NOT NULL,
    auth TEXT NOT NULL,
    created_at TEXT NOT NULL
)
;;
CREATE TABLE alerts (
    id INTEGER PRIMARY KEY,
    subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
    story_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    article_id INTEGER,
    idempotency_key TEXT NOT NULL UNIQUE,
    content TEXT NOT NULL,            -- AlertContent as JSON
    created_at TEXT NOT NULL,
    UNIQUE (subscription_id, story_id, kind)
)
;;
CREATE INDEX alerts_story ON alerts(story_id)
;;
CREATE TABLE deliveries (
    id INTEGER PRIMARY KEY,
    alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
    destination TEXT NOT NULL,
    digest TEXT NOT NULL DEFAULT 'immediate',
    status TEXT NOT NULL DEFAULT 'pending',   -- pending, sending, sent, dead
    attempts INTEGER NOT NULL DEFAULT 0,
    due_at TEXT NOT NULL,
    lease_until TEXT,
    last_error TEXT,
    handed_at TEXT,
    sent_at TEXT,
    UNIQUE (alert_id, destination)
)
;;
CREATE INDEX deliveries_due ON deliveries(status, due_at)
"""


def m003_alerts(conn: Connection) -> None:
    for statement in _SCRIPT.split("\n;;\n"):
        if statement.strip():
            conn.execute(text(ddl(conn.dialect.name, statement)))
