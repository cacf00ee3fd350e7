"""Article extraction on the shared benchmark pages: one table, rows per extractor, columns P, R, F1, pages/s.

    .venv/bin/python benchmarks/article_extraction.py [--rows text naive ...] [--check-floors] [--json]

Data: scrapinghub/article-extraction-benchmark (Zyte, MIT licence), 120 pages in
``../shared/data/article-extraction`` (``html/``, ``page-text/``, ``ground-truth.json``).

The metric is the benchmark's own:

Per page, the word 4-gram shingles of the predicted and the true body are matched as multisets;
true/false positives and false negatives are normalised by the page's total. Precision and recall
are means over pages (pages with no predicted shingles are left out of precision, pages with no true
shingles out of recall), and F1 is computed from those two means.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class PageScore:
    tp: float
    fp: float
    fn: float


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class BenchmarkPage:
    id: str
    url: str
    body: str  # the true article body


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN_RE.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def score_page(true: str, pred: str) -> PageScore:
    """Normalised shingle tp/fp/fn for one page."""
    truth, predicted = _shingles(true), _shingles(pred)
    tp = fp = fn = 0.0
    for key in truth.keys() | predicted.keys():
        t, p = truth.get(key, 0), predicted.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    if total:
        return PageScore(tp / total, fp / total, fn / total)
    return PageScore(0.0, 0.0, 0.0)


def _precision(score: PageScore) -> float:
    if score.fp == score.fn == 0:
        return 1.0
    return score.tp / (score.tp + score.fp) if score.tp + score.fp else 0.0


def _recall(score: PageScore) -> float:
    if score.fp == score.fn == 0:
        return 1.0
    return score.tp / (score.tp + score.fn) if score.tp + score.fn else 0.0


def aggregate(scores: list[PageScore]) -> Scores:
    """Mean precision and recall over pages, and F1 from those means."""
    precisions = [_precision(s) for s in scores if s.tp + s.fp > 0]
    recalls = [_recall(s) for s in scores if s.tp + s.fn > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1)


def load_pages(data_dir: Path) -> list[BenchmarkPage]:
    """The benchmark's pages with their true bodies, in a stable order."""
    truth = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        BenchmarkPage(id=key, url=value.get("url", ""), body=value.get("articleBody", ""))
        for key, value in sorted(truth.items())
    ]


# --- the benchmark table -------------------------------------------------------------------------

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "article-extraction"
FLOORS = Path(__file__).resolve().parent / "floors" / "article_extraction.json"
ROWS = ("text", "html", "trafilatura", "naive")
ROW_LABELS = {
    "text": "newstrace text path (page-text/)",
    "html": "newstrace HTML path (html/)",
    "trafilatura": "trafilatura alone, defaults (html/)",
    "naive": "naive page text (page-text/)",
}


@dataclass(frozen=True, slots=True)
class RowResult:
    row: str
    scores: Scores | None  # None when the row was skipped
    pages_per_second: float
    note: str = ""
    per_page: tuple[PageScore, ...] = ()  # in the order of the pages


def _read_text(data_dir: Path, page: BenchmarkPage) -> str:
    return (data_dir / "page-text" / f"{page.id}.txt").read_text(encoding="utf-8")


def _read_html(data_dir: Path, page: BenchmarkPage) -> bytes:
    return gzip.decompress((data_dir / "html" / f"{page.id}.html.gz").read_bytes())


def _extractor(row: str, data_dir: Path) -> Callable[[BenchmarkPage], str]:
    if row == "text":
        from newstrace.extract.text import extract_text_article

        return lambda page: "\n".join(extract_text_article(_read_text(data_dir, page), url=page.url).body)
    if row == "html":
        from newstrace.extract.html import extract_html_article  # another module; may be missing

        return lambda page: "\n".join(extract_html_article(_read_html(data_dir, page), url=page.url).body)
    if row == "trafilatura":
        import trafilatura

        return lambda page: trafilatura.extract(_read_html(data_dir, page).decode("utf-8", "replace")) or ""
    if row == "naive":
        return lambda page: _read_text(data_dir, page)
    raise ValueError(f"unknown row {row!r}")


