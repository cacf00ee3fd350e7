"""A synthetic story built from real ECB+ text (benchmarks/provenance.py): edges and incremental updates."""

from __future__ import annotations

from pathlib import Path

from benchmark_scripts import load_benchmark
from newstrace.trace.provenance import trace_story


def test_known_copies_rewrites_and_citations_are_found(shared_dir: Path) -> None:
    bench = load_benchmark("provenance")
    story = bench.synthetic_story(120, seed=1, path=shared_dir / "data" / "ecbplus" / "ecbplus-dev.jsonl")
    prov = trace_story(story.articles, story.claims)
    edges = bench.score_edges(prov, story)
    assert edges.precision >= 0.9 and edges.recall >= 0.9, edges
    flags = bench.score_flags(prov, story.gold_flags, {"hedge-dropped"})
    assert flags.precision >= 0.6 and flags.recall >= 0.6, flags


def test_adding_articles_one_by_one_equals_a_full_trace(shared_dir: Path) -> None:
    bench = load_benchmark("provenance")
    story = bench.synthetic_story(60, seed=2, path=shared_dir / "data" / "ecbplus" / "ecbplus-dev.jsonl")
    prov = None
    for n in range(1, len(story.articles) + 1):
        prov = trace_story(story.articles[:n], story.claims, previous=prov)
    full = trace_story(story.articles, story.claims)
    assert prov is not None
    assert [(e.source_key, e.target_key, e.kind) for e in prov.edges] == [
        (e.source_key, e.target_key, e.kind) for e in full.edges
    ]
    assert prov.families == full.families
    assert {(f.kind, f.article_key) for f in prov.drift} == {(f.kind, f.article_key) for f in full.drift}
