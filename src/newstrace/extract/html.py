"""Extract an :class:`Article` from an HTML page: trafilatura for the body, our own metadata.

The page is decoded once (BOM, declared charset, then charset-normalizer) and parsed once; the tree
is shared by trafilatura (which copies it), the metadata reader and the caption reader. The body
is then cleaned of what trafilatura keeps but a reader would not call the article: "Topics:" and
"Source:" lines (moved to ``topics`` / ``cited_sources``), bare picture-credit lines, captions and
paragraphs repeated by a doubled body.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field

import trafilatura
from charset_normalizer import from_bytes
from lxml.html import HtmlElement
from trafilatura.settings import Document
from trafilatura.utils import load_html

from newstrace.analyse.language import detect_language
from newstrace.extract.captions import read_captions
from newstrace.extract.cues import (
    is_image_credit_line,
    is_promo,
    names_own_site,
    parse_topics,
    site_of,
)
from newstrace.extract.errors import ExtractionError
from newstrace.extract.metadata import FallbackMetadata, read_page_metadata, resolve_metadata
from newstrace.extract.outlets import cited_sources
from newstrace.extract.text_head import wire_credit_authors
from newstrace.extract.titles import normalise_title
from newstrace.records import Article, Caption

EXTRACTED_BY = "html/1"
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# fewer words is a menu or a stub ("Home"), not an article; the shortest briefs are longer
_MIN_BODY_WORDS = 5
# a repeated short line ("Read more") is chrome; a repeated long paragraph is a doubled body
_MIN_REPEAT_WORDS = 8
# Short lines that are page furniture rather than article text: prompts to share, subscribe or
# read on, "Advertisement" labels, bare "Tags"/"Related" headings.
_CHROME_RE = re.compile(
    r"^(?:advertisement|advertising|sponsored|tags|related(?: articles| stories| posts| content)?|"
    r"you may also like|you might also like|recommended(?: for you)?|read more|read next|more from .{0,40}|"
    r"share(?: this(?: article| story| post)?)?(?: on .{0,30})?|"
    r"(?:like this story\?\s*)?share it with a friend|"
    r"follow us(?: on .{0,40})?|sign up(?: for .{0,60})?|subscribe(?: to .{0,60})?|"
    r"(?:click|tap) here(?: to .{0,60})?|updated(?: at)? .{0,30}|comments?(?: \(\d+\))?)[.!:…]*$",
    re.IGNORECASE,
)
_MAX_CHROME_CHARS = 80
# "Read more: <another headline>", a bare timestamp
_POINTER_RE = re.compile(
    r"^(?:read more|related|see also|also read|read also)\s*:\s+\S"
    r"|^\d{4}-\d\d-\d\d(?:[t ][\d:.]+(?:z|[+-]\d\d:?\d\d)?)?$",
    re.IGNORECASE,
)
_MAX_POINTER_WORDS = 25
_PROMO_TAIL_LINES = 3  # newsletter, app and social-media prompts printed after the article
# a whole line that is one link this long is another article's headline; 4, 6 and 8 were tried on
# both benchmarks (WCXB body word-F1, article-extraction shingle F1): 8 was best on both
_MIN_TEASER_WORDS = 8


def decode_html(content: bytes | str) -> str:
    """Text of an HTML page: BOM, then UTF-8, then the declared charset, then a detected charset."""
    if isinstance(content, str):
        return content
    for bom, encoding in _BOMS:
        if content.startswith(bom):
            return content.decode(encoding, errors="replace")
    # valid UTF-8 with non-ASCII bytes is almost never another charset, and pages often declare
    # latin-1 while serving UTF-8; so UTF-8 is tried before the declaration
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET_RE.search(content[:4096])
    if declared:
        try:
            return content.decode(declared.group(1).decode("ascii").lower(), errors="strict")
        except (LookupError, UnicodeDecodeError):
            pass
    best = from_bytes(content[:200_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    return content.decode(encoding, errors="replace")


@dataclass(slots=True)
class CleanBody:
    """Body paragraphs with the labelled lines taken out of them."""

    paragraphs: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    cited_sources: list[str] = field(default_factory=list)
    credited: list[str] = field(default_factory=list)  # reporters a wire credit line names


def link_texts(tree: HtmlElement) -> set[str]:
    """Normalised texts of the page's links long enough to be headlines of other articles."""
    texts = set()
    for anchor in tree.iter("a"):
        text = " ".join(anchor.text_content().split())
        if len(text.split()) >= _MIN_TEASER_WORDS:
            texts.add(normalise_title(text))
    return texts


