"""Coded acts that are no political events, whatever their verb: trade between companies, private journeys,
plain statements and acts the sentence denies.

The rule coder codes what a verb says between two actors; in business and human-interest prose that is often
commerce ("Fiat will meet General Motors", "the firm sued its supplier") or a private person's travel ("she
travelled to Syria", "the pupils flew to Turkey", "Britons went to fight abroad"), and a plain statement (010)
"in a speech to the Business Club", "in a note to investors", "to parliament" or "to the president" is how
something was said, not an act on the hearers (the corpus guideline codes no plain statements; news outlets as
hearers are left out by ``annales.events``).
In a business article (the ``business`` genre of ``data/genres.tsv``: shares, profits, takeovers) an act
between private parties alone ("Heineken plans to invest", "the firm declined to comment", "a woman is suing the
printer maker") is trade too; its acts by or on a state, a government body, a party or an armed group are kept.
So is talk with the press ("speaking to the BBC's Westminster Hour", "greeted reporters"), and force said of
those who take up no arms ("the paper targeted the minister", "Labour fought a battle for votes").
:func:`not_political` names such events; the pipeline drops
them. Articles whose whole genre is not political (sports, entertainment) are set aside before coding
(``annales.genres``)."""

from __future__ import annotations

from .actor_context import STATE_SECTORS
from .kb import KnowledgeBase
from .records import Actor, Event

# sectors of private people: a journey of theirs is travel, not a visit between political actors
PRIVATE = frozenset({"CVL", "EDU", "REF"})
VISIT, HOST = "042", "043"
# sectors of hearers a plain statement is made to (a legislature, investors, a party, voters, pupils, a court):
# an audience, not a party to an act; with user (PETRARCH) verb dictionaries only these statements are dropped
AUDIENCES = frozenset({"LEG", "BUS", "CVL", "EDU", "PTY", "NGO", "JUD", "HLH", "LAB"})
STATEMENT = "010"


def _unknown(a: Actor) -> bool:
    return a.code in (None, "---")


# sectors that are trade when they deal with a company: other companies and the (commercial) press ("the
# newspaper opposed the takeover bid")
TRADERS = frozenset({"BUS", "MED"})
# a company's investment or economic co-operation (061) is trade whoever its partner is ("the firms have large
# investments in Venezuela"); a state's or a government's investment is kept
INVESTMENT = "061"
# legal action (114 complaint, 115 lawsuit) a company brings against no one named: a commercial lawsuit ("Apple
# sued a former contractor"); one against a state or a government names it and is kept
LAWSUIT = ("114", "115")
# a company's comment withheld (011): business talk ("Delta declined to comment"; its optimism or pessimism, 012 and
# 013, is coded by the human coders of the dev sets)
DECLINED = "011"


def commerce(ev: Event) -> bool:
    """An act between companies, between a company and the press, or between a company and a party of no known
    kind: a takeover, a lawsuit, talks on an alliance are trade; so are a company's investments anywhere, its
    lawsuits against no one named and its comments withheld. A company's other acts on or by a state, its
    government or any other known actor are kept, and so are its acts on no one ("business leaders called for free
    trade")."""
    if ev.source.sector == "BUS" and (ev.cameo[:3] in (INVESTMENT, DECLINED)
                                      or (ev.target is None and ev.cameo[:3] in LAWSUIT)):
        return True
    sides = (ev.source, ev.target)
    return ev.target is not None and any(a.sector == "BUS" for a in sides) and all(
        a.sector in TRADERS or _unknown(a) for a in sides)


def a_people(a: Actor) -> bool:
    """A country's people named by a plural demonym ("Britons", "hundreds of Americans"; not "Swiss"): private
    persons, not the state the code names."""
    word = a.text.split()[-1] if a.text.split() else ""
    return (a.sector is None and word.endswith("s") and not word.endswith("ss")
            and word in KnowledgeBase.default().demonyms)


def private_travel(ev: Event) -> bool:
    """A visit (042) made by, or hosted (043) for, private people (civilians, pupils, refugees, a people named by
    its demonym): "an American woman travelled to Syria", "Ankara hosts 3.5 million refugees", "Britons went to
    Syria to fight", "Cuba, which Americans visit"; and the hosting of a visitor of no known
    country, organisation or role ("Mr Smith travelled to London": London hosted no one we can place). That
    visitor's journey is kept as a visit: it is often an official the coder could not place (see the gold
    README, sixteenth stop)."""
    visitor = ev.source if ev.cameo == VISIT else ev.target if ev.cameo == HOST else None
    if visitor is not None and ev.cameo == HOST and _unknown(visitor):
        return True
    return visitor is not None and (visitor.sector in PRIVATE or a_people(visitor))


def told_to_an_audience(ev: Event) -> bool:
    """A plain statement (010) whose target is an audience: "said in a note to investors", "in a statement to
    parliament"."""
    return ev.cameo == STATEMENT and ev.target is not None and ev.target.sector in AUDIENCES


