"""Validate the multilingual story set and print its events x languages table.

Usage: python benchmarks/build_multilingual.py [--path benchmarks/data/multilingual/articles.jsonl]

The set (real published articles, gold story labels; see benchmarks/data/multilingual/README.md)
is checked for its schema, ISO 639-1 language codes, ISO dates, unique URLs and ids, and the
minimums of issue 9: at least 12 events, each in at least 3 languages, at least 150 articles.
Exit status 1 when a check fails.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_PATH = REPO / "benchmarks" / "data" / "multilingual" / "articles.jsonl"

FIELDS = ("id", "story", "topic", "lang", "url", "date", "date_from", "source", "title", "text")
DATE_SOURCES = frozenset({"page", "url", "text", "page-month+text", "url-month+text"})
LANG_CODE = re.compile(r"^[a-z]{2}$")
STORY_LABEL = re.compile(r"^[a-z]+(-[a-z0-9]+)+-\d{4}-\d{2}$")
MIN_EVENTS = 12
MIN_LANGUAGES_PER_EVENT = 3
MIN_ARTICLES = 150
MIN_TEXT_CHARS = 60
# Articles are first reports and follow-ups: published from the event's month to two months on.
MAX_DAYS_AFTER_EVENT_MONTH = 62


@dataclass(frozen=True, slots=True)
class SetArticle:
    """One row of ``articles.jsonl``: a published article with its gold story."""

    id: str
    story: str
    topic: str
    lang: str
    url: str
    date: str
    date_from: str
    source: str
    title: str
    text: str


@dataclass(frozen=True, slots=True)
class Minimums:
    events: int = MIN_EVENTS
    languages_per_event: int = MIN_LANGUAGES_PER_EVENT
    articles: int = MIN_ARTICLES


def load_articles(path: Path = DEFAULT_PATH) -> list[SetArticle]:
    """The rows of the set; raises ``ValueError`` naming the line of a row that lacks a field."""
    rows: list[SetArticle] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        raw = json.loads(line)
        missing = [name for name in FIELDS if not isinstance(raw.get(name), str)]
        if missing:
            raise ValueError(f"line {number}: missing or non-string fields {missing}")
        rows.append(SetArticle(**{name: raw[name] for name in FIELDS}))
    return rows


def _row_problems(article: SetArticle) -> list[str]:
    problems: list[str] = []
    if not LANG_CODE.match(article.lang):
        problems.append(f"{article.id}: language {article.lang!r} is not an ISO 639-1 code")
    if not STORY_LABEL.match(article.story):
        problems.append(f"{article.id}: story label {article.story!r} is not kind-place-YYYY-MM")
    if not article.url.startswith(("http://", "https://")):
        problems.append(f"{article.id}: url {article.url!r} is not http(s)")
    try:
        published = date.fromisoformat(article.date)
    except ValueError:
        problems.append(f"{article.id}: date {article.date!r} is not an ISO date")
    else:
        year, month = (int(part) for part in article.story.rsplit("-", 2)[1:])
        start = date(year, month, 1)
        if not start <= published <= start + timedelta(days=MAX_DAYS_AFTER_EVENT_MONTH):
            problems.append(f"{article.id}: date {article.date} outside its event's window")
    if article.date_from not in DATE_SOURCES:
        problems.append(f"{article.id}: date_from {article.date_from!r} not in {sorted(DATE_SOURCES)}")
    if len(article.text) < MIN_TEXT_CHARS:
        problems.append(f"{article.id}: text shorter than {MIN_TEXT_CHARS} characters")
    if not article.id.startswith(f"{article.story}/{article.lang}-"):
        problems.append(f"{article.id}: id does not start with story/lang")
    return problems


def languages_by_story(articles: list[SetArticle]) -> dict[str, Counter[str]]:
    """Articles per language, per gold story."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        table[article.story][article.lang] += 1
    return dict(table)


def validate(articles: list[SetArticle], minimums: Minimums = Minimums()) -> list[str]:
    """Every problem found, as sentences; empty when the set is sound."""
    problems = [problem for article in articles for problem in _row_problems(article)]
    for field in ("id", "url"):
        counts = Counter(getattr(a, field) for a in articles)
        problems += [f"duplicate {field} {value!r}" for value, n in counts.items() if n > 1]
    stories = languages_by_story(articles)
    if len(stories) < minimums.events:
        problems.append(f"{len(stories)} events, fewer than {minimums.events}")
    problems += [
        f"{story}: {len(langs)} languages, fewer than {minimums.languages_per_event}"
        for story, langs in stories.items()
        if len(langs) < minimums.languages_per_event
    ]
    if len(articles) < minimums.articles:
        problems.append(f"{len(articles)} articles, fewer than {minimums.articles}")
    topics = Counter(a.topic for a in {a.story: a for a in articles}.values())
    problems += [f"topic {t!r} has {n} events, not a same-kind pair" for t, n in topics.items() if n != 2]
    return problems


def format_table(articles: list[SetArticle]) -> str:
    """Events x languages, with the articles per cell, row and column totals."""
    stories = languages_by_story(articles)
    lang_totals = Counter(a.lang for a in articles)
    langs = [lang for lang, _ in lang_totals.most_common()]
    topic_of = {a.story: a.topic for a in articles}
    width = max(len(s) for s in stories) + 2
    lines = [f"{'event':<{width}}{'kind':<23}" + "".join(f"{lang:>4}" for lang in langs) + "  all langs"]
    for story in sorted(stories, key=lambda s: (topic_of[s], s)):
        cells = "".join(f"{stories[story][lang] or '.':>4}" for lang in langs)
        row_total = sum(stories[story].values())
        lines.append(f"{story:<{width}}{topic_of[story]:<23}{cells}{row_total:>5}{len(stories[story]):>6}")
    lines.append(
        f"{'all':<{width}}{'':<23}"
        + "".join(f"{lang_totals[lang]:>4}" for lang in langs)
        + f"{len(articles):>5}{len(langs):>6}"
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH)
    args = parser.parse_args()
    articles = load_articles(args.path)
    stories = languages_by_story(articles)
    print(
        f"{len(articles)} articles, {len(stories)} events, "
        f"{len({a.lang for a in articles})} languages, {len({a.source for a in articles})} outlets"
    )
    print(format_table(articles))
    cross = sum(
        1
        for i, a in enumerate(articles)
        for b in articles[i + 1 :]
        if a.story == b.story and a.lang != b.lang
    )
    same = sum(1 for i, a in enumerate(articles) for b in articles[i + 1 :] if a.story == b.story)
    print(f"gold pairs: {same}, of which cross-lingual: {cross}")
    problems = validate(articles)
    for problem in problems:
        print(f"PROBLEM {problem}")
    print("valid" if not problems else f"{len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
