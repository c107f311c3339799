"""Actors completed from their sentence and article (steps of ``annales.actors.ActorFinder``).

- :func:`domestic_agents`: the country of an unqualified agent. In "The Peruvian government rejected the
  demands of the rebels" the rebels are Peru's; in "In Chad, police dispersed protesters after the
  government banned the march" the police, the protesters and the government are Chad's. A human coder reads a bare role noun
  (government, rebels, police, opposition ...) in a sentence that names one country as that country's;
  so does this, for agent phrases with no country, organisation or possessor of their own, when the
  sentence's actors name exactly one country and name the state or its government before the role (its
  government, for armed roles: rebels, troops, gunmen). Roles that usually stand for another state (an
  ambassador, an envoy, a counterpart, peacekeepers, refugees), weapons, roles qualified by a name no list
  knows, and phrases marked as foreign ("foreign troops", "regional forces") keep no country, and so does
  an agent whose role that country already fills in the sentence.
- :func:`possessed_agents`: "Kenyan observers said Museveni's militias ...", "Tokayev said his government ...".
- :func:`hosted_roles`: "the embassy in Karachi" is not Pakistan's.
- :func:`carried_titles`: "Ghanaian President John Mahama landed ... The president said ...".
- :func:`office_over_religious_title`: "Supreme Leader Ayatollah Ali Khamenei" is GOV, not REL.
- :func:`prepositional_actors`: "soldiers from X" where the parser did not attach X to the soldiers.
- :func:`names_a_backer`: "a Qatar-backed council", "Chinese-made rifles": not the actor itself.
"""

from __future__ import annotations

from ._data import data_path, read_tsv
from .craft import WEAPONS
from .incidental_names import incidental

# weapons (data/craft.tsv): an instrument, not an actor of its own ("launched drones at ..."; annales.events);
# with no country or organisation ("drone strikes hit ...", "a missile struck"), no actor at all
# roles whose place ("the embassy in Karachi", "refugees in Jordan", "peacekeepers in Darfur") is where they
# are hosted, not whose they are
HOSTED_ROLES = frozenset(("embassy embassies consulate consulates ambassador ambassadors envoy envoys diplomat "
                          "diplomats consul delegation delegations refugee refugees "
                          "migrant migrants peacekeepers hostage hostages mercenary mercenaries").split())
# agent terms that mostly name another state's people or a third party
FOREIGN_ROLES = HOSTED_ROLES | WEAPONS | frozenset({
    "special envoy", "negotiator", "negotiators", "counterpart", "counterparts", "peacekeeping force",
    "peacekeeping troops", "asylum seeker", "asylum seekers", "asylum-seekers", "world leaders", "coalition forces"})
# nouns a surname modifies: a place's name before them is a family's ("the Colombo family, the Lima clan")
FAMILY_NOUNS = frozenset("family families clan dynasty".split())
# armed roles take the country only from its government named in the sentence ("the Peruvian
# government ... the rebels"): beside a state or its army they are as often its enemy ("Kenyan jets bombed
# the militants' camps")
ARMED = frozenset({"REB", "MIL", "UAF", "CRM"})
# sectors of the state itself: an envoy or a spokesman of anyone else speaks for that one, not for the state
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# modifiers that say the agent is not the sentence's country's
FOREIGN_MODIFIERS = frozenset("foreign international regional western neighbouring neighboring other rival "
                              "multinational global world overseas allied exiled".split())


# participles after "X-" that make X a backer, origin or place of the actor, not the actor itself:
# "a Qatar-backed council", "a Canadian-born activist", "Chinese-made rifles", "a Paris-based charity"
# ("Nigerian-led", "army-run" and "state-owned" do name the actor)
NOT_IDENTITY = frozenset("backed funded financed supported sponsored trained brokered based born educated allied "
                         "aligned linked inspired friendly made built bound".split())


