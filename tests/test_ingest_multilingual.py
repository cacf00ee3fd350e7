"""One story across languages through the real ingest path, on real articles of the multilingual set.

English coverage of the February 2023 Turkey–Syria earthquake is ingested first; Russian, German and
Italian articles about it arrive later and join its story; a German article about the September
2023 Morocco earthquake (an event of the same kind) starts a story of its own. The sentence vectors
are computed once and kept in the store, so a restarted process links a French article without
encoding the stored ones again.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from newstrace.analyse.embedding import ArticleEncoder
from newstrace.app import Newstrace
from newstrace.records import Article
from newstrace.settings import Settings

SET_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "multilingual" / "articles.jsonl"
TURKEY = "quake-turkey-syria-2023-02"


@pytest.fixture(scope="module")
def rows() -> dict[str, dict]:
    lines = SET_PATH.read_text(encoding="utf-8").splitlines()
    return {row["id"]: row for row in map(json.loads, lines)}


def _ingest(core: Newstrace, tmp_path: Path, rows: dict[str, dict], ids: list[str], name: str) -> list[int]:
    path = tmp_path / f"{name}.jsonl"
    path.write_text("".join(json.dumps(rows[i], ensure_ascii=False) + "\n" for i in ids), encoding="utf-8")
    report = core.ingest([str(path)])
    assert [r.outcome for r in report.results] == ["new"] * len(ids), report.failures()
    return [r.story_id for r in report.results if r.story_id is not None]


def test_later_coverage_in_other_languages_joins_the_story(
    tmp_path: Path, rows: dict[str, dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(data_dir=str(tmp_path / "data"), load_sample=False, default_feeds=False)
    core = Newstrace.open(settings)
    try:
        english = _ingest(core, tmp_path, rows, [f"{TURKEY}/en-0{k}" for k in range(1, 5)], "en")
        assert len(set(english)) == 1
        story = english[0]
        later = [f"{TURKEY}/ru-02", f"{TURKEY}/de-04", f"{TURKEY}/it-03"]
        assert _ingest(core, tmp_path, rows, later, "later") == [story] * 3
        (other,) = _ingest(core, tmp_path, rows, ["quake-morocco-2023-09/de-02"], "other")
        assert other != story
        summary = core.store.get_story(story)
        assert summary is not None and set(summary.languages) == {"en", "ru", "de", "it"}
        assert all(a.embedding is not None for a in core.store.story_articles(story))
    finally:
        core.close()

    encoded: list[int] = []
    encode = ArticleEncoder.encode

    def counting(self: ArticleEncoder, articles: list[Article]) -> np.ndarray:
        encoded.append(len(articles))
        return encode(self, articles)

    monkeypatch.setattr(ArticleEncoder, "encode", counting)
    restarted = Newstrace.open(settings)
    try:
        assert restarted.clusterer.active_stories()  # restored from the store ...
        assert encoded == []  # ... with the stored vectors: nothing encoded again
        assert _ingest(restarted, tmp_path, rows, [f"{TURKEY}/fr-01"], "fr") == [story]
        assert encoded == [1]
    finally:
        restarted.close()
