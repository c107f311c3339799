"""Batches commit atomically: an interrupted run keeps what it committed and a re-run resumes."""

from __future__ import annotations

import json

from annales.batch import RunSummary, code_inputs
from annales.pipeline import Pipeline
from annales.store import Store

TEXTS = ["France and Germany condemned Iran over the executions.",
         "Israeli jets struck a weapons depot near Damascus on Sunday.",
         "Russia announced the expulsion of 20 Czech diplomats.",
         "The United Nations urged Ethiopia and Eritrea to respect the ceasefire.",
         "Indian troops opened fire on Pakistani soldiers along the border.",
         "Brazil's foreign minister praised Argentina for its help."]


def _corpus(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps({"id": f"n{i}", "text": t, "published": "2024-03-06"}) + "\n"
                            for i, t in enumerate(TEXTS)))
    return path


def test_interrupted_run_keeps_committed_batches_and_resumes(tmp_path, pipeline):
    settings = {**pipeline.settings, "coder": {**pipeline.settings["coder"], "commit_every": 2}}
    small = Pipeline(settings, nlp=pipeline.nlp)
    src, db = _corpus(tmp_path), tmp_path / "r.duckdb"
    real_pipe = small.pipe

    def interrupted_pipe(articles, workers=1):
        for n, coded in enumerate(real_pipe(articles, workers=workers)):
            if n == 3:
                raise KeyboardInterrupt
            yield coded

    small.pipe = interrupted_pipe
    summary = RunSummary()
    with Store(db) as store:
        list(code_inputs([src], store, small, summary))
    assert summary.interrupted and summary.coded == 2
    with Store(db) as store:
        assert store.article_count() == 2

    small.pipe = real_pipe
    again = RunSummary()
    with Store(db) as store:
        events = list(code_inputs([src], store, small, again))
        assert (again.coded, again.unchanged) == (4, 2)
        assert store.article_count() == 6
        stored = sorted(e.event_id for e in store.events())
    assert sorted(e.event_id for e in events) == stored


def test_recoding_changed_text_replaces_rows(tmp_path, pipeline):
    src, db = _corpus(tmp_path), tmp_path / "s.duckdb"
    with Store(db) as store:
        list(code_inputs([src], store, pipeline, RunSummary()))
        before = store.stats()["events"]
    src.write_text(json.dumps({"id": "n0", "text": "The weather in Paris was sunny.", "published": "2024-03-06"}) + "\n")
    with Store(db) as store:
        summary = RunSummary()
        list(code_inputs([src], store, pipeline, summary))
        assert summary.coded == 1
        assert store.stats()["events"] == before - 2  # n0's two events are gone, nothing duplicated
        assert list(store.events(where={"article_id": "n0"})) == []


def test_enormous_article_is_refused_with_its_name(tmp_path, pipeline):
    big = tmp_path / "big.txt"
    big.write_text("Russia attacked Ukraine. " * 500_000)  # 12.5 MB
    summary = RunSummary()
    seen = []
    with Store(":memory:") as store:
        list(code_inputs([big, _corpus(tmp_path)], store, pipeline, summary, report=seen.append))
    assert len(seen) == 1 and str(big) in str(seen[0]) and "[E006]" in str(seen[0])
    assert summary.coded == len(TEXTS)