def _by_token(phrases) -> dict:
    """Token index -> the phrase covering it (the later phrase where two overlap)."""
    return {i: q for q in phrases for i in range(q.start, q.end)}


def names_a_backer(span) -> bool:
    """Whether a matched name is the first part of "X-backed", "X-born", "X-made" ... (see NOT_IDENTITY), or
    the second of "pro-X" or "anti-X" ("pro-Moscow separatists", "anti-American protesters")."""
    doc, start, end = span.doc, span.start, span.end
    if (start > 1 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ("pro", "anti") and doc[start].is_title
            and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_):
        return True
    return (end + 1 < len(doc) and doc[end].text == "-" and not span[-1].whitespace_
            and doc[end + 1].lower_ in NOT_IDENTITY)


def domestic_agents(phrases, doc) -> None:
    """Give country-less agent phrases the one country their sentence names (see the module's text)."""
    by_sent: dict[int, list] = {}
    for p in phrases:
        by_sent.setdefault(doc[p.head].sent.start, []).append(p)
    for group in by_sent.values():
        countries = {p.country for p in group if p.country}
        if len(countries) != 1:
            continue
        [country] = countries
        filled = {p.sector for p in group if p.country == country}
        for p in group:
            if p.country or p.org or p.prefix or not p.sector or p.sector in filled or not bare_agent(p, doc):
                continue
            # the state itself or its government, named before the role ("The senator attacked the
            # statement of the Indian government": the senator need not be Indian)
            before = {q.sector for q in group if q.country == country and q.end <= p.start}
            if not before & ({"GOV"} if p.sector[:3] in ARMED else {None, "GOV"}):
                continue
            p.country = country


def hosted_roles(phrases, doc) -> None:
    """A hosted role (HOSTED_ROLES) whose only country is the place it is in ("the embassy in Karachi",
    "refugees in Jordan") has no country of its own; one named beside it stays ("the Iraqi embassy in Kabul")."""
    for p in phrases:
        if not p.country or p.org or doc[p.head].lower_ not in HOSTED_ROLES:
            continue
        owners = [(r, i) for r, i, e in p.parts if e.country and e.kind != "agent"]
        if owners and all(r >= 10 and doc[i].head.lower_ in ("in", "at") for r, i in owners):
            p.country = None


def carried_titles(phrases, doc, reach: int = 3) -> None:
    """"Kenyan President William Ruto arrived on Monday. The president said ...": a definite bare title
    ("the president", "the foreign minister", "the ministers") names the actor last given that title (or one
    ending in it: a "foreign minister" is a "minister"; a plural title names a plural actor), with its country,
    within ``reach`` sentences before, unless its own sentence is set in another country. So does a word that
    ends the name of an organisation named anywhere before ("the European Commission ... the Commission")."""
    sent_of = {s.start: k for k, s in enumerate(doc.sents)}
    for p in phrases:
        head = doc[p.head]
        if (p.country or p.org or p.prefix or len(p.parts) != 1 or p.parts[0][2].kind not in ("agent", "org")
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)):
            continue
        title, k = p.parts[0][2].name, sent_of[head.sent.start]
        plural = _plural(head)  # "the ministers": a group named so before ("Foreign ministers of the G7")
        earlier = [q for q in phrases if q.end <= p.start and (q.country or q.org) and (
            (0 < k - sent_of[doc[q.head].sent.start] <= reach and (not plural or _plural(doc[q.head]))
             and any(e.kind == "agent" and (e.name == title or e.name.endswith(" " + title)) for _, _, e in q.parts))
            # "the Commission" (a name of no known organisation) anywhere after "the European Commission"
            or (q.org and p.parts[0][2].kind == "org" and doc[q.end - 1].lower_ == head.lower_))]
        here = {q.country for q in phrases if q.country and sent_of[doc[q.head].sent.start] == k
                and doc[q.head].dep_ == "pobj" and doc[q.head].head.lower_ in ("in", "at")}
        if len({(q.country, q.org) for q in earlier}) == 1:  # two presidents before: no telling which
            q = max(earlier, key=lambda q: q.end)
            if q.country and here - {q.country}:
                continue  # "In Kampala, the government denied it": set in another country (an IGO meets anywhere)
            p.country, p.org, p.sector, p.name = q.country, q.org, q.sector, q.name


