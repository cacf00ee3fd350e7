"""The store: idempotent writes, updates, FTS search, migrations, sources and stories."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from database_helpers import StoreDatabases
from newstrace.records import Article, Caption, Claim, Entity, FetchError, RawDocument, Source, Story
from newstrace.store import open_store
from newstrace.store.schema import MIGRATIONS


def _article(**changes: object) -> Article:
    base = Article(
        title="Lindsay Lohan checks into Betty Ford Center",
        body=[
            "After skipping out on entering a Newport Beach rehabilitation facility, Lindsay Lohan has "
            "checked into the Betty Ford Center.",
            "Her latest stay comes after a probation violation.",
        ],
        url="http://articles.latimes.com/2013/may/03/local/la-me-0504-lohan-rehab-20130504",
        source="articles.latimes.com",
        authors=["Staff"],
        published=datetime(2013, 5, 3, 12, 0, tzinfo=UTC),
        captions=[Caption("Lohan in court.", "AP")],
        topics=["Lindsay Lohan"],
        language="en",
    )
    for key, value in changes.items():
        setattr(base, key, value)
    return base


def test_same_article_twice_is_one_row(tmp_path: Path, databases: StoreDatabases) -> None:
    store = open_store(databases.url(tmp_path))
    first = store.save_article(_article())
    second = store.save_article(_article())
    assert first.status == "new" and second.status == "unchanged"
    assert first.article_id == second.article_id
    assert store.counts().articles == 1


def test_changed_page_updates_and_round_trips(tmp_path: Path, databases: StoreDatabases) -> None:
    store = open_store(databases.url(tmp_path))
    saved = store.save_article(_article())
    changed = _article(body=["A corrected first paragraph.", "Her latest stay comes after a violation."])
    assert store.save_article(changed).status == "updated"
    loaded = store.get_article(saved.article_id)
    assert loaded is not None
    assert loaded.body[0] == "A corrected first paragraph."
    assert loaded.captions == [Caption("Lohan in court.", "AP")]
    assert loaded.published == datetime(2013, 5, 3, 12, 0, tzinfo=UTC)
    assert store.counts().articles == 1


def test_article_without_url_is_keyed_by_its_text(tmp_path: Path, databases: StoreDatabases) -> None:
    store = open_store(databases.url(tmp_path))
    a = store.save_article(_article(url=None))
    b = store.save_article(_article(url=None, body=[p + " " for p in _article().body]))  # whitespace only
    assert a.article_id == b.article_id


def test_raw_claims_entities_and_search(tmp_path: Path, databases: StoreDatabases) -> None:
    store = open_store(databases.url(tmp_path))
    raw = RawDocument(location="page.html", content=b"<html>...</html>", kind="html")
    claim = Claim("Lohan has checked in.", 0, 21, "asserted")
    saved = store.save_article(_article(), raw, [claim], [Entity("Lindsay Lohan", "person")] * 2)
    assert store.get_raw(raw.raw_hash).content == raw.content  # type: ignore[union-attr]
    assert store.get_claims(saved.article_id) == [claim]
    assert store.get_entities(saved.article_id) == [Entity("Lindsay Lohan", "person")]
    hits = store.search("Betty Ford")
    assert [h.article_id for h in hits] == [saved.article_id]
    assert store.search('rehab" OR "x') == []  # user input is never FTS syntax


def test_migrations_are_recorded_once(tmp_path: Path, databases: StoreDatabases) -> None:
    url = databases.url(tmp_path)
    store = open_store(url)
    assert store.migrate() == []
    store.close()
    again = open_store(url)
    assert again.migrate() == []
    with again.engine.connect() as conn:
        names = [r[0] for r in conn.exec_driver_sql("SELECT name FROM migrations ORDER BY name")]
    assert names == [name for name, _ in MIGRATIONS]


def test_sources_and_stories(tmp_path: Path, databases: StoreDatabases) -> None:
    store = open_store(databases.url(tmp_path))
    assert (
        store.add_sources([Source("https://example.org/feed.xml"), Source("https://example.org/feed.xml")])
        == 1
    )
    source = store.list_sources()[0]
    source.error_count, source.last_error = 2, "HTTP 500"
    store.update_source(source)
    assert store.list_sources()[0].last_error == "HTTP 500"
    story = Story(
        id=7, title="Lohan enters rehab", first_seen=None, last_seen=None, size=1, outlets=["latimes"]
    )
    store.save_story(story)
    story.size = 2
    store.save_story(story)
    assert store.get_story(7).size == 2  # type: ignore[union-attr]
    assert store.max_story_id() == 7
    store.record_error(FetchError("bad.bin", "binary content"))
    assert store.counts().errors == 1


def test_nul_characters_are_stored_on_every_backend(tmp_path: Path, databases: StoreDatabases) -> None:
    store = open_store(databases.url(tmp_path))
    store.record_error(FetchError("crawl.warc.gz#9", "corrupt record: \x8b\x08\x00 not gzip"))
    saved = store.save_article(_article(title="A title\x00 with a NUL"))
    loaded = store.get_article(saved.article_id)
    assert loaded is not None and loaded.title.startswith("A title") and loaded.title.endswith("with a NUL")
    assert store.counts().errors == 1
    store.close()
