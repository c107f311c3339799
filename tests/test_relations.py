"""The learned fallback (annales.relations): pairs the grammar links but the rules leave uncoded."""

from __future__ import annotations

import copy

import pytest

from annales.classify import PairModel
from annales.lexicon import Lexicon
from annales.pipeline import Pipeline
from annales.records import Article
from annales.relations import LEARNED_MAX_CONFIDENCE, LearnedFallback, fallback_for, links, user_dictionaries

needs_model = pytest.mark.skipif(not PairModel.available(), reason="learned pair classifier not installed")


def _pipeline(base, fallback: bool = True) -> Pipeline:
    settings = copy.deepcopy(base.settings)
    settings["coder"]["learned_fallback"] = fallback
    settings["speed"]["prefilter"] = False  # these sentences' verbs are not in the lexicon
    settings["places"]["geocode"] = False
    settings["coder"]["calibrated_confidence"] = False  # these tests read the coder's own score
    return Pipeline(settings, nlp=base.nlp)


def _events(p: Pipeline, text: str):
    return [(e.source.text, e.target.text if e.target else None, e) for e in p(Article(id="t", text=text)).events]


def _links(p: Pipeline, text: str) -> set[tuple[str, str, str]]:
    doc = p.nlp(text)
    actors = p.finder(doc)
    return {(doc[lk.source.start:lk.source.end].text, doc[lk.target.start:lk.target.end].text, doc[lk.verb].text)
            for s in doc.sents for lk in links(s, actors)}


@needs_model
def test_codes_a_linked_pair_the_rules_miss(pipeline):
    p = _pipeline(pipeline)
    found = _events(p, "Germany granted Poland permission to build the pipeline.")
    assert [(s, t) for s, t, _ in found] == [("Germany", "Poland")]
    ev = found[0][2]
    assert ev.confidence <= LEARNED_MAX_CONFIDENCE < 0.30  # the learned marker: below every rule event
    assert ev.trigger.text == "granted" and ev.plover and ev.cameo
    assert ev.cameo_root == ev.cameo[:2]


@needs_model
def test_rule_events_are_kept_and_not_doubled(pipeline):
    found = _events(_pipeline(pipeline), "Japan blamed China for the collapse of the talks.")
    assert [(s, t, e.cameo[:2]) for s, t, e in found] == [("Japan", "China", "11")]
    assert found[0][2].confidence >= 0.30


@needs_model
@pytest.mark.parametrize("text", [
    "Egypt said Israel was aware of the deaths.",  # the reporting frame itself
    "Russian troops were stationed in Syria while Turkey built a wall.",  # no verb links the actors
    "Germany did not grant Poland permission to build the pipeline.",  # negated
])
def test_no_event_for_unlinked_pairs_or_speech_frames(pipeline, text):
    assert _events(_pipeline(pipeline), text) == []


def test_grammar_links(pipeline):
    p = _pipeline(pipeline)
    assert ("Germany", "Poland", "granted") in _links(p, "Germany granted Poland permission to build the pipeline.")
    assert ("Japan", "Australia", "signed") in _links(p, "Japan and Australia signed a pact on Tuesday.")
    assert _links(p, "Egypt said Israel was aware of the deaths.") == set()
    # the complement of a demand did not happen: no link from its subject
    assert not any(s == "Iran" for s, _, _ in _links(p, "Britain demanded that Iran free the French sailors."))


def test_setting_turns_it_off(pipeline):
    p = _pipeline(pipeline, fallback=False)
    assert fallback_for(p) is None
    assert _events(p, "Germany granted Poland permission to build the pipeline.") == []


def test_off_with_user_dictionaries():
    lexicon = Lexicon([], [])
    assert not user_dictionaries(lexicon)
    lexicon.negations = {"111": "050"}  # set by annales.petrarch when a verbs dictionary is loaded
    assert user_dictionaries(lexicon)


def test_named_targets_of_no_known_country(pipeline):
    p = _pipeline(pipeline)
    # a person named in full is linked, with a source of known country
    assert ("Britain", "Julian Assange", "honoured") in _links(p, "Britain honoured Julian Assange with a medal.")
    # a lone word tagged as a person, or two parties of no known country, are not
    assert not _links(p, "Britain honoured Assange with a medal.")
    assert not _links(p, "Julian Assange honoured Peter Fenwick with a medal.")


def test_a_source_of_no_known_kind_links_nothing(pipeline):
    p = _pipeline(pipeline)
    # a bare name (no country, organisation or sector) is no source: a ship, an operation, an unknown person
    assert _links(p, "Jonas Whitfield granted Poland permission to build the pipeline.") == set()
    assert _links(p, "Operation Northern Shield freed Iraqi hostages.") == set()
    assert ("Germany", "Poland", "granted") in _links(p, "Germany granted Poland permission to build the pipeline.")


