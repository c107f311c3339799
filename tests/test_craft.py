"""One list of craft, vehicles and munitions (data/craft.tsv) for the three steps that ask about them.
Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from annales.craft import CRAFT, WEAPONS
from annales.records import Article


def test_weapon_terms_come_from_the_military_agent_rows():
    assert {"warplanes", "fighter jets", "drones", "helicopter gunships", "tanks"} <= WEAPONS
    # the same last words in other sectors' terms are no weapons
    assert not {"think tanks", "suicide bombers", "fighters"} & WEAPONS


def test_every_weapon_is_a_craft():
    assert {"tank", "warplane", "drone", "missile", "gunship"} <= CRAFT


def _events(pipeline, text):
    events = pipeline(Article(id="t", text=text, published=date(2024, 3, 6))).events
    return [(e.source.code, e.cameo, e.target.code if e.target else None) for e in events]


def test_arriving_armour_is_no_visit(pipeline):
    assert not [e for e in _events(pipeline, "Polish tanks arrived in Lithuania on Tuesday.") if e[1] == "042"]
    # people who arrive do visit
    assert ("POLGOV", "042", "LTU") in _events(pipeline, "The Polish president arrived in Lithuania on Tuesday.")


def test_an_attack_on_a_convoy_is_not_placed_in_its_owners_country(pipeline):
    events = pipeline(Article(id="t", text="Syrian rebels ambushed a Turkish convoy on Monday.",
                              published=date(2024, 3, 6))).events
    hit = [e for e in events if e.cameo_root in ("18", "19")]
    assert hit and all((e.location or {}).get("country") != "TUR" for e in hit)
