"""Score certainty classes and attribution sources beyond English on real news sentences (issue 9).

The data (``benchmarks/data/certainty-languages/labels.jsonl``, drawn by
``benchmarks/build_certainty_languages.py`` from the real excerpts of
``benchmarks/data/multilingual/articles.jsonl`` and labelled by hand by ``/work/shared/CERTAINTY.md``;
rules in the README beside it) holds sentences in de, fr, es, it, ru, pt and ja, each in a dev or a
test half fixed by its article. Each sentence is analysed after its context (the article text before
it) with ``newstrace.analyse.claims.claim_in_context`` in its language; a sentence that is not a
claim is predicted ``none``.

Printed per language and half: sentences, accuracy (strict; lenient when the prediction is among the
gold alternatives), macro-F1 over the certainty classes present in the gold of that half (``none``
left out, as a class, but a ``none`` prediction still counts as a miss), the F1 of attributed, hedged,
speculative and denied where the gold has them, and "source found": the share of gold-attributed
sentences with a gold source whose predicted source overlaps it (a shared name word, or for
Japanese a shared run of two characters). Rules were tuned on the dev half only; the test half is
scored as it came.

    python benchmarks/certainty_languages.py                  # the table, dev and test
    python benchmarks/certainty_languages.py --check-floors   # test figures against the floors
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newstrace.analyse.claims import claim_in_context

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "benchmarks" / "data" / "certainty-languages" / "labels.jsonl"
FLOORS = REPO / "benchmarks" / "floors" / "certainty_languages.json"
LANGUAGES = ("de", "fr", "es", "it", "ru", "pt", "ja")
CERTAINTY = ("asserted", "attributed", "hedged", "speculative", "denied")
REPORTED = ("attributed", "hedged", "speculative", "denied")
_WORD = re.compile(r"\w+")
# words of a source phrase that name nobody ("della", "nach"): they do not make two sources overlap
_FUNCTION_WORDS = frozenset(
    [
        "della",
        "delle",
        "dello",
        "degli",
        "dalla",
        "dalle",
        "nach",
        "angaben",
        "laut",
        "selon",
        "según",
        "segundo",
        "secondo",
        "durch",
        "über",
        "unter",
        "einer",
        "eines",
        "einem",
        "einen",
        "dans",
        "pour",
        "avec",
        "sobre",
        "entre",
    ]
)


@dataclass(frozen=True, slots=True)
class Gold:
    id: str
    lang: str
    split: str
    sentence: str
    context: str
    primary: str
    alternatives: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Outcome:
    gold: Gold
    predicted: str
    source: str | None


@dataclass(frozen=True, slots=True)
class Figures:
    sentences: int
    accuracy: float
    lenient: float
    macro_f1: float
    f1: dict[str, float]  # per class present in the gold (of REPORTED)
    source_found: float | None  # None without a gold-attributed sentence with a source
    sources_scored: int


def load_gold(path: Path = LABELS) -> list[Gold]:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [
        Gold(
            r["id"],
            r["lang"],
            r["split"],
            r["sentence"],
            r["context"],
            r["primary"],
            tuple(r["alternatives"]),
            tuple(r["sources"]),
        )
        for r in rows
    ]


def predict(gold: Gold) -> Outcome:
    claim = claim_in_context(gold.sentence, gold.context, gold.lang)
    if claim is None:
        return Outcome(gold, "none", None)
    return Outcome(gold, claim.certainty, claim.source)


def _name_words(text: str) -> set[str]:
    return {
        w.lower()
        for w in _WORD.findall(text)
        if (len(w) >= 4 or (len(w) >= 2 and w.isupper())) and w.lower() not in _FUNCTION_WORDS
    }


def source_overlaps(predicted: str | None, gold: str, lang: str) -> bool:
    """Whether a predicted source names the gold one: a shared name word (four letters or more, or
    an acronym), or for Japanese a shared run of two word characters."""
    if not predicted:
        return False
    if lang == "ja":
        runs = {gold[k : k + 2] for k in range(len(gold) - 1)}
        return any(len(_WORD.findall(r)) == 1 and _WORD.fullmatch(r) and r in predicted for r in runs)
    return bool(_name_words(predicted) & _name_words(gold))


def _f1(outcomes: list[Outcome], label: str) -> float:
    tp = sum(1 for o in outcomes if o.gold.primary == o.predicted == label)
    predicted = sum(1 for o in outcomes if o.predicted == label)
    support = sum(1 for o in outcomes if o.gold.primary == label)
    precision = tp / predicted if predicted else 0.0
    recall = tp / support if support else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def figures(outcomes: list[Outcome]) -> Figures:
    present = [c for c in CERTAINTY if any(o.gold.primary == c for o in outcomes)]
    n = len(outcomes)
    attributed = [o for o in outcomes if o.gold.primary == "attributed" and o.gold.sources]
    found = [o for o in attributed if any(source_overlaps(o.source, g, o.gold.lang) for g in o.gold.sources)]
    return Figures(
        sentences=n,
        accuracy=sum(o.predicted == o.gold.primary for o in outcomes) / n if n else 0.0,
        lenient=sum(o.predicted == o.gold.primary or o.predicted in o.gold.alternatives for o in outcomes) / n
        if n
        else 0.0,
        macro_f1=sum(_f1(outcomes, c) for c in present) / len(present) if present else 0.0,
        f1={c: _f1(outcomes, c) for c in REPORTED if c in present},
        source_found=len(found) / len(attributed) if attributed else None,
        sources_scored=len(attributed),
    )


def score(gold: list[Gold], split: str | None = None) -> dict[str, Figures]:
    """Figures per language (and ``all``) over one half (or both)."""
    chosen = [g for g in gold if split is None or g.split == split]
    outcomes = [predict(g) for g in chosen]
    table = {lang: figures([o for o in outcomes if o.gold.lang == lang]) for lang in LANGUAGES}
    table["all"] = figures(outcomes)
    return table


def _cell(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.2f}"


def print_table(name: str, table: dict[str, Figures]) -> None:
    print(f"\n{name}")
    print("lang  sent   acc  len.acc macroF1  F1:attr hedged specul denied  source found")
    for lang, f in table.items():
        cells = " ".join(f"{_cell(f.f1.get(c))}  " for c in REPORTED)
        print(
            f"{lang:<4} {f.sentences:5d} {f.accuracy:5.2f}  {f.lenient:5.2f}   {f.macro_f1:5.2f}   {cells}"
            f"{_cell(f.source_found)} ({f.sources_scored})"
        )


def confusion(outcomes: list[Outcome]) -> None:
    labels = (*CERTAINTY, "none")
    counts = Counter((o.gold.primary, o.predicted) for o in outcomes)
    print("confusion, all languages (rows gold, columns predicted):")
    print(" " * 12 + "".join(f"{c[:6]:>8}" for c in labels))
    for g in labels:
        print(f"{g:<12}" + "".join(f"{counts[(g, p)]:8d}" for p in labels))


def check_floors(table: dict[str, Figures], floors: dict[str, dict[str, float]]) -> list[str]:
    """The test figures below their floors, as messages."""
    failures: list[str] = []
    for lang, limits in floors.items():
        f = table[lang]
        got = {"accuracy": f.accuracy, "macro_f1": f.macro_f1, "source_found": f.source_found or 0.0}
        failures += [f"{lang} {k} {got[k]:.3f} < {v:.3f}" for k, v in limits.items() if got[k] < v]
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check-floors", action="store_true")
    args = parser.parse_args(argv)
    gold = load_gold()
    test = score(gold, "test")
    if args.check_floors:
        failures = check_floors(test, json.loads(FLOORS.read_text("utf-8"))["test"])
        print("\n".join(failures) or "all test figures at or above their floors")
        return 1 if failures else 0
    print_table("DEV half (rules tuned here)", score(gold, "dev"))
    print_table("TEST half (scored once, not tuned on)", test)
    confusion([predict(g) for g in gold if g.split == "test"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
