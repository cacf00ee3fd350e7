"""What kind of input some bytes are (sniffed from the content), and how to decode them to text."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import re
import zlib

from charset_normalizer import from_bytes

from newstrace.records import InputKind

SNIFF_BYTES = 65_536
GZIP_MAGIC = b"\x1f\x8b"
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
BINARY_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"RIFF", "a RIFF media file"),
)
# Labels a page declares that browsers read as a wider charset (WHATWG Encoding Standard).
CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
                   "ascii": "cp1252"}
FEED_ROOTS = {"rss", "feed", "rdf"}
HTML_TAG = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|div|p|h[1-6]|title|meta)[\s>/]", re.I)
ROOT_TAG = re.compile(r"<([A-Za-z_][\w.:-]*)")
PROLOG = re.compile(r"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*", re.S | re.I)
IN_DOC_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.I
)
URL_LINE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.I)
MAX_CONTROL_SHARE = 0.01  # text with more C0 control characters than this (besides \t\n\r\f) is binary


class UndetectableInput(ValueError):
    """Empty or binary content: ``reason`` says which, in one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def is_gzip(content: bytes) -> bool:
    return content[:2] == GZIP_MAGIC


def gunzip_capped(content: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data, refusing output past ``max_bytes`` (a gzip bomb stops there)."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(content, max_bytes + 1)
    except zlib.error as exc:
        raise UndetectableInput(f"corrupt gzip data: {exc}") from exc
    if len(out) > max_bytes:
        raise UndetectableInput(f"too large: over {max_bytes} bytes once decompressed")
    if not decompressor.eof:
        raise UndetectableInput("truncated gzip data")
    return out


def _gunzip_head(content: bytes) -> bytes:
    """The first bytes of gzip data, tolerating truncation (only for sniffing)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(content)) as handle:
            return handle.read(SNIFF_BYTES)
    except (OSError, EOFError, zlib.error):
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            return decompressor.decompress(content, SNIFF_BYTES)
        except zlib.error:
            return b""


def decode_text(content: bytes, declared: str | None = None) -> str:
    """Bytes to text: a BOM wins, then a declared charset, then UTF-8, the page's own, a detector."""
    for bom, encoding in BOMS:
        if content.startswith(bom):
            return content.decode(encoding, errors="replace")
    for candidate in (_normalise_charset(declared), "utf-8", _in_document_charset(content)):
        if candidate:
            try:
                return content.decode(candidate)
            except (UnicodeDecodeError, LookupError):
                continue
    best = from_bytes(content[:200_000]).best()
    encoding = best.encoding if best is not None else "utf-8"
    return content.decode(encoding, errors="replace")


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header, if any."""
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.I)
    return match.group(1) if match else None


def _normalise_charset(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    try:
        codecs.lookup(label)
    except LookupError:
        return None
    return CHARSET_ALIASES.get(label, label)


def _in_document_charset(content: bytes) -> str | None:
    match = IN_DOC_CHARSET.search(content[:4096])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii", errors="ignore")
    return _normalise_charset(label)


def _decode_head(head: bytes) -> str:
    """Decode a prefix for sniffing; a multi-byte character cut at the end is dropped, not an error."""
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return codecs.getincrementaldecoder(encoding)(errors="replace").decode(head, final=False)
    try:
        return codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return decode_text(head)


def _check_not_binary(head: bytes, text: str) -> None:
    for magic, label in BINARY_MAGIC:
        if head.startswith(magic):
            raise UndetectableInput(f"binary content ({label})")
    has_bom = any(head.startswith(bom) for bom, _ in BOMS)
    if b"\x00" in head and not has_bom:
        raise UndetectableInput("binary content (NUL bytes)")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if text and controls / len(text) > MAX_CONTROL_SHARE:
        raise UndetectableInput("binary content (control characters)")


def detect_kind(content: bytes, name: str | None = None) -> InputKind:
    """The kind of an input from its bytes; ``name`` only breaks ties. Raises UndetectableInput."""
    if not content.strip():
        raise UndetectableInput("empty")
    if is_gzip(content):
        inner = _gunzip_head(content)
        if inner.startswith(b"WARC/"):
            return "warc"
        raise UndetectableInput("gzip-compressed content (decompress it first)")
    head = content[:SNIFF_BYTES]
    if head.startswith(b"WARC/"):
        return "warc"
    text = _decode_head(head)
    _check_not_binary(head, text)
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("<"):
        return _markup_kind(stripped, head)
    if HTML_TAG.search(head[:4096]):
        return "html"
    if stripped.startswith("{") and _first_line_is_json(content):
        return "jsonl"
    if _is_url_list(stripped):
        return "urls"
    lowered = (name or "").lower().removesuffix(".gz")
    if lowered.endswith((".html", ".htm", ".xhtml")):
        return "html"
    return "text"


def _markup_kind(text: str, head: bytes) -> InputKind:
    body = PROLOG.sub("", text, count=1)
    match = ROOT_TAG.match(body)
    root = match.group(1).lower() if match else ""
    local = root.rsplit(":", 1)[-1]
    if local in FEED_ROOTS:
        return "feed"
    if local == "opml":
        return "opml"
    if local in {"urlset", "sitemapindex"}:
        return "sitemap"
    if local == "html" or HTML_TAG.search(head[:SNIFF_BYTES]):
        return "html"
    return "text"


def _first_line_is_json(content: bytes) -> bool:
    start = len(content) - len(content.lstrip())
    end = content.find(b"\n", start)
    line = content[start : end if end >= 0 else len(content)]
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, UnicodeDecodeError):
        return False


def _is_url_list(text: str) -> bool:
    lines = [line.strip() for line in text.splitlines()[:200]]
    lines = [line for line in lines if line and not line.startswith("#")]
    return bool(lines) and all(URL_LINE.match(line) for line in lines)
