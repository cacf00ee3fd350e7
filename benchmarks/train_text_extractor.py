"""Train the line classifier of the plain-text extraction path and write its model file.

Data: the article-extraction benchmark's naive page text (``page-text/<id>.txt``) and true bodies
(``ground-truth.json``, key ``articleBody``), from scrapinghub/article-extraction-benchmark (MIT);
plus, as extra training pages only, the WCXB article pages (Murrough Foley, CC BY 4.0) turned into the
same kind of page text with html-text (``guess_layout=True``, which reproduces page-text/ exactly)
and labelled from ``main_content``. A line's label is 1 when at least half its words are aligned
(difflib, runs of >= 3 words) with the true body; these labels taken as the body score F1 0.999 on
the benchmark pages (0.988 on WCXB).

Model: two stages of scikit-learn histogram gradient-boosted trees; stage two sees stage one's
out-of-fold probabilities of the neighbouring lines. Hyper-parameters and the decision threshold are
chosen by 5-fold cross-validation over the benchmark pages, grouped by page (the WCXB pages are in
every training fold, never scored). The script prints the cross-validated F1 of the whole text path
(each benchmark page extracted by models that never saw it), then fits the shipped model on all pages.

    .venv/bin/python benchmarks/train_text_extractor.py [--search] [--no-wcxb] [--oof PATH] [--out PATH]

Needs html-text==0.7.1 for the WCXB pages (training only; the product does not use it).
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import GroupKFold
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parent))
from article_extraction import aggregate, load_pages, score_page
from newstrace.extract.lines import (
    LineModel,
    PageLine,
    line_features,
    model_from_json,
    score_lines,
    split_page_lines,
    stage2_features,
)
from newstrace.extract.text import assemble_article, extract_text_article

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "article-extraction"
DEFAULT_WCXB = REPO.parent / "shared" / "data" / "wcxb-articles"
DEFAULT_OUT = REPO / "src" / "newstrace" / "data" / "text_extractor" / "model.json"
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
FOLDS = 5
THRESHOLDS = [round(0.05 * i, 2) for i in range(1, 15)]  # 0.05 … 0.70


@dataclass(frozen=True, slots=True)
class Params:
    max_iter: int = 200
    max_leaf_nodes: int = 31
    learning_rate: float = 0.1
    min_samples_leaf: int = 20
    l2_regularization: float = 1.0


@dataclass(slots=True)
class PageData:
    id: str
    text: str
    body: str
    lines: list[PageLine]
    rows: list[list[float]]
    labels: list[int]


def label_lines(lines: list[PageLine], body: str) -> list[int]:
    """1 for a line whose words are mostly aligned with the true body, else 0."""
    truth = _TOKEN_RE.findall(body)
    tokens: list[str] = []
    owner: list[int] = []
    for line in lines:
        for token in _TOKEN_RE.findall(line.text):
            tokens.append(token)
            owner.append(line.index)
    matcher = difflib.SequenceMatcher(None, tokens, truth, autojunk=False)
    matched = [0] * len(lines)
    for a, _b, size in matcher.get_matching_blocks():
        if size >= 3 or (size and size == len(truth)):
            for k in range(a, a + size):
                matched[owner[k]] += 1
    totals = Counter(owner)
    return [int(totals[i] > 0 and matched[i] / totals[i] >= 0.5) for i in range(len(lines))]


def load_data(data_dir: Path) -> list[PageData]:
    pages = []
    for page in load_pages(data_dir):
        text = (data_dir / "page-text" / f"{page.id}.txt").read_text(encoding="utf-8")
        lines = split_page_lines(text)
        pages.append(
            PageData(page.id, text, page.body, lines, line_features(lines), label_lines(lines, page.body))
        )
    return pages


def load_wcxb(wcxb_dir: Path) -> list[PageData]:
    """Extra training pages: WCXB article pages (CC BY 4.0) turned into naive page text the way the
    benchmark's page-text/ was made (html-text, ``guess_layout=True``), labelled from ``main_content``.
    """
    import html_text  # training-time only: html-text==0.7.1

    pages = []
    for truth_path in sorted((wcxb_dir / "ground-truth").glob("*.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        body = truth["ground_truth"].get("main_content") or ""
        html_path = wcxb_dir / "html" / f"{truth_path.stem}.html.gz"
        if not body or not html_path.is_file():
            continue
        text = html_text.extract_text(
            gzip.decompress(html_path.read_bytes()).decode("utf-8", "replace"), guess_layout=True
        )
        lines = split_page_lines(text)
        if lines:
            pages.append(
                PageData(
                    f"wcxb-{truth_path.stem}",
                    text,
                    body,
                    lines,
                    line_features(lines),
                    label_lines(lines, body),
                )
            )
    return pages


def fit(rows: list[list[float]], labels: list[int], params: Params) -> HistGradientBoostingClassifier:
    model = HistGradientBoostingClassifier(
        max_iter=params.max_iter,
        max_leaf_nodes=params.max_leaf_nodes,
        learning_rate=params.learning_rate,
        min_samples_leaf=params.min_samples_leaf,
        l2_regularization=params.l2_regularization,
        early_stopping=False,
        random_state=0,
    )
    model.fit(np.asarray(rows), np.asarray(labels))
    return model


def booster_json(model: HistGradientBoostingClassifier) -> dict[str, object]:
    """The fitted ensemble as flat JSON arrays (see newstrace.extract.lines.Booster).

    Reads the fitted predictors' node arrays (scikit-learn 1.9.1 layout); leaf values already
    include the learning rate, so the stored rate is 1.
    """
    trees = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        leaf = nodes["is_leaf"].astype(bool)
        trees.append(
            {
                "feature": [int(f) for f in nodes["feature_idx"]],
                "threshold": [float(t) for t in nodes["num_threshold"]],
                "left": [-1 if is_leaf else int(c) for c, is_leaf in zip(nodes["left"], leaf, strict=True)],
                "right": [-1 if is_leaf else int(c) for c, is_leaf in zip(nodes["right"], leaf, strict=True)],
                "value": [round(float(v), 6) for v in nodes["value"]],
            }
        )
    return {"init": float(np.ravel(model._baseline_prediction)[0]), "learning_rate": 1.0, "trees": trees}


def _stack(pages: list[PageData]) -> tuple[list[list[float]], list[int]]:
    rows = [row for page in pages for row in page.rows]
    labels = [label for page in pages for label in page.labels]
    return rows, labels


def _stage1_probs(model: HistGradientBoostingClassifier, page: PageData) -> list[float]:
    return [float(p) for p in model.predict_proba(np.asarray(page.rows))[:, 1]] if page.rows else []


def train_model(
    pages: list[PageData], params: Params, threshold: float, extra: list[PageData] | None = None
) -> dict[str, object]:
    """Fit both stages on ``pages`` (and ``extra``); stage two learns from stage one's out-of-fold
    probabilities."""
    pool = pages + (extra or [])
    groups = np.arange(len(pool))
    oof: dict[str, list[float]] = {}
    for train_idx, test_idx in GroupKFold(n_splits=FOLDS).split(groups, groups=groups):
        rows, labels = _stack([pool[i] for i in train_idx])
        stage1 = fit(rows, labels, params)
        for i in test_idx:
            oof[pool[i].id] = _stage1_probs(stage1, pool[i])
    rows, labels = _stack(pool)
    stage1 = fit(rows, labels, params)
    rows2 = [row for page in pool for row in stage2_features(page.rows, oof[page.id])]
    stage2 = fit(rows2, labels, params)
    return {
        "stage1": booster_json(stage1),
        "stage2": booster_json(stage2),
        "threshold": threshold,
        "params": _params_dict(params),
    }


def _params_dict(params: Params) -> dict[str, object]:
    return {name: getattr(params, name) for name in Params.__dataclass_fields__}


def cross_validate(
    pages: list[PageData],
    params: Params,
    oof_out: dict[str, list[float]] | None = None,
    extra: list[PageData] | None = None,
) -> dict[float, float]:
    """Cross-validated F1 of the text path per threshold (each page scored by models not fit on it).

    ``oof_out``, when given, receives every page's out-of-fold line probabilities.
    """
    groups = np.arange(len(pages))
    probabilities: dict[str, list[float]] = {}
    for fold, (train_idx, test_idx) in enumerate(GroupKFold(n_splits=FOLDS).split(groups, groups=groups)):
        started = time.time()
        model = model_from_json(train_model([pages[i] for i in train_idx], params, 0.5, extra))
        for i in test_idx:
            probabilities[pages[i].id] = score_lines(pages[i].lines, model)
        print(f"  fold {fold + 1}/{FOLDS} {time.time() - started:.0f}s", file=sys.stderr)
    results = {}
    for threshold in THRESHOLDS:
        scores = [
            score_page(
                page.body, "\n".join(assemble_article(page.lines, probabilities[page.id], threshold).body)
            )
            for page in pages
        ]
        results[threshold] = aggregate(scores).f1
    if oof_out is not None:
        oof_out.update(probabilities)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--search", action="store_true", help="also try the other hyper-parameter grids")
    parser.add_argument("--wcxb", type=Path, default=DEFAULT_WCXB, help="extra training pages (WCXB)")
    parser.add_argument("--no-wcxb", action="store_true", help="train on the benchmark pages only")
    parser.add_argument("--oof", type=Path, help="write the out-of-fold line probabilities here (JSON)")
    args = parser.parse_args()
    threadpool_limits(1)  # the machine is shared; OpenMP threads only fight each other here

    pages = load_data(args.data)
    extra = [] if args.no_wcxb or not args.wcxb.is_dir() else load_wcxb(args.wcxb)
    print(
        f"{len(pages)} pages, {sum(len(p.lines) for p in pages)} lines; {len(extra)} extra pages",
        file=sys.stderr,
    )
    grid = [Params()]
    if args.search:
        grid += [  # 7-leaf trees (100 or 300 rounds) scored 0.898-0.899 in an earlier search: too weak
            Params(max_leaf_nodes=15),
            Params(max_iter=400, learning_rate=0.05),
            Params(max_iter=300, max_leaf_nodes=15, min_samples_leaf=10),
        ]
    best: tuple[float, float, Params] | None = None
    print(f"{'params':<60} {'threshold':>9} {'CV F1':>6}")
    oof: dict[str, list[float]] = {}
    for params in grid:
        fold_probabilities: dict[str, list[float]] = {}
        results = cross_validate(pages, params, fold_probabilities, extra)
        threshold, f1 = max(results.items(), key=lambda item: item[1])
        print(f"{_params_dict(params)!s:<60} {threshold:>9.2f} {f1:>6.3f}")
        if best is None or f1 > best[0]:
            best = (f1, threshold, params)
            oof = fold_probabilities
    if args.oof:
        args.oof.write_text(json.dumps(oof), encoding="utf-8")
    assert best is not None
    f1, threshold, params = best
    data = train_model(pages, params, threshold, extra)
    data["params"] = _params_dict(params)
    data["cv_f1"] = round(f1, 4)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    shipped: LineModel = model_from_json(data)
    scores = [
        score_page(page.body, "\n".join(extract_text_article(page.text, model=shipped).body))
        for page in pages
    ]
    print(
        f"cross-validated F1 {f1:.3f} (threshold {threshold}); shipped model on its own training pages "
        f"F1 {aggregate(scores).f1:.3f}; wrote {args.out} ({args.out.stat().st_size // 1024} KiB)"
    )


if __name__ == "__main__":
    main()