def run_row(row: str, data_dir: Path, pages: list[BenchmarkPage] | None = None) -> RowResult:
    """Score one extractor on every page (reading the inputs is timed too)."""
    pages = pages if pages is not None else load_pages(data_dir)
    try:
        extract = _extractor(row, data_dir)
    except ImportError as error:
        return RowResult(row, None, 0.0, f"skipped: {error}")
    started = time.perf_counter()
    scores = [score_page(page.body, extract(page)) for page in pages]
    elapsed = time.perf_counter() - started
    return RowResult(row, aggregate(scores), len(pages) / elapsed if elapsed else 0.0, per_page=tuple(scores))


def by_language(pages: list[BenchmarkPage], results: list[RowResult]) -> str:
    """F1 per language of the true body (py3langid), per row: where each path stands beyond English."""
    from newstrace.analyse.language import detect_language

    languages = [detect_language(page.body) or "?" for page in pages]
    counts = Counter(languages)
    shown = [r for r in results if r.per_page]
    lines = [f"{'language':<9} {'pages':>5} " + " ".join(f"{r.row + ' F1':>15}" for r in shown)]
    for language, n in counts.most_common():
        cells = []
        for result in shown:
            mine = [score for score, lang in zip(result.per_page, languages, strict=True) if lang == language]
            cells.append(f"{aggregate(mine).f1:>15.3f}")
        lines.append(f"{language:<9} {n:>5} " + " ".join(cells))
    return "\n".join(lines)


def check_floors(results: list[RowResult], floors: dict[str, dict[str, float]]) -> list[str]:
    """The figures below their pinned floors, as readable lines (empty when all pass)."""
    failures = []
    for result in results:
        if result.scores is None:
            continue
        for metric, floor in floors.get(result.row, {}).items():
            value = getattr(result.scores, metric)
            if value < floor:
                failures.append(f"{result.row} {metric} {value:.3f} < floor {floor:.3f}")
    return failures


def format_table(results: list[RowResult], n_pages: int) -> str:
    lines = [
        f"Article extraction, scrapinghub/article-extraction-benchmark (MIT), {n_pages} pages; "
        "shingle metric (word 4-grams)",
        f"{'row':<40} {'P':>6} {'R':>6} {'F1':>6} {'pages/s':>8}",
    ]
    for result in results:
        if result.scores is None:
            lines.append(f"{ROW_LABELS[result.row]:<40} {'—':>6} {'—':>6} {'—':>6} {'—':>8}  {result.note}")
            continue
        s = result.scores
        lines.append(
            f"{ROW_LABELS[result.row]:<40} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} "
            f"{result.pages_per_second:>8.1f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score article extraction on the shared benchmark pages.")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--rows", nargs="+", choices=ROWS, default=list(ROWS))
    parser.add_argument("--check-floors", action="store_true", help="exit 1 if a figure is below its floor")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    parser.add_argument("--by-language", action="store_true", help="also F1 per language of the page")
    args = parser.parse_args(argv)
    pages = load_pages(args.data)
    results = [run_row(row, args.data, pages) for row in args.rows]
    if args.json:
        rows = [
            {"row": r.row, **(asdict(r.scores) if r.scores else {}), "pages_per_second": r.pages_per_second,
             "note": r.note}
            for r in results
        ]  # fmt: skip
        print(json.dumps(rows, indent=2))
    else:
        print(format_table(results, len(pages)))
        if args.by_language:
            print(by_language(pages, results))
    if args.check_floors:
        failures = check_floors(results, json.loads(FLOORS.read_text(encoding="utf-8")))
        for failure in failures:
            print("BELOW FLOOR:", failure, file=sys.stderr)
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