def test_a_word_describing_the_subject_is_no_source(pipeline):
    p = _pipeline(pipeline)
    # "Spanish" only describes the group (a firm, a team, a singer ...): the fallback links nothing from it
    assert _links(p, "The Spanish group granted Poland permission to build the pipeline.") == set()
    # a body named by its organisation is the organisation's
    assert ("U.N.", "Poland", "granted") in _links(p, "A U.N. committee granted Poland permission to build the pipeline.")


def test_a_company_is_no_source(pipeline):
    p = _pipeline(pipeline)
    assert _links(p, "The Dutch company exported tulips to Japan.") == set()  # trade
    assert ("Dutch government", "Japan", "exported") in _links(p, "The Dutch government exported tulips to Japan.")


def test_alternatives_are_no_two_parties(pipeline):
    p = _pipeline(pipeline)
    assert ("Japan", "Australia", "signed") in _links(p, "Japan and Australia signed a pact on Tuesday.")
    assert not _links(p, "Japan or Australia signed a pact on Tuesday.")


def test_allies_are_not_linked(pipeline):
    p = _pipeline(pipeline)
    assert ("militiamen", "Iraqi soldiers", "battled") in _links(p, "Kurdish militiamen battled Iraqi soldiers.")
    for text in ("Kurdish militiamen battled alongside Iraqi soldiers.",
                 "Kurdish militiamen battled with the support of Iraqi soldiers."):
        assert not any(t == "Iraqi soldiers" for _, t, _ in _links(p, text)), text


@needs_model
def test_a_learned_demand_is_coded_by_what_it_asks_for(pipeline):
    found = _events(_pipeline(pipeline), "Britain demanded that Iran free the French sailors.")
    demands = [e.cameo for s, t, e in found if (s, t) == ("Britain", "Iran") and e.cameo.startswith("10")]
    assert demands == ["1053"]  # a demand for a release (0841, intended 0353)


@needs_model
@needs_model
def test_a_row_that_codes_nothing_links_nothing(pipeline):
    # "fight attempt" is a "-" row of verbs.tsv: opposing a plan is no fight, nor any other event
    assert _events(_pipeline(pipeline), "Russia fought every attempt by the United Nations to send inspectors.") == []


def test_a_verb_whose_pattern_has_its_target_links_nothing_else(pipeline):
    # "spoke to reporters": the addressee is the reporters; the UN is only where it happened
    text = "The Iraqi prime minister spoke to reporters at the headquarters of the United Nations."
    assert _events(_pipeline(pipeline), text) == []


def test_a_capital_gone_to_is_no_target(pipeline):
    p = _pipeline(pipeline)
    assert _links(p, "Russian lawmakers flew to Washington on Monday.") == set()
    assert ("Russia", "Syria", "sent") in _links(p, "Russia sent medicine to Syria on Monday.")


def test_a_region_gone_to_is_no_target(pipeline):
    p = _pipeline(pipeline)
    assert _links(p, "Danish negotiators return to Geneva this week for talks on fishing.") == set()


def test_what_is_sent_is_no_target(pipeline):
    p = _pipeline(pipeline)
    # the source's own soldiers are what is sent; where they go is the target
    assert _links(p, "Norway sent Norwegian soldiers to Mali.") == {("Norway", "Mali", "sent")}
    assert ("Norway", "Mali", "sent") in _links(p, "Norway sent a team of Norwegian doctors to Mali.")
    # another country's envoy sent away is acted on
    assert ("Norway", "Sweden's ambassador", "sent") in _links(p, "Norway sent Sweden's ambassador home.")


def test_an_audience_and_what_is_only_seen_are_no_targets(pipeline):
    p = _pipeline(pipeline)
    assert _links(p, "The Chilean president delivered remarks to Peruvian lawmakers.") == set()
    assert ("Chilean president", "Peruvian lawmakers", "gave") in _links(
        p, "The Chilean president gave a medal to Peruvian lawmakers.")
    assert _links(p, "The Kenyan army identified Somali militants near the border.") == set()
    assert ("Kenyan army", "Somali militants", "attacked") in _links(
        p, "The Kenyan army attacked Somali militants near the border.")


def test_a_reported_clause_is_no_complement(pipeline):
    p = _pipeline(pipeline)
    # what Israel did is reported to Jordan, not done by Egypt
    assert _links(p, "Egypt informed Jordan that Israel closed the crossing.") == {("Egypt", "Jordan", "informed")}
    assert ("Britain", "Iran", "demanded") in _links(p, "Britain demanded that Iran free the French sailors.")
    assert ("Germany", "Poland", "wants") in _links(p, "Germany wants Poland to pay for the pipeline.")


@needs_model
def test_unsure_types_are_not_coded(pipeline):
    text = "Germany granted Poland permission to build the pipeline."
    p = _pipeline(pipeline)
    assert fallback_for(p).min_probability == pipeline.settings["coder"]["learned_min_probability"] > 0
    p.settings["coder"]["learned_min_probability"] = 1.01  # no probability reaches it
    del p._learned_fallback
    assert _events(p, text) == []


