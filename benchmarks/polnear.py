"""Score attribution detection (source, cue, content spans) on PolNeAR.

PolNeAR: Newell, Margolin & Ruths, "An Attribution Relations Corpus for Political News", LREC 2018
(networkdynamics/PolNeAR), read from ``../shared/data/polnear/<split>/``; used for evaluation only.

For each article, the first annotator's file (sorted by name) is the gold. Every attribution
relation gives one gold span per role (discontinuous spans are joined into one character set).
Predicted and gold spans are matched one-to-one per role and article, greedily by overlap:
- exact: same characters after trimming white space and ``.,;:`` at both ends;
- token overlap: at least one word token (letters or digits) in common (as in the PARC literature);
  a span without a word (the cue ":") matches on its characters.
Precision = matched predictions / predictions, recall = matched gold / gold.
The cue scored is the whole cue phrase the tagger drew (``cue_phrase``), else the cue.

    python benchmarks/polnear.py --split dev            # the reported figures (with the tagger)
    python benchmarks/polnear.py --split dev --rules    # the rules and cue model alone
    python benchmarks/polnear.py --split train          # where settings were chosen
    python benchmarks/polnear.py --split dev --check-floors
    python benchmarks/polnear.py --split train --agreement   # annotators scored against each other

``--agreement`` scores the second annotator's file against the first on the articles that have two,
with the same matching: how far people drawing these spans agree, a ceiling for any system.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newstrace.analyse.attribution import find_attributions

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FLOORS = REPO / "benchmarks" / "floors" / "polnear.json"
ROLES = ("source", "cue", "content")
_WORD = re.compile(r"\w+")
_TRIM = " \t\n.,;:"


@dataclass(frozen=True)
class RoleSpan:
    """A span of one role: its character ranges (one, or several when discontinuous)."""

    ranges: tuple[tuple[int, int], ...]

    def chars(self, text: str) -> frozenset[int]:
        out: set[int] = set()
        for start, end in self.ranges:
            while start < end and text[start] in _TRIM:
                start += 1
            while end > start and text[end - 1] in _TRIM:
                end -= 1
            out.update(range(start, end))
        return frozenset(out)

    def words(self, text: str) -> frozenset[int]:
        """Start offsets of the span's word tokens (its characters when it has no word, e.g. ":")."""
        out: set[int] = set()
        for start, end in self.ranges:
            out.update(m.start() + start for m in _WORD.finditer(text[start:end]))
        if not out:
            out.update(i for start, end in self.ranges for i in range(start, end) if not text[i].isspace())
        return frozenset(out)


@dataclass
class Document:
    name: str
    text: str
    gold: dict[str, list[RoleSpan]] = field(default_factory=dict)


@dataclass
class Tally:
    predicted: int = 0
    gold: int = 0
    matched: int = 0

    def add(self, predicted: int, gold: int, matched: int) -> None:
        self.predicted += predicted
        self.gold += gold
        self.matched += matched

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _parse_ann(path: Path) -> dict[str, list[RoleSpan]]:
    spans: dict[str, RoleSpan] = {}
    roles: dict[str, list[RoleSpan]] = {role: [] for role in ROLES}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].startswith("T"):
            kind, _, ranges = parts[1].partition(" ")
            if kind.lower() in ROLES:
                pairs = tuple(tuple(int(x) for x in r.split()) for r in ranges.split(";"))
                spans[parts[0]] = RoleSpan(pairs)  # type: ignore[arg-type]
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].startswith("E"):
            for arg in parts[1].split()[1:]:
                role, _, ref = arg.partition(":")
                role = role.rstrip("0123456789").lower()
                if role in ROLES and ref in spans:
                    roles[role].append(spans[ref])
    return roles


def load_polnear(split_dir: Path, limit: int | None = None) -> Iterator[Document]:
    """The articles of one PolNeAR compartment with the first annotator's attributions."""
    by_name: dict[str, Path] = {}
    for ann in sorted((split_dir / "attributions").glob("*.ann")):
        by_name.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    for count, (name, ann) in enumerate(sorted(by_name.items())):
        if limit is not None and count >= limit:
            return
        text_path = split_dir / "text" / f"{name}.txt"
        if text_path.is_file():
            yield Document(name, text_path.read_text(encoding="utf-8"), _parse_ann(ann))


