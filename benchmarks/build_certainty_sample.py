"""Draw the certainty test sentences from ECB+ and PolNeAR (seeded, reproducible).

Writes ``benchmarks/data/certainty/sentences.jsonl``. Re-running it on the same shared data
reproduces the file byte for byte. ECB+ (CC BY 3.0) sentences are stored with their text; PolNeAR
sentences (no licence) are stored only as references: compartment, file, character offsets into the
file's text and the SHA-1 of the sentence, which ``certainty_data.load_certainty_gold`` resolves.

Usage: ``python benchmarks/build_certainty_sample.py [--shared ../shared]``

How the sample is drawn (also in ``data/certainty/GUIDELINE.md``):

* Sentences. ECB+ texts are already one sentence a line. PolNeAR texts are split into lines
  (paragraphs), then at sentence-final punctuation (``.``, ``!``, ``?``, possibly followed by closing
  quotes or brackets) that is followed by white space and a capital, digit or opening quote, unless
  the word before the full stop is a known abbreviation (Mr., Sen., Jan., ...), a single capital
  letter (an initial) or a dotted acronym (U.S., D.C.).
* Eligible sentences have at least 4 words (tokens holding a letter or digit) and end with
  sentence-final punctuation (optionally followed by closing quotes or brackets): this drops
  headlines, datelines, bylines and photo credits, which carry no such ending.
* Random stratum: 170 ECB+ and 170 PolNeAR sentences drawn uniformly among eligible sentences
  (PolNeAR's train and dev compartments pooled), ``random.Random(2026)``.
* Supplement stratum: 30 more from each corpus, drawn uniformly among the remaining eligible
  sentences that contain a word of ``CANDIDATE_WORDS`` (a broad, generic list of reporting, hedging,
  modal and negation words), to enrich the rare classes. Figures are reported on the random stratum
  and on all.
* Context: the 2 sentences preceding the sentence in its document (any sentence, eligible or not).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SEED = 2026
RANDOM_PER_CORPUS = 170
SUPPLEMENT_PER_CORPUS = 30
SECOND_SUPPLEMENT_PER_CORPUS = 30
CONTEXT_SENTENCES = 2
MIN_WORDS = 4
POLNEAR_COMPARTMENTS = ("train", "dev")

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "benchmarks" / "data" / "certainty" / "sentences.jsonl"

# Word lists read better packed than one word a line.
# fmt: off
ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "reps", "gov", "gen", "lt", "col", "sgt", "capt",
    "cmdr", "adm", "maj", "pres", "prof", "rev", "hon", "jr", "sr", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "co", "corp", "ltd", "no", "nos", "vs",
    "v", "etc", "approx", "dept", "univ", "ave", "blvd", "mt", "ft", "ariz", "calif", "colo", "conn",
    "fla", "ga", "ind", "kan", "ky", "md", "mich", "minn", "mo", "mont", "neb", "nev", "okla", "ore",
    "pa", "tenn", "tex", "va", "vt", "wis", "wyo",
))
CANDIDATE_WORDS = (
    "report", "reports", "reported", "reportedly", "said", "says", "say", "told", "according", "claim",
    "claims", "claimed", "allegedly", "alleged", "purportedly", "apparently", "appear", "appears",
    "appeared", "seem", "seems", "seemed", "believe", "believed", "believes", "suspected", "rumor",
    "rumors", "rumour", "rumours", "unconfirmed", "unverified", "sources", "may", "might", "could",
    "would", "should", "likely", "unlikely", "possibly", "probably", "perhaps", "expected", "whether",
    "if", "deny", "denies", "denied", "reject", "rejects", "rejected", "dismissed", "refuted", "false",
    "untrue",
)
# fmt: on
REPORTING_WORDS = frozenset(("said", "says", "say", "told", "according"))
_CANDIDATE_RE = re.compile(r"\b(?:" + "|".join(CANDIDATE_WORDS) + r")\b", re.IGNORECASE)
_HEDGE_CANDIDATE_RE = re.compile(
    r"\b(?:" + "|".join(word for word in CANDIDATE_WORDS if word not in REPORTING_WORDS) + r")\b",
    re.IGNORECASE,
)
_BOUNDARY_RE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_FINAL_RE = re.compile(r"[.!?][\"'”’)\]`]*\s*$")
_WORD_RE = re.compile(r"\S*[A-Za-z0-9]\S*")
_LAST_WORD_RE = re.compile(r"(\S+)$")


@dataclass(frozen=True)
class SentenceSpan:
    """One sentence of a document: its offsets in the document's text."""

    start: int
    end: int


def is_abbreviation(word: str) -> bool:
    """Whether the word before a full stop is an abbreviation, an initial or a dotted acronym."""
    core = word.lstrip("\"'“‘([").rstrip(".")
    if core.lower() in ABBREVIATIONS:
        return True
    if len(core) == 1 and core.isupper():
        return True
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", core))


def split_line(line: str, offset: int) -> list[SentenceSpan]:
    """Split one paragraph line into sentence spans (offsets relative to the document)."""
    spans: list[SentenceSpan] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(line):
        before = line[start : match.start() + 1]
        last = _LAST_WORD_RE.search(before)
        if match.group().startswith(".") and last and is_abbreviation(last.group(1)):
            continue
        spans.append(SentenceSpan(offset + start, offset + match.end()))
        start = match.end()
        while start < len(line) and line[start].isspace():
            start += 1
    if line[start:].strip():
        spans.append(SentenceSpan(offset + start, offset + len(line.rstrip())))
    return spans


