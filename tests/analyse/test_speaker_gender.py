"""The gender a text gives a speaker, and "he"/"she" resolved to a speaker it fits."""

from __future__ import annotations

from newstrace.analyse.attribution import find_attributions
from newstrace.analyse.speaker_gender import pronoun_gender, speaker_gender


def _sources(text: str) -> list[tuple[str, str | None]]:
    return [(a.source.text if a.source else "", a.source_name) for a in find_attributions(text)]


def _gender(text: str) -> str:
    return speaker_gender(find_attributions(text)[0])


def test_gender_from_a_title_a_gendered_word_or_the_speakers_own_pronoun() -> None:
    assert _gender("Mr Tom Reed said the bridge would reopen.") == "male"
    assert _gender("The spokeswoman, Ada Marsh, said the school was closed.") == "female"
    assert _gender("Ada Marsh said she was relieved.") == "female"
    assert _gender("Tom Reed said his team would appeal.") == "male"


def test_no_gender_when_the_text_gives_none() -> None:
    assert _gender("Ada Marsh said the school was closed.") == ""
    assert _gender("Tom Reed said Ada Marsh told her staff to leave.") == ""  # another name first
    assert _gender('"He left early," Ada Marsh said.') == ""  # a quotation's "he" is someone else
    assert pronoun_gender("they") == "" and pronoun_gender("She") == "female"


def test_she_skips_the_man_named_last_and_he_the_woman() -> None:
    text = (
        "Ada Marsh said she would appeal the ruling. Mr Tom Reed, the mayor, said the bridge would "
        'reopen. She added: "We will not give up." "The work starts on Monday," he said.'
    )
    assert _sources(text)[2:] == [("She", "Ada Marsh"), ("he", "Tom Reed")]


def test_a_speaker_of_unknown_gender_can_be_either() -> None:
    text = 'Tom Reed said he would stay. Ada Marsh, a teacher, said the school was closed. He added: "No."'
    assert _sources(text)[-1] == ("He", "Ada Marsh")  # the last speaker: nothing says otherwise


def test_a_pronoun_that_fits_no_speaker_stays_unresolved() -> None:
    attributions = find_attributions('Mr Tom Reed said the bridge would reopen. She added: "We are ready."')
    assert attributions[-1].source_name == "She" and not attributions[-1].resolved


def test_a_person_introduced_without_a_report_is_whom_a_later_he_means() -> None:
    text = (
        "Ken Doe is the director of the state fire agency. He says the two fires are the top "
        'priorities. "We are stretched," he said. Doe says more crews are coming.'
    )
    assert [name for _, name in _sources(text)] == ["Ken Doe"] * 3


def test_a_later_subject_of_the_other_gender_is_skipped() -> None:
    text = (
        "Ada Marsh said she would appeal the ruling. Governor Tom Reed has signed the budget into law. "
        'She added: "We will not give up."'
    )
    assert _sources(text)[-1] == ("She", "Ada Marsh")