def plural_titles(phrases, doc) -> None:
    """"Lord Justices Clarke and Rix", "Israeli Generals Cohen and Levy": a name conjoined to a name after a
    plural title holds that title too, with its country and sector."""
    by_token = _by_token(phrases)
    for p in phrases:
        head = doc[p.head]
        if p.country or p.org or p.prefix or head.dep_ != "conj" or head.pos_ != "PROPN":
            continue
        name = head.head  # the name before it in the list, the one the title governs
        while name.dep_ == "conj" and by_token.get(name.i) in (None, p):
            name = name.head
        q = by_token.get(name.i)
        if q is None or q is p or not (q.country or q.org) or name.pos_ != "PROPN":
            continue
        if (any(e.kind in ("agent", "seat") for _, _, e in q.parts)
                and any(_plural(t) for t in doc[q.start:name.i])):
            p.country, p.sector, p.org = q.country, q.sector, q.org


def persons_from(phrases, doc) -> None:
    """"Jane Smithers, from Leeds, ...", "John Doe, of Dayton, Ohio,": a person no list knows takes the
    country of the place set off after the name as where they come from."""
    by_token = _by_token(phrases)
    for p in phrases:
        head = doc[p.head]
        if p.country or p.org or p.prefix or p.parts or head.ent_type_ != "PERSON":
            continue
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "of") and c.i > p.end and doc[c.i - 1].text == ",":
                place = next((by_token[g.i] for g in c.children if g.dep_ == "pobj" and g.i in by_token), None)
                if place is not None and place.country and not place.org and not place.sector:
                    p.country = place.country
                break


def _plural(tok) -> bool:
    """A plural noun, a capitalised title too ("Generals", which the tagger calls a singular name)."""
    return tok.tag_ in ("NNS", "NNPS") or (tok.tag_ == "NNP" and tok.lower_.endswith("s")
                                           and not tok.lower_.endswith("ss"))


def office_over_religious_title(phrases, doc, when) -> None:
    """"Iran's Supreme Leader Ayatollah Ali Khamenei": a religious title before the name of someone who
    holds a state office on the article's date (data/leaders.tsv) does not make the office-holder clergy;
    a person whose phrase names only the country ("Libya's renegade Gen. Khalifa Haftar") takes the
    sector of the office held on that date."""
    from .people import office_of

    for p in phrases:
        if p.sector not in ("REL", None) or p.org or not p.name or doc[p.head].ent_type_ != "PERSON":
            continue
        office = office_of(p.name, when) or office_of(p.name.split()[-1], when)
        if office is not None and office.country == p.country and office.sector:
            p.sector = office.sector