def split_text(text: str) -> list[SentenceSpan]:
    """Split a PolNeAR text into sentences: lines are paragraphs, then the regex splitter."""
    spans: list[SentenceSpan] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            spans.extend(split_line(line.strip(), offset + lead))
        offset += len(line) + 1
    return spans


def is_eligible(sentence: str) -> bool:
    """At least MIN_WORDS words and a sentence-final ending (drops headlines, datelines, credits)."""
    return len(_WORD_RE.findall(sentence)) >= MIN_WORDS and bool(_FINAL_RE.search(sentence))


def is_hedge_candidate(sentence: str) -> bool:
    """Whether the sentence holds a candidate word that is not a plain reporting verb."""
    return bool(_HEDGE_CANDIDATE_RE.search(sentence))


def is_candidate(sentence: str) -> bool:
    """Whether the sentence holds one of the broad candidate words of the supplement stratum."""
    return bool(_CANDIDATE_RE.search(sentence))


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def ecbplus_pool(shared: Path) -> list[dict[str, object]]:
    """Every eligible ECB+ sentence with its two preceding lines as context."""
    pool: list[dict[str, object]] = []
    path = shared / "data" / "ecbplus" / "ecbplus-dev.jsonl"
    for raw in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(raw)
        lines = [line for line in doc["text"].split("\n") if line.strip()]
        for index, line in enumerate(lines):
            if is_eligible(line):
                context = lines[max(0, index - CONTEXT_SENTENCES) : index]
                pool.append(
                    {
                        "corpus": "ecbplus",
                        "doc": doc["id"],
                        "sentence_index": index,
                        "text": line,
                        "context": "\n".join(context),
                    }
                )
    return pool


def polnear_pool(shared: Path) -> list[dict[str, object]]:
    """Every eligible PolNeAR sentence, as offsets into its file (no text kept)."""
    pool: list[dict[str, object]] = []
    for compartment in POLNEAR_COMPARTMENTS:
        folder = shared / "data" / "polnear" / compartment / "text"
        for path in sorted(folder.glob("*.txt")):
            text = path.read_bytes().decode("utf-8")
            spans = split_text(text)
            for index, span in enumerate(spans):
                sentence = text[span.start : span.end]
                if not is_eligible(sentence):
                    continue
                before = spans[max(0, index - CONTEXT_SENTENCES) : index]
                pool.append(
                    {
                        "corpus": "polnear",
                        "compartment": compartment,
                        "file": path.name,
                        "sentence_index": index,
                        "start": span.start,
                        "end": span.end,
                        "sha1": sha1(sentence),
                        "context_start": before[0].start if before else span.start,
                        "context_end": before[-1].end if before else span.start,
                        "_text": sentence,
                    }
                )
    return pool


def text_of(item: dict[str, object]) -> str:
    return str(item.get("_text", item.get("text")))


def key_of(item: dict[str, object]) -> tuple[str, str, int]:
    """Where a pool sentence sits: corpus, document, sentence number."""
    document = item.get("doc") or f"{item.get('compartment')}/{item.get('file')}"
    return str(item["corpus"]), str(document), int(str(item["sentence_index"]))


def draw(pool: list[dict[str, object]], rng: random.Random) -> list[dict[str, object]]:
    """The random stratum and the first supplement of one corpus, in drawing order."""
    random_part = rng.sample(pool, RANDOM_PER_CORPUS)
    taken = {id(item) for item in random_part}
    rest = [item for item in pool if id(item) not in taken and is_candidate(text_of(item))]
    supplement = rng.sample(rest, SUPPLEMENT_PER_CORPUS)
    return [{**item, "stratum": "random"} for item in random_part] + [
        {**item, "stratum": "supplement", "supplement_words": "broad"} for item in supplement
    ]


def draw_second_supplement(
    pool: list[dict[str, object]], taken: set[tuple[str, str, int]], rng: random.Random
) -> list[dict[str, object]]:
    """More supplement sentences holding a candidate word other than a plain reporting verb."""
    rest = [item for item in pool if key_of(item) not in taken and is_hedge_candidate(text_of(item))]
    return [
        {**item, "stratum": "supplement", "supplement_words": "broad-minus-reporting"}
        for item in rng.sample(rest, SECOND_SUPPLEMENT_PER_CORPUS)
    ]


def number_rows(items: list[dict[str, object]], first: int) -> list[dict[str, object]]:
    """Stored rows numbered ``cert-NNN`` from ``first``, without the pool's private fields."""
    rows: list[dict[str, object]] = []
    for number, item in enumerate(items, start=first):
        row = {"id": f"cert-{number:03d}", "corpus": item["corpus"], "stratum": item["stratum"]}
        row.update(
            {
                key: value
                for key, value in item.items()
                if not key.startswith("_") and key not in ("corpus", "stratum")
            }
        )
        rows.append(row)
    return rows


def build_sample(shared: Path) -> list[dict[str, object]]:
    """Draw both corpora, shuffle them together and number them ``cert-001`` onwards.

    The second supplement was added after the first 400 sentences were drawn and labelled; it uses
    its own generator (seed + 1) and numbers after them, so the first 400 rows never change.
    """
    pools = [ecbplus_pool(shared), polnear_pool(shared)]
    rng = random.Random(SEED)
    items = [item for pool in pools for item in draw(pool, rng)]
    rng.shuffle(items)
    taken = {key_of(item) for item in items}
    second_rng = random.Random(SEED + 1)
    second = [item for pool in pools for item in draw_second_supplement(pool, taken, second_rng)]
    second_rng.shuffle(second)
    return number_rows(items, 1) + number_rows(second, len(items) + 1)


def write_rows(rows: list[dict[str, Any]], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} sentences to {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    write_rows(build_sample(args.shared), OUT)


if __name__ == "__main__":
    main()