def doubly_annotated(split_dir: Path) -> Iterator[tuple[Document, dict[str, list[RoleSpan]]]]:
    """Articles with two annotators' files: the first as gold, and the second's attributions."""
    by_name: dict[str, list[Path]] = {}
    for ann in sorted((split_dir / "attributions").glob("*.ann")):
        by_name.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    for name, (first, second, *_) in ((n, a) for n, a in sorted(by_name.items()) if len(a) > 1):
        text_path = split_dir / "text" / f"{name}.txt"
        if text_path.is_file():
            yield Document(name, text_path.read_text(encoding="utf-8"), _parse_ann(first)), _parse_ann(second)


def _match(pred: list[frozenset[int]], gold: list[frozenset[int]], exact: bool) -> int:
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if exact and p == g and p:
                pairs.append((len(p), i, j))
            elif not exact and p & g:
                pairs.append((len(p & g), i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def predict(document: Document, tagged: bool = True) -> dict[str, list[RoleSpan]]:
    out: dict[str, list[RoleSpan]] = {role: [] for role in ROLES}
    for attribution in find_attributions(document.text, "en", tagged=tagged):
        cue = attribution.cue_phrase or attribution.cue  # the whole cue, as PolNeAR draws it
        out["cue"].append(RoleSpan(((cue.start, cue.end),)))
        if attribution.source is not None:
            out["source"].append(RoleSpan(((attribution.source.start, attribution.source.end),)))
        if attribution.content is not None:
            out["content"].append(RoleSpan(((attribution.content.start, attribution.content.end),)))
    return out


def _score(tallies: dict[str, Tally], document: Document, predicted: dict[str, list[RoleSpan]]) -> None:
    for role in ROLES:
        pred, gold = predicted[role], document.gold[role]
        for mode, exact in (("exact", True), ("overlap", False)):
            p = [s.chars(document.text) if exact else s.words(document.text) for s in pred]
            g = [s.chars(document.text) if exact else s.words(document.text) for s in gold]
            tallies[f"{role}/{mode}"].add(len(p), len(g), _match(p, g, exact))


def _tallies() -> dict[str, Tally]:
    return {f"{role}/{mode}": Tally() for role in ROLES for mode in ("exact", "overlap")}


def evaluate(documents: Iterator[Document], tagged: bool = True) -> tuple[dict[str, Tally], int, float]:
    tallies = _tallies()
    count = 0
    started = time.perf_counter()
    for document in documents:
        count += 1
        _score(tallies, document, predict(document, tagged))
    return tallies, count, time.perf_counter() - started


def agreement(split_dir: Path) -> tuple[dict[str, Tally], int]:
    """The second annotator scored against the first, where an article has both."""
    tallies = _tallies()
    count = 0
    for document, second in doubly_annotated(split_dir):
        count += 1
        _score(tallies, document, second)
    return tallies, count


def _print(tallies: dict[str, Tally]) -> None:
    print(f"{'role/match':<18}{'P':>7}{'R':>7}{'F1':>7}{'pred':>8}{'gold':>8}")
    for key, tally in tallies.items():
        print(
            f"{key:<18}{tally.precision:7.3f}{tally.recall:7.3f}{tally.f1:7.3f}{tally.predicted:8d}{tally.gold:8d}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", default="dev", choices=("train", "dev"))
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--check-floors", action="store_true")
    parser.add_argument("--rules", action="store_true", help="the rules and cue model alone, no tagger")
    parser.add_argument("--agreement", action="store_true", help="the second annotator against the first")
    args = parser.parse_args(argv)
    split_dir = args.shared / "data" / "polnear" / args.split
    if not split_dir.is_dir():
        print(f"no PolNeAR data at {split_dir}", file=sys.stderr)
        return 2
    if args.agreement:
        tallies, count = agreement(split_dir)
        print(f"PolNeAR {args.split}: second annotator against the first, {count} doubly annotated articles")
        _print(tallies)
        return 0
    tallies, count, seconds = evaluate(load_polnear(split_dir, args.limit), tagged=not args.rules)
    pipeline = "rules + cue model" if args.rules else "rules + cue model + tagger"
    rate = count / seconds if seconds else 0.0
    print(f"PolNeAR {args.split} ({pipeline}): {count} articles, {seconds:.1f} s, {rate:.1f} articles/s")
    _print(tallies)
    if args.check_floors and not args.rules:
        floors = json.loads(FLOORS.read_text(encoding="utf-8"))
        failed = [f"{k}: F1 {tallies[k].f1:.3f} < floor {v}" for k, v in floors.items() if tallies[k].f1 < v]
        for line in failed:
            print("FLOOR", line)
        return 1 if failed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
