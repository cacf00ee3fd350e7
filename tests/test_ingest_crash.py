"""Kill ingestion with SIGKILL mid-batch, run it again: the store equals one clean run's."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

N_ARTICLES = 160


def _write_batch(shared_dir: Path, folder: Path) -> None:
    """Real ECB+ articles as JSON Lines (CC BY 3.0), split over a few files, plus one broken file."""
    rows = (shared_dir / "data" / "ecbplus" / "ecbplus-dev.jsonl").read_text(encoding="utf-8").splitlines()
    folder.mkdir()
    for part in range(4):
        chunk = rows[part * N_ARTICLES // 4 : (part + 1) * N_ARTICLES // 4]
        (folder / f"part{part}.jsonl").write_text("\n".join(chunk) + "\n", encoding="utf-8")
    (folder / "broken.jsonl").write_text('{"title": "no body"}\n{not json\n', encoding="utf-8")


def _ingest(data_dir: Path, folder: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NEWSTRACE_DATA_DIR": str(data_dir)}
    return subprocess.Popen(
        [sys.executable, "-m", "newstrace", "ingest", str(folder)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
    )


def _snapshot(data_dir: Path) -> tuple[list[tuple[str, str]], list[frozenset[str]], int]:
    with sqlite3.connect(data_dir / "newstrace.db") as conn:
        articles = sorted(conn.execute("SELECT key, content_hash FROM articles"))
        stories: dict[int, set[str]] = {}
        for key, story in conn.execute("SELECT key, story_id FROM articles"):
            stories.setdefault(story, set()).add(key)
        n_stories = conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
    return articles, sorted((frozenset(s) for s in stories.values()), key=sorted), n_stories


def _count(data_dir: Path) -> int:
    try:
        with sqlite3.connect(data_dir / "newstrace.db", timeout=1) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_sigkill_mid_batch_then_rerun_equals_clean_run(shared_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    _write_batch(shared_dir, folder)

    clean = tmp_path / "clean"
    assert _ingest(clean, folder).wait(timeout=300) == 1  # the broken file's lines fail: exit 1

    crashed = tmp_path / "crashed"
    process = _ingest(crashed, folder)
    deadline = time.monotonic() + 120
    while _count(crashed) < N_ARTICLES // 3 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    if process.poll() is not None:
        pytest.fail("ingestion finished before it could be killed; raise N_ARTICLES")
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 0 < _count(crashed) < N_ARTICLES
    assert _ingest(crashed, folder).wait(timeout=300) == 1

    clean_articles, clean_stories, clean_n = _snapshot(clean)
    crashed_articles, crashed_stories, crashed_n = _snapshot(crashed)
    assert len(clean_articles) >= N_ARTICLES - 3  # ECB+ repeats a URL: one key, one article
    assert crashed_articles == clean_articles
    assert crashed_stories == clean_stories
    assert crashed_n == clean_n
    # and a third run changes nothing
    assert _ingest(crashed, folder).wait(timeout=300) == 1
    assert _snapshot(crashed) == (clean_articles, clean_stories, clean_n)
