"""The WCXB benchmark, in process, on a fixed subset of pages: newstrace may not fall below its floors.

Runs on every 3rd page (237 of 711, about 30 s) so the suite stays fast. The subset has its own
floors (``every_3rd_page`` in benchmarks/floors/wcxb.json, measured with
``python benchmarks/wcxb.py --every 3 --only newstrace`` less about 0.005); the full
run's floors are checked by ``python benchmarks/wcxb.py --check-floors``.
WCXB: Web Content eXtraction Benchmark (Murrough Foley 2026), CC BY 4.0.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmark_scripts import load_benchmark

REPO = Path(__file__).resolve().parents[2]




def test_wcxb_floors(shared_dir: Path) -> None:
    data = shared_dir / "data" / "wcxb-articles"
    if not (data / "html").is_dir():
        pytest.skip("WCXB pages missing")
    wcxb = load_benchmark("wcxb")
    floors = json.loads((REPO / "benchmarks" / "floors" / "wcxb.json").read_text(encoding="utf-8"))
    pages = wcxb.load_pages(data, every=3)
    scores = wcxb.run(pages, wcxb.predict_newstrace)
    assert wcxb.check_floors(scores, floors["every_3rd_page"]) == []