def clean_body(lines: list[str], captions: list[Caption], links: set[str] | None = None) -> CleanBody:
    """Split trafilatura's lines into paragraphs, topics, cited sources; drop credits, captions, repeats.

    A line that is entirely the text of one link (``links``) is a teaser for another article.
    """
    caption_texts = {normalise_title(c.text) for c in captions}
    links = links or set()
    body = CleanBody()
    seen: set[str] = set()
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        topics = parse_topics(line)
        if topics:
            body.topics.extend(t for t in topics if t not in body.topics)
            continue
        sources = cited_sources(line)
        if sources is not None:  # [] for a "Source:" line naming an article by its headline
            body.cited_sources.extend(s for s in sources if s not in body.cited_sources)
            continue
        if is_image_credit_line(line):
            continue
        credited = wire_credit_authors(line)
        if credited:  # "Reporting by A and B; Editing by C": a credit, not body
            body.credited.extend(name for name in credited if name not in body.credited)
            continue
        if len(line) <= _MAX_CHROME_CHARS and _CHROME_RE.match(line):
            continue
        if len(line.split()) <= _MAX_POINTER_WORDS and _POINTER_RE.match(line):
            continue
        norm = normalise_title(line)
        if norm in caption_texts or norm in links:
            continue
        if norm in seen and len(line.split()) >= _MIN_REPEAT_WORDS:
            continue
        seen.add(norm)
        body.paragraphs.append(line)
    _drop_closing_promos(body.paragraphs)
    return body


def _drop_closing_promos(paragraphs: list[str]) -> None:
    """Remove newsletter, app and social-media prompts from the last few paragraphs, in place."""
    start = max(0, len(paragraphs) - _PROMO_TAIL_LINES)
    for index in range(len(paragraphs) - 1, start - 1, -1):
        line = paragraphs[index]
        if is_promo(line) and index > 0:
            del paragraphs[index]


def _without_title(paragraphs: list[str], title: str) -> list[str]:
    """The body without the headline the extractor kept as its opening paragraph (it is the title),
    whatever its case and punctuation ("Ferry runs aground." under "Ferry Runs Aground")."""
    key = _word_key(title)
    opening = 0
    while key and opening < min(2, len(paragraphs) - 1) and _word_key(paragraphs[opening]) == key:
        opening += 1
    return paragraphs[opening:]


def _word_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", normalise_title(text)))


def _standfirst(candidate: str | None, paragraphs: list[str]) -> str | None:
    """The standfirst, unless it only repeats the body's opening (an excerpt, not a dek)."""
    if not candidate:
        return None
    opening = normalise_title(" ".join(paragraphs[:2]))
    stem = normalise_title(candidate).rstrip(".… ")
    return None if stem and stem in opening else candidate


def parse_html(text: str) -> HtmlElement:
    """The page's lxml tree; raises :class:`ExtractionError` when there is nothing to parse."""
    if not text.strip():
        raise ExtractionError("empty page")
    try:
        tree = load_html(text)
    except (ValueError, TypeError) as err:
        raise ExtractionError(f"not parseable as HTML: {err}") from err
    if tree is None:
        raise ExtractionError("not parseable as HTML")
    return tree


def extract_html_article(
    html: bytes | str, *, url: str | None = None, location: str | None = None
) -> Article:
    """The article on an HTML page, with its metadata; raises :class:`ExtractionError` if there is none."""
    tree = parse_html(decode_html(html))
    try:
        # comments off: readers' comments are not the article (WCXB and article-extraction agree)
        document = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False, include_tables=True
        )
    except Exception as err:  # a third-party failure on one hostile page must not stop a batch
        raise ExtractionError(f"extractor failed: {type(err).__name__}: {err}") from err
    if not isinstance(document, Document) or not (document.text or "").strip():
        raise ExtractionError("no article text found")
    text: str = document.text or ""
    page = read_page_metadata(tree)
    fallback = FallbackMetadata(
        title=document.title,
        author=document.author,
        date=document.date,
        sitename=document.sitename,
        description=document.description,
    )
    meta = resolve_metadata(page, url, fallback)
    captions = read_captions(tree)
    body = clean_body(text.split("\n"), captions, link_texts(tree))
    if sum(len(p.split()) for p in body.paragraphs) < _MIN_BODY_WORDS:
        raise ExtractionError("no article text found")
    topics = list(meta.topics)
    topics += [t for t in body.topics if t not in topics]
    paragraphs = _without_title(body.paragraphs, meta.title or "")
    site = site_of(meta.canonical_url or url)  # a site crediting itself on a "Source:" line cites nobody
    cited = [name for name in body.cited_sources if not names_own_site(name, site, meta.source)]
    return Article(
        title=meta.title or "",
        body=paragraphs,
        url=url,
        canonical_url=meta.canonical_url,
        source=meta.source,
        standfirst=_standfirst(meta.standfirst, paragraphs),
        authors=body.credited or meta.authors,  # a closing wire credit names the reporters
        published=meta.published,
        language=meta.language or detect_language(" ".join(paragraphs)),
        captions=captions,
        cited_sources=cited,
        topics=topics,
        extracted_by=EXTRACTED_BY,
        location=location or url,
        raw_hash=hashlib.sha256(html.encode("utf-8") if isinstance(html, str) else html).hexdigest(),
    )
