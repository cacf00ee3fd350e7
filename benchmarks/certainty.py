"""Score certainty classification on the labelled certainty test set.

The test set (``benchmarks/data/certainty/``, loaded by ``certainty_data.load_certainty_gold``) holds
sentences from ECB+ (CC BY 3.0, Cybulska & Vossen, LREC 2014) and PolNeAR (Newell, Margolin & Ruths,
LREC 2018; resolved from ``../shared``), labelled by the classes of ``CERTAINTY.md``. Each sentence is
analysed after its context with ``newstrace.analyse.claims.claim_in_context``; a sentence that is not
a claim is predicted ``none``. Prints per-class precision/recall/F1, macro-F1 over the classes present
in the gold, accuracy (strict, and lenient when the prediction is among the gold alternatives) and
the confusion matrix.

    python benchmarks/certainty.py                                    # the fixed test set
    python benchmarks/certainty.py --data benchmarks/data/certainty-dev  # the dev set (tune here)
    python benchmarks/certainty.py --data benchmarks/data/certainty-dev2  # the second dev set
    python benchmarks/certainty.py --data benchmarks/data/certainty-dev2 --batch 5  # one batch of it
    python benchmarks/certainty.py --annotator benchmarks/data/certainty/labels-second.jsonl
    python benchmarks/certainty.py --check-floors

``--annotator`` scores a second person's labels of the same sentences against the gold instead of
newstrace's predictions: how far two annotators applying ``CERTAINTY.md`` agree, the ceiling a
classifier can be measured against.

Also printed: macro-F1 over the five certainty classes (without "none"), a 95% bootstrap interval
of macro-F1 and accuracy (1,000 resamples of the sentences, seed 0: classes with a handful of gold
sentences make macro-F1 swing), and figures on the random stratum alone. The test set must never
be tuned on; rules are tuned on ``certainty-dev`` and
``certainty-dev2``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

from newstrace.analyse.claims import claim_in_context

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FLOORS = REPO / "benchmarks" / "floors" / "certainty.json"
CLASSES = ("asserted", "attributed", "hedged", "speculative", "denied", "none")


def _load_data_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("certainty_data", REPO / "benchmarks" / "certainty_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["certainty_data"] = module
    spec.loader.exec_module(module)
    return module


def batch_ids(rows: list[dict[str, object]], batch: int) -> set[str]:
    """The ids of the stored sentence rows of one batch (rows without a ``batch`` field are batch 1)."""
    return {str(row["id"]) for row in rows if row.get("batch", 1) == batch}


def predict(text: str, context: str) -> str:
    claim = claim_in_context(text, context)
    return claim.certainty if claim is not None else "none"


def scores(pairs: list[tuple[str, str]]) -> dict[str, tuple[float, float, float, int]]:
    """Per class: precision, recall, F1 and gold support."""
    out: dict[str, tuple[float, float, float, int]] = {}
    for label in CLASSES:
        tp = sum(1 for g, p in pairs if g == p == label)
        predicted = sum(1 for _, p in pairs if p == label)
        support = sum(1 for g, _ in pairs if g == label)
        precision = tp / predicted if predicted else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[label] = (precision, recall, f1, support)
    return out


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    """Mean F1 over the classes present in the gold."""
    table = scores(pairs)
    present = [label for label in CLASSES if table[label][3] > 0]
    return sum(table[label][2] for label in present) / len(present) if present else 0.0


def bootstrap(
    pairs: list[tuple[str, str]], rounds: int = 1000, seed: int = 0
) -> dict[str, tuple[float, float]]:
    """95% percentile intervals of macro-F1 and accuracy over resamples of the sentences."""
    rng = random.Random(seed)
    macros: list[float] = []
    accuracies: list[float] = []
    for _ in range(rounds):
        sample = rng.choices(pairs, k=len(pairs))
        macros.append(macro_f1(sample))
        accuracies.append(sum(1 for g, p in sample if g == p) / len(sample))
    low, high = int(0.025 * rounds), int(0.975 * rounds) - 1
    return {
        name: (sorted(values)[low], sorted(values)[high])
        for name, values in (("macro_f1", macros), ("accuracy", accuracies))
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--data", type=Path, default=None, help="a labelled folder (default: the test set)")
    parser.add_argument("--batch", type=int, default=None, help="score only this batch of --data")
    parser.add_argument(
        "--annotator",
        type=Path,
        default=None,
        help="score a second annotator's labels.jsonl against the gold instead of newstrace",
    )
    parser.add_argument("--check-floors", action="store_true")
    args = parser.parse_args(argv)
    if args.batch is not None and args.data is None:
        parser.error("--batch needs --data")
    data = _load_data_module()
    gold = data.load_certainty_gold(args.shared, args.data or data.DATA_DIR)
    if args.batch is not None:
        ids = batch_ids(data.read_jsonl(args.data / "sentences.jsonl"), args.batch)
        gold = [item for item in gold if item.id in ids]
    second = (
        {str(row["id"]): str(row["primary"]) for row in data.read_jsonl(args.annotator)}
        if args.annotator is not None
        else None
    )
    if second is not None:
        gold = [item for item in gold if item.id in second]
    pairs: list[tuple[str, str]] = []
    lenient = 0
    for item in gold:
        predicted = second[item.id] if second is not None else predict(item.text, item.context)
        pairs.append((item.primary, predicted))
        lenient += predicted == item.primary or predicted in item.alternatives
    table = scores(pairs)
    present = [label for label in CLASSES if table[label][3] > 0]
    macro = macro_f1(pairs)
    five = [label for label in present if label != "none"]
    macro5 = sum(table[label][2] for label in five) / len(five) if five else 0.0
    accuracy = sum(1 for g, p in pairs if g == p) / len(pairs) if pairs else 0.0
    random_pairs = [pair for pair, item in zip(pairs, gold, strict=True) if item.stratum == "random"]
    random_table = scores(random_pairs)
    random_present = [label for label in CLASSES if random_table[label][3] > 0]
    random_macro = macro_f1(random_pairs)
    random_accuracy = sum(1 for g, p in random_pairs if g == p) / max(len(random_pairs), 1)
    name = "test" if args.data is None else args.data.name
    batch = "" if args.batch is None else f" batch {args.batch}"
    who = "newstrace" if args.annotator is None else f"second annotator ({args.annotator.name})"
    print(f"certainty {name} set{batch}: {len(pairs)} sentences, {who} against the gold labels")
    print(f"{'class':<13}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}")
    for label in CLASSES:
        p, r, f, n = table[label]
        print(f"{label:<13}{p:7.3f}{r:7.3f}{f:7.3f}{n:6d}")
    print(
        f"macro-F1 ({len(present)} classes) {macro:.3f}  accuracy {accuracy:.3f}  "
        f"lenient accuracy {lenient / len(pairs) if pairs else 0.0:.3f}"
    )
    print(f"macro-F1 (5 certainty classes, without none) {macro5:.3f}")
    if pairs:
        interval = bootstrap(pairs)
        print(
            "95% bootstrap interval (1,000 resamples of the sentences): macro-F1 "
            f"{interval['macro_f1'][0]:.3f}-{interval['macro_f1'][1]:.3f}, accuracy "
            f"{interval['accuracy'][0]:.3f}-{interval['accuracy'][1]:.3f}"
        )
    print(
        f"random stratum: {len(random_pairs)} sentences, macro-F1 ({len(random_present)} classes) "
        f"{random_macro:.3f}, accuracy {random_accuracy:.3f}"
    )
    confusion = Counter(pairs)
    print("confusion (rows gold, columns predicted):")
    print(" " * 13 + "".join(f"{label[:6]:>8}" for label in CLASSES))
    for g in CLASSES:
        print(f"{g:<13}" + "".join(f"{confusion[(g, p)]:8d}" for p in CLASSES))
    if args.check_floors:
        floors = json.loads(FLOORS.read_text(encoding="utf-8"))
        figures = {
            "macro_f1": macro,
            "accuracy": accuracy,
            "macro_f1_5": macro5,
            "lenient_accuracy": lenient / len(pairs) if pairs else 0.0,
        }
        failed = [f"{k}: {figures[k]:.3f} < floor {v}" for k, v in floors.items() if figures[k] < v]
        for line in failed:
            print("FLOOR", line)
        return 1 if failed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
