"""All SQL for subscriptions, push endpoints, alerts and the delivery outbox.

Times are stored as fixed-width UTC strings (``YYYY-MM-DDTHH:MM:SS.ffffffZ``) so that comparing the
strings compares the times. Claiming is one ``UPDATE … RETURNING`` statement, so two workers never
claim the same delivery; a claim is a lease, and a delivery whose lease ran out (its worker died
between sending and recording) is claimed again: delivery is at-least-once, and every message
carries the alert's idempotency key so that receivers can drop the rare repeat.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, RowMapping, text

from newstrace.alerts.records import (
    Alert,
    AlertContent,
    Delivery,
    DigestMode,
    PushEndpoint,
    Subscription,
)
from newstrace.store.database import Clock, utc_now
from newstrace.store.dialect import skip_locked


def to_stamp(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_stamp(value: str | None) -> datetime | None:
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC) if value else None


@dataclass(slots=True)
class PlannedDelivery:
    """A delivery to create with its alert."""

    destination: str
    due_at: datetime
    digest: DigestMode = "immediate"


@dataclass(slots=True)
class OutboxCounts:
    pending: int
    sending: int
    sent: int
    dead: int


class AlertStore:
    """Typed queries over the alert tables of a store's engine."""

    def __init__(self, engine: Engine, clock: Clock = utc_now) -> None:
        self.engine = engine
        self.clock = clock

    # -- subscriptions -------------------------------------------------------------------------
    def add_subscription(self, sub: Subscription) -> Subscription:
        """Insert a subscription; the existing one when (user, kind, value, channel) is taken."""
        row = _subscription_row(sub)
        with self.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO subscriptions (" + ", ".join(_quoted(k) for k in row) + ") VALUES ("
                    + ", ".join(f":{k}" for k in row) + ")"
                    ' ON CONFLICT("user", kind, value, channel) DO NOTHING'
                ),
                row,
            )  # fmt: skip
            found = conn.execute(
                text('SELECT * FROM subscriptions WHERE "user" = :user AND kind = :kind AND value = :value'
                     " AND channel = :channel"),
                row,
            ).mappings().one()  # fmt: skip
        return _subscription_from_row(found)

    def list_subscriptions(self, user: str | None = None, active_only: bool = True) -> list[Subscription]:
        sql = 'SELECT * FROM subscriptions WHERE (CAST(:u AS TEXT) IS NULL OR "user" = :u)'
        sql += " AND active = 1" if active_only else ""
        with self.engine.connect() as conn:
            rows = conn.execute(text(sql + " ORDER BY id"), {"u": user}).mappings().all()
        return [_subscription_from_row(r) for r in rows]

    def get_subscription(self, subscription_id: int) -> Subscription | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                text("SELECT * FROM subscriptions WHERE id = :i"), {"i": subscription_id}
            ).mappings().first()  # fmt: skip
        return _subscription_from_row(row) if row else None

    def remove_subscription(self, subscription_id: int, user: str | None = None) -> bool:
        with self.engine.begin() as conn:
            result = conn.execute(
                text('DELETE FROM subscriptions WHERE id = :i AND (CAST(:u AS TEXT) IS NULL OR "user" = :u)'),
                {"i": subscription_id, "u": user},
            )
        return (result.rowcount or 0) > 0

    # -- browser push endpoints ----------------------------------------------------------------
    def add_push_endpoint(self, endpoint: PushEndpoint) -> PushEndpoint:
        params = {**asdict(endpoint), "now": to_stamp(self.clock())}
        with self.engine.begin() as conn:
            conn.execute(
                text('INSERT INTO push_endpoints ("user", endpoint, p256dh, auth, created_at)'
                     " VALUES (:user, :endpoint, :p256dh, :auth, :now) ON CONFLICT(endpoint) DO UPDATE SET"
                     ' "user" = excluded."user", p256dh = excluded.p256dh, auth = excluded.auth'),
                params,
            )  # fmt: skip
            new_id = conn.execute(
                text("SELECT id FROM push_endpoints WHERE endpoint = :e"), {"e": endpoint.endpoint}
            ).scalar_one()  # fmt: skip
        return PushEndpoint(endpoint.user, endpoint.endpoint, endpoint.p256dh, endpoint.auth, new_id)

    def push_endpoints(self, user: str) -> list[PushEndpoint]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                text('SELECT id, "user", endpoint, p256dh, auth FROM push_endpoints WHERE "user" = :u'
                     " ORDER BY id"),
                {"u": user},
            ).mappings().all()  # fmt: skip
        return [PushEndpoint(r["user"], r["endpoint"], r["p256dh"], r["auth"], r["id"]) for r in rows]

    def get_push_endpoint(self, endpoint_id: int) -> PushEndpoint | None:
        with self.engine.connect() as conn:
            r = conn.execute(
                text('SELECT id, "user", endpoint, p256dh, auth FROM push_endpoints WHERE id = :i'),
                {"i": endpoint_id},
            ).mappings().first()  # fmt: skip
        return PushEndpoint(r["user"], r["endpoint"], r["p256dh"], r["auth"], r["id"]) if r else None

    def remove_push_endpoint(self, endpoint: str) -> bool:
        with self.engine.begin() as conn:
            result = conn.execute(text("DELETE FROM push_endpoints WHERE endpoint = :e"), {"e": endpoint})
        return (result.rowcount or 0) > 0

    # -- alerts ----------------------------------------------------------------------------------
    def enqueue(self, alert: Alert, deliveries: Iterable[PlannedDelivery]) -> Alert | None:
        """Record an alert and its deliveries in one transaction; None when it already existed."""
        with self.engine.begin() as conn:
            new_id = conn.execute(
                text("INSERT INTO alerts (subscription_id, story_id, kind, article_id, idempotency_key,"
                     " content, created_at) VALUES (:s, :st, :k, :a, :key, :c, :t)"
                     " ON CONFLICT DO NOTHING RETURNING id"),
                {"s": alert.subscription_id, "st": alert.story_id, "k": alert.kind, "a": alert.article_id,
                 "key": alert.idempotency_key, "c": json.dumps(asdict(alert.content), ensure_ascii=False),
                 "t": to_stamp(alert.created_at)},
            ).scalar()  # fmt: skip
            if new_id is None:
                return None
            rows = [{"a": new_id, "d": d.destination, "g": d.digest, "due": to_stamp(d.due_at)}
                    for d in deliveries]  # fmt: skip
            if rows:
                conn.execute(
                    text("INSERT INTO deliveries (alert_id, destination, digest, due_at)"
                         " VALUES (:a, :d, :g, :due) ON CONFLICT DO NOTHING"),
                    rows,
                )  # fmt: skip
        alert.id = new_id
        return alert

    def find_alert(self, subscription_id: int, story_id: int, kind: str) -> Alert | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                text("SELECT * FROM alerts WHERE subscription_id = :s AND story_id = :st AND kind = :k"),
                {"s": subscription_id, "st": story_id, "k": kind},
            ).mappings().first()  # fmt: skip
        return _alert_from_row(row) if row else None

    def story_alert_kinds(self, story_id: int) -> dict[int, set[str]]:
        """For one story: subscription id → the kinds already alerted."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                text("SELECT subscription_id, kind FROM alerts WHERE story_id = :s"), {"s": story_id}
            ).all()  # fmt: skip
        kinds: dict[int, set[str]] = {}
        for sub_id, kind in rows:
            kinds.setdefault(sub_id, set()).add(kind)
        return kinds

    def list_alerts(
        self, user: str | None = None, subscription_id: int | None = None, limit: int = 50
    ) -> list[Alert]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                text("SELECT a.* FROM alerts a JOIN subscriptions s ON s.id = a.subscription_id"
                     ' WHERE (CAST(:u AS TEXT) IS NULL OR s."user" = :u)'
                     " AND (CAST(:s AS INTEGER) IS NULL OR a.subscription_id = :s)"
                     " ORDER BY a.created_at DESC, a.id DESC LIMIT :n"),
                {"u": user, "s": subscription_id, "n": limit},
            ).mappings().all()  # fmt: skip
        return [_alert_from_row(r) for r in rows]

    def max_article_id(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(text("SELECT COALESCE(MAX(id), 0) FROM articles")).scalar_one())

    def clustered_article_ids_after(self, article_id: int) -> list[int]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                text("SELECT id FROM articles WHERE id > :a AND story_id IS NOT NULL ORDER BY id"),
                {"a": article_id},
            ).scalars().all()  # fmt: skip
        return [int(r) for r in rows]

    # -- the outbox ------------------------------------------------------------------------------
    def claim_due(self, now: datetime, lease: timedelta, limit: int = 100) -> list[Delivery]:
        """Lease the due deliveries (pending, or sending with a lapsed lease); count the attempt."""
        stamp = to_stamp(now)
        with self.engine.begin() as conn:
            ids = conn.execute(
                text("UPDATE deliveries SET status = 'sending', lease_until = :lease, attempts = attempts + 1"
                     " WHERE id IN (SELECT id FROM deliveries WHERE (status = 'pending' AND due_at <= :now)"
                     " OR (status = 'sending' AND lease_until <= :now) ORDER BY due_at, id LIMIT :n"
                     f"{skip_locked(self.engine.dialect.name)}) RETURNING id"),
                {"lease": to_stamp(now + lease), "now": stamp, "n": limit},
            ).scalars().all()  # fmt: skip
            return self._deliveries(conn, list(ids))

    def _deliveries(self, conn: Connection, ids: list[int]) -> list[Delivery]:
        if not ids:
            return []
        marks = ", ".join(f":i{n}" for n in range(len(ids)))
        rows = conn.execute(
            text("SELECT d.id AS d_id, d.destination, d.digest, d.status, d.attempts, d.due_at, d.last_error,"
                 " d.handed_at, d.sent_at, a.* FROM deliveries d JOIN alerts a ON a.id = d.alert_id"
                 f" WHERE d.id IN ({marks}) ORDER BY d.due_at, d.id"),
            {f"i{n}": i for n, i in enumerate(ids)},
        ).mappings().all()  # fmt: skip
        return [_delivery_from_row(r) for r in rows]

    def deliveries(self, alert_id: int | None = None, status: str | None = None) -> list[Delivery]:
        with self.engine.connect() as conn:
            ids = conn.execute(
                text("SELECT id FROM deliveries WHERE (CAST(:a AS INTEGER) IS NULL OR alert_id = :a)"
                     " AND (CAST(:s AS TEXT) IS NULL OR status = :s) ORDER BY id"),
                {"a": alert_id, "s": status},
            ).scalars().all()  # fmt: skip
            return self._deliveries(conn, list(ids))

    def mark_sent(self, delivery_ids: list[int], handed_at: datetime, sent_at: datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                text("UPDATE deliveries SET status = 'sent', handed_at = :h, sent_at = :t,"
                     " lease_until = NULL, last_error = NULL WHERE id = :i"),
                [{"i": i, "h": to_stamp(handed_at), "t": to_stamp(sent_at)} for i in delivery_ids],
            )  # fmt: skip

    def mark_failed(self, delivery_ids: list[int], error: str, retry_at: datetime | None) -> None:
        """A failed attempt: back to pending at ``retry_at``, or dead when ``retry_at`` is None."""
        params = [
            {"i": i, "e": error[:500], "due": to_stamp(retry_at) if retry_at else None} for i in delivery_ids
        ]
        with self.engine.begin() as conn:
            conn.execute(
                text("UPDATE deliveries SET status = CASE WHEN CAST(:due AS TEXT) IS NULL THEN 'dead'"
                     " ELSE 'pending' END,"
                     " due_at = COALESCE(:due, due_at), last_error = :e, lease_until = NULL WHERE id = :i"),
                params,
            )  # fmt: skip

    def postpone(self, delivery_ids: list[int], due_at: datetime) -> None:
        """Give a claimed delivery back without counting the attempt (rate limit, quiet hours)."""
        with self.engine.begin() as conn:
            conn.execute(
                text("UPDATE deliveries SET status = 'pending', due_at = :due, lease_until = NULL,"
                     " attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END WHERE id = :i"),
                [{"i": i, "due": to_stamp(due_at)} for i in delivery_ids],
            )  # fmt: skip

    def next_due(self) -> datetime | None:
        with self.engine.connect() as conn:
            value = conn.execute(
                text("SELECT MIN(CASE WHEN status = 'pending' THEN due_at ELSE lease_until END)"
                     " FROM deliveries WHERE status IN ('pending', 'sending')")
            ).scalar()  # fmt: skip
        return from_stamp(value)

    def outbox_counts(self) -> OutboxCounts:
        with self.engine.connect() as conn:
            found = conn.execute(text("SELECT status, COUNT(*) FROM deliveries GROUP BY status")).all()
        rows: dict[str, int] = {str(status): int(n) for status, n in found}
        return OutboxCounts(*(int(rows.get(s, 0)) for s in ("pending", "sending", "sent", "dead")))


def _quoted(column: str) -> str:
    return '"user"' if column == "user" else column  # a reserved word in PostgreSQL


def _subscription_row(sub: Subscription) -> dict[str, Any]:
    return {
        "user": sub.user, "kind": sub.kind, "value": sub.value, "channel": sub.channel,
        "language": sub.language, "min_sources": sub.min_sources, "digest": sub.digest,
        "quiet_start": sub.quiet_start, "quiet_end": sub.quiet_end, "secret": sub.secret,
        "active": int(sub.active), "created_at": to_stamp(sub.created_at or datetime.now(UTC)),
    }  # fmt: skip


def _subscription_from_row(row: RowMapping) -> Subscription:
    return Subscription(
        user=row["user"], kind=row["kind"], value=row["value"], channel=row["channel"],
        language=row["language"], min_sources=row["min_sources"], digest=row["digest"],
        quiet_start=row["quiet_start"], quiet_end=row["quiet_end"], secret=row["secret"],
        active=bool(row["active"]), created_at=from_stamp(row["created_at"]), id=row["id"],
    )  # fmt: skip


def _alert_from_row(row: RowMapping) -> Alert:
    created = from_stamp(row["created_at"])
    assert created is not None
    return Alert(
        subscription_id=row["subscription_id"], story_id=row["story_id"], kind=row["kind"],
        content=AlertContent(**json.loads(row["content"])), idempotency_key=row["idempotency_key"],
        created_at=created, article_id=row["article_id"], id=row["id"],
    )  # fmt: skip


def _delivery_from_row(row: RowMapping) -> Delivery:
    due = from_stamp(row["due_at"])
    assert due is not None
    return Delivery(
        alert=_alert_from_row(row), destination=row["destination"], status=row["status"],
        attempts=row["attempts"], due_at=due, digest=row["digest"], last_error=row["last_error"],
        handed_at=from_stamp(row["handed_at"]), sent_at=from_stamp(row["sent_at"]), id=row["d_id"],
    )  # fmt: skip
