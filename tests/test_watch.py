"""annales watch: passes over a directory code what is new, wait for files still being written, and a
watcher stopped or killed at any point resumes without coding anything twice or losing anything."""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from annales.errors import ConfigError
from annales.store import Store
from annales.watch import _Stop, parse_interval, watch, watch_pass

ACTORS = ["France", "Germany", "Russia", "China", "Japan", "Brazil", "India", "Kenya", "Egypt", "Turkey", "Peru"]
ACTS = ["condemned", "praised", "accused", "criticised", "thanked", "threatened"]


def _articles(n: int, start: int = 0) -> list[dict]:
    """``n`` short invented reports, each with its own dyad and id."""
    pairs = list(itertools.permutations(ACTORS, 2))[start:start + n]
    return [{"id": f"w{start + k:03d}", "published": f"2024-05-{1 + k % 28:02d}",
             "text": f"The government of {a} {ACTS[k % len(ACTS)]} {b} on Tuesday over the border dispute. "
                     f"Officials in {b} said talks would continue."}
            for k, (a, b) in enumerate(pairs)]


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _stored(db: Path) -> dict[str, object]:
    with Store(db, read_only=True) as store:
        return dict(store.con.execute("SELECT article_id, coded_at FROM articles").fetchall())


def _status(store: Store) -> dict[str, str]:
    return {Path(p).name: s for p, s in store.con.execute("SELECT path, status FROM watch_files").fetchall()}


def test_parse_interval():
    assert [parse_interval(v) for v in (900, "900", "30s", "15m", "1h", "1h30m", "0.5s")] == [
        900, 900, 30, 900, 3600, 5400, 0.5]
    for bad in ("", "soon", "15x", "-5", "m"):
        with pytest.raises(ConfigError):
            parse_interval(bad)


def test_one_pass_codes_every_input_and_a_new_file_in_the_next(tmp_path, pipeline):
    inbox, db = tmp_path / "inbox", tmp_path / "w.duckdb"
    _jsonl(inbox / "a.jsonl", _articles(3))
    (inbox / "sub").mkdir()
    (inbox / "sub" / "note.txt").write_text("Kenya and Ethiopia signed a border accord on Monday.\n", encoding="utf-8")
    (inbox / "skip.jsonl.part").write_text(json.dumps(_articles(1, 50)[0]) + "\n")  # a download in progress
    (inbox / ".hidden.jsonl").write_text(json.dumps(_articles(1, 51)[0]) + "\n")
    lines = []
    with Store(db) as store:
        total = watch(inbox, store, pipeline, once=True, settle=0.05, log=lines.append)
        assert (total.passes, total.files, total.coded, total.failed) == (1, 2, 4, [])
        assert sorted(_status(store).items()) == [("a.jsonl", "done"), ("note.txt", "done")]
        assert store.con.execute("SELECT count(*) FROM merged_events").fetchall()[0][0] > 0  # merged after the pass
        assert "sub/note" in {r[0] for r in store.con.execute("SELECT article_id FROM articles").fetchall()}
    assert len(lines) == 1 and lines[0].startswith("pass 1: 2 new or changed files; coded 4 articles")

    before = _stored(db)
    _jsonl(inbox / "b.jsonl", _articles(2, 10))
    with Store(db) as store:
        result = watch_pass(inbox, store, pipeline, settle=0.05)
        assert (result.files, result.summary.coded, result.summary.unchanged) == (1, 2, 0)  # a.jsonl is not read again
    after = _stored(db)
    assert len(after) == 6 and all(after[k] == v for k, v in before.items())


