"""What a message says: one entry per story (its changes, its latest figures), the updates one article
brought to a story in one message, and outlet lists that say how many they leave out. Made-up alerts."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from newstrace.alerts.channels.base import SUMMARIES, outlets_text, render_message, story_news
from newstrace.alerts.channels.webpush import push_payload
from newstrace.alerts.digest import cut_by_the_limit, group_for_sending
from newstrace.alerts.records import Alert, AlertContent, Delivery, EventKind
from newstrace.alerts.subscriptions import new_subscription

T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
HOOK = "webhook:http://127.0.0.1:9/h"


def _alert(
    story: int, kind: EventKind, article: int, minutes: int = 0, sources: int = 1, outlets: int = 1
) -> Alert:
    content = AlertContent(
        story, f"Harbour bridge {story} closes", [f"outlet{i}.example" for i in range(outlets)], sources,
        "attributed", f"http://news.example/stories/{story}", SUMMARIES[kind],
    )  # fmt: skip
    key = f"k-{story}-{kind}"
    return Alert(1, story, kind, content, key, T0 + timedelta(minutes=minutes), article, id=article * 10)


def _delivery(alert: Alert, number: int, digest: str = "immediate") -> Delivery:
    return Delivery(alert, HOOK, "sending", 0, T0, digest, id=number)  # type: ignore[arg-type]


def test_the_updates_one_article_brings_are_one_message() -> None:
    first = _alert(5, "new_story", article=1)
    source = _alert(5, "new_source", article=2, minutes=30, sources=2)
    named = _alert(5, "named_source", article=2, minutes=30, sources=2)
    later = _alert(5, "denial", article=3, minutes=60, sources=2)
    other_story = _alert(6, "new_source", article=2, minutes=30)
    deliveries = [_delivery(a, n) for n, a in enumerate([first, source, named, later, other_story], 1)]
    groups = [[d.alert.kind for d in g] for g in group_for_sending(deliveries)]
    expected = [["new_story"], ["new_source", "named_source"], ["denial"], ["new_source"]]
    assert sorted(groups) == sorted(expected)


def test_one_story_with_two_changes_is_one_entry_with_both() -> None:
    sub = new_subscription("ann", "entity", "Harbour Bridge", HOOK, now=T0)
    message = render_message(sub, [_alert(5, "new_source", 2, sources=2), _alert(5, "named_source", 2)])
    assert message.subject.startswith("[newstrace] A new independent source confirms it; a named source")
    assert message.subject.endswith(": Harbour bridge 5 closes")
    assert message.text.count("Harbour bridge 5 closes") == 1


def test_a_digest_says_once_per_story_what_changed_with_its_latest_figures() -> None:
    sub = new_subscription("ann", "query", "bridge", HOOK, digest="daily", now=T0)
    alerts = [
        _alert(5, "new_story", 1, minutes=0, sources=1, outlets=1),
        _alert(7, "new_story", 4, minutes=10, sources=1),
        _alert(5, "new_source", 2, minutes=20, sources=3, outlets=3),
        _alert(5, "named_source", 2, minutes=20, sources=3, outlets=3),
    ]
    news = story_news(alerts)
    assert [item.content.story_id for item in news] == [5, 7]
    assert news[0].summaries == [SUMMARIES["new_story"], SUMMARIES["new_source"], SUMMARIES["named_source"]]
    assert news[0].content.independent_sources == 3
    message = render_message(sub, alerts)
    assert message.subject == "[newstrace] 2 stories for query “bridge”"
    assert message.text.count("Harbour bridge 5 closes") == 1
    assert "independent sources: 3" in message.text and "independent sources: 1;" in message.text
    assert "New story; a new independent source confirms it; a named source" in message.text


def test_a_long_outlet_list_says_how_many_it_leaves_out() -> None:
    outlets = [f"o{i}.example" for i in range(8)]
    assert outlets_text(outlets) == "o0.example, o1.example, o2.example, o3.example, o4.example and 3 more"
    assert outlets_text(outlets[:2]) == "o0.example, o1.example"
    assert outlets_text([]) == "no outlet named"


def test_a_push_notification_carries_one_story_and_its_changes() -> None:
    payload = json.loads(push_payload([_alert(5, "new_source", 2, sources=2), _alert(5, "denial", 2)]))
    assert payload["title"] == "Harbour bridge 5 closes"
    assert payload["body"].startswith("A new independent source confirms it; a denial appears")
    digest = json.loads(push_payload([_alert(5, "new_story", 1), _alert(7, "new_story", 4)]))
    assert digest["title"] == "2 news stories"


def test_a_claim_cut_through_one_articles_updates_gives_them_back_whole() -> None:
    source, named = _alert(5, "new_source", 2), _alert(5, "named_source", 2)
    claimed = [_delivery(_alert(4, "new_story", 1), 1), _delivery(source, 2), _delivery(named, 3)]
    groups = group_for_sending(claimed)
    assert [d.id for d in cut_by_the_limit(groups, claimed, limit=3)] == [2, 3]  # its sibling may be past
    assert cut_by_the_limit(groups, claimed, limit=4) == []  # the claim did not reach its limit
    alone = claimed[1:]
    assert cut_by_the_limit(group_for_sending(alone), alone, limit=2) == []  # the whole claim: sent
    resent = [_delivery(source, 2), _delivery(named, 3)]
    resent[0].attempts = 2  # sent once alone before a crash: it goes alone again, under its old key
    assert len(group_for_sending(resent)) == 2
