"""Who an actor phrase stands for, from how its words are used (steps of ``annales.actors.ActorFinder``).

- :func:`private_persons`: "the Belgian won the final", "an Indian woman was arrested": a demonym naming
  one person is a civilian of that country (CVL), not its state.
- :func:`shared_places`: "police and protesters in Nairobi": conjoined agents share the place that locates
  one of them.
- :func:`international_forces`: "a regional peacekeeping force" is an intergovernmental force (IGO).
- :func:`listed_people`: "Kenyan President Ruto and Foreign Minister Mutua": a titled person listed with
  titled people of one country is of that country.
- :func:`company_names`: "Singapore Telecom", "the Kenyan Securities Group": a country inside a company's name
  is that country's business (BUS), not its state; so a title of such a company is business.
- :func:`company_officers`: "the president of the games studio", "the firm's chairman": a title of a
  company is business (BUS), not government.
- :func:`affiliated_people`: "IMF boss Rodrigo Rato", "Labour backbencher Jane Roe": a post in an organisation
  or for a country, named before a person, makes the person that organisation's or country's.
- :func:`seat_in_name`: "the Tokyo Olympics", "the London School of Economics": a capital inside a longer
  name gives that name's country, not its government.
"""

from __future__ import annotations

from dataclasses import replace

from ._data import data_path, read_tsv, split_list
from .actor_context import bare_agent
from .parse import tokens
from .people import after_honorific
from .unknown_actors import NAME_SECTORS

# nouns for one private person or a few, that a demonym before them makes that country's civilians
PERSON_NOUNS = frozenset(("man men woman women boy boys girl girls child children teenager teenagers "
                          "national nationals tourist tourists").split())
# nouns for an ethnic group living among others: a demonym before them names the group, not its state
MINORITY_NOUNS = frozenset("minority minorities population community communities".split())
# endings of demonyms that also name the whole people ("the British", "the French", "the Chinese")
_COLLECTIVE_ENDINGS = ("sh", "ch", "ese", "ss")
_ARTICLES = frozenset({"the", "a", "an"})


def _place_only(p) -> bool:
    """A phrase that is one country, demonym or region and nothing else."""
    return (not (p.org or p.sector or p.prefix) and p.country and len(p.parts) == 1
            and p.parts[0][2].kind in ("country", "region") and p.parts[0][1] == p.head)


def private_persons(phrases, doc, demonyms) -> None:
    """A singular demonym used as a noun with an article ("the Belgian", "a Briton"), or a demonym or
    place before a noun for a private person ("an Indian woman", "two Dutch nationals", "a Kansas man"), is
    that country's civilian (CVL); the phrase grows over the noun. So is a place a private person is from ("a
    woman from east London", "a man from Kenya"): the person, not the place or its government."""
    for p in phrases:
        head = doc[p.head]
        person = _person_from(head)
        if person is not None and p.country and not (p.org or p.sector and p.sector != "GOV" or p.prefix) and (
                p.names_only(("country", "seat", "region"))):
            p.sector, p.start = "CVL", min(p.start, person.i)
            continue
        if not _place_only(p):
            continue
        if (head.dep_ in ("amod", "compound") and head.head.i > head.i
                and head.head.lower_ in PERSON_NOUNS | MINORITY_NOUNS
                and not any(c.dep_ == "poss" for c in head.head.children)):  # not "Iran's women"
            p.sector, p.end = "CVL", max(p.end, head.head.i + 1)
            continue
        if (head.text in demonyms and head.dep_ not in ("amod", "compound", "nmod", "poss")
                and head.tag_ in ("NN", "NNP") and not head.lower_.endswith(_COLLECTIVE_ENDINGS)
                and any(c.dep_ == "det" and c.lower_ in _ARTICLES for c in head.children)):
            p.sector = "CVL"


def _person_from(tok):
    """The noun for a private person that ``tok`` is the place of, after "from" ("a woman from London")."""
    prep = tok.head
    if tok.dep_ == "pobj" and prep.lower_ == "from" and prep.dep_ == "prep" and prep.head.lower_ in PERSON_NOUNS:
        person = prep.head
        if not any(c.dep_ in ("poss", "compound", "amod") and c.pos_ == "PROPN" for c in person.children):
            return person
    return None


