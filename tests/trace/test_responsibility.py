"""A group's claim of an attack, retold as fact or denied."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newstrace.records import Article, Claim
from newstrace.trace.provenance import trace_story

_DAY = datetime(2031, 3, 2, tzinfo=UTC)


def _article(key: int, day: int, title: str, body: list[str]) -> Article:
    return Article(
        title=title, body=body, id=key, published=_DAY + timedelta(days=day), source=f"Outlet {key}"
    )


def _claim(sentence: str, certainty: str, source: str | None = None, kind: str = "none",
           cues: list[str] | None = None, headline: bool = False) -> Claim:  # fmt: skip
    return Claim(sentence, 0, len(sentence), certainty, cues or [], source, kind, in_headline=headline)  # type: ignore[arg-type]


def test_a_claim_of_responsibility_retold_as_fact_drops_a_hedge_and_a_denial_contradicts_it() -> None:
    claimed = "The Harbour Front (HF) group claimed responsibility for the attack on the chapel."
    unverified = "The claim could not be verified."
    told = "Three worshippers were killed in an attack by militants of the Harbour Front."
    head = "Regionia, HF attacks a chapel, killing three"
    denial = "The gunman had no connection to the Front, Governor Jan Roe said."
    articles = [
        _article(1, 0, "Front claims chapel attack", [claimed, unverified]),
        _article(2, 1, head, [told]),
        _article(3, 1, "Governor: gunman acted alone", [denial]),
    ]
    claims = {
        "1": [_claim(claimed, "attributed", "The Harbour Front (HF) group", "organisation", ["claimed"])],
        "2": [_claim(head, "asserted", headline=True), _claim(told, "asserted")],
        "3": [_claim(denial, "attributed", "Governor Jan Roe", "person", ["said"])],
    }
    prov = trace_story(articles, claims)
    flags = [(f.kind, f.article_key, f.earlier_key, f.before, f.after) for f in prov.drift]
    assert ("hedge-dropped", "2", "1", "hedged", "asserted") in flags
    assert ("contradicted", "3", "1", "hedged", "denied") in flags
    (group,) = [g for g in prov.claim_groups if g.id < 0]
    assert sorted({o.article_key for o in group.occurrences}) == ["1", "2", "3"]


def test_the_claims_reporter_and_a_missing_proof_are_no_perpetrator_and_no_denial() -> None:
    claimed = (
        "The Harbour Front claimed the shooting, its news agency Quaywire reported, but gave no proof of it."
    )
    articles = [_article(1, 0, "Shooting claimed", [claimed])]
    claims = {"1": [_claim(claimed, "attributed", "its news agency Quaywire", "outlet", ["reported"])]}
    prov = trace_story(articles, claims)
    assert [f for f in prov.drift if f.kind == "contradicted"] == [] and not [
        g for g in prov.claim_groups if g.id < 0
    ]
