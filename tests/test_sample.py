"""The bundled sample that the main job loads on first start: every item of it is an article."""

from __future__ import annotations

from newstrace.app import sample_documents
from newstrace.extract.documents import extract_article


def test_every_sample_item_extracts() -> None:
    documents = list(sample_documents())
    articles = [extract_article(raw) for raw in documents]
    assert len(articles) == len(documents) > 200
    assert all(article.title and article.body for article in articles)
