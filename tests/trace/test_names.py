"""How a source is named: the name alone, a kind of source that names no one, a role and its holder."""

from __future__ import annotations

from newstrace.records import Article, Claim
from newstrace.trace.names import (
    bare_role,
    capital_of_sentence,
    clean_name,
    kind_described,
    source_kind,
    split_role,
    without_description,
)
from newstrace.trace.provenance import trace_story


def test_a_name_is_cut_from_a_glued_sentence_a_clause_a_year_a_stamp_and_a_description() -> None:
    assert (
        clean_name("Roe added.The Harbour Association of Net Makers") == "Harbour Association of Net Makers"
    )
    assert clean_name("the Harbour Front group, posted Monday on a militant website") == "Harbour Front group"
    assert clean_name("Jane Roe, executive director of the Quay Council") == "Jane Roe"
    assert clean_name("2019 Harbour Front") == "Harbour Front"
    assert clean_name("Harbour Front' Regionian") == "Harbour Front"  # "…' Regionian affiliate"
    assert clean_name("LAST MODIFIED:") is None
    assert (
        clean_name("Scientists at the Harbour Clinic Research Institute")
        == "Harbour Clinic Research Institute"
    )
    assert without_description("Harbour Front fundamentalists") == "Harbour Front"
    assert without_description("Harbour Clinic researchers") == "Harbour Clinic"
    assert without_description("Regionian officials") == "Regionian officials"


def test_an_outlet_is_named_without_the_words_for_its_kind_and_its_country() -> None:
    assert clean_name("the Regionian HRZ daily") == "HRZ"
    assert clean_name("news agency Harbourwire") == "Harbourwire"
    assert clean_name("Harbourwire news agency") == "Harbourwire"
    assert clean_name("Regionian news site Harbourwire") == "Harbourwire"
    assert clean_name("Regionian Airlines") == "Regionian Airlines"  # no word for an outlet's kind
    assert clean_name("Regionian Investigative Committee") == "Regionian Investigative Committee"


def test_a_kind_of_source_qualified_by_a_place_or_capitalised_by_its_sentence_names_no_one() -> None:
    for described in ("Regionian news agencies", "the Regionian state news agency", "a new Swedish study",
                      "US officials"):  # fmt: skip
        assert kind_described(described), described
    assert not kind_described("Harbourwire news agency")
    assert capital_of_sentence("Seismologists", "Seismologists reported the quake struck at dawn.")
    assert capital_of_sentence("Security forces", "Security forces said houses were burnt.")
    assert not capital_of_sentence("Reuters", "Reuters reported the quake struck at dawn.")
    assert not capital_of_sentence("Quay Fire", "Quay Fire said the blaze was contained.")
    assert not capital_of_sentence("Seismologists", "The quake struck at dawn, Seismologists reported.")


def test_a_person_named_after_a_role_and_the_role_alone() -> None:
    assert split_role("Head of Regionia Jan Roe") == ("Head of Regionia", "Jan Roe")
    assert split_role("Harbourtown Mayor Ada Marsh") == ("Harbourtown Mayor", "Ada Marsh")
    assert split_role("Chief Executive Officer") is None
    assert split_role("Jan Roe") is None
    assert bare_role("the head of Regionia") == "head of regionia"
    assert bare_role("Head Start") is None


def test_the_words_correct_the_kind_a_claim_gave() -> None:
    assert source_kind("the ministry", "footage", "the ministry said in a statement") == "organisation"
    assert source_kind("Harbour Clinic", "person", "Harbour Clinic researchers say the risk is real.") == (
        "organisation"
    )
    assert source_kind("Jan Roe", "person", "Jan Roe said the risk is real.") == "person"


def test_a_person_named_after_a_bodys_possessive_is_that_person() -> None:
    said = "“We will oppose the fare rise,” said Harbour Planning Council of Evander’s Jane Roe."
    article = Article(title="Council backs fare rise", body=["The council backed the rise.", said], id=1)
    source = "Harbour Planning Council of Evander’s Jane Roe"
    claims = {"1": [Claim(said, 0, len(said), "attributed", ["said"], source, "organisation", "said")]}
    prov = trace_story([article], claims)
    assert [(n.name, n.kind) for n in prov.citations.nodes.values()] == [("Jane Roe", "person")]
    assert prov.origin.kind == "article"  # a person answering the story is no origin outside it
