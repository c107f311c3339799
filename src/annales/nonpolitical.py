"""Coded acts that are no political events, whatever their verb: trade between companies, private journeys and
plain statements made to an audience.

The rule coder codes what a verb says between two actors; in business and human-interest prose that is often
commerce ("Fiat will meet General Motors", "the firm sued its supplier") or a private person's travel ("she
travelled to Syria", "the pupils flew to Turkey"), and a plain statement (010) "in a speech to the Business
Club", "in a note to investors" or "to parliament" is how something was said, not an act on the hearers (the
corpus guideline codes no plain statements; news outlets as hearers are left out by ``annales.events``).
:func:`not_political` names such events; the pipeline drops
them. Articles whose whole genre is not political (sports, entertainment) are set aside before coding
(``annales.genres``)."""

from __future__ import annotations

from .records import Actor, Event

# sectors of private people: a journey of theirs is travel, not a visit between political actors
PRIVATE = frozenset({"CVL", "EDU", "REF"})
VISIT, HOST = "042", "043"
# sectors of hearers a plain statement is made to (a legislature, investors, a party, voters, pupils, a court):
# an audience, not a party to an act; a statement to a government or a named person is kept
AUDIENCES = frozenset({"LEG", "BUS", "CVL", "EDU", "PTY", "NGO", "JUD", "HLH", "LAB"})
STATEMENT = "010"


def _unknown(a: Actor) -> bool:
    return a.code in (None, "---")


def commerce(ev: Event) -> bool:
    """An act between companies, or between a company and a party of no known kind: a takeover, a lawsuit, talks
    on an alliance are trade. A company's acts on or by a state, its government or any other known actor are
    kept, and so are its acts on no one ("business leaders called for free trade")."""
    sides = (ev.source, ev.target)
    return ev.target is not None and any(a.sector == "BUS" for a in sides) and all(
        a.sector == "BUS" or _unknown(a) for a in sides)


def private_travel(ev: Event) -> bool:
    """A visit (042) made by, or hosted (043) for, private people (civilians, pupils, refugees): "an American
    woman travelled to Syria", "Ankara hosts 3.5 million refugees"."""
    visitor = ev.source if ev.cameo == VISIT else ev.target if ev.cameo == HOST else None
    return visitor is not None and visitor.sector in PRIVATE


def told_to_an_audience(ev: Event) -> bool:
    """A plain statement (010) whose target is an audience: "said in a note to investors", "in a statement to
    parliament"."""
    return ev.cameo == STATEMENT and ev.target is not None and ev.target.sector in AUDIENCES


def not_political(ev: Event) -> bool:
    """Whether ``ev`` is trade, private travel or a statement to an audience rather than a political event."""
    return commerce(ev) or private_travel(ev) or told_to_an_audience(ev)