@needs_model
@pytest.mark.parametrize("text", [
    "The French navy and the Spanish coast guard rescued forty migrants.",  # partners, not parties (aid)
    "Japan and South Korea have refused to let the ship dock in their ports.",  # a shared refusal
    "Brazil and Argentina agreed that Paraguay must hold new elections.",  # a view they share
])
def test_coordinated_subjects_act_on_each_other_only_in_a_mutual_act(pipeline, text):
    assert not any(e.method == "learned" for _, _, e in _events(_pipeline(pipeline), text))


@needs_model
def test_a_country_where_forces_or_aid_workers_act_is_the_target(pipeline):
    p = _pipeline(pipeline)
    found = _events(p, "Canadian peacekeepers served in Cyprus for decades.")
    assert [(s, t, e.method, e.target.code) for s, t, e in found] == [("Canadian peacekeepers", "Cyprus", "learned", "CYP")]
    # a leader's stay is a visit, and what is done in a city the rules took for a meeting's venue is none
    assert _events(p, "The Chinese premier dined in Berlin on Monday.") == []
    assert _events(p, "Turkish troops met in Iraq last winter.") == []


@needs_model
def test_a_place_the_subject_is_in_is_no_source(pipeline):
    # the bomb did the killing; Kabul is only where it was
    assert _events(_pipeline(pipeline), "Last week a truck bomb in Kabul killed a Pakistani diplomat.") == []


@needs_model
def test_an_offered_act_is_coded_as_an_intent(pipeline):
    # what is offered or pledged is not yet given: the learned aid type becomes a pledge of aid (03)
    found = _events(_pipeline(pipeline), "Sweden has offered Ghana two transport planes and a field hospital.")
    learned = [e for _, _, e in found if e.method == "learned"]
    assert learned and all(e.cameo[:2] == "03" for e in learned)


@needs_model
@pytest.mark.parametrize("text", [
    "The Dutch prime minister faced questions about Belgium in parliament.",
    "Norwegian workers enjoy higher pay than Swedish workers.",
    "The Kenyan president introduced the Ugandan minister to the guests.",
])
def test_a_verb_the_lexicon_never_codes_links_no_pair(pipeline, text):
    assert [e for _, _, e in _events(_pipeline(pipeline), text) if e.method == "learned"] == []


@needs_model
def test_a_verb_the_lexicon_codes_elsewhere_still_links(pipeline):
    found = _events(_pipeline(pipeline), "Chile lent Peru two hundred million dollars after the floods.")
    assert [(s, t) for s, t, e in found if e.method == "learned"] == [("Chile", "Peru")]


class _SureOf:
    """A stand-in classifier that gives every pair one type at probability ``p``."""

    def __init__(self, p: float):
        self.p = p

    def scores(self, items):
        return [{"ACCUSE": self.p, "SUPPORT": 1 - self.p} for _ in items]


def test_pairs_typed_below_the_threshold_are_not_coded(pipeline):
    # the shipped threshold (settings.toml explains why not 0.9), then a stricter one
    assert pipeline.settings["coder"]["learned_min_probability"] == 0.7
    p = _pipeline(pipeline)
    doc = p.nlp("Germany granted Poland permission to build the pipeline.")
    actors = p.finder(doc)
    raws = p.coder(doc, actors)
    assert LearnedFallback(p.lexicon, model=_SureOf(0.85), min_probability=0.9)(doc, actors, raws) == []
    found = LearnedFallback(p.lexicon, model=_SureOf(0.95), min_probability=0.9)(doc, actors, raws)
    assert [(doc[e.source.head].text, doc[e.target.head].text, e.code[:2]) for e, _ in found] == [
        ("Germany", "Poland", "11")]


@needs_model
@pytest.mark.parametrize("text", [
    "Germany asked France what the treaty meant.",  # a question: the rules code no appeal, nor may the fallback
    "The Dutch asked Belgium whether the border would reopen.",
])
def test_what_a_rule_ruled_out_is_not_coded_again(pipeline, text):
    assert _events(_pipeline(pipeline), text) == []


def test_rejected_verbs_and_pairs_link_nothing(pipeline):
    from annales.relations import Rejected

    p = _pipeline(pipeline)
    doc = p.nlp("Germany granted Poland permission to build the pipeline.")
    actors = p.finder(doc)
    step = LearnedFallback(p.lexicon)
    found = step.candidates(doc, actors, [])
    assert [doc[lk.verb].text for lk in found] == ["granted"]
    assert step.candidates(doc, actors, [], Rejected(triggers={found[0].verb})) == []
    from annales.events import RawEvent
    from annales.lexicon import Pattern

    raw = RawEvent(0, 0, found[0].target, found[0].source, Pattern("080", "x", (), "dobj", "t"), "080", "asserted",
                   False, "past", False)  # a rejected event of the pair the other way round, at another word
    assert step.candidates(doc, actors, [], Rejected(events=[raw])) == []


@needs_model
def test_an_intended_learned_act_is_coded_as_an_intent(pipeline):
    found = _events(_pipeline(pipeline), "Germany will grant Poland permission to build the pipeline.")
    assert [(s, t, e.cameo[:2], e.modality) for s, t, e in found] == [("Germany", "Poland", "03", "intended")]
