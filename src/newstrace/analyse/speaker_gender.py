"""Whether a text makes a named speaker a man or a woman, so that "she said" is not given to the
last man named.

English only, from the text itself and no list of first names: a title before the name ("Mr",
"Mrs", "Sir", "Dame"), a gendered word in the source phrase ("spokeswoman", "the actress", "his
wife"), or a he/she pronoun opening what the speaker says before any other name does ("Ada Marsh
said she would appeal": the speaker is the one who would appeal). Unknown is the common answer; it
never rules a speaker out.
"""

from __future__ import annotations

import re
from typing import Literal

from newstrace.analyse.attribution_record import Attribution
from newstrace.analyse.lexicon import words_of

Gender = Literal["male", "female", ""]

_MALE_WORDS = words_of(
    "mr mr. sir lord king prince duke father son brother husband uncle nephew grandfather man boy "
    "spokesman chairman businessman congressman actor councilman policeman fireman sportsman "
    "widower boyfriend dad"
)
_FEMALE_WORDS = words_of(
    "mrs mrs. ms ms. miss dame lady queen princess duchess mother daughter sister wife aunt niece "
    "grandmother woman girl spokeswoman chairwoman businesswoman congresswoman actress "
    "councilwoman policewoman sportswoman widow girlfriend mum mom"
)
_PRONOUNS: dict[str, Gender] = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}  # fmt: skip
_WORD = re.compile(r"[\w.’']+")


def pronoun_gender(pronoun: str) -> Gender:
    """The gender a third-person singular pronoun names ("" for "they", "it", "I")."""
    return _PRONOUNS.get(pronoun.lower(), "")


def _words_gender(words: list[str]) -> Gender:
    lowers = {w.lower().strip("’'") for w in words}
    male, female = bool(lowers & _MALE_WORDS), bool(lowers & _FEMALE_WORDS)
    return "male" if male and not female else "female" if female and not male else ""


def _content_pronoun(content: str) -> Gender:
    """The gender of a he/she pronoun opening a speaker's own clause, before any other name."""
    for k, word in enumerate(_WORD.findall(content)):
        gender = _PRONOUNS.get(word.lower(), "")
        if gender:
            return gender
        if k and word[:1].isupper():  # another name first: the pronoun may be theirs
            return ""
    return ""


def speaker_gender(attribution: Attribution) -> Gender:
    """The gender the text gives a person source, from its phrase or what it says; "" if it gives none."""
    if attribution.source is None or attribution.source_kind != "person":
        return ""
    phrase = _WORD.findall(attribution.source.text)
    if len(phrase) == 1 and phrase[0].lower() in _PRONOUNS:
        return ""  # a pronoun's gender belongs to whom it is resolved to
    gender = _words_gender(phrase)
    if gender or attribution.content is None or attribution.cue.start > attribution.content.start:
        return gender  # content before its cue is a quotation: its "he" is seldom the speaker
    return _content_pronoun(attribution.content.text)
