"""Run every accuracy benchmark on the public data sets beside the repository and check the floors.

Usage: python benchmarks/run_all.py [--only NAME ...]
Each script prints its own table; the floors it checks are in benchmarks/floors/. The speed-only
scripts (stories_throughput.py, web_load.py) take minutes and are run by hand.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = {
    "article_extraction": ["--check-floors"],
    "wcxb": ["--check-floors"],
    "stories": ["--check-floors"],
    "polnear": ["--check-floors"],
    "certainty": ["--check-floors"],
    "text_reuse": ["--check-floors"],
    "provenance": [],
    "alerts": [],
    "languages": [],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=sorted(SCRIPTS), help="run only these")
    args = parser.parse_args()
    failed = []
    for name in args.only or SCRIPTS:
        print(f"\n=== {name} ===", flush=True)
        started = time.perf_counter()
        code = subprocess.call([sys.executable, str(HERE / f"{name}.py"), *SCRIPTS[name]])
        print(f"({name}: exit {code}, {time.perf_counter() - started:.0f} s)", flush=True)
        if code:
            failed.append(name)
    if failed:
        print(f"\nbelow a floor or failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
