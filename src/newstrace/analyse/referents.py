"""People a later "he" or "she" may mean whom no attribution names: the named subject of a sentence
that reports nothing ("Ken Doe is the director of the agency. He says …").

Each is returned as an attribution with an empty cue and no content: only a referent for
``attribution.resolve_speakers``, never a claim's attribution itself.
"""

from __future__ import annotations

from newstrace.analyse.attribution_record import Attribution
from newstrace.analyse.lexicon import QUOTE_CHARS, Lexicon, Token
from newstrace.analyse.phrases import sentence_subject
from newstrace.analyse.sources import classify_source, source_name
from newstrace.records import Span


def subject_referent(tokens: list[Token], text: str, index: int, lexicon: Lexicon) -> Attribution | None:
    """The person named, in two or more capitalised words, as the subject of a sentence, when a
    verb follows the name ("Governor Ada Marsh has signed …"); None otherwise."""
    if not tokens or tokens[0].text in QUOTE_CHARS or lexicon.language != "en":
        return None
    subject = sentence_subject(tokens, len(tokens), lexicon)
    if subject is None:
        return None
    first, last = subject
    run = tokens[first : last + 1]
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if len(run) < 2 or not all(t.capitalised for t in run) or after is None or not after.text.islower():
        return None
    start, end = run[0].start, run[-1].end
    phrase = text[start:end]
    if classify_source(phrase, lexicon) != "person":
        return None
    name = source_name(phrase, "person", lexicon.person_roles)
    source = Span(start, end, phrase)
    cue = Span(start, start, "")
    return Attribution(cue=cue, source=source, content=None, source_kind="person", source_name=name,
                       sentence_index=index)  # fmt: skip
