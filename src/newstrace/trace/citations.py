"""Who each article of a story names as its source, resolved to one node per source across the story.

Each article's mentions (``mentions.py``: its source lines, credits, claims' sources and reporting
patterns) become citations of nodes, one per source. Names are resolved by general normalisation
only, never a list of particular outlets: case, punctuation, a leading article, possessives, a web
address's scheme, sub-domain and top-level domain, and generic news words ("daily", "online", "news",
…) are stripped, so "The Daily Clarion", "Daily Clarion", "dailyclarion.co.uk" and "ClarionOnline" all
reduce to one key. Two more rules merge aliases: an acronym written in capitals that equals the
initials of another multi-word name (a short word in capitals gives all its letters: "US Geological
Survey" is "USGS"), and a person's lone surname that matches exactly one full name in the story. An
article under an agency's dateline counts as that agency's in the corpus.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice
from urllib.parse import urlsplit

from newstrace.records import Article, Claim
from newstrace.trace.mentions import article_mentions
from newstrace.trace.names import bare_role, role_key, split_role
from newstrace.trace.publications import host_label, is_publication
from newstrace.trace.sourcing import ADDRESSEE_CUES, IMAGE_CREDIT_CUE, OWN_TEXT_CUES, PUBLISHED_CUE, Mention

# Generic words of outlet names: stripped from a name's key when something distinctive remains.
_GENERIC_WORDS = (
    "the", "daily", "online", "news", "newspaper", "magazine", "media", "tv", "radio", "web",
    "website", "site", "official", "channel", "network", "agency", "group", "com", "net", "journal",
)  # fmt: skip
_FUNCTION_WORDS = {"of", "the", "and", "for", "de", "la", "le", "du", "&"}
_MIN_KEY = 3  # a stripped key shorter than this is too generic: keep the unstripped form


@dataclass(slots=True)
class Citation:
    """One article naming one source."""

    article_key: str
    node_key: str
    surface: str  # the name as the article wrote it
    cue: str  # "source line", "according to", "said", "link", …
    evidence: str  # the sentence or line it was found in
    in_lead: bool = False  # the article names it in its headline, standfirst or first paragraph
    sentences: list[str] = field(default_factory=list)  # every sentence of the article naming it


@dataclass(slots=True)
class CitationNode:
    """One source across the story, whatever name each article gave it."""

    key: str
    name: str  # the most frequent surface form
    kind: str  # person, organisation, outlet, footage
    aliases: list[str] = field(default_factory=list)
    cited_by: list[str] = field(default_factory=list)  # article keys
    # keys of the story's articles from this outlet: its own, or another's carrying its wire dateline
    ingested_as: list[str] = field(default_factory=list)

    @property
    def ingested(self) -> bool:
        return bool(self.ingested_as)


@dataclass(slots=True)
class CitationGraph:
    nodes: dict[str, CitationNode]
    citations: list[Citation]

    def find(self, name: str) -> str | None:
        """The node a name resolves to, if any article cited it under that name or its key (a person
        named after their role by their name: "Head of Regionia Jan Roe" is Jan Roe)."""
        role = split_role(name)
        norm = normalise_source(role[1] if role else name)
        for node in self.nodes.values():
            if norm == node.key or any(normalise_source(alias) == norm for alias in node.aliases):
                return node.key
        return None

    def cited_by(self, article_key: str) -> set[str]:
        """The node keys one article cites."""
        return {c.node_key for c in self.citations if c.article_key == article_key}


def article_key(article: Article) -> str:
    """How provenance names an article: its store id, else its canonical URL or content hash."""
    return str(article.id) if article.id is not None else article.key


def normalise_source(name: str) -> str:
    """The key two names of one source share (see the module docstring for the rules)."""
    acronym = _ACRONYM_RE.search(name)
    if acronym:  # "the state-run Korean Central News Agency (KCNA)", "the Harbour Front (HF) group"
        name = acronym.group(1)
    label = host_label(name)
    text = fold_accents(label if label is not None else name.lower())
    text = re.sub(r"['’]s\b", "", text)
    words = re.findall(r"\w+", text)
    while words and words[0] in {"the", "a", "an"}:
        words.pop(0)
    distinctive = [w for w in words if w not in _GENERIC_WORDS]
    compact = "".join(distinctive if len("".join(distinctive)) >= _MIN_KEY else words)
    changed = True
    while changed:  # generic words glued into one token: "dailymail", "mailonline"
        changed = False
        for generic in _GENERIC_WORDS:
            if compact.startswith(generic) and len(compact) - len(generic) >= _MIN_KEY:
                compact, changed = compact[len(generic) :], True
            if compact.endswith(generic) and len(compact) - len(generic) >= _MIN_KEY:
                compact, changed = compact[: -len(generic)], True
    return compact


_ACRONYM_RE = re.compile(r"\(([A-Z][A-Z&]{1,7})\)")


def fold_accents(text: str) -> str:
    """The text without the accents of its Latin letters: outlets spell one name with and without them
    ("Lourenço", "Lourenco"; "Müller", "Muller"), as their keyboards and styles allow."""
    out: list[str] = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char) and out and out[-1].isascii():
            continue  # a mark on a Latin letter
        out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


def _initials(name: str) -> str:
    """The letters an acronym of the name takes: each word's first, all of a word in capitals ("US
    Geological Survey" → "usgs", as "U.S. Geological Survey" reads)."""
    words = [w for w in re.findall(r"\w+", name) if w.lower() not in _FUNCTION_WORDS]
    letters = [w if w.isupper() and w.isalpha() and len(w) <= 3 else w[0] for w in words]
    return "".join(letters).lower() if len(words) >= 2 else ""