def possessed_agents(phrases, doc) -> None:
    """An agent owned by a known actor is that actor's: "Mugabe's militias", "Putin's government" (the
    possessor a person the actor finder found by name), "Saakashvili said his government ..." ("his"/"her":
    the nearest person actor before it in the sentence, named or by a role: "the Iraqi foreign minister"), "Russia said its warplanes ..." ("its"/"their":
    the nearest state, or organ of a state, named before it in the sentence). A government agent of a
    non-state owner takes the owner's sector ("the Dalai Lama's envoys" are no state's envoys)."""
    by_head = {p.head: p for p in phrases}
    for p in phrases:
        if (p.country or p.org or p.prefix or not p.sector or not p.parts
                or any(e.kind != "agent" for _, _, e in p.parts)):
            continue
        head = doc[p.head]
        owner = None
        for c in head.children:
            if c.dep_ != "poss":
                continue
            if c.lower_ in ("his", "her"):
                people = [q for q in phrases if q.end <= c.i and q.country and q.head >= head.sent.start
                          and (doc[q.head].ent_type_ == "PERSON" or not q.parts or _one_official(q, doc))]
                owner = max(people, key=lambda q: q.end, default=None)
            elif c.lower_ in ("its", "their") and (head.dep_ in ("nsubj", "nsubjpass", "agent")
                                                    or head.dep_ == "pobj" and head.head.lower_ == "by"):
                # "Russia said its warplanes bombed ...": the state named before (not "Egypt moved its troops")
                # or one of its state organs ("the Sri Lankan army said its troops ...")
                states = [q for q in phrases if q.end <= c.i and q.head >= head.sent.start and q.country
                          and (q.names_only(("country", "seat")) or (q.sector or "")[:3] in STATE_SECTORS)]
                owner = max(states, key=lambda q: q.end, default=None)
            else:
                owner = by_head.get(c.i)
        if owner is not None and owner.country and not owner.org:
            p.country = owner.country
            if p.sector == "GOV" and owner.sector and owner.sector[:3] not in STATE_SECTORS:
                p.sector = owner.sector  # "the Dalai Lama's envoys", "the rebels' spokesman": not the state's


def _one_official(q, doc) -> bool:
    """"the Iraqi foreign minister", "a Kenyan spokesman": one person named by a role (a singular agent
    word), who may be "his" or "her" too; not a state, a capital or a body ("Washington", "the army")."""
    return (doc[q.head].tag_ == "NN" and any(e.kind == "agent" for _, _, e in q.parts)
            and doc[q.head].lemma_.lower() not in COLLECTIVE_AGENTS)


# agent words that name a body, not one person
COLLECTIVE_AGENTS = frozenset("government army military police ministry cabinet parliament administration "
                              "regime authority council committee court party force navy".split())


def bare_agent(p, doc) -> bool:
    """An agent phrase with no possessor, no "of"/"from" attachment, no unknown name and no foreign marker."""
    if not p.parts or any(e.kind != "agent" for _, _, e in p.parts):
        return False
    if any(e.name in FOREIGN_ROLES for _, _, e in p.parts):
        return False
    head = doc[p.head]
    for c in head.children:
        if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "from", "for")):
            return False
        if (c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN" and c.i < head.i
                and c.ent_type_ not in ("GPE", "LOC", "NORP")):
            return False  # a name no list knows qualifies it ("a GoFundMe representative"; not "Shona rebels")
    return not any(t.lower_ in FOREIGN_MODIFIERS for t in doc[min(p.start, head.left_edge.i):p.head + 1])


# prepositions joining an agent to its country ("the foreign minister of France", "police in Kenya")
AGENT_PREPS = frozenset({"of", "for", "at", "from", "in"})


def prepositional_actors(phrases, doc) -> None:
    """PETRARCH's noun phrases: an agent phrase with no actor of its own takes the first actor named in its
    prepositional phrase ("soldiers from X wire services", where the parser makes X modify another noun), or
    the place it is based in ("a doctor based in Roanoke, Virginia")."""
    by_token = _by_token(phrases)
    for p in phrases:
        if p.country or p.org or p.prefix or not p.sector or any(e.kind != "agent" for _, _, e in p.parts):
            continue
        for c in _agent_preps(doc[p.head]):
            if c.dep_ != "prep" or c.lower_ not in AGENT_PREPS or c.i < p.head:
                continue
            if c.lower_ in ("in", "at") and doc[p.head].lower_ in HOSTED_ROLES:
                continue  # "diplomats in Kabul", "the embassy in Karachi": foreign there
            found = next((by_token[t.i] for t in _noun_phrase(c) if t.i in by_token and by_token[t.i] is not p
                          and (by_token[t.i].country or by_token[t.i].org)), None)
            if found is not None:
                p.country, p.org = found.country, found.org
                break


