"""An article's paragraphs cut into segments so a template can mark its claims and their cue words.

Segments are plain text with a certainty (or None) and a cue flag; the template escapes each one, so
marking never builds HTML from article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newstrace.records import Article, Claim


@dataclass(slots=True)
class Segment:
    text: str
    certainty: str | None = None  # set inside a claim
    cue: bool = False  # one of the words that decided the claim's certainty
    claim: int | None = None  # index of the claim in the article's list


def _claim_spans(paragraph: str, claims: list[Claim]) -> list[tuple[int, int, int]]:
    """(start, end, claim index) of each claim found in the paragraph, non-overlapping, in order."""
    spans: list[tuple[int, int, int]] = []
    for index, claim in enumerate(claims):
        start = paragraph.find(claim.sentence) if claim.sentence else -1
        if start >= 0:
            spans.append((start, start + len(claim.sentence), index))
    spans.sort()
    kept: list[tuple[int, int, int]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _cue_segments(sentence: str, claim: Claim, index: int) -> list[Segment]:
    cues = sorted({c for c in claim.cues if c.strip()}, key=len, reverse=True)
    if not cues:
        return [Segment(sentence, claim.certainty, False, index)]
    pattern = re.compile(r"\b(" + "|".join(re.escape(c) for c in cues) + r")\b", re.IGNORECASE)
    out: list[Segment] = []
    last = 0
    for match in pattern.finditer(sentence):
        if match.start() > last:
            out.append(Segment(sentence[last : match.start()], claim.certainty, False, index))
        out.append(Segment(match.group(), claim.certainty, True, index))
        last = match.end()
    if last < len(sentence):
        out.append(Segment(sentence[last:], claim.certainty, False, index))
    return out


def mark_paragraph(paragraph: str, claims: list[Claim]) -> list[Segment]:
    segments: list[Segment] = []
    last = 0
    for start, end, index in _claim_spans(paragraph, claims):
        if start > last:
            segments.append(Segment(paragraph[last:start]))
        segments.extend(_cue_segments(paragraph[start:end], claims[index], index))
        last = end
    if last < len(paragraph) or not segments:
        segments.append(Segment(paragraph[last:]))
    return segments


def mark_article(article: Article, claims: list[Claim]) -> list[list[Segment]]:
    """Each body paragraph as segments, claims marked with their certainty and cue words."""
    return [mark_paragraph(paragraph, claims) for paragraph in article.body]