def shared_places(phrases, doc) -> None:
    """"Police and protesters in Nairobi", "soldiers and special forces from Britain and France": a bare
    agent conjoined with an agent whose country comes from the place that locates it or that it comes from
    ("in"/"at"/"from" PLACE, and the places listed with it) is of that place too. When the place follows the
    second agent and the first has a qualifier of its own ("Kurdish fighters and special forces from Britain"),
    the place is the second's alone."""
    by_head = {p.head: p for p in phrases}
    for p in phrases:
        if not p.country or p.org:
            continue
        prep = next((doc[i].head for r, i, e in p.parts if r >= 10 and e.country == p.country
                     and e.kind in ("country", "seat", "region") and doc[i].head.lower_ in ("in", "at", "from")), None)
        if prep is None:
            continue
        for c in doc[p.head].conjuncts:
            q = by_head.get(c.i)
            if q is None or q.country or q.org or q.prefix or not q.sector or not bare_agent(q, doc):
                continue
            q.country = p.country
            q.siblings += [replace(s, sector=q.sector, siblings=[]) for s in p.siblings
                           if s.country and not s.org and s.sector == p.sector]
            if p.head < c.i < prep.i and _own_qualifier(p, doc):
                p.country, p.siblings, p.end = None, [], q.start
                while p.end > p.head + 1 and doc[p.end - 1].lower_ in ("and", "or", ","):
                    p.end -= 1


def _own_qualifier(p, doc) -> bool:
    """Whether a phrase's head has a capitalised modifier that is none of its matched parts ("Kurdish
    forces", where no list knows "Kurdish")."""
    parts = {i for _, i, _ in p.parts}
    return any(c.dep_ in ("amod", "compound") and c.i < p.head and c.i not in parts and c.text[:1].isupper()
               for c in doc[p.head].children)


# words that mark an armed force as sent by several states
_SEVERAL_STATES = frozenset({"international", "multinational", "regional"})


def international_forces(phrases, doc) -> None:
    """"A regional peacekeeping force", "international peacekeepers", "a multinational force": armed
    agents of no named state or organisation, marked as sent by several states, are an intergovernmental
    force (CAMEO's IGO with the agent's sector), not of unknown country."""
    for p in phrases:
        if p.country or p.org or p.prefix or not p.sector or not p.names_only(("agent",)):
            continue
        head = doc[p.head]
        words = {t.lower_ for t in doc[min(p.start, head.left_edge.i):p.head + 1]}
        armed = bool(words & {"peacekeepers", "peacekeeping"}) or (
            "multinational" in words and head.lower_ in ("force", "forces", "troops"))
        if armed and words & _SEVERAL_STATES:
            p.country = "IGO"


# titles of a head of state or government: two of them in one list are usually of two states
HEAD_TITLES = frozenset({"president", "presidents", "prime minister", "premier", "chancellor", "king", "queen",
                         "emir", "sultan", "monarch", "head of state", "head of government"})


def _titled_person(p, doc) -> bool:
    """A title and a name: "Foreign Minister Alfred Mutua", "the Afghan president, Hamid Karzai"."""
    return doc[p.end - 1].ent_type_ == "PERSON" and any(e.kind == "agent" for _, _, e in p.parts)


def listed_people(phrases, doc) -> None:
    """"Kenyan President Ruto and Foreign Minister Mutua", "the Afghan president X, vice president Y and
    deputy Z": a titled person of no country, listed with titled people who all have one country, is of
    that country too. Not a second head of state or government ("the Kenyan president and President
    Y" are two states' leaders), and not in a list with an organisation."""
    by_head = {p.head: p for p in phrases}
    for q in phrases:
        if (q.country or q.org or q.prefix or not q.sector or not _titled_person(q, doc)
                or any(e.kind == "agent" and e.name in HEAD_TITLES for _, _, e in q.parts)):
            continue
        listed = [by_head[c.i] for c in doc[q.head].conjuncts if c.i in by_head] + q.siblings
        countries = {p.country for p in listed if p.country and _titled_person(p, doc)}
        if len(countries) == 1 and not any(p.org for p in listed):
            q.country = countries.pop()


# entity labels of names that can be named after a capital ("the Tokyo Olympics", "the Delhi Police")
_NAME_LABELS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})
# words of a seat's own building: "the Elysee Palace" is still the presidency
_SEAT_BUILDINGS = frozenset("palace house building compound residence headquarters office offices castle".split())


