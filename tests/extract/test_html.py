"""HTML extraction: real pages from the shared data sets, hostile input, captions and labelled lines.

Article-extraction pages: scrapinghub/article-extraction-benchmark (Zyte), MIT licence.
WCXB pages: Web Content eXtraction Benchmark (Murrough Foley 2026), CC BY 4.0.
"""

from __future__ import annotations

import codecs
import gzip
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from newstrace.extract.errors import ExtractionError
from newstrace.extract.html import clean_body, decode_html, extract_html_article
from newstrace.records import Caption


def _f1(predicted: str, reference: str) -> float:
    pred, ref = Counter(re.findall(r"\w+", predicted.lower())), Counter(re.findall(r"\w+", reference.lower()))
    overlap = sum((pred & ref).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(pred.values()), overlap / sum(ref.values())
    return 2 * p * r / (p + r)


ARTICLE = """<html lang="en-GB"><head><meta charset="utf-8">
<title>Floods close the valley road | The Valley Post</title>
<meta property="og:site_name" content="The Valley Post">
<link rel="canonical" href="/news/floods">
<meta name="description"
 content="Heavy rain shut the only road through the valley for two days, the council said.">
<meta property="article:tag" content="Weather"><meta property="article:tag" content="Transport">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"NewsArticle","headline":"Floods close the valley road","datePublished":"2024-03-05T08:00:00Z",
  "author":{"@id":"#p1"}},{"@type":"Person","@id":"#p1","name":"Jane Example"}]}</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article>
<h1>Floods close the valley road</h1>
<p class="byline">By <a rel="author" href="/jane">Jane Example</a> | 5 March 2024</p>
<p>Heavy rain shut the only road through the valley on Tuesday, leaving three villages cut off for two
days while council crews cleared mud and fallen trees from the carriageway near the old bridge.</p>
<figure><img src="a.jpg"><figcaption>Water covers the road near the bridge.
<span class="credit">Photo: Sam Lens</span></figcaption></figure>
<p>The council said the road would reopen on Thursday morning once engineers had checked the bridge supports,
and that a temporary footpath had been opened for residents who needed to reach the shops in town.</p>
<p>Residents said the road had flooded four times in the past ten years and asked the council to raise it,
a request the council said it would consider when it sets next year's budget for highway repairs.</p>
<p>Topics: Weather, Transport, Local news</p>
<p>Source: Valley Council, Met Office</p>
</article><footer>© The Valley Post</footer></body></html>"""


def test_synthetic_article_fields() -> None:
    article = extract_html_article(ARTICLE.encode("utf-8"), url="https://valley.example/news/floods?x=1")
    assert article.title == "Floods close the valley road"
    assert article.authors == ["Jane Example"]
    assert article.published is not None and article.published.date().isoformat() == "2024-03-05"
    assert article.canonical_url == "https://valley.example/news/floods"
    assert article.language == "en"
    assert article.source == "The Valley Post"
    assert article.extracted_by == "html/1"
    assert "Weather" in article.topics and "Local news" in article.topics
    assert article.cited_sources == ["Valley Council", "Met Office"]
    assert not any(p.startswith(("Topics:", "Source:")) for p in article.body)
    assert any(p.startswith("Heavy rain shut") for p in article.body)
    assert (
        article.standfirst
        == "Heavy rain shut the only road through the valley for two days, the council said."
    )


def test_excerpt_is_not_a_standfirst_and_language_is_detected() -> None:
    opening = "Heavy rain shut the only road through the valley on Tuesday, leaving three villages cut off"
    page = ARTICLE.replace(' lang="en-GB"', "").replace(
        "Heavy rain shut the only road through the valley for two days, the council said.", opening + "…"
    )
    article = extract_html_article(page)
    assert article.standfirst is None
    assert article.language == "en"


def test_caption_with_credit() -> None:
    article = extract_html_article(ARTICLE, url="https://valley.example/news/floods")
    assert Caption(text="Water covers the road near the bridge.", credit="Sam Lens") in article.captions
    assert not any("Sam Lens" in p for p in article.body)


def test_doubled_body_is_deduplicated() -> None:
    paragraph = (
        "The same long paragraph is printed twice by the page template for mobile and desktop readers."
    )
    body = clean_body([paragraph, "Short line", paragraph, "Short line"], [])
    assert body.paragraphs == [paragraph, "Short line", "Short line"]


def test_page_furniture_and_teasers_leave_the_body() -> None:
    teaser = "Council votes to raise the valley road after a decade of floods"
    lines = [
        "The road reopened on Thursday after engineers checked the bridge supports.",
        "Advertisement",
        "Read more: " + teaser,
        teaser,
        "2024-03-05T08:00:00Z",
        "Share this article",
        "Residents said the road had flooded four times in ten years.",
        "Get the day's top stories delivered to your inbox. Sign up for our newsletter.",
    ]
    body = clean_body(lines, [], {teaser.lower()})
    assert body.paragraphs == [lines[0], lines[6]]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"   ",
        "",
        b"\x00\x01\x02\xff\xfe",
        b"<html></html>",
        b"<html><body><nav>Home</nav></body></html>",
    ],
)
def test_no_article_raises_clear_error(content: bytes | str) -> None:
    with pytest.raises(ExtractionError) as info:
        extract_html_article(content)
    assert info.value.reason