def _agent_preps(head):
    """The prepositions attached to an agent noun, and those of a "based" participle it governs."""
    for c in head.children:
        if c.dep_ == "acl" and c.lower_ == "based":
            yield from (g for g in c.children if g.dep_ == "prep" and g.lower_ in ("in", "at"))
        else:
            yield c


def _noun_phrase(tok):
    """The tokens of ``tok``'s subtree in order, without the clauses and the phrases of other prepositions."""
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl", "advcl", "ccomp", "xcomp", "prep")
                     or t is tok)
    return sorted(out, key=lambda t: t.i)


DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def dateline_end(doc, reach: int = 12) -> int:
    """"Bulawayo, Zimbabwe - Police said ...", "KABUL (AFP) -": the first token after a dateline at the start
    of the text (a place, not an actor), 0 when there is none. A dateline is capitalised words, commas, a
    day and a parenthesised agency before a dash, with a comma, an agency or an upper-case place."""
    marked = len(doc) > 0 and doc[0].is_upper and len(doc[0]) > 1
    for t in doc[:reach]:
        if t.text in DASHES:  # set apart by spaces: not the hyphen of "Secretary-General"
            return t.i + 1 if t.i and marked and doc[t.i - 1].whitespace_ else 0
        if t.text in (",", "(", ")"):
            marked = True
        elif not (t.is_title or t.is_upper or t.like_num or t.is_space):
            return 0
    return 0


# nouns for a ship: a place name in apposition or compound with one names the ship ("the tanker Sparta")
VESSELS = frozenset("ship ships vessel vessels tanker tankers supertanker freighter cargo boat yacht trawler "
                    "ferry carrier frigate destroyer cruiser tug dhow liner".split())


def names_a_vessel(p, doc) -> bool:
    """Whether a phrase that names only a place is the name of a ship: "seized the Sparta, a Greek
    tanker", "the tanker Sparta"."""
    if not p.names_only(("country", "seat", "region")) and p.parts:
        return False
    head = doc[p.head]
    near = [c for c in head.children if c.dep_ in ("appos", "compound", "nmod")]
    if head.dep_ in ("appos", "compound"):
        near.append(head.head)
    return any(t.lower_ in VESSELS for t in near)


# social networks and messaging services: the channel of a message, not a party to it, when named as where it
# was said ("wrote on Twitter", "via Facebook") or as what holds it ("in Twitter posts", "a YouTube video")
PLATFORMS = frozenset("twitter facebook youtube instagram whatsapp telegram weibo wechat tiktok linkedin snapchat "
                      "reddit vkontakte".split())
_CHANNEL_PREPS = frozenset("on via through over".split())
_POSTS = frozenset("post posts account accounts message messages page pages feed feeds video videos channel "
                   "statement statements".split())


def a_channel(p, doc) -> bool:
    """Whether a phrase names a social network only as the channel of a message: "lashed out on Twitter",
    "announced via Facebook", "in Twitter posts". A network that acts or is acted on ("Twitter suspended the
    account", "the ministry blocked Facebook") is kept."""
    head = doc[p.head]
    if head.lower_ not in PLATFORMS:
        return False
    return ((head.dep_ == "pobj" and head.head.lower_ in _CHANNEL_PREPS)
            or (head.dep_ in ("compound", "nmod", "amod") and head.head.lower_ in _POSTS))


CURRENCIES = frozenset(row["lemma"] for _, row in read_tsv(data_path("currencies.tsv")))


def a_currency(p, doc) -> bool:
    """Whether a phrase names a place only to say whose money a sum is: "invested nine billion US dollars",
    "paid in Hong Kong dollars", "the Swiss franc" (``data/currencies.tsv``)."""
    head = doc[p.head]
    return (p.names_only(("country", "seat", "region")) and head.dep_ in ("compound", "nmod", "amod")
            and head.head.lemma_.lower() in CURRENCIES and head.head.i > head.i)


# participles after "X-" that make X the actor's own ("NATO-led troops" are NATO's)
LEADING = frozenset("led run commanded controlled".split())


