"""Input kinds are sniffed from content (real pages and archives), and bytes decode to the right text."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from http_helpers import Page, warc_bytes
from newstrace.fetch.detect import UndetectableInput, decode_text, detect_kind, gunzip_capped

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>World</title></channel></rss>"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<!-- generated -->
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title></feed>"""
RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"></rdf:RDF>"""
OPML = b'<?xml version="1.0"?>\n<opml version="2.0"><head/><body/></opml>'
URLSET = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'
INDEX = b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></sitemapindex>'


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (RSS, "feed"),
        (ATOM, "feed"),
        (RDF, "feed"),
        (OPML, "opml"),
        (URLSET, "sitemap"),
        (INDEX, "sitemap"),
        (b"<p>A fragment of a page.</p>", "html"),
        (b'{"title": "Flood warning", "text": "Rivers rose."}\n{"title": "b"}\n', "jsonl"),
        (b"# reading list\nhttps://news.example/a\n\nhttp://news.example/b?page=2\n", "urls"),
        ("Zürich – Die Polizei teilte am Montag mit …\nZweite Zeile.".encode(), "text"),
    ],
)
def test_kinds_from_content(content: bytes, kind: str) -> None:
    assert detect_kind(content) == kind


def test_the_name_does_not_override_content() -> None:
    assert detect_kind(RSS, "news.txt") == "feed"
    assert detect_kind(b"https://a.example/x\n", "page.html") == "urls"
    assert detect_kind(b"Just words, no markup.", "page.html") == "html"  # a tie the name breaks


def test_real_pages_and_their_text(real_pages: list[Page], shared_dir: Path) -> None:
    for page in real_pages:
        assert detect_kind(page.html) == "html"
    texts = sorted((shared_dir / "data" / "article-extraction" / "page-text").glob("*.txt"))[:5]
    kinds = {detect_kind(path.read_bytes(), path.name) for path in texts}
    assert kinds == {"text"}


def test_warc_plain_and_gzipped(real_pages: list[Page]) -> None:
    assert detect_kind(warc_bytes(real_pages, compress=False)) == "warc"
    assert detect_kind(warc_bytes(real_pages, compress=True)) == "warc"
    assert detect_kind(warc_bytes(real_pages, compress=True)[:3000]) == "warc"  # truncated still sniffs


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content (a PNG image)"),
        (b"%PDF-1.7\n%\xe2\xe3", "binary content (a PDF document)"),
        (b"abc\x00\x01\x02def" * 20, "binary content (NUL bytes)"),
        (bytes(range(1, 32)) * 10, "binary content (control characters)"),
        (gzip.compress(b"plain text inside"), "gzip-compressed content (decompress it first)"),
    ],
)
def test_empty_and_binary_are_refused_with_a_reason(content: bytes, reason: str) -> None:
    with pytest.raises(UndetectableInput) as refused:
        detect_kind(content)
    assert refused.value.reason == reason


def test_gunzip_is_capped_and_checks_truncation() -> None:
    bomb = gzip.compress(b"\0" * 1_000_000)
    with pytest.raises(UndetectableInput, match="too large: over 1000 bytes once decompressed"):
        gunzip_capped(bomb, 1000)
    data = gzip.compress(b"hello " * 1000)
    assert gunzip_capped(data, 10_000) == b"hello " * 1000
    with pytest.raises(UndetectableInput, match="truncated"):
        gunzip_capped(data[: len(data) // 2], 10_000)


RUSSIAN = "Москва. Президент заявил в понедельник, что переговоры продолжатся на следующей неделе. "


def test_decode_with_bom_declared_meta_and_detector() -> None:
    assert decode_text("Grüße aus Köln".encode("utf-16")) == "Grüße aus Köln"
    assert decode_text(b"\xef\xbb\xbfUTF-8 with BOM") == "UTF-8 with BOM"
    # ISO-8859-1 is read as windows-1252, as browsers do, so the euro sign survives
    assert decode_text("café €5".encode("cp1252"), "iso-8859-1") == "café €5"
    page = '<meta charset="windows-1251"><p>Привет, мир</p>'.encode("cp1251")
    assert decode_text(page) == '<meta charset="windows-1251"><p>Привет, мир</p>'
    assert decode_text((RUSSIAN * 4).encode("cp1251")) == RUSSIAN * 4  # no declaration: detected


def test_a_wrong_declaration_falls_back() -> None:
    text = "Die Bürgermeisterin äußerte sich am Dienstag."
    assert decode_text(text.encode("utf-8"), "no-such-charset") == text
    assert decode_text(text.encode("cp1252"), "utf-8") == text


def test_sniffing_a_cut_multibyte_character() -> None:
    content = ("<p>" + "é" * 40_000 + "</p>").encode()
    assert detect_kind(content) == "html"  # the 64 KiB sniff window ends inside a character
    assert detect_kind(io.BytesIO(content).read(65_535)) == "html"
