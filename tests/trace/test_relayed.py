"""Primary sources: a statement several articles quote counts once; an unnamed source's words
repeated word for word join the repeating article to the report that had them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newstrace.records import Article, Claim
from newstrace.trace.provenance import trace_story

START = datetime(2031, 3, 4, 8, tzinfo=UTC)
STATEMENT = (
    "“The crane failed during a routine lift and no one was hurt, and the quay will stay closed while "
    "engineers inspect the remaining cranes,”"
)


def _article(key: int, body: list[str]) -> Article:
    return Article(title=f"Harbour report {key}", body=body, id=key, published=START + timedelta(hours=key))


def _claim(sentence: str, source: str | None, kind: str, cue: str | None = None) -> Claim:
    return Claim(sentence, 0, len(sentence), "attributed", [], source, kind, cue)  # type: ignore[arg-type]


def test_one_press_statement_relayed_by_three_articles_is_one_source_not_one_family() -> None:
    leads = [
        "A loading crane toppled onto the northern quay of Port Evander on Tuesday.",
        "Dock workers ran for cover as the tall gantry bent and fell across two berths.",
        "Ferries kept sailing from the southern terminal despite the accident at the port.",
    ]
    articles, claims = [], {}
    for key, lead in enumerate(leads, 1):
        quoted = f"{STATEMENT} the Evander Harbour Authority said."
        articles.append(_article(key, [lead, quoted]))
        claims[str(key)] = [_claim(quoted, "the Evander Harbour Authority", "organisation", "said")]
    prov = trace_story(articles, claims)
    (source,) = prov.primary_sources
    assert source.name == "Evander Harbour Authority" and source.article_keys == ["1", "2", "3"]
    assert not source.exclusive
    assert prov.independent_families == 3  # relaying a public statement is no derivation


def test_an_unnamed_sources_words_repeated_join_one_family() -> None:
    told = "A source told The Harbour Post: ‘The owners have been selling the boats one by one since spring.’"
    said = "A source said: ‘The owners have been selling the boats one by one since spring.’"
    articles = [
        _article(1, ["The shipyard at Port Evander may close within the year.", told]),
        _article(2, ["Workers at the Evander yard fear for their jobs after a bad winter.", said]),
    ]
    claims = {
        "1": [_claim(told, "A source", "anonymous", "told")],
        "2": [_claim(said, "A source", "anonymous", "said")],
    }
    prov = trace_story(articles, claims)
    (source,) = prov.primary_sources
    assert source.exclusive and source.name == "an unnamed source speaking to The Harbour Post"
    assert prov.families == [["1", "2"]]
    assert not prov.edges  # the shared words are a quotation: no text reuse between the two


def test_a_quotation_only_one_article_carries_with_no_speaker_is_left_out() -> None:
    body = ["The shipyard may close.", "“We have heard nothing from the owners since the winter,” one said."]
    prov = trace_story([_article(1, body)], {"1": []})
    assert prov.primary_sources == []


def test_a_quotation_over_two_paragraphs_is_its_named_speakers_and_a_stock_phrase_joins_no_statements() -> (
    None
):
    opened = "“The results of the review are contrary to decades of research on nets and their dyes."
    closed = "As shown by years of safe use,” said Ada Marsh, director of the Net Makers Council."
    other = (
        "“More review is needed, but in an abundance of caution it might make sense to wash,” Ben Rook said."
    )
    stock = (
        "“In an abundance of caution it might make sense to close the quay for the whole weekend while the "
        "cranes on the northern berths are checked,” Ada Marsh said."
    )
    articles = [_article(1, [other, opened, closed]), _article(2, [opened, closed]), _article(3, [stock])]
    claims = {
        # the claims analysis gives the quotation's first sentence to the speaker before it
        "1": [_claim(other, "Ben Rook", "person", "said"), _claim(opened, "Ben Rook", "person", "said"),
              _claim(closed, "Ada Marsh", "person", "said")],
        "2": [_claim(closed, "Ada Marsh", "person", "said")],
        "3": [_claim(stock, "Ada Marsh", "person", "said")],
    }  # fmt: skip
    prov = trace_story(articles, claims)
    speakers = {s.name: s.article_keys for s in prov.primary_sources}
    assert speakers == {"Ada Marsh": ["1", "2", "3"], "Ben Rook": ["1"]}
    (marsh,) = [s for s in prov.primary_sources if s.name == "Ada Marsh"]
    assert [st.article_keys for st in marsh.statements] == [["1", "2"], ["3"]]


def test_a_quotation_of_several_paragraphs_is_its_first_speakers_not_a_name_inside_it() -> None:
    first = "Professor Ada Marsh said: ‘Nine nests may seem few, but they are the first seen in forty years."
    second = "‘This survey finds the marsh is a main refuge for the birds on their way north in spring."
    third = "‘What worries us most is how fast the water has been rising along the southern bank.’"
    articles = [_article(1, ["Rare herons are nesting again in the Evander marsh.", first, second, third])]
    claims = {
        "1": [
            _claim(first, "Professor Ada Marsh", "person", "said"),
            # the claims analysis takes the survey the speaker mentions for the source of her words
            _claim(second, "This survey", "footage", "finds"),
            _claim(third, "This survey", "footage"),
        ]
    }
    prov = trace_story(articles, claims)
    assert [(s.name, s.kind) for s in prov.primary_sources] == [("Ada Marsh", "person")]


def test_a_quotation_of_several_paragraphs_named_at_its_end_is_that_speakers() -> None:
    before = "“The ferry will keep its winter timetable until April,” Ben Rook said on Monday."
    first = "“Nine nests may seem few, but they are the first seen on the island in forty years."
    last = "“What worries us most is how fast the water is rising along the bank,” said Ada Marsh."
    articles = [_article(1, ["Rare herons are nesting again on the island.", before, first, last])]
    claims = {
        "1": [
            _claim(before, "Ben Rook", "person", "said"),
            # the claims analysis carries the speaker before over to the next quotation's first sentence
            _claim(first, "Ben Rook", "person"),
            _claim(last, "Ada Marsh", "person", "said"),
        ]
    }
    prov = trace_story(articles, claims)
    said = {s.name: [st.quotation[:12] for st in s.statements] for s in prov.primary_sources}
    assert said == {"Ada Marsh": ["“Nine nests "], "Ben Rook": ["“The ferry w"]}
