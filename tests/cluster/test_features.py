"""Article vectors: any language, online document frequencies, boilerplate lines left out."""

from __future__ import annotations

import math

from newstrace.cluster.features import (
    DocumentFrequencies,
    FeatureConfig,
    LineCounts,
    article_features,
    mentioned_years,
    words,
    years_conflict,
)
from newstrace.records import Article


def test_words_of_any_script() -> None:
    assert words("Quake HITS Chile, 8.8") == ["quake", "hits", "chile"]
    assert words("Erdbeben in Köln") == ["erdbeben", "in", "koln"]
    assert words("東京で地震") == ["東京", "京で", "で地", "地震"]  # no spaces: character bigrams
    assert words("Землетрясение в Москве") == ["zemletryasenie", "moskve"]


def test_a_name_is_one_term_in_any_script() -> None:
    assert words("Erdoğan") == words("Erdogan") == words("Эрдоган") == ["erdogan"]


def test_vector_is_unit_length_bounded_and_weights_rare_terms() -> None:
    df = DocumentFrequencies(bucket_bits=12)
    lines = LineCounts()
    cfg = FeatureConfig(max_terms=12)
    common = Article(title="the news", body=["the the the report of the day"])
    for _ in range(20):
        df.add(article_features(common, df, lines, cfg).buckets)
    article = Article(
        title="Volcano erupts", body=["The volcano Etna erupted in 2021 near Catania, the report says."]
    )
    features = article_features(article, df, lines, cfg)
    assert len(features.vector) <= 12
    assert math.isclose(math.sqrt(sum(v * v for v in features.vector.values())), 1.0)
    assert features.vector["volcano"] > features.vector.get("the", 0.0)
    assert "#2021" in features.vector and any(t.startswith("@") for t in features.vector)
    assert df.documents == 20 and df.idf("the") < df.idf("volcano")


def test_a_line_an_outlet_repeats_is_boilerplate() -> None:
    df, lines, cfg = DocumentFrequencies(12), LineCounts(), FeatureConfig()
    footer = "Sign up for our daily newsletter and never miss a story."
    first = Article(title="Flood", body=["Rivers rose overnight.", footer], source="a.example")
    features = article_features(first, df, lines, cfg)
    assert "newsletter" in features.vector
    lines.add("a.example", features.line_hashes)
    second = Article(title="Match", body=["The home side won.", footer], source="a.example")
    assert "newsletter" not in article_features(second, df, lines, cfg).vector
    other = Article(title="Match", body=["The home side won.", footer], source="b.example")
    assert "newsletter" in article_features(other, df, lines, cfg).vector


def test_line_counts_forget_the_oldest_beyond_capacity() -> None:
    counts = LineCounts(capacity=3)
    counts.add("s", [1, 2, 3])
    counts.add("s", [4])
    assert counts.count("s", 1) == 0 and counts.count("s", 4) == 1


def test_document_frequencies_survive_a_round_trip_through_bytes() -> None:
    df = DocumentFrequencies(bucket_bits=10)
    df.add(df.buckets(["quake", "chile"]))
    df.add(df.buckets(["quake"]))
    twin = DocumentFrequencies.from_bytes(df.to_bytes())
    assert twin.documents == 2
    assert twin.idf("quake") == df.idf("quake") < twin.idf("chile") == df.idf("chile")


def test_the_years_an_article_mentions() -> None:
    article = Article(
        title="Quake of 2005 recalled", body=["In 2013, 1,200 people and 36 homes; see 2013-09-18."]
    )
    features = article_features(article, DocumentFrequencies(bucket_bits=12), LineCounts(), FeatureConfig())
    assert features.years == frozenset({2005, 2013})  # not 1,200, 36, 09 or 18
    assert mentioned_years(["#1899", "#1900", "#2099", "#20130", "#213", "2013", "@2013"]) == frozenset(
        {1900, 2099}
    )


def test_years_conflict_when_neither_side_mentions_the_others_latest_year() -> None:
    story = [2008, 2005]
    assert years_conflict(frozenset({2013}), story)  # a later event
    assert years_conflict(frozenset({2003}), [2005])  # an earlier one
    assert not years_conflict(frozenset({2013, 2008}), story)  # it recalls the story's year
    assert not years_conflict(frozenset({2005}), story)  # background the story also mentions
    assert not years_conflict(frozenset({2008, 2001}), story)
    assert not years_conflict(frozenset(), story) and not years_conflict(frozenset({2013}), [])