def plain_statement(ev: Event) -> bool:
    """A plain statement (010), to whomever it is made: "said in a note to investors", "told the committee",
    "told the president that ...". Saying something is how an act or a view is reported, not an act on the
    hearer: over ten dev audit rounds every still-coded 010 was judged wrong (briefings, evidence to a
    committee, what a book says one leader told another), as the corpus guideline codes no plain statements."""
    return ev.cameo == STATEMENT


# roots of talk and contact (statements, meetings, visits): with the press, an interview or a press event; and
# of giving or promising (07, 03): what is given to the press is material for a story ("provided the paper with
# the text of a letter", "would not provide the site with an image")
PRESS_ROOTS = ("01", "03", "04", "07")
MEDIA = "MED"
# roots of force (assault, fight, mass violence) and the sectors that take up no arms: a newspaper that "targeted"
# a minister, a party that "fought" a campaign, a firm that "attacked" a rival's pricing speak figuratively
FORCE_ROOTS = ("18", "19", "20")
UNARMED = frozenset({"MED", "PTY", "LEG", "BUS", "EDU", "JUD", "LAB", "NGO", "HLH"})
# and the rivals a government "attacks" only in words at home (not the media: journalists are killed)
HOME_RIVALS = frozenset({"PTY", "LEG", "BUS", "LAB", "EDU", "JUD"})
# and the political opposition (OPP; an armed one is REB) "attacks" its own government, parliament, parties or
# country only in words ("the Tory leader launched an attack on Britain's asylum system")
OPPOSITION, HOME_RULERS = "OPP", frozenset({"GOV", "PTY", "LEG", None})


def _sector(a: Actor) -> str | None:
    """The actor's sector as its code carries it ("the Workers' party (PKK)": TURREB, a rebel; "the Tory leader
    Michael Howard", a party leader: GBRPTY, a party)."""
    code = a.code or ""
    return a.sector if a.sector and a.sector in code[3:] else code[3:6] or None


def press_contact(ev: Event) -> bool:
    """Talk, contact or giving with the news media (01, 04, 03, 07): "speaking to the BBC's Westminster Hour",
    "greeted the press outside", "an interview with the newspaper", "provided the paper with a copy" are how
    something was said, not a meeting, visit or aid."""
    return ev.cameo[:2] in PRESS_ROOTS and ev.target is not None and MEDIA in (_sector(ev.source), _sector(ev.target))


def figurative_force(ev: Event) -> bool:
    """Force (18-20) by those who take up no arms (a newspaper, a party, a legislature, a firm, a union), or by a
    government on a party, legislature, firm or union of its own country, or by the political opposition on its
    own country's government, legislature, parties or the country itself: words ("the paper targeted the
    minister", "Labour fought a battle for votes", "the chancellor attacked the Tories' plans", "the opposition
    leader attacked the government's record")."""
    if ev.cameo[:2] not in FORCE_ROOTS:
        return False
    if _sector(ev.source) in UNARMED:
        return True
    t = ev.target
    if t is None or t.country not in (ev.source.country, None):
        return False
    # a role of no country yet ("the government") is the article's own (annales.focus, applied later)
    return (_sector(ev.source) == "GOV" and _sector(t) in HOME_RIVALS and t.country is not None
            or _sector(ev.source) == OPPOSITION and _sector(t) in HOME_RULERS
            and (t.country is not None or _sector(t) is not None))


# the genre of business articles, and the sectors of public actors, whose acts a business article reports as
# political (a state, an international organisation and parties of no sector count too): the rest are private
BUSINESS = "business"
PUBLIC = STATE_SECTORS | {"PTY", "OPP", "REB", "INS", "LAB"}


def _public(a: Actor | None) -> bool:
    if a is None:
        return False
    sector = _sector(a)
    return sector in PUBLIC or (a.code or "").startswith("IGO") or (a.country is not None and sector is None)


def business_prose(ev: Event, genre: str | None) -> bool:
    """In a business article, an act with no public actor on either side: a company, a consumer, an analyst or
    an unknown name acting on one another or on no one ("Heineken plans to invest", "the firm declined to comment",
    "a woman is suing the printer maker")."""
    return genre == BUSINESS and not _public(ev.source) and not _public(ev.target)


def denied(ev: Event) -> bool:
    """An act the sentence says was not done ("the Foreign Office has not requested his return", "Putin has not
    spoken to May", "did not directly accuse him"): no event. (A refusal, "refused to lift the ban", "will not
    attend the talks", is coded as one, 12, and is not negated; PETRARCH dictionaries code a negated act as its
    negation.)"""
    return ev.negated


def not_political(ev: Event, genre: str | None = None, user_verbs: bool = False) -> bool:
    """Whether ``ev`` (of an article of ``genre``) is trade, private travel, a plain statement, contact
    with the press, force spoken of figuratively or an act denied, rather than a political event. With
    ``user_verbs`` (PETRARCH verb dictionaries, whose suites expect their own codes) only a statement to an
    audience is dropped of the plain statements."""
    statement = told_to_an_audience(ev) if user_verbs else plain_statement(ev)
    return (commerce(ev) or private_travel(ev) or statement or press_contact(ev)
            or figurative_force(ev) or business_prose(ev, genre) or denied(ev))
