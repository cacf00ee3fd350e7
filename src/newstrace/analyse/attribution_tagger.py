"""A sequence tagger (linear-chain CRF) that marks the cue, source and content words of a sentence.

The rules of ``attribution`` find attributions from a lexicon and a few word-order patterns; they
miss the long tail of cues and draw span edges their own way. The tagger reads a sentence's tokens
with BIO tags for the three roles (``B-cue``, ``I-source``, ``O`` …) and decides the spans from
generic features only: a token's lower-cased form when it is a common English word of the
vocabulary (else its shape), a three-letter suffix, its word class, lexicon memberships (reporting
verb, role noun, outlet word …), quotation marks around it, the cue model's score, where it lies
relative to the cues the rules found, and the rules' own role for it (so the tagger corrects the
rules rather than starting from nothing). The same features of the two tokens either side are
added. No n-grams of any text and no names are used, so the model holds no text of its training
articles.

The model (``src/newstrace/data/claims/attribution_tagger.crfsuite``, with its vocabulary and note
in ``attribution_tagger.json``) was fitted by ``benchmarks/train_attribution_tagger.py`` on PolNeAR
train with python-crfsuite; its settings were chosen on a held-out part of train. A token the best
tag path leaves ``O`` still takes a role whose marginal probability reaches that role's threshold
(cue and source 0.4, content 0.3, chosen on the held-out part from 0.2, 0.3, 0.4 and none). Needs
the ``python-crfsuite`` package; without it (or the model) ``load_tagger`` gives None and
``find_attributions`` uses the rules alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newstrace.analyse.cue_model import stem, word_class
from newstrace.analyse.lexicon import QUOTE_CHARS, Lexicon, Token
from newstrace.records import Span

ROLES = ("cue", "source", "content")
_MODEL_FILE = "claims/attribution_tagger.crfsuite"
_META_FILE = "claims/attribution_tagger.json"


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    """A run of tokens tagged with one role: ``tokens[first : last + 1]``."""

    role: str
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class TaggerInput:
    """A sentence as the rules saw it: its span, tokens and the cue model's score per token."""

    span: Span
    tokens: list[Token]
    scores: list[float | None]


@dataclass(frozen=True, slots=True)
class SentenceView:
    """What the tagger knows of one sentence.

    ``rule_tags``: per token, the rules' BIO tag (``B-cue`` …, or ``O``); ``quoted``: per token,
    ``"d"`` inside a double quote, ``"s"`` inside a single one, ``""`` outside; ``scores``: the cue
    model's probability for a candidate token, else None."""

    tokens: list[Token]
    rule_tags: list[str]
    quoted: list[str]
    scores: list[float | None]


@dataclass(frozen=True, slots=True)
class RoleMark:
    """A span the rules gave one role (``cue``, ``source`` or ``content``)."""

    role: str
    span: Span


def sentence_view(sentence: TaggerInput, marks: list[RoleMark], quotes: list[Span]) -> SentenceView:
    """The tokens of ``sentence`` with the rules' BIO tags (cue before source before content) and
    the quotes around each token; ``marks`` are the rules' spans (those of other sentences are
    ignored)."""
    tokens = sentence.tokens
    start, end = sentence.span.start, sentence.span.end
    tags = ["O"] * len(tokens)
    priority = {role: rank for rank, role in enumerate(ROLES)}
    owner: list[tuple[int, int]] = [(len(ROLES), -1)] * len(tokens)
    for number, mark in enumerate(marks):
        if mark.span.end <= start or mark.span.start >= end:
            continue
        for i, token in enumerate(tokens):
            inside = mark.span.start <= token.start < mark.span.end
            if inside and priority[mark.role] < owner[i][0]:
                owner[i] = (priority[mark.role], number)
    for i, (rank, number) in enumerate(owner):
        if rank < len(ROLES):
            begins = i == 0 or owner[i - 1] != (rank, number)
            tags[i] = ("B-" if begins else "I-") + ROLES[rank]
    quoted = []
    here = [q for q in quotes if q.start < end and start < q.end]
    for token in tokens:
        around = [q for q in here if q.start <= token.start < q.end]
        quoted.append("d" if any(q.text[:1] in '"“„«' for q in around) else "s" if around else "")
    return SentenceView(tokens, tags, quoted, sentence.scores)


