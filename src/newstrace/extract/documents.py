"""One entry point from a fetched or read input to a clean Article, whatever the input's kind."""

from __future__ import annotations

from newstrace.analyse.language import detect_language
from newstrace.extract.cues import site_of
from newstrace.extract.errors import ExtractionError
from newstrace.extract.html import extract_html_article
from newstrace.extract.records_json import article_from_json_line, parse_datetime
from newstrace.extract.text import extract_text_article
from newstrace.fetch.detect import decode_text
from newstrace.records import Article, RawDocument


def extract_article(raw: RawDocument) -> Article:
    """Extract the article of one input (kinds text, html, jsonl); raise ExtractionError if there is none."""
    if raw.kind == "html":
        article = extract_html_article(raw.content, url=raw.url, location=raw.location)
    elif raw.kind == "text":
        article = extract_text_article(decode_text(raw.content), url=raw.url, location=raw.location)
    elif raw.kind == "jsonl":
        article = article_from_json_line(raw.content, location=raw.location)
    else:
        raise ExtractionError(f"a {raw.kind} input holds no article of its own")
    return complete_article(article, raw)


def complete_article(article: Article, raw: RawDocument) -> Article:
    """Fill what the page itself did not say from where it came from (feed entry, fetch, language)."""
    hints = raw.hints
    article.raw_hash = raw.raw_hash
    article.location = article.location or raw.location
    article.url = article.url or raw.url
    article.fetched = article.fetched or raw.fetched_at
    if not article.title and hints.get("title"):
        article.title = str(hints["title"])
    if article.published is None and hints.get("published"):
        article.published = parse_datetime(hints["published"])
    if not article.authors and hints.get("author"):
        article.authors = [str(hints["author"])]
    if not article.topics and hints.get("tags"):
        article.topics = [str(t) for t in hints["tags"]]
    if not article.source and (article.canonical_url or article.url):
        article.source = site_of(article.canonical_url or article.url)
    if not article.language:
        article.language = detect_language(article.title + "\n" + article.text)
    if not article.title.strip() or not article.body:
        raise ExtractionError("no article text found")
    return article