def test_changed_and_touched_files(tmp_path, pipeline):
    inbox = tmp_path / "inbox"
    feed = _jsonl(inbox / "feed.jsonl", _articles(2))
    with Store(tmp_path / "w.duckdb") as store:
        watch_pass(inbox, store, pipeline, settle=0.05, merge=False)
        os.utime(feed, ns=(feed.stat().st_atime_ns, feed.stat().st_mtime_ns + 5_000_000_000))  # touched
        assert watch_pass(inbox, store, pipeline, settle=0.05, merge=False).files == 0
        _jsonl(feed, _articles(3))  # one line added
        result = watch_pass(inbox, store, pipeline, settle=0.05, merge=False)
        assert (result.files, result.summary.coded, result.summary.unchanged) == (1, 1, 2)
        (articles, errors), = store.con.execute("SELECT articles, errors FROM watch_files").fetchall()
        assert (articles, errors) == (3, 0)


def test_a_file_still_being_written_waits_until_its_size_settles(tmp_path, pipeline):
    inbox = tmp_path / "inbox"
    rows = _articles(4)
    _jsonl(inbox / "ready.jsonl", _articles(1, 20))
    growing = _jsonl(inbox / "growing.jsonl", rows[:1])

    def append(row):
        with growing.open("a", encoding="utf-8") as f:
            f.write(json.dumps(row) + "\n")

    class Writer(_Stop):
        """The settle wait, during which a writer appends lines to growing.jsonl."""

        def __init__(self, rows):
            super().__init__(install=False)
            self.rows = rows

        def sleep(self, seconds):
            for row in self.rows:
                append(row)

    with Store(tmp_path / "w.duckdb") as store:
        first = watch_pass(inbox, store, pipeline, settle=1, merge=False, stop=Writer(rows[1:2]))
        assert (first.files, first.waiting, first.summary.coded) == (1, 1, 1)
        assert _status(store) == {"ready.jsonl": "done", "growing.jsonl": "seen"}
        append(rows[2])  # the writer goes on between passes, and during the next wait
        second = watch_pass(inbox, store, pipeline, settle=1, merge=False, stop=Writer(rows[3:]))
        assert (second.files, second.waiting, second.summary.coded) == (0, 1, 0)
        third = watch_pass(inbox, store, pipeline, settle=1, merge=False, stop=Writer([]))  # same size as last seen
        assert (third.files, third.waiting, third.summary.coded) == (1, 0, 4)
        assert _status(store)["growing.jsonl"] == "done"
    # settle=0: a new file is only trusted once a later pass sees the same size
    _jsonl(inbox / "late.jsonl", _articles(1, 30))
    with Store(tmp_path / "w.duckdb") as store:
        assert watch_pass(inbox, store, pipeline, settle=0, merge=False).summary.coded == 0
        assert watch_pass(inbox, store, pipeline, settle=0, merge=False).summary.coded == 1


@pytest.mark.skipif(threading.current_thread() is not threading.main_thread(), reason="signals need the main thread")
def test_sigterm_stops_after_the_batch_and_a_restart_resumes(tmp_path, pipeline):
    from annales.pipeline import Pipeline

    settings = {**pipeline.settings, "coder": {**pipeline.settings["coder"], "commit_every": 3}}
    small = Pipeline(settings, nlp=pipeline.nlp)
    inbox, db = tmp_path / "inbox", tmp_path / "w.duckdb"
    _jsonl(inbox / "news.jsonl", _articles(40))

    def log(line):
        if line.startswith("committed") and not stopped:
            stopped.append(line)
            os.kill(os.getpid(), signal.SIGTERM)  # as `kill` or systemd would

    stopped: list[str] = []
    total = watch(inbox, str(db), small, interval="1h", settle=0.05, verbose=True, log=log)
    assert total.stopped and total.passes == 1 and 3 <= total.coded < 40
    first = _stored(db)
    with Store(db) as store:
        assert _status(store) == {"news.jsonl": "seen"}  # not done: it is read again
    again = watch(inbox, str(db), small, once=True, settle=0.05)
    assert (again.coded, again.unchanged) == (40 - len(first), len(first))
    final = _stored(db)
    assert len(final) == 40 and all(final[k] == v for k, v in first.items())


