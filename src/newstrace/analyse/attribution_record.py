"""The attribution record shared by the rules (``attribution``) and the tagger's assembly
(``tagged_attributions``): one reported statement with its cue, source and content."""

from __future__ import annotations

from dataclasses import dataclass

from newstrace.records import SourceKind, Span


@dataclass(slots=True)
class Attribution:
    """One reported statement: its cue, source (may be absent) and content, with character offsets."""

    cue: Span
    source: Span | None
    content: Span | None
    source_kind: SourceKind = "none"
    source_name: str | None = None  # the name a reader would give: "Jane Doe", "example.ru"
    sentence_index: int = -1
    lemma: str = ""
    passive: bool = False
    resolved: bool = False  # the source was a pronoun resolved to an earlier speaker
    dropped: bool = False  # no subject in a pro-drop language ("Añadió que …"): the last speaker's
    learned: bool = False  # the cue was found by a learned model, not the lexicon
    adverbial: bool = False  # in an "as" clause ("…, as the Times reported", "como denunció el NYT")
    # the whole cue as annotated corpora draw it ("has promised", "wrote:", "is reported to"), when
    # the tagger found it; ``cue`` is then its reporting word ("promised", "wrote")
    cue_phrase: Span | None = None


def with_content_text(attributions: list[Attribution], text: str) -> list[Attribution]:
    """Each attribution's content span carrying its text (spans are found on offsets alone)."""
    for attribution in attributions:
        if attribution.content is not None:
            c = attribution.content
            attribution.content = Span(c.start, c.end, text[c.start : c.end])
    return attributions
