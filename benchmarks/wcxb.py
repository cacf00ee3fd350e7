"""WCXB article pages: title, author, date and body of newstrace's HTML extractor vs trafilatura alone.

Data: ../shared/data/wcxb-articles (WCXB, Web Content eXtraction Benchmark, Murrough Foley 2026,
CC BY 4.0): 711 article pages of its development split, each with its true title, author, date and
main content.

Metrics (per page, averaged over the pages that have the field in the ground truth):
  title exact     equal after Unicode NFKC, case-folding, collapsing spaces and unifying typographic
                  quotes and dashes;
  title contains  one contains the other, same normalisation;
  author exact    the byline (authors joined with ", ") equal after normalising case and spacing;
  author names    the same, also ignoring list punctuation (",", ";", "&", "and") and dots, so that
                  a list of names ["A", "B"] matches a printed "A and B";
  date            same calendar day as the true publication date;
  body word-F1    lowercased \\w+ word bags, F1 per page averaged over all pages (WCXB's evaluate.py);
  pages/s         wall-clock throughput of the whole extraction on one core.

Usage: python benchmarks/wcxb.py [--limit N] [--json] [--check-floors] [--only newstrace] [--cv]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "wcxb-articles"
FLOORS = REPO / "benchmarks" / "floors" / "wcxb.json"


@dataclass(slots=True)
class Page:
    id: str
    html: bytes
    url: str | None
    title: str | None
    author: str | None
    date: str | None
    body: str


@dataclass(slots=True)
class Prediction:
    title: str | None = None
    author: str | None = None  # authors joined with ", "
    date: str | None = None  # ISO, at least YYYY-MM-DD
    body: str = ""


@dataclass(slots=True)
class Scores:
    pages: int = 0
    title_exact: float = 0.0
    title_contains: float = 0.0
    author_exact: float = 0.0
    author_names: float = 0.0
    date: float = 0.0
    body_f1: float = 0.0
    pages_per_second: float = 0.0
    per_page: dict[str, dict[str, float]] = field(default_factory=dict)


def load_pages(data_dir: Path = DATA, limit: int | None = None, every: int = 1) -> list[Page]:
    """The benchmark's pages in id order; ``every`` > 1 keeps a fixed subset (every n-th page)."""
    pages: list[Page] = []
    for path in sorted((data_dir / "html").glob("*.html.gz"))[::every]:
        page_id = path.name.split(".")[0]
        truth = json.loads((data_dir / "ground-truth" / f"{page_id}.json").read_text(encoding="utf-8"))
        gt = truth.get("ground_truth") or {}
        pages.append(
            Page(
                id=page_id,
                html=gzip.decompress(path.read_bytes()),
                url=truth.get("url"),
                title=gt.get("title") or None,
                author=gt.get("author") or None,
                date=gt.get("publish_date") or None,
                body=gt.get("main_content") or "",
            )
        )
        if limit and len(pages) >= limit:
            break
    return pages


def normalise_text(text: str | None) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKC", text or "")
    text = text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"}))
    return " ".join(text.split()).casefold()


def normalise_names(text: str | None) -> str:
    words = re.findall(r"\w+", normalise_text(text))
    return " ".join(w for w in words if w != "and")


def word_f1(predicted: str, reference: str) -> float:
    """WCXB's body metric: F1 of lowercased \\w+ word multisets."""
    pred = re.findall(r"\w+", predicted.lower())
    ref = re.findall(r"\w+", reference.lower())
    if not ref:
        return 1.0 if not pred else 0.0
    if not pred:
        return 0.0
    overlap = sum((Counter(pred) & Counter(ref)).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / len(pred), overlap / len(ref)
    return 2 * precision * recall / (precision + recall)


def score_page(page: Page, pred: Prediction) -> dict[str, float]:
    """Per-page figures; a field is absent when the ground truth has no value for it."""
    result = {"body_f1": word_f1(pred.body, page.body)}
    if page.title:
        gt, got = normalise_text(page.title), normalise_text(pred.title)
        result["title_exact"] = float(gt == got)
        result["title_contains"] = float(bool(got) and (gt in got or got in gt))
    if page.author:
        result["author_exact"] = float(
            " ".join(page.author.lower().split()) == " ".join((pred.author or "").lower().split())
        )
        result["author_names"] = float(normalise_names(page.author) == normalise_names(pred.author))
    if page.date:
        result["date"] = float((pred.date or "")[:10] == page.date[:10])
    return result


def summarise(per_page: dict[str, dict[str, float]], seconds: float) -> Scores:
    scores = Scores(pages=len(per_page), per_page=per_page)
    for name in ("title_exact", "title_contains", "author_exact", "author_names", "date", "body_f1"):
        values = [row[name] for row in per_page.values() if name in row]
        setattr(scores, name, sum(values) / len(values) if values else 0.0)
    scores.pages_per_second = len(per_page) / seconds if seconds else 0.0
    return scores


def predict_newstrace(page: Page) -> Prediction:
    from newstrace.extract.errors import ExtractionError
    from newstrace.extract.html import extract_html_article

    try:
        article = extract_html_article(page.html, url=page.url)
    except ExtractionError:
        return Prediction()
    return Prediction(
        title=article.title,
        author=article.byline,
        date=article.published.isoformat() if article.published else None,
        body=article.text,
    )


def predict_trafilatura(page: Page) -> Prediction:
    import trafilatura

    doc = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True)
    if doc is None:
        return Prediction()
    author = ", ".join(doc.author.split("; ")) if doc.author else None
    return Prediction(title=doc.title, author=author, date=doc.date, body=doc.text or "")


