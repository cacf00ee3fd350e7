"""Draw the certainty DEV sentences (for tuning rules), disjoint from the fixed test set.

Writes ``benchmarks/data/certainty-dev/sentences.jsonl`` in the test set's format (ECB+ with text,
PolNeAR as offsets + SHA-1 only), reusing the sampling functions of ``build_certainty_sample.py``
with another seed. Every sentence of ``benchmarks/data/certainty/sentences.jsonl`` is excluded (by
corpus, document and sentence number; only that file's keys are read, never its labels).

* Random stratum: 100 ECB+ and 100 PolNeAR sentences, uniform among eligible sentences.
* Supplement: 25 + 25 among the remaining sentences holding a hedging, modal or negation candidate
  word (``is_hedge_candidate``), to give the rare classes enough examples to tune on.
* Rare-class supplement (added later, numbered after the first 250 rows, which never change; its own
  generator, seed + 1): 40 + 40 among the remaining sentences holding a word of ``RARE_WORDS`` (hedging,
  denial and weak-modal words, no reporting verbs or "would/could/may/if"), because the first 250
  held only 6 hedged and 3 denied sentences. Labelled by hand before any classifier output on them.

Usage: ``python benchmarks/build_certainty_dev.py [--shared ../shared]``; labels are written by
hand (``labels.jsonl``, same fields as the test set) by reading each sentence against CERTAINTY.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import sys
from pathlib import Path
from types import ModuleType

SEED = 7301
RANDOM_PER_CORPUS = 100
SUPPLEMENT_PER_CORPUS = 25
RARE_PER_CORPUS = 40
# fmt: off
RARE_WORDS = (
    "reportedly", "allegedly", "alleged", "purportedly", "apparently", "appear", "appears", "appeared",
    "seem", "seems", "seemed", "believed", "suspected", "rumor", "rumors", "rumour", "rumours",
    "unconfirmed", "unverified", "sources", "deny", "denies", "denied", "reject", "rejects", "rejected",
    "dismissed", "refuted", "false", "untrue", "might", "likely", "unlikely", "possibly", "probably",
    "perhaps", "whether", "expected",
)
# fmt: on
_RARE_RE = re.compile(r"\b(?:" + "|".join(RARE_WORDS) + r")\b", re.IGNORECASE)
REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "benchmarks" / "data" / "certainty-dev" / "sentences.jsonl"
TEST = REPO / "benchmarks" / "data" / "certainty" / "sentences.jsonl"


def _sample_module() -> ModuleType:
    path = REPO / "benchmarks" / "build_certainty_sample.py"
    spec = importlib.util.spec_from_file_location("build_certainty_sample", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_certainty_sample"] = module
    spec.loader.exec_module(module)
    return module


def test_keys(sample: ModuleType) -> set[tuple[str, str, int]]:
    """Where the test set's sentences sit (corpus, document, sentence number)."""
    rows = [json.loads(line) for line in TEST.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {sample.key_of(row) for row in rows}


def build_dev(shared: Path) -> list[dict[str, object]]:
    sample = _sample_module()
    excluded = test_keys(sample)
    rng = random.Random(SEED)
    items: list[dict[str, object]] = []
    for pool in (sample.ecbplus_pool(shared), sample.polnear_pool(shared)):
        pool = [item for item in pool if sample.key_of(item) not in excluded]
        chosen = rng.sample(pool, RANDOM_PER_CORPUS)
        taken = {sample.key_of(item) for item in chosen}
        rest = [
            item
            for item in pool
            if sample.key_of(item) not in taken and sample.is_hedge_candidate(sample.text_of(item))
        ]
        extra = rng.sample(rest, SUPPLEMENT_PER_CORPUS)
        items += [{**item, "stratum": "random"} for item in chosen]
        items += [
            {**item, "stratum": "supplement", "supplement_words": "broad-minus-reporting"} for item in extra
        ]
    rng.shuffle(items)
    rows = sample.number_rows(items, 1)
    taken = excluded | {sample.key_of(item) for item in items}
    rare_rng = random.Random(SEED + 1)
    rare: list[dict[str, object]] = []
    for pool in (sample.ecbplus_pool(shared), sample.polnear_pool(shared)):
        rest = [
            item
            for item in pool
            if sample.key_of(item) not in taken and _RARE_RE.search(sample.text_of(item))
        ]
        rare += [
            {**item, "stratum": "supplement", "supplement_words": "rare-class"}
            for item in rare_rng.sample(rest, RARE_PER_CORPUS)
        ]
    rare_rng.shuffle(rare)
    rows += sample.number_rows(rare, len(rows) + 1)
    for row in rows:
        row["id"] = str(row["id"]).replace("cert-", "dev-")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    _sample_module().write_rows(build_dev(args.shared), OUT)


if __name__ == "__main__":
    main()
