"""PostgreSQL ingest throughput with 1, 2 and 4 worker processes (SQLite, one process, for reference).

Data: ECB+ dev (Cybulska & Vossen, LREC 2014; CC BY 3.0), ../shared/data/ecbplus/ecbplus-dev.jsonl,
the first ``--articles`` articles (all 772 by default).

Protocol: for each row of the table a new, empty store (a new database on a throw-away PostgreSQL
server that this script starts with ``scripts/pg_server.sh``, as ``make test`` does, unless
``--url`` names one; a new SQLite file for the reference). The articles are dealt round-robin into
one JSON Lines file per worker; each worker is a separate process (``Newstrace.open`` +
``ingest``, default settings: extraction, claims, entities, storage, story clustering under the
store's story lock, provenance, alert matching) and reports when its ingest began and ended, after
its imports and its store were ready. Throughput = articles stored / (last end − first start).
Checks printed beside it: articles stored (each once) and articles without a story (none). CPU
ms/article sums the workers' CPU time: the work done per article, including each worker's replay of
the others' assignments, whatever else runs on the machine (the load column says how busy it was).

    python benchmarks/postgres_ingest.py [--articles 772] [--workers 1,2,4] [--url URL] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

ROOT = Path(__file__).resolve().parents[1]
ECB = ROOT.parent / "shared" / "data" / "ecbplus" / "ecbplus-dev.jsonl"
PG_SERVER = ROOT / "scripts" / "pg_server.sh"


@dataclass(frozen=True, slots=True)
class Row:
    backend: str
    workers: int
    articles: int
    stories: int
    unassigned: int
    seconds: float
    articles_per_second: float
    cpu_ms_per_article: float  # CPU time of all workers' ingests / articles (the work, whatever the load)
    load_average: float  # the machine's 1-minute load average when the row began (2 cores here)


def worker(data_dir: str, url: str, path: str) -> None:
    """One worker process: ingest one file, print when the ingest began and ended (JSON)."""
    from newstrace.app import Newstrace
    from newstrace.settings import Settings

    core = Newstrace.open(
        Settings(data_dir=data_dir, database_url=url, default_feeds=False, load_sample=False)
    )
    core.clusterer  # noqa: B018  # restored before the clock starts, as a long-running worker has it
    began, cpu = time.time(), time.process_time()
    report = core.ingest([path])
    ended, cpu = time.time(), time.process_time() - cpu
    core.close()
    print(json.dumps({"began": began, "ended": ended, "cpu": cpu, "new": report.count("new")}))


def _shards(lines: list[str], workers: int, folder: Path) -> list[Path]:
    paths = []
    for n in range(workers):
        path = folder / f"shard{n}.jsonl"
        path.write_text("\n".join(lines[n::workers]) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _prepare(url: str, data_dir: Path) -> None:
    """Migrate the store once before the workers start (as a deployment does)."""
    from newstrace.app import Newstrace
    from newstrace.settings import Settings

    Newstrace.open(
        Settings(data_dir=str(data_dir), database_url=url, default_feeds=False, load_sample=False)
    ).close()


def measure(backend: str, url: str, lines: list[str], workers: int, folder: Path) -> Row:
    _prepare(url, folder / "prepare")
    load = os.getloadavg()[0]
    children = [
        subprocess.Popen(
            [sys.executable, __file__, "--worker", str(folder / f"w{n}"), url, str(path)],
            stdout=subprocess.PIPE,
        )
        for n, path in enumerate(_shards(lines, workers, folder))
    ]
    reports = []
    for child in children:
        out, _ = child.communicate()
        if child.returncode != 0:
            raise SystemExit(f"a worker failed (exit {child.returncode})")
        reports.append(json.loads(out.decode().strip().splitlines()[-1]))
    seconds = max(r["ended"] for r in reports) - min(r["began"] for r in reports)
    engine = create_engine(url)
    with engine.connect() as conn:
        articles = conn.execute(text("SELECT COUNT(*) FROM articles")).scalar_one()
        stories = conn.execute(text("SELECT COUNT(*) FROM stories")).scalar_one()
        unassigned = conn.execute(text("SELECT COUNT(*) FROM articles WHERE story_id IS NULL")).scalar_one()
    engine.dispose()
    cpu = sum(r["cpu"] for r in reports)
    return Row(
        backend, workers, articles, stories, unassigned, round(seconds, 1), round(articles / seconds, 1),
        round(1000 * cpu / articles, 1), round(load, 1),
    )  # fmt: skip


def _new_database(server_url: str, name: str) -> str:
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def run(lines: list[str], worker_counts: list[int], server_url: str) -> list[Row]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="newstrace-pg-bench-") as tmp:
        folder = Path(tmp) / "sqlite"
        folder.mkdir()
        rows.append(measure("sqlite", f"sqlite:///{folder / 'newstrace.db'}", lines, 1, folder))
        for workers in worker_counts:
            folder = Path(tmp) / f"pg{workers}"
            folder.mkdir()
            url = _new_database(server_url, f"newstrace_bench_{workers}")
            rows.append(measure("postgresql", url, lines, workers, folder))
    return rows


def print_table(rows: list[Row]) -> None:
    base = next((r.articles_per_second for r in rows if r.backend == "postgresql" and r.workers == 1), None)
    print(f"{'backend':<11} {'workers':>7} {'articles':>8} {'stories':>7} {'no story':>8} {'seconds':>8}"
          f" {'articles/s':>10} {'vs 1 worker':>11} {'CPU ms/article':>14} {'load':>5}")  # fmt: skip
    for r in rows:
        ratio = f"{r.articles_per_second / base:.2f}x" if base and r.backend == "postgresql" else ""
        print(f"{r.backend:<11} {r.workers:>7} {r.articles:>8} {r.stories:>7} {r.unassigned:>8}"
              f" {r.seconds:>8.1f} {r.articles_per_second:>10.1f} {ratio:>11} {r.cpu_ms_per_article:>14.1f}"
              f" {r.load_average:>5.1f}")  # fmt: skip
    print(f"(this machine: {os.cpu_count()} CPUs; load = 1-minute load average as the row began)")


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--worker":
        worker(*sys.argv[2:5])
        return
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=772)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--url", default="", help="a PostgreSQL server URL (a user who may create databases)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    lines = ECB.read_text(encoding="utf-8").splitlines()[: args.articles]
    counts = [int(n) for n in args.workers.split(",")]
    server_dir = None
    url = args.url
    if not url:
        started = subprocess.run(
            ["bash", str(PG_SERVER), "start"], capture_output=True, text=True, check=True
        )
        server_dir, url = started.stdout.strip().splitlines()
    try:
        rows = run(lines, counts, url)
    finally:
        if server_dir:
            subprocess.run(["bash", str(PG_SERVER), "stop", server_dir], check=False)
    if args.json:
        print(json.dumps([asdict(r) for r in rows], indent=2))
    else:
        print_table(rows)


if __name__ == "__main__":
    main()
