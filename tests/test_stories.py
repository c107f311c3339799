"""Story clustering (annales.stories) on the team's fixture articles and on synthetic collections."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import random
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp

from annales import stories
from annales.ingest import parse_text
from annales.stories import StoryInput, cluster_articles, story_similarity

FIXTURES = Path(__file__).parent / "fixtures" / "stories"
TRIO = ("strike_makhmour_reuters", "strike_makhmour_ap", "strike_makhmour_afp")


def _load() -> list[StoryInput]:
    items = []
    for path in sorted(FIXTURES.glob("*.txt")):
        art = parse_text(path.read_text(encoding="utf-8"), path.stem, str(path))
        items.append(StoryInput(path.stem, art.title, art.text, art.published))
    return items


@pytest.fixture(scope="module")
def items() -> list[StoryInput]:
    return _load()


@pytest.fixture(scope="module")
def clusters(items) -> dict[str, str]:
    return cluster_articles(items)


def _sid(article_id: str) -> str:
    return hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:16]


def test_fixtures_parse_with_dates(items):
    assert len(items) == 9
    assert all(it.published is not None and it.title for it in items)


def test_three_reports_of_one_strike_are_one_story(clusters):
    assert clusters[TRIO[0]] == clusters[TRIO[1]] == clusters[TRIO[2]]
    assert clusters[TRIO[0]] == _sid(min(TRIO))  # id of the smallest member


def test_second_strike_and_hard_negatives_stay_apart(items):
    """As merge_store gives them (coded events): the second strike, dated two days later by its events,
    conflicts with the first. Without coded events, a dated pair needs only ``threshold`` (0.22) and the
    second strike on the same place two days later is not told apart by its words alone."""
    clusters = cluster_articles(_with_events(items))
    strike = clusters[TRIO[0]]
    assert clusters[TRIO[1]] == clusters[TRIO[2]] == strike
    for other in ("strike_makhmour_second", "turkey_iraq_water_talks", "syria_airport_strike"):
        assert clusters[other] != strike, other


def test_unrelated_articles_are_singletons(items, clusters):
    for aid in ("kenya_somalia_trade", "japan_philippines_drill", "brazil_argentina_summit", "turkey_iraq_water_talks"):
        assert clusters[aid] == _sid(aid)
    coded = cluster_articles(_with_events(items))
    assert coded["strike_makhmour_second"] == _sid("strike_makhmour_second")
    assert len(set(coded.values())) == 7


def test_order_independent_and_deterministic(items, clusters):
    for seed in range(3):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        assert cluster_articles(shuffled) == clusters
    assert all(len(s) == 16 and int(s, 16) >= 0 for s in clusters.values())


def test_similarity_explains_the_ranking(items):
    by = {it.article_id: it for it in items}
    same = story_similarity(by["strike_makhmour_reuters"], by["strike_makhmour_ap"])
    second = story_similarity(by["strike_makhmour_reuters"], by["strike_makhmour_second"])
    talks = story_similarity(by["strike_makhmour_reuters"], by["turkey_iraq_water_talks"])
    assert same > second > talks
    assert talks == 0.0  # published a month apart: outside the window
    assert story_similarity(by["strike_makhmour_reuters"], by["strike_makhmour_ap"]) == same  # pure


def test_pair_scores_are_what_the_linkage_compares(items):
    """``pair_scores`` gives the collection-level score of named pairs: the three reports of one strike
    score at or above the threshold and cluster together; the second strike (coded events: a conflicting
    date) scores below it; a pair a month apart scores 0; the order of the ids in a pair does not matter."""
    coded = _with_events(items)
    threshold = stories._settings()["threshold"]
    pairs = [(TRIO[0], TRIO[1]), (TRIO[1], TRIO[0]), (TRIO[0], "strike_makhmour_second"),
             (TRIO[0], "turkey_iraq_water_talks")]
    got = stories.pair_scores(coded, pairs)
    assert got[pairs[0]] == pytest.approx(got[pairs[1]]) and got[pairs[0]] >= threshold
    assert got[pairs[2]] < threshold
    assert got[pairs[3]] == 0.0
    clusters = cluster_articles(coded)
    assert clusters[TRIO[0]] == clusters[TRIO[1]] != clusters["strike_makhmour_second"]
    # on two articles alone, the score is story_similarity's
    by = {it.article_id: it for it in coded}
    alone = stories.pair_scores([by[TRIO[0]], by[TRIO[1]]], [pairs[0]])[pairs[0]]
    assert alone == pytest.approx(story_similarity(by[TRIO[0]], by[TRIO[1]]))


def test_date_window(items):
    a = next(it for it in items if it.article_id == "strike_makhmour_reuters")
    copy = StoryInput("copy", a.title, a.text, a.published + datetime.timedelta(days=2))
    late = StoryInput("late", a.title, a.text, a.published + datetime.timedelta(days=10))
    got = cluster_articles([a, copy, late])
    assert got["copy"] == got[a.article_id]
    assert got["late"] != got[a.article_id]
    # a wider window lets the late copy in (both copies are close to each other and to it)
    assert len(set(cluster_articles([a, copy, late], window_days=14).values())) == 1


def test_default_window_spans_five_days(items):
    """One development reported over several days (a storm's landfall, then its damage) is compared up to
    five days apart by default, with the score halved by then; a sixth day is outside the window."""
    a = next(it for it in items if it.article_id == "strike_makhmour_reuters")

    def later(days):
        return StoryInput(f"plus{days}", a.title, a.text, a.published + datetime.timedelta(days=days))
    assert len(set(cluster_articles([a, later(5)]).values())) == 1
    assert len(set(cluster_articles([a, later(6)]).values())) == 2
    assert 0.0 < story_similarity(a, later(5)) < story_similarity(a, later(1))
    assert story_similarity(a, later(6)) == 0.0


def test_undated_articles_need_more_similarity(items):
    by = {it.article_id: it for it in items}
    undated = [StoryInput(it.article_id, it.title, it.text, None) for it in items]
    got = cluster_articles(undated)
    # text alone with the stricter threshold: nothing merges that was separate when dated
    assert got["strike_makhmour_second"] != got["strike_makhmour_reuters"]
    assert got["turkey_iraq_water_talks"] != got["strike_makhmour_reuters"]
    # an undated copy of a dated article still joins it
    a = by["strike_makhmour_ap"]
    got = cluster_articles([a, StoryInput("undated-copy", a.title, a.text, None)])
    assert len(set(got.values())) == 1
    dated = story_similarity(a, by["strike_makhmour_reuters"])
    undated_pair = story_similarity(a, StoryInput("u", by["strike_makhmour_reuters"].title,
                                                  by["strike_makhmour_reuters"].text, None))
    assert undated_pair < dated


def test_empty_and_duplicate_ids():
    assert cluster_articles([]) == {}
    one = StoryInput("x", None, "Kenya and Somalia signed a trade deal.", None)
    assert cluster_articles([one]) == {"x": _sid("x")}
    with pytest.raises(ValueError):
        cluster_articles([one, one])


def test_no_single_link_chaining():
    """A-B and B-C are close, A-C share nothing: average linkage keeps A and C apart."""
    day = datetime.date(2024, 1, 1)
    a = StoryInput("a", None, "Albania Bolivia Chile Denmark Estonia Finland Gabon Haiti. " * 3, day)
    b = StoryInput("b", None, "Albania Bolivia Chile Denmark Iceland Jamaica Kenya Laos. " * 3, day)
    c = StoryInput("c", None, "Malta Nauru Oman Peru Iceland Jamaica Kenya Laos. " * 3, day)
    filler = [StoryInput(f"f{i}", None, f"Unrelated filler text number {i} about weather{i} and sport{i}.", day)
              for i in range(10)]
    got = cluster_articles([a, b, c, *filler], threshold=0.3)
    assert got["a"] != got["c"]


def _synthetic(n: int, seed: int = 1) -> list[StoryInput]:
    rng = random.Random(seed)
    vocab = [f"word{i}" for i in range(3000)]
    names = [f"Name{i}" for i in range(500)]
    start = datetime.date(2024, 1, 1)
    out = []
    for k in range(n // 4):  # stories of up to 3 reports, days apart, plus unrelated articles
        base = rng.sample(vocab, 60)
        who = rng.sample(names, 3)
        day = start + datetime.timedelta(days=rng.randrange(200))
        for r in range(3 if k % 3 == 0 else 1):
            words = base[:50] + rng.sample(vocab, 10)
            rng.shuffle(words)
            text = f"{who[0]} met {who[1]} in {who[2]}. " + " ".join(words) + "."
            out.append(StoryInput(f"s{k:05d}-{r}", None, text, day + datetime.timedelta(days=r)))
    while len(out) < n:
        out.append(StoryInput(f"u{len(out):05d}", None, " ".join(rng.sample(vocab, 60)) + ".",
                              start + datetime.timedelta(days=rng.randrange(200))))
    return out


def test_scales_without_dense_all_pairs(monkeypatch):
    items = _synthetic(2000)

    def refuse(*_a, **_k):
        raise AssertionError("dense matrix built")

    monkeypatch.setattr(sp.csr_matrix, "toarray", refuse)
    monkeypatch.setattr(sp.csr_matrix, "todense", refuse)
    seen = {}
    real = stories._candidates

    def spy(its, x, window, *rest):
        got = real(its, x, window, *rest)
        seen["pairs"], seen["items"], seen["window"] = got, its, window
        return got

    monkeypatch.setattr(stories, "_candidates", spy)
    # a stand-in for the sentence encoder (random unit vectors: dense, unrelated), so that the dense
    # embedding block goes through the candidate search without 2000 encoder calls
    rng = np.random.default_rng(0)
    fake = rng.standard_normal((len(items), 384)).astype(np.float32)
    fake /= np.linalg.norm(fake, axis=1, keepdims=True)
    monkeypatch.setattr(stories, "_embed", lambda its, cache=None: fake if len(its) == len(fake) else None)
    got = cluster_articles(items, embeddings=True)
    assert len(got) == 2000
    pairs, its = seen["pairs"], seen["items"]
    assert len(pairs) <= len(its) * stories.TOP_K  # sparse top-k, not n * n
    assert all(abs((its[i].published - its[j].published).days) <= seen["window"] for i, j in pairs)
    # the three reports of each synthetic story come together, unrelated articles stay alone
    trios = [k for k in range(0, 500, 3)]
    together = sum(got[f"s{k:05d}-0"] == got[f"s{k:05d}-1"] == got[f"s{k:05d}-2"] for k in trios)
    assert together >= 0.9 * len(trios)
    assert sum(1 for aid, s in got.items() if aid.startswith("u") and s != _sid(aid)) <= 20


def test_tfidf_fallback_without_the_encoder(items, clusters, monkeypatch):
    """embeddings off, or the model file missing: the TF-IDF score alone, same fixture behaviour."""
    off = cluster_articles(_with_events(items), embeddings=False)
    monkeypatch.setattr(stories, "_encoder", lambda: None)
    assert cluster_articles(_with_events(items)) == off
    assert off[TRIO[0]] == off[TRIO[1]] == off[TRIO[2]]
    for other in ("strike_makhmour_second", "turkey_iraq_water_talks", "syria_airport_strike"):
        assert off[other] != off[TRIO[0]], other


def test_packaged_encoder_matches_its_sidecar():
    from annales import _onnx
    from annales._data import data_path

    if not _onnx.available(stories.EMBED_MODEL):
        pytest.skip("sentence encoder not installed")
    path = data_path(stories.EMBED_MODEL)
    meta = _onnx.read_meta(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == meta["sha256"]
    emb = stories._embed(_load()[:4])
    assert emb.shape == (4, meta["dim"])
    assert abs(float((emb * emb).sum(axis=1).mean()) - 1.0) < 1e-3  # unit length: dot product = cosine


# ---------------------------------------------------------------- coded events (StoryInput.events)

# what the coder finds in the strike fixtures (source, target, root, event date, place), abridged
CODED = {
    "strike_makhmour_reuters": {("TUR", "IRQ", "19", "2024-05-14", "IRQ/Nineveh"), ("IRQ", "IRQ", "12", None, None)},
    "strike_makhmour_ap": {("TUR", "IRQ", "19", "2024-05-14", "IRQ/Nineveh"), ("IRQ", "TUR", "11", None, None)},
    "strike_makhmour_afp": {("TUR", "IRQ", "19", "2024-05-14", "IRQ/Nineveh"), ("TUR", "-", "19", "2024-05-14", None),
                            ("IRQ", "TUR", "14", "2024-05-15", None)},
    "strike_makhmour_second": {("TUR", "IRQ", "19", "2024-05-16", "IRQ/Nineveh"),
                               ("TUR", "-", "19", "2024-05-16", "IRQ/Nineveh")},
    "turkey_iraq_water_talks": {("IRQ", "TUR", "03", "2024-06-18", None)},
}


def _with_events(items) -> list[StoryInput]:
    """The fixtures as ``merge_store`` gives them: with actor countries and coded events."""
    actors = {"strike": frozenset({"TUR", "IRQ"}), "turkey": frozenset({"TUR", "IRQ"})}
    return [StoryInput(it.article_id, it.title, it.text, it.published,
                       actors=actors.get(it.article_id.split("_")[0], frozenset()),
                       events=frozenset(CODED.get(it.article_id, ()))) for it in items]


def test_event_keys_from_store_rows():
    rows = [
        {"article_id": "a", "source_country": "TUR", "target_country": "IRQ", "cameo_root": "19",
         "date": datetime.date(2024, 5, 14), "date_precision": "day", "date_inferred": False,
         "location": '{"name": "Makhmour", "country": "IRQ", "admin1": "Nineveh", "city": null, '
                     '"precision": "region"}'},
        {"article_id": "a", "source_country": "IRQ", "target_country": None, "cameo_root": "01",
         "date": datetime.date(2024, 5, 14), "date_precision": "day", "date_inferred": True, "location": None},
        {"article_id": "a", "source_country": None, "target_country": "IRQ", "cameo_root": "04",
         "date": "2024-05-01", "date_precision": "month", "date_inferred": False,
         "location": {"country": "IRQ", "precision": "country"}},
    ]
    assert stories.event_keys(rows) == {("TUR", "IRQ", "19", "2024-05-14", "IRQ/Nineveh"),
                                        ("IRQ", "-", "01", None, None),  # inferred from publication: no date
                                        ("-", "IRQ", "04", "2024-05", "IRQ")}
    got = stories.story_inputs(rows, {"a": {"published": None, "title": "T", "text": None, "countries": ["TUR"]},
                                      "b": {"published": None, "title": None, "text": "x", "countries": []}})
    assert [(it.article_id, it.text, it.actors, len(it.events)) for it in got] == \
        [("a", "", frozenset({"TUR"}), 3), ("b", "x", frozenset(), 0)]


def test_conflicting_event_dates_keep_a_second_strike_apart(items):
    """With actor countries (as in a store) the second strike two days later is close to the three reports
    on text alone; the coded strikes dated the 14th and the 16th tell it apart."""
    coded = _with_events(items)
    got = cluster_articles(coded)
    assert got[TRIO[0]] == got[TRIO[1]] == got[TRIO[2]]
    for other in ("strike_makhmour_second", "turkey_iraq_water_talks", "syria_airport_strike"):
        assert got[other] != got[TRIO[0]], other
    by = {it.article_id: it for it in coded}
    plain = {k: dataclasses.replace(it, events=frozenset()) for k, it in by.items()}  # actors, no events
    assert stories._conflicts(stories._event_days(by[TRIO[0]]), stories._event_days(by["strike_makhmour_second"])) == 1
    assert story_similarity(by[TRIO[0]], by["strike_makhmour_second"]) < \
        story_similarity(plain[TRIO[0]], plain["strike_makhmour_second"])
    # a shared dated event raises the score of two reports of one strike
    assert story_similarity(by[TRIO[0]], by[TRIO[1]]) > story_similarity(plain[TRIO[0]], plain[TRIO[1]])


def test_articles_without_events_score_as_before(items, clusters):
    assert cluster_articles([dataclasses.replace(it, events=frozenset()) for it in items]) == clusters


# ---------------------------------------------------------------- pair signals (money figures, rare names)

def _art(aid, title, text, day=None):
    return StoryInput(aid, title, text, None if day is None else datetime.date(2024, 3, day))


def test_names_fold_possessives():
    it = _art("p", None, "Maria Okonkwo’s lawyer spoke. Maria Okonkwo's brother and the Harbour Board's chief agreed.")
    names = stories._names(it)
    assert names.count("maria okonkwo") == 2 and "harbour board" in names
    assert not any(n.endswith(("'s", "’s")) for n in names)


def test_money_figures_in_the_lead():
    a = _art("a", "Film takes $44.7m at box office", "The comedy took $44.7m (£23.2m) over the holiday weekend.")
    b = _art("b", "Film stays top with $28.5m", "The comedy took $28.5m in its third weekend, studio figures show.")
    c = _art("c", "Comedy tops box office", "The comedy took 44.7 million dollars, or $44.7m, over the weekend.")
    assert stories._money(a) == {"$44.7m", "£23.2m"}
    assert stories._money(_art("d", None, "A $20 billion claim and 1,500 million euros were filed.")) == {"$20bn", "1500m"}
    assert stories._money(_art("e", "Toll rises to 35", "At least 35 people died and 120 were hurt.")) == frozenset()
    assert stories._money_conflict(stories._money(a), stories._money(b))
    assert not stories._money_conflict(stories._money(a), stories._money(c))  # one figure agrees
    assert not stories._money_conflict(stories._money(a), frozenset())  # one lead states none


def test_money_conflict_lowers_the_pair_score(monkeypatch):
    a = _art("a", "Harbour firm fined $12m", "The Lagos harbour operator Brightwater was fined $12m on Monday by the "
             "port regulator for safety failures at its Apapa terminal, the regulator said.")
    b = _art("b", "Harbour firm fined $30m", "The Lagos harbour operator Brightwater was fined $30m on Monday by the "
             "port regulator for safety failures at its Apapa terminal, the regulator said.")
    with_pen = story_similarity(a, b)
    monkeypatch.setattr(stories, "_settings", lambda: {**stories._DEFAULTS, "money_conflict": 0.0})
    assert story_similarity(a, b) == pytest.approx(with_pen + 0.10 * 1.0, abs=1e-6)  # undated: multiplier 1


def test_rare_names_are_rare_in_the_collection():
    common = "Maria Okonkwo"
    docs = [[common.lower(), "tunde bakare", "lagos"] if k < 8 else ["tunde bakare" if k == 8 else "x y"] for k in range(10)]
    rare = stories._rare_names(docs)
    assert "maria okonkwo" not in rare[0]  # in 8 articles: above RARE_NAME_DF (5)
    assert "lagos" not in rare[0]  # a single word is not counted
    assert "tunde bakare" not in rare[0]  # in 9 of 10
    few = stories._rare_names([["tunde bakare"], ["tunde bakare", "maria okonkwo"], ["maria okonkwo"]])
    assert few == [frozenset({"tunde bakare"}), frozenset({"tunde bakare", "maria okonkwo"}), frozenset({"maria okonkwo"})]


def test_rare_name_bonus_only_for_dated_pairs():
    a = _art("a", None, "Tunde Bakare, a port engineer, was detained by police in Apapa.", 5)
    b = _art("b", None, "Friends of Tunde Bakare and Adaeze Nwosu gathered outside the court.", 6)
    ra, rb = frozenset({"tunde bakare"}), frozenset({"tunde bakare", "adaeze nwosu"})
    args = (frozenset(), frozenset(), ra, rb, {}, {})
    assert stories._pair_adjust(a, b, *args, money_conflict=0.1, rare_bonus=0.03) == pytest.approx(0.03)
    undated = dataclasses.replace(b, published=None)
    assert stories._pair_adjust(a, undated, *args, money_conflict=0.1, rare_bonus=0.03) == 0.0
    many = frozenset({"tunde bakare", "adaeze nwosu", "kemi alade"})
    assert stories._pair_adjust(a, b, frozenset(), frozenset(), many, many, {}, {}, 0.1, 0.03) == pytest.approx(
        0.03 * stories.RARE_NAME_MAX)


def test_only_material_conflict_dates_conflict():
    """A call or a meeting told with another date is background (roots 01-14 recur); an assault or a
    clash on another day is another occurrence (material conflict, roots 15-20)."""
    def events(*rows):
        return stories._event_days(StoryInput("e", None, "", None, events=frozenset(rows)))

    first = events(("TUR", "USA", "04", "2024-03-14", None), ("TUR", "IRQ", "19", "2024-03-14", None))
    later = events(("TUR", "USA", "04", "2024-03-17", None), ("TUR", "IRQ", "19", "2024-03-16", None))
    assert set(first) == {("TUR", "IRQ", "19")}  # the phone call (04) is left out
    assert stories._conflicts(first, later) == 1
    calls_only = events(("TUR", "USA", "04", "2024-03-17", None), ("USA", "SYR", "12", "2024-03-17", None))
    assert stories._conflicts(events(("TUR", "USA", "04", "2024-03-14", None)), calls_only) == 0
    assert stories._conflicts(first, events(("TUR", "IRQ", "19", "2024-03-14", None))) == 0  # same day


def test_gold_story_pairs_are_well_formed():
    """The labelled pairs that the stories benchmark scores: each line a pair of two different ids, a 0/1
    label and a note that opens with the draw method in brackets; no pair labelled twice (in either
    order); the team's fixture ids name fixture files; both splits hold same and different pairs."""
    gold = Path(__file__).resolve().parent.parent / "benchmarks" / "gold" / "story_pairs.tsv"
    lines = gold.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["article_a", "article_b", "same", "note"]
    fixtures = {p.stem for p in FIXTURES.glob("*.txt")}
    seen, labels = set(), {"dev": set(), "test": set()}
    for n, line in enumerate(lines[1:], 2):
        cols = line.split("\t")
        assert len(cols) == 4, f"line {n}: {len(cols)} columns"
        a, b, same, note = cols
        assert a != b and same in ("0", "1"), f"line {n}"
        assert note.startswith("[") and "] " in note, f"line {n}: note without its draw method"
        key = tuple(sorted((a, b)))
        assert key not in seen, f"line {n}: pair labelled twice"
        seen.add(key)
        for x in (a, b):
            assert x in fixtures or x.startswith(("bbc-", "guardian-", "wikinews-")), f"line {n}: {x}"
        split = "dev" if int(hashlib.sha1("\t".join(key).encode("utf-8")).hexdigest(), 16) % 2 == 0 else "test"
        labels[split].add(same)
    assert labels == {"dev": {"0", "1"}, "test": {"0", "1"}}


def test_lone_article_joins_the_story_of_its_best_match():
    """Second stage after average linkage: a lone article (3) whose best pair (with 0) reaches
    ``best`` and whose mean over the story {0, 1, 2} reaches ``mean`` joins it; one whose best pair is
    below ``best`` (4), or whose mean over the story is too low (5), stays on its own."""
    label = [0, 0, 0, 3, 4, 5]
    edges = {(0, 1): 0.5, (0, 2): 0.4, (1, 2): 0.3,
             (0, 3): 0.30, (1, 3): 0.10, (2, 3): 0.12,   # best 0.30, mean 0.52 / 3 = 0.173
             (0, 4): 0.23, (1, 4): 0.20, (2, 4): 0.20,   # best 0.23 < 0.24
             (0, 5): 0.30}                               # mean 0.30 / 3 = 0.10 < 0.16
    assert stories._attach_lone(label, edges, 0.24, 0.16) == [0, 0, 0, 0, 4, 5]
    assert stories._attach_lone(label, edges, 0.31, 0.16) == label  # best pair not reached: no change


def test_lone_article_that_joins_gives_the_story_its_smallest_id():
    """A story's label (and so its id) stays its smallest member when a lone article with a smaller index
    joins it; lone articles are judged against the first stage's stories only, in any order."""
    label = [0, 1, 1, 3]
    edges = {(1, 2): 0.4, (0, 1): 0.3, (0, 2): 0.1, (1, 3): 0.25, (2, 3): 0.2, (0, 3): 0.5}
    # 0 and 3 match each other best, both lone (made up: average linkage would have merged them): neither joins
    assert stories._attach_lone(label, edges, 0.24, 0.16) == label
    edges[(0, 3)] = 0.0
    assert stories._attach_lone(label, edges, 0.24, 0.16) == [0, 0, 0, 0]