def run_all(pages: Iterable[Page], systems: dict[str, Callable[[Page], Prediction]]) -> dict[str, Scores]:
    """Score every system; systems take turns page by page, so a busy machine slows them alike.

    The order of turns alternates from page to page: the second run on a page finds trafilatura's
    and htmldate's caches warm, and each system should have that luck equally often.
    """
    per_page: dict[str, dict[str, dict[str, float]]] = {name: {} for name in systems}
    elapsed = dict.fromkeys(systems, 0.0)
    names = list(systems)
    for index, page in enumerate(pages):
        for name in names if index % 2 == 0 else names[::-1]:
            predict = systems[name]
            start = time.perf_counter()
            pred = predict(page)
            elapsed[name] += time.perf_counter() - start
            per_page[name][page.id] = score_page(page, pred)
    return {name: summarise(per_page[name], elapsed[name]) for name in systems}


def run(pages: Iterable[Page], predict: Callable[[Page], Prediction]) -> Scores:
    return run_all(pages, {"system": predict})["system"]


METRICS = ("title_exact", "title_contains", "author_exact", "author_names", "date", "body_f1")


def check_floors(scores: Scores, floors: dict[str, Any]) -> list[str]:
    """Names of the metrics below their floor (``pages_per_second_ratio`` is checked by the caller)."""
    return [
        f"{name}: {getattr(scores, name):.3f} < floor {floor:.3f}"
        for name, floor in floors.items()
        if name in METRICS and getattr(scores, name) < floor
    ]


@dataclass(slots=True)
class CvResult:
    setting: str
    chosen: list[str]  # the value chosen on each fold's training pages
    held_out: float  # the metric on the held-out pages, with each fold's choice
    default: float  # the metric of the shipped default over all pages