class AttributionTagger:
    """The packaged CRF with its word vocabulary; ``tag`` gives the BIO tags of a sentence."""

    def __init__(self, model_path: str, vocabulary: frozenset[str], thresholds: dict[str, float]) -> None:
        import pycrfsuite  # the optional binding loads only when a tagger is wanted

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(model_path)
        known = frozenset(self._tagger.labels())
        self._role_labels = {
            role: [f"{b}-{role}" for b in "BI" if f"{b}-{role}" in known]
            for role in ROLES
            if thresholds.get(role, 1.0) < 1.0
        }
        self.vocabulary = vocabulary
        self.thresholds = thresholds

    def tag(self, view: SentenceView, lexicon: Lexicon) -> list[str]:
        """The best tag sequence, where a token left ``O`` takes a role whose marginal probability
        reaches that role's threshold (chosen on held-out train: recall matters as much as precision)."""
        if not view.tokens:
            return []
        tags = list(self._tagger.tag(sentence_features(view, lexicon, self.vocabulary)))
        floor = min(self.thresholds[role] for role in self._role_labels) if self._role_labels else 1.0
        for i, tag in enumerate(tags):
            if tag != "O" or 1.0 - self._tagger.marginal("O", i) < floor:
                continue  # no role can reach its threshold: skip the per-role marginals
            best, best_p = "", 0.0
            for role, labels in self._role_labels.items():
                p = sum(self._tagger.marginal(label, i) for label in labels)
                if p >= self.thresholds[role] and p > best_p:
                    best, best_p = role, p
            if best:
                inside = i > 0 and tags[i - 1].endswith("-" + best)
                tags[i] = ("I-" if inside else "B-") + best
        return tags


@lru_cache(maxsize=1)
def load_tagger() -> AttributionTagger | None:
    """The packaged English tagger, or None when the model or python-crfsuite is missing."""
    try:
        import pycrfsuite  # noqa: F401
    except ImportError:
        return None
    data = resources.files("newstrace.data")
    model, meta = data.joinpath(_MODEL_FILE), data.joinpath(_META_FILE)
    if not model.is_file() or not meta.is_file():
        return None
    raw = json.loads(meta.read_text("utf-8"))
    thresholds = {str(k): float(v) for k, v in raw.get("thresholds", {}).items()}
    return AttributionTagger(str(model), frozenset(raw["vocabulary"]), thresholds)


def spans_of(tags: list[str]) -> list[TaggedSpan]:
    """The role spans of a BIO sequence; an ``I-`` tag after another role opens a span."""
    spans: list[TaggedSpan] = []
    role, first = "", -1
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, name = tag.partition("-")
        if role and (prefix != "I" or name != role):
            spans.append(TaggedSpan(role, first, i - 1))
            role = ""
        if prefix in {"B", "I"} and not role:
            role, first = name, i
    return spans


# ---------------------------------------------------------------- features


def _shape(text: str) -> str:
    if text.isdigit():
        return "digits"
    if not text[0].isalnum():
        return "p" + text[0] if text[0] in QUOTE_CHARS or text[0] in ",.:;!?()-—–" else "punct"
    if text.isupper() and len(text) > 1:
        return "CAPS"
    if text[0].isupper():
        return "Cap"
    return "low" if text.isalpha() else "mixed"