def led_agents(phrases, doc) -> None:
    """"NATO-led troops", "a Saudi-led coalition force": an agent phrase with no actor of its own, modified by
    "X-led", is X's (its country or organisation); X's own phrase, now inside it, is dropped."""
    by_head = {p.head: p for p in phrases}
    absorbed = []
    for p in phrases:
        end = p.end
        if not (p.country or p.org) or end + 1 >= len(doc) or doc[end].text != "-" or p.end - p.start > 4:
            continue
        led = doc[end + 1]
        q = by_head.get(led.head.i)
        if (led.lower_ in LEADING and led.dep_ == "amod" and q is not None and q is not p and q.sector
                and not (q.country or q.org or q.prefix)):
            q.country, q.org, q.name = p.country, p.org, p.name
            q.start = min(q.start, p.start)
            absorbed.append(p)
    for p in absorbed:
        phrases.remove(p)


def resident_groups(phrases, doc, demonyms) -> None:
    """"Kosovo Albanians", "Kosovo Serbs": a people (a plural demonym) that a place name modifies are that
    place's civilians, not the state its name comes from (as :func:`annales.actors._ethnic_residents`).
    A demonym modifier is not a place: "Turkish Cypriots" are Cypriots."""
    for p in phrases:
        head = doc[p.head]
        if p.org or p.sector or head.tag_ != "NNPS" or not any(i == p.head and e.kind == "country"
                                                                 for _, i, e in p.parts):
            continue
        place = next((e for _, i, e in p.parts if i != p.head and e.kind == "country" and doc[i].dep_ == "compound"
                      and doc[i].head.i == p.head and doc[i].pos_ == "PROPN" and e.country != p.country
                      and doc[i].text not in demonyms), None)
        if place is not None:
            p.country, p.sector = place.country, "CVL"


def loyal_agents(phrases, doc) -> None:
    """"militias loyal to Gbagbo", "troops loyal to the junta": an agent phrase with no actor of its own
    is that of the actor it is loyal to."""
    by_token = _by_token(phrases)
    for p in phrases:
        if p.country or p.org or p.prefix or not p.sector:
            continue
        for adj in doc[p.head].children:
            to = next((c for c in adj.children if c.dep_ == "prep" and c.lower_ == "to"), None)
            if adj.dep_ != "amod" or adj.lower_ != "loyal" or to is None:
                continue
            found = next((by_token[t.i] for t in _noun_phrase(to) if t.i in by_token and by_token[t.i] is not p
                          and (by_token[t.i].country or by_token[t.i].org)), None)
            if found is not None:
                p.country, p.org = found.country, found.org


def ethnic_agents(phrases, doc) -> None:
    """"ethnic Albanian leaders in Kosovo": an agent of an ethnic group (a demonym after "ethnic") in a
    place is of that place's country, not of the state the demonym names."""
    for p in phrases:
        demonym = next(((r, i) for r, i, e in p.parts if e.kind == "country" and i != p.head and r < 10
                        and e.country == p.country), None)
        if p.org or demonym is None or not (doc[demonym[1]].i > 0 and doc[demonym[1] - 1].lower_ == "ethnic"):
            continue
        place = next((e for r, i, e in sorted(p.parts, key=lambda x: x[0]) if r >= 10 and e.country
                      and e.kind in ("country", "seat", "region") and e.country != p.country), None)
        if place is not None:
            p.country = place.country


# words of a modifier that make armed men a government's: "government fighters", "pro-regime militias"
GOVERNMENT_MODIFIERS = frozenset({"government", "regime"})


def government_fighters(phrases, doc) -> None:
    """"pro-regime fighters", "government militias": fighters and militias (REB words) that a government or
    regime qualifies fight for the state, as its armed forces (MIL), not against it; "anti-government fighters"
    stay rebels."""
    for p in phrases:
        if p.sector != "REB" or p.org:
            continue
        for _, i, e in p.parts:
            tok = doc[i]
            if (e.kind == "agent" and i < p.head and tok.lower_ in GOVERNMENT_MODIFIERS
                    and not (i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "anti")):
                p.sector = "MIL"
                break