def cross_validate(pages: list[Page], folds: int = 5) -> list[CvResult]:
    """Choose each metadata setting on ``folds - 1`` folds of pages, score it on the held-out fold.

    Each setting of :class:`MetadataPolicy` is decided on its own field's metric (date order on
    date accuracy, site-author dropping and site owners on author names, the <h1> agreement, the
    lone <h1> length and the dropped tail part on exact titles).
    Pages go to folds by position (page i to fold i mod k), a fixed and reproducible split.
    """
    import itertools

    import trafilatura

    from newstrace.extract.html import decode_html, parse_html
    from newstrace.extract.metadata import (
        FallbackMetadata,
        MetadataPolicy,
        read_page_metadata,
        resolve_metadata,
    )

    prepared = []
    for page in pages:
        tree = parse_html(decode_html(page.html))
        doc = trafilatura.bare_extraction(tree, url=page.url, with_metadata=True, include_comments=False)
        fallback = (
            FallbackMetadata()
            if doc is None
            else FallbackMetadata(
                title=doc.title,
                author=doc.author,
                date=doc.date,
                sitename=doc.sitename,
                description=doc.description,
            )
        )
        prepared.append((page, read_page_metadata(tree), fallback))

    def metric(policy: MetadataPolicy, field_name: str, indices: list[int]) -> float:
        values = []
        for i in indices:
            page, meta_page, fallback = prepared[i]
            meta = resolve_metadata(meta_page, page.url, fallback, policy)
            pred = Prediction(
                title=meta.title,
                author=", ".join(meta.authors) or None,
                date=meta.published.isoformat() if meta.published else None,
            )
            row = score_page(page, pred)
            if field_name in row:
                values.append(row[field_name])
        return sum(values) / len(values) if values else 0.0

    sources = ("meta", "jsonld", "time", "htmldate")
    grids: dict[str, tuple[str, list[MetadataPolicy]]] = {
        "date_order": (
            "date",
            [
                MetadataPolicy(date_order=order)
                for n in (2, 3, 4)
                for order in itertools.permutations(sources, n)
            ],
        ),
        "site_as_last_resort": (
            "author_names",
            [MetadataPolicy(site_as_last_resort=v) for v in (True, False)],
        ),
        "site_owner": (
            "author_names",
            [MetadataPolicy(site_owner=v) for v in (True, False)],
        ),
        "h1_agreement": (
            "title_exact",
            [MetadataPolicy(h1_agreement=v) for v in (0.4, 0.5, 0.6, 0.7, 0.8, 1.01)],
        ),
        "lone_h1_words": (
            "title_exact",
            [MetadataPolicy(lone_h1_words=v) for v in (3, 5, 7, 9, None)],
        ),
        "tail_part_words": (
            "title_exact",
            [MetadataPolicy(tail_part_words=v) for v in (None, 1, 2, 3, 4, 5, 6)],
        ),
    }
    everything = list(range(len(prepared)))
    results = []
    for setting, (field_name, grid) in grids.items():
        chosen, held = [], []
        for k in range(folds):
            test = [i for i in everything if i % folds == k]
            train = [i for i in everything if i % folds != k]
            best = max(grid, key=lambda policy: metric(policy, field_name, train))
            chosen.append(str(getattr(best, setting)))
            held.append(metric(best, field_name, test) * len(test))
        results.append(
            CvResult(
                setting=setting,
                chosen=chosen,
                held_out=sum(held) / len(everything),
                default=metric(MetadataPolicy(), field_name, everything),
            )
        )
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    parser.add_argument("--every", type=int, default=1, help="score every N-th page (a fixed subset)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--check-floors", action="store_true", help=f"exit 1 below the floors in {FLOORS.name}"
    )
    parser.add_argument("--only", choices=["newstrace", "trafilatura"], default=None)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--cv", action="store_true", help="cross-validate the metadata settings (5 folds)")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"data set missing: {args.data}", file=sys.stderr)
        return 2
    pages = load_pages(args.data, args.limit, args.every)
    if args.cv:
        print(f"{'setting':<18} {'held-out':>9} {'default':>9}  chosen per fold")
        for cv in cross_validate(pages):
            print(f"{cv.setting:<18} {cv.held_out:>9.3f} {cv.default:>9.3f}  {' | '.join(cv.chosen)}")
        return 0
    systems = {"newstrace": predict_newstrace, "trafilatura": predict_trafilatura}
    if args.only:
        systems = {args.only: systems[args.only]}
    results = run_all(pages, systems)
    if args.json:
        out = {name: {k: v for k, v in asdict(s).items() if k != "per_page"} for name, s in results.items()}
        print(json.dumps(out, indent=2))
    else:
        print(f"WCXB article pages (dev split, CC BY 4.0): {len(pages)} pages")
        print(f"{'system':<12} " + " ".join(f"{m:>14}" for m in (*METRICS, "pages/s")))
        for name, s in results.items():
            row = [getattr(s, m) for m in METRICS]
            print(f"{name:<12} " + " ".join(f"{v:>14.3f}" for v in row) + f" {s.pages_per_second:>14.1f}")
    if args.check_floors:
        floors = json.loads(FLOORS.read_text(encoding="utf-8"))
        if args.every == 3:
            floors = {**floors["every_3rd_page"], "pages_per_second_ratio": floors["pages_per_second_ratio"]}
        elif args.every != 1 or args.limit:
            print("floors exist for the full run and for --every 3 only", file=sys.stderr)
            return 2
        failures = check_floors(results["newstrace"], floors) if "newstrace" in results else []
        ratio_floor = floors.get("pages_per_second_ratio")
        if ratio_floor and "trafilatura" in results and "newstrace" in results:
            ratio = results["newstrace"].pages_per_second / max(results["trafilatura"].pages_per_second, 1e-9)
            if ratio < ratio_floor:
                failures.append(f"pages/s ratio {ratio:.2f} < floor {ratio_floor:.2f}")
        for failure in failures:
            print("BELOW FLOOR", failure, file=sys.stderr)
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
