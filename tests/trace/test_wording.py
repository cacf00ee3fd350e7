"""How surely a wording states its claim: headlines that name their source, hedging words, figures."""

from __future__ import annotations

from newstrace.trace.wording import figures, headline_label, hedges, takes_as_fact


def test_a_headline_naming_its_source_attributes_its_claim() -> None:
    assert headline_label("Report: Harbour City reject third offer") == "Report"
    assert headline_label("Net dye linked to skin rash, study finds") == "study finds"
    assert headline_label("Crane driver had no links to the union — head of the port board") == (
        "head of the port board"
    )
    assert headline_label("A Study Linked Net Dye to Skin Rash.") is not None
    assert headline_label("Five dead as crane falls on the quay") is None
    assert headline_label("Crane falls") is None


def test_a_wording_hedges_by_its_certainty_its_cue_or_its_own_words() -> None:
    assert hedges("hedged", [], "The crane reportedly fell.")
    assert hedges("attributed", ["claimed"], "The Front claimed the attack.")
    assert hedges("attributed", ["revealed"], "The paper revealed that the dye appeared to cause a rash.")
    assert not hedges("attributed", ["said"], "Five died, police said.")
    assert not hedges("attributed", ["said"], "The quay reopens on 3 May, the port said.")  # a month
    assert takes_as_fact("attributed", ["showed"], "The report showed that the dye caused a rash.")
    assert not takes_as_fact("attributed", ["said"], "The dye may cause a rash, Jan Roe said.")


def test_figures_in_digits_and_words() -> None:
    assert figures("Four people were killed and four hurt.") == {4.0}
    assert figures("At least 5 people died in a town of 50,000.") == {5.0, 50000.0}