def group_actors(phrases, doc, demonyms) -> None:
    """Whose an agent or a people is, from the words around it: :func:`led_agents`, :func:`loyal_agents`,
    :func:`ethnic_agents` and :func:`resident_groups`; and :func:`government_fighters`."""
    government_fighters(phrases, doc)
    led_agents(phrases, doc)
    loyal_agents(phrases, doc)
    ethnic_agents(phrases, doc)
    resident_groups(phrases, doc, demonyms)


def classifies_a_thing(p, doc) -> bool:
    """Whether a phrase is only an agent adjective that sorts a thing or an act into a kind: "a criminal
    investigation", "military aid", "a new military operation". The adjective names no one; an actor
    noun it modifies ("military officials") is matched as a phrase of its own."""
    if p.end - p.start != 1 or not p.parts or any(e.kind != "agent" for _, _, e in p.parts):
        return False
    tok = doc[p.start]
    return tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.head.pos_ == "NOUN"


# first halves of a hyphenated modifier that count or span its agent word: "six-party talks", "a multi-party
# system", "a cross-party committee", "an all-party meeting" name a kind of thing, no party
COUNTING_PREFIXES = frozenset({"multi", "cross", "all", "inter", "bi", "single"})


def counted_kind(p, doc) -> bool:
    """Whether a phrase is only an agent word that ends a hyphenated modifier with a number or a counting
    prefix ("the six-party talks", "a multi-party democracy")."""
    if p.end - p.start != 1 or not p.parts or any(e.kind != "agent" for _, _, e in p.parts) or p.start < 2:
        return False
    tok, first = doc[p.start], doc[p.start - 2]
    return (doc[p.start - 1].text == "-" and tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ == "NOUN"
            and (first.like_num or first.lower_ in COUNTING_PREFIXES))


def predicative(p, doc) -> bool:
    """Whether a phrase only says what a verb's object is taken for: "recognise Israel as a Jewish state",
    "named him as envoy" (the object is the actor, not the "as" phrase)."""
    head = doc[p.head]
    prep = head.head
    return (head.dep_ == "pobj" and prep.lower_ == "as" and prep.dep_ == "prep" and prep.head.pos_ == "VERB"
            and any(c.dep_ == "dobj" for c in prep.head.children))


def ownerless_weapon(p, doc) -> bool:
    """Whether a phrase names only a weapon of no known country or organisation that modifies the name of an
    act ("drone strikes hit ...", "a missile attack"): an instrument of an act whose agent the words do not
    tell."""
    head = doc[p.head]
    return (not (p.country or p.org or p.prefix) and p.names_only(("agent",))
            and all(e.name in WEAPONS for _, _, e in p.parts) and head.dep_ in ("compound", "nmod", "amod")
            and head.head.pos_ == "NOUN")


def kept_phrases(phrases, doc, cut: int) -> list:
    """The phrases that name actors: not "X-backed" names, datelines, ships' names, kind adjectives,
    predicates of an object, weapons of no one, a social network as a message's channel, a counted kind
    ("six-party talks"), a currency's country ("US dollars") or a name :mod:`annales.incidental_names` finds
    incidental ("an Irish pub", "the MP for Richmond")."""
    covered = {i for p in phrases for i in range(p.start, p.end)}
    return [p for p in phrases if not names_a_backer(doc[p.start:p.end]) and p.head >= cut
            and not incidental(p, doc, covered)
            and not names_a_vessel(p, doc) and not classifies_a_thing(p, doc) and not predicative(p, doc)
            and not ownerless_weapon(p, doc) and not a_channel(p, doc) and not counted_kind(p, doc)
            and not a_currency(p, doc)]
