"""The seed page alone, ingested through the whole pipeline: its cited sources, its hedged claims, and
the drift between a headline that asserts and a body that only hedges."""

from __future__ import annotations

from pathlib import Path

from newstrace.app import Newstrace
from newstrace.settings import Settings
from newstrace.trace.credits import credit_sources
from newstrace.trace.report import render_report_png


def test_seed_story_provenance(tmp_path: Path, shared_dir: Path) -> None:
    core = Newstrace.open(Settings(data_dir=str(tmp_path), default_feeds=False, load_sample=False))
    report = core.ingest([str(shared_dir / "seed" / "000_1f12566f83871210.txt")])
    (result,) = report.results
    assert result.story_id is not None and result.article_id is not None
    provenance = core.provenance(result.story_id)
    assert provenance is not None

    names = {node.name: node.kind for node in provenance.citations.nodes.values()}
    assert "Daily Mail" in " ".join(names)
    assert names.get("primemedia.ru") == "outlet"
    assert names.get("YouTube (East2West)") == "footage"
    assert names.get("PA") == "outlet"
    assert not any(node.ingested for node in provenance.citations.nodes.values())

    hedged = [c for c in core.claims(result.article_id) if c.certainty == "hedged"]
    assert len(hedged) >= 4
    (flag,) = [f for f in provenance.drift if f.kind == "headline-overstates"]
    assert "Sending Troops" in flag.sentence
    story = core.store.get_story(result.story_id)
    assert story is not None and story.drift_flags >= 1 and story.independent_sources == 1

    picture = render_report_png(provenance, tmp_path / "seed.png")
    assert picture.stat().st_size > 5_000


def test_credit_sources() -> None:
    assert credit_sources("Reuters/Getty Images") == [("Reuters", "outlet"), ("Getty Images", "outlet")]
    assert credit_sources("YouTube/Some Channel") == [("YouTube (Some Channel)", "footage")]
    assert credit_sources("") == []
