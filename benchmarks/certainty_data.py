"""Load the certainty test set: sentences (ECB+ text, PolNeAR offsets) joined with their gold labels.

ECB+ sentences are stored with their text (CC BY 3.0, Cybulska & Vossen, LREC 2014). PolNeAR
sentences are stored as references only (compartment, file, character offsets, SHA-1), resolved
here from the shared data folder; a mismatching hash raises ``CertaintyDataError``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data" / "certainty"
LABELS = ("asserted", "attributed", "hedged", "speculative", "denied", "none")


class CertaintyDataError(ValueError):
    """The stored sample does not match the shared data (missing file, wrong offsets or hash)."""


@dataclass(frozen=True)
class GoldSentence:
    """One labelled sentence of the certainty test set."""

    id: str
    corpus: str
    stratum: str
    text: str
    context: str
    primary: str
    alternatives: tuple[str, ...]
    cues: tuple[str, ...]
    source: str | None


def read_jsonl(path: Path) -> list[dict[str, object]]:
    """The JSON objects of a one-object-a-line file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def as_strings(value: object) -> tuple[str, ...]:
    """A stored JSON list of strings as a tuple (an absent or null field is empty)."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise CertaintyDataError(f"expected a list, got {value!r}")
    return tuple(str(item) for item in value)


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def resolve_polnear(row: dict[str, object], shared_dir: Path) -> tuple[str, str]:
    """The sentence and context text of a PolNeAR reference, checked against its SHA-1."""
    path = shared_dir / "data" / "polnear" / str(row["compartment"]) / "text" / str(row["file"])
    if not path.is_file():
        raise CertaintyDataError(f"{row['id']}: missing PolNeAR file {path}")
    document = path.read_bytes().decode("utf-8")
    text = document[int(str(row["start"])) : int(str(row["end"]))]
    if sha1(text) != row["sha1"]:
        raise CertaintyDataError(f"{row['id']}: SHA-1 mismatch for {path.name}")
    context = document[int(str(row["context_start"])) : int(str(row["context_end"]))]
    return text, context


def sentence_text(row: dict[str, object], shared_dir: Path) -> tuple[str, str]:
    """The sentence and its context for one stored row, whichever corpus it comes from."""
    if row["corpus"] == "polnear":
        return resolve_polnear(row, shared_dir)
    return str(row["text"]), str(row["context"])


def load_certainty_gold(shared_dir: Path, data_dir: Path = DATA_DIR) -> list[GoldSentence]:
    """Every labelled sentence, in file order; PolNeAR text is read from ``shared_dir``."""
    labels = {str(row["id"]): row for row in read_jsonl(data_dir / "labels.jsonl")}
    gold: list[GoldSentence] = []
    for row in read_jsonl(data_dir / "sentences.jsonl"):
        label = labels.get(str(row["id"]))
        if label is None:
            raise CertaintyDataError(f"{row['id']}: no label")
        text, context = sentence_text(row, shared_dir)
        source = label.get("source")
        gold.append(
            GoldSentence(
                id=str(row["id"]),
                corpus=str(row["corpus"]),
                stratum=str(row["stratum"]),
                text=text,
                context=context,
                primary=str(label["primary"]),
                alternatives=as_strings(label.get("alternatives")),
                cues=as_strings(label.get("cues")),
                source=None if source is None else str(source),
            )
        )
    return gold
