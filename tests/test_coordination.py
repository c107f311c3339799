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


def test_coordinated_subjects_of_a_reciprocal_object_act_on_each_other(pipeline):
    # "each other" / "one another" is no actor: the coordinated subjects are each other's targets
    found = dyads(pipeline, "Chile and Peru accused each other of breaking the fishing accord.")
    assert ("CHL", "112", "PER") in found and ("PER", "112", "CHL") in found
    found = dyads(pipeline, "Serbia and Croatia blamed one another for the failed talks.")
    assert ("SRB", "112", "HRV") in found and ("HRV", "112", "SRB") in found
    # without the reciprocal object an accusation aimed at no one is no event
    assert not [d for d in dyads(pipeline, "Chile and Peru accused the fishing fleet of cheating.")
                if d[2] in ("CHL", "PER")]


def test_trading_accusations_is_an_accusation_each_way(pipeline):
    found = dyads(pipeline, "Chile and Peru traded accusations over the maritime border.")
    assert ("CHL", "112", "PER") in found and ("PER", "112", "CHL") in found
    assert not [d for d in found if d[1].startswith("06")]  # no trade (061) between them
    found = dyads(pipeline, "Bolivia exchanged insults with Chile on Tuesday.")
    assert ("BOL", "111", "CHL") in found and ("CHL", "111", "BOL") in found


def test_two_named_officials_joined_by_and_are_both_subjects(pipeline):
    # the parser reads "Chile's President A and Peruvian President B" as one president with the second name a
    # conjunct of the first's apposition (or a second apposition): both meet each other
    found = dyads(pipeline, "Chile's President Gabriel Boric and Peruvian president Dina Boluarte met in Lima.")
    assert ("CHLGOV", "040", "PERGOV") in found and ("PERGOV", "040", "CHLGOV") in found
    found = dyads(pipeline, "Spain's Prime Minister Pedro Sanchez and Moroccan King Mohammed met in Rabat.")
    assert ("ESPGOV", "040", "MARGOV") in found and ("MARGOV", "040", "ESPGOV") in found