def seat_in_name(span, entry, doc, matched) -> object:
    """A capital or seat of power inside a longer name with words no list knows ("the Tokyo Olympics",
    "the White House Correspondents' Association", "the London School of Economics") stands for that
    name's country, not its government: the entry without its sector. A name whose other words are
    known ("the Delhi Police", "the Islamabad High Court") or name the seat's building ("the Elysee
    Palace") keeps it."""
    if entry.kind != "seat" or entry.sector != "GOV":  # not a court or title ("Lord Justices Clarke")
        return entry
    ent = next((e for e in tokens(doc).ents if e.start <= span.start and span.end <= e.end), None)
    if ent is None or ent.label_ not in _NAME_LABELS:
        return entry
    end = next((t.i for t in doc[span.end:ent.end] if t.text == "("), ent.end)  # "the Foreign Office (FO)"
    rest = [t for t in doc[ent.start:end] if t.i not in matched and t.is_alpha and not t.is_stop]
    if not rest or any(t.lower_ in _SEAT_BUILDINGS for t in rest):
        return entry
    return replace(entry, sector=None)


# words that end or fill a company's name ("Nordic Securities", "Andes Telecom Holdings"); not "bank" (central
# and development banks are states' or organisations') nor "group" ("Group of Seven")
COMPANY_NAME_WORDS = frozenset(w for w, s in NAME_SECTORS.items() if s == "BUS") - {"bank", "group"}


def _company_name(doc, i: int) -> bool:
    """Whether token ``i`` lies in a name the entity recogniser tags as an organisation with a company word."""
    return any(e.label_ == "ORG" and e.start <= i < e.end and any(t.lower_ in COMPANY_NAME_WORDS for t in e)
               for e in tokens(doc).ents)


def company_names(phrases, doc) -> None:
    """"Singapore Telecom", "America Capital Technologies": a phrase that is only a country (or region) inside a
    company's name is that country's business (BUS), not its state."""
    for p in phrases:
        if (not p.sector and not p.org and p.country and p.parts
                and all(e.kind in ("country", "region") for _, _, e in p.parts) and _company_name(doc, p.head)):
            p.sector = "BUS"


# words that end a news outlet's name ("The Jakarta Post", "the Military Times", "the Washington Examiner")
MEDIA_NAME_WORDS = frozenset(w for w, s in NAME_SECTORS.items() if s == "MED")


def outlet_names(phrases, doc) -> None:
    """"The Jakarta Post", "the Military Times", "the Washington Examiner", "the Times of India": a country, place
    or agent word inside a name that a capitalised news-media word ends is that outlet (MED; the place's country
    kept), not a state, its government or its forces."""
    for p in phrases:
        if p.org or p.prefix or not p.parts or p.sector == "MED":
            continue
        last = max(i for _, i, _ in p.parts)
        words = [doc[i] for i in range(last + 1, p.end)]
        tok = doc[p.head]
        while tok.dep_ == "compound" and tok.head.i > tok.i:  # the name's own head, past the phrase
            tok = tok.head
            words.append(tok)
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i < tok.i:
            words.append(tok.head.head)  # "the Times of India"
        if any(w.pos_ == "PROPN" and w.text[:1].isupper() and w.lower_ in MEDIA_NAME_WORDS for w in words):
            p.sector = "MED"


# prepositions joining a title to the body it heads ("president of the studio", "chairman at the bank")
_OFFICE_PREPS = frozenset({"of", "at"})


def company_officers(phrases, doc) -> None:
    """"Jane Roe, president of the games studio", "the firm's chairman", "the head of an insurance company": a
    government title (president, head, chairman) held in a company is a company officer (BUS), not a state's;
    the company's country, when known, is the officer's."""
    by_token = {t: q for q in phrases for t in range(q.start, q.end)}
    for p in phrases:
        if p.sector != "GOV" or p.org or p.prefix:
            continue
        business = {i: e for _, i, e in p.parts if e.kind == "agent" and e.sector == "BUS"}  # "of the studio"
        for _, i, entry in p.parts:
            if entry.kind != "agent" or entry.sector != "GOV":
                continue
            owners = [c for c in doc[i].children if c.dep_ == "poss"] + [
                g for c in doc[i].children if c.dep_ == "prep" and c.lower_ in _OFFICE_PREPS
                for g in c.children if g.dep_ == "pobj"]
            if any(o.i in business or _company_name(doc, o.i) for o in owners):  # "of Nordic Securities"
                p.sector = "BUS"
                break
            company = next((by_token[o.i] for o in owners if o.i in by_token and by_token[o.i] is not p
                            and by_token[o.i].sector == "BUS"), None)
            if company is not None:
                p.sector, p.country = "BUS", p.country or company.country
                break


