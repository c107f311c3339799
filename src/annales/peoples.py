"""Agents of a people of several states (``data/peoples.tsv``: Kurds, Tamils, Pashtuns ...), for
``annales.actors.ActorFinder``: "Kurdish forces", "Kurdish militias", "Tamil civilians" name no state, and a
reader takes it from where the article is. The state is the one of the people's states that the agent's
sentence names as a place ("Kurdish fighters in northern Syria"), or else the one the article names most often
as a place (the object of a preposition: "in Syria", "across Iraq", "the north of Syria"); with two named as
often, none. The agent's armed roles become an armed group of that state (``REB``) unless the people govern
themselves within it (``own``: Iraq's Kurdistan Region, whose forces are Iraq's), also where the phrase names the
state itself ("Syrian Kurdish forces": SYRREB, "Iraqi Kurdish forces": IRQMIL); its state roles (government,
officials, courts, police) keep no country outside such a state."""

from __future__ import annotations

from collections import Counter

from ._data import data_path, read_tsv, split_list

# a people's word -> (its states, the states where its own government and forces are the state's)
PEOPLES = {w: (tuple(split_list(row["states"])), frozenset(split_list(row["own"])))
           for _, row in read_tsv(data_path("peoples.tsv")) for w in split_list(row["words"])}
_ARMED = frozenset({"MIL", "REB", "UAF"})
_STATE = frozenset({"GOV", "LEG", "JUD", "COP", "SPY"})
# prepositions whose object is where something is or goes
_WHERE = frozenset("in into across inside throughout within near from to of".split())


def _people_word(p, doc) -> str | None:
    """The people's word that qualifies the phrase's head ("Kurdish forces", "Kurdish-led forces", "the Kurds'
    militias"), or None."""
    for c in doc[p.head].children:
        if c.i < p.head and c.dep_ in ("amod", "compound", "nmod", "poss") and c.text in PEOPLES:
            return c.text
        if c.i < p.head and c.dep_ == "amod" and c.lower_ == "led" and c.i >= 2 and doc[c.i - 2].text in PEOPLES:
            return doc[c.i - 2].text  # "Kurdish-led forces"
    return None


def _places(phrases, doc, states) -> list[tuple[int, str]]:
    """(sentence start, state) of each mention of one of ``states`` as a place: a country or capital name that is
    the object of a preposition of place or direction."""
    out = []
    for q in phrases:
        head = doc[q.head]
        if (q.country in states and not q.sector and not q.org and q.names_only(("country", "seat", "region"))
                and head.dep_ == "pobj" and head.head.lower_ in _WHERE):
            out.append((head.sent.start, q.country))
    return out


def _state(counts: Counter) -> str | None:
    top = counts.most_common(2)
    if not top or (len(top) > 1 and top[1][1] == top[0][1]):
        return None
    return top[0][0]


def stateless_peoples(phrases, doc) -> None:
    """Give agents that a people's word qualifies the state where the article places them (module docstring)."""
    for p in phrases:
        if p.org or p.prefix or not p.sector:
            continue
        word = _people_word(p, doc)
        if word is None:
            continue
        states, own = PEOPLES[word]
        if p.country:  # "Syrian Kurdish forces": the state named, an armed group of it unless the people's own
            if p.country in states and p.sector in _ARMED and p.country not in own:
                p.sector = "REB"
            continue
        places = _places(phrases, doc, states)
        here = doc[p.head].sent.start
        state = (_state(Counter(s for start, s in places if start == here))
                 or _state(Counter(s for _, s in places)))
        if state is None or (p.sector in _STATE and state not in own):
            continue
        p.country = state
        if p.sector in _ARMED and state not in own:
            p.sector = "REB"
