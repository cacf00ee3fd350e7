"""Language identification of article text, against the language each page declares.

Usage: python benchmarks/languages.py [--shared ../shared]

Table 1, gold is silver: the page's own ``<html lang>`` (first two letters), kept only where the
page declares one; the text is the benchmark's true article body, so extraction errors do not count.
Declarations can be wrong: read the misses (on 2026-11-26 two of the three misses were English pages
declaring ``de``, where py3langid said ``en``).
Data: scrapinghub article-extraction-benchmark (MIT) and WCXB article pages (CC BY 4.0).

Table 2, gold is the language read off each article by hand when the multilingual story set was
built (benchmarks/data/multilingual/articles.jsonl): its excerpt ``text``, no title added.
Excerpts are short (median 576 characters, 201 to 1195), about what a feed summary gives.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newstrace.analyse.language import detect_language

REPO = Path(__file__).resolve().parents[1]
MULTILINGUAL_SET = REPO / "benchmarks" / "data" / "multilingual" / "articles.jsonl"
LANG_ATTR = re.compile(rb"<html[^>]*?\blang=[\"']?([a-zA-Z]{2})", re.IGNORECASE)


@dataclass(slots=True)
class Page:
    corpus: str
    declared: str
    text: str


def _declared(html_gz: Path) -> str | None:
    head = gzip.decompress(html_gz.read_bytes())[:20_000]
    match = LANG_ATTR.search(head)
    return match.group(1).decode().lower() if match else None


def pages(shared: Path) -> Iterator[Page]:
    folder = shared / "data" / "article-extraction"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for page_id, record in sorted(truth.items()):
        declared = _declared(folder / "html" / f"{page_id}.html.gz")
        if declared:
            yield Page("article-extraction", declared, record["articleBody"])
    wcxb = shared / "data" / "wcxb-articles"
    for gold_file in sorted((wcxb / "ground-truth").glob("*.json")):
        declared = _declared(wcxb / "html" / f"{gold_file.stem}.html.gz")
        text = json.loads(gold_file.read_text(encoding="utf-8"))["ground_truth"].get("main_content") or ""
        if declared and text:
            yield Page("wcxb", declared, text)


def multilingual_pages(path: Path = MULTILINGUAL_SET) -> Iterator[Page]:
    """The multilingual story set's excerpts, with the language recorded when it was built."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            yield Page("multilingual", row["lang"], row["text"])


def print_accuracy(found: list[Page], heading: str) -> None:
    """Accuracy of ``detect_language`` per gold language, all languages and all but English."""
    started = time.perf_counter()
    guesses = [detect_language(p.text) for p in found]
    seconds = time.perf_counter() - started
    right, total, unknown = Counter[str](), Counter[str](), Counter[str]()
    misses = Counter[tuple[str, str]]()
    for page, guess in zip(found, guesses, strict=True):
        total[page.declared] += 1
        right[page.declared] += guess == page.declared
        unknown[page.declared] += guess is None
        if guess is not None and guess != page.declared:
            misses[(page.declared, guess)] += 1
    print(heading)
    print(f"{'language':<10}{'pages':>7}{'right':>7}{'unknown':>9}{'accuracy':>10}")
    for lang, count in total.most_common():
        print(f"{lang:<10}{count:>7}{right[lang]:>7}{unknown[lang]:>9}{right[lang] / count:>10.3f}")
    non_en = [lang for lang in total if lang != "en"]
    ne_total = sum(total[lang] for lang in non_en)
    ne_right = sum(right[lang] for lang in non_en)
    print(
        f"{'all':<10}{sum(total.values()):>7}{sum(right.values()):>7}{sum(unknown.values()):>9}"
        f"{sum(right.values()) / max(1, sum(total.values())):>10.3f}"
    )
    print(f"{'non-en':<10}{ne_total:>7}{ne_right:>7}{'':>9}{ne_right / max(1, ne_total):>10.3f}")
    if misses:
        print("misses (gold->guess): " + ", ".join(f"{g}->{p} x{n}" for (g, p), n in misses.most_common()))
    print(f"{len(found) / seconds:.0f} texts/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--multilingual", type=Path, default=MULTILINGUAL_SET)
    args = parser.parse_args()
    found = list(pages(args.shared))
    print_accuracy(
        found,
        f"language identification (py3langid) on {len(found)} article bodies, gold = declared <html lang>",
    )
    print()
    excerpts = list(multilingual_pages(args.multilingual))
    print_accuracy(
        excerpts,
        f"language identification (py3langid) on {len(excerpts)} excerpts of the multilingual story set, "
        "gold = language recorded by hand",
    )


if __name__ == "__main__":
    main()
