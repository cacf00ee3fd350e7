"""A wire story reposted with its dateline: the paragraph the dateline opens is the lead (never the
standfirst), names the outlet, and a lead sentence about a study published in a journal stays body."""

from __future__ import annotations

from newstrace.extract.lines import split_page_lines
from newstrace.extract.text import assemble_article
from newstrace.extract.text_head import is_published_note

_PAGE = [
    "Tiny plastic scraps found in harbour fish, researchers say",
    "(Quayside Wire) – The tiny flakes of plastic that wash into the bay are ending up inside the fish "
    "that people eat, researchers said.",
    "Biologists in Port Calder found fragments in nearly every fish they sampled, according to a new study "
    "published Tuesday in the journal Coastal Fisheries Letters.",
    "The team caught more than four hundred fish over two summers and examined their stomachs and gills "
    "under a microscope.",
    "“We were surprised by how common it was,” the study's lead author said in an interview.",
    "The researchers said more work was needed to understand whether the fragments harm the fish or the "
    "people who eat them.",
]


def test_a_dateline_lead_the_line_model_doubted_is_body_and_names_the_outlet() -> None:
    lines = split_page_lines("\n\n".join(_PAGE))
    probabilities = [0.0, 0.2, 0.3, 0.9, 0.9, 0.9]  # the two lead paragraphs doubted
    article = assemble_article(lines, probabilities, 0.5)
    assert article.standfirst is None
    assert article.body == _PAGE[1:]
    assert article.source == "Quayside Wire"


def test_a_study_published_in_a_journal_is_no_publication_note() -> None:
    assert not is_published_note("The report was published March 4, 2021 in the journal Harbour Ecology.")
    assert is_published_note("This article was published March 4, 2021 at 4:30 a.m.")
