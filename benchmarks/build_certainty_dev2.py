"""Draw a second certainty DEV set (for tuning rules), disjoint from the test set and the first dev set.

Writes ``benchmarks/data/certainty-dev2/sentences.jsonl`` in the test set's format (ECB+ with text,
PolNeAR as offsets + SHA-1 only), reusing the pools, splitter and eligibility rules of
``build_certainty_sample.py``. Every sentence of ``certainty/sentences.jsonl`` (the test set) and of
``certainty-dev/sentences.jsonl`` is excluded (by corpus, document and sentence number; only those
files' keys are read, never their labels).

The first dev set was tuned on until its rules fitted its own sentences (dev macro-F1 0.90, test
0.65); this set is drawn toward the boundaries where the rules failed to transfer, with its own
generator (``random.Random(SEED)``), per corpus, in this order, each stratum drawn among the
sentences not yet taken (batch 1):

* ``random``: 25 + 25 sentences, uniform among eligible sentences (the honest class balance);
* ``modal``: 25 + 25 holding a word of ``MODAL_WORDS`` (could, may, might, would, will, expected,
  likely, plans …): speculative against asserted/attributed;
* ``hedge``: 25 + 25 holding a hedging candidate word (``HEDGE_WORDS``: reportedly, allegedly,
  appears, believed, sources, reports …): hedged against attributed/asserted;
* ``negation``: 25 + 25 holding a negation or denial word (``NEGATION_WORDS``: not, n't, no,
  never, denied, rejected, dismissed, false …): denied against asserted/attributed.

Batches 2 to 11 (``SECOND_PER_STRATUM`` per stratum per corpus, generators ``SEED + 1`` …
``SEED + 10``, ids ``dev2-201`` … ``dev2-1800``) follow, each drawn among the sentences not yet taken,
after the rules had been tuned on the batches before it; rows of earlier batches never change.

Usage: ``python benchmarks/build_certainty_dev2.py [--shared ../shared]``; labels (``labels.jsonl``,
same fields as the test set) were written by hand by reading each sentence with its context against
CERTAINTY.md and the test set's GUIDELINE.md, before any classifier output on them was seen.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

SEED = 5519
PER_STRATUM = 25
SECOND_PER_STRATUM = 20
# fmt: off
MODAL_WORDS = (
    "could", "may", "might", "would", "will", "won't", "wouldn't", "couldn't", "should", "expected",
    "expects", "expect", "likely", "unlikely", "plans", "plan", "planned", "planning", "intends",
    "possibly", "probably", "perhaps", "whether", "if", "poised", "set to", "hopes", "fears",
)
HEDGE_WORDS = (
    "reportedly", "allegedly", "alleged", "purportedly", "apparently", "appear", "appears", "appeared",
    "seem", "seems", "seemed", "believed", "suspected", "rumor", "rumors", "rumour", "rumours",
    "unconfirmed", "unverified", "sources", "source", "reports", "reported", "according to reports",
    "officials said", "is said to", "was said to", "supposedly", "claimed",
)
NEGATION_WORDS = (
    "not", "n't", "no", "never", "nothing", "deny", "denies", "denied", "denying", "denial", "reject",
    "rejects", "rejected", "dismissed", "dismisses", "refuted", "refute", "false", "untrue", "disputed",
    "disputes", "baseless", "unfounded", "declined", "refused", "contradicted",
)
# fmt: on
REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "benchmarks" / "data"
OUT = DATA / "certainty-dev2" / "sentences.jsonl"
EXCLUDED = (DATA / "certainty" / "sentences.jsonl", DATA / "certainty-dev" / "sentences.jsonl")


def _words_re(words: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’])(?:{body})(?![\w])", re.IGNORECASE)


_MODAL_RE = _words_re(MODAL_WORDS)
_HEDGE_RE = _words_re(HEDGE_WORDS)
_NEGATION_RE = re.compile(
    r"n['’]t\b|(?<![\w'’])(?:" + "|".join(w for w in NEGATION_WORDS if w != "n't") + r")\b", re.IGNORECASE
)
STRATA: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("random", lambda text: True),
    ("modal", lambda text: bool(_MODAL_RE.search(text))),
    ("hedge", lambda text: bool(_HEDGE_RE.search(text))),
    ("negation", lambda text: bool(_NEGATION_RE.search(text))),
)


def _sample_module() -> ModuleType:
    path = REPO / "benchmarks" / "build_certainty_sample.py"
    spec = importlib.util.spec_from_file_location("build_certainty_sample", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_certainty_sample"] = module
    spec.loader.exec_module(module)
    return module


def excluded_keys(sample: ModuleType) -> set[tuple[str, str, int]]:
    """Where the test and first dev sets' sentences sit (corpus, document, sentence number)."""
    keys: set[tuple[str, str, int]] = set()
    for path in EXCLUDED:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                keys.add(sample.key_of(json.loads(line)))
    return keys


def draw_batch(
    sample: ModuleType,
    pools: list[list[dict[str, object]]],
    taken: set[tuple[str, str, int]],
    rng: random.Random,
    per_stratum: int,
) -> list[dict[str, object]]:
    """``per_stratum`` sentences of each stratum from each pool, shuffled; ``taken`` grows."""
    items: list[dict[str, object]] = []
    for pool in pools:
        for stratum, accepts in STRATA:
            rest = [
                item for item in pool if sample.key_of(item) not in taken and accepts(sample.text_of(item))
            ]
            chosen = rng.sample(rest, per_stratum)
            taken |= {sample.key_of(item) for item in chosen}
            kind = "random" if stratum == "random" else "supplement"
            items += [{**item, "stratum": kind, "supplement_words": stratum} for item in chosen]
    rng.shuffle(items)
    return items


def build_dev2(shared: Path) -> list[dict[str, object]]:
    """Batch 1 (``dev2-001`` …, ``random.Random(SEED)``), then batches 2 to 11 (``SEED + 1`` …
    ``SEED + 10``), each numbered after the last so earlier rows never change: each was drawn after
    the rules were tuned on the batches before it, to measure them on sentences they had not seen
    before being tuned further."""
    sample = _sample_module()
    taken = excluded_keys(sample)
    pools = [sample.ecbplus_pool(shared), sample.polnear_pool(shared)]
    first = draw_batch(sample, pools, taken, random.Random(SEED), PER_STRATUM)
    second = draw_batch(sample, pools, taken, random.Random(SEED + 1), SECOND_PER_STRATUM)
    rows = sample.number_rows(first, 1) + [
        {**row, "batch": 2} for row in sample.number_rows(second, len(first) + 1)
    ]
    for batch in (3, 4, 5, 6, 7, 8, 9, 10, 11):
        later = draw_batch(sample, pools, taken, random.Random(SEED + batch - 1), SECOND_PER_STRATUM)
        rows += [{**row, "batch": batch} for row in sample.number_rows(later, len(rows) + 1)]
    for row in rows:
        row["id"] = str(row["id"]).replace("cert-", "dev2-")
        if row["stratum"] == "random":
            row.pop("supplement_words", None)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    _sample_module().write_rows(build_dev2(args.shared), OUT)


if __name__ == "__main__":
    main()