def test_killed_watcher_resumes_without_recoding_or_losing_anything(tmp_path):
    """`annales watch` killed with SIGKILL right after its first commit, then run again with --once."""
    inbox, db, cfg = tmp_path / "inbox", tmp_path / "w.duckdb", tmp_path / "small.toml"
    _jsonl(inbox / "news.jsonl", _articles(100))
    cfg.write_text("[coder]\ncommit_every = 4\n")
    cmd = [sys.executable, "-m", "annales.cli", "watch", str(inbox), "--db", str(db), "--config", str(cfg),
           "--settle", "0.1"]
    proc = subprocess.Popen(cmd + ["--interval", "1h", "-v"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            text=True, cwd=tmp_path)
    timer = threading.Timer(120, proc.kill)
    timer.start()
    seen = []
    try:
        for line in proc.stderr:
            seen.append(line)
            if " committed " in line:
                proc.send_signal(signal.SIGKILL)
                break
    finally:
        proc.wait()
        timer.cancel()
    assert proc.returncode == -signal.SIGKILL, "".join(seen)
    first = _stored(db)
    assert 4 <= len(first) < 100, "the watcher finished before it was killed"
    with Store(db, read_only=True) as store:
        assert _status(store) == {"news.jsonl": "seen"}

    done = subprocess.run(cmd + ["--once"], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"coded {100 - len(first)} articles, {len(first)} unchanged" in done.stderr
    final = _stored(db)
    assert len(final) == 100 and all(final[k] == v for k, v in first.items())  # the first batches untouched
    with Store(db, read_only=True) as store:
        con = store.con
        assert con.execute("SELECT count(*), count(DISTINCT event_id) FROM events").fetchall()[0] == (100, 100)
        assert _status(store) == {"news.jsonl": "done"}
        assert con.execute("SELECT count(*) FROM merged_events").fetchall()[0][0] > 0


def test_the_server_codes_arriving_files_while_it_serves_the_store(tmp_path, pipeline):
    """`annales serve --watch`: one process writes and reads the DuckDB file, so the explorer shows what
    arrives while it serves; a second process could not open the file at all."""
    import time

    from fastapi.testclient import TestClient

    from annales.api import create_app

    inbox, db = tmp_path / "inbox", tmp_path / "served.duckdb"
    _jsonl(inbox / "first.jsonl", _articles(2))
    lines = []
    app = create_app(str(db), read_only=True, pipeline=pipeline,
                     watch={"directory": inbox, "interval": 0.2, "settle": 0.05, "log": lines.append})
    with TestClient(app) as client:
        assert client.post("/api/articles", json={"id": "x", "text": "Peru thanked Chile."}).status_code == 403

        def articles() -> set[str]:
            items = client.get("/api/events", params={"limit": 100}).json()["items"]
            return {i["article_id"] for i in items}

        def wait_for(ids: set[str]) -> set[str]:
            deadline = time.monotonic() + 60
            while not ids <= (seen := articles()) and time.monotonic() < deadline:
                time.sleep(0.2)
            return seen

        assert wait_for({"w000", "w001"}) >= {"w000", "w001"}
        _jsonl(inbox / "second.jsonl", _articles(1, 20))
        assert "w020" in wait_for({"w020"})
        assert client.get("/api/events", params={"q": "border dispute"}).json()["total"] >= 3  # the text index too
        index, passes = app.state.annales.text.table(), len(lines)
        deadline = time.monotonic() + 30
        while len(lines) < passes + 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(lines) >= passes + 2 and app.state.annales.text.table() == index  # idle passes keep the index
        watcher = app.state.watcher
    assert not watcher.is_alive() and watcher.error is None  # stopped with the app
    assert any(line.startswith("pass ") and "coded 2 articles" in line for line in lines)
    with Store(db, read_only=True) as store:  # the file is free again, and holds what was coded
        assert {r[0] for r in store.con.execute("SELECT article_id FROM articles").fetchall()} >= {"w000", "w020"}
