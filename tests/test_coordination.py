"""Conjoined verbs go with the verb of their own form (annales.coordination), on sentences written for these tests."""

from __future__ import annotations

from annales.records import Article
from helpers import dyads


def test_a_conjunct_after_a_reported_clause_goes_with_the_reporting_verb(pipeline):
    # "accused" (past) is no conjunct of "had moved" (perfect): the OPCW accuses, and says so itself
    [e] = pipeline(Article(id="t", text="The OPCW said Syria had moved chemical stockpiles and accused "
                                          "Damascus of concealing weapons.")).events
    assert (e.source.code, e.cameo, e.target.code, e.modality) == ("IGOCHW", "112", "SYRGOV", "asserted")


def test_an_infinitive_conjunct_goes_with_the_infinitive(pipeline):
    # "to train" goes with "to help", whose subject is France, not with "modernise", whose subject is Senegal
    assert ("FRA", "0312", "SENMIL") in dyads(pipeline, "Macron said France had agreed to help Senegal modernise "
                                                         "its navy and to train Senegalese soldiers.")


def test_a_shared_auxiliary_keeps_the_conjunct_in_its_clause(pipeline):
    # attribution after the clause: "has freed X but barred Y, officials said" - the court barred her
    found = dyads(pipeline, "A Turkish court has freed a Dutch reporter but barred him from leaving the country, "
                            "Dutch officials said on Monday.")
    assert found and all(source == "TURJUD" for source, _, _ in found)
    # a conjunct of the same form as its head stays with it
    found = dyads(pipeline, "Officials said Russia had shelled Kharkiv and had bombed Kyiv.")
    assert len(found) == 2 and all(source.startswith("RUS") for source, _, _ in found)


def test_an_act_conjoined_to_a_reported_state_is_the_speakers(pipeline):
    # the parser hangs "urged" on "was": the bill urges no one, the minister does (and "accused", tagged a
    # participle, is a past tense here)
    assert ("KENGOV", "020", "UGAGOV") in dyads(pipeline, "The Kenyan minister said the bill was flawed and urged "
                                                          "the Ugandan government to act.")
    assert ("KENGOV", "111", "UGAGOV") in dyads(pipeline, "The Kenyan minister said the plan was flawed and "
                                                          "criticised the Ugandan government.")
    assert ("KENGOV", "1121", "UGA") in dyads(pipeline, "The Kenyan minister told reporters the plan was flawed and "
                                                        "accused Uganda of corruption.")
    # a conjunct with a subject of its own keeps it
    assert all(source != "KENGOV" for source, _, _ in dyads(
        pipeline, "The Kenyan minister said the bill was flawed and Uganda criticised Rwanda."))
