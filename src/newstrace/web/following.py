"""What a signed-in person follows: stories, entities, outlets or searches.

TO MOVE INTO THE CORE (``alerts/`` subscriptions): kept in the store's state table as
``web_follows:<name>`` → a JSON list, until the alerts module owns a subscriptions table.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Literal, get_args

from newstrace.store import Store

FollowKind = Literal["story", "entity", "outlet", "query"]
FOLLOW_KINDS: tuple[str, ...] = get_args(FollowKind)
FOLLOWS_PREFIX = "web_follows:"
MAX_FOLLOWS = 500
MAX_VALUE = 200


@dataclass(frozen=True, slots=True)
class Follow:
    kind: str
    value: str


def list_follows(store: Store, name: str) -> list[Follow]:
    raw = store.get_state(FOLLOWS_PREFIX + name)
    return [Follow(item["kind"], item["value"]) for item in json.loads(raw)] if raw else []


def _save(store: Store, name: str, follows: list[Follow]) -> None:
    store.set_state(FOLLOWS_PREFIX + name, json.dumps([asdict(f) for f in follows], ensure_ascii=False))


def add_follow(store: Store, name: str, follow: Follow) -> bool:
    """Follow something; False when it was already followed. Raises ValueError on a bad follow."""
    if follow.kind not in FOLLOW_KINDS:
        raise ValueError(f"kind must be one of {', '.join(FOLLOW_KINDS)}")
    value = follow.value.strip()
    if not value or len(value) > MAX_VALUE:
        raise ValueError(f"a followed value has 1–{MAX_VALUE} characters")
    if follow.kind == "story" and not value.isdigit():
        raise ValueError("a story is followed by its id")
    follows = list_follows(store, name)
    clean = Follow(follow.kind, value)
    if clean in follows:
        return False
    if len(follows) >= MAX_FOLLOWS:
        raise ValueError(f"at most {MAX_FOLLOWS} follows")
    _save(store, name, [*follows, clean])
    return True


def remove_follow(store: Store, name: str, follow: Follow) -> bool:
    follows = list_follows(store, name)
    if follow not in follows:
        return False
    _save(store, name, [f for f in follows if f != follow])
    return True