class _Aliases:
    """Union-find over normalised keys."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb, key=len)] = min(ra, rb, key=len)  # the shorter key names the node


def _merge_aliases(
    surfaces: dict[str, Counter[str]], kinds: dict[str, Counter[str]], roles: dict[str, set[str]]
) -> _Aliases:
    aliases = _Aliases()
    keys = list(surfaces)
    for key in keys:
        aliases.find(key)
    # acronyms: keys some article wrote in capitals ("AP", "BBC"), matched to a longer name's initials
    by_key = {k for k in keys if any(s.isupper() and s.isalpha() for s in surfaces[k])}
    for key in keys:
        for surface in surfaces[key]:
            initials = _initials(surface)
            if initials and initials in by_key and initials != key:
                aliases.union(key, initials)
            spelled = _ACRONYM_RE.sub(" ", surface)  # "the Harbour Front (HF) group": HF is the Harbour Front
            if spelled != surface and normalise_source(spelled) in surfaces:
                aliases.union(key, normalise_source(spelled))
    _merge_shortened(keys, surfaces, aliases)
    kind_of = {k: kinds[k].most_common(1)[0][0] for k in keys}
    people = [k for k in keys if kind_of[k] == "person"]
    for key in keys:
        if any(" " in s for s in surfaces[key]) or (
            kind_of[key] != "person" and not _lone_name(surfaces[key])
        ):
            continue
        full = [k for k in people if k != key and any(_names_person(key, s) for s in surfaces[k] if " " in s)]
        if len(full) == 1:
            aliases.union(key, full[0])
    _merge_roles(keys, surfaces, roles, aliases)
    _merge_partial_outlets([k for k in keys if kinds[k]["outlet"]], surfaces, aliases)
    _merge_definite_bodies([k for k in keys if kind_of[k] == "organisation"], surfaces, aliases)
    return aliases


# A lone given name shortened to at least this many letters still names one person ("Jan", "Jane")
_MIN_SHORT_NAME = 3


def _lone_name(surfaces: Counter[str]) -> bool:
    """One capitalised word, no acronym nor a publication's name ("Roe wrote on her blog": Roe, whatever
    kind the pattern that found it guessed)."""
    return all(re.fullmatch(r"[A-Z][a-z][\w'’-]+", s) and not is_publication(s) for s in surfaces)


def _merge_roles(
    keys: list[str], surfaces: dict[str, Counter[str]], roles: dict[str, set[str]], aliases: _Aliases
) -> None:
    """A source named by a role alone ("the head of Regionia") is the one person the story names with
    that role ("Head of Regionia Jan Roe"); not when two hold it."""
    for key in keys:
        named = {r for r in map(bare_role, surfaces[key]) if r}
        holders = [k for k in keys if k != key and named & roles.get(k, set())]
        if named and len(holders) == 1:
            aliases.union(key, holders[0])


def _names_person(key: str, full_name: str) -> bool:
    """A lone name (a normalised key) names the person ``full_name``: their surname ("Roe"),
    their given name ("Jane") or its short form ("Jan")."""
    words = [w for w in re.findall(r"\w+", fold_accents(full_name.lower())) if w not in _FUNCTION_WORDS]
    if len(words) < 2:
        return False
    given = words[0]
    return key == words[-1] or (len(key) >= _MIN_SHORT_NAME and given.startswith(key))


# A word of a journal's name abbreviated keeps at least this many of its first letters ("Netw", "Med")
_MIN_ABBREVIATION = 3


def _abbreviates(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """``short`` is ``full`` with words cut short, as references print journals ("Harbour Med Open" for
    "Harbour Medicine Open"): word for word equal or its first letters, at least one cut."""
    if len(short) != len(full) or short == full:
        return False
    return all(
        s == f or (len(s) >= _MIN_ABBREVIATION and f.startswith(s)) for s, f in zip(short, full, strict=True)
    )


def _merge_abbreviated_journals(
    journals: list[str], surfaces: dict[str, Counter[str]], aliases: _Aliases
) -> None:
    """A journal named in its abbreviated form ("Harbour Med Open") is the one journal of the story whose
    full name it abbreviates; not when two do. Only journals (a study "published in" one, a reference):
    an outlet's name cut short may be another outlet's ("Sun Times", "Sunday Times")."""
    words = {k: {_name_words(s) for s in surfaces[k]} for k in journals}
    for key in journals:
        fuller = [
            other
            for other in journals
            if other != key and any(_abbreviates(s, f) for s in words[key] for f in words[other])
        ]
        if len(fuller) == 1:
            aliases.union(key, fuller[0])


def _merge_partial_outlets(outlets: list[str], surfaces: dict[str, Counter[str]], aliases: _Aliases) -> None:
    """An outlet named by one word of one longer outlet name of the story ("the Mail" and "The Mail on
    Sunday") is that outlet; not when two longer names hold the word ("Sunday Times", "New York Times")."""
    words = {k: {_name_words(s) for s in surfaces[k]} for k in outlets}
    for key in outlets:
        single = {w[0] for w in words[key] if len(w) == 1}
        longer = [
            other
            for other in outlets
            if other != key and any(len(o) > 1 and set(o) & single for o in words[other])
        ]
        if len(longer) == 1:
            aliases.union(key, longer[0])


def _merge_definite_bodies(bodies: list[str], surfaces: dict[str, Counter[str]], aliases: _Aliases) -> None:
    """A body the article points at in lower case ("the police", "the service") is the one named body
    of the story whose name holds its head word ("Harbour Police Service"); not when two names do."""
    named = {
        k: {w for s in surfaces[k] for w in _name_words(s)}
        for k in bodies
        if any(any(w[:1].isupper() for w in s.split()[1:] + s.split()[:1]) for s in surfaces[k])
    }
    for key in bodies:
        pointed = [s for s in surfaces[key] if s.islower()]
        if not pointed or key in named:
            continue
        heads = {_name_words(s)[-1] for s in pointed if _name_words(s)}
        holders = [other for other, held in named.items() if other != key and heads & held]
        if len(holders) == 1:
            aliases.union(key, holders[0])


def _name_words(surface: str) -> tuple[str, ...]:
    words = re.findall(r"\w+", re.sub(r"['’]s\b", "", fold_accents(surface.lower())))
    while words and words[0] in {"the", "a", "an"}:
        words.pop(0)
    return tuple(words)


def _merge_shortened(keys: list[str], surfaces: dict[str, Counter[str]], aliases: _Aliases) -> None:
    """A multi-word name that ends a longer one ("Coast Guard" in "the US Coast Guard") names the same
    source, when exactly one longer name ends with it (not both "US" and "Canadian Coast Guard")."""
    words = {k: {_name_words(s) for s in surfaces[k]} for k in keys}
    for key in keys:
        short = [w for w in words[key] if len(w) >= 2]
        longer = [
            other
            for other in keys
            if other != key
            and any(len(o) > len(w) and o[-len(w) :] == w for w in short for o in words[other])
        ]
        if len(longer) == 1:
            aliases.union(key, longer[0])


KeyedMentions = dict[str, list[tuple[str, Mention]]]  # article key → (normalised key, mention)


def _cue_rank(cue: str) -> int:
    """How much a cue says the article rests on the source: its own text, a report, a quotation given
    to it, a picture."""
    if cue in OWN_TEXT_CUES:
        return 0
    return 2 if cue in ADDRESSEE_CUES else 3 if cue == IMAGE_CREDIT_CUE else 1


def _node_name(names: Counter[str], kind: str) -> str:
    """The most frequent proper name ("Harbour Police Service" over "the police"); for a person, their
    most frequent full name ("Jane Roe" over "Roe", "Jan"). A source only linked to is named by its
    address's host ("harbourstats.example.org"), not the page's full address."""
    ranked = [n for n, _ in names.most_common()]
    proper = [n for n in ranked if not n.islower()]
    full = [n for n in proper if " " in n.strip()] if kind == "person" else []
    name = (full or proper or ranked)[0]
    if re.match(r"https?://", name):
        host = urlsplit(name).hostname
        return host.removeprefix("www.") if host else name
    return name


# The lead: the headline, the standfirst and the body's first sentence, and its second when the first is
# shorter than this (a dateline, a kicker: "Shootout in the hills.")
_SHORT_SENTENCE = 80
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘'A-Z])")


def _lead_end(article: Article) -> int:
    """Where the lead ends in the article's body text (joined by new lines)."""
    body = "\n".join(article.body)
    ends = [m.end() for m in islice(_SENTENCE_END_RE.finditer(body), 2)] + [len(body)]
    return ends[1] if ends[0] < _SHORT_SENTENCE and len(ends) > 1 else ends[0]


def _in_lead(evidence: str, article: Article, lead_end: int) -> bool:
    """The sentence is the article's headline or standfirst, or opens its body (see _SHORT_SENTENCE)."""
    said = evidence.strip()[:60]
    if not said:
        return False
    if said in article.title or said in (article.standfirst or ""):
        return True
    return 0 <= "\n".join(article.body).find(said, 0, lead_end + len(said)) < lead_end


def resolve_citations(
    articles: list[Article], claims_by_article: dict[str, list[Claim]], known: KeyedMentions | None = None
) -> CitationGraph:
    """Every source the story's articles name, one node per source (``claims_by_article`` by article key).

    ``known`` keeps each article's mentions between calls (a story's trace grows one article at a
    time): an article already in it is not read again."""
    known = {} if known is None else known
    found: list[tuple[str, str, Mention]] = []  # (article key, normalised key, mention)
    outlet_of: dict[str, str] = {}
    wires: list[tuple[str, str]] = []  # (article key, the agency whose dateline it carries)
    for article in articles:
        key = article_key(article)
        own = normalise_source(article.source) if article.source else ""
        if own:
            outlet_of[key] = own
        if key not in known:
            known[key] = [
                (normalise_source(m.surface), m)
                for m in article_mentions(article, claims_by_article.get(key, []))
            ]
        found += [(key, norm, m) for norm, m in known[key] if len(norm) >= 2 and norm != own]
        wires += [(key, norm) for norm, m in known[key] if m.cue in OWN_TEXT_CUES and len(norm) >= 2]
    # an article that signs a text as an outlet's own cites that outlet under no other cue
    found.sort(key=lambda item: item[2].cue not in OWN_TEXT_CUES)
    surfaces: dict[str, Counter[str]] = {}
    kinds: dict[str, Counter[str]] = {}
    roles: dict[str, set[str]] = {}
    for _, norm, mention in found:
        surfaces.setdefault(norm, Counter())[mention.surface] += 1
        kinds.setdefault(norm, Counter())[mention.kind] += 1
        if mention.role:
            roles.setdefault(norm, set()).add(role_key(mention.role))
    aliases = _merge_aliases(surfaces, kinds, roles)
    _merge_abbreviated_journals(sorted({n for _, n, m in found if m.cue == PUBLISHED_CUE}), surfaces, aliases)
    nodes: dict[str, CitationNode] = {}
    # one citation per article and source, under its strongest cue: an article that signs a text as an
    # outlet's own cites it under no other; one that reports what an outlet said cites it for that, not
    # as the addressee of a quotation ("told X") or a picture's credit
    cited: dict[tuple[str, str], Mention] = {}
    for art_key, norm, mention in found:
        root = aliases.find(norm)
        node = nodes.setdefault(root, CitationNode(key=root, name=mention.surface, kind="organisation"))
        if mention.surface not in node.aliases:
            node.aliases.append(mention.surface)
        if art_key not in node.cited_by:
            node.cited_by.append(art_key)
        held = cited.get((art_key, root))
        if held is None or _cue_rank(mention.cue) < _cue_rank(held.cue):
            cited[(art_key, root)] = mention
    by_key = {article_key(a): a for a in articles}
    ends = {k: _lead_end(a) for k, a in by_key.items()}
    led = {(a, aliases.find(norm)) for a, norm, m in found if _in_lead(m.evidence, by_key[a], ends[a])}
    naming: dict[tuple[str, str], list[str]] = {}
    for a, norm, m in found:
        sentences = naming.setdefault((a, aliases.find(norm)), [])
        if m.evidence not in sentences:
            sentences.append(m.evidence)
    citations = [
        Citation(a, root, m.surface, m.cue, m.evidence, (a, root) in led, naming[(a, root)])
        for (a, root), m in cited.items()
    ]
    for root, node in nodes.items():
        members = [k for k in surfaces if aliases.find(k) == root]
        votes = sum((kinds[k] for k in members), Counter())
        node.kind = votes.most_common(1)[0][0] if votes else "organisation"
        names = sum((surfaces[k] for k in members), Counter())
        node.name = _node_name(names, node.kind)
        node.ingested_as = [a for a, own in outlet_of.items() if aliases.find(own) == root or own == root]
        # an article under an agency's dateline is that agency's copy, whoever carries it
        node.ingested_as += [
            a for a, norm in wires if aliases.find(norm) == root and a not in node.ingested_as
        ]
    return CitationGraph(nodes, citations)