def test_malformed_html_does_not_crash() -> None:
    para = "<p>" + "Words in a paragraph that never closes properly and keeps going " * 6
    hostile = "<html><body><div><div><table><tr><td>" + para * 5 + "<div" * 2000 + "</b></i></span>"
    try:
        article = extract_html_article(hostile)
    except ExtractionError:
        return
    assert article.body


def test_charsets() -> None:
    text = "<html><head><meta charset='iso-8859-1'><title>Café</title></head><body><p>naïve</p></body></html>"
    assert "Café" in decode_html(text.encode("iso-8859-1"))
    assert "naïve" in decode_html(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert "naïve" in decode_html(text.replace("iso-8859-1", "utf-8").encode("utf-8"))
    french = "<p>" + "Le préfet a déclaré que la sécurité des élèves était assurée à l'école. " * 8 + "</p>"
    undeclared = text.replace("<meta charset='iso-8859-1'>", "").replace("<p>naïve</p>", french)
    assert "sécurité des élèves" in decode_html(undeclared.encode("cp1252"))


def test_real_article_extraction_pages(shared_dir: Path) -> None:
    data = shared_dir / "data" / "article-extraction"
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:12]
    scores = []
    for page_id in ids:
        html = gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes())
        article = extract_html_article(html, url=truth[page_id]["url"])
        assert article.title
        scores.append(_f1(article.text, truth[page_id]["articleBody"]))
    assert sum(scores) / len(scores) > 0.85


def test_real_wcxb_pages_metadata(shared_dir: Path) -> None:
    data = shared_dir / "data" / "wcxb-articles"
    paths = sorted((data / "html").glob("*.html.gz"))[:20]
    dates = titles = total = 0
    for path in paths:
        truth = json.loads(
            (data / "ground-truth" / path.name.replace(".html.gz", ".json")).read_text("utf-8")
        )
        gt = truth["ground_truth"]
        article = extract_html_article(gzip.decompress(path.read_bytes()), url=truth["url"])
        total += 1
        titles += " ".join(article.title.split()).lower() == " ".join(gt["title"].split()).lower()
        if gt.get("publish_date") and article.published:
            dates += article.published.date().isoformat() == gt["publish_date"][:10]
    assert titles / total >= 0.6
    assert dates >= 8


def test_truncated_and_corrupted_real_pages_never_crash(shared_dir: Path) -> None:
    data = shared_dir / "data" / "article-extraction" / "html"
    html = gzip.decompress(sorted(data.glob("*.html.gz"))[3].read_bytes())
    variants = [html[: len(html) * k // 7] for k in range(1, 7)]
    variants += [html.replace(b"<", b"\xff<", 500), html[::2], b"<html>" * 20_000]
    for variant in variants:
        try:
            article = extract_html_article(variant)
        except ExtractionError as err:
            assert err.reason
        else:
            assert article.body and article.extracted_by == "html/1"


def test_a_headline_kept_as_the_first_paragraph_is_the_title_not_body() -> None:
    page = ARTICLE.replace("<h1>Floods close the valley road</h1>", "<p>Floods close the valley road</p>")
    article = extract_html_article(page)
    assert article.title == "Floods close the valley road"
    assert article.body[0].startswith("Heavy rain shut")


def test_a_headline_kept_as_the_first_paragraph_is_dropped_whatever_its_case_and_punctuation() -> None:
    page = ARTICLE.replace("<h1>Floods close the valley road</h1>", "<p>FLOODS CLOSE THE VALLEY ROAD.</p>")
    article = extract_html_article(page)
    assert article.body[0].startswith("Heavy rain shut")


def test_a_wire_credit_closing_an_html_story_is_its_authors_not_its_body() -> None:
    html = (
        "<html><head><title>Ferry operator cuts winter routes | Harbour Wire</title></head><body>"
        "<article><h1>Ferry operator cuts winter routes</h1>"
        "<p>HARBOURTOWN (Reuters) - The ferry operator said on Monday it would cut its winter routes after a "
        "fall in passenger numbers, blaming higher fuel costs and a strike that kept boats in port.</p>"
        "<p>The company expects to restore the routes in the spring, a spokesman said, adding that no jobs "
        "would be lost and that crews would move to the summer timetable early.</p>"
        "<p>Reporting by Ada Marsh and Ben Quay; Editing by Cy Dock</p></article></body></html>"
    )
    article = extract_html_article(html, url="https://harbourwire.example/ferry")
    assert article.authors == ["Ada Marsh", "Ben Quay"]
    assert not any("Reporting by" in paragraph for paragraph in article.body)