def _lexical(token: Token, lexicon: Lexicon) -> str:
    lower = token.lower
    if lower in lexicon.verb_forms:
        return "gated" if lower in lexicon.gated_forms else "verb"
    if lower in lexicon.pronouns:
        return "pronoun"
    for name, words in (
        ("role", lexicon.person_roles),
        ("org", lexicon.organisation_words),
        ("outlet", lexicon.outlet_words),
        ("anon", lexicon.anonymous_heads),
        ("footage", lexicon.footage_words),
    ):
        if lower in words:
            return name
    return "-"


def _distance(i: int, cues: list[int]) -> str:
    """Where the nearest rule cue is: direction and a distance bucket."""
    if not cues:
        return "none"
    nearest = min(cues, key=lambda c: abs(c - i))
    gap = abs(nearest - i)
    bucket = "0" if gap == 0 else "1" if gap == 1 else "2-3" if gap <= 3 else "4-8" if gap <= 8 else "far"
    return ("after" if nearest > i else "before") + bucket


def _token_features(view: SentenceView, i: int, lexicon: Lexicon, vocabulary: frozenset[str]) -> list[str]:
    token = view.tokens[i]
    lower = token.lower
    shape = _shape(token.text)
    word = lower if lower in vocabulary else shape
    root = stem(lower)
    return [
        f"w={word}",
        f"stem={root if root in vocabulary else '-'}",
        f"shape={shape}",
        f"cls={word_class(token)}",
        f"lex={_lexical(token, lexicon)}",
        f"rule={view.rule_tags[i]}",
        f"q={view.quoted[i]}",
    ]


_MARKERS = {"that": "that", ":": "colon", "to": "to", ",": "comma"}


def _ahead(tokens: list[Token]) -> list[str]:
    """Per token, what comes within the next four tokens that often follows a cue: "that", a colon,
    "to", an opening quote (the first one found), else "-"."""
    out: list[str] = []
    n = len(tokens)
    for i in range(n):
        found = "-"
        for j in range(i + 1, min(n, i + 5)):
            text = tokens[j].text
            lower = text.lower()
            if lower in _MARKERS and lower != ",":
                found = _MARKERS[lower]
                break
            if text in "\"“‘'":
                found = "quote"
                break
        out.append(found)
    return out


def sentence_features(view: SentenceView, lexicon: Lexicon, vocabulary: frozenset[str]) -> list[list[str]]:
    """The features of every token of a sentence, for the CRF."""
    tokens = view.tokens
    n = len(tokens)
    own = [_token_features(view, i, lexicon, vocabulary) for i in range(n)]
    cues = [i for i, tag in enumerate(view.rule_tags) if tag.endswith("-cue")]
    has_quote = any(view.quoted)
    # the word, class, lexicon and rule features of each token, as seen from a neighbour
    context = {
        offset: [[f"{offset}:" + own[j][k] for k in (0, 3, 4, 5)] for j in range(n)]
        for offset in (-2, -1, 1, 2)
    }
    ahead = _ahead(tokens)
    out: list[list[str]] = []
    for i, token in enumerate(tokens):
        lower = token.lower
        features = ["bias", *own[i], f"near={_distance(i, cues)}", f"quote_in_sentence={has_quote}"]
        features.append(f"ahead={ahead[i]}")
        features.append(f"w|ahead={own[i][0]}|{ahead[i]}")
        if token.text.isalpha() and len(lower) > 4:
            features.append(f"suf={lower[-3:]}")
        score = view.scores[i]
        if score is not None:
            features.append(f"cueprob={min(4, int(score * 5))}")
        if i == 0:
            features.append("first")
        if i == n - 1:
            features.append("last")
        for offset, prefixed in context.items():
            j = i + offset
            features.extend(prefixed[j] if 0 <= j < n else (f"{offset}:edge",))
        w0 = own[i][0]  # a word with its neighbours' classes, never two words of the text
        if i > 0:
            features.append(f"-1|0:{own[i - 1][3]}|{w0}")
        if i + 1 < n:
            features.append(f"0|+1:{w0}|{own[i + 1][3]}")
        features.append(f"rule|w:{view.rule_tags[i]}|{w0}")
        out.append(features)
    return out