# data/posts.tsv: a post named between an organisation (or a country) and a person's name
POSTS = {w: row["sector"] or None for _, row in read_tsv(data_path("posts.tsv")) for w in split_list(row["words"])}
_POST_JOINERS = frozenset({"'s", "’s", "-", "co"})
_BEFORE_POST = frozenset({"former", "ex", "then", "ex-"})


def affiliated_people(phrases, doc) -> None:
    """"IMF boss Rodrigo Rato", "Labour backbencher Jane Roe", "the BBC's defence correspondent John Doe": a person
    no list knows, named right after a post (``POSTS``) that an organisation or a country before it qualifies,
    is that organisation's or country's, with the post's sector where it has one (a backbencher LEG, a correspondent
    MED); so are later mentions of the name and pronouns that refer to it. Not a former post ("former IMF boss"),
    nor a relation that is no post ("Putin critic")."""
    by_token = {t: q for q in phrases for t in range(q.start, q.end)}
    for p in phrases:
        head = doc[p.head]
        if p.country or p.org or p.sector or p.prefix or head.ent_type_ != "PERSON" or p.start == 0:
            continue
        i, post, sector = p.start - 1, None, None
        while i >= 0 and i not in by_token and (doc[i].lower_ in POSTS or doc[i].lower_ in _POST_JOINERS
                                                 or post and doc[i].pos_ in ("NOUN", "ADJ") and doc[i].is_lower):
            if post is None and doc[i].lower_ not in _POST_JOINERS:
                if doc[i].lower_ not in POSTS:
                    break
                post, sector = doc[i].lower_, POSTS[doc[i].lower_]
            i -= 1
        q = by_token.get(i) if post else None
        if q is None or q is p or not (q.org or q.country and not q.sector
                                       and all(e.kind == "country" for _, _, e in q.parts)):
            continue  # an organisation, or a country alone (not a town: "Chelsea boss" is a football club's)
        # it qualifies the words up to the name (the parser may misattach the post itself: "backbencher")
        if doc[q.head].head.i not in range(q.end, p.end) or q.start > 0 and doc[q.start - 1].lower_ in _BEFORE_POST:
            continue
        p.country, p.org, p.sector = q.country, q.org, sector or q.sector
        surname, same = doc[p.end - 1].text, [p]
        for r in sorted(phrases, key=lambda r: r.start):  # "Mr Rato" and "he" later in the article
            if r.start >= p.end and not (r.country or r.org or r.sector) and (
                    any(r.refers is s for s in same) or (doc[r.head].ent_type_ == "PERSON"
                                                         or after_honorific(doc, r.start))
                    and doc[r.end - 1].text == surname):
                r.country, r.org, r.sector = p.country, p.org, p.sector
                same.append(r)


# sectors of an office that someone can have left: its former holders are elites (CAMEO ELI)
_OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD", "SPY"})
_FORMER = frozenset({"former", "ex", "ex-"})


def _former(t, titles, doc) -> bool:
    """Whether token ``t`` is "former" or "ex-" before one of the ``titles`` (token indices)."""
    return t.lower_ in _FORMER and (t.dep_ in ("amod", "advmod", "compound") and t.head.i in titles
                                    or t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and t.i + 2 in titles)


def former_offices(phrases, doc) -> None:
    """"Jones, a former commissioner of the Chicago police", "the UK's former intelligence chief", "ex-minister
    Jane Roe", "former Labour minister Peter Brand": a state office's title that "former" or "ex-" qualifies names
    someone who left the office, an elite of the country (CAMEO's ELI, as data/agents.tsv codes "former
    president"), not the office itself, nor the party that held it. Not where the phrase names an office held now
    too ("former minister Frank Field MP"), nor a post that is no state office ("former presidential candidate")."""
    for p in phrases:
        party = p.org if p.org and len(p.org) == 6 and p.org.endswith("PTY") else None  # "former Labour minister"
        if (p.org and not party) or p.prefix or p.sector not in _OFFICE_SECTORS | {"PTY"}:
            continue
        titles = {i: e for _, i, e in p.parts if e.kind == "agent"}
        former = {t.head.i if t.head.i in titles else t.i + 2 for t in doc[max(p.start - 2, 0):p.end]
                  if _former(t, titles, doc)}
        held = {i for i, e in titles.items() if i not in former and e.sector in _OFFICE_SECTORS}  # "... MP"
        if former and not held and all(titles[i].sector in _OFFICE_SECTORS for i in former):
            p.sector = "ELI"
            if party:
                p.country, p.org = party[:3], None
