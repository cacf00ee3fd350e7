"""Kill ingestion with SIGKILL mid-batch, run it again: the store equals one clean run's."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from database_helpers import StoreDatabases

N_ARTICLES = 160


def _write_batch(shared_dir: Path, folder: Path) -> None:
    """Real ECB+ articles as JSON Lines (CC BY 3.0), split over a few files, plus one broken file."""
    rows = (shared_dir / "data" / "ecbplus" / "ecbplus-dev.jsonl").read_text(encoding="utf-8").splitlines()
    folder.mkdir()
    for part in range(4):
        chunk = rows[part * N_ARTICLES // 4 : (part + 1) * N_ARTICLES // 4]
        (folder / f"part{part}.jsonl").write_text("\n".join(chunk) + "\n", encoding="utf-8")
    (folder / "broken.jsonl").write_text('{"title": "no body"}\n{not json\n', encoding="utf-8")


def _ingest(data_dir: Path, folder: Path, databases: StoreDatabases) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NEWSTRACE_DATA_DIR": str(data_dir), **databases.env(data_dir)}
    return subprocess.Popen(
        [sys.executable, "-m", "newstrace", "ingest", str(folder)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
    )


def _rows(url: str, sql: str) -> list[Any]:
    engine = create_engine(url, connect_args={"timeout": 1} if url.startswith("sqlite") else {})
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(sql))]
    finally:
        engine.dispose()


def _snapshot(url: str) -> tuple[list[tuple[str, str]], list[frozenset[str]], int]:
    articles = sorted(_rows(url, "SELECT key, content_hash FROM articles"))
    stories: dict[int, set[str]] = {}
    for key, story in _rows(url, "SELECT key, story_id FROM articles"):
        stories.setdefault(story, set()).add(key)
    n_stories = _rows(url, "SELECT COUNT(*) FROM stories")[0][0]
    return articles, sorted((frozenset(s) for s in stories.values()), key=sorted), n_stories


def _count(url: str) -> int:
    try:
        return int(_rows(url, "SELECT COUNT(*) FROM articles")[0][0])
    except SQLAlchemyError:
        return 0


def test_sigkill_mid_batch_then_rerun_equals_clean_run(
    shared_dir: Path, tmp_path: Path, databases: StoreDatabases
) -> None:
    folder = tmp_path / "batch"
    _write_batch(shared_dir, folder)

    clean = tmp_path / "clean"
    assert _ingest(clean, folder, databases).wait(timeout=300) == 1  # the broken file's lines fail: exit 1

    crashed = tmp_path / "crashed"
    crashed_url = databases.url(crashed)
    process = _ingest(crashed, folder, databases)
    deadline = time.monotonic() + 120
    while _count(crashed_url) < N_ARTICLES // 3 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    if process.poll() is not None:
        pytest.fail("ingestion finished before it could be killed; raise N_ARTICLES")
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 0 < _count(crashed_url) < N_ARTICLES
    assert _ingest(crashed, folder, databases).wait(timeout=300) == 1

    clean_articles, clean_stories, clean_n = _snapshot(databases.url(clean))
    crashed_articles, crashed_stories, crashed_n = _snapshot(crashed_url)
    assert len(clean_articles) >= N_ARTICLES - 3  # ECB+ repeats a URL: one key, one article
    assert crashed_articles == clean_articles
    assert crashed_stories == clean_stories
    assert crashed_n == clean_n
    # and a third run changes nothing
    assert _ingest(crashed, folder, databases).wait(timeout=300) == 1
    assert _snapshot(crashed_url) == (clean_articles, clean_stories, clean_n)
