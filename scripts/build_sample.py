"""Build the bundled sample (src/newstrace/data/sample/) from the ECB+ dev file.

ECB+ (Cybulska & Vossen, LREC 2014) is CC BY 3.0; the sample keeps each article's text unchanged and
drops the gold labels. Usage: python scripts/build_sample.py ../shared/data/ecbplus/ecbplus-dev.jsonl
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

TOPICS = set(range(1, 13))  # topics 1–12: a few hundred articles, two real events per topic
OUT = (
    Path(__file__).resolve().parents[1] / "src" / "newstrace" / "data" / "sample" / "ecbplus-sample.jsonl.gz"
)


def convert(row: dict) -> dict:
    lines = [line for line in row["text"].split("\n") if line.strip()]
    url = row.get("url") or None
    return {
        "id": f"ecbplus:{row['id']}",
        "url": url,
        "source": (urlsplit(url).hostname or "").removeprefix("www.") or None if url else None,
        "title": row["title"],
        "body": (lines[1:] or lines) if lines and lines[0] == row["title"] else lines,
        "language": "en",
        "extracted_by": "ecbplus",
    }


def main(path: str) -> None:
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    chosen = [convert(r) for r in rows if r["topic"] in TOPICS]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8") as handle:
        for record in chosen:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {len(chosen)} articles to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
