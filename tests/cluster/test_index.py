"""The inverted index over active stories and the window that retires them."""

from __future__ import annotations

from datetime import datetime, timedelta

from newstrace.cluster.index import ActiveWindow, StoryIndex, WindowConfig


def test_candidates_rank_by_shared_weight_and_follow_reindexing() -> None:
    index = StoryIndex()
    index.put(1, ("earthquake", "chile", "tsunami"))
    index.put(2, ("earthquake", "japan"))
    index.put(3, ("election", "vote"))
    query = {"earthquake": 0.5, "japan": 0.4, "chile": 0.1}
    assert index.candidates(query, query_terms=3, limit=5) == [2, 1]
    assert index.candidates(query, query_terms=3, limit=1) == [2]
    assert index.candidates(query, query_terms=1, limit=5) == [2, 1]  # tie on "earthquake": newer first
    index.put(2, ("election",))
    assert index.candidates(query, query_terms=3, limit=5) == [1]
    index.remove(1)
    assert index.candidates(query, query_terms=3, limit=5) == []
    assert len(index) == 2


def test_window_retires_by_article_count_and_by_cap() -> None:
    window = ActiveWindow(WindowConfig(window_days=7, window_articles=3, max_active=2))
    window.touch(1, 1, None)
    window.touch(2, 2, None)
    assert window.expired(2) == []
    window.touch(3, 3, None)
    assert window.expired(3) == [1]  # three active, cap two: the idlest goes
    window.touch(2, 4, None)
    assert window.expired(7) == [3]  # story 3 idle for four articles
    assert 2 in window and 3 not in window


def test_window_retires_by_article_time() -> None:
    cfg = WindowConfig(window_days=7, window_articles=1000, max_active=1000, min_idle_articles=0)
    window = ActiveWindow(cfg)
    start = datetime(2024, 1, 1)
    window.touch(1, 1, start)
    window.touch(2, 2, start + timedelta(days=3))
    assert window.expired(2) == []
    window.touch(3, 3, start + timedelta(days=8))
    assert window.expired(3) == [1]
    assert len(window) == 2


def test_out_of_order_dates_alone_do_not_retire_a_recent_story() -> None:
    cfg = WindowConfig(window_days=7, window_articles=1000, max_active=1000, min_idle_articles=5)
    window = ActiveWindow(cfg)
    start = datetime(2024, 1, 1)
    window.touch(1, 1, start)
    window.touch(2, 2, start + timedelta(days=400))  # a late article of another year arrives
    assert window.expired(2) == []  # story 1 was joined one article ago: it stays
    assert window.expired(7) == [1]  # idle for six articles and a week older than the newest
