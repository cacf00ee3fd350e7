"""Provenance benchmark: derivation edges and drift flags against known rewrites, and speed.

1. The fixture story ``tests/fixtures/provenance_story.jsonl`` (ECB+ topic 1 with documented
   rewrites that copy, cite and drop hedges; see ``tests/fixtures/provenance_story.README.md``):
   precision and recall of the derivation edges and the drift flags, independent families and
   origin against the gold line.
2. A synthetic story of ``--size`` articles (default 500) built from real ECB+ text
   (``../shared/data/ecbplus/ecbplus-dev.jsonl``; Cybulska & Vossen, LREC 2014, CC BY 3.0): originals
   are ECB+ articles as they are; later articles copy one, lightly rewrite one (a sentence dropped,
   words replaced, a hedge dropped from its first claim), or cite one's outlet by name ("According
   to …"). Precision/recall of edges and hedge-dropped flags, the time of a full trace and of an
   incremental update that adds one article.

    .venv/bin/python benchmarks/provenance.py [--size 500] [--seed 0]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from newstrace.records import Article, Claim
from newstrace.trace.provenance import Provenance, trace_story

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "provenance_story.jsonl"
ECBPLUS = REPO.parent / "shared" / "data" / "ecbplus" / "ecbplus-dev.jsonl"
START = datetime(2026, 1, 5, 6, 0, tzinfo=UTC)


@dataclass(slots=True)
class Story:
    articles: list[Article]
    claims: dict[str, list[Claim]]
    gold_edges: list[tuple[set[str], str]]  # (acceptable sources, target)
    gold_flags: set[tuple[str, str]]  # (kind, article key)
    fresh: set[str]  # articles whose text is a fresh ECB+ article: reuse among these is unknown (ECB+
    # holds syndicated copies of one report), so reuse edges into them are not scored


@dataclass(frozen=True, slots=True)
class PR:
    precision: float
    recall: float
    predicted: int
    gold: int


def load_fixture(path: Path = FIXTURE) -> tuple[Story, dict[str, Any]]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    articles, claims = [], {}
    for r in records[:-1]:
        articles.append(
            Article(title=r["title"], body=r["body"], source=r["source"], id=r["id"],
                    published=datetime.fromisoformat(r["published"]), cited_sources=r["cited_sources"])
        )  # fmt: skip
        claims[str(r["id"])] = [Claim(**c) for c in r["claims"]]
    gold = records[-1]["gold"]
    edges = [(set(e["sources"]), e["target"]) for e in gold["edges"]]
    flags = {(f["kind"], f["article"]) for f in gold["flags"]}
    return Story(articles, claims, edges, flags, set()), gold


def _claim(sentence: str, certainty: str, cues: list[str]) -> Claim:
    return Claim(sentence, 0, len(sentence), certainty, cues)  # type: ignore[arg-type]


def _light_rewrite(lines: list[str], rng: random.Random) -> list[str]:
    """Drop a few later sentences (never the title or the claim, lines 0 and 1), replace some words."""
    kept = [line for i, line in enumerate(lines) if i <= 1 or rng.random() > 0.15]
    out = []
    for line in kept:
        words = line.split()
        out.append(
            " ".join(
                w if rng.random() > 0.08 else rng.choice(("also", "then", "now", "still")) for w in words
            )
        )
    return out


def synthetic_story(size: int, seed: int, path: Path = ECBPLUS) -> Story:
    """A story of ``size`` articles from real ECB+ text with known copies, rewrites and citations."""
    rng = random.Random(seed)
    pool = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    pool = [d for d in pool if len(d["text"].split("\n")) >= 6]  # 630 of the 772 articles
    rng.shuffle(pool)
    articles: list[Article] = []
    claims: dict[str, list[Claim]] = {}
    lines_of: dict[str, list[str]] = {}
    edges: list[tuple[set[str], str]] = []
    flags: set[tuple[str, str]] = set()
    originals = max(2, size * 3 // 10)
    unused = iter(pool)  # each ECB+ article is used once as a fresh text
    lineage: dict[str, set[str]] = {}  # an article and the articles whose text it copies or rewrites
    fresh: set[str] = set()
    cites: dict[str, set[str]] = {}  # the outlets an article names in an "According to" line
    for i in range(size):
        key, outlet = str(i + 1), f"Outlet {rng.randrange(size // 4 + 1)}"
        when = START + timedelta(minutes=7 * i)
        op = "original" if i < originals else rng.choice(("copy", "light", "light", "cite", "original"))
        source = rng.choice(articles) if articles and op != "original" else None
        if op in ("original", "cite"):
            doc = next(unused)
            lines = doc["text"].split("\n")
            # the claim: the first sentence long enough to state something (not a dateline)
            at = next((j for j in range(1, len(lines)) if len(re.findall(r"[^\W\d_]{2,}", lines[j])) >= 8), 1)
            hedge = rng.random() < 0.5
            first = ("Reportedly, " + lines[at]) if hedge else lines[at]
            lines = [lines[0], first, *lines[1:at], *lines[at + 1 :]]
            claim = _claim(first, "hedged" if hedge else "asserted", ["reportedly"] if hedge else [])
        else:
            assert source is not None
            lines = list(lines_of[str(source.id)])
            claim = claims[str(source.id)][0]
            if op == "light":
                lines = _light_rewrite(lines, rng)
                if claim.certainty == "hedged":
                    lines[1] = lines[1].removeprefix("Reportedly, ")
                    claim = _claim(lines[1], "asserted", [])
                    flags.add(("hedge-dropped", key))
        lineage[key], cites[key] = {key}, set()
        if op in ("original", "cite"):
            fresh.add(key)
        if op in ("copy", "light"):
            assert source is not None
            lineage[key] |= lineage[str(source.id)]
            cites[key] |= cites[str(source.id)]  # a copied "According to X" line cites X again
            edges.append((set(lineage[str(source.id)]), key))  # its text comes from the whole lineage
        elif op == "cite":
            assert source is not None and source.source is not None
            lines.append(f"According to {source.source}, {lines_of[str(source.id)][1][:120]}")
            cites[key].add(source.source)
        for outlet_name in cites[key]:
            edges.append(({str(a.id) for a in articles if a.source == outlet_name}, key))
        lines_of[key] = lines
        title = lines[0] if op == "original" else f"{lines[0]} ({op} {i})"
        articles.append(Article(title=title, body=lines[1:], source=outlet, id=i + 1, published=when))
        claims[key] = [claim]
    return Story(articles, claims, edges, flags, fresh)


def unscored_edges(prov: Provenance, story: Story) -> int:
    return sum(1 for e in prov.edges if e.kind == "reuse" and e.target_key in story.fresh)


def score_edges(prov: Provenance, story: Story) -> PR:
    gold = story.gold_edges
    predicted = [
        (e.source_key, e.target_key)
        for e in prov.edges
        if not (e.kind == "reuse" and e.target_key in story.fresh)
    ]
    right = sum(1 for s, t in predicted if any(t == gt and s in gs for gs, gt in gold))
    found = sum(1 for gs, gt in gold if any(t == gt and s in gs for s, t in predicted))
    return PR(
        right / len(predicted) if predicted else 1.0,
        found / len(gold) if gold else 1.0,
        len(predicted),
        len(gold),
    )


def score_flags(prov: Provenance, gold: set[tuple[str, str]], kinds: set[str] | None = None) -> PR:
    predicted = {(f.kind, f.article_key) for f in prov.drift if kinds is None or f.kind in kinds}
    right = len(predicted & gold)
    return PR(
        right / len(predicted) if predicted else 1.0,
        right / len(gold) if gold else 1.0,
        len(predicted),
        len(gold),
    )


def _row(name: str, pr: PR) -> str:
    return f"{name:<34}{pr.precision:>10.3f}{pr.recall:>8.3f}{pr.predicted:>10}{pr.gold:>6}"


def ecbplus_stories(path: Path = ECBPLUS) -> dict[str, list[Article]]:
    """ECB+ articles as they are, grouped by gold story (no times: they are traced unordered)."""
    stories: dict[str, list[Article]] = {}
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        doc = json.loads(line)
        lines = doc["text"].split("\n")
        stories.setdefault(doc["story"], []).append(
            Article(title=lines[0], body=lines[1:], id=i, source=doc["id"])
        )
    return stories


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    fixture, gold = load_fixture()
    prov = trace_story(fixture.articles, fixture.claims)
    print(f"{'':<34}{'precision':>10}{'recall':>8}{'predicted':>10}{'gold':>6}")
    print(_row("fixture: derivation edges", score_edges(prov, fixture)))
    print(_row("fixture: drift flags", score_flags(prov, fixture.gold_flags)))
    origin = f"{prov.origin.kind} {prov.origin.name!r}"
    gold_origin = f"{gold['origin']['kind']} {gold['origin']['name']!r}"
    print(f"fixture: independent families {prov.independent_families} (gold {gold['families']}); "
          f"origin {origin} (gold {gold_origin})")  # fmt: skip

    story = synthetic_story(args.size, args.seed)
    started, cpu = time.perf_counter(), time.process_time()
    prov = trace_story(story.articles, story.claims)
    full, full_cpu = time.perf_counter() - started, time.process_time() - cpu
    print(_row(f"synthetic {args.size}: derivation edges", score_edges(prov, story)))
    print(
        _row(f"synthetic {args.size}: hedge-dropped", score_flags(prov, story.gold_flags, {"hedge-dropped"}))
    )
    print(
        f"synthetic {args.size}: {unscored_edges(prov, story)} reuse edges among fresh ECB+ texts, not scored"
    )
    partial = trace_story(story.articles[:-1], story.claims)
    started, cpu = time.perf_counter(), time.process_time()
    trace_story(story.articles, story.claims, previous=partial)
    incremental, incremental_cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"synthetic {args.size}: full trace {full:.2f} s wall ({full_cpu:.2f} s CPU); "
        f"adding one article to {args.size - 1}: {incremental:.2f} s wall ({incremental_cpu:.2f} s CPU)"
    )
    print(f"synthetic {args.size}: {prov.independent_families} families, "
          f"{len(prov.claim_groups)} claim groups, "
          f"{len(prov.drift)} drift flags")  # fmt: skip
    stories = ecbplus_stories()
    traced = [trace_story(articles, {}) for articles in stories.values()]
    derived = sum(len({e.target_key for e in p.edges if e.kind != "citation"}) for p in traced)
    total = sum(len(p.timeline) for p in traced)
    copies = sum(1 for p in traced for e in p.edges if e.degree == "copy")
    print(f"ECB+ stories as they are ({len(stories)} stories, {total} articles, no gold): {derived} articles "
          f"({derived / total:.1%}) get a reuse edge, {copies} of them copies; "
          f"{sum(p.independent_families for p in traced)} families")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
